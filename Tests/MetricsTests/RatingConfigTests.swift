import Foundation
import Metrics
import Testing

/// The YAML rating settings: the documented example read in full, every kind of error on
/// its exact line, and the defaults for empty files.
@Suite struct RatingConfigTests {
    /// The example from the format's documentation, line for line.
    private static let example = """
        # trustboard rating settings. Everything is optional.
        trust_name: Northbrook Learning Trust
        benchmark_scope: national          # or la:NAME, e.g. la:Northshire
        rules:                              # replace the built-in trust-wide rule for a KPI
          attendance_rate: { amber_within: 1.0 }     # green at/better than the benchmark, amber within 1.0 of it
          persistent_absence_rate: { amber_within: 4.0 }
          progress8: { green: 0.0, amber: -0.5 }     # absolute lines; "better" follows the KPI's direction
          SUBJECT_expected: { amber_within: 5.0 }    # every subject's _expected (a specific key wins over this)
          SUBJECT_greater_depth: { amber_within: 5.0 }
        targets:                            # per academy, override the trust rule for that academy
          "900104":
            attendance_rate: 95.0                    # green at 95.0 or better; amber by the rule's margin
            rwm_expected: { green: 70, amber: 65 }
        headline:                           # the overview's headline attainment figure by phase
          primary: { kpi: rwm_expected, year_group: 6 }
          secondary: { kpi: english_maths_expected, year_group: 11 }

        """

    /// The twelve subjects, written out here rather than taken from `Subject.allCases`.
    private static let subjects: [Subject] = [
        .reading, .writing, .maths, .rwm, .gps, .science, .phonics, .gld, .mtc, .english, .englishMaths,
        .ebacc,
    ]

    private static func parse(_ text: String) throws -> RatingConfig {
        try RatingConfig.parse(text, file: "test.yaml")
    }

    /// The message of the error parsing `text` throws, or nil when it parses.
    private static func message(_ text: String) -> String? {
        do throws(ConfigError) {
            _ = try RatingConfig.parse(text, file: "test.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    /// A new file in the temporary folder holding `bytes`; the caller removes it.
    private static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("trustboard-config-\(UUID().uuidString).yaml").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return path
    }

    // MARK: - The example

    @Test func documentedExampleReadsInFull() throws {
        var expected = RatingConfig()
        expected.trustName = "Northbrook Learning Trust"
        expected.benchmarkScope = .national
        // Every subject but the multiplication tables check, which has no expected standard.
        for subject in Self.subjects where subject != .mtc {
            expected.rules[.expected(subject)] = .benchmark(amberWithin: 5.0)
            expected.rules[.greaterDepth(subject)] = .benchmark(amberWithin: 5.0)
        }
        expected.rules[.attendanceRate] = .benchmark(amberWithin: 1.0)
        expected.rules[.persistentAbsenceRate] = .benchmark(amberWithin: 4.0)
        expected.rules[.score(.progress8)] = .absolute(green: 0.0, amber: -0.5)
        let urn = try #require(URN(900_104))
        expected.targets[urn] = [
            .attendanceRate: RatingTarget(green: 95.0),
            .expected(.rwm): RatingTarget(green: 70, amber: 65),
        ]
        expected.headlines[.primary] = Headline(kpi: .expected(.rwm), yearGroup: .year(6))
        expected.headlines[.secondary] = Headline(kpi: .expected(.englishMaths), yearGroup: .year(11))
        // benchmark_scope is on line 3 of the example and "900104" on line 11.
        expected.origin = RatingConfig.Origin(file: "test.yaml", scopeLine: 3, targetLines: [urn: 11])

        let config = try Self.parse(Self.example)

        // 11 subjects × 2 families + attendance, persistent absence and Progress 8.
        #expect(config.rules.count == 25)
        #expect(config == expected)
    }

    @Test func localAuthorityScope() throws {
        let config = try Self.parse("benchmark_scope: la:Northshire\n")
        #expect(config.benchmarkScope == .localAuthority("Northshire"))
    }

    @Test func keysAreNotCaseSensitive() throws {
        let config = try Self.parse(
            "Rules:\n  Attendance_Rate: { Amber_Within: 2 }\nheadline:\n  Primary: { KPI: Attainment8, year_group: r }\n"
        )
        #expect(config.rules == [.attendanceRate: .benchmark(amberWithin: 2)])
        #expect(config.headlines == [.primary: Headline(kpi: .score(.attainment8), yearGroup: .reception)])
    }

    @Test func urnKeysQuotedOrNot() throws {
        let config = try Self.parse(
            "targets:\n  900104: { attendance_rate: 95 }\n  '900105': { progress8: 0.2 }\n")
        let first = try #require(URN(900_104))
        let second = try #require(URN(900_105))
        #expect(
            config.targets == [
                first: [.attendanceRate: RatingTarget(green: 95)],
                second: [.score(.progress8): RatingTarget(green: 0.2)],
            ])
    }

    @Test func targetWithGreenOnly() throws {
        let config = try Self.parse("targets:\n  \"900104\":\n    persistent_absence_rate: { green: 12.5 }\n")
        let urn = try #require(URN(900_104))
        #expect(config.target(for: urn, .persistentAbsenceRate) == RatingTarget(green: 12.5, amber: nil))
    }

    // MARK: - SUBJECT_ families

    @Test(arguments: [
        "rules:\n  SUBJECT_expected: { amber_within: 5 }\n  maths_expected: { green: 80, amber: 70 }\n",
        "rules:\n  maths_expected: { green: 80, amber: 70 }\n  SUBJECT_expected: { amber_within: 5 }\n",
    ])
    func specificKeyWinsOverFamily(text: String) throws {
        let config = try Self.parse(text)
        #expect(config.rules[.expected(.maths)] == .absolute(green: 80, amber: 70))
        for subject in Self.subjects where subject != .maths && subject != .mtc {
            #expect(config.rules[.expected(subject)] == .benchmark(amberWithin: 5), "\(subject)")
        }
        // The family leaves out the multiplication tables check, which has no expected standard.
        #expect(config.rules[.expected(.mtc)] == nil)
        #expect(config.rules.count == 11)
    }

    @Test func greaterDepthFamilyLeavesExpectedAlone() throws {
        let config = try Self.parse("rules:\n  SUBJECT_greater_depth: { green: 30, amber: 20 }\n")
        #expect(config.rules.count == 11)
        for subject in Self.subjects where subject != .mtc {
            #expect(config.rules[.greaterDepth(subject)] == .absolute(green: 30, amber: 20), "\(subject)")
            #expect(config.rules[.expected(subject)] == nil, "\(subject)")
        }
        #expect(config.rules[.greaterDepth(.mtc)] == nil)
    }

    // MARK: - Numbers

    @Test func numbersAsIntegersOrDecimals() throws {
        let integers = try Self.parse(
            "rules:\n  progress8: { green: 1, amber: -1 }\n  attendance_rate: { amber_within: 2 }\n")
        let decimals = try Self.parse(
            "rules:\n  progress8: { green: 1.0, amber: -1.0 }\n  attendance_rate: { amber_within: 2.0 }\n")
        #expect(integers.rules[.score(.progress8)] == .absolute(green: 1, amber: -1))
        #expect(integers.rules[.attendanceRate] == .benchmark(amberWithin: 2))
        #expect(integers == decimals)
    }

    @Test func leadingZeroIsDecimalNotOctal() throws {
        let config = try Self.parse("targets:\n  \"900104\": { rwm_expected: 070 }\n")
        let urn = try #require(URN(900_104))
        #expect(config.target(for: urn, .expected(.rwm)) == RatingTarget(green: 70))
    }

    @Test func scoresAreNotHeldToPercentages() throws {
        let config = try Self.parse("rules:\n  attainment8: { green: 150, amber: 120 }\n")
        #expect(config.rules[.score(.attainment8)] == .absolute(green: 150, amber: 120))
    }

    @Test func equalLinesAreAllowed() throws {
        let config = try Self.parse("rules:\n  absence_rate: { green: 5, amber: 5 }\n")
        #expect(config.rules[.absenceRate] == .absolute(green: 5, amber: 5))
    }

    // MARK: - Defaults

    @Test(arguments: [
        "", "\n\n", "# only a comment\n  # and another\n", "---\n", "rules:\ntargets:\nheadline:\n",
    ])
    func emptyFileGivesDefaults(text: String) throws {
        var defaults = RatingConfig()
        defaults.origin = RatingConfig.Origin(file: "test.yaml")
        #expect(try Self.parse(text) == defaults)
    }

    @Test func sectionWithAllLinesCommentedOut() throws {
        let config = try Self.parse(
            "trust_name: Northbrook Learning Trust\nrules:\n  # attendance_rate: { amber_within: 1.0 }\n")
        var expected = RatingConfig()
        expected.trustName = "Northbrook Learning Trust"
        expected.origin = RatingConfig.Origin(file: "test.yaml")
        #expect(config == expected)
    }

    // MARK: - Errors, each on its line

    @Test(
        arguments: [
            // Unknown keys and KPIs.
            (
                "trust_name: X\ncolours: dark\n", 2,
                [
                    "unknown key 'colours' in the file",
                    "trust_name, benchmark_scope, rules, targets, headline",
                ]
            ),
            (
                "# settings\ntrust_name: X\nbenchmark_scope: national\n\nrules:\n  attendance_rate: { amber_within: 1 }\n  attendence_rate: { amber_within: 1 }\n",
                7,
                [
                    "unknown KPI 'attendence_rate'",
                    "did you mean 'attendance_rate'? Otherwise use one of: attendance_rate, ", "absence_rate",
                    "rwm_expected", "progress8", "SUBJECT_expected",
                ]
            ),
            (
                "targets:\n  \"900104\":\n    rwm: 70\n", 3,
                ["unknown KPI 'rwm'", "the targets for 900104", "rwm_expected"]
            ),
            (
                "rules:\n  progress8: { green: 0, amber_whithin: 1 }\n", 2,
                ["unknown key 'amber_whithin'", "did you mean 'amber_within'?", "amber_within, green, amber"]
            ),
            (
                "headline:\n  nursery: { kpi: rwm_expected, year_group: 6 }\n", 2,
                ["unknown key 'nursery'", "primary, secondary, all-through, special, alternative-provision"]
            ),
            (
                "headline:\n  primary:\n    kpi: reading_score\n    year_group: 6\n", 3,
                ["unknown KPI 'reading_score'", "the headline for primary"]
            ),
            (
                "headline:\n  primary: { kpi: rwm_expected, year: 6 }\n", 2,
                ["unknown key 'year'", "kpi, year_group"]
            ),
            (
                "targets:\n  \"900104\":\n    SUBJECT_expected: 70\n", 3,
                ["'SUBJECT_expected'", "only under rules"]
            ),
            // Wrong types.
            ("- trust_name: X\n", 1, ["the file must be key: value settings, not a list"]),
            ("trust_name:\n  first: X\n", 2, ["trust_name must be text"]),
            ("rules:\n  - attendance_rate\n", 2, ["rules must be KPI keys", "not a list"]),
            ("rules:\n  attendance_rate: 1.0\n", 2, ["the rule for attendance_rate must be", "not '1.0'"]),
            ("rules:\n  attendance_rate:\n", 2, ["the rule for attendance_rate must be", "not nothing"]),
            (
                "rules:\n  progress8: { green: high, amber: -0.5 }\n", 2,
                ["green in the rule for progress8 must be a number, not 'high'"]
            ),
            (
                "rules:\n  attendance_rate:\n    amber_within: \"1.5\"\n", 3,
                ["'1.5' in quotes", "without quotes"]
            ),
            (
                "rules:\n  attendance_rate: { amber_within: 1% }\n", 2,
                ["must be a number, not '1%'", "no % sign"]
            ),
            (
                "targets:\n  \"900104\":\n    attendance_rate: [95]\n", 3,
                ["the target for attendance_rate at 900104 must be a number or"]
            ),
            ("targets:\n  \"900104\":\n    attendance_rate: .inf\n", 3, ["must be a number, not '.inf'"]),
            (
                "headline:\n  primary:\n    kpi: rwm_expected\n    year_group: [6]\n", 4,
                ["year_group in the headline for primary must be a year group"]
            ),
            // Ranges and sides.
            (
                "rules:\n  rwm_expected: { green: 150, amber: 65 }\n", 2,
                ["green 150 in the rule for rwm_expected is outside 0–100"]
            ),
            (
                "rules:\n  attendance_rate:\n    amber_within: 101\n", 3,
                ["amber_within 101", "outside 0–100"]
            ),
            (
                "rules:\n  attendance_rate:\n    amber_within: -1\n", 3,
                ["amber_within -1 in the rule for attendance_rate is below zero"]
            ),
            (
                "targets:\n  \"900104\":\n    rwm_expected: 100.5\n", 3,
                ["rwm_expected 100.5", "outside 0–100"]
            ),
            (
                "targets:\n  \"900104\":\n    rwm_expected: { green: 70, amber: -1 }\n", 3,
                ["amber -1", "outside 0–100"]
            ),
            (
                "rules:\n  rwm_expected:\n    green: 70\n    amber: 75\n", 4,
                ["amber 75 is above green 70", "higher is better", "at or below green"]
            ),
            (
                "rules:\n  persistent_absence_rate: { green: 15, amber: 10 }\n", 2,
                ["amber 10 is below green 15", "lower is better", "at or above green"]
            ),
            (
                "targets:\n  \"900104\":\n    progress8: { green: 0, amber: 0.5 }\n", 3,
                ["the target for progress8 at 900104", "amber 0.5 is above green 0"]
            ),
            // Missing and mixed.
            ("rules:\n  progress8: { green: 0.0 }\n", 2, ["the rule for progress8 has no amber"]),
            ("rules:\n  progress8:\n    amber: -0.5\n", 2, ["the rule for progress8 has no green"]),
            (
                "rules:\n  attendance_rate:\n    amber_within: 1\n    green: 95\n", 4,
                ["mixes amber_within, green/amber lines and change_green/change_amber"]
            ),
            (
                "targets:\n  \"900104\":\n    rwm_expected: { amber: 60 }\n", 3,
                ["the target for rwm_expected at 900104 has no green"]
            ),
            ("headline:\n  secondary: { year_group: 11 }\n", 2, ["the headline for secondary has no kpi"]),
            (
                "headline:\n  secondary:\n", 2,
                ["the headline for secondary must be { kpi: KEY, year_group: YEAR }, not nothing"]
            ),
            // Bad values.
            (
                "targets:\n  \"900104\": { attendance_rate: 95 }\n  12345: { attendance_rate: 95 }\n", 3,
                ["'12345' in targets is not a URN", "100000–999999"]
            ),
            ("targets:\n  099999: { attendance_rate: 95 }\n", 2, ["'099999' in targets is not a URN"]),
            (
                "benchmark_scope: regional\n", 1,
                ["benchmark_scope 'regional' is not a benchmark scope", "la:Northshire"]
            ),
            ("benchmark_scope: \"la:  \"\n", 1, ["benchmark_scope 'la:  '"]),
            (
                "headline:\n  primary: { kpi: rwm_expected, year_group: 14 }\n", 2,
                ["year_group '14' is not a year group"]
            ),
            ("trust_name: \"  \"\n", 1, ["trust_name is empty"]),
            // Duplicates.
            (
                "rules:\n  attendance_rate: { amber_within: 1 }\n  ATTENDANCE_RATE: { amber_within: 2 }\n", 3,
                ["'ATTENDANCE_RATE' is already set on line 2"]
            ),
            (
                "targets:\n  \"900104\": { attendance_rate: 95 }\n\n  900104: { attendance_rate: 96 }\n", 4,
                ["'900104' is already set on line 2"]
            ),
            (
                "trust_name: A\nrules:\ntrust_name: B\n", 1,
                ["'trust_name' is set here and again further on in the same section", "keep only one"]
            ),
            (
                "rules:\n  progress8: { green: 0,\n    green: 1, amber: -1 }\n", 2,
                ["'green' is set here and again further on"]
            ),
        ] as [(String, Int, [String])])
    func errorOnItsLine(text: String, line: Int, mentions: [String]) throws {
        let message = try #require(Self.message(text))
        #expect(message.hasPrefix("test.yaml:\(line): "), "\(message)")
        for part in mentions {
            #expect(message.contains(part), "\(message) should mention \(part)")
        }
    }

    @Test func fullMessageForUnknownTopLevelKey() {
        #expect(
            Self.message("trust_name: X\nbenchmark: national\n")
                == "test.yaml:2: unknown key 'benchmark' in the file; "
                + "use one of: trust_name, benchmark_scope, rules, targets, headline, similar_count, pack_marking"
        )
    }

    @Test func fullMessageForARuleThatIsNotAMapping() {
        #expect(
            Self.message("rules:\n  persistent_absence_rate: 5\n")
                == "test.yaml:2: the rule for persistent_absence_rate must be { amber_within: MARGIN }, "
                + "{ green: LINE, amber: LINE } or { change_green: CHANGE, change_amber: CHANGE }, not '5'; "
                + "write it like persistent_absence_rate: { amber_within: 5.0 }"
        )
    }

    @Test func errorCarriesLineAndColumn() throws {
        let error = try #require(throws: ConfigError.self) {
            try RatingConfig.parse("rules:\n  progress8: { green: 0, amber: x }\n", file: "settings.yaml")
        }
        #expect(error.file == "settings.yaml")
        #expect(error.line == 2)
        #expect(error.column == 33)
        #expect(
            error.problem
                == .notANumber(key: "amber", section: "the rule for progress8", found: "x", quoted: false))
    }

    // MARK: - YAML syntax

    @Test(arguments: [
        (
            "trust_name: X\nrules:\n  attendance_rate: { amber_within: 1.0\nheadline:\n", 4,
            "did not find expected ',' or '}'"
        ),
        ("trust_name: X\nrules:\n\tattendance_rate: { amber_within: 1.0 }\n", 3, "cannot start any token"),
        ("trust_name: X\nbenchmark_scope: la: Northshire\n", 2, "mapping values are not allowed"),
        ("trust_name: 'Northbrook\n", 2, "found unexpected end of stream"),
        ("trust_name: A\n---\ntrust_name: B\n", 2, "but found another document"),
        ("trust_name: X\n\ntrust_name2: \"a\u{7}b\"\n", 3, "control characters are not allowed"),
    ])
    func syntaxErrorHasItsLine(text: String, line: Int, problem: String) throws {
        let message = try #require(Self.message(text))
        #expect(message.hasPrefix("test.yaml:\(line): YAML syntax error: "), "\(message)")
        #expect(message.contains(problem), "\(message)")
        #expect(message.contains("; check this line"), "\(message)")
    }

    @Test func unclosedQuoteSaysWhereItStarted() throws {
        let message = try #require(
            Self.message("trust_name: X\nheadline:\n  primary: { kpi: \"rwm_expected, year_group: 6 }\n"))
        #expect(message.hasPrefix("test.yaml:4: "), "\(message)")
        #expect(message.contains("starts on line 3"), "\(message)")
    }

    // MARK: - Files

    @Test func loadReadsAFile() throws {
        let path = try Self.temporaryFile(
            Array("trust_name: Northbrook Learning Trust\r\nbenchmark_scope: la:Northshire\r\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let config = try RatingConfig.load(path: path)
        #expect(config.trustName == "Northbrook Learning Trust")
        #expect(config.benchmarkScope == .localAuthority("Northshire"))
    }

    @Test func loadNamesThePathOfAMissingFile() throws {
        let path = "/nonexistent/trustboard/settings.yaml"
        let error = try #require(throws: ConfigError.self) { try RatingConfig.load(path: path) }
        #expect(error.problem == .file(.missing))
        #expect(
            error.description.hasPrefix("/nonexistent/trustboard/settings.yaml:1: there is no such file; "))
    }

    @Test func loadRefusesAFolder() throws {
        let path = FileManager.default.temporaryDirectory.path
        let error = try #require(throws: ConfigError.self) { try RatingConfig.load(path: path) }
        #expect(error.problem == .file(.folder))
        #expect(error.description.hasPrefix("\(path):1: "))
    }

    @Test func loadRefusesANamedPipeWithoutWaitingForAWriter() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "settings-\(UUID().uuidString).yaml"
        ).path
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: ConfigError.self) { try RatingConfig.load(path: path) }
        #expect(error.problem == .file(.notAFile))
        #expect(error.description.contains("named pipe"))
    }

    @Test func loadFindsTheLineOfBytesThatAreNotUTF8() throws {
        let path = try Self.temporaryFile(
            Array("trust_name: X\nrules:\n".utf8) + [0x23, 0x20, 0xC3, 0x28, 0x0A])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: ConfigError.self) { try RatingConfig.load(path: path) }
        #expect(error.problem == .notUTF8)
        #expect(error.description.hasPrefix("\(path):3: the file is not UTF-8 text; "))
    }

    @Test func loadReportsErrorsWithThePath() throws {
        let path = try Self.temporaryFile(Array("rules:\n  attendance: { amber_within: 1 }\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: ConfigError.self) { try RatingConfig.load(path: path) }
        #expect(error.description.hasPrefix("\(path):2: unknown KPI 'attendance' in rules; "))
    }
}

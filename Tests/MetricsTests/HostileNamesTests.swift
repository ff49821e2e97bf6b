import Foundation
import Testing

@testable import Metrics

/// Names that were once stored whatever they held (issue 15): escape sequences in the
/// DfE's school, trust and local-authority names and in the settings' `trust_name`, bidi
/// overrides, names with nothing visible, and names of megabytes. The trust's own files
/// are refused; the DfE's names are neutralised, with a warning.
@Suite("Hostile input: names")
struct HostileNamesTests {
    // MARK: - Names in data-drop files

    /// The bidi embeddings, overrides and isolates.
    static let bidiOverrides: [Unicode.Scalar] = [
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}",
        "\u{2069}",
    ]

    @Test(
        "a bidi override or isolate in a name, local authority or SIL is an error", arguments: bidiOverrides)
    func bidiOverridesAreRefused(scalar: Unicode.Scalar) throws {
        let bidi = String(scalar)
        let text = """
            urn,name,phase,local_authority,sil
            900101,Evil\(bidi)gnp.exe Academy,primary,Northshire,R. Okafor
            900102,Castle Rise,primary,North\(bidi)shire,J. Patel
            900103,Hollybank,primary,Northshire,\(bidi)J. Doe
            """
        let batch = Fixtures.read([("academies.csv", text)])
        #expect(batch.academies.isEmpty)
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let expected = [(2, "name", "Evil"), (3, "local_authority", "North"), (4, "sil", "")].map {
            line, column, before in
            "academies.csv:\(line): column '\(column)', value '\(before)\\u{\(hex)}"
        }
        let errors = Fixtures.errors(batch)
        #expect(errors.count == 3)
        for (error, start) in zip(errors, expected) {
            #expect(error.hasPrefix(start), "\(error)")
            #expect(error.contains("holds a bidirectional control (\\u{\(hex)})"), "\(error)")
        }
    }

    @Test(
        "a name of nothing but zero-width characters is an error",
        arguments: ["\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{2060}", "\u{200B} \u{2060}\u{FEFF}"])
    func invisibleNamesAreRefused(name: String) {
        let batch = Fixtures.read([("academies.csv", "urn,name,phase\n900101,\"\(name)\",primary\n")])
        #expect(batch.academies.isEmpty)
        let errors = Fixtures.errors(batch)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("academies.csv:2: column 'name', value '\\u{") == true, "\(errors)")
        #expect(errors.first?.contains("has no visible character") == true, "\(errors)")
    }

    @Test("a zero-width joiner inside a visible name is kept")
    func joinersInNamesAreKept() {
        // A family emoji is three emoji joined by U+200D.
        let name = "Ysgol 👨\u{200D}👩\u{200D}👧"
        let batch = Fixtures.read([("academies.csv", "urn,name,phase\n900101,\(name),primary\n")])
        #expect(batch.errors.isEmpty)
        #expect(batch.academies.first?.record.name == name)
    }

    @Test("a name may have 200 characters, not 201; a name of a megabyte is refused")
    func namesHaveALengthLimit() throws {
        let longest = String(repeating: "é", count: 200)
        let tooLong = String(repeating: "é", count: 201)
        let huge = String(repeating: "A", count: 1_000_000)
        let text =
            "urn,name,phase\n900101,\(longest),primary\n900102,\(tooLong),primary\n900103,\(huge),primary\n"
        let batch = Fixtures.read([("academies.csv", text)])
        #expect(batch.academies.map(\.record.name) == [longest])
        let errors = Fixtures.errors(batch)
        #expect(errors.count == 2)
        // The value is shown cut to 60 characters.
        #expect(
            errors.first
                == "academies.csv:3: column 'name', value '\(String(repeating: "é", count: 60))…': is 201 characters "
                + "long, more than the 200 a name may have; shorten it to 200 characters or fewer")
        #expect(errors.last?.contains("is 1000000 characters long") == true)
    }

    // MARK: - The DfE's names

    /// An Explore Education Statistics file whose school, trust and local-authority names
    /// hold escape sequences, with a local-authority row whose name holds one too.
    static func hostileEES(_ sequence: String) -> String {
        EESFixtures.header + "\n"
            + "202122,Academic year,School,Brad\(sequence)ford,State-funded primary,100001,Alpha\(sequence) Primary,"
            + "EVIL\(sequence) TRUST,200,50000,2500,2000,500,30,4\n"
            + "202122,Academic year,Local authority,Brad\(sequence)ford,Total,,,,"
            + "1000,250000,12500,10000,2500,150,20\n"
    }

    @Test(
        "the DfE's names lose their control characters, with a warning that shows them",
        arguments: Hostile.sequences)
    func dfeNamesAreNeutralised(sequence: String) throws {
        let bytes = Array(Self.hostileEES(sequence).utf8)
        let file = try #require(ExploreEducationAbsenceFile(bytes: bytes))
        let school = try #require(file.schools.first)
        // The sequence without its ESC and BEL: what is left shows, and changes nothing.
        let kept = sequence.replacingOccurrences(of: "\u{1B}", with: "").replacingOccurrences(
            of: "\u{07}", with: "")
        #expect(school.name == "Alpha\(kept) Primary")
        #expect(school.trust == "EVIL\(kept) TRUST")
        #expect(school.localAuthority == "Brad\(kept)ford")
        #expect(file.closestTrustNames(to: "EVIL TRUST") == ["EVIL\(kept) TRUST"])
        #expect(file.schools(ofTrust: "evil\(kept) trust").map(\.urn) == [Fixtures.urn(100_001)])
        let academy = try #require(Academy(school))
        #expect(!Hostile.reachesTheTerminal(academy.name + (academy.localAuthority ?? "")))

        // The reader warns about each name, on its line, and keys the LA's benchmarks by
        // the neutralised name.
        let batch = EESFixtures.read(Self.hostileEES(sequence))
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let warnings = batch.warnings.map(\.description).filter {
            $0.contains("it is kept without such characters")
        }
        #expect(
            warnings.map { String($0.prefix(while: { $0 != "," })) } == [
                "ees.csv:2: warning: column 'school_name'", "ees.csv:2: warning: column 'trust'",
                "ees.csv:2: warning: column 'la_name'", "ees.csv:3: warning: column 'la_name'",
            ], "\(warnings)")
        #expect(
            warnings.allSatisfy { $0.contains("\\u{1B}") }
                && !warnings.contains(where: Hostile.reachesTheTerminal))
        let scopes = Set(batch.benchmarks.map(\.record.scope))
        #expect(scopes == [.localAuthority("Brad\(kept)ford")])
    }

    @Test("a DfE name with nothing visible is not given; overrides are removed; long names are cut")
    func dfeNamesOtherwiseOdd() throws {
        let long = String(repeating: "x", count: 250)
        let text =
            EESFixtures.header + "\n"
            + "202122,Academic year,School,Bradford,State-funded primary,100001,\u{202E}Alpha Primary,"
            + "\u{200B}\u{200B},200,50000,2500,2000,500,30,4\n"
            + "202122,Academic year,School,Bradford,State-funded primary,100002,\(long),"
            + "BETA TRUST,200,50000,2500,2000,500,30,4\n"
        let file = try #require(ExploreEducationAbsenceFile(bytes: Array(text.utf8)))
        #expect(file.schools.map(\.name) == ["Alpha Primary", String(repeating: "x", count: 200)])
        #expect(file.schools.map(\.trust) == [nil, "BETA TRUST"])
        let batch = EESFixtures.read(text, known: [Fixtures.urn(100_001), Fixtures.urn(100_002)])
        let warnings = batch.warnings.map(\.description)
        #expect(
            warnings.contains {
                $0.hasPrefix("ees.csv:2: warning: column 'school_name', value '\\u{202E}Alpha")
            })
        #expect(
            warnings.contains {
                $0.hasPrefix("ees.csv:2: warning: column 'trust', value '\\u{200B}\\u{200B}'")
                    && $0.contains("it is taken as not given")
            })
        #expect(
            warnings.contains {
                $0.hasPrefix("ees.csv:3: warning: column 'school_name'")
                    && $0.contains("is 250 characters long") && $0.contains("kept cut to 200 characters")
            })
    }

    @Test(
        "a KS2 local authority's name loses its control characters; with nothing visible, the code names it")
    func ks2LocalAuthorityNames() {
        let row = DfEKS2ReaderTests.area("3", ["LEA": "936", "SCHNAME": "Sur\u{1B}[2Jrey"])
        let batch = DfEKS2Fixtures.read([row], known: [])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(Set(batch.benchmarks.map(\.record.scope)) == [.localAuthority("Sur[2Jrey")])
        let warnings = batch.warnings.map(\.description)
        #expect(
            warnings.contains {
                $0.hasPrefix("\(DfEKS2Fixtures.name):2: warning: column 'schname', value 'Sur\\u{1B}[2Jrey'")
            }, "\(warnings)")
        let invisible = DfEKS2Fixtures.read(
            [DfEKS2ReaderTests.area("3", ["LEA": "936", "SCHNAME": "\u{200B}"])], known: [])
        #expect(Set(invisible.benchmarks.map(\.record.scope)) == [.localAuthority("936")])
    }

    // MARK: - The settings

    @Test(
        "a trust_name with an escape sequence, a bidi override, nothing visible or 201 characters is an error",
        arguments: [
            ("\"Evil\\e]0;title\\a Trust\"", "holds a control character (\\u{1B})"),
            ("\"Evil\\e[2J Trust\"", "holds a control character (\\u{1B})"),
            ("\"Evil\\tTrust\"", "holds a control character (\\t)"),
            ("\"Evil \\u202Etsurt\"", "holds a bidirectional control (\\u{202E})"),
            ("\"\\u200B\\u2060\"", "has no visible character"),
            (String(repeating: "T", count: 201), "is 201 characters long"),
        ])
    func trustNameIsChecked(yaml: String, problem: String) {
        do {
            let config = try RatingConfig.parse(
                "benchmark_scope: national\ntrust_name: \(yaml)\n", file: "t.yaml")
            Issue.record("accepted trust_name \(String(reflecting: config.trustName))")
        } catch {
            #expect(error.description.hasPrefix("t.yaml:2: trust_name '"), "\(error.description)")
            #expect(error.description.contains(problem), "\(error.description)")
            #expect(!Hostile.reachesTheTerminal(error.description), "\(error.description)")
        }
    }
}

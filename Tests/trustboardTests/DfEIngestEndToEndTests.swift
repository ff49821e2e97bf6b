import Foundation
import Testing

/// The real DfE files in `../shared/data/dfe/`, found from the project's root.
enum DfEFiles {
    /// The project's root, from this file's place in `Tests/trustboardTests/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let bradford = root.appendingPathComponent(
        "../shared/data/dfe/bradford_absence_3term_school_2013-2022.csv"
    ).standardizedFileURL.path

    static let bradfordPresent = FileManager.default.fileExists(atPath: bradford)

    /// The fields of one CSV line, quotes removed; enough for the DfE's own files, whose
    /// quoted values hold commas but no line breaks.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var previous: Character?
        for character in line {
            if character == "\"" {
                if quoted, previous == "\"" { current.append("\"") }
                quoted.toggle()
            } else if character == ",", !quoted {
                fields.append(current)
                current = ""
            } else if character != "\r" {
                current.append(character)
            }
            previous = character
        }
        fields.append(current)
        return fields
    }
}

@Suite(
    "trustboard ingest --trust on the DfE's Bradford absence file, end to end",
    .enabled(if: DfEFiles.bradfordPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
struct DfEIngestEndToEndTests {
    @Test func aTrustStraightFromTheFile() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("trust.sqlite")
        let ingest = try CommandRunner.run([
            "ingest", "--store", store, "--trust", "BECKFOOT TRUST", DfEFiles.bradford,
        ])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // 1,592 data rows: 52 are the ten academies' rows over eight years, 1,540 other schools'.
        #expect(
            ingest.stdout.contains(
                "bradford_absence_3term_school_2013-2022.csv: dfe-absence, 1592 rows, 8 drops, "
                    + "2013/14 summer to 2021/22 summer, 10 academies, 1540 rows for other schools skipped"),
            "\(ingest.stdout)")
        // 52 attendance rows and 10 academies.
        #expect(ingest.stdout.contains("stored: 62 new rows"), "\(ingest.stdout)")

        let drops = try CommandRunner.run(["drops", "--store", store])
        #expect(drops.status == 0, "\(drops.stderr)")
        let dropLines = drops.stdout.split(separator: "\n").filter { $0.contains(" summer: ") }
        #expect(dropLines.count == 8, "\(drops.stdout)")
        #expect(dropLines.first?.hasPrefix("2021/22 summer: 10 academies, 10 attendance") == true)
        #expect(!drops.stdout.contains("2019/20"))

        // The trust's name, as the file writes it, heads the report (no config names it).
        let named = try CommandRunner.run(["report", "--store", store])
        #expect(named.stdout.hasPrefix("BECKFOOT TRUST: 2021/22 summer"), "\(named.stdout.prefix(80))")
        let report = try CommandRunner.run(["report", "--store", store, "--format", "csv"])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n")
        let academies = Set(lines.dropFirst().map { DfEFiles.fields($0)[1] }.filter { $0 != "trust" })
        #expect(academies.count == 10)

        // The trust's 2021/22 attendance from the file's own counts: the ten BECKFOOT TRUST
        // rows of 202122 hold 2,272,559 possible sessions and 246,971 missed, so
        // 2,025,588 / 2,272,559 = 89.132… → 89.1.
        let text = try String(contentsOfFile: DfEFiles.bradford, encoding: .utf8)
        // The file has CRLF line ends, which Swift holds as one Character.
        let rows = text.split(whereSeparator: \.isNewline).map(DfEFiles.fields)
        let header = try #require(rows.first).map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let period = try column("time_period")
        let trust = try column("trust")
        let possible = try column("sess_possible")
        let missed = try column("sess_overall")
        let beckfoot = rows.dropFirst().filter {
            $0.count > missed && $0[period] == "202122"
                && $0[trust].trimmingCharacters(in: .whitespaces).uppercased() == "BECKFOOT TRUST"
        }
        #expect(beckfoot.count == 10)
        let totalPossible = beckfoot.reduce(0) { $0 + (Int($1[possible]) ?? 0) }
        let totalMissed = beckfoot.reduce(0) { $0 + (Int($1[missed]) ?? 0) }
        #expect(totalPossible == 2_272_559)
        #expect(totalMissed == 246_971)
        try #require(totalPossible > 0)
        // Percent to one decimal, half away from zero, in whole numbers.
        let tenths = (2 * (totalPossible - totalMissed) * 1000 + totalPossible) / (2 * totalPossible)
        let expected = "\(tenths / 10).\(tenths % 10)"
        #expect(expected == "89.1")
        let trustRow = lines.map(DfEFiles.fields).first {
            $0.count > 7 && $0[0] == "2021/22-summer" && $0[1] == "trust" && $0[4] == "attendance_rate"
                && $0[5] == "all" && $0[6] == "all"
        }
        #expect(trustRow?[7] == expected, "\(report.stdout)")
    }

    @Test func aMisspeltTrustFailsListingTheThreeClosestNames() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("trust.sqlite")
        let ingest = try CommandRunner.run([
            "ingest", "--store", store, "--trust", "BECKFOOT TRST", DfEFiles.bradford,
        ])
        #expect(ingest.status != 0)
        #expect(ingest.stderr.contains("no trust called \"BECKFOOT TRST\""), "\(ingest.stderr)")
        #expect(
            ingest.stderr.contains(
                "the closest names are: \"BECKFOOT TRUST\", \"BRONTE ACADEMY TRUST\", \"IEXEL EDUCATION TRUST\""
            ),
            "\(ingest.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func withoutTrustTheRowsNeedAcademiesInTheStore() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("trust.sqlite")
        let ingest = try CommandRunner.run(["ingest", "--store", store, DfEFiles.bradford])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(
            ingest.stdout.contains("dfe-absence, 1592 rows, 1592 rows for other schools skipped"),
            "\(ingest.stdout)")
    }
}

@Suite("trustboard ingest --trust without a DfE file")
struct DfETrustWithoutFileTests {
    @Test func trustNeedsAnExploreEducationFile() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        let store = folder.path("trust.sqlite")
        let ingest = try CommandRunner.run(["ingest", "--store", store, "--trust", "BECKFOOT TRUST", drop])
        #expect(ingest.status != 0)
        #expect(
            ingest.stderr.contains("--trust needs an Explore Education Statistics absence file"),
            "\(ingest.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}

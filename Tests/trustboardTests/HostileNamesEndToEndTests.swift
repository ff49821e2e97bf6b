import Foundation
import Testing

/// Escape sequences in a header, in file names, in an Explore Education Statistics trust,
/// school and local-authority name, in the settings' `trust_name` and in arguments, fed to
/// the real binary: no raw ESC, BEL or other control character reaches standard output or
/// standard error, whichever command prints them (issue 15).
@Suite("Hostile names through the real binary")
struct HostileNamesEndToEndTests {
    static let link = "\u{1B}]8;;http://evil.example/\u{1B}\\"
    static let title = "\u{1B}]0;pwned\u{07}"
    static let otherScreen = "\u{1B}[?1049h"
    static let clear = "\u{1B}[2J"

    /// The characters of `text` a terminal acts on: every C0 control but LF, DEL and the
    /// C1 controls, written as hex.
    static func controls(_ text: String) -> [String] {
        text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            .map { String($0.value, radix: 16) }
    }

    /// Runs the binary and checks that neither stream holds a control character.
    static func run(_ arguments: [String], _ what: String) throws -> CommandRunner.Result {
        let result = try CommandRunner.run(arguments)
        #expect(controls(result.stdout).isEmpty, "\(what): stdout holds \(controls(result.stdout))")
        #expect(controls(result.stderr).isEmpty, "\(what): stderr holds \(controls(result.stderr))")
        return result
    }

    @Test func noRawControlCharacterReachesTheTerminal() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("trust.sqlite")
        let drop = try TemporaryFolder()
        // Good files with hostile names.
        try drop.write("academies\(Self.otherScreen).csv", "urn,name,phase\n900101,Alpha Primary,primary\n")
        try drop.write(
            "attendance\(Self.title)\(Self.clear).csv",
            "urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees\n"
                + "900101,2024/25,autumn,200,10000,300,10\n")
        let ingest = try Self.run(
            ["ingest", "--store", store, drop.url.path], "ingest of hostile file names")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("attendance\\u{1B}]0;pwned\\u{7}\\u{1B}[2J.csv: attendance, 1 row"))

        let drops = try Self.run(["drops", "--store", store], "drops")
        #expect(drops.status == 0, "\(drops.stderr)")
        #expect(
            drops.stdout.contains("from \(drop.url.path)/attendance\\u{1B}]0;pwned\\u{7}\\u{1B}[2J.csv ("))

        // A header cell with an escape sequence: refused, and said so with escapes.
        let header = try folder.write(
            "header.csv", "urn,name,phase,\(Self.otherScreen)\(Self.title)\n900102,Beta,primary,x\n")
        let refused = try Self.run(["ingest", "--store", store, header], "ingest of a hostile header")
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "header.csv:1: value '\\u{1B}[?1049h\\u{1B}]0;pwned\\u{7}': header cell 4 holds a control character"
            ),
            "\(refused.stderr)")

        // An Explore Education Statistics file whose names hold sequences.
        let ees = try folder.write(
            "ees.csv",
            "time_period,time_identifier,geographic_level,la_name,school_type,school_urn,school_name,trust,"
                + "enrolments,sess_possible,sess_overall,enrolments_pa_10_exact\n"
                + "202122,Academic year,School,Brad\(Self.link)ford,State-funded primary,100001,"
                + "Alpha\(Self.clear) Primary,EVIL\(Self.title) TRUST,200,50000,2500,30\n")
        let dfeStore = folder.path("dfe.sqlite")
        let missed = try Self.run(
            ["ingest", "--store", dfeStore, "--trust", "EVIL", ees], "--trust, no match")
        #expect(missed.status == 1)
        // ESC and BEL are removed from the DfE's names: "EVIL]0;pwned TRUST".
        #expect(missed.stderr.contains("the closest names are: \"EVIL]0;pwned TRUST\""), "\(missed.stderr)")
        let taken = try Self.run(
            ["ingest", "--store", dfeStore, "--trust", "evil]0;pwned trust", ees], "--trust, a match")
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(
            taken.stderr.contains(
                "ees.csv:2: warning: column 'trust', value 'EVIL\\u{1B}]0;pwned\\u{7} TRUST'"),
            "\(taken.stderr)")
        for format in ["text", "markdown", "csv", "json"] {
            let report = try Self.run(
                ["report", "--store", dfeStore, "--format", format], "report \(format)")
            #expect(report.status == 0, "\(report.stderr)")
            #expect(report.stdout.contains("Alpha[2J Primary"), "\(format): \(report.stdout.prefix(300))")
        }
        let text = try Self.run(["report", "--store", dfeStore], "report")
        #expect(text.stdout.hasPrefix("EVIL]0;pwned TRUST: 2021/22 summer"), "\(text.stdout.prefix(80))")

        // The settings' trust_name, and arguments echoed back.
        let config = try folder.write("t.yaml", "trust_name: \"Evil\\e]0;pwned\\a Trust\"\n")
        let settings = try Self.run(
            ["report", "--store", dfeStore, "--config", config], "a hostile trust_name")
        #expect(settings.status == 1)
        #expect(
            settings.stderr.contains("trust_name 'Evil\\u{1B}]0;pwned\\u{7} Trust' holds a control character")
        )
        let year = try Self.run(["ingest", "--store", dfeStore, "--year", Self.clear, ees], "--year")
        #expect(year.status != 0)
        #expect(year.stderr.contains("--year \"\\u{1B}[2J\" is not an academic year"), "\(year.stderr)")
        let format = try Self.run(["report", "--store", dfeStore, "--format", Self.title], "--format")
        #expect(format.status != 0)
        #expect(format.stderr.contains("\\u{1B}]0;pwned\\u{7}"), "\(format.stderr)")
    }
}

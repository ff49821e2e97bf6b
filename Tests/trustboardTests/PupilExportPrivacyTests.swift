import Foundation
import Testing

/// No pupil reference of a pupil-level export reaches the store, a report, `drops`, a
/// screen or an error message: every byte of each is searched for every reference.
@Suite("Pupil-level export: no pupil reference is kept or shown")
struct PupilExportPrivacyTests {
    static let academies = """
        urn,name,phase
        100001,Alpha Primary,primary
        """

    static let header =
        "urn,academic_year,term,pupil_ref,year_group,sex,disadvantaged,sen,eal,possible_sessions,"
        + "present_sessions,aea_sessions,authorised_sessions,unauthorised_sessions,code_I,code_N,"
        + "suspensions,permanently_excluded"

    /// Twelve pupils, references that appear nowhere else. Pupil n (1–12) is in Year
    /// (n mod 6) + 1, a girl when n is odd, and missed n × 2 of 100 sessions (I n, N n).
    static let refs = (1...12).map { "QZREF\(String(format: "%04d", $0 * 37))X" }

    static func export(_ refs: [String]) -> String {
        let rows = refs.enumerated().map { index, ref in
            let n = index + 1
            return
                "100001,2024/25,spring,\(ref),\(n % 6 + 1),\(n % 2 == 1 ? "F" : "M"),\(n % 3 == 0 ? "Y" : "N"),"
                + "N,N,100,\(100 - 2 * n),0,\(n),\(n),\(n),\(n),\(n % 4 == 0 ? 1 : 0),N"
        }
        return ([header] + rows).joined(separator: "\n") + "\n"
    }

    func bytes(_ path: String) -> [UInt8] {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
    }

    func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let target = [UInt8](needle.utf8)
        guard haystack.count >= target.count else { return false }
        for start in 0...(haystack.count - target.count)
        where haystack[start] == target[0] && Array(haystack[start..<start + target.count]) == target {
            return true
        }
        return false
    }

    @Test func noReferenceIsInTheStoreAnyOutputOrAnyError() throws {
        let folder = try TemporaryFolder()
        try folder.write("academies.csv", Self.academies)
        try folder.write("export.csv", Self.export(Self.refs))
        let store = folder.path("trust.sqlite")
        let ingest = try CommandRunner.run([
            "ingest", "--store", store, folder.path("academies.csv"), folder.path("export.csv"),
        ])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("export.csv: pupil_attendance, 12 rows, 2024/25 spring, 1 academy"))

        var outputs: [(String, [UInt8])] = [
            ("ingest", [UInt8]((ingest.stdout + ingest.stderr).utf8)),
            ("store", bytes(store)), ("store-wal", bytes(store + "-wal")),
            ("store-shm", bytes(store + "-shm")),
        ]
        #expect(!bytes(store).isEmpty)
        for format in ["text", "markdown", "csv", "json"] {
            for changes in [false, true] {
                let run = try CommandRunner.run(
                    ["report", "--store", store, "--format", format] + (changes ? ["--changes"] : []))
                #expect(run.status == 0, "\(run.stderr)")
                outputs.append(
                    (
                        "report \(format)\(changes ? " --changes" : "")",
                        [UInt8]((run.stdout + run.stderr).utf8)
                    ))
            }
        }
        let drops = try CommandRunner.run(["drops", "--store", store])
        outputs.append(("drops", [UInt8]((drops.stdout + drops.stderr).utf8)))
        for screen in ["overview", "academy", "trust"] {
            let frame = try CommandRunner.run(
                [
                    "snapshot", "--store", store, "--width", "160", "--height", "50", "--screen", screen,
                    "--academy", "100001",
                ])
            #expect(frame.status == 0, "\(frame.stderr)")
            outputs.append(("snapshot \(screen)", [UInt8]((frame.stdout + frame.stderr).utf8)))
        }
        // The figures really are there: 12 pupils in Years 1–6 (all compulsory age), so the
        // all-years attendance line is 1,200 possible sessions, 2 × (1 + … + 12) = 156 missed:
        // 87.0% attendance.
        let csv = try CommandRunner.run(["report", "--store", store, "--format", "csv"])
        #expect(
            csv.stdout.contains("2024/25-spring,100001,Alpha Primary,primary,attendance_rate,all,all,87.0,"))
        // At risk: 5% to under 10% missed is pupils 3 and 4 (6% and 8%): 2 of 12 = 16.7%.
        #expect(csv.stdout.contains("2024/25-spring,100001,Alpha Primary,primary,at_risk_rate,all,all,16.7,"))

        // Errors cite lines, never references: the same pupil twice, and sessions that do not add up.
        var broken = Self.export(Self.refs)
        broken += "100001,2024/25,spring,\(Self.refs[0]),3,F,N,N,N,100,90,0,5,5,5,5,0,N\n"
        broken += "100001,2024/25,spring,QZREFBROKEN,3,F,N,N,N,100,99,0,5,5,5,5,0,N\n"
        try folder.write("broken.csv", broken)
        let failed = try CommandRunner.run([
            "ingest", "--store", folder.path("other.sqlite"), folder.path("academies.csv"),
            folder.path("broken.csv"),
        ])
        #expect(failed.status != 0)
        #expect(
            failed.stderr.contains(
                "broken.csv:14: column 'pupil_ref': the pupil on line 14 has the same pupil_ref as the pupil on line 2"
            ), "\(failed.stderr)")
        #expect(
            failed.stderr.contains("broken.csv:15: column 'possible_sessions', value '100'"),
            "\(failed.stderr)")
        outputs.append(("failed ingest", [UInt8]((failed.stdout + failed.stderr).utf8)))

        // The search finds a reference where there is one.
        #expect(contains(bytes(folder.path("export.csv")), Self.refs[11]))
        for (name, output) in outputs {
            for ref in Self.refs + ["QZREFBROKEN"] {
                #expect(!contains(output, ref), "\(name) holds \(ref)")
            }
            #expect(!contains(output, "QZREF"), "\(name) holds part of a reference")
        }
    }

    @Test func aDropStoredFromAnExportIsNotMixedWithAggregateFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("academies.csv", Self.academies)
        try folder.write("export.csv", Self.export(Self.refs))
        try folder.write(
            "attendance.csv",
            """
            urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees
            100001,2024/25,spring,12,1200,156,8
            100001,2024/25,autumn,12,600,50,2
            """)
        let store = folder.path("trust.sqlite")
        let first = try CommandRunner.run([
            "ingest", "--store", store, folder.path("academies.csv"), folder.path("export.csv"),
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let mixed = try CommandRunner.run(["ingest", "--store", store, folder.path("attendance.csv")])
        #expect(mixed.status != 0)
        #expect(
            mixed.stderr.contains(
                "attendance.csv:2: column 'urn', value '100001': the store holds 100001, 2024/25 spring from the "
                    + "pupil-level export \(folder.path("export.csv"))"), "\(mixed.stderr)")
        // The autumn drop is not stored from an export, so it is no error.
        #expect(!mixed.stderr.contains("attendance.csv:3"), "\(mixed.stderr)")
        // The export again is the same drop sent the same way: it changes nothing.
        let again = try CommandRunner.run(["ingest", "--store", store, folder.path("export.csv")])
        #expect(again.status == 0, "\(again.stderr)")
    }
}

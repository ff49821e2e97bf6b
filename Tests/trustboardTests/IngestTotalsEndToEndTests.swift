import Foundation
import Testing

@Suite("ingest lists each file once and counts built-in figures apart, end to end")
struct IngestTotalsEndToEndTests {
    /// Three benchmarks: the first is exactly a built-in figure (KS2 RWM 2023/24, 61, as
    /// `BuiltInBenchmarks` has it); the second has a built-in figure's key (KS2 RWM
    /// 2022/23, built in as 60) with another value; the third's local-authority scope is
    /// built in for nothing.
    static let benchmarks = """
        academic_year,term,measure,phase,pupil_group,scope,value,source
        2023/24,summer,rwm_expected,,,national,61,DfE KS2 performance tables 2023/24
        2022/23,summer,rwm_expected,,,national,59,our own figure
        2023/24,summer,rwm_expected,,,la:Northshire,58,Northshire's figure
        """

    @Test func builtInFiguresAreNeitherUnchangedNorCorrections() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        try folder.write("drop/benchmarks.csv", Self.benchmarks)
        let store = folder.path("trust.sqlite")

        let first = try CommandRunner.run(["ingest", "--store", store, drop])
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n").map(String.init)
        // One line for each of the three files, then the totals: each file named once.
        #expect(lines.count == 4, "\(first.stdout)")
        for name in ["academies.csv", "attendance.csv", "benchmarks.csv"] {
            #expect(lines.filter { $0.contains(name) }.count == 1, "\(name) in \(first.stdout)")
        }
        #expect(
            lines.contains("academies.csv: academies, 4 rows, 4 academies; 4 new, 0 corrected, 0 unchanged"))
        #expect(
            lines.contains {
                $0.hasPrefix("benchmarks.csv: benchmarks, 3 rows")
                    && $0.hasSuffix(
                        "; 1 new, 0 corrected, 0 unchanged, 1 as built in, 1 replacing built-in figures")
            }, "\(first.stdout)")
        // New: 4 academies + 5 attendance rows + the Northshire benchmark = 10. The built-in
        // figure repeated and the one replaced are said apart.
        #expect(
            lines.last
                == "created \(store) and stored: 10 new rows, 0 corrections, 0 unchanged; "
                + "1 benchmark was already built in, 1 benchmark replaced a built-in national figure")

        // Again, with Alpha's 2024/25 spring absence corrected (2,500 → 2,600) and
        // Northshire's figure corrected (58 → 57); academies.csv is the same file.
        try folder.write(
            "drop/attendance.csv",
            HandTrust.attendance.replacingOccurrences(
                of: "100001,2024/25,spring,200,50000,2500,", with: "100001,2024/25,spring,200,50000,2600,"))
        try folder.write(
            "drop/benchmarks.csv", Self.benchmarks.replacingOccurrences(of: ",58,", with: ",57,"))
        let second = try CommandRunner.run(["ingest", "--store", store, drop])
        #expect(second.status == 0, "\(second.stderr)")
        // Corrections: the attendance row and the Northshire figure = 2. Unchanged: 4
        // academies + 4 attendance rows + the figure that replaced a built-in one, now the
        // trust's own = 9. The 2023/24 figure still matches the built-in one.
        #expect(
            second.stdout.split(separator: "\n").last
                == "stored in \(store): 0 new rows, 2 corrections, 9 unchanged; 1 benchmark was already built in",
            "\(second.stdout)")
        #expect(
            second.stdout.contains(
                "academies.csv: academies, 4 rows, 4 academies; 0 new, 0 corrected, 4 unchanged (ingested before; skipped)"
            ))
    }

    @Test func aDryRunListsEachFileOnce() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        let result = try CommandRunner.run([
            "ingest", "--dry-run", "--store", folder.path("trust.sqlite"), drop,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        // Two files and the dry-run line: 4 + 5 rows.
        #expect(lines.count == 3, "\(result.stdout)")
        #expect(lines.last == "dry run: 9 rows in 2 files are valid; nothing was stored")
    }
}

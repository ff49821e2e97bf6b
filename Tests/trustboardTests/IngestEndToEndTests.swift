import Foundation
import Testing

/// The hand-worked trust used by the end-to-end tests. Every expected figure below is
/// worked out from these rows in the comments.
enum HandTrust {
    static let academies = """
        urn,name,phase,sil
        100001,Alpha Primary,primary,A. Lead
        100002,"Beta Academy, Town",secondary,B. Lead
        100003,@SUM(1+1),special,B. Lead
        100004,Delta Hospital School,alternative-provision,B. Lead
        """

    // 100001 2024/25 spring: 2,500 of 50,000 sessions missed → attendance 95.0, absence 5.0;
    //   30 of 200 pupils PA → 15.0; 4 of 200 severe → 2.0.
    // 100002: 22,500 of 250,000 missed → 91.0 / 9.0; 260 of 1,000 PA → 26.0; 25 severe → 2.5.
    // 100003: 5 pupils, 100004: 4 pupils → suppressed. There are two so that the trust's
    //   figure gives neither away (with one, the trust minus the others would be its figure,
    //   and Alpha, the smallest other, would be hidden too).
    // Trust: 25,330 of 302,250 missed → 276,920 / 302,250 = 91.619… → 91.6;
    //   PA 293 of 1,209 = 24.23… → 24.2; severe (only the two that gave it) 29 of 1,200 → 2.4.
    // 100001 2023/24 spring: 2,850 of 47,500 missed → 94.0; 38 of 190 PA → 20.0; 3 of 190
    //   severe → 1.58 → 1.6.
    static let attendance = """
        urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees,severe_absentees
        100001,2024/25,spring,200,50000,2500,30,4
        100002,2024/25,spring,1000,250000,22500,260,25
        100003,2024/25,spring,5,1250,250,2,
        100004,2024/25,spring,4,1000,80,1,
        100001,2023/24,spring,190,47500,2850,38,3
        """

    /// Writes the three files into `folder/drop` and returns that folder's path.
    static func write(to folder: TemporaryFolder) throws -> String {
        try FileManager.default.createDirectory(
            atPath: folder.path("drop"), withIntermediateDirectories: true)
        try folder.write("drop/academies.csv", academies)
        try folder.write("drop/attendance.csv", attendance)
        return folder.path("drop")
    }
}

@Suite("trustboard ingest, report and drops, end to end")
struct IngestEndToEndTests {
    @Test func ingestThenReportMatchesHandWorkedFigures() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        let store = folder.path("store/trust.sqlite")
        let ingest = try CommandRunner.run(["ingest", "--store", store, drop])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("academies.csv: academies, 4 rows, 4 academies"))
        #expect(
            ingest.stdout.contains(
                "attendance.csv: attendance, 5 rows, 2023/24 spring, 2024/25 spring, 4 academies"))

        let mode = try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let report = try CommandRunner.run(["report", "--store", store, "--format", "csv"])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "drop,urn,academy,phase,kpi,pupil_group,year_group,value,rating,benchmark,previous,change,cohort,national_percentile,target,approximate,benchmark_period,similar_median,similar_rank,similar_count,similar_expected"
        )
        // No school-level national figures are stored, so the similar-schools columns at the
        // end (similar_median, similar_rank, similar_count, similar_expected) are empty on
        // every row.
        // Built-in benchmarks for a 2024/25 spring drop: the DfE's 2024/25 autumn-and-spring
        // absence where it is built in (primary 5.16, secondary 8.09, special 12.77), else
        // the latest of 2024/25 or 2023/24 (persistent absence: primary 14.56, secondary 25.56,
        // full year 2023/24; severe absence: all schools 2.3, as no phase figure is recent).
        // Benchmarks are shown, and rated on, at the figure's one decimal place.
        // Alpha (primary): attendance 95.0 vs 100 − 5.16 = 94.84, shown 94.8 → green; a year
        // ago 94.0 → +1.0.
        #expect(
            lines.contains(
                "2024/25-spring,100001,Alpha Primary,primary,attendance_rate,all,all,95.0,green,94.8,94.0,1.0,200,,,false,2024/25 autumn and spring,,,,"
            ))
        // PA 15.0 vs primary 14.56, shown 14.6 → amber (≤ 19.6); a year ago 20.0 → -5.0.
        #expect(
            lines.contains(
                "2024/25-spring,100001,Alpha Primary,primary,persistent_absence_rate,all,all,15.0,amber,14.6,20.0,-5.0,200,,,false,2023/24 full year,,,,"
            ))
        // Beta (secondary): 91.0 vs 100 − 8.09 = 91.91, shown 91.9 → amber (≥ 90.9); the name
        // holds a comma so is quoted.
        #expect(
            lines.contains(
                "2024/25-spring,100002,\"Beta Academy, Town\",secondary,attendance_rate,all,all,91.0,amber,91.9,,,1000,,,false,2024/25 autumn and spring,,,,"
            ))
        #expect(
            lines.contains(
                "2024/25-spring,100002,\"Beta Academy, Town\",secondary,severe_absence_rate,all,all,2.5,amber,2.3,,,1000,,,false,2023/24 full year,,,,"
            ))
        // Five pupils: suppressed, with no value and no cohort; the formula-like name is neutralised.
        // Counted figures are never approximate (`false`); a row with no value leaves it empty.
        #expect(
            lines.contains(
                "2024/25-spring,100003,'@SUM(1+1),special,attendance_rate,all,all,,suppressed,,,,,,,,,,,,")
        )
        // Trust-wide, summed counts. Its benchmark weights each academy's own by the trust's
        // counts, so attendance and persistent absence would need one for Delta, alternative
        // provision, and there is none: not rated. Severe absence leaves the two small schools
        // out (they gave none), and Alpha and Beta both have the all-schools 2.3: 2.4 ≤ 3.3 →
        // amber. A year ago only Alpha had data, so the change covers Alpha alone on both
        // sides: 95.0 − 94.0 = +1.0, PA 15.0 − 20.0 = −5.0, severe 2.0 − 1.6 = +0.4; the
        // previous value shown is Alpha's.
        #expect(
            lines.contains(
                "2024/25-spring,trust,Trust,all,attendance_rate,all,all,91.6,none,,94.0,1.0,1209,,,false,,,,,"
            )
        )
        #expect(
            lines.contains(
                "2024/25-spring,trust,Trust,all,persistent_absence_rate,all,all,24.2,none,,20.0,-5.0,1209,,,false,,,,,"
            ))
        #expect(
            lines.contains(
                "2024/25-spring,trust,Trust,all,severe_absence_rate,all,all,2.4,amber,2.3,1.6,0.4,1200,,,false,2023/24 full year,,,,"
            ))
        // 4 academies × 3 or 4 KPIs (100003 and 100004 have no severe) + 4 trust rows, + header.
        #expect(lines.count == 1 + 4 + 4 + 3 + 3 + 4)

        let drops = try CommandRunner.run(["drops", "--store", store])
        #expect(drops.status == 0)
        #expect(drops.stdout.contains("2024/25 spring"))
        #expect(drops.stdout.contains("2023/24 spring"))
    }

    @Test func aBatchWithAnErrorStoresNothingAndSaysWhere() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        try folder.write(
            "drop/bad.csv",
            "urn,academic_year,term,subject,cohort,expected\n100001,2024/25,spring,rwm,30,31\n")
        let store = folder.path("trust.sqlite")
        let result = try CommandRunner.run(["ingest", "--store", store, drop])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("drop/bad.csv:2: column 'expected', value '31': is more than cohort (30)"))
        #expect(result.stderr.contains("nothing was stored: 1 error in 1 file"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func missingEmptyAndBinaryFilesFailClearly() throws {
        let folder = try TemporaryFolder()
        let empty = try folder.write("empty.csv", "")
        let binary = try folder.write(
            "image.csv", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        let store = folder.path("trust.sqlite")
        let result = try CommandRunner.run([
            "ingest", "--store", store, empty, binary, folder.path("nope.csv"),
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty.csv: is empty"))
        #expect(result.stderr.contains("image.csv: is not a CSV text file (binary data at byte 8)"))
        #expect(result.stderr.contains("nope.csv: no such file"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func dryRunStoresNothing() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        let store = folder.path("trust.sqlite")
        let result = try CommandRunner.run(["ingest", "--dry-run", "--store", store, drop])
        #expect(result.status == 0)
        #expect(result.stdout.contains("dry run: 9 rows in 2 files are valid; nothing was stored"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func theSameFileTwiceChangesNothingAndACorrectionIsKept() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        let store = folder.path("trust.sqlite")
        #expect(try CommandRunner.run(["ingest", "--store", store, drop]).status == 0)
        let before = try CommandRunner.run(["report", "--store", store, "--format", "csv"]).stdout
        let again = try CommandRunner.run(["ingest", "--store", store, drop])
        #expect(again.status == 0)
        #expect(try CommandRunner.run(["report", "--store", store, "--format", "csv"]).stdout == before)

        // A correction: Alpha's absent sessions 2,500 → 3,000, so attendance 47,000 / 50,000 = 94.0,
        // amber against 94.84 (≥ 93.84).
        let corrected = HandTrust.attendance.replacingOccurrences(
            of: "100001,2024/25,spring,200,50000,2500", with: "100001,2024/25,spring,200,50000,3000")
        let fix = try folder.write("fix.csv", corrected)
        #expect(try CommandRunner.run(["ingest", "--store", store, fix]).status == 0)
        let after = try CommandRunner.run([
            "report", "--store", store, "--format", "csv", "--academy", "100001",
        ])
        #expect(
            after.stdout.contains(
                "2024/25-spring,100001,Alpha Primary,primary,attendance_rate,all,all,94.0,amber,94.8,94.0,0.0,200"
            ))
    }

    @Test func reportWithoutAStoreShowsTheSampleTrustAndSaysSo() throws {
        let folder = try TemporaryFolder()
        let result = try CommandRunner.run(
            ["report", "--format", "csv"],
            environment: ["XDG_DATA_HOME": folder.path("data"), "HOME": folder.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("bundled sample trust"))
        #expect(result.stdout.hasPrefix("drop,urn,academy,phase,kpi,"))
        #expect(result.stdout.split(separator: "\n").count > 100)
    }

    @Test(
        "--cycle takes a finite number of seconds from 1 to 3600", arguments: ["nan", "inf", "0.5", "3601"])
    func cycleMustBeFinite(cycle: String) throws {
        let result = try CommandRunner.run([
            "snapshot", "--width", "80", "--height", "24", "--present", "--cycle", cycle,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--cycle must be from 1 to 3600 seconds"), "\(result.stderr)")
    }

    @Test("--sil finds a school improvement lead by part of the name, and says when that is ambiguous")
    func silByPartOfTheName() throws {
        // The sample trust's SILs: R. Okafor, J. Whitfield, S. Patel.
        let one = try CommandRunner.run([
            "snapshot", "--width", "120", "--height", "20", "--sil", "whitfield",
        ])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("SIL: J. Whitfield"))
        let two = try CommandRunner.run(["snapshot", "--width", "120", "--height", "20", "--sil", "a"])
        #expect(two.status != 0)
        #expect(two.stderr.contains("more than one SIL matches 'a': R. Okafor, S. Patel"))
    }

    @Test("a mistyped command gets 'did you mean'; --version prints the version")
    func didYouMeanAndVersion() throws {
        let typo = try CommandRunner.run(["reprot"])
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("'reprot' is not a command; did you mean 'report'?"), "\(typo.stderr)")
        let version = try CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("trustboard "))
    }

    @Test(
        "--store naming a folder is an error; drops on an empty store and --changes on the first drop say so")
    func storeFolderEmptyStoreAndFirstDrop() throws {
        let folder = try TemporaryFolder()
        let asFolder = try CommandRunner.run(["report", "--store", folder.url.path])
        #expect(asFolder.status != 0)
        #expect(asFolder.stderr.contains("is a folder; give the store's file"), "\(asFolder.stderr)")
        let store = folder.path("empty/trust.sqlite")
        let academies = try folder.write("academies.csv", HandTrust.academies)
        #expect(try CommandRunner.run(["ingest", "--store", store, academies]).status == 0)
        let drops = try CommandRunner.run(["drops", "--store", store])
        #expect(drops.stdout.contains("holds no drops yet"), "\(drops.stdout)")
        // The hand trust's first drop, 2023/24 spring, has nothing before it.
        let trust = try HandTrust.write(to: folder)
        let full = folder.path("full.sqlite")
        #expect(try CommandRunner.run(["ingest", "--store", full, trust]).status == 0)
        let first = try CommandRunner.run([
            "report", "--changes", "--store", full, "--drop", "2023/24-spring",
        ])
        #expect(
            first.stdout.contains(
                "No data for 2023/24 autumn or 2022/23 spring to compare with."
            ),
            "\(first.stdout)")
    }

    @Test("the overview's turned-red count follows a SIL filter: that lead's academies and the trust")
    func turnedRedFollowsTheFilter() throws {
        // J. Whitfield's academies, from the sample's own academies file.
        let academies = try String(
            contentsOf: SuppressionAttackTests.sampleFolder.appendingPathComponent("academies.csv"),
            encoding: .utf8)
        let header = academies.split(separator: "\n")[0].split(separator: ",").map(String.init)
        let sil = try #require(header.firstIndex(of: "sil"))
        let urns = Set(
            academies.split(separator: "\n").dropFirst().filter { $0.contains("J. Whitfield") }.map {
                String($0.prefix(6))
            })
        #expect(urns.count >= 2, "sil column \(sil)")
        // Turned red since the previous drop: red now, not red then, against previous_drop.
        let changes = try CommandRunner.run([
            "report", "--changes", "--drop", "2024/25-summer", "--format", "csv",
        ])
        let every = changes.stdout.split(separator: "\n").dropFirst().map(DfEFiles.fields)
        func turnedRed(_ fields: [String]) -> Bool {
            fields.count > 11 && fields[6] == "previous_drop" && fields[10] == "red" && fields[8] != "red"
        }
        // Absence is 100 − attendance: an absence line beside the same academy's, group's
        // and year's attendance line turned red too is that figure again, counted once.
        let attendance = Set(
            every.filter { turnedRed($0) && $0[3] == "attendance_rate" }.map { [$0[1], $0[4], $0[5]] })
        let lines = every.filter { !($0[3] == "absence_rate" && attendance.contains([$0[1], $0[4], $0[5]])) }
        let all = lines.filter(turnedRed).count
        let filtered = lines.filter { turnedRed($0) && ($0[1] == "trust" || urns.contains($0[1])) }.count
        #expect(filtered < all)
        let snapshot = try CommandRunner.run([
            "snapshot", "--width", "140", "--height", "20", "--sil", "whitfield",
        ])
        #expect(
            snapshot.stdout.contains("\(filtered) figures turned red since 2024/25 spring"),
            "\(snapshot.stdout)")
        let whole = try CommandRunner.run(["snapshot", "--width", "140", "--height", "20"])
        #expect(whole.stdout.contains("\(all) figures turned red since 2024/25 spring"), "\(whole.stdout)")
    }

    @Test func badDropAndAcademyAreClearErrors() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        let store = folder.path("trust.sqlite")
        #expect(try CommandRunner.run(["ingest", "--store", store, drop]).status == 0)
        let badDrop = try CommandRunner.run(["report", "--store", store, "--drop", "2019/20-summer"])
        #expect(badDrop.status != 0)
        #expect(
            badDrop.stderr.contains(
                "there is no 2019/20 summer drop; the drops are: 2023/24-spring, 2024/25-spring"))
        let spaced = try CommandRunner.run([
            "report", "--store", store, "--drop", "2023/24 spring", "--format", "csv",
        ])
        #expect(spaced.status == 0)
        #expect(
            spaced.stdout.contains(
                "2023/24-spring,100001,Alpha Primary,primary,attendance_rate,all,all,94.0,"))
        let badAcademy = try CommandRunner.run(["report", "--store", store, "--academy", "999999"])
        #expect(badAcademy.status != 0)
        #expect(badAcademy.stderr.contains("'999999' is not the URN of an academy in the trust"))
    }
}

@Suite("trustboard report --changes, end to end")
struct ChangesReportEndToEndTests {
    @Test func csvListsRatingChangesAgainstLastYear() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        let store = folder.path("trust.sqlite")
        #expect(try CommandRunner.run(["ingest", "--store", store, drop]).status == 0)
        let result = try CommandRunner.run(["report", "--changes", "--store", store, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "drop,urn,academy,kpi,pupil_group,year_group,compared_with,old_value,old_rating,new_value,new_rating,change"
                + ",significant"
        )
        // Alpha's attendance a year ago: 94.0, amber against that drop's own benchmark (2023/24
        // autumn and spring, primary, 100 − 5.40 = 94.60; amber from 93.60); now 95.0, green
        // against 94.84: listed, +1.0. Its PA stays amber (20.0 against the 2022/23 primary
        // 16.21 + 5; 15.0 against 2023/24's 14.56 + 5): not listed. Of 190 then 200 pupils,
        // the move could be chance: pooled p = (0.94 × 190 + 0.95 × 200) / 390 = 0.945128,
        // SE = √(0.945128 × 0.054872 × (1/190 + 1/200)) = 0.023071, z = 0.01 / 0.023071 =
        // 0.43 < 1.96, so `significant` is `no`.
        #expect(
            lines.contains(
                "2024/25-spring,100001,Alpha Primary,attendance_rate,all,all,last_year,94.0,amber,95.0,green,1.0,no"
            ))
        // Every line compares with last year: the hand trust has no 2024/25 autumn drop.
        #expect(lines.dropFirst().allSatisfy { $0.contains(",last_year,") })
        #expect(!lines.contains { $0.contains("100001,Alpha Primary,persistent_absence_rate,all,all") })
    }
}

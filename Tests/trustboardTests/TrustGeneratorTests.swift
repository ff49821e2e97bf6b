import Foundation
import Testing
import TrustGenerator

@Suite("TrustGenerator")
struct TrustGeneratorTests {
    // MARK: - Determinism

    @Test("the generator's first numbers match xoshiro256** seeded by SplitMix64, worked out by hand")
    func generatorMatchesReference() {
        // Computed with an independent implementation of the published algorithms.
        var one = SeededGenerator(seed: 1)
        #expect(one.next() == 0xB3F2_AF6D_0FC7_10C5)
        #expect(one.next() == 0x853B_5596_4736_4CEA)
        #expect(one.next() == 0x92F8_9756_082A_4514)
        var sample = SeededGenerator(seed: 2026)
        #expect(sample.next() == 0x92E0_1159_2E98_AE15)
    }

    @Test("the same seed writes byte-identical sample files")
    func sameSeedSameSampleBytes() throws {
        let first = try GeneratorTestFolder()
        let second = try GeneratorTestFolder()
        let firstFiles = try SampleTrustWriter(seed: 7).write(to: first.url)
        let secondFiles = try SampleTrustWriter(seed: 7).write(to: second.url)
        #expect(firstFiles == secondFiles)
        // academies and benchmarks; attendance, attainment, scores, inclusion and the pupil-level
        // export for each of nine drops; six fictional national files.
        #expect(firstFiles.count == 2 + 9 * 5 + 2 * 3)
        for file in firstFiles {
            let a = try Data(contentsOf: first.url.appendingPathComponent(file.name))
            let b = try Data(contentsOf: second.url.appendingPathComponent(file.name))
            #expect(a == b, "\(file.name) differs between two runs with the same seed")
            #expect(a.count == file.bytes, "\(file.name): reported bytes differ from the file's size")
        }
    }

    @Test("the same seed writes a byte-identical national drop")
    func sameSeedSameNationalBytes() throws {
        let first = try GeneratorTestFolder()
        let second = try GeneratorTestFolder()
        let firstFiles = try NationalScaleWriter(academies: 30, seed: 5).write(to: first.url)
        _ = try NationalScaleWriter(academies: 30, seed: 5).write(to: second.url)
        for file in firstFiles {
            let a = try Data(contentsOf: first.url.appendingPathComponent(file.name))
            let b = try Data(contentsOf: second.url.appendingPathComponent(file.name))
            #expect(a == b, "\(file.name) differs between two runs with the same seed")
        }
    }

    @Test("a different seed writes different figures")
    func differentSeedDiffers() throws {
        let first = try GeneratorTestFolder()
        let second = try GeneratorTestFolder()
        _ = try SampleTrustWriter(seed: 2026).write(to: first.url)
        _ = try SampleTrustWriter(seed: 2027).write(to: second.url)
        for name in [
            "attendance-2023-24-spring.csv", "attainment-2024-25-summer.csv", "scores-2022-23-autumn.csv",
        ] {
            let a = try Data(contentsOf: first.url.appendingPathComponent(name))
            let b = try Data(contentsOf: second.url.appendingPathComponent(name))
            #expect(a != b, "\(name) is the same for seeds 2026 and 2027")
        }
        let nationalOne = try GeneratorTestFolder()
        let nationalTwo = try GeneratorTestFolder()
        _ = try NationalScaleWriter(academies: 20, seed: 1).write(to: nationalOne.url)
        _ = try NationalScaleWriter(academies: 20, seed: 2).write(to: nationalTwo.url)
        let a = try Data(contentsOf: nationalOne.url.appendingPathComponent("attendance.csv"))
        let b = try Data(contentsOf: nationalTwo.url.appendingPathComponent("attendance.csv"))
        #expect(a != b)
    }

    @Test("the committed sample-data matches what the generator writes")
    func committedSampleIsCurrent() throws {
        let committed = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-data")
        let fresh = try GeneratorTestFolder()
        let files = try SampleTrustWriter().write(to: fresh.url)
        for file in files {
            let expected = try Data(contentsOf: fresh.url.appendingPathComponent(file.name))
            let actual = try? Data(contentsOf: committed.appendingPathComponent(file.name))
            #expect(
                actual == expected,
                "sample-data/\(file.name) is stale: run `swift run generate-trust sample --out sample-data`")
        }
    }

    // MARK: - Consistency of the figures

    @Test(
        "attendance groups add up to all pupils, and Years 1–11 to all, in every academy and drop of the sample"
    )
    func attendanceGroupsAddUp() throws {
        let folder = try GeneratorTestFolder()
        let files = try SampleTrustWriter().write(to: folder.url)
        let attendanceFiles = files.filter { $0.name.hasPrefix("attendance-") }
        #expect(attendanceFiles.count == 9)
        var checkedRowSets = 0
        for file in attendanceFiles {
            let table = try GeneratorTestTable.attendance(
                in: folder.url, drop: String(file.name.dropFirst("attendance-".count).dropLast(".csv".count)))
            var byAcademy: [String: [String: [Int]]] = [:]
            // Years 1–11, the pupils of compulsory school age, summed; Reception and the sixth
            // form are not in them.
            var compulsorySums: [String: [Int]] = [:]
            for row in table.rows {
                let counts = GeneratorTestTable.attendanceCountColumns.map { Int(row[$0] ?? "") ?? -1 }
                let urn = row["urn"] ?? ""
                checkAttendanceRow(counts, in: file.name)
                let yearGroup = row["year_group"] ?? ""
                if yearGroup == "all" {
                    byAcademy[urn, default: [:]][row["pupil_group"] ?? ""] = counts
                } else {
                    #expect(row["pupil_group"] == "all")
                    guard let year = Int(yearGroup), (1...11).contains(year) else {
                        #expect(["R", "12", "13"].contains(yearGroup), "\(file.name) \(urn): \(yearGroup)")
                        continue
                    }
                    compulsorySums[urn] = zip(compulsorySums[urn] ?? counts.map { _ in 0 }, counts).map {
                        $0 + $1
                    }
                }
            }
            for (urn, groups) in byAcademy {
                let all = try #require(groups["all"], "\(file.name) \(urn): no row for all pupils")
                for partition in [
                    ["disadvantaged", "not_disadvantaged"], ["boys", "girls"],
                    ["sen_support", "ehcp", "no_sen"],
                ] {
                    var sum = all.map { _ in 0 }
                    for group in partition {
                        sum = zip(sum, groups[group] ?? all.map { _ in 0 }).map { $0 + $1 }
                    }
                    #expect(sum == all, "\(file.name) \(urn): \(partition) do not add up to all pupils")
                }
                #expect(
                    compulsorySums[urn] == all, "\(file.name) \(urn): Years 1–11 do not add up to all")
                checkedRowSets += 1
            }
        }
        // 11 academies in each 2022/23 and 2023/24 drop, 12 in each 2024/25 drop (Riverside joins).
        #expect(checkedRowSets == 6 * 11 + 3 * 12)
    }

    @Test("Reception and the sixth form have their own lines, outside all pupils")
    func receptionAndSixthFormOutsideAll() throws {
        let folder = try GeneratorTestFolder()
        _ = try SampleTrustWriter().write(to: folder.url)
        let primaries: Set = ["900101", "900102", "900103", "900104", "900105", "900106", "900107", "900108"]
        for drop in Self.drops {
            let table = try GeneratorTestTable.attendance(in: folder.url, drop: drop)
            func pupils(_ urn: String, _ yearGroup: String) -> Int? {
                table.rows.first {
                    $0["urn"] == urn && $0["pupil_group"] == "all" && $0["year_group"] == yearGroup
                }
                .flatMap { Int($0["pupils"] ?? "") }
            }
            let academies = Set(table.rows.compactMap { $0["urn"] })
            for urn in academies {
                let all = try #require(pupils(urn, "all"))
                let compulsory = (1...11).compactMap { pupils(urn, String($0)) }.reduce(0, +)
                let outside = ["R", "12", "13"].compactMap { pupils(urn, $0) }.reduce(0, +)
                // Every pupil on roll is on exactly one year-group line; all pupils are Years 1–11.
                #expect(all == compulsory, "\(drop) \(urn)")
                if primaries.contains(urn) {
                    #expect((pupils(urn, "R") ?? 0) > 0, "\(drop) \(urn): no Reception line")
                    #expect(outside == pupils(urn, "R"), "\(drop) \(urn)")
                } else {
                    #expect(pupils(urn, "R") == nil, "\(drop) \(urn)")
                }
                // Northbrook Academy alone has a sixth form.
                let hasSixthForm = pupils(urn, "12") != nil && pupils(urn, "13") != nil
                #expect(hasSixthForm == (urn == "900109"), "\(drop) \(urn)")
                if urn == "900109" {
                    #expect(outside == (pupils(urn, "12") ?? 0) + (pupils(urn, "13") ?? 0))
                    #expect(outside > 0 && outside < all, "\(drop): sixth form of \(outside) next to \(all)")
                }
            }
        }
    }

    @Test("Progress 8 is written for 2022/23 and 2023/24 only: none exists for 2024/25")
    func noProgress8AfterTheTestGap() throws {
        let folder = try GeneratorTestFolder()
        _ = try SampleTrustWriter().write(to: folder.url)
        for drop in Self.drops {
            let table = try GeneratorTestTable(url: folder.url.appendingPathComponent("scores-\(drop).csv"))
            let measures = Set(table.rows.compactMap { $0["measure"] })
            #expect(measures.contains("attainment8"), "\(drop)")
            #expect(measures.contains("progress8") == !drop.hasPrefix("2024-25"), "\(drop): \(measures)")
        }
        let national = try GeneratorTestFolder()
        _ = try NationalScaleWriter(academies: 50, seed: 1).write(to: national.url)
        let scores = try GeneratorTestTable(url: national.url.appendingPathComponent("scores.csv"))
        #expect(!scores.rows.isEmpty)
        #expect(scores.rows.allSatisfy { $0["measure"] == "attainment8" && $0["academic_year"] == "2025/26" })
    }

    @Test("attainment stays within its cohort and RWM within each of its subjects")
    func attainmentIsConsistent() throws {
        let folder = try GeneratorTestFolder()
        let files = try SampleTrustWriter().write(to: folder.url)
        var rwmRows = 0
        for file in files where file.name.hasPrefix("attainment-") {
            let table = try GeneratorTestTable(url: folder.url.appendingPathComponent(file.name))
            var expected: [String: Int] = [:]
            for row in table.rows {
                let cohort = Int(row["cohort"] ?? "") ?? -1
                let met = Int(row["expected"] ?? "") ?? -1
                let deeper = Int(row["greater_depth"] ?? "") ?? 0
                #expect(0 <= deeper && deeper <= met && met <= cohort, "\(file.name): \(row)")
                let key = [row["urn"], row["year_group"], row["pupil_group"], row["subject"]]
                    .map { $0 ?? "" }.joined(separator: "|")
                expected[key] = met
            }
            for (key, met) in expected where key.hasSuffix("|rwm") {
                let stem = key.dropLast("rwm".count)
                let parts = ["reading", "writing", "maths"].compactMap { expected[stem + $0] }
                #expect(parts.count == 3 && met <= (parts.min() ?? -1), "\(file.name) \(key)")
                rwmRows += 1
            }
        }
        #expect(rwmRows > 0)
    }

    // MARK: - The national-scale drop

    @Test("the national drop for 50 academies writes the rows its formula gives")
    func nationalRowCounts() throws {
        let folder = try GeneratorTestFolder()
        let files = try NationalScaleWriter(academies: 50, seed: 1).write(to: folder.url)
        // Of 50 academies: 50 × 16 / 100 = 8 secondary, 50 × 5 / 100 = 2 special,
        // 50 × 2 / 100 = 1 all-through, 50 / 100 = 0 alternative provision, 39 primary.
        // Attendance: 9 group rows + one per year group (primary 7, secondary and special 5,
        // all-through 12). Attainment: 9 groups × 6 KS2 subjects (primary), × 4 KS4 subjects
        // (secondary, special), × 10 (all-through). Scores: 9 groups × Attainment 8 alone, as
        // 2025/26 has no Progress 8.
        let expected = [
            "academies.csv": 50,
            "attendance.csv": 39 * 16 + 8 * 14 + 2 * 14 + 1 * 21,
            "attainment.csv": 39 * 54 + 8 * 36 + 2 * 36 + 1 * 90,
            "scores.csv": (8 + 2 + 1) * 9,
        ]
        #expect(files.map(\.name) == ["academies.csv", "attendance.csv", "attainment.csv", "scores.csv"])
        for file in files {
            #expect(file.rows == expected[file.name], "\(file.name): reported rows")
            let text = try String(contentsOf: folder.url.appendingPathComponent(file.name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(lines.count - 1 == expected[file.name], "\(file.name): data lines in the file")
        }
        let academies = try GeneratorTestTable(url: folder.url.appendingPathComponent("academies.csv"))
        let phases = Dictionary(grouping: academies.rows, by: { $0["phase"] ?? "" }).mapValues(\.count)
        #expect(phases == ["primary": 39, "secondary": 8, "special": 2, "all-through": 1])
    }

    @Test("the national writer refuses an academy count outside 1…900,000")
    func nationalRejectsBadCount() throws {
        let folder = try GeneratorTestFolder()
        #expect(throws: GeneratorError.academyCount(0)) {
            try NationalScaleWriter(academies: 0).write(to: folder.url)
        }
        #expect(throws: GeneratorError.academyCount(900_001)) {
            try NationalScaleWriter(academies: 900_001).write(to: folder.url)
        }
    }

    // MARK: - The sample's stories

    @Test("Fellside School's persistent absence rises every drop, well over national + 5 by 2024/25")
    func fellsidePersistentAbsenceRises() throws {
        let folder = try GeneratorTestFolder()
        _ = try SampleTrustWriter().write(to: folder.url)
        var rates: [Double] = []
        for drop in Self.drops {
            let table = try GeneratorTestTable.attendance(in: folder.url, drop: drop)
            let row = try #require(
                table.rows.first {
                    $0["urn"] == "900110" && $0["pupil_group"] == "all" && $0["year_group"] == "all"
                })
            let persistent = Double(row["persistent_absentees"] ?? "") ?? 0
            let pupils = Double(row["pupils"] ?? "") ?? 1
            rates.append(100 * persistent / pupils)
        }
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 < $1 }, "\(rates)")
        // National secondary persistent absence 2023/24 was 25.56%; no 2024/25 figure is confirmed,
        // so 2024/25 is rated against it.
        #expect(rates.suffix(3).allSatisfy { $0 > 25.56 + 5 }, "\(rates)")
    }

    @Test("Kingsmead Park's disadvantaged RWM gap is over 25 points in every summer")
    func kingsmeadGap() throws {
        let folder = try GeneratorTestFolder()
        _ = try SampleTrustWriter().write(to: folder.url)
        for year in ["2022-23", "2023-24", "2024-25"] {
            let table = try GeneratorTestTable(
                url: folder.url.appendingPathComponent("attainment-\(year)-summer.csv"))
            func rate(_ group: String) -> Double {
                let row = table.rows.first {
                    $0["urn"] == "900106" && $0["subject"] == "rwm" && $0["pupil_group"] == group
                }
                let met = Double(row?["expected"] ?? "") ?? 0
                let cohort = Double(row?["cohort"] ?? "") ?? 0
                return cohort > 0 ? 100 * met / cohort : 0
            }
            #expect(rate("not_disadvantaged") - rate("disadvantaged") > 25, "\(year)")
        }
    }

    @Test("Riverside Junction has only the 2024/25 drops; Brookside's small groups are under 6")
    func joinerAndSmallSpecialSchool() throws {
        let folder = try GeneratorTestFolder()
        _ = try SampleTrustWriter().write(to: folder.url)
        for drop in Self.drops {
            let table = try GeneratorTestTable.attendance(in: folder.url, drop: drop)
            let hasRiverside = table.rows.contains { $0["urn"] == "900108" }
            #expect(hasRiverside == drop.hasPrefix("2024-25"), "\(drop)")
            let brookside = table.rows.filter { $0["urn"] == "900112" && $0["year_group"] == "all" }
            let pupils = Dictionary(
                uniqueKeysWithValues: brookside.map {
                    ($0["pupil_group"] ?? "", Int($0["pupils"] ?? "") ?? 0)
                })
            #expect((30...45).contains(pupils["all"] ?? 0), "\(drop): \(pupils)")
            for group in ["eal", "girls", "sen_support"] {
                #expect((1...5).contains(pupils[group] ?? 0), "\(drop): \(group) \(pupils)")
            }
        }
    }

    @Test("Meadowbank improves every year: less absence in every drop than a year before, more pupils at RWM")
    func meadowbankImproves() throws {
        let folder = try GeneratorTestFolder()
        _ = try SampleTrustWriter().write(to: folder.url)
        for term in ["autumn", "spring", "summer"] {
            var absence: [Double] = []
            for year in ["2022-23", "2023-24", "2024-25"] {
                let attendance = try GeneratorTestTable.attendance(in: folder.url, drop: "\(year)-\(term)")
                let row = try #require(
                    attendance.rows.first {
                        $0["urn"] == "900105" && $0["pupil_group"] == "all" && $0["year_group"] == "all"
                    })
                absence.append(
                    (Double(row["absent_sessions"] ?? "") ?? 0)
                        / (Double(row["possible_sessions"] ?? "") ?? 1))
            }
            #expect(absence[0] > absence[1] && absence[1] > absence[2], "\(term): \(absence)")
        }
        var rwm: [Double] = []
        for year in ["2022-23", "2023-24", "2024-25"] {
            let attainment = try GeneratorTestTable(
                url: folder.url.appendingPathComponent("attainment-\(year)-summer.csv"))
            let result = try #require(
                attainment.rows.first {
                    $0["urn"] == "900105" && $0["subject"] == "rwm" && $0["pupil_group"] == "all"
                })
            rwm.append((Double(result["expected"] ?? "") ?? 0) / (Double(result["cohort"] ?? "") ?? 1))
        }
        #expect(rwm[0] < rwm[1] && rwm[1] < rwm[2], "\(rwm)")
    }

    // MARK: - Writing CSV

    @Test("the CSV writer quotes only when needed and writes decimals without a locale")
    func csvLineWriter() throws {
        let folder = try GeneratorTestFolder()
        let url = folder.url.appendingPathComponent("t.csv")
        var writer = try CSVLineWriter(url: url, header: ["name", "value"])
        writer.text("Castle Rise Academy, Northbrook")
        writer.hundredths(-7)
        try writer.endRow()
        writer.text("say \"hi\"")
        writer.decimal(553, places: 2)
        try writer.endRow()
        writer.text("St Mary\u{2019}s")
        writer.number(-12)
        try writer.endRow()
        writer.empty()
        writer.decimal(61, places: 0)
        try writer.endRow()
        let written = try writer.finish()
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(
            text == "name,value\n\"Castle Rise Academy, Northbrook\",-0.07\n\"say \"\"hi\"\"\",5.53\n"
                + "St Mary\u{2019}s,-12\n,61\n")
        #expect(written == WrittenFile(name: "t.csv", rows: 4, bytes: text.utf8.count))
    }

    private static let drops = ["2022-23", "2023-24", "2024-25"].flatMap { year in
        ["autumn", "spring", "summer"].map { "\(year)-\($0)" }
    }

    private func checkAttendanceRow(_ counts: [Int], in file: String) {
        let (pupils, possible, absent, authorised, unauthorised, persistent, severe) = (
            counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]
        )
        #expect(counts.allSatisfy { $0 >= 0 }, "\(file): \(counts)")
        #expect(absent <= possible && authorised + unauthorised == absent, "\(file): \(counts)")
        #expect(severe <= persistent && persistent <= pupils, "\(file): \(counts)")
        #expect(pupils == 0 || possible > 0, "\(file): \(counts)")
    }
}

/// A folder under the system's temporary folder, removed when the value goes away.
private final class GeneratorTestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("trust-generator-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A CSV file read simply: no quoted fields, LF line ends (what the generator writes for these
/// files). Rows map column names to values.
private struct GeneratorTestTable {
    static let attendanceCountColumns = [
        "pupils", "possible_sessions", "absent_sessions", "authorised_absent_sessions",
        "unauthorised_absent_sessions", "persistent_absentees", "severe_absentees",
    ]

    var rows: [[String: String]] = []

    /// The attendance rows of a drop (`2024-25-spring`, say) as aggregate rows: the
    /// `attendance` file's, then those summed by hand from the pupil-level export.
    static func attendance(in folder: URL, drop: String) throws -> GeneratorTestTable {
        var table = try GeneratorTestTable(url: folder.appendingPathComponent("attendance-\(drop).csv"))
        let export = try GeneratorTestTable(
            url: folder.appendingPathComponent("pupil-attendance-\(drop).csv"))
        for (key, counts) in ExportRowSums(rows: export.rows).attendance.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "|").map(String.init)
            var row = ["urn": parts[0], "pupil_group": parts[1], "year_group": parts[2]]
            for (column, value) in zip(attendanceCountColumns, counts) { row[column] = String(value) }
            table.rows.append(row)
        }
        return table
    }

    init(url: URL) throws {
        rows = try PlainCSV(url: url).rows
    }
}

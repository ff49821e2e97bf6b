import Foundation
import Metrics
import Testing
import TrustGenerator

/// The sample trust mixes the two sources a trust moving to exports has: most academies send
/// a pupil-level export, two still send aggregate files. The figures must not depend on which.
@Suite("The sample trust's pupil-level exports")
struct SampleExportTests {
    /// The academies that still send aggregate files (Riverside Junction and Brookside).
    static let aggregateURNs: Set = ["900108", "900112"]
    static let drops = ["2022-23", "2023-24", "2024-25"].flatMap { year in
        ["autumn", "spring", "summer"].map { "\(year)-\($0)" }
    }

    @Test("an exporting academy's figures are the same summed from its pupils as written as aggregate rows")
    func exportsEqualAggregateRows() throws {
        let aggregate = try TemporaryFolder()
        let mixed = try TemporaryFolder()
        _ = try SampleTrustWriter(exports: false).write(to: aggregate.url)
        _ = try SampleTrustWriter().write(to: mixed.url)
        var compared = 0
        for drop in Self.drops {
            let export = try PlainCSV(mixed.url, "pupil-attendance-\(drop).csv")
            let sums = ExportRowSums(rows: export.rows)
            #expect(!export.rows.isEmpty, "\(drop)")
            for (kind, summed) in [("attendance", sums.attendance), ("inclusion", sums.inclusion)] {
                let allAggregate = try PlainCSV(aggregate.url, "\(kind)-\(drop).csv")
                let mixedAggregate = try PlainCSV(mixed.url, "\(kind)-\(drop).csv")
                // One source per academy and drop: the mixed trust's aggregate files hold only
                // the academies that do not export, exactly as the all-aggregate trust has them.
                #expect(Set(mixedAggregate.rows.compactMap { $0["urn"] }).isSubset(of: Self.aggregateURNs))
                #expect(
                    mixedAggregate.rows
                        == allAggregate.rows.filter { Self.aggregateURNs.contains($0["urn"] ?? "") })
                let exported = allAggregate.rows.filter { !Self.aggregateURNs.contains($0["urn"] ?? "") }
                let columns =
                    kind == "attendance"
                    ? [
                        "pupils", "possible_sessions", "absent_sessions", "authorised_absent_sessions",
                        "unauthorised_absent_sessions", "persistent_absentees", "severe_absentees",
                    ] : ["pupils", "suspensions", "pupils_suspended", "permanent_exclusions"]
                var written: [String: [Int]] = [:]
                for row in exported {
                    let key = [row["urn"], row["pupil_group"], row["year_group"]].map { $0 ?? "" }
                        .joined(separator: "|")
                    written[key] = columns.map { Int(row[$0] ?? "") ?? -1 }
                }
                // Groups with no pupils have no aggregate row and no pupils to sum.
                let summedWithPupils = summed.filter { $0.value[0] > 0 }
                #expect(written == summedWithPupils, "\(kind) \(drop)")
                compared += written.count
            }
            #expect(Set(export.rows.compactMap { $0["urn"] }).isDisjoint(with: Self.aggregateURNs), "\(drop)")
        }
        #expect(compared > 1000)
    }

    @Test("every export row's sessions and codes add up, and its references are unique and made up")
    func exportRowsAreSound() throws {
        let authorisedCodes = ["code_C", "code_C2", "code_I", "code_M", "code_R"]
        let unauthorisedCodes = ["code_G", "code_N", "code_O", "code_U"]
        var reasonsSeen: Set<String> = []
        for drop in Self.drops {
            let export = try PlainCSV(
                SuppressionAttackTests.sampleFolder, "pupil-attendance-\(drop).csv")
            var refs: Set<String> = []
            for (index, row) in export.rows.enumerated() {
                let number = { (column: String) in Int(row[column] ?? "") ?? -1 }
                let line = "\(drop) line \(index + 2)"
                #expect(
                    number("present_sessions") + number("aea_sessions") + number("authorised_sessions")
                        + number("unauthorised_sessions") == number("possible_sessions"), "\(line)")
                #expect(authorisedCodes.map(number).reduce(0, +) == number("authorised_sessions"), "\(line)")
                #expect(
                    unauthorisedCodes.map(number).reduce(0, +) == number("unauthorised_sessions"), "\(line)")
                for code in authorisedCodes + unauthorisedCodes where number(code) > 0 {
                    reasonsSeen.insert(code)
                }
                let ref = row["pupil_ref"] ?? ""
                // A letter and twelve digits, like a UPN's shape; unique in its academy and drop.
                #expect(
                    ref.count == 13 && ref.first?.isLetter == true && ref.dropFirst().allSatisfy(\.isNumber))
                #expect(refs.insert("\(row["urn"] ?? "")|\(ref)").inserted, "\(line): \(ref) twice")
            }
        }
        #expect(reasonsSeen == Set(authorisedCodes + unauthorisedCodes))
    }

    /// Absence is skewed, as it is in real schools: in every exporting academy's latest summer
    /// some pupils are at risk (5% to under 10%), and fewer than miss under 5%. A uniform spread
    /// of the pupils in neither band once put every primary's pupils under 5%.
    @Test("every exporting academy has pupils at risk, fewer than those missing under 5%")
    func everyExportingAcademyHasPupilsAtRisk() throws {
        let export = try PlainCSV(
            SuppressionAttackTests.sampleFolder, "pupil-attendance-2024-25-summer.csv")
        var under5: [String: Int] = [:]
        var atRisk: [String: Int] = [:]
        for row in export.rows {
            let urn = row["urn"] ?? ""
            let possible = Int(row["possible_sessions"] ?? "") ?? 0
            let absent =
                (Int(row["authorised_sessions"] ?? "") ?? 0) + (Int(row["unauthorised_sessions"] ?? "") ?? 0)
            guard possible > 0 else { continue }
            if absent * 20 < possible {
                under5[urn, default: 0] += 1
            } else if absent * 10 < possible {
                atRisk[urn, default: 0] += 1
            }
        }
        #expect(under5.count == 10, "\(under5.keys.sorted())")
        for (urn, pupils) in under5 {
            let risk = atRisk[urn] ?? 0
            #expect(risk > 0 && risk < pupils, "\(urn): \(risk) at risk, \(pupils) under 5%")
        }
    }

    @Test(
        "Northbrook Primary's persistent absence is flat in the summers while its pupils at risk (5–10%) grow"
    )
    func northbrookPrimaryAtRiskGrows() throws {
        let (data, config) = try SampleStoryTests.sample()
        let urn = try #require(URN(900_101))
        // By hand from pupil-attendance-YYYY-YY-summer.csv: the 900101 pupils of Years 1–11 with
        // a possible session, and how many missed ≥ 10% and 5% to under 10% of them.
        var persistentShares: [Double] = []
        var atRiskShares: [Double] = []
        for year in [2022, 2023, 2024] {
            let name = "pupil-attendance-\(year)-\(String(year + 1).suffix(2))-summer.csv"
            let export = try PlainCSV(SuppressionAttackTests.sampleFolder, name)
            var pupils = 0
            var persistent = 0
            var atRisk = 0
            for row in export.rows where row["urn"] == "900101" {
                guard let yearGroup = Int(row["year_group"] ?? ""), (1...11).contains(yearGroup) else {
                    continue
                }
                let possible = Int(row["possible_sessions"] ?? "") ?? 0
                let absent =
                    (Int(row["authorised_sessions"] ?? "") ?? 0)
                    + (Int(row["unauthorised_sessions"] ?? "") ?? 0)
                guard possible > 0 else { continue }
                pupils += 1
                if absent * 10 >= possible {
                    persistent += 1
                } else if absent * 20 >= possible {
                    atRisk += 1
                }
            }
            let drop = DataDrop(year: AcademicYear(year), term: .summer)
            let rated = DropRater(data: data, drop: drop, config: config).rated(urn)
            let persistentFigure = try #require(SampleStoryTests.figure(.persistentAbsenceRate, in: rated))
            let atRiskFigure = try #require(SampleStoryTests.figure(.absenceBand(.atRiskRate), in: rated))
            #expect(persistentFigure.figure.numerator == Double(persistent), "\(drop)")
            #expect(persistentFigure.figure.denominator == Double(pupils), "\(drop)")
            #expect(atRiskFigure.figure.numerator == Double(atRisk), "\(drop)")
            #expect(atRiskFigure.figure.denominator == Double(pupils), "\(drop)")
            persistentShares.append(100 * Double(persistent) / Double(pupils))
            atRiskShares.append(100 * Double(atRisk) / Double(pupils))
        }
        // The story as sample-data/README.md tells it: persistent absence within a point and a
        // half of 14% every summer, the at-risk share growing each year to over a fifth.
        #expect(persistentShares.allSatisfy { abs($0 - 14) < 1.5 }, "\(persistentShares)")
        #expect(atRiskShares[0] < atRiskShares[1] && atRiskShares[1] < atRiskShares[2], "\(atRiskShares)")
        #expect(atRiskShares[2] > 20, "\(atRiskShares)")
    }
}

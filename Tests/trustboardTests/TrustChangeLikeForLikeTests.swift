import Foundation
import Metrics
import Testing

/// Beckfoot Trust's persistent absence in 2016/17 against 2015/16, worked out from the
/// Bradford file's own rows: academies joined between the years, so the trust's change
/// covers only the academies in both.
@Suite("The trust's change covers the same academies on both sides")
struct TrustChangeLikeForLikeTests {
    static let file = RatingFromExplanationTests.dfe.appendingPathComponent(
        "bradford_absence_3term_school_2013-2022.csv")

    @Test(
        "Beckfoot 2016/17 persistent absence: the change of the academies in both years",
        .enabled(if: RatingFromExplanationTests.dfePresent, "needs ../shared/data/dfe/"))
    func beckfoot() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.file))
        // By hand from the rows: the trust's academies are those it had in 2021/22; sum
        // enrolments and enrolments_pa_10_exact per year, for all and for those in both.
        let rows = try DfEFiles.rows(Self.file.path)
        let header = try #require(rows.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let (period, trust, urn, pupils, persistent) = (
            try column("time_period"), try column("trust"), try column("school_urn"),
            try column("enrolments"),
            try column("enrolments_pa_10_exact")
        )
        let members = Set(
            rows.filter { $0[period] == "202122" && $0[trust] == "BECKFOOT TRUST" }.map { $0[urn] })
        let years = ["201516", "201617"].map { year in
            rows.filter { $0[period] == year && members.contains($0[urn]) }
        }
        let both = Set(years[0].map { $0[urn] }).intersection(years[1].map { $0[urn] })
        func sum(_ rows: [[String]], _ index: Int, in urns: Set<String>? = nil) -> Int {
            rows.filter { urns?.contains($0[urn]) ?? true }.reduce(0) { $0 + (Int($1[index]) ?? 0) }
        }
        func percent(_ part: Int, _ whole: Int) -> Double {
            (Double(part) / Double(whole) * 1000).rounded() / 10
        }
        let now = percent(sum(years[1], persistent), sum(years[1], pupils))
        let sameNow = percent(sum(years[1], persistent, in: both), sum(years[1], pupils, in: both))
        let sameThen = percent(sum(years[0], persistent, in: both), sum(years[0], pupils, in: both))
        #expect(years[1].count > both.count, "academies must have joined for this test to mean anything")

        let file = try #require(ExploreEducationAbsenceFile(bytes: bytes))
        let academies = file.schools(ofTrust: "BECKFOOT TRUST").compactMap(Academy.init)
        let batch = DropReader(knownAcademies: Set(academies.map(\.urn))).read(files: [
            ("bradford.csv", bytes)
        ])
        let data = TrustData(
            academies: academies, attendance: batch.attendance.map(\.record),
            published: batch.published.map(\.record), benchmarks: BuiltInBenchmarks.all)
        let drop = DataDrop(year: AcademicYear(2016), term: .summer)
        let rated = DropRater(data: data, drop: drop, config: RatingConfig()).ratedTrust()
        let pa = try #require(
            rated.first { $0.figure.kpi == .persistentAbsenceRate && $0.figure.group == .all })
        #expect(pa.shown == now)
        #expect(pa.likeForLike?.shown == sameNow)
        #expect(pa.previousShown == sameThen)
        #expect(pa.change == ((sameNow - sameThen) * 10).rounded() / 10)
        #expect(pa.previous?.academies == both.count && pa.likeForLike?.academies == both.count)
        // The figures: +0.9 for the three academies in both years, not +2.6.
        #expect(pa.change == 0.9)
    }
}

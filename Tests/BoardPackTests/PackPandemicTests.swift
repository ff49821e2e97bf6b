import Metrics
import Testing

@testable import BoardPack

/// The pack's changes section for a drop whose only earlier drop is across a pandemic
/// year: it says that drop was not compared and why, never "No rating changed."
@Suite("Board pack across a pandemic year")
struct PackPandemicTests {
    /// The pack of `drop` for Ash, which misses the given sessions of 10,000 in each of
    /// `absences`' drops (500 is 95.0% attendance, 1,500 is 85.0%).
    static func figures(_ absences: [(DataDrop, Int)], drop: DataDrop) -> PackFigures {
        let ash = PackTrust.urn(431_201)
        let data = TrustData(
            trustName: "Pandemic Trust",
            academies: [Academy(urn: ash, name: "Ash Primary", phase: .primary)],
            attendance: absences.map { drop, absent in
                AttendanceRecord(
                    urn: ash, drop: drop, pupils: 200, possibleSessions: 10_000, absentSessions: absent,
                    persistentAbsentees: 20)
            },
            benchmarks: BuiltInBenchmarks.all)
        return PackFigures(
            data: data, config: RatingConfig(),
            request: PackRequest(
                drop: drop, academies: nil, trustName: "Pandemic Trust", marking: "OFFICIAL-SENSITIVE",
                date: "1 December 2026"),
            similar: { _ in nil })
    }

    @Test func changesSectionAndSummary() {
        let lastYear = DataDrop(year: AcademicYear(2020), term: .summer)
        let now = DataDrop(year: AcademicYear(2021), term: .summer)
        // 95.0% attendance in 2020/21 summer, 85.0% in 2021/22: red now, not compared.
        let figures = Self.figures([(lastYear, 500), (now, 1_500)], drop: now)
        var section = HTML()
        PackChangesPage.write(figures, into: &section)
        #expect(
            section.text.contains(
                "2021/22 summer is not compared with 2020/21 summer: 2019/20 and 2020/21 are pandemic years"))
        #expect(!section.text.contains("No rating changed."))
        #expect(!section.text.contains("Every figure whose rating moved since"))
        // The summary's count of figures turned red says the same, not "0".
        var summary = HTML()
        PackSummary.write(figures, into: &summary)
        #expect(summary.text.contains("<h3>Turned red since 2020/21 summer: not compared</h3>"))
        #expect(
            summary.text.contains("2021/22 summer is not compared with 2020/21 summer: 2019/20 and 2020/21"))
        #expect(!summary.text.contains("No figure turned red since"))
        // The earlier drop, 2020/21 summer, has nothing before it: not "0" either.
        let first = Self.figures([(lastYear, 500), (now, 1_500)], drop: lastYear)
        var firstSummary = HTML()
        PackSummary.write(first, into: &firstSummary)
        #expect(firstSummary.text.contains("<h3>Turned red since 2019/20 summer: not compared</h3>"))
        #expect(
            firstSummary.text.contains(
                "No data for 2019/20 summer to compare with. 2019/20 summer would not be compared in any case: "
                    + "2019/20 and 2020/21 are pandemic years"))
    }

    /// 2020/21 summer beside 2020/21 spring: compared (one school year), but no figure of a
    /// pandemic year is rated, so the pack says none could change rather than that none did.
    @Test func withinAPandemicYear() {
        let spring = DataDrop(year: AcademicYear(2020), term: .spring)
        let summer = DataDrop(year: AcademicYear(2020), term: .summer)
        // 95.0% attendance in spring, 85.0% in summer: it would turn red in another year.
        let figures = Self.figures([(spring, 500), (summer, 1_500)], drop: summer)
        let why =
            "No figure of 2020/21 summer is rated, so no rating could change: 2020/21 is a pandemic year, "
            + "whose figures are never compared with national ones."
        var section = HTML()
        PackChangesPage.write(figures, into: &section)
        #expect(section.text.contains(why))
        #expect(!section.text.contains("No rating changed"))
        var summary = HTML()
        PackSummary.write(figures, into: &summary)
        #expect(summary.text.contains("<h3>Turned red since 2020/21 spring: none rated</h3>"))
        #expect(summary.text.contains(why))
        #expect(!summary.text.contains("No figure turned red since"))
    }
}

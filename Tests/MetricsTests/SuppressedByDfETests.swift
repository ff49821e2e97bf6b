import Testing

@testable import Metrics

/// A figure the DfE published as `SUPP` is worded as suppressed by the DfE, which is not
/// always a small group, and a figure trustboard hides as one of fewer than 6 pupils.
@Suite("Suppressed by the DfE")
struct SuppressedByDfETests {
    static let drop = DataDrop(year: AcademicYear(2018), term: .summer)
    static let urn = Fixtures.urn(100_001)

    /// Oak Primary's 2018/19 figures: disadvantaged RWM published as SUPP over 24 pupils,
    /// all pupils' RWM 70% of 30, and SEN support RWM counted over 4 pupils.
    static let data = TrustData(
        academies: [Academy(urn: urn, name: "Oak Primary", phase: .primary)],
        attainment: [
            AttainmentRecord(
                urn: urn, drop: drop, group: .senSupport, yearGroup: .year(6), subject: .rwm, cohort: 4,
                expected: 2
            )
        ],
        published: [
            PublishedFigure(
                urn: urn, drop: drop, kpi: .expected(.rwm), group: .disadvantaged, yearGroup: .year(6),
                value: nil,
                pupils: 24, source: "DfE KS2 performance tables 2018/19"),
            PublishedFigure(
                urn: urn, drop: drop, kpi: .expected(.rwm), yearGroup: .year(6), value: 70, pupils: 30,
                source: "DfE KS2 performance tables 2018/19"),
        ])

    static func rated(_ group: PupilGroup) -> RatedFigure? {
        DropRater(data: data, drop: drop, config: RatingConfig()).rated(urn).first {
            $0.figure.kpi == .expected(.rwm) && $0.figure.group == group
        }
    }

    @Test func theExplanationSaysWhoSuppressedIt() throws {
        let dfe = try #require(Self.rated(.disadvantaged))
        #expect(dfe.rating == .suppressed)
        #expect(dfe.isSuppressedByDfE)
        #expect(
            RatingExplanation(dfe).lines.map(\.text) == [
                "suppressed by the DfE: it published SUPP in place of a value, so there is no figure to show"
            ])
        let small = try #require(Self.rated(.senSupport))
        #expect(small.rating == .suppressed)
        #expect(!small.isSuppressedByDfE)
        #expect(
            RatingExplanation(small).lines.map(\.text) == [
                "suppressed: fewer than 6 pupils in this group, so the figure could identify them"
            ])
    }

    @Test func textAndMarkdownReportsSaySuppressedByTheDfE() {
        let report = TrustReport(
            DropRater(data: Self.data, drop: Self.drop, config: RatingConfig()), trustName: "Oak Trust",
            academy: Self.urn)
        for format in [ReportFormat.text, .markdown] {
            let lines = report.write(format).split(separator: "\n")
            let dfe = lines.first { $0.contains("disadvantaged") && $0.contains("rwm_expected") }
            #expect(dfe?.contains("suppressed by the DfE") == true, "\(format): \(dfe ?? "")")
            let small = lines.first { $0.contains("sen_support") }
            #expect(small?.contains("suppressed") == true && small?.contains("by the DfE") == false)
        }
        // CSV and JSON keep the one rating word, `suppressed`, an interface.
        let csv = report.write(.csv)
        #expect(!csv.contains("by the DfE"))
        #expect(csv.contains("rwm_expected,disadvantaged,6,,suppressed,"))
    }
}

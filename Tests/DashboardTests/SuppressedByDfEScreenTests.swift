import Metrics
import Testing

@testable import Dashboard

/// A figure the DfE published as `SUPP` says so on screen, rather than "<6 pupils": the
/// DfE's reasons are its own, and its group here is 24 pupils.
@Suite("Suppressed by the DfE, on screen")
struct SuppressedByDfEScreenTests {
    static let drop = DataDrop(year: AcademicYear(2018), term: .summer)
    static let oak = TestTrust.urn(100_001)

    static func view() -> TrustView {
        let data = TrustData(
            trustName: "Oak Trust", academies: [Academy(urn: oak, name: "Oak Primary", phase: .primary)],
            attendance: [
                AttendanceRecord(
                    urn: oak, drop: drop, group: .senSupport, pupils: 4, possibleSessions: 1_200,
                    absentSessions: 60,
                    persistentAbsentees: 0)
            ],
            published: [
                PublishedFigure(
                    urn: oak, drop: drop, kpi: .expected(.rwm), group: .disadvantaged, yearGroup: .year(6),
                    value: nil, pupils: 24, source: "DfE KS2 performance tables 2018/19")
            ])
        return TrustView(data: data, config: RatingConfig(), trustName: "Oak Trust", isSample: false)
    }

    @Test func theGroupsSizeSaysWhoSuppressedIt() throws {
        let rated = Self.view().rated(Self.drop)
        let dfe = try #require(
            rated.figure(.academy(Self.oak), .expected(.rwm), group: .disadvantaged, yearGroup: .year(6)))
        #expect(AcademyScreen.pupilCount(dfe) == "by the DfE")
        #expect(AcademyScreen.pupilCount(dfe, unit: false) == "DfE")
        #expect(ExplainOverlay.ratingText(dfe, ascii: false) == "◌ suppressed by the DfE")
        // Four SEN support pupils: hidden by trustboard, as fewer than 6.
        let small = try #require(rated.figure(.academy(Self.oak), .attendanceRate, group: .senSupport))
        #expect(AcademyScreen.pupilCount(small) == "<6 pupils")
        #expect(ExplainOverlay.ratingText(small, ascii: false) == "◌ suppressed")
    }
}

import BoardPack
import Metrics
import Testing

/// The academy page's inclusion table: the three measures for all pupils, then suspensions
/// for the groups the gaps compare, each worked out by hand from the rows below and hidden
/// for a small group as every figure is.
@Suite("Board pack: inclusion")
struct PackInclusionTests {
    static func record(_ group: PupilGroup, pupils: Int, suspensions: Int, suspended: Int, excluded: Int)
        -> InclusionRecord
    {
        InclusionRecord(
            urn: PackTrust.ash, drop: PackTrust.now, group: group, pupils: pupils, suspensions: suspensions,
            pupilsSuspended: suspended, permanentExclusions: excluded)
    }

    /// Ash & Oak in 2025/26 spring: 200 pupils, 18 suspensions of 9 pupils, 1 permanent
    /// exclusion; disadvantaged 50 pupils with 10 suspensions, others 150 with 8; SEN
    /// support 4 pupils with 3.
    static let html: PackHTML = {
        var data = PackTrust.data
        data.inclusion = [
            record(.all, pupils: 200, suspensions: 18, suspended: 9, excluded: 1),
            record(.disadvantaged, pupils: 50, suspensions: 10, suspended: 5, excluded: 1),
            record(.notDisadvantaged, pupils: 150, suspensions: 8, suspended: 4, excluded: 0),
            record(.senSupport, pupils: 4, suspensions: 3, suspended: 2, excluded: 0),
        ]
        return PackHTML(text: PackTrust.pack(data: data).html())
    }()

    /// The value cell of the first row labelled `label` on Ash & Oak's page.
    static func value(_ label: String) -> String? {
        let row = html.section("academy-100201").rows(label).first
        return row?.components(separatedBy: "<td class=\"n\">").dropFirst().first?
            .components(separatedBy: "</td>").first
    }

    @Test("all pupils: 18 ÷ 200 × 100 = 9.00 per 100, 9 ÷ 200 = 4.50%, 1 ÷ 200 × 100 = 0.50 per 100")
    func allPupils() {
        #expect(
            Self.html.section("academy-100201").text.contains(
                "Inclusion: suspensions and permanent exclusions"))
        #expect(Self.value("Suspensions per 100 pupils") == "9.00")
        #expect(Self.value("Pupils suspended") == "4.50")
        #expect(Self.value("Permanent exclusions per 100 pupils") == "0.50")
    }

    @Test("groups: disadvantaged 10 ÷ 50 = 20.00, others 8 ÷ 150 = 5.33; SEN support (4 pupils) hidden")
    func groups() {
        #expect(Self.value("Suspensions per 100, disadvantaged") == "20.00")
        #expect(Self.value("Suspensions per 100, not disadvantaged") == "5.33")
        #expect(Self.value("Suspensions per 100, SEN support") == "SUPP")
    }

    @Test("an academy with no inclusion figures has no inclusion table")
    func noTable() {
        #expect(!Self.html.section("academy-100202").text.contains("Inclusion:"))
    }
}

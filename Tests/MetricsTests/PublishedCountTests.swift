import Testing

@testable import Metrics

/// The count of pupils behind a rounded percentage: found only when exactly one count
/// rounds to it, the DfE's way (half up).
@Suite("The count behind a rounded percentage")
struct PublishedCountTests {
    @Test func aSmallCohortHasOneCountForEachPercentage() {
        // 40 of 60 = 66.67% → 67; 39 of 60 = 65.0 and 41 of 60 = 68.3 do not round to 67.
        #expect(PublishedCount.count(percentage: 67, of: 60) == 40)
        // 0 of 60 and 60 of 60 are the only counts giving 0% and 100%.
        #expect(PublishedCount.count(percentage: 0, of: 60) == 0)
        #expect(PublishedCount.count(percentage: 100, of: 60) == 60)
    }

    @Test func halvesAreRoundedUpAsTheDfEDoes() {
        // 4 of 32 = 12.5% exactly: half up gives 13, so 13% of 32 is 4 pupils (5 of 32 is
        // 15.6%), and no count gives 12% (3 of 32 is 9.4%).
        #expect(PublishedCount.count(percentage: 13, of: 32) == 4)
        #expect(PublishedCount.count(percentage: 12, of: 32) == nil)
        // 1 of 8 = 12.5% → 13 as well.
        #expect(PublishedCount.count(percentage: 13, of: 8) == 1)
    }

    @Test func moreThanOneCountOrNoneGivesNoCount() {
        // 134 of 201 = 66.67% and 135 of 201 = 67.16% both round to 67.
        #expect(PublishedCount.count(percentage: 67, of: 201) == nil)
        // 118 of 156 = 75.64% and 119 of 156 = 76.28% both round to 76.
        #expect(PublishedCount.count(percentage: 76, of: 156) == nil)
        // 19 of 49 = 38.8% and 20 of 49 = 40.8%: nothing rounds to 40.
        #expect(PublishedCount.count(percentage: 40, of: 49) == nil)
        // No pupils, or a value outside 0–100.
        #expect(PublishedCount.count(percentage: 50, of: 0) == nil)
        #expect(PublishedCount.count(percentage: 101, of: 60) == nil)
    }

    @Test func aPercentageWithOneDecimalIsMatchedToOneDecimal() {
        // 185 of 266 = 69.549% → 69.5; 184 of 266 = 69.17 and 186 of 266 = 69.92.
        #expect(PublishedCount.count(percentage: 69.5, of: 266) == 185)
        // 71.0 is read as 71, to be safe: 141 of 200 (70.5 → 71) and 142 of 200 (71.0)
        // both fit, so there is no count, never a wrong one.
        #expect(PublishedCount.count(percentage: 71.0, of: 200) == nil)
        // 70.5 to one place: only 141 of 200.
        #expect(PublishedCount.count(percentage: 70.5, of: 200) == 141)
    }
}

import Testing

@testable import Metrics

/// The trust's figures as shown, worked out without rating them (`DropRater.shownTrust`,
/// `LazyRatedDrop.shown`, which the overview's attendance trend draws), are the rated
/// figures' `shown` for every figure of every drop, on generated trusts of several drops
/// and small groups, whether the trust's figures were rated before or not.
@Suite("The trust's figures as shown, unrated, are the rated ones'")
struct TrustShownTests {
    @Test("generated trusts of several drops", arguments: Array(UInt64(1)...UInt64(30)))
    func generated(seed: UInt64) {
        let data = ChangingTrust(seed: seed).data
        for drop in data.drops {
            let rater = DropRater(data: data, drop: drop, config: ChangingTrust.config)
            let rated = rater.ratedTrust()
            #expect(!rated.isEmpty, "seed \(seed), \(drop)")
            // Asked before anything of the trust is rated, and after its headlines are.
            let unrated = LazyRatedDrop(rater)
            let headlinesFirst = LazyRatedDrop(rater)
            _ = headlinesFirst.figure(.trust, .attendanceRate)
            for expected in rated {
                let figure = expected.figure
                let key = FigureCalculator.smallKey(figure)
                let context = "seed \(seed), \(drop), \(figure.kpi) \(figure.group) \(figure.yearGroup)"
                #expect(rater.shownTrust(key: key) == expected.shown, "\(context)")
                for lazy in [unrated, headlinesFirst] {
                    #expect(
                        lazy.shown(.trust, figure.kpi, group: figure.group, yearGroup: figure.yearGroup)
                            == expected.shown, "\(context)")
                }
            }
        }
    }

    @Test("the generated trusts hide some of the trust's figures and show others")
    func generatedTrustsHideAndShow() {
        var hidden = 0
        var shown = 0
        for seed in UInt64(1)...UInt64(30) {
            let data = ChangingTrust(seed: seed).data
            for drop in data.drops {
                let rater = DropRater(data: data, drop: drop, config: ChangingTrust.config)
                for rated in rater.ratedTrust() {
                    if rated.shown == nil, rated.figure.denominator > 0 { hidden += 1 }
                    if rated.shown != nil { shown += 1 }
                }
            }
        }
        #expect(hidden > 0)
        #expect(shown > 0)
    }

    @Test("a figure the trust does not have is shown as nothing")
    func absentFigure() throws {
        let data = ChangingTrust(seed: 1).data
        let drop = try #require(data.drops.last)
        let rater = DropRater(data: data, drop: drop, config: ChangingTrust.config)
        let lazy = LazyRatedDrop(rater)
        // The generated trusts have no Key Stage 4 results.
        #expect(rater.ratedTrust().allSatisfy { $0.figure.kpi != .score(.progress8) })
        #expect(lazy.shown(.trust, .score(.progress8)) == nil)
        #expect(lazy.figure(.trust, .score(.progress8)) == nil)
    }
}

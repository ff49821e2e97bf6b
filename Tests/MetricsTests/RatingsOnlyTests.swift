import Testing

@testable import Metrics

/// `DropRater`'s `ratingsOnly`, which gives a previous value only to the figures rated on
/// their change, rates every figure, the academies' and the trust's, exactly as without
/// it, on generated trusts of several drops with a rule on the change since last year.
@Suite("Ratings alone are the ratings among everything")
struct RatingsOnlyTests {
    @Test("generated trusts of several drops", arguments: Array(UInt64(1)...UInt64(30)))
    func generated(seed: UInt64) {
        let data = ChangingTrust(seed: seed).data
        let config = ChangingTrust.config
        let keysThatCanBeRed = TurnedRedCount.keysThatCanBeRed(config)
        for drop in data.drops {
            let rater = DropRater(data: data, drop: drop, config: config)
            #expect(rater.kpisRatedOnChange == [.absenceBand(.atRiskRate)])
            for keys in [nil, keysThatCanBeRed] {
                for urn in rater.academiesWithData {
                    Self.expectSameRatings(
                        rater.rated(urn, keys: keys, ratingsOnly: true), rater.rated(urn, keys: keys),
                        "seed \(seed), \(drop), \(urn)")
                }
                Self.expectSameRatings(
                    rater.ratedTrust(keys: keys, ratingsOnly: true), rater.ratedTrust(keys: keys),
                    "seed \(seed), \(drop), the trust")
            }
        }
    }

    @Test("the generated trusts rate figures on their change, and leave out other previous values")
    func generatedTrustsCoverBoth() {
        var ratedOnChange = 0
        var leftOut = 0
        for seed in UInt64(1)...UInt64(30) {
            let data = ChangingTrust(seed: seed).data
            for drop in data.drops {
                let rater = DropRater(data: data, drop: drop, config: ChangingTrust.config)
                for urn in rater.academiesWithData {
                    let only = rater.rated(urn, keys: nil, ratingsOnly: true)
                    let all = rater.rated(urn, keys: nil)
                    ratedOnChange += only.count {
                        $0.figure.kpi == .absenceBand(.atRiskRate) && $0.previous != nil && $0.rating != .none
                    }
                    leftOut += zip(only, all).count { $0.previous == nil && $1.previous != nil }
                }
                let only = rater.ratedTrust(ratingsOnly: true)
                ratedOnChange += only.count {
                    $0.figure.kpi == .absenceBand(.atRiskRate) && $0.previous != nil
                }
            }
        }
        #expect(ratedOnChange > 0)
        #expect(leftOut > 0)
    }

    /// The same figures in the same order, each rated alike, and a figure rated on its
    /// change with the same previous value and comparison.
    static func expectSameRatings(_ only: [RatedFigure], _ all: [RatedFigure], _ context: String) {
        #expect(only.count == all.count, "\(context)")
        for (new, old) in zip(only, all) {
            #expect(new.figure == old.figure, "\(context)")
            #expect(new.rating == old.rating, "\(context), \(old.figure.kpi)")
            #expect(new.shown == old.shown, "\(context), \(old.figure.kpi)")
            #expect(new.benchmark?.benchmark == old.benchmark?.benchmark, "\(context), \(old.figure.kpi)")
            if old.figure.kpi == .absenceBand(.atRiskRate) {
                #expect(new.previous == old.previous, "\(context)")
                #expect(new.likeForLike == old.likeForLike, "\(context)")
                #expect(new.changeWithheld == old.changeWithheld, "\(context)")
            }
        }
    }
}

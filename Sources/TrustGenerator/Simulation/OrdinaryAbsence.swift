import Foundation

/// How absence is spread over the pupils of one drop who are neither persistently nor
/// severely absent.
///
/// Real absence is skewed: most pupils miss a few sessions and fewer miss more, down to the
/// persistent-absence line at 10%. A uniform spread put every pupil of a school with a low
/// mean absence under 5%, so that no primary had a pupil at risk (5% to under 10%). Here a
/// pupil's absence is drawn from an exponential distribution cut off at `ceiling`, whose
/// decay is chosen so that its mean is the one asked for; a mean above half the ceiling
/// makes the decay negative, leaning the pupils towards the line, as a school whose absence
/// rises without more pupils crossing it does. The decay is found once for a drop, not for
/// each pupil.
struct OrdinaryAbsence: Sendable {
    /// The highest absence rate a pupil in neither band is drawn at: just under 10%.
    static let ceiling = 0.097

    /// The decay (per unit of absence rate) whose cut-off mean is the one asked for.
    private let decay: Double

    /// The spread whose mean absence rate is `mean` (kept between 0.05% and 98% of the
    /// ceiling).
    init(mean: Double) {
        let wanted = min(max(mean, 0.000_5), Self.ceiling * 0.98)
        // By bisection: the mean falls as the decay grows.
        var low = -5_000.0
        var high = 5_000.0
        for _ in 0..<80 {
            let middle = (low + high) / 2
            if Self.mean(ofDecay: middle) > wanted { low = middle } else { high = middle }
        }
        decay = (low + high) / 2
    }

    /// The absence rate at `quantile` (0–1) of the spread.
    func rate(at quantile: Double) -> Double {
        let scaled = decay * Self.ceiling
        if abs(scaled) < 1e-9 { return quantile * Self.ceiling }
        let rate = -log1p(quantile * expm1(-scaled)) / decay
        return min(max(rate, 0), Self.ceiling)
    }

    /// The mean of the cut-off exponential with this decay.
    private static func mean(ofDecay decay: Double) -> Double {
        let scaled = decay * ceiling
        if abs(scaled) < 1e-9 { return ceiling / 2 }
        return 1 / decay - ceiling / expm1(scaled)
    }
}

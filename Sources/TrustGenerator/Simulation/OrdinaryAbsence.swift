import Foundation

/// How absence is spread over the pupils who are neither persistently nor severely absent.
///
/// Real absence is skewed: most pupils miss a few sessions and fewer miss more, down to the
/// persistent-absence line at 10%. A uniform spread put every pupil of a school with a low
/// mean absence under 5%, so that no primary had a pupil at risk (5% to under 10%). Here a
/// pupil's absence is drawn from an exponential distribution cut off at `ceiling`, whose
/// decay is chosen so that its mean is the one asked for; a mean above half the ceiling
/// makes the decay negative, leaning the pupils towards the line, as a school whose absence
/// rises without more pupils crossing it does.
enum OrdinaryAbsence {
    /// The highest absence rate a pupil in neither band is drawn at: just under 10%.
    static let ceiling = 0.097

    /// The absence rate at `quantile` (0–1) of the spread whose mean is `mean`.
    static func rate(at quantile: Double, mean: Double) -> Double {
        let wanted = min(max(mean, 0.000_5), ceiling * 0.98)
        let decay = decay(forMean: wanted)
        let scaled = decay * ceiling
        if abs(scaled) < 1e-9 { return quantile * ceiling }
        let rate = -log1p(quantile * expm1(-scaled)) / decay
        return min(max(rate, 0), ceiling)
    }

    /// The mean of the cut-off exponential with this decay (per unit of absence rate).
    static func mean(ofDecay decay: Double) -> Double {
        let scaled = decay * ceiling
        if abs(scaled) < 1e-9 { return ceiling / 2 }
        return 1 / decay - ceiling / expm1(scaled)
    }

    /// The decay whose mean is `mean`, by bisection: the mean falls as the decay grows.
    private static func decay(forMean mean: Double) -> Double {
        var low = -5_000.0
        var high = 5_000.0
        for _ in 0..<80 {
            let middle = (low + high) / 2
            if Self.mean(ofDecay: middle) > mean { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}

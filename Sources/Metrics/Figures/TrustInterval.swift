/// The 95% confidence interval of a trust-wide progress score, worked out from the
/// intervals the DfE published for its academies, so that the trust is rated by the same
/// rule as they are.
///
/// The DfE publishes each school's score with a 95% confidence interval: the score ± 1.96
/// standard errors. A school's standard error is therefore its interval's half-width
/// `h` ÷ 1.96. The trust's score is its schools' scores weighted by their pupils `n`
/// (Σ n × score ÷ Σ n); taking the schools' errors as independent, its standard error is
/// √(Σ n² × SE²) ÷ Σ n, and its interval is the score ± 1.96 of those, rounded to the
/// KPI's decimals as the DfE rounds its own. When any academy's score in the sum has no
/// interval (a score from the trust's own files, or one published without limits), the
/// trust has none either, and is rated by the absolute rule as such academies are.
struct TrustInterval {
    /// Σ n² × SE² over the academies added so far.
    private var weightedVariance = 0.0
    /// False once an academy without an interval has been added.
    private var complete = true

    /// Adds one academy's score, weighted by its pupils (`Figure.denominator`).
    mutating func add(_ figure: Figure) {
        guard let interval = figure.publication?.interval else {
            complete = false
            return
        }
        let standardError = (interval.upperBound - interval.lowerBound) / 2 / 1.96
        let pupils = figure.denominator
        weightedVariance += pupils * pupils * standardError * standardError
    }

    /// The interval around `total`'s value, the sum of the same academies' scores; nil
    /// when an academy had no interval or the total has no value.
    func interval(of total: Figure) -> ClosedRange<Double>? {
        guard complete, total.denominator > 0, let score = total.value else { return nil }
        let halfWidth = 1.96 * weightedVariance.squareRoot() / total.denominator
        let decimals = total.kpi.decimals
        let low = DisplayRounding.round(score - halfWidth, decimals: decimals)
        let high = DisplayRounding.round(score + halfWidth, decimals: decimals)
        return low...high
    }
}

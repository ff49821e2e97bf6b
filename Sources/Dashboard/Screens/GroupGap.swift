import Metrics

/// The gap between two pupil groups' shown figures (such as disadvantaged and other
/// pupils), this year and the same term last year, as the academy screen and the
/// presentation both show it. Only shown values are subtracted, so the arithmetic on
/// screen can be checked by eye.
struct GroupGap {
    /// Second minus first, rounded to the KPI's decimals.
    let gap: Double
    /// The same gap last year, when both sides had a shown value then.
    let previous: Double?
    /// The KPI, for writing the numbers.
    let kpi: KPI

    /// The gap between `first` and `second`, or nil when either has no shown value.
    init?(_ first: RatedFigure?, _ second: RatedFigure?) {
        guard let first, let second, let a = first.shown, let b = second.shown else { return nil }
        kpi = first.figure.kpi
        gap = DisplayRounding.round(b - a, decimals: kpi.decimals)
        if let lastA = first.previousShown, let lastB = second.previousShown {
            previous = DisplayRounding.round(lastB - lastA, decimals: kpi.decimals)
        } else {
            previous = nil
        }
    }

    /// The gap written with the KPI's decimals.
    var text: String { DisplayRounding.text(gap, for: kpi) }

    /// Last year's gap written, if known.
    var previousText: String? { previous.map { DisplayRounding.text($0, for: kpi) } }

    /// `.better` when the gap narrowed since last year, `.worse` when it widened, else `.text`.
    var role: Role {
        guard let previous, abs(gap) != abs(previous) else { return .text }
        return abs(gap) < abs(previous) ? .better : .worse
    }
}

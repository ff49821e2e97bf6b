/// The gap between two pupil groups' shown figures (such as disadvantaged and other
/// pupils), this year and the same term last year, as the academy screen and the
/// presentation both show it. Only shown values are subtracted, so the arithmetic on
/// screen can be checked by eye.
public struct GroupGap: Sendable {
    /// Second minus first, rounded to the KPI's decimals.
    public let gap: Double
    /// The same gap last year, when both sides had a shown value then.
    public let previous: Double?
    /// The KPI, for writing the numbers.
    public let kpi: KPI
    /// The first group's change on the same term last year (its shown value minus last
    /// year's), when both are shown.
    public let firstChange: Double?
    /// The second group's change on the same term last year, when both are shown.
    public let secondChange: Double?

    /// The gap between `first` and `second`, or nil when either has no shown value.
    public init?(_ first: RatedFigure?, _ second: RatedFigure?) {
        guard let first, let second, let a = first.shown, let b = second.shown else { return nil }
        kpi = first.figure.kpi
        gap = DisplayRounding.round(b - a, decimals: kpi.decimals)
        if let lastA = first.previousShown, let lastB = second.previousShown {
            previous = DisplayRounding.round(lastB - lastA, decimals: kpi.decimals)
            firstChange = DisplayRounding.round(a - lastA, decimals: kpi.decimals)
            secondChange = DisplayRounding.round(b - lastB, decimals: kpi.decimals)
        } else {
            previous = nil
            firstChange = nil
            secondChange = nil
        }
    }

    /// How far the first group is behind the second, whichever way the KPI runs: the gap
    /// for a measure where higher is better (others 93.0 − disadvantaged 88.5 = 4.5), the
    /// gap turned round where lower is better (disadvantaged 38.8 − others 17.5 = 21.3 for
    /// persistent absence, or for suspensions). Negative when the first group is ahead.
    public var behind: Double { oriented(gap) }

    /// Last year's `behind`, when known.
    public var previousBehind: Double? { previous.map(oriented) }

    /// `value` turned round for a lower-is-better KPI (as `0 - value`, so 0 stays 0, never −0).
    private func oriented(_ value: Double) -> Double { kpi.direction == .lowerIsBetter ? 0 - value : value }

    /// `behind` written with the KPI's decimals.
    public var text: String { DisplayRounding.text(behind, for: kpi) }

    /// `previousBehind` written, if known.
    public var previousText: String? { previousBehind.map { DisplayRounding.text($0, for: kpi) } }

    /// How the gap moved since the same term last year.
    public enum Movement: Sendable {
        /// The gap is smaller than last year.
        case narrowed
        /// The gap is larger than last year.
        case widened
        /// The gap is the same size as last year.
        case unchanged
        /// The first group went from behind the second to ahead of it, or back.
        case reversed
    }

    /// How the gap moved since last year, or nil when last year's gap is not known.
    public var movement: Movement? {
        guard let previous else { return nil }
        if (gap < 0 && previous > 0) || (gap > 0 && previous < 0) { return .reversed }
        if abs(gap) == abs(previous) { return .unchanged }
        return abs(gap) < abs(previous) ? .narrowed : .widened
    }

    /// Which group moved the gap, in words, with `names` for the first and second group:
    /// "others fell 1.8" when only the second moved; "both fell, others by more: 1.8 vs
    /// 0.4" when both moved the same way; "disadvantaged rose 1.2, others fell 0.6" when
    /// they moved apart. Without `sizes`, shorter words with no numbers ("others fell
    /// more"). For suspensions and exclusions "worsened" and "improved" stand for "rose"
    /// and "fell" (`verbs`). Nil when last year's gap is not known or neither group moved.
    ///
    /// Every number is a difference of values shown on the page, so the words can be
    /// checked by eye: the gap's change is the second group's change minus the first's.
    public func mover(names: (String, String), sizes: Bool) -> String? {
        guard let a = firstChange, let b = secondChange, a != 0 || b != 0 else { return nil }
        let verbs = self.verbs
        func verb(_ change: Double) -> String { change > 0 ? verbs.up : verbs.down }
        func size(_ change: Double) -> String {
            sizes ? " " + DisplayRounding.text(abs(change), for: kpi) : ""
        }
        if a == 0 { return "\(names.1) \(verb(b))\(size(b))" }
        if b == 0 { return "\(names.0) \(verb(a))\(size(a))" }
        if (a > 0) != (b > 0) { return "\(names.0) \(verb(a))\(size(a)), \(names.1) \(verb(b))\(size(b))" }
        // Both moved the same way: the one that moved further moved the gap.
        guard abs(a) != abs(b) else { return "both \(verb(a))\(size(a))" }
        let more = abs(b) > abs(a) ? names.1 : names.0
        let (big, small) = abs(b) > abs(a) ? (b, a) : (a, b)
        guard sizes else { return "\(more) \(verb(a)) more" }
        let amounts =
            "\(DisplayRounding.text(abs(big), for: kpi)) vs \(DisplayRounding.text(abs(small), for: kpi))"
        return "both \(verb(a)), \(more) by more: \(amounts)"
    }

    /// The words for a group's figure going up and down. "Rose" and "fell" read plainly
    /// for attendance, attainment and absence, whose figures people know the direction of;
    /// for suspensions and exclusions, where a rise is easily read as neutral, the words
    /// say what `behind` counts: more suspensions put a group further behind, so a rise
    /// "worsened" and a fall "improved".
    private var verbs: (up: String, down: String) {
        switch kpi {
        case .inclusion: ("worsened", "improved")
        case .attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate, .expected,
            .greaterDepth,
            .score, .absenceBand, .absenceReason:
            ("rose", "fell")
        }
    }

    /// How the gap moved and which group moved it: "narrowed because others fell 1.8",
    /// "widened: disadvantaged fell 2.4, others rose 0.2", "unchanged"; without `sizes`,
    /// no numbers. Nil when last year's gap is not known.
    public func trend(names: (String, String), sizes: Bool) -> String? {
        guard let movement else { return nil }
        let word =
            switch movement {
            case .narrowed: "narrowed"
            case .widened: "widened"
            case .unchanged: "unchanged"
            case .reversed: "turned round"
            }
        guard let mover = mover(names: names, sizes: sizes) else { return word }
        let single = firstChange == 0 || secondChange == 0
        return word + (single ? " because " : ": ") + mover
    }
}

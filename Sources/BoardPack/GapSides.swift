import Metrics

/// The two groups a gap compares, in the dashboard's words: disadvantaged pupils and the
/// rest, pupils with SEN support and those with no SEN.
struct GapSides {
    /// The group usually behind, then the rest.
    var groups: (PupilGroup, PupilGroup)
    /// Their names in a sentence.
    var names: (String, String)
    /// The gap's name.
    var title: String

    /// Disadvantaged pupils and the rest, then SEN support and no SEN.
    static let all = [
        GapSides(
            groups: (.disadvantaged, .notDisadvantaged), names: ("disadvantaged", "others"),
            title: "Disadvantaged gap"),
        GapSides(groups: (.senSupport, .noSen), names: ("SEN support", "no SEN"), title: "SEND gap"),
    ]

    /// The gap in words, from `GroupGap`, with its sum written out so that a positive gap
    /// means the first group is behind whichever way the KPI runs (others minus
    /// disadvantaged for attendance, disadvantaged minus others for persistent absence):
    /// "others 94.3 − disadvantaged 90.2 = 4.1 percentage points; 5.0 a year ago, narrowed
    /// because others fell 0.9". With a side not shown, which side and why, and
    /// no gap.
    func sentence(_ first: RatedFigure?, _ second: RatedFigure?) -> String {
        guard let gap = GroupGap(first, second), let a = first?.shown, let b = second?.shown else {
            let missing = [(first, names.0), (second, names.1)].compactMap { figure, name -> String? in
                guard let figure else { return "\(name): no figure" }
                guard figure.shown == nil else { return nil }
                return "\(name): " + (figure.figure.suppressionNote ?? "no figure")
            }
            return "not shown (\(missing.joined(separator: "; ")))"
        }
        let kpi = gap.kpi
        let unit = kpi.isPercentage ? " percentage points" : " points"
        // The sum is written the way `GroupGap.behind` counts, so that a positive gap means
        // the first group is behind: for persistent absence, "disadvantaged 38.8 − others
        // 17.5 = 21.3".
        let (left, right) =
            kpi.direction == .lowerIsBetter ? ((names.0, a), (names.1, b)) : ((names.1, b), (names.0, a))
        var text =
            "\(left.0) \(DisplayRounding.text(left.1, for: kpi)) − \(right.0) \(DisplayRounding.text(right.1, for: kpi)) = "
            + gap.text + unit
        if let previous = gap.previousText {
            text += "; \(previous) a year ago"
            if let trend = gap.trend(names: names, sizes: true) { text += ", \(trend)" }
        } else {
            text += "; no gap a year ago to compare with"
        }
        return text
    }
}

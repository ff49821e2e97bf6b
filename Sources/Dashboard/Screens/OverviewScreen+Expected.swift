import Metrics

extension OverviewScreen {
    /// The trust row's name with its expected figures from its academies' similar schools
    /// beside it, where the trust page shows them: "Trust (5 of 5) · expected vs similar:
    /// att. 94.7 · RWM 56.1", each figure named as briefly as the row's cells, in their order.
    /// The longest form that fits `width` is given, dropping figures from the end, then
    /// shortening the words; the name alone when none fits, or no figure has one (the
    /// explanation, `e`, still gives each). Suppressed and hidden figures have none.
    static func trustNameWithExpected(_ name: String, cells: [ShownCell], width: Int) -> String {
        let figures = cells.compactMap { shown -> String? in
            guard let cell = shown.cell, cell.rating != .suppressed, cell.shown != nil,
                let expected = cell.similarExpected
            else { return nil }
            return "\(label(of: shown, cell)) \(DisplayRounding.text(expected, for: cell.kpi))"
        }
        for count in stride(from: figures.count, to: 0, by: -1) {
            let list = figures.prefix(count).joined(separator: " · ")
            for lead in ["expected vs similar schools", "expected vs similar", "exp. vs similar"] {
                let text = "\(name) · \(lead): \(list)"
                if DisplayWidth.of(text) <= width { return text }
            }
        }
        return name
    }

    /// A figure's name in the trust row's expected list, as short as the row's cells:
    /// the headline's own label (RWM, A8), else "att.", "PA" or "severe" for the three
    /// absence columns.
    private static func label(of shown: ShownCell, _ figure: OverviewCell) -> String {
        if let label = shown.label { return label }
        switch figure.kpi {
        case .attendanceRate: return "att."
        case .persistentAbsenceRate: return "PA"
        case .severeAbsenceRate: return "severe"
        case .absenceRate, .expected, .greaterDepth, .score, .inclusion, .absenceBand, .absenceReason:
            return figure.kpi.shortLabel(in: figure.yearGroup)
        }
    }
}

import Metrics

extension AcademyScreen {
    /// The reasons for absence under the zoomed attendance panel, one line each for the
    /// reasons the academy's data gives: "● Illness 5.4  national 3.5  ▲ 0.3". Nothing
    /// when it gives none. Not focusable: the panel's ↑↓ rows stay its groups and years.
    static func reasonLines(_ page: Context, width: Int, priority: Int) -> [PanelLine] {
        let figures = AbsenceReason.allCases.compactMap { reason in
            page.figure(.absenceReason(reason)).map { (reason, $0) }
        }
        guard !figures.isEmpty else { return [] }
        let labels = figures.map { KPI.absenceReason($0.0).shortLabel(in: .all) }
        let labelWidth = labels.map(\.count).max() ?? 0
        var lines = [mutedLine(page, "Reasons, % of possible sessions:", priority: priority)]
        for ((_, rated), label) in zip(figures, labels) {
            let padded = label + String(repeating: " ", count: labelWidth - label.count + 1)
            var line = PanelLine(priority: priority, style: page.style)
            if addMarkAndValue(rated, label: padded, to: &line, ascii: page.ascii) {
                if let match = rated.benchmark {
                    line.add("  \(scopeWord(match)) ", .muted)
                    line.add(benchmark(rated, ascii: page.ascii).text)
                    if let note = match.periodNote { line.add(" (\(note))", .muted) }
                }
                if rated.change != nil {
                    let moved = change(rated, ascii: page.ascii)
                    line.add("  ")
                    line.add(moved.text, moved.role, emphasis: moved.role != .muted)
                }
            }
            lines.append(line)
        }
        return lines
    }
}

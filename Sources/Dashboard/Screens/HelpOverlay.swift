import Metrics

/// The help overlay: every key of the screen underneath, from the same table as the
/// footer, and what the marks mean.
public enum HelpOverlay {
    /// Draws the help box over the page.
    public static func render(_ state: DashboardState, into screen: inout Screen) {
        var context = KeyTable.Context.overview
        if case .academy = state.page { context = .academy }
        if state.page == .changes { context = .changes }
        if state.page == .trust { context = .trust }
        let bindings = KeyTable.bindings(context).filter(\.inHelp)
        let ascii = screen.style.ascii
        let marks = [RAGRating.green, .amber, .red, .none, .suppressed].map { rating in
            "\(RatingMark.mark(rating, ascii: ascii)) \(rating.word)"
        }
        var lines: [(String, String)] = bindings.map { ((ascii ? $0.asciiLabel : $0.label), $0.long) }
        lines.append(("", ""))
        lines.append(("marks", marks.joined(separator: "  ")))
        lines.append(
            ("", "a mark's shape tells the rating without colour; fewer than 6 pupils are never shown"))
        let width = min(screen.width - 4, 78)
        let height = min(screen.height - 2, lines.count + 2)
        let x = (screen.width - width) / 2
        let y = max(1, (screen.height - height) / 2)
        screen.fill(x: x, y: y, width: width, height: height)
        let title =
            context == .academy
            ? "Keys: academy" : context == .changes ? "Keys: what changed" : "Keys: trust overview"
        screen.box(x: x, y: y, width: width, height: height, title: title, role: .focus, heavy: true)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            let row = y + 1 + offset
            screen.write(line.0, x: x + 2, y: row, role: .key, maxWidth: 10)
            screen.write(
                line.1, x: x + 13, y: row, role: line.0 == "marks" ? .text : .text, maxWidth: width - 15)
        }
        screen.writeRight(" Esc close ", right: x + width - 2, y: y + height - 1, role: .key)
    }
}

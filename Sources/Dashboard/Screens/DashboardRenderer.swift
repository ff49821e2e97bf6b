import Metrics

/// Draws a whole frame from the state and the view of the data: a pure function, used
/// alike by the live screen, `trustboard snapshot` and the tests.
public enum DashboardRenderer {
    /// The smallest screen the dashboard draws on.
    public static let minimumWidth = 60
    /// The smallest screen the dashboard draws on.
    public static let minimumHeight = 15

    /// The frame for `state`: exactly `state.width` × `state.height` cells.
    public static func render(_ state: DashboardState, view: TrustView) -> Screen {
        if let presentation = state.presentation, let drop = state.drop(view) {
            var screen = PresentationScreen.render(
                presentation, view: view, drop: drop, width: state.width, height: state.height,
                ascii: state.ascii)
            if state.overlay == .help, screen.width >= PresentationScreen.minimumWidth {
                HelpOverlay.render(state, into: &screen)
            }
            notice(state, view: view, into: &screen)
            return screen
        }
        var screen = Screen(width: state.width, height: state.height, style: TextStyle(ascii: state.ascii))
        guard state.width >= minimumWidth, state.height >= minimumHeight else {
            tooSmall(state, into: &screen)
            return screen
        }
        header(state, view: view, into: &screen)
        switch state.page {
        case .overview:
            OverviewScreen.render(state, view: view, into: &screen)
        case .academy(let academy):
            AcademyScreen.render(
                state, view: view, urn: academy.urn, into: &screen, top: 1, bottom: state.height - 1)
        case .changes(let changes):
            ChangesScreen.render(
                state, view: view, into: &screen, top: 1, bottom: state.height - 1, scroll: changes.scroll)
        case .trust:
            TrustScreen.render(state, view: view, into: &screen, top: 1, bottom: state.height - 1)
        }
        switch state.overlay {
        case .help: HelpOverlay.render(state, into: &screen)
        case .explain:
            switch state.page {
            case .academy(let academy):
                ExplainOverlay.render(state, view: view, urn: academy.urn, into: &screen)
            case .overview: ExplainOverlay.renderOverviewRow(state, view: view, into: &screen)
            case .trust: ExplainOverlay.renderTrust(state, view: view, into: &screen)
            case .changes: break
            }
        case nil: break
        }
        footer(state, into: &screen)
        notice(state, view: view, into: &screen)
        return screen
    }

    /// The notice, such as "New data: …", over the row above the footer; else, when the
    /// store failed to give similar schools, why they are not shown, which stays until
    /// the store is read again.
    static func notice(_ state: DashboardState, view: TrustView, into screen: inout Screen) {
        guard let notice = state.notice ?? view.similarFailure, screen.height >= 3 else { return }
        screen.write(" \(notice) ", x: 1, y: screen.height - 2, role: .notice, emphasis: true)
    }

    /// Row 0: the trust, the drop and its freshness, and a sample-data badge.
    static func header(_ state: DashboardState, view: TrustView, into screen: inout Screen) {
        let badge = view.isSample ? "[sample data]" : ""
        // The fullest form of the drop's line that fits beside the trust's name.
        var forms: [String] = []
        if let drop = state.drop(view) {
            let total = view.academies.count
            let counted = view.rated(drop).academiesWithData.count
            let ingested = view.ingested(drop)
            forms = [
                [drop.description, ingested.map { "ingested \($0)" }, "\(counted) of \(total) academies"],
                [drop.description, ingested, "\(counted) of \(total) academies"],
                [drop.description, ingested, "\(counted)/\(total)"],
                [drop.description, "\(counted)/\(total)"],
            ].map { $0.compactMap { $0 }.joined(separator: " · ") }
        } else {
            forms = ["no drops yet: ingest some with `trustboard ingest FOLDER`", "no drops yet"]
        }
        let room =
            screen.width - 2 - (badge.isEmpty ? 0 : DisplayWidth.of(badge) + 1)
            - min(DisplayWidth.of(view.trustName), 24) - 3
        let right = forms.first { DisplayWidth.of(screen.style.clean($0)) <= room } ?? forms[forms.count - 1]
        let badgeWidth = badge.isEmpty ? 0 : DisplayWidth.of(badge) + 1
        let rightEnd = screen.width - 1 - badgeWidth
        if !badge.isEmpty { screen.writeRight(badge, right: screen.width - 1, y: 0, role: .notice) }
        let rightStart = max(screen.width / 3, rightEnd - DisplayWidth.of(screen.style.clean(right)))
        screen.write(view.trustName, x: 1, y: 0, role: .title, emphasis: true, maxWidth: rightStart - 3)
        screen.write(right, x: rightStart, y: 0, role: .heading, maxWidth: rightEnd - rightStart)
    }

    /// The last row: the keys that work here, from the key table. Help and quit are
    /// kept at the right so they show on any width; the others fill from the left.
    static func footer(_ state: DashboardState, into screen: inout Screen) {
        let y = screen.height - 1
        let bindings = KeyTable.bindings(state.context).filter(\.inFooter)
        let pinned = bindings.filter { $0.command == .help || $0.command == .quit }
        func text(_ binding: KeyTable.Binding) -> (String, String) {
            (state.ascii ? binding.asciiLabel : binding.label, " " + binding.short)
        }
        var right = screen.width - 1
        for binding in pinned.reversed() {
            let (label, short) = text(binding)
            right -= DisplayWidth.of(label) + DisplayWidth.of(short) + 2
            let end = screen.write(label, x: right, y: y, role: .key)
            screen.write(short, x: end, y: y, role: .muted)
        }
        var x = 1
        for binding in bindings where !pinned.contains(where: { $0.command == binding.command }) {
            let (label, short) = text(binding)
            let need = DisplayWidth.of(label) + DisplayWidth.of(short) + 2
            guard x + need <= right else { break }
            x = screen.write(label, x: x, y: y, role: .key)
            x = screen.write(short, x: x, y: y, role: .muted) + 2
        }
    }

    /// The message shown below the minimum size; `q` still quits.
    static func tooSmall(_ state: DashboardState, into screen: inout Screen) {
        tooSmall(needWidth: minimumWidth, needHeight: minimumHeight, into: &screen)
    }

    /// "terminal too small: need W×H, have W×H" and "q quits", centred and wrapped to fit.
    static func tooSmall(needWidth: Int, needHeight: Int, into screen: inout Screen) {
        let times = screen.style.ascii ? "x" : "×"
        let parts = [
            "terminal too small:",
            "need \(needWidth)\(times)\(needHeight), have \(screen.width)\(times)\(screen.height)",
        ]
        let lines = parts.flatMap { wrap($0, width: max(1, screen.width)) } + ["q quits"]
        let top = max(0, (screen.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (screen.width - DisplayWidth.of(line)) / 2)
            screen.write(line, x: x, y: top + offset, role: offset == lines.count - 1 ? .key : .notice)
        }
    }

    /// `text` broken into lines of at most `width` columns at spaces; a word wider than
    /// that stays whole on its own line, for drawing to cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if DisplayWidth.of(candidate) > width, !line.isEmpty {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

import Metrics

extension AcademyScreen {
    /// The page's first line: the academy (name · URN · phase · SIL) on the left; the drop,
    /// when it was ingested, and the academy's place among the overview's rows on the right.
    static func identityLine(_ page: Context, y: Int, into screen: inout Screen) {
        let width = screen.width - 2
        let names = identityTexts(page)
        let drops = dropTexts(page)
        // The header row above also says when the drop was ingested, so that goes first;
        // then the SIL, phase and URN; the drop itself only when nothing else is left.
        var pairs = [(left: names[0], right: drops[0])]
        if drops.count >= 2 { pairs += names.map { (left: $0, right: drops[drops.count - 2]) } }
        pairs += names.map { (left: $0, right: drops[drops.count - 1]) }
        let choice =
            pairs.first { $0.left.width + $0.right.width + 3 <= width }
            ?? (left: names[names.count - 1], right: drops[drops.count - 1])
        let rightStart = max(1, screen.width - 1 - choice.right.width)
        draw(choice.left, x: 1, y: y, width: rightStart - 4, into: &screen)
        draw(choice.right, x: rightStart, y: y, width: screen.width - 1 - rightStart, into: &screen)
    }

    /// "◀ 2 of 11 ▶": the academy's place among the overview's rows, which ← and → step through.
    private static func positionText(_ page: Context) -> PanelLine {
        let order = page.state.visibleOrder(page.view)
        let urns = order.urns
        let place = order.place(of: page.urn).map { String($0 + 1) } ?? dash(page.ascii)
        var line = PanelLine(priority: 0, style: page.style)
        line.add(page.ascii ? "<" : "◀", .key)
        line.add(" \(place) of \(urns.count) ")
        line.add(page.ascii ? ">" : "▶", .key)
        return line
    }

    /// The drop and its freshness, longest first, each ending with the position.
    private static func dropTexts(_ page: Context) -> [PanelLine] {
        let position = positionText(page)
        func make(_ parts: [(String, Role)]) -> PanelLine {
            var line = PanelLine(priority: 0, style: page.style)
            for (text, role) in parts { line.add(text, role) }
            line.add("   ")
            line.add(position, at: line.end)
            return line
        }
        guard let drop = page.drop else { return [make([("no drops", .muted)])] }
        var variants: [PanelLine] = []
        if let ingested = page.view.ingested(drop) {
            variants.append(make([(drop.description, .heading), (" · ingested \(ingested)", .muted)]))
        }
        variants.append(make([(drop.description, .heading)]))
        var bare = PanelLine(priority: 0, style: page.style)
        bare.add(position, at: 0)
        return variants + [bare]
    }

    /// The academy's name with as many of URN, phase and SIL as fit, longest first.
    private static func identityTexts(_ page: Context) -> [PanelLine] {
        let name = page.academy?.name ?? "Academy \(page.urn)"
        let phase = page.academy?.phase.rawValue
        let sil = page.academy?.sil
        func make(_ extras: [String?]) -> PanelLine {
            var line = PanelLine(priority: 0, style: page.style)
            line.add(name, .title, emphasis: true)
            for extra in extras.compactMap({ $0 }) {
                line.add(" · ", .muted)
                line.add(extra)
            }
            return line
        }
        return [
            make(["URN \(page.urn)", phase, sil.map { "SIL \($0)" }]),
            make(["URN \(page.urn)", phase]),
            make(["\(page.urn)"]),
            make([]),
        ]
    }
}

import Metrics

extension PresentationScreen {
    /// The benchmark a slide's figure was rated against, as the slide shows it beside the
    /// figure: "national 94.5%" (or the local authority's name), and where it comes from.
    struct National {
        /// "national 94.5%", "Cumbria 94.5%", "national 94.5% (2023/24)" for a benchmark
        /// of another year, "no national figure" when none was found.
        var text: String
        /// The benchmark's source label as given ("DfE KS2 performance tables 2024/25"),
        /// or nil when it has none or there is no benchmark.
        var source: String?
        /// True when there is a benchmark.
        var found: Bool
    }

    /// The benchmark of `tile`'s figure; nil when the tile has no value to compare (a
    /// suppressed figure is not rated, so no benchmark was used). A figure rated by the
    /// academy's own target says so after the benchmark, as the rating used it.
    static func national(_ tile: Tile, unit: String) -> National? {
        guard case .value(_, let rated) = tile.shown else { return nil }
        let kpi = rated.figure.kpi
        let target =
            rated.origin == .academyTarget
            ? rated.greenLine.map {
                ", target \(DisplayRounding.text($0, for: kpi))\(kpi.isPercentage ? unit : "")"
            }
            : nil
        guard let match = rated.benchmark else {
            return National(text: "no national figure" + (target ?? ""), source: nil, found: false)
        }
        let benchmark = match.benchmark
        let scope: String =
            switch benchmark.scope {
            case .national: "national"
            case .localAuthority(let name): name
            }
        let value = DisplayRounding.text(benchmark.value, for: kpi) + (kpi.isPercentage ? unit : "")
        let year = match.periodNote.map { " (\($0))" } ?? ""
        return National(
            text: "\(scope) \(value)\(year)\(target ?? "")", source: benchmark.source, found: true)
    }

    /// "National figures: DfE …; DfE …": every source of the slide's benchmarks once, in
    /// tile order, wrapped to `width` columns; empty when none has a source.
    static func sourceLines(_ tiles: [Tile], width: Int, style: TextStyle) -> [Line] {
        var sources: [String] = []
        for tile in tiles {
            if let source = national(tile, unit: "%")?.source, !sources.contains(source) {
                sources.append(source)
            }
        }
        guard !sources.isEmpty else { return [] }
        let label = "National figures:"
        let wrapped = DashboardRenderer.wrap(
            label + " " + sources.joined(separator: "; "), width: max(1, width))
        return wrapped.enumerated().map { index, text in
            guard index == 0, text.hasPrefix(label) else { return Line(style: style).adding(text, .muted) }
            return Line(style: style).adding(label, .heading).adding(
                String(text.dropFirst(label.count)), .muted)
        }
    }
}

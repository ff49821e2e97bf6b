/// Why a figure has no benchmark, in words for its explanation: "no national figure for
/// special schools for 2021/22, so not rated; special schools are compared only with
/// special schools".
public struct BenchmarkMiss: Hashable, Sendable {
    /// The KPI of the figure.
    public var kpi: KPI
    /// The figure's drop.
    public var drop: DataDrop
    /// The scope looked in.
    public var scope: Benchmark.Scope
    /// For a special school or alternative provision: the one phase whose figures would
    /// do. Nil when the all-phases figure would do as well.
    public var onlyPhase: Phase?
    /// The latest benchmark that would otherwise have fitted, ruled out because it is
    /// more than a year older than the figure or from across the pandemic years.
    public var latest: Benchmark?
    /// For the trust: the academies in its figure that have no benchmark of their own,
    /// as "Name (URN, phase)".
    public var academiesWithout: [String]
    /// For the trust: true when its benchmark, weighted by its academies' counts, would
    /// give away the size of a group too small to show.
    public var wouldRevealSmallGroup: Bool

    /// Makes a miss.
    public init(
        kpi: KPI, drop: DataDrop, scope: Benchmark.Scope, onlyPhase: Phase? = nil, latest: Benchmark? = nil,
        academiesWithout: [String] = [], wouldRevealSmallGroup: Bool = false
    ) {
        self.kpi = kpi
        self.drop = drop
        self.scope = scope
        self.onlyPhase = onlyPhase
        self.latest = latest
        self.academiesWithout = academiesWithout
        self.wouldRevealSmallGroup = wouldRevealSmallGroup
    }

    /// The reason in one sentence, saying the figure is not rated.
    public var text: String { text(notRated: true) }

    /// The reason in one sentence; with `notRated`, saying "so not rated" (leave it out
    /// for a figure rated without a benchmark, by absolute lines or a target).
    public func text(notRated: Bool) -> String {
        let so = notRated ? ", so not rated" : ""
        if !academiesWithout.isEmpty {
            let names = academiesWithout.joined(separator: ", ")
            let verb = academiesWithout.count == 1 ? "has" : "have"
            return "none for the trust: its benchmark weights each academy's own, and \(names) \(verb) "
                + "none\(so)"
        }
        if wouldRevealSmallGroup {
            return "none for the trust: weighting its academies' own benchmarks by their counts would give "
                + "away the size of a group too small to show\(so)"
        }
        if BenchmarkMatcher.isPandemic(drop.year) {
            return "\(drop.year) is a pandemic year (2019/20 and 2020/21 are): its figures are never "
                + "compared with national ones\(so)"
        }
        var text = "no \(scopeWord) figure"
        if let onlyPhase { text += " for \(onlyPhase.schoolsLabel)" }
        text +=
            " for "
            + BenchmarkMatcher.usableYears(for: drop.year).map(\.description).joined(separator: " or ")
        if let latest {
            text += " (the latest, \(latest.period), \(Self.why(latest.year, figure: drop.year)))"
        }
        text += so
        if let onlyPhase {
            text += "; \(onlyPhase.schoolsLabel) are compared only with \(onlyPhase.schoolsLabel)"
        }
        return text
    }

    private var scopeWord: String {
        switch scope {
        case .national: "national"
        case .localAuthority(let name): "\(name)"
        }
    }

    /// Why a benchmark of `year` cannot rate a figure of `figure`.
    private static func why(_ year: AcademicYear, figure: AcademicYear) -> String {
        if BenchmarkMatcher.isPandemic(year) { return "is from a pandemic year" }
        if year < BenchmarkMatcher.firstPandemicYear, figure > BenchmarkMatcher.lastPandemicYear {
            return "is from before the pandemic"
        }
        return "is more than a year older"
    }
}

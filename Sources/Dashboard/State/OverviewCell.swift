import Metrics

/// One figure of an overview row as the overview draws, sorts, counts and searches it:
/// its rating, its value as shown, the change on the same term last year, the benchmark
/// the wide overview shows beside it and, for the trust, its expected figure from
/// similar schools. A rated figure keeps everything that explains it (about a kilobyte,
/// explanation and benchmark included); a national store's 22,000 rows kept five or six
/// each, 94 MB of its first frame's 201 MB. A cell keeps a few numbers, and the
/// explanation (`e`) rates the figure again from the view's rated drop
/// (`OverviewRow.explained(in:)`), which rates it exactly as the row's was.
public struct OverviewCell: Equatable, Sendable {
    /// The figure's KPI, which says how its values are rounded and which way is better.
    public let kpi: KPI
    /// Its pupil group.
    public let group: PupilGroup
    /// Its year group.
    public let yearGroup: YearGroup
    /// Its rating.
    public let rating: RAGRating
    /// The value as shown, or nil when there is none or it is suppressed
    /// (`RatedFigure.shown`).
    public let shown: Double?
    /// True when the value is a trust-wide percentage weighted from rounded ones, shown
    /// with `≈` (`RatedFigure.isApproximate`).
    public let isApproximate: Bool
    /// The change on the same term last year, on the shown values (`RatedFigure.change`).
    public let change: Double?
    /// True when the change is an improvement, false when it is worse, nil when there is
    /// no change (`RatedFigure.changeIsBetter`).
    public let changeIsBetter: Bool?
    /// The value of the benchmark the figure was compared with, if any: the wide
    /// overview's "Nat." or "LA" column.
    public let benchmark: Double?
    /// For the trust: its figure if each academy matched its similar schools
    /// (`RatedFigure.similarExpected`); nil for an academy.
    public let similarExpected: Double?

    /// The cell of `rated`.
    public init(_ rated: RatedFigure) {
        let figure = rated.figure
        kpi = figure.kpi
        group = figure.group
        yearGroup = figure.yearGroup
        rating = rated.rating
        shown = rated.shown
        isApproximate = rated.isApproximate
        change = rated.change
        changeIsBetter = rated.changeIsBetter
        benchmark = rated.benchmark?.benchmark.value
        similarExpected = rated.similarExpected
    }

    /// The figure's small key (`FigureCalculator.smallKey`), by which the trust's figures
    /// name the academies they leave out.
    public var smallKey: Int { FigureCalculator.smallKey(kpi, group, yearGroup) }

    /// What sorting compares of the figure.
    var sortKey: OverviewColumn.FigureKey {
        var key = OverviewColumn.FigureKey(nil)
        key.shown = shown
        key.rating = rating
        key.higherIsBetter = kpi.direction == .higherIsBetter
        return key
    }
}

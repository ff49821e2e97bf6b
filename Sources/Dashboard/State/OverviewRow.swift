import Metrics

/// One row of the trust overview: an academy (or the trust) and its headline figures,
/// each kept as the overview draws it (`OverviewCell`), not as a whole rated figure.
/// A class, because frames filter and pass thousands of rows and copying their figures
/// each time cost more than drawing them. It is `@unchecked Sendable` only because the
/// rating counts are set once in `init`; nothing changes it afterwards.
public final class OverviewRow: @unchecked Sendable {
    /// The academy, or nil for the trust row.
    public let academy: Academy?
    /// The academy's URN, or nil for the trust row: kept apart, as a key press looks up the
    /// selection among thousands of rows, and reading `academy` copies the whole record.
    public let urn: URN?
    /// The name shown.
    public let name: String
    /// The name folded for search (`SearchText.fold`), once per row rather than on every
    /// key typed into a search of thousands of academies.
    public let searchName: String
    /// Attendance, all pupils.
    public var attendance: OverviewCell? { figures[slots.attendance] }
    /// Persistent absence, all pupils.
    public var persistentAbsence: OverviewCell? { figures[slots.persistentAbsence] }
    /// Severe absence, all pupils.
    public var severeAbsence: OverviewCell? { figures[slots.severeAbsence] }
    /// The headline attainment figure for the academy's phase.
    public var headline: OverviewCell? { figures[slots.headline] }
    /// Which headline it is.
    public let headlineKind: Headline?
    /// Academies counted in a trust row.
    public let academiesCounted: Int
    /// The wide overview's two headline columns, primary then secondary: the row's own
    /// headline in its phase's column, the other phase's headline (if the row has that
    /// figure) in the other. The trust row shows both phases' headlines this way.
    public var phaseHeadlines: [PhaseHeadline] {
        zip(slots.phaseHeadlines, phaseLabels).map { PhaseHeadline(cell: figures[$0], label: $1) }
    }
    /// Writing at the primary headline's year group (Year 6), which the widest overview
    /// shows last.
    public var writing: OverviewCell? { figures[slots.writing] }
    /// Suspensions per 100 pupils, all pupils, which the widest overview shows last when
    /// the trust has them.
    public var suspensions: OverviewCell? { figures[slots.suspensions] }
    /// The row's cells, each once (the headline is also a phase column's), and where each
    /// of the row's figures is among them: a national store's 22,000 rows have seven or
    /// eight figures each, half of them copies or absent.
    private let figures: RowFigureList
    private let slots: Slots
    /// The phase columns' short labels, primary then secondary.
    private let phaseLabels: [String?]
    /// The name as sorting compares it (lower case), made once: sorting a national
    /// store's rows compares names hundreds of thousands of times.
    let sortName: String
    /// What sorting compares of each figure it sorts by, taken once from the rated
    /// figures: copying whole rated figures in every comparison took a fifth of a
    /// national store's first frame.
    private(set) var sortKeys = SortKeys()
    /// The worst rating among the cells, for sorting worst first.
    public private(set) var worst: RAGRating = .none
    /// How many of the row's cells are green, amber and red, counted once for the header.
    public private(set) var greens = 0
    /// Amber cells.
    public private(set) var ambers = 0
    /// Red cells.
    public private(set) var reds = 0
    /// Green, amber and red among the figures only wide screens show: the other phase's
    /// headline, and writing. Counted once here, not per frame, so a wide header over
    /// thousands of rows costs no more than a narrow one.
    private var otherHeadlineCounts = RatingTally()
    private var writingCounts = RatingTally()

    /// Distinct cells, looked up by position; position -1 is a figure the row does not
    /// have.
    private struct RowFigureList {
        private(set) var kept: [OverviewCell] = []

        subscript(position: Int) -> OverviewCell? { position < 0 ? nil : kept[position] }

        /// The cells of the figures `found` (nil where the row has none), each kept once,
        /// made from `source` into a list of exactly their number, and where each of
        /// `found` is in it. A figure is kept unless one of its KPI, pupil group and year
        /// group is already: every figure of a row is of one owner and drop, so those name
        /// it. Comparing whole rated figures (about 880 bytes each, explanation and
        /// benchmark included) was a tenth of a national store's first frame.
        static func keeping(_ found: [Found?], from source: RowSource) -> (
            list: RowFigureList, positions: [Int]
        ) {
            var distinct: [Found] = []
            let positions = found.map { item -> Int in
                guard let item else { return -1 }
                if let known = distinct.firstIndex(where: { $0.names(item) }) { return known }
                distinct.append(item)
                return distinct.count - 1
            }
            // Made at its size: appending five cells one by one leaves room for eight.
            var list = RowFigureList()
            list.kept.reserveCapacity(distinct.count)
            for item in distinct { list.kept.append(OverviewCell(source.figure(item.place))) }
            return (list, positions)
        }

        /// The rating of the figure at `position`, nil where the row has none.
        func rating(at position: Int) -> RAGRating? { position < 0 ? nil : kept[position].rating }

        /// What sorting compares of the figure at `position`.
        func sortKey(at position: Int) -> OverviewColumn.FigureKey {
            position < 0 ? OverviewColumn.FigureKey(nil) : kept[position].sortKey
        }
    }

    /// A figure found for a row: its place among those `RowSource` finds it in, and the
    /// KPI, pupil group and year group it was found by.
    private struct Found {
        let place: Int
        let kpi: KPI
        let group: PupilGroup
        let yearGroup: YearGroup

        /// True when `other` is found by the same KPI, pupil group and year group.
        func names(_ other: Found) -> Bool {
            kpi == other.kpi && group == other.group && yearGroup == other.yearGroup
        }
    }

    /// Where a row's figures are looked up (`find`), before the few it keeps are made
    /// into cells (`figure`), once each.
    private struct RowSource {
        /// The place of the figure of a KPI, pupil group and year group; nil where there is none.
        let place: (KPI, PupilGroup, YearGroup) -> Int?
        /// The figure at a place.
        let figure: (Int) -> RatedFigure

        /// The figure of `kpi`, `group` and `yearGroup`, if there is one. The owner is the
        /// source's own.
        func find(_: Figure.Owner, _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all)
            -> Found?
        {
            place(kpi, group, yearGroup).map {
                Found(place: $0, kpi: kpi, group: group, yearGroup: yearGroup)
            }
        }

        /// The figures `lookup` gives, each copied once as it is looked up: for the trust
        /// row, one a drop.
        static func looking(up lookup: @escaping Lookup) -> RowSource {
            let found = FoundFigures()
            return RowSource(
                place: { kpi, group, yearGroup in
                    guard let figure = lookup(kpi, group, yearGroup) else { return nil }
                    found.figures.append(figure)
                    return found.figures.count - 1
                },
                figure: { found.figures[$0] })
        }

        /// `figures`, in which the last figure of a key is the one found. Each figure is
        /// looked up by its small key (`FigureCalculator.smallKey`), taken once: comparing
        /// the KPI, pupil group and year group of each rated figure in turn copied the
        /// whole figure for every comparison, 536,000 copies of a national store's rows.
        static func list(_ figures: [RatedFigure]) -> RowSource {
            let keys = figures.map { FigureCalculator.smallKey($0.figure) }
            return RowSource(
                place: { kpi, group, yearGroup in
                    keys.lastIndex(of: FigureCalculator.smallKey(kpi, group, yearGroup))
                },
                figure: { figures[$0] })
        }
    }

    /// The figures a `RowSource.looking(up:)` has looked up so far.
    private final class FoundFigures {
        var figures: [RatedFigure] = []
    }

    /// A headline found for one of the wide overview's phase columns, and its label.
    private struct FoundHeadline {
        let found: Found?
        let label: String?
    }

    /// Where each of the row's figures is in `figures`.
    private struct Slots {
        var attendance = -1
        var persistentAbsence = -1
        var severeAbsence = -1
        var headline = -1
        var phaseHeadlines: [Int] = []
        var writing = -1
        var suspensions = -1
    }

    /// A headline in one of the wide overview's phase columns.
    public struct PhaseHeadline: Sendable {
        /// The figure, if the row has it.
        public let cell: OverviewCell?
        /// Its short label ("RWM", "E5+").
        public let label: String?
    }

    /// The sort keys of the figures a row can be sorted by.
    struct SortKeys {
        var attendance = OverviewColumn.FigureKey(nil)
        var persistentAbsence = OverviewColumn.FigureKey(nil)
        var severeAbsence = OverviewColumn.FigureKey(nil)
        var headline = OverviewColumn.FigureKey(nil)
        var suspensions = OverviewColumn.FigureKey(nil)
    }

    /// Counts of green, amber and red figures.
    public struct RatingTally: Sendable {
        /// Green figures.
        public var greens = 0
        /// Amber figures.
        public var ambers = 0
        /// Red figures.
        public var reds = 0

        mutating func add(_ rating: RAGRating?) {
            switch rating {
            case .green: greens += 1
            case .amber: ambers += 1
            case .red: reds += 1
            default: break
            }
        }
    }

    /// A rated figure of one owner by KPI, pupil group and year group, nil where it has none.
    typealias Lookup = (KPI, PupilGroup, YearGroup) -> RatedFigure?

    /// The row of an academy.
    convenience init(academy: Academy, rated: LazyRatedDrop, config: RatingConfig) {
        let owner = Figure.Owner.academy(academy.urn)
        self.init(
            academy: academy, config: config,
            source: .looking { rated.figure(owner, $0, group: $1, yearGroup: $2) })
    }

    /// The row of an academy from its `headline` figures, as `DropRater.rated(_:keys:)`
    /// rates them with `LazyRatedDrop.headlineKeys` (or those of all pupils, which are all
    /// a row keeps): the last figure of a key wins, as in `LazyRatedDrop`. A national
    /// store's rows are made this way, so that each academy's figures are held once, by
    /// its row, not by its row and the rated drop as well.
    convenience init(academy: Academy, headline figures: [RatedFigure], config: RatingConfig) {
        self.init(academy: academy, config: config, source: .list(figures))
    }

    /// The row of an academy whose figures are found in `rated`.
    private init(academy: Academy, config: RatingConfig, source rated: RowSource) {
        let owner = Figure.Owner.academy(academy.urn)
        self.academy = academy
        urn = academy.urn
        name = academy.name
        searchName = SearchText.fold(academy.name)
        sortName = academy.name.lowercased()
        headlineKind = config.headline(for: academy.phase)
        let headline = headlineKind.flatMap { rated.find(owner, $0.kpi, yearGroup: $0.yearGroup) }
        academiesCounted = 1
        (figures, slots, phaseLabels) = Self.kept(
            attendance: rated.find(owner, .attendanceRate),
            persistentAbsence: rated.find(owner, .persistentAbsenceRate),
            severeAbsence: rated.find(owner, .severeAbsenceRate), headline: headline,
            phaseHeadlines: Self.phaseHeadlines(
                owner: owner, ownColumn: { ($0 == .primary) == (academy.phase == .primary) },
                headline: headline, headlineKind: headlineKind, rated: rated, config: config),
            writing: Self.writing(owner, rated: rated, config: config),
            suspensions: rated.find(owner, .inclusion(.suspensionRate)), from: rated)
        countRatings()
    }

    /// The row's figures kept once each, copied from `source`, and where each is.
    private static func kept(
        attendance: Found?, persistentAbsence: Found?, severeAbsence: Found?, headline: Found?,
        phaseHeadlines: [FoundHeadline], writing: Found?, suspensions: Found?, from source: RowSource
    ) -> (RowFigureList, Slots, [String?]) {
        let found =
            [attendance, persistentAbsence, severeAbsence, headline] + phaseHeadlines.map(\.found) + [
                writing, suspensions,
            ]
        let (list, positions) = RowFigureList.keeping(found, from: source)
        let phases = 4..<4 + phaseHeadlines.count
        var slots = Slots()
        slots.attendance = positions[0]
        slots.persistentAbsence = positions[1]
        slots.severeAbsence = positions[2]
        slots.headline = positions[3]
        slots.phaseHeadlines = Array(positions[phases])
        slots.writing = positions[phases.upperBound]
        slots.suspensions = positions[phases.upperBound + 1]
        return (list, slots, phaseHeadlines.map(\.label))
    }

    /// The trust-wide row: summed figures, and the headline for the trust's main phase.
    init(trustName: String, rated ratedDrop: LazyRatedDrop, config: RatingConfig) {
        let rated = RowSource.looking { ratedDrop.figure(.trust, $0, group: $1, yearGroup: $2) }
        academy = nil
        urn = nil
        name = trustName
        searchName = SearchText.fold(trustName)
        sortName = trustName.lowercased()
        let phases = ratedDrop.academies.filter { ratedDrop.academiesWithData.contains($0.urn) }.map(\.phase)
        let main = Phase.allCases.max { a, b in
            phases.filter { $0 == a }.count < phases.filter { $0 == b }.count
        }
        headlineKind = main.flatMap(config.headline(for:))
        let headline = headlineKind.flatMap { rated.find(.trust, $0.kpi, yearGroup: $0.yearGroup) }
        academiesCounted = ratedDrop.academiesWithData.count
        let kind = headlineKind
        (figures, slots, phaseLabels) = Self.kept(
            attendance: rated.find(.trust, .attendanceRate),
            persistentAbsence: rated.find(.trust, .persistentAbsenceRate),
            severeAbsence: rated.find(.trust, .severeAbsenceRate), headline: headline,
            phaseHeadlines: Self.phaseHeadlines(
                owner: .trust, ownColumn: { config.headline(for: $0) == kind }, headline: headline,
                headlineKind: headlineKind, rated: rated, config: config),
            writing: Self.writing(.trust, rated: rated, config: config),
            suspensions: rated.find(.trust, .inclusion(.suspensionRate)), from: rated)
        countRatings()
    }

    /// The two phase columns. An academy's own headline goes in its phase's column
    /// (special schools and alternative provision in the secondary one, all-through too);
    /// the trust's in the column whose headline it is.

    private static func phaseHeadlines(
        owner: Figure.Owner, ownColumn: (Phase) -> Bool, headline: Found?, headlineKind: Headline?,
        rated: RowSource, config: RatingConfig
    ) -> [FoundHeadline] {
        [Phase.primary, .secondary].map { phase in
            let columnHeadline = config.headline(for: phase)
            if ownColumn(phase), let headlineKind {
                return FoundHeadline(found: headline, label: headlineKind.shortLabel)
            }
            guard let columnHeadline else { return FoundHeadline(found: nil, label: nil) }
            let figure = rated.find(owner, columnHeadline.kpi, yearGroup: columnHeadline.yearGroup)
            return FoundHeadline(found: figure, label: columnHeadline.shortLabel)
        }
    }

    private static func writing(_ owner: Figure.Owner, rated: RowSource, config: RatingConfig) -> Found? {
        let year = config.headline(for: .primary)?.yearGroup ?? .year(6)
        return rated.find(owner, .expected(.writing), yearGroup: year)
    }

    /// Green, amber and red among the figures the wide overview adds to the row's four:
    /// the other phase's headline when `phaseHeadlines`, and writing when `writing`.
    public func wideCounts(phaseHeadlines: Bool, writing: Bool) -> RatingTally {
        var tally = RatingTally()
        for part in [phaseHeadlines ? otherHeadlineCounts : nil, writing ? writingCounts : nil] {
            guard let part else { continue }
            tally.greens += part.greens
            tally.ambers += part.ambers
            tally.reds += part.reds
        }
        return tally
    }

    private func countRatings() {
        sortKeys = SortKeys(
            attendance: figures.sortKey(at: slots.attendance),
            persistentAbsence: figures.sortKey(at: slots.persistentAbsence),
            severeAbsence: figures.sortKey(at: slots.severeAbsence),
            headline: figures.sortKey(at: slots.headline),
            suspensions: figures.sortKey(at: slots.suspensions))
        // By position in `figures`, not by copying and comparing whole rated figures: one
        // position is one figure (`RowFigureList.keep`).
        let ratings = cellSlots.compactMap(figures.rating(at:))
        worst = ratings.filter { $0 != .none && $0 != .suppressed }.min() ?? .none
        for rating in ratings {
            switch rating {
            case .green: greens += 1
            case .amber: ambers += 1
            case .red: reds += 1
            default: break
            }
        }
        for slot in slots.phaseHeadlines where slot != slots.headline {
            otherHeadlineCounts.add(figures.rating(at: slot))
        }
        if slots.writing != slots.headline { writingCounts.add(figures.rating(at: slots.writing)) }
    }

    /// Where the four cells' figures are in `figures`, in column order (as `cells`).
    private var cellSlots: [Int] {
        [slots.attendance, slots.persistentAbsence, slots.severeAbsence, slots.headline]
    }

    /// The row's cells, in column order.
    public var cells: [OverviewCell?] { [attendance, persistentAbsence, severeAbsence, headline] }

    /// The cells of the figures `e` explains on this row, Tab moving between them: the four
    /// cells, then suspensions per 100 pupils when the row has them (the widest overview's
    /// last column).
    public var explainedCells: [OverviewCell?] { cells + (suspensions == nil ? [] : [suspensions]) }

    /// The rated figures of `explainedCells`, from `rated`, the view's rated drop of the
    /// row's drop: the row keeps only what the overview draws of each, and `rated` rates a
    /// figure exactly as the row's was rated, keeping it with the academy's other overview
    /// figures (`LazyRatedDrop.figure`).
    public func explained(in rated: LazyRatedDrop) -> [RatedFigure?] {
        let owner = urn.map(Figure.Owner.academy) ?? .trust
        return explainedCells.map { cell in
            cell.flatMap { rated.figure(owner, $0.kpi, group: $0.group, yearGroup: $0.yearGroup) }
        }
    }

}

import Metrics

/// A column of the overview that rows can be sorted by.
public enum OverviewColumn: String, CaseIterable, Sendable {
    /// Worst ratings first across the row's figures.
    case worst = "worst first"
    case name = "academy"
    case phase
    case attendance = "attendance"
    case persistentAbsence = "persistent absence"
    case severeAbsence = "severe absence"
    case headline = "headline"
    /// Suspensions per 100 pupils: only in the sort cycle while the overview shows its
    /// column (`next(showingSuspensions:)`).
    case suspensions = "suspensions per 100"

    /// How many figures an overview row has: attendance, persistent absence, severe
    /// absence and the headline.
    public static let figureColumns = 4

    /// The next column in the sort cycle, every column but suspensions.
    public var next: OverviewColumn { next(showingSuspensions: false) }

    /// The next column in the sort cycle; suspensions per 100 pupils is in it only when
    /// `showingSuspensions`, so `s` never sorts by a column the screen does not show.
    public func next(showingSuspensions: Bool) -> OverviewColumn {
        let all = Self.allCases.filter { showingSuspensions || $0 != .suspensions }
        let index = all.firstIndex(of: self) ?? -1
        return all[(index + 1) % all.count]
    }

    /// Sorts `rows` by this column, worst (or A–Z) first, then by name.
    ///
    /// What each row is sorted by is taken out of it once, and names and phases are
    /// compared as their places in alphabetical order (`alphabeticalPlaces`): comparing
    /// the rows themselves retained each row and checked each field read, and compared
    /// names twice, a tenth of a national store's first frame on one core. The order is
    /// the same: a stable sort on the same comparisons.
    public func sort(_ rows: [OverviewRow], reversed: Bool) -> [OverviewRow] {
        let names = Self.alphabeticalPlaces(rows.map(\.sortName))
        let phases =
            self == .phase ? Self.alphabeticalPlaces(rows.map { $0.academy?.phase.rawValue ?? "" }) : nil
        let keys = rows.indices.map { index in
            RowKey(row: rows[index], column: self, name: names[index], phase: phases?[index] ?? 0)
        }
        let order = keys.indices.sorted { lhs, rhs in
            let order = compare(keys[lhs], keys[rhs])
            if order != 0 { return order < 0 }
            return keys[lhs].name < keys[rhs].name
        }
        let sorted = order.map { rows[$0] }
        return reversed ? sorted.reversed() : sorted
    }

    /// What sorting by a column compares of one row.
    private struct RowKey {
        /// The row's worst rating, and its red and amber cells.
        var worst: RAGRating
        var reds: Int
        var ambers: Int
        /// The figure the column sorts by (attendance for worst first).
        var figure: FigureKey
        /// The name's place in alphabetical order among the rows sorted.
        var name: Int
        /// The phase's place in alphabetical order, when sorting by phase.
        var phase: Int

        init(row: OverviewRow, column: OverviewColumn, name: Int, phase: Int) {
            worst = row.worst
            reds = row.reds
            ambers = row.ambers
            switch column {
            case .name, .phase, .worst, .attendance: figure = row.sortKeys.attendance
            case .persistentAbsence: figure = row.sortKeys.persistentAbsence
            case .severeAbsence: figure = row.sortKeys.severeAbsence
            case .headline: figure = row.sortKeys.headline
            case .suspensions: figure = row.sortKeys.suspensions
            }
            self.name = name
            self.phase = phase
        }
    }

    /// Each of `texts`' place in alphabetical order (`String`'s `<`), equal texts sharing
    /// one: comparing two places orders two texts as comparing the texts does.
    static func alphabeticalPlaces(_ texts: [String]) -> [Int] {
        let order = texts.indices.sorted { texts[$0] < texts[$1] }
        var places = [Int](repeating: 0, count: texts.count)
        var place = 0
        for (position, index) in order.enumerated() {
            if position > 0, texts[index] != texts[order[position - 1]] { place += 1 }
            places[index] = place
        }
        return places
    }

    /// Negative when `lhs` comes first, before names are compared.
    private func compare(_ lhs: RowKey, _ rhs: RowKey) -> Int {
        switch self {
        case .name: return 0
        case .phase: return lhs.phase == rhs.phase ? 0 : lhs.phase < rhs.phase ? -1 : 1
        case .worst:
            if lhs.worst != rhs.worst { return lhs.worst < rhs.worst ? -1 : 1 }
            // `reds` and `ambers` count the row's cells, as the header does.
            if lhs.reds != rhs.reds { return lhs.reds > rhs.reds ? -1 : 1 }
            if lhs.ambers != rhs.ambers { return lhs.ambers > rhs.ambers ? -1 : 1 }
            return Self.figureOrder(lhs.figure, rhs.figure)
        case .attendance, .persistentAbsence, .severeAbsence, .headline, .suspensions:
            return Self.figureOrder(lhs.figure, rhs.figure)
        }
    }

    /// What sorting compares of one rated figure: its shown value, rating and direction.
    struct FigureKey {
        var shown: Double?
        var rating: RAGRating
        var higherIsBetter: Bool

        init(_ rated: RatedFigure?) {
            shown = rated?.shown
            rating = rated?.rating ?? .none
            higherIsBetter = rated?.figure.kpi.direction == .higherIsBetter
        }
    }

    /// Worse rating first, then worse value first; missing figures last.
    static func figureOrder(_ lhs: FigureKey, _ rhs: FigureKey) -> Int {
        switch (lhs.shown, rhs.shown) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case (let a?, let b?):
            if lhs.rating != rhs.rating { return lhs.rating < rhs.rating ? -1 : 1 }
            if a == b { return 0 }
            return (a < b) == lhs.higherIsBetter ? -1 : 1
        }
    }
}

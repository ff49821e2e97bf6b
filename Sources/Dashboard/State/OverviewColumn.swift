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
    public func sort(_ rows: [OverviewRow], reversed: Bool) -> [OverviewRow] {
        let sorted = rows.sorted { lhs, rhs in
            let order = compare(lhs, rhs)
            if order != 0 { return order < 0 }
            return lhs.sortName.compareASCII(rhs.sortName) < 0
        }
        return reversed ? sorted.reversed() : sorted
    }

    /// Negative when `lhs` comes first.
    private func compare(_ lhs: OverviewRow, _ rhs: OverviewRow) -> Int {
        switch self {
        case .name: return lhs.sortName.compareASCII(rhs.sortName)
        case .phase:
            return (lhs.academy?.phase.rawValue ?? "").compareASCII(rhs.academy?.phase.rawValue ?? "")
        case .worst:
            if lhs.worst != rhs.worst { return lhs.worst < rhs.worst ? -1 : 1 }
            // `reds` and `ambers` count the row's cells, as the header does.
            if lhs.reds != rhs.reds { return lhs.reds > rhs.reds ? -1 : 1 }
            if lhs.ambers != rhs.ambers { return lhs.ambers > rhs.ambers ? -1 : 1 }
            return Self.figureOrder(lhs.sortKeys.attendance, rhs.sortKeys.attendance)
        case .attendance: return Self.figureOrder(lhs.sortKeys.attendance, rhs.sortKeys.attendance)
        case .persistentAbsence:
            return Self.figureOrder(lhs.sortKeys.persistentAbsence, rhs.sortKeys.persistentAbsence)
        case .severeAbsence: return Self.figureOrder(lhs.sortKeys.severeAbsence, rhs.sortKeys.severeAbsence)
        case .headline: return Self.figureOrder(lhs.sortKeys.headline, rhs.sortKeys.headline)
        case .suspensions: return Self.figureOrder(lhs.sortKeys.suspensions, rhs.sortKeys.suspensions)
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

extension String {
    /// Plain comparison: negative, zero or positive.
    func compareASCII(_ other: String) -> Int {
        self < other ? -1 : self == other ? 0 : 1
    }
}

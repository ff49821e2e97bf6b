import Metrics

/// One row of the trust overview: an academy (or the trust) and its headline figures.
/// A class, because frames filter and pass thousands of rows and copying their rated
/// figures each time cost more than drawing them. It is `@unchecked Sendable` only
/// because the rating counts are set once in `init`; nothing changes it afterwards.
public final class OverviewRow: @unchecked Sendable {
    /// The academy, or nil for the trust row.
    public let academy: Academy?
    /// The name shown.
    public let name: String
    /// The name folded for search (`SearchText.fold`), once per row rather than on every
    /// key typed into a search of thousands of academies.
    public let searchName: String
    /// Attendance, all pupils.
    public let attendance: RatedFigure?
    /// Persistent absence, all pupils.
    public let persistentAbsence: RatedFigure?
    /// Severe absence, all pupils.
    public let severeAbsence: RatedFigure?
    /// The headline attainment figure for the academy's phase.
    public let headline: RatedFigure?
    /// Which headline it is.
    public let headlineKind: Headline?
    /// Academies counted in a trust row.
    public let academiesCounted: Int
    /// How many of the row's cells are green, amber and red, counted once for the header.
    public private(set) var greens = 0
    /// Amber cells.
    public private(set) var ambers = 0
    /// Red cells.
    public private(set) var reds = 0

    /// The row of an academy.
    init(academy: Academy, rated: RatedDrop, config: RatingConfig) {
        let owner = Figure.Owner.academy(academy.urn)
        self.academy = academy
        name = academy.name
        searchName = SearchText.fold(academy.name)
        attendance = rated.figure(owner, .attendanceRate)
        persistentAbsence = rated.figure(owner, .persistentAbsenceRate)
        severeAbsence = rated.figure(owner, .severeAbsenceRate)
        headlineKind = config.headline(for: academy.phase)
        headline = headlineKind.flatMap { rated.figure(owner, $0.kpi, yearGroup: $0.yearGroup) }
        academiesCounted = 1
        countRatings()
    }

    /// The trust-wide row: summed figures, and the headline for the trust's main phase.
    init(trustName: String, rated: RatedDrop, config: RatingConfig) {
        academy = nil
        name = trustName
        searchName = SearchText.fold(trustName)
        attendance = rated.figure(.trust, .attendanceRate)
        persistentAbsence = rated.figure(.trust, .persistentAbsenceRate)
        severeAbsence = rated.figure(.trust, .severeAbsenceRate)
        let phases = rated.academies.filter { rated.academiesWithData.contains($0.urn) }.map(\.phase)
        let main = Phase.allCases.max { a, b in
            phases.filter { $0 == a }.count < phases.filter { $0 == b }.count
        }
        headlineKind = main.flatMap(config.headline(for:))
        headline = headlineKind.flatMap { rated.figure(.trust, $0.kpi, yearGroup: $0.yearGroup) }
        academiesCounted = rated.academiesWithData.count
        countRatings()
    }

    private func countRatings() {
        for rated in cells {
            switch rated?.rating {
            case .green: greens += 1
            case .amber: ambers += 1
            case .red: reds += 1
            default: break
            }
        }
    }

    /// The row's rated cells, in column order.
    public var cells: [RatedFigure?] { [attendance, persistentAbsence, severeAbsence, headline] }

    /// The worst rating among the cells, for sorting worst first.
    public var worst: RAGRating {
        cells.compactMap { $0?.rating }.filter { $0 != .none && $0 != .suppressed }.min() ?? .none
    }
}

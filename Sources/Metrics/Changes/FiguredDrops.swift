/// Which drops have any figure, and which any figure rated green, amber or red, among
/// the rated figures seen: what `RatingChanges` keeps to say why no rating could change
/// (`RatingChanges.nothingChanged(since:)`).
struct FiguredDrops: Sendable {
    /// The drops with any figure.
    private(set) var withFigures: Set<DataDrop> = []
    /// The drops with a figure rated green, amber or red.
    private(set) var rated: Set<DataDrop> = []

    init() {}

    /// The drops of `figures`, each with its rated figures.
    init(_ figures: [(DataDrop, [RatedFigure])]) {
        note(figures)
    }

    /// Notes each drop of `figures` with its rated figures.
    mutating func note(_ figures: [(DataDrop, [RatedFigure])]) {
        for (drop, list) in figures where !list.isEmpty {
            withFigures.insert(drop)
            if !rated.contains(drop), list.contains(where: { $0.rating.isRated }) { rated.insert(drop) }
        }
    }

    /// Adds the drops `other` noted.
    mutating func add(_ other: FiguredDrops) {
        withFigures.formUnion(other.withFigures)
        rated.formUnion(other.rated)
    }
}

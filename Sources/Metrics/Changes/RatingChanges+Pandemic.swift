extension RatingChange.Comparison {
    /// Why a figure of one school year is never compared with one of another when either
    /// year is a pandemic year: the words the explanation of a rating, the changes report,
    /// the board pack and the dashboard all use.
    public static let pandemicReason =
        "2019/20 and 2020/21 are pandemic years, whose figures were gathered differently and are compared with no other year"

    /// Said after "No data for EARLIER to compare with." when `earlier` is a pandemic
    /// apart from `drop` (`crossesPandemic`), so that a missing 2019/20 does not read as
    /// the only reason 2020/21 is compared with nothing: " 2019/20 summer would not be
    /// compared in any case: 2019/20 and 2020/21 are pandemic years, …". Empty otherwise.
    public static func wouldNotBeCompared(_ earlier: DataDrop, with drop: DataDrop) -> String {
        crossesPandemic(earlier, drop)
            ? " \(earlier) would not be compared in any case: \(pandemicReason)." : ""
    }

    /// True when a line drawn from `earlier` to `later` would run into or through a
    /// pandemic year: they are of different school years and either is a pandemic year
    /// (`crossesPandemic`), or one is before the pandemic and the other after it (2018/19
    /// beside 2021/22, with nothing between them). A trend draws no line across it.
    public static func spansPandemic(_ earlier: DataDrop, _ later: DataDrop) -> Bool {
        let (first, last) =
            earlier.year <= later.year ? (earlier.year, later.year) : (later.year, earlier.year)
        return first != last && first <= BenchmarkMatcher.lastPandemicYear
            && last >= BenchmarkMatcher.firstPandemicYear
    }
}

extension RatingChanges {
    /// The earlier drops with data that were still not compared with `drop`, because they
    /// are of another school year and one of the two is a pandemic year
    /// (`RatingChange.Comparison.crossesPandemic`): no figure of theirs can be a change.
    public var pandemicApart: [DataDrop] {
        comparedDrops.filter { RatingChange.Comparison.crossesPandemic($0, drop) }
    }

    /// The earlier drops whose figures were set beside `drop`'s: `comparedDrops` but those
    /// `pandemicApart`.
    public var fairlyComparedDrops: [DataDrop] {
        let apart = pandemicApart
        return comparedDrops.filter { !apart.contains($0) }
    }

    /// "2021/22 summer is not compared with 2020/21 summer: 2019/20 and 2020/21 are
    /// pandemic years, …", or nil when no earlier drop with data was kept apart.
    public var pandemicNote: String? {
        let apart = pandemicApart
        guard !apart.isEmpty else { return nil }
        let drops = apart.map(\.description).joined(separator: " or ")
        return "\(drop) is not compared with \(drops): \(RatingChange.Comparison.pandemicReason)."
    }
}

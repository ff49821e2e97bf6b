extension RatingChanges {
    /// What to say when nothing changed since `earlier` (drops compared with `drop`): "No
    /// rating changed since 2024/25 spring.", unless `drop` or one of them has no figure
    /// rated (`ratedDrops`), where no rating could change and saying that none did would
    /// read as good news: then which has none and why. A drop with no figure rated comes
    /// after those with one: "No rating changed since 2024/25 spring. No figure of 2023/24
    /// summer is rated, …". For one academy (`academy`), a drop it has no data in is named
    /// as such.
    public func nothingChanged(since earlier: [DataDrop]) -> String {
        guard ratedDrops.contains(drop) else { return noneRated(drop, since: nil) }
        let rated = earlier.filter(ratedDrops.contains)
        let unrated = earlier.filter { !ratedDrops.contains($0) }
        var sentences: [String] = []
        if !rated.isEmpty {
            sentences.append("No rating changed since \(rated.map(\.description).joined(separator: " or ")).")
        }
        for drop in unrated { sentences.append(noneRated(drop, since: self.drop)) }
        return sentences.joined(separator: " ")
    }

    /// True when no rating could change between `drop` and `earlier`: either has no figure
    /// rated (`ratedDrops`).
    public func noneRated(since earlier: DataDrop) -> Bool {
        !ratedDrops.contains(drop) || !ratedDrops.contains(earlier)
    }

    /// "No figure of 2020/21 summer is rated, so no rating could change: 2020/21 is a
    /// pandemic year, whose figures are never compared with national ones." for `drop`
    /// itself (`later` nil), or "…, so no rating could change since it: …" for an earlier
    /// drop compared with `later`. Outside the pandemic years nothing is rated when no
    /// benchmark or target applies to the drop (national figures more than a year older,
    /// say), and the reason says that. An academy with no figure at all in the drop has no
    /// data in it: "Beckfoot Nessfield has no data in 2017/18 summer to compare with."
    private func noneRated(_ drop: DataDrop, since later: DataDrop?) -> String {
        if let academy, !dropsWithFigures.contains(drop) {
            return "\(academy.name) has no data in \(drop)\(later == nil ? "" : " to compare with")."
        }
        let why =
            BenchmarkMatcher.isPandemic(drop.year)
            ? "\(drop.year) is a pandemic year, whose figures are never compared with national ones"
            : "there is no benchmark or target to rate it against"
        return
            "No figure of \(drop) is rated, so no rating could change\(later == nil ? "" : " since it"): \(why)."
    }
}

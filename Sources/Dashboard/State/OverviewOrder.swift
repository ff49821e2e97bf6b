import Metrics

/// The academies of the overview's rows in the order shown, with each one's place: a key
/// press on a national store finds the selection among 22,000 rows by looking it up, not
/// by reading every row (`TrustView.overviewOrder`).
struct OverviewOrder {
    /// The academies' URNs, in the rows' order.
    let urns: [URN]
    private let places: [URN: Int]

    /// The order of `rows`' academies (the trust row has none).
    init(_ rows: [OverviewRow]) {
        urns = rows.compactMap(\.urn)
        var places: [URN: Int] = [:]
        places.reserveCapacity(urns.count)
        // The first place of a URN, as `firstIndex(of:)` gives it.
        for (place, urn) in urns.enumerated() where places[urn] == nil { places[urn] = place }
        self.places = places
    }

    /// The place of `urn` among `urns`; nil when its row is not shown.
    func place(of urn: URN) -> Int? { places[urn] }

    /// True when `urn`'s row is shown.
    func contains(_ urn: URN) -> Bool { places[urn] != nil }
}

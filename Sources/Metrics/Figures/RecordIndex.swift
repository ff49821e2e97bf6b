/// A trust's records arranged by drop and academy, so that one academy's figures in one
/// drop can be computed without looking at anyone else's.
public struct RecordIndex: Sendable {
    /// The positions of one academy's records in one drop (each usually one run; see
    /// `RecordPositions`).
    struct Bucket: Sendable {
        var attendance = RecordPositions()
        var attainment = RecordPositions()
        var scores = RecordPositions()
        var published = RecordPositions()
        var inclusion = RecordPositions()
    }

    private struct Place: Hashable {
        let urn: URN
        let drop: DataDrop
    }

    private var buckets: [Place: Bucket] = [:]
    private var academiesByDrop: [DataDrop: [URN]] = [:]

    /// Arranges `data`'s records.
    public init(_ data: TrustData) {
        // Consecutive rows usually share an academy and drop, so the bucket in hand is
        // kept until the place changes instead of being looked up for every row. Each row
        // is read by its position, its academy and drop alone: passing the row itself
        // copied it whole and let it go again, half of indexing a ten-year store.
        func fill(_ count: Int, place: (Int) -> Place, append: (inout Bucket, Int32) -> Void) {
            var current: Place?
            var bucket = Bucket()
            for position in 0..<count {
                let here = place(position)
                if here != current {
                    if let current { buckets[current] = bucket }
                    current = here
                    bucket = buckets.removeValue(forKey: here) ?? Bucket()
                }
                append(&bucket, Int32(position))
            }
            if let current { buckets[current] = bucket }
        }
        let attendance = data.attendance
        fill(
            attendance.count, place: { Place(urn: attendance[$0].urn, drop: attendance[$0].drop) },
            append: { $0.attendance.append($1) })
        let attainment = data.attainment
        fill(
            attainment.count, place: { Place(urn: attainment[$0].urn, drop: attainment[$0].drop) },
            append: { $0.attainment.append($1) })
        let scores = data.scores
        fill(
            scores.count, place: { Place(urn: scores[$0].urn, drop: scores[$0].drop) },
            append: { $0.scores.append($1) })
        let published = data.published
        fill(
            published.count, place: { Place(urn: published[$0].urn, drop: published[$0].drop) },
            append: { $0.published.append($1) })
        let inclusion = data.inclusion
        fill(
            inclusion.count, place: { Place(urn: inclusion[$0].urn, drop: inclusion[$0].drop) },
            append: { $0.inclusion.append($1) })
        for place in buckets.keys { academiesByDrop[place.drop, default: []].append(place.urn) }
        for drop in academiesByDrop.keys { academiesByDrop[drop]?.sort() }
    }

    /// The positions of an academy's records in a drop.
    func bucket(_ urn: URN, _ drop: DataDrop) -> Bucket? {
        buckets[Place(urn: urn, drop: drop)]
    }

    /// The academies with any record in `drop`, by URN.
    public func academies(in drop: DataDrop) -> [URN] {
        academiesByDrop[drop] ?? []
    }
}

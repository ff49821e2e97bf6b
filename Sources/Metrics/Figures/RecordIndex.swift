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
        // kept until the place changes instead of being looked up for every row.
        func fill<Record>(
            _ records: [Record], place: (Record) -> Place, _ path: WritableKeyPath<Bucket, RecordPositions>
        ) {
            var current: Place?
            var bucket = Bucket()
            for (position, record) in records.enumerated() {
                let here = place(record)
                if here != current {
                    if let current { buckets[current] = bucket }
                    current = here
                    bucket = buckets.removeValue(forKey: here) ?? Bucket()
                }
                bucket[keyPath: path].append(Int32(position))
            }
            if let current { buckets[current] = bucket }
        }
        fill(data.attendance, place: { Place(urn: $0.urn, drop: $0.drop) }, \.attendance)
        fill(data.attainment, place: { Place(urn: $0.urn, drop: $0.drop) }, \.attainment)
        fill(data.scores, place: { Place(urn: $0.urn, drop: $0.drop) }, \.scores)
        fill(data.published, place: { Place(urn: $0.urn, drop: $0.drop) }, \.published)
        fill(data.inclusion, place: { Place(urn: $0.urn, drop: $0.drop) }, \.inclusion)
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

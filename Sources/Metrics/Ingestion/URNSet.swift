/// A set of URNs held as one bit per possible URN (113 KiB), so that checking a row's
/// URN costs an array read instead of a hash: ingest checks every row of every file.
struct URNSet {
    private var bits = [UInt64](repeating: 0, count: 900_000 / 64 + 1)

    /// Makes a set holding `urns`.
    init(_ urns: some Sequence<URN>) {
        for urn in urns { insert(urn) }
    }

    /// Adds `urn`.
    mutating func insert(_ urn: URN) {
        let offset = urn.value - 100_000
        bits[offset >> 6] |= 1 << UInt64(offset & 63)
    }

    /// True when the set holds `urn`.
    func contains(_ urn: URN) -> Bool {
        let offset = urn.value - 100_000
        return bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }
}

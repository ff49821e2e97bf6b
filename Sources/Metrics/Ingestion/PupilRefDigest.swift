/// A pupil reference reduced to 128 bits with keys drawn afresh for every reader, so that
/// the export's references are compared without being kept: the digest cannot be turned
/// back into the reference, and means nothing outside the run that made it. Two different
/// references share a digest about once in 2^128 comparisons.
struct PupilRefDigest: Hashable {
    let high: UInt64
    let low: UInt64
}

/// Makes `PupilRefDigest`s with its own random keys.
struct PupilRefDigester {
    private let keys = (UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max))

    /// The digest of a reference's bytes.
    func digest(_ bytes: [UInt8]) -> PupilRefDigest {
        PupilRefDigest(high: hash(bytes, keys.0), low: hash(bytes, keys.1))
    }

    private func hash(_ bytes: [UInt8], _ key: UInt64) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(key)
        hasher.combine(bytes)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}

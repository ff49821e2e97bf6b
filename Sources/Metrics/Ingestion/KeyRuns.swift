/// Finds a packed key (see `BatchChecker.key`) given twice among rows that come in runs, as
/// a drop file gives them: each academy's rows for a drop together.
///
/// The rows of a run share a key's top part (kind, URN and drop) and differ only in its 14
/// low bits (pupil group, year group and item). Within a run a key is looked up in a 2 KiB
/// bitmap that stays in the first-level cache; across runs only each run's top part is
/// hashed, in a set of about one entry per academy. A key given twice must then be given
/// twice within one run, unless a run's top part comes back after another run: then the
/// rows are not in runs, which `insert` says, and the caller looks at every key in one
/// large `KeySet` instead. This spares the cache misses of a hash table of a million keys,
/// about a tenth of a national dry run.
struct KeyRuns {
    /// What `insert` found.
    enum Found {
        /// The key was not given before.
        case new
        /// The key was given before, in this run.
        case again
        /// The key starts a run whose top part an earlier run had: the rows are not in runs,
        /// and nothing more may be inserted.
        case notInRuns
    }

    /// Bits of a key below its run's top part.
    private static let lowBits: UInt64 = 14

    /// One bit per possible low part of a key, set for those given in the current run.
    private var inRun = [UInt64](repeating: 0, count: 1 << (Int(lowBits) - 6))
    /// The words of `inRun` set in the current run, to clear when it ends.
    private var setWords: [Int] = []
    /// The top parts of the runs so far.
    private var runs = KeySet(capacity: 4096)
    /// The top part of the current run; nil before the first key.
    private var current: UInt64?

    /// Adds `key` (below 2⁶³) and says whether it was given before.
    @inline(__always)
    mutating func insert(_ key: UInt64) -> Found {
        let top = key >> Self.lowBits
        if top != current {
            guard runs.insert(top) else { return .notInRuns }
            for word in setWords { inRun[word] = 0 }
            setWords.removeAll(keepingCapacity: true)
            current = top
        }
        let low = Int(truncatingIfNeeded: key & (1 << Self.lowBits - 1))
        let word = low >> 6
        let bit: UInt64 = 1 << UInt64(low & 63)
        let bits = inRun[word]
        if bits & bit != 0 { return .again }
        if bits == 0 { setWords.append(word) }
        inRun[word] = bits | bit
        return .new
    }
}

import Metrics

/// A stored record that a later file replaced with different values: a correction.
public struct HistoryEntry: Hashable, Sendable {
    /// A record of any kind, as it was before it was replaced.
    public enum Record: Hashable, Sendable {
        case academy(Academy)
        case attendance(AttendanceRecord)
        case attainment(AttainmentRecord)
        case score(ScoreRecord)
        case benchmark(Benchmark)
        case published(PublishedFigure)
        case distribution(NationalDistribution)
        case inclusion(InclusionRecord)

        /// The academy the record is about; nil for a benchmark.
        public var urn: URN? {
            switch self {
            case .academy(let academy): academy.urn
            case .attendance(let record): record.urn
            case .attainment(let record): record.urn
            case .score(let record): record.urn
            case .published(let record): record.urn
            case .inclusion(let record): record.urn
            case .benchmark, .distribution: nil
            }
        }
    }

    /// The values that were replaced.
    public var replaced: Record
    /// The file the replaced values came from.
    public var source: StoredFile
    /// The 1-based line of `source` they came from.
    public var sourceLine: Int
    /// The file whose row replaced them.
    public var replacedBy: StoredFile
    /// The 1-based line of `replacedBy` that replaced them.
    public var replacedByLine: Int

    /// Makes a history entry.
    public init(
        replaced: Record, source: StoredFile, sourceLine: Int, replacedBy: StoredFile, replacedByLine: Int
    ) {
        self.replaced = replaced
        self.source = source
        self.sourceLine = sourceLine
        self.replacedBy = replacedBy
        self.replacedByLine = replacedByLine
    }
}

extension HistoryEntry.Record {
    /// The entry of a termly record; nil when `record` is not the type its kind names,
    /// which `DropRecordKind.recordType` rules out.
    init?(_ record: some DropRecord) {
        switch type(of: record).kind {
        case .attendance:
            guard let record = record as? AttendanceRecord else { return nil }
            self = .attendance(record)
        case .attainment:
            guard let record = record as? AttainmentRecord else { return nil }
            self = .attainment(record)
        case .scores:
            guard let record = record as? ScoreRecord else { return nil }
            self = .score(record)
        case .published:
            guard let record = record as? PublishedFigure else { return nil }
            self = .published(record)
        case .inclusion:
            guard let record = record as? InclusionRecord else { return nil }
            self = .inclusion(record)
        }
    }
}

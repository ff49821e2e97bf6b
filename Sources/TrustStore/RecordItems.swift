import GRDB
import Metrics

/// Which of a drop's records a load reads (`TrustStore.load(_:only:attendanceOf:)`): every
/// record, or only those of some subjects, measures and published KPIs.
///
/// A national drop's attainment is nine subjects, of which the dashboard's overview
/// shows two; the records of the other seven were half the rows its first frame read.
/// An item is the last column of `drop_counts`' key, so a kind's rows are still stepped
/// through by SQLite, but those of other items are never handed over, copied or read
/// into records.
public struct RecordItems: Hashable, Sendable {
    /// The items read of each kind read only in part; a kind not here is read whole, and a
    /// kind with no items is not read at all.
    private var only: [DropRecordKind: Set<String>]

    /// Every record.
    public static let all = RecordItems(only: [:])

    private init(only: [DropRecordKind: Set<String>]) {
        self.only = only
    }

    /// The records the figures of `kpis` are worked out from, and nothing else: each
    /// KPI's counted records (`KPI.countedFrom`; for a kind without items, such as
    /// attendance, all of the kind's records) and the figures the DfE published of it.
    public init(figuresOf kpis: some Sequence<KPI>) {
        var only = Dictionary(uniqueKeysWithValues: DropRecordKind.allCases.map { ($0, Set<String>()) })
        for kpi in kpis {
            only[.published, default: []].insert(kpi.key)
            only[kpi.countedFrom.kind, default: []].insert(kpi.countedFrom.item)
        }
        self.init(only: only)
    }

    /// True when every record of `kind` is read.
    public func readsWhole(_ kind: DropRecordKind) -> Bool { only[kind] == nil }

    /// True when a record of `kind` with `item` is read.
    public func reads(_ kind: DropRecordKind, item: String) -> Bool {
        only[kind].map { $0.contains(item) } ?? true
    }

    /// True when no record of `kind` is read.
    func readsNone(_ kind: DropRecordKind) -> Bool { only[kind]?.isEmpty ?? false }

    /// What to add to a query's `WHERE` for the rows of `kind` read, and its arguments, to
    /// bind after the query's own: nothing for a kind read whole. The items are bound in
    /// order, so the same items make the same statement.
    func condition(_ kind: DropRecordKind) -> (sql: String, arguments: StatementArguments) {
        guard let items = only[kind] else { return ("", []) }
        let sorted = items.sorted()
        let marks = Array(repeating: "?", count: sorted.count).joined(separator: ", ")
        return (" AND item IN (\(marks))", StatementArguments(sorted))
    }
}

import Dispatch
import GRDB
import Metrics

/// Inserts records of one kind, of drops the store holds nothing of, `rows` to a statement.
///
/// A statement binds its kind, drop and file once (`DropCountsTable.bulkInsertSQL`), so its
/// rows are all of one drop and one file; the records' texts are made on another thread
/// (`RowTexts`), a block ahead of the rows being stored.
final class BulkInsert<Record: DropRecord> {
    /// Records to a statement: 6 parameters each and 4 shared, far below SQLite's limit of
    /// 32,766.
    static var statementRows: Int { 128 }
    /// `statementRows`.
    let rows = statementRows
    /// Records whose texts are made at a time: enough that handing a block over costs
    /// little, few enough that the first wait is short.
    private let blockRows = 2048
    private let db: Database
    /// The batch's records of the kind.
    private let items: [Sourced<Record>]
    private let fileIDs: [Int]
    /// The store's academies: a row for another is left to go alone, to be refused.
    private let academies: Set<Int>
    /// True when every record is known to keep the store's rules (`accepts`).
    private let rulesChecked: Bool
    /// Prepared for the first run of `rows` records: a trust's small drop has none.
    private var statement: UpsertStatement?
    /// The texts being bound.
    private var current: RowTexts?
    /// The next block's texts, being made on another thread.
    private var next: PendingTexts?

    /// `rulesChecked` says every record of `items` is known to keep the store's rules, so
    /// that `accepts` need not ask again (for an attendance record, its longest check).
    /// `statement`, when given, is the statement of `rows` records another `BulkInsert` of
    /// the kind prepared (`preparedStatement`): preparing its 800 parameters again for each
    /// block of a kind's records took 2% of an ingest.
    init(
        _ db: Database, items: [Sourced<Record>], fileIDs: [Int], academies: Set<Int>,
        rulesChecked: Bool = false, statement: UpsertStatement? = nil
    ) {
        self.db = db
        self.items = items
        self.fileIDs = fileIDs
        self.academies = academies
        self.rulesChecked = rulesChecked
        self.statement = statement
    }

    /// The statement of `rows` records, once one has been prepared.
    var preparedStatement: UpsertStatement? { statement }

    deinit {
        // The other thread writes into `next` until it signals.
        next?.done.wait()
    }

    /// Binds the key columns of `record`, in `DropCountsTable.keyColumns` order.
    static func bindKey(of record: Record, to statement: UpsertStatement) {
        statement.bind(Record.kind.rawValue)
        statement.bind(record.drop.year.start)
        statement.bind(record.drop.term.rawValue)
        statement.bind(record.urn.value)
        statement.bind(record.group.rawValue)
        statement.bind(record.yearGroup.rawValue)
        statement.bind(record.item)
    }

    /// False for a record that breaks a rule of the store: it goes alone, to be refused at
    /// its own line after every row before it is written. Not asked again where the rules
    /// were checked (`rulesChecked`).
    func accepts(_ record: Record) -> Bool { rulesChecked || record.brokenRule == nil }

    /// Inserts `items[chunk]` (`rows` of them) in one statement. False, with nothing
    /// written, when a row breaks a constraint (or is too big) or a foreign key
    /// (`ForeignKeys`), or when the rows are not all of one drop and one file, which one
    /// statement cannot bind; other failures are thrown.
    func insert(_ chunk: Range<Int>) throws -> Bool {
        let texts = texts(for: chunk)
        for index in chunk.dropFirst() where !texts.sameDropAndFile[index - texts.range.lowerBound] {
            return false
        }
        // Checked before anything is written, with SQLite's own checks off.
        if fileIDs[items[chunk.lowerBound].file] < 0 { return false }
        var known = -1
        for index in chunk {
            let urn = texts.urns[index - texts.range.lowerBound]
            // Rows of one academy come together: most are the last one's.
            if urn == known { continue }
            guard academies.contains(urn) else { return false }
            known = urn
        }
        let statement = try statement ?? UpsertStatement(db, sql: DropCountsTable.bulkInsertSQL(rows: rows))
        self.statement = statement
        let first = items[chunk.lowerBound]
        statement.bind(Record.kind.rawValue)
        statement.bind(first.record.drop.year.start)
        statement.bind(first.record.drop.term.rawValue)
        statement.bind(fileIDs[first.file])
        do {
            _ = try texts.withTexts { text in
                for index in chunk {
                    let row = index - texts.range.lowerBound
                    statement.bind(texts.urns[row])
                    for column in 0..<RowTexts.textsPerRow { statement.bind(inPlace: text(index, column)) }
                    statement.bind(texts.lines[row])
                }
                // The texts are read while the statement runs, inside `withTexts`.
                return try statement.run()
            }
            return true
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CONSTRAINT || error.resultCode == .SQLITE_TOOBIG
        {
            return false
        }
    }

    /// The texts of a block holding `chunk`, taken from the other thread when it made them,
    /// else made here; the block after it is started on the other thread.
    private func texts(for chunk: Range<Int>) -> RowTexts {
        if let current, current.range.lowerBound <= chunk.lowerBound,
            chunk.upperBound <= current.range.upperBound
        {
            return current
        }
        var found: RowTexts?
        if let next {
            next.done.wait()
            self.next = nil
            if let made = next.texts, made.range.lowerBound <= chunk.lowerBound,
                chunk.upperBound <= made.range.upperBound
            {
                found = made
            }
        }
        let texts =
            found
            ?? RowTexts(
                of: items, range: chunk.lowerBound..<max(chunk.upperBound, block(from: chunk.lowerBound)))
        current = texts
        let following = texts.range.upperBound..<block(from: texts.range.upperBound)
        if !following.isEmpty {
            let pending = PendingTexts()
            let items = items
            DispatchQueue.global().async {
                pending.texts = RowTexts(of: items, range: following)
                pending.done.signal()
            }
            next = pending
        }
        return texts
    }

    /// The end of a block starting at `start`.
    private func block(from start: Int) -> Int { min(items.count, start + blockRows) }
}

/// A block of texts being made on another thread: `texts` is set before `done` is signalled,
/// and read only after waiting for it.
private final class PendingTexts: @unchecked Sendable {
    var texts: RowTexts?
    let done = DispatchSemaphore(value: 0)
}

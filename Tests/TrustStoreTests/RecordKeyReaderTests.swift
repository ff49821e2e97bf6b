import GRDB
import Metrics
import Testing

@testable import TrustStore

/// A load reads each row's key with `RecordKeyReader`, which reuses the value of a text
/// column seen before rather than reading it afresh: every key must be the one
/// `StoredRow.recordKey()` reads, and a column that is not text must still be refused,
/// even when its bytes spell a value seen before.
@Suite struct RecordKeyReaderTests {
    /// The column named in the error loading `store` throws, if it throws one.
    private func unreadableColumn(_ store: TrustStore) -> String? {
        do {
            _ = try store.load()
            return nil
        } catch StoreError.unreadableValue(_, "attendance", let column, _) {
            return column
        } catch {
            return "\(error)"
        }
    }

    /// 4,320 rows of thirty drops, every pupil group and year group: the terms, groups
    /// and year groups come round again and again, within and across the rows.
    @Test func everyKeyIsTheOneRecordKeyReads() throws {
        try LoadErrorTests().withManyRows { store, rows in
            var compared = 0
            var differ = 0
            try store.reading { db in
                var reader = RecordKeyReader()
                // Every row with its year and term, as a drop not known beforehand is read
                // (`TrustStore.forEachRecord`), across all thirty drops in key order.
                try StoredRow.forEveryAttendanceRow(in: db, path: store.path) { row in
                    let expected = try row.recordKey()
                    let read = try reader.read(row)
                    if read.key != expected.key || read.item != expected.item { differ += 1 }
                    compared += 1
                }
            }
            #expect(compared == rows.count)
            #expect(differ == 0)
        }
    }

    /// A year group and a term stored as bytes, not text, spelling the value of the rows
    /// before them, are refused as `StoredRow` refuses them.
    @Test func aValueSeenBeforeStoredAsBytesIsRefused() throws {
        try LoadErrorTests().withManyRows(
            LoadErrorTests.update("year_group = CAST(year_group AS BLOB)", atPosition: 200)
        ) { store, _ in
            #expect(unreadableColumn(store) == "year_group")
        }
        try LoadErrorTests().withManyRows(
            LoadErrorTests.update("term = CAST(term AS BLOB)", atPosition: 300)
        ) { store, _ in
            #expect(unreadableColumn(store) == "term")
        }
    }

    /// A year group no one knows, after rows whose year groups were all known, is refused
    /// with its own text.
    @Test func anUnknownValueAfterKnownOnesIsRefused() throws {
        try LoadErrorTests().withManyRows(
            LoadErrorTests.update("year_group = 'Y99'", atPosition: 1_000)
        ) { store, _ in
            #expect(
                throws: StoreError.unreadableValue(
                    path: store.path, table: "attendance", column: "year_group", value: "Y99")
            ) {
                try store.load()
            }
        }
    }
}

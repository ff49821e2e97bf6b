import GRDB
import Metrics
import Testing

@testable import TrustStore

/// A drop whose year and term are known before its rows are read is read without them
/// (`DropCountsTable.selectInDropSQL`): every row gives the key it gave read whole, and a
/// value that cannot be read names the same column and value; a drop whose stored term
/// this version cannot read is still read whole, and fails as it did.
@Suite struct InDropReadTests {
    let tests = LoadErrorTests()

    /// The key and item of every attendance row, read whole (`StoredRow.recordKey()`) and
    /// as a load reads them (`TrustStore.forEachRecord`), for `drops`.
    func keys(_ store: TrustStore, drops: Set<DataDrop>?) throws -> (whole: [String], read: [String]) {
        try store.reading { db in
            var whole: [String] = []
            try StoredRow.forEveryAttendanceRow(in: db, path: store.path) { row in
                let (key, item) = try row.recordKey()
                if drops?.contains(key.drop) ?? true { whole.append("\(key) \(item) \(try row.fileID())") }
            }
            var read: [String] = []
            var reader = RecordKeyReader()
            var known = 0
            try TrustStore.forEachRecord(db, path: store.path, of: .attendance, drops: drops) { row, drop in
                let (key, item) = try reader.read(row, drop: drop)
                if drop != nil { known += 1 }
                let file = try row.int(DropCountsTable.readingTable(.attendance).recordColumns.count)
                read.append("\(key) \(item) \(file)")
            }
            #expect(known == read.count, "every drop's year and term read as a drop, so none is read again")
            return (whole, read)
        }
    }

    @Test("every row's key, item and file, for some drops and for all")
    func sameKeys() throws {
        try tests.withManyRows { store, rows in
            for drops: Set<DataDrop>? in [nil, [LoadErrorTests.drops[0]], Set(LoadErrorTests.drops[3...7])] {
                let (whole, read) = try keys(store, drops: drops)
                #expect(read == whole)
                #expect(read.count == (drops?.count ?? LoadErrorTests.drops.count) * 144)
            }
            #expect(try store.load(drops: [LoadErrorTests.drops[4]]).attendance.count == 144)
            #expect(try store.load().attendance.count == rows.count)
        }
    }

    @Test("a value that cannot be read names its column, in a drop asked for and in all")
    func errorsNameTheirColumns() throws {
        let spring = try Sample().spring
        for (edit, column, value) in [
            ("pupil_group = 'martians'", "pupil_group", "martians"),
            ("counts = '[1,'", "counts", "[1,"),
            ("item = 'x'", "item", "x"),
        ] {
            try tests.withOakInTwoDrops(
                "UPDATE drop_counts SET \(edit) WHERE kind = 'attendance' AND term = 'spring'"
            ) { store in
                for drops: Set<DataDrop>? in [nil, [spring]] {
                    #expect(
                        throws: StoreError.unreadableValue(
                            path: store.path, table: "attendance", column: column, value: value)
                    ) {
                        try store.load(drops: drops)
                    }
                }
            }
        }
    }

    @Test("a term this version cannot read is read from the row, and reported")
    func unknownTerm() throws {
        try tests.withOakInTwoDrops(
            "UPDATE drop_counts SET term = 'winter' WHERE kind = 'attendance' AND term = 'spring'"
        ) { store in
            tests.expectUnreadable(store, column: "term", value: "winter")
        }
    }
}

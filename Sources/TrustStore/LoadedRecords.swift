import Foundation
import Metrics

/// What `TrustStore.load` reads on its pipeline's thread (`RecordPipeline`): each kind's
/// records, in the order their rows were sent, and for each drop the latest time a file
/// with rows in it was ingested. Only the pipeline's thread touches it until the
/// pipeline has finished, which is why it may be `@unchecked Sendable`.
final class LoadedRecords: @unchecked Sendable {
    /// Every recorded file, by id.
    private let files: [Int: StoredFile]
    /// The records read so far, in their places in a trust's data.
    private var records = TrustData()
    /// For each drop, the latest time a file with rows in it was ingested.
    private(set) var latest: [DataDrop: Date] = [:]
    // Rows of one drop mostly share a file, so the time is looked up only when the file
    // changes.
    private var lastFile = -1
    private var lastDrop: DataDrop?

    /// Nothing read yet, of a store recording `files`.
    init(files: [Int: StoredFile]) {
        self.files = files
    }

    /// Reads a record of `Record`'s kind from each of `rows`, after those read before.
    func add<Record: DropRecord>(_: Record.Type, from rows: RecordRows) throws {
        // Taken out while rows are added, so that adding never copies the list.
        var list: [Record] = []
        swap(&list, &records[keyPath: Record.inData])
        defer { swap(&list, &records[keyPath: Record.inData]) }
        try rows.forEachRecord(Record.self) { record, file in
            list.append(record)
            note(record.drop, file)
        }
    }

    /// Makes room for `count` records of `Record`'s kind in all.
    func reserve<Record: DropRecord>(_: Record.Type, _ count: Int) {
        records[keyPath: Record.inData].reserveCapacity(count)
    }

    /// Puts the records of `Record`'s kind read into their place in `data`.
    func store<Record: DropRecord>(_: Record.Type, in data: inout TrustData) {
        data[keyPath: Record.inData] = records[keyPath: Record.inData]
    }

    private func note(_ drop: DataDrop, _ file: Int) {
        if file == lastFile, drop == lastDrop { return }
        lastFile = file
        lastDrop = drop
        guard let time = files[file]?.ingestedAt else { return }
        if let known = latest[drop], known >= time { return }
        latest[drop] = time
    }
}

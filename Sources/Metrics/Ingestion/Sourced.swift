/// A record with the place it was read from.
public struct Sourced<Record: Sendable>: Sendable {
    /// The record.
    public var record: Record
    /// The index of its file in `DropBatch.files`.
    public var file: Int
    /// The 1-based line its row starts on.
    public var line: Int

    /// Makes a sourced record.
    public init(_ record: Record, file: Int, line: Int) {
        self.record = record
        self.file = file
        self.line = line
    }
}

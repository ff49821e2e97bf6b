/// What was written to one CSV file.
public struct WrittenFile: Equatable, Sendable {
    /// The file's name, without its folder, such as `attendance.csv`.
    public var name: String
    /// Data rows written, not counting the header row.
    public var rows: Int
    /// Bytes written, header included.
    public var bytes: Int

    /// Creates a summary of one written file.
    public init(name: String, rows: Int, bytes: Int) {
        self.name = name
        self.rows = rows
        self.bytes = bytes
    }
}

/// A record with the place it was read from.
public struct Sourced<Record: Sendable>: Sendable {
    /// The record.
    public var record: Record
    /// The file index in the top 24 bits and the line in the low 40, in one word rather
    /// than two: a national batch holds one of these a row, 1.5 million of them.
    private var place: UInt64

    /// The index of its file in `DropBatch.files`.
    public var file: Int {
        get { Int(place >> Self.lineBits) }
        set { place = Self.place(file: newValue, line: line) }
    }

    /// The 1-based line its row starts on.
    public var line: Int {
        get { Int(place & Self.lineMask) }
        set { place = Self.place(file: file, line: newValue) }
    }

    /// Makes a sourced record.
    public init(_ record: Record, file: Int, line: Int) {
        self.record = record
        self.place = Self.place(file: file, line: line)
    }

    private static var lineBits: UInt64 { 40 }
    private static var lineMask: UInt64 { (1 << lineBits) - 1 }

    /// Packs a place. A batch cannot come near the limits (16,777,216 files, or a line
    /// past 2⁴⁰, in a file of a terabyte or more), so passing them is a bug in the caller.
    private static func place(file: Int, line: Int) -> UInt64 {
        precondition(
            file >= 0 && file < 1 << 24 && line >= 0 && UInt64(line) <= lineMask,
            "a sourced record's file index or line is out of range")
        return UInt64(file) << lineBits | UInt64(line)
    }
}

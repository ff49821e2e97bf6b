import Foundation

/// Writes one CSV file a field at a time, through a buffer, so that a file of any size needs
/// only a little memory.
///
/// Fields are written in order with `text(_:)`, `number(_:)`, `hundredths(_:)` and `empty()`;
/// `endRow()` closes a row. Text is quoted as RFC 4180 asks only when it holds a comma, a quote
/// or a line break. Lines end with LF. Numbers are written digit by digit, never through a
/// locale-dependent formatter. The writer is not copyable: it owns its file and buffer.
public struct CSVLineWriter: ~Copyable {
    /// Data rows finished so far, not counting the header.
    public private(set) var rows = 0

    private let path: String
    private let name: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var flushedBytes = 0
    private var atRowStart = true
    private let flushThreshold = 1 << 20

    /// Bytes written so far, header included, counting what is still in the buffer.
    public var bytes: Int { flushedBytes + buffer.count }

    /// Creates (or empties) the file at `url` and writes its header row.
    ///
    /// - Parameters:
    ///   - url: the file to write.
    ///   - header: the column names, in order.
    /// - Throws: `GeneratorError.cannotCreateFile` if the file cannot be opened.
    public init(url: URL, header: [String]) throws {
        path = url.path
        name = url.lastPathComponent
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw GeneratorError.cannotCreateFile(path: path)
        }
        self.handle = handle
        buffer.reserveCapacity(flushThreshold + 4096)
        for column in header {
            text(column)
        }
        atRowStart = true
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Appends a text field, quoting it when it holds a comma, a quote or a line break.
    public mutating func text(_ value: String) {
        separate()
        var needsQuotes = false
        for byte in value.utf8
        where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
        {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
            buffer.append(contentsOf: value.utf8)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            if byte == UInt8(ascii: "\"") {
                buffer.append(byte)
            }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends a whole number in plain digits, with a leading `-` when negative.
    public mutating func number(_ value: Int) {
        separate()
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
        }
        appendDigits(value.magnitude)
    }

    /// Appends a decimal number with exactly two places, given in hundredths: 4613 → `46.13`.
    public mutating func hundredths(_ value: Int) {
        decimal(value, places: 2)
    }

    /// Appends a decimal number given as a whole number of units of 10^-`places`:
    /// `decimal(553, places: 2)` → `5.53`, `decimal(-7, places: 2)` → `-0.07`,
    /// `decimal(61, places: 0)` → `61`. Places above 18 are treated as 18.
    public mutating func decimal(_ value: Int, places: Int) {
        let places = min(places, 18)
        separate()
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
        }
        guard places > 0 else {
            appendDigits(value.magnitude)
            return
        }
        var divisor: UInt = 1
        for _ in 0..<places {
            divisor *= 10
        }
        let magnitude = value.magnitude
        appendDigits(magnitude / divisor)
        buffer.append(UInt8(ascii: "."))
        var fraction = magnitude % divisor
        for _ in 0..<places {
            divisor /= 10
            buffer.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
        }
    }

    /// Appends an empty field: "not given" in an optional column.
    public mutating func empty() {
        separate()
    }

    /// Ends the current row, writing the buffer to disk when it has grown large.
    ///
    /// - Throws: `GeneratorError.writeFailed` if the disk write fails.
    public mutating func endRow() throws {
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
        rows += 1
        if buffer.count >= flushThreshold {
            try flush()
        }
    }

    /// Writes what is left in the buffer, closes the file and says what was written.
    ///
    /// - Throws: `GeneratorError.writeFailed` if the disk write or the close fails.
    public consuming func finish() throws -> WrittenFile {
        try flush()
        do {
            try handle.close()
        } catch {
            throw GeneratorError.writeFailed(path: path, reason: "\(error)")
        }
        return WrittenFile(name: name, rows: rows, bytes: flushedBytes)
    }

    private mutating func separate() {
        if atRowStart {
            atRowStart = false
        } else {
            buffer.append(UInt8(ascii: ","))
        }
    }

    private mutating func appendDigits(_ value: UInt) {
        var remaining = value
        var digitCount = 1
        var probe = remaining
        while probe >= 10 {
            probe /= 10
            digitCount += 1
        }
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digitCount))
        var index = start + digitCount - 1
        while index >= start {
            buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            index -= 1
        }
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw GeneratorError.writeFailed(path: path, reason: "\(error)")
        }
        flushedBytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

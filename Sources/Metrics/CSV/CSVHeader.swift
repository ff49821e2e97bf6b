/// The header of a CSV file, read from the file's first bytes, to tell which layout a
/// file has without reading all of it.
public enum CSVHeader {
    /// The names in the first record of `bytes` (the start of a file), trimmed of spaces
    /// and lower-cased; nil when the bytes are not text or hold no record.
    ///
    /// The names are read by the scanner that reads whole files, so a quoted name, with a
    /// comma, a doubled quote or a line break in it, reads as it does there. The bytes may
    /// stop anywhere after the header: a UTF-16 file cut in the middle of a character
    /// loses that half-character only.
    public static func names(_ bytes: [UInt8]) -> [String]? {
        var start = bytes
        let utf16 = start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF])
        if utf16, start.count % 2 == 1 { start.removeLast() }
        guard let text = try? CSVText(decoding: start) else { return nil }
        return text.utf8.withUnsafeBufferPointer { buffer -> [String]? in
            var scanner = CSVScanner(buffer)
            var fields: [CSVScanner.Field] = []
            var problems: [CSVScanner.Problem] = []
            guard scanner.next(into: &fields, problems: &problems) != nil else { return nil }
            return fields.map { field in
                var name = String(
                    decoding: UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]), as: UTF8.self)
                if field.hasDoubledQuotes { name = name.replacing("\"\"", with: "\"") }
                return name.trimmingSpaces.lowercased()
            }
        }
    }
}

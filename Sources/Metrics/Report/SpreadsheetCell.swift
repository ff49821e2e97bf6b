/// Writing one CSV cell so that a spreadsheet opens it as text, never as a formula.
public enum SpreadsheetCell {
    /// The cell written for CSV: a value starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return that is not a plain number gets a leading `'` so Excel does not run
    /// it as a formula; a value with a comma, quote or line break is quoted, with quotes
    /// doubled. Every other character is kept as it is.
    ///
    /// Characters are looked at as Unicode scalars, not `Character`s: CR LF is one
    /// `Character` in Swift, equal to neither "\r" nor "\n", and a name holding one was
    /// once written unquoted, breaking its row.
    public static func escape(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            !isPlainNumber(cell)
        {
            cell = "'" + cell
        }
        guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        else {
            return cell
        }
        var quoted = "\""
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// True for a decimal number as a spreadsheet reads one: an optional sign, digits with
    /// at most one point, and an optional exponent (`-0.35`, `+12`, `1e5`). Not `-inf`,
    /// `-nan` or `-0x1p3`, which Swift's `Double` reads as numbers but a spreadsheet
    /// takes for a formula.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var digits = 0
        var points = 0
        while let byte = bytes.first, isDigit(byte) || byte == UInt8(ascii: ".") {
            if isDigit(byte) { digits += 1 } else { points += 1 }
            bytes = bytes.dropFirst()
        }
        guard digits > 0, points <= 1 else { return false }
        guard let e = bytes.first else { return true }
        guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
        bytes = bytes.dropFirst()
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        return !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }
}

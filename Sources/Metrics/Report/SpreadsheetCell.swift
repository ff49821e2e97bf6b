/// Writing one CSV cell so that a spreadsheet opens it as text, never as a formula.
public enum SpreadsheetCell {
    /// The cell written for CSV: a value starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return that is not a number gets a leading `'` so Excel does not run it
    /// as a formula; a value with a comma, quote or line break is quoted, with quotes
    /// doubled.
    public static func escape(_ value: String) -> String {
        var cell = value
        if let first = cell.first, "=+-@\t\r".contains(first), Double(cell) == nil {
            cell = "'" + cell
        }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }
}

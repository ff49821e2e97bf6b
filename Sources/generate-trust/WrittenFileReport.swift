import TrustGenerator

/// Prints what was written: one line per file, then the totals.
enum WrittenFileReport {
    /// Prints rows and bytes of each file, aligned, and the totals.
    static func print(_ files: [WrittenFile], folder: String) {
        let width = max(files.map(\.name.count).max() ?? 0, "total".count)
        for file in files {
            Swift.print(line(file.name, rows: file.rows, bytes: file.bytes, width: width))
        }
        let rows = files.reduce(0) { $0 + $1.rows }
        let bytes = files.reduce(0) { $0 + $1.bytes }
        Swift.print(line("total", rows: rows, bytes: bytes, width: width))
        Swift.print("wrote \(files.count) files to \(folder)")
    }

    private static func line(_ name: String, rows: Int, bytes: Int, width: Int) -> String {
        let padding = String(repeating: " ", count: max(width - name.count, 0))
        return "\(name)\(padding)  \(grouped(rows)) rows  \(grouped(bytes)) bytes"
    }

    /// Writes a count with commas between thousands, whatever the locale: 1578240 → 1,578,240.
    private static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (position, character) in digits.enumerated() {
            if position > 0 && (digits.count - position) % 3 == 0 {
                result.append(",")
            }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }
}

import Foundation

/// A CSV file the generator wrote, read simply: no quoted fields, LF line ends. Each row
/// maps column names to values. Written apart from trustboard's reader, so that tests can
/// check one against the other.
struct PlainCSV {
    /// The data rows, in file order.
    var rows: [[String: String]] = []

    /// Reads the file at `url`.
    init(url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        guard let header = lines.first?.map(String.init) else { return }
        for fields in lines.dropFirst() {
            var row: [String: String] = [:]
            for (name, value) in zip(header, fields) { row[name] = String(value) }
            rows.append(row)
        }
    }

    /// Reads the file `name` in `folder`.
    init(_ folder: URL, _ name: String) throws {
        try self.init(url: folder.appendingPathComponent(name))
    }
}

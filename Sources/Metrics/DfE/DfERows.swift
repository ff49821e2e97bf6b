/// The data rows of a DfE file after its header, read by column name: blank rows are
/// skipped, and a row the CSV scanner found malformed is logged as an error and skipped,
/// so each reader sees only rows it can read.
struct DfERows {
    /// The header's names, trimmed and lower-cased.
    let header: [String]
    /// Field index of each column, by lower-case name; the first of a repeated name wins.
    let columns: [String: Int]

    /// Prepares to read the rows under `header`.
    init(header: [String]) {
        self.header = header
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil && !name.isEmpty {
            columns[name] = index
        }
        self.columns = columns
    }

    /// Calls `body` with each readable row and the 1-based line it starts on.
    ///
    /// - Returns: The data rows, malformed ones included and blank ones not.
    func forEach(
        _ bytes: UnsafeBufferPointer<UInt8>, scanner: inout CSVScanner, log: inout IssueLog,
        _ body: (DfERow, Int, inout IssueLog) -> Void
    ) -> Int {
        var fields: [CSVScanner.Field] = []
        var problems: [CSVScanner.Problem] = []
        var rows = 0
        while let line = scanner.next(into: &fields, problems: &problems) {
            let row = DfERow(bytes: bytes, columns: columns, fields: fields)
            if fields.allSatisfy({ row.isBlank($0) }) { continue }
            rows += 1
            guard problems.isEmpty else {
                for problem in problems {
                    let column = problem.field < header.count ? header[problem.field] : nil
                    log.error(line: problem.line, column: column, problem.message, fix: problem.fix)
                }
                problems.removeAll()
                continue
            }
            body(row, line, &log)
        }
        return rows
    }
}

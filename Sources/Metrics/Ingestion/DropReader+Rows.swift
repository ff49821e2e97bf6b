/// The loop over a file's rows, shared by the part of a file read on the calling thread
/// and the part read on another (`FilePart`).
extension DropReader {
    /// Where a row loop is, for progress and for giving back memory.
    struct RowCount {
        /// Rows read (blank lines not counted).
        var rows = 0
        /// Offset up to which the memory of the bytes read has been given back.
        var released = 0
    }

    /// Reads and checks rows from `scanner` into `batch` until it has read the record that
    /// reaches `end` (give the text's end to read all). Stops early at a record boundary
    /// only when it is `end` itself.
    static func readRows(
        _ scanner: inout CSVScanner, until end: Int, parser: inout DropFileParser, header: [String],
        into batch: inout DropBatch, count: inout RowCount, release: (Range<Int>) -> Void,
        progress: ((Int, Int) -> Void)?
    ) {
        var problems: [CSVScanner.Problem] = []
        // The scanner writes straight into the parser's field buffer, which is reused
        // from row to row without allocating.
        while scanner.position < end, let line = scanner.next(into: &parser.fields, problems: &problems) {
            // A blank line is skipped, unless the scanner found something wrong in it (a
            // quote left open, text after a closing quote): that is reported on its line.
            if problems.isEmpty, parser.fields.allSatisfy({ parser.trimmed($0).isEmpty }) { continue }
            count.rows += 1
            parser.begin(line: line)
            if !problems.isEmpty {
                for problem in problems {
                    let column = problem.field < header.count ? header[problem.field] : nil
                    parser.log.error(line: problem.line, column: column, problem.message, fix: problem.fix)
                }
                problems.removeAll()
                continue
            }
            if parser.fields.count != header.count {
                parser.log.error(
                    line: line,
                    "has \(parser.fields.count) values but the header has \(header.count) columns",
                    fix: "give every row one value per column; quote any value that holds a comma")
                continue
            }
            parser.readRow(into: &batch)
            if count.rows % 100_000 == 0, let progress { progress(count.rows, scanner.position) }
            // The rows read are records now: their bytes are not needed again.
            if scanner.position - count.released >= releaseEvery {
                release(count.released..<scanner.position)
                count.released = scanner.position
            }
        }
    }

    /// How many bytes are read between giving back the memory of those read.
    static let releaseEvery = 4 << 20
}

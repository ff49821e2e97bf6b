/// Writes report rows as CSV straight into bytes: a national-scale report has millions
/// of rows, and building a `String` per cell was most of its cost.
struct CSVRowWriter {
    /// The CSV written so far.
    var bytes: [UInt8] = []
    /// True once a text cell written holds a byte `TerminalText.report(bytes:)` may
    /// escape (a C0 control, line breaks and tab among them, DEL, or the first byte of a
    /// C1 control); false means `bytes` are as standard output wants them, as numbers and
    /// the fixed cells always are. A caller that writes bytes it did not write here
    /// (`ownerCells(_:)`) sets it from `mayChangeTerminal(_:)`.
    var mayChangeTerminal = false
    /// The last benchmark period written for an attendance KPI and for any other, as
    /// written: a period's text depends only on the benchmark's drop and on that, and
    /// making it was a tenth of a row's cost.
    private var attendancePeriod: (drop: DataDrop, cell: [UInt8])?
    private var otherPeriod: (drop: DataDrop, cell: [UInt8])?

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")

    /// Appends one row and its line break.
    mutating func append(_ row: ReportRow) {
        text(row.drop)
        bytes.append(Self.comma)
        text(row.urn)
        bytes.append(Self.comma)
        text(row.academy)
        bytes.append(Self.comma)
        text(row.phase)
        bytes.append(Self.comma)
        text(row.kpi)
        bytes.append(Self.comma)
        text(row.pupilGroup)
        bytes.append(Self.comma)
        text(row.yearGroup)
        bytes.append(Self.comma)
        // A row read back may hold any rating text, so it is written as text here.
        let cells = ReportCells(
            value: row.value, rating: .none, benchmark: row.benchmark,
            previous: row.previous, change: row.change, cohort: row.cohort,
            nationalPercentile: row.nationalPercentile, target: row.target,
            approximate: row.approximate,
            similarMedian: row.similarMedian, similarRank: row.similarRank,
            similarCount: row.similarCount, similarExpected: row.similarExpected,
            decimals: row.decimals)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.room) { room in
            var written = CellBytes(room)
            written.number(row.value, decimals: row.decimals)
            written.byte(Self.comma)
            bytes.append(contentsOf: written.written)
        }
        text(row.rating)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.room) { room in
            var written = CellBytes(room)
            Self.cellsAfterRating(cells, to: &written)
            bytes.append(contentsOf: written.written)
        }
        if let period = row.benchmarkPeriod { text(period) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.room) { room in
            var written = CellBytes(room)
            Self.cellsAfterPeriod(cells, to: &written)
            bytes.append(contentsOf: written.written)
        }
    }

    /// The columns one owner's rows share (drop, URN, name, phase), each followed by its
    /// comma, written once for all of that owner's rows.
    static func ownerCells(_ owner: ReportRow.Owner) -> [UInt8] {
        var writer = CSVRowWriter()
        for cell in [owner.drop, owner.urn, owner.academy, owner.phase] {
            writer.text(cell)
            writer.bytes.append(comma)
        }
        return writer.bytes
    }

    /// Each KPI's key as written, and its comma, by `KPI.index`.
    static let kpiCells = FixedCells(KPI.keys.map { cell($0) })
    /// Each pupil group as written, and its comma, by `PupilGroup.index`.
    static let groupCells = FixedCells(PupilGroup.allCases.map { cell($0.rawValue) })
    /// Each year group as written, and its comma, by `YearGroup.code`.
    static let yearCells = FixedCells(YearGroup.rawValues.map { cell($0) })

    private static func cell(_ value: String) -> [UInt8] {
        var writer = CSVRowWriter()
        writer.text(value)
        writer.bytes.append(comma)
        return writer.bytes
    }

    /// Room on the stack for the cells of a row after its owner's, but for the benchmark
    /// period: at most 7 fixed cells of under 40 bytes, 9 numbers of at most 23 bytes and
    /// 4 integers of at most 20, and their commas.
    private static let room = 512

    /// Room on the stack for the owner's cells (drop, URN, name and phase), which are
    /// written there with the rest of the row when they fit: with a name of up to about
    /// 200 bytes.
    private static let ownerRoom = 256

    /// Appends the row `ReportRow(rated, owner:)` (compared with `comparison`) writes,
    /// without making the row: the same cells (`ReportCells`), without a `String` copied
    /// per cell of millions of rows. `owner` is `ownerCells(_:)` of the row's owner.
    ///
    /// The row is written in at most two appends: the owner's cells and those up to the
    /// benchmark period's, written on the stack, and, after the period, the rest. Owner's
    /// cells too long for `ownerRoom` are appended first, on their own: each append to
    /// `bytes` was about 100 instructions besides its copy. The figure is taken `inout`
    /// only so that it is not copied (880 bytes) to be read, and its fields are read in
    /// place, not through a copy of its figure.
    mutating func append(
        _ rated: inout RatedFigure, owner: [UInt8], comparison: SimilarSchoolsComparison?
    ) {
        let ownerOnStack = owner.count <= Self.ownerRoom
        if !ownerOnStack { bytes.append(contentsOf: owner) }
        var cells = ReportCells(rated)
        cells.compare(with: comparison)
        let kpi = rated.figure.kpi.index
        let group = rated.figure.group.index
        let yearGroup = rated.figure.yearGroup.code
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.ownerRoom + Self.room) { room in
            var written = CellBytes(room)
            if ownerOnStack { owner.withUnsafeBufferPointer { written.append($0) } }
            written.append(Self.kpiCells[kpi])
            written.append(Self.groupCells[group])
            written.append(Self.yearCells[yearGroup])
            written.number(cells.value, decimals: cells.decimals)
            written.byte(Self.comma)
            written.plain(Self.ratingText(cells.rating))
            Self.cellsAfterRating(cells, to: &written)
            // The benchmark cell is empty exactly when there is no benchmark: asked of the
            // cell, as asking the rated figure copied its benchmark.
            if cells.benchmark == nil { Self.cellsAfterPeriod(cells, to: &written) }
            bytes.append(contentsOf: written.written)
        }
        guard cells.benchmark != nil, let match = rated.benchmark else { return }
        period(of: match)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.room) { room in
            var written = CellBytes(room)
            Self.cellsAfterPeriod(cells, to: &written)
            bytes.append(contentsOf: written.written)
        }
    }

    /// The rating cell's text: `RAGRating.rawValue`, none of which a cell escapes.
    private static func ratingText(_ rating: RAGRating) -> StaticString {
        switch rating {
        case .red: "red"
        case .amber: "amber"
        case .green: "green"
        case .none: "none"
        case .suppressed: "suppressed"
        }
    }

    /// Appends the benchmark period cell of `match`, `match.periodText` as `text(_:)`
    /// writes it: a phase mix's made afresh, an academy's benchmark's from the last one
    /// written for its drop and kind of KPI.
    private mutating func period(of match: BenchmarkMatcher.Match) {
        guard match.mix == nil else { return text(match.periodText) }
        let benchmark = match.benchmark
        let drop = benchmark.drop
        let attendance = benchmark.kpi.isAttendance
        if let known = attendance ? attendancePeriod : otherPeriod, known.drop == drop {
            bytes.append(contentsOf: known.cell)
            return
        }
        let start = bytes.count
        text(match.periodText)
        let cell = Array(bytes[start...])
        if attendance {
            attendancePeriod = (drop, cell)
        } else {
            otherPeriod = (drop, cell)
        }
    }

    /// True when `bytes` hold a byte `TerminalText.report(bytes:)` may escape (see
    /// `mayChangeTerminal`).
    static func mayChangeTerminal(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
    }

    /// Writes the comma after the rating and the cells from the benchmark to the benchmark
    /// period's comma.
    private static func cellsAfterRating(_ row: ReportCells, to cells: inout CellBytes) {
        cells.byte(Self.comma)
        cells.number(row.benchmark, decimals: row.decimals)
        cells.byte(Self.comma)
        cells.number(row.previous, decimals: row.decimals)
        cells.byte(Self.comma)
        cells.number(row.change, decimals: row.decimals)
        cells.byte(Self.comma)
        if let cohort = row.cohort { cells.integer(cohort) }
        cells.byte(Self.comma)
        if let percentile = row.nationalPercentile { cells.integer(percentile) }
        cells.byte(Self.comma)
        cells.number(row.target, decimals: row.decimals)
        cells.byte(Self.comma)
        if let approximate = row.approximate {
            if approximate { cells.plain("true") } else { cells.plain("false") }
        }
        cells.byte(Self.comma)
    }

    /// Writes the cells after the benchmark period, and the line break.
    private static func cellsAfterPeriod(_ row: ReportCells, to cells: inout CellBytes) {
        cells.byte(Self.comma)
        cells.number(row.similarMedian, decimals: row.decimals)
        cells.byte(Self.comma)
        if let rank = row.similarRank { cells.integer(rank) }
        cells.byte(Self.comma)
        if let count = row.similarCount { cells.integer(count) }
        cells.byte(Self.comma)
        cells.number(row.similarExpected, decimals: row.decimals)
        cells.byte(Self.newline)
    }

    /// Appends a text cell, escaped as `SpreadsheetCell.escape` does.
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            guard let first = utf8.first else { return }
            if !mayChangeTerminal, Self.mayChangeTerminal(utf8) { mayChangeTerminal = true }
            var needsQuotes = false
            for byte in utf8 where byte == Self.comma || byte == Self.quote || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
            let risky =
                first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
            if risky || needsQuotes {
                bytes.append(contentsOf: SpreadsheetCell.escape(String(decoding: utf8, as: UTF8.self)).utf8)
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }
}

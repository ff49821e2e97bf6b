/// Writes report rows as CSV straight into bytes: a national-scale report has millions
/// of rows, and building a `String` per cell was most of its cost.
struct CSVRowWriter {
    /// The CSV written so far.
    var bytes: [UInt8] = []

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
        figureCells(
            ReportCells(
                value: row.value, rating: row.rating, benchmark: row.benchmark,
                previous: row.previous, change: row.change, cohort: row.cohort,
                nationalPercentile: row.nationalPercentile, target: row.target,
                approximate: row.approximate, benchmarkPeriod: row.benchmarkPeriod,
                similarMedian: row.similarMedian, similarRank: row.similarRank,
                similarCount: row.similarCount, similarExpected: row.similarExpected,
                decimals: row.decimals))
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

    /// Each KPI's key as written, by `KPI.index`.
    private static let kpiCells: [[UInt8]] = KPI.keys.map { cell($0) }
    /// Each pupil group as written, by `PupilGroup.index`.
    private static let groupCells: [[UInt8]] = PupilGroup.allCases.map { cell($0.rawValue) }
    /// Each year group as written, by `YearGroup.code`.
    private static let yearCells: [[UInt8]] = YearGroup.rawValues.map { cell($0) }

    private static func cell(_ value: String) -> [UInt8] {
        var writer = CSVRowWriter()
        writer.text(value)
        return writer.bytes
    }

    /// Appends the row `ReportRow(rated, owner:)` (compared with `comparison`) writes,
    /// without making the row: the same cells (`ReportCells`), without a `String` copied
    /// per cell of millions of rows. `owner` is
    /// `ownerCells(_:)` of the row's owner.
    mutating func append(
        _ rated: RatedFigure, owner: [UInt8], comparison: SimilarSchoolsComparison?
    ) {
        let figure = rated.figure
        bytes.append(contentsOf: owner)
        bytes.append(contentsOf: Self.kpiCells[figure.kpi.index])
        bytes.append(Self.comma)
        bytes.append(contentsOf: Self.groupCells[figure.group.index])
        bytes.append(Self.comma)
        bytes.append(contentsOf: Self.yearCells[figure.yearGroup.code])
        bytes.append(Self.comma)
        var cells = ReportCells(rated)
        cells.compare(with: comparison)
        figureCells(cells)
    }

    /// Appends the cells from the value on, and the line break.
    private mutating func figureCells(_ row: ReportCells) {
        number(row.value, decimals: row.decimals)
        bytes.append(Self.comma)
        text(row.rating)
        bytes.append(Self.comma)
        number(row.benchmark, decimals: row.decimals)
        bytes.append(Self.comma)
        number(row.previous, decimals: row.decimals)
        bytes.append(Self.comma)
        number(row.change, decimals: row.decimals)
        bytes.append(Self.comma)
        if let cohort = row.cohort { integer(cohort) }
        bytes.append(Self.comma)
        if let percentile = row.nationalPercentile { integer(percentile) }
        bytes.append(Self.comma)
        number(row.target, decimals: row.decimals)
        bytes.append(Self.comma)
        if let approximate = row.approximate {
            bytes.append(contentsOf: (approximate ? "true" : "false").utf8)
        }
        bytes.append(Self.comma)
        if let period = row.benchmarkPeriod { text(period) }
        bytes.append(Self.comma)
        number(row.similarMedian, decimals: row.decimals)
        bytes.append(Self.comma)
        if let rank = row.similarRank { integer(rank) }
        bytes.append(Self.comma)
        if let count = row.similarCount { integer(count) }
        bytes.append(Self.comma)
        number(row.similarExpected, decimals: row.decimals)
        bytes.append(Self.newline)
    }

    /// Appends a text cell, escaped as `SpreadsheetCell.escape` does.
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            guard let first = utf8.first else { return }
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

    /// Appends a number with exactly `decimals` places, or nothing for nil.
    mutating func number(_ value: Double?, decimals: Int) {
        guard let value else { return }
        let scale: Int64 = decimals == 2 ? 100 : decimals == 0 ? 1 : 10
        let scaled = Int64((value * Double(scale)).rounded(.toNearestOrAwayFromZero))
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = scaled.magnitude
        integer(Int(magnitude / UInt64(scale)))
        guard decimals > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        let fraction = Int(magnitude % UInt64(scale))
        if decimals == 2, fraction < 10 { bytes.append(UInt8(ascii: "0")) }
        integer(fraction)
    }

    /// Appends a whole number of 0 or more.
    mutating func integer(_ value: Int) {
        if value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + value))
            return
        }
        // Ten digits are written from the stack; a longer number, rare, as text. (Before,
        // its last ten digits were written and then the whole number after them.)
        guard value < 10_000_000_000 else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0, count < 10 {
                buffer[count] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}

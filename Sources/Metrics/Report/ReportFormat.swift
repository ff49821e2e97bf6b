import Foundation

/// The formats `trustboard report` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case csv
    case json

    /// The CSV header: exactly these columns, in this order.
    public static let csvColumns = [
        "drop", "urn", "academy", "phase", "kpi", "pupil_group", "year_group", "value", "rating", "benchmark",
        "previous", "change", "cohort", "national_percentile", "target", "approximate", "benchmark_period",
        "similar_median", "similar_rank", "similar_count", "similar_expected",
    ]

    /// Writes `rows` in this format. `title` heads the text and markdown forms.
    public func write(_ rows: [ReportRow], title: String) -> String {
        switch self {
        case .csv: Self.csv(rows)
        case .json: Self.json(rows)
        case .markdown: Self.markdown(rows, title: title)
        case .text: Self.text(rows, title: title)
        }
    }

    static func csv(_ rows: [ReportRow]) -> String {
        var writer = CSVRowWriter()
        writer.bytes.append(contentsOf: (csvColumns.joined(separator: ",") + "\n").utf8)
        for row in rows { writer.append(row) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func json(_ rows: [ReportRow]) -> String {
        guard !rows.isEmpty else { return jsonOfNoRows }
        return "[\n" + String(decoding: jsonObjects(rows), as: UTF8.self) + "\n]\n"
    }

    /// The JSON form of a report without rows, as `JSONEncoder` writes an empty list.
    static let jsonOfNoRows: String = {
        guard let data = try? jsonEncoder().encode([ReportRow]()) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }()

    /// The encoder of the JSON form: indented, keys in order, slashes as they are.
    private static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `rows` as they stand in the JSON form's list, as UTF-8: each row's object as
    /// `JSONEncoder` writes a list's members, and a comma and a line break between them
    /// (`JSONRowWriter`). The list is written a batch of rows at a time
    /// (`TrustReport.write(_:forTerminal:to:)`): encoded whole, a national report took
    /// 8.7 GB.
    static func jsonObjects(_ rows: [ReportRow]) -> [UInt8] {
        var writer = JSONRowWriter()
        for row in rows { writer.append(row) }
        return writer.bytes
    }

    /// The text form's columns, before the similar-schools column (`similarHeading`).
    static let headings = [
        "Academy", "URN", "KPI", "Group", "Year", "Value", "Rating", "Benchmark", "Previous", "Change",
        "Cohort", "Better than", "Target", "Benchmark period",
    ]

    /// The heading of the similar-schools column, written only when a row has a
    /// comparison, so reports of trusts without similar schools read as before.
    static let similarHeading = "Similar schools"

    /// A row's cells in the text and markdown forms, the similar-schools phrase last: the
    /// value marked `≈` when approximate, and a DfE `SUPP` rated "suppressed by the DfE".
    private static func cells(_ row: ReportRow) -> [String] {
        let value =
            row.rating == "suppressed" ? "SUPP" : (row.approximate == true ? "≈" : "") + row.text(row.value)
        return [
            row.academy, row.urn, row.kpi, row.pupilGroup, row.yearGroup, value,
            row.suppressedByDfE ? "suppressed by the DfE" : row.rating, row.benchmarkText(),
            row.text(row.previous), row.change.map { $0 > 0 ? "+" + row.text($0) : row.text($0) } ?? "",
            row.cohort.map(String.init) ?? "", row.nationalPercentile.map { "\($0)%" } ?? "",
            row.text(row.target),
            row.benchmarkPeriod ?? "", row.similarText,
        ]
    }

    /// A row's cells in the text form, each one line (`ReportCell.text`), the
    /// similar-schools phrase last.
    static func textCells(_ row: ReportRow) -> [String] {
        cells(row).map(ReportCell.text)
    }

    /// The note under the text and markdown tables when a value is marked `≈`.
    static let approximateNote =
        "≈ marks a trust-wide percentage that is approximate: for some academies the DfE's rounded "
        + "percentage and cohort do not fix the count of pupils, so their percentages are weighted by pupils "
        + "rather than counted."

    static func markdown(_ rows: [ReportRow], title: String) -> String {
        let layout = ReportLayout(rows, measuringWidths: false)
        return markdownHead(title: title, layout) + rows.map { markdownLine($0, layout) }.joined()
            + markdownTail(layout)
    }

    /// The markdown form's title and table head.
    static func markdownHead(title: String, _ layout: ReportLayout) -> String {
        let headings = layout.headings
        return "# \(ReportCell.markdown(title))\n\n" + "| " + headings.joined(separator: " | ") + " |\n"
            + "|" + headings.map { _ in "---" }.joined(separator: "|") + "|\n"
    }

    /// One row of the markdown table.
    static func markdownLine(_ row: ReportRow, _ layout: ReportLayout) -> String {
        "| " + cells(row).prefix(layout.headings.count).map(ReportCell.markdown).joined(separator: " | ")
            + " |\n"
    }

    /// The notes under the markdown table.
    static func markdownTail(_ layout: ReportLayout) -> String {
        layout.notes.map { "\n" + ReportCell.markdown($0) + "\n" }.joined()
    }

    /// The text form: one line per row, every cell made one line by `ReportCell.text` and
    /// padded by display width, so columns line up whatever the names hold.
    static func text(_ rows: [ReportRow], title: String) -> String {
        let layout = ReportLayout(rows)
        return textHead(title: title, layout) + rows.map { textLine($0, layout) }.joined() + textTail(layout)
    }

    /// The text form's title and headings.
    static func textHead(title: String, _ layout: ReportLayout) -> String {
        ReportCell.text(title) + "\n\n" + textLine(cells: layout.headings, layout)
    }

    /// One row of the text form.
    static func textLine(_ row: ReportRow, _ layout: ReportLayout) -> String {
        textLine(cells: Array(textCells(row).prefix(layout.headings.count)), layout)
    }

    /// One line of the text form: `cells` padded to the columns' widths, numbers to the
    /// right, with no space at the end.
    private static func textLine(cells: [String], _ layout: ReportLayout) -> String {
        let headings = layout.headings
        let widths = layout.textWidths
        var text = ""
        text.reserveCapacity(widths.reduce(2 * widths.count, +))
        for (index, cell) in cells.enumerated() {
            if index > 0 { text += "  " }
            let numeric =
                index >= 5 && index != 6 && headings[index] != "Benchmark period"
                && headings[index] != similarHeading
            // `DisplayWidth.pad`, measuring the cell once: a national report pads 50
            // million cells.
            let gap = widths[index] - DisplayWidth.of(cell)
            guard gap >= 0 else {
                text += DisplayWidth.pad(cell, to: widths[index], right: numeric)
                continue
            }
            if !numeric { text += cell }
            text += gap < gaps.count ? gaps[gap] : String(repeating: " ", count: gap)
            if numeric { text += cell }
        }
        return withoutSpacesAtTheEnd(text) + "\n"
    }

    /// Gaps to pad cells with, by their width.
    private static let gaps = (0..<128).map { String(repeating: " ", count: $0) }

    /// `text` without the spaces at its end, character by character. Cut as bytes where
    /// what is left ends in ASCII, which never joins the space after it into one
    /// character: removing a national report's padding one character at a time took a
    /// tenth of its text form.
    private static func withoutSpacesAtTheEnd(_ text: String) -> String {
        let utf8 = text.utf8
        guard let last = utf8.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
        if utf8[last] < 0x80 { return String(text[...last]) }
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The notes under the text table.
    static func textTail(_ layout: ReportLayout) -> String {
        layout.notes.map { "\n" + ReportCell.text($0) + "\n" }.joined()
    }
}

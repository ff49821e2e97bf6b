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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(rows) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static let headings = [
        "Academy", "URN", "KPI", "Group", "Year", "Value", "Rating", "Benchmark", "Previous", "Change",
        "Cohort", "Better than", "Target", "Benchmark period",
    ]

    /// The heading of the similar-schools column, written only when a row has a
    /// comparison, so reports of trusts without similar schools read as before.
    private static let similarHeading = "Similar schools"

    /// The headings for `rows`.
    private static func headings(for rows: [ReportRow]) -> [String] {
        rows.contains { $0.similarRank != nil || $0.similarExpected != nil }
            ? headings + [similarHeading] : headings
    }

    /// A row's cells for `headings`.
    private static func cells(_ row: ReportRow, _ headings: [String]) -> [String] {
        let cells = cells(row)
        return headings.count > cells.count ? cells + [row.similarText] : cells
    }

    /// A row's cells in the text and markdown forms: the value marked `≈` when
    /// approximate, and a DfE `SUPP` rated "suppressed by the DfE".
    private static func cells(_ row: ReportRow) -> [String] {
        let value =
            row.rating == "suppressed" ? "SUPP" : (row.approximate == true ? "≈" : "") + row.text(row.value)
        return [
            row.academy, row.urn, row.kpi, row.pupilGroup, row.yearGroup, value,
            row.suppressedByDfE ? "suppressed by the DfE" : row.rating, row.benchmarkText(),
            row.text(row.previous), row.change.map { $0 > 0 ? "+" + row.text($0) : row.text($0) } ?? "",
            row.cohort.map(String.init) ?? "", row.nationalPercentile.map { "\($0)%" } ?? "",
            row.text(row.target),
            row.benchmarkPeriod ?? "",
        ]
    }

    /// The note under the text and markdown tables when a value is marked `≈`.
    static let approximateNote =
        "≈ marks a trust-wide percentage that is approximate: for some academies the DfE's rounded "
        + "percentage and cohort do not fix the count of pupils, so their percentages are weighted by pupils "
        + "rather than counted."

    /// The notes under the text and markdown tables.
    private static func notes(_ rows: [ReportRow]) -> [String] {
        leftOutNotes(rows) + (rows.contains { $0.approximate == true } ? [approximateNote] : [])
    }

    static func markdown(_ rows: [ReportRow], title: String) -> String {
        let headings = headings(for: rows)
        var out = "# \(ReportCell.markdown(title))\n\n"
        out += "| " + headings.joined(separator: " | ") + " |\n"
        out += "|" + headings.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows {
            out += "| " + cells(row, headings).map(ReportCell.markdown).joined(separator: " | ") + " |\n"
        }
        return out + notes(rows).map { "\n" + ReportCell.markdown($0) + "\n" }.joined()
    }

    /// One note for each set of academies left out of trust-wide figures, naming the
    /// KPIs: "Trust-wide absence_rate, attendance_rate leave out A (100001), B (100002):
    /// …".
    static func leftOutNotes(_ rows: [ReportRow]) -> [String] {
        var kpis: [[String]: [String]] = [:]
        var order: [[String]] = []
        for row in rows where !row.leftOut.isEmpty {
            if kpis[row.leftOut] == nil { order.append(row.leftOut) }
            let name = row.pupilGroup == "all" ? row.kpi : "\(row.kpi) (\(row.pupilGroup))"
            if kpis[row.leftOut]?.contains(name) != true { kpis[row.leftOut, default: []].append(name) }
        }
        return order.map { academies in
            let names = kpis[academies] ?? []
            return "Trust-wide \(names.joined(separator: ", ")) leave\(names.count == 1 ? "s" : "") out "
                + "\(academies.joined(separator: ", ")): the DfE published their figures as rates without "
                + "pupil numbers (or as SUPP), and rates cannot be averaged."
        }
    }

    /// The text form: one line per row, every cell made one line by `ReportCell.text` and
    /// padded by display width, so columns line up whatever the names hold.
    static func text(_ rows: [ReportRow], title: String) -> String {
        let headings = headings(for: rows)
        let table = [headings] + rows.map { cells($0, headings).map(ReportCell.text) }
        var widths = headings.map { _ in 0 }
        for line in table {
            for (index, cell) in line.enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        widths[0] = min(widths[0], 36)
        var out = ReportCell.text(title) + "\n\n"
        for line in table {
            var parts: [String] = []
            for (index, cell) in line.enumerated() {
                let numeric =
                    index >= 5 && index != 6 && headings[index] != "Benchmark period"
                    && headings[index] != similarHeading
                parts.append(DisplayWidth.pad(cell, to: widths[index], right: numeric))
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            out += text + "\n"
        }
        return out + notes(rows).map { "\n" + ReportCell.text($0) + "\n" }.joined()
    }
}

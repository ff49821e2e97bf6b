import Foundation

extension RatingChanges {
    /// The CSV header of `trustboard report --changes`: exactly these columns, in this
    /// order. `significant` is `yes` when the change is larger than the two groups' sizes
    /// make likely by chance, `no` when it could be chance, and empty when it was not
    /// tested (see `ChangeSignificance`).
    public static let csvColumns = [
        "drop", "urn", "academy", "kpi", "pupil_group", "year_group", "compared_with", "old_value",
        "old_rating", "new_value", "new_rating", "change", "significant",
    ]

    /// The title of the text and markdown forms: "Test Learning Trust: what changed in
    /// 2025/26 spring", or the academy's name for one academy's changes.
    public var title: String { "\(academy?.name ?? trustName): what changed in \(drop)" }

    /// The line written when nothing changed: "No rating changed since 2025/26 autumn or
    /// 2024/25 spring.", or, with no earlier data to compare with, which drops were looked
    /// for (in autumn only last autumn: last summer is another school year). A drop with
    /// data that a pandemic year keeps apart is named with the reason (`pandemicNote`),
    /// never as a drop since which nothing changed; so is a drop with no figure rated, or
    /// the selected drop itself with none (`nothingChanged(since:)`).
    public var emptyMessage: String {
        guard !comparedDrops.isEmpty else {
            let pandemic = RatingChange.Comparison.wouldNotBeCompared(lastYearDrop, with: drop)
            guard RatingChange.Comparison.previousDrop.isLikeForLike(for: drop) else {
                return "No data for \(lastYearDrop) to compare with (\(previousDrop) is another school year)."
                    + pandemic
            }
            return "No data for \(previousDrop) or \(lastYearDrop) to compare with." + pandemic
        }
        let compared = fairlyComparedDrops
        guard !compared.isEmpty else { return pandemicNote ?? "" }
        let message = nothingChanged(since: compared)
        guard let pandemicNote else { return message }
        return message + " " + pandemicNote
    }

    /// The list written in `format`, for `trustboard report --changes`.
    ///
    /// CSV has the columns of `csvColumns`, one line per change in listing order, the
    /// trust's lines with `urn` `trust`, text cells made safe for spreadsheets with
    /// `SpreadsheetCell.escape`, values with the KPI's decimals and the change with its
    /// sign only when negative. Every line is written, `absence_rate` lines that mirror
    /// `attendance_rate` ones included. JSON is an array of objects with the same keys
    /// (and `old_drop` and `band`). Text and markdown give one table per band under its
    /// heading, the test's verdict in words in the last column, or `emptyMessage`.
    public func write(format: ReportFormat) -> String {
        switch format {
        case .csv: csv()
        case .json: json()
        case .markdown: markdown()
        case .text: text()
        }
    }

    private func csv() -> String {
        var out = Self.csvColumns.joined(separator: ",") + "\n"
        for change in changes {
            let cells = [
                change.drop.key, change.owner.urn?.description ?? "trust", change.name, change.kpi.key,
                change.group.rawValue, change.yearGroup.rawValue, change.comparedWith.rawValue,
                Self.number(change.oldValue, change.kpi), change.oldRating.rawValue,
                Self.number(change.newValue, change.kpi), change.newRating.rawValue,
                Self.number(change.change, change.kpi), change.significance.verdict.rawValue,
            ]
            out += cells.map(SpreadsheetCell.escape).joined(separator: ",") + "\n"
        }
        return out
    }

    /// One change as JSON sees it: the CSV's columns as numbers and strings.
    private struct JSONLine: Encodable {
        let drop: String
        let urn: String
        let academy: String
        let kpi: String
        let pupilGroup: String
        let yearGroup: String
        let comparedWith: String
        let oldDrop: String
        let oldValue: Double
        let oldRating: String
        let newValue: Double
        let newRating: String
        let change: Double
        let band: String
        let significant: String

        enum CodingKeys: String, CodingKey {
            case drop, urn, academy, kpi, change, band, significant
            case pupilGroup = "pupil_group"
            case yearGroup = "year_group"
            case comparedWith = "compared_with"
            case oldDrop = "old_drop"
            case oldValue = "old_value"
            case oldRating = "old_rating"
            case newValue = "new_value"
            case newRating = "new_rating"
        }

        init(_ change: RatingChange) {
            drop = change.drop.key
            urn = change.owner.urn?.description ?? "trust"
            academy = change.name
            kpi = change.kpi.key
            pupilGroup = change.group.rawValue
            yearGroup = change.yearGroup.rawValue
            comparedWith = change.comparedWith.rawValue
            oldDrop = change.oldDrop.key
            oldValue = change.oldValue
            oldRating = change.oldRating.rawValue
            newValue = change.newValue
            newRating = change.newRating.rawValue
            self.change = change.change
            band = Self.bandKey(change.band)
            significant = change.significance.verdict.rawValue
        }

        static func bandKey(_ band: RatingChange.Band) -> String {
            switch band {
            case .turnedRed: "turned_red"
            case .redAndWorse: "red_and_worse"
            case .nowAmber: "now_amber"
            case .improved: "improved"
            }
        }
    }

    private func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(changes.map(JSONLine.init)) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static let headings = [
        "Academy", "URN", "KPI", "Group", "Year", "Against", "Was", "Rating", "Now", "Rating", "Change",
        "Chance",
    ]

    /// Which columns the text form aligns right.
    private static let numeric: Set<Int> = [6, 8, 10]

    private static func cells(_ change: RatingChange) -> [String] {
        [
            change.name, change.owner.urn?.description ?? "trust", change.kpi.label(in: change.yearGroup),
            change.group.label,
            change.yearGroup.description, change.comparedWith.label + " (\(change.oldDrop))",
            number(change.oldValue, change.kpi), change.oldRating.word, number(change.newValue, change.kpi),
            change.newRating.word, DisplayRounding.signed(change.change, for: change.kpi),
            change.significance.verdict.words,
        ]
    }

    private func markdown() -> String {
        var out = "# \(ReportCell.markdown(title))\n\n"
        guard !changes.isEmpty else { return out + emptyMessage + "\n" }
        for band in RatingChange.Band.allCases {
            let lines = changes(in: band)
            guard !lines.isEmpty else { continue }
            out += "## \(band.title) (\(lines.count))\n\n"
            out += "| " + Self.headings.joined(separator: " | ") + " |\n"
            out += "|" + Self.headings.map { _ in "---" }.joined(separator: "|") + "|\n"
            for change in lines {
                let cells = Self.cells(change).map(ReportCell.markdown)
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        return out
    }

    private func text() -> String {
        var out = ReportCell.text(title) + "\n\n"
        guard !changes.isEmpty else { return out + emptyMessage + "\n" }
        // One set of column widths for every band, so the tables line up down the page;
        // cells are made one line (`ReportCell.text`) and measured in display columns.
        let table = changes.map { Self.cells($0).map(ReportCell.text) }
        var widths = Self.headings.map(DisplayWidth.of)
        for line in table {
            for (index, cell) in line.enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        widths[0] = min(widths[0], 36)
        func write(_ line: [String]) -> String {
            let parts = line.enumerated().map { index, cell in
                DisplayWidth.pad(cell, to: widths[index], right: Self.numeric.contains(index))
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        var first = true
        for band in RatingChange.Band.allCases {
            let lines = changes(in: band)
            guard !lines.isEmpty else { continue }
            if !first { out += "\n" }
            first = false
            out += "\(band.title) (\(lines.count))\n"
            out += write(Self.headings)
            for change in lines { out += write(Self.cells(change).map(ReportCell.text)) }
        }
        return out
    }

    private static func number(_ value: Double, _ kpi: KPI) -> String {
        DisplayRounding.text(value, for: kpi)
    }
}

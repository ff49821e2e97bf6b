/// What the text and markdown forms of a report must know of every row before they write
/// the first line or after the last: whether any row has a similar-schools phrase (which
/// adds a column), how wide each column of the text form is, and the notes under the table.
///
/// It is worked out a batch of rows at a time and the batches merged in order
/// (`merge(_:)`), so a report of a national drop (3.5 million rows) is read through once
/// for it and again to write, and never held whole: held as rows, the text form of one
/// took 3.4 GB.
struct ReportLayout: Sendable {
    /// The display width of each column's widest cell in the text form, its heading
    /// included: the columns of `ReportFormat.headings`, then the similar-schools column,
    /// which is written only when `hasSimilar`.
    private var widths: [Int]
    /// True when a row has a similar-schools phrase (`ReportRow.similarText`).
    private(set) var hasSimilar = false
    /// True when a row's value is approximate (`ReportRow.approximate`).
    private var hasApproximate = false
    /// Each set of academies left out of trust-wide figures, in the order first met, with
    /// the KPIs (and pupil groups) that leave them out, in the same order.
    private var leftOut: [(academies: [String], kpis: [String])] = []

    /// False for the markdown form, which does not pad its cells: its rows' widths are not
    /// measured, and `textWidths` are the headings'.
    private let measuresWidths: Bool

    /// The layout of no rows: the headings' widths alone.
    init(measuringWidths: Bool = true) {
        widths = (ReportFormat.headings + [ReportFormat.similarHeading]).map(DisplayWidth.of)
        measuresWidths = measuringWidths
    }

    /// The layout of `rows`.
    init(_ rows: [ReportRow], measuringWidths: Bool = true) {
        self.init(measuringWidths: measuringWidths)
        for row in rows { add(row) }
    }

    /// Takes `row` in, after the rows already taken.
    mutating func add(_ row: ReportRow) {
        if measuresWidths {
            for (index, cell) in ReportFormat.textCells(row).enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        if row.similarRank != nil || row.similarExpected != nil { hasSimilar = true }
        if row.approximate == true { hasApproximate = true }
        guard !row.leftOut.isEmpty else { return }
        let name = row.pupilGroup == "all" ? row.kpi : "\(row.kpi) (\(row.pupilGroup))"
        add(leftOut: row.leftOut, kpis: [name])
    }

    /// Takes in the layout of rows that come after every row taken so far.
    mutating func merge(_ later: ReportLayout) {
        widths = zip(widths, later.widths).map(max)
        hasSimilar = hasSimilar || later.hasSimilar
        hasApproximate = hasApproximate || later.hasApproximate
        for (academies, kpis) in later.leftOut { add(leftOut: academies, kpis: kpis) }
    }

    /// Notes that `kpis` leave out `academies`.
    private mutating func add(leftOut academies: [String], kpis: [String]) {
        let index =
            leftOut.firstIndex { $0.academies == academies }
            ?? {
                leftOut.append((academies, []))
                return leftOut.count - 1
            }()
        for kpi in kpis where !leftOut[index].kpis.contains(kpi) { leftOut[index].kpis.append(kpi) }
    }

    /// The columns written: the similar-schools column only when a row has a phrase for it.
    var headings: [String] {
        hasSimilar ? ReportFormat.headings + [ReportFormat.similarHeading] : ReportFormat.headings
    }

    /// The width each column of `headings` is padded to in the text form: the academy's
    /// name at most 36, as a longer one is left to run on.
    var textWidths: [Int] {
        var widths = Array(widths.prefix(headings.count))
        widths[0] = min(widths[0], 36)
        return widths
    }

    /// The notes under the table: one for each set of academies left out of trust-wide
    /// figures, naming the KPIs ("Trust-wide absence_rate, attendance_rate leave out A
    /// (100001), B (100002): …"), and one on approximate values when a row has one.
    var notes: [String] {
        let leftOutNotes = leftOut.map { academies, kpis in
            "Trust-wide \(kpis.joined(separator: ", ")) leave\(kpis.count == 1 ? "s" : "") out "
                + "\(academies.joined(separator: ", ")): the DfE published their figures as rates without "
                + "pupil numbers (or as SUPP), and rates cannot be averaged."
        }
        return leftOutNotes + (hasApproximate ? [ReportFormat.approximateNote] : [])
    }
}

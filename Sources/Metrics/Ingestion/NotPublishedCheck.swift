/// Warns about figures for a measure in a year the measure does not exist, such as
/// Progress 8 for 2024/25 (see `KPI.notPublishedReason(in:)`): they are stored and shown,
/// but never rated.
///
/// One warning for each file and year, on the first such row's line, with how many rows
/// there are: a file of every pupil group would otherwise give a warning per row.
struct NotPublishedCheck {
    /// What is counted for one file, year and KPI.
    private struct Place: Hashable {
        let file: Int
        let year: AcademicYear
        let kpi: KPI
    }

    /// The warnings for `batch`, each with the index of its file.
    static func warnings(in batch: DropBatch) -> [(file: Int, issue: DropIssue)] {
        var found: [Place: (line: Int, rows: Int, column: String?)] = [:]
        func note(_ kpi: KPI, _ drop: DataDrop, file: Int, line: Int, column: String?) {
            guard kpi.notPublishedReason(in: drop.year) != nil else { return }
            let place = Place(file: file, year: drop.year, kpi: kpi)
            let seen = found[place]
            found[place] = (min(seen?.line ?? line, line), (seen?.rows ?? 0) + 1, column)
        }
        for row in batch.scores where row.record.measure == .progress8 {
            note(
                .score(row.record.measure), row.record.drop, file: row.file, line: row.line, column: "measure"
            )
        }
        for row in batch.published where row.record.kpi == .score(.progress8) {
            note(row.record.kpi, row.record.drop, file: row.file, line: row.line, column: nil)
        }
        return found.sorted { ($0.key.file, $0.value.line) < ($1.key.file, $1.value.line) }.compactMap {
            place, seen in
            guard let reason = place.kpi.notPublishedReason(in: place.year) else { return nil }
            let rows = seen.rows == 1 ? "1 row" : "\(seen.rows) rows, the first on this line"
            let issue = DropIssue(
                .warning, file: batch.files[place.file].name, line: seen.line, column: seen.column,
                value: seen.column == nil ? nil : place.kpi.key, problem: "\(reason) (\(rows))",
                fix: "the figures are stored and shown, but never rated")
            return (place.file, issue)
        }
    }
}

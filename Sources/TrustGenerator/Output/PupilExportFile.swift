import Foundation

/// The open pupil-level export (`pupil_attendance`) of one data drop: one row per pupil of
/// every academy that sends exports, year to date, as an MIS writes it.
///
/// Rows are written from a drop's `DropTally` whose simulation kept its pupils' rows. Present
/// sessions are the possible ones not missed (the sample has no approved educational activity),
/// and the code columns add up to the authorised and unauthorised sessions.
struct PupilExportFile: ~Copyable {
    /// Column names of the export.
    static let header =
        [
            "urn", "academic_year", "term", "pupil_ref", "year_group", "sex", "disadvantaged", "sen", "eal",
            "possible_sessions", "present_sessions", "aea_sessions", "authorised_sessions",
            "unauthorised_sessions",
        ] + AbsenceCodeSplit.authorisedCodes.map { "code_\($0)" }
        + AbsenceCodeSplit.unauthorisedCodes.map { "code_\($0)" } + ["suspensions", "permanently_excluded"]

    private var writer: CSVLineWriter

    /// Opens `pupil-attendance<suffix>.csv` in `folder`.
    ///
    /// - Throws: `GeneratorError.cannotCreateFile` if the file cannot be opened.
    init(folder: URL, suffix: String) throws {
        writer = try CSVLineWriter(
            url: folder.appendingPathComponent("pupil-attendance\(suffix).csv"), header: Self.header)
    }

    /// Writes a row for each pupil of one academy's drop, in roll order.
    mutating func write(_ tally: DropTally, urn: Int, drop: DataDrop) throws {
        for row in tally.exported {
            let pupil = row.pupil
            writer.number(urn)
            writer.text(drop.academicYear)
            writer.text(drop.term.key)
            writer.text(row.ref)
            writer.text(YearGroupLabel.text(pupil.yearGroup))
            writer.text(pupil.isGirl ? "F" : "M")
            writer.text(pupil.isDisadvantaged ? "Y" : "N")
            switch pupil.needs {
            case .none: writer.text("N")
            case .senSupport: writer.text("K")
            case .ehcp: writer.text("E")
            }
            writer.text(pupil.isEAL ? "Y" : "N")
            writer.number(row.possible)
            writer.number(row.possible - row.authorised - row.unauthorised)
            writer.number(0)
            writer.number(row.authorised)
            writer.number(row.unauthorised)
            for sessions in row.authorisedCodes + row.unauthorisedCodes {
                writer.number(sessions)
            }
            writer.number(row.suspensions)
            writer.text(row.excluded ? "Y" : "N")
            try writer.endRow()
        }
    }

    /// Closes the file.
    consuming func finish() throws -> WrittenFile {
        try writer.finish()
    }
}

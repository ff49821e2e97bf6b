/// One pupil's row of a pupil-level export (`pupil_attendance`) for one drop: who the pupil
/// is, and the sessions, reasons and suspensions to the end of the drop's term.
///
/// Made beside the drop's tally from the same simulated pupil, so the figures trustboard works
/// out from an academy's export rows are the figures its aggregate rows would give.
struct ExportedPupil: Sendable {
    /// The pupil's fictional reference, unique in its academy and year.
    var ref: String
    /// The pupil, for the year group and characteristics.
    var pupil: Pupil
    /// Possible sessions, year to date.
    var possible: Int
    /// Authorised absent sessions by code, year to date, in `AbsenceCodeSplit.authorisedCodes` order.
    var authorisedCodes: [Int]
    /// Unauthorised absent sessions by code, year to date, in `AbsenceCodeSplit.unauthorisedCodes` order.
    var unauthorisedCodes: [Int]
    /// Suspensions that started this year to date.
    var suspensions = 0
    /// Permanently excluded by the end of the drop's term.
    var excluded = false

    /// Authorised absent sessions.
    var authorised: Int { authorisedCodes.reduce(0, +) }
    /// Unauthorised absent sessions.
    var unauthorised: Int { unauthorisedCodes.reduce(0, +) }
}

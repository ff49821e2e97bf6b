/// One termly data drop, such as "2025/26 spring".
struct DataDrop: Hashable, Sendable {
    /// The calendar year the academic year starts in: 2025 for 2025/26.
    let startYear: Int
    /// The term of the drop.
    let term: Term
    /// The value written in the `academic_year` column, such as `2025/26`.
    let academicYear: String
    /// The part of a file name that names the drop, such as `2025-26-spring`.
    let fileSuffix: String

    /// Creates the drop of `term` in the academic year starting in `startYear`.
    init(startYear: Int, term: Term) {
        self.startYear = startYear
        self.term = term
        let end = (startYear + 1) % 100
        let twoDigitEnd = end < 10 ? "0\(end)" : "\(end)"
        academicYear = "\(startYear)/\(twoDigitEnd)"
        fileSuffix = "\(startYear)-\(twoDigitEnd)-\(term.key)"
    }
}

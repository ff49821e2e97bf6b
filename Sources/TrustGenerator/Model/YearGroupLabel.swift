/// How a year group is written in the `year_group` column.
enum YearGroupLabel {
    /// The label of a year group held as a number, Reception being 0: `R`, `1`, … `13`.
    static func text(_ yearGroup: Int) -> String {
        yearGroup == 0 ? "R" : "\(yearGroup)"
    }
}

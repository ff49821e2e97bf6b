/// One comparator row of `benchmarks.csv`.
struct Benchmark: Sendable {
    /// The academic year, such as `2023/24`.
    var academicYear: String
    /// The period, year to date: `autumn` the autumn term, `spring` autumn and spring,
    /// `summer` the whole year (and every attainment result).
    var term = Term.summer
    /// The KPI key, such as `rwm_expected`.
    var measure: String
    /// The phase, or empty for all phases.
    var phase = ""
    /// The pupil group, or empty for all pupils.
    var pupilGroup = ""
    /// `national`, or `la:NAME` for a local authority.
    var scope = "national"
    /// The value as a whole number of units of 10^-`places`, so it is written exactly as published.
    var value: Int
    /// Decimal places of `value`.
    var places: Int
    /// Where the figure comes from, shown to users.
    var source: String
}

/// What an academy's figures should look like for one academic year.
///
/// Attendance targets are whole-year figures, as fractions 0–1; earlier drops of the year are
/// scaled from them, autumn being the best term. Attainment settings are shifts in standard
/// deviations of the national cohort.
struct SchoolYearOutlook: Sendable {
    /// Share of possible sessions missed over the whole year.
    var absenceRate: Double
    /// Share of pupils persistently absent (10% or more of sessions) over the whole year.
    var persistentAbsenceRate: Double
    /// Share of pupils severely absent (50% or more of sessions) over the whole year.
    var severeAbsenceRate: Double
    /// How far the academy's pupils attain above (positive) or below national.
    var attainment: Double
    /// Extra shift for disadvantaged pupils on top of the national gap; negative widens it.
    var disadvantagedGap: Double
    /// The academy's own contribution to Progress 8.
    var progress8: Double
}

extension KPI {
    /// Why the measure does not exist for `year`, in words for an explanation or a
    /// warning; nil when it does.
    ///
    /// Progress 8 measures progress from a pupil's KS2 test results to their GCSEs. There
    /// were no GCSE exams in 2020 and 2021, so none for 2019/20 and 2020/21; and the pupils
    /// who sat GCSEs in 2025 and 2026 sat no KS2 tests (cancelled in 2020 and 2021), so
    /// they have no starting point and there is none for 2024/25 and 2025/26 either. A
    /// figure for such a year, from a trust's own files, is kept and shown but never rated.
    public func notPublishedReason(in year: AcademicYear) -> String? {
        guard self == .score(.progress8) else { return nil }
        switch year.start {
        case 2019, 2020:
            return "Progress 8 does not exist for \(year): GCSE exams were cancelled in 2020 and 2021, "
                + "and the DfE published no Progress 8"
        case 2024, 2025:
            return "Progress 8 does not exist for \(year): these pupils sat no KS2 tests (cancelled in 2020 "
                + "and 2021), so they have no starting point to measure progress from"
        default:
            return nil
        }
    }
}

extension SmallGroupProtection {
    /// The small keys of the inclusion figures among one owner's `figures` that must be
    /// hidden because, shown beside an attendance figure of the same pupil group and year
    /// group, their pupils would give away a small group by subtraction.
    ///
    /// An inclusion figure counts every pupil on roll; an attendance figure only those with
    /// a possible session (and, for all year groups, those of compulsory school age). For
    /// one group the two counts differ by the pupils with no possible session: when that is
    /// 1 to 5 pupils, showing both reveals it, as showing a total and all but one member of
    /// a partition would. The inclusion figures go, not the attendance ones: attendance is
    /// what a board looks at first, and every figure of a line shares its pupils, so hiding
    /// one of its kinds hides the count. The figures hidden here are then protected like any
    /// other hidden figure, so that no partition of inclusion figures has one hidden member.
    ///
    /// A figure published without pupil numbers gives none away, and an attendance figure
    /// already too small to show gives away nothing the inclusion one could complete.
    static func inclusionBesideAttendance(_ figures: [Figure]) -> Set<Int> {
        var attendancePupils: [Int: Set<Int>] = [:]
        for figure in figures where figure.kpi.isAttendance && !figure.isSuppressed && hasPupils(figure) {
            attendancePupils[line(figure), default: []].insert(figure.pupils)
        }
        guard !attendancePupils.isEmpty else { return [] }
        var hidden: Set<Int> = []
        for figure in figures where isInclusion(figure.kpi) && hasPupils(figure) {
            guard let counts = attendancePupils[line(figure)] else { continue }
            let revealing = counts.contains { 1..<Figure.smallestShownGroup ~= abs(figure.pupils - $0) }
            if revealing { hidden.insert(FigureCalculator.smallKey(figure)) }
        }
        return hidden
    }

    /// True when a drop's records of one academy hold both inclusion and attendance, so
    /// that `inclusionBesideAttendance` may hide something even where no group is small.
    static func hasInclusionBesideAttendance(_ bucket: RecordIndex.Bucket) -> Bool {
        !bucket.inclusion.isEmpty && !bucket.attendance.isEmpty
    }

    private static func isInclusion(_ kpi: KPI) -> Bool {
        if case .inclusion = kpi { return true }
        return false
    }

    private static func hasPupils(_ figure: Figure) -> Bool { figure.publication?.hasPupils ?? true }

    /// The pupil group and year group of a figure, as one number.
    private static func line(_ figure: Figure) -> Int { figure.group.index << 8 | figure.yearGroup.code }
}

extension SmallGroupProtection {
    /// The small keys of the inclusion figures among one owner's `cells` that must be
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
    static func inclusionBesideAttendance(_ cells: [Cell]) -> [Int] {
        // Most owners have no inclusion figures: nothing to look up for them.
        guard cells.contains(where: { $0.isInclusion && $0.hasPupils }) else { return [] }
        var attendancePupils: [Int: Set<Int>] = [:]
        for cell in cells where cell.isAttendance && !cell.isSuppressed && cell.hasPupils {
            attendancePupils[cell.line, default: []].insert(cell.pupils)
        }
        guard !attendancePupils.isEmpty else { return [] }
        var hidden: [Int] = []
        for cell in cells where cell.isInclusion && cell.hasPupils {
            guard let counts = attendancePupils[cell.line] else { continue }
            let revealing = counts.contains { 1..<Figure.smallestShownGroup ~= abs(cell.pupils - $0) }
            if revealing { hidden.append(cell.key) }
        }
        return hidden
    }

    /// True when a drop's records of one academy hold both inclusion and attendance, so
    /// that `inclusionBesideAttendance` may hide something even where no group is small.
    static func hasInclusionBesideAttendance(_ bucket: RecordIndex.Bucket) -> Bool {
        !bucket.inclusion.isEmpty && !bucket.attendance.isEmpty
    }
}

/// Every count of one academy's data drop, summed pupil by pupil.
struct DropTally: Sendable {
    /// Pupils at a standard, for one assessment and pupil group.
    struct StandardCounts: Equatable, Sendable {
        /// Pupils assessed.
        var cohort = 0
        /// Pupils at the expected standard or above.
        var expected = 0
        /// Pupils at greater depth.
        var greaterDepth = 0
    }

    /// The sum behind an average score, for one measure and pupil group.
    struct ScoreSum: Equatable, Sendable {
        /// Pupils with a score.
        var cohort = 0
        /// Their scores added up, in hundredths.
        var totalHundredths = 0

        /// The average in hundredths, rounded half away from zero; 0 for an empty cohort.
        var averageHundredths: Int {
            guard cohort > 0 else { return 0 }
            let doubled = 2 * totalHundredths.magnitude + UInt(cohort)
            let rounded = Int(doubled / (2 * UInt(cohort)))
            return totalHundredths < 0 ? -rounded : rounded
        }
    }

    private var groupAttendance = Array(repeating: AttendanceCounts(), count: PupilGroup.count)
    private var yearAttendance = Array(repeating: AttendanceCounts(), count: 14)
    private var standards = Array(
        repeating: StandardCounts(), count: Assessment.allCases.count * PupilGroup.count)
    private var scores = Array(repeating: ScoreSum(), count: AverageScore.allCases.count * PupilGroup.count)
    private var groupInclusion = Array(repeating: InclusionCounts(), count: PupilGroup.count)
    private var yearInclusion = Array(repeating: InclusionCounts(), count: 14)
    /// Every pupil's export row, in roll order, when the simulation keeps them.
    private(set) var exported: [ExportedPupil] = []
    /// The place in `exported` of each pupil's row, by the pupil's place in the roll.
    private var exportedRow: [Int: Int] = [:]

    /// Keeps one pupil's export row; `number` is the pupil's place in the roll.
    mutating func addExported(ofPupil number: Int, _ row: ExportedPupil) {
        exportedRow[number] = exported.count
        exported.append(row)
    }

    /// Puts a pupil's suspensions and exclusion to date on its export row, if it has one.
    mutating func setExportedInclusion(ofPupil number: Int, suspensions: Int, excluded: Bool) {
        guard let row = exportedRow[number] else { return }
        exported[row].suspensions = suspensions
        exported[row].excluded = excluded
    }

    /// The year groups of compulsory school age (5 to 15 at the start of the year), the pupils the
    /// DfE's absence statistics cover: the `all` rows of every pupil group count these alone.
    static let compulsoryYearGroups = 1...11

    /// Counts one pupil's attendance in its year group and, for a pupil of compulsory school age,
    /// in each of its groups: Reception and the sixth form keep their own year-group lines only.
    mutating func addAttendance(
        groups: UInt16, yearGroup: Int, possible: Int, absent: Int, unauthorised: Int
    ) {
        if Self.compulsoryYearGroups.contains(yearGroup) {
            for group in 0..<PupilGroup.count where groups & (1 << group) != 0 {
                groupAttendance[group].add(possible: possible, absent: absent, unauthorised: unauthorised)
            }
        }
        yearAttendance[yearGroup].add(possible: possible, absent: absent, unauthorised: unauthorised)
    }

    /// Counts one pupil's result in an assessment in each of its groups.
    mutating func addResult(
        _ assessment: Assessment, groups: UInt16, expected: Bool, greaterDepth: Bool
    ) {
        let base = assessment.rawValue * PupilGroup.count
        for group in 0..<PupilGroup.count where groups & (1 << group) != 0 {
            standards[base + group].cohort += 1
            if expected {
                standards[base + group].expected += 1
            }
            if greaterDepth {
                standards[base + group].greaterDepth += 1
            }
        }
    }

    /// Counts one pupil's result, given as whether it met each standard, in each of its groups.
    mutating func addResult(
        _ assessment: Assessment, groups: UInt16, _ result: (expected: Bool, greaterDepth: Bool)
    ) {
        addResult(assessment, groups: groups, expected: result.expected, greaterDepth: result.greaterDepth)
    }

    /// Counts one pupil's score, in hundredths, in each of its groups.
    mutating func addScore(_ score: AverageScore, groups: UInt16, hundredths: Int) {
        let base = score.rawValue * PupilGroup.count
        for group in 0..<PupilGroup.count where groups & (1 << group) != 0 {
            scores[base + group].cohort += 1
            scores[base + group].totalHundredths += hundredths
        }
    }

    /// Counts one pupil's suspensions and permanent exclusion to date in its year group and in
    /// each of its groups. Every year group on roll counts, as in the DfE's headcount.
    mutating func addInclusion(groups: UInt16, yearGroup: Int, suspensions: Int, excluded: Bool) {
        for group in 0..<PupilGroup.count where groups & (1 << group) != 0 {
            groupInclusion[group].add(suspensions: suspensions, excluded: excluded)
        }
        yearInclusion[yearGroup].add(suspensions: suspensions, excluded: excluded)
    }

    /// The inclusion figures of a pupil group, every year group together.
    func inclusion(of group: PupilGroup) -> InclusionCounts {
        groupInclusion[group.rawValue]
    }

    /// The inclusion figures of all pupils in one year group (Reception is 0).
    func inclusion(ofYearGroup yearGroup: Int) -> InclusionCounts {
        yearInclusion[yearGroup]
    }

    /// The attendance of a pupil group, Years 1–11 together.
    func attendance(of group: PupilGroup) -> AttendanceCounts {
        groupAttendance[group.rawValue]
    }

    /// The attendance of all pupils in one year group (Reception is 0).
    func attendance(ofYearGroup yearGroup: Int) -> AttendanceCounts {
        yearAttendance[yearGroup]
    }

    /// The counts at each standard of a pupil group in an assessment.
    func standard(_ assessment: Assessment, of group: PupilGroup) -> StandardCounts {
        standards[assessment.rawValue * PupilGroup.count + group.rawValue]
    }

    /// The sum behind an average score of a pupil group.
    func score(_ score: AverageScore, of group: PupilGroup) -> ScoreSum {
        scores[score.rawValue * PupilGroup.count + group.rawValue]
    }
}

import Foundation

/// The three open files of one or more data drops: attendance, attainment and scores.
///
/// Rows are written from a `DropTally`; each count is a sum over pupils, so the groups of a row
/// set always add up.
struct DropFileSet: ~Copyable {
    /// Column names of the attendance file.
    static let attendanceHeader = [
        "urn", "academic_year", "term", "pupil_group", "year_group", "pupils", "possible_sessions",
        "absent_sessions", "authorised_absent_sessions", "unauthorised_absent_sessions",
        "persistent_absentees", "severe_absentees",
    ]
    /// Column names of the attainment file.
    static let attainmentHeader = [
        "urn", "academic_year", "term", "year_group", "subject", "pupil_group", "basis", "cohort",
        "expected", "greater_depth",
    ]
    /// Column names of the scores file.
    static let scoresHeader = [
        "urn", "academic_year", "term", "year_group", "measure", "pupil_group", "cohort", "average",
    ]

    private var attendance: CSVLineWriter
    private var attainment: CSVLineWriter
    private var scores: CSVLineWriter
    /// Whether to write rows for groups with no pupils (the national drop keeps a fixed shape).
    private let writesEmptyGroups: Bool

    /// Opens the three files in `folder`.
    ///
    /// - Parameters:
    ///   - folder: the output folder, which must exist.
    ///   - suffix: put after the kind in each file name, such as `-2025-26-spring`, or empty.
    ///   - writesEmptyGroups: whether a group with no pupils still gets a row.
    /// - Throws: `GeneratorError.cannotCreateFile` if a file cannot be opened.
    init(folder: URL, suffix: String, writesEmptyGroups: Bool) throws {
        let attendance = try CSVLineWriter(
            url: folder.appendingPathComponent("attendance\(suffix).csv"), header: Self.attendanceHeader)
        let attainment = try CSVLineWriter(
            url: folder.appendingPathComponent("attainment\(suffix).csv"), header: Self.attainmentHeader)
        let scores = try CSVLineWriter(
            url: folder.appendingPathComponent("scores\(suffix).csv"), header: Self.scoresHeader)
        self.attendance = attendance
        self.attainment = attainment
        self.scores = scores
        self.writesEmptyGroups = writesEmptyGroups
    }

    /// Writes every row of one academy's drop; `attendance` false leaves out its attendance
    /// rows, for an academy whose attendance comes in a pupil-level export instead.
    mutating func write(
        _ tally: DropTally, of academy: AcademyProfile, drop: DataDrop, attendance: Bool = true
    ) throws {
        if attendance {
            try writeAttendance(tally, urn: academy.urn, yearGroups: academy.yearGroups, drop: drop)
        }
        try writeAttainment(tally, urn: academy.urn, phase: academy.phase, drop: drop)
        try writeScores(tally, urn: academy.urn, phase: academy.phase, drop: drop)
    }

    /// Closes the files: attendance, attainment, then scores.
    consuming func finish() throws -> [WrittenFile] {
        [try attendance.finish(), try attainment.finish(), try scores.finish()]
    }

    /// Writes the `all` row of each pupil group (Years 1–11), then a line for each year group on
    /// roll, Reception and the sixth form included.
    private mutating func writeAttendance(_ tally: DropTally, urn: Int, yearGroups: [Int], drop: DataDrop)
        throws
    {
        for group in PupilGroup.allCases {
            let counts = tally.attendance(of: group)
            if counts.pupils > 0 || writesEmptyGroups {
                try writeAttendanceRow(counts, urn: urn, drop: drop, group: group.key, yearGroup: "all")
            }
        }
        for yearGroup in yearGroups {
            let counts = tally.attendance(ofYearGroup: yearGroup)
            if counts.pupils > 0 || writesEmptyGroups {
                try writeAttendanceRow(
                    counts, urn: urn, drop: drop, group: PupilGroup.all.key,
                    yearGroup: YearGroupLabel.text(yearGroup))
            }
        }
    }

    private mutating func writeAttendanceRow(
        _ counts: AttendanceCounts, urn: Int, drop: DataDrop, group: String, yearGroup: String
    ) throws {
        attendance.number(urn)
        attendance.text(drop.academicYear)
        attendance.text(drop.term.key)
        attendance.text(group)
        attendance.text(yearGroup)
        attendance.number(counts.pupils)
        attendance.number(counts.possibleSessions)
        attendance.number(counts.absentSessions)
        attendance.number(counts.authorisedSessions)
        attendance.number(counts.unauthorisedSessions)
        attendance.number(counts.persistentAbsentees)
        attendance.number(counts.severeAbsentees)
        try attendance.endRow()
    }

    private mutating func writeAttainment(_ tally: DropTally, urn: Int, phase: AcademyPhase, drop: DataDrop)
        throws
    {
        let basis = drop.term == .summer ? "statutory" : "teacher_assessment"
        for assessment in Assessment.reported(by: phase, in: drop.term) {
            let yearGroup = YearGroupLabel.text(assessment.yearGroup)
            for group in PupilGroup.allCases {
                let counts = tally.standard(assessment, of: group)
                guard counts.cohort > 0 || writesEmptyGroups else { continue }
                attainment.number(urn)
                attainment.text(drop.academicYear)
                attainment.text(drop.term.key)
                attainment.text(yearGroup)
                attainment.text(assessment.subjectKey)
                attainment.text(group.key)
                attainment.text(basis)
                attainment.number(counts.cohort)
                attainment.number(counts.expected)
                if assessment.hasGreaterDepth {
                    attainment.number(counts.greaterDepth)
                } else {
                    attainment.empty()
                }
                try attainment.endRow()
            }
        }
    }

    private mutating func writeScores(_ tally: DropTally, urn: Int, phase: AcademyPhase, drop: DataDrop)
        throws
    {
        for measure in AverageScore.reported(by: phase, in: drop) {
            let yearGroup = YearGroupLabel.text(measure.yearGroup)
            for group in PupilGroup.allCases {
                let sum = tally.score(measure, of: group)
                guard sum.cohort > 0 || writesEmptyGroups else { continue }
                scores.number(urn)
                scores.text(drop.academicYear)
                scores.text(drop.term.key)
                scores.text(yearGroup)
                scores.text(measure.measureKey)
                scores.text(group.key)
                scores.number(sum.cohort)
                scores.hundredths(sum.averageHundredths)
                try scores.endRow()
            }
        }
    }
}

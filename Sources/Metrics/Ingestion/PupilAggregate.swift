/// The pupils of a pupil-level export, summed as they are read into the counts of every
/// pupil group and year group of each academy and drop. Only counts are kept: a pupil's
/// reference is held, as a keyed digest, just long enough to find a pupil given twice.
struct PupilAggregate {
    /// One pupil's row, checked.
    struct Pupil {
        var yearGroup: YearGroup
        /// The groups the pupil is in besides `all`: disadvantaged or not, SEN, EAL, sex.
        var groups: [PupilGroup]
        var possible: Int
        var authorised: Int
        var unauthorised: Int
        /// Sessions by attendance code, in `DropFileKind` code order (authorised codes,
        /// then unauthorised ones); zero for a code the row does not give.
        var codeSessions: [Int]
        var suspensions: Int?
        var permanentlyExcluded: Bool?
    }

    /// The counts of one pupil group and year group.
    struct Counts {
        /// Pupils on roll: every row, with possible sessions or not.
        var onRoll = 0
        /// Pupils with at least one possible session: those in the attendance figures.
        var pupils = 0
        var possible = 0
        var authorised = 0
        var unauthorised = 0
        var bands = [0, 0, 0, 0, 0]
        /// Absent sessions by attendance code, in `DropFileKind` code order, for the
        /// absence-by-reason measures.
        var codeSessions = Array(repeating: 0, count: DropFileKind.attendanceCodes.count)
        var suspensions = 0
        var pupilsSuspended = 0
        var permanentExclusions = 0

        /// Adds the pupil to the inclusion counts and, with `attendance`, to the attendance
        /// counts too.
        mutating func add(_ pupil: Pupil, attendance: Bool) {
            onRoll += 1
            suspensions += pupil.suspensions ?? 0
            if (pupil.suspensions ?? 0) > 0 { pupilsSuspended += 1 }
            if pupil.permanentlyExcluded == true { permanentExclusions += 1 }
            // A pupil with no possible session is on roll but in no rate.
            guard attendance, pupil.possible > 0 else { return }
            pupils += 1
            possible += pupil.possible
            authorised += pupil.authorised
            unauthorised += pupil.unauthorised
            bands[
                AbsenceBands.band(absent: pupil.authorised + pupil.unauthorised, possible: pupil.possible)] +=
                1
            for (index, sessions) in pupil.codeSessions.enumerated() { codeSessions[index] += sessions }
        }
    }

    /// The counts and the pupils seen of one academy and drop.
    struct School {
        /// The first line the academy and drop appear on, which the records cite.
        var line: Int
        var counts: [Int: Counts] = [:]
        /// Each pupil's digest, with the line it was first given on.
        var seen: [PupilRefDigest: Int] = [:]
    }

    /// The file the pupils come from, in the batch.
    let fileIndex: Int
    /// Whether the file has the `suspensions` and `permanently_excluded` columns, so that
    /// inclusion records are made.
    let hasInclusion: Bool
    /// Whether the file has any authorised code column, and any unauthorised one: a side
    /// with one gives every reason of that side, a missing code column counting 0 (as the
    /// export's format says); a side with none gives no reason.
    let givesCodes: (authorised: Bool, unauthorised: Bool)
    private let digester = PupilRefDigester()
    private var schools: [AcademyDrop: School] = [:]

    init(
        fileIndex: Int, hasInclusion: Bool,
        givesCodes: (authorised: Bool, unauthorised: Bool) = (false, false)
    ) {
        self.fileIndex = fileIndex
        self.hasInclusion = hasInclusion
        self.givesCodes = givesCodes
    }

    /// The register code of a code column: `code_j1` → "J1".
    static func code(of column: Column) -> String {
        String(column.header.dropFirst("code_".count)).uppercased()
    }

    /// The reasons of `counts`, from the code columns of the sides the file gives.
    func reasons(_ counts: Counts) -> AttendanceReasons {
        var codes: [String: Int] = [:]
        for (index, column) in DropFileKind.attendanceCodes.enumerated() {
            let authorised = index < DropFileKind.authorisedCodes.count
            guard authorised ? givesCodes.authorised : givesCodes.unauthorised else { continue }
            codes[Self.code(of: column)] = counts.codeSessions[index]
        }
        return AttendanceReasons(codes: codes)
    }

    /// The line `ref` was first given on for the academy and drop, or nil when it is new
    /// (and is now noted as given on `line`).
    mutating func firstLine(of ref: [UInt8], urn: URN, drop: DataDrop, line: Int) -> Int? {
        let key = AcademyDrop(urn: urn, drop: drop)
        let digest = digester.digest(ref)
        if let first = schools[key]?.seen[digest] { return first }
        schools[key, default: School(line: line)].seen[digest] = line
        return nil
    }

    /// Adds a sound pupil to every group and year group the pupil is in.
    mutating func add(_ pupil: Pupil, urn: URN, drop: DataDrop, line: Int) {
        let key = AcademyDrop(urn: urn, drop: drop)
        var school = schools.removeValue(forKey: key) ?? School(line: line)
        // For attendance, `all` year groups covers the pupils of compulsory school age, Years
        // 1–11, as the DfE's absence figures do; the others are in their own year group's
        // lines alone. Suspensions and exclusions count every pupil on roll, as the
        // `inclusion` file does.
        var compulsory = false
        if case .year(let year) = pupil.yearGroup, (1...11).contains(year) { compulsory = true }
        // Year-group lines are made for all pupils only, as the data-drop format's files
        // give them: a pupil group's year-group lines would make a third dimension whose
        // hidden cells, linked through the trust's totals, can be solved for together
        // even when every partition has two hidden.
        school.counts[Self.cell(.all, pupil.yearGroup), default: Counts()].add(pupil, attendance: true)
        for group in [PupilGroup.all] + pupil.groups {
            school.counts[Self.cell(group, .all), default: Counts()].add(pupil, attendance: compulsory)
        }
        schools[key] = school
    }

    /// The attendance and inclusion records of every academy and drop, into `batch`.
    /// Attendance counts only pupils with a possible session; inclusion, every pupil on roll.
    func records(into batch: inout DropBatch) {
        for (key, school) in schools.sorted(by: { $0.value.line < $1.value.line }) {
            for (cell, counts) in school.counts.sorted(by: { $0.key < $1.key }) {
                let group = PupilGroup.allCases[cell >> 8]
                let yearGroup = YearGroup.allCases.first { $0.code == cell & 0xFF } ?? .all
                if counts.pupils > 0 {
                    let bands = AbsenceBands(
                        underFive: counts.bands[0], atRisk: counts.bands[1], tenToTwenty: counts.bands[2],
                        twentyToFifty: counts.bands[3], fiftyPlus: counts.bands[4])
                    let record = AttendanceRecord(
                        urn: key.urn, drop: key.drop, group: group, yearGroup: yearGroup,
                        pupils: counts.pupils,
                        possibleSessions: counts.possible,
                        absentSessions: counts.authorised + counts.unauthorised,
                        persistentAbsentees: bands.persistent, severeAbsentees: bands.fiftyPlus,
                        authorisedAbsentSessions: counts.authorised,
                        unauthorisedAbsentSessions: counts.unauthorised, absenceBands: bands,
                        reasons: reasons(counts))
                    batch.attendance.append(Sourced(record, file: fileIndex, line: school.line))
                }
                if hasInclusion {
                    let record = InclusionRecord(
                        urn: key.urn, drop: key.drop, group: group, yearGroup: yearGroup,
                        pupils: counts.onRoll,
                        suspensions: counts.suspensions, pupilsSuspended: counts.pupilsSuspended,
                        permanentExclusions: counts.permanentExclusions)
                    batch.inclusion.append(Sourced(record, file: fileIndex, line: school.line))
                }
            }
        }
    }

    /// Each code's absent sessions by pupil group and year group, for every academy and
    /// drop: the one place the export's reasons are summed (`reasons(_:)` makes them the
    /// records' reasons).
    var codeSessions: [AcademyDrop: [Int: [Int]]] {
        schools.mapValues { $0.counts.mapValues(\.codeSessions) }
    }

    /// A number for a pupil group and year group that orders them as reports do.
    static func cell(_ group: PupilGroup, _ yearGroup: YearGroup) -> Int { group.index << 8 | yearGroup.code }
}

/// An academy and a drop: what one export, or one set of aggregate files, gives.
public struct AcademyDrop: Hashable, Sendable {
    /// The academy.
    public var urn: URN
    /// The drop.
    public var drop: DataDrop

    /// Makes the pair.
    public init(urn: URN, drop: DataDrop) {
        self.urn = urn
        self.drop = drop
    }
}

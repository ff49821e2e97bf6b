/// One row of the `attendance` file: sessions and absentees for the year to date.
public struct AttendanceRecord: Hashable, Sendable {
    /// The academy.
    public var urn: URN
    /// The drop; figures cover the academic year up to the end of its term.
    public var drop: DataDrop
    /// The pupil group.
    public var group: PupilGroup
    /// The year group.
    public var yearGroup: YearGroup
    /// Pupil enrolments in the period.
    public var pupils: Int
    /// Possible sessions (half days).
    public var possibleSessions: Int
    /// Sessions missed, authorised or not.
    public var absentSessions: Int
    /// Pupils who missed 10% or more of their possible sessions.
    public var persistentAbsentees: Int
    /// Pupils who missed 50% or more of their possible sessions, when given.
    public var severeAbsentees: Int?
    /// Authorised absent sessions, when given.
    public var authorisedAbsentSessions: Int?
    /// Unauthorised absent sessions, when given.
    public var unauthorisedAbsentSessions: Int?
    /// The pupils in each absence band, when given.
    public var absenceBands: AbsenceBands?
    /// Absent sessions by reason, each when given.
    public var reasons: AttendanceReasons

    /// Makes an attendance record.
    public init(
        urn: URN, drop: DataDrop, group: PupilGroup = .all, yearGroup: YearGroup = .all, pupils: Int,
        possibleSessions: Int, absentSessions: Int, persistentAbsentees: Int, severeAbsentees: Int? = nil,
        authorisedAbsentSessions: Int? = nil, unauthorisedAbsentSessions: Int? = nil,
        absenceBands: AbsenceBands? = nil,
        reasons: AttendanceReasons = AttendanceReasons()
    ) {
        self.urn = urn
        self.drop = drop
        self.group = group
        self.yearGroup = yearGroup
        self.pupils = pupils
        self.possibleSessions = possibleSessions
        self.absentSessions = absentSessions
        self.persistentAbsentees = persistentAbsentees
        self.severeAbsentees = severeAbsentees
        self.authorisedAbsentSessions = authorisedAbsentSessions
        self.unauthorisedAbsentSessions = unauthorisedAbsentSessions
        self.absenceBands = absenceBands
        self.reasons = reasons
    }

    /// The count a catalogue entry names, as `MeasureDefinition.Computation` spells it;
    /// nil for a name the record does not have. `attended_sessions` is possible sessions
    /// less absent ones; each reason's count is named by `AbsenceReason.countName`.
    public static func count(named name: String) -> (@Sendable (AttendanceRecord) -> Int?)? {
        if let reason = AbsenceReason.allCases.first(where: { $0.countName == name }) {
            return { $0.reasons[reason] }
        }
        return switch name {
        case "pupils": { $0.pupils }
        case "possible_sessions": { $0.possibleSessions }
        case "absent_sessions": { $0.absentSessions }
        case "attended_sessions": { $0.possibleSessions - $0.absentSessions }
        case "persistent_absentees": { $0.persistentAbsentees }
        case "severe_absentees": { $0.severeAbsentees }
        case "authorised_absent_sessions": { $0.authorisedAbsentSessions }
        case "unauthorised_absent_sessions": { $0.unauthorisedAbsentSessions }
        case "band_under_5": { $0.absenceBands?.underFive }
        case "band_5_to_10": { $0.absenceBands?.atRisk }
        case "band_10_to_20": { $0.absenceBands?.tenToTwenty }
        case "band_20_to_50": { $0.absenceBands?.twentyToFifty }
        case "band_50_plus": { $0.absenceBands?.fiftyPlus }
        default: nil
        }
    }
}

extension AttendanceRecord: DropRecord {
    public static let kind = DropRecordKind.attendance
    public static let valueNames =
        [
            "pupils", "possible_sessions", "absent_sessions", "persistent_absentees", "severe_absentees",
            "authorised_absent_sessions", "unauthorised_absent_sessions", "band_under_5", "band_5_to_10",
            "band_10_to_20", "band_20_to_50", "band_50_plus",
        ] + AbsenceReason.allCases.map(\.countName)
    public static var inBatch: KeyPath<DropBatch, [Sourced<AttendanceRecord>]> { \.attendance }
    public static var inData: WritableKeyPath<TrustData, [AttendanceRecord]> { \.attendance }

    public var item: String { "" }
    public var itemIndex: Int { 0 }
    public var what: String { "attendance" }

    public var brokenRule: String? {
        if pupils < 0 { return "pupils >= 0" }
        if possibleSessions < 0 { return "possible_sessions >= 0" }
        if absentSessions < 0 || absentSessions > possibleSessions {
            return "absent_sessions BETWEEN 0 AND possible_sessions"
        }
        if persistentAbsentees < 0 || persistentAbsentees > pupils {
            return "persistent_absentees BETWEEN 0 AND pupils"
        }
        if let severe = severeAbsentees, severe < 0 || severe > persistentAbsentees {
            return "severe_absentees BETWEEN 0 AND persistent_absentees"
        }
        if let authorised = authorisedAbsentSessions, authorised < 0 {
            return "authorised_absent_sessions >= 0"
        }
        if let unauthorised = unauthorisedAbsentSessions, unauthorised < 0 {
            return "unauthorised_absent_sessions >= 0"
        }
        if let bands = absenceBands, bands.counts.contains(where: { $0 < 0 }) || bands.pupils != pupils {
            return "the absence bands each >= 0 and adding up to pupils"
        }
        if let reason = AbsenceReason.allCases.first(where: { (reasons[$0] ?? 0) < 0 }) {
            return "\(reason.countName) >= 0"
        }
        if let given = reasons.given(authorised: true), let total = authorisedAbsentSessions, given > total {
            return "authorised reasons <= authorised_absent_sessions"
        }
        if let given = reasons.given(authorised: false), let total = unauthorisedAbsentSessions, given > total
        {
            return "unauthorised reasons <= unauthorised_absent_sessions"
        }
        let all = (reasons.given(authorised: true) ?? 0) + (reasons.given(authorised: false) ?? 0)
        if all > absentSessions { return "reasons <= absent_sessions" }
        return nil
    }

    public func write<Writer: RecordValueWriter>(to writer: inout Writer) {
        writer.write(pupils)
        writer.write(possibleSessions)
        writer.write(absentSessions)
        writer.write(persistentAbsentees)
        writer.write(severeAbsentees)
        writer.write(authorisedAbsentSessions)
        writer.write(unauthorisedAbsentSessions)
        // Added after the others: a store written before the bands reads them as absent.
        for count in Self.bandNames.indices { writer.write(absenceBands?.counts[count]) }
        for reason in AbsenceReason.allCases { writer.write(reasons[reason]) }
    }

    /// The stored names of the band counts, lowest band first.
    static let bandNames = ["band_under_5", "band_5_to_10", "band_10_to_20", "band_20_to_50", "band_50_plus"]

    public init<Reader: RecordValueReader>(key: RecordKey, item: String, values: inout Reader) throws {
        guard item.isEmpty else { throw values.unreadableItem() }
        self.init(
            urn: key.urn, drop: key.drop, group: key.group, yearGroup: key.yearGroup,
            pupils: try values.requiredInt(), possibleSessions: try values.requiredInt(),
            absentSessions: try values.requiredInt(), persistentAbsentees: try values.requiredInt(),
            severeAbsentees: try values.int(), authorisedAbsentSessions: try values.int(),
            unauthorisedAbsentSessions: try values.int())
        var bands: [Int] = []
        for _ in Self.bandNames.indices {
            if let count = try values.int() { bands.append(count) }
        }
        // All five or none: a store never holds some bands without the others.
        if bands.count == Self.bandNames.count {
            absenceBands = AbsenceBands(
                underFive: bands[0], atRisk: bands[1], tenToTwenty: bands[2], twentyToFifty: bands[3],
                fiftyPlus: bands[4])
        }
        // Stores written before the reasons have no values for them: each reads as nil.
        for reason in AbsenceReason.allCases { reasons[reason] = try values.int() }
    }
}

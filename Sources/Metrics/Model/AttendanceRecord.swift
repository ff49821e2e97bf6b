/// One row of the `attendance` file: sessions and absentees for the year to date.
public struct AttendanceRecord: Hashable, Sendable {
    // The stored properties are in the order that packs them tightest (a national store
    // holds hundreds of thousands of these, 56 bytes each): the seven counts take four
    // bytes each (see `Counts`) and come first, so that the drop (three bytes), the
    // one-byte fields and the URN fill the rest of their last word; which optional counts
    // are given is one byte of flags; and the absence bands, seldom given, are an array
    // of none or one rather than five words always held.

    /// Pupils, possible, absent, persistent, severe, authorised and unauthorised, in that
    /// order (an optional count not given is 0).
    private var counts: Counts
    /// The drop; figures cover the academic year up to the end of its term.
    public var drop: DataDrop
    /// The pupil group.
    public var group: PupilGroup
    /// Which of the optional counts are given: `severeGiven`, `authorisedGiven`, `unauthorisedGiven`.
    private var given: UInt8
    /// The year group, in a byte.
    private var packedYearGroup: YearGroup.Packed
    /// The academy.
    public var urn: URN
    /// The absence bands when given (one), else none.
    private var bands: [AbsenceBands]
    /// Absent sessions by reason, each when given.
    public var reasons: AttendanceReasons

    /// The year group.
    public var yearGroup: YearGroup {
        get { packedYearGroup.yearGroup }
        set { packedYearGroup = YearGroup.Packed(newValue) }
    }

    private static let severeGiven: UInt8 = 1
    private static let authorisedGiven: UInt8 = 2
    private static let unauthorisedGiven: UInt8 = 4

    /// Pupil enrolments in the period.
    public var pupils: Int {
        get { counts[0] }
        set { counts = counts.with(0, newValue) }
    }
    /// Possible sessions (half days).
    public var possibleSessions: Int {
        get { counts[1] }
        set { counts = counts.with(1, newValue) }
    }
    /// Sessions missed, authorised or not.
    public var absentSessions: Int {
        get { counts[2] }
        set { counts = counts.with(2, newValue) }
    }
    /// Pupils who missed 10% or more of their possible sessions.
    public var persistentAbsentees: Int {
        get { counts[3] }
        set { counts = counts.with(3, newValue) }
    }
    /// Pupils who missed 50% or more of their possible sessions, when given.
    public var severeAbsentees: Int? {
        get { given & Self.severeGiven != 0 ? counts[4] : nil }
        set {
            given = Self.flags(given, Self.severeGiven, newValue != nil)
            counts = counts.with(4, newValue ?? 0)
        }
    }
    /// Authorised absent sessions, when given.
    public var authorisedAbsentSessions: Int? {
        get { given & Self.authorisedGiven != 0 ? counts[5] : nil }
        set {
            given = Self.flags(given, Self.authorisedGiven, newValue != nil)
            counts = counts.with(5, newValue ?? 0)
        }
    }
    /// Unauthorised absent sessions, when given.
    public var unauthorisedAbsentSessions: Int? {
        get { given & Self.unauthorisedGiven != 0 ? counts[6] : nil }
        set {
            given = Self.flags(given, Self.unauthorisedGiven, newValue != nil)
            counts = counts.with(6, newValue ?? 0)
        }
    }
    /// The pupils in each absence band, when given.
    public var absenceBands: AbsenceBands? {
        get { bands.first }
        set { bands = newValue.map { [$0] } ?? [] }
    }

    private static func flags(_ flags: UInt8, _ flag: UInt8, _ isGiven: Bool) -> UInt8 {
        isGiven ? flags | flag : flags & ~flag
    }

    /// Seven counts in four bytes each, or, when one does not fit (no school's does), in
    /// an array; each value has one form only, so equal counts compare equal.
    private enum Counts: Hashable, Sendable {
        case narrow(Int32, Int32, Int32, Int32, Int32, Int32, Int32)
        case wide([Int])

        init(_ values: [Int]) {
            let narrow = values.compactMap { Int32(exactly: $0) }
            if narrow.count == 7 {
                self = .narrow(narrow[0], narrow[1], narrow[2], narrow[3], narrow[4], narrow[5], narrow[6])
            } else {
                self = .wide(values)
            }
        }

        init(_ a: Int, _ b: Int, _ c: Int, _ d: Int, _ e: Int, _ f: Int, _ g: Int) {
            if let a = Int32(exactly: a), let b = Int32(exactly: b), let c = Int32(exactly: c),
                let d = Int32(exactly: d), let e = Int32(exactly: e), let f = Int32(exactly: f),
                let g = Int32(exactly: g)
            {
                self = .narrow(a, b, c, d, e, f, g)
            } else {
                self = .wide([a, b, c, d, e, f, g])
            }
        }

        subscript(index: Int) -> Int {
            switch self {
            case .narrow(let a, let b, let c, let d, let e, let f, let g):
                switch index {
                case 0: Int(a)
                case 1: Int(b)
                case 2: Int(c)
                case 3: Int(d)
                case 4: Int(e)
                case 5: Int(f)
                default: Int(g)
                }
            case .wide(let values): values[index]
            }
        }

        /// The counts with the one at `index` replaced.
        func with(_ index: Int, _ value: Int) -> Counts {
            var values = (0..<7).map { self[$0] }
            values[index] = value
            return Counts(values)
        }
    }

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
        self.packedYearGroup = YearGroup.Packed(yearGroup)
        self.given =
            (severeAbsentees == nil ? 0 : Self.severeGiven)
            | (authorisedAbsentSessions == nil ? 0 : Self.authorisedGiven)
            | (unauthorisedAbsentSessions == nil ? 0 : Self.unauthorisedGiven)
        self.counts = Counts(
            pupils, possibleSessions, absentSessions, persistentAbsentees, severeAbsentees ?? 0,
            authorisedAbsentSessions ?? 0, unauthorisedAbsentSessions ?? 0)
        self.bands = absenceBands.map { [$0] } ?? []
        self.reasons = reasons
    }

    /// The count a catalogue entry names, as `MeasureDefinition.Computation` spells it;
    /// nil for a name the record does not have. `attended_sessions` is possible sessions
    /// less absent ones; each reason's count is named by `AbsenceReason.countName` (see
    /// `AttendanceCount`, which figures read instead).
    public static func count(named name: String) -> (@Sendable (AttendanceRecord) -> Int?)? {
        guard let count = AttendanceCount(named: name) else { return nil }
        return { count.value(in: $0) }
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
        // Read one by one, not gathered into a list: a list made for each of a national
        // drop's records was allocated and grown afresh each time.
        let underFive = try values.int()
        let atRisk = try values.int()
        let tenToTwenty = try values.int()
        let twentyToFifty = try values.int()
        let fiftyPlus = try values.int()
        // All five or none: a store never holds some bands without the others.
        if let underFive, let atRisk, let tenToTwenty, let twentyToFifty, let fiftyPlus {
            absenceBands = AbsenceBands(
                underFive: underFive, atRisk: atRisk, tenToTwenty: tenToTwenty, twentyToFifty: twentyToFifty,
                fiftyPlus: fiftyPlus)
        }
        // Stores written before the reasons have no values for them: each reads as nil.
        // Only a given reason is set: setting nil still hashed each reason's name, a
        // tenth of a national store's load on its reading thread.
        for reason in AbsenceReason.allCases {
            if let sessions = try values.int() { reasons[reason] = sessions }
        }
    }
}

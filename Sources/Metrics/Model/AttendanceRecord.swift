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

    /// Makes an attendance record.
    public init(
        urn: URN, drop: DataDrop, group: PupilGroup = .all, yearGroup: YearGroup = .all, pupils: Int,
        possibleSessions: Int, absentSessions: Int, persistentAbsentees: Int, severeAbsentees: Int? = nil,
        authorisedAbsentSessions: Int? = nil, unauthorisedAbsentSessions: Int? = nil
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
    }
}

/// The attendance figures of one row: one pupil group or one year group, year to date.
struct AttendanceCounts: Equatable, Sendable {
    /// Pupils on roll at some point in the period.
    var pupils = 0
    /// Sessions the pupils could have attended.
    var possibleSessions = 0
    /// Sessions missed.
    var absentSessions = 0
    /// Sessions missed with the school's permission.
    var authorisedSessions = 0
    /// Sessions missed without permission.
    var unauthorisedSessions = 0
    /// Pupils who missed 10% or more of their possible sessions.
    var persistentAbsentees = 0
    /// Pupils who missed 50% or more of their possible sessions.
    var severeAbsentees = 0

    /// Adds one pupil's figures.
    mutating func add(possible: Int, absent: Int, unauthorised: Int) {
        pupils += 1
        possibleSessions += possible
        absentSessions += absent
        authorisedSessions += absent - unauthorised
        unauthorisedSessions += unauthorised
        if absent * 10 >= possible {
            persistentAbsentees += 1
        }
        if absent * 2 >= possible {
            severeAbsentees += 1
        }
    }
}

/// The inclusion figures of one row: one pupil group or one year group, year to date.
struct InclusionCounts: Equatable, Sendable {
    /// Pupils on roll at some point in the period.
    var pupils = 0
    /// Suspensions, each of a pupil suspended more than once counted.
    var suspensions = 0
    /// Pupils with one or more suspensions.
    var pupilsSuspended = 0
    /// Permanent exclusions.
    var permanentExclusions = 0

    /// Adds one pupil's figures.
    mutating func add(suspensions: Int, excluded: Bool) {
        pupils += 1
        self.suspensions += suspensions
        if suspensions > 0 {
            pupilsSuspended += 1
        }
        if excluded {
            permanentExclusions += 1
        }
    }
}

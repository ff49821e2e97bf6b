/// The year-to-date attendance targets of one drop, as fractions 0–1.
struct AttendanceTargets: Sendable {
    /// Pupils ranked below this share are persistently absent.
    var persistent: Double
    /// Pupils ranked below this share are severely absent.
    var severe: Double
    /// How absence is spread over the other pupils.
    var ordinary: OrdinaryAbsence
}

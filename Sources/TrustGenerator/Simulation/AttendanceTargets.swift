/// The year-to-date attendance targets of one drop, as fractions 0–1.
struct AttendanceTargets: Sendable {
    /// Pupils ranked below this share are persistently absent.
    var persistent: Double
    /// Pupils ranked below this share are severely absent.
    var severe: Double
    /// The mean absence of the other pupils.
    var ordinaryMean: Double
}

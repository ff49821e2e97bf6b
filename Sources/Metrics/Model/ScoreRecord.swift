/// One row of the `scores` file: an average score over a cohort.
public struct ScoreRecord: Hashable, Sendable {
    /// The academy.
    public var urn: URN
    /// The drop.
    public var drop: DataDrop
    /// The pupil group.
    public var group: PupilGroup
    /// The year group.
    public var yearGroup: YearGroup
    /// The measure.
    public var measure: ScoreMeasure
    /// Pupils whose scores make the average.
    public var cohort: Int
    /// The average score; may be negative for `progress8`.
    public var average: Double

    /// Makes a score record.
    public init(
        urn: URN, drop: DataDrop, group: PupilGroup = .all, yearGroup: YearGroup = .all,
        measure: ScoreMeasure, cohort: Int, average: Double
    ) {
        self.urn = urn
        self.drop = drop
        self.group = group
        self.yearGroup = yearGroup
        self.measure = measure
        self.cohort = cohort
        self.average = average
    }
}

/// The measure catalogue: one entry per KPI. Direction, decimals, unit, rule and how a
/// figure is computed are read from here and nowhere else.
extension KPI {
    /// The KPI's catalogue entry.
    public var definition: MeasureDefinition { Self.catalogue[index] }

    /// Every entry, in `allCases` order, built once.
    private static let catalogue: [MeasureDefinition] = allCases.map(\.entry)

    /// The entry, written out. Exhaustive: a new KPI case does not compile until it has one.
    private var entry: MeasureDefinition {
        switch self {
        case .attendanceRate:
            MeasureDefinition(
                key: "attendance_rate", label: "Attendance", unit: .percent, direction: .higherIsBetter,
                source: .attendance,
                computation: .rate(
                    numerator: "attended_sessions", denominator: "possible_sessions", scale: 100),
                rule: .benchmark(amberWithin: 1.0),
                dfeName: "attendance rate (100 minus the overall absence rate)")
        case .absenceRate:
            MeasureDefinition(
                key: "absence_rate", label: "Absence", unit: .percent, direction: .lowerIsBetter,
                source: .attendance,
                computation: .rate(
                    numerator: "absent_sessions", denominator: "possible_sessions", scale: 100),
                rule: .benchmark(amberWithin: 1.0), dfeName: "overall absence rate")
        case .persistentAbsenceRate:
            MeasureDefinition(
                key: "persistent_absence_rate", label: "Persistent absence", unit: .percent,
                direction: .lowerIsBetter, source: .attendance,
                computation: .rate(numerator: "persistent_absentees", denominator: "pupils", scale: 100),
                rule: .benchmark(amberWithin: 5.0),
                dfeName: "percentage of pupils who are persistently absent")
        case .severeAbsenceRate:
            MeasureDefinition(
                key: "severe_absence_rate", label: "Severe absence", unit: .percent,
                direction: .lowerIsBetter,
                source: .attendance,
                computation: .rate(numerator: "severe_absentees", denominator: "pupils", scale: 100),
                rule: .benchmark(amberWithin: 1.0), dfeName: "percentage of pupils who are severely absent")
        case .expected(let subject):
            MeasureDefinition(
                key: "\(subject.rawValue)_expected", label: label(in: .all), unit: .percent,
                direction: .higherIsBetter, source: .attainment,
                computation: .rate(numerator: "expected", denominator: "cohort", scale: 100),
                rule: .benchmark(amberWithin: 5.0),
                dfeName: "percentage of pupils \(achievement(in: .all) ?? "")")
        case .greaterDepth(let subject):
            MeasureDefinition(
                key: "\(subject.rawValue)_greater_depth", label: label(in: .all), unit: .percent,
                direction: .higherIsBetter, source: .attainment,
                computation: .rate(numerator: "greater_depth", denominator: "cohort", scale: 100),
                rule: .benchmark(amberWithin: 5.0),
                dfeName: "percentage of pupils \(achievement(in: .all) ?? "")")
        case .score(let measure):
            MeasureDefinition(
                key: measure.rawValue, label: measure.label, unit: measure.isProgress ? .progress : .score,
                direction: .higherIsBetter, decimals: measure == .progress8 ? 2 : 1,
                source: measure.isInDropFiles ? .scores : nil,
                computation: measure.isInDropFiles
                    ? .average(of: "average", weightedBy: "cohort") : .publishedOnly,
                rule: Self.scoreRule(measure), dfeName: measure.label)
        case .inclusion(let measure): measure.definition
        case .absenceBand(let measure): measure.definition
        case .absenceReason(let reason): reason.definition
        }
    }

    /// The built-in rule of a score: Attainment 8 against its benchmark, progress scores
    /// against 0 (the national average), other averages unrated.
    private static func scoreRule(_ measure: ScoreMeasure) -> RatingRule? {
        switch measure {
        case .attainment8: .benchmark(amberWithin: 2.0)
        case .progress8: .absolute(green: 0.0, amber: -0.5)
        case .readingProgress, .writingProgress, .mathsProgress: .absolute(green: 0.0, amber: -1.0)
        case .readingScaled, .mathsScaled, .gpsScaled, .mtcAverage: nil
        }
    }
}

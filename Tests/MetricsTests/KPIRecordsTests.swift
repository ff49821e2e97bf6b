import Testing

@testable import Metrics

/// `KPI.countedFrom` names the kind and item of the records every figure of a KPI is
/// counted from: each figure the calculator makes of a record is of a KPI counted from
/// that record's kind and item, so a load of those records alone misses none of its
/// figures.
@Suite struct KPIRecordsTests {
    static let drop = DataDrop(year: AcademicYear(2025), term: .spring)

    /// One record of every kind and item, each of an academy of its own, with every count
    /// a figure can come from (authorised and unauthorised sessions, absence bands and
    /// every reason, greater depth).
    static func records() -> TrustData {
        var data = TrustData()
        var number = 700_000
        func next() -> URN {
            number += 1
            return Fixtures.urn(number)
        }
        data.attendance.append(
            AttendanceRecord(
                urn: next(), drop: drop, pupils: 100, possibleSessions: 10_000, absentSessions: 600,
                persistentAbsentees: 12, severeAbsentees: 2, authorisedAbsentSessions: 400,
                unauthorisedAbsentSessions: 200,
                absenceBands: AbsenceBands(
                    underFive: 50, atRisk: 20, tenToTwenty: 20, twentyToFifty: 8, fiftyPlus: 2),
                reasons: AttendanceReasons(
                    Dictionary(uniqueKeysWithValues: AbsenceReason.allCases.map { ($0, 10) }))))
        for subject in Subject.allCases {
            data.attainment.append(
                AttainmentRecord(
                    urn: next(), drop: drop, yearGroup: .year(6), subject: subject, cohort: 30, expected: 20,
                    greaterDepth: 5))
        }
        for measure in ScoreMeasure.allCases {
            data.scores.append(
                ScoreRecord(
                    urn: next(), drop: drop, yearGroup: .year(11), measure: measure, cohort: 30, average: 45))
        }
        data.inclusion.append(
            InclusionRecord(
                urn: next(), drop: drop, pupils: 300, suspensions: 12, pupilsSuspended: 8,
                permanentExclusions: 1))
        return data
    }

    @Test func everyFigureOfARecordIsOfAKPICountedFromIt() {
        let data = Self.records()
        let calculator = FigureCalculator(data: data)
        var kinds: [URN: (kind: DropRecordKind, item: String)] = [:]
        for record in data.attendance { kinds[record.urn] = (.attendance, record.item) }
        for record in data.attainment { kinds[record.urn] = (.attainment, record.item) }
        for record in data.scores { kinds[record.urn] = (.scores, record.item) }
        for record in data.inclusion { kinds[record.urn] = (.inclusion, record.item) }
        var counted: Set<KPI> = []
        for (urn, source) in kinds {
            let figures = calculator.figures(of: urn, in: Self.drop)
            #expect(!figures.isEmpty)
            for figure in figures {
                let from = figure.kpi.countedFrom
                #expect(from.kind == source.kind && from.item == source.item, "\(figure.kpi) of \(source)")
                counted.insert(figure.kpi)
            }
        }
        // Every KPI is counted from one of them here.
        #expect(counted == Set(KPI.allCases))
    }
}

import Testing

@testable import Metrics

@Suite("The measure catalogue and the column list")
struct CatalogueTests {
    /// The keys are an interface: this list is written out by hand, not taken from the code.
    /// New measures come after the first release's 37, which keep their places.
    @Test func theKeysAreTheOnesFilesAndReportsUse() {
        let keys = KPI.allCases.map(\.key)
        #expect(
            Array(keys.prefix(6)) == [
                "attendance_rate", "absence_rate", "persistent_absence_rate", "severe_absence_rate",
                "reading_expected", "reading_greater_depth",
            ])
        #expect(keys.contains("english_maths_greater_depth"))
        #expect(Array(keys[35...36]) == ["writing_progress", "maths_progress"])
        #expect(Set(keys).count == keys.count)
        for kpi in KPI.allCases { #expect(KPI(key: kpi.key) == kpi) }
    }

    /// Every lower-is-better measure of the first release, written out by hand: a measure
    /// that forgot its direction would be rated the wrong way round. (Later measures'
    /// tests check their own.)
    @Test func onlyAbsenceMeasuresAreLowerIsBetter() {
        let lower = KPI.allCases.prefix(37).filter { $0.direction == .lowerIsBetter }.map(\.key)
        #expect(lower == ["absence_rate", "persistent_absence_rate", "severe_absence_rate"])
    }

    @Test func everyEntryNamesItsMeasureAndTheDfEs() {
        for kpi in KPI.allCases {
            let definition = kpi.definition
            #expect(!definition.label.isEmpty, "\(kpi)")
            #expect(!definition.dfeName.isEmpty, "\(kpi)")
        }
        for kpi in KPI.allCases.prefix(37) {
            #expect(kpi.decimals == (kpi == .score(.progress8) ? 2 : 1), "\(kpi)")
        }
        #expect(KPI.persistentAbsenceRate.definition.rule == .benchmark(amberWithin: 5.0))
        #expect(KPI.score(.mtcAverage).definition.rule == nil)
    }

    /// A rate computed from attendance counts names counts the attendance record has;
    /// a misspelt name would silently drop the measure.
    @Test func everyAttendanceRateNamesCountsTheRecordHas() {
        for kpi in KPI.allCases where kpi.definition.source == .attendance {
            guard case .rate(let numerator, let denominator, _) = kpi.definition.computation else {
                Issue.record("\(kpi) is not a rate")
                continue
            }
            #expect(AttendanceRecord.count(named: numerator) != nil, "\(kpi): \(numerator)")
            #expect(AttendanceRecord.count(named: denominator) != nil, "\(kpi): \(denominator)")
        }
        #expect(
            FigureCalculator.attendanceMeasures.map(\.kpi) == [
                .attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate,
                .absenceBand(.atRiskRate),
            ] + AbsenceReason.allCases.map { .absenceReason($0) })
    }

    /// 40 pupils, 1,000 possible sessions, 80 missed, 6 persistently and 2 severely
    /// absent: attendance 920/1,000 = 92%, absence 8%, persistent 6/40 = 15%, severe 5%.
    @Test func attendanceFiguresComeFromTheCatalogue() throws {
        let record = AttendanceRecord(
            urn: try #require(URN(100_001)), drop: DataDrop(year: AcademicYear(2024), term: .autumn),
            pupils: 40, possibleSessions: 1_000, absentSessions: 80, persistentAbsentees: 6,
            severeAbsentees: 2)
        let values = Dictionary(
            uniqueKeysWithValues: FigureCalculator.figures(of: record).map { ($0.kpi, $0.shown) })
        #expect(values[.attendanceRate] == 92.0)
        #expect(values[.absenceRate] == 8.0)
        #expect(values[.persistentAbsenceRate] == 15.0)
        #expect(values[.severeAbsenceRate] == 5.0)
    }

    /// Attainment and scores are computed per subject and measure, not by the counted
    /// loop, so their figures are checked against what the catalogue says: 17 of 29 at
    /// the expected standard is expected / cohort; an average of 46.5 over 150 pupils is
    /// held as 46.5 × 150 over 150.
    @Test func attainmentAndScoresAreComputedAsTheCatalogueSays() throws {
        let urn = try #require(URN(100_001))
        let drop = DataDrop(year: AcademicYear(2024), term: .summer)
        let attainment = AttainmentRecord(
            urn: urn, drop: drop, yearGroup: .year(6), subject: .rwm, cohort: 29, expected: 17,
            greaterDepth: 4)
        let figures = FigureCalculator.figures(of: attainment)
        #expect(
            KPI.expected(.rwm).definition.computation
                == .rate(numerator: "expected", denominator: "cohort", scale: 100))
        #expect(figures.map(\.numerator) == [17, 4])
        #expect(figures.map(\.denominator) == [29, 29])
        #expect(
            KPI.greaterDepth(.rwm).definition.computation
                == .rate(numerator: "greater_depth", denominator: "cohort", scale: 100))
        let score = ScoreRecord(
            urn: urn, drop: drop, yearGroup: .year(11), measure: .attainment8, cohort: 150, average: 46.5)
        #expect(
            KPI.score(.attainment8).definition.computation == .average(of: "average", weightedBy: "cohort"))
        #expect(FigureCalculator.figure(of: score).numerator == 6_975)
        #expect(FigureCalculator.figure(of: score).denominator == 150)
        #expect(KPI.score(.readingProgress).definition.computation == .publishedOnly)
    }

    /// Each header name is the case's name in snake case, and every column a file kind
    /// names is one the parser knows.
    @Test func columnNamesComeFromTheirCases() {
        #expect(Column.localAuthority.header == "local_authority")
        #expect(Column.unauthorisedAbsentSessions.header == "unauthorised_absent_sessions")
        #expect(Column.ehcpPercent.header == "ehcp_percent")
        #expect(Column.urn.header == "urn")
        let known = Set(Column.allCases.map(\.header))
        for kind in DropFileKind.allCases {
            for column in kind.requiredColumns + kind.optionalColumns {
                #expect(known.contains(column), "\(kind): \(column)")
            }
        }
    }
}

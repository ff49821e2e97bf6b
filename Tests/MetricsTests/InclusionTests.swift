import Testing

@testable import Metrics

/// Suspensions and permanent exclusions: the `inclusion` file, its three measures, and
/// their figures worked out by hand from the rows.
@Suite("Inclusion: suspensions and permanent exclusions")
struct InclusionTests {
    static let header =
        "urn,academic_year,term,pupil_group,year_group,pupils,suspensions,pupils_suspended,permanent_exclusions"

    @Test func theMeasuresAreLowerIsBetterRatesAndUnrated() {
        let keys = InclusionMeasure.allCases.map { KPI.inclusion($0).key }
        #expect(keys == ["suspension_rate", "pupils_suspended_rate", "permanent_exclusion_rate"])
        for measure in InclusionMeasure.allCases {
            let kpi = KPI.inclusion(measure)
            #expect(KPI(key: kpi.key) == kpi)
            #expect(kpi.direction == .lowerIsBetter)
            #expect(kpi.decimals == 2)
            #expect(kpi.definition.rule == nil)
            #expect(RatingRule.builtIn(for: kpi) == nil)
            guard case .rate(let numerator, let denominator, 100) = kpi.definition.computation else {
                Issue.record("\(kpi) is not a rate per 100")
                continue
            }
            #expect(InclusionRecord.count(named: numerator) != nil, "\(numerator)")
            #expect(InclusionRecord.count(named: denominator) != nil, "\(denominator)")
        }
        #expect(KPI.inclusion(.pupilsSuspendedRate).isPercentage)
        #expect(!KPI.inclusion(.suspensionRate).isPercentage)
        #expect(FigureCalculator.inclusionMeasures.count == 3)
    }

    @Test func anInclusionFileIsRecognisedAndRead() {
        let batch = Fixtures.readWithAcademies(
            "exclusions.csv",
            """
            \(Self.header)
            900102,2024/25,spring,all,all,1200,150,61,2
            900102,2024/25,spring,disadvantaged,all,310,88,33,1
            """)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.files.map(\.kind) == [.academies, .inclusion])
        #expect(
            batch.inclusion.map(\.record) == [
                InclusionRecord(
                    urn: Fixtures.urn(900_102), drop: Fixtures.spring2425, pupils: 1_200, suspensions: 150,
                    pupilsSuspended: 61, permanentExclusions: 2),
                InclusionRecord(
                    urn: Fixtures.urn(900_102), drop: Fixtures.spring2425, group: .disadvantaged, pupils: 310,
                    suspensions: 88, pupilsSuspended: 33, permanentExclusions: 1),
            ])
    }

    @Test func partsAboveTheirWholesAreErrorsThatSayWhy() {
        let batch = Fixtures.readWithAcademies(
            "exclusions.csv",
            """
            \(Self.header)
            900102,2024/25,spring,all,all,100,10,12,0
            900102,2024/25,spring,boys,all,50,40,51,51
            """)
        let errors = Fixtures.errors(batch)
        #expect(
            errors.contains {
                $0.hasPrefix(
                    "exclusions.csv:2: column 'pupils_suspended', value '12': is more than suspensions (10)")
            }, "\(errors)")
        #expect(
            errors.contains {
                $0.hasPrefix(
                    "exclusions.csv:3: column 'pupils_suspended', value '51': is more than pupils (50)")
            }, "\(errors)")
        #expect(
            errors.contains {
                $0.hasPrefix(
                    "exclusions.csv:3: column 'permanent_exclusions', value '51': is more than pupils (50)")
            }, "\(errors)")
        #expect(batch.inclusion.isEmpty)
    }

    @Test func theSameKeyTwiceIsAnError() {
        let batch = Fixtures.readWithAcademies(
            "exclusions.csv",
            """
            \(Self.header)
            900102,2024/25,spring,all,all,100,10,8,0
            900102,2024/25,spring,all,all,100,11,8,0
            """)
        #expect(
            Fixtures.errors(batch).contains {
                $0.contains(
                    "exclusions.csv:3: gives inclusion for 900102, 2024/25 spring, all pupils, all years again; "
                        + "it was first given at exclusions.csv:2")
            }, "\(Fixtures.errors(batch))")
    }

    /// Hollybank: 412 pupils, 37 suspensions of 19 pupils, 1 permanent exclusion:
    /// 37 / 412 × 100 = 8.98 suspensions per 100 pupils, 19 / 412 = 4.61% suspended,
    /// 1 / 412 × 100 = 0.24 permanent exclusions per 100.
    /// Castle Rise: 1,188 pupils, 203 suspensions of 70 pupils, 3 exclusions.
    /// Trust: 240 / 1,600 × 100 = 15.00; 89 / 1,600 = 5.5625% → 5.56; 4 / 1,600 × 100 = 0.25.
    @Test func figuresAreCountsOverPupilsPer100() {
        let hollybank = Fixtures.urn(900_101)
        let castle = Fixtures.urn(900_102)
        let drop = Fixtures.spring2425
        let data = TrustData(
            academies: [
                Academy(urn: hollybank, name: "Hollybank Primary", phase: .primary),
                Academy(urn: castle, name: "Castle Rise Academy", phase: .secondary),
            ],
            ingestedAt: [:],
            inclusion: [
                InclusionRecord(
                    urn: hollybank, drop: drop, pupils: 412, suspensions: 37, pupilsSuspended: 19,
                    permanentExclusions: 1),
                InclusionRecord(
                    urn: castle, drop: drop, pupils: 1_188, suspensions: 203, pupilsSuspended: 70,
                    permanentExclusions: 3),
            ])
        let figures = FigureCalculator(data: data).figures(for: drop)
        func shown(_ owner: Figure.Owner, _ measure: InclusionMeasure) -> Double? {
            figures[
                FigureCalculator.Key(owner: owner, kpi: .inclusion(measure), group: .all, yearGroup: .all)]?
                .shown
        }
        #expect(shown(.academy(hollybank), .suspensionRate) == 8.98)
        #expect(shown(.academy(hollybank), .pupilsSuspendedRate) == 4.61)
        #expect(shown(.academy(hollybank), .permanentExclusionRate) == 0.24)
        #expect(shown(.trust, .suspensionRate) == 15.0)
        #expect(shown(.trust, .pupilsSuspendedRate) == 5.56)
        #expect(shown(.trust, .permanentExclusionRate) == 0.25)
        #expect(data.drops == [drop])
    }

    /// A group of fewer than 6 pupils is hidden, and, as for attendance, so is the other
    /// group that would give it away by subtraction: 40 = 36 boys + 4 girls.
    @Test func smallGroupsAreHidden() {
        let urn = Fixtures.urn(900_101)
        let drop = Fixtures.spring2425
        func row(_ group: PupilGroup, _ pupils: Int) -> InclusionRecord {
            InclusionRecord(
                urn: urn, drop: drop, group: group, pupils: pupils, suspensions: 2, pupilsSuspended: 1,
                permanentExclusions: 0)
        }
        let data = TrustData(
            academies: [Academy(urn: urn, name: "Hollybank Primary", phase: .primary)],
            inclusion: [row(.all, 40), row(.boys, 36), row(.girls, 4)])
        let rater = DropRater(data: data, drop: drop, config: RatingConfig())
        let suspended = rater.rated(urn).filter { $0.figure.kpi == .inclusion(.suspensionRate) }
        let hidden = Set(suspended.filter { $0.rating == .suppressed }.map(\.figure.group))
        let shown = Set(suspended.filter { $0.rating != .suppressed }.map(\.figure.group))
        #expect(hidden == [.girls, .boys])
        #expect(shown == [.all])
    }
}

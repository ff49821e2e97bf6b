import Metrics
import Testing

/// `PupilGroup.index`, `Subject.index`, the measures' and reasons' indexes and `KPI.index`
/// are switches, for speed: each must still be the case's place in `allCases`, which
/// orders reports, keys figures and finds a KPI's catalogue entry.
@Suite("Pupil group, subject, measure and KPI indexes")
struct ModelIndexTests {
    @Test("each pupil group's index is its place in allCases")
    func pupilGroups() {
        // The declaration order, written out: all, disadvantaged, not disadvantaged,
        // SEN support, EHCP, no SEN, EAL, boys, girls.
        let order: [PupilGroup] = [
            .all, .disadvantaged, .notDisadvantaged, .senSupport, .ehcp, .noSen, .eal, .boys, .girls,
        ]
        #expect(PupilGroup.allCases == order)
        for (place, group) in order.enumerated() { #expect(group.index == place, "\(group)") }
    }

    @Test("each subject's index is its place in allCases")
    func subjects() {
        let order: [Subject] = [
            .reading, .writing, .maths, .rwm, .gps, .science, .phonics, .gld, .mtc, .english, .englishMaths,
            .ebacc,
        ]
        #expect(Subject.allCases == order)
        for (place, subject) in order.enumerated() { #expect(subject.index == place, "\(subject)") }
    }

    @Test("each score, inclusion and band measure's and absence reason's index is its place")
    func measures() {
        let scores: [ScoreMeasure] = [
            .attainment8, .progress8, .readingScaled, .mathsScaled, .gpsScaled, .mtcAverage, .readingProgress,
            .writingProgress, .mathsProgress,
        ]
        #expect(ScoreMeasure.allCases == scores)
        for (place, measure) in scores.enumerated() { #expect(measure.index == place, "\(measure)") }
        let inclusion: [InclusionMeasure] = [.suspensionRate, .pupilsSuspendedRate, .permanentExclusionRate]
        #expect(InclusionMeasure.allCases == inclusion)
        for (place, measure) in inclusion.enumerated() { #expect(measure.index == place, "\(measure)") }
        #expect(AbsenceBandMeasure.allCases == [.atRiskRate])
        #expect(AbsenceBandMeasure.atRiskRate.index == 0)
        let reasons: [AbsenceReason] = [
            .illness, .medical, .authorisedOther, .partTimeTimetable, .authorisedHoliday,
            .unauthorisedHoliday,
            .late, .noReasonYet, .unauthorisedOther,
        ]
        #expect(AbsenceReason.allCases == reasons)
        for (place, reason) in reasons.enumerated() { #expect(reason.index == place, "\(reason)") }
    }

    @Test("each KPI's index is its place in allCases, and finds its own catalogue entry")
    func kpis() {
        #expect(KPI.allCases.count > 30)
        for (place, kpi) in KPI.allCases.enumerated() {
            #expect(kpi.index == place, "\(kpi)")
            #expect(KPI(key: kpi.definition.key) == kpi, "\(kpi)")
        }
    }
}

import Metrics
import Testing

/// `PupilGroup.index` and `Subject.index` are switches, for speed: each must still be the
/// case's place in `allCases`, which orders reports and keys figures.
@Suite("Pupil group and subject indexes")
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
}

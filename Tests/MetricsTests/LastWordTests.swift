import Testing

@testable import Metrics

/// A word like the one above it in its column is known from its bytes without being looked
/// up (`DropFileParser.LastWord`): the same word in another case, a near miss after a
/// good word, a blank cell after one, and words that change row by row all read as a
/// look-up reads them.
@Suite("Words known from the row before")
struct LastWordTests {
    static let header =
        "urn,academic_year,term,year_group,subject,pupil_group,basis,cohort,expected," + "greater_depth"
    static let known: Set<URN> = [Fixtures.urn(900_101)]

    @Test func repeatedWordsReadAsLookedUp() {
        let rows = [
            "900101,2024/25,spring,6,reading,all,teacher_assessment,30,20,5",
            "900101,2024/25,Spring,6,READING,disadvantaged,Teacher_Assessment,10,5,1",
            "900101,2024/25,spring,6,reading,boys,teacher_assessmenx,10,5,1",
            "900101,2024/25,summer,6,writing,boys,statutory,10,5,1",
            "900101,2024/25,summer,6,writing,girls,,10,5,1",
            "900101,2024/25,sumer,6,writing,eal,statutory,10,5,1",
            "900101,2024/25,summer,6,writing,not_disadvantaged,statutory,10,5,1",
            "900101,2024/25,summer,6,writing,not_disadvantagex,statutory,10,5,1",
            "900101,2024/25,summer,6,maths,NOT_DISADVANTAGED,statutory,10,5,1",
        ]
        let text = Self.header + "\n" + rows.joined(separator: "\n") + "\n"
        let batch = Fixtures.read([("a.csv", text)], known: Self.known)
        let read = batch.attainment.map {
            "\($0.line) \($0.record.drop.term) \($0.record.subject) \($0.record.group) \($0.record.basis)"
        }
        #expect(
            read == [
                "2 spring reading all teacherAssessment",
                "3 spring reading disadvantaged teacherAssessment",
                "5 summer writing boys statutory",
                "6 summer writing girls teacherAssessment",
                "8 summer writing notDisadvantaged statutory",
                "10 summer maths notDisadvantaged statutory",
            ])
        #expect(
            batch.errors.map { "\($0.line ?? 0) \($0.column ?? "") \($0.value ?? "")" } == [
                "4 basis teacher_assessmenx", "7 term sumer", "9 pupil_group not_disadvantagex",
            ])
    }

    /// Of two columns holding the same word, each keeps its own: a term of "all" would not
    /// be read because the pupil group before it was "all".
    @Test func eachColumnKeepsItsOwnLastWord() {
        let rows = [
            "900101,2024/25,spring,all,reading,all,statutory,30,20,5",
            "900101,2024/25,all,all,reading,boys,statutory,30,20,5",
        ]
        let text = Self.header + "\n" + rows.joined(separator: "\n") + "\n"
        let batch = Fixtures.read([("a.csv", text)], known: Self.known)
        #expect(batch.attainment.count == 1)
        #expect(batch.errors.map { "\($0.line ?? 0) \($0.column ?? "")" } == ["3 term"])
    }
}

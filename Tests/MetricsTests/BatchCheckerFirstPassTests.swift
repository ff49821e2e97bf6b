import Testing

@testable import Metrics

/// The attainment rows' first pass runs on another thread from 10,000 rows on
/// (`BatchChecker.FirstPass`): what it finds is reported as when every kind was looked at
/// on one thread, in the same order, beside the other kinds' findings on the same lines.
@Suite("The attainment rows' first pass on another thread")
struct BatchCheckerFirstPassTests {
    static let header =
        "urn,academic_year,term,year_group,subject,pupil_group,basis,cohort,expected," + "greater_depth"
    static let subjects = ["reading", "writing", "maths", "rwm", "gps", "science"]
    static let groups = ["all", "disadvantaged", "boys", "girls", "eal", "sen_support", "ehcp", "no_sen"]

    /// `count` attainment rows of academies 900000 on, each academy in a run; `change`
    /// may rewrite a row (by its index) before it is joined.
    static func attainment(_ count: Int, change: (Int, String) -> String = { $1 }) -> String {
        var lines = [header]
        for index in 0..<count {
            let academy = 900_000 + index / 48
            let subject = subjects[index / 8 % subjects.count]
            let row = "\(academy),2024/25,summer,6,\(subject),\(groups[index % 8]),statutory,30,20,5"
            lines.append(change(index, row))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [480, 12_000])
    func repeatsAndUnknownAcademiesAreReportedInOrder(rows: Int) {
        let known = Set((0..<rows / 48).filter { $0 != 3 }.map { Fixtures.urn(900_000 + $0) })
        // Row 50 (line 52) repeats row 49 (line 51); academy 900003 (rows 144–191) is not
        // known; the attendance file names it too, and repeats its own line 2 on line 3.
        let text = Self.attainment(rows) { index, row in
            index == 50 ? "900001,2024/25,summer,6,reading,disadvantaged,statutory,30,20,5" : row
        }
        let attendance =
            "urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees\n"
            + "900003,2024/25,summer,30,6000,300,4\n900001,2024/25,summer,30,6000,300,4\n"
            + "900001,2024/25,summer,30,6000,300,4\n"
        let batch = Fixtures.read([("b.csv", attendance), ("a.csv", text)], known: known)
        #expect(
            batch.errors.map(\.description) == [
                "b.csv:2: column 'urn', value '900003': is not an academy of the trust; "
                    + "add it to an academies file in this batch, or ingest that file first",
                "b.csv:4: gives attendance for 900001, 2024/25 summer, all pupils, all years again; it was "
                    + "first given at b.csv:3; keep one of the two rows (a later batch may correct a value)",
                "a.csv:52: gives reading attainment for 900001, 2024/25 summer, disadvantaged, Year 6 again; "
                    + "it was first given at a.csv:51; keep one of the two rows (a later batch may correct a value)",
                "a.csv:146: column 'urn', value '900003': is not an academy of the trust (47 more rows in "
                    + "this file name it too); add it to an academies file in this batch, or ingest that file first",
            ])
    }
}

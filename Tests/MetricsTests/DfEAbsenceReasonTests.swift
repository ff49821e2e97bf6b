import Foundation
import Testing

@testable import Metrics

/// The reason columns of the DfE's Explore Education Statistics absence files.
@Suite("Reasons for absence from the DfE's Explore Education Statistics files")
struct DfEAbsenceReasonTests {
    static let header =
        EESFixtures.header
        + ",sess_auth_illness,sess_auth_appointments,sess_auth_religious,sess_auth_holiday,sess_auth_other,"
        + "sess_unauth_holiday,sess_unauth_late,sess_unauth_noyet,sess_unauth_other"

    /// Authorised 2,000 of which illness 1,500, appointments 200, holiday 0; unauthorised
    /// 500: holiday 120, late 30, no reason yet `x` (not available), other 340. Religious
    /// (30) and the DfE's other (270) make no reason of trustboard's on their own.
    @Test func eachMatchingColumnFillsItsReason() throws {
        let text =
            Self.header + "\n" + EESFixtures.school() + ",1500,200,30,0,270,120,30,x,340\n"
        let batch = EESFixtures.read(text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let reasons = try #require(batch.attendance.first?.record.reasons)
        #expect(reasons[.illness] == 1_500)
        #expect(reasons[.medical] == 200)
        #expect(reasons[.authorisedHoliday] == 0)
        #expect(reasons[.unauthorisedHoliday] == 120)
        #expect(reasons[.late] == 30)
        #expect(reasons[.noReasonYet] == nil)
        #expect(reasons[.unauthorisedOther] == 340)
        #expect(reasons[.authorisedOther] == nil)
        #expect(reasons[.partTimeTimetable] == nil)
    }

    /// Unauthorised reasons 120 + 30 + 10 + 345 = 505 > 500: that side is left out with a
    /// warning, the authorised side and the row are kept.
    @Test func reasonsAboveTheirTotalAreLeftOutWithAWarning() throws {
        let text =
            Self.header + "\n" + EESFixtures.school() + ",1500,200,30,0,270,120,30,10,345\n"
        let batch = EESFixtures.read(text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let reasons = try #require(batch.attendance.first?.record.reasons)
        #expect(reasons[.illness] == 1_500)
        #expect(reasons[.late] == nil)
        #expect(reasons[.unauthorisedOther] == nil)
        #expect(
            batch.warnings.map(\.problem).contains {
                $0.hasPrefix("1 time a school row's reasons for absence added up to more than")
            })
    }

    @Test func anUnreadableReasonIsAnErrorThatSaysWhere() {
        let text =
            Self.header + "\n" + EESFixtures.school() + ",lots,200,30,0,270,120,30,10,300\n"
        let errors = Fixtures.errors(EESFixtures.read(text))
        #expect(
            errors.contains {
                $0.hasPrefix("ees.csv:2: column 'sess_auth_illness', value 'lots': is neither a count")
            }, "\(errors)")
    }

    /// A national row's reasons become national benchmarks: 1,500 / 50,000 = 3.0% illness.
    @Test func aNationalRowGivesReasonBenchmarks() throws {
        let national =
            "202122,Academic year,National,,State-funded primary,,,,200,50000,2500,2000,500,30,4,"
            + "1500,200,30,0,270,120,30,10,300"
        let batch = EESFixtures.read(Self.header + "\n" + national + "\n")
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let illness = try #require(
            batch.benchmarks.map(\.record).first { $0.kpi == .absenceReason(.illness) })
        #expect(illness.value == 3.0)
        #expect(illness.phase == .primary)
        #expect(illness.scope == .national)
        let late = try #require(batch.benchmarks.map(\.record).first { $0.kpi == .absenceReason(.late) })
        #expect(late.value == 100 * 30 / 50_000.0)
    }

    /// Beckfoot School (139975) and Beckfoot Heaton Primary (143094), 2021/22, from the
    /// raw rows of the DfE's file (lines 1302 and 214):
    /// - Beckfoot School: `sess_possible` 487,932, `sess_auth_illness` 26,378 → 5.406% →
    ///   5.4; `sess_unauth_noyet` 1,800 → 0.369% → 0.4; `sess_unauth_late` 352 → 0.072% → 0.1.
    /// - Beckfoot Heaton: 200,813 possible, illness 5,389 → 2.684% → 2.7;
    ///   `sess_unauth_holiday` 3,171 → 1.579% → 1.6.
    /// - The two together, illness: 31,767 / 688,745 = 4.612% → 4.6.
    /// The DfE's own `sess_auth_illness_rate` for Beckfoot School agrees: 5.406…
    @Test(.enabled(if: EESFixtures.bradfordPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func bradfordReasonRatesAreWorkedOutFromTheRawRows() throws {
        let data = try #require(FileManager.default.contents(atPath: EESFixtures.bradford))
        let text = String(decoding: data, as: UTF8.self)
        // CRLF line ends: "\r\n" is one Character, a newline.
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        // The raw lines hold the counts above, read here by the test itself.
        let header = lines[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        func raw(_ line: Int, _ column: String) throws -> String {
            let index = try #require(header.firstIndex(of: column))
            try #require(lines.indices.contains(line - 1))
            let fields = lines[line - 1].split(separator: ",", omittingEmptySubsequences: false)
            try #require(fields.indices.contains(index))
            return String(fields[index])
        }
        #expect(try raw(1302, "school_urn") == "139975")
        #expect(try raw(1302, "time_period") == "202122")
        #expect(try raw(1302, "sess_possible") == "487932")
        #expect(try raw(1302, "sess_auth_illness") == "26378")
        #expect(try raw(1302, "sess_unauth_noyet") == "1800")
        #expect(try raw(1302, "sess_unauth_late") == "352")
        #expect(try raw(1302, "sess_auth_illness_rate").hasPrefix("5.406"))
        #expect(try raw(214, "school_urn") == "143094")
        #expect(try raw(214, "time_period") == "202122")
        #expect(try raw(214, "sess_possible") == "200813")
        #expect(try raw(214, "sess_auth_illness") == "5389")
        #expect(try raw(214, "sess_unauth_holiday") == "3171")

        let school = Fixtures.urn(139_975)
        let heaton = Fixtures.urn(143_094)
        let batch = DropReader(knownAcademies: [school, heaton]).read(files: [("bradford.csv", [UInt8](data))]
        )
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let drop = DataDrop(year: AcademicYear(2021), term: .summer)
        let trust = TrustData(
            academies: [
                Academy(urn: school, name: "Beckfoot School", phase: .secondary),
                Academy(urn: heaton, name: "Beckfoot Heaton Primary", phase: .primary),
            ],
            attendance: batch.attendance.map(\.record))
        let figures = FigureCalculator(data: trust).figures(for: drop)
        func shown(_ owner: Figure.Owner, _ reason: AbsenceReason) -> Double? {
            figures[
                FigureCalculator.Key(owner: owner, kpi: .absenceReason(reason), group: .all, yearGroup: .all)]?
                .shown
        }
        #expect(shown(.academy(school), .illness) == 5.4)
        #expect(shown(.academy(school), .noReasonYet) == 0.4)
        #expect(shown(.academy(school), .late) == 0.1)
        #expect(shown(.academy(heaton), .illness) == 2.7)
        #expect(shown(.academy(heaton), .unauthorisedHoliday) == 1.6)
        #expect(shown(.trust, .illness) == 4.6)
        // The DfE's grouping of other authorised absence is not trustboard's: never filled.
        #expect(shown(.academy(school), .authorisedOther) == nil)
    }

    /// The DfE's reasons add up to a little more than its totals in two Bradford rows
    /// (139995 in 2020/21: unauthorised reasons 13,410 for 13,404 sessions; 141002 in
    /// 2021/22: 7,813 for 7,809); reading the whole file as every school's keeps both rows.
    @Test(.enabled(if: EESFixtures.bradfordPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func bradfordRowsWhoseReasonsOverrunTheirTotalKeepTheirAttendance() throws {
        let data = try #require(FileManager.default.contents(atPath: EESFixtures.bradford))
        let known: Set<URN> = [Fixtures.urn(139_995), Fixtures.urn(141_002)]
        let batch = DropReader(knownAcademies: known).read(files: [("bradford.csv", [UInt8](data))])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let overrun = batch.attendance.map(\.record).filter {
            ($0.urn == Fixtures.urn(139_995) && $0.drop.year == AcademicYear(2020))
                || ($0.urn == Fixtures.urn(141_002) && $0.drop.year == AcademicYear(2021))
        }
        #expect(overrun.count == 2)
        for record in overrun {
            #expect(record.reasons[.unauthorisedOther] == nil)
            #expect(record.reasons[.illness] != nil)
            #expect(record.brokenRule == nil)
        }
        #expect(
            batch.warnings.map(\.problem).contains {
                $0.hasPrefix("2 times a school row's reasons for absence added up to more than")
            })
    }
}

import Foundation
import Testing

@testable import Metrics

/// Absence by reason: the codes each reason is made of, the reason columns of the
/// `attendance` file, the measures and their figures worked out by hand from the rows.
@Suite("Absence by reason")
struct AbsenceReasonTests {
    static let header =
        "urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees,"
        + "authorised_absent_sessions,unauthorised_absent_sessions,illness_sessions,medical_sessions,"
        + "authorised_other_sessions,part_time_timetable_sessions,unauthorised_holiday_sessions,late_sessions,"
        + "no_reason_yet_sessions,unauthorised_other_sessions"

    /// The keys are an interface: written out by hand.
    @Test func theMeasuresAreLowerIsBetterShareOfPossibleSessionsAndUnrated() {
        let keys = AbsenceReason.allCases.map { KPI.absenceReason($0).key }
        #expect(
            keys == [
                "illness_absence_rate", "medical_absence_rate", "authorised_other_absence_rate",
                "part_time_timetable_absence_rate", "authorised_holiday_absence_rate",
                "unauthorised_holiday_absence_rate", "late_absence_rate", "no_reason_yet_absence_rate",
                "unauthorised_other_absence_rate",
            ])
        for reason in AbsenceReason.allCases {
            let kpi = KPI.absenceReason(reason)
            #expect(KPI(key: kpi.key) == kpi)
            #expect(kpi.direction == .lowerIsBetter)
            #expect(kpi.isPercentage)
            #expect(kpi.decimals == 1)
            #expect(kpi.isAttendance)
            #expect(RatingRule.builtIn(for: kpi) == nil)
            #expect(
                kpi.definition.computation
                    == .rate(numerator: reason.countName, denominator: "possible_sessions", scale: 100))
            #expect(AttendanceRecord.count(named: reason.countName) != nil)
        }
        // Every reason is computed from an attendance row, beside the four attendance
        // measures and the at-risk band share.
        #expect(FigureCalculator.attendanceMeasures.count == 4 + 1 + 9)
        // The keys come after every earlier measure, which keep their places.
        #expect(KPI.allCases.suffix(9).map(\.key) == keys)
    }

    /// Each register code belongs to one reason, and C2 and H to none but their own.
    @Test func codesMakeReasons() {
        let expected: [String: AbsenceReason] = [
            "I": .illness, "M": .medical, "C": .authorisedOther, "C1": .authorisedOther,
            "E": .authorisedOther,
            "J1": .authorisedOther, "R": .authorisedOther, "S": .authorisedOther, "T": .authorisedOther,
            "C2": .partTimeTimetable, "H": .authorisedHoliday, "G": .unauthorisedHoliday, "U": .late,
            "N": .noReasonYet, "O": .unauthorisedOther,
        ]
        for (code, reason) in expected {
            #expect(AbsenceReason(code: code) == reason, "\(code)")
            #expect(AbsenceReason(code: code.lowercased()) == reason, "\(code)")
        }
        for code in ["/", "\\", "L", "K", "V", "P", "W", "B", "D", "X", "Y1", "Z", "#", "F"] {
            #expect(AbsenceReason(code: code) == nil, "\(code)")
        }
        #expect(Set(AbsenceReason.allCases.flatMap(\.codes)) == Set(expected.keys))
        let authorised = Set(AbsenceReason.allCases.filter(\.isAuthorised).flatMap(\.codes))
        #expect(authorised == ["I", "M", "C", "C1", "E", "J1", "R", "S", "T", "C2", "H"])
    }

    /// Per-code sums, as an export reader keeps them, make the reasons: authorised other
    /// is C 4 + E 6 + R 2 = 12; a reason with no code given is not given, not 0.
    @Test func perCodeSumsFillTheReasons() {
        let reasons = AttendanceReasons(codes: ["I": 120, "C": 4, "e": 6, "R": 2, "C2": 9, "G": 0, "/": 900])
        #expect(reasons[.illness] == 120)
        #expect(reasons[.authorisedOther] == 12)
        #expect(reasons[.partTimeTimetable] == 9)
        #expect(reasons[.unauthorisedHoliday] == 0)
        #expect(reasons[.medical] == nil)
        #expect(reasons[.late] == nil)
        #expect(reasons.given(authorised: true) == 141)
        #expect(reasons.given(authorised: false) == 0)
        #expect(AttendanceReasons(codes: [:]).given(authorised: false) == nil)
    }

    @Test func reasonColumnsAreReadAndAnEmptyOneIsNotGiven() throws {
        let batch = Fixtures.readWithAcademies(
            "attendance.csv",
            """
            \(Self.header)
            900101,2024/25,spring,400,100000,5000,40,3500,1500,2400,300,500,100,600,50,,850
            """)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let record = try #require(batch.attendance.first?.record)
        #expect(record.reasons[.illness] == 2_400)
        #expect(record.reasons[.medical] == 300)
        #expect(record.reasons[.authorisedOther] == 500)
        #expect(record.reasons[.partTimeTimetable] == 100)
        #expect(record.reasons[.unauthorisedHoliday] == 600)
        #expect(record.reasons[.late] == 50)
        #expect(record.reasons[.noReasonYet] == nil)
        #expect(record.reasons[.unauthorisedOther] == 850)
        #expect(record.reasons[.authorisedHoliday] == nil)
    }

    @Test func aFileWithoutReasonColumnsGivesNone() throws {
        let batch = Fixtures.readWithAcademies(
            "attendance.csv",
            """
            urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees
            900101,2024/25,spring,400,100000,5000,40
            """)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(try #require(batch.attendance.first?.record).reasons.isEmpty)
    }

    /// Line 2: authorised reasons 2,400 + 300 + 900 = 3,600 > 3,500 authorised. Line 3:
    /// unauthorised reasons 1,000 + 600 = 1,600 > 1,500. Line 4 gives no split, so its
    /// reasons are held to the 5,000 absent: 4,000 + 1,200 = 5,200 > 5,000, though each
    /// side alone would fit.
    @Test func reasonsAboveTheirTotalAreErrorsThatSayWhy() {
        let header =
            "urn,academic_year,term,pupil_group,pupils,possible_sessions,absent_sessions,persistent_absentees,"
            + "authorised_absent_sessions,unauthorised_absent_sessions,illness_sessions,medical_sessions,"
            + "authorised_other_sessions,unauthorised_other_sessions,late_sessions"
        let batch = Fixtures.readWithAcademies(
            "attendance.csv",
            """
            \(header)
            900101,2024/25,spring,all,400,100000,5000,40,3500,1500,2400,300,900,,
            900101,2024/25,spring,boys,200,50000,5000,20,3500,1500,,,,1000,600
            900101,2024/25,spring,girls,200,50000,5000,20,,,4000,,,1200,
            """)
        let errors = Fixtures.errors(batch)
        #expect(
            errors.contains {
                $0.hasPrefix(
                    "attendance.csv:2: column 'authorised_absent_sessions', value '3500': is less than the "
                        + "authorised reasons given (illness_sessions 2400 + medical_sessions 300 + "
                        + "authorised_other_sessions 900 = 3600)")
            }, "\(errors)")
        #expect(
            errors.contains {
                $0.hasPrefix(
                    "attendance.csv:3: column 'unauthorised_absent_sessions', value '1500': is less than the "
                        + "unauthorised reasons given (late_sessions 600 + unauthorised_other_sessions 1000 = 1600)"
                )
            }, "\(errors)")
        #expect(
            errors.contains {
                $0.hasPrefix(
                    "attendance.csv:4: column 'absent_sessions', value '5000': is less than the reasons given "
                        + "(illness_sessions 4000 + unauthorised_other_sessions 1200 = 5200)")
            }, "\(errors)")
        #expect(errors.count == 3, "\(errors)")
        #expect(batch.errors.allSatisfy { $0.fix?.isEmpty == false })
        #expect(batch.attendance.isEmpty)
    }

    /// Oak (primary): 100,000 possible sessions, 2,400 missed for illness → 2.4%, 50 late
    /// → 0.05% → 0.1 (half away from zero); no-reason-yet not given, so no figure.
    /// Elm: 60,000 possible, 1,860 illness → 3.1%, no late given.
    /// Trust illness: (2,400 + 1,860) / 160,000 = 2.6625% → 2.7; trust late is Oak's alone,
    /// 50 / 100,000 → 0.1, since Elm does not give it.
    @Test func figuresAreSessionsOverPossibleSessions() {
        let oak = Fixtures.urn(900_101)
        let elm = Fixtures.urn(900_102)
        let drop = Fixtures.spring2425
        var oakReasons = AttendanceReasons()
        oakReasons[.illness] = 2_400
        oakReasons[.late] = 50
        var elmReasons = AttendanceReasons()
        elmReasons[.illness] = 1_860
        let data = TrustData(
            academies: [
                Academy(urn: oak, name: "Oak Primary", phase: .primary),
                Academy(urn: elm, name: "Elm Academy", phase: .secondary),
            ],
            attendance: [
                AttendanceRecord(
                    urn: oak, drop: drop, pupils: 400, possibleSessions: 100_000, absentSessions: 5_000,
                    persistentAbsentees: 40, reasons: oakReasons),
                AttendanceRecord(
                    urn: elm, drop: drop, pupils: 250, possibleSessions: 60_000, absentSessions: 4_000,
                    persistentAbsentees: 30, reasons: elmReasons),
            ])
        let figures = FigureCalculator(data: data).figures(for: drop)
        func shown(_ owner: Figure.Owner, _ reason: AbsenceReason) -> Double? {
            figures[
                FigureCalculator.Key(owner: owner, kpi: .absenceReason(reason), group: .all, yearGroup: .all)]?
                .shown
        }
        #expect(shown(.academy(oak), .illness) == 2.4)
        #expect(shown(.academy(oak), .late) == 0.1)
        #expect(shown(.academy(oak), .noReasonYet) == nil)
        #expect(shown(.academy(elm), .illness) == 3.1)
        #expect(shown(.academy(elm), .late) == nil)
        #expect(shown(.trust, .illness) == 2.7)
        #expect(shown(.trust, .late) == 0.1)
    }

    /// The store refuses a record whose reasons are more than their side's total.
    @Test func theStoresRuleHoldsReasonsToTheirTotals() {
        var reasons = AttendanceReasons()
        reasons[.illness] = 300
        reasons[.medical] = 250
        let record = AttendanceRecord(
            urn: Fixtures.urn(900_101), drop: Fixtures.spring2425, pupils: 10, possibleSessions: 3_000,
            absentSessions: 600, persistentAbsentees: 2, authorisedAbsentSessions: 500,
            unauthorisedAbsentSessions: 100, reasons: reasons)
        #expect(record.brokenRule == "authorised reasons <= authorised_absent_sessions")
        var fits = record
        fits.reasons[.medical] = 200
        #expect(fits.brokenRule == nil)
        var negative = fits
        negative.reasons[.late] = -1
        #expect(negative.brokenRule == "late_sessions >= 0")
    }
}

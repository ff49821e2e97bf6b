/// A reason for absence, as the register's attendance codes group it: the rate of
/// sessions missed for the reason as a share of possible sessions, as the DfE's "Pupil
/// absence in schools in England" releases publish it (`sess_auth_illness` ÷
/// `sess_possible` × 100 for illness).
///
/// This is the one place that says which codes make which reason (`codes`), which count
/// of an attendance record holds it (`countName`) and which column of the DfE's files
/// gives it (`dfeColumn`). A new reason is a case and its entries here (and its count in
/// `AttendanceReasons`).
public enum AbsenceReason: String, CaseIterable, Comparable, Sendable {
    /// Illness, not medical or dental appointments (code I).
    case illness = "illness_absence_rate"
    /// Medical or dental appointments (code M).
    case medical = "medical_absence_rate"
    /// Every other authorised absence but part-time timetables and holidays: other
    /// exceptional circumstances (C), regulated performance or employment abroad (C1),
    /// suspended or excluded with no alternative provision (E), interview (J1), religious
    /// observance (R), study leave (S) and Traveller absence (T).
    case authorisedOther = "authorised_other_absence_rate"
    /// Temporarily reduced (part-time) timetables (code C2).
    case partTimeTimetable = "part_time_timetable_absence_rate"
    /// Holiday authorised by the school (code H, no longer in the register's codes from
    /// 2024/25; the DfE's files give it for earlier years).
    case authorisedHoliday = "authorised_holiday_absence_rate"
    /// Holiday not authorised by the school (code G).
    case unauthorisedHoliday = "unauthorised_holiday_absence_rate"
    /// Arrived after registers closed (code U).
    case late = "late_absence_rate"
    /// Reason not yet given (code N).
    case noReasonYet = "no_reason_yet_absence_rate"
    /// Absent in other or unknown circumstances (code O).
    case unauthorisedOther = "unauthorised_other_absence_rate"

    /// The register's attendance codes that make the reason (the School Attendance
    /// (Pupil Registration) (England) Regulations 2024, and H before them).
    public var codes: [String] {
        switch self {
        case .illness: ["I"]
        case .medical: ["M"]
        case .authorisedOther: ["C", "C1", "E", "J1", "R", "S", "T"]
        case .partTimeTimetable: ["C2"]
        case .authorisedHoliday: ["H"]
        case .unauthorisedHoliday: ["G"]
        case .late: ["U"]
        case .noReasonYet: ["N"]
        case .unauthorisedOther: ["O"]
        }
    }

    /// True for a reason of authorised absence, false for unauthorised.
    public var isAuthorised: Bool {
        switch self {
        case .illness, .medical, .authorisedOther, .partTimeTimetable, .authorisedHoliday: true
        case .unauthorisedHoliday, .late, .noReasonYet, .unauthorisedOther: false
        }
    }

    /// The name of the attendance record's count of sessions missed for the reason, which
    /// is also its column in the `attendance` file (but for authorised holiday, which only
    /// the DfE's files give).
    public var countName: String {
        switch self {
        case .illness: "illness_sessions"
        case .medical: "medical_sessions"
        case .authorisedOther: "authorised_other_sessions"
        case .partTimeTimetable: "part_time_timetable_sessions"
        case .authorisedHoliday: "authorised_holiday_sessions"
        case .unauthorisedHoliday: "unauthorised_holiday_sessions"
        case .late: "late_sessions"
        case .noReasonYet: "no_reason_yet_sessions"
        case .unauthorisedOther: "unauthorised_other_sessions"
        }
    }

    /// True when the reason may be given in the `attendance` file: every reason with a
    /// code in the register from 2024/25, so not authorised holiday.
    public var isInDropFiles: Bool { self != .authorisedHoliday }

    /// The column of the DfE's Explore Education Statistics absence files that gives the
    /// reason's sessions; nil where the DfE groups codes differently. The DfE's
    /// `sess_auth_other` is code C alone, which before 2024/25 also held part-time
    /// timetables (no C2 then), so it is neither authorised other nor C2.
    public var dfeColumn: String? {
        switch self {
        case .illness: "sess_auth_illness"
        case .medical: "sess_auth_appointments"
        case .authorisedHoliday: "sess_auth_holiday"
        case .unauthorisedHoliday: "sess_unauth_holiday"
        case .late: "sess_unauth_late"
        case .noReasonYet: "sess_unauth_noyet"
        case .unauthorisedOther: "sess_unauth_other"
        case .authorisedOther, .partTimeTimetable: nil
        }
    }

    /// The reason a register code belongs to (case ignored); nil for a code that is not
    /// an absence with a reason here (present, approved activity, not possible).
    public init?(code: String) {
        let wanted = code.uppercased()
        guard let reason = Self.allCases.first(where: { $0.codes.contains(wanted) }) else { return nil }
        self = reason
    }

    /// The measure's catalogue entry: a percentage of possible sessions, lower is
    /// better, one decimal as the DfE publishes it. No built-in rule: the DfE sets no
    /// expectation for any one reason, and a trust's reasons follow its intake (illness
    /// in a special school, say), so the national figures are shown beside a figure
    /// without rating it unless a config gives a rule.
    var definition: MeasureDefinition {
        MeasureDefinition(
            key: rawValue, label: label, shortLabel: shortLabel, unit: .percent, direction: .lowerIsBetter,
            source: .attendance,
            computation: .rate(numerator: countName, denominator: "possible_sessions", scale: 100), rule: nil,
            dfeName: dfeName)
    }

    /// How the measure is named on screen.
    private var label: String {
        switch self {
        case .illness: "Illness absence"
        case .medical: "Medical appointments absence"
        case .authorisedOther: "Other authorised absence"
        case .partTimeTimetable: "Part-time timetable absence"
        case .authorisedHoliday: "Authorised holiday absence"
        case .unauthorisedHoliday: "Unauthorised holiday absence"
        case .late: "Late after registers closed"
        case .noReasonYet: "No reason yet absence"
        case .unauthorisedOther: "Other unauthorised absence"
        }
    }

    /// A shorter name for narrow columns.
    private var shortLabel: String {
        switch self {
        case .illness: "Illness"
        case .medical: "Medical"
        case .authorisedOther: "Auth. other"
        case .partTimeTimetable: "Part-time"
        case .authorisedHoliday: "Auth. holiday"
        case .unauthorisedHoliday: "Unauth. hol."
        case .late: "Late (U)"
        case .noReasonYet: "No reason yet"
        case .unauthorisedOther: "Unauth. other"
        }
    }

    /// The DfE's name for the rate, as its releases name the reason.
    private var dfeName: String {
        switch self {
        case .illness: "illness absence rate (illness, not medical or dental appointments)"
        case .medical: "medical or dental appointments absence rate"
        case .authorisedOther:
            "authorised absence rate for other reasons (other, excluded, religious, study, Traveller)"
        case .partTimeTimetable: "part-time timetable (code C2) absence rate"
        case .authorisedHoliday: "agreed family holiday absence rate"
        case .unauthorisedHoliday: "family holiday not agreed absence rate"
        case .late: "arrived late (after registers closed) absence rate"
        case .noReasonYet: "no reason yet absence rate"
        case .unauthorisedOther: "other unauthorised circumstances absence rate"
        }
    }

    /// What a figure counts, to follow its value in an explanation: "120 of 9,000
    /// possible sessions missed for illness".
    func counted(_ n: String, of d: String) -> String {
        "\(n) of \(d) possible sessions missed for \(words)"
    }

    /// The reason in words, to follow "missed for".
    private var words: String {
        switch self {
        case .illness: "illness"
        case .medical: "medical or dental appointments"
        case .authorisedOther: "other authorised reasons"
        case .partTimeTimetable: "a part-time timetable"
        case .authorisedHoliday: "an authorised holiday"
        case .unauthorisedHoliday: "a holiday not authorised"
        case .late: "arriving after registers closed"
        case .noReasonYet: "no reason yet"
        case .unauthorisedOther: "other unauthorised reasons"
        }
    }

    /// The position of the reason in `allCases`.
    /// A switch, not a search of `allCases`: every `KPI.index` asks it, and a KPI's
    /// decimals, direction and scale are looked up by that index for every figure of a
    /// national-scale report. `ModelIndexTests` checks it against `allCases`.
    public var index: Int {
        switch self {
        case .illness: 0
        case .medical: 1
        case .authorisedOther: 2
        case .partTimeTimetable: 3
        case .authorisedHoliday: 4
        case .unauthorisedHoliday: 5
        case .late: 6
        case .noReasonYet: 7
        case .unauthorisedOther: 8
        }
    }

    public static func < (lhs: AbsenceReason, rhs: AbsenceReason) -> Bool { lhs.index < rhs.index }
}

/// The optional reason columns of the `attendance` file.
extension DropFileParser {
    /// The column of the `attendance` file that gives `reason`'s sessions; nil for a
    /// reason the file cannot give.
    static func column(of reason: AbsenceReason) -> Column? {
        switch reason {
        case .illness: .illnessSessions
        case .medical: .medicalSessions
        case .authorisedOther: .authorisedOtherSessions
        case .partTimeTimetable: .partTimeTimetableSessions
        case .unauthorisedHoliday: .unauthorisedHolidaySessions
        case .late: .lateSessions
        case .noReasonYet: .noReasonYetSessions
        case .unauthorisedOther: .unauthorisedOtherSessions
        case .authorisedHoliday: nil
        }
    }

    /// True when the file has any of the reason columns.
    static func givesReasons(_ indexes: [Int]) -> Bool {
        AbsenceReason.allCases.contains { reason in
            column(of: reason).map { indexes[$0.rawValue] >= 0 } ?? false
        }
    }

    /// Reads the reason columns of the current row: each one given, and an error when the
    /// authorised (or unauthorised) reasons given add up to more than the authorised (or
    /// unauthorised) sessions, or all the reasons given to more than the absent sessions.
    /// A reason left empty is not given: it is not counted as 0 sessions.
    mutating func readReasons(absent: Int?, authorised: Int?, unauthorised: Int?) -> AttendanceReasons {
        var reasons = AttendanceReasons()
        // Most files give no reasons: nothing to read or check, and no message to build.
        guard givesReasons else { return reasons }
        for reason in AbsenceReason.allCases {
            guard let column = Self.column(of: reason) else { continue }
            reasons[reason] = count(column, required: false)
        }
        for (isAuthorised, total) in [(true, authorised), (false, unauthorised)] {
            let side = isAuthorised ? "authorised" : "unauthorised"
            check(
                reasons, AbsenceReason.allCases.filter { $0.isAuthorised == isAuthorised }, total: total,
                column: "\(side)_absent_sessions", what: "\(side) reasons",
                fix: "each reason's sessions are part of the \(side) absence")
        }
        check(
            reasons, AbsenceReason.allCases, total: absent, column: "absent_sessions", what: "reasons",
            fix: "each reason's sessions are part of the absence")
        return reasons
    }

    /// An error on `column` when the sessions of `among` that `reasons` gives add up to
    /// more than `total`, listing them.
    private mutating func check(
        _ reasons: AttendanceReasons, _ among: [AbsenceReason], total: Int?, column: String, what: String,
        fix: String
    ) {
        let given = among.filter { reasons[$0] != nil }
        guard let total, !given.isEmpty else { return }
        let sum = given.reduce(0) { $0 + (reasons[$1] ?? 0) }
        let parts = given.map { "\($0.countName) \(reasons[$0] ?? 0)" }.joined(separator: " + ")
        crossCheck(
            sum <= total, column: column, value: total, "is less than the \(what) given (\(parts) = \(sum))",
            fix: fix
                + "; check the reason columns against the export, or leave a reason empty when it is not known"
        )
    }
}

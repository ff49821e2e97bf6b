/// Sessions missed for each reason, when given: the reason counts of an attendance
/// record. A reason not given is nil, never 0 ("not given" is not "none").
public struct AttendanceReasons: Hashable, Sendable {
    /// Sessions by reason; a reason absent from it is not given.
    private var sessions: [AbsenceReason: Int]

    /// No reason given.
    public init() {
        sessions = [:]
    }

    /// The sessions of each reason given.
    public init(_ sessions: [AbsenceReason: Int]) {
        self.sessions = sessions
    }

    /// Reasons from sessions summed by register code, as a pupil-level export gives them
    /// (`["I": 120, "C1": 2, "C": 4]`; codes in any case). Each reason is the sum of its
    /// codes (`AbsenceReason.codes`) that are in `codes`; a reason none of whose codes is
    /// there is not given. A code that makes no reason here (a present or not-possible
    /// code) is left out. A caller whose format counts a missing code column as 0 passes
    /// those codes with 0.
    public init(codes: [String: Int]) {
        var sessions: [AbsenceReason: Int] = [:]
        for (code, count) in codes {
            guard let reason = AbsenceReason(code: code) else { continue }
            sessions[reason, default: 0] += count
        }
        self.sessions = sessions
    }

    /// The sessions missed for `reason`; nil when not given.
    public subscript(reason: AbsenceReason) -> Int? {
        get { sessions[reason] }
        set { sessions[reason] = newValue }
    }

    /// True when no reason is given.
    public var isEmpty: Bool { sessions.isEmpty }

    /// The sum of the reasons given on one side (authorised or not); nil when none is.
    public func given(authorised: Bool) -> Int? {
        let counts = AbsenceReason.allCases.filter { $0.isAuthorised == authorised }.compactMap {
            sessions[$0]
        }
        return counts.isEmpty ? nil : counts.reduce(0, +)
    }
}

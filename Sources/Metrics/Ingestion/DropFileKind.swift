/// The kinds of file in a data drop, each recognised by its header.
public enum DropFileKind: String, CaseIterable, Sendable {
    case academies
    case attendance
    case attainment
    case scores
    case benchmarks
    /// An academy's intake for a year, for similar schools: for an academy the DfE's
    /// school census does not have.
    case context
    /// Suspensions and permanent exclusions for the year to date.
    case inclusion
    /// One row per pupil, as the MIS exports it: trustboard sums the pupils into the
    /// `attendance` (and, with its columns, `inclusion`) records itself and keeps no pupil.
    case pupilAttendance = "pupil_attendance"

    /// Columns that must be present.
    public var requiredColumns: [String] {
        switch self {
        case .academies: ["urn", "name", "phase"]
        case .attendance:
            [
                "urn", "academic_year", "term", "pupils", "possible_sessions", "absent_sessions",
                "persistent_absentees",
            ]
        case .attainment: ["urn", "academic_year", "term", "subject", "cohort", "expected"]
        case .scores: ["urn", "academic_year", "term", "measure", "cohort", "average"]
        case .benchmarks: ["academic_year", "measure", "value"]
        case .context:
            [
                "urn", "academic_year", "pupils", "disadvantaged_percent", "eal_percent",
                "sen_support_percent",
                "ehcp_percent",
            ]
        case .inclusion:
            [
                "urn", "academic_year", "term", "pupils", "suspensions", "pupils_suspended",
                "permanent_exclusions",
            ]
        case .pupilAttendance:
            [
                "urn", "academic_year", "term", "pupil_ref", "year_group", "sex", "disadvantaged", "sen",
                "eal",
                "possible_sessions", "present_sessions", "aea_sessions", "authorised_sessions",
                "unauthorised_sessions",
            ]
        }
    }

    /// The export's code columns: sessions of authorised absence by attendance code, in
    /// the order of `pupil-export-format.md`.
    static let authorisedCodes: [Column] = [
        .codeC, .codeC1, .codeC2, .codeE, .codeI, .codeJ1, .codeM, .codeR, .codeS, .codeT,
    ]
    /// The export's code columns of unauthorised absence.
    static let unauthorisedCodes: [Column] = [.codeG, .codeN, .codeO, .codeU]
    /// Every code column: the authorised codes, then the unauthorised ones.
    static let attendanceCodes = authorisedCodes + unauthorisedCodes

    /// Columns that may be present.
    public var optionalColumns: [String] {
        switch self {
        case .academies: ["local_authority", "sil", "joined", "ofsted"]
        case .attendance:
            [
                "pupil_group", "year_group", "severe_absentees", "authorised_absent_sessions",
                "unauthorised_absent_sessions", "band_under_5", "band_5_to_10", "band_10_to_20",
                "band_20_to_50", "band_50_plus",
            ] + AbsenceReason.allCases.filter(\.isInDropFiles).map(\.countName)
        case .attainment: ["pupil_group", "year_group", "greater_depth", "basis"]
        case .scores: ["pupil_group", "year_group"]
        case .benchmarks: ["term", "phase", "pupil_group", "scope", "source"]
        case .context: []
        case .inclusion: ["pupil_group", "year_group"]
        case .pupilAttendance:
            (Self.authorisedCodes + Self.unauthorisedCodes).map(\.header) + [
                "suspensions", "permanently_excluded",
            ]
        }
    }

    /// Columns that only this kind has, which mark a header as this kind.
    var markers: Set<String> {
        switch self {
        case .academies: ["name", "phase"]
        case .attendance: ["possible_sessions", "absent_sessions", "persistent_absentees", "pupils"]
        case .attainment: ["subject", "expected"]
        case .scores: ["average"]
        case .benchmarks: ["value"]
        case .context: ["disadvantaged_percent", "eal_percent", "sen_support_percent", "ehcp_percent"]
        case .inclusion: ["suspensions", "pupils_suspended", "permanent_exclusions"]
        case .pupilAttendance: ["pupil_ref", "possible_sessions", "present_sessions", "aea_sessions"]
        }
    }

    /// The kind a header belongs to. A kind whose required columns are all present wins
    /// (the one with most of them, if several); failing that, the kind with most marker
    /// columns present, so that a header missing a column still gets a message about the
    /// column it lacks. Nil when nothing matches or two kinds tie.
    public static func recognise(header: [String]) -> DropFileKind? {
        let names = Set(header)
        // The pupil-level export is recognised by these two together, whatever else the
        // header holds, so that a pupil_ref column is never ignored as an unknown one.
        if names.contains("pupil_ref"), names.contains("possible_sessions") { return .pupilAttendance }
        let complete = allCases.filter { Set($0.requiredColumns).isSubset(of: names) }
        if let best = complete.max(by: { $0.requiredColumns.count < $1.requiredColumns.count }) {
            return best
        }
        let scored = allCases.map { kind in
            (
                kind, kind.markers.intersection(names).count,
                Set(kind.requiredColumns).intersection(names).count
            )
        }
        guard let best = scored.max(by: { ($0.1, $0.2) < ($1.1, $1.2) }), best.1 > 0 else { return nil }
        guard scored.filter({ $0.1 == best.1 && $0.2 == best.2 }).count == 1 else { return nil }
        return best.0
    }
}

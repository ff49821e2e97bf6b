/// The kinds of termly record a drop holds, each keyed by academy, drop, pupil group and
/// year group (and, for some, a subject, measure or KPI).
///
/// The store, the batch checks and the load all go through this list, so a new kind is
/// one case here and one record type; the compiler points at the rest.
public enum DropRecordKind: String, CaseIterable, Hashable, Sendable {
    /// Sessions and absentees, from the `attendance` file.
    case attendance
    /// Pupils at a standard, by subject, from the `attainment` file.
    case attainment
    /// Average scores, by measure, from the `scores` file.
    case scores
    /// Figures the DfE published without counts.
    case published
    /// Suspensions and permanent exclusions, from the `inclusion` file.
    case inclusion
}

extension DropRecordKind {
    /// The kind's position in `allCases`.
    public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// Each school's phase by academic year, as the DfE's school census gives it: where the
/// national distributions take the phase of a school whose file gives none of its own
/// (the performance-tables absence file has only an establishment number).
public struct CensusPhases: Sendable {
    /// What the census says about one school in one year.
    public enum Lookup: Equatable, Sendable {
        /// The census gives the school this phase.
        case phase(Phase)
        /// The school is in the census, as a type with no phase of its own (an independent
        /// school, a nursery…).
        case noPhase
        /// The year has a census, but the school is not in it.
        case notInCensus
        /// No census for the year is known at all.
        case noCensus
    }

    private var byYear: [AcademicYear: [URN: Phase?]] = [:]

    /// Makes an empty lookup: no census known.
    public init() {}

    /// Makes the lookup of `census` lines.
    public init(_ census: [SchoolCensus]) {
        for line in census { add(line) }
    }

    /// Adds or replaces one school's phase in one year.
    public mutating func add(urn: URN, year: AcademicYear, phase: Phase?) {
        byYear[year, default: [:]][urn] = .some(phase)
    }

    /// Adds or replaces the phase of a census line.
    public mutating func add(_ census: SchoolCensus) {
        add(urn: census.urn, year: census.year, phase: census.phase)
    }

    /// The years with a census, oldest first.
    public var years: [AcademicYear] { byYear.keys.sorted() }

    /// Schools in the census of `year`.
    public func schools(in year: AcademicYear) -> Int { byYear[year]?.count ?? 0 }

    /// What the census of `year` says about `urn`.
    public func lookup(_ urn: URN, in year: AcademicYear) -> Lookup {
        guard let schools = byYear[year] else { return .noCensus }
        switch schools[urn] {
        case .none: return .notInCensus
        case .some(.none): return .noPhase
        case .some(.some(let phase)): return .phase(phase)
        }
    }
}

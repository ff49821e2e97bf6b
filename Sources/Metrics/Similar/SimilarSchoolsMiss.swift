/// Why an academy has no similar schools in a year.
public enum SimilarSchoolsMiss: Hashable, Sendable {
    /// The academy has no phase: neither the census nor the academies file gives one.
    case noPhase(URN, AcademicYear)
    /// The academy lacks characteristics the distance needs (or has no pupils on roll).
    case missingCharacteristics(URN, AcademicYear, [SimilarityCharacteristic])
    /// No school of the phase in that year has every characteristic: no census for the
    /// year, or none of the phase in it.
    case noSchools(URN, Phase, AcademicYear)

    /// The reason in words, for the explanation and `trustboard similar`.
    public var reason: String {
        switch self {
        case .noPhase(let urn, let year):
            "\(urn) has no phase in \(year), so it has no similar schools: give its phase in the academies file"
        case .missingCharacteristics(let urn, let year, let missing):
            "\(urn) has no \(missing.map(\.label).joined(separator: ", ")) for \(year), so it has no similar "
                + "schools: add them in a context file (urn,academic_year,pupils,disadvantaged_percent,"
                + "eal_percent,sen_support_percent,ehcp_percent)"
        case .noSchools(let urn, let phase, let year):
            "no \(phase.schoolsLabel) with every characteristic are known for \(year), so \(urn) has no similar "
                + "schools: ingest the DfE census file for \(year)"
        }
    }
}

/// An academy's similar schools, or why it has none.
public enum SimilarSchoolsOutcome: Hashable, Sendable {
    /// The group was chosen.
    case found(SimilarSchools)
    /// There is no group, and why.
    case missing(SimilarSchoolsMiss)

    /// The group, if one was chosen.
    public var group: SimilarSchools? {
        if case .found(let group) = self { return group }
        return nil
    }

    /// Why there is no group, if there is none.
    public var miss: SimilarSchoolsMiss? {
        if case .missing(let miss) = self { return miss }
        return nil
    }
}

/// Each academy's figures against its similar schools, for `report`: the group chosen
/// once per academy and year, and every measure of that year compared with the same
/// schools.
///
/// A figure is compared only where the DfE publishes the same figure school by school:
/// all pupils, and the pupils the file covers (the whole school for attendance and
/// absence, Year 11 for KS4, Year 6 for KS2; see `yearGroup(of:)`). A figure of a later
/// year than the latest with school-level data is compared with that year, at most one
/// year older and never across the pandemic years
/// (`SimilarSchoolsComparison.yearCompared(for:yearsWithData:)`); the group is then the
/// one chosen from that year's census, so that the schools and their figures are of one
/// year.
public struct SimilarComparisons: Sendable {
    private struct GroupKey: Hashable, Sendable {
        var urn: URN
        var year: AcademicYear
    }

    private let groups: [GroupKey: SimilarSchools]
    private let outcomes: [AcademicYear: SchoolOutcomes]
    private let nationalRows: [NationalCensus]

    /// Chooses the groups of `academies` for each year with school-level outcomes.
    ///
    /// - Parameters:
    ///   - census: Every school's census lines (any years).
    ///   - contexts: The trust's `context` lines, for an academy the census of a year
    ///     lacks.
    ///   - academies: The trust's academies; a context line takes its academy's phase.
    ///   - outcomes: Every school's published values, one lookup per year (summer).
    ///   - count: Schools in each group (`similar_count`).
    ///   - national: The census's national rows (any years), set beside each academy's
    ///     characteristics.
    public init(
        census: [SchoolCensus], contexts: [SchoolContext] = [], academies: [Academy],
        outcomes: [SchoolOutcomes], count: Int = SimilarSchoolsFinder.defaultCount,
        national: [NationalCensus] = []
    ) {
        nationalRows = national
        let finder = SimilarSchoolsFinder(census: census, count: count)
        var byYear: [AcademicYear: SchoolOutcomes] = [:]
        for lookup in outcomes where !lookup.isEmpty { byYear[lookup.drop.year] = lookup }
        self.outcomes = byYear
        // Each academy's characteristics in each year with outcomes: its census line when
        // complete, else its context line, with its phase from the academies file
        // (`SchoolCharacteristics.academy(census:context:phase:)`).
        var censusLines: [GroupKey: SchoolCensus] = [:]
        for line in census where byYear[line.year] != nil {
            censusLines[GroupKey(urn: line.urn, year: line.year)] = line
        }
        var contextLines: [GroupKey: SchoolContext] = [:]
        for line in contexts { contextLines[GroupKey(urn: line.urn, year: line.year)] = line }
        var lines: [GroupKey: SchoolCharacteristics] = [:]
        for academy in academies {
            for year in byYear.keys {
                let key = GroupKey(urn: academy.urn, year: year)
                if let characteristics = SchoolCharacteristics.academy(
                    census: censusLines[key], context: contextLines[key], phase: academy.phase)
                {
                    lines[key] = characteristics
                }
            }
        }
        var groups: [GroupKey: SimilarSchools] = [:]
        for (key, academy) in lines {
            if let group = finder.group(for: academy).group { groups[key] = group }
        }
        self.groups = groups
    }

    /// True when no academy has a group in any year with outcomes.
    public var isEmpty: Bool { groups.isEmpty }

    /// The academy's figure `value` of `kpi` for `group` and `yearGroup` in `drop` against
    /// its similar schools; nil when the DfE publishes no such figure school by school,
    /// no year may be compared, or the academy has no group in that year.
    public func comparison(
        urn: URN, kpi: KPI, group: PupilGroup, yearGroup: YearGroup, drop: DataDrop, value: Double
    ) -> SimilarSchoolsComparison? {
        guard let compared = schools(urn: urn, kpi: kpi, group: group, yearGroup: yearGroup, drop: drop)
        else { return nil }
        return SimilarSchoolsComparison(
            value: value, direction: kpi.direction, group: compared.schools, values: compared.values,
            year: compared.year)
    }

    /// The similar schools `comparison(urn:kpi:group:yearGroup:drop:value:)` compares the
    /// academy's figure of `kpi` in `drop` with, and their published values of it by URN,
    /// for showing the group school by school; nil where it would give no comparison.
    public func schools(urn: URN, kpi: KPI, group: PupilGroup, yearGroup: YearGroup, drop: DataDrop)
        -> (schools: SimilarSchools, values: [URN: Double], year: AcademicYear)?
    {
        guard group == .all, let covered = Self.yearGroup(of: kpi), covered == yearGroup else { return nil }
        let years = outcomes.filter { !$0.value.values(of: kpi).isEmpty }.keys
        guard let year = SimilarSchoolsComparison.yearCompared(for: drop.year, yearsWithData: years),
            let similar = groups[GroupKey(urn: urn, year: year)], let lookup = outcomes[year]
        else { return nil }
        return (similar, lookup.values(of: kpi), year)
    }

    /// The academy's group of the latest year `drop`'s figures may be compared with (its
    /// own, else the one before, never across the pandemic years), whose `academy` holds
    /// the characteristics it was chosen by; nil when it has none.
    public func group(of urn: URN, for drop: DataDrop) -> SimilarSchools? {
        BenchmarkMatcher.usableYears(for: drop.year).lazy.compactMap { groups[GroupKey(urn: urn, year: $0)] }
            .first
    }

    /// The census's national row to set beside the characteristics `group` was chosen by:
    /// that of the group's phase and year, else one for all schools of that year, else nil
    /// (`NationalCensus.row(for:year:in:)`).
    public func national(for group: SimilarSchools) -> NationalCensus? {
        NationalCensus.row(for: group.phase, year: group.year, in: nationalRows)
    }

    /// Every school in any academy's group, for looking their names up once.
    public var memberURNs: Set<URN> { Set(groups.values.flatMap(\.urns)) }

    /// The pupils the DfE's school-by-school figure of `kpi` covers, as a year group: the
    /// whole school for attendance and absence (performance-tables absence), Year 11 for
    /// the KS4 measures, Year 6 for the KS2 ones; nil for a KPI no DfE file trustboard
    /// reads gives school by school.
    public static func yearGroup(of kpi: KPI) -> YearGroup? {
        switch kpi {
        case .attendanceRate, .absenceRate, .persistentAbsenceRate: .all
        case .severeAbsenceRate, .absenceBand, .absenceReason: nil
        case .expected(let subject), .greaterDepth(let subject): yearGroup(of: subject)
        case .score(let measure):
            switch measure {
            case .attainment8, .progress8: .year(11)
            case .readingProgress, .writingProgress, .mathsProgress: .year(6)
            case .readingScaled, .mathsScaled, .gpsScaled, .mtcAverage: nil
            }
        case .inclusion: nil
        }
    }

    /// The year group of a subject's percentages in the DfE files read school by school.
    private static func yearGroup(of subject: Subject) -> YearGroup? {
        switch subject {
        case .englishMaths: .year(11)
        case .reading, .writing, .maths, .rwm, .gps: .year(6)
        case .science, .phonics, .gld, .mtc, .english, .ebacc: nil
        }
    }
}

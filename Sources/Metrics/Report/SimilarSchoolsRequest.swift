/// Finds the similar schools `trustboard similar URN [--year]` asks for, or says plainly
/// why there are none and what to ingest.
public enum SimilarSchoolsRequest {
    /// Why a request has no group.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// No school census is stored at all.
        case noCensus
        /// The year asked for has no census; the years that have one.
        case yearNotStored(AcademicYear, stored: [AcademicYear])
        /// The school is not in the census of the year, which holds `schools` schools.
        case notInCensus(URN, AcademicYear, schools: Int)
        /// The school is in the census as a type with no phase (an independent school, a
        /// nursery, a non-maintained special school), so it is never compared.
        case noPhase(URN, AcademicYear, schoolType: String)
        /// The school is in the census but has no group.
        case noGroup(SimilarSchoolsMiss)

        public var description: String {
            switch self {
            case .noCensus:
                "no school census is stored, so no school has similar schools; ingest the DfE's census file, "
                    + "such as `trustboard ingest ../shared/data/dfe/england_census_2018-19.csv` (its year, "
                    + "2018/19, comes from the 2018-19 in its name or from --year)"
            case .yearNotStored(let year, let stored):
                "no school census for \(year) is stored (the store has \(Self.list(stored))); ingest the DfE's "
                    + "census file for \(year) with `trustboard ingest --year \(year) FILE`, or ask for a "
                    + "stored year with --year \(stored.last?.description ?? "")"
            case .notInCensus(let urn, let year, let schools):
                "\(urn) is not in the \(year) school census (\(schools) schools); check the URN, or choose "
                    + "another year with --year"
            case .noPhase(let urn, let year, let type):
                "\(urn) is \(type.isEmpty ? "of no type" : "'\(type)'") in the \(year) school census, a type with no "
                    + "phase: only state-funded primary, secondary and special schools and alternative provision "
                    + "have similar schools"
            case .noGroup(let miss):
                miss.reason
            }
        }

        /// "2017/18 and 2018/19".
        private static func list(_ years: [AcademicYear]) -> String {
            let names = years.map(\.description)
            guard names.count > 1, let last = names.last else { return names.first ?? "none" }
            return names.dropLast().joined(separator: ", ") + " and " + last
        }
    }

    /// The census year to use: `asked` when a census of it is stored, else the latest
    /// stored.
    public static func year(asked: AcademicYear?, stored: [AcademicYear]) throws -> AcademicYear {
        guard let latest = stored.max() else { throw Failure.noCensus }
        guard let asked else { return latest }
        guard stored.contains(asked) else { throw Failure.yearNotStored(asked, stored: stored.sorted()) }
        return asked
    }

    /// The similar schools of `urn` among the census lines of `year` (`census` may hold
    /// other years, which are ignored).
    public static func group(
        of urn: URN, in census: [SchoolCensus], year: AcademicYear,
        count: Int = SimilarSchoolsFinder.defaultCount
    ) throws -> SimilarSchools {
        let lines = census.filter { $0.year == year }
        guard let own = lines.first(where: { $0.urn == urn }) else {
            throw Failure.notInCensus(urn, year, schools: lines.count)
        }
        guard own.phase != nil else { throw Failure.noPhase(urn, year, schoolType: own.schoolType) }
        switch SimilarSchoolsFinder(census: lines, count: count).group(
            for: SchoolCharacteristics(census: own))
        {
        case .found(let group): return group
        case .missing(let miss): throw Failure.noGroup(miss)
        }
    }
}

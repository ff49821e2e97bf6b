/// The schools named in an Explore Education Statistics absence file: who they are, which
/// trust they belong to, and in which years, so a trust can be taken straight from the
/// file.
public struct ExploreEducationAbsenceFile: Sendable {
    /// One school-level row, as far as it names the school.
    public struct School: Hashable, Sendable {
        /// The school's URN.
        public var urn: URN
        /// The school's name as the DfE writes it (`NameRules.neutralised`), or its URN when
        /// the file gives none.
        public var name: String
        /// The academy trust the row names (`NameRules.neutralised`), or nil when it names
        /// none.
        public var trust: String?
        /// The academic year of the row.
        public var year: AcademicYear
        /// The phase from `school_type` or `education_phase`, `all_through` winning; nil
        /// when neither names one.
        public var phase: Phase?
        /// The local authority, from `la_name` (`NameRules.neutralised`).
        public var localAuthority: String?
        /// The 1-based line of the row.
        public var line: Int
    }

    /// Every school-level row with a readable URN and year, in file order.
    public var schools: [School]

    /// Reads the school rows of `bytes`; nil when the bytes are not text or their header
    /// is not this layout's.
    public init?(bytes: [UInt8]) {
        guard let text = try? CSVText(decoding: bytes) else { return nil }
        var found: [School]?
        text.utf8.withUnsafeBufferPointer { buffer in
            found = Self.schools(in: buffer)
        }
        guard let found else { return nil }
        schools = found
    }

    private static func schools(in buffer: UnsafeBufferPointer<UInt8>) -> [School]? {
        var scanner = CSVScanner(buffer)
        var fields: [CSVScanner.Field] = []
        var problems: [CSVScanner.Problem] = []
        guard scanner.next(into: &fields, problems: &problems) != nil else { return nil }
        let header = fields.map { field in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]), as: UTF8.self)
                .trimmingSpaces.lowercased()
        }
        guard ExploreEducationAbsenceReader.recognises(header: header) else { return nil }
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
        var schools: [School] = []
        while let line = scanner.next(into: &fields, problems: &problems) {
            let row = DfERow(bytes: buffer, columns: columns, fields: fields)
            guard row.text("geographic_level")?.lowercased() == "school",
                let urn = row.raw("school_urn").flatMap(URN.init),
                let year = row.raw("time_period").flatMap(AcademicYear.init(parsing:))
            else { continue }
            var phase = (row.text("school_type") ?? row.text("education_phase")).flatMap(
                DfERow.phase(ofType:))
            if row.text("all_through") != nil { phase = .allThrough }
            // The DfE's names are neutralised, not refused (see `NameRules`); the reader
            // warns about each one changed.
            schools.append(
                School(
                    urn: urn, name: row.name("school_name") ?? urn.description, trust: row.name("trust"),
                    year: year, phase: phase, localAuthority: row.name("la_name"), line: line))
        }
        return schools
    }

    /// The latest academic year of any school row.
    public var latestYear: AcademicYear? { schools.map(\.year).max() }

    /// The same trust name written the way it is compared: upper case, no spaces at
    /// either end.
    static func comparable(_ name: String) -> String { name.trimmingSpaces.uppercased() }

    /// The schools of the trust called `trust` (case and outer spaces ignored) in the
    /// latest year, one per URN, in URN order.
    public func schools(ofTrust trust: String) -> [School] {
        guard let latest = latestYear else { return [] }
        let wanted = Self.comparable(trust)
        var byURN: [URN: School] = [:]
        for school in schools where school.year == latest {
            guard let name = school.trust, Self.comparable(name) == wanted, byURN[school.urn] == nil else {
                continue
            }
            byURN[school.urn] = school
        }
        return byURN.values.sorted { $0.urn < $1.urn }
    }

    /// The trust names of the latest year, each once, as first written.
    public var trustNames: [String] {
        guard let latest = latestYear else { return [] }
        var seen = Set<String>()
        var names: [String] = []
        for school in schools where school.year == latest {
            guard let name = school.trust, seen.insert(Self.comparable(name)).inserted else { continue }
            names.append(name.trimmingSpaces)
        }
        return names
    }

    /// The `count` trust names of the latest year closest to `name`, by edit distance
    /// between the upper-cased names, ties in name order.
    public func closestTrustNames(to name: String, count: Int = 3) -> [String] {
        let wanted = Array(Self.comparable(name))
        let scored: [(name: String, distance: Int)] = trustNames.map { candidate in
            (candidate, Self.editDistance(wanted, Array(Self.comparable(candidate))))
        }
        let ordered = scored.sorted { lhs, rhs in
            lhs.distance != rhs.distance ? lhs.distance < rhs.distance : lhs.name < rhs.name
        }
        return ordered.prefix(count).map(\.name)
    }

    /// The Levenshtein distance between two strings: insertions, deletions and
    /// substitutions of one character each.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                let substitution = previous[j] + (x == y ? 0 : 1)
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Academy {
    /// The academy a school row of a DfE file describes; nil when its phase is unknown.
    public init?(_ school: ExploreEducationAbsenceFile.School) {
        guard let phase = school.phase else { return nil }
        self.init(urn: school.urn, name: school.name, phase: phase, localAuthority: school.localAuthority)
    }
}

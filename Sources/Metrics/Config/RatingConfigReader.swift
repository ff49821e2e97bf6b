import Foundation
import Yams

/// Builds a `RatingConfig` from the YAML node tree of a settings file, stopping at the
/// first problem with a `ConfigError` on its line.
///
/// The format is described on `RatingConfig.load(path:)`'s extension.
struct RatingConfigReader {
    /// The file's name, for messages.
    let file: String

    private static let topLevelKeys = [
        "trust_name", "benchmark_scope", "rules", "targets", "headline", "similar_count",
        "pack_marking",
    ]
    static let kpiKeys = KPI.allCases.map(\.key)
    static let ruleKeys = kpiKeys + Family.allCases.map(\.written)

    /// A `SUBJECT_` key under `rules`, which stands for one KPI of every subject.
    enum Family: String, CaseIterable {
        case expected = "subject_expected"
        case greaterDepth = "subject_greater_depth"

        /// The key as the format writes it.
        var written: String {
            switch self {
            case .expected: "SUBJECT_expected"
            case .greaterDepth: "SUBJECT_greater_depth"
            }
        }

        /// One of its KPIs, for the unit and direction, which all of them share.
        var sample: KPI {
            switch self {
            case .expected: .expected(.reading)
            case .greaterDepth: .greaterDepth(.reading)
            }
        }

        /// The KPIs it stands for: percentages where higher is better. The multiplication
        /// tables check has no expected standard (its `mtc_expected` is the share with full
        /// marks), so it is not among them and is rated only by a rule of its own.
        var kpis: [KPI] {
            let subjects = Subject.allCases.filter { $0 != .mtc }
            switch self {
            case .expected: return subjects.map { .expected($0) }
            case .greaterDepth: return subjects.map { .greaterDepth($0) }
            }
        }
    }

    /// One `key: value` pair of a mapping.
    struct Entry {
        /// The key as written.
        var key: String
        /// The key in lower case, for matching: keys are not case-sensitive.
        var name: String
        var keyNode: Node
        var value: Node
    }

    /// A number from the file, with its text as written for messages.
    struct Number {
        var value: Double
        var text: String
    }

    /// Reads the whole file; a nil root (empty or only comments) gives the defaults.
    func read(_ root: Node?) throws(ConfigError) -> RatingConfig {
        var config = RatingConfig()
        var origin = RatingConfig.Origin(file: file)
        config.origin = origin
        guard let root else { return config }
        let settings = try entries(
            of: root, section: "the file", expected: "key: value settings",
            example: "trust_name: Northbrook Learning Trust"
        )
        for entry in settings {
            switch entry.name {
            case "trust_name": config.trustName = try trustName(entry)
            case "benchmark_scope":
                (config.benchmarkScope, config.ratesAgainstSimilarSchools) = try benchmarkScope(entry)
                if !isNull(entry.value) { origin.scopeLine = entry.value.mark?.line ?? 1 }
            case "rules": config.rules = try rules(entry)
            case "targets": (config.targets, origin.targetLines) = try targets(entry)
            case "headline": config.headlines = try headlines(entry)
            case "similar_count": config.similarCount = try similarCount(entry)
            case "pack_marking": config.packMarking = try packMarking(entry)
            default:
                throw error(
                    at: entry.keyNode,
                    .unknownKey(entry.key, section: "the file", allowed: Self.topLevelKeys)
                )
            }
        }
        config.origin = origin
        return config
    }

    // MARK: - Sections

    /// The board pack's marking, which heads every printed page: it keeps the rules of
    /// every name, as the trust's name does.
    private func packMarking(_ entry: Entry) throws(ConfigError) -> String? {
        if isNull(entry.value) { return nil }
        let text = try scalarText(
            entry, section: "pack_marking", expected: "text", example: "pack_marking: OFFICIAL-SENSITIVE")
        let marking = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !marking.isEmpty else { throw error(at: entry.value, .emptyPackMarking) }
        if let problem = NameRules.problem(in: marking) {
            throw error(at: entry.value, .badPackMarking(marking, problem))
        }
        return marking
    }

    private func trustName(_ entry: Entry) throws(ConfigError) -> String? {
        if isNull(entry.value) { return nil }
        let text = try scalarText(
            entry, section: "trust_name", expected: "text", example: "trust_name: Northbrook Learning Trust"
        )
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw error(at: entry.value, .emptyTrustName) }
        // The name heads every screen and report, so it keeps the rules of every name.
        if let problem = NameRules.problem(in: name) {
            throw error(at: entry.value, .badTrustName(name, problem))
        }
        return name
    }

    /// The scope of benchmarks, and whether academies are rated against their similar
    /// schools (`similar`, whose fallback is national).
    private func benchmarkScope(_ entry: Entry) throws(ConfigError) -> (Benchmark.Scope, Bool) {
        if isNull(entry.value) { return (.national, false) }
        let text = try scalarText(
            entry, section: "benchmark_scope", expected: "national, la:NAME or similar",
            example: "benchmark_scope: national"
        )
        // `similar` is read here, not by `Benchmark.Scope(parsing:)`, which also reads
        // benchmark files: no file may claim to hold similar-schools benchmarks.
        if text.lowercased() == "similar" { return (.national, true) }
        guard let scope = Benchmark.Scope(parsing: text) else {
            throw error(at: entry.value, .invalidScope(text))
        }
        if case .localAuthority(let name) = scope, name.isEmpty {
            throw error(at: entry.value, .invalidScope(text))
        }
        return (scope, false)
    }

    private func rules(_ entry: Entry) throws(ConfigError) -> [KPI: RatingRule] {
        var specific: [KPI: RatingRule] = [:]
        var family: [KPI: RatingRule] = [:]
        let items = try entries(
            of: entry.value, section: "rules", expected: "KPI keys, each with its rule",
            example: "rules: { attendance_rate: { amber_within: 1.0 } }"
        )
        for item in items {
            if let members = Family(rawValue: item.name) {
                let rule = try rule(item, for: members.sample)
                for kpi in members.kpis { family[kpi] = rule }
            } else {
                let kpi = try kpi(named: item.key, at: item.keyNode, section: "rules", allowed: Self.ruleKeys)
                specific[kpi] = try rule(item, for: kpi)
            }
        }
        // A KPI named on its own wins over its family, wherever each appears.
        return family.merging(specific) { _, own in own }
    }

    /// The targets by academy, and the line each academy's key is on.
    private func targets(_ entry: Entry) throws(ConfigError) -> ([URN: [KPI: RatingTarget]], [URN: Int]) {
        var targets: [URN: [KPI: RatingTarget]] = [:]
        var lines: [URN: Int] = [:]
        let academies = try entries(
            of: entry.value, section: "targets", expected: "academy URNs, each with its targets",
            example: "targets: { \"900104\": { attendance_rate: 95.0 } }"
        )
        for academy in academies {
            guard let urn = URN(academy.key) else {
                throw error(at: academy.keyNode, .invalidURN(academy.key))
            }
            let section = "the targets for \(urn)"
            let items = try entries(
                of: academy.value, section: section, expected: "KPI keys, each with its target",
                example: "\"\(urn)\": { attendance_rate: 95.0 }"
            )
            var byKPI: [KPI: RatingTarget] = [:]
            for item in items {
                let kpi = try kpi(named: item.key, at: item.keyNode, section: section, allowed: Self.kpiKeys)
                byKPI[kpi] = try target(item, for: kpi, at: urn)
            }
            if !byKPI.isEmpty { targets[urn] = byKPI }
            lines[urn] = academy.keyNode.mark?.line ?? 1
        }
        return (targets, lines)
    }

    /// A whole number of similar schools within `SimilarSchoolsFinder.countRange`; empty
    /// keeps the default.
    private func similarCount(_ entry: Entry) throws(ConfigError) -> Int {
        if isNull(entry.value) { return SimilarSchoolsFinder.defaultCount }
        let number = try number(entry, section: "the file")
        let range = SimilarSchoolsFinder.countRange
        guard let count = Int(exactly: number.value), range.contains(count) else {
            throw error(at: entry.value, .similarCountOutOfRange(number.text, range))
        }
        return count
    }

    private func headlines(_ entry: Entry) throws(ConfigError) -> [Phase: Headline] {
        var headlines: [Phase: Headline] = [:]
        let phases = try entries(
            of: entry.value, section: "headline", expected: "phases, each with its headline",
            example: "headline: { primary: { kpi: rwm_expected, year_group: 6 } }"
        )
        for item in phases {
            guard let phase = Phase(rawValue: item.name) else {
                let allowed = Phase.allCases.map(\.rawValue)
                throw error(at: item.keyNode, .unknownKey(item.key, section: "headline", allowed: allowed))
            }
            headlines[phase] = try headline(item, for: phase)
        }
        return headlines
    }
}

import Foundation
import Metrics
import Testing

/// A rating never contradicts what is shown: for every rated figure, the rating is worked
/// out again from nothing but the text of its explanation (the value as shown and the
/// rule's lines as shown), and must be the rating given.
@Suite("Every rating follows from its explanation's text")
struct RatingFromExplanationTests {
    static let dfe = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/dfe").standardized
    static let dfePresent = FileManager.default.fileExists(atPath: dfe.path)

    @Test("the sample trust, every drop, with its config's targets")
    func sampleTrust() throws {
        let data = try SuppressionAttackTests.read(folder: SuppressionAttackTests.sampleFolder.path)
        let configPath = SuppressionAttackTests.sampleFolder.appendingPathComponent("trustboard.yaml").path
        let config = try RatingConfig.load(path: configPath)
        let checked = try Self.check(data: data, config: config)
        #expect(checked.rated > 2_000, "only \(checked.rated) rated figures")
        #expect(checked.byTarget > 0, "no figure of the sample is rated by a target")
    }

    @Test(
        "Beckfoot Trust from the Bradford file, with the 2018/19 KS4 file",
        .enabled(if: dfePresent, "needs ../shared/data/dfe/"))
    func beckfoot() throws {
        let bradford = try [UInt8](
            Data(contentsOf: Self.dfe.appendingPathComponent("bradford_absence_3term_school_2013-2022.csv")))
        let file = try #require(ExploreEducationAbsenceFile(bytes: bradford))
        let academies = file.schools(ofTrust: "BECKFOOT TRUST").compactMap(Academy.init)
        #expect(academies.count >= 10)
        let ks4 = try [UInt8](
            Data(contentsOf: Self.dfe.appendingPathComponent("england_ks4provisional_2018-19.csv")))
        let batch = DropReader(knownAcademies: Set(academies.map(\.urn)))
            .read(files: [("bradford.csv", bradford), ("england_ks4provisional_2018-19.csv", ks4)])
        #expect(batch.errors.isEmpty, "\(batch.errors.prefix(3))")
        let data = TrustData(
            academies: academies, attendance: batch.attendance.map(\.record),
            attainment: batch.attainment.map(\.record), scores: batch.scores.map(\.record),
            published: batch.published.map(\.record),
            benchmarks: BuiltInBenchmarks.all + batch.benchmarks.map(\.record))
        let checked = try Self.check(data: data, config: RatingConfig())
        #expect(checked.rated > 100, "only \(checked.rated) rated figures")
    }

    /// Re-derives every rating of every drop from its explanation; returns how many were
    /// rated green, amber or red, and how many of those by a target.
    static func check(data: TrustData, config: RatingConfig) throws -> (rated: Int, byTarget: Int) {
        var rated = 0
        var byTarget = 0
        for drop in data.drops {
            let rater = DropRater(data: data, drop: drop, config: config)
            for figure in rater.academiesWithData.flatMap({ rater.rated($0) }) + rater.ratedTrust() {
                let lines = RatingExplanation(figure).lines
                let text = Dictionary(lines.filter { !$0.label.isEmpty }.map { ($0.label, $0.text) }) {
                    a, _ in a
                }
                let expected = derive(value: text["Value"] ?? "", rule: text["Rule"] ?? "")
                #expect(
                    figure.rating == expected,
                    "\(drop) \(figure.figure.owner) \(figure.figure.kpi.key) \(figure.figure.group) \(figure.figure.yearGroup): rated \(figure.rating), explanation says \(expected): \(lines)"
                )
                if [.green, .amber, .red].contains(figure.rating) { rated += 1 }
                if figure.origin == .academyTarget {
                    byTarget += 1
                    #expect(text["Rule"]?.contains("academy target") == true)
                    #expect(
                        figure.benchmark == nil
                            || text["Benchmark"].map { $0.contains("target rates this figure") } == true)
                }
            }
        }
        return (rated, byTarget)
    }

    /// The rating a reader would work out from the value and rule as written.
    static func derive(value: String, rule: String) -> RAGRating {
        if value.hasPrefix("suppressed") { return .suppressed }
        guard let shown = leadingNumber(value) else { return .none }
        if rule.contains("95% confidence interval") {
            let words = rule.split(separator: " ")
            guard let to = words.firstIndex(of: "to"), let low = Double(words[to - 1]),
                let high = Double(words[to + 1])
            else { return .none }
            return low > 0 ? .green : high < 0 ? .red : .amber
        }
        if rule.hasPrefix("rated on its change since") { return deriveFromChange(rule) }
        guard rule.hasPrefix("green ") else { return .none }
        let parts = rule.components(separatedBy: " · ")
        let higher = rule.hasPrefix("green ≥")
        func line(_ part: String?) -> Double? {
            guard let part else { return nil }
            return Double(part.split(separator: " ").last.map(String.init) ?? "")
        }
        guard let green = line(parts.first) else { return .none }
        let amber = line(parts.first { $0.hasPrefix("amber ") }) ?? green
        func meets(_ bound: Double) -> Bool { higher ? shown >= bound - 1e-9 : shown <= bound + 1e-9 }
        return meets(green) ? .green : meets(amber) ? .amber : .red
    }

    /// The rating a change rule gives: its green and amber lines ("green when the change is
    /// ≤ +1.0 points · amber ≤ +3.0 · red above") against the change the text states ("the
    /// change, +2.7 points, …"), and past amber the test it states ("z = 1.86, under 1.96"
    /// keeps it amber); none where it says there is no change to rate.
    static func deriveFromChange(_ rule: String) -> RAGRating {
        guard !rule.contains("no change to rate"),
            let linesStart = rule.range(of: "green when the change is ")?.upperBound,
            let changeStart = rule.range(of: "the change, ")?.upperBound
        else { return .none }
        let higher = rule[linesStart...].hasPrefix("≥")
        func number(after index: String.Index) -> Double? {
            let text = rule[index...].drop { $0 == "≥" || $0 == "≤" || $0 == " " || $0 == "+" }
            return Double(
                text.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "−" }
                    .replacingOccurrences(of: "−", with: "-"))
        }
        guard let green = number(after: linesStart), let change = number(after: changeStart) else {
            return .none
        }
        let amber = rule.range(of: " · amber ").flatMap { number(after: $0.upperBound) } ?? green
        func meets(_ bound: Double) -> Bool { higher ? change >= bound - 1e-9 : change <= bound + 1e-9 }
        if meets(green) { return .green }
        if meets(amber) { return .amber }
        // Past amber, red only when the stated test puts the change beyond chance ("z = 2.72"):
        // a z under 1.96 keeps it amber.
        if let zStart = rule.range(of: "(z = ")?.upperBound, let z = number(after: zStart), z < 1.96 {
            return .amber
        }
        return .red
    }

    static func leadingNumber(_ text: String) -> Double? {
        let prefix = text.prefix { $0.isNumber || $0 == "." || $0 == "-" }
        return Double(prefix)
    }
}

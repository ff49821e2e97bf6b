import Foundation
import Testing

@testable import Metrics

/// The report's CSV is written straight from each academy's rated figures as they are
/// rated (`DropRater.forEachRated`), each benchmark period written once and the bytes
/// looked through for terminal escapes only when a name may need it. It must be, byte for
/// byte, the CSV of the report's rows (`ReportFormat.csv`), and what standard output gets
/// must be `TerminalText.report(bytes:)` of it.
@Suite("The report's CSV written straight from the rated figures")
struct ReportCSVPathTests {
    static let sampleFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data")

    /// The sample trust: twelve academies, three years of three terms, benchmarks of
    /// several periods.
    static let sample: TrustData = {
        let batch = DropReader().read(paths: [sampleFolder.path])
        return TrustData(
            academies: batch.academies.map(\.record), attendance: batch.attendance.map(\.record),
            attainment: batch.attainment.map(\.record), scores: batch.scores.map(\.record),
            benchmarks: BuiltInBenchmarks.overridden(by: batch.benchmarks.map(\.record)),
            inclusion: batch.inclusion.map(\.record))
    }()

    private func csv(_ report: TrustReport, forTerminal: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        report.writeCSV(forTerminal: forTerminal) { bytes += $0 }
        return bytes
    }

    @Test("every drop of the sample trust: the CSV of its rows, byte for byte")
    func sameAsRows() {
        let data = Self.sample
        #expect(data.drops.count == 9)
        for drop in data.drops {
            let report = TrustReport(
                DropRater(data: data, drop: drop, config: RatingConfig()), trustName: "Trust")
            let written = csv(report)
            #expect(written == Array(ReportFormat.csv(report.rows).utf8), "\(drop)")
            #expect(written.count > 10_000)
            // Clean names need no escape: what standard output gets is the same bytes.
            #expect(csv(report, forTerminal: true) == written, "\(drop)")
        }
    }

    @Test("names with control characters are escaped for standard output as report(bytes:) escapes them")
    func escapedForTerminal() {
        var data = Self.sample
        // ESC, DEL and U+0085 (a C1 control) in one academy's name, a tab in another's, and
        // a C1 control in the trust's.
        data.academies[0].name = "Evil\u{1B}[2J Academy\u{7F}\u{85}"
        data.academies[3].name = "Tab\tAcademy, \"Quoted\""
        let drop = data.drops[data.drops.count - 1]
        let report = TrustReport(
            DropRater(data: data, drop: drop, config: RatingConfig()), trustName: "Trust\u{9B}31m")
        let raw = csv(report)
        #expect(raw.contains(0x1B))
        let shown = csv(report, forTerminal: true)
        #expect(shown == TerminalText.report(bytes: raw))
        #expect(!shown.contains(0x1B))
        #expect(!shown.contains(0x7F))
    }

    /// One academy's rated figures as `DropRater.rated(_:)` made them before it rated
    /// them one by one (national scope): all made into a list, in report order.
    private func reference(_ rater: DropRater, _ urn: URN) -> [RatedFigure] {
        let drop = rater.drop
        let previous = Dictionary(
            rater.calculator.figures(of: urn, in: drop.sameTermLastYear).lazy.map {
                (FigureCalculator.smallKey($0), rater.protectionLastYear.applied(to: $0))
            },
            uniquingKeysWith: { first, _ in first })
        let figures = rater.calculator.figures(of: urn, in: drop)
        let phase = rater.rater.phase(of: urn)
        let keys = figures.map(FigureCalculator.smallKey)
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        let hiddenKeys = figures.first.map { rater.protection.hiddenKeys(of: $0.owner) } ?? []
        return order.map { position in
            let figure = SmallGroupProtection.applied(
                to: figures[position], key: keys[position], hiddenKeys: hiddenKeys)
            let before = previous[keys[position]].flatMap {
                $0.basis == figure.basis && !RatingChange.Comparison.crossesPandemic($0.drop, figure.drop)
                    ? $0 : nil
            }
            var rated = rater.rater.rate(
                figure, previous: before,
                outcome: rater.answers[DropRater.slot(figure.kpi, phase, figure.group)])
            rated.nationalPercentile = rater.standing(of: rated, phase: phase)
            return rated
        }
    }

    @Test("each academy's figures, rated one by one, are those rated into a list before")
    func forEachRatedIsRated() {
        let data = Self.sample
        var compared = 0
        var withPrevious = 0
        for drop in data.drops {
            let rater = DropRater(data: data, drop: drop, config: RatingConfig())
            for urn in rater.academiesWithData {
                var each: [RatedFigure] = []
                rater.forEachRated(urn) { each.append($0) }
                let before = reference(rater, urn)
                #expect(each == before, "\(drop) \(urn)")
                #expect(rater.rated(urn) == before, "\(drop) \(urn)")
                compared += each.count
                withPrevious += each.filter { $0.previous != nil }.count
            }
        }
        #expect(compared > 1_000)
        #expect(withPrevious > 100)
    }
}

import ArgumentParser
import Foundation
import Metrics

extension ReportFormat: ExpressibleByArgument {}

/// `trustboard report`: every rated figure of a drop.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print every rated figure of a drop: academies × KPIs × pupil groups × year groups.",
        discussion: "With --changes, only the figures whose rating changed, worst news first.")

    @OptionGroup var options: StoreOptions

    @Option(name: .long, help: "The drop, such as 2024/25-spring. Default: the latest.")
    var drop: String?

    @Option(name: .long, help: "Only this academy (URN).")
    var academy: String?

    @Option(name: .long, help: "text, markdown, csv or json.")
    var format: ReportFormat = .text

    @Flag(
        name: .long,
        help: "List the figures whose rating changed since the previous drop and the same drop last year.")
    var changes = false

    func run() throws {
        do {
            // The report of a drop needs only that drop and the same term last year, so a
            // store of many years is read no further than a store of one. The changes
            // compare with the previous drop too, and each of those is rated against its
            // own year before, so they still read every drop.
            let drops = changes ? nil : try TrustSource.dropsForOneDrop(options, named: drop)
            let source = try TrustSource.open(options, drops: drops)
            // Those two drops were found among the store's already, the one named the later:
            // looking for it again among the records loaded went through every one of them
            // (`TrustData.drops`), a fiftieth of a ten-year report's work on one core.
            let drop = try drops?.max() ?? source.drop(named: drop)
            var urn: URN?
            if let academy {
                guard let parsed = URN(academy), source.data.academy(parsed) != nil else {
                    throw CommandFailure("'\(academy)' is not the URN of an academy in the trust")
                }
                urn = parsed
            }
            // The changes need similar schools only to rate against them; the report
            // always shows them.
            let similar =
                changes && !source.config.ratesAgainstSimilarSchools
                ? nil
                : try source.similarComparisons(for: drop)
            let rater = DropRater(data: source.data, drop: drop, config: source.config, similar: similar)
            if changes {
                let list = RatingChanges(rater, trustName: source.trustName, academy: urn)
                writeOut(list.write(format: format))
                return
            }
            let report = TrustReport(rater, trustName: source.trustName, academy: urn)
            report.write(format, forTerminal: true) { writeOut(cleaned: $0) }
        } catch let failure as CommandFailure {
            warn(failure.description)
            throw ExitCode.failure
        }
    }
}

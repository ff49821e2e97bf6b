import ArgumentParser
import Foundation
import Metrics
import TrustStore

/// The forms `trustboard similar` writes.
enum SimilarFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case csv
}

/// `trustboard similar URN`: a school's similar schools, for a data manager to check.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Print a school's similar schools: their characteristics, distances and figures.",
        discussion: """
            The group is the 20 (similar_count in the config) state-funded schools of the same phase nearest in disadvantaged %, EAL %, \
            SEN support %, EHCP % and size, from the DfE's school census; each measure's median, \
            interquartile range, rank and quartile are from the figures the DfE published for each school.
            """)

    @OptionGroup var options: StoreOptions

    @Argument(help: "The school's URN (any school in the census, the trust's or not).")
    var urn: String

    @Option(name: .long, help: "The census year, such as 2018/19. Default: the latest stored.")
    var year: String?

    @Option(name: .long, help: "text or csv.")
    var format: SimilarFormat = .text

    func run() throws {
        do {
            guard let school = URN(urn.trimmingCharacters(in: .whitespaces)) else {
                throw CommandFailure("'\(urn)' is not a URN; a URN is six digits, 100000–999999")
            }
            var asked: AcademicYear?
            if let year {
                guard let parsed = AcademicYear(parsing: year.trimmingCharacters(in: .whitespaces)) else {
                    throw CommandFailure("--year \"\(year)\" is not an academic year; write it as 2018/19")
                }
                asked = parsed
            }
            let path = options.storePath
            guard TrustStore.exists(at: path) else {
                throw CommandFailure(
                    "no store at \(path) yet, so no school census; ingest the DfE's census file, such as "
                        + "`trustboard ingest ../shared/data/dfe/england_census_2018-19.csv`")
            }
            // No drops: only the academies' names and the config are needed.
            let source = try TrustSource.open(options, drops: [])
            guard let store = source.store else { return }
            let chosen = try SimilarSchoolsRequest.year(asked: asked, stored: try store.censusPhases().years)
            let group = try SimilarSchoolsRequest.group(
                of: school, in: try store.schoolCensus(year: chosen), year: chosen,
                count: source.config.similarCount)
            let outcomes = try store.schoolOutcomes(of: DataDrop(year: chosen, term: .summer))
            let names = try store.schoolNames(of: Set([school] + group.urns))
            let academyName = source.data.academy(school)?.name ?? names[school]?.name
            let national = NationalCensus.row(
                for: group.phase, year: chosen, in: try store.nationalCensus(year: chosen))
            let listing = SimilarSchoolsListing(
                group: group, academyName: academyName, names: names,
                outcomes: outcomes.isEmpty ? nil : outcomes, national: national)
            switch format {
            case .text: writeOut(listing.text)
            case .csv: writeOut(listing.csv)
            }
        } catch let failure as CommandFailure {
            warn(failure.description)
            throw ExitCode.failure
        } catch let failure as SimilarSchoolsRequest.Failure {
            warn(failure.description)
            throw ExitCode.failure
        }
    }
}

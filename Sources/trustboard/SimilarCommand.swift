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
            // No drops: only the academies' names and the config are needed. Without a
            // store this is the sample trust, whose fictional England has a census.
            let source = try TrustSource.open(options, drops: [])
            let national = try source.national?.files()
            let stored =
                try source.store?.censusPhases().years ?? Set(national?.census.map(\.year) ?? []).sorted()
            let chosen = try SimilarSchoolsRequest.year(asked: asked, stored: stored)
            let census =
                try source.store?.schoolCensus(year: chosen) ?? national?.census.filter { $0.year == chosen }
            let group = try SimilarSchoolsRequest.group(
                of: school, in: census ?? [], year: chosen, count: source.config.similarCount)
            let drop = DataDrop(year: chosen, term: .summer)
            let outcomes =
                try source.store?.schoolOutcomes(of: drop) ?? national?.outcomes[drop]
                ?? SchoolOutcomes(drop: drop)
            let wanted = Set([school] + group.urns)
            let names =
                try source.store?.schoolNames(of: wanted)
                ?? national?.names.filter { wanted.contains($0.key) }
            let academyName = source.data.academy(school)?.name ?? names?[school]?.name
            // The sample's fictional census has no national rows, so only a store gives one.
            let nationalRow = try source.store.flatMap {
                NationalCensus.row(for: group.phase, year: chosen, in: try $0.nationalCensus(year: chosen))
            }
            var listing = SimilarSchoolsListing(
                group: group, academyName: academyName, names: names ?? [:],
                outcomes: outcomes.isEmpty ? nil : outcomes, national: nationalRow)
            listing.fictional = national != nil
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

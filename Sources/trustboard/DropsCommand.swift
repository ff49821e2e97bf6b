import ArgumentParser
import Foundation
import Metrics
import TrustStore

/// `trustboard drops`: each drop with its academies and the files it came from.
struct DropsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drops", abstract: "List each drop with its academies and the files it came from.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        do {
            // A store's listing counts its rows in the store itself, so none is loaded: on a
            // national store loading them all took seconds and hundreds of MB for nothing.
            let source = try TrustSource.open(options, drops: [])
            if let store = source.store {
                let listings = try store.dropListing()
                if listings.isEmpty {
                    say(
                        "the store \(store.path) holds no drops yet: `trustboard ingest FOLDER` adds the "
                            + "trust's files")
                }
                for listing in listings { say(listing.description) }
            } else {
                let data = source.data
                for drop in data.drops.reversed() {
                    let urns = Set(
                        data.attendance.filter { $0.drop == drop }.map(\.urn)
                            + data.attainment.filter { $0.drop == drop }.map(\.urn))
                    // The rows of each kind, in the words of a store's listing.
                    let listing = DropListing(
                        drop: drop, academies: urns.count,
                        attendanceRows: data.attendance.filter { $0.drop == drop }.count,
                        attainmentRows: data.attainment.filter { $0.drop == drop }.count,
                        scoreRows: data.scores.filter { $0.drop == drop }.count,
                        inclusionRows: data.inclusion.filter { $0.drop == drop }.count, files: [])
                    say(
                        "\(drop): \(urns.count) of \(data.academies.count) academies, \(listing.rowCounts) "
                            + "(bundled sample trust)")
                }
            }
        } catch let failure as CommandFailure {
            warn(failure.description)
            throw ExitCode.failure
        }
    }
}

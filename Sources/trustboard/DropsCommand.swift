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
            let source = try TrustSource.open(options)
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
                    // The rows of each kind, as a store's listing counts them.
                    func rows(_ count: Int, _ kind: String, always: Bool = false) -> String {
                        count > 0 || always ? ", \(count) \(kind) row\(count == 1 ? "" : "s")" : ""
                    }
                    let counts =
                        rows(data.attendance.filter { $0.drop == drop }.count, "attendance", always: true)
                        + rows(data.attainment.filter { $0.drop == drop }.count, "attainment", always: true)
                        + rows(data.scores.filter { $0.drop == drop }.count, "score", always: true)
                        + rows(data.inclusion.filter { $0.drop == drop }.count, "inclusion")
                    say(
                        "\(drop): \(urns.count) of \(data.academies.count) academies\(counts) (bundled sample trust)"
                    )
                }
            }
        } catch let failure as CommandFailure {
            warn(failure.description)
            throw ExitCode.failure
        }
    }
}

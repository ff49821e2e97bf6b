import Foundation
import Metrics
import TrustStore

/// The similar-schools benchmark: the DfE's school census (`england_census_2018-19.csv`,
/// every school in England) ingested through the real binary into a store holding a
/// trust of 100 primary academies, then the groups of those 100 found in-process, as
/// `report` and the dashboard find them; and, for a national body, every school's group.
///
/// `swift build -c release && .build/release/trustboard-bench --similar ../shared/data/dfe`
///
/// The trust is every 167th state-funded primary school of the file, in file order, so
/// that it spans the country and the same file always gives the same trust. Each of the
/// three timed ingests starts from a copy of the store as it was before the ingest. The
/// groups are timed in-process (one `trustboard similar` process per academy would time
/// process start-up 100 times, not the search): loading the stored census, building the
/// `SimilarSchoolsFinder` and finding the 100 groups, fastest of three.
enum SimilarBench {
    /// The number of academies in the trust.
    static let trustSize = 100

    static func run(binary: String, folder: URL, dfeFolder: String) throws {
        let file = (dfeFolder as NSString).appendingPathComponent("england_census_2018-19.csv")
        guard let data = FileManager.default.contents(atPath: file) else {
            print("bench: \(file) not found; give the folder of the DfE files with --similar")
            exit(1)
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        var primaries: [String] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count > 4, fields[3] == "State-funded primary" { primaries.append(String(fields[0])) }
        }
        let step = max(primaries.count / trustSize, 1)
        let urns = stride(from: 0, to: primaries.count, by: step).prefix(trustSize).map { primaries[$0] }
        let academies = folder.appendingPathComponent("similar-academies.csv")
        let rows = urns.enumerated().map { "\($1),Academy \($0 + 1),primary" }
        try Data((["urn,name,phase"] + rows).joined(separator: "\n").utf8).write(to: academies)
        let pristine = folder.appendingPathComponent("similar-trust.sqlite").path
        let timed = folder.appendingPathComponent("similar-timed.sqlite").path
        _ = try Bench.run(binary, ["ingest", "--store", pristine, academies.path])
        let ingest = try Bench.run(binary, ["ingest", "--store", timed, file]) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: timed + suffix) }
            try? FileManager.default.copyItem(atPath: pristine, toPath: timed)
        }

        let store = try TrustStore(readingAt: timed)
        let trust = Set(urns.compactMap { URN($0) })
        var found = 0
        let groups = try fastest {
            let census = try store.schoolCensus(year: AcademicYear(2018))
            let finder = SimilarSchoolsFinder(census: census)
            found = 0
            for line in census where trust.contains(line.urn) {
                if case .found = finder.group(for: SchoolCharacteristics(census: line)) { found += 1 }
            }
        }
        let megabytes = Double(data.count) / 1_000_000
        print(
            "similar schools: ingest england_census_2018-19.csv (\(lines.count - 1) rows, "
                + "\(Bench.format(megabytes)) MB) with a trust of \(urns.count) primary academies: "
                + "\(Bench.format(ingest.seconds)) s, peak \(ingest.peakMB) MB (fastest of 3)")
        print(
            "  groups of the \(urns.count) academies in-process (load the census, build the finder, "
                + "\(found) groups found): \(Bench.format(groups)) s (fastest of 3)")
        print(
            "  ingest + \(urns.count) groups: \(Bench.format(ingest.seconds + groups)) s  (target < 1 s)")

        let census = try store.schoolCensus(year: AcademicYear(2018))
        let schools = census.filter { $0.phase != nil }
        var phases: [Phase: Int] = [:]
        for school in schools { if let phase = school.phase { phases[phase, default: 0] += 1 } }
        var national = (found: 0, missing: 0)
        let everySchool = fastest {
            let finder = SimilarSchoolsFinder(census: census)
            national = (0, 0)
            for school in schools {
                switch finder.group(for: SchoolCharacteristics(census: school)) {
                case .found: national.found += 1
                case .missing: national.missing += 1
                }
            }
        }
        let byPhase = phases.sorted { $0.value > $1.value }.map { "\($0.value) \($0.key.rawValue)" }
        print(
            "  every school's group nationally in-process (\(schools.count) schools with a phase: "
                + "\(byPhase.joined(separator: ", ")); \(national.found) groups found, "
                + "\(national.missing) with none): \(Bench.format(everySchool)) s (fastest of 3, one core)")
    }

    /// The fastest of three runs of `body`, in seconds.
    static func fastest(_ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }
}

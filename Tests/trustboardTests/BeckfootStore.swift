import Foundation

/// Stores of Beckfoot Trust made from the real DfE files, each ingested once per test run
/// and shared by the end-to-end tests that only read them (`report`, `similar` and
/// `snapshot` never write a store). Tests run in parallel: the first to ask for a store
/// ingests it while any other asking for the same one waits; a failed ingest fails every
/// test that asks, with the ingest's message.
enum BeckfootStore: Hashable, Sendable {
    /// The Bradford file with `--trust "BECKFOOT TRUST"`.
    case bradford
    /// Then the 2018/19 performance-tables absence and KS4 files, without the census.
    case published
    /// Then the 2018/19 census, absence and KS4 files, in one ingest.
    case withCensus

    /// The national files ingested after the Bradford file, with `--year 2018/19`.
    var nationalFiles: [String] {
        switch self {
        case .bradford: []
        case .published: [DfEFiles.absence, DfEFiles.ks4]
        case .withCensus: [DfEFiles.census, DfEFiles.absence, DfEFiles.ks4]
        }
    }

    /// The store's path, ingested the first time any test asks for it.
    func path() throws -> String { try SharedStores.shared.path(of: self) }
}

/// Why a shared store could not be made.
struct SharedStoreFailure: Error, CustomStringConvertible {
    let description: String
}

/// The shared stores, in one folder removed when the test run ends.
private final class SharedStores: @unchecked Sendable {
    static let shared = SharedStores()
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "trustboard-shared-\(UUID().uuidString)")

    private let lock = NSLock()
    private var made: [BeckfootStore: Result<String, SharedStoreFailure>] = [:]

    private init() {
        atexit { try? FileManager.default.removeItem(at: SharedStores.folder) }
    }

    func path(of kind: BeckfootStore) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = made[kind] { return try known.get() }
        let result = Result { () throws(SharedStoreFailure) -> String in try ingest(kind) }
        made[kind] = result
        return try result.get()
    }

    private func ingest(_ kind: BeckfootStore) throws(SharedStoreFailure) -> String {
        let store = Self.folder.appendingPathComponent("\(kind).sqlite").path
        var commands = [["ingest", "--store", store, "--trust", "BECKFOOT TRUST", DfEFiles.bradford]]
        if !kind.nationalFiles.isEmpty {
            commands.append(["ingest", "--store", store, "--year", "2018/19"] + kind.nationalFiles)
        }
        do {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            for command in commands {
                let run = try CommandRunner.run(command)
                guard run.status == 0 else {
                    throw SharedStoreFailure(description: "\(command.joined(separator: " ")): \(run.stderr)")
                }
            }
        } catch let failure as SharedStoreFailure {
            throw failure
        } catch {
            throw SharedStoreFailure(description: "could not make the \(kind) store: \(error)")
        }
        return store
    }
}

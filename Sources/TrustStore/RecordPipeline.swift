import Dispatch
import Synchronization

/// Reads records from batches of rows (`RecordRows`) on another thread, in the order the
/// batches were sent, while the sending thread steps SQLite through the next rows: a
/// national store's 1.5 million rows were read on one core.
///
/// The first error a batch throws stops the rest, and is what `finish()` throws: it is the
/// error of the earliest row, as reading the rows one by one would give. A sender that
/// fails itself calls `finish()` first and throws its own error only when no batch
/// before failed.
final class RecordPipeline: Sendable {
    private let queue = DispatchQueue(label: "TrustStore.load", qos: .userInitiated)
    private let group = DispatchGroup()
    /// Batches sent and not yet read, at most `inFlight`, so that copies never pile up.
    private let slots: DispatchSemaphore
    private let failure = Mutex<(any Error)?>(nil)

    /// Thrown by a sender that stopped because a batch failed; `finish()` throws that
    /// batch's error instead.
    struct Stopped: Error {}

    /// Rows copied per batch.
    static let batchRows = 4096

    /// A pipeline holding at most `inFlight` batches.
    init(inFlight: Int = 4) {
        slots = DispatchSemaphore(value: inFlight)
    }

    /// True once a batch has failed: the sender may stop.
    var hasFailed: Bool { failure.withLock { $0 != nil } }

    /// Reads `rows` with `read` on the pipeline's thread, after every batch sent before;
    /// waits while `inFlight` batches are waiting.
    func send(_ rows: RecordRows, _ read: @escaping @Sendable (RecordRows) throws -> Void) {
        slots.wait()
        queue.async(group: group) { [self] in
            defer { slots.signal() }
            guard !hasFailed else { return }
            do {
                try read(rows)
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
    }

    /// Waits for every batch sent; throws the first error one threw.
    func finish() throws {
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

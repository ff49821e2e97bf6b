import Foundation

/// `BatchChecker`'s checks run on another thread, started as soon as the batch's rows are
/// final, while the reader's other checks across files run on the calling thread: the
/// key checks are the largest of them, and the second core is otherwise idle by then.
final class BatchCheckOnTheSide: @unchecked Sendable {
    // `checker` is written by the worker before it signals `done`, and read only after
    // waiting on it, so the semaphore orders every access.
    private var checker: BatchChecker
    private let done = DispatchSemaphore(value: 0)

    /// Starts checking `batch`, whose rows must not change afterwards.
    init(batch: DropBatch, knownAcademies: Set<URN>) {
        checker = BatchChecker(batch: batch, knownAcademies: knownAcademies)
        let thread = Thread { [self] in
            checker.check()
            done.signal()
        }
        thread.start()
    }

    /// Waits for the checks and gives the checker with what it found.
    func result() -> BatchChecker {
        done.wait()
        return checker
    }
}

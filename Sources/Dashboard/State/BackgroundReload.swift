import Dispatch
import Metrics

/// Makes a new `TrustView` away from the drawing thread, so that the dashboard keeps
/// drawing and answering keys while a large store loads and its shown drop is rated
/// (5,000 academies took 4–5 s, during which the screen froze).
///
/// One reload runs at a time. `start` hands the work to a background queue; the drawing
/// loop calls `take()` each turn and adopts the view once it is ready. The view is made
/// and warmed on the background queue and then only ever used by the drawing thread, so
/// it crosses threads once, whole, through the lock.
public final class BackgroundReload: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var running = false
    private var ready: TrustView?
    private let queue = DispatchQueue(label: "trustboard.reload", qos: .userInitiated)

    /// Makes a reloader with nothing running.
    public init() {}

    /// True while a reload is being made.
    public var isRunning: Bool {
        lock.wait()
        defer { lock.signal() }
        return running
    }

    /// Starts making a view with `make` (nil when there is nothing new after all), unless
    /// one is already being made. Returns false when one was.
    @discardableResult
    public func start(_ make: @escaping @Sendable () -> TrustView?) -> Bool {
        lock.wait()
        guard !running else {
            lock.signal()
            return false
        }
        running = true
        lock.signal()
        queue.async { [self] in
            let view = make()
            lock.wait()
            ready = view
            running = false
            lock.signal()
        }
        return true
    }

    /// Waits for the reload running, if any, to finish, and returns its view as `take()`
    /// does: for a key that a view of only some drops cannot answer.
    public func waitAndTake() -> TrustView? {
        // The queue is serial: an empty block runs once the reload before it has finished.
        queue.sync {}
        return take()
    }

    /// The view made since the last call, if one is ready.
    public func take() -> TrustView? {
        lock.wait()
        defer { lock.signal() }
        let view = ready
        ready = nil
        return view
    }
}

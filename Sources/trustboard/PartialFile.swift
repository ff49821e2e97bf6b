import Dispatch
import Glibc

/// A file being written beside the one it will replace, removed if the command is asked
/// to stop (Ctrl-C, SIGTERM, SIGHUP) before the file is put in place, so that a pack
/// stopped part way leaves neither half a pack nor its part behind.
///
/// The stop signals are taken by dispatch sources, so the file is removed on a queue of
/// its own rather than inside a signal handler; the signal is then raised again with its
/// default action, and the command ends as it would have (killed by that signal). A signal the command was
/// started with ignored (`nohup`, a background job of a script) stays ignored.
final class PartialFile {
    /// The file's path.
    let path: String
    private var watched: [(signal: Int32, previous: sighandler_t?, source: DispatchSourceSignal)] = []

    private static let stopSignals = [SIGINT, SIGTERM, SIGHUP]

    /// Watches for the stop signals from now on, before anything is written at `path`.
    init(path: String) {
        self.path = path
        let queue = DispatchQueue(label: "trustboard.partial-file")
        for stop in Self.stopSignals {
            let previous = signal(stop, SIG_IGN)
            if Self.isIgnored(previous) { continue }
            let source = DispatchSource.makeSignalSource(signal: stop, queue: queue)
            source.setEventHandler { [path] in
                _ = unlink(path)
                Self.endBy(stop)
            }
            source.resume()
            watched.append((stop, previous, source))
        }
    }

    /// Stops watching, once the file is in place or removed: the signals act as before.
    func release() {
        for (stop, previous, source) in watched {
            source.cancel()
            signal(stop, previous)
        }
        watched = []
    }

    /// Ends the process by `stop` with its default action, as if it had not been caught:
    /// dispatch keeps the signal blocked on its threads, so it is unblocked here first.
    private static func endBy(_ stop: Int32) -> Never {
        signal(stop, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, stop)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(stop)
        // Only if the default action did not end it.
        _exit(128 + stop)
    }

    private static func isIgnored(_ handler: sighandler_t?) -> Bool {
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}

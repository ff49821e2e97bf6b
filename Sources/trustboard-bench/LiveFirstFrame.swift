import Foundation

/// The live dashboard's wait before its first frame: the real binary run on a
/// pseudo-terminal, as a user runs it, timed from its start until the overview's header
/// reaches the terminal, then sent `q`.
///
/// `snapshot` draws one whole frame and waits for everything on it, which the live
/// dashboard does not: it opens a store of many drops on the few its first frame draws
/// and reads the rest afterwards, and a large store's count of figures turned red follows
/// the frame ("counting…"), so the bench times both.
enum LiveFirstFrame {
    /// What the overview draws in its header's last place ("sorted: worst first") once its
    /// rows are made: the end of the first frame.
    static let marker = Array("sorted:".utf8)

    /// Why a run gave no time.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// One run of `binary` on `store` at `width`×`height`: `seconds` from its start to its
    /// first frame, and `peakMB` its peak resident memory until then (it is sent `q` as
    /// soon as the frame is seen). Throws when it gave no frame within `timeout` seconds.
    ///
    /// The pseudo-terminal is util-linux's `script`'s (this Swift cannot call
    /// `posix_openpt`): its input and output are pipes here, and the terminal's size is
    /// given as ncurses reads it when the terminal has none (`LINES`, `COLUMNS`).
    static func run(
        _ binary: String, store: String, width: Int = 200, height: Int = 60, timeout: Double = 300
    ) throws -> Spawned {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw Failure(description: "no pipe") }
        let master = output[0]
        defer {
            close(input[1])
            close(master)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for descriptor in input + output { posix_spawn_file_actions_addclose(&actions, descriptor) }
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LINES"] = "\(height)"
        environment["COLUMNS"] = "\(width)"
        func quoted(_ text: String) -> String {
            "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        let command = "\(quoted(binary)) --store \(quoted(store))"
        let words = ["script", "--quiet", "--flush", "--return", "--command", command, "/dev/null"]
        let argv = words.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawnp(&pid, "script", &actions, nil, argv, envp)
        close(input[0])
        close(output[1])
        guard spawned == 0 else { throw Failure(description: "util-linux's script would not start") }
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var seconds: Double?
        while seconds == nil {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            guard elapsed < timeout else { break }
            var ready = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            // Only the tail that could hold a marker cut between two reads is kept.
            seen = Array(seen.suffix(marker.count)) + buffer[0..<count]
            if contains(seen, marker) {
                seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
        }
        // Quit as a user does, and read on so that the dashboard can restore the terminal
        // and end; a run that gave no frame is stopped.
        if seconds != nil {
            _ = "q".utf8CString.withUnsafeBufferPointer { write(input[1], $0.baseAddress, 1) }
        } else {
            kill(pid, SIGTERM)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            var ready = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 50) > 0, read(master, &buffer, buffer.count) <= 0 {
                // The terminal closed: the dashboard has ended, or is ending.
                _ = wait4(pid, &status, 0, &usage)
                break
            }
        }
        guard let seconds else {
            throw Failure(description: "no frame within \(Int(timeout)) s")
        }
        return Spawned(seconds: seconds, peakMB: Int(usage.ru_maxrss) / 1024, status: status)
    }

    private static func contains(_ bytes: [UInt8], _ marker: [UInt8]) -> Bool {
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if bytes[start..<start + marker.count].elementsEqual(marker) { return true }
        }
        return false
    }
}

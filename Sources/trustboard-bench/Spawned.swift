import Foundation

/// One run of a program in its own process: its wall time and its peak resident memory.
///
/// `posix_spawn` and `wait4` rather than `Process`, whose own child reaper would take the
/// usage figures; the peak memory is the child's own `ru_maxrss`.
struct Spawned {
    /// Wall time from spawn to exit.
    var seconds: Double
    /// Peak resident memory in MB (MiB, as `ru_maxrss` counts).
    var peakMB: Int
    /// The exit status as `wait4` gives it; 0 for success.
    var status: Int32

    /// Runs `path` with `arguments`, standard input from `input` (or /dev/null) and standard
    /// output to `output` (or /dev/null); standard error is thrown away.
    static func run(
        _ path: String, _ arguments: [String], input: String? = nil, output: String? = nil
    ) throws -> Spawned {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        // posix_spawnp, so that `python3` and `sqlite3` are found on the PATH.
        guard posix_spawnp(&pid, path, &actions, nil, argv, environ) == 0 else {
            throw CocoaError(.executableLoad)
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Spawned(seconds: seconds, peakMB: Int(usage.ru_maxrss) / 1024, status: status)
    }
}

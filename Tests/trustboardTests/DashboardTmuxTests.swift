import Foundation
import Testing

/// The live dashboard, end to end: the real binary in a real terminal (a private tmux
/// server), driven by keys and signals, and the terminal checked after it ends.
///
/// tmux is required: without it these tests fail and say to install it (`.ci/run`
/// installs it), rather than skip and leave the terminal backend untested.
@Suite("trustboard dashboard in tmux, end to end", .serialized)
struct DashboardTmuxTests {
    @Test("browse the sample trust, open an academy, help, resize, quit with q")
    func browseAndQuit() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }

        let overview = pane.waitForScreen { $0.contains("Fellside School") }
        #expect(overview.contains("Northbrook Learning Trust"), "\(overview)")
        #expect(overview.contains("Fellside School"), "\(overview)")

        try pane.send("Enter")
        let academy = pane.waitForScreen { screen in
            ["Attainment", "Attendance", "Persistent absence"].allSatisfy(screen.contains)
        }
        for title in ["Attainment", "Attendance", "Persistent absence"] {
            #expect(academy.contains(title), "no \(title) panel after Enter:\n\(academy)")
        }

        try pane.send("?")
        let help = pane.waitForScreen { $0.contains("quit trustboard") }
        #expect(help.contains("quit trustboard"), "no help after ?:\n\(help)")

        try pane.send("Escape")
        let closed = pane.waitForScreen { !$0.contains("quit trustboard") }
        #expect(!closed.contains("quit trustboard"), "help still open after Esc:\n\(closed)")
        // The academy's name starts the header; the same name must head the smaller frame.
        let header = String(TmuxPane.firstLine(of: closed).prefix(12))
        #expect(!header.isEmpty, "no header on the academy screen:\n\(closed)")

        try pane.resize(width: 80, height: 24)
        let small = pane.waitForScreen { screen in
            TmuxPane.firstLine(of: screen).hasPrefix(header) && TmuxPane.lastLine(of: screen).contains("quit")
        }
        #expect(try pane.format("#{pane_width}x#{pane_height}") == "80x24")
        #expect(TmuxPane.firstLine(of: small).hasPrefix(header), "header lost at 80x24:\n\(small)")
        #expect(TmuxPane.lastLine(of: small).contains("quit"), "keys not on the last row at 80x24:\n\(small)")
        for line in small.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(TmuxPane.columns(String(line)) <= 80, "line wider than 80 columns: \(line)")
        }

        try pane.send("Escape")
        let smallOverview = pane.waitForScreen { $0.contains("Northbrook Learning Trust") }
        #expect(smallOverview.contains("Northbrook Learning Trust"), "no overview at 80x24:\n\(smallOverview)")

        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    @Test("SIGTERM ends the dashboard and restores the terminal")
    func sigtermRestoresTheTerminal() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        let overview = pane.waitForScreen { $0.contains("Fellside School") }
        #expect(overview.contains("Fellside School"), "\(overview)")

        let pid = try #require(pane.binaryPID, "trustboard's process id was not recorded")
        #expect(kill(pid, SIGTERM) == 0)
        // Ending normally (0) or reporting the signal the way shells do (128 + 15) are both
        // fine; what matters is the terminal.
        try pane.expectTerminalRestored(exitStatuses: [0, 128 + SIGTERM])
    }

    @Test("Ctrl-C ends the dashboard and restores the terminal")
    func controlCRestoresTheTerminal() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        let overview = pane.waitForScreen { $0.contains("Fellside School") }
        #expect(overview.contains("Fellside School"), "\(overview)")

        try pane.send("C-c")
        try pane.expectTerminalRestored(exitStatuses: [0, 128 + SIGINT])
    }
}

/// One tmux pane on a private server, running trustboard on the bundled sample trust
/// through a small script that, once trustboard ends, prints its exit status and saves
/// `stty -a` of the terminal it left behind.
private final class TmuxPane {
    private let tmux: String
    private let server = "trustboard-test-\(UUID().uuidString)"
    private let folder: TemporaryFolder

    /// Starts the server and trustboard in a `width` × `height` pane.
    init(width: Int, height: Int) throws {
        let found = TmuxPane.findTmux()
        tmux = try #require(
            found, "tmux is not installed: install it (apt-get install tmux) to run the dashboard's end-to-end tests")
        folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            atPath: folder.path("data"), withIntermediateDirectories: true)
        let script = try folder.write(
            "run.sh",
            """
            unset TRUSTBOARD_STORE TRUSTBOARD_CONFIG NO_COLOR TMUX TMUX_PANE
            export HOME="$1" XDG_DATA_HOME="$1/data" XDG_CONFIG_HOME="$1/config"
            export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8
            # The shell outlives Ctrl-C (trustboard still gets it: a trap is not inherited).
            trap : INT
            # exec keeps the process id, so the pid file names trustboard itself.
            sh -c 'echo $$ > "$1/pid"; exec "$2"' sh "$1" "$2"
            echo "trustboard exited $?"
            stty -a > "$1/stty.tmp" && mv "$1/stty.tmp" "$1/stty.txt"
            exec sleep 600
            """)
        try run([
            "new-session", "-d", "-s", "dashboard", "-x", "\(width)", "-y", "\(height)",
            "sh \(Self.quoted(script)) \(Self.quoted(folder.url.path)) \(Self.quoted(CommandRunner.binary))",
        ])
    }

    /// Ends the server and everything in it.
    func stop() { _ = try? run(["kill-server"]) }

    /// The pane's text now, one line per row.
    func capture() -> String { (try? run(["capture-pane", "-p", "-t", "dashboard"])) ?? "" }

    /// The pane's text once `done` holds for it, or the last text seen after `seconds`.
    func waitForScreen(seconds: Double = 10, _ done: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = capture()
        while !done(screen) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture()
        }
        return screen
    }

    /// Sends keys by their tmux names: "Enter", "Escape", "C-c", "q".
    func send(_ keys: String...) throws { try run(["send-keys", "-t", "dashboard"] + keys) }

    /// Resizes the pane's window.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "dashboard", "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format expanded for the pane, such as `#{alternate_on}`.
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "dashboard", format])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// trustboard's process id, once it has started.
    var binaryPID: pid_t? {
        guard let text = try? String(contentsOfFile: folder.path("pid"), encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits for trustboard to end, then checks that it exited with one of
    /// `exitStatuses`, left the alternate screen (its frame is gone from the pane), showed
    /// the cursor, and gave back a terminal with line editing and echo on.
    func expectTerminalRestored(
        exitStatuses: [Int32], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let screen = waitForScreen { $0.contains("trustboard exited") }
        let statusLine = screen.split(separator: "\n").first { $0.hasPrefix("trustboard exited ") }
        let status = statusLine.flatMap { Int32($0.dropFirst("trustboard exited ".count)) }
        #expect(
            status.map(exitStatuses.contains) == true, "trustboard did not exit as expected:\n\(screen)",
            sourceLocation: sourceLocation)
        #expect(
            !screen.contains("Fellside School"), "the dashboard is still on screen after it ended:\n\(screen)",
            sourceLocation: sourceLocation)
        #expect(try format("#{alternate_on}") == "0", "still on the alternate screen", sourceLocation: sourceLocation)
        #expect(try format("#{cursor_flag}") == "1", "the cursor is still hidden", sourceLocation: sourceLocation)

        let sttyPath = folder.path("stty.txt")
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: sttyPath) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let stty = try String(contentsOfFile: sttyPath, encoding: .utf8)
        let settings = Set(stty.split { $0 == " " || $0 == "\n" || $0 == ";" }.map(String.init))
        for setting in ["icanon", "echo", "icrnl", "isig"] {
            #expect(settings.contains(setting), "terminal left without \(setting):\n\(stty)", sourceLocation: sourceLocation)
        }
    }

    /// The first line of `screen` that is not blank, without leading spaces.
    static func firstLine(of screen: String) -> String {
        let line = screen.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// The last line of `screen` that is not blank.
    static func lastLine(of screen: String) -> String {
        String(screen.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) } ?? "")
    }

    /// Terminal columns `line` takes: 2 for East Asian wide characters and emoji, 0 for
    /// combining marks, 1 otherwise. Enough for the sample trust's names and the marks.
    static func columns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return total
            default: break
            }
            let wide: [ClosedRange<UInt32>] = [
                0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD,
            ]
            return total + (wide.contains { $0.contains(scalar.value) } ? 2 : 1)
        }
    }

    /// Runs `tmux -L server -f /dev/null arguments…` and returns what it printed.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-L", server, "-f", "/dev/null"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TmuxFailure(arguments: arguments, status: process.terminationStatus)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// tmux's path, from PATH, or nil when it is not installed.
    private static func findTmux() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `text` quoted for sh.
    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A tmux command that failed.
private struct TmuxFailure: Error, CustomStringConvertible {
    var arguments: [String]
    var status: Int32

    var description: String { "tmux \(arguments.joined(separator: " ")) exited with status \(status)" }
}

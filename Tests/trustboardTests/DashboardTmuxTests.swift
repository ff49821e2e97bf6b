import Foundation
import Testing
import TrustGenerator

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
        // The header's start must still head the frame once it is re-laid out smaller.
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
        #expect(
            smallOverview.contains("Northbrook Learning Trust"), "no overview at 80x24:\n\(smallOverview)")

        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    /// Fellside's Year 9 attendance line, reached with ↓ and `y` and explained with Enter.
    /// The sample's line `900110,2024/25,summer,all,9,183,67353,7858,…`, summed from Fellside's
    /// Year 9 pupils in its export: 67,353 − 7,858 =
    /// 59,495 sessions attended of 67,353 = 88.33% → 88.3: red, below the secondary
    /// national 100 − 8.89 = 91.11 (DfE, 2023/24 full year) less the amber point, 90.11.
    @Test("a year-group line of the attendance panel can be reached and explained")
    func explainAYearGroupLine() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../sample-data/pupil-attendance-2024-25-summer.csv").standardized
        let lines = try ExportRowSums.attendanceLines(ofExportAt: sample)
        #expect(
            lines.contains { $0.hasPrefix("900110,2024/25,summer,all,9,183,67353,7858,") },
            "the sample changed")
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        _ = pane.waitForScreen { $0.contains("Fellside School") }
        // Fellside is first, worst first. Keys sent while the first frame is drawn can be
        // lost, so Enter is sent again until the academy opens; each wait is long enough for
        // a loaded machine to draw the page, as a second Enter there would explain a figure.
        var academy = ""
        for _ in 0..<5 where !academy.contains("Persistent absence ·") {
            try pane.send("Enter")
            academy = pane.waitForScreen(seconds: 5) { $0.contains("Persistent absence ·") }
        }
        #expect(academy.contains("Fellside School · URN 900110"), "\(academy)")
        // Tab to attendance; ↓ past all pupils and the eight pupil groups to Year 7.
        try pane.send("Tab")
        try pane.send(contentsOf: Array(repeating: "Down", count: 9))
        try pane.send("e")
        let year7 = pane.waitForScreen { $0.contains("Why is Attendance (Year 7, all pupils)") }
        #expect(year7.contains("Why is Attendance (Year 7, all pupils)"), "↓ did not reach Year 7:\n\(year7)")
        try pane.send("Escape")
        _ = pane.waitForScreen { !$0.contains("Why is") }
        // y steps on through the year groups: Year 8, then Year 9.
        try pane.send("y", "y", "Enter")
        // The whole overlay, not only its title: a frame caught while it is drawn holds the
        // title first.
        let year9 = pane.waitForScreen {
            $0.contains("Why is Attendance (Year 9, all pupils)") && $0.contains("possible sessions attended")
                && $0.contains("Rule")
        }
        #expect(year9.contains("Why is Attendance (Year 9, all pupils) red?"), "\(year9)")
        #expect(year9.contains("88.3% = 59,495 of 67,353 possible sessions attended"), "\(year9)")
        #expect(year9.contains("Rule"), "\(year9)")
        try pane.send("Escape", "q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    /// The executive's question, "which figures turned red since last term?", in one key:
    /// `c` opens the changes page on the header's comparison, whose first heading says the
    /// header's number and lists exactly those figures, the same as `report --changes`
    /// (each attendance figure once: an absence line beside its attendance line is the
    /// same figure, 100 − attendance). A second key switches to last year, Enter opens the
    /// first figure's academy and Esc comes back: four keys in all.
    @Test("c answers 'which figures turned red since last term?': the header's count, listed, as the report")
    func turnedRedSinceLastTermInOneKey() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        let overview = pane.waitForScreen { $0.contains("turned red since") }
        let header = try #require(
            overview.split(separator: "\n").first { $0.contains("turned red since") }.map(String.init),
            "no turned-red count in the header:\n\(overview)")
        let counted = try #require(header.firstMatch(of: /(\d+) figures? turned red since (\d{4}\/\d\d \w+)/))
        let count = try #require(Int(counted.1))
        let since = String(counted.2)

        // The report's own list, from the same sample trust: the figures red now and not
        // red in `since`, less each absence line beside its attendance line.
        let home = try TemporaryFolder()
        let report = try CommandRunner.run(
            ["report", "--changes", "--format", "csv"],
            environment: ["HOME": home.url.path, "XDG_DATA_HOME": home.path("data")])
        #expect(report.status == 0, "\(report.stderr)")
        let rows = report.stdout.split(separator: "\n").map(DfEFiles.fields)
        let columns = try #require(rows.first)
        func column(_ name: String) throws -> Int { try #require(columns.firstIndex(of: name), "no \(name)") }
        let (urn, kpi, group, year, against, old, new) = (
            try column("urn"), try column("kpi"), try column("pupil_group"), try column("year_group"),
            try column("compared_with"), try column("old_rating"), try column("new_rating")
        )
        func turnedRed(_ comparison: String) -> [[String]] {
            let red = rows.dropFirst().filter {
                $0[against] == comparison && $0[new] == "red" && $0[old] != "red"
            }
            let attendance = Set(
                red.filter { $0[kpi] == "attendance_rate" }.map { [$0[urn], $0[group], $0[year]] })
            return red.filter {
                !($0[kpi] == "absence_rate" && attendance.contains([$0[urn], $0[group], $0[year]]))
            }
        }
        let sincePrevious = turnedRed("previous_drop")
        #expect(sincePrevious.count == count, "header \(count), report \(sincePrevious.count)")

        // Key 1.
        try pane.send("c")
        // The whole page: its footer, "1–31 of 163 changes", is drawn after the band, so a
        // frame caught while it is being drawn is not read as a short band.
        let page = pane.waitForScreen { $0.contains("Turned red since") && $0.contains(" changes ─") }
        #expect(page.contains("Turned red since \(since) (\(count))"), "\(page)")
        // The band's lines, from its heading to the blank line after it: one per figure.
        func lines(_ screen: String) -> [String] {
            screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let rowsShown = lines(page)
        let heading = try #require(rowsShown.firstIndex { $0.contains("Turned red since") })
        let band = rowsShown[(heading + 1)...].prefix { !$0.allSatisfy(\.isWhitespace) }
        #expect(band.count == count, "\(page)")
        let academyColumn = try column("academy")
        let names = sincePrevious.map { $0[academyColumn] }
        // A line's name: its first column, without the ellipsis of a name cut to fit.
        func name(_ line: String) -> String {
            let text = line.dropFirst(2).components(separatedBy: "  ").first ?? ""
            return text.hasSuffix("…") ? String(text.dropLast()) : text
        }
        for line in band {
            let shown = name(line)
            #expect(!shown.isEmpty && (shown == "Trust" || names.contains { $0.hasPrefix(shown) }), "\(line)")
        }

        // Keys 2 and 3: Enter opens the first figure's academy (the page's first line is
        // the band's first figure); Esc comes back to the same list.
        let first = name(try #require(band.first))
        try pane.send("Enter")
        let academy = pane.waitForScreen { ["Attainment", "Attendance"].allSatisfy($0.contains) }
        // An academy's page, or the trust's ("Trust persistent absence") when the trust's
        // own figure is first.
        #expect(academy.lowercased().contains("persistent absence"), "\(academy)")
        #expect(
            first == "Trust" || lines(academy).dropFirst().first?.contains(first) == true,
            "not \(first)'s page:\n\(academy)")
        try pane.send("Escape")
        let back = pane.waitForScreen { $0.contains("Turned red since") && $0.contains(" changes ─") }
        #expect(back.contains("Turned red since \(since) (\(count))"), "\(back)")

        // Key 4: the same term last year, as the report has it.
        try pane.send("c")
        let lastYear = turnedRed("last_year").count
        let other = pane.waitForScreen { $0.contains("the same term last year") }
        if lastYear > 0 {
            #expect(other.contains("Turned red since"), "\(other)")
            #expect(other.contains("(\(lastYear))"), "last year \(lastYear):\n\(other)")
        } else {
            #expect(!other.contains("Turned red since"), "\(other)")
        }
        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    /// tmux sends End as `ESC [ 4 ~` while the pane's `TERM` (xterm-256color) says `ESC O F`,
    /// so curses cannot decode it; the dashboard must, and must never read its `[` as the
    /// previous-drop key or its Esc as "back".
    @Test("keys curses does not know: End and Home still move, a function key does nothing")
    func undecodedEscapeSequences() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        let start = pane.waitForScreen { $0.contains("Fellside School") }
        let header = TmuxPane.firstLine(of: start)
        #expect(header.contains("2024/25 summer"), "\(start)")
        func selected(_ screen: String) -> String {
            screen.split(separator: "\n").first { $0.hasPrefix("▶") }.map(String.init) ?? ""
        }
        // The first row, worst first: its name, up to the phase column.
        let first = String(selected(start).dropFirst(2).prefix(40)).trimmingCharacters(in: .whitespaces)
        #expect(!first.isEmpty, "\(start)")
        try pane.send("End")
        let end = pane.waitForScreen { selected($0).contains("St Mary") }
        #expect(selected(end).contains("St Mary"), "End did not reach the last row:\n\(end)")
        #expect(TmuxPane.firstLine(of: end) == header, "End changed the drop:\n\(end)")
        try pane.send("F5", "Home")
        let home = pane.waitForScreen { selected($0).contains(first) }
        #expect(selected(home).contains(first), "Home did not reach the first row, \(first):\n\(home)")
        #expect(TmuxPane.firstLine(of: home) == header, "F5 or Home changed the drop:\n\(home)")
        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    @Test("10,000 random keys and resizes to the real binary: no crash, every frame fits")
    func monkey() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        _ = pane.waitForScreen { $0.contains("Northbrook Learning Trust") }
        // Every key but q and Ctrl-C, which would end the run early; a fixed seed so a
        // failure can be replayed.
        let keys = [
            "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Enter", "Escape", "Tab",
            "BTab",
            "BSpace", "j", "k", "h", "l", "g", "G", "s", "r", "f", "i", "/", "[", "]", "?", "z", "p", "y",
            "e", "x",
        ]
        var seed: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var width = 120
        for batch in 0..<100 {
            try pane.send(contentsOf: (0..<100).map { _ in keys[next(keys.count)] })
            if batch % 10 == 9 {
                width = 40 + next(160)
                try pane.resize(width: width, height: 12 + next(50))
            }
            let screen = pane.capture()
            for line in screen.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(
                    TmuxPane.columns(String(line)) <= width, "line wider than \(width) after batch \(batch)")
            }
        }
        try pane.resize(width: 120, height: 40)
        try pane.send("Escape", "Escape", "Escape")
        let alive = pane.waitForScreen { $0.contains("Northbrook Learning Trust") }
        #expect(alive.contains("Northbrook Learning Trust"), "the dashboard did not survive:\n\(alive)")
        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    @Test("a new ingest shows in a running dashboard without a restart, keeping the selection")
    func liveReload() throws {
        var store = ""
        var later = ""
        let pane = try TmuxPane(width: 120, height: 40) { folder in
            store = folder.path("data/trustboard/trust.sqlite")
            let first = folder.path("first")
            try Self.copySample(
                [
                    "academies.csv", "benchmarks.csv", "attendance-2023-24-summer.csv",
                    "attainment-2023-24-summer.csv",
                ],
                to: first)
            later = folder.path("later")
            try Self.copySample(
                ["attendance-2024-25-autumn.csv", "attainment-2024-25-autumn.csv"], to: later)
            let ingest = try CommandRunner.run(["ingest", "--store", store, first])
            #expect(ingest.status == 0, "\(ingest.stderr)")
        }
        defer { pane.stop() }
        let before = pane.waitForScreen { $0.contains("2023/24 summer") }
        #expect(
            TmuxPane.firstLine(of: before).contains("2023/24 summer"), "not on the stored drop:\n\(before)")
        func selection(_ screen: String) -> [Substring] {
            screen.split(separator: "\n").filter { $0.hasPrefix("▶") }
        }
        let first = selection(before)
        try pane.send("Down")
        // Wait until the selection has moved: the frame before Down already has one.
        let selected = pane.waitForScreen { screen in
            let now = selection(screen)
            return now.count == 1 && now != first
        }
        let selectedLine = selected.split(separator: "\n").first { $0.hasPrefix("▶") }.map(String.init) ?? ""
        let selectedName = String(selectedLine.dropFirst(2).prefix(20))

        let ingest = try CommandRunner.run(["ingest", "--store", store, later])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // StoreWatcher asks the store about once a second; 15 s is a timeout for a loaded
        // machine, not a speed bound.
        let after = pane.waitForScreen(seconds: 15) {
            $0.contains("2024/25 autumn") && $0.contains("New data")
        }
        #expect(
            TmuxPane.firstLine(of: after).contains("2024/25 autumn"),
            "new drop not shown:\n\(after)")
        #expect(after.contains("New data: 2024/25 autumn"), "no notice:\n\(after)")
        // The selection stays on the same academy.
        let nowSelected = after.split(separator: "\n").first { $0.hasPrefix("▶") }.map(String.init) ?? ""
        #expect(nowSelected.contains(selectedName), "selection moved from \(selectedName):\n\(after)")
        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    /// A store of many drops opens on the few its first frame draws and reads the rest
    /// once that frame is on screen; a key that leaves them waits for the whole store. Eight
    /// `[` from the latest of the sample's nine drops reach its oldest, which must then be
    /// drawn exactly as `snapshot` of that drop draws it (the selection aside).
    @Test("a store of nine drops opens on its latest, and [ reaches the oldest as snapshot draws it")
    func manyDropsOpenOnTheLatestAndReachTheOldest() throws {
        var store = ""
        let pane = try TmuxPane(width: 120, height: 40) { folder in
            store = folder.path("data/trustboard/trust.sqlite")
            let ingest = try CommandRunner.run(["ingest", "--store", store, Self.sampleData.path])
            #expect(ingest.status == 0, "\(ingest.stderr)")
        }
        defer { pane.stop() }
        let latest = pane.waitForScreen { $0.contains("sorted:") }
        #expect(
            TmuxPane.firstLine(of: latest).contains("2024/25 summer"), "not on the latest drop:\n\(latest)")
        try pane.send(contentsOf: Array(repeating: "[", count: 8))
        let oldest = pane.waitForScreen { TmuxPane.firstLine(of: $0).contains("2022/23 autumn") }
        let snapshot = try CommandRunner.run(
            ["snapshot", "--store", store, "--drop", "2022/23-autumn", "--width", "120", "--height", "40"])
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        let live = Self.comparable(oldest, selectionAside: true)
        #expect(
            live == Self.comparable(snapshot.stdout, selectionAside: true),
            "live:\n\(oldest)\nsnapshot:\n\(snapshot.stdout)")
        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    /// A store of one drop, which has nothing to compare it with, opens on the records of
    /// the overview's figures alone, as `snapshot` does, and reads the whole store once that
    /// frame is on screen: Enter pressed at once waits for the whole store and opens the
    /// selected academy's page, drawn exactly as `snapshot` draws it, and `e` on the trust
    /// row back on the overview explains the trust's attendance.
    @Test(
        "a store of one drop opens on the overview's records; Enter at once opens the academy as snapshot draws it"
    )
    func oneDropOpensOnTheOverviewsRecords() throws {
        var store = ""
        let pane = try TmuxPane(width: 120, height: 40) { folder in
            store = folder.path("data/trustboard/trust.sqlite")
            let drop = folder.path("drop")
            try Self.copySample(
                [
                    "academies.csv", "benchmarks.csv", "attendance-2023-24-summer.csv",
                    "attainment-2023-24-summer.csv",
                ],
                to: drop)
            let ingest = try CommandRunner.run(["ingest", "--store", store, drop])
            #expect(ingest.status == 0, "\(ingest.stderr)")
        }
        defer { pane.stop() }
        let overview = pane.waitForScreen { $0.contains("sorted:") }
        #expect(
            TmuxPane.firstLine(of: overview).contains("2023/24 summer"),
            "not on the stored drop:\n\(overview)")
        let snapshot = try CommandRunner.run(
            ["snapshot", "--store", store, "--screen", "academy", "--width", "120", "--height", "40"])
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        try pane.send("Enter")
        // Until the page is drawn whole: a capture caught it half drawn on a loaded machine.
        let academy = pane.waitForScreen {
            $0.contains("URN") && Self.comparable($0) == Self.comparable(snapshot.stdout)
        }
        #expect(
            Self.comparable(academy) == Self.comparable(snapshot.stdout),
            "live:\n\(academy)\nsnapshot:\n\(snapshot.stdout)")
        try pane.send("Escape")
        _ = pane.waitForScreen { $0.contains("sorted:") }
        try pane.send("Up", "e")
        let explained = pane.waitForScreen { $0.contains("figure 1 of") }
        #expect(explained.contains("Rating"), "no explanation:\n\(explained)")
        try pane.send("Escape", "q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    /// A store of four drops of 600 academies, whose header's count is counted in the
    /// background, opens on the overview's records of the drops its first frame rates,
    /// then counts from those drops read whole, and reads the whole store.
    /// `[` pressed at once waits for the whole store and shows the drop before exactly as
    /// `snapshot --drop` draws it; back with `]`, the header has its count and the frame is
    /// exactly `snapshot`'s; `c` opens the changes page since the header's drop, and Enter
    /// the selected academy's page.
    @Test("a large store of four drops counts after its first frame; [, ], c and Enter at once")
    func largeStoreCountsAfterTheFirstFrame() throws {
        let (pane, store) = try Self.fourDropPane(seed: 1)
        defer { pane.stop() }
        func lines(_ screen: String) -> [String] { Self.comparable(screen, selectionAside: true, lines: 49) }
        func snapshot(_ arguments: [String] = []) throws -> String {
            let run = try CommandRunner.run(
                ["snapshot", "--store", store, "--width", "160", "--height", "50"] + arguments)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        let first = pane.waitForScreen(seconds: 60) { $0.contains("sorted:") }
        #expect(TmuxPane.firstLine(of: first).contains("2025/26 spring"), "not on the latest drop:\n\(first)")
        #expect(first.contains("turned red since 2025/26 autumn"), "no count, nor counting:\n\(first)")
        // Each frame is waited for until it is drawn whole: a capture on a loaded machine
        // caught the header of the new frame above the last rows of the one before.
        let autumnSnapshot = try snapshot(["--drop", "2025/26-autumn"])
        try pane.send("[")
        let autumn = pane.waitForScreen(seconds: 60) {
            TmuxPane.firstLine(of: $0).contains("2025/26 autumn") && lines($0) == lines(autumnSnapshot)
        }
        #expect(lines(autumn) == lines(autumnSnapshot), "live:\n\(autumn)\nsnapshot:\n\(autumnSnapshot)")
        let latestSnapshot = try snapshot()
        try pane.send("]")
        let counted = pane.waitForScreen(seconds: 60) {
            TmuxPane.firstLine(of: $0).contains("2025/26 spring")
                && $0.range(
                    of: #"[0-9]+ figures? turned red since 2025/26 autumn"#, options: .regularExpression)
                    != nil
                && lines($0) == lines(latestSnapshot)
        }
        #expect(lines(counted) == lines(latestSnapshot), "live:\n\(counted)\nsnapshot:\n\(latestSnapshot)")
        try pane.send("c")
        let changes = pane.waitForScreen {
            $0.contains("What changed in 2025/26 spring since 2025/26 autumn")
        }
        #expect(changes.contains("the previous drop"), "no changes page:\n\(changes)")
        try pane.send("Escape")
        _ = pane.waitForScreen { $0.contains("sorted:") }
        try pane.send("Enter")
        let academy = pane.waitForScreen { $0.contains("URN") }
        #expect(academy.contains("URN"), "no academy page:\n\(academy)")
        try pane.send("Escape", "q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    /// A store of four drops of 600 academies opened on the overview's records: with no
    /// key pressed, the header's count comes (counted from the drops the first frame rates
    /// read whole, ahead of the whole store) and the frame is then exactly `snapshot`'s,
    /// count and all. Opened again on a copy, Enter pressed as soon as the first frame is
    /// on screen opens the selected academy's page exactly as `snapshot --screen academy`
    /// draws it: a key that leaves the overview waits for the whole store, never a view
    /// of part of it.
    @Test(
        "a large store's count comes without a key and is snapshot's; Enter at once opens snapshot's academy")
    func largeStoreCountsAheadAndEnterAtOnce() throws {
        let (pane, store) = try Self.fourDropPane(seed: 2)
        defer { pane.stop() }
        func lines(_ screen: String) -> [String] { Self.comparable(screen, selectionAside: true, lines: 49) }
        let snapshot = try CommandRunner.run([
            "snapshot", "--store", store, "--width", "160", "--height", "50",
        ])
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        // Until the frame is drawn whole: a capture can catch it half drawn.
        let counted = pane.waitForScreen(seconds: 60) {
            $0.range(of: #"[0-9]+ figures? turned red since 2025/26 autumn"#, options: .regularExpression)
                != nil && lines($0) == lines(snapshot.stdout)
        }
        #expect(lines(counted) == lines(snapshot.stdout), "live:\n\(counted)\nsnapshot:\n\(snapshot.stdout)")
        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])

        let again = try TmuxPane(width: 160, height: 50) { folder in
            let copy = folder.path("data/trustboard")
            try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
            let stored = (store as NSString).deletingLastPathComponent
            for name in try FileManager.default.contentsOfDirectory(atPath: stored)
            where name.hasPrefix("trust.sqlite") {
                try FileManager.default.copyItem(atPath: stored + "/" + name, toPath: copy + "/" + name)
            }
        }
        defer { again.stop() }
        let academySnapshot = try CommandRunner.run(
            ["snapshot", "--store", store, "--screen", "academy", "--width", "160", "--height", "50"])
        #expect(academySnapshot.status == 0, "\(academySnapshot.stderr)")
        _ = again.waitForScreen(seconds: 60) { $0.contains("sorted:") }
        try again.send("Enter")
        // Until the page is drawn whole: a capture can catch it half drawn.
        let academy = again.waitForScreen(seconds: 60) {
            $0.contains("URN") && Self.comparable($0) == Self.comparable(academySnapshot.stdout)
        }
        #expect(
            Self.comparable(academy) == Self.comparable(academySnapshot.stdout),
            "live:\n\(academy)\nsnapshot:\n\(academySnapshot.stdout)")
        try again.send("Escape", "q")
        try again.expectTerminalRestored(exitStatuses: [0])
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
        try pane.expectTerminalRestored(exitStatuses: [128 + SIGTERM])
    }

    @Test(
        "A crash signal sent from outside restores the terminal and ends the process with 128 + its number",
        arguments: [SIGQUIT, SIGABRT, SIGSEGV, SIGBUS])
    func crashSignalEndsTheProcess(signal: Int32) throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        let overview = pane.waitForScreen { $0.contains("Fellside School") }
        #expect(overview.contains("Fellside School"), "\(overview)")
        let pid = try #require(pane.binaryPID, "trustboard's process id was not recorded")
        #expect(kill(pid, signal) == 0)
        // Before: the terminal came back, Swift's backtracer waited, and the dashboard ran
        // on over the shell until q.
        try pane.expectTerminalRestored(exitStatuses: [128 + signal])
    }

    @Test("With SIGHUP ignored, a dashboard whose terminal goes away ends instead of spinning")
    func goneTerminalEnds() throws {
        let pane = try TmuxPane(width: 120, height: 40, ignoreHangup: true)
        let overview = pane.waitForScreen { $0.contains("Fellside School") }
        #expect(overview.contains("Fellside School"), "\(overview)")
        let pid = try #require(pane.binaryPID, "trustboard's process id was not recorded")
        pane.stop()
        let deadline = Date().addingTimeInterval(5)
        while kill(pid, 0) == 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let alive = kill(pid, 0) == 0
        if alive { kill(pid, SIGKILL) }
        #expect(!alive, "trustboard still runs 5 s after its terminal went away")
    }

    @Test("p from the overview presents in high-contrast, as --present does, and Esc goes back to dark")
    func presentingFromTheOverviewIsHighContrast() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        _ = pane.waitForScreen { $0.contains("Fellside School") }
        // The dark theme's muted grey (256-colour 244) is not in high-contrast, which has no
        // dim grey for a washed-out projector; high-contrast's text is bright white (97).
        let grey = "\u{1B}[38;5;244m"
        let white = "\u{1B}[97m"
        #expect(pane.captureWithColours().contains(grey))
        try pane.send("p")
        _ = pane.waitForScreen { $0.contains("next in") }
        let presenting = pane.captureWithColours()
        #expect(!presenting.contains(grey) && presenting.contains(white))
        try pane.send("Escape")
        _ = pane.waitForScreen { $0.contains("sorted:") }
        #expect(pane.captureWithColours().contains(grey))
        try pane.send("q")
    }

    @Test("↑ then Enter on the overview opens the trust page; Esc returns to the trust row")
    func trustPage() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        _ = pane.waitForScreen { $0.contains("Fellside School") }
        try pane.send("Up", "Enter")
        let page = pane.waitForScreen { $0.contains("Trust attainment") }
        for text in [
            "Trust attainment", "Trust attendance", "Trust persistent absence", "Primary · Year 6 (KS2)",
        ] {
            #expect(page.contains(text), "no \(text) after Up Enter:\n\(page)")
        }
        // Both phases' headlines: the sample's secondary headline is the strong pass.
        #expect(page.contains("Eng & maths strong pass"), "\(page)")
        #expect(page.contains("of 12 academies"), "no coverage on the trust page:\n\(page)")
        try pane.send("Escape")
        let back = pane.waitForScreen { $0.contains("sorted:") }
        let selected = back.split(separator: "\n").first { $0.hasPrefix("▶") }.map(String.init) ?? ""
        #expect(selected.hasPrefix("▶ Trust (12 of 12)"), "trust row not selected after Esc:\n\(back)")
        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    @Test("in presentation mode ? shows help over the slides and [ ] step through drops")
    func presentationHelpAndDrops() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        _ = pane.waitForScreen { $0.contains("Fellside School") }
        try pane.send("p")
        let slide = pane.waitForScreen { $0.contains("next in") }
        // The sample trust's newest drop heads the slide.
        #expect(TmuxPane.firstLine(of: slide).contains("2024/25 summer"), "\(slide)")
        #expect(slide.contains("national "), "no national figure on the slide:\n\(slide)")

        try pane.send("?")
        // Waits for the overlay's last line too: a capture taken while the frame is still
        // being written holds the overlay's top alone.
        let help = pane.waitForScreen {
            $0.contains("Keys: presentation") && $0.contains("the previous and next drop")
        }
        #expect(help.contains("Keys: presentation"), "no help after ? in presentation mode:\n\(help)")
        #expect(help.contains("the previous and next drop"), "\(help)")
        try pane.send("Escape")
        let closed = pane.waitForScreen { !$0.contains("Keys: presentation") }
        #expect(!closed.contains("Keys: presentation"), "help still open after Esc:\n\(closed)")
        #expect(TmuxPane.lastLine(of: closed).contains("space"), "Esc left the show:\n\(closed)")

        try pane.send("[")
        let earlier = pane.waitForScreen { TmuxPane.firstLine(of: $0).contains("2024/25 spring") }
        #expect(
            TmuxPane.firstLine(of: earlier).contains("2024/25 spring"), "[ did not step back:\n\(earlier)")
        try pane.send("]")
        let later = pane.waitForScreen { TmuxPane.firstLine(of: $0).contains("2024/25 summer") }
        #expect(TmuxPane.firstLine(of: later).contains("2024/25 summer"), "] did not step on:\n\(later)")
        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }

    @Test("TERM=dumb, which cannot move the cursor, is a clear error rather than a scroll of frames")
    func dumbTerminal() throws {
        let pane = try TmuxPane(width: 120, height: 40, term: "dumb")
        defer { pane.stop() }
        let screen = pane.waitForScreen { $0.contains("trustboard exited") }
        #expect(screen.contains("trustboard exited 1"), "\(screen)")
        #expect(screen.contains("it cannot move the cursor"), "\(screen)")
        #expect(!screen.contains("Fellside School"))
    }

    @Test("Ctrl-C ends the dashboard and restores the terminal")
    func controlCRestoresTheTerminal() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        let overview = pane.waitForScreen { $0.contains("Fellside School") }
        #expect(overview.contains("Fellside School"), "\(overview)")

        try pane.send("C-c")
        try pane.expectTerminalRestored(exitStatuses: [128 + SIGINT])
    }

    /// The project's `sample-data` folder.
    static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../sample-data").standardized

    /// Copies the sample files `names` into `folder`, made if need be.
    static func copySample(_ names: [String], to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(
                atPath: sampleData.appendingPathComponent(name).path, toPath: folder + "/" + name)
        }
    }

    /// A pane at 160×50 on a store of four drops of 600 academies (`seed` picks them), each
    /// ingested on its own: large enough that the header's count is counted in the
    /// background; with the store's path.
    static func fourDropPane(seed: UInt64) throws -> (TmuxPane, String) {
        let drops = NationalScaleWriter.DropName.ending(at: .standard, count: 4)
        var store = ""
        let pane = try TmuxPane(width: 160, height: 50) { folder in
            store = folder.path("data/trustboard/trust.sqlite")
            for (number, drop) in drops.enumerated() {
                let files = folder.url.appendingPathComponent("drop-\(number)")
                _ = try NationalScaleWriter(academies: 600, seed: seed, drop: drop).write(to: files)
                let ingest = try CommandRunner.run(["ingest", "--store", store, files.path])
                #expect(ingest.status == 0, "\(ingest.stderr)")
            }
        }
        return (pane, store)
    }

    /// A screen's first `lines` lines (a 120×40 pane's 39 but its last) without trailing
    /// spaces, to set a live pane beside `snapshot`'s output; with `selectionAside`,
    /// without the selection mark, which may stand on another row in the live pane than in
    /// `snapshot`'s.
    static func comparable(_ screen: String, selectionAside: Bool = false, lines: Int = 39) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines).map {
            (selectionAside ? $0.replacingOccurrences(of: "▶", with: " ") : String($0))
                .replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
    }
}

/// One tmux pane on a private server, running trustboard on the bundled sample trust
/// through a small script that, once trustboard ends, prints its exit status and saves
/// `stty -a` of the terminal it left behind.
final class TmuxPane {
    private let tmux: String
    private let server = "trustboard-test-\(UUID().uuidString)"
    private let folder: TemporaryFolder

    /// Starts the server and trustboard in a `width` × `height` pane; `prepare` runs
    /// first with the test's folder (its store is `data/trustboard/trust.sqlite`).
    /// With `ignoreHangup`, trustboard starts with SIGHUP ignored, as under `nohup`.
    /// `options` are given to trustboard: plain words such as `--no-mouse`, which need no
    /// quoting.
    init(
        width: Int, height: Int, ignoreHangup: Bool = false, term: String = "xterm-256color",
        options: [String] = [], prepare: ((TemporaryFolder) throws -> Void)? = nil
    ) throws {
        precondition(options.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } })
        let found = TmuxPane.findTmux()
        tmux = try #require(
            found,
            "tmux is not installed: install it (apt-get install tmux) to run the dashboard's end-to-end tests"
        )
        folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            atPath: folder.path("data"), withIntermediateDirectories: true)
        try prepare?(folder)
        let script = try folder.write(
            "run.sh",
            """
            unset TRUSTBOARD_STORE TRUSTBOARD_CONFIG NO_COLOR TMUX TMUX_PANE
            export HOME="$1" XDG_DATA_HOME="$1/data" XDG_CONFIG_HOME="$1/config"
            export TERM=\(term) LANG=C.UTF-8 LC_ALL=C.UTF-8
            # The shell outlives Ctrl-C (trustboard still gets it: a trap is not inherited).
            trap : INT
            # exec keeps the process id, so the pid file names trustboard itself.
            sh -c '\(ignoreHangup ? "trap \"\" HUP; " : "")echo $$ > "$1/pid"; exec "$2"\(options.map { " " + $0 }.joined())' sh "$1" "$2"
            echo "trustboard exited $?"
            stty -a > "$1/stty.tmp" && mv "$1/stty.tmp" "$1/stty.txt"
            exec sleep 600
            """)
        try run([
            "new-session", "-d", "-s", "dashboard", "-x", "\(width)", "-y", "\(height)",
            "sh \(Self.quoted(script)) \(Self.quoted(folder.url.path)) \(Self.quoted(CommandRunner.binary))",
        ])
    }

    /// Ends the server and everything in it, and removes its socket, which tmux leaves.
    func stop() {
        let socket = try? run(["display-message", "-p", "#{socket_path}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try? run(["kill-server"])
        if let socket, !socket.isEmpty { try? FileManager.default.removeItem(atPath: socket) }
    }

    /// The pane's text now, one line per row.
    func capture() -> String { (try? run(["capture-pane", "-p", "-t", "dashboard"])) ?? "" }

    /// The pane's text now with its colours and attributes as escape sequences.
    func captureWithColours() -> String { (try? run(["capture-pane", "-e", "-p", "-t", "dashboard"])) ?? "" }

    /// The pane's text once `done` holds for it, or the last text seen after `seconds`.
    func waitForScreen(seconds: Double = 30, _ done: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = capture()
        while !done(screen) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture()
        }
        return screen
    }

    /// Sends keys by their tmux names: "Enter", "Escape", "C-c", "q".
    func send(_ keys: String...) throws { try send(contentsOf: keys) }

    /// Sends many keys in one tmux call.
    func send(contentsOf keys: [String]) throws { try run(["send-keys", "-t", "dashboard"] + keys) }

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
            !screen.contains("Fellside School"),
            "the dashboard is still on screen after it ended:\n\(screen)",
            sourceLocation: sourceLocation)
        #expect(
            try format("#{alternate_on}") == "0", "still on the alternate screen",
            sourceLocation: sourceLocation)
        #expect(
            try format("#{cursor_flag}") == "1", "the cursor is still hidden", sourceLocation: sourceLocation)

        let sttyPath = folder.path("stty.txt")
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: sttyPath) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let stty = try String(contentsOfFile: sttyPath, encoding: .utf8)
        let settings = Set(stty.split { $0 == " " || $0 == "\n" || $0 == ";" }.map(String.init))
        for setting in ["icanon", "echo", "icrnl", "isig"] {
            #expect(
                settings.contains(setting), "terminal left without \(setting):\n\(stty)",
                sourceLocation: sourceLocation)
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
    ///
    /// Spawned directly rather than through Foundation's `Process`: the server that
    /// new-session starts would keep the descriptor `Process` watches for the end of its
    /// child, and would inherit the test thread's blocked signals (so it never hears of
    /// its panes ending); here it gets default signals and only the files given below.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let outputPath = folder.path("tmux-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: outputPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        let argv = ([tmux, "-L", server, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }

        var pid = pid_t()
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TmuxFailure(arguments: arguments, status: -spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let exitStatus = exited ? (status >> 8) & 0xFF : -1
        guard exitStatus == 0 else { throw TmuxFailure(arguments: arguments, status: exitStatus) }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
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

/// A tmux command that failed: its exit status, -1 when a signal ended it, or minus the
/// error number when it could not be started.
private struct TmuxFailure: Error, CustomStringConvertible {
    var arguments: [String]
    var status: Int32

    var description: String { "tmux \(arguments.joined(separator: " ")) failed with status \(status)" }
}

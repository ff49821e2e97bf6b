import Foundation
import Testing

/// `trustboard pack` on the bundled sample trust, printed by a real headless Chromium:
/// enabled only where one and poppler's `pdftotext` are installed (`.ci/run` installs
/// both).
@Suite("Board pack end to end", .serialized)
struct PackEndToEndTests {
    /// The first of `names` on PATH.
    static func tool(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    static let chromium = tool(["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"])
    static let pdftotext = tool(["pdftotext"])
    static let canPrint = chromium != nil && pdftotext != nil

    /// Runs `command arguments` and returns its standard output.
    static func run(_ command: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pack-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Each sample academy's attendance in 2024/25 summer, worked out here from its
    /// `all,all` row of the sample's attendance file: (possible − absent) ÷ possible, to
    /// one decimal place, rounding half away from zero in whole numbers.
    static func sampleAttendance() throws -> [(urn: String, name: String, attendance: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data")
        let names = try String(contentsOf: root.appendingPathComponent("academies.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { line -> (String, String) in
                let cells = cells(of: Substring(line))
                return (cells[0], cells[1])
            }
        // The academies that send aggregate files have lines in the attendance file; the rest
        // are summed by hand from their pupils in the export.
        let aggregate = try String(
            contentsOf: root.appendingPathComponent("attendance-2024-25-summer.csv"), encoding: .utf8
        )
        .split(separator: "\n").dropFirst().map(String.init)
        let summed = try ExportRowSums.attendanceLines(
            ofExportAt: root.appendingPathComponent("pupil-attendance-2024-25-summer.csv"))
        let rows = (aggregate + summed).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        return names.compactMap { urn, name in
            guard let row = rows.first(where: { $0[0] == urn && $0[3] == "all" && $0[4] == "all" }),
                let possible = Int(row[6]), let absent = Int(row[7])
            else { return nil }
            // Tenths of a percent, rounded half up (every value is positive).
            let tenths = ((possible - absent) * 2000 + possible) / (2 * possible)
            return (urn, name, "\(tenths / 10).\(tenths % 10)")
        }
    }

    /// The cells of one CSV line, a quoted cell's commas and doubled quotes kept as text.
    static func cells(of line: Substring) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var previous: Character?
        for character in line {
            switch character {
            case "\"" where quoted: quoted = false
            case "\"":
                if previous == "\"" { cell.append("\"") }
                quoted = true
            case "," where !quoted:
                cells.append(cell)
                cell = ""
            default: cell.append(character)
            }
            previous = character
        }
        return cells + [cell]
    }

    @Test(
        "The sample trust's pack prints to PDF: a page per academy, each with its name and attendance",
        .enabled(if: canPrint))
    func printsToPDF() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("pack.html").path
        let pdf = folder.appendingPathComponent("pack.pdf").path
        // An earlier PDF there is replaced whole, by a file printed beside it.
        try Data("an earlier pack".utf8).write(to: URL(fileURLWithPath: pdf))
        let result = try CommandRunner.run(
            [
                "--store", folder.appendingPathComponent("none.sqlite").path, "pack", "--out", html, "--pdf",
                pdf,
            ],
            timeLimit: 180)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "pack.html", "pack.pdf",
            ])
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)).prefix(5) == Data("%PDF-".utf8))
        let size = (try FileManager.default.attributesOfItem(atPath: html)[.size] as? Int) ?? 0
        #expect(size > 0 && size < 2_000_000, "the HTML is \(size) bytes")
        let text = String(
            decoding: try Self.run(Self.pdftotext ?? "", ["-layout", pdf, "-"]).output, as: UTF8.self)
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        // Cover, summary, 12 academies, the changes (the 15 worst) and the method: 16, and
        // more where the method runs over, and for the appendix of the other changes.
        #expect(pages.count >= 16 && pages.count <= 40, "\(pages.count) pages")
        #expect(pages.allSatisfy { $0.contains("OFFICIAL-SENSITIVE") && $0.contains("Page ") })
        let academies = try Self.sampleAttendance()
        #expect(academies.count == 12)
        for academy in academies {
            // Its own page: the one that starts with its URN line.
            let own = pages.filter { $0.contains("URN \(academy.urn) ·") }
            #expect(own.count == 1, "\(academy.name) has \(own.count) pages")
            guard let page = own.first else { continue }
            #expect(page.contains(academy.name.prefix(20)), "\(academy.name) not on its page")
            #expect(
                page.contains(" \(academy.attendance) "),
                "\(academy.name): attendance \(academy.attendance) not on its page")
        }
    }

    @Test("A screenshot of the summary page is a PNG", .enabled(if: chromium != nil))
    func screenshot() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("pack.html")
        let result = try CommandRunner.run(
            ["--store", folder.appendingPathComponent("none.sqlite").path, "pack", "--out", html.path],
            timeLimit: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let png = folder.appendingPathComponent("summary.png")
        _ = try Self.run(
            Self.chromium ?? "",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=900,1270",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                "--screenshot=\(png.path)",
                html.absoluteString + "#summary",
            ])
        let data = try Data(contentsOf: png)
        #expect(data.count > 10_000, "\(data.count) bytes")
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // The IHDR chunk's width and height: the window's 900 × 1270.
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 900 && height == 1270)
    }

    @Test("With no Chromium, --pdf says how to install one and that the HTML can be printed")
    func noChromium() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("pack.html").path
        let result = try CommandRunner.run(
            [
                "--store", folder.appendingPathComponent("none.sqlite").path, "pack", "--out", html, "--pdf",
                folder.appendingPathComponent("pack.pdf").path,
            ],
            environment: ["PATH": folder.path], timeLimit: 120)
        #expect(result.status == 1)
        #expect(result.stderr.contains("apt-get install chromium-headless-shell"))
        #expect(result.stderr.contains("open \(html) in any browser and print it"))
        #expect(FileManager.default.fileExists(atPath: html))
    }

    /// `--pdf` a folder was removed, with everything in it, for the PDF to be printed in
    /// its place; `--pdf` the pack's own HTML would have removed the HTML it prints. Both
    /// are refused before anything is written, without needing a Chromium.
    @Test("--pdf that is a folder, or the pack's own HTML, is refused and left as it was")
    func refusesAPDFPathThatIsNotItsOwnFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("none.sqlite").path
        let documents = folder.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: false)
        let precious = documents.appendingPathComponent("minutes.txt")
        try Data("the board's minutes".utf8).write(to: precious)
        let html = folder.appendingPathComponent("pack.html").path
        let intoFolder = try CommandRunner.run(
            ["--store", store, "pack", "--out", html, "--pdf", documents.path], timeLimit: 120)
        #expect(intoFolder.status == 1)
        #expect(
            intoFolder.stderr.contains(
                "could not write the PDF to \(documents.path): it is a folder, not a file; give the path of a "
                    + "file to write, such as pack.pdf"), "\(intoFolder.stderr)")
        #expect(try String(contentsOf: precious, encoding: .utf8) == "the board's minutes")
        #expect(!FileManager.default.fileExists(atPath: html), "refused before the pack is written")
        // The same file by another path.
        let sameAsHTML = folder.appendingPathComponent("documents/../pack.html").path
        let ontoHTML = try CommandRunner.run(
            ["--store", store, "pack", "--out", html, "--pdf", sameAsHTML], timeLimit: 120)
        #expect(ontoHTML.status == 1)
        #expect(
            ontoHTML.stderr.contains(
                "could not write the PDF to \(sameAsHTML): it is where the pack's HTML goes (--out \(html)); "
                    + "give the PDF a path of its own, such as pack.pdf"), "\(ontoHTML.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["documents"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: documents.path) == ["minutes.txt"])
    }

    @Test("An academy that is not the trust's is an error naming it")
    func badAcademy() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            [
                "--store", folder.appendingPathComponent("none.sqlite").path, "pack", "--academy", "123456",
                "--out",
                folder.appendingPathComponent("pack.html").path,
            ], timeLimit: 120)
        #expect(result.status == 1)
        #expect(result.stderr.contains("'123456' is not the URN of an academy in the trust"))
    }

    @Test("The pack is written a page at a time into a file that replaces the last pack whole")
    func replacesTheLastPackWhole() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("none.sqlite").path
        let html = folder.appendingPathComponent("pack.html")
        try Data("the last pack".utf8).write(to: html)
        let result = try CommandRunner.run(["--store", store, "pack", "--out", html.path], timeLimit: 120)
        #expect(result.status == 0)
        let written = try String(contentsOf: html, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        #expect(written.hasSuffix("</body>\n</html>\n"))
        // Twelve academies' pages, each once, between the summary and the method page.
        #expect(written.components(separatedBy: "<section class=\"academy\"").count == 13)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["pack.html"])
        // Into a folder that does not exist: the reason, and no file left part written.
        let missing = folder.appendingPathComponent("no-such-folder").appendingPathComponent("pack.html")
        let failed = try CommandRunner.run(["--store", store, "pack", "--out", missing.path], timeLimit: 120)
        #expect(failed.status == 1)
        #expect(
            failed.stderr.contains(
                "could not write the pack to \(missing.path): No such file or directory; check that its folder "
                    + "exists and that you may write there"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["pack.html"])
    }

    /// A pack asked for at a folder or a pipe (as at a device) is refused before anything
    /// is written, and what is there is left as it was: the pack replaces its file whole
    /// by renaming, which would put it in a device's place.
    @Test("A pack is never put in the place of a folder, pipe or device", .timeLimit(.minutes(3)))
    func refusesToReplaceWhatIsNotAFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("none.sqlite").path
        let inner = folder.appendingPathComponent("packs")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: false)
        let pipe = folder.appendingPathComponent("pipe")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        for (path, kind) in [(inner.path, "a folder"), (pipe.path, "a pipe")] {
            let failed = try CommandRunner.run(["--store", store, "pack", "--out", path], timeLimit: 120)
            #expect(failed.status == 1)
            #expect(
                failed.stderr.contains(
                    "could not write the pack to \(path): it is \(kind), not a file; give the path of a file "
                        + "to write, such as pack.html"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: inner.path).isEmpty)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["packs", "pipe"])
        var status = stat()
        #expect(stat(pipe.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }
}

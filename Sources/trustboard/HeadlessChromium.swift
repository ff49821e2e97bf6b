import Foundation

/// Prints an HTML file to PDF with a headless Chromium, the only thing trustboard runs
/// outside itself, and only for `pack --pdf`.
enum HeadlessChromium {
    /// The browsers looked for on `PATH`, in order: Debian's headless shell, then full
    /// Chromium under its Debian and other names.
    static let names = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"]

    /// Seconds a print may take before the browser is stopped.
    static let timeLimit = 120.0

    /// The first of `names` found on `PATH`, or nil.
    static func find() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for name in names {
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Prints `html` to `pdf` on A4, with the pack's own running headers rather than the
    /// browser's. The sandbox is off because Chromium refuses to start as root with it,
    /// and the page is the pack trustboard just wrote, with no script.
    static func printPDF(html: String, pdf: String) throws {
        guard let browser = find() else {
            throw CommandFailure(
                "--pdf needs a headless Chromium, and none of \(names.joined(separator: ", ")) is on PATH; "
                    + "install one (Debian: apt-get install chromium-headless-shell), or open \(html) in any "
                    + "browser and print it to PDF")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "trustboard-chromium-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: profile) }
        // Printed beside the PDF named, then put in its place, as the pack is: a failed or
        // stopped print leaves an earlier PDF there as it was, and nothing else.
        let target = URL(fileURLWithPath: pdf + ".partial-\(ProcessInfo.processInfo.processIdentifier)")
        let watch = PartialFile(path: target.path)
        defer { watch.release() }
        defer { _ = unlink(target.path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--print-to-pdf=\(target.path)",
            URL(fileURLWithPath: html).absoluteString,
        ]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CommandFailure("could not start \(browser): \(error.localizedDescription)")
        }
        watch.writtenBy(process.processIdentifier)
        // A browser that hangs (a broken install, a locked profile) is stopped rather than
        // left holding the command: the pack prints in a few seconds.
        // Its whole process group: the launcher script (`/usr/bin/chromium-headless-shell`)
        // runs the browser as its child, which outlives the launcher alone.
        let group = process.processIdentifier
        let deadline = DispatchWorkItem { if process.isRunning { kill(-group, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: deadline)
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watch.writtenBy(0)
        deadline.cancel()
        let size = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let lines = String(decoding: said, as: UTF8.self).split(separator: "\n").suffix(3)
            throw CommandFailure(
                "\(browser) did not print \(pdf) (exit status \(process.terminationStatus)): "
                    + lines.joined(separator: " / ")
                    + "; the HTML is written: open \(html) in a browser and print it")
        }
        guard rename(target.path, pdf) == 0 else {
            throw CommandFailure(
                "could not put the PDF in place at \(pdf): \(String(cString: strerror(errno))); "
                    + "check that you may write there; the HTML is written: open \(html) in a browser and print it"
            )
        }
    }
}

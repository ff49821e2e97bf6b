import Foundation
import Testing

/// Golden files of the pack: `Golden/NAME` beside the tests, re-recorded only with
/// `RECORD_SNAPSHOTS=1`. A recording run fails on purpose, naming the file it wrote, so it
/// is never taken for a passing run; a mismatch fails with the first lines that differ.
enum Golden {
    static func folder(_ file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    /// Compares `text` with the golden file `name`.
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder().appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            do {
                try FileManager.default.createDirectory(at: folder(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                Issue.record(
                    "recorded \(url.path); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation
                )
            } catch {
                Issue.record("could not record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record(
                "no golden file \(url.path); record it with RECORD_SNAPSHOTS=1",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != text else { return }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = text.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for index in 0..<max(old.count, new.count) where report.count < 12 {
            let a = index < old.count ? String(old[index]) : "(none)"
            let b = index < new.count ? String(new[index]) : "(none)"
            if a != b {
                report.append("line \(index + 1)\n  expected: \(a.prefix(300))\n  actual:   \(b.prefix(300))")
            }
        }
        let message = "\(name) differs:\n" + report.joined(separator: "\n")
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

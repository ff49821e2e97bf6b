import Foundation
import Metrics

/// A one-line progress report on standard error for ingests that take more than about a
/// second; silent when standard error is not a terminal.
final class ProgressLine: @unchecked Sendable {
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    /// Shows the reader's progress, once a second has passed.
    func show(_ progress: DropReader.Progress) {
        let elapsed = Date().timeIntervalSince(start)
        guard enabled, elapsed > 1 else { return }
        let rate = Int(Double(progress.rows) / max(elapsed, 0.001))
        let name = TerminalText.inline((progress.file as NSString).lastPathComponent)
        write("\r\u{1B}[K\(name): \(progress.rows) rows read, \(rate) rows/s")
    }

    /// Shows a note, once a second has passed or when `slow` says the next step will
    /// take more than a second.
    func note(_ text: String, slow: Bool = false) {
        guard enabled, slow || Date().timeIntervalSince(start) > 1 else { return }
        write("\r\u{1B}[K\(text)")
    }

    /// Ends the line, if one was shown.
    func finish() {
        guard shown else { return }
        writeStandardError("\r\u{1B}[K")
        shown = false
    }

    private func write(_ text: String) {
        shown = true
        writeStandardError(text)
    }
}

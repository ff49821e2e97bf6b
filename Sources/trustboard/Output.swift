import Foundation
import Metrics

// Everything the commands print goes through these functions, and each sends its text
// through `TerminalText` first, so no name, file name or message from outside can reach
// the terminal with a control character in it, whichever path printed it.

/// Prints a line to standard output.
func say(_ message: String) {
    print(TerminalText.message(message))
}

/// Writes a line to standard error with the command's prefix.
func warn(_ message: String) {
    warnLine("trustboard: " + message)
}

/// Writes a line to standard error without the command's prefix.
func warnLine(_ message: String) {
    FileHandle.standardError.write(Data((TerminalText.message(message) + "\n").utf8))
}

/// Writes part of a report, or a snapshot, to standard output as it is, but for the
/// characters that change a terminal (`TerminalText.report`).
func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(TerminalText.report(text).utf8))
}

/// Writes a piece of a report's CSV to standard output that is already
/// `TerminalText.report(bytes:)` (`TrustReport.writeCSV(forTerminal:to:)` made it so on
/// the thread that wrote it), without copying it first into a new `Data` (a national report
/// is 400 MB).
func writeOut(cleaned bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        // `Data` only reads the bytes, in this call, and never frees them.
        let data = Data(
            bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
        FileHandle.standardOutput.write(data)
    }
}

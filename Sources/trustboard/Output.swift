import Foundation
import Metrics

// Everything the commands print goes through these functions, and each sends its text
// through `TerminalText` first, so no name, file name or message from outside can reach
// the terminal with a control character in it, whichever path printed it.

/// Prints a line to standard output. With `afterTheFact`, a line about work already done
/// (an ingest's, once the batch is stored) is written as far as it will go, as a message
/// to standard error is: a closed or full standard output does not turn the work done into
/// a failure.
func say(_ message: String, afterTheFact: Bool = false) {
    var line = TerminalText.message(message) + "\n"
    guard afterTheFact else {
        line.withUTF8 { writeStandardOutput(UnsafeRawBufferPointer($0)) }
        return
    }
    guard !standardOutputWasClosed else { return }
    writeAsFarAsItGoes(line, to: STDOUT_FILENO)
}

/// Writes a line to standard error with the command's prefix.
func warn(_ message: String) {
    warnLine("trustboard: " + message)
}

/// Writes a line to standard error without the command's prefix.
func warnLine(_ message: String) {
    writeStandardError(TerminalText.message(message) + "\n")
}

/// Writes `text` to standard error as far as it will go. A message has nowhere else to
/// go, so a failure to write it (a full disk under `2> file`) does not end the command,
/// where Foundation's `FileHandle.write` crashed.
func writeStandardError(_ text: String) {
    writeAsFarAsItGoes(text, to: STDERR_FILENO)
}

/// Writes `text` to `stream` until it is written or a write fails, and says nothing of a
/// failure.
private func writeAsFarAsItGoes(_ text: String, to stream: Int32) {
    var text = text
    _ = text.withUTF8 { writeWhole(UnsafeRawBufferPointer($0), to: stream) }
}

/// Writes every byte of `bytes` to `descriptor`, again where a signal cut a write short.
/// Returns nil once all are written, else the `errno` of the write that failed (`EIO`
/// for one that wrote nothing, as a full disk may). The one write loop of every output:
/// standard output and error, and the pack's file.
func writeWhole(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var done = 0
    while done < bytes.count {
        let written = Glibc.write(descriptor, base + done, bytes.count - done)
        if written > 0 {
            done += written
        } else if written < 0, errno == EINTR {
            continue
        } else {
            return written == 0 ? EIO : errno
        }
    }
    return nil
}

/// True when trustboard was started with standard output closed (`>&-`).
nonisolated(unsafe) private var standardOutputWasClosed = false

/// Opens `/dev/null` on each of standard input, output and error that trustboard was
/// started without (`2>&-`, a service started with them closed), before anything else is
/// opened: otherwise the next file opened takes that number, and a message or a report
/// would be written into it, or the write would fail and end the command. Output meant
/// for a closed standard output is still refused with a message (`writeOut`).
func openMissingStandardStreams() {
    for stream in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(stream, F_GETFD) == -1 {
        guard errno == EBADF else { continue }
        // The lowest free number: the one missing, as those below it are open.
        let opened = open("/dev/null", stream == STDIN_FILENO ? O_RDONLY : O_WRONLY)
        if opened != stream, opened >= 0 { close(opened) }
        if stream == STDOUT_FILENO { standardOutputWasClosed = true }
    }
}

/// Writes part of a report, or a snapshot, to standard output as it is, but for the
/// characters that change a terminal (`TerminalText.report`).
func writeOut(_ text: String) {
    var text = TerminalText.report(text)
    text.withUTF8 { writeStandardOutput(UnsafeRawBufferPointer($0)) }
}

/// Writes a piece of a report's CSV to standard output that is already
/// `TerminalText.report(bytes:)` (`TrustReport.writeCSV(forTerminal:to:)` made it so on
/// the thread that wrote it), without copying it first (a national report is 400 MB).
func writeOut(cleaned bytes: [UInt8]) {
    bytes.withUnsafeBytes { writeStandardOutput($0) }
}

/// Writes `bytes` to standard output whole or ends the process: where the reader has gone
/// (`report | head`), quietly, as the closed pipe's signal always ended it; on any other
/// failure (a full disk) with a message that says what to do, where Foundation's
/// `FileHandle.write` crashed with a backtrace.
private func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) {
    if standardOutputWasClosed {
        warn("could not write to standard output: it is closed; send it to a file or a pipe")
        exit(1)
    }
    if let failure = writeWhole(bytes, to: STDOUT_FILENO) {
        if failure == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        let remedy =
            failure == ENOSPC || failure == EDQUOT
            ? "free some space on that disk, or send the output to another one"
            : "check that where the output goes (a file or a pipe) can take it"
        warn("could not write to standard output: \(String(cString: strerror(failure))); \(remedy)")
        exit(1)
    }
}

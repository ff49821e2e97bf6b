import CPartialFile

/// A file being written beside the one it will replace, removed if the command is asked
/// to stop (Ctrl-C, SIGTERM, SIGHUP) before the file is put in place, so that a pack or
/// its PDF stopped part way leaves neither half a file nor its part behind.
///
/// The handler is C (`CPartialFile`), doing only async-signal-safe work: it kills the
/// process writing the file for the command, if any (`writtenBy`: the Chromium printing
/// the PDF), so that it cannot write the file again once removed; removes the file; and
/// raises the signal again with its default action, so the command ends as it would have
/// (killed by that signal). A signal the command was started with ignored (`nohup`, a
/// background job of a script) stays ignored. One file is watched at a time.
final class PartialFile {
    /// The file's path.
    let path: String

    /// Watches for the stop signals from now on, before anything is written at `path`.
    init(path: String) {
        self.path = path
        _ = cpartialfile_watch(path)
    }

    /// The process writing the file from now on (0: none).
    func writtenBy(_ process: Int32) { cpartialfile_writer(process) }

    /// Stops watching, once the file is in place or removed: the signals act as before.
    func release() { cpartialfile_release() }
}

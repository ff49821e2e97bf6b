import CNCurses

/// Keeps the terminal usable whatever way trustboard ends: the signal handlers, the
/// terminal settings saved before curses starts, and the exit hook.
///
/// The handlers themselves are C, in the CNCurses shim, so that they do only
/// async-signal-safe work. Swift gives each Swift file its own copy of a header's static
/// functions and their state, so this is the only file that calls the `tb_guard_*`
/// functions; everything else goes through this type.
enum TerminalGuard {
    /// Saves the terminal's settings, then takes SIGINT, SIGTERM and SIGHUP (which ask
    /// the app to stop) and the crash signals SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
    /// SIGTRAP and SIGQUIT (which restore the terminal and go on). Call before curses
    /// starts.
    static func install() {
        tb_guard_install()
        tb_guard_register_at_exit()
    }

    /// Marks curses as owning the terminal, so a crash or exit from now on restores it.
    static func arm() { tb_guard_arm() }

    /// Marks the terminal as restored.
    static func disarm() { tb_guard_disarm() }

    /// Gives the signals back to the handlers they had before `install()`.
    static func uninstall() { tb_guard_uninstall() }

    /// The first of SIGINT, SIGTERM and SIGHUP that arrived, or nil.
    static var stopSignal: Int32? {
        let signal = tb_guard_stop_signal()
        return signal == 0 ? nil : signal
    }
}

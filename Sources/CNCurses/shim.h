// The C side of trustboard's terminal backend: ncursesw with its wide-character API, and
// what Swift cannot import by itself.
//
// SwiftPM drops pkg-config's -D flags, so the wide-character switches are set here,
// before curses.h is read, or get_wch and friends are missing.
#ifndef TRUSTBOARD_CNCURSES_SHIM_H
#define TRUSTBOARD_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <ncurses.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

// MARK: - Macros and globals Swift cannot import

// Attributes are built from bit operations, which Swift's macro importer skips.
static inline attr_t tb_attr_normal(void) { return A_NORMAL; }
static inline attr_t tb_attr_bold(void) { return A_BOLD; }
static inline attr_t tb_attr_dim(void) { return A_DIM; }
static inline attr_t tb_attr_reverse(void) { return A_REVERSE; }
static inline attr_t tb_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t tb_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

// ERR and OK are parenthesised; the key codes below are plain octal and import as they are.
static inline int tb_err(void) { return ERR; }
static inline int tb_key_code_yes(void) { return KEY_CODE_YES; }

// Global variables that Swift 6 would flag as shared mutable state; read through functions.
static inline WINDOW *tb_stdscr(void) { return stdscr; }
static inline int tb_colors(void) { return COLORS; }
static inline int tb_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *tb_stdin(void) { return stdin; }
static inline FILE *tb_stdout(void) { return stdout; }

/// True when the terminal type can move the cursor (has `cup`): `dumb` and its like cannot,
/// and curses would draw every frame as a scroll of text.
static inline int tb_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/// True when standard input has hung up or failed (the terminal went away), so that a
/// read would only ever return at once with nothing.
static inline int tb_stdin_closed(void) {
    struct pollfd input = {.fd = STDIN_FILENO, .events = POLLIN, .revents = 0};
    if (poll(&input, 1, 0) < 0) return 0;
    return (input.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

// MARK: - Mouse

// The mouse events trustboard reads, as tb_mouse_read returns them. The button masks are
// macros built from bit operations, which Swift's importer skips.
#define TB_MOUSE_NONE 0
#define TB_MOUSE_CLICK 1
#define TB_MOUSE_DOUBLE_CLICK 2
#define TB_MOUSE_WHEEL_UP 3
#define TB_MOUSE_WHEEL_DOWN 4

/// Asks curses for clicks, double-clicks and the wheel (buttons 4 and 5), or for no mouse
/// events at all when `on` is 0, which gives clicks back to the terminal for selecting
/// text. Returns 1 when the terminal can report what was asked for.
static inline int tb_mouse_enable(int on) {
    mmask_t wanted = 0;
    if (on) {
        wanted = BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
        wanted |= BUTTON5_PRESSED;
#endif
    }
    mmask_t got = mousemask(wanted, NULL);
    return on ? got != 0 : 1;
}

/// After get_wch returned KEY_MOUSE: the event, as one of the TB_MOUSE_ values, with its
/// cell in `x` and `y` (from 0 at the top left).
static inline int tb_mouse_read(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return TB_MOUSE_NONE;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_DOUBLE_CLICKED) return TB_MOUSE_DOUBLE_CLICK;
    if (event.bstate & BUTTON1_CLICKED) return TB_MOUSE_CLICK;
    if (event.bstate & BUTTON4_PRESSED) return TB_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return TB_MOUSE_WHEEL_DOWN;
#endif
    return TB_MOUSE_NONE;
}

// MARK: - Terminal guard: signal handlers and the saved terminal state

// Why in C: a signal handler may only do async-signal-safe work. Written here, the
// handlers are plain C that touch nothing but a static struct and the system calls
// tcsetattr, write, sigaction and raise. A Swift @convention(c) closure could do the same
// today, but Swift globals are lazily initialised and, in debug builds, checked for
// exclusive access at run time, neither of which is promised to be signal-safe.
//
// Swift compiles a header's static functions, and their static locals, into each Swift
// file that calls them. So the state stays in one place only while one Swift file calls
// the tb_guard_* functions: that file is Sources/Terminal/TerminalGuard.swift.

/// The signals that ask trustboard to stop: the app's loop sees the flag and quits.
#define TB_STOP_SIGNAL_COUNT 3
/// The signals of a crash, including the traps of Swift's fatalError and precondition,
/// and SIGQUIT (Ctrl-backslash), which asks for a core dump.
#define TB_FATAL_SIGNAL_COUNT 7

struct tb_guard {
    /// The first stop signal that arrived, or 0.
    volatile sig_atomic_t stop;
    /// 1 while curses owns the terminal, so a crash must restore it.
    volatile sig_atomic_t armed;
    /// 1 when `saved` holds the terminal's settings from before curses started.
    int have_saved;
    /// The descriptor `saved` was read from.
    int saved_fd;
    /// The terminal's settings from before curses started.
    struct termios saved;
    /// 1 while the handlers are installed.
    int installed;
    /// The actions the handlers replaced, stop signals first, then fatal ones.
    struct sigaction previous[TB_STOP_SIGNAL_COUNT + TB_FATAL_SIGNAL_COUNT];
};

static inline struct tb_guard *tb_guard_state(void) {
    static struct tb_guard state;
    return &state;
}

static inline int tb_guard_signal(int index) {
    static const int signals[TB_STOP_SIGNAL_COUNT + TB_FATAL_SIGNAL_COUNT] = {
        SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT,
    };
    return signals[index];
}

/// Puts the terminal back as it was: saved settings, main screen, cursor shown, plain
/// attributes. Async-signal-safe; does nothing unless curses owns the terminal.
static inline void tb_guard_restore_terminal(void) {
    struct tb_guard *guard = tb_guard_state();
    if (!guard->armed) return;
    guard->armed = 0;
    if (guard->have_saved) (void)tcsetattr(guard->saved_fd, TCSANOW, &guard->saved);
    // Mouse reporting off too (X10, button, any-event and SGR modes), or a crashed
    // dashboard would leave every click typing escape sequences into the shell.
    static const char reset[] = "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1049l\033[?25h\033[0m\r\n";
    ssize_t written = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)written;
}

/// Restores the action `signal` had before the guard, so the process ends as it would
/// have: by Swift's crash report when the runtime's backtracer is on, else by the default
/// action (a core dump, or termination by the signal).
static inline void tb_guard_restore_previous(int signal) {
    struct tb_guard *guard = tb_guard_state();
    for (int index = 0; index < TB_STOP_SIGNAL_COUNT + TB_FATAL_SIGNAL_COUNT; index++) {
        if (tb_guard_signal(index) == signal) {
            (void)sigaction(signal, &guard->previous[index], NULL);
        }
    }
}

// A fault (SIGSEGV, SIGBUS, SIGILL, SIGFPE or SIGTRAP with si_code > 0: the kernel's)
// happens again when the handler returns, this time with its real address for whoever
// handles it next (Swift's crash report). Any other signal was sent (kill, abort,
// Ctrl-backslash): handed to Swift's backtracer, it printed "Program crashed", waited, and
// then let the process run on over the shell, reading keys in cooked mode. So a sent one
// ends the process here, with 128 + its number as a shell reports a process it killed.
static void tb_guard_on_fatal_signal(int signal, siginfo_t *info, void *context) {
    (void)context;
    tb_guard_restore_terminal();
    int sent = info == NULL || info->si_code <= 0 || signal == SIGABRT || signal == SIGQUIT;
    if (sent) _exit(128 + signal);
    tb_guard_restore_previous(signal);
}

// The first stop signal only sets the flag; a second one, when the loop has not stopped,
// ends the process at once like a crash, so a stuck dashboard can still be left.
static void tb_guard_on_stop_signal(int signal) {
    struct tb_guard *guard = tb_guard_state();
    if (guard->stop) {
        tb_guard_restore_terminal();
        tb_guard_restore_previous(signal);
        (void)raise(signal);
        return;
    }
    guard->stop = signal;
}

/// Saves the terminal's settings and installs the handlers. Call before curses starts,
/// so that ncurses sees SIGINT and SIGTERM taken and leaves them to us.
static inline void tb_guard_install(void) {
    struct tb_guard *guard = tb_guard_state();
    if (guard->installed) return;
    guard->stop = 0;
    guard->have_saved = 0;
    if (tcgetattr(STDIN_FILENO, &guard->saved) == 0) {
        guard->have_saved = 1;
        guard->saved_fd = STDIN_FILENO;
    } else if (tcgetattr(STDOUT_FILENO, &guard->saved) == 0) {
        guard->have_saved = 1;
        guard->saved_fd = STDOUT_FILENO;
    }
    for (int index = 0; index < TB_STOP_SIGNAL_COUNT + TB_FATAL_SIGNAL_COUNT; index++) {
        int signal = tb_guard_signal(index);
        (void)sigaction(signal, NULL, &guard->previous[index]);
        // A stop signal the parent chose to ignore (nohup, a background job) stays ignored.
        if (index < TB_STOP_SIGNAL_COUNT && guard->previous[index].sa_handler == SIG_IGN) continue;
        struct sigaction action;
        sigemptyset(&action.sa_mask);
        // No SA_RESTART: a stop signal should wake a waiting read so the loop sees it.
        if (index < TB_STOP_SIGNAL_COUNT) {
            action.sa_flags = 0;
            action.sa_handler = tb_guard_on_stop_signal;
        } else {
            action.sa_flags = SA_SIGINFO;
            action.sa_sigaction = tb_guard_on_fatal_signal;
        }
        (void)sigaction(signal, &action, NULL);
    }
    guard->installed = 1;
}

/// Marks curses as owning the terminal, so a crash from now on restores it.
static inline void tb_guard_arm(void) { tb_guard_state()->armed = 1; }

/// Marks the terminal as restored: a crash from now on leaves it alone.
static inline void tb_guard_disarm(void) { tb_guard_state()->armed = 0; }

/// Puts back the actions the guard replaced.
static inline void tb_guard_uninstall(void) {
    struct tb_guard *guard = tb_guard_state();
    if (!guard->installed) return;
    guard->armed = 0;
    for (int index = 0; index < TB_STOP_SIGNAL_COUNT + TB_FATAL_SIGNAL_COUNT; index++) {
        (void)sigaction(tb_guard_signal(index), &guard->previous[index], NULL);
    }
    guard->installed = 0;
}

// Ends curses if it still owns the terminal: registered with atexit, so that any normal
// exit, including one from deep inside the app, restores the terminal.
static void tb_guard_at_exit(void) {
    struct tb_guard *guard = tb_guard_state();
    if (!guard->armed) return;
    guard->armed = 0;
    (void)curs_set(1);
    (void)endwin();
}

/// Registers the atexit handler, once.
static inline void tb_guard_register_at_exit(void) {
    static int registered;
    if (registered) return;
    registered = 1;
    (void)atexit(tb_guard_at_exit);
}

/// The first of SIGINT, SIGTERM or SIGHUP that arrived, or 0.
static inline int tb_guard_stop_signal(void) { return tb_guard_state()->stop; }

#endif

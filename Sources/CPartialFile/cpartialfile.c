// The stop-signal handler of a partial file (a pack, or its PDF, being written beside the
// file it will replace). It is C so that it does only async-signal-safe work: kill,
// waitpid, unlink, sigaction, sigprocmask and raise. Swift's dispatch signal sources were
// tried first: a second watch in one process (the pack, then its PDF) never saw the signal.

#include "cpartialfile.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CPARTIALFILE_SIGNALS 3
#define CPARTIALFILE_PATH_MAX 4096

static const int cpartialfile_signals[CPARTIALFILE_SIGNALS] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction cpartialfile_previous[CPARTIALFILE_SIGNALS];
static int cpartialfile_installed[CPARTIALFILE_SIGNALS];
static char cpartialfile_path[CPARTIALFILE_PATH_MAX];
static volatile sig_atomic_t cpartialfile_writer_id = 0;
static sigset_t cpartialfile_previous_mask;
static int cpartialfile_masked = 0;

static void cpartialfile_on_stop(int signal) {
    pid_t writer = (pid_t)cpartialfile_writer_id;
    if (writer > 0) {
        // Its whole process group: Chromium's launcher script leaves the browser, and the
        // browser its helpers, running when only the launcher is killed.
        (void)kill(-writer, SIGKILL);
        (void)kill(writer, SIGKILL);
        (void)waitpid(writer, NULL, 0);
    }
    if (cpartialfile_path[0] != '\0') (void)unlink(cpartialfile_path);
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    (void)sigaction(signal, &fallback, NULL);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, signal);
    (void)sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    (void)raise(signal);
    // Only if the default action did not end it.
    _exit(128 + signal);
}

int cpartialfile_watch(const char *path) {
    size_t length = strlen(path);
    if (length + 1 > CPARTIALFILE_PATH_MAX) return -1;
    memcpy(cpartialfile_path, path, length + 1);
    cpartialfile_writer_id = 0;
    for (int index = 0; index < CPARTIALFILE_SIGNALS; index++) {
        int signal = cpartialfile_signals[index];
        cpartialfile_installed[index] = 0;
        if (sigaction(signal, NULL, &cpartialfile_previous[index]) != 0) continue;
        if (cpartialfile_previous[index].sa_handler == SIG_IGN) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = cpartialfile_on_stop;
        sigfillset(&action.sa_mask);
        if (sigaction(signal, &action, NULL) == 0) cpartialfile_installed[index] = 1;
    }
    // A process started with the signals blocked (by a parent that blocks them on the
    // thread that starts it) would hold them pending and never stop: this thread takes
    // them while the file is watched.
    sigset_t stops;
    sigemptyset(&stops);
    for (int index = 0; index < CPARTIALFILE_SIGNALS; index++) {
        if (cpartialfile_installed[index]) sigaddset(&stops, cpartialfile_signals[index]);
    }
    cpartialfile_masked = pthread_sigmask(SIG_UNBLOCK, &stops, &cpartialfile_previous_mask) == 0;
    return 0;
}

void cpartialfile_writer(pid_t writer) { cpartialfile_writer_id = (sig_atomic_t)writer; }

void cpartialfile_release(void) {
    if (cpartialfile_masked) (void)pthread_sigmask(SIG_SETMASK, &cpartialfile_previous_mask, NULL);
    cpartialfile_masked = 0;
    for (int index = 0; index < CPARTIALFILE_SIGNALS; index++) {
        if (!cpartialfile_installed[index]) continue;
        (void)sigaction(cpartialfile_signals[index], &cpartialfile_previous[index], NULL);
        cpartialfile_installed[index] = 0;
    }
    cpartialfile_writer_id = 0;
    cpartialfile_path[0] = '\0';
}

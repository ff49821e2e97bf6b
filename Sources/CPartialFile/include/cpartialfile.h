#ifndef CPARTIALFILE_H
#define CPARTIALFILE_H

#include <sys/types.h>

/// Removes `path` (and first kills its writer, if any) when SIGINT, SIGTERM or SIGHUP
/// arrives, then ends the process by that signal with its default action. A signal that
/// was ignored stays ignored. Returns 0, or -1 when `path` is too long to keep (it is
/// then not watched). One file is watched at a time.
int cpartialfile_watch(const char *path);

/// The process writing the watched file from now on, the leader of its own process group
/// (as Foundation's `Process` starts it), which is killed whole; 0 for none.
void cpartialfile_writer(pid_t writer);

/// Stops watching: the three signals get back the actions they had before.
void cpartialfile_release(void);

#endif

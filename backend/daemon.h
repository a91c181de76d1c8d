/* daemon.h: find the running ddclient through its pid file and wake it. */
#ifndef DDNS_DAEMON_H
#define DDNS_DAEMON_H

#include <sys/types.h>

enum daemon_state {
	DAEMON_OK,		/* running (and signalled, for daemon_reload) */
	DAEMON_NOPID,		/* no pid file: ddclient is not running */
	DAEMON_BADPID,		/* the pid file does not hold a pid */
	DAEMON_STALE,		/* the pid file names no live process */
	DAEMON_NOTDDCLIENT,	/* the process is not ddclient */
	DAEMON_EPERM,		/* no permission to signal it */
	DAEMON_PIDEACCES,	/* no permission to read the pid file */
	DAEMON_PIDEREAD,	/* the pid file cannot be read (another error) */
	DAEMON__MAX
};

/*
 * daemon_pid_error: what an errno from opening or reading the pid file
 * means: ENOENT that ddclient is not running (DAEMON_NOPID), EACCES or
 * EPERM that we may not read it (DAEMON_PIDEACCES), anything else that
 * it cannot be read (DAEMON_PIDEREAD). Pure.
 */
enum daemon_state daemon_pid_error(int err);

/*
 * daemon_is_ddclient: 1 if the NUL-separated argv in cmdline (n bytes, as
 * in /proc/PID/cmdline) is ddclient's: its program name, or perl running
 * the ddclient script, or the title ddclient gives itself. Pure.
 */
int daemon_is_ddclient(const char *cmdline, size_t n);

/* daemon_is_sleeping: 1 if cmdline is the title ddclient sets while it
 * sleeps between passes ("ddclient - sleeping for N seconds"). Pure. */
int daemon_is_sleeping(const char *cmdline, size_t n);

/*
 * daemon_wait_idle: wait, at most tenths tenths of a second, until the
 * ddclient named by pidfile sleeps between passes. ddclient reads its
 * cache when a pass starts and writes it back whole when the pass ends,
 * so a cache entry dropped mid-pass would come back. Returns 1 if it is
 * idle (or not running), 0 if it was still busy when the time ran out.
 */
int daemon_wait_idle(const char *pidfile, int tenths);

/* daemon_check: what the pid file at pidfile names; sends no signal. */
enum daemon_state daemon_check(const char *pidfile);

/* daemon_find: as daemon_check, with the pid into *pid and, when sleeping
 * is not NULL, whether ddclient sleeps between passes into *sleeping. */
enum daemon_state daemon_find(const char *pidfile, pid_t *pid, int *sleeping);

/*
 * daemon_title: the program name (argv[0], as ps shows it) of the
 * process pidfile names, its printable ASCII cut to fit out (size sz,
 * at least 2), or "" when there is none to read (an exiting process has
 * an empty command line). For a message that says which program the pid
 * file names when it is not ddclient.
 */
void daemon_title(const char *pidfile, char *out, size_t sz);

/*
 * daemon_reload: send SIGHUP to the ddclient named by pidfile, after
 * checking that it is ddclient. ddclient then re-reads its configuration
 * and cache and runs an update pass at once.
 */
enum daemon_state daemon_reload(const char *pidfile);

#endif

/* daemon.h: find the running ddclient through its pid file and wake it. */
#ifndef DDNS_DAEMON_H
#define DDNS_DAEMON_H

enum daemon_state {
	DAEMON_OK,		/* running (and signalled, for daemon_reload) */
	DAEMON_NOPID,		/* no pid file: ddclient is not running */
	DAEMON_BADPID,		/* the pid file does not hold a pid */
	DAEMON_STALE,		/* the pid file names no live process */
	DAEMON_NOTDDCLIENT,	/* the process is not ddclient */
	DAEMON_EPERM,		/* no permission to signal it */
	DAEMON__MAX
};

/*
 * daemon_is_ddclient: 1 if the NUL-separated argv in cmdline (n bytes, as
 * in /proc/PID/cmdline) is ddclient's: its program name, or perl running
 * the ddclient script, or the title ddclient gives itself. Pure.
 */
int daemon_is_ddclient(const char *cmdline, size_t n);

/* daemon_check: what the pid file at pidfile names; sends no signal. */
enum daemon_state daemon_check(const char *pidfile);

/*
 * daemon_reload: send SIGHUP to the ddclient named by pidfile, after
 * checking that it is ddclient. ddclient then re-reads its configuration
 * and cache and runs an update pass at once.
 */
enum daemon_state daemon_reload(const char *pidfile);

#endif

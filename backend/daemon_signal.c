/* daemon_signal.c: the root side's part of daemon.h: wait for ddclient
 * to be idle, and signal it. */
#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "daemon.h"

int
daemon_wait_idle(const char *pidfile, int tenths)
{
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	int sleeping;
	pid_t pid;

	for (;;) {
		if (daemon_find(pidfile, &pid, &sleeping) != DAEMON_OK || sleeping)
			return 1;
		if (tenths-- <= 0)
			return 0;
		nanosleep(&ts, NULL);
	}
}

enum daemon_state
daemon_reload(const char *pidfile)
{
	enum daemon_state st;
	pid_t pid;

	if ((st = daemon_find(pidfile, &pid, NULL)) != DAEMON_OK)
		return st;
	if (kill(pid, SIGHUP) == -1)
		return errno == EPERM ? DAEMON_EPERM : DAEMON_STALE;
	return DAEMON_OK;
}

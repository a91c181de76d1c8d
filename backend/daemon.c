/* daemon.c: what the pid file names: the ddclient daemon, looked at
 * (daemon_signal.c, the root side, signals it). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "daemon.h"
#include "fileio.h"
#include "num.h"

static const char *
base(const char *s)
{
	const char *slash = strrchr(s, '/');

	return slash ? slash + 1 : s;
}

int
daemon_is_ddclient(const char *cmdline, size_t n)
{
	const char *arg = cmdline, *end = cmdline + n;
	int i;

	if (n == 0 || cmdline[n - 1] != '\0')
		return 0;
	/* The title ddclient gives itself, which may hold a URL (3.11, while
	 * it sends: "ddclient - Curl system cmd sending to https://..."). */
	if (strncmp(arg, "ddclient - ", 11) == 0)
		return 1;
	/* "ddclient", "/usr/bin/ddclient", "ddclient - sleeping for 300 ..." */
	if (strncmp(base(arg), "ddclient", 8) == 0 &&
	    (base(arg)[8] == '\0' || base(arg)[8] == ' '))
		return 1;
	if (strncmp(base(arg), "perl", 4) != 0)
		return 0;
	/* perl [-w ...] /usr/bin/ddclient ... */
	for (i = 0; i < 4 && (arg += strlen(arg) + 1) < end; i++)
		if (strcmp(base(arg), "ddclient") == 0)
			return 1;
	return 0;
}

int
daemon_is_sleeping(const char *cmdline, size_t n)
{
	static const char title[] = "ddclient - sleeping";

	return n > sizeof(title) - 1 && cmdline[n - 1] == '\0' &&
	    strncmp(cmdline, title, sizeof(title) - 1) == 0;
}

/* Why a pid file cannot be read, by errno; any other is DAEMON_PIDEREAD. */
static const struct {
	int			err;
	enum daemon_state	state;
} pid_errors[] = {
	{ ENOENT, DAEMON_NOPID },	/* ddclient removes it when it ends */
	{ EACCES, DAEMON_PIDEACCES },
	{ EPERM, DAEMON_PIDEACCES },
};

enum daemon_state
daemon_pid_error(int err)
{
	size_t i;

	for (i = 0; i < sizeof(pid_errors) / sizeof(pid_errors[0]); i++)
		if (pid_errors[i].err == err)
			return pid_errors[i].state;
	return DAEMON_PIDEREAD;
}

/* read_pid: the pid in pidfile, or a daemon_state saying why not. Read
 * here rather than through file_read: the errno decides the state. */
static enum daemon_state
read_pid(const char *pidfile, pid_t *pid)
{
	char data[65];
	long long v;
	ssize_t n;
	int fd, err;

	if ((fd = open(pidfile, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1)
		return daemon_pid_error(errno);
	while ((n = read(fd, data, sizeof(data) - 1)) == -1 && errno == EINTR)
		;
	err = errno;
	close(fd);
	if (n == -1)
		return daemon_pid_error(err);
	data[n] = '\0';
	data[strcspn(data, "\r\n")] = '\0';
	if (num_parse(data, 2, 4194304, &v) == -1)
		return DAEMON_BADPID;
	*pid = (pid_t)v;
	return DAEMON_OK;
}

/* daemon_find: the pid of the ddclient that pidfile names, or why there is none;
 * sleeping, if not NULL, tells whether it is between passes. */
enum daemon_state
daemon_find(const char *pidfile, pid_t *pidp, int *sleeping)
{
	char path[64], *cmd;
	enum daemon_state st;
	struct dd_err e;
	size_t n;
	pid_t pid;
	int ok;

	if ((st = read_pid(pidfile, &pid)) != DAEMON_OK)
		return st;
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	if (file_read(path, 4096, &cmd, &n, &e) == -1)
		return e.code == DD_ETOOBIG ? DAEMON_NOTDDCLIENT : DAEMON_STALE;
	ok = daemon_is_ddclient(cmd, n);
	if (sleeping != NULL)
		*sleeping = daemon_is_sleeping(cmd, n);
	free(cmd);
	*pidp = pid;
	return ok ? DAEMON_OK : DAEMON_NOTDDCLIENT;
}

void
daemon_title(const char *pidfile, char *out, size_t sz)
{
	char path[64], *cmd = NULL;
	struct dd_err e;
	size_t n = 0, i, o = 0;
	pid_t pid;

	if (read_pid(pidfile, &pid) == DAEMON_OK) {
		snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
		if (file_read_prefix(path, 4096, &cmd, &n, &e) == -1)
			n = 0;
	}
	for (i = 0; i < n && cmd[i] != '\0' && o + 1 < sz; i++)
		out[o++] = cmd[i] >= 0x20 && cmd[i] < 0x7f ? cmd[i] : '?';
	out[o] = '\0';
	free(cmd);
}

enum daemon_state
daemon_check(const char *pidfile)
{
	pid_t pid;

	return daemon_find(pidfile, &pid, NULL);
}

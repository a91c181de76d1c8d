/* apply.c: database -> ddclient.conf -> cache -> SIGHUP, under one lock. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "apply.h"
#include "buf.h"
#include "cache.h"
#include "daemon.h"
#include "ddconf.h"
#include "fileio.h"
#include "store.h"

static const enum apply_status from_daemon[DAEMON__MAX] = {
	[DAEMON_OK] = APPLY_OK,
	[DAEMON_NOPID] = APPLY_NOTRUNNING,
	[DAEMON_BADPID] = APPLY_NOTRUNNING,
	[DAEMON_STALE] = APPLY_NOTRUNNING,
	[DAEMON_NOTDDCLIENT] = APPLY_NOTDDCLIENT,
	[DAEMON_EPERM] = APPLY_EPERM,
	[DAEMON_PIDEACCES] = APPLY_EPERM,
	[DAEMON_PIDEREAD] = APPLY_EPERM,
};

static const char *const daemon_words[DAEMON__MAX] = {
	[DAEMON_OK] = "running",
	[DAEMON_NOPID] = "no pid file, so not running",
	[DAEMON_BADPID] = "the pid file holds no pid",
	[DAEMON_STALE] = "the pid file names no running process",
	[DAEMON_NOTDDCLIENT] = "the pid file names a process that is not ddclient",
	[DAEMON_EPERM] = "no permission to signal it",
	[DAEMON_PIDEACCES] = "no permission to read its pid file",
	[DAEMON_PIDEREAD] = "its pid file cannot be read",
};

static int
lock(const struct conf *c, struct dd_err *e)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), "%s/apply.lock", c->state_dir);
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1 ||
	    flock(fd, LOCK_EX) == -1) {
		if (fd != -1)
			close(fd);
		return dd_fail(e, DD_ESYS, NULL, "cannot lock %s", path);
	}
	return fd;
}

/* write_config: render the hosts of s and replace ddclient's config. */
static enum apply_status
write_config(const struct conf *c, struct store *s, struct dd_err *e)
{
	struct host *h;
	struct buf b = { 0 };
	size_t n;
	int rc;

	if (store_list(s, &h, &n, e) == -1)
		return APPLY_EDB;
	rc = ddconf_render(c, h, n, &b, e);
	if (rc == 0)
		rc = file_write_atomic(c->ddclient_conf, b.p, b.len, 0600,
		    c->ddclient_conf, e);
	free(h);
	buf_free(&b);
	return rc == 0 ? APPLY_OK : APPLY_EWRITE;
}

/* drop_pending: forget ddclient's cached state of the changed hosts. */
static int
drop_pending(const struct conf *c, struct store *s, struct dd_err *e)
{
	char **names;
	size_t n;
	int rc;

	if (store_pending(s, &names, &n, e) == -1)
		return -1;
	rc = cache_drop(c->ddclient_cache, names, n, e);
	if (rc == 0)
		rc = store_pending_done(s, names, n, e);
	store_free_names(names, n);
	return rc;
}

enum apply_status
apply_run(const struct conf *c, struct dd_err *e)
{
	enum apply_status st;
	enum daemon_state ds;
	struct store *s;
	int fd, cache_rc;

	if ((fd = lock(c, e)) == -1)
		return APPLY_EWRITE;
	if ((s = store_open(c->database, 0, e)) == NULL) {
		close(fd);
		return APPLY_EDB;
	}
	/* Leftovers of an apply that was killed mid-write. */
	file_clean_temps(c->ddclient_conf);
	file_clean_temps(c->ddclient_cache);
	/* Config first: a ddclient waking in between must not resend with
	 * the old settings because its cache entry is already gone. */
	if ((st = write_config(c, s, e)) != APPLY_OK)
		goto out;
	/* A pass in progress would write the dropped entries back: let it
	 * end first (it is short unless a provider is slow to answer). */
	daemon_wait_idle(c->ddclient_pid, 30);
	cache_rc = drop_pending(c, s, e);
	store_audit_trim(s, c->history_max, NULL);
	ds = daemon_reload(c->ddclient_pid);
	st = from_daemon[ds];
	if (st != APPLY_OK)
		dd_fail(e, DD_ESYS, NULL, "ddclient not signalled: %s",
		    daemon_words[ds]);
	else if (cache_rc == -1)
		st = APPLY_ECACHE;
out:
	store_close(s);
	close(fd);
	return st;
}

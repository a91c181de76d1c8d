/* apply.c: the root side's work (boundary.h): the rows of one message,
 * vetted again, become ddclient's configuration; then the cache, the
 * page's copies and SIGHUP, under a lock of root's own. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "apply.h"
#include "attempts.h"
#include "buf.h"
#include "cache.h"
#include "daemon.h"
#include "ddconf.h"
#include "ddver.h"
#include "fileio.h"
#include "import.h"
#include "tsig.h"
#include "validate.h"

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

/* The largest ddclient configuration read (to keep or to import). */
#define CONF_READ_MAX	(1 << 20)

/*
 * guard: may ddclient_conf be replaced? Yes when it does not exist, is
 * empty or was written by us; else only when the same text is kept at
 * <ddclient_conf>.before-ddns-admin, which take_over makes (0600, with
 * the original's owner, never over an existing file): then that text is
 * handed to the caller in *taken (*ntaken bytes; the caller frees it),
 * which keeps the hosts the rows do not carry (keep).
 */
static enum apply_status
guard(const struct conf *c, int take_over, char **taken, size_t *ntaken,
    struct dd_err *e)
{
	char kept[PATH_MAX], *data = NULL, *old = NULL;
	size_t n = 0, on = 0;
	struct dd_err re;
	enum apply_status st = APPLY_OK;
	int ours;

	/* Ours is told by its first line: a config of 10,000 hosts is
	 * larger than anything this reads whole. */
	if (file_read_prefix(c->ddclient_conf, 128, &data, &n, &re) == 0) {
		ours = ddconf_ours(data, n);
		free(data);
		data = NULL;
		if (ours)
			return APPLY_OK;
	}
	if (file_read(c->ddclient_conf, CONF_READ_MAX, &data, &n, &re) == -1) {
		if (re.code == DD_ENOTFOUND)
			return APPLY_OK;
		*e = re;
		return APPLY_EWRITE;
	}
	if (ddconf_ours(data, n))
		goto out;
	if (snprintf(kept, sizeof(kept), "%s" APPLY_KEPT_SUFFIX,
	    c->ddclient_conf) >= (int)sizeof(kept)) {
		st = APPLY_EWRITE;
		dd_failf(e, DD_ESYS, NULL, "path too long: %s", c->ddclient_conf);
		goto out;
	}
	if (take_over && file_write_new(kept, data, n, 0600, c->ddclient_conf,
	    &re) == -1 && re.code != DD_EEXIST) {
		*e = re;
		st = APPLY_EWRITE;
		goto out;
	}
	if (file_read(kept, CONF_READ_MAX, &old, &on, &re) == 0 && on == n &&
	    memcmp(old, data, n) == 0) {
		*taken = data;
		*ntaken = n;
		data = NULL;
		goto out;
	}
	st = APPLY_EFOREIGN;
	if (old != NULL)
		dd_failf(e, DD_EEXIST, NULL, "%s was not written by ddns-admin, and "
		    "%s holds another text: not replaced (move that copy away "
		    "and import again)", c->ddclient_conf, kept);
	else
		dd_failf(e, DD_EEXIST, NULL, "%s was not written by ddns-admin: "
		    "not replaced until it is imported (ddns-apply --import) "
		    "and kept as %s", c->ddclient_conf, kept);
out:
	free(old);
	free(data);
	return st;
}

/* dir_fit: st (a directory above apply_dir, or apply_dir itself when
 * own is set) cannot be changed by anyone but root and us: owned by one
 * of them, and writable by others only when sticky (as /tmp: nobody
 * renames another's entry there). */
static int
dir_fit(const struct stat *st, int own)
{
	uid_t me = geteuid();

	if (!S_ISDIR(st->st_mode))
		return 0;
	if (own)
		return st->st_uid == me && (st->st_mode & 022) == 0;
	return (st->st_uid == 0 || st->st_uid == me) &&
	    ((st->st_mode & 022) == 0 || (st->st_mode & S_ISVTX));
}

int
apply_dir_ok(const struct conf *c, struct dd_err *e)
{
	char path[PATH_MAX], *slash;
	struct stat st;

	if (snprintf(path, sizeof(path), "%s", c->apply_dir) >=
	    (int)sizeof(path) || path[0] != '/')
		return dd_failf(e, DD_ECONF, NULL, "apply_dir: not an absolute "
		    "path: %s", c->apply_dir);
	if (lstat(path, &st) == -1 && errno == ENOENT &&
	    mkdir(path, 0700) == -1 && errno != EEXIST)
		return dd_failf(e, DD_ECONF, NULL, "apply_dir: cannot make %s: %s",
		    path, strerror(errno));
	if (lstat(path, &st) == -1 || !dir_fit(&st, 1))
		return dd_failf(e, DD_ECONF, NULL, "apply_dir %s must be a "
		    "directory of uid %u (not a link), closed to writes by group "
		    "and others", path, (unsigned)geteuid());
	/* Whoever may rename a directory above it could put another in
	 * its place. */
	while ((slash = strrchr(path, '/')) != NULL && slash != path) {
		*slash = '\0';
		if (lstat(path, &st) == -1 || !dir_fit(&st, 0))
			return dd_failf(e, DD_ECONF, NULL, "apply_dir: %s may be "
			    "changed by another user than root and uid %u", path,
			    (unsigned)geteuid());
	}
	if (lstat("/", &st) == -1 || !dir_fit(&st, 0))
		return dd_failf(e, DD_ECONF, NULL, "apply_dir: / is writable");
	return 0;
}

int
apply_lock(const struct conf *c, const char *name, int seconds,
    struct dd_err *e)
{
	char path[PATH_MAX];
	int fd, i;

	if (apply_path(c, name, path, sizeof(path)) == -1)
		return dd_failf(e, DD_ECONF, NULL, "apply_dir: path too long");
	if ((fd = file_open_safe(path, O_RDWR | O_CREAT, 0600, e)) == -1)
		return -1;
	/* Polled, not blocked on: a deadline without signals. */
	for (i = 0; flock(fd, LOCK_EX | LOCK_NB) == -1; i++) {
		if ((errno != EWOULDBLOCK && errno != EINTR) ||
		    i >= seconds * 20) {
			close(fd);
			return dd_failf(e, DD_EBUSY, NULL, "%s is held by another "
			    "process%s", path, seconds ? " past the deadline" : "");
		}
		usleep(50000);
	}
	return fd;
}

int
apply_read_message(int fd, struct wire_apply *a, struct dd_err *e)
{
	struct timespec now, end;
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char *data;
	size_t n = 0;
	ssize_t got;
	int ms, rc;

	memset(a, 0, sizeof(*a));
	if ((data = malloc(WIRE_MSG_MAX + 1)) == NULL)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += WIRE_READ_SECONDS;
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (int)((end.tv_sec - now.tv_sec) * 1000 +
		    (end.tv_nsec - now.tv_nsec) / 1000000);
		if (ms <= 0) {
			free(data);
			return dd_failf(e, DD_EBADREQ, NULL, "the message did not "
			    "end within %d s", WIRE_READ_SECONDS);
		}
		if ((rc = poll(&p, 1, ms)) == -1 && errno != EINTR) {
			free(data);
			return dd_failf(e, DD_ESYS, NULL, "poll: %s",
			    strerror(errno));
		}
		if (rc <= 0)
			continue;
		got = read(fd, data + n, WIRE_MSG_MAX + 1 - n);
		if (got == -1 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (got == -1) {
			free(data);
			return dd_failf(e, DD_ESYS, NULL, "read: %s",
			    strerror(errno));
		}
		if (got == 0)
			break;
		if ((n += (size_t)got) > WIRE_MSG_MAX) {
			free(data);
			return dd_failf(e, DD_ETOOBIG, NULL, "the message is over "
			    "%u bytes", WIRE_MSG_MAX);
		}
	}
	rc = wire_read(data, n, a, e);
	free(data);
	return rc;
}

/* left_out: say on stderr (the web server's error log, or the
 * administrator's) that the host named name is left out, and why (field
 * f, message m); also in the report rep unless it is NULL: only what the
 * page cannot judge itself goes there (the page vets the rows as we do,
 * and a name may be both written and left out, as a duplicate). */
static void
left_out(struct buf *rep, const char *name, int f, const struct dd_msg *m)
{
	char text[MSG_TEXT_SZ];

	if (rep != NULL && rep->len == 0)
		wire_report_begin(rep);
	if (rep != NULL)
		wire_report_host(rep, name, m);
	fprintf(stderr, "ddns-apply: %s left out of ddclient's configuration: "
	    "%s: %s\n", name, host_field_name(f), msg_english(m, text,
	    sizeof(text)));
}

/*
 * vetted: the rows of a that may reach ddclient, canonical, in hostname
 * order, into *ok (caller frees); the others named on stderr.
 */
static int
vetted(const struct conf *c, const struct wire_apply *a, enum ddv ver,
    struct host **ok, size_t *nok, struct dd_err *e)
{
	struct vet *why;
	struct host *h;
	size_t i, k = 0, n = a->nrow;

	if ((h = malloc((n + 1) * sizeof(*h))) == NULL ||
	    (why = calloc(n + 1, sizeof(*why))) == NULL) {
		free(h);
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	}
	if (n > 0)
		memcpy(h, a->row, n * sizeof(*h));
	qsort(h, n, sizeof(*h), host_by_name_id);
	apply_vet(c, h, n, ver, why);
	for (i = 0; i < n; i++)
		if (why[i].field == -1)
			h[k++] = h[i];
		else
			left_out(NULL, h[i].hostname, why[i].field, &why[i].m);
	free(why);
	*ok = h;
	*nok = k;
	return 0;
}

/* keys: the TSIG key file of each host that takes one; a host whose key
 * cannot be written is left out (into the report), never the others. */
static size_t
keys(const struct conf *c, struct host *h, size_t n, struct buf *rep)
{
	struct dd_err ke;
	struct dd_msg m;
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (tsig_write_one(c, &h[i], &ke) == -1) {
			msg_set(&m, MSG_left_keyfile, ke.msg);
			left_out(rep, h[i].hostname, HF_PASSWORD, &m);
			continue;
		}
		h[k++] = h[i];
	}
	return k;
}

/* record: root's copy of the rows applied, for ddns-apply run without a
 * message (by hand, or by postinst after a change of the module config). */
static int
record(const struct conf *c, const struct wire_apply *a, struct dd_err *e)
{
	char path[PATH_MAX];
	struct buf b = { 0 };
	size_t i;
	int rc;

	wire_emit_begin(&b, 0);
	for (i = 0; i < a->nrow; i++)
		wire_emit_row(&b, &a->row[i]);
	wire_emit_end(&b);
	if (b.oom)
		rc = dd_fail(e, DD_ESYS, NULL, MSG_oom);
	else if (apply_path(c, APPLY_ROWS_FILE, path, sizeof(path)) == -1)
		rc = dd_failf(e, DD_ECONF, NULL, "apply_dir: path too long");
	else
		rc = file_write_atomic(path, b.p, b.len, 0600, NULL, e);
	buf_free(&b);
	return rc;
}

/* recorded: the rows last applied (record), into *a. */
static int
recorded(const struct conf *c, struct wire_apply *a, struct dd_err *e)
{
	char path[PATH_MAX], *data = NULL;
	size_t n = 0;
	int rc;

	memset(a, 0, sizeof(*a));
	if (apply_path(c, APPLY_ROWS_FILE, path, sizeof(path)) == -1)
		return dd_failf(e, DD_ECONF, NULL, "apply_dir: path too long");
	if (file_read(path, WIRE_MSG_MAX, &data, &n, e) == -1) {
		if (e->code == DD_ENOTFOUND)
			dd_failf(e, DD_ENOTFOUND, NULL, "nothing applied yet (no "
			    "%s): save on the page, or hand the rows over with "
			    WIRE_ARG_MESSAGE, path);
		return -1;
	}
	rc = wire_read(data, n, a, e);
	free(data);
	return rc;
}

/* drop: forget ddclient's cached state of the names a asks for. */
static int
drop(const struct conf *c, const struct wire_apply *a, struct dd_err *e)
{
	char **names;
	size_t i;
	int rc;

	if ((names = calloc(a->ndrop, sizeof(*names))) == NULL)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	for (i = 0; i < a->ndrop; i++)
		names[i] = a->drop[i];
	rc = cache_drop(c->ddclient_cache, names, a->ndrop, e);
	free(names);
	return rc;
}

/* report_write: the report the list page reads (absent when nothing was
 * left out). Readable by the directory's group (boundary.h). */
static void
report_write(const struct conf *c, struct buf *rep)
{
	char path[PATH_MAX];
	struct dd_err e;

	if (apply_path(c, APPLY_REPORT_FILE, path, sizeof(path)) == -1)
		return;
	if (rep->len == 0) {
		if (unlink(path) == -1 && errno != ENOENT)
			fprintf(stderr, "ddns-apply: cannot remove %s: %s\n", path,
			    strerror(errno));
		return;
	}
	imp_emit_end(rep);
	if (rep->oom || file_write_atomic(path, rep->p, rep->len, 0640, NULL,
	    &e) == -1)
		fprintf(stderr, "ddns-apply: cannot write %s\n", path);
}

static int mod_globals(const struct conf *c, enum ddv v,
    struct imp_conf *mod, struct dd_err *e);

/* carried: does a carry a row named name? */
static int
carried(const struct wire_apply *a, const char *name)
{
	size_t i;

	for (i = 0; i < a->nrow; i++)
		if (strcmp(a->row[i].hostname, name) == 0)
			return 1;
	return 0;
}

/* kept_why: why host i of f is not a row, into *m: the first note of the
 * import that refuses it, else the first validator's, else that the page
 * did not take it. */
static void
kept_why(const struct imp_conf *f, size_t i, enum ddv v,
    const struct imp_set *mod, struct dd_msg *m)
{
	struct dd_err why[HF__MAX];
	const char *in[HF__MAX];
	struct imp_row row;
	struct host h;
	size_t k;
	int fl;

	imp_take(f, i, v, mod, NULL, &row);
	for (k = 0; k < row.nnote; k++)
		if (row.note[k].refused) {
			*m = row.note[k].m;
			return;
		}
	for (fl = 0; fl < HF__MAX; fl++)
		in[fl] = host_field(&row.in, fl, NULL);
	if (val_host(in, NULL, v, &h, why) > 0)
		for (fl = 0; fl < HF__MAX; fl++)
			if (why[fl].m.id != MSG_none) {
				*m = why[fl].m;
				return;
			}
	msg_set(m, MSG_kept_not_taken);
}

/* put_apply_file: data (n bytes) as apply_dir/name, mode, atomically. */
static int
put_apply_file(const struct conf *c, const char *name, const struct buf *b,
    mode_t mode, struct dd_err *e)
{
	char path[PATH_MAX];

	if (b->oom)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	if (apply_path(c, name, path, sizeof(path)) == -1)
		return dd_failf(e, DD_ECONF, NULL, "apply_dir: path too long");
	return file_write_atomic(path, b->p ? b->p : "", b->len, mode, NULL, e);
}

/* kept_before: the hosts an earlier take-over kept, their blocks into
 * *old and their names with why into *why (both empty when none). */
static int
kept_before(const struct conf *c, enum ddv v, struct imp_conf *old,
    struct imp_result *why, struct dd_err *e)
{
	char path[PATH_MAX], *data = NULL;
	size_t len = 0;
	int rc;

	if (apply_path(c, APPLY_KEPT_CONF, path, sizeof(path)) == -1)
		return dd_failf(e, DD_ECONF, NULL, "apply_dir: path too long");
	if (file_read(path, CONF_READ_MAX, &data, &len, e) == -1)
		return e->code == DD_ENOTFOUND ? 0 : -1;
	rc = imp_parse(data, len, v, old, e);
	free(data);
	data = NULL;
	if (rc == 0 && apply_path(c, APPLY_KEPT_FILE, path, sizeof(path)) == 0 &&
	    file_read(path, CONF_READ_MAX, &data, &len, e) == 0 &&
	    wire_read_report(data, len, why, e) == -1)
		imp_result_free(why);
	free(data);
	return rc;
}

/* old_why: the note an earlier take-over gave the host name, into *m. */
static void
old_why(const struct imp_result *why, const char *name, struct dd_msg *m)
{
	size_t i;

	for (i = 0; i < why->nrec; i++)
		if (strcmp(why->rec[i].name, name) == 0 && why->rec[i].nnote > 0) {
			*m = why->rec[i].note[0].m;
			return;
		}
	msg_set(m, MSG_kept_not_taken);
}

/* defines: does f define a host named name? */
static int
defines(const struct imp_conf *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->nhost; i++)
		if (strcmp(f->host[i].name, name) == 0)
			return 1;
	return 0;
}

/* keep_one: host h's block into blocks, its name and why m into list. */
static int
keep_one(const struct conf *c, const struct imp_host *h,
    const struct dd_msg *m, struct buf *blocks, struct buf *list,
    struct dd_err *e)
{
	if (ddconf_render_kept(h->name, h->set.kv, h->set.n, blocks, e) == -1)
		return -1;
	wire_report_host(list, h->name, m);
	fprintf(stderr, "ddns-apply: %s kept as written in %s\n", h->name,
	    c->ddclient_conf);
	return 0;
}

/*
 * keep: the take-over of the hand-written configuration data (n bytes):
 * every host of it that a's rows do not carry is kept as ddclient read
 * it, out of the web side's reach: its block into APPLY_KEPT_CONF (0600;
 * every configuration written from now on carries it), its name and why
 * the page could not take it into APPLY_KEPT_FILE (0640, the report's
 * format; the list page shows it read-only). The hosts an earlier
 * take-over kept stay, but one that the file or a row now names. Returns
 * 0, or -1 with e set (then nothing is replaced: no host is lost).
 */
static int
keep(const struct conf *c, enum ddv v, const char *data, size_t n,
    const struct wire_apply *a, struct dd_err *e)
{
	struct imp_conf f = { 0 }, mod = { 0 }, old = { 0 };
	struct imp_result why = { 0 };
	struct buf blocks = { 0 }, list = { 0 };
	struct dd_msg m;
	size_t i;
	int rc = -1;

	if (imp_parse(data, n, v, &f, e) == -1 ||
	    mod_globals(c, v, &mod, e) == -1 ||
	    kept_before(c, v, &old, &why, e) == -1)
		goto out;
	wire_report_begin(&list);
	for (i = 0; i < old.nhost; i++) {
		if (carried(a, old.host[i].name) || defines(&f, old.host[i].name))
			continue;
		old_why(&why, old.host[i].name, &m);
		if (keep_one(c, &old.host[i], &m, &blocks, &list, e) == -1)
			goto out;
	}
	for (i = 0; i < f.nhost; i++) {
		if (carried(a, f.host[i].name))
			continue;
		kept_why(&f, i, v, &mod.globals, &m);
		if (keep_one(c, &f.host[i], &m, &blocks, &list, e) == -1)
			goto out;
	}
	imp_emit_end(&list);
	if (put_apply_file(c, APPLY_KEPT_CONF, &blocks, 0600, e) == 0 &&
	    put_apply_file(c, APPLY_KEPT_FILE, &list, 0640, e) == 0)
		rc = 0;
out:
	imp_free(&f);
	imp_free(&mod);
	imp_free(&old);
	imp_result_free(&why);
	buf_free(&blocks);
	buf_free(&list);
	return rc;
}

static int
by_hostname(const void *key, const void *elem)
{
	return strcmp(key, ((const struct host *)elem)->hostname);
}

/* kept_blocks: append to out the hosts kept at the take-over (keep), but
 * one that a row h[0..n) (in hostname order) now names. */
static int
kept_blocks(const struct conf *c, enum ddv v, const struct host *h,
    size_t n, struct buf *out, struct dd_err *e)
{
	char path[PATH_MAX], *data = NULL;
	struct imp_conf f = { 0 };
	size_t len = 0, i;
	int rc = 0;

	if (apply_path(c, APPLY_KEPT_CONF, path, sizeof(path)) == -1)
		return dd_failf(e, DD_ECONF, NULL, "apply_dir: path too long");
	if (file_read(path, CONF_READ_MAX, &data, &len, e) == -1)
		return e->code == DD_ENOTFOUND ? 0 : -1;
	if (len > 0)
		buf_puts(out, "\n# Kept as written in the hand-written "
		    "configuration (ddns-admin shows them read-only).\n");
	if ((rc = imp_parse(data, len, v, &f, e)) == 0)
		for (i = 0; i < f.nhost && rc == 0; i++)
			if (bsearch(f.host[i].name, h, n, sizeof(*h),
			    by_hostname) == NULL)
				rc = ddconf_render_kept(f.host[i].name,
				    f.host[i].set.kv, f.host[i].set.n, out, e);
	imp_free(&f);
	free(data);
	return rc;
}

/* write_config: key files, then ddclient's config, from the vetted rows
 * and the hosts kept from a hand-written configuration. */
static enum apply_status
write_config(const struct conf *c, enum ddv ver, const struct wire_apply *a,
    struct buf *rep, struct dd_err *e)
{
	struct host *h = NULL;
	struct buf b = { 0 };
	char *taken = NULL;
	size_t n = 0, ntaken = 0;
	enum apply_status st;
	int rc;

	if ((st = guard(c, a->take_over, &taken, &ntaken, e)) != APPLY_OK)
		return st;
	rc = taken != NULL ? keep(c, ver, taken, ntaken, a, e) : 0;
	free(taken);
	if (rc == -1)
		return APPLY_EWRITE;
	if (vetted(c, a, ver, &h, &n, e) == -1)
		return APPLY_EWRITE;
	n = keys(c, h, n, rep);
	rc = ddconf_render(c, ver, h, n, &b, e);
	if (rc == 0)
		rc = kept_blocks(c, ver, h, n, &b, e);
	if (rc == 0)
		rc = file_write_atomic(c->ddclient_conf, b.p, b.len, 0600,
		    c->ddclient_conf, e);
	if (rc == 0)
		tsig_prune(c, h, n);
	free(h);
	buf_free(&b);
	return rc == 0 ? APPLY_OK : APPLY_EWRITE;
}

int
apply_status_copy(const struct conf *c, struct dd_err *e)
{
	char path[PATH_MAX];
	struct cache_entry *ce = NULL;
	struct buf b = { 0 };
	size_t n = 0, i;
	int rc;

	if (!c->status_copy)
		return 0;
	if (cache_read(c->ddclient_cache, &ce, &n, e) == -1)
		return -1;
	apply_status_path(c, path, sizeof(path));
	rc = buf_printf(&b, "## ddns-admin: the list page's copy of %s\n",
	    c->ddclient_cache);
	/* Only what the page shows, in the cache's own format (cache_read
	 * reads it back); the parser's fields hold no ',' or ' '. */
	for (i = 0; i < n && rc != -1; i++)
		rc = buf_printf(&b, "atime=%lld,ip=%s,ipv4=%s,ipv6=%s,mtime=%lld,"
		    "status=%s,status-ipv4=%s,status-ipv6=%s %s\n", ce[i].atime,
		    ce[i].ip, ce[i].ip4, ce[i].ip6, ce[i].mtime, ce[i].status,
		    ce[i].status4, ce[i].status6, ce[i].host);
	/* 0640 in apply_dir: its group (the web server's, where the package
	 * made it setgid) reads it; nobody but us writes it. */
	if (rc == -1)
		rc = dd_fail(e, DD_ESYS, NULL, MSG_oom);
	else
		rc = file_write_atomic(path, b.p, b.len, 0640, NULL, e);
	buf_free(&b);
	free(ce);
	return rc;
}

int
apply_attempts_record(const struct conf *c, char *const *want,
    size_t nwant, struct dd_err *e)
{
	char path[PATH_MAX], *old = NULL;
	struct cache_entry *ce = NULL;
	struct att_list l = { 0 };
	struct buf b = { 0 };
	struct dd_err re;
	size_t n = 0, len = 0;
	int rc = -1;

	if (apply_path(c, APPLY_ATTEMPTS_FILE, path, sizeof(path)) == -1)
		return dd_failf(e, DD_ECONF, NULL, "apply_dir is too long");
	if (cache_read(c->ddclient_cache, &ce, &n, e) == -1)
		return -1;
	/* Our own record, in our own directory; a damaged one (a crash
	 * cannot make one: it is written atomically) starts afresh. */
	file_clean_temps(path);
	if (file_read(path, ATT_FILE_MAX, &old, &len, &re) == 0 &&
	    att_read(old, len, &l, &re) == -1) {
		fprintf(stderr, "ddns-apply: %s: %s; starting afresh\n", path,
		    re.msg);
		att_free(&l);
	}
	free(old);
	if (att_from_cache(&l, ce, n, want, nwant) == -1) {
		dd_fail(e, DD_ESYS, NULL, MSG_oom);
		goto out;
	}
	att_trim(&l, (size_t)c->attempts_per_host, (size_t)c->attempts_max);
	if (att_emit(&b, &l) == -1)
		dd_fail(e, DD_ESYS, NULL, MSG_oom);
	else
		rc = file_write_atomic(path, b.p, b.len, 0640, NULL, e);
out:
	buf_free(&b);
	att_free(&l);
	free(ce);
	return rc;
}

/*
 * cache_written_since: wait, at most tenths tenths of a second, until
 * ddclient's cache was written at or after since. ddclient starts its
 * postscript (us) in the background before it writes the cache of that
 * pass, and 3.11 may still show a sleeping title from before: the
 * cache's own time says when the pass is on disk.
 */
static void
cache_written_since(const char *cache, const struct timespec *since,
    int tenths)
{
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	struct stat st;

	while (tenths-- > 0) {
		if (stat(cache, &st) == 0 && (st.st_mtim.tv_sec > since->tv_sec ||
		    (st.st_mtim.tv_sec == since->tv_sec &&
		    st.st_mtim.tv_nsec >= since->tv_nsec)))
			return;
		nanosleep(&ts, NULL);
	}
}

enum apply_status
apply_status_refresh(const struct conf *c, char *const *want, size_t nwant,
    struct dd_err *e)
{
	struct timespec start;
	char path[PATH_MAX];
	struct dd_err busy;
	int one, wait, fd, rc;

	clock_gettime(CLOCK_REALTIME, &start);
	/*
	 * One at a time, and one waiting: the one that runs may have read
	 * the cache before this pass wrote it, so a second waits for it (with
	 * the deadline) and copies after; a third has nothing to add to what
	 * the waiting one will read, and leaves. Never a pile.
	 */
	if ((one = apply_lock(c, STATUS_LOCK_FILE, 0, &busy)) == -1) {
		if (busy.code != DD_EBUSY)
			return *e = busy, APPLY_ECONF;
		if ((wait = apply_lock(c, STATUS_WAIT_FILE, 0, &busy)) == -1)
			return busy.code == DD_EBUSY ? APPLY_OK :
			    (*e = busy, APPLY_ECONF);
		one = apply_lock(c, STATUS_LOCK_FILE, APPLY_LOCK_SECONDS, e);
		close(wait);
		if (one == -1)
			return e->code == DD_EBUSY ? APPLY_EBUSY : APPLY_ECONF;
	}
	/* Run by ddclient (with the addresses it set): its pass is on disk
	 * once it has written the cache; by hand: now. Waited for before the
	 * apply lock, which a Save's ddns-apply needs within its deadline. */
	if (nwant > 0)
		cache_written_since(c->ddclient_cache, &start, 300);
	daemon_wait_idle(c->ddclient_pid, 600);
	if ((fd = apply_lock(c, APPLY_LOCK_FILE, APPLY_LOCK_SECONDS, e)) == -1) {
		close(one);
		return e->code == DD_EBUSY ? APPLY_EBUSY : APPLY_ECONF;
	}
	apply_status_path(c, path, sizeof(path));
	if (c->status_copy)
		file_clean_temps(path);
	if (apply_attempts_record(c, want, nwant, e) == -1)
		fprintf(stderr, "ddns-status: attempts: %s\n", e->msg);
	rc = apply_status_copy(c, e);
	close(fd);
	close(one);
	return rc == 0 ? APPLY_OK : APPLY_EWRITE;
}

/*
 * source_links: the helper links of the web checks bound to an interface
 * (source.h: <apply_dir>/source/NAME.v4), each a symbolic link to the
 * checkip program (the first word of c->checkip), which reads its name
 * to know the source; ddclient runs them without arguments. Made under
 * root's apply_dir, replaced atomically. Returns 0, or -1 with e set.
 */
static int
source_links(const struct conf *c, struct dd_err *e)
{
	char dir[PATH_MAX], prog[PATH_MAX], tmp[PATH_MAX];
	const struct source_fam *f;
	size_t i, k;

	snprintf(prog, sizeof(prog), "%.*s", (int)strcspn(c->checkip, " "),
	    c->checkip);
	snprintf(dir, sizeof(dir), "%s/source", c->apply_dir);
	for (i = 0; i < c->nsrc; i++)
		for (k = 0; k < 2; k++) {
			f = &c->src[i].fam[k];
			if (*f->helper == '\0' || c->src[i].why != MSG_none)
				continue;
			if (mkdir(dir, 0755) == -1 && errno != EEXIST)
				return dd_failf(e, DD_ESYS, NULL, "cannot make "
				    "%s: %s", dir, strerror(errno));
			snprintf(tmp, sizeof(tmp), "%s.new", f->helper);
			(void)unlink(tmp);
			if (symlink(prog, tmp) == -1 ||
			    rename(tmp, f->helper) == -1)
				return dd_failf(e, DD_ESYS, NULL, "cannot link "
				    "%s: %s", f->helper, strerror(errno));
		}
	return 0;
}

enum apply_status
apply_run(const struct conf *c, const struct wire_apply *msg,
    struct dd_err *e)
{
	struct wire_apply saved = { 0 };
	const struct wire_apply *a = msg;
	struct buf rep = { 0 };
	char title[64];
	enum apply_status st;
	enum daemon_state ds;
	struct dd_err ve;
	struct dd_msg fm;
	enum ddv ver;
	int fd, cache_rc = 0;

	if ((fd = apply_lock(c, APPLY_LOCK_FILE, APPLY_LOCK_SECONDS, e)) == -1)
		return e->code == DD_EBUSY ? APPLY_EBUSY : APPLY_ECONF;
	if (a == NULL && recorded(c, &saved, e) == -1) {
		close(fd);
		return APPLY_EMSG;
	}
	if (a == NULL)
		a = &saved;
	/* Leftovers of an apply that was killed mid-write. */
	file_clean_temps(c->ddclient_conf);
	file_clean_temps(c->ddclient_cache);
	/* Unknown: write for Debian 12's, and say so (the page says it too). */
	if (ddver_resolve(c, &ver, &ve) == -1)
		fprintf(stderr, "ddns-apply: %s; writing for ddclient %s\n",
		    ve.msg, ddver_name(ver));
	if (source_links(c, e) == -1)
		fprintf(stderr, "ddns-apply: %s\n", e->msg);
	/* Config first: a ddclient waking in between must not resend with
	 * the old settings because its cache entry is already gone. */
	if ((st = write_config(c, ver, a, &rep, e)) != APPLY_OK) {
		/* The page names the real cause, not a guess. */
		buf_free(&rep);
		wire_report_begin(&rep);
		msg_set(&fm, MSG_apply_failed, e->msg);
		imp_emit_file(&rep, &fm);
		report_write(c, &rep);
		goto out;
	}
	if (a == msg && record(c, a, e) == -1)
		fprintf(stderr, "ddns-apply: %s\n", e->msg);
	report_write(c, &rep);
	/* A pass in progress would write the dropped entries back: let it
	 * end first (it is short unless a provider is slow to answer). */
	daemon_wait_idle(c->ddclient_pid, 30);
	/* Before the drop, which forgets the last attempt of a host. */
	if (apply_attempts_record(c, NULL, 0, e) == -1)
		fprintf(stderr, "ddns-apply: attempts: %s\n", e->msg);
	if (a->ndrop > 0)
		cache_rc = drop(c, a, e);
	/* The page's copy without the dropped entries, before the pass. */
	if (cache_rc == 0 && apply_status_copy(c, e) == -1)
		fprintf(stderr, "ddns-apply: status copy: %s\n", e->msg);
	ds = daemon_reload(c->ddclient_pid);
	st = from_daemon[ds];
	/* A failed drop wins over the daemon's state (which the list page
	 * shows anyway): the CGI unqueues the names on 0, 4, 5 and 6 only,
	 * so those must mean that the cache entries are gone. */
	if (cache_rc == -1)
		st = APPLY_ECACHE;
	else if (ds == DAEMON_NOTDDCLIENT) {
		daemon_title(c->ddclient_pid, title, sizeof(title));
		dd_failf(e, DD_ESYS, NULL, "ddclient not signalled: %s (%s: "
		    "\"%s\")", daemon_words[ds], c->ddclient_pid, title);
	} else if (st != APPLY_OK)
		dd_failf(e, DD_ESYS, NULL, "ddclient not signalled: %s",
		    daemon_words[ds]);
out:
	buf_free(&rep);
	wire_free(&saved);
	close(fd);
	return st;
}

/* mod_globals: the globals ddns-admin writes for version v, as read back
 * (what a file's daemon settings are compared with). */
static int
mod_globals(const struct conf *c, enum ddv v, struct imp_conf *mod,
    struct dd_err *e)
{
	struct buf b = { 0 };
	int rc;

	rc = ddconf_render(c, v, NULL, 0, &b, e);
	if (rc == 0)
		rc = imp_parse(b.p ? b.p : "", b.len, v, mod, e);
	buf_free(&b);
	return rc;
}

/* import_hosts: every host of f as a row on out (its source from c's); the notes and the
 * validators' refusals on err. Returns how many things were not taken. */
static size_t
import_hosts(const struct conf *c, const struct imp_conf *f, enum ddv v,
    const struct imp_set *mod, struct buf *out, FILE *err)
{
	struct dd_err why[HF__MAX];
	const char *in[HF__MAX];
	char text[MSG_TEXT_SZ];
	struct imp_row row;
	struct host h;
	size_t i, k, bad = 0;
	int fl;

	for (i = 0; i < f->nhost; i++) {
		imp_take(f, i, v, mod, c, &row);
		imp_emit_row(out, f->host[i].name, &row);
		for (k = 0; k < row.nnote; k++)
			fprintf(err, "ddns-apply: %s: %s: %s\n", f->host[i].name,
			    row.note[k].refused ? "not taken over" :
			    "taken over without a setting",
			    msg_english(&row.note[k].m, text, sizeof(text)));
		bad += row.nnote;
		if (row.refused)
			continue;
		for (fl = 0; fl < HF__MAX; fl++)
			in[fl] = host_field(&row.in, fl, NULL);
		if (val_host(in, NULL, v, &h, why) == 0)
			continue;
		for (fl = 0; fl < HF__MAX; fl++)
			if (why[fl].m.id != MSG_none)
				fprintf(err, "ddns-apply: %s: not taken over: "
				    "%s: %s\n", f->host[i].name,
				    host_field_name(fl), why[fl].msg);
		bad++;
	}
	return bad;
}

enum apply_status
apply_import(const struct conf *c, const char *path, FILE *out, FILE *err,
    struct dd_err *e)
{
	struct imp_conf f = { 0 }, mod = { 0 };
	struct dd_msg notes[IMP_NOTES_MAX], ours;
	struct buf b = { 0 };
	struct dd_err ve;
	enum ddv v;
	char *data = NULL, text[MSG_TEXT_SZ];
	size_t n, i, nnotes, bad = 0;
	enum apply_status st = APPLY_ECONF;

	if (path == NULL)
		path = c->ddclient_conf;
	if (ddver_resolve(c, &v, &ve) == -1)
		fprintf(stderr, "ddns-apply: %s; reading as ddclient %s\n",
		    ve.msg, ddver_name(v));
	if (file_read(path, CONF_READ_MAX, &data, &n, e) == -1)
		return APPLY_ECONF;
	imp_emit_begin(&b);
	if (n > 0 && ddconf_ours(data, n)) {
		msg_set(&ours, MSG_imp_ours);
		imp_emit_file(&b, &ours);
		fprintf(err, "ddns-apply: %s was written by ddns-admin: "
		    "nothing to import\n", path);
		bad++;
	} else {
		if (imp_parse(data, n, v, &f, e) == -1 ||
		    mod_globals(c, v, &mod, e) == -1)
			goto out;
		nnotes = imp_file_notes(&f, &mod.globals, notes, IMP_NOTES_MAX);
		for (i = 0; i < f.nwarn; i++) {
			imp_emit_file(&b, &f.warn[i]);
			fprintf(err, "ddns-apply: %s: ddclient warns: %s\n", path,
			    msg_english(&f.warn[i], text, sizeof(text)));
			bad++;
		}
		for (i = 0; i < nnotes; i++) {
			imp_emit_file(&b, &notes[i]);
			fprintf(err, "ddns-apply: %s: %s\n", path,
			    msg_english(&notes[i], text, sizeof(text)));
			bad++;
		}
		bad += import_hosts(c, &f, v, &mod.globals, &b, err);
	}
	imp_emit_end(&b);
	if (b.oom) {
		dd_fail(e, DD_ESYS, NULL, MSG_oom);
		goto out;
	}
	fwrite(b.p, 1, b.len, out);
	if (fflush(out) == EOF) {
		dd_failf(e, DD_ESYS, NULL, "cannot write the hosts out");
		goto out;
	}
	st = bad ? APPLY_EIMPORT : APPLY_OK;
	if (bad)
		dd_failf(e, DD_EINVAL, NULL, "not everything in %s was taken "
		    "over (notes: %zu)", path, bad);
out:
	imp_free(&f);
	imp_free(&mod);
	buf_free(&b);
	free(data);
	return st;
}

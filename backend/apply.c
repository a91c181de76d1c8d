/* apply.c: database -> ddclient.conf -> cache -> SIGHUP, under one lock. */
#include <errno.h>
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
#include "ddver.h"
#include "fileio.h"
#include "import.h"
#include "store.h"
#include "tsig.h"
#include "validate.h"

static const struct apply_outcome outcomes[] = {
	{ APPLY_OK,		"ok",		"ok",		1 },
	{ APPLY_ESUDO,		"esudo",	"error",	0 },
	{ APPLY_EDB,		"edb",		"error",	0 },
	{ APPLY_EWRITE,		"ewrite",	"error",	0 },
	{ APPLY_NOTRUNNING,	"notrunning",	"warn",		1 },
	{ APPLY_NOTDDCLIENT,	"notddclient",	"warn",		1 },
	{ APPLY_EPERM,		"eperm",	"warn",		1 },
	{ APPLY_ECACHE,		"ecache",	"warn",		0 },
	{ APPLY_ECONF,		"econf",	"error",	0 },
	{ APPLY_EFOREIGN,	"eforeign",	"error",	0 },
	{ APPLY_EIMPORT,	"eimport",	"warn",		0 },
	{ APPLY_ESTART,		"estart",	"error",	0 },
};
_Static_assert(sizeof(outcomes) / sizeof(outcomes[0]) == APPLY__MAX + 1,
    "one outcome per exit code, and the start failure");

/* The daemon's states as the list page words them (code: the state). */
static const struct apply_outcome daemon_outcomes[DAEMON__MAX] = {
	[DAEMON_OK] = { DAEMON_OK, "running", "ok", 0 },
	[DAEMON_NOPID] = { DAEMON_NOPID, "nopid", "warn", 0 },
	[DAEMON_BADPID] = { DAEMON_BADPID, "badpid", "warn", 0 },
	[DAEMON_STALE] = { DAEMON_STALE, "stale", "warn", 0 },
	[DAEMON_NOTDDCLIENT] = { DAEMON_NOTDDCLIENT, "notddclient", "warn", 0 },
	[DAEMON_EPERM] = { DAEMON_EPERM, "eperm", "warn", 0 },
	[DAEMON_PIDEACCES] = { DAEMON_PIDEACCES, "pideacces", "warn", 0 },
	[DAEMON_PIDEREAD] = { DAEMON_PIDEREAD, "pideread", "warn", 0 },
};

const struct apply_outcome *
apply_outcome(int code)
{
	size_t i;

	for (i = 0; i < sizeof(outcomes) / sizeof(outcomes[0]); i++)
		if ((int)outcomes[i].code == code)
			return &outcomes[i];
	return NULL;
}

const struct apply_outcome *
apply_daemon_outcome(int state)
{
	if (state < 0 || state >= DAEMON__MAX || daemon_outcomes[state].key ==
	    NULL)
		return NULL;
	return &daemon_outcomes[state];
}

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
	/* state_dir is the web server's user's: a link planted there must
	 * not make us create or open a file elsewhere. */
	if ((fd = file_open_safe(path, O_RDWR | O_CREAT, 0600, e)) == -1)
		return -1;
	if (flock(fd, LOCK_EX) == -1) {
		close(fd);
		return dd_failf(e, DD_ESYS, NULL, "cannot lock %s", path);
	}
	return fd;
}

/*
 * plain_http: would ddclient send this host's login and password over
 * plain HTTP (a protocol that goes HTTPS only through ssl=yes, with
 * ddclient_ssl = no) without the integrator's plain_http naming its
 * provider? Then it says why in m.
 */
static int
plain_http(const struct conf *c, const struct host *h, struct dd_msg *m)
{
	const struct provider *p = prov_find(h->provider);
	const struct protocol *pr;

	if (c->ddclient_ssl || p == NULL ||
	    (pr = proto_find(prov_protocol(p, h->protocol))) == NULL ||
	    !(pr->flags & PF_SSL_GLOBAL) || conf_plain_http_ok(c, p->id))
		return 0;
	msg_set(m, MSG_plain_http, p->id);
	return 1;
}

/*
 * other_account: ddclient updates every host of a PF_ONE_ACCOUNT protocol
 * with the first one's server and account (freedns): a host of another is
 * refused, naming the first. first[k] is the row let through first for
 * protocol index k, or NULL.
 */
static int
other_account(const struct host *h, const struct host **first,
    struct dd_msg *m)
{
	const struct provider *p = prov_find(h->provider);
	const struct protocol *pr;
	const struct host *f;
	size_t k;

	if (p == NULL || (pr = proto_find(prov_protocol(p, h->protocol))) ==
	    NULL || !(pr->flags & PF_ONE_ACCOUNT))
		return 0;
	for (k = 0; proto_at(k) != pr; k++)
		;
	if ((f = first[k]) == NULL) {
		first[k] = h;
		return 0;
	}
	if (strcmp(f->login, h->login) == 0 &&
	    strcmp(f->password, h->password) == 0 &&
	    strcmp(prov_find(f->provider)->flags & PF_SERVER ? f->server :
	    prov_find(f->provider)->server, (p->flags & PF_SERVER) ? h->server :
	    p->server) == 0)
		return 0;
	msg_set(m, MSG_other_account, pr->name, f->hostname);
	return 1;
}

size_t
apply_vet(const struct conf *c, struct host *h, size_t n, enum ddv ver,
    struct vet *why)
{
	struct dd_err fw[HF__MAX];
	struct host canon;
	const char *last = "";	/* the hostname last let through */
	const struct host **first;
	size_t i, bad = 0;
	int f;

	if ((first = calloc(proto_count(), sizeof(*first))) == NULL) {
		for (i = 0; i < n; i++) {
			why[i].field = HF_HOSTNAME;
			msg_set(&why[i].m, MSG_oom);
		}
		return n;
	}

	for (i = 0; i < n; i++) {
		why[i].field = -1;
		why[i].m.id = MSG_none;
		if (val_stored(&h[i], ver, &canon, fw) > 0) {
			for (f = 0; fw[f].m.id == MSG_none; f++)
				;
			why[i].field = f;
			why[i].m = fw[f].m;
		} else if (strcmp(canon.hostname, last) == 0) {
			why[i].field = HF_HOSTNAME;
			msg_set(&why[i].m, MSG_stored_duplicate);
		} else if (plain_http(c, &canon, &why[i].m)) {
			why[i].field = HF_PROVIDER;
		} else {
			h[i] = canon;
			last = h[i].hostname;
			if (h[i].enabled && other_account(&h[i], first,
			    &why[i].m))
				why[i].field = HF_LOGIN;
		}
		bad += why[i].field != -1;
	}
	free(first);
	return bad;
}

/* vetted: the rows that may reach ddclient, canonical, into *ok (caller
 * frees); the others are named on stderr, the web server's error log. */
static int
vetted(const struct conf *c, struct store *s, enum ddv ver, struct host **ok,
    size_t *nok, struct dd_err *e)
{
	char text[MSG_TEXT_SZ];
	struct vet *why;
	struct host *h;
	size_t n, i, k = 0;

	if (store_list(s, &h, &n, e) == -1)
		return -1;
	if ((why = calloc(n + 1, sizeof(*why))) == NULL) {
		free(h);
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	}
	apply_vet(c, h, n, ver, why);
	for (i = 0; i < n; i++)
		if (why[i].field == -1)
			h[k++] = h[i];
		else
			fprintf(stderr, "ddns-apply: row %lld left out of "
			    "ddclient's configuration: %s: %s\n", h[i].id,
			    host_field_name(why[i].field),
			    msg_english(&why[i].m, text, sizeof(text)));
	free(why);
	*ok = h;
	*nok = k;
	return 0;
}

/* The largest ddclient configuration read (to keep or to import). */
#define CONF_READ_MAX	(1 << 20)

/*
 * guard: may ddclient_conf be replaced? Yes when it does not exist, is
 * empty or was written by us; else only when the same text is kept at
 * <ddclient_conf>.before-ddns-admin, which take_over makes (0600, with
 * the original's owner, never over an existing file).
 */
static enum apply_status
guard(const struct conf *c, int take_over, struct dd_err *e)
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
	    memcmp(old, data, n) == 0)
		goto out;
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

/* write_config: key files, then ddclient's config, from the vetted rows. */
static enum apply_status
write_config(const struct conf *c, enum ddv ver, struct store *s,
    int take_over, struct dd_err *e)
{
	struct host *h = NULL;
	struct buf b = { 0 };
	size_t n = 0;
	enum apply_status st;
	int rc;

	if ((st = guard(c, take_over, e)) != APPLY_OK)
		return st;
	if (vetted(c, s, ver, &h, &n, e) == -1)
		return APPLY_EDB;
	rc = tsig_write(c, h, n, e);
	if (rc == 0)
		rc = ddconf_render(c, ver, h, n, &b, e);
	if (rc == 0)
		rc = file_write_atomic(c->ddclient_conf, b.p, b.len, 0600,
		    c->ddclient_conf, e);
	if (rc == 0)
		tsig_prune(c, h, n);
	free(h);
	buf_free(&b);
	return rc == 0 ? APPLY_OK : APPLY_EWRITE;
}

/* drop_pending: forget ddclient's cached state of the changed hosts.
 * The queue is left as it is: we may not write the database, so the CGI
 * unqueues what it read before starting us (see run_apply). */
static int
drop_pending(const struct conf *c, struct store *s, struct dd_err *e)
{
	char **names;
	size_t n;
	int rc;

	if (store_pending(s, &names, &n, e) == -1)
		return -1;
	rc = cache_drop(c->ddclient_cache, names, n, e);
	store_free_names(names, n);
	return rc;
}

void
apply_status_path(const struct conf *c, char *out, size_t size)
{
	if (c->status_copy)
		snprintf(out, size, "%s/" APPLY_STATUS_FILE, c->state_dir);
	else
		snprintf(out, size, "%s", c->ddclient_cache);
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
	/* Owned like the database: the page, as its user, opens nothing
	 * that is neither its own nor its directory owner's. */
	if (rc == -1)
		rc = dd_fail(e, DD_ESYS, NULL, MSG_oom);
	else
		rc = file_write_atomic(path, b.p, b.len, 0600, c->database, e);
	buf_free(&b);
	free(ce);
	return rc;
}

enum apply_status
apply_status_refresh(const struct conf *c, struct dd_err *e)
{
	char path[PATH_MAX];
	int fd, rc;

	if ((fd = lock(c, e)) == -1)
		return APPLY_EWRITE;
	daemon_wait_idle(c->ddclient_pid, 600);
	apply_status_path(c, path, sizeof(path));
	if (c->status_copy)
		file_clean_temps(path);
	rc = apply_status_copy(c, e);
	close(fd);
	return rc == 0 ? APPLY_OK : APPLY_EWRITE;
}

enum apply_status
apply_run(const struct conf *c, int take_over, struct dd_err *e)
{
	enum apply_status st;
	enum daemon_state ds;
	struct dd_err ve;
	struct store *s;
	enum ddv ver;
	int fd, cache_rc;

	if ((fd = lock(c, e)) == -1)
		return APPLY_EWRITE;
	/* Read-only: the file is the web server's user's (DESIGN.md, The
	 * trust boundary); we never create, migrate or write it. */
	if ((s = store_open_readonly(c->database, e)) == NULL) {
		close(fd);
		return APPLY_EDB;
	}
	/* Leftovers of an apply that was killed mid-write. */
	file_clean_temps(c->ddclient_conf);
	file_clean_temps(c->ddclient_cache);
	/* Config first: a ddclient waking in between must not resend with
	 * the old settings because its cache entry is already gone. */
	/* Unknown: write for Debian 12's, and say so (the page says it too). */
	if (ddver_resolve(c, &ver, &ve) == -1)
		fprintf(stderr, "ddns-apply: %s; writing for ddclient %s\n",
		    ve.msg, ddver_name(ver));
	if ((st = write_config(c, ver, s, take_over, e)) != APPLY_OK)
		goto out;
	/* A pass in progress would write the dropped entries back: let it
	 * end first (it is short unless a provider is slow to answer). */
	daemon_wait_idle(c->ddclient_pid, 30);
	cache_rc = drop_pending(c, s, e);
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
	else if (st != APPLY_OK)
		dd_failf(e, DD_ESYS, NULL, "ddclient not signalled: %s",
		    daemon_words[ds]);
out:
	store_close(s);
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

/* import_hosts: every host of f as a row on out; the notes and the
 * validators' refusals on err. Returns how many things were not taken. */
static size_t
import_hosts(const struct imp_conf *f, enum ddv v, const struct imp_set *mod,
    struct buf *out, FILE *err)
{
	struct dd_err why[HF__MAX];
	const char *in[HF__MAX];
	char text[MSG_TEXT_SZ];
	struct imp_row row;
	struct host h;
	size_t i, k, bad = 0;
	int fl;

	for (i = 0; i < f->nhost; i++) {
		imp_take(f, i, v, mod, &row);
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
		bad += import_hosts(&f, v, &mod.globals, &b, err);
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

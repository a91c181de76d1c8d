/* apply.h: make ddclient follow the database (ddns-apply's work). */
#ifndef DDNS_APPLY_H
#define DDNS_APPLY_H

#include <stddef.h>
#include <stdio.h>

#include "conf.h"
#include "err.h"
#include "host.h"
#include "validate.h"

/* ddns-apply's exit codes. Their words and looks are apply_outcome's
 * table (apply.c); the list page and the README name them from there. */
enum apply_status {
	APPLY_OK = 0,		/* config written, ddclient signalled */
	/* Never an exit of ddns-apply: 1 is what sudo exits with when it
	 * refuses to run it (no rule for this user, or a password asked),
	 * so the page can tell that apart from everything ddns-apply says. */
	APPLY_ESUDO = 1,
	APPLY_EDB = 2,		/* the database could not be read */
	APPLY_EWRITE = 3,	/* config not written; the old one stays */
	APPLY_NOTRUNNING = 4,	/* written; ddclient is not running */
	APPLY_NOTDDCLIENT = 5,	/* written; the pid file names another program */
	APPLY_EPERM = 6,	/* written; no permission to signal ddclient */
	APPLY_ECACHE = 7,	/* written; cache not updated */
	APPLY_ECONF = 8,	/* bad usage or module configuration */
	APPLY_EFOREIGN = 9,	/* not written: the file there is not ours and
				 * not kept beside it (import it first) */
	APPLY_EIMPORT = 10,	/* --import: not everything could be taken */
	APPLY__MAX,
	/* Not an exit of ddns-apply: the CGI could not start it (as a
	 * shell's 127 for a command not found). */
	APPLY_ESTART = 127
};

/* What an outcome means to the page: the key of its text (Lang.Apply.<key>
 * in lang/en.hdf and it.hdf), its look (ok, warn, error) and whether the cache
 * entries of the queued names are gone (so the queue may be emptied). */
struct apply_outcome {
	int			 code;	/* enum apply_status, or daemon_state */
	const char		*key;
	const char		*kind;
	int			 dropped;
};

/* apply_outcome: the row of code, or NULL for a code no row names. */
const struct apply_outcome *apply_outcome(int code);

/* apply_daemon_outcome: the key and look of a daemon_state (daemon.h),
 * for the list page's line about ddclient (Lang.Daemon.<key>). */
const struct apply_outcome *apply_daemon_outcome(int state);

/* What a configuration the module did not write is kept as, beside it. */
#define APPLY_KEPT_SUFFIX	".before-ddns-admin"

/*
 * apply_run: under an exclusive lock (so two saves never interleave),
 * render ddclient's configuration from the database and write it
 * atomically, drop the pending hosts from ddclient's cache, and SIGHUP
 * ddclient. Takes nothing from any request, and only reads the database
 * (store_open_readonly): unqueueing and trimming are the CGI's. A
 * ddclient_conf this module did not write (no DDCONF_HEADER) is replaced
 * only once the very same text is kept beside it (APPLY_KEPT_SUFFIX):
 * with take_over set, apply_run keeps it there first (0600, never over
 * another file); without, it writes nothing and returns APPLY_EFOREIGN.
 * Returns an apply_status; e says more when it is not APPLY_OK.
 */
enum apply_status apply_run(const struct conf *c, int take_over,
    struct dd_err *e);

/*
 * apply_import: read the ddclient configuration at path (NULL: the
 * configured ddclient_conf) as the ddclient written for reads it, and
 * print its hosts on out in import.h's line format, what is not taken
 * over also on err, a line each. Opens path by file_open_safe, runs and
 * writes nothing. Returns APPLY_OK when every host was taken whole,
 * APPLY_EIMPORT when something was not (or the file is the module's
 * own), APPLY_ECONF when path cannot be read; e says why.
 */
enum apply_status apply_import(const struct conf *c, const char *path,
    FILE *out, FILE *err, struct dd_err *e);

/*
 * The status copy, for the packaged layout: ddclient runs as root and
 * keeps its cache 0600 (it resets the mode on every pass), so the list
 * page, as the web server's user, cannot read it. With status_copy = yes
 * the root side writes what the page shows of it (per host: address,
 * status, times; nothing else) to state_dir/APPLY_STATUS_FILE, owned like
 * the database, and the page reads that instead: after every save
 * (apply_run) and after every update pass (ddclient's postscript is
 * ddns-status, which runs apply_status_refresh).
 */
#define APPLY_STATUS_FILE	"ddclient.status"

/* apply_status_path: the cache file the list page reads: the status copy
 * when status_copy is on, else ddclient's cache. Into out (size bytes). */
void apply_status_path(const struct conf *c, char *out, size_t size);

/*
 * apply_status_copy: write the status copy from ddclient's cache now,
 * atomically (never through a link planted in state_dir). The caller
 * holds the apply lock. Returns 0 (also when status_copy is off), or -1
 * with e set.
 */
int apply_status_copy(const struct conf *c, struct dd_err *e);

/*
 * apply_status_refresh: ddns-status, ddclient's postscript. ddclient
 * starts it before writing its cache, so: take the apply lock, wait until
 * the pass has ended (ddclient sleeping or gone, at most 60 s), then
 * apply_status_copy. Returns an apply_status (APPLY_OK, APPLY_EWRITE).
 */
enum apply_status apply_status_refresh(const struct conf *c,
    struct dd_err *e);

/* Why a row was left out: the field (enum hfield) and the reason (by key:
 * the list page words it in its language, ddns-apply in English), or
 * field -1 for a row that is written. */
struct vet {
	int		 field;
	struct dd_msg	 m;
};

/*
 * apply_vet: the trust boundary. The database belongs to the web server's
 * user, so ddns-apply checks each of the n rows at h (ordered by hostname,
 * as store_list gives them) again with the form's validators (val_stored)
 * for ddclient version ver, and refuses a second row with a hostname
 * already taken. A good row is
 * replaced by its canonical form and gets why[i].field = -1; a bad one keeps
 * its values and gets why[i] = { field, reason } and is left out of
 * ddclient's configuration. So is a row whose credentials ddclient would
 * send over plain HTTP (c's ddclient_ssl off, a protocol that is HTTPS
 * only through ssl=yes) unless c's plain_http names its provider. The
 * list page asks the same to show it. Returns the number of rows left
 * out. Pure.
 */
size_t apply_vet(const struct conf *c, struct host *h, size_t n,
    enum ddv ver, struct vet *why);

#endif

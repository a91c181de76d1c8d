/* apply.h: make ddclient follow the database (ddns-apply's work). */
#ifndef DDNS_APPLY_H
#define DDNS_APPLY_H

#include <stddef.h>

#include "conf.h"
#include "err.h"
#include "host.h"
#include "validate.h"

/* ddns-apply's exit codes. Their words and looks are apply_outcome's
 * table (apply.c); the list page and the README name them from there. */
enum apply_status {
	APPLY_OK = 0,		/* config written, ddclient signalled */
	APPLY_ECONF = 1,	/* bad usage or module configuration */
	APPLY_EDB = 2,		/* the database could not be read */
	APPLY_EWRITE = 3,	/* config not written; the old one stays */
	APPLY_NOTRUNNING = 4,	/* written; ddclient is not running */
	APPLY_NOTDDCLIENT = 5,	/* written; the pid file names another program */
	APPLY_EPERM = 6,	/* written; no permission to signal ddclient */
	APPLY_ECACHE = 7,	/* written; cache not updated */
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

/*
 * apply_run: under an exclusive lock (so two saves never interleave),
 * render ddclient's configuration from the database and write it
 * atomically, drop the pending hosts from ddclient's cache, and SIGHUP
 * ddclient. Takes nothing from any request, and only reads the database
 * (store_open_readonly): unqueueing and trimming are the CGI's. Returns
 * an apply_status; e says more when it is not APPLY_OK.
 */
enum apply_status apply_run(const struct conf *c, struct dd_err *e);

/* Why a row was left out: the field (enum hfield) and the reason, or
 * field -1 for a row that is written. */
struct vet {
	int	 field;
	char	 msg[VAL_WHY];
};

/*
 * apply_vet: the trust boundary. The database belongs to the web server's
 * user, so ddns-apply checks each of the n rows at h (ordered by hostname,
 * as store_list gives them) again with the form's validators (val_stored)
 * for ddclient version ver, and refuses a second row with a hostname
 * already taken. A good row is
 * replaced by its canonical form and gets why[i].field = -1; a bad one keeps
 * its values and gets why[i] = { field, reason } and is left out of
 * ddclient's configuration. The list page asks the same to show it.
 * Returns the number of rows left out. Pure.
 */
size_t apply_vet(struct host *h, size_t n, enum ddv ver, struct vet *why);

#endif

/* apply.h: make ddclient follow the database (ddns-apply's work). */
#ifndef DDNS_APPLY_H
#define DDNS_APPLY_H

#include "conf.h"
#include "err.h"

/* ddns-apply's exit codes; the list page words each one (README too).
 * 0, 4, 5 and 6 also mean that the pending hosts' cache entries were
 * dropped: the CGI then unqueues them. */
enum apply_status {
	APPLY_OK = 0,		/* config written, ddclient signalled */
	APPLY_ECONF = 1,	/* bad usage or module configuration */
	APPLY_EDB = 2,		/* the database could not be read (or is
				 * not at STORE_VERSION) */
	APPLY_EWRITE = 3,	/* config not written; the old one stays */
	APPLY_NOTRUNNING = 4,	/* written; ddclient is not running */
	APPLY_NOTDDCLIENT = 5,	/* written; the pid file names another program */
	APPLY_EPERM = 6,	/* written; no permission to signal ddclient */
	APPLY_ECACHE = 7,	/* written and signalled (if it runs); cache
				 * not updated */
	APPLY__MAX
};

/*
 * apply_run: under an exclusive lock (so two saves never interleave),
 * render ddclient's configuration from the database and write it
 * atomically, drop the pending hosts from ddclient's cache, and SIGHUP
 * ddclient. Takes nothing from any request, and only reads the database
 * (store_open_readonly): unqueueing and trimming are the CGI's. Returns
 * an apply_status; e says more when it is not APPLY_OK.
 */
enum apply_status apply_run(const struct conf *c, struct dd_err *e);

#endif

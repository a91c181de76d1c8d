/* apply.h: make ddclient follow the rows the web side hands over
 * (ddns-apply's and ddns-status's work; root side only, boundary.h). */
#ifndef DDNS_APPLY_H
#define DDNS_APPLY_H

#include <stddef.h>
#include <stdio.h>

#include "conf.h"
#include "err.h"
#include "host.h"
#include "boundary.h"
#include "validate.h"
#include "vet.h"

/*
 * apply_dir_ok: is c->apply_dir fit to hold the root side's state? It
 * must be a directory of the effective user (made 0700 when missing),
 * never a link, closed to writes by group and others, below directories
 * that only root or that user can change (or sticky ones). Returns 0, or
 * -1 with e set (DD_ECONF).
 */
int apply_dir_ok(const struct conf *c, struct dd_err *e);

/*
 * apply_lock: open (0600, never through a link) and lock apply_dir/name,
 * waiting at most seconds (0: not at all). Returns the descriptor (its
 * close releases the lock), or -1 with e set: DD_EBUSY when another
 * process held it past the deadline.
 */
int apply_lock(const struct conf *c, const char *name, int seconds,
    struct dd_err *e);

/*
 * apply_read_message: read one apply message (boundary.h) from fd, at
 * most WIRE_MSG_MAX bytes within WIRE_READ_SECONDS, and parse it into *a
 * (free with wire_free, also on failure). Returns 0, or -1 with e set:
 * nothing is taken from a message that is late, too large or malformed.
 */
int apply_read_message(int fd, struct wire_apply *a, struct dd_err *e);

/*
 * apply_run: under root's lock (APPLY_LOCK_SECONDS at most), make
 * ddclient follow the rows of msg, or with msg NULL the rows last applied
 * (APPLY_ROWS_FILE): vet each again (apply_vet), write the key files and
 * ddclient's configuration atomically from the good ones, leaving out a
 * host that fails (named in APPLY_REPORT_FILE with why, never the
 * others); record msg's rows; drop msg's names from ddclient's cache;
 * write the status copy; SIGHUP ddclient. A ddclient_conf this module did
 * not write (no DDCONF_HEADER) is replaced only once the very same text
 * is kept beside it (APPLY_KEPT_SUFFIX): with msg's take_over set,
 * apply_run keeps it there first (0600, never over another file);
 * without, it writes nothing and returns APPLY_EFOREIGN. Returns an
 * apply_status; e says more when it is not APPLY_OK.
 */
enum apply_status apply_run(const struct conf *c,
    const struct wire_apply *msg, struct dd_err *e);

/*
 * apply_import: read the ddclient configuration at path (NULL: the
 * configured ddclient_conf) as the ddclient written for reads it, and
 * print its hosts on out in the import reply (boundary.h), what is not taken
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
 * status, times; nothing else) to apply_dir/APPLY_STATUS_FILE (0640, the
 * directory's group), and the page reads that instead: after every save
 * (apply_run) and after every update pass (ddclient's postscript is
 * ddns-status, which runs apply_status_refresh).
 */

/*
 * apply_status_copy: write the status copy from ddclient's cache now,
 * atomically (never through a link). The caller holds the apply lock. Returns 0 (also when status_copy is off), or -1
 * with e set.
 */
int apply_status_copy(const struct conf *c, struct dd_err *e);

/*
 * apply_attempts_record: add to apply_dir/APPLY_ATTEMPTS_FILE (0640,
 * written atomically, never through a link) each host and family whose
 * attempt time in ddclient's cache is newer than the record's newest of
 * them, bounded by attempts_per_host and attempts_max (attempts.h).
 * want[0..nwant) are the addresses ddclient wanted on its last pass (its
 * postscript's arguments; none from ddns-apply): a failed attempt is
 * recorded with the wanted address of its family when there is exactly
 * one. In both layouts: also when status_copy is off. The caller holds
 * the apply lock. Returns 0, or -1 with e set.
 */
int apply_attempts_record(const struct conf *c, char *const *want,
    size_t nwant, struct dd_err *e);

/*
 * apply_status_refresh: ddns-status, ddclient's postscript. ddclient
 * starts it before writing its cache, so: one at a time, one waiting
 * (a third leaves: the waiting one reads after it), take the apply lock (with its
 * deadline), wait until the pass has ended (ddclient sleeping or gone, at
 * most 60 s), then apply_attempts_record (with want[0..nwant), the
 * addresses ddclient gave it) and apply_status_copy. Returns an
 * apply_status (APPLY_OK, APPLY_EBUSY, APPLY_EWRITE, APPLY_ECONF).
 */
enum apply_status apply_status_refresh(const struct conf *c,
    char *const *want, size_t nwant, struct dd_err *e);

#endif

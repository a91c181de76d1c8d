/*
 * boundary.h: everything that crosses the privilege boundary, in one
 * place (the README's Security section says it in prose).
 *
 * Two sides. The web side is the web server's user: ddns.cgi, and
 * ddns-migrate, which the package runs as that user. It owns the
 * database and state_dir, so everything in them is web input. The root
 * side is ddns-apply (through the one sudo rule), ddns-status (ddclient's
 * postscript) and ddclient itself. The root side:
 *   - reads from the web side exactly one thing, the apply message below,
 *     on ddns-apply's standard input: capped, read with a deadline,
 *     parsed strictly, every row checked again by the form's validators;
 *   - never opens the database (ddns-apply and ddns-status do not link
 *     SQLite: `make boundary` checks it), nor any file in a directory the
 *     web side can write; its own state lives in apply_dir, a directory
 *     of its own user, checked on every run (apply_dir_ok);
 *   - waits on nothing the web side can hold: its locks are in apply_dir,
 *     taken with a deadline;
 *   - takes no program, path or URL from a row: those come from the
 *     module configuration, which root owns.
 * Code only the root side runs is not linked into ddns.cgi (`make
 * boundary` checks that too): the Makefile's ROOT_SRC.
 *
 * What crosses, and in which direction:
 *   web -> root   the apply message (stdin of ddns-apply --message)
 *   web -> root   the command words (WIRE_ARG_*), fixed by the sudo rule
 *   root -> web   ddns-apply's exit code (enum apply_status)
 *   root -> web   the import reply (stdout of ddns-apply --import)
 *   root -> web   files in apply_dir the page reads: the status copy, the
 *                 report and the attempts (APPLY_STATUS_FILE,
 *                 APPLY_REPORT_FILE, APPLY_ATTEMPTS_FILE), mode 0640, group the directory's (the package makes it
 *                 setgid to the web server's group)
 * Nothing else: the web side reads no other file of root's but
 * ddclient's configuration where its mode lets it (the config page).
 */
#ifndef DDNS_BOUNDARY_H
#define DDNS_BOUNDARY_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "conf.h"
#include "host.h"

/* ---- the command words (a sudo rule names each line whole) ---- */

#define WIRE_ARG_MESSAGE	"--message"	/* apply the message on stdin */
#define WIRE_ARG_IMPORT		"--import"	/* print ddclient_conf's hosts */

/* ---- root's files, in apply_dir ---- */

#define APPLY_ROWS_FILE		"applied"	 /* 0600: the rows last applied */
#define APPLY_LOCK_FILE		"apply.lock"	 /* 0600: one apply at a time */
#define STATUS_LOCK_FILE	"status.lock"	 /* 0600: one ddns-status runs */
#define STATUS_WAIT_FILE	"status.wait"	 /* 0600: and one waits */
#define APPLY_STATUS_FILE	"ddclient.status" /* 0640: the page's copy */
#define APPLY_REPORT_FILE	"apply.report"	 /* 0640: what was left out */
/* 0640: ddclient's update attempts, bounded, in attempts.h's strict
 * line format (att_read refuses anything else, and more than its caps). */
#define APPLY_ATTEMPTS_FILE	"attempts"
/* The hosts of a hand-written ddclient configuration that the page could
 * not take over, kept as ddclient read them: their blocks (0600, written
 * into every configuration), and their names with why (0640, the
 * report's format: the list page shows them read-only). */
#define APPLY_KEPT_CONF		"kept.conf"
#define APPLY_KEPT_FILE		"kept"

/* What a configuration the module did not write is kept as, beside it
 * (the Import page names it). */
#define APPLY_KEPT_SUFFIX	".before-ddns-admin"

/* The longest the root side waits for its lock, and for the message. */
#define APPLY_LOCK_SECONDS	20
#define WIRE_READ_SECONDS	10

/*
 * apply_path: apply_dir/name into out (size bytes). Returns 0, or -1 when
 * it does not fit.
 */
int apply_path(const struct conf *c, const char *name, char *out,
    size_t size);

/* apply_status_path: the cache file the list page reads: the status copy
 * when status_copy is on, else ddclient's cache. Into out (size bytes). */
void apply_status_path(const struct conf *c, char *out, size_t size);

/* ---- ddns-apply's exit codes ---- */

/* Their words and looks are apply_outcome's table (boundary.c); the list
 * page and the README name them from there. */
enum apply_status {
	APPLY_OK = 0,		/* config written, ddclient signalled */
	/* Never an exit of ddns-apply: 1 is what sudo exits with when it
	 * refuses to run it (no rule for this user, or a password asked),
	 * so the page can tell that apart from everything ddns-apply says. */
	APPLY_ESUDO = 1,
	APPLY_EMSG = 2,		/* the message was refused (cut, too large,
				 * malformed, late), or none applied yet */
	APPLY_EWRITE = 3,	/* config not written; the old one stays */
	APPLY_NOTRUNNING = 4,	/* written; ddclient is not running */
	APPLY_NOTDDCLIENT = 5,	/* written; the pid file names another program */
	APPLY_EPERM = 6,	/* written; no permission to signal ddclient */
	APPLY_ECACHE = 7,	/* written; cache not updated */
	APPLY_ECONF = 8,	/* bad usage, module configuration or apply_dir */
	APPLY_EFOREIGN = 9,	/* not written: the file there is not ours and
				 * not kept beside it (import it first) */
	APPLY_EIMPORT = 10,	/* --import: not everything could be taken */
	APPLY_EBUSY = 11,	/* another apply held the lock past the deadline */
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

/* ---- the apply message: web -> root, ddns-apply's standard input ---- */

/*
 * Text lines; a value escaped so that it holds no control byte ('\\' and
 * \xHH, never \x00), so a line is one record:
 *   ddns-apply 1
 *   take-over                    (optional, before any host: keep a
 *                                 hand-written ddclient_conf beside it)
 *   host <hostname>              (starts an enabled row)
 *   field <name> <value>         (a field of that row, host.h's names,
 *                                 each at most once, never hostname)
 *   drop <hostname>              (forget ddclient's cached state of it)
 *   end
 * Anything else, a value too long for its field, more than WIRE_HOSTS_MAX
 * rows or drops, more than WIRE_MSG_MAX bytes, a missing end: the whole
 * message is refused. The rows are not trusted: the reader only parses;
 * ddns-apply vets each (apply_vet) and leaves out a bad one, never the
 * others. The same format is root's record of the rows last applied
 * (APPLY_ROWS_FILE), without take-over and drops.
 */
#define WIRE_MSG_MAX	(16u << 20)
#define WIRE_HOSTS_MAX	10000

struct wire_apply {
	struct host	*row;		/* nrow rows, enabled, in message order */
	size_t		 nrow;
	char		(*drop)[HOSTNAME_SZ];
	size_t		 ndrop;
	int		 take_over;
};

/* wire_emit_*: append the message's lines to out (-1 once memory ran out;
 * out->oom stays set). A row's hostname is its host line. */
int wire_emit_begin(struct buf *out, int take_over);
int wire_emit_row(struct buf *out, const struct host *h);
int wire_emit_drop(struct buf *out, const char *name);
int wire_emit_end(struct buf *out);

/*
 * wire_read: parse the n bytes at text as exactly one apply message into
 * *out (free with wire_free, also on failure). Pure. Returns 0, or -1
 * with e set (DD_EBADREQ, DD_ETOOBIG): nothing is half taken.
 */
int wire_read(const char *text, size_t n, struct wire_apply *out,
    struct dd_err *e);

/* wire_free: release what wire_read filled. */
void wire_free(struct wire_apply *a);

/* ---- the replies: root -> web ---- */

/* Caps of a reply: more hosts or notes refuse the whole of it. */
#define IMP_HOSTS_MAX	1000
#define IMP_NOTES_MAX	32
/* The most a reply may be: IMP_HOSTS_MAX hosts with their notes. */
#define IMP_REPLY_MAX	(4u << 20)

/* A note: a message by key (msg.h), so the page words it in its own
 * language; refused: the host is not taken (or not written). */
struct imp_note {
	int		 refused;
	struct dd_msg	 m;
};

/* One host as read back from a reply. */
struct imp_rec {
	char		 name[HOSTNAME_SZ];
	struct host	 in;
	struct imp_note	 note[IMP_NOTES_MAX];
	size_t		 nnote;
	int		 refused;
};

/* What the CGI reads back. */
struct imp_result {
	struct imp_rec	*rec;		/* malloc'd, nrec entries */
	size_t		 nrec;
	struct dd_msg	 file[IMP_NOTES_MAX];
	size_t		 nfile;
};

/*
 * The import reply (stdout of ddns-apply --import) and the report
 * (APPLY_REPORT_FILE) share one line format, told apart by the first line
 * ("ddns-import 2", "ddns-report 1"). A note is a message key and its
 * parameters, each after a tab (which an escaped value never holds):
 *   file <note>                  (a note about the whole file / apply)
 *   host <hostname>              (starts a host)
 *   field <name> <value>         (a host field, host.h's names; import)
 *   drop <note> / refuse <note>  (a note of the host)
 *   end
 * The report names the hosts the last apply left out of ddclient's
 * configuration for a reason only the root side can know (a key file it
 * could not write), each with why (refuse), and a file note when the
 * apply as a whole failed; it is absent when there is nothing to say.
 * (What apply_vet refuses, the page judges itself from the same rows.)
 */
struct imp_row;
int imp_emit_begin(struct buf *out);
int imp_emit_file(struct buf *out, const struct dd_msg *note);
int imp_emit_row(struct buf *out, const char *name, const struct imp_row *row);
int imp_emit_end(struct buf *out);

/* wire_report_begin: the report's first line; then imp_emit_file,
 * wire_report_host and imp_emit_end. */
int wire_report_begin(struct buf *out);
int wire_report_host(struct buf *out, const char *name,
    const struct dd_msg *why);

/*
 * imp_read / wire_read_report: parse the n bytes at text, which must be
 * exactly the import reply / the report (a bad escape, an unknown word or
 * field, a value too long for its field, a missing "end" are errors,
 * nothing is half taken). A note is not trusted: an unknown key, or
 * parameters that are not the key's, make it MSG_refused (the generic
 * text). Fills *out (free with imp_result_free, also on failure).
 * Returns 0, or -1 with e set. Pure.
 */
int imp_read(const char *text, size_t n, struct imp_result *out,
    struct dd_err *e);
int wire_read_report(const char *text, size_t n, struct imp_result *out,
    struct dd_err *e);

/* imp_result_free: release what imp_read filled. */
void imp_result_free(struct imp_result *r);

/* wire_hexval: the value of a lower-case hex digit (num_hex's, less the
 * upper case: each byte has one spelling on the line), or -1. */
int wire_hexval(int c);

#endif

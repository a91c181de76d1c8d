/* cgi.h: the request, the response helpers and the pages of ddns.cgi. */
#ifndef DDNS_CGI_H
#define DDNS_CGI_H

#include <ClearSilver.h>

#include "conf.h"
#include "csrf.h"
#include "ddver.h"
#include "err.h"
#include "origin.h"
#include "store.h"

/* Query-string fields: the only names accepted there. */
enum qfield { Q_ACTION, Q_ID, Q_MSG, Q_APPLY, Q_PAGE, Q_SEARCH, Q_COPY,
    Q_STATE, Q__MAX };

/* Body fields: the host form's, then these. */
enum bfield { B_ID = HF__MAX, B_CSRF, B_VERSION, B__MAX };

enum method { M_GET = 1, M_POST = 2 };

struct req {
	struct conf	 conf;
	enum method	 method;
	const char	*user;		/* REMOTE_USER, or "" */
	const char	*who;		/* the user as the audit trail names it */
	const char	*origin;	/* HTTP_ORIGIN, or NULL */
	const char	*referer;	/* HTTP_REFERER, or NULL */
	struct origin_site site;	/* what the Origin must name */
	const char	*ctype;		/* CONTENT_TYPE */
	const char	*clen;		/* CONTENT_LENGTH */
	const char	*qs;		/* QUERY_STRING */
	const char	*config_path;
	char		*q[Q__MAX];	/* validated query fields */
	char		*b[B__MAX];	/* validated body fields */
	long long	 id;		/* id from the query or body; 0 if none */
	long long	 version;	/* the row version the form showed; 0 if none */
	struct store	*store;
	enum ddv	 ver;		/* the ddclient written for (ddver.h) */
	char		 ver_error[MSG_TEXT_SZ];	/* why it is a guess, or "" */
	unsigned char	 key[CSRF_KEY_LEN];
	HDF		*hdf;
	char		*msg_text;	/* the language file's Msg block, read
					 * into hdf on a message's first use
					 * (out_msg); NULL once read or if none */
	char		*hint_text;	/* its Lang.Hint block, read by the
					 * form (out_hints); NULL likewise */
	CSPARSE		*cs;		/* the parsed template (req_end) */
	const char	*template;	/* page to render */
	int		 status;
	char		 location[128];	/* for 303: built from fixed text only */
	char		 allow[32];	/* for 405 */
	char		*json;		/* a JSON body (http_json), or NULL */
	size_t		 json_len;
};

/* A page fills the response for r; it returns nothing (cgit's
 * cgit_cmd_fn): what it sends is all it says. */
typedef void (*page_fn)(struct req *);

struct route {
	const char		*action;
	enum method		 method;
	page_fn			 fn;
	unsigned long long	 body;		/* the body fields it takes
						 * (POST): BODY(B_...) bits */
};
#define BODY(f)		(1ull << (f))
_Static_assert(B__MAX <= 64, "a route's body fields are bits of 64");

/* body_name: the form name of body field f (dispatch.c's one table). */
const char *body_name(enum bfield f);

/*
 * dispatch: the route for action and method, or NULL with e set: 404 for
 * an unknown action, 405 (and allow filled) for a known one.
 */
const struct route *dispatch(const char *action, enum method m, char *allow,
    size_t asz, struct dd_err *e);

/* request.c: the request, read once. req_capture_env copies the variables
 * we use and clears the environment; req_setup loads the configuration,
 * templates and secret; req_parse checks the request and finds its page. */
void req_capture_env(void);
int req_setup(struct req *r, struct dd_err *e);
page_fn req_parse(struct req *r, struct dd_err *e);
/*
 * req_end: close the database (SQLite ends its journal) and nothing else.
 * The process exits next: the kernel takes back the HDF, the parsed
 * template and the fields at once, where freeing them node by node cost
 * half of a list page's instructions (bench/results.md).
 */
void req_end(struct req *r);

/*
 * http.c: the response. Pages fill the HDF and choose a template; nothing
 * is written until http_send. Keys are built from fixed text and indices
 * only, never from request data (ClearSilver gotcha G11).
 *   out_set      set key to val (NULL is "")
 *   out_setn     set the key made from fmt to the number n
 *   out_row      set <list>.<i>.<field> to val
 *   out_item     the node <list>.<i> under a node (r->hdf, or a row), made
 *                if new (NULL if no memory or under is NULL); out_put and
 *                out_putn set a value by a key relative to it: one walk from
 *                the root per row, not one per value
 *   out_putk     set <list>.<i> under a node to val (a list of plain values)
 *   out_msgs     read the language's Msg block into the HDF, if not yet:
 *                what every reader of Msg.* calls first (out_msg)
 *   out_hints    the same for its Lang.Hint block: what a page whose
 *                template names Lang.Hint calls (the form)
 *   out_lang     the text Lang.<group>.<name> of the page's language ("" if none)
 *   out_msg      the message m (msg.h) in the page's language, into buf
 *                (and returns buf): Msg.<key> with its parameters put in
 *                as they are (the one escaping layer is the template's);
 *                Msg.refused when the key, its text or a parameter that
 *                names a word is unknown. Never a format from data.
 *   out_time     Unix time t as local "YYYY-MM-DD HH:MM:SS" in buf (and
 *                returns buf); "" for 0 or less (never) or a time that
 *                cannot be shown
 *   out_hhmm     Unix time t as local "HH:MM" in buf[6] (and returns buf)
 *   http_page    render template with status
 *   http_fail    render the error page with status and msg
 *   http_error   http_fail with the status that e->code maps to; 5xx are
 *                also logged to stderr, the web server's error log. For
 *                ?action=status, a JSON body instead: {"error": the
 *                message, "status": the code}
 *   http_redirect  303 to location, which holds no request data
 *   http_send    write the response: headers (security headers from one
 *                place), then the rendered page
 *   http_send_plain  a text/plain response, for when nothing can render
 */
void out_set(struct req *r, const char *key, const char *val);
void out_setn(struct req *r, long long n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void out_msgs(struct req *r);
void out_hints(struct req *r);
void out_row(struct req *r, const char *list, size_t i, const char *field,
    const char *val);
HDF *out_item(HDF *under, const char *list, size_t i);
void out_put(HDF *item, const char *key, const char *val);
void out_putk(HDF *under, const char *list, size_t i, const char *val);
void out_putn(HDF *item, const char *key, long long n);
const char *out_lang(struct req *r, const char *group, const char *name);
const char *out_msg(struct req *r, const struct dd_msg *m,
    char buf[MSG_TEXT_SZ]);
#define OUT_TIME_SZ 32
const char *out_time(long long t, char buf[OUT_TIME_SZ]);
const char *out_hhmm(long long t, char buf[6]);
void http_page(struct req *r, int status, const char *template);
void http_fail(struct req *r, int status, const char *msg);
void http_error(struct req *r, const struct dd_err *e);
void http_redirect(struct req *r, const char *location);
void http_send(struct req *r);
void http_send_plain(int status, const char *msg);
/* http_json: answer 200 with the JSON document in body (taken: body is
 * left empty), as application/json with the same security headers. */
struct buf;
void http_json(struct req *r, struct buf *body);

/*
 * run.c: the helper programs, by execve with DDNS_ADMIN_CONFIG and PATH
 * as their whole environment, never through a shell.
 *   run_apply             run the apply command and wait: its exit code
 *                         (see apply.h), or 127 if it could not run;
 *                         then unqueue the pending names apply dropped
 *                         and trim the audit trail (apply cannot write)
 *   run_checkip_detached  start the checkip command in its own session
 *                         with its output closed; returns at once
 *   run_dnscheck_detached the same for the dnscheck command (issue 20),
 *                         unless dns_check is off or a check is running
 *                         (its lock, state_dir/dnscheck.lock, is held);
 *                         when to call it: dnsstate_due
 */
int run_apply(struct req *r);
void run_checkip_detached(struct req *r);
void run_dnscheck_detached(struct req *r);

/* run_apply_take_over: run_apply with --take-over (a hand-written
 * ddclient_conf is kept beside it and then replaced: after an import). */
int run_apply_take_over(struct req *r);

/* run_import: run the apply command with --import and wait; what it
 * prints (import.h's line format) into *out (the caller frees; out->oom
 * set if it was over its cap). Returns its exit code, 127 if it did not
 * run. Writes nothing. */
struct buf;
int run_import(struct req *r, struct buf *out);

/* Pages: each fills the response for r. */
void page_list(struct req *);
void page_edit(struct req *);
void page_save(struct req *);
void page_delete_confirm(struct req *);
void page_delete(struct req *);
void page_enable(struct req *);
void page_disable(struct req *);
void page_update(struct req *);
void page_history(struct req *);
void page_import(struct req *);
void page_config(struct req *);
void page_status(struct req *);
void page_timeline(struct req *);
void page_dnscheck(struct req *);

/* history_detail: an audit row's detail (store.c's fixed words) in the
 * page's language, into out (sz bytes): "Changed: Login; password kept". */
void history_detail(struct req *r, const char *detail, char *out, size_t sz);

/* page_list.c: redirect to the list saying what happened (msg) and how
 * applying it to ddclient went (apply's exit code). */
void list_after(struct req *r, const char *msg, int apply);

/* list_report: root's report of what the last apply left out into *rep
 * (free with imp_result_free; empty when there is none), and a failure
 * of the whole apply into the page's Daemon.apply_error. */
struct imp_result;
void list_report(struct req *r, struct imp_result *rep);

#endif

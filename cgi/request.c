/* request.c: read the CGI request once into struct req, strictly. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cgi.h"
#include "fileio.h"
#include "form.h"
#include "lang.h"
#include "num.h"

#define BODY_MAX (64 * 1024)	/* README, Security: larger bodies get 413 unread */

static const char *const query_names[Q__MAX] = {
	"action", "id", "msg", "apply", "page", "q", "copy", "state",
};

/* The environment variables we read; everything else is cleared, so no
 * child we start inherits what the client could set (HTTP_*). HTTP_HOST
 * and SERVER_NAME are not among them: the client chooses both (origin.h). */
static const char *const env_names[] = {
	"REQUEST_METHOD", "QUERY_STRING", "CONTENT_TYPE", "CONTENT_LENGTH",
	"REMOTE_USER", "HTTP_ORIGIN", "HTTP_REFERER", "HTTPS", "SERVER_ADDR",
	"SERVER_PORT", "DDNS_ADMIN_CONFIG", "HTTP_ACCEPT_LANGUAGE",
};
#define NENV (sizeof(env_names) / sizeof(env_names[0]))
static char *env_vals[NENV];

static const char *
env(const char *name)
{
	size_t i;

	for (i = 0; i < NENV; i++)
		if (strcmp(env_names[i], name) == 0)
			return env_vals[i];
	return NULL;
}

void
req_capture_env(void)
{
	const char *v;
	size_t i;

	for (i = 0; i < NENV; i++)
		env_vals[i] = (v = getenv(env_names[i])) ? strdup(v) : NULL;
	clearenv();
}

void
req_end(struct req *r)
{
	store_close(r->store);
	r->store = NULL;
	free(r->msg_text);
	free(r->hint_text);
	r->msg_text = r->hint_text = NULL;
}

/* The largest language file read. */
#define LANG_MAX	(256 * 1024)

/*
 * read_lang: the language file at path into r->hdf, all but its Msg
 * block (the messages), which only a page that shows a message reads
 * (out_msgs), and its Lang.Hint block (the providers' hints, 12 KB of
 * 46), which only the form reads (out_hints): the other pages do not pay
 * for parsing them.
 * The block is the line "Msg {" at the start of a line to the next "}"
 * at the start of one (the files' layout; check_lang holds them to it).
 */
static NEOERR *
read_lang(struct req *r, const char *path)
{
	char *data, **aside[] = { &r->msg_text, &r->hint_text };
	static const char *const open[] = { "\nMsg {\n", "\nLang.Hint {\n" };
	char *at, *end;
	struct dd_err fe;
	size_t n, i;
	NEOERR *err;

	if (file_read(path, LANG_MAX, &data, &n, &fe) == -1)
		return nerr_raise(NERR_IO, "%s", fe.msg);
	/* Each block, "Name {" .. "}", kept aside and cut out of the text
	 * read now. */
	for (i = 0; i < sizeof(open) / sizeof(open[0]); i++) {
		if ((at = strstr(data, open[i])) == NULL ||
		    (end = strstr(at, "\n}\n")) == NULL)
			continue;
		if ((*aside[i] = strndup(at + 1, (size_t)(end + 2 -
		    (at + 1)))) == NULL) {
			free(data);
			return nerr_raise(NERR_NOMEM, "out of memory");
		}
		memmove(at + 1, end + 3, strlen(end + 3) + 1);
	}
	err = hdf_read_string(r->hdf, data);
	free(data);
	return err;
}

/* HDF with escaping on before any template is parsed (ClearSilver's
 * own CGI kit would add a debug dump and a time footer, which nothing
 * here turns on), and the texts
 * of the language the configuration or the browser asks for. */
static int
hdf_setup(struct req *r, struct dd_err *e)
{
	const char *lang = lang_codes()[lang_choose(env("HTTP_ACCEPT_LANGUAGE"),
	    r->conf.language, lang_codes(), LANG__MAX)];
	char path[PATH_MAX];
	NEOERR *err;

	if ((err = hdf_init(&r->hdf)) == STATUS_OK)
		err = hdf_set_value(r->hdf, "Config.VarEscapeMode", "html");
	if (err == STATUS_OK)
		err = hdf_set_value(r->hdf, "hdf.loadpaths.0", r->conf.templates);
	if (err == STATUS_OK) {
		snprintf(path, sizeof(path), "%s/lang/%s.hdf", r->conf.templates,
		    lang);
		err = read_lang(r, path);
	}
	if (err == STATUS_OK)
		err = hdf_set_value(r->hdf, "Page.Lang", lang);
	if (err == STATUS_OK)
		return 0;
	nerr_log_error(err);
	nerr_ignore(&err);
	return dd_failf(e, DD_ECONF, NULL, "cannot load the templates from %s",
	    r->conf.templates);
}

/* req_setup: configuration, templates and the CSRF secret. On failure
 * nothing can be rendered, so the caller sends plain text. */
int
req_setup(struct req *r, struct dd_err *e)
{
	char path[PATH_MAX];
	const char *m = env("REQUEST_METHOD");
	struct dd_err ve;

	r->config_path = env("DDNS_ADMIN_CONFIG");
	if (r->config_path == NULL)
		r->config_path = conf_path();
	if (conf_load(&r->conf, r->config_path, e) == -1)
		return -1;
	r->method = m && strcmp(m, "POST") == 0 ? M_POST :
	    (!m || strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0) ? M_GET : 0;
	r->user = env("REMOTE_USER") ? env("REMOTE_USER") : "";
	r->who = *r->user ? r->user : "(no login)";
	r->origin = env("HTTP_ORIGIN");
	r->referer = env("HTTP_REFERER");
	r->site.https = env("HTTPS") && strcmp(env("HTTPS"), "on") == 0;
	r->site.addr = env("SERVER_ADDR");
	r->site.port = env("SERVER_PORT");
	r->site.hosts = r->conf.page_hosts;
	r->ctype = env("CONTENT_TYPE");
	r->clen = env("CONTENT_LENGTH");
	r->qs = env("QUERY_STRING") ? env("QUERY_STRING") : "";
	if (hdf_setup(r, e) == -1)
		return -1;
	/* Read, not run: the program's first lines name its version. */
	if (ddver_resolve(&r->conf, &r->ver, &ve) == -1)
		snprintf(r->ver_error, sizeof(r->ver_error), "%s", ve.msg);
	snprintf(path, sizeof(path), "%s/secret", r->conf.state_dir);
	return csrf_secret(path, r->key, e);
}

/* read_body: the urlencoded POST body, after the checks that must come
 * before reading it (ClearSilver's own reader has none: G5, G6). */
static int
read_body(struct req *r, const struct route *rt, struct dd_err *e)
{
	const char *names[B__MAX];
	char *body, kib[MSG_NUM_SZ];
	size_t got = 0, len, tlen;
	long long n;
	ssize_t k;
	int f, rc;

	tlen = r->ctype ? strcspn(r->ctype, "; ") : 0;
	if (r->ctype == NULL || tlen != 33 ||
	    strncasecmp(r->ctype, "application/x-www-form-urlencoded", tlen) != 0)
		return dd_fail(e, DD_EBADREQ, NULL, MSG_req_ctype);
	if (r->clen == NULL || num_parse(r->clen, 0, LLONG_MAX, &n) == -1)
		return dd_fail(e, DD_EBADREQ, NULL, MSG_req_clen);
	if (n > BODY_MAX)
		return dd_fail(e, DD_ETOOBIG, NULL, MSG_req_big,
		    msg_num(kib, BODY_MAX / 1024));
	len = (size_t)n;
	if ((body = malloc(len + 1)) == NULL)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	while (got < len && (k = read(STDIN_FILENO, body + got, len - got)) != 0) {
		if (k == -1 && errno == EINTR)
			continue;
		if (k == -1)
			break;
		got += (size_t)k;
	}
	if (got != len) {
		free(body);
		return dd_fail(e, DD_EBADREQ, NULL, MSG_req_short);
	}
	for (f = 0; f < B__MAX; f++)
		names[f] = rt->body & BODY(f) ? body_name(f) : NULL;
	rc = form_parse(body, len, names, B__MAX, r->b, e);
	free(body);
	return rc;
}

static int
parse_id(struct req *r, struct dd_err *e)
{
	const char *q = r->q[Q_ID], *b = r->b[B_ID];
	long long id;

	if (q && b && strcmp(q, b) != 0)
		return dd_fail(e, DD_EBADREQ, "id", MSG_req_ids);
	if ((q = q ? q : b) == NULL || *q == '\0')
		return 0;
	if (num_parse(q, 1, LLONG_MAX, &id) == -1)
		return dd_fail(e, DD_EBADREQ, "id", MSG_req_id);
	r->id = id;
	return 0;
}

/* The row version a Modify or Delete form carries (store.h): required
 * with an id, so that a change made meanwhile is never overwritten. */
static int
parse_version(struct req *r, struct dd_err *e)
{
	const char *v = r->b[B_VERSION];

	if (r->method != M_POST || r->id == 0 || v == NULL)
		return 0;
	if (num_parse(v, 1, LLONG_MAX, &r->version) == -1)
		return dd_fail(e, DD_EBADREQ, "version", MSG_req_version);
	return 0;
}

/*
 * req_parse: authenticate, parse and check the request, and find its page.
 * Returns the page, or NULL with e set (and r->allow for a 405).
 */
page_fn
req_parse(struct req *r, struct dd_err *e)
{
	const struct route *rt;
	const char *action;

	if (r->conf.require_auth && *r->user == '\0') {
		dd_fail(e, DD_EAUTH, NULL, MSG_req_login);
		return NULL;
	}
	if (form_parse(r->qs, strlen(r->qs), query_names, Q__MAX, r->q, e) == -1)
		return NULL;
	if (r->method == 0) {
		snprintf(r->allow, sizeof(r->allow), "GET, POST");
		dd_fail(e, DD_EMETHOD, NULL, MSG_req_method);
		return NULL;
	}
	action = r->q[Q_ACTION] && *r->q[Q_ACTION] ? r->q[Q_ACTION] : "list";
	if ((rt = dispatch(action, r->method, r->allow, sizeof(r->allow), e)) ==
	    NULL)
		return NULL;
	if (r->method == M_POST) {
		if (read_body(r, rt, e) == -1)
			return NULL;
		/* A browser's POST must come from a page of this site;
		 * a client that sends neither header is left to the token. */
		if (!origin_ok(r->origin, r->referer, &r->site)) {
			dd_fail(e, DD_EFORBIDDEN, NULL, MSG_req_origin);
			return NULL;
		}
		if (csrf_check(r->key, r->user, r->b[B_CSRF],
		    (long long)time(NULL)) == -1) {
			dd_fail(e, DD_EFORBIDDEN, "csrf_token", MSG_req_csrf);
			return NULL;
		}
	}
	if (parse_id(r, e) == -1 || parse_version(r, e) == -1)
		return NULL;
	return rt->fn;
}

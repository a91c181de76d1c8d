/* http.c: every response of ddns.cgi: status, the security headers (one
 * place), templates rendered with HTML escaping on, redirects. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "num.h"
#include "cgi.h"
#include "json.h"
#include "providers.h"

/* The library's error codes as HTTP statuses: the one mapping. */
static const int status_of[DD_CODE__MAX] = {
	[DD_OK] = 200,
	[DD_EINVAL] = 422,
	[DD_ENOTFOUND] = 404,
	[DD_EEXIST] = 422,
	[DD_ECONFLICT] = 409,
	[DD_EBADREQ] = 400,
	[DD_ETOOBIG] = 413,
	[DD_EFORBIDDEN] = 403,
	[DD_EAUTH] = 401,
	[DD_EMETHOD] = 405,
	[DD_EBUSY] = 503,
	[DD_EDB] = 500,
	[DD_ESYS] = 500,
	[DD_ECONF] = 500,
};

static const struct {
	int		 status;
	const char	*reason;
} reasons[] = {
	{ 200, "OK" }, { 303, "See Other" }, { 400, "Bad Request" },
	{ 401, "Unauthorized" }, { 403, "Forbidden" }, { 404, "Not Found" },
	{ 405, "Method Not Allowed" }, { 409, "Conflict" }, { 411, "Length Required" },
	{ 413, "Content Too Large" }, { 415, "Unsupported Media Type" },
	{ 422, "Unprocessable Content" }, { 500, "Internal Server Error" },
	{ 503, "Service Unavailable" },
};

static const char *
reason(int status)
{
	size_t i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].status == status)
			return reasons[i].reason;
	return "Error";
}

/* Headers every response carries. The page needs no inline script or
 * style, so the policy can forbid both; its script asks this server only
 * (the list follows the status JSON while a host waits). */
static void
common_headers(int status, const char *ctype)
{
	printf("Status: %d %s\r\n", status, reason(status));
	printf("Content-Type: %s\r\n", ctype);
	printf("Content-Security-Policy: default-src 'none'; script-src 'self'; "
	    "style-src 'self'; img-src 'self'; connect-src 'self'; "
	    "form-action 'self'; "
	    "frame-ancestors 'none'; base-uri 'none'\r\n");
	printf("X-Frame-Options: DENY\r\n");
	printf("X-Content-Type-Options: nosniff\r\n");
	printf("Referrer-Policy: same-origin\r\n");
	printf("Cache-Control: no-store\r\n");
	if (status == 401)
		printf("WWW-Authenticate: Basic realm=\"ddns-admin\"\r\n");
}

void
out_set(struct req *r, const char *key, const char *val)
{
	NEOERR *err = hdf_set_value(r->hdf, key, val ? val : "");

	nerr_ignore(&err);
}

/* out_setn: set the number n at the key built from fmt (indices only). */
void
out_setn(struct req *r, long long n, const char *fmt, ...)
{
	char key[128], val[NUM_SZ];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(key, sizeof(key), fmt, ap);
	va_end(ap);
	out_set(r, key, num_format(n, val));
}

/* item_key: "<list>.<i>" into key[64]; -1 if it does not fit. */
static int
item_key(const char *list, size_t i, char key[64])
{
	char num[NUM_SZ];
	const char *d = num_format((long long)i, num);
	size_t n = strlen(list);

	if (n + 1 + strlen(d) >= 64)
		return -1;
	memcpy(key, list, n);
	key[n] = '.';
	strcpy(key + n + 1, d);
	return 0;
}

HDF *
out_item(HDF *under, const char *list, size_t i)
{
	char key[64];
	HDF *item = NULL;
	NEOERR *err;

	if (under == NULL || item_key(list, i, key) == -1)
		return NULL;
	err = hdf_get_node(under, key, &item);
	nerr_ignore(&err);
	return item;
}

void
out_putk(HDF *under, const char *list, size_t i, const char *val)
{
	char key[64];

	if (item_key(list, i, key) == 0)
		out_put(under, key, val);
}

void
out_put(HDF *item, const char *key, const char *val)
{
	NEOERR *err;

	if (item == NULL)
		return;
	err = hdf_set_value(item, key, val ? val : "");
	nerr_ignore(&err);
}

void
out_putn(HDF *item, const char *key, long long n)
{
	char num[NUM_SZ];

	out_put(item, key, num_format(n, num));
}

void
out_row(struct req *r, const char *list, size_t i, const char *field,
    const char *val)
{
	out_put(out_item(r->hdf, list, i), field, val);
}

/* out_lang: the text at Lang.<group>.<name>, e.g. ("Status", "good"). */
const char *
out_lang(struct req *r, const char *group, const char *name)
{
	char k[128];
	size_t g = strlen(group), n = strlen(name);

	if (5 + g + 1 + n >= sizeof(k))
		return "";
	memcpy(k, "Lang.", 5);
	memcpy(k + 5, group, g);
	k[5 + g] = '.';
	memcpy(k + 5 + g + 1, name, n + 1);
	return hdf_get_value(r->hdf, k, "");
}

/* msg_word for out_msg: a word's text in the page's language, a
 * provider's name as the pages write it; NULL for anything unknown. */
static const char *
page_word(void *arg, int letter, const char *w)
{
	const struct provider *p;
	const char *t;
	char k[128];
	int id;

	if (letter == 'p') {
		if ((p = prov_find(w)) == NULL)
			return NULL;
		t = out_lang(arg, "ProviderName", p->id);
		return *t ? t : p->label;
	}
	if ((id = msg_find(w)) == -1 || *msg_params(id) != '\0')
		return NULL;
	snprintf(k, sizeof(k), "Msg.%s", w);
	return hdf_get_value(((struct req *)arg)->hdf, k, NULL);
}

/* read_aside: a block read_lang set aside (*text) into the HDF, once.
 * On a failure its texts stay missing: out_msg then says Msg.refused,
 * or the English; a hint is then empty. */
static void
read_aside(struct req *r, char **text)
{
	NEOERR *err;

	if (*text == NULL)
		return;
	err = hdf_read_string(r->hdf, *text);
	if (err != STATUS_OK) {
		nerr_log_error(err);
		nerr_ignore(&err);
	}
	free(*text);
	*text = NULL;
}

void
out_msgs(struct req *r)
{
	read_aside(r, &r->msg_text);
}

void
out_hints(struct req *r)
{
	read_aside(r, &r->hint_text);
}

const char *
out_msg(struct req *r, const struct dd_msg *m, char buf[MSG_TEXT_SZ])
{
	struct dd_msg generic = { .id = MSG_refused };
	const char *key = msg_key(m->id), *t = NULL;
	char k[128];

	buf[0] = '\0';
	if (m->id == MSG_none)
		return buf;
	out_msgs(r);
	if (key != NULL) {
		snprintf(k, sizeof(k), "Msg.%s", key);
		t = hdf_get_value(r->hdf, k, NULL);
	}
	if (t != NULL && msg_format(t, m, page_word, r, buf, MSG_TEXT_SZ) == 0)
		return buf;
	t = hdf_get_value(r->hdf, "Msg.refused", NULL);
	if (t == NULL || msg_format(t, &generic, page_word, r, buf,
	    MSG_TEXT_SZ) == -1)
		msg_english(&generic, buf, MSG_TEXT_SZ);
	return buf;
}

/* two: n (0..99) as two digits at b; the byte after them. strftime
 * costs a thousand instructions a call, and a list row shows two times. */
static char *
two(char *b, int n)
{
	b[0] = (char)('0' + n / 10 % 10);
	b[1] = (char)('0' + n % 10);
	return b + 2;
}

/* out_time: one date and time format for every page. */
const char *
out_time(long long t, char buf[OUT_TIME_SZ])
{
	time_t tt = (time_t)t;
	struct tm tm;
	char *b = buf;

	buf[0] = '\0';
	if (t <= 0 || localtime_r(&tt, &tm) == NULL)
		return buf;
	if (tm.tm_year + 1900 > 9999) {
		strftime(buf, OUT_TIME_SZ, "%Y-%m-%d %H:%M:%S", &tm);
		return buf;
	}
	b = two(two(b, (tm.tm_year + 1900) / 100), (tm.tm_year + 1900) % 100);
	*b++ = '-';
	b = two(b, tm.tm_mon + 1);
	*b++ = '-';
	b = two(b, tm.tm_mday);
	*b++ = ' ';
	b = two(b, tm.tm_hour);
	*b++ = ':';
	b = two(b, tm.tm_min);
	*b++ = ':';
	b = two(b, tm.tm_sec);
	*b = '\0';
	return buf;
}

const char *
out_hhmm(long long t, char buf[6])
{
	time_t tt = (time_t)t;
	struct tm tm;

	buf[0] = '\0';
	if (localtime_r(&tt, &tm) != NULL) {
		two(buf, tm.tm_hour);
		buf[2] = ':';
		two(buf + 3, tm.tm_min);
		buf[5] = '\0';
	}
	return buf;
}

void
http_page(struct req *r, int status, const char *template)
{
	r->status = status;
	r->template = template;
}

void
http_fail(struct req *r, int status, const char *msg)
{
	out_set(r, "Error.message", msg);
	out_setn(r, status, "Error.status");
	http_page(r, status, "error.cs");
}

/* wants_json: is the request for ?action=status (whose client reads
 * JSON, also when it fails)? The query may not be parsed yet (a 401 is
 * decided first): then its raw fields are looked at. */
static int
wants_json(const struct req *r)
{
	static const char f[] = "action=status";
	const char *p = r->qs;

	if (r->q[Q_ACTION] != NULL)
		return strcmp(r->q[Q_ACTION], "status") == 0;
	for (; p != NULL && *p; p = strchr(p, '&') ? strchr(p, '&') + 1 : NULL)
		if (strncmp(p, f, sizeof(f) - 1) == 0 &&
		    (p[sizeof(f) - 1] == '&' || p[sizeof(f) - 1] == '\0'))
			return 1;
	return 0;
}

/* json_fail: the error as ?action=status's client reads it:
 * {"error": "the message", "status": 404}. */
static void
json_fail(struct req *r, int status, const char *msg)
{
	struct buf b = { 0 };

	buf_puts(&b, "{\"error\":");
	json_str(&b, msg);
	buf_printf(&b, ",\"status\":%d}\n", status);
	if (b.oom) {
		buf_free(&b);
		http_fail(r, status, msg);
		return;
	}
	http_json(r, &b);
	r->status = status;
}

void
http_error(struct req *r, const struct dd_err *e)
{
	char text[MSG_TEXT_SZ];
	int status = status_of[e->code];

	if (status >= 500)
		fprintf(stderr, "ddns.cgi: %s\n", e->msg);
	if (wants_json(r))
		json_fail(r, status, out_msg(r, &e->m, text));
	else
		http_fail(r, status, out_msg(r, &e->m, text));
}

void
http_redirect(struct req *r, const char *location)
{
	r->status = 303;
	snprintf(r->location, sizeof(r->location), "%s", location);
}

void
http_send_plain(int status, const char *msg)
{
	common_headers(status, "text/plain; charset=utf-8");
	printf("\r\n%s\n", msg);
}

/* What a page's text is given room for before it is rendered (under
 * malloc's threshold for a mapping of its own). */
#define PAGE_GUESS	(120 * 1024)

static NEOERR *
collect(void *arg, char *s)
{
	buf_puts(arg, s);
	return STATUS_OK;
}

static int
render(struct req *r, struct buf *out)
{
	NEOERR *err;
	STRING tb;

	/* A list page of 100 hosts is about 75 KiB: room for it at once. */
	buf_reserve(out, PAGE_GUESS);
	err = cs_init(&r->cs, r->hdf);
	if (err == STATUS_OK)
		err = cs_parse_file(r->cs, r->template);
	if (err == STATUS_OK)
		err = cs_render(r->cs, out, collect);
	if (err == STATUS_OK)
		return out->oom ? -1 : 0;
	string_init(&tb);
	nerr_error_traceback(err, &tb);
	fprintf(stderr, "ddns.cgi: %s\n", tb.buf ? tb.buf : "render failed");
	string_clear(&tb);
	nerr_ignore(&err);
	return -1;
}

void
http_json(struct req *r, struct buf *body)
{
	r->status = 200;
	r->json = body->p;
	r->json_len = body->len;
	memset(body, 0, sizeof(*body));
}

void
http_send(struct req *r)
{
	char token[CSRF_TOKEN_SZ];
	struct buf body = { 0 };

	if (r->json != NULL) {
		common_headers(r->status, "application/json");
		if (r->status == 405)
			printf("Allow: %s\r\n", r->allow);
		printf("Content-Length: %zu\r\n\r\n", r->json_len);
		fwrite(r->json, 1, r->json_len, stdout);
		return;
	}

	if (r->status == 303) {
		common_headers(303, "text/plain; charset=utf-8");
		printf("Location: %s\r\n\r\n", r->location);
		return;
	}
	csrf_make(r->key, r->user, (long long)time(NULL), token);
	out_set(r, "Page.Csrf", token);
	out_set(r, "Page.User", r->user);
	out_set(r, "Page.Static", r->conf.static_url);
	if (render(r, &body) == -1) {
		http_send_plain(500, "The page could not be rendered; the web "
		    "server's error log says why.");
		buf_free(&body);
		return;
	}
	common_headers(r->status, "text/html; charset=utf-8");
	if (r->status == 405)
		printf("Allow: %s\r\n", r->allow);
	printf("Content-Length: %zu\r\n\r\n", body.len);
	fwrite(body.p, 1, body.len, stdout);
	buf_free(&body);
}

/* import.c: a ddclient configuration read as ddclient 3.10 and 3.11 read
 * it (their _read_config), its hosts made rows, and the line format that
 * carries them from ddns-apply to the CGI. Pure: no I/O. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "ddver.h"
#include "import.h"
#include "utf8.h"
#include "validate.h"

/* Perl's \s on a byte string (no unicode_strings): ASCII blanks, \v too. */
static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static char *
dupn(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* ---- ordered maps ---- */

const char *
imp_get(const struct imp_set *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->kv[i].key, key) == 0)
			return s->kv[i].val;
	return NULL;
}

static void
set_free(struct imp_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->kv[i].key);
		free(s->kv[i].val);
	}
	free(s->kv);
	s->kv = NULL;
	s->n = 0;
}

/* set_put: key = val (copied); replace when keep_old is 0, else keep an
 * existing value (Perl's merge: the first hash wins). */
static int
set_put(struct imp_set *s, const char *key, const char *val, int keep_old)
{
	struct imp_kv *kv;
	char *v;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->kv[i].key, key) == 0) {
			if (keep_old)
				return 0;
			if ((v = strdup(val)) == NULL)
				return -1;
			free(s->kv[i].val);
			s->kv[i].val = v;
			return 0;
		}
	if (s->n >= IMP_KV_MAX)
		return -1;
	if ((kv = realloc(s->kv, (s->n + 1) * sizeof(*kv))) == NULL)
		return -1;
	s->kv = kv;
	kv[s->n].key = strdup(key);
	kv[s->n].val = strdup(val);
	if (kv[s->n].key == NULL || kv[s->n].val == NULL) {
		free(kv[s->n].key);
		free(kv[s->n].val);
		return -1;
	}
	s->n++;
	return 0;
}

/* set_merge: every pair of from into to; keep_old as set_put. */
static int
set_merge(struct imp_set *to, const struct imp_set *from, int keep_old)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		if (set_put(to, from->kv[i].key, from->kv[i].val, keep_old) == -1)
			return -1;
	return 0;
}

void
imp_free(struct imp_conf *c)
{
	size_t i;

	set_free(&c->globals);
	for (i = 0; i < c->nhost; i++) {
		free(c->host[i].name);
		set_free(&c->host[i].set);
	}
	free(c->host);
	free(c->warn);
	memset(c, 0, sizeof(*c));
}

/* ---- one physical line: the raw password pattern ---- */

/*
 * The password pattern, tried on the raw line before comments go:
 *   3.10 /^([^#]*\s)?([^#]*?password\S*?)\s*=\s*('.*'|[^']\S*)(.*)/
 *   3.11 /^([^#]*\s)?([^#]*?password)\s*=\s*('.*'|[^']\S*)(.*)/
 * matched as Perl's backtracking does: the longest head first, then the
 * shortest key, then the most blanks after '='. On a match, key is
 * [h, k), the value [vs, ve), the tail from ve.
 */
struct pwm {
	size_t	 h, k, vs, ve;
};

static int
pw_value(const char *l, size_t len, size_t v, struct pwm *m)
{
	const char *q;

	if (v >= len)
		return 0;
	if (l[v] == '\'' && (q = strrchr(l + v + 1, '\'')) != NULL) {
		m->vs = v;
		m->ve = (size_t)(q - l) + 1;
		return 1;
	}
	if (l[v] == '\'')
		return 0;
	m->vs = v;
	for (m->ve = v + 1; m->ve < len && !is_ws(l[m->ve]); m->ve++)
		;
	return 1;
}

/* From key end j: \s*=\s* then the value. */
static int
pw_after_key(const char *l, size_t len, size_t j, struct pwm *m)
{
	size_t q = j, r, w;

	while (q < len && is_ws(l[q]))
		q++;
	if (q >= len || l[q] != '=')
		return 0;
	r = q + 1;
	for (w = 0; r + w < len && is_ws(l[r + w]); w++)
		;
	for (;;) {
		if (pw_value(l, len, r + w, m))
			return 1;
		if (w == 0)
			return 0;
		w--;
	}
}

static int
pw_try(const char *l, size_t len, size_t h, enum ddv v, struct pwm *m)
{
	size_t k, j;

	for (k = h; k + 8 <= len; k++) {
		if (l[k] == '#')
			return 0;
		if (strncmp(l + k, "password", 8) != 0)
			continue;
		for (j = k + 8; ; j++) {
			if (pw_after_key(l, len, j, m)) {
				m->h = h;
				m->k = j;
				return 1;
			}
			/* 3.11 has no \S*? after the word */
			if (v == DDV_311 || j >= len || is_ws(l[j]))
				break;
		}
	}
	return 0;
}

static int
pw_match(const char *l, size_t len, enum ddv v, struct pwm *m)
{
	size_t h, hash = strcspn(l, "#");

	/* head [^#]*\s, the longest first: ends with a blank, no '#' */
	for (h = hash < len ? hash : len; h >= 1; h--)
		if (is_ws(l[h - 1]) && pw_try(l, len, h, v, m))
			return 1;
	return pw_try(l, len, 0, v, m);
}

/* ---- one logical line: assignments, then hosts ---- */

struct reader {
	enum ddv	 v;
	struct imp_conf	*c;
	struct imp_set	 passwords;	/* of the logical line */
	size_t		 lineno;
};

/* warn: ddclient's warning id at the current line (advisory: lost only
 * when memory runs out). */
static void
warn(struct reader *rd, enum msg_id id)
{
	struct imp_conf *c = rd->c;
	struct dd_msg *w;
	char line[MSG_NUM_SZ];

	if ((w = realloc(c->warn, (c->nwarn + 1) * sizeof(*w))) == NULL)
		return;
	c->warn = w;
	msg_set(&w[c->nwarn++], id, msg_num(line, (long long)rd->lineno));
}

/*
 * parse_assignment on s (canonified: single spaces): name into *name,
 * value into *val (malloc'd), *s past it. Returns 1, or 0 when s does
 * not start with [,\s]*name= (nothing consumed), -1 on ENOMEM.
 */
static int
assignment(struct reader *rd, const char **s, char **name, char **val)
{
	const char *p = *s, *n0;
	struct buf b = { 0 };
	int esc = 0;
	char quote = 0;

	while (*p == ',' || is_ws(*p))
		p++;
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	for (n0 = p++; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'; p++)
		;
	if (*p != '=')
		return 0;
	if ((*name = dupn(n0, (size_t)(p - n0))) == NULL)
		return -1;
	for (p++; *p; p++) {
		if (esc) {
			buf_add(&b, p, 1);
			esc = 0;
		} else if (*p == '\\')
			esc = 1;
		else if (quote && *p == quote)
			quote = 0;
		else if (!quote && (*p == '\'' || *p == '"'))
			quote = *p;
		else if (!quote && (is_ws(*p) || *p == ','))
			break;
		else
			buf_add(&b, p, 1);
	}
	if (esc)
		warn(rd, MSG_imp_w_escape);
	if (quote)
		warn(rd, MSG_imp_w_quote);
	buf_add(&b, "", 1);
	if (b.oom) {
		free(*name);
		buf_free(&b);
		return -1;
	}
	*val = b.p;
	*s = p;
	return 1;
}

static struct imp_host *
find_host(struct imp_conf *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nhost; i++)
		if (strcmp(c->host[i].name, name) == 0)
			return &c->host[i];
	return NULL;
}

/* One host of a host line: 3.10 replaces a host defined before, 3.11
 * merges into it (what it had first wins). */
static int
define_host(struct reader *rd, const char *name, const struct imp_set *loc)
{
	struct imp_conf *c = rd->c;
	struct imp_host *h = find_host(c, name), *nh;

	if (h != NULL && rd->v == DDV_311)
		return set_merge(&h->set, loc, 1);
	if (h != NULL) {
		set_free(&h->set);
	} else {
		if (c->nhost >= IMP_HOSTS_MAX)
			return -1;
		if ((nh = realloc(c->host, (c->nhost + 1) * sizeof(*nh))) == NULL)
			return -1;
		c->host = nh;
		h = &c->host[c->nhost];
		memset(h, 0, sizeof(*h));
		if ((h->name = strdup(name)) == NULL)
			return -1;
		c->nhost++;
	}
	if (set_merge(&h->set, loc, 0) == -1)
		return -1;
	return set_put(&h->set, "host", name, 0);
}

/* Split "a,b,,c" as Perl's split /\s*[, ]\s*: a leading empty field
 * stays, trailing ones go. */
static int
each_host(struct reader *rd, char *list, const struct imp_set *loc)
{
	char *p = list, *comma;
	size_t end = strlen(list);

	while (end > 0 && list[end - 1] == ',')
		list[--end] = '\0';
	if (end == 0)
		return 0;
	for (;;) {
		comma = strchr(p, ',');
		if (comma != NULL)
			*comma = '\0';
		if (define_host(rd, p, loc) == -1)
			return -1;
		if (comma == NULL)
			return 0;
		p = comma + 1;
	}
}

/* The deprecated names that both versions skip with a warning. */
static const char *const deprecated[] = { "fw-banlocal", "if-skip" };

static int
is_deprecated(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(deprecated) / sizeof(deprecated[0]); i++)
		if (strcmp(deprecated[i], name) == 0)
			return 1;
	return 0;
}

/* logical: the canonified text of one logical line (no leading or
 * trailing blank, single spaces). */
static int
logical(struct reader *rd, char *line)
{
	struct imp_set loc = { 0 };
	const char *s = line, *pw;
	char *name, *val, *rest, *args[3] = { 0 }, *hostlist = NULL, *o, *p;
	size_t nargs = 0, i;
	int rc = -1, got;

	while ((got = assignment(rd, &s, &name, &val)) == 1) {
		while (*s == ',' || is_ws(*s))
			s++;
		if (is_deprecated(name))
			warn(rd, MSG_imp_w_deprecated);
		else if ((pw = imp_get(&rd->passwords, name)) != NULL)
			got = set_put(&loc, name, pw, 0);
		else
			got = set_put(&loc, name, val, 0);
		free(name);
		free(val);
		if (got == -1)
			goto out;
	}
	if (got == -1)
		goto out;
	while (*s == ',' || is_ws(*s))
		s++;
	/* s/\s*,\s*\/,/g, then split on blanks */
	if ((rest = strdup(s)) == NULL)
		goto out;
	for (o = p = rest; *p; p++) {
		if (*p == ' ' && (p[1] == ',' || (o > rest && o[-1] == ',')))
			continue;
		*o++ = *p;
	}
	*o = '\0';
	for (p = strtok(rest, " "); p != NULL && nargs < 3; p = strtok(NULL, " "))
		args[nargs++] = p;
	if ((pw = imp_get(&loc, "host")) != NULL) {
		size_t n = (nargs ? strlen(args[0]) + 1 : 0) + strlen(pw) + 1;

		if ((hostlist = malloc(n)) == NULL) {
			free(rest);
			goto out;
		}
		snprintf(hostlist, n, "%s%s%s", nargs ? args[0] : "",
		    nargs ? "," : "", pw);
		if (nargs == 0)
			nargs = 1;
	} else if (nargs > 0 && (hostlist = strdup(args[0])) == NULL) {
		free(rest);
		goto out;
	}
	if (nargs == 0) {
		rc = set_merge(&rd->c->globals, &loc, 0);
	} else {
		rc = set_merge(&loc, &rd->c->globals, 1);
		for (i = 1; rc == 0 && i < nargs; i++)
			rc = set_put(&loc, i == 1 ? "login" : "password",
			    args[i], 0);
		if (rc == 0)
			rc = each_host(rd, hostlist, &loc);
	}
	free(hostlist);
	free(rest);
out:
	set_free(&loc);
	return rc;
}

/* Collapse blank runs to one space and trim, in place. */
static void
canonify(char *s)
{
	char *o = s, *p = s;

	while (is_ws(*p))
		p++;
	for (; *p; p++) {
		if (is_ws(*p)) {
			if (o > s && o[-1] == ' ')
				continue;
			*o++ = ' ';
		} else
			*o++ = *p;
	}
	if (o > s && o[-1] == ' ')
		o--;
	*o = '\0';
}

/* physical: one line of the file (without its \r and \n). cont holds the
 * continued text so far. */
static int
physical(struct reader *rd, char *l, struct buf *cont)
{
	struct pwm m;
	struct buf b = { 0 };
	size_t len = strlen(l), e;
	char *key, *val, *hash;
	int rc;

	for (e = len; e > 0 && is_ws(l[e - 1]); e--)
		;
	if (e < len && e > 0 && l[e - 1] == '\\')
		warn(rd, MSG_imp_w_blanks);
	if (pw_match(l, len, rd->v, &m)) {
		key = dupn(l + m.h, m.k - m.h);
		if (m.ve - m.vs >= 2 && l[m.vs] == '\'' && l[m.ve - 1] == '\'')
			val = dupn(l + m.vs + 1, m.ve - m.vs - 2);
		else
			val = dupn(l + m.vs, m.ve - m.vs);
		rc = key && val ? set_put(&rd->passwords, key, val, 0) : -1;
		buf_add(&b, l, m.k);
		buf_puts(&b, "=dummy");
		buf_puts(&b, l + m.ve);
		free(key);
		free(val);
		if (rc == -1 || b.oom) {
			buf_free(&b);
			return -1;
		}
		l = b.p;
	}
	if ((hash = strchr(l, '#')) != NULL)
		*hash = '\0';
	buf_puts(cont, l);
	buf_free(&b);
	if (cont->oom)
		return -1;
	if (cont->len > 0 && cont->p[cont->len - 1] == '\\') {
		cont->p[--cont->len] = '\0';
		return 0;
	}
	if (cont->p == NULL)
		return 0;
	canonify(cont->p);
	/* An empty logical line keeps the passwords (Perl's next). */
	if (*cont->p == '\0') {
		cont->len = 0;
		return 0;
	}
	rc = logical(rd, cont->p);
	cont->len = 0;
	cont->p[0] = '\0';
	set_free(&rd->passwords);
	return rc;
}

int
imp_parse(const char *text, size_t n, enum ddv v, struct imp_conf *out,
    struct dd_err *e)
{
	struct reader rd = { .v = v, .c = out };
	struct buf cont = { 0 };
	char line[IMP_LINE_MAX + 1];
	size_t i = 0, k;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	while (rc == 0 && i < n) {
		rd.lineno++;
		/* s/[\r\n]//g: a \r anywhere goes; NUL is kept by Perl, but
		 * cannot be here (a C string): it ends the line's text. */
		for (k = 0; i < n && text[i] != '\n'; i++) {
			if (text[i] == '\r')
				continue;
			if (k == IMP_LINE_MAX) {
				rc = dd_failf(e, DD_ETOOBIG, NULL, "line %zu is "
				    "longer than %d bytes", rd.lineno,
				    IMP_LINE_MAX);
				break;
			}
			line[k++] = text[i];
		}
		if (rc == -1)
			break;
		line[k] = '\0';
		i++;
		if (physical(&rd, line, &cont) == -1)
			rc = dd_failf(e, DD_ETOOBIG, NULL, "line %zu: too many "
			    "hosts or settings, or out of memory", rd.lineno);
	}
	if (rc == 0 && cont.len > 0)
		warn(&rd, MSG_imp_w_eof);
	buf_free(&cont);
	set_free(&rd.passwords);
	return rc;
}

/* ---- a host as a row ---- */

/* The module configuration's keys that stand for ddclient's address
 * detection (the sources, when the module configuration names some). */
#define USE_FROM "ddclient_use, ddclient_usev4, ddclient_usev6"

/* What the module does with a setting it finds. */
enum kclass {
	K_MODEL,	/* a host field, or host/protocol (handled apart) */
	K_DAEMON,	/* the module configuration sets it: compared */
	K_QUIET,	/* changes nothing that is sent: dropped, said */
	K_FALSE,	/* harmless when false (ddclient's default) */
	K_SCRIPT,	/* harmless when the protocol's default path */
};

static const struct {
	const char	*key;
	enum kclass	 k;
	const char	*from;	/* K_DAEMON: the module configuration key */
} keys[] = {
	{ "host", K_MODEL, NULL },
	{ "daemon", K_DAEMON, "ddclient_daemon" },
	{ "ssl", K_DAEMON, "ddclient_ssl" },
	{ "pid", K_DAEMON, "ddclient_pid" },
	{ "cache", K_DAEMON, "ddclient_cache" },
#define USE(k) { k, K_DAEMON, USE_FROM }
	USE("use"), USE("usev4"), USE("usev6"), USE("web"), USE("web-skip"),
	USE("webv4"), USE("webv4-skip"), USE("webv6"), USE("webv6-skip"),
	USE("ip"), USE("ipv4"), USE("ipv6"), USE("if"), USE("ifv4"),
	USE("ifv6"), USE("cmd"), USE("cmd-skip"), USE("cmdv4"), USE("cmdv6"),
	USE("fw"), USE("fw-skip"), USE("fwv4"), USE("fwv4-skip"), USE("fwv6"),
	USE("fwv6-skip"), USE("fw-login"), USE("fw-password"),
	USE("fw-ssl-validate"), USE("web-ssl-validate"),
#undef USE
	{ "syslog", K_QUIET, NULL }, { "facility", K_QUIET, NULL },
	{ "priority", K_QUIET, NULL }, { "mail", K_QUIET, NULL },
	{ "mail-failure", K_QUIET, NULL }, { "file", K_QUIET, NULL },
	{ "force", K_QUIET, NULL }, { "foreground", K_QUIET, NULL },
	{ "geturl", K_QUIET, NULL }, { "help", K_QUIET, NULL },
	{ "test", K_QUIET, NULL },
	{ "quiet", K_QUIET, NULL }, { "verbose", K_QUIET, NULL },
	{ "debug", K_QUIET, NULL }, { "timeout", K_QUIET, NULL },
	{ "max-interval", K_QUIET, NULL }, { "min-interval", K_QUIET, NULL },
	{ "min-error-interval", K_QUIET, NULL }, { "max-warn", K_QUIET, NULL },
	{ "retry", K_QUIET, NULL }, { "exec", K_QUIET, NULL },
	{ "postscript", K_QUIET, NULL }, { "proxy", K_QUIET, NULL },
	{ "ssl_ca_dir", K_QUIET, NULL }, { "ssl_ca_file", K_QUIET, NULL },
	{ "custom", K_FALSE, NULL }, { "static", K_FALSE, NULL },
	{ "script", K_SCRIPT, NULL },
};

/* The other keywords ddclient knows (its %variables' merged table), per
 * version: not modelled, so a host that sets one is refused. A keyword
 * of neither list, ddclient itself skips with a warning. */
static const struct {
	const char	*key;
	unsigned char	 in[DDV__MAX];
} known[] = {
	{ "dynurl", { 1, 1 } }, { "tcp", { 1, 1 } }, { "ttl", { 1, 1 } },
	{ "quietreply", { 1, 1 } }, { "min_interval", { 1, 1 } },
	{ "atime", { 1, 1 } }, { "mtime", { 1, 1 } }, { "wtime", { 1, 1 } },
	{ "status", { 1, 1 } }, { "status-ipv4", { 1, 1 } },
	{ "status-ipv6", { 1, 1 } }, { "warned-min-interval", { 1, 1 } },
	{ "warned-min-error-interval", { 1, 1 } }, { "curl", { 1, 0 } },
	{ "apikey", { 0, 1 } }, { "secretapikey", { 0, 1 } },
	{ "on-root-domain", { 0, 1 } }, { "path", { 0, 1 } },
};

static int
is_known(const char *key, enum ddv v)
{
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(known[i].key, key) == 0)
			return known[i].in[v];
	return 0;
}

/* key_class: what the module does with setting key (a host field's own
 * option, host.h's ddclient column, is K_MODEL); -1 when unknown. */
static int
key_class(const char *key, const char **from)
{
	int f = host_field_find(key);
	size_t i;

	if (f != -1 && host_field_ddopt(f) != DDO_NONE)
		return K_MODEL;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(keys[i].key, key) == 0) {
			*from = keys[i].from;
			return (int)keys[i].k;
		}
	return -1;
}

/* ddclient's T_BOOL: 1, 0, or -1 for a value it refuses. */
static const struct {
	const char	*word;
	int		 on;
} bools[] = {
	{ "y", 1 }, { "yes", 1 }, { "t", 1 }, { "true", 1 }, { "1", 1 },
	{ "n", 0 }, { "no", 0 }, { "f", 0 }, { "false", 0 }, { "0", 0 },
};

static int
boolean(const char *v)
{
	size_t i;

	for (i = 0; i < sizeof(bools) / sizeof(bools[0]); i++)
		if (strcasecmp(bools[i].word, v) == 0)
			return bools[i].on;
	return -1;
}

/* Same setting? Booleans by meaning, the rest by text. */
static int
same(const char *key, const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (strcmp(key, "ssl") == 0 && boolean(a) != -1)
		return boolean(a) == boolean(b);
	return strcmp(a, b) == 0;
}

/* add: the note m of row (refused: the host cannot be taken). */
static void
add(struct imp_row *row, int refused, const struct dd_msg *m)
{
	row->refused |= refused;
	if (row->nnote >= IMP_NOTES_MAX)
		return;
	row->note[row->nnote].m = *m;
	row->note[row->nnote++].refused = refused;
}

/* note: add the message id with its parameters (msg_set's). */
#define note(row, refused, ...) (note)(row, refused, __VA_ARGS__, MSG_END)
static void
(note)(struct imp_row *row, int refused, enum msg_id id, ...)
{
	struct dd_msg m;
	va_list ap;

	va_start(ap, id);
	msg_vset(&m, id, ap);
	va_end(ap);
	add(row, refused, &m);
}

/* A note names a setting by its key and never quotes a value: a value
 * may hold a credential (a URL's user:password, a token in a path), and
 * notes reach the page and ddns-apply's output (issue 18). */

/* copy_field: v into field f of the row; a value longer than the field
 * holds refuses the host (never cut). */
static void
copy_field(struct imp_row *row, enum hfield f, const char *v)
{
	size_t size;
	char *dst = host_field(&row->in, f, &size);

	char n[MSG_NUM_SZ];

	if (strlen(v) >= size) {
		note(row, 1, MSG_imp_too_long, host_field_name(f),
		    msg_num(n, (long long)size - 1));
		return;
	}
	memcpy(dst, v, strlen(v) + 1);
}

/* daemon_note: a daemon setting (key) of the file that the module's own
 * globals set otherwise (m: their value, NULL when they leave it out;
 * from: the module configuration's key). */
static void
daemon_note(struct dd_msg *out, const char *key, const char *m,
    const char *from)
{
	if (m != NULL)
		msg_set(out, MSG_imp_daemon_writes, key, from);
	else
		msg_set(out, MSG_imp_daemon_leaves, key, from);
}

/* provider of proto at server (NULL: Custom). */
static const struct provider *
provider_of(const char *proto, const char *server)
{
	const struct provider *p;
	size_t i;

	for (i = 0; (p = prov_at(i)) != NULL; i++)
		if (p->protocol != NULL && p->server != NULL &&
		    strcmp(p->protocol, proto) == 0 &&
		    strcmp(p->server, server) == 0)
			return p;
	return NULL;
}

/* default_of: ddclient's default server (or script) of protocol proto,
 * or NULL (its protocol table, providers.c). */
static const char *
default_of(const char *proto, int script)
{
	const struct protocol *pr = proto_find(proto);

	return pr == NULL ? NULL : script ? pr->script : pr->server;
}

/*
 * take_fields: the settings that are host fields of the row (host.h's
 * ddclient column: an option of the field's name), each that the
 * provider (flags) accepts; a ddclient yes/no (DDO_FLAG) becomes "yes"
 * or "". Server and protocol (DDO_PRESET) chose the provider already.
 */
static void
take_fields(const struct imp_set *s, unsigned flags, struct imp_row *row)
{
	const char *val;
	enum ddopt o;
	int f, on;

	for (f = 0; f < HF__MAX; f++) {
		o = host_field_ddopt(f);
		if (o == DDO_NONE || o == DDO_PRESET ||
		    !(flags & val_field_accepted(f)) ||
		    (val = imp_get(s, host_field_name(f))) == NULL)
			continue;
		if (o != DDO_FLAG) {
			copy_field(row, f, val);
			continue;
		}
		if ((on = boolean(val)) == -1)
			note(row, 0, MSG_imp_not_bool, host_field_name(f));
		copy_field(row, f, on == 1 ? "yes" : "");
	}
}

/* take_setting: what the module makes of setting kv of a host of proto
 * (a note on row when it is not taken); with address sources (sources),
 * the detection settings are take_source's. */
static void
take_setting(const struct imp_kv *kv, const char *proto, enum ddv v,
    const struct imp_set *mod, int sources, struct imp_row *row)
{
	const char *from = NULL, *m, *def;
	int k = key_class(kv->key, &from), on;
	size_t l = strlen(kv->key);
	struct dd_msg dm;

	if (k == K_MODEL || (k == K_DAEMON && sources &&
	    strcmp(from, USE_FROM) == 0))
		return;
	if (k == K_DAEMON) {
		m = imp_get(mod, kv->key);
		if (same(kv->key, kv->val, m))
			return;
		daemon_note(&dm, kv->key, m, from);
		add(row, 0, &dm);
		return;
	}
	if (k == K_QUIET) {
		note(row, 0, MSG_imp_quiet, kv->key);
		return;
	}
	on = boolean(kv->val);
	def = default_of(proto, 1);
	if ((k == K_FALSE && on == 0) || (k == K_SCRIPT && def != NULL &&
	    strcmp(def, kv->val) == 0))
		return;
	if (l > 4 && strcmp(kv->key + l - 4, "_env") == 0) {
		/* 3.10 does not know name_env and skips it; 3.11 reads the
		 * value from its own environment. */
		if (v == DDV_310)
			note(row, 0, MSG_imp_env_310, kv->key);
		else
			note(row, 1, MSG_imp_env, kv->key);
		return;
	}
	if (k == -1 && !is_known(kv->key, v)) {
		note(row, 0, MSG_imp_unknown, kv->key, ddver_name(v));
		return;
	}
	note(row, 1, MSG_imp_changes, kv->key);
}

/* How ddclient's own words name an IPv4 detection (the hosts an Import
 * makes are IPv4): the kind's key (3.11's usev4=, else use=), its word,
 * and the key that holds its argument. */
static const struct {
	const char	*use;
	const char	*word;
	enum src_kind	 kind;
	const char	*arg;
} detections[] = {
	{ "usev4", "ifv4", SRC_IF, "ifv4" },
	{ "usev4", "webv4", SRC_WEB, "webv4" },
	{ "usev4", "cmdv4", SRC_CMD, "cmdv4" },
	{ "use", "if", SRC_IF, "if" },
	{ "use", "web", SRC_WEB, "web" },
	{ "use", "cmd", SRC_CMD, "cmd" },
};
#define NDETECTIONS (sizeof(detections) / sizeof(detections[0]))

/* setting: key of host h, else of the file's globals (ddclient's). */
static const char *
setting(const struct imp_conf *c, const struct imp_host *h, const char *key)
{
	const char *v = imp_get(&h->set, key);

	return v != NULL ? v : imp_get(&c->globals, key);
}

/* source_named: the usable source of cf whose IPv4 is kind k with
 * argument arg (a web check not bound to an interface), or NULL. */
static const struct source *
source_named(const struct conf *cf, enum src_kind k, const char *arg)
{
	const struct source_fam *f;
	size_t s;

	for (s = 0; s < cf->nsrc && arg != NULL; s++) {
		f = &cf->src[s].fam[0];
		if (cf->src[s].why == MSG_none && f->kind == k &&
		    *f->iface == '\0' && strcmp(f->arg, arg) == 0)
			return &cf->src[s];
	}
	return NULL;
}

/*
 * take_source: with address sources (cf->nsrc), the source whose IPv4
 * detection is the host's own (use=if, if=ppp0; usev4=webv4, webv4=URL;
 * ...), named in the row; a host with a detection that is no source's
 * follows the first, said in a note. A host that sets none follows the
 * first silently, as ddclient's default did.
 */
static void
take_source(const struct conf *cf, const struct imp_conf *c,
    const struct imp_host *h, enum ddv v, struct imp_row *row)
{
	const char *key, *use, *arg = NULL;
	const struct source *s = NULL;
	char said[SOURCE_ARG_SZ + 32];
	size_t d;

	if (cf == NULL || cf->nsrc == 0)
		return;
	key = v == DDV_311 && setting(c, h, "usev4") ? "usev4" : "use";
	if ((use = setting(c, h, key)) == NULL)
		return;
	for (d = 0; d < NDETECTIONS; d++)
		if (strcmp(detections[d].use, key) == 0 &&
		    strcmp(detections[d].word, use) == 0)
			break;
	if (d < NDETECTIONS) {
		arg = setting(c, h, detections[d].arg);
		s = source_named(cf, detections[d].kind, arg);
	}
	if (s != NULL) {
		copy_field(row, HF_SOURCE, s->name);
		return;
	}
	if (d < NDETECTIONS)
		snprintf(said, sizeof(said), "%s=%s, %s=%s", key, use,
		    detections[d].arg, arg ? arg : "");
	else
		snprintf(said, sizeof(said), "%s=%s", key, use);
	note(row, 0, MSG_imp_no_source, said, cf->src[0].name);
}

void
imp_take(const struct imp_conf *c, size_t i, enum ddv v,
    const struct imp_set *mod, const struct conf *cf, struct imp_row *row)
{
	const struct imp_host *h = &c->host[i];
	const struct imp_set *s = &h->set;
	const struct provider *p;
	const char *proto, *server;
	size_t j;

	memset(row, 0, sizeof(*row));
	copy_field(row, HF_HOSTNAME, h->name);
	/* ddclient: the host's protocol, else the last global one. */
	if ((proto = setting(c, h, "protocol")) == NULL)
		proto = "dyndns2";
	if ((server = imp_get(s, "server")) == NULL &&
	    (server = default_of(proto, 0)) == NULL) {
		note(row, 1, MSG_imp_protocol);
		return;
	}
	/* A TSIG protocol (nsupdate): the file's login is a program. */
	if (proto_find(proto) != NULL && (proto_find(proto)->flags & PF_TSIG)) {
		note(row, 1, MSG_imp_nsupdate);
		return;
	}
	p = provider_of(proto, server);
	if (p == NULL && proto_find(proto) == NULL) {
		note(row, 1, MSG_imp_protocol);
		return;
	}
	if (p == NULL) {
		p = prov_open();
		copy_field(row, HF_SERVER, server);
		copy_field(row, HF_PROTOCOL, proto);
	}
	copy_field(row, HF_PROVIDER, p->id);
	copy_field(row, HF_FAMILY, host_family_at(0));	/* IPv4 */
	take_fields(s, prov_flags(p, proto), row);
	for (j = 0; j < s->n; j++)
		take_setting(&s->kv[j], proto, v, mod, cf && cf->nsrc, row);
	take_source(cf, c, h, v, row);
}

size_t
imp_file_notes(const struct imp_conf *c, const struct imp_set *mod,
    struct dd_msg *out, size_t max)
{
	const struct imp_kv *kv;
	const char *from, *m;
	size_t i, j, n = 0;
	int held;

	for (i = 0; i < c->globals.n && n < max; i++) {
		kv = &c->globals.kv[i];
		if (key_class(kv->key, &from) != K_DAEMON)
			continue;
		m = imp_get(mod, kv->key);
		if (same(kv->key, kv->val, m))
			continue;
		for (held = 0, j = 0; j < c->nhost && !held; j++)
			held = imp_get(&c->host[j].set, kv->key) != NULL;
		if (held)
			continue;
		daemon_note(&out[n++], kv->key, m, from);
	}
	return n;
}

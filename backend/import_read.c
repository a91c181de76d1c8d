/* import_read.c: a ddclient configuration read as ddclient 3.10 and 3.11
 * read it (their _read_config): the grammar, the raw password pattern,
 * the ordered maps it fills. What the module makes of the hosts read is
 * import.c's. Pure: no I/O. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ddver.h"
#include "import.h"

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

/* mask.c: a ddclient configuration with every secret masked, found by
 * ddclient's own grammar (a small lexer of its _read_config; the import
 * parser, root-side code, is not linked here). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mask.h"

#define NOPOS ((size_t)-1)

/* Perl's \s on a byte string: ASCII blanks, \v too. */
static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* Characters with the offset in the file each came from (NOPOS: text
 * ddclient puts there itself, the "=dummy" of a password). */
struct seq {
	char	*c;
	size_t	*pos;
	size_t	 len, cap;
};

static int
seq_add(struct seq *s, char c, size_t pos)
{
	char *nc;
	size_t *np, cap;

	if (s->len == s->cap) {
		cap = s->cap ? s->cap * 2 : 256;
		if ((nc = realloc(s->c, cap)) == NULL)
			return -1;
		s->c = nc;
		if ((np = realloc(s->pos, cap * sizeof(*np))) == NULL)
			return -1;
		s->pos = np;
		s->cap = cap;
	}
	s->c[s->len] = c;
	s->pos[s->len++] = pos;
	return 0;
}

static void
seq_free(struct seq *s)
{
	free(s->c);
	free(s->pos);
	memset(s, 0, sizeof(*s));
}

/* The state of one reading of the file, as one ddclient version. */
struct lexer {
	int		 v310;		/* 3.10's password pattern */
	unsigned char	*sec;		/* per byte of the file: secret */
	struct seq	 phys;		/* the physical line, \r dropped */
	struct seq	 logic;		/* the logical line so far */
	size_t		*nonws, *nextws, *first;	/* per phys position */
	size_t		 wcap;
};

/* mark [a, b) of s secret; a value quoted as a whole keeps its quotes. */
static void
mark(struct lexer *lx, const struct seq *s, size_t a, size_t b, int keepq)
{
	if (keepq && b - a >= 2 && (s->c[a] == '\'' || s->c[a] == '"') &&
	    s->c[b - 1] == s->c[a]) {
		a++;
		b--;
	}
	for (; a < b; a++)
		if (s->pos[a] != NOPOS)
			lx->sec[s->pos[a]] = 1;
}

/* ---- the raw password pattern of one physical line ----
 *   3.10 /^([^#]*\s)?([^#]*?password\S*?)\s*=\s*('.*'|[^']\S*)(.*)/
 *   3.11 /^([^#]*\s)?([^#]*?password)\s*=\s*('.*'|[^']\S*)(.*)/
 * found as Perl's backtracking finds it, in linear time: whether a key
 * that ends at j takes a value does not depend on where the key starts. */

struct pwm {
	size_t	 h, j, vs, ve;	/* key [h, j), value [vs, ve) */
};

/* try_at: \s*=\s*('.*'|[^']\S*) from j; 1 with [*vs, *ve) set. */
static int
try_at(const struct lexer *lx, size_t j, size_t lastq, size_t *vs,
    size_t *ve)
{
	const struct seq *l = &lx->phys;
	size_t q = lx->nonws[j], r, t;

	if (q >= l->len || l->c[q] != '=')
		return 0;
	r = q + 1;
	t = lx->nonws[r];
	if (t < l->len && l->c[t] != '\'') {
		*vs = t;
		*ve = lx->nextws[t + 1];
		return 1;
	}
	if (t < l->len && lastq != NOPOS && lastq > t) {
		*vs = t;
		*ve = lastq + 1;
		return 1;
	}
	if (t > r) {
		/* \s* gives back a blank, which [^'] takes */
		*vs = t - 1;
		*ve = lx->nextws[t];
		return 1;
	}
	return 0;
}

/* key_end: where the key of the "password" at k ends (NOPOS: no match). */
static size_t
key_end(const struct lexer *lx, size_t k)
{
	return lx->v310 ? lx->first[k + 8] : (lx->first[k + 8] == k + 8 ?
	    k + 8 : NOPOS);
}

static int
is_password_at(const struct seq *l, size_t k)
{
	return k + 8 <= l->len && memcmp(l->c + k, "password", 8) == 0;
}

static int
work_arrays(struct lexer *lx, size_t n)
{
	size_t *a, *b, *c;

	if (n <= lx->wcap)
		return 0;
	if ((a = realloc(lx->nonws, n * sizeof(*a))) == NULL)
		return -1;
	lx->nonws = a;
	if ((b = realloc(lx->nextws, n * sizeof(*b))) == NULL)
		return -1;
	lx->nextws = b;
	if ((c = realloc(lx->first, n * sizeof(*c))) == NULL)
		return -1;
	lx->first = c;
	lx->wcap = n;
	return 0;
}

/* pw_match: the pattern on lx->phys. Returns 1 with *m, 0, or -1. */
static int
pw_match(struct lexer *lx, struct pwm *m)
{
	const struct seq *l = &lx->phys;
	size_t len = l->len, hash, lastq = NOPOS, p, k, kmax = NOPOS, j;

	if (work_arrays(lx, len + 2) == -1)
		return -1;
	for (hash = 0; hash < len && l->c[hash] != '#'; hash++)
		;
	lx->nonws[len] = lx->nextws[len] = len;
	lx->nonws[len + 1] = lx->nextws[len + 1] = len;
	for (p = len; p-- > 0;) {
		if (lastq == NOPOS && l->c[p] == '\'')
			lastq = p;
		lx->nonws[p] = is_ws(l->c[p]) ? lx->nonws[p + 1] : p;
		lx->nextws[p] = is_ws(l->c[p]) ? p : lx->nextws[p + 1];
	}
	/* first[p]: the first key end at or after p, in p's run of
	 * non-blanks or at the blank that ends it, where a value follows */
	for (p = len + 1; p-- > 0;) {
		if (try_at(lx, p, lastq, &m->vs, &m->ve))
			lx->first[p] = p;
		else
			lx->first[p] = p == len || is_ws(l->c[p]) ? NOPOS :
			    lx->first[p + 1];
	}
	/* the longest head: ends at the last blank before the last "password"
	 * that matches; the key then starts at the first one after it */
	for (k = 0; k + 8 <= hash; k++)
		if (is_password_at(l, k) && key_end(lx, k) != NOPOS)
			kmax = k;
	if (kmax == NOPOS)
		return 0;
	for (m->h = kmax; m->h > 0 && !is_ws(l->c[m->h - 1]); m->h--)
		;
	for (k = m->h; !is_password_at(l, k) || key_end(lx, k) == NOPOS; k++)
		;
	j = key_end(lx, k);
	m->j = j;
	(void)try_at(lx, j, lastq, &m->vs, &m->ve);
	return 1;
}

/* ---- one logical line: assignments, then "host login password" ---- */

static const char *const secret_opt[] = {
	"password", "fw-password", "apikey", "secretapikey",
};

static int
is_secret(const struct seq *s, size_t a, size_t b)
{
	size_t i, n = b - a;
	char name[16];

	if (n >= sizeof(name))
		return 0;
	memcpy(name, s->c + a, n);
	name[n] = '\0';
	for (i = 0; i < sizeof(secret_opt) / sizeof(secret_opt[0]); i++)
		if (strcasecmp(secret_opt[i], name) == 0)
			return 1;
	return 0;
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_name(int c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* skip [,\s]* from p to at most end */
static size_t
skip_sep(const struct seq *s, size_t p, size_t end)
{
	while (p < end && (s->c[p] == ',' || is_ws(s->c[p])))
		p++;
	return p;
}

/*
 * assignment: parse_assignment at p (blank runs count as one space, as
 * after ddclient's canonify). Returns where the value ends and sets
 * *name_end and *vs, or NOPOS when p holds no name=.
 */
static size_t
assignment(const struct seq *s, size_t p, size_t end, size_t *name_end,
    size_t *vs)
{
	size_t q;
	int esc = 0;
	char quote = 0, c;

	if (p >= end || !is_alpha(s->c[p]))
		return NOPOS;
	for (q = p + 1; q < end && is_name(s->c[q]); q++)
		;
	if (q >= end || s->c[q] != '=')
		return NOPOS;
	*name_end = q;
	*vs = ++q;
	while (q < end) {
		c = s->c[q];
		if (!esc && !quote && (is_ws(c) || c == ','))
			break;
		if (esc)
			esc = 0;
		else if (c == '\\')
			esc = 1;
		else if (quote && c == quote)
			quote = 0;
		else if (!quote && (c == '\'' || c == '"'))
			quote = c;
		/* a blank run is one blank */
		if (is_ws(c))
			while (q + 1 < end && is_ws(s->c[q + 1]))
				q++;
		q++;
	}
	return q;
}

/* word_end: the end of the word at p after s/\s*,\s*\/,/g: blanks next to
 * a comma do not end it. */
static size_t
word_end(const struct seq *s, size_t p, size_t end)
{
	size_t q;

	while (p < end) {
		if (!is_ws(s->c[p])) {
			p++;
			continue;
		}
		for (q = p; q < end && is_ws(s->c[q]); q++)
			;
		if (s->c[p - 1] != ',' && (q >= end || s->c[q] != ','))
			break;
		p = q;
	}
	return p;
}

static void
logical(struct lexer *lx)
{
	const struct seq *s = &lx->logic;
	size_t p = 0, end = s->len, ne, vs, ve, w, word = 0;

	while (end > 0 && is_ws(s->c[end - 1]))
		end--;
	for (;;) {
		p = skip_sep(s, p, end);
		if ((ve = assignment(s, p, end, &ne, &vs)) == NOPOS)
			break;
		if (is_secret(s, p, ne))
			mark(lx, s, vs, ve, 1);
		p = ve;
	}
	/* the words: host[,host...] login password */
	for (; p < end && word < 3; word++) {
		w = word_end(s, p, end);
		if (word == 2)
			mark(lx, s, p, w, 0);
		for (p = w; p < end && is_ws(s->c[p]); p++)
			;
	}
}

/* ---- physical lines ---- */

/* key_is_env: 3.11's name_env holds the name of a variable, no secret. */
static int
key_is_env(const struct seq *l, const struct pwm *m)
{
	return m->j - m->h >= 4 && memcmp(l->c + m->j - 4, "_env", 4) == 0;
}

/* add [a, b) of the physical line to the logical one, up to a '#'.
 * Returns 1 when a '#' was met, 0, or -1. */
static int
append(struct lexer *lx, size_t a, size_t b)
{
	for (; a < b; a++) {
		if (lx->phys.c[a] == '#')
			return 1;
		if (seq_add(&lx->logic, lx->phys.c[a], lx->phys.pos[a]) == -1)
			return -1;
	}
	return 0;
}

static int
physical(struct lexer *lx, const char *in, size_t a, size_t b)
{
	struct pwm m;
	const char *dummy = "=dummy";
	int rc;

	lx->phys.len = 0;
	for (; a < b; a++)
		if (in[a] != '\r' && seq_add(&lx->phys, in[a], a) == -1)
			return -1;
	if ((rc = pw_match(lx, &m)) == -1)
		return -1;
	if (rc == 1) {
		if (!key_is_env(&lx->phys, &m))
			mark(lx, &lx->phys, m.vs, m.ve, lx->phys.c[m.vs] == '\'');
		/* ddclient goes on with "head key=dummy tail" */
		if ((rc = append(lx, 0, m.j)) == 0) {
			for (; *dummy && rc == 0; dummy++)
				rc = seq_add(&lx->logic, *dummy, NOPOS);
			if (rc == 0)
				rc = append(lx, m.ve, lx->phys.len);
		}
	} else
		rc = append(lx, 0, lx->phys.len);
	if (rc == -1)
		return -1;
	if (lx->logic.len > 0 && lx->logic.c[lx->logic.len - 1] == '\\') {
		lx->logic.len--;
		return 0;
	}
	logical(lx);
	lx->logic.len = 0;
	return 0;
}

/* read: the whole file as one version reads it, marking lx->sec. */
static int
read_as(struct lexer *lx, const char *in, size_t n)
{
	const char *nl;
	size_t p = 0, e;

	while (p < n) {
		nl = memchr(in + p, '\n', n - p);
		e = nl ? (size_t)(nl - in) : n;
		if (physical(lx, in, p, e) == -1)
			return -1;
		p = e + 1;
	}
	/* a continuation at the end of the file: ddclient reads no more */
	return 0;
}

int
mask_conf(const char *in, size_t n, struct buf *out)
{
	struct lexer lx = { 0 };
	size_t i;
	int rc = -1;

	if ((lx.sec = calloc(n + 1, 1)) == NULL)
		goto out;
	lx.v310 = 1;
	if (read_as(&lx, in, n) == -1)
		goto out;
	lx.v310 = 0;
	lx.logic.len = 0;
	if (read_as(&lx, in, n) == -1)
		goto out;
	for (i = 0; i < n; i++) {
		if (!lx.sec[i])
			buf_add(out, in + i, 1);
		else if (i == 0 || !lx.sec[i - 1])
			buf_puts(out, MASK_TEXT);
	}
	rc = out->oom ? -1 : 0;
out:
	free(lx.sec);
	seq_free(&lx.phys);
	seq_free(&lx.logic);
	free(lx.nonws);
	free(lx.nextws);
	free(lx.first);
	return rc;
}

/* dnslog.c: the DNS verdict changes' strict line format, their record
 * and bounds (dnslog.h). */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnslog.h"
#include "fileio.h"
#include "num.h"

#define MAGIC		"ddns-dnslog 1"
#define LINE_SZ		(64 + HOSTNAME_SZ + DNSLOG_ANSWER_SZ)
#define TIME_MAX	(1LL << 40)
#define NAME_CHARS	"abcdefghijklmnopqrstuvwxyz0123456789.-"


/* answer_ok: "" or up to DNS_ADDRS addresses of family fam, by commas. */
static int
answer_ok(const char *s, enum netfam fam)
{
	char a[DNS_ADDR_SZ];
	unsigned char bin[16];
	size_t n, k = 0;

	while (*s) {
		n = strcspn(s, ",");
		if (n == 0 || n >= sizeof(a) || ++k > DNS_ADDRS)
			return 0;
		memcpy(a, s, n);
		a[n] = '\0';
		if (inet_pton(netip_af(fam), a, bin) != 1)
			return 0;
		s += n;
		if (*s == ',' && *++s == '\0')
			return 0;
	}
	return 1;
}

/* grow: room for one more change in l. */
static int
grow(struct dnslog *l)
{
	struct dnschange *c;
	size_t cap = l->cap ? 2 * l->cap : 64;

	if (l->n < l->cap)
		return 0;
	if ((c = realloc(l->c, cap * sizeof(*c))) == NULL)
		return -1;
	l->c = c;
	l->cap = cap;
	return 0;
}

/* parse_line: one change line (NUL-terminated, cut up in place). */
static int
parse_line(char *line, struct dnschange *out)
{
	char *w[5], *save = NULL;
	size_t i, n;
	int k;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < 5; i++)
		if ((w[i] = strtok_r(i ? NULL : line, " ", &save)) == NULL)
			return -1;
	if (strtok_r(NULL, " ", &save) != NULL ||
	    num_parse(w[0], 0, TIME_MAX, &out->at) == -1)
		return -1;
	n = strlen(w[1]);
	if (n == 0 || n >= sizeof(out->host) || strspn(w[1], NAME_CHARS) != n)
		return -1;
	memcpy(out->host, w[1], n + 1);
	if ((k = netip_fam_find(w[2])) < 0)
		return -1;
	out->fam = (enum netfam)k;
	if ((k = dnsstate_verdict_of(w[3])) < 0)
		return -1;
	out->v = (enum dnsverdict)k;
	if (strcmp(w[4], "-") != 0) {
		if (strlen(w[4]) >= sizeof(out->answer) ||
		    !answer_ok(w[4], out->fam))
			return -1;
		memcpy(out->answer, w[4], strlen(w[4]) + 1);
	}
	return 0;
}

int
dnslog_parse(const char *data, size_t n, struct dnslog *l, struct dd_err *e)
{
	char line[LINE_SZ];
	const char *p = data, *end = data + n;
	size_t no;

	memset(l, 0, sizeof(*l));
	for (no = 1; p < end; no++) {
		if (file_line(&p, end, line, sizeof(line)) == -1)
			goto bad;
		if (no == 1) {
			if (strcmp(line, MAGIC) != 0)
				goto bad;
			continue;
		}
		if (grow(l) == -1) {
			dnslog_free(l);
			return dd_fail(e, DD_ESYS, NULL, MSG_oom);
		}
		if (parse_line(line, &l->c[l->n]) == -1)
			goto bad;
		l->n++;
	}
	if (no == 1)
		goto bad;
	return 0;
bad:
	dnslog_free(l);
	return dd_failf(e, DD_EINVAL, NULL, "the DNS verdict log is damaged "
	    "at line %zu", no);
}

int
dnslog_read(const char *path, struct dnslog *l, struct dd_err *e)
{
	char *data;
	size_t n;
	int rc;

	memset(l, 0, sizeof(*l));
	if (file_read(path, DNSLOG_MAX, &data, &n, e) == -1)
		return -1;
	rc = dnslog_parse(data, n, l, e);
	free(data);
	return rc;
}

int
dnslog_add(struct dnslog *l, long long at, const char *host,
    enum netfam fam, enum dnsverdict v, const struct dnsentry *x)
{
	struct dnschange *c;
	size_t i, len = 0;

	for (i = l->n; i-- > 0;)
		if (l->c[i].fam == fam && strcmp(l->c[i].host, host) == 0) {
			if (l->c[i].v == v)
				return 0;
			break;
		}
	if (grow(l) == -1)
		return -1;
	c = &l->c[l->n];
	memset(c, 0, sizeof(*c));
	c->at = at;
	snprintf(c->host, sizeof(c->host), "%s", host);
	c->fam = fam;
	c->v = v;
	for (i = 0; x != NULL && i < x->naddr; i++)
		len += (size_t)snprintf(c->answer + len, sizeof(c->answer) - len,
		    "%s%s", i ? "," : "", x->addr[i]);
	l->n++;
	return 1;
}

/* A change's place, sorted by host and family, newest (highest place)
 * first. */
struct place {
	const char	*host;
	enum netfam	 fam;
	size_t		 i;
};

static int
by_host(const void *pa, const void *pb)
{
	const struct place *a = pa, *b = pb;
	int c = strcmp(a->host, b->host);

	if (c == 0)
		c = (int)a->fam - (int)b->fam;
	return c != 0 ? c : (a->i < b->i) - (a->i > b->i);
}

void
dnslog_trim(struct dnslog *l, size_t per_host, size_t max)
{
	size_t i, k, run, first = l->n > max ? l->n - max : 0, n = l->n - first;
	struct place *p;
	char *keep;

	if (n == 0)
		return;
	p = calloc(n, sizeof(*p));
	keep = calloc(n, 1);
	if (p == NULL || keep == NULL) {	/* the bound in all, still */
		memmove(l->c, l->c + first, n * sizeof(*l->c));
		l->n = n;
		free(p);
		free(keep);
		return;
	}
	for (i = 0; i < n; i++)
		p[i].host = l->c[first + i].host, p[i].i = i,
		    p[i].fam = l->c[first + i].fam;
	qsort(p, n, sizeof(*p), by_host);
	for (i = 0, run = 0; i < n; i++) {
		run = i > 0 && p[i].fam == p[i - 1].fam &&
		    strcmp(p[i].host, p[i - 1].host) == 0 ? run + 1 : 1;
		keep[p[i].i] = run <= per_host;
	}
	for (i = 0, k = 0; i < n; i++)
		if (keep[i])
			l->c[k++] = l->c[first + i];
	l->n = k;
	free(p);
	free(keep);
}

void
dnslog_format(const struct dnslog *l, struct buf *out)
{
	size_t i;

	buf_printf(out, MAGIC "\n");
	for (i = 0; i < l->n; i++)
		buf_printf(out, "%lld %s %s %s %s\n", l->c[i].at, l->c[i].host,
		    netip_fam_word(l->c[i].fam), dnsstate_verdict_word(l->c[i].v),
		    *l->c[i].answer ? l->c[i].answer : "-");
}

int
dnslog_write(const char *path, const struct dnslog *l, struct dd_err *e)
{
	struct buf b = { 0 };

	dnslog_format(l, &b);
	return file_write_buf(path, &b, 0600, e);
}

void
dnslog_free(struct dnslog *l)
{
	free(l->c);
	memset(l, 0, sizeof(*l));
}

/* attempts.c: the record of ddclient's update attempts: its strict line
 * format, what a cache adds to it, and its bounds (attempts.h). */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attempts.h"
#include "num.h"
#include "validate.h"

#define STATUS_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" \
	"0123456789!._-"

static const char first[] = "ddns-attempts 1\n";

/* ip_ok: is s an address of the family, written as inet_ntop writes it? */
static int
ip_ok(const char *s, int v6)
{
	unsigned char bin[16];
	char back[ATT_IP_SZ];
	int af = v6 ? AF_INET6 : AF_INET;

	return strlen(s) < ATT_IP_SZ && inet_pton(af, s, bin) == 1 &&
	    inet_ntop(af, bin, back, sizeof(back)) != NULL &&
	    strcmp(back, s) == 0;
}

static int
status_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n < ATT_STATUS_SZ && s[strspn(s, STATUS_CHARS)] == '\0';
}

static int
host_ok(const char *s)
{
	char canon[HOSTNAME_SZ];

	return strlen(s) < HOSTNAME_SZ &&
	    val_hostname(s, canon, sizeof(canon), NULL) == 0 &&
	    strcmp(canon, s) == 0;
}

/* cmp_time: newest first; a tie by host, then family. */
static int
cmp_time(const void *pa, const void *pb)
{
	const struct attempt *a = pa, *b = pb;
	int c;

	if (a->at != b->at)
		return a->at < b->at ? 1 : -1;
	if ((c = strcmp(a->host, b->host)) != 0)
		return c;
	return a->v6 - b->v6;
}

/* cmp_host: by host and family, newest first within them. */
static int
cmp_host(const void *pa, const void *pb)
{
	const struct attempt *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->host, b->host)) != 0)
		return c;
	if (a->v6 != b->v6)
		return a->v6 - b->v6;
	return a->at == b->at ? 0 : a->at < b->at ? 1 : -1;
}

int
att_good(const char *s)
{
	return strcmp(s, "good") == 0 || strcmp(s, "nochg") == 0;
}

void
att_free(struct att_list *l)
{
	free(l->a);
	l->a = NULL;
	l->n = 0;
}

/* grow: room for one more attempt in l. */
static int
grow(struct att_list *l, size_t *cap)
{
	struct attempt *p;
	size_t ncap;

	if (l->n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	if ((p = realloc(l->a, ncap * sizeof(*p))) == NULL)
		return -1;
	l->a = p;
	*cap = ncap;
	return 0;
}

/* field: the next space-ended word of [*p, end) into out (size bytes);
 * the last word of a line ends at end. -1 if none or too long. */
static int
field(const char **p, const char *end, int last, char *out, size_t size)
{
	const char *sp = last ? end : memchr(*p, ' ', (size_t)(end - *p));
	size_t n;

	if (sp == NULL || sp == *p || (n = (size_t)(sp - *p)) >= size ||
	    memchr(*p, ' ', n) != NULL || memchr(*p, '\0', n) != NULL)
		return -1;
	memcpy(out, *p, n);
	out[n] = '\0';
	*p = last ? end : sp + 1;
	return 0;
}

/* parse_line: "attempt <at> <4|6> <ip|-> <status|-> <host>" into *a. */
static int
parse_line(const char *p, const char *end, struct attempt *a)
{
	char at[16], fam[2], ip[ATT_IP_SZ], st[ATT_STATUS_SZ];

	if ((size_t)(end - p) < 8 || memcmp(p, "attempt ", 8) != 0)
		return -1;
	p += 8;
	memset(a, 0, sizeof(*a));
	if (field(&p, end, 0, at, sizeof(at)) == -1 ||
	    field(&p, end, 0, fam, sizeof(fam)) == -1 ||
	    field(&p, end, 0, ip, sizeof(ip)) == -1 ||
	    field(&p, end, 0, st, sizeof(st)) == -1 ||
	    field(&p, end, 1, a->host, sizeof(a->host)) == -1)
		return -1;
	/* num_parse takes no sign or blank; at[0] a digit, never "0...". */
	if (at[0] < '1' || at[0] > '9' ||
	    num_parse(at, 1, 1LL << 40, &a->at) == -1)
		return -1;
	if (strcmp(fam, "4") != 0 && strcmp(fam, "6") != 0)
		return -1;
	a->v6 = fam[0] == '6';
	if (strcmp(ip, "-") != 0) {
		if (!ip_ok(ip, a->v6))
			return -1;
		strcpy(a->ip, ip);
	}
	if (strcmp(st, "-") != 0) {
		if (!status_ok(st))
			return -1;
		strcpy(a->status, st);
	}
	return host_ok(a->host) ? 0 : -1;
}

/* caps_ok: no more than ATT_PER_HOST_MAX of one host and family. */
static int
caps_ok(const struct att_list *l)
{
	struct attempt *c;
	size_t i, run = 0;

	if (l->n <= ATT_PER_HOST_MAX)
		return 0;
	if ((c = malloc(l->n * sizeof(*c))) == NULL)
		return -2;
	memcpy(c, l->a, l->n * sizeof(*c));
	if (l->n > 1)	/* qsort of no array: NULL is not allowed */
		qsort(c, l->n, sizeof(*c), cmp_host);
	for (i = 0; i < l->n && run <= ATT_PER_HOST_MAX; i++)
		run = i > 0 && c[i].v6 == c[i - 1].v6 &&
		    strcmp(c[i].host, c[i - 1].host) == 0 ? run + 1 : 1;
	free(c);
	return run > ATT_PER_HOST_MAX ? -1 : 0;
}

int
att_read(const char *text, size_t n, struct att_list *out, struct dd_err *e)
{
	const char *p = text, *end = text + n, *nl;
	size_t cap = 0;
	int ended = 0, rc;

	memset(out, 0, sizeof(*out));
	if (n > ATT_FILE_MAX)
		return dd_failf(e, DD_ETOOBIG, NULL, "over %zu bytes",
		    ATT_FILE_MAX);
	if (n < sizeof(first) - 1 || memcmp(text, first, sizeof(first) - 1))
		return dd_failf(e, DD_EBADREQ, NULL, "not an attempts file");
	for (p += sizeof(first) - 1; p < end; p = nl + 1) {
		if (ended)
			return dd_failf(e, DD_EBADREQ, NULL, "text after the end");
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return dd_failf(e, DD_EBADREQ, NULL, "a cut line");
		if (nl - p == 3 && memcmp(p, "end", 3) == 0) {
			ended = 1;
			continue;
		}
		if (out->n >= ATT_ALL_MAX)
			return dd_failf(e, DD_ETOOBIG, NULL, "over %d attempts",
			    ATT_ALL_MAX);
		if (grow(out, &cap) == -1)
			return dd_fail(e, DD_ESYS, NULL, MSG_oom);
		if (parse_line(p, nl, &out->a[out->n]) == -1)
			return dd_failf(e, DD_EBADREQ, NULL, "a bad line (%zu)",
			    out->n + 2);
		if (out->n > 0 && cmp_time(&out->a[out->n - 1],
		    &out->a[out->n]) >= 0)
			return dd_failf(e, DD_EBADREQ, NULL, "a line out of "
			    "order (%zu)", out->n + 2);
		out->n++;
	}
	if (!ended)
		return dd_failf(e, DD_EBADREQ, NULL, "no end: the file is cut");
	if ((rc = caps_ok(out)) == -2)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	if (rc == -1)
		return dd_failf(e, DD_ETOOBIG, NULL, "over %d attempts of one "
		    "host", ATT_PER_HOST_MAX);
	return 0;
}

int
att_emit(struct buf *out, const struct att_list *l)
{
	const struct attempt *a;
	size_t i;

	buf_puts(out, first);
	for (i = 0; i < l->n; i++) {
		a = &l->a[i];
		/* Left out: what att_read would refuse (and a repeat). */
		if (a->at < 1 || a->at > 1LL << 40 || !host_ok(a->host) ||
		    (*a->ip && !ip_ok(a->ip, a->v6)) ||
		    (*a->status && !status_ok(a->status)) ||
		    (i > 0 && cmp_time(&l->a[i - 1], a) >= 0))
			continue;
		buf_printf(out, "attempt %lld %c %s %s %s\n", a->at,
		    a->v6 ? '6' : '4', *a->ip ? a->ip : "-",
		    *a->status ? a->status : "-", a->host);
	}
	buf_puts(out, "end\n");
	return out->oom ? -1 : 0;
}

/* wanted: the one address of the family among want, or "". */
static const char *
wanted(char *const *want, size_t nwant, int v6)
{
	const char *one = "";
	size_t i;

	for (i = 0; i < nwant; i++) {
		if (!ip_ok(want[i], v6))
			continue;
		if (*one && strcmp(one, want[i]) != 0)
			return "";
		one = want[i];
	}
	return one;
}

/* newest: the time of the newest attempt of host and family among the
 * n sorted by cmp_host at s, or 0: the first at or after a key that
 * sorts before every attempt of theirs. */
static long long
newest(const struct attempt *s, size_t n, const char *host, int v6)
{
	struct attempt key;
	size_t lo = 0, hi = n, mid;

	memset(&key, 0, sizeof(key));
	snprintf(key.host, sizeof(key.host), "%s", host);
	key.v6 = v6;
	key.at = 1LL << 41;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cmp_host(&s[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && s[lo].v6 == v6 && strcmp(s[lo].host, host) == 0 ?
	    s[lo].at : 0;
}

/* families: the attempts of one cache entry (at most two) into a[]. */
static size_t
families(const struct cache_entry *ce, char *const *want, size_t nwant,
    struct attempt a[2])
{
	const char *fip, *fst, *ip;
	size_t k = 0;
	int v6, own;

	for (v6 = 0; v6 < 2; v6++) {
		fip = v6 ? ce->ip6 : ce->ip4;
		fst = v6 ? ce->status6 : ce->status4;
		/* 3.10 writes "noconnect" in both per-family keys of a
		 * protocol that keeps one status: no word of that family. */
		own = *fip || (*fst && strcmp(fst, "noconnect") != 0);
		if (!own)
			continue;
		a[k].v6 = v6;
		snprintf(a[k].status, sizeof(a[k].status), "%s",
		    *fst ? fst : ce->status);
		ip = att_good(a[k].status) ? fip : wanted(want, nwant, v6);
		snprintf(a[k].ip, sizeof(a[k].ip), "%s", ip);
		k++;
	}
	if (k > 0)
		return k;
	/* 3.10's one pair: the family is its address's, else the wanted
	 * one's, else IPv4. */
	v6 = strchr(ce->ip, ':') != NULL;
	if (*ce->ip == '\0')
		v6 = *wanted(want, nwant, 0) == '\0' && *wanted(want, nwant, 1);
	if (*ce->status == '\0' && *ce->ip == '\0')
		return 0;
	a[0].v6 = v6;
	snprintf(a[0].status, sizeof(a[0].status), "%s", ce->status);
	ip = att_good(ce->status) ? ce->ip : wanted(want, nwant, v6);
	snprintf(a[0].ip, sizeof(a[0].ip), "%s", ip);
	return 1;
}

int
att_from_cache(struct att_list *l, const struct cache_entry *ce, size_t n,
    char *const *want, size_t nwant)
{
	struct attempt *sorted = NULL, got[2];
	size_t i, k, nf, nold = l->n, cap = l->n;

	if (nold > 0) {
		if ((sorted = malloc(nold * sizeof(*sorted))) == NULL)
			return -1;
		memcpy(sorted, l->a, nold * sizeof(*sorted));
		qsort(sorted, nold, sizeof(*sorted), cmp_host);
	}
	for (i = 0; i < n; i++) {
		if (ce[i].atime < 1 || !host_ok(ce[i].host))
			continue;
		memset(got, 0, sizeof(got));
		nf = families(&ce[i], want, nwant, got);
		for (k = 0; k < nf; k++) {
			if (newest(sorted, nold, ce[i].host, got[k].v6) >=
			    ce[i].atime)
				continue;
			if (grow(l, &cap) == -1) {
				l->n = nold;
				free(sorted);
				return -1;
			}
			got[k].at = ce[i].atime;
			memcpy(got[k].host, ce[i].host, sizeof(got[k].host));
			/* Only what the format carries. */
			if (*got[k].ip && !ip_ok(got[k].ip, got[k].v6))
				got[k].ip[0] = '\0';
			if (*got[k].status && !status_ok(got[k].status))
				got[k].status[0] = '\0';
			l->a[l->n++] = got[k];
		}
	}
	free(sorted);
	return 0;
}

void
att_trim(struct att_list *l, size_t per_host, size_t max)
{
	size_t i, k = 0, run = 0;

	if (l->n > 1)	/* qsort of no array: NULL is not allowed */
		qsort(l->a, l->n, sizeof(*l->a), cmp_host);
	for (i = 0; i < l->n; i++) {
		run = i > 0 && l->a[i].v6 == l->a[i - 1].v6 &&
		    strcmp(l->a[i].host, l->a[i - 1].host) == 0 ? run + 1 : 1;
		/* A repeat of the same time is the same attempt. */
		if (run > per_host || (run > 1 && l->a[i].at == l->a[i - 1].at))
			continue;
		if (k != i)
			l->a[k] = l->a[i];
		k++;
	}
	l->n = k;
	if (l->n > 1)	/* qsort of no array: NULL is not allowed */
		qsort(l->a, l->n, sizeof(*l->a), cmp_time);
	if (l->n > max)
		l->n = max;
}

/* dnsstate.c: the DNS state file's strict line format (reader, writer)
 * and the verdict of one host and family. The lookups themselves
 * (libunbound) are in dnscheck_main.c only. */
#include <arpa/inet.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnsstate.h"
#include "fileio.h"
#include "num.h"

#define MAGIC		"ddns-dnscheck 1"
#define LINE_MAX_SZ	1024	/* an entry line: host, 8 addresses, detail */
#define TIME_MAX	(1LL << 40)
#define TTL_MAX		2147483647LL
#define NAME_CHARS	"abcdefghijklmnopqrstuvwxyz0123456789.-"

/* Indexed by the enums of dnsstate.h; the file and the JSON spell them so. */
static const char *const mode_words[DNSMODE__MAX] = {
	[DNSMODE_AUTH] = "authoritative",
	[DNSMODE_RESOLVER] = "resolver",
	[DNSMODE_OFF] = "off",
};
static const char *const sec_words[DNSSEC__MAX] = {
	[DNSSEC_UNCHECKED] = "unchecked",
	[DNSSEC_INSECURE] = "insecure",
	[DNSSEC_SECURE] = "secure",
	[DNSSEC_BOGUS] = "bogus",
};
static const char *const err_words[DNSERR__MAX] = {
	[DNSERR_NONE] = "-",
	[DNSERR_TIMEOUT] = "timeout",
	[DNSERR_FAILED] = "failed",
	[DNSERR_BOGUS] = "bogus",
};
static const char *const verdict_words[DV__MAX] = {
	[DV_NOT_CHECKED] = "not_checked",
	[DV_COULD_NOT_CHECK] = "could_not_check",
	[DV_IN_DNS] = "in_dns",
	[DV_PROPAGATING] = "propagating",
	[DV_DIFFERS] = "dns_differs",
	[DV_NEEDS_UPDATE] = "needs_update",
	[DV_NO_RECORD] = "no_record",
};
/* RFC 1035 and RFC 2136's rcodes, by number. */
static const char *const rcode_words[] = {
	"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED",
	"YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE",
};
#define NRCODES (int)(sizeof(rcode_words) / sizeof(rcode_words[0]))
#define RCODE_NOERROR	0
#define RCODE_NXDOMAIN	3

/* word_index: the index of w in words[0..n), or -1. */
static int
word_index(const char *w, const char *const *words, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (words[i] != NULL && strcmp(w, words[i]) == 0)
			return i;
	return -1;
}

const char *
dnsstate_verdict_word(enum dnsverdict v)
{
	return (unsigned)v < DV__MAX ? verdict_words[v] : NULL;
}

int
dnsstate_verdict_of(const char *w)
{
	return word_index(w, verdict_words, DV__MAX);
}

const char *
dnsstate_sec_word(enum dnssec s)
{
	return (unsigned)s < DNSSEC__MAX ? sec_words[s] : NULL;
}

const char *
dnsstate_rcode_word(int rcode)
{
	return rcode >= 0 && rcode < NRCODES ? rcode_words[rcode] : NULL;
}

const char *
dnsstate_mode_word(enum dnsmode m)
{
	return (unsigned)m < DNSMODE__MAX ? mode_words[m] : NULL;
}

/* name_ok: a lowercase host or zone name as the store keeps them. */
static int
name_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n < HOSTNAME_SZ && strspn(s, NAME_CHARS) == n &&
	    s[0] != '.' && s[0] != '-' && strstr(s, "..") == NULL;
}

/* server_ok: "ADDR" or "ADDR@PORT", ADDR an IPv4 or IPv6 literal. */
static int
server_ok(const char *s)
{
	unsigned char bin[16];
	char addr[DNS_ADDR_SZ];
	const char *at = strchr(s, '@');
	size_t n = at ? (size_t)(at - s) : strlen(s);
	long long port;

	if (n == 0 || n >= sizeof(addr) || strlen(s) >= DNS_SERVER_SZ)
		return 0;
	memcpy(addr, s, n);
	addr[n] = '\0';
	if (inet_pton(AF_INET, addr, bin) != 1 &&
	    inet_pton(AF_INET6, addr, bin) != 1)
		return 0;
	return at == NULL || num_parse(at + 1, 1, 65535, &port) == 0;
}

int
dnsstate_mode(const char *v, enum dnsmode *mode, char *server,
    size_t serversz, const char **why)
{
	static const char res[] = "resolver ";

	*server = '\0';
	if (strcmp(v, "authoritative") == 0 || strcmp(v, "off") == 0) {
		*mode = *v == 'a' ? DNSMODE_AUTH : DNSMODE_OFF;
		return 0;
	}
	if (strncmp(v, res, sizeof(res) - 1) == 0) {
		v += sizeof(res) - 1;
		if (!server_ok(v) || strlen(v) >= serversz) {
			*why = "must name the resolver as an IPv4 or IPv6 "
			    "address, optionally @port (resolver 192.0.2.53)";
			return -1;
		}
		snprintf(server, serversz, "%s", v);
		*mode = DNSMODE_RESOLVER;
		return 0;
	}
	*why = "must be authoritative, resolver ADDRESS or off";
	return -1;
}

int
dnsstate_stub(const char *v, char *zone, size_t zonesz, char *server,
    size_t serversz, const char **why)
{
	const char *sp = strchr(v, ' ');
	size_t n = sp ? (size_t)(sp - v) : 0;

	*why = "must be a zone and the address of its server, optionally "
	    "@port (dyn.example.test 127.0.0.1@5353)";
	if (sp == NULL || n >= zonesz || strlen(sp + 1) >= serversz)
		return -1;
	memcpy(zone, v, n);
	zone[n] = '\0';
	if (!name_ok(zone) || !server_ok(sp + 1))
		return -1;
	snprintf(server, serversz, "%s", sp + 1);
	return 0;
}

/* field: the next space-separated word of *p (cut there), NULL if it is
 * empty; *p then points past the one space, or at the end. */
static char *
field(char **p)
{
	char *w = *p, *sp;

	if (w == NULL || *w == '\0' || *w == ' ')
		return NULL;
	if ((sp = strchr(w, ' ')) != NULL) {
		*sp = '\0';
		*p = sp + 1;
	} else
		*p = NULL;
	return w;
}

/* parse_addrs: "-" or the comma-separated addresses of family fam. */
static int
parse_addrs(char *s, enum netfam fam, struct dnsentry *out)
{
	unsigned char bin[16];
	char *a, *save = NULL;

	out->naddr = 0;
	if (strcmp(s, "-") == 0)
		return 0;
	if (*s == ',' || s[strlen(s) - 1] == ',' || strstr(s, ",,") != NULL)
		return -1;
	for (a = strtok_r(s, ",", &save); a; a = strtok_r(NULL, ",", &save)) {
		if (out->naddr == DNS_ADDRS || strlen(a) >= DNS_ADDR_SZ ||
		    inet_pton(netip_af(fam), a, bin) != 1)
			return -1;
		memcpy(out->addr[out->naddr++], a, strlen(a) + 1);
	}
	return 0;
}

/* printable: every byte of s is printable ASCII. */
static int
printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

/* parse_entry: dnsstate_parse_line of the line in buf (cut up in place);
 * named: its host is known to be a good name (the page's reader found it
 * equal to one it asked for). */
static int
parse_entry(char *buf, struct dnsentry *out, int named)
{
	char *p = buf, *w[8];
	long long n;
	size_t i;
	int k;

	memset(out, 0, offsetof(struct dnsentry, addr));
	out->detail[0] = '\0';
	for (i = 0; i < 8; i++)
		if ((w[i] = field(&p)) == NULL)
			return -1;
	if ((!named && !name_ok(w[0])) || strlen(w[0]) >= sizeof(out->host))
		return -1;
	memcpy(out->host, w[0], strlen(w[0]) + 1);
	if ((k = netip_fam_find(w[1])) < 0)
		return -1;
	out->fam = (enum netfam)k;
	if (num_parse(w[2], 0, TIME_MAX, &out->time) == -1)
		return -1;
	if (strcmp(w[3], "-") == 0)
		out->rcode = -1;
	else if ((out->rcode = word_index(w[3], rcode_words, NRCODES)) < 0)
		return -1;
	if (num_parse(w[4], 0, TTL_MAX, &n) == -1)
		return -1;
	out->ttl = n;
	if ((k = word_index(w[5], sec_words, DNSSEC__MAX)) < 0)
		return -1;
	out->sec = (enum dnssec)k;
	if (parse_addrs(w[6], out->fam, out) == -1 ||
	    (out->naddr > 0 && out->rcode != RCODE_NOERROR))
		return -1;
	if ((k = word_index(w[7], err_words, DNSERR__MAX)) < 0)
		return -1;
	out->err = (enum dnserr)k;
	/* "-" ends the line; an error word is followed by its detail. */
	if ((out->err == DNSERR_NONE) != (p == NULL))
		return -1;
	if (p != NULL) {
		if (strlen(p) >= sizeof(out->detail) || !printable(p))
			return -1;
		memcpy(out->detail, p, strlen(p) + 1);
	}
	return 0;
}

int
dnsstate_parse_line(const char *line, struct dnsentry *out)
{
	char buf[LINE_MAX_SZ];

	memset(out, 0, sizeof(*out));
	if (strlen(line) >= sizeof(buf))
		return -1;
	memcpy(buf, line, strlen(line) + 1);
	return parse_entry(buf, out, 0);
}

/* entry_cmp: the file's order: host (bytes), then family. */
static int
entry_cmp(const void *a, const void *b)
{
	const struct dnsentry *x = a, *y = b;
	int c = strcmp(x->host, y->host);

	return c != 0 ? c : (int)x->fam - (int)y->fam;
}

/* header: the three fixed lines at the top of the file. */
static int
header(char *line, size_t no, struct dnsstate *st)
{
	const char *why;

	switch (no) {
	case 1:
		return strcmp(line, MAGIC) == 0 ? 0 : -1;
	case 2:
		if (strncmp(line, "mode ", 5) != 0 ||
		    dnsstate_mode(line + 5, &st->mode, st->resolver,
		    sizeof(st->resolver), &why) == -1 || st->mode == DNSMODE_OFF)
			return -1;
		return 0;
	default:
		if (strncmp(line, "time ", 5) != 0)
			return -1;
		return num_parse(line + 5, 0, TIME_MAX, &st->time);
	}
}

int
dnsstate_parse(const char *data, size_t n, struct dnsstate *st,
    struct dd_err *e)
{
	char line[LINE_MAX_SZ];
	const char *p = data, *end = data + n, *nl;
	size_t no, lines = 0;

	memset(st, 0, sizeof(*st));
	for (nl = data; nl < end && (nl = memchr(nl, '\n', (size_t)(end - nl)));
	    nl++)
		lines++;
	if (lines > 3 && (st->e = calloc(lines - 3, sizeof(*st->e))) == NULL)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	for (no = 1; p < end; no++) {
		if (file_line(&p, end, line, sizeof(line)) == -1)
			goto bad;
		if (no <= 3 ? header(line, no, st) == -1 :
		    dnsstate_parse_line(line, &st->e[st->n]) == -1)
			goto bad;
		if (no > 3 && st->n > 0 &&
		    entry_cmp(&st->e[st->n - 1], &st->e[st->n]) >= 0)
			goto bad;	/* out of order, or twice */
		if (no > 3)
			st->n++;
	}
	if (no <= 3)
		goto bad;
	return 0;
bad:
	dnsstate_free(st);
	return dd_failf(e, DD_EINVAL, NULL, "the DNS state is damaged at "
	    "line %zu", no);
}

/* read_state: the file at path, parsed whole (hosts NULL) or for the nh
 * hosts[] only (dnsstate_parse_some). */
static int
read_state(const char *path, const char *const *hosts, size_t nh,
    struct dnsstate *st, struct dd_err *e)
{
	char *data;
	size_t n;
	int rc;

	memset(st, 0, sizeof(*st));
	if (file_read(path, DNSSTATE_MAX, &data, &n, e) == -1)
		return -1;
	rc = hosts == NULL ? dnsstate_parse(data, n, st, e) :
	    dnsstate_parse_some(data, n, hosts, nh, st, e);
	free(data);
	return rc;
}

int
dnsstate_read(const char *path, struct dnsstate *st, struct dd_err *e)
{
	return read_state(path, NULL, 0, st, e);
}

/* line_host_cmp: the host field of the line at p (before its first ' ')
 * against host, as strcmp orders them; the line ends before end. */
static int
line_host_cmp(const char *p, const char *end, const char *host)
{
	for (; p < end && *p != ' ' && *p != '\n' && *host; p++, host++)
		if (*p != *host)
			return (unsigned char)*p - (unsigned char)*host;
	if (p < end && *p != ' ' && *p != '\n')
		return 1;	/* the line's host is longer */
	return *host ? -1 : 0;
}

/* line_after: the start of the line after the one at p (end if none). */
static const char *
line_after(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl ? nl + 1 : end;
}

/* first_line_of: the first entry line in [lo, end) whose host is not
 * below host (the lines are sorted), by bisection over the bytes. */
static const char *
first_line_of(const char *lo, const char *end, const char *host)
{
	const char *hi = end, *mid, *nl;

	while (lo < hi) {
		/* The start of the line holding the middle byte (lo is one). */
		mid = lo + (hi - lo) / 2;
		if ((nl = memrchr(lo, '\n', (size_t)(mid - lo))) != NULL)
			mid = nl + 1;
		else
			mid = lo;
		if (line_host_cmp(mid, end, host) < 0)
			lo = line_after(mid, end);
		else
			hi = mid;
	}
	return lo;
}

/* take_line: parse the entry line at p, whose host is one the caller
 * asked for, into *out (0, or -1: damaged). */
static int
take_line(const char *p, const char *end, struct dnsentry *out)
{
	char line[LINE_MAX_SZ];

	if (file_line(&p, end, line, sizeof(line)) == -1)
		return -1;
	return parse_entry(line, out, 1);
}

/* take_header: the three header lines at *p (header), *p then past them. */
static int
take_header(const char **p, const char *end, struct dnsstate *st)
{
	char line[LINE_MAX_SZ];
	size_t no;

	for (no = 1; no <= 3; no++) {
		if (file_line(p, end, line, sizeof(line)) == -1 ||
		    header(line, no, st) == -1)
			return -1;
	}
	return 0;
}

/* drop_twins: st (sorted) without an entry equal to the one before it
 * (a name the caller gave twice). */
static void
drop_twins(struct dnsstate *st)
{
	size_t i, k = 0;

	for (i = 0; i < st->n; i++)
		if (k == 0 || entry_cmp(&st->e[k - 1], &st->e[i]) != 0)
			st->e[k++] = st->e[i];
	st->n = k;
}

int
dnsstate_parse_some(const char *data, size_t n, const char *const *hosts,
    size_t nh, struct dnsstate *st, struct dd_err *e)
{
	const char *p = data, *end = data + n, *nl;
	size_t i, first;

	memset(st, 0, sizeof(*st));
	if (take_header(&p, end, st) == -1)
		goto bad;
	/* A host has two lines at most (its families). */
	if (nh > 0 && (st->e = malloc(2 * nh * sizeof(*st->e))) == NULL)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	for (i = 0; i < nh; i++) {
		first = st->n;
		for (nl = first_line_of(p, end, hosts[i]); nl < end &&
		    line_host_cmp(nl, end, hosts[i]) == 0; nl = line_after(nl,
		    end)) {
			if (st->n - first == 2 ||
			    take_line(nl, end, &st->e[st->n]) == -1)
				goto bad;	/* a third family, or damage */
			if (st->n > first &&
			    entry_cmp(&st->e[first], &st->e[st->n]) >= 0)
				goto bad;	/* out of order, or twice */
			st->n++;
		}
	}
	dnsstate_sort(st);
	drop_twins(st);
	return 0;
bad:
	dnsstate_free(st);
	return dd_failf(e, DD_EINVAL, NULL, "the DNS state is damaged");
}

int
dnsstate_read_some(const char *path, const char *const *hosts, size_t nh,
    struct dnsstate *st, struct dd_err *e)
{
	static const char *const none[1] = { NULL };

	/* No host asked: an empty list, not the whole file. */
	return read_state(path, hosts != NULL ? hosts : none, nh, st, e);
}

void
dnsstate_free(struct dnsstate *st)
{
	free(st->e);
	st->e = NULL;
	st->n = 0;
}

void
dnsstate_sort(struct dnsstate *st)
{
	if (st->n > 1)
		qsort(st->e, st->n, sizeof(*st->e), entry_cmp);
}

const struct dnsentry *
dnsstate_find(const struct dnsstate *st, const char *host, enum netfam fam)
{
	size_t lo = 0, hi = st ? st->n : 0, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(host, st->e[mid].host)) == 0)
			c = (int)fam - (int)st->e[mid].fam;
		if (c == 0)
			return &st->e[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* format_entry: one entry line, with its '\n', into line. */
static int
format_entry(const struct dnsentry *x, char *line, size_t sz)
{
	char addrs[DNS_ADDRS * DNS_ADDR_SZ], detail[DNS_DETAIL_SZ];
	size_t i, len = 0;
	int w;

	if ((unsigned)x->fam >= NET__MAX || (unsigned)x->sec >= DNSSEC__MAX ||
	    (unsigned)x->err >= DNSERR__MAX || x->naddr > DNS_ADDRS ||
	    (x->rcode >= 0 && dnsstate_rcode_word(x->rcode) == NULL))
		return -1;
	snprintf(addrs, sizeof(addrs), "-");
	for (i = 0; i < x->naddr; i++)
		len += (size_t)snprintf(addrs + len, sizeof(addrs) - len, "%s%.*s",
		    i ? "," : "", DNS_ADDR_SZ - 1, x->addr[i]);
	snprintf(detail, sizeof(detail), "%s", x->detail);
	for (i = 0; detail[i]; i++)
		if ((unsigned char)detail[i] < 0x20 ||
		    (unsigned char)detail[i] > 0x7e)
			detail[i] = ' ';
	w = snprintf(line, sz, "%.*s %s %lld %s %lld %s %s %s%s%s\n",
	    HOSTNAME_SZ - 1, x->host, netip_fam_word(x->fam), x->time,
	    x->rcode < 0 ? "-" : rcode_words[x->rcode], x->ttl,
	    sec_words[x->sec], addrs, err_words[x->err],
	    x->err != DNSERR_NONE ? " " : "",
	    x->err != DNSERR_NONE ? detail : "");
	return w > 0 && (size_t)w < sz ? 0 : -1;
}

int
dnsstate_format(const struct dnsstate *st, struct buf *out)
{
	struct dnsentry back;
	char line[LINE_MAX_SZ + 1];
	size_t i;

	if (st->mode == DNSMODE_RESOLVER)
		buf_printf(out, MAGIC "\nmode resolver %s\ntime %lld\n",
		    st->resolver, st->time);
	else
		buf_printf(out, MAGIC "\nmode %s\ntime %lld\n",
		    mode_words[DNSMODE_AUTH], st->time);
	for (i = 0; i < st->n; i++) {
		/* What is written must read back: the reader is strict. */
		if (format_entry(&st->e[i], line, sizeof(line)) == -1)
			return -1;
		line[strlen(line) - 1] = '\0';
		if (dnsstate_parse_line(line, &back) == -1 ||
		    (i > 0 && entry_cmp(&st->e[i - 1], &st->e[i]) >= 0))
			return -1;
		buf_printf(out, "%s\n", line);
	}
	return out->oom ? -1 : 0;
}

int
dnsstate_write(const char *path, const struct dnsstate *st, struct dd_err *e)
{
	struct buf b = { 0 };
	int rc;

	if (dnsstate_format(st, &b) == -1)
		rc = b.oom ? dd_fail(e, DD_ESYS, NULL, MSG_oom) :
		    dd_failf(e, DD_EINVAL, NULL, "an entry of the DNS state "
		    "cannot be written in its format");
	else
		rc = file_write_atomic(path, b.p, b.len, 0600, NULL, e);
	buf_free(&b);
	return rc;
}

int
dnsstate_due(long long checked, long long interval, long long last_update,
    long long now)
{
	return checked <= 0 || now - checked >= interval ||
	    checked > now + 60 || last_update > checked;
}

/* An address given as text, once parsed (af 0: none or not one). */
struct bin {
	int		 af;
	unsigned char	 b[16];
	const char	*text;		/* as it was given */
};

/* to_bin: a (NULL, "", an IPv4 or IPv6 literal) into *out; 1 if one. */
static int
to_bin(const char *a, struct bin *out)
{
	out->af = 0;
	out->text = a;
	if (a == NULL || *a == '\0')
		return 0;
	if (inet_pton(AF_INET, a, out->b) == 1)
		out->af = AF_INET;
	else if (inet_pton(AF_INET6, a, out->b) == 1)
		out->af = AF_INET6;
	return out->af != 0;
}

/* bin_eq: a and b are the same address (never when either is none). */
static int
bin_eq(const struct bin *a, const struct bin *b)
{
	return a->af != 0 && a->af == b->af &&
	    memcmp(a->b, b->b, a->af == AF_INET ? 4 : 16) == 0;
}

/* all_are: every address of x is a; 0 if x has none or a is none. */
static int
all_are(const struct dnsentry *x, const struct bin *a)
{
	struct bin b;
	size_t i;

	/* The same text is the same address (a is one): no parse. */
	for (i = 0; i < x->naddr; i++)
		if (a->af == 0 || (strcmp(x->addr[i], a->text) != 0 &&
		    (!to_bin(x->addr[i], &b) || !bin_eq(&b, a))))
			return 0;
	return x->naddr > 0;
}

/* grey: a verdict of the two that carry a reason. */
static void
grey(struct dnsview *out, enum dnsverdict v, enum msg_id id, const char *p)
{
	out->v = v;
	if (p != NULL)
		msg_set(&out->why, id, p);
	else
		msg_set(&out->why, id);
}

/* failed: the reason an entry gives no usable answer, or 0 if it gives
 * one (NOERROR or NXDOMAIN, not bogus). */
static int
failed(const struct dnsentry *x, struct dnsview *out)
{
	switch (x->err) {
	case DNSERR_TIMEOUT:
		grey(out, DV_COULD_NOT_CHECK, MSG_dns_timeout, x->detail);
		return 1;
	case DNSERR_FAILED:
		grey(out, DV_COULD_NOT_CHECK, MSG_dns_failed, x->detail);
		return 1;
	case DNSERR_BOGUS:
		grey(out, DV_COULD_NOT_CHECK, MSG_dns_bogus, x->detail);
		return 1;
	default:
		break;
	}
	if (x->sec == DNSSEC_BOGUS) {
		grey(out, DV_COULD_NOT_CHECK, MSG_dns_bogus, "");
		return 1;
	}
	if (x->rcode < 0) {
		grey(out, DV_COULD_NOT_CHECK, MSG_dns_failed, x->detail);
		return 1;
	}
	if (x->rcode != RCODE_NOERROR && x->rcode != RCODE_NXDOMAIN) {
		grey(out, DV_COULD_NOT_CHECK, MSG_dns_rcode,
		    dnsstate_rcode_word(x->rcode));
		return 1;
	}
	return 0;
}

void
dnsstate_judge(const struct dnsinput *in, struct dnsview *out)
{
	const struct dnsentry *x = in->dns;
	struct bin s, p;
	int have_s, have_p, young, before;

	memset(out, 0, sizeof(*out));
	if (in->mode == DNSMODE_OFF || in->st == NULL || x == NULL) {
		grey(out, DV_NOT_CHECKED, in->mode == DNSMODE_OFF ? MSG_dns_off :
		    in->st == NULL ? MSG_dns_not_yet : MSG_dns_not_listed, NULL);
		return;
	}
	out->cached = in->st->mode == DNSMODE_RESOLVER;
	if (failed(x, out))
		return;
	have_s = to_bin(in->sent, &s);
	have_p = to_bin(in->pub, &p);
	young = have_s && in->sent_time > 0 && in->now < in->sent_time + x->ttl;
	before = have_s && in->sent_time > x->time;
	out->until = young ? in->sent_time + x->ttl : 0;
	out->v = DV_PROPAGATING;
	out->shows = have_s && all_are(x, &s);
	if (out->shows) {
		/* DNS has what was sent. */
		if (have_p && !bin_eq(&p, &s))
			out->v = DV_NEEDS_UPDATE;
		else if (!young)
			out->v = DV_IN_DNS;
	} else if (before)
		grey(out, DV_NOT_CHECKED, MSG_dns_before_update, NULL);
	else if (out->cached && young)
		;	/* the resolver may still hold the old answer */
	else if (x->naddr == 0)
		out->v = DV_NO_RECORD;
	else if (have_s)
		out->v = DV_DIFFERS;
	else if (have_p)	/* ddclient sent nothing yet: the public one */
		out->v = all_are(x, &p) ? DV_IN_DNS : DV_NEEDS_UPDATE;
	else
		grey(out, DV_NOT_CHECKED, MSG_dns_nothing, NULL);
	if (out->v != DV_PROPAGATING)
		out->until = 0;
}

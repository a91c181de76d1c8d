/* ddns-dnscheck: ask DNS what each enabled host's name resolves to (A for
 * IPv4 hosts, AAAA for IPv6 hosts, both for dual stack) and write every
 * answer, its TTL, rcode, DNSSEC state and time, or why there is none, to
 * <state_dir>/dns (dnsstate.h) atomically. The only program that links a
 * DNS library (libunbound: from the root servers down to the zone's own
 * by default, so no local override or LAN-side hijack can fool it). It
 * runs as the web server's user, never triggers an update, and is bounded
 * by dns_timeout in all; the list page starts it detached.
 *   ddns-dnscheck [-c module-config]          check, write the state
 *   ddns-dnscheck [-c ...] -l                 print the state as read
 *   ddns-dnscheck [-c ...] -v HOST FAMILY SENT SENT_TIME PUBLIC
 *                 print the verdict of HOST's ipv4 or ipv6 entry against
 *                 what ddclient set (SENT at SENT_TIME, - for none) and
 *                 the public address (- for none), now
 * The hosts come from the database (store_list), not from stdin: one
 * source, read whole, so the helper runs alike from the page, after a
 * ddclient pass or by hand, and a page never writes 10,000 names into a
 * pipe (and waits on it). Exits 0 when it wrote the state (or another
 * ddns-dnscheck holds the lock, or dns_check is off), 1 when it wrote it
 * but some name could not be checked, 2 when it could not run. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <unbound.h>

#include "boundary.h"
#include "cache.h"
#include "conf.h"
#include "dnslog.h"
#include "dnsstate.h"
#include "fileio.h"
#include "netip.h"
#include "num.h"
#include "store.h"

#define INFLIGHT	64	/* queries outstanding at once */

/* The records of each family (host.h's WANT_*), and their types. */
static const unsigned want[NET__MAX] = { [NET_V4] = WANT_V4, [NET_V6] = WANT_V6 };
static const int rrtype[NET__MAX] = { [NET_V4] = 1, [NET_V6] = 28 };

/* One query: its entry and whether its answer came. */
struct job {
	struct dnsentry	*x;
	int		 done;
	int		*pending;
	int		 anchored;	/* a trust anchor is loaded */
};

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* hosts: the entries to ask, from the database, sorted. */
static int
hosts(const struct conf *c, struct dnsstate *st, struct dd_err *e)
{
	struct host *h = NULL;
	struct store *s;
	size_t n = 0, i;
	int f, rc = -1;

	if ((s = store_open_readonly(c->database, e)) == NULL)
		return -1;
	if (store_list(s, &h, &n, e) == -1)
		goto out;
	if (n > 0 && (st->e = calloc(n * NET__MAX, sizeof(*st->e))) == NULL) {
		rc = dd_fail(e, DD_ESYS, NULL, MSG_oom);
		goto out;
	}
	for (i = 0; i < n; i++) {
		for (f = 0; h[i].enabled && f < NET__MAX; f++) {
			if (!(host_family_wants(h[i].family) & want[f]))
				continue;
			snprintf(st->e[st->n].host, sizeof(st->e[st->n].host),
			    "%s", h[i].hostname);
			st->e[st->n++].fam = (enum netfam)f;
		}
	}
	dnsstate_sort(st);
	rc = 0;
out:
	if (h != NULL)	/* the rows hold passwords: not left in memory */
		memset(h, 0, n * sizeof(*h));
	free(h);
	store_close(s);
	return rc;
}

/* answered: libunbound's callback (from ub_process, in this thread). */
static void
answered(void *arg, int err, struct ub_result *r)
{
	struct job *j = arg;
	struct dnsentry *x = j->x;
	int i;

	j->done = 1;
	(*j->pending)--;
	if (err != 0 || r == NULL) {
		x->err = DNSERR_FAILED;
		snprintf(x->detail, sizeof(x->detail), "%s", ub_strerror(err));
		return;
	}
	x->rcode = r->rcode;
	x->ttl = r->ttl > 0 ? r->ttl : 0;
	x->sec = !j->anchored ? DNSSEC_UNCHECKED : r->secure ? DNSSEC_SECURE :
	    r->bogus ? DNSSEC_BOGUS : DNSSEC_INSECURE;
	if (r->bogus) {
		x->err = DNSERR_BOGUS;
		snprintf(x->detail, sizeof(x->detail), "%s",
		    r->why_bogus ? r->why_bogus : "");
	}
	if (dnsstate_rcode_word(r->rcode) == NULL) {
		x->rcode = -1;
		x->err = DNSERR_FAILED;
		snprintf(x->detail, sizeof(x->detail), "the server answered "
		    "rcode %d", r->rcode);
	}
	for (i = 0; r->rcode == 0 && r->havedata && r->data[i] != NULL &&
	    x->naddr < DNS_ADDRS; i++)
		if (r->len[i] == (x->fam == NET_V4 ? 4 : 16) &&
		    inet_ntop(netip_af(x->fam), r->data[i],
		    x->addr[x->naddr], DNS_ADDR_SZ) != NULL)
			x->naddr++;
	ub_resolve_free(r);
}

/* context: libunbound set up as dns_check, dns_stub and the anchor say.
 * *anchored tells whether answers are validated. */
static struct ub_ctx *
context(const struct conf *c, int *anchored, struct dd_err *e)
{
	char server[DNS_SERVER_SZ], zone[HOSTNAME_SZ], lz[HOSTNAME_SZ + 16];
	enum dnsmode mode;
	const char *why;
	struct ub_ctx *u;
	int rc = 0;

	if ((u = ub_ctx_create()) == NULL) {
		dd_fail(e, DD_ESYS, NULL, MSG_oom);
		return NULL;
	}
	/* conf_load checked both values. */
	dnsstate_mode(c->dns_check, &mode, server, sizeof(server), &why);
	if (mode == DNSMODE_RESOLVER)
		rc = ub_ctx_set_option(u, "do-not-query-localhost:", "no") ||
		    ub_ctx_set_fwd(u, server);
	if (rc == 0 && c->dns_stub != NULL && dnsstate_stub(c->dns_stub, zone,
	    sizeof(zone), server, sizeof(server), &why) == 0) {
		snprintf(lz, sizeof(lz), "%s transparent", zone);
		rc = ub_ctx_set_option(u, "do-not-query-localhost:", "no") ||
		    ub_ctx_set_stub(u, zone, server, 0) ||
		    ub_ctx_set_option(u, "domain-insecure:", zone) ||
		    /* past unbound's own answers for test., local. & co */
		    ub_ctx_set_option(u, "local-zone:", lz);
	}
	if (rc == 0)
		rc = ub_ctx_async(u, 1);
	*anchored = rc == 0 && c->dns_trust_anchor != NULL &&
	    access(c->dns_trust_anchor, R_OK) == 0 &&
	    ub_ctx_add_ta_file(u, c->dns_trust_anchor) == 0;
	if (rc != 0) {
		dd_failf(e, DD_ECONF, NULL, "libunbound refused the "
		    "configuration: %s", ub_strerror(rc));
		ub_ctx_delete(u);
		return NULL;
	}
	return u;
}

/* ask: every entry of st, INFLIGHT at a time, until all answered or
 * dns_timeout has passed; those left are timeouts. Returns how many
 * names could not be checked. */
static int
ask(struct ub_ctx *u, int anchored, struct dnsstate *st, struct job *jobs,
    long long timeout)
{
	struct pollfd pfd = { .fd = ub_fd(u), .events = POLLIN };
	long long end = now_ms() + timeout * 1000, left;
	size_t next = 0, i;
	int pending = 0, failed = 0, id, r;

	for (;;) {
		for (; pending < INFLIGHT && next < st->n; next++) {
			jobs[next] = (struct job){ &st->e[next], 0, &pending,
			    anchored };
			st->e[next].time = (long long)time(NULL);
			st->e[next].rcode = -1;
			pending++;
			if ((r = ub_resolve_async(u, st->e[next].host,
			    rrtype[st->e[next].fam], 1, &jobs[next], answered,
			    &id)) != 0)
				answered(&jobs[next], r, NULL);
		}
		if ((pending == 0 && next == st->n) ||
		    (left = end - now_ms()) <= 0)
			break;
		if (poll(&pfd, 1, (int)left) > 0)
			ub_process(u);
	}
	for (i = 0; i < st->n; i++) {
		if (i >= next || !jobs[i].done) {
			st->e[i].time = i >= next ? st->time : st->e[i].time;
			st->e[i].err = DNSERR_TIMEOUT;
			snprintf(st->e[i].detail, sizeof(st->e[i].detail),
			    "%lld", timeout);
		}
		failed += st->e[i].err != DNSERR_NONE &&
		    st->e[i].err != DNSERR_BOGUS;
	}
	return failed;
}

/* What ddclient's cache says of the hosts, sorted by host (record). */
struct cached {
	struct cache_entry	*ce;
	size_t			 n, cap;
};

static int
take(const struct cache_entry *ce, void *arg)
{
	struct cached *c = arg;
	struct cache_entry *p;

	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		if ((p = realloc(c->ce, c->cap * sizeof(*p))) == NULL)
			return -1;
		c->ce = p;
	}
	c->ce[c->n++] = *ce;
	return 0;
}

static int
by_host(const void *a, const void *b)
{
	return strcmp(((const struct cache_entry *)a)->host,
	    ((const struct cache_entry *)b)->host);
}

/*
 * record: each entry's verdict (dnsstate_judge: against what ddclient's
 * cache, or the status copy, says it set, and the public address) into
 * state_dir/dns.log when it changed since the last one recorded for the
 * host and family, bounded as the attempts are (attempts_per_host,
 * attempts_max). The host page's timeline shows them. A log that cannot
 * be read starts again (said on stderr); a failure costs the log only.
 */
static void
record(const struct conf *c, const struct dnsstate *st)
{
	struct cached ca = { 0 };
	struct cache_entry key, *ce;
	struct dnsinput in = { .mode = st->mode, .st = st, .now = st->time };
	struct dnsview v;
	struct dnslog l;
	struct netip ni[NET__MAX];
	struct dd_err e = { 0 };
	char path[PATH_MAX];
	const char *ip, *status;
	size_t i;
	int f, changed = 0;

	apply_status_path(c, path, sizeof(path));
	if (cache_scan(path, NULL, take, &ca, &e) == -1)
		ca.n = 0;
	if (ca.n > 1)
		qsort(ca.ce, ca.n, sizeof(*ca.ce), by_host);
	for (f = 0; f < NET__MAX; f++) {
		snprintf(path, sizeof(path), "%s/%s", c->state_dir,
		    netip_file((enum netfam)f));
		if (netip_read(path, &ni[f], &e) == -1)
			ni[f].ip[0] = '\0';
	}
	snprintf(path, sizeof(path), "%s/%s", c->state_dir, DNSLOG_FILE);
	if (dnslog_read(path, &l, &e) == -1 && e.code != DD_ENOTFOUND)
		fprintf(stderr, "ddns-dnscheck: %s; it starts again\n", e.msg);
	for (i = 0; i < st->n; i++) {
		snprintf(key.host, sizeof(key.host), "%s", st->e[i].host);
		ce = ca.n ? bsearch(&key, ca.ce, ca.n, sizeof(*ca.ce), by_host) :
		    NULL;
		ip = "";
		if (ce != NULL)
			cache_family(ce, st->e[i].fam == NET_V6, &ip, &status);
		in.dns = &st->e[i];
		in.sent = ip;
		in.sent_time = *ip && ce != NULL ? ce->mtime : 0;
		in.pub = ni[st->e[i].fam].ip;
		dnsstate_judge(&in, &v);
		if ((f = dnslog_add(&l, st->time, st->e[i].host, st->e[i].fam,
		    v.v, &st->e[i])) == -1)
			break;
		changed |= f;
	}
	if (changed) {
		dnslog_trim(&l, (size_t)c->attempts_per_host,
		    (size_t)c->attempts_max);
		if (dnslog_write(path, &l, &e) == -1)
			fprintf(stderr, "ddns-dnscheck: %s\n", e.msg);
	}
	dnslog_free(&l);
	free(ca.ce);
}

/* lock: one check at a time, as ddns-checkip's; 1 when another holds it. */
static int
lock(const struct conf *c, int *fdp, struct dd_err *e)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", c->state_dir, DNSSTATE_LOCK);
	if ((*fdp = file_open_safe(path, O_RDWR | O_CREAT, 0600, e)) == -1)
		return -1;
	if (flock(*fdp, LOCK_EX | LOCK_NB) == -1) {
		close(*fdp);
		*fdp = -1;
		return 1;
	}
	return 0;
}

static int
check(const struct conf *c, struct dd_err *e)
{
	struct dnsstate st = { 0 };
	char path[PATH_MAX], server[DNS_SERVER_SZ];
	struct ub_ctx *u = NULL;
	struct job *jobs = NULL;
	const char *why;
	int anchored, failed, rc = 2;

	dnsstate_mode(c->dns_check, &st.mode, server, sizeof(server), &why);
	snprintf(st.resolver, sizeof(st.resolver), "%s", server);
	st.time = (long long)time(NULL);
	if (hosts(c, &st, e) == -1 || (u = context(c, &anchored, e)) == NULL)
		goto out;
	if ((jobs = calloc(st.n ? st.n : 1, sizeof(*jobs))) == NULL) {
		dd_fail(e, DD_ESYS, NULL, MSG_oom);
		goto out;
	}
	failed = ask(u, anchored, &st, jobs, c->dns_timeout);
	snprintf(path, sizeof(path), "%s/%s", c->state_dir, DNSSTATE_FILE);
	/* Written before libunbound is let go: its end may take a while. */
	if (dnsstate_write(path, &st, e) == 0) {
		rc = failed ? 1 : 0;
		record(c, &st);
	}
out:
	/* After the context: libunbound holds pointers into jobs till then. */
	if (u != NULL)
		ub_ctx_delete(u);
	free(jobs);
	dnsstate_free(&st);
	return rc;
}

/* list: the state as the page reads it, one entry a line. */
static int
list(const struct conf *c, struct dd_err *e)
{
	struct dnsstate st;
	char path[PATH_MAX];
	size_t i, k;

	snprintf(path, sizeof(path), "%s/%s", c->state_dir, DNSSTATE_FILE);
	if (dnsstate_read(path, &st, e) == -1)
		return 2;
	printf("mode %s%s%s\ntime %lld\n", dnsstate_mode_word(st.mode),
	    *st.resolver ? " " : "", st.resolver, st.time);
	for (i = 0; i < st.n; i++) {
		printf("%s %s rcode=%s ttl=%lld dnssec=%s records=%s",
		    st.e[i].host, netip_fam_word(st.e[i].fam),
		    st.e[i].rcode < 0 ? "-" : dnsstate_rcode_word(st.e[i].rcode),
		    st.e[i].ttl, dnsstate_sec_word(st.e[i].sec),
		    st.e[i].naddr ? "" : "-");
		for (k = 0; k < st.e[i].naddr; k++)
			printf("%s%s", k ? "," : "", st.e[i].addr[k]);
		printf("%s%s\n", *st.e[i].detail ? " error=" : "", st.e[i].detail);
	}
	dnsstate_free(&st);
	return 0;
}

/* verdict: -v's words: the verdict, until (or -), the reason in English. */
static int
verdict(const struct conf *c, char **av, struct dd_err *e)
{
	struct dnsinput in = { 0 };
	struct dnsview v;
	struct dnsstate st;
	char path[PATH_MAX], server[DNS_SERVER_SZ], why[MSG_TEXT_SZ];
	const char *w;
	enum netfam fam = netip_fam_find(av[1]) == NET_V6 ? NET_V6 : NET_V4;

	dnsstate_mode(c->dns_check, &in.mode, server, sizeof(server), &w);
	snprintf(path, sizeof(path), "%s/%s", c->state_dir, DNSSTATE_FILE);
	if (dnsstate_read(path, &st, e) == 0)
		in.st = &st;
	else if (e->code != DD_ENOTFOUND)
		return 2;
	in.dns = dnsstate_find(in.st, av[0], fam);
	in.sent = strcmp(av[2], "-") ? av[2] : NULL;
	if (num_parse(av[3], 0, 1LL << 40, &in.sent_time) == -1)
		in.sent_time = 0;
	in.pub = strcmp(av[4], "-") ? av[4] : NULL;
	in.now = (long long)time(NULL);
	dnsstate_judge(&in, &v);
	printf("%s %lld %s\n", dnsstate_verdict_word(v.v), v.until,
	    v.why.id == MSG_none ? "-" : msg_english(&v.why, why, sizeof(why)));
	dnsstate_free(&st);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char *path = conf_path();
	struct dd_err e = { 0 };
	struct conf c;
	int ch, fd = -1, rc = 2, mode = 0;

	umask(077);
	while ((ch = getopt(argc, argv, "c:lv")) != -1) {
		if (ch == 'c')
			path = optarg;
		else if (ch == 'l' || ch == 'v')
			mode = ch;
		else
			return 2;
	}
	if ((mode == 'v') != (argc - optind == 5))
		return 2;
	if (conf_load(&c, path, &e) == -1)
		goto out;
	if (mode == 'l' || mode == 'v') {
		rc = mode == 'l' ? list(&c, &e) : verdict(&c, argv + optind, &e);
		goto out;
	}
	if (strcmp(c.dns_check, "off") == 0) {
		rc = 0;
		goto out;
	}
	switch (lock(&c, &fd, &e)) {
	case 1:
		rc = 0;
		goto out;
	case -1:
		goto out;
	}
	rc = check(&c, &e);
	close(fd);
out:
	if (rc == 2 && *e.msg)
		fprintf(stderr, "ddns-dnscheck: %s\n", e.msg);
	conf_free(&c);
	return rc;
}

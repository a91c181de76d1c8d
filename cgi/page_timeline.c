/* page_timeline.c: one host's page: what DNS answers for it, its update
 * attempts (the root side's record, and ddclient's latest if not yet in
 * it) and its changes here (the audit trail), newest first, and when
 * ddclient tries next. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "attempts.h"
#include "boundary.h"
#include "cache.h"
#include "cgi.h"
#include "dnslog.h"
#include "dnsview.h"
#include "facts.h"
#include "fileio.h"
#include "netip.h"
#include "providers.h"

/* The changes shown, the newest; older ones are on the History page. */
#define CHANGES_MAX	50

/* ddclient's waits (3.10 and 3.11 alike, measured in their sources): a
 * failed host is retried min-error-interval after its attempt, a good
 * one is sent again max-interval after its last update. */
#define MAX_INTERVAL		(25LL * 86400)
#define MIN_ERROR_INTERVAL	(5LL * 60)
static const struct {
	const char	*protocol;
	long long	 min_error;	/* its own min-error-interval */
} waits[] = {
	{ "dinahosting", 8 * 60 }, { "dnsexit", 8 * 60 },
};

/* The provider's answer as the list page words it (page_list.c's
 * statuses): Lang.Status.<key>, and a look. */
static const struct {
	const char	*status;
	const char	*key;
	const char	*kind;
} statuses[] = {
	{ "good", "good", "ok" },	{ "nochg", "good", "ok" },
	{ "badauth", "badauth", "error" }, { "notfqdn", "notfqdn", "error" },
	{ "nohost", "nohost", "error" }, { "numhost", "numhost", "error" },
	{ "abuse", "abuse", "error" },	{ "dnserr", "dnserr", "error" },
	{ "!yours", "notyours", "error" }, { "!donator", "notdonator", "error" },
	{ "badsys", "badsys", "error" }, { "badagent", "badagent", "error" },
	{ "911", "servererror", "error" }, { "noconnect", "noconnect", "error" },
	{ "unknown", "noconnect", "error" },
};

/* One line of the timeline: an attempt, a change, or a DNS verdict's. */
struct event {
	long long		 at;
	const struct attempt	*a;	/* NULL: a change or a verdict's */
	const struct audit_row	*c;
	const struct dnschange	*d;
};

static void
status_words(const char *status, const char **key, const char **kind)
{
	size_t i;

	*key = "other";
	*kind = "error";
	if (*status == 'w' && strspn(status + 1, "0123456789") > 0)
		*key = "wait", *kind = "wait";
	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcmp(statuses[i].status, status) == 0)
			*key = statuses[i].key, *kind = statuses[i].kind;
}

static long long
min_error(const struct host *h)
{
	const char *proto = prov_protocol(prov_find(h->provider), h->protocol);
	size_t i;

	for (i = 0; proto != NULL && i < sizeof(waits) / sizeof(waits[0]); i++)
		if (strcmp(waits[i].protocol, proto) == 0)
			return waits[i].min_error;
	return MIN_ERROR_INTERVAL;
}

/* host_only: cache_scan's filter, this host's line alone. */
static int
host_only(const char *name, size_t len, void *arg)
{
	const struct cache_entry *want = arg;

	return strlen(want->host) == len && memcmp(want->host, name, len) == 0;
}

static int
take_entry(const struct cache_entry *ce, void *arg)
{
	*(struct cache_entry *)arg = *ce;
	return 0;
}

/*
 * attempts_of: the host's attempts into *l, newest first: the root
 * side's record, and the attempt ddclient's cache (or its copy) holds
 * when the record lacks it yet (no postscript ran since, or status_copy
 * is off). *ce is the cache's entry (host "" if none). A record that
 * cannot be read is said in Attempts.error; the rest is still shown.
 */
static void
attempts_of(struct req *r, const char *host, struct att_list *l,
    struct cache_entry *ce)
{
	char path[PATH_MAX], *text = NULL, why[MSG_TEXT_SZ];
	struct att_list all = { 0 };
	struct dd_err e = { 0 };
	size_t len = 0, i, k = 0;

	memset(ce, 0, sizeof(*ce));
	memset(l, 0, sizeof(*l));
	if (apply_path(&r->conf, APPLY_ATTEMPTS_FILE, path, sizeof(path)) == 0) {
		if (file_read(path, ATT_FILE_MAX, &text, &len, &e) == 0 &&
		    att_read(text, len, &all, &e) == -1)
			att_free(&all);
		if (e.code != DD_OK && e.code != DD_ENOTFOUND)
			out_set(r, "Attempts.error", out_msg(r, &e.m, why));
		free(text);
	}
	for (i = 0; i < all.n; i++)
		if (strcmp(all.a[i].host, host) == 0)
			all.a[k++] = all.a[i];
	all.n = k;
	apply_status_path(&r->conf, path, sizeof(path));
	snprintf(ce->host, sizeof(ce->host), "%s", host);
	if (cache_scan(path, host_only, take_entry, ce, &e) == -1 ||
	    strcmp(ce->host, host) != 0 || ce->atime == 0)
		memset(ce, 0, sizeof(*ce));
	if (*ce->host)
		att_from_cache(&all, ce, 1, NULL, 0);
	att_trim(&all, (size_t)r->conf.attempts_per_host,
	    (size_t)r->conf.attempts_max);
	*l = all;
}

/*
 * next_steps: per family, from its newest attempt: a failed one is tried
 * again min-error-interval later, a good one sent again max-interval
 * after the last update (the cache's mtime, else that attempt's time).
 */
static void
next_steps(struct req *r, const struct host *h, const struct att_list *l,
    const struct cache_entry *ce)
{
	char t[OUT_TIME_SZ];
	long long when, last;
	size_t i, k = 0;
	int seen[2] = { 0, 0 };
	HDF *it;

	if (!h->enabled)
		return;
	for (i = 0; i < l->n; i++) {
		if (seen[l->a[i].v6]++)
			continue;
		it = out_item(r->hdf, "Next", k++);
		out_put(it, "family", l->a[i].v6 ? "IPv6" : "IPv4");
		if (att_good(l->a[i].status)) {
			last = ce->mtime > 0 ? ce->mtime : l->a[i].at;
			when = last + MAX_INTERVAL;
			out_put(it, "kind", "forced");
		} else {
			when = l->a[i].at + min_error(h);
			out_put(it, "kind", "retry");
		}
		out_put(it, "when", out_time(when, t));
		if (when <= (long long)time(NULL))
			out_put(it, "due", "1");
	}
}

/* The families a host may ask for (facts.h's bits). */
static const struct {
	unsigned	 bit;
	enum netfam	 fam;
	const char	*name;
} fams[] = {
	{ FACT_V4, NET_V4, "IPv4" }, { FACT_V6, NET_V6, "IPv6" },
};

/*
 * dns_now: per family an enabled host asks for, what DNS answers, in a
 * sentence (dnsview_put) into Dns.<i>: what ddclient's cache says it set
 * (ce, host "" if none) against the state file and the public address.
 */
static void
dns_now(struct req *r, const struct host *h, const struct cache_entry *ce)
{
	const char *names[1] = { h->hostname }, *ip, *status;
	struct verdict_in in = { .enabled = 1 };
	unsigned want = facts_family(h->family);
	struct dnspage dp;
	const struct source *src = conf_source(&r->conf, h->source);
	struct netip ni;
	size_t k, n = 0;
	HDF *it;

	if (!h->enabled)
		return;
	dnsview_load(r, names, 1, ce->mtime, &dp);
	for (k = 0; k < sizeof(fams) / sizeof(fams[0]); k++) {
		if (!(want & fams[k].bit))
			continue;
		ip = status = "";
		if (*ce->host)
			cache_family(ce, fams[k].fam == NET_V6, &ip, &status);
		in.cached = verdict_cached(status, ce->mtime, ce->atime);
		/* The host's source's address, or the appliance's. */
		netip_read_source(r->conf.state_dir, src ? src->name : NULL,
		    fams[k].fam, &ni);
		it = out_item(r->hdf, "Dns", n++);
		out_put(it, "family", fams[k].name);
		dnsview_put(r, it, &dp, h->hostname, fams[k].fam, ip,
		    *ip ? ce->mtime : 0, ni.ip, &in, 1);
	}
	dnsview_free(&dp);
}

static int
by_time(const void *pa, const void *pb)
{
	const struct event *a = pa, *b = pb;

	/* Newest first; at one second, the attempt after the change that
	 * caused it. */
	if (a->at != b->at)
		return a->at < b->at ? 1 : -1;
	return (a->a == NULL) - (b->a == NULL);
}

static void
put_attempt(struct req *r, HDF *it, const struct attempt *a)
{
	const char *key, *kind;

	out_put(it, "type", "attempt");
	out_put(it, "family", a->v6 ? "IPv6" : "IPv4");
	out_put(it, "ip", a->ip);
	status_words(a->status, &key, &kind);
	if (*a->status == '\0')
		key = "noconnect", kind = "error";
	out_put(it, "kind", kind);
	out_put(it, "text", out_lang(r, "Status", key));
	out_put(it, "code", a->status);
}

static void
put_change(struct req *r, HDF *it, const struct audit_row *c)
{
	char detail[AUDIT_DETAIL_SZ * 2];

	out_put(it, "type", "change");
	out_put(it, "kind", "change");
	out_put(it, "user", c->user);
	out_put(it, "action", out_lang(r, "Action", c->action));
	history_detail(r, c->detail, detail, sizeof(detail));
	out_put(it, "detail", detail);
}

/*
 * verdicts_of: the changes of host's DNS verdict (ddns-dnscheck's
 * state_dir/dns.log) into *l, oldest first; a log that cannot be read is
 * said in Attempts.dns_error, and the rest is still shown.
 */
static void
verdicts_of(struct req *r, const char *host, struct dnslog *l)
{
	char path[PATH_MAX], why[MSG_TEXT_SZ];
	struct dd_err e = { 0 };
	size_t i, k = 0;

	snprintf(path, sizeof(path), "%s/%s", r->conf.state_dir, DNSLOG_FILE);
	if (dnslog_read(path, l, &e) == -1) {
		if (e.code != DD_ENOTFOUND)
			out_set(r, "Attempts.dns_error", out_msg(r, &e.m, why));
		return;
	}
	for (i = 0; i < l->n; i++)
		if (strcmp(l->c[i].host, host) == 0)
			l->c[k++] = l->c[i];
	l->n = k;
}

static void
put_verdict(struct req *r, HDF *it, const struct dnschange *d)
{
	out_put(it, "type", "dns");
	out_put(it, "kind", dnsview_look(d->v));
	out_put(it, "family", d->fam == NET_V6 ? "IPv6" : "IPv4");
	out_put(it, "text", out_lang(r, "Dns", dnsstate_verdict_word(d->v)));
	out_put(it, "ip", d->answer);
}

/* timeline: the attempts, the changes and the DNS verdicts' changes,
 * merged newest first. */
static int
timeline(struct req *r, const struct att_list *l, const struct audit_row *c,
    size_t nc, const struct dnslog *dl)
{
	struct event *ev;
	char t[OUT_TIME_SZ];
	size_t i, n = 0;
	HDF *it;

	if ((ev = calloc(l->n + nc + dl->n + 1, sizeof(*ev))) == NULL)
		return -1;
	for (i = 0; i < dl->n; i++)
		ev[n].at = dl->c[i].at, ev[n++].d = &dl->c[i];
	for (i = 0; i < l->n; i++)
		ev[n].at = l->a[i].at, ev[n++].a = &l->a[i];
	for (i = 0; i < nc; i++)
		ev[n].at = c[i].at, ev[n++].c = &c[i];
	if (n > 1)	/* qsort of no array: NULL is not allowed */
		qsort(ev, n, sizeof(*ev), by_time);
	for (i = 0; i < n; i++) {
		it = out_item(r->hdf, "Events", i);
		out_put(it, "when", out_time(ev[i].at, t));
		if (ev[i].a != NULL)
			put_attempt(r, it, ev[i].a);
		else if (ev[i].d != NULL)
			put_verdict(r, it, ev[i].d);
		else
			put_change(r, it, ev[i].c);
	}
	free(ev);
	return 0;
}

void
page_timeline(struct req *r)
{
	struct cache_entry ce;
	struct att_list l;
	struct dnslog dl = { 0 };
	struct audit_row *c = NULL;
	struct dd_err e = { 0 };
	struct host h;
	size_t nc = 0;
	int more = 0;

	if (r->id == 0) {
		dd_fail(&e, DD_EBADREQ, "id", MSG_req_id);
		http_error(r, &e);
		return;
	}
	if (store_get(r->store, r->id, &h, &e) == -1 ||
	    store_audit_host(r->store, h.hostname, CHANGES_MAX, &c, &nc, &more,
	    &e) == -1) {
		http_error(r, &e);
		return;
	}
	attempts_of(r, h.hostname, &l, &ce);
	out_setn(r, h.id, "Host.id");
	out_set(r, "Host.hostname", h.hostname);
	out_set(r, "Host.enabled", h.enabled ? "1" : "0");
	if (more)
		out_set(r, "Host.more", "1");
	next_steps(r, &h, &l, &ce);
	dns_now(r, &h, &ce);
	if (r->q[Q_MSG] != NULL && strcmp(r->q[Q_MSG], "dnscheck") == 0)
		out_set(r, "Notice.done", out_lang(r, "Msg", "dnscheck"));
	verdicts_of(r, h.hostname, &dl);
	if (timeline(r, &l, c, nc, &dl) == -1) {
		dd_fail(&e, DD_ESYS, NULL, MSG_oom);
		http_error(r, &e);
	} else
		http_page(r, 200, "host.cs");
	memset(h.password, 0, sizeof(h.password));
	att_free(&l);
	dnslog_free(&dl);
	free(c);
}

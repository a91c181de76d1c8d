/* page_list.c: every host with its live state, the public address, and
 * what the last change did. Reads files only; never waits on the network. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "boundary.h"
#include "vet.h"
#include "cache.h"
#include "cgi.h"
#include "daemon.h"
#include "facts.h"
#include "ddconf.h"
#include "dnsview.h"
#include "fileio.h"
#include "list.h"
#include "netip.h"
#include "num.h"
#include "providers.h"
#include "verdict.h"

/* Messages the query may ask for after a redirect: names, not text. */
static const char *const msgs[] = {
	"saved", "deleted", "enabled", "disabled", "queued", "dnscheck",
};

/* The text of a verdict: the provider's answer for a failure, else the
 * state's own (Lang.Status.<key>). */
static const char *
verdict_text(struct req *r, enum vd_state st, const char *status)
{
	return out_lang(r, "Status", st == VD_FAILED ? verdict_answer(status) :
	    verdict_look(st)->key);
}

/* How long ago a row was updated, in the largest whole unit (a minute
 * at least): Lang.Ago's words, looked up once a page. */
static const struct {
	long long	 secs;
	const char	*one, *other;
} ago_units[] = {
	{ 86400, "day.one", "day.other" }, { 3600, "hour.one", "hour.other" },
	{ 60, "min.one", "min.other" },
};
#define AGO_UNITS	(sizeof(ago_units) / sizeof(ago_units[0]))

struct ago {
	long long	 now;
	char		 tz[16];	/* the local time zone, e.g. "CET" */
	const char	*just_now, *one[AGO_UNITS], *other[AGO_UNITS];
};

static void
ago_load(struct req *r, long long now, struct ago *a)
{
	size_t k;

	time_t tt = (time_t)now;
	struct tm tm;

	a->now = now;
	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(a->tz, sizeof(a->tz), "%Z", &tm) == 0)
		a->tz[0] = '\0';
	a->just_now = out_lang(r, "Ago", "now");
	for (k = 0; k < AGO_UNITS; k++) {
		a->one[k] = out_lang(r, "Ago", ago_units[k].one);
		a->other[k] = out_lang(r, "Ago", ago_units[k].other);
	}
}

/* zoned: the time out_time wrote in t (OUT_TIME_SZ bytes) followed by
 * zone tz. */
static const char *
zoned(char t[OUT_TIME_SZ], const char *tz)
{
	size_t n = strlen(t);

	if (*t && *tz)
		snprintf(t + n, OUT_TIME_SZ - n, " %s", tz);
	return t;
}

/* ago_text: t as "3 minutes ago" in buf ("just now" under a minute or
 * for a clock that went back). */
static const char *
ago_text(const struct ago *a, long long t, char *buf, size_t sz)
{
	char num[NUM_SZ];
	const char *d, *w;
	size_t k, dl, wl;
	long long n;

	for (k = 0; k < AGO_UNITS; k++)
		if (a->now - t >= ago_units[k].secs) {
			n = (a->now - t) / ago_units[k].secs;
			/* "%lld %s" without printf: a row each */
			d = num_format(n, num);
			w = n == 1 ? a->one[k] : a->other[k];
			dl = strlen(d);
			wl = strlen(w);
			if (dl + 1 + wl >= sz)
				return a->just_now;
			memcpy(buf, d, dl);
			buf[dl] = ' ';
			memcpy(buf + dl + 1, w, wl + 1);
			return buf;
		}
	return a->just_now;
}

/*
 * set_state: the row's verdict (verdict.h), per family the host asks for
 * and the worse of them for the host; what ddclient's cache says (the
 * address, the provider's word, the times) when the cache decided it.
 */
static void
set_state(struct req *r, HDF *it, const struct host *h,
    const struct cache_entry *ce, const struct netip ni[NET__MAX],
    const struct vet *v, int pending, struct dnspage *dp,
    const struct ago *ago)
{
	struct verdict_in in = { .enabled = h->enabled, .left_out =
	    v->field != -1, .pending = pending };
	const struct vd_look *look;
	const char *ip, *status, *hstatus = "";
	enum vd_state st, host = VD__MAX;
	enum dnsverdict dv;
	unsigned want = facts_family(h->family);
	char t[OUT_TIME_SZ], why[MSG_TEXT_SZ];
	HDF *fam;
	size_t k, nf = 0;

	for (k = 0; k < sizeof(rank_fams) / sizeof(rank_fams[0]); k++) {
		if (!(want & rank_fams[k].bit))
			continue;
		ip = status = "";
		if (ce != NULL)
			cache_family(ce, rank_fams[k].v6, &ip, &status);
		in.cached = verdict_cached(status, ce ? ce->mtime : 0,
		    ce ? ce->atime : 0);
		st = verdict_decide(&in);
		if (host == VD__MAX || verdict_worse(host, st) != host)
			host = st, hstatus = status;
		look = verdict_look(st);
		/* DNS is asked for every enabled host (ddns-dnscheck's). */
		if (!h->enabled && (ce == NULL || !look->cache))
			continue;
		fam = out_item(it, "State.Fam", nf++);
		out_put(fam, "name", rank_fams[k].name);
		/* A verdict of DNS on the address says whether it is in
		 * sync; the grey ones say nothing of it. */
		dv = DV_NOT_CHECKED;
		if (h->enabled)
			dv = dnsview_put(r, fam, dp, h->hostname,
			    rank_fams[k].fam, ip, ce ? ce->mtime : 0,
			    ni[rank_fams[k].fam].ip, &in, 0);
		if (ce == NULL || !look->cache)
			continue;
		out_put(fam, "ip", ip);
		/* A family's own sentence only for a dual-stack host (one
		 * family's sentence is the host's, said above it); the
		 * provider's word for an error, always. */
		if (want == (FACT_V4 | FACT_V6)) {
			out_put(fam, "text", verdict_text(r, st, status));
			out_put(fam, "kind", look->kind);
		}
		if (st == VD_FAILED && *status)
			out_put(fam, "status", status);
		if (*ni[rank_fams[k].v6 ? NET_V6 : NET_V4].ip && *ip &&
		    dv <= DV_COULD_NOT_CHECK)
			out_put(fam, "insync", strcmp(ni[rank_fams[k].v6 ?
			    NET_V6 : NET_V4].ip, ip) == 0 ? "1" : "0");
	}
	look = verdict_look(host);
	if (in.left_out) {
		/* ddns-apply leaves it out: say so, whatever the cache says. */
		out_put(it, "State.field", out_lang(r, "Field",
		    host_field_name(v->field)));
		out_put(it, "State.why", out_msg(r, &v->m, why));
	}
	if (ce != NULL && look->cache) {
		/* the exact times with the page's zone; the last attempt
		 * only when it is not the last update */
		out_time(ce->mtime, t);
		out_put(it, "State.mtime", zoned(t, ago->tz));
		if (ce->atime != ce->mtime) {
			out_time(ce->atime, t);
			out_put(it, "State.atime", zoned(t, ago->tz));
		}
		if (ce->mtime > 0)
			out_put(it, "State.ago", ago_text(ago, ce->mtime, t,
			    sizeof(t)));
	}
	out_put(it, "State.text", verdict_text(r, host, hstatus));
	out_put(it, "State.kind", look->kind);
}

/* The hostname's labels, each with its dot, so that the page may break a
 * long name after a dot and never inside a label. */
static void
hostname_labels(HDF *it, const char *name)
{
	char label[HOSTNAME_SZ];
	size_t k, n;

	for (k = 0; *name; k++, name += n) {
		n = strcspn(name, ".");
		n += name[n] == '.';
		if (n >= sizeof(label))
			break;
		memcpy(label, name, n);
		label[n] = '\0';
		out_putk(it, "labels", k, label);
	}
}

static void
set_host(struct req *r, HDF *it, const struct host *h)
{
	const struct provider *p = prov_find(h->provider);
	const char *name = p == NULL ? "" : out_lang(r, "ProviderName", p->id);

	out_putn(it, "id", h->id);
	out_putn(it, "enabled", h->enabled);
	hostname_labels(it, h->hostname);
	out_put(it, "provider", p == NULL ? h->provider : *name ? name :
	    p->label);
	out_put(it, "login", h->login);
	out_put(it, "description", h->description);
	out_put(it, "mx", h->mx);
}

/* is_pending: whether host is among the n queued names. */
static int
is_pending(char *const *names, size_t n, const char *host)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], host) == 0)
			return 1;
	return 0;
}

/* The HDF names of the families (fixed text, never request data). */
static const char *const fam_key[NET__MAX] = {
	[NET_V4] = "PublicIp.v4", [NET_V6] = "PublicIp.v6",
};

/* The appliance's public addresses, one per family checked; start a
 * refresh when one is stale. ni[f] stays empty for a family not checked. */
static void
public_ip(struct req *r, struct netip ni[NET__MAX])
{
	char path[PATH_MAX], key[48], t[OUT_TIME_SZ];
	struct dd_err e;
	long long now = (long long)time(NULL);
	int f, have, stale = 0;

	for (f = 0; f < NET__MAX; f++) {
		memset(&ni[f], 0, sizeof(ni[f]));
		if (f == NET_V6 && r->conf.checkip6_url == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", r->conf.state_dir,
		    netip_file(f));
		have = netip_read(path, &ni[f], &e) == 0;
		stale |= !have || now - ni[f].time >= r->conf.checkip_interval ||
		    ni[f].time > now + 60;
		snprintf(key, sizeof(key), "%s.checked", fam_key[f]);
		out_set(r, key, "1");
		if (!have)
			continue;
		snprintf(key, sizeof(key), "%s.ip", fam_key[f]);
		out_set(r, key, ni[f].ip);
		snprintf(key, sizeof(key), "%s.error", fam_key[f]);
		out_set(r, key, ni[f].error);
		snprintf(key, sizeof(key), "%s.time", fam_key[f]);
		out_set(r, key, out_time(ni[f].time, t));
	}
	if (stale) {
		run_checkip_detached(r);
		out_set(r, "PublicIp.refreshing", "1");
	}
}

/* The address each address source gives its hosts now, as ddns-checkip
 * last found it (publicip@NAME); empty for a source not yet checked. */
static void
source_ips(struct req *r, struct netip sip[SOURCE_MAX][NET__MAX])
{
	size_t i;
	int f;

	for (i = 0; i < r->conf.nsrc; i++)
		for (f = 0; f < NET__MAX; f++)
			netip_read_source(r->conf.state_dir, r->conf.src[i].name,
			    f, &sip[i][f]);
	if (r->conf.nsrc > 0)
		out_set(r, "Page.sources", "1");
}

/* host_ip: the addresses host h is compared with: its source's when
 * sources are configured, else the appliance's (ni). */
static const struct netip *
host_ip(const struct req *r, const struct host *h,
    const struct netip ni[NET__MAX], struct netip sip[SOURCE_MAX][NET__MAX])
{
	const struct source *s = conf_source(&r->conf, h->source);

	return s != NULL ? sip[s - r->conf.src] : ni;
}

/* After a redirect: what was done, and how applying it went. */
static void
notice(struct req *r)
{
	const struct apply_outcome *o;
	long long c;
	size_t i;

	for (i = 0; r->q[Q_MSG] && i < sizeof(msgs) / sizeof(msgs[0]); i++)
		if (strcmp(r->q[Q_MSG], msgs[i]) == 0)
			out_set(r, "Notice.done", out_lang(r, "Msg", msgs[i]));
	if (r->q[Q_APPLY] == NULL || num_parse(r->q[Q_APPLY], 0, 255, &c) == -1)
		return;
	if ((o = apply_outcome((int)c)) == NULL)
		return;
	out_set(r, "Notice.kind", o->kind);
	out_set(r, "Notice.apply", out_lang(r, "Apply", o->key));
}

/* The line about ddclient itself, unless it runs. */
static void
daemon_line(struct req *r)
{
	const struct apply_outcome *o =
	    apply_daemon_outcome(daemon_check(r->conf.ddclient_pid));

	if (o == NULL || strcmp(o->kind, "ok") == 0)
		return;
	out_set(r, "Daemon.kind", o->kind);
	out_set(r, "Daemon.text", out_lang(r, "Daemon", o->key));
}

/* The summary's groups: their HDF key, and their name in ?state= (the
 * list of one group: a count in the summary links to it). */
static const char *const group_key[VG__MAX] = {
	[VG_FAILING] = "Summary.failing", [VG_WAITING] = "Summary.waiting",
	[VG_OK] = "Summary.ok", [VG_DISABLED] = "Summary.disabled",
};
static const char *const group_name[VG__MAX] = {
	[VG_FAILING] = "failing", [VG_WAITING] = "waiting", [VG_OK] = "ok",
	[VG_DISABLED] = "disabled",
};

/* list_only: the group ?state= names (VG__MAX for every host, or for a
 * name that is none: the whole list). */
static enum vd_group
list_only(const struct req *r)
{
	int c;

	for (c = 0; r->q[Q_STATE] != NULL && c < VG__MAX; c++)
		if (strcmp(r->q[Q_STATE], group_name[c]) == 0)
			return (enum vd_group)c;
	return VG__MAX;
}

/* The summary line and the page links. */
static void
set_summary(struct req *r, const struct ranking *rk, long long page,
    long long pages, enum vd_group only)
{
	int c;

	out_setn(r, (long long)rk->n, "Summary.total");
	for (c = 0; c < VG__MAX; c++)
		out_setn(r, (long long)rk->count[c], "%s", group_key[c]);
	if (only != VG__MAX)
		out_set(r, "Summary.only", group_name[only]);
	out_setn(r, page, "Paging.page");
	out_setn(r, pages, "Paging.pages");
	if (page > 1)
		out_setn(r, page - 1, "Paging.prev");
	if (page < pages)
		out_setn(r, page + 1, "Paging.next");
	if (r->q[Q_SEARCH] && *r->q[Q_SEARCH])
		out_set(r, "Search.q", r->q[Q_SEARCH]);
}

/*
 * load_page: rank every host matching the search by its verdict (from
 * one streaming pass over ddclient's cache: a hash and a byte a host, and
 * what kn knows), fill the summary, and read the rows of the page asked
 * for into *h (*n of them, caller frees) with their cache entries into
 * *ce; ddclient's newest update of any host into *newest. Returns 0, or
 * -1 with e set.
 */
static int
load_page(struct req *r, const char *cpath, const struct known *kn,
    struct host **h, size_t *n, struct cache_entry **ce, long long *newest,
    struct dd_err *e)
{
	struct ctab tab = { 0 };
	struct ranking rk = { 0 };
	long long page = 1, pages, ids[PER_PAGE];
	enum vd_group only = list_only(r);
	size_t first, shown;
	char why[MSG_TEXT_SZ];
	int rc = -1;

	*h = NULL;
	*ce = NULL;
	*n = 0;
	if (r->q[Q_PAGE] && num_parse(r->q[Q_PAGE], 1, 1000000, &page) == -1)
		return dd_fail(e, DD_EBADREQ, "page", MSG_req_page_number);
	if (cache_scan(cpath, NULL, rank_scan_cached, &tab, e) == -1) {
		out_set(r, "Daemon.cache_error", out_msg(r, &e->m, why));
		dd_clear(e);
	}
	*newest = tab.newest;
	rk.tab = &tab;
	rk.kn = kn;
	if (store_each(r->store, r->q[Q_SEARCH], rank_row, &rk, e) == -1)
		goto out;
	shown = only == VG__MAX ? rk.n : rk.count[only];
	pages = shown ? (long long)((shown + PER_PAGE - 1) / PER_PAGE) : 1;
	if (page > pages)
		page = pages;
	set_summary(r, &rk, page, pages, only);
	first = (size_t)(page - 1) * PER_PAGE;
	*n = shown > first ? (shown - first < PER_PAGE ? shown - first :
	    PER_PAGE) : 0;
	if ((*h = calloc(*n + 1, sizeof(**h))) == NULL ||
	    (*ce = calloc(*n + 1, sizeof(**ce))) == NULL) {
		rc = dd_fail(e, DD_ESYS, NULL, MSG_oom);
		goto out;
	}
	rank_page_ids(&rk, first, *n, ids, only);
	if (store_get_ids(r->store, ids, *n, *h, e) == -1)
		goto out;
	rank_page_cache(cpath, *h, *n, *ce);
	rc = 0;
out:
	free(tab.key);
	free(tab.cls);
	free(rk.id);
	free(rk.cls);
	if (rc == -1) {
		free(*h);
		free(*ce);
		*h = NULL;
		*ce = NULL;
		*n = 0;
	}
	return rc;
}

/* dns_load: dnsview_load of the page's enabled hosts among the n of h[]
 * (DNS is asked for those only). */
static void
dns_load(struct req *r, const struct host *h, size_t n, long long newest,
    struct dnspage *dp)
{
	const char *names[PER_PAGE];
	size_t i, k = 0;

	for (i = 0; i < n && k < PER_PAGE; i++)
		if (h[i].enabled)
			names[k++] = h[i].hostname;
	dnsview_load(r, names, k, newest, dp);
}

/* The largest report read (boundary.h): a note per host left out. */
#define REPORT_MAX	(1 << 20)

/*
 * list_report: what the last apply left out that only the root side
 * could tell (a key file it could not write), from its report
 * (APPLY_REPORT_FILE), into *rep (free with imp_result_free), and a
 * failure of the whole apply above the list. No report, the usual case,
 * costs one failed open and leaves *rep empty.
 */
/* report_read: root's file name of apply_dir in the report's format into
 * *rep (empty when there is none or it is not one). Returns 0 or -1. */
static int
report_read(struct req *r, const char *name, struct imp_result *rep)
{
	struct dd_err e;
	char path[PATH_MAX], *data = NULL;
	size_t len;
	int rc = -1;

	memset(rep, 0, sizeof(*rep));
	if (apply_path(&r->conf, name, path, sizeof(path)) == -1 ||
	    file_read(path, REPORT_MAX, &data, &len, &e) == -1)
		return -1;
	rc = wire_read_report(data, len, rep, &e);
	free(data);
	return rc;
}

void
list_report(struct req *r, struct imp_result *rep)
{
	char why[MSG_TEXT_SZ];

	if (report_read(r, APPLY_REPORT_FILE, rep) == 0 && rep->nfile > 0)
		out_set(r, "Daemon.apply_error", out_msg(r, &rep->file[0], why));
	else if (rep->nfile == 0 && rep->nrec == 0)
		imp_result_free(rep);
}

/*
 * kept_list: the hosts the root side kept as written at the take-over of
 * a hand-written configuration (APPLY_KEPT_FILE), read-only: Kept.<i>
 * with name, why (the first note, in the page's language) and what
 * ddclient's cache (cpath) says of it. No such file, the usual case,
 * costs one failed open.
 */
static void
kept_list(struct req *r, const char *cpath)
{
	struct cache_entry *ce = NULL;
	struct imp_result kept;
	struct dd_err e;
	char text[MSG_TEXT_SZ], tb[OUT_TIME_SZ];
	size_t i, j, n = 0;

	if (report_read(r, APPLY_KEPT_FILE, &kept) == -1 || kept.nrec == 0) {
		imp_result_free(&kept);
		return;
	}
	if (cache_read(cpath, &ce, &n, &e) == -1)
		n = 0;
	for (i = 0; i < kept.nrec; i++) {
		out_row(r, "Kept", i, "name", kept.rec[i].name);
		if (kept.rec[i].nnote > 0)
			out_row(r, "Kept", i, "why", out_msg(r,
			    &kept.rec[i].note[0].m, text));
		for (j = 0; j < n; j++)
			if (strcmp(ce[j].host, kept.rec[i].name) == 0)
				break;
		if (j == n)
			continue;
		out_row(r, "Kept", i, "ip", ce[j].ip4[0] ? ce[j].ip4 : ce[j].ip);
		out_row(r, "Kept", i, "status", ce[j].status4[0] ?
		    ce[j].status4 : ce[j].status);
		if (ce[j].mtime > 0)
			out_row(r, "Kept", i, "mtime", out_time(ce[j].mtime, tb));
	}
	free(ce);
	imp_result_free(&kept);
}

/* reported_set: the names root's report leaves out, as a set. */
static int
reported_set(const struct imp_result *rep, struct nameset *ns)
{
	const char **names;
	size_t k, n = 0;
	int rc;

	if ((names = calloc(rep->nrec + 1, sizeof(*names))) == NULL)
		return -1;
	for (k = 0; k < rep->nrec; k++)
		if (rep->rec[k].nnote > 0)
			names[n++] = rep->rec[k].name;
	rc = nameset_make(ns, names, n);
	free(names);
	return rc;
}

/*
 * root_report: on the row of a host root's report leaves out, why, when
 * the page's own vet let it through; and on a row that facts (all the
 * rows, judged together) leave out where the page's rows alone did not,
 * the generic reason: the row then says what the summary counts.
 */
static void
root_report(const struct imp_result *rep, const struct known *kn,
    const struct host *h, size_t n, struct vet *v)
{
	size_t i, k;

	for (k = 0; k < rep->nrec; k++)
		for (i = 0; i < n && rep->rec[k].nnote > 0; i++)
			if (v[i].field == -1 &&
			    strcmp(h[i].hostname, rep->rec[k].name) == 0) {
				v[i].field = HF_HOSTNAME;
				v[i].m = rep->rec[k].note[0].m;
			}
	for (i = 0; i < n; i++)
		if (v[i].field == -1 &&
		    (facts_get(&kn->facts, h[i].id) & FACT_LEFT_OUT)) {
			v[i].field = HF_HOSTNAME;
			msg_set(&v[i].m, MSG_refused);
		}
}

/*
 * import_offer: the Import button, when ddclient_conf is there and this
 * module did not write it (ddns-apply would not replace it). This user
 * may be unable to read it (root's, 0600): then the refusal of the last
 * apply (APPLY_EFOREIGN) says so instead.
 */
static void
import_offer(struct req *r)
{
	char *head;
	size_t n;
	long long c;
	struct dd_err e;

	if (r->q[Q_APPLY] != NULL && num_parse(r->q[Q_APPLY], 0, 255, &c) == 0 &&
	    c == APPLY_EFOREIGN) {
		out_set(r, "Import.offer", "1");
		return;
	}
	if (file_read_head(r->conf.ddclient_conf, 64, &head, &n, &e) == -1)
		return;
	if (!ddconf_ours(head, n))
		out_set(r, "Import.offer", "1");
	free(head);
}

/* know: what the ranking needs besides the index and the cache (kn), in
 * the snapshot. Each part that cannot be read is left empty: the page
 * still shows the rest. */
static void
know(struct req *r, const struct imp_result *rep, char **pend, size_t npend,
    struct known *kn)
{
	struct dd_err e;

	memset(kn, 0, sizeof(*kn));
	if (facts_load(r->store, &r->conf, r->ver, &kn->facts, &e) == -1)
		fprintf(stderr, "ddns.cgi: %s\n", e.msg);
	if (nameset_make(&kn->pending, (const char *const *)pend, npend) == -1)
		kn->pending.n = 0;
	if (reported_set(rep, &kn->reported) == -1)
		kn->reported.n = 0;
}

static void
known_free(struct known *kn)
{
	facts_free(&kn->facts);
	free(kn->pending.h);
	free(kn->reported.h);
}

void
page_list(struct req *r)
{
	struct cache_entry *ce = NULL;
	struct netip ni[NET__MAX], sip[SOURCE_MAX][NET__MAX];
	struct dnspage dp = { 0 };
	struct ago ago;
	struct imp_result rep;
	struct known kn;
	struct host *h = NULL;
	struct vet *v = NULL;
	struct dd_err e = { 0 };
	HDF *it;
	char **pend = NULL, cpath[PATH_MAX];
	size_t n = 0, npend = 0, i;
	long long newest = 0;

	/* ddclient's cache, or the root side's copy of it (apply.h). */
	apply_status_path(&r->conf, cpath, sizeof(cpath));
	list_report(r, &rep);
	if (store_snapshot(r->store, &e) == -1) {
		imp_result_free(&rep);
		http_error(r, &e);
		return;
	}
	if (store_pending(r->store, &pend, &npend, &e) == -1)
		npend = 0;	/* the page still shows the rest */
	know(r, &rep, pend, npend, &kn);
	if (load_page(r, cpath, &kn, &h, &n, &ce, &newest, &e) == -1 ||
	    (v = calloc(n + 1, sizeof(*v))) == NULL) {
		store_snapshot_end(r->store);
		if (h != NULL)
			dd_fail(&e, DD_ESYS, NULL, MSG_oom);
		goto out;
	}
	list_vet(r, h, n, v);
	store_snapshot_end(r->store);
	root_report(&rep, &kn, h, n, v);
	/* ddclient_ssl = no: every dyndns2 host's password would travel in
	 * clear; the page says so while it is off (Lang.PlainHttp). */
	if (!r->conf.ddclient_ssl)
		out_set(r, "Page.plain_http", "1");
	public_ip(r, ni);
	source_ips(r, sip);
	dns_load(r, h, n, newest, &dp);
	ago_load(r, dp.now, &ago);
	for (i = 0; i < n; i++) {
		it = out_item(r->hdf, "Hosts", i);
		set_host(r, it, &h[i]);
		set_state(r, it, &h[i], ce[i].host[0] ? &ce[i] : NULL,
		    host_ip(r, &h[i], ni, sip), &v[i],
		    is_pending(pend, npend, h[i].hostname), &dp, &ago);
	}
	daemon_line(r);
	notice(r);
	import_offer(r);
	kept_list(r, cpath);
out:
	store_free_names(pend, npend);
	dnsview_free(&dp);
	imp_result_free(&rep);
	known_free(&kn);
	free(ce);
	free(v);
	free(h);
	if (e.code != DD_OK)
		http_error(r, &e);
	else
		http_page(r, 200, "list.cs");
}

void
list_after(struct req *r, const char *msg, int apply)
{
	char loc[96];

	snprintf(loc, sizeof(loc), "?action=list&msg=%s&apply=%d", msg, apply);
	http_redirect(r, loc);
}

/* page_status.c: ?action=status, the list's verdicts as JSON, one object
 * per host and family, for a dashboard widget or a monitoring system
 * (README, "The status as JSON"). Reads files and the database only. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "boundary.h"
#include "buf.h"
#include "cache.h"
#include "cgi.h"
#include "dnsstate.h"
#include "facts.h"
#include "json.h"
#include "netip.h"
#include "verdict.h"
#include "vet.h"

/* The families, as facts.h's bits say them (the JSON names each by its
 * netip_fam_word). */
static const struct {
	unsigned	 bit;
	enum netfam	 fam;
} fams[] = {
	{ FACT_V4, NET_V4 }, { FACT_V6, NET_V6 },
};

static int
by_host(const void *a, const void *b)
{
	return strcmp(((const struct cache_entry *)a)->host,
	    ((const struct cache_entry *)b)->host);
}

/* All that the verdicts are drawn from, read once. */
struct status_in {
	struct host		*h;
	struct vet		*v;
	size_t			 n;
	char			**pend;
	size_t			 npend;
	struct cache_entry	*ce;	/* sorted by host */
	size_t			 nce;
	struct netip		 ni[NET__MAX];
	enum dnsmode		 mode;	/* dns_check */
	struct dnsstate		 dns;	/* state_dir/dns, read whole */
	int			 have_dns;
	long long		 now;
};

static int
pending(const struct status_in *in, const char *name)
{
	size_t i;

	for (i = 0; i < in->npend; i++)
		if (strcmp(in->pend[i], name) == 0)
			return 1;
	return 0;
}

/* The DNS verdict of an enabled host's family (dnsstate_judge, as the
 * pages word it): "dns" its key, "dns_until" (Propagating: resolvers may
 * keep the previous answer until then; else 0) and "dns_answer", DNS's
 * addresses; for a disabled host, null, 0 and []. */
static void
emit_dns(struct buf *out, const struct status_in *in, const struct host *h,
    size_t k, const char *ip, long long sent_time)
{
	struct dnsinput di = { .mode = in->mode, .st = in->have_dns ?
	    &in->dns : NULL, .sent = ip, .sent_time = *ip ? sent_time : 0,
	    .pub = in->ni[fams[k].fam].ip, .now = in->now };
	struct dnsview dv;
	size_t i;

	if (!h->enabled) {
		buf_puts(out, ",\"dns\":null,\"dns_until\":0,\"dns_answer\":[]");
		return;
	}
	di.dns = dnsstate_find(di.st, h->hostname, fams[k].fam);
	dnsstate_judge(&di, &dv);
	buf_printf(out, ",\"dns\":\"%s\",\"dns_until\":%lld,\"dns_answer\":[",
	    dnsstate_verdict_word(dv.v), dv.until);
	for (i = 0; di.dns != NULL && i < di.dns->naddr; i++) {
		buf_puts(out, i ? "," : "");
		json_str(out, di.dns->addr[i]);
	}
	buf_puts(out, "]");
}

/* The JSON members of one host and family. */
static void
emit_family(struct buf *out, const struct status_in *in, size_t i,
    size_t k)
{
	const struct host *h = &in->h[i];
	const struct cache_entry *ce;
	struct cache_entry key;
	const char *ip = "", *status = "";
	struct verdict_in vin = { .enabled = h->enabled, .left_out =
	    in->v[i].field != -1, .pending = pending(in, h->hostname) };

	snprintf(key.host, sizeof(key.host), "%s", h->hostname);
	ce = in->nce ? bsearch(&key, in->ce, in->nce, sizeof(*in->ce),
	    by_host) : NULL;
	if (ce != NULL)
		cache_family(ce, fams[k].fam == NET_V6, &ip, &status);
	vin.cached = verdict_cached(status, ce ? ce->mtime : 0,
	    ce ? ce->atime : 0);
	buf_puts(out, "{\"hostname\":");
	json_str(out, h->hostname);
	buf_puts(out, ",\"description\":");
	json_str(out, h->description);
	buf_printf(out, ",\"family\":\"%s\",\"enabled\":%s,\"verdict\":\"%s\","
	    "\"queued\":%s,\"address\":", netip_fam_word(fams[k].fam),
	    h->enabled ? "true" : "false",
	    verdict_look(verdict_decide(&vin))->key,
	    vin.pending ? "true" : "false");
	json_str(out, ip);
	buf_puts(out, ",\"public_address\":");
	json_str(out, in->ni[fams[k].fam].ip);
	buf_printf(out, ",\"last_update\":%lld,\"last_attempt\":%lld,"
	    "\"answer\":", ce ? ce->mtime : 0, ce ? ce->atime : 0);
	json_str(out, status);
	buf_printf(out, ",\"left_out\":%s,\"left_out_why\":",
	    vin.left_out ? "true" : "false");
	if (vin.left_out)
		json_str(out, msg_key(in->v[i].m.id));
	else
		buf_puts(out, "null");
	emit_dns(out, in, h, k, ip, ce ? ce->mtime : 0);
	buf_puts(out, "}");
}

/* read_in: the rows, their vet, the queue, root's report, the cache and
 * the public addresses. Returns 0, or -1 with e set. */
static int
read_in(struct req *r, struct status_in *in, struct dd_err *e)
{
	struct imp_result rep;
	char path[PATH_MAX];
	const char *why;
	size_t i, k;
	int f;

	if (store_snapshot(r->store, e) == -1)
		return -1;
	if (store_list(r->store, &in->h, &in->n, e) == -1) {
		store_snapshot_end(r->store);
		return -1;
	}
	if (store_pending(r->store, &in->pend, &in->npend, NULL) == -1)
		in->npend = 0;
	store_snapshot_end(r->store);
	if ((in->v = calloc(in->n + 1, sizeof(*in->v))) == NULL)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	apply_vet(&r->conf, in->h, in->n, r->ver, in->v);
	list_report(r, &rep);
	for (k = 0; k < rep.nrec; k++)
		for (i = 0; i < in->n && rep.rec[k].nnote > 0; i++)
			if (in->v[i].field == -1 &&
			    strcmp(in->h[i].hostname, rep.rec[k].name) == 0) {
				in->v[i].field = HF_HOSTNAME;
				in->v[i].m = rep.rec[k].note[0].m;
			}
	imp_result_free(&rep);
	apply_status_path(&r->conf, path, sizeof(path));
	if (cache_read(path, &in->ce, &in->nce, NULL) == -1)
		in->nce = 0;
	if (in->nce > 0)
		qsort(in->ce, in->nce, sizeof(*in->ce), by_host);
	for (f = 0; f < NET__MAX; f++)
		if (snprintf(path, sizeof(path), "%s/%s", r->conf.state_dir,
		    netip_file(f)) < (int)sizeof(path))
			netip_read(path, &in->ni[f], NULL);
	in->now = (long long)time(NULL);
	if (dnsstate_mode(r->conf.dns_check, &in->mode, path, sizeof(path),
	    &why) == -1)
		in->mode = DNSMODE_OFF;	/* conf_load took it: cannot be */
	snprintf(path, sizeof(path), "%s/%s", r->conf.state_dir, DNSSTATE_FILE);
	if (in->mode != DNSMODE_OFF)
		in->have_dns = dnsstate_read(path, &in->dns, NULL) == 0;
	return 0;
}

void
page_status(struct req *r)
{
	struct status_in in;
	struct dd_err e = { 0 };
	struct buf out = { 0 };
	size_t i, k, nobj = 0;
	unsigned want;

	memset(&in, 0, sizeof(in));
	if (read_in(r, &in, &e) == 0) {
		buf_puts(&out, "{\"hosts\":[");
		for (i = 0; i < in.n; i++) {
			want = facts_family(in.h[i].family);
			for (k = 0; k < sizeof(fams) / sizeof(fams[0]); k++)
				if (want & fams[k].bit) {
					buf_puts(&out, nobj++ ? ",\n" : "\n");
					emit_family(&out, &in, i, k);
				}
		}
		buf_puts(&out, "\n]}\n");
		if (out.oom)
			dd_fail(&e, DD_ESYS, NULL, MSG_oom);
	}
	store_free_names(in.pend, in.npend);
	free(in.h);
	free(in.v);
	free(in.ce);
	dnsstate_free(&in.dns);
	if (e.code != DD_OK) {
		buf_free(&out);
		http_error(r, &e);
		return;
	}
	http_json(r, &out);
}

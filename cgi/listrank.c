/* listrank.c: the list's order, failing first, from one cheap pass over
 * ddclient's cache and the index (a hash and a byte a host), and the
 * cache entries of one page's hosts from a second pass. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "list.h"

/* The families a host asks for (facts.h's bits), as the list names them. */
const struct rank_fam rank_fams[NET__MAX] = {
	{ FACT_V4, 0, NET_V4, "IPv4" }, { FACT_V6, 1, NET_V6, "IPv6" },
};

/* rank_scan_cached: what a cache entry says of each family. */
int
rank_scan_cached(const struct cache_entry *ce, void *arg)
{
	const char *ip, *st;
	enum vd_state c[2];
	struct ctab *t = arg;
	int v6;

	for (v6 = 0; v6 < 2; v6++)
		c[v6] = cache_family(ce, v6, &ip, &st) == 0 ?
		    verdict_cached(st, ce->mtime, ce->atime) : VD_WAITING;
	if (ce->mtime > t->newest)
		t->newest = ce->mtime;
	return ctab_put(t, name_hash(ce->host), CACHED(c[0], c[1]));
}

/* host_group: the summary group of a host, from verdict_decide over
 * the families it asks for: the same verdict its row shows. */
static enum vd_group
host_group(const struct known *kn, unsigned char cached, long long id,
    const char *hostname, int enabled)
{
	unsigned fl = facts_get(&kn->facts, id);
	struct verdict_in in = { .enabled = enabled, .left_out = (fl &
	    FACT_LEFT_OUT) || nameset_has(&kn->reported, hostname),
	    .pending = nameset_has(&kn->pending, hostname) };
	enum vd_state st = VD__MAX, f;
	size_t k;

	for (k = 0; k < sizeof(rank_fams) / sizeof(rank_fams[0]); k++)
		if (fl & rank_fams[k].bit) {
			in.cached = CACHED_V(cached, rank_fams[k].v6);
			f = verdict_decide(&in);
			st = st == VD__MAX ? f : verdict_worse(st, f);
		}
	return verdict_look(st)->group;
}

int
rank_row(long long id, const char *hostname, int enabled, void *arg)
{
	struct ranking *rk = arg;
	long long *ids;
	unsigned char *cls;
	size_t cap;

	if (rk->n == rk->cap) {
		cap = rk->cap ? rk->cap * 2 : 256;
		if ((ids = realloc(rk->id, cap * sizeof(*ids))) == NULL)
			return -1;
		rk->id = ids;
		if ((cls = realloc(rk->cls, cap)) == NULL)
			return -1;
		rk->cls = cls;
		rk->cap = cap;
	}
	rk->id[rk->n] = id;
	/* A disabled host's cache is not looked up: the rules decide it. */
	rk->cls[rk->n] = (unsigned char)host_group(rk->kn, enabled ?
	    ctab_get(rk->tab, name_hash(hostname)) : 0, id, hostname, enabled);
	rk->count[rk->cls[rk->n]]++;
	rk->n++;
	return 0;
}

/*
 * rank_page_ids: the ids at positions first.. first+n-1 of the page order
 * into ids[]: position = the hosts of the worse classes, then the rank
 * within its class (the store's order); with only a class (not VG__MAX),
 * that class's hosts alone.
 */
void
rank_page_ids(const struct ranking *rk, size_t first, size_t n,
    long long *ids, enum vd_group only)
{
	size_t at[VG__MAX], c, i, pos;

	for (c = 0, pos = 0; c < VG__MAX; pos += rk->count[c], c++)
		at[c] = pos;
	if (only != VG__MAX)
		at[only] = 0;
	for (i = 0; i < rk->n; i++) {
		if (only != VG__MAX && rk->cls[i] != only)
			continue;
		pos = at[rk->cls[i]]++;
		if (pos >= first && pos < first + n)
			ids[pos - first] = rk->id[i];
	}
}

/* The cache entries of the page's hosts only (second, streaming pass). */
struct pagecache {
	const struct host	*h;
	uint64_t		 hash[PER_PAGE];	/* of each h[i].hostname */
	uint64_t		 bloom[16];	/* bit hash % 1024 of each */
	size_t			 n;
	struct cache_entry	*ce;	/* n slots; host "" if none */
};

/* page_wants: whether a cache line's host may be one of the page's. */
static int
page_wants(const char *host, size_t len, void *arg)
{
	const struct pagecache *pc = arg;
	uint64_t k = name_hashn(host, len);
	size_t i;

	if (!(pc->bloom[(k >> 6) & 15] & (1ULL << (k & 63))))
		return 0;	/* most lines: not one of the page's */
	for (i = 0; i < pc->n; i++)
		if (pc->hash[i] == k)
			return 1;
	return 0;
}

static int
scan_page(const struct cache_entry *ce, void *arg)
{
	struct pagecache *pc = arg;
	size_t i;

	for (i = 0; i < pc->n; i++)
		if (pc->ce[i].host[0] == '\0' &&
		    strcmp(pc->h[i].hostname, ce->host) == 0)
			pc->ce[i] = *ce;
	return 0;
}

/* rank_page_cache: the cache entries of the n hosts h of the page into ce[]
 * (zeroed: host "" for none), from a second pass that parses only lines
 * naming one of them. A cache that cannot be read leaves them all none. */
void
rank_page_cache(const char *cpath, const struct host *h, size_t n,
    struct cache_entry *ce)
{
	struct pagecache pc = { 0 };
	size_t i;

	pc.h = h;
	pc.n = n;
	pc.ce = ce;
	for (i = 0; i < n; i++) {
		pc.hash[i] = name_hash(h[i].hostname);
		pc.bloom[(pc.hash[i] >> 6) & 15] |= 1ULL << (pc.hash[i] & 63);
	}
	if (cache_scan(cpath, page_wants, scan_page, &pc, NULL) == -1)
		memset(ce, 0, n * sizeof(*ce));
}

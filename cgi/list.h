/* list.h: what the list page (page_list.c) shares with its two helpers:
 * the ranking of every host, failing first (listrank.c), and the vetting
 * of a page's rows as ddns-apply judges them (listvet.c). */
#ifndef DDNS_LIST_H
#define DDNS_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "cache.h"
#include "cgi.h"
#include "facts.h"
#include "hostset.h"
#include "host.h"
#include "netip.h"
#include "verdict.h"
#include "vet.h"

#define PER_PAGE 50

/* The families a host asks for (facts.h's bits), as the list names them. */
struct rank_fam {
	unsigned	 bit;
	int		 v6;
	enum netfam	 fam;
	const char	*name;
};
extern const struct rank_fam rank_fams[NET__MAX];

/* What a page knows of the hosts beyond the index and the cache. */
struct known {
	struct facts	 facts;		/* left out by apply_vet, families */
	struct nameset	 pending;	/* queued */
	struct nameset	 reported;	/* left out by the root side */
};

/*
 * The hosts that match, in the store's order (by name), with a byte each
 * for their class: the page's order, failing first and by name within a
 * class, needs no sort and no copy of the names (9 bytes a host).
 */
struct ranking {
	const struct ctab *tab;
	const struct known *kn;
	long long	*id;
	unsigned char	*cls;		/* enum vd_group */
	size_t		 n, cap;
	size_t		 count[VG__MAX];
};

/* rank_scan_cached: cache_scan's callback (arg: a struct ctab): what a
 * cache entry says of each family, and the newest update. */
int rank_scan_cached(const struct cache_entry *ce, void *arg);

/* rank_row: store_each's callback (arg: a struct ranking, with tab and kn
 * set): host id at the end of the ranking, with its group. Returns 0, or
 * -1 out of memory (the caller frees id and cls either way). */
int rank_row(long long id, const char *hostname, int enabled, void *arg);

/* rank_page_ids: the ids at positions first.. first+n-1 of the page
 * order (only: one group, or VG__MAX for all) into ids[]. */
void rank_page_ids(const struct ranking *rk, size_t first, size_t n,
    long long *ids, enum vd_group only);

/* rank_page_cache: the cache entries of the n hosts h of the page at
 * cpath into ce[] (zeroed: host "" for none). */
void rank_page_cache(const char *cpath, const struct host *h, size_t n,
    struct cache_entry *ce);

/* list_vet: each of the page's n rows h[] as ddns-apply judges it, into
 * v[] (rows of other pages read when a verdict depends on them). */
void list_vet(struct req *r, struct host *h, size_t n, struct vet *v);

#endif

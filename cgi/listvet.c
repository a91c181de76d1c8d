/* listvet.c: the list page's rows as ddns-apply judges them, reading the
 * rows of other pages when a verdict depends on them (one-account
 * protocols), in ddns-apply's order. */
#include <stdlib.h>
#include <string.h>

#include "list.h"
#include "providers.h"

/* The most providers of one-account protocols a page relates (all). */
#define RELATED_PROVS	64

/* one_account_providers: add to provs[*np] (once each) the providers
 * whose hosts use protocol pr: those of its own, and Custom. */
static void
one_account_providers(const struct protocol *pr, const char **provs,
    size_t *np)
{
	const struct provider *q;
	size_t k, j;

	for (k = 0; k < prov_count(); k++) {
		q = prov_at(k);
		if (q != prov_open() && (q->protocol == NULL ||
		    strcmp(q->protocol, pr->name) != 0))
			continue;
		for (j = 0; j < *np && strcmp(provs[j], q->id) != 0; j++)
			;
		if (j == *np && *np < RELATED_PROVS)
			provs[(*np)++] = q->id;
	}
}

/*
 * vet_in_order: apply_vet over the page's n rows h[] in ddns-apply's
 * order, whatever order the page shows them in (failing first), so that
 * of two rows of one hostname the same one is told the duplicate; the
 * verdicts and canonical rows go back to their places.
 */
static void
vet_in_order(struct req *r, struct host *h, size_t n, struct vet *v)
{
	struct host *s;
	struct vet *sv;
	size_t i, k;

	if ((s = malloc((n + 1) * sizeof(*s))) == NULL ||
	    (sv = calloc(n + 1, sizeof(*sv))) == NULL) {
		free(s);
		apply_vet(&r->conf, h, n, r->ver, v);
		return;
	}
	if (n > 0)
		memcpy(s, h, n * sizeof(*s));
	qsort(s, n, sizeof(*s), host_by_name_id);
	apply_vet(&r->conf, s, n, r->ver, sv);
	for (k = 0; k < n; k++)
		for (i = 0; i < n; i++)
			if (h[i].id == s[k].id) {
				h[i] = s[k];
				v[i] = sv[k];
				break;
			}
	free(sv);
	free(s);
}

/*
 * list_vet: each of the page's n rows h[] as ddns-apply judges it, into
 * v[]. Most verdicts are the row's own; one depends on rows that may be
 * on other pages: a host of a one-account protocol (freedns) with another
 * account than the first of that protocol by name is left out. When the
 * page has such a host, every row of the protocol is read and judged in
 * ddns-apply's order (store_related). Otherwise the page's rows are
 * judged among themselves, in place (apply_vet writes their canonical
 * form); a duplicate hostname, which only a database written past the
 * form can hold, is then told within the page.
 */
void
list_vet(struct req *r, struct host *h, size_t n, struct vet *v)
{
	const char *names[PER_PAGE], *provs[RELATED_PROVS];
	const struct provider *p;
	const struct protocol *pr;
	struct host *rel = NULL;
	struct vet *relv = NULL;
	size_t i, j, nrel = 0, np = 0;

	for (i = 0; i < n; i++) {
		names[i] = h[i].hostname;
		if ((p = prov_find(h[i].provider)) != NULL &&
		    (pr = proto_find(prov_protocol(p, h[i].protocol))) != NULL &&
		    (pr->flags & PF_ONE_ACCOUNT))
			one_account_providers(pr, provs, &np);
	}
	if (np == 0 || store_related(r->store, names, n, provs, np, &rel,
	    &nrel, NULL) == -1 || (relv = calloc(nrel + 1,
	    sizeof(*relv))) == NULL) {
		free(rel);
		vet_in_order(r, h, n, v);
		return;
	}
	apply_vet(&r->conf, rel, nrel, r->ver, relv);
	for (i = 0; i < n; i++) {
		for (j = 0; j < nrel && rel[j].id != h[i].id; j++)
			;
		if (j < nrel)
			v[i] = relv[j];
		else	/* not read again (cannot be, in one snapshot) */
			v[i].field = -1, v[i].m.id = MSG_none;
	}
	free(rel);
	free(relv);
}

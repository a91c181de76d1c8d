/* takeover.c: the hosts of an import reply judged and stored as rows
 * (takeover.h). */
#include <stdlib.h>
#include <string.h>

#include "takeover.h"
#include "validate.h"

/* taken: is name the hostname of one of the n rows at h? */
static int
taken(const struct host *h, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(h[i].hostname, name) == 0)
			return 1;
	return 0;
}

enum tk_verdict
tk_judge(const struct imp_rec *rec, enum ddv v, const struct host *have,
    size_t nhave, const struct host *mine, size_t nmine, struct host *row,
    struct dd_err why[HF__MAX])
{
	const char *in[HF__MAX];
	struct host copy = rec->in;
	int f;

	if (rec->refused)
		return TK_REFUSED;
	for (f = 0; f < HF__MAX; f++)
		in[f] = host_field(&copy, f, NULL);
	if (val_host(in, NULL, v, row, why) > 0)
		return TK_INVALID;
	if (taken(have, nhave, row->hostname))
		return TK_EXISTS;
	if (taken(mine, nmine, row->hostname))
		return TK_DUPLICATE;
	return TK_STORE;
}

int
tk_import(struct store *s, const struct imp_result *res, enum ddv v,
    const char *user, size_t *stored, size_t *left, struct dd_err *e)
{
	struct dd_err why[HF__MAX];
	struct host *have = NULL, *rows;
	size_t nhave = 0, n = 0, i;
	enum tk_verdict t;
	int rc;

	*stored = *left = 0;
	if (store_list(s, &have, &nhave, e) == -1)
		return -1;
	if ((rows = calloc(res->nrec + 1, sizeof(*rows))) == NULL) {
		free(have);
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	}
	for (i = 0; i < res->nrec; i++) {
		t = tk_judge(&res->rec[i], v, have, nhave, rows, n, &rows[n],
		    why);
		if (t == TK_STORE)
			n++;
		else if (t != TK_EXISTS)
			(*left)++;
	}
	rc = store_import(s, rows, n, user, e);
	if (rc == 0)
		*stored = n;
	free(rows);
	free(have);
	return rc;
}

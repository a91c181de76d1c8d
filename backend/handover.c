/* handover.c: the web side's half of the boundary (boundary.h): the one
 * message ddns-apply reads, made from the database. */
#include <stdlib.h>

#include "handover.h"

int
handover_message(struct store *s, int take_over, struct buf *out,
    char ***names, size_t *nnames, struct dd_err *e)
{
	struct host *h = NULL;
	size_t n = 0, i;
	int rc = -1;

	*names = NULL;
	*nnames = 0;
	/* The rows and the queue of one moment. */
	if (store_snapshot(s, e) == -1)
		return -1;
	if (store_list(s, &h, &n, e) == -1 ||
	    store_pending(s, names, nnames, e) == -1)
		goto out;
	wire_emit_begin(out, take_over);
	/* Only what ddclient is to update: a disabled row's secret stays
	 * on this side. A row the database could not give whole (damaged)
	 * or with another enabled than 0 or 1 was not written by the form:
	 * the list page names it (val_stored); the message cannot carry it
	 * as it is. */
	for (i = 0; i < n; i++)
		if (h[i].enabled == 1 && h[i].damaged == 0)
			wire_emit_row(out, &h[i]);
	for (i = 0; i < *nnames; i++)
		wire_emit_drop(out, (*names)[i]);
	wire_emit_end(out);
	if (out->oom || out->len > WIRE_MSG_MAX)
		rc = dd_failf(e, DD_ETOOBIG, NULL, "the rows make a message over "
		    "%u bytes", WIRE_MSG_MAX);
	else
		rc = 0;
out:
	store_snapshot_end(s);
	free(h);
	if (rc == -1) {
		store_free_names(*names, *nnames);
		*names = NULL;
		*nnames = 0;
	}
	return rc;
}

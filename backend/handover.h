/* handover.h: the message the web side hands ddns-apply (boundary.h). */
#ifndef DDNS_HANDOVER_H
#define DDNS_HANDOVER_H

#include <stddef.h>

#include "boundary.h"
#include "buf.h"
#include "store.h"

/*
 * handover_message: append to out the apply message of the database's
 * enabled rows and queued names (read in one snapshot), with take-over
 * when take_over is set; the queued names also into *names (*nnames of
 * them; free with store_free_names), so that the caller can unqueue them
 * once ddns-apply has dropped them. Returns 0, or -1 with e set
 * (DD_ETOOBIG for rows over WIRE_MSG_MAX; nothing in *names then).
 */
int handover_message(struct store *s, int take_over, struct buf *out,
    char ***names, size_t *nnames, struct dd_err *e);

#endif

/* takeover.h: the web side of taking over a hand-written ddclient
 * configuration: the hosts of the import reply (boundary.h) judged by the
 * form's validators and stored as rows. The page's Import and ddns-migrate
 * --import (the package's postinst) both judge so; a host not stored is
 * kept by the root side as it was written (apply.h). */
#ifndef DDNS_TAKEOVER_H
#define DDNS_TAKEOVER_H

#include <stddef.h>

#include "boundary.h"
#include "ddver.h"
#include "err.h"
#include "host.h"
#include "store.h"

/* What becomes of a host of the reply. */
enum tk_verdict {
	TK_STORE,	/* a new row */
	TK_EXISTS,	/* a row of that name is there already: left as it is */
	TK_REFUSED,	/* the root side's import refused it (its notes) */
	TK_INVALID,	/* a validator refused a field (why[]) */
	TK_DUPLICATE,	/* a host of the same name was taken before it */
};

/*
 * tk_judge: host rec of a reply for ddclient version v, among the rows
 * have[0..nhave) and the ones taken before it mine[0..nmine): into *row
 * the validated row (TK_STORE), into why[] the validators' reasons
 * (TK_INVALID). Pure.
 */
enum tk_verdict tk_judge(const struct imp_rec *rec, enum ddv v,
    const struct host *have, size_t nhave, const struct host *mine,
    size_t nmine, struct host *row, struct dd_err why[HF__MAX]);

/*
 * tk_import: judge every host of res and store the ones to be stored in
 * one transaction (store_import, audited as user). *stored and *left say
 * how many were stored and how many not (TK_EXISTS not counted).
 * Returns 0, or -1 with e set (nothing stored).
 */
int tk_import(struct store *s, const struct imp_result *res, enum ddv v,
    const char *user, size_t *stored, size_t *left, struct dd_err *e);

#endif

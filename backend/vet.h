/* vet.h: which rows may reach ddclient, judged once for ddns-apply and
 * the list page alike. */
#ifndef DDNS_VET_H
#define DDNS_VET_H

#include <stddef.h>

#include "conf.h"
#include "ddver.h"
#include "host.h"
#include "msg.h"

/* Why a row was left out: the field (enum hfield) and the reason (by key:
 * the list page words it in its language, ddns-apply in English), or
 * field -1 for a row that is written. */
struct vet {
	int		 field;
	struct dd_msg	 m;
};

/*
 * apply_vet: the trust boundary. The database belongs to the web server's
 * user, so ddns-apply checks each of the n rows at h (ordered by hostname,
 * as store_list gives them) again with the form's validators (val_stored)
 * for ddclient version ver, and refuses a second row with a hostname
 * already taken. A good row is
 * replaced by its canonical form and gets why[i].field = -1; a bad one keeps
 * its values and gets why[i] = { field, reason } and is left out of
 * ddclient's configuration. So is a row whose credentials ddclient would
 * send over plain HTTP (c's ddclient_ssl off, a protocol that is HTTPS
 * only through ssl=yes) unless c's plain_http names its provider. The
 * list page asks the same to show it. Returns the number of rows left
 * out. Pure.
 */
size_t apply_vet(const struct conf *c, struct host *h, size_t n,
    enum ddv ver, struct vet *why);

/*
 * vet_source: may host h (canonical) follow the source it names under c,
 * for ddclient version ver? Returns 0, or 1 with m saying why not: a name
 * c does not define (with no sources configured, any name but ""); a
 * source c refused (its reason and line); a family h wants that the
 * source has none for; on 3.10, a dual-stack host on a source other than
 * the first (3.10 reads usev6 as a global only). The form asks it beside
 * the field, apply_vet for every row. Pure.
 */
int vet_source(const struct conf *c, enum ddv ver, const struct host *h,
    struct dd_msg *m);

#endif

/* tsig.h: the TSIG key files of nsupdate hosts, written by ddns-apply. */
#ifndef DDNS_TSIG_H
#define DDNS_TSIG_H

#include <stddef.h>

#include "conf.h"
#include "err.h"
#include "host.h"

/*
 * tsig_write: write into c->nsupdate_keydir one key file (0600, BIND's
 * `key "name" { algorithm a; secret "s"; };`) per host of h[0..n) that is
 * enabled and takes a TSIG key (PF_TSIG), named by ddconf_keyfile. The
 * directory is made 0700 when a key is needed; it must be a real
 * directory (never a link) of the effective user, closed to group and
 * others, or nothing is written. The rows must have passed val_stored.
 * Returns 0, or -1 with e set.
 */
int tsig_write(const struct conf *c, const struct host *h, size_t n,
    struct dd_err *e);

/*
 * tsig_prune: remove from the key directory the key files of hosts that
 * no longer take one (after the configuration naming them is replaced).
 * Only names of the form <hostname>.key are ever removed.
 */
void tsig_prune(const struct conf *c, const struct host *h, size_t n);

#endif

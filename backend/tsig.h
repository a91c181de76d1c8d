/* tsig.h: the TSIG key files of nsupdate hosts, written by ddns-apply. */
#ifndef DDNS_TSIG_H
#define DDNS_TSIG_H

#include <stddef.h>

#include "conf.h"
#include "err.h"
#include "host.h"

/*
 * tsig_write_one: when h is enabled and takes a TSIG key (PF_TSIG), write
 * its key file into c->nsupdate_keydir (0600, BIND's `key "name" {
 * algorithm a; secret "s"; };`), named by ddconf_keyfile. The directory
 * is made 0700 when needed; it must be a real directory (never a link)
 * of the effective user, closed to group and others, or nothing is
 * written. h must have passed val_stored. Returns 0 (also for a host
 * that takes no key), or -1 with e set: the caller leaves that host out,
 * never the others.
 */
int tsig_write_one(const struct conf *c, const struct host *h,
    struct dd_err *e);

/*
 * tsig_prune: remove from the key directory the key files of hosts that
 * no longer take one (after the configuration naming them is replaced).
 * Only names of the form <hostname>.key are ever removed.
 */
void tsig_prune(const struct conf *c, const struct host *h, size_t n);

#endif

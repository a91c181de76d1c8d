/* ddver.h: which ddclient the configuration is written for (3.10 or 3.11). */
#ifndef DDNS_DDVER_H
#define DDNS_DDVER_H

#include <stddef.h>

#include "conf.h"
#include "err.h"
#include "providers.h"

/*
 * ddver_parse: the version that a ddclient program's text declares (the
 * line `our $VERSION = version->declare('v3.10.0')` of 3.10, or
 * `...declare('3.11.2')` of 3.11), among the n bytes at text. Returns 0
 * with *out set, or -1 if no line names 3.10 or 3.11. Pure.
 */
int ddver_parse(const char *text, size_t n, enum ddv *out);

/*
 * ddver_resolve: the version the module writes for: ddclient_version of
 * the module configuration, or, for "auto", the one the program at
 * c->ddclient declares (its first 16 KiB are read). Returns 0 with *out
 * set, or -1 with e set and *out = DDV_310 (what Debian 12 ships), so a
 * caller may go on and say why.
 */
int ddver_resolve(const struct conf *c, enum ddv *out, struct dd_err *e);

/* ddver_name: "3.10" or "3.11". */
const char *ddver_name(enum ddv v);

#endif

/* json.h: the one JSON string escaper (the status page's output). */
#ifndef DDNS_JSON_H
#define DDNS_JSON_H

#include "buf.h"

/*
 * json_str: append s as a JSON string, quotes included, to out: '"' and
 * '\\' escaped, every control byte (below 0x20, and 0x7f) as \u00XX,
 * valid UTF-8 passed as it is, a byte that is not UTF-8 as \ufffd; NULL
 * is "". Returns 0, or -1 once memory ran out (out->oom stays set).
 */
int json_str(struct buf *out, const char *s);

#endif

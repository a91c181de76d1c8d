/* mask.h: a ddclient configuration made fit to show: every secret that
 * ddclient 3.10 or 3.11 would read from it masked, every other byte kept. */
#ifndef DDNS_MASK_H
#define DDNS_MASK_H

#include <stddef.h>

#include "buf.h"

/* What a masked secret shows instead (UTF-8). */
#define MASK_TEXT "\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"

/*
 * mask_conf: append to out the n bytes of a ddclient configuration at in,
 * with every secret value replaced by MASK_TEXT, as ddclient 3.10 and 3.11
 * read the file (their _read_config; both readings are masked):
 *   - the value that the raw password pattern takes off a physical line
 *     (password='...' to the last quote of the line, password=raw, 3.10's
 *     password...=; fw-password too), unless its key ends in _env;
 *   - the value of a name=value assignment whose name is one of ddclient's
 *     secret options (password, fw-password, apikey, secretapikey), with
 *     its quotes, escapes and '\' continuations;
 *   - the third word of a host line after its assignments
 *     ("host login password").
 * A run of secret bytes on one physical line becomes one MASK_TEXT; a
 * value quoted as a whole keeps its quotes. Comments, continuation
 * backslashes, CRs and newlines are never part of a secret, so out has as
 * many lines as in, and every byte that is not a secret is kept.
 * Linear in n; never reads beyond in + n (NUL is an ordinary byte).
 * Returns 0, or -1 if memory ran out (out may then hold part). Pure.
 */
int mask_conf(const char *in, size_t n, struct buf *out);

#endif

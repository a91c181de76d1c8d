/* form.h: a strict application/x-www-form-urlencoded parser. */
#ifndef DDNS_FORM_H
#define DDNS_FORM_H

#include <stddef.h>

#include "err.h"

/*
 * form_parse: decode the n bytes at s (a query string or a POST body) into
 * vals[i] for the field named names[i] (malloc'd; the caller frees with
 * form_free; absent fields stay NULL; a NULL name takes nothing).
 * Strict, because what a browser never sends is an attack or a bug: an
 * unknown or repeated name, a broken %-escape, a NUL byte or invalid
 * UTF-8 each fail with DD_EBADREQ and a message naming the problem (and
 * e->field the name, if known).
 * Returns 0 or -1. vals is left all NULL on failure.
 */
int form_parse(const char *s, size_t n, const char *const *names,
    size_t nnames, char **vals, struct dd_err *e);

/* form_free: free the nnames values of vals and set them to NULL. */
void form_free(char **vals, size_t nnames);

#endif

/* utf8.h: strict UTF-8 decoding (no overlongs, surrogates or > U+10FFFF). */
#ifndef DDNS_UTF8_H
#define DDNS_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * utf8_next: decode the code point at *p (before end) into *cp and advance
 * *p past it. Returns 0, or -1 on a malformed sequence (*p unchanged).
 */
int utf8_next(const unsigned char **p, const unsigned char *end, uint32_t *cp);

/* utf8_valid: 1 if the n bytes at s are well-formed UTF-8, else 0. */
int utf8_valid(const char *s, size_t n);

#endif

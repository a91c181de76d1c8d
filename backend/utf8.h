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

/*
 * utf8_cut: how many bytes of the string s to quote in a message so that
 * it holds at most max bytes and never half a character: strlen(s) if
 * that fits, else max less the lead and continuation bytes of a character
 * that the cut would split. For printf's "%.*s". Bytes that are not UTF-8
 * are counted as they are (the cut only avoids splitting what is).
 */
int utf8_cut(const char *s, size_t max);

#endif

/* idn.h: internationalised host names in their ASCII form (idn.c). */
#ifndef DDNS_IDN_H
#define DDNS_IDN_H

#include <stddef.h>

/* val_idn_ascii: the ASCII (punycode) form of the UTF-8 name in into out.
 * Returns 0, or -1 if in is not UTF-8 or does not fit. */
int val_idn_ascii(const char *in, char *out, size_t outsz);

#endif

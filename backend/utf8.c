/* utf8.c: strict UTF-8 decoder (RFC 3629). */
#include <limits.h>
#include <string.h>

#include "utf8.h"

int
utf8_next(const unsigned char **p, const unsigned char *end, uint32_t *cp)
{
	static const uint32_t min[4] = { 0, 0x80, 0x800, 0x10000 };
	const unsigned char *s = *p;
	uint32_t c;
	size_t n, i;

	if (s >= end)
		return -1;
	if (*s < 0x80)
		n = 0, c = *s;
	else if ((*s & 0xe0) == 0xc0)
		n = 1, c = *s & 0x1f;
	else if ((*s & 0xf0) == 0xe0)
		n = 2, c = *s & 0x0f;
	else if ((*s & 0xf8) == 0xf0)
		n = 3, c = *s & 0x07;
	else
		return -1;
	if ((size_t)(end - s) <= n)
		return -1;
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	*p = s + n + 1;
	return 0;
}

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	uint32_t cp;

	while (p < end)
		if (utf8_next(&p, end, &cp) == -1)
			return 0;
	return 1;
}

int
utf8_cut(const char *s, size_t max)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, lead;

	if (max > INT_MAX)
		max = INT_MAX;
	if ((n = strnlen(s, max + 1)) <= max)
		return (int)n;
	/* u[max] is the first byte left out: if it continues a character,
	 * step back to that character's lead byte and leave it out too. */
	for (lead = max; lead > 0 && (u[lead] & 0xc0) == 0x80 &&
	    max - lead < 3; lead--)
		;
	if ((u[lead] & 0xc0) == 0x80)
		return (int)max;	/* not UTF-8 here: cut as bytes */
	return (int)lead;
}

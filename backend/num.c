/* num.c: strict bounded decimal parsing. */
#include <limits.h>
#include <stddef.h>

#include "num.h"

const char *
num_format(long long n, char buf[NUM_SZ])
{
	unsigned long long u = n < 0 ? 0 - (unsigned long long)n :
	    (unsigned long long)n;
	char *p = buf + NUM_SZ - 1;

	*p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (n < 0)
		*--p = '-';
	return p;
}

int
num_parse(const char *s, long long min, long long max, long long *out)
{
	long long v = 0;
	const char *p;

	if (s == NULL || *s == '\0' || (s[0] == '0' && s[1] != '\0'))
		return -1;
	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		/* 18 digits always fit: divide only past them. */
		if (p - s >= 18 && v > (LLONG_MAX - (*p - '0')) / 10)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
num_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

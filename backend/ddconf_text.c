/* ddconf_text.c: what a ddclient configuration's text can carry, for
 * both sides (ddconf.h): whose file it is, and which values it can carry.
 * ddconf.c renders (root side only); mask.c masks it for the page. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ddconf.h"

int
ddconf_ours(const char *data, size_t n)
{
	size_t h = sizeof(DDCONF_HEADER) - 1;

	return n == 0 || (n >= h && memcmp(data, DDCONF_HEADER, h) == 0);
}

int
ddconf_carriable(const char *v)
{
	for (; *v; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7f || *v == '#')
			return 0;
	return 1;
}

int
ddconf_password_ok(const char *pw)
{
	const char *blank, *key;

	if (strpbrk(pw, "\r\n") != NULL)
		return 0;
	if ((blank = strpbrk(pw, " \t\f\v")) == NULL)
		return 1;
	return (key = strstr(blank, "password")) == NULL ||
	    strchr(key, '=') == NULL;
}

/* ddclient takes password='...' raw, up to the last ' on the line, so the
 * line holds nothing else. */

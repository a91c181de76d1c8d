/* ddconf_text.c: what a ddclient configuration's text can carry and
 * show, for both sides (ddconf.h): whose file it is, which values it can
 * carry, and the text with its secrets masked. ddconf.c renders (root
 * side only). */
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
/* The options whose value is a secret: ddclient's password and
 * fw-password, and, for a hand-written file, anything named like a key
 * or a token. Matched at the end of the option's name. */
static const char *const secret_suffix[] = {
	"password", "secret", "token", "key",
};

static int
is_secret(const char *name, size_t n)
{
	size_t i, k;

	for (i = 0; i < sizeof(secret_suffix) / sizeof(*secret_suffix); i++) {
		k = strlen(secret_suffix[i]);
		if (n >= k && strncasecmp(name + n - k, secret_suffix[i], k) == 0)
			return 1;
	}
	return 0;
}

/*
 * value_end: where the value starting at v (in the line v..end) ends, as
 * ddclient reads it: a quoted value at its closing quote (a password at
 * the LAST quote of the line: ddclient 3.10 takes it so), an unquoted one
 * at a blank or a comma that no backslash escapes.
 */
static const char *
value_end(const char *v, const char *end, int password)
{
	const char *p, *q = NULL;

	if (v < end && (*v == '\'' || *v == '"')) {
		for (p = v + 1; p < end && (q == NULL || password); p++)
			if (*p == *v)
				q = p + 1;
		return q ? q : end;
	}
	for (p = v; p < end && *p != ',' && *p != ' ' && *p != '\t'; p++)
		if (*p == '\\' && p + 1 < end)
			p++;
	/* a continuation backslash is not part of the value */
	if (p == end && p > v && p[-1] == '\\')
		p--;
	return p;
}

/* One line: every secret option's value replaced, the rest as it is. */
static void
mask_line(const char *p, const char *end, struct buf *out)
{
	const char *name, *eq, *v, *ve;
	int start = 1;

	if (p < end && *(p + strspn(p, " \t")) == '#') {
		buf_add(out, p, (size_t)(end - p));
		return;
	}
	while (p < end) {
		if (start && (isalnum((unsigned char)*p) || *p == '_')) {
			name = p;
			while (p < end && (isalnum((unsigned char)*p) ||
			    *p == '_' || *p == '-'))
				p++;
			eq = p + strspn(p, " \t");
			if (eq < end && *eq == '=' && is_secret(name,
			    (size_t)(p - name))) {
				v = eq + 1 + strspn(eq + 1, " \t");
				ve = value_end(v, end, (size_t)(p - name) >= 8 &&
				    strncasecmp(p - 8, "password", 8) == 0);
				buf_add(out, name, (size_t)(v - name));
				/* a quoted value stays quoted: the shape is kept */
				if (*v == '\'' || *v == '"')
					buf_add(out, v, 1);
				buf_puts(out, DDCONF_MASK);
				if (*v == '\'' || *v == '"')
					buf_add(out, v, 1);
				p = ve;
				start = 0;
				continue;
			}
			buf_add(out, name, (size_t)(p - name));
			start = 0;
			continue;
		}
		if (*p == '\\' && p + 1 < end) {
			buf_add(out, p, 2);
			p += 2;
			start = 0;
			continue;
		}
		start = *p == ',' || *p == ' ' || *p == '\t';
		buf_add(out, p++, 1);
	}
}

int
ddconf_mask(const char *in, size_t n, struct buf *out)
{
	const char *p = in, *end = in + n, *nl;

	while (p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		mask_line(p, nl, out);
		if (nl < end)
			buf_add(out, "\n", 1);
		p = nl + 1;
	}
	return out->oom ? -1 : 0;
}

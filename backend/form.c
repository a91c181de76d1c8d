/* form.c: strict urlencoded form parsing (the fuzzing target for requests). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "num.h"
#include "utf8.h"

/* What decode refuses: the message for a name, for a value. */
enum bad { BAD_OOM, BAD_ESCAPE, BAD_NUL, BAD_UTF8 };
static const enum msg_id bad_name[] = { MSG_oom, MSG_form_name_escape,
	MSG_form_name_nul, MSG_form_name_utf8 };
static const enum msg_id bad_value[] = { MSG_none, MSG_form_value_escape,
	MSG_form_value_nul, MSG_form_value_utf8 };	/* and the field */

/* decode: %-decode n bytes at s into a malloc'd string; NULL if malformed
 * (bad escape, NUL, invalid UTF-8) or out of memory, with why set. */
static char *
decode(const char *s, size_t n, enum bad *why)
{
	char *out = malloc(n + 1), *o = out;
	size_t i;
	int hi, lo;

	if (out == NULL) {
		*why = BAD_OOM;
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if (s[i] == '+')
			*o++ = ' ';
		else if (s[i] != '%')
			*o++ = s[i];
		else if (i + 2 < n &&
		    (hi = num_hex((unsigned char)s[i + 1])) >= 0 &&
		    (lo = num_hex((unsigned char)s[i + 2])) >= 0) {
			*o++ = (char)(hi << 4 | lo);
			i += 2;
		} else {
			*why = BAD_ESCAPE;
			goto bad;
		}
		if (o[-1] == '\0') {
			*why = BAD_NUL;
			goto bad;
		}
	}
	*o = '\0';
	if (!utf8_valid(out, (size_t)(o - out))) {
		*why = BAD_UTF8;
		goto bad;
	}
	return out;
bad:
	free(out);
	return NULL;
}

static int
field_index(const char *name, const char *const *names, size_t nnames)
{
	size_t i;

	for (i = 0; i < nnames; i++)
		if (names[i] != NULL && strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

/* One name=value pair of len bytes at p. */
static int
parse_pair(const char *p, size_t len, const char *const *names, size_t nnames,
    char **vals, struct dd_err *e)
{
	const char *eq = memchr(p, '=', len);
	enum bad why = BAD_OOM;
	char cut[48];
	size_t nlen = eq ? (size_t)(eq - p) : len;
	char *name, *val;
	int i;

	if ((name = decode(p, nlen, &why)) == NULL)
		return dd_fail(e, why == BAD_OOM ? DD_ESYS : DD_EBADREQ, NULL,
		    bad_name[why]);
	if ((i = field_index(name, names, nnames)) == -1) {
		snprintf(cut, sizeof(cut), "%.*s", utf8_cut(name, 40), name);
		dd_fail(e, DD_EBADREQ, NULL, MSG_form_unknown, cut);
		free(name);
		return -1;
	}
	free(name);
	if (vals[i] != NULL)
		return dd_fail(e, DD_EBADREQ, names[i], MSG_form_twice,
		    names[i]);
	val = eq ? decode(eq + 1, len - nlen - 1, &why) : strdup("");
	if (val == NULL)
		return why == BAD_OOM ? dd_fail(e, DD_ESYS, names[i], MSG_oom) :
		    dd_fail(e, DD_EBADREQ, names[i], bad_value[why], names[i]);
	vals[i] = val;
	return 0;
}

int
form_parse(const char *s, size_t n, const char *const *names, size_t nnames,
    char **vals, struct dd_err *e)
{
	const char *p = s, *end = s + n, *amp;
	size_t i;

	for (i = 0; i < nnames; i++)
		vals[i] = NULL;
	while (p < end) {
		amp = memchr(p, '&', (size_t)(end - p));
		if (amp == NULL)
			amp = end;
		if (amp > p && parse_pair(p, (size_t)(amp - p), names, nnames,
		    vals, e) == -1) {
			form_free(vals, nnames);
			return -1;
		}
		p = amp + 1;
	}
	return 0;
}

void
form_free(char **vals, size_t nnames)
{
	size_t i;

	for (i = 0; i < nnames; i++) {
		free(vals[i]);
		vals[i] = NULL;
	}
}

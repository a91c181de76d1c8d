/* lang.c: choose the page's language from Accept-Language and the config. */
#include <string.h>
#include <strings.h>

#include "lang.h"

static const char *const codes[LANG__MAX] = {
#define LANG_CODE(c) [LANG_##c] = #c,
	LANGS(LANG_CODE)
#undef LANG_CODE
};

const char *const *
lang_codes(void)
{
	return codes;
}

int
lang_find(const char *code)
{
	int i;

	for (i = 0; i < LANG__MAX; i++)
		if (strcmp(codes[i], code) == 0)
			return i;
	return -1;
}

/* q: a qvalue ("1", "0.5", "0.125", "1.000") in thousandths, or -1. */
static int
qvalue(const char *s, size_t n)
{
	int v, scale = 100;
	size_t i;

	if (n == 0 || (s[0] != '0' && s[0] != '1'))
		return -1;
	v = (s[0] - '0') * 1000;
	if (n == 1)
		return v;
	if (s[1] != '.' || n > 5)
		return -1;
	for (i = 2; i < n; i++, scale /= 10) {
		if (s[i] < '0' || s[i] > '9' || (v == 1000 && s[i] != '0'))
			return -1;
		v += (s[i] - '0') * scale;
	}
	return v;
}

/* How well range (n bytes) names code: 2 exactly or by region, 1 "*",
 * 0 not at all. */
static int
matches(const char *range, size_t n, const char *code)
{
	size_t k = strlen(code);

	if (n == 1 && range[0] == '*')
		return 1;
	if (n >= k && strncasecmp(range, code, k) == 0 &&
	    (n == k || range[k] == '-'))
		return 2;
	return 0;
}

size_t
lang_choose(const char *accept, const char *forced,
    const char *const *have, size_t n)
{
	int q[16], how[16], pos[16];
	const char *p, *item, *semi, *qs;
	size_t i, len, rlen, best = 0;
	int m, v, order = 0;

	for (i = 0; forced != NULL && i < n; i++)
		if (strcmp(forced, have[i]) == 0)
			return i;
	if (accept == NULL || n == 0 || n > 16)
		return 0;
	for (i = 0; i < n; i++)
		q[i] = -1, how[i] = 0, pos[i] = 0;
	for (p = accept; *p; order++) {
		p += strspn(p, " \t,");
		item = p;
		len = strcspn(p, ",");
		p += len;
		if (len == 0)
			continue;
		semi = memchr(item, ';', len);
		rlen = semi ? (size_t)(semi - item) : len;
		while (rlen > 0 && (item[rlen - 1] == ' ' || item[rlen - 1] == '\t'))
			rlen--;
		v = 1000;
		if (semi != NULL) {
			qs = semi + 1 + strspn(semi + 1, " \t");
			if (strncasecmp(qs, "q=", 2) != 0)
				continue;	/* another parameter: not ours */
			qs += 2;
			m = (int)strcspn(qs, " \t,;");
			if ((v = qvalue(qs, (size_t)m)) == -1)
				continue;
		}
		/* the most specific range that names a language decides */
		for (i = 0; i < n; i++)
			if ((m = matches(item, rlen, have[i])) > how[i])
				how[i] = m, q[i] = v, pos[i] = order;
	}
	for (i = 1; i < n; i++)
		if (q[i] > q[best] || (q[i] == q[best] && q[i] > 0 &&
		    pos[i] < pos[best]))
			best = i;
	return q[best] > 0 ? best : 0;
}

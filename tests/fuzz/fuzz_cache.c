/* fuzz_cache.c: libFuzzer harness for ddclient's cache-file reader
 * (cache_parse_line and cache_find, backend/cache.h).
 *
 * The input is a cache file held in memory: each '\n'-separated line goes
 * through cache_parse_line twice, as cache_read passes it (terminator cut
 * off) and as cache_drop passes it (strndup of the line with its '\n'),
 * each time from an exact-size heap copy. The accepted entries are then
 * looked up again with cache_find. Properties checked: every text field
 * is NUL-terminated inside its array; the host is never empty and holds
 * no space or line break; both readings agree; a parsed host is found. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_entry(const struct cache_entry *ce)
{
	if (memchr(ce->host, '\0', sizeof(ce->host)) == NULL ||
	    memchr(ce->ip, '\0', sizeof(ce->ip)) == NULL ||
	    memchr(ce->status, '\0', sizeof(ce->status)) == NULL)
		abort();
	if (ce->host[0] == '\0' || strpbrk(ce->host, " \r\n") != NULL)
		abort();
	if (ce->mtime < 0 || ce->atime < 0)
		abort();
}

/* Parse len bytes at p as a NUL-terminated heap string. */
static int
parse(const uint8_t *p, size_t len, struct cache_entry *ce)
{
	char *line = malloc(len + 1);
	int rc;

	if (line == NULL)
		abort();
	memcpy(line, p, len);
	line[len] = '\0';
	rc = cache_parse_line(line, ce);
	free(line);
	if (rc != 0 && rc != -1)
		abort();
	if (rc == 0)
		check_entry(ce);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cache_entry *v = NULL, *tmp, a, b;
	const struct cache_entry *found;
	const uint8_t *line = data, *end = data + size, *nl;
	size_t cnt = 0, i;
	int ra, rb;

	while (line < end) {
		nl = memchr(line, '\n', (size_t)(end - line));
		ra = parse(line, (size_t)((nl ? nl : end) - line), &a);
		rb = parse(line, (size_t)((nl ? nl + 1 : end) - line), &b);
		/* The '\n' at the end must not change the reading. */
		if (ra != rb || (ra == 0 && memcmp(&a, &b, sizeof(a)) != 0))
			abort();
		if (ra == 0) {
			if ((tmp = realloc(v, (cnt + 1) * sizeof(*v))) == NULL)
				abort();
			v = tmp;
			v[cnt++] = a;
		}
		line = nl ? nl + 1 : end;
	}
	for (i = 0; i < cnt; i++) {
		found = cache_find(v, cnt, v[i].host);
		if (found == NULL || found < &v[i])
			abort();	/* a later line wins, never an earlier */
	}
	if (cache_find(v, cnt, "") != NULL)
		abort();
	free(v);
	return 0;
}

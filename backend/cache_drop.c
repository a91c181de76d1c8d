/* cache_drop.c: the root side's part of cache.h: forget hosts in
 * ddclient's cache so that it updates them at once. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "cache.h"
#include "fileio.h"

static int
listed(const char *host, char *const *hosts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(hosts[i], host) == 0)
			return 1;
	return 0;
}

int
cache_drop(const char *path, char *const *hosts, size_t nhosts,
    struct dd_err *e)
{
	struct cache_entry ce;
	struct stat st;
	char *data, *line, *next, *w;
	size_t len;
	int rc, dropped = 0;

	if (nhosts == 0)
		return 0;
	if (file_read(path, CACHE_MAX, &data, &len, e) == -1)
		return e && e->code == DD_ENOTFOUND ? (dd_clear(e), 0) : -1;
	/* Compact the kept lines in place. */
	for (w = line = data; line < data + len; line = next) {
		next = memchr(line, '\n', (size_t)(data + len - line));
		next = next ? next + 1 : data + len;
		if (*line != '#') {
			char *copy = strndup(line, (size_t)(next - line));

			rc = copy ? cache_parse_line(copy, &ce) : -1;
			free(copy);
			if (rc == 0 && listed(ce.host, hosts, nhosts)) {
				dropped = 1;
				continue;
			}
		}
		memmove(w, line, (size_t)(next - line));
		w += next - line;
	}
	rc = 0;
	if (dropped)
		rc = file_write_atomic(path, data, (size_t)(w - data),
		    lstat(path, &st) == 0 ? st.st_mode & 07777 : 0600, path, e);
	free(data);
	return rc;
}

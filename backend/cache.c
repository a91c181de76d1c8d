/* cache.c: ddclient's cache file: one `k=v,...,k=v host` line per host. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cache.h"
#include "fileio.h"
#include "num.h"

#define CACHE_MAX (4 * 1024 * 1024)

/* Where each key we read lands; 4.x names after the 3.10 ones. */
enum ckey { CK_IP, CK_STATUS, CK_MTIME, CK_ATIME };
static const struct {
	const char	*name;
	enum ckey	 key;
} ckeys[] = {
	{ "ip", CK_IP }, { "ipv4", CK_IP },
	{ "status", CK_STATUS }, { "status-ipv4", CK_STATUS },
	{ "mtime", CK_MTIME }, { "atime", CK_ATIME },
};

static void
set_key(struct cache_entry *ce, const char *k, size_t klen, const char *v,
    size_t vlen)
{
	char tmp[32];
	long long t;
	size_t i;

	for (i = 0; i < sizeof(ckeys) / sizeof(ckeys[0]); i++) {
		if (strlen(ckeys[i].name) != klen ||
		    strncmp(ckeys[i].name, k, klen) != 0)
			continue;
		switch (ckeys[i].key) {
		case CK_IP:
			if (vlen < sizeof(ce->ip) && *ce->ip == '\0')
				memcpy(ce->ip, v, vlen), ce->ip[vlen] = '\0';
			break;
		case CK_STATUS:
			if (vlen < sizeof(ce->status) && *ce->status == '\0')
				memcpy(ce->status, v, vlen),
				    ce->status[vlen] = '\0';
			break;
		case CK_MTIME:
		case CK_ATIME:
			if (vlen >= sizeof(tmp))
				break;
			memcpy(tmp, v, vlen);
			tmp[vlen] = '\0';
			if (num_parse(tmp, 0, 1LL << 40, &t) == 0)
				*(ckeys[i].key == CK_MTIME ? &ce->mtime :
				    &ce->atime) = t;
			break;
		}
	}
}

int
cache_parse_line(const char *line, struct cache_entry *ce)
{
	const char *sp, *p, *end, *eq, *comma;
	size_t hlen;

	memset(ce, 0, sizeof(*ce));
	if (*line == '#' || (sp = strrchr(line, ' ')) == NULL)
		return -1;
	end = line + strcspn(line, "\r\n");
	if (end <= sp + 1)
		return -1;
	hlen = (size_t)(end - sp - 1);
	if (hlen >= sizeof(ce->host))
		return -1;
	memcpy(ce->host, sp + 1, hlen);
	ce->host[hlen] = '\0';
	for (p = line; p < sp; p = comma + 1) {
		comma = memchr(p, ',', (size_t)(sp - p));
		if (comma == NULL)
			comma = sp;
		eq = memchr(p, '=', (size_t)(comma - p));
		if (eq == NULL)
			return -1;
		set_key(ce, p, (size_t)(eq - p), eq + 1,
		    (size_t)(comma - eq - 1));
	}
	return 0;
}

int
cache_read(const char *path, struct cache_entry **out, size_t *n,
    struct dd_err *e)
{
	struct cache_entry *v = NULL, *tmp, ce;
	char *data, *line, *next;
	size_t len, cnt = 0;

	*out = NULL;
	*n = 0;
	if (file_read(path, CACHE_MAX, &data, &len, e) == -1)
		return e && e->code == DD_ENOTFOUND ? (dd_clear(e), 0) : -1;
	for (line = data; line && *line; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (cache_parse_line(line, &ce) == -1)
			continue;
		if ((tmp = realloc(v, (cnt + 1) * sizeof(*v))) == NULL) {
			free(v);
			free(data);
			return dd_fail(e, DD_ESYS, NULL, "out of memory");
		}
		v = tmp;
		v[cnt++] = ce;
	}
	free(data);
	*out = v;
	*n = cnt;
	return 0;
}

const struct cache_entry *
cache_find(const struct cache_entry *ce, size_t n, const char *host)
{
	size_t i;

	for (i = n; i-- > 0;)	/* a later line wins, as in ddclient */
		if (strcasecmp(ce[i].host, host) == 0)
			return &ce[i];
	return NULL;
}

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

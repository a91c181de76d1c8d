/* cache.c: ddclient's cache file: one `k=v,...,k=v host` line per host. */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "fileio.h"
#include "num.h"

#define CACHE_LINE_MAX 4096	/* longer than any line of a real host */

/* Where each key we read lands: a text field of struct cache_entry, or a
 * time. 3.10 keeps ip and status; 3.11 (and 3.10's dual-stack protocols)
 * keep one pair per family. */
static const struct {
	const char	*name;
	size_t		 len;		/* strlen(name) */
	size_t		 off;		/* of a char[] in struct cache_entry */
	size_t		 size;		/* 0: a time (mtime, atime) */
} ckeys[] = {
#define TEXT(n, m) { n, sizeof(n) - 1, offsetof(struct cache_entry, m), \
	sizeof(((struct cache_entry *)0)->m) }
	TEXT("ip", ip), TEXT("status", status),
	TEXT("ipv4", ip4), TEXT("status-ipv4", status4),
	TEXT("ipv6", ip6), TEXT("status-ipv6", status6),
#undef TEXT
	{ "mtime", 5, offsetof(struct cache_entry, mtime), 0 },
	{ "atime", 5, offsetof(struct cache_entry, atime), 0 },
};

static void
set_key(struct cache_entry *ce, const char *k, size_t klen, const char *v,
    size_t vlen)
{
	char tmp[32], *dst;
	long long t;
	size_t i;

	for (i = 0; i < sizeof(ckeys) / sizeof(ckeys[0]); i++) {
		if (ckeys[i].len != klen || memcmp(ckeys[i].name, k, klen) != 0)
			continue;
		dst = (char *)ce + ckeys[i].off;
		if (ckeys[i].size > 0) {
			/* The first of a repeated key wins; too long is none. */
			if (vlen < ckeys[i].size && *dst == '\0')
				memcpy(dst, v, vlen), dst[vlen] = '\0';
			continue;
		}
		if (vlen >= sizeof(tmp))
			continue;
		memcpy(tmp, v, vlen);
		tmp[vlen] = '\0';
		if (num_parse(tmp, 0, 1LL << 40, &t) == 0)
			*(long long *)dst = t;
	}
}

int
cache_family(const struct cache_entry *ce, int v6, const char **ip,
    const char **status)
{
	const char *fip = v6 ? ce->ip6 : ce->ip4;
	const char *fst = v6 ? ce->status6 : ce->status4;

	/* 3.10 writes status-ipv4/-ipv6 as "noconnect" for the protocols
	 * that keep one status: its status word wins unless the family has
	 * an address of its own (3.11, or 3.10's dual-stack protocols). */
	*status = *fst && (*fip || *ce->status == '\0') ? fst : ce->status;
	if (*fip != '\0')
		*ip = fip;
	else if (*ce->ip != '\0' && (strchr(ce->ip, ':') != NULL) == (v6 != 0))
		*ip = ce->ip;
	else
		*ip = "";
	return **ip || **status ? 0 : -1;
}

/*
 * line_host: where the host of the len-byte cache line starts (after its
 * last space) and its length *hlen, up to the line's first CR or LF;
 * NULL if it has none. The one reading of a line's host: the parser's,
 * and the filter's before it (cache_scan's want).
 */
static const char *
line_host(const char *line, size_t len, size_t *hlen)
{
	const char *sp, *end;

	if ((sp = memrchr(line, ' ', len)) == NULL)
		return NULL;
	end = line + strcspn(line, "\r\n");
	if (end > line + len)
		end = line + len;
	if (end <= sp + 1)
		return NULL;
	*hlen = (size_t)(end - sp - 1);
	return sp + 1;
}

int
cache_parse_line(const char *line, struct cache_entry *ce)
{
	const char *sp, *p, *eq, *comma, *host;
	size_t hlen;

	memset(ce, 0, sizeof(*ce));
	if (*line == '#' || (host = line_host(line, strlen(line), &hlen)) ==
	    NULL || hlen >= sizeof(ce->host))
		return -1;
	sp = host - 1;
	memcpy(ce->host, host, hlen);
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

/* scan_line: one whole line of used bytes: offer it to want, parse it,
 * hand it to fn. -1 only when fn says so. */
static int
scan_line(char *line, size_t used, int (*want)(const char *, size_t, void *),
    int (*fn)(const struct cache_entry *, void *), void *arg)
{
	struct cache_entry ce;
	const char *host;
	size_t hlen;

	line[used] = '\0';
	if (*line == '#')	/* ddclient's own comments: no host */
		return 0;
	if (want != NULL && ((host = line_host(line, used, &hlen)) == NULL ||
	    !want(host, hlen, arg)))
		return 0;
	if (cache_parse_line(line, &ce) == -1)
		return 0;
	return fn(&ce, arg);
}

int
cache_scan(const char *path, int (*want)(const char *, size_t, void *),
    int (*fn)(const struct cache_entry *, void *), void *arg,
    struct dd_err *e)
{
	char buf[8192], line[CACHE_LINE_MAX];
	const char *p, *nl, *end;
	size_t used = 0, total = 0, n;
	ssize_t got;
	int fd, skip = 0;

	if ((fd = file_open_safe(path, O_RDONLY, 0, e)) == -1)
		return e && e->code == DD_ENOTFOUND ? (dd_clear(e), 0) : -1;
	while ((got = read(fd, buf, sizeof(buf))) != 0) {
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1 || (total += (size_t)got) > CACHE_MAX) {
			close(fd);
			return got == -1 ? dd_failf(e, DD_ESYS, NULL, "cannot read "
			    "%s: %s", path, strerror(errno)) : dd_failf(e,
			    DD_ETOOBIG, NULL, "%s is too large to read whole (over "
			    "%d bytes); it was left as it is", path, CACHE_MAX);
		}
		for (p = buf, end = buf + got; p < end; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
				nl = end;
			/* A line too long for any host is skipped. */
			n = (size_t)(nl - p);
			if (used + n < sizeof(line))
				memcpy(line + used, p, n), used += n;
			else
				skip = 1;
			if (nl == end)
				break;
			if (!skip && scan_line(line, used, want, fn, arg) == -1) {
				close(fd);
				return dd_fail(e, DD_ESYS, NULL, MSG_oom);
			}
			used = 0;
			skip = 0;
		}
	}
	close(fd);
	if (used > 0 && !skip && scan_line(line, used, want, fn, arg) == -1)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
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
			return dd_fail(e, DD_ESYS, NULL, MSG_oom);
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

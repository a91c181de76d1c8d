/* cache.h: read ddclient's cache file (per-host state) and drop entries. */
#ifndef DDNS_CACHE_H
#define DDNS_CACHE_H

/* The largest cache file read. */
#define CACHE_MAX (4 * 1024 * 1024)

#include <stddef.h>

#include "err.h"
#include "host.h"

struct cache_entry {
	char		 host[HOSTNAME_SZ];
	char		 ip[64];	/* address last set (3.10); "" if none */
	char		 status[32];	/* the provider's last answer (3.10) */
	char		 ip4[64];	/* 3.11 and dual protocols: per family */
	char		 status4[32];
	char		 ip6[64];
	char		 status6[32];
	long long	 mtime;		/* last successful update, 0 = never */
	long long	 atime;		/* last attempt, 0 = unknown */
};

/*
 * cache_parse_line: read one cache line (`k=v,k=v,... host`) into *ce.
 * Keeps 3.10's keys (ip, status) and the per-family ones of 3.11 (ipv4,
 * status-ipv4, ipv6, status-ipv6) apart: cache_family reads them. Returns
 * 0, or -1 for a comment, blank or damaged line. Pure.
 */
int cache_parse_line(const char *line, struct cache_entry *ce);

/*
 * cache_read: parse the cache file at path into a malloc'd array (caller
 * frees). A missing file is an empty cache; damaged lines are skipped.
 * Returns 0, or -1 with e set when the file cannot be read.
 */
int cache_read(const char *path, struct cache_entry **out, size_t *n,
    struct dd_err *e);

/*
 * cache_family: the address (*ip, "" if none) and the status word of the
 * IPv6 (v6 set) or IPv4 family of ce, from either cache format: the
 * per-family keys when that family's address is there, else 3.10's ip
 * and status when ip is of that family. Returns 0, or -1 when the entry
 * says nothing of that family yet. Pure.
 */
int cache_family(const struct cache_entry *ce, int v6, const char **ip,
    const char **status);

/*
 * cache_scan: parse the cache file at path line by line, without reading
 * it whole or allocating per line, calling fn(entry, arg) for each host
 * (fn returns 0, or -1 to stop: out of memory). want, when not NULL, is
 * asked first with the line's host (len bytes, not NUL-terminated); a
 * line it refuses (0) is not parsed, so a page can find its 50 hosts
 * among 10,000 cheaply. A missing file is an empty cache; a file over the
 * cap is an error, as for cache_read. Returns 0, or -1 with e set.
 */
int cache_scan(const char *path, int (*want)(const char *, size_t, void *),
    int (*fn)(const struct cache_entry *, void *), void *arg,
    struct dd_err *e);

/* cache_find: the entry for host among n, or NULL. */
const struct cache_entry *cache_find(const struct cache_entry *ce, size_t n,
    const char *host);

/*
 * cache_drop: rewrite the cache at path, atomically and with its owner
 * and mode kept, without the lines of the given hosts, so that ddclient
 * updates them on its next pass. A missing cache is fine. Returns 0, or
 * -1 with e set (the file is then unchanged).
 */
int cache_drop(const char *path, char *const *hosts, size_t nhosts,
    struct dd_err *e);

#endif

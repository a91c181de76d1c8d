/* cache.h: read ddclient's cache file (per-host state) and drop entries. */
#ifndef DDNS_CACHE_H
#define DDNS_CACHE_H

#include <stddef.h>

#include "err.h"
#include "host.h"

struct cache_entry {
	char		 host[HOSTNAME_SZ];
	char		 ip[64];	/* address last set; "" if none */
	char		 status[32];	/* the provider's last answer */
	long long	 mtime;		/* last successful update, 0 = never */
	long long	 atime;		/* last attempt, 0 = unknown */
};

/*
 * cache_parse_line: read one cache line (`k=v,k=v,... host`) into *ce.
 * Understands 3.10 (status, ip) and 4.x (status-ipv4, ipv4) keys. Returns
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

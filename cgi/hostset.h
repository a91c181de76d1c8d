/* hostset.h: hosts by the 64-bit hash of their names (hostset.c): what
 * ddclient's cache says of each (a ctab), and sets of names. */
#ifndef DDNS_HOSTSET_H
#define DDNS_HOSTSET_H

#include <stddef.h>
#include <stdint.h>

#include "verdict.h"

/* What the cache says of a host's two families (verdict_cached), in a
 * byte: IPv4's state in the low half, IPv6's in the high. */
#define CACHED(v4, v6)	((unsigned char)((v4) | (v6) << 4))
#define CACHED_V(c, v6)	((enum vd_state)((v6) ? (c) >> 4 : (c) & 15))

/* An open-addressing table: hash of a cached host -> its CACHED byte;
 * and ddclient's newest update of all (dnsstate_due). */
struct ctab {
	uint64_t	*key;
	unsigned char	*cls;
	size_t		 cap, n;
	long long	 newest;
};

/* A set of names by their hash (the queue, root's report): sorted. */
struct nameset {
	uint64_t	*h;
	size_t		 n;
};

/* name_hashn: the hash of the n bytes at s (never 0); name_hash: of the
 * string s. */
uint64_t name_hashn(const char *s, size_t n);
uint64_t name_hash(const char *s);

/* ctab_put: the CACHED byte c of the host of hash k into t (grown as
 * needed; free t->key and t->cls). Returns 0, or -1 out of memory. */
int ctab_put(struct ctab *t, uint64_t k, unsigned char c);

/* ctab_get: the CACHED byte of the host of hash k: waiting if not cached. */
unsigned char ctab_get(const struct ctab *t, uint64_t k);

/* nameset_make: the set of the n names (-1 if out of memory); free ns->h. */
int nameset_make(struct nameset *ns, const char *const *names, size_t n);

/* nameset_has: whether name is in ns. */
int nameset_has(const struct nameset *ns, const char *name);

#endif

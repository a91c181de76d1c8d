/* hostset.c: hosts by the 64-bit hash of their names: an open-addressing
 * table of what ddclient's cache says of each (the list's first pass),
 * and sorted sets of names (the queue, root's report). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hostset.h"

/* FNV-1a of n bytes: the cache's hosts are told apart by a 64-bit hash
 * alone when counted; the page's own rows are compared whole. */
uint64_t
name_hashn(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h | 1;		/* 0 marks an empty slot */
}

uint64_t
name_hash(const char *s)
{
	return name_hashn(s, strlen(s));
}

int
ctab_put(struct ctab *t, uint64_t k, unsigned char c)
{
	size_t i, cap;
	struct ctab bigger = { 0 };

	if (t->n * 2 >= t->cap) {
		cap = t->cap ? t->cap * 2 : 1024;
		bigger.key = calloc(cap, sizeof(*bigger.key));
		bigger.cls = calloc(cap, 1);
		bigger.cap = cap;
		if (bigger.key == NULL || bigger.cls == NULL) {
			free(bigger.key);
			free(bigger.cls);
			return -1;
		}
		for (i = 0; i < t->cap; i++)
			if (t->key[i] != 0)
				ctab_put(&bigger, t->key[i], t->cls[i]);
		free(t->key);
		free(t->cls);
		*t = bigger;
	}
	for (i = k % t->cap; t->key[i] != 0 && t->key[i] != k; i = (i + 1) %
	    t->cap)
		;
	t->n += t->key[i] == 0;
	t->key[i] = k;
	t->cls[i] = c;
	return 0;
}

/* ctab_get: the CACHED byte of the host of hash k: waiting if not cached. */
unsigned char
ctab_get(const struct ctab *t, uint64_t k)
{
	size_t i;

	for (i = t->cap ? k % t->cap : 0; t->cap && t->key[i] != 0;
	    i = (i + 1) % t->cap)
		if (t->key[i] == k)
			return t->cls[i];
	return CACHED(VD_WAITING, VD_WAITING);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* nameset_make: the set of the n names (-1 if out of memory). */
int
nameset_make(struct nameset *ns, const char *const *names, size_t n)
{
	size_t i;

	ns->n = 0;
	if ((ns->h = calloc(n + 1, sizeof(*ns->h))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		ns->h[ns->n++] = name_hash(names[i]);
	qsort(ns->h, ns->n, sizeof(*ns->h), cmp_u64);
	return 0;
}

int
nameset_has(const struct nameset *ns, const char *name)
{
	uint64_t k;

	if (ns->n == 0)
		return 0;
	k = name_hash(name);
	return bsearch(&k, ns->h, ns->n, sizeof(k), cmp_u64) != NULL;
}

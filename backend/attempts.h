/* attempts.h: every update attempt ddclient made, kept bounded: the
 * root side records them from ddclient's cache (apply.c), the host page
 * reads them (boundary.h, APPLY_ATTEMPTS_FILE). */
#ifndef DDNS_ATTEMPTS_H
#define DDNS_ATTEMPTS_H

#include <stddef.h>

#include "buf.h"
#include "cache.h"
#include "err.h"
#include "host.h"

/* The most the module configuration may ask to keep (conf.c's bounds):
 * the reader refuses a file holding more, whatever the configuration
 * says, so the page never trusts the file beyond them. */
#define ATT_PER_HOST_MAX	1000
#define ATT_ALL_MAX		100000
/* The largest attempts file read: ATT_ALL_MAX lines of ATT_LINE_MAX. */
#define ATT_LINE_MAX		(HOSTNAME_SZ + 128)
#define ATT_FILE_MAX		((size_t)ATT_ALL_MAX * ATT_LINE_MAX)

#define ATT_IP_SZ	46	/* INET6_ADDRSTRLEN */
#define ATT_STATUS_SZ	32	/* as cache_entry's status */

/* One attempt of one host and family. */
struct attempt {
	long long	 at;		/* ddclient's atime of the attempt */
	int		 v6;		/* 0: IPv4, 1: IPv6 */
	char		 ip[ATT_IP_SZ];	/* sent or wanted; "" if unknown */
	char		 status[ATT_STATUS_SZ]; /* the provider's answer, or "" */
	char		 host[HOSTNAME_SZ];
};

struct att_list {
	struct attempt	*a;		/* malloc'd, n of them */
	size_t		 n;
};

/*
 * The file (APPLY_ATTEMPTS_FILE), newest first:
 *   ddns-attempts 1
 *   attempt <at> <4|6> <address|-> <status|-> <hostname>
 *   end
 * at is 1..2^40, never rising from one line to the next (a tie is
 * ordered by hostname, then 4 before 6); the address, when given, is one of that family in its
 * canonical form (inet_ntop's); the status is 1..31 bytes of
 * [A-Za-z0-9!._-]; the hostname is canonical (val_hostname's own
 * output). Anything else refuses the whole file.
 */

/*
 * att_read: parse the n bytes at text as exactly one attempts file into
 * *out (free with att_free, also on failure). Attempts out of order
 * (not newest first), more than ATT_ALL_MAX, or more than
 * ATT_PER_HOST_MAX of one host and family refuse the file: the reader
 * trusts it no further than the hard caps (the configured ones may have
 * been lowered since it was written; the page shows no more than they
 * say). Pure. Returns 0, or -1 with e set (DD_EBADREQ, DD_ETOOBIG):
 * nothing is half taken.
 */
int att_read(const char *text, size_t n, struct att_list *out,
    struct dd_err *e);

/* att_emit: append l as the attempts file to out. Returns 0, or -1 once
 * memory ran out (out->oom set). An attempt that the reader would refuse
 * is left out, so what is written always reads back. */
int att_emit(struct buf *out, const struct att_list *l);

/*
 * att_from_cache: the attempts that ddclient's cache entries ce[0..n)
 * record and l does not hold yet (no attempt of that host and family at
 * the same time or later), appended to l. An entry gives one attempt per
 * family it speaks of (3.11's per-family keys, else 3.10's ip and
 * status). The address of a good answer is the one the cache holds; of a
 * failed one, the wanted address of that family when want[0..nwant)
 * holds exactly one (ddclient's postscript arguments), else unknown
 * (the cache keeps the address set before). Returns 0, or -1 when memory
 * ran out (l then holds what it held).
 */
int att_from_cache(struct att_list *l, const struct cache_entry *ce,
    size_t n, char *const *want, size_t nwant);

/* att_trim: sort l newest first and keep at most per_host attempts of
 * each host and family and max in all, the newest. */
void att_trim(struct att_list *l, size_t per_host, size_t max);

/* att_good: does status word s say the provider took the update? */
int att_good(const char *s);

/* att_free: release l's attempts. */
void att_free(struct att_list *l);

#endif

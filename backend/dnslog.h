/* dnslog.h: the changes of each host and family's DNS verdict (issue 20,
 * item 4), as ddns-dnscheck saw them: <state_dir>/dns.log, written by it
 * alone (atomically, bounded), read by the host page's timeline. Pure but
 * for the file it names. */
#ifndef DDNS_DNSLOG_H
#define DDNS_DNSLOG_H

#include <stddef.h>

#include "buf.h"
#include "dnsstate.h"
#include "err.h"

#define DNSLOG_FILE	"dns.log"	/* inside state_dir */
#define DNSLOG_MAX	(8u << 20)	/* bytes the reader takes, at most */
#define DNSLOG_ANSWER_SZ (DNS_ADDRS * DNS_ADDR_SZ)

/* One change: from then on, the verdict was v, DNS answering answer
 * (its addresses, comma-separated; "" for none). */
struct dnschange {
	long long	 at;
	char		 host[HOSTNAME_SZ];
	enum netfam	 fam;
	enum dnsverdict	 v;
	char		 answer[DNSLOG_ANSWER_SZ];
};

/* The changes, oldest first (the file's order). */
struct dnslog {
	struct dnschange *c;
	size_t		 n, cap;
};

/*
 * dnslog_parse: the n bytes at data, a whole file:
 *   ddns-dnslog 1
 *   AT HOST FAMILY VERDICT ANSWER          one change a line, oldest first
 * FAMILY ipv4 or ipv6, VERDICT as dnsstate_verdict_word spells it, ANSWER
 * - or up to DNS_ADDRS addresses of the family, comma-separated. Anything
 * else is refused whole (DD_EINVAL). Fills *l (free with dnslog_free,
 * also after a failure). Returns 0, or -1 with e set. Pure.
 */
int dnslog_parse(const char *data, size_t n, struct dnslog *l,
    struct dd_err *e);

/* dnslog_read: dnslog_parse of the file at path (file_read); -1 with
 * DD_ENOTFOUND when there is none yet. */
int dnslog_read(const char *path, struct dnslog *l, struct dd_err *e);

/*
 * dnslog_add: append the verdict v of host's family fam at time at, with
 * DNS's answer x (NULL: none), unless it is the verdict l already holds
 * last for that host and family. Returns 1 when appended, 0 when it was
 * no change, -1 when memory ran out (l unchanged).
 */
int dnslog_add(struct dnslog *l, long long at, const char *host,
    enum netfam fam, enum dnsverdict v, const struct dnsentry *x);

/* dnslog_trim: keep the newest per_host changes of each host and family
 * and the newest max in all, in the file's order. */
void dnslog_trim(struct dnslog *l, size_t per_host, size_t max);

/* dnslog_format: append l to out in the file's format (out->oom says
 * when memory ran out). */
void dnslog_format(const struct dnslog *l, struct buf *out);

/* dnslog_write: dnslog_format, replacing path atomically (0600).
 * Returns 0, or -1 with e set. */
int dnslog_write(const char *path, const struct dnslog *l, struct dd_err *e);

/* dnslog_free: release l's changes; l is then empty. */
void dnslog_free(struct dnslog *l);

#endif

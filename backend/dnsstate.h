/* dnsstate.h: what DNS answers for each host and family (ddns-dnscheck's
 * state file, <state_dir>/dns) and the one comparison of that answer with
 * what ddclient set and the public address (issue 20, item 2). Pure but
 * for dnsstate_read and dnsstate_write. */
#ifndef DDNS_DNSSTATE_H
#define DDNS_DNSSTATE_H

#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "host.h"
#include "netip.h"

#define DNSSTATE_FILE	"dns"		/* inside state_dir */
#define DNSSTATE_LOCK	"dnscheck.lock"	/* inside state_dir */
#define DNSSTATE_MAX	(8u << 20)	/* bytes the reader takes, at most */
#define DNS_ADDRS	8		/* addresses kept per answer */
#define DNS_ADDR_SZ	46		/* INET6_ADDRSTRLEN */
#define DNS_SERVER_SZ	(DNS_ADDR_SZ + 6)	/* address[@port] */
#define DNS_DETAIL_SZ	128

/* dns_check in the module config: how names are looked up. */
enum dnsmode {
	DNSMODE_AUTH,		/* from the root servers down, no forwarder */
	DNSMODE_RESOLVER,	/* through one named resolver (may be cached) */
	DNSMODE_OFF,		/* not at all */
	DNSMODE__MAX
};

/* The DNSSEC state of an answer. UNCHECKED: no trust anchor was loaded. */
enum dnssec {
	DNSSEC_UNCHECKED,
	DNSSEC_INSECURE,
	DNSSEC_SECURE,
	DNSSEC_BOGUS,
	DNSSEC__MAX
};

/* Why a lookup gave no usable answer (the rcode says the rest). */
enum dnserr {
	DNSERR_NONE,
	DNSERR_TIMEOUT,		/* no answer within dns_timeout; detail: seconds */
	DNSERR_FAILED,		/* the resolver library failed; detail: its words */
	DNSERR_BOGUS,		/* DNSSEC validation failed; detail: why */
	DNSERR__MAX
};

/* One host and family, as asked. rcode -1: no answer came. */
struct dnsentry {
	char		 host[HOSTNAME_SZ];
	enum netfam	 fam;		/* NET_V4: A, NET_V6: AAAA */
	long long	 time;		/* when it was asked (Unix time) */
	int		 rcode;		/* 0 NOERROR, 3 NXDOMAIN, ...; -1 none */
	long long	 ttl;		/* of the answer, or of the negative answer */
	enum dnssec	 sec;
	size_t		 naddr;		/* 0 with NOERROR: no record (NODATA) */
	char		 addr[DNS_ADDRS][DNS_ADDR_SZ];
	enum dnserr	 err;
	char		 detail[DNS_DETAIL_SZ];	/* err's words; "" if none */
};

/* The whole state file: how the run asked, when, and its entries sorted
 * by host then family (dnsstate_find relies on it). */
struct dnsstate {
	enum dnsmode	 mode;		/* DNSMODE_AUTH or DNSMODE_RESOLVER */
	char		 resolver[DNS_SERVER_SZ];	/* RESOLVER: whom */
	long long	 time;		/* when the run began */
	struct dnsentry	*e;
	size_t		 n;
};

/*
 * dnsstate_mode: parse dns_check's value: "authoritative", "off" or
 * "resolver ADDR[@PORT]" (an IPv4 or IPv6 literal). *mode is set, and the
 * resolver's ADDR[@PORT] copied into server (serversz bytes; "" for the
 * other modes). Returns 0, or -1 (a phrase in *why, static) if v is none
 * of these. Pure.
 */
int dnsstate_mode(const char *v, enum dnsmode *mode, char *server,
    size_t serversz, const char **why);

/*
 * dnsstate_stub: parse dns_stub's value "ZONE ADDR[@PORT]": the zone
 * (a host name, lowercase) into zone, the server into server. Returns 0,
 * or -1 (a phrase in *why, static). Pure.
 */
int dnsstate_stub(const char *v, char *zone, size_t zonesz, char *server,
    size_t serversz, const char **why);

/*
 * dnsstate_parse_line: one entry line (without its '\n') into *out:
 *   HOST FAMILY TIME RCODE TTL DNSSEC ADDRS ERR[ DETAIL]
 * HOST lowercase letters, digits, '.', '-'; FAMILY ipv4 or ipv6; RCODE a
 * name (NOERROR, NXDOMAIN, SERVFAIL, ...) or - (no answer); DNSSEC
 * unchecked, insecure, secure or bogus; ADDRS - or up to DNS_ADDRS
 * addresses of the family, comma-separated; ERR - (then nothing follows),
 * timeout, failed or bogus, then a space and the detail (printable
 * ASCII). Anything else is refused. Returns 0, or -1. Pure.
 */
int dnsstate_parse_line(const char *line, struct dnsentry *out);

/*
 * dnsstate_parse: the n bytes at data, a whole state file:
 *   ddns-dnscheck 1
 *   mode authoritative | mode resolver ADDR[@PORT]
 *   time T
 *   entry lines (dnsstate_parse_line), strictly ascending by host (bytes)
 *   then family, each ending in '\n'.
 * A file with any line out of this format is refused whole (it is
 * written only by ddns-dnscheck, atomically: anything else is damage).
 * Fills *st (free with dnsstate_free, also after a failure). Returns 0,
 * or -1 with e set (DD_EINVAL naming the line). Pure.
 */
int dnsstate_parse(const char *data, size_t n, struct dnsstate *st,
    struct dd_err *e);

/* dnsstate_read: dnsstate_parse of the file at path (opened by
 * file_read: no link, at most DNSSTATE_MAX bytes). -1 with DD_ENOTFOUND
 * when there is none yet. */
int dnsstate_read(const char *path, struct dnsstate *st, struct dd_err *e);

/*
 * dnsstate_parse_some: dnsstate_parse for a page: the header is checked
 * the same, but only the entry lines of the nh names hosts[] are parsed
 * (each found by bisection, the file being sorted), so 50 names among
 * 10,000 cost 50 searches, not 10,000 parses. A damaged line of one of
 * them refuses the whole (-1, DD_EINVAL); the other lines are not read,
 * so damage there goes unseen (dnsstate_parse sees it). A name given
 * twice gives its entries once; a name not in the file, none. Fills *st
 * (free with dnsstate_free, also after a failure). Returns 0, or -1
 * with e set. Pure.
 */
int dnsstate_parse_some(const char *data, size_t n, const char *const *hosts,
    size_t nh, struct dnsstate *st, struct dd_err *e);

/* dnsstate_read_some: dnsstate_parse_some of the file at path (one
 * file_read, as dnsstate_read). -1 with DD_ENOTFOUND when there is none
 * yet. */
int dnsstate_read_some(const char *path, const char *const *hosts,
    size_t nh, struct dnsstate *st, struct dd_err *e);

/* dnsstate_free: release st's entries; st is then empty. */
void dnsstate_free(struct dnsstate *st);

/* dnsstate_sort: put st's entries in the order the file requires. */
void dnsstate_sort(struct dnsstate *st);

/* dnsstate_find: st's entry of host and family, or NULL. */
const struct dnsentry *dnsstate_find(const struct dnsstate *st,
    const char *host, enum netfam fam);

/*
 * dnsstate_format: append st (sorted) to out in the file's format. A
 * detail's control characters become spaces. Returns 0, or -1 when an
 * entry cannot be written so that dnsstate_parse takes it back (a bad
 * host name or address, a duplicate, out of order) or out ran out of
 * memory.
 */
int dnsstate_format(const struct dnsstate *st, struct buf *out);

/* dnsstate_write: dnsstate_format, then replace path atomically (0600).
 * Returns 0, or -1 with e set. */
int dnsstate_write(const char *path, const struct dnsstate *st,
    struct dd_err *e);

/*
 * dnsstate_due: should a page start ddns-dnscheck again? 1 when there is
 * no state (checked 0), it is interval seconds old or more, it is from
 * the future (a clock set back), or ddclient set an address since
 * (last_update > checked); else 0. Pure.
 */
int dnsstate_due(long long checked, long long interval, long long last_update,
    long long now);

/* The verdict of one host and family (dnsstate_judge). */
enum dnsverdict {
	DV_NOT_CHECKED,		/* grey: why says why */
	DV_COULD_NOT_CHECK,	/* grey: why says why */
	DV_IN_DNS,		/* DNS has what ddclient set (or the public address) */
	DV_PROPAGATING,		/* an update younger than the TTL: see until */
	DV_DIFFERS,		/* DNS has something other than what was set */
	DV_NEEDS_UPDATE,	/* DNS has what was set, the public address moved */
	DV_NO_RECORD,		/* NXDOMAIN, or the name has no record of the type */
	DV__MAX
};

/* What dnsstate_judge compares. Addresses are text, compared as binary
 * addresses (netip_equal); NULL or "" for none. */
struct dnsinput {
	enum dnsmode		 mode;	/* the module config's dns_check */
	const struct dnsstate	*st;	/* NULL: no state file (yet) */
	const struct dnsentry	*dns;	/* st's entry of the host and family */
	const char		*sent;	/* what ddclient last set (its cache) */
	long long		 sent_time;	/* when (0: unknown) */
	const char		*pub;	/* the public address of the family */
	long long		 now;
};

struct dnsview {
	enum dnsverdict	 v;
	long long	 until;		/* DV_PROPAGATING: resolvers may keep
					 * the old answer until then */
	int		 cached;	/* asked through a resolver: the answer
					 * may come from its cache */
	int		 shows;		/* DNS answers what ddclient set, and
					 * nothing else */
	struct dd_msg	 why;		/* the two grey verdicts: the reason
					 * (MSG_dns_*); MSG_none otherwise */
};

/*
 * dnsstate_judge: the verdict on in (see enum dnsverdict). A check that
 * ran before ddclient's last update says nothing about it: not checked
 * (MSG_dns_before_update) unless it already shows what was set. Through
 * a resolver, an answer other than what was set within the TTL after the
 * update is Propagating too (the resolver may have cached the old one).
 * Pure.
 */
void dnsstate_judge(const struct dnsinput *in, struct dnsview *out);

/* The words of the enums, as the state file and the JSON spell them
 * ("in_dns", "secure", "NXDOMAIN"); NULL for a value out of range. */
const char *dnsstate_verdict_word(enum dnsverdict v);
/* dnsstate_verdict_of: the verdict spelled w, or -1. */
int dnsstate_verdict_of(const char *w);
const char *dnsstate_sec_word(enum dnssec s);
const char *dnsstate_rcode_word(int rcode);
const char *dnsstate_mode_word(enum dnsmode m);

#endif

/* dnsview.h: what DNS answers for a host and family, as the pages word it
 * (the list's rows, the host page): one word, and a sentence where
 * something needs attention. */
#ifndef DDNS_DNSVIEW_H
#define DDNS_DNSVIEW_H

#include "cgi.h"
#include "dnsstate.h"
#include "verdict.h"

/* What a page knows of DNS: dns_check's mode, the state file's entries
 * of the page's hosts (have: there is a state), and the words, looked up
 * once a page rather than once a row. */
struct dnspage {
	enum dnsmode	 mode;
	struct dnsstate	 st;
	int		 have;
	long long	 now;
	char		 word[DV__MAX][64];	/* "DNS: In DNS"; "" until
						 * a row needs it */
	const char	*until;			/* Lang.Dns.until, or NULL */
	long long	 last_until;		/* the last time said as */
	char		 last_hhmm[6];		/* HH:MM (hosts of one pass
						 * share it) */
};

/*
 * dnsview_load: dns_check's mode and, unless it is off, the DNS state of
 * the nh names[] (one read of state_dir/dns, only their lines parsed)
 * into *dp (free with dnsview_free); start ddns-dnscheck when that state
 * is due (dnsstate_due; newest: ddclient's newest update the page knows
 * of). A state that cannot be read counts as none (the rows say not
 * checked; the check that starts rewrites it). The words are looked up
 * when a row first needs them, once a page.
 */
void dnsview_load(struct req *r, const char *const *names, size_t nh,
    long long newest, struct dnspage *dp);

/*
 * dnsview_put: the DNS verdict of host's family f into fam: "dns" its
 * look (ok, wait, error; grey for the two that say nothing of DNS, never
 * red) and "dns_text" its word, followed by its sentence when full or
 * when the verdict needs attention (anything but In DNS and Propagating,
 * which says until when in a few words); with dns_check = off, nothing
 * unless full (a row would say it on every line). sent and
 * sent_time: what ddclient's cache says it set (and when; "" and 0 for
 * none); pub the family's public address ("" if unknown). Sets in->dns
 * (what verdict.c takes of it); says when ddclient's cache and DNS part
 * (verdict_dns_disagrees). Returns the verdict.
 */
enum dnsverdict dnsview_put(struct req *r, HDF *fam, struct dnspage *dp,
    const char *host, enum netfam f, const char *sent, long long sent_time,
    const char *pub, struct verdict_in *in, int full);

/* dnsview_look: the look of verdict v (ok, wait, error, grey). */
const char *dnsview_look(enum dnsverdict v);

/* dnsview_free: release what dnsview_load read. */
void dnsview_free(struct dnspage *dp);

#endif

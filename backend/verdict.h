/* verdict.h: one verdict per host and family, decided here and nowhere
 * else: the list's rows, its summary line, its "failing first" order and
 * ?action=status all ask verdict_decide. */
#ifndef DDNS_VERDICT_H
#define DDNS_VERDICT_H

/* The states, worst first: the order is the list's ("failing first").
 * Their key, look and summary group are the table in verdict.c. */
enum vd_state {
	VD_NOTWRITTEN,	/* ddns-apply leaves the row out (apply_vet, or
			 * the root side's report) */
	VD_NOTAPPLIED,	/* saved but still queued: ddclient may not have
			 * the change */
	VD_FAILED,	/* the provider's last answer was an error */
	VD_RETRY,	/* ddclient waits before it tries again (wNNN) */
	VD_WAITING,	/* no answer yet */
	VD_GOOD,	/* the provider took the address */
	VD_DISABLED,	/* the administrator switched it off */
	VD__MAX
};

/* The summary line's groups, in the list's order. */
enum vd_group { VG_FAILING, VG_WAITING, VG_OK, VG_DISABLED, VG__MAX };

/* What a state means to a page: its key (the JSON's "verdict", and
 * Lang.Status.<key> unless the provider's answer words it: VD_FAILED),
 * its look (ok, wait, error, disabled), its summary group, and whether
 * ddclient's cache decided it (then a page shows the cache's details). */
struct vd_look {
	const char	*key;
	const char	*kind;
	enum vd_group	 group;
	int		 cache;
};

/* What DNS answers, as the verdict sees it (issue 20, item 2; the page
 * maps dnsstate.h's verdicts to these). */
enum vd_dns {
	VD_DNS_NONE = 0,	/* not checked, could not check */
	VD_DNS_SHOWS,		/* DNS has what was set (in DNS, propagating,
				 * needs update) */
	VD_DNS_LACKS,		/* DNS has another address, or none */
	VD_DNS__MAX
};

/* The inputs of one host's verdict for one family. */
struct verdict_in {
	int		 enabled;
	int		 left_out;	/* vet (vet.h) or root's report */
	int		 pending;	/* queued (store_pending) */
	enum vd_state	 cached;	/* verdict_cached of the family */
	enum vd_dns	 dns;		/* DNS's answer: verdict_dns_disagrees */
};

/*
 * verdict_cached: what ddclient's cache says of one family: status is
 * the family's status word (cache_family; NULL or "" when the cache has
 * no answer), mtime and atime the entry's last success and last attempt.
 * A success at or after the last attempt is up to date whatever the word
 * (nsupdate leaves "noconnect" then). Returns VD_GOOD, VD_FAILED,
 * VD_RETRY or VD_WAITING. Pure.
 */
enum vd_state verdict_cached(const char *status, long long mtime,
    long long atime);

/* verdict_decide: the verdict of one host and family. Pure. in->dns does
 * not weigh on it: the summary and the order judge every host from the
 * cache, while DNS is judged for a page's rows only, and the row must say
 * what the summary counts (verdict_dns_disagrees adds DNS's word). */
enum vd_state verdict_decide(const struct verdict_in *in);

/* verdict_dns_disagrees: 1 when ddclient's cache says the provider took
 * the address (in->cached is VD_GOOD) and DNS lacks it (VD_DNS_LACKS):
 * the page then says so in words instead of trusting either; else 0.
 * Pure. */
int verdict_dns_disagrees(const struct verdict_in *in);

/* verdict_look: the look of state s (never NULL: an unknown state looks
 * as VD_FAILED). */
const struct vd_look *verdict_look(enum vd_state s);

/* verdict_worse: the worse of two states (a dual-stack host is shown by
 * its worse family). */
enum vd_state verdict_worse(enum vd_state a, enum vd_state b);

/*
 * verdict_answer: the key of the provider's answer word status
 * (Lang.Status.<key>: "notyours" for "!yours", "other" for a word we do
 * not know, "" for none). Pure; the string is static.
 */
const char *verdict_answer(const char *status);

#endif

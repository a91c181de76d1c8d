/* providers.h: the known DNS providers and ddclient protocols, as data. */
#ifndef DDNS_PROVIDERS_H
#define DDNS_PROVIDERS_H

#include <stddef.h>

#include "msg.h"

/* The ddclient versions the module writes for (ddver.h finds which). */
enum ddv { DDV_310, DDV_311, DDV__MAX };

/* The address families a host may ask for (form field family). */
enum {
	FAM_V4		= 1 << 0,	/* ipv4: the A record */
	FAM_V6		= 1 << 1,	/* ipv6: the AAAA record */
	FAM_DUAL	= 1 << 2,	/* dual: both, on every pass */
};
#define FAM_ONE	(FAM_V4 | FAM_V6)	/* one address a request */
/* A preset's fam[v]: no family at all with version v (withdrawn there). */
#define FAM_NONE	(1 << 7)
#define FAM_ALL	(FAM_V4 | FAM_V6 | FAM_DUAL)

/* What a protocol or provider takes from the form (bit flags). */
enum {
	PF_LOGIN	= 1 << 0,	/* login required */
	PF_LOGIN_OPT	= 1 << 1,	/* login optional */
	PF_PASSWORD	= 1 << 2,	/* password (or token) required */
	PF_ZONE		= 1 << 3,	/* zone required */
	PF_ZONE_OPT	= 1 << 4,	/* zone optional */
	PF_MX		= 1 << 5,	/* mail exchanger supported */
	PF_SERVER	= 1 << 6,	/* the user gives the server */
	PF_PROTOCOL	= 1 << 7,	/* the user picks the protocol (Custom) */
	PF_TSIG		= 1 << 8,	/* login, password, algorithm: a TSIG key
					 * that ddns-apply writes into a key file */
	PF_STATUS_MTIME	= 1 << 9,	/* ddclient leaves the status word stale
					 * after a success: trust mtime >= atime */
	PF_WILDCARD	= 1 << 10,	/* wildcard=yes is understood */
	PF_SSL_GLOBAL	= 1 << 11,	/* ddclient builds an http:// URL: HTTPS
					 * only through the global ssl=yes */
	PF_BELOW_ZONE	= 1 << 12,	/* ddclient sends the hostname less the
					 * zone: it must be a name below it */
	PF_BELOW_LOGIN	= 1 << 13,	/* the same, the login being the domain */
	PF_ONE_ACCOUNT	= 1 << 14,	/* ddclient sends all hosts of the protocol
					 * with the first one's server and account */
	PF_BASIC_AUTH	= 1 << 15,	/* ddclient sends login:password as
					 * HTTP Basic authentication: the
					 * provider splits at the first ':' */
};

struct protocol {
	const char	*name;		/* as ddclient spells it */
	unsigned	 flags;
	unsigned char	 fam[DDV__MAX];	/* FAM_* it can update with each
					 * version; 0: that version lacks it */
	const char	*server;	/* ddclient's default server= ... */
	const char	*script;	/* ... and script=; NULL: none */
};

struct provider {
	const char	*id;		/* short lowercase word: form and DB value */
	const char	*label;		/* the name shown in the dropdown */
	const char	*protocol;	/* ddclient protocol; NULL for Custom */
	const char	*server;	/* server; NULL: the user gives it */
	const char	*script;	/* the path on it; NULL: ddclient's */
	/* The path for a host of one family alone, where the provider
	 * changes the other family's record unless told not to (deSEC);
	 * NULL: script. */
	const char	*script_v4;
	const char	*script_v6;
	unsigned	 flags;
	/* The FAM_* the preset is limited to with each version, where what
	 * the provider answers or does with a request allows less than the
	 * protocol sends (issue 19); 0: its protocol's; FAM_NONE: none. */
	unsigned char	 fam[DDV__MAX];
	/* ddclient's max-interval for its hosts, where the provider expires
	 * a record sooner than ddclient's default (25 days) re-sends an
	 * unchanged address (dy.fi: 7 days); NULL: ddclient's. */
	const char	*max_interval;
	/* Why the preset refuses dual stack where its protocol could send
	 * both (one "s" parameter: the ddclient version); MSG_none: the
	 * protocol's reason. */
	enum msg_id	 no_dual;
};

/* prov_count / prov_at: iterate the providers in dropdown order. */
size_t prov_count(void);
const struct provider *prov_at(size_t i);

/* prov_open: the provider that takes its server and protocol from the
 * form (Custom: the row with PF_PROTOCOL). */
const struct provider *prov_open(void);

/* prov_find: the provider with this id, or NULL. */
const struct provider *prov_find(const char *id);

/* prov_families: the FAM_* a host of p (and, for Custom, protocol proto)
 * can ask for with ddclient version v: its protocol's, less what the
 * preset is limited to; 0 when v cannot serve it. */
unsigned prov_families(const struct provider *p, const char *proto,
    enum ddv v);

/* proto_count / proto_at: iterate the protocols (proto_families says
 * which a version offers with Custom). */
size_t proto_count(void);
const struct protocol *proto_at(size_t i);

/* proto_families: the FAM_* protocol pr updates with version v; 0: v
 * lacks it (or it is broken there), so it is not offered. */
unsigned proto_families(const struct protocol *pr, enum ddv v);

/* proto_find: the protocol with this name, or NULL. */
const struct protocol *proto_find(const char *name);

/*
 * prov_flags: what a host with provider p (and, for Custom, protocol
 * proto, which may be NULL or unknown) takes from the form.
 */
unsigned prov_flags(const struct provider *p, const char *proto);

/* prov_protocol: the ddclient protocol a host with p and proto uses. */
const char *prov_protocol(const struct provider *p, const char *proto);

#endif

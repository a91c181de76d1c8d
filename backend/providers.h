/* providers.h: the known DNS providers and ddclient protocols, as data. */
#ifndef DDNS_PROVIDERS_H
#define DDNS_PROVIDERS_H

#include <stddef.h>

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
};

struct protocol {
	const char	*name;		/* as ddclient 3.10 spells it */
	unsigned	 flags;
};

struct provider {
	const char	*id;		/* short lowercase word: form and DB value */
	const char	*label;		/* the name shown in the dropdown */
	const char	*protocol;	/* ddclient protocol; NULL for Custom */
	const char	*server;	/* server; NULL: the user gives it */
	unsigned	 flags;
};

/* prov_count / prov_at: iterate the providers in dropdown order. */
size_t prov_count(void);
const struct provider *prov_at(size_t i);

/* prov_open: the provider that takes its server and protocol from the
 * form (Custom: the row with PF_PROTOCOL). */
const struct provider *prov_open(void);

/* prov_find: the provider with this id, or NULL. */
const struct provider *prov_find(const char *id);

/* proto_count / proto_at: iterate the protocols offered with Custom. */
size_t proto_count(void);
const struct protocol *proto_at(size_t i);

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

/* netip.h: the appliance's public address, as ddns-checkip last saw it. */
#ifndef DDNS_NETIP_H
#define DDNS_NETIP_H

#include <stddef.h>

#include "err.h"

struct netip {
	char		 ip[64];	/* "" when the last check failed */
	long long	 time;		/* when the check ran (Unix time) */
	char		 error[160];	/* why it failed, in words; "" if not */
};

/* The address families the public address is checked for. */
enum netfam { NET_V4, NET_V6, NET__MAX };

/* The state files' names inside state_dir, one per family. */
#define NETIP_FILE "publicip"
#define NETIP_FILE6 "publicip6"

/* netip_fam_word: family f's word in the state files ("ipv4", "ipv6");
 * netip_fam_find: the family of word w, or -1. */
const char *netip_fam_word(enum netfam f);
int netip_fam_find(const char *w);

/* netip_file: the state file name of family f. */
const char *netip_file(enum netfam f);

/*
 * netip_source_file: the state file name of family f of address source
 * name ("publicip@wan1", "publicip6@wan1") into out; the appliance's own
 * (netip_file) for NULL or "". Returns out.
 */
char *netip_source_file(enum netfam f, const char *name, char *out,
    size_t sz);

/* netip_af: the AF_INET / AF_INET6 of family f. */
int netip_af(enum netfam f);

/*
 * netip_parse_answer: find the first IPv4 or IPv6 address in the n bytes
 * of a check server's answer (plain text or a small HTML page) and write
 * it to ip. Returns 0, or -1 if there is none. Pure.
 */
int netip_parse_answer(const char *body, size_t n, char *ip, size_t ipsz);

/* netip_parse_family: the same, for an address of family af only
 * (AF_INET, AF_INET6; AF_UNSPEC for either). */
int netip_parse_family(const char *body, size_t n, int af, char *ip,
    size_t ipsz);

/*
 * netip_equal: 1 when a and b are both IPv4 or both IPv6 addresses and
 * the same one compared as binary addresses (any spelling:
 * "2001:db8::1" equals "2001:DB8:0::1"), else 0 (also for NULL). Pure.
 */
int netip_equal(const char *a, const char *b);

/* netip_read: read the state file at path. DD_ENOTFOUND if none yet. */
int netip_read(const char *path, struct netip *out, struct dd_err *e);

/*
 * netip_read_source: the state file of family f of source name (NULL or
 * "": the appliance's own) in directory dir, as netip_read; *out is
 * emptied when there is none or it cannot be read.
 */
int netip_read_source(const char *dir, const char *name, enum netfam f,
    struct netip *out);

/* netip_write: replace the state file at path atomically with *in. */
int netip_write(const char *path, const struct netip *in, struct dd_err *e);

#endif

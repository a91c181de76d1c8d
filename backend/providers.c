/* providers.c: the provider and protocol tables that the dropdown, the
 * validator and the ddclient config writer all read. */
#include <string.h>

#include "providers.h"

#define LP	(PF_LOGIN | PF_PASSWORD)
/* RFC 2136: the key's name, secret and algorithm, never a program or a path
 * (ddclient runs "$login -k $password" through a shell). */
#define NSUPDATE (LP | PF_TSIG | PF_ZONE | PF_SERVER | PF_STATUS_MTIME)

/*
 * ddclient 3.10's protocols, less three that cannot work from this form:
 * cloudns (needs dynurl), dslreports1 (numeric host ids), googledomains
 * (the service is gone). Flags from each protocol's %services variables.
 */
static const struct protocol protocols[] = {
	{ "1984",	 PF_PASSWORD, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "changeip",	 LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "cloudflare",	 LP | PF_ZONE, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "dinahosting", LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "dnsexit",	 LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "dnsmadeeasy", LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "dondominio",	 LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "duckdns",	 PF_PASSWORD, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "dyndns1",	 LP | PF_MX, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "dyndns2",	 LP | PF_MX, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "easydns",	 LP | PF_MX, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "freedns",	 LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "freemyip",	 PF_PASSWORD, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "gandi",	 PF_PASSWORD | PF_ZONE, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "godaddy",	 LP | PF_ZONE, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "hetzner",	 PF_PASSWORD | PF_ZONE, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "keysystems",	 PF_PASSWORD, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "namecheap",	 LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "nfsn",	 LP | PF_ZONE, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "njalla",	 PF_PASSWORD, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "noip",	 LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "nsupdate",	 NSUPDATE, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "ovh",	 LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "sitelutions", LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "yandex",	 LP, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
	{ "zoneedit1",	 LP | PF_ZONE_OPT, { [DDV_310] = FAM_ONE, [DDV_311] = FAM_ALL } },
};

static const struct provider providers[] = {
	{ .id = "dyn", .label = "Dyn (dyndns.org)", .protocol = "dyndns2",
	  .server = "members.dyndns.org", .flags = LP | PF_MX },
	{ .id = "noip", .label = "No-IP", .protocol = "noip",
	  .server = "dynupdate.no-ip.com", .flags = LP },
	{ .id = "dnsomatic", .label = "DNS-O-Matic", .protocol = "dyndns2",
	  .server = "updates.dnsomatic.com", .flags = LP | PF_MX },
	{ .id = "he", .label = "Hurricane Electric (dns.he.net)",
	  .protocol = "dyndns2", .server = "dyn.dns.he.net", .flags = LP },
	{ .id = "dynu", .label = "Dynu", .protocol = "dyndns2",
	  .server = "api.dynu.com", .flags = LP },
	{ .id = "duckdns", .label = "Duck DNS", .protocol = "duckdns",
	  .server = "www.duckdns.org", .flags = PF_PASSWORD },
	{ .id = "freedns", .label = "FreeDNS (afraid.org)",
	  .protocol = "freedns", .server = "freedns.afraid.org", .flags = LP },
	{ .id = "namecheap", .label = "Namecheap", .protocol = "namecheap",
	  .server = "dynamicdns.park-your-domain.com", .flags = LP },
	{ .id = "changeip", .label = "ChangeIP", .protocol = "changeip",
	  .server = "nic.changeip.com", .flags = LP },
	{ .id = "cloudflare", .label = "Cloudflare", .protocol = "cloudflare",
	  .server = "api.cloudflare.com/client/v4", .flags = LP | PF_ZONE },
	{ .id = "ovh", .label = "OVH", .protocol = "ovh",
	  .server = "www.ovh.com", .flags = LP },
	{ .id = "zoneedit", .label = "ZoneEdit", .protocol = "zoneedit1",
	  .server = "dynamic.zoneedit.com", .flags = LP | PF_ZONE_OPT },
	{ .id = "easydns", .label = "easyDNS", .protocol = "easydns",
	  .server = "api.cp.easydns.com", .flags = LP | PF_MX },
	{ .id = "gandi", .label = "Gandi LiveDNS", .protocol = "gandi",
	  .server = "api.gandi.net", .flags = PF_PASSWORD | PF_ZONE },
	{ .id = "godaddy", .label = "GoDaddy", .protocol = "godaddy",
	  .server = "api.godaddy.com/v1/domains", .flags = LP | PF_ZONE },
	{ .id = "hetzner", .label = "Hetzner DNS", .protocol = "hetzner",
	  .server = "dns.hetzner.com/api/v1", .flags = PF_PASSWORD | PF_ZONE },
	{ .id = "dnsmadeeasy", .label = "DNS Made Easy",
	  .protocol = "dnsmadeeasy", .server = "cp.dnsmadeeasy.com", .flags = LP },
	{ .id = "nfsn", .label = "NearlyFreeSpeech.NET", .protocol = "nfsn",
	  .server = "api.nearlyfreespeech.net", .flags = LP | PF_ZONE },
	{ .id = "freemyip", .label = "freemyip.com", .protocol = "freemyip",
	  .server = "freemyip.com", .flags = PF_PASSWORD },
	{ .id = "dinahosting", .label = "Dinahosting",
	  .protocol = "dinahosting", .server = "dinahosting.com", .flags = LP },
	{ .id = "dondominio", .label = "DonDominio", .protocol = "dondominio",
	  .server = "dondns.dondominio.com", .flags = LP },
	{ .id = "dnsexit", .label = "DNSExit", .protocol = "dnsexit",
	  .server = "update.dnsexit.com", .flags = LP },
	{ .id = "njalla", .label = "Njalla", .protocol = "njalla",
	  .server = "njal.la", .flags = PF_PASSWORD },
	{ .id = "strato", .label = "Strato", .protocol = "dyndns2",
	  .server = "dyndns.strato.com", .flags = LP },
	{ .id = "selfhost", .label = "selfHOST.de", .protocol = "dyndns2",
	  .server = "carol.selfhost.de", .flags = LP },
	{ .id = "inwx", .label = "INWX", .protocol = "dyndns2",
	  .server = "dyndns.inwx.com", .flags = LP },
	{ .id = "loopia", .label = "LoopiaDNS", .protocol = "dyndns2",
	  .server = "dyndns.loopia.se", .flags = LP },
	{ .id = "infomaniak", .label = "Infomaniak", .protocol = "dyndns2",
	  .server = "infomaniak.com", .flags = LP },
	{ .id = "nsupdateinfo", .label = "nsupdate.info", .protocol = "dyndns2",
	  .server = "ipv4.nsupdate.info", .flags = LP },
	{ .id = "nsupdate", .label = "Own DNS server (nsupdate, RFC 2136)",
	  .protocol = "nsupdate", .server = NULL,
	  .flags = NSUPDATE },
	{ .id = "custom", .label = "Custom", .protocol = NULL, .server = NULL,
	  .flags = PF_SERVER | PF_PROTOCOL },
};

#define NPROTO	(sizeof(protocols) / sizeof(protocols[0]))
#define NPROV	(sizeof(providers) / sizeof(providers[0]))

size_t
prov_count(void)
{
	return NPROV;
}

const struct provider *
prov_at(size_t i)
{
	return i < NPROV ? &providers[i] : NULL;
}

const struct provider *
prov_open(void)
{
	size_t i;

	for (i = 0; i < NPROV; i++)
		if (providers[i].flags & PF_PROTOCOL)
			return &providers[i];
	return &providers[NPROV - 1];
}

const struct provider *
prov_find(const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < NPROV; i++)
		if (strcmp(providers[i].id, id) == 0)
			return &providers[i];
	return NULL;
}

size_t
proto_count(void)
{
	return NPROTO;
}

const struct protocol *
proto_at(size_t i)
{
	return i < NPROTO ? &protocols[i] : NULL;
}

const struct protocol *
proto_find(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NPROTO; i++)
		if (strcmp(protocols[i].name, name) == 0)
			return &protocols[i];
	return NULL;
}

unsigned
proto_families(const struct protocol *pr, enum ddv v)
{
	return pr->fam[v];
}

unsigned
prov_families(const struct provider *p, const char *proto, enum ddv v)
{
	const struct protocol *pr = proto_find(prov_protocol(p, proto));

	return pr != NULL ? pr->fam[v] : 0;
}

unsigned
prov_flags(const struct provider *p, const char *proto)
{
	const struct protocol *pr;

	if (!(p->flags & PF_PROTOCOL))
		return p->flags;
	pr = proto_find(proto);
	return p->flags | (pr ? pr->flags : 0);
}

const char *
prov_protocol(const struct provider *p, const char *proto)
{
	return (p->flags & PF_PROTOCOL) ? proto : p->protocol;
}

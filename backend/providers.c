/* providers.c: the provider and protocol tables that the dropdown, the
 * validator and the ddclient config writer all read. */
#include <string.h>

#include "providers.h"

#define LP	(PF_LOGIN | PF_PASSWORD)
/* RFC 2136: the key's name, secret and algorithm, never a program or a path
 * (ddclient runs "$login -k $password" through a shell). */
#define NSUPDATE (LP | PF_TSIG | PF_ZONE | PF_SERVER | PF_STATUS_MTIME)

/*
 * ddclient's protocols, less those that cannot work from this form:
 * cloudns (needs its dynurl), dslreports1 (numeric host ids),
 * googledomains and woima (the services are gone) and porkbun (two API
 * keys, apikey= and secretapikey=, and 3.11.2 sends them to porkbun.com,
 * the API host that Porkbun's documentation replaced by api.porkbun.com,
 * the old one refused since 2024-12-01). Flags from each protocol's
 * %services variables, and so are server and script: ddclient's own
 * default for the protocol (what a host of a ddclient.conf that names no
 * server= or script= gets; check_providers reads each version's %services
 * and compares). fam says, per
 * version, which addresses a host can have updated (read from each
 * update routine of 3.10.0 and 3.11.2; measured for dyndns2 and
 * cloudflare in t0014):
 *   ONE  3.10 sends the one address use= found: IPv4 or IPv6, not both
 *   ALL  it reads wantipv4 and wantipv6: either or both in one pass
 *   V4   3.11 fills the address of these from usev4 only
 *   0    that version lacks it, or it cannot work there (issue 14; the
 *        request each version sends is checked by t0016):
 *        dinahosting  "domain=example.comAAAA" and no command (operator
 *                     precedence, 3.10 and 3.11 alike)
 *        dnsexit      3.10's legacy endpoint, dropped as defunct in 3.11
 *        dnsmadeeasy  the host must be the numeric record id (id=$h),
 *                     which the hostname field cannot hold
 *        enom         sends the full name as HostName; what Enom wants
 *                     there is only in its documentation
 *        hetzner      dns.hetzner.com/api/v1: zones moved to Hetzner
 *                     Console cannot use it; neither speaks the Cloud API
 *        infomaniak   3.11's reply parsing never matches (split with a
 *                     limit of 1); the Infomaniak preset uses dyndns2
 *        keysystems   geturl called the old way, and server "1"
 *        mythicdyn    sends no address (the record gets the source's) and
 *                     picks IPv4 or IPv6 from the ipv6= variable, so an
 *                     integrator's usev6=ipv6, ipv6=... sends an IPv4
 *                     host's update to ipv6.api.mythic-beasts.com (t0016)
 *        yandex       Yandex's PDD API is shut down
 *        1984, dondominio, easydns, njalla
 *                     both versions mis-read the provider's answer to a
 *                     success (the presets below say how): withdrawn from
 *                     Custom as from their presets (issue 19)
 *   nfsn lists, removes and adds records of type A only (3.10 and 3.11):
 *   IPv4 only on both (an IPv6 address would go into an A record).
 *   freemyip is sent no address: the record gets the connection's, so an
 *   IPv6 host's address is never sent; IPv4 only on both.
 * SSL: the protocol's URL is http:// unless the global ssl=yes (the
 * others write https:// themselves). BELOW_*: ddclient strips the zone
 * (or the login, Namecheap's domain) from the hostname and sends the
 * rest, so the apex ("@" at the provider) and other zones cannot be sent.
 * ONE_ACCOUNT: freedns lists the records of the first host's server and
 * account ($_[0]) and updates every host of the protocol from that list.
 * BASIC: the update routine passes login and password to geturl, which
 * sends "login:password" as HTTP Basic authentication (3.10: its own
 * Authorization header, or curl's --user; 3.11: curl's --user);
 * infomaniak writes them into the URL as https://login:password@, which
 * curl sends the same way. The provider splits the pair at the first
 * ':', so a login with one cannot be sent (val_host refuses it). Read
 * from the geturl calls of 3.10.0 and 3.11.2: changeip, dinahosting,
 * domeneshop, dyndns1, dyndns2, easydns, infomaniak, mythicdyn, noip,
 * ovh, zoneedit1 (and dslreports1, googledomains, woima, not offered).
 */
#define V10(f)		[DDV_310] = (f)
#define V11(f)		[DDV_311] = (f)
#define SSL		PF_SSL_GLOBAL
#define BASIC		PF_BASIC_AUTH
static const struct protocol protocols[] = {
	{ "1984", PF_PASSWORD, { V10(0), V11(0) },
	    "api.1984.is", NULL },
	{ "changeip", LP | BASIC, { V10(FAM_ONE), V11(FAM_V4) },
	    "nic.changeip.com", NULL },
	{ "cloudflare", LP | PF_ZONE, { V10(FAM_ALL), V11(FAM_ALL) },
	    "api.cloudflare.com/client/v4", NULL },
	{ "digitalocean", PF_PASSWORD | PF_ZONE, { V10(0), V11(FAM_ALL) },
	    "api.digitalocean.com", NULL },
	{ "dinahosting", LP | BASIC, { V10(0), V11(0) },
	    "dinahosting.com", "/special/api.php" },
	{ "dnsexit", LP, { V10(0), V11(0) },
	    "update.dnsexit.com", "/RemoteUpdate.sv" },
	{ "dnsexit2", PF_PASSWORD | PF_ZONE_OPT, { V10(0), V11(FAM_ALL) },
	    "api.dnsexit.com", NULL },
	{ "dnsmadeeasy", LP | SSL, { V10(0), V11(0) },
	    "cp.dnsmadeeasy.com", "/servlet/updateip" },
	{ "domeneshop", LP | SSL | BASIC, { V10(0), V11(FAM_V4) },
	    "api.domeneshop.no", NULL },
	{ "dondominio", LP, { V10(0), V11(0) },
	    "dondns.dondominio.com", NULL },
	{ "duckdns", PF_PASSWORD, { V10(FAM_ONE), V11(FAM_ALL) },
	    "www.duckdns.org", NULL },
	{ "dyndns1", LP | PF_MX | PF_WILDCARD | BASIC, { V10(FAM_ONE), V11(FAM_V4) },
	    "members.dyndns.org", NULL },
	{ "dyndns2", LP | PF_MX | PF_WILDCARD | SSL | BASIC, { V10(FAM_ONE), V11(FAM_ALL) },
	    "members.dyndns.org", "/nic/update" },
	{ "easydns", LP | PF_MX | PF_WILDCARD | BASIC, { V10(0), V11(0) },
	    "api.cp.easydns.com", "/dyn/generic.php" },
	{ "enom", LP, { V10(0), V11(0) },
	    "dynamic.name-services.com", NULL },
	{ "freedns", LP | PF_ONE_ACCOUNT, { V10(FAM_ALL), V11(FAM_ALL) },
	    "freedns.afraid.org", NULL },
	{ "freemyip", PF_PASSWORD, { V10(FAM_V4), V11(FAM_V4) },
	    "freemyip.com", NULL },
	{ "gandi", PF_PASSWORD | PF_ZONE | PF_BELOW_ZONE, { V10(FAM_ONE), V11(FAM_V4) },
	    "api.gandi.net", "/v5" },
	{ "godaddy", LP | PF_ZONE | PF_BELOW_ZONE, { V10(FAM_ONE), V11(FAM_V4) },
	    "api.godaddy.com/v1/domains", NULL },
	{ "hetzner", PF_PASSWORD | PF_ZONE, { V10(0), V11(0) },
	    "dns.hetzner.com/api/v1", NULL },
	{ "infomaniak", LP | BASIC, { V10(0), V11(0) },
	    "members.dyndns.org", NULL },
	{ "keysystems", PF_PASSWORD | SSL, { V10(0), V11(0) },
	    "dynamicdns.key-systems.net", NULL },
	{ "mythicdyn", LP | BASIC, { V10(0), V11(0) },
	    "api.mythic-beasts.com", NULL },
	{ "namecheap", LP | PF_BELOW_LOGIN, { V10(FAM_ONE), V11(FAM_V4) },
	    "dynamicdns.park-your-domain.com", NULL },
	{ "nfsn", LP | PF_ZONE, { V10(FAM_V4), V11(FAM_V4) },
	    "api.nearlyfreespeech.net", NULL },
	{ "njalla", PF_PASSWORD, { V10(0), V11(0) },
	    "njal.la", NULL },
	{ "noip", LP | BASIC, { V10(FAM_ONE), V11(FAM_V4) },
	    "dynupdate.no-ip.com", NULL },
	{ "nsupdate", NSUPDATE, { V10(FAM_ONE), V11(FAM_V4) },
	    NULL, NULL },
	{ "ovh", LP | BASIC, { V10(FAM_ONE), V11(FAM_V4) },
	    "www.ovh.com", "/nic/update" },
	{ "regfishde", PF_PASSWORD, { V10(0), V11(FAM_V4) },
	    "dyndns.regfish.de", NULL },
	{ "sitelutions", LP, { V10(FAM_ONE), V11(FAM_V4) },
	    "www.sitelutions.com", NULL },
	{ "yandex", LP, { V10(0), V11(0) },
	    "pddimp.yandex.ru", NULL },
	{ "zoneedit1", LP | PF_ZONE_OPT | BASIC, { V10(FAM_ONE), V11(FAM_V4) },
	    "dynamic.zoneedit.com", NULL },
};
#undef V10
#undef V11
#undef SSL
#undef BASIC

/*
 * The presets, in dropdown order. A preset whose protocol no version can
 * serve stays (withdrawn), so that a stored host of it is named on the
 * list as not written, with the reason; the form no longer offers it.
 * What each sends, per version, against what the provider documents, is
 * the table of tests/e2e/t0016-presets.sh; its hint is Lang.Hint.<id>.
 * .fam limits a preset below its protocol where the provider's answer or
 * its handling of the records allows less (issue 19; the facts and their
 * sources are the ANSWERS table of tests/tools/presets.py, run by t0039):
 *   easydns     answers "OK" inside an HTML page; 3.10 and 3.11 want a
 *               first word NOERROR: every success is recorded as failed
 *   dondominio  ends a success with "IP:x.x.x.x"; both want OK last
 *   njalla, is1984  both versions only log a success: nothing recorded,
 *               the host is sent again on every pass
 *   inwx        reads IPv6 only from myipv6=, which dyndns2 never sends,
 *               and removes the AAAA record of a request without it
 *   desec       fills a family missing from the request from the
 *               connection, or deletes it, unless told "preserve": the
 *               path of a one-family host says so (script_v4/_v6); what
 *               it does with 3.11's dual myip=v4,v6 is not documented
 */
#define PFAM(v310, v311)	{ [DDV_310] = (v310), [DDV_311] = (v311) }
#define GONE		PFAM(FAM_NONE, FAM_NONE)
static const struct provider providers[] = {
	{ .id = "dyn", .label = "Dyn (dyndns.org)", .protocol = "dyndns2",
	  .server = "members.dyndns.org", .flags = LP | PF_MX | PF_WILDCARD },
	{ .id = "noip", .label = "No-IP", .protocol = "noip",
	  .server = "dynupdate.no-ip.com", .flags = LP },
	{ .id = "dnsomatic", .label = "DNS-O-Matic", .protocol = "dyndns2",
	  .server = "updates.dnsomatic.com", .flags = LP | PF_MX },
	{ .id = "he", .label = "Hurricane Electric (dns.he.net)",
	  .protocol = "dyndns2", .server = "dyn.dns.he.net", .flags = LP },
	{ .id = "dynu", .label = "Dynu", .protocol = "dyndns2",
	  .server = "api.dynu.com", .flags = LP },
	{ .id = "desec", .label = "deSEC (dedyn.io)", .protocol = "dyndns2",
	  .server = "update.dedyn.io",
	  .script_v4 = "/nic/update?myipv6=preserve&",
	  .script_v6 = "/nic/update?myipv4=preserve&",
	  .flags = LP, .fam = PFAM(FAM_ONE, FAM_ONE),
	  .no_dual = MSG_ver_dual_desec },
	{ .id = "duckdns", .label = "Duck DNS", .protocol = "duckdns",
	  .server = "www.duckdns.org", .flags = PF_PASSWORD },
	{ .id = "freedns", .label = "FreeDNS (afraid.org)",
	  .protocol = "freedns", .server = "freedns.afraid.org", .flags = LP },
	{ .id = "is1984", .label = "1984 Hosting (1984.is)", .protocol = "1984",
	  .server = "api.1984.is", .flags = PF_PASSWORD, .fam = GONE },
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
	  .server = "api.cp.easydns.com", .flags = LP | PF_MX | PF_WILDCARD,
	  .fam = GONE },
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
	  .server = "dondns.dondominio.com", .flags = LP, .fam = GONE },
	{ .id = "dnsexit", .label = "DNSExit", .protocol = "dnsexit2",
	  .server = "api.dnsexit.com", .flags = PF_PASSWORD | PF_ZONE_OPT },
	{ .id = "digitalocean", .label = "DigitalOcean",
	  .protocol = "digitalocean", .server = "api.digitalocean.com",
	  .flags = PF_PASSWORD | PF_ZONE },
	{ .id = "domeneshop", .label = "Domeneshop", .protocol = "domeneshop",
	  .server = "api.domeneshop.no", .flags = LP },
	{ .id = "regfish", .label = "regfish", .protocol = "regfishde",
	  .server = "dyndns.regfish.de", .flags = PF_PASSWORD },
	{ .id = "njalla", .label = "Njalla", .protocol = "njalla",
	  .server = "njal.la", .flags = PF_PASSWORD, .fam = GONE },
	{ .id = "strato", .label = "Strato", .protocol = "dyndns2",
	  .server = "dyndns.strato.com", .flags = LP },
	{ .id = "selfhost", .label = "selfHOST.de", .protocol = "dyndns2",
	  .server = "carol.selfhost.de", .flags = LP },
	{ .id = "inwx", .label = "INWX", .protocol = "dyndns2",
	  .server = "dyndns.inwx.com", .flags = LP,
	  .fam = PFAM(FAM_V4, FAM_V4) },
	/* ddclient's own sample configuration's server and path */
	{ .id = "loopia", .label = "LoopiaDNS", .protocol = "dyndns2",
	  .server = "dns.loopia.se", .script = "/XDynDNSServer/XDynDNS.php",
	  .flags = LP },
	{ .id = "infomaniak", .label = "Infomaniak", .protocol = "dyndns2",
	  .server = "infomaniak.com", .flags = LP },
	{ .id = "nsupdateinfo", .label = "nsupdate.info", .protocol = "dyndns2",
	  .server = "ipv4.nsupdate.info", .flags = LP },
	{ .id = "nsupdate", .label = "Own DNS server (nsupdate, RFC 2136)",
	  .protocol = "nsupdate", .server = NULL,
	  .flags = NSUPDATE },
	/* issue 19: presets added. Each is dyndns2 as the provider's own
	 * page documents it (server, path, credentials, answers); the
	 * facts, with their sources, are the ANSWERS table of
	 * tests/tools/presets.py. */
	/* spdyn.de: myip takes one IPv4 and/or one IPv6, comma-separated */
	{ .id = "spdyn", .label = "SPDYN (Securepoint)", .protocol = "dyndns2",
	  .server = "update.spdyn.de", .flags = LP },
	/* myip=v4,v6 documented; the login is the account's e-mail */
	{ .id = "variomedia", .label = "Variomedia", .protocol = "dyndns2",
	  .server = "dyndns.variomedia.de", .flags = LP },
	/* the hostname is the network's label; a network is IPv4 */
	{ .id = "opendns", .label = "OpenDNS (Cisco Umbrella)",
	  .protocol = "dyndns2", .server = "updates.opendns.com", .flags = LP,
	  .fam = PFAM(FAM_V4, FAM_V4) },
	/* sets the address the request comes from; a record expires after
	 * 7 days without an update: re-sent after 5 ("between 5*24 and 6*24
	 * hours after the previous update") */
	{ .id = "dyfi", .label = "dy.fi", .protocol = "dyndns2",
	  .server = "www.dy.fi", .flags = LP, .fam = PFAM(FAM_V4, FAM_V4),
	  .max_interval = "5d" },
	/* a domain update token as the password (Basic {xyz}:{token}) */
	{ .id = "ipv64", .label = "IPv64.net", .protocol = "dyndns2",
	  .server = "ipv64.net", .flags = LP, .fam = PFAM(FAM_V4, FAM_V4) },
	/* "It can only be used to update the IPv4 address of a zone" */
	{ .id = "dynv6", .label = "dynv6", .protocol = "dyndns2",
	  .server = "dynv6.com", .flags = LP, .fam = PFAM(FAM_V4, FAM_V4) },
	/* the tunnel's IPv4 end point, hostname tunnelN.tunnelbroker.net */
	{ .id = "hetunnel", .label = "Hurricane Electric tunnel broker "
	  "(tunnelbroker.net)", .protocol = "dyndns2",
	  .server = "ipv4.tunnelbroker.net", .flags = LP,
	  .fam = PFAM(FAM_V4, FAM_V4) },
	/* RU-CENTER: IPv6 only in ipv6=, which dyndns2 never sends; a
	 * request without it leaves the AAAA record as it is */
	{ .id = "nicru", .label = "RU-CENTER (nic.ru)", .protocol = "dyndns2",
	  .server = "api.nic.ru", .script = "/dyndns/update", .flags = LP,
	  .fam = PFAM(FAM_V4, FAM_V4) },
	/* issue 19: presets added (2), each dyndns2 as the provider's own
	 * page documents it; ANSWERS of tests/tools/presets.py has the
	 * sources. tiggerswelt.net: myip is an address, IPv6 not named */
	{ .id = "tiggerswelt", .label = "tiggerswelt.net",
	  .protocol = "dyndns2", .server = "ssl.tiggerswelt.net", .flags = LP,
	  .fam = PFAM(FAM_V4, FAM_V4) },
	/* freedyn.de: the server names the family (ipv4.api.); IPv6 goes in
	 * myip2, which dyndns2 never sends */
	{ .id = "freedyn", .label = "freedyn.de", .protocol = "dyndns2",
	  .server = "ipv4.api.freedyn.de", .flags = LP,
	  .fam = PFAM(FAM_V4, FAM_V4) },
	/* SafeDNS: ignores myip and takes the address the request comes
	 * from; the hostname is the label of the network */
	{ .id = "safedns", .label = "SafeDNS", .protocol = "dyndns2",
	  .server = "www.safedns.com", .flags = LP,
	  .fam = PFAM(FAM_V4, FAM_V4) },
	/* VisualDNS: myip is the IPv4 address of the A record */
	{ .id = "visualdns", .label = "VisualDNS", .protocol = "dyndns2",
	  .server = "www.visualdns.net", .flags = LP,
	  .fam = PFAM(FAM_V4, FAM_V4) },
	/* monny.cloud: myip one address, IPv6 not named */
	{ .id = "monny", .label = "monny.cloud", .protocol = "dyndns2",
	  .server = "dyndns.monny.cloud", .flags = LP,
	  .fam = PFAM(FAM_V4, FAM_V4) },
	/* 3322.org (Pubyun): DynDNS's request at /dyndns/update */
	{ .id = "pubyun", .label = "3322.org (Pubyun)", .protocol = "dyndns2",
	  .server = "members.3322.net", .script = "/dyndns/update",
	  .flags = LP, .fam = PFAM(FAM_V4, FAM_V4) },
	/* issue 19: presets added (3), each dyndns2 as the provider's own
	 * page documents it; ANSWERS of tests/tools/presets.py has the
	 * sources. mayDDNS: myip one IPv4 address, credentials per host */
	{ .id = "mayddns", .label = "mayDDNS", .protocol = "dyndns2",
	  .server = "mayddns.com", .flags = LP, .fam = PFAM(FAM_V4, FAM_V4) },
	/* it's DNS: myip one address, IPv4 or IPv6 (the A and the AAAA
	 * record take a request each), at /update.php */
	{ .id = "itsdns", .label = "it's DNS (itsdns.de)",
	  .protocol = "dyndns2", .server = "www.itsdns.de",
	  .script = "/update.php", .flags = LP,
	  .fam = PFAM(FAM_ONE, FAM_ONE), .no_dual = MSG_ver_dual_split },
	/* Domain-Offensive's FlexDNS: its page documents the answers and
	 * the parameters (username, password, hostname, myip), not IPv6 */
	{ .id = "dode", .label = "FlexDNS (do.de, Domain-Offensive)",
	  .protocol = "dyndns2", .server = "ddns.do.de", .script = "/",
	  .flags = LP, .fam = PFAM(FAM_V4, FAM_V4) },
	/* NederHost: the DynDNS standard sets an A or an AAAA record, the
	 * family of the address (one a request) */
	{ .id = "nederhost", .label = "NederHost", .protocol = "dyndns2",
	  .server = "dyndns.nederhost.nl", .flags = LP,
	  .fam = PFAM(FAM_ONE, FAM_ONE), .no_dual = MSG_ver_dual_split },
	{ .id = "custom", .label = "Custom", .protocol = NULL, .server = NULL,
	  .flags = PF_SERVER | PF_PROTOCOL },
};

#undef PFAM
#undef GONE

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

/* The last one found is asked again and again (a page of rows of a few
 * protocols, each judged by several validators): it is tried first. */
const struct protocol *
proto_find(const char *name)
{
	static const struct protocol *last;
	size_t i;

	if (name == NULL)
		return NULL;
	if (last != NULL && strcmp(last->name, name) == 0)
		return last;
	for (i = 0; i < NPROTO; i++)
		if (strcmp(protocols[i].name, name) == 0)
			return last = &protocols[i];
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
	unsigned f = pr != NULL ? pr->fam[v] : 0;

	return p->fam[v] != 0 ? f & p->fam[v] : f;
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

/* conf.c: read the module configuration file, one table of keys. */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attempts.h"
#include "conf.h"
#include "ddconf.h"
#include "dnsstate.h"
#include "host.h"
#include "num.h"
#include "origin.h"
#include "providers.h"
#include "source.h"
#include "utf8.h"

/* The installed paths come from the Makefile (DEFS), their one source. */
#if !defined(DEFAULT_CONFIG) || !defined(DEFAULT_BINDIR) || \
    !defined(DEFAULT_DATADIR)
#error "DEFAULT_CONFIG, DEFAULT_BINDIR and DEFAULT_DATADIR come from the Makefile"
#endif

/* K_SHELL: an absolute path that ddclient puts into a shell command line
 * (nsupdate's "$binary -k $keyfile"), so only [A-Za-z0-9/._-]. */
/* K_URLOPT: a URL, or "none" for none (the field stays NULL). */
/* K_PROVIDERS: provider ids (providers.c), space-separated. */
/* K_PATHOPT: an absolute path, or "none" for none (the field stays NULL). */
/* K_DNSMODE, K_DNSSTUB: dns_check's and dns_stub's words (dnsstate.h). */
/* K_SOURCES: source names (source.h), space-separated. */
/* K_SRCFAM, K_SRCLABEL: the rows of source.NAME.v4/.v6 and
 * source.NAME.label.LANG, documented here and read by source_line. */
enum ktype { K_PATH, K_SHELL, K_STR, K_URL, K_URLOPT, K_INT, K_BOOL, K_CMD,
    K_HOSTS, K_CHOICE, K_PROVIDERS, K_PATHOPT, K_DNSMODE, K_DNSSTUB,
    K_SOURCES, K_SRCFAM, K_SRCLABEL };

/* One row per key: its name, type, place, default and meaning. The
 * default and the meaning also make the example configuration
 * (conf_example), so they are written nowhere else. */
struct key {
	const char	*name;
	enum ktype	 type;
	size_t		 off;
	const char	*def;		/* NULL: none (the field stays NULL) */
	long long	 min, max;	/* K_INT only */
	const char	*help;		/* one line, for the example */
	const char	*choices;	/* K_CHOICE: the words allowed */
};

#define SHELL_SAFE "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" \
	"0123456789/._-"

#define S(f) offsetof(struct conf, f)
static const struct key keys[] = {
	{ "database",		K_PATH,	S(database),	"/var/lib/ddns-admin/ddns.db", 0, 0,
	  "SQLite file (made 0600 if missing)", NULL },
	{ "ddclient_conf",	K_PATH,	S(ddclient_conf), "/etc/ddclient.conf", 0, 0,
	  "ddclient's configuration, rewritten on every change", NULL },
	{ "ddclient_pid",	K_PATH,	S(ddclient_pid), "/run/ddclient.pid", 0, 0,
	  "ddclient's pid file (to signal it)", NULL },
	{ "ddclient_cache",	K_PATH,	S(ddclient_cache), "/var/cache/ddclient/ddclient.cache", 0, 0,
	  "ddclient's cache (live state; entries dropped on change)", NULL },
	{ "templates",		K_PATH,	S(templates),	DEFAULT_DATADIR "/templates", 0, 0,
	  "ClearSilver templates and the texts (lang/en.hdf, lang/it.hdf)", NULL },
	{ "apply",		K_CMD,	S(apply),	DEFAULT_BINDIR "/ddns-apply", 0, 0,
	  "command that applies: absolute path, split on spaces, no shell "
	  "(README: the sudo rule)", NULL },
	{ "checkip",		K_CMD,	S(checkip),	DEFAULT_BINDIR "/ddns-checkip", 0, 0,
	  "command that refreshes the public address", NULL },
	{ "checkip_url",	K_URL,	S(checkip_url),	"https://api.ipify.org/", 0, 0,
	  "where ddns-checkip asks for the public address", NULL },
	{ "checkip6_url",	K_URLOPT, S(checkip6_url), "https://api6.ipify.org/", 0, 0,
	  "where ddns-checkip asks for the public IPv6 address (over IPv6), "
	  "or none", NULL },
	{ "checkip_interval",	K_INT,	S(checkip_interval), "300", 10, 86400,
	  "seconds before the list page refreshes it", NULL },
	{ "state_dir",		K_PATH,	S(state_dir),	"/var/lib/ddns-admin", 0, 0,
	  "the page's own state: public address, locks, the CSRF secret "
	  "(the web server's user's)", NULL },
	{ "apply_dir",		K_PATH,	S(apply_dir),	"/var/lib/ddns-admin-apply", 0, 0,
	  "ddns-apply's own state: the rows last applied, its locks, and the "
	  "status copy and report the page reads; a directory of the user "
	  "ddns-apply runs as (root's), closed to writes by others", NULL },
	{ "require_auth",	K_BOOL,	S(require_auth), "yes", 0, 0,
	  "no: serve requests without REMOTE_USER (never on an appliance)", NULL },
	{ "ddclient_use",	K_STR,	S(ddclient_use), "web, web=ipify-ipv4", 0, 0,
	  "ddclient's address detection, the text after use= (set here, "
	  "never from the web form)", NULL },
	{ "ddclient_usev4",	K_STR,	S(ddclient_usev4), "webv4, webv4=ipify-ipv4", 0, 0,
	  "ddclient 3.11's IPv4 address detection, the text after usev4= "
	  "(disabled: none)", NULL },
	{ "ddclient_usev6",	K_STR,	S(ddclient_usev6), "webv6, webv6=ipify-ipv6", 0, 0,
	  "ddclient 3.11's IPv6 address detection, the text after usev6= "
	  "(disabled: none)", NULL },
	{ "ddclient",		K_PATH,	S(ddclient),	"/usr/bin/ddclient", 0, 0,
	  "the ddclient program, read (never run) to learn its version", NULL },
	{ "ddclient_version",	K_CHOICE, S(ddclient_version), "auto", 0, 0,
	  "the ddclient version the configuration is written for: auto "
	  "(from the program), 3.10 or 3.11", "auto 3.10 3.11" },
	{ "ddclient_ssl",	K_BOOL,	S(ddclient_ssl), "yes", 0, 0,
	  "ddclient's ssl= global", NULL },
	{ "plain_http",		K_PROVIDERS, S(plain_http), NULL, 0, 0,
	  "provider ids (custom for Custom) whose login and password ddclient "
	  "may send over plain HTTP while ddclient_ssl is no; the hosts of "
	  "the others are then not written", NULL },
	{ "ddclient_daemon",	K_INT,	S(ddclient_daemon), "300", 60, 86400,
	  "ddclient's daemon= interval in seconds", NULL },
	{ "static_url",		K_STR,	S(static_url),	"/ddns-admin/", 0, 0,
	  "URL prefix of www/ (ddns.css, ddns.js)", NULL },
	{ "language",		K_CHOICE, S(language),	"auto", 0, 0,
	  "the pages' language: auto (the browser's Accept-Language), en "
	  "or it", "auto" LANG_WORDS },
	{ "history_max",	K_INT,	S(history_max),	"1000", 10, 1000000,
	  "audit entries kept", NULL },
	{ "nsupdate_program", K_SHELL, S(nsupdate), "/usr/bin/nsupdate", 0, 0,
	  "the program ddclient runs for nsupdate hosts (ddclient runs it "
	  "through a shell: letters, digits and / . _ - only)", NULL },
	{ "nsupdate_keydir",	K_SHELL, S(nsupdate_keydir), "/etc/ddns-admin/keys", 0, 0,
	  "where ddns-apply writes the TSIG key files (0700, its own)", NULL },
	{ "page_hosts",		K_HOSTS, S(page_hosts),	NULL, 0, 0,
	  "host names the page is served under, name[:port], space-separated, "
	  "for the Origin check (the server's own address and port are always "
	  "accepted)", NULL },
	{ "status_copy",	K_BOOL,	S(status_copy),	"no", 0, 0,
	  "yes when ddclient runs as root and keeps its cache to itself: "
	  "ddns-apply copies the state the list page shows into "
	  "apply_dir/ddclient.status after every save and, as ddclient's "
	  "postscript, after every update pass", NULL },
	{ "dnscheck",		K_CMD,	S(dnscheck),	DEFAULT_BINDIR "/ddns-dnscheck", 0, 0,
	  "command that asks DNS what each host's name resolves to", NULL },
	{ "dns_check",		K_DNSMODE, S(dns_check), "authoritative", 0, 0,
	  "how ddns-dnscheck asks: authoritative (from the root servers to "
	  "the zone's own, no forwarder), resolver ADDRESS[@PORT] (one named "
	  "resolver: the answer may be cached) or off", NULL },
	{ "dns_stub",		K_DNSSTUB, S(dns_stub),	NULL, 0, 0,
	  "ZONE ADDRESS[@PORT]: ask that server directly for names in ZONE, "
	  "unsigned (a local authority; the tests' named)", NULL },
	{ "dns_trust_anchor",	K_PATHOPT, S(dns_trust_anchor), "/usr/share/dns/root.key", 0, 0,
	  "the DNSSEC root trust anchor ddns-dnscheck validates with, or "
	  "none (every answer then unchecked)", NULL },
	{ "dns_timeout",	K_INT,	S(dns_timeout),	"10", 1, 120,
	  "seconds ddns-dnscheck may take in all; a name not answered by "
	  "then could not be checked", NULL },
	{ "dns_interval",	K_INT,	S(dns_interval), "300", 60, 86400,
	  "seconds before the list page checks DNS again", NULL },
	{ "attempts_per_host",	K_INT,	S(attempts_per_host), "20", 1, ATT_PER_HOST_MAX,
	  "update attempts kept per host and address family (apply_dir/attempts, "
	  "the host page's timeline); the DNS verdict changes (state_dir/dns.log) "
	  "likewise", NULL },
	{ "attempts_max",	K_INT,	S(attempts_max), "5000", 1, ATT_ALL_MAX,
	  "update attempts kept in all, the newest; the DNS verdict changes "
	  "likewise", NULL },
	{ "sources",		K_SOURCES, S(sources),	NULL, 0, 0,
	  "named address sources (multi-WAN), space-separated, the first the "
	  "default; each defined by the source.NAME lines below, before "
	  "which it comes. Unset: one global detection (ddclient_use*)", NULL },
	{ "source.NAME.v4",	K_SRCFAM, 0,		NULL, 0, 0,
	  "how source NAME learns its IPv4 address: if IFACE, web URL, cmd "
	  "/PATH (root's program, not writable by others, no link) or none",
	  NULL },
	{ "source.NAME.v6",	K_SRCFAM, 1,		NULL, 0, 0,
	  "the same for its IPv6 address (unset: none)", NULL },
	{ "source.NAME.label.LANG", K_SRCLABEL, 0,	NULL, 0, 0,
	  "the name the form shows for source NAME in language LANG (en, it)",
	  NULL },
};
#undef S
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

const char *
conf_path(void)
{
	const char *p = getenv("DDNS_ADMIN_CONFIG");

	return (p && *p) ? p : DEFAULT_CONFIG;
}

int
conf_split_cmd(const char *cmd, char *buf, char **argv, struct dd_err *e)
{
	char *p, *save = NULL;
	size_t len = strlen(cmd);
	int n = 0;

	if (len >= CONF_CMD_SZ)
		return dd_failf(e, DD_ECONF, NULL, "is longer than %d bytes",
		    CONF_CMD_SZ - 1);
	memcpy(buf, cmd, len + 1);
	for (p = strtok_r(buf, " \t", &save); p != NULL;
	    p = strtok_r(NULL, " \t", &save)) {
		if (n == CONF_CMD_WORDS)
			return dd_failf(e, DD_ECONF, NULL, "has more than %d "
			    "words, the most a command may have", CONF_CMD_WORDS);
		argv[n++] = p;
	}
	argv[n] = NULL;
	if (n == 0)
		return dd_failf(e, DD_ECONF, NULL, "must not be empty");
	if (argv[0][0] != '/')
		return dd_failf(e, DD_ECONF, NULL, "must begin with the absolute "
		    "path of the program (it is run without a shell or a PATH "
		    "search)");
	return n;
}

/* A command must split whole, exactly as run.c will split it. */
static int
check_cmd(const struct key *k, const char *v, const char *where,
    struct dd_err *e)
{
	char buf[CONF_CMD_SZ], *argv[CONF_CMD_WORDS + 1];
	struct dd_err why;

	if (conf_split_cmd(v, buf, argv, &why) == -1)
		return dd_failf(e, DD_ECONF, k->name, "%s: %s %s", where,
		    k->name, why.msg);
	return 0;
}

static int
check_hosts(const struct key *k, const char *v, const char *where,
    struct dd_err *e)
{
	struct dd_err why;

	if (origin_hosts_check(v, &why) == -1)
		return dd_failf(e, DD_ECONF, k->name, "%s: %s %s", where,
		    k->name, why.msg);
	return 0;
}

/* word_in: 1 if v is one of the space-separated words of list. */
static int
word_in(const char *v, const char *list)
{
	size_t n = strlen(v);
	const char *p;

	for (p = list; n > 0 && (p = strstr(p, v)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

/* check_providers: v is provider ids separated by spaces, each known. */
static int
check_providers(const struct key *k, const char *v, const char *where,
    struct dd_err *e)
{
	char id[PROVIDER_SZ];
	size_t n;

	for (v += strspn(v, " \t"); *v; v += strspn(v, " \t")) {
		n = strcspn(v, " \t");
		if (n >= sizeof(id) || (memcpy(id, v, n), id[n] = '\0',
		    prov_find(id) == NULL))
			return dd_failf(e, DD_ECONF, k->name, "%s: %s names "
			    "'%.*s', which is no provider id (README: Providers)",
			    where, k->name, utf8_cut(v, n > 40 ? 40 : n), v);
		v += n;
	}
	return 0;
}

/* check_dns: dns_check's or dns_stub's value, as dnsstate.c reads it. */
static int
check_dns(const struct key *k, const char *v, const char *where,
    struct dd_err *e)
{
	char zone[HOSTNAME_SZ], server[DNS_SERVER_SZ];
	enum dnsmode mode;
	const char *why;
	int rc;

	rc = k->type == K_DNSMODE ?
	    dnsstate_mode(v, &mode, server, sizeof(server), &why) :
	    dnsstate_stub(v, zone, sizeof(zone), server, sizeof(server), &why);
	if (rc == -1)
		return dd_failf(e, DD_ECONF, k->name, "%s: %s %s", where,
		    k->name, why);
	return 0;
}

int
conf_plain_http_ok(const struct conf *c, const char *provider)
{
	const char *v = c->plain_http;
	size_t n, len = strlen(provider);

	for (; v != NULL && *v; v += n) {
		v += strspn(v, " \t");
		n = strcspn(v, " \t");
		if (n == len && strncmp(v, provider, n) == 0)
			return 1;
	}
	return 0;
}

/* check_sources: v is 1 to SOURCE_MAX distinct source names; each becomes
 * a source of c, in order, none of its families yet (source_line). */
static int
check_sources(struct conf *c, const struct key *k, const char *v,
    const char *where, struct dd_err *e)
{
	char name[SOURCE_NAME_SZ + 1];
	size_t n, i;

	memset(c->src, 0, sizeof(c->src));
	c->nsrc = 0;
	for (v += strspn(v, " \t"); *v; v += strspn(v, " \t")) {
		n = strcspn(v, " \t");
		snprintf(name, sizeof(name), "%.*s", (int)(n < SOURCE_NAME_SZ ?
		    n : SOURCE_NAME_SZ), v);
		if (n >= SOURCE_NAME_SZ || !source_name_ok(name))
			return dd_failf(e, DD_ECONF, k->name, "%s: %s: '%.*s' is "
			    "no source name (1 to %d of a-z 0-9 _ -)", where,
			    k->name, utf8_cut(v, n > 40 ? 40 : n), v,
			    SOURCE_NAME_SZ - 1);
		for (i = 0; i < c->nsrc; i++)
			if (strcmp(c->src[i].name, name) == 0)
				return dd_failf(e, DD_ECONF, k->name, "%s: %s "
				    "names %s twice", where, k->name, name);
		if (c->nsrc == SOURCE_MAX)
			return dd_failf(e, DD_ECONF, k->name, "%s: %s names "
			    "more than %d sources", where, k->name, SOURCE_MAX);
		memcpy(c->src[c->nsrc++].name, name, strlen(name) + 1);
		v += n;
	}
	if (c->nsrc == 0)
		return dd_failf(e, DD_ECONF, k->name, "%s: %s must name a "
		    "source", where, k->name);
	return 0;
}

const struct source *
conf_source(const struct conf *c, const char *name)
{
	size_t i;

	if (c->nsrc == 0)
		return NULL;
	if (*name == '\0')
		return &c->src[0];
	for (i = 0; i < c->nsrc; i++)
		if (strcmp(c->src[i].name, name) == 0)
			return &c->src[i];
	return NULL;
}

/*
 * source_line: a line source.NAME.v4, .v6 or .label.LANG = v, for a source
 * that sources named before. A family's value that source_parse refuses
 * refuses the source (its hosts are not written, with the reason), not
 * the configuration; a repeated or unknown key, or an unnamed source, is
 * an error of the file.
 */
static int
source_line(struct conf *c, const char *name, const char *v,
    const char *where, unsigned *seen, struct dd_err *e)
{
	const char *dot, *rest, *lang;
	struct source *src = NULL;
	size_t i, n;
	unsigned bit;
	int fam = -1;
	enum msg_id why;

	dot = strchr(name + 7, '.');
	n = dot ? (size_t)(dot - (name + 7)) : 0;
	for (i = 0; dot != NULL && i < c->nsrc; i++)
		if (strlen(c->src[i].name) == n &&
		    strncmp(c->src[i].name, name + 7, n) == 0)
			src = &c->src[i];
	if (src == NULL)
		return dd_failf(e, DD_ECONF, "sources", "%s: %.*s names no "
		    "source of a sources line above it", where,
		    utf8_cut(name, 60), name);
	rest = dot + 1;
	if (strcmp(rest, "v4") == 0 || strcmp(rest, "v6") == 0) {
		fam = rest[1] == '6';
		bit = 1u << fam;
	} else if (strncmp(rest, "label.", 6) == 0 &&
	    lang_find(lang = rest + 6) >= 0) {
		i = (size_t)lang_find(lang);
		bit = 4u << i;
	} else
		return dd_failf(e, DD_ECONF, "sources", "%s: unknown key "
		    "'%.*s' (source.NAME.v4, .v6 or .label.en, .label.it)",
		    where, utf8_cut(name, 60), name);
	if (seen[src - c->src] & bit)
		return dd_failf(e, DD_ECONF, "sources", "%s: %s is set twice",
		    where, name);
	seen[src - c->src] |= bit;
	if (fam == -1) {
		if (*v == '\0' || strlen(v) >= SOURCE_LABEL_SZ)
			return dd_failf(e, DD_ECONF, "sources", "%s: %s must "
			    "be 1 to %d bytes", where, name,
			    SOURCE_LABEL_SZ - 1);
		memcpy(src->label[i], v, strlen(v) + 1);
		return 0;
	}
	if (source_parse(v, &src->fam[fam], &why) == -1 &&
	    src->why == MSG_none) {
		src->why = why;
		snprintf(src->where, sizeof(src->where), "%s", where);
	}
	return 0;
}

/* sources_done: a source with neither family is refused (MSG_src_empty);
 * a web check bound to an interface is reached through its helper link,
 * <apply_dir>/source/NAME.v4 or .v6 (source.h). */
static void
sources_done(struct conf *c)
{
	static const char *const ext[2] = { "v4", "v6" };
	struct source_fam *f;
	size_t i, k;

	for (i = 0; i < c->nsrc; i++) {
		if (c->src[i].why == MSG_none &&
		    c->src[i].fam[0].kind == SRC_NONE &&
		    c->src[i].fam[1].kind == SRC_NONE)
			c->src[i].why = MSG_src_empty;
		for (k = 0; k < 2; k++) {
			f = &c->src[i].fam[k];
			if (f->kind == SRC_WEB && *f->iface &&
			    (size_t)snprintf(f->helper, sizeof(f->helper),
			    "%s/source/%s.%s", c->apply_dir ? c->apply_dir : "",
			    c->src[i].name, ext[k]) >= sizeof(f->helper))
				c->src[i].why = MSG_src_url;
		}
	}
}

static int
set_key(struct conf *c, const struct key *k, const char *v, const char *where,
    struct dd_err *e)
{
	void *slot = (char *)c + k->off;
	long long n;
	char **sp;

	/* Values land in ddclient's file or in argv: what ddclient's
	 * configuration cannot carry is refused here too. */
	if (!ddconf_carriable(v))
		return dd_failf(e, DD_ECONF, k->name,
		    "%s: %s holds a control character or '#'", where, k->name);
	switch (k->type) {
	case K_INT:
		if (num_parse(v, k->min, k->max, &n) == -1)
			return dd_failf(e, DD_ECONF, k->name,
			    "%s: %s must be a number from %lld to %lld", where,
			    k->name, k->min, k->max);
		*(long long *)slot = n;
		return 0;
	case K_BOOL:
		if (strcmp(v, "yes") && strcmp(v, "no"))
			return dd_failf(e, DD_ECONF, k->name,
			    "%s: %s must be yes or no", where, k->name);
		*(int *)slot = strcmp(v, "yes") == 0;
		return 0;
	case K_SHELL:
		if (v[0] != '/' || strspn(v, SHELL_SAFE) != strlen(v) ||
		    strstr(v, "/../") != NULL)
			return dd_failf(e, DD_ECONF, k->name,
			    "%s: %s must be an absolute path of letters, digits "
			    "and / . _ - only (ddclient runs it through a shell)",
			    where, k->name);
		break;
	case K_PATH:
		if (v[0] != '/')
			return dd_failf(e, DD_ECONF, k->name,
			    "%s: %s must be an absolute path", where, k->name);
		break;
	case K_DNSMODE:
	case K_DNSSTUB:
		if (check_dns(k, v, where, e) == -1)
			return -1;
		break;
	case K_PATHOPT:
	case K_URLOPT:
		if (strcmp(v, "none") == 0) {
			sp = slot;
			free(*sp);
			*sp = NULL;
			return 0;
		}
		/* FALLTHROUGH */
	case K_URL:
		if (k->type == K_PATHOPT) {
			if (v[0] != '/')
				return dd_failf(e, DD_ECONF, k->name, "%s: %s "
				    "must be an absolute path, or none", where,
				    k->name);
			break;
		}
		if (strncmp(v, "http://", 7) && strncmp(v, "https://", 8))
			return dd_failf(e, DD_ECONF, k->name,
			    "%s: %s must be an http:// or https:// URL%s", where,
			    k->name, k->type == K_URLOPT ? ", or none" : "");
		break;
	case K_CMD:
		if (check_cmd(k, v, where, e) == -1)
			return -1;
		break;
	case K_HOSTS:
		if (check_hosts(k, v, where, e) == -1)
			return -1;
		break;
	case K_PROVIDERS:
		if (check_providers(k, v, where, e) == -1)
			return -1;
		break;
	case K_CHOICE:
		if (!word_in(v, k->choices))
			return dd_failf(e, DD_ECONF, k->name,
			    "%s: %s must be one of: %s", where, k->name,
			    k->choices);
		break;
	case K_SOURCES:
		if (check_sources(c, k, v, where, e) == -1)
			return -1;
		break;
	case K_SRCFAM:
	case K_SRCLABEL:
		return dd_failf(e, DD_ECONF, k->name, "%s: %s is a pattern: "
		    "name a source", where, k->name);
	case K_STR:
		if (*v == '\0')
			return dd_failf(e, DD_ECONF, k->name,
			    "%s: %s must not be empty", where, k->name);
		break;
	}
	sp = slot;
	free(*sp);
	if ((*sp = strdup(v)) == NULL)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	return 0;
}

static const struct key *
find_key(const char *name)
{
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

static char *
trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

/* parse_line: one line of the file; seen[] catches repeated keys, and
 * sseen[] repeated source.NAME keys (a bit each). */
static int
parse_line(struct conf *c, char *line, const char *where, unsigned char *seen,
    unsigned *sseen, struct dd_err *e)
{
	const struct key *k;
	char *eq, *name, *val;

	name = trim(line);
	if (*name == '\0' || *name == '#')
		return 0;
	if ((eq = strchr(name, '=')) == NULL)
		return dd_failf(e, DD_ECONF, NULL, "%s: expected key = value",
		    where);
	*eq = '\0';
	name = trim(name);
	val = trim(eq + 1);
	if (strncmp(name, "source.", 7) == 0) {
		if (!ddconf_carriable(val))
			return dd_failf(e, DD_ECONF, "sources", "%s: %.*s holds "
			    "a control character or '#'", where,
			    utf8_cut(name, 60), name);
		return source_line(c, name, val, where, sseen, e);
	}
	if ((k = find_key(name)) == NULL)
		return dd_failf(e, DD_ECONF, NULL, "%s: unknown key '%.*s'",
		    where, utf8_cut(name, 40), name);
	if (seen[k - keys]++)
		return dd_failf(e, DD_ECONF, k->name, "%s: %s is set twice",
		    where, k->name);
	return set_key(c, k, val, where, e);
}

int
conf_load(struct conf *c, const char *path, struct dd_err *e)
{
	unsigned char seen[NKEYS] = { 0 };
	unsigned sseen[SOURCE_MAX] = { 0 };
	char line[1024], where[300];
	unsigned lineno = 0;
	size_t i;
	FILE *f;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < NKEYS; i++)
		if (keys[i].def != NULL &&
		    set_key(c, &keys[i], keys[i].def, "default", e) == -1)
			return -1;
	if (path == NULL)
		return 0;
	if ((f = fopen(path, "re")) == NULL)
		return dd_failf(e, DD_ESYS, NULL, "cannot open %s: %s", path,
		    strerror(errno));
	while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		snprintf(where, sizeof(where), "%s line %u", path, lineno);
		if (strchr(line, '\n') == NULL && !feof(f))
			rc = dd_failf(e, DD_ECONF, NULL, "%s: line too long", where);
		else
			rc = parse_line(c, line, where, seen, sseen, e);
	}
	if (rc == 0 && ferror(f))
		rc = dd_failf(e, DD_ESYS, NULL, "cannot read %s", path);
	fclose(f);
	sources_done(c);
	return rc;
}

void
conf_free(struct conf *c)
{
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (keys[i].type != K_INT && keys[i].type != K_BOOL &&
		    keys[i].type != K_SRCFAM && keys[i].type != K_SRCLABEL)
			free(*(char **)((char *)c + keys[i].off));
	memset(c, 0, sizeof(*c));
}

const char *
conf_key_doc(size_t i, const char **def, const char **help)
{
	if (i >= NKEYS)
		return NULL;
	*def = keys[i].def;
	*help = keys[i].help;
	return keys[i].name;
}

int
conf_example(FILE *out)
{
	size_t i;

	fprintf(out, "# %s: ddns-admin's module configuration.\n"
	    "# Lines \"key = value\"; a missing key takes the default shown "
	    "here.\n# Generated by make from the key table of backend/conf.c.\n",
	    DEFAULT_CONFIG);
	for (i = 0; i < NKEYS; i++) {
		fprintf(out, "\n# %s", keys[i].help);
		if (keys[i].type == K_INT)
			fprintf(out, " (%lld..%lld)", keys[i].min, keys[i].max);
		/* A key without a default is shown commented out. */
		if (keys[i].def == NULL)
			fprintf(out, "\n#%s =\n", keys[i].name);
		else
			fprintf(out, "\n%s = %s\n", keys[i].name, keys[i].def);
	}
	return ferror(out) ? -1 : 0;
}

/* fuzz_ddconf.c: libFuzzer harness for the ddclient config renderer
 * (ddconf_render, backend/ddconf.h), fed only with what val_host accepts,
 * exactly as the CGI stores rows.
 *
 * Input: byte 0 gives the number of hosts (1-4); the rest is split on
 * '\0' into tokens, NHTOK per host:
 *   control   c0: provider prov_at(c0 % (n+1)), n+1 meaning an unknown id;
 *             c1: protocol proto_at(c1 % (m+1)), m+1 meaning the token below;
 *             c2: bit 0 an old row (Modify), bit 1 the old row's enabled,
 *                 bit 2 an empty password (keep the old one)
 *   hostname, description, login, password, mx, server, zone,
 *   protocol text, old password
 * Missing tokens are empty. Hosts val_host refuses are left out.
 *
 * Invariants (abort() when one breaks):
 *   - ddconf_render succeeds for every host val_host accepted;
 *   - the output holds no NUL and ends with a newline;
 *   - every line is a comment, a global (daemon= ssl= use= pid= cache=,
 *     before the first host), empty, a `key=value, \` option line with
 *     key protocol/server/login/password/zone/mx, or a bare hostname line
 *     that ends a block and equals the next accepted, enabled hostname;
 *   - a continued line is followed by an option or the hostname line;
 *   - each value reads back, by ddclient's rules (a '\' escapes the next
 *     byte; the password is raw between the first and the last '), as the
 *     stored text, and every unescaped byte of a value is a plain one;
 *   - no line but the password's holds '#', or matches ddclient's
 *     password regex; the password line matches it only as a whole
 *     (a "password=" inside the password would let the rest of the line
 *     be read as options: server=, login=, protocol=...);
 *   - the password is there exactly when the provider takes one. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"
#include "ddconf.h"
#include "err.h"
#include "host.h"
#include "providers.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXHOSTS 4
enum { T_CTL, T_HOST, T_DESC, T_LOGIN, T_PW, T_MX, T_SERVER, T_ZONE,
    T_PROTO, T_OLDPW, NHTOK };

#define CHECK(x) do { if (!(x)) { fprintf(stderr, "fuzz_ddconf: invariant " \
    "broken at line %d: %s\n", __LINE__, #x); abort(); } } while (0)

static const char plain[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    "0123456789._:@/-";

/* The token t of the input, or "". */
static const char *
tok(char **toks, size_t ntoks, size_t t)
{
	return t < ntoks ? toks[t] : "";
}

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Does ddclient 3.10's password regex (ddclient line 1504)
 *   ^([^#]*\s)?([^#]*?password\S*?)\s*=\s*('.*'|[^']\S*)(.*)
 * match l with its head group ending at l + from (0: no head)? */
static int
password_re_at(const char *l, size_t from)
{
	const char *p = l + from, *q, *r;

	for (; (p = strstr(p, "password")) != NULL; p++) {
		if (memchr(l + from, '#', (size_t)(p - (l + from))) != NULL)
			return 0;	/* [^#]*? cannot pass a '#' */
		/* \S*? then \s* then '=', then a value of one byte or more. */
		for (q = p + 8; ; q++) {
			for (r = q; blank(*r); r++)
				;
			if (*r == '=') {
				r++;
				if (blank(*r) || (*r != '\0' && *r != '\'') ||
				    (*r == '\'' && strchr(r + 1, '\'') != NULL))
					return 1;
			}
			if (*q == '\0' || blank(*q))
				break;
		}
	}
	return 0;
}

/* A line that is not the password's: the regex must not fire at all. */
static int
password_trap(const char *l)
{
	return password_re_at(l, 0);
}

/* The password line: the regex must take it with no head (Perl tries the
 * longest head first), so that the key is "password" and the value the
 * whole quoted text; any head means the password rewrites the line. */
static int
password_hijack(const char *l)
{
	size_t i;

	for (i = 0; l[i] != '\0' && l[i] != '#'; i++)
		if (blank(l[i]) && password_re_at(l, i + 1))
			return 1;
	return 0;
}

/* Decode an escaped value (ddclient's parse_assignment) of the option line
 * l after "key=", which must end in ", \"; compare it with want. */
static void
check_value(const char *v, const char *want)
{
	size_t n = strlen(v), i, o = 0;
	char *dec;

	CHECK(n >= 3 && strcmp(v + n - 3, ", \\") == 0);
	n -= 3;
	dec = malloc(n + 1);
	CHECK(dec != NULL);
	for (i = 0; i < n; i++) {
		if (v[i] == '\\') {
			CHECK(i + 1 < n);	/* no escape of the ", \" */
			dec[o++] = v[++i];
		} else {
			CHECK(strchr(plain, v[i]) != NULL);
			dec[o++] = v[i];
		}
	}
	dec[o] = '\0';
	CHECK(strcmp(dec, want) == 0);
	free(dec);
}

static struct conf c;
static char keyfile[4096];

/* What the option key of host h should carry ("" when absent). */
static const char *
expected(const struct host *h, const char *key)
{
	const struct provider *p = prov_find(h->provider);
	unsigned fl = prov_flags(p, h->protocol);
	const char *s;

	/* nsupdate: the program and key file of the module configuration. */
	if ((fl & PF_TSIG) && strcmp(key, "login") == 0)
		return c.nsupdate;
	if ((fl & PF_TSIG) && strcmp(key, "password") == 0) {
		CHECK(ddconf_keyfile(&c, h, keyfile, sizeof(keyfile)) == 0);
		return keyfile;
	}
	if (strcmp(key, "protocol") == 0)
		return prov_protocol(p, h->protocol);
	if (strcmp(key, "server") == 0) {
		s = (fl & PF_SERVER) ? h->server : p->server;
		return s ? s : "";
	}
	/* the preset's own path on its server (LoopiaDNS), never a field;
	 * per family where the preset has one (deSEC's "preserve") */
	if (strcmp(key, "script") == 0) {
		if (fl & PF_SERVER)
			return "";
		if (strcmp(h->family, "ipv4") == 0 && p->script_v4 != NULL)
			return p->script_v4;
		if (strcmp(h->family, "ipv6") == 0 && p->script_v6 != NULL)
			return p->script_v6;
		return p->script ? p->script : "";
	}
	if (strcmp(key, "login") == 0)
		return (fl & (PF_LOGIN | PF_LOGIN_OPT)) ? h->login : "";
	if (strcmp(key, "password") == 0)
		return (fl & PF_PASSWORD) ? h->password : "";
	if (strcmp(key, "zone") == 0)
		return (fl & (PF_ZONE | PF_ZONE_OPT)) ? h->zone : "";
	if (strcmp(key, "mx") == 0)
		return (fl & PF_MX) ? h->mx : "";
	/* backmx= goes out beside an mx only (rendered for 3.10 here, so
	 * never the 3.11 dual host's grouping backupmx) */
	if (strcmp(key, "backupmx") == 0)
		return (fl & PF_MX) && *h->mx && *h->backupmx ? "yes" : "";
	if (strcmp(key, "wildcard") == 0)
		return (fl & PF_WILDCARD) && *h->wildcard ? "yes" : "";
	abort();
}

static const char *const optkeys[] = {
	"protocol", "server", "script", "login", "password", "zone", "mx",
	"backupmx", "wildcard",
};
#define NOPT (sizeof(optkeys) / sizeof(optkeys[0]))
static const char *const globals[] = {
	"daemon=", "ssl=", "use=", "usev6=", "pid=", "cache=",
};
#define NGLOB (sizeof(globals) / sizeof(globals[0]))

/* The detection line an IPv6 host gets on 3.10 (the harness renders for
 * 3.10): the integrator's usev6 in 3.10's words, never a field. */
static void
check_use_line(const char *l, const struct host *h)
{
	struct buf want = { 0 };

	CHECK(strcmp(h->family, "ipv6") == 0);
	buf_puts(&want, "use=");
	CHECK(ddconf_use_of_usev6(c.ddclient_usev6, &want) == 0);
	buf_puts(&want, ", \\");
	CHECK(strcmp(l, want.p) == 0);
	buf_free(&want);
}

static void
check_output(const struct buf *out, const struct host *h, size_t n)
{
	char *text, *l, *nl;
	size_t next = 0, i, k, len;
	int in_block = 0, seen_host = 0, seen[NOPT] = { 0 }, seen_use = 0;
	const char *v;

	CHECK(out->len > 0 && out->p != NULL);
	CHECK(memchr(out->p, '\0', out->len) == NULL);
	CHECK(out->p[out->len] == '\0');
	CHECK(out->p[out->len - 1] == '\n');
	text = strdup(out->p);
	CHECK(text != NULL);
	for (l = text; *l; l = nl + 1) {
		nl = strchr(l, '\n');
		CHECK(nl != NULL);
		*nl = '\0';
		len = strlen(l);
		CHECK(strchr(l, '\r') == NULL);
		if (!in_block && (len == 0 || l[0] == '#'))
			continue;
		if (!in_block && !seen_host) {
			for (i = 0; i < NGLOB; i++)
				if (strncmp(l, globals[i], strlen(globals[i])) == 0)
					break;
			if (i < NGLOB) {
				CHECK(l[len - 1] != '\\');
				CHECK(strchr(l, '#') == NULL);
				continue;
			}
		}
		if (in_block && strncmp(l, "use=", 4) == 0) {
			CHECK(!seen_use);
			check_use_line(l, &h[next]);
			seen_use = 1;
			continue;
		}
		/* An option line? */
		for (k = 0; k < NOPT; k++)
			if (strncmp(l, optkeys[k], strlen(optkeys[k])) == 0 &&
			    l[strlen(optkeys[k])] == '=')
				break;
		if (k < NOPT) {
			CHECK(next < n);
			if (!in_block) {
				CHECK(k == 0);	/* protocol first */
				memset(seen, 0, sizeof(seen));
			}
			in_block = 1;
			seen_host = 1;
			CHECK(!seen[k]);
			seen[k] = 1;
			v = l + strlen(optkeys[k]) + 1;
			if (strcmp(optkeys[k], "password") == 0) {
				CHECK(len >= 14 && v[0] == '\'' &&
				    strcmp(l + len - 4, "', \\") == 0);
				CHECK(strlen(h[next].password) == len - 14);
				CHECK(memcmp(v + 1, h[next].password,
				    len - 14) == 0);
				CHECK(!password_hijack(l));
			} else {
				CHECK(strchr(l, '#') == NULL);
				CHECK(!password_trap(l));
				check_value(v, expected(&h[next], optkeys[k]));
			}
			continue;
		}
		/* Otherwise the hostname line that ends the block. */
		CHECK(in_block && next < n);
		CHECK(strcmp(l, h[next].hostname) == 0);
		CHECK(strchr(l, '#') == NULL && !password_trap(l));
		for (k = 0; k < NOPT; k++)
			CHECK(seen[k] == (*expected(&h[next], optkeys[k]) != '\0'));
		CHECK(seen_use == (strcmp(h[next].family, "ipv6") == 0));
		seen_use = 0;
		in_block = 0;
		next++;
	}
	CHECK(!in_block && next == n);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct host *hosts, *old, *out;
	const struct provider *p;
	const struct protocol *pr;
	struct dd_err *why;
	const char *in[HF__MAX];
	char *copy, *toks[MAXHOSTS * NHTOK], **t;
	char pid[] = "/run/ddclient.pid", cache[] = "/var/cache/ddclient/ddclient.cache";
	char use[] = "web, web=ipify-ipv4";
	char nsupdate[] = "/usr/bin/nsupdate", keydir[] = "/etc/ddns-admin/keys";
	char usev4[] = "webv4, webv4=ipify-ipv4", usev6[] = "webv6, webv6=ipify-ipv6";
	const unsigned char *ctl;
	size_t nhosts, ntoks = 0, i, nt, len, nacc = 0, nen = 0;
	struct buf b = { 0 };
	struct dd_err e;

	if (size < 1)
		return 0;
	nhosts = 1 + (data[0] & 3);
	if ((copy = malloc(size)) == NULL)
		return 0;
	memcpy(copy, data + 1, size - 1);
	copy[size - 1] = '\0';
	for (i = 0, toks[ntoks++] = copy; i < size - 1 &&
	    ntoks < MAXHOSTS * NHTOK; i++)
		if (copy[i] == '\0')
			toks[ntoks++] = copy + i + 1;

	hosts = calloc(MAXHOSTS, sizeof(*hosts));
	out = calloc(MAXHOSTS, sizeof(*out));
	old = calloc(1, sizeof(*old));
	why = malloc(HF__MAX * sizeof(*why));
	CHECK(hosts && out && old && why);
	for (i = 0; i < nhosts; i++) {
		t = toks + i * NHTOK;
		nt = ntoks > i * NHTOK ? ntoks - i * NHTOK : 0;
		ctl = (const unsigned char *)tok(t, nt, T_CTL);
		len = strlen((const char *)ctl);
		p = prov_at((len > 0 ? ctl[0] : 0) % (prov_count() + 1));
		pr = proto_at((len > 1 ? ctl[1] : 0) % (proto_count() + 1));
		memset(in, 0, sizeof(in));	/* NULL is "" for val_host */
		in[HF_FAMILY] = host_family_at((len > 2 ? ctl[2] >> 4 : 0) % 4);
		in[HF_WILDCARD] = len > 2 && (ctl[2] & 0x40) ? "yes" : "";
		in[HF_BACKUPMX] = len > 2 && (ctl[2] & 0x80) ? "yes" : "";
		in[HF_HOSTNAME] = tok(t, nt, T_HOST);
		in[HF_DESCRIPTION] = tok(t, nt, T_DESC);
		in[HF_LOGIN] = tok(t, nt, T_LOGIN);
		in[HF_PASSWORD] = tok(t, nt, T_PW);
		in[HF_MX] = tok(t, nt, T_MX);
		in[HF_PROVIDER] = p ? p->id : "nosuch";
		in[HF_SERVER] = tok(t, nt, T_SERVER);
		in[HF_PROTOCOL] = pr ? pr->name : tok(t, nt, T_PROTO);
		in[HF_ZONE] = tok(t, nt, T_ZONE);
		in[HF_ALGORITHM] = len > 1 && (ctl[1] & 0x80) ? "" : "hmac-sha256";
		if (p == NULL || !(prov_flags(p, in[HF_PROTOCOL]) & PF_TSIG))
			in[HF_ALGORITHM] = "";
		/* Only Custom takes a protocol; give the others none mostly. */
		if (p != NULL && !(p->flags & PF_PROTOCOL) && !(len > 2 &&
		    (ctl[2] & 8)))
			in[HF_PROTOCOL] = "";
		memset(old, 0, sizeof(*old));
		if (len > 2 && (ctl[2] & 1)) {
			old->id = (long long)i + 1;
			old->enabled = (ctl[2] & 2) != 0;
			snprintf(old->password, sizeof(old->password), "%s",
			    tok(t, nt, T_OLDPW));
			if (ctl[2] & 4)
				in[HF_PASSWORD] = "";
		}
		if (val_host(in, old->id ? old : NULL, DDV_310, &hosts[i], why) == 0)
			out[nacc++] = hosts[i];
	}
	/* The enabled ones, in order, are what the output must show. */
	for (i = 0; i < nacc; i++)
		if (out[i].enabled)
			hosts[nen++] = out[i];

	memset(&c, 0, sizeof(c));
	c.ddclient_pid = pid;
	c.ddclient_cache = cache;
	c.ddclient_use = use;
	c.ddclient_ssl = data[0] & 4 ? 1 : 0;
	c.ddclient_daemon = 300;
	c.ddclient_usev4 = usev4;
	c.ddclient_usev6 = usev6;
	c.nsupdate = nsupdate;
	c.nsupdate_keydir = keydir;
	memset(&e, 0, sizeof(e));
	if (ddconf_render(&c, DDV_310, out, nacc, &b, &e) != 0) {
		fprintf(stderr, "fuzz_ddconf: render refused an accepted host: "
		    "%s: %s\n", e.field, e.msg);
		abort();
	}
	check_output(&b, hosts, nen);
	buf_free(&b);
	free(why);
	free(old);
	free(out);
	free(hosts);
	free(copy);
	return 0;
}

/* ddconf.c: the ddclient configuration renderer: what each ddclient
 * version reads, written so that a value can only ever be a value (README,
 * "What is written where"; doc/DESIGN.md, section 3). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ddconf.h"
#include "ddver.h"
#include "import.h"
#include "providers.h"
#include "validate.h"

/* Bytes a ddclient value may carry unescaped; every other gets a '\'. */
static const char safe[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    "0123456789._:@/-";

/* key=escaped-value followed by end (the rest of the line). */
static int
put_value(struct buf *out, const char *key, const char *v, const char *end,
    struct dd_err *e)
{
	const char *p;

	if (!ddconf_carriable(v))
		return dd_failf(e, DD_EINVAL, key, "%s holds a character that "
		    "ddclient's configuration cannot carry", key);
	buf_printf(out, "%s=", key);
	for (p = v; *p; p++) {
		/* ddclient takes any "password...=" of a raw line for its
		 * password; "pa\ssword" reads back the same and is not one. */
		if (strchr(safe, *p) == NULL ||
		    (p - v >= 2 && strncmp(p - 2, "password", 8) == 0))
			buf_add(out, "\\", 1);
		buf_add(out, p, 1);
	}
	return buf_puts(out, end);
}

/* One option of a host block: its own line, continued. */
#define OPT(out, key, v, e) put_value(out, key, v, ", \\\n", e)

/* put_text: key=value of a host block (DDO_TEXT), escaped. */
static int
put_text(struct buf *out, const char *key, const char *v, struct dd_err *e)
{
	return OPT(out, key, v, e);
}

/* put_secret: key='value' (DDO_SECRET), raw: ddclient's password. */
static int
put_secret(struct buf *out, const char *key, const char *v, struct dd_err *e)
{
	if (!ddconf_password_ok(v))
		return dd_failf(e, DD_EINVAL, key, "the %s cannot be carried by "
		    "ddclient's configuration", key);
	buf_printf(out, "%s='", key);
	buf_puts(out, v);
	return buf_puts(out, "', \\\n");
}

/* put_flag: key=yes for a checked box (DDO_FLAG; "" is not written). */
static int
put_flag(struct buf *out, const char *key, const char *v, struct dd_err *e)
{
	(void)v;
	return OPT(out, key, "yes", e);
}

/* The writer of each way host.h's ddclient column carries a field. */
static int (*const put_opt[])(struct buf *, const char *, const char *,
    struct dd_err *) = {
	[DDO_TEXT] = put_text, [DDO_SECRET] = put_secret, [DDO_FLAG] = put_flag,
};

int
ddconf_keyfile(const struct conf *c, const struct host *h, char *out,
    size_t outsz)
{
	/* The hostname is [a-z0-9.-] (validated): safe in a shell word. */
	if (strspn(h->hostname, "abcdefghijklmnopqrstuvwxyz0123456789.-") !=
	    strlen(h->hostname) || h->hostname[0] == '.' || h->hostname[0] == '\0')
		return -1;
	return snprintf(out, outsz, "%s/%s.key", c->nsupdate_keydir,
	    h->hostname) < (int)outsz ? 0 : -1;
}

int
ddconf_keytext(const struct host *h, struct buf *out)
{
	buf_printf(out, "key \"%s\" {\n\talgorithm %s;\n\tsecret \"%s\";\n};\n",
	    h->login, h->algorithm, h->password);
	return out->oom ? -1 : 0;
}

/* nsupdate: ddclient runs "$login -k $password" through a shell, so both
 * come from the module configuration, never from the row. */
static int
put_tsig(const struct conf *c, const struct host *h, struct buf *out,
    struct dd_err *e)
{
	char path[4096];

	if (ddconf_keyfile(c, h, path, sizeof(path)) == -1)
		return dd_failf(e, DD_EINVAL, "hostname", "bad hostname");
	if (OPT(out, "login", c->nsupdate, e) == -1)
		return -1;
	return put_secret(out, "password", path, e);
}

/* 3.10's use= strategies spelt as usev6= spells them, for an IPv6-only
 * host there (3.10's dyndns2 and most others send only what use= found). */
static const struct {
	const char	*v6;
	const char	*use;
} v6_words[] = {
	{ "webv6-skip", "web-skip" }, { "cmdv6-skip", "cmd-skip" },
	{ "webv6", "web" }, { "ifv6", "if" }, { "cmdv6", "cmd" },
	{ "ipv6", "ip" },
};

int
ddconf_use_of_usev6(const char *usev6, struct buf *out)
{
	const char *p = usev6;
	size_t i, n;

	while (*p) {
		for (i = 0; i < sizeof(v6_words) / sizeof(v6_words[0]); i++) {
			n = strlen(v6_words[i].v6);
			/* a word of its own: at the start or after ' ' or ',' */
			if ((p == usev6 || strchr(" ,", p[-1])) &&
			    strncmp(p, v6_words[i].v6, n) == 0 &&
			    strchr("=, ", p[n]) != NULL)
				break;
		}
		if (i < sizeof(v6_words) / sizeof(v6_words[0])) {
			buf_puts(out, v6_words[i].use);
			p += strlen(v6_words[i].v6);
		} else
			buf_add(out, p++, 1);
	}
	return out->oom ? -1 : 0;
}

/*
 * put_fam: key=WORD for how f learns its address, in the words of fam
 * (source_kind_word: -1 for 3.10's use=), and WORD=ARG for a kind that
 * has one; sep between the two, end after. Only the module
 * configuration's words: the row names the source, nothing more.
 */
static int
put_fam(struct buf *out, const char *key, const struct source_fam *f,
    int fam, const char *sep, const char *end, struct dd_err *e)
{
	/* A web check bound to an interface is the helper's to run. */
	int helper = f->kind == SRC_WEB && *f->iface;
	const char *w = source_kind_word(helper ? SRC_CMD : f->kind, fam);

	if (f->kind == SRC_NONE)
		return put_value(out, key, w, end, e);
	if (put_value(out, key, w, sep, e) == -1)
		return -1;
	return put_value(out, w, helper ? f->helper : f->arg, end, e);
}

#define HOST_END ", \\\n"

/*
 * put_source: the detection of a host that follows source s of the
 * module configuration, where the globals (render_globals, the first
 * source's) do not serve it. 3.11 reads usev4= and usev6= per host, with
 * ifv4=, webv4=, cmdv4= ...; 3.10 reads use= (if=, web=, cmd=) per host
 * but usev6= as a global only, so a dual host there follows the first
 * source (vet_source refuses it elsewhere; refused here too).
 */
static int
put_source(enum ddv v, const struct source *s, const struct host *h,
    struct buf *out, struct dd_err *e)
{
	static const struct source_fam off = { .kind = SRC_NONE };
	int v4 = (host_family_wants(h->family) & WANT_V4) != 0;
	int v6 = (host_family_wants(h->family) & WANT_V6) != 0;

	if (v == DDV_311)
		return put_fam(out, "usev4", v4 ? &s->fam[0] : &off, 0,
		    HOST_END, HOST_END, e) == -1 ||
		    put_fam(out, "usev6", v6 ? &s->fam[1] : &off, 1,
		    HOST_END, HOST_END, e) == -1 ? -1 : 0;
	if (v4 && v6)
		return dd_failf(e, DD_EINVAL, "source", "ddclient 3.10 reads "
		    "usev6 as a global only: %s must follow the first source",
		    h->hostname);
	return put_fam(out, "use", &s->fam[v6], -1, HOST_END, HOST_END, e);
}

/*
 * put_detection: how a host of its family learns its addresses, in the
 * words of version v; the integrator's text of the module configuration,
 * never the form's. 3.11 reads usev4= and usev6= per host: a host turns
 * off the family it does not want. 3.10 reads them as globals only, and
 * most of its protocols send only what use= found: an IPv6 host gets its
 * own use=, from ddclient_usev6 in 3.10's words (t0014 measured both).
 * With named sources (c->nsrc), a host on another source than the first,
 * or an IPv6 host on 3.10, gets its source's own (put_source).
 */
static int
put_detection(const struct conf *c, enum ddv v, const struct host *h,
    struct buf *out, struct dd_err *e)
{
	const struct source *s = conf_source(c, h->source);
	unsigned w = host_family_wants(h->family);

	if (c->nsrc > 0 && s == NULL)
		return dd_failf(e, DD_EINVAL, "source", "no source '%s' for %s",
		    h->source, h->hostname);
	if (s != NULL && (s != &c->src[0] || (v == DDV_310 && w == WANT_V6)))
		return put_source(v, s, h, out, e);
	if (v == DDV_311) {
		if (w == WANT_V4)
			buf_puts(out, "usev6=disabled, \\\n");
		else if (w == WANT_V6)
			buf_puts(out, "usev4=disabled, \\\n");
		return 0;
	}
	if (w == WANT_V6) {
		buf_puts(out, "use=");
		ddconf_use_of_usev6(c->ddclient_usev6, out);
		buf_puts(out, ", \\\n");
	}
	return 0;
}

/* The preset's path on its server for h's family (deSEC's keeps the
 * other family's record), or NULL: ddclient's. */
static const char *
preset_script(const struct provider *p, const struct host *h)
{
	unsigned w = host_family_wants(h->family);

	if (w == WANT_V4 && p->script_v4 != NULL)
		return p->script_v4;
	if (w == WANT_V6 && p->script_v6 != NULL)
		return p->script_v6;
	return p->script;
}

/*
 * put_fields: the row's fields that ddclient reads as options of their
 * own name (host.h's ddclient column), each that is set and that the
 * provider (flags) accepts. A TSIG provider's key fields are put_tsig's,
 * never the row's. backupmx is written only beside an mx, as ddclient
 * sends it (backmx=): put_split relies on an IPv4 host without an mx
 * having none.
 */
static int
put_fields(const struct host *h, unsigned flags, struct buf *out,
    struct dd_err *e)
{
	const char *v;
	int f;

	for (f = 0; f < HF__MAX; f++) {
		v = host_field((struct host *)h, f, NULL);
		if (put_opt[host_field_ddopt(f)] == NULL || *v == '\0' ||
		    !(flags & val_field_accepted(f)) ||
		    ((flags & PF_TSIG) && val_field_tsig(f)) ||
		    (f == HF_BACKUPMX && *h->mx == '\0'))
			continue;
		if (put_opt[host_field_ddopt(f)](out, host_field_name(f), v,
		    e) == -1)
			return -1;
	}
	return 0;
}

/*
 * put_split: what keeps a dual host out of an IPv4 host's request.
 * 3.11's dyndns2 sends the hosts whose login, password, server, static,
 * custom, wildcard, mx and backupmx are equal (and wantip, which is the
 * IPv4 of both an IPv4 and a dual host) in one request with the first
 * one's addresses: the IPv4 host would get the AAAA. backupmx goes out
 * only beside an mx, so without one a dual host's backupmx=yes changes
 * nothing the provider sees and makes the groups differ (t0015 sends
 * both through the real 3.11). An IPv6 host's wantip is empty: a group
 * of its own already; 3.10 sends one family a request and groups by the
 * address it found.
 */
static int
put_split(enum ddv v, const struct host *h, const char *proto,
    struct buf *out, struct dd_err *e)
{
	/* Without an mx, put_fields wrote no backupmx, whatever the row
	 * holds. */
	if (v == DDV_311 && strcmp(proto, "dyndns2") == 0 &&
	    host_family_wants(h->family) == (WANT_V4 | WANT_V6) &&
	    *h->mx == '\0')
		return OPT(out, "backupmx", "yes", e);
	return 0;
}

static int
render_host(const struct conf *c, enum ddv v, const struct host *h,
    struct buf *out, struct dd_err *e)
{
	const struct provider *p = prov_find(h->provider);
	const char *server, *script;
	unsigned flags;

	if (p == NULL)
		return dd_failf(e, DD_EINVAL, "provider", "unknown provider '%s' "
		    "for %s", h->provider, h->hostname);
	flags = prov_flags(p, h->protocol);
	server = (flags & PF_SERVER) ? h->server : p->server;
	buf_puts(out, "\n");
	if (OPT(out, "protocol", prov_protocol(p, h->protocol), e) == -1)
		return -1;
	if (server && *server && OPT(out, "server", server, e) == -1)
		return -1;
	/* the preset's path on its server, where ddclient's default is not
	 * the provider's (LoopiaDNS), or the family's (deSEC) */
	script = preset_script(p, h);
	if (!(flags & PF_SERVER) && script != NULL &&
	    OPT(out, "script", script, e) == -1)
		return -1;
	if ((flags & PF_TSIG) && put_tsig(c, h, out, e) == -1)
		return -1;
	if (put_fields(h, flags, out, e) == -1)
		return -1;
	/* a provider that expires records sooner than ddclient re-sends an
	 * unchanged address (dy.fi) */
	if (!(flags & PF_SERVER) && p->max_interval != NULL &&
	    OPT(out, "max-interval", p->max_interval, e) == -1)
		return -1;
	if (put_split(v, h, prov_protocol(p, h->protocol), out, e) == -1)
		return -1;
	if (put_detection(c, v, h, out, e) == -1)
		return -1;
	if (!ddconf_carriable(h->hostname) || strpbrk(h->hostname, " ,\\'\"=") != NULL)
		return dd_failf(e, DD_EINVAL, "hostname", "bad hostname");
	return buf_printf(out, "%s\n", h->hostname);
}

/* Does a host of h[0..n) want both families (3.10 then needs usev6=)? */
static int
any_dual(const struct host *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (h[i].enabled &&
		    host_family_wants(h[i].family) == (WANT_V4 | WANT_V6))
			return 1;
	return 0;
}

/* put_source_globals: the first source's detection as the globals, in
 * place of ddclient_use*: 3.11's usev4= and usev6=, 3.10's use= (its
 * IPv4) and, for a dual host, usev6=. */
static int
put_source_globals(const struct conf *c, enum ddv v, int dual,
    struct buf *out, struct dd_err *e)
{
	const struct source *s = &c->src[0];

	if (v == DDV_311)
		return put_fam(out, "usev4", &s->fam[0], 0, ", ", "\n", e) ==
		    -1 || put_fam(out, "usev6", &s->fam[1], 1, ", ", "\n", e) ==
		    -1 ? -1 : 0;
	if (put_fam(out, "use", &s->fam[0], -1, ", ", "\n", e) == -1)
		return -1;
	return dual ? put_fam(out, "usev6", &s->fam[1], 1, ", ", "\n", e) : 0;
}

static int
render_globals(const struct conf *c, enum ddv v, int dual, struct buf *out,
    struct dd_err *e)
{
	buf_printf(out,
	    DDCONF_HEADER ": do not edit, the next\n"
	    "# save replaces this file. Change hosts on the Dynamic DNS page of\n"
	    "# the web administration, and the settings below in ddns-admin's\n"
	    "# configuration (ddclient_daemon, ddclient_ssl, ddclient_use,\n"
	    "# ddclient_usev4, ddclient_usev6). For ddclient %s.\n",
	    ddver_name(v));
	buf_printf(out, "daemon=%lld\n", c->ddclient_daemon);
	buf_printf(out, "ssl=%s\n", c->ddclient_ssl ? "yes" : "no");
	/* The integrator's text after use= (3.10) or usev4=/usev6= (3.11),
	 * checked by conf_load. */
	if (!ddconf_carriable(c->ddclient_use) ||
	    !ddconf_carriable(c->ddclient_usev4) ||
	    !ddconf_carriable(c->ddclient_usev6))
		return dd_failf(e, DD_ECONF, "ddclient_use", "bad ddclient_use");
	if (c->nsrc > 0) {
		if (put_source_globals(c, v, dual, out, e) == -1)
			return -1;
	} else if (v == DDV_311)
		buf_printf(out, "usev4=%s\nusev6=%s\n", c->ddclient_usev4,
		    c->ddclient_usev6);
	else {
		buf_printf(out, "use=%s\n", c->ddclient_use);
		/* 3.10: usev6 is global; it fills the AAAA of the protocols
		 * that update both (the only ones a dual host may have). */
		if (dual)
			buf_printf(out, "usev6=%s\n", c->ddclient_usev6);
	}
	if (put_value(out, "pid", c->ddclient_pid, "\n", e) == -1)
		return -1;
	/* ddns-apply's status copy (apply.h), run after each update pass. */
	if (c->postscript != NULL &&
	    put_value(out, "postscript", c->postscript, "\n", e) == -1)
		return -1;
	return put_value(out, "cache", c->ddclient_cache, "\n", e);
}

int
ddconf_render(const struct conf *c, enum ddv v, const struct host *h,
    size_t n, struct buf *out, struct dd_err *e)
{
	size_t i;

	if (render_globals(c, v, any_dual(h, n), out, e) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (h[i].enabled && render_host(c, v, &h[i], out, e) == -1)
			return -1;
	if (out->oom)
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	return 0;
}

/* What the globals of every file the renderer writes set, which a kept
 * host's block leaves to them. */
static const char *const global_only[] = {
	"host", "daemon", "pid", "cache", "postscript",
};

/* The address detection the globals set (render_globals), with ddclient's
 * own default (the same in 3.10 and 3.11): a kept host that did not set
 * one gets the default, not the module's. */
static const struct {
	const char	*key;
	const char	*def;
} detection[] = {
	{ "use", "ip" }, { "usev4", "disabled" }, { "usev6", "disabled" },
};

/* has: does kv[0..n) set key? */
static int
has(const struct imp_kv *kv, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(kv[i].key, key) == 0)
			return 1;
	return 0;
}

int
ddconf_render_kept(const char *name, const struct imp_kv *kv, size_t n,
    struct buf *out, struct dd_err *e)
{
	size_t i, j;

	buf_puts(out, "\n");
	for (i = 0; i < n; i++) {
		for (j = 0; j < sizeof(global_only) / sizeof(global_only[0]); j++)
			if (strcmp(kv[i].key, global_only[j]) == 0)
				break;
		if (j < sizeof(global_only) / sizeof(global_only[0]))
			continue;
		if (kv[i].key[strspn(kv[i].key, safe)] != '\0')
			return dd_failf(e, DD_EINVAL, NULL, "bad key for %s", name);
		if (strcmp(kv[i].key, "password") == 0 ?
		    put_secret(out, "password", kv[i].val, e) == -1 :
		    OPT(out, kv[i].key, kv[i].val, e) == -1)
			return -1;
	}
	for (j = 0; j < sizeof(detection) / sizeof(detection[0]); j++)
		if (!has(kv, n, detection[j].key) &&
		    OPT(out, detection[j].key, detection[j].def, e) == -1)
			return -1;
	if (!ddconf_carriable(name) || strpbrk(name, " ,\\'\"=") != NULL)
		return dd_failf(e, DD_EINVAL, "hostname", "bad hostname");
	buf_printf(out, "%s\n", name);
	return out->oom ? dd_fail(e, DD_ESYS, NULL, MSG_oom) : 0;
}

/* import.c: what the module makes of a host of a ddclient configuration
 * that import_read.c read: the form's values (a row) and a note for each
 * setting it does not model. Pure: no I/O. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "ddver.h"
#include "import.h"
#include "validate.h"

/* The module configuration's keys that stand for ddclient's address
 * detection (the sources, when the module configuration names some). */
#define USE_FROM "ddclient_use, ddclient_usev4, ddclient_usev6"

/* What the module does with a setting it finds. */
enum kclass {
	K_MODEL,	/* a host field, or host/protocol (handled apart) */
	K_DAEMON,	/* the module configuration sets it: compared */
	K_QUIET,	/* changes nothing that is sent: dropped, said */
	K_FALSE,	/* harmless when false (ddclient's default) */
	K_SCRIPT,	/* harmless when the protocol's default path */
};

static const struct {
	const char	*key;
	enum kclass	 k;
	const char	*from;	/* K_DAEMON: the module configuration key */
} keys[] = {
	{ "host", K_MODEL, NULL },
	{ "daemon", K_DAEMON, "ddclient_daemon" },
	{ "ssl", K_DAEMON, "ddclient_ssl" },
	{ "pid", K_DAEMON, "ddclient_pid" },
	{ "cache", K_DAEMON, "ddclient_cache" },
#define USE(k) { k, K_DAEMON, USE_FROM }
	USE("use"), USE("usev4"), USE("usev6"), USE("web"), USE("web-skip"),
	USE("webv4"), USE("webv4-skip"), USE("webv6"), USE("webv6-skip"),
	USE("ip"), USE("ipv4"), USE("ipv6"), USE("if"), USE("ifv4"),
	USE("ifv6"), USE("cmd"), USE("cmd-skip"), USE("cmdv4"), USE("cmdv6"),
	USE("fw"), USE("fw-skip"), USE("fwv4"), USE("fwv4-skip"), USE("fwv6"),
	USE("fwv6-skip"), USE("fw-login"), USE("fw-password"),
	USE("fw-ssl-validate"), USE("web-ssl-validate"),
#undef USE
	{ "syslog", K_QUIET, NULL }, { "facility", K_QUIET, NULL },
	{ "priority", K_QUIET, NULL }, { "mail", K_QUIET, NULL },
	{ "mail-failure", K_QUIET, NULL }, { "file", K_QUIET, NULL },
	{ "force", K_QUIET, NULL }, { "foreground", K_QUIET, NULL },
	{ "geturl", K_QUIET, NULL }, { "help", K_QUIET, NULL },
	{ "test", K_QUIET, NULL },
	{ "quiet", K_QUIET, NULL }, { "verbose", K_QUIET, NULL },
	{ "debug", K_QUIET, NULL }, { "timeout", K_QUIET, NULL },
	{ "max-interval", K_QUIET, NULL }, { "min-interval", K_QUIET, NULL },
	{ "min-error-interval", K_QUIET, NULL }, { "max-warn", K_QUIET, NULL },
	{ "retry", K_QUIET, NULL }, { "exec", K_QUIET, NULL },
	{ "postscript", K_QUIET, NULL }, { "proxy", K_QUIET, NULL },
	{ "ssl_ca_dir", K_QUIET, NULL }, { "ssl_ca_file", K_QUIET, NULL },
	{ "custom", K_FALSE, NULL }, { "static", K_FALSE, NULL },
	{ "script", K_SCRIPT, NULL },
};

/* The other keywords ddclient knows (its %variables' merged table), per
 * version: not modelled, so a host that sets one is refused. A keyword
 * of neither list, ddclient itself skips with a warning. */
static const struct {
	const char	*key;
	unsigned char	 in[DDV__MAX];
} known[] = {
	{ "dynurl", { 1, 1 } }, { "tcp", { 1, 1 } }, { "ttl", { 1, 1 } },
	{ "quietreply", { 1, 1 } }, { "min_interval", { 1, 1 } },
	{ "atime", { 1, 1 } }, { "mtime", { 1, 1 } }, { "wtime", { 1, 1 } },
	{ "status", { 1, 1 } }, { "status-ipv4", { 1, 1 } },
	{ "status-ipv6", { 1, 1 } }, { "warned-min-interval", { 1, 1 } },
	{ "warned-min-error-interval", { 1, 1 } }, { "curl", { 1, 0 } },
	{ "apikey", { 0, 1 } }, { "secretapikey", { 0, 1 } },
	{ "on-root-domain", { 0, 1 } }, { "path", { 0, 1 } },
};

static int
is_known(const char *key, enum ddv v)
{
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(known[i].key, key) == 0)
			return known[i].in[v];
	return 0;
}

/* key_class: what the module does with setting key (a host field's own
 * option, host.h's ddclient column, is K_MODEL); -1 when unknown. */
static int
key_class(const char *key, const char **from)
{
	int f = host_field_find(key);
	size_t i;

	if (f != -1 && host_field_ddopt(f) != DDO_NONE)
		return K_MODEL;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(keys[i].key, key) == 0) {
			*from = keys[i].from;
			return (int)keys[i].k;
		}
	return -1;
}

/* ddclient's T_BOOL: 1, 0, or -1 for a value it refuses. */
static const struct {
	const char	*word;
	int		 on;
} bools[] = {
	{ "y", 1 }, { "yes", 1 }, { "t", 1 }, { "true", 1 }, { "1", 1 },
	{ "n", 0 }, { "no", 0 }, { "f", 0 }, { "false", 0 }, { "0", 0 },
};

static int
boolean(const char *v)
{
	size_t i;

	for (i = 0; i < sizeof(bools) / sizeof(bools[0]); i++)
		if (strcasecmp(bools[i].word, v) == 0)
			return bools[i].on;
	return -1;
}

/* Same setting? Booleans by meaning, the rest by text. */
static int
same(const char *key, const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (strcmp(key, "ssl") == 0 && boolean(a) != -1)
		return boolean(a) == boolean(b);
	return strcmp(a, b) == 0;
}

/* add: the note m of row (refused: the host cannot be taken). */
static void
add(struct imp_row *row, int refused, const struct dd_msg *m)
{
	row->refused |= refused;
	if (row->nnote >= IMP_NOTES_MAX)
		return;
	row->note[row->nnote].m = *m;
	row->note[row->nnote++].refused = refused;
}

/* note: add the message id with its parameters (msg_set's). */
#define note(row, refused, ...) (note)(row, refused, __VA_ARGS__, MSG_END)
static void
(note)(struct imp_row *row, int refused, enum msg_id id, ...)
{
	struct dd_msg m;
	va_list ap;

	va_start(ap, id);
	msg_vset(&m, id, ap);
	va_end(ap);
	add(row, refused, &m);
}

/* A note names a setting by its key and never quotes a value: a value
 * may hold a credential (a URL's user:password, a token in a path), and
 * notes reach the page and ddns-apply's output (issue 18). */

/* copy_field: v into field f of the row; a value longer than the field
 * holds refuses the host (never cut). */
static void
copy_field(struct imp_row *row, enum hfield f, const char *v)
{
	size_t size;
	char *dst = host_field(&row->in, f, &size);

	char n[MSG_NUM_SZ];

	if (strlen(v) >= size) {
		note(row, 1, MSG_imp_too_long, host_field_name(f),
		    msg_num(n, (long long)size - 1));
		return;
	}
	memcpy(dst, v, strlen(v) + 1);
}

/* daemon_note: a daemon setting (key) of the file that the module's own
 * globals set otherwise (m: their value, NULL when they leave it out;
 * from: the module configuration's key). */
static void
daemon_note(struct dd_msg *out, const char *key, const char *m,
    const char *from)
{
	if (m != NULL)
		msg_set(out, MSG_imp_daemon_writes, key, from);
	else
		msg_set(out, MSG_imp_daemon_leaves, key, from);
}

/* provider of proto at server (NULL: Custom). */
static const struct provider *
provider_of(const char *proto, const char *server)
{
	const struct provider *p;
	size_t i;

	for (i = 0; (p = prov_at(i)) != NULL; i++)
		if (p->protocol != NULL && p->server != NULL &&
		    strcmp(p->protocol, proto) == 0 &&
		    strcmp(p->server, server) == 0)
			return p;
	return NULL;
}

/* default_of: ddclient's default server (or script) of protocol proto,
 * or NULL (its protocol table, providers.c). */
static const char *
default_of(const char *proto, int script)
{
	const struct protocol *pr = proto_find(proto);

	return pr == NULL ? NULL : script ? pr->script : pr->server;
}

/*
 * take_fields: the settings that are host fields of the row (host.h's
 * ddclient column: an option of the field's name), each that the
 * provider (flags) accepts; a ddclient yes/no (DDO_FLAG) becomes "yes"
 * or "". Server and protocol (DDO_PRESET) chose the provider already.
 */
static void
take_fields(const struct imp_set *s, unsigned flags, struct imp_row *row)
{
	const char *val;
	enum ddopt o;
	int f, on;

	for (f = 0; f < HF__MAX; f++) {
		o = host_field_ddopt(f);
		if (o == DDO_NONE || o == DDO_PRESET ||
		    !(flags & val_field_accepted(f)) ||
		    (val = imp_get(s, host_field_name(f))) == NULL)
			continue;
		if (o != DDO_FLAG) {
			copy_field(row, f, val);
			continue;
		}
		if ((on = boolean(val)) == -1)
			note(row, 0, MSG_imp_not_bool, host_field_name(f));
		copy_field(row, f, on == 1 ? "yes" : "");
	}
}

/* take_setting: what the module makes of setting kv of a host of proto
 * (a note on row when it is not taken); with address sources (sources),
 * the detection settings are take_source's. */
static void
take_setting(const struct imp_kv *kv, const char *proto, enum ddv v,
    const struct imp_set *mod, int sources, struct imp_row *row)
{
	const char *from = NULL, *m, *def;
	int k = key_class(kv->key, &from), on;
	size_t l = strlen(kv->key);
	struct dd_msg dm;

	if (k == K_MODEL || (k == K_DAEMON && sources &&
	    strcmp(from, USE_FROM) == 0))
		return;
	if (k == K_DAEMON) {
		m = imp_get(mod, kv->key);
		if (same(kv->key, kv->val, m))
			return;
		daemon_note(&dm, kv->key, m, from);
		add(row, 0, &dm);
		return;
	}
	if (k == K_QUIET) {
		note(row, 0, MSG_imp_quiet, kv->key);
		return;
	}
	on = boolean(kv->val);
	def = default_of(proto, 1);
	if ((k == K_FALSE && on == 0) || (k == K_SCRIPT && def != NULL &&
	    strcmp(def, kv->val) == 0))
		return;
	if (l > 4 && strcmp(kv->key + l - 4, "_env") == 0) {
		/* 3.10 does not know name_env and skips it; 3.11 reads the
		 * value from its own environment. */
		if (v == DDV_310)
			note(row, 0, MSG_imp_env_310, kv->key);
		else
			note(row, 1, MSG_imp_env, kv->key);
		return;
	}
	if (k == -1 && !is_known(kv->key, v)) {
		note(row, 0, MSG_imp_unknown, kv->key, ddver_name(v));
		return;
	}
	note(row, 1, MSG_imp_changes, kv->key);
}

/* How ddclient's own words name an IPv4 detection (the hosts an Import
 * makes are IPv4): the kind's key (3.11's usev4=, else use=), its word,
 * and the key that holds its argument. */
static const struct {
	const char	*use;
	const char	*word;
	enum src_kind	 kind;
	const char	*arg;
} detections[] = {
	{ "usev4", "ifv4", SRC_IF, "ifv4" },
	{ "usev4", "webv4", SRC_WEB, "webv4" },
	{ "usev4", "cmdv4", SRC_CMD, "cmdv4" },
	{ "use", "if", SRC_IF, "if" },
	{ "use", "web", SRC_WEB, "web" },
	{ "use", "cmd", SRC_CMD, "cmd" },
};
#define NDETECTIONS (sizeof(detections) / sizeof(detections[0]))

/* setting: key of host h, else of the file's globals (ddclient's). */
static const char *
setting(const struct imp_conf *c, const struct imp_host *h, const char *key)
{
	const char *v = imp_get(&h->set, key);

	return v != NULL ? v : imp_get(&c->globals, key);
}

/* source_named: the usable source of cf whose IPv4 is kind k with
 * argument arg (a web check not bound to an interface), or NULL. */
static const struct source *
source_named(const struct conf *cf, enum src_kind k, const char *arg)
{
	const struct source_fam *f;
	size_t s;

	for (s = 0; s < cf->nsrc && arg != NULL; s++) {
		f = &cf->src[s].fam[0];
		if (cf->src[s].why == MSG_none && f->kind == k &&
		    *f->iface == '\0' && strcmp(f->arg, arg) == 0)
			return &cf->src[s];
	}
	return NULL;
}

/*
 * take_source: with address sources (cf->nsrc), the source whose IPv4
 * detection is the host's own (use=if, if=ppp0; usev4=webv4, webv4=URL;
 * ...), named in the row; a host with a detection that is no source's
 * follows the first, said in a note. A host that sets none follows the
 * first silently, as ddclient's default did.
 */
static void
take_source(const struct conf *cf, const struct imp_conf *c,
    const struct imp_host *h, enum ddv v, struct imp_row *row)
{
	const char *key, *use, *arg = NULL;
	const struct source *s = NULL;
	char said[SOURCE_ARG_SZ + 32];
	size_t d;

	if (cf == NULL || cf->nsrc == 0)
		return;
	key = v == DDV_311 && setting(c, h, "usev4") ? "usev4" : "use";
	if ((use = setting(c, h, key)) == NULL)
		return;
	for (d = 0; d < NDETECTIONS; d++)
		if (strcmp(detections[d].use, key) == 0 &&
		    strcmp(detections[d].word, use) == 0)
			break;
	if (d < NDETECTIONS) {
		arg = setting(c, h, detections[d].arg);
		s = source_named(cf, detections[d].kind, arg);
	}
	if (s != NULL) {
		copy_field(row, HF_SOURCE, s->name);
		return;
	}
	if (d < NDETECTIONS)
		snprintf(said, sizeof(said), "%s=%s, %s=%s", key, use,
		    detections[d].arg, arg ? arg : "");
	else
		snprintf(said, sizeof(said), "%s=%s", key, use);
	note(row, 0, MSG_imp_no_source, said, cf->src[0].name);
}

void
imp_take(const struct imp_conf *c, size_t i, enum ddv v,
    const struct imp_set *mod, const struct conf *cf, struct imp_row *row)
{
	const struct imp_host *h = &c->host[i];
	const struct imp_set *s = &h->set;
	const struct provider *p;
	const char *proto, *server;
	size_t j;

	memset(row, 0, sizeof(*row));
	copy_field(row, HF_HOSTNAME, h->name);
	/* ddclient: the host's protocol, else the last global one. */
	if ((proto = setting(c, h, "protocol")) == NULL)
		proto = "dyndns2";
	if ((server = imp_get(s, "server")) == NULL &&
	    (server = default_of(proto, 0)) == NULL) {
		note(row, 1, MSG_imp_protocol);
		return;
	}
	/* A TSIG protocol (nsupdate): the file's login is a program. */
	if (proto_find(proto) != NULL && (proto_find(proto)->flags & PF_TSIG)) {
		note(row, 1, MSG_imp_nsupdate);
		return;
	}
	p = provider_of(proto, server);
	if (p == NULL && proto_find(proto) == NULL) {
		note(row, 1, MSG_imp_protocol);
		return;
	}
	if (p == NULL) {
		p = prov_open();
		copy_field(row, HF_SERVER, server);
		copy_field(row, HF_PROTOCOL, proto);
	}
	copy_field(row, HF_PROVIDER, p->id);
	copy_field(row, HF_FAMILY, host_family_at(0));	/* IPv4 */
	take_fields(s, prov_flags(p, proto), row);
	for (j = 0; j < s->n; j++)
		take_setting(&s->kv[j], proto, v, mod, cf && cf->nsrc, row);
	take_source(cf, c, h, v, row);
}

size_t
imp_file_notes(const struct imp_conf *c, const struct imp_set *mod,
    struct dd_msg *out, size_t max)
{
	const struct imp_kv *kv;
	const char *from, *m;
	size_t i, j, n = 0;
	int held;

	for (i = 0; i < c->globals.n && n < max; i++) {
		kv = &c->globals.kv[i];
		if (key_class(kv->key, &from) != K_DAEMON)
			continue;
		m = imp_get(mod, kv->key);
		if (same(kv->key, kv->val, m))
			continue;
		for (held = 0, j = 0; j < c->nhost && !held; j++)
			held = imp_get(&c->host[j].set, kv->key) != NULL;
		if (held)
			continue;
		daemon_note(&out[n++], kv->key, m, from);
	}
	return n;
}

/* validate.c: pure validators for the host form (see validate.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ddconf.h"
#include "ddver.h"
#include "idn.h"
#include "num.h"
#include "providers.h"
#include "unseen.h"
#include "utf8.h"
#include "validate.h"


static int
is_lower_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Refuse the byte c of a label: by its name (a space, a control
 * character) when it has no face, else as itself. */
static int
bad_byte(unsigned char c, struct dd_err *e)
{
	enum msg_id word = c == ' ' ? MSG_ch_space :
	    c < 0x20 || c == 0x7f ? MSG_ch_control :
	    c >= 0x80 ? MSG_ch_nonascii : MSG_none;
	char one[2] = { (char)c, '\0' };

	if (word != MSG_none)
		return dd_fail(e, DD_EINVAL, NULL, MSG_label_word,
		    msg_key(word));
	return dd_fail(e, DD_EINVAL, NULL, MSG_label_char, one);
}

/* ---- field validators ---- */

/* label_text: the label l (n bytes) alone, for a message: l runs on to
 * the rest of the name. Only a refusal pays for the copy. */
static const char *
label_text(char part[64], const char *l, size_t n)
{
	snprintf(part, 64, "%.*s", (int)(n > 63 ? 63 : n), l);
	return part;
}

/* One label of a host name: letters, digits, hyphens; no hyphen at an end. */
static int
check_label(const char *l, size_t n, struct dd_err *e)
{
	char part[64], num[MSG_NUM_SZ];
	size_t i;

	if (n == 0)
		return dd_fail(e, DD_EINVAL, NULL, MSG_label_empty);
	if (n > 63) {
		label_text(part, l, n);
		part[utf8_cut(part, 20)] = '\0';
		return dd_fail(e, DD_EINVAL, NULL, MSG_label_long, part,
		    msg_num(num, (long long)n));
	}
	for (i = 0; i < n; i++)
		if (!is_lower_alnum(l[i]) && l[i] != '-')
			return bad_byte((unsigned char)l[i], e);
	if (l[0] == '-')
		return dd_fail(e, DD_EINVAL, NULL, MSG_label_hyphen_start,
		    label_text(part, l, n));
	if (l[n - 1] == '-')
		return dd_fail(e, DD_EINVAL, NULL, MSG_label_hyphen_end,
		    label_text(part, l, n));
	return 0;
}

static int
has_high_bytes(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

int
val_hostname(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	char name[HOSTNAME_SZ + 1], ascii[512], num[MSG_NUM_SZ];
	size_t len = strlen(in), i, labels = 0;
	const char *l, *dot, *last = NULL;

	if (has_high_bytes(in)) {
		/* a form too long to quote whole is not named */
		if (val_idn_ascii(in, ascii, sizeof(ascii)) == 0 &&
		    strlen(ascii) < MSG_PARAM_SZ)
			return dd_fail(e, DD_EINVAL, NULL, MSG_name_idn, ascii);
		return dd_fail(e, DD_EINVAL, NULL, MSG_name_ascii_only);
	}
	if (len > 0 && in[len - 1] == '.')
		len--;			/* one trailing dot: the root */
	if (len == 0)
		return dd_fail(e, DD_EINVAL, NULL, MSG_name_empty);
	if (len > 253)
		return dd_fail(e, DD_EINVAL, NULL, MSG_name_long,
		    msg_num(num, (long long)len));
	for (i = 0; i < len; i++)
		name[i] = (in[i] >= 'A' && in[i] <= 'Z') ? in[i] + 32 : in[i];
	name[len] = '\0';
	for (l = name; ; l = dot + 1) {
		dot = strchr(l, '.');
		if (check_label(l, dot ? (size_t)(dot - l) : strlen(l), e) == -1)
			return -1;
		labels++;
		last = l;
		if (dot == NULL)
			break;
	}
	if (labels < 2)
		return dd_fail(e, DD_EINVAL, NULL, MSG_name_single, name);
	if (strspn(last, "0123456789") == strlen(last))
		return dd_fail(e, DD_EINVAL, NULL, MSG_name_digits);
	if (len + 1 > outsz)
		return dd_fail(e, DD_EINVAL, NULL, MSG_name_too_long);
	memcpy(out, name, len + 1);
	return 0;
}

/* The messages of a text field, one key each: a field's name is never
 * glued into a sentence. */
struct textmsg {
	size_t		 maxchars, maxbytes;
	enum msg_id	 bytes, utf8, control, chars, unseen;
};

static const struct textmsg desc_msg = { DESC_CHARS, DESC_SZ - 1,
	MSG_desc_bytes, MSG_desc_utf8, MSG_desc_control, MSG_desc_chars,
	MSG_desc_unseen };
static const struct textmsg login_msg = { LOGIN_SZ - 1, LOGIN_SZ - 1,
	MSG_login_bytes, MSG_login_utf8, MSG_login_control, MSG_login_chars,
	MSG_login_unseen };
static const struct textmsg password_msg = { PASSWORD_SZ - 1,
	PASSWORD_SZ - 1, MSG_password_bytes, MSG_password_utf8,
	MSG_password_control, MSG_password_chars, MSG_none };

/*
 * Check UTF-8 text of at most t->maxchars characters and t->maxbytes
 * bytes with no control character (C0, DEL, C1), refused with t's keys.
 */
static int
check_text(const char *in, const struct textmsg *t, struct dd_err *e)
{
	const unsigned char *p = (const unsigned char *)in;
	const unsigned char *end = p + strlen(in);
	char n1[MSG_NUM_SZ], n2[MSG_NUM_SZ];
	size_t chars = 0;
	uint32_t c;

	if ((size_t)(end - p) > t->maxbytes)
		return dd_fail(e, DD_EINVAL, NULL, t->bytes,
		    msg_num(n1, (long long)t->maxbytes));
	while (p < end) {
		if (utf8_next(&p, end, &c) == -1)
			return dd_fail(e, DD_EINVAL, NULL, t->utf8);
		if (c < 0x20 || (c >= 0x7f && c < 0xa0))
			return dd_fail(e, DD_EINVAL, NULL, t->control);
		chars++;
	}
	if (chars > t->maxchars)
		return dd_fail(e, DD_EINVAL, NULL, t->chars,
		    msg_num(n1, (long long)chars),
		    msg_num(n2, (long long)t->maxchars));
	return 0;
}

/*
 * For the text fields a page shows (description, login; the password is
 * never shown and must reach the provider as typed): refuse the first
 * character of unseen[], named by its code point. in is valid UTF-8.
 */
static int
check_shown(const char *in, const struct textmsg *t, struct dd_err *e)
{
	const unsigned char *p = (const unsigned char *)in;
	const unsigned char *end = p + strlen(in);
	enum msg_id name;
	char hex[16];
	uint32_t c;

	while (p < end && utf8_next(&p, end, &c) == 0)
		if ((name = unseen_name(c)) != MSG_none) {
			snprintf(hex, sizeof(hex), "%04X", (unsigned)c);
			return dd_fail(e, DD_EINVAL, NULL, t->unseen, hex,
			    msg_key(name));
		}
	return 0;
}

static int
copy_out(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (strlen(in) >= outsz)
		return dd_fail(e, DD_EINVAL, NULL, MSG_value_long);
	memcpy(out, in, strlen(in) + 1);
	return 0;
}

int
val_description(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (check_text(in, &desc_msg, e) == -1 ||
	    check_shown(in, &desc_msg, e) == -1)
		return -1;
	return copy_out(in, out, outsz, e);
}

int
val_login(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	const char *pw;

	if (check_text(in, &login_msg, e) == -1 ||
	    check_shown(in, &login_msg, e) == -1)
		return -1;
	if (strchr(in, '#') != NULL)
		return dd_fail(e, DD_EINVAL, NULL, MSG_login_hash);
	/* ddclient takes any "password...=" on a line as a password. */
	if ((pw = strstr(in, "password")) != NULL && strchr(pw, '=') != NULL)
		return dd_fail(e, DD_EINVAL, NULL, MSG_login_password_eq);
	return copy_out(in, out, outsz, e);
}

int
val_password(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (check_text(in, &password_msg, e) == -1)
		return -1;
	if (!ddconf_password_ok(in))
		return dd_fail(e, DD_EINVAL, NULL, MSG_password_settings);
	return copy_out(in, out, outsz, e);
}

/* A dotted-quad IPv4 address with each part 0-255. */
static int
is_ipv4(const char *s)
{
	char part[4];
	long long v;
	int parts = 0;
	size_t n;

	for (;;) {
		n = strspn(s, "0123456789");
		if (n == 0 || n > 3)
			return 0;
		memcpy(part, s, n);
		part[n] = '\0';
		if (num_parse(part, 0, 255, &v) == -1)
			return 0;
		parts++;
		s += n;
		if (*s == '\0')
			return parts == 4;
		if (*s++ != '.' || parts == 4)
			return 0;
	}
}

/*
 * pasted_url: where in is a URL (http:// or https://, any case), the
 * host[:port] part of it into part (partsz bytes) and 1; else 0. Its
 * path, query and fragment are left out: the protocol writes its own.
 */
static int
pasted_url(const char *in, char *part, size_t partsz)
{
	static const char *const schemes[] = { "http://", "https://" };
	size_t i, n;

	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		n = strlen(schemes[i]);
		if (strncasecmp(in, schemes[i], n) != 0)
			continue;
		in += n;
		n = strcspn(in, "/?#");
		snprintf(part, partsz, "%.*s", (int)n, in);
		return 1;
	}
	return 0;
}

int
val_server(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	char host[SERVER_SZ], canon[HOSTNAME_SZ], part[SERVER_SZ], url[SERVER_SZ];
	const char *colon;
	long long port;
	size_t n;

	/* A URL pasted whole: name the part to enter, if it is one. */
	if (pasted_url(in, part, sizeof(part)))
		return val_server(part, url, sizeof(url), NULL) == 0 ?
		    dd_fail(e, DD_EINVAL, NULL, MSG_server_url, url) :
		    dd_fail(e, DD_EINVAL, NULL, MSG_server_form);
	if (strchr(in, '[') != NULL || strchr(in, ':') != strrchr(in, ':'))
		return dd_fail(e, DD_EINVAL, NULL, MSG_server_ipv6);
	colon = strchr(in, ':');
	n = colon ? (size_t)(colon - in) : strlen(in);
	if (n == 0 || n >= sizeof(host))
		return dd_fail(e, DD_EINVAL, NULL, MSG_server_form);
	memcpy(host, in, n);
	host[n] = '\0';
	if (colon && num_parse(colon + 1, 1, 65535, &port) == -1)
		return dd_fail(e, DD_EINVAL, NULL, MSG_server_port);
	if (is_ipv4(host)) {
		if (strlen(in) >= outsz)
			return dd_fail(e, DD_EINVAL, NULL, MSG_server_long);
		memcpy(out, in, strlen(in) + 1);
		return 0;
	}
	if (val_hostname(host, canon, sizeof(canon), e) == -1)
		return -1;
	if (snprintf(out, outsz, "%s%s", canon, colon ? colon : "") >= (int)outsz)
		return dd_fail(e, DD_EINVAL, NULL, MSG_server_long);
	return 0;
}

int
val_protocol(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (proto_find(in) == NULL)
		return dd_fail(e, DD_EINVAL, NULL, MSG_protocol_choose);
	return copy_out(in, out, outsz, e);
}

/* TSIG key names are domain names; tsig-keygen's default is "tsig-key". */
int
val_tsig_name(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	size_t n = strlen(in);

	if (n > 100 || strspn(in, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789.-_") != n)
		return dd_fail(e, DD_EINVAL, NULL, MSG_tsig_name_form);
	if (!isalnum((unsigned char)in[0]) || strstr(in, "..") != NULL)
		return dd_fail(e, DD_EINVAL, NULL, MSG_tsig_name_start);
	return copy_out(in, out, outsz, e);
}

/* The secret is base64 (RFC 4648), as tsig-keygen prints it. */
int
val_tsig_secret(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	size_t n = strlen(in), body = strspn(in, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/");
	size_t pad = strspn(in + body, "=");

	if (body + pad != n || pad > 2 || n % 4 != 0 || n < 16 || n > 256)
		return dd_fail(e, DD_EINVAL, NULL, MSG_tsig_secret_form);
	return copy_out(in, out, outsz, e);
}

/* The TSIG algorithms nsupdate knows (BIND 9.18's names). */
static const char *const algorithms[] = {
	"hmac-sha256", "hmac-sha512", "hmac-sha384", "hmac-sha224",
	"hmac-sha1", "hmac-md5",
};

size_t
val_algorithm_count(void)
{
	return sizeof(algorithms) / sizeof(algorithms[0]);
}

const char *
val_algorithm_at(size_t i)
{
	return i < val_algorithm_count() ? algorithms[i] : NULL;
}

int
val_algorithm(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	size_t i;

	for (i = 0; i < val_algorithm_count(); i++)
		if (strcmp(in, algorithms[i]) == 0)
			return copy_out(in, out, outsz, e);
	return dd_fail(e, DD_EINVAL, NULL, MSG_algorithm_choose);
}

int
val_family(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (host_family_bit(in) == 0)
		return dd_fail(e, DD_EINVAL, NULL, MSG_family_choose);
	return copy_out(in, out, outsz, e);
}

int
val_flag(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	/* A ticked checkbox sends its value ("yes"), or "on" without one. */
	if (strcmp(in, "yes") != 0 && strcmp(in, "on") != 0)
		return dd_fail(e, DD_EINVAL, NULL, MSG_flag_tick);
	return copy_out("yes", out, outsz, e);
}

int
val_source(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (!source_name_ok(in))
		return dd_fail(e, DD_EINVAL, NULL, MSG_source_choose);
	return copy_out(in, out, outsz, e);
}

int
val_provider(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (prov_find(in) == NULL)
		return dd_fail(e, DD_EINVAL, NULL, MSG_provider_choose);
	return copy_out(in, out, outsz, e);
}

/* ---- the whole form ---- */

/* What each field needs, declared once in host.h: kcgi's validator table. */
static const struct fieldrule {
	val_fn		 fn;
	val_fn		 tsig_fn;	/* instead of fn when PF_TSIG */
	unsigned	 required;	/* flags that make it required */
	unsigned	 accepted;	/* flags that let it be given */
	enum msg_id	 ask;		/* message when required and empty */
} rules[] = {
#define RULE(e, n, size, fn, tsig, req, acc, resend, ask, ...) \
	[HF_##e] = { fn, tsig, req, acc, ask },
	HOST_FIELDS(RULE)
#undef RULE
};
_Static_assert(sizeof(rules) / sizeof(rules[0]) == HF__MAX,
    "one rule per host field");

unsigned
val_field_accepted(enum hfield f)
{
	return rules[f].accepted;
}

int
val_field_tsig(enum hfield f)
{
	return rules[f].tsig_fn != 0;
}

val_fn
val_field_fn(enum hfield f)
{
	return rules[f].fn;
}

/* Check field f against what the provider requires (need) and accepts
 * (take); write the canonical value into out or a message into why. */
static int
check_field(enum hfield f, const char *v, unsigned need, unsigned take,
    const struct provider *p, struct host *out, struct dd_err *why)
{
	const struct fieldrule *r = &rules[f];
	size_t size;
	char *dst = host_field(out, f, &size);
	val_fn fn = (need & PF_TSIG) && r->tsig_fn ? r->tsig_fn : r->fn;

	if (*v == '\0') {
		if ((r->required & need) && r->ask != MSG_none)
			return dd_fail(why, DD_EINVAL, host_field_name(f),
			    r->ask);
		return 0;
	}
	if (!(r->accepted & take))
		return dd_fail(why, DD_EINVAL, host_field_name(f),
		    MSG_field_unused, p->id);
	if (fn(v, dst, size, why) == -1) {
		snprintf(why->field, sizeof(why->field), "%s",
		    host_field_name(f));
		return -1;
	}
	return 0;
}

/* bad: why[f] gets the message id with its parameters; returns -1. */
#define bad(why, f, ...) (bad)(why, f, __VA_ARGS__, MSG_END)
static int
(bad)(struct dd_err why[HF__MAX], enum hfield f, enum msg_id id, ...)
{
	va_list ap;

	va_start(ap, id);
	msg_vset(&why[f].m, id, ap);
	va_end(ap);
	return dd_copy(&why[f], DD_EINVAL, host_field_name(f), &why[f].m);
}

/*
 * check_version: what the installed ddclient (v) can do for provider p
 * with protocol proto: the protocol must exist there, and the host's
 * family be one it updates. The message goes beside the field to change.
 */
static int
check_version(const struct provider *p, const char *proto, enum ddv v,
    struct host *out, struct dd_err why[HF__MAX])
{
	unsigned fams = prov_families(p, proto, v), want;
	const char *name = ddver_name(v);

	if (fams == 0)
		return bad(why, (p->flags & PF_PROTOCOL) ? HF_PROTOCOL :
		    HF_PROVIDER, MSG_ver_provider, name,
		    prov_protocol(p, proto));
	/* 3.11 hands login and password to curl escaped with Perl's \v,
	 * which also matches the byte 0x85 (in U+0105 a, U+00C5 A, ...): curl
	 * then sends 0x0b instead (measured: t0030 on 3.11). */
	if (v == DDV_311 && (strchr(out->login, 0x85) ||
	    strchr(out->password, 0x85)))
		return bad(why, strchr(out->login, 0x85) ? HF_LOGIN :
		    HF_PASSWORD, MSG_ver_0x85);
	if (*out->family == '\0')
		snprintf(out->family, sizeof(out->family), "%s",
		    host_family_at(0));
	want = host_family_bit(out->family);
	if (want == 0 || (fams & want))
		return 0;
	if (want == FAM_DUAL && p->no_dual != MSG_none)
		return bad(why, HF_FAMILY, p->no_dual, name);
	if (want == FAM_DUAL && (fams & FAM_ONE) == FAM_ONE)
		return bad(why, HF_FAMILY, MSG_ver_dual, name);
	return bad(why, HF_FAMILY, want == FAM_V4 ? MSG_ver_no_v4 :
	    want == FAM_V6 ? MSG_ver_no_v6 : MSG_ver_no_dual, name);
}

/*
 * check_below: a protocol that sends the hostname less its domain (the
 * zone; Namecheap: the login) needs a name below that domain: the domain
 * itself (the apex, "@" at the provider) or a name of another one would
 * go out whole, a record the provider does not have (issue 14).
 */
static int
check_below(const struct provider *p, const char *proto, struct host *out,
    struct dd_err why[HF__MAX])
{
	const struct protocol *pr = proto_find(prov_protocol(p, proto));
	const char *dom;
	char cut[64];
	size_t hn, dn;

	if (pr == NULL || !(pr->flags & (PF_BELOW_ZONE | PF_BELOW_LOGIN)))
		return 0;
	dom = (pr->flags & PF_BELOW_ZONE) ? out->zone : out->login;
	hn = strlen(out->hostname);
	dn = strlen(dom);
	if (hn > dn + 1 && out->hostname[hn - dn - 1] == '.' &&
	    strcmp(out->hostname + hn - dn, dom) == 0)
		return 0;
	snprintf(cut, sizeof(cut), "%.*s", utf8_cut(dom, 60), dom);
	return bad(why, HF_HOSTNAME, (pr->flags & PF_BELOW_ZONE) ?
	    MSG_below_zone : MSG_below_login, cut);
}

/*
 * Characters a protocol cannot carry in a field, by a flag of its row in
 * providers.c: the next such rule is a row here.
 */
static const struct proto_chars {
	unsigned	 flag;		/* PF_* of the protocol */
	enum hfield	 field;
	const char	*chars;		/* each of them refused */
	enum msg_id	 msg;
} proto_chars[] = {
	/* login:password as Basic authentication: split at the first ':' */
	{ PF_BASIC_AUTH, HF_LOGIN, ":", MSG_login_colon },
};
#define NPROTO_CHARS (sizeof(proto_chars) / sizeof(proto_chars[0]))

/*
 * check_chars: refuse, beside its field, a value that the protocol of p
 * (and proto) cannot send (proto_chars). Only fields that passed their
 * own validator are judged. Returns the number of fields refused.
 */
static int
check_chars(const struct provider *p, const char *proto, struct host *out,
    struct dd_err why[HF__MAX])
{
	const struct protocol *pr = proto_find(prov_protocol(p, proto));
	const struct proto_chars *c;
	size_t i;
	int nbad = 0;

	for (i = 0; pr != NULL && i < NPROTO_CHARS; i++) {
		c = &proto_chars[i];
		if (!(pr->flags & c->flag) || why[c->field].m.id != MSG_none ||
		    strpbrk(host_field(out, c->field, NULL), c->chars) == NULL)
			continue;
		bad(why, c->field, c->msg);
		nbad++;
	}
	return nbad;
}

/*
 * Where a stored secret goes (issue 18): the fields that, changed on a
 * Modify, make an empty password ask for the secret again instead of
 * keeping it, so that a stored secret is never sent to a destination
 * the form has just named. The first row whose flag the stored or the
 * new provider has applies; the last, flag 0, applies to all.
 */
#define FB(f)	(1u << HF_##f)
static const struct binding {
	unsigned	 flag;		/* PF_* of the provider, or 0 */
	unsigned	 fields;	/* FB() bits */
	enum msg_id	 ask;
} bindings[] = {
	/* a TSIG key signs for its name, algorithm, server, zone and
	 * records: all of the host but the note */
	{ PF_TSIG, ~(FB(DESCRIPTION) | FB(PASSWORD)), MSG_secret_tsig_again },
	{ 0, FB(PROVIDER) | FB(PROTOCOL) | FB(SERVER) | FB(ZONE),
	  MSG_secret_again },
};
#undef FB
_Static_assert(HF__MAX < 32, "a field is a bit of binding.fields");

/*
 * rebind: whether old's secret may stay with the host now in out (its
 * provider's flags in flags): MSG_none when it goes where it went, else
 * the message asking for it again. Compared canonical: out holds the
 * validated values, old what the form stored.
 */
static enum msg_id
rebind(const struct host *old, const struct host *out, unsigned flags)
{
	const struct provider *op = prov_find(old->provider);
	const struct binding *b = bindings;
	struct host was = *old, now = *out;
	int f;

	if (op != NULL)
		flags |= prov_flags(op, old->protocol);
	while (b->flag != 0 && !(flags & b->flag))
		b++;
	/* the family check_version gives an empty one */
	if (*now.family == '\0')
		snprintf(now.family, sizeof(now.family), "%s",
		    host_family_at(0));
	for (f = 0; f < HF__MAX; f++)
		if ((b->fields & (1u << f)) && strcmp(host_field(&was, f, NULL),
		    host_field(&now, f, NULL)) != 0)
			return b->ask;
	return MSG_none;
}

int
val_host(const char *const in[HF__MAX], const struct host *old, enum ddv ver,
    struct host *out, struct dd_err why[HF__MAX])
{
	const struct provider *p;
	unsigned flags, take;
	int nbad = 0, f, keep;
	const char *v[HF__MAX];
	enum msg_id ask;

	memset(out, 0, sizeof(*out));
	for (f = 0; f < HF__MAX; f++) {
		/* not dd_clear: the list page vets every row it shows */
		why[f].code = DD_OK;
		why[f].field[0] = why[f].msg[0] = '\0';
		why[f].m.id = MSG_none;
		v[f] = in[f] ? in[f] : "";
	}
	if (old != NULL) {
		out->id = old->id;
		out->enabled = old->enabled;
		out->created = old->created;
	} else
		out->enabled = 1;
	if ((p = prov_find(v[HF_PROVIDER])) == NULL) {
		/* still check the other fields, as for the most open one */
		p = prov_open();
		nbad++;
		check_field(HF_PROVIDER, v[HF_PROVIDER], HF_ALWAYS, HF_ALWAYS, p,
		    out, &why[HF_PROVIDER]);
	} else
		snprintf(out->provider, sizeof(out->provider), "%s", p->id);
	flags = prov_flags(p, v[HF_PROTOCOL]) | HF_ALWAYS;
	take = flags;
	/* Custom without a known protocol: the other fields cannot be judged. */
	if ((p->flags & PF_PROTOCOL) && proto_find(v[HF_PROTOCOL]) == NULL)
		take = ~0u;
	/* Modify: an empty password keeps the stored one, once the other
	 * fields show that it goes where it went (rebind). */
	keep = old != NULL && *v[HF_PASSWORD] == '\0' &&
	    *old->password != '\0' && (flags & PF_PASSWORD);
	for (f = 0; f < HF__MAX; f++)
		if (f != HF_PROVIDER && !(keep && f == HF_PASSWORD) &&
		    check_field(f, v[f], flags, take, p, out, &why[f]) == -1)
			nbad++;
	if (keep && (ask = rebind(old, out, flags)) != MSG_none) {
		bad(why, HF_PASSWORD, ask);
		nbad++;
	} else if (keep && check_field(HF_PASSWORD, old->password, flags, take,
	    p, out, &why[HF_PASSWORD]) == -1)
		nbad++;
	nbad += check_chars(p, v[HF_PROTOCOL], out, why);
	/* Judged only once the provider and its protocol are known. */
	if (nbad == 0 && check_version(p, v[HF_PROTOCOL], ver, out, why) == -1)
		nbad++;
	if (nbad == 0 && check_below(p, v[HF_PROTOCOL], out, why) == -1)
		nbad++;
	return nbad;
}

int
val_stored(const struct host *row, enum ddv ver, struct host *out,
    struct dd_err why[HF__MAX])
{
	const char *in[HF__MAX];
	struct host copy = *row;
	int f, nbad;

	for (f = 0; f < HF__MAX; f++)
		in[f] = host_field(&copy, f, NULL);
	nbad = val_host(in, NULL, ver, out, why);
	out->id = row->id;
	out->enabled = row->enabled;
	out->created = row->created;
	out->updated = row->updated;
	/* The canonical form must be what is stored: a row the form would
	 * have changed was not written by the form. */
	for (f = 0; f < HF__MAX; f++)
		if (why[f].m.id == MSG_none && strcmp(host_field(&copy, f,
		    NULL), host_field(out, f, NULL)) != 0) {
			bad(why, f, MSG_stored_spelling);
			nbad++;
		}
	for (f = 0; f < HF__MAX; f++)
		if (row->damaged & (1u << f)) {
			bad(why, f, MSG_stored_damaged);
			nbad++;
		}
	if (row->enabled != 0 && row->enabled != 1) {
		bad(why, HF_HOSTNAME, MSG_stored_enabled);
		nbad++;
	}
	return nbad;
}

/* validate.c: pure validators for the host form (see validate.h). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ddconf.h"
#include "ddver.h"
#include "num.h"
#include "providers.h"
#include "utf8.h"
#include "validate.h"


static int
is_lower_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Name a byte for a message: "'_'", "a space", "a control character". */
static const char *
byte_name(unsigned char c, char *tmp, size_t tmpsz)
{
	if (c == ' ')
		return "a space";
	if (c < 0x20 || c == 0x7f)
		return "a control character";
	if (c >= 0x80)
		return "a non-ASCII character";
	snprintf(tmp, tmpsz, "'%c'", c);
	return tmp;
}

/* ---- internationalised names: RFC 3492 punycode ---- */

enum { PC_BASE = 36, PC_TMIN = 1, PC_TMAX = 26, PC_SKEW = 38, PC_DAMP = 700 };

static uint32_t
pc_adapt(uint32_t delta, uint32_t npoints, int first)
{
	uint32_t k = 0;

	delta = first ? delta / PC_DAMP : delta / 2;
	delta += delta / npoints;
	while (delta > ((PC_BASE - PC_TMIN) * PC_TMAX) / 2) {
		delta /= PC_BASE - PC_TMIN;
		k += PC_BASE;
	}
	return k + (PC_BASE - PC_TMIN + 1) * delta / (delta + PC_SKEW);
}

static int
pc_put(char *out, size_t outsz, size_t *o, int c)
{
	if (*o + 1 >= outsz)
		return -1;
	out[(*o)++] = (char)c;
	return 0;
}

static int
pc_digit(char *out, size_t outsz, size_t *o, uint32_t d)
{
	return pc_put(out, outsz, o, d < 26 ? 'a' + (int)d : '0' + (int)d - 26);
}

/* Simple case folding for the Latin-1 and Latin Extended-A capitals. */
static uint32_t
fold(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
		return c + 0x20;
	if (c >= 0x100 && c <= 0x137 && (c & 1) == 0)
		return c + 1;
	return c;
}

/* Encode one label of n code points cp[] as xn--..., appending to out. */
static int
pc_label(const uint32_t *cp, size_t n, char *out, size_t outsz, size_t *o)
{
	uint32_t i, m, q, k, t, bias = 72, delta = 0, next = 128, h, b = 0;

	for (i = 0; i < n; i++)
		if (cp[i] < 0x80) {
			if (pc_put(out, outsz, o, (int)cp[i]) == -1)
				return -1;
			b++;
		}
	if (b == n)
		return 0;
	/* Insert "xn--" before the basic code points just written. */
	if (*o + 4 >= outsz)
		return -1;
	memmove(out + *o - b + 4, out + *o - b, b);
	memcpy(out + *o - b, "xn--", 4);
	*o += 4;
	if (b > 0 && pc_put(out, outsz, o, '-') == -1)
		return -1;
	for (h = b; h < n; delta++, next++) {
		for (m = UINT32_MAX, i = 0; i < n; i++)
			if (cp[i] >= next && cp[i] < m)
				m = cp[i];
		if ((m - next) > (UINT32_MAX - delta) / (h + 1))
			return -1;
		delta += (m - next) * (h + 1);
		next = m;
		for (i = 0; i < n; i++) {
			if (cp[i] < next && ++delta == 0)
				return -1;
			if (cp[i] != next)
				continue;
			for (q = delta, k = PC_BASE;; k += PC_BASE) {
				t = k <= bias ? PC_TMIN :
				    k >= bias + PC_TMAX ? PC_TMAX : k - bias;
				if (q < t)
					break;
				if (pc_digit(out, outsz, o,
				    t + (q - t) % (PC_BASE - t)) == -1)
					return -1;
				q = (q - t) / (PC_BASE - t);
			}
			if (pc_digit(out, outsz, o, q) == -1)
				return -1;
			bias = pc_adapt(delta, h + 1, h == b);
			delta = 0;
			h++;
		}
	}
	return 0;
}

int
val_idn_ascii(const char *in, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)in;
	const unsigned char *end = p + strlen(in);
	uint32_t label[64], c;
	size_t n = 0, o = 0;

	for (;;) {
		if (p == end || *p == '.') {
			if (pc_label(label, n, out, outsz, &o) == -1)
				return -1;
			if (p == end)
				break;
			if (pc_put(out, outsz, &o, '.') == -1)
				return -1;
			n = 0;
			p++;
			continue;
		}
		if (utf8_next(&p, end, &c) == -1 || n == 64)
			return -1;
		label[n++] = fold(c);
	}
	out[o] = '\0';
	return 0;
}

/* ---- field validators ---- */

/* One label of a host name: letters, digits, hyphens; no hyphen at an end. */
static int
check_label(const char *l, size_t n, struct dd_err *e)
{
	char tmp[8];
	size_t i;

	if (n == 0)
		return dd_fail(e, DD_EINVAL, NULL, "A name cannot have an empty label: no dot at the start and "
		    "no two dots in a row.");
	if (n > 63)
		return dd_fail(e, DD_EINVAL, NULL, "The label '%.*s...' is %zu characters long; a label has "
		    "at most 63.", utf8_cut(l, 20), l, n);
	for (i = 0; i < n; i++)
		if (!is_lower_alnum(l[i]) && l[i] != '-')
			return dd_fail(e, DD_EINVAL, NULL, "%s is not allowed: use only letters, digits, hyphens "
			    "and dots.", byte_name((unsigned char)l[i], tmp,
			    sizeof(tmp)));
	if (l[0] == '-')
		return dd_fail(e, DD_EINVAL, NULL, "The label '%.*s' begins with a hyphen; each label must "
		    "begin with a letter or a digit.", (int)(n > 63 ? 63 : n), l);
	if (l[n - 1] == '-')
		return dd_fail(e, DD_EINVAL, NULL, "The label '%.*s' ends with a hyphen; each label must end "
		    "with a letter or a digit.", (int)(n > 63 ? 63 : n), l);
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
	char name[HOSTNAME_SZ + 1], ascii[512];
	size_t len = strlen(in), i, labels = 0;
	const char *l, *dot, *last = NULL;

	if (has_high_bytes(in)) {
		if (val_idn_ascii(in, ascii, sizeof(ascii)) == 0 &&
		    strlen(ascii) < HOSTNAME_SZ)
			return dd_fail(e, DD_EINVAL, NULL, "Enter an internationalised name in its ASCII form: "
			    "%s", ascii);
		return dd_fail(e, DD_EINVAL, NULL, "Use only letters, digits, hyphens and dots.");
	}
	if (len > 0 && in[len - 1] == '.')
		len--;			/* one trailing dot: the root */
	if (len == 0)
		return dd_fail(e, DD_EINVAL, NULL, "Enter a fully qualified name, e.g. myhome.dyndns.org.");
	if (len > 253)
		return dd_fail(e, DD_EINVAL, NULL, "The name is %zu characters long; at most 253 are allowed.",
		    len);
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
		return dd_fail(e, DD_EINVAL, NULL, "'%s' is a single label: enter a fully qualified name with "
		    "its domain, e.g. %s.dyndns.org.", name, name);
	if (strspn(last, "0123456789") == strlen(last))
		return dd_fail(e, DD_EINVAL, NULL, "The last label cannot be all digits: an IP address is "
		    "not a host name.");
	if (len + 1 > outsz)
		return dd_fail(e, DD_EINVAL, NULL, "The name is too long.");
	memcpy(out, name, len + 1);
	return 0;
}

/*
 * Check UTF-8 text of at most maxchars characters and maxbytes bytes with
 * no control character (C0, DEL, C1). what names the field in messages.
 */
static int
check_text(const char *in, size_t maxchars, size_t maxbytes, const char *what,
    struct dd_err *e)
{
	const unsigned char *p = (const unsigned char *)in;
	const unsigned char *end = p + strlen(in);
	size_t chars = 0;
	uint32_t c;

	if ((size_t)(end - p) > maxbytes)
		return dd_fail(e, DD_EINVAL, NULL, "The %s is too long: at most %zu bytes.", what, maxbytes);
	while (p < end) {
		if (utf8_next(&p, end, &c) == -1)
			return dd_fail(e, DD_EINVAL, NULL, "The %s is not valid UTF-8 text.", what);
		if (c < 0x20 || (c >= 0x7f && c < 0xa0))
			return dd_fail(e, DD_EINVAL, NULL, "The %s cannot contain line breaks, tabs or other "
			    "control characters.", what);
		chars++;
	}
	if (chars > maxchars)
		return dd_fail(e, DD_EINVAL, NULL, "The %s is %zu characters long; at most %zu are allowed.",
		    what, chars, maxchars);
	return 0;
}

/*
 * Characters a page would not show as themselves: invisible ones (two
 * logins that look equal, text hidden in a description) and those that
 * turn the direction of the text around them (U+202E makes
 * "invoice<RLO>fdp.exe" read "invoiceexe.pdf" on the list and History
 * pages). Sorted by code point. Variation selectors 15 and 16 (U+FE0E,
 * U+FE0F) stay allowed: emoji keyboards add them to ordinary emoji.
 */
static const struct unseen {
	uint32_t	 lo, hi;
	const char	*name;
} unseen[] = {
	{ 0x00ad, 0x00ad, "soft hyphen" },
	{ 0x034f, 0x034f, "combining grapheme joiner" },
	{ 0x061c, 0x061c, "Arabic letter mark" },
	{ 0x115f, 0x1160, "Hangul filler" },
	{ 0x17b4, 0x17b5, "Khmer inherent vowel" },
	{ 0x180b, 0x180d, "Mongolian variation selector" },
	{ 0x180e, 0x180e, "Mongolian vowel separator" },
	{ 0x180f, 0x180f, "Mongolian variation selector" },
	{ 0x200b, 0x200b, "zero width space" },
	{ 0x200c, 0x200c, "zero width non-joiner" },
	{ 0x200d, 0x200d, "zero width joiner" },
	{ 0x200e, 0x200e, "left-to-right mark" },
	{ 0x200f, 0x200f, "right-to-left mark" },
	{ 0x2028, 0x2028, "line separator" },
	{ 0x2029, 0x2029, "paragraph separator" },
	{ 0x202a, 0x202a, "left-to-right embedding" },
	{ 0x202b, 0x202b, "right-to-left embedding" },
	{ 0x202c, 0x202c, "pop directional formatting" },
	{ 0x202d, 0x202d, "left-to-right override" },
	{ 0x202e, 0x202e, "right-to-left override" },
	{ 0x2060, 0x2060, "word joiner" },
	{ 0x2061, 0x2061, "function application" },
	{ 0x2062, 0x2062, "invisible times" },
	{ 0x2063, 0x2063, "invisible separator" },
	{ 0x2064, 0x2064, "invisible plus" },
	{ 0x2065, 0x2065, "reserved invisible character" },
	{ 0x2066, 0x2066, "left-to-right isolate" },
	{ 0x2067, 0x2067, "right-to-left isolate" },
	{ 0x2068, 0x2068, "first strong isolate" },
	{ 0x2069, 0x2069, "pop directional isolate" },
	{ 0x206a, 0x206f, "deprecated format character" },
	{ 0x3164, 0x3164, "Hangul filler" },
	{ 0xfe00, 0xfe0d, "variation selector" },
	{ 0xfeff, 0xfeff, "zero width no-break space" },
	{ 0xffa0, 0xffa0, "halfwidth Hangul filler" },
	{ 0xfff9, 0xfffb, "interlinear annotation character" },
	{ 0x1bca0, 0x1bca3, "shorthand format control" },
	{ 0x1d173, 0x1d17a, "musical format character" },
	{ 0xe0000, 0xe007f, "tag character" },
	{ 0xe0100, 0xe01ef, "variation selector" },
};
#define NUNSEEN (sizeof(unseen) / sizeof(unseen[0]))

static const char *
unseen_name(uint32_t c)
{
	size_t i;

	for (i = 0; i < NUNSEEN && unseen[i].lo <= c; i++)
		if (c <= unseen[i].hi)
			return unseen[i].name;
	return NULL;
}

/*
 * For the text fields a page shows (description, login; the password is
 * never shown and must reach the provider as typed): refuse the first
 * character of unseen[], named by its code point. in is valid UTF-8.
 */
static int
check_shown(const char *in, const char *what, struct dd_err *e)
{
	const unsigned char *p = (const unsigned char *)in;
	const unsigned char *end = p + strlen(in);
	const char *name;
	uint32_t c;

	while (p < end && utf8_next(&p, end, &c) == 0)
		if ((name = unseen_name(c)) != NULL)
			return dd_fail(e, DD_EINVAL, NULL, "The %s cannot contain U+%04X (%s): it is "
			    "invisible or turns the text around it, so the page "
			    "would not show what is stored.", what, (unsigned)c,
			    name);
	return 0;
}

static int
copy_out(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (strlen(in) >= outsz)
		return dd_fail(e, DD_EINVAL, NULL, "The value is too long.");
	memcpy(out, in, strlen(in) + 1);
	return 0;
}

int
val_description(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (check_text(in, DESC_CHARS, DESC_SZ - 1, "description", e) == -1 || check_shown(in, "description", e) == -1)
		return -1;
	return copy_out(in, out, outsz, e);
}

int
val_login(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	const char *pw;

	if (check_text(in, LOGIN_SZ - 1, LOGIN_SZ - 1, "login", e) == -1 || check_shown(in, "login", e) == -1)
		return -1;
	if (strchr(in, '#') != NULL)
		return dd_fail(e, DD_EINVAL, NULL, "A login cannot contain '#': ddclient's configuration "
		    "would read the rest as a comment.");
	/* ddclient takes any "password...=" on a line as a password. */
	if ((pw = strstr(in, "password")) != NULL && strchr(pw, '=') != NULL)
		return dd_fail(e, DD_EINVAL, NULL, "A login cannot contain 'password' followed by '=': "
		    "ddclient would read it as a password setting.");
	return copy_out(in, out, outsz, e);
}

int
val_password(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (check_text(in, PASSWORD_SZ - 1, PASSWORD_SZ - 1, "password", e) == -1)
		return -1;
	if (!ddconf_password_ok(in))
		return dd_fail(e, DD_EINVAL, NULL, "A password cannot hold a space followed by 'password' and "
		    "'=': ddclient would read that part as settings of its own.");
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

int
val_server(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	char host[SERVER_SZ], canon[HOSTNAME_SZ];
	const char *colon;
	long long port;
	size_t n;

	if (strchr(in, '[') != NULL || strchr(in, ':') != strrchr(in, ':'))
		return dd_fail(e, DD_EINVAL, NULL, "ddclient 3.10 cannot reach a server by an IPv6 address: "
		    "enter its host name or an IPv4 address.");
	colon = strchr(in, ':');
	n = colon ? (size_t)(colon - in) : strlen(in);
	if (n == 0 || n >= sizeof(host))
		return dd_fail(e, DD_EINVAL, NULL, "Enter the server as a host name or an IPv4 address, "
		    "optionally with :port, e.g. members.example.net:8245.");
	memcpy(host, in, n);
	host[n] = '\0';
	if (colon && num_parse(colon + 1, 1, 65535, &port) == -1)
		return dd_fail(e, DD_EINVAL, NULL, "The port after ':' must be a number from 1 to 65535.");
	if (is_ipv4(host)) {
		if (strlen(in) >= outsz)
			return dd_fail(e, DD_EINVAL, NULL, "The server address is too long.");
		memcpy(out, in, strlen(in) + 1);
		return 0;
	}
	if (val_hostname(host, canon, sizeof(canon), e) == -1)
		return -1;
	if (snprintf(out, outsz, "%s%s", canon, colon ? colon : "") >= (int)outsz)
		return dd_fail(e, DD_EINVAL, NULL, "The server address is too long.");
	return 0;
}

int
val_protocol(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (proto_find(in) == NULL)
		return dd_fail(e, DD_EINVAL, NULL, "Choose one of the protocols of the list.");
	return copy_out(in, out, outsz, e);
}

/* TSIG key names are domain names; tsig-keygen's default is "tsig-key". */
int
val_tsig_name(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	size_t n = strlen(in);

	if (n > 100 || strspn(in, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789.-_") != n)
		return dd_fail(e, DD_EINVAL, NULL, "Enter the TSIG key's name as the DNS administrator gave it "
		    "(the word after 'key' in the key file, e.g. ddns-key): "
		    "letters, digits and . - _ only, at most 100.");
	if (!isalnum((unsigned char)in[0]) || strstr(in, "..") != NULL)
		return dd_fail(e, DD_EINVAL, NULL, "A key name begins with a letter or a digit and has no two "
		    "dots in a row.");
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
		return dd_fail(e, DD_EINVAL, NULL, "Enter the TSIG key's secret: the base64 text between the "
		    "quotes after 'secret' in the key file, e.g. "
		    "4Q1v4G0LQ3Y9m4c2VpzBfA==.");
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
	return dd_fail(e, DD_EINVAL, NULL, "Choose one of the algorithms of the list: the key file names it "
	    "after 'algorithm'.");
}

/* The families a host may ask for, by their form word (FAM_* bits). */
static const struct {
	const char	*word;
	unsigned	 bit;
} families[] = {
	{ "ipv4", FAM_V4 }, { "ipv6", FAM_V6 }, { "dual", FAM_DUAL },
};
#define NFAMILIES (sizeof(families) / sizeof(families[0]))

size_t
val_family_count(void)
{
	return NFAMILIES;
}

const char *
val_family_at(size_t i)
{
	return i < NFAMILIES ? families[i].word : NULL;
}

/* family_bit: the FAM_* of a canonical family word, or 0. */
static unsigned
family_bit(const char *word)
{
	size_t i;

	for (i = 0; i < NFAMILIES; i++)
		if (strcmp(word, families[i].word) == 0)
			return families[i].bit;
	return 0;
}

int
val_family(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (family_bit(in) == 0)
		return dd_fail(e, DD_EINVAL, NULL, "Choose IPv4, IPv6 or both "
		    "(dual stack).");
	return copy_out(in, out, outsz, e);
}

int
val_flag(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	/* A ticked checkbox sends its value ("yes"), or "on" without one. */
	if (strcmp(in, "yes") != 0 && strcmp(in, "on") != 0)
		return dd_fail(e, DD_EINVAL, NULL, "Tick the box, or leave it "
		    "empty.");
	return copy_out("yes", out, outsz, e);
}

int
val_provider(const char *in, char *out, size_t outsz, struct dd_err *e)
{
	if (prov_find(in) == NULL)
		return dd_fail(e, DD_EINVAL, NULL, "Choose one of the providers of the list.");
	return copy_out(in, out, outsz, e);
}

/* ---- the whole form ---- */

/* What each field needs, declared once in host.h: kcgi's validator table. */
static const struct fieldrule {
	val_fn		 fn;
	val_fn		 tsig_fn;	/* instead of fn when PF_TSIG */
	unsigned	 required;	/* flags that make it required */
	unsigned	 accepted;	/* flags that let it be given */
	const char	*ask;		/* message when required and empty */
} rules[] = {
#define RULE(e, n, size, fn, tsig, req, acc, resend, ask) \
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

val_fn
val_field_fn(enum hfield f)
{
	return rules[f].fn;
}

/* Check field f against what the provider requires (need) and accepts
 * (take); write the canonical value into out or a message into why. */
static int
check_field(enum hfield f, const char *v, unsigned need, unsigned take,
    const struct provider *p, struct host *out, char *why)
{
	const struct fieldrule *r = &rules[f];
	struct dd_err e;
	size_t size;
	char *dst = host_field(out, f, &size);
	val_fn fn = (need & PF_TSIG) && r->tsig_fn ? r->tsig_fn : r->fn;

	if (*v == '\0') {
		if (r->required & need)
			snprintf(why, VAL_WHY, "%s", r->ask);
		return *why ? -1 : 0;
	}
	if (!(r->accepted & take)) {
		snprintf(why, VAL_WHY, "%s does not use this field: leave it "
		    "empty.", p->label);
		return -1;
	}
	if (fn(v, dst, size, &e) == -1) {
		snprintf(why, VAL_WHY, "%s", e.msg);
		return -1;
	}
	return 0;
}

/*
 * check_version: what the installed ddclient (v) can do for provider p
 * with protocol proto: the protocol must exist there, and the host's
 * family be one it updates. The message goes beside the field to change.
 */
static int
check_version(const struct provider *p, const char *proto, enum ddv v,
    struct host *out, char why[HF__MAX][VAL_WHY])
{
	unsigned fams = prov_families(p, proto, v), want;
	const char *name = ddver_name(v);

	if (fams == 0) {
		snprintf(why[(p->flags & PF_PROTOCOL) ? HF_PROTOCOL :
		    HF_PROVIDER], VAL_WHY, "The installed ddclient %s cannot "
		    "update this provider (protocol %s): choose another.", name,
		    prov_protocol(p, proto));
		return -1;
	}
	/* 3.11 hands login and password to curl escaped with Perl's \v,
	 * which also matches the byte 0x85 (in U+0105 a, U+00C5 A, ...): curl
	 * then sends 0x0b instead (measured: t0030 on 3.11). */
	if (v == DDV_311 && (strchr(out->login, 0x85) ||
	    strchr(out->password, 0x85))) {
		snprintf(why[strchr(out->login, 0x85) ? HF_LOGIN : HF_PASSWORD],
		    VAL_WHY, "ddclient 3.11 would send one of these letters "
		    "changed (its defect with the byte 0x85, found in letters "
		    "such as \xc4\x85 or \xc3\x85): use others here.");
		return -1;
	}
	if (*out->family == '\0')
		snprintf(out->family, sizeof(out->family), "%s", "ipv4");
	want = family_bit(out->family);
	if (want == 0 || (fams & want))
		return 0;
	if (want == FAM_DUAL && (fams & FAM_ONE) == FAM_ONE)
		snprintf(why[HF_FAMILY], VAL_WHY, "ddclient %s sends one address "
		    "per request for this provider: choose IPv4 or IPv6.", name);
	else
		snprintf(why[HF_FAMILY], VAL_WHY, "ddclient %s cannot update %s "
		    "for this provider.", name, want == FAM_V4 ? "an IPv4 address"
		    : want == FAM_V6 ? "an IPv6 address" : "both addresses");
	return -1;
}

/*
 * check_below: a protocol that sends the hostname less its domain (the
 * zone; Namecheap: the login) needs a name below that domain: the domain
 * itself (the apex, "@" at the provider) or a name of another one would
 * go out whole, a record the provider does not have (issue 14).
 */
static int
check_below(const struct provider *p, const char *proto, struct host *out,
    char why[HF__MAX][VAL_WHY])
{
	const struct protocol *pr = proto_find(prov_protocol(p, proto));
	const char *dom;
	size_t hn, dn;
	int n;

	if (pr == NULL || !(pr->flags & (PF_BELOW_ZONE | PF_BELOW_LOGIN)))
		return 0;
	dom = (pr->flags & PF_BELOW_ZONE) ? out->zone : out->login;
	hn = strlen(out->hostname);
	dn = strlen(dom);
	if (hn > dn + 1 && out->hostname[hn - dn - 1] == '.' &&
	    strcmp(out->hostname + hn - dn, dom) == 0)
		return 0;
	n = utf8_cut(dom, 60);
	snprintf(why[HF_HOSTNAME], VAL_WHY, "ddclient sends this provider the "
	    "name less its domain (%.*s, the %s): enter a name below it, e.g. "
	    "home.%.*s; the domain itself (@) cannot be updated from here.",
	    n, dom, (pr->flags & PF_BELOW_ZONE) ? "zone" : "login", n, dom);
	return -1;
}

int
val_host(const char *const in[HF__MAX], const struct host *old, enum ddv ver,
    struct host *out, char why[HF__MAX][VAL_WHY])
{
	const struct provider *p;
	unsigned flags, take;
	int bad = 0, f;
	const char *v[HF__MAX];

	memset(out, 0, sizeof(*out));
	for (f = 0; f < HF__MAX; f++) {
		why[f][0] = '\0';
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
		bad++;
		check_field(HF_PROVIDER, v[HF_PROVIDER], HF_ALWAYS, HF_ALWAYS, p,
		    out, why[HF_PROVIDER]);
	} else
		snprintf(out->provider, sizeof(out->provider), "%s", p->id);
	flags = prov_flags(p, v[HF_PROTOCOL]) | HF_ALWAYS;
	take = flags;
	/* Custom without a known protocol: the other fields cannot be judged. */
	if ((p->flags & PF_PROTOCOL) && proto_find(v[HF_PROTOCOL]) == NULL)
		take = ~0u;
	/* Modify: an empty password keeps the stored one. */
	if (old != NULL && *v[HF_PASSWORD] == '\0' && (flags & PF_PASSWORD))
		v[HF_PASSWORD] = old->password;
	for (f = 0; f < HF__MAX; f++)
		if (f != HF_PROVIDER &&
		    check_field(f, v[f], flags, take, p, out, why[f]) == -1)
			bad++;
	/* Judged only once the provider and its protocol are known. */
	if (bad == 0 && check_version(p, v[HF_PROTOCOL], ver, out, why) == -1)
		bad++;
	if (bad == 0 && check_below(p, v[HF_PROTOCOL], out, why) == -1)
		bad++;
	return bad;
}

int
val_stored(const struct host *row, enum ddv ver, struct host *out,
    char why[HF__MAX][VAL_WHY])
{
	const char *in[HF__MAX];
	struct host copy = *row;
	int f, bad;

	for (f = 0; f < HF__MAX; f++)
		in[f] = host_field(&copy, f, NULL);
	bad = val_host(in, NULL, ver, out, why);
	out->id = row->id;
	out->enabled = row->enabled;
	out->created = row->created;
	out->updated = row->updated;
	/* The canonical form must be what is stored: a row the form would
	 * have changed was not written by the form. */
	for (f = 0; f < HF__MAX; f++)
		if (why[f][0] == '\0' && strcmp(host_field(&copy, f, NULL),
		    host_field(out, f, NULL)) != 0) {
			snprintf(why[f], VAL_WHY, "The stored value is not in "
			    "the form's own spelling.");
			bad++;
		}
	for (f = 0; f < HF__MAX; f++)
		if (row->damaged & (1u << f)) {
			snprintf(why[f], VAL_WHY, "The stored value holds a NUL "
			    "byte or is longer than the form allows.");
			bad++;
		}
	if (row->enabled != 0 && row->enabled != 1) {
		snprintf(why[HF_HOSTNAME], VAL_WHY, "The stored row is neither "
		    "enabled nor disabled.");
		bad++;
	}
	return bad;
}

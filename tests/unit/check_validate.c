/* check_validate.c: the field validators and the whole-form validator. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "host.h"
#include "idn.h"
#include "validate.h"
#include "testutil.h"

/* A validator case: the input, whether it passes, and either the canonical
 * output (when it passes; NULL = same as input) or a text the message must
 * hold (when refused; NULL = any non-empty message). */
struct vcase {
	const char	*in;
	int		 ok;
	const char	*expect;
};

static void
run_case(val_fn fn, const char *fname, const struct vcase *c)
{
	char out[1024];
	struct dd_err e;
	const char *why = e.msg;
	int rc;

	memset(out, 0, sizeof(out));
	dd_clear(&e);
	rc = fn(c->in, out, sizeof(out), &e);
	if (c->ok) {
		ck_assert_msg(rc == 0, "%s(\"%s\") refused: %s", fname, c->in,
		    why);
		ck_assert_str_eq(out, c->expect ? c->expect : c->in);
	} else {
		ck_assert_msg(rc == -1, "%s(\"%s\") accepted as \"%s\"", fname,
		    c->in, out);
		ck_assert_msg(why[0] != '\0', "%s(\"%s\") refused without a "
		    "message", fname, c->in);
		ck_assert_int_eq(e.code, DD_EINVAL);
		if (c->expect)
			ck_assert_msg(strstr(why, c->expect) != NULL,
			    "%s(\"%s\"): message \"%s\" lacks \"%s\"", fname,
			    c->in, why, c->expect);
	}
}

/* repeat: n copies of s, in a static buffer per slot. */
static const char *
repeat(int slot, const char *s, size_t n)
{
	static char bufs[8][2048];
	char *b = bufs[slot];
	size_t i, len = strlen(s);

	ck_assert(len * n < sizeof(bufs[0]));
	for (i = 0; i < n; i++)
		memcpy(b + i * len, s, len);
	b[n * len] = '\0';
	return b;
}

/* ---- val_hostname ---- */

static char l63[64], l64[65], n253[256], n254[256], n253dot[300];

static void
make_long_names(void)
{
	memset(l63, 'a', 63);
	l63[63] = '\0';
	memset(l64, 'a', 64);
	l64[64] = '\0';
	/* 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 */
	snprintf(n253, sizeof(n253), "%s.%s.%s.%.61s", l63, l63, l63, l63);
	snprintf(n254, sizeof(n254), "%s.%s.%s.%.62s", l63, l63, l63, l63);
	snprintf(n253dot, sizeof(n253dot), "%s.", n253);
}

static char l63name[100], l64name[100];

static const struct vcase hostname_cases[] = {
	{ "arthur-rimbaud.dyndns.org", 1, NULL },
	{ "Arthur-Rimbaud.DynDNS.ORG", 1, "arthur-rimbaud.dyndns.org" },
	{ "myhome.example.com.", 1, "myhome.example.com" },
	{ "myhome.example.com..", 0, NULL },
	{ "3com.example.com", 1, NULL },
	{ "a.b", 1, NULL },
	{ "x-1.example.com", 1, NULL },
	{ "myhome", 0, "single label" },
	{ "myhome.", 0, "single label" },
	{ "-myhome.example.com", 0, "hyphen" },
	{ "myhome-.example.com", 0, "hyphen" },
	{ "myhome.example.com-", 0, "hyphen" },
	{ "my_home.example.com", 0, "'_'" },
	{ "my home.example.com", 0, NULL },
	{ "a..b", 0, "empty label" },
	{ ".a.b", 0, "empty label" },
	{ ".", 0, NULL },
	{ "1.2.3.4", 0, "all digits" },
	{ "myhome.example.123", 0, "all digits" },
	{ "myhome.example.com/x", 0, NULL },
	{ "myhome.example.com:80", 0, NULL },
	{ "myhome.example.com\n", 0, NULL },
	{ "m\xc3\xbcnchen.de", 0, "xn--mnchen-3ya.de" },
	{ "M\xc3\x9cNCHEN.de", 0, "xn--mnchen-3ya.de" },
	{ "\xff\xfe.example.com", 0, NULL },
	{ "m\xc3.example.com", 0, NULL },
};
#define NHOSTNAME (sizeof(hostname_cases) / sizeof(hostname_cases[0]))

START_TEST(hostname_cases_table)
{
	run_case(val_hostname, "val_hostname", &hostname_cases[_i]);
}
END_TEST

START_TEST(hostname_accepts_63_char_label_refuses_64)
{
	const struct vcase ok = { l63name, 1, NULL }, bad = { l64name, 0,
	    "63" };

	make_long_names();
	snprintf(l63name, sizeof(l63name), "%s.example.com", l63);
	snprintf(l64name, sizeof(l64name), "%s.example.com", l64);
	run_case(val_hostname, "val_hostname", &ok);
	run_case(val_hostname, "val_hostname", &bad);
}
END_TEST

START_TEST(hostname_accepts_253_chars_refuses_254)
{
	struct vcase ok = { n253, 1, NULL }, bad = { n254, 0, "253" },
	    dot = { n253dot, 1, n253 };

	make_long_names();
	ck_assert_uint_eq(strlen(n253), 253);
	ck_assert_uint_eq(strlen(n254), 254);
	run_case(val_hostname, "val_hostname", &ok);
	run_case(val_hostname, "val_hostname", &bad);
	run_case(val_hostname, "val_hostname", &dot);
}
END_TEST

START_TEST(hostname_refuses_invalid_utf8_without_punycode_hint)
{
	char out[300];
	struct dd_err e;

	ck_assert_int_eq(val_hostname("\xc0\xaf.example.com", out, sizeof(out),
	    &e), -1);
	ck_assert_ptr_null(strstr(e.msg, "xn--"));
}
END_TEST

START_TEST(hostname_does_not_overflow_small_output)
{
	static const char name[] = "myhome.example.com";	/* 18 + NUL */
	char out[32];
	struct dd_err e;
	size_t i;

	/* One byte short: refused, and nothing written past outsz. */
	memset(out, 'Z', sizeof(out));
	dd_clear(&e);
	ck_assert_int_eq(val_hostname(name, out, sizeof(name) - 1, &e), -1);
	ck_assert(e.msg[0] != '\0');
	for (i = sizeof(name) - 1; i < sizeof(out); i++)
		ck_assert_msg(out[i] == 'Z', "byte %zu written", i);
	/* Exactly enough: accepted, and the guard bytes after it untouched. */
	memset(out, 'Z', sizeof(out));
	ck_assert_int_eq(val_hostname(name, out, sizeof(name), &e), 0);
	ck_assert_str_eq(out, name);
	for (i = sizeof(name); i < sizeof(out); i++)
		ck_assert_msg(out[i] == 'Z', "byte %zu written", i);
}
END_TEST

/* ---- val_idn_ascii ---- */

static const struct {
	const char	*in;
	const char	*out;
} idn_cases[] = {
	{ "b\xc3\xbc" "cher.example", "xn--bcher-kva.example" },
	{ "m\xc3\xbcnchen.de", "xn--mnchen-3ya.de" },
	{ "B\xc3\x9c" "CHER.example", "xn--bcher-kva.example" },
	{ "stra\xc3\x9f" "e.de", "xn--strae-oqa.de" },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e.jp", "xn--wgv71a119e.jp" },
	{ "\xe2\x98\x83.net", "xn--n3h.net" },
	{ "example.com", "example.com" },
	{ "www.b\xc3\xbc" "cher.example", "www.xn--bcher-kva.example" },
};
#define NIDN (sizeof(idn_cases) / sizeof(idn_cases[0]))

START_TEST(idn_ascii_encodes_known_names)
{
	char out[256];

	ck_assert_int_eq(val_idn_ascii(idn_cases[_i].in, out, sizeof(out)), 0);
	ck_assert_str_eq(out, idn_cases[_i].out);
}
END_TEST

START_TEST(idn_ascii_refuses_invalid_utf8_and_small_buffer)
{
	char out[256], small[10];

	ck_assert_int_eq(val_idn_ascii("b\xc3" "cher.example", out,
	    sizeof(out)), -1);
	ck_assert_int_eq(val_idn_ascii("\xed\xa0\x80.example", out,
	    sizeof(out)), -1);
	ck_assert_int_eq(val_idn_ascii("b\xc3\xbc" "cher.example", small,
	    sizeof(small)), -1);
}
END_TEST

/* ---- val_description ---- */

static const struct vcase desc_cases[] = {
	{ "Home router, Paris office", 1, NULL },
	{ "\xc3\x9cnic\xc3\xb6" "de \xe2\x98\x83 'quoted' \"double\" # , = $ \\", 1,
	  NULL },
	{ "two\nlines", 0, "control" },
	{ "tab\there", 0, NULL },
	{ "cr\rhere", 0, NULL },
	{ "del\x7fhere", 0, NULL },
	{ "c1 \xc2\x85 next line", 0, NULL },
	{ "bad \xc3\x28 utf8", 0, "UTF-8" },
	{ "surrogate \xed\xa0\x80", 0, "UTF-8" },
	{ "overlong \xc0\xaf", 0, "UTF-8" },
	/* Invisible or direction-changing: the list page would show
	 * "evil" + "exe.txt" turned around, or two equal-looking texts. */
	{ "invoice\xe2\x80\xaetxt.exe", 0, "U+202E (right-to-left override)" },
	{ "zero\xe2\x80\x8bwidth", 0, "U+200B (zero width space)" },
	{ "\xe2\x80\x8ftail", 0, "U+200F (right-to-left mark)" },
	{ "embed\xe2\x80\xaax", 0, "U+202A (left-to-right embedding)" },
	{ "joiner\xe2\x81\xa0x", 0, "U+2060 (word joiner)" },
	{ "plus\xe2\x81\xa4x", 0, "U+2064 (invisible plus)" },
	{ "isolate\xe2\x81\xa6x", 0, "U+2066 (left-to-right isolate)" },
	{ "pdi\xe2\x81\xa9", 0, "U+2069 (pop directional isolate)" },
	{ "\xef\xbb\xbf" "bom", 0, "U+FEFF (zero width no-break space)" },
	{ "alm\xd8\x9cx", 0, "U+061C (Arabic letter mark)" },
	{ "mvs\xe1\xa0\x8ex", 0, "U+180E (Mongolian vowel separator)" },
	{ "soft\xc2\xadhyphen", 0, "U+00AD (soft hyphen)" },
	{ "line\xe2\x80\xa8sep", 0, "U+2028 (line separator)" },
	{ "filler\xe3\x85\xa4x", 0, "U+3164 (Hangul filler)" },
	{ "tag\xf3\xa0\x81\x81x", 0, "U+E0041 (tag character)" },
	/* Visible neighbours of that class stay allowed. */
	{ "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d Hebrew, \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 Arabic", 1, NULL },
	{ "no\xc2\xa0" "break space, en\xe2\x80\x93" "dash, \xe2\x80\xa6", 1, NULL },
	{ "heart \xe2\x9d\xa4\xef\xb8\x8f emoji", 1, NULL },
};
#define NDESC (sizeof(desc_cases) / sizeof(desc_cases[0]))

START_TEST(description_cases_table)
{
	run_case(val_description, "val_description", &desc_cases[_i]);
}
END_TEST

START_TEST(description_counts_characters_not_bytes)
{
	/* 200 x U+00E9 is 400 bytes: allowed; 201 characters are not. */
	struct vcase ok = { NULL, 1, NULL }, bad = { NULL, 0, "200" },
	    ok3 = { NULL, 1, NULL };

	ok.in = repeat(0, "\xc3\xa9", 200);
	bad.in = repeat(1, "\xc3\xa9", 201);
	ok3.in = repeat(2, "\xe2\x82\xac", 200);	/* 600 bytes */
	run_case(val_description, "val_description", &ok);
	run_case(val_description, "val_description", &bad);
	run_case(val_description, "val_description", &ok3);
	bad.in = repeat(3, "a", 201);
	run_case(val_description, "val_description", &bad);
}
END_TEST

/* ---- val_login ---- */

static const struct vcase login_cases[] = {
	{ "arthur", 1, NULL },
	{ "a b,c'd\"e\\f", 1, NULL },
	{ "user@example.com", 1, NULL },
	{ "j\xc3\xbcrgen", 1, NULL },
	{ "mypassword", 1, NULL },
	{ "us#er", 0, "#" },
	{ "user\n", 0, NULL },
	{ "us\ter", 0, NULL },
	{ "xpassword=y", 0, "password" },
	{ "password=x", 0, "password" },
	{ "a password b=c", 0, "password" },
	{ "bad \xff", 0, NULL },
	{ "arthur\xe2\x80\x8b", 0, "U+200B (zero width space)" },
	{ "\xe2\x80\xae" "ruhtra", 0, "U+202E (right-to-left override)" },
	{ "ar\xe2\x80\x8dthur", 0, "U+200D (zero width joiner)" },
};
#define NLOGIN (sizeof(login_cases) / sizeof(login_cases[0]))

START_TEST(login_cases_table)
{
	run_case(val_login, "val_login", &login_cases[_i]);
}
END_TEST

START_TEST(login_accepts_128_bytes_refuses_129)
{
	struct vcase ok = { NULL, 1, NULL }, bad = { NULL, 0, NULL };

	ok.in = repeat(0, "x", 128);
	bad.in = repeat(1, "x", 129);
	run_case(val_login, "val_login", &ok);
	run_case(val_login, "val_login", &bad);
	ok.in = repeat(2, "\xc3\xa9", 64);	/* 128 bytes */
	bad.in = repeat(3, "\xc3\xa9", 65);	/* 130 bytes, 65 chars */
	run_case(val_login, "val_login", &ok);
	run_case(val_login, "val_login", &bad);
}
END_TEST

/* ---- val_password ---- */

static const struct vcase password_cases[] = {
	{ "simple", 1, NULL },
	{ "p a#s,s=w\"o$rd\\x'y", 1, NULL },
	{ "it's", 1, NULL },
	{ "'", 1, NULL },
	{ " leading and trailing ", 1, NULL },
	{ "two  spaces", 1, NULL },
	{ "$(id) `id` ${HOME} %s %n", 1, NULL },
	{ "p\xc3\xa4sswo\xcc\x88rd \xe2\x98\x83", 1, NULL },
	{ "xpassword=y", 1, NULL },
	{ "password= x", 1, NULL },
	{ "a password", 1, NULL },
	{ "pass word=x", 1, NULL },
	/* ddclient would read " password=x" as a setting of its own. */
	{ "b@Z: password=x", 0, "password" },
	{ "my password = secret", 0, "password" },
	{ "line\nbreak", 0, NULL },
	{ "carriage\rreturn", 0, NULL },
	{ "bell\x07", 0, NULL },
	{ "tab\t", 0, NULL },
	{ "del\x7f", 0, NULL },
	{ "bad \xc3\x28", 0, NULL },
	/* No page shows it, and the provider must get it exactly. */
	{ "pw\xe2\x80\xae\xe2\x80\x8b\xef\xbb\xbfx", 1, NULL },
};
#define NPASSWORD (sizeof(password_cases) / sizeof(password_cases[0]))

START_TEST(password_cases_table)
{
	run_case(val_password, "val_password", &password_cases[_i]);
}
END_TEST

START_TEST(password_accepts_256_bytes_refuses_257)
{
	struct vcase ok = { NULL, 1, NULL }, bad = { NULL, 0, NULL };

	ok.in = repeat(0, "#", 256);
	bad.in = repeat(1, "#", 257);
	run_case(val_password, "val_password", &ok);
	run_case(val_password, "val_password", &bad);
}
END_TEST

/* ---- val_server ---- */

static const struct vcase server_cases[] = {
	{ "members.example.net", 1, NULL },
	{ "Members.Example.NET", 1, "members.example.net" },
	{ "192.0.2.1:8245", 1, NULL },
	{ "192.0.2.1", 1, NULL },
	{ "127.0.0.1:8080", 1, NULL },
	{ "host.example.net:65535", 1, NULL },
	{ "host.example.net:1", 1, NULL },
	{ "host.example.net:0", 0, "65535" },
	{ "host.example.net:65536", 0, "65535" },
	{ "host.example.net:abc", 0, "65535" },
	{ "host.example.net:", 0, NULL },
	{ "host.example.net:-1", 0, NULL },
	{ ":8245", 0, NULL },
	{ "2001:db8::1", 0, "IPv6" },
	{ "[2001:db8::1]:8245", 0, "IPv6" },
	{ "localhost", 0, "single label" },
	{ "localhost:8080", 0, "single label" },
	{ "999.1.1.1", 0, "all digits" },
	{ "192.0.2", 0, NULL },
	/* a pasted URL: the message names the part to enter (issue 23) */
	{ "http://members.example.net", 0, "without \"http://\", \"https://\" or a path: members.example.net" },
	{ "HTTPS://Members.Example.NET:8245/nic/update?x=1", 0, "a path: members.example.net:8245" },
	{ "https://dyn.example.net#top", 0, "a path: dyn.example.net" },
	{ "https://192.0.2.1:8443/", 0, "a path: 192.0.2.1:8443" },
	{ "https://-bad.example.net/", 0, "host name or an IPv4 address" },
	{ "https://", 0, "host name or an IPv4 address" },
	{ "members.example.net/nic/update", 0, NULL },
	{ "members.example.net, login=x", 0, NULL },
};
#define NSERVER (sizeof(server_cases) / sizeof(server_cases[0]))

START_TEST(server_cases_table)
{
	run_case(val_server, "val_server", &server_cases[_i]);
}
END_TEST

/* ---- the TSIG key of nsupdate: never a path or a program ---- */

static const struct vcase tsig_name_cases[] = {
	{ "ddns-key", 1, NULL },
	{ "tsig-key", 1, NULL },
	{ "host1.dyn.example.com", 1, NULL },
	{ "Key_1", 1, NULL },
	{ "/bin/bash", 0, "name" },
	{ "/usr/bin/nsupdate", 0, "name" },
	{ "/bin/sh -c id>pwned;", 0, "name" },
	{ "key name", 0, "name" },
	{ "$(id)", 0, "name" },
	{ "-key", 0, "begins" },
	{ ".key", 0, "begins" },
	{ "a..b", 0, "two dots" },
};
#define NTSIGNAME (sizeof(tsig_name_cases) / sizeof(tsig_name_cases[0]))

START_TEST(tsig_name_cases_table)
{
	run_case(val_tsig_name, "val_tsig_name", &tsig_name_cases[_i]);
}
END_TEST

static const struct vcase tsig_secret_cases[] = {
	{ "c2VjcmV0LXNlY3JldC1zZWNyZXQ=", 1, NULL },
	{ "4Q1v4G0LQ3Y9m4c2VpzBfA==", 1, NULL },
	{ "0123456789abcdefABCDEF+/", 1, NULL },
	{ "/etc/ddclient/k.key", 0, "base64" },
	{ "x'$(id>pwned)'", 0, "base64" },
	{ "4Q1v4G0LQ3Y9m4c2VpzBfA=", 0, "base64" },
	{ "4Q1v4G0LQ3Y9m4c2VpzB===", 0, "base64" },
	{ "4Q1v4G0L=3Y9m4c2VpzBfA==", 0, "base64" },
	{ "abcd", 0, "base64" },
	{ "c2VjcmV0 LXNlY3JldA==", 0, "base64" },
};
#define NTSIGSECRET (sizeof(tsig_secret_cases) / sizeof(tsig_secret_cases[0]))

START_TEST(tsig_secret_cases_table)
{
	run_case(val_tsig_secret, "val_tsig_secret", &tsig_secret_cases[_i]);
}
END_TEST

static const struct vcase algorithm_cases[] = {
	{ "hmac-sha256", 1, NULL },
	{ "hmac-sha512", 1, NULL },
	{ "hmac-md5", 1, NULL },
	{ "HMAC-SHA256", 0, "algorithms" },
	{ "sha256", 0, "algorithms" },
	{ "hmac-sha256;", 0, "algorithms" },
};
#define NALG (sizeof(algorithm_cases) / sizeof(algorithm_cases[0]))

START_TEST(algorithm_cases_table)
{
	run_case(val_algorithm, "val_algorithm", &algorithm_cases[_i]);
}
END_TEST

/* ---- val_protocol ---- */

START_TEST(protocol_accepts_listed_refuses_others)
{
	const struct vcase ok = { "dyndns2", 1, NULL },
	    unknown = { "dyndns3", 0, NULL }, upper = { "DYNDNS2", 0, NULL };

	run_case(val_protocol, "val_protocol", &ok);
	run_case(val_protocol, "val_protocol", &unknown);
	run_case(val_protocol, "val_protocol", &upper);
}
END_TEST

/* ---- val_host: the whole form ---- */

struct form {
	const char	*in[HF__MAX];
};

static int
check_host(const struct form *f, const struct host *old, struct host *out,
    struct dd_err why[HF__MAX])
{
	memset(why, 0x55, sizeof(struct dd_err[HF__MAX]));
	return val_host(f->in, old, DDV_310, out, why);
}

/* Forms with fields in the wrong place or missing: which fields get a
 * message (bad), which must not (good), and how many messages in all. */
static const struct refusal {
	const char	*what;
	struct form	 f;
	int		 min, max;	/* number of bad fields */
	enum hfield	 bad[2];
	int		 nbad;
	enum hfield	 good[2];
	int		 ngood;
	const char	*says;		/* in the first bad field's message */
} refusals[] = {
	{ "no provider",
	  { { [HF_HOSTNAME] = "home.example.com" } },
	  1, HF__MAX, { HF_PROVIDER }, 1, { HF_HOSTNAME }, 1, NULL },
	{ "unknown provider",
	  { { [HF_HOSTNAME] = "home.example.com", [HF_PROVIDER] = "nosuchdns",
	    [HF_LOGIN] = "u", [HF_PASSWORD] = "p" } },
	  1, HF__MAX, { HF_PROVIDER }, 1, { HF_HOSTNAME }, 1, NULL },
	{ "Dyn needs login and password",
	  { { [HF_HOSTNAME] = "home.example.com", [HF_PROVIDER] = "dyn" } },
	  2, 2, { HF_LOGIN, HF_PASSWORD }, 2, { HF_HOSTNAME, HF_PROVIDER }, 2,
	  NULL },
	{ "Duck DNS refuses a login",
	  { { [HF_HOSTNAME] = "home.duckdns.org", [HF_PROVIDER] = "duckdns",
	    [HF_LOGIN] = "arthur", [HF_PASSWORD] = "token" } },
	  1, 1, { HF_LOGIN }, 1, { HF_PASSWORD }, 1, "does not use this field" },
	{ "Custom needs server and protocol",
	  { { [HF_HOSTNAME] = "home.example.com", [HF_PROVIDER] = "custom" } },
	  2, HF__MAX, { HF_SERVER, HF_PROTOCOL }, 2, { HF_HOSTNAME }, 1, NULL },
	{ "Custom refuses an unknown protocol",
	  { { [HF_HOSTNAME] = "home.example.com", [HF_PROVIDER] = "custom",
	    [HF_PROTOCOL] = "cmd", [HF_SERVER] = "127.0.0.1:8080",
	    [HF_LOGIN] = "u", [HF_PASSWORD] = "p" } },
	  1, 1, { HF_PROTOCOL }, 1, { HF_SERVER }, 1, NULL },
	{ "No-IP refuses an MX",
	  { { [HF_HOSTNAME] = "home.example.com", [HF_PROVIDER] = "noip",
	    [HF_LOGIN] = "u", [HF_PASSWORD] = "p",
	    [HF_MX] = "mx.example.com" } },
	  1, 1, { HF_MX }, 1, { HF_LOGIN }, 1, NULL },
	{ "a provider with a fixed server refuses a server",
	  { { [HF_HOSTNAME] = "home.example.com", [HF_PROVIDER] = "dyn",
	    [HF_LOGIN] = "u", [HF_PASSWORD] = "p",
	    [HF_SERVER] = "evil.example.net" } },
	  1, 1, { HF_SERVER }, 1, { HF_LOGIN }, 1, NULL },
};
#define NREFUSALS (int)(sizeof(refusals) / sizeof(refusals[0]))

START_TEST(host_refuses_misplaced_or_missing_fields)
{
	const struct refusal *c = &refusals[_i];
	struct dd_err why[HF__MAX];
	struct host out;
	int n, j;

	n = check_host(&c->f, NULL, &out, why);
	ck_assert_msg(n >= c->min && n <= c->max, "%s: %d bad fields",
	    c->what, n);
	for (j = 0; j < c->nbad; j++)
		ck_assert_msg(why[c->bad[j]].msg[0] != '\0', "%s: no message for "
		    "field %d", c->what, c->bad[j]);
	for (j = 0; j < c->ngood; j++)
		ck_assert_msg(why[c->good[j]].msg[0] == '\0', "%s: field %d: %s",
		    c->what, c->good[j], why[c->good[j]].msg);
	if (c->says != NULL)
		ck_assert_msg(strstr(why[c->bad[0]].msg, c->says) != NULL, "%s: %s",
		    c->what, why[c->bad[0]].msg);
}
END_TEST

START_TEST(host_dyn_valid_form_is_canonicalised)
{
	struct form f = { .in = { [HF_HOSTNAME] = "Home.Example.COM.",
	    [HF_DESCRIPTION] = "salon", [HF_LOGIN] = "arthur",
	    [HF_PASSWORD] = "s3cret #1", [HF_MX] = "MX.example.com",
	    [HF_PROVIDER] = "dyn" } };
	struct dd_err why[HF__MAX];
	struct host out;
	int i;

	ck_assert_int_eq(check_host(&f, NULL, &out, why), 0);
	for (i = 0; i < HF__MAX; i++)
		ck_assert_msg(why[i].msg[0] == '\0', "field %d: %s", i, why[i].msg);
	ck_assert_str_eq(out.hostname, "home.example.com");
	ck_assert_str_eq(out.description, "salon");
	ck_assert_str_eq(out.login, "arthur");
	ck_assert_str_eq(out.password, "s3cret #1");
	ck_assert_str_eq(out.mx, "mx.example.com");
	ck_assert_str_eq(out.provider, "dyn");
	ck_assert_int_eq(out.enabled, 1);
	ck_assert_int_eq(out.id, 0);
}
END_TEST

START_TEST(host_custom_dyndns2_accepts_login_password_mx)
{
	struct form f = { .in = { [HF_HOSTNAME] = "home.example.com",
	    [HF_PROVIDER] = "custom", [HF_PROTOCOL] = "dyndns2",
	    [HF_SERVER] = "127.0.0.1:8080", [HF_LOGIN] = "a b,c",
	    [HF_PASSWORD] = "p'w", [HF_MX] = "mx.example.com" } };
	struct dd_err why[HF__MAX];
	struct host out;

	ck_assert_int_eq(check_host(&f, NULL, &out, why), 0);
	ck_assert_str_eq(out.provider, "custom");
	ck_assert_str_eq(out.protocol, "dyndns2");
	ck_assert_str_eq(out.server, "127.0.0.1:8080");
	ck_assert_str_eq(out.login, "a b,c");
	ck_assert_str_eq(out.password, "p'w");
	ck_assert_str_eq(out.mx, "mx.example.com");
}
END_TEST

/* Finding 1 of issue 8: Login /bin/bash with the config as "key file" ran
 * the config as a shell script as root. No field may name a program or a
 * file: the key is its name, secret and algorithm. */
START_TEST(host_nsupdate_takes_a_key_never_a_path)
{
	struct form f = { .in = { [HF_HOSTNAME] = "home.dyn.example.com",
	    [HF_PROVIDER] = "nsupdate", [HF_SERVER] = "ns1.example.com",
	    [HF_ZONE] = "dyn.example.com", [HF_LOGIN] = "/bin/bash",
	    [HF_PASSWORD] = "/etc/ddclient.conf",
	    [HF_ALGORITHM] = "hmac-sha256" } };
	struct dd_err why[HF__MAX];
	struct host out;

	ck_assert_int_eq(check_host(&f, NULL, &out, why), 2);
	ck_assert(why[HF_LOGIN].msg[0] != '\0');
	ck_assert(why[HF_PASSWORD].msg[0] != '\0');
	f.in[HF_LOGIN] = "ddns-key";
	f.in[HF_PASSWORD] = "c2VjcmV0LXNlY3JldC1zZWNyZXQ=";
	ck_assert_int_eq(check_host(&f, NULL, &out, why), 0);
	ck_assert_str_eq(out.login, "ddns-key");
	ck_assert_str_eq(out.algorithm, "hmac-sha256");
	ck_assert_str_eq(out.zone, "dyn.example.com");
	f.in[HF_ALGORITHM] = "";
	ck_assert_int_eq(check_host(&f, NULL, &out, why), 1);
	ck_assert(why[HF_ALGORITHM].msg[0] != '\0');
	f.in[HF_ALGORITHM] = "hmac-sha256";
	f.in[HF_ZONE] = "";
	ck_assert_int_eq(check_host(&f, NULL, &out, why), 1);
	ck_assert(why[HF_ZONE].msg[0] != '\0');
	/* Another provider does not take an algorithm. */
	f.in[HF_ZONE] = "dyn.example.com";
	f.in[HF_PROVIDER] = "dyn";
	ck_assert(check_host(&f, NULL, &out, why) > 0);
	ck_assert(why[HF_ALGORITHM].msg[0] != '\0');
}
END_TEST

START_TEST(host_modify_with_empty_password_keeps_old)
{
	struct form f = { .in = { [HF_HOSTNAME] = "home.example.com",
	    [HF_PROVIDER] = "dyn", [HF_LOGIN] = "arthur",
	    [HF_PASSWORD] = "" } };
	struct dd_err why[HF__MAX];
	struct host old, out;

	memset(&old, 0, sizeof(old));
	old.id = 42;
	old.enabled = 0;
	old.created = 1000;
	snprintf(old.hostname, sizeof(old.hostname), "home.example.com");
	snprintf(old.provider, sizeof(old.provider), "dyn");
	snprintf(old.login, sizeof(old.login), "arthur");
	snprintf(old.password, sizeof(old.password), "old 'secret'");
	ck_assert_int_eq(check_host(&f, &old, &out, why), 0);
	ck_assert_str_eq(out.password, "old 'secret'");
	ck_assert_int_eq(out.id, 42);
	ck_assert_int_eq(out.enabled, 0);
	ck_assert_int_eq(out.created, 1000);
	/* A new password replaces it. */
	f.in[HF_PASSWORD] = "new";
	ck_assert_int_eq(check_host(&f, &old, &out, why), 0);
	ck_assert_str_eq(out.password, "new");
	/* Creating with an empty password is refused. */
	f.in[HF_PASSWORD] = "";
	ck_assert_int_eq(check_host(&f, NULL, &out, why), 1);
	ck_assert(why[HF_PASSWORD].msg[0] != '\0');
}
END_TEST

/*
 * Issue 18, finding 1: a stored secret is bound to where it goes. On
 * Modify an empty password keeps the stored one only while the provider,
 * protocol, server and zone stay (compared canonical: a change of case
 * is none); for an own DNS server (a TSIG key), only while everything
 * but the description stays. Otherwise the password is asked for again,
 * beside its field: switching a host to Custom with an attacker's server
 * must never send the old password there.
 */
static const struct form dyn_host = { .in = {
	[HF_HOSTNAME] = "home.example.com", [HF_PROVIDER] = "dyn",
	[HF_LOGIN] = "arthur", [HF_PASSWORD] = "old-secret" } };
static const struct form custom_host = { .in = {
	[HF_HOSTNAME] = "home.example.com", [HF_PROVIDER] = "custom",
	[HF_PROTOCOL] = "dyndns2", [HF_SERVER] = "upd.example.net",
	[HF_LOGIN] = "arthur", [HF_PASSWORD] = "old-secret" } };
static const struct form cloudflare_host = { .in = {
	[HF_HOSTNAME] = "home.example.com", [HF_PROVIDER] = "cloudflare",
	[HF_LOGIN] = "token", [HF_PASSWORD] = "old-secret",
	[HF_ZONE] = "example.com" } };
static const struct form nsupdate_host = { .in = {
	[HF_HOSTNAME] = "home.dyn.example.com", [HF_PROVIDER] = "nsupdate",
	[HF_SERVER] = "ns1.example.com", [HF_ZONE] = "dyn.example.com",
	[HF_LOGIN] = "ddns-key", [HF_PASSWORD] = "b2xkLXNlY3JldC1vbGQtc2VjcmV0",
	[HF_ALGORITHM] = "hmac-sha256" } };

static const struct rebind {
	const char		*what;
	const struct form	*old;		/* the stored host's Create */
	struct {
		enum hfield	 f;
		const char	*v;
	}			 change[3];	/* the Modify; password "" */
	int			 kept;		/* 1: kept; 0: asked again */
} rebinds[] = {
	{ "dyn, description", &dyn_host, { { HF_DESCRIPTION, "office" } }, 1 },
	{ "dyn, hostname's case", &dyn_host,
	  { { HF_HOSTNAME, "Home.Example.COM." } }, 1 },
	{ "dyn, login", &dyn_host, { { HF_LOGIN, "ford" } }, 1 },
	{ "dyn to Custom at 192.0.2.1", &dyn_host,
	  { { HF_PROVIDER, "custom" }, { HF_SERVER, "192.0.2.1" },
	    { HF_PROTOCOL, "dyndns2" } }, 0 },
	{ "dyn to No-IP", &dyn_host, { { HF_PROVIDER, "noip" } }, 0 },
	{ "custom, server's case", &custom_host,
	  { { HF_SERVER, "UPD.Example.NET." } }, 1 },
	{ "custom, server's port", &custom_host,
	  { { HF_SERVER, "upd.example.net:8080" } }, 0 },
	{ "custom, another server", &custom_host,
	  { { HF_SERVER, "192.0.2.1" } }, 0 },
	{ "custom, another protocol", &custom_host,
	  { { HF_PROTOCOL, "dyndns1" } }, 0 },
	{ "cloudflare, zone's case", &cloudflare_host,
	  { { HF_ZONE, "Example.COM" } }, 1 },
	{ "cloudflare, another zone", &cloudflare_host,
	  { { HF_ZONE, "example.org" } }, 0 },
	{ "nsupdate, description", &nsupdate_host,
	  { { HF_DESCRIPTION, "office" } }, 1 },
	{ "nsupdate, hostname's case", &nsupdate_host,
	  { { HF_HOSTNAME, "HOME.dyn.example.com" } }, 1 },
	{ "nsupdate, another hostname", &nsupdate_host,
	  { { HF_HOSTNAME, "other.dyn.example.com" } }, 0 },
	{ "nsupdate, another key name", &nsupdate_host,
	  { { HF_LOGIN, "other-key" } }, 0 },
	{ "nsupdate, another algorithm", &nsupdate_host,
	  { { HF_ALGORITHM, "hmac-sha512" } }, 0 },
	{ "nsupdate, another server", &nsupdate_host,
	  { { HF_SERVER, "ns2.example.com" } }, 0 },
	{ "nsupdate, another zone", &nsupdate_host,
	  { { HF_ZONE, "example.com" } }, 0 },
	{ "nsupdate, another family", &nsupdate_host,
	  { { HF_FAMILY, "ipv6" } }, 0 },
};
#define NREBINDS (int)(sizeof(rebinds) / sizeof(rebinds[0]))

START_TEST(host_modify_keeps_the_secret_only_for_the_same_destination)
{
	const struct rebind *c = &rebinds[_i];
	const char *tsig = c->old == &nsupdate_host ? "TSIG secret" : NULL;
	struct dd_err why[HF__MAX];
	struct host old, out;
	struct form f = *c->old;
	int j;

	ck_assert_msg(check_host(c->old, NULL, &old, why) == 0, "%s: the "
	    "stored host is not valid", c->what);
	old.id = 7;
	old.version = 3;
	f.in[HF_PASSWORD] = "";
	for (j = 0; j < 3 && c->change[j].v != NULL; j++)
		f.in[c->change[j].f] = c->change[j].v;
	if (c->kept) {
		ck_assert_msg(check_host(&f, &old, &out, why) == 0, "%s: %s",
		    c->what, why[HF_PASSWORD].msg);
		ck_assert_str_eq(out.password, old.password);
		return;
	}
	ck_assert_msg(check_host(&f, &old, &out, why) == 1, "%s: the stored "
	    "secret was kept for a new destination", c->what);
	for (j = 0; j < HF__MAX; j++)
		ck_assert_msg((j == HF_PASSWORD) == (why[j].msg[0] != '\0'),
		    "%s: field %s: '%s'", c->what, host_field_name(j),
		    why[j].msg);
	ck_assert_str_eq(why[HF_PASSWORD].field, "password");
	ck_assert_msg(strstr(why[HF_PASSWORD].msg, "again") != NULL &&
	    strstr(why[HF_PASSWORD].msg, tsig ? tsig : "password") != NULL,
	    "%s: '%s'", c->what, why[HF_PASSWORD].msg);
	/* The secret typed again goes with the change. */
	f.in[HF_PASSWORD] = tsig ? "bmV3LXNlY3JldC1uZXctc2VjcmV0" : "new-one";
	ck_assert_msg(check_host(&f, &old, &out, why) == 0, "%s, with a new "
	    "secret: %s", c->what, why[HF_PASSWORD].msg);
	ck_assert_str_eq(out.password, f.in[HF_PASSWORD]);
}
END_TEST

/*
 * Issue 18, finding 8: where ddclient sends login:password as HTTP Basic
 * authentication, the provider splits at the first ':', so a login with
 * one would be cut; the reason goes beside the login. Elsewhere it stays
 * a character like another; a TSIG key name never had it.
 */
static const struct colon {
	struct form	 f;
	int		 refused;
	const char	*says;
} colons[] = {
	{ { { [HF_PROVIDER] = "dyn", [HF_LOGIN] = "a:b" } }, 1, "colon" },
	{ { { [HF_PROVIDER] = "custom", [HF_PROTOCOL] = "dyndns2",
	    [HF_SERVER] = "192.0.2.1", [HF_LOGIN] = "a:b" } }, 1, "colon" },
	{ { { [HF_PROVIDER] = "noip", [HF_LOGIN] = "me:x" } }, 1, "colon" },
	{ { { [HF_PROVIDER] = "ovh", [HF_LOGIN] = "example.com-a:b" } }, 1,
	  "colon" },
	{ { { [HF_PROVIDER] = "easydns", [HF_LOGIN] = ":" } }, 1, "colon" },
	{ { { [HF_PROVIDER] = "changeip", [HF_LOGIN] = "a:" } }, 1, "colon" },
	{ { { [HF_PROVIDER] = "zoneedit", [HF_LOGIN] = "a:b" } }, 1, "colon" },
	{ { { [HF_PROVIDER] = "custom", [HF_PROTOCOL] = "dyndns1",
	    [HF_SERVER] = "192.0.2.1", [HF_LOGIN] = "a:b" } }, 1, "colon" },
	{ { { [HF_PROVIDER] = "dyn", [HF_LOGIN] = "a-b" } }, 0, NULL },
	{ { { [HF_PROVIDER] = "cloudflare", [HF_LOGIN] = "a:b",
	    [HF_ZONE] = "example.com" } }, 0, NULL },
	{ { { [HF_PROVIDER] = "freedns", [HF_LOGIN] = "a:b" } }, 0, NULL },
	{ { { [HF_PROVIDER] = "nsupdate", [HF_LOGIN] = "a:b",
	    [HF_SERVER] = "ns1.example.com", [HF_ZONE] = "example.com",
	    [HF_ALGORITHM] = "hmac-sha256",
	    [HF_PASSWORD] = "c2VjcmV0LXNlY3JldC1zZWNyZXQ=" } }, 1,
	  "key's name" },
};
#define NCOLONS (int)(sizeof(colons) / sizeof(colons[0]))

START_TEST(host_login_colon_refused_where_sent_as_basic_auth)
{
	const struct colon *c = &colons[_i];
	struct dd_err why[HF__MAX];
	struct host out;
	struct form f = c->f;
	int j;

	f.in[HF_HOSTNAME] = "home.example.com";
	if (f.in[HF_PASSWORD] == NULL)
		f.in[HF_PASSWORD] = "pw";
	ck_assert_msg(check_host(&f, NULL, &out, why) == c->refused,
	    "%s/%s, login '%s': %s", f.in[HF_PROVIDER],
	    f.in[HF_PROTOCOL] ? f.in[HF_PROTOCOL] : "",
	    f.in[HF_LOGIN], why[HF_LOGIN].msg);
	for (j = 0; j < HF__MAX; j++)
		ck_assert_msg(j == HF_LOGIN || why[j].msg[0] == '\0',
		    "field %s: %s", host_field_name(j), why[j].msg);
	if (c->refused) {
		ck_assert_str_eq(why[HF_LOGIN].field, "login");
		ck_assert_msg(strstr(why[HF_LOGIN].msg, c->says) != NULL,
		    "%s: '%s'", f.in[HF_PROVIDER], why[HF_LOGIN].msg);
	} else
		ck_assert_str_eq(out.login, f.in[HF_LOGIN]);
}
END_TEST

START_TEST(host_every_bad_field_gets_a_message_good_fields_none)
{
	struct form f = { .in = { [HF_HOSTNAME] = "bad_host.example.com",
	    [HF_DESCRIPTION] = "fine", [HF_LOGIN] = "us#er",
	    [HF_PASSWORD] = "ok", [HF_MX] = "mx..example.com",
	    [HF_PROVIDER] = "dyn" } };
	struct dd_err why[HF__MAX];
	struct host out;

	ck_assert_int_eq(check_host(&f, NULL, &out, why), 3);
	ck_assert(why[HF_HOSTNAME].msg[0] != '\0');
	ck_assert(why[HF_LOGIN].msg[0] != '\0');
	ck_assert(why[HF_MX].msg[0] != '\0');
	ck_assert_str_eq(why[HF_DESCRIPTION].msg, "");
	ck_assert_str_eq(why[HF_PASSWORD].msg, "");
	ck_assert_str_eq(why[HF_PROVIDER].msg, "");
	ck_assert_str_eq(why[HF_SERVER].msg, "");
	ck_assert_str_eq(why[HF_PROTOCOL].msg, "");
	ck_assert_str_eq(why[HF_ZONE].msg, "");
}
END_TEST

static Suite *
validate_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc;

	tc = tcase_create("hostname");
	tcase_add_loop_test(tc, hostname_cases_table, 0, (int)NHOSTNAME);
	tcase_add_test(tc, hostname_accepts_63_char_label_refuses_64);
	tcase_add_test(tc, hostname_accepts_253_chars_refuses_254);
	tcase_add_test(tc, hostname_refuses_invalid_utf8_without_punycode_hint);
	tcase_add_test(tc, hostname_does_not_overflow_small_output);
	tcase_add_loop_test(tc, idn_ascii_encodes_known_names, 0, (int)NIDN);
	tcase_add_test(tc, idn_ascii_refuses_invalid_utf8_and_small_buffer);
	suite_add_tcase(s, tc);

	tc = tcase_create("fields");
	tcase_add_loop_test(tc, description_cases_table, 0, (int)NDESC);
	tcase_add_test(tc, description_counts_characters_not_bytes);
	tcase_add_loop_test(tc, login_cases_table, 0, (int)NLOGIN);
	tcase_add_test(tc, login_accepts_128_bytes_refuses_129);
	tcase_add_loop_test(tc, password_cases_table, 0, (int)NPASSWORD);
	tcase_add_test(tc, password_accepts_256_bytes_refuses_257);
	tcase_add_loop_test(tc, server_cases_table, 0, (int)NSERVER);
	tcase_add_loop_test(tc, tsig_name_cases_table, 0, (int)NTSIGNAME);
	tcase_add_loop_test(tc, tsig_secret_cases_table, 0, (int)NTSIGSECRET);
	tcase_add_loop_test(tc, algorithm_cases_table, 0, (int)NALG);
	tcase_add_test(tc, protocol_accepts_listed_refuses_others);
	suite_add_tcase(s, tc);

	tc = tcase_create("host");
	tcase_add_loop_test(tc, host_refuses_misplaced_or_missing_fields, 0,
	    NREFUSALS);
	tcase_add_test(tc, host_dyn_valid_form_is_canonicalised);
	tcase_add_test(tc, host_custom_dyndns2_accepts_login_password_mx);
	tcase_add_test(tc, host_nsupdate_takes_a_key_never_a_path);
	tcase_add_test(tc, host_modify_with_empty_password_keeps_old);
	tcase_add_loop_test(tc,
	    host_modify_keeps_the_secret_only_for_the_same_destination, 0,
	    NREBINDS);
	tcase_add_loop_test(tc,
	    host_login_colon_refused_where_sent_as_basic_auth, 0, NCOLONS);
	tcase_add_test(tc, host_every_bad_field_gets_a_message_good_fields_none);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(validate_suite());
}

/* check_ddconf.c: the ddclient configuration renderer: a golden file of
 * every provider, escaping of hostile values, refusal of what cannot be
 * carried, and a real ddclient 3.10 reading back a hostile login and
 * password. Set DDNS_UPDATE_GOLDEN=1 to rewrite the golden file (then read
 * it line by line against ddclient's own reading of each option, as
 * README's "What is written where" says it, before committing it). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <check.h>

#include "buf.h"
#include "conf.h"
#include "ddconf.h"
#include "ddver.h"
#include "import.h"
#include "providers.h"
#include "testutil.h"
#include "validate.h"
#include "vet.h"

#define GOLDEN SRCDIR "/tests/unit/data/ddclient-all.conf"
#define DDCLIENT "/usr/bin/ddclient"

/* The appliance globals of the golden file, filled by hand. */
static struct conf
golden_conf(void)
{
	struct conf c;

	memset(&c, 0, sizeof(c));
	c.ddclient_daemon = 300;
	c.ddclient_ssl = 1;
	c.ddclient_use = "web, web=ipify-ipv4";
	c.ddclient_pid = "/run/ddclient.pid";
	c.ddclient_cache = "/var/cache/ddclient/ddclient.cache";
	c.ddclient_usev4 = "webv4, webv4=ipify-ipv4";
	c.ddclient_usev6 = "webv6, webv6=ipify-ipv6";
	c.nsupdate = "/usr/bin/nsupdate";
	c.nsupdate_keydir = "/etc/ddns-admin/keys";
	return c;
}

#define SET(h, field, fmt, arg) \
	ck_assert_int_lt(snprintf((h)->field, sizeof((h)->field), fmt, arg), \
	    (int)sizeof((h)->field))

/* A host for provider p filled as its form would be. */
static void
fill_host(struct host *h, const struct provider *p)
{
	const char *proto = (p->flags & PF_PROTOCOL) ? "dyndns2" : NULL;
	unsigned f = prov_flags(p, proto);

	memset(h, 0, sizeof(*h));
	h->enabled = 1;
	SET(h, hostname, "%s.example.com", p->id);
	SET(h, description, "Host at %s", p->label);
	SET(h, provider, "%s", p->id);
	SET(h, family, "%s", "ipv4");
	if (proto)
		SET(h, protocol, "%s", proto);
	if (f & (PF_LOGIN | PF_LOGIN_OPT))
		SET(h, login, "user-%s", p->id);
	if (f & PF_PASSWORD)
		SET(h, password, "pw-%s", p->id);
	if (f & PF_TSIG)
		SET(h, algorithm, "%s", "hmac-sha256");
	if (f & (PF_ZONE | PF_ZONE_OPT))
		SET(h, zone, "%s", "example.com");
	if (f & PF_MX)
		SET(h, mx, "%s", "mx.example.com");
	if (f & PF_SERVER)
		SET(h, server, "%s", proto ? "127.0.0.1:8080" :
		    "ns1.example.com");
}

/* Every provider of the table, plus one disabled host. */
static struct host *
golden_hosts(size_t *n)
{
	size_t i, np = prov_count();
	struct host *h = calloc(np + 1, sizeof(*h));

	ck_assert_ptr_nonnull(h);
	for (i = 0; i < np; i++)
		fill_host(&h[i], prov_at(i));
	fill_host(&h[np], prov_find("dyn"));
	SET(&h[np], hostname, "%s", "disabled.example.com");
	h[np].enabled = 0;
	*n = np + 1;
	return h;
}

/* A Custom dyndns2 host with the given login and password. */
static struct host
custom_host(const char *hostname, const char *login, const char *password)
{
	struct host h;

	fill_host(&h, prov_find("custom"));
	SET(&h, hostname, "%s", hostname);
	SET(&h, login, "%s", login);
	SET(&h, password, "%s", password);
	return h;
}

static char *
render_for(const struct conf *c, enum ddv v, const struct host *h, size_t n)
{
	struct buf out = { 0 };
	struct dd_err e;

	dd_clear(&e);
	ck_assert_msg(ddconf_render(c, v, h, n, &out, &e) == 0, "render: %s",
	    e.msg);
	ck_assert_ptr_nonnull(out.p);
	return out.p;	/* the caller frees */
}

static char *
render_ok(const struct conf *c, const struct host *h, size_t n)
{
	return render_for(c, DDV_310, h, n);
}

/* What each version reads for the three families (t0014 measured it). */
static const struct {
	enum ddv	 v;
	const char	*family;
	const char	*globals;	/* the detection lines at the top */
	const char	*host;		/* in the host's block, or NULL */
	const char	*not;		/* must not be there, or NULL */
} families[] = {
	{ DDV_310, "ipv4", "\nuse=web, web=ipify-ipv4\n", NULL, "\nusev" },
	{ DDV_310, "ipv6", "\nuse=web, web=ipify-ipv4\n",
	  "\nuse=web, web=ipify-ipv6, \\\n", "\nusev" },
	{ DDV_310, "dual", "\nuse=web, web=ipify-ipv4\nusev6=webv6, "
	  "webv6=ipify-ipv6\n", NULL, "\nusev4" },
	{ DDV_311, "ipv4", "\nusev4=webv4, webv4=ipify-ipv4\nusev6=webv6, "
	  "webv6=ipify-ipv6\n", "\nusev6=disabled, \\\n", "\nuse=" },
	{ DDV_311, "ipv6", "\nusev4=webv4, webv4=ipify-ipv4\n",
	  "\nusev4=disabled, \\\n", "\nuse=" },
	{ DDV_311, "dual", "\nusev6=webv6, webv6=ipify-ipv6\n", NULL,
	  "disabled" },
};

/* render_shows: a Cloudflare host of family following source, rendered
 * for v under c: each of want (NULL-ended) in the text, not (unless NULL)
 * nowhere in it. */
static void
render_shows(const struct conf *c, enum ddv v, const char *family,
    const char *source, const char *const *want, const char *not)
{
	struct host h;
	char *text;

	fill_host(&h, prov_find("cloudflare"));
	SET(&h, family, "%s", family);
	SET(&h, source, "%s", source);
	text = render_for(c, v, &h, 1);
	for (; *want != NULL; want++)
		ck_assert_msg(strstr(text, *want) != NULL, "%s %s '%s': no %s "
		    "in\n%s", ddver_name(v), family, source, *want, text);
	if (not != NULL)
		ck_assert_msg(strstr(text, not) == NULL, "%s %s '%s': %s in\n%s",
		    ddver_name(v), family, source, not, text);
	free(text);
}

START_TEST(render_detection_per_version_and_family)
{
	struct conf c = golden_conf();
	const char *want[] = { families[_i].globals, families[_i].host, NULL };

	render_shows(&c, families[_i].v, families[_i].family, "", want,
	    families[_i].not);
}
END_TEST

/* Two named sources: wan1 (the default: an interface and a web check for
 * IPv6) and lte (a web check for IPv4, a program for IPv6). */
static struct conf
sources_conf(void)
{
	struct conf c = golden_conf();

	c.nsrc = 2;
	snprintf(c.src[0].name, sizeof(c.src[0].name), "wan1");
	c.src[0].fam[0].kind = SRC_IF;
	snprintf(c.src[0].fam[0].arg, SOURCE_ARG_SZ, "eth0");
	c.src[0].fam[1].kind = SRC_WEB;
	snprintf(c.src[0].fam[1].arg, SOURCE_ARG_SZ, "http://127.0.0.1:8086/");
	snprintf(c.src[1].name, sizeof(c.src[1].name), "lte");
	c.src[1].fam[0].kind = SRC_WEB;
	snprintf(c.src[1].fam[0].arg, SOURCE_ARG_SZ,
	    "https://lte.example.net/ip?f=text");
	c.src[1].fam[1].kind = SRC_CMD;
	snprintf(c.src[1].fam[1].arg, SOURCE_ARG_SZ, "/usr/local/sbin/lte-ip6");
	return c;
}

/* What each version writes for a host on a source (sources_conf). */
static const struct {
	enum ddv	 v;
	const char	*source, *family;
	const char	*want;		/* in the text */
	const char	*not;		/* not in it, or NULL */
} per_source[] = {
	{ DDV_311, "", "ipv4", "\nusev4=ifv4, ifv4=eth0\nusev6=webv6, "
	  "webv6=http://127.0.0.1:8086/\n", "\nusev4=webv4" },
	{ DDV_311, "wan1", "ipv4", "\nusev6=disabled, \\\n", "lte" },
	{ DDV_311, "lte", "ipv4", "\nusev4=webv4, \\\nwebv4=https://lte."
	  "example.net/ip\\?f\\=text, \\\nusev6=disabled, \\\n", NULL },
	{ DDV_311, "lte", "ipv6", "\nusev4=disabled, \\\nusev6=cmdv6, \\\n"
	  "cmdv6=/usr/local/sbin/lte-ip6, \\\n", "webv4=https" },
	{ DDV_311, "lte", "dual", "\nusev4=webv4, \\\nwebv4=https://lte."
	  "example.net/ip\\?f\\=text, \\\nusev6=cmdv6, \\\n", "disabled" },
	{ DDV_310, "", "ipv4", "\nuse=if, if=eth0\n", "\nusev6" },
	{ DDV_310, "wan1", "dual", "\nuse=if, if=eth0\nusev6=webv6, "
	  "webv6=http://127.0.0.1:8086/\n", "lte" },
	{ DDV_310, "wan1", "ipv6", "\nuse=web, \\\nweb=http://127.0.0.1:"
	  "8086/, \\\n", "ipify" },
	{ DDV_310, "lte", "ipv4", "\nuse=web, \\\nweb=https://lte.example."
	  "net/ip\\?f\\=text, \\\n", "\nusev" },
	{ DDV_310, "lte", "ipv6", "\nuse=cmd, \\\ncmd=/usr/local/sbin/"
	  "lte-ip6, \\\n", NULL },
};

START_TEST(render_a_hosts_source_per_version_and_family)
{
	struct conf c = sources_conf();
	const char *want[] = { per_source[_i].want, NULL };

	render_shows(&c, per_source[_i].v, per_source[_i].family,
	    per_source[_i].source, want, per_source[_i].not);
}
END_TEST

/* What cannot be written is refused, never written otherwise: a dual host
 * on another source than the first with 3.10, a source not configured. */
START_TEST(render_refuses_what_a_source_cannot_serve)
{
	struct conf c = sources_conf(), none = golden_conf();
	struct buf out = { 0 };
	struct dd_err e;
	struct host h;

	fill_host(&h, prov_find("cloudflare"));
	SET(&h, family, "%s", "dual");
	SET(&h, source, "%s", "lte");
	ck_assert_int_eq(ddconf_render(&c, DDV_310, &h, 1, &out, &e), -1);
	ck_assert_msg(strstr(e.msg, "global only") != NULL, "%s", e.msg);
	buf_free(&out);
	SET(&h, family, "%s", "ipv4");
	SET(&h, source, "%s", "wan2");
	ck_assert_int_eq(ddconf_render(&c, DDV_311, &h, 1, &out, &e), -1);
	buf_free(&out);
	/* without sources: the globals (vet_source leaves the row out) */
	ck_assert_int_eq(ddconf_render(&none, DDV_311, &h, 1, &out, &e), 0);
	buf_free(&out);
}
END_TEST

/* vet_source: the judgement the form and ddns-apply share. */
START_TEST(vet_source_says_why_a_host_cannot_follow_its_source)
{
	static const struct {
		enum ddv	 v;
		const char	*source, *family;
		enum msg_id	 why;
	} cases[] = {
		{ DDV_311, "", "dual", MSG_none },
		{ DDV_311, "lte", "dual", MSG_none },
		{ DDV_310, "lte", "ipv4", MSG_none },
		{ DDV_310, "lte", "dual", MSG_source_v6_global },
		{ DDV_310, "wan1", "dual", MSG_none },
		{ DDV_311, "wan2", "ipv4", MSG_source_unknown },
		{ DDV_311, "gone", "ipv6", MSG_source_no_v6 },
		{ DDV_311, "gone", "ipv4", MSG_source_refused },
	};
	struct conf c = sources_conf(), none = golden_conf();
	struct dd_msg m;
	struct host h;
	size_t i;
	int bad;

	c.nsrc = 3;
	snprintf(c.src[2].name, sizeof(c.src[2].name), "gone");
	c.src[2].fam[0].kind = SRC_NONE;
	c.src[2].fam[1].kind = SRC_NONE;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		c.src[2].why = cases[i].why == MSG_source_refused ?
		    MSG_src_cmd_link : MSG_none;
		fill_host(&h, prov_find("cloudflare"));
		SET(&h, family, "%s", cases[i].family);
		SET(&h, source, "%s", cases[i].source);
		m.id = MSG_none;
		bad = vet_source(&c, cases[i].v, &h, &m);
		ck_assert_msg(bad == (cases[i].why != MSG_none) &&
		    m.id == cases[i].why, "case %zu: %d %s", i, bad,
		    msg_key(m.id));
	}
	fill_host(&h, prov_find("cloudflare"));
	ck_assert_int_eq(vet_source(&none, DDV_311, &h, &m), 0);
	SET(&h, source, "%s", "lte");
	ck_assert_int_eq(vet_source(&none, DDV_311, &h, &m), 1);
	ck_assert_int_eq(m.id, MSG_source_unknown);
}
END_TEST

/* deSEC: a one-family host's path tells it to keep the other family's
 * record (myipv6=preserve / myipv4=preserve), escaped for ddclient. */
START_TEST(render_desec_keeps_the_other_family)
{
	static const char *const cases[][2] = {
		{ "ipv4", "\nscript=/nic/update\\?myipv6\\=preserve\\&, \\\n" },
		{ "ipv6", "\nscript=/nic/update\\?myipv4\\=preserve\\&, \\\n" },
	};
	struct conf c = golden_conf();
	struct host h;
	char *text;
	size_t i;
	int v;

	for (v = 0; v < DDV__MAX; v++)
		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			fill_host(&h, prov_find("desec"));
			SET(&h, family, "%s", cases[i][0]);
			text = render_for(&c, (enum ddv)v, &h, 1);
			ck_assert_msg(strstr(text, cases[i][1]) != NULL, "%s %s:\n%s",
			    ddver_name((enum ddv)v), cases[i][0], text);
			free(text);
		}
}
END_TEST

/*
 * 3.11's dyndns2 sends hosts whose grouping options are equal in one
 * request: a dual host without mx gets backupmx=yes (sent only beside an
 * mx) so that it is not grouped with an IPv4 host of the same account.
 */
START_TEST(render_dual_dyndns2_host_is_grouped_apart_on_3_11)
{
	static const struct {
		enum ddv	 v;
		const char	*family, *mx, *backupmx;
		int		 has;	/* backupmx=yes in the block */
	} cases[] = {
		{ DDV_311, "dual", "", "", 1 },
		{ DDV_311, "dual", "", "yes", 1 },	/* no mx: split still */
		{ DDV_311, "ipv4", "", "", 0 },
		{ DDV_311, "ipv6", "", "", 0 },
		{ DDV_311, "ipv4", "", "yes", 0 },	/* no mx: not sent */
		{ DDV_311, "dual", "mx.example.com", "", 0 },
		{ DDV_311, "ipv4", "mx.example.com", "yes", 1 },
		{ DDV_310, "ipv4", "", "", 0 },
	};
	struct conf c = golden_conf();
	struct host h;
	char *text;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fill_host(&h, prov_find("dyn"));
		SET(&h, family, "%s", cases[i].family);
		SET(&h, mx, "%s", cases[i].mx);
		SET(&h, backupmx, "%s", cases[i].backupmx);
		text = render_for(&c, cases[i].v, &h, 1);
		ck_assert_msg((strstr(text, "\nbackupmx=yes, \\\n") != NULL) ==
		    cases[i].has, "case %zu:\n%s", i, text);
		free(text);
	}
}
END_TEST

START_TEST(use_of_usev6_speaks_3_10s_words)
{
	static const char *const cases[][2] = {
		{ "webv6, webv6=ipify-ipv6", "web, web=ipify-ipv6" },
		{ "ipv6, ipv6=2001:db8::7", "ip, ip=2001:db8::7" },
		{ "ifv6, ifv6=eth0", "if, if=eth0" },
		{ "cmdv6, cmdv6=/usr/local/bin/v6", "cmd, cmd=/usr/local/bin/v6" },
		{ "webv6, webv6=x, webv6-skip=IP", "web, web=x, web-skip=IP" },
		{ "disabled", "disabled" },
	};
	struct buf b;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&b, 0, sizeof(b));
		ck_assert_int_eq(ddconf_use_of_usev6(cases[i][0], &b), 0);
		ck_assert_str_eq(b.p, cases[i][1]);
		buf_free(&b);
	}
}
END_TEST

/*
 * No physical line but a password line may hold a quote that is not
 * escaped with a backslash: ddclient's password regex takes everything up
 * to the last ' on the line. Whole-line comments are exempt: the regex
 * cannot reach past a '#' (`^([^#]*\s)?([^#]*?password...`), and the
 * comment is stripped before any value is read.
 */
static void
assert_no_stray_quotes(const char *text)
{
	const char *line = text, *nl, *p, *q;
	size_t bs;

	for (; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		ck_assert_msg(nl != NULL, "the output does not end in a newline");
		if (*line == '#')
			continue;
		if (strncmp(line, "password='", 10) == 0) {
			ck_assert_msg(nl - line >= 14 &&
			    strncmp(nl - 4, "', \\", 4) == 0,
			    "password line does not end in \"', \\\": %.*s",
			    (int)(nl - line), line);
			continue;
		}
		for (p = line; p < nl; p++) {
			if (*p != '\'' && *p != '"')
				continue;
			for (bs = 0, q = p; q > line && q[-1] == '\\'; q--)
				bs++;
			ck_assert_msg(bs % 2 == 1, "unescaped quote in line: "
			    "%.*s", (int)(nl - line), line);
		}
	}
}

/* ---- golden file ---- */

START_TEST(render_all_providers_matches_golden_file)
{
	struct conf c = golden_conf();
	struct host *h;
	char *out, *want;
	size_t n;

	h = golden_hosts(&n);
	out = render_ok(&c, h, n);
	free(h);
	if (getenv("DDNS_UPDATE_GOLDEN") != NULL) {
		tu_write(GOLDEN, out, strlen(out), 0644);
		fprintf(stderr, "note: rewrote %s\n", GOLDEN);
	}
	want = tu_read(GOLDEN, NULL);
	ck_assert_msg(want != NULL, "missing %s (DDNS_UPDATE_GOLDEN=1 makes "
	    "it)", GOLDEN);
	ck_assert_str_eq(out, want);
	free(want);
	free(out);
}
END_TEST

START_TEST(render_golden_has_one_block_per_enabled_host)
{
	struct conf c = golden_conf();
	struct host *h;
	char *out, line[300];
	size_t n, i;

	h = golden_hosts(&n);
	out = render_ok(&c, h, n);
	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "\n%s\n", h[i].hostname);
		if (h[i].enabled)
			ck_assert_msg(strstr(out, line) != NULL, "%s missing",
			    h[i].hostname);
		else
			ck_assert_ptr_null(strstr(out, h[i].hostname));
	}
	assert_no_stray_quotes(out);
	/* The globals, each on a line of its own. */
	ck_assert_ptr_nonnull(strstr(out, "\ndaemon=300\n"));
	ck_assert_ptr_nonnull(strstr(out, "\nssl=yes\n"));
	ck_assert_ptr_nonnull(strstr(out, "\nuse=web, web=ipify-ipv4\n"));
	ck_assert_ptr_nonnull(strstr(out, "\npid=/run/ddclient.pid\n"));
	ck_assert_ptr_nonnull(strstr(out,
	    "\ncache=/var/cache/ddclient/ddclient.cache\n"));
	free(h);
	free(out);
}
END_TEST

START_TEST(render_ssl_no_when_disabled)
{
	struct conf c = golden_conf();
	char *out;

	c.ddclient_ssl = 0;
	c.ddclient_daemon = 600;
	out = render_ok(&c, NULL, 0);
	ck_assert_ptr_nonnull(strstr(out, "\nssl=no\n"));
	ck_assert_ptr_nonnull(strstr(out, "\ndaemon=600\n"));
	free(out);
}
END_TEST

/* ---- escaping ---- */

#define HOSTILE_LOGIN	"a b,c'd\"e\\f=g$h\xc3\xbc"
#define HOSTILE_PASSWORD "p a#s,s=w\"o$rd\\x'y z ' ,= \xc3\xa9"

START_TEST(render_escapes_every_special_character_of_a_login)
{
	struct conf c = golden_conf();
	struct host h = custom_host("home.example.com", HOSTILE_LOGIN, "pw");
	char *out = render_ok(&c, &h, 1);

	ck_assert_msg(strstr(out, "\nlogin=a\\ b\\,c\\'d\\\"e\\\\f\\=g\\$h"
	    "\\\xc3\\\xbc, \\\n") != NULL, "login not escaped:\n%s", out);
	assert_no_stray_quotes(out);
	free(out);
}
END_TEST

START_TEST(render_writes_password_verbatim_on_its_own_line)
{
	struct conf c = golden_conf();
	struct host h = custom_host("home.example.com", "user",
	    HOSTILE_PASSWORD);
	char *out = render_ok(&c, &h, 1);

	ck_assert_msg(strstr(out, "\npassword='" HOSTILE_PASSWORD "', \\\n")
	    != NULL, "password not verbatim:\n%s", out);
	assert_no_stray_quotes(out);
	free(out);
}
END_TEST

START_TEST(render_hostile_login_and_password_leave_no_stray_quote)
{
	struct conf c = golden_conf();
	struct host h[2];
	char *out;

	h[0] = custom_host("one.example.com", HOSTILE_LOGIN, HOSTILE_PASSWORD);
	h[1] = custom_host("two.example.com", "'\"'\"\\", "'");
	SET(&h[1], mx, "%s", "mx.example.com");
	out = render_ok(&c, h, 2);
	assert_no_stray_quotes(out);
	ck_assert_ptr_nonnull(strstr(out, "\npassword=''', \\\n"));
	free(out);
}
END_TEST

START_TEST(render_omits_disabled_host)
{
	struct conf c = golden_conf();
	struct host h[2];
	char *out;

	h[0] = custom_host("on.example.com", "u", "p");
	h[1] = custom_host("off.example.com", "u", "secret-off");
	h[1].enabled = 0;
	out = render_ok(&c, h, 2);
	ck_assert_ptr_nonnull(strstr(out, "\non.example.com\n"));
	ck_assert_ptr_null(strstr(out, "off.example.com"));
	ck_assert_ptr_null(strstr(out, "secret-off"));
	free(out);
}
END_TEST

START_TEST(render_fixed_provider_ignores_stored_server_mx_zone)
{
	/* A row of provider noip must send its credentials to No-IP, not
	 * to a server a damaged row names, and carry no mx or zone. */
	struct conf c = golden_conf();
	struct host h;
	char *out;

	fill_host(&h, prov_find("noip"));
	SET(&h, server, "%s", "evil.example.net");
	SET(&h, mx, "%s", "mx.evil.example.net");
	SET(&h, zone, "%s", "evil.example.net");
	SET(&h, protocol, "%s", "nsupdate");
	out = render_ok(&c, &h, 1);
	ck_assert_ptr_null(strstr(out, "evil"));
	ck_assert_ptr_nonnull(strstr(out, "\nprotocol=noip, \\\n"));
	ck_assert_ptr_nonnull(strstr(out, "\nserver=dynupdate.no-ip.com, \\\n"));
	free(out);
}
END_TEST

START_TEST(render_never_writes_the_description)
{
	struct conf c = golden_conf();
	struct host h = custom_host("home.example.com", "u", "p");
	char *out;

	SET(&h, description, "%s", "x\nuse=cmd, cmd=reboot # 'q'");
	out = render_ok(&c, &h, 1);
	ck_assert_ptr_null(strstr(out, "reboot"));
	free(out);
}
END_TEST

/* a_provider_taking: the first preset (not Custom, not TSIG: the import
 * takes neither's fields from the file) that accepts field f. */
static const struct provider *
a_provider_taking(enum hfield f)
{
	const struct provider *p;
	size_t i;

	for (i = 0; (p = prov_at(i)) != NULL; i++)
		if (!(p->flags & (PF_PROTOCOL | PF_TSIG)) &&
		    (prov_flags(p, NULL) & val_field_accepted(f)))
			return p;
	return NULL;
}

/*
 * Issue 24: how ddclient's configuration carries a host field is one
 * column of HOST_FIELDS (host.h). For every field it says ddclient
 * carries, a host of a preset that accepts the field is rendered with a
 * value in it, on both versions: the option is written under the
 * field's name, and the import reads the same value back into the same
 * field of a row of the same preset. A renderer or an import that does
 * not follow the column (a field written by hand, or forgotten) fails.
 */
START_TEST(every_option_of_the_table_is_written_and_read_back)
{
	static const char *const sample[] = {
		[DDO_TEXT] = "v.example.net", [DDO_SECRET] = "s3cr't, \"pw\"",
		[DDO_FLAG] = "yes",
	};
	struct conf c = golden_conf();
	const struct provider *p;
	struct imp_conf back;
	struct imp_row row;
	struct dd_err e;
	struct host h;
	char key[48], *dst, *out;
	enum ddopt o;
	size_t i, size;
	int f, v, seen = 0;

	for (f = 0; f < HF__MAX; f++) {
		if ((o = host_field_ddopt(f)) == DDO_NONE || o == DDO_PRESET)
			continue;
		ck_assert_msg((p = a_provider_taking(f)) != NULL, "no preset "
		    "takes %s", host_field_name(f));
		fill_host(&h, p);
		dst = host_field(&h, f, &size);
		snprintf(dst, size, "%s", sample[o]);
		snprintf(key, sizeof(key), "\n%s=", host_field_name(f));
		for (v = 0; v < DDV__MAX; v++) {
			out = render_for(&c, v, &h, 1);
			ck_assert_msg(strstr(out, key) != NULL, "%s (%s): no "
			    "%s= written:\n%s", host_field_name(f), p->id,
			    host_field_name(f), out);
			ck_assert_int_eq(imp_parse(out, strlen(out), v, &back,
			    &e), 0);
			for (i = 0; i < back.nhost &&
			    strcmp(back.host[i].name, h.hostname) != 0; i++)
				;
			ck_assert_uint_lt(i, back.nhost);
			imp_take(&back, i, v, &back.globals, NULL, &row);
			ck_assert_msg(!row.refused, "%s: refused on import",
			    host_field_name(f));
			ck_assert_str_eq(row.in.provider, p->id);
			ck_assert_msg(strcmp(host_field(&row.in, f, NULL),
			    sample[o]) == 0, "%s (%s): read back \"%s\"",
			    host_field_name(f), p->id,
			    host_field(&row.in, f, NULL));
			imp_free(&back);
			free(out);
		}
		seen++;
	}
	ck_assert_int_ge(seen, 6);	/* login, password, mx, zone, ... */
}
END_TEST

/* ---- what cannot be carried ---- */

static const struct {
	const char	*provider;
	enum hfield	 field;
	const char	*value;
} uncarriable[] = {
	{ "dyn", HF_LOGIN, "us\ner" },
	{ "dyn", HF_LOGIN, "us#er" },
	{ "dyn", HF_LOGIN, "user\r" },
	{ "dyn", HF_LOGIN, "user\x7f" },
	{ "dyn", HF_PASSWORD, "pw\nuse=cmd, cmd=reboot" },
	{ "dyn", HF_PASSWORD, "pw\r" },
	{ "dyn", HF_MX, "mx.example.com\nuse=cmd" },
	{ "dyn", HF_MX, "mx#.example.com" },
	{ "dyn", HF_HOSTNAME, "home.example.com\nuse=cmd, cmd=reboot" },
	{ "dyn", HF_HOSTNAME, "home#.example.com" },
	{ "dyn", HF_HOSTNAME, "home.example.com,evil.example.com" },
	{ "dyn", HF_HOSTNAME, "home.example.com login=x" },
	{ "custom", HF_SERVER, "127.0.0.1:80\nuse=cmd" },
	{ "custom", HF_SERVER, "a#b.example.com" },
	{ "custom", HF_PROTOCOL, "dyndns2\n" },
	{ "custom", HF_PROTOCOL, "dyndns2#" },
	{ "cloudflare", HF_ZONE, "example.com\n" },
	{ "cloudflare", HF_ZONE, "exa#mple.com" },
};
#define NUNCARRIABLE (sizeof(uncarriable) / sizeof(uncarriable[0]))

START_TEST(render_refuses_line_break_or_hash_outside_password)
{
	struct conf c = golden_conf();
	struct buf out = { 0 };
	struct dd_err e;
	struct host h;
	size_t size;
	char *dst;

	fill_host(&h, prov_find(uncarriable[_i].provider));
	dst = host_field(&h, uncarriable[_i].field, &size);
	snprintf(dst, size, "%s", uncarriable[_i].value);
	dd_clear(&e);
	ck_assert_msg(ddconf_render(&c, DDV_310, &h, 1, &out, &e) == -1, "%s %s=%s "
	    "rendered:\n%s", uncarriable[_i].provider,
	    host_field_name(uncarriable[_i].field), uncarriable[_i].value,
	    out.p);
	ck_assert_int_eq(e.code, DD_EINVAL);
	buf_free(&out);
}
END_TEST

START_TEST(render_accepts_hash_in_password)
{
	struct conf c = golden_conf();
	struct host h = custom_host("home.example.com", "u", "#p#a#s#s#");
	char *out = render_ok(&c, &h, 1);

	ck_assert_ptr_nonnull(strstr(out, "\npassword='#p#a#s#s#', \\\n"));
	free(out);
}
END_TEST

/* ---- a real ddclient reads back what we wrote ---- */

static int
b64val(int ch)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = ch ? strchr(tab, ch) : NULL;

	return p ? (int)(p - tab) : -1;
}

/* Decode base64 text (up to a non-base64 byte) into out. */
static size_t
b64decode(const char *in, char *out, size_t outsz)
{
	unsigned acc = 0;
	int bits = 0, v;
	size_t n = 0;

	for (; (v = b64val((unsigned char)*in)) >= 0; in++) {
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			ck_assert_uint_lt(n, outsz - 1);
			out[n++] = (char)((acc >> bits) & 0xff);
		}
	}
	out[n] = '\0';
	return n;
}

/* Run ddclient with args, stdout and stderr into a malloc'd string. */
static char *
run_ddclient(char *const argv[])
{
	struct buf out = { 0 };
	char chunk[4096];
	int fds[2], status;
	ssize_t r;
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		alarm(60);	/* never hang the suite */
		execv(DDCLIENT, argv);
		_exit(127);
	}
	close(fds[1]);
	while ((r = read(fds[0], chunk, sizeof(chunk))) != 0) {
		if (r == -1 && errno == EINTR)
			continue;
		ck_assert_int_gt(r, 0);
		buf_add(&out, chunk, (size_t)r);
	}
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(!WIFSIGNALED(status), "ddclient killed by signal %d",
	    WTERMSIG(status));
	buf_add(&out, "", 1);
	return out.p;
}

static int
have_ddclient(const char *test)
{
	if (access(DDCLIENT, X_OK) == 0)
		return 1;
	fprintf(stderr, "note: %s is not installed; skipping %s\n", DDCLIENT,
	    test);
	return 0;
}

/*
 * ddclient_reads: render a Custom dyndns2 host with login and password,
 * let the real ddclient read it (-noexec; nothing listens on port 9) and
 * check that it sends exactly one request, for that host, carrying exactly
 * login:password. If the renderer refuses the values instead, that is
 * fine too, but only as DD_EINVAL.
 */
static void
ddclient_reads(const char *login, const char *password)
{
	char dir[TU_PATH_SZ], file[TU_PATH_SZ], cache[TU_PATH_SZ],
	    pid[TU_PATH_SZ], decoded[1024], want[1024], *out, *auth;
	struct conf c = golden_conf();
	struct buf text = { 0 };
	struct dd_err e;
	struct host h;
	int nauth = 0;

	tu_tmpdir(dir);
	tu_path(file, dir, "ddclient.conf");
	tu_path(cache, dir, "ddclient.cache");
	tu_path(pid, dir, "ddclient.pid");
	c.ddclient_use = "ip, ip=203.0.113.7";
	c.ddclient_ssl = 0;
	c.ddclient_pid = pid;
	c.ddclient_cache = cache;
	h = custom_host("hostile.example.com", login, password);
	SET(&h, server, "%s", "127.0.0.1:9");
	SET(&h, mx, "%s", "mx.example.com");
	dd_clear(&e);
	if (ddconf_render(&c, DDV_310, &h, 1, &text, &e) == -1) {
		ck_assert_int_eq(e.code, DD_EINVAL);
		buf_free(&text);
		tu_rmrf(dir);
		return;
	}
	tu_write(file, text.p, text.len, 0600);
	buf_free(&text);
	{
		char *const argv[] = { "ddclient", "-file", file, "-cache",
		    cache, "-foreground", "-daemon=0", "-noquiet", "-verbose",
		    "-noexec", NULL };

		out = run_ddclient(argv);
	}
	/* Exactly one request, for our host: no bogus host was made. */
	for (auth = out; (auth = strstr(auth, "Authorization: Basic ")) !=
	    NULL; auth++)
		nauth++;
	ck_assert_msg(nauth == 1, "password \"%s\": %d requests in:\n%s",
	    password, nauth, out);
	ck_assert_msg(strstr(out, "hostname=hostile.example.com&") != NULL,
	    "no request for the host:\n%s", out);
	ck_assert_msg(strstr(out, "WARNING") == NULL, "ddclient warned:\n%s",
	    out);
	auth = strstr(out, "Authorization: Basic ") + 21;
	b64decode(auth, decoded, sizeof(decoded));
	snprintf(want, sizeof(want), "%s:%s", login, password);
	ck_assert_str_eq(decoded, want);
	free(out);
	tu_rmrf(dir);
}

START_TEST(ddclient_reads_back_hostile_login_and_password)
{
	if (have_ddclient("ddclient_reads_back_hostile_login_and_password"))
		ddclient_reads(HOSTILE_LOGIN, HOSTILE_PASSWORD);
}
END_TEST

/* Passwords that the password regex of ddclient 3.10 could misread. */
static const char *const tricky_passwords[] = {
	"it's",
	"'",
	"''",
	"trailing\\",
	"x', \\",
	" lead and trail ",
	"#start",
	"say \"hi\"",
	"xpassword=y",
	"b@Z: password=x",
	"my password = secret",
	"a, login=evil",
	"password= x",
	"x=1 password",
	"a password",
	"pass word=x",
};
#define NTRICKY (sizeof(tricky_passwords) / sizeof(tricky_passwords[0]))

START_TEST(ddclient_reads_back_tricky_passwords_or_render_refuses)
{
	if (have_ddclient("ddclient_reads_back_tricky_passwords"))
		ddclient_reads("user", tricky_passwords[_i]);
}
END_TEST

/* Logins the validator refuses; a damaged row holding one must still not
 * reach ddclient as something else. */
static const char *const tricky_logins[] = {
	"x password=y",
	"xpassword=y",
	"a b password = c",
};
#define NTRICKYLOGIN (sizeof(tricky_logins) / sizeof(tricky_logins[0]))

START_TEST(ddclient_reads_back_tricky_logins_or_render_refuses)
{
	if (have_ddclient("ddclient_reads_back_tricky_logins"))
		ddclient_reads(tricky_logins[_i], "pw");
}
END_TEST

static Suite *
ddconf_suite(void)
{
	Suite *s = suite_create("ddconf");
	TCase *tc;

	tc = tcase_create("render");
	tcase_add_loop_test(tc, render_detection_per_version_and_family, 0,
	    (int)(sizeof(families) / sizeof(families[0])));
	tcase_add_test(tc, use_of_usev6_speaks_3_10s_words);
	tcase_add_loop_test(tc, render_a_hosts_source_per_version_and_family,
	    0, sizeof(per_source) / sizeof(per_source[0]));
	tcase_add_test(tc, render_refuses_what_a_source_cannot_serve);
	tcase_add_test(tc, vet_source_says_why_a_host_cannot_follow_its_source);
	tcase_add_test(tc, render_desec_keeps_the_other_family);
	tcase_add_test(tc, render_dual_dyndns2_host_is_grouped_apart_on_3_11);
	tcase_add_test(tc, render_all_providers_matches_golden_file);
	tcase_add_test(tc, render_golden_has_one_block_per_enabled_host);
	tcase_add_test(tc, render_ssl_no_when_disabled);
	tcase_add_test(tc, render_escapes_every_special_character_of_a_login);
	tcase_add_test(tc, render_writes_password_verbatim_on_its_own_line);
	tcase_add_test(tc, render_hostile_login_and_password_leave_no_stray_quote);
	tcase_add_test(tc, render_omits_disabled_host);
	tcase_add_test(tc, render_fixed_provider_ignores_stored_server_mx_zone);
	tcase_add_test(tc, render_never_writes_the_description);
	tcase_add_test(tc, every_option_of_the_table_is_written_and_read_back);
	tcase_add_loop_test(tc, render_refuses_line_break_or_hash_outside_password,
	    0, (int)NUNCARRIABLE);
	tcase_add_test(tc, render_accepts_hash_in_password);
	suite_add_tcase(s, tc);

	tc = tcase_create("ddclient");
	tcase_set_timeout(tc, 90);
	tcase_add_test(tc, ddclient_reads_back_hostile_login_and_password);
	tcase_add_loop_test(tc, ddclient_reads_back_tricky_passwords_or_render_refuses,
	    0, (int)NTRICKY);
	tcase_add_loop_test(tc, ddclient_reads_back_tricky_logins_or_render_refuses,
	    0, (int)NTRICKYLOGIN);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(ddconf_suite());
}

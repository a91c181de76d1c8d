/* check_dnsstate.c: the DNS state file (dns_check's and dns_stub's words,
 * the strict line format both ways) and the verdict of a host and family
 * over the combinations of what DNS answers, what ddclient set, the
 * public address and the time (issue 20, item 2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "dnsstate.h"
#include "testutil.h"

static const struct {
	const char	*v;
	int		 rc;
	enum dnsmode	 mode;
	const char	*server;
} modes[] = {
	{ "authoritative", 0, DNSMODE_AUTH, "" },
	{ "off", 0, DNSMODE_OFF, "" },
	{ "resolver 192.0.2.53", 0, DNSMODE_RESOLVER, "192.0.2.53" },
	{ "resolver 127.0.0.1@5353", 0, DNSMODE_RESOLVER, "127.0.0.1@5353" },
	{ "resolver 2001:db8::53", 0, DNSMODE_RESOLVER, "2001:db8::53" },
	{ "resolver 2001:db8::53@53", 0, DNSMODE_RESOLVER, "2001:db8::53@53" },
	{ "resolver", -1, 0, NULL },
	{ "resolver ", -1, 0, NULL },
	{ "resolver dns.example.org", -1, 0, NULL },
	{ "resolver 192.0.2.53@0", -1, 0, NULL },
	{ "resolver 192.0.2.53@65536", -1, 0, NULL },
	{ "resolver 192.0.2.53@", -1, 0, NULL },
	{ "resolver 192.0.2.53 192.0.2.54", -1, 0, NULL },
	{ "Authoritative", -1, 0, NULL },
	{ "on", -1, 0, NULL },
	{ "", -1, 0, NULL },
};
#define NMODES (sizeof(modes) / sizeof(modes[0]))

START_TEST(mode_words_are_read_strictly)
{
	char server[DNS_SERVER_SZ];
	enum dnsmode m = DNSMODE__MAX;
	const char *why = NULL;
	int rc = dnsstate_mode(modes[_i].v, &m, server, sizeof(server), &why);

	ck_assert_msg(rc == modes[_i].rc, "dns_check = '%s'", modes[_i].v);
	if (rc == 0) {
		ck_assert_int_eq(m, modes[_i].mode);
		ck_assert_str_eq(server, modes[_i].server);
	} else
		ck_assert_ptr_nonnull(why);
}
END_TEST

static const struct {
	const char	*v;
	const char	*zone;		/* NULL: refused */
	const char	*server;
} stubs[] = {
	{ "dyn.example.test 127.0.0.1@5353", "dyn.example.test", "127.0.0.1@5353" },
	{ "example.org ::1", "example.org", "::1" },
	{ "example.org", NULL, NULL },
	{ "example.org 127.0.0.1 x", NULL, NULL },
	{ "Example.org 127.0.0.1", NULL, NULL },
	{ "exa mple.org 127.0.0.1", NULL, NULL },
	{ ".example.org 127.0.0.1", NULL, NULL },
	{ "example..org 127.0.0.1", NULL, NULL },
	{ " 127.0.0.1", NULL, NULL },
	{ "example.org ns1.example.org", NULL, NULL },
};
#define NSTUBS (sizeof(stubs) / sizeof(stubs[0]))

START_TEST(stub_is_a_zone_and_an_address)
{
	char zone[HOSTNAME_SZ], server[DNS_SERVER_SZ];
	const char *why;
	int rc = dnsstate_stub(stubs[_i].v, zone, sizeof(zone), server,
	    sizeof(server), &why);

	ck_assert_msg(rc == (stubs[_i].zone ? 0 : -1), "dns_stub = '%s'",
	    stubs[_i].v);
	if (rc == 0) {
		ck_assert_str_eq(zone, stubs[_i].zone);
		ck_assert_str_eq(server, stubs[_i].server);
	}
}
END_TEST

static const struct {
	const char	*line;
	int		 ok;
} lines[] = {
	{ "h.example.org ipv4 1700000000 NOERROR 60 insecure 203.0.113.9 -", 1 },
	{ "h.example.org ipv4 1700000000 NOERROR 60 secure 203.0.113.9,203.0.113.10 -", 1 },
	{ "h.example.org ipv6 1700000000 NOERROR 60 unchecked 2001:db8::1 -", 1 },
	{ "h.example.org ipv4 1700000000 NOERROR 300 insecure - -", 1 },
	{ "h.example.org ipv4 1700000000 NXDOMAIN 300 insecure - -", 1 },
	{ "h.example.org ipv4 1700000000 SERVFAIL 0 bogus - bogus no signature", 1 },
	{ "h.example.org ipv4 1700000000 - 0 unchecked - timeout 10", 1 },
	{ "h.example.org ipv4 1700000000 - 0 unchecked - failed ", 1 },
	{ "h-1.example.org ipv4 0 REFUSED 0 insecure - -", 1 },
	/* refused */
	{ "", 0 },
	{ "h.example.org ipv4 1700000000 NOERROR 60 insecure 203.0.113.9", 0 },
	{ "h.example.org ipv4 1700000000 NOERROR 60 insecure 203.0.113.9 - x", 0 },
	{ "h.example.org ipv4 1700000000 - 0 unchecked - timeout", 0 },
	{ "h.example.org  ipv4 1700000000 NOERROR 60 insecure 203.0.113.9 -", 0 },
	{ "H.example.org ipv4 1700000000 NOERROR 60 insecure 203.0.113.9 -", 0 },
	{ "h.example.org ipv5 1700000000 NOERROR 60 insecure 203.0.113.9 -", 0 },
	{ "h.example.org ipv4 -1 NOERROR 60 insecure 203.0.113.9 -", 0 },
	{ "h.example.org ipv4 1700000000 NOERR 60 insecure 203.0.113.9 -", 0 },
	{ "h.example.org ipv4 1700000000 NOERROR 2147483648 insecure 203.0.113.9 -", 0 },
	{ "h.example.org ipv4 1700000000 NOERROR 60 maybe 203.0.113.9 -", 0 },
	{ "h.example.org ipv4 1700000000 NOERROR 60 insecure 2001:db8::1 -", 0 },
	{ "h.example.org ipv6 1700000000 NOERROR 60 insecure 203.0.113.9 -", 0 },
	{ "h.example.org ipv4 1700000000 NOERROR 60 insecure 203.0.113.9, -", 0 },
	{ "h.example.org ipv4 1700000000 NOERROR 60 insecure ,203.0.113.9 -", 0 },
	{ "h.example.org ipv4 1700000000 NOERROR 60 insecure 1.1.1.1,,2.2.2.2 -", 0 },
	{ "h.example.org ipv4 1700000000 NOERROR 60 insecure "
	  "1.1.1.1,1.1.1.2,1.1.1.3,1.1.1.4,1.1.1.5,1.1.1.6,1.1.1.7,1.1.1.8,1.1.1.9 -", 0 },
	{ "h.example.org ipv4 1700000000 NXDOMAIN 60 insecure 203.0.113.9 -", 0 },
	{ "h.example.org ipv4 1700000000 - 0 unchecked - oops x", 0 },
	{ "h.example.org ipv4 1700000000 - 0 unchecked - failed tab\there", 0 },
	{ "h.example.org ipv4 1700000000 NOERROR 60 insecure 203.0.113.9 -\r", 0 },
};
#define NLINES (sizeof(lines) / sizeof(lines[0]))

START_TEST(entry_lines_are_read_strictly)
{
	struct dnsentry x;

	ck_assert_msg((dnsstate_parse_line(lines[_i].line, &x) == 0) ==
	    lines[_i].ok, "line '%s'", lines[_i].line);
}
END_TEST

START_TEST(entry_line_fields_are_kept)
{
	struct dnsentry x;

	ck_assert_int_eq(dnsstate_parse_line("h.example.org ipv4 1700000000 "
	    "NOERROR 60 secure 203.0.113.9,203.0.113.10 -", &x), 0);
	ck_assert_str_eq(x.host, "h.example.org");
	ck_assert_int_eq(x.fam, NET_V4);
	ck_assert_int_eq(x.time, 1700000000);
	ck_assert_int_eq(x.rcode, 0);
	ck_assert_int_eq(x.ttl, 60);
	ck_assert_int_eq(x.sec, DNSSEC_SECURE);
	ck_assert_uint_eq(x.naddr, 2);
	ck_assert_str_eq(x.addr[1], "203.0.113.10");
	ck_assert_int_eq(x.err, DNSERR_NONE);
	ck_assert_int_eq(dnsstate_parse_line("h.example.org ipv4 1 - 0 "
	    "unchecked - timeout 10", &x), 0);
	ck_assert_int_eq(x.rcode, -1);
	ck_assert_int_eq(x.err, DNSERR_TIMEOUT);
	ck_assert_str_eq(x.detail, "10");
}
END_TEST

#define HEAD "ddns-dnscheck 1\nmode authoritative\ntime 1700000000\n"
#define A4 "a.example.org ipv4 1700000000 NOERROR 60 insecure 203.0.113.9 -\n"
#define A6 "a.example.org ipv6 1700000000 NXDOMAIN 60 insecure - -\n"
#define B4 "b.example.org ipv4 1700000000 NOERROR 60 insecure 203.0.113.7 -\n"

static const struct {
	const char	*file;
	int		 ok;
	size_t		 n;
} files[] = {
	{ HEAD, 1, 0 },
	{ HEAD A4 A6 B4, 1, 3 },
	{ "ddns-dnscheck 1\nmode resolver 192.0.2.53\ntime 5\n" A4, 1, 1 },
	{ "", 0, 0 },
	{ "ddns-dnscheck 1\nmode authoritative\n", 0, 0 },
	{ "ddns-dnscheck 2\nmode authoritative\ntime 1\n", 0, 0 },
	{ "ddns-dnscheck 1\nmode off\ntime 1\n", 0, 0 },
	{ "ddns-dnscheck 1\ntime 1\nmode authoritative\n", 0, 0 },
	{ HEAD A6 A4, 0, 0 },			/* out of order */
	{ HEAD A4 A4, 0, 0 },			/* twice */
	{ HEAD B4 A4, 0, 0 },
	{ HEAD A4 "\n", 0, 0 },			/* an empty line */
	{ HEAD "a.example.org ipv4 1700000000 NOERROR 60 insecure 203.0.113.9 -", 0, 0 },
	{ HEAD A4 "# a comment\n", 0, 0 },
};
#define NFILES (sizeof(files) / sizeof(files[0]))

START_TEST(files_are_read_whole_or_refused)
{
	struct dnsstate st;
	struct dd_err e = { 0 };
	int rc = dnsstate_parse(files[_i].file, strlen(files[_i].file), &st, &e);

	ck_assert_msg((rc == 0) == files[_i].ok, "file %u", _i);
	if (rc == 0)
		ck_assert_uint_eq(st.n, files[_i].n);
	else {
		ck_assert_int_eq(e.code, DD_EINVAL);
		ck_assert_ptr_null(st.e);
	}
	dnsstate_free(&st);
}
END_TEST

START_TEST(file_with_nul_is_refused)
{
	static const char f[] = HEAD "a.example.org\0ipv4 1 - 0 unchecked - -\n";
	struct dnsstate st;

	ck_assert_int_eq(dnsstate_parse(f, sizeof(f) - 1, &st, NULL), -1);
	dnsstate_free(&st);
}
END_TEST

/* entry: an entry of host and family with the given answer. */
static struct dnsentry
entry(const char *host, enum netfam fam, int rcode, const char *addr)
{
	struct dnsentry x = { .fam = fam, .time = 1000, .rcode = rcode,
	    .ttl = 60, .sec = DNSSEC_INSECURE };

	snprintf(x.host, sizeof(x.host), "%s", host);
	if (addr != NULL)
		snprintf(x.addr[x.naddr++], DNS_ADDR_SZ, "%s", addr);
	return x;
}

START_TEST(format_reads_back_and_find_finds)
{
	struct dnsentry v[4];
	struct dnsstate st = { .mode = DNSMODE_RESOLVER, .time = 7, .e = v,
	    .n = 4 }, back;
	struct buf b = { 0 };

	snprintf(st.resolver, sizeof(st.resolver), "192.0.2.53@5353");
	v[0] = entry("z.example.org", NET_V4, 0, "203.0.113.1");
	v[1] = entry("a.example.org", NET_V6, 0, "2001:db8::1");
	v[2] = entry("a.example.org", NET_V4, 3, NULL);
	v[3] = entry("m.example.org", NET_V4, -1, NULL);
	v[3].err = DNSERR_FAILED;
	snprintf(v[3].detail, sizeof(v[3].detail), "two\nlines\001");
	ck_assert_int_eq(dnsstate_format(&st, &b), -1);	/* not sorted */
	buf_free(&b);
	dnsstate_sort(&st);
	ck_assert_int_eq(dnsstate_format(&st, &b), 0);
	ck_assert_int_eq(dnsstate_parse(b.p, b.len, &back, NULL), 0);
	ck_assert_int_eq(back.mode, DNSMODE_RESOLVER);
	ck_assert_str_eq(back.resolver, "192.0.2.53@5353");
	ck_assert_int_eq(back.time, 7);
	ck_assert_uint_eq(back.n, 4);
	ck_assert_str_eq(dnsstate_find(&back, "a.example.org", NET_V6)->addr[0],
	    "2001:db8::1");
	ck_assert_int_eq(dnsstate_find(&back, "a.example.org", NET_V4)->rcode, 3);
	ck_assert_str_eq(dnsstate_find(&back, "m.example.org", NET_V4)->detail,
	    "two lines ");
	ck_assert_ptr_nonnull(dnsstate_find(&back, "z.example.org", NET_V4));
	ck_assert_ptr_null(dnsstate_find(&back, "z.example.org", NET_V6));
	ck_assert_ptr_null(dnsstate_find(&back, "b.example.org", NET_V4));
	ck_assert_ptr_null(dnsstate_find(NULL, "a.example.org", NET_V4));
	dnsstate_free(&back);
	buf_free(&b);
}
END_TEST

/* A file of many hosts, each name a prefix of the next ("h1" < "h1.x"
 * < "h10"): the page's reader finds exactly the names it asks for. */
START_TEST(some_reads_the_asked_hosts_alone)
{
	static const char *const names[] = { "a.example.org", "b.example.org",
	    "b.example.org.x", "bb.example.org", "c.example.org",
	    "d.example.org" };
	static const char *const ask[] = { "d.example.org", "b.example.org",
	    "zz.example.org", "b.example.org", "a.example", "c.example.org" };
	struct dnsentry v[12];
	struct dnsstate st = { .mode = DNSMODE_AUTH, .time = 9, .e = v },
	    some, all;
	struct buf b = { 0 };
	char addr[DNS_ADDR_SZ];
	size_t i;

	for (i = 0; i < 6; i++) {
		snprintf(addr, sizeof(addr), "203.0.113.%zu", i);
		v[st.n++] = entry(names[i], NET_V4, 0, addr);
		if (i % 2 == 1)
			v[st.n++] = entry(names[i], NET_V6, 3, NULL);
	}
	ck_assert_int_eq(dnsstate_format(&st, &b), 0);
	ck_assert_int_eq(dnsstate_parse(b.p, b.len, &all, NULL), 0);
	ck_assert_int_eq(dnsstate_parse_some(b.p, b.len, ask, 6, &some, NULL),
	    0);
	ck_assert_int_eq(some.time, 9);
	ck_assert_uint_eq(some.n, 5);	/* b and d: two families, c one; b once */
	for (i = 0; i < 6; i++) {
		ck_assert_int_eq(dnsstate_find(&some, ask[i], NET_V4) != NULL,
		    dnsstate_find(&all, ask[i], NET_V4) != NULL);
		ck_assert_int_eq(dnsstate_find(&some, ask[i], NET_V6) != NULL,
		    dnsstate_find(&all, ask[i], NET_V6) != NULL);
	}
	ck_assert_str_eq(dnsstate_find(&some, "d.example.org", NET_V4)->addr[0],
	    "203.0.113.5");
	ck_assert_int_eq(dnsstate_find(&some, "b.example.org", NET_V6)->rcode, 3);
	ck_assert_ptr_null(dnsstate_find(&some, "bb.example.org", NET_V4));
	dnsstate_free(&some);
	dnsstate_free(&all);
	buf_free(&b);
}
END_TEST

START_TEST(some_refuses_a_damaged_top_or_asked_line)
{
	static const char *const a[] = { "a.example.org" }, *const b[] = {
	    "b.example.org" };
	static const char bad_top[] = "ddns-dnscheck 2\nmode authoritative\n"
	    "time 1\n";
	static const char f[] = HEAD "a.example.org ipv4 1 NOERROR 60 "
	    "insecure 203.0.113.10 -\nb.example.org ipv4 1 - 0 bogus\n";
	struct dnsstate st;
	struct dd_err e = { 0 };

	ck_assert_int_eq(dnsstate_parse_some(bad_top, sizeof(bad_top) - 1, a,
	    1, &st, &e), -1);
	ck_assert_int_eq(e.code, DD_EINVAL);
	ck_assert_ptr_null(st.e);
	ck_assert_int_eq(dnsstate_parse_some(f, sizeof(f) - 1, b, 1, &st, NULL),
	    -1);
	ck_assert_ptr_null(st.e);
	/* b's damage is not read when a alone is asked for (the price of
	 * reading a page's lines only; dnsstate_parse refuses the file). */
	ck_assert_int_eq(dnsstate_parse_some(f, sizeof(f) - 1, a, 1, &st, NULL),
	    0);
	ck_assert_uint_eq(st.n, 1);
	dnsstate_free(&st);
	ck_assert_int_eq(dnsstate_parse(f, sizeof(f) - 1, &st, NULL), -1);
	dnsstate_free(&st);
}
END_TEST

START_TEST(format_refuses_what_would_not_read_back)
{
	struct dnsentry v[2];
	struct dnsstate st = { .e = v, .n = 1 };
	struct buf b = { 0 };

	v[0] = entry("a.example.org", NET_V4, 0, "2001:db8::1");
	ck_assert_int_eq(dnsstate_format(&st, &b), -1);
	buf_free(&b);
	v[0] = entry("a example.org", NET_V4, 0, NULL);
	ck_assert_int_eq(dnsstate_format(&st, &b), -1);
	buf_free(&b);
	v[0] = entry("a.example.org", NET_V4, 99, NULL);
	ck_assert_int_eq(dnsstate_format(&st, &b), -1);
	buf_free(&b);
	v[0] = entry("a.example.org", NET_V4, 0, NULL);
	v[1] = v[0];
	st.n = 2;
	ck_assert_int_eq(dnsstate_format(&st, &b), -1);	/* twice */
	buf_free(&b);
}
END_TEST

START_TEST(write_then_read)
{
	char dir[TU_PATH_SZ], path[TU_PATH_SZ];
	struct dnsentry v = entry("a.example.org", NET_V4, 0, "203.0.113.1");
	struct dnsstate st = { .time = 9, .e = &v, .n = 1 }, back;
	struct dd_err e = { 0 };
	struct stat sb;

	tu_tmpdir(dir);
	tu_path(path, dir, DNSSTATE_FILE);
	ck_assert_int_eq(dnsstate_read(path, &back, &e), -1);
	ck_assert_int_eq(e.code, DD_ENOTFOUND);
	ck_assert_int_eq(dnsstate_write(path, &st, &e), 0);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(dnsstate_read(path, &back, &e), 0);
	ck_assert_uint_eq(back.n, 1);
	ck_assert_int_eq(back.mode, DNSMODE_AUTH);
	dnsstate_free(&back);
	tu_rmrf(dir);
}
END_TEST

/*
 * The verdicts. The check ran at 1000 (entry), with a TTL of 60; "now"
 * is 1010 unless said. S: what ddclient set, at ST; P: the public address.
 */
#define NOW	1010
enum ans { ANS_V4, ANS_OTHER, ANS_TWO, ANS_NX, ANS_NODATA, ANS_SERVFAIL,
    ANS_TIMEOUT, ANS_BOGUS, ANS_FAILED, ANS_V6, ANS_NONE };
static const struct {
	const char	*what;
	enum dnsmode	 conf;		/* the config's dns_check */
	enum dnsmode	 ran;		/* the state's mode */
	enum ans	 ans;
	const char	*s;
	long long	 st;
	const char	*p;
	long long	 now;
	enum dnsverdict	 v;
	long long	 until;
	enum msg_id	 why;
} judge[] = {
	{ "check off", DNSMODE_OFF, DNSMODE_AUTH, ANS_V4, "203.0.113.9", 500,
	  "203.0.113.9", NOW, DV_NOT_CHECKED, 0, MSG_dns_off },
	{ "no state yet", DNSMODE_AUTH, DNSMODE__MAX, ANS_V4, "203.0.113.9",
	  500, NULL, NOW, DV_NOT_CHECKED, 0, MSG_dns_not_yet },
	{ "host not in the state", DNSMODE_AUTH, DNSMODE_AUTH, ANS_NONE,
	  "203.0.113.9", 500, NULL, NOW, DV_NOT_CHECKED, 0, MSG_dns_not_listed },
	{ "in DNS", DNSMODE_AUTH, DNSMODE_AUTH, ANS_V4, "203.0.113.9", 500,
	  "203.0.113.9", NOW, DV_IN_DNS, 0, MSG_none },
	{ "in DNS, public address unknown", DNSMODE_AUTH, DNSMODE_AUTH, ANS_V4,
	  "203.0.113.9", 500, NULL, NOW, DV_IN_DNS, 0, MSG_none },
	{ "in DNS, sent spelled otherwise", DNSMODE_AUTH, DNSMODE_AUTH, ANS_V6,
	  "2001:DB8:0::9", 500, NULL, NOW, DV_IN_DNS, 0, MSG_none },
	{ "a substring is not a match (1.2.3.4 in 11.2.3.45)", DNSMODE_AUTH,
	  DNSMODE_AUTH, ANS_V4, "3.0.113.9", 500, NULL, NOW, DV_DIFFERS,
	  0, MSG_none },
	{ "propagating: updated 10 s before the check, TTL 60", DNSMODE_AUTH,
	  DNSMODE_AUTH, ANS_V4, "203.0.113.9", 990, "203.0.113.9", NOW,
	  DV_PROPAGATING, 1050, MSG_none },
	{ "propagating ends at sent + TTL", DNSMODE_AUTH, DNSMODE_AUTH, ANS_V4,
	  "203.0.113.9", 990, "203.0.113.9", 1050, DV_IN_DNS, 0, MSG_none },
	{ "needs update: DNS has what was set, public moved", DNSMODE_AUTH,
	  DNSMODE_AUTH, ANS_V4, "203.0.113.9", 500, "198.51.100.1", NOW,
	  DV_NEEDS_UPDATE, 0, MSG_none },
	{ "needs update wins over propagating", DNSMODE_AUTH, DNSMODE_AUTH,
	  ANS_V4, "203.0.113.9", 990, "198.51.100.1", NOW, DV_NEEDS_UPDATE, 0,
	  MSG_none },
	{ "DNS differs: changed behind ddclient's back", DNSMODE_AUTH,
	  DNSMODE_AUTH, ANS_OTHER, "203.0.113.9", 500, "203.0.113.9", NOW,
	  DV_DIFFERS, 0, MSG_none },
	{ "DNS differs even if DNS has the public address", DNSMODE_AUTH,
	  DNSMODE_AUTH, ANS_OTHER, "203.0.113.9", 500, "198.51.100.1", NOW,
	  DV_DIFFERS, 0, MSG_none },
	{ "DNS differs: a second address beside the one set", DNSMODE_AUTH,
	  DNSMODE_AUTH, ANS_TWO, "203.0.113.9", 500, NULL, NOW, DV_DIFFERS, 0,
	  MSG_none },
	{ "DNS differs right after the update (authority)", DNSMODE_AUTH,
	  DNSMODE_AUTH, ANS_OTHER, "203.0.113.9", 990, NULL, NOW, DV_DIFFERS,
	  0, MSG_none },
	{ "through a resolver, young: propagating (cached)", DNSMODE_RESOLVER,
	  DNSMODE_RESOLVER, ANS_OTHER, "203.0.113.9", 990, NULL, NOW,
	  DV_PROPAGATING, 1050, MSG_none },
	{ "through a resolver, old: DNS differs", DNSMODE_RESOLVER,
	  DNSMODE_RESOLVER, ANS_OTHER, "203.0.113.9", 500, NULL, NOW,
	  DV_DIFFERS, 0, MSG_none },
	{ "checked before the last update", DNSMODE_AUTH, DNSMODE_AUTH,
	  ANS_OTHER, "203.0.113.9", 1005, NULL, NOW, DV_NOT_CHECKED, 0,
	  MSG_dns_before_update },
	{ "checked before the update, but shows it", DNSMODE_AUTH,
	  DNSMODE_AUTH, ANS_V4, "203.0.113.9", 1005, NULL, NOW,
	  DV_PROPAGATING, 1065, MSG_none },
	{ "no record: NXDOMAIN", DNSMODE_AUTH, DNSMODE_AUTH, ANS_NX,
	  "203.0.113.9", 500, NULL, NOW, DV_NO_RECORD, 0, MSG_none },
	{ "no record: NODATA", DNSMODE_AUTH, DNSMODE_AUTH, ANS_NODATA,
	  "203.0.113.9", 500, NULL, NOW, DV_NO_RECORD, 0, MSG_none },
	{ "no record, nothing sent yet", DNSMODE_AUTH, DNSMODE_AUTH, ANS_NX,
	  NULL, 0, "203.0.113.9", NOW, DV_NO_RECORD, 0, MSG_none },
	{ "no record, checked before the update", DNSMODE_AUTH, DNSMODE_AUTH,
	  ANS_NX, "203.0.113.9", 1005, NULL, NOW, DV_NOT_CHECKED, 0,
	  MSG_dns_before_update },
	{ "no record through a resolver, young: propagating",
	  DNSMODE_RESOLVER, DNSMODE_RESOLVER, ANS_NX, "203.0.113.9", 990,
	  NULL, NOW, DV_PROPAGATING, 1050, MSG_none },
	{ "nothing sent: DNS has the public address", DNSMODE_AUTH,
	  DNSMODE_AUTH, ANS_V4, NULL, 0, "203.0.113.9", NOW, DV_IN_DNS, 0,
	  MSG_none },
	{ "nothing sent: DNS has another", DNSMODE_AUTH, DNSMODE_AUTH,
	  ANS_OTHER, "", 0, "203.0.113.9", NOW, DV_NEEDS_UPDATE, 0, MSG_none },
	{ "nothing sent, public unknown", DNSMODE_AUTH, DNSMODE_AUTH, ANS_V4,
	  NULL, 0, "", NOW, DV_NOT_CHECKED, 0, MSG_dns_nothing },
	{ "sent time unknown: not propagating", DNSMODE_AUTH, DNSMODE_AUTH,
	  ANS_V4, "203.0.113.9", 0, NULL, NOW, DV_IN_DNS, 0, MSG_none },
	{ "SERVFAIL", DNSMODE_AUTH, DNSMODE_AUTH, ANS_SERVFAIL, "203.0.113.9",
	  500, NULL, NOW, DV_COULD_NOT_CHECK, 0, MSG_dns_rcode },
	{ "timeout", DNSMODE_AUTH, DNSMODE_AUTH, ANS_TIMEOUT, "203.0.113.9",
	  500, NULL, NOW, DV_COULD_NOT_CHECK, 0, MSG_dns_timeout },
	{ "bogus", DNSMODE_AUTH, DNSMODE_AUTH, ANS_BOGUS, "203.0.113.9", 500,
	  NULL, NOW, DV_COULD_NOT_CHECK, 0, MSG_dns_bogus },
	{ "library failed", DNSMODE_AUTH, DNSMODE_AUTH, ANS_FAILED,
	  "203.0.113.9", 500, NULL, NOW, DV_COULD_NOT_CHECK, 0, MSG_dns_failed },
};
#define NJUDGE (sizeof(judge) / sizeof(judge[0]))

/* answer: the entry of the case's answer. */
static struct dnsentry
answer(enum ans a)
{
	struct dnsentry x = entry("h.example.org", NET_V4, 0, NULL);

	switch (a) {
	case ANS_V4:
		return entry("h.example.org", NET_V4, 0, "203.0.113.9");
	case ANS_V6:
		return entry("h.example.org", NET_V6, 0, "2001:db8::9");
	case ANS_OTHER:
		return entry("h.example.org", NET_V4, 0, "198.51.100.1");
	case ANS_TWO:
		x = entry("h.example.org", NET_V4, 0, "203.0.113.9");
		snprintf(x.addr[x.naddr++], DNS_ADDR_SZ, "198.51.100.1");
		return x;
	case ANS_NX:
		return entry("h.example.org", NET_V4, 3, NULL);
	case ANS_SERVFAIL:
		return entry("h.example.org", NET_V4, 2, NULL);
	case ANS_TIMEOUT:
		x = entry("h.example.org", NET_V4, -1, NULL);
		x.err = DNSERR_TIMEOUT;
		snprintf(x.detail, sizeof(x.detail), "10");
		return x;
	case ANS_BOGUS:
		x = entry("h.example.org", NET_V4, 2, NULL);
		x.sec = DNSSEC_BOGUS;
		x.err = DNSERR_BOGUS;
		return x;
	case ANS_FAILED:
		x = entry("h.example.org", NET_V4, -1, NULL);
		x.err = DNSERR_FAILED;
		return x;
	default:
		return x;	/* NODATA */
	}
}

START_TEST(judge_over_the_combinations)
{
	struct dnsentry x = answer(judge[_i].ans);
	struct dnsstate st = { .mode = judge[_i].ran, .time = 1000, .e = &x,
	    .n = 1 };
	struct dnsinput in = {
		.mode = judge[_i].conf,
		.st = judge[_i].ran == DNSMODE__MAX ? NULL : &st,
		.dns = judge[_i].ans == ANS_NONE ? NULL : &x,
		.sent = judge[_i].s, .sent_time = judge[_i].st,
		.pub = judge[_i].p, .now = judge[_i].now,
	};
	struct dnsview v;

	dnsstate_judge(&in, &v);
	ck_assert_msg(v.v == judge[_i].v, "%s: %s, not %s", judge[_i].what,
	    dnsstate_verdict_word(v.v), dnsstate_verdict_word(judge[_i].v));
	ck_assert_msg(v.until == judge[_i].until, "%s: until %lld",
	    judge[_i].what, v.until);
	ck_assert_msg(v.why.id == judge[_i].why, "%s: why %s", judge[_i].what,
	    msg_key(v.why.id));
	ck_assert_int_eq(v.cached, in.st != NULL && in.dns != NULL &&
	    judge[_i].conf != DNSMODE_OFF && judge[_i].ran == DNSMODE_RESOLVER);
}
END_TEST

/* Every verdict the page can show is reached by some case above. */
START_TEST(judge_cases_reach_every_verdict)
{
	unsigned seen = 0;
	size_t i;
	int v;

	for (i = 0; i < NJUDGE; i++)
		seen |= 1u << judge[i].v;
	for (v = 0; v < DV__MAX; v++) {
		ck_assert_msg(seen & (1u << v), "no case gives %s",
		    dnsstate_verdict_word(v));
		ck_assert_ptr_nonnull(dnsstate_verdict_word(v));
	}
	ck_assert_ptr_null(dnsstate_verdict_word(DV__MAX));
}
END_TEST

static const struct {
	long long	 checked, interval, update, now;
	int		 due;
} dues[] = {
	{ 0, 300, 0, 1000, 1 },			/* never checked */
	{ 900, 300, 0, 1000, 0 },		/* fresh */
	{ 700, 300, 0, 1000, 1 },		/* interval passed */
	{ 900, 300, 950, 1000, 1 },		/* ddclient set one since */
	{ 900, 300, 900, 1000, 0 },
	{ 2000, 300, 0, 1000, 1 },		/* from the future */
	{ 1050, 300, 0, 1000, 0 },		/* a clock a little off */
};
#define NDUES (sizeof(dues) / sizeof(dues[0]))

START_TEST(due_when_missing_old_future_or_updated_since)
{
	ck_assert_int_eq(dnsstate_due(dues[_i].checked, dues[_i].interval,
	    dues[_i].update, dues[_i].now), dues[_i].due);
}
END_TEST

static const struct {
	const char	*a, *b;
	int		 eq;
} equals[] = {
	{ "203.0.113.9", "203.0.113.9", 1 },
	{ "2001:db8::1", "2001:DB8:0:0::1", 1 },
	{ "1.2.3.4", "11.2.3.45", 0 },
	{ "1.2.3.4", "::ffff:1.2.3.4", 0 },
	{ "1.2.3.4", "1.2.3.4 ", 0 },
	{ "", "", 0 },
	{ NULL, NULL, 0 },
	{ "x", "x", 0 },
};
#define NEQUALS (sizeof(equals) / sizeof(equals[0]))

START_TEST(netip_equal_compares_binary_addresses)
{
	ck_assert_int_eq(netip_equal(equals[_i].a, equals[_i].b),
	    equals[_i].eq);
}
END_TEST

static Suite *
dnsstate_suite(void)
{
	Suite *s = suite_create("dnsstate");
	TCase *tc;

	tc = tcase_create("words");
	tcase_add_loop_test(tc, mode_words_are_read_strictly, 0, (int)NMODES);
	tcase_add_loop_test(tc, stub_is_a_zone_and_an_address, 0, (int)NSTUBS);
	tcase_add_loop_test(tc, netip_equal_compares_binary_addresses, 0,
	    (int)NEQUALS);
	suite_add_tcase(s, tc);

	tc = tcase_create("file");
	tcase_add_loop_test(tc, entry_lines_are_read_strictly, 0, (int)NLINES);
	tcase_add_test(tc, entry_line_fields_are_kept);
	tcase_add_loop_test(tc, files_are_read_whole_or_refused, 0,
	    (int)NFILES);
	tcase_add_test(tc, file_with_nul_is_refused);
	tcase_add_test(tc, format_reads_back_and_find_finds);
	tcase_add_test(tc, format_refuses_what_would_not_read_back);
	tcase_add_test(tc, some_reads_the_asked_hosts_alone);
	tcase_add_test(tc, some_refuses_a_damaged_top_or_asked_line);
	tcase_add_test(tc, write_then_read);
	suite_add_tcase(s, tc);

	tc = tcase_create("verdict");
	tcase_add_loop_test(tc, judge_over_the_combinations, 0, (int)NJUDGE);
	tcase_add_test(tc, judge_cases_reach_every_verdict);
	tcase_add_loop_test(tc, due_when_missing_old_future_or_updated_since,
	    0, (int)NDUES);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(dnsstate_suite());
}

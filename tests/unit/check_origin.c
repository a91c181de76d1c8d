/* check_origin.c: the Origin / Referer check against the site's names. */
#include <string.h>

#include <check.h>

#include "origin.h"
#include "testutil.h"

#define ADDR4	{ 0, "192.0.2.1", "8080", NULL }
#define ADDR6	{ 0, "::1", "8080", NULL }
#define TLS	{ 1, "192.0.2.1", "443", NULL }
#define HOSTS	{ 0, "192.0.2.1", "80", "router.lan ddns.lan:8443 [fd00::1]" }

/* One request: the headers (NULL = absent), the site, the verdict. */
static const struct {
	const char		*origin, *referer;
	struct origin_site	 site;
	int			 ok;
} cases[] = {
	{ NULL, NULL, ADDR4, 1 },		/* curl: left to the token */
	{ "http://192.0.2.1:8080", NULL, ADDR4, 1 },
	{ NULL, "http://192.0.2.1:8080/cgi-bin/ddns.cgi?a=b", ADDR4, 1 },
	{ NULL, "http://192.0.2.1:8080", ADDR4, 1 },
	{ NULL, "http://192.0.2.1:8080?x", ADDR4, 1 },
	{ "http://evil.example:8080", NULL, ADDR4, 0 },	/* DNS rebinding */
	{ NULL, "http://evil.example:8080/", ADDR4, 0 },
	{ "http://192.0.2.1", NULL, ADDR4, 0 },		/* port 80 */
	{ "http://192.0.2.1:8081", NULL, ADDR4, 0 },
	{ "https://192.0.2.1:8080", NULL, ADDR4, 0 },	/* scheme */
	{ "http://192.0.2.1:8080/", NULL, ADDR4, 0 },	/* not an Origin */
	{ "http://192.0.2.1:8080:80", NULL, ADDR4, 0 },
	{ "http://192.0.2.10:8080", NULL, ADDR4, 0 },
	{ "http://192.0.2.1.evil.example:8080", NULL, ADDR4, 0 },
	{ NULL, "http://192.0.2.1:8080@evil.example/", ADDR4, 0 },
	{ NULL, "http://x@192.0.2.1:8080/", ADDR4, 0 },
	{ "null", NULL, ADDR4, 0 },
	{ "", NULL, ADDR4, 0 },
	{ "HTTP://192.0.2.1:8080", NULL, ADDR4, 0 },
	/* Origin wins over a Referer. */
	{ "http://evil.example", "http://192.0.2.1:8080/", ADDR4, 0 },
	{ "http://[::1]:8080", NULL, ADDR6, 1 },
	{ "http://[0:0::1]:8080", NULL, ADDR6, 0 },	/* as text: both write ::1 */
	{ "http://[::1]:8081", NULL, ADDR6, 0 },
	{ "http://[::1]", NULL, ADDR6, 0 },
	{ "http://::1:8080", NULL, ADDR6, 0 },
	{ "http://[::1:8080", NULL, ADDR6, 0 },
	{ "http://[::2]:8080", NULL, ADDR6, 0 },
	{ "http://[::1]:8080", NULL, { 0, "[::1]", "8080", NULL }, 1 },
	{ "http://[fe80::1]:8080", NULL, { 0, "FE80::1", "8080", NULL }, 1 },
	{ "http://192.0.2.1:8080", NULL, { 0, "::ffff:192.0.2.1", "8080", NULL },
	  1 },
	{ "http://[::ffff:192.0.2.1]:8080", NULL,
	  { 0, "::ffff:192.0.2.1", "8080", NULL }, 1 },
	{ "https://192.0.2.1", NULL, TLS, 1 },
	{ "https://192.0.2.1:443", NULL, TLS, 1 },
	{ "http://192.0.2.1", NULL, TLS, 0 },
	{ "http://192.0.2.1:443", NULL, TLS, 0 },
	{ "https://192.0.2.1", NULL, { 1, "192.0.2.1", "8443", NULL }, 0 },
	{ "https://192.0.2.1:8443", NULL, { 1, "192.0.2.1", "8443", NULL }, 1 },
	/* No SERVER_ADDR or SERVER_PORT: nothing to compare with. */
	{ "http://192.0.2.1", NULL, { 0, NULL, "80", NULL }, 0 },
	{ "http://192.0.2.1", NULL, { 0, "", "80", NULL }, 0 },
	{ "http://192.0.2.1", NULL, { 0, "192.0.2.1", NULL, NULL }, 0 },
	{ "http://192.0.2.1", NULL, { 0, "192.0.2.1", "eighty", NULL }, 0 },
	/* page_hosts */
	{ "http://router.lan", NULL, HOSTS, 1 },
	{ "http://ROUTER.lan", NULL, HOSTS, 1 },
	{ NULL, "http://router.lan/cgi-bin/ddns.cgi", HOSTS, 1 },
	{ "http://router.lan:8080", NULL, HOSTS, 0 },
	{ "http://ddns.lan:8443", NULL, HOSTS, 1 },
	{ "http://ddns.lan", NULL, HOSTS, 0 },
	{ "http://[fd00::1]", NULL, HOSTS, 1 },
	{ "http://192.0.2.1", NULL, HOSTS, 1 },		/* SERVER_ADDR too */
	{ "http://router.lan.evil.example", NULL, HOSTS, 0 },
	{ "http://lan", NULL, HOSTS, 0 },
	{ "http://evil.example", NULL, HOSTS, 0 },
	{ "http://ddns.lan:8443", NULL,
	  { 0, NULL, NULL, "ddns.lan:8443" }, 1 },	/* a listed port suffices */
	{ "http://router.lan", NULL, { 0, NULL, NULL, "router.lan" }, 0 },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

START_TEST(origin_cases_table)
{
	ck_assert_msg(origin_ok(cases[_i].origin, cases[_i].referer,
	    &cases[_i].site) == cases[_i].ok, "case %d: Origin %s, Referer %s: "
	    "want %s", _i, cases[_i].origin ? cases[_i].origin : "-",
	    cases[_i].referer ? cases[_i].referer : "-",
	    cases[_i].ok ? "accepted" : "refused");
}
END_TEST

static Suite *
origin_suite(void)
{
	Suite *s = suite_create("origin");
	TCase *tc = tcase_create("origin");

	tcase_add_loop_test(tc, origin_cases_table, 0, (int)NCASES);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(origin_suite());
}

/* check_dnslog.c: the DNS verdict changes (dnslog.h): read strictly and
 * whole or not at all, written so that it reads back, a change recorded
 * only when the verdict moved, and the bounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "dnslog.h"

#define HEAD "ddns-dnslog 1\n"

static const char good[] = HEAD
    "100 a.example.com ipv4 not_checked 192.0.2.1\n"
    "160 a.example.com ipv4 in_dns 192.0.2.1,192.0.2.2\n"
    "160 a.example.com ipv6 no_record -\n"
    "200 b.example.com ipv4 could_not_check -\n";

START_TEST(a_log_reads_back_exactly)
{
	struct dnslog l;
	struct dd_err e;
	struct buf b = { 0 };

	ck_assert_int_eq(dnslog_parse(good, sizeof(good) - 1, &l, &e), 0);
	ck_assert_uint_eq(l.n, 4);
	ck_assert_int_eq(l.c[1].v, DV_IN_DNS);
	ck_assert_str_eq(l.c[1].answer, "192.0.2.1,192.0.2.2");
	ck_assert_int_eq(l.c[2].fam, NET_V6);
	ck_assert_str_eq(l.c[2].answer, "");
	dnslog_format(&l, &b);
	ck_assert(!b.oom);
	ck_assert_uint_eq(b.len, sizeof(good) - 1);
	ck_assert(memcmp(b.p, good, b.len) == 0);
	buf_free(&b);
	dnslog_free(&l);
}
END_TEST

static const char *const bad[] = {
	"",					/* no header */
	"ddns-dnslog 2\n",
	HEAD "100 a.example.com ipv4 in_dns 192.0.2.1",	/* no newline */
	HEAD "100 a.example.com ipv5 in_dns 192.0.2.1\n",
	HEAD "100 a.example.com ipv4 maybe 192.0.2.1\n",
	HEAD "100 a.example.com ipv4 in_dns 2001:db8::1\n",	/* family */
	HEAD "100 a.example.com ipv4 in_dns 192.0.2.1,\n",
	HEAD "100 a.example.com ipv4 in_dns 192.0.2.1 x\n",
	HEAD "-1 a.example.com ipv4 in_dns -\n",
	HEAD "100 A.example.com ipv4 in_dns -\n",
	HEAD "100 a.example.com ipv4 in_dns\n",
};

START_TEST(a_damaged_log_is_refused_whole)
{
	struct dnslog l;
	struct dd_err e;

	ck_assert_msg(dnslog_parse(bad[_i], strlen(bad[_i]), &l, &e) == -1,
	    "taken: %s", bad[_i]);
	ck_assert_int_eq(e.code, DD_EINVAL);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_ptr_null(l.c);
}
END_TEST

START_TEST(a_change_is_recorded_only_when_the_verdict_moved)
{
	struct dnsentry x = { .naddr = 1, .addr = { "192.0.2.9" } };
	struct dnslog l = { 0 };

	ck_assert_int_eq(dnslog_add(&l, 10, "a.example.com", NET_V4,
	    DV_IN_DNS, &x), 1);
	ck_assert_int_eq(dnslog_add(&l, 20, "a.example.com", NET_V4,
	    DV_IN_DNS, &x), 0);
	/* The other family and another host are their own. */
	ck_assert_int_eq(dnslog_add(&l, 20, "a.example.com", NET_V6,
	    DV_IN_DNS, NULL), 1);
	ck_assert_int_eq(dnslog_add(&l, 20, "b.example.com", NET_V4,
	    DV_IN_DNS, NULL), 1);
	ck_assert_int_eq(dnslog_add(&l, 30, "a.example.com", NET_V4,
	    DV_DIFFERS, &x), 1);
	ck_assert_int_eq(dnslog_add(&l, 40, "a.example.com", NET_V4,
	    DV_IN_DNS, &x), 1);
	ck_assert_uint_eq(l.n, 5);
	ck_assert_str_eq(l.c[0].answer, "192.0.2.9");
	ck_assert_int_eq(l.c[4].at, 40);
	dnslog_free(&l);
}
END_TEST

START_TEST(trimming_keeps_the_newest_per_host_and_in_all)
{
	struct dnslog l = { 0 };
	int t;

	for (t = 1; t <= 6; t++) {
		dnslog_add(&l, t, "a.example.com", NET_V4, (enum dnsverdict)
		    (t % 2 ? DV_IN_DNS : DV_DIFFERS), NULL);
		dnslog_add(&l, t, "b.example.com", NET_V4, (enum dnsverdict)
		    (t % 2 ? DV_IN_DNS : DV_NO_RECORD), NULL);
	}
	dnslog_trim(&l, 3, 100);
	ck_assert_uint_eq(l.n, 6);
	ck_assert_int_eq(l.c[0].at, 4);	/* oldest first, still */
	ck_assert_int_eq(l.c[5].at, 6);
	/* Per family: an IPv6 change is not one of the IPv4 three. */
	dnslog_add(&l, 7, "a.example.com", NET_V6, DV_NO_RECORD, NULL);
	dnslog_trim(&l, 3, 100);
	ck_assert_uint_eq(l.n, 7);
	ck_assert_int_eq(l.c[0].at, 4);
	dnslog_trim(&l, 3, 2);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.c[0].at, 6);
	ck_assert_int_eq(l.c[1].at, 7);
	dnslog_free(&l);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("dnslog");
	TCase *tc = tcase_create("log");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, a_log_reads_back_exactly);
	tcase_add_loop_test(tc, a_damaged_log_is_refused_whole, 0,
	    (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_test(tc, a_change_is_recorded_only_when_the_verdict_moved);
	tcase_add_test(tc, trimming_keeps_the_newest_per_host_and_in_all);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}

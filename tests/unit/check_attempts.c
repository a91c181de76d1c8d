/* check_attempts.c: the record of update attempts (attempts.h): read
 * strictly and whole or not at all, written so that it reads back, the
 * attempts a cache adds, and the bounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "attempts.h"
#include "testutil.h"

/* refused: text is not an attempts file; nothing is left allocated. */
static void
refused(const char *text, size_t n, enum dd_code code)
{
	struct att_list l;
	struct dd_err e;

	ck_assert_msg(att_read(text, n, &l, &e) == -1, "taken: %.*s",
	    (int)n, text);
	ck_assert_int_eq(e.code, code);
	att_free(&l);
}

#define REFUSED(s, code) refused(s, sizeof(s) - 1, code)
#define HEAD "ddns-attempts 1\n"

static struct cache_entry
entry(const char *host, long long atime, const char *ip, const char *status)
{
	struct cache_entry ce;

	memset(&ce, 0, sizeof(ce));
	snprintf(ce.host, sizeof(ce.host), "%s", host);
	snprintf(ce.ip, sizeof(ce.ip), "%s", ip);
	snprintf(ce.status, sizeof(ce.status), "%s", status);
	/* 3.10 writes these for a protocol that keeps one status */
	snprintf(ce.status4, sizeof(ce.status4), "noconnect");
	snprintf(ce.status6, sizeof(ce.status6), "noconnect");
	ce.atime = atime;
	ce.mtime = atime;
	return ce;
}

START_TEST(a_record_reads_back_exactly)
{
	static const char text[] = HEAD
	    "attempt 300 4 203.0.113.7 good a.example.com\n"
	    "attempt 200 6 2001:db8::7 badauth a.example.com\n"
	    "attempt 200 4 - - b.example.com\n"
	    "attempt 100 4 - !yours a.example.com\n"
	    "end\n";
	struct att_list l;
	struct buf b = { 0 };
	struct dd_err e;

	ck_assert_int_eq(att_read(text, sizeof(text) - 1, &l, &e), 0);
	ck_assert_uint_eq(l.n, 4);
	ck_assert_int_eq(l.a[1].v6, 1);
	ck_assert_str_eq(l.a[1].ip, "2001:db8::7");
	ck_assert_str_eq(l.a[2].ip, "");
	ck_assert_str_eq(l.a[2].status, "");
	ck_assert_str_eq(l.a[3].status, "!yours");
	ck_assert_int_eq(att_emit(&b, &l), 0);
	ck_assert_uint_eq(b.len, sizeof(text) - 1);
	ck_assert_int_eq(memcmp(b.p, text, b.len), 0);
	buf_free(&b);
	att_free(&l);
}
END_TEST

START_TEST(a_malformed_record_is_refused_whole)
{
	REFUSED("", DD_EBADREQ);
	REFUSED("ddns-attempts 2\nend\n", DD_EBADREQ);
	REFUSED(HEAD, DD_EBADREQ);				/* no end */
	REFUSED(HEAD "attempt 1 4 - good a.example.com", DD_EBADREQ);
	REFUSED(HEAD "end\nend\n", DD_EBADREQ);
	REFUSED(HEAD "end\nattempt 1 4 - good a.example.com\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 0 4 - good a.example.com\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 01 4 - good a.example.com\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt -1 4 - good a.example.com\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 2199023255553 4 - good a.example.com\nend\n",
	    DD_EBADREQ);
	REFUSED(HEAD "attempt 1 5 - good a.example.com\nend\n", DD_EBADREQ);
	/* an address of the other family, or not canonical */
	REFUSED(HEAD "attempt 1 4 2001:db8::1 good a.example.com\nend\n",
	    DD_EBADREQ);
	REFUSED(HEAD "attempt 1 6 2001:DB8::1 good a.example.com\nend\n",
	    DD_EBADREQ);
	REFUSED(HEAD "attempt 1 4 1.2.3.04 good a.example.com\nend\n",
	    DD_EBADREQ);
	REFUSED(HEAD "attempt 1 4 - go<od a.example.com\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 1 4 - good A.example.com\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 1 4 - good a.example.com.\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 1 4 - good a.example.com x\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 1 4 -  good a.example.com\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 1 4 - good\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 1 4 - good a.example.com\r\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 1 4 - good a.exa\0mple.com\nend\n", DD_EBADREQ);
	REFUSED(HEAD "Attempt 1 4 - good a.example.com\nend\n", DD_EBADREQ);
	/* not newest first, or the same line twice */
	REFUSED(HEAD "attempt 1 4 - good a.example.com\n"
	    "attempt 2 4 - good a.example.com\nend\n", DD_EBADREQ);
	REFUSED(HEAD "attempt 1 4 - good a.example.com\n"
	    "attempt 1 4 - good a.example.com\nend\n", DD_EBADREQ);
}
END_TEST

START_TEST(the_hard_caps_hold)
{
	struct att_list l;
	struct buf b = { 0 };
	struct dd_err e;
	long long i;

	/* ATT_PER_HOST_MAX + 1 of one host and family: refused */
	buf_puts(&b, HEAD);
	for (i = ATT_PER_HOST_MAX + 1; i > 0; i--)
		buf_printf(&b, "attempt %lld 4 - good a.example.com\n", i);
	buf_puts(&b, "end\n");
	ck_assert_int_eq(att_read(b.p, b.len, &l, &e), -1);
	ck_assert_int_eq(e.code, DD_ETOOBIG);
	att_free(&l);
	buf_free(&b);
	/* as many, spread over two families: taken */
	buf_puts(&b, HEAD);
	for (i = ATT_PER_HOST_MAX + 1; i > 0; i--)
		buf_printf(&b, "attempt %lld %c - good a.example.com\n", i,
		    i % 2 ? '4' : '6');
	buf_puts(&b, "end\n");
	ck_assert_int_eq(att_read(b.p, b.len, &l, &e), 0);
	att_free(&l);
	buf_free(&b);
	/* over ATT_ALL_MAX in all: refused */
	buf_puts(&b, HEAD);
	for (i = ATT_ALL_MAX + 1; i > 0; i--)
		buf_printf(&b, "attempt %lld 4 - good h%lld.example.com\n",
		    i, i);
	buf_puts(&b, "end\n");
	ck_assert_int_eq(att_read(b.p, b.len, &l, &e), -1);
	ck_assert_int_eq(e.code, DD_ETOOBIG);
	att_free(&l);
	buf_free(&b);
	/* over the byte cap: refused before it is parsed */
	ck_assert_int_eq(att_read(HEAD, ATT_FILE_MAX + 1, &l, &e), -1);
	ck_assert_int_eq(e.code, DD_ETOOBIG);
	att_free(&l);
}
END_TEST

START_TEST(the_writer_leaves_out_what_the_reader_refuses)
{
	struct attempt a[3];
	struct att_list l = { a, 3 }, back;
	struct buf b = { 0 };
	struct dd_err e;

	memset(a, 0, sizeof(a));
	a[0].at = 3, snprintf(a[0].host, sizeof(a[0].host), "Bad host");
	a[1].at = 2, snprintf(a[1].host, sizeof(a[1].host), "ok.example.com");
	snprintf(a[1].ip, sizeof(a[1].ip), "1.2.3.4");
	a[2].at = 1, snprintf(a[2].host, sizeof(a[2].host), "x.example.com");
	snprintf(a[2].status, sizeof(a[2].status), "no way");
	ck_assert_int_eq(att_emit(&b, &l), 0);
	ck_assert_int_eq(att_read(b.p, b.len, &back, &e), 0);
	ck_assert_uint_eq(back.n, 1);
	ck_assert_str_eq(back.a[0].host, "ok.example.com");
	att_free(&back);
	buf_free(&b);
}
END_TEST

START_TEST(a_cache_adds_only_attempts_whose_time_moved)
{
	struct cache_entry ce[2] = {
		entry("a.example.com", 100, "203.0.113.7", "good"),
		entry("b.example.com", 100, "203.0.113.7", "badauth"),
	};
	char *want[] = { "203.0.113.9", "2001:db8::9", "junk" };
	struct att_list l = { 0 };

	ck_assert_int_eq(att_from_cache(&l, ce, 2, want, 3), 0);
	ck_assert_uint_eq(l.n, 2);
	/* 3.10's one status: one IPv4 attempt; good: the cached address */
	ck_assert_int_eq(l.a[0].v6, 0);
	ck_assert_str_eq(l.a[0].ip, "203.0.113.7");
	/* failed: the cache keeps the old address; the wanted one is sent */
	ck_assert_str_eq(l.a[1].status, "badauth");
	ck_assert_str_eq(l.a[1].ip, "203.0.113.9");
	/* the same cache again: nothing new */
	ck_assert_int_eq(att_from_cache(&l, ce, 2, want, 3), 0);
	ck_assert_uint_eq(l.n, 2);
	/* a's time moved: one more */
	ce[0].atime = 160;
	ck_assert_int_eq(att_from_cache(&l, ce, 2, NULL, 0), 0);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_int_eq(l.a[2].at, 160);
	att_free(&l);
}
END_TEST

START_TEST(a_cache_gives_one_attempt_per_family_it_speaks_of)
{
	struct cache_entry ce = entry("d.example.com", 50, "", "");
	char *want[] = { "203.0.113.9", "203.0.113.10" };
	struct att_list l = { 0 };

	/* 3.11: per-family keys; an IPv6 failure with no address */
	snprintf(ce.ip4, sizeof(ce.ip4), "203.0.113.7");
	snprintf(ce.status4, sizeof(ce.status4), "good");
	snprintf(ce.status6, sizeof(ce.status6), "badauth");
	ck_assert_int_eq(att_from_cache(&l, &ce, 1, want, 2), 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_int_eq(l.a[0].v6, 0);
	ck_assert_int_eq(l.a[1].v6, 1);
	/* no one wanted IPv6 address: unknown, never a guess */
	ck_assert_str_eq(l.a[1].ip, "");
	att_free(&l);
	/* what the format cannot carry is dropped, not the attempt */
	ce = entry("e.example.com", 50, "not-an-ip", "we ird");
	ce.status[2] = ',';
	ck_assert_int_eq(att_from_cache(&l, &ce, 1, NULL, 0), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.a[0].status, "");
	att_free(&l);
	/* no time, or a bad name: nothing */
	ce = entry("f.example.com", 0, "1.2.3.4", "good");
	ck_assert_int_eq(att_from_cache(&l, &ce, 1, NULL, 0), 0);
	ce = entry("-bad-.example.com", 9, "1.2.3.4", "good");
	ck_assert_int_eq(att_from_cache(&l, &ce, 1, NULL, 0), 0);
	ck_assert_uint_eq(l.n, 0);
	att_free(&l);
}
END_TEST

START_TEST(trimming_keeps_the_newest_per_host_and_in_all)
{
	struct att_list l = { 0 };
	struct cache_entry ce;
	long long t;

	for (t = 1; t <= 10; t++) {
		ce = entry("a.example.com", t, "1.2.3.4", "good");
		ck_assert_int_eq(att_from_cache(&l, &ce, 1, NULL, 0), 0);
		ce = entry("b.example.com", t * 100, "1.2.3.4", "good");
		ck_assert_int_eq(att_from_cache(&l, &ce, 1, NULL, 0), 0);
	}
	att_trim(&l, 3, 100);
	ck_assert_uint_eq(l.n, 6);
	ck_assert_int_eq(l.a[0].at, 1000);	/* newest first */
	ck_assert_int_eq(l.a[3].at, 10);
	ck_assert_int_eq(l.a[5].at, 8);
	att_trim(&l, 3, 4);
	ck_assert_uint_eq(l.n, 4);
	ck_assert_int_eq(l.a[3].at, 10);
	/* a host dropped by the cap in all comes back no newer than it was,
	 * and is dropped again: the record does not churn */
	ce = entry("a.example.com", 9, "1.2.3.4", "good");
	ck_assert_int_eq(att_from_cache(&l, &ce, 1, NULL, 0), 0);
	att_trim(&l, 3, 4);
	ck_assert_uint_eq(l.n, 4);
	ck_assert_int_eq(l.a[3].at, 10);
	att_free(&l);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("attempts");
	TCase *tc = tcase_create("record");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, a_record_reads_back_exactly);
	tcase_add_test(tc, a_malformed_record_is_refused_whole);
	tcase_add_test(tc, the_hard_caps_hold);
	tcase_add_test(tc, the_writer_leaves_out_what_the_reader_refuses);
	tcase_add_test(tc, a_cache_adds_only_attempts_whose_time_moved);
	tcase_add_test(tc, a_cache_gives_one_attempt_per_family_it_speaks_of);
	tcase_add_test(tc, trimming_keeps_the_newest_per_host_and_in_all);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}

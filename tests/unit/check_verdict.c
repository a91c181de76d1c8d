/* check_verdict.c: the one verdict (verdict.h) over every combination of
 * its inputs, and the agreement the list page relies on: a row's words,
 * its summary group and its place in the order all come from it. */
#include <string.h>

#include <check.h>

#include "testutil.h"
#include "verdict.h"

/* What ddclient's cache says, as verdict_cached reads it. */
static const struct {
	const char	*status;
	long long	 mtime, atime;
	enum vd_state	 want;
} cached[] = {
	{ NULL, 0, 0, VD_WAITING },		/* no entry */
	{ "", 0, 0, VD_WAITING },		/* an entry, no answer */
	{ "good", 100, 100, VD_GOOD },
	{ "nochg", 100, 100, VD_GOOD },
	{ "good", 0, 100, VD_GOOD },		/* the word decides */
	{ "badauth", 0, 100, VD_FAILED },
	{ "badauth", 50, 100, VD_FAILED },	/* an older success */
	{ "noconnect", 100, 100, VD_GOOD },	/* nsupdate's, after a success */
	{ "!yours", 0, 5, VD_FAILED },
	{ "somethingnew", 0, 5, VD_FAILED },	/* a word we do not know */
	{ "w300", 0, 5, VD_RETRY },
	{ "w", 0, 5, VD_FAILED },		/* not a wait: no seconds */
	{ "w30x", 0, 5, VD_FAILED },
};
#define NCACHED (sizeof(cached) / sizeof(cached[0]))

START_TEST(cached_reads_the_cache)
{
	ck_assert_int_eq(verdict_cached(cached[_i].status, cached[_i].mtime,
	    cached[_i].atime), cached[_i].want);
}
END_TEST

/* verdict_decide over every combination: what the administrator and
 * ddns-apply did outweighs what the cache says, in this order. */
START_TEST(decide_over_every_combination)
{
	struct verdict_in in = { 0 };
	enum vd_state want;
	int en, lo, pe;
	unsigned c, d;

	for (en = 0; en < 2; en++)
		for (lo = 0; lo < 2; lo++)
			for (pe = 0; pe < 2; pe++)
				for (c = 0; c < VD__MAX * VD_DNS__MAX; c++) {
					/* DNS's answer never moves the state */
					d = c / VD__MAX;
					in.dns = (enum vd_dns)d;
					in.enabled = en;
					in.left_out = lo;
					in.pending = pe;
					in.cached = (enum vd_state)(c % VD__MAX);
					want = lo ? VD_NOTWRITTEN : pe ?
					    VD_NOTAPPLIED : !en ? VD_DISABLED :
					    in.cached;
					ck_assert_int_eq(verdict_decide(&in),
					    want);
				}
}
END_TEST

/* The cache says the provider took it and DNS lacks it: said in words;
 * any other pair is not a disagreement. */
START_TEST(dns_disagrees_only_with_a_good_cache)
{
	struct verdict_in in = { .enabled = 1 };
	unsigned c, d;

	for (c = 0; c < VD__MAX; c++)
		for (d = 0; d < VD_DNS__MAX; d++) {
			in.cached = (enum vd_state)c;
			in.dns = (enum vd_dns)d;
			ck_assert_int_eq(verdict_dns_disagrees(&in),
			    c == VD_GOOD && d == VD_DNS_LACKS);
		}
}
END_TEST

/* The case found on the list page (issue 20): three hosts cached as good,
 * one left out by ddns-apply, one still queued: two fail, one is up to
 * date, and the failing ones come first. */
START_TEST(cached_good_but_left_out_or_queued_fails)
{
	struct verdict_in in[3] = {
		{ .enabled = 1, .cached = VD_GOOD },
		{ .enabled = 1, .cached = VD_GOOD, .left_out = 1 },
		{ .enabled = 1, .cached = VD_GOOD, .pending = 1 },
	};
	size_t count[VG__MAX] = { 0 }, i;

	for (i = 0; i < 3; i++)
		count[verdict_look(verdict_decide(&in[i]))->group]++;
	ck_assert_uint_eq(count[VG_OK], 1);
	ck_assert_uint_eq(count[VG_FAILING], 2);
	ck_assert_str_eq(verdict_look(verdict_decide(&in[1]))->kind, "error");
	ck_assert_str_eq(verdict_look(verdict_decide(&in[2]))->kind, "error");
	ck_assert_int_lt(verdict_look(verdict_decide(&in[1]))->group,
	    verdict_look(verdict_decide(&in[0]))->group);
}
END_TEST

/* The table: every state has a key, a look and a group; the groups run
 * in the states' order (the list's "failing first"); a look of error is
 * always the failing group, so the row's colour and the count agree. */
START_TEST(looks_are_complete_and_ordered)
{
	const struct vd_look *a, *b;
	unsigned s;

	for (s = 0; s < VD__MAX; s++) {
		a = verdict_look((enum vd_state)s);
		ck_assert_ptr_nonnull(a->key);
		ck_assert_ptr_nonnull(a->kind);
		ck_assert_int_eq(strcmp(a->kind, "error") == 0,
		    a->group == VG_FAILING);
		if (s > 0) {
			b = verdict_look((enum vd_state)(s - 1));
			ck_assert_int_le(b->group, a->group);
		}
	}
	ck_assert_ptr_eq(verdict_look(VD__MAX), verdict_look(VD_FAILED));
}
END_TEST

/* A dual-stack host is its worse family; ties keep the first. */
START_TEST(worse_is_the_worse_family)
{
	unsigned a, b;

	for (a = 0; a < VD__MAX; a++)
		for (b = 0; b < VD__MAX; b++)
			ck_assert_int_eq(verdict_worse((enum vd_state)a,
			    (enum vd_state)b), a <= b ? a : b);
}
END_TEST

START_TEST(answers_have_their_keys)
{
	ck_assert_str_eq(verdict_answer("!yours"), "notyours");
	ck_assert_str_eq(verdict_answer("911"), "servererror");
	ck_assert_str_eq(verdict_answer("badauth"), "badauth");
	ck_assert_str_eq(verdict_answer("whatever"), "other");
	ck_assert_str_eq(verdict_answer(""), "");
	ck_assert_str_eq(verdict_answer(NULL), "");
}
END_TEST

static Suite *
verdict_suite(void)
{
	Suite *s = suite_create("verdict");
	TCase *tc = tcase_create("verdict");

	tcase_add_loop_test(tc, cached_reads_the_cache, 0, (int)NCACHED);
	tcase_add_test(tc, decide_over_every_combination);
	tcase_add_test(tc, dns_disagrees_only_with_a_good_cache);
	tcase_add_test(tc, cached_good_but_left_out_or_queued_fails);
	tcase_add_test(tc, looks_are_complete_and_ordered);
	tcase_add_test(tc, worse_is_the_worse_family);
	tcase_add_test(tc, answers_have_their_keys);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(verdict_suite());
}

/* check_utf8.c: the strict decoder and the message cut. */
#include <string.h>

#include <check.h>

#include "utf8.h"
#include "testutil.h"

/* utf8_cut: at most max bytes, never half a character. */
static const struct {
	const char	*in;
	size_t		 max;
	int		 want;
} cuts[] = {
	{ "short", 40, 5 },
	{ "exactly", 7, 7 },
	{ "abcdef", 3, 3 },
	{ "", 3, 0 },
	{ "ab\xc3\xa9", 3, 2 },			/* U+00E9 across the cut */
	{ "ab\xc3\xa9", 4, 4 },			/* ends on its last byte */
	{ "a\xe2\x82\xac" "b", 2, 1 },		/* U+20AC, 1 of 3 bytes in */
	{ "a\xe2\x82\xac" "b", 3, 1 },		/* 2 of 3 bytes in */
	{ "a\xe2\x82\xac" "b", 4, 4 },
	{ "\xf0\x9f\x98\x80xyz", 3, 0 },	/* U+1F600, 3 of 4 in */
	{ "\xf0\x9f\x98\x80xyz", 1, 0 },
	{ "\xf0\x9f\x98\x80xyz", 4, 4 },
	{ "ab\x80\x80\x80\x80\x80", 5, 5 },	/* not UTF-8: bytes */
};
#define NCUTS (sizeof(cuts) / sizeof(cuts[0]))

START_TEST(cut_never_splits_a_character)
{
	int got = utf8_cut(cuts[_i].in, cuts[_i].max);

	ck_assert_msg(got == cuts[_i].want, "utf8_cut(case %d, %zu) = %d, "
	    "want %d", _i, cuts[_i].max, got, cuts[_i].want);
}
END_TEST

/* The use it is for: "%.*s" of a 40-byte cut of 39 ASCII bytes and an
 * accented letter prints valid UTF-8 (with "%.40s" it does not). */
START_TEST(cut_message_is_valid_utf8)
{
	const char *key = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\xc3\xa9zzz";
	char msg[64];

	snprintf(msg, sizeof(msg), "'%.*s'", utf8_cut(key, 40), key);
	ck_assert_msg(utf8_valid(msg, strlen(msg)), "%s", msg);
	ck_assert_uint_eq(strlen(msg), 2 + 39);
}
END_TEST

START_TEST(valid_refuses_overlong_surrogate_and_truncated)
{
	ck_assert_int_eq(utf8_valid("\xc3\xa9", 2), 1);
	ck_assert_int_eq(utf8_valid("\xc0\xaf", 2), 0);
	ck_assert_int_eq(utf8_valid("\xed\xa0\x80", 3), 0);
	ck_assert_int_eq(utf8_valid("\xe2\x82", 2), 0);
	ck_assert_int_eq(utf8_valid("\xf4\x90\x80\x80", 4), 0);
}
END_TEST

static Suite *
utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("utf8");

	tcase_add_loop_test(tc, cut_never_splits_a_character, 0, (int)NCUTS);
	tcase_add_test(tc, cut_message_is_valid_utf8);
	tcase_add_test(tc, valid_refuses_overlong_surrogate_and_truncated);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(utf8_suite());
}

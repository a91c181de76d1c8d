/* check_num.c: the strict decimal parser and its inverse, num_format. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "boundary.h"
#include "num.h"
#include "testutil.h"

/* num_format writes what printf's %lld writes, at the end of its buffer. */
static const long long nums[] = {
	0, 1, 9, 10, 42, -1, -10, 1234567890123LL, LLONG_MAX, LLONG_MIN,
};
#define NNUMS (sizeof(nums) / sizeof(nums[0]))

START_TEST(format_is_printf_lld)
{
	char buf[NUM_SZ], want[NUM_SZ];
	const char *p;

	snprintf(want, sizeof(want), "%lld", nums[_i]);
	p = num_format(nums[_i], buf);
	ck_assert_str_eq(p, want);
	ck_assert_ptr_eq(p + strlen(p), buf + NUM_SZ - 1);
}
END_TEST

/* What num_parse refuses: a sign, a space, a leading zero, an overflow,
 * nothing; and a value out of its range. */
/* The one hex decoder, against strtol on every byte; the boundary's
 * spelling is its lower case only. */
START_TEST(hex_is_every_digit_in_either_case)
{
	char d[2] = { 0, 0 };
	int c;

	for (c = 0; c < 256; c++) {
		d[0] = (char)c;
		ck_assert_int_eq(num_hex(c), c != 0 &&
		    strchr("0123456789abcdefABCDEF", c) ? (int)strtol(d, NULL,
		    16) : -1);
		ck_assert_int_eq(wire_hexval(c), c >= 'A' && c <= 'F' ? -1 :
		    num_hex(c));
	}
}
END_TEST

START_TEST(parse_is_strict_and_bounded)
{
	static const char *const bad[] = {
		"", "-1", "+1", " 1", "1 ", "01", "1a", "0x10",
		"9223372036854775808", "99999999999999999999",
	};
	char buf[NUM_SZ];
	long long v = 7;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(num_parse(bad[i], 0, LLONG_MAX, &v) == -1, "%s",
		    bad[i]);
		ck_assert_int_eq(v, 7);
	}
	ck_assert_int_eq(num_parse("0", 0, 10, &v), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(num_parse("11", 0, 10, &v), -1);
	ck_assert_int_eq(num_parse("9223372036854775807", 0, LLONG_MAX, &v), 0);
	ck_assert_int_eq(v, LLONG_MAX);
	/* the two are inverse over the parser's range */
	ck_assert_int_eq(num_parse(num_format(1234567890123LL, buf), 0,
	    LLONG_MAX, &v), 0);
	ck_assert_int_eq(v, 1234567890123LL);
}
END_TEST

static Suite *
num_suite(void)
{
	Suite *s = suite_create("num");
	TCase *tc = tcase_create("num");

	tcase_add_loop_test(tc, format_is_printf_lld, 0, (int)NNUMS);
	tcase_add_test(tc, parse_is_strict_and_bounded);
	tcase_add_test(tc, hex_is_every_digit_in_either_case);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(num_suite());
}

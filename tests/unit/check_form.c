/* check_form.c: the strict urlencoded form parser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "form.h"
#include "utf8.h"
#include "testutil.h"

static const char *const names[] = { "a", "b", "c" };
#define NNAMES 3

/* parse: form_parse of the whole string s. */
static int
parse(const char *s, char **vals, struct dd_err *e)
{
	dd_clear(e);
	return form_parse(s, strlen(s), names, NNAMES, vals, e);
}

static void
assert_all_null(char **vals)
{
	int i;

	for (i = 0; i < NNAMES; i++)
		ck_assert_msg(vals[i] == NULL, "vals[%d] = \"%s\" after a "
		    "failure", i, vals[i]);
}

START_TEST(parse_decodes_plus_and_percent)
{
	char *v[NNAMES];
	struct dd_err e;

	ck_assert_int_eq(parse("a=1&b=two+words&c=%41%42", v, &e), 0);
	ck_assert_str_eq(v[0], "1");
	ck_assert_str_eq(v[1], "two words");
	ck_assert_str_eq(v[2], "AB");
	form_free(v, NNAMES);
	assert_all_null(v);
}
END_TEST

START_TEST(parse_decodes_reserved_characters)
{
	char *v[NNAMES];
	struct dd_err e;

	ck_assert_int_eq(parse("a=%26%3D%2B%25%23%27%22%5C%0A&b=%c3%bc", v, &e),
	    0);
	ck_assert_str_eq(v[0], "&=+%#'\"\\\n");
	ck_assert_str_eq(v[1], "\xc3\xbc");
	ck_assert_ptr_null(v[2]);
	form_free(v, NNAMES);
}
END_TEST

START_TEST(parse_empty_value_and_missing_equals_give_empty_string)
{
	char *v[NNAMES];
	struct dd_err e;

	ck_assert_int_eq(parse("a=&b", v, &e), 0);
	ck_assert_str_eq(v[0], "");
	ck_assert_str_eq(v[1], "");
	ck_assert_ptr_null(v[2]);
	form_free(v, NNAMES);
}
END_TEST

START_TEST(parse_empty_input_gives_nothing)
{
	static const char *const inputs[] = { "", "&&", "&", "&&&" };
	char *v[NNAMES];
	struct dd_err e;
	size_t i;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		ck_assert_int_eq(parse(inputs[i], v, &e), 0);
		assert_all_null(v);
	}
	ck_assert_int_eq(parse("&a=1&&", v, &e), 0);
	ck_assert_str_eq(v[0], "1");
	form_free(v, NNAMES);
}
END_TEST

START_TEST(parse_stops_at_length)
{
	char *v[NNAMES];
	struct dd_err e;

	ck_assert_int_eq(form_parse("a=1&b=2", 3, names, NNAMES, v, &e), 0);
	ck_assert_str_eq(v[0], "1");
	ck_assert_ptr_null(v[1]);
	form_free(v, NNAMES);
	/* A value cut by the length is not read past it. */
	ck_assert_int_eq(form_parse("a=%41%42", 5, names, NNAMES, v, &e), 0);
	ck_assert_str_eq(v[0], "A");
	form_free(v, NNAMES);
}
END_TEST

static const struct {
	const char	*in;
	size_t		 n;	/* 0: strlen */
	const char	*field;	/* e->field expected, or NULL: any */
} bad[] = {
	{ "d=1", 0, NULL },
	{ "a=1&zz=2", 0, NULL },
	{ "A=1", 0, NULL },
	{ "a=1&a=2", 0, "a" },
	{ "b=1&a=2&b=3", 0, "b" },
	{ "a=%zz", 0, "a" },
	{ "a=%", 0, "a" },
	{ "a=%4", 0, "a" },
	{ "a=x%4", 0, "a" },
	{ "a=%G1", 0, "a" },
	{ "a=%00", 0, "a" },
	{ "a=x%00y", 0, "a" },
	{ "a=x\0y", 5, "a" },
	{ "a=%C3%28", 0, "a" },
	{ "a=%ED%A0%80", 0, "a" },
	{ "a=%C0%AF", 0, "a" },
	{ "a=%F4%90%80%80", 0, "a" },
	{ "a=%FF", 0, "a" },
	{ "a=%C3", 0, "a" },
	{ "a=\xc3\x28", 0, "a" },
	{ "%zz=1", 0, NULL },
	{ "a%00=1", 0, NULL },
	{ "b=ok&c=ok&a=%zz", 0, "a" },
	{ "b=ok&c=ok&d=x", 0, NULL },
};
#define NBAD (sizeof(bad) / sizeof(bad[0]))

START_TEST(parse_refuses_malformed_input_and_frees_all)
{
	size_t n = bad[_i].n ? bad[_i].n : strlen(bad[_i].in);
	char *v[NNAMES] = { (char *)1, (char *)1, (char *)1 };
	struct dd_err e;

	dd_clear(&e);
	ck_assert_msg(form_parse(bad[_i].in, n, names, NNAMES, v, &e) == -1,
	    "accepted \"%s\"", bad[_i].in);
	ck_assert_int_eq(e.code, DD_EBADREQ);
	ck_assert(e.msg[0] != '\0');
	if (bad[_i].field)
		ck_assert_str_eq(e.field, bad[_i].field);
	assert_all_null(v);
}
END_TEST

START_TEST(parse_accepts_valid_utf8)
{
	char *v[NNAMES];
	struct dd_err e;

	ck_assert_int_eq(parse("a=%C3%BC&b=%E2%98%83&c=%F0%9F%98%80", v, &e), 0);
	ck_assert_str_eq(v[0], "\xc3\xbc");
	ck_assert_str_eq(v[1], "\xe2\x98\x83");
	ck_assert_str_eq(v[2], "\xf0\x9f\x98\x80");
	form_free(v, NNAMES);
	ck_assert_int_eq(parse("a=m\xc3\xbcnchen", v, &e), 0);
	ck_assert_str_eq(v[0], "m\xc3\xbcnchen");
	form_free(v, NNAMES);
}
END_TEST

/* An unknown name is quoted in the message (40 bytes at most) without
 * cutting a character in two: the 400 page stays valid UTF-8. */
START_TEST(unknown_name_is_quoted_whole_characters_only)
{
	char *v[NNAMES];
	struct dd_err e;

	ck_assert_int_eq(parse("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx%C3%A9yy=1",
	    v, &e), -1);
	ck_assert_msg(utf8_valid(e.msg, strlen(e.msg)), "not UTF-8: %s", e.msg);
	ck_assert_ptr_nonnull(strstr(e.msg,
	    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'"));
	assert_all_null(v);
}
END_TEST

static Suite *
form_suite(void)
{
	Suite *s = suite_create("form");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, parse_decodes_plus_and_percent);
	tcase_add_test(tc, parse_decodes_reserved_characters);
	tcase_add_test(tc, parse_empty_value_and_missing_equals_give_empty_string);
	tcase_add_test(tc, parse_empty_input_gives_nothing);
	tcase_add_test(tc, parse_stops_at_length);
	tcase_add_loop_test(tc, parse_refuses_malformed_input_and_frees_all, 0,
	    (int)NBAD);
	tcase_add_test(tc, parse_accepts_valid_utf8);
	tcase_add_test(tc, unknown_name_is_quoted_whole_characters_only);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(form_suite());
}

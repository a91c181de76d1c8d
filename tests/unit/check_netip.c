/* check_netip.c: finding the address in a check server's answer, and the
 * public-IP state file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "netip.h"
#include "testutil.h"

static const struct {
	const char	*body;
	const char	*ip;	/* NULL: no address */
} answers[] = {
	{ "203.0.113.7\n", "203.0.113.7" },
	{ "203.0.113.7", "203.0.113.7" },
	{ "Current IP Address: 198.51.100.4</body>", "198.51.100.4" },
	{ "<html><head><title>Current IP Check</title></head><body>Current IP "
	  "Address: 198.51.100.4</body></html>\r\n", "198.51.100.4" },
	{ "2001:db8::1", "2001:db8::1" },
	{ "2001:db8::1\n", "2001:db8::1" },
	{ "{\"ip\":\"203.0.113.8\"}", "203.0.113.8" },
	{ "ip=203.0.113.9&ok", "203.0.113.9" },
	{ "Your address is 203.0.113.10.", "203.0.113.10" },
	{ "IP:203.0.113.11", "203.0.113.11" },
	{ "<html>nothing</html>", NULL },
	{ "999.1.1.1", NULL },
	{ "", NULL },
	{ "1.2.3", NULL },
	{ "deadbeef cafe", NULL },
};
#define NANSWERS (sizeof(answers) / sizeof(answers[0]))

START_TEST(parse_answer_finds_first_address)
{
	char ip[64];
	int rc;

	memset(ip, 0, sizeof(ip));
	rc = netip_parse_answer(answers[_i].body, strlen(answers[_i].body), ip,
	    sizeof(ip));
	if (answers[_i].ip == NULL) {
		ck_assert_msg(rc == -1, "found \"%s\" in \"%s\"", ip,
		    answers[_i].body);
		return;
	}
	ck_assert_msg(rc == 0, "no address in \"%s\"", answers[_i].body);
	ck_assert_str_eq(ip, answers[_i].ip);
}
END_TEST

START_TEST(parse_answer_respects_length_and_buffer)
{
	char ip[64], small[16];
	size_t i;

	/* Only the first n bytes are read. */
	ck_assert_int_eq(netip_parse_answer("203.0.113.7", 8, ip, sizeof(ip)),
	    -1);
	/* An address that does not fit the buffer (8 bytes) is not written,
	 * neither into it nor into the guard bytes after it. */
	memset(small, 'Z', sizeof(small));
	ck_assert_int_eq(netip_parse_answer("203.0.113.7", 11, small, 8), -1);
	for (i = 0; i < sizeof(small); i++)
		ck_assert_msg(small[i] == 'Z', "byte %zu written", i);
	/* A NUL in the body ends a token. */
	ck_assert_int_eq(netip_parse_answer("203.0\0.113.7", 12, ip,
	    sizeof(ip)), -1);
}
END_TEST

static char dir[TU_PATH_SZ], path[TU_PATH_SZ];

static void
setup(void)
{
	tu_tmpdir(dir);
	tu_path(path, dir, NETIP_FILE);
}

static void
teardown(void)
{
	tu_rmrf(dir);
}

START_TEST(write_read_round_trip)
{
	struct netip in, out;
	struct dd_err e;

	memset(&in, 0, sizeof(in));
	snprintf(in.ip, sizeof(in.ip), "2001:db8::42");
	in.time = 1795481030;
	ck_assert_int_eq(netip_write(path, &in, &e), 0);
	ck_assert_int_eq(netip_read(path, &out, &e), 0);
	ck_assert_str_eq(out.ip, "2001:db8::42");
	ck_assert_int_eq(out.time, 1795481030);
	ck_assert_str_eq(out.error, "");

	memset(&in, 0, sizeof(in));
	in.time = 1795481099;
	snprintf(in.error, sizeof(in.error), "could not connect: timeout = 10 s");
	ck_assert_int_eq(netip_write(path, &in, &e), 0);
	ck_assert_int_eq(netip_read(path, &out, &e), 0);
	ck_assert_str_eq(out.ip, "");
	ck_assert_int_eq(out.time, 1795481099);
	ck_assert_str_eq(out.error, "could not connect: timeout = 10 s");
}
END_TEST

START_TEST(write_flattens_multiline_error)
{
	struct netip in, out;
	struct dd_err e;
	char *text;

	memset(&in, 0, sizeof(in));
	in.time = 5;
	snprintf(in.error, sizeof(in.error), "bad answer\nip=6.6.6.6\r\ntime=9");
	ck_assert_int_eq(netip_write(path, &in, &e), 0);
	ck_assert_int_eq(netip_read(path, &out, &e), 0);
	ck_assert_str_eq(out.ip, "");
	ck_assert_int_eq(out.time, 5);
	ck_assert_ptr_null(strchr(out.error, '\n'));
	ck_assert_ptr_null(strchr(out.error, '\r'));
	ck_assert_ptr_nonnull(strstr(out.error, "bad answer"));
	text = tu_read(path, NULL);
	ck_assert_ptr_null(strstr(text, "\nip=6"));
	ck_assert_ptr_null(strstr(text, "\ntime=9"));
	free(text);
}
END_TEST

START_TEST(read_missing_file_is_notfound)
{
	struct netip out;
	struct dd_err e;

	dd_clear(&e);
	ck_assert_int_eq(netip_read(path, &out, &e), -1);
	ck_assert_int_eq(e.code, DD_ENOTFOUND);
}
END_TEST

static Suite *
netip_suite(void)
{
	Suite *s = suite_create("netip");
	TCase *tc;

	tc = tcase_create("answer");
	tcase_add_loop_test(tc, parse_answer_finds_first_address, 0,
	    (int)NANSWERS);
	tcase_add_test(tc, parse_answer_respects_length_and_buffer);
	suite_add_tcase(s, tc);

	tc = tcase_create("state");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, write_read_round_trip);
	tcase_add_test(tc, write_flattens_multiline_error);
	tcase_add_test(tc, read_missing_file_is_notfound);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(netip_suite());
}

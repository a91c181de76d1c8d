/* check_csrf.c: form tokens and the per-install secret. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <check.h>

#include "csrf.h"
#include "testutil.h"

#define NOW 1795481030LL

static const unsigned char key[CSRF_KEY_LEN] = "0123456789abcdef0123456789abcde";
static const unsigned char key2[CSRF_KEY_LEN] = "0123456789abcdef0123456789abcdX";

START_TEST(token_round_trip)
{
	char tok[CSRF_TOKEN_SZ];

	csrf_make(key, "alice", NOW, tok);
	ck_assert_uint_gt(strlen(tok), 64);
	ck_assert_uint_lt(strlen(tok), CSRF_TOKEN_SZ);
	ck_assert_int_eq(csrf_check(key, "alice", tok, NOW), 0);
	ck_assert_int_eq(csrf_check(key, "alice", tok, NOW + 60), 0);
	ck_assert_int_eq(csrf_check(key, "alice", tok, NOW + CSRF_TTL), 0);
}
END_TEST

START_TEST(token_of_other_user_refused)
{
	char tok[CSRF_TOKEN_SZ];

	csrf_make(key, "alice", NOW, tok);
	ck_assert_int_eq(csrf_check(key, "bob", tok, NOW), -1);
	ck_assert_int_eq(csrf_check(key, "alic", tok, NOW), -1);
	ck_assert_int_eq(csrf_check(key, "alice ", tok, NOW), -1);
	ck_assert_int_eq(csrf_check(key, "", tok, NOW), -1);
	csrf_make(key, "", NOW, tok);
	ck_assert_int_eq(csrf_check(key, "", tok, NOW), 0);
	ck_assert_int_eq(csrf_check(key, "alice", tok, NOW), -1);
}
END_TEST

START_TEST(token_of_other_install_refused)
{
	char tok[CSRF_TOKEN_SZ];

	csrf_make(key, "alice", NOW, tok);
	ck_assert_int_eq(csrf_check(key2, "alice", tok, NOW), -1);
}
END_TEST

START_TEST(token_expired_refused)
{
	char tok[CSRF_TOKEN_SZ];

	csrf_make(key, "alice", NOW, tok);
	ck_assert_int_eq(csrf_check(key, "alice", tok, NOW + CSRF_TTL + 1), -1);
	ck_assert_int_eq(csrf_check(key, "alice", tok, NOW + 10 * CSRF_TTL), -1);
}
END_TEST

START_TEST(token_tampered_refused)
{
	char tok[CSRF_TOKEN_SZ], t[CSRF_TOKEN_SZ + 8];
	size_t i, len;

	csrf_make(key, "alice", NOW, tok);
	len = strlen(tok);
	/* Any one character changed, in the expiry or in the MAC. */
	for (i = 0; i < len; i++) {
		if (tok[i] == '.')
			continue;
		memcpy(t, tok, len + 1);
		t[i] = t[i] == '1' ? '2' : '1';
		ck_assert_msg(csrf_check(key, "alice", t, NOW) == -1,
		    "changed at %zu: %s", i, t);
	}
	/* A later expiry with the old MAC. */
	snprintf(t, sizeof(t), "%lld%s", NOW + 10 * CSRF_TTL, strchr(tok, '.'));
	ck_assert_int_eq(csrf_check(key, "alice", t, NOW), -1);
	/* Uppercase hex of the same MAC is another token. */
	memcpy(t, tok, len + 1);
	for (i = 0; t[i]; i++)
		if (t[i] >= 'a' && t[i] <= 'f')
			t[i] -= 32;
	if (strcmp(t, tok) != 0)
		ck_assert_int_eq(csrf_check(key, "alice", t, NOW), -1);
}
END_TEST

START_TEST(token_truncated_garbage_null_refused)
{
	char tok[CSRF_TOKEN_SZ], t[CSRF_TOKEN_SZ + 8];
	const char *dot;
	size_t len;

	csrf_make(key, "alice", NOW, tok);
	len = strlen(tok);
	memcpy(t, tok, len + 1);
	t[len - 1] = '\0';
	ck_assert_int_eq(csrf_check(key, "alice", t, NOW), -1);
	snprintf(t, sizeof(t), "%s0", tok);
	ck_assert_int_eq(csrf_check(key, "alice", t, NOW), -1);
	dot = strchr(tok, '.');
	ck_assert_ptr_nonnull(dot);
	ck_assert_int_eq(csrf_check(key, "alice", dot, NOW), -1);
	snprintf(t, sizeof(t), "%.*s.", (int)(dot - tok), tok);
	ck_assert_int_eq(csrf_check(key, "alice", t, NOW), -1);
	snprintf(t, sizeof(t), "-%s", tok);
	ck_assert_int_eq(csrf_check(key, "alice", t, NOW), -1);
	ck_assert_int_eq(csrf_check(key, "alice", "", NOW), -1);
	ck_assert_int_eq(csrf_check(key, "alice", ".", NOW), -1);
	ck_assert_int_eq(csrf_check(key, "alice", "garbage", NOW), -1);
	ck_assert_int_eq(csrf_check(key, "alice", "99999999999999999999999999."
	    "00", NOW), -1);
	ck_assert_int_eq(csrf_check(key, "alice", NULL, NOW), -1);
}
END_TEST

START_TEST(secret_created_0600_and_stable)
{
	char dir[TU_PATH_SZ], path[TU_PATH_SZ], *data;
	unsigned char k1[CSRF_KEY_LEN], k2[CSRF_KEY_LEN];
	struct dd_err e;
	struct stat st;
	size_t n;

	tu_tmpdir(dir);
	tu_path(path, dir, "csrf.key");
	ck_assert_msg(csrf_secret(path, k1, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(st.st_size, CSRF_KEY_LEN);
	data = tu_read(path, &n);
	ck_assert_uint_eq(n, CSRF_KEY_LEN);
	ck_assert_mem_eq(data, k1, CSRF_KEY_LEN);
	free(data);
	ck_assert_int_eq(csrf_secret(path, k2, &e), 0);
	ck_assert_mem_eq(k1, k2, CSRF_KEY_LEN);
	tu_rmrf(dir);
}
END_TEST

START_TEST(secret_differs_between_installs)
{
	char dir[TU_PATH_SZ], p1[TU_PATH_SZ], p2[TU_PATH_SZ];
	unsigned char k1[CSRF_KEY_LEN], k2[CSRF_KEY_LEN];
	struct dd_err e;

	tu_tmpdir(dir);
	ck_assert_int_eq(csrf_secret(tu_path(p1, dir, "a.key"), k1, &e), 0);
	ck_assert_int_eq(csrf_secret(tu_path(p2, dir, "b.key"), k2, &e), 0);
	ck_assert(memcmp(k1, k2, CSRF_KEY_LEN) != 0);
	tu_rmrf(dir);
}
END_TEST

START_TEST(secret_damaged_file_refused)
{
	char dir[TU_PATH_SZ], path[TU_PATH_SZ];
	unsigned char k[CSRF_KEY_LEN];
	struct dd_err e;

	tu_tmpdir(dir);
	tu_path(path, dir, "csrf.key");
	tu_write_str(path, "short");
	dd_clear(&e);
	ck_assert_int_eq(csrf_secret(path, k, &e), -1);
	ck_assert(e.msg[0] != '\0');
	tu_rmrf(dir);
}
END_TEST

static Suite *
csrf_suite(void)
{
	Suite *s = suite_create("csrf");
	TCase *tc = tcase_create("token");

	tcase_add_test(tc, token_round_trip);
	tcase_add_test(tc, token_of_other_user_refused);
	tcase_add_test(tc, token_of_other_install_refused);
	tcase_add_test(tc, token_expired_refused);
	tcase_add_test(tc, token_tampered_refused);
	tcase_add_test(tc, token_truncated_garbage_null_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("secret");
	tcase_add_test(tc, secret_created_0600_and_stable);
	tcase_add_test(tc, secret_differs_between_installs);
	tcase_add_test(tc, secret_damaged_file_refused);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(csrf_suite());
}

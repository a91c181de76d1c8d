/* check_mask.c: "What ddclient reads" masks every secret ddclient reads,
 * by its own grammar, and keeps every other byte. */
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "buf.h"
#include "mask.h"
#include "testutil.h"

#define M MASK_TEXT
static const struct masked {
	const char	*in, *want;
} masked[] = {
	/* as the renderer writes them */
	{ "password='pw-dyn', \\\n", "password='" M "', \\\n" },
	{ "password='it''s, a \"pw\" \\', \\\n", "password='" M "', \\\n" },
	{ "password='/etc/ddns-admin/keys/a.example.org.key', \\\n",
	  "password='" M "', \\\n" },
	{ "login=pa\\ssword\\=x, \\\n", "login=pa\\ssword\\=x, \\\n" },
	{ "login=arthur, \\\n", "login=arthur, \\\n" },
	{ "use=fw, fw=192.0.2.1/status, fw-login=admin, fw-password=s3cret\n",
	  "use=fw, fw=192.0.2.1/status, fw-login=admin, fw-password=" M "\n" },
	/* as people write them */
	{ "password = secret host.example.org\n",
	  "password = " M " host.example.org\n" },
	/* the raw pattern takes the value up to a blank, comma and all */
	{ "protocol=dyndns2, login=bob, password=p\\,w, a.example.org\n",
	  "protocol=dyndns2, login=bob, password=" M " a.example.org\n" },
	{ "login=bob password=s3 h.example.org\n",
	  "login=bob password=" M " h.example.org\n" },
	{ "# password=kept-in-a-comment\n", "# password=kept-in-a-comment\n" },
	{ "password=last", "password=" M },
	{ "", "" },
	/* positional: "host login password" after the assignments */
	{ "h.example.org bob s3cr3t\n", "h.example.org bob " M "\n" },
	{ "protocol=dyndns2, server=x.example, h.example.org bob s3cr3t more\n",
	  "protocol=dyndns2, server=x.example, h.example.org bob " M " more\n" },
	{ "a.example.org , b.example.org bob s3cr3t\n",
	  "a.example.org , b.example.org bob " M "\n" },
	{ "h.example.org bob p , w\n", "h.example.org bob " M "\n" },
	{ "h.example.org bob s3cr3t\r\n", "h.example.org bob " M "\r\n" },
	/* an escaped blank run is one blank (ddclient canonifies first) */
	{ "login=a\\   b h.example.org bob pw\n",
	  "login=a\\   b h.example.org bob " M "\n" },
	/* host= adds a host, it does not shift the words */
	{ "host=h.example.org bob notapw\n", "host=h.example.org bob notapw\n" },
	/* password='...' to the last quote of the line, raw */
	{ "password='a b#c' h.example.org\n", "password='" M "' h.example.org\n" },
	{ "password=\"dq\" h.example.org\n", "password=" M " h.example.org\n" },
	/* continuation lines */
	{ "h.example.org bob \\\n  s3cr3t\n", "h.example.org bob \\\n  " M "\n" },
	{ "h.example.org bob pa\\\nss\n", "h.example.org bob " M "\\\n" M "\n" },
	{ "apikey=ab\\\ncd h.example.org\n", "apikey=" M "\\\n" M " h.example.org\n" },
	/* quoted values */
	{ "apikey=\"abc def\" x.example.org\n", "apikey=\"" M "\" x.example.org\n" },
	{ "secretapikey='x y', h.example.org\n",
	  "secretapikey='" M "', h.example.org\n" },
	{ "password='a\n", "password=" M "\n" },
	/* comments */
	{ "# h.example.org bob s3cr3t\n", "# h.example.org bob s3cr3t\n" },
	{ "h.example.org bob # s3cr3t\n", "h.example.org bob # s3cr3t\n" },
	{ "h.example.org bob s3cr3t # password=x\n",
	  "h.example.org bob " M " # password=x\n" },
	/* not secrets: 3.11's name_env, names ddclient has no option of */
	{ "password_env=DDNS_PW h.example.org\n",
	  "password_env=DDNS_PW h.example.org\n" },
	{ "apikey_env=KEY token=abc\n", "apikey_env=KEY token=abc\n" },
	/* 3.10 reads password...= too */
	{ "passwordx=abc\n", "passwordx=" M "\n" },
};
#undef M
#define NMASKED (sizeof(masked) / sizeof(masked[0]))

START_TEST(mask_replaces_every_secret_and_keeps_the_rest)
{
	struct buf out = { 0 };

	ck_assert_int_eq(mask_conf(masked[_i].in, strlen(masked[_i].in),
	    &out), 0);
	ck_assert_str_eq(out.len ? out.p : "", masked[_i].want);
	buf_free(&out);
}
END_TEST

/* The golden rendering of every provider, masked: no password of it
 * remains, and every line is still there. */
START_TEST(mask_of_the_golden_file_hides_every_password)
{
	size_t n, lines_in = 0, lines_out = 0, i;
	char *conf = tu_read(SRCDIR "/tests/unit/data/ddclient-all.conf", &n);
	struct buf out = { 0 };
	const char *p;

	ck_assert_ptr_nonnull(conf);
	ck_assert_int_eq(mask_conf(conf, n, &out), 0);
	for (i = 0; i < n; i++)
		lines_in += conf[i] == '\n';
	for (i = 0; i < out.len; i++)
		lines_out += out.p[i] == '\n';
	ck_assert_uint_eq(lines_in, lines_out);
	ck_assert_ptr_null(strstr(out.p, "pw-"));
	for (p = conf; (p = strstr(p, "\npassword='")) != NULL; p++)
		ck_assert_ptr_nonnull(strstr(out.p, "\npassword='" MASK_TEXT
		    "', \\\n"));
	ck_assert_ptr_nonnull(strstr(out.p, "login="));
	free(conf);
	buf_free(&out);
}
END_TEST

/* NUL is an ordinary byte to ddclient (Perl): the text after it is read. */
START_TEST(mask_reads_past_a_nul)
{
	static const char in[] = "a\0b h.example.org s3cr3t\n";
	static const char want[] = "a\0b h.example.org " MASK_TEXT "\n";
	struct buf out = { 0 };

	ck_assert_int_eq(mask_conf(in, sizeof(in) - 1, &out), 0);
	ck_assert_uint_eq(out.len, sizeof(want) - 1);
	ck_assert_mem_eq(out.p, want, sizeof(want) - 1);
	buf_free(&out);
}
END_TEST

/* A long line of "password" words with no '=' stays linear (it would be
 * quadratic if each word rescanned the line). */
START_TEST(mask_is_linear_on_a_long_line)
{
	size_t n = 1024 * 1024, i;
	char *in = malloc(n);
	struct buf out = { 0 };

	ck_assert_ptr_nonnull(in);
	for (i = 0; i < n; i++)
		in[i] = "password"[i % 8];
	ck_assert_int_eq(mask_conf(in, n, &out), 0);
	ck_assert_uint_eq(out.len, n);
	free(in);
	buf_free(&out);
}
END_TEST

static Suite *
mask_suite(void)
{
	Suite *s = suite_create("mask");
	TCase *tc = tcase_create("mask");

	tcase_add_loop_test(tc, mask_replaces_every_secret_and_keeps_the_rest, 0,
	    (int)NMASKED);
	tcase_add_test(tc, mask_of_the_golden_file_hides_every_password);
	tcase_add_test(tc, mask_reads_past_a_nul);
	tcase_add_test(tc, mask_is_linear_on_a_long_line);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(mask_suite());
}

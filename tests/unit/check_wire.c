/* check_wire.c: the privilege boundary (boundary.h): the apply message
 * read strictly and whole or not at all, the report, and the checks the
 * root side makes of its own directory and lock. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <check.h>

#include "apply.h"
#include "boundary.h"
#include "testutil.h"

static struct host
row(const char *name, const char *login, const char *password)
{
	struct host h;

	memset(&h, 0, sizeof(h));
	snprintf(h.hostname, sizeof(h.hostname), "%s", name);
	snprintf(h.login, sizeof(h.login), "%s", login);
	snprintf(h.password, sizeof(h.password), "%s", password);
	snprintf(h.provider, sizeof(h.provider), "dyn");
	h.enabled = 1;
	return h;
}

/* refused: text is not an apply message; nothing is left allocated. */
static void
refused(const char *text, size_t n, enum dd_code code)
{
	struct wire_apply a;
	struct dd_err e;

	ck_assert_msg(wire_read(text, n, &a, &e) == -1, "taken: %.*s",
	    (int)n, text);
	ck_assert_int_eq(e.code, code);
	wire_free(&a);
}

#define REFUSED(s, code) refused(s, sizeof(s) - 1, code)

START_TEST(a_message_reads_back_exactly)
{
	struct host h[2] = { row("a.example.com", "u", "p w'\"\\#$\n\t"),
	    row("b.example.com", "x", "y") };
	struct wire_apply a;
	struct buf b = { 0 };
	struct dd_err e;
	int f;

	snprintf(h[1].description, sizeof(h[1].description), "caf\xc3\xa9");
	ck_assert_int_eq(wire_emit_begin(&b, 1), 0);
	wire_emit_row(&b, &h[0]);
	wire_emit_row(&b, &h[1]);
	wire_emit_drop(&b, "a.example.com");
	ck_assert_int_eq(wire_emit_end(&b), 0);
	/* one record a line: the newline of the password is escaped */
	ck_assert_ptr_null(strstr(b.p, "w'\"\\#$\n"));
	ck_assert_int_eq(wire_read(b.p, b.len, &a, &e), 0);
	ck_assert_int_eq(a.nrow, 2);
	ck_assert_int_eq(a.ndrop, 1);
	ck_assert_int_eq(a.take_over, 1);
	for (f = 0; f < HF__MAX; f++) {
		ck_assert_str_eq(host_field(&a.row[0], f, NULL),
		    host_field(&h[0], f, NULL));
		ck_assert_str_eq(host_field(&a.row[1], f, NULL),
		    host_field(&h[1], f, NULL));
	}
	ck_assert(a.row[0].enabled && a.row[1].enabled);
	ck_assert_str_eq(a.drop[0], "a.example.com");
	wire_free(&a);
	buf_free(&b);
}
END_TEST

START_TEST(a_message_is_taken_whole_or_not_at_all)
{
	REFUSED("", DD_EBADREQ);
	REFUSED("ddns-apply 2\nend\n", DD_EBADREQ);
	/* cut: no end, or a last line without its newline */
	REFUSED("ddns-apply 1\nhost a.example.com\n", DD_EBADREQ);
	REFUSED("ddns-apply 1\nend", DD_EBADREQ);
	REFUSED("ddns-apply 1\nend\nhost a.example.com\n", DD_EBADREQ);
	/* a field twice, an unknown one, the hostname as a field */
	REFUSED("ddns-apply 1\nhost a.example.com\nfield login u\n"
	    "field login v\nend\n", DD_EBADREQ);
	REFUSED("ddns-apply 1\nhost a.example.com\nfield shell /bin/sh\n"
	    "end\n", DD_EBADREQ);
	REFUSED("ddns-apply 1\nhost a.example.com\nfield hostname b\nend\n",
	    DD_EBADREQ);
	/* out of place */
	REFUSED("ddns-apply 1\nfield login u\nend\n", DD_EBADREQ);
	REFUSED("ddns-apply 1\nhost a.example.com\ntake-over\nend\n",
	    DD_EBADREQ);
	REFUSED("ddns-apply 1\ndrop a.example.com\nhost b.example.com\nend\n",
	    DD_EBADREQ);
	REFUSED("ddns-apply 1\nsql DROP TABLE hosts\nend\n", DD_EBADREQ);
	/* escapes: a raw control byte, \x00, an unknown escape, too long */
	REFUSED("ddns-apply 1\nhost a.example.com\nfield login u\rv\nend\n",
	    DD_EBADREQ);
	REFUSED("ddns-apply 1\nhost a.example.com\nfield login u\\x00\nend\n",
	    DD_EBADREQ);
	REFUSED("ddns-apply 1\nhost a.example.com\nfield login \\n\nend\n",
	    DD_EBADREQ);
	REFUSED("ddns-apply 1\nhost a.example.com\nfield login \\x41\nend\n",
	    DD_EBADREQ);
	refused("ddns-apply 1\nhost a\0b\nend\n", 25, DD_EBADREQ);
}
END_TEST

START_TEST(a_value_longer_than_its_field_is_refused)
{
	char text[1024];
	char login[LOGIN_SZ + 1];

	memset(login, 'u', sizeof(login) - 1);
	login[sizeof(login) - 1] = '\0';
	snprintf(text, sizeof(text), "ddns-apply 1\nhost a.example.com\n"
	    "field login %s\nend\n", login);
	refused(text, strlen(text), DD_EBADREQ);
	login[LOGIN_SZ - 1] = '\0';	/* the longest that fits */
	snprintf(text, sizeof(text), "ddns-apply 1\nhost a.example.com\n"
	    "field login %s\nend\n", login);
	{
		struct wire_apply a;
		struct dd_err e;

		ck_assert_int_eq(wire_read(text, strlen(text), &a, &e), 0);
		ck_assert_int_eq(strlen(a.row[0].login), LOGIN_SZ - 1);
		wire_free(&a);
	}
}
END_TEST

START_TEST(the_caps_hold)
{
	struct buf b = { 0 };
	struct host h = row("h.example.com", "u", "p");
	size_t i;

	wire_emit_begin(&b, 0);
	for (i = 0; i <= WIRE_HOSTS_MAX; i++)
		wire_emit_row(&b, &h);
	wire_emit_end(&b);
	refused(b.p, b.len, DD_ETOOBIG);
	buf_free(&b);
	/* over WIRE_MSG_MAX bytes is refused before a line is read */
	{
		char *big = calloc(1, WIRE_MSG_MAX + 2);

		ck_assert_ptr_nonnull(big);
		memcpy(big, "ddns-apply 1\nend\n", 17);
		refused(big, WIRE_MSG_MAX + 1, DD_ETOOBIG);
		free(big);
	}
}
END_TEST

START_TEST(the_report_reads_back)
{
	struct imp_result r;
	struct buf b = { 0 };
	struct dd_msg m, f;
	struct dd_err e;

	msg_set(&m, MSG_left_keyfile, "cannot make /nonexistent/keys: No such "
	    "file or directory");
	msg_set(&f, MSG_apply_failed, "disk full");
	wire_report_begin(&b);
	imp_emit_file(&b, &f);
	wire_report_host(&b, "ns.example.com", &m);
	imp_emit_end(&b);
	ck_assert_int_eq(wire_read_report(b.p, b.len, &r, &e), 0);
	ck_assert_int_eq(r.nfile, 1);
	ck_assert_int_eq(r.file[0].id, MSG_apply_failed);
	ck_assert_int_eq(r.nrec, 1);
	ck_assert_str_eq(r.rec[0].name, "ns.example.com");
	ck_assert_int_eq(r.rec[0].nnote, 1);
	ck_assert(r.rec[0].refused);
	ck_assert_int_eq(r.rec[0].note[0].m.id, MSG_left_keyfile);
	ck_assert_str_eq(r.rec[0].note[0].m.param[0], m.param[0]);
	imp_result_free(&r);
	/* the import reply is not a report, and the other way round */
	ck_assert_int_eq(imp_read(b.p, b.len, &r, &e), -1);
	imp_result_free(&r);
	buf_free(&b);
}
END_TEST

/* conf_at: a configuration whose apply_dir is path. */
static struct conf
conf_at(const char *path)
{
	struct conf c;

	memset(&c, 0, sizeof(c));
	c.apply_dir = (char *)path;
	return c;
}

START_TEST(apply_dir_must_be_its_own)
{
	char dir[TU_PATH_SZ], p[TU_PATH_SZ], q[TU_PATH_SZ];
	struct conf c;
	struct dd_err e;
	struct stat st;

	tu_tmpdir(dir);
	/* missing: made, 0700 */
	c = conf_at(tu_path(p, dir, "apply"));
	ck_assert_int_eq(apply_dir_ok(&c, &e), 0);
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0700);
	/* open to group writes: refused */
	chmod(p, 0770);
	ck_assert_int_eq(apply_dir_ok(&c, &e), -1);
	ck_assert_int_eq(e.code, DD_ECONF);
	chmod(p, 02750);	/* the package's: setgid, group reads */
	ck_assert_int_eq(apply_dir_ok(&c, &e), 0);
	/* a link to a fit directory: refused */
	c = conf_at(tu_path(q, dir, "link"));
	ck_assert_int_eq(symlink(p, q), 0);
	ck_assert_int_eq(apply_dir_ok(&c, &e), -1);
	/* below a directory anyone may write (not sticky): refused */
	chmod(dir, 0777);
	c = conf_at(p);
	ck_assert_int_eq(apply_dir_ok(&c, &e), -1);
	chmod(dir, 01777);	/* sticky, as /tmp: nobody renames ours */
	ck_assert_int_eq(apply_dir_ok(&c, &e), 0);
	chmod(dir, 0700);
	/* relative: refused */
	c = conf_at("apply");
	ck_assert_int_eq(apply_dir_ok(&c, &e), -1);
	tu_rmrf(dir);
}
END_TEST

START_TEST(a_held_lock_is_waited_for_with_a_deadline)
{
	char dir[TU_PATH_SZ], p[TU_PATH_SZ];
	struct conf c;
	struct dd_err e;
	int fd, held;

	tu_tmpdir(dir);
	c = conf_at(dir);
	ck_assert_int_ge(fd = apply_lock(&c, APPLY_LOCK_FILE, 0, &e), 0);
	held = open(tu_path(p, dir, APPLY_LOCK_FILE), O_RDWR);
	ck_assert_int_ge(held, 0);
	/* another open file description: flock sees a second holder */
	ck_assert_int_eq(flock(held, LOCK_EX | LOCK_NB), -1);
	ck_assert_int_eq(apply_lock(&c, APPLY_LOCK_FILE, 1, &e), -1);
	ck_assert_int_eq(e.code, DD_EBUSY);
	close(fd);
	ck_assert_int_ge(fd = apply_lock(&c, APPLY_LOCK_FILE, 1, &e), 0);
	close(fd);
	close(held);
	tu_rmrf(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("wire");
	TCase *tc = tcase_create("boundary");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, a_message_reads_back_exactly);
	tcase_add_test(tc, a_message_is_taken_whole_or_not_at_all);
	tcase_add_test(tc, a_value_longer_than_its_field_is_refused);
	tcase_add_test(tc, the_caps_hold);
	tcase_add_test(tc, the_report_reads_back);
	tcase_add_test(tc, apply_dir_must_be_its_own);
	tcase_add_test(tc, a_held_lock_is_waited_for_with_a_deadline);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}

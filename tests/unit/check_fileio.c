/* check_fileio.c: opening what the web server's user may have planted
 * (links, hard links, FIFOs, directories), reads that are never cut, and
 * the temp files of the atomic writer: only its own are ever removed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <check.h>

#include "fileio.h"
#include "testutil.h"

static char dir[TU_PATH_SZ], path[TU_PATH_SZ], other[TU_PATH_SZ];

static void
setup(void)
{
	tu_tmpdir(dir);
	tu_path(path, dir, "state");
	tu_path(other, dir, "elsewhere");
}

static void
teardown(void)
{
	tu_rmrf(dir);
}

/* ---- file_open_safe ---- */

START_TEST(open_safe_opens_and_creates_a_plain_file)
{
	struct dd_err e;
	struct stat st;
	int fd;

	fd = file_open_safe(path, O_RDWR | O_CREAT, 0600, &e);
	ck_assert_msg(fd != -1, "%s", e.msg);
	ck_assert_int_ne(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
	ck_assert_int_eq(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	close(fd);
	ck_assert_int_eq(lstat(path, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	fd = file_open_safe(path, O_RDONLY, 0, &e);
	ck_assert_msg(fd != -1, "%s", e.msg);
	close(fd);
}
END_TEST

START_TEST(open_safe_creates_nothing_through_a_dangling_link)
{
	struct dd_err e;

	ck_assert_int_eq(symlink(other, path), 0);
	dd_clear(&e);
	ck_assert_int_eq(file_open_safe(path, O_RDWR | O_CREAT, 0600, &e), -1);
	ck_assert_msg(strstr(e.msg, "symbolic link") != NULL, "%s", e.msg);
	ck_assert_int_eq(access(other, F_OK), -1);
}
END_TEST

/* What can be planted at path, and the word the refusal must use. */
static const struct {
	const char	*what;
	const char	*word;
} planted[] = {
	{ "link", "symbolic link" },
	{ "hardlink", "hard link" },
	{ "fifo", "not a regular file" },
	{ "dir", "" },		/* EISDIR for O_RDWR, not regular else */
};
#define NPLANTED (sizeof(planted) / sizeof(planted[0]))

START_TEST(open_safe_refuses_what_can_be_planted)
{
	static const int flags[] = { O_RDONLY, O_RDWR | O_CREAT };
	const char *what = planted[_i].what;
	struct dd_err e;
	size_t f;

	tu_write_str(other, "precious\n");
	if (strcmp(what, "link") == 0)
		ck_assert_int_eq(symlink(other, path), 0);
	else if (strcmp(what, "hardlink") == 0)
		ck_assert_int_eq(link(other, path), 0);
	else if (strcmp(what, "fifo") == 0)
		ck_assert_int_eq(mkfifo(path, 0600), 0);	/* no writer: */
	else						/* must not hang */
		ck_assert_int_eq(mkdir(path, 0700), 0);
	for (f = 0; f < sizeof(flags) / sizeof(flags[0]); f++) {
		dd_clear(&e);
		ck_assert_int_eq(file_open_safe(path, flags[f], 0600, &e), -1);
		ck_assert_msg(strstr(e.msg, planted[_i].word) != NULL, "%s: %s",
		    what, e.msg);
		ck_assert_int_ne(e.code, DD_ENOTFOUND);
	}
}
END_TEST

START_TEST(open_safe_refuses_o_trunc)
{
	struct dd_err e;

	tu_write_str(path, "keep\n");
	ck_assert_int_eq(file_open_safe(path, O_RDWR | O_TRUNC, 0, &e), -1);
	ck_assert_int_eq(access(path, F_OK), 0);
	free(tu_read(path, NULL));
}
END_TEST

START_TEST(open_safe_missing_file_is_not_found)
{
	struct dd_err e;

	ck_assert_int_eq(file_open_safe(path, O_RDONLY, 0, &e), -1);
	ck_assert_int_eq(e.code, DD_ENOTFOUND);
}
END_TEST

/* ---- file_read ---- */

START_TEST(read_of_exactly_max_bytes_works_one_more_is_too_big)
{
	struct dd_err e;
	char *data;
	size_t n;

	tu_write_str(path, "12345678");
	ck_assert_int_eq(file_read(path, 8, &data, &n, &e), 0);
	ck_assert_uint_eq(n, 8);
	ck_assert_str_eq(data, "12345678");
	free(data);
	dd_clear(&e);
	ck_assert_int_eq(file_read(path, 7, &data, &n, &e), -1);
	ck_assert_int_eq(e.code, DD_ETOOBIG);
	ck_assert_msg(strstr(e.msg, "too large") != NULL, "%s", e.msg);
	ck_assert_ptr_null(data);
}
END_TEST

START_TEST(read_does_not_follow_a_link)
{
	struct dd_err e;
	char *data;
	size_t n;

	tu_write_str(other, "secret of someone else\n");
	ck_assert_int_eq(symlink(other, path), 0);
	ck_assert_int_eq(file_read(path, 4096, &data, &n, &e), -1);
	ck_assert_ptr_null(data);
}
END_TEST

/* ---- temp files ---- */

static int
entries(void)
{
	struct dirent *d;
	DIR *dp = opendir(dir);
	int count = 0;

	ck_assert_ptr_nonnull(dp);
	while ((d = readdir(dp)) != NULL)
		if (strcmp(d->d_name, ".") && strcmp(d->d_name, ".."))
			count++;
	closedir(dp);
	return count;
}

START_TEST(clean_temps_keeps_an_administrators_files)
{
	/* <base>. and six characters: the names today's cleanup took. */
	static const char *const keep[] = {
		"ddclient.conf.backup", "ddclient.conf.orig01", "ddclient.conf.",
		".ddclient.conf.ddns-admin.toolong7", ".ddclient.conf.ddns-admin.",
		".other.conf.ddns-admin.AbC123", ".ddclient.conf.ddns-admin.ab-123",
	};
	char conf[TU_PATH_SZ], p[TU_PATH_SZ];
	size_t i;

	tu_path(conf, dir, "ddclient.conf");
	tu_write_str(conf, "config\n");
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		tu_write_str(tu_path(p, dir, keep[i]), "keep\n");
	tu_write_str(tu_path(p, dir, ".ddclient.conf.ddns-admin.AbC123"), "x");
	file_clean_temps(conf);
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		ck_assert_msg(access(tu_path(p, dir, keep[i]), F_OK) == 0,
		    "%s was removed", keep[i]);
	ck_assert_int_eq(access(tu_path(p, dir,
	    ".ddclient.conf.ddns-admin.AbC123"), F_OK), -1);
	ck_assert_int_eq(access(conf, F_OK), 0);
}
END_TEST

START_TEST(write_atomic_leaves_only_the_file)
{
	struct dd_err e;
	char *got;

	ck_assert_int_eq(file_write_atomic(path, "new\n", 4, 0600, NULL, &e), 0);
	ck_assert_int_eq(entries(), 1);
	got = tu_read(path, NULL);
	ck_assert_str_eq(got, "new\n");
	free(got);
}
END_TEST

static Suite *
fileio_suite(void)
{
	Suite *s = suite_create("fileio");
	TCase *tc = tcase_create("open");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, open_safe_opens_and_creates_a_plain_file);
	tcase_add_test(tc, open_safe_creates_nothing_through_a_dangling_link);
	tcase_add_loop_test(tc, open_safe_refuses_what_can_be_planted, 0,
	    (int)NPLANTED);
	tcase_add_test(tc, open_safe_refuses_o_trunc);
	tcase_add_test(tc, open_safe_missing_file_is_not_found);
	suite_add_tcase(s, tc);
	tc = tcase_create("read");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, read_of_exactly_max_bytes_works_one_more_is_too_big);
	tcase_add_test(tc, read_does_not_follow_a_link);
	suite_add_tcase(s, tc);
	tc = tcase_create("temps");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, clean_temps_keeps_an_administrators_files);
	tcase_add_test(tc, write_atomic_leaves_only_the_file);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(fileio_suite());
}

/* testutil.h: small helpers shared by the Check suites: a temp directory
 * per test, and whole-file reads and writes. Header-only (static inline). */
#ifndef DDNS_TESTUTIL_H
#define DDNS_TESTUTIL_H

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <check.h>

#ifndef SRCDIR
#define SRCDIR "."
#endif

#define TU_PATH_SZ 512

/* tu_tmpdir: make a fresh private directory; the path goes into dir. */
static inline void
tu_tmpdir(char dir[TU_PATH_SZ])
{
	const char *base = getenv("TMPDIR");

	snprintf(dir, TU_PATH_SZ, "%s/ddns-unit.XXXXXX",
	    base && *base ? base : "/tmp");
	ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp failed");
}

static inline int
tu_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* tu_rmrf: remove dir and everything under it. */
static inline void
tu_rmrf(const char *dir)
{
	nftw(dir, tu_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* tu_path: dir/name into out. */
static inline const char *
tu_path(char out[TU_PATH_SZ], const char *dir, const char *name)
{
	if (snprintf(out, TU_PATH_SZ, "%s/%s", dir, name) >= TU_PATH_SZ)
		ck_abort_msg("path too long: %s/%s", dir, name);
	return out;
}

/* tu_write: create or replace path with n bytes of data, with mode. */
static inline void
tu_write(const char *path, const void *data, size_t n, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);

	ck_assert_msg(fd != -1, "cannot create %s", path);
	ck_assert_msg(write(fd, data, n) == (ssize_t)n, "cannot write %s",
	    path);
	ck_assert_int_eq(fchmod(fd, mode), 0);
	close(fd);
}

static inline void
tu_write_str(const char *path, const char *s)
{
	tu_write(path, s, strlen(s), 0600);
}

/* tu_read: the whole of path, malloc'd and NUL-terminated (NULL if none). */
static inline char *
tu_read(const char *path, size_t *np)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t n = 0, cap = 0, r;

	if (f == NULL)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			cap = (n + 4096 + 1) * 2;
			p = realloc(p, cap);
			ck_assert_ptr_nonnull(p);
		}
		r = fread(p + n, 1, 4096, f);
		n += r;
	} while (r > 0);
	fclose(f);
	p[n] = '\0';
	if (np != NULL)
		*np = n;
	return p;
}

/*
 * tu_run: run the suite s (which the runner frees), 0 if all passed. Every
 * tu_tmpdir of the run lands in one private directory (through TMPDIR),
 * removed at the end, so a failed test (which ends before its own clean-up)
 * leaves nothing behind either.
 */
static inline int
tu_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	char base[TU_PATH_SZ];
	const char *t = getenv("TMPDIR");
	int failed;

	snprintf(base, sizeof(base), "%s/ddns-check.XXXXXX", t && *t ? t :
	    "/tmp");
	if (mkdtemp(base) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	setenv("TMPDIR", base, 1);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	tu_rmrf(base);
	return failed != 0;
}

#endif

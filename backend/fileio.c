/* fileio.c: atomic file replacement (acme-client's serialise() pattern)
 * and opening files that the web server's user may have planted. */
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"

/* What file_write_atomic puts between the base name and mkstemp's six
 * characters: no administrator's file is called .<base>.ddns-admin.* */
#define TEMP_TAG ".ddns-admin."
#define TEMP_X "XXXXXX"

/* Tests set DDNS_FAULT=write (or fsync, rename) in ddns-apply's environment
 * to make that step fail as a full disk or a crash would. */
static int
fault(const char *step)
{
	const char *f = getenv("DDNS_FAULT");

	if (f == NULL || strcmp(f, step) != 0)
		return 0;
	errno = ENOSPC;
	return 1;
}

/* dir_owner: the uid owning the directory that holds path, or -1. */
static long long
dir_owner(const char *path)
{
	char copy[PATH_MAX];
	struct stat st;

	snprintf(copy, sizeof(copy), "%s", path);
	return stat(dirname(copy), &st) == 0 ? (long long)st.st_uid : -1;
}

/* unsafe: why the file opened as path must not be used, or NULL. */
static const char *
unsafe(const char *path, const struct stat *st)
{
	if (!S_ISREG(st->st_mode))
		return "it is not a regular file";
	/* 0 links: removed since we opened it (SQLite's journal at the end
	 * of another's commit, a cache replaced by rename): no other name
	 * reaches it, so it is what this name was. */
	if (st->st_nlink > 1)
		return "it has another hard link";
	if (st->st_uid != geteuid() && (long long)st->st_uid != dir_owner(path))
		return "it belongs neither to us nor to its directory's owner";
	return NULL;
}

int
file_open_safe(const char *path, int flags, mode_t mode, struct dd_err *e)
{
	const char *why;
	struct stat st;
	int fd, fl;

	if (flags & O_TRUNC)
		return dd_failf(e, DD_ESYS, NULL, "cannot open %s: O_TRUNC would "
		    "act before the checks", path);
	fd = open(path, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, mode);
	if (fd == -1)
		return dd_failf(e, errno == ENOENT ? DD_ENOTFOUND : DD_ESYS, NULL,
		    "cannot open %s: %s", path, errno == ELOOP ?
		    "it is a symbolic link" : strerror(errno));
	if (fstat(fd, &st) == -1)
		why = strerror(errno);
	else if ((why = unsafe(path, &st)) == NULL &&
	    ((fl = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1))
		why = strerror(errno);
	if (why == NULL)
		return fd;
	close(fd);
	return dd_failf(e, DD_ESYS, NULL, "refusing %s: %s", path, why);
}

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	if (fault("write"))
		return -1;
	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
sync_dir(const char *path)
{
	char copy[PATH_MAX];
	int fd, rc;

	snprintf(copy, sizeof(copy), "%s", path);
	if ((fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* split: the directory and the base name of path. */
static void
split(const char *path, char dir[PATH_MAX], char base[PATH_MAX])
{
	char copy[PATH_MAX];

	snprintf(copy, PATH_MAX, "%s", path);
	snprintf(dir, PATH_MAX, "%s", dirname(copy));
	snprintf(copy, PATH_MAX, "%s", path);
	snprintf(base, PATH_MAX, "%s", basename(copy));
}

/* temp_name: <dir>/.<base>.ddns-admin.XXXXXX for mkstemp. */
static int
temp_name(const char *path, char *out, size_t sz)
{
	char dir[PATH_MAX], base[PATH_MAX];

	split(path, dir, base);
	return snprintf(out, sz, "%s/.%s" TEMP_TAG TEMP_X, dir, base) >=
	    (int)sz ? -1 : 0;
}

/* via_temp: file_write_atomic, or file_write_new when keep is set (the
 * temp file is then linked to path, which fails if path exists). */
static int
via_temp(const char *path, const void *data, size_t n, mode_t mode,
    const char *owner, int keep, struct dd_err *e)
{
	char tmp[PATH_MAX];
	struct stat st;
	int fd, saved;

	if (temp_name(path, tmp, sizeof(tmp)) == -1)
		return dd_failf(e, DD_ESYS, NULL, "path too long: %s", path);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1)
		return dd_failf(e, DD_ESYS, NULL, "cannot create a file beside "
		    "%s: %s", path, strerror(errno));
	if (fchmod(fd, mode) == -1 || write_all(fd, data, n) == -1)
		goto fail;
	/* lstat: a link planted there must not choose our new file's owner. */
	if (owner != NULL && lstat(owner, &st) == 0 && S_ISREG(st.st_mode) &&
	    geteuid() == 0 && fchown(fd, st.st_uid, st.st_gid) == -1)
		goto fail;
	if (fault("fsync") || fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (keep) {
		if (link(tmp, path) == -1)
			goto fail;
		unlink(tmp);
	} else if (fault("rename") || rename(tmp, path) == -1)
		goto fail;
	sync_dir(path);		/* the rename is done; this only hastens it */
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	return dd_failf(e, keep && saved == EEXIST ? DD_EEXIST : DD_ESYS, NULL,
	    "cannot write %s: %s", path, strerror(saved));
}

int
file_write_atomic(const char *path, const void *data, size_t n, mode_t mode,
    const char *owner, struct dd_err *e)
{
	return via_temp(path, data, n, mode, owner, 0, e);
}

int
file_write_buf(const char *path, struct buf *b, mode_t mode, struct dd_err *e)
{
	int rc = b->oom ? dd_fail(e, DD_ESYS, NULL, MSG_oom) :
	    file_write_atomic(path, b->p, b->len, mode, NULL, e);

	buf_free(b);
	return rc;
}

int
file_write_new(const char *path, const void *data, size_t n, mode_t mode,
    const char *owner, struct dd_err *e)
{
	return via_temp(path, data, n, mode, owner, 1, e);
}

/* is_temp: name is .<base>.ddns-admin. and six mkstemp characters. */
static int
is_temp(const char *name, const char *base)
{
	size_t blen = strlen(base), tlen = strlen(TEMP_TAG);
	const char *x;

	if (name[0] != '.' || strncmp(name + 1, base, blen) != 0 ||
	    strncmp(name + 1 + blen, TEMP_TAG, tlen) != 0)
		return 0;
	x = name + 1 + blen + tlen;
	return strlen(x) == strlen(TEMP_X) && strspn(x, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == strlen(TEMP_X);
}

void
file_clean_temps(const char *path)
{
	char dir[PATH_MAX], base[PATH_MAX];
	struct dirent *de;
	struct stat st;
	DIR *d;

	split(path, dir, base);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (is_temp(de->d_name, base) && fstatat(dirfd(d), de->d_name,
		    &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
			unlinkat(dirfd(d), de->d_name, 0);
	closedir(d);
}

/* read_upto: at most want bytes of fd (closed here) into a malloc'd,
 * NUL-terminated *data of *n bytes. path names it in messages. */
static int
read_upto(int fd, const char *path, size_t want, char **data, size_t *n,
    struct dd_err *e)
{
	char *p;
	size_t len = 0;
	ssize_t r;

	if ((p = malloc(want + 1)) == NULL) {
		close(fd);
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	}
	while (len < want && (r = read(fd, p + len, want - len)) != 0) {
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			free(p);
			close(fd);
			return dd_failf(e, DD_ESYS, NULL, "cannot read %s: %s",
			    path, strerror(errno));
		}
		len += (size_t)r;
	}
	close(fd);
	p[len] = '\0';
	*data = p;
	*n = len;
	return 0;
}

int
file_line(const char **p, const char *end, char *line, size_t sz)
{
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	size_t len;

	if (nl == NULL || (len = (size_t)(nl - *p)) >= sz ||
	    memchr(*p, '\0', len) != NULL)
		return -1;
	memcpy(line, *p, len);
	line[len] = '\0';
	*p = nl + 1;
	return 0;
}

int
file_read(const char *path, size_t max, char **data, size_t *n,
    struct dd_err *e)
{
	int fd;

	*data = NULL;
	*n = 0;
	if ((fd = file_open_safe(path, O_RDONLY, 0, e)) == -1)
		return -1;
	/* One byte over max tells a file that fits from one that does not. */
	if (read_upto(fd, path, max + 1, data, n, e) == -1)
		return -1;
	if (*n > max) {
		free(*data);
		*data = NULL;
		*n = 0;
		return dd_failf(e, DD_ETOOBIG, NULL, "%s is too large to read "
		    "whole (over %zu bytes); it was left as it is", path, max);
	}
	return 0;
}

int
file_read_prefix(const char *path, size_t max, char **data, size_t *n,
    struct dd_err *e)
{
	int fd;

	*data = NULL;
	*n = 0;
	if ((fd = file_open_safe(path, O_RDONLY, 0, e)) == -1)
		return -1;
	return read_upto(fd, path, max, data, n, e);
}

int
file_read_head(const char *path, size_t max, char **data, size_t *n,
    struct dd_err *e)
{
	int fd;

	*data = NULL;
	*n = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return dd_failf(e, errno == ENOENT ? DD_ENOTFOUND : DD_ESYS, NULL,
		    "cannot open %s: %s", path, strerror(errno));
	return read_upto(fd, path, max, data, n, e);
}

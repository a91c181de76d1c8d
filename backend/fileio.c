/* fileio.c: atomic file replacement (acme-client's serialise() pattern). */
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

int
file_write_atomic(const char *path, const void *data, size_t n, mode_t mode,
    const char *owner, struct dd_err *e)
{
	char tmp[PATH_MAX];
	struct stat st;
	int fd, saved;

	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >= (int)sizeof(tmp))
		return dd_fail(e, DD_ESYS, NULL, "path too long: %s", path);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1)
		return dd_fail(e, DD_ESYS, NULL, "cannot create a file beside "
		    "%s: %s", path, strerror(errno));
	if (fchmod(fd, mode) == -1 || write_all(fd, data, n) == -1)
		goto fail;
	if (owner != NULL && stat(owner, &st) == 0 && geteuid() == 0 &&
	    fchown(fd, st.st_uid, st.st_gid) == -1)
		goto fail;
	if (fault("fsync") || fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (fault("rename") || rename(tmp, path) == -1)
		goto fail;
	sync_dir(path);		/* the rename is done; this only hastens it */
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	return dd_fail(e, DD_ESYS, NULL, "cannot write %s: %s", path,
	    strerror(saved));
}

void
file_clean_temps(const char *path)
{
	char dir[PATH_MAX], base[PATH_MAX], full[PATH_MAX * 2];
	struct dirent *de;
	size_t blen;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s", path);
	snprintf(base, sizeof(base), "%s", path);
	snprintf(base, sizeof(base), "%s", basename(base));
	blen = strlen(base);
	if ((d = opendir(dirname(dir))) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		/* <base>.XXXXXX, as mkostemp made it */
		if (strncmp(de->d_name, base, blen) != 0 ||
		    de->d_name[blen] != '.' || strlen(de->d_name) != blen + 7)
			continue;
		snprintf(full, sizeof(full), "%s/%s", dir, de->d_name);
		unlink(full);
	}
	closedir(d);
}

int
file_read(const char *path, size_t max, char **data, size_t *n,
    struct dd_err *e)
{
	char *p = NULL;
	size_t len = 0;
	ssize_t r;
	int fd;

	*data = NULL;
	*n = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return dd_fail(e, errno == ENOENT ? DD_ENOTFOUND : DD_ESYS, NULL,
		    "cannot open %s: %s", path, strerror(errno));
	if ((p = malloc(max + 1)) == NULL) {
		close(fd);
		return dd_fail(e, DD_ESYS, NULL, "out of memory");
	}
	while (len < max && (r = read(fd, p + len, max - len)) != 0) {
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			free(p);
			close(fd);
			return dd_fail(e, DD_ESYS, NULL, "cannot read %s: %s",
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

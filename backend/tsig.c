/* tsig.c: TSIG key files for nsupdate. The key is entered on the form as
 * name, algorithm and secret; no field ever names a file or a program. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "ddconf.h"
#include "fileio.h"
#include "providers.h"
#include "tsig.h"
#include "validate.h"

static int
takes_key(const struct host *h)
{
	const struct provider *p = prov_find(h->provider);

	return h->enabled && p != NULL &&
	    (prov_flags(p, h->protocol) & PF_TSIG);
}

/* keydir_ok: dir is ours alone; make it when make is set. 1 if it is
 * there and fit, 0 if it is absent and not made, -1 on a refusal. */
static int
keydir_ok(const char *dir, int make, struct dd_err *e)
{
	struct stat st;

	if (make && mkdir(dir, 0700) == -1 && errno != EEXIST)
		return dd_failf(e, DD_ESYS, NULL, "cannot make %s: %s", dir,
		    strerror(errno));
	if (lstat(dir, &st) == -1)
		return errno == ENOENT && !make ? 0 : dd_failf(e, DD_ESYS, NULL,
		    "cannot read %s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & 077) != 0)
		return dd_failf(e, DD_ESYS, NULL, "%s must be a directory of "
		    "uid %u, closed to group and others (mode 0700), not a "
		    "link: no key file written", dir, (unsigned)geteuid());
	return 1;
}

static int
write_key(const struct conf *c, const struct host *h, struct dd_err *e)
{
	char path[PATH_MAX];
	struct buf b = { 0 };
	int rc;

	if (ddconf_keyfile(c, h, path, sizeof(path)) == -1)
		return dd_failf(e, DD_EINVAL, "hostname", "no key file name for "
		    "%s", h->hostname);
	if (ddconf_keytext(h, &b) == -1) {
		buf_free(&b);
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	}
	rc = file_write_atomic(path, b.p, b.len, 0600, NULL, e);
	buf_free(&b);
	return rc;
}

/* wanted: 1 if name is the key file of one of the hosts that take one. */
static int
wanted(const char *name, const struct host *h, size_t n)
{
	size_t i, len = strlen(name);

	for (i = 0; i < n; i++)
		if (takes_key(&h[i]) && strlen(h[i].hostname) + 4 == len &&
		    strncmp(name, h[i].hostname, len - 4) == 0)
			return 1;
	return 0;
}

/* ours: 1 if name has the shape of a key file this module writes. */
static int
ours(const char *name)
{
	char host[HOSTNAME_SZ], canon[HOSTNAME_SZ];
	size_t len = strlen(name);

	if (len < 5 || len - 4 >= sizeof(host) ||
	    strcmp(name + len - 4, ".key") != 0)
		return 0;
	memcpy(host, name, len - 4);
	host[len - 4] = '\0';
	return val_hostname(host, canon, sizeof(canon), NULL) == 0 &&
	    strcmp(host, canon) == 0;
}

void
tsig_prune(const struct conf *c, const struct host *h, size_t n)
{
	struct dirent *de;
	DIR *d;

	if (keydir_ok(c->nsupdate_keydir, 0, NULL) != 1 ||
	    (d = opendir(c->nsupdate_keydir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (ours(de->d_name) && !wanted(de->d_name, h, n))
			unlinkat(dirfd(d), de->d_name, 0);
	closedir(d);
}

int
tsig_write_one(const struct conf *c, const struct host *h, struct dd_err *e)
{
	if (!takes_key(h))
		return 0;
	if (keydir_ok(c->nsupdate_keydir, 1, e) == -1)
		return -1;
	return write_key(c, h, e);
}

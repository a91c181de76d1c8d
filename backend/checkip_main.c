/* ddns-checkip: ask checkip_url over IPv4 and checkip6_url over IPv6 for
 * the appliance's public addresses and write each answer, its time and
 * any error to <state_dir>/publicip and publicip6; each family fails on
 * its own ("no IPv6 connectivity" is a normal state). The only program
 * that links libcurl (README, Speed). The list page starts it detached
 * when the state is older than checkip_interval.
 *   ddns-checkip [-c module-config]
 * Exits 0 when it wrote an IPv4 address, 1 when it wrote an IPv4 error, 2
 * when it could not run (bad config, state file not writable), 0 at once
 * when another ddns-checkip holds the lock. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "buf.h"
#include "conf.h"
#include "fileio.h"
#include "netip.h"

#define ANSWER_MAX	4096	/* a check answer is one address */
#define TIMEOUT_S	5L

static size_t
collect(char *p, size_t size, size_t nmemb, void *arg)
{
	struct buf *b = arg;

	if (b->len + size * nmemb > ANSWER_MAX)
		return 0;	/* curl reports CURLE_WRITE_ERROR */
	return buf_add(b, p, size * nmemb) == 0 ? size * nmemb : 0;
}

/* The families, their URL and how curl is held to them. */
static const struct family {
	enum netfam	 fam;
	long		 resolve;	/* CURLOPT_IPRESOLVE */
	const char	*name;
} families[NET__MAX] = {
	{ NET_V4, CURL_IPRESOLVE_V4, "IPv4" },
	{ NET_V6, CURL_IPRESOLVE_V6, "IPv6" },
};

static const char *
url_of(const struct conf *c, enum netfam f)
{
	return f == NET_V4 ? c->checkip_url : c->checkip6_url;
}

/* Say what went wrong the way an administrator would want to read it. */
static void
curl_words(CURLcode rc, const struct family *fa, char *out, size_t sz)
{
	/* Without a route or a name over IPv6, the line has no IPv6. */
	if (fa != NULL && fa->fam == NET_V6 && (rc == CURLE_COULDNT_CONNECT ||
	    rc == CURLE_COULDNT_RESOLVE_HOST)) {
		snprintf(out, sz, "no IPv6 connectivity (the check server "
		    "cannot be reached over IPv6)");
		return;
	}
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		snprintf(out, sz, "the check server did not answer within %ld "
		    "seconds", TIMEOUT_S);
		break;
	case CURLE_COULDNT_CONNECT:
		snprintf(out, sz, "could not connect to the check server "
		    "(connection refused or no route)");
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		snprintf(out, sz, "the check server's name does not resolve "
		    "(no DNS?)");
		break;
	case CURLE_WRITE_ERROR:
		snprintf(out, sz, "the check server's answer is too long to be "
		    "an address");
		break;
	default:
		snprintf(out, sz, "the check failed: %s", curl_easy_strerror(rc));
	}
}

/* Every option matters (PROTOCOLS_STR keeps the check to http and https,
 * the timeouts bound the page's wait): the first that fails is the error. */
static CURLcode
setup(CURL *h, const char *url, const struct family *fa, struct buf *b)
{
	CURLcode rc;

	if ((rc = curl_easy_setopt(h, CURLOPT_URL, url)) ||
	    (rc = curl_easy_setopt(h, CURLOPT_IPRESOLVE, fa->resolve)) ||
	    (rc = curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https")) ||
	    (rc = curl_easy_setopt(h, CURLOPT_TIMEOUT, TIMEOUT_S)) ||
	    (rc = curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, TIMEOUT_S)) ||
	    (rc = curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L)) ||
	    (rc = curl_easy_setopt(h, CURLOPT_USERAGENT, "ddns-admin checkip")) ||
	    (rc = curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect)) ||
	    (rc = curl_easy_setopt(h, CURLOPT_WRITEDATA, b)))
		return rc;
	return CURLE_OK;
}

static void
check(const char *url, const struct family *fa, struct netip *ni)
{
	struct buf b = { 0 };
	long status = 0;
	CURLcode rc;
	CURL *h;

	if ((h = curl_easy_init()) == NULL) {
		snprintf(ni->error, sizeof(ni->error), "out of memory");
		return;
	}
	if ((rc = setup(h, url, fa, &b)) == CURLE_OK)
		rc = curl_easy_perform(h);
	if (rc == CURLE_OK)
		rc = curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK)
		curl_words(rc, fa, ni->error, sizeof(ni->error));
	else if (status != 200)
		snprintf(ni->error, sizeof(ni->error), "the check server "
		    "answered HTTP %ld", status);
	else if (netip_parse_family(b.p ? b.p : "", b.len, netip_af(fa->fam),
	    ni->ip, sizeof(ni->ip)) == -1)
		snprintf(ni->error, sizeof(ni->error), "the check server's "
		    "answer holds no %s address", fa->name);
	curl_easy_cleanup(h);
	buf_free(&b);
}

/* What lock() found. Without a state_dir the check still runs (its
 * absence is reported when the state is written); a lock file that is
 * not a plain file of ours (a planted link) stops it. */
enum lock_state { LOCK_TAKEN, LOCK_BUSY, LOCK_NOFILE, LOCK_UNSAFE };

/* One check at a time: a second one started meanwhile just leaves. */
static enum lock_state
lock(const struct conf *c, int *fdp, struct dd_err *e)
{
	char path[PATH_MAX];
	int fd;

	*fdp = -1;
	snprintf(path, sizeof(path), "%s/checkip.lock", c->state_dir);
	if ((fd = file_open_safe(path, O_RDWR | O_CREAT, 0600, e)) == -1)
		return e->code == DD_ENOTFOUND ? LOCK_NOFILE : LOCK_UNSAFE;
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		close(fd);
		return LOCK_BUSY;
	}
	*fdp = fd;
	return LOCK_TAKEN;
}

/* check_family: one family's check, written to its state file. Returns
 * 0 (an address), 1 (an error written) or 2 (nothing could be written). */
static int
check_family(const struct conf *c, const struct family *fa, CURLcode init)
{
	struct netip ni = { 0 };
	char state[PATH_MAX];
	struct dd_err e = { 0 };

	if (init != CURLE_OK)
		curl_words(init, NULL, ni.error, sizeof(ni.error));
	else
		check(url_of(c, fa->fam), fa, &ni);
	ni.time = (long long)time(NULL);
	snprintf(state, sizeof(state), "%s/%s", c->state_dir,
	    netip_file(fa->fam));
	if (netip_write(state, &ni, &e) == -1) {
		fprintf(stderr, "ddns-checkip: %s\n", e.msg);
		return 2;
	}
	return *ni.error ? 1 : 0;
}

int
main(int argc, char *argv[])
{
	const char *path = conf_path();
	struct dd_err e = { 0 };
	struct conf c;
	CURLcode crc;
	size_t i;
	int ch, fd, rc = 2, r;

	umask(077);
	while ((ch = getopt(argc, argv, "c:")) != -1) {
		if (ch != 'c')
			return 2;
		path = optarg;
	}
	if (conf_load(&c, path, &e) == -1) {
		fprintf(stderr, "ddns-checkip: %s\n", e.msg);
		goto out;
	}
	switch (lock(&c, &fd, &e)) {
	case LOCK_BUSY:
		rc = 0;
		goto out;
	case LOCK_UNSAFE:
		fprintf(stderr, "ddns-checkip: %s\n", e.msg);
		goto out;
	case LOCK_TAKEN:
	case LOCK_NOFILE:
		break;
	}
	crc = curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = 0;
	for (i = 0; i < NET__MAX; i++) {
		/* A family whose URL is "none" is not checked at all. */
		if (url_of(&c, families[i].fam) == NULL)
			continue;
		/* The exit status is IPv4's; a state not written is 2. */
		r = check_family(&c, &families[i], crc);
		if (r == 2 || (families[i].fam == NET_V4 && rc != 2))
			rc = r;
	}
	curl_global_cleanup();
	if (fd != -1)
		close(fd);
out:
	conf_free(&c);
	return rc;
}

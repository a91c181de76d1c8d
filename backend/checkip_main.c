/* ddns-checkip: ask checkip_url for the appliance's public address and
 * write the answer, its time and any error to <state_dir>/publicip. The
 * only program that links libcurl (DESIGN.md, Speed). The list page
 * starts it detached when the state is older than checkip_interval.
 *   ddns-checkip [-c module-config]
 * Exits 0 when it wrote an address, 1 when it wrote an error, 2 when it
 * could not run (bad config, state file not writable), 0 at once when
 * another ddns-checkip holds the lock. */
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

/* Say what went wrong the way an administrator would want to read it. */
static void
curl_words(CURLcode rc, char *out, size_t sz)
{
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
setup(CURL *h, const struct conf *c, struct buf *b)
{
	CURLcode rc;

	if ((rc = curl_easy_setopt(h, CURLOPT_URL, c->checkip_url)) ||
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
check(const struct conf *c, struct netip *ni)
{
	struct buf b = { 0 };
	long status = 0;
	CURLcode rc;
	CURL *h;

	if ((h = curl_easy_init()) == NULL) {
		snprintf(ni->error, sizeof(ni->error), "out of memory");
		return;
	}
	if ((rc = setup(h, c, &b)) == CURLE_OK)
		rc = curl_easy_perform(h);
	if (rc == CURLE_OK)
		rc = curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK)
		curl_words(rc, ni->error, sizeof(ni->error));
	else if (status != 200)
		snprintf(ni->error, sizeof(ni->error), "the check server "
		    "answered HTTP %ld", status);
	else if (netip_parse_answer(b.p ? b.p : "", b.len, ni->ip,
	    sizeof(ni->ip)) == -1)
		snprintf(ni->error, sizeof(ni->error), "the check server's "
		    "answer holds no address");
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

int
main(int argc, char *argv[])
{
	const char *path = conf_path();
	char state[PATH_MAX];
	struct dd_err e = { 0 };
	struct netip ni = { 0 };
	struct conf c;
	CURLcode crc;
	int ch, fd, rc = 2;

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
	if ((crc = curl_global_init(CURL_GLOBAL_DEFAULT)) != CURLE_OK)
		curl_words(crc, ni.error, sizeof(ni.error));
	else
		check(&c, &ni);
	curl_global_cleanup();
	ni.time = (long long)time(NULL);
	snprintf(state, sizeof(state), "%s/" NETIP_FILE, c.state_dir);
	if (netip_write(state, &ni, &e) == -1)
		fprintf(stderr, "ddns-checkip: %s\n", e.msg);
	else
		rc = *ni.error ? 1 : 0;
	if (fd != -1)
		close(fd);
out:
	conf_free(&c);
	return rc;
}

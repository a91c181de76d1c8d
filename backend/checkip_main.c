/* ddns-checkip: ask checkip_url over IPv4 and checkip6_url over IPv6 for
 * the appliance's public addresses and write each answer, its time and
 * any error to <state_dir>/publicip and publicip6; each family fails on
 * its own ("no IPv6 connectivity" is a normal state). The only program
 * that links libcurl (README, Speed). The list page starts it detached
 * when the state is older than checkip_interval.
 *   ddns-checkip [-c module-config]
 * With address sources (the sources key) it also writes, per source and
 * family, the address its hosts are given: publicip@NAME, publicip6@NAME.
 * Run as a source's helper link (NAME.v4, NAME.v6: see helper()), it
 * prints that source's address instead.
 * Exits 0 when it wrote an IPv4 address, 1 when it wrote an IPv4 error, 2
 * when it could not run (bad config, state file not writable), 0 at once
 * when another ddns-checkip holds the lock. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <netinet/in.h>
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
setup(CURL *h, const char *url, const char *iface, const struct family *fa,
    struct buf *b)
{
	CURLcode rc;

	/* Bound to an interface: curl's "if!" takes the name as one. */
	if (iface != NULL && *iface) {
		char dev[32];

		snprintf(dev, sizeof(dev), "if!%s", iface);
		if ((rc = curl_easy_setopt(h, CURLOPT_INTERFACE, dev)))
			return rc;
	}
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

/* check: ask url (over interface iface unless NULL or "") for an address
 * of family fa, into ni->ip, or ni->error in words. */
static void
check(const char *url, const char *iface, const struct family *fa,
    struct netip *ni)
{
	struct buf b = { 0 };
	long status = 0;
	CURLcode rc;
	CURL *h;

	if ((h = curl_easy_init()) == NULL) {
		snprintf(ni->error, sizeof(ni->error), "out of memory");
		return;
	}
	if ((rc = setup(h, url, iface, fa, &b)) == CURLE_OK)
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

/* save: write *ni, stamped now, to state file name in state_dir.
 * Returns 0 (an address), 1 (an error written) or 2 (nothing could be
 * written). */
static int
save(const struct conf *c, const char *name, struct netip *ni)
{
	char state[PATH_MAX];
	struct dd_err e = { 0 };

	ni->time = (long long)time(NULL);
	snprintf(state, sizeof(state), "%s/%s", c->state_dir, name);
	if (netip_write(state, ni, &e) == -1) {
		fprintf(stderr, "ddns-checkip: %s\n", e.msg);
		return 2;
	}
	return *ni->error ? 1 : 0;
}

/* check_family: one family's check of the appliance (checkip_url,
 * checkip6_url), written to its state file; save()'s return. */
static int
check_family(const struct conf *c, const struct family *fa, CURLcode init)
{
	struct netip ni = { 0 };

	if (init != CURLE_OK)
		curl_words(init, NULL, ni.error, sizeof(ni.error));
	else
		check(url_of(c, fa->fam), NULL, fa, &ni);
	return save(c, netip_file(fa->fam), &ni);
}

/* if_address: the first address of family fa on interface name, a
 * global one for IPv6 (not fe80::/10), as ddclient's if= would find. */
static void
if_address(const char *name, const struct family *fa, struct netip *ni)
{
	struct ifaddrs *all, *a;
	const unsigned char *b;
	int af = netip_af(fa->fam), seen = 0;

	if (getifaddrs(&all) == -1) {
		snprintf(ni->error, sizeof(ni->error), "the interfaces could "
		    "not be read");
		return;
	}
	for (a = all; a != NULL; a = a->ifa_next) {
		if (strcmp(a->ifa_name, name) != 0)
			continue;
		seen = 1;
		if (a->ifa_addr == NULL || a->ifa_addr->sa_family != af)
			continue;
		b = af == AF_INET6 ? ((struct sockaddr_in6 *)(void *)
		    a->ifa_addr)->sin6_addr.s6_addr : NULL;
		if (b != NULL && b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
			continue;
		if (inet_ntop(af, af == AF_INET ? (void *)&((struct sockaddr_in *)
		    (void *)a->ifa_addr)->sin_addr : (void *)b, ni->ip,
		    sizeof(ni->ip)) != NULL)
			break;
	}
	freeifaddrs(all);
	if (*ni->ip == '\0')
		snprintf(ni->error, sizeof(ni->error), seen ? "the interface "
		    "%s has no %s address" : "there is no interface %s", name,
		    fa->name);
}

/*
 * check_source: family fa of address source s, as the hosts that follow
 * it are given it: an interface's address, a web check's answer; the
 * integrator's program is run by ddclient alone, as root, so it is only
 * named. Writes publicip@NAME (netip_source_file); save()'s return, or
 * -1 for a family the source does not give.
 */
static int
check_source(const struct conf *c, const struct source *s,
    const struct family *fa, CURLcode init)
{
	const struct source_fam *sf = &s->fam[fa->fam == NET_V6];
	struct netip ni = { 0 };
	char name[64];

	switch (sf->kind) {
	case SRC_NONE:
		return -1;
	case SRC_IF:
		if_address(sf->arg, fa, &ni);
		break;
	case SRC_WEB:
		if (init != CURLE_OK)
			curl_words(init, NULL, ni.error, sizeof(ni.error));
		else
			check(sf->arg, sf->iface, fa, &ni);
		break;
	case SRC_CMD:
		snprintf(ni.error, sizeof(ni.error), "only ddclient runs "
		    "this source's program");
		break;
	}
	return save(c, netip_source_file(fa->fam, s->name, name,
	    sizeof(name)), &ni);
}

/*
 * helper: run as a source's helper link (<apply_dir>/source/NAME.v4,
 * made by ddns-apply; ddclient runs it as root without arguments): the
 * web check of source NAME bound to its interface, from the module
 * configuration alone; prints the address and exits 0, or says why on
 * stderr and exits 1. Anything but a bound web check is refused.
 */
static int
helper(const char *me)
{
	const char *dot = strrchr(me, '.');
	const struct source *s = NULL;
	const struct source_fam *sf;
	struct netip ni = { 0 };
	struct dd_err e = { 0 };
	struct conf c;
	char name[SOURCE_NAME_SZ];
	int f;

	f = strcmp(dot, ".v6") == 0 ? NET_V6 : NET_V4;
	snprintf(name, sizeof(name), "%.*s", (int)(dot - me), me);
	if (conf_load(&c, conf_path(), &e) == -1) {
		fprintf(stderr, "ddns-checkip: %s\n", e.msg);
		conf_free(&c);
		return 1;
	}
	if ((s = conf_source(&c, name)) != NULL && s->why != MSG_none)
		s = NULL;
	sf = s ? &s->fam[f] : NULL;
	if (sf == NULL || sf->kind != SRC_WEB || *sf->iface == '\0')
		snprintf(ni.error, sizeof(ni.error), "%s: no web check of "
		    "that source bound to an interface", me);
	else if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		snprintf(ni.error, sizeof(ni.error), "curl cannot start");
	else {
		check(sf->arg, sf->iface, &families[f], &ni);
		curl_global_cleanup();
	}
	conf_free(&c);
	if (*ni.error) {
		fprintf(stderr, "ddns-checkip: %s\n", ni.error);
		return 1;
	}
	printf("%s\n", ni.ip);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char *path = conf_path(), *me;
	struct dd_err e = { 0 };
	struct conf c;
	CURLcode crc;
	size_t i, s;
	int ch, fd, rc = 2, r;

	umask(077);
	/* Called by a helper link's name, NAME.v4 or NAME.v6 (argv[0]). */
	me = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	if (argc == 1 && (strlen(me) > 3 && (strcmp(me + strlen(me) - 3,
	    ".v4") == 0 || strcmp(me + strlen(me) - 3, ".v6") == 0)))
		return helper(me);
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
	/* Each usable address source, as its hosts are given it (a
	 * refused one is not written, and says so on the list). */
	for (s = 0; s < c.nsrc; s++)
		for (i = 0; i < NET__MAX && c.src[s].why == MSG_none; i++)
			if (check_source(&c, &c.src[s], &families[i], crc) == 2)
				rc = 2;
	curl_global_cleanup();
	if (fd != -1)
		close(fd);
out:
	conf_free(&c);
	return rc;
}

/* origin.c: judge a browser's Origin or Referer against the names the
 * site is served under (see origin.h), for the CSRF defence. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "num.h"
#include "origin.h"
#include "utf8.h"

#define HOST_SZ	256	/* 253 for a name, [ and ] around an address */

/* A host and port as a URL's authority gives them. */
struct authority {
	char	 host[HOST_SZ];	/* IPv6 in brackets, as in URLs */
	long	 port;		/* 0 when none was given */
};

static int
host_char(int c, int bracketed)
{
	if (bracketed)
		return strchr("0123456789abcdefABCDEF:.", c) != NULL && c != '\0';
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/*
 * Parse the n bytes at s as host[:port] into a. Only the characters a
 * host name or address literal can hold are taken, so user info ('@'),
 * a path or a second port never pass as part of a host.
 */
static int
parse_authority(const char *s, size_t n, struct authority *a)
{
	char digits[8];
	size_t h = 0, i = 0;
	long long port;
	int br = n > 0 && s[0] == '[';

	if (br)
		a->host[h++] = s[i++];
	while (i < n && h < HOST_SZ - 2 && host_char(s[i], br))
		a->host[h++] = s[i++];
	if (br) {
		if (i >= n || s[i] != ']' || h == 1)
			return -1;
		a->host[h++] = s[i++];
	}
	a->host[h] = '\0';
	a->port = 0;
	if (h == 0)
		return -1;
	if (i == n)
		return 0;
	if (s[i++] != ':' || n - i == 0 || n - i >= sizeof(digits))
		return -1;
	memcpy(digits, s + i, n - i);
	digits[n - i] = '\0';
	if (num_parse(digits, 1, 65535, &port) == -1)
		return -1;
	a->port = (long)port;
	return 0;
}

/*
 * Parse an Origin (scheme://authority and nothing more) or, when
 * referer, the start of a Referer (the authority ends at '/', '?', '#').
 * The port becomes the scheme's when none is given.
 */
static int
parse_url(const char *u, int referer, int *https, struct authority *a)
{
	size_t n;

	if (strncmp(u, "https://", 8) == 0)
		*https = 1, u += 8;
	else if (strncmp(u, "http://", 7) == 0)
		*https = 0, u += 7;
	else
		return -1;
	n = referer ? strcspn(u, "/?#") : strlen(u);
	if (parse_authority(u, n, a) == -1)
		return -1;
	if (a->port == 0)
		a->port = *https ? 443 : 80;
	return 0;
}

/* The server's own address and port (SERVER_ADDR, SERVER_PORT). */
static int
is_server_addr(const struct authority *a, const struct origin_site *s,
    long sport)
{
	const char *addr = s->addr;
	char v6[HOST_SZ];

	if (addr == NULL || *addr == '\0' || sport == 0 || a->port != sport)
		return 0;
	if (strchr(addr, ':') == NULL || addr[0] == '[')
		return strcasecmp(a->host, addr) == 0;
	/* A dual-stack socket reports an IPv4 client's address mapped. */
	if (strncasecmp(addr, "::ffff:", 7) == 0 && strchr(addr, '.') &&
	    strcmp(a->host, addr + 7) == 0)
		return 1;
	snprintf(v6, sizeof(v6), "[%s]", addr);
	return strcasecmp(a->host, v6) == 0;
}

/* A word of page_hosts, on its listed port or else on SERVER_PORT. */
static int
is_page_host(const struct authority *a, const char *hosts, long sport)
{
	struct authority w;
	size_t n;

	for (; hosts != NULL && *hosts; hosts += n) {
		hosts += strspn(hosts, " ");
		if ((n = strcspn(hosts, " ")) == 0)
			break;
		if (parse_authority(hosts, n, &w) == -1)
			continue;	/* conf_load refused it already */
		if (strcasecmp(w.host, a->host) == 0 &&
		    a->port == (w.port ? w.port : sport))
			return 1;
	}
	return 0;
}

int
origin_ok(const char *origin, const char *referer,
    const struct origin_site *s)
{
	struct authority a;
	long long p;
	long sport = 0;
	int https;

	if (origin == NULL && referer == NULL)
		return 1;
	if (parse_url(origin ? origin : referer, origin == NULL, &https,
	    &a) == -1 || https != (s->https != 0))
		return 0;
	if (s->port != NULL && num_parse(s->port, 1, 65535, &p) == 0)
		sport = (long)p;
	return is_server_addr(&a, s, sport) || is_page_host(&a, s->hosts,
	    sport);
}

int
origin_hosts_check(const char *v, struct dd_err *e)
{
	struct authority a;
	size_t n, words = 0;

	for (; *v; v += n) {
		v += strspn(v, " ");
		if ((n = strcspn(v, " ")) == 0)
			break;
		words++;
		if (parse_authority(v, n, &a) == -1)
			return dd_failf(e, DD_ECONF, NULL, "has '%.*s', which is "
			    "not a host name or address with an optional :port",
			    utf8_cut(v, n < 60 ? n : 60), v);
	}
	if (words == 0)
		return dd_failf(e, DD_ECONF, NULL, "must name at least one host");
	return 0;
}

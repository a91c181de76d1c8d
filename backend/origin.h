/* origin.h: does a browser's Origin or Referer name a page of this site? */
#ifndef DDNS_ORIGIN_H
#define DDNS_ORIGIN_H

#include <stddef.h>

#include "err.h"

/*
 * What the site is, from values the client cannot choose: the web
 * server's SERVER_ADDR (the local address the connection came in on) and
 * SERVER_PORT, whether it spoke TLS (HTTPS=on), and the module's
 * page_hosts. Never the Host header or SERVER_NAME: under DNS rebinding a
 * hostile page has its own name in Host, and Apache (UseCanonicalName Off)
 * and lighttpd copy Host into SERVER_NAME.
 */
struct origin_site {
	int		 https;
	const char	*addr;		/* SERVER_ADDR, or NULL */
	const char	*port;		/* SERVER_PORT, or NULL */
	const char	*hosts;		/* page_hosts, or NULL */
};

/*
 * origin_ok: 1 if a POST carrying these headers may come from a page of
 * site s, else 0. With neither header (curl, scripts) it returns 1: such
 * a client is left to the CSRF token. The Origin is judged if present,
 * else the Referer's scheme://host[:port]. Its scheme must be https when
 * s->https, http otherwise; a missing port is the scheme's (80, 443).
 * Its host and port must then be either
 *   - s->addr (an IPv6 address written [addr], as browsers do; an
 *     IPv4-mapped ::ffff:a.b.c.d also as a.b.c.d) on port s->port, or
 *   - a word of s->hosts, name[:port], on the listed port, or on s->port
 *     when none is listed.
 * Host names compare without regard to case. Anything else, including
 * Origin "null", user info in the Referer or a malformed value, is 0.
 */
int origin_ok(const char *origin, const char *referer,
    const struct origin_site *s);

/*
 * origin_hosts_check: 0 if v is a valid page_hosts value: space-separated
 * words, each a host name (letters, digits, hyphens, dots), an IPv4
 * address or a bracketed IPv6 address, optionally :port (1-65535).
 * Otherwise -1 with e set (DD_ECONF, a phrase naming the bad word).
 */
int origin_hosts_check(const char *v, struct dd_err *e);

#endif

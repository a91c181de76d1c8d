/* netip.c: the public-address state file and the check answer parser.
 * The fetching itself (libcurl) is in checkip_main.c only. */
#include <arpa/inet.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fileio.h"
#include "netip.h"
#include "num.h"

/* Each family: its word in the state files, its public-address file,
 * its socket family. */
static const struct {
	const char	*word;
	const char	*file;
	int		 af;
} fams[NET__MAX] = {
	[NET_V4] = { "ipv4", NETIP_FILE, AF_INET },
	[NET_V6] = { "ipv6", NETIP_FILE6, AF_INET6 },
};

const char *
netip_fam_word(enum netfam f)
{
	return fams[f].word;
}

int
netip_fam_find(const char *w)
{
	int f;

	for (f = 0; f < NET__MAX; f++)
		if (strcmp(fams[f].word, w) == 0)
			return f;
	return -1;
}

const char *
netip_file(enum netfam f)
{
	return fams[f].file;
}

char *
netip_source_file(enum netfam f, const char *name, char *out, size_t sz)
{
	if (name == NULL || *name == '\0')
		snprintf(out, sz, "%s", fams[f].file);
	else
		snprintf(out, sz, "%s@%s", fams[f].file, name);
	return out;
}

int
netip_af(enum netfam f)
{
	return fams[f].af;
}

static int
try_token(const char *t, size_t len, int af, char *ip, size_t ipsz)
{
	unsigned char addr[16];
	char tok[64];
	int pass;

	for (pass = 0; pass < 3 && len > 0; pass++) {
		if (pass == 1)	/* "... is 203.0.113.7." */
			while (len > 0 && strchr(".:", t[len - 1]) != NULL)
				len--;
		if (pass == 2)	/* "IP:203.0.113.7" */
			while (len > 0 && strchr(".:", *t) != NULL)
				t++, len--;
		if (len < 2 || len >= sizeof(tok) || len >= ipsz)
			continue;
		memcpy(tok, t, len);
		tok[len] = '\0';
		if ((af != AF_INET6 && inet_pton(AF_INET, tok, addr) == 1) ||
		    (af != AF_INET && inet_pton(AF_INET6, tok, addr) == 1)) {
			memcpy(ip, tok, len + 1);
			return 0;
		}
	}
	return -1;
}

int
netip_parse_answer(const char *body, size_t n, char *ip, size_t ipsz)
{
	return netip_parse_family(body, n, AF_UNSPEC, ip, ipsz);
}

int
netip_parse_family(const char *body, size_t n, int af, char *ip,
    size_t ipsz)
{
	static const char chars[] = "0123456789abcdefABCDEF:.";
	size_t i = 0, len;

	while (i < n) {
		for (len = 0; i + len < n && body[i + len] != '\0' &&
		    strchr(chars, body[i + len]) != NULL; len++)
			;
		if (len > 0 && try_token(body + i, len, af, ip, ipsz) == 0)
			return 0;
		i += len ? len : 1;
	}
	return -1;
}

/* to_bin: a as binary into out; its family, or 0 if a is no address. */
static int
to_bin(const char *a, unsigned char out[16])
{
	if (a == NULL)
		return 0;
	if (inet_pton(AF_INET, a, out) == 1)
		return AF_INET;
	if (inet_pton(AF_INET6, a, out) == 1)
		return AF_INET6;
	return 0;
}

int
netip_equal(const char *a, const char *b)
{
	unsigned char x[16], y[16];
	int af = to_bin(a, x);

	return af != 0 && to_bin(b, y) == af &&
	    memcmp(x, y, af == AF_INET ? 4 : 16) == 0;
}

int
netip_read(const char *path, struct netip *out, struct dd_err *e)
{
	char *data, *line, *next, *eq;
	size_t n;
	long long t;

	memset(out, 0, sizeof(*out));
	if (file_read(path, 4096, &data, &n, e) == -1)
		return -1;
	for (line = data; line && *line; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((eq = strchr(line, '=')) == NULL)
			continue;
		*eq++ = '\0';
		if (strcmp(line, "ip") == 0)
			snprintf(out->ip, sizeof(out->ip), "%s", eq);
		else if (strcmp(line, "error") == 0)
			snprintf(out->error, sizeof(out->error), "%s", eq);
		else if (strcmp(line, "time") == 0 &&
		    num_parse(eq, 0, 1LL << 40, &t) == 0)
			out->time = t;
	}
	free(data);
	return 0;
}

int
netip_read_source(const char *dir, const char *name, enum netfam f,
    struct netip *out)
{
	char file[64], path[PATH_MAX];
	struct dd_err e;

	memset(out, 0, sizeof(*out));
	netip_source_file(f, name, file, sizeof(file));
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, file) >=
	    sizeof(path))
		return -1;
	return netip_read(path, out, &e);
}

int
netip_write(const char *path, const struct netip *in, struct dd_err *e)
{
	struct buf b = { 0 };
	char err[sizeof(in->error)];
	size_t i;

	/* One line per value: a line break in a message must not add one. */
	snprintf(err, sizeof(err), "%s", in->error);
	for (i = 0; err[i]; i++)
		if ((unsigned char)err[i] < 0x20)
			err[i] = ' ';
	buf_printf(&b, "ip=%s\ntime=%lld\nerror=%s\n",
	    strpbrk(in->ip, "\r\n") ? "" : in->ip, in->time, err);
	return file_write_buf(path, &b, 0600, e);
}

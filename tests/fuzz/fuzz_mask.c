/* fuzz_mask.c: libFuzzer harness for the masking of "What ddclient reads"
 * (backend/mask.h), checked against the import reader (backend/import.h),
 * which reads a file as ddclient does.
 *
 * Input: a ddclient configuration (all bytes; an input with a NUL is only
 * masked: imp_parse, a C-string reader, ends a line at NUL where Perl does
 * not, so it cannot be the reference there).
 *
 * Invariants (abort() when one breaks):
 *   - mask_conf succeeds, and its output has as many lines as the input;
 *   - for ddclient 3.10 and 3.11, take every password P that imp_parse
 *     reads for a host (P not empty and without a byte of the mask's text,
 *     which the mask may add): read the output as ddclient does, and the
 *     host, if it is still there, does not have P for password;
 *   - and where P cannot have been put together from pieces (the input
 *     has no '\\', and P no blank, comma or quote), P occurs in the
 *     output fewer times than in the input: the occurrence that ddclient
 *     reads is gone. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "mask.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
count(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle), i, c = 0;

	for (i = 0; k > 0 && i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			c++;
	return c;
}

static size_t
lines(const char *p, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += p[i] == '\n';
	return c;
}

/* a byte that MASK_TEXT holds */
static int
has_mask_byte(const char *s)
{
	for (; *s; s++)
		if (strchr(MASK_TEXT, *s) != NULL)
			return 1;
	return 0;
}

/* the password of host name in c, or NULL */
static const char *
password_of(const struct imp_conf *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nhost; i++)
		if (strcmp(c->host[i].name, name) == 0)
			return imp_get(&c->host[i].set, "password");
	return NULL;
}

static void
check_version(const char *in, size_t n, const struct buf *out, enum ddv v)
{
	struct imp_conf c, m;
	struct dd_err e;
	const char *pw, *mpw;
	size_t i, cin;
	int whole = memchr(in, '\\', n) == NULL, mok;

	if (imp_parse(in, n, v, &c, &e) == -1) {
		imp_free(&c);
		return;
	}
	mok = imp_parse(out->p ? out->p : "", out->len, v, &m, &e) == 0;
	for (i = 0; i < c.nhost; i++) {
		pw = imp_get(&c.host[i].set, "password");
		/* "dummy" is ddclient's own: what it reads in place of an
		 * empty raw password ("password='',r": regress/mask-dummy),
		 * not a secret of the file. */
		if (pw == NULL || *pw == '\0' || has_mask_byte(pw) ||
		    strcmp(pw, "dummy") == 0)
			continue;
		if (mok && (mpw = password_of(&m, c.host[i].name)) != NULL &&
		    strcmp(mpw, pw) == 0)
			abort();
		if (!whole || strpbrk(pw, " \t\f\v,'\"") != NULL)
			continue;
		cin = count(in, n, pw);
		if (cin > 0 && count(out->p, out->len, pw) >= cin)
			abort();
	}
	imp_free(&c);
	imp_free(&m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	struct buf out = { 0 };

	if (mask_conf(in, size, &out) == -1)
		abort();
	if (lines(in, size) != lines(out.p, out.len))
		abort();
	if (memchr(in, '\0', size) == NULL) {
		check_version(in, size, &out, DDV_310);
		check_version(in, size, &out, DDV_311);
	}
	buf_free(&out);
	return 0;
}

/* fuzz_form.c: libFuzzer harness for form_parse (backend/form.h).
 *
 * Input: byte 0 picks the list of accepted names (odd: the query string's,
 * even: the host form body's, as cgi/request.c and cgi/dispatch.c pass
 * them); the rest is the query string or body, passed with its exact
 * length and no NUL after it, so ASan sees any read past the end.
 * Checks the contract: on success every value is NULL or valid, NUL-free
 * UTF-8; on failure every value is NULL and e holds a message. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "host.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const query_names[] = {
	"action", "id", "msg", "apply", "page", "q",
};
static const char *const body_names[] = {
#define NAME(e, n, ...) #n,
	HOST_FIELDS(NAME)
#undef NAME
	"id", "csrf_token",
};
#define NQ (sizeof(query_names) / sizeof(query_names[0]))
#define NB (sizeof(body_names) / sizeof(body_names[0]))
#define NMAX NB

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *const *names;
	char *vals[NMAX], *s;
	struct dd_err e;
	size_t n, i, len;
	int rc;

	if (size < 1)
		return 0;
	names = (data[0] & 1) ? query_names : body_names;
	n = (data[0] & 1) ? NQ : NB;
	len = size - 1;
	/* An exact-size heap copy: no terminator to hide an over-read. */
	if ((s = malloc(len ? len : 1)) == NULL)
		return 0;
	memcpy(s, data + 1, len);
	memset(&e, 0, sizeof(e));
	for (i = 0; i < NMAX; i++)
		vals[i] = (char *)0x1;	/* form_parse must set every one */
	rc = form_parse(s, len, names, n, vals, &e);
	if (rc != 0 && rc != -1)
		abort();
	for (i = 0; i < n; i++) {
		if (rc == -1 && vals[i] != NULL)
			abort();	/* "vals is left all NULL on failure" */
		if (vals[i] == NULL)
			continue;
		if (vals[i] == (char *)0x1)
			abort();	/* left untouched */
		if (!utf8_valid(vals[i], strlen(vals[i])))
			abort();
		/* A value never grows when decoded. */
		if (strlen(vals[i]) > len)
			abort();
	}
	if (rc == -1) {
		if (e.code != DD_EBADREQ || e.msg[0] == '\0' ||
		    memchr(e.msg, '\0', sizeof(e.msg)) == NULL ||
		    memchr(e.field, '\0', sizeof(e.field)) == NULL)
			abort();
	}
	form_free(vals, n);
	for (i = 0; i < n; i++)
		if (vals[i] != NULL)
			abort();
	free(s);
	return 0;
}

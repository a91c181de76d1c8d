/* fuzz_validate.c: libFuzzer harness for the validators (backend/validate.h).
 *
 * The input, as a NUL-terminated string, goes through every field
 * validator with an exact-size heap output buffer (the size the CGI
 * uses) and through val_idn_ascii with a small and a large buffer. The
 * same input, split on '\0' or '&' into the HF__MAX form fields, goes
 * through val_host without and with an old row. Properties checked:
 * a success leaves a string that fits; a failure leaves a message; the
 * canonical hostname and server are fixed points of their validator;
 * val_host counts exactly the fields with a message, and a row it accepts
 * is accepted again, unchanged, when fed back (a stored row re-validates). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "idn.h"
#include "providers.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_str(const char *s, size_t sz)
{
	if (memchr(s, '\0', sz) == NULL)
		abort();
}

/* Run fn on in into a heap buffer of exactly outsz bytes. */
static int
run(val_fn fn, const char *in, size_t outsz, char **outp)
{
	char *out = malloc(outsz);
	struct dd_err *e = malloc(sizeof(*e)), *none = NULL;
	const char *why;
	int rc;

	if (out == NULL || e == NULL)
		abort();
	memset(out, 'X', outsz);
	dd_clear(e);
	why = e->msg;
	/* A NULL e is allowed: the validator must not touch it. */
	if (fn(in, out, outsz, none) != fn(in, out, outsz, e))
		abort();
	rc = fn(in, out, outsz, e);
	if (rc == 0) {
		check_str(out, outsz);
	} else if (rc == -1) {
		check_str(why, sizeof(e->msg));
		if (why[0] == '\0' || e->code != DD_EINVAL)
			abort();	/* a refusal explains itself */
	} else
		abort();
	free(e);
	if (rc == 0 && outp != NULL)
		*outp = out;
	else
		free(out);
	return rc;
}

/* fn(canonical) must accept it and give it back unchanged. */
static void
fixed_point(val_fn fn, const char *canon, size_t outsz)
{
	char *again = NULL;

	if (run(fn, canon, outsz, &again) != 0 || strcmp(again, canon) != 0)
		abort();
	free(again);
}

static void
fields(const char *s, size_t n)
{
	char *out = NULL, *small;
	size_t outsz;

	if (run(val_hostname, s, HOSTNAME_SZ, &out) == 0) {
		if (strlen(out) > 253 || strchr(out, '.') == NULL)
			abort();
		fixed_point(val_hostname, out, HOSTNAME_SZ);
		free(out);
	}
	run(val_description, s, DESC_SZ, NULL);
	run(val_login, s, LOGIN_SZ, NULL);
	run(val_password, s, PASSWORD_SZ, NULL);
	if (run(val_server, s, SERVER_SZ, &out) == 0) {
		fixed_point(val_server, out, SERVER_SZ);
		free(out);
	}
	run(val_protocol, s, PROTOCOL_SZ, NULL);
	run(val_tsig_name, s, LOGIN_SZ, NULL);
	run(val_tsig_secret, s, PASSWORD_SZ, NULL);
	run(val_algorithm, s, ALGORITHM_SZ, NULL);
	run(val_provider, s, PROVIDER_SZ, NULL);

	/* val_idn_ascii into a roomy and into a tight buffer. */
	outsz = 512;
	if ((out = malloc(outsz)) == NULL)
		abort();
	if (val_idn_ascii(s, out, outsz) == 0)
		check_str(out, outsz);
	free(out);
	outsz = 1 + (n ? (unsigned char)s[0] % 40 : 0);
	if ((small = malloc(outsz)) == NULL)
		abort();
	if (val_idn_ascii(s, small, outsz) == 0)
		check_str(small, outsz);
	free(small);
}

/* Feed the accepted row h back, as a stored row is on the Modify form. */
static void
revalidate(const struct host *h, const struct host *old)
{
	const char *in[HF__MAX];
	struct host *again = malloc(sizeof(*again)), *hc;
	struct dd_err *why = malloc(HF__MAX * sizeof(*why));
	int f;

	if (again == NULL || why == NULL || (hc = malloc(sizeof(*hc))) == NULL)
		abort();
	*hc = *h;
	for (f = 0; f < HF__MAX; f++)
		in[f] = host_field(hc, (enum hfield)f, NULL);
	if (val_host(in, old, DDV_310, again, why) != 0)
		abort();
	for (f = 0; f < HF__MAX; f++)
		if (strcmp(host_field(again, (enum hfield)f, NULL),
		    host_field(hc, (enum hfield)f, NULL)) != 0)
			abort();
	free(hc);
	free(again);
	free(why);
}

static int
host_once(const char *const in[HF__MAX], const struct host *old,
    struct host *out)
{
	struct dd_err *why = malloc(HF__MAX * sizeof(*why));
	size_t size;
	int bad, f, msgs = 0;

	if (why == NULL)
		abort();
	bad = val_host(in, old, DDV_310, out, why);
	for (f = 0; f < HF__MAX; f++) {
		check_str(why[f].msg, sizeof(why[f].msg));
		check_str(host_field(out, (enum hfield)f, &size), size);
		/* a message is there exactly when its key is */
		if ((why[f].msg[0] != '\0') != (why[f].m.id != MSG_none))
			abort();
		if (why[f].m.id != MSG_none)
			msgs++;
	}
	if (bad != msgs)
		abort();
	if (bad == 0) {
		if (out->hostname[0] == '\0' ||
		    prov_find(out->provider) == NULL)
			abort();
		if (old != NULL && (out->id != old->id ||
		    out->enabled != old->enabled))
			abort();
		revalidate(out, old);
	}
	free(why);
	return bad;
}

static void
form(const char *s, size_t n)
{
	const char *in[HF__MAX] = { 0 };
	char *copy = malloc(n + 1), *p;
	struct host *h = malloc(sizeof(*h)), *old = malloc(sizeof(*old));
	size_t i;
	int f = 0;

	if (copy == NULL || h == NULL || old == NULL)
		abort();
	memcpy(copy, s, n);
	copy[n] = '\0';
	/* Fields separated by NUL or '&'; missing ones stay NULL. */
	for (p = copy, i = 0; f < HF__MAX; i++) {
		if (i == n || copy[i] == '\0' || copy[i] == '&') {
			in[f++] = p;
			if (i == n)
				break;
			copy[i] = '\0';
			p = copy + i + 1;
		}
	}
	if (host_once(in, NULL, h) == 0) {
		/* Modify the row just accepted, with an empty password. */
		*old = *h;
		old->id = 42;
		old->enabled = 0;
		old->created = 1700000000;
		in[HF_PASSWORD] = "";
		host_once(in, old, h);
	} else {
		memset(old, 0, sizeof(*old));
		old->id = 7;
		old->enabled = 1;
		snprintf(old->hostname, sizeof(old->hostname), "old.example.com");
		snprintf(old->provider, sizeof(old->provider), "dyn");
		snprintf(old->login, sizeof(old->login), "user");
		snprintf(old->password, sizeof(old->password), "old pw'#\\");
		host_once(in, old, h);
	}
	free(copy);
	free(h);
	free(old);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	fields(s, strlen(s));
	free(s);
	form((const char *)data, size);
	return 0;
}

/* fuzz_import.c: libFuzzer harness for the ddclient config reader and
 * the line format (backend/import.h).
 *
 * Input: byte 0 bit 0 chooses the version read as (3.10, 3.11); the rest
 * is a ddclient configuration.
 *
 * Invariants (abort() when one breaks):
 *   - imp_parse either fails with DD_ETOOBIG or fills at most
 *     IMP_HOSTS_MAX hosts, each with a host= setting naming it;
 *   - every host becomes a row (imp_take) whose notes fit, and the line
 *     format written for all of them (imp_emit_*) reads back (imp_read)
 *     exactly: the same fields, notes and refusals, the names cut to a
 *     hostname's size at most. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

static const char mod_text[] = "daemon=300\nssl=yes\nuse=web, web=ipify-ipv4\n"
    "pid=/run/ddclient.pid\ncache=/var/cache/ddclient/ddclient.cache\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* same_msg: a note read back is the note written: key and parameters. */
static int
same_msg(const struct dd_msg *a, const struct dd_msg *b)
{
	size_t i, n = strlen(msg_params(a->id));

	if (a->id != b->id)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(a->param[i], b->param[i]) != 0)
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imp_conf c, mod;
	struct imp_result r;
	struct imp_row *rows;
	struct buf b = { 0 };
	struct dd_err e;
	enum ddv v;
	size_t i, k;
	int f;

	if (size < 1)
		return 0;
	v = (data[0] & 1) ? DDV_311 : DDV_310;
	if (imp_parse(mod_text, sizeof(mod_text) - 1, v, &mod, &e) == -1)
		abort();
	if (imp_parse((const char *)data + 1, size - 1, v, &c, &e) == -1) {
		if (e.code != DD_ETOOBIG)
			abort();
		imp_free(&c);
		imp_free(&mod);
		return 0;
	}
	if (c.nhost > IMP_HOSTS_MAX)
		abort();
	if ((rows = calloc(c.nhost + 1, sizeof(*rows))) == NULL)
		abort();
	imp_emit_begin(&b);
	for (i = 0; i < c.nhost; i++) {
		const char *h = imp_get(&c.host[i].set, "host");

		if (h == NULL || strcmp(h, c.host[i].name) != 0)
			abort();
		imp_take(&c, i, v, &mod.globals, NULL, &rows[i]);
		if (rows[i].nnote > IMP_NOTES_MAX)
			abort();
		imp_emit_row(&b, c.host[i].name, &rows[i]);
	}
	imp_emit_end(&b);
	if (b.oom)
		abort();
	if (imp_read(b.p, b.len, &r, &e) == -1 || r.nrec != c.nhost)
		abort();
	for (i = 0; i < r.nrec; i++) {
		/* names are cut to a hostname's size, on a character */
		if (strncmp(r.rec[i].name, c.host[i].name,
		    strlen(r.rec[i].name)) != 0 ||
		    r.rec[i].nnote != rows[i].nnote ||
		    r.rec[i].refused != rows[i].refused)
			abort();
		for (f = 0; f < HF__MAX; f++)
			if (strcmp(host_field(&r.rec[i].in, f, NULL),
			    host_field(&rows[i].in, f, NULL)) != 0)
				abort();
		for (k = 0; k < r.rec[i].nnote; k++)
			if (!same_msg(&r.rec[i].note[k].m, &rows[i].note[k].m) ||
			    r.rec[i].note[k].refused != rows[i].note[k].refused)
				abort();
	}
	imp_result_free(&r);
	free(rows);
	buf_free(&b);
	imp_free(&c);
	imp_free(&mod);
	return 0;
}

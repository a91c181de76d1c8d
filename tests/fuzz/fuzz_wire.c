/* fuzz_wire.c: libFuzzer harness for the apply message, the one thing the
 * root side reads from the web server's user (backend/boundary.h).
 *
 * Input: an apply message, or anything.
 *
 * Invariants (abort() when one breaks):
 *   - wire_read either fails or fills at most WIRE_HOSTS_MAX rows and
 *     drops, every value a string that fits its field (a control byte
 *     may come escaped: the validators refuse it, not the reader); a
 *     failure leaves nothing allocated to leak;
 *   - what it read, written again (wire_emit_*), reads back the same:
 *     rows, fields, drops and take-over;
 *   - every row goes through the form's validators (val_stored) without
 *     a crash, as ddns-apply does before rendering anything. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "boundary.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fits: s is a string of fewer than size bytes. */
static int
fits(const char *s, size_t size)
{
	return strnlen(s, size) < size;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wire_apply a, b;
	struct dd_err e, why[HF__MAX];
	struct buf out = { 0 };
	struct host canon;
	size_t i, fsz;
	int f;

	if (wire_read((const char *)data, size, &a, &e) == -1) {
		if (a.row != NULL || a.drop != NULL || a.nrow || a.ndrop)
			wire_free(&a);
		return 0;
	}
	if (a.nrow > WIRE_HOSTS_MAX || a.ndrop > WIRE_HOSTS_MAX)
		abort();
	for (i = 0; i < a.nrow; i++) {
		for (f = 0; f < HF__MAX; f++) {
			const char *v = host_field(&a.row[i], f, &fsz);

			if (!fits(v, fsz))
				abort();
		}
		if (!a.row[i].enabled)
			abort();
		val_stored(&a.row[i], DDV_310, &canon, why);
	}
	for (i = 0; i < a.ndrop; i++)
		if (!fits(a.drop[i], HOSTNAME_SZ))
			abort();
	wire_emit_begin(&out, a.take_over);
	for (i = 0; i < a.nrow; i++)
		wire_emit_row(&out, &a.row[i]);
	for (i = 0; i < a.ndrop; i++)
		wire_emit_drop(&out, a.drop[i]);
	wire_emit_end(&out);
	if (out.oom || wire_read(out.p, out.len, &b, &e) == -1)
		abort();
	if (b.nrow != a.nrow || b.ndrop != a.ndrop || b.take_over != a.take_over)
		abort();
	for (i = 0; i < a.nrow; i++)
		for (f = 0; f < HF__MAX; f++)
			if (strcmp(host_field(&a.row[i], f, NULL),
			    host_field(&b.row[i], f, NULL)) != 0)
				abort();
	for (i = 0; i < a.ndrop; i++)
		if (strcmp(a.drop[i], b.drop[i]) != 0)
			abort();
	wire_free(&b);
	wire_free(&a);
	buf_free(&out);
	return 0;
}

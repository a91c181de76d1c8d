/* fuzz_dnsstate.c: libFuzzer harness for the DNS state file's reader
 * (dnsstate_parse, dnsstate_parse_line, backend/dnsstate.h) and the
 * verdict (dnsstate_judge).
 *
 * The input is a state file held in memory (an exact-size heap copy).
 * Properties checked: every text field of an accepted entry is
 * NUL-terminated inside its array; entries are strictly ascending (so
 * dnsstate_find finds each); each entry line also reads alone; what was
 * accepted formats again, and that text reads back to the same text; the
 * verdict of each entry against its own first address and a fixed one is
 * in range, with a time only when Propagating. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dnsstate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_entry(const struct dnsstate *st, const struct dnsentry *x)
{
	size_t i;

	if (memchr(x->host, '\0', sizeof(x->host)) == NULL ||
	    memchr(x->detail, '\0', sizeof(x->detail)) == NULL ||
	    x->naddr > DNS_ADDRS || x->host[0] == '\0')
		abort();
	for (i = 0; i < x->naddr; i++)
		if (memchr(x->addr[i], '\0', DNS_ADDR_SZ) == NULL ||
		    !netip_equal(x->addr[i], x->addr[i]))
			abort();
	if (dnsstate_find(st, x->host, x->fam) != x)
		abort();
}

static void
check_judge(const struct dnsstate *st, const struct dnsentry *x)
{
	static const char *const sent[] = { NULL, "", "203.0.113.9",
	    "2001:db8::9" };
	struct dnsinput in = { .mode = st->mode, .st = st, .dns = x,
	    .sent_time = x->time - 5, .pub = "203.0.113.9", .now = x->time };
	struct dnsview v;
	size_t i;

	for (i = 0; i < sizeof(sent) / sizeof(sent[0]) + 1; i++) {
		in.sent = i < 4 ? sent[i] : x->naddr ? x->addr[0] : NULL;
		dnsstate_judge(&in, &v);
		if (dnsstate_verdict_word(v.v) == NULL ||
		    (v.until != 0) != (v.v == DV_PROPAGATING && v.until != 0) ||
		    msg_key(v.why.id) == NULL)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dnsstate st, back;
	struct dnsentry one;
	struct buf a = { 0 }, b = { 0 };
	char *copy = malloc(size + 1), *line, *nl;
	size_t i;

	if (copy == NULL)
		abort();
	memcpy(copy, data, size);
	copy[size] = '\0';
	/* Every line alone: accepted or refused, never a crash. */
	for (line = copy; line < copy + size; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			nl = copy + size;
		*nl = '\0';
		dnsstate_parse_line(line, &one);
	}
	memcpy(copy, data, size);
	if (dnsstate_parse(copy, size, &st, NULL) == 0) {
		for (i = 0; i < st.n; i++) {
			check_entry(&st, &st.e[i]);
			check_judge(&st, &st.e[i]);
			if (i > 0 && strcmp(st.e[i - 1].host, st.e[i].host) == 0 &&
			    st.e[i - 1].fam >= st.e[i].fam)
				abort();
		}
		if (dnsstate_format(&st, &a) != 0 ||
		    dnsstate_parse(a.p, a.len, &back, NULL) != 0 ||
		    back.n != st.n || dnsstate_format(&back, &b) != 0 ||
		    a.len != b.len || memcmp(a.p, b.p, a.len) != 0)
			abort();
		dnsstate_free(&back);
	}
	dnsstate_free(&st);
	buf_free(&a);
	buf_free(&b);
	free(copy);
	return 0;
}

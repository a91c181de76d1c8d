/* host.c: the host record's field table, expanded from HOST_FIELDS. */
#include <string.h>

#include "host.h"
#include "providers.h"

static const struct {
	const char	*name;
	size_t		 off;
	size_t		 size;
	enum ddopt	 ddopt;
} fields[] = {
#define HOST_ROW(e, n, size, fn, tsig, req, acc, resend, ask, ddopt) \
	[HF_##e] = { #n, offsetof(struct host, n), \
	    sizeof(((struct host *)0)->n), ddopt },
	HOST_FIELDS(HOST_ROW)
#undef HOST_ROW
};
_Static_assert(sizeof(fields) / sizeof(fields[0]) == HF__MAX,
    "one row per host field");
_Static_assert(HF__MAX <= 32, "struct host's damaged is a bit per field");

const char *
host_field_name(enum hfield f)
{
	return fields[f].name;
}

char *
host_field(struct host *h, enum hfield f, size_t *size)
{
	if (size != NULL)
		*size = fields[f].size;
	return (char *)h + fields[f].off;
}

enum ddopt
host_field_ddopt(enum hfield f)
{
	return fields[f].ddopt;
}

int
host_by_name_id(const void *pa, const void *pb)
{
	const struct host *a = pa, *b = pb;
	int c = strcmp(a->hostname, b->hostname);

	return c != 0 ? c : (a->id > b->id) - (a->id < b->id);
}

int
host_field_find(const char *name)
{
	int f;

	for (f = 0; f < HF__MAX; f++)
		if (strcmp(fields[f].name, name) == 0)
			return f;
	return -1;
}

/* The families a host may ask for: the form's word, the providers'
 * FAM_* bit that offers it, the records it asks for. */
static const struct {
	const char	*word;
	unsigned	 bit;
	unsigned	 wants;
} families[] = {
	{ "ipv4", FAM_V4, WANT_V4 },
	{ "ipv6", FAM_V6, WANT_V6 },
	{ "dual", FAM_DUAL, WANT_V4 | WANT_V6 },
};
#define NFAMILIES (sizeof(families) / sizeof(families[0]))

const char *
host_family_at(size_t i)
{
	return i < NFAMILIES ? families[i].word : NULL;
}

/* family: the row of word w, or NFAMILIES. */
static size_t
family(const char *w)
{
	size_t i;

	for (i = 0; i < NFAMILIES; i++)
		if (strcmp(w, families[i].word) == 0)
			break;
	return i;
}

unsigned
host_family_bit(const char *w)
{
	size_t i = family(w);

	return i < NFAMILIES ? families[i].bit : 0;
}

unsigned
host_family_wants(const char *w)
{
	size_t i = family(w);

	return i < NFAMILIES ? families[i].wants : WANT_V4;
}

/* host.c: the host record's field table. */
#include <stddef.h>

#include "host.h"

static const struct {
	const char	*name;
	size_t		 off;
	size_t		 size;
} fields[HF__MAX] = {
#define F(n, m) { n, offsetof(struct host, m), sizeof(((struct host *)0)->m) }
	F("hostname", hostname),	/* HF_HOSTNAME */
	F("description", description),	/* HF_DESCRIPTION */
	F("login", login),		/* HF_LOGIN */
	F("password", password),	/* HF_PASSWORD */
	F("mx", mx),			/* HF_MX */
	F("provider", provider),	/* HF_PROVIDER */
	F("server", server),		/* HF_SERVER */
	F("protocol", protocol),	/* HF_PROTOCOL */
	F("zone", zone),		/* HF_ZONE */
#undef F
};

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

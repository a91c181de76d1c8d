/* ddver.c: which ddclient the configuration is written for. The program
 * is read, never run: a CGI request must not start Perl. */
#include <stdlib.h>
#include <string.h>

#include "ddver.h"
#include "fileio.h"

#define HEAD_MAX (16 * 1024)	/* the version line is near the top */

static const struct {
	const char	*name;		/* as ddclient_version spells it */
	const char	*declared;	/* what declare('...') starts with */
} versions[DDV__MAX] = {
	[DDV_310] = { "3.10", "3.10." },
	[DDV_311] = { "3.11", "3.11." },
};

const char *
ddver_name(enum ddv v)
{
	return versions[v].name;
}

int
ddver_parse(const char *text, size_t n, enum ddv *out)
{
	static const char key[] = "version->declare('";
	const char *p = text, *end = text + n, *v;
	int i;

	while ((p = memmem(p, (size_t)(end - p), key, sizeof(key) - 1)) !=
	    NULL) {
		v = p + sizeof(key) - 1;
		if (v < end && *v == 'v')
			v++;
		for (i = 0; i < DDV__MAX; i++)
			if ((size_t)(end - v) > strlen(versions[i].declared) &&
			    strncmp(v, versions[i].declared,
			    strlen(versions[i].declared)) == 0) {
				*out = (enum ddv)i;
				return 0;
			}
		p = v;
	}
	return -1;
}

int
ddver_resolve(const struct conf *c, enum ddv *out, struct dd_err *e)
{
	char *text;
	size_t n;
	int i, rc;

	*out = DDV_310;
	for (i = 0; i < DDV__MAX; i++)
		if (strcmp(c->ddclient_version, versions[i].name) == 0) {
			*out = (enum ddv)i;
			return 0;
		}
	/* "auto": conf_load allows nothing else. */
	if (file_read_head(c->ddclient, HEAD_MAX, &text, &n, e) == -1)
		return dd_failf(e, e ? e->code : DD_ESYS, "ddclient", "%s: the "
		    "ddclient version cannot be told (%s); set ddclient_version",
		    c->ddclient, e ? e->msg : "unreadable");
	rc = ddver_parse(text, n, out);
	free(text);
	if (rc == -1)
		return dd_failf(e, DD_ECONF, "ddclient", "%s declares no ddclient "
		    "version this module knows (3.10, 3.11); set "
		    "ddclient_version", c->ddclient);
	return 0;
}

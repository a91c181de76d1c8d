/* boundary.c: what the page makes of what crosses back from the root
 * side (boundary.h): the words of each exit code, and where root's files
 * the page reads are. */
#include <stdio.h>

#include "boundary.h"
#include "daemon.h"

static const struct apply_outcome outcomes[] = {
	{ APPLY_OK,		"ok",		"ok",		1 },
	{ APPLY_ESUDO,		"esudo",	"error",	0 },
	{ APPLY_EMSG,		"emsg",		"error",	0 },
	{ APPLY_EWRITE,		"ewrite",	"error",	0 },
	{ APPLY_NOTRUNNING,	"notrunning",	"warn",		1 },
	{ APPLY_NOTDDCLIENT,	"notddclient",	"warn",		1 },
	{ APPLY_EPERM,		"eperm",	"warn",		1 },
	{ APPLY_ECACHE,		"ecache",	"warn",		0 },
	{ APPLY_ECONF,		"econf",	"error",	0 },
	{ APPLY_EFOREIGN,	"eforeign",	"error",	0 },
	{ APPLY_EIMPORT,	"eimport",	"warn",		0 },
	{ APPLY_EBUSY,		"ebusy",	"error",	0 },
	{ APPLY_ESTART,		"estart",	"error",	0 },
};
_Static_assert(sizeof(outcomes) / sizeof(outcomes[0]) == APPLY__MAX + 1,
    "one outcome per exit code, and the start failure");

/* The daemon's states as the list page words them (code: the state). */
static const struct apply_outcome daemon_outcomes[DAEMON__MAX] = {
	[DAEMON_OK] = { DAEMON_OK, "running", "ok", 0 },
	[DAEMON_NOPID] = { DAEMON_NOPID, "nopid", "warn", 0 },
	[DAEMON_BADPID] = { DAEMON_BADPID, "badpid", "warn", 0 },
	[DAEMON_STALE] = { DAEMON_STALE, "stale", "warn", 0 },
	[DAEMON_NOTDDCLIENT] = { DAEMON_NOTDDCLIENT, "notddclient", "warn", 0 },
	[DAEMON_EPERM] = { DAEMON_EPERM, "eperm", "warn", 0 },
	[DAEMON_PIDEACCES] = { DAEMON_PIDEACCES, "pideacces", "warn", 0 },
	[DAEMON_PIDEREAD] = { DAEMON_PIDEREAD, "pideread", "warn", 0 },
};

const struct apply_outcome *
apply_outcome(int code)
{
	size_t i;

	for (i = 0; i < sizeof(outcomes) / sizeof(outcomes[0]); i++)
		if ((int)outcomes[i].code == code)
			return &outcomes[i];
	return NULL;
}

const struct apply_outcome *
apply_daemon_outcome(int state)
{
	if (state < 0 || state >= DAEMON__MAX || daemon_outcomes[state].key ==
	    NULL)
		return NULL;
	return &daemon_outcomes[state];
}

int
apply_path(const struct conf *c, const char *name, char *out, size_t size)
{
	int n = snprintf(out, size, "%s/%s", c->apply_dir, name);

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

void
apply_status_path(const struct conf *c, char *out, size_t size)
{
	if (!c->status_copy || apply_path(c, APPLY_STATUS_FILE, out, size) == -1)
		snprintf(out, size, "%s", c->ddclient_cache);
}

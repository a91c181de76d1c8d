/* page_host.c: the per-host buttons of the list: Enable, Disable, Update now. */
#include "cgi.h"

/* Each button is a store call, then apply, then back to the list. */
static int
host_action(struct req *r, int (*op)(struct store *, long long, const char *,
    struct dd_err *), const char *msg)
{
	struct dd_err e = { 0 };

	if (op(r->store, r->id, r->who, &e) == -1)
		return http_error(r, &e);
	return list_after(r, msg, run_apply(r));
}

static int
enable(struct store *s, long long id, const char *user, struct dd_err *e)
{
	return store_set_enabled(s, id, 1, user, e);
}

static int
disable(struct store *s, long long id, const char *user, struct dd_err *e)
{
	return store_set_enabled(s, id, 0, user, e);
}

int
page_enable(struct req *r)
{
	return host_action(r, enable, "enabled");
}

int
page_disable(struct req *r)
{
	return host_action(r, disable, "disabled");
}

int
page_update(struct req *r)
{
	return host_action(r, store_mark_update, "queued");
}

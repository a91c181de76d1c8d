/* page_host.c: the per-host buttons of the list: Enable, Disable, Update now. */
#include "cgi.h"

/* Each button is a store call, then apply, then back to the list. */
static void
host_action(struct req *r, int (*op)(struct store *, long long, const char *,
    struct dd_err *), const char *msg)
{
	struct dd_err e = { 0 };

	if (op(r->store, r->id, r->who, &e) == -1) {
		http_error(r, &e);
		return;
	}
	list_after(r, msg, run_apply(r));
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

void
page_enable(struct req *r)
{
	host_action(r, enable, "enabled");
}

void
page_disable(struct req *r)
{
	host_action(r, disable, "disabled");
}

void
page_update(struct req *r)
{
	host_action(r, store_mark_update, "queued");
}

/* page_delete.c: confirm, then delete a host. */
#include "cgi.h"

void
page_delete_confirm(struct req *r)
{
	struct dd_err e = { 0 };
	struct host h;

	if (store_get(r->store, r->id, &h, &e) == -1) {
		http_error(r, &e);
		return;
	}
	out_setn(r, h.id, "Host.id");
	out_set(r, "Host.hostname", h.hostname);
	out_set(r, "Host.description", h.description);
	http_page(r, 200, "delete.cs");
}

void
page_delete(struct req *r)
{
	struct dd_err e = { 0 };

	if (store_delete(r->store, r->id, r->who, &e) == -1) {
		http_error(r, &e);
		return;
	}
	list_after(r, "deleted", run_apply(r));
}

/* page_delete.c: confirm, then delete a host. */
#include "cgi.h"

int
page_delete_confirm(struct req *r)
{
	struct dd_err e = { 0 };
	struct host h;

	if (store_get(r->store, r->id, &h, &e) == -1)
		return http_error(r, &e);
	out_setn(r, h.id, "Host.id");
	out_set(r, "Host.hostname", h.hostname);
	out_set(r, "Host.description", h.description);
	return http_page(r, 200, "delete.cs");
}

int
page_delete(struct req *r)
{
	struct dd_err e = { 0 };

	if (store_delete(r->store, r->id, r->who, &e) == -1)
		return http_error(r, &e);
	return list_after(r, "deleted", run_apply(r));
}

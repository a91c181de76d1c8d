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
	out_setn(r, h.version, "Host.version");
	out_set(r, "Host.hostname", h.hostname);
	out_set(r, "Host.description", h.description);
	http_page(r, 200, "delete.cs");
}

void
page_delete(struct req *r)
{
	struct dd_err e = { 0 }, ce;
	char text[MSG_TEXT_SZ];

	if (store_delete(r->store, r->id, r->version, r->who, &e) == -1) {
		if (e.code != DD_ECONFLICT) {
			http_error(r, &e);
			return;
		}
		/* Ask again, about the host as it is now. */
		ce = e;
		page_delete_confirm(r);
		if (r->status == 200) {
			out_set(r, "Conflict.message", out_msg(r, &ce.m,
			    text));
			r->status = 409;
		}
		return;
	}
	list_after(r, "deleted", run_apply(r));
}

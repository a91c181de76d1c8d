/* page_history.c: the audit trail, newest first, a page at a time. */
#include <stdio.h>
#include <stdlib.h>

#include "cgi.h"
#include "num.h"

#define PER_PAGE 50

void
page_history(struct req *r)
{
	struct audit_row *a;
	struct dd_err e = { 0 };
	long long page = 1;
	char when[OUT_TIME_SZ];
	size_t n, i;
	int more;

	if (r->q[Q_PAGE] && num_parse(r->q[Q_PAGE], 1, 100000, &page) == -1) {
		dd_fail(&e, DD_EBADREQ, "page", "The page number must be a "
		    "positive number.");
		http_error(r, &e);
		return;
	}
	if (store_audit(r->store, (size_t)(page - 1) * PER_PAGE, PER_PAGE, &a,
	    &n, &more, &e) == -1) {
		http_error(r, &e);
		return;
	}
	for (i = 0; i < n; i++) {
		out_row(r, "History", i, "when", out_time(a[i].at, when));
		out_row(r, "History", i, "user", a[i].user);
		out_row(r, "History", i, "action", out_lang(r, "Action",
		    a[i].action));
		out_row(r, "History", i, "hostname", a[i].hostname);
		out_row(r, "History", i, "detail", a[i].detail);
	}
	out_setn(r, page, "Paging.page");
	if (page > 1)
		out_setn(r, page - 1, "Paging.prev");
	if (more)
		out_setn(r, page + 1, "Paging.next");
	free(a);
	http_page(r, 200, "history.cs");
}

/* page_history.c: the audit trail, newest first, a page at a time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "num.h"

#define PER_PAGE 50

/*
 * The audit trail stores which fields changed in fixed words ("login
 * changed, password changed", store.c's diff); the page names them in
 * its language: "Changed: Login, Password". Unknown words stay as they
 * are (an older trail).
 */
static void
detail_text(struct req *r, const char *detail, char *out, size_t sz)
{
	static const char suffix[] = " changed";
	const char *p = detail, *end, *label;
	char name[32];
	size_t len = 0, n;
	int f, first = 1;

	if (*detail == '\0' || strcmp(detail, "nothing changed") == 0) {
		snprintf(out, sz, "%s", *detail ? out_lang(r, "HistoryPage",
		    "nothing") : "");
		return;
	}
	len = (size_t)snprintf(out, sz, "%s", out_lang(r, "HistoryPage",
	    "changed"));
	while (*p && len < sz) {
		end = strstr(p, ", ");
		n = end ? (size_t)(end - p) : strlen(p);
		if (n > sizeof(suffix) - 1 && n - (sizeof(suffix) - 1) <
		    sizeof(name) && strncmp(p + n - (sizeof(suffix) - 1), suffix,
		    sizeof(suffix) - 1) == 0) {
			memcpy(name, p, n - (sizeof(suffix) - 1));
			name[n - (sizeof(suffix) - 1)] = '\0';
			f = host_field_find(name);
			label = f >= 0 ? out_lang(r, "Col", name) : "";
			if (f >= 0 && *label == '\0')
				label = out_lang(r, "Field", name);
			if (f >= 0 && *label != '\0') {
				len += (size_t)snprintf(out + len, sz - len,
				    "%s%s", first ? " " : ", ", label);
				first = 0;
				p = end ? end + 2 : p + n;
				continue;
			}
		}
		len += (size_t)snprintf(out + len, sz - len, "%s%.*s",
		    first ? " " : ", ", (int)n, p);
		first = 0;
		p = end ? end + 2 : p + n;
	}
}

void
page_history(struct req *r)
{
	struct audit_row *a;
	struct dd_err e = { 0 };
	long long page = 1;
	char when[OUT_TIME_SZ], detail[AUDIT_DETAIL_SZ * 2];
	size_t n, i;
	int more;

	if (r->q[Q_PAGE] && num_parse(r->q[Q_PAGE], 1, 100000, &page) == -1) {
		dd_fail(&e, DD_EBADREQ, "page", MSG_req_page_number);
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
		detail_text(r, a[i].detail, detail, sizeof(detail));
		out_row(r, "History", i, "detail", detail);
	}
	out_setn(r, page, "Paging.page");
	if (page > 1)
		out_setn(r, page - 1, "Paging.prev");
	if (more)
		out_setn(r, page + 1, "Paging.next");
	free(a);
	http_page(r, 200, "history.cs");
}

/* page_dnscheck.c: the "Check DNS now" button of the list and the host
 * page: start ddns-dnscheck detached (never waits on DNS), then back to
 * the page the button was on. */
#include <stdio.h>
#include <string.h>

#include "cgi.h"

void
page_dnscheck(struct req *r)
{
	char loc[96];
	/* Off: no check, and no word of one (the pages offer no button). */
	const char *msg = strcmp(r->conf.dns_check, "off") ? "&msg=dnscheck" :
	    "";

	/* A check already running (it holds the lock): nothing more to
	 * start; the page shows what it writes. */
	run_dnscheck_detached(r);
	if (r->id > 0)
		snprintf(loc, sizeof(loc), "?action=host&id=%lld%s", r->id, msg);
	else
		snprintf(loc, sizeof(loc), "?action=list%s", msg);
	http_redirect(r, loc);
}

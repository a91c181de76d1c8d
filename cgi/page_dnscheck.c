/* page_dnscheck.c: the "Check DNS now" button of the list and the host
 * page: start ddns-dnscheck detached (never waits on DNS), then back to
 * the page the button was on. */
#include <stdio.h>

#include "cgi.h"

void
page_dnscheck(struct req *r)
{
	char loc[96];

	/* Off, or a check already running (it holds the lock): nothing
	 * more to start; the page says what the state file holds. */
	run_dnscheck_detached(r);
	if (r->id > 0)
		snprintf(loc, sizeof(loc), "?action=host&id=%lld&msg=dnscheck",
		    r->id);
	else
		snprintf(loc, sizeof(loc), "?action=list&msg=dnscheck");
	http_redirect(r, loc);
}

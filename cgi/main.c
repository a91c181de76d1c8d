/* main.c: ddns.cgi, the Dynamic DNS page: request -> validate -> store ->
 * apply -> ddclient. Linear on purpose; the pages do the work. */
#include <stdio.h>
#include <sys/stat.h>

#include "cgi.h"

/* Static, so that what req_end leaves to the kernel stays reachable
 * (LeakSanitizer counts it as in use, not lost). */
static struct req r;

int
main(void)
{
	struct dd_err e = { 0 };
	page_fn page;

	umask(077);
	req_capture_env();
	if (req_setup(&r, &e) == -1) {
		fprintf(stderr, "ddns.cgi: %s\n", e.msg);
		http_send_plain(500, "The Dynamic DNS page is not set up "
		    "correctly; the web server's error log says why.");
		goto out;
	}
	if ((page = req_parse(&r, &e)) == NULL)
		http_error(&r, &e);
	else if ((r.store = store_open(r.conf.database, 1, &e)) == NULL)
		http_error(&r, &e);
	else
		page(&r);
	http_send(&r);
out:
	req_end(&r);
	return 0;
}

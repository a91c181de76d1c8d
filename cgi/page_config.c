/* page_config.c: what ddclient reads: its configuration file as it is on
 * disk, every secret ddclient would read masked (mask_conf). */
#include <stdlib.h>

#include "cgi.h"
#include "fileio.h"
#include "mask.h"

#define CONF_MAX (1024 * 1024)	/* a configuration larger is not ours */

void
page_config(struct req *r)
{
	struct buf shown = { 0 };
	struct dd_err e = { 0 };
	char *data = NULL, text[MSG_TEXT_SZ];
	size_t n;

	out_set(r, "Config.path", r->conf.ddclient_conf);
	if (file_read(r->conf.ddclient_conf, CONF_MAX, &data, &n, &e) == -1) {
		/* Said in words on the page; the reason is the library's. */
		out_set(r, "Config.problem", e.code == DD_ENOTFOUND ?
		    "missing" : "unreadable");
		out_set(r, "Config.why", out_msg(r, &e.m, text));
	} else if (mask_conf(data, n, &shown) == -1) {
		free(data);
		dd_fail(&e, DD_ESYS, NULL, MSG_oom);
		http_error(r, &e);
		return;
	} else
		out_set(r, "Config.text", shown.len ? shown.p : "");
	free(data);
	buf_free(&shown);
	http_page(r, 200, "config.cs");
}

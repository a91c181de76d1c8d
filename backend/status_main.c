/* ddns-status: ddclient's postscript in the packaged layout (status_copy
 * = yes, apply.h): copy what the list page shows of ddclient's cache into
 * apply_dir once the update pass that started it has ended. One at a
 * time, and never waiting on anything the web server's user can hold.
 *   ddns-status [address...]     (ddclient appends the addresses it
 *                                 wanted: a failed attempt is recorded
 *                                 with them, attempts.h; any word that is
 *                                 not one address is ignored)
 * The module configuration is DDNS_ADMIN_CONFIG's or the compiled default,
 * as ddclient's environment gives it. Exit codes: apply.h's. */
#include <stdio.h>
#include <sys/stat.h>

#include "apply.h"
#include "conf.h"

int
main(int argc, char *argv[])
{
	struct dd_err e = { 0 };
	struct conf c;
	int st;

	umask(077);
	if (conf_load(&c, conf_path(), &e) == -1) {
		fprintf(stderr, "ddns-status: %s\n", e.msg);
		conf_free(&c);
		return APPLY_ECONF;
	}
	if (apply_dir_ok(&c, &e) == -1)
		st = APPLY_ECONF;
	else
		st = apply_status_refresh(&c, argv + 1,
		    argc > 1 ? (size_t)argc - 1 : 0, &e);
	if (st != APPLY_OK)
		fprintf(stderr, "ddns-status: %s\n", e.msg);
	conf_free(&c);
	return st;
}

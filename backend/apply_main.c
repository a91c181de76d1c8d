/* ddns-apply: make ddclient follow the database. Takes nothing from the
 * web request, so an appliance can grant it by one sudo rule:
 *   ddns-apply [-c module-config]
 * Exit codes: see enum apply_status in apply.h and the README. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apply.h"
#include "conf.h"

int
main(int argc, char *argv[])
{
	const char *path = conf_path();
	struct dd_err e = { 0 };
	struct conf c;
	int ch, st;

	umask(077);
	while ((ch = getopt(argc, argv, "c:")) != -1) {
		if (ch != 'c') {
			fprintf(stderr, "usage: ddns-apply [-c config]\n");
			return APPLY_ECONF;
		}
		path = optarg;
	}
	if (optind != argc) {
		fprintf(stderr, "usage: ddns-apply [-c config]\n");
		return APPLY_ECONF;
	}
	if (conf_load(&c, path, &e) == -1) {
		fprintf(stderr, "ddns-apply: %s\n", e.msg);
		conf_free(&c);
		return APPLY_ECONF;
	}
	st = apply_run(&c, &e);
	if (st != APPLY_OK)
		fprintf(stderr, "ddns-apply: %s\n", e.msg);
	conf_free(&c);
	return st;
}

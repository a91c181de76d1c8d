/* ddns-apply: make ddclient follow the database. Takes nothing from the
 * web request, so an appliance can grant it by one sudo rule:
 *   ddns-apply [-c module-config]
 * Exit codes: see enum apply_status in apply.h and the README. */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apply.h"
#include "conf.h"

#define SHELL_SAFE "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" \
	"0123456789/._-"

/*
 * status_copy: ddclient's postscript= is ddns-status beside this program.
 * ddclient 3.10 runs it through a shell (with the addresses appended)
 * after checking that the whole value is an executable file: so one
 * path, no arguments, nothing that needs quoting. Into out, or -1.
 */
static int
postscript(char *out, size_t size)
{
	char self[PATH_MAX];

	if (realpath("/proc/self/exe", self) == NULL ||
	    (size_t)snprintf(out, size, "%s/ddns-status", dirname(self)) >=
	    size || out[strspn(out, SHELL_SAFE)] != '\0' ||
	    access(out, X_OK) == -1) {
		fprintf(stderr, "ddns-apply: status_copy: no ddns-status beside "
		    "ddns-apply, or its path holds more than letters, digits "
		    "and / . _ - (ddclient runs it through a shell)\n");
		return -1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	static char ps[PATH_MAX];
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
	if (c.status_copy && postscript(ps, sizeof(ps)) == -1) {
		conf_free(&c);
		return APPLY_ECONF;
	}
	c.postscript = c.status_copy ? ps : NULL;
	st = apply_run(&c, &e);
	if (st != APPLY_OK)
		fprintf(stderr, "ddns-apply: %s\n", e.msg);
	conf_free(&c);
	return st;
}

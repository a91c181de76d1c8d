/* ddns-apply: make ddclient follow the rows the page hands over. It
 * reads from the web server's user one capped message on its standard
 * input and nothing else (boundary.h), so an appliance grants it by a
 * sudo rule per use:
 *   ddns-apply [-c module-config] --message   apply the message on stdin
 *   ddns-apply [-c module-config]             apply again the rows last
 *       applied (after a change of the module configuration)
 *   ddns-apply [-c module-config] --import [FILE]
 *       print the hosts of FILE (default ddclient_conf) for the CGI
 * Exit codes: enum apply_status in boundary.h, and the README. */
#include <libgen.h>
#include <limits.h>
#include <getopt.h>
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

static int
usage(void)
{
	fprintf(stderr, "usage: ddns-apply [-c config] [" WIRE_ARG_MESSAGE
	    " | " WIRE_ARG_IMPORT " [file]]\n");
	return APPLY_ECONF;
}

int
main(int argc, char *argv[])
{
	static char ps[PATH_MAX];
	static const struct option longs[] = {
		{ WIRE_ARG_IMPORT + 2, no_argument, NULL, 'i' },
		{ WIRE_ARG_MESSAGE + 2, no_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = conf_path(), *file = NULL;
	struct wire_apply msg = { 0 };
	struct dd_err e = { 0 };
	struct conf c;
	int ch, st, import = 0, message = 0;

	umask(077);
	while ((ch = getopt_long(argc, argv, "c:", longs, NULL)) != -1) {
		if (ch == 'c')
			path = optarg;
		else if (ch == 'i')
			import = 1;
		else if (ch == 'm')
			message = 1;
		else
			return usage();
	}
	/* FILE only with --import; a sudo rule names the exact words, so
	 * the web server's user never chooses a file for root to read. */
	if (import && optind + 1 == argc)
		file = argv[optind++];
	if (optind != argc || (import && message))
		return usage();
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
	if (import)
		st = apply_import(&c, file, stdout, stderr, &e);
	else if (apply_dir_ok(&c, &e) == -1)
		st = APPLY_ECONF;
	else if (message && apply_read_message(STDIN_FILENO, &msg, &e) == -1)
		st = APPLY_EMSG;
	else
		st = apply_run(&c, message ? &msg : NULL, &e);
	if (st != APPLY_OK)
		fprintf(stderr, "ddns-apply: %s\n", e.msg);
	wire_free(&msg);
	conf_free(&c);
	return st;
}

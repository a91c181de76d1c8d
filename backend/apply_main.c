/* ddns-apply: make ddclient follow the database. Takes nothing from the
 * web request, so an appliance can grant it by one sudo rule a use:
 *   ddns-apply [-c module-config]               apply the database
 *   ddns-apply [-c module-config] --take-over   the same, keeping a
 *       hand-written ddclient_conf beside it first (after an import)
 *   ddns-apply [-c module-config] --import [FILE]
 *       print the hosts of FILE (default ddclient_conf) for the CGI
 * Exit codes: see enum apply_status in apply.h and the README. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apply.h"
#include "conf.h"

static int
usage(void)
{
	fprintf(stderr, "usage: ddns-apply [-c config] [--take-over | "
	    "--import [file]]\n");
	return APPLY_ECONF;
}

int
main(int argc, char *argv[])
{
	static const struct option longs[] = {
		{ "import", no_argument, NULL, 'i' },
		{ "take-over", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = conf_path(), *file = NULL;
	struct dd_err e = { 0 };
	struct conf c;
	int ch, st, import = 0, take = 0;

	umask(077);
	while ((ch = getopt_long(argc, argv, "c:", longs, NULL)) != -1) {
		if (ch == 'c')
			path = optarg;
		else if (ch == 'i')
			import = 1;
		else if (ch == 't')
			take = 1;
		else
			return usage();
	}
	/* FILE only with --import; a sudo rule names the exact words, so
	 * the web server's user never chooses a file for root to read. */
	if (import && optind + 1 == argc)
		file = argv[optind++];
	if (optind != argc || (import && take))
		return usage();
	if (conf_load(&c, path, &e) == -1) {
		fprintf(stderr, "ddns-apply: %s\n", e.msg);
		conf_free(&c);
		return APPLY_ECONF;
	}
	if (import)
		st = apply_import(&c, file, stdout, stderr, &e);
	else
		st = apply_run(&c, take, &e);
	if (st != APPLY_OK)
		fprintf(stderr, "ddns-apply: %s\n", e.msg);
	conf_free(&c);
	return st;
}

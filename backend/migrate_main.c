/* ddns-migrate: create the database, or migrate it to this version's
 * schema, as the user that runs it (the package's postinst runs it as the
 * web server's user, who owns the file). Nothing else is touched.
 *   ddns-migrate [-c module-config]
 * Exit: 0, 2 (the database could not be made or migrated), 8 (usage or
 * module configuration), as ddns-apply's codes (apply.h). */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apply.h"
#include "conf.h"
#include "store.h"

int
main(int argc, char *argv[])
{
	const char *path = conf_path();
	struct dd_err e = { 0 };
	struct store *s;
	struct conf c;
	int ch;

	umask(077);
	while ((ch = getopt(argc, argv, "c:")) != -1) {
		if (ch != 'c') {
			fprintf(stderr, "usage: ddns-migrate [-c config]\n");
			return APPLY_ECONF;
		}
		path = optarg;
	}
	if (optind != argc) {
		fprintf(stderr, "usage: ddns-migrate [-c config]\n");
		return APPLY_ECONF;
	}
	if (conf_load(&c, path, &e) == -1) {
		fprintf(stderr, "ddns-migrate: %s\n", e.msg);
		conf_free(&c);
		return APPLY_ECONF;
	}
	if ((s = store_open(c.database, 1, &e)) == NULL) {
		fprintf(stderr, "ddns-migrate: %s: %s\n", c.database, e.msg);
		conf_free(&c);
		return APPLY_EDB;
	}
	store_close(s);
	conf_free(&c);
	return APPLY_OK;
}

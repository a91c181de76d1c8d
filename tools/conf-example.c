/* conf-example.c: print the example module configuration, made from the
 * key table of backend/conf.c (`make` writes build/ddns-admin.conf.example). */
#include <stdio.h>

#include "conf.h"

int
main(void)
{
	if (conf_example(stdout) == -1 || fflush(stdout) == EOF) {
		fprintf(stderr, "conf-example: cannot write the example\n");
		return 1;
	}
	return 0;
}

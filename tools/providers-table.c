/* providers-table.c: print the provider and protocol tables of
 * backend/providers.c, per ddclient version, one line each:
 *   VERSION <TAB> preset|protocol <TAB> id <TAB> label <TAB> families
 * families: the words the form offers (ipv4 ipv6 dual), "-" when that
 * version is not offered it. tools/readme-providers.py makes README's
 * provider list from it (`make lint` checks that the two agree). */
#include <stdio.h>

#include "ddver.h"
#include "providers.h"

/* The family words of a FAM_* set, as the form's family field. */
static void
put_families(unsigned fams)
{
	static const struct {
		unsigned	 bit;
		const char	*word;
	} words[] = { { FAM_V4, "ipv4" }, { FAM_V6, "ipv6" },
	    { FAM_DUAL, "dual" } };
	size_t i;
	int any = 0;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (fams & words[i].bit)
			printf("%s%s", any++ ? " " : "", words[i].word);
	if (!any)
		fputs("-", stdout);
	putchar('\n');
}

int
main(void)
{
	const struct provider *p;
	const struct protocol *pr;
	enum ddv v;
	size_t i;

	for (v = 0; v < DDV__MAX; v++) {
		for (i = 0; (p = prov_at(i)) != NULL; i++) {
			if (p->flags & PF_PROTOCOL)
				continue;
			printf("%s\tpreset\t%s\t%s\t", ddver_name(v), p->id,
			    p->label);
			put_families(prov_families(p, NULL, v));
		}
		for (i = 0; (pr = proto_at(i)) != NULL; i++) {
			printf("%s\tprotocol\t%s\t%s\t", ddver_name(v),
			    pr->name, pr->name);
			put_families(proto_families(pr, v));
		}
	}
	return fflush(stdout) == EOF;
}

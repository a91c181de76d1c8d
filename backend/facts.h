/* facts.h: what the list page needs of every row beyond the store's index
 * (whether ddns-apply leaves it out, which families it asks for), drawn
 * from all the rows once per change and kept in state_dir, so that the
 * summary and the order of 10,000 hosts cost no full read per page. */
#ifndef DDNS_FACTS_H
#define DDNS_FACTS_H

#include <stddef.h>

#include "conf.h"
#include "ddver.h"
#include "err.h"
#include "store.h"

/* The file in state_dir (the web user's: a cache, rebuilt when unsure). */
#define FACTS_FILE	"list.facts"

/* A row's facts. A row not named has FACT_V4 only (the usual one). */
#define FACT_LEFT_OUT	1u	/* apply_vet leaves it out */
#define FACT_V4		2u	/* asks for IPv4 */
#define FACT_V6		4u	/* asks for IPv6 */

struct fact {
	long long	 id;
	unsigned	 flags;
};

/* The rows that are not the usual one, by id. */
struct facts {
	struct fact	*f;		/* malloc'd, n, sorted by id */
	size_t		 n;
};

/*
 * facts_load: the facts of every row of s as apply_vet judges them with
 * c and ver: from the file in c's state_dir when it was drawn from this
 * state of the database (store_data_mark) and this configuration, else
 * from all the rows (store_list, apply_vet), written back for the next
 * page (a failure to write only costs that). Call it inside a snapshot.
 * Fills *out (free with facts_free, also on failure). Returns 0, or -1
 * with e set.
 */
int facts_load(struct store *s, const struct conf *c, enum ddv ver,
    struct facts *out, struct dd_err *e);

/* facts_get: the flags of row id. Pure. */
unsigned facts_get(const struct facts *f, long long id);

/* facts_family: the FACT_V4 / FACT_V6 bits of a family field ("ipv4",
 * "ipv6", "dual"; anything else is IPv4, as ddclient takes it). Pure. */
unsigned facts_family(const char *family);

/* facts_free: release what facts_load filled. */
void facts_free(struct facts *f);

#endif

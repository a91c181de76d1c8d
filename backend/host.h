/* host.h: one dynamic hostname as stored, validated and rendered. */
#ifndef DDNS_HOST_H
#define DDNS_HOST_H

#include <stddef.h>

#include "msg.h"
#include "source.h"

/* Size caps, in bytes with the NUL; the validator enforces them. */
#define HOSTNAME_SZ	254	/* 253 characters */
#define DESC_CHARS	200	/* characters, not bytes */
#define DESC_SZ		(DESC_CHARS * 4 + 1)
#define LOGIN_SZ	129
#define PASSWORD_SZ	257
#define PROVIDER_SZ	24
#define SERVER_SZ	262	/* host name and :port */
#define PROTOCOL_SZ	24
#define ALGORITHM_SZ	16
#define FAMILY_SZ	8	/* ipv4, ipv6, dual */
#define FLAG_SZ		4	/* "yes" or "" (a checkbox) */

/*
 * The host's text fields, in form order: the one place a field is
 * declared. Its enum value, struct member, form field, database column,
 * validator and the provider flags that ask for it all come from its row:
 *   X(ENUM, name, size, validator, tsig validator, required, accepted,
 *     resend, ask, ddclient)
 * name      the form field, the column (schema.sql) and struct host member
 * size      bytes of the member, with the NUL
 * validator canonicalises a given value (validate.h); tsig validator
 *           replaces it for a provider with PF_TSIG (0: the same)
 * required  provider flags (providers.h) that make it required
 * accepted  provider flags that let it be given (HF_ALWAYS: every provider)
 * resend    1 when a change must make ddclient send an update at once
 * ask       the message (msg.h) for a required field left empty
 *           (MSG_none: never)
 * ddclient  how ddclient's configuration carries it (enum ddopt): the
 *           option of the same name, written by ddconf.c's render_host
 *           and read back by import.c's imp_take, both loops over this
 *           column, for a provider that accepts the field
 * Adding a field is a row here and a migration in store.c (and schema.sql);
 * check_store (every_field_of_the_table_is_stored_read_and_audited) and
 * check_ddconf (every_option_of_the_table_is_written_and_read_back)
 * prove nothing else is needed.
 */
#define HOST_FIELDS(X)							\
	X(HOSTNAME, hostname, HOSTNAME_SZ, val_hostname, 0,		\
	    HF_ALWAYS, HF_ALWAYS, 1, MSG_ask_hostname, DDO_NONE)	\
	X(DESCRIPTION, description, DESC_SZ, val_description, 0,	\
	    0, HF_ALWAYS, 0, MSG_none, DDO_NONE)			\
	X(LOGIN, login, LOGIN_SZ, val_login, val_tsig_name,		\
	    PF_LOGIN, PF_LOGIN | PF_LOGIN_OPT, 1, MSG_ask_login, DDO_TEXT) \
	X(PASSWORD, password, PASSWORD_SZ, val_password, val_tsig_secret, \
	    PF_PASSWORD, PF_PASSWORD, 1, MSG_ask_password, DDO_SECRET)	\
	X(MX, mx, HOSTNAME_SZ, val_hostname, 0,				\
	    0, PF_MX, 1, MSG_none, DDO_TEXT)				\
	X(PROVIDER, provider, PROVIDER_SZ, val_provider, 0,		\
	    HF_ALWAYS, HF_ALWAYS, 1, MSG_ask_provider, DDO_NONE)	\
	X(SERVER, server, SERVER_SZ, val_server, 0,			\
	    PF_SERVER, PF_SERVER, 1, MSG_ask_server, DDO_PRESET)	\
	X(PROTOCOL, protocol, PROTOCOL_SZ, val_protocol, 0,		\
	    PF_PROTOCOL, PF_PROTOCOL, 1, MSG_ask_protocol, DDO_PRESET)	\
	X(ZONE, zone, HOSTNAME_SZ, val_hostname, 0,			\
	    PF_ZONE, PF_ZONE | PF_ZONE_OPT, 1, MSG_ask_zone, DDO_TEXT)	\
	X(ALGORITHM, algorithm, ALGORITHM_SZ, val_algorithm, 0,		\
	    PF_TSIG, PF_TSIG, 1, MSG_ask_algorithm, DDO_NONE)		\
	X(FAMILY, family, FAMILY_SZ, val_family, 0,			\
	    0, HF_ALWAYS, 1, MSG_none, DDO_NONE)			\
	X(WILDCARD, wildcard, FLAG_SZ, val_flag, 0,			\
	    0, PF_WILDCARD, 1, MSG_none, DDO_FLAG)			\
	X(BACKUPMX, backupmx, FLAG_SZ, val_flag, 0,			\
	    0, PF_MX, 1, MSG_none, DDO_FLAG)				\
	X(SOURCE, source, SOURCE_NAME_SZ, val_source, 0,		\
	    0, HF_ALWAYS, 1, MSG_none, DDO_NONE)

/* How ddclient's configuration carries a field (HOST_FIELDS' last column). */
enum ddopt {
	DDO_NONE,	/* not an option: the hostname ends the block; the
			 * description, provider and family are the module's;
			 * the algorithm goes in the TSIG key file; the source
			 * is the module configuration's detection */
	DDO_PRESET,	/* name=value, from the provider's preset (or the
			 * row, for Custom): server, protocol */
	DDO_TEXT,	/* name=value, escaped */
	DDO_SECRET,	/* name='value', raw: ddclient's password */
	DDO_FLAG,	/* name=yes when "yes"; not written when "" */
};

/* Flag for fields every provider takes (outside the PF_* bits). */
#define HF_ALWAYS	(1u << 31)

enum hfield {
#define HOST_ENUM(e, ...) HF_##e,
	HOST_FIELDS(HOST_ENUM)
#undef HOST_ENUM
	HF__MAX
};

struct host {
	long long	 id;
#define HOST_MEMBER(e, name, size, ...) char name[size];
	HOST_FIELDS(HOST_MEMBER)
#undef HOST_MEMBER
	int		 enabled;
	long long	 created;
	long long	 updated;
	long long	 version;	/* bumped by every change of the row */
	unsigned	 damaged;	/* bit f: field f did not read back whole
					 * from the database (a NUL, too long) */
};

/* The columns of the text fields in enum hfield order ("hostname, ..."),
 * and as many SQL parameters ("?, ..."), each followed by ", ". */
#define HOST_COL(e, name, ...) #name ", "
#define HOST_PARAM(e, ...) "?, "
#define HOST_SET(e, name, ...) #name " = ?, "

/* host_field_name: the form/column name of f ("hostname", ...). */
const char *host_field_name(enum hfield f);

/* host_field: a pointer to the text of field f in h, and its size. */
char *host_field(struct host *h, enum hfield f, size_t *size);

/* host_field_ddopt: how ddclient's configuration carries field f. */
enum ddopt host_field_ddopt(enum hfield f);

/* The records a family asks for (host_family_wants). */
#define WANT_V4		1u	/* the A record */
#define WANT_V6		2u	/* the AAAA record */

/* host_family_at: the i-th family word ("ipv4", "ipv6", "dual"; the
 * default first), or NULL past the last: the one list of them. */
const char *host_family_at(size_t i);

/* host_family_bit: the FAM_* (providers.h) of family word w, or 0 when
 * w is none. */
unsigned host_family_bit(const char *w);

/* host_family_wants: the records family word w asks for (WANT_*);
 * anything else is IPv4, as ddclient takes it. */
unsigned host_family_wants(const char *w);

/* host_by_name_id: qsort's order of rows, hostname then id: ddns-apply's
 * (and store_list's), in which the first of two rows of one name is let
 * through and the second refused; the list page judges its rows in it. */
int host_by_name_id(const void *a, const void *b);

/* host_field_find: the field named name, or -1. */
int host_field_find(const char *name);

#endif

/* source.h: the named address sources of a multi-WAN appliance: how
 * ddclient learns each family's address, defined by the integrator in the
 * module configuration; a host stores only a source's name. */
#ifndef DDNS_SOURCE_H
#define DDNS_SOURCE_H

#include <stddef.h>

#include "lang.h"
#include "msg.h"

#define SOURCE_MAX	8	/* sources a configuration may name */
#define SOURCE_NAME_SZ	16	/* [a-z0-9_-], 15 at most */
#define SOURCE_ARG_SZ	256	/* an interface, URL or program path */
#define SOURCE_LABEL_SZ	64
#define SOURCE_WHERE_SZ	300	/* "FILE line N" of a refused line */

/* How one family's address is learnt; SRC_NONE: never (the family off). */
enum src_kind { SRC_NONE, SRC_IF, SRC_WEB, SRC_CMD };

struct source_fam {
	enum src_kind	 kind;
	char		 arg[SOURCE_ARG_SZ];	/* the URL of a web check */
	char		 iface[16];	/* a web check bound to it, or "" */
	/* A bound web check goes through the module's helper, which
	 * ddclient runs without arguments as this root-owned link
	 * (<apply_dir>/source/NAME.v4, conf.c; made by ddns-apply). */
	char		 helper[SOURCE_ARG_SZ];
};

struct source {
	char		 name[SOURCE_NAME_SZ];
	struct source_fam fam[2];		/* [0] IPv4, [1] IPv6 */
	char		 label[LANG__MAX][SOURCE_LABEL_SZ];	/* by enum lang;
							 * "": the name */
	enum msg_id	 why;		/* MSG_none, or why it is refused */
	char		 where[SOURCE_WHERE_SZ];	/* the refused line */
};

/*
 * source_name_ok: 1 if v is a source name: 1 to 15 of [a-z0-9_-]. Pure.
 */
int source_name_ok(const char *v);

/*
 * source_parse: read one family's value v ("if IFACE", "web URL",
 * "web URL via IFACE", "cmd /PATH", "none") into f. Returns 0, or -1 with *why the message
 * (a src_* key of msg.h, no parameter) of the refusal: an interface name
 * outside [A-Za-z0-9._-] or longer than 15; a URL not http(s):// or with
 * a byte outside its strict set (no blank, quote, comma, backslash, '#');
 * a program not an absolute path of [A-Za-z0-9/._-], or (lstat) not a
 * regular file, a link, not root's, writable by group or others, not
 * executable. The program's checks read the file system: ddns-apply
 * loads the configuration at every run, so they hold when applied.
 */
int source_parse(const char *v, struct source_fam *f, enum msg_id *why);

/* source_label: what the form shows for s in language lang ("en",
 * "it"): its label there, or its name. */
const char *source_label(const struct source *s, const char *lang);

/* source_kind_word: ddclient 3.11's word for kind k of family fam
 * (0 IPv4: "ifv4", "webv4", "cmdv4"; 1 IPv6: "ifv6" ...), or 3.10's
 * (fam -1: "if", "web", "cmd"); "disabled" / "no" for SRC_NONE. */
const char *source_kind_word(enum src_kind k, int fam);

#endif

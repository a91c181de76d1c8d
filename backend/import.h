/* import.h: read a hand-written ddclient configuration as ddclient 3.10 and
 * 3.11 read it (import_read.c), and turn its hosts into rows (import.c;
 * ddns-apply --import). */
#ifndef DDNS_IMPORT_H
#define DDNS_IMPORT_H

#include <stddef.h>

#include "boundary.h"
#include "buf.h"
#include "err.h"
#include "host.h"
#include "providers.h"

/* Caps: a longer physical line, or more hosts or settings, refuses the
 * whole file (the parser stays linear enough to fuzz). */
#define IMP_LINE_MAX	4096
#define IMP_KV_MAX	200

/* One name=value as ddclient holds it once read. */
struct imp_kv {
	char	*key;
	char	*val;
};

/* An ordered map: a key set again keeps its place and takes the value. */
struct imp_set {
	struct imp_kv	*kv;
	size_t		 n;
};

/* A host, with every setting that applies to it (the globals defined
 * above its line merged under its line's own). */
struct imp_host {
	char		*name;
	struct imp_set	 set;
};

/* What a file says, as ddclient would hold it after _read_config. */
struct imp_conf {
	struct imp_set	 globals;	/* at the end of the file */
	struct imp_host	*host;		/* in the order first defined */
	size_t		 nhost;
	struct dd_msg	*warn;		/* ddclient's own warnings (msg.h) */
	size_t		 nwarn;
};

/*
 * imp_parse: read the n bytes at text as ddclient version v reads a
 * configuration file (its _read_config, parse_assignments and
 * parse_assignment): \r and \n dropped, the raw password pattern taken
 * off each physical line first, '#' comments, '\' continuations, blanks
 * collapsed, name=value assignments with '\', '...' and "..." quoting,
 * then "host[,host...] [login [password]]" and host=. A line without a
 * host sets globals for the lines after it. A host defined twice: 3.10
 * keeps the last definition, 3.11 merges (the first value of a key
 * wins). 3.11's name_env=VAR is kept as written (its value lives in
 * ddclient's environment). Pure. Fills *out (free with imp_free, also on
 * failure). Returns 0, or -1 with e set for a file over the caps.
 */
int imp_parse(const char *text, size_t n, enum ddv v, struct imp_conf *out,
    struct dd_err *e);

/* imp_free: release what imp_parse filled; c is empty afterwards. */
void imp_free(struct imp_conf *c);

/* imp_get: the value of key in s, or NULL. */
const char *imp_get(const struct imp_set *s, const char *key);

/* A host made into the form's values, with what could not be taken. */
struct imp_row {
	struct host	 in;		/* form values (provider, server, ...) */
	struct imp_note	 note[IMP_NOTES_MAX];
	size_t		 nnote;
	int		 refused;	/* some note refuses it */
};

/*
 * imp_take: host i of c as the form's values for ddclient version v, in
 * *row: the provider found from its protocol and server (ddclient's
 * default server when it sets none), else Custom; login, password, zone,
 * MX, backup MX and wildcard where the protocol uses them. Each setting
 * the module does not model is a note: an address-detection or daemon
 * setting (use=, ssl=, daemon=, ...) that differs from mod (the globals
 * ddns-admin writes, read back by imp_parse) is left to the module
 * configuration; one that changes what is sent (script=, ttl=, ...)
 * refuses the host. With address sources in cf (NULL: none), the
 * host's own detection (use=if, if=ppp0, ...) names the source that
 * matches it, or a note says none does. The validators are the caller's
 * (val_host). Pure.
 */
void imp_take(const struct imp_conf *c, size_t i, enum ddv v,
    const struct imp_set *mod, const struct conf *cf, struct imp_row *row);

/*
 * imp_file_notes: into out (max of them), a note for each daemon setting
 * of c's final globals that differs from mod and that no host's settings
 * hold (those are noted per host). Returns the number of notes. Pure.
 */
size_t imp_file_notes(const struct imp_conf *c, const struct imp_set *mod,
    struct dd_msg *out, size_t max);

/* The line format that carries imp_rows to the CGI: boundary.h. */

#endif

/* ddconf.h: render ddclient's configuration from the hosts, and write it. */
#ifndef DDNS_DDCONF_H
#define DDNS_DDCONF_H

#include <stddef.h>

#include "buf.h"
#include "conf.h"
#include "err.h"
#include "host.h"
#include "providers.h"

/* The first line of every configuration the renderer writes starts so:
 * ddns-apply replaces only a file that starts so (or one kept beside). */
#define DDCONF_HEADER	"# Written by ddns-admin from its database"

/* ddconf_ours: 1 if the n bytes at data are a configuration this module
 * wrote (its header first), or empty; else 0. Pure. */
int ddconf_ours(const char *data, size_t n);

/*
 * ddconf_render: append to out the configuration that ddclient version v
 * reads for the enabled hosts among the n at h, with the globals of c
 * (daemon, ssl, use or usev4/usev6, pid, cache); with named sources
 * (c->nsrc) the first source's detection is the globals' and a host on
 * another gets its source's own per-host options. Pure: no I/O. Every value is written so that ddclient reads
 * back exactly the stored text, and no value can start a line or add a
 * key=value pair. Returns 0, or -1 with e set if a stored value cannot be
 * carried (the validator refuses those, so this means a damaged row) or
 * memory ran out.
 */
int ddconf_render(const struct conf *c, enum ddv v, const struct host *h,
    size_t n, struct buf *out, struct dd_err *e);

/*
 * ddconf_use_of_usev6: append to out the text of ddclient_usev6 in the
 * words of 3.10's use= (webv6 -> web, ipv6= -> ip=, ...), for an
 * IPv6-only host on 3.10. Returns 0, or -1 if memory ran out. Pure.
 */
int ddconf_use_of_usev6(const char *usev6, struct buf *out);

/*
 * ddconf_password_ok: 1 if ddclient 3.10 reads password='pw' back exactly.
 * It takes the password off the raw line with a pattern that picks the
 * LAST "<blank>...password...=" of the line, so a password holding a blank
 * and then "password" and "=" would set other options: refused, as are
 * line breaks. The validator and the renderer both ask this. Pure.
 */
int ddconf_password_ok(const char *pw);

/*
 * ddconf_keyfile: the path of the TSIG key file of nsupdate host h, in the
 * module configuration's nsupdate_keydir, named after the hostname. The
 * renderer names it as the host's password and ddns-apply writes it.
 * Returns 0, or -1 if h's hostname is not safe in a file name or the path
 * does not fit.
 */
int ddconf_keyfile(const struct conf *c, const struct host *h, char *out,
    size_t outsz);

/*
 * ddconf_keytext: append to out the BIND key file of host h (key name in
 * login, algorithm, secret in password; all validated to [A-Za-z0-9._+/=-]).
 * Returns 0, or -1 if memory ran out.
 */
int ddconf_keytext(const struct host *h, struct buf *out);

/*
 * ddconf_carriable: 1 if ddclient's configuration can carry v outside the
 * password: no control byte (a line break ends the option), no DEL, no
 * '#' (ddclient strips a comment before anything else). The renderer and
 * the module configuration (whose values land there or in argv) ask this.
 * Pure.
 */
int ddconf_carriable(const char *v);

/*
 * ddconf_render_kept: append to out the block of a host kept from a
 * hand-written configuration (apply.h's keep): every setting of kv[0..n)
 * on the host's own lines, escaped as the rows' are, except the ones the
 * globals above write (daemon, pid, cache, postscript) and host itself;
 * an address detection (use, usev4, usev6) it does not set gets
 * ddclient's default rather than the globals'. So ddclient holds for it
 * what it held reading the hand-written file. Returns 0, or -1 with e
 * set when a value cannot be carried.
 */
struct imp_kv;
int ddconf_render_kept(const char *name, const struct imp_kv *kv, size_t n,
    struct buf *out, struct dd_err *e);

#endif

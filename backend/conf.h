/* conf.h: the module configuration file (DDNS_ADMIN_CONFIG). */
#ifndef DDNS_CONF_H
#define DDNS_CONF_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"
#include "source.h"

/*
 * The apply and checkip commands are split on spaces and exec'd, never
 * given to a shell: at most CONF_CMD_WORDS words, CONF_CMD_SZ - 1 bytes in
 * all. conf_load refuses a longer command, so none is ever run cut short.
 */
#define CONF_CMD_WORDS	15
#define CONF_CMD_SZ	1024

struct conf {
	char	*database;
	char	*ddclient_conf;
	char	*ddclient_pid;
	char	*ddclient_cache;
	char	*templates;
	char	*apply;
	char	*checkip;
	char	*checkip_url;
	char	*checkip6_url;		/* NULL: no IPv6 check ("none") */
	long long checkip_interval;
	char	*state_dir;
	char	*apply_dir;		/* the root side's own state (boundary.h) */
	int	 require_auth;
	char	*ddclient_use;		/* 3.10: the text after use= */
	char	*ddclient_usev4;	/* 3.11: the text after usev4= */
	char	*ddclient_usev6;	/* 3.11: the text after usev6= */
	char	*ddclient;		/* the program, read for its version */
	char	*ddclient_version;	/* auto, 3.10 or 3.11 */
	int	 ddclient_ssl;
	char	*plain_http;	/* provider ids allowed over plain HTTP, or NULL */
	long long ddclient_daemon;
	char	*static_url;
	char	*language;		/* auto, en or it */
	long long history_max;
	char	*nsupdate;		/* the program ddclient runs for nsupdate */
	char	*nsupdate_keydir;	/* where ddns-apply writes TSIG key files */
	char	*page_hosts;	/* for the Origin check (origin.h), or NULL */
	int	 status_copy;	/* ddns-apply copies ddclient's state (apply.h) */
	char	*dnscheck;		/* the ddns-dnscheck command */
	char	*dns_check;		/* authoritative, resolver ADDR, off (dnsstate.h) */
	char	*dns_stub;		/* "ZONE ADDR[@PORT]" asked directly, or NULL */
	char	*dns_trust_anchor;	/* DNSSEC root anchor file, NULL: none */
	long long dns_timeout;		/* seconds for the whole check */
	long long dns_interval;		/* seconds before the page checks again */
	long long attempts_per_host;	/* attempts kept (attempts.h) */
	long long attempts_max;
	char	*sources;	/* the source names, or NULL: none (source.h) */
	/* Not keys of their own: the sources, in the order of sources, from
	 * the source.NAME.* lines; src[0] is the default. */
	struct source src[SOURCE_MAX];
	size_t	 nsrc;
	/* Not a key: the command ddns-apply gives ddclient as postscript=
	 * (shell-safe words), or NULL for none. Not freed by conf_free. */
	const char *postscript;
};

/*
 * conf_load: fill c from the file at path: lines `key = value`, `#`
 * comments, blank lines. Missing keys take their documented defaults; an
 * unknown key, a bad value or a repeated key is an error naming the line.
 * path NULL means defaults only. Returns 0, or -1 with e set (DD_ECONF or
 * DD_ESYS). Free with conf_free in either case.
 */
int conf_load(struct conf *c, const char *path, struct dd_err *e);

/* conf_free: release what conf_load allocated. */
void conf_free(struct conf *c);

/*
 * conf_split_cmd: split cmd on spaces and tabs into argv (CONF_CMD_WORDS + 1
 * slots; NULL after the last word), the words living in buf (CONF_CMD_SZ
 * bytes). Returns the number of words, or -1 with e set (DD_ECONF, a
 * phrase to follow the key's name) if cmd is longer than buf, has no word
 * or more than CONF_CMD_WORDS, or does not begin with an absolute path:
 * a command is run whole or not at all.
 */
int conf_split_cmd(const char *cmd, char *buf, char **argv, struct dd_err *e);

/* conf_plain_http_ok: does c's plain_http name the provider id? Then
 * its hosts may be written while ddclient_ssl is no. */
int conf_plain_http_ok(const struct conf *c, const char *provider);

/*
 * conf_source: the source a host naming name follows: "" is the default
 * (the first); NULL when no sources are configured or none is so named.
 */
const struct source *conf_source(const struct conf *c, const char *name);

/* conf_path: the config path from the environment or the compiled default. */
const char *conf_path(void);

/*
 * conf_key_doc: the name of the i-th key of the table (counting from 0),
 * with its default in *def and its one-line meaning in *help; NULL (and
 * def, help untouched) past the last key. Static strings: do not free.
 */
const char *conf_key_doc(size_t i, const char **def, const char **help);

/*
 * conf_example: write to out the example configuration: a header naming
 * the compiled default path, then each key with its meaning as a comment
 * and its default as the value, so that loading it gives the defaults.
 * Returns 0, or -1 if out reports a write error.
 */
int conf_example(FILE *out);

#endif

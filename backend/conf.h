/* conf.h: the module configuration file (DDNS_ADMIN_CONFIG). */
#ifndef DDNS_CONF_H
#define DDNS_CONF_H

#include "err.h"

struct conf {
	char	*database;
	char	*ddclient_conf;
	char	*ddclient_pid;
	char	*ddclient_cache;
	char	*templates;
	char	*apply;
	char	*checkip;
	char	*checkip_url;
	long long checkip_interval;
	char	*state_dir;
	int	 require_auth;
	char	*ddclient_use;
	int	 ddclient_ssl;
	long long ddclient_daemon;
	char	*static_url;
	long long history_max;
	char	*nsupdate;		/* the program ddclient runs for nsupdate */
	char	*nsupdate_keydir;	/* where ddns-apply writes TSIG key files */
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

/* conf_path: the config path from the environment or the compiled default. */
const char *conf_path(void);

#endif

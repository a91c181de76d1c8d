/* csrf.h: form tokens bound to the user and a per-install secret. */
#ifndef DDNS_CSRF_H
#define DDNS_CSRF_H

#include "err.h"

#define CSRF_KEY_LEN	32
#define CSRF_TOKEN_SZ	96		/* "<expiry>.<64 hex digits>" + NUL */
#define CSRF_TTL	(8 * 3600)	/* a form stays valid for a working day */

/*
 * csrf_secret: load the install's secret from path, creating it (mode
 * 0600, from getrandom) on first use. Returns 0, or -1 with e set.
 */
int csrf_secret(const char *path, unsigned char key[CSRF_KEY_LEN],
    struct dd_err *e);

/* csrf_make: a token for user, valid until now + CSRF_TTL, into out. */
void csrf_make(const unsigned char key[CSRF_KEY_LEN], const char *user,
    long long now, char out[CSRF_TOKEN_SZ]);

/*
 * csrf_check: 0 if token was made with key for user and has not expired
 * at now; -1 otherwise. The MAC is compared in constant time.
 */
int csrf_check(const unsigned char key[CSRF_KEY_LEN], const char *user,
    const char *token, long long now);

#endif

/* validate.h: pure validators, one per form field, and the host validator. */
#ifndef DDNS_VALIDATE_H
#define DDNS_VALIDATE_H

#include <stddef.h>

#include "err.h"
#include "host.h"
#include "providers.h"


/*
 * A field validator: canonicalise in into out (outsz bytes) and return 0,
 * or return -1 with e (which may be NULL) filled as err.h says: code
 * DD_EINVAL and a message (msg.h) for the person who typed it. No I/O, no
 * globals. Empty input is the caller's business (required or optional).
 */
typedef int (*val_fn)(const char *in, char *out, size_t outsz,
    struct dd_err *e);

/* val_hostname: RFC 1123 name of two labels or more, lowercased, one
 * trailing dot dropped; an internationalised name is refused with its
 * ASCII (xn--) form named in the message. Also used for MX and zone. */
int val_hostname(const char *, char *, size_t, struct dd_err *);

/* val_description: up to 200 characters of UTF-8, no control characters,
 * nothing invisible or direction-changing (U+202E, U+200B, ...). */
int val_description(const char *, char *, size_t, struct dd_err *);

/* val_login: up to 128 bytes of UTF-8, nothing ddclient's config cannot
 * carry (control characters, '#', "password...="), nothing invisible or
 * direction-changing. */
int val_login(const char *, char *, size_t, struct dd_err *);

/* val_password: up to 256 bytes of UTF-8 without control characters. */
int val_password(const char *, char *, size_t, struct dd_err *);

/* val_server: a host name or IPv4 address, optionally :port (1-65535). */
int val_server(const char *, char *, size_t, struct dd_err *);

/* val_protocol: one of the ddclient protocols offered with Custom. */
int val_protocol(const char *, char *, size_t, struct dd_err *);

/* val_tsig_name: a TSIG key name ([A-Za-z0-9._-], at most 100). */
int val_tsig_name(const char *, char *, size_t, struct dd_err *);

/* val_tsig_secret: a TSIG secret in base64, 16 to 256 characters. */
int val_tsig_secret(const char *, char *, size_t, struct dd_err *);

/* val_algorithm: one of the TSIG algorithms of val_algorithm_at. */
int val_algorithm(const char *, char *, size_t, struct dd_err *);

/* val_algorithm_count / val_algorithm_at: the TSIG algorithms offered, the
 * default first. */
size_t val_algorithm_count(void);
const char *val_algorithm_at(size_t i);

/* val_family: ipv4, ipv6 or dual. */
int val_family(const char *, char *, size_t, struct dd_err *);


/* val_flag: a ticked checkbox ("yes", or "on"), canonical "yes". */
int val_flag(const char *, char *, size_t, struct dd_err *);

/* val_source: a source name (source.h); whether the module configuration
 * defines it is the caller's business (vet.c, the form). Empty: the
 * default source. */
int val_source(const char *, char *, size_t, struct dd_err *);

/* val_provider: the id of a provider of providers.c. */
int val_provider(const char *, char *, size_t, struct dd_err *);

/* val_field_accepted: the provider flags that let field f be given. */
unsigned val_field_accepted(enum hfield f);

/* val_field_tsig: does field f hold part of the TSIG key (it has a
 * validator of its own for PF_TSIG)? */
int val_field_tsig(enum hfield f);

/* val_field_fn: the validator of field f (its row in host.h). */
val_fn val_field_fn(enum hfield f);

/*
 * val_host: validate the submitted form values in[HF__MAX] (NULL or ""
 * for absent) into out. old is the stored row when modifying, NULL when
 * creating. An empty password then keeps old's only if it goes where it
 * went: the same provider, protocol, server and zone, compared canonical
 * (for a TSIG key, everything but the description the same); otherwise
 * the password is refused, asking for it again. A login that the
 * protocol sends as HTTP Basic authentication cannot hold ':'. For each
 * bad field, why[f] gets its message (DD_EINVAL, the field, a key of
 * msg.h); good fields get MSG_none and msg "". Returns the number of bad
 * fields.
 * out->id, enabled and times are copied from old (or zero). ver is the
 * ddclient the configuration is written for: a provider it cannot serve,
 * or a family it cannot update for it, is refused beside the field. An
 * empty family is ipv4.
 */
int val_host(const char *const in[HF__MAX], const struct host *old,
    enum ddv ver, struct host *out, struct dd_err why[HF__MAX]);

/*
 * val_stored: check a row read from the database as the form would have
 * checked it (the database belongs to the web server's user, so the root
 * side treats it as web input). out gets the canonical row, why[f] the
 * reasons; a value that the form would have spelt otherwise, or an
 * enabled flag other than 0 or 1, is refused too. Returns the number of
 * bad fields: 0 means the row may be rendered.
 */
int val_stored(const struct host *row, enum ddv ver, struct host *out,
    struct dd_err why[HF__MAX]);

#endif

/*
 * err.h: the one error convention of libddns.
 *
 * A function that can fail returns 0 on success and -1 (or NULL, for one
 * that returns a pointer) on failure, after filling the struct dd_err its
 * caller passed: a code, the form field it concerns (or ""), and a
 * message by key with its parameters (msg.h), which the page shows in its
 * language; msg holds the same in English for logs and stderr. The
 * caller may pass NULL when it only needs the -1. The I/O layer and the
 * field validators (validate.h) both follow it: a refused value is
 * DD_EINVAL with the message shown beside the field. Write
 * `return dd_fail(e, code, field, MSG_key, params...)`; no macro hides a
 * return, and no format ever comes from data. A fault that only the
 * system can word (a path and strerror, a database's own error) is
 * dd_failf's: a printf sentence in English, shown on a page as the
 * parameter of MSG_fault. The library never exits; the CGI maps the code
 * to an HTTP status in one place (cgi/http.c).
 */
#ifndef DDNS_ERR_H
#define DDNS_ERR_H

#include "msg.h"

enum dd_code {
	DD_OK = 0,
	DD_EINVAL,	/* a value the user gave is not acceptable; field names it */
	DD_ENOTFOUND,	/* no such row or file */
	DD_EEXIST,	/* a unique value is already taken */
	DD_ECONFLICT,	/* the row changed since the page showed it */
	DD_EBADREQ,	/* the request itself is malformed */
	DD_ETOOBIG,	/* the request body, or a file read whole, is over its cap */
	DD_EFORBIDDEN,	/* token or origin refused */
	DD_EAUTH,	/* no authenticated user */
	DD_EMETHOD,	/* the request's method is not served there */
	DD_EBUSY,	/* the database stayed locked past the busy timeout */
	DD_EDB,		/* the database failed */
	DD_ESYS,	/* a system call failed */
	DD_ECONF,	/* the module configuration is wrong */
	DD_CODE__MAX
};

struct dd_err {
	enum dd_code code;
	char field[32];		/* form field the error concerns, or "" */
	struct dd_msg m;	/* the message, by key (msg.h) */
	char msg[MSG_TEXT_SZ];	/* the same in English, for logs */
};

/*
 * dd_fail: record an error in e (which may be NULL) and return -1, so that
 * callers can write
 *   return dd_fail(e, DD_EINVAL, "hostname", MSG_label_empty);
 * field may be NULL. After id come its parameters, one const char * per
 * letter of msg_params(id) (msg.h); a number goes through msg_num. The
 * macro appends MSG_END, so that a wrong count is caught (msg_set).
 */
int (dd_fail)(struct dd_err *e, enum dd_code code, const char *field,
    enum msg_id id, ...);
#define dd_fail(e, code, field, ...) \
	(dd_fail)(e, code, field, __VA_ARGS__, MSG_END)

/*
 * dd_failf: the same for a fault the system words (a path, strerror, a
 * database's error): fmt is a printf format, a literal; the sentence is
 * in English (msg) and MSG_fault's parameter (cut to fit) on a page.
 */
int dd_failf(struct dd_err *e, enum dd_code code, const char *field,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* dd_copy: e = the message m with code and field; returns -1. */
int dd_copy(struct dd_err *e, enum dd_code code, const char *field,
    const struct dd_msg *m);

/* dd_clear: reset e to "no error". */
void dd_clear(struct dd_err *e);

#endif

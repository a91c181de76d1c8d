/* store.h: the hosts, the pending cache drops and the audit trail, in SQLite. */
#ifndef DDNS_STORE_H
#define DDNS_STORE_H

#include <stddef.h>

#include "err.h"
#include "host.h"

struct store;

/* The schema version this code reads and writes (PRAGMA user_version). */
#define STORE_VERSION 7

/*
 * store_open: open the database at path for reading and writing (the
 * CGI's side), creating it (mode 0600, from the embedded schema.sql) when
 * create is set and it does not exist, and migrating an older schema. The
 * file and its journal must pass file_open_safe; every connection, this
 * one and store_open_readonly's, runs with SQLITE_DBCONFIG_DEFENSIVE and
 * trusted_schema off. Returns a handle to free with store_close, or NULL
 * with e set.
 */
struct store *store_open(const char *path, int create, struct dd_err *e);

/*
 * store_open_readonly: open the database at path for reading only, as
 * the root side does (SQLITE_OPEN_READONLY, never through a link, never
 * created or migrated): the file and its journal must pass
 * file_open_safe, and its version must be STORE_VERSION. Returns a
 * handle to free with store_close, or NULL with e set (DD_EDB).
 */
struct store *store_open_readonly(const char *path, struct dd_err *e);

/* store_close: close the database; NULL is fine. */
void store_close(struct store *s);

/*
 * store_snapshot: the reads until store_snapshot_end see one state of the
 * database (a read transaction, with one lock taken and SQLite's page
 * cache kept between them): a page's counts and rows agree. Returns 0, or
 * -1 with e set.
 */
int store_snapshot(struct store *s, struct dd_err *e);
void store_snapshot_end(struct store *s);

/*
 * store_list: all hosts ordered by hostname into a malloc'd array *rows of
 * *n entries (the caller frees *rows). Returns 0, or -1 with e set.
 */
int store_list(struct store *s, struct host **rows, size_t *n,
    struct dd_err *e);

/*
 * store_related: the hosts whose hostname is one of names[0..nn) (in any
 * case: the column's collation) or whose provider is one of provs[0..np),
 * ordered as store_list orders them, into a malloc'd *rows of *n (the
 * caller frees). At most 128 names and providers in all. What a page
 * needs to judge its rows as ddns-apply judges them among all the others
 * (apply_vet): the rows of the same hostname, and those of the same
 * one-account protocol. Returns 0, or -1 with e set.
 */
int store_related(struct store *s, const char *const *names, size_t nn,
    const char *const *provs, size_t np, struct host **rows, size_t *n,
    struct dd_err *e);

/*
 * store_each: call fn(id, hostname, enabled, arg) for each host, ordered
 * by hostname, whose hostname or description holds q (NULL or "": every
 * host; q's % and _ are taken literally). Reads three columns only, so a
 * page can rank 10,000 hosts cheaply. fn returns 0, or -1 to stop (out of
 * memory). Returns 0, or -1 with e set.
 */
int store_each(struct store *s, const char *q,
    int (*fn)(long long id, const char *hostname, int enabled, void *arg),
    void *arg, struct dd_err *e);

/*
 * store_data_mark: into *mark, a number that changes with every write to
 * the database file, by this module or any other program: SQLite's file
 * change counter (header bytes 24..27, bumped by every commit of a
 * rollback journal) with the file's size. What a cache of facts drawn
 * from all the rows is keyed by (facts.h). Call it inside a snapshot.
 * Returns 0, or -1 with e set.
 */
int store_data_mark(struct store *s, unsigned long long *mark,
    struct dd_err *e);

/* store_get: the host with this id into *h. -1 with DD_ENOTFOUND if none. */
int store_get(struct store *s, long long id, struct host *h,
    struct dd_err *e);

/*
 * store_get_ids: the hosts with the n ids into h[0..n-1], in that order,
 * through one prepared statement (a page of the list). -1 with
 * DD_ENOTFOUND naming the first id that has no row.
 */
int store_get_ids(struct store *s, const long long *ids, size_t n,
    struct host *h, struct dd_err *e);

/*
 * store_save: insert h (h->id == 0; h->id and h->version are set on
 * return) or update the row h->id, in one transaction with its audit
 * entry and, when ddclient must resend, its pending entries. user is who
 * did it. A hostname taken by another row fails with DD_EEXIST on field
 * "hostname". An update must name the version it was read at
 * (h->version): a row changed since fails with DD_ECONFLICT and nothing
 * is written; on success h->version is the new one.
 */
int store_save(struct store *s, struct host *h, const char *user,
    struct dd_err *e);

/*
 * store_import: insert the n hosts at h (ids 0; each gets its id) in one
 * transaction, audited as created ("imported" in the detail), none queued
 * for a cache drop: ddclient already sends them so. A hostname already
 * taken fails the whole with DD_EEXIST naming it, and nothing is stored.
 */
int store_import(struct store *s, struct host *h, size_t n, const char *user,
    struct dd_err *e);

/* store_delete: remove row id (DD_ENOTFOUND if none), audited, pending,
 * if it is still at version (DD_ECONFLICT if it changed since; a version
 * below 1 is DD_EBADREQ). */
int store_delete(struct store *s, long long id, long long version,
    const char *user, struct dd_err *e);

/* store_set_enabled: enable (1) or disable (0) row id, audited; it is a
 * change, so the row's version is bumped. */
int store_set_enabled(struct store *s, long long id, int on, const char *user,
    struct dd_err *e);

/* store_mark_update: queue row id for an immediate update, audited. */
int store_mark_update(struct store *s, long long id, const char *user,
    struct dd_err *e);

/*
 * store_pending: the queued hostnames into a malloc'd array of malloc'd
 * strings (free with store_free_names). Rows that hold no text (NULL, a
 * number, a blob) are skipped. Returns 0, or -1 with e set.
 */
int store_pending(struct store *s, char ***names, size_t *n, struct dd_err *e);

/*
 * store_change_mark: into *mark, the id of the newest audit row. Every
 * change writes one in its transaction (and trimming keeps the newest),
 * so the same mark read later means that nothing changed in between.
 * Returns 0, or -1 with e set.
 */
int store_change_mark(struct store *s, long long *mark, struct dd_err *e);

/*
 * store_pending_done: unqueue these names, read by store_pending together
 * with mark (store_change_mark) before an apply that dropped their cache
 * entries. In one transaction, and only if the mark is unchanged: a change
 * since may have queued one of them again after apply read the database,
 * and they then stay queued for that change's apply. Returns 0 (also when
 * it kept them), or -1 with e set.
 */
int store_pending_done(struct store *s, char *const *names, size_t n,
    long long mark, struct dd_err *e);

/* store_free_names: free what store_pending returned. */
void store_free_names(char **names, size_t n);

/* Room for "<field> changed, " for every host field, and the words of
 * the secrets (store.c, secrets[]). */
#define AUDIT_DETAIL_SZ	(HF__MAX * 32)

struct audit_row {
	long long	 id;
	long long	 at;
	char		 user[64];
	char		 action[12];
	char		 hostname[HOSTNAME_SZ];
	char		 detail[AUDIT_DETAIL_SZ];
};

/*
 * store_audit: up to limit audit rows, newest first, skipping offset, into
 * a malloc'd *rows (caller frees); *more is set if older rows remain.
 */
int store_audit(struct store *s, size_t offset, size_t limit,
    struct audit_row **rows, size_t *n, int *more, struct dd_err *e);

/*
 * store_audit_host: the same for the rows naming hostname only (the
 * host page's timeline: a renamed host's older rows name its old name),
 * the newest limit of them.
 */
int store_audit_host(struct store *s, const char *hostname, size_t limit,
    struct audit_row **rows, size_t *n, int *more, struct dd_err *e);

/* store_audit_trim: keep only the newest keep (at least 1) audit rows. */
int store_audit_trim(struct store *s, long long keep, struct dd_err *e);

#endif

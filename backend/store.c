/* store.c: SQLite storage: prepared statements, transactions, audit. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fileio.h"
#include "store.h"

extern const char store_schema_sql[];	/* schema.sql, built into schema.c */

struct store {
	sqlite3	*db;
};

/* The text columns in enum hfield order (host.h), then the rest; the
 * parameters of INSERT and UPDATE follow the same order. */
#define HOST_COLS HOST_FIELDS(HOST_COL) "enabled, created, updated"
#define SELECT_HOST "SELECT id, " HOST_COLS ", version FROM hosts "
#define INSERT_HOST "INSERT INTO hosts (" HOST_COLS ") VALUES (" \
	HOST_FIELDS(HOST_PARAM) "?, ?, ?)"
#define UPDATE_HOST "UPDATE hosts SET " HOST_FIELDS(HOST_SET) \
	"updated = ?, version = version + 1 WHERE id = ?"

/* The columns of version 5, which migration 5 copies: the host fields of
 * then, not of now. */
#define HOST_COLS_V5 "hostname, description, login, password, mx, " \
	"provider, server, protocol, zone, algorithm, family, wildcard, " \
	"backupmx, enabled, created, updated"

/* Migrations from version i to i + 1, in order. */
static const char *const migrations[] = {
	/* 0 -> 1: the first schema had the hosts table only. */
	NULL,
	/* 1 -> 2: the cache-drop queue and the audit trail. */
	"CREATE TABLE pending (hostname TEXT PRIMARY KEY COLLATE NOCASE);"
	"CREATE TABLE audit (id INTEGER PRIMARY KEY, at INTEGER NOT NULL,"
	" user TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN"
	" ('create', 'modify', 'delete', 'enable', 'disable', 'update')),"
	" hostname TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');"
	"PRAGMA user_version = 2;",
	/* 2 -> 3: the TSIG algorithm of nsupdate hosts; pending names are
	 * never NULL. */
	"ALTER TABLE hosts ADD COLUMN algorithm TEXT NOT NULL DEFAULT ''"
	" CHECK (algorithm NOT GLOB '*[^a-z0-9-]*');"
	"CREATE TABLE pending3 (hostname TEXT PRIMARY KEY NOT NULL"
	" COLLATE NOCASE);"
	"INSERT INTO pending3 SELECT hostname FROM pending"
	" WHERE hostname IS NOT NULL;"
	"DROP TABLE pending;"
	"ALTER TABLE pending3 RENAME TO pending;"
	"PRAGMA user_version = 3;",
	/* 3 -> 4: the address families of a host, and the dyndns options. */
	"ALTER TABLE hosts ADD COLUMN family TEXT NOT NULL DEFAULT 'ipv4'"
	" CHECK (family IN ('ipv4', 'ipv6', 'dual'));"
	"ALTER TABLE hosts ADD COLUMN wildcard TEXT NOT NULL DEFAULT ''"
	" CHECK (wildcard IN ('', 'yes'));"
	"ALTER TABLE hosts ADD COLUMN backupmx TEXT NOT NULL DEFAULT ''"
	" CHECK (backupmx IN ('', 'yes'));"
	"PRAGMA user_version = 4;",
	/* 4 -> 5: ids are never given again (AUTOINCREMENT, which only a new
	 * table can have), and every row has a version that each change
	 * bumps. The table is schema.sql's, without its comments. */
	"CREATE TABLE hosts5 (id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" hostname TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK"
	" (length(hostname) BETWEEN 3 AND 253 AND hostname ="
	" lower(hostname) AND hostname NOT GLOB '*[^a-z0-9.-]*' AND"
	" hostname GLOB '[a-z0-9]*.*[a-z0-9]' AND hostname NOT GLOB"
	" '*..*'), description TEXT NOT NULL DEFAULT '' CHECK"
	" (length(description) <= 200), login TEXT NOT NULL DEFAULT ''"
	" CHECK (length(CAST(login AS BLOB)) <= 128 AND instr(login,"
	" '#') = 0), password TEXT NOT NULL DEFAULT '' CHECK"
	" (length(CAST(password AS BLOB)) <= 256), mx TEXT NOT NULL"
	" DEFAULT '' CHECK (mx = '' OR (mx = lower(mx) AND mx NOT GLOB"
	" '*[^a-z0-9.-]*' AND mx GLOB '*.*')), provider TEXT NOT NULL"
	" CHECK (provider GLOB '[a-z]*' AND provider NOT GLOB"
	" '*[^a-z0-9]*'), server TEXT NOT NULL DEFAULT '' CHECK"
	" (server NOT GLOB '*[^a-z0-9.:-]*'), protocol TEXT NOT NULL"
	" DEFAULT '' CHECK (protocol NOT GLOB '*[^a-z0-9]*'), zone"
	" TEXT NOT NULL DEFAULT '' CHECK (zone NOT GLOB"
	" '*[^a-z0-9.-]*'), enabled INTEGER NOT NULL DEFAULT 1 CHECK"
	" (enabled IN (0, 1)), created INTEGER NOT NULL, updated"
	" INTEGER NOT NULL, algorithm TEXT NOT NULL DEFAULT '' CHECK"
	" (algorithm NOT GLOB '*[^a-z0-9-]*'), family TEXT NOT NULL"
	" DEFAULT 'ipv4' CHECK (family IN ('ipv4', 'ipv6', 'dual')),"
	" wildcard TEXT NOT NULL DEFAULT '' CHECK (wildcard IN ('',"
	" 'yes')), backupmx TEXT NOT NULL DEFAULT '' CHECK (backupmx"
	" IN ('', 'yes')), version INTEGER NOT NULL DEFAULT 1 CHECK"
	" (version >= 1), CHECK (provider <> 'custom' OR (server <> ''"
	" AND protocol <> '')), CHECK (hostname || description ||"
	" login || password || mx || server || protocol || zone NOT"
	" GLOB ('*[' || char(1) || '-' || char(31) || char(127) ||"
	" ']*')));"
	"INSERT INTO hosts5 (id, " HOST_COLS_V5 ") SELECT id, " HOST_COLS_V5
	" FROM hosts;"
	"DROP TABLE hosts;"
	"ALTER TABLE hosts5 RENAME TO hosts;"
	"PRAGMA user_version = 5;",
	/* 5 -> 6: the list reads every host's name, id and state from one
	 * index, without a visit to its row (schema.sql, hosts_list). */
	"CREATE INDEX hosts_list ON hosts (hostname, id, enabled);"
	"PRAGMA user_version = 6;",
	/* 6 -> 7: the address source a host follows (issue 21), by name;
	 * '' is the module configuration's default. */
	"ALTER TABLE hosts ADD COLUMN source TEXT NOT NULL DEFAULT ''"
	" CHECK (length(source) <= 15 AND source NOT GLOB '*[^a-z0-9_-]*');"
	"PRAGMA user_version = 7;",
};
_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == STORE_VERSION,
    "one migration per schema version");

/* db_fail: the database's error, said as what (a db_* key of msg.h
 * whose parameter is SQLite's own words) unless it is busy or damaged. */
static int
db_fail(struct store *s, struct dd_err *e, enum msg_id what)
{
	int rc = sqlite3_errcode(s->db);

	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return dd_fail(e, DD_EBUSY, NULL, MSG_db_busy);
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return dd_fail(e, DD_EDB, NULL, MSG_db_damaged,
		    sqlite3_db_filename(s->db, "main"), sqlite3_errmsg(s->db));
	return dd_fail(e, DD_EDB, NULL, what, sqlite3_errmsg(s->db));
}

static sqlite3_stmt *
prep(struct store *s, const char *sql, struct dd_err *e)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(s, e, MSG_db_preparing);
		return NULL;
	}
	return st;
}

/* exec: run fixed SQL (no parameters) that returns no rows. */
static int
exec(struct store *s, const char *sql, struct dd_err *e)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, e, MSG_db_updating);
	return 0;
}

static int
begin(struct store *s, struct dd_err *e)
{
	return exec(s, "BEGIN IMMEDIATE", e);
}

static int
finish(struct store *s, int rc, struct dd_err *e)
{
	if (rc == 0 && exec(s, "COMMIT", e) == 0)
		return 0;
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int
store_snapshot(struct store *s, struct dd_err *e)
{
	return exec(s, "BEGIN", e);
}

void
store_snapshot_end(struct store *s)
{
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

static long long
user_version(struct store *s)
{
	sqlite3_stmt *st = prep(s, "PRAGMA user_version", NULL);
	long long v = -1;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Create or migrate inside one write transaction, so that concurrent
 * first requests do it once. A database already at this version (every
 * request but the first) is seen without a write lock: the version only
 * changes inside that transaction, where it is read again. */
static int
schema_init(struct store *s, struct dd_err *e)
{
	char n1[MSG_NUM_SZ], n2[MSG_NUM_SZ];
	long long v;
	int rc = 0;

	if (user_version(s) == STORE_VERSION)
		return 0;
	if (begin(s, e) == -1)
		return -1;
	if ((v = user_version(s)) < 0)
		rc = db_fail(s, e, MSG_db_reading_version);
	else if (v > STORE_VERSION)
		rc = dd_fail(e, DD_EDB, NULL, MSG_db_newer, msg_num(n1, v),
		    msg_num(n2, STORE_VERSION));
	else if (v == 0)
		rc = exec(s, store_schema_sql, e);
	else
		for (; rc == 0 && v < STORE_VERSION; v++)
			rc = exec(s, migrations[v], e);
	return finish(s, rc, e);
}

/* The database and the files SQLite keeps beside it ("" = the file). */
static const char *const companions[] = { "", "-journal", "-wal", "-shm" };

/*
 * check_files: the database and those of its companions that exist must
 * pass file_open_safe. SQLite's NOFOLLOW refuses a symbolic link, but not
 * a hard link, a FIFO or a file of another user, which the web server's
 * user can plant for the root side to read.
 */
static int
check_files(const char *path, struct dd_err *e)
{
	char p[PATH_MAX];
	struct dd_err fe;
	size_t i;
	int fd;

	for (i = 0; i < sizeof(companions) / sizeof(companions[0]); i++) {
		if (snprintf(p, sizeof(p), "%s%s", path, companions[i]) >=
		    (int)sizeof(p))
			return dd_failf(e, DD_EDB, NULL, "path too long: %s", path);
		if ((fd = file_open_safe(p, O_RDONLY, 0, &fe)) != -1) {
			close(fd);
			continue;
		}
		if (fe.code != DD_ENOTFOUND)
			return dd_failf(e, DD_EDB, NULL, "%s", fe.msg);
		if (i == 0)
			return dd_fail(e, DD_EDB, NULL, MSG_db_missing, path);
	}
	return 0;
}

/* sqlite_once: before SQLite starts, tell it this process has one thread
 * and wants no memory statistics: no mutex is taken on every malloc and
 * every step (a tenth of a list page's instructions otherwise); and no
 * page cache allocated ahead in bulk (its 20 slots were touched at once:
 * 15 of a list page's page faults, for a database read 5 pages deep).
 * Later calls are refused by SQLite, harmlessly. */
static void
sqlite_once(void)
{
	static int done;

	if (done++)
		return;
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
}

/* db_connect: open with flags, never through a link, hardened. */
static int
db_connect(struct store *s, const char *path, int flags, struct dd_err *e)
{
	sqlite_once();
	if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOFOLLOW, NULL) !=
	    SQLITE_OK)
		return db_fail(s, e, MSG_db_opening);
	sqlite3_busy_timeout(s->db, 5000);
	sqlite3_extended_result_codes(s->db, 0);
	/* The file is the web server's user's, so its schema is input: no
	 * view or trigger in it may call a function or virtual table not
	 * marked innocuous, and no statement may corrupt the file. */
	if (sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) !=
	    SQLITE_OK)
		return db_fail(s, e, MSG_db_hardening);
	return exec(s, "PRAGMA trusted_schema = OFF", e);
}

static struct store *
store_new(struct dd_err *e)
{
	struct store *s = calloc(1, sizeof(*s));

	if (s == NULL)
		dd_fail(e, DD_ESYS, NULL, MSG_oom);
	return s;
}

struct store *
store_open(const char *path, int create, struct dd_err *e)
{
	struct store *s;
	int fd;

	if ((s = store_new(e)) == NULL)
		return NULL;
	/* Make the file ourselves: sqlite would use 0644 less the umask.
	 * O_EXCL follows no link. */
	if (create && (fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) != -1)
		close(fd);
	if (check_files(path, e) == -1 ||
	    db_connect(s, path, SQLITE_OPEN_READWRITE, e) == -1 ||
	    schema_init(s, e) == -1) {
		store_close(s);
		return NULL;
	}
	return s;
}

/* check_version: the read-only side reads one schema and migrates none. */
static int
check_version(struct store *s, struct dd_err *e)
{
	char n1[MSG_NUM_SZ], n2[MSG_NUM_SZ];
	long long v = user_version(s);

	if (v < 0)
		return db_fail(s, e, MSG_db_reading_version);
	if (v > STORE_VERSION)
		return dd_fail(e, DD_EDB, NULL, MSG_db_newer, msg_num(n1, v),
		    msg_num(n2, STORE_VERSION));
	if (v < STORE_VERSION)
		return dd_fail(e, DD_EDB, NULL, MSG_db_older,
		    sqlite3_db_filename(s->db, "main"), msg_num(n1, v),
		    msg_num(n2, STORE_VERSION));
	return 0;
}

struct store *
store_open_readonly(const char *path, struct dd_err *e)
{
	struct store *s;

	if ((s = store_new(e)) == NULL)
		return NULL;
	if (check_files(path, e) == -1 ||
	    db_connect(s, path, SQLITE_OPEN_READONLY, e) == -1 ||
	    check_version(s, e) == -1) {
		store_close(s);
		return NULL;
	}
	return s;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	sqlite3_close(s->db);
	free(s);
}

/* col_text: column col as text into dst; -1 if it does not fit whole (a
 * NUL inside, or longer than dst): the file is not only the form's. */
static int
col_text(sqlite3_stmt *st, int col, char *dst, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	size_t n = (size_t)sqlite3_column_bytes(st, col), len;

	if (t == NULL) {
		dst[0] = '\0';
		return 0;
	}
	len = strnlen((const char *)t, size);
	if (len == size)	/* cut: the most that fits, as before */
		len = size - 1;
	memcpy(dst, t, len);
	dst[len] = '\0';
	return len != n ? -1 : 0;
}

static void
row_to_host(sqlite3_stmt *st, struct host *h)
{
	size_t size;
	int f;

	memset(h, 0, sizeof(*h));
	h->id = sqlite3_column_int64(st, 0);
	for (f = 0; f < HF__MAX; f++) {
		char *dst = host_field(h, f, &size);
		if (col_text(st, 1 + f, dst, size) == -1)
			h->damaged |= 1u << f;
	}
	h->enabled = sqlite3_column_int(st, HF__MAX + 1);
	h->created = sqlite3_column_int64(st, HF__MAX + 2);
	h->updated = sqlite3_column_int64(st, HF__MAX + 3);
	h->version = sqlite3_column_int64(st, HF__MAX + 4);
}

/* rows_of: step st (prepared and bound) to its end into a malloc'd
 * *rows of *n hosts, and finalize it. Returns 0, or -1 with e set. */
static int
rows_of(struct store *s, sqlite3_stmt *st, struct host **rows, size_t *n,
    struct dd_err *e)
{
	struct host *r = NULL, *tmp;
	size_t cnt = 0, cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cnt == cap) {
			cap = cap ? cap * 2 : 16;
			if ((tmp = realloc(r, cap * sizeof(*r))) == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			r = tmp;
		}
		row_to_host(st, &r[cnt++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(r);
		return rc == SQLITE_NOMEM ? dd_fail(e, DD_ESYS, NULL,
		    MSG_oom) : db_fail(s, e, MSG_db_reading_hosts);
	}
	*rows = r;
	*n = cnt;
	return 0;
}

int
store_list(struct store *s, struct host **rows, size_t *n, struct dd_err *e)
{
	sqlite3_stmt *st;

	*rows = NULL;
	*n = 0;
	if ((st = prep(s, SELECT_HOST "ORDER BY hostname, id", e)) == NULL)
		return -1;
	return rows_of(s, st, rows, n, e);
}

/* The most names and providers store_related binds (a page's 50 hosts). */
#define RELATED_MAX	128

int
store_related(struct store *s, const char *const *names, size_t nn,
    const char *const *provs, size_t np, struct host **rows, size_t *n,
    struct dd_err *e)
{
	char sql[sizeof(SELECT_HOST) + 64 + RELATED_MAX * 2];
	sqlite3_stmt *st;
	size_t i, o;

	*rows = NULL;
	*n = 0;
	if (nn + np > RELATED_MAX)
		return dd_failf(e, DD_ESYS, NULL, "too many hosts to relate");
	/* Placeholders only: no value is ever part of the SQL text. */
	o = (size_t)snprintf(sql, sizeof(sql), "%s", SELECT_HOST "WHERE "
	    "hostname IN (NULL");
	for (i = 0; i < nn; i++)
		o += (size_t)snprintf(sql + o, sizeof(sql) - o, ",?");
	o += (size_t)snprintf(sql + o, sizeof(sql) - o, ") OR provider IN (NULL");
	for (i = 0; i < np; i++)
		o += (size_t)snprintf(sql + o, sizeof(sql) - o, ",?");
	snprintf(sql + o, sizeof(sql) - o, ") ORDER BY hostname, id");
	if ((st = prep(s, sql, e)) == NULL)
		return -1;
	for (i = 0; i < nn; i++)
		sqlite3_bind_text(st, (int)i + 1, names[i], -1, SQLITE_STATIC);
	for (i = 0; i < np; i++)
		sqlite3_bind_text(st, (int)(nn + i) + 1, provs[i], -1,
		    SQLITE_STATIC);
	return rows_of(s, st, rows, n, e);
}

/* like_pattern: %q% with q's own %, _ and \ escaped by '\'. */
static char *
like_pattern(const char *q)
{
	char *p = malloc(strlen(q) * 2 + 3), *o = p;

	if (p == NULL)
		return NULL;
	*o++ = '%';
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*o++ = '\\';
		*o++ = *q;
	}
	*o++ = '%';
	*o = '\0';
	return p;
}

int
store_each(struct store *s, const char *q,
    int (*fn)(long long id, const char *hostname, int enabled, void *arg),
    void *arg, struct dd_err *e)
{
	sqlite3_stmt *st;
	char *pat = NULL;
	int rc;

	/* Without a search, one pass over the index hosts_list alone. */
	if ((st = prep(s, q == NULL || *q == '\0' ? "SELECT id, hostname, "
	    "enabled FROM hosts ORDER BY hostname, id" :
	    "SELECT id, hostname, enabled FROM hosts WHERE hostname LIKE ?1 "
	    "ESCAPE '\\' OR description LIKE ?1 ESCAPE '\\' ORDER BY hostname, "
	    "id", e)) == NULL)
		return -1;
	if (q != NULL && *q != '\0') {
		if ((pat = like_pattern(q)) == NULL) {
			sqlite3_finalize(st);
			return dd_fail(e, DD_ESYS, NULL, MSG_oom);
		}
		sqlite3_bind_text(st, 1, pat, -1, SQLITE_STATIC);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sqlite3_column_type(st, 1) == SQLITE_TEXT &&
		    fn(sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_int(st, 2), arg) == -1) {
			rc = SQLITE_NOMEM;
			break;
		}
	sqlite3_finalize(st);
	free(pat);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_NOMEM ? dd_fail(e, DD_ESYS, NULL,
		    MSG_oom) : db_fail(s, e, MSG_db_reading_hosts);
	return 0;
}

int
store_get_ids(struct store *s, const long long *ids, size_t n, struct host *h,
    struct dd_err *e)
{
	char num[MSG_NUM_SZ];
	sqlite3_stmt *st;
	size_t i;
	int rc = SQLITE_ROW;

	if ((st = prep(s, SELECT_HOST "WHERE id = ?1", e)) == NULL)
		return -1;
	for (i = 0; i < n && rc == SQLITE_ROW; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			row_to_host(st, &h[i]);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return dd_fail(e, DD_ENOTFOUND, NULL, MSG_host_gone,
		    msg_num(num, ids[i - 1]));
	return db_fail(s, e, MSG_db_reading_host);
}

int
store_get(struct store *s, long long id, struct host *h, struct dd_err *e)
{
	return store_get_ids(s, &id, 1, h, e);
}

/* run: step a prepared statement that returns no row, then finalize it. */
static int
run(struct store *s, sqlite3_stmt *st, struct dd_err *e)
{
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(s, e, MSG_db_writing);
}

static int
audit(struct store *s, const char *user, const char *action,
    const char *hostname, const char *detail, struct dd_err *e)
{
	sqlite3_stmt *st = prep(s, "INSERT INTO audit (at, user, action, "
	    "hostname, detail) VALUES (?1, ?2, ?3, ?4, ?5)", e);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)time(NULL));
	sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, hostname, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, detail, -1, SQLITE_STATIC);
	return run(s, st, e);
}

static int
enqueue(struct store *s, const char *hostname, struct dd_err *e)
{
	sqlite3_stmt *st = prep(s, "INSERT OR IGNORE INTO pending (hostname) "
	    "VALUES (?1)", e);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, hostname, -1, SQLITE_STATIC);
	return run(s, st, e);
}

static int
hostname_taken(struct store *s, const struct host *h, struct dd_err *e)
{
	sqlite3_stmt *st = prep(s, "SELECT 1 FROM hosts WHERE hostname = ?1 "
	    "AND id <> ?2", e);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, h->hostname, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, h->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return dd_fail(e, DD_EEXIST, "hostname", MSG_host_exists,
		    h->hostname);
	return rc == SQLITE_DONE ? 0 : db_fail(s, e, MSG_db_checking_hostname);
}

/* Fields whose change makes ddclient resend (its cache does not see it). */
static const unsigned char resend[] = {
#define RESEND(e, n, size, fn, tsig, req, acc, again, ...) [HF_##e] = again,
	HOST_FIELDS(RESEND)
#undef RESEND
};
_Static_assert(sizeof(resend) == HF__MAX, "one resend flag per field");

/*
 * The secrets among the fields: a Modify's audit entry says of each
 * whether it was kept or changed (issue 18: a secret is bound to where
 * it goes, and History shows when it was given again), after the fields
 * that changed. The words are the trail's; page_history.c names them.
 */
static const struct secret {
	enum hfield	 f;
	const char	*kept, *changed;
} secrets[] = {
	{ HF_PASSWORD, "password kept", "password changed" },
};
#define NSECRETS (sizeof(secrets) / sizeof(secrets[0]))

/* secret_of: the row of secrets[] for field f, or NULL. */
static const struct secret *
secret_of(int f)
{
	size_t i;

	for (i = 0; i < NSECRETS; i++)
		if ((int)secrets[i].f == f)
			return &secrets[i];
	return NULL;
}

/* append: word (and suffix) at detail + len, after ", " unless first;
 * returns the new length, never past sz. */
static size_t
append(char *detail, size_t sz, size_t len, const char *word,
    const char *suffix)
{
	int n;

	if (len >= sz)
		return len;
	n = snprintf(detail + len, sz - len, "%s%s%s", len ? ", " : "", word,
	    suffix);
	return n < 0 || (size_t)n >= sz - len ? sz : len + (size_t)n;
}

/*
 * Describe what changed from old to new in detail ("login changed,
 * password kept"; "password changed"; "nothing changed, password
 * kept"); return 1 if ddclient must resend. Values are never written,
 * only field names and secrets[]' words; a secret empty before and
 * after gets no word.
 */
static int
diff(const struct host *old, const struct host *new, char *detail, size_t sz)
{
	struct host *o = (struct host *)old, *n = (struct host *)new;
	const char *was, *now;
	size_t len = 0, i;
	int f, must = 0, any = 0;

	detail[0] = '\0';
	for (f = 0; f < HF__MAX; f++) {
		if (strcmp(host_field(o, f, NULL), host_field(n, f, NULL)) == 0)
			continue;
		must |= resend[f];
		any = 1;
		if (secret_of(f) == NULL)
			len = append(detail, sz, len, host_field_name(f),
			    " changed");
	}
	if (!any)
		len = append(detail, sz, len, "nothing changed", "");
	for (i = 0; i < NSECRETS; i++) {
		was = host_field(o, secrets[i].f, NULL);
		now = host_field(n, secrets[i].f, NULL);
		if (*was != '\0' || *now != '\0')
			len = append(detail, sz, len, strcmp(was, now) == 0 ?
			    secrets[i].kept : secrets[i].changed, "");
	}
	return must;
}

/* bind_fields: the text fields of h as parameters 1..HF__MAX. */
static void
bind_fields(sqlite3_stmt *st, struct host *h)
{
	int f;

	for (f = 0; f < HF__MAX; f++)
		sqlite3_bind_text(st, 1 + f, host_field(h, f, NULL), -1,
		    SQLITE_STATIC);
}

static int
insert_row(struct store *s, struct host *h, const char *user,
    const char *detail, int pend, struct dd_err *e)
{
	sqlite3_stmt *st = prep(s, INSERT_HOST, e);

	if (st == NULL)
		return -1;
	h->created = h->updated = (long long)time(NULL);
	bind_fields(st, h);
	sqlite3_bind_int(st, HF__MAX + 1, h->enabled);
	sqlite3_bind_int64(st, HF__MAX + 2, h->created);
	sqlite3_bind_int64(st, HF__MAX + 3, h->updated);
	if (run(s, st, e) == -1)
		return -1;
	h->id = sqlite3_last_insert_rowid(s->db);
	h->version = 1;		/* the column's default */
	if (audit(s, user, "create", h->hostname, detail, e) == -1)
		return -1;
	return pend ? enqueue(s, h->hostname, e) : 0;
}

static int
insert(struct store *s, struct host *h, const char *user, struct dd_err *e)
{
	return insert_row(s, h, user, "", 1, e);
}

/* stale: the row changed since the page that sent the request showed it. */
static int
stale(struct dd_err *e, const struct host *now)
{
	char num[MSG_NUM_SZ];

	return dd_fail(e, DD_ECONFLICT, NULL, MSG_host_changed, now->hostname,
	    msg_num(num, now->version));
}

static int
update(struct store *s, struct host *h, const char *user, struct dd_err *e)
{
	struct host old;
	char detail[AUDIT_DETAIL_SZ];
	sqlite3_stmt *st;

	if (store_get(s, h->id, &old, e) == -1)
		return -1;
	if (old.version != h->version)
		return stale(e, &old);
	if ((st = prep(s, UPDATE_HOST, e)) == NULL)
		return -1;
	h->updated = (long long)time(NULL);
	bind_fields(st, h);
	sqlite3_bind_int64(st, HF__MAX + 1, h->updated);
	sqlite3_bind_int64(st, HF__MAX + 2, h->id);
	if (run(s, st, e) == -1)
		return -1;
	h->version = old.version + 1;
	if (diff(&old, h, detail, sizeof(detail)) &&
	    (enqueue(s, old.hostname, e) == -1 || enqueue(s, h->hostname, e) == -1))
		return -1;
	return audit(s, user, "modify", h->hostname, detail, e);
}

int
store_save(struct store *s, struct host *h, const char *user,
    struct dd_err *e)
{
	int rc;

	if (begin(s, e) == -1)
		return -1;
	rc = hostname_taken(s, h, e);
	if (rc == 0)
		rc = h->id ? update(s, h, user, e) : insert(s, h, user, e);
	return finish(s, rc, e);
}

int
store_import(struct store *s, struct host *h, size_t n, const char *user,
    struct dd_err *e)
{
	size_t i;
	int rc;

	if (begin(s, e) == -1)
		return -1;
	for (rc = 0, i = 0; rc == 0 && i < n; i++) {
		h[i].id = 0;
		rc = hostname_taken(s, &h[i], e);
		if (rc == 0)
			rc = insert_row(s, &h[i], user, "imported from ddclient's "
			    "configuration", 0, e);
	}
	return finish(s, rc, e);
}

/*
 * change_row: in one transaction, check that row id exists (DD_ENOTFOUND
 * if not) and, when version is not 0, that it is still at that version
 * (DD_ECONFLICT if not), run sql on it unless sql is NULL (?1 = id,
 * ?2 = now, ?3 = arg),
 * record action in the audit trail, and queue the hostname for a cache
 * drop when pend is set. The shape of every per-host button.
 */
static int
change_row(struct store *s, long long id, long long version,
    const char *sql, int arg, const char *action, int pend, const char *user,
    struct dd_err *e)
{
	struct host h;
	sqlite3_stmt *st;
	int rc;

	if (begin(s, e) == -1)
		return -1;
	rc = store_get(s, id, &h, e);
	if (rc == 0 && version != 0 && h.version != version)
		rc = stale(e, &h);
	if (rc == 0 && sql != NULL) {
		if ((st = prep(s, sql, e)) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			if (sqlite3_bind_parameter_count(st) >= 3) {
				sqlite3_bind_int64(st, 2,
				    (sqlite3_int64)time(NULL));
				sqlite3_bind_int(st, 3, arg);
			}
		}
		rc = run(s, st, e);
	}
	if (rc == 0)
		rc = audit(s, user, action, h.hostname, "", e);
	if (rc == 0 && pend)
		rc = enqueue(s, h.hostname, e);
	return finish(s, rc, e);
}

int
store_delete(struct store *s, long long id, long long version,
    const char *user, struct dd_err *e)
{
	if (version < 1)
		return dd_fail(e, DD_EBADREQ, "version", MSG_no_version);
	return change_row(s, id, version, "DELETE FROM hosts WHERE id = ?1", 0,
	    "delete", 1, user, e);
}

int
store_set_enabled(struct store *s, long long id, int on, const char *user,
    struct dd_err *e)
{
	return change_row(s, id, 0, "UPDATE hosts SET updated = ?2, enabled = ?3, "
	    "version = version + 1 WHERE id = ?1", on != 0, on ? "enable" : "disable", 0, user, e);
}

int
store_mark_update(struct store *s, long long id, const char *user,
    struct dd_err *e)
{
	return change_row(s, id, 0, NULL, 0, "update", 1, user, e);
}

int
store_data_mark(struct store *s, unsigned long long *mark, struct dd_err *e)
{
	sqlite3_file *f = NULL;
	sqlite3_int64 size = 0;
	unsigned char b[4];

	if (sqlite3_file_control(s->db, "main", SQLITE_FCNTL_FILE_POINTER,
	    &f) != SQLITE_OK || f == NULL || f->pMethods == NULL ||
	    f->pMethods->xRead(f, b, 4, 24) != SQLITE_OK ||
	    f->pMethods->xFileSize(f, &size) != SQLITE_OK)
		return dd_failf(e, DD_EDB, NULL, "%s",
		    "the database's change counter cannot be read");
	*mark = ((unsigned long long)size << 32) ^ ((unsigned long long)b[0] <<
	    24 | (unsigned long long)b[1] << 16 | (unsigned long long)b[2] << 8 |
	    b[3]);
	return 0;
}

int
store_pending(struct store *s, char ***names, size_t *n, struct dd_err *e)
{
	const unsigned char *t;
	sqlite3_stmt *st;
	char **v = NULL, **tmp = NULL;
	size_t cnt = 0;
	int rc;

	*names = NULL;
	*n = 0;
	if ((st = prep(s, "SELECT hostname FROM pending ORDER BY hostname",
	    e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* The file is input: a NULL, number or blob names no host. */
		if (sqlite3_column_type(st, 0) != SQLITE_TEXT)
			continue;
		if ((t = sqlite3_column_text(st, 0)) == NULL ||
		    (tmp = realloc(v, (cnt + 1) * sizeof(*v))) == NULL ||
		    (tmp[cnt] = strdup((const char *)t)) == NULL) {
			v = tmp ? tmp : v;
			rc = SQLITE_NOMEM;
			break;
		}
		v = tmp;
		cnt++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_free_names(v, cnt);
		return db_fail(s, e, MSG_db_reading_pending);
	}
	*names = v;
	*n = cnt;
	return 0;
}

int
store_change_mark(struct store *s, long long *mark, struct dd_err *e)
{
	sqlite3_stmt *st = prep(s, "SELECT coalesce(max(id), 0) FROM audit", e);
	int rc;

	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*mark = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_fail(s, e, MSG_db_reading_history);
}

int
store_pending_done(struct store *s, char *const *names, size_t n,
    long long mark, struct dd_err *e)
{
	sqlite3_stmt *st;
	long long now;
	size_t i;
	int rc;

	if (begin(s, e) == -1)
		return -1;
	/* A change since mark may have queued one of these names again
	 * (INSERT OR IGNORE keeps one row) after apply read the database:
	 * then keep them all, for the apply of that change. */
	rc = store_change_mark(s, &now, e);
	for (i = 0; rc == 0 && now == mark && i < n; i++) {
		st = prep(s, "DELETE FROM pending WHERE hostname = ?1", e);
		if (st != NULL)
			sqlite3_bind_text(st, 1, names[i], -1, SQLITE_STATIC);
		rc = run(s, st, e);
	}
	return finish(s, rc, e);
}

void
store_free_names(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* audit_rows: up to limit rows of st (bound, its columns store_audit's)
 * into a malloc'd *rows; *more if a row was left. Finalizes st. */
static int
audit_rows(struct store *s, sqlite3_stmt *st, size_t limit,
    struct audit_row **rows, size_t *n, int *more, struct dd_err *e)
{
	struct audit_row *r;
	size_t cnt = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	*more = 0;
	if ((r = calloc(limit + 1, sizeof(*r))) == NULL) {
		sqlite3_finalize(st);
		return dd_fail(e, DD_ESYS, NULL, MSG_oom);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && cnt <= limit) {
		r[cnt].id = sqlite3_column_int64(st, 0);
		r[cnt].at = sqlite3_column_int64(st, 1);
		col_text(st, 2, r[cnt].user, sizeof(r[cnt].user));
		col_text(st, 3, r[cnt].action, sizeof(r[cnt].action));
		col_text(st, 4, r[cnt].hostname, sizeof(r[cnt].hostname));
		col_text(st, 5, r[cnt].detail, sizeof(r[cnt].detail));
		cnt++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		free(r);
		return db_fail(s, e, MSG_db_reading_history);
	}
	*more = cnt > limit;
	*n = *more ? limit : cnt;
	*rows = r;
	return 0;
}

int
store_audit(struct store *s, size_t offset, size_t limit,
    struct audit_row **rows, size_t *n, int *more, struct dd_err *e)
{
	sqlite3_stmt *st;

	*rows = NULL;
	*n = 0;
	*more = 0;
	if ((st = prep(s, "SELECT id, at, user, action, hostname, detail FROM "
	    "audit ORDER BY id DESC LIMIT ?1 OFFSET ?2", e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)limit + 1);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)offset);
	return audit_rows(s, st, limit, rows, n, more, e);
}

int
store_audit_host(struct store *s, const char *hostname, size_t limit,
    struct audit_row **rows, size_t *n, int *more, struct dd_err *e)
{
	sqlite3_stmt *st;

	*rows = NULL;
	*n = 0;
	*more = 0;
	if ((st = prep(s, "SELECT id, at, user, action, hostname, detail FROM "
	    "audit WHERE hostname = ?2 ORDER BY id DESC LIMIT ?1", e)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)limit + 1);
	sqlite3_bind_text(st, 2, hostname, -1, SQLITE_STATIC);
	return audit_rows(s, st, limit, rows, n, more, e);
}

int
store_audit_trim(struct store *s, long long keep, struct dd_err *e)
{
	sqlite3_stmt *st = prep(s, "DELETE FROM audit WHERE id <= (SELECT id "
	    "FROM audit ORDER BY id DESC LIMIT 1 OFFSET ?1)", e);

	if (st == NULL)
		return -1;
	/* The newest row stays: store_change_mark relies on it. */
	sqlite3_bind_int64(st, 1, keep < 1 ? 1 : keep);
	return run(s, st, e);
}

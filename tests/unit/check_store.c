/* check_store.c: the SQLite store: creation, migration, CRUD, the pending
 * queue, the audit trail and the schema's own CHECK constraints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <check.h>
#include <sqlite3.h>

#include "store.h"
#include "validate.h"
#include "testutil.h"

static char dir[TU_PATH_SZ], dbpath[TU_PATH_SZ];

static void
setup(void)
{
	tu_tmpdir(dir);
	tu_path(dbpath, dir, "ddns.db");
}

static void
teardown(void)
{
	tu_rmrf(dir);
}

/* sql: run SQL on the file at path with plain sqlite3; the result code. */
static int
sql(const char *path, const char *text)
{
	sqlite3 *db;
	int rc;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	rc = sqlite3_exec(db, text, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* sql_int: the first column of the first row of a query, as an integer. */
static long long
sql_int(const char *path, const char *query)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, query, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static char *
schema_text(void)
{
	char *s = tu_read(SRCDIR "/schema.sql", NULL);

	ck_assert_msg(s != NULL, "cannot read " SRCDIR "/schema.sql");
	return s;
}

/* The schema of version 2, as the last release made it (a fixture). */
static char *
schema_v2_text(void)
{
	char *s = tu_read(SRCDIR "/tests/unit/data/schema-v2.sql", NULL);

	ck_assert_msg(s != NULL, "cannot read schema-v2.sql");
	return s;
}

/* shape: the tables, their columns (name, type, NOT NULL, default, key)
 * and indexes of the database at path, as one text to compare. */
static void
shape(const char *path, char *out, size_t sz)
{
	static const char q[] = "SELECT m.name, p.name, p.type, p.\"notnull\", "
	    "ifnull(p.dflt_value, '-'), p.pk FROM sqlite_master m, "
	    "pragma_table_info(m.name) p WHERE m.type = 'table' UNION ALL "
	    "SELECT m.name, i.name, i.\"unique\", i.origin, '', '' FROM "
	    "sqlite_master m, pragma_index_list(m.name) i WHERE m.type = "
	    "'table' ORDER BY 1, 2";
	sqlite3 *db;
	sqlite3_stmt *st;
	size_t len = 0;
	int c;

	out[0] = '\0';
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && len < sz)
		for (c = 0; c < 6 && len < sz; c++)
			len += (size_t)snprintf(out + len, sz - len, "%s%s",
			    (const char *)sqlite3_column_text(st, c),
			    c == 5 ? "\n" : "|");
	sqlite3_finalize(st);
	sqlite3_close(db);
	ck_assert_uint_lt(len, sz);
}

/* table_sql: the CREATE TABLE text of table name at path, without SQL
 * comments, quotes around the name and spacing, to compare what shape()
 * cannot see (CHECKs, AUTOINCREMENT). */
static void
table_sql(const char *path, const char *name, char *out, size_t sz)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	const char *t;
	size_t len = 0;
	int space = 0;

	out[0] = '\0';
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master "
	    "WHERE type = 'table' AND name = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	for (t = (const char *)sqlite3_column_text(st, 0); *t && len + 2 < sz;
	    t++) {
		if (t[0] == '-' && t[1] == '-') {
			t += strcspn(t, "\n");
			if (*t == '\0')
				break;
		}
		if (*t == '"')
			continue;
		if (*t == ' ' || *t == '\t' || *t == '\n') {
			space = 1;
			continue;
		}
		if (space && len > 0 && out[len - 1] != '(' && *t != ')' &&
		    *t != ',')
			out[len++] = ' ';
		space = 0;
		out[len++] = *t;
	}
	out[len] = '\0';
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static struct store *
open_new(void)
{
	struct dd_err e;
	struct store *s = store_open(dbpath, 1, &e);

	ck_assert_msg(s != NULL, "store_open: %s", e.msg);
	return s;
}

static struct host
mkhost(const char *hostname, const char *login, const char *password)
{
	struct host h;

	memset(&h, 0, sizeof(h));
	snprintf(h.hostname, sizeof(h.hostname), "%s", hostname);
	snprintf(h.provider, sizeof(h.provider), "dyn");
	snprintf(h.login, sizeof(h.login), "%s", login);
	snprintf(h.password, sizeof(h.password), "%s", password);
	snprintf(h.description, sizeof(h.description), "desc of %s", hostname);
	snprintf(h.family, sizeof(h.family), "ipv4");
	h.enabled = 1;
	return h;
}

static long long
save(struct store *s, struct host *h)
{
	struct dd_err e;

	ck_assert_msg(store_save(s, h, "alice", &e) == 0, "store_save %s: %s",
	    h->hostname, e.msg);
	ck_assert_int_gt(h->id, 0);
	return h->id;
}

/* Empty the pending queue, so a test sees only what it adds. */
static void
clear_pending(struct store *s)
{
	struct dd_err e;
	char **names;
	size_t n;
	long long mark;

	ck_assert_int_eq(store_change_mark(s, &mark, &e), 0);
	ck_assert_int_eq(store_pending(s, &names, &n, &e), 0);
	ck_assert_int_eq(store_pending_done(s, names, n, mark, &e), 0);
	store_free_names(names, n);
}

/* pending_is: the queue holds exactly the (sorted) names given. */
static void
pending_is(struct store *s, const char *const *want, size_t nwant)
{
	struct dd_err e;
	char **names;
	size_t n, i;

	ck_assert_int_eq(store_pending(s, &names, &n, &e), 0);
	ck_assert_msg(n == nwant, "%zu pending names, want %zu (first: %s)", n,
	    nwant, n ? names[0] : "-");
	for (i = 0; i < n; i++)
		ck_assert_str_eq(names[i], want[i]);
	store_free_names(names, n);
}

/* newest_audit: the latest audit row. */
static struct audit_row
newest_audit(struct store *s)
{
	struct audit_row *rows, r;
	struct dd_err e;
	size_t n;
	int more;

	ck_assert_int_eq(store_audit(s, 0, 1, &rows, &n, &more, &e), 0);
	ck_assert_uint_eq(n, 1);
	r = rows[0];
	free(rows);
	return r;
}

/* ---- opening ---- */

START_TEST(open_creates_db_mode_0600_at_current_version)
{
	struct stat st;
	struct store *s = open_new();

	store_close(s);
	ck_assert_int_eq(stat(dbpath, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(sql_int(dbpath, "PRAGMA user_version"), STORE_VERSION);
	ck_assert_int_eq(sql_int(dbpath, "SELECT count(*) FROM sqlite_master "
	    "WHERE name IN ('hosts', 'pending', 'audit')"), 3);
	/* Opening it again neither fails nor re-creates anything. */
	s = open_new();
	store_close(s);
}
END_TEST

START_TEST(open_without_create_refuses_missing_file)
{
	struct dd_err e;

	dd_clear(&e);
	ck_assert_ptr_null(store_open(dbpath, 0, &e));
	ck_assert_int_eq(e.code, DD_EDB);
	ck_assert_int_eq(access(dbpath, F_OK), -1);
}
END_TEST

START_TEST(open_accepts_db_made_from_schema_sql)
{
	char *schema = schema_text();
	struct host h = mkhost("home.example.com", "u", "p"), got;
	struct dd_err e;
	struct store *s;

	ck_assert_int_eq(sql(dbpath, schema), SQLITE_OK);
	free(schema);
	s = store_open(dbpath, 0, &e);
	ck_assert_msg(s != NULL, "store_open: %s", e.msg);
	save(s, &h);
	ck_assert_int_eq(store_get(s, h.id, &got, &e), 0);
	ck_assert_str_eq(got.hostname, "home.example.com");
	store_close(s);
	ck_assert_int_eq(sql_int(dbpath, "PRAGMA user_version"), STORE_VERSION);
}
END_TEST

START_TEST(open_migrates_version_1_keeping_rows)
{
	char *schema = schema_v2_text(), *start, *end, *v1;
	struct host *rows, h = mkhost("new.example.com", "u", "p");
	struct dd_err e;
	struct store *s;
	size_t n;

	/* Version 1 had the hosts table of schema.sql and nothing else. */
	start = strstr(schema, "CREATE TABLE hosts");
	ck_assert_ptr_nonnull(start);
	end = strstr(start, "\n);");
	ck_assert_ptr_nonnull(end);
	end[3] = '\0';
	ck_assert_int_gt(asprintf(&v1, "%s\nPRAGMA user_version = 1;\n"
	    "INSERT INTO hosts (hostname, login, password, provider, created, "
	    "updated) VALUES ('old.example.com', 'bob', 'pw', 'dyn', 1, 2);",
	    start), 0);
	free(schema);
	ck_assert_int_eq(sql(dbpath, v1), SQLITE_OK);
	free(v1);

	s = store_open(dbpath, 0, &e);
	ck_assert_msg(s != NULL, "store_open: %s", e.msg);
	ck_assert_int_eq(store_list(s, &rows, &n, &e), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].hostname, "old.example.com");
	ck_assert_str_eq(rows[0].login, "bob");
	ck_assert_str_eq(rows[0].password, "pw");
	free(rows);
	/* The new tables work. */
	save(s, &h);
	ck_assert_str_eq(newest_audit(s).hostname, "new.example.com");
	store_close(s);
	ck_assert_int_eq(sql_int(dbpath, "PRAGMA user_version"), STORE_VERSION);
}
END_TEST

/* A database migrated from the last release has the shape of a fresh one
 * (so schema.sql and the migrations cannot drift), and keeps its rows. */
START_TEST(migrated_version_2_equals_fresh_schema)
{
	char *v2 = schema_v2_text(), fresh_path[TU_PATH_SZ];
	static char migrated[16384], fresh[16384];
	struct dd_err e;
	struct store *s;
	struct host got;

	ck_assert_int_eq(sql(dbpath, v2), SQLITE_OK);
	free(v2);
	ck_assert_int_eq(sql(dbpath, "INSERT INTO hosts (hostname, login, "
	    "password, provider, created, updated) VALUES ('old.example.com', "
	    "'bob', 'pw', 'dyn', 1, 2); INSERT INTO pending VALUES "
	    "('old.example.com'), (NULL);"), SQLITE_OK);
	s = store_open(dbpath, 0, &e);
	ck_assert_msg(s != NULL, "store_open: %s", e.msg);
	ck_assert_int_eq(store_get(s, 1, &got, &e), 0);
	ck_assert_str_eq(got.password, "pw");
	ck_assert_str_eq(got.algorithm, "");
	store_close(s);
	ck_assert_int_eq(sql_int(dbpath, "SELECT count(*) FROM pending"), 1);
	tu_path(fresh_path, dir, "fresh.db");
	s = store_open(fresh_path, 1, &e);
	ck_assert_msg(s != NULL, "store_open: %s", e.msg);
	store_close(s);
	shape(dbpath, migrated, sizeof(migrated));
	shape(fresh_path, fresh, sizeof(fresh));
	ck_assert_str_eq(migrated, fresh);
	ck_assert_ptr_nonnull(strstr(fresh, "hosts|algorithm|TEXT|1|''|0"));
	ck_assert_ptr_nonnull(strstr(fresh, "hosts|version|INTEGER|1|1|0"));
	/* ids never given again: the table has AUTOINCREMENT's sequence */
	ck_assert_ptr_nonnull(strstr(fresh, "sqlite_sequence|seq|"));
	table_sql(dbpath, "hosts", migrated, sizeof(migrated));
	table_sql(fresh_path, "hosts", fresh, sizeof(fresh));
	ck_assert_str_eq(migrated, fresh);
	ck_assert_ptr_nonnull(strstr(fresh, "PRIMARY KEY AUTOINCREMENT"));
}
END_TEST

/* Set every text field of h to a value its own validator accepts (so the
 * schema's CHECKs do too), the round-th such value of a list that covers
 * every validator, or "" when the validator takes only one. */
static void
fill_every_field(struct host *h, int round)
{
	static const char *const candidates[] = {
		"a.example.com", "b.example.com", "ipv4", "dual", "yes",
		"hmac-sha256", "hmac-sha512", "dyn", "custom", "dyndns2", "noip",
		"c2VjcmV0LXNlY3JldC1zZWNyZXQ=", "c2VjcmV0LXNlY3JldC1zZWNyZXR4",
	};
	char canon[2][HOSTNAME_SZ];
	size_t i, size, got = 0;
	char *dst;
	int f;

	for (f = 0; f < HF__MAX; f++) {
		dst = host_field(h, f, &size);
		for (i = 0, got = 0; i < sizeof(candidates) / sizeof(*candidates)
		    && got < 2; i++)
			if (val_field_fn(f)(candidates[i], canon[got],
			    sizeof(canon[got]), NULL) == 0 &&
			    (got == 0 || strcmp(canon[0], canon[1]) != 0))
				got++;
		ck_assert_msg(got > 0, "no sample value for field %s: add one "
		    "its validator accepts", host_field_name(f));
		snprintf(dst, size, "%s", round < (int)got ? canon[round] : "");
	}
}

/*
 * Issue 9: adding a host field is a row of HOST_FIELDS (host.h) plus a
 * migration. Every field of that table is a column that a create and a
 * modify write and a read returns, and a modify of it is audited: nothing
 * else (no SQL, no list of names) has to know about a new row.
 */
START_TEST(every_field_of_the_table_is_stored_read_and_audited)
{
	struct store *s = open_new();
	struct host h, got;
	struct dd_err e;
	char want[64];
	int f, round;

	memset(&h, 0, sizeof(h));
	h.enabled = 1;
	for (round = 0; round < 2; round++) {
		fill_every_field(&h, round);
		save(s, &h);
		ck_assert_int_eq(store_get(s, h.id, &got, &e), 0);
		for (f = 0; f < HF__MAX; f++)
			ck_assert_msg(strcmp(host_field(&got, f, NULL),
			    host_field(&h, f, NULL)) == 0, "field %s: stored "
			    "\"%s\", read \"%s\"", host_field_name(f),
			    host_field(&h, f, NULL), host_field(&got, f, NULL));
	}
	for (f = 0; f < HF__MAX; f++) {
		snprintf(want, sizeof(want), "%s changed", host_field_name(f));
		ck_assert_msg(strstr(newest_audit(s).detail, want) != NULL,
		    "the modify's audit names no \"%s\": %s", want,
		    newest_audit(s).detail);
	}
	store_close(s);
}
END_TEST

START_TEST(open_refuses_newer_version)
{
	char *schema = schema_text();
	struct dd_err e;

	ck_assert_int_eq(sql(dbpath, schema), SQLITE_OK);
	free(schema);
	ck_assert_int_eq(sql(dbpath, "PRAGMA user_version = 99"), SQLITE_OK);
	dd_clear(&e);
	ck_assert_ptr_null(store_open(dbpath, 1, &e));
	ck_assert_int_eq(e.code, DD_EDB);
	ck_assert_msg(strstr(e.msg, "newer") != NULL, "%s", e.msg);
	ck_assert_int_eq(sql_int(dbpath, "PRAGMA user_version"), 99);
}
END_TEST

START_TEST(open_refuses_non_database_file_untouched)
{
	char junk[4096], *after;
	struct dd_err e;
	size_t i, n;

	for (i = 0; i < sizeof(junk); i++)
		junk[i] = (char)("not a database! "[i % 16] ^ (i / 16 % 7));
	tu_write(dbpath, junk, sizeof(junk), 0600);
	dd_clear(&e);
	ck_assert_ptr_null(store_open(dbpath, 1, &e));
	ck_assert_int_eq(e.code, DD_EDB);
	after = tu_read(dbpath, &n);
	ck_assert_uint_eq(n, sizeof(junk));
	ck_assert_mem_eq(after, junk, sizeof(junk));
	free(after);
}
END_TEST

START_TEST(open_readonly_reads_and_writes_nothing)
{
	struct host h = mkhost("a.example.com", "u", "p"), *rows;
	struct store *s = open_new();
	char *before, *after;
	struct dd_err e;
	size_t n, nb, na;

	save(s, &h);
	store_close(s);
	before = tu_read(dbpath, &nb);
	s = store_open_readonly(dbpath, &e);
	ck_assert_msg(s != NULL, "store_open_readonly: %s", e.msg);
	ck_assert_int_eq(store_list(s, &rows, &n, &e), 0);
	ck_assert_uint_eq(n, 1);
	free(rows);
	/* A write through this handle fails, and the file stays as it was. */
	ck_assert_int_eq(store_audit_trim(s, 1, &e), -1);
	store_close(s);
	after = tu_read(dbpath, &na);
	ck_assert_uint_eq(na, nb);
	ck_assert_mem_eq(after, before, nb);
	free(before);
	free(after);
}
END_TEST

START_TEST(open_readonly_refuses_missing_old_and_newer_untouched)
{
	static const char *const sqls[] = {
		"", "PRAGMA user_version = 1", "PRAGMA user_version = 99",
	};
	static const long long want[] = { STORE_VERSION, 1, 99 };
	struct dd_err e;
	struct store *s;
	size_t i;

	dd_clear(&e);
	ck_assert_ptr_null(store_open_readonly(dbpath, &e));
	ck_assert_int_eq(e.code, DD_EDB);
	ck_assert_int_eq(access(dbpath, F_OK), -1);	/* not created */
	for (i = 0; i < sizeof(sqls) / sizeof(sqls[0]); i++) {
		store_close(open_new());
		ck_assert_int_eq(sql(dbpath, sqls[i]), SQLITE_OK);
		dd_clear(&e);
		s = store_open_readonly(dbpath, &e);
		if (i == 0)
			ck_assert_msg(s != NULL, "%s", e.msg);
		else {
			ck_assert_ptr_null(s);
			ck_assert_int_eq(e.code, DD_EDB);
			ck_assert_msg(strstr(e.msg, "version") != NULL, "%s",
			    e.msg);
		}
		store_close(s);
		/* Refused, not migrated. */
		ck_assert_int_eq(sql_int(dbpath, "PRAGMA user_version"),
		    want[i]);
		remove(dbpath);
	}
}
END_TEST

START_TEST(open_refuses_a_link_or_hard_link_as_database)
{
	char other[TU_PATH_SZ], journal[TU_PATH_SZ];
	struct dd_err e;

	tu_path(other, dir, "other.db");
	tu_path(journal, dir, "ddns.db-journal");
	store_close(open_new());
	ck_assert_int_eq(rename(dbpath, other), 0);
	ck_assert_int_eq(symlink(other, dbpath), 0);
	ck_assert_ptr_null(store_open_readonly(dbpath, &e));
	ck_assert_msg(strstr(e.msg, "symbolic link") != NULL, "%s", e.msg);
	ck_assert_ptr_null(store_open(dbpath, 1, &e));
	ck_assert_int_eq(unlink(dbpath), 0);
	ck_assert_int_eq(link(other, dbpath), 0);
	ck_assert_ptr_null(store_open_readonly(dbpath, &e));
	ck_assert_msg(strstr(e.msg, "hard link") != NULL, "%s", e.msg);
	ck_assert_int_eq(unlink(other), 0);
	/* One name again: fine, until a journal beside it is a link. */
	store_close(store_open_readonly(dbpath, &e));
	ck_assert_int_eq(symlink(other, journal), 0);
	ck_assert_ptr_null(store_open_readonly(dbpath, &e));
	ck_assert_msg(strstr(e.msg, "journal") != NULL, "%s", e.msg);
}
END_TEST

START_TEST(schema_view_using_an_unsafe_virtual_table_is_refused)
{
	struct host *rows;
	struct dd_err e;
	struct store *s;
	size_t n;

	store_close(open_new());
	/* A planted schema that would read what the connection knows. */
	ck_assert_int_eq(sql(dbpath, "DROP TABLE pending; CREATE VIEW pending "
	    "AS SELECT file AS hostname FROM pragma_database_list"), SQLITE_OK);
	s = store_open_readonly(dbpath, &e);
	ck_assert_msg(s != NULL, "store_open_readonly: %s", e.msg);
	ck_assert_int_eq(store_list(s, &rows, &n, &e), 0);
	free(rows);
	{
		char **names;

		dd_clear(&e);
		ck_assert_int_eq(store_pending(s, &names, &n, &e), -1);
		ck_assert_msg(strstr(e.msg, "unsafe") != NULL, "%s", e.msg);
	}
	store_close(s);
}
END_TEST

/* ---- rows ---- */

START_TEST(save_get_list_delete_round_trip)
{
	struct store *s = open_new();
	struct host a = mkhost("b.example.com", "u1", "p 1 #'\""),
	    b = mkhost("a.example.com", "u2", "p2"), got, *rows;
	struct dd_err e;
	size_t n;

	snprintf(a.description, sizeof(a.description), "Salon \xe2\x98\x83");
	snprintf(a.mx, sizeof(a.mx), "mx.example.com");
	a.enabled = 0;
	save(s, &a);
	save(s, &b);
	ck_assert_int_ne(a.id, b.id);
	ck_assert_int_eq(store_get(s, a.id, &got, &e), 0);
	ck_assert_int_eq(got.id, a.id);
	ck_assert_str_eq(got.hostname, "b.example.com");
	ck_assert_str_eq(got.description, "Salon \xe2\x98\x83");
	ck_assert_str_eq(got.login, "u1");
	ck_assert_str_eq(got.password, "p 1 #'\"");
	ck_assert_str_eq(got.mx, "mx.example.com");
	ck_assert_str_eq(got.provider, "dyn");
	ck_assert_int_eq(got.enabled, 0);
	ck_assert_int_gt(got.created, 0);

	ck_assert_int_eq(store_list(s, &rows, &n, &e), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].hostname, "a.example.com");	/* by name */
	ck_assert_str_eq(rows[1].hostname, "b.example.com");
	free(rows);

	ck_assert_int_eq(store_delete(s, a.id, a.version, "alice", &e), 0);
	dd_clear(&e);
	ck_assert_int_eq(store_get(s, a.id, &got, &e), -1);
	ck_assert_int_eq(e.code, DD_ENOTFOUND);
	dd_clear(&e);
	ck_assert_int_eq(store_delete(s, a.id, a.version, "alice", &e), -1);
	ck_assert_int_eq(e.code, DD_ENOTFOUND);
	ck_assert_int_eq(store_list(s, &rows, &n, &e), 0);
	ck_assert_uint_eq(n, 1);
	free(rows);
	store_close(s);
}
END_TEST

START_TEST(save_refuses_duplicate_hostname_any_case)
{
	struct store *s = open_new();
	struct host a = mkhost("home.example.com", "u", "p"),
	    b = mkhost("HOME.Example.com", "u", "p"),
	    c = mkhost("other.example.com", "u", "p");
	struct dd_err e;
	struct host *rows;
	size_t n;

	save(s, &a);
	dd_clear(&e);
	ck_assert_int_eq(store_save(s, &b, "alice", &e), -1);
	ck_assert_int_eq(e.code, DD_EEXIST);
	ck_assert_str_eq(e.field, "hostname");
	/* Renaming another row onto it is refused too. */
	save(s, &c);
	snprintf(c.hostname, sizeof(c.hostname), "home.example.com");
	dd_clear(&e);
	ck_assert_int_eq(store_save(s, &c, "alice", &e), -1);
	ck_assert_int_eq(e.code, DD_EEXIST);
	ck_assert_str_eq(e.field, "hostname");
	/* Saving a row under its own name is fine. */
	ck_assert_int_eq(store_save(s, &a, "alice", &e), 0);
	ck_assert_int_eq(store_list(s, &rows, &n, &e), 0);
	ck_assert_uint_eq(n, 2);
	free(rows);
	store_close(s);
}
END_TEST

START_TEST(save_create_pends_and_audits)
{
	struct store *s = open_new();
	struct host a = mkhost("home.example.com", "u", "p");
	const char *want[] = { "home.example.com" };
	struct audit_row r;

	save(s, &a);
	pending_is(s, want, 1);
	r = newest_audit(s);
	ck_assert_str_eq(r.action, "create");
	ck_assert_str_eq(r.user, "alice");
	ck_assert_str_eq(r.hostname, "home.example.com");
	ck_assert_int_gt(r.at, 0);
	store_close(s);
}
END_TEST

START_TEST(modify_password_pends_and_audits_without_the_value)
{
	struct store *s = open_new();
	struct host a = mkhost("home.example.com", "u", "OldSecret123");
	const char *want[] = { "home.example.com" };
	struct audit_row r;

	save(s, &a);
	clear_pending(s);
	snprintf(a.password, sizeof(a.password), "NewSecret456");
	save(s, &a);
	pending_is(s, want, 1);
	r = newest_audit(s);
	ck_assert_str_eq(r.action, "modify");
	ck_assert_msg(strstr(r.detail, "password changed") != NULL, "detail "
	    "'%s'", r.detail);
	ck_assert_ptr_null(strstr(r.detail, "NewSecret456"));
	ck_assert_ptr_null(strstr(r.detail, "OldSecret123"));
	ck_assert_int_eq(sql_int(dbpath, "SELECT count(*) FROM audit WHERE "
	    "detail LIKE '%Secret%' OR user LIKE '%Secret%' OR hostname LIKE "
	    "'%Secret%'"), 0);
	store_close(s);
}
END_TEST

/*
 * Issue 18: History says for each Modify whether the password was kept
 * or changed (never its value), beside the fields that changed.
 */
START_TEST(modify_records_password_kept_or_changed)
{
	struct store *s = open_new();
	struct host a = mkhost("home.example.com", "u", "OldSecret123");
	struct audit_row r;

	save(s, &a);
	snprintf(a.description, sizeof(a.description), "kitchen");
	save(s, &a);
	r = newest_audit(s);
	ck_assert_str_eq(r.detail, "description changed, password kept");
	save(s, &a);
	ck_assert_str_eq(newest_audit(s).detail,
	    "nothing changed, password kept");
	snprintf(a.server, sizeof(a.server), "upd.example.net");
	snprintf(a.password, sizeof(a.password), "NewSecret456");
	save(s, &a);
	r = newest_audit(s);
	ck_assert_str_eq(r.detail, "server changed, password changed");
	ck_assert_ptr_null(strstr(r.detail, "Secret"));
	snprintf(a.password, sizeof(a.password), "Other789");
	save(s, &a);
	ck_assert_str_eq(newest_audit(s).detail, "password changed");
	store_close(s);
}
END_TEST

START_TEST(modify_description_only_adds_no_pending)
{
	struct store *s = open_new();
	struct host a = mkhost("home.example.com", "u", "p");
	struct audit_row r;

	save(s, &a);
	clear_pending(s);
	snprintf(a.description, sizeof(a.description), "kitchen");
	save(s, &a);
	pending_is(s, NULL, 0);
	r = newest_audit(s);
	ck_assert_str_eq(r.action, "modify");
	ck_assert_msg(strstr(r.detail, "description changed") != NULL, "%s",
	    r.detail);
	ck_assert_ptr_null(strstr(r.detail, "kitchen"));
	store_close(s);
}
END_TEST

START_TEST(modify_hostname_pends_old_and_new_names)
{
	struct store *s = open_new();
	struct host a = mkhost("old.example.com", "u", "p");
	const char *want[] = { "new.example.com", "old.example.com" };

	save(s, &a);
	clear_pending(s);
	snprintf(a.hostname, sizeof(a.hostname), "new.example.com");
	save(s, &a);
	pending_is(s, want, 2);
	store_close(s);
}
END_TEST

START_TEST(modify_missing_row_is_not_found)
{
	struct store *s = open_new();
	struct host a = mkhost("home.example.com", "u", "p");
	struct dd_err e;

	a.id = 12345;
	dd_clear(&e);
	ck_assert_int_eq(store_save(s, &a, "alice", &e), -1);
	ck_assert_int_eq(e.code, DD_ENOTFOUND);
	store_close(s);
}
END_TEST

START_TEST(save_against_a_changed_row_conflicts_and_stores_nothing)
{
	struct store *s = open_new();
	struct host a = mkhost("two.example.com", "u", "p"), first, second, got;
	struct dd_err e;

	save(s, &a);
	first = second = a;	/* two forms opened on the same version */
	snprintf(second.description, sizeof(second.description), "by bob");
	save(s, &second);
	ck_assert_int_eq(second.version, a.version + 1);
	snprintf(first.login, sizeof(first.login), "alice");
	dd_clear(&e);
	ck_assert_int_eq(store_save(s, &first, "alice", &e), -1);
	ck_assert_int_eq(e.code, DD_ECONFLICT);
	ck_assert_int_eq(store_get(s, a.id, &got, &e), 0);
	ck_assert_str_eq(got.description, "by bob");
	ck_assert_str_eq(got.login, "u");
	ck_assert_int_eq(got.version, second.version);
	ck_assert_str_eq(newest_audit(s).detail,
	    "description changed, password kept");
	/* Saved again against what it now shows, it lands. */
	first.version = got.version;
	save(s, &first);
	ck_assert_int_eq(store_get(s, a.id, &got, &e), 0);
	ck_assert_str_eq(got.login, "alice");
	store_close(s);
}
END_TEST

START_TEST(delete_of_a_changed_row_conflicts_and_deletes_nothing)
{
	struct store *s = open_new();
	struct host a = mkhost("keep.example.com", "u", "p"), got;
	struct dd_err e;
	long long opened;

	save(s, &a);
	opened = a.version;
	ck_assert_int_eq(store_set_enabled(s, a.id, 0, "bob", &e), 0);
	dd_clear(&e);
	ck_assert_int_eq(store_delete(s, a.id, opened, "alice", &e), -1);
	ck_assert_int_eq(e.code, DD_ECONFLICT);
	ck_assert_int_eq(store_get(s, a.id, &got, &e), 0);
	ck_assert_int_eq(got.version, opened + 1);
	ck_assert_int_eq(store_delete(s, a.id, 0, "alice", &e), -1);
	ck_assert_int_eq(e.code, DD_EBADREQ);
	ck_assert_int_eq(store_delete(s, a.id, got.version, "alice", &e), 0);
	store_close(s);
}
END_TEST

START_TEST(ids_are_never_given_again)
{
	struct store *s = open_new();
	struct host a = mkhost("a.example.com", "u", "p"),
	    b = mkhost("b.example.com", "u", "p");
	struct dd_err e;
	long long gone;

	save(s, &a);
	gone = a.id;
	ck_assert_int_eq(store_delete(s, a.id, a.version, "alice", &e), 0);
	save(s, &b);
	ck_assert_int_gt(b.id, gone);
	store_close(s);
}
END_TEST

START_TEST(delete_pends_hostname_and_audits)
{
	struct store *s = open_new();
	struct host a = mkhost("gone.example.com", "u", "p");
	const char *want[] = { "gone.example.com" };
	struct dd_err e;
	struct audit_row r;

	save(s, &a);
	clear_pending(s);
	ck_assert_int_eq(store_delete(s, a.id, a.version, "bob", &e), 0);
	pending_is(s, want, 1);
	r = newest_audit(s);
	ck_assert_str_eq(r.action, "delete");
	ck_assert_str_eq(r.user, "bob");
	ck_assert_str_eq(r.hostname, "gone.example.com");
	store_close(s);
}
END_TEST

START_TEST(set_enabled_stores_and_audits)
{
	struct store *s = open_new();
	struct host a = mkhost("home.example.com", "u", "p"), got;
	struct dd_err e;

	save(s, &a);
	ck_assert_int_eq(store_set_enabled(s, a.id, 0, "bob", &e), 0);
	ck_assert_int_eq(store_get(s, a.id, &got, &e), 0);
	ck_assert_int_eq(got.enabled, 0);
	ck_assert_str_eq(newest_audit(s).action, "disable");
	ck_assert_int_eq(store_set_enabled(s, a.id, 1, "bob", &e), 0);
	ck_assert_int_eq(store_get(s, a.id, &got, &e), 0);
	ck_assert_int_eq(got.enabled, 1);
	ck_assert_str_eq(newest_audit(s).action, "enable");
	dd_clear(&e);
	ck_assert_int_eq(store_set_enabled(s, 999, 1, "bob", &e), -1);
	ck_assert_int_eq(e.code, DD_ENOTFOUND);
	store_close(s);
}
END_TEST

START_TEST(mark_update_pends_and_audits)
{
	struct store *s = open_new();
	struct host a = mkhost("home.example.com", "u", "p");
	const char *want[] = { "home.example.com" };
	struct dd_err e;
	struct audit_row r;

	save(s, &a);
	clear_pending(s);
	ck_assert_int_eq(store_mark_update(s, a.id, "carol", &e), 0);
	pending_is(s, want, 1);
	r = newest_audit(s);
	ck_assert_str_eq(r.action, "update");
	ck_assert_str_eq(r.user, "carol");
	/* Twice is still one pending entry. */
	ck_assert_int_eq(store_mark_update(s, a.id, "carol", &e), 0);
	pending_is(s, want, 1);
	store_close(s);
}
END_TEST

START_TEST(pending_skips_null_and_blob_rows)
{
	static const char *const want[] = { "a.example.com", "b.example.com" };
	struct store *s = open_new();

	clear_pending(s);
	/* The web user owns the file: its NOT NULL is no defence. */
	ck_assert_int_eq(sql(dbpath, "DROP TABLE pending; "
	    "CREATE TABLE pending (hostname TEXT PRIMARY KEY COLLATE NOCASE)"),
	    SQLITE_OK);
	ck_assert_int_eq(sql(dbpath, "INSERT INTO pending VALUES (NULL); "
	    "INSERT INTO pending VALUES (NULL); "
	    "INSERT INTO pending VALUES (x'00ff'); "
	    "INSERT INTO pending VALUES ('b.example.com'); "
	    "INSERT INTO pending VALUES ('a.example.com')"), SQLITE_OK);
	pending_is(s, want, 2);
	store_close(s);
}
END_TEST

START_TEST(pending_done_keeps_names_after_a_later_change)
{
	static const char *const ab[] = { "a.example.com", "b.example.com" };
	struct host h = mkhost("a.example.com", "u", "p"),
	    b = mkhost("b.example.com", "u", "p");
	struct store *s = open_new();
	struct dd_err e;
	char **names;
	size_t n;
	long long mark;

	save(s, &h);
	ck_assert_int_eq(store_change_mark(s, &mark, &e), 0);
	ck_assert_int_eq(store_pending(s, &names, &n, &e), 0);
	/* Meanwhile (after apply read the database) a is changed again:
	 * its queue row is the same one, so it must stay queued. */
	snprintf(h.password, sizeof(h.password), "new");
	save(s, &h);
	save(s, &b);
	ck_assert_int_eq(store_pending_done(s, names, n, mark, &e), 0);
	store_free_names(names, n);
	pending_is(s, ab, 2);
	/* Nothing changed since this read: exactly what was read leaves. */
	ck_assert_int_eq(store_change_mark(s, &mark, &e), 0);
	ck_assert_int_eq(store_pending(s, &names, &n, &e), 0);
	ck_assert_int_eq(store_pending_done(s, names, 1, mark, &e), 0);
	store_free_names(names, n);
	pending_is(s, ab + 1, 1);
	store_close(s);
}
END_TEST

START_TEST(audit_pages_newest_first_with_more)
{
	struct store *s = open_new();
	struct audit_row *rows;
	struct dd_err e;
	char name[64];
	size_t n, i;
	int more;

	for (i = 0; i < 5; i++) {
		struct host h;

		snprintf(name, sizeof(name), "h%zu.example.com", i);
		h = mkhost(name, "u", "p");
		save(s, &h);
	}
	ck_assert_int_eq(store_audit(s, 0, 2, &rows, &n, &more, &e), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(more, 1);
	ck_assert_str_eq(rows[0].hostname, "h4.example.com");
	ck_assert_str_eq(rows[1].hostname, "h3.example.com");
	ck_assert_int_gt(rows[0].id, rows[1].id);
	free(rows);
	ck_assert_int_eq(store_audit(s, 2, 2, &rows, &n, &more, &e), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(more, 1);
	ck_assert_str_eq(rows[0].hostname, "h2.example.com");
	free(rows);
	ck_assert_int_eq(store_audit(s, 4, 2, &rows, &n, &more, &e), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(more, 0);
	ck_assert_str_eq(rows[0].hostname, "h0.example.com");
	free(rows);
	ck_assert_int_eq(store_audit(s, 0, 5, &rows, &n, &more, &e), 0);
	ck_assert_uint_eq(n, 5);
	ck_assert_int_eq(more, 0);
	free(rows);
	store_close(s);
}
END_TEST

START_TEST(audit_trim_keeps_newest_n)
{
	struct store *s = open_new();
	struct audit_row *rows;
	struct dd_err e;
	char name[64];
	size_t n, i;
	int more;

	for (i = 0; i < 6; i++) {
		struct host h;

		snprintf(name, sizeof(name), "h%zu.example.com", i);
		h = mkhost(name, "u", "p");
		save(s, &h);
	}
	ck_assert_int_eq(store_audit_trim(s, 10, &e), 0);	/* fewer: none */
	ck_assert_int_eq(sql_int(dbpath, "SELECT count(*) FROM audit"), 6);
	ck_assert_int_eq(store_audit_trim(s, 3, &e), 0);
	ck_assert_int_eq(store_audit(s, 0, 10, &rows, &n, &more, &e), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(more, 0);
	ck_assert_str_eq(rows[0].hostname, "h5.example.com");
	ck_assert_str_eq(rows[2].hostname, "h3.example.com");
	free(rows);
	store_close(s);
}
END_TEST

/* ---- the schema's CHECK constraints, whatever writes the row ---- */

static const struct {
	const char	*what;
	const char	*values;	/* hostname, login, password, provider,
					 * server, protocol */
} bad_rows[] = {
	{ "uppercase hostname",
	  "'Home.example.com', 'u', 'p', 'dyn', '', ''" },
	{ "single-label hostname", "'home', 'u', 'p', 'dyn', '', ''" },
	{ "hostname with a space",
	  "'my home.example.com', 'u', 'p', 'dyn', '', ''" },
	{ "login with a newline",
	  "'home.example.com', 'u' || char(10) || 'x', 'p', 'dyn', '', ''" },
	{ "login with '#'", "'home.example.com', 'us#er', 'p', 'dyn', '', ''" },
	{ "password with a newline",
	  "'home.example.com', 'u', 'p' || char(10) || 'use=cmd', 'dyn', '', ''" },
	{ "password with CR",
	  "'home.example.com', 'u', 'p' || char(13), 'dyn', '', ''" },
	{ "custom without server",
	  "'home.example.com', 'u', 'p', 'custom', '', 'dyndns2'" },
	{ "server with a comma",
	  "'home.example.com', 'u', 'p', 'custom', 'a.b,login=x', 'dyndns2'" },
	{ "uppercase provider", "'home.example.com', 'u', 'p', 'Dyn', '', ''" },
};
#define NBAD (sizeof(bad_rows) / sizeof(bad_rows[0]))

START_TEST(schema_checks_refuse_bad_rows)
{
	char *schema = schema_text(), *ins;

	ck_assert_int_eq(sql(dbpath, schema), SQLITE_OK);
	free(schema);
	/* The good row goes in: the statement itself is right. */
	ck_assert_int_eq(sql(dbpath, "INSERT INTO hosts (hostname, login, "
	    "password, provider, server, protocol, created, updated) VALUES "
	    "('ok.example.com', 'u', 'p #''\"', 'dyn', '', '', 1, 1)"),
	    SQLITE_OK);
	ck_assert_int_gt(asprintf(&ins, "INSERT INTO hosts (hostname, login, "
	    "password, provider, server, protocol, created, updated) VALUES "
	    "(%s, 1, 1)", bad_rows[_i].values), 0);
	ck_assert_msg(sql(dbpath, ins) == SQLITE_CONSTRAINT, "%s was stored",
	    bad_rows[_i].what);
	free(ins);
}
END_TEST

static Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc;

	tc = tcase_create("open");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, open_creates_db_mode_0600_at_current_version);
	tcase_add_test(tc, open_without_create_refuses_missing_file);
	tcase_add_test(tc, open_accepts_db_made_from_schema_sql);
	tcase_add_test(tc, open_migrates_version_1_keeping_rows);
	tcase_add_test(tc, migrated_version_2_equals_fresh_schema);
	tcase_add_test(tc, every_field_of_the_table_is_stored_read_and_audited);
	tcase_add_test(tc, open_refuses_newer_version);
	tcase_add_test(tc, open_refuses_non_database_file_untouched);
	tcase_add_test(tc, open_readonly_reads_and_writes_nothing);
	tcase_add_test(tc, open_readonly_refuses_missing_old_and_newer_untouched);
	tcase_add_test(tc, open_refuses_a_link_or_hard_link_as_database);
	tcase_add_test(tc, schema_view_using_an_unsafe_virtual_table_is_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("rows");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, save_get_list_delete_round_trip);
	tcase_add_test(tc, save_refuses_duplicate_hostname_any_case);
	tcase_add_test(tc, save_create_pends_and_audits);
	tcase_add_test(tc, modify_password_pends_and_audits_without_the_value);
	tcase_add_test(tc, modify_description_only_adds_no_pending);
	tcase_add_test(tc, modify_hostname_pends_old_and_new_names);
	tcase_add_test(tc, modify_missing_row_is_not_found);
	tcase_add_test(tc, delete_pends_hostname_and_audits);
	tcase_add_test(tc, modify_records_password_kept_or_changed);
	tcase_add_test(tc, save_against_a_changed_row_conflicts_and_stores_nothing);
	tcase_add_test(tc, delete_of_a_changed_row_conflicts_and_deletes_nothing);
	tcase_add_test(tc, ids_are_never_given_again);
	tcase_add_test(tc, set_enabled_stores_and_audits);
	tcase_add_test(tc, mark_update_pends_and_audits);
	tcase_add_test(tc, pending_skips_null_and_blob_rows);
	tcase_add_test(tc, pending_done_keeps_names_after_a_later_change);
	tcase_add_test(tc, audit_pages_newest_first_with_more);
	tcase_add_test(tc, audit_trim_keeps_newest_n);
	suite_add_tcase(s, tc);

	tc = tcase_create("schema");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, schema_checks_refuse_bad_rows, 0, (int)NBAD);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(store_suite());
}

/* check_cache.c: reading ddclient's cache (its lines as ddclient 3.10,
 * 3.11 and 4.x write them) and dropping hosts from it. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <check.h>

#include "cache.h"
#include "testutil.h"

/* Real lines: 3.10.0 (runs/cachedemo/c310) and 4.x (runs/cachedemo/c4). */
#define L310_DENIED "atime=1795481030,backupmx=0,custom=0,host=denied.example.com,mtime=0,mx=,script=/nic/update,static=0,status=badauth,status-ipv4=noconnect,status-ipv6=noconnect,warned-min-error-interval=0,warned-min-interval=0,wildcard=0,wtime=0 denied.example.com"
#define L310_OK "atime=1795481030,backupmx=0,custom=0,host=ok.example.com,ip=203.0.113.7,mtime=1795481030,mx=,script=/nic/update,static=0,status=good,status-ipv4=noconnect,status-ipv6=noconnect,warned-min-error-interval=0,warned-min-interval=0,wildcard=0,wtime=0 ok.example.com"
#define L310_SAME "atime=1795481030,backupmx=0,custom=0,host=same.example.com,ip=203.0.113.7,mtime=1795481030,mx=,script=/nic/update,static=0,status=good,status-ipv4=noconnect,status-ipv6=noconnect,warned-min-error-interval=0,warned-min-interval=0,wildcard=0,wtime=0 same.example.com"
#define L310_SHORT "atime=1795480206,backupmx=0,custom=0,host=host1.example.com,ip=203.0.113.7,mtime=1795480206,mx=,script=/nic/update,static=0,status=good,status-ipv4=noconnect,status-ipv6=noconnect,warned-min-error-interval=0,warned-min-interval=0,wildcard=0,wtime=0 host1.example.com"
#define L4_DENIED "atime=1795481030,backupmx=0,status-ipv4=badauth,wildcard=0 denied.example.com"
#define L4_OK "atime=1795481030,backupmx=0,ipv4=203.0.113.7,mtime=1795481030,status-ipv4=good,wildcard=0 ok.example.com"
#define HEAD310 "## ddclient-3.10.0\n## last updated at Tue Nov 24 00:43:50 2026 (1795481030)\n"

static const struct {
	const char	*line;
	const char	*host;
	const char	*status;
	const char	*ip;
	long long	 mtime;
	long long	 atime;
} good_lines[] = {
	{ L310_DENIED, "denied.example.com", "badauth", "", 0, 1795481030 },
	{ L310_OK, "ok.example.com", "good", "203.0.113.7", 1795481030,
	  1795481030 },
	{ L310_SHORT, "host1.example.com", "good", "203.0.113.7", 1795480206,
	  1795480206 },
	{ L310_OK "\n", "ok.example.com", "good", "203.0.113.7", 1795481030,
	  1795481030 },
	{ L310_OK "\r\n", "ok.example.com", "good", "203.0.113.7", 1795481030,
	  1795481030 },
	{ L4_DENIED, "denied.example.com", "badauth", "", 0, 1795481030 },
	{ L4_OK, "ok.example.com", "good", "203.0.113.7", 1795481030,
	  1795481030 },
	/* 3.10 after nsupdate: status stays noconnect; ip and mtime tell. */
	{ "atime=0,host=ns.example.com,ip=203.0.113.9,mtime=1795481000,"
	  "status=noconnect,status-ipv4=noconnect,ttl=600,zone=example.com "
	  "ns.example.com", "ns.example.com", "noconnect", "203.0.113.9",
	  1795481000, 0 },
	/* 3.10, real: a host skipped for a null password, never attempted. */
	{ "atime=0,status=,wtime=30 nopw.example.com", "nopw.example.com", "",
	  "", 0, 0 },
};
#define NGOOD (sizeof(good_lines) / sizeof(good_lines[0]))

START_TEST(parse_line_reads_status_ip_times_host)
{
	struct cache_entry ce;
	const char *ip, *status;

	ck_assert_int_eq(cache_parse_line(good_lines[_i].line, &ce), 0);
	ck_assert_str_eq(ce.host, good_lines[_i].host);
	cache_family(&ce, 0, &ip, &status);
	ck_assert_str_eq(status, good_lines[_i].status);
	ck_assert_str_eq(ip, good_lines[_i].ip);
	ck_assert_int_eq(ce.mtime, good_lines[_i].mtime);
	ck_assert_int_eq(ce.atime, good_lines[_i].atime);
}
END_TEST

/* Both cache formats, per family: 3.10's one address and status, 3.11's
 * pair per family (with one family failing, too). */
static const struct {
	const char	*line;
	const char	*ip4, *status4, *ip6, *status6;
} family_lines[] = {
	{ L310_OK, "203.0.113.7", "good", "", "good" },
	{ L310_DENIED, "", "badauth", "", "badauth" },
	{ "atime=1,ip=2001:db8::7,mtime=1,status=good,status-ipv4=noconnect,"
	  "status-ipv6=noconnect v6.example.com", "", "good", "2001:db8::7",
	  "good" },
	{ "atime=1,ipv4=203.0.113.7,ipv6=2001:db8::7,mtime=1,status-ipv4=good,"
	  "status-ipv6=good dual.example.com", "203.0.113.7", "good",
	  "2001:db8::7", "good" },
	{ "atime=1,ipv4=203.0.113.7,mtime=1,status-ipv4=good,"
	  "status-ipv6=badauth half.example.com", "203.0.113.7", "good", "",
	  "badauth" },
};
#define NFAMILY (sizeof(family_lines) / sizeof(family_lines[0]))

START_TEST(family_reads_both_cache_formats)
{
	struct cache_entry ce;
	const char *ip, *status;

	ck_assert_int_eq(cache_parse_line(family_lines[_i].line, &ce), 0);
	cache_family(&ce, 0, &ip, &status);
	ck_assert_str_eq(ip, family_lines[_i].ip4);
	ck_assert_str_eq(status, family_lines[_i].status4);
	cache_family(&ce, 1, &ip, &status);
	ck_assert_str_eq(ip, family_lines[_i].ip6);
	ck_assert_str_eq(status, family_lines[_i].status6);
}
END_TEST

static char longhost[400];

static const char *const bad_lines[] = {
	"nospacehere",
	"atime=1,statusgood host.example.com",
	"",
	"\n",
	"## ddclient-3.10.0",
	"# atime=1,status=good host.example.com",
	"atime=1,status=good ",
	"atime=1,status=good \n",
	longhost,
};
#define NBAD (sizeof(bad_lines) / sizeof(bad_lines[0]))

START_TEST(parse_line_refuses_damaged_line)
{
	struct cache_entry ce;

	memset(longhost, 0, sizeof(longhost));
	strcpy(longhost, "status=good ");
	memset(longhost + strlen(longhost), 'a', 300);
	ck_assert_msg(cache_parse_line(bad_lines[_i], &ce) == -1,
	    "accepted \"%s\"", bad_lines[_i]);
}
END_TEST

START_TEST(parse_line_keeps_253_char_host)
{
	char line[400], host[254];
	struct cache_entry ce;

	memset(host, 'a', 253);
	host[253] = '\0';
	host[63] = host[127] = host[191] = '.';
	snprintf(line, sizeof(line), "status=good,ip=192.0.2.1 %s", host);
	ck_assert_int_eq(cache_parse_line(line, &ce), 0);
	ck_assert_str_eq(ce.host, host);
}
END_TEST

START_TEST(parse_line_ignores_overlong_values)
{
	char line[600];
	struct cache_entry ce;

	memset(line, 0, sizeof(line));
	strcpy(line, "status=");
	memset(line + 7, 'x', 100);
	strcat(line, ",ip=");
	memset(line + strlen(line), '1', 100);
	strcat(line, ",mtime=99999999999999999999999 h.example.com");
	ck_assert_int_eq(cache_parse_line(line, &ce), 0);
	ck_assert_str_eq(ce.host, "h.example.com");
	ck_assert_uint_lt(strlen(ce.status), sizeof(ce.status));
	ck_assert_uint_lt(strlen(ce.ip), sizeof(ce.ip));
	ck_assert_int_eq(ce.mtime, 0);
}
END_TEST

/* ---- files ---- */

static char dir[TU_PATH_SZ], path[TU_PATH_SZ];

static void
setup(void)
{
	tu_tmpdir(dir);
	tu_path(path, dir, "ddclient.cache");
}

static void
teardown(void)
{
	tu_rmrf(dir);
}

START_TEST(read_skips_damaged_lines)
{
	struct cache_entry *ce;
	struct dd_err e;
	size_t n;

	tu_write_str(path, HEAD310 L310_DENIED "\ngarbage\n" L310_OK "\n\n"
	    "x=1,y 2 z\n" L310_SAME);	/* last line without a newline */
	ck_assert_int_eq(cache_read(path, &ce, &n, &e), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(ce[0].host, "denied.example.com");
	ck_assert_str_eq(ce[1].host, "ok.example.com");
	ck_assert_str_eq(ce[2].host, "same.example.com");
	ck_assert_str_eq(ce[2].status, "good");
	free(ce);
}
END_TEST

START_TEST(read_missing_file_is_empty_cache)
{
	struct cache_entry *ce = NULL;
	struct dd_err e;
	size_t n = 99;

	dd_clear(&e);
	ck_assert_int_eq(cache_read(path, &ce, &n, &e), 0);
	ck_assert_uint_eq(n, 0);
	free(ce);
}
END_TEST

START_TEST(read_empty_file_is_empty_cache)
{
	struct cache_entry *ce;
	struct dd_err e;
	size_t n = 99;

	tu_write_str(path, "");
	ck_assert_int_eq(cache_read(path, &ce, &n, &e), 0);
	ck_assert_uint_eq(n, 0);
	free(ce);
}
END_TEST

START_TEST(find_is_case_insensitive_and_later_line_wins)
{
	struct cache_entry *ce;
	const struct cache_entry *f;
	struct dd_err e;
	size_t n;

	tu_write_str(path, HEAD310 L310_DENIED "\n" L310_OK "\n" L4_DENIED "\n");
	ck_assert_int_eq(cache_read(path, &ce, &n, &e), 0);
	ck_assert_uint_eq(n, 3);
	f = cache_find(ce, n, "OK.Example.COM");
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->host, "ok.example.com");
	ck_assert_str_eq(f->ip, "203.0.113.7");
	f = cache_find(ce, n, "denied.example.com");
	ck_assert_ptr_eq(f, &ce[2]);
	ck_assert_ptr_null(cache_find(ce, n, "absent.example.com"));
	ck_assert_ptr_null(cache_find(ce, n, "ok.example"));
	ck_assert_ptr_null(cache_find(NULL, 0, "ok.example.com"));
	free(ce);
}
END_TEST

START_TEST(drop_removes_exactly_the_listed_hosts)
{
	static const char before[] = HEAD310
	    L310_DENIED "\n"
	    "# a comment someone added, with ok.example.com in it\n"
	    L310_OK "\n"
	    "garbage line kept as it is  \n"
	    "atime=1,status=good sub.ok.example.com\n"
	    "atime=1,status=good xok.example.com\n"
	    L310_SAME "\n"
	    L4_OK "\n";
	static const char after[] = HEAD310
	    L310_DENIED "\n"
	    "# a comment someone added, with ok.example.com in it\n"
	    "garbage line kept as it is  \n"
	    "atime=1,status=good sub.ok.example.com\n"
	    "atime=1,status=good xok.example.com\n";
	char *hosts[] = { "OK.example.com", "same.example.com",
	    "absent.example.com" };
	struct dd_err e;
	struct stat st;
	char *got;

	tu_write(path, before, strlen(before), 0640);
	ck_assert_int_eq(cache_drop(path, hosts, 3, &e), 0);
	got = tu_read(path, NULL);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, after);
	free(got);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0640);
}
END_TEST

START_TEST(drop_keeps_file_without_trailing_newline)
{
	static const char before[] = HEAD310 L310_OK "\n" L310_SAME;
	char *hosts[] = { "ok.example.com" };
	struct dd_err e;
	char *got;

	tu_write(path, before, strlen(before), 0600);
	ck_assert_int_eq(cache_drop(path, hosts, 1, &e), 0);
	got = tu_read(path, NULL);
	ck_assert_str_eq(got, HEAD310 L310_SAME);
	free(got);
}
END_TEST

START_TEST(drop_of_unlisted_hosts_leaves_file_identical)
{
	static const char before[] = HEAD310 L310_OK "\n";
	char *hosts[] = { "absent.example.com" };
	struct dd_err e;
	char *got;

	tu_write(path, before, strlen(before), 0600);
	ck_assert_int_eq(cache_drop(path, hosts, 1, &e), 0);
	ck_assert_int_eq(cache_drop(path, hosts, 0, &e), 0);
	got = tu_read(path, NULL);
	ck_assert_str_eq(got, before);
	free(got);
}
END_TEST

START_TEST(drop_with_missing_cache_is_fine)
{
	char *hosts[] = { "ok.example.com" };
	struct dd_err e;

	dd_clear(&e);
	ck_assert_int_eq(cache_drop(path, hosts, 1, &e), 0);
	ck_assert_int_eq(access(path, F_OK), -1);
}
END_TEST

START_TEST(drop_leaves_no_temp_file_behind)
{
	static const char before[] = HEAD310 L310_OK "\n" L310_SAME "\n";
	char *hosts[] = { "ok.example.com" };
	struct dd_err e;
	struct dirent *d;
	DIR *dp;
	int count = 0;

	tu_write(path, before, strlen(before), 0600);
	ck_assert_int_eq(cache_drop(path, hosts, 1, &e), 0);
	ck_assert_ptr_nonnull(dp = opendir(dir));
	while ((d = readdir(dp)) != NULL)
		if (strcmp(d->d_name, ".") && strcmp(d->d_name, ".."))
			count++;
	closedir(dp);
	ck_assert_int_eq(count, 1);
}
END_TEST

/* big_cache: a valid cache just over 4 MiB, ok.example.com on line 3. */
static size_t
big_cache(void)
{
	static const char head[] = HEAD310 L310_OK "\n";
	size_t n = 4 * 1024 * 1024 + 1, i;
	char *p = malloc(n);

	ck_assert_ptr_nonnull(p);
	memcpy(p, head, sizeof(head) - 1);
	for (i = sizeof(head) - 1; i < n; i++)
		p[i] = (i + 1) % 80 == 0 ? '\n' : '#';
	tu_write(path, p, n, 0600);
	free(p);
	return n;
}

START_TEST(read_of_cache_over_4_mib_is_an_error_naming_it)
{
	struct cache_entry *ce;
	struct dd_err e;
	size_t n;

	big_cache();
	dd_clear(&e);
	ck_assert_int_eq(cache_read(path, &ce, &n, &e), -1);
	ck_assert_msg(strstr(e.msg, "too large") != NULL, "%s", e.msg);
	ck_assert_msg(strstr(e.msg, path) != NULL, "%s", e.msg);
}
END_TEST

START_TEST(drop_of_cache_over_4_mib_leaves_it_whole)
{
	char *hosts[] = { "ok.example.com" }, *before, *after;
	struct dd_err e;
	size_t n, nb, na;

	n = big_cache();
	before = tu_read(path, &nb);
	dd_clear(&e);
	ck_assert_int_eq(cache_drop(path, hosts, 1, &e), -1);
	ck_assert_msg(strstr(e.msg, "too large") != NULL, "%s", e.msg);
	after = tu_read(path, &na);
	ck_assert_uint_eq(na, n);
	ck_assert_mem_eq(after, before, n);
	free(before);
	free(after);
}
END_TEST

/* What scan_* saw: the hosts in order, joined by spaces. */
struct seen {
	char	 hosts[16384];
	int	 asked, n;
};

static int
seen_add(const struct cache_entry *ce, void *arg)
{
	struct seen *sn = arg;

	strcat(sn->hosts, *sn->hosts ? " " : "");
	strcat(sn->hosts, ce->host);
	sn->n++;
	return 0;
}

/* Only hosts whose name starts with "b", counting each question. */
static int
want_b(const char *host, size_t len, void *arg)
{
	struct seen *sn = arg;

	sn->asked++;
	return len > 0 && host[0] == 'b';
}

/* A file of 400 lines of ~60 bytes crosses the 8 KiB read buffer many
 * times; one line longer than any host's is skipped, the last line has
 * no newline. Every other line is seen whole, in order. */
START_TEST(scan_sees_every_line_across_reads_and_filters_hosts)
{
	char *data = calloc(1, 64 * 1024), line[128], expect[4096] = "";
	char bexpect[4096] = "";
	static struct seen all, some;
	struct dd_err e;
	size_t i, n = 0;

	strcpy(data, HEAD310);
	for (i = 0; i < 400; i++) {
		snprintf(line, sizeof(line), "atime=1,ip=192.0.2.%zu,mtime=1,"
		    "status=good %c%zu.example.com%s", i % 250, i % 2 ? 'b' : 'a',
		    i, i == 399 ? "" : "\n");
		strcat(data, line);
		if (i == 200) {	/* over CACHE_LINE_MAX: skipped */
			memset(data + strlen(data), 'x', 5000);
			strcat(data, " long.example.com\n");
		}
		if (i >= 390) {
			snprintf(line, sizeof(line), "%s%c%zu.example.com",
			    *expect ? " " : "", i % 2 ? 'b' : 'a', i);
			strcat(expect, line);
			if (i % 2) {
				snprintf(line, sizeof(line), "%sb%zu.example.com",
				    *bexpect ? " " : "", i);
				strcat(bexpect, line);
			}
		}
		n++;
	}
	tu_write_str(path, data);
	free(data);
	ck_assert_int_eq(cache_scan(path, NULL, seen_add, &all, &e), 0);
	ck_assert_int_eq(all.n, 400);
	ck_assert_msg(strstr(all.hosts, "long.example.com") == NULL, "%s",
	    all.hosts);
	ck_assert_msg(strncmp(all.hosts, "a0.example.com b1.example.com ", 30)
	    == 0, "%.60s", all.hosts);
	ck_assert_str_eq(all.hosts + strlen(all.hosts) - strlen(expect), expect);
	/* The filter is asked once per host line, and only its hosts are
	 * parsed and seen. */
	ck_assert_int_eq(cache_scan(path, want_b, seen_add, &some, &e), 0);
	ck_assert_int_eq(some.asked, (int)n);
	ck_assert_int_eq(some.n, 200);
	ck_assert_msg(strstr(some.hosts, " a") == NULL, "%s", some.hosts);
	ck_assert_msg(strncmp(some.hosts, "b1.example.com b3.example.com ", 30)
	    == 0, "%.60s", some.hosts);
	ck_assert_str_eq(some.hosts + strlen(some.hosts) - strlen(bexpect),
	    bexpect);
}
END_TEST

/* Only the host h.example.com. */
static int
want_h(const char *host, size_t len, void *arg)
{
	(void)arg;
	return len == 13 && memcmp(host, "h.example.com", 13) == 0;
}

/* The filter reads a line's host as the parser does: up to its first CR,
 * whatever follows it. */
START_TEST(scan_filter_reads_the_host_the_parser_reads)
{
	static struct seen sn;
	struct dd_err e;

	tu_write_str(path, HEAD310 "atime=1,mtime=1,status=good h.example.com\rX\n"
	    "atime=1,mtime=1,status=good h.example.com.other\n");
	ck_assert_int_eq(cache_scan(path, want_h, seen_add, &sn, &e), 0);
	ck_assert_int_eq(sn.n, 1);
	ck_assert_str_eq(sn.hosts, "h.example.com");
}
END_TEST

static Suite *
cache_suite(void)
{
	Suite *s = suite_create("cache");
	TCase *tc;

	tc = tcase_create("parse");
	tcase_add_loop_test(tc, parse_line_reads_status_ip_times_host, 0,
	    (int)NGOOD);
	tcase_add_loop_test(tc, family_reads_both_cache_formats, 0,
	    (int)NFAMILY);
	tcase_add_loop_test(tc, parse_line_refuses_damaged_line, 0, (int)NBAD);
	tcase_add_test(tc, parse_line_keeps_253_char_host);
	tcase_add_test(tc, parse_line_ignores_overlong_values);
	suite_add_tcase(s, tc);

	tc = tcase_create("file");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, read_skips_damaged_lines);
	tcase_add_test(tc, scan_sees_every_line_across_reads_and_filters_hosts);
	tcase_add_test(tc, scan_filter_reads_the_host_the_parser_reads);
	tcase_add_test(tc, read_missing_file_is_empty_cache);
	tcase_add_test(tc, read_empty_file_is_empty_cache);
	tcase_add_test(tc, find_is_case_insensitive_and_later_line_wins);
	tcase_add_test(tc, drop_removes_exactly_the_listed_hosts);
	tcase_add_test(tc, drop_keeps_file_without_trailing_newline);
	tcase_add_test(tc, drop_of_unlisted_hosts_leaves_file_identical);
	tcase_add_test(tc, drop_with_missing_cache_is_fine);
	tcase_add_test(tc, drop_leaves_no_temp_file_behind);
	tcase_add_test(tc, read_of_cache_over_4_mib_is_an_error_naming_it);
	tcase_add_test(tc, drop_of_cache_over_4_mib_leaves_it_whole);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(cache_suite());
}

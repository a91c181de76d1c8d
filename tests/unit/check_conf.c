/* check_conf.c: the module configuration file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <check.h>

#include "conf.h"
#include "utf8.h"
#include "testutil.h"

static char dir[TU_PATH_SZ], path[TU_PATH_SZ];

static void
setup(void)
{
	tu_tmpdir(dir);
	tu_path(path, dir, "ddns-admin.conf");
}

static void
teardown(void)
{
	tu_rmrf(dir);
}

/* load: write text to the config file and conf_load it. */
static int
load(const char *text, struct conf *c, struct dd_err *e)
{
	tu_write_str(path, text);
	dd_clear(e);
	return conf_load(c, path, e);
}

START_TEST(defaults_without_a_file)
{
	struct conf c;
	struct dd_err e;

	ck_assert_int_eq(conf_load(&c, NULL, &e), 0);
	ck_assert_int_eq(c.require_auth, 1);
	ck_assert_int_eq(c.ddclient_ssl, 1);
	ck_assert_int_eq(c.ddclient_daemon, 300);
	ck_assert_msg(strncmp(c.ddclient_use, "web, web=", 9) == 0, "%s",
	    c.ddclient_use);
	ck_assert_str_eq(c.database, "/var/lib/ddns-admin/ddns.db");
	ck_assert_str_eq(c.ddclient_conf, "/etc/ddclient.conf");
	ck_assert_str_eq(c.ddclient_cache, "/var/cache/ddclient/ddclient.cache");
	ck_assert_str_eq(c.ddclient_pid, "/run/ddclient.pid");
	ck_assert(c.templates[0] == '/' && c.state_dir[0] == '/');
	ck_assert(c.apply != NULL && c.checkip != NULL && c.static_url != NULL);
	ck_assert(strncmp(c.checkip_url, "http", 4) == 0);
	ck_assert_int_ge(c.checkip_interval, 10);
	ck_assert_int_gt(c.history_max, 0);
	ck_assert_ptr_null(c.page_hosts);	/* SERVER_ADDR only */
	conf_free(&c);
}
END_TEST

START_TEST(file_sets_every_key)
{
	struct conf c;
	struct dd_err e;

	ck_assert_msg(load(
	    "database = /srv/ddns/ddns.db\n"
	    "ddclient_conf = /srv/ddclient/ddclient.conf\n"
	    "ddclient_pid = /srv/run/ddclient.pid\n"
	    "ddclient_cache = /srv/cache/ddclient.cache\n"
	    "templates = /srv/share/templates\n"
	    "apply = /usr/bin/sudo -n /srv/sbin/ddns-apply\n"
	    "checkip = /srv/sbin/ddns-checkip\n"
	    "checkip_url = http://127.0.0.1:9/ip\n"
	    "checkip_interval = 600\n"
	    "state_dir = /srv/state\n"
	    "require_auth = no\n"
	    "ddclient_use = if, if=eth0\n"
	    "ddclient_ssl = no\n"
	    "ddclient_daemon = 120\n"
	    "static_url = /static/\n"
	    "history_max = 50\n"
	    "page_hosts = router.example.net ddns.lan:8443 [fd00::1]:8080\n",
	    &c, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(c.database, "/srv/ddns/ddns.db");
	ck_assert_str_eq(c.ddclient_conf, "/srv/ddclient/ddclient.conf");
	ck_assert_str_eq(c.ddclient_pid, "/srv/run/ddclient.pid");
	ck_assert_str_eq(c.ddclient_cache, "/srv/cache/ddclient.cache");
	ck_assert_str_eq(c.templates, "/srv/share/templates");
	ck_assert_str_eq(c.apply, "/usr/bin/sudo -n /srv/sbin/ddns-apply");
	ck_assert_str_eq(c.checkip, "/srv/sbin/ddns-checkip");
	ck_assert_str_eq(c.checkip_url, "http://127.0.0.1:9/ip");
	ck_assert_int_eq(c.checkip_interval, 600);
	ck_assert_str_eq(c.state_dir, "/srv/state");
	ck_assert_int_eq(c.require_auth, 0);
	ck_assert_str_eq(c.ddclient_use, "if, if=eth0");
	ck_assert_int_eq(c.ddclient_ssl, 0);
	ck_assert_int_eq(c.ddclient_daemon, 120);
	ck_assert_str_eq(c.static_url, "/static/");
	ck_assert_int_eq(c.history_max, 50);
	ck_assert_str_eq(c.page_hosts,
	    "router.example.net ddns.lan:8443 [fd00::1]:8080");
	conf_free(&c);
}
END_TEST

/* The dns check's keys (issue 20): values as dnsstate.c reads them. */
START_TEST(dns_keys_are_read)
{
	struct conf c;
	struct dd_err e;

	ck_assert_msg(load("dns_check = resolver 127.0.0.1@5353\n"
	    "dns_stub = dyn.example.test 127.0.0.1@5300\n"
	    "dns_trust_anchor = none\n"
	    "dns_timeout = 3\n"
	    "dns_interval = 600\n"
	    "dnscheck = /srv/sbin/ddns-dnscheck\n", &c, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(c.dns_check, "resolver 127.0.0.1@5353");
	ck_assert_str_eq(c.dns_stub, "dyn.example.test 127.0.0.1@5300");
	ck_assert_ptr_null(c.dns_trust_anchor);
	ck_assert_int_eq(c.dns_timeout, 3);
	ck_assert_int_eq(c.dns_interval, 600);
	ck_assert_str_eq(c.dnscheck, "/srv/sbin/ddns-dnscheck");
	conf_free(&c);
	ck_assert_int_eq(load("", &c, &e), 0);
	ck_assert_str_eq(c.dns_check, "authoritative");
	ck_assert_ptr_null(c.dns_stub);
	ck_assert_str_eq(c.dns_trust_anchor, "/usr/share/dns/root.key");
	ck_assert_int_eq(c.dns_timeout, 10);
	conf_free(&c);
}
END_TEST

START_TEST(comments_blank_lines_and_spaces_ignored)
{
	struct conf c;
	struct dd_err e;

	ck_assert_msg(load("# ddns-admin configuration\n"
	    "\n"
	    "   \n"
	    "\t# indented comment with = sign\n"
	    "  database   =   /x/y.db   \n"
	    "ddclient_ssl=no\n"
	    "# require_auth = maybe\n", &c, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(c.database, "/x/y.db");
	ck_assert_int_eq(c.ddclient_ssl, 0);
	ck_assert_int_eq(c.require_auth, 1);	/* untouched default */
	conf_free(&c);
}
END_TEST

START_TEST(missing_key_keeps_default)
{
	struct conf c;
	struct dd_err e;

	ck_assert_int_eq(load("require_auth = no\n", &c, &e), 0);
	ck_assert_int_eq(c.require_auth, 0);
	ck_assert_int_eq(c.ddclient_daemon, 300);
	ck_assert_str_eq(c.database, "/var/lib/ddns-admin/ddns.db");
	conf_free(&c);
}
END_TEST

/* A bad file: the error is DD_ECONF and names the line (and, when not
 * NULL, holds want). */
static const struct {
	const char	*text;
	const char	*line;
	const char	*want;
} bad[] = {
	{ "database = /a.db\n\ncolour = blue\n", "line 3", "colour" },
	{ "database = /a.db\ndatabase = /b.db\n", "line 2", "database" },
	{ "Database = /a.db\n", "line 1", NULL },
	{ "checkip_interval = abc\n", "line 1", "checkip_interval" },
	{ "# x\ncheckip_interval = 5\n", "line 2", "checkip_interval" },
	{ "checkip_interval = 99999999\n", "line 1", "checkip_interval" },
	{ "checkip_interval = -300\n", "line 1", "checkip_interval" },
	{ "checkip_interval =\n", "line 1", "checkip_interval" },
	{ "ddclient_daemon = 0\n", "line 1", "ddclient_daemon" },
	{ "database = ddns.db\n", "line 1", "database" },
	{ "ddclient_conf = ../etc/ddclient.conf\n", "line 1", "ddclient_conf" },
	{ "state_dir =\n", "line 1", "state_dir" },
	{ "require_auth = maybe\n", "line 1", "require_auth" },
	{ "require_auth = YES\n", "line 1", "require_auth" },
	{ "ddclient_ssl = 1\n", "line 1", "ddclient_ssl" },
	{ "checkip_url = ftp://example.com/\n", "line 1", "checkip_url" },
	{ "ddclient_use = web, web=x # comment\n", "line 1", "ddclient_use" },
	{ "ddclient_use = web\x01\n", "line 1", "ddclient_use" },
	{ "just some words\n", "line 1", NULL },
	/* A command run.c could not pass whole is refused, never cut. */
	{ "apply = /bin/echo 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n", "line 1",
	  "apply" },
	{ "# x\ncheckip = /bin/echo 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n",
	  "line 2", "checkip" },
	{ "apply = sudo -n /usr/sbin/ddns-apply\n", "line 1", "absolute" },
	{ "checkip = ddns-checkip\n", "line 1", "checkip" },
	{ "apply =\n", "line 1", "apply" },
	{ "apply =    \n", "line 1", "apply" },
	/* page_hosts: host names or address literals, optionally :port. */
	{ "page_hosts =\n", "line 1", "page_hosts" },
	{ "page_hosts = http://router.example.net\n", "line 1", "page_hosts" },
	{ "page_hosts = router.example.net/ddns\n", "line 1", "page_hosts" },
	{ "# x\npage_hosts = router ok.lan:0\n", "line 2", "ok.lan:0" },
	{ "page_hosts = router:65536\n", "line 1", "router:65536" },
	{ "page_hosts = router:\n", "line 1", "page_hosts" },
	{ "page_hosts = router:80:81\n", "line 1", "page_hosts" },
	{ "page_hosts = [::1\n", "line 1", "page_hosts" },
	{ "page_hosts = []:80\n", "line 1", "page_hosts" },
	{ "page_hosts = [xyz::1]\n", "line 1", "page_hosts" },
	{ "page_hosts = admin@router\n", "line 1", "page_hosts" },
	{ "page_hosts = *\n", "line 1", "page_hosts" },
	{ "page_hosts = a.lan\npage_hosts = b.lan\n", "line 2", "page_hosts" },
	/* dns check (issue 20) */
	{ "dns_check = resolver\n", "line 1", "dns_check" },
	{ "dns_check = resolver dns.example.org\n", "line 1", "dns_check" },
	{ "dns_check = on\n", "line 1", "dns_check" },
	{ "dns_stub = dyn.example.test\n", "line 1", "dns_stub" },
	{ "dns_stub = dyn.example.test ns1.example.test\n", "line 1", "dns_stub" },
	{ "dns_trust_anchor = root.key\n", "line 1", "dns_trust_anchor" },
	{ "dns_timeout = 0\n", "line 1", "dns_timeout" },
	{ "dns_interval = 10\n", "line 1", "dns_interval" },
};
#define NBAD (sizeof(bad) / sizeof(bad[0]))

START_TEST(bad_file_is_an_error_naming_the_line)
{
	struct conf c;
	struct dd_err e;

	ck_assert_msg(load(bad[_i].text, &c, &e) == -1, "accepted: %s",
	    bad[_i].text);
	ck_assert_int_eq(e.code, DD_ECONF);
	ck_assert_msg(strstr(e.msg, bad[_i].line) != NULL, "\"%s\" lacks "
	    "\"%s\"", e.msg, bad[_i].line);
	if (bad[_i].want)
		ck_assert_msg(strstr(e.msg, bad[_i].want) != NULL, "\"%s\" lacks "
		    "\"%s\"", e.msg, bad[_i].want);
	conf_free(&c);
}
END_TEST

/* A command of 15 words (the most run.c passes) is taken as written. */
START_TEST(command_of_15_words_is_accepted)
{
	struct conf c;
	struct dd_err e;

	ck_assert_msg(load("apply = /bin/echo 1 2 3 4 5 6 7 8 9 10 11 12 13 14\n"
	    "checkip = /usr/bin/sudo  -n   /usr/sbin/ddns-checkip\n", &c, &e) == 0,
	    "%s", e.msg);
	ck_assert_str_eq(c.apply, "/bin/echo 1 2 3 4 5 6 7 8 9 10 11 12 13 14");
	ck_assert_str_eq(c.checkip, "/usr/bin/sudo  -n   /usr/sbin/ddns-checkip");
	conf_free(&c);
}
END_TEST

/* The message quotes at most 40 bytes of an unknown key, and never half a
 * character: the page and the error log get valid UTF-8. */
START_TEST(unknown_key_is_quoted_whole_characters_only)
{
	struct conf c;
	struct dd_err e;
	const char *q;

	/* 39 ASCII bytes, then U+00E9 in bytes 40 and 41. */
	ck_assert_int_eq(load("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\xc3\xa9zzz = 1\n",
	    &c, &e), -1);
	ck_assert_msg(utf8_valid(e.msg, strlen(e.msg)), "not UTF-8: %s", e.msg);
	q = strchr(e.msg, '\'');
	ck_assert_ptr_nonnull(q);
	ck_assert_msg(strncmp(q, "'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk'", 41) == 0,
	    "%s", e.msg);
	conf_free(&c);
}
END_TEST

/* page_hosts: spaces between words are free; case and IPv4 are kept. */
START_TEST(page_hosts_accepts_names_addresses_and_ports)
{
	struct conf c;
	struct dd_err e;

	ck_assert_msg(load("page_hosts =   Router.LAN  192.0.2.1:8080 "
	    "[::1] [fd00::1]:443 localhost\n", &c, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(c.page_hosts, "Router.LAN  192.0.2.1:8080 [::1] "
	    "[fd00::1]:443 localhost");
	conf_free(&c);
}
END_TEST

START_TEST(missing_file_is_a_system_error)
{
	struct conf c;
	struct dd_err e;

	dd_clear(&e);
	ck_assert_int_eq(conf_load(&c, tu_path(path, dir, "absent.conf"), &e),
	    -1);
	ck_assert_int_eq(e.code, DD_ESYS);
	ck_assert_ptr_nonnull(strstr(e.msg, "absent.conf"));
	conf_free(&c);
}
END_TEST

START_TEST(conf_path_follows_environment)
{
	setenv("DDNS_ADMIN_CONFIG", "/srv/ddns.conf", 1);
	ck_assert_str_eq(conf_path(), "/srv/ddns.conf");
	setenv("DDNS_ADMIN_CONFIG", "", 1);
	ck_assert_str_eq(conf_path(), DEFAULT_CONFIG);
	unsetenv("DDNS_ADMIN_CONFIG");
	ck_assert_str_eq(conf_path(), DEFAULT_CONFIG);
}
END_TEST

/* example: conf_example's text, written to path as well. */
static char *
example(void)
{
	FILE *f = fopen(path, "w");
	char *text;

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(conf_example(f), 0);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_ptr_nonnull(text = tu_read(path, NULL));
	return text;
}

START_TEST(example_names_the_default_path_and_every_key_with_its_default)
{
	const char *name, *def, *help;
	char line[512], head[300];
	char *text = example();
	size_t i;

	snprintf(head, sizeof(head), "# %s: ", DEFAULT_CONFIG);
	ck_assert_msg(strncmp(text, head, strlen(head)) == 0, "%s", text);
	for (i = 0; (name = conf_key_doc(i, &def, &help)) != NULL; i++) {
		ck_assert_msg(help != NULL && *help != '\0' &&
		    strchr(help, '\n') == NULL, "%s: one line of help", name);
		if (def != NULL)
			snprintf(line, sizeof(line), "\n%s = %s\n", name, def);
		else
			snprintf(line, sizeof(line), "\n#%s =\n", name);
		ck_assert_msg(strstr(text, line) != NULL, "no line %s", line);
	}
	ck_assert_int_gt(i, 0);
	free(text);
}
END_TEST

START_TEST(example_loads_back_as_the_defaults)
{
	struct conf c, d;
	struct dd_err e;
	char *text = example();

	dd_clear(&e);
	ck_assert_msg(conf_load(&c, path, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(conf_load(&d, NULL, &e), 0);
	ck_assert_str_eq(c.templates, d.templates);
	ck_assert_str_eq(c.apply, d.apply);
	ck_assert_str_eq(c.checkip, d.checkip);
	ck_assert_str_eq(c.ddclient_use, d.ddclient_use);
	ck_assert_int_eq(c.checkip_interval, d.checkip_interval);
	ck_assert_int_eq(c.require_auth, d.require_auth);
	ck_assert_int_eq(c.history_max, d.history_max);
	conf_free(&c);
	conf_free(&d);
	free(text);
}
END_TEST

/* README's key table (the man-page view) names exactly the keys of conf.c:
 * the rows after the line "    key   default   meaning", up to a blank. */
START_TEST(readme_table_lists_exactly_the_keys)
{
	const char *name, *def, *help;
	char *readme, *table, *p, *eol, want[64];
	size_t i, rows = 0, len;

	ck_assert_ptr_nonnull(readme = tu_read(SRCDIR "/README", NULL));
	ck_assert_ptr_nonnull(table = strstr(readme, "\n    key  "));
	p = strchr(table + 1, '\n') + 1;
	for (; *p == ' '; p = eol + 1, rows++) {
		ck_assert_ptr_nonnull(eol = strchr(p, '\n'));
		p += strspn(p, " ");
		len = strcspn(p, " \n");
		ck_assert_msg(len < sizeof(want), "long row in README");
		memcpy(want, p, len);
		want[len] = '\0';
		for (i = 0; (name = conf_key_doc(i, &def, &help)) != NULL; i++)
			if (strcmp(name, want) == 0)
				break;
		ck_assert_msg(name != NULL, "README lists %s, conf.c has no such "
		    "key", want);
	}
	*p = '\0';	/* the table ends here */
	for (i = 0; (name = conf_key_doc(i, &def, &help)) != NULL; i++) {
		snprintf(want, sizeof(want), "\n    %s ", name);
		ck_assert_msg(strstr(table, want) != NULL, "conf.c's key %s is "
		    "not in README's table", name);
	}
	ck_assert_msg(rows == i, "README's table has %zu rows, conf.c %zu keys",
	    rows, i);
	free(readme);
}
END_TEST


START_TEST(no_sources_key_no_sources)
{
	struct conf c;
	struct dd_err e;

	ck_assert_int_eq(load("require_auth = yes\n", &c, &e), 0);
	ck_assert_uint_eq(c.nsrc, 0);
	ck_assert_ptr_null(conf_source(&c, ""));
	ck_assert_ptr_null(conf_source(&c, "wan1"));
	conf_free(&c);
}
END_TEST

/* prog: an executable file of dir with mode, root's (the tests run as root). */
static void
prog(char out[TU_PATH_SZ], const char *name, mode_t mode)
{
	tu_path(out, dir, name);
	tu_write(out, "#!/bin/sh\necho 192.0.2.1\n", 25, mode);
	ck_assert_int_eq(chmod(out, mode), 0);
}

START_TEST(sources_are_read_in_order_with_their_kinds_and_labels)
{
	char text[2048], cmd[TU_PATH_SZ];
	const struct source *s;
	struct conf c;
	struct dd_err e;

	prog(cmd, "lte-ip", 0755);
	snprintf(text, sizeof(text), "sources = wan1 lte\n"
	    "source.wan1.v4 = if eth0\n"
	    "source.wan1.v6 = web https://v6.example.net/ip?x=1&y=%%2F\n"
	    "source.wan1.label.en = Fibre\n"
	    "source.wan1.label.it = Fibra\n"
	    "source.lte.v4 = cmd %s\n"
	    "source.lte.v6 = none\n", cmd);
	ck_assert_msg(load(text, &c, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(c.nsrc, 2);
	ck_assert_ptr_eq(conf_source(&c, ""), &c.src[0]);
	s = conf_source(&c, "wan1");
	ck_assert_ptr_eq(s, &c.src[0]);
	ck_assert_int_eq(s->why, MSG_none);
	ck_assert_int_eq(s->fam[0].kind, SRC_IF);
	ck_assert_str_eq(s->fam[0].arg, "eth0");
	ck_assert_int_eq(s->fam[1].kind, SRC_WEB);
	ck_assert_str_eq(s->fam[1].arg, "https://v6.example.net/ip?x=1&y=%2F");
	ck_assert_str_eq(s->label[0], "Fibre");
	ck_assert_str_eq(s->label[1], "Fibra");
	s = conf_source(&c, "lte");
	ck_assert_ptr_eq(s, &c.src[1]);
	ck_assert_int_eq(s->why, MSG_none);
	ck_assert_int_eq(s->fam[0].kind, SRC_CMD);
	ck_assert_str_eq(s->fam[0].arg, cmd);
	ck_assert_int_eq(s->fam[1].kind, SRC_NONE);
	ck_assert_str_eq(s->label[0], "");
	ck_assert_ptr_null(conf_source(&c, "wan2"));
	ck_assert_str_eq(c.src[1].fam[0].helper, "");
	conf_free(&c);
}
END_TEST

/* A web check bound to an interface ("URL via IFACE") keeps the URL and
 * the interface apart, and is reached through its helper link under
 * apply_dir (what ddclient is given instead of the URL). */
START_TEST(a_bound_web_check_goes_through_its_helper_link)
{
	const struct source_fam *f;
	struct conf c;
	struct dd_err e;

	ck_assert_msg(load("apply_dir = /var/lib/ddns-admin/apply\n"
	    "sources = wan1 dsl\nsource.wan1.v4 = if eth0\n"
	    "source.dsl.v4 = web http://192.0.2.1/ip via ppp0\n"
	    "source.dsl.v6 = web http://[2001:db8::1]/ip\n", &c, &e) == 0,
	    "%s", e.msg);
	ck_assert_int_eq(c.src[1].why, MSG_none);
	f = &c.src[1].fam[0];
	ck_assert_int_eq(f->kind, SRC_WEB);
	ck_assert_str_eq(f->arg, "http://192.0.2.1/ip");
	ck_assert_str_eq(f->iface, "ppp0");
	ck_assert_str_eq(f->helper, "/var/lib/ddns-admin/apply/source/dsl.v4");
	f = &c.src[1].fam[1];
	ck_assert_str_eq(f->iface, "");
	ck_assert_str_eq(f->helper, "");
	conf_free(&c);
}
END_TEST

/* refused: a source whose v4 line is v is loaded, refused with why. */
static void
refused(const char *v, enum msg_id why)
{
	char text[2048];
	struct conf c;
	struct dd_err e;

	snprintf(text, sizeof(text), "sources = lte\nsource.lte.v4 = %s\n", v);
	ck_assert_msg(load(text, &c, &e) == 0, "%s: %s", v, e.msg);
	ck_assert_uint_eq(c.nsrc, 1);
	ck_assert_msg(c.src[0].why == why, "%s: %s, not %s", v,
	    msg_key(c.src[0].why), msg_key(why));
	ck_assert_msg(strstr(c.src[0].where, " line 2") != NULL, "%s",
	    c.src[0].where);
	ck_assert_int_eq(c.src[0].fam[0].kind, SRC_NONE);
	conf_free(&c);
}

/* refused_prog: a program of mode and owner uid, refused with why. */
static void
refused_prog(const char *name, mode_t mode, uid_t uid, enum msg_id why)
{
	char p[TU_PATH_SZ], v[TU_PATH_SZ + 8];

	prog(p, name, mode);
	ck_assert_int_eq(chown(p, uid, 0), 0);
	snprintf(v, sizeof(v), "cmd %s", p);
	refused(v, why);
}

START_TEST(a_bad_source_value_refuses_the_source_with_the_reason)
{
	char p[TU_PATH_SZ + 64], link[TU_PATH_SZ];

	refused("eth0", MSG_src_kind);
	refused("if", MSG_src_kind);
	refused("none eth0", MSG_src_kind);
	refused("ssh eth0", MSG_src_kind);
	refused("if eth0;reboot", MSG_src_if);
	refused("if eth0 eth1", MSG_src_if);
	refused("if averyveryverylongname", MSG_src_if);
	refused("if ..", MSG_src_if);
	refused("web ftp://example.net/", MSG_src_url);
	refused("web https://example.net/a b", MSG_src_url);
	refused("web https://example.net/'x", MSG_src_url);
	refused("web https://example.net/\"x", MSG_src_url);
	refused("web https://example.net/a,usev6=cmdv6", MSG_src_url);
	refused("web https://example.net/$(reboot)", MSG_src_url);
	refused("web https://", MSG_src_url);
	refused("web https://example.net/ via eth0;reboot", MSG_src_if);
	refused("web https://example.net/ via ", MSG_src_url);	/* trimmed */
	refused("web https://example.net/ via eth0 via eth1", MSG_src_if);
	refused("web https://exa mple.net/ via eth0", MSG_src_url);
	refused("cmd wan1-ip", MSG_src_cmd_path);
	refused("cmd bin/wan1-ip", MSG_src_cmd_path);
	refused("cmd /bin/echo;reboot", MSG_src_cmd_path);
	refused("cmd /bin/echo 1.2.3.4", MSG_src_cmd_path);
	refused("cmd /usr/bin/../bin/id", MSG_src_cmd_path);
	refused("cmd /bin/ec$HOME", MSG_src_cmd_path);
	refused("cmd /no/such/program", MSG_src_cmd_missing);
	refused("cmd /tmp", MSG_src_cmd_missing);
	refused_prog("w-others", 0757, 0, MSG_src_cmd_writable);
	refused_prog("w-group", 0775, 0, MSG_src_cmd_writable);
	refused_prog("not-x", 0644, 0, MSG_src_cmd_exec);
	refused_prog("nobodys", 0755, 65534, MSG_src_cmd_owner);
	prog(p, "target", 0755);
	tu_path(link, dir, "link");
	ck_assert_int_eq(symlink(p, link), 0);
	snprintf(p, sizeof(p), "cmd %s", link);
	refused(p, MSG_src_cmd_link);
}
END_TEST

START_TEST(a_source_without_a_family_is_refused)
{
	struct conf c;
	struct dd_err e;

	ck_assert_int_eq(load("sources = a b\nsource.a.v4 = if eth0\n"
	    "source.b.v6 = none\n", &c, &e), 0);
	ck_assert_int_eq(c.src[0].why, MSG_none);
	ck_assert_int_eq(c.src[1].why, MSG_src_empty);
	conf_free(&c);
}
END_TEST

/* The file's own mistakes stop the load, naming the line. */
START_TEST(source_lines_the_file_cannot_hold)
{
	static const struct {
		const char *text, *says;
	} wrong[] = {
		{ "source.a.v4 = if eth0\nsources = a\n", "line 1: source.a.v4 "
		  "names no source" },
		{ "sources = a\nsource.b.v4 = if eth0\n", "names no source" },
		{ "sources = a\nsource.a.v5 = if eth0\n", "unknown key" },
		{ "sources = a\nsource.a.label.de = X\n", "unknown key" },
		{ "sources = a\nsource.a = if eth0\n", "names no source" },
		{ "sources = a\nsource.a.v4 = if eth0\nsource.a.v4 = none\n",
		  "line 3: source.a.v4 is set twice" },
		{ "sources = a\nsource.a.label.en =\n", "must be 1 to" },
		{ "sources = a\nsource.a.v4 = web https://x.net/#a\n",
		  "control character or '#'" },
		{ "sources = Wan1\n", "no source name" },
		{ "sources = a a\n", "names a twice" },
		{ "sources = a b c d e f g h i\n", "more than 8" },
		{ "sources = abcdefghijklmnop\n", "no source name" },
		{ "source.NAME.v4 = if eth0\n", "names no source" },
	};
	struct conf c;
	struct dd_err e;
	size_t i;

	for (i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
		ck_assert_msg(load(wrong[i].text, &c, &e) == -1, "%s",
		    wrong[i].text);
		ck_assert_msg(strstr(e.msg, wrong[i].says) != NULL, "%s: %s",
		    wrong[i].text, e.msg);
		conf_free(&c);
	}
}
END_TEST

static Suite *
conf_suite(void)
{
	Suite *s = suite_create("conf");
	TCase *tc = tcase_create("load");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, defaults_without_a_file);
	tcase_add_test(tc, file_sets_every_key);
	tcase_add_test(tc, dns_keys_are_read);
	tcase_add_test(tc, comments_blank_lines_and_spaces_ignored);
	tcase_add_test(tc, missing_key_keeps_default);
	tcase_add_loop_test(tc, bad_file_is_an_error_naming_the_line, 0,
	    (int)NBAD);
	tcase_add_test(tc, command_of_15_words_is_accepted);
	tcase_add_test(tc, unknown_key_is_quoted_whole_characters_only);
	tcase_add_test(tc, page_hosts_accepts_names_addresses_and_ports);
	tcase_add_test(tc, missing_file_is_a_system_error);
	tcase_add_test(tc, conf_path_follows_environment);
	tcase_add_test(tc, example_names_the_default_path_and_every_key_with_its_default);
	tcase_add_test(tc, example_loads_back_as_the_defaults);
	tcase_add_test(tc, readme_table_lists_exactly_the_keys);
	tcase_add_test(tc, no_sources_key_no_sources);
	tcase_add_test(tc, sources_are_read_in_order_with_their_kinds_and_labels);
	tcase_add_test(tc, a_bad_source_value_refuses_the_source_with_the_reason);
	tcase_add_test(tc, a_bound_web_check_goes_through_its_helper_link);
	tcase_add_test(tc, a_source_without_a_family_is_refused);
	tcase_add_test(tc, source_lines_the_file_cannot_hold);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(conf_suite());
}

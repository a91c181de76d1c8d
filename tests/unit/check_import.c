/* check_import.c: the ddclient config reader (import.c) against what
 * ddclient 3.10 and 3.11 themselves read from the same text (each
 * expectation was read back from the real _read_config of both), the
 * making of rows, and the line format between ddns-apply and the CGI. */
#include <stdio.h>
#include <string.h>

#include <check.h>

#include "conf.h"
#include "import.h"

static struct imp_conf c;

static void
parse(const char *text, enum ddv v)
{
	struct dd_err e;

	imp_free(&c);
	ck_assert_msg(imp_parse(text, strlen(text), v, &c, &e) == 0, "%s",
	    e.msg);
}

/* val: host's value of key, or "(none)" (no host: "(no host)"). */
static const char *
val(const char *host, const char *key)
{
	const char *v;
	size_t i;

	for (i = 0; i < c.nhost; i++)
		if (strcmp(c.host[i].name, host) == 0)
			return (v = imp_get(&c.host[i].set, key)) ? v : "(none)";
	return "(no host)";
}

static void
teardown(void)
{
	imp_free(&c);
}

/* Both versions read these alike. */
static const struct {
	const char	*text;
	const char	*host, *key, *want;
} alike[] = {
	/* globals above a host line carry to it; a host line's own do not
	 * carry to the next line */
	{ "login=g\nlogin=own a.example.org\nb.example.org\n",
	  "b.example.org", "login", "g" },
	{ "login=g\nlogin=own a.example.org\nb.example.org\n",
	  "a.example.org", "login", "own" },
	/* several hosts on one line share its settings */
	{ "server=s.example.net login=l a.example.org,b.example.org\n",
	  "b.example.org", "server", "s.example.net" },
	{ "login=l a.example.org , b.example.org\n", "b.example.org",
	  "login", "l" },
	/* continuations, and a comment before them */
	{ "# c\nprotocol=dyndns2, \\\nlogin=carol, \\\nd.example.org\n",
	  "d.example.org", "login", "carol" },
	/* escapes and quotes in ordinary values */
	{ "login='a\\\\b' x.example.org\n", "x.example.org", "login", "a\\b" },
	{ "login=\"it's\" x.example.org\n", "x.example.org", "login", "it's" },
	{ "login='a\\'b' x.example.org\n", "x.example.org", "login", "a'b" },
	{ "login=a\\,b x.example.org\n", "x.example.org", "login", "a,b" },
	{ "login=a\\ b x.example.org\n", "x.example.org", "login", "a b" },
	{ "login='a  b' x.example.org\n", "x.example.org", "login", "a b" },
	{ "login=ab'c d'e x.example.org\n", "x.example.org", "login", "abc de" },
	{ "login=a=b x.example.org\n", "x.example.org", "login", "a=b" },
	{ "login=us#er5 x.example.org\n", "x.example.org", "login",
	  "(no host)" },
	/* the raw password pattern */
	{ "login=u password='p w#1' x.example.org\n", "x.example.org",
	  "password", "p w#1" },
	{ "login=u password=with#hash x.example.org\n", "x.example.org",
	  "password", "with#hash" },
	{ "login=u password='a'b' x.example.org\n", "x.example.org",
	  "password", "a'b" },
	{ "login=u password=\"dq#hash\" x.example.org\n", "x.example.org",
	  "password", "\"dq#hash\"" },
	{ "login=u password=back\\\\slash x.example.org\n", "x.example.org",
	  "password", "back\\\\slash" },
	{ "login=u password = spaced x.example.org\n", "x.example.org",
	  "password", "spaced" },
	{ "login=user2,password=nospace x.example.org\n", "x.example.org",
	  "password", "dummy" },
	{ "login=u, password=contcomma, \\\nx.example.org\n", "x.example.org",
	  "password", "contcomma," },
	/* a comment with a quote after a quoted password makes a host */
	{ "login=u password='secret' # it's a comment\n", "a", "login",
	  "comment" },
	{ "login=u password=\"with space\" p.example.org\n", "space\"",
	  "password", "\"with" },
	/* positional login and password; host= */
	{ "x.example.org user3 positional\n", "x.example.org", "password",
	  "positional" },
	{ "login=l2 host=m.example.org, password=z\n", "m.example.org",
	  "password", "z" },
	/* CR dropped; tabs are blanks */
	{ "login=crlf\r\npassword=x\r\nh.example.org\r\n", "h.example.org",
	  "password", "x" },
	{ "login=tab\there\tt.example.org\n", "here", "login",
	  "t.example.org" },
	/* Perl's split keeps a leading empty host, drops trailing ones */
	{ ",n.example.org,,o.example.org,,\n", "", "host", "" },
	/* blanks after a \ : no continuation, a host named \ */
	{ "login=x \\ \nr.example.org\n", "\\", "login", "x" },
	/* a last line that continues is never read */
	{ "a.example.org\nlogin=x \\\n", "a.example.org", "login", "(none)" },
};

START_TEST(grammar_alike)
{
	enum ddv v;

	for (v = 0; v < DDV__MAX; v++) {
		parse(alike[_i].text, v);
		ck_assert_msg(strcmp(val(alike[_i].host, alike[_i].key),
		    alike[_i].want) == 0, "case %d (%s): %s of %s is '%s', "
		    "not '%s'", _i, v == DDV_310 ? "3.10" : "3.11",
		    alike[_i].key, alike[_i].host, val(alike[_i].host,
		    alike[_i].key), alike[_i].want);
	}
}
END_TEST

START_TEST(grammar_differs)
{
	/* A host defined twice: 3.10 keeps the last, 3.11 the first. */
	parse("login=first h.example.org\nlogin=second h.example.org\n",
	    DDV_310);
	ck_assert_str_eq(val("h.example.org", "login"), "second");
	parse("login=first h.example.org\nlogin=second h.example.org\n",
	    DDV_311);
	ck_assert_str_eq(val("h.example.org", "login"), "first");
	/* 3.11 merges the rest; 3.10 forgets the first definition. */
	parse("zone=z.example h.example.org\nlogin=l h.example.org\n", DDV_311);
	ck_assert_str_eq(val("h.example.org", "zone"), "z.example");
	parse("zone=z.example h.example.org\nlogin=l h.example.org\n", DDV_310);
	ck_assert_str_eq(val("h.example.org", "zone"), "(none)");
	/* 3.10's password pattern takes password\S*?= (passwordx=) off the
	 * raw line, 3.11's only password=: the rest of the line differs. */
	parse("login=u passwordx=a'b c' h.example.org\n", DDV_310);
	ck_assert_str_eq(val("c'", "login"), "h.example.org");
	ck_assert_str_eq(val("h.example.org", "host"), "(no host)");
	parse("login=u passwordx=a'b c' h.example.org\n", DDV_311);
	ck_assert_str_eq(val("h.example.org", "login"), "u");
	ck_assert_str_eq(val("h.example.org", "passwordx"), "ab c");
}
END_TEST

START_TEST(globals_and_caps)
{
	struct dd_err e;
	char big[IMP_LINE_MAX + 10];

	parse("daemon=300\nssl=no\nuse=ip, ip=203.0.113.7\na.example.org\n"
	    "pid=/run/x.pid\n", DDV_310);
	ck_assert_str_eq(imp_get(&c.globals, "use"), "ip");
	ck_assert_str_eq(imp_get(&c.globals, "ip"), "203.0.113.7");
	ck_assert_str_eq(imp_get(&c.globals, "pid"), "/run/x.pid");
	/* pid came after the host: not in its settings */
	ck_assert_str_eq(val("a.example.org", "pid"), "(none)");
	ck_assert_str_eq(val("a.example.org", "ssl"), "no");
	imp_free(&c);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	ck_assert_int_eq(imp_parse(big, strlen(big), DDV_310, &c, &e), -1);
	ck_assert_int_eq(e.code, DD_ETOOBIG);
}
END_TEST

/* The module configuration take() reads address sources from (NULL:
 * none; sources_by_detection sets it). */
static const struct conf *take_conf;

/* take: host i as a row, with the module's globals mod_text. */
static void
take(const char *text, const char *mod_text, enum ddv v, const char *host,
    struct imp_row *row)
{
	struct imp_conf m;
	struct dd_err e;
	size_t i;

	parse(text, v);
	ck_assert(imp_parse(mod_text, strlen(mod_text), v, &m, &e) == 0);
	for (i = 0; i < c.nhost && strcmp(c.host[i].name, host) != 0; i++)
		;
	ck_assert_msg(i < c.nhost, "no host %s", host);
	imp_take(&c, i, v, &m.globals, take_conf, row);
	imp_free(&m);
}

/* has_note: a note of row, refused or not, whose English holds part. */
static int
has_note(const struct imp_row *row, int refused, const char *part)
{
	char text[MSG_TEXT_SZ];
	size_t i;

	for (i = 0; i < row->nnote; i++)
		if (row->note[i].refused == refused &&
		    strstr(msg_english(&row->note[i].m, text, sizeof(text)),
		    part) != NULL)
			return 1;
	return 0;
}

START_TEST(rows)
{
	static const char mod[] = "daemon=300\nssl=no\nuse=ip, ip=203.0.113.7\n";
	struct imp_row row;

	/* the default server of dyndns2 is Dyn's */
	take("ssl=no\nuse=ip, ip=203.0.113.7\nlogin=l password=p "
	    "a.example.org\n", mod, DDV_310, "a.example.org", &row);
	ck_assert_str_eq(row.in.provider, "dyn");
	ck_assert_str_eq(row.in.login, "l");
	ck_assert_str_eq(row.in.password, "p");
	ck_assert_int_eq(row.nnote, 0);
	/* another server: Custom with it; mx and wildcard as flags */
	take("protocol=dyndns2, server=127.0.0.1:8080, login=l, password=p, "
	    "mx=mx.example.org, backupmx=yes, wildcard=no, zone=z.example "
	    "b.example.org\n", mod, DDV_310, "b.example.org", &row);
	ck_assert_str_eq(row.in.provider, "custom");
	ck_assert_str_eq(row.in.server, "127.0.0.1:8080");
	ck_assert_str_eq(row.in.protocol, "dyndns2");
	ck_assert_str_eq(row.in.mx, "mx.example.org");
	ck_assert_str_eq(row.in.backupmx, "yes");
	ck_assert_str_eq(row.in.wildcard, "");
	ck_assert_str_eq(row.in.zone, "");	/* dyndns2 has no zone */
	ck_assert(!row.refused);
	/* a provider of the table by its protocol and server */
	take("protocol=dyndns2 server=dyn.dns.he.net login=h password=p "
	    "h.example.org\n", mod, DDV_310, "h.example.org", &row);
	ck_assert_str_eq(row.in.provider, "he");
	/* the daemon's address detection is the module configuration's */
	take("use=web, web=checkip.dyndns.org\nlogin=l password=p "
	    "w.example.org\n", mod, DDV_310, "w.example.org", &row);
	ck_assert(!row.refused);
	ck_assert(has_note(&row, 0, "use is not taken over: ddns-admin "
	    "writes its own value (ddclient_use"));
	ck_assert(has_note(&row, 0, "web is not taken over: ddns-admin "
	    "leaves it out"));
	/* what changes the request refuses the host; the default does not */
	take("script=/nic/update login=l password=p s.example.org\n", mod,
	    DDV_310, "s.example.org", &row);
	ck_assert(!row.refused);
	take("script=/other login=l password=p s.example.org\n", mod,
	    DDV_310, "s.example.org", &row);
	ck_assert(row.refused);
	ck_assert(has_note(&row, 1, "script changes what ddclient sends"));
	take("protocol=nsupdate server=ns.example.net login=/usr/bin/nsupdate "
	    "password=/etc/k zone=example.net n.example.org\n", mod, DDV_310,
	    "n.example.org", &row);
	ck_assert(row.refused);
	take("protocol=cloudns login=l password=p c.example.org\n", mod,
	    DDV_310, "c.example.org", &row);
	ck_assert(row.refused);
	/* a keyword ddclient does not know: it skips it, so do we */
	take("colour=blue login=l password=p k.example.org\n", mod, DDV_310,
	    "k.example.org", &row);
	ck_assert(!row.refused);
	ck_assert(has_note(&row, 0, "colour is not taken over"));
	/* 3.11's name_env: a value we cannot see */
	take("login=l password_env=PW e.example.org\n", mod, DDV_311,
	    "e.example.org", &row);
	ck_assert(row.refused);
	take("login=l password_env=PW e.example.org\n", mod, DDV_310,
	    "e.example.org", &row);
	ck_assert(!row.refused);
	/* a note names the setting, never its value */
	take("fw-password=s3cret login=l password=p f.example.org\n", mod,
	    DDV_310, "f.example.org", &row);
	ck_assert(has_note(&row, 0, "fw-password is not taken over"));
	ck_assert(!has_note(&row, 0, "s3cret"));
}
END_TEST

/*
 * Issue 18, finding 6: no note quotes a value, whatever the kind of
 * note, so a credential in a value (a URL's user:password, a token in a
 * path) never reaches the page nor ddns-apply --import's output. Each
 * file holds "Secr3t" only in settings that become notes.
 */
static const char *const secret_notes[] = {
	/* the module writes its own (from the module configuration) */
	"use=web, web=https://admin:Secr3t@192.0.2.1/status\n"
	    "login=l password=p a.example.org\n",
	"use=Secr3t login=l password=p a.example.org\n",
	/* settings that change nothing that is sent */
	"proxy=http://u:Secr3t@proxy.example login=l password=p a.example.org\n",
	/* settings that change what is sent */
	"script=/nic/update?token=Secr3t login=l password=p a.example.org\n",
	"dynurl=https://u:Secr3t@x.example login=l password=p a.example.org\n",
	/* a yes/no that is not */
	"wildcard=Secr3t login=l password=p a.example.org\n",
	/* a protocol ddns-admin does not offer */
	"protocol=Secr3t login=l password=p a.example.org\n",
	/* a global after the last host: a note about the file */
	"login=l password=p a.example.org\n"
	    "web=https://admin:Secr3t@192.0.2.1/status\n",
};
#define NSECRET_NOTES (sizeof(secret_notes) / sizeof(secret_notes[0]))

START_TEST(notes_name_keys_never_values)
{
	static const char mod[] = "daemon=300\nssl=no\nuse=ip, ip=203.0.113.7\n";
	const char *text = secret_notes[_i];
	struct imp_conf fc, m;
	struct imp_row row;
	struct dd_msg file[IMP_NOTES_MAX];
	struct buf b = { 0 };
	struct dd_err e;
	char english[1024];
	size_t i, k, nfile, notes = 0;

	ck_assert_int_eq(imp_parse(text, strlen(text), DDV_310, &fc, &e), 0);
	ck_assert_int_eq(imp_parse(mod, strlen(mod), DDV_310, &m, &e), 0);
	imp_emit_begin(&b);
	nfile = imp_file_notes(&fc, &m.globals, file, IMP_NOTES_MAX);
	for (k = 0; k < nfile; k++) {
		imp_emit_file(&b, &file[k]);
		ck_assert_ptr_null(strstr(msg_english(&file[k], english,
		    sizeof(english)), "Secr3t"));
	}
	notes += nfile;
	for (i = 0; i < fc.nhost; i++) {
		imp_take(&fc, i, DDV_310, &m.globals, NULL, &row);
		imp_emit_row(&b, fc.host[i].name, &row);
		for (k = 0; k < row.nnote; k++)
			ck_assert_ptr_null(strstr(msg_english(&row.note[k].m,
			    english, sizeof(english)), "Secr3t"));
		notes += row.nnote;
	}
	imp_emit_end(&b);
	ck_assert_uint_gt(notes, 0);
	ck_assert_ptr_nonnull(b.p);
	ck_assert_msg(strstr(b.p, "Secr3t") == NULL, "a value in: %s", b.p);
	buf_free(&b);
	imp_free(&fc);
	imp_free(&m);
}
END_TEST

/* With address sources, a host's own detection names the source that
 * is the same detection; one that is no source's follows the first, with
 * a note naming it; a host that sets none follows the first silently. */
START_TEST(sources_by_detection)
{
	static const char file[] =
	    "use=if, if=eth0\n"
	    "protocol=dyndns2, login=u, password=p\n"
	    "a.example.org\n"
	    "use=web, web=http://192.0.2.1/ip a2.example.org\n"
	    "use=if, if=ppp9 b.example.org\n"
	    "usev4=cmdv4, cmdv4=/usr/local/sbin/lte-ip c.example.org\n";
	struct conf cf;
	struct imp_row row;

	memset(&cf, 0, sizeof(cf));
	cf.nsrc = 3;
	snprintf(cf.src[0].name, SOURCE_NAME_SZ, "wan1");
	cf.src[0].fam[0].kind = SRC_IF;
	snprintf(cf.src[0].fam[0].arg, SOURCE_ARG_SZ, "eth0");
	snprintf(cf.src[1].name, SOURCE_NAME_SZ, "lte");
	cf.src[1].fam[0].kind = SRC_WEB;
	snprintf(cf.src[1].fam[0].arg, SOURCE_ARG_SZ, "http://192.0.2.1/ip");
	snprintf(cf.src[2].name, SOURCE_NAME_SZ, "mob");
	cf.src[2].fam[0].kind = SRC_CMD;
	snprintf(cf.src[2].fam[0].arg, SOURCE_ARG_SZ, "/usr/local/sbin/lte-ip");
	take_conf = &cf;
	/* The file's global use=if, if=eth0 is wan1's. */
	take(file, "", DDV_310, "a.example.org", &row);
	ck_assert_str_eq(row.in.source, "wan1");
	ck_assert_uint_eq(row.nnote, 0);
	take(file, "", DDV_310, "a2.example.org", &row);
	ck_assert_str_eq(row.in.source, "lte");
	ck_assert_uint_eq(row.nnote, 0);
	take(file, "", DDV_310, "b.example.org", &row);
	ck_assert_str_eq(row.in.source, "");
	ck_assert(!row.refused);
	ck_assert(has_note(&row, 0, "its own address detection (use=if, "
	    "if=ppp9) is none of the address sources"));
	ck_assert(has_note(&row, 0, "it follows wan1"));
	/* 3.11 reads usev4 before use; 3.10 does not know it. */
	take(file, "", DDV_311, "c.example.org", &row);
	ck_assert_str_eq(row.in.source, "mob");
	take(file, "", DDV_310, "c.example.org", &row);
	ck_assert_str_eq(row.in.source, "wan1");
	take_conf = NULL;
	/* Without sources: the detection settings are the module's. */
	take(file, "", DDV_310, "b.example.org", &row);
	ck_assert_str_eq(row.in.source, "");
	ck_assert(has_note(&row, 0, "ddclient_use"));
	imp_free(&c);
}
END_TEST

START_TEST(line_format)
{
	struct imp_result r;
	struct imp_row row;
	struct buf b = { 0 };
	struct dd_msg m;
	struct dd_err e;
	static const char *const bad[] = {
		"", "ddns-import 1\nend\n", "ddns-import 2\n",
		"ddns-import 2\nhost a\nfield nosuch x\nend\n",
		"ddns-import 2\nhost a\nfield login a\\qb\nend\n",
		"ddns-import 2\nhost a\nfield login a\\x41\nend\n",
		"ddns-import 2\nhost a\nfield login a\tb\nend\n",
		"ddns-import 2\nfield login a\nend\n",
		"ddns-import 2\nhost a\nend\nhost b\n",
		"ddns-import 2\nhost a\nbogus\nend\n",
		"ddns-import 2\nhost a\nend",
		/* a note's parameter with a bad escape, or longer than one */
		"ddns-import 2\nhost a\ndrop imp_quiet\ta\\qb\nend\n",
		"ddns-import 2\nhost a\ndrop imp_quiet\t"
		    "0123456789012345678901234567890123456789012345678901234567890"
		    "123456789012345678901234567890123456789\nend\n",
	};
	/* Notes the CGI cannot vouch for: shown as the generic text. */
	static const char *const odd[] = {
		"ddns-import 2\nfile no_such_key\nend\n",
		"ddns-import 2\nfile imp_quiet\nend\n",		/* too few */
		"ddns-import 2\nfile imp_nsupdate\tx\nend\n",	/* too many */
		"ddns-import 2\nfile imp_quiet\ta\tb\nend\n",
		"ddns-import 2\nfile none\nend\n",
		"ddns-import 2\nfile %s%n\t{1}\nend\n",
	};
	size_t i;

	memset(&row, 0, sizeof(row));
	strcpy(row.in.hostname, "a.example.org");
	strcpy(row.in.password, "p\\w\t#'\" x");
	strcpy(row.in.login, "l\x7f");
	row.nnote = 1;
	row.refused = 1;
	row.note[0].refused = 1;
	msg_set(&row.note[0].m, MSG_imp_unknown, "no\nway\tat all", "3.10");
	msg_set(&m, MSG_imp_ours);
	imp_emit_begin(&b);
	imp_emit_file(&b, &m);
	imp_emit_row(&b, "a.example.org", &row);
	imp_emit_end(&b);
	ck_assert(!b.oom);
	ck_assert_int_eq(imp_read(b.p, b.len, &r, &e), 0);
	ck_assert_int_eq(r.nrec, 1);
	ck_assert_int_eq(r.nfile, 1);
	ck_assert_int_eq(r.file[0].id, MSG_imp_ours);
	ck_assert_str_eq(r.rec[0].in.password, "p\\w\t#'\" x");
	ck_assert_str_eq(r.rec[0].in.login, "l\x7f");
	ck_assert(r.rec[0].refused);
	ck_assert_int_eq(r.rec[0].note[0].m.id, MSG_imp_unknown);
	ck_assert_str_eq(r.rec[0].note[0].m.param[0], "no\nway\tat all");
	ck_assert_str_eq(r.rec[0].note[0].m.param[1], "3.10");
	imp_result_free(&r);
	buf_free(&b);
	/* a file without hosts reads back empty */
	ck_assert_int_eq(imp_read("ddns-import 2\nend\n", 18, &r, &e), 0);
	ck_assert_int_eq(r.nrec, 0);
	imp_result_free(&r);
	for (i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		ck_assert_msg(imp_read(odd[i], strlen(odd[i]), &r, &e) == 0,
		    "odd %zu refused", i);
		ck_assert_uint_eq(r.nfile, 1);
		ck_assert_msg(r.file[0].id == MSG_refused, "odd %zu: %s", i,
		    msg_key(r.file[0].id));
		imp_result_free(&r);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(imp_read(bad[i], strlen(bad[i]), &r, &e) == -1,
		    "bad %zu read", i);
		imp_result_free(&r);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_loop_test(tc, grammar_alike, 0,
	    (int)(sizeof(alike) / sizeof(alike[0])));
	tcase_add_test(tc, grammar_differs);
	tcase_add_test(tc, globals_and_caps);
	tcase_add_test(tc, rows);
	tcase_add_loop_test(tc, notes_name_keys_never_values, 0,
	    (int)NSECRET_NOTES);
	tcase_add_test(tc, sources_by_detection);
	tcase_add_test(tc, line_format);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}

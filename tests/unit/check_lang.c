/* check_lang.c: the page's language from Accept-Language and the config. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ClearSilver.h>
#include <check.h>

#include "host.h"
#include "lang.h"
#include "msg.h"
#include "testutil.h"

/* The page's languages (lang.h's one list). */
#define have (lang_codes())

static const struct {
	const char	*accept, *forced, *want;
} cases[] = {
	{ NULL, NULL, "en" },				/* no header: the default */
	{ "", "auto", "en" },
	{ "it", NULL, "it" },
	{ "it-IT,it;q=0.9,en-US;q=0.8,en;q=0.7", NULL, "it" },
	{ "IT-ch", NULL, "it" },			/* case, a region */
	{ "en-GB,en;q=0.9,it;q=0.8", NULL, "en" },
	{ "en;q=0.5, it;q=0.8", NULL, "it" },		/* q beats order */
	{ "it;q=0.5, en;q=0.5", NULL, "it" },		/* equal q: order */
	{ "de-DE,de;q=0.9,it;q=0.4", NULL, "it" },	/* the first we have */
	{ "de, fr", NULL, "en" },			/* none: the default */
	{ "*", NULL, "en" },
	{ "it;q=0, *", NULL, "en" },			/* q=0: not Italian */
	{ "en;q=0, *;q=0.1", NULL, "it" },		/* "*" names it then */
	{ "it;q=0.000, en;q=0.001", NULL, "en" },
	{ "it;q=1.5, en;q=0.2", NULL, "en" },		/* bad q: ignored */
	{ "it;q=abc", NULL, "en" },
	{ "italian", NULL, "en" },			/* not a prefix match */
	{ " ,,it ; q=0.7 ,", NULL, "it" },		/* spaces, empty items */
	{ "it", "en", "en" },				/* the config forces */
	{ "en", "it", "it" },
	{ "en", "auto", "en" },
	{ "en", "de", "en" },				/* no such: header */
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

START_TEST(choose_honours_q_values_regions_and_the_config)
{
	size_t got = lang_choose(cases[_i].accept, cases[_i].forced, have, 2);

	ck_assert_msg(strcmp(have[got], cases[_i].want) == 0,
	    "Accept-Language \"%s\", language %s: got %s, want %s",
	    cases[_i].accept ? cases[_i].accept : "(none)",
	    cases[_i].forced ? cases[_i].forced : "(none)", have[got],
	    cases[_i].want);
}
END_TEST

/* ---- the texts: both files have the same keys, and every key a
 * template names ---- */

static HDF *
texts(const char *lang)
{
	char path[TU_PATH_SZ];
	HDF *hdf = NULL;

	snprintf(path, sizeof(path), SRCDIR "/templates/lang/%s.hdf", lang);
	ck_assert_ptr_eq(hdf_init(&hdf), STATUS_OK);
	ck_assert_msg(hdf_read_file(hdf, path) == STATUS_OK, "cannot read %s",
	    path);
	return hdf;
}

/* Every leaf under node (named prefix) of a must be a non-empty value
 * in b; returns how many leaves were compared. */
static int
leaves_in(HDF *node, const char *prefix, HDF *b, const char *an,
    const char *bn)
{
	char name[256];
	const char *v;
	HDF *c;
	int n = 0;

	for (c = hdf_obj_child(node); c != NULL; c = hdf_obj_next(c)) {
		snprintf(name, sizeof(name), "%s.%s", prefix, hdf_obj_name(c));
		if (hdf_obj_child(c) != NULL) {
			n += leaves_in(c, name, b, an, bn);
			continue;
		}
		v = hdf_get_value(b, name, NULL);
		ck_assert_msg(v != NULL && *v != '\0', "%s is in lang/%s.hdf but "
		    "not in lang/%s.hdf", name, an, bn);
		n++;
	}
	return n;
}

/* The one list of languages and templates/lang/ agree: a text file for
 * each code, and no text file of a language the list does not name. */
START_TEST(the_language_list_is_the_text_files)
{
	char path[TU_PATH_SZ];
	struct dirent *d;
	size_t n, files = 0;
	DIR *dir;
	int i;

	for (i = 0; i < LANG__MAX; i++) {
		snprintf(path, sizeof(path), SRCDIR "/templates/lang/%s.hdf",
		    lang_codes()[i]);
		ck_assert_msg(access(path, R_OK) == 0, "%s: no text file", path);
	}
	ck_assert_ptr_nonnull(dir = opendir(SRCDIR "/templates/lang"));
	while ((d = readdir(dir)) != NULL) {
		n = strlen(d->d_name);
		if (n < 5 || strcmp(d->d_name + n - 4, ".hdf") != 0)
			continue;
		d->d_name[n - 4] = '\0';
		ck_assert_msg(lang_find(d->d_name) >= 0, "templates/lang/%s.hdf "
		    "is no language of LANGS (lang.h)", d->d_name);
		files++;
	}
	closedir(dir);
	ck_assert_uint_eq(files, LANG__MAX);
}
END_TEST

START_TEST(both_languages_have_exactly_the_same_keys)
{
	HDF *en = texts("en"), *it = texts("it");
	int a, b;

	a = leaves_in(hdf_get_obj(en, "Lang"), "Lang", it, "en", "it");
	b = leaves_in(hdf_get_obj(it, "Lang"), "Lang", en, "it", "en");
	ck_assert_int_eq(a, b);
	ck_assert_int_gt(a, 100);
	hdf_destroy(&en);
	hdf_destroy(&it);
}
END_TEST

/* has_counted: whether key is the words of a count (list.cs's count and
 * words macros): a text for one and one for any other number. */
static int
has_counted(HDF *hdf, const char *key)
{
	char k[160];

	snprintf(k, sizeof(k), "%s.one", key);
	if (*hdf_get_value(hdf, k, "") == '\0')
		return 0;
	snprintf(k, sizeof(k), "%s.other", key);
	return *hdf_get_value(hdf, k, "") != '\0';
}

/* Every Lang.X.Y a template names literally, and every Lang.Field[f]
 * and Lang.Help[f] of a host field, is a text in both languages. */
START_TEST(every_key_a_template_names_is_in_both_languages)
{
	const char *const *lang = lang_codes();
	char path[TU_PATH_SZ], key[128];
	struct dirent *d;
	DIR *dir;
	HDF *hdf;
	char *t, *p;
	size_t i, n, found = 0;
	int f;

	for (i = 0; i < LANG__MAX; i++) {
		hdf = texts(lang[i]);
		ck_assert_ptr_nonnull(dir = opendir(SRCDIR "/templates"));
		while ((d = readdir(dir)) != NULL) {
			n = strlen(d->d_name);
			if (n < 4 || strcmp(d->d_name + n - 3, ".cs") != 0)
				continue;
			snprintf(path, sizeof(path), SRCDIR "/templates/%s",
			    d->d_name);
			ck_assert_ptr_nonnull(t = tu_read(path, NULL));
			for (p = t; (p = strstr(p, "Lang.")) != NULL; p += n) {
				n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "abcdefghijklmnopqrstuvwxyz0123456789_.");
				if (p[n] == '[' || n >= sizeof(key))
					continue;	/* by a variable: below */
				memcpy(key, p, n);
				key[n] = '\0';
				ck_assert_msg(*hdf_get_value(hdf, key, "") != '\0' ||
				    has_counted(hdf, key),
				    "%s names %s, which lang/%s.hdf lacks",
				    d->d_name, key, lang[i]);
				found++;
			}
			free(t);
		}
		closedir(dir);
		for (f = 0; f < HF__MAX; f++) {
			snprintf(key, sizeof(key), "Lang.Field.%s",
			    host_field_name(f));
			ck_assert_msg(*hdf_get_value(hdf, key, "") != '\0',
			    "lang/%s.hdf lacks %s", lang[i], key);
			snprintf(key, sizeof(key), "Lang.Help.%s",
			    host_field_name(f));
			ck_assert_msg(*hdf_get_value(hdf, key, "") != '\0',
			    "lang/%s.hdf lacks %s", lang[i], key);
		}
		hdf_destroy(&hdf);
	}
	ck_assert_uint_gt(found, 50);
}
END_TEST

/* ---- the messages (msg.h): every key the code can produce ---- */

/* Keys whose text may read the same in both languages: none yet (a
 * proper noun alone would be one). */
static const char *const same_in_both[] = { NULL };

static int
may_be_same(const char *key)
{
	size_t i;

	for (i = 0; same_in_both[i] != NULL; i++)
		if (strcmp(key, same_in_both[i]) == 0)
			return 1;
	return 0;
}

/* check_params: text (of key, in lang) names only {1}..{n} for the n
 * parameters the key has, each of them, and no other brace. */
static void
check_params(const char *key, const char *lang, const char *text, size_t n)
{
	unsigned used = 0;
	const char *p;

	for (p = text; (p = strchr(p, '{')) != NULL; p++) {
		ck_assert_msg(p[1] >= '1' && p[1] <= '9' && p[2] == '}',
		    "Msg.%s in lang/%s.hdf has a brace that is no parameter: "
		    "%s", key, lang, text);
		ck_assert_msg((size_t)(p[1] - '0') <= n, "Msg.%s in "
		    "lang/%s.hdf uses {%c}, but the key has %zu parameters "
		    "(msg.h)", key, lang, p[1], n);
		used |= 1u << (p[1] - '1');
	}
	ck_assert_msg(used == (1u << n) - 1, "Msg.%s in lang/%s.hdf leaves out "
	    "a parameter the key has: %s", key, lang, text);
}

START_TEST(every_message_key_has_a_text_in_both_languages)
{
	HDF *en = texts("en"), *it = texts("it");
	const char *key, *a, *b;
	char name[128];
	int id;

	for (id = MSG_none + 1; id < MSG__MAX; id++) {
		key = msg_key(id);
		snprintf(name, sizeof(name), "Msg.%s", key);
		a = hdf_get_value(en, name, NULL);
		b = hdf_get_value(it, name, NULL);
		ck_assert_msg(a != NULL && *a != '\0', "lang/en.hdf lacks %s",
		    name);
		ck_assert_msg(b != NULL && *b != '\0', "lang/it.hdf lacks %s",
		    name);
		check_params(key, "en", a, strlen(msg_params(id)));
		check_params(key, "it", b, strlen(msg_params(id)));
		ck_assert_msg(strcmp(a, b) != 0 || may_be_same(key), "%s is "
		    "the same in Italian as in English: %s", name, a);
		/* the root side's catalogue is en.hdf's text (msgcat.awk) */
		ck_assert_msg(msg_en[id] != NULL && strcmp(msg_en[id], a) == 0,
		    "msg_en[%s] is not en.hdf's text: rebuild", key);
	}
	hdf_destroy(&en);
	hdf_destroy(&it);
}
END_TEST

/* Neither file has a message msg.h does not list: a stale text. */
START_TEST(no_message_text_without_its_key)
{
	const char *const *lang = lang_codes();
	HDF *hdf, *c;
	size_t i, n;

	for (i = 0; i < LANG__MAX; i++) {
		hdf = texts(lang[i]);
		n = 0;
		for (c = hdf_obj_child(hdf_get_obj(hdf, "Msg")); c != NULL;
		    c = hdf_obj_next(c), n++)
			ck_assert_msg(msg_find(hdf_obj_name(c)) > MSG_none,
			    "lang/%s.hdf has Msg.%s, which msg.h does not "
			    "list", lang[i], hdf_obj_name(c));
		ck_assert_uint_eq(n, MSG__MAX - 1);
		hdf_destroy(&hdf);
	}
}
END_TEST

/* A word's text from the HDF given as arg, as the CGI looks it up. */
static const char *
hdf_word(void *arg, int letter, const char *w)
{
	char name[128];
	int id;

	if (letter == 'p')
		return w;
	if ((id = msg_find(w)) == -1 || *msg_params(id) != '\0')
		return NULL;
	snprintf(name, sizeof(name), "Msg.%s", w);
	return hdf_get_value(arg, name, NULL);
}

/* Every message renders in both languages with its parameters in place
 * and nothing of the text's own syntax left. */
START_TEST(every_message_renders_in_both_languages)
{
	const char *const *lang = lang_codes();
	char name[128], out[MSG_TEXT_SZ];
	struct dd_msg m;
	const char *spec;
	size_t i, k;
	HDF *hdf;
	int id;

	for (i = 0; i < LANG__MAX; i++) {
		hdf = texts(lang[i]);
		for (id = MSG_none + 1; id < MSG__MAX; id++) {
			spec = msg_params(id);
			memset(&m, 0, sizeof(m));
			m.id = id;
			/* a word parameter names a word; others are P1, ... */
			for (k = 0; spec[k]; k++)
				if (spec[k] == 'k')
					snprintf(m.param[k], MSG_PARAM_SZ, "%s",
					    msg_key(MSG_ch_space));
				else
					snprintf(m.param[k], MSG_PARAM_SZ,
					    "P%zu", k + 1);
			snprintf(name, sizeof(name), "Msg.%s", msg_key(id));
			ck_assert_int_eq(msg_format(hdf_get_value(hdf, name,
			    NULL), &m, hdf_word, hdf, out, sizeof(out)), 0);
			ck_assert_msg(strchr(out, '{') == NULL, "%s: %s", name,
			    out);
			for (k = 0; spec[k]; k++)
				if (spec[k] == 's')
					ck_assert_msg(strstr(out, m.param[k]),
					    "%s in %s: no %s in %s", name,
					    lang[i], m.param[k], out);
		}
		hdf_destroy(&hdf);
	}
}
END_TEST

/* What a renderer is given is not trusted: a text is never a format, a
 * word that names nothing or a parameter without its end refuses the
 * message, a long parameter is cut on a character. */
START_TEST(a_message_is_never_a_format)
{
	HDF *it = texts("it");
	struct dd_msg m;
	char out[MSG_TEXT_SZ], big[300];

	msg_set(&m, MSG_label_hyphen_start, "%s%n{2}");
	ck_assert_int_eq(msg_format("a {1} b %s {9} {", &m, hdf_word, it, out,
	    sizeof(out)), 0);
	ck_assert_str_eq(out, "a %s%n{2} b %s {9} {");	/* {9}: no parameter */
	msg_set(&m, MSG_label_word, "no_such_word");
	ck_assert_int_eq(msg_format("{1}", &m, hdf_word, it, out,
	    sizeof(out)), -1);
	msg_set(&m, MSG_label_word, "label_long");	/* has parameters */
	ck_assert_int_eq(msg_format("{1}", &m, hdf_word, it, out,
	    sizeof(out)), -1);
	msg_set(&m, MSG_label_word, "ch_control");
	ck_assert_int_eq(msg_format(hdf_get_value(it, "Msg.label_word", ""),
	    &m, hdf_word, it, out, sizeof(out)), 0);
	ck_assert_ptr_nonnull(strstr(out, "un carattere di controllo"));
	memset(&m, 'x', sizeof(m));
	m.id = MSG_label_char;				/* no NUL in it */
	ck_assert_int_eq(msg_format("{1}", &m, hdf_word, it, out,
	    sizeof(out)), -1);
	m.id = (enum msg_id)MSG__MAX;
	ck_assert_int_eq(msg_format("{1}", &m, hdf_word, it, out,
	    sizeof(out)), -1);
	ck_assert_str_eq(msg_english(&m, out, sizeof(out)),
	    "The value was refused.");
	memset(big, 0, sizeof(big));
	for (size_t i = 0; i + 2 < sizeof(big) - 1; i += 2)
		memcpy(big + i, "\xc3\xa8", 2);		/* è */
	msg_set(&m, MSG_label_char, big);
	ck_assert_uint_eq(strlen(m.param[0]), MSG_PARAM_SZ - 2);
	/* a call with the wrong number of parameters is never read past its
	 * last one, and says so: the generic message */
	msg_set(&m, MSG_label_long, "only one");
	ck_assert_int_eq(m.id, MSG_refused);
	msg_set(&m, MSG_label_empty, "one too many");
	ck_assert_int_eq(m.id, MSG_refused);
	msg_set(&m, MSG_label_long, "a", NULL);		/* NULL is "" */
	ck_assert_int_eq(m.id, MSG_label_long);
	ck_assert_str_eq(m.param[1], "");
	hdf_destroy(&it);
}
END_TEST

/* read_str: a fresh HDF read from the text s. */
static HDF *
read_str(const char *s)
{
	HDF *hdf = NULL;

	ck_assert_ptr_eq(hdf_init(&hdf), STATUS_OK);
	ck_assert_msg(hdf_read_string(hdf, s) == STATUS_OK, "cannot parse");
	return hdf;
}

/* The page reads a language's Msg block only when it shows a message
 * (cgi/request.c, read_lang): the block must be whole between a line
 * "Msg {" and the next line "}", and nothing else may be in it. Read
 * apart, the two parts give exactly what the whole file gives. */
START_TEST(the_messages_are_one_block_the_page_can_read_apart)
{
	char path[TU_PATH_SZ], *t, *msg, *end, *rest;
	HDF *whole, *block, *others;
	size_t i;

	for (i = 0; i < LANG__MAX; i++) {
		snprintf(path, sizeof(path), SRCDIR "/templates/lang/%s.hdf",
		    have[i]);
		ck_assert_ptr_nonnull(t = tu_read(path, NULL));
		whole = read_str(t);
		ck_assert_msg((msg = strstr(t, "\nMsg {\n")) != NULL &&
		    (end = strstr(msg, "\n}\n")) != NULL, "lang/%s.hdf: no "
		    "block from a line \"Msg {\" to a line \"}\"", have[i]);
		ck_assert_ptr_nonnull(rest = strdup(end + 3));
		end[2] = '\0';
		block = read_str(msg + 1);
		msg[1] = '\0';
		ck_assert_ptr_nonnull(rest = realloc(rest, strlen(t) +
		    strlen(rest) + 1));
		memmove(rest + strlen(t), rest, strlen(rest) + 1);
		memcpy(rest, t, strlen(t));
		others = read_str(rest);
		ck_assert_msg(hdf_get_obj(others, "Msg") == NULL, "lang/%s.hdf: "
		    "Msg texts outside its block", have[i]);
		ck_assert_int_eq(leaves_in(hdf_get_obj(whole, "Msg"), "Msg",
		    block, "whole", "block"), leaves_in(hdf_get_obj(block, "Msg"),
		    "Msg", whole, "block", "whole"));
		ck_assert_int_gt(leaves_in(hdf_get_obj(whole, "Lang"), "Lang",
		    others, "whole", "rest"), 100);
		ck_assert_ptr_nonnull(hdf_obj_child(hdf_get_obj(block, "Msg")));
		ck_assert_msg(hdf_obj_next(hdf_get_obj(block, "Msg")) == NULL &&
		    hdf_obj_child(block) == hdf_get_obj(block, "Msg"),
		    "lang/%s.hdf: the Msg block holds more than Msg", have[i]);
		hdf_destroy(&whole);
		hdf_destroy(&block);
		hdf_destroy(&others);
		free(rest);
		free(t);
	}
}
END_TEST

static Suite *
lang_suite(void)
{
	Suite *s = suite_create("lang");
	TCase *tc = tcase_create("choose");

	tcase_add_loop_test(tc, choose_honours_q_values_regions_and_the_config, 0,
	    (int)NCASES);
	suite_add_tcase(s, tc);
	tc = tcase_create("texts");
	tcase_add_test(tc, both_languages_have_exactly_the_same_keys);
	tcase_add_test(tc, every_key_a_template_names_is_in_both_languages);
	suite_add_tcase(s, tc);
	tc = tcase_create("messages");
	tcase_add_test(tc, every_message_key_has_a_text_in_both_languages);
	tcase_add_test(tc, no_message_text_without_its_key);
	tcase_add_test(tc, every_message_renders_in_both_languages);
	tcase_add_test(tc, a_message_is_never_a_format);
	tcase_add_test(tc, the_language_list_is_the_text_files);
	tcase_add_test(tc, the_messages_are_one_block_the_page_can_read_apart);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(lang_suite());
}

/* check_lang.c: the page's language from Accept-Language and the config. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>
#include <check.h>

#include "host.h"
#include "lang.h"
#include "testutil.h"

static const char *const have[] = { "en", "it" };

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
	static const char *const lang[] = { "en", "it" };
	char path[TU_PATH_SZ], key[128];
	struct dirent *d;
	DIR *dir;
	HDF *hdf;
	char *t, *p;
	size_t i, n, found = 0;
	int f;

	for (i = 0; i < 2; i++) {
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
	return s;
}

int
main(void)
{
	return tu_run(lang_suite());
}

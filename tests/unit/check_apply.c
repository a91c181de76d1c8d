/* check_apply.c: ddns-apply's outcomes and the daemon's states as the page
 * words them: one table each, every row with its text in both languages. */
#include <stdio.h>
#include <string.h>

#include <ClearSilver.h>
#include <check.h>

#include "apply.h"
#include "daemon.h"

/* Both languages' texts in one HDF: En.Lang... and It.Lang... */
static HDF *
strings(void)
{
	HDF *hdf = NULL;
	HDF *en, *it;

	ck_assert_ptr_eq(hdf_init(&hdf), STATUS_OK);
	ck_assert_ptr_eq(hdf_get_node(hdf, "En", &en), STATUS_OK);
	ck_assert_ptr_eq(hdf_get_node(hdf, "It", &it), STATUS_OK);
	ck_assert_msg(hdf_read_file(en, SRCDIR "/templates/lang/en.hdf") ==
	    STATUS_OK, "cannot read lang/en.hdf");
	ck_assert_msg(hdf_read_file(it, SRCDIR "/templates/lang/it.hdf") ==
	    STATUS_OK, "cannot read lang/it.hdf");
	return hdf;
}

static void
has_text(HDF *hdf, const char *group, const char *key)
{
	static const char *const lang[] = { "En", "It" };
	char name[96];
	const char *v;
	size_t i;

	for (i = 0; i < 2; i++) {
		snprintf(name, sizeof(name), "%s.Lang.%s.%s", lang[i], group,
		    key);
		v = hdf_get_value(hdf, name, NULL);
		ck_assert_msg(v != NULL && *v != '\0', "no text %s", name);
	}
}

static int
known_kind(const char *kind)
{
	return strcmp(kind, "ok") == 0 || strcmp(kind, "warn") == 0 ||
	    strcmp(kind, "error") == 0;
}

START_TEST(every_exit_code_has_a_row_and_a_text)
{
	HDF *hdf = strings();
	const struct apply_outcome *o;
	int code;

	for (code = 0; code <= APPLY__MAX; code++) {
		o = apply_outcome(code == APPLY__MAX ? APPLY_ESTART : code);
		ck_assert_msg(o != NULL, "no outcome for %d", code);
		ck_assert(known_kind(o->kind));
		has_text(hdf, "Apply", o->key);
	}
	ck_assert_ptr_null(apply_outcome(APPLY__MAX));
	ck_assert_ptr_null(apply_outcome(-1));
	/* Only codes after which the cache entries are gone empty the queue. */
	ck_assert(apply_outcome(APPLY_OK)->dropped);
	ck_assert(apply_outcome(APPLY_NOTRUNNING)->dropped);
	ck_assert(!apply_outcome(APPLY_ECACHE)->dropped);
	ck_assert(!apply_outcome(APPLY_EWRITE)->dropped);
	ck_assert(!apply_outcome(APPLY_ESTART)->dropped);
	/* 1 is sudo's refusal, never a word of ddns-apply's. */
	ck_assert_str_eq(apply_outcome(1)->key, "esudo");
	ck_assert(!apply_outcome(1)->dropped);
	ck_assert_int_ne(APPLY_ECONF, 1);
	hdf_destroy(&hdf);
}
END_TEST

START_TEST(every_daemon_state_has_a_row_and_a_text)
{
	HDF *hdf = strings();
	const struct apply_outcome *o;
	int s;

	for (s = 0; s < DAEMON__MAX; s++) {
		ck_assert_msg((o = apply_daemon_outcome(s)) != NULL, "state %d", s);
		ck_assert_int_eq(o->code, s);
		ck_assert(known_kind(o->kind));
		has_text(hdf, "Daemon", o->key);
	}
	ck_assert_str_eq(apply_daemon_outcome(DAEMON_OK)->kind, "ok");
	ck_assert_ptr_null(apply_daemon_outcome(DAEMON__MAX));
	hdf_destroy(&hdf);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("apply");
	TCase *tc = tcase_create("outcomes");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, every_exit_code_has_a_row_and_a_text);
	tcase_add_test(tc, every_daemon_state_has_a_row_and_a_text);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}

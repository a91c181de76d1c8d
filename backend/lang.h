/* lang.h: which of the page's languages a request gets. */
#ifndef DDNS_LANG_H
#define DDNS_LANG_H

#include <stddef.h>

/*
 * The page's languages, the default first: the one list. Each has its
 * texts in templates/lang/CODE.hdf; the module configuration's language
 * and a source's label.CODE take these codes.
 */
#define LANGS(X)	X(en) X(it)

enum lang {
#define LANG_ENUM(c) LANG_##c,
	LANGS(LANG_ENUM)
#undef LANG_ENUM
	LANG__MAX
};

/* The codes separated by spaces, each after one (" en it"). */
#define LANG_SPACED(c)	" " #c
#define LANG_WORDS	LANGS(LANG_SPACED)

/* lang_codes: the LANG__MAX codes, in enum lang order. */
const char *const *lang_codes(void);

/* lang_find: the enum lang of code, or -1. */
int lang_find(const char *code);

/*
 * lang_choose: the index in have[] (n language codes, such as "en" and
 * "it", the default first) of the one an HTTP Accept-Language header
 * prefers (RFC 9110 12.5.4): the highest q-value, a range naming the
 * language ("it") or one of its regions ("it-CH") counting over "*", and
 * q=0 meaning "not this one"; among equal q-values the earlier range
 * wins. forced, when it names one of have[] (the module configuration's
 * language), wins over the header; "auto" or NULL does not. A missing or
 * malformed header, or one that accepts none of them, gives 0. Pure.
 */
size_t lang_choose(const char *accept, const char *forced,
    const char *const *have, size_t n);

#endif

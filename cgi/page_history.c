/* page_history.c: the audit trail, newest first, a page at a time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgi.h"
#include "num.h"

#define PER_PAGE 50

/*
 * The words of the trail that are not "<field> changed": each is named
 * by its HistoryPage key and shown after the changed fields, as in
 * "Changed: Provider, Server address; password changed".
 */
static const struct note {
	const char	*word;		/* as store.c's diff writes it */
	const char	*key;		/* Lang.HistoryPage.<key> */
} notes[] = {
	{ "nothing changed", "nothing" },
	{ "password kept", "password_kept" },
	{ "password changed", "password_changed" },
};
#define NNOTES (sizeof(notes) / sizeof(notes[0]))

/* note_key: the HistoryPage key of the n bytes at word, or NULL. */
static const char *
note_key(const char *word, size_t n)
{
	size_t i;

	for (i = 0; i < NNOTES; i++)
		if (strlen(notes[i].word) == n &&
		    strncmp(notes[i].word, word, n) == 0)
			return notes[i].key;
	return NULL;
}

/* field_label: the page's name of the field of "<field> changed" (n
 * bytes at word), or NULL when it is no such word. */
static const char *
field_label(struct req *r, const char *word, size_t n)
{
	static const char suffix[] = " changed";
	const size_t sl = sizeof(suffix) - 1;
	const char *label;
	char name[32];

	if (n <= sl || n - sl >= sizeof(name) ||
	    strncmp(word + n - sl, suffix, sl) != 0)
		return NULL;
	memcpy(name, word, n - sl);
	name[n - sl] = '\0';
	if (host_field_find(name) < 0)
		return NULL;
	label = out_lang(r, "Col", name);
	if (*label == '\0')
		label = out_lang(r, "Field", name);
	return *label != '\0' ? label : NULL;
}

/* add: text after sep (unless *len is 0) at out + *len, kept in sz. */
static void
add(char *out, size_t sz, size_t *len, const char *sep, const char *text,
    int n)
{
	int w;

	if (*len >= sz)
		return;
	w = snprintf(out + *len, sz - *len, "%s%.*s", *len ? sep : "", n, text);
	*len = w < 0 || (size_t)w >= sz - *len ? sz : *len + (size_t)w;
}

/*
 * The audit trail stores which fields changed in fixed words ("login
 * changed, description changed, password kept", store.c's diff); the
 * page names them in its language: "Changed: Login, Description;
 * password kept". Unknown words stay as they are (an older trail).
 */
void
history_detail(struct req *r, const char *detail, char *out, size_t sz)
{
	char fields[AUDIT_DETAIL_SZ * 2], said[AUDIT_DETAIL_SZ * 2];
	const char *p, *end, *label, *key;
	size_t flen = 0, slen = 0, olen, n;

	fields[0] = said[0] = '\0';
	for (p = detail; *p; p = end ? end + 2 : p + n) {
		end = strstr(p, ", ");
		n = end ? (size_t)(end - p) : strlen(p);
		if ((key = note_key(p, n)) != NULL)
			add(said, sizeof(said), &slen, "; ",
			    out_lang(r, "HistoryPage", key), -1);
		else if ((label = field_label(r, p, n)) != NULL)
			add(fields, sizeof(fields), &flen, ", ", label, -1);
		else
			add(fields, sizeof(fields), &flen, ", ", p, (int)n);
	}
	/* Composed by add, which cuts at sz: "Changed: a, b; password kept". */
	out[0] = '\0';
	olen = 0;
	if (flen) {
		add(out, sz, &olen, "", out_lang(r, "HistoryPage", "changed"), -1);
		add(out, sz, &olen, " ", fields, -1);
	}
	if (slen)
		add(out, sz, &olen, "; ", said, -1);
}

void
page_history(struct req *r)
{
	struct audit_row *a;
	struct dd_err e = { 0 };
	long long page = 1;
	char when[OUT_TIME_SZ], detail[AUDIT_DETAIL_SZ * 2];
	size_t n, i;
	int more;

	if (r->q[Q_PAGE] && num_parse(r->q[Q_PAGE], 1, 100000, &page) == -1) {
		dd_fail(&e, DD_EBADREQ, "page", MSG_req_page_number);
		http_error(r, &e);
		return;
	}
	if (store_audit(r->store, (size_t)(page - 1) * PER_PAGE, PER_PAGE, &a,
	    &n, &more, &e) == -1) {
		http_error(r, &e);
		return;
	}
	for (i = 0; i < n; i++) {
		out_row(r, "History", i, "when", out_time(a[i].at, when));
		out_row(r, "History", i, "user", a[i].user);
		out_row(r, "History", i, "action", out_lang(r, "Action",
		    a[i].action));
		out_row(r, "History", i, "hostname", a[i].hostname);
		history_detail(r, a[i].detail, detail, sizeof(detail));
		out_row(r, "History", i, "detail", detail);
	}
	out_setn(r, page, "Paging.page");
	if (page > 1)
		out_setn(r, page - 1, "Paging.prev");
	if (more)
		out_setn(r, page + 1, "Paging.next");
	free(a);
	http_page(r, 200, "history.cs");
}

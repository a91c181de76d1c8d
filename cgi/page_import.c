/* page_import.c: take over the hand-written ddclient configuration. The
 * root side (ddns-apply --import) reads it, since only it may; this page,
 * the web server's user, judges every host with the form's validators
 * (takeover.h) and stores the good ones in one transaction, then applies
 * with a message that asks to take the file over (boundary.h): the root
 * side keeps the original beside the new file, and every host not stored
 * as it was written, shown read-only on the list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boundary.h"
#include "buf.h"
#include "cgi.h"
#include "import.h"
#include "takeover.h"
#include "validate.h"

/* note: Import.Hosts.<i>.Notes.<k> = { refused, field, text }. */
static void
note(struct req *r, size_t i, size_t *k, int refused, const char *field,
    const char *text)
{
	char key[64];

	snprintf(key, sizeof(key), "Import.Hosts.%zu.Notes.%zu.refused", i, *k);
	out_set(r, key, refused ? "1" : "0");
	snprintf(key, sizeof(key), "Import.Hosts.%zu.Notes.%zu.field", i, *k);
	out_set(r, key, field);
	snprintf(key, sizeof(key), "Import.Hosts.%zu.Notes.%zu.text", i, *k);
	out_set(r, key, text);
	(*k)++;
}

/*
 * judge: record rec (the i-th) as a row into *row when it is to be stored
 * (*store), its notes into the page. Returns 1 if it is not stored: the
 * root side then keeps it as written (apply.h).
 */
static int
judge(struct req *r, const struct imp_rec *rec, size_t i,
    const struct host *have, size_t nhave, const struct host *mine,
    size_t nmine, struct host *row, int *store)
{
	char key[48], text[MSG_TEXT_SZ];
	struct dd_err why[HF__MAX];
	struct dd_msg dup;
	size_t k = 0, j;
	int f;
	enum tk_verdict t;

	snprintf(key, sizeof(key), "Import.Hosts.%zu.name", i);
	out_set(r, key, rec->name);
	for (j = 0; j < rec->nnote; j++)
		note(r, i, &k, rec->note[j].refused, "",
		    out_msg(r, &rec->note[j].m, text));
	t = tk_judge(rec, r->ver, have, nhave, mine, nmine, row, why);
	if (t == TK_INVALID)
		for (f = 0; f < HF__MAX; f++)
			if (why[f].m.id != MSG_none)
				note(r, i, &k, 1, out_lang(r, "Field",
				    host_field_name(f)),
				    out_msg(r, &why[f].m, text));
	if (t == TK_EXISTS)
		note(r, i, &k, 0, "", out_lang(r, "Import", "exists"));
	if (t == TK_DUPLICATE) {
		msg_set(&dup, MSG_import_duplicate);
		note(r, i, &k, 1, out_lang(r, "Field", "hostname"),
		    out_msg(r, &dup, text));
	}
	*store = t == TK_STORE;
	snprintf(key, sizeof(key), "Import.Hosts.%zu.refused", i);
	out_set(r, key, t == TK_STORE || t == TK_EXISTS ? "0" : "1");
	return t != TK_STORE && t != TK_EXISTS;
}

static void
failed(struct req *r, const char *why)
{
	out_set(r, "Import.error", why);
	http_page(r, 502, "import.cs");
}

void
page_import(struct req *r)
{
	struct imp_result res = { 0 };
	struct buf out = { 0 };
	struct dd_err e = { 0 };
	struct host *have = NULL, *rows = NULL;
	const struct apply_outcome *o;
	char key[48], kept[4096], text[MSG_TEXT_SZ];
	struct dd_msg m;
	size_t nhave = 0, nrows = 0, i;
	int code, bad = 0, store;

	code = run_import(r, &out);
	if (code != APPLY_OK && code != APPLY_EIMPORT) {
		o = apply_outcome(code);
		msg_set(&m, MSG_import_failed);
		failed(r, o && code != APPLY_EIMPORT ? out_lang(r, "Apply",
		    o->key) : out_msg(r, &m, text));
		goto out;
	}
	if (out.oom || imp_read(out.p ? out.p : "", out.len, &res, &e) == -1) {
		if (out.oom)
			msg_set(&e.m, MSG_import_too_much);
		failed(r, out_msg(r, &e.m, text));
		goto out;
	}
	if (store_list(r->store, &have, &nhave, &e) == -1 ||
	    (rows = calloc(res.nrec + 1, sizeof(*rows))) == NULL) {
		if (e.code == DD_OK)
			dd_fail(&e, DD_ESYS, NULL, MSG_oom);
		http_error(r, &e);
		goto out;
	}
	for (i = 0; i < res.nfile; i++)
		out_row(r, "Import.File", i, "text", out_msg(r, &res.file[i],
		    text));
	for (i = 0; i < res.nrec; i++) {
		bad += judge(r, &res.rec[i], i, have, nhave, rows, nrows,
		    &rows[nrows], &store);
		nrows += store;
	}
	out_setn(r, (long long)res.nrec, "Import.count");
	/* A host not stored is not lost: the take-over keeps it in
	 * ddclient's configuration as it was written (apply.h). */
	if (bad > 0)
		out_set(r, "Import.kept_hosts", "1");
	if (store_import(r->store, rows, nrows, r->who, &e) == -1) {
		http_error(r, &e);
		goto out;
	}
	for (i = 0; i < nrows; i++) {
		snprintf(key, sizeof(key), "Import.Hosts.%zu.id", i);
		out_setn(r, rows[i].id, "%s", key);
	}
	code = run_apply_take_over(r);
	if ((o = apply_outcome(code)) != NULL) {
		out_set(r, "Import.apply_kind", o->kind);
		out_set(r, "Import.apply", out_lang(r, "Apply", o->key));
	}
	snprintf(kept, sizeof(kept), "%s" APPLY_KEPT_SUFFIX,
	    r->conf.ddclient_conf);
	out_set(r, "Import.kept", kept);
	out_set(r, "Import.stored", "1");
	http_page(r, 200, "import.cs");
out:
	free(rows);
	free(have);
	imp_result_free(&res);
	buf_free(&out);
}

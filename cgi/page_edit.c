/* page_edit.c: the Create/Modify form and its Save. */
#include <stdio.h>
#include <string.h>

#include "cgi.h"
#include "providers.h"
#include "validate.h"

/* The form fields a provider (or Custom's protocol) takes, as the
 * space-separated names the page's script reads from data-fields. */
static void
fields_of(unsigned flags, char *out, size_t sz)
{
	size_t len = 0;
	int f;

	out[0] = '\0';
	for (f = 0; f < HF__MAX; f++)
		if ((val_field_accepted(f) & flags) && len < sz)
			len += (size_t)snprintf(out + len, sz - len, "%s%s",
			    len ? " " : "", host_field_name(f));
}

static void
set_choices(struct req *r, const char *provider, const char *protocol,
    const char *algorithm)
{
	const struct provider *p;
	const struct protocol *pr;
	char fields[160];
	const char *alg;
	size_t i;

	for (i = 0; (p = prov_at(i)) != NULL; i++) {
		out_row(r, "Providers", i, "id", p->id);
		out_row(r, "Providers", i, "label", p->label);
		fields_of(p->flags | HF_ALWAYS, fields, sizeof(fields));
		out_row(r, "Providers", i, "fields", fields);
		if (provider && strcmp(provider, p->id) == 0)
			out_row(r, "Providers", i, "selected", "1");
	}
	for (i = 0; (pr = proto_at(i)) != NULL; i++) {
		out_row(r, "Protocols", i, "name", pr->name);
		fields_of(pr->flags, fields, sizeof(fields));
		out_row(r, "Protocols", i, "fields", fields);
		if (protocol && strcmp(protocol, pr->name) == 0)
			out_row(r, "Protocols", i, "selected", "1");
	}
	for (i = 0; (alg = val_algorithm_at(i)) != NULL; i++) {
		out_row(r, "Algorithms", i, "name", alg);
		if (algorithm && strcmp(algorithm, alg) == 0)
			out_row(r, "Algorithms", i, "selected", "1");
	}
}

/* Fill the form with in[] (never the password) and the messages why[]. */
static void
set_form(struct req *r, const char *const in[HF__MAX],
    char why[HF__MAX][VAL_WHY], const struct host *old)
{
	char key[64];
	int f;

	for (f = 0; f < HF__MAX; f++) {
		snprintf(key, sizeof(key), "Form.%s", host_field_name(f));
		if (f != HF_PASSWORD)
			out_set(r, key, in[f]);
		if (why != NULL && why[f][0]) {
			snprintf(key, sizeof(key), "Errors.%s",
			    host_field_name(f));
			out_set(r, key, why[f]);
		}
	}
	if (old != NULL) {
		out_setn(r, old->id, "Form.id");
		out_set(r, "Form.has_password", *old->password ? "1" : "0");
	}
	set_choices(r, in[HF_PROVIDER], in[HF_PROTOCOL], in[HF_ALGORITHM]);
}

void
page_edit(struct req *r)
{
	const char *in[HF__MAX] = { 0 };
	struct dd_err e = { 0 };
	struct host h;
	int f;

	if (r->id == 0) {
		in[HF_PROVIDER] = prov_at(0)->id;	/* the default */
		set_form(r, in, NULL, NULL);
		http_page(r, 200, "edit.cs");
		return;
	}
	if (store_get(r->store, r->id, &h, &e) == -1) {
		http_error(r, &e);
		return;
	}
	for (f = 0; f < HF__MAX; f++)
		in[f] = host_field(&h, f, NULL);
	set_form(r, in, NULL, &h);
	http_page(r, 200, "edit.cs");
}

void
page_save(struct req *r)
{
	char why[HF__MAX][VAL_WHY];
	struct dd_err e = { 0 };
	struct host old, h;
	const struct host *oldp = NULL;

	if (r->id != 0) {
		if (store_get(r->store, r->id, &old, &e) == -1) {
			http_error(r, &e);
			return;
		}
		oldp = &old;
	}
	if (val_host((const char *const *)r->b, oldp, &h, why) > 0) {
		set_form(r, (const char *const *)r->b, why, oldp);
		http_page(r, 422, "edit.cs");
		return;
	}
	if (store_save(r->store, &h, r->who, &e) == -1) {
		if (e.code != DD_EEXIST) {
			http_error(r, &e);
			return;
		}
		snprintf(why[HF_HOSTNAME], VAL_WHY, "%s", e.msg);
		set_form(r, (const char *const *)r->b, why, oldp);
		http_page(r, 422, "edit.cs");
		return;
	}
	list_after(r, "saved", run_apply(r));
}

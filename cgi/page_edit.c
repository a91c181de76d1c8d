/* page_edit.c: the Create/Modify form and its Save. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cgi.h"
#include "netip.h"
#include "num.h"
#include "providers.h"
#include "validate.h"
#include "vet.h"

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

/* The family words a FAM_* set allows, for the page's script. */
static void
families_of(unsigned fams, char *out, size_t sz)
{
	static const unsigned bits[] = { FAM_V4, FAM_V6, FAM_DUAL };
	size_t i, len = 0;

	out[0] = '\0';
	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if ((fams & bits[i]) && len < sz)
			len += (size_t)snprintf(out + len, sz - len, "%s%s",
			    len ? " " : "", host_family_at(i));
}

/* The key of Lang.Families that words a family list ("ipv4 ipv6" is
 * ipv4_ipv6): the hint under the provider says what it updates. */
static void
famkey_of(const char *fams, char *out, size_t sz)
{
	size_t i;

	snprintf(out, sz, "%s", fams);
	for (i = 0; out[i] != '\0'; i++)
		if (out[i] == ' ')
			out[i] = '_';
}

/* A provider of the dropdown with the name it is shown under. */
struct shown {
	const struct provider	*p;
	const char		*label;
};

/* Dropdown order: by the name shown, letters of either case alike;
 * Custom (the open provider) last. */
static int
by_label(const void *a, const void *b)
{
	const struct shown *x = a, *y = b;
	int cx = (x->p->flags & PF_PROTOCOL) != 0;
	int cy = (y->p->flags & PF_PROTOCOL) != 0;

	if (cx != cy)
		return cx - cy;
	return strcasecmp(x->label, y->label);
}

/* set_provider: row k of Providers, for p shown as label. */
static void
set_provider(struct req *r, size_t k, const struct provider *p,
    const char *label, const char *provider)
{
	char fields[160], fams[32], key[32];

	out_row(r, "Providers", k, "id", p->id);
	out_row(r, "Providers", k, "label", label);
	fields_of(p->flags | HF_ALWAYS, fields, sizeof(fields));
	out_row(r, "Providers", k, "fields", fields);
	families_of(prov_families(p, NULL, r->ver), fams, sizeof(fams));
	out_row(r, "Providers", k, "families", fams);
	famkey_of(fams, key, sizeof(key));
	out_row(r, "Providers", k, "famkey", key);
	if (provider && strcmp(provider, p->id) == 0)
		out_row(r, "Providers", k, "selected", "1");
}

/* The providers and Custom's protocols that the installed ddclient can
 * serve (Custom itself always), with the fields and families each takes;
 * the providers by name (by_label). */
static void
set_providers(struct req *r, const char *provider, const char *protocol)
{
	const struct provider *p;
	const struct protocol *pr;
	struct shown *list;
	char fields[160], fams[32], key[32];
	size_t i, k, n;

	if ((list = calloc(prov_count(), sizeof(*list))) == NULL)
		return;
	for (i = 0, n = 0; (p = prov_at(i)) != NULL; i++) {
		if (!(p->flags & PF_PROTOCOL) &&
		    prov_families(p, NULL, r->ver) == 0)
			continue;
		list[n].p = p;
		list[n++].label = *out_lang(r, "ProviderName", p->id) ?
		    out_lang(r, "ProviderName", p->id) : p->label;
	}
	qsort(list, n, sizeof(*list), by_label);
	for (k = 0; k < n; k++)
		set_provider(r, k, list[k].p, list[k].label, provider);
	free(list);
	for (i = 0, k = 0; (pr = proto_at(i)) != NULL; i++) {
		if (proto_families(pr, r->ver) == 0)
			continue;
		out_row(r, "Protocols", k, "name", pr->name);
		fields_of(pr->flags, fields, sizeof(fields));
		out_row(r, "Protocols", k, "fields", fields);
		families_of(proto_families(pr, r->ver), fams, sizeof(fams));
		out_row(r, "Protocols", k, "families", fams);
		famkey_of(fams, key, sizeof(key));
		out_row(r, "Protocols", k, "famkey", key);
		if (protocol && strcmp(protocol, pr->name) == 0)
			out_row(r, "Protocols", k, "selected", "1");
		k++;
	}
}

/* The HDF names of a source's addresses (fixed text). */
static const char *const src_ip_key[NET__MAX] = {
	[NET_V4] = "v4", [NET_V6] = "v6",
};

/* The address sources by label in the page's language, each with the
 * addresses it gives its hosts now (ddns-checkip's publicip@NAME), the
 * one source names selected ("" is the first, the default). */
static void
set_sources(struct req *r, const char *source)
{
	const char *lang = hdf_get_value(r->hdf, "Page.Lang", lang_codes()[0]);
	const struct source *sel = conf_source(&r->conf, source ? source : "");
	struct netip ni;
	size_t i;
	int f;

	for (i = 0; i < r->conf.nsrc; i++) {
		out_row(r, "Sources", i, "name", r->conf.src[i].name);
		out_row(r, "Sources", i, "label",
		    source_label(&r->conf.src[i], lang));
		for (f = 0; f < NET__MAX; f++)
			if (netip_read_source(r->conf.state_dir,
			    r->conf.src[i].name, f, &ni) == 0 && *ni.ip)
				out_row(r, "Sources", i, src_ip_key[f], ni.ip);
		if (sel == &r->conf.src[i])
			out_row(r, "Sources", i, "selected", "1");
	}
}

/* The choices of the form's dropdowns, with the typed or stored values
 * (in[]) selected. */
static void
set_choices(struct req *r, const char *const in[HF__MAX])
{
	const char *alg, *fam, *family = in[HF_FAMILY];
	size_t i;

	out_hints(r);
	set_providers(r, in[HF_PROVIDER], in[HF_PROTOCOL]);
	set_sources(r, in[HF_SOURCE]);
	for (i = 0; (alg = val_algorithm_at(i)) != NULL; i++) {
		out_row(r, "Algorithms", i, "name", alg);
		if (in[HF_ALGORITHM] && strcmp(in[HF_ALGORITHM], alg) == 0)
			out_row(r, "Algorithms", i, "selected", "1");
	}
	for (i = 0; (fam = host_family_at(i)) != NULL; i++) {
		out_row(r, "Families", i, "name", fam);
		out_row(r, "Families", i, "label", out_lang(r, "Family", fam));
		if (strcmp(family && *family ? family : host_family_at(0),
		    fam) == 0)
			out_row(r, "Families", i, "selected", "1");
	}
	out_set(r, "Page.ddclient", ddver_name(r->ver));
}

/* The fields in the order the page shows them (edit.cs): the first bad
 * one takes the focus, the only autofocus of the page. */
static const enum hfield page_order[] = {
	HF_HOSTNAME, HF_DESCRIPTION, HF_PROVIDER, HF_SERVER, HF_PROTOCOL,
	HF_LOGIN, HF_PASSWORD, HF_ALGORITHM, HF_ZONE, HF_MX, HF_BACKUPMX,
	HF_WILDCARD, HF_FAMILY, HF_SOURCE,
};
_Static_assert(sizeof(page_order) / sizeof(page_order[0]) == HF__MAX,
    "every field has its place on the page");

/*
 * Fill the form with in[] and the messages why[]. The password only when
 * typed (in[] is the request's): a form shown again keeps what was typed
 * (the response is no-store, as every one), but a refused password, and
 * a stored one, never come back in a page.
 */
static void
set_form(struct req *r, const char *const in[HF__MAX],
    const struct dd_err why[HF__MAX], const struct host *old, int typed)
{
	char key[64], text[MSG_TEXT_SZ];
	int f;

	for (f = 0; f < HF__MAX; f++) {
		snprintf(key, sizeof(key), "Form.%s", host_field_name(f));
		if (f != HF_PASSWORD || (typed && (why == NULL ||
		    why[f].m.id == MSG_none)))
			out_set(r, key, in[f]);
		if (why != NULL && why[f].m.id != MSG_none) {
			snprintf(key, sizeof(key), "Errors.%s",
			    host_field_name(f));
			out_set(r, key, out_msg(r, &why[f].m, text));
		}
	}
	for (f = 0; why != NULL && f < HF__MAX; f++)
		if (why[page_order[f]].m.id != MSG_none) {
			out_set(r, "Form.focus", host_field_name(page_order[f]));
			break;
		}
	if (old != NULL) {
		out_setn(r, old->id, "Form.id");
		out_setn(r, old->version, "Form.version");
		out_set(r, "Form.has_password", *old->password ? "1" : "0");
	}
	set_choices(r, in);
}

/*
 * copy_form: the Create form filled from host id (?action=edit&copy=ID)
 * for another hostname of the same account: its provider, login, server
 * and the rest, but no hostname, description nor password (typed again,
 * as a stored one never comes back in a page). Returns 0, or -1 with e
 * set (no such host: 404).
 */
static int
copy_form(struct req *r, const char *id, struct dd_err *e)
{
	static const int blank[] = { HF_HOSTNAME, HF_DESCRIPTION, HF_PASSWORD };
	const char *in[HF__MAX] = { 0 };
	struct host h;
	long long from;
	size_t k;
	int f;

	if (num_parse(id, 1, LLONG_MAX, &from) == -1)
		return dd_fail(e, DD_EBADREQ, "copy", MSG_req_id);
	if (store_get(r->store, from, &h, e) == -1)
		return -1;
	for (f = 0; f < HF__MAX; f++)
		in[f] = host_field(&h, f, NULL);
	for (k = 0; k < sizeof(blank) / sizeof(blank[0]); k++)
		in[blank[k]] = "";
	set_form(r, in, NULL, NULL, 0);
	out_set(r, "Form.copy_of", h.hostname);
	return 0;
}

void
page_edit(struct req *r)
{
	const char *in[HF__MAX] = { 0 };
	struct dd_err e = { 0 };
	struct host h;
	int f;

	if (r->id == 0 && r->q[Q_COPY] != NULL) {
		if (copy_form(r, r->q[Q_COPY], &e) == -1) {
			http_error(r, &e);
			return;
		}
		out_set(r, "Form.focus", host_field_name(HF_HOSTNAME));
		http_page(r, 200, "edit.cs");
		return;
	}
	if (r->id == 0) {
		in[HF_PROVIDER] = prov_at(0)->id;	/* the default */
		set_form(r, in, NULL, NULL, 0);
		out_set(r, "Form.focus", host_field_name(HF_HOSTNAME));
		http_page(r, 200, "edit.cs");
		return;
	}
	if (store_get(r->store, r->id, &h, &e) == -1) {
		http_error(r, &e);
		return;
	}
	for (f = 0; f < HF__MAX; f++)
		in[f] = host_field(&h, f, NULL);
	set_form(r, in, NULL, &h, 0);
	http_page(r, 200, "edit.cs");
}

/*
 * conflict: the row changed since the form was opened. The form comes
 * back with what was typed, the stored value beside each field that
 * differs from it, and the row's new version, so that a second Save is a
 * deliberate choice. Nothing is stored.
 */
static void
conflict(struct req *r, const struct dd_err *ce)
{
	struct dd_err e = { 0 };
	struct host now;
	const char *typed;
	char key[64], text[MSG_TEXT_SZ];
	int f;

	if (store_get(r->store, r->id, &now, &e) == -1) {
		http_error(r, &e);	/* deleted meanwhile: 404 */
		return;
	}
	set_form(r, (const char *const *)r->b, NULL, &now, 1);
	out_set(r, "Conflict.message", out_msg(r, &ce->m, text));
	for (f = 0; f < HF__MAX; f++) {
		typed = r->b[f] ? r->b[f] : "";
		if (f == HF_PASSWORD || strcmp(typed, host_field(&now, f,
		    NULL)) == 0)
			continue;
		snprintf(key, sizeof(key), "Stored.%s", host_field_name(f));
		out_set(r, key, *host_field(&now, f, NULL) ? host_field(&now, f,
		    NULL) : out_lang(r, "Conflict", "empty"));
	}
	http_page(r, 409, "edit.cs");
}

/* Does a host of h's provider (and protocol) update both families with
 * 3.10, reading the IPv6 from usev6=? */
static int
reads_usev6(const struct host *h)
{
	const struct provider *p = prov_find(h->provider);

	return p != NULL &&
	    (prov_families(p, h->protocol, DDV_310) & FAM_DUAL) != 0;
}

/* The server ddclient is given for h (the preset's, or Custom's own). */
static const char *
server_of(const struct host *h)
{
	const struct provider *p = prov_find(h->provider);

	return p == NULL ? "" : (p->flags & PF_SERVER) ? h->server :
	    p->server ? p->server : "";
}

/*
 * mx_group: 3.11's dyndns2 sends the hosts of one server, login and
 * password whose mx, backupmx and wildcard are equal in one request with
 * the first one's addresses; an IPv4 host and a dual one also share
 * wantip. Without an mx the renderer keeps them apart (a dual host's
 * backupmx=yes, ddconf.c's put_split); with one, backupmx goes out (backmx=)
 * and nothing else can differ unseen, so the Save refuses the pair.
 */
static int
mx_group(const struct host *h, const struct host *o)
{
	const struct provider *p = prov_find(h->provider);
	const struct provider *q = prov_find(o->provider);

	return p != NULL && q != NULL && *h->mx &&
	    strcmp(prov_protocol(p, h->protocol), "dyndns2") == 0 &&
	    strcmp(prov_protocol(q, o->protocol), "dyndns2") == 0 &&
	    strcmp(server_of(h), server_of(o)) == 0 &&
	    strcmp(h->login, o->login) == 0 &&
	    strcmp(h->password, o->password) == 0 &&
	    strcmp(h->mx, o->mx) == 0 && strcmp(h->backupmx, o->backupmx) == 0 &&
	    strcmp(h->wildcard, o->wildcard) == 0;
}

/*
 * family_clash: 3.10 reads usev6 as a global only, and the renderer writes
 * it once a host is dual: every protocol that updates both families there
 * (Cloudflare, FreeDNS) then sends the IPv6 of all its hosts, and no
 * option of a host line turns it off. So an IPv4 host of such a protocol
 * beside a dual one (of any such protocol) would get an AAAA record:
 * refused beside the family field, naming the other host. An IPv6 host
 * is what usev6 gives anyway. On 3.11, the same for an IPv4 and a dual
 * dyndns2 host that mx_group puts in one request. Returns 1 with
 * why[HF_FAMILY] set, or 0 (also when the other hosts cannot be read:
 * the save then fails there).
 */
static int
family_clash(struct req *r, const struct host *h, struct dd_err why[HF__MAX])
{
	struct dd_err e = { 0 };
	struct dd_msg m;
	struct host *rows = NULL;
	size_t i, n = 0;
	unsigned w = host_family_wants(h->family);
	int dual = w == (WANT_V4 | WANT_V6), clash = 0;

	if (!h->enabled || w == WANT_V6 ||
	    (r->ver == DDV_310 && !reads_usev6(h)) ||
	    (r->ver == DDV_311 && *h->mx == '\0') ||
	    store_list(r->store, &rows, &n, &e) == -1)
		return 0;
	for (i = 0; i < n && !clash; i++) {
		if (rows[i].id == r->id || !rows[i].enabled ||
		    host_family_wants(rows[i].family) !=
		    (dual ? WANT_V4 : (WANT_V4 | WANT_V6)))
			continue;
		if (r->ver == DDV_310 && reads_usev6(&rows[i]))
			msg_set(&m, dual ? MSG_ver_v6_global_v4 :
			    MSG_ver_v6_global_dual, rows[i].hostname);
		else if (r->ver == DDV_311 && mx_group(h, &rows[i]))
			msg_set(&m, MSG_ver_group_mx, rows[i].hostname);
		else
			continue;
		dd_copy(&why[HF_FAMILY], DD_EINVAL, host_field_name(HF_FAMILY),
		    &m);
		clash = 1;
	}
	free(rows);
	return clash;
}

/* source_refused: the source h names cannot serve it (vet_source): 1
 * with why[HF_SOURCE] set, beside the field; else 0. */
static int
source_refused(struct req *r, const struct host *h, struct dd_err why[HF__MAX])
{
	struct dd_msg m;

	if (!vet_source(&r->conf, r->ver, h, &m))
		return 0;
	dd_copy(&why[HF_SOURCE], DD_EINVAL, host_field_name(HF_SOURCE), &m);
	return 1;
}

void
page_save(struct req *r)
{
	struct dd_err why[HF__MAX];
	struct dd_err e = { 0 };
	struct host old, h;
	const struct host *oldp = NULL;

	if (r->id != 0) {
		if (store_get(r->store, r->id, &old, &e) == -1) {
			http_error(r, &e);
			return;
		}
		oldp = &old;
		if (r->version == 0) {
			dd_fail(&e, DD_EBADREQ, "version", MSG_no_version);
			http_error(r, &e);
			return;
		}
	}
	if (val_host((const char *const *)r->b, oldp, r->ver, &h, why) > 0 ||
	    family_clash(r, &h, why) || source_refused(r, &h, why)) {
		set_form(r, (const char *const *)r->b, why, oldp, 1);
		http_page(r, 422, "edit.cs");
		return;
	}
	h.version = r->version;
	if (store_save(r->store, &h, r->who, &e) == -1) {
		if (e.code == DD_ECONFLICT) {
			conflict(r, &e);
			return;
		}
		if (e.code != DD_EEXIST) {
			http_error(r, &e);
			return;
		}
		why[HF_HOSTNAME] = e;
		set_form(r, (const char *const *)r->b, why, oldp, 1);
		http_page(r, 422, "edit.cs");
		return;
	}
	list_after(r, "saved", run_apply(r));
}

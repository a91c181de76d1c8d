/* check_providers.c: invariants of the provider and protocol tables, and
 * that every provider (and Custom with every protocol) can be filled in
 * from the form and rendered into ddclient's configuration. */
#include <stdio.h>
#include <string.h>

#include <ClearSilver.h>
#include <check.h>

#include "buf.h"
#include "conf.h"
#include "ddconf.h"
#include "ddver.h"
#include "lang.h"
#include "providers.h"
#include "validate.h"
#include "testutil.h"

START_TEST(provider_table_is_not_empty)
{
	ck_assert_uint_gt(prov_count(), 1);
	ck_assert_uint_gt(proto_count(), 1);
	ck_assert_ptr_null(prov_at(prov_count()));
	ck_assert_ptr_null(proto_at(proto_count()));
}
END_TEST

/* Each ddclient the tests run: the system's 3.10, the 3.11 of the build
 * tree (make check fetches it). */
static const char *const ddclient_of[DDV__MAX] = {
	[DDV_310] = "/usr/bin/ddclient",
	[DDV_311] = SRCDIR "/build/ddclient-3.11/usr/bin/ddclient",
};

#define SVC_MAX	64

/* What one ddclient's %services says of a protocol. */
struct svc {
	char	name[32], server[128], script[128];
};

/* services: the protocols of version v's %services (ddclient itself,
 * through tests/tools/ddclient-services.pl) into out; how many. */
static size_t
services(enum ddv v, struct svc out[SVC_MAX])
{
	char cmd[512], line[320];
	size_t n = 0;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "perl '%s/tests/tools/ddclient-services.pl' "
	    "'%s'", SRCDIR, ddclient_of[v]);
	ck_assert_ptr_nonnull(f = popen(cmd, "r"));
	while (n < SVC_MAX && fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "%31s %127s %127s", out[n].name, out[n].server,
		    out[n].script) == 3)
			n++;
	ck_assert_int_eq(pclose(f), 0);
	ck_assert_uint_gt(n, 20);
	return n;
}

static const struct svc *
svc_find(const struct svc *s, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s[i].name, name) == 0)
			return &s[i];
	return NULL;
}

/*
 * Issue 24: a protocol's default server and script (what a host of a
 * hand-written ddclient.conf without server= gets, which the import maps
 * to a preset) are its row of the protocol table, and they are ddclient's
 * own: compared with the %services of each version that can serve the
 * protocol, or, where neither can (fam 0 in both), of the newest that has
 * it. nsupdate's is a placeholder of ddclient's (its server is the DNS
 * server the row names): none.
 */
START_TEST(protocol_defaults_are_ddclients_own)
{
	static struct svc s[DDV__MAX][SVC_MAX];
	const struct protocol *pr;
	const struct svc *d;
	size_t n[DDV__MAX], i;
	int v, used, compared = 0;

	for (v = 0; v < DDV__MAX; v++)
		n[v] = services(v, s[v]);
	for (i = 0; (pr = proto_at(i)) != NULL; i++) {
		if (pr->flags & PF_TSIG) {
			ck_assert_ptr_null(pr->server);
			continue;
		}
		for (used = 0, v = DDV__MAX - 1; v >= 0; v--) {
			if ((d = svc_find(s[v], n[v], pr->name)) == NULL ||
			    (proto_families(pr, v) == 0 && (used ||
			    proto_families(pr, !v) != 0)))
				continue;
			ck_assert_msg(strcmp(pr->server ? pr->server : "-",
			    d->server) == 0 && strcmp(pr->script ?
			    pr->script : "-", d->script) == 0, "%s: the table "
			    "says %s %s, ddclient %s says %s %s", pr->name,
			    pr->server ? pr->server : "-",
			    pr->script ? pr->script : "-", ddver_name(v),
			    d->server, d->script);
			used = 1;
			compared++;
		}
		ck_assert_msg(used, "%s: in neither ddclient's %%services",
		    pr->name);
	}
	ck_assert_int_gt(compared, 30);
}
END_TEST

START_TEST(provider_ids_are_short_lowercase_words)
{
	const struct provider *p = prov_at((size_t)_i);
	size_t len = strlen(p->id);

	ck_assert_msg(len > 0 && len < PROVIDER_SZ, "id '%s' length %zu",
	    p->id, len);
	ck_assert_msg(p->id[0] >= 'a' && p->id[0] <= 'z', "id '%s'", p->id);
	ck_assert_msg(strspn(p->id, "abcdefghijklmnopqrstuvwxyz0123456789")
	    == len, "id '%s' is not [a-z][a-z0-9]*", p->id);
	ck_assert_msg(p->label != NULL && *p->label != '\0', "id '%s' has no "
	    "label", p->id);
}
END_TEST

START_TEST(provider_ids_are_unique)
{
	size_t i, j, n = prov_count();

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			ck_assert_msg(strcmp(prov_at(i)->id, prov_at(j)->id) != 0,
			    "provider id '%s' twice", prov_at(i)->id);
}
END_TEST

START_TEST(provider_labels_are_unique)
{
	size_t i, j, n = prov_count();

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			ck_assert_msg(strcmp(prov_at(i)->label,
			    prov_at(j)->label) != 0, "label '%s' twice",
			    prov_at(i)->label);
}
END_TEST

START_TEST(provider_find_returns_each_provider)
{
	const struct provider *p = prov_at((size_t)_i);

	ck_assert_ptr_eq(prov_find(p->id), p);
}
END_TEST

START_TEST(provider_protocol_exists_in_protocol_table)
{
	const struct provider *p = prov_at((size_t)_i);

	if (p->flags & PF_PROTOCOL) {
		ck_assert_ptr_null(p->protocol);
		return;
	}
	ck_assert_msg(p->protocol != NULL, "provider %s has no protocol",
	    p->id);
	ck_assert_msg(proto_find(p->protocol) != NULL, "provider %s uses "
	    "unknown protocol %s", p->id, p->protocol);
}
END_TEST

START_TEST(provider_without_server_field_has_a_fixed_server)
{
	const struct provider *p = prov_at((size_t)_i);

	if (!(p->flags & PF_SERVER))
		ck_assert_msg(p->server != NULL && *p->server != '\0',
		    "provider %s: the user cannot give a server and none is "
		    "fixed", p->id);
}
END_TEST

/* A TSIG key is a name, a secret and an algorithm sent to a server of the
 * user's: nothing of it can be a file or a program (ddclient's nsupdate). */
START_TEST(provider_tsig_takes_key_and_server)
{
	const struct provider *p = prov_at((size_t)_i);
	unsigned need = PF_LOGIN | PF_PASSWORD | PF_SERVER | PF_ZONE;

	if (p->flags & PF_TSIG)
		ck_assert_msg((p->flags & need) == need, "provider %s", p->id);
}
END_TEST

START_TEST(protocol_tsig_takes_key_and_server)
{
	const struct protocol *pr = proto_at((size_t)_i);
	unsigned need = PF_LOGIN | PF_PASSWORD | PF_SERVER | PF_ZONE;

	if (pr->flags & PF_TSIG)
		ck_assert_msg((pr->flags & need) == need, "protocol %s",
		    pr->name);
}
END_TEST

START_TEST(provider_flags_agree_with_its_protocol)
{
	/* A provider may not take less than its protocol needs. */
	const struct provider *p = prov_at((size_t)_i);
	const struct protocol *pr;
	unsigned need = PF_LOGIN | PF_PASSWORD | PF_ZONE | PF_TSIG;

	if (p->flags & PF_PROTOCOL)
		return;
	pr = proto_find(p->protocol);
	ck_assert_ptr_nonnull(pr);
	ck_assert_msg((p->flags & need) == (pr->flags & need), "provider %s "
	    "flags %#x, protocol %s flags %#x", p->id, p->flags, pr->name,
	    pr->flags);
}
END_TEST

START_TEST(custom_exists_with_server_and_protocol)
{
	const struct provider *p = prov_find("custom");

	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->flags & (PF_SERVER | PF_PROTOCOL),
	    PF_SERVER | PF_PROTOCOL);
	ck_assert_ptr_null(prov_find("Custom"));
	ck_assert_ptr_null(prov_find(""));
	ck_assert_ptr_null(prov_find(NULL));
}
END_TEST

START_TEST(protocol_names_are_unique_lowercase)
{
	size_t i, j, n = proto_count();

	for (i = 0; i < n; i++) {
		const char *a = proto_at(i)->name;

		ck_assert_msg(*a && strlen(a) < PROTOCOL_SZ && strspn(a,
		    "abcdefghijklmnopqrstuvwxyz0123456789") == strlen(a),
		    "protocol '%s'", a);
		ck_assert_ptr_eq(proto_find(a), proto_at(i));
		for (j = i + 1; j < n; j++)
			ck_assert_msg(strcmp(a, proto_at(j)->name) != 0,
			    "protocol '%s' twice", a);
	}
	ck_assert_ptr_null(proto_find("nosuchproto"));
	ck_assert_ptr_null(proto_find(NULL));
}
END_TEST

START_TEST(protocol_list_offers_the_common_ones)
{
	static const char *const want[] = { "dyndns2", "noip", "nsupdate",
	    "cloudflare", "duckdns" };
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_msg(proto_find(want[i]) != NULL, "%s missing",
		    want[i]);
}
END_TEST

START_TEST(prov_flags_and_protocol_for_custom_dyndns2)
{
	const struct provider *c = prov_find("custom"), *dyn = prov_find("dyn");
	unsigned f;

	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(dyn);
	f = prov_flags(c, "dyndns2");
	ck_assert_uint_eq(f & (PF_SERVER | PF_PROTOCOL | PF_LOGIN |
	    PF_PASSWORD | PF_MX), PF_SERVER | PF_PROTOCOL | PF_LOGIN |
	    PF_PASSWORD | PF_MX);
	ck_assert_str_eq(prov_protocol(c, "dyndns2"), "dyndns2");
	/* Unknown or absent protocol: only Custom's own flags. */
	ck_assert_uint_eq(prov_flags(c, NULL), c->flags);
	ck_assert_uint_eq(prov_flags(c, "nosuch"), c->flags);
	/* A fixed provider ignores the protocol the form sends. */
	ck_assert_str_eq(prov_protocol(dyn, "nsupdate"), "dyndns2");
	ck_assert_uint_eq(prov_flags(dyn, "nsupdate"), dyn->flags);
}
END_TEST

/* Fill a form the way a person would for flags f; render what val_host
 * makes of it. Fails the test if either step refuses. */
/* form_renders: for each ddclient version, a host of provider (and
 * protocol) filled as its form is accepted and rendered where that version
 * serves it, and refused beside the provider (or protocol) where not. */
static void
form_renders_for(const char *provider, const char *protocol, unsigned f,
    enum ddv v)
{
	const char *in[HF__MAX] = { 0 };
	struct dd_err why[HF__MAX];
	struct host h;
	struct conf c;
	struct buf out = { 0 };
	struct dd_err e;
	char want[64];
	int i, bad;

	const struct protocol *pr = proto_find(prov_protocol(prov_find(provider),
	    protocol));
	unsigned fams = prov_families(prov_find(provider), protocol, v);

	in[HF_HOSTNAME] = "home.example.com";
	in[HF_PROVIDER] = provider;
	in[HF_PROTOCOL] = protocol;
	if (f & (PF_LOGIN | PF_LOGIN_OPT))
		in[HF_LOGIN] = (f & PF_TSIG) ? "ddns-key" :
		    (pr->flags & PF_BELOW_LOGIN) ? "example.com" : "user";
	/* the family a person would pick where IPv4 alone is not offered */
	in[HF_FAMILY] = fams == 0 || (fams & FAM_V4) ? "ipv4" :
	    (fams & FAM_DUAL) ? "dual" : "ipv6";
	if (f & PF_PASSWORD)
		in[HF_PASSWORD] = (f & PF_TSIG) ? "c2VjcmV0LXNlY3JldC1zZWNyZXQ=" :
		    "pass word";
	if (f & PF_TSIG)
		in[HF_ALGORITHM] = "hmac-sha512";
	if (f & (PF_ZONE | PF_ZONE_OPT))
		in[HF_ZONE] = "example.com";
	if (f & PF_MX)
		in[HF_MX] = "mx.example.com";
	if (f & PF_SERVER)
		in[HF_SERVER] = "ns1.example.net:8245";
	bad = val_host(in, NULL, v, &h, why);
	if (prov_families(prov_find(provider), protocol, v) == 0) {
		ck_assert_int_eq(bad, 1);
		ck_assert_msg(strstr(why[protocol ? HF_PROTOCOL : HF_PROVIDER].msg,
		    "cannot update this provider") != NULL, "%s/%s on %s: %s",
		    provider, protocol ? protocol : "-", ddver_name(v),
		    why[protocol ? HF_PROTOCOL : HF_PROVIDER].msg);
		return;
	}
	for (i = 0; i < HF__MAX; i++)
		ck_assert_msg(why[i].msg[0] == '\0', "%s/%s field %s: %s", provider,
		    protocol ? protocol : "-", host_field_name(i), why[i].msg);
	ck_assert_int_eq(bad, 0);
	ck_assert_int_eq(conf_load(&c, NULL, &e), 0);
	ck_assert_msg(ddconf_render(&c, v, &h, 1, &out, &e) == 0, "%s/%s: %s",
	    provider, protocol ? protocol : "-", e.msg);
	snprintf(want, sizeof(want), "\nprotocol=%s, \\\n", protocol ?
	    protocol : prov_find(provider)->protocol);
	ck_assert_msg(strstr(out.p, want) != NULL, "%s: no %s in\n%s",
	    provider, want, out.p);
	ck_assert_msg(strstr(out.p, "\nhome.example.com\n") != NULL, "%s",
	    out.p);
	buf_free(&out);
	conf_free(&c);
}

static void
form_renders(const char *provider, const char *protocol, unsigned f)
{
	int v;

	for (v = 0; v < DDV__MAX; v++)
		form_renders_for(provider, protocol, f, (enum ddv)v);
}

/* The presets withdrawn by issues 14 and 19 (kept so that a stored host
 * of one is named on the list, not written): no version may offer them.
 * Issue 19's: ddclient 3.10 and 3.11 mis-read their answers (t0020). */
static const char *const withdrawn[] = { "hetzner", "dnsmadeeasy",
    "dinahosting", "easydns", "dondominio", "njalla", "is1984" };

static int
is_withdrawn(const char *id)
{
	size_t i;

	for (i = 0; i < sizeof(withdrawn) / sizeof(withdrawn[0]); i++)
		if (strcmp(withdrawn[i], id) == 0)
			return 1;
	return 0;
}

/* Every provider but the withdrawn is served by at least one version (with
 * IPv4, or both at once); the withdrawn by none. */
START_TEST(every_provider_is_served_by_a_version)
{
	const struct provider *p = prov_at((size_t)_i);
	unsigned any = 0;
	int v;

	if (p->flags & PF_PROTOCOL)
		return;
	for (v = 0; v < DDV__MAX; v++)
		any |= prov_families(p, NULL, (enum ddv)v);
	if (is_withdrawn(p->id))
		ck_assert_msg(any == 0, "withdrawn %s is offered", p->id);
	else
		ck_assert_msg(any & (FAM_V4 | FAM_DUAL), "%s is served by no "
		    "ddclient version", p->id);
}
END_TEST

/* Issue 19: a preset is limited below its protocol where the provider
 * allows less (presets.py's ANSWERS table says why, t0020 runs it). */
START_TEST(presets_offer_only_what_their_provider_takes)
{
	static const struct {
		const char	*id;
		unsigned	 fam[DDV__MAX];
	} want[] = {
		{ "inwx", { FAM_V4, FAM_V4 } },
		{ "desec", { FAM_ONE, FAM_ONE } },
		{ "easydns", { 0, 0 } },
		{ "dondominio", { 0, 0 } },
		{ "njalla", { 0, 0 } },
		{ "is1984", { 0, 0 } },
		{ "dyn", { FAM_ONE, FAM_ALL } },
		/* added: what the provider's own page documents */
		{ "spdyn", { FAM_ONE, FAM_ALL } },
		{ "variomedia", { FAM_ONE, FAM_ALL } },
		{ "opendns", { FAM_V4, FAM_V4 } },
		{ "dyfi", { FAM_V4, FAM_V4 } },
		{ "ipv64", { FAM_V4, FAM_V4 } },
		{ "dynv6", { FAM_V4, FAM_V4 } },
		{ "hetunnel", { FAM_V4, FAM_V4 } },
		{ "nicru", { FAM_V4, FAM_V4 } },
		/* issue 19: presets added (2) */
		{ "tiggerswelt", { FAM_V4, FAM_V4 } },
		{ "freedyn", { FAM_V4, FAM_V4 } },
		{ "safedns", { FAM_V4, FAM_V4 } },
		{ "visualdns", { FAM_V4, FAM_V4 } },
		{ "monny", { FAM_V4, FAM_V4 } },
		{ "pubyun", { FAM_V4, FAM_V4 } },
		/* issue 19: presets added (3) */
		{ "mayddns", { FAM_V4, FAM_V4 } },
		{ "itsdns", { FAM_ONE, FAM_ONE } },
		{ "dode", { FAM_V4, FAM_V4 } },
		{ "nederhost", { FAM_ONE, FAM_ONE } },
	};
	size_t i;
	int v;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		for (v = 0; v < DDV__MAX; v++)
			ck_assert_msg(prov_families(prov_find(want[i].id), NULL,
			    (enum ddv)v) == want[i].fam[v], "%s on %s: %u",
			    want[i].id, ddver_name((enum ddv)v),
			    prov_families(prov_find(want[i].id), NULL, (enum ddv)v));
}
END_TEST

/* Issue 19: Custom no longer offers the protocols whose presets were
 * withdrawn because both versions misread the provider's answer. */
START_TEST(custom_withdraws_the_misread_protocols)
{
	static const char *const gone[] = { "1984", "dondominio", "easydns",
	    "njalla" };
	size_t i;
	int v;

	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		for (v = 0; v < DDV__MAX; v++)
			ck_assert_msg(proto_families(proto_find(gone[i]),
			    (enum ddv)v) == 0, "Custom offers %s on %s",
			    gone[i], ddver_name((enum ddv)v));
}
END_TEST

/* A preset's max-interval is one ddclient reads (digits and a unit, as
 * its interval()) and shorter than ddclient's 25 days: else it changes
 * nothing. dy.fi forgets a record after 7 days. */
START_TEST(max_interval_is_a_ddclient_interval_below_its_default)
{
	const struct provider *p;
	unsigned long n;
	char unit;
	size_t i;
	int k, any = 0;

	for (i = 0; (p = prov_at(i)) != NULL; i++) {
		if (p->max_interval == NULL)
			continue;
		any = 1;
		k = 0;
		ck_assert_msg(sscanf(p->max_interval, "%lu%c%n", &n, &unit,
		    &k) == 2 && p->max_interval[k] == '\0' &&
		    strchr("smhd", unit) != NULL, "%s: %s", p->id,
		    p->max_interval);
		n *= unit == 'd' ? 86400 : unit == 'h' ? 3600 :
		    unit == 'm' ? 60 : 1;
		ck_assert_msg(n > 0 && n < 25 * 86400UL, "%s: %s", p->id,
		    p->max_interval);
	}
	ck_assert_msg(any, "no preset sets max-interval");
	ck_assert_str_eq(prov_find("dyfi")->max_interval, "5d");
}
END_TEST

/* Every preset has its hint (Lang.Hint.<id>): what its login and password
 * are, which the form shows under Provider. */
START_TEST(every_provider_has_a_hint)
{
	const struct provider *p = prov_at((size_t)_i);
	char name[64], path[256];
	HDF *hdf = NULL;
	const char *v;
	int i;

	/* In every language: the hint is what tells the login from the key. */
	for (i = 0; i < LANG__MAX; i++) {
		snprintf(path, sizeof(path), SRCDIR "/templates/lang/%s.hdf",
		    lang_codes()[i]);
		ck_assert_ptr_eq(hdf_init(&hdf), STATUS_OK);
		ck_assert_msg(hdf_read_file(hdf, path) == STATUS_OK,
		    "cannot read %s", path);
		snprintf(name, sizeof(name), "Lang.Hint.%s", p->id);
		v = hdf_get_value(hdf, name, NULL);
		ck_assert_msg(v != NULL && strlen(v) > 20, "%s has no hint in %s",
		    p->id, path);
		hdf_destroy(&hdf);
	}
}
END_TEST

/* A protocol that sends the name less its zone (or Namecheap's login)
 * cannot set the domain itself or a name of another: refused beside the
 * hostname, saying so. */
START_TEST(apex_and_other_zones_are_refused_where_the_zone_is_cut)
{
	static const struct {
		const char *prov, *host, *login, *zone;
		int ok;
	} cases[] = {
		{ "gandi", "home.example.com", NULL, "example.com", 1 },
		{ "gandi", "example.com", NULL, "example.com", 0 },
		{ "gandi", "home.example.org", NULL, "example.com", 0 },
		{ "gandi", "homeexample.com", NULL, "example.com", 0 },
		{ "godaddy", "example.com", "key", "example.com", 0 },
		{ "godaddy", "a.b.example.com", "key", "example.com", 1 },
		{ "namecheap", "www.example.com", "example.com", NULL, 1 },
		{ "namecheap", "example.com", "example.com", NULL, 0 },
		{ "namecheap", "www.example.com", "example.org", NULL, 0 },
		{ "cloudflare", "example.com", "token", "example.com", 1 },
	};
	const char *in[HF__MAX] = { 0 };
	struct dd_err why[HF__MAX];
	struct host h;
	size_t i;
	int bad;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(in, 0, sizeof(in));
		in[HF_PROVIDER] = cases[i].prov;
		in[HF_HOSTNAME] = cases[i].host;
		in[HF_LOGIN] = cases[i].login;
		in[HF_ZONE] = cases[i].zone;
		in[HF_PASSWORD] = "secret";
		bad = val_host(in, NULL, DDV_310, &h, why);
		ck_assert_msg(bad == !cases[i].ok, "%s %s: %d (%s)",
		    cases[i].prov, cases[i].host, bad, why[HF_HOSTNAME].msg);
		if (!cases[i].ok)
			ck_assert_msg(strstr(why[HF_HOSTNAME].msg, "(@) cannot be "
			    "updated") != NULL, "%s", why[HF_HOSTNAME].msg);
	}
}
END_TEST

START_TEST(every_provider_can_be_filled_and_rendered)
{
	const struct provider *p = prov_at((size_t)_i);

	if (p->flags & PF_PROTOCOL)
		return;		/* Custom: see the next test */
	form_renders(p->id, NULL, prov_flags(p, NULL));
}
END_TEST

START_TEST(custom_with_every_protocol_can_be_filled_and_rendered)
{
	const struct provider *c = prov_find("custom");
	const struct protocol *pr = proto_at((size_t)_i);

	form_renders("custom", pr->name, prov_flags(c, pr->name));
}
END_TEST

static Suite *
providers_suite(void)
{
	Suite *s = suite_create("providers");
	TCase *tc = tcase_create("tables");
	int np = (int)prov_count(), nr = (int)proto_count();

	tcase_add_test(tc, provider_table_is_not_empty);
	tcase_add_loop_test(tc, provider_ids_are_short_lowercase_words, 0, np);
	tcase_add_test(tc, provider_ids_are_unique);
	tcase_add_test(tc, provider_labels_are_unique);
	tcase_add_loop_test(tc, provider_find_returns_each_provider, 0, np);
	tcase_add_loop_test(tc, provider_protocol_exists_in_protocol_table, 0,
	    np);
	tcase_add_loop_test(tc, provider_without_server_field_has_a_fixed_server,
	    0, np);
	tcase_add_loop_test(tc, provider_tsig_takes_key_and_server, 0, np);
	tcase_add_loop_test(tc, protocol_tsig_takes_key_and_server, 0, nr);
	tcase_add_loop_test(tc, provider_flags_agree_with_its_protocol, 0, np);
	tcase_add_test(tc, custom_exists_with_server_and_protocol);
	tcase_add_test(tc, protocol_names_are_unique_lowercase);
	tcase_add_test(tc, protocol_list_offers_the_common_ones);
	tcase_add_test(tc, prov_flags_and_protocol_for_custom_dyndns2);
	suite_add_tcase(s, tc);

	tc = tcase_create("renderable");
	tcase_add_loop_test(tc, every_provider_is_served_by_a_version, 0, np);
	tcase_add_loop_test(tc, every_provider_has_a_hint, 0, np);
	tcase_add_test(tc, presets_offer_only_what_their_provider_takes);
	tcase_add_test(tc, custom_withdraws_the_misread_protocols);
	tcase_add_test(tc, max_interval_is_a_ddclient_interval_below_its_default);
	tcase_add_test(tc, apex_and_other_zones_are_refused_where_the_zone_is_cut);
	tcase_add_loop_test(tc, every_provider_can_be_filled_and_rendered, 0, np);
	tcase_add_test(tc, protocol_defaults_are_ddclients_own);
	tcase_add_loop_test(tc, custom_with_every_protocol_can_be_filled_and_rendered,
	    0, nr);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(providers_suite());
}

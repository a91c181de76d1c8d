/* page_list.c: every host with its live state, the public address, and
 * what the last change did. Reads files only; never waits on the network. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "apply.h"
#include "cache.h"
#include "cgi.h"
#include "daemon.h"
#include "netip.h"
#include "num.h"
#include "providers.h"

/* ddclient's status words: which text (Lang.Status.<key>) and which look. */
static const struct {
	const char	*status;
	const char	*key;
	const char	*kind;		/* ok, error, wait */
} statuses[] = {
	{ "good", "good", "ok" },	{ "nochg", "good", "ok" },
	{ "badauth", "badauth", "error" }, { "notfqdn", "notfqdn", "error" },
	{ "nohost", "nohost", "error" }, { "numhost", "numhost", "error" },
	{ "abuse", "abuse", "error" },	{ "dnserr", "dnserr", "error" },
	{ "!yours", "notyours", "error" }, { "!donator", "notdonator", "error" },
	{ "badsys", "badsys", "error" }, { "badagent", "badagent", "error" },
	{ "911", "servererror", "error" }, { "noconnect", "noconnect", "error" },
	{ "unknown", "noconnect", "error" },
};

/* Messages the query may ask for after a redirect: names, not text. */
static const char *const msgs[] = {
	"saved", "deleted", "enabled", "disabled", "queued",
};

/* The status key (Lang.Status.<key>) and look of a status word of a
 * host's cache entry. */
static void
status_of(const struct host *h, const struct cache_entry *ce,
    const char *status, const char **key, const char **kind)
{
	const struct provider *p = prov_find(h->provider);
	size_t j;

	*key = "other";
	*kind = "error";
	/* nsupdate leaves "noconnect" even after a success. */
	if (p != NULL && (prov_flags(p, h->protocol) & PF_STATUS_MTIME) &&
	    ce->mtime > 0 && ce->mtime >= ce->atime)
		status = "good";
	if (*status == '\0')
		*key = "waiting", *kind = "wait";
	else if (*status == 'w' && strspn(status + 1, "0123456789") > 0)
		*key = "wait", *kind = "wait";
	for (j = 0; j < sizeof(statuses) / sizeof(statuses[0]); j++)
		if (strcmp(statuses[j].status, status) == 0)
			*key = statuses[j].key, *kind = statuses[j].kind;
}

/* How bad a look is, to show a dual-stack host by its worse family. */
static int
rank(const char *kind)
{
	return strcmp(kind, "error") == 0 ? 2 : strcmp(kind, "wait") == 0;
}

/* The families a host asks for, as the list names them. */
static const struct {
	const char	*family;	/* its family field */
	int		 v6[2];		/* the families, -1 for none */
} wants[] = {
	{ "ipv4", { 0, -1 } }, { "ipv6", { 1, -1 } }, { "dual", { 0, 1 } },
};

/*
 * set_families: per family the host asks for, its address, the status in
 * words and whether it is the public address of that family; and the
 * host's look, the worse of them, into *key and *kind.
 */
static void
set_families(struct req *r, size_t i, const struct host *h,
    const struct cache_entry *ce, const struct netip ni[NET__MAX],
    const char **key, const char **kind)
{
	const char *ip, *status, *fkey, *fkind;
	char name[40];
	size_t w, k;
	int v6;

	for (w = 0; w < sizeof(wants) / sizeof(wants[0]) &&
	    strcmp(wants[w].family, h->family) != 0; w++)
		;
	if (w == sizeof(wants) / sizeof(wants[0]))
		w = 0;
	*kind = NULL;
	for (k = 0; k < 2 && (v6 = wants[w].v6[k]) != -1; k++) {
		cache_family(ce, v6, &ip, &status);
		status_of(h, ce, status, &fkey, &fkind);
#define FAM(f, v) do { snprintf(name, sizeof(name), "State.Fam.%zu." f, k); \
	out_row(r, "Hosts", i, name, v); } while (0)
		FAM("name", v6 ? "IPv6" : "IPv4");
		FAM("ip", ip);
		FAM("status", status);
		FAM("text", out_lang(r, "Status", fkey));
		FAM("kind", fkind);
		if (*ni[v6 ? NET_V6 : NET_V4].ip && *ip)
			FAM("insync", strcmp(ni[v6 ? NET_V6 : NET_V4].ip, ip) ==
			    0 ? "1" : "0");
#undef FAM
		if (*kind == NULL || rank(fkind) > rank(*kind))
			*key = fkey, *kind = fkind;
	}
}

static void
set_state(struct req *r, size_t i, const struct host *h,
    const struct cache_entry *ce, const struct netip ni[NET__MAX],
    const struct vet *v)
{
	const char *kind = "wait", *key = "waiting";
	char t[OUT_TIME_SZ];

	if (v->field != -1) {
		/* ddns-apply leaves it out: say so, whatever the cache says. */
		kind = "error", key = "notwritten";
		out_row(r, "Hosts", i, "State.field",
		    out_lang(r, "Field", host_field_name(v->field)));
		out_row(r, "Hosts", i, "State.why", v->msg);
	} else if (!h->enabled)
		kind = "disabled", key = "disabled";
	else if (ce != NULL) {
		set_families(r, i, h, ce, ni, &key, &kind);
		out_row(r, "Hosts", i, "State.mtime", out_time(ce->mtime, t));
		out_row(r, "Hosts", i, "State.atime", out_time(ce->atime, t));
	}
	out_row(r, "Hosts", i, "State.text", out_lang(r, "Status", key));
	out_row(r, "Hosts", i, "State.kind", kind);
}

/* The hostname's labels, each with its dot, so that the page may break a
 * long name after a dot and never inside a label. */
static void
hostname_labels(struct req *r, size_t i, const char *name)
{
	char key[48], label[HOSTNAME_SZ];
	size_t k, n;

	for (k = 0; *name; k++, name += n) {
		n = strcspn(name, ".");
		n += name[n] == '.';
		snprintf(label, sizeof(label), "%.*s", (int)n, name);
		snprintf(key, sizeof(key), "labels.%zu", k);
		out_row(r, "Hosts", i, key, label);
	}
}

static void
set_host(struct req *r, size_t i, const struct host *h)
{
	const struct provider *p = prov_find(h->provider);

	out_setn(r, h->id, "Hosts.%zu.id", i);
	out_setn(r, h->enabled, "Hosts.%zu.enabled", i);
	out_row(r, "Hosts", i, "hostname", h->hostname);
	hostname_labels(r, i, h->hostname);
	out_row(r, "Hosts", i, "provider", p == NULL ? h->provider :
	    *out_lang(r, "ProviderName", p->id) ? out_lang(r, "ProviderName",
	    p->id) : p->label);
	out_row(r, "Hosts", i, "login", h->login);
	out_row(r, "Hosts", i, "description", h->description);
	out_row(r, "Hosts", i, "mx", h->mx);
}

/* The HDF names of the families (fixed text, never request data). */
static const char *const fam_key[NET__MAX] = {
	[NET_V4] = "PublicIp.v4", [NET_V6] = "PublicIp.v6",
};

/* The appliance's public addresses, one per family checked; start a
 * refresh when one is stale. ni[f] stays empty for a family not checked. */
static void
public_ip(struct req *r, struct netip ni[NET__MAX])
{
	char path[PATH_MAX], key[48], t[OUT_TIME_SZ];
	struct dd_err e;
	long long now = (long long)time(NULL);
	int f, have, stale = 0;

	for (f = 0; f < NET__MAX; f++) {
		memset(&ni[f], 0, sizeof(ni[f]));
		if (f == NET_V6 && r->conf.checkip6_url == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", r->conf.state_dir,
		    netip_file(f));
		have = netip_read(path, &ni[f], &e) == 0;
		stale |= !have || now - ni[f].time >= r->conf.checkip_interval ||
		    ni[f].time > now + 60;
		snprintf(key, sizeof(key), "%s.checked", fam_key[f]);
		out_set(r, key, "1");
		if (!have)
			continue;
		snprintf(key, sizeof(key), "%s.ip", fam_key[f]);
		out_set(r, key, ni[f].ip);
		snprintf(key, sizeof(key), "%s.error", fam_key[f]);
		out_set(r, key, ni[f].error);
		snprintf(key, sizeof(key), "%s.time", fam_key[f]);
		out_set(r, key, out_time(ni[f].time, t));
	}
	if (stale) {
		run_checkip_detached(r);
		out_set(r, "PublicIp.refreshing", "1");
	}
}

/* After a redirect: what was done, and how applying it went. */
static void
notice(struct req *r)
{
	const struct apply_outcome *o;
	long long c;
	size_t i;

	for (i = 0; r->q[Q_MSG] && i < sizeof(msgs) / sizeof(msgs[0]); i++)
		if (strcmp(r->q[Q_MSG], msgs[i]) == 0)
			out_set(r, "Notice.done", out_lang(r, "Msg", msgs[i]));
	if (r->q[Q_APPLY] == NULL || num_parse(r->q[Q_APPLY], 0, 255, &c) == -1)
		return;
	if ((o = apply_outcome((int)c)) == NULL)
		return;
	out_set(r, "Notice.kind", o->kind);
	out_set(r, "Notice.apply", out_lang(r, "Apply", o->key));
}

/* The line about ddclient itself, unless it runs. */
static void
daemon_line(struct req *r)
{
	const struct apply_outcome *o =
	    apply_daemon_outcome(daemon_check(r->conf.ddclient_pid));

	if (o == NULL || strcmp(o->kind, "ok") == 0)
		return;
	out_set(r, "Daemon.kind", o->kind);
	out_set(r, "Daemon.text", out_lang(r, "Daemon", o->key));
}

void
page_list(struct req *r)
{
	struct cache_entry *ce = NULL;
	struct netip ni[NET__MAX];
	struct host *h;
	struct vet *v;
	struct dd_err e = { 0 };
	size_t n, nce = 0, i;

	if (store_list(r->store, &h, &n, &e) == -1) {
		http_error(r, &e);
		return;
	}
	if ((v = calloc(n + 1, sizeof(*v))) == NULL) {
		free(h);
		dd_fail(&e, DD_ESYS, NULL, "out of memory");
		http_error(r, &e);
		return;
	}
	apply_vet(h, n, r->ver, v);
	if (cache_read(r->conf.ddclient_cache, &ce, &nce, &e) == -1)
		out_set(r, "Daemon.cache_error", e.msg);
	public_ip(r, ni);
	for (i = 0; i < n; i++) {
		set_host(r, i, &h[i]);
		set_state(r, i, &h[i], cache_find(ce, nce, h[i].hostname), ni,
		    &v[i]);
	}
	daemon_line(r);
	notice(r);
	free(ce);
	free(v);
	free(h);
	http_page(r, 200, "list.cs");
}

void
list_after(struct req *r, const char *msg, int apply)
{
	char loc[96];

	snprintf(loc, sizeof(loc), "?action=list&msg=%s&apply=%d", msg, apply);
	http_redirect(r, loc);
}

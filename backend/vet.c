/* vet.c: which rows may reach ddclient (apply_vet): the one judgement
 * that ddns-apply acts on and the list page shows. */
#include <stdlib.h>
#include <string.h>

#include "apply.h"
#include "providers.h"
#include "validate.h"
#include "vet.h"

/*
 * plain_http: would ddclient send this host's login and password over
 * plain HTTP (a protocol that goes HTTPS only through ssl=yes, with
 * ddclient_ssl = no) without the integrator's plain_http naming its
 * provider? Then it says why in m.
 */
static int
plain_http(const struct conf *c, const struct host *h, struct dd_msg *m)
{
	const struct provider *p = prov_find(h->provider);
	const struct protocol *pr;

	if (c->ddclient_ssl || p == NULL ||
	    (pr = proto_find(prov_protocol(p, h->protocol))) == NULL ||
	    !(pr->flags & PF_SSL_GLOBAL) || conf_plain_http_ok(c, p->id))
		return 0;
	msg_set(m, MSG_plain_http, p->id);
	return 1;
}

/*
 * other_account: ddclient updates every host of a PF_ONE_ACCOUNT protocol
 * with the first one's server and account (freedns): a host of another is
 * refused, naming the first. first[k] is the row let through first for
 * protocol index k, or NULL.
 */
static int
other_account(const struct host *h, const struct host **first,
    struct dd_msg *m)
{
	const struct provider *p = prov_find(h->provider);
	const struct protocol *pr;
	const struct host *f;
	size_t k;

	if (p == NULL || (pr = proto_find(prov_protocol(p, h->protocol))) ==
	    NULL || !(pr->flags & PF_ONE_ACCOUNT))
		return 0;
	for (k = 0; proto_at(k) != pr; k++)
		;
	if ((f = first[k]) == NULL) {
		first[k] = h;
		return 0;
	}
	if (strcmp(f->login, h->login) == 0 &&
	    strcmp(f->password, h->password) == 0 &&
	    strcmp(prov_find(f->provider)->flags & PF_SERVER ? f->server :
	    prov_find(f->provider)->server, (p->flags & PF_SERVER) ? h->server :
	    p->server) == 0)
		return 0;
	msg_set(m, MSG_other_account, pr->name, f->hostname);
	return 1;
}

int
vet_source(const struct conf *c, enum ddv ver, const struct host *h,
    struct dd_msg *m)
{
	const struct source *s = conf_source(c, h->source);
	unsigned w = host_family_wants(h->family);

	if (c->nsrc == 0 && *h->source == '\0')
		return 0;
	if (s == NULL) {
		msg_set(m, MSG_source_unknown, h->source);
		return 1;
	}
	if (s->why != MSG_none) {
		msg_set(m, MSG_source_refused, s->name, msg_key(s->why),
		    s->where);
		return 1;
	}
	if ((w & WANT_V4) && s->fam[0].kind == SRC_NONE) {
		msg_set(m, MSG_source_no_v4, s->name);
		return 1;
	}
	if ((w & WANT_V6) && s->fam[1].kind == SRC_NONE) {
		msg_set(m, MSG_source_no_v6, s->name);
		return 1;
	}
	if (ver == DDV_310 && w == (WANT_V4 | WANT_V6) && s != &c->src[0]) {
		msg_set(m, MSG_source_v6_global, c->src[0].name);
		return 1;
	}
	return 0;
}

size_t
apply_vet(const struct conf *c, struct host *h, size_t n, enum ddv ver,
    struct vet *why)
{
	struct dd_err fw[HF__MAX];
	struct host canon;
	const char *last = "";	/* the hostname last let through */
	const struct host **first;
	size_t i, bad = 0;
	int f;

	if ((first = calloc(proto_count(), sizeof(*first))) == NULL) {
		for (i = 0; i < n; i++) {
			why[i].field = HF_HOSTNAME;
			msg_set(&why[i].m, MSG_oom);
		}
		return n;
	}

	for (i = 0; i < n; i++) {
		why[i].field = -1;
		why[i].m.id = MSG_none;
		if (val_stored(&h[i], ver, &canon, fw) > 0) {
			for (f = 0; fw[f].m.id == MSG_none; f++)
				;
			why[i].field = f;
			why[i].m = fw[f].m;
		} else if (strcmp(canon.hostname, last) == 0) {
			why[i].field = HF_HOSTNAME;
			msg_set(&why[i].m, MSG_stored_duplicate);
		} else if (plain_http(c, &canon, &why[i].m)) {
			why[i].field = HF_PROVIDER;
		} else if (vet_source(c, ver, &canon, &why[i].m)) {
			why[i].field = HF_SOURCE;
		} else {
			h[i] = canon;
			last = h[i].hostname;
			if (h[i].enabled && other_account(&h[i], first,
			    &why[i].m))
				why[i].field = HF_LOGIN;
		}
		bad += why[i].field != -1;
	}
	free(first);
	return bad;
}


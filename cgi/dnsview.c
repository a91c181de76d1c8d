/* dnsview.c: the DNS verdict (dnsstate_judge) of a host and family as the
 * list's rows and the host page show it. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "dnsview.h"

/*
 * The verdicts as a page shows them: the look, what verdict.c's input
 * takes of it (verdict_dns_disagrees), and the Lang.DnsText key of its
 * sentence; the word is Lang.Dns.<key>, key the verdict's own word
 * (dnsstate_verdict_word, as the JSON spells it). A sentence names its
 * values {1} DNS's answer, {2} until (HH:MM), {3} what ddclient set,
 * {4} the public address, {5} the record type, {6} the reason.
 */
enum { DA_ANSWER, DA_UNTIL, DA_SENT, DA_PUBLIC, DA_RR, DA_WHY, DA__MAX };

static const struct {
	const char	*kind;
	enum vd_dns	 dns;
	const char	*text;
} looks[DV__MAX] = {
	[DV_NOT_CHECKED] =	{ "grey",  VD_DNS_NONE,  "why" },
	[DV_COULD_NOT_CHECK] =	{ "grey",  VD_DNS_NONE,  "why" },
	[DV_IN_DNS] =		{ "ok",	   VD_DNS_SHOWS, "in_dns" },
	[DV_PROPAGATING] =	{ "wait",  VD_DNS_SHOWS, "propagating" },
	[DV_DIFFERS] =		{ "error", VD_DNS_LACKS, "dns_differs" },
	[DV_NEEDS_UPDATE] =	{ "wait",  VD_DNS_SHOWS, "needs_update" },
	[DV_NO_RECORD] =	{ "error", VD_DNS_LACKS, "no_record" },
};

/* The record each family is asked for. */
static const char *const rrs[NET__MAX] = { [NET_V4] = "A", [NET_V6] = "AAAA" };

/* Propagating while DNS (a resolver) still answers something else. */
#define TEXT_OLD	"propagating_cached"

void
dnsview_load(struct req *r, const char *const *names, size_t nh,
    long long newest, struct dnspage *dp)
{
	const char *why;
	char path[PATH_MAX], server[DNS_SERVER_SZ];
	struct dd_err e;

	memset(dp, 0, sizeof(*dp));
	dp->now = (long long)time(NULL);
	if (dnsstate_mode(r->conf.dns_check, &dp->mode, server, sizeof(server),
	    &why) == -1)
		dp->mode = DNSMODE_OFF;	/* conf_load took it: cannot be */
	if (dp->mode != DNSMODE_OFF)
		out_set(r, "Page.dns_check", "1");	/* the button */
	if (nh == 0 || dp->mode == DNSMODE_OFF)
		return;
	snprintf(path, sizeof(path), "%s/%s", r->conf.state_dir, DNSSTATE_FILE);
	if (dnsstate_read_some(path, names, nh, &dp->st, &e) == 0)
		dp->have = 1;
	else if (e.code != DD_ENOTFOUND)
		fprintf(stderr, "ddns.cgi: %s: %s\n", __func__, e.msg);
	if (dnsstate_due(dp->have ? dp->st.time : 0, r->conf.dns_interval,
	    newest, dp->now))
		run_dnscheck_detached(r);
}

const char *
dnsview_look(enum dnsverdict v)
{
	return (unsigned)v < DV__MAX ? looks[v].kind : "grey";
}

void
dnsview_free(struct dnspage *dp)
{
	dnsstate_free(&dp->st);
}

/* word: verdict v's word on a page, "DNS: In DNS" (looked up once). */
static const char *
word(struct req *r, struct dnspage *dp, enum dnsverdict v)
{
	if (dp->word[v][0] == '\0')
		snprintf(dp->word[v], sizeof(dp->word[v]), "%s: %s",
		    out_lang(r, "Dns", "label"), out_lang(r, "Dns",
		    dnsstate_verdict_word(v)));
	return dp->word[v];
}

/* cat: the words w[0..n) one after the other into out (cut to sz). */
static const char *
cat(char *out, size_t sz, const char *const *w, size_t n)
{
	size_t len = 0, k, i;

	for (i = 0; i < n; i++) {
		k = strlen(w[i]);
		if (k > sz - 1 - len)
			k = sz - 1 - len;
		memcpy(out + len, w[i], k);
		len += k;
	}
	out[len] = '\0';
	return out;
}

/* addrs: the addresses of DNS's answer x, comma-separated, in buf. */
static const char *
addrs(const struct dnsentry *x, char *buf, size_t sz)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; x != NULL && i < x->naddr && len < sz; i++)
		len += (size_t)snprintf(buf + len, sz - len, "%s%s", i ? ", " :
		    "", x->addr[i]);
	return buf;
}

/* hhmm: out_hhmm of t, remembered in dp for the next host (one pass of
 * ddclient updates many at once). */
static const char *
hhmm(struct dnspage *dp, long long t)
{
	if (t != dp->last_until || dp->last_hhmm[0] == '\0') {
		dp->last_until = t;
		out_hhmm(t, dp->last_hhmm);
	}
	return dp->last_hhmm;
}

/* fill: after out's text (len bytes of sz), the sentence t with {1}..{6}
 * replaced by arg[0..5] (cut to sz). */
static void
fill(const char *t, const char *const arg[DA__MAX], char *out, size_t sz)
{
	size_t len = strlen(out), n;
	const char *v;

	for (; *t && len + 1 < sz; t++) {
		if (t[0] == '{' && t[1] >= '1' && t[1] < '1' + DA__MAX &&
		    t[2] == '}') {
			v = arg[t[1] - '1'];
			n = strlen(v) < sz - 1 - len ? strlen(v) : sz - 1 - len;
			memcpy(out + len, v, n);
			len += n;
			t += 2;
		} else
			out[len++] = *t;
	}
	out[len] = '\0';
}

/* append: sep and s after out's text (cut to sz), unless s is "". */
static void
append(char *out, size_t sz, const char *sep, const char *s)
{
	size_t len = strlen(out);

	if (*s)
		snprintf(out + len, sz - len, "%s%s", sep, s);
}

enum dnsverdict
dnsview_put(struct req *r, HDF *fam, struct dnspage *dp,
    const char *host, enum netfam f, const char *sent, long long sent_time,
    const char *pub, struct verdict_in *in, int full)
{
	struct dnsinput di = { .mode = dp->mode, .st = dp->have ? &dp->st :
	    NULL, .sent = sent, .sent_time = sent_time, .pub = pub,
	    .now = dp->now };
	struct dnsview dv;
	char answer[DNS_ADDRS * (DNS_ADDR_SZ + 2)], why[MSG_TEXT_SZ];
	char text[3 * MSG_TEXT_SZ];
	const char *arg[DA__MAX];
	int disagree;

	/* Off: a row would say so on every line; the host page says it. */
	if (!full && dp->mode == DNSMODE_OFF)
		return DV_NOT_CHECKED;
	di.dns = dnsstate_find(di.st, host, f);
	dnsstate_judge(&di, &dv);
	in->dns = looks[dv.v].dns;
	disagree = verdict_dns_disagrees(in);
	out_put(fam, "dns", looks[dv.v].kind);
	/* The usual rows: In DNS, its word alone; Propagating, until when
	 * (resolvers may keep the previous answer). */
	if (!full && !dv.cached && !disagree && dv.v == DV_IN_DNS) {
		out_put(fam, "dns_text", word(r, dp, dv.v));
		return dv.v;
	}
	if (!full && !dv.cached && !disagree && dv.v == DV_PROPAGATING) {
		const char *w[5] = { word(r, dp, dv.v), " ", NULL, " ",
		    hhmm(dp, dv.until) };

		if (dp->until == NULL)
			dp->until = out_lang(r, "Dns", "until");
		w[2] = dp->until;
		out_put(fam, "dns_text", cat(text, sizeof(text), w, 5));
		return dv.v;
	}
	arg[DA_ANSWER] = addrs(di.dns, answer, sizeof(answer));
	arg[DA_UNTIL] = dv.v == DV_PROPAGATING ? hhmm(dp, dv.until) : "";
	arg[DA_SENT] = sent;
	arg[DA_PUBLIC] = pub;
	arg[DA_RR] = rrs[f];
	arg[DA_WHY] = dv.why.id != MSG_none ? out_msg(r, &dv.why, why) : "";
	snprintf(text, sizeof(text), "%s — ", word(r, dp, dv.v));
	fill(out_lang(r, "DnsText", dv.v == DV_PROPAGATING && !dv.shows ?
	    TEXT_OLD : looks[dv.v].text), arg, text, sizeof(text));
	if (dv.cached)
		append(text, sizeof(text), " ", out_lang(r, "DnsText", "cached"));
	if (disagree)
		append(text, sizeof(text), " ", out_lang(r, "DnsText",
		    "disagree"));
	out_put(fam, "dns_text", text);
	return dv.v;
}

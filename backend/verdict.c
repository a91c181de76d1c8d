/* verdict.c: the one place that decides a host's state per family, from
 * the row, its vet, the queue and ddclient's cache (verdict.h). */
#include <stddef.h>
#include <string.h>

#include "verdict.h"

/* Every state's key, look and summary group, in enum vd_state order. */
static const struct vd_look looks[VD__MAX] = {
	[VD_NOTWRITTEN] = { "notwritten", "error",	VG_FAILING,	0 },
	[VD_NOTAPPLIED] = { "notapplied", "error",	VG_FAILING,	0 },
	[VD_FAILED] =	  { "failed",	  "error",	VG_FAILING,	1 },
	[VD_RETRY] =	  { "wait",	  "wait",	VG_WAITING,	1 },
	[VD_WAITING] =	  { "waiting",	  "wait",	VG_WAITING,	1 },
	[VD_GOOD] =	  { "good",	  "ok",		VG_OK,		1 },
	[VD_DISABLED] =	  { "disabled",	  "disabled",	VG_DISABLED,	0 },
};

/* ddclient's answer words: their text key and whether they are a success. */
static const struct {
	const char	*word;
	const char	*key;
	int		 ok;
} answers[] = {
	{ "good", "good", 1 },		{ "nochg", "good", 1 },
	{ "badauth", "badauth", 0 },	{ "notfqdn", "notfqdn", 0 },
	{ "nohost", "nohost", 0 },	{ "numhost", "numhost", 0 },
	{ "abuse", "abuse", 0 },	{ "dnserr", "dnserr", 0 },
	{ "!yours", "notyours", 0 },	{ "!donator", "notdonator", 0 },
	{ "badsys", "badsys", 0 },	{ "badagent", "badagent", 0 },
	{ "911", "servererror", 0 },	{ "noconnect", "noconnect", 0 },
	{ "unknown", "noconnect", 0 },
};

/* The rules, first that holds wins: what the administrator and ddns-apply
 * did outweighs what ddclient last reported. */
static int left_out(const struct verdict_in *in) { return in->left_out; }
static int pending(const struct verdict_in *in) { return in->pending; }
static int disabled(const struct verdict_in *in) { return !in->enabled; }

static const struct {
	int		(*holds)(const struct verdict_in *);
	enum vd_state	 state;
} rules[] = {
	{ left_out, VD_NOTWRITTEN },
	{ pending, VD_NOTAPPLIED },
	{ disabled, VD_DISABLED },
};

static int
answer_at(const char *status)
{
	size_t j;

	for (j = 0; j < sizeof(answers) / sizeof(answers[0]); j++)
		if (strcmp(answers[j].word, status) == 0)
			return (int)j;
	return -1;
}

/* ddclient's "wait": w and the seconds (it keeps its error back-off so). */
static int
is_retry(const char *status)
{
	return status[0] == 'w' && strspn(status + 1, "0123456789") > 0 &&
	    status[1 + strspn(status + 1, "0123456789")] == '\0';
}

enum vd_state
verdict_cached(const char *status, long long mtime, long long atime)
{
	int j;

	if (status == NULL || *status == '\0')
		return VD_WAITING;
	if (is_retry(status))
		return VD_RETRY;
	if (mtime > 0 && mtime >= atime)
		return VD_GOOD;
	j = answer_at(status);
	return j != -1 && answers[j].ok ? VD_GOOD : VD_FAILED;
}

enum vd_state
verdict_decide(const struct verdict_in *in)
{
	size_t k;

	for (k = 0; k < sizeof(rules) / sizeof(rules[0]); k++)
		if (rules[k].holds(in))
			return rules[k].state;
	return (unsigned)in->cached < VD__MAX ? in->cached : VD_FAILED;
}

int
verdict_dns_disagrees(const struct verdict_in *in)
{
	return in->cached == VD_GOOD && in->dns == VD_DNS_LACKS;
}

const struct vd_look *
verdict_look(enum vd_state s)
{
	return &looks[(unsigned)s < VD__MAX ? s : VD_FAILED];
}

enum vd_state
verdict_worse(enum vd_state a, enum vd_state b)
{
	return b < a ? b : a;
}

const char *
verdict_answer(const char *status)
{
	int j;

	if (status == NULL || *status == '\0')
		return "";
	j = answer_at(status);
	return j == -1 ? "other" : answers[j].key;
}

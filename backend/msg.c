/* msg.c: messages by key and parameters, rendered from a text (msg.h). */
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "num.h"
#include "providers.h"
#include "utf8.h"

static const struct {
	const char	*key, *params;
} table[MSG__MAX] = {
#define MSG_ROW(key, params) [MSG_##key] = { #key, params },
	MSG_LIST(MSG_ROW)
#undef MSG_ROW
};

#define MSG_PARAMS_OK(key, params) \
	_Static_assert(sizeof(params) - 1 <= MSG_NPARAM, #key " has too many");
MSG_LIST(MSG_PARAMS_OK)
#undef MSG_PARAMS_OK

const char *
msg_key(enum msg_id id)
{
	return (unsigned)id < MSG__MAX ? table[id].key : NULL;
}

const char *
msg_params(enum msg_id id)
{
	return (unsigned)id < MSG__MAX ? table[id].params : "";
}

int
msg_find(const char *key)
{
	int i;

	for (i = 0; i < MSG__MAX; i++)
		if (strcmp(key, table[i].key) == 0)
			return i;
	return -1;
}

const char msg_end[] = "";

void
msg_vset(struct dd_msg *m, enum msg_id id, va_list ap)
{
	const char *p;
	size_t i, n;

	memset(m, 0, sizeof(*m));
	m->id = (unsigned)id < MSG__MAX ? id : MSG_refused;
	n = strlen(table[m->id].params);
	for (i = 0; i < n; i++) {
		if ((p = va_arg(ap, const char *)) == MSG_END)
			break;			/* fewer than the key has */
		if (p == NULL)
			p = "";
		snprintf(m->param[i], MSG_PARAM_SZ, "%.*s",
		    utf8_cut(p, MSG_PARAM_SZ - 1), p);
	}
	/* after the key's parameters, the end: else the call is wrong */
	if (i < n || va_arg(ap, const char *) != MSG_END) {
		memset(m, 0, sizeof(*m));
		m->id = MSG_refused;
	}
}

void
(msg_set)(struct dd_msg *m, enum msg_id id, ...)
{
	va_list ap;

	va_start(ap, id);
	msg_vset(m, id, ap);
	va_end(ap);
}

_Static_assert(MSG_NUM_SZ == NUM_SZ, "msg_num's buffer is num_format's");

const char *
msg_num(char buf[MSG_NUM_SZ], long long n)
{
	return num_format(n, buf);
}

/* put: append n bytes of s at out[*o], never past outsz - 1 bytes nor
 * through a character. */
static void
put(char *out, size_t outsz, size_t *o, const char *s, size_t n)
{
	size_t room = outsz - 1 - *o;

	if (n > room) {
		/* utf8_cut needs a NUL-terminated prefix: s is one */
		n = (size_t)utf8_cut(s, room);
		if (n > room)
			n = room;
	}
	memcpy(out + *o, s, n);
	*o += n;
}

int
msg_format(const char *tmpl, const struct dd_msg *m, msg_word_fn word,
    void *arg, char *out, size_t outsz)
{
	const char *spec, *v[MSG_NPARAM], *p;
	size_t i, n, o = 0;

	if (outsz == 0 || (unsigned)m->id >= MSG__MAX || tmpl == NULL)
		return -1;
	spec = table[m->id].params;
	n = strlen(spec);
	for (i = 0; i < MSG_NPARAM; i++) {
		v[i] = "";
		if (i >= n)
			continue;
		/* a parameter must be one: a NUL within its buffer */
		if (memchr(m->param[i], '\0', MSG_PARAM_SZ) == NULL)
			return -1;
		v[i] = m->param[i];
		if (spec[i] != 's' && (v[i] = word(arg, spec[i], v[i])) == NULL)
			return -1;
	}
	for (p = tmpl; *p; ) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '0' + MSG_NPARAM &&
		    p[2] == '}') {
			put(out, outsz, &o, v[p[1] - '1'], strlen(v[p[1] - '1']));
			p += 3;
			continue;
		}
		n = strcspn(p + 1, "{") + 1;
		put(out, outsz, &o, p, n);
		p += n;
	}
	out[o] = '\0';
	return 0;
}

/* english: a k parameter's English text, a p parameter's provider label. */
static const char *
english(void *arg, int letter, const char *w)
{
	const struct provider *pv;
	int id;

	(void)arg;
	if (letter == 'p')
		return (pv = prov_find(w)) != NULL ? pv->label : NULL;
	if ((id = msg_find(w)) == -1 || *table[id].params != '\0')
		return NULL;
	return msg_en[id];
}

const char *
msg_english(const struct dd_msg *m, char *out, size_t outsz)
{
	struct dd_msg generic = { .id = MSG_refused };

	if ((unsigned)m->id >= MSG__MAX ||
	    msg_format(msg_en[m->id], m, english, NULL, out, outsz) == -1)
		msg_format(msg_en[MSG_refused], &generic, english, NULL, out,
		    outsz);
	return out;
}

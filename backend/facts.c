/* facts.c: the list's facts of every row (facts.h), kept in state_dir
 * and drawn again from all the rows when the database or the
 * configuration changed. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "facts.h"
#include "fileio.h"
#include "num.h"
#include "vet.h"

/* The largest facts file read: a line of at most 24 bytes a row. */
#define FACTS_MAX	(24u * 1024 * 1024)

unsigned
facts_family(const char *family)
{
	unsigned w = host_family_wants(family);

	return (w & WANT_V4 ? FACT_V4 : 0) | (w & WANT_V6 ? FACT_V6 : 0);
}

static int
by_id(const void *a, const void *b)
{
	const struct fact *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

unsigned
facts_get(const struct facts *f, long long id)
{
	struct fact key = { .id = id }, *hit;

	if (f->n == 0)
		return FACT_V4;
	hit = bsearch(&key, f->f, f->n, sizeof(*f->f), by_id);
	return hit == NULL ? FACT_V4 : hit->flags;
}

void
facts_free(struct facts *f)
{
	free(f->f);
	f->f = NULL;
	f->n = 0;
}

/* The first line: what the facts were drawn from. Everything apply_vet
 * reads besides the rows is here (vet.c: ddclient_ssl, plain_http, the
 * ddclient version). */
static void
facts_key(const struct conf *c, enum ddv ver, unsigned long long mark,
    char *out, size_t size)
{
	snprintf(out, size, "ddns-facts 1 %llu %d %d %s\n", mark,
	    c->ddclient_ssl, (int)ver, c->plain_http ? c->plain_http : "-");
}

/* parse: the lines "<id> <flags>" after the key into out. -1 if damaged. */
static int
parse(char *p, struct facts *out)
{
	char *line, *sp, *save = NULL;
	long long id, fl;
	size_t cap = 0;
	struct fact *f;

	for (line = strtok_r(p, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((sp = strchr(line, ' ')) == NULL)
			return -1;
		*sp = '\0';
		if (num_parse(line, 1, LLONG_MAX, &id) == -1 ||
		    num_parse(sp + 1, 0, 7, &fl) == -1)
			return -1;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((f = realloc(out->f, cap * sizeof(*f))) == NULL)
				return -1;
			out->f = f;
		}
		out->f[out->n].id = id;
		out->f[out->n++].flags = (unsigned)fl;
	}
	if (out->n > 1)	/* qsort of no array: NULL is not allowed */
		qsort(out->f, out->n, sizeof(*out->f), by_id);
	return 0;
}

/* draw: the facts from all the rows, and the file's text into text. */
static int
draw(struct store *s, const struct conf *c, enum ddv ver, struct facts *out,
    struct buf *text, struct dd_err *e)
{
	struct host *h = NULL;
	struct vet *v = NULL;
	size_t n = 0, i;
	unsigned fl;
	int rc = -1;

	if (store_list(s, &h, &n, e) == -1)
		return -1;
	if ((v = calloc(n + 1, sizeof(*v))) == NULL ||
	    (out->f = calloc(n + 1, sizeof(*out->f))) == NULL) {
		dd_fail(e, DD_ESYS, NULL, MSG_oom);
		goto out;
	}
	apply_vet(c, h, n, ver, v);
	for (i = 0; i < n; i++) {
		fl = facts_family(h[i].family) |
		    (v[i].field != -1 ? FACT_LEFT_OUT : 0);
		if (fl == FACT_V4)
			continue;
		out->f[out->n].id = h[i].id;
		out->f[out->n++].flags = fl;
		buf_printf(text, "%lld %u\n", h[i].id, fl);
	}
	if (out->n > 1)	/* qsort of no array: NULL is not allowed */
		qsort(out->f, out->n, sizeof(*out->f), by_id);
	rc = 0;
out:
	free(h);
	free(v);
	return rc;
}

int
facts_load(struct store *s, const struct conf *c, enum ddv ver,
    struct facts *out, struct dd_err *e)
{
	char path[PATH_MAX], key[512], *data = NULL;
	unsigned long long mark;
	struct buf text = { 0 };
	size_t len, klen;
	int rc = -1;

	out->f = NULL;
	out->n = 0;
	if (store_data_mark(s, &mark, e) == -1)
		return -1;
	facts_key(c, ver, mark, key, sizeof(key));
	klen = strlen(key);
	if (snprintf(path, sizeof(path), "%s/%s", c->state_dir, FACTS_FILE) >=
	    (int)sizeof(path))
		path[0] = '\0';
	if (*path && file_read(path, FACTS_MAX, &data, &len, NULL) == 0 &&
	    len >= klen && memcmp(data, key, klen) == 0 &&
	    parse(data + klen, out) == 0) {
		free(data);
		return 0;
	}
	free(data);
	facts_free(out);
	buf_puts(&text, key);
	if (draw(s, c, ver, out, &text, e) == -1)
		goto out;
	if (*path && !text.oom)
		file_write_atomic(path, text.p, text.len, 0600, NULL, NULL);
	rc = 0;
out:
	buf_free(&text);
	if (rc == -1)
		facts_free(out);
	return rc;
}

/* wire.c: the line formats that cross the privilege boundary
 * (boundary.h): the apply message, the import reply and the report.
 * Pure: no I/O. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boundary.h"
#include "num.h"
#include "import.h"
#include "utf8.h"

static void
put_escaped(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			buf_puts(out, "\\\\");
		else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			buf_printf(out, "\\x%02x", (unsigned char)*s);
		else
			buf_add(out, s, 1);
	}
}

static int
put_line(struct buf *out, const char *word, const char *arg)
{
	buf_puts(out, word);
	if (arg != NULL) {
		buf_puts(out, " ");
		put_escaped(out, arg);
	}
	buf_puts(out, "\n");
	return out->oom ? -1 : 0;
}

/* put_note: "word key<TAB>param..." for the note m. */
static int
put_note(struct buf *out, const char *word, const struct dd_msg *m)
{
	size_t i, n = strlen(msg_params(m->id));

	buf_printf(out, "%s %s", word, msg_key(m->id) ? msg_key(m->id) :
	    msg_key(MSG_refused));
	for (i = 0; i < n; i++) {
		buf_puts(out, "\t");
		put_escaped(out, m->param[i]);
	}
	buf_puts(out, "\n");
	return out->oom ? -1 : 0;
}

int
imp_emit_begin(struct buf *out)
{
	return put_line(out, "ddns-import 2", NULL);
}

int
imp_emit_file(struct buf *out, const struct dd_msg *note)
{
	return put_note(out, "file", note);
}

int
imp_emit_row(struct buf *out, const char *name, const struct imp_row *row)
{
	struct host copy = row->in;
	char shown_name[HOSTNAME_SZ];
	const char *v;
	size_t i;
	int f;

	/* The name as the page shows it: never longer than a hostname (a
	 * longer one is refused, its field left empty). */
	snprintf(shown_name, sizeof(shown_name), "%.*s",
	    utf8_cut(name, sizeof(shown_name) - 1), name);
	put_line(out, "host", shown_name);
	for (f = 0; f < HF__MAX; f++) {
		if (*(v = host_field(&copy, f, NULL)) == '\0')
			continue;
		buf_printf(out, "field %s ", host_field_name(f));
		put_escaped(out, v);
		buf_puts(out, "\n");
	}
	for (i = 0; i < row->nnote; i++)
		put_note(out, row->note[i].refused ? "refuse" : "drop",
		    &row->note[i].m);
	return out->oom ? -1 : 0;
}

int
imp_emit_end(struct buf *out)
{
	return put_line(out, "end", NULL);
}

int
wire_hexval(int c)
{
	return c >= 'A' && c <= 'F' ? -1 : num_hex(c);
}

/* unescape [s, end) into out (size sz); -1 for a bad escape, a NUL or a
 * value that does not fit. */
static int
unescape(const char *s, const char *end, char *out, size_t sz)
{
	size_t o = 0;
	int c, h1, h2;

	for (; s < end; s++) {
		c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f)
			return -1;
		if (c == '\\') {
			if (s + 1 < end && s[1] == '\\') {
				s++;
			} else if (s + 3 < end && s[1] == 'x' &&
			    (h1 = wire_hexval(s[2])) != -1 &&
			    (h2 = wire_hexval(s[3])) != -1 &&
			    (c = h1 * 16 + h2) != 0 && (c < 0x20 || c == 0x7f)) {
				s += 3;
			} else
				return -1;
		}
		if (o + 1 >= sz)
			return -1;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return 0;
}

void
imp_result_free(struct imp_result *r)
{
	free(r->rec);
	memset(r, 0, sizeof(*r));
}

/* word: the line starts with w and a space (or is w); *arg after it. */
static int
word(const char *l, const char *end, const char *w, const char **arg)
{
	size_t n = strlen(w);

	if ((size_t)(end - l) < n || strncmp(l, w, n) != 0)
		return 0;
	if (l + n == end) {
		*arg = end;
		return 1;
	}
	if (l[n] != ' ')
		return 0;
	*arg = l + n + 1;
	return 1;
}

/*
 * read_note: the note "key<TAB>param..." of [s, end) into m. -1 for a bad
 * escape or a parameter too long (the format is broken); a key msg.h
 * does not have, or parameters that are not the key's, give MSG_refused:
 * the page shows the generic text, never what it cannot vouch for.
 */
static int
read_note(const char *s, const char *end, struct dd_msg *m)
{
	const char *tab;
	char key[48];
	size_t i, n, len;
	int id;

	memset(m, 0, sizeof(*m));
	m->id = MSG_refused;
	len = (tab = memchr(s, '\t', (size_t)(end - s))) ? (size_t)(tab - s) :
	    (size_t)(end - s);
	if (len >= sizeof(key))
		return 0;
	memcpy(key, s, len);
	key[len] = '\0';
	if ((id = msg_find(key)) <= MSG_none)
		return 0;
	n = strlen(msg_params(id));
	for (i = 0, s += len; s < end; i++, s = tab) {
		s++;				/* the tab */
		if ((tab = memchr(s, '\t', (size_t)(end - s))) == NULL)
			tab = end;
		if (i >= n) {
			memset(m, 0, sizeof(*m));
			m->id = MSG_refused;
			return 0;
		}
		/* ddns-apply cuts a parameter to fit: a longer one is as
		 * broken as a bad escape */
		if (unescape(s, tab, m->param[i], MSG_PARAM_SZ) == -1)
			return -1;
	}
	if (i != n) {
		memset(m, 0, sizeof(*m));
		m->id = MSG_refused;
		return 0;
	}
	m->id = (enum msg_id)id;
	return 0;
}

/*
 * read_field: "<name> <value>" of [arg, end) into h's field of that name
 * (host.h's names), unescaped. With seen (one flag per field) a field
 * given twice is refused. Returns 0, or -1 with e set: an unknown field,
 * a bad escape, a value too long for its field.
 */
static int
read_field(const char *arg, const char *end, struct host *h,
    unsigned char *seen, struct dd_err *e)
{
	const char *sp;
	char name[32], *dst;
	size_t size;
	int f;

	if ((sp = memchr(arg, ' ', (size_t)(end - arg))) == NULL ||
	    (size_t)(sp - arg) >= sizeof(name))
		return dd_failf(e, DD_EBADREQ, NULL, "a bad field line");
	memcpy(name, arg, (size_t)(sp - arg));
	name[sp - arg] = '\0';
	if ((f = host_field_find(name)) == -1)
		return dd_failf(e, DD_EBADREQ, NULL, "an unknown field");
	if (seen != NULL && seen[f]++)
		return dd_failf(e, DD_EBADREQ, NULL, "%s twice in a row",
		    host_field_name(f));
	dst = host_field(h, f, &size);
	if (unescape(sp + 1, end, dst, size) == -1)
		return dd_failf(e, DD_EBADREQ, NULL, "a bad value of %s", name);
	return 0;
}

static int
read_line(const char *l, const char *end, struct imp_result *r, int *ended,
    struct dd_err *e)
{
	struct imp_rec *rec = r->nrec ? &r->rec[r->nrec - 1] : NULL, *nr;
	const char *arg;

	if (word(l, end, "file", &arg)) {
		if (r->nfile >= IMP_NOTES_MAX || rec != NULL)
			return dd_failf(e, DD_EBADREQ, NULL, "a file note out of "
			    "place");
		if (read_note(arg, end, &r->file[r->nfile]) == -1)
			return dd_failf(e, DD_EBADREQ, NULL, "a bad file note");
		r->nfile++;
		return 0;
	}
	if (word(l, end, "host", &arg)) {
		if (r->nrec >= IMP_HOSTS_MAX)
			return dd_failf(e, DD_ETOOBIG, NULL, "too many hosts");
		if ((nr = realloc(r->rec, (r->nrec + 1) * sizeof(*nr))) == NULL)
			return dd_fail(e, DD_ESYS, NULL, MSG_oom);
		r->rec = nr;
		rec = &r->rec[r->nrec++];
		memset(rec, 0, sizeof(*rec));
		if (unescape(arg, end, rec->name, sizeof(rec->name)) == -1)
			return dd_failf(e, DD_EBADREQ, NULL, "a bad host name");
		return 0;
	}
	if ((size_t)(end - l) == 3 && strncmp(l, "end", 3) == 0) {
		*ended = 1;
		return 0;
	}
	if (rec == NULL)
		return dd_failf(e, DD_EBADREQ, NULL, "a line before any host");
	if (word(l, end, "field", &arg))
		return read_field(arg, end, &rec->in, NULL, e);
	if (word(l, end, "drop", &arg) || word(l, end, "refuse", &arg)) {
		if (rec->nnote >= IMP_NOTES_MAX)
			return dd_failf(e, DD_ETOOBIG, NULL, "too many notes");
		rec->note[rec->nnote].refused = *l == 'r';
		rec->refused |= *l == 'r';
		if (read_note(arg, end, &rec->note[rec->nnote].m) == -1)
			return dd_failf(e, DD_EBADREQ, NULL, "a bad note");
		rec->nnote++;
		return 0;
	}
	return dd_failf(e, DD_EBADREQ, NULL, "an unknown line");
}

/* read_reply: a reply whose first line is first (with its newline). */
static int
read_reply(const char *text, size_t n, const char *first,
    struct imp_result *out, struct dd_err *e)
{
	const char *p = text, *end = text + n, *nl;
	size_t flen = strlen(first);
	int ended = 0;

	memset(out, 0, sizeof(*out));
	if (n < flen || memcmp(text, first, flen) != 0)
		return dd_failf(e, DD_EBADREQ, NULL, "not the %.11s format",
		    first);
	for (p += flen; p < end; p = nl + 1) {
		if (ended)
			return dd_failf(e, DD_EBADREQ, NULL, "text after the end");
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return dd_failf(e, DD_EBADREQ, NULL, "a cut line");
		if (read_line(p, nl, out, &ended, e) == -1)
			return -1;
	}
	if (!ended)
		return dd_failf(e, DD_EBADREQ, NULL, "no end: the output is cut");
	return 0;
}

int
imp_read(const char *text, size_t n, struct imp_result *out,
    struct dd_err *e)
{
	return read_reply(text, n, "ddns-import 2\n", out, e);
}

int
wire_read_report(const char *text, size_t n, struct imp_result *out,
    struct dd_err *e)
{
	return read_reply(text, n, "ddns-report 1\n", out, e);
}

int
wire_report_begin(struct buf *out)
{
	return put_line(out, "ddns-report 1", NULL);
}

int
wire_report_host(struct buf *out, const char *name, const struct dd_msg *why)
{
	put_line(out, "host", name);
	return put_note(out, "refuse", why);
}

/* ---- the apply message ---- */

int
wire_emit_begin(struct buf *out, int take_over)
{
	put_line(out, "ddns-apply 1", NULL);
	return take_over ? put_line(out, "take-over", NULL) : (out->oom ? -1 : 0);
}

int
wire_emit_row(struct buf *out, const struct host *h)
{
	struct host copy = *h;
	const char *v;
	int f;

	put_line(out, "host", h->hostname);
	for (f = 0; f < HF__MAX; f++) {
		if (f == HF_HOSTNAME || *(v = host_field(&copy, f, NULL)) == '\0')
			continue;
		buf_printf(out, "field %s ", host_field_name(f));
		put_escaped(out, v);
		buf_puts(out, "\n");
	}
	return out->oom ? -1 : 0;
}

int
wire_emit_drop(struct buf *out, const char *name)
{
	return put_line(out, "drop", name);
}

int
wire_emit_end(struct buf *out)
{
	return put_line(out, "end", NULL);
}

void
wire_free(struct wire_apply *a)
{
	free(a->row);
	free(a->drop);
	memset(a, 0, sizeof(*a));
}

/* room: make room for element n of the array at *(void **)pp, whose
 * elements are sz bytes: capacity doubles at each power of two, so n
 * elements cost O(n) copies. Returns 0, or -1 out of memory. */
static int
room(void *pp, size_t n, size_t sz)
{
	void **p = pp, *np;

	if (n != 0 && (n & (n - 1)) != 0)
		return 0;
	if ((np = realloc(*p, (n ? 2 * n : 1) * sz)) == NULL)
		return -1;
	*p = np;
	return 0;
}

/* apply_line: one line [l, end) of an apply message into a. */
static int
apply_line(const char *l, const char *end, struct wire_apply *a,
    unsigned char *seen, int *ended, struct dd_err *e)
{
	struct host *h = a->nrow ? &a->row[a->nrow - 1] : NULL;
	const char *arg;

	if (word(l, end, "host", &arg)) {
		if (a->ndrop > 0)
			return dd_failf(e, DD_EBADREQ, NULL, "a host after a drop");
		if (a->nrow >= WIRE_HOSTS_MAX)
			return dd_failf(e, DD_ETOOBIG, NULL, "over %d hosts",
			    WIRE_HOSTS_MAX);
		if (room(&a->row, a->nrow, sizeof(*a->row)) == -1)
			return dd_fail(e, DD_ESYS, NULL, MSG_oom);
		h = &a->row[a->nrow++];
		memset(h, 0, sizeof(*h));
		memset(seen, 0, HF__MAX);
		h->enabled = 1;
		h->id = (long long)a->nrow;
		seen[HF_HOSTNAME] = 1;
		if (unescape(arg, end, h->hostname, sizeof(h->hostname)) == -1)
			return dd_failf(e, DD_EBADREQ, NULL, "a bad host name");
		return 0;
	}
	if (word(l, end, "field", &arg)) {
		if (h == NULL || a->ndrop > 0)
			return dd_failf(e, DD_EBADREQ, NULL, "a field out of place");
		return read_field(arg, end, h, seen, e);
	}
	if (word(l, end, "drop", &arg)) {
		if (a->ndrop >= WIRE_HOSTS_MAX)
			return dd_failf(e, DD_ETOOBIG, NULL, "over %d drops",
			    WIRE_HOSTS_MAX);
		if (room(&a->drop, a->ndrop, sizeof(*a->drop)) == -1)
			return dd_fail(e, DD_ESYS, NULL, MSG_oom);
		if (unescape(arg, end, a->drop[a->ndrop], HOSTNAME_SZ) == -1)
			return dd_failf(e, DD_EBADREQ, NULL, "a bad drop name");
		a->ndrop++;
		return 0;
	}
	if ((size_t)(end - l) == 9 && memcmp(l, "take-over", 9) == 0) {
		if (a->take_over || h != NULL || a->ndrop > 0)
			return dd_failf(e, DD_EBADREQ, NULL, "take-over out of place");
		a->take_over = 1;
		return 0;
	}
	if ((size_t)(end - l) == 3 && memcmp(l, "end", 3) == 0) {
		*ended = 1;
		return 0;
	}
	return dd_failf(e, DD_EBADREQ, NULL, "an unknown line");
}

int
wire_read(const char *text, size_t n, struct wire_apply *out,
    struct dd_err *e)
{
	static const char first[] = "ddns-apply 1\n";
	unsigned char seen[HF__MAX];
	const char *p = text, *end = text + n, *nl;
	int ended = 0;

	memset(out, 0, sizeof(*out));
	if (n > WIRE_MSG_MAX)
		return dd_failf(e, DD_ETOOBIG, NULL, "over %u bytes",
		    WIRE_MSG_MAX);
	if (n < sizeof(first) - 1 || memcmp(text, first, sizeof(first) - 1) != 0)
		return dd_failf(e, DD_EBADREQ, NULL, "not an apply message");
	/* A NUL is no byte of the format (values carry \x escapes): one
	 * anywhere, even where a C string would end a word, refuses it. */
	if (memchr(text, '\0', n) != NULL)
		return dd_failf(e, DD_EBADREQ, NULL, "a NUL in the message");
	for (p += sizeof(first) - 1; p < end; p = nl + 1) {
		if (ended)
			return dd_failf(e, DD_EBADREQ, NULL, "text after the end");
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return dd_failf(e, DD_EBADREQ, NULL, "a cut line");
		if (apply_line(p, nl, out, seen, &ended, e) == -1)
			return -1;
	}
	if (!ended)
		return dd_failf(e, DD_EBADREQ, NULL, "no end: the message is cut");
	return 0;
}

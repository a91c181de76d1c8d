/* err.c: the library's error convention (see err.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

int
dd_copy(struct dd_err *e, enum dd_code code, const char *field,
    const struct dd_msg *m)
{
	if (e == NULL)
		return -1;
	e->code = code;
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	if (m != &e->m)
		e->m = *m;
	msg_english(&e->m, e->msg, sizeof(e->msg));
	return -1;
}

int
(dd_fail)(struct dd_err *e, enum dd_code code, const char *field,
    enum msg_id id, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, id);
	msg_vset(&e->m, id, ap);
	va_end(ap);
	return dd_copy(e, code, field, &e->m);
}

int
dd_failf(struct dd_err *e, enum dd_code code, const char *field,
    const char *fmt, ...)
{
	char text[MSG_TEXT_SZ];
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	msg_set(&e->m, MSG_fault, text);
	dd_copy(e, code, field, &e->m);
	/* the log gets the whole sentence, not the page's cut */
	memcpy(e->msg, text, sizeof(e->msg));
	return -1;
}

void
dd_clear(struct dd_err *e)
{
	memset(e, 0, sizeof(*e));
}

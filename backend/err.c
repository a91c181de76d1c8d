/* err.c: the library's error convention (see err.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

int
dd_fail(struct dd_err *e, enum dd_code code, const char *field,
    const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	e->code = code;
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

void
dd_clear(struct dd_err *e)
{
	memset(e, 0, sizeof(*e));
}

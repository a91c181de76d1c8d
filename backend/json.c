/* json.c: the one JSON string escaper (json.h). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

int
json_str(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : ""), *q, *end;
	uint32_t cp;
	char esc[8];

	end = p + strlen((const char *)p);
	buf_add(out, "\"", 1);
	while (p < end) {
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p++;
			buf_add(out, esc, 2);
		} else if (*p < 0x20 || *p == 0x7f) {
			snprintf(esc, sizeof(esc), "\\u%04x", *p++);
			buf_add(out, esc, 6);
		} else if (*p < 0x80) {
			buf_add(out, p++, 1);
		} else {
			q = p;
			if (utf8_next(&p, end, &cp) == -1 || p <= q) {
				buf_puts(out, "\\ufffd");
				p = q + 1;
			} else
				buf_add(out, q, (size_t)(p - q));
		}
	}
	buf_add(out, "\"", 1);
	return out->oom ? -1 : 0;
}

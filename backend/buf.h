/* buf.h: a growable byte buffer that remembers allocation failure. */
#ifndef DDNS_BUF_H
#define DDNS_BUF_H

#include <stddef.h>

struct buf {
	char	*p;	/* always NUL-terminated when len > 0 */
	size_t	 len;
	size_t	 cap;
	int	 oom;	/* set once an allocation failed; later adds do nothing */
};

/* buf_add: append n bytes of s. Returns 0, or -1 (and sets oom) on ENOMEM. */
int buf_add(struct buf *b, const void *s, size_t n);

/* buf_puts: append the string s. Same return as buf_add. */
int buf_puts(struct buf *b, const char *s);

/* buf_printf: append formatted text. Same return as buf_add. */
int buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* buf_reserve: make room for n bytes in all, so that appending up to
 * that copies nothing (a page's text, grown by doubling, was copied
 * again at each step). Same return as buf_add. */
int buf_reserve(struct buf *b, size_t n);

/* buf_free: release the memory; b is empty and reusable afterwards. */
void buf_free(struct buf *b);

#endif

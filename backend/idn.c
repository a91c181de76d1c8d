/* idn.c: internationalised names: RFC 3492 punycode, the ASCII (xn--)
 * form of a UTF-8 host name (see idn.h). Pure. */
#include <stdint.h>
#include <string.h>

#include "idn.h"
#include "utf8.h"

enum { PC_BASE = 36, PC_TMIN = 1, PC_TMAX = 26, PC_SKEW = 38, PC_DAMP = 700 };

static uint32_t
pc_adapt(uint32_t delta, uint32_t npoints, int first)
{
	uint32_t k = 0;

	delta = first ? delta / PC_DAMP : delta / 2;
	delta += delta / npoints;
	while (delta > ((PC_BASE - PC_TMIN) * PC_TMAX) / 2) {
		delta /= PC_BASE - PC_TMIN;
		k += PC_BASE;
	}
	return k + (PC_BASE - PC_TMIN + 1) * delta / (delta + PC_SKEW);
}

static int
pc_put(char *out, size_t outsz, size_t *o, int c)
{
	if (*o + 1 >= outsz)
		return -1;
	out[(*o)++] = (char)c;
	return 0;
}

static int
pc_digit(char *out, size_t outsz, size_t *o, uint32_t d)
{
	return pc_put(out, outsz, o, d < 26 ? 'a' + (int)d : '0' + (int)d - 26);
}

/* Simple case folding for the Latin-1 and Latin Extended-A capitals. */
static uint32_t
fold(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
		return c + 0x20;
	if (c >= 0x100 && c <= 0x137 && (c & 1) == 0)
		return c + 1;
	return c;
}

/* Encode one label of n code points cp[] as xn--..., appending to out. */
static int
pc_label(const uint32_t *cp, size_t n, char *out, size_t outsz, size_t *o)
{
	uint32_t i, m, q, k, t, bias = 72, delta = 0, next = 128, h, b = 0;

	for (i = 0; i < n; i++)
		if (cp[i] < 0x80) {
			if (pc_put(out, outsz, o, (int)cp[i]) == -1)
				return -1;
			b++;
		}
	if (b == n)
		return 0;
	/* Insert "xn--" before the basic code points just written. */
	if (*o + 4 >= outsz)
		return -1;
	memmove(out + *o - b + 4, out + *o - b, b);
	memcpy(out + *o - b, "xn--", 4);
	*o += 4;
	if (b > 0 && pc_put(out, outsz, o, '-') == -1)
		return -1;
	for (h = b; h < n; delta++, next++) {
		for (m = UINT32_MAX, i = 0; i < n; i++)
			if (cp[i] >= next && cp[i] < m)
				m = cp[i];
		if ((m - next) > (UINT32_MAX - delta) / (h + 1))
			return -1;
		delta += (m - next) * (h + 1);
		next = m;
		for (i = 0; i < n; i++) {
			if (cp[i] < next && ++delta == 0)
				return -1;
			if (cp[i] != next)
				continue;
			for (q = delta, k = PC_BASE;; k += PC_BASE) {
				t = k <= bias ? PC_TMIN :
				    k >= bias + PC_TMAX ? PC_TMAX : k - bias;
				if (q < t)
					break;
				if (pc_digit(out, outsz, o,
				    t + (q - t) % (PC_BASE - t)) == -1)
					return -1;
				q = (q - t) / (PC_BASE - t);
			}
			if (pc_digit(out, outsz, o, q) == -1)
				return -1;
			bias = pc_adapt(delta, h + 1, h == b);
			delta = 0;
			h++;
		}
	}
	return 0;
}

int
val_idn_ascii(const char *in, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)in;
	const unsigned char *end = p + strlen(in);
	uint32_t label[64], c;
	size_t n = 0, o = 0;

	for (;;) {
		if (p == end || *p == '.') {
			if (pc_label(label, n, out, outsz, &o) == -1)
				return -1;
			if (p == end)
				break;
			if (pc_put(out, outsz, &o, '.') == -1)
				return -1;
			n = 0;
			p++;
			continue;
		}
		if (utf8_next(&p, end, &c) == -1 || n == 64)
			return -1;
		label[n++] = fold(c);
	}
	out[o] = '\0';
	return 0;
}

/* num.h: the one bounded integer parser (in the spirit of strtonum). */
#ifndef DDNS_NUM_H
#define DDNS_NUM_H

/*
 * num_parse: read s as a decimal integer of plain digits (no sign, no
 * spaces, no leading zeros unless "0") between min and max inclusive.
 * Stores it in *out and returns 0; returns -1 and leaves *out alone if s
 * is anything else.
 */
int num_parse(const char *s, long long min, long long max, long long *out);

/*
 * num_hex: the value of the hex digit c (0-9, a-f, A-F), or -1: the one
 * hex decoder (the form's %XX, the boundary's \xXX, which also refuses
 * an upper-case digit: one spelling per byte). Pure.
 */
int num_hex(int c);

/*
 * num_format: n in decimal, written at the end of buf; returns where its
 * first character is in buf (not buf itself). Without printf: a list
 * page formats a few hundred numbers. Pure.
 */
#define NUM_SZ	24	/* a long long and its sign, with the NUL */
const char *num_format(long long n, char buf[NUM_SZ]);

#endif

/* unseen.c: the Unicode characters a page would not show as themselves
 * (invisible, or turning the direction of the text around them), each
 * with the message key that names it. */
#include <stddef.h>
#include <stdint.h>

#include "unseen.h"

/*
 * Characters a page would not show as themselves: invisible ones (two
 * logins that look equal, text hidden in a description) and those that
 * turn the direction of the text around them (U+202E makes
 * "invoice<RLO>fdp.exe" read "invoiceexe.pdf" on the list and History
 * pages). Sorted by code point. Variation selectors 15 and 16 (U+FE0E,
 * U+FE0F) stay allowed: emoji keyboards add them to ordinary emoji.
 */
static const struct unseen {
	uint32_t	 lo, hi;
	enum msg_id	 name;		/* msg.h, u_... */
} unseen[] = {
	{ 0x00ad, 0x00ad, MSG_u_soft_hyphen },
	{ 0x034f, 0x034f, MSG_u_cgj },
	{ 0x061c, 0x061c, MSG_u_arabic_letter_mark },
	{ 0x115f, 0x1160, MSG_u_hangul_filler },
	{ 0x17b4, 0x17b5, MSG_u_khmer_vowel },
	{ 0x180b, 0x180d, MSG_u_mongolian_vs },
	{ 0x180e, 0x180e, MSG_u_mongolian_vowel_sep },
	{ 0x180f, 0x180f, MSG_u_mongolian_vs },
	{ 0x200b, 0x200b, MSG_u_zwsp },
	{ 0x200c, 0x200c, MSG_u_zwnj },
	{ 0x200d, 0x200d, MSG_u_zwj },
	{ 0x200e, 0x200e, MSG_u_lrm },
	{ 0x200f, 0x200f, MSG_u_rlm },
	{ 0x2028, 0x2028, MSG_u_line_sep },
	{ 0x2029, 0x2029, MSG_u_para_sep },
	{ 0x202a, 0x202a, MSG_u_lre },
	{ 0x202b, 0x202b, MSG_u_rle },
	{ 0x202c, 0x202c, MSG_u_pdf },
	{ 0x202d, 0x202d, MSG_u_lro },
	{ 0x202e, 0x202e, MSG_u_rlo },
	{ 0x2060, 0x2060, MSG_u_word_joiner },
	{ 0x2061, 0x2061, MSG_u_function_application },
	{ 0x2062, 0x2062, MSG_u_invisible_times },
	{ 0x2063, 0x2063, MSG_u_invisible_separator },
	{ 0x2064, 0x2064, MSG_u_invisible_plus },
	{ 0x2065, 0x2065, MSG_u_reserved_invisible },
	{ 0x2066, 0x2066, MSG_u_lri },
	{ 0x2067, 0x2067, MSG_u_rli },
	{ 0x2068, 0x2068, MSG_u_fsi },
	{ 0x2069, 0x2069, MSG_u_pdi },
	{ 0x206a, 0x206f, MSG_u_deprecated_format },
	{ 0x3164, 0x3164, MSG_u_hangul_filler },
	{ 0xfe00, 0xfe0d, MSG_u_variation_selector },
	{ 0xfeff, 0xfeff, MSG_u_zwnbsp },
	{ 0xffa0, 0xffa0, MSG_u_halfwidth_hangul_filler },
	{ 0xfff9, 0xfffb, MSG_u_interlinear },
	{ 0x1bca0, 0x1bca3, MSG_u_shorthand_format },
	{ 0x1d173, 0x1d17a, MSG_u_musical_format },
	{ 0xe0000, 0xe007f, MSG_u_tag },
	{ 0xe0100, 0xe01ef, MSG_u_variation_selector },
};
#define NUNSEEN (sizeof(unseen) / sizeof(unseen[0]))

/* unseen_name: the key naming c, or MSG_none for a character shown. */
enum msg_id
unseen_name(uint32_t c)
{
	size_t i;

	for (i = 0; i < NUNSEEN && unseen[i].lo <= c; i++)
		if (c <= unseen[i].hi)
			return unseen[i].name;
	return MSG_none;
}

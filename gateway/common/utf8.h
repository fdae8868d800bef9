/*
 * utf8.h: the one UTF-8 decoder of the free-text code (normaliser, name
 * folding, lexicon). Strict: overlong forms, surrogates and code points
 * above U+10FFFF are invalid, so a finding can never start or end inside a
 * character and valid input gives valid output.
 */
#ifndef MARAC_UTF8_H
#define MARAC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one UTF-8 sequence at s (n >= 1 bytes available): its length
 * (1..4) with the code point in *cp, or 0 if the bytes are not a valid
 * sequence (*cp untouched). Inline: it is on the scrubber's per-byte path.
 */
static inline size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char b = s[0];
	size_t k;
	uint32_t v;
	if (b < 0x80) {
		*cp = b;
		return 1;
	} else if (b >= 0xC2 && b <= 0xDF) {
		k = 2, v = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		k = 3, v = b & 0x0F;
	} else if (b >= 0xF0 && b <= 0xF4) {
		k = 4, v = b & 0x07;
	} else {
		return 0;
	}
	if (n < k)
		return 0;
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if ((k == 3 && v < 0x800) || (k == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
	    (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return k;
}

#endif

/*
 * textnorm.h: the one normalisation every free-text recogniser sees.
 *
 * Real case notes carry identifiers written with no-break, narrow no-break,
 * thin and zero-width spaces, tabs, en and em dashes, full-width digits and
 * letters, curly quotes. textnorm_build() rewrites the text so recognisers
 * only meet ASCII separators, and keeps a map back to the original bytes so
 * that a finding replaces exactly the original characters:
 *
 *   U+00A0, U+202F, U+2000-U+200A, U+3000, '\t', '\v', '\f', '\r'  -> ' '
 *   U+200B-U+200D, U+2060, U+FEFF (zero-width)                       -> removed
 *   U+2010-U+2015, U+2212 (hyphens, dashes, minus)                    -> '-'
 *   U+FF01-U+FF5E (full-width ASCII)                                  -> the ASCII character
 *   U+2018, U+2019, U+201B, U+2032 -> '\''   U+201C, U+201D -> '"'
 *   '\n' stays (a line break; recognisers may treat it as a separator)
 *   everything else is copied byte for byte (UTF-8 letters stay UTF-8)
 *
 * The normalised text is never longer than the original.
 */
#ifndef MARAC_TEXTNORM_H
#define MARAC_TEXTNORM_H

#include <stddef.h>

struct textnorm {
	char *s;     /* normalised text, NUL-terminated (owned) */
	size_t n;    /* its length */
	size_t *map; /* map[i]: original offset of normalised byte i; map[n] = original length */
};

/*
 * Normalise text[0..len). Returns 0 or MGW_E_NOMEM (then *out is zeroed).
 * Linear time. Free with textnorm_free().
 */
int textnorm_build(const char *text, size_t len, struct textnorm *out);

void textnorm_free(struct textnorm *t);

#endif

/*
 * textnorm.h: the one normalisation every free-text recogniser sees.
 *
 * Real case notes carry identifiers written with no-break, narrow no-break,
 * thin and zero-width spaces, tabs, en and em dashes, full-width digits and
 * letters, curly quotes. textnorm_build() rewrites the text so recognisers
 * only meet ASCII separators, and keeps a map back to the original bytes so
 * that a finding replaces exactly the original characters:
 *
 *   U+00A0, U+202F, U+2000-U+200A, U+205F, U+3000, U+1680,
 *   '\t' (indenting, ending a line, by a figure), '\v', '\f', '\r'       -> ' '
 *   '\t' between words on a line (a table's cells)           -> '|', or ':'
 *                  after a short first cell (a label: "Work<TAB>...")
 *   U+0085, U+2028, U+2029 (line and paragraph separators)   -> '\n'
 *   U+200B-U+200F, U+2060-U+2064, U+FEFF, U+00AD, U+202A-U+202E,
 *   U+2066-U+2069, U+FE00-U+FE0F, U+034F, U+180E (zero-width, soft hyphen,
 *   bidi marks, embeddings, overrides and isolates, selectors)  -> removed
 *   a combining mark after an ASCII character ("0̲7̲7̲ ̲9̲")     -> removed
 *   digits of any script or style (canon.h canon_digit: Arabic-Indic,
 *   Devanagari, mathematical bold, circled, superscript, ...)  -> '0'-'9'
 *   mathematical, circled and squared Latin letters          -> the letter
 *   a Cyrillic or Greek letter that looks Latin (canon.h canon_lookalike),
 *   beside an ASCII letter ("Nеighbourly" with U+0435)        -> the letter
 *                  (a word all of its own script stays)
 *   HTML character references ("&nbsp;", "&#48;", "&#x40;", "&amp;", ...:
 *   canon.h canon_charref) -> their character, normalised as above; "%20"
 *   and "%40" between two letters or digits ("jo%40example.org") -> ' ', '@'
 *                  (a finding that ends in one replaces all of it)
 *   U+2010-U+2013, U+2212, U+FE63 (hyphens, en dash, minus)  -> '-'
 *   U+2014, U+2015 (em dash, horizontal bar)                 -> " - " (a spaced
 *                  dash: a clause break, not the hyphen of "Smith-Jones")
 *   U+FF01-U+FF5E (full-width ASCII)                         -> the ASCII character
 *   U+2018, U+2019, U+201B, U+2032 -> '\''   U+201C, U+201D, U+201F, U+2033 -> '"'
 *   '\n' stays (a line break; recognisers may treat it as a separator)
 *   '>' quote markers (and the spaces among them) at a line's start -> ' '
 *                  (a number or name a reply re-wrapped over quoted lines)
 *   a letter O or o in a word made only of digits and O's with at least two
 *   digits ("O77OO", "9OO123")                               -> '0'
 *   in a text with two words at least that have a zero between letters
 *   (scanned and OCR'd forms: "SECTI0N", "h0useh0ld"): an l in a word of
 *   digits and l's ("l2 June", "l0.00")                     -> '1'
 *   then a zero in a word of letters and single zeros ("t0", "Dmytr0";
 *   not a postcode's "0AX")                                 -> 'O' or 'o'
 *                  (one such word alone, a handle or code, stays)
 *   everything else is copied byte for byte (UTF-8 letters stay UTF-8;
 *   invalid bytes are copied one by one, NUL included)
 *
 * The normalised text is never longer than the original (each rewrite
 * takes no more bytes than the character it replaces).
 */
#ifndef MARAC_TEXTNORM_H
#define MARAC_TEXTNORM_H

#include <stddef.h>

struct textnorm {
	char *s;     /* normalised text, NUL-terminated (owned) */
	size_t n;    /* its length */
	size_t *map; /* map[i]: original offset of the character normalised byte i
	                came from (its first byte); map[n] = original length.
	                NULL when built by textnorm_build_sparse(). */
	/* Sparse form: after normalised offset bk[2k], original offset =
	 * normalised offset + bk[2k+1] (until the next entry); before the first,
	 * the two agree. One entry per character whose length changed. */
	size_t *bk;
	size_t nbk;
	/* Where each tab of the text stood (normalised offsets, ascending):
	 * the tabs themselves become ' ', ':' or '|' (above), and a table
	 * pasted with tabs is read by these ("Job<TAB>Date<TAB>Pick-up<TAB>To",
	 * where a tab beside a figure became a space). NULL when none. */
	size_t *tab;
	size_t ntab;
};

/*
 * Normalise text[0..len) (text may be NULL when len is 0). Returns 0 or
 * MGW_E_NOMEM (then *out is zeroed). Linear time. Free with textnorm_free().
 */
int textnorm_build(const char *text, size_t len, struct textnorm *out);

/*
 * As textnorm_build, without the dense map (t->map is NULL): memory is
 * proportional to the characters rewritten, not to the text, which keeps
 * the scrubber near memcpy speed on long texts. Use textnorm_orig() to map.
 */
int textnorm_build_sparse(const char *text, size_t len, struct textnorm *out);

/*
 * The original byte range [*os, *oe) of normalised span [start, end), widened
 * to whole original characters, so a replacement never splits a UTF-8
 * sequence. start <= end <= t->n; orig is the text t was built from.
 * Either form; O(1) with the dense map, O(log rewrites) with the sparse one.
 */
void textnorm_orig(const struct textnorm *t, const char *orig, size_t origlen, size_t start,
		   size_t end, size_t *os, size_t *oe);

void textnorm_free(struct textnorm *t);

#endif

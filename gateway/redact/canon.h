/*
 * canon.h: canonical forms of structured values, so that one value is
 * recognised wherever it appears: in another structured field (a child's
 * address equal to the refuge address) or inside free text.
 *
 *   CANON_TEXT     case and diacritics folded (ident_name_fold), every run of
 *                  punctuation and white space one space, trimmed.
 *   CANON_ADDRESS  as CANON_TEXT, then street-type and unit abbreviations
 *                  expanded word by word ("Rd" -> "road", "St" -> "street",
 *                  "Ave" -> "avenue", "Cres" -> "crescent", "Ct" -> "court",
 *                  "Flt" -> "flat", ...), and a trailing UK postcode dropped,
 *                  so "33A Grange Ct., Grimsby DN31 1AA" and "33a grange
 *                  court grimsby" agree.
 *   CANON_PHONE    E.164 (ident_phone_e164), else the digits alone.
 *   CANON_EMAIL    lower case, trimmed.
 *   CANON_ID       upper case letters and digits only (NHS, NI, PNC, CRN,
 *                  postcode).
 */
#ifndef MARAC_CANON_H
#define MARAC_CANON_H

#include <stddef.h>
#include <stdint.h>

enum canon_kind { CANON_TEXT, CANON_ADDRESS, CANON_PHONE, CANON_EMAIL, CANON_ID };

/*
 * Write the canonical form of s[0..n) into out (cap bytes, NUL-terminated).
 * Returns its length (0 when nothing is left, e.g. only punctuation), or
 * (size_t)-1 when it does not fit in cap.
 */
size_t canon_value(enum canon_kind kind, const char *s, size_t n, char *out, size_t cap);

/*
 * The full street-type or unit word a folded word stands for ("rd" ->
 * "road", "road" -> "road"), or NULL when w[0..n) is neither an
 * abbreviation nor a full word of the table. Static storage.
 */
const char *canon_street_word(const char *w, size_t n);

/*
 * The written forms of a full street-type or unit word, itself first
 * ("court" -> "court", "ct", "crt"): up to max pointers to static strings
 * into forms. Returns how many (0 when full is not a full word of the table).
 */
size_t canon_street_forms(const char *full, const char **forms, size_t max);

/*
 * The value of cp as a decimal digit, in any script Unicode gives decimal
 * digits (Arabic-Indic, Devanagari, ..., full-width, mathematical), or in
 * superscript, subscript or circled form ("①" is 1; "⑫" is not one digit:
 * -1); -1 when cp is no digit. ASCII digits are their value.
 */
int canon_digit(uint32_t cp);

/*
 * The ASCII lower-case letter cp is written to look like: full-width and
 * mathematical Latin letters, circled letters, and the Cyrillic and Greek
 * letters that look Latin ("а" U+0430 is 'a', "Ο" U+039F is 'o'); 0 when
 * none. ASCII letters are themselves, lower-cased.
 */
int canon_confusable(uint32_t cp);

/*
 * As canon_confusable, with the letter's case kept ('A' for U+0410, 'a' for
 * U+0430); *script is 1 when cp is a Cyrillic, Greek or IPA letter (which
 * may be a real letter of its own script), 0 otherwise.
 */
int canon_lookalike(uint32_t cp, int *script);

/*
 * An HTML character reference at s[0..n) ("&#48;", "&#x30;", "&nbsp;",
 * "&amp;", "&commat;", ...: the numeric ones, and the named ones a pasted
 * e-mail or web form carries around identifiers): its length with the code
 * point in *cp, or 0 when s does not start with one.
 */
size_t canon_charref(const char *s, size_t n, uint32_t *cp);

/*
 * The skeleton of s[0..n): HTML character references decoded, then every
 * character canon_digit or
 * canon_confusable reads as an ASCII digit or letter replaced by it, and
 * format characters a reader does not see (zero-width spaces and joiners,
 * soft hyphens, bidirectional marks, embeddings, overrides and isolates,
 * variation selectors, the combining grapheme joiner, BOM) removed, so
 * that "Hіddеn\u200bLane" (Cyrillic i and e) reads "HiddenLane" and
 * "٠٧٧٠٠" reads "07700". Everything else is copied byte for byte (invalid
 * UTF-8 too). Never longer than s. Returns a malloc'd NUL-terminated
 * string (*len its length, when len is not NULL), or NULL on no memory.
 * For comparing a value with what must not reach a recipient: what a
 * recipient is shown stays as written.
 */
char *canon_skeleton(const char *s, size_t n, size_t *len);

#endif

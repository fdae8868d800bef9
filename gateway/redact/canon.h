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

#endif

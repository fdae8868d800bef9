/*
 * match_int.h: between match.c and match_fields.c (the identifier fields
 * of a Person as agencies fill them). Not for other modules: match.h is
 * the interface. Each function writes an empty string on failure and
 * keeps nothing: the values are wiped by the caller once keyed.
 */
#ifndef MARAC_MATCH_INT_H
#define MARAC_MATCH_INT_H

#include "match.h"

/*
 * A phones[] entry (one number; phone_entry_keys in match.c splits lists)
 * as its key: E.164, ";ext=N" when it names an extension (match.h
 * "PHONE"). Returns 0, or MGW_E_INVALID (no key).
 */
int match_phone_key(const char *in, char out[MATCH_PHONE_KEY_MAX]);

/* An nhs_number field as its 10 digits when they pass mod 11. 0 or MGW_E_INVALID. */
int match_nhs_key(const char *in, char out[11]);

/*
 * An ni_number field's keys: with[] the number with its suffix
 * ("JT123456A"), bare[] without ("JT123456"). Returns how many: 2, 1 (no
 * suffix given: bare only) or 0 (not a valid NI number).
 */
int match_nino_keys(const char *in, char with[10], char bare[9]);

/* A probation_crn field ("X123456", "x 123456") as upper case, no spaces. 0 or MGW_E_INVALID. */
int match_crn_key(const char *in, char out[8]);

/* A pnc_id field as "YYYY/NNNNNNNL" when its check letter is right, O and l typed for 0 and 1
 * read as digits. 0 or MGW_E_INVALID. */
int match_pnc_key(const char *in, char out[16]);

/*
 * Whether k's perpetrators have a key that tells a perpetrator apart from
 * another (match.h rule b): any but postcode + name, which is bound to an
 * address perpetrators leave (a name alone makes no key at all). The
 * has_perp column of match_case records it.
 */
int match_perp_tells(const struct match_keys *k);

#endif

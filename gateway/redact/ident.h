/*
 * ident.h: UK identifiers as MARAC referrals carry them: recognise,
 * validate and normalise. One implementation serves both the free-text
 * scrubber (scrub.c, which finds candidate spans and asks here whether they
 * are real) and repeat matching (which stores blind indexes of the
 * normalised forms, so two agencies writing the same number differently
 * must produce the same bytes: HMIC 2014 found repeat victims missed for
 * exactly that reason).
 *
 * Conventions for every function below:
 *   - `in` is `len` bytes, not necessarily NUL-terminated; NULL with len 0
 *     is allowed (and invalid). Leading and trailing ASCII white space
 *     (space, tab, CR, LF) is ignored.
 *   - On success the normalised form is written to `out` as a NUL-terminated
 *     string and 0 is returned. On failure MGW_E_INVALID is returned and
 *     `out` holds an empty string. No function allocates or keeps state:
 *     all are thread-safe.
 *   - Validation is by shape and check digit only. A valid identifier may
 *     still be unissued (999 NHS numbers are, on purpose).
 */
#ifndef MARAC_IDENT_H
#define MARAC_IDENT_H

#include <stddef.h>

/*
 * UK telephone number to E.164: "+44" followed by the 10-digit national
 * significant number, e.g. "+447700900123" (13 chars; out[16] has room).
 *
 * Accepted: digits with spaces, tabs, '-', '.', '(' and ')' anywhere, and
 *   - national form: "0" + 10 digits ("07700 900123", "(07700) 900-123");
 *   - "+44" + 10 digits, "+" only as the first character ("+44 7700 900123");
 *   - "+44" or "0044" followed by the trunk 0 that should have been dropped,
 *     bracketed or not ("+44 (0)7700 900123", "+44 07700 900123");
 *   - "0044" + 10 digits, and "44" + 10 digits (12 digits in all).
 * The national number must not start with 0, 4 or 6 (unallocated in the UK
 * numbering plan). Only 10-digit national numbers are accepted: the handful
 * of 9-digit ones left in a few old area codes (016977 xxxx) are not; a
 * looser rule would turn many 10-digit reference numbers into "phones".
 * Returns 0, or MGW_E_INVALID.
 */
int ident_phone_e164(const char *in, size_t len, char out[16]);

/*
 * A digit said as a word, w[0..n) in any case: "zero" ... "nine", "oh" and
 * "nought" for 0, and with loose also "o" and "nil" (a number read out in a
 * field already known to hold one). Returns the digit, or -1.
 */
int ident_digit_word(const char *w, size_t n, int loose);

/*
 * NHS number: 10 digits, contiguous or grouped 3-3-4 with one space or '-'
 * between groups ("999 000 0018", "999-000-0018", "9990000018"). Check:
 * weights 10..2 on digits 1-9, check = 11 - (sum mod 11), 11 means 0, and
 * a result of 10 makes the number invalid. out: the 10 digits.
 * Returns 0, or MGW_E_INVALID (shape or checksum).
 */
int ident_nhs_valid(const char *in, size_t len, char out[11]);

/*
 * National Insurance number: 2 letters, 6 digits, suffix letter A-D; any
 * case, spaces anywhere ("AB 12 34 56 C", "ab123456c"). The suffix is
 * required. First letter not D F I Q U V, second not D F I O Q U V, and the
 * prefixes BG GB KN NK NT TN ZZ are never issued (HMRC NIM39110), so
 * "QQ 12 34 56 A" is invalid. out: upper case, no spaces ("AB123456C").
 * Returns 0, or MGW_E_INVALID.
 */
int ident_nino_valid(const char *in, size_t len, char out[10]);

/*
 * UK postcode: outward code A9, A99, A9A, AA9, AA99 or AA9A, then the
 * inward code 9AA whose letters are never C I K M O V (Royal Mail); or
 * GIR 0AA. Any case, spaces anywhere ("ts1  2ab", "TS12AB").
 * out: upper case with one space before the inward code ("TS1 2AB").
 * Returns 0, or MGW_E_INVALID.
 */
int ident_postcode_norm(const char *in, size_t len, char out[9]);

/*
 * The outward code of a valid postcode ("TS1" of "ts1 2ab"), for masking a
 * postcode down to its district. Returns 0, or MGW_E_INVALID when `in` is
 * not a postcode ident_postcode_norm accepts.
 */
int ident_postcode_outward(const char *in, size_t len, char out[5]);

/*
 * Police National Computer id: YYYY/NNNNNNNL, or the short form YY/NNNNNNNL
 * ("2001/0171310W", "01/171310W"); the serial may be written with 1 to 7
 * digits (left-padded with zeros); the long form may omit the '/'
 * ("20010171310W"); the letter in any case.
 *
 * Check letter: the 9-digit number YY followed by the 7-digit serial, mod 23,
 * indexes "ZABCDEFGHJKLMNPQRTUVWXY" (index 0 is Z; I, O and S are skipped).
 * Source: the Ministry of Justice's open-source PNCIdValidator
 * (github.com/ministryofjustice/hmpps-person-record, validate/PNCIdValidator.kt
 * and PNCIdentifier.kt), whose published test ids our tests reuse.
 *
 * A short-form year YY is 19YY when YY >= 70 and 20YY otherwise (the PNC
 * went live in 1974), so both forms normalise alike; a long-form year must
 * be 19xx or 20xx. out: "YYYY/NNNNNNNL", upper case.
 * Returns 0, or MGW_E_INVALID (shape or check letter).
 */
int ident_pnc_valid(const char *in, size_t len, char out[16]);

/*
 * Probation case reference number (nDelius CRN): one letter and 6 digits
 * ("X123456"), any case. No check digit exists, so any letter + 6 digits
 * is valid. out: upper case. Returns 0, or MGW_E_INVALID.
 */
int ident_crn_valid(const char *in, size_t len, char out[8]);

/*
 * International bank account number: 2 letters (country), 2 check digits,
 * then 11 to 30 letters and digits, any case, spaces anywhere ("GB82 WEST
 * 1234 5698 7654 32"); a GB one is 22 characters. Check: the first four
 * moved to the end, letters as 10..35, the number mod 97 is 1 (ISO 13616).
 * out: upper case, no spaces. Returns 0, or MGW_E_INVALID.
 */
int ident_iban_valid(const char *in, size_t len, char out[35]);

/*
 * Payment card number: 13 to 19 digits, spaces or '-' anywhere ("4111 1111
 * 1111 1111"), passing the Luhn check. out: the digits.
 * Returns 0, or MGW_E_INVALID.
 */
int ident_card_valid(const char *in, size_t len, char out[20]);

/*
 * Fold a personal name for comparison: lower case; the Latin-1, Latin
 * Extended-A, Latin Extended-B and Latin Extended Additional letters to
 * their base letters (é->e, Ö->o, ł->l, ß->ss, æ->ae, œ->oe, þ->th, ĳ->ij,
 * ș->s, ư->u, ễ->e, ọ->o, ẞ->ss), and ɔ, ɛ, ə to o, e, e; combining marks, soft hyphens and zero-width
 * characters dropped; apostrophes dropped inside a word ("O'Brien" ->
 * "obrien") but a possessive 's split off ("Smith's" -> "smith s");
 * any other punctuation or white space becomes one space between words;
 * no leading or trailing space ("  J. Smith-Jones " -> "j smith jones").
 * Letters of other scripts are copied unchanged (compared byte for byte).
 *
 * The output is never longer than the input: outlen >= len + 1 always
 * suffices. Returns the length written (excluding the NUL, which is always
 * written when outlen > 0), or MGW_E_UTF8 if `in` is not valid UTF-8, or
 * MGW_E_TOO_LARGE if out is too small.
 */
int ident_name_fold(const char *in, size_t len, char *out, size_t outlen);

/*
 * A date as people write it, to "YYYY-MM-DD". Day first, always: DD/MM/YYYY,
 * D/M/YYYY, DD-MM-YYYY, DD.MM.YYYY (one separator, the same twice); or year
 * first YYYY-MM-DD (also with '/' or '.'); or with the month in words:
 * "12 March 1985", "12th of Mar 1985", "12-MAR-1985", "March 12th, 1985".
 * Never MM/DD: "03/12/1985" is 3 December. Two-digit years are refused
 * here (the century is unknowable); ident_date_scan reports them.
 * The date must be a real calendar day in caldate's year range.
 * Returns 0, or MGW_E_INVALID.
 */
int ident_date_parse(const char *in, size_t len, char out[11]);

/* A date found by ident_date_scan. */
struct ident_date {
	int y;  /* full year, or 0..99 when two_digit_year */
	int m;  /* 1..12 */
	int d;  /* 1..31, valid for the month (29 Feb only in a leap year; with
	           a two-digit year, when yy is a multiple of 4) */
	int two_digit_year;
};

/*
 * The longest date in any format ident_date_parse accepts, or the same with
 * a two-digit year ("12/03/85", "12 Mar 85", and with the month in words
 * also "12 Mar '85", "March 12th, ’85"), at the very start of in[0..len).
 * Digit runs are taken whole ("12/03/19851" is no date); what follows the
 * date is not examined: the caller decides whether it ends a word. Reads at
 * most ~40 bytes. Returns the bytes consumed with *d filled, or 0 if no
 * valid date starts at in[0].
 */
size_t ident_date_scan(const char *in, size_t len, struct ident_date *d);

/*
 * One character of UTF-8 text, classified the way names are folded and
 * words are bounded. scrub.c walks text with this so that it agrees with
 * ident_name_fold on what a letter and a word boundary are.
 */
enum ident_cclass {
	IDENT_C_OTHER = 0, /* punctuation, symbols, controls: a word boundary */
	IDENT_C_SPACE,     /* white space, incl. NBSP and Unicode spaces; a possessive apostrophe */
	IDENT_C_LETTER,    /* a letter, or any non-ASCII char not classed otherwise */
	IDENT_C_DIGIT,     /* ASCII 0-9 */
	IDENT_C_JOIN,      /* an apostrophe inside a word, combining mark, soft hyphen,
	                      zero-width char: folds to nothing, joins what is either side */
	IDENT_C_INVALID,   /* a byte that does not begin a valid UTF-8 sequence */
};

struct ident_char {
	unsigned char cls;   /* enum ident_cclass */
	unsigned char nfold; /* bytes in fold: 0 unless LETTER or DIGIT */
	char fold[4];        /* folded form, as in ident_name_fold (not NUL-terminated) */
};

/*
 * Decode and classify the character at in[0] (len >= 1). Returns the bytes
 * it occupies, 1..4; an invalid, overlong, surrogate or truncated sequence
 * is one byte of class IDENT_C_INVALID, so a walk never splits a valid
 * multi-byte character and always advances. An apostrophe is looked past:
 * followed by "s" and then no letter or digit it is IDENT_C_SPACE
 * (a possessive), otherwise IDENT_C_JOIN.
 */
size_t ident_char_next(const char *in, size_t len, struct ident_char *c);

#endif

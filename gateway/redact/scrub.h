/*
 * scrub.h: the redaction policy's "scrub" action on free text. Finds UK
 * identifiers, e-mail addresses, third parties' dates of birth and third
 * parties' names in a narrative and replaces each with a visible marker,
 * "[REDACTED s40(2): phone]", so a reader knows that something was removed,
 * on what ground, and of what kind, but not what.
 *
 * What is found (identifier validation is ident.h's, so the scrubber and
 * repeat matching agree on what a phone or an NHS number is):
 *
 *   phone     UK numbers as ident_phone_e164 accepts them, written as digit
 *             groups separated by up to 3 of space - . ( ) ("07700 900123",
 *             "+44 (0)7700-900123", "0044 7700 900123", "(07700) 900 123").
 *             A contiguous digit run is never cut: a run longer than a phone
 *             ("077009001234", 12 digits not starting 44) is some other
 *             reference and is left whole. Separated groups are joined from
 *             the first group that can start a phone, taking the longest
 *             valid prefix ("1234 07700 900123" loses the last two groups).
 *             Digits glued to '/' or '\' on either side belong to a
 *             reference ("CR/01234567890/21") and are not a phone.
 *   email     local@domain with at least one dot and a final label of 2+
 *             letters; domain and local part may hold non-ASCII letters.
 *             Obfuscated forms ("john at example dot com") are not found.
 *   postcode  outward code, 0 to 3 spaces, a valid inward code, whole word,
 *             any case ("ts1 2ab", "TS12AB", "ts1  2ab").
 *   nhs-number  10 contiguous digits or 3-3-4 with one space or '-', mod-11
 *             check passing; the same '/' rule as phones.
 *   ni-number two letters, 6 digits ("123456" or "12 34 56"), suffix A-D,
 *             optional single spaces; prefix rules as ident_nino_valid.
 *   pnc-id    YYYY/NNNNNNNL or YY/NNNNNNNL (serial 1-7 digits) whose check
 *             letter is right.
 *   crn       a letter and 6 digits as a whole word ("X123456"). There is
 *             no check digit, so any such word is taken: a part number or
 *             vehicle fleet number of that shape is redacted too. In a
 *             narrative shared under a MARAC protocol, over-redacting a rare
 *             code is the cheaper error.
 *   date-of-birth  any date ident_date_scan reads (numeric day first or
 *             year first, month names, ordinals, two-digit years) equal to
 *             one of the third parties' dates of birth (a two-digit year
 *             matches on its last two digits). Other dates are left alone.
 *   name      each third-party name, plus for names of 2+ words: the surname
 *             alone (when it has 3+ letters), initial + surname ("J Smith",
 *             "J. Smith"), "Smith, John" (surname first), and for 3+ words
 *             first + surname and all initials + surname. Matching folds case,
 *             diacritics and punctuation as ident_name_fold does and needs a
 *             word boundary either side: "Smithson" is not "Smith", while
 *             "Smith's" and "Smith-Jones" contain it.
 *
 * Keep names (the victim, and perpetrators where the policy shares them)
 * are expanded the same way. A third-party name match lying wholly inside
 * a keep-name match (the same span included) is not scrubbed; one that is
 * longer, or only partly overlaps, is.
 *
 * Words of a name may be separated in the text by white space (line breaks
 * included), commas, hyphens, en dashes, slashes, or a full stop after an
 * initial; any other punctuation (a full stop after a longer word, brackets,
 * quotes, colons, em dashes) ends a name, so "saw Gloam. Percival Jones"
 * holds no "Gloam Percival".
 *
 * Boundaries: every finding starts and ends on a word boundary, where
 * letters (any script) and digits are word characters. Overlapping
 * findings are merged into one replacement, counted once under the kind of
 * the finding that starts first (the longest, if several start together).
 * So two mentions separated only by a comma ("Mary Smith, Mary Smith")
 * become one replacement: the middle reads as "Smith, Mary".
 *
 * Text is treated as UTF-8: findings start and end on character boundaries,
 * so valid input gives valid output. Invalid bytes are copied through and
 * count as punctuation. A NUL byte in the text is copied too, so the output
 * then holds it before its terminating NUL.
 *
 * Cost: one pass per group of recognisers (names, e-mails, the rest), each
 * linear in the text with constant work per byte; no regular expressions or
 * backtracking. Names use an Aho-Corasick automaton built once per scrubber.
 */
#ifndef MARAC_SCRUB_H
#define MARAC_SCRUB_H

#include <stddef.h>

enum scrub_kind {
	SCRUB_PHONE,
	SCRUB_EMAIL,
	SCRUB_POSTCODE,
	SCRUB_NHS,
	SCRUB_NINO,
	SCRUB_PNC,
	SCRUB_CRN,
	SCRUB_DOB,
	SCRUB_NAME,
	SCRUB_ADDRESS,   /* a free-text or structured address ("33a Grange Court") */
	SCRUB_PLACE,     /* a school, nursery, GP surgery or workplace that locates someone */
	SCRUB_LOCATION,  /* a statement of where the victim is: withheld, s38 */
	SCRUB_SAFE_TIME, /* when it is safe to call or visit her: withheld, s38 */
	SCRUB_VEHICLE,   /* UK vehicle registration */
	SCRUB_HANDLE,    /* social-media handle */
	SCRUB_BANK,      /* sort code, account number */
	SCRUB_DOCUMENT,  /* passport or driving-licence number */
	SCRUB_VALUE,     /* another structured value the recipient may not see (never-share included) */
	SCRUB_KIND_COUNT
};

/*
 * The name a kind has in replacements and manifests: "phone", "email",
 * "postcode", "nhs-number", "ni-number", "pnc-id", "crn", "date-of-birth",
 * "name"; "unknown" for anything else. Static storage.
 */
const char *scrub_kind_name(enum scrub_kind k);

/* Opaque; immutable once built, so one scrubber may serve many threads. */
typedef struct scrubber scrubber;

/*
 * Build a scrubber for one case.
 *   names  third-party names and aliases to remove ("First Last", or any
 *          number of words); expanded as described above.
 *   keep   names that must not be removed (victim; perpetrators when the
 *          policy shares them); a keep-name wins over a third-party name
 *          wherever its match covers the other's.
 *   dobs   third parties' dates of birth, as ident_date_parse reads them
 *          (normally YYYY-MM-DD).
 * Any array may be NULL when its count is 0; NULL entries are skipped, as
 * are names that are not valid UTF-8 or fold to nothing and dates that do
 * not parse (codec and policy have rejected those before this point).
 * The strings are copied: the caller keeps ownership of its arrays.
 * Returns the scrubber (free with scrubber_free), or NULL if memory ran out.
 */
scrubber *scrubber_new(const char *const *names, size_t n_names, const char *const *keep,
                       size_t n_keep, const char *const *dobs, size_t n_dobs);

/*
 * A structured value of the case that the recipient may not see, to be
 * removed wherever it appears in free text in any normalised form
 * (canon.h: case, spacing, punctuation, "Rd"/"Road", with or without its
 * postcode). kind is what the marker says (SCRUB_ADDRESS, SCRUB_PHONE,
 * SCRUB_PLACE for a school or GP practice, SCRUB_SAFE_TIME, ...); canon the
 * canon_kind the value is compared under.
 */
struct scrub_value {
	const char *text;
	unsigned kind;  /* enum scrub_kind */
	unsigned canon; /* enum canon_kind */
};

/* Everything a scrubber for one (case, visibility profile) needs. */
struct scrub_spec {
	const char *const *names; /* third-party names and aliases (as scrubber_new) */
	size_t n_names;
	const char *const *keep; /* names that stay (as scrubber_new) */
	size_t n_keep;
	const char *const *dobs; /* dates of birth to remove (as scrubber_new) */
	size_t n_dobs;
	const struct scrub_value *values; /* withheld structured values */
	size_t n_values;
	unsigned flags; /* SCRUB_F_* */
};

/* The recipient is not entitled to the victim's whereabouts: statements of
 * where she is and when she can safely be reached are withheld (place.h). */
#define SCRUB_F_LOCATION 1u

/*
 * Build a scrubber from spec (strings copied) into *out (NULL on failure).
 * Returns 0; MGW_E_TOO_LARGE when the spec is over a cap of mgw_limits.h
 * (MGW_SCRUB_MAX_ENTRIES names + keep + dates + values, one name or value
 * over MGW_SCRUB_MAX_ENTRY_BYTES, expanded patterns over
 * MGW_SCRUB_MAX_PATTERN_BYTES, tables over MGW_SCRUB_MAX_TABLE_BYTES): the
 * caller must withhold the text, since a partial list would leak the rest;
 * or MGW_E_NOMEM.
 */
int scrubber_build2(const struct scrub_spec *spec, scrubber **out);

/*
 * scrubber_build2 returning the scrubber, or NULL with errno E2BIG (over a
 * cap) or ENOMEM. scrubber_new(names, .., keep, .., dobs, ..) is
 * scrubber_build with only those three lists and no flags.
 */
scrubber *scrubber_build(const struct scrub_spec *spec);

/* Free a scrubber; NULL is a no-op. */
void scrubber_free(scrubber *s);

/*
 * Scrub text[0..len) (len 0 allowed; text may then be NULL). On success,
 * *out is a new NUL-terminated string the caller frees with free(): the text
 * with each finding replaced by "[REDACTED <ground>: <kind>]" (ground is a
 * display label, e.g. "s40(2)"; NULL gives "[REDACTED: <kind>]").
 * kinds_mask: bit (1u << kind) enables a kind; 0 enables all.
 * counts, if not NULL, gets counts[kind] += replacements of that kind.
 * Returns 0, or MGW_E_NOMEM (then *out is NULL and counts are untouched).
 * Time is linear in len plus the output.
 */
int scrub_text(const scrubber *s, const char *text, size_t len, const char *ground,
               unsigned kinds_mask, char **out, unsigned counts[SCRUB_KIND_COUNT]);

/* One finding, for `marac policy redact --explain`: where, what, which rule. */
struct scrub_finding {
	size_t start, end; /* byte offsets in the original text */
	unsigned kind;     /* enum scrub_kind */
	const char *rule;  /* static: the recogniser and cue */
};

/*
 * scrub_text, and if findings is not NULL also the list of findings (after
 * overlaps were united: one per marker written), malloc'd into *findings
 * with *n_findings entries (caller frees; NULL/0 when none).
 * Markers: "[REDACTED <ground>: <kind>]", except SCRUB_LOCATION and
 * SCRUB_SAFE_TIME, which read "[WITHHELD s38: victim location]" and
 * "[WITHHELD s38: safe times]" whatever the ground.
 */
int scrub_text_ex(const scrubber *s, const char *text, size_t len, const char *ground,
		  unsigned kinds_mask, char **out, unsigned counts[SCRUB_KIND_COUNT],
		  struct scrub_finding **findings, size_t *n_findings);

#endif

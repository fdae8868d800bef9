/*
 * scrub.h: the redaction policy's "scrub" action on free text. Finds UK
 * identifiers, e-mail addresses, dates of birth, names (listed or not),
 * addresses, places, withheld structured values and, for recipients not
 * entitled to them, statements of where the victim is, and replaces each
 * with a visible marker, "[REDACTED s40(2): phone]", so a reader knows that
 * something was removed, on what ground, and of what kind, but not what.
 * Statements of the victim's whereabouts read "[WITHHELD s38: victim
 * location]" and "[WITHHELD s38: safe times]".
 *
 * The text is first normalised (textnorm.h: no-break and other Unicode
 * spaces, zero-width characters, dashes, full-width digits and letters,
 * curly quotes, tabs, a letter O among digits); every recogniser runs on
 * the normalised text and each finding is mapped back, so a marker
 * replaces exactly the original characters. What is found (identifier
 * validation is ident.h's, so the scrubber and repeat matching agree on
 * what a phone or an NHS number is):
 *
 *   phone     UK numbers as ident_phone_e164 accepts them, written as digit
 *             groups separated by up to 3 of space - . ( ) or a line break
 *             ("07700 900123", "+44 (0)7700-900123", "(07700) 900 123",
 *             "07700<NBSP>900123", "O77OO 900123"). A contiguous digit run
 *             is never cut: a run longer than a phone ("077009001234", 12
 *             digits not starting 44) is some other reference and is left
 *             whole. Separated groups are joined from the first group that
 *             can start a phone, taking the longest valid prefix. Digits
 *             glued to '/' or '\' on either side belong to a reference
 *             ("CR/01234567890/21", "42/12345/24") and are not a phone.
 *             Glued to a word before them: after a cue ("tel07700900123",
 *             "mob", "phone", "NHSno" for NHS numbers...), or any word
 *             before a mobile ("abc07700900123"); never glued after.
 *   email     local@domain with at least one dot and a final label of 2+
 *             letters; domain and local part may hold non-ASCII letters.
 *             Written out: "at" between spaces or in brackets ("[at]",
 *             "(at)", " AT ", " @ ") and dots as ".", " dot ", "[dot]",
 *             "(dot)", with a known top-level label (com, org, uk, ...);
 *             a plain " at " also needs a local part with a digit, '.' or
 *             '_', a written-out dot, or a mail provider ("jo at
 *             hotmail.com"), so "bought it at Amazon.co.uk" stays.
 *   postcode  outward code, 0 to 3 spaces or line breaks, a valid inward
 *             code, whole word, any case ("ts1 2ab", "TS12AB", "ts1  2ab").
 *   nhs-number  10 digits in up to 4 groups separated by up to 3 of space,
 *             '-', '.' or a line break, mod-11 check passing; the same '/'
 *             rule as phones.
 *   ni-number two letters, 6 digits (in groups of 2, 4 or 6), suffix A-D,
 *             up to 2 spaces, '-' or '.' between parts; prefix rules as
 *             ident_nino_valid.
 *   pnc-id    YYYY/NNNNNNNL or YY/NNNNNNNL (serial 1-7 digits) whose check
 *             letter is right.
 *   crn       a letter and 6 digits as a whole word ("X123456"). There is
 *             no check digit, so any such word is taken: a part number or
 *             vehicle fleet number of that shape is redacted too. In a
 *             narrative shared under a MARAC protocol, over-redacting a rare
 *             code is the cheaper error.
 *   date-of-birth  any date ident_date_scan reads (numeric day first or
 *             year first, month names, ordinals, two-digit years) that is
 *             one of the listed dates of birth (a two-digit year matches on
 *             its last two digits), or any such date after a cue: "DOB",
 *             "DOBs", "D.O.B.", "d.o.b", "date of birth", "born (on)", "b.",
 *             "DOB/Age:", past a bracketed aside ("DOB (new partner):") or
 *             "born in <Town> on"; after the cue also 8 or 6 bare digits
 *             (DDMMYYYY, DDMMYY), an apostrophe year ("7th June '71"), and
 *             the dates run on after the first with ',', ';', '/', '&' or
 *             "and" ("DOBs 1/2/15 and 3/4/17"). With no cue, a full date
 *             right after a person's name in brackets ("<Name> (14/04/1999)")
 *             or in a table's column after a name in capitals and two or
 *             more spaces, when its year is at least 14 years before this
 *             one. Other dates (incidents, hearings) are left alone.
 *   vehicle   UK registrations: current "AB12 CDE" (space optional) in
 *             capitals with a real age identifier (02-29, 51-79), also
 *             "AB 12 CDE" when the first letter is a memory tag (not I, Q,
 *             Z) and the last three no month ("ON 23 JAN" stays); after a
 *             cue (reg, VRM, VRN, vehicle, car, van, drives, index, plate...
 *             within 48 bytes before) also in any case, and the prefix
 *             "A123 BCD" / "P 327 HVW", suffix "ABC 123D" / "ABC 123 D" and
 *             Northern Irish "AIZ 1234" styles, which in capitals also fit
 *             road numbers ("A1 THE") and so need the cue. The colour,
 *             make and model written just before a plate (up to 4 words,
 *             one a colour or make: "Red Ford Fiesta KR13 XYF", "silver
 *             Peugeot 3008 (MA20 VXR)") go with it. After a vehicle cue
 *             also an Irish registration ("09-LH-4471"); after a boat's
 *             cue (boat, trawler) a fishing boat's port letters
 *             and number ("WY 71").
 *   handle    "@chunk779" where the '@' follows no e-mail local part; a
 *             word with an inner '_' anywhere ("wolfie_1987"; not an e-mail
 *             local part, a file name or a constant in capitals); and
 *             after a platform cue (Snapchat, Insta, Instagram, FB,
 *             Facebook, TikTok, Twitter, WhatsApp, Tinder, OnlyFans,
 *             username, handle...) or "account called" / "account 'x'": a
 *             token with a letter and a digit, '_' or inner '.', or after
 *             an explicit marker (':', "as", "name", "called", "@") a word
 *             that is not a common one, with up to 2 more capitalised
 *             words ("FB name Jo Bloggs"); a profile address
 *             ("instagram.com/jo_b") whole; "TikTok @jo_b" with the
 *             platform word; a quoted profile name of up to 6 words with
 *             a bracketed aside or a dash ("Jo Bloggs (Jojo)"); dotted
 *             usernames anywhere, also with an initial first ("c.x.yyy");
 *             lower-case letters and 1-4 digits in one word within a
 *             platform cue's window ("as kaiz83").
 *   bank      IBANs (mod-97 checked, "GB82 WEST 1234 ..."), card numbers
 *             (13-19 digits, Luhn checked, whole, spaced or 4-4-4-4 with
 *             '-'); sort codes 12-34-56 / 12 34 56 / 123456 after a cue (sort
 *             code, bank, account) or within 40 bytes before an 8-digit
 *             number; 12.34.56 in dots after a sort cue unless it reads
 *             as a date; 8-digit account numbers (or 4+4) after a cue
 *             (account, acc, a/c) or a sort code.
 *   document  passport and identity-card numbers after "passport", "BRP", "ID/identity card": 9 digits in up to
 *             3 groups, or 1-2 capitals and 6-9 digits ("FX 442 8817"), with the issuing
 *             country or nationality written between the cue and the number
 *             ("passport (<Country>, FX4428817)"); GB driving licence
 *             numbers (16 characters, "MORGA753116SM9IJ", spaces allowed
 *             after the surname and the date part; month and day checked).
 *   name      each listed third-party name, plus for names of 2+ words: the
 *             surname alone (when it has 3+ letters), the first name alone
 *             (unless a keep-name has that first name), each nickname of
 *             the first name (lex_nicknames) alone and with the surname,
 *             initial + surname ("J Smith", "J. Smith"), "Smith, John"
 *             (surname first), and for 3+ words first + surname, all
 *             initials + surname and the surname then every forename in
 *             order ("SMITH John Paul", "SMITH, John Paul"). Matching
 *             folds case, diacritics and punctuation as ident_name_fold
 *             does and needs a word boundary
 *             either side: "Smithson" is not "Smith", while "Smith's" and
 *             "Smith-Jones" contain it. A capitalised word one edit
 *             (substitution, insertion, deletion, swap of neighbours) from
 *             a listed surname of 5+ letters is that name ("Quilfeather"),
 *             unless it is a keep-name word or a common word.
 *             A one-word form that is a common English word (lexicon.h, or
 *             a short built-in list: Green, May, Hope, Rose...) is a name
 *             only after a title, kinship word, "called"/"named", an
 *             initial or a forename, before ", Forename", or capitalised
 *             away from the start of a sentence and not before another
 *             capitalised word; a month name or an all-capitals word needs
 *             the title or forename. So "a green Vauxhall", "a Green
 *             Vauxhall", "held on 9th May" stay; "Mrs May", "spoke to
 *             Green" do not. Names no one listed: names.h; of those, a
 *             four-figure 24-hour time closing the name ("PC Doyle
 *             2315": when he acted) stays, other figures there go as the
 *             officer's collar number.
 *   address, place, victim location, safe times: place.h; and here a PO
 *             box ("PO Box 4471, Doncaster", "P.O. Box No. 12") with the
 *             1-2 capitalised words of its town, which a postcode after it
 *             joins.
 *   withheld values (scrubber_build): see struct scrub_value.
 *
 * Keep names (the victim, and perpetrators where the policy shares them)
 * are expanded the same way (first name and nicknames included). A
 * third-party name match lying wholly inside a keep-name match (the same
 * span included) is not scrubbed; one that is longer, or only partly
 * overlaps, is. A names_scan finding (names.h) is dropped when every word of
 * it is covered by a keep match or is a title ("Mrs Jane Tumbleweed"), and
 * so is one (or a place) that is a short code joined by '-' or '/' to a
 * reference with 3+ digits ("HU-20260207-0331", "CSC/4471"): crime, CAD and
 * agency references are kept. Listed names are withheld even there.
 *
 * Words of a name may be separated in the text by white space (line breaks
 * included), commas, hyphens, en dashes, slashes, or a full stop after an
 * initial; any other punctuation (a full stop after a longer word, brackets,
 * quotes, colons, em dashes, a spaced hyphen) ends a name, so "saw Gloam.
 * Percival Jones" holds no "Gloam Percival".
 *
 * Boundaries: every finding starts and ends on a word boundary, where
 * letters (any script) and digits are word characters. Overlapping
 * findings are merged into one replacement, counted once under the kind of
 * the finding that starts first (the longest, if several start together),
 * except that a victim location and then safe times win over any other
 * kind. Two name findings only spaces apart ("Percival Gloem") and an
 * address followed by its postcode after a comma or space are one
 * replacement too. So two mentions separated only by a comma ("Mary Smith,
 * Mary Smith") become one replacement: the middle reads as "Smith, Mary".
 *
 * Text is treated as UTF-8: findings start and end on character boundaries
 * of the original, so valid input gives valid output. Invalid bytes are
 * copied through and count as punctuation. A NUL byte in the text is copied
 * too, so the output then holds it before its terminating NUL.
 *
 * Cost: normalisation, then one pass per group of recognisers (the folded
 * names and values, e-mails, the token walk, names_scan, place_scan), each
 * linear in the text with constant work per byte; no regular expressions or
 * backtracking. Names and text values use Aho-Corasick automata built once
 * per scrubber, whose size scrubber_build2 caps (mgw_limits.h); misspelt
 * surnames are looked for only among the listed surnames sharing a first or
 * last letter, and identifier values by a hash of their text, so a case
 * with hundreds of names scrubs about as fast as one with a few
 * (bench_scrub's 500 names).
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
	SCRUB_VALUE,     /* another structured value the recipient may not see */
	SCRUB_CONTACT,   /* her phone or e-mail, a never-share value: withheld, s38 */
	SCRUB_KIND_COUNT
};

/*
 * The name a kind has in replacements and manifests: "phone", "email",
 * "postcode", "nhs-number", "ni-number", "pnc-id", "crn", "date-of-birth",
 * "name", "address", "place", "victim location", "safe times", "vehicle",
 * "handle", "bank", "document", "value", "victim contact"; "unknown" for
 * anything else.
 * Static storage.
 */
const char *scrub_kind_name(enum scrub_kind k);

/* 1 for the kinds withheld under FOIA s38 (her whereabouts, safe times and
 * never-share contact details: "[WITHHELD s38: ...]"), 0 for the rest
 * ("[REDACTED s40(2): ...]"). */
static inline int scrub_kind_s38(unsigned k)
{
	return k == SCRUB_LOCATION || k == SCRUB_SAFE_TIME || k == SCRUB_CONTACT;
}

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
 * removed wherever it appears in free text in any normalised form. kind is
 * what the marker says (SCRUB_ADDRESS, SCRUB_PHONE, SCRUB_PLACE for a
 * school or GP practice, SCRUB_SAFE_TIME, ...; SCRUB_VALUE if out of
 * range); canon the canon_kind the value is compared under:
 *   CANON_ADDRESS  the whole address without its postcode ("33a grange
 *                  court grimsby"), its first line ("33a grange court"; the
 *                  first two parts when the first names no street, "flat 10
 *                  170a cliff walk"), number + street with and without the
 *                  town ("170a cliff walk"), and the street alone ("cliff
 *                  walk"); each street-type or unit word in every written
 *                  form (canon_street_forms: "ct", "crt", "court"), "33a"
 *                  also as "33 a"; at most 48 forms of each part. Case,
 *                  spacing, punctuation and line breaks between the words
 *                  do not matter. A postcode is found as such anyway.
 *   CANON_TEXT, CANON_EMAIL  the folded words of the value (and of its part
 *                  before a first comma, when 2+ words), anywhere.
 *   CANON_PHONE    a UK phone in every national and international form of
 *                  its digits (07700900123, 447700900123, 4407700900123,
 *                  00447700900123, 004407700900123), others as their digits
 *                  (and 00 + digits after a '+'); written with any grouping.
 *   CANON_ID       upper-case letters and digits (an NHS, NI, PNC or CRN
 *                  number, a postcode), written with any grouping: groups
 *                  of letters and digits joined by up to 3 of space - . / ( )
 *                  + or line breaks.
 * Parts shorter than 7 characters (a lone "flat 2") are not used alone.
 */
struct scrub_value {
	const char *text;
	unsigned kind;  /* enum scrub_kind */
	unsigned canon; /* enum canon_kind */
	unsigned never; /* 1: never-share data of hers withheld from this recipient: found
			 * in text, it is withheld under s38 as her location (an address,
			 * a place, a postcode), safe times, or her contact details (the
			 * rest), not as a third party's data; rules "never:*" */
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
	size_t n_found; /* the last n_found names were found in text (scrub_found_names):
	                   their forms, but no misspelt surname (a forename of a law's name is one
	                   edit from many a surname) */
};

/* The recipient is not entitled to the victim's whereabouts: statements of
 * where she is and when she can safely be reached are withheld (place.h). */
#define SCRUB_F_LOCATION 1u
/* The victim is recorded as a man: "he" may be the victim, so a statement
 * of where "he" is, is withheld as hers would be (failsafe_scan_model_he). */
#define SCRUB_F_VICTIM_HE 2u

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
 * Time is linear in len plus the output (and n log n in the findings, which
 * are sorted).
 */
int scrub_text(const scrubber *s, const char *text, size_t len, const char *ground,
               unsigned kinds_mask, char **out, unsigned counts[SCRUB_KIND_COUNT]);

/*
 * One finding, for `marac policy redact --explain`: where, what, which rule.
 * Rules name the recogniser and cue: "phone", "phone:glued", "email",
 * "email:written-out", "dob:cue", "dob:listed", "vehicle:cue",
 * "vehicle:current", "vehicle:described", "vehicle:irish", "vehicle:boat",
 * "dob:after-name", "handle:letters-digits", "handle:@", "handle:platform",
 * "handle:profile-url", "handle:underscore", "handle:dotted",
 * "handle:before-platform", "handle:profile-name", "dob:cue-list",
 * "address:po-box", "bank:sort-code",
 * "bank:account", "bank:iban", "bank:card", "document:passport",
 * "document:driving-licence",
 * "list:name", "list:surname", "list:first-name", "list:nickname",
 * "list:initial+surname", "list:surname-comma", "list:first+surname",
 * "list:initials+surname", "list:surname-misspelt", "value:address",
 * "value:first-line", "value:street", "value:text", "value:identifier",
 * and those of names.h and place.h.
 */
struct scrub_finding {
	size_t start, end; /* byte offsets in the original text */
	unsigned kind;     /* enum scrub_kind */
	const char *rule;  /* static: the recogniser and cue */
};

/*
 * scrub_text, and if findings is not NULL also the list of findings (after
 * overlaps were united: one per marker written), malloc'd into *findings
 * with *n_findings entries (caller frees; NULL/0 when none).
 * Markers: "[REDACTED <ground>: <kind>]", except SCRUB_LOCATION,
 * SCRUB_SAFE_TIME and SCRUB_CONTACT, which read "[WITHHELD s38: victim
 * location]", "[WITHHELD s38: safe times]" and "[WITHHELD s38: victim
 * contact]" whatever the ground. A finding that is (or overlaps) a
 * never-share value (struct scrub_value, never) is one of those three.
 * Markers already in the text (text scrubbed once before, with any ground)
 * are left as they are and never found inside: scrubbing a scrubbed text
 * again gives it back unchanged. Only the exact shapes count (a ground of
 * at most 24 label characters, a kind of scrub_kind_name's list): anything
 * else in brackets is scrubbed like the rest of the text.
 */
int scrub_text_ex(const scrubber *s, const char *text, size_t len, const char *ground,
		  unsigned kinds_mask, char **out, unsigned counts[SCRUB_KIND_COUNT],
		  struct scrub_finding **findings, size_t *n_findings);

/*
 * A share scrubs each free-text field once per visibility profile (item 8 of
 * issue 9; the default policy gives 3 to 8 profiles for 8 recipients). Most
 * of a scrub reads only the text and the location flag (normalising it,
 * e-mails, names_scan, place_scan, failsafe_scan_model, geo_scan: about
 * two thirds of its time); only the listed names and values, the token pass
 * and what follows depend on the profile. A memo keeps what those passes
 * found in one text, so the text's other profiles do not run them again.
 *
 * scrub_memo_new: an empty memo (NULL: no memory); scrub_memo_free frees it
 * and all it holds (NULL is a no-op). A memo holds the text's normalised
 * copy (about its size again, plus 16 bytes per character whose length
 * normalisation changes: up to 5-6 times the size for text of full-width
 * characters) and its findings until freed. A share keeps one per free
 * text, so its peak grows with the sum of its texts, which max_frame_bytes
 * bounds.
 *
 * scrub_text_memo: scrub_text_ex with a memo. Its answer and output are
 * exactly those of scrub_text_ex with the same arguments. The memo is for
 * one text (the same pointer and length; the bytes must not change while it
 * is kept): given another, it is emptied and filled for that one. Returns
 * what scrub_text_ex returns. Not for two threads at once on one memo.
 */
struct scrub_memo;
struct scrub_memo *scrub_memo_new(void);
void scrub_memo_free(struct scrub_memo *m);
int scrub_text_memo(const scrubber *s, struct scrub_memo *memo, const char *text, size_t len,
		    const char *ground, unsigned kinds_mask, char **out,
		    unsigned counts[SCRUB_KIND_COUNT], struct scrub_finding **findings,
		    size_t *n_findings);

/*
 * scrub_where_words: the places that statements of where she is name in
 * text, for a scrubber built with SCRUB_F_LOCATION (none otherwise): the
 * words that a scrub of the text withholds again wherever else the text
 * names them (scrub.c, propagate_places: "moved to <Town>" withholds every
 * <Town>). The share withholds them from its other fields too (policy_case.c,
 * pol_cx_scrubber): a town said in the narrative is as plain in an incident's
 * summary or an agency's name. Each word, as it stands in the normalised
 * text, once, is passed to add(ctx, word, length); a non-zero return stops
 * and is returned. The memo is as for scrub_text_memo (its passes are kept
 * for the text's scrub). Returns 0, MGW_E_NOMEM, add's, or MGW_E_TOO_LARGE
 * when the text names more than 32 (its scrub withholds it whole, and the
 * caller cannot carry them all: fail closed).
 */
int scrub_where_words(const scrubber *sc, struct scrub_memo *memo, const char *text, size_t len,
                      int (*add)(void *ctx, const char *w, size_t n), void *ctx);

/*
 * scrub_found_names: the people text names by a cue or a form (names.h:
 * a title, a kinship or role word, "called", "SURNAME, Forename", a
 * sign-off ...) that a scrub of the text withholds, each once per finding
 * without its title, rank, kinship word, initials or collar number ("her
 * sister Keeva Tolvenny" -> "Keeva Tolvenny", "PC 1182 HUGHES" ->
 * "HUGHES"), passed to add(ctx, name, length); a non-zero return stops and
 * is returned. The share withholds them from every text in all their
 * forms, as listed third parties (policy_case.c, pol_cx_scrubber): a name
 * found once is the same person in an incident's summary, in lower case
 * or by first name alone. The memo is as for scrub_text_memo. Returns 0,
 * MGW_E_NOMEM or add's.
 */
int scrub_found_names(const scrubber *sc, struct scrub_memo *memo, const char *text, size_t len,
                      int (*add)(void *ctx, const char *w, size_t n), void *ctx);

#endif

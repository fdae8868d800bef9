/*
 * match.h: repeat detection over keyed blind indexes, and case references.
 *
 * Keys. Each identifier of the victim and of each perpetrator is normalised
 * by ident.h and turned into HMAC-SHA-256(hmac_key, "marac.match.v1" NUL
 * kind NUL value). Only these 32-byte MACs are stored, never the identifier:
 * without the key (held by the gateway, not in the database) a stolen
 * database cannot be searched by name or phone, and the kind inside the MAC
 * stops a value of one kind matching another kind. Kinds:
 *
 *   PHONE          each phone in E.164 ("07700 900123", "+44 7700 900123",
 *                  "(07700) 900-123" and "447700900123" are one key: the
 *                  HMIC 2014 failure was exactly these formats not matching).
 *                  In a phones[] entry, ten digits with no trunk 0
 *                  ("7700900123": systems that store numbers as integers)
 *                  are read with it, and Unicode spaces and dashes (U+00A0,
 *                  U+2013, pasted from documents) as ' ' and '-', and a
 *                  spreadsheet's leading "'" is dropped, and its ".0" after
 *                  the number ("7700900123.0", a float; h-match5); O or o
 *                  typed for 0 and l or I for 1 among the digits ("O77OO
 *                  9OO123": a transcription error, and the HMIC failure was
 *                  numbers not matching) are read as the digits; a
 *                  leading label ("Mob: ", "Tel. ") and a trailing note in
 *                  brackets that has a word ("(mobile)", "(safe after
 *                  6pm)"; not an extension, "(ext 21)") or words after the
 *                  whole number ("07700 900123 - safe to call") are not
 *                  the number (nor is a label followed by a dash, "Home -
 *                  01632 ..."; nor a note in brackets holding commas,
 *                  "(mobile, text only)"); a country code in brackets,
 *                  "(+44) 7700 900123", is the country code; a label after
 *                  a whole number starts another ("Tel: 01632 960123 Mob:
 *                  07700 900456" keys both); and
 *                  an entry holding several numbers separated by '/', ',',
 *                  ';', '&', a line break, or the word "or" or "and"
 *                  ("07700 900123 or 01632 960456"), outside brackets,
 *                  keys each; an entry with a line break is also keyed
 *                  whole with the break as a space (a number pasted
 *                  across two lines, "07700\n900123", is one number). A number with another country code
 *                  ("+48 601 234 567", "0048 601234567") is keyed as "+"
 *                  and its digits. A UK number entered for "not known"
 *                  (the digits after the first one digit repeated, "07000
 *                  000000", or counting, "01234 567890") makes no key. An
 *                  extension ("ext 21", "ext. 21", "x21", "#21") is part of
 *                  the key ("+441632960456;ext=21"): it names one line
 *                  behind a switchboard that many people share, so the
 *                  bare switchboard number does not match it.
 *   NHS            NHS number, only if its mod-11 check passes (a mistyped
 *                  number would match some other real person); in the
 *                  nhs_number field any spaces, dashes and dots between
 *                  the ten digits ("999 000-0034", "999.000.0042"), Unicode
 *                  ones too, and a label before them ("NHS No. "); O or o
 *                  typed for 0 and l or I for 1 among the digits (h-match4:
 *                  as in phones; the check digit still refuses a number
 *                  that was not meant), and a note after the tenth digit
 *                  ("(verified)", "- traced": health systems show the trace
 *                  status beside it; a bracket without a letter, "(7)", is
 *                  no note), or a point and zeros ("9990000034.0": a
 *                  spreadsheet read it as a number; h-match5). A
 *                  repeated digit ("0000000000", "9999999999") passes
 *                  mod 11 but is a system's dummy: no key.
 *   NINO           National Insurance number, only if valid by HMRC's
 *                  rules: keyed with its suffix ("JT123456A") and without
 *                  ("JT123456"); one given without a suffix ("JT 12 34 56",
 *                  as many systems store it) makes the second key only.
 *                  Spaces, dashes and dots (Unicode ones too) between its
 *                  parts are ignored, and a label before it ("NI No. ").
 *                  (Cases recorded before the bare key existed hold only
 *                  the suffixed one: a number given without its suffix
 *                  does not find them; one given with it does.)
 *                  O typed for 0 and l or I for 1 in its six digits are
 *                  read as digits (h-match4; so in a CRN's digits, and in a
 *                  PNC id before its check letter, which still checks it).
 *                  The two letters and six digits identify the person.
 *   PNC            Police National Computer id, only if its check letter
 *                  is right (ident_pnc_valid): long or short form
 *                  ("2001/0171310W", "01/171310W") are one key. The police
 *                  know a perpetrator by it, often without a DOB.
 *   CRN            probation case reference number (nDelius: a letter and
 *                  six digits, any case and spacing: "x 123456").
 *   POSTCODE_NAME  normalised postcode + folded name (full name and each alias);
 *                  the address's postcode field, or when it is empty a
 *                  postcode ending its last line ("Middlesbrough TS1 3XY":
 *                  housing and children's systems keep the whole address
 *                  in the lines; h-match4)
 *   NAME_DOB       folded name + date of birth (full name and each alias)
 *   FUZZY_NAME_DOB the canonical full name and each one-byte deletion of
 *                  it, + date of birth (no postcode: a DOB is needed); the
 *                  same for each alias (a near miss of an alias is as
 *                  likely; its variants below too)
 *   PHONETIC_NAME_DOB  the phonetic code of the canonical full name (each
 *                  word's consonant classes and vowel runs, match.c
 *                  phonetic_word; the codes sorted), + date of birth:
 *                  "Siobhan"/"Shevaun", "Catherine"/"Katherine",
 *                  "Mohammed"/"Muhammad", beyond one edit
 *
 * Dates of birth. A person may have several (date_of_birth and
 * other_dobs): the name keys (NAME_DOB, FUZZY_NAME_DOB, PHONETIC_NAME_DOB)
 * are made for each, so a victim recorded with her two DOBs matches a case
 * that holds either.
 *
 * Folding (ident_fold_name) removes case, spacing and diacritics, so
 * "Zoë  Exampleton" and "ZOE EXAMPLETON" born the same day are one person;
 * a different DOB gives a different key. Each name is keyed twice: as
 * written (folded) and in canonical order (its folded words sorted), so
 * "O'SULLIVAN, Siobhan" and "Siobhan O'Sullivan" share a key; the first
 * form keeps matching cases recorded before the canonical one existed.
 *
 * Near misses. Two canonical names within one edit (a letter changed,
 * added or dropped, or two neighbours swapped: "Bryan" for "Brian") share
 * a FUZZY_NAME_DOB key (the deletion neighbourhood: "brian" and "bryan"
 * both give "bran"); so may a few names two edits apart, which is why such
 * a match is only WEAK. Each one-byte deletion is sorted again by words
 * before it is keyed: an edit may move its word ("Mairi MacDonald" sorts
 * as "macdonald mairi", "Mairi McDonald" as "mairi mcdonald"; "Oleksandr"
 * and "Aleksandr" likewise). A name shorter than MATCH_FUZZY_MIN_LEN makes
 * no fuzzy key (too many people share one). Fuzzy keys come last and are
 * left out, not refused, when MATCH_MAX_KEYS would be exceeded.
 *
 * Name variants. Agencies write one name in several shapes. The full name
 * with each DOB also gives these keys (stored as MATCH_KIND_NAME_VARIANT,
 * reported as fuzzy_name, WEAK), each in canonical order:
 *   - every word dropped in turn, for two words or more (h-match5: of two,
 *     the surname-only record "WHITFIELD" or "Mrs WHITFIELD" that a first
 *     contact or a tenancy holds for "Dawn Whitfield"; a word shorter
 *     than MATCH_FUZZY_MIN_LEN left alone makes none): a middle name
 *     on one side only ("Jane Anne Doe"/"Jane Doe"), one part of a
 *     hyphenated, double-barrelled or Spanish surname ("Sarah Smith-Jones"/
 *     "Sarah Jones", "Maria Jose Garcia Lopez"/"Maria Jose Garcia"), a
 *     Welsh "ap" or a Vietnamese middle name ("Nguyen Thi Hoa"/"Hoa Nguyen");
 *   - every two neighbouring words joined: "Siobhan O Sullivan"/"Siobhan
 *     O'Sullivan", "Mc Donald"/"McDonald", "Wang Xiu Ying"/"Xiuying Wang";
 *   - every word of two letters or more cut to its initial: "J. Okafor"
 *     for "Joy Okafor";
 *   - for three words or more, every word but one cut to its initial: "Mrs
 *     A B SMITH" (health systems print forenames so) for "Anne Bernadette
 *     Smith"; and for three or four words, one word's initial with one
 *     other word: "Mrs A SMITH" for "Anne Bernadette Smith";
 *   - the canonical name with the DOB's day and month swapped (the day 12
 *     or less and not the month): a DOB typed the other way round.
 * A name written with middle initials ("Mrs A B SMITH") is also keyed,
 * as fuzzy keys of the name itself, with each one-letter word dropped ("a
 * smith"; three words or more): the initials are what was written, so
 * "Anne Smith", recorded without a middle name, finds it (and it finds
 * her) through her "a smith" variant, weakly (h-match4).
 * A variant is MACed as a fuzzy key, so it finds the name written that
 * way; two variants never match each other. So "Jessica Doe" and "Jennifer
 * Doe" (twins: both give "j doe") and "Grace Anne Doe" and "Holly Anne Doe"
 * (both give "anne doe") stay apart, and "Kate"/"Katherine" do not match
 * through their initial. Cases recorded before variants existed hold none:
 * a new full name still finds an old case written short, but a new short
 * name does not find an old case written in full.
 *
 * Titles. A name is also keyed without its titles (Mr, Mrs, Ms, Miss, Mx,
 * Dr, Prof, Rev, Revd, Sir, Dame, Master: health and housing systems keep
 * them in the name field, police and IDVA systems do not) and suffixes
 * (Jnr, Jr, Snr, Sr: with the DOB they tell nobody apart), as an exact
 * name, when a word or more is left: "Mrs Jane Doe" and "DOE, Jane
 * (Miss)" are Jane Doe, and "Mrs WHITFIELD" the surname-only record
 * "WHITFIELD" (h-match5; before it, two words had to be left). The fuzzy
 * keys and variants are made from the untitled name, and a placeholder is
 * one with its title too ("Miss Unknown", "Mr N/K").
 *
 * Other names in the name field. "Jane DOE (née SMITH)", "Jane Doe aka Jane
 * Smith", "... a.k.a. ...", "... also known as ...", "... known as ...",
 * "... formerly ...", "... previously ...", "... alias ...", (h-match4)
 * "... formerly known as ...", "... previously known as ...", "... fka
 * ...", "(maiden name SMITH)", "(birth name ...)", "(previous name ...)", a
 * police nominal alias after '@' ("Tracy JONES @ Tracy SMITH"), and
 * alternatives separated by '/' ("Jane Smith / Jane Doe", "Jane SMITH/DOE";
 * not "N/K"): the field is keyed as written
 * and also as its first name and each other name as an alias; a maiden
 * surname alone stands in for each word of the first name in turn (which
 * word is the surname depends on who wrote it).
 *
 * Lists (h-match5). Other names separated by commas, in an aliases entry
 * ("Jo, JoJo": a list field exported as one string) or after a part word
 * in the name field ("Josephine PEARCE aka Jo, Joanne, Jo-Jo"), are each a
 * name: keyed as "<full name> aka <one> aka <two> ...", so a one-word name
 * stands for each word of the full name ("Joanne Pearce", exactly) and a
 * longer one is a name of its own. In the name field the commas before
 * its first part word are the surname-first comma ("PEARCE, Josephine").
 * An aliases entry "SMITH, Jane" is read as two names too, which only
 * adds "Jane" and "SMITH" in place of the full name's words. The entry is
 * keyed as written as well.
 *
 * An alias of one word ("Beth", as IDVA systems list a nickname) or one
 * that starts with one of those words ("née Evans", "aka Beth Morgan")
 * names the person with the full name's other words: it is keyed as the
 * full name "aka" the alias, so one word stands for each word of the full
 * name in turn ("Elizabeth Morgan" with alias "Beth" is also Beth Morgan,
 * exactly: the agency listed it; these keys are made after every person's
 * exact keys and left out near MATCH_MAX_KEYS, never refused). A one-word
 * alias also gives the name
 * variants of that word with each word of the full name ("Lizzie" of
 * "Elizabeth Anne Morgan": "lizzie morgan", weak, as a middle name on one
 * side is).
 *
 * Preferred names. A name in brackets or quotes inside the name field
 * ("Elizabeth (Beth) MORGAN", 'Elizabeth "Lizzie" Morgan', curly quotes
 * too: the preferred name health systems show beside the registered one,
 * the name police know someone by) gives name variants (weak, fuzzy_name):
 * the bracketed name with each other word of the field ("beth morgan"),
 * in place of each word when three or more are left, and alone when it is
 * a full name. Decision (h-match4): weak, as the second writer's set has
 * it: a preferred name is what a person says, not a record's identity,
 * and a coordinator reads the match; the field's three-word form already
 * matched weakly by a word dropped. A title in brackets ("(Miss)") is read
 * as above instead; a part word opening the brackets ("(known as Pat)",
 * "(née SMITH)") is read as above and also dropped for these variants, so
 * "Mrs Joan Patricia SMITH (known as Pat)" finds "Pat Smith", weakly.
 *
 * Cases recorded before h-match5 hold none of its keys (one word of a
 * two-word name, a titled surname alone, comma lists, NHS numbers ending
 * ".0", perpetrators' names): a perpetrator known by different
 * identifiers is then another perpetrator, as it was.
 *
 * Cases recorded before h-match4 hold none of its keys (one-word and "née"
 * aliases, preferred names, NHS numbers with letters or notes, phones split
 * at "or" or line breaks): as below, a new referral finds them through its
 * own keys only.
 *
 * Cases recorded before h-match3 hold none of its keys (alias near misses,
 * the "A B SMITH" and "A SMITH" variants, Cyrillic transliterations, PNC
 * ids and CRNs, '/' alternatives): a new referral written in full still
 * finds them through its own variants, but one that matches only through
 * such a key of the old case does not. What matched before still matches,
 * except on the placeholders now refused (NHS and phone dummies, "Refused").
 *
 * Placeholders make no key: a name that is "unknown", "not known", "N/K",
 * "unknown male", "N/A", "refused", "declined", "not stated" and the like,
 * or whose every word is such a word with one saying "not known" ("UNKNOWN
 * UNKNOWN", "Female Unknown": both name fields filled; h-match5);
 * the DOBs 1900-01-01 and 1901-01-01 (systems' "not known"); NHS numbers
 * of one repeated digit; the NHS pseudo-postcodes ZZ99 (no fixed abode, not
 * stated). Otherwise every unidentified perpetrator would be one serial
 * perpetrator, and every homeless John Smith one person.
 *
 * Decisions (what a MARAC coordinator wants: a missed repeat is worse than
 * a weak match a person reads, but a weak match must not read as strong):
 *   - Nicknames (Kate/Katherine, Bill/William): no nickname table; a
 *     nickname matches when an agency lists it in aliases (the field is
 *     there for "other names and alternative spellings").
 *   - Transliterations that sound alike match weakly on the phonetic key
 *     (Mohammed/Muhammad, Yusuf/Youssef, Oleksandr/Aleksandr); a translated
 *     name (Oleksandr/Alexander) is another name: other identifiers must match.
 *   - A full name written in Cyrillic ("Оксана Коваленко", from a Ukrainian
 *     document) also gets the fuzzy and phonetic keys of its Latin
 *     transliteration (Ukrainian passport style): it finds "Oksana
 *     Kovalenko" with the same DOB, weakly (a transliteration is a guess at
 *     one agency's spelling). Other scripts are compared as written.
 *   - A DOB is YYYY-MM-DD on the wire; a referral with a DOB in another
 *     form is refused naming the field (dash.h), never matched on a guess.
 *     A DOB off by one digit (not a day/month swap) with nothing else in
 *     common is not matched; with the same postcode and name it is
 *     (POSTCODE_NAME, weak).
 *   - A common name at the same postcode with another DOB ("John Smith")
 *     is the weak POSTCODE_NAME match the rule gives: a person reads it.
 *   - Twins or a mother and daughter sharing a phone (and address) match
 *     on the phone: STRONG, as issue 13's table has it (a phone is the key
 *     agencies hold most often, and the HMIC failure was phones not
 *     matching); the differing name and DOB are visible to the coordinator
 *     who reads the repeat, and a missed repeat is the worse failure.
 *   - A perpetrator given by name and address only (no DOB or identifier)
 *     has only POSTCODE_NAME keys: they confirm the same perpetrator when
 *     they match, but cannot tell him from another (h-match4): he moves
 *     (separation is when perpetrators move) and "Daniel Price" at his new
 *     address is still Daniel Price. Such a side is treated as naming no
 *     perpetrator for rule (b) (match_perp_tells, match_case.has_perp).
 *     Cases recorded before h-match4 keep has_perp from any key.
 *   - A perpetrator known by different identifiers on each side (h-match5:
 *     the police by name and DOB, probation by name and CRN alone, as
 *     nDelius exports it) could match on no key. When the two sides'
 *     perpetrator keys share no class (name + DOB in any of its forms is
 *     one class; phone, NHS, NI number, PNC id and CRN one each), the
 *     perpetrator's name alone decides: the same canonical name (titles
 *     dropped, any word order) is the same man, and the victim decides, as
 *     when either side names none; another name is a new partner, a new
 *     case. This name is kept as MATCH_KIND_PERP_NAME, never reported
 *     (perpetrator_matched_on stays empty: no identifier matched) and never
 *     a serial perpetrator. When both sides hold a class (both a name and
 *     DOB), the rule is as before: the same name with another DOB is
 *     another man (father and son; the second writer's set holds so), and
 *     so is a DOB typed with two digits swapped ("1985"/"1958"), which no
 *     key reaches (a transposition key would also match victims' DOBs
 *     that the same sets keep apart): left open.
 *   - A surname-only record ("WHITFIELD" and a DOB) finds a full name of
 *     two words with that surname and DOB, weakly (a variant, above): a
 *     coordinator reads it; a missed repeat is worse. A surname shorter
 *     than MATCH_FUZZY_MIN_LEN ("KHAN", "ALI", "DOE") does so only with a
 *     title ("Mrs KHAN"): a short word alone is as often a nickname.
 *     Twins of one surname both match such a record; it matches neither
 *     as name + DOB. (Before h-match5 a title with one word left was no
 *     name at all.)
 *   - A perpetrator given by name only makes no key: as if none were named.
 *     One given by name and PNC id or CRN (police and probation know
 *     perpetrators by these, often without a DOB: DOMAIN.md lists both
 *     among the identifiers to match) is keyed on them, strongly.
 *
 * Strength (match_strength), from the kinds the victim matched on: STRONG
 * for a phone, NHS number, NI number, PNC id, CRN or name + DOB; WEAK when only postcode
 * + name, a fuzzy name or a phonetic name matched. A weak match is
 * still reported (repeat or linked): a coordinator reads it; a dropped one
 * nobody sees.
 *
 * Rule. A recorded case is a match for a new referral when
 *   (a) any victim key of the new referral equals a victim key of the case,
 *   (b) and, when both have perpetrator keys that tell people apart (any
 *       but postcode + name: Decisions), any perpetrator key of the new
 *       referral equals a perpetrator key of the case, or the two share
 *       no class of identifier and the perpetrator's name is the same
 *       (Decisions, h-match5).
 * Why: SafeLives defines a MARAC case as one victim with the same
 * perpetrator(s), and a repeat as a further incident between the same
 * victim and perpetrator(s); a victim abused by a new partner is a new case.
 * Any single key suffices on each side because agencies hold different
 * identifiers (police a phone, health an NHS number) and missing a repeat is
 * the failure HMIC found; a false match is caught by people reading the
 * case, a missed one is not. When either side names no perpetrator we
 * cannot tell, and the victim match alone decides.
 *
 * Serial perpetrator. A recorded case whose perpetrator shares a strong
 * key (phone, NHS number, NI number, PNC id, CRN, name + DOB: not postcode, fuzzy or
 * phonetic names, which would flag strangers) with a perpetrator of the
 * new referral, but whose victim matched on no key, is another victim of
 * the same perpetrator: match_query lists it in serial, at any date (the
 * risk does not lapse with the repeat window).
 *
 * Window. A matching case referred on d is a repeat of a referral on r when
 * r falls within window_months of d: caldate_within_months(d, r, N), i.e.
 * d <= r < d + N months (clamped to a short month's end), the one rule the
 * agenda's lapsed section uses too. So 12 months - 1 day is a repeat and
 * 12 months exactly is not (the window has lapsed that day): it is a new
 * referral "linked" to the most recent such older case. A referral dated
 * before a recorded case but submitted after it (late paperwork) is not a
 * repeat of that later case, but it is linked to it when the later case is
 * within the window the other way (caldate_within_months(r, d, N)): the
 * nearest such later case is linked in preference to an older lapsed one,
 * and linked_later says so. The excluded case (the referral itself) never
 * matches. Matching spans every area in the index: a victim who moved is
 * the one most easily missed.
 *
 * Storage: tables match_case, match_key and match_counter in the caller's
 * SQLite database. Functions take the caller's handle and use SAVEPOINTs,
 * so they work inside or outside a caller's transaction. With several
 * handles on one file, give each a busy timeout: a writer that cannot get
 * the lock gets MGW_E_DB, never a duplicate.
 *
 * Key rotation: the identifiers are not stored, so old MACs cannot be
 * recomputed under a new key; rotating the key starts a new index. Keep
 * the key for as long as cases are retained.
 *
 * Errors: 0 or a negative mgw_err code (MGW_E_DB for SQLite failures).
 */
#ifndef MARAC_MATCH_H
#define MARAC_MATCH_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "marac/v1/case.pb-c.h"

#define MATCH_HMAC_LEN 32u
/* Shortest accepted HMAC key: 256 bits, the strength of the MAC itself. */
#define MATCH_KEY_MIN 32u
/*
 * Most keys one referral may produce. A real referral makes tens (a few
 * phones and names per person); the cap bounds the work and the rows a
 * hostile or broken referral can cause.
 */
#define MATCH_MAX_KEYS 1024u
#define MATCH_MAX_PERPETRATORS 16u
/* Case ref buffer: "AREA-YYYY-NNNN..." with an area code of up to 8. */
#define MATCH_CASE_REF_MAX 32u
/*
 * Most other victims' cases listed for a serial perpetrator: the police and
 * probation need to know there are several and which; a notice naming
 * hundreds would not be read, and n_serial_total still counts them.
 */
#define MATCH_SERIAL_MAX 16u

enum match_party { MATCH_VICTIM = 1, MATCH_PERPETRATOR = 2 };

enum match_kind {
	MATCH_KIND_PHONE = 1,
	MATCH_KIND_NHS = 2,
	MATCH_KIND_NINO = 3,
	MATCH_KIND_POSTCODE_NAME = 4,
	MATCH_KIND_NAME_DOB = 5,
	MATCH_KIND_FUZZY_NAME_DOB = 6,
	MATCH_KIND_PHONETIC_NAME_DOB = 7,
	/* Stored only: a name variant (match.c name_variants), MACed as a
	 * fuzzy key and reported as one (bit MATCH_KIND_FUZZY_NAME_DOB);
	 * never matched with another variant. */
	MATCH_KIND_NAME_VARIANT = 8,
	/* h-match3: the police's and probation's own identifiers of a person */
	MATCH_KIND_PNC = 9,
	MATCH_KIND_CRN = 10,
	/* h-match5, stored only: a perpetrator's canonical name without a DOB
	 * (match.h Decisions: known by different identifiers). Never reported
	 * (match_kind_name gives NULL), never a match or a serial key alone. */
	MATCH_KIND_PERP_NAME = 11,
};

/* A phone key: "+44" + 10 digits, ";ext=" + up to 6 digits, NUL. */
#define MATCH_PHONE_KEY_MAX 32u

enum match_strength { MATCH_NONE = 0, MATCH_STRONG = 1, MATCH_WEAK = 2 };

/* Words of a name sorted for its canonical key; more are kept as one last word. */
#define MATCH_NAME_WORDS_MAX 16u
/*
 * Shortest canonical name (bytes, with its spaces) given fuzzy keys: "jo li"
 * is 5. Below that one edit reaches too many other people's names.
 */
#define MATCH_FUZZY_MIN_LEN 5u
/*
 * Shortest surname a surname-only record is matched on (h-match5): "Khan",
 * "Ali", "Fox" (three bytes; "Li", "Ng" would find too many). Such a name,
 * shorter than MATCH_FUZZY_MIN_LEN, is matched only with a title ("Mrs
 * KHAN": without one a short word is as often a nickname, "Jo", "Bex"),
 * and then gets only its own fuzzy key; a two-word name's word dropped this
 * short is a variant.
 */
#define MATCH_SURNAME_MIN_LEN 3u

/* "phone", "nhs_number", "ni_number", "postcode_name", "name_dob",
 * "fuzzy_name", "phonetic_name", "pnc_id", "probation_crn" (the names
 * ReferralAccepted.matched_on uses), NULL otherwise. */
const char *match_kind_name(int kind);

/* enum match_strength of a match on victim_kinds (bits 1 << kind; rule above). */
int match_strength(unsigned victim_kinds);

struct match_key {
	uint8_t hmac[MATCH_HMAC_LEN];
	uint8_t party; /* enum match_party */
	uint8_t kind;  /* enum match_kind */
};

/* A referral's keys, deduplicated. Owned by the caller: match_keys_free(). */
struct match_keys {
	struct match_key *keys;
	size_t n;
	size_t n_victim; /* keys with party VICTIM */
	size_t n_perp;   /* keys with party PERPETRATOR */
};

/*
 * Compute the keys of victim and perps[0..n_perps) (NULL entries skipped).
 * Identifiers that do not normalise (bad phone, NHS failing mod-11, bad
 * DOB) make no key; that is not an error. hmac_key must be at least
 * MATCH_KEY_MIN bytes. On success *out holds the keys (possibly none).
 * Returns 0, MGW_E_INVALID (victim NULL, short key, more than
 * MATCH_MAX_PERPETRATORS), MGW_E_TOO_LARGE (more than MATCH_MAX_KEYS), or
 * MGW_E_NOMEM; on failure *out is empty.
 */
int match_keys(const Marac__V1__Person *victim, const Marac__V1__Person *const *perps,
	       size_t n_perps, const uint8_t *hmac_key, size_t keylen, struct match_keys *out);

/* Free the keys (not k itself) and empty it. NULL or empty is fine. */
void match_keys_free(struct match_keys *k);

/* Create the match_ tables if missing. Returns 0 or MGW_E_DB. */
int match_schema(sqlite3 *db);

/*
 * Record case_ref (of area, referred on referral_date YYYY-MM-DD) with its
 * keys, atomically. Returns 0, MGW_E_INVALID (empty case_ref or area, bad
 * date), MGW_E_CONFLICT (case_ref already recorded), or MGW_E_DB.
 */
int match_record(sqlite3 *db, const char *case_ref, const char *area,
		 const char *referral_date, const struct match_keys *k);

/* Remove a case and its keys (retention, or a referral withdrawn). 0, MGW_E_NOTFOUND, MGW_E_DB. */
int match_forget(sqlite3 *db, const char *case_ref);

/* An earlier case. Strings are owned by the enclosing match_result. */
struct match_prev {
	char *case_ref;
	char *referral_date; /* YYYY-MM-DD */
	char *marac_area;
	unsigned victim_kinds; /* bit (1 << kind) for each kind the victim matched on */
	unsigned perp_kinds;   /* the same for the perpetrator (0 when not compared) */
	int strength;          /* enum match_strength of victim_kinds */
};

struct match_result {
	int repeat;                 /* 1 if n_previous > 0 */
	struct match_prev *previous;/* matches in the window, newest first (then case_ref) */
	size_t n_previous;
	int linked;                 /* 0 if repeat; else 1 if a match outside the window exists */
	struct match_prev linked_case; /* the nearest later match in the window, else the most
					  recent match before the window */
	int linked_later;           /* linked_case is dated after the referral (filed late) */
	/* Serial perpetrator: other victims' cases whose perpetrator shares a
	 * strong key (phone, NHS, NINO, name + DOB) with one of this
	 * referral's, whenever referred; newest first, at most
	 * MATCH_SERIAL_MAX (n_serial_total counts them all). victim_kinds is
	 * 0, perp_kinds the strong kinds that matched. */
	struct match_prev *serial;
	size_t n_serial;
	size_t n_serial_total;
};

/*
 * Find the cases k matches (rule above) referred within window_months
 * (1..120) before referral_date (and the case to link: window above), excluding exclude_case_ref (may be NULL).
 * On success *out owns its results: match_result_free(). Returns 0,
 * MGW_E_INVALID (bad date or window), MGW_E_NOMEM or MGW_E_DB; on failure
 * *out is empty.
 */
int match_query(sqlite3 *db, const struct match_keys *k, const char *referral_date,
		unsigned window_months, const char *exclude_case_ref, struct match_result *out);

/* Free what match_query put in r and empty it. */
void match_result_free(struct match_result *r);

/*
 * Allocate the next case reference of area_code (1-8 of A-Z 0-9, from
 * config) in year (2000..2199): "TS-2026-0001", "TS-2026-0002", ... The
 * per-area, per-year counter is advanced in the database within a
 * savepoint, so two writers never get the same number; a rolled-back
 * caller transaction gives the number back. out gets at least 4 digits.
 * Returns 0, MGW_E_INVALID (bad area code or year, out too small), MGW_E_DB.
 */
int match_next_case_ref(sqlite3 *db, const char *area_code, int year, char *out,
			size_t outlen);

#endif

/*
 * names.h: person names in free text that no structured field lists.
 *
 * Case notes name relatives, neighbours, friends and professionals nobody
 * entered in others[]: "her sister Jane", "Mr Patel at number 12", "a friend
 * called Dee", "DC 4471 HUGHES", "KOWALSKA, Agnieszka". names_scan() finds
 * them from:
 *   - cues: titles and ranks (Mr Mrs Ms Miss Dr DC PC DS DI DCI Sgt HV CPN
 *     SW ...), kinship and role words (sister, brother-in-law, neighbour,
 *     friend, ex-partner, cousin, aunt ... and CAD shorthand HUSB, SIS,
 *     BIL), "called / named / known as X", "SURNAME, Forename", all-capitals
 *     police style, a sign-off ("Kind regards,\nBethany", "Thanks, Zaynab"),
 *     a nickname in quotes inside a name (Alasdair "Ally" Gunn), a known
 *     name in lower case after a lower-case kin word ("her sister nadia");
 *   - the lexicon (lexicon.h): capitalised words that are known forenames or
 *     surnames and not common English words, with allow-lists for agencies,
 *     places, months, weekdays, legislation and street types.
 * It works on normalised text (textnorm.h) and appends spans of kind
 * SCRUB_NAME, rule naming the cue ("cue:title", "cue:kin", "cue:called",
 * "form:surname-comma", "lex:forename+surname", ...).
 *
 * Linear in n; no allocation beyond the spans vector.
 */
#ifndef MARAC_NAMES_H
#define MARAC_NAMES_H

#include <stddef.h>

#include "spans.h"

/*
 * The rule of a title after a relative's kinship word ("her mum Mrs Atkin",
 * "mother (Mrs Ridley)"): the person is a relative, not the victim or her
 * partner, though the surname may be theirs. Compare rule pointers with it.
 */
extern const char names_rule_kin_title[];

/* The rule of a person's initials after a form's label ("Fee earner: RKB"),
 * which propagate_found withholds wherever else the note writes them, two
 * letters too. Compare rule pointers with it. */
extern const char names_rule_initials[];
/* The rule of initials after a log entry's stamp ("01/02 14:10 PK."): scrub.c
 * keeps them where they are a kept person's. */
extern const char names_rule_stamp[];

/* Find names in s[0..n). Returns 0 or MGW_E_NOMEM. */
int names_scan(const char *s, size_t n, struct spans *out);

#endif

/*
 * lexicon.h: what a capitalised word in a case note probably is.
 *
 * Built at compile time (immutable, shared by all threads) from:
 *   common words  Debian wbritish (/usr/share/dict/british-english), the
 *                 words that occur in lower case;
 *   forenames and surnames  Debian miscfiles (propernames) and
 *                 libtext-names-perl, plus the curated UK list under
 *                 policy/lexicon/ (South Asian, Polish, Romanian, Ukrainian,
 *                 West African, Somali, Welsh, Irish and Gaelic names those
 *                 packages miss), each file naming its sources;
 *   allow-list    agencies, places, months, weekdays, legislation, street
 *                 types, clinical and police terms: never a person's name.
 * Lookups fold case and diacritics (ident_name_fold) and take O(length of
 * the word) expected time.
 */
#ifndef MARAC_LEXICON_H
#define MARAC_LEXICON_H

#include <stddef.h>

#define LEX_COMMON 1u   /* a common English word ("green", "may", "worker") */
#define LEX_FORENAME 2u /* a known forename */
#define LEX_SURNAME 4u  /* a known surname */
#define LEX_ALLOW 8u    /* never a person's name (agency, place, month, law, ...) */

/* The LEX_* bits of the word w[0..n) (one word, any case). 0 if unknown. */
unsigned lex_classify(const char *w, size_t n);

/*
 * Nicknames and short forms of a forename and the forenames of a nickname
 * ("Katherine" -> "Kate", "Kathy", "Katie", "Kath"; "Bill" -> "William"):
 * calls emit(ctx, form, len) for each, folded. Returns the number emitted,
 * or a negative code that emit returned (which stops the walk).
 */
int lex_nicknames(const char *forename, size_t n, int (*emit)(void *ctx, const char *form,
							      size_t len),
		  void *ctx);

#endif

/*
 * lexicon.h: what a word in a case note probably is.
 *
 * Compiled in at build time (policy/lexicon/gen_lexicon.py writes a C file
 * into the build directory; no file is read at run time), immutable, so
 * shared by all threads without locks. Sources:
 *   common words  Debian wbritish (/usr/share/dict/british-english), the
 *                 words that occur in lower case;
 *   forenames and surnames  Debian miscfiles (propernames), the US census
 *                 tables in libtext-names-perl (Text/Names.pm), and the
 *                 curated UK lists policy/lexicon/uk_forenames.txt and
 *                 uk_surnames.txt (South Asian, Polish, Romanian, Ukrainian,
 *                 Lithuanian, West African, Somali, Caribbean, Welsh, Irish,
 *                 Gaelic, Turkish, Kurdish, Arabic, Chinese, Vietnamese
 *                 names those packages miss), minus not_names.txt;
 *   nicknames     policy/lexicon/nicknames.txt (every form is a forename);
 *   allow-list    policy/lexicon/allow.txt: agencies, places, months,
 *                 weekdays, legislation, clinical and police terms: never a
 *                 person's name; its street-type and institution words are
 *                 marked separately (they end a place name, not a person's);
 *   cues          policy/lexicon/cues.txt: titles, ranks, kinship and role
 *                 words, "called", name particles, function words.
 * A word can carry several bits: "Grace", "May", "Will", "Green" are common
 * words and names ("May" is also a month, so allow-listed).
 *
 * Lookups fold case and diacritics (lex_fold) and take O(length of the
 * word) expected time: one hash and, on average, under two probes.
 */
#ifndef MARAC_LEXICON_H
#define MARAC_LEXICON_H

#include <stddef.h>

#define LEX_COMMON 1u          /* a common English word ("green", "may", "worker") */
#define LEX_FORENAME 2u        /* a known forename or nickname */
#define LEX_SURNAME 4u         /* a known surname */
#define LEX_ALLOW 8u           /* never a person's name (agency, place, month, law, ...) */
#define LEX_PHRASE 16u         /* first word of an allow-listed phrase ("Clare's Law") */
#define LEX_STREET 32u         /* a street type: the word before it names a street */
#define LEX_INSTITUTION 64u    /* "School", "Surgery", "Hospital": names a place */
#define LEX_TITLE 128u         /* Mr, Mrs, Dr, Sgt, DCI: a name follows */
#define LEX_RANK 256u          /* PC, DC, DS, HV, SW, GP: a name may follow */
#define LEX_KIN 512u           /* sister, neighbour, ex-partner, social worker ... */
#define LEX_CALLED 1024u       /* called, named, aka, nicknamed ("known as": "known") */
#define LEX_PARTICLE 2048u     /* van, de, bin, al, nic, mac: inside a name */
#define LEX_FUNCTION 4096u     /* the, and, was: never a name */
#define LEX_MODAL 8192u        /* will, may, can: a verb when it starts a sentence */
#define LEX_SHOP 16384u        /* a chain of shops, cafés, gyms or bank branches: its branch has a town */
#define LEX_PLACE 32768u       /* a town, county or region (allow.txt [place]) */

/*
 * The LEX_* bits of w[0..n): one word, or a phrase of the allow-list
 * ("Clare's Law", "Stoke-on-Trent"), any case, UTF-8. 0 if unknown or
 * longer than LEX_MAX_KEY bytes once folded.
 */
unsigned lex_classify(const char *w, size_t n);

/* The same for a key already folded by lex_fold. Answers are cached per
 * thread (512 entries, 14 KiB), and a Bloom filter of the keys (128 KiB,
 * built once) answers most keys that are not there without the table. */
unsigned lex_lookup(const char *key, size_t n);

/*
 * Nicknames and short forms of a forename and the forenames of a nickname
 * ("Katherine" -> "kate", "kathy", "katie", "kath"; "Bill" -> "william"),
 * direct relations only (a nickname's siblings are not emitted): calls
 * emit(ctx, form, len) for each, folded. Returns the number emitted, or the
 * negative code emit returned (which stops the walk).
 */
int lex_nicknames(const char *forename, size_t n,
		  int (*emit)(void *ctx, const char *form, size_t len), void *ctx);

/* Longest folded key looked up; longer words are unknown. */
#define LEX_MAX_KEY 64

/*
 * Fold w[0..n) to its key: ASCII letters to lower case; Latin letters with
 * diacritics to their base letters (U+00C0-U+024F and U+1E00-U+1EFF: "Ł"
 * -> "l", "Ș" -> "s", "ễ" -> "e", "ß" -> "ss"); apostrophes and combining
 * marks dropped ("O'Sullivan" -> "osullivan"); any run of other punctuation
 * or white space becomes one space between words ("Al-Hassan" -> "al
 * hassan"); letters of other scripts copied unchanged. Writes at most cap
 * bytes (no NUL). Returns the length, or -1 if it would exceed cap.
 */
int lex_fold(const char *w, size_t n, char *out, size_t cap);

/* Character classes of lex_char. */
enum lex_cclass {
	LEX_C_OTHER = 0, /* punctuation, symbols, invalid UTF-8 */
	LEX_C_LETTER,
	LEX_C_DIGIT,
	LEX_C_APOS,  /* ' U+2018 U+2019 U+02BC */
	LEX_C_JOIN,  /* combining mark, soft hyphen, zero-width: part of the word */
	LEX_C_SPACE, /* space, tab, CR, no-break and other Unicode spaces */
	LEX_C_NL,    /* '\n' */
};

struct lex_char {
	unsigned char cls;   /* enum lex_cclass */
	unsigned char upper; /* an upper-case letter */
	unsigned char nfold; /* bytes in fold (letters and digits) */
	char fold[4];        /* folded form, as lex_fold */
};

/* Decode and classify the character at s[0] (n >= 1). Returns the bytes it
 * occupies (1..4); an invalid sequence is one byte of LEX_C_OTHER. */
size_t lex_char(const char *s, size_t n, struct lex_char *c);

/*
 * Cheap test before a lookup: can the folded word w[0..n) be a cue word
 * (LEX_TITLE, LEX_RANK, LEX_KIN, LEX_CALLED, LEX_PARTICLE, LEX_MODAL; not
 * LEX_FUNCTION)? False means certainly not; true is wrong for under 1% of
 * other words (a Bloom filter).
 */
int lex_cue_possible(const char *w, size_t n);

#endif

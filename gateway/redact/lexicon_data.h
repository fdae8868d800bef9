/*
 * lexicon_data.h: the tables gen_lexicon.py (policy/lexicon/) compiles into
 * lexicon_data.c in the build directory. Private to lexicon.c (and its
 * unit test, which checks the generated keys against lex_fold).
 *
 * lex_slots is an open-addressing hash table of lex_slot_mask + 1 slots
 * (a power of two, at least twice the keys): FNV-1a of the folded key,
 * then linear probing; a slot with off == 0 is empty. off indexes lex_blob,
 * where the key is stored NUL-terminated; meta holds the LEX_* bits in its
 * low 16 bits and, in its high 16 bits, an index into lex_nick (0: none),
 * where the blob offsets of the key's related forms are listed, ended by 0.
 */
#ifndef MARAC_LEXICON_DATA_H
#define MARAC_LEXICON_DATA_H

#include <stdint.h>

struct lex_slot {
	uint32_t off;
	uint32_t meta;
};

/* Fold of one code point of a table range: ASCII letters (NUL-terminated;
 * "" = copy the character unchanged), whether it is a letter, upper case. */
struct lex_fold {
	char fold[4];
	unsigned char letter, upper;
};

extern const uint32_t lex_nkeys;
extern const uint32_t lex_slot_mask;
extern const char lex_blob[];
extern const struct lex_slot lex_slots[];
extern const uint32_t lex_nick[];
/* A Bloom filter of the cue words (title, rank, kin, called, particle,
 * modal): bits (h & 0xFFFF) and (h >> 16) of the 2^16 are set for each
 * cue word's FNV-1a hash h. */
extern const uint32_t lex_cue_filter[2048];
extern const struct lex_fold lex_fold_latin[0x250 - 0xC0]; /* U+00C0..U+024F */
extern const struct lex_fold lex_fold_ext[0x100];          /* U+1E00..U+1EFF */

#endif

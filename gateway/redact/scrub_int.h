/*
 * scrub_int.h: the scrubber's internals, shared by scrub.c (building, the
 * folded-text automata, merging and output) and scrub_tok.c (identifiers,
 * e-mails, cue-led recognisers, structured identifier values, misspelt
 * surnames). Not an interface: nothing outside those files includes it.
 */
#ifndef MARAC_SCRUB_INT_H
#define MARAC_SCRUB_INT_H

#include <stddef.h>
#include <stdint.h>

#include "scrub.h"
#include "spans.h"

#define KIND_BIT(k) (1u << (k))

/* Per-state output of an Aho-Corasick automaton: the longest pattern of
 * each sort ending here (0 none; in bytes, or in words for the value
 * automaton), and the scrub pattern's attributes. */
struct acc {
	uint32_t scrub, keep;
	uint8_t kind, rule, common, pad;
};

/* A DFA over folded bytes; rows 2^shift wide, entries hold row offsets. */
struct ac {
	uint32_t nstates, shift, npat;
	uint8_t cls[256];
	uint32_t *delta;
	struct acc *acc;
	size_t ring; /* power of two > longest pattern (bytes) */
};

struct dob {
	int y, m, d;
};

/* A structured identifier value in squeezed form (upper-case letters and
 * digits): one entry per written form (a phone has several). */
struct idval {
	char *p;
	uint8_t n, kind, rule; /* rule: R_VAL_ID, or R_NEV_ID for a never-share value */
};

/* A listed third party's surname, folded, for one-edit misspellings. */
struct fzname {
	char *p;
	uint8_t n;
	uint8_t dbl; /* misspelt only by a letter doubled ("Gwendda" of Gwenda) */
};

/*
 * Entries of a word list by one byte of each (its first, or its last):
 * those of byte b are idx[off[b] .. off[b + 1]), in list order. One edit
 * leaves a word of 3+ letters its first or its last letter, so a misspelt
 * surname is looked for only among the entries sharing one of them, not in
 * the whole list: the token walk stays linear in the text whatever the
 * number of names.
 */
struct wordidx {
	uint32_t off[257];
	uint32_t *idx;
};

#define SCRUB_TPI_MAX 16
struct scrubber {
	struct ac names;  /* third-party and keep names */
	struct ac values; /* withheld text and address values */
	struct dob *dobs;
	size_t ndobs;
	struct idval *ids;
	size_t nids;
	uint8_t id_first[32]; /* bitmap: first characters of the squeezed forms */
	size_t id_maxlen;
	uint32_t *id_slot; /* open hash of the forms: 1 + index of the last with that text */
	uint32_t id_mask;  /* slots - 1 (slots a power of two, at least twice nids) */
	struct fzname *fz; /* third-party surnames of 5+ letters */
	size_t nfz;
	struct fzname *kw; /* folded words of keep names: never a misspelling */
	size_t nkw;
	struct wordidx fz_first, fz_last, kw_first;
	unsigned flags; /* SCRUB_F_* */
	uint32_t init_w, init_k; /* bit c - 'a': a withheld, a kept person's first name starts so */
	uint32_t sur_k;          /* bit c - 'a': a kept person's surname starts so */
	/* s44: a listed third party's initials ("SK" of "Siobhan Kearney"), not
	 * a kept person's too; found_initials withholds them where written */
	char tpi[SCRUB_TPI_MAX][4];
	unsigned ntpi;
	/* s49: a kept person's initials ("SK" of a kept Sandra Kent): a log
	 * stamp's letters that are hers may be her (names.c, initials after a
	 * stamp) */
	char kpi[SCRUB_TPI_MAX][4];
	unsigned nkpi;
};

/* FNV-1a of an identifier form, for id_slot. */
static inline uint32_t sc_id_hash(const char *p, size_t n)
{
	uint32_t h = 0x811C9DC5u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x01000193u;
	return h;
}

/* Rules, as shown by --explain; indexes into scrub_rule_name(). */
enum {
	R_NAME, R_SURNAME, R_FIRST, R_NICK, R_INITIAL, R_COMMA, R_FIRSTSUR, R_INITIALS,
	R_MISSPELT, R_VAL_ADDR, R_VAL_LINE1, R_VAL_STREET, R_VAL_TEXT, R_VAL_ID,
	R_NEV_ADDR, R_NEV_LINE1, R_NEV_STREET, R_NEV_TEXT, R_NEV_ID, /* R_VAL_* of a never value */
	R_FOUND_SURNAME, R_FOUND_FIRST, /* R_SURNAME, R_FIRST of a name found in text */
	R_VAL_OWN, R_NEV_OWN, /* a street's own name alone (scrub.c add_street_own) */
	R_RULE_COUNT
};
const char *scrub_rule_name(unsigned r);

/* Character helpers. */
static inline int sc_digit(unsigned char c)
{
	return (unsigned)(c - '0') < 10u;
}
static inline int sc_alpha(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}
static inline int sc_alnum(unsigned char c)
{
	return sc_digit(c) || sc_alpha(c);
}
static inline int sc_upper(unsigned char c)
{
	return (unsigned)(c - 'A') < 26u;
}
static inline int sc_lower(unsigned char c)
{
	return (unsigned)(c - 'a') < 26u;
}

/* Is a listed-name word in common English use ("green", "may")? The
 * lexicon's answer, or a short built-in list of such surnames. */
int scrub_common_word(const char *w, size_t n);

/* Identifiers, e-mails (plain and written out), cue-led recognisers,
 * identifier values and misspelt surnames, on normalised text. */
int scrub_token_pass(const scrubber *sc, const unsigned char *s, size_t n, unsigned mask,
		     struct spans *out);
int scrub_email_pass(const unsigned char *s, size_t n, struct spans *out);

#endif

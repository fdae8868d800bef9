/*
 * place_int.h: what place.c, place_tok.c and place_addr.c share (private).
 *
 * The word classes of place_words.h, the token and the scan state, the ring
 * accessor T(), and the recognisers each file gives the others. All of it
 * is per call except the word table, which is built once and read-only.
 */
#ifndef MARAC_PLACE_INT_H
#define MARAC_PLACE_INT_H

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "place.h"
#include "spans.h"

/* Word classes (a word may have several). */
#define C_ST       (1ull << 0)  /* street type: Road, Street, Avenue ... */
#define C_STA      (1ull << 1)  /* street type that is also a common word or surname */
#define C_SAB      (1ull << 2)  /* street type abbreviation: Rd, St, Cres ... */
#define C_BLD      (1ull << 3)  /* named building: House, Court, Lodge ... */
#define C_FLAT     (1ull << 4)  /* Flat, Apartment, Unit ... */
#define C_INST     (1ull << 5)  /* School, Academy, Surgery, Practice ... */
#define C_INSTC    (1ull << 6)  /* Centre: an institution only after a modifier */
#define C_INSTM    (1ull << 7)  /* Primary, Medical, Health ...: not a name alone */
#define C_HOSP     (1ull << 8)  /* Hospital, Infirmary */
#define C_CRT      (1ull << 9)  /* Crown, Magistrates ...: a court, not a street */
#define C_DET      (1ull << 10) /* the, a, her ... */
#define C_KIN      (1ull << 11) /* mum, sister, friend ... */
#define C_TIMEW    (1ull << 12) /* mornings, evenings, am, pm ... */
#define C_DAY      (1ull << 13) /* weekdays */
#define C_MON      (1ull << 14) /* months */
#define C_UNIT     (1ull << 15) /* minutes, children ...: counted, not a street */
#define C_FUNC     (1ull << 16) /* function words */
#define C_NOTPL    (1ull << 17) /* capitalised but not a place (Police, Court, IDVA ...) */
#define C_CADSTOP  (1ull << 18) /* CAD words that are not a town */
#define C_PREP     (1ull << 19) /* on, at, in, near ...: before a street */
#define C_PREP2    (1ull << 20) /* to, from, into: before an unambiguous street */
#define C_TPREP    (1ull << 21) /* before, after, between ...: before a time */
#define C_CALL     (1ull << 22) /* call, ring, text, visit ... */
#define C_CALLED   (1ull << 23) /* called, contacted ... */
#define C_NONLOC   (1ull << 24) /* meeting, case, MARAC ...: moving it is not moving her */
#define C_LOCV     (1ull << 25) /* staying, living, residing ... */
#define C_MOVE     (1ull << 26) /* moved, relocated, placed, fled ... */
#define C_MOVEX    (1ull << 27) /* relocated, rehoused ...: a move whatever follows */
#define C_BE       (1ull << 28) /* is, was, went, returned ... */
#define C_ADV      (1ull << 29) /* now, currently, still ... */
#define C_ROUTEV   (1ull << 30) /* walks, drives, collects ...: a routine */
#define C_TRANS    (1ull << 31) /* bus, train ... */
#define C_REFUGE   (1ull << 32) /* refuge, hostel, whereabouts ...: always a statement */
#define C_ACCOM    (1ull << 33) /* accommodation, tenancy, address, home ... */
#define C_NEWMOD   (1ull << 34) /* new, temporary, safe ... before an accommodation noun */
#define C_WORKC    (1ull << 35) /* works, employed, workplace ... */
#define C_ATTEND   (1ull << 36) /* attends, enrolled, pupil ... */
#define C_ADMIT    (1ull << 37) /* admitted, inpatient ... */
#define C_TITLE    (1ull << 38) /* Dr, Mr, Mrs ... */
#define C_ABBRDOT  (1ull << 39) /* a full stop after it does not end a sentence */
#define C_NUMPRE   (1ull << 40) /* Section, Ward, Room ...: the number after is no house */
#define C_PRON     (1ull << 41) /* he, she, they ... */
#define C_ABSTRACT (1ull << 42) /* fear, risk, work, custody ...: "in fear" is no place */
#define C_CONJ     (1ull << 43) /* and, but, when ...: ends a clause */
#define C_CHECK    (1ull << 44) /* checks, monitors (her phone) */
#define C_GOT      (1ull << 45) /* offered, accepted, secured ... (a property) */
#define C_KINADJ   (1ull << 46) /* best, close, old ...: before a kin word ("her best mate's") */
#define C_VENUE    (1ull << 47) /* hotel, cafe, library, shop ...: an institution where she may be found */

#include "place_words.h"

enum word_id {
	W_NONE,
#define W_ENUM(id, text, cls) W_##id,
	PLACE_WORDS(W_ENUM)
#undef W_ENUM
	W_COUNT
};

struct word {
	const char *text;
	uint64_t cls;
};

/* WORDS[id]: the word's text and classes; WORDS[W_NONE] is "" with none. */
extern const struct word WORDS[W_COUNT];

enum { T_END, T_WORD, T_NUM, T_PUNCT };

#define F_CAP    0x0001u /* first letter upper case (ASCII) */
#define F_UPPER  0x0002u /* two or more letters, all upper case */
#define F_LOWER  0x0004u /* first letter lower case (ASCII) */
#define F_POSS   0x0008u /* ends in 's or s' (stripped for the lookup) */
#define F_SP     0x0010u /* white space before */
#define F_NL     0x0020u /* a line break before */
#define F_BLANK  0x0040u /* a blank line before */
#define F_BRK    0x0080u /* starts a sentence */
#define F_HOUSE  0x0100u /* number that can be a house number: 1-4 digits, one letter */
#define F_CLOCK  0x0200u /* number glued to am, pm or hrs */
#define F_ORD    0x0400u /* 1st, 2nd, 23rd ... */
#define F_DIGIT  0x0800u /* word holding a digit (DN31) */

struct tok {
	size_t start, end;
	uint64_t cls;
	uint16_t id;
	uint16_t f;
	uint8_t type;
	uint8_t ch;   /* the character of a T_PUNCT */
	uint8_t ndig; /* leading digits of a T_NUM */
};

/*
 * RING tokens are kept; recognisers read at most BACK behind and LOOK ahead
 * of the token being processed (RING > BACK + LOOK + 1).
 */
#define RING 128
#define LOOK 24
#define BACK 64

/*
 * The tokenizer runs ahead of the recognisers in batches of LEX_AHEAD
 * tokens (place_scan) rather than one token per step: each loop stays hot
 * in the caches and branch predictors while it runs. The ring holds
 * RING_SLOTS tokens so that the batch fits beside the RING a recogniser
 * may see; T() still shows only the tokens the one-at-a-time scan had cut
 * (ntok), so what the recognisers see, and find, is unchanged.
 */
#define LEX_AHEAD 64
#define RING_SLOTS 256
_Static_assert(RING_SLOTS >= RING + LEX_AHEAD + 1 && !(RING_SLOTS & (RING_SLOTS - 1)),
               "the ring holds the visible tokens and a batch cut ahead");

struct scan {
	const unsigned char *s;
	size_t n, pos;
	long ntok; /* tokens the recognisers may see (T) */
	long nlex; /* tokens cut (place_lex_one), ntok <= nlex */
	size_t line_start; /* byte offset where the current line starts */

	/* the current sentence */
	long ss;
	size_t sent_start, sent_end;
	const char *loc_rule, *safe_rule;
	int routev, comev, via, clock, every;
	long body;         /* first token after a log entry's time stamp (stamp_end) */
	size_t body_start; /* its byte offset */
	int callw, window; /* a word for calling her; a time window (10-12, between 2 and 3) */
	int atwork;        /* "is at work/school": a routine when a time goes with it */
	int his_cue;       /* a loc:is-at cue whose subject is him ("he will be at ...") */
	int other_cue;     /* any other location cue in the sentence */
	int she_w;         /* a word for her or hers in the sentence (she, her, IP, client,
	                    * kin, the children, we, they): not about him alone */
	long last_cue, last_admit;

	long skip_addr, skip_place; /* tokens before these are inside a finding */
	unsigned flags;
	struct spans *out;
	int rc;

	/* Last, and not zeroed (place_scan): a slot is read only after it
	 * was written, and a short field should not pay for clearing 10 KiB. */
	struct tok ring[RING_SLOTS];
};

static const struct tok END_TOK = {.type = T_END, .f = F_BRK | F_NL | F_BLANK};

/* Token i, or END_TOK when i is before the text, past the tokens cut so
 * far, or already out of the ring (so a recogniser never reads stale data). */
static inline const struct tok *T(const struct scan *sc, long i)
{
	/* One unsigned compare for the three bounds: d = ntok - 1 - i is
	 * below ntok for i >= 0, not negative for i < ntok, below RING - 1
	 * for i > ntok - RING (recognisers call this for every token they
	 * look at: a branch each was a tenth of the scan). */
	unsigned long d = (unsigned long)(sc->ntok - 1 - i);
	unsigned long lim = sc->ntok < RING - 1 ? (unsigned long)sc->ntok : RING - 1;
	if (d >= lim)
		return &END_TOK;
	return &sc->ring[i & (RING_SLOTS - 1)];
}

/* Is w the word v (lower-case ASCII), in any case? */
static inline int word_eq(const struct scan *sc, const struct tok *w, const char *v)
{
	size_t n = strlen(v);
	return w->type == T_WORD && w->end - w->start == n &&
	       strncasecmp((const char *)sc->s + w->start, v, n) == 0;
}

static inline int is_upper(unsigned c)
{
	return c - 'A' < 26u;
}
static inline int is_lower(unsigned c)
{
	return c - 'a' < 26u;
}
static inline int is_digit(unsigned c)
{
	return c - '0' < 10u;
}
static inline int is_alpha(unsigned c)
{
	return is_upper(c) || is_lower(c) || c >= 0x80;
}
static inline int is_alnum(unsigned c)
{
	return is_alpha(c) || is_digit(c);
}

/* Is t four digits HHMM, a 24-hour clock ("1925", "0212": a log's time,
 * a meeting's hour), not a house's number ("2715")? */
static inline int tok_hhmm(const struct scan *sc, const struct tok *t)
{
	const unsigned char *c = sc->s + t->start;
	return t->end - t->start == 4 && is_digit(c[0]) && is_digit(c[1]) && is_digit(c[2]) &&
	       is_digit(c[3]) && (c[0] - '0') * 10 + (c[1] - '0') < 24 && c[2] < '6';
}

static inline int is_word(const struct tok *t, unsigned id)
{
	return t->type == T_WORD && t->id == id;
}

static inline int is_punct(const struct tok *t, int c)
{
	return t->type == T_PUNCT && t->ch == c;
}

static inline void emit(struct scan *sc, size_t start, size_t end, unsigned kind, const char *rule)
{
	if (sc->rc == 0 && end > start)
		sc->rc = spans_push(sc->out, start, end, kind, rule);
}

/* place_tok.c */

/* Build the word table; once per process, before any place_lex_one(). */
void place_lex_init(void);

/* Cut the next token into the ring. 0 at the end of the text. */
int place_lex_one(struct scan *sc);

/* place_addr.c */

/* Addresses starting at token p (numbers, flats, "number 12", streets). */
void place_addresses(struct scan *sc, long p);

/* Schools, surgeries, hospitals, workplaces at token p. */
void place_places(struct scan *sc, long p);

/* A town after a location cue, at the preposition p ("moved to Leeds"). */
void place_town_after_cue(struct scan *sc, long p);

/* Could w be (part of) a town name? */
int place_town_word(const struct tok *w);
/* Does the line s[0..n) open with a form's label ("Victim name: ")? */
int place_form_label(const unsigned char *s, size_t n);

#endif

/*
 * place.c: see place.h.
 *
 * One walk over the text. A tokenizer cuts words, numbers and punctuation
 * into a ring of RING tokens, looking each word up once in a hash table of
 * the cue words (place_words.h) for its classes; the recognisers then run at
 * each token, reading at most BACK tokens back and LOOK tokens ahead, so the
 * cost per token is bounded and the whole scan is linear with no
 * backtracking and no allocation beyond the spans vector.
 *
 * Sentences. A sentence ends at '.', '!', '?' or ';' followed by a space
 * (not after "Mr." or an initial), at a blank line, and at a single line
 * break unless the text visibly goes on: the line ends in a comma, colon,
 * dash or a function word ("at", "with", "the"), the next line starts in
 * lower case, a capitalised name is cut in two, or the line is long (a hard
 * wrap in a pasted e-mail). CAD logs and chronologies, one entry per line,
 * so get one sentence per line. When unsure the sentence goes on: a
 * statement of where the victim is withholds more, never less.
 *
 * Statements of where she is and safe times are decided per sentence: a cue
 * anywhere in it ("staying with", "moved to", "refuge", "safe to call")
 * marks the whole sentence, which is emitted when it ends. Addresses and
 * places are emitted as soon as they are recognised.
 */
#include "place.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mgw_err.h"
#include "scrub.h"

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

static const struct word WORDS[W_COUNT] = {
	{"", 0},
#define W_ROW(id, text, cls) {text, cls},
	PLACE_WORDS(W_ROW)
#undef W_ROW
};

/*
 * Open-addressed hash of WORDS, built once (pthread_once) and read-only
 * after, so concurrent scans share it. A slot holds the word's full hash,
 * length and id (0 when empty), so a probe compares text only when both
 * match; the table is kept under a quarter full, as most words of a note
 * are not cues and a miss should end at the first empty slot.
 */
#define HASH_BITS 12
#define HASH_SIZE (1u << HASH_BITS)
#define WORD_MAX 31 /* longer words are never cues */

struct slot {
	uint32_t hash;
	uint16_t id;
	uint16_t len;
};

static struct slot hash_slot[HASH_SIZE];
static pthread_once_t hash_once = PTHREAD_ONCE_INIT;

/* Hash of a lower-cased word of 1..WORD_MAX bytes: its first and last 8
 * bytes and its length, so the tokenizer pays no per-byte hashing. */
static uint32_t hash_word(const char *w, size_t n)
{
	uint64_t a = 0, b = 0;
	size_t k = n < 8 ? n : 8;
	memcpy(&a, w, k);
	memcpy(&b, w + n - k, k);
	uint64_t h = a * 0x9E3779B97F4A7C15ull ^ b * 0xC2B2AE3D27D4EB4Full ^ n;
	return (uint32_t)(h >> 29);
}

static void hash_build(void)
{
	_Static_assert(W_COUNT < HASH_SIZE / 4, "place word table more than a quarter full");
	for (unsigned id = 1; id < W_COUNT; id++) {
		const char *t = WORDS[id].text;
		uint32_t full = hash_word(t, strlen(t)), h = full & (HASH_SIZE - 1);
		while (hash_slot[h].id != 0)
			h = (h + 1) & (HASH_SIZE - 1);
		hash_slot[h] = (struct slot){full, (uint16_t)id, (uint16_t)strlen(t)};
	}
}

/* The id of w[0..n) (lower case), 0 if it is not a listed word. */
static unsigned lookup(const char *w, size_t n)
{
	uint32_t full = hash_word(w, n);
	for (uint32_t h = full & (HASH_SIZE - 1);; h = (h + 1) & (HASH_SIZE - 1)) {
		const struct slot *sl = &hash_slot[h];
		if (sl->id == 0)
			return 0;
		if (sl->hash == full && sl->len == n && memcmp(WORDS[sl->id].text, w, n) == 0)
			return sl->id;
	}
}


/* ---- tokens ----------------------------------------------------------------- */

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

struct scan {
	const unsigned char *s;
	size_t n, pos;
	long ntok;
	struct tok ring[RING];
	size_t line_start; /* byte offset where the current line starts */

	/* the current sentence */
	long ss;
	size_t sent_start, sent_end;
	const char *loc_rule, *safe_rule;
	int routev, via, clock, every;
	long last_cue, last_admit;

	long skip_addr, skip_place; /* tokens before these are inside a finding */
	unsigned flags;
	struct spans *out;
	int rc;
};

static const struct tok END_TOK = {.type = T_END, .f = F_BRK | F_NL | F_BLANK};

static inline const struct tok *T(const struct scan *sc, long i)
{
	if (i < 0 || i >= sc->ntok || i <= sc->ntok - RING)
		return &END_TOK;
	return &sc->ring[i & (RING - 1)];
}

/* Byte classes for the tokenizer's inner loop. Bytes of multi-byte UTF-8
 * characters count as lower-case letters: accented names stay one word. */
#define K_UP 1u
#define K_LO 2u
#define K_DIG 4u
static const uint8_t KIND[256] = {
	['A' ... 'Z'] = K_UP, ['a' ... 'z'] = K_LO, ['0' ... '9'] = K_DIG, [0x80 ... 0xFF] = K_LO,
};

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

static inline int is_word(const struct tok *t, unsigned id)
{
	return t->type == T_WORD && t->id == id;
}

static inline int is_punct(const struct tok *t, int c)
{
	return t->type == T_PUNCT && t->ch == c;
}

/* Does the text visibly go on over the line break between p and t? */
static int continues(const struct tok *p, const struct tok *t, size_t prev_len)
{
	if (p->type == T_PUNCT) {
		if (p->ch == ',' && prev_len < 25 && (t->f & F_CAP))
			return 0; /* "Hi all," */
		return strchr(",-&(/:+", p->ch) != NULL;
	}
	if (t->type == T_WORD && (t->f & F_LOWER))
		return 1;
	if (p->type == T_WORD && (p->cls & (C_FUNC | C_DET | C_PREP | C_LOCV | C_MOVE)))
		return 1;
	if (p->type == T_WORD && t->type == T_WORD && (p->f & F_CAP) && (t->f & F_CAP) &&
	    !(p->f & F_UPPER) && !(t->f & F_UPPER))
		return 1;
	return prev_len >= 60 && t->type != T_NUM && !(t->f & F_UPPER);
}

/* Cut the next token into the ring. 0 at the end of the text. */
static int lex_one(struct scan *sc)
{
	const unsigned char *s = sc->s;
	size_t i = sc->pos, n = sc->n, prev_len = 0;
	unsigned nl = 0, sp = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ||
			 s[i] == '\f' || s[i] == '\v')) {
		if (s[i] == '\n') {
			if (nl++ == 0)
				prev_len = i - sc->line_start;
			sc->line_start = i + 1;
		}
		sp = 1, i++;
	}
	if (i >= n) {
		sc->pos = n;
		return 0;
	}
	struct tok *t = &sc->ring[sc->ntok & (RING - 1)];
	memset(t, 0, sizeof *t);
	t->start = i;
	unsigned c = s[i];
	if (is_alpha(c)) {
		char lw[WORD_MAX + 1];
		size_t L = 0, j = i;
		unsigned up = 0, lo = 0, dig = 0;
		while (j < n) {
			unsigned d = s[j], k = KIND[d];
			if (k & K_LO)
				lo++;
			else if (k & K_UP)
				up++, d += 'a' - 'A';
			else if (k & K_DIG)
				dig++;
			else if (d == '\'' && j + 1 < n && is_alpha(s[j + 1]))
				;
			else if (d == '\'' && (s[j - 1] == 's' || s[j - 1] == 'S') &&
				 (j + 1 >= n || !is_alnum(s[j + 1]))) {
				if (L < WORD_MAX)
					lw[L] = '\'';
				L++, j++;
				break;
			} else if (d == '-' && j + 1 < n && is_alpha(s[j + 1]))
				;
			else if (d == '&' && j - i <= 2 && j + 1 < n && is_alpha(s[j + 1]) &&
				 (j + 2 >= n || !is_alnum(s[j + 2])))
				;
			else
				break;
			if (L < WORD_MAX)
				lw[L] = (char)d;
			L++, j++;
		}
		t->type = T_WORD;
		t->end = j;
		if (is_upper(c))
			t->f |= F_CAP;
		else if (is_lower(c))
			t->f |= F_LOWER;
		if (up >= 2 && lo == 0)
			t->f |= F_UPPER;
		if (dig)
			t->f |= F_DIGIT;
		if (L <= WORD_MAX) {
			unsigned id = lookup(lw, L);
			if (id == 0 && L > 2 && lw[L - 2] == '\'' && lw[L - 1] == 's')
				id = lookup(lw, L - 2), t->f |= F_POSS;
			else if (id == 0 && L > 2 && lw[L - 1] == '\'')
				id = lookup(lw, L - 1), t->f |= F_POSS;
			else if (L > 2 && lw[L - 2] == '\'' && lw[L - 1] == 's')
				t->f |= F_POSS;
			t->id = (uint16_t)id;
			t->cls = WORDS[id].cls;
		}
	} else if (is_digit(c)) {
		size_t j = i;
		while (j < n && is_digit(s[j]))
			j++;
		size_t nd = j - i, k = j;
		while (k < n && is_alnum(s[k]))
			k++;
		size_t nl2 = k - j;
		t->type = T_NUM;
		t->end = k;
		t->ndig = nd > 255 ? 255 : (uint8_t)nd;
		unsigned a = nl2 >= 1 ? s[j] | 0x20u : 0, b = nl2 >= 2 ? s[j + 1] | 0x20u : 0;
		if (nl2 == 2 && b == 'm' && (a == 'a' || a == 'p'))
			t->f |= F_CLOCK;
		else if (nl2 == 3 && a == 'h' && b == 'r')
			t->f |= F_CLOCK;
		else if (nl2 == 2 && ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
				      (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
			t->f |= F_ORD;
		else if (nd >= 1 && nd <= 4 && (nl2 == 0 || (nl2 == 1 && is_alpha(s[j]))) &&
			 !(nd == 1 && s[i] == '0'))
			t->f |= F_HOUSE;
	} else {
		t->type = T_PUNCT;
		t->ch = (uint8_t)c;
		t->end = i + 1;
	}
	if (sp)
		t->f |= F_SP;
	if (nl)
		t->f |= F_NL;
	if (nl >= 2)
		t->f |= F_BLANK;

	/* Sentence start? */
	const struct tok *p = T(sc, sc->ntok - 1), *pp = T(sc, sc->ntok - 2);
	int brk;
	if (sc->ntok == 0 || nl >= 2)
		brk = 1;
	else if (p->type == T_PUNCT && strchr(".!?;", p->ch) != NULL && sp) {
		brk = 1;
		if (p->ch == '.' && !nl && pp->type == T_WORD && pp->end == p->start &&
		    ((pp->cls & C_ABBRDOT) || pp->end - pp->start == 1))
			brk = 0;
	} else if (nl)
		brk = !continues(p, t, prev_len);
	else
		brk = 0;
	if (brk)
		t->f |= F_BRK;
	sc->pos = t->end;
	sc->ntok++;
	return 1;
}

/* ---- emitting ----------------------------------------------------------------- */

static void emit(struct scan *sc, size_t start, size_t end, unsigned kind, const char *rule)
{
	if (sc->rc == 0 && end > start)
		sc->rc = spans_push(sc->out, start, end, kind, rule);
}

static void flush_sentence(struct scan *sc, long p)
{
	if (sc->flags & PLACE_F_LOCATION) {
		const char *loc = sc->loc_rule;
		if (loc == NULL && sc->routev && (sc->via || sc->clock || sc->every))
			loc = "loc:route";
		if (loc != NULL)
			emit(sc, sc->sent_start, sc->sent_end, SCRUB_LOCATION, loc);
		else if (sc->safe_rule != NULL)
			emit(sc, sc->sent_start, sc->sent_end, SCRUB_SAFE_TIME, sc->safe_rule);
	}
	sc->ss = p;
	sc->sent_start = T(sc, p)->start;
	sc->loc_rule = sc->safe_rule = NULL;
	sc->routev = sc->via = sc->clock = sc->every = 0;
	sc->last_cue = sc->last_admit = -1;
}

static void loc_cue(struct scan *sc, long p, const char *rule)
{
	if (sc->loc_rule == NULL)
		sc->loc_rule = rule;
	sc->last_cue = p;
}

static void safe_cue(struct scan *sc, const char *rule)
{
	if (sc->safe_rule == NULL)
		sc->safe_rule = rule;
}

/* ---- addresses ------------------------------------------------------------------ */

#define M_NUM   1u /* after a house number: every type, lower case allowed */
#define M_FLAT  2u /* after "Flat 3": every type */
#define M_PREP  4u /* after on/at/in ...: every type */
#define M_PREP2 8u /* after to/from: unambiguous types */
#define M_BARE 16u /* no cue: unambiguous types */

/* Classes a word in a street name must not have. */
#define NAME_STOP (C_DET | C_PRON | C_FUNC | C_CONJ | C_UNIT | C_TITLE | C_ADV | C_TIMEW)

/*
 * A street name and type starting at token q: up to 5 name words then a
 * street (or building) type, the longest such run. Returns the token after
 * the type, or 0.
 */
static long street_at(const struct scan *sc, long q, unsigned mode)
{
	uint64_t types = C_ST | C_SAB;
	if (mode & (M_NUM | M_FLAT | M_PREP))
		types |= C_STA | C_BLD;
	long best = 0;
	int nname = 0, crt = 0, lower = 0;
	for (long i = q; i < q + 6; i++) {
		const struct tok *w = T(sc, i);
		if (w->type != T_WORD || (i > q && (w->f & F_BLANK)) || (w->f & F_DIGIT))
			break;
		int cap = (w->f & F_CAP) != 0;
		if (!cap && !(mode & M_NUM))
			break;
		if (!cap)
			lower = 1;
		if (nname > 0 && (w->cls & types) && !(w->f & F_POSS)) {
			int ok = 1;
			if ((w->cls & C_SAB) && !(w->cls & (C_ST | C_STA | C_BLD))) {
				/* "St Mary's", "Dr Shah": a saint or a doctor, not a street */
				const struct tok *nx = T(sc, i + 1);
				if (nx->type == T_WORD && (nx->f & F_CAP) && !(nx->f & F_NL) &&
				    !((w->f & F_UPPER) && (mode & M_NUM)))
					ok = 0;
			}
			if (w->id == W_COURT && crt)
				ok = 0;
			if (lower && (!(w->cls & (C_ST | C_SAB)) || w->id == W_DRIVE || cap))
				ok = 0;
			if (ok)
				best = i + 1;
		}
		/* is it a name word? */
		if (w->cls & NAME_STOP) {
			if (!(i == q && w->id == W_THE && cap))
				break;
		}
		if (!cap && (w->cls & ~(C_ST | C_STA | C_BLD | C_INSTM | C_SAB)))
			break;
		if (i == q && (w->cls & (C_DAY | C_MON)) && T(sc, q - 1)->type == T_NUM)
			break; /* "12 March" */
		if (w->cls & C_CRT)
			crt = 1;
		nname++;
	}
	return best;
}

static int town_word(const struct tok *w)
{
	if (w->type != T_WORD || !(w->f & F_CAP) || (w->f & F_DIGIT))
		return 0;
	if (w->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_DAY | C_MON | C_NOTPL | C_ADV |
		      C_TITLE | C_UNIT | C_TIMEW | C_KIN | C_ACCOM | C_REFUGE))
		return 0;
	if ((w->f & F_UPPER) && (w->cls & C_CADSTOP))
		return 0;
	return 1;
}

/* A UK postcode at token j ("DN31 2AB", "DN312AB", "ts1 2ab"): the token after it, or 0. */
static long postcode_at(const struct scan *sc, long j)
{
	const struct tok *a = T(sc, j);
	if (a->type != T_WORD)
		return 0;
	const unsigned char *s = sc->s + a->start;
	size_t n = a->end - a->start, k = 0;
	while (k < n && k < 2 && is_alpha(s[k]) && s[k] < 0x80)
		k++;
	if (k == 0 || k >= n || !is_digit(s[k]))
		return 0;
	size_t out_end;
	if (n - k >= 4 && is_digit(s[n - 3]) && is_alpha(s[n - 2]) && is_alpha(s[n - 1]))
		out_end = n - 3; /* glued: DN312AB */
	else
		out_end = n;
	if (out_end - k < 1 || out_end - k > 2)
		return 0;
	for (size_t m = k; m < out_end; m++)
		if (!(is_digit(s[m]) || (m == out_end - 1 && is_alpha(s[m]) && s[m] < 0x80)))
			return 0;
	if (out_end < n)
		return j + 1;
	const struct tok *b = T(sc, j + 1);
	if (b->type != T_NUM || b->end - b->start != 3 || (b->f & F_NL))
		return 0;
	const unsigned char *u = sc->s + b->start;
	if (!is_alpha(u[1]) || !is_alpha(u[2]) || u[1] >= 0x80 || u[2] >= 0x80)
		return 0;
	return j + 2;
}

/*
 * After an address ending before token e: a town (", Grimsby", "\nGrimsby",
 * "in Grimsby", "GRIMSBY" after a CAD address) and a postcode. Returns the
 * new end.
 */
static long address_tail(const struct scan *sc, long e, int caps)
{
	long k = e;
	int took_caps = 0;
	for (int g = 0; g < 4; g++) {
		const struct tok *x = T(sc, k);
		long j = k;
		int sep = 0;
		if (is_punct(x, ',')) {
			j = k + 1, sep = ',';
		} else if ((x->f & F_NL) && !(x->f & F_BLANK)) {
			sep = '\n';
		} else if (is_word(x, W_IN)) {
			j = k + 1, sep = 'i';
		}
		long pe = postcode_at(sc, j);
		if (pe) {
			k = pe;
			continue;
		}
		const struct tok *y = T(sc, j);
		if (!sep) {
			if (caps && !took_caps && (y->f & F_UPPER) && !(y->f & F_NL) && town_word(y)) {
				k = j + 1, took_caps = 1;
				continue;
			}
			break;
		}
		if (j > k && (y->f & F_BLANK))
			break;
		long m = 0;
		while (m < 3 && town_word(T(sc, j + m)) && (m == 0 || !(T(sc, j + m)->f & F_NL)))
			m++;
		if (m == 0 || (T(sc, j + m)->cls & (C_ST | C_STA | C_SAB | C_INST | C_INSTC)))
			break;
		/* a town ends its line or clause: "..., Grimsby." / "\nGrimsby\n", not
		 * "...\nCaller states" */
		const struct tok *z = T(sc, j + m);
		int ends = z->type == T_END || z->type == T_PUNCT || (z->f & F_NL) || postcode_at(sc, j + m);
		if (sep == ',' && z->type == T_WORD && (z->f & F_LOWER) &&
		    (z->cls & (C_FUNC | C_PREP | C_TPREP | C_CONJ)))
			ends = 1; /* "..., Grimsby on Monday" */
		if (!ends && sep != 'i')
			break;
		k = j + m;
	}
	return k;
}

static void emit_address(struct scan *sc, long a, long e, const char *rule)
{
	/* a building named before it: "Rosewood House, 12 Windsor Crescent",
	 * "Rose Cottage\nMain Street" */
	if (is_punct(T(sc, a - 1), ',') || (T(sc, a)->f & F_NL)) {
		long j = is_punct(T(sc, a - 1), ',') ? a - 2 : a - 1;
		for (long k = 3; k >= 1; k--)
			if (j - k >= sc->skip_addr && j - k >= sc->ntok - BACK &&
			    street_at(sc, j - k, M_FLAT) == j + 1) {
				a = j - k;
				break;
			}
	}
	int caps = 1;
	for (long i = a; i < e; i++)
		if (T(sc, i)->type == T_WORD && !(T(sc, i)->f & F_UPPER) && T(sc, i)->end - T(sc, i)->start > 1)
			caps = 0;
	e = address_tail(sc, e, caps);
	emit(sc, T(sc, a)->start, T(sc, e - 1)->end, SCRUB_ADDRESS, rule);
	sc->skip_addr = e;
}

/* Northern street names carry their type as a suffix: Bargate, Wellowgate. */
static int gate_street(const struct scan *sc, const struct tok *w)
{
	size_t n = w->end - w->start;
	return w->type == T_WORD && (w->f & F_CAP) && n >= 6 && w->id == W_NONE &&
	       strncmp((const char *)sc->s + w->end - 4, "gate", 4) == 0;
}

/* A house number at p followed by a street: the token after the street, or 0. */
static long number_street(const struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *pr = T(sc, p - 1);
	if (t->type != T_NUM || !(t->f & F_HOUSE))
		return 0;
	if (pr->type == T_PUNCT && (!(t->f & F_SP) || strchr("#$/", pr->ch)) &&
	    !(pr->ch == '/' && (T(sc, p - 3)->cls & C_FLAT)))
		return 0; /* 8.30, 12/03, #12; not "Flat 3/12 Windsor Road" */
	if (pr->type == T_PUNCT && pr->ch == 0xA3)
		return 0;
	if (pr->type == T_WORD && (pr->cls & C_NUMPRE) && !(t->f & F_NL))
		return 0; /* Section 47, Ward 12 */
	if (pr->type == T_NUM && !(t->f & F_NL) && !(T(sc, p - 2)->cls & C_FLAT))
		return 0; /* "3 12 Windsor Road" is no address, "Flat 3 12 Windsor Road" is */
	long q = p + 1;
	if (is_punct(T(sc, q), '-') && T(sc, q + 1)->type == T_NUM && (T(sc, q + 1)->f & F_HOUSE))
		q += 2; /* 12-14 */
	if (is_punct(T(sc, q), ','))
		q++;
	if (T(sc, q)->cls & C_UNIT)
		return 0;
	long e = street_at(sc, q, M_NUM);
	if (e == 0 && gate_street(sc, T(sc, q)))
		e = q + 1;
	return e;
}

static void try_number(struct scan *sc, long p)
{
	long e = number_street(sc, p);
	if (e == 0)
		return;
	long a = p;
	const struct tok *pr = T(sc, p - 1);
	if (is_punct(pr, '.') && (is_word(T(sc, p - 2), W_NO)))
		a = p - 2;
	else if (is_word(pr, W_NO) || is_word(pr, W_NUMBER))
		a = p - 1;
	emit_address(sc, a, e, "addr:number+street");
}

/* Flat 10, 170a Cliff Walk / Flat 3 Rosewood House / Apartment 4B, Quayside Mews */
static void try_flat(struct scan *sc, long p)
{
	long q = p + 1;
	if (is_punct(T(sc, q), '.'))
		q++;
	const struct tok *u = T(sc, q);
	int ok = (u->type == T_NUM && u->ndig <= 4 && !(u->f & (F_CLOCK | F_ORD))) ||
		 (u->type == T_WORD && (u->f & F_DIGIT) && u->end - u->start <= 4) ||
		 (u->type == T_WORD && (u->f & F_CAP) && u->end - u->start == 1 && u->id != W_A);
	if (!ok || (T(sc, q + 1)->cls & C_UNIT) || is_punct(T(sc, q - 1), '/'))
		return;
	long e = q + 1, k = e;
	if (is_punct(T(sc, k), ',') || is_punct(T(sc, k), '-') || is_punct(T(sc, k), '/'))
		k++;
	long r = number_street(sc, k);
	if (r == 0)
		r = street_at(sc, k, M_FLAT);
	if (r == 0 && T(sc, k)->type == T_NUM && (T(sc, k)->f & F_HOUSE)) {
		/* after "Flat 1," a number is a house number whatever the street is called */
		long m = 0;
		while (m < 3 && town_word(T(sc, k + 1 + m)) && !(T(sc, k + 1 + m)->f & F_NL))
			m++;
		if (m)
			r = k + 1 + m;
	}
	if (r)
		e = r;
	else if (T(sc, p)->id == W_UNIT)
		return; /* "Unit 3" alone: a police unit as often as a flat */
	emit_address(sc, p, e, "addr:flat");
}

/* "at number 12", "No. 12 Windsor Road" */
static void try_number_word(struct scan *sc, long p)
{
	long q = p + 1;
	if (is_punct(T(sc, q), '.'))
		q++;
	const struct tok *u = T(sc, q);
	if (u->type != T_NUM || !(u->f & F_HOUSE) || (T(sc, q + 1)->cls & C_UNIT))
		return;
	long e = number_street(sc, q);
	if (e) {
		emit_address(sc, p, e, "addr:number+street");
		return;
	}
	const struct tok *pr = T(sc, p - 1);
	if (pr->type == T_WORD &&
	    (pr->id == W_AT || pr->id == W_FROM || pr->id == W_TO || pr->id == W_OF || pr->id == W_IN ||
	     pr->id == W_OUTSIDE || pr->id == W_OPPOSITE || pr->id == W_NEAR || pr->id == W_LIVES ||
	     pr->id == W_LIVING || (pr->cls & C_KIN)))
		emit_address(sc, p, q + 1, "addr:number");
}

static void try_prep_street(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	unsigned mode = (t->cls & C_PREP) ? M_PREP : M_PREP2;
	if (mode == M_PREP2 && (T(sc, p - 1)->cls & (C_MOVE | C_BE | C_LOCV)))
		mode = M_PREP; /* "moved to Grange Court" */
	long e = street_at(sc, p + 1, mode);
	if (e)
		emit_address(sc, p + 1, e, "addr:street");
}

static void try_bare_street(struct scan *sc, long p)
{
	long e = street_at(sc, p, M_BARE);
	if (e) {
		emit_address(sc, p, e, "addr:street");
		return;
	}
	/* "the Ashdown Court flats", "the Grange Park estate" */
	e = street_at(sc, p, M_PREP);
	const struct tok *x = T(sc, e);
	if (e && (x->id == W_FLATS || x->id == W_ESTATE || x->id == W_AREA) && (x->f & F_LOWER))
		emit_address(sc, p, e, "addr:street");
}

/* "moved to Leeds", "refuge space found in Hull": a town after a location cue. */
static void try_town(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	if (!(t->id == W_IN || t->id == W_TO || t->id == W_AT || t->id == W_NEAR || t->id == W_INTO))
		return;
	if (sc->last_cue < sc->ss || sc->last_cue < 0 || p - sc->last_cue > 8)
		return;
	long m = 0;
	while (m < 3 && town_word(T(sc, p + 1 + m)) && !(T(sc, p + 1 + m)->f & F_NL))
		m++;
	if (m == 0 || (T(sc, p + 1 + m)->cls & (C_INST | C_INSTC)))
		return;
	emit_address(sc, p + 1, p + 1 + m, "addr:town-after-cue");
}

/* ---- places ------------------------------------------------------------------------ */

static void emit_place(struct scan *sc, long a, long e, const char *rule)
{
	emit(sc, T(sc, a)->start, T(sc, e - 1)->end, SCRUB_PLACE, rule);
	sc->skip_place = e;
}

/* St Mary's Primary School, Riverside Medical Centre, Dr Shah's surgery */
static void try_inst(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *nx = T(sc, p + 1);
	if (nx->type == T_WORD && (nx->cls & (C_INST | C_INSTC)) && !(nx->f & F_NL))
		return; /* "Primary School": decided at "School" */
	if ((t->cls & C_INSTC) && !(T(sc, p - 1)->cls & C_INSTM))
		return;
	long b = p;
	int real = 0;
	for (long i = p - 1; i >= p - 7 && i >= sc->ss; i--) {
		const struct tok *w = T(sc, i);
		if (w->type != T_WORD)
			break;
		if (w->cls & C_TITLE) {
			if (real)
				b = i;
			break;
		}
		if (w->cls & C_INSTM) {
			b = i;
			continue;
		}
		if (w->id == W_OF && (T(sc, i + 1)->f & F_CAP))
			continue;
		if ((w->f & F_CAP) && !(w->cls & (C_DET | C_PRON | C_FUNC | C_CONJ | C_NOTPL | C_DAY |
						   C_MON | C_ATTEND | C_WORKC | C_ADV | C_ADMIT))) {
			real = 1, b = i;
			continue;
		}
		break;
	}
	if (is_word(T(sc, p + 1), W_OF) && town_word(T(sc, p + 2)) && (t->f & F_CAP))
		real = 1; /* University of Lincoln */
	if (!real || b > p)
		return;
	const char *rule = "place:school";
	if (t->cls & C_HOSP) {
		int admit = sc->last_admit >= sc->ss && sc->last_admit >= 0;
		admit |= sc->last_cue >= sc->ss && sc->last_cue >= 0;
		for (long i = p + 1; i < p + LOOK / 2 && !admit; i++) {
			const struct tok *w = T(sc, i);
			if (w->f & F_BRK)
				break;
			admit = (w->cls & C_ADMIT) || w->id == W_WARD;
		}
		if (!admit)
			return;
		rule = "place:hospital";
	} else if (t->id == W_SURGERY || t->id == W_PRACTICE || t->id == W_CLINIC ||
		   (t->cls & C_INSTC)) {
		rule = "place:gp";
	}
	long e = p + 1;
	if (is_word(T(sc, e), W_OF) && town_word(T(sc, e + 1)))
		for (e += 1; e < p + 5 && town_word(T(sc, e)); e++)
			; /* University of Hull */
	long k = e;
	if (is_punct(T(sc, k), ',') || is_word(T(sc, k), W_ON))
		k++;
	if (is_word(T(sc, k), W_WARD) && (T(sc, k + 1)->type == T_NUM || (T(sc, k + 1)->f & F_CAP)))
		e = k + 2;
	emit_place(sc, b, e, rule);
}

/* "attends Little Acorns", "pupil at Oakwood" */
static void try_attend(struct scan *sc, long p)
{
	long j = p + 1;
	if (is_word(T(sc, j), W_AT))
		j++;
	long m = 0;
	while (m < 5) {
		const struct tok *w = T(sc, j + m);
		if (w->type != T_WORD || (m > 0 && (w->f & F_NL)))
			break;
		if (is_word(w, W_OF) && m > 0 && (T(sc, j + m + 1)->f & F_CAP)) {
			m++;
			continue;
		}
		if (!(w->f & F_CAP))
			break;
		if (w->cls & (C_NOTPL | C_CRT | C_DAY | C_MON | C_TITLE | C_PRON | C_DET | C_FUNC |
			      C_CONJ | C_ACCOM | C_CADSTOP | C_UNIT | C_TIMEW | C_KIN))
			return;
		m++;
	}
	if (m > 0)
		emit_place(sc, j, j + m, "place:attends");
}

/* "works at Tesco on Freeman Street", "employed by ...", "her workplace, ..." */
static void try_work(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	long j = p + 1;
	if (t->id == W_WORKPLACE || t->id == W_EMPLOYER || t->id == W_EMPLOYERS) {
		const struct tok *x = T(sc, j);
		if (x->type == T_PUNCT && strchr(",:-", x->ch))
			j++;
		else if (is_word(x, W_IS) || is_word(x, W_WAS))
			j++;
		else if (!(x->f & F_CAP))
			return;
	} else {
		int k;
		for (k = 0; k < 4; k++) {
			const struct tok *x = T(sc, j);
			if (x->type == T_WORD && (x->id == W_AT || x->id == W_FOR || x->id == W_IN ||
						  x->id == W_WITH || x->id == W_BY))
				break;
			if (x->type != T_WORD || (x->f & F_BRK) || (x->cls & (C_CONJ | C_FUNC)))
				return;
			j++;
		}
		if (k == 4)
			return;
		j++;
	}
	if (T(sc, j)->cls & C_DET)
		j++;
	long e = j, last = 0;
	int cap = 0;
	for (int k = 0; k < 8; k++, e++) {
		const struct tok *x = T(sc, e);
		if (x->type == T_END || (e > j && (x->f & F_BRK)))
			break;
		if (x->type == T_PUNCT && x->ch != '&' && x->ch != '-' && x->ch != '\'')
			break;
		if (x->type == T_NUM && !(x->f & F_HOUSE))
			break;
		if (x->type == T_WORD) {
			if (x->cls & (C_CONJ | C_DAY | C_MON | C_TIMEW | C_PRON | C_UNIT) ||
			    x->id == W_FOR || x->id == W_UNTIL || x->id == W_TILL || x->id == W_DURING ||
			    x->id == W_BETWEEN || x->id == W_FROM || x->id == W_AS)
				break;
			if ((x->cls & (C_PREP | C_FUNC)) && !(T(sc, e + 1)->f & F_CAP) &&
			    T(sc, e + 1)->type != T_NUM)
				break;
			if ((x->f & F_CAP) && !(x->cls & (C_NOTPL | C_DET)))
				cap = 1;
		}
		if (!(x->cls & (C_PREP | C_FUNC | C_DET)))
			last = e + 1;
	}
	if (cap && last > j)
		emit_place(sc, j, last, "place:workplace");
}

/* ---- where she is ------------------------------------------------------------------ */

/* Is the subject of the verb at p a meeting, a case, a MARAC ...? */
static int nonloc_subject(const struct scan *sc, long p)
{
	/* "The meeting on Thursday has been moved": skip auxiliaries and a
	 * short time phrase back to the subject; a pronoun ends the search */
	for (long i = p - 1, k = 0; i >= sc->ss && k < 6; i--, k++) {
		const struct tok *w = T(sc, i);
		if (w->type == T_NUM)
			continue;
		if (w->type != T_WORD)
			return 0;
		if (w->cls & C_NONLOC)
			return 1;
		if ((w->cls & (C_BE | C_ADV | C_DAY | C_MON | C_TIMEW | C_DET)) || w->id == W_HAS ||
		    w->id == W_HAVE || w->id == W_HAD || w->id == W_WILL || w->id == W_TO ||
		    w->id == W_ON || w->id == W_AT || w->id == W_FOR || w->id == W_OF || w->id == W_IN)
			continue;
		return 0;
	}
	return 0;
}

/* Skip determiners and "another"/"next" from i. */
static long skip_det(const struct scan *sc, long i)
{
	for (int k = 0; k < 2 && (T(sc, i)->cls & C_DET); k++)
		i++;
	return i;
}

/* Is the object at x a place she can be: kin, someone's, a town, a refuge, a number? */
static int place_object(const struct scan *sc, long x, int with)
{
	const struct tok *o = T(sc, x);
	if (o->type == T_NUM)
		return (o->f & F_HOUSE) && !(T(sc, x + 1)->cls & (C_MON | C_UNIT | C_TIMEW));
	if (o->type != T_WORD || (o->cls & C_ABSTRACT))
		return 0;
	if (o->cls & C_KIN)
		return 1;
	if ((o->f & F_POSS) && !(o->cls & (C_NOTPL | C_INSTM)))
		return 1;
	if (with)
		return (o->f & F_CAP) && !(o->cls & (C_NOTPL | C_TITLE | C_DAY | C_MON | C_PRON | C_DET));
	if ((o->cls & (C_REFUGE | C_ACCOM)) && o->id != W_HOME && o->id != W_AREA)
		return 1;
	return town_word(o) || (o->cls & (C_ST | C_STA | C_BLD | C_FLAT));
}

static void try_locv(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	long j = p + 1;
	for (int k = 0; k < 2 && (T(sc, j)->cls & C_ADV) && T(sc, j)->id != W_BACK; k++)
		j++;
	const struct tok *x = T(sc, j);
	if (x->type != T_WORD)
		return;
	unsigned id = x->id;
	if (id == W_LOCALLY || id == W_NEARBY || id == W_ELSEWHERE || id == W_THERE ||
	    id == W_TEMPORARILY) {
		loc_cue(sc, p, "loc:staying");
		return;
	}
	if (t->id == W_HIDING) { /* "in hiding" */
		loc_cue(sc, p, "loc:staying");
		return;
	}
	if (!(id == W_WITH || id == W_AT || id == W_IN || id == W_ON || id == W_NEAR ||
	      id == W_ROUND || id == W_OVER || id == W_INTO || id == W_OPPOSITE))
		return;
	long o = skip_det(sc, j + 1);
	if (T(sc, o)->cls & C_ABSTRACT)
		return; /* living in fear */
	/* the past ("stayed at home", "lived in the area for years") tells where
	 * she is only when it names a place */
	int past = t->id == W_STAYED || t->id == W_LIVED || t->id == W_RESIDED || t->id == W_SLEPT;
	if (past && !place_object(sc, o, id == W_WITH))
		return;
	loc_cue(sc, p, "loc:staying");
}

static void try_move(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	if (nonloc_subject(sc, p))
		return;
	if (t->cls & C_MOVEX) {
		loc_cue(sc, p, "loc:moved");
		return;
	}
	long j = p + 1;
	/* "moved her to", "moved the children into" */
	for (int k = 0; k < 2; k++) {
		const struct tok *x = T(sc, j);
		if (x->type == T_WORD && (x->cls & (C_PRON | C_DET | C_UNIT | C_KIN)) &&
		    x->id != W_IN && x->id != W_ON)
			j++;
		else
			break;
	}
	const struct tok *x = T(sc, j);
	unsigned id = x->type == T_WORD ? x->id : 0;
	if (t->id == W_PLACED) {
		if ((id == W_IN || id == W_AT || id == W_WITH || id == W_INTO) &&
		    !(T(sc, skip_det(sc, j + 1))->cls & (C_NONLOC | C_ABSTRACT)))
			loc_cue(sc, p, "loc:moved");
		return;
	}
	if (t->id == W_FLED || t->id == W_FLEEING || t->id == W_FLEE) {
		if (id == W_TO || id == W_FROM || id == W_WITH || id == W_INTO || id == W_ABROAD ||
		    (x->cls & C_DET) || x->type == T_END || x->type == T_PUNCT)
			loc_cue(sc, p, "loc:moved");
		return;
	}
	if (id == W_ON || id == W_FORWARD || id == W_UP || id == W_AHEAD || id == W_DOWN)
		return; /* moved on, moved up a year */
	if (id == W_TO || id == W_INTO || id == W_ONTO) {
		long o = j + 1;
		for (int k = 0; k < 2 && (T(sc, o)->cls & C_DET); k++)
			o++;
		const struct tok *ob = T(sc, o);
		if (ob->cls & (C_DAY | C_MON | C_NONLOC | C_TIMEW | C_ABSTRACT | C_UNIT))
			return; /* moved to Tuesday, to another MARAC */
		if (ob->type == T_NUM && ((ob->f & F_ORD) || !(ob->f & F_HOUSE) ||
					  (T(sc, o + 1)->cls & (C_MON | C_UNIT | C_TIMEW))))
			return; /* moved to 12 March */
		loc_cue(sc, p, "loc:moved");
		return;
	}
	if (t->id == W_TRANSFERRED)
		return;
	if (x->type == T_END || x->type == T_PUNCT || (x->f & F_BRK) || id == W_AND ||
	    id == W_IN || id == W_OUT || id == W_AWAY || id == W_BACK || id == W_ABROAD ||
	    id == W_HOUSE || id == W_HOME || id == W_ELSEWHERE || id == W_THERE ||
	    id == W_AREA || id == W_ADDRESS || id == W_FROM || id == W_WITH || id == W_NEAR ||
	    id == W_OVER || id == W_ROUND || id == W_LOCALLY || id == W_NEARBY ||
	    (x->cls & (C_ACCOM | C_REFUGE | C_TIMEW)))
		loc_cue(sc, p, "loc:moved");
}

static void try_be(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	long j = p + 1;
	for (int k = 0; k < 2 && (T(sc, j)->cls & C_ADV); k++)
		j++;
	const struct tok *x = T(sc, j);
	if (x->type != T_WORD)
		return;
	unsigned id = x->id;
	int going = !(t->cls & C_FUNC) && t->id != W_BEING && t->id != W_HES && t->id != W_SHES &&
		    t->id != W_THEYRE && t->id != W_REMAINS && t->id != W_REMAIN && t->id != W_REMAINED;
	if (!(id == W_AT || id == W_WITH || id == W_IN || id == W_ROUND || id == W_OVER ||
	      ((id == W_TO || id == W_INTO) && going)))
		return;
	if (nonloc_subject(sc, p))
		return;
	long o = skip_det(sc, j + 1);
	if (!place_object(sc, o, id == W_WITH))
		return;
	/* "goes to Franklin College": a school, found by the place rules */
	for (long i = o; i < o + 4 && town_word(T(sc, i)); i++)
		if ((T(sc, i + 1)->cls & (C_INST | C_INSTC)) && !(T(sc, i + 1)->cls & C_HOSP))
			return;
	loc_cue(sc, p, "loc:is-at");
}

static void loc_cues(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	uint64_t c = t->cls;
	unsigned id = t->id;
	const struct tok *nx = T(sc, p + 1);
	if (c & C_REFUGE) {
		loc_cue(sc, p, id == W_REFUGE || id == W_REFUGES ? "loc:refuge" : "loc:accommodation");
		return;
	}
	if (id == W_ADMITTED || id == W_INPATIENT || id == W_INPATIENT2)
		loc_cue(sc, p, "loc:admitted");
	if (c & C_LOCV)
		try_locv(sc, p);
	if (c & C_MOVE)
		try_move(sc, p);
	if (c & C_BE)
		try_be(sc, p);
	if ((c & C_NEWMOD) && !(nx->f & F_BRK)) {
		long j = p + 1;
		if (T(sc, j)->cls & C_NEWMOD)
			j++;
		if ((T(sc, j)->cls & C_ACCOM) && T(sc, j)->type == T_WORD)
			loc_cue(sc, p, id == W_SAFE ? "loc:safe-house" : "loc:new-address");
	}
	if (id == W_ACCOMMODATION || id == W_LODGINGS) {
		loc_cue(sc, p, "loc:accommodation");
	} else if (id == W_ADDRESS) {
		/* "address: 12 ...", "her address is Flat 3 ...", "the address of her
		 * sister"; not "her address is flagged" */
		long j = p + 1;
		if (is_word(nx, W_IS) || is_word(nx, W_WAS) || is_word(nx, W_OF) || is_word(nx, W_IN) ||
		    is_word(nx, W_AT) || (nx->type == T_PUNCT && strchr(":-", nx->ch)))
			j++;
		if (j > p + 1 && !(T(sc, j)->f & F_BRK) &&
		    (place_object(sc, skip_det(sc, j), 1) || place_object(sc, skip_det(sc, j), 0)))
			loc_cue(sc, p, "loc:address");
	} else if (id == W_TENANCY || id == W_PLACEMENT) {
		if (is_word(nx, W_AT) || is_word(nx, W_IN) || is_word(nx, W_WITH))
			loc_cue(sc, p, "loc:accommodation");
	} else if (id == W_SOFA && is_word(nx, W_SURFING)) {
		loc_cue(sc, p, "loc:accommodation");
	} else if (id == W_BED && is_word(nx, W_AND) && is_word(T(sc, p + 2), W_BREAKFAST)) {
		loc_cue(sc, p, "loc:accommodation");
	} else if (id == W_B && is_punct(nx, '&') && is_word(T(sc, p + 2), W_B)) {
		loc_cue(sc, p, "loc:accommodation");
	} else if (id == W_FOUND || id == W_LOCATED || id == W_REACHED || id == W_CONTACTABLE) {
		/* "can be found at"; not "he was found in the loft" */
		const struct tok *pr = T(sc, p - 1);
		if (id == W_FOUND && !is_word(pr, W_BE) && !is_word(pr, W_BEEN))
			;
		else if (is_word(nx, W_AT) || is_word(nx, W_IN) ||
		    (id != W_FOUND && (is_word(nx, W_ON) || is_word(nx, W_VIA))))
			loc_cue(sc, p, "loc:found-at");
	} else if (id == W_AT || id == W_ROUND || id == W_TO) {
		/* at her mum's, round her sister's, to a friend's */
		long o = skip_det(sc, p + 1);
		const struct tok *ob = T(sc, o);
		if (ob->type == T_WORD && !(ob->cls & (C_NOTPL | C_INSTM | C_ABSTRACT)) &&
		    (((ob->cls & C_KIN) && (ob->f & F_POSS)) ||
		     (id != W_TO && (ob->cls & C_KIN) && o > p + 1) ||
		     (id != W_TO && (ob->f & F_POSS) && (ob->f & F_CAP) &&
		      !(T(sc, o + 1)->f & F_CAP))))
			loc_cue(sc, p, "loc:at-kin");
	} else if (id == W_SCHOOL && is_word(nx, W_RUN)) {
		loc_cue(sc, p, "loc:route");
	} else if (id == W_PUT && is_word(nx, W_UP) &&
		   (is_word(T(sc, p + 2), W_IN) || is_word(T(sc, p + 2), W_AT) ||
		    is_word(T(sc, p + 2), W_WITH))) {
		loc_cue(sc, p, "loc:accommodation"); /* put up in a hotel */
	} else if ((id == W_NOW || id == W_CURRENTLY || id == W_TEMPORARILY || id == W_PRESENTLY ||
		    id == W_STILL) &&
		   (is_word(nx, W_AT) || is_word(nx, W_IN) || is_word(nx, W_WITH)) &&
		   !(nx->f & F_BRK) && !nonloc_subject(sc, p) &&
		   place_object(sc, skip_det(sc, p + 2), nx->id == W_WITH)) {
		loc_cue(sc, p, "loc:is-at"); /* "VIC NOW AT MOTHERS", "currently with her aunt" */
	}

	/* routes and routines: decided at the end of the sentence */
	if (c & C_ROUTEV)
		sc->routev = 1;
	if (id == W_TAKES) {
		for (long i = p + 1; i < p + 7; i++)
			if (is_word(T(sc, i), W_TO) || (T(sc, i)->cls & C_TRANS))
				sc->routev = 1;
	}
	if (id == W_VIA || id == W_ROUTE || id == W_COMMUTE)
		sc->via = 1;
	if (c & C_TRANS) {
		for (long i = p - 1; i >= p - 6 && i >= sc->ss; i--) {
			unsigned v = T(sc, i)->id;
			if (v == W_TAKES || v == W_CATCHES || v == W_GETS || v == W_USES)
				loc_cue(sc, p, "loc:route");
		}
		sc->via = 1;
	}
	if ((id == W_EVERY || id == W_EACH) && (nx->cls & (C_DAY | C_TIMEW)))
		sc->every = 1;
	if ((c & C_TIMEW) && WORDS[id].text[strlen(WORDS[id].text) - 1] == 's' && id != W_TIMES)
		sc->every = 1; /* "most evenings", "weekends" */
	if ((c & C_DAY) && (t->f & F_POSS) == 0 && t->end - t->start > 3 &&
	    WORDS[id].text[strlen(WORDS[id].text) - 1] == 's')
		sc->every = 1; /* "on Tuesdays" */
}

/* A clock time at NUM token p: 10am, 8.30, 7:15, 10 pm, at 2214. */
static int is_clock(const struct scan *sc, long p)
{
	const struct tok *t = T(sc, p), *nx = T(sc, p + 1), *pr = T(sc, p - 1);
	if (t->f & F_CLOCK)
		return 1;
	if (nx->type == T_WORD && (nx->id == W_AM || nx->id == W_PM))
		return 1;
	if ((is_punct(nx, '.') || is_punct(nx, ':')) && nx->start == t->end && t->ndig <= 2) {
		const struct tok *m = T(sc, p + 2);
		if (m->type == T_NUM && m->start == nx->end && m->ndig == 2)
			return 1;
	}
	return is_word(pr, W_AT) && (t->ndig <= 2 || t->ndig == 4) && t->end - t->start == t->ndig;
}

/* ---- safe times ---------------------------------------------------------------------- */

static int time_word(const struct scan *sc, long i)
{
	const struct tok *y = T(sc, i);
	if (y->type == T_NUM)
		return 1;
	return y->type == T_WORD &&
	       ((y->cls & (C_DAY | C_TIMEW)) || y->id == W_WHEN || y->id == W_WHILE ||
		y->id == W_WHILST || y->id == W_HE || y->id == W_HES);
}

static void safe_cues(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	unsigned id = t->id;
	const struct tok *nx = T(sc, p + 1), *pr = T(sc, p - 1);
	if (id == W_SAFE) {
		const struct tok *v = T(sc, p + 2);
		if ((nx->id == W_CONTACT || nx->id == W_NUMBER || nx->id == W_PHONE || nx->id == W_MOBILE ||
		     nx->id == W_EMAIL) && nx->type == T_WORD &&
		    ((v->type == T_PUNCT && strchr(":-", v->ch)) || is_word(v, W_IS) || is_word(v, W_VIA) ||
		     is_word(v, W_THROUGH)))
			safe_cue(sc, "time:safe-contact"); /* "Safe contact: via her sister" */
		else if (is_word(nx, W_TO)) {
			if ((v->cls & C_CALL) || v->id == W_LEAVE)
				safe_cue(sc, "time:safe-call");
		} else if ((nx->cls & (C_TIMEW | C_DAY)) || nx->id == W_TIME || nx->id == W_TIMES ||
			   nx->id == W_DAYS || nx->id == W_DAY || nx->id == W_HOURS) {
			/* "safe times: weekday mornings", "safe times are ..."; not
			 * "during the agreed safe times" */
			if ((nx->cls & (C_TIMEW | C_DAY)) || (v->type == T_PUNCT && strchr(":-(", v->ch)) ||
			    (v->type == T_WORD && !(v->f & F_BRK) &&
			     (v->id == W_IS || v->id == W_ARE || (v->cls & (C_TPREP | C_DAY | C_TIMEW)) ||
			      v->id == W_AT || v->id == W_IN || v->id == W_TO)) ||
			    (v->type == T_NUM && !(v->f & F_BRK)))
				safe_cue(sc, "time:safe-times");
		}
		return;
	}
	if (id == W_BEST && (is_word(nx, W_TIME) || is_word(nx, W_TIMES) ||
			     (nx->cls & C_CALLED) || (is_word(nx, W_TO) && (T(sc, p + 2)->cls & C_CALL)))) {
		safe_cue(sc, "time:safe-times");
		return;
	}
	if (t->cls & C_CALL) {
		if (pr->type == T_WORD && ((pr->cls & C_DET) || pr->id == W_NO))
			return; /* "the call", "no contact" */
		if (pr->id == W_NOT || pr->id == W_DONT || pr->id == W_DONT2 || pr->id == W_NEVER) {
			safe_cue(sc, "time:do-not-call");
			return;
		}
		long j = p + 1;
		for (int k = 0; k < 2; k++) {
			unsigned v = T(sc, j)->id;
			if (T(sc, j)->type == T_WORD &&
			    (v == W_HER || v == W_HIM || v == W_THEM || v == W_ONLY || v == W_MOBILE ||
			     v == W_BACK || v == W_VICTIM))
				j++;
		}
		const struct tok *x = T(sc, j);
		if (x->f & F_BRK)
			return;
		/* "call before 5" is a window; "will call her on Monday" is a plan,
		 * a window only as an instruction ("Call on Mondays", "only ring at") */
		int window = x->type == T_WORD && (x->cls & C_TPREP) && x->id != W_ON &&
			     x->id != W_FROM && x->id != W_AROUND;
		int instr = (t->f & F_BRK) || pr->id == W_ONLY || pr->id == W_PLEASE ||
			    pr->id == W_CAN || pr->id == W_SHOULD || pr->id == W_MUST ||
			    pr->id == W_SAFE || pr->id == W_BEST || is_punct(pr, ',') || is_punct(pr, '/');
		if (x->type == T_WORD &&
		    (window || (((x->cls & C_TPREP) || x->id == W_AT || x->id == W_IN) && instr)) &&
		    time_word(sc, skip_det(sc, j + 1)))
			safe_cue(sc, "time:call-window");
		else if (x->type == T_WORD && (x->cls & (C_DAY | C_TIMEW)))
			safe_cue(sc, "time:call-window");
		else if ((id == W_TEXT || id == W_MESSAGE) &&
			 (is_word(x, W_FIRST) || (is_word(x, W_BEFORE) && (T(sc, j + 1)->cls & C_CALL))))
			safe_cue(sc, "time:text-first");
		return;
	}
	if (id == W_ONLY) {
		for (long i = p + 1; i <= p + 3; i++) {
			const struct tok *v = T(sc, i);
			if (v->f & F_BRK)
				break;
			if (v->cls & (C_CALL | C_CALLED)) {
				safe_cue(sc, "time:only-call");
				break;
			}
		}
		return;
	}
	if ((t->cls & C_CALLED) && (is_word(pr, W_BE) || is_word(pr, W_BEEN))) {
		/* "can be contacted at work", "should be called after 6" */
		const struct tok *x = nx;
		if (x->type == T_WORD && ((x->cls & C_TPREP) || x->id == W_AT || x->id == W_VIA ||
					  x->id == W_THROUGH || x->id == W_IN))
			safe_cue(sc, "time:contact-window");
		return;
	}
	if (id == W_LEAVE) {
		if (pr->id == W_NOT || pr->id == W_DONT || pr->id == W_DONT2 || pr->id == W_NEVER)
			safe_cue(sc, "time:voicemail");
		return;
	}
	if (id == W_VOICEMAIL || id == W_VOICEMAILS || id == W_ANSWERPHONE) {
		if (pr->id == W_NO || pr->id == W_NOT)
			safe_cue(sc, "time:voicemail");
		return;
	}
	if (id == W_WHEN || id == W_WHILE || id == W_WHILST || id == W_ONCE || id == W_AFTER ||
	    id == W_BEFORE || id == W_UNTIL) {
		long j = p + 1;
		if (!is_word(T(sc, j), W_HE) && !is_word(T(sc, j), W_HES))
			return;
		if (is_word(T(sc, j), W_HE) && (T(sc, j + 1)->cls & C_BE))
			j++;
		const struct tok *x = T(sc, j + 1);
		unsigned v = x->id;
		if (x->type == T_WORD &&
		    (v == W_AT || v == W_OUT || v == W_ASLEEP || v == W_AWAY || v == W_ON || v == W_NOT ||
		     v == W_WORKING || v == W_IN || v == W_LEAVES || v == W_GOES || v == W_GETS ||
		     v == W_RETURNS || v == W_WORKS || v == W_GONE))
			safe_cue(sc, "time:he-away");
		return;
	}
	if (t->cls & C_CHECK) {
		long j = p + 1;
		if (is_word(T(sc, j), W_HER) || is_word(T(sc, j), W_THE))
			j++;
		unsigned v = T(sc, j)->id;
		if (v == W_PHONE || v == W_MOBILE || v == W_MESSAGES || v == W_TEXTS || v == W_EMAIL)
			safe_cue(sc, "time:phone-checked");
	}
}

/* ---- the walk ------------------------------------------------------------------------- */

static void step(struct scan *sc, long p)
{
	const struct tok *t = T(sc, p);
	if (t->type == T_NUM) {
		if (is_clock(sc, p))
			sc->clock = 1;
		if (p >= sc->skip_addr)
			try_number(sc, p);
		return;
	}
	if (t->type != T_WORD)
		return;
	uint64_t c = t->cls;
	if (p >= sc->skip_addr) {
		if (c & C_FLAT)
			try_flat(sc, p);
		else if (t->id == W_NUMBER || t->id == W_NO)
			try_number_word(sc, p);
		else if (c & (C_PREP | C_PREP2))
			try_prep_street(sc, p);
		else if (t->f & F_CAP)
			try_bare_street(sc, p);
	}
	if (c == 0 && t->id == W_NONE)
		return;
	if (p >= sc->skip_place) {
		if (c & (C_INST | C_INSTC))
			try_inst(sc, p);
		if (c & C_ATTEND)
			try_attend(sc, p);
		if (c & C_WORKC)
			try_work(sc, p);
	}
	if (c & C_ADMIT)
		sc->last_admit = p;
	loc_cues(sc, p);
	if ((c & (C_PREP | C_PREP2)) && p >= sc->skip_addr)
		try_town(sc, p);
	if (sc->flags & PLACE_F_LOCATION)
		safe_cues(sc, p);
}

int place_scan(const char *s, size_t n, unsigned flags, struct spans *out)
{
	if (n == 0)
		return 0;
	pthread_once(&hash_once, hash_build);
	struct scan *sc = calloc(1, sizeof *sc);
	if (sc == NULL)
		return MGW_E_NOMEM;
	sc->s = (const unsigned char *)s;
	sc->n = n;
	sc->flags = flags;
	sc->out = out;
	sc->last_cue = sc->last_admit = -1;
	for (long p = 0;; p++) {
		while (sc->ntok <= p + LOOK && lex_one(sc))
			;
		if (p >= sc->ntok)
			break;
		const struct tok *t = T(sc, p);
		if (t->f & F_BRK)
			flush_sentence(sc, p);
		sc->sent_end = t->end;
		step(sc, p);
		if (sc->rc)
			break;
	}
	if (sc->rc == 0)
		flush_sentence(sc, sc->ntok);
	int rc = sc->rc;
	free(sc);
	return rc;
}

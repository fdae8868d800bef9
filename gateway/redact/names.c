/*
 * names.c: see names.h.
 *
 * One pass over the text with a small ring of tokens (words and digit runs,
 * each with the separators before it, its case shape and its lexicon bits),
 * so every rule looks a bounded number of tokens behind and ahead: linear
 * time, no allocation beyond the spans vector.
 *
 * Words are classed by the lexicon (lexicon.h):
 *   S  a known forename or surname that is neither a common word nor
 *      allow-listed ("Jane", "Patel", "Kowalska")
 *   W  a name that is also a common word ("Grace", "Smith", "Will")
 *   A  a name that is allow-listed ("May", "Preston", "Florence")
 *   U  unknown: in no list ("Aoife" if missing, "Kowalczyk")
 *   C  anything else: common words, allow-listed words, cue words
 * and a rule fires on cues (titles, ranks with collar numbers, kinship and
 * role words, "called"), on forms ("SURNAME, Forename") or on the classes of
 * a run of capitalised words. In a line written all in capitals (CAD logs)
 * case says nothing, so only the lexicon decides there.
 */
#include "names.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "ascii_run.h"
#include "lexicon.h"
#include "mgw_err.h"
#include "scrub.h"

/* Ring of tokens. Rules look at most LOOKBEHIND tokens back and
 * LOOKAHEAD ahead of the token they start at, well inside the ring. */
#define RING 64
#define LOOKBEHIND 4
#define LOOKAHEAD 12
#define RUN_MAX 8 /* longest run of name words taken as one name */

enum shape { SH_LOWER, SH_CAP, SH_UPPER, SH_INITIAL, SH_NUM };

/* Separators before a token. */
#define G_NL 1u     /* a line break */
#define G_STOP 2u   /* ! ? ; a blank line, "..": a sentence may start */
#define G_COMMA 4u
#define G_QUOTE 8u  /* a double quote, or an apostrophe used as a quote */
#define G_OTHER 16u /* brackets, slashes, dashes and other punctuation */
#define G_PERIOD 32u /* one '.': a stop, unless after an initial or title */
#define G_COLON 64u

enum klass { K_C, K_S, K_W, K_A, K_U };

struct tok {
	size_t start, end; /* the word, without a possessive 's */
	unsigned lex;      /* LEX_* bits */
	unsigned char shape, gap, caps, poss, nletters, klass;
};

struct scan {
	const char *s;
	size_t n, pos;
	size_t line_end; /* end of the line whose capitals were counted */
	int line_caps;
	size_t count; /* tokens produced */
	int eof;
	/* Last, and not zeroed (names_scan): produce() clears a slot before
	 * filling it and tok() reads only produced slots, so a short field
	 * does not pay for clearing the whole ring. */
	struct tok ring[RING];
};

const char names_rule_kin_title[] = "cue:kin+title";
const char names_rule_initials[] = "cue:initials";
const char names_rule_stamp[] = "cue:initials-stamp";

static const unsigned NAMEBITS = LEX_FORENAME | LEX_SURNAME;
static const unsigned CUEBITS = LEX_TITLE | LEX_RANK | LEX_KIN | LEX_CALLED;

/* Is the line starting at s[from] written in capitals? Counting ASCII
 * letters is enough: notes in capitals are CAD logs typed in ASCII. */
static void count_line(struct scan *sc, size_t from)
{
	const unsigned char *p = (const unsigned char *)sc->s + from;
	const unsigned char *e = memchr(p, '\n', sc->n - from);
	size_t len = e ? (size_t)(e - p) : sc->n - from, up = 0, lo = 0, i = 0;
	/* Eight bytes at a time: a lane's top bit is set where its byte is
	 * at least the bound (bytes below 0x80: | 0x80 stops any borrow), and
	 * bytes of 0x80 and above are no ASCII letter. */
	const uint64_t ONES = 0x0101010101010101ull, HI = 0x8080808080808080ull;
	for (; i + 8 <= len; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		uint64_t y = x | HI, ascii = ~x & HI;
		uint64_t u = ((y - ONES * 'A') & ~(y - ONES * ('Z' + 1))) & ascii;
		uint64_t l = ((y - ONES * 'a') & ~(y - ONES * ('z' + 1))) & ascii;
		up += (size_t)(((u >> 7) * ONES) >> 56);
		lo += (size_t)(((l >> 7) * ONES) >> 56);
	}
	for (; i < len; i++) {
		up += (unsigned char)(p[i] - 'A') < 26;
		lo += (unsigned char)(p[i] - 'a') < 26;
	}
	sc->line_end = from + len;
	sc->line_caps = up >= 6 && lo * 10 < up;
}

static enum klass classify(unsigned lex, unsigned nletters)
{
	if (lex & NAMEBITS) {
		if (lex & LEX_FUNCTION)
			return K_C;
		if (lex & LEX_ALLOW)
			return K_A;
		return lex & LEX_COMMON ? K_W : K_S;
	}
	if (lex || nletters < 2)
		return K_C;
	return K_U;
}

/* The lexicon bits of a word; a hyphenated word not in the lexicon as a
 * whole ("Al-Hassan", "Smith-Jones") takes the name bits of its parts. */
static unsigned word_bits(const char *key, size_t k, int lower, int caps)
{
	if (lower && !caps && !lex_cue_possible(key, k))
		return 0; /* lower-case words matter only as cues */
	unsigned b = lex_lookup(key, k);
	if (b || lower)
		return b;
	size_t sp = 0; /* a short key: a loop is cheaper than a call to memchr */
	while (sp < k && key[sp] != ' ')
		sp++;
	if (sp == k)
		return b;
	unsigned names = 0, all_common = LEX_COMMON, all_allow = LEX_ALLOW;
	size_t i = 0;
	while (i < k) {
		size_t j = i;
		while (j < k && key[j] != ' ')
			j++;
		if (j - i == 1)
			return LEX_COMMON; /* "X-ray", "T-shirt", "A-level": no name */
		unsigned p = lex_lookup(key + i, j - i);
		names |= p & NAMEBITS;
		all_common &= p;
		all_allow &= p;
		i = j + 1;
	}
	/* "Pan-London", "pan-Cheshire": across a region, no one's name */
	if (sp == 3 && memcmp(key, "pan", 3) == 0 &&
	    (lex_lookup(key + 4, k - 4) & (LEX_ALLOW | LEX_PLACE)))
		return LEX_ALLOW | LEX_COMMON;
	/* "Co-accused", "Step-Dad": made of common words, so common;
	 * "Mon-Wed", "Mon-Thu": of allow-listed ones, so allow-listed, even
	 * where a part is a forename too ("Thu") */
	return names ? names | all_common | all_allow : all_common | all_allow;
}

/* Produce the next token into the ring; 0 at the end of the text. */
static int produce(struct scan *sc)
{
	const char *s = sc->s;
	size_t n = sc->n, i = sc->pos, nl = 0;
	unsigned gap = 0;
	struct lex_char c;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		if (b == ' ') {
			i++;
			continue;
		}
		size_t k = 1;
		if (b < 0x80 && b != '\'') {
			/* ASCII, the common case, as lex_char classes it: a word
			 * starts, or a separator ('\t', '\v', '\f', '\r' are
			 * spaces, nothing else is LEX_C_SPACE) */
			if (ar_is_alnum(b)) {
				c.cls = (unsigned)(b - '0') < 10u ? LEX_C_DIGIT : LEX_C_LETTER;
				break;
			}
			c.cls = b == '\n' ? LEX_C_NL
			      : (b == '\t' || b == '\v' || b == '\f' || b == '\r') ? LEX_C_SPACE
			                                                       : LEX_C_OTHER;
		} else {
			k = lex_char(s + i, n - i, &c);
		}
		if (c.cls == LEX_C_LETTER || c.cls == LEX_C_DIGIT)
			break;
		if (c.cls == LEX_C_NL) {
			gap |= G_NL;
			if (++nl >= 2)
				gap |= G_STOP;
		} else if (c.cls == LEX_C_APOS || s[i] == '"') {
			gap |= G_QUOTE;
		} else if (c.cls == LEX_C_OTHER) {
			switch (s[i]) {
			case '.':
				gap |= (gap & G_PERIOD) ? G_STOP : G_PERIOD;
				break;
			case '!': case '?': case ';':
			case '|': /* "Social Worker | Hull Children's Services": a field ends */
				gap |= G_STOP;
				break;
			case ':':
				gap |= G_STOP | G_COLON;
				break;
			case ',':
				gap |= G_COMMA;
				break;
			default:
				gap |= G_OTHER;
				break;
			}
		}
		i += k;
	}
	if (i >= n) {
		sc->pos = n;
		sc->eof = 1;
		return 0;
	}
	if (sc->count == 0 || i > sc->line_end) {
		/* a new line: back to its start (over separators only) */
		size_t from = i;
		while (from > 0 && s[from - 1] != '\n')
			from--;
		count_line(sc, from);
	}

	struct tok *t = &sc->ring[sc->count % RING];
	char key[LEX_MAX_KEY];
	size_t klen = 0, nletters = 0, nupper = 0;
	int first_upper = 0, second_upper = 0, toolong = 0;

	memset(t, 0, sizeof *t);
	t->start = i;
	t->gap = (unsigned char)gap;
	t->caps = (unsigned char)sc->line_caps;
	if (c.cls == LEX_C_DIGIT) {
		while (i < n && ((s[i] >= '0' && s[i] <= '9') ||
				 ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
			i++;
		t->end = i;
		t->shape = SH_NUM;
		t->klass = K_C;
		sc->pos = i;
		sc->count++;
		return 1;
	}
	/* The common case, 8 bytes at a time: a run of ASCII letters, its
	 * first two letters' case, its capitals counted, lowered into key
	 * (bytes past the run are written too, and overwritten or never read:
	 * the key is key[0..klen)). The byte loop below does the rest. */
	while (i + 8 <= n) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		uint64_t lm = ar_letters(x);
		size_t r = ar_lead(lm);
		if (r == 0)
			break;
		uint64_t in = r == 8 ? ~0ull : (1ull << (8 * r)) - 1;
		lm &= in;
		uint64_t upm = lm & ~ar_in(x, 'a', 'z');
		if (nletters == 0) {
			first_upper = (int)(upm >> 7 & 1);
			if (r > 1)
				second_upper = (int)(upm >> 15 & 1);
		} else if (nletters == 1) {
			second_upper = (int)(upm >> 7 & 1);
		}
		nletters += r;
		nupper += ar_count(upm);
		x |= lm >> 2; /* 0x80 >> 2: the case bit */
		if (klen + 8 <= sizeof key) {
			memcpy(key + klen, &x, 8);
			klen += r;
		} else {
			size_t room = sizeof key - klen, fit = r < room ? r : room;
			memcpy(key + klen, &x, fit);
			klen += fit;
			if (fit < r)
				toolong = 1;
		}
		i += r;
		if (r < 8)
			break;
	}
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
			/* ASCII letters, the common case, without lex_char */
			if (nletters == 0)
				first_upper = b < 'a';
			else if (nletters == 1)
				second_upper = b < 'a';
			nletters++;
			nupper += b < 'a';
			if (klen < sizeof key)
				key[klen++] = (char)(b | 0x20);
			else
				toolong = 1;
			i++;
			continue;
		}
		if (b < 0x80 && b != '\'' && b != '-')
			break; /* ASCII, not a letter: a digit, space or punctuation ends the word */
		size_t k = lex_char(s + i, n - i, &c);
		if (c.cls == LEX_C_LETTER) {
			if (nletters == 0)
				first_upper = c.upper;
			else if (nletters == 1)
				second_upper = c.upper;
			nletters++;
			nupper += c.upper;
			if (klen + c.nfold <= sizeof key)
				memcpy(key + klen, c.fold, c.nfold), klen += c.nfold;
			else
				toolong = 1;
			i += k;
		} else if (c.cls == LEX_C_JOIN) {
			i += k;
		} else if (c.cls == LEX_C_APOS || s[i] == '-') {
			/* Inside a word if a letter follows: O'Brien, Al-Hassan.
			 * "'s" then no letter is a possessive: the word ends. */
			struct lex_char d;
			if (i + k >= n || (lex_char(s + i + k, n - i - k, &d), d.cls != LEX_C_LETTER))
				break;
			if (c.cls == LEX_C_APOS && (s[i + k] | 0x20) == 's') {
				struct lex_char e;
				size_t j = i + k + 1;
				if (j >= n || (lex_char(s + j, n - j, &e), e.cls != LEX_C_LETTER)) {
					t->poss = 1;
					t->end = i;
					sc->pos = j;
					goto done;
				}
			}
			if (s[i] == '-') {
				if (klen < sizeof key)
					key[klen++] = ' ';
				else
					toolong = 1;
			}
			i += k;
		} else {
			break;
		}
	}
	t->end = i;
	sc->pos = i;
done:
	t->nletters = (unsigned char)(nletters > 255 ? 255 : nletters);
	if (first_upper && nletters == 1)
		t->shape = SH_INITIAL;
	else if (first_upper)
		t->shape = nupper == nletters ? SH_UPPER : SH_CAP;
	else if (second_upper && nletters > 2 && strchr("tnhmbdg", key[0]))
		t->shape = SH_CAP; /* Irish eclipsis: tSaoir, nGael, hÉireann */
	else
		t->shape = SH_LOWER;
	if (!toolong && klen > 0)
		t->lex = word_bits(key, klen, t->shape == SH_LOWER, t->caps);
	t->klass = (unsigned char)classify(t->lex, (unsigned)nletters);
	/* "Carers", "Referrals": a plural the dictionary lacks is still common */
	if (t->klass == K_U && klen > 3 && key[klen - 1] == 's' &&
	    (lex_lookup(key, klen - 1) & (LEX_COMMON | LEX_ALLOW | CUEBITS)))
		t->lex |= LEX_COMMON, t->klass = K_C;
	/* "McDonald's", "Sainsbury's": a possessive the allow-list holds
	 * whole is a chain's name, not the surname it is made of ("Ms
	 * McDonald's car": after a title, the surname) */
	const struct tok *pv = sc->count > 0 ? &sc->ring[(sc->count - 1) % RING] : NULL;
	if (t->poss && !toolong && klen > 2 && klen < sizeof key &&
	    (t->klass == K_S || t->klass == K_W) && !(pv && (pv->lex & (LEX_TITLE | LEX_RANK | LEX_KIN)))) {
		key[klen] = 's';
		if (lex_lookup(key, klen + 1) & LEX_ALLOW)
			t->lex |= LEX_ALLOW, t->klass = K_C;
	}
	sc->count++;
	return 1;
}

/* Token i, or NULL past the end. i must be within the ring's reach. */
static const struct tok *tok(struct scan *sc, size_t i)
{
	while (i >= sc->count && !sc->eof)
		produce(sc);
	if (i >= sc->count || i + RING <= sc->count)
		return NULL;
	return &sc->ring[i % RING];
}

/* Capitalised, or in an all-capitals line (where case says nothing). */
static int capish(const struct tok *t)
{
	return t && t->shape != SH_NUM && (t->caps || t->shape != SH_LOWER);
}

/* w is a lower-case ASCII word: its first letter is compared before any
 * call (either case of it; no other byte folds to it, nor to an empty w's
 * NUL), then its length (word_in_list asks it of a list: most words fail on
 * the first letter, and need no strlen). */
static inline int word_is(const struct scan *sc, const struct tok *t, const char *w)
{
	if (t == NULL || ((unsigned char)sc->s[t->start] | 0x20) != (unsigned char)w[0])
		return 0;
	size_t k = strlen(w);
	return t->end - t->start == k && strncasecmp(sc->s + t->start, w, k) == 0;
}

static int word_in_list(const struct scan *sc, const struct tok *t, const char *const *w)
{
	for (; *w; w++)
		if (word_is(sc, t, *w))
			return 1;
	return 0;
}

/*
 * "Team Manager, Quellby Children's Services", "Health Visitor, Farrowdale 0-19
 * Team", "bailed by Brackenmoor Crown Court": a capitalised institution word
 * ("Services", "Court", "Police", "Team") or an agency's own word or
 * acronym (s40-over: "Social Worker, Bradford CSC", "Health Visitor,
 * Bradford District Care NHS FT") within the four tokens after a run, on
 * its line and joined by nothing but spaces, hyphens and an apostrophe's
 * "s", makes the run a public body's name (its town's), not a person's. A
 * known name on the way ends the search ("Zelphine Quenby House").
 */
static int agency_word(const struct scan *sc, const struct tok *w);

static int institution_follows(struct scan *sc, size_t last)
{
	static const char *const BODY[] = {"team", "teams", "service", "services", "unit", NULL};
	for (size_t k = last + 1; k <= last + 4; k++) {
		const struct tok *u = tok(sc, k);
		if (u == NULL || (u->gap & ~G_OTHER) ||
		    (u->gap == G_OTHER && sc->s[u->start - 1] != '-'))
			return 0;
		if (u->shape == SH_NUM)
			continue;
		if (!capish(u))
			return 0;
		if ((u->lex & LEX_INSTITUTION) || word_in_list(sc, u, BODY) || agency_word(sc, u))
			return 1;
		if (u->klass == K_S || u->klass == K_U)
			return 0;
	}
	return 0;
}

static int sentence_start(struct scan *sc, size_t i)
{
	const struct tok *t = tok(sc, i), *p = i ? tok(sc, i - 1) : NULL;
	if (p == NULL)
		return 1;
	if (t->gap & (G_STOP | G_NL | G_QUOTE | G_OTHER))
		return 1;
	if (t->gap & G_PERIOD)
		return !(p->shape == SH_INITIAL || (p->lex & (LEX_TITLE | LEX_RANK)));
	return 0;
}

/* A name word after a cue. strong: after a cue where even a common word is
 * a surname ("Mrs Bright", "her friend Sully"); 2: after a title or a rank
 * with its collar number, where an allow-listed word is one too ("Mr
 * Storm"). */
static int cue_name(struct scan *sc, size_t j, int strong)
{
	const struct tok *u = tok(sc, j);
	if (!capish(u) || u->shape == SH_INITIAL)
		return 0;
	if (strong == 2 && u->shape == SH_CAP && (u->lex & LEX_FUNCTION) && (u->lex & LEX_FORENAME)) {
		/* s44-never: "Mr Said Hassan": after a title, a forename that
		 * is a small word too, a known surname right after it */
		const struct tok *v = tok(sc, j + 1);
		return v != NULL && !v->gap && v->shape == SH_CAP && (v->lex & LEX_SURNAME) &&
		       !(v->lex & (LEX_FUNCTION | CUEBITS | LEX_STREET | LEX_INSTITUTION));
	}
	switch (u->klass) {
	case K_S:
		return 1;
	case K_A:
		if (u->caps && !strong && (u->lex & LEX_MODAL)) {
			/* "HER SISTER MAY ATTEND" */
			const struct tok *v = tok(sc, j + 1);
			return v == NULL || v->klass == K_S || v->klass == K_U;
		}
		return 1;
	case K_U:
		return u->nletters >= 2;
	case K_W:
		if (!u->caps || strong || !(u->lex & LEX_MODAL))
			return 1;
		/* "SISTER WILL ATTEND": in capitals a modal verb is a name
		 * only next to another name word or at the end of a clause. */
		{
			const struct tok *v = tok(sc, j + 1);
			return v == NULL || v->gap || v->klass == K_S || v->klass == K_U ||
			       (v->klass == K_W && (v->lex & LEX_SURNAME));
		}
	default:
		/* after Mr, Ms, Dr a word the lists know only as the first of
		 * a phrase ("Kirkby" of "Kirkby in Ashfield") is a surname when
		 * no capitalised word goes on with the phrase: "Ms Kirkby" */
		if (strong == 2 && u->lex == LEX_PHRASE && u->nletters >= 3) {
			const struct tok *v = tok(sc, j + 1);
			return v == NULL || v->gap || !capish(v);
		}
		/* after a title even an allow-listed word is a surname: "Mr
		 * Storm", "Mrs Paris" (the allow-list only stops the dictionary
		 * rule) */
		if (strong == 2 && (u->lex & LEX_STREET) &&
		    !(u->lex & (LEX_FUNCTION | CUEBITS | LEX_INSTITUTION)) && u->nletters >= 4) {
			/* s44-never: "Mrs E. Holme", "Mr Field": after a
			 * courtesy title a street's word is the surname when no
			 * capitalised word goes on ("Mr Holme Road" is none;
			 * "Bishop Street" is a street) */
			static const char *const COURTESY[] = {"mr", "mrs", "ms", "miss", "mx", NULL};
			size_t k = j;
			while (k > 0 && tok(sc, k - 1) && tok(sc, k - 1)->shape == SH_INITIAL && k + 3 > j)
				k--;
			const struct tok *v = tok(sc, j + 1);
			return k > 0 && tok(sc, k - 1) && word_in_list(sc, tok(sc, k - 1), COURTESY) &&
			       (v == NULL || v->gap || !capish(v));
		}
		return strong && (u->lex & (LEX_COMMON | LEX_ALLOW)) &&
		       !(u->lex & ((strong == 2 ? 0 : LEX_ALLOW) | LEX_FUNCTION | CUEBITS |
				   LEX_STREET | LEX_INSTITUTION));
	}
}

/* Days, months and feasts: after a forename, when, not a surname */
static const char *const WHEN[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "june", "july", "august",
	"september", "october", "november", "december", "christmas", "easter", NULL};

/* Months, whole and short: after a day's number, a date ("18 Oct") */
static const char *const MON[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
				  "sep", "sept", "oct", "nov", "dec", "january", "february",
				  "march", "april", "june", "july", "august", "september",
				  "october", "november", "december", NULL};

/* Words that end a firm's name: "<Name> Family Law", "<Name> Hale LLP" */
static const char *const FIRM_END[] = {"law", "llp", "solicitors", "legal", "chambers",
				       "associates", "partners", "accountants", "lettings",
				       "ltd", "limited", "plc", NULL};

/* Does a run of two to four capitalised words from token j, with no
 * punctuation between them, end in a firm's word ("Pennine Family Law")? */
static int firm_run(struct scan *sc, size_t j)
{
	for (size_t k = j + 1; k < j + 4; k++) {
		const struct tok *v = tok(sc, k);
		if (v == NULL || v->gap || !capish(v))
			return 0;
		if (word_in_list(sc, v, FIRM_END))
			return 1;
	}
	return 0;
}

/* Is t a month right after a day's number ("On 29 Jan Mary Smith wrote:")? */
static int month_after_day(struct scan *sc, size_t i)
{
	const struct tok *t = tok(sc, i), *p = i > 0 ? tok(sc, i - 1) : NULL;
	return p != NULL && !t->gap && p->shape == SH_NUM && p->end - p->start <= 2 &&
	       word_in_list(sc, t, MON);
}

/* The phonetic alphabet, as police call signs use it ("OSCAR 21") */
static const char *const NATO[] = {
	"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
	"juliet", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec",
	"romeo", "sierra", "tango", "uniform", "victor", "whiskey", "whisky", "xray", "x-ray",
	"yankee", "zulu", NULL};

/* A month or a weekday that is no one's forename as notes write them
 * (April, June and August are: left to the name rules). */
static int month_not_name(struct scan *sc, const struct tok *t)
{
	return word_in_list(sc, t, WHEN) && !word_is(sc, t, "april") && !word_is(sc, t, "june") &&
	       !word_is(sc, t, "august");
}

/* Does token t follow a label's colon or dash ("IDVA: A.", "IDVA:A.",
 * "IDVA - A.")? */
static int label_colon(const struct scan *sc, const struct tok *t)
{
	const unsigned char *s = (const unsigned char *)sc->s;
	size_t k = t->start;
	return (k >= 1 && s[k - 1] == ':') || (k >= 2 && s[k - 2] == ':' && s[k - 1] == ' ') ||
	       (k >= 3 && s[k - 3] == ' ' && s[k - 2] == '-' && s[k - 1] == ' ');
}

/*
 * s55-never: is the initial at index i (a capital and its dot) where a
 * person's name opens? After a word that takes a name ("by", "to", "with",
 * "from", "cc", "and", "called", "named"), or after a role's label and its
 * colon ("IDVA: A. Farrow", "Worker: A. Farrow"); not a letter that ends a
 * sentence ("hepatitis C. Drinking", "room B. Present"), nor an answer's
 * letter ("Outcome: B. Refer", "Grade: A. Good").
 */
static int initial_cue(struct scan *sc, size_t i)
{
	static const char *const TAKES[] = {"by", "to", "with", "from", "cc", "and", "called",
					    "named", NULL};
	static const char *const ROLE[] = {"worker", "keyworker", "officer", "nurse", "manager",
					   "author", "lead", "caseworker", "practitioner",
					   "advocate", "idva", "isva", "sw", "hv", "dsl", "cpn",
					   "pc", "dc", "ds", "oic", "by", "chair", "coordinator",
					   "midwife", "visitor", NULL};
	const struct tok *t = tok(sc, i), *o = i > 0 ? tok(sc, i - 1) : NULL;
	if (t == NULL || o == NULL)
		return 0;
	if (label_colon(sc, t))
		return word_in_list(sc, o, ROLE);
	/* s57-never: the next of a list of names so written ("(A. Nowak,
	 * T. Green)"): a comma, then an initial, its stop and a capitalised
	 * word before it */
	const struct tok *oi = i > 1 ? tok(sc, i - 2) : NULL;
	if (t->gap == G_COMMA && oi != NULL && oi->shape == SH_INITIAL && o->gap == G_PERIOD &&
	    o->shape == SH_CAP && !o->caps && ((o->lex & LEX_SURNAME) || o->klass == K_U))
		return 1; /* (a surname before: not "Items: A. Bread, B. Green beans") */
	return o->shape == SH_LOWER && !(t->gap & ~G_OTHER) && word_in_list(sc, o, TAKES);
}

/*
 * Token j, a capitalised common word right after the forename at j - 1
 * ("Johnny Tumbleweed", "Sarah Tumbleweed"), or a town's name ("Rowena
 * Fleetwood": many towns are surnames, and the lists keep them as places):
 * its surname. Not a word that ends a place or is a cue, nor a day or a
 * month, and not the first of further capitalised words ("Jane Support
 * Worker", "Jane Fleetwood General"); mixed-case text only, where capitals
 * mean something. cued: the forename was found by a cue ("her manager Pat
 * Fleetwood"), so it may be a common word itself.
 */
static int common_surname(struct scan *sc, size_t j, int cued)
{
	const struct tok *p = j ? tok(sc, j - 1) : NULL, *u = tok(sc, j), *v;
	if (p == NULL || u == NULL || p->poss || (u->gap & ~G_PERIOD) || u->caps || p->caps)
		return 0;
	/* s55-never: an initial and its dot where a name opens (initial_cue:
	 * "seen by A. Farrow"; after a role's label, the name ending its item:
	 * "IDVA: A. Farrow\n") */
	const struct tok *w = tok(sc, j + 1);
	int initial = p->shape == SH_INITIAL && u->gap == G_PERIOD && initial_cue(sc, j - 1) &&
		      (!label_colon(sc, p) || w == NULL || w->gap);
	if (u->gap && !initial)
		return 0;
	/* a forename that is no common word: "Young Carers", "Rose Garden",
	 * "Holly Bush" are phrases */
	if (!initial && (!(p->lex & LEX_FORENAME) || p->shape != SH_CAP ||
			 !(p->klass == K_S || (cued && p->klass == K_W))))
		return 0;
	/* a common word, or a town; no other allow-listed word ("Perp",
	 * an agency, a drug) */
	int word = (u->lex & LEX_COMMON) && !(u->lex & LEX_ALLOW);
	/* (after an initial so cued, a street's or a building's word ends
	 * the name as its surname when nothing capitalised follows: "seen by
	 * T. Green", "and K. Hall"; "A. Green Lane" is checked below) */
	unsigned not_sur = initial ? 0 : LEX_STREET | LEX_INSTITUTION;
	if (u->shape != SH_CAP || u->klass != K_C || !(word || (u->lex & LEX_PLACE)) ||
	    u->nletters < 3 ||
	    (u->lex & (not_sur | CUEBITS | LEX_FUNCTION | LEX_MODAL | LEX_PARTICLE | LEX_SHOP)) ||
	    word_in_list(sc, u, WHEN))
		return 0;
	v = tok(sc, j + 1);
	/* the first word of an allow-listed phrase ("Early Help") is the
	 * phrase when a capitalised word follows, even over a line break;
	 * alone it is her surname ("HV <Forename> Early - ...") */
	if ((u->lex & LEX_PHRASE) && v && capish(v))
		return 0;
	return !(v && !v->gap && capish(v));
}

/* The gap before a further word of a name: none, the period of an
 * initial, or one line break (notes wrapped mid-name: "Delroy\nGRANT"). */
static int name_gap(const struct tok *p, const struct tok *u)
{
	unsigned ok_gap = G_NL | (p->shape == SH_INITIAL ? G_PERIOD : 0);
	return !(u->gap & ~ok_gap);
}

/*
 * Token k as the start of a bridge inside a name: an initial ("Jane A.
 * Smith", "Ó Súilleabháin") or particles ("van der Berg", "Nic an tSaoir",
 * "De Souza") followed by a name word. Returns the index of that name word,
 * or 0.
 */
static size_t bridge(struct scan *sc, size_t k)
{
	const struct tok *u = tok(sc, k);
	size_t m = k;
	if (u == NULL || !(u->shape == SH_INITIAL || (u->lex & LEX_PARTICLE)))
		return 0;
	for (; m < k + 3; m++) {
		const struct tok *v = tok(sc, m + 1), *p = tok(sc, m);
		unsigned ok_gap = p->shape == SH_INITIAL ? G_PERIOD : 0;
		if (v == NULL || (v->gap & ~ok_gap))
			return 0;
		if (capish(v) && v->klass != K_C && v->shape != SH_INITIAL)
			return m + 1;
		if (!(v->shape == SH_INITIAL || (v->lex & LEX_PARTICLE)))
			return 0;
	}
	return 0;
}

/*
 * Token k opens a nickname in quotes inside a name: Alasdair "Ally" Gunn,
 * Marcus 'Big M' Tate. One or two words in quotes, then a name word right
 * after the closing quote. Returns the index of that name word, or 0.
 */
static size_t quoted_nickname(struct scan *sc, size_t k)
{
	const struct tok *u = tok(sc, k);
	if (u == NULL || u->gap != G_QUOTE)
		return 0;
	/* Johnny "the Horse" Ward: a nickname may open with "the" */
	if (u->shape == SH_LOWER && word_is(sc, u, "the") && tok(sc, k + 1) &&
	    !tok(sc, k + 1)->gap && capish(tok(sc, k + 1)))
		u = tok(sc, ++k);
	else if (!capish(u) || (u->lex & LEX_FUNCTION))
		return 0;
	for (size_t m = k + 1; m <= k + 2; m++) {
		const struct tok *v = tok(sc, m);
		if (v == NULL)
			return 0;
		if (v->gap == G_QUOTE)
			return capish(v) && v->klass != K_C && v->shape != SH_INITIAL ? m : 0;
		if (v->gap || v->shape == SH_NUM)
			return 0;
	}
	return 0;
}

/* Does the word hold a letter outside ASCII ("Hùng", "Văn")? */
static int accented(const struct scan *sc, const struct tok *t)
{
	for (size_t k = t->start; k < t->end; k++)
		if ((unsigned char)sc->s[k] >= 0x80)
			return 1;
	return 0;
}

/*
 * s57-never: letters after a name, as a clinician signs ("Miss <Forename>
 * Grange MRCOG", "<Forename> Field RGN"): they end the name, and are no
 * place's or firm's word going on after it.
 */
static int postnominal(const struct scan *sc, const struct tok *t)
{
	/* (three letters or more: "MA", "MD", "RN" are surnames and parts of
	 * names too; and not in a log in capitals, where every word is so) */
	static const char *const POST[] = {
		"mrcog", "frcog", "mrcgp", "frcgp", "mrcp", "frcp", "mrcs", "frcs", "mrcpsych",
		"frcpsych", "mrcpch", "frcpch", "mbchb", "mbbs", "mbbch", "bmbs", "msc", "bsc",
		"phd", "rgn", "rmn", "rsn", "rnld", "rscn", "srn", "dipsw", "mcsp", "frcr", "frca",
		"mrcem", "frcem", NULL};
	return t->shape == SH_UPPER && !t->caps && t->end - t->start <= 8 &&
	       word_in_list(sc, t, POST);
}

/* Extend a name that ends at token j over further name words, initials
 * and particles; returns the last token of the name. */
static size_t extend(struct scan *sc, size_t j)
{
	for (size_t steps = 0; steps < RUN_MAX; steps++) {
		const struct tok *p = tok(sc, j), *u = tok(sc, j + 1);
		if (u == NULL || p->poss || postnominal(sc, u))
			break; /* (letters after the name end it) */
		size_t q = quoted_nickname(sc, j + 1);
		if (q) {
			j = q;
			continue;
		}
		/* '"<Nick>" Price': a nickname in quotes, then a surname
		 * that is also a word, no capitalised word after it */
		if (u->gap == G_QUOTE && p->end < sc->n && sc->s[p->end] == '"' && u->shape == SH_CAP &&
		    !u->caps && (u->lex & LEX_SURNAME) &&
		    !(u->lex & (LEX_FUNCTION | CUEBITS | LEX_STREET | LEX_INSTITUTION | LEX_PLACE))) {
			const struct tok *v = tok(sc, j + 2);
			if (!(v && !v->gap && capish(v)))
				j++;
			break;
		}
		if (!name_gap(p, u) || ((u->gap & G_NL) && u->caps != p->caps))
			break;
		size_t k = bridge(sc, j + 1);
		if (k) {
			j = k;
			continue;
		}
		if (common_surname(sc, j + 1, 1)) {
			j++;
			break;
		}
		/* s49-never: a forename and the surname's initial ("CMW Sally
		 * T", "Jade F."), no capitalised word after it on the line */
		if (u->nletters == 1 && u->end - u->start == 1 && sc->s[u->start] >= 'A' &&
		    sc->s[u->start] <= 'Z' && (p->lex & LEX_FORENAME) && p->shape == SH_CAP &&
		    !(u->gap & G_NL) &&
		    /* (not "I" nor "A" unless an initial's stop follows: "a
		     * Mary I know") */
		    !((sc->s[u->start] == 'I' || sc->s[u->start] == 'A') &&
		      !(u->end < sc->n && sc->s[u->end] == '.'))) {
			const struct tok *v = tok(sc, j + 2);
			if (!(v && !(v->gap & G_NL) && !(v->gap & ~G_NL) && capish(v)))
				j++;
			break;
		}
		if (!capish(u) || (u->klass == K_C && !accented(sc, u)))
			break; /* "Hùng" folds to "hung", but no English word has the accent */
		if (u->lex & (LEX_STREET | LEX_INSTITUTION)) {
			/* "Tracey Field", "Jane Wood": a surname that is also a
			 * street word, unless a place name goes on ("Jane Wood
			 * Lane" is no one) */
			const struct tok *v = tok(sc, j + 2);
			if (!(u->lex & LEX_SURNAME) || u->klass == K_C || u->caps ||
			    (v && !v->gap && capish(v) && !postnominal(sc, v)))
				break;
		}
		if (u->caps && u->klass == K_W && !(u->lex & LEX_SURNAME))
			break;
		if (u->caps && u->klass == K_U && u->nletters < 3)
			break;
		j++;
	}
	return j;
}

/*
 * A name ends on a word boundary: digits glued to it ("Johnny0 900123
 * 4567") go with it, so the marker never leaves half a word whose rest,
 * joined to what follows, reads as something else (an identifier found
 * on a second pass). Withholding the glued digits is the safe side.
 */
static int emit(const struct scan *sc, struct spans *out, const struct tok *a,
		const struct tok *b, const char *rule)
{
	size_t end = b->end, start = a->start;
	while (end < sc->n && ((sc->s[end] >= '0' && sc->s[end] <= '9') ||
			       (sc->s[end] >= 'a' && sc->s[end] <= 'z') ||
			       (sc->s[end] >= 'A' && sc->s[end] <= 'Z')))
		end++;
	/* "Big Dave", "Little Mo": a nickname's capitalised size or age word
	 * right before the name is part of it */
	static const char *const NICK[] = {"big", "little", "lil", "wee", "young", "old", "fat",
					   "mad", NULL};
	if (start >= 4 && sc->s[start - 1] == ' ') {
		size_t k = start - 1;
		while (k > 0 && sc->s[k - 1] >= 'a' && sc->s[k - 1] <= 'z')
			k--;
		if (k > 0 && sc->s[k - 1] >= 'A' && sc->s[k - 1] <= 'Z' && start - k <= 7) {
			k--;
			size_t l = start - 1 - k;
			char w[8];
			for (size_t j = 0; j < l; j++)
				w[j] = (char)(sc->s[k + j] | 0x20);
			w[l] = 0;
			int ok = k == 0 || !((sc->s[k - 1] >= 'a' && sc->s[k - 1] <= 'z') ||
					     (sc->s[k - 1] >= 'A' && sc->s[k - 1] <= 'Z') ||
					     (sc->s[k - 1] >= '0' && sc->s[k - 1] <= '9'));
			for (size_t j = 0; ok && NICK[j]; j++)
				if (!strcmp(w, NICK[j])) {
					start = k;
					break;
				}
		}
	}
	return spans_push(out, start, end, SCRUB_NAME, rule);
}

/* An allow-listed phrase starting at token i ("Clare's Law", "Queen
 * Elizabeth Hospital"): the index after it, or 0. */
static size_t phrase_at(struct scan *sc, size_t i)
{
	const struct tok *t = tok(sc, i);
	if (!(t->lex & LEX_PHRASE))
		return 0;
	size_t best = 0;
	for (size_t k = i + 1; k < i + 7; k++) {
		const struct tok *u = tok(sc, k);
		/* (one line break too: a phrase wrapped mid-name, "Women's\nAid") */
		if (u == NULL || (u->gap & ~(G_COMMA | G_PERIOD | G_OTHER | G_NL)) ||
		    ((u->gap & G_NL) && u->caps != t->caps))
			break;
		if (u->end - t->start > 3 * LEX_MAX_KEY)
			break;
		/* phrases are capitalised words joined by short ones ("of") */
		if (!capish(u) && u->end - u->start > 5)
			break;
		if (!capish(u))
			continue;
		if (lex_classify(sc->s + t->start, u->end - t->start) & LEX_ALLOW)
			best = k + 1;
	}
	return best;
}

/* Titles that are police ranks: a collar number may follow the name. */
static int police_title(const struct scan *sc, const struct tok *t)
{
	static const char *const P[] = {"pcso", "sgt", "sergeant", "insp", "inspector", "dci", "dcs",
					"det", "detective", "constable", "officer", "supt", "dsgt",
					"dinsp", "tdc", "tds", "superintendent", "chinsp"};
	for (size_t k = 0; k < sizeof P / sizeof *P; k++)
		if (word_is(sc, t, P[k]))
			return 1;
	return 0;
}

static int digits_only(const struct scan *sc, const struct tok *t)
{
	for (size_t k = t->start; k < t->end; k++)
		if (sc->s[k] < '0' || sc->s[k] > '9')
			return 0;
	return 1;
}

/*
 * A relative's kinship word right before the title at a: "her mum Mrs
 * Atkin", "mother (Mrs Ridley)", "his dad, Mr Doyle". The person so named
 * is a parent, grandparent, sibling, aunt, uncle, cousin or in-law of
 * someone in the case, and so not the victim or her partner even when the
 * surname is theirs (scrub.c withholds such a finding though its surname
 * is a kept subject's). Partners, children, friends: not relatives here.
 */
static int relative_before(struct scan *sc, size_t a)
{
	static const char *const REL[] = {
		"mum", "mam", "mom", "mother", "mummy", "mammy", "dad", "father", "daddy", "nan",
		"nana", "nanna", "nanny", "gran", "granny", "grandma", "grandmother", "grandad",
		"granddad", "grandpa", "grandfather", "aunt", "auntie", "aunty", "uncle", "cousin",
		"sister", "brother", "niece", "nephew", "stepmum", "stepdad", "stepmother",
		"stepfather", "mother-in-law", "father-in-law", "sister-in-law", "brother-in-law",
		"sis", "bro", "mil", "fil", "sil", "bil", "parents", "grandparents", "in-laws",
		"inlaws", NULL};
	const struct tok *q = tok(sc, a), *p = a ? tok(sc, a - 1) : NULL;
	const struct tok *h = a >= 2 ? tok(sc, a - 2) : NULL;
	/* in lower case: "Mother Ms Byrne" heads a child's record, the
	 * mother being the victim; in a log's capitals after "her" or "his"
	 * ("COLLECTED BY HER DAD MR STONE") */
	int caps_log = p && p->caps && q->caps && h && h->caps && !p->gap &&
		       (word_is(sc, h, "her") || word_is(sc, h, "his"));
	if (p == NULL || p->poss || (!(p->lex & LEX_KIN) && !word_in_list(sc, p, REL)) ||
	    ((p->shape != SH_LOWER || p->caps) && !caps_log) || (q->gap & ~(G_COMMA | G_OTHER)))
		return 0;
	if (q->gap & G_OTHER) { /* only a bracket or a dash between */
		for (size_t k = p->end; k < q->start; k++)
			if (sc->s[k] != ' ' && sc->s[k] != '(' && sc->s[k] != '-')
				return 0;
	}
	if (!word_in_list(sc, p, REL))
		return 0;
	/* "their mother Ms Kelly", "the children's father Mr Doyle": the
	 * children's parents are the victim and her partner */
	const struct tok *o = a >= 2 ? tok(sc, a - 2) : NULL;
	static const char *const OWNER[] = {"their", "children", "child", "kids", "kid", "baby",
					    "boys", "girls", NULL};
	return !(o && !p->gap && word_in_list(sc, o, OWNER));
}

/* A lower-case title at i and a lower-case surname after it ("mrs folake",
 * "mr green"), with a forename between ("mr john smith") or a known
 * surname after ("mrs amina yusuf"). Lower-case tokens carry no lexicon
 * bits: looked up here. */
static int lower_title_name(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1);
	int mr = word_is(sc, t, "mr") || word_is(sc, t, "mrs");
	if (!(mr || word_is(sc, t, "ms") || word_is(sc, t, "dr")) || u == NULL || u->gap ||
	    u->shape != SH_LOWER ||
	    u->nletters < 2)
		return 0;
	unsigned b = lex_classify(sc->s + u->start, u->end - u->start);
	enum klass k = classify(b, u->nletters);
	if ((b & (LEX_FUNCTION | CUEBITS)) || !(mr || k == K_S))
		return 0;
	size_t last = i + 1;
	const struct tok *v = tok(sc, i + 2);
	if (v && !v->gap && !u->poss && v->shape == SH_LOWER && v->nletters >= 2) {
		unsigned bv = lex_classify(sc->s + v->start, v->end - v->start);
		enum klass kv = classify(bv, v->nletters);
		if (!(bv & (LEX_FUNCTION | CUEBITS)) &&
		    (kv == K_S || ((b & LEX_FORENAME) && kv == K_W && (bv & LEX_SURNAME))))
			last = i + 2;
	}
	*next = last + 1;
	return emit(sc, out, t, tok(sc, last), "cue:title") ?: 1;
}

/* Title or rank at i: "Mr Patel", "DC 4471 HUGHES", "Det Sgt Khan". */
static int rule_title(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i);
	int rank = !(t->lex & LEX_TITLE);

	if (rank && t->shape == SH_LOWER) {
		/* in a note typed in lower case, a role's short form and a
		 * name the lists know as no common word: "hv bev told", "sw
		 * shazia visited", "idva lisa rang" (the name only) */
		static const char *const ROLE[] = {"hv", "sw", "idva", "dsl", "cpn", "pc", "dc", "gp",
						   NULL};
		const struct tok *u = tok(sc, i + 1);
		if (u && !u->gap && u->shape == SH_LOWER && u->nletters >= 3 && word_in_list(sc, t, ROLE)) {
			unsigned b = lex_classify(sc->s + u->start, u->end - u->start);
			if ((b & (LEX_FORENAME | LEX_SURNAME)) &&
			    !(b & (LEX_COMMON | LEX_ALLOW | LEX_FUNCTION | CUEBITS))) {
				*next = i + 2;
				return emit(sc, out, u, u, "cue:title") ?: 1;
			}
		}
		/* dictated: "by pc 4471 hollins", "ds 2290 baker said": a police
		 * rank, a collar number, then a word that is a name (a surname
		 * that is also a word too) or no word at all; not "pc 4471
		 * attended", "pc 4471 will" */
		static const char *const POLICE[] = {"pc", "dc", "ps", "ds", "di", "dci", "sgt", NULL};
		const struct tok *v = tok(sc, i + 2);
		if (u && v && !u->gap && !v->gap && u->shape == SH_NUM && u->end - u->start >= 3 &&
		    u->end - u->start <= 6 && digits_only(sc, u) && v->shape == SH_LOWER &&
		    v->nletters >= 3 && word_in_list(sc, t, POLICE)) {
			unsigned b = lex_classify(sc->s + v->start, v->end - v->start);
			if (((b & (LEX_FORENAME | LEX_SURNAME)) || !(b & LEX_COMMON)) &&
			    !(b & (LEX_ALLOW | LEX_FUNCTION | LEX_MODAL | CUEBITS))) {
				*next = i + 3;
				return emit(sc, out, t, v, "cue:rank+collar") ?: 1;
			}
		}
	}
	if (rank && t->shape != SH_UPPER)
		return 0; /* "pc", "Gp": not a rank */
	/* s46: dictated into lower case after a rank the dictation capitalised
	 * ("DC harrowby is OIC"): a word no list knows as a word, the officer
	 * (not "DC attended", "PC asap") */
	{
		/* (not "PC": a clinic's presenting complaint too, "PC dysuria") */
		static const char *const POLICE[] = {"dc", "ds", "di", "dci", NULL};
		const struct tok *u = tok(sc, i + 1);
		if (u && !u->gap && u->shape == SH_LOWER && u->nletters >= 4 &&
		    u->nletters == u->end - u->start && word_in_list(sc, t, POLICE)) {
			unsigned b = lex_classify(sc->s + u->start, u->end - u->start);
			if (!(b & (LEX_COMMON | LEX_ALLOW | LEX_FUNCTION | LEX_MODAL | LEX_PLACE | CUEBITS))) {
				*next = i + 2;
				return emit(sc, out, u, u, "cue:title") ?: 1;
			}
		}
	}
	if (!rank && (t->shape == SH_LOWER || t->caps) && (t->lex & LEX_KIN))
		return 0; /* "her sister Jane", "HER SISTER WILL": kin, not the title */
	/* "Cyngor Sir Ynys Môn": Welsh "sir" is a county, after "Cyngor" */
	if (word_is(sc, t, "sir") && i > 0 && word_is(sc, tok(sc, i - 1), "cyngor"))
		return 0;
	/* "named nurse. Birmingham ...": a title in lower case is a word, and
	 * its full stop ends the sentence */
	if (t->shape == SH_LOWER && tok(sc, i + 1) && (tok(sc, i + 1)->gap & G_PERIOD))
		return 0;
	/* Typed in lower case: "aunt named as mrs folake", "mr green at no
	 * 12": "mr" and "mrs" are titles still, and the word after them a
	 * surname, common word or not (not "miss", a verb too, nor "ms", the
	 * illness too, nor "dr", a drive too, unless a known name follows) */
	if (t->shape == SH_LOWER && !rank) {
		int r = lower_title_name(sc, i, out, next);
		if (r)
			return r;
	}
	/* "Windsor Dr": after a capitalised non-common word, Dr is a street */
	if (word_is(sc, t, "dr") && i > 0) {
		const struct tok *p = tok(sc, i - 1);
		if (p && !t->gap && capish(p) && !p->caps && !(p->lex & (LEX_COMMON | CUEBITS)))
			return 0;
	}
	size_t j = i + 1;
	const struct tok *u = tok(sc, j);
	/* s56-never: a warrant officer's class glued on ("WO2 HANNIGAN"), then
	 * an appointment in brackets ("WO2 (RSM) HANNIGAN", "Capt (LE) D
	 * FIELD"): the name after them */
	int bracketed = 0;
	if (word_is(sc, t, "wo")) {
		/* (only so: not a works order's "WO 55123") */
		if (u == NULL || u->shape != SH_NUM || u->gap != 0 || u->end - u->start != 1)
			return 0;
		u = tok(sc, ++j);
	}
	/* (the name after the brackets in capitals or by its initial, as
	 * service notes write it: not "Sgt (DV) Lewes Police attended") */
	const struct tok *ub = u != NULL ? tok(sc, j + 1) : NULL;
	if (u != NULL && u->shape == SH_UPPER && u->end - u->start <= 4 && u->start >= 2 &&
	    sc->s[u->start - 1] == '(' && sc->s[u->start - 2] == ' ' && u->end + 2 < sc->n &&
	    sc->s[u->end] == ')' && sc->s[u->end + 1] == ' ' && ub != NULL &&
	    ub->start == u->end + 2 && (ub->shape == SH_UPPER || ub->shape == SH_INITIAL))
		u = tok(sc, ++j), bracketed = 1;
	/* "Mr. Smith", but "seen by CAMHS. Lachlan is ...": a rank is no
	 * abbreviation with a full stop */
	if (u == NULL)
		return 0;
	/* "IDVA: Precious", "SW: Lowri ap Gwyn": a role heading a line of a
	 * form, then the name on the same line (not "GP: Elm Tree Surgery") */
	int heading = rank && u->gap == (G_STOP | G_COLON) && !u->caps && u->shape == SH_CAP &&
		      t->end < sc->n && sc->s[t->end] == ':';
	if (!heading && !bracketed && (u->gap & ~(rank ? 0 : G_PERIOD)))
		return 0;
	int collar = 0;
	if (u->shape == SH_NUM && u->end - u->start >= 2 && u->end - u->start <= 7) {
		const struct tok *v = tok(sc, j + 1);
		if (v == NULL || v->gap)
			return 0;
		/* "received by IDVA 18 Oct": a day of a month is a date, no
		 * collar number */
		if (u->end - u->start <= 2 && word_in_list(sc, v, MON))
			return 0;
		collar = 1;
		j++;
	}
	u = tok(sc, j);
	size_t first = j;
	/* "Ms K. says ...", "Mr T. was present": a person named by a title and
	 * an initial alone, as notes do to keep a witness's name short */
	if (!rank && !collar && u != NULL && u->shape == SH_INITIAL && t->shape == SH_CAP) {
		const struct tok *v = tok(sc, j + 1);
		/* ("Mrs V", "Mr P": the victim, the perpetrator, as notes
		 * shorten them) */
		int vp = word_is(sc, u, "v") || word_is(sc, u, "p");
		/* s44-never: "Dr A.K.J.": initials run together, each with its
		 * stop, are one person's (not "Dr C. P.S.": a space between) */
		if (v != NULL && v->shape == SH_INITIAL && v->start == u->end + 1 && sc->s[u->end] == '.') {
			size_t last = j + 1;
			for (const struct tok *w; last < j + 3 && (w = tok(sc, last + 1)) != NULL &&
						  w->shape == SH_INITIAL && w->start == tok(sc, last)->end + 1 &&
						  sc->s[tok(sc, last)->end] == '.';)
				last++;
			const struct tok *x = tok(sc, last + 1);
			/* (a surname goes on: "Mr J.R. Smith", "Dr A.K. le Page") */
			if (!(x != NULL && !(x->gap & ~G_PERIOD) && (capish(x) || (x->lex & LEX_PARTICLE)) &&
			      x->shape != SH_INITIAL)) {
				*next = last + 1;
				return emit(sc, out, t, tok(sc, last), "cue:title-initial") ?: 1;
			}
		}
		/* s41-never: "Seen by Dr C today", "Mr B said", "Kind regards,
		 * Dr C. P.S. ...", "Dr C\n": a small word, a comma or the line's
		 * end after the initial ("Mr J. Smith" goes on to the surname) */
		if (v == NULL || ((v->gap & G_PERIOD) && !(v->gap & (G_NL | G_STOP)) && v->shape == SH_LOWER) ||
		    (!vp && ((!(v->gap & ~G_PERIOD) && v->shape == SH_LOWER && !v->caps) ||
			     (v->gap & (G_NL | G_COMMA)) ||
			     ((v->gap & G_PERIOD) && v->shape == SH_INITIAL && !(v->gap & G_NL) &&
			      tok(sc, j + 2) != NULL && tok(sc, j + 2)->gap == G_PERIOD &&
			      tok(sc, j + 2)->shape == SH_INITIAL)))) {
			*next = j + 1;
			return emit(sc, out, t, u, "cue:title-initial") ?: 1;
		}
	}
	/* "Mr J Smith", "Dr A. Khan": initials before the surname */
	while (u && u->shape == SH_INITIAL && j < first + 3) {
		const struct tok *v = tok(sc, j + 1);
		if (v == NULL || (v->gap & ~G_PERIOD))
			break;
		u = tok(sc, ++j);
	}
	if (u == NULL)
		return 0;
	/* "PS 5024 AP RHYS", "Mr van der Berg", "DC NIC AODHA": particles */
	size_t k = bridge(sc, j);
	if (k)
		j = k, u = tok(sc, j);
	if (rank && !collar) {
		/* "SW London", "PC World", "GP Surgery": a rank without a collar
		 * number needs a name word after it; a name that is also a place
		 * or a nationality ("DSL Tyrone", "IDVA Moldovan") is one */
		/* "PC Farrow attended", "DC Baker said": after a police rank a
		 * capitalised common word is the officer's surname when an
		 * officer's verb ("said", "attended", "reviewing"), "to", "on",
		 * "re", "today" or the clause's end follows; not a shop ("from
		 * PC World", "PC World were ...") */
		static const char *const DID[] = {"said",  "says", "took", "spoke", "rang", "came",
						  "went",  "saw",  "was",  "has",   "had",  "will",
						  "and",   "who",  "is",   "gave",  "told", "to",
						  "today", "on",   "re",
						  /* s40-never: "OIC DC Farrow of visit
						   * outcome", "DS Birch from CID" */
						  "of", "from", "for", "about", "with", "by", "at", NULL};
		const struct tok *v = tok(sc, j + 1), *b = i > 0 ? tok(sc, i - 1) : NULL;
		static const char *const FROM[] = {"from", "at", "in", "into", "of", NULL};
		size_t vl = v ? v->end - v->start : 0;
		int officer = (police_title(sc, t) || word_is(sc, t, "pc") || word_is(sc, t, "dc") ||
			       word_is(sc, t, "ds") || word_is(sc, t, "di")) &&
			      u->shape == SH_CAP && !u->caps && u->nletters >= 3 &&
			      ((u->klass == K_C && (u->lex & LEX_COMMON)) ||
			       /* s39-never: "DS Morley", "PC Batley": a town's
			        * name is an officer's surname too */
			       (u->lex & LEX_PLACE)) &&
			      !(u->lex & (LEX_FUNCTION | CUEBITS | LEX_STREET | LEX_INSTITUTION)) &&
			      !(b && word_in_list(sc, b, FROM)) &&
			      (v == NULL || v->gap ||
			       (v->shape == SH_LOWER &&
				(word_in_list(sc, v, DID) ||
				 (vl > 4 && sc->s[v->end - 2] == 'e' && sc->s[v->end - 1] == 'd') ||
				 /* "DC Priest reviewing", "PC Bell attending" */
				 (vl > 5 && sc->s[v->end - 3] == 'i' && sc->s[v->end - 2] == 'n' &&
				  sc->s[v->end - 1] == 'g'))));
		if (!officer &&
		    (!(u->klass == K_S || u->klass == K_W || u->klass == K_U || u->klass == K_A) ||
		     !cue_name(sc, j, 0)))
			return 0;
	} else if (!cue_name(sc, j, !rank || collar ? ((t->lex & LEX_TITLE) || collar ? 2 : 1) : 0)) {
		return 0;
	}
	size_t last = extend(sc, j), a = i;
	if (last == j && (tok(sc, j)->lex & LEX_FORENAME)) {
		/* "Ms Tamsin Crewe", "Mr Alan Preston": after a title and a
		 * forename, a town's name is the surname, unless a place's name
		 * goes on ("Dr Amy Leeds General") */
		const struct tok *v = tok(sc, j + 1), *w = tok(sc, j + 2);
		if (v && !v->gap && v->shape == SH_CAP && v->klass == K_C && (v->lex & LEX_ALLOW) &&
		    !(v->lex & (LEX_FUNCTION | LEX_COMMON | CUEBITS)) &&
		    !(w && !w->gap && capish(w) && !postnominal(sc, w)) && !word_in_list(sc, v, WHEN))
			last = j + 1;
		/* in a log's capitals ("RP NEIGHBOUR MR JAMES IRVINE 29 ..."),
		 * where every word is capitalised: a town after the title and
		 * forename is the surname unless a place's word goes on */
		if (v && !v->gap && v->caps && tok(sc, j)->caps && t->caps && v->klass == K_C &&
		    (v->lex & LEX_PLACE) && !(v->lex & (LEX_FUNCTION | LEX_COMMON | CUEBITS)) &&
		    !(w && !w->gap && (w->lex & (LEX_PLACE | LEX_STREET | LEX_INSTITUTION))) &&
		    !word_in_list(sc, v, WHEN))
			last = j + 1;
	}
	if (last == j && !heading && ((tok(sc, j)->lex & LEX_FORENAME) || tok(sc, j)->klass == K_U)) {
		/* "Mr <Forename> Hollow raised", "(SW <Name> Pike)": after a
		 * title and a forename (or a word no list knows), a capitalised
		 * common word alone mid-sentence is the surname; a street's
		 * word only as the last ("Mr <Name> Hollow Road" is a street);
		 * not after a role's heading ("IDVA: <Town> Women's Aid") */
		const struct tok *v = tok(sc, j + 1), *w = tok(sc, j + 2);
		if (v && !v->gap && v->shape == SH_CAP && v->klass == K_C && !t->caps &&
		    (v->lex & LEX_COMMON) && v->nletters >= 3 &&
		    !(v->lex & (LEX_FUNCTION | LEX_ALLOW | LEX_INSTITUTION | LEX_MODAL | CUEBITS)) &&
		    !(w && !w->gap && capish(w) && !postnominal(sc, w)) && !word_in_list(sc, v, WHEN))
			last = j + 1;
	}
	{
		/* "Mrs Sandhu senior", "Mr Ali jnr": the other generation of a
		 * family whose name the case shares is someone else, a third
		 * party; the word makes the span longer than a kept surname */
		static const char *const GEN[] = {"senior", "snr", "junior", "jnr", NULL};
		const struct tok *v = tok(sc, last + 1);
		if (v && !v->gap && word_in_list(sc, v, GEN))
			last++;
	}
	if (heading) {
		const struct tok *v = tok(sc, last + 1);
		if (v && !v->gap && capish(v))
			return 0; /* "GP: Elm Tree Surgery": a place's name goes on */
	}
	/* "PC Gallagher 3068": the collar number after the name is the
	 * officer's too (a police rank or title, not "Mr Smith 2015") */
	if (!collar && (rank || police_title(sc, t))) {
		const struct tok *v = tok(sc, last + 1);
		size_t d = v ? v->end - v->start : 0;
		if (v && v->shape == SH_NUM && !v->gap && d >= 3 && d <= 6 &&
		    digits_only(sc, v) && !(v->end < sc->n && (sc->s[v->end] == '/' || sc->s[v->end] == '-')))
			last++;
	}
	/* "Detective Constable Hughes", "Det Sgt Khan": the whole title */
	while (a > 0 && a + LOOKBEHIND > i) {
		const struct tok *p = tok(sc, a - 1), *q = tok(sc, a);
		if (p == NULL || q->gap & ~G_PERIOD || !(p->lex & LEX_TITLE) ||
		    p->shape == SH_LOWER)
			break;
		a--;
	}
	/* "Mr and Mrs Hughes": a couple under one surname, both titles */
	if (!rank && a >= 2 && !tok(sc, a)->gap && !tok(sc, a - 1)->gap &&
	    word_is(sc, tok(sc, a - 1), "and") && (tok(sc, a - 2)->lex & LEX_TITLE) &&
	    tok(sc, a - 2)->shape != SH_LOWER && !police_title(sc, tok(sc, a - 2)))
		a -= 2;
	/* "OEL ENTRY 05/11 14:22 by 7788 PC OWUSU": the collar number before
	 * the rank is the officer's too; not a clock time ("1420 PC Khan
	 * attended") unless a log's cue for who entered it goes before
	 * ("by", "user", "officer", "oic"), nor after "at", "from", "ref",
	 * "log" (a time, a reference) */
	if (!collar && !heading && (rank || police_title(sc, t)) && a > 0 && a + LOOKBEHIND > i + 2 &&
	    tok(sc, a)->gap == 0) {
		static const char *const WHO[] = {"by", "user", "officer", "oic", NULL};
		static const char *const NOT[] = {"at", "from", "ref", "log", NULL};
		const struct tok *p = tok(sc, a - 1), *b = a > 1 ? tok(sc, a - 2) : NULL;
		size_t d = p ? p->end - p->start : 0;
		if (p && p->shape == SH_NUM && d >= 3 && d <= 6 && digits_only(sc, p) &&
		    !(p->start > 0 && strchr("/:-.", sc->s[p->start - 1])) &&
		    !(b && !p->gap && word_in_list(sc, b, NOT))) {
			const char *c = sc->s + p->start;
			int clock = d == 4 && (c[0] - '0') * 10 + (c[1] - '0') < 24 && c[2] < '6';
			int cued = b && !(p->gap & ~G_COLON) && word_in_list(sc, b, WHO);
			if (!clock || cued)
				a--, collar = 1;
		}
	}
	*next = last + 1;
	if (heading) /* the role's heading stays: "IDVA: [name]" */
		return emit(sc, out, tok(sc, i + 1), tok(sc, last), "cue:role-heading") ?: 1;
	const char *rule = collar ? "cue:rank+collar" : relative_before(sc, a) ? names_rule_kin_title
									      : "cue:title";
	return emit(sc, out, tok(sc, a), tok(sc, last), rule) ?: 1;
}

static int rule_comma(struct scan *sc, size_t i, struct spans *out, size_t *next);

/*
 * A family by its surname in the plural: "the McAuleys", "the Okonkwos".
 * The word after "the" is in no list as it stands, ends in 's', and
 * without it is a surname that is no common or allow-listed word ("the
 * Greens", "the Lakes" stay).
 */
static int rule_family(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *u = tok(sc, i + 1);
	if (u == NULL || u->gap || u->shape != SH_CAP || u->klass != K_U || u->nletters < 4 ||
	    sc->s[u->end - 1] != 's' || sc->s[u->end - 2] == '\'')
		return 0;
	unsigned b = lex_classify(sc->s + u->start, u->end - u->start - 1);
	if (!(b & LEX_SURNAME) || (b & (LEX_COMMON | LEX_ALLOW | LEX_FUNCTION | CUEBITS)))
		return 0;
	*next = i + 2;
	return emit(sc, out, u, u, "cue:family") ?: 1;
}

/*
 * Notes typed in lower case: "her sister nadia", "mum's friend jo
 * kowalski". After a lower-case kin word, a lower-case word that is a known
 * forename or surname and no common or allow-listed word is a name (the
 * tokens of lower-case words carry no lexicon bits: looked up here), with a
 * second such word as its surname.
 */
static int lower_kin_name(struct scan *sc, size_t j, struct spans *out, size_t *next, int called)
{
	const struct tok *u = tok(sc, j), *v = tok(sc, j + 1);
	unsigned b = lex_classify(sc->s + u->start, u->end - u->start);
	enum klass k = classify(b, u->nletters);
	/* after "called" or "named", a name that is also a town ("a lady
	 * called beverley") */
	/* (s32-never: after a kinship word too, a forename that is also a
	 * language or a place the lexicon allows: "her friend shona") */
	if (u->nletters < 2 ||
	    !(k == K_S || (k == K_A && !(b & CUEBITS) && (called || (b & LEX_FORENAME)))))
		return 0;
	size_t last = j;
	if (v && !v->gap && !u->poss && v->shape == SH_LOWER && v->nletters >= 2 &&
	    classify(lex_classify(sc->s + v->start, v->end - v->start), v->nletters) == K_S)
		last = j + 1;
	*next = last + 1;
	return emit(sc, out, u, tok(sc, last), "cue:kin") ?: 1;
}

/* Kinship or role word at i: "her sister Jane", "neighbour Mr Patel". */
/* Roles of the kinship list that a service, not a family, gives someone */
static const char *const ROLE_NOT_KIN[] = {
	"manager", "worker", "officer", "practitioner", "caseworker", "advocate", "keyworker",
	"coordinator", "co-ordinator", "lead", "head", "visitor", "therapist", "counsellor",
	"mentor", "supervisor", "interpreter", "interp", "author", "chair", "referrer", NULL,
};

/* Roles that head a person in minutes and reports ("Coordinator: Pat",
 * "Author Pat Quenby"), and after which a bracket or a closing bracket
 * ("(Elbury Police, chair), Harbour") holds an agency, area or language */
static const char *const ROLE_HEADING[] = {
	"coordinator", "co-ordinator", "interpreter", "interp", "author", "authors", "chair",
	"referrer", NULL,
};

static int agency_word(const struct scan *sc, const struct tok *w);

/*
 * Does the line at byte a open with a form's label: letters and spaces (at
 * most 40 bytes, at most four words), then a colon ("Previous address:",
 * "Safe to call:")?
 */
static int line_is_label(const struct scan *sc, size_t a)
{
	int words = 1;
	for (size_t k = a; k < sc->n && k < a + 40; k++) {
		unsigned char c = sc->s[k];
		if (c == ':')
			return k > a;
		if (c == ' ')
			words++;
		else if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 0;
		if (words > 4)
			return 0;
	}
	return 0;
}

static int rule_kin(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1);

	/* "Comhairle nan Eilean Siar": the Gaelic article between capitalised
	 * words of a name, not a grandmother ("her nan Rosalind") */
	if (i > 0 && !t->gap && t->shape == SH_LOWER && word_is(sc, t, "nan") &&
	    capish(tok(sc, i - 1)) && u && !u->gap && u->shape == SH_CAP)
		return 0;

	/* "sister in law rukhsana": the kinship word written in three */
	if (t->shape == SH_LOWER && u && !u->gap && word_is(sc, u, "in") && tok(sc, i + 2) &&
	    !tok(sc, i + 2)->gap && word_is(sc, tok(sc, i + 2), "law") && tok(sc, i + 3))
		return rule_kin(sc, i + 2, out, next);
	/* "her sister, Jane", "father - TYRONE", "his brother (Ali)", "his
	 * mate \"Spider\"", "Witness: POPA, Loredana"; not across a full stop */
	if (u == NULL || t->poss || (u->gap & G_PERIOD) ||
	    ((u->gap & G_STOP) && !(u->gap & G_COLON)))
		return 0;
	if (u->lex & (LEX_TITLE | LEX_RANK))
		return 0; /* the title rule takes "neighbour Mr Patel" */
	if (firm_run(sc, i + 1))
		return 0; /* "Solicitor, <Name> Family Law": the firm */
	/* "her brother in Dudley, Arun, is ...": where the relative lives,
	 * then the name in apposition between commas */
	if (t->shape == SH_LOWER && !u->gap && (word_is(sc, u, "in") || word_is(sc, u, "from"))) {
		size_t k = i + 2, m = 0;
		while (m < 3 && tok(sc, k) && !tok(sc, k)->gap && tok(sc, k)->shape == SH_CAP &&
		       !tok(sc, k)->caps)
			k++, m++;
		const struct tok *nm = tok(sc, k), *af = tok(sc, k + 1);
		if (m > 0 && nm && nm->gap == G_COMMA && nm->shape == SH_CAP && !nm->caps &&
		    af && (af->gap & G_COMMA) && !(nm->lex & (LEX_TITLE | LEX_RANK | LEX_KIN)) &&
		    cue_name(sc, k, 0)) {
			*next = k + 1;
			return emit(sc, out, nm, nm, "cue:kin") ?: 1;
		}
	}
	if (t->shape != SH_LOWER && !t->caps && !sentence_start(sc, i) && (t->lex & LEX_TITLE))
		return 0; /* "the Sister": a title, handled there */
	/* "(Chair, Team Manager, CSC)", "DA worker (YPVA)": after a role (not
	 * a relative) in mixed-case text, a short word in capitals that no
	 * name list knows is the role's agency or team, not a person */
	if (u->shape == SH_UPPER && !u->caps && u->nletters >= 3 && u->nletters <= 5 &&
	    !(u->lex & (LEX_FORENAME | LEX_SURNAME)) &&
	    word_in_list(sc, t, ROLE_NOT_KIN))
		return 0;
	/* "Coordinator (Elbury)", "interpreter (Tigrinya)", "(Big Word ID
	 * ...)": in brackets after such a role, an agency, area, language or
	 * reference as often as a person (a known forename there is
	 * rule_role_bracket's); "(..., chair), Harbour": the role closed its
	 * bracket */
	if ((u->gap & G_OTHER) && word_in_list(sc, t, ROLE_HEADING) &&
	    (memchr(sc->s + t->end, ')', u->start - t->end) != NULL ||
	     memchr(sc->s + t->end, '(', u->start - t->end) != NULL)) {
		/* s37-never: typed in lower case, "interp (ayan, language line
		 * id ...)": a known forename opening the bracket, then a comma,
		 * is the interpreter */
		const struct tok *v = tok(sc, i + 2);
		if (t->shape == SH_LOWER && u->shape == SH_LOWER && !u->caps && u->gap == G_OTHER &&
		    sc->s[u->start - 1] == '(' && v && v->gap == G_COMMA)
			return lower_kin_name(sc, i + 1, out, next, 0);
		return 0;
	}
	/* s40-over: "Referring officer: Work Coach D. Holroyd", "Referrer:
	 * Support Worker <Name>": a common word before a role's word, both
	 * capitalised, is the role's name (the role's word cues the name
	 * after it) */
	{
		const struct tok *v = tok(sc, i + 2);
		if (v && !v->gap && (v->lex & LEX_KIN) && v->shape == SH_CAP && !v->caps &&
		    u->shape == SH_CAP && !u->caps && (u->lex & LEX_COMMON) &&
		    !(u->lex & (LEX_FORENAME | LEX_SURNAME)))
			return 0;
	}
	/* s23-over: "Referrer: <Forename> <Surname>"; a referral names its
	 * agency there as often ("Referrer: <Name> Women's Aid", "(referrer,
	 * <Name> IDVA)"), so only a known forename after it is a person's */
	if (word_is(sc, t, "referrer") && !(u->lex & LEX_FORENAME))
		return 0;
	/* "cousin - EGAL, Sharmarke": the comma form, whole */
	size_t cn = i + 2;
	int rc = rule_comma(sc, i + 1, out, &cn);
	if (rc != 0) {
		*next = cn;
		return rc;
	}
	/* a capitalised word after a lower-case kin word in mixed-case text
	 * ("her friend Sully"), or in quotes ("his mate \"Tiny\""), is a name
	 * even when it is a common word */
	int strong = (u->gap & G_QUOTE) ||
		     (t->shape == SH_LOWER && !t->caps && !u->caps && u->shape == SH_CAP);
	if (u->shape == SH_LOWER && !u->caps && t->shape == SH_LOWER &&
	    (!(u->gap & ~G_COMMA) || (u->gap == G_OTHER && sc->s[u->start - 1] == '(')))
		return lower_kin_name(sc, i + 1, out, next, 0);
	if (!cue_name(sc, i + 1, strong))
		return 0;
	/* "Lives with mum\nPrevious address: ...": a form's label opening the
	 * next line is no relative's name */
	if ((u->gap & G_NL) && line_is_label(sc, u->start))
		return 0;
	size_t last = extend(sc, i + 1);
	const struct tok *after = tok(sc, last + 1);
	static const char *const WORKS_AT[] = {"at", "as", "for", "in", "nights", "days", NULL};
	if (after && !after->gap && (after->lex & (LEX_STREET | LEX_INSTITUTION)) && capish(after) &&
	    !(word_is(sc, after, "works") && tok(sc, last + 2) && !tok(sc, last + 2)->gap &&
	      word_in_list(sc, tok(sc, last + 2), WORKS_AT)))
		return 0; /* "her son's school, Hughes Primary": a place (not "SISTER
			   * DONNA KIRK WORKS AT ...": her work, a verb) */
	if (word_in_list(sc, t, ROLE_NOT_KIN) &&
	    (institution_follows(sc, last) || institution_follows(sc, i + 1)))
		return 0; /* "Team Manager, Quellby Children's Services": her agency;
			   * "Social Worker, Bradford CSC" (the run took its acronym) */
	/* "...MARAC Coordinator\nKent MARAC (Thanet)": a role ending a line,
	 * then a place's name and an agency's word opening the next, is a
	 * heading, no one's name */
	if ((u->gap & G_NL) && (u->lex & LEX_PLACE) && after && !after->gap &&
	    (agency_word(sc, after) || word_is(sc, after, "marac")))
		return 0;
	/* "collected by Uncle Sunil": a capitalised kinship word used as a
	 * title goes with the name, and in a list ("(Mum, Aunty <Name>)") or
	 * with the name in brackets ("picked up by Gran (<Name>)"); "Support
	 * Worker Adrian" keeps its role */
	const struct tok *from = u;
	/* "(Nanny Joan)": opening a bracket is no sentence start here */
	int bracket = t->gap == G_OTHER && t->start > 0 && sc->s[t->start - 1] == '(';
	int in_br = u->gap == G_OTHER && sc->s[u->start - 1] == '(' &&
		    memchr(sc->s + t->end, '(', u->start - t->end) == sc->s + u->start - 1;
	int listed = (t->gap & G_COMMA) && !(t->gap & (G_STOP | G_PERIOD | G_COLON));
	if (t->shape == SH_CAP && !t->caps && i > 0 && (bracket || listed || !sentence_start(sc, i)) &&
	    (!capish(tok(sc, i - 1)) || listed) && (!(u->gap & ~G_NL) || in_br))
		from = t;
	*next = last + 1;
	rc = emit(sc, out, from, tok(sc, last), "cue:kin");
	if (rc < 0)
		return rc;
	/* "her friends Pat and Wendell", "his mates \"Tank\" and \"Spud\"":
	 * after a kinship word in the plural, the name after "and" too */
	static const char *const PLURAL[] = {
		"sisters", "brothers", "cousins", "aunts", "uncles", "nieces", "nephews", "sons",
		"daughters", "friends", "mates", "neighbours", "neighbors", "colleagues", "workmates",
		"associates", "pals", NULL};
	const struct tok *a = tok(sc, last + 1), *v = tok(sc, last + 2);
	if (a && v && !(a->gap & ~G_QUOTE) && word_is(sc, a, "and") && !(v->gap & ~G_QUOTE) &&
	    word_in_list(sc, t, PLURAL) && cue_name(sc, last + 2, strong || (v->gap & G_QUOTE))) {
		size_t l2 = extend(sc, last + 2);
		*next = l2 + 1;
		rc = emit(sc, out, v, tok(sc, l2), "cue:kin");
	}
	return rc < 0 ? rc : 1;
}

/* "called Dee", "known as 'Tiny'", "aka BIG D", "his name is Darren". */
static int rule_called(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i);
	size_t j = i + 1;
	int loose = 1; /* a capitalised common word is a nickname too */

	if (word_is(sc, t, "called"))
		loose = 0;
	else if (word_is(sc, t, "known") || word_is(sc, t, "goes") || word_is(sc, t, "calls")) {
		const struct tok *v = tok(sc, j);
		/* "known locally as", "known to friends as": one word between */
		if (v && !v->gap && v->shape == SH_LOWER && !word_is(sc, v, "as") &&
		    !word_is(sc, v, "by") && tok(sc, j + 1) && word_is(sc, tok(sc, j + 1), "as"))
			v = tok(sc, ++j);
		if (v == NULL || v->gap || !(word_is(sc, v, "as") || word_is(sc, v, "by") ||
					      word_is(sc, v, "herself") || word_is(sc, v, "himself") ||
					      word_is(sc, v, "themselves")))
			return 0;
		j++;
	} else if (word_is(sc, t, "name") || word_is(sc, t, "surname") ||
		   word_is(sc, t, "forename") || word_is(sc, t, "nickname")) {
		const struct tok *v = tok(sc, j);
		/* "her surname Quenby", "surname is Fleetwood": after the word
		 * for it, any capitalised word is the name, a town's too */
		int sur = word_is(sc, t, "surname") || word_is(sc, t, "forename");
		if (sur && t->shape == SH_LOWER)
			loose = 2;
		if (v && !v->gap && (word_is(sc, v, "is") || word_is(sc, v, "was")))
			j++;
		else if (!(v && (v->gap & G_COLON)) &&
			 !(sur && v && !v->gap && v->shape == SH_CAP && !v->caps && t->shape == SH_LOWER))
			return 0;
	}
	const struct tok *u = tok(sc, j);
	if (u == NULL || (u->gap & (G_COMMA | G_PERIOD)) ||
	    ((u->gap & (G_STOP | G_OTHER)) && !(u->gap & (G_QUOTE | G_COLON))))
		return 0;
	if (u->shape == SH_NUM || (u->lex & (LEX_TITLE | LEX_RANK)))
		return 0;
	/* s37: "Named Professional Safeguarding Adults", "the named nurse",
	 * "Named GP": a safeguarding role, no name after it */
	static const char *const NAMED_ROLE[] = {"professional", "nurse", "doctor", "gp", "midwife",
	                                         "lead", "person", "worker", "professionals",
	                                         "senior", "contact", "safeguarding", NULL};
	if (word_is(sc, t, "named") && word_in_list(sc, u, NAMED_ROLE))
		return 0;
	/* s44: "Named CMW: Midwife ...", "named SW": a role's letters in a
	 * note in small letters */
	static const char *const NAMED_ROLE_LETTERS[] = {"sw", "hv", "cmw", "idva", "isva", "dsl", "cpn",
							 "rmn", NULL};
	if (word_is(sc, t, "named") && u->shape == SH_UPPER && !t->caps &&
	    ((t->shape == SH_CAP && tok(sc, j + 1) && (tok(sc, j + 1)->gap & G_COLON)) ||
	     word_in_list(sc, u, NAMED_ROLE_LETTERS)))
		return 0; /* (a label "Named CMW:", not "boyfriend named TJ: known to police") */
	if (u->gap & G_QUOTE) {
		/* A quoted nickname: any words up to the closing quote. */
		if (u->lex & LEX_FUNCTION)
			return 0;
		size_t last = j;
		for (size_t k = j + 1; k < j + 4; k++) {
			const struct tok *v = tok(sc, k);
			if (v == NULL || v->gap)
				break;
			last = k;
		}
		*next = last + 1;
		return emit(sc, out, u, tok(sc, last), "cue:called") ?: 1;
	}
	/* typed in lower case: "a lad called kyle" (a known name, no common word) */
	if (u->shape == SH_LOWER && !u->caps && t->shape == SH_LOWER && !u->gap)
		return lower_kin_name(sc, j, out, next, 1);
	/* "a lad called Smudge": in mixed-case text a capitalised word after
	 * "called" is a name, common word or not ("called police" is not) */
	if (!loose && !u->caps && u->shape == SH_CAP && !t->caps)
		loose = 1;
	if (!cue_name(sc, j, loose))
		return 0;
	size_t last = extend(sc, j);
	*next = last + 1;
	return emit(sc, out, u, tok(sc, last), "cue:called") ?: 1;
}

/* "KOWALSKA, Agnieszka", "Smith, John": surname, comma, forename. */
static int rule_comma(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1);

	if (u == NULL || u->gap != G_COMMA || !capish(u))
		return 0;
	/* "EGAL, Sharmarke": after a surname in capitals in mixed-case text,
	 * a capitalised word in no list is a forename too */
	int upper_form = t->shape == SH_UPPER && !t->caps && u->shape == SH_CAP;
	/* "To: Quenby, Tolvern; Elbury MARAC": in an address list, a word no
	 * list knows after a known surname, ending its entry (';', a line
	 * break, the '<' of an address), is the forename */
	const struct tok *v = tok(sc, i + 2);
	int entry_end = v == NULL ||
			(((v->gap & (G_STOP | G_NL)) && !(v->gap & (G_COLON | G_PERIOD))) ||
			 (u->end < sc->n && sc->s[u->end] == ' ' && u->end + 1 < sc->n &&
			  sc->s[u->end + 1] == '<'));
	int list_form = t->klass == K_S && t->shape == SH_CAP && !t->caps && u->shape == SH_CAP &&
			u->klass == K_U && u->nletters >= 3 && entry_end;
	if (!(((u->klass == K_S || u->klass == K_W) && (u->lex & LEX_FORENAME)) ||
	      (upper_form && u->klass == K_U && u->nletters >= 3) || list_form))
		return 0;
	if (t->poss || !capish(t))
		return 0;
	int surname = t->klass == K_S || (t->klass == K_U && t->nletters >= 3) ||
		      ((t->klass == K_W || t->klass == K_A) && (t->lex & LEX_SURNAME));
	if (!surname)
		return 0;
	/* A common-word surname needs capitals ("GREEN, Mary") or a strong
	 * forename ("Green, Agnieszka"); "Still, Mary said" is neither. */
	if ((t->klass == K_W || t->klass == K_A) && t->shape != SH_UPPER && u->klass != K_S)
		return 0;
	if (i > 0) {
		const struct tok *p = tok(sc, i - 1);
		if (p && !t->gap && capish(p) && p->klass != K_C)
			return 0; /* "Jane Smith, John Brown": the run rule */
		/* "examined at the SARC, <Town>": after an article, a
		 * service's acronym and its town, not "SURNAME, Forename" */
		if (p && !t->gap && (word_is(sc, p, "the") || word_is(sc, p, "a") || word_is(sc, p, "an")))
			return 0;
		/* "Worcestershire ASC, <District> DC", "MPS CAIT, <School>
		 * DSL": an acronym in capitals right after a place's or an
		 * agency's name is a service of it, in a list of agencies */
		if (p && !t->gap && t->shape == SH_UPPER && t->nletters <= 5 && capish(p) &&
		    !(t->lex & LEX_SURNAME) &&
		    (p->lex & (LEX_PLACE | LEX_ALLOW)))
			return 0;
	}
	size_t last = extend(sc, i + 1);
	/* s31-over: "NHS Grampian, Royal Cornhill Hospital": after an
	 * agency's letters, the board's area and an institution's name, no
	 * "SURNAME, Forename" */
	const struct tok *pa = i > 0 ? tok(sc, i - 1) : NULL, *af = tok(sc, last + 1);
	if (pa != NULL && !t->gap && pa->shape == SH_UPPER && (pa->lex & LEX_ALLOW) && af != NULL &&
	    !af->gap && capish(af) && (af->lex & LEX_INSTITUTION))
		return 0;
	*next = last + 1;
	return emit(sc, out, t, tok(sc, last), "form:surname-comma") ?: 1;
}

static int determiner(const struct scan *sc, const struct tok *p)
{
	static const char *const D[] = {"the", "a", "an", "this", "that", "these", "those",
					"our", "their", "its", "every", "each", "any", "no"};
	for (size_t k = 0; k < sizeof D / sizeof *D; k++)
		if (word_is(sc, p, D[k]))
			return 1;
	return 0;
}

static int run_member(const struct tok *u)
{
	return capish(u) && (u->shape == SH_INITIAL || u->klass != K_C);
}

/* "Liban Yusuf Solicitors", "Jane Hughes Associates": a firm named by a
 * forename and surname carries a person's name; "Hughes Solicitors",
 * "Hughes Primary", "Patel Road" name no one in particular. */
static int firm_of_person(struct scan *sc, size_t a, size_t b, const struct tok *after)
{
	if (b <= a || !(tok(sc, a)->lex & LEX_FORENAME))
		return 0;
	return word_in_list(sc, after, FIRM_END);
}


/*
 * The words after token a say it is a person: an age in brackets ("Poppy
 * (7)"), a date-of-birth cue ("Mason, DoB ..."), or a verb people do
 * ("Lily goes to", "Mason has seen the abuse", "Harry was born").
 * Lets a forename that is also a common word count at a sentence start.
 */
static int person_context(struct scan *sc, size_t a)
{
	static const char *const ACT[] = {
		"said", "says", "told", "tells", "started", "starts", "attends", "attended",
		"lives", "lived", "goes", "went", "stays", "stayed", "reports", "reported",
		"disclosed", "discloses", "states", "stated", "wants", "wanted", "rang", "texted",
		"messaged", "asked", "explained", "confirmed", "denied", "admitted", "spoke",
		"visited", "cried", "screamed", "shouted", "witnessed", "saw", "heard", "now",
		"arrived", "returned", "moved", "works", "worked", NULL};
	static const char *const AUX[] = {"has", "had", "was", "is", NULL};
	static const char *const AFTER_AUX[] = {
		"seen", "been", "told", "said", "disclosed", "witnessed", "heard", "born",
		"present", "staying", "living", "attending", "posting", "scared", "frightened",
		"crying", "pregnant", "started", "moved", "asked", "refused", "gone", NULL};
	static const char *const DOB[] = {"dob", "born", "aged", "age", NULL};
	const struct tok *t = tok(sc, a), *u = tok(sc, a + 1), *v = tok(sc, a + 2);

	if (u == NULL || t->poss)
		return 0;
	if (u->shape == SH_NUM && u->end - u->start <= 2 && u->start > 0 &&
	    sc->s[u->start - 1] == '(')
		return 1;
	if (!(u->gap & ~G_COMMA) && (word_in_list(sc, u, DOB) ||
				    (u->shape == SH_INITIAL && (sc->s[u->start] | 0x20) == 'd' && v &&
				     (sc->s[v->start] | 0x20) == 'o')))
		return 1;
	if (u->gap || u->shape != SH_LOWER)
		return 0;
	if (word_in_list(sc, u, ACT))
		return 1;
	/* "has seen" is something people do; "was seen" may be a mark */
	if (v == NULL || v->gap || !word_in_list(sc, u, AUX) || !word_in_list(sc, v, AFTER_AUX))
		return 0;
	return word_is(sc, u, "has") || word_is(sc, u, "had") ||
	       !(word_is(sc, v, "seen") || word_is(sc, v, "been"));
}

/*
 * Typed in lower case, a known forename (no common word: the lexicon is
 * asked here, as lower-case tokens carry no bits) doing what people do:
 * "yeh darren rang police", "kyle said hes coming" (person_context).
 */
static int rule_lower_actor(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i);
	unsigned b = lex_classify(sc->s + t->start, t->end - t->start);
	if (!(b & LEX_FORENAME) || (b & CUEBITS) || classify(b, t->nletters) != K_S ||
	    !person_context(sc, i))
		return 0;
	*next = i + 1;
	return emit(sc, out, t, t, "cue:lower-actor") ?: 1;
}

/* Token t is glued to a reference's digits: "HU-20260207-0331". */
static int ref_prefix(const struct scan *sc, const struct tok *t)
{
	size_t e = t->end;
	return e + 1 < sc->n && (sc->s[e] == '-' || sc->s[e] == '/') &&
	       sc->s[e + 1] >= '0' && sc->s[e + 1] <= '9';
}

/*
 * s39-never: a word no list knows opening a sentence (or after a
 * capitalised adverb: "Then <Name> said") and doing what people do: "Fenella
 * said she was fine", "Kyran went back". Organisations "said" too, but the
 * ones a note names are in the lists (allow-listed, agencies); a person's
 * verbs only (not "confirmed", "reported", "stated": a service's too).
 */
static int unknown_actor(struct scan *sc, size_t a, size_t b)
{
	static const char *const DOES[] = {
		"said", "says", "told", "tells", "disclosed", "discloses", "cried", "screamed",
		"shouted", "texted", "messaged", "rang", "lives", "lived", "went", "came", "wants",
		"wanted", "asked", "admitted", "denied", "witnessed", "saw", "heard", "arrived",
		"returned", "moved", "works", "worked", "spoke", "hit", "punched", "kicked",
		"threatened", "grabbed", "pushed", NULL};
	const struct tok *t = tok(sc, a), *u = tok(sc, b + 1), *p = a ? tok(sc, a - 1) : NULL;
	if (a != b || t->klass != K_U || t->shape != SH_CAP || t->caps || t->nletters < 3 ||
	    t->nletters > 12 || u == NULL || u->gap || u->shape != SH_LOWER || !word_in_list(sc, u, DOES))
		return 0;
	for (size_t k = t->start + 1; k < t->end; k++)
		if (sc->s[k] >= 'A' && sc->s[k] <= 'Z')
			return 0; /* "iPhone", "RoSH": a brand's or an acronym's capitals */
	if (sentence_start(sc, a))
		return 1;
	return p != NULL && !t->gap && p->shape == SH_CAP && sentence_start(sc, a - 1) &&
	       (p->lex & LEX_FUNCTION) && !(p->lex & (LEX_PLACE | LEX_FORENAME | LEX_SURNAME));
}

/*
 * A first name in no list, alone: "a child he does not see - Kyran, ...",
 * "was with Tayshawn at the time". In mixed-case text a capitalised word
 * that no list knows (neither a common word, nor allow-listed, nor a name),
 * standing apart from other capitalised words and not starting a sentence,
 * is a proper noun; after a preposition of place ("in Armthorpe", "at
 * Balby", "went to Kirkby") or a determiner ("the Nunsthorpe") a place,
 * else ("seen by Kyran", "spoke to Kyran") a person.
 */
static int lone_unknown(struct scan *sc, size_t a, size_t b)
{
	static const char *const PLACE_PREP[] = {
		"in", "at", "on", "from", "near", "towards", "toward", "via", "around", "of",
		"into", "outside", "behind", "past", "across", "through", "round", "off", "over",
		"the", "a", "an", "to", NULL};
	/* "spoke to Kyran", "according to Kyran": "to" after a word of
	 * speaking or giving leads to a person, else often a place */
	static const char *const TO_PERSON[] = {
		"according", "spoke", "speak", "speaking", "spoken", "talked", "talk", "talking",
		"said", "says", "say", "explained", "reported", "disclosed", "introduced", "married",
		"engaged", "related", "sent", "gave", "given", "passed", "handed", "texted",
		"messaged", "wrote", "replied", "referred", "known", "lent", "owes", "owed", "close",
		"next", "belongs", "belonged", "sister", "brother", "mother", "father", NULL};
	const struct tok *t = tok(sc, a), *p = a ? tok(sc, a - 1) : NULL, *u = tok(sc, b + 1);
	/* a forename is short; "Gloam2", "Ash77" are handles or references */
	if (a != b || t->klass != K_U || t->shape != SH_CAP || t->caps || t->nletters < 3 ||
	    t->nletters > 12 || (t->end < sc->n && ar_is_alnum((unsigned char)sc->s[t->end])))
		return 0;
	/* "RoSH", "iPhone", "PoCA": capitals inside are an acronym's or a
	 * brand's ("McTavish", "MacNeil" are names) */
	size_t k = t->start + 1;
	if (t->end - t->start > 3 && (sc->s[k] == 'c' || (sc->s[k] == 'a' && sc->s[k + 1] == 'c')))
		k += sc->s[k] == 'c' ? 2 : 3;
	for (; k < t->end; k++)
		if (sc->s[k] >= 'A' && sc->s[k] <= 'Z' && sc->s[k - 1] != '\'')
			return 0; /* (after an apostrophe: "D'Souza", "N'Golo") */
	/* not starting a sentence, a line or a list item ("o Teh ...") */
	if (p == NULL || (t->gap & (G_STOP | G_NL | G_PERIOD | G_COLON | G_QUOTE)) ||
	    (p->nletters < 2 && p->shape != SH_NUM))
		return 0;
	if (capish(p) || (word_in_list(sc, p, PLACE_PREP) &&
			  !(word_is(sc, p, "to") && a >= 2 && !p->gap &&
			    word_in_list(sc, tok(sc, a - 2), TO_PERSON))))
		return 0;
	/* "takes Naproxen", "was using Xanax", "plays Fortnite", "attends
	 * Kumon": the object of taking, using, playing or attending is a thing */
	static const char *const THING_VERB[] = {
		"take", "takes", "taking", "took", "taken", "prescribed", "prescribe", "use", "uses",
		"using", "used", "smoke", "smokes", "smoking", "smoked", "drink", "drinks",
		"drinking", "drank", "inject", "injects", "injecting", "sniff", "snorting", "play",
		"plays", "playing", "played", "watch", "watches", "watching", "watched", "attend",
		"attends", "attending", "attended", "joined", "join", "joins", "bought", "buy",
		"buys", "ordered", "downloaded", "installed", "sells", "selling", "sold", "dealing",
		"supplying", "supplied", "speaks", "speak", "speaking", "fluent", NULL};
	if (word_in_list(sc, p, THING_VERB))
		return 0;
	/* "Grindr and Badoo", "Lidl or Farmfoods", "Badoo and Tinder",
	 * "takes Co-codamol and Naproxen": joined to a capitalised word that is
	 * no name (a brand, a place) or was a thing itself, the same */
	const struct tok *pp = a >= 2 ? tok(sc, a - 2) : NULL, *uu = tok(sc, b + 2);
	if (pp && !p->gap && !t->gap && (word_is(sc, p, "and") || word_is(sc, p, "or")) &&
	    capish(pp) && pp->shape != SH_INITIAL && !(pp->lex & CUEBITS) &&
	    (pp->klass == K_C ||
	     (pp->klass == K_U && a >= 3 && word_in_list(sc, tok(sc, a - 3), THING_VERB))))
		return 0;
	if (uu && u && !u->gap && !uu->gap && (word_is(sc, u, "and") || word_is(sc, u, "or")) &&
	    capish(uu) && uu->klass == K_C && uu->shape != SH_INITIAL && !(uu->lex & CUEBITS) &&
	    !(uu->lex & LEX_FUNCTION))
		return 0;
	static const char *const PLACE_AFTER[] = {
		"area", "estate", "town", "village", "city", "district", "side", "way", "branch",
		"office", "site", "road", "street", "park", NULL};
	if (u && !u->gap && (capish(u) || word_in_list(sc, u, PLACE_AFTER)))
		return 0; /* "Fenwick area", "Brackley estate": a place */
	/* "report Quellby police station", "Tolvenny probation office",
	 * "conveyed to Brackenmoor custody", "bailed by Tolvenny\nMagistrates"
	 * (a line wrapped): a public service's building or court after its
	 * town's name */
	static const char *const SERVICE[] = {"police", "probation", "council", "housing", NULL};
	static const char *const SERVICE_SITE[] = {"station", "office", "offices", "custody",
						   "team", "hub", "centre", "court", NULL};
	static const char *const COURT[] = {"custody", "magistrates", "magistrates'", NULL};
	if (u && !(u->gap & ~G_NL) && word_in_list(sc, u, COURT))
		return 0;
	if (u && !u->gap && uu && !uu->gap && word_in_list(sc, u, SERVICE) &&
	    word_in_list(sc, uu, SERVICE_SITE))
		return 0;
	return 1;
}

/* A word of a list that names people: a known or unknown name. */
static int list_name(const struct tok *u)
{
	return u && capish(u) && !u->caps && u->shape == SH_CAP &&
	       (u->klass == K_S || (u->klass == K_U && u->nletters >= 3) ||
		(u->klass == K_W && (u->lex & LEX_FORENAME)));
}

/*
 * s41-never: a forename that is also a word after a slash and a name,
 * the second of two workers on a visit ("07:40-08:15 Lisa W / Precious:
 * bruise noted"): the slash joins people, as "and" does.
 */
static int slash_after_name(struct scan *sc, size_t a)
{
	const struct tok *t = tok(sc, a), *p = a ? tok(sc, a - 1) : NULL;
	if (p == NULL || t->gap != G_OTHER || !(t->lex & LEX_FORENAME) || t->nletters < 3)
		return 0;
	for (size_t k = p->end; k < t->start; k++)
		if (sc->s[k] != ' ' && sc->s[k] != '/')
			return 0;
	if (memchr(sc->s + p->end, '/', t->start - p->end) == NULL)
		return 0;
	if (p->shape == SH_INITIAL && a >= 2 && !p->gap)
		p = tok(sc, a - 2); /* "Lisa W / Precious" */
	return p != NULL && (list_name(p) || (p->lex & LEX_FORENAME));
}

/*
 * "Present: Tegan, Jordan and baby Ellis", "Chelsea and Kayden": a forename
 * that is also a place or a country (allow-listed) is a name in a list of
 * other names: the word before or after it, across a comma or "and", is one.
 */
static int listed_with_names(struct scan *sc, size_t a)
{
	const struct tok *t = tok(sc, a), *p = a ? tok(sc, a - 1) : NULL, *u = tok(sc, a + 1);
	if (p && t->gap == G_COMMA && list_name(p))
		return 1;
	if (p && !t->gap && word_is(sc, p, "and") && a >= 2 && !p->gap && list_name(tok(sc, a - 2)))
		return 1;
	if (u && u->gap == G_COMMA && list_name(u))
		return 1;
	return u && !u->gap && word_is(sc, u, "and") && !t->poss && list_name(tok(sc, a + 2)) &&
	       !tok(sc, a + 2)->gap;
}

/* Letters mixing cases and ending in a capital after a lower-case letter
 * ("PoP", "SoS", "DoH"): an abbreviation; no name is written so. */
static int abbrev_shape(const struct scan *sc, const struct tok *u)
{
	const unsigned char *c = (const unsigned char *)sc->s + u->start;
	size_t n = u->end - u->start;
	return n >= 3 && n <= 5 && c[n - 1] >= 'A' && c[n - 1] <= 'Z' && c[n - 2] >= 'a' &&
	       c[n - 2] <= 'z' && c[0] >= 'A' && c[0] <= 'Z';
}

/*
 * "07700 900171 (Chipo Ndlovu)": whose number it is, in brackets straight
 * after it. Tokens a..b fill the bracket, each a capitalised word that may
 * be a name (no list's common or allow-listed word: "(Leeds Police)" is
 * no one), and the token before the bracket is a number.
 */
static int number_owner(struct scan *sc, size_t a, size_t b)
{
	const struct tok *f = tok(sc, a), *l = tok(sc, b), *p = a ? tok(sc, a - 1) : NULL;
	if (p == NULL || p->shape != SH_NUM || f->start == 0 || sc->s[f->start - 1] != '(' ||
	    l->end >= sc->n || sc->s[l->end] != ')')
		return 0;
	for (size_t k = a; k <= b; k++) {
		const struct tok *u = tok(sc, k);
		if (u->shape != SH_CAP || u->klass == K_C || u->klass == K_A || (u->lex & CUEBITS))
			return 0;
	}
	return 1;
}

/* A run of capitalised name words at i, judged by the lexicon. */
static int rule_run(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	size_t a = i, b = i;
	const struct tok *t = tok(sc, i);
	int caps = t->caps, took_common = 0;

	if (!run_member(t) || month_after_day(sc, i))
		return 0; /* (s31: "On 29 Jan <Name> wrote:": the run starts after) */
	while (b < i + RUN_MAX) {
		const struct tok *p = tok(sc, b), *u = tok(sc, b + 1);
		if (u == NULL || p->poss)
			break;
		size_t q = quoted_nickname(sc, b + 1);
		if (q && q <= i + RUN_MAX && run_member(p) && p->shape != SH_INITIAL) {
			b = q;
			continue;
		}
		if (!name_gap(p, u) || u->caps != caps)
			break;
		if (u->shape != SH_INITIAL && (u->lex & LEX_PARTICLE) && u->klass == K_C) {
			size_t k = bridge(sc, b + 1);
			if (k == 0 || k > i + RUN_MAX)
				break;
			b = k;
			continue;
		}
		if (!run_member(u)) {
			if (common_surname(sc, b + 1, 0))
				b++, took_common = 1;
			break;
		}
		b++;
	}
	size_t skip = b + 1;
	/* "MAHAD B. 12-02-1991", "Jo D.O.B. 3/4/91": letters before a number
	 * are "born" and "date of birth", not initials */
	if (b >= i + 3 && tok(sc, b)->shape == SH_INITIAL && tok(sc, b - 1)->shape == SH_INITIAL &&
	    tok(sc, b - 2)->shape == SH_INITIAL && (sc->s[tok(sc, b - 2)->start] | 0x20) == 'd' &&
	    (sc->s[tok(sc, b - 1)->start] | 0x20) == 'o' && (sc->s[tok(sc, b)->start] | 0x20) == 'b')
		b -= 3; /* "YUSUF D.O.B. THE 5TH" */
	if (tok(sc, b + 1) && tok(sc, b + 1)->shape == SH_NUM)
		while (b > i && tok(sc, b)->shape == SH_INITIAL)
			b--;

	/* Places: "Patel Road", "Hughes Primary", "St Helens" */
	const struct tok *after = tok(sc, b + 1);
	if (after && !after->gap && capish(after) && (after->lex & (LEX_STREET | LEX_INSTITUTION)) &&
	    !tok(sc, b)->poss && !firm_of_person(sc, i, b, after))
		goto none;
	if (i > 0) {
		const struct tok *p = tok(sc, i - 1);
		/* (s44-never: "ST" in capitals before a name in small letters
		 * is a worker's role, "ST Gemma Ashworth", not a saint) */
		if (p && !(t->gap & ~G_PERIOD) && (word_is(sc, p, "st") || word_is(sc, p, "saint")) &&
		    !(p->shape == SH_UPPER && p->nletters == 2 && t->shape == SH_CAP && !t->caps && b > i))
			goto none;
	}
	/* At a sentence start, "Will", "May", "Did" are verbs and "A", "I"
	 * are not initials: the words after get their own turn. */
	/* In capitals, "A" and "I" are words anywhere ("SEEN IN A FOX COSTUME") */
	int ss = sentence_start(sc, i);
	/* (s55: "IDVA: A. Farrow": after a label's colon an initial and its
	 * dot are one) */
	int label_initial = t->shape == SH_INITIAL && tok(sc, i + 1) &&
			    (tok(sc, i + 1)->gap & G_PERIOD) && label_colon(sc, t) && initial_cue(sc, i);
	if ((ss && (t->lex & (LEX_MODAL | LEX_FUNCTION)) && !label_initial) ||
	    ((ss || t->caps) && t->shape == SH_INITIAL && strchr("AI", sc->s[t->start]) &&
	     !(tok(sc, i + 1) && (tok(sc, i + 1)->gap & G_PERIOD)))) {
		skip = i + 1;
		goto none;
	}
	/* "AB 12 34 56 C. Jane": a letter right after a digit run ends an
	 * identifier (an NI suffix, a flat letter); it is no initial */
	while (a < b && tok(sc, a)->shape == SH_INITIAL && a > 0 && tok(sc, a - 1) &&
	       tok(sc, a - 1)->shape == SH_NUM && tok(sc, a)->gap == 0)
		a++;
	if (caps) {
		/* "NFA DARREN SMITH": leading unknown words are acronyms */
		while (a < b && tok(sc, a)->klass == K_U)
			a++;
	}
	/* "PoP Siddiqui", "PoP HADDAD": a shorthand that ends in a capital
	 * after a lower-case letter (person on probation) is a role, never a
	 * forename; the name starts after it, so a subject's surname there is
	 * the subject's and no third party's. Only before a listed name: an
	 * unknown word after it is judged with it, as before ("PoP Zbyszko"). */
	while (a < b && abbrev_shape(sc, tok(sc, a)) &&
	       (tok(sc, a + 1)->klass == K_S || tok(sc, a + 1)->klass == K_W))
		a++;
	/* s41-never: "OMU S. Lindqvist", "COM D. Ofori": in mixed case a
	 * unit's or role's capitals before a person's initial are no part of
	 * the name; the name starts at the initial */
	if (!caps && a + 1 < b && tok(sc, a)->shape == SH_UPPER && tok(sc, a)->klass == K_U &&
	    tok(sc, a)->nletters <= 4 && tok(sc, a + 1)->shape == SH_INITIAL)
		a++;

	/* "HMP <Name>", "HMYOI <Name>": a prison's name */
	if (a > 0 && !tok(sc, a)->gap &&
	    (word_is(sc, tok(sc, a - 1), "hmp") || word_is(sc, tok(sc, a - 1), "hmyoi")))
		goto none;
	int has_s = 0, has_w = 0, any_upper = 0, words = 0;
	for (size_t k = a; k <= b; k++) {
		const struct tok *u = tok(sc, k);
		if (u->shape == SH_INITIAL)
			continue;
		/* "Royal <Town>", "ED Royal <Town>": a hospital, a charter's
		 * body ("Royal Mail"); no one in a UK note is called Royal */
		if (a < b && word_is(sc, u, "royal"))
			goto none;
		words++;
		has_s |= u->klass == K_S;
		has_w |= u->klass == K_W;
		any_upper |= u->shape == SH_UPPER;
	}
	const struct tok *first = tok(sc, a), *last = tok(sc, b);
	/* s57: a name before a doctrine's or a test's word is the law's
	 * ("assessed under the Fraser guidelines", "Fraser competent", "the
	 * Bolam test"), no one in the case */
	if (a == b && words == 1) {
		static const char *const DOCTRINE[] = {"guidelines", "guideline", "competence",
						       "competent", "principles", "principle", "test",
						       "ruling", NULL};
		const struct tok *v = tok(sc, b + 1);
		if (v && !v->gap && v->shape == SH_LOWER && word_in_list(sc, v, DOCTRINE))
			goto none;
	}
	/* "SU", "DAS", "SI/plans": in mixed-case text a lone word of at most
	 * three capitals is an acronym (service user, a service, suicidal
	 * ideation), not the surname it may also be; "HU-20260207-0331",
	 * "SMITH/1234": letters glued to a reference's digits are its prefix */
	if (a == b && words == 1 &&
	    ((first->shape == SH_UPPER && !caps && first->nletters <= 3) || ref_prefix(sc, first)))
		goto none;
	/* "Practice IRIS advocate", "the MARAC team", "SWAN worker": in mixed
	 * case a word in capitals before a service's role or kind is that
	 * service's acronym, no surname */
	if (a == b && words == 1 && first->shape == SH_UPPER && !caps && first->nletters <= 6) {
		static const char *const ROLEN[] = {"advocate", "advocates", "worker", "workers",
						    "team", "service", "referral", "clinic", "programme",
						    "project", "form", "meeting", "coordinator",
						    "co-ordinator", "lead", "practitioner", "assessment",
						    "caseworker", "officer", "scheme", NULL};
		const struct tok *v = tok(sc, b + 1);
		if (v && !v->gap && v->shape == SH_LOWER && word_in_list(sc, v, ROLEN))
			goto none;
	}
	/* "Rosalind House", "Ottoline House": a forename or surname and
	 * "House" is a building's name (a hostel, a unit, a charity's);
	 * "House" as a surname is too rare to read it as one. After
	 * "premises" ("Approved premises: <Name> House"), the house is where
	 * he was released to live: left to this rule, withheld as before */
	if (a + 1 == b && words == 2 && last->shape == SH_CAP && !caps && word_is(sc, last, "house") &&
	    first->shape == SH_CAP && !(a >= 1 && word_is(sc, tok(sc, a - 1), "premises")) &&
	    !(a >= 2 && word_is(sc, tok(sc, a - 2), "premises")))
		goto none;
	/* A place-name run ending in a street word and holding no strong
	 * name: "Green Lane", "Grange Court" */
	if ((last->lex & (LEX_STREET | LEX_INSTITUTION)) && !has_s &&
	    !(a < b && (first->lex & LEX_FORENAME) && (last->lex & LEX_SURNAME)) &&
	    /* s57-never: nor an initial and its stop where a name opens ("seen
	     * by T. Green", "(A. Nowak, T. Green)"), nothing capitalised after */
	    !(a + 1 == b && first->shape == SH_INITIAL && last->gap == G_PERIOD &&
	      (last->lex & LEX_SURNAME) && initial_cue(sc, a) && !(after && !after->gap && capish(after))))
		goto none; /* "Mark Green" stays a person */
	/* "seen at Elsie Whitfield ED": in mixed case, "ED" (or "A&E") closing
	 * a run of capitalised words is a hospital's emergency department and
	 * the words before it the hospital's name (many are named after a
	 * person), no one's; "Mark JONES ED" (a surname in capitals) is not
	 * read so. The whole run is passed over. */
	int ed = words >= 3 && last->shape == SH_UPPER && last->nletters == 2 &&
		 last->end - last->start == 2 && memcmp(sc->s + last->start, "ED", 2) == 0;
	/* "<Name> <Name> A&E": the "A" is read as an initial */
	int ae = words >= 2 && last->shape == SH_INITIAL && last->end - last->start == 1 &&
		 sc->s[last->start] == 'A' && last->end + 2 <= sc->n && sc->s[last->end] == '&' &&
		 sc->s[last->end + 1] == 'E';
	if (!caps && (ed || ae) && tok(sc, b - 1)->shape == SH_CAP && tok(sc, a)->shape == SH_CAP) {
		skip = b + 1;
		goto none;
	}
	/* "Officers (OSCAR 21) arrived": a word of the phonetic alphabet in
	 * capitals before a number is a unit's call sign, no one's name */
	if (a == b && first->shape == SH_UPPER && word_in_list(sc, first, NATO)) {
		const struct tok *v = tok(sc, b + 1);
		if (v && v->shape == SH_NUM && !v->gap && v->end - v->start <= 3)
			goto none;
	}
	const char *rule = NULL;
	if (has_s) {
		rule = caps ? "caps:name"
		       : words == 1 ? "lex:name"
		       : any_upper && last->shape == SH_UPPER ? "form:forename+SURNAME"
			 : "lex:forename+surname";
	} else if (words >= 2) {
		/* "Grace Young", "MARK GREEN": a forename, then a surname */
		size_t k = a;
		while (tok(sc, k)->shape == SH_INITIAL)
			k++;
		const struct tok *f = tok(sc, k);
		int fore = (f->klass == K_W || f->klass == K_A) && (f->lex & LEX_FORENAME);
		if (f->klass == K_A && (f->lex & LEX_ALLOW) && !has_w &&
		    /* s56-never: a month's forename where a name opens, a
		     * surname after it ("compiled by Jan Bullimore", "to
		     * April Kerr") */
		    !(b == k + 1 && k == a && initial_cue(sc, a) &&
		      (word_in_list(sc, f, MON) || word_is(sc, f, "april") ||
		       word_is(sc, f, "june") || word_is(sc, f, "august")) &&
		      (tok(sc, b)->klass == K_U ||
		       (tok(sc, b)->klass == K_S && (tok(sc, b)->lex & LEX_SURNAME))) &&
		      !(tok(sc, b)->lex & (LEX_COMMON | LEX_ALLOW))))
			fore = 0; /* "May Day" */
		int sur = 0, known_sur = 0;
		for (size_t m = k + 1; m <= b; m++) {
			const struct tok *u = tok(sc, m);
			sur |= (u->lex & LEX_SURNAME) || (u->klass == K_U && u->nletters >= 3);
			known_sur |= u->klass == K_S && (u->lex & LEX_SURNAME);
		}
		/* s41-never: a forename no list knows before a surname one does
		 * ("Kunle Adebayo and Dapo Adebayo"): the surname says a person */
		if (!fore && f->klass == K_U && f->nletters >= 3 && f->shape == SH_CAP && known_sur &&
		    b == k + 1)
			fore = 1;
		if (fore && (sur || took_common))
			rule = caps ? "caps:name" : "lex:forename+surname";
	} else if (words == 1 && first->shape == SH_INITIAL && a < b) {
		/* "J Smith", "A. Khan" */
		const struct tok *u = tok(sc, b);
		/* s31-never: a forename after an initial is a surname too
		 * ("R. Joy, Vulnerability Manager"); not a modal ("A. Will") */
		const struct tok *nx = tok(sc, b + 1);
		if ((u->lex & LEX_SURNAME) || u->klass == K_U || took_common ||
		    ((u->lex & LEX_FORENAME) && !(u->lex & LEX_MODAL) && u->nletters >= 3 &&
		     !(nx != NULL && !nx->gap && capish(nx))))
			rule = "lex:initial+surname"; /* (not "Q. Devon County Council") */
	} else if (words == 1 && a == b && first->klass == K_W && !caps &&
		   (first->shape == SH_CAP || first->shape == SH_UPPER) &&
		   (!sentence_start(sc, a) || slash_after_name(sc, a)) &&
		   !(first->lex & (LEX_STREET | LEX_INSTITUTION | CUEBITS | LEX_MODAL))) {
		/* "told Sue", "spoke to Grace": a common word capitalised mid-
		 * sentence and standing alone is a name; "Early Help", "the
		 * Green", "9th May" are not */
		const struct tok *p = tok(sc, a - 1), *u = tok(sc, a + 1);
		/* a capitalised common word starting the sentence ("Both Maria
		 * and ...") does not make a phrase */
		int lead = p && !first->gap && capish(p) &&
			   !(p->klass == K_C && sentence_start(sc, a - 1));
		/* (a place's name wrapped onto the next line goes on the
		 * phrase: "<Town> and West\n<City> NHS Trust") */
		int wrapped = u && u->gap == G_NL && capish(u) && (u->lex & LEX_PLACE);
		int alone = !(u && !u->gap && capish(u)) && !wrapped && !lead &&
			    !(p && (determiner(sc, p) || p->shape == SH_NUM));
		/* "Art. 6 Criminal Justice (NI) Order", "Reg. 4": a word cut
		 * short with a full stop before a number cites a provision */
		if (u && u->gap == G_PERIOD && u->shape == SH_NUM)
			alone = 0;
		if (alone)
			rule = "lex:common-name";
	} else if (words == 1 && a == b && first->klass == K_W && !caps && first->nletters >= 4 &&
		   (first->lex & LEX_FORENAME) && sentence_start(sc, a) &&
		   !(first->lex & (LEX_STREET | LEX_INSTITUTION | CUEBITS | LEX_MODAL)) &&
		   person_context(sc, a)) {
		/* "Mason has seen the abuse.", "Poppy (7) started at ..."; not
		 * the shortest words ("Dot said" may be an e-mail's "dot") */
		rule = "lex:common-name+context";
	} else if (words == 1 && a == b && first->klass == K_W && !caps && first->nletters == 3 &&
		   first->shape == SH_CAP && (first->lex & LEX_FORENAME) && sentence_start(sc, a) &&
		   !(first->lex & (LEX_STREET | LEX_INSTITUTION | CUEBITS | LEX_MODAL)) &&
		   tok(sc, a + 1) != NULL && !tok(sc, a + 1)->gap && word_is(sc, tok(sc, a + 1), "from") &&
		   tok(sc, a + 2) != NULL && !(tok(sc, a + 2)->gap & ~G_OTHER) && capish(tok(sc, a + 2))) {
		/* s34: "Rob from <Firm> fitted the locks": a short forename
		 * that is a word, starting a sentence, before "from" and an
		 * organisation's name */
		rule = "lex:common-name+from";
	}
	if (rule == NULL && lone_unknown(sc, a, b))
		rule = "lex:unknown-alone";
	if (rule == NULL && unknown_actor(sc, a, b))
		rule = "lex:unknown-actor";
	if (rule == NULL && a == b && words == 1 && first->klass == K_A && !caps &&
	    first->shape == SH_CAP && (first->lex & LEX_FORENAME) && listed_with_names(sc, a) &&
	    !month_not_name(sc, first) &&
	    !(tok(sc, a + 1) && !tok(sc, a + 1)->gap && agency_word(sc, tok(sc, a + 1))))
		rule = "lex:name-in-list"; /* (not "Since September, Kayden ...", nor
					    * "<Name>, Lincoln PDU, Probation": an agency's town) */
	if (rule == NULL && !caps && words >= 2 && words <= 3 && number_owner(sc, a, b))
		rule = "cue:number-owner";
	/* "his uncles Big Paddy and ...", "Little Mo": an adjective of size
	 * or age before a forename, mid-sentence, is a nickname with it */
	if (!caps && a == b && words == 1 && a > 0 && (first->lex & LEX_FORENAME) &&
	    !first->gap && first->shape == SH_CAP && (rule == NULL || first->klass == K_S)) {
		static const char *const NICK[] = {"big", "little", "lil", "wee", "young", "old",
						   "fat", "mad", NULL};
		const struct tok *p = tok(sc, a - 1);
		if (p && p->shape == SH_CAP && !p->caps && word_in_list(sc, p, NICK) &&
		    !sentence_start(sc, a - 1)) {
			first = p;
			rule = rule ? rule : "lex:nickname";
		}
	}
	if (rule == NULL)
		goto none;
	*next = b + 1;
	/* s39-never: "Pat and Ken Hardcastle", "Grace and Tom Lowe": a couple
	 * named by two forenames and the surname they share; the first
	 * forename is a person too, common word or not */
	if (words >= 2 && !caps && a >= 2 && (first->lex & LEX_FORENAME)) {
		const struct tok *an = tok(sc, a - 1), *f0 = tok(sc, a - 2);
		int r = 0;
		if (an != NULL && f0 != NULL && !first->gap && !an->gap && word_is(sc, an, "and") &&
		    f0->shape == SH_CAP &&
		    (f0->lex & LEX_FORENAME) && !(f0->lex & (LEX_MODAL | LEX_FUNCTION | CUEBITS)) &&
		    !month_not_name(sc, f0) && (r = emit(sc, out, f0, f0, "lex:couple")) != 0)
			return r;
	}
	return emit(sc, out, first, last, rule) ?: 1;
none:
	*next = skip > i ? skip : i + 1;
	return 0;
}

/*
 * A sign-off at i ("Kind regards,\nBethany", "Thanks, Zaynab", "Best
 * wishes\n\nOluwaseun") or a greeting ("Hi Zaynab,", "Dear Tegwen"): the
 * capitalised word after it is a name even when no list knows it or it is
 * a common forename ("Cheers,\nGrace"), and after a sign-off any common
 * word alone on its line ("Cheers\nSully"). Names the lexicon knows are
 * left to the run rule; a common word that is no forename in a phrase
 * ("Thanks, Safeguarding team", "Hi all") is nobody.
 */
/* s49-never: a greeting in small letters to a forename that is no word
 * ("hi tomasz sorry i didnt come"; not "hi hun", "hi dawn"). */
static int rule_greet_lower(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	static const char *const GREET[] = {"hi", "hello", "dear", "hiya", "hey", NULL};
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1);
	if (u == NULL || u->shape != SH_LOWER || u->gap != 0 || u->nletters < 3 ||
	    !word_in_list(sc, t, GREET))
		return 0;
	/* (a word in small letters has no bits but a cue's: look it up) */
	unsigned b = lex_classify(sc->s + u->start, u->end - u->start);
	if (!(b & LEX_FORENAME) ||
	    (b & (LEX_COMMON | LEX_FUNCTION | LEX_MODAL | CUEBITS | LEX_ALLOW | LEX_PLACE)))
		return 0;
	*next = i + 2;
	return emit(sc, out, u, u, "cue:sign-off") ?: 1;
}

static int rule_signoff(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	static const char *const SIGN[] = {"regards", "thanks", "wishes", "cheers", "sincerely",
					   "faithfully", "warmly", "best", "rgds", "thx", "ta", NULL};
	static const char *const GREET[] = {"hi", "hello", "dear", "hiya", NULL};
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1), *v = tok(sc, i + 2);
	if (u == NULL || t->poss || !capish(u) || u->shape == SH_INITIAL ||
	    (u->gap & (G_PERIOD | G_COLON | G_QUOTE | G_OTHER)) || (u->lex & CUEBITS))
		return 0; /* "Dear Sir", "Hi Mum" */
	/* alone on the line after the sign-off ("Cheers\nSully"): even a
	 * common word that is no function, cue or allow-listed word */
	int own_line = (u->gap & G_NL) && (v == NULL || (v->gap & G_NL)) && u->klass == K_C &&
		       !u->caps && u->shape == SH_CAP && u->nletters >= 2 &&
		       !(u->lex & (LEX_ALLOW | LEX_FUNCTION | LEX_MODAL | CUEBITS | LEX_STREET |
				   LEX_INSTITUTION | LEX_PARTICLE));
	/* "Hi Gem,\n": a greeting's own line, a capitalised word and a
	 * comma: the reader's name, even a common word, unless it names a
	 * group ("Hi all,", "Dear Colleagues,") */
	static const char *const GROUP[] = {"all", "team", "everyone", "everybody", "both",
					    "colleague", "colleagues", "sir", "madam", "there",
					    "guys", "folks", "chair", "panel", "members", "partners",
					    "friends", "marac", NULL};
	int greet_line = word_in_list(sc, t, GREET) && u->klass == K_C && u->shape == SH_CAP &&
			 !u->caps && u->nletters >= 2 && v && (v->gap & G_COMMA) && (v->gap & G_NL) &&
			 !(u->lex & (LEX_FUNCTION | LEX_MODAL | CUEBITS | LEX_ALLOW)) &&
			 !word_in_list(sc, u, GROUP);
	if (!own_line && !greet_line &&
	    !(u->klass == K_U || ((u->klass == K_W || u->klass == K_A) && (u->lex & LEX_FORENAME))))
		return 0;
	if (u->klass == K_U && (u->nletters < 2 || (u->shape == SH_UPPER && !u->caps)))
		return 0; /* "Thanks, IDVA": an acronym */
	if (word_in_list(sc, t, GREET)) {
		/* "Hi Zaynab,", "Dear Tegwen\n": the name ends the greeting */
		if (own_line || (u->gap & G_NL) || (v && !(v->gap & (G_COMMA | G_NL | G_STOP))))
			return 0;
	} else if (!word_in_list(sc, t, SIGN)) {
		return 0;
	}
	size_t last = extend(sc, i + 1);
	*next = last + 1;
	return emit(sc, out, u, tok(sc, last), "cue:sign-off") ?: 1;
}

/*
 * Who did a form's or a log's work, after the participle and "by": a
 * forename and a surname ("Completed by: <Name> <Name>, Named Midwife",
 * "Reviewed by <Name> <Name>"), even words no list knows, the name the
 * form asks for ("Martins" a surname though a chain of shops too). Not an
 * agency, a place, an institution, an allow-listed word that is no name
 * ("Prepared by Quellby Council"), nor the first two words of a
 * longer capitalised run ("Reviewed by Bright Horizons Nursery").
 */
static int rule_done_by(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	static const char *const DONE[] = {
		"completed", "written",  "prepared", "reviewed",  "authorised", "authorized",
		"approved",  "entered",  "recorded", "submitted", "signed",     "compiled",
		"drafted",   "actioned", "dictated", "verified",  "countersigned", "screened",
		"triaged",   "assessed", NULL};
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1), *v = tok(sc, i + 2),
			 *w = tok(sc, i + 3), *x = tok(sc, i + 4);
	/* ("by" before the list: most words are followed by no "by") */
	if (u == NULL || v == NULL || w == NULL || u->gap || !word_is(sc, u, "by") ||
	    !word_in_list(sc, t, DONE) || (v->gap & ~(G_COLON | G_STOP)) ||
	    (v->gap && !(v->gap & G_COLON)) || w->gap) /* (a colon is a stop too) */
		return 0;
	for (const struct tok *y = v; y != NULL; y = y == v ? w : NULL)
		if (!capish(y) || y->shape == SH_INITIAL || y->shape == SH_NUM || y->nletters < 2 ||
		    y->poss ||
		    (y->lex & (LEX_FUNCTION | LEX_MODAL | CUEBITS | LEX_STREET | LEX_INSTITUTION |
			       LEX_PLACE | LEX_PARTICLE)) ||
		    ((y->lex & (LEX_ALLOW | LEX_SHOP)) && !(y->lex & NAMEBITS)) ||
		    agency_word(sc, y))
			return 0;
	if (x != NULL && !x->gap && capish(x))
		return 0;
	*next = i + 4;
	return emit(sc, out, v, w, "cue:done-by") ?: 1;
}

/*
 * s31-never: a person's initials after a form's label and a colon ("Fee
 * earner: RKB", "Initials: JMT", "Author: SKH", "Completed by: RKB"): two
 * to four capitals no list knows (not "IDVA", "OIC", an agency's
 * letters), the label's last word at i. propagate_found then withholds
 * them wherever else the note writes them ("RKB / <Firm>").
 */
static int rule_initials_label(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	/* (s42: a worker's role as the label: "KW: SP   Nurse: MH") */
	static const char *const LABEL[] = {"earner", "initials", "author", "by", "kw",
					    "keyworker", "nurse", "sw", "hv", "cpn",
					    "caseworker", "practitioner", "clinician", "handler",
					    /* s49: "Advocate: PK", "Worker: SM"; "Minutes:
					     * LT" (who took them), "Signed off: AM" */
					    "advocate", "worker", "advisor", "adviser", "minutes",
					    "off", NULL};
	/* (nor a plan's letters: "SW: CIN") */
	static const char *const NOT[] = {"nfa", "tba", "tbc", "na", "cin", NULL};
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1), *v = tok(sc, i + 2);
	/* (s32-never: "initials KP" in running text needs no colon) */
	/* (the capitals before the list: most words are followed by none) */
	if (u == NULL || u->shape != SH_UPPER || !word_in_list(sc, t, LABEL) ||
	    !((u->gap & G_COLON) || (!u->gap && word_is(sc, t, "initials"))) ||
	    (u->gap & G_NL) || u->nletters < 2 ||
	    u->nletters > 4 || u->end - u->start != u->nletters || u->klass != K_U ||
	    (u->lex & (LEX_ALLOW | CUEBITS | LEX_INSTITUTION | LEX_PLACE)) || agency_word(sc, u))
		return 0;
	if (v != NULL && !v->gap && !(v->end < sc->n && sc->s[v->end] == ':'))
		return 0; /* "Author: RKB Smith": a name, for other rules (not
			   * "Fee earner: NJ   Date: ...", the next label) */
	if ((word_is(sc, t, "earner") && !(i > 0 && word_is(sc, tok(sc, i - 1), "fee"))) ||
	    (word_is(sc, t, "off") && !(i > 0 && word_is(sc, tok(sc, i - 1), "signed"))) ||
	    word_in_list(sc, u, NOT))
		return 0;
	*next = i + 2;
	return emit(sc, out, u, u, names_rule_initials) ?: 1;
}

/* Initials a rule may take alone: two to max capitals no list knows (not
 * "SW", "IDVA", an agency's or a place's letters). */
static int bare_initials(const struct scan *sc, const struct tok *t, unsigned max)
{
	return t != NULL && t->shape == SH_UPPER && t->nletters >= 2 && t->nletters <= max &&
	       t->end - t->start == t->nletters && t->klass == K_U && !t->caps &&
	       !(t->lex & (LEX_ALLOW | CUEBITS | LEX_INSTITUTION | LEX_PLACE)) && !agency_word(sc, t);
}

/*
 * s49-never: workers' initials joined by '/' in a log's brackets or its
 * last cell ("cc MARAC coordinator (BL / KT)", a table's "...\tIncident\t
 * ... called.\tKH/DT", its tabs read as bars; a lone tab in prose is a space):
 * two or three groups of bare initials (above, two letters; three are as often
 * an agency's unknown letters: "(YOI/OMU)"), each pair apart by "/" or
 * " / ", after '(' and before ')', or alone at a line's end after a tab or
 * a bar. Each is withheld; propagate_found withholds them elsewhere.
 */
static int rule_initials_slash(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i);
	size_t a = t->start;
	if (!bare_initials(sc, t, 2) || a == 0)
		return 0;
	char open = sc->s[a - 1];
	if (open != '(' && open != '\t' && open != '|' &&
	    !(open == ' ' && a >= 2 && sc->s[a - 2] == '|'))
		return 0;
	size_t last = i, groups = 1;
	for (size_t k = i + 1; groups < 3; k++) {
		const struct tok *u = tok(sc, k), *p = tok(sc, k - 1);
		if (!bare_initials(sc, u, 2))
			break;
		size_t g = p->end, ge = u->start;
		if (!((ge - g == 1 && sc->s[g] == '/') ||
		      (ge - g == 3 && sc->s[g] == ' ' && sc->s[g + 1] == '/' && sc->s[g + 2] == ' ')))
			break;
		last = k, groups++;
	}
	if (groups < 2)
		return 0;
	size_t e = tok(sc, last)->end;
	if (open == '(' ? !(e < sc->n && sc->s[e] == ')') : !(e == sc->n || sc->s[e] == '\n'))
		return 0;
	for (size_t k = i; k <= last; k++)
		if (emit(sc, out, tok(sc, k), tok(sc, k), names_rule_initials) < 0)
			return MGW_E_NOMEM;
	*next = last + 1;
	return 1;
}

/*
 * s49-never: a log entry's writer by initials right after its stamp: a
 * clock or a date, one space, then two capitals no list knows (above),
 * then a stop, a colon or the line's end ("01/02 14:10 PK. Intro call",
 * "rec'd 03/02/27 KN. To panel"), or in brackets after the stamp ("case
 * note 09/02/2027 10:40 (JK)").
 */
static int stamp_before(const unsigned char *s, size_t a)
{
	size_t b = a, digits = 0, seps = 0;
	while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n' && s[b - 1] != '\t' && a - b < 10) {
		unsigned char c = s[b - 1];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c == ':' || c == '/' || c == '.')
			seps++;
		else
			return 0;
		b--;
	}
	/* "14:10", "9.30", "03/02", "03/02/27", "09/02/2027" */
	return b < a && digits >= 3 && seps >= 1 && seps <= 2 && s[b] >= '0' && s[b] <= '9' && s[a - 1] >= '0' && s[a - 1] <= '9';
}

static int rule_initials_stamp(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	static const char *const NOT[] = {"am", "pm", "ok", "nb", "na", "hr", "ed", NULL};
	const struct tok *t = tok(sc, i);
	size_t a = t->start, e = t->end;
	/* (a street's short form too: "PK" is a park's, not after a stamp) */
	if (t->nletters != 2 || t->end - a != 2 || t->caps || (t->lex & ~LEX_STREET) ||
	    agency_word(sc, t) || a < 5 || word_in_list(sc, t, NOT))
		return 0;
	const unsigned char *s = (const unsigned char *)sc->s;
	int br = s[a - 1] == '(';
	size_t p = a - br;
	if (s[p - 1] != ' ' || !stamp_before(s, p - 1))
		return 0;
	if (br ? !(e < sc->n && s[e] == ')')
	       : !(e == sc->n || s[e] == '.' || s[e] == ':' || s[e] == '\n'))
		return 0;
	*next = i + 1;
	return emit(sc, out, t, t, names_rule_stamp) ?: 1;
}

/*
 * s32-never: a log entry signed with the writer's initials after a dash
 * at the line's end ("... Alert added. -KL"): two or three capitals no
 * list knows, a space before the dash, nothing after them on the line.
 * propagate_found withholds them wherever else the note writes them.
 */
static int rule_initials_signoff(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i);
	size_t a = t->start;
	if (!bare_initials(sc, t, 3) || a < 2 || sc->s[a - 1] != '-' || sc->s[a - 2] != ' ')
		return 0;
	size_t e = t->end;
	while (e < sc->n && sc->s[e] == ' ')
		e++;
	if (e < sc->n && sc->s[e] != '\n')
		return 0;
	static const char *const NOT[] = {"am", "asap", "eta", "nb", "nfa", "ok", "pm",
					  "tba", "tbc", NULL};
	if (word_in_list(sc, t, NOT))
		return 0; /* "Risk is HIGH -TBC" */
	*next = i + 1;
	return emit(sc, out, t, t, names_rule_initials) ?: 1;
}

/* Does the gap s[a..b) hold a line of two or more dashes and nothing
 * else ("-- ", "---"): an e-mail's signature delimiter? */
static int dash_line_between(const struct scan *sc, size_t a, size_t b)
{
	size_t dashes = 0;
	int other = 0;
	for (size_t k = a; k < b; k++) {
		char c = sc->s[k];
		if (c == '\n') {
			if (dashes >= 2 && !other)
				return 1;
			dashes = 0, other = 0;
		} else if (c == '-') {
			dashes++;
		} else if (c != ' ' && c != '\r') {
			other = 1;
		}
	}
	return 0;
}

/* s49-never: after s[a], past a blank line, a quoted reply's header: "On
 * <date>, <Name> <address> wrote:" (perhaps after "> "), "-----Original
 * Message-----", "-----Forwarded message", "From: ": the line before it
 * signed the e-mail ("Tom\n\n> On 19 May 2027, at 07:17, ... wrote:"). */
static int reply_header_after(const struct scan *sc, size_t a)
{
	const char *s = sc->s;
	size_t n = sc->n, k = a, nl = 0;
	while (k < n && (s[k] == ' ' || s[k] == '\n' || s[k] == '\r' || s[k] == '>'))
		nl += s[k++] == '\n';
	if (nl < 2 || k >= n)
		return 0;
	if (n - k >= 6 && (strncmp(s + k, "-----", 5) == 0 || strncmp(s + k, "From: ", 6) == 0))
		return 1;
	if (n - k < 4 || strncmp(s + k, "On ", 3) != 0)
		return 0;
	for (size_t e = k; e < n && e < k + 160 && s[e] != '\n'; e++)
		if (e + 6 <= n && strncmp(s + e, "wrote:", 6) == 0)
			return 1;
	return 0;
}

struct nick_ctx {
	char key[LEX_MAX_KEY];
	int len, hit;
};

static int nick_match(void *ctx, const char *form, size_t len)
{
	struct nick_ctx *c = ctx;
	if ((size_t)c->len == len && memcmp(c->key, form, len) == 0)
		c->hit = 1;
	return 0;
}

/* Is word a a short form of word b, or b of a ("Bill", "William")? */
static int nickname_of(const struct scan *sc, const struct tok *a, const struct tok *b)
{
	struct nick_ctx c = {.hit = 0};
	c.len = lex_fold(sc->s + a->start, a->end - a->start, c.key, sizeof c.key);
	if (c.len <= 0 || !(b->lex & LEX_FORENAME))
		return 0;
	lex_nicknames(sc->s + b->start, b->end - b->start, nick_match, &c);
	return c.hit;
}

/*
 * The sender's first name alone on its line at the foot of an e-mail,
 * before the signature: "Orsolya\n-- \nOrsolya Trevannick | Outreach",
 * "zelda\nZelda Quarrie\nReceptionist", "Bill\n\nWilliam Penhallow | Work
 * Coach". The word is a name when the next line (past a blank line or a
 * "--" delimiter) starts with it or with its full form, or a delimiter
 * follows; a common word only when also a forename. The signature's name on
 * the next line, up to three words before a '|', ',' or the line's end,
 * goes with it (a signature in lower case: "meg lloyd | volunteer").
 * Also after a sign-off word on the same line ("thanks, meg\n--").
 */
static int rule_signature_name(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	static const char *const SIGN[] = {"regards", "thanks", "wishes", "cheers", "sincerely",
					   "best", "thx", "ta", "many", "kind", "warm", NULL};
	const struct tok *t = tok(sc, i), *v = tok(sc, i + 1);
	if (v == NULL || !(v->gap & G_NL) || t->poss || t->caps || t->shape == SH_UPPER ||
	    t->shape == SH_INITIAL || t->nletters < 2 || t->nletters > 14 ||
	    (t->lex & (LEX_FUNCTION | LEX_MODAL | CUEBITS | LEX_STREET | LEX_INSTITUTION | LEX_ALLOW)) ||
	    word_in_list(sc, t, SIGN) || v->shape == SH_NUM)
		return 0;
	const struct tok *p = i > 0 ? tok(sc, i - 1) : NULL;
	if (!(t->gap & G_NL) && !(p && (t->gap & G_COMMA) && !(t->gap & ~(G_COMMA | G_NL)) &&
				  word_in_list(sc, p, SIGN)))
		return 0; /* alone on its line, or "thanks, meg" */
	int dash = dash_line_between(sc, t->end, v->start) || reply_header_after(sc, t->end);
	int same = v->end - v->start == t->end - t->start &&
		   strncasecmp(sc->s + t->start, sc->s + v->start, t->end - t->start) == 0;
	if ((t->klass == K_C && !(t->lex & LEX_FORENAME)) || (!same && !dash && !nickname_of(sc, t, v)))
		return 0; /* "Risk\nRisk is high": a heading */
	if (emit(sc, out, t, t, "cue:signature-name") < 0)
		return MGW_E_NOMEM;
	/* the signature's name: v and up to two more words on its line */
	size_t last = i + 1;
	for (size_t k = i + 2; k <= i + 3; k++) {
		const struct tok *w = tok(sc, k);
		if (w == NULL || w->gap != 0 || w->shape == SH_NUM || w->nletters < 2 ||
		    (w->lex & (LEX_FUNCTION | CUEBITS | LEX_INSTITUTION | LEX_ALLOW)))
			break;
		last = k;
	}
	const struct tok *z = tok(sc, last + 1);
	if ((same || nickname_of(sc, t, v)) && last > i + 1 &&
	    (z == NULL || (z->gap & (G_NL | G_OTHER | G_COMMA | G_STOP))) &&
	    !(v->lex & (CUEBITS | LEX_FUNCTION))) {
		if (emit(sc, out, v, tok(sc, last), "cue:signature-name") < 0)
			return MGW_E_NOMEM;
		*next = last + 1;
	}
	return 1;
}

/*
 * A nickname in quotes beside the person's name, not inside it: before the
 * forename ('"Scouse" Tony Hale'), in brackets after the name ('Rizwan
 * ("Rizzy")'), before the name in brackets ('"Blade" (Tyrone Samuels)'), or
 * before whose kin it is in brackets ('"Dayka" (his mother)').
 * One capitalised word in quotes, not a function word (nor allow-listed
 * after a name); before, the forename must start a whole name ('"Help"
 * Mark said' is no one's nickname). The nickname is
 * the person as much as the name is; the name is found by its own rules.
 */
static int rule_quoted_alias(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i), *v = tok(sc, i + 1);
	if (!(t->gap & G_QUOTE) || t->shape != SH_CAP || t->nletters < 3 ||
	    (t->lex & (LEX_FUNCTION | CUEBITS)) || v == NULL || !(v->gap & G_QUOTE) ||
	    (v->gap & (G_STOP | G_PERIOD | G_NL | G_COMMA)))
		return 0;
	/* before a whole name, forename and surname: '"Help" Mark said' is
	 * no one's nickname */
	const struct tok *w = tok(sc, i + 2);
	int fore_after = capish(v) && v->shape == SH_CAP && (v->lex & LEX_FORENAME) && w != NULL &&
			 capish(w) && w->shape == SH_CAP &&
			 !(w->gap & (G_STOP | G_PERIOD | G_NL | G_COMMA | G_QUOTE)) &&
			 (w->klass == K_S || w->klass == K_U || (w->lex & LEX_SURNAME));
	const struct tok *p = i > 0 ? tok(sc, i - 1) : NULL;
	int name_before = p != NULL && !(t->lex & LEX_ALLOW) && (t->gap & G_OTHER) && !(t->gap & (G_STOP | G_NL)) &&
			  capish(p) && p->shape != SH_INITIAL && p->shape != SH_NUM &&
			  (p->klass == K_S || p->klass == K_U ||
			   ((p->lex & LEX_FORENAME) && !(p->lex & LEX_ALLOW)));
	/* a contact's name in quotes, whose it is in brackets after it:
	 * 'shares location with "Dayka" (his mother)' */
	static const char *const OWNER[] = {"his", "her", "their", "my", NULL};
	int kin_after = v->shape == SH_LOWER && v->start > 0 && sc->s[v->start - 1] == '(' &&
			word_in_list(sc, v, OWNER) && w != NULL && !w->gap && (w->lex & LEX_KIN);
	if (!fore_after && !name_before && !kin_after)
		return 0;
	*next = i + 1;
	return emit(sc, out, t, t, "cue:quoted-alias") < 0 ? MGW_E_NOMEM : 1;
}

/*
 * A person and a role side by side, one of them in brackets: "IDVA
 * (Rowena)", "VLO (Pat)", "Support Service (Imelda)", "IDVA (Northfold DA
 * Service, Rowena)", "Health (School Nursing - Pat)"; "Rowena (school
 * nurse)", "Imelda (friend)", "Will (her son)", "Imelda Quarrie (IDVA)".
 * Notes name the worker of a role or agency so; the bracket's other side
 * is the cue. Mixed-case text only: in capitals a bracket holds anything.
 */
static const char *const ROLE_HEAD[] = {
	"service", "services", "team", "care", "health", "housing", "education", "carer",
	"worker", "officer", "coordinator", "co-ordinator", "admin", "administrator",
	"advocate", "nurse", "hairdresser", "manager", "chair", "unit", "caretaker",
	"receptionist", "teacher", "cleaner",
	/* s56-never: a site's or a firm's staff ("Security guard (Dean)", "the
	 * dispatcher (Kev)", "dog walker (Jo)") */
	"guard", "driver", "porter", "steward", "supervisor", "dispatcher", "warden",
	"operator", "groomer", "walker", NULL};

/* A word that may be a person's name in a bracket beside a role: no
 * common word unless a forename ("Carol", "Will"), no place or agency.
 * A word no list knows only when unknown: true too of agencies' names
 * ("Housing (Westmoor)", "Coordinator (Elbury)"). */
static int role_name_word(const struct scan *sc, const struct tok *u, int allow_a, int unknown)
{
	if (u == NULL || u->caps || u->shape != SH_CAP || u->poss ||
	    (u->lex & (CUEBITS | LEX_FUNCTION | LEX_STREET | LEX_INSTITUTION)))
		return 0;
	if (word_is(sc, u, "amber") || word_is(sc, u, "red") || word_is(sc, u, "green"))
		return 0; /* "RAG (Amber)": a rating */
	for (size_t k = u->start + 1; k < u->end; k++)
		if (sc->s[k] >= 'A' && sc->s[k] <= 'Z' && sc->s[k - 1] != '\'' && sc->s[k - 1] != '-')
			return 0; /* "(PoCA)", "(McDonalds)": an acronym or a brand */
	switch (u->klass) {
	case K_S:
		return 1;
	case K_U:
		return unknown && u->nletters >= 3 && u->nletters <= 14;
	case K_W:
		return (u->lex & LEX_FORENAME) != 0;
	case K_A:
		/* a forename that is also a language or a region, not a town's */
		return (u->lex & LEX_FORENAME) && (allow_a || !(u->lex & LEX_PLACE));
	default:
		return 0;
	}
}

/* A role or agency before a bracket: a rank ("IDVA", "HV"), a short
 * acronym ("CSC", "VLO"), a word heading a service ("Team", "carer"), or
 * a kin or role word in lower case ("neighbour", "landlord") */
static int role_before(const struct scan *sc, const struct tok *p)
{
	if (p == NULL || p->shape == SH_NUM)
		return 0;
	/* "her neighbour (Rowena)", "the landlord (Pat)", also whose home it
	 * is: "a bag at her neighbour's (Sue at no. 11)" */
	if (p->shape == SH_LOWER && (p->lex & LEX_KIN))
		return 1;
	if (p->poss)
		return 0;
	if ((p->lex & LEX_RANK) && p->shape == SH_UPPER)
		return 1;
	if (p->shape == SH_UPPER && p->nletters >= 2 && p->nletters <= 5 &&
	    p->end - p->start == p->nletters && !(p->lex & NAMEBITS))
		return 1;
	return word_in_list(sc, p, ROLE_HEAD);
}

/* Token k opens a bracket: "(" right before it */
static int opens_bracket(const struct scan *sc, const struct tok *u)
{
	return u && (u->gap & G_OTHER) && u->start > 0 && sc->s[u->start - 1] == '(';
}

/* Token k ends right before ")" */
static int closes_bracket(const struct scan *sc, const struct tok *u)
{
	return u && u->end < sc->n && sc->s[u->end] == ')';
}

/*
 * A first name, then the full name in brackets starting with it: "Pat
 * (Pat Quenby) is 70", as notes introduce someone. The bracket is found by
 * the other rules; the word before it is the same person.
 */
static int rule_name_restated(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1), *v = tok(sc, i + 2);
	size_t k = t->end - t->start;
	if (t->caps || t->poss || t->nletters < 2 || u == NULL || v == NULL || !opens_bracket(sc, u) ||
	    (u->gap & ~G_OTHER) || u->end - u->start != k ||
	    memcmp(sc->s + t->start, sc->s + u->start, k) != 0 || v->gap || !capish(v) ||
	    v->shape == SH_NUM || (t->lex & (CUEBITS | LEX_FUNCTION)) ||
	    !role_name_word(sc, t, 1, 1) || !(v->klass != K_C || (v->lex & LEX_SURNAME)) ||
	    (v->lex & (LEX_STREET | LEX_INSTITUTION)))
		return 0; /* "Fleetwood (Fleetwood General)", "Police (Police Service)" */
	*next = i + 1;
	return emit(sc, out, t, t, "cue:name-restated") < 0 ? MGW_E_NOMEM : 1;
}

/* A word naming an agency in a bracket after a person: "Sue
 * (Probation)", "Mark (<Name> Housing)", "Dawn (Health - <Trust>
 * safeguarding)", "(<Town> CSC)": a statutory agency's word or acronym
 * (not a police code: "<Month> (NFA)" is a date; not "service": a DA
 * service may be named after a woman). */
static int agency_word(const struct scan *sc, const struct tok *w)
{
	static const char *const AGENCY[] = {"probation", "housing", "health", "education", "police",
					     "safeguarding", "council", "constabulary", "jobcentre",
					     NULL};
	static const char *const ACRONYM[] = {"csc", "idva", "isva", "nhs", "mash", "camhs", "cgl",
					      "dwp",
					      /* s40-over: probation's and youth justice's
					       * ("Lincoln PDU", "Ipswich PRU") */
					      "pdu", "yot", "yos", "pru", "cps", "nps", "cmht", "edt",
					      NULL};
	if (w == NULL || w->caps)
		return 0;
	if (w->shape == SH_UPPER)
		return word_in_list(sc, w, ACRONYM);
	return w->shape == SH_CAP && word_in_list(sc, w, AGENCY);
}

/*
 * Typed in lower case, a worker and her agency in brackets: "outreach diary
 * - bev (leeway idva)", "spoke to jo (csc)": a known forename (no common
 * word) right before a bracket whose words, four at most, hold an agency's.
 */
static int rule_lower_worker(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	static const char *const AG[] = {"idva", "isva", "csc", "mash", "camhs", "probation",
					 "housing", "police", "nhs", "cgl", "refuge", "council",
					 "outreach", NULL};
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1);
	if (t->caps || u == NULL || u->gap != G_OTHER || u->start == 0 ||
	    sc->s[u->start - 1] != '(' || memchr(sc->s + t->end, '\n', u->start - t->end))
		return 0;
	for (size_t k = i + 1; k < i + 5; k++) {
		const struct tok *w = tok(sc, k);
		if (w == NULL || w->shape != SH_LOWER || (k > i + 1 && w->gap))
			return 0;
		if (word_in_list(sc, w, AG)) {
			const struct tok *x = tok(sc, k + 1);
			if (x && !(x->gap & G_OTHER))
				return 0;
			if (x && memchr(sc->s + w->end, ')', x->start - w->end) == NULL)
				return 0;
			return lower_kin_name(sc, i, out, next, 0);
		}
	}
	return 0;
}

static int rule_role_bracket(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1);
	if (t->caps || !role_name_word(sc, t, 0, 1) || month_not_name(sc, t))
		return 0; /* (not "ICPC (September)": when it was) */
	size_t last = i;
	if (u && !u->gap && role_name_word(sc, u, 1, 1) && u->klass != K_W)
		last = i + 1; /* "(Imelda Quarrie)", "Imelda Quarrie (IDVA)" */
	else if (u && !u->gap && role_name_word(sc, u, 1, 0) && (u->lex & LEX_SURNAME) &&
		 role_name_word(sc, t, 0, 0) && opens_bracket(sc, tok(sc, i + 2)) &&
		 agency_word(sc, tok(sc, i + 3)))
		last = i + 1; /* "Rob Sheen (<Town> Council Housing)": a surname that is a word */
	const struct tok *l = tok(sc, last);
	/* words no list knows may be an agency's or a place's name ("SARC
	 * (Tarrow Tolvern)"): one of them must be a known name */
	int known = role_name_word(sc, t, 0, 0) || (last > i && role_name_word(sc, u, 1, 0));
	int rule_a = 0;
	/* "at her neighbour's (Sue at no. 11)", "her friend (Dee, lives
	 * nearby)": after a kinship word in lower case, a known name opening
	 * the bracket is the person's, whatever the bracket goes on to say */
	if (known && !closes_bracket(sc, l) && opens_bracket(sc, t) && !(t->gap & ~G_OTHER) &&
	    i > 0 && tok(sc, i - 1)->shape == SH_LOWER && (tok(sc, i - 1)->lex & LEX_KIN) &&
	    !(t->lex & (LEX_MODAL | LEX_FUNCTION)) && tok(sc, last + 1) &&
	    (tok(sc, last + 1)->gap == G_COMMA || tok(sc, last + 1)->shape == SH_LOWER)) {
		*next = last + 1;
		return emit(sc, out, t, l, "cue:role-bracket") < 0 ? MGW_E_NOMEM : 1;
	}
	if (known && closes_bracket(sc, l)) {
		/* "(Rowena)", "(Org, Rowena)", "(Org - Rowena)": up to four words
		 * inside the bracket before the name, then the role before it */
		if (opens_bracket(sc, t) && !(t->gap & ~(G_OTHER | G_NL))) {
			/* (the role may end the line before: "with IDVA\n(Rowena)") */
			rule_a = i > 0 && role_before(sc, tok(sc, i - 1));
		} else if (i > 0 && last == i &&
			   (t->gap == G_COMMA ||
			    (t->gap == G_OTHER && t->start >= 2 && sc->s[t->start - 2] == '-'))) {
			for (size_t k = i - 1, m = 0; k > 0 && m < 4; k--, m++) {
				const struct tok *w = tok(sc, k);
				if (w == NULL || w->shape == SH_LOWER || (m > 0 && (w->gap & ~G_OTHER)))
					break;
				if (opens_bracket(sc, w)) {
					rule_a = role_before(sc, tok(sc, k - 1));
					break;
				}
			}
		}
	}
	if (!rule_a) {
		/* "Pat (school nurse)", "Will (her son)", "Rowena (MARAC admin)",
		 * s55: "Dawn (reception)" */
		static const char *const ROLE_IN[] = {"admin", "administrator", "coordinator",
						      "co-ordinator", "chair", "nurse", "minutes",
						      "reception", "receptionist", NULL};
		const struct tok *v = tok(sc, last + 1);
		if (v == NULL || !opens_bracket(sc, v) || (v->gap & ~G_OTHER))
			return 0;
		int role = 0;
		for (size_t k = last + 1; k <= last + 3 && !role; k++) {
			const struct tok *w = tok(sc, k);
			if (w == NULL || (k > last + 1 && w->gap) || w->shape == SH_NUM)
				break;
			/* a rank ("(IDVA)") or a service's role ("(housing
			 * officer)") follows an agency's name as well */
			role = ((w->lex & LEX_RANK) && w->shape == SH_UPPER && known) ||
			       (w->shape == SH_LOWER && (w->lex & (LEX_KIN | LEX_TITLE)) &&
				(known || !word_in_list(sc, w, ROLE_NOT_KIN))) ||
			       word_in_list(sc, w, ROLE_IN) ||
			       /* "Sue (Probation)", "Mark (<Name> Housing)" */
			       (known && t->klass != K_A && agency_word(sc, w));
		}
		/* and the bracket closes within five words */
		int closed = 0;
		for (size_t k = last + 1; role && k <= last + 5 && !closed; k++) {
			const struct tok *w = tok(sc, k);
			if (w == NULL || (k > last + 1 && (w->gap & (G_STOP | G_NL | G_PERIOD))))
				break;
			closed = closes_bracket(sc, w);
		}
		if (!closed)
			return 0;
	}
	*next = last + 1;
	return emit(sc, out, t, l, "cue:role-bracket") < 0 ? MGW_E_NOMEM : 1;
}

/*
 * s34: a meeting's attendance line, "Present: <Name> <Name> (<role>),
 * <Name> (<role>), Mum.": each item that opens with one to three
 * capitalised words right before a bracket is a person and the bracket
 * says what they are ("Rob Kettle (Supported Housing)", "Fozia (nursery
 * key person)"), the first a name or a word no list knows, the rest
 * whatever they are as words. Not an agency's or a place's word
 * ("Housing (Jo)", "Equation (IDVA)"), a kinship word, nor a word inside
 * a bracket.
 */
#define PRESENT_REACH 600 /* an attendance line's length, at most */
static int rule_present_item(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	static const char *const LABEL[] = {"present", "attendees", "attending", "in attendance",
					    "attended", NULL};
	const struct tok *t = tok(sc, i);
	if (!(t->gap & (G_COMMA | G_COLON)))
		return 0;
	/* (the label at most PRESENT_REACH bytes back: linear in a long
	 * line; the line's start is after the last line break in the bytes
	 * before t back to the one before that reach, or the text's) */
	size_t lo = t->start > PRESENT_REACH ? t->start - PRESENT_REACH : 0, a = 0;
	const char *nl = lo > 0 ? memrchr(sc->s + lo - 1, '\n', t->start - lo + 1)
	                        : memrchr(sc->s, '\n', t->start);
	if (nl != NULL)
		a = (size_t)(nl - sc->s) + 1;
	else if (lo > 0)
		return 0;
	while (a < t->start && (sc->s[a] == ' ' || sc->s[a] == '\t'))
		a++;
	size_t lab = 0;
	for (int k = 0; LABEL[k] && !lab; k++) {
		size_t m = strlen(LABEL[k]);
		if (a + m < t->start && strncasecmp(sc->s + a, LABEL[k], m) == 0 && sc->s[a + m] == ':')
			lab = a + m + 1;
	}
	if (!lab)
		return 0;
	int depth = 0;
	for (size_t k = lab; k < t->start; k++)
		depth += (sc->s[k] == '(') - (sc->s[k] == ')');
	if (depth != 0)
		return 0;
	const unsigned NOT = LEX_ALLOW | LEX_INSTITUTION | LEX_TITLE | LEX_RANK | LEX_KIN | LEX_PLACE |
			     LEX_FUNCTION;
	size_t last = i;
	for (size_t k = i;; k++) {
		const struct tok *w = tok(sc, k);
		if (w == NULL || w->shape != SH_CAP || (w->lex & NOT) || (k > i && w->gap))
			return 0;
		/* the first a name or a word no list knows: not an agency
		 * named by a common word ("Equation (IDVA)", "Aspire
		 * (substance misuse)", "Education (Mrs ...)") */
		if (k == i && w->lex != 0 && !(w->lex & NAMEBITS))
			return 0;
		last = k;
		size_t e = w->end;
		while (e < sc->n && sc->s[e] == ' ')
			e++;
		if (e < sc->n && sc->s[e] == '(')
			break;
		if (k >= i + 2)
			return 0;
	}
	*next = last + 1;
	return emit(sc, out, t, tok(sc, last), "cue:present-item") < 0 ? MGW_E_NOMEM : 1;
}

/* Does the line starting at a open on a speaker's label, "<Name>: " or
 * "<Name> <Initial>: " (a capital, then 1 to 15 letters)? Returns the
 * name's length, 0 if not. */
static size_t speaker_at(const char *s, size_t n, size_t a)
{
	size_t k = a;
	if (k >= n || s[k] < 'A' || s[k] > 'Z')
		return 0;
	k++;
	while (k < n && k - a <= 15 && s[k] >= 'a' && s[k] <= 'z')
		k++;
	size_t w = k - a;
	if (w < 2 || w > 15)
		return 0;
	if (k + 2 < n && s[k] == ' ' && s[k + 1] >= 'A' && s[k + 1] <= 'Z' && s[k + 2] == ':')
		k += 2; /* "Sam P:" */
	else if (k + 3 < n && s[k] == ' ' && s[k + 1] >= 'A' && s[k + 1] <= 'Z') {
		/* s34: "Shona IDVA:", a worker's role in capitals after the name */
		size_t r = k + 1;
		while (r < n && r - k <= 6 && s[r] >= 'A' && s[r] <= 'Z')
			r++;
		if (r - k - 1 >= 2 && r - k - 1 <= 5 && r < n && s[r] == ':')
			k = r;
	}
	return k + 1 < n && s[k] == ':' && s[k + 1] == ' ' ? w : 0;
}

/* s34: where a chat line's speaker starts: at a, or after an exported
 * chat's stamp in square brackets ("[14/02/2027, 21:15] Shona IDVA: ...",
 * at most 30 bytes, with a digit in it). */
static size_t chat_body(const char *s, size_t n, size_t a)
{
	if (a >= n || s[a] != '[')
		return a;
	int digit = 0;
	for (size_t k = a + 1; k < n && k < a + 30; k++) {
		if (s[k] == '\n')
			return a;
		digit |= s[k] >= '0' && s[k] <= '9';
		if (s[k] == ']')
			return digit && k + 1 < n && s[k + 1] == ' ' ? k + 2 : a;
	}
	return a;
}

/*
 * A chat shown to a worker, a speaker's name on each line: "Kel: hun u
 * ok??", "Becky: no", "Kel: door's open". The token at i opens its line
 * with a forename the lists know (no common word) or a short word they
 * do not know, then ':' and the message; and a line within CHAT_NEAR bytes opens with
 * another speaker's label: a chat, not a form's "Police: ..." (an agency,
 * a common word: not this rule's). Reads at most 2 * CHAT_NEAR bytes.
 */
/*
 * s39-never: a worker or carer named in a log's column by a forename and the
 * initial of her surname, the forename a common word or not: "07:30 Blessing
 * N: client crying", "07:45<TAB>Grace M<TAB>Breakfast, meds". The initial is a
 * lone capital with a colon or a tab right after it.
 */
static int rule_forename_initial(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i), *u = tok(sc, i + 1);
	if (u == NULL || u->gap || u->shape != SH_INITIAL || u->end - u->start != 1 ||
	    !(t->lex & LEX_FORENAME) || (t->lex & (LEX_MODAL | LEX_FUNCTION | CUEBITS)) ||
	    t->nletters < 3 || month_not_name(sc, t))
		return 0;
	if (u->end >= sc->n || (sc->s[u->end] != ':' && sc->s[u->end] != '\t'))
		return 0;
	*next = i + 2;
	return emit(sc, out, t, u, "cue:forename-initial") ?: 1;
}

#define CHAT_NEAR 600
static int rule_chat_speaker(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *t = tok(sc, i);
	if (t->start > 0 && sc->s[t->start - 1] != '\n') {
		/* (after "] " only, the line's start at most 32 bytes back:
		 * linear in a long line) */
		if (t->start < 3 || sc->s[t->start - 1] != ' ' || sc->s[t->start - 2] != ']')
			return 0;
		size_t ls = t->start;
		while (ls > 0 && sc->s[ls - 1] != '\n' && t->start - ls < 32)
			ls--;
		if (chat_body(sc->s, sc->n, ls) != t->start)
			return 0;
	}
	size_t w = speaker_at(sc->s, sc->n, t->start);
	if (w != t->end - t->start)
		return 0;
	/* a forename, or a word no list knows that is short as a nickname
	 * is ("Kel", "Bex", "Shaz"): minutes head an agency's lines with its
	 * name ("<Agency>: 6 incidents"), longer */
	if (!(t->lex & LEX_FORENAME) && !(t->klass == K_U && w <= 6))
		return 0;
	size_t lo = t->start > CHAT_NEAR ? t->start - CHAT_NEAR : 0;
	size_t hi = t->end + CHAT_NEAR < sc->n ? t->end + CHAT_NEAR : sc->n;
	int other = 0;
	for (size_t k = lo; k < hi && !other; k++) {
		if (k != lo && sc->s[k - 1] != '\n')
			continue;
		size_t b = chat_body(sc->s, hi, k);
		if (b == t->start)
			continue;
		size_t v = speaker_at(sc->s, hi, b);
		if (v == 0 && b > k) {
			/* after a chat's stamp, a speaker typed in small
			 * letters ("[...] jade: yes") */
			size_t e = b;
			while (e < hi && e - b <= 15 && sc->s[e] >= 'a' && sc->s[e] <= 'z')
				e++;
			if (e - b >= 2 && e + 1 < hi && sc->s[e] == ':' && sc->s[e + 1] == ' ')
				v = e - b;
		}
		other = v > 0 && !(v == w && memcmp(sc->s + b, sc->s + t->start, w) == 0);
	}
	if (!other)
		return 0;
	*next = i + 1;
	return emit(sc, out, t, t, "cue:chat-speaker") ?: 1;
}

/*
 * "our kelly's", "our jade came round": in the North and the Midlands a
 * relative by her first name after "our", typed in lower case here (a
 * capitalised one is found by the other rules). A forename the lists know
 * as no common word, nor a place's or an agency's word.
 */
static int rule_our_name(struct scan *sc, size_t i, struct spans *out, size_t *next)
{
	const struct tok *u = tok(sc, i + 1);
	if (u == NULL || u->gap || u->shape != SH_LOWER || u->nletters < 3)
		return 0;
	unsigned b = lex_classify(sc->s + u->start, u->end - u->start);
	if (!(b & LEX_FORENAME) || (b & (LEX_COMMON | LEX_ALLOW | LEX_FUNCTION | CUEBITS)))
		return 0;
	*next = i + 2;
	return emit(sc, out, u, u, "cue:kin") ?: 1;
}

int names_scan(const char *s, size_t n, struct spans *out)
{
	struct scan sc;
	size_t i = 0;

	memset(&sc, 0, offsetof(struct scan, ring));
	sc.s = s, sc.n = n;
	if (s == NULL)
		return 0;
	for (const struct tok *t; (t = tok(&sc, i)) != NULL;) {
		size_t next = i + 1;
		int rc = 0;
		size_t ph;

		if (t->shape == SH_NUM) {
			i++;
			continue;
		}
		if ((ph = phrase_at(&sc, i)) != 0) {
			i = ph;
			continue;
		}
		if (t->lex & (LEX_TITLE | LEX_RANK))
			rc = rule_title(&sc, i, out, &next);
		if (rc == 0 && (t->lex & LEX_KIN))
			rc = rule_kin(&sc, i, out, &next);
		if (rc == 0 && (t->lex & LEX_CALLED))
			rc = rule_called(&sc, i, out, &next);
		if (rc == 0 && capish(t))
			rc = rule_comma(&sc, i, out, &next);
		if (rc == 0 && t->klass == K_C && t->nletters <= 10)
			rc = rule_signoff(&sc, i, out, &next);
		if (rc == 0 && t->klass == K_C && t->shape != SH_NUM)
			rc = rule_done_by(&sc, i, out, &next);
		if (rc == 0 && t->shape != SH_NUM && t->nletters >= 2 && t->nletters <= 8)
			rc = rule_initials_label(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_UPPER && t->nletters <= 3)
			rc = rule_initials_signoff(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_UPPER && t->nletters <= 3)
			rc = rule_initials_slash(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_UPPER && t->nletters == 2)
			rc = rule_initials_stamp(&sc, i, out, &next);
		if (rc == 0 && t->shape != SH_NUM)
			rc = rule_signature_name(&sc, i, out, &next);
		if (rc == 0 && t->shape != SH_UPPER && word_is(&sc, t, "the"))
			rc = rule_family(&sc, i, out, &next);
		if (rc == 0 && (t->gap & G_QUOTE) && t->shape == SH_CAP)
			rc = rule_quoted_alias(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_CAP)
			rc = rule_present_item(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_CAP && t->klass != K_C)
			rc = rule_role_bracket(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_CAP)
			rc = rule_name_restated(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_CAP)
			rc = rule_forename_initial(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_CAP &&
		    (t->klass == K_U || t->klass == K_S ||
		     /* a name that is a language too ("Shona IDVA:"); not a
		      * day's label ("Thu: ...", "Tues: ...") */
		     (t->klass == K_A && (t->lex & LEX_FORENAME) && t->nletters >= 5 &&
		      !month_not_name(&sc, t))))
			rc = rule_chat_speaker(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_LOWER && t->nletters >= 2 && t->nletters <= 5)
			rc = rule_greet_lower(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_LOWER && t->nletters >= 2 && t->nletters <= 12)
			rc = rule_lower_worker(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_LOWER && t->nletters >= 3 && t->nletters <= 12)
			rc = rule_lower_actor(&sc, i, out, &next);
		if (rc == 0 && t->shape == SH_LOWER && t->nletters == 3 && word_is(&sc, t, "our"))
			rc = rule_our_name(&sc, i, out, &next);
		if (rc == 0 && capish(t) && !(t->lex & (LEX_TITLE | LEX_RANK)) &&
		    (t->klass != K_C || t->shape == SH_INITIAL)) {
			next = i + 1;
			rc = rule_run(&sc, i, out, &next);
		}
		if (rc < 0)
			return rc;
		i = next > i ? next : i + 1;
	}
	return 0;
}

/*
 * place_tok.c: the tokenizer of place_scan (place.h, place_int.h).
 *
 * Cuts words, numbers and punctuation into the scan's ring, each word looked
 * up once in an open-addressed hash of the cue words (place_words.h), and
 * marks each token that starts a sentence. Sentences end at '.', '!', '?'
 * or ';' followed by a space (not after "Mr." or an initial), at a blank
 * line, and at a single line break unless the text visibly goes on: the line
 * ends in a comma, colon, dash or a function word ("at", "with", "the"), the
 * next line starts in lower case, a capitalised name is cut in two, or the
 * line is long (a hard wrap in a pasted e-mail), unless the next line opens
 * with '[' (a message log's time stamp) or is longer than it and its own
 * first word while the long line has no sentence's end in it (a heading,
 * no wrap: the word would have fitted). CAD logs and chronologies, one
 * entry per line, so get one sentence per line. When unsure the
 * sentence goes on: a statement of where the victim is withholds more,
 * never less.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "ascii_run.h"
#include "place_int.h"

const struct word WORDS[W_COUNT] = {
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
#define HASH_BITS 13
#define HASH_SIZE (1u << HASH_BITS)
#define WORD_MAX 31 /* longer words are never cues */

struct slot {
	uint32_t hash;
	uint16_t id;
	uint16_t len;
};

/* A word's first and last 8 bytes (zero-padded when shorter): with the
 * length they are the word itself up to 16 bytes, so most hits need no
 * string compare. */
struct ends {
	uint64_t a, b;
};

static struct slot hash_slot[HASH_SIZE];
static struct ends word_ends[W_COUNT];

/*
 * A swap of two adjacent letters after the first keeps the word's length,
 * first byte, and the sum and sum of squares of its other bytes. Bit
 * typo_sig(w) of typo_bits is set for every cue word transposed() may
 * return, so an unknown word whose bit is clear needs none of its up to
 * WORD_MAX - 1 lookups: most words of a note are not one swap from a cue.
 */
#define C_TYPO_OK (C_REFUGE | C_ACCOM | C_LOCV | C_MOVE | C_CALLED)
#define TYPO_BITS 14
static uint64_t typo_bits[(1u << TYPO_BITS) / 64];
/* Bit n of typo_len[c]: some such cue word has n bytes and starts with byte
 * c. A swap after the first letter keeps both, so a word whose bit is clear
 * needs not even typo_sig's pass over its bytes (most long words of a note). */
static uint32_t typo_len[256];
static pthread_once_t hash_once = PTHREAD_ONCE_INIT;

static inline struct ends ends_of(const char *w, size_t n)
{
	struct ends e = {0, 0};
	if (n < 8) {
		for (size_t i = 0; i < n; i++)
			e.a |= (uint64_t)(unsigned char)w[i] << (8 * i);
		e.b = e.a;
	} else {
		memcpy(&e.a, w, 8);
		memcpy(&e.b, w + n - 8, 8);
	}
	return e;
}

/* Hash of a word from its ends and length: no per-byte hashing. */
static inline uint32_t hash_ends(struct ends e, size_t n)
{
	uint64_t h = e.a * 0x9E3779B97F4A7C15ull ^ e.b * 0xC2B2AE3D27D4EB4Full ^ n;
	return (uint32_t)(h >> 29);
}

static inline uint32_t typo_sig(const char *w, size_t n)
{
	uint32_t sum = 0, sq = 0;
	for (size_t i = 1; i < n; i++) {
		uint32_t c = (unsigned char)w[i];
		sum += c, sq += c * c;
	}
	uint32_t h = (uint32_t)n * 0x9E3779B1u ^ (unsigned char)w[0] * 0x85EBCA77u ^
	             sum * 0xC2B2AE3Du ^ sq * 0x27D4EB2Fu;
	return (h ^ h >> 15) & ((1u << TYPO_BITS) - 1);
}

static void hash_build(void)
{
	_Static_assert(W_COUNT < HASH_SIZE / 4, "place word table more than a quarter full");
	for (unsigned id = 1; id < W_COUNT; id++) {
		const char *t = WORDS[id].text;
		size_t n = strlen(t);
		word_ends[id] = ends_of(t, n);
		uint32_t full = hash_ends(word_ends[id], n), h = full & (HASH_SIZE - 1);
		while (hash_slot[h].id != 0)
			h = (h + 1) & (HASH_SIZE - 1);
		hash_slot[h] = (struct slot){full, (uint16_t)id, (uint16_t)n};
		if ((WORDS[id].cls & C_TYPO_OK) && n >= 5 && n <= WORD_MAX) {
			uint32_t b = typo_sig(t, n);
			typo_bits[b / 64] |= 1ull << (b % 64);
			typo_len[(unsigned char)t[0]] |= 1u << n;
		}
	}
}

/* ends_of() for a word in a buffer of at least 8 bytes: one load and a
 * mask instead of a loop over a short word's bytes. */
static inline struct ends ends_of_buf(const char *w, size_t n)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n < 8) {
		struct ends e;
		memcpy(&e.a, w, 8);
		e.a &= ~0ull >> (8 * (8 - n));
		e.b = e.a;
		return e;
	}
#endif
	return ends_of(w, n);
}

/* The id of w[0..n) (lower case, 1..WORD_MAX bytes, in a buffer of at
 * least 8 bytes), 0 if not a listed word. */
static unsigned lookup(const char *w, size_t n)
{
	struct ends e = ends_of_buf(w, n);
	uint32_t full = hash_ends(e, n);
	for (uint32_t h = full & (HASH_SIZE - 1);; h = (h + 1) & (HASH_SIZE - 1)) {
		const struct slot *sl = &hash_slot[h];
		if (sl->id == 0)
			return 0;
		if (sl->hash != full || sl->len != n)
			continue;
		const struct ends *we = &word_ends[sl->id];
		if (we->a == e.a && we->b == e.b &&
		    (n <= 16 || memcmp(WORDS[sl->id].text + 8, w + 8, n - 16) == 0))
			return sl->id;
	}
}

/*
 * Hand-typed notes swap two letters ("reufge", "adn", "reahced"): an unknown
 * word of five letters or more that is one adjacent swap away from a cue
 * word that states where she is or how to reach her takes that word's id.
 * Only those classes: a swapped letter must not turn a name into a street
 * type. At most WORD_MAX - 1 lookups per unknown word: the scan stays linear.
 */
static unsigned transposed(const char *w, size_t n)
{
	char b[WORD_MAX];
	if (!(typo_len[(unsigned char)w[0]] >> n & 1))
		return 0;
	uint32_t sig = typo_sig(w, n);
	if (!(typo_bits[sig / 64] >> (sig % 64) & 1))
		return 0;
	memcpy(b, w, n);
	for (size_t i = 1; i + 1 < n; i++) { /* the first letter is rarely the slip */
		if (b[i] == b[i + 1])
			continue;
		char x = b[i];
		b[i] = b[i + 1];
		b[i + 1] = x;
		unsigned id = lookup(b, n);
		b[i + 1] = b[i];
		b[i] = x;
		if (id && (WORDS[id].cls & C_TYPO_OK))
			return id;
	}
	return 0;
}

void place_lex_init(void)
{
	pthread_once(&hash_once, hash_build);
}

/* Byte classes for the tokenizer's inner loop. Bytes of multi-byte UTF-8
 * characters count as lower-case letters: accented names stay one word. */
#define K_UP 1u
#define K_LO 2u
#define K_DIG 4u
static const uint8_t KIND[256] = {
	['A' ... 'Z'] = K_UP, ['a' ... 'z'] = K_LO, ['0' ... '9'] = K_DIG, [0x80 ... 0xFF] = K_LO,
};

/* Does a line open with a list's bullet ("• ", "- ", "* ", "▪ ")? Each item
 * is a statement of its own: one withheld item does not take the next. */
static int list_item(const unsigned char *s, size_t n)
{
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 1;
	/* U+2022 bullet, U+2023 triangular bullet, U+25AA small square, U+25CF circle */
	return n >= 3 && ((s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA2 || s[2] == 0xA3)) ||
			  (s[0] == 0xE2 && s[1] == 0x96 && s[2] == 0xAA) ||
			  (s[0] == 0xE2 && s[1] == 0x97 && s[2] == 0x8F));
}

/*
 * Does the line s[0..n) open with the label of a record's or an e-mail
 * header's field about the record itself ("Name: ", "Sent: ", "Subject: ",
 * "Hx: ", "Tenant: ")? The field is a statement of its own, not the line
 * before wrapped ("...Discharged 29/10\nName: ...", "From: Housing\nSent:
 * 3 May 10:02"). Only these labels: one that may say where or how to reach
 * her ("Address:", "Area:", "Details:", "Plan:") still goes on the
 * statement before it (fail safe).
 */
static int field_label(const unsigned char *s, size_t n)
{
	static const char *const L[] = {"name", "sent", "to", "cc", "subject", "date", "dob",
	                                "nhs", "ref", "tenant", "hx", "interpreter", "pupil",
	                                "patient", "client", NULL};
	char w[12];
	size_t i = 0;
	if (n == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return 0;
	while (i < n && i < sizeof w - 1 && is_alpha(s[i]) && s[i] < 0x80) {
		w[i] = (char)(s[i] | 0x20);
		i++;
	}
	if (i == 0 || i >= n || s[i] != ':' || (i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\n'))
		return 0;
	w[i] = 0;
	for (size_t k = 0; L[k]; k++)
		if (strcmp(w, L[k]) == 0)
			return 1;
	return 0;
}

/*
 * Does the line s[0..n) open with a form's label: a capital, then at most
 * 40 bytes of words (letters, spaces, brackets, '/', '-', '\'') and a colon
 * ending the label ("Victim name: ", "Current address (DO NOT SHARE): ",
 * "Safe to call:")? A form's lines, label after label, are statements of
 * their own (place_lex_one); nor is a label line a town after an address.
 */
int place_form_label(const unsigned char *s, size_t n)
{
	if (n == 0 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return 0;
	for (size_t i = 1; i < n && i <= 40; i++) {
		unsigned c = s[i];
		if (c == ':')
			return i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\n';
		if (!(is_alpha(c) || c == ' ' || c == '(' || c == ')' || c == '/' || c == '-' ||
		      c == '\''))
			return 0;
	}
	return 0;
}

/* Does the text visibly go on over the line break between p and t (t's
 * line s[0..n))? */
static int continues(const struct tok *p, const struct tok *t, size_t prev_len, size_t next_len,
		     const unsigned char *s, size_t n)
{
	if (p->type == T_PUNCT) {
		if (p->ch == ',' && prev_len < 25 && (t->f & F_CAP))
			return 0; /* "Hi all," */
		return strchr(",-&(/:+", p->ch) != NULL;
	}
	if (t->type == T_WORD && (t->f & F_LOWER))
		return 1;
	if (t->type == T_PUNCT && t->ch == '[')
		return 0; /* "[12:40] P: ...": the next entry of a message log */
	if (p->type == T_WORD && (p->cls & (C_FUNC | C_DET | C_PREP | C_LOCV | C_MOVE)))
		return 1;
	if (t->type == T_WORD && field_label(s, n))
		return 0; /* "...Discharged 29/10\nName: ...", "From: ...\nSent: ..." */
	if (p->type == T_WORD && t->type == T_WORD && (p->f & F_CAP) && (t->f & F_CAP) &&
	    !(p->f & F_UPPER) && !(t->f & F_UPPER))
		return 1;
	/* a hard wrap, unless the next line is longer than this one and its
	 * first word (which would have fitted): then this line is a heading,
	 * "Northshire Ambulance Service - Patient Report - incident 2211-0417\nShe is ..." */
	return prev_len >= 60 && t->type != T_NUM && !(t->f & F_UPPER) &&
	       next_len <= prev_len + 1 + (t->end - t->start) + 8;
}

int place_lex_one(struct scan *sc)
{
	const unsigned char *s = sc->s;
	size_t i = sc->pos, n = sc->n, prev_len = 0, prev_start = 0;
	unsigned nl = 0, sp = 0;
	if (i + 1 < n && s[i] == ' ' && s[i + 1] > ' ')
		sp = 1, i++; /* the common case: one space between words */
	while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ||
			 s[i] == '\f' || s[i] == '\v')) {
		if (s[i] == '\n') {
			if (nl++ == 0)
				prev_len = i - sc->line_start, prev_start = sc->line_start;
			sc->line_start = i + 1;
		}
		sp = 1, i++;
	}
	if (i >= n) {
		sc->pos = n;
		return 0;
	}
	struct tok *t = &sc->ring[sc->nlex & (RING_SLOTS - 1)];
	memset(t, 0, sizeof *t);
	t->start = i;
	unsigned c = s[i];
	if (is_alpha(c)) {
		char lw[WORD_MAX + 1];
		size_t L = 0, j = i;
		unsigned up = 0, lo = 0, dig = 0;
		/* The common case, 8 bytes at a time: a run of ASCII letters,
		 * counted by case and lowered into lw (bytes past the run are
		 * written too, and overwritten or never read: lookups read L). */
		while (j + 8 <= n) {
			uint64_t x;
			memcpy(&x, s + j, 8);
			uint64_t lm = ar_letters(x);
			size_t r = ar_lead(lm);
			uint64_t in = r == 8 ? ~0ull : (1ull << (8 * r)) - 1;
			uint64_t lower = ar_in(x, 'a', 'z') & in;
			lm &= in;
			lo += ar_count(lower);
			up += ar_count(lm & ~lower);
			if (L + 8 <= sizeof lw) {
				x |= lm >> 2; /* 0x80 >> 2: the case bit */
				memcpy(lw + L, &x, 8);
			} else {
				for (size_t q = 0; q < r && L + q < WORD_MAX; q++)
					lw[L + q] = (char)(s[j + q] | 0x20);
			}
			L += r, j += r;
			if (r < 8)
				break;
		}
		while (j < n) {
			unsigned d = s[j], k = KIND[d];
			if (d - 'a' < 26u) { /* the common case: a lower-case ASCII letter */
				lo++;
				if (L < WORD_MAX)
					lw[L] = (char)d;
				L++, j++;
				continue;
			}
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
			/* "café": a final é read as e ("cafe") */
			if (id == 0 && L >= 4 && (unsigned char)lw[L - 2] == 0xC3 &&
			    (unsigned char)lw[L - 1] == 0xA9) {
				lw[L - 2] = 'e';
				id = lookup(lw, L - 1);
			}
			if (id == 0 && L >= 5 && !(t->f & F_POSS))
				id = transposed(lw, L);
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
	const struct tok *p = sc->nlex >= 1 ? &sc->ring[(sc->nlex - 1) & (RING_SLOTS - 1)] : &END_TOK;
	const struct tok *pp = sc->nlex >= 2 ? &sc->ring[(sc->nlex - 2) & (RING_SLOTS - 1)] : &END_TOK;
	int brk;
	if (sc->nlex == 0 || nl >= 2)
		brk = 1;
	else if (p->type == T_PUNCT && sp &&
		 (p->ch == '.' || p->ch == '!' || p->ch == '?' || p->ch == ';' || p->ch == 0)) {
		/* (0 too: as strchr(".!?;", 0) found the terminator) */
		brk = 1;
		if (p->ch == '.' && !nl && pp->type == T_WORD && pp->end == p->start &&
		    ((pp->cls & C_ABBRDOT) || pp->end - pp->start == 1))
			brk = 0;
	} else if (nl) {
		/* the next line's length (bytes); 0 when the line before has a
		 * sentence's end in it: prose, no heading */
		size_t e = t->start, b = prev_start;
		if (prev_len >= 60) { /* only a long line can be a heading */
			const unsigned char *q = memchr(s + e, '\n', n - e);
			e = q ? (size_t)(q - s) : n;
			for (; b + 1 < p->end && e > t->start; b++)
				if ((s[b] == '.' || s[b] == '?' || s[b] == '!') && s[b + 1] == ' ')
					e = t->start;
		}
		/* "Victim name: <Name>\nCurrent address: ...": a form's label
		 * line after a label line opens a statement (the line before
		 * ending in its label's colon still goes on: continues) */
		int form = p->type != T_PUNCT && place_form_label(s + t->start, n - t->start) &&
			   place_form_label(s + prev_start, prev_len);
		brk = form || !continues(p, t, prev_len, e - t->start, s + t->start, n - t->start) ||
		      list_item(s + t->start, n - t->start);
	}
	else
		brk = 0;
	if (brk)
		t->f |= F_BRK;
	sc->pos = t->end;
	sc->nlex++;
	return 1;
}

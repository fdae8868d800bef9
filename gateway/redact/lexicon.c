/* lexicon.c: see lexicon.h. The tables are generated (lexicon_data.h). */
#include "utf8.h"
#include "ascii_run.h"
#include "lexicon.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "lexicon_data.h"

static void set_letter(struct lex_char *c, const struct lex_fold *f, const char *s, size_t k)
{
	c->cls = f->letter ? LEX_C_LETTER : LEX_C_OTHER;
	c->upper = f->upper;
	if (!f->letter)
		return;
	size_t m = strlen(f->fold);
	if (m) {
		memcpy(c->fold, f->fold, m);
		c->nfold = (unsigned char)m;
	} else {
		memcpy(c->fold, s, k);
		c->nfold = (unsigned char)k;
	}
}

size_t lex_char(const char *s, size_t n, struct lex_char *c)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;

	c->cls = LEX_C_OTHER, c->upper = 0, c->nfold = 0;
	if (u[0] < 0x80) {
		unsigned char b = u[0];
		if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
			c->cls = LEX_C_LETTER;
			c->upper = b < 'a';
			c->fold[0] = (char)(b | 0x20);
			c->nfold = 1;
		} else if (b >= '0' && b <= '9') {
			c->cls = LEX_C_DIGIT;
			c->fold[0] = (char)b;
			c->nfold = 1;
		} else if (b == '\'') {
			c->cls = LEX_C_APOS;
		} else if (b == '\n') {
			c->cls = LEX_C_NL;
		} else if (b == ' ' || b == '\t' || b == '\r' || b == '\v' || b == '\f') {
			c->cls = LEX_C_SPACE;
		}
		return 1;
	}
	size_t k = utf8_decode(u, n, &cp);
	if (k == 0)
		return 1;
	if (cp >= 0xC0 && cp < 0x250) {
		set_letter(c, &lex_fold_latin[cp - 0xC0], s, k);
	} else if (cp >= 0x1E00 && cp < 0x1F00) {
		set_letter(c, &lex_fold_ext[cp - 0x1E00], s, k);
	} else if (cp == 0x2018 || cp == 0x2019 || cp == 0x2BC) {
		c->cls = LEX_C_APOS;
	} else if ((cp >= 0x300 && cp <= 0x36F) || cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) ||
		   cp == 0x2060 || cp == 0xFEFF) {
		c->cls = LEX_C_JOIN;
	} else if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
		   cp == 0x205F || cp == 0x3000 || cp == 0x2028 || cp == 0x2029) {
		c->cls = LEX_C_SPACE;
	} else if (cp < 0xC0 && cp != 0xAA && cp != 0xBA && cp != 0xB5) {
		/* C1 controls, Latin-1 punctuation and symbols */
	} else if ((cp >= 0x2010 && cp <= 0x2BFF) || (cp >= 0x3001 && cp <= 0x303F) ||
		   (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
		   (cp >= 0xFF01 && cp <= 0xFF0F) || cp >= 0xFFF0 || (cp >= 0x2B0 && cp < 0x300)) {
		/* punctuation, symbols, private use, emoji, modifier letters */
	} else {
		/* Any other script's letter: copied, compared byte for byte. Greek
		 * and Cyrillic have case; other scripts do not. */
		c->cls = LEX_C_LETTER;
		c->upper = (cp >= 0x391 && cp <= 0x3AB) || (cp >= 0x400 && cp <= 0x42F) ||
			   (cp >= 0x460 && cp <= 0x52F && !(cp & 1));
		memcpy(c->fold, s, k);
		c->nfold = (unsigned char)k;
	}
	return k;
}

int lex_fold(const char *w, size_t n, char *out, size_t cap)
{
	size_t i = 0, o = 0;
	int gap = 0;

	/* The common case, a word of ASCII letters and digits that fits: each
	 * byte lower-cased (a digit's 0x20 bit is already set), as the loop
	 * below folds it, without a lex_char per byte. Anything else is folded
	 * from the start by that loop. Eight bytes at a time first while
	 * they are all ASCII letters or digits and fit (ascii_run.h). */
	while (i + 8 <= n && i + 8 <= cap) {
		uint64_t x;
		memcpy(&x, w + i, 8);
		uint64_t lm = ar_letters(x);
		if ((lm | ar_in(x, '0', '9')) != AR_HI)
			break;
		x |= lm >> 2; /* 0x80 >> 2: the case bit */
		memcpy(out + i, &x, 8);
		i += 8;
	}
	while (i < n && i < cap) {
		unsigned b = (unsigned char)w[i];
		if ((b | 0x20) - 'a' >= 26u && b - '0' >= 10u)
			break;
		out[i++] = (char)(b | 0x20);
	}
	if (i == n)
		return (int)n;
	i = 0;
	while (i < n) {
		struct lex_char c;
		i += lex_char(w + i, n - i, &c);
		switch (c.cls) {
		case LEX_C_LETTER:
		case LEX_C_DIGIT:
			if (o + (gap && o) + c.nfold > cap)
				return -1;
			if (gap && o)
				out[o++] = ' ';
			gap = 0;
			memcpy(out + o, c.fold, c.nfold);
			o += c.nfold;
			break;
		case LEX_C_APOS:
		case LEX_C_JOIN:
			break;
		default:
			gap = 1;
			break;
		}
	}
	return (int)o;
}

static uint32_t fnv1a(const char *s, size_t n)
{
	uint32_t h = 0x811C9DC5u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x01000193u;
	}
	return h;
}

/* The slot of key[0..n) whose FNV-1a hash is h, or NULL. The table is at
 * most half full, so a probe sequence ends at an empty slot. */
static const struct lex_slot *find_h(const char *key, size_t n, uint32_t h)
{
	for (h &= lex_slot_mask;; h = (h + 1) & lex_slot_mask) {
		const struct lex_slot *sl = &lex_slots[h];
		if (sl->off == 0)
			return NULL;
		const char *k = lex_blob + sl->off;
		/* strncmp, not memcmp: a shorter key at the blob's end ends
		 * in its NUL, and memcmp may read all n bytes past it (the
		 * first bytes first: most probes that go on differ there) */
		if (k[0] == key[0] && strncmp(k, key, n) == 0 && k[n] == '\0')
			return sl;
	}
}

/* The slot of key[0..n), or NULL. */
static const struct lex_slot *find(const char *key, size_t n)
{
	if (n == 0 || n > LEX_MAX_KEY)
		return NULL;
	return find_h(key, n, fnv1a(key, n));
}

/*
 * The answers of recent lookups, per thread. A scrub's passes each classify
 * the words they reach (names_scan, place.c, failsafe.c, scrub.c), so one
 * word is looked up several times, and the words of notes repeat; but the
 * table is 2 MB of slots with its keys in a blob beside it, and a probe
 * misses the CPU's caches on nearly every word, twice (the slot, then the
 * key): most of a lookup's time. Direct-mapped by the key's hash, 512
 * entries of keys up to LEX_CACHE_KEY bytes (longer keys go to the table),
 * each holding the answer, found (its bits) or not (0). The table is
 * constant, so an entry is never stale; n == 0 is an empty entry.
 */
#define LEX_CACHE_BITS 9
#define LEX_CACHE_KEY 23
struct lex_cached {
	char key[LEX_CACHE_KEY];
	unsigned char n;
	uint32_t bits;
};
static __thread struct lex_cached lex_cache[1u << LEX_CACHE_BITS];

/*
 * What the cache misses is mostly no key at all (a phrase of two words a
 * pass tries, a word of no list), and a probe of the table for it costs
 * the same miss as for a key. A Bloom filter of every key, two bits each of
 * 2^20 (128 KiB, 13 bits a key: about 2% of absent keys pass), answers
 * most of them from memory the CPU keeps close. Built once from the table.
 */
#define KEY_BLOOM_BITS 20
static uint64_t key_bloom[(1u << KEY_BLOOM_BITS) / 64];
static void sig_ensure(void); /* builds key_bloom, with sig_bits (below) */

static inline uint32_t key_bit1(uint32_t h)
{
	return h >> (32 - KEY_BLOOM_BITS);
}

static inline uint32_t key_bit2(uint32_t h)
{
	return (h * 0x9E3779B1u) >> (32 - KEY_BLOOM_BITS);
}

/* Can key (its FNV-1a hash h) be in the table? False means certainly not. */
static inline int key_possible(uint32_t h)
{
	sig_ensure();
	uint32_t b1 = key_bit1(h), b2 = key_bit2(h);
	return (key_bloom[b1 / 64] >> (b1 % 64) & 1) && (key_bloom[b2 / 64] >> (b2 % 64) & 1);
}

unsigned lex_lookup(const char *key, size_t n)
{
	if (n == 0 || n > LEX_MAX_KEY)
		return 0;
	uint32_t h = fnv1a(key, n);
	if (n > LEX_CACHE_KEY) {
		const struct lex_slot *sl = key_possible(h) ? find_h(key, n, h) : NULL;
		return sl ? sl->meta & 0xFFFFu : 0;
	}
	struct lex_cached *c = &lex_cache[h & ((1u << LEX_CACHE_BITS) - 1)];
	if (c->n == n && memcmp(c->key, key, n) == 0)
		return c->bits;
	const struct lex_slot *sl = key_possible(h) ? find_h(key, n, h) : NULL;
	memcpy(c->key, key, n);
	c->n = (unsigned char)n;
	c->bits = sl ? sl->meta & 0xFFFFu : 0;
	return c->bits;
}

unsigned lex_classify(const char *w, size_t n)
{
	char key[LEX_MAX_KEY];
	int k = lex_fold(w, n, key, sizeof key);
	return k > 0 ? lex_lookup(key, (size_t)k) : 0;
}

int lex_nicknames(const char *forename, size_t n,
		  int (*emit)(void *ctx, const char *form, size_t len), void *ctx)
{
	char key[LEX_MAX_KEY];
	int k = lex_fold(forename, n, key, sizeof key), count = 0;
	const struct lex_slot *sl = k > 0 ? find(key, (size_t)k) : NULL;

	if (sl == NULL || (sl->meta >> 16) == 0)
		return 0;
	for (const uint32_t *p = &lex_nick[sl->meta >> 16]; *p; p++) {
		const char *form = lex_blob + *p;
		int rc = emit(ctx, form, strlen(form));
		if (rc < 0)
			return rc;
		count++;
	}
	return count;
}

static int bloom_has(const char *w, size_t n)
{
	uint32_t h = fnv1a(w, n), lo = h & 0xFFFFu, hi = h >> 16;
	return (lex_cue_filter[lo >> 5] >> (lo & 31) & 1u) && (lex_cue_filter[hi >> 5] >> (hi & 31) & 1u);
}

/*
 * Before the Bloom filter, which hashes every byte: a bit per (length, first
 * byte, last byte) signature, set for every lexicon key the Bloom filter
 * passes (the cue words and the few others it lets through). A word whose
 * bit is clear is either no key, or a key the filter rejects; either way the
 * answer it gets is the one the filter gave. Built once from the table.
 */
#define SIG_BITS 16
static uint64_t sig_bits[(1u << SIG_BITS) / 64];
static pthread_once_t sig_once = PTHREAD_ONCE_INIT;

static inline uint32_t sig_of(const char *w, size_t n)
{
	uint32_t h = (uint32_t)n * 0x9E3779B1u ^ (unsigned char)w[0] * 0x85EBCA77u ^
	             (unsigned char)w[n - 1] * 0xC2B2AE3Du;
	return h >> (32 - SIG_BITS);
}

/* sig_bits and key_bloom, in one walk over the table (a miss a key). */
static void sig_build(void)
{
	for (uint32_t s = 0; s <= lex_slot_mask; s++) {
		if (lex_slots[s].off == 0)
			continue;
		const char *k = lex_blob + lex_slots[s].off;
		size_t n = strlen(k);
		uint32_t h = fnv1a(k, n), b1 = key_bit1(h), b2 = key_bit2(h);
		key_bloom[b1 / 64] |= 1ull << (b1 % 64);
		key_bloom[b2 / 64] |= 1ull << (b2 % 64);
		if (n > 0 && bloom_has(k, n)) {
			uint32_t b = sig_of(k, n);
			sig_bits[b / 64] |= 1ull << (b % 64);
		}
	}
}

/* Set (release) once sig_bits is built: the common call then makes no
 * call into pthread_once, which costs a call per lower-case word. */
static int sig_ready;

static void sig_build_once(void)
{
	sig_build();
	__atomic_store_n(&sig_ready, 1, __ATOMIC_RELEASE);
}

static void sig_ensure(void)
{
	if (!__atomic_load_n(&sig_ready, __ATOMIC_ACQUIRE))
		pthread_once(&sig_once, sig_build_once);
}

int lex_cue_possible(const char *w, size_t n)
{
	if (n == 0)
		return bloom_has(w, n);
	sig_ensure();
	uint32_t b = sig_of(w, n);
	if (!(sig_bits[b / 64] >> (b % 64) & 1))
		return 0;
	uint32_t h = fnv1a(w, n), lo = h & 0xFFFFu, hi = h >> 16;
	return (lex_cue_filter[lo >> 5] >> (lo & 31) & 1u) && (lex_cue_filter[hi >> 5] >> (hi & 31) & 1u);
}

/*
 * ascii_run.h: the length of a run of ASCII letters (or letters and digits)
 * at the start of a buffer, eight bytes at a time.
 *
 * Every free-text recogniser of the scrubber spends most of its time walking
 * over ordinary words one byte at a time, with a branch per byte that
 * mispredicts at each word's end. These helpers find the end of such a run
 * with one 8-byte load, a few arithmetic operations per 8 bytes and one
 * count of trailing zeros, so a word of up to 8 letters costs one step.
 * They read only p[0..n) (a short tail is read byte by byte) and answer
 * exactly what the byte loop they replace would: callers keep their own
 * handling of whatever byte ends the run.
 *
 * Lane arithmetic: with every lane's top bit forced on (x | HI), subtracting
 * a bound below 0x80 from each lane never borrows from the next lane, so
 * the top bit of (y - bound) says "low seven bits >= bound"; bytes of 0x80
 * and above are no ASCII letter or digit and are masked out.
 */
#ifndef MARAC_ASCII_RUN_H
#define MARAC_ASCII_RUN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define AR_ONES 0x0101010101010101ull
#define AR_HI 0x8080808080808080ull

/* Top bit of each lane of x set where lo <= byte <= hi (ASCII bounds). */
static inline uint64_t ar_in(uint64_t x, unsigned lo, unsigned hi)
{
	uint64_t y = x | AR_HI;
	return (y - AR_ONES * lo) & ~(y - AR_ONES * (hi + 1)) & ~x & AR_HI;
}

/* Top bit set in each lane that is an ASCII letter (either case). */
static inline uint64_t ar_letters(uint64_t x)
{
	return ar_in(x | AR_ONES * 0x20, 'a', 'z') & ~(x & AR_HI);
}

/* Number of leading lanes (in memory order) whose top bit is set in m. */
static inline size_t ar_lead(uint64_t m)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t miss = ~m & AR_HI;
	return miss ? (size_t)__builtin_ctzll(miss) / 8 : 8;
#else
	uint64_t miss = ~m & AR_HI;
	return miss ? (size_t)__builtin_clzll(miss) / 8 : 8;
#endif
}

/* Number of lanes whose top bit is set in m (a multiply, not a popcount
 * instruction the target may lack). */
static inline unsigned ar_count(uint64_t m)
{
	return (unsigned)((((m & AR_HI) >> 7) * AR_ONES) >> 56);
}

/* From s[i], past every eight bytes of s[0..n) that hold no ASCII capital:
 * the index of the first capital, or of a tail shorter than eight bytes
 * (the caller reads that byte by byte), or n. For passes whose every
 * match starts with a capital (a town, a shop's name). */
static inline size_t ar_to_upper(const unsigned char *s, size_t i, size_t n)
{
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		uint64_t up = ar_in(x, 'A', 'Z');
		if (up)
			return i + ar_lead(~up & AR_HI);
	}
	return i;
}

static inline int ar_is_letter(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}
static inline int ar_is_alnum(unsigned char c)
{
	return ar_is_letter(c) || (unsigned)(c - '0') < 10u;
}

/* Bytes of p[0..n) before the first that is not an ASCII letter. */
static inline size_t ascii_letter_run(const unsigned char *p, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		size_t k = ar_lead(ar_letters(x));
		if (k < 8)
			return i + k;
	}
	while (i < n && ar_is_letter(p[i]))
		i++;
	return i;
}

/* ascii_letter_run(p, n < max ? n : max) for a max of at most 8: one step
 * when 8 bytes can be read. */
static inline size_t ascii_letter_run_max(const unsigned char *p, size_t n, size_t max)
{
	if (n >= 8) {
		uint64_t x;
		memcpy(&x, p, 8);
		size_t k = ar_lead(ar_letters(x));
		return k < max ? k : max;
	}
	size_t i = 0;
	while (i < n && i < max && ar_is_letter(p[i]))
		i++;
	return i;
}

/* Bytes of p[0..n) before the first that is not an ASCII letter or digit. */
static inline size_t ascii_alnum_run(const unsigned char *p, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		size_t k = ar_lead(ar_letters(x) | ar_in(x, '0', '9'));
		if (k < 8)
			return i + k;
	}
	while (i < n && ar_is_alnum(p[i]))
		i++;
	return i;
}

#endif

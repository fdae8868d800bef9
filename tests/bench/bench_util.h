/*
 * bench_util.h: what the text micro-benchmarks (bench_scrub, bench_place)
 * share: a growable text buffer, a seeded xorshift picker (the same text
 * every run), and wall and per-thread CPU clocks (on a shared machine the
 * CPU time of the scrubbing thread is the figure that means something).
 */
#ifndef MARAC_BENCH_UTIL_H
#define MARAC_BENCH_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct buf {
	char *p;
	size_t n, cap;
};

/* Append s (NUL kept after it); exits on out of memory. */
static inline void put(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->n + n + 1 > b->cap) {
		b->cap = 2 * (b->n + n + 1);
		if ((b->p = realloc(b->p, b->cap)) == NULL) {
			fprintf(stderr, "bench: out of memory\n");
			exit(1);
		}
	}
	memcpy(b->p + b->n, s, n + 1);
	b->n += n;
}

static uint64_t rng = 0x2545F4914F6CDD1Dull;

/* A number below n from a fixed xorshift sequence. */
static inline unsigned pick(unsigned n)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static inline double clock_s(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline double now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

/* CPU time of the calling thread. */
static inline double cpu(void)
{
	return clock_s(CLOCK_THREAD_CPUTIME_ID);
}

#endif

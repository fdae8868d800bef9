/*
 * linear_guard.h: a guard against a recogniser whose cost grows faster than
 * its text (a rule that reads back to the start of a clause or sentence at
 * every cue: s11-review found one that took an hour on a 1 MiB narrative).
 *
 * lg_assert_linear: for each cue, a text of about n bytes repeating it with
 * no stop, and one of the same shape with every letter replaced (no cue),
 * are scanned; the least CPU time of runs of the first must be at most 50
 * times that of the second (plus 10 ms). A CPU-time ratio on one machine in
 * one run, not a speed target: a quadratic rule is thousands of times over.
 */
#ifndef MARAC_TEST_LINEAR_GUARD_H
#define MARAC_TEST_LINEAR_GUARD_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scrub.h"

typedef int (*lg_scan_fn)(const char *s, size_t n, struct spans *out);

/* The least CPU seconds of runs scans of s[0..n). */
static inline double lg_cpu_least(lg_scan_fn scan_fn, const char *s, size_t n, int runs)
{
	double least = 1e9;
	for (int r = 0; r < runs; r++) {
		struct spans sv = {0};
		clock_t t0 = clock();
		cr_assert_eq(scan_fn(s, n, &sv), 0);
		double t = (double)(clock() - t0) / CLOCKS_PER_SEC;
		spans_free(&sv);
		least = t < least ? t : least;
	}
	return least;
}

static inline void lg_assert_linear(lg_scan_fn scan_fn, const char *const *cue, size_t ncue, size_t n,
				    int runs)
{
	char *t = malloc(n), *plain = malloc(n);
	cr_assert(t && plain);
	for (size_t c = 0; c < ncue; c++) {
		size_t m = strlen(cue[c]), k = 0;
		while (k + m <= n) {
			memcpy(t + k, cue[c], m);
			for (size_t i = 0; i < m; i++) {
				char ch = cue[c][i];
				plain[k + i] = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch;
			}
			k += m;
		}
		double a = lg_cpu_least(scan_fn, t, k, runs), b = lg_cpu_least(scan_fn, plain, k, runs);
		cr_assert_lt(a, 50 * b + 0.01, "\"%s\" x %zu: %.4f s, no cue: %.4f s", cue[c], k / m, a,
			     b);
	}
	free(t), free(plain);
}

#endif

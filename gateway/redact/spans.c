/* spans.c: see spans.h. */
#include "spans.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mgw_err.h"

int spans_push(struct spans *sv, size_t start, size_t end, unsigned kind, const char *rule)
{
	if (sv->n == sv->cap) {
		size_t cap = sv->cap ? 2 * sv->cap : 32;
		if (cap > SIZE_MAX / sizeof *sv->v)
			return MGW_E_NOMEM;
		struct span *v = realloc(sv->v, cap * sizeof *v);
		if (v == NULL)
			return MGW_E_NOMEM;
		sv->v = v, sv->cap = cap;
	}
	sv->v[sv->n++] = (struct span){start, end, kind, rule};
	return 0;
}

static int cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return 0;
}

static int before(const struct span *x, const struct span *y)
{
	return x->start < y->start || (x->start == y->start && x->end > y->end);
}

/*
 * One natural merge sort of a[0..n) with b[0..n) as the other buffer: the
 * runs already in order are merged pairwise, round after round, until one
 * is left. Returns the buffer (a or b) that holds the sorted spans. A merge
 * takes the left run's span on a tie: stable.
 */
static struct span *merge_runs(struct span *a, struct span *b, size_t n)
{
	for (;;) {
		size_t runs = 0, k = 0;
		for (size_t lo = 0; lo < n; runs++) {
			size_t mid = lo + 1;
			while (mid < n && !before(&a[mid], &a[mid - 1]))
				mid++;
			size_t hi = mid < n ? mid + 1 : n;
			while (hi < n && !before(&a[hi], &a[hi - 1]))
				hi++;
			size_t x = lo, y = mid;
			while (x < mid && y < hi)
				b[k++] = before(&a[y], &a[x]) ? a[y++] : a[x++];
			while (x < mid)
				b[k++] = a[x++];
			while (y < hi)
				b[k++] = a[y++];
			lo = hi;
		}
		struct span *t = a;
		a = b, b = t;
		if (runs <= 1)
			return a;
	}
}

/* Spans sorted first a block at a time: 64 KiB, in a core's cache. */
#define SORT_BLOCK 2048

/*
 * Stable: spans equal under cmp keep their order, as the scrubber's merge
 * takes the kind of the first. The passes append in order of start, so the
 * array is a few sorted runs: a natural merge sort merges the runs pairwise,
 * O(n log runs), where qsort would take O(n log n) compares through a
 * function pointer. Without memory for the copy, qsort (glibc's is a stable
 * merge sort when it can allocate, as here it could not: rare).
 *
 * A pass's own spans are out of order only locally (a cue's span pushed
 * after the word it found: on the bench a run is 16 spans long on average),
 * so most rounds merge short runs. Those rounds are done block by block
 * first, each block in cache, rather than each round over the whole array
 * out of memory: the rounds left over the whole array merge the sorted
 * blocks and the passes' stretches, a few. A stable sort's order is the
 * same whatever the order of the merges.
 */
void spans_sort(struct spans *sv)
{
	size_t n = sv->n, i = 1;
	while (i < n && !before(&sv->v[i], &sv->v[i - 1]))
		i++;
	if (i >= n)
		return; /* already in order */
	struct span *a = sv->v, *b = malloc(n * sizeof *b);
	if (b == NULL) {
		qsort(sv->v, n, sizeof *sv->v, cmp);
		return;
	}
	if (n > SORT_BLOCK)
		for (size_t lo = 0; lo < n; lo += SORT_BLOCK) {
			size_t m = n - lo < SORT_BLOCK ? n - lo : SORT_BLOCK;
			struct span *r = merge_runs(a + lo, b + lo, m);
			if (r != a + lo)
				memcpy(a + lo, r, m * sizeof *a);
		}
	struct span *r = merge_runs(a, b, n);
	if (r != a)
		memcpy(a, r, n * sizeof *a);
	free(b);
}

void spans_free(struct spans *sv)
{
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

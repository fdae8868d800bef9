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
 * Merge the sorted runs a[lo..mid) and a[mid..hi) in place, the shorter
 * copied out to t: from the front when it is the left one, from the back
 * when it is the right one. A tie takes the left run's span first: stable.
 */
static void merge(struct span *a, size_t lo, size_t mid, size_t hi, struct span *t)
{
	if (mid - lo <= hi - mid) {
		size_t nl = mid - lo, x = 0, y = mid, k = lo;
		memcpy(t, a + lo, nl * sizeof *t);
		while (x < nl && y < hi) /* k <= y: nothing unread is overwritten */
			a[k++] = before(&a[y], &t[x]) ? a[y++] : t[x++];
		memcpy(a + k, t + x, (nl - x) * sizeof *t); /* the left run's rest, at the end */
	} else {
		size_t nr = hi - mid, x = mid, y = nr, k = hi;
		memcpy(t, a + mid, nr * sizeof *t);
		while (x > lo && y > 0) /* from the back: the right one's span on a tie */
			a[--k] = before(&t[y - 1], &a[x - 1]) ? a[--x] : t[--y];
		memcpy(a + lo, t, y * sizeof *t); /* the right run's rest, at the start */
	}
}

/*
 * A natural merge sort of a[0..n): the runs already in order are merged
 * pairwise, round after round, until one is left; t holds the shorter run
 * of each merge (n / 2 spans at most).
 */
static void merge_runs(struct span *a, size_t n, struct span *t)
{
	for (;;) {
		size_t runs = 0;
		for (size_t lo = 0; lo < n; runs++) {
			size_t mid = lo + 1;
			while (mid < n && !before(&a[mid], &a[mid - 1]))
				mid++;
			if (mid == n) { /* a last run with none to merge with */
				runs++;
				break;
			}
			size_t hi = mid + 1;
			while (hi < n && !before(&a[hi], &a[hi - 1]))
				hi++;
			merge(a, lo, mid, hi, t);
			lo = hi;
		}
		if (runs <= 1)
			return;
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
 * same whatever the order of the merges. Each merge copies out only its
 * shorter run: on a long text the copy is memory never touched before,
 * which costs more than the merge.
 */
void spans_sort(struct spans *sv)
{
	size_t n = sv->n, i = 1;
	while (i < n && !before(&sv->v[i], &sv->v[i - 1]))
		i++;
	if (i >= n)
		return; /* already in order */
	struct span *t = malloc((n / 2 + 1) * sizeof *t);
	if (t == NULL) {
		qsort(sv->v, n, sizeof *sv->v, cmp);
		return;
	}
	if (n > SORT_BLOCK)
		for (size_t lo = 0; lo < n; lo += SORT_BLOCK)
			merge_runs(sv->v + lo, n - lo < SORT_BLOCK ? n - lo : SORT_BLOCK, t);
	merge_runs(sv->v, n, t);
	free(t);
}

void spans_free(struct spans *sv)
{
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

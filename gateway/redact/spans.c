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
 * Stable: spans equal under cmp keep their order, as the scrubber's merge
 * takes the kind of the first. The passes append in order of start, so the
 * array is a few sorted runs: a natural merge sort merges the runs pairwise,
 * O(n log runs), where qsort would take O(n log n) compares through a
 * function pointer. Without memory for the copy, qsort (glibc's is a stable
 * merge sort when it can allocate, as here it could not: rare).
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
			break;
	}
	if (a != sv->v) {
		memcpy(sv->v, a, n * sizeof *a);
		b = a;
	}
	free(b);
}

void spans_free(struct spans *sv)
{
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

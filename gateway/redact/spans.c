/* spans.c: see spans.h. */
#include "spans.h"

#include <stdint.h>
#include <stdlib.h>

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

void spans_sort(struct spans *sv)
{
	if (sv->n > 1)
		qsort(sv->v, sv->n, sizeof *sv->v, cmp);
}

void spans_free(struct spans *sv)
{
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

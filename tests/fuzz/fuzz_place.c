/*
 * fuzz_place.c: place_scan over arbitrary bytes, with and without
 * PLACE_F_LOCATION.
 *
 * Beyond "no crash, no leak, no UB": every span lies inside the input and is
 * not empty, carries a rule and one of place.h's four kinds; statements of
 * where the victim is and safe times come only with the flag; and the flag
 * changes nothing else (the same addresses and places, in the same order,
 * for every recipient).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "mgw_err.h"
#include "place.h"
#include "scrub.h"

/* Say which property broke before aborting: abort() alone leaves no trace. */
static void broken(const char *why)
{
	fprintf(stderr, "fuzz_place: %s\n", why);
	abort();
}

static void check(const struct spans *sv, size_t n, unsigned flags)
{
	for (size_t i = 0; i < sv->n; i++) {
		const struct span *s = &sv->v[i];
		if (s->start >= s->end || s->end > n || s->rule == NULL)
			broken("a span out of bounds or without a rule");
		if (s->kind != SCRUB_ADDRESS && s->kind != SCRUB_PLACE &&
		    s->kind != SCRUB_LOCATION && s->kind != SCRUB_SAFE_TIME)
			broken("a span of an unexpected kind");
		if (!flags && (s->kind == SCRUB_LOCATION || s->kind == SCRUB_SAFE_TIME))
			broken("a location span without the location flag");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct spans a = {0}, b = {0};
	int ra = place_scan((const char *)data, size, 0, &a);
	int rb = place_scan((const char *)data, size, PLACE_F_LOCATION, &b);
	if ((ra != 0 && ra != MGW_E_NOMEM) || (rb != 0 && rb != MGW_E_NOMEM))
		broken("place_scan failed other than out of memory");
	if (ra == 0 && rb == 0) {
		check(&a, size, 0);
		check(&b, size, PLACE_F_LOCATION);
		size_t j = 0;
		for (size_t i = 0; i < b.n; i++) {
			if (b.v[i].kind == SCRUB_LOCATION || b.v[i].kind == SCRUB_SAFE_TIME)
				continue;
			if (j >= a.n || a.v[j].start != b.v[i].start || a.v[j].end != b.v[i].end ||
			    a.v[j].kind != b.v[i].kind)
				broken("the spans without the location flag differ from those with it");
			j++;
		}
		if (j != a.n)
			broken("fewer spans with the location flag");
	}
	spans_free(&a);
	spans_free(&b);
	return 0;
}

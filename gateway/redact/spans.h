/*
 * spans.h: findings of the free-text recognisers, as byte spans.
 *
 * Every recogniser (scrub.c's identifiers and e-mails, names.c's person
 * names, place.c's addresses, institutions and statements of where the
 * victim is) appends spans [start, end) of the normalised text it was given
 * (textnorm.h) to one spans vector. Spans need not be sorted or disjoint:
 * scrub.c sorts them, unites overlaps and maps them back to the original
 * text before writing markers.
 *
 * kind is an enum scrub_kind (scrub.h); rule is a static string naming the
 * recogniser and cue that fired ("cue:title", "lex:surname", "addr:number+street"),
 * shown by `marac policy redact --explain`. Never a value from the text.
 */
#ifndef MARAC_SPANS_H
#define MARAC_SPANS_H

#include <stddef.h>

struct span {
	size_t start, end; /* byte offsets, end exclusive */
	unsigned kind;     /* enum scrub_kind */
	const char *rule;  /* static storage */
};

struct spans {
	struct span *v;
	size_t n, cap;
};

/* Append one span. Returns 0 or MGW_E_NOMEM (the vector is unchanged then). */
int spans_push(struct spans *sv, size_t start, size_t end, unsigned kind, const char *rule);

/* Sort by start, then by greater end. */
void spans_sort(struct spans *sv);

/* Free the vector's storage and zero it. */
void spans_free(struct spans *sv);

#endif

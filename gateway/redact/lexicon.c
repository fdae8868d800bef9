/* lexicon.c: see lexicon.h. (Interface stub: knows no words yet.) */
#include "lexicon.h"

unsigned lex_classify(const char *w, size_t n)
{
	(void)w, (void)n;
	return 0;
}

int lex_nicknames(const char *forename, size_t n, int (*emit)(void *ctx, const char *form,
							      size_t len),
		  void *ctx)
{
	(void)forename, (void)n, (void)emit, (void)ctx;
	return 0;
}

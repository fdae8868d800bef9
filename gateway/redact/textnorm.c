/* textnorm.c: see textnorm.h. (Interface stub: identity mapping; replaced by the full normaliser.) */
#include "textnorm.h"

#include <stdlib.h>
#include <string.h>

#include "mgw_err.h"

int textnorm_build(const char *text, size_t len, struct textnorm *out)
{
	memset(out, 0, sizeof *out);
	out->s = malloc(len + 1);
	out->map = malloc((len + 1) * sizeof *out->map);
	if (out->s == NULL || out->map == NULL) {
		textnorm_free(out);
		return MGW_E_NOMEM;
	}
	if (len)
		memcpy(out->s, text, len);
	out->s[len] = 0;
	for (size_t i = 0; i <= len; i++)
		out->map[i] = i;
	out->n = len;
	return 0;
}

void textnorm_free(struct textnorm *t)
{
	free(t->s);
	free(t->map);
	memset(t, 0, sizeof *t);
}

/* canon.c: see canon.h. */
#include "canon.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ident.h"

/* Street-type and unit abbreviations as written in UK addresses. */
static const struct {
	const char *abbr, *full;
} ABBR[] = {
    {"rd", "road"},      {"st", "street"},    {"ave", "avenue"},   {"av", "avenue"},
    {"cres", "crescent"}, {"cresc", "crescent"}, {"ct", "court"}, {"crt", "court"},
    {"dr", "drive"},     {"drv", "drive"},    {"ln", "lane"},      {"pl", "place"},
    {"sq", "square"},    {"tce", "terrace"},  {"terr", "terrace"}, {"gdns", "gardens"},
    {"gr", "grove"},     {"gro", "grove"},    {"cl", "close"},     {"hse", "house"},
    {"blvd", "boulevard"}, {"pde", "parade"}, {"wy", "way"},       {"wk", "walk"},
    {"mws", "mews"},     {"flt", "flat"},     {"apt", "apartment"}, {"hts", "heights"},
    {"est", "estate"},   {"grn", "green"},    {"pk", "park"},      {"rise", "rise"},
    {"clo", "close"},    {"ter", "terrace"},  {"crs", "crescent"}, {"cr", "crescent"},
    {"hl", "hill"},      {"mt", "mount"},     {"bldgs", "buildings"}, {"ho", "house"},
    {"ctg", "cottage"},  {"cotts", "cottages"}, {"gdn", "gardens"}, {"yd", "yard"},
    {"app", "approach"}, {"wlk", "walk"},     {"cnr", "corner"},   {"ests", "estates"},
    {"mnr", "manor"},    {"vw", "view"},      {"vls", "villas"},   {"rdg", "ridge"},
};

/* Full words of the table that are not themselves an abbreviation's key. */
static const char *const FULL[] = {
    "road", "street", "avenue", "crescent", "court", "drive", "lane", "place", "square",
    "terrace", "gardens", "grove", "close", "house", "boulevard", "parade", "way", "walk",
    "mews", "flat", "apartment", "heights", "estate", "green", "park", "rise", "hill",
    "mount", "buildings", "cottage", "cottages", "yard", "approach", "corner", "estates",
    "manor", "view", "villas", "ridge",
};

const char *canon_street_word(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof FULL / sizeof FULL[0]; i++)
		if (strlen(FULL[i]) == n && memcmp(FULL[i], w, n) == 0)
			return FULL[i];
	for (size_t i = 0; i < sizeof ABBR / sizeof ABBR[0]; i++)
		if (strlen(ABBR[i].abbr) == n && memcmp(ABBR[i].abbr, w, n) == 0)
			return ABBR[i].full;
	return NULL;
}

size_t canon_street_forms(const char *full, const char **forms, size_t max)
{
	size_t k = 0;
	const char *f = canon_street_word(full, strlen(full));
	if (f == NULL || strcmp(f, full) != 0 || max == 0)
		return 0;
	forms[k++] = f;
	for (size_t i = 0; i < sizeof ABBR / sizeof ABBR[0] && k < max; i++)
		if (strcmp(ABBR[i].full, f) == 0 && strcmp(ABBR[i].abbr, f) != 0)
			forms[k++] = ABBR[i].abbr;
	return k;
}

static const char *expand(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof ABBR / sizeof ABBR[0]; i++)
		if (strlen(ABBR[i].abbr) == n && memcmp(ABBR[i].abbr, w, n) == 0)
			return ABBR[i].full;
	return NULL;
}

static size_t put(char *out, size_t cap, size_t o, const char *s, size_t n)
{
	if (o == (size_t)-1 || o + n + 1 > cap)
		return (size_t)-1;
	memcpy(out + o, s, n);
	out[o + n] = 0;
	return o + n;
}

static size_t canon_words(int address, const char *s, size_t n, char *out, size_t cap)
{
	char *f = malloc(n + 1);
	if (f == NULL || cap == 0) {
		free(f);
		return (size_t)-1;
	}
	int fl = ident_name_fold(s, n, f, n + 1);
	if (fl < 0) { /* not UTF-8: fold ASCII only */
		fl = 0;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			if (isalnum(c))
				f[fl++] = (char)tolower(c);
			else if (fl > 0 && f[fl - 1] != ' ')
				f[fl++] = ' ';
		}
		while (fl > 0 && f[fl - 1] == ' ')
			fl--;
		f[fl] = 0;
	}
	size_t o = 0;
	out[0] = 0;
	size_t words = 0, i = 0;
	size_t lastw = 0, lastw_at = 0; /* last two words, for a trailing postcode */
	size_t prevw = 0, prevw_at = 0;
	while (i < (size_t)fl && o != (size_t)-1) {
		size_t j = i;
		while (j < (size_t)fl && f[j] != ' ')
			j++;
		const char *w = f + i;
		size_t wl = j - i;
		const char *x = address ? expand(w, wl) : NULL;
		if (words)
			o = put(out, cap, o, " ", 1);
		prevw = lastw, prevw_at = lastw_at;
		lastw_at = o;
		o = x ? put(out, cap, o, x, strlen(x)) : put(out, cap, o, w, wl);
		lastw = wl;
		words++;
		i = j + 1;
	}
	free(f);
	if (o == (size_t)-1)
		return o;
	if (address && words >= 2) { /* drop a trailing postcode, written "ts1 2ab" or "ts12ab" */
		char pc[9];
		size_t from = prevw_at;
		if (ident_postcode_norm(out + from, o - from, pc) == 0) {
			o = from ? from - 1 : 0;
			out[o] = 0;
		} else if (ident_postcode_norm(out + lastw_at, o - lastw_at, pc) == 0) {
			o = lastw_at ? lastw_at - 1 : 0;
			out[o] = 0;
		}
		(void)prevw, (void)lastw;
	}
	return o;
}

size_t canon_value(enum canon_kind kind, const char *s, size_t n, char *out, size_t cap)
{
	if (cap == 0)
		return (size_t)-1;
	out[0] = 0;
	switch (kind) {
	case CANON_PHONE: {
		char e[16];
		if (ident_phone_e164(s, n, e) == 0)
			return put(out, cap, 0, e, strlen(e));
		size_t o = 0;
		for (size_t i = 0; i < n && o != (size_t)-1; i++)
			if (isdigit((unsigned char)s[i]))
				o = put(out, cap, o, s + i, 1);
		return o;
	}
	case CANON_EMAIL: {
		size_t a = 0, b = n, o = 0;
		while (a < b && isspace((unsigned char)s[a]))
			a++;
		while (b > a && isspace((unsigned char)s[b - 1]))
			b--;
		for (size_t i = a; i < b && o != (size_t)-1; i++) {
			char c = (char)tolower((unsigned char)s[i]);
			o = put(out, cap, o, &c, 1);
		}
		return o;
	}
	case CANON_ID: {
		size_t o = 0;
		for (size_t i = 0; i < n && o != (size_t)-1; i++)
			if (isalnum((unsigned char)s[i])) {
				char c = (char)toupper((unsigned char)s[i]);
				o = put(out, cap, o, &c, 1);
			}
		return o;
	}
	case CANON_ADDRESS: return canon_words(1, s, n, out, cap);
	case CANON_TEXT:
	default: return canon_words(0, s, n, out, cap);
	}
}

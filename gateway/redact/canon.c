/* canon.c: see canon.h. */
#include "canon.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ident.h"
#include "utf8.h"

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
    /* s50-never: the word's first letter and its consonants, as a hurried
     * sheet shortens it ("88 Rookery Vlls", "Hamstead Hill Crscnt"); none
     * a word or another abbreviation ("plc", "hs" left out) */
    {"vlls", "villas"},  {"strt", "street"},  {"avn", "avenue"},   {"crscnt", "crescent"},
    {"sqr", "square"},   {"trrc", "terrace"}, {"grdns", "gardens"}, {"grv", "grove"},
    {"cls", "close"},    {"blvrd", "boulevard"}, {"prd", "parade"}, {"hghts", "heights"},
    {"estt", "estate"},  {"prk", "park"},     {"hll", "hill"},     {"mnt", "mount"},
    {"bldngs", "buildings"}, {"cttg", "cottage"}, {"cttgs", "cottages"}, {"yrd", "yard"},
    {"apprch", "approach"}, {"crnr", "corner"},
    /* s51-never: a farm's and a cottage's short forms ("Tel from Mr S,
     * Cefn Fm") */
    {"fm", "farm"},      {"frm", "farm"},     {"cott", "cottage"}, {"ctgs", "cottages"},
};

/* Full words of the table that are not themselves an abbreviation's key. */
static const char *const FULL[] = {
    "road", "street", "avenue", "crescent", "court", "drive", "lane", "place", "square",
    "terrace", "gardens", "grove", "close", "house", "boulevard", "parade", "way", "walk",
    "mews", "flat", "apartment", "heights", "estate", "green", "park", "rise", "hill",
    "mount", "buildings", "cottage", "cottages", "yard", "approach", "corner", "estates",
    "manor", "view", "villas", "ridge", "farm",
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
	if (n == 0 || n > 6)
		return NULL; /* no abbreviation is longer: most words stop here */
	for (size_t i = 0; i < sizeof ABBR / sizeof ABBR[0]; i++)
		if (ABBR[i].abbr[0] == w[0] && strlen(ABBR[i].abbr) == n &&
		    memcmp(ABBR[i].abbr, w, n) == 0)
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

/* ---- skeletons: what a value looks like, whatever characters wrote it --------- */

/* The zero of each run of ten decimal digits Unicode has outside ASCII
 * (UnicodeData.txt, general category Nd), full-width last. */
static const uint32_t DIGIT_ZERO[] = {
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
    0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810,
    0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
    0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0x104A0, 0x11066, 0x110F0, 0x11136, 0x111D0,
    0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x16A60, 0x16B50, 0x1E950,
    0x1FBF0, 0xFF10,
};

int canon_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp < 0xB2)
		return -1;
	for (size_t i = 0; i < sizeof DIGIT_ZERO / sizeof DIGIT_ZERO[0]; i++)
		if (cp >= DIGIT_ZERO[i] && cp < DIGIT_ZERO[i] + 10)
			return (int)(cp - DIGIT_ZERO[i]);
	if (cp >= 0x1D7CE && cp <= 0x1D7FF) /* mathematical bold, double-struck, ... */
		return (int)((cp - 0x1D7CE) % 10);
	if (cp == 0xB9)
		return 1;
	if (cp == 0xB2 || cp == 0xB3)
		return (int)(cp - 0xB0);
	if (cp == 0x2070 || cp == 0x2080 || cp == 0x24EA || cp == 0x24FF || cp == 0x1F100 ||
	    cp == 0x1F101)
		return 0; /* superscript, subscript, circled and full-stop zeros */
	if (cp >= 0x2074 && cp <= 0x2079)
		return (int)(cp - 0x2070);
	if (cp >= 0x2081 && cp <= 0x2089)
		return (int)(cp - 0x2080);
	/* circled, parenthesised, full-stop, double-circled and dingbat 1 to 9 */
	static const uint32_t ONE[] = {0x2460, 0x2474, 0x2488, 0x24F5, 0x2776, 0x2780, 0x278A};
	for (size_t i = 0; i < sizeof ONE / sizeof ONE[0]; i++)
		if (cp >= ONE[i] && cp < ONE[i] + 9)
			return (int)(cp - ONE[i] + 1);
	return -1;
}

/* Cyrillic and Greek letters that look like a Latin one (Unicode
 * confusables.txt, the ones a reader takes for Latin in running text). */
static const struct {
	uint16_t cp;
	char c;
} LOOKALIKE[] = {
    {0x0391, 'a'}, {0x0392, 'b'}, {0x0395, 'e'}, {0x0396, 'z'}, {0x0397, 'h'}, {0x0399, 'i'},
    {0x039A, 'k'}, {0x039C, 'm'}, {0x039D, 'n'}, {0x039F, 'o'}, {0x03A1, 'p'}, {0x03A4, 't'},
    {0x03A5, 'y'}, {0x03A7, 'x'}, {0x03B1, 'a'}, {0x03B5, 'e'}, {0x03B9, 'i'}, {0x03BA, 'k'},
    {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C4, 't'}, {0x03C5, 'u'}, {0x03C7, 'x'},
    {0x03F2, 'c'}, {0x03F3, 'j'}, {0x03F9, 'c'}, {0x0251, 'a'}, {0x0261, 'g'}, {0x026A, 'i'},
    {0x0280, 'r'}, {0x028F, 'y'}, {0x0405, 's'}, {0x0406, 'i'}, {0x0408, 'j'}, {0x0410, 'a'},
    {0x0412, 'b'}, {0x0415, 'e'}, {0x041A, 'k'}, {0x041C, 'm'}, {0x041D, 'h'}, {0x041E, 'o'},
    {0x0420, 'p'}, {0x0421, 'c'}, {0x0422, 't'}, {0x0423, 'y'}, {0x0425, 'x'}, {0x0430, 'a'},
    {0x0435, 'e'}, {0x043A, 'k'}, {0x043C, 'm'}, {0x043D, 'h'}, {0x043E, 'o'}, {0x0440, 'p'},
    {0x0441, 'c'}, {0x0442, 't'}, {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'},
    {0x0458, 'j'}, {0x04AE, 'y'}, {0x04AF, 'y'}, {0x04BA, 'h'}, {0x04BB, 'h'}, {0x04C0, 'l'},
    {0x04CF, 'l'}, {0x0501, 'd'}, {0x051B, 'q'}, {0x051C, 'w'}, {0x051D, 'w'},
};

int canon_lookalike(uint32_t cp, int *script)
{
	*script = 0;
	if (cp < 0x80)
		return isalpha((int)cp) ? (int)cp : 0;
	if (cp >= 0xFF21 && cp <= 0xFF3A)
		return 'A' + (int)(cp - 0xFF21); /* full-width */
	if (cp >= 0xFF41 && cp <= 0xFF5A)
		return 'a' + (int)(cp - 0xFF41);
	if (cp >= 0x1D400 && cp <= 0x1D6A3) { /* mathematical: A-Z a-z in each style */
		unsigned k = (cp - 0x1D400) % 52;
		return k < 26 ? 'A' + (int)k : 'a' + (int)(k - 26);
	}
	/* parenthesised small, circled capital and small, squared capitals */
	static const struct {
		uint32_t a;
		char c;
	} A[] = {{0x249C, 'a'}, {0x24B6, 'A'}, {0x24D0, 'a'}, {0x1F130, 'A'},
		 {0x1F150, 'A'}, {0x1F170, 'A'}, {0x1F1E6, 'A'}};
	for (size_t i = 0; i < sizeof A / sizeof A[0]; i++)
		if (cp >= A[i].a && cp < A[i].a + 26)
			return A[i].c + (int)(cp - A[i].a);
	for (size_t i = 0; i < sizeof LOOKALIKE / sizeof LOOKALIKE[0]; i++)
		if (LOOKALIKE[i].cp == cp) {
			int upper = (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F) ||
				    cp == 0x4AE || cp == 0x4BA || cp == 0x4C0 || cp == 0x51C;
			*script = 1;
			return upper ? toupper(LOOKALIKE[i].c) : LOOKALIKE[i].c;
		}
	return 0;
}

int canon_confusable(uint32_t cp)
{
	int script;
	return tolower(canon_lookalike(cp, &script));
}

size_t canon_charref(const char *s, size_t n, uint32_t *cp)
{
	static const struct {
		const char *name;
		uint32_t cp;
	} NAMED[] = {{"&nbsp;", 0xA0}, {"&amp;", '&'},  {"&lt;", '<'},     {"&gt;", '>'},
		     {"&quot;", '"'},  {"&apos;", '\''}, {"&commat;", '@'}, {"&period;", '.'},
		     {"&num;", '#'},   {"&plus;", '+'},  {"&hyphen;", '-'}, {"&dash;", 0x2010},
		     {"&ndash;", 0x2013}, {"&mdash;", 0x2014}, {"&rsquo;", 0x2019},
		     {"&lsquo;", 0x2018}, {"&ldquo;", 0x201C}, {"&rdquo;", 0x201D},
		     {"&shy;", 0xAD}, {"&zwj;", 0x200D}, {"&zwnj;", 0x200C}, {"&ensp;", 0x2002},
		     {"&emsp;", 0x2003}, {"&thinsp;", 0x2009}};
	if (n < 4 || s[0] != '&')
		return 0;
	if (s[1] != '#') {
		for (size_t i = 0; i < sizeof NAMED / sizeof NAMED[0]; i++) {
			size_t l = strlen(NAMED[i].name);
			if (l <= n && memcmp(s, NAMED[i].name, l) == 0) {
				*cp = NAMED[i].cp;
				return l;
			}
		}
		return 0;
	}
	int hex = s[2] == 'x' || s[2] == 'X';
	size_t i = hex ? 3 : 2, d = 0;
	uint32_t v = 0;
	for (; i < n && d < 8; i++, d++) {
		int c = (unsigned char)s[i], x;
		if (c >= '0' && c <= '9')
			x = c - '0';
		else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			x = (c | 0x20) - 'a' + 10;
		else
			break;
		v = v * (hex ? 16u : 10u) + (uint32_t)x;
	}
	/* a reference names a character UTF-8 can hold, and ends with ';' */
	if (d == 0 || i >= n || s[i] != ';' || v == 0 || v > 0x10FFFF ||
	    (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return i + 1;
}

/* Characters a reader does not see: removed from a skeleton. */
static int invisible(uint32_t cp)
{
	return cp == 0xAD || cp == 0x34F || cp == 0x61C || cp == 0x115F || cp == 0x1160 ||
	       cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0x300 && cp <= 0x36F) ||
	       (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
	       (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
	       (cp >= 0xE0000 && cp <= 0xE0FFF);
}

char *canon_skeleton(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = malloc(n + 1);
	size_t o = 0;
	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = p[i] < 0x80 ? 1 : utf8_decode(p + i, n - i, &cp);
		int c;
		if (p[i] == '&' && (k = canon_charref(s + i, n - i, &cp)) != 0) {
			if (cp < 0x80) { /* "&#64;" is '@' */
				out[o++] = (char)cp;
				i += k;
				continue;
			}
		} else if (k <= 1) { /* ASCII, or an invalid byte: as it is */
			out[o++] = (char)p[i++];
			continue;
		}
		i += k;
		if (invisible(cp))
			continue;
		if ((c = canon_digit(cp)) >= 0)
			out[o++] = (char)('0' + c);
		else if ((c = canon_confusable(cp)) != 0)
			out[o++] = (char)c;
		else if (cp >= 0xFF01 && cp <= 0xFF5E) /* full-width punctuation */
			out[o++] = (char)(cp - 0xFEE0);
		else if (cp == 0xFE6B)
			out[o++] = '@';
		else if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
			 cp == 0x205F || cp == 0x3000 || cp == 0x1680 || cp == 0x2028 || cp == 0x2029)
			out[o++] = ' ';
		else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63)
			out[o++] = '-';
		else if (p[i - k] == '&') { /* a reference to another character: that character */
			unsigned char u[4];
			size_t m = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
			for (size_t j = m; j-- > 1; cp >>= 6)
				u[j] = (unsigned char)(0x80 | (cp & 0x3F));
			u[0] = (unsigned char)(m == 2 ? 0xC0 | cp : m == 3 ? 0xE0 | cp : 0xF0 | cp);
			memcpy(out + o, u, m); /* m < k: "&#NNN;" is longer than its character */
			o += m;
		} else {
			memcpy(out + o, p + i - k, k);
			o += k;
		}
	}
	out[o] = 0;
	if (len)
		*len = o;
	return out;
}

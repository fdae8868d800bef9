/*
 * textnorm.c: see textnorm.h.
 *
 * One forward pass copies ASCII runs whole and decodes each other
 * character, writing its replacement (and, for the dense map, the original
 * offset of every byte written; for the sparse one, an entry where lengths
 * differ). Then memchr passes over the output turn the rare ASCII controls
 * and e-mail quote markers at line starts into spaces and O into 0 inside
 * digit words (same length: the maps hold).
 */
#include "utf8.h"
#include "textnorm.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "canon.h"
#include "mgw_err.h"

/* The replacement of a non-ASCII code point: bytes written to r (<= 3), or
 * -1 to copy the character unchanged. 0 removes it. */
static int replace(uint32_t cp, char r[3])
{
	if (cp == 0xA0 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x205F ||
	    cp == 0x3000 || cp == 0x1680) {
		r[0] = ' ';
		return 1;
	}
	if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
		r[0] = '\n';
		return 1;
	}
	if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF ||
	    cp == 0xAD || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x34F || cp == 0x180E)
		return 0; /* invisible: zero-width, soft hyphen, bidi marks and embeddings, selectors */
	if ((cp >= 0x2010 && cp <= 0x2013) || cp == 0x2212 || cp == 0xFE63) {
		r[0] = '-';
		return 1;
	}
	if (cp == 0x2014 || cp == 0x2015) {
		memcpy(r, " - ", 3);
		return 3;
	}
	if (cp >= 0xFF01 && cp <= 0xFF5E) {
		r[0] = (char)(cp - 0xFEE0);
		return 1;
	}
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032) {
		r[0] = '\'';
		return 1;
	}
	if (cp == 0x201C || cp == 0x201D || cp == 0x201F || cp == 0x2033) {
		r[0] = '"';
		return 1;
	}
	int c = canon_digit(cp), script;
	if (c >= 0) { /* "٠٧٧٠٠", "𝟎𝟕𝟕𝟎𝟎": digits of other scripts and styles */
		r[0] = (char)('0' + c);
		return 1;
	}
	if ((c = canon_lookalike(cp, &script)) != 0 && !script) { /* "𝐇𝐢𝐝𝐝𝐞𝐧", "Ⓗ" */
		r[0] = (char)c;
		return 1;
	}
	return -1;
}

/* A Cyrillic or Greek letter that looks Latin, written beside an ASCII
 * letter ("Hіdden": the i is U+0456): the Latin letter, else 0. A word of
 * its own script ("Олена") is left as it is. */
static int lookalike_beside(uint32_t cp, const unsigned char *out, size_t o,
			    const unsigned char *p, size_t i, size_t len)
{
	int script, c = canon_lookalike(cp, &script);
	if (c == 0 || !script)
		return 0;
	int before = o > 0 && (unsigned)((out[o - 1] | 0x20) - 'a') < 26u;
	uint32_t nx;
	int after = 0;
	if (i < len && p[i] < 0x80) {
		after = (unsigned)((p[i] | 0x20) - 'a') < 26u;
	} else if (i < len && utf8_decode(p + i, len - i, &nx) != 0) {
		int s2, c2 = canon_lookalike(nx, &s2); /* "Ѕоnia": a run of them before one */
		after = c2 != 0 && s2 && i + 2 < len && utf8_decode(p + i + 2, len - i - 2, &nx) &&
			nx < 0x80 && (unsigned)((nx | 0x20) - 'a') < 26u;
	}
	return before || after ? c : 0;
}

/* Combining marks (accents, underlines, strokes) on an ASCII letter or digit. */
static int combining(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F);
}

static int is_alnum(unsigned char c)
{
	return (unsigned)(c - '0') < 10u || (unsigned)((c | 0x20) - 'a') < 26u;
}

/* Is there a digit (or an O before one) across a short gap (up to 3 of
 * " -.()+/") either side of the word s[a..e)? "+44 2O 7946", "12/O3/1990":
 * the one-digit "2O" or "O3" is a digit group only among others. */
static int digit_beside(const unsigned char *s, size_t n, size_t a, size_t e)
{
	size_t g = a;
	while (g > 0 && a - g < 3 && strchr(" -.()+/", s[g - 1]) && s[g - 1])
		g--;
	if (g < a && g > 0 && (unsigned)(s[g - 1] - '0') < 10u)
		return 1;
	g = e;
	while (g < n && g - e < 3 && s[g] && strchr(" -.()+/", s[g]))
		g++;
	if (g > e && g < n && (s[g] | 0x20) == 'o')
		g++;
	return g > e && g < n && (unsigned)(s[g] - '0') < 10u;
}

/* Make the word around s[k] ASCII digits if it is digits and O's (two
 * digits, or one among other digit groups: "O2O 7946", "+44 2O") and touches no
 * non-ASCII letter; or, after a run of letters, its tail from the O's
 * before its first digit when that tail is a phone's length (10 or more)
 * of digits and O's, 5 digits at least ("telO77OO9OO123", a phone glued
 * to its cue; not "no12345"). Returns its end. */
static size_t o_word(unsigned char *s, size_t n, size_t k)
{
	size_t a = k, e = k, digits = 0, first = SIZE_MAX;
	while (a > 0 && is_alnum(s[a - 1]))
		a--;
	while (e < n && is_alnum(s[e]))
		e++;
	if ((a > 0 && s[a - 1] >= 0x80) || (e < n && s[e] >= 0x80))
		return e;
	for (size_t j = a; j < e; j++) {
		if ((unsigned)(s[j] - '0') < 10u) {
			digits++;
			if (first == SIZE_MAX)
				first = j;
		} else if ((s[j] | 0x20) != 'o') {
			if (first != SIZE_MAX)
				return e; /* a letter after the digits began */
			a = j + 1;    /* a letter before them: the tail starts later */
			digits = 0;
		}
	}
	if (first == SIZE_MAX)
		return e;
	if (k < a && a > 0) /* the O that led here is in the letter prefix */
		return e;
	/* a capital O and six digits is a probation case reference (CRN, a
	 * letter and six digits: "CRN O337129"), left for the CRN rule */
	if (e - a == 7 && s[a] == 'O' && digits == 6 && first == a + 1)
		return e;
	int prefixed = a > 0 && is_alnum(s[a - 1]);
	if (prefixed ? digits < 5 || e - a < 10 : (digits < 1 || e - a < 2))
		return e;
	if (!prefixed && digits < 2 && !digit_beside(s, n, a, e))
		return e;
	/* After letters, a lone O of the letters' case ends the word ("NHSno",
	 * "MOBO") rather than starting the number ("telO", "phO"). */
	if (prefixed && a + 1 < e && (unsigned)(s[a + 1] - '0') < 10u &&
	    ((s[a] == 'o') == ((unsigned)(s[a - 1] - 'a') < 26u)))
		a++;
	for (size_t j = a; j < e; j++)
		if ((s[j] | 0x20) == 'o')
			s[j] = '0';
	return e;
}

/* O among digits: "O77OO 9OO123" is a phone typed with the letter. Only an
 * O next to a digit can be in such a word; memchr finds the O's. "(O)"
 * before a digit is the trunk zero of "+44 (O)7700 ...". */
static void digit_o(unsigned char *s, size_t n)
{
	for (int pass = 0; pass < 2; pass++) {
		const unsigned char c = pass ? 'O' : 'o';
		size_t i = 0;
		unsigned char *q;
		while (i < n && (q = memchr(s + i, c, n - i)) != NULL) {
			size_t k = (size_t)(q - s);
			i = k + 1;
			if ((k > 0 && (unsigned)(s[k - 1] - '0') < 10u) ||
			    (k + 1 < n && (unsigned)(s[k + 1] - '0') < 10u))
				i = o_word(s, n, k);
			else if (k > 0 && s[k - 1] == '(' && k + 2 < n && s[k + 1] == ')' &&
			         ((unsigned)(s[k + 2] - '0') < 10u ||
			          (s[k + 2] == ' ' && k + 3 < n && (unsigned)(s[k + 3] - '0') < 10u)))
				s[k] = '0';
		}
	}
}

static int is_letter(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}

/* Is s[a..e) a word of ASCII letters and zeros that reads as letters with
 * the zeros as O's: two characters at least, no other digit, no two zeros
 * together, and not a postcode's inward code ("0AX"). *inner: a zero
 * between two letters ("SECTI0N", "h0useh0ld"), the sign of a scanned
 * text; "t0", "0r", "Dmytr0" are read so only in such a text. */
static int zero_word(const unsigned char *s, size_t a, size_t e, int *inner)
{
	*inner = 0;
	if (e - a < 2 || (e - a == 3 && s[a] == '0' && (unsigned)(s[a + 1] - 'A') < 26u &&
	                  (unsigned)(s[a + 2] - 'A') < 26u))
		return 0;
	for (size_t j = a; j < e; j++) {
		if (s[j] != '0')
			continue;
		if (j + 1 < e && s[j + 1] == '0')
			return 0;
		if (j > a && j + 1 < e)
			*inner = 1;
	}
	return 1;
}

/* In the same scanned text, a lower-case l for a one among digits ("l2
 * June", "l996", "0l/l2", "l4 Grahams Road"): a word of digits and l's, a
 * digit in it, no other letter touching it, is a number. */
static void ell_one(unsigned char *s, size_t n)
{
	const unsigned char *q;
	size_t i = 0;
	while (i < n && (q = memchr(s + i, 'l', n - i)) != NULL) {
		size_t k = (size_t)(q - s), a = k, e = k + 1, digits = 0;
		while (a > 0 && (s[a - 1] == 'l' || (unsigned)(s[a - 1] - '0') < 10u))
			digits += s[--a] != 'l';
		while (e < n && (s[e] == 'l' || (unsigned)(s[e] - '0') < 10u))
			digits += s[e++] != 'l';
		i = e;
		if (digits == 0 || (a > 0 && (is_letter(s[a - 1]) || s[a - 1] >= 0x80)) ||
		    (e < n && (is_letter(s[e]) || s[e] >= 0x80)))
			continue;
		for (size_t j = a; j < e; j++)
			if (s[j] == 'l')
				s[j] = '1';
	}
}

/* In the same scanned text, a one for an l or an I among letters
 * ("Mc1ntyre", "Ca1der L0dge", "B1ack-", "Hote1", "wi11"): in a word of
 * ASCII letters and ones touching no other digit or non-ASCII byte, a one
 * between two of its letters (or ones), or ending it after a small letter
 * and three characters at least, becomes the letter of its neighbours' case.
 * Not a one beginning a word ("1st") nor ending one in capitals ("FY1",
 * "SW1": a postcode's district), nor in a word with another digit. */
static void one_ell(unsigned char *s, size_t n)
{
	const unsigned char *q;
	size_t i = 0;
	while (i < n && (q = memchr(s + i, '1', n - i)) != NULL) {
		size_t k = (size_t)(q - s), a = k, e = k + 1;
		while (a > 0 && (is_letter(s[a - 1]) || s[a - 1] == '1'))
			a--;
		while (e < n && (is_letter(s[e]) || s[e] == '1'))
			e++;
		i = e;
		if ((a > 0 && (is_alnum(s[a - 1]) || s[a - 1] >= 0x80)) ||
		    (e < n && (is_alnum(s[e]) || s[e] >= 0x80)) || e - a < 3)
			continue;
		size_t letters = 0;
		for (size_t j = a; j < e; j++)
			letters += s[j] != '1';
		if (letters < 2)
			continue;
		for (size_t j = a; j < e; j++) {
			if (s[j] != '1' || j == a)
				continue;
			unsigned char l = s[j - 1];
			if (j + 1 == e && !(l >= 'a' || (l == '1' && j - 1 > a && s[j - 2] >= 'a')))
				continue; /* "FY1" */
			if (j + 1 == e && e - a < 4)
				continue;
			unsigned char r = j + 1 < e ? s[j + 1] : l;
			if (r == '1' && j + 2 < e)
				r = s[j + 2];
			s[j] = (l >= 'a' || r >= 'a') ? 'l' : 'I';
		}
	}
}

/* The word of ASCII letters and zeros around the zero at k, [*a, *e): does
 * it read as letters (zero_word), touching no other digit or non-ASCII
 * byte (registrations, postcodes, references)? *inner as zero_word's. */
static int zero_word_at(const unsigned char *s, size_t n, size_t k, size_t *a, size_t *e,
			int *inner)
{
	size_t x = k, y = k + 1;
	while (x > 0 && (is_letter(s[x - 1]) || s[x - 1] == '0'))
		x--;
	while (y < n && (is_letter(s[y]) || s[y] == '0'))
		y++;
	*a = x, *e = y, *inner = 0;
	return !((x > 0 && (is_alnum(s[x - 1]) || s[x - 1] >= 0x80)) ||
	         (y < n && (is_alnum(s[y]) || s[y] >= 0x80))) &&
	       zero_word(s, x, y, inner);
}

/* Zero for O in words, as scanned or OCR'd forms write them ("SECTI0N 3",
 * "h0useh0ld", "s0n Dmytr0", "must n0t go t0", "DISTRICT JUDGE H0LL0WAY",
 * "R0ad"): in a text with two words at least that have a zero between
 * letters, the zeros of its words of letters and zeros become O's of their
 * neighbours' case, so names, kin words, cues and streets are read as
 * words; and before that its l's among digits become ones (ell_one: "l2
 * June", "l0.00"). One such word alone is a code or a handle ("b0ss"),
 * left as written; words touching another digit or a non-ASCII byte are
 * left (registrations, postcodes, references). */
static void zero_o(unsigned char *s, size_t n)
{
	/* the sign first, in one pass over the bytes (a zero between two
	 * letters is rare in any other text; memchr per zero would cost a
	 * call for every zero of every phone number) */
	size_t inner_words = 0, a, e;
	int inner;
	for (size_t k = 1; k + 1 < n && inner_words < 2; k++)
		if (s[k] == '0' && is_letter(s[k + 1]) && is_letter(s[k - 1])) {
			inner_words += zero_word_at(s, n, k, &a, &e, &inner) && inner;
			k = e;
		}
	if (inner_words < 2)
		return;
	ell_one(s, n); /* first: "l0.00" is a time, not "lo" */
	const unsigned char *q;
	size_t i = 0;
	while (i < n && (q = memchr(s + i, '0', n - i)) != NULL) {
		int word = zero_word_at(s, n, (size_t)(q - s), &a, &e, &inner);
		i = e;
		if (!word)
			continue;
		for (size_t j = a; j < e; j++)
			if (s[j] == '0') {
				unsigned char l = j > a ? s[j - 1] : s[j + 1];
				unsigned char r = j + 1 < e ? s[j + 1] : l;
				s[j] = (l >= 'a' || r >= 'a') ? 'o' : 'O';
			}
	}
	one_ell(s, n);
}

/* A tab. One that indents or ends a line, or stands beside a figure
 * ("07700<TAB>900 228": a number spaced with a tab), is a space. Between
 * words it parts a table's cells: the first on a line, after a short
 * first cell of words, ends a label ("Mother's work<TAB>Asda ...", "Code word<TAB>
 * ..." read as "Mother's work:"; after a colon it is a space); any other
 * becomes '|', which every recogniser reads as a field's end, as in a
 * table written with bars ("Gemma Rich<TAB>Housing<TAB>17/03" is no "Rich
 * Housing"). line is the offset its line starts at, last that of the last
 * byte before it on the line that is no blank (SIZE_MAX: none), after that
 * of the first byte after it that is no blank; first: no tab before it on
 * its line. */
static unsigned char tab_as(const unsigned char *s, size_t n, size_t line, size_t last,
			    size_t after, int first)
{
	if (last == SIZE_MAX || after == n || s[after] == '\n' || s[last] == '|' ||
	    (s[last] >= '0' && s[last] <= '9') || (s[after] >= '0' && s[after] <= '9'))
		return ' ';
	if (!first || memchr(s + line, '|', last + 1 - line) != NULL)
		return '|'; /* a cell after the first */
	if (s[last] == ':')
		return ' ';
	size_t words = 1, b = line;
	while (b < last && s[b] == ' ')
		b++;
	int digits = 0;
	for (size_t i = b; i <= last; i++)
		words += s[i] == ' ' && s[i + 1] != ' ', digits |= s[i] >= '0' && s[i] <= '9';
	/* (a date's or a time's cell is no label: "22/11<TAB>09:15<TAB>Health") */
	return words <= 3 && last + 1 - b <= 32 && !digits ? ':' : '|';
}

/* Vertical tab, form feed and CR become spaces, tabs as tab_as() says
 * (memchr: they are rare). Each byte is read a bounded number of times
 * however many tabs a line holds: back to the tab before at most, and
 * the blanks after a tab once for the run. */
static int controls(unsigned char *s, size_t n, struct textnorm *out)
{
	static const unsigned char C[] = {'\v', '\f', '\r'};
	for (int c = 0; c < 3; c++) {
		unsigned char *q = s;
		while ((q = memchr(q, C[c], n - (size_t)(q - s))) != NULL)
			*q++ = ' ';
	}
	/* pk: the tab before; line: the start of its line; last: the last
	 * byte on that line before it that is no blank (SIZE_MAX: none);
	 * after: the first byte after it that is no blank */
	size_t pk = SIZE_MAX, line = 0, last = SIZE_MAX, after = 0, ntab = 0;
	unsigned char *q = s;
	while ((q = memchr(q, '\t', n - (size_t)(q - s))) != NULL)
		ntab++, q++;
	if (ntab == 0)
		return 0;
	/* where each tab stood: a table pasted with tabs is read by its cells
	 * (textnorm.h, tab) */
	if ((out->tab = malloc(ntab * sizeof *out->tab)) == NULL)
		return MGW_E_NOMEM;
	q = s;
	while ((q = memchr(q, '\t', n - (size_t)(q - s))) != NULL) {
		size_t k = (size_t)(q - s), j = k, lo = pk == SIZE_MAX ? 0 : pk + 1, nb = SIZE_MAX;
		int first = 0;
		while (j > lo && s[j - 1] != '\n') {
			j--;
			if (nb == SIZE_MAX && s[j] != ' ')
				nb = j;
		}
		if (pk == SIZE_MAX || j > lo) {
			first = 1, line = j; /* a line of its own */
		} else if (nb == SIZE_MAX) {
			nb = s[pk] != ' ' ? pk : last; /* only blanks since the tab before */
		}
		if (after <= k)
			for (after = k + 1; after < n && (s[after] == ' ' || s[after] == '\t');)
				after++;
		unsigned char r = tab_as(s, n, line, nb, after, first);
		*q++ = r;
		last = r != ' ' ? k : nb;
		pk = k;
		out->tab[out->ntab++] = k;
	}
	return 0;
}

/* E-mail quote markers: a run of '>' (with spaces between) at the start of
 * a line becomes spaces, so "07700\n>> 900 672", a number a reply's
 * re-wrapping broke across quoted lines, reads as one number and a name
 * or address carried over the break reads as one. Same length: the maps
 * hold. memchr finds the '>'s; most text has none. */
static void quote_marks(unsigned char *s, size_t n)
{
	unsigned char *q = s;
	while ((q = memchr(q, '>', n - (size_t)(q - s))) != NULL) {
		size_t k = (size_t)(q - s), a = k;
		while (a > 0 && (s[a - 1] == ' ' || s[a - 1] == '>'))
			a--;
		if (a == 0 || s[a - 1] == '\n') {
			while (k < n && (s[k] == '>' || s[k] == ' '))
				s[k++] = ' ';
		} else {
			k++;
		}
		q = s + k;
		if (k >= n)
			break;
	}
}

/* End of the run of ASCII bytes from i, eight at a time where it can. */
static size_t ascii_run(const unsigned char *p, size_t i, size_t len)
{
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ull)
			break;
		i += 8;
	}
	while (i < len && p[i] < 0x80)
		i++;
	return i;
}

/* A character written as a reference at p[i]: an HTML character reference
 * ("&nbsp;", "&#48;"), or "%20" or "%40" inside a word ("jo%40example.org",
 * not "50%20"). Its length with the character in *cp, or 0. */
static size_t ref_at(const unsigned char *p, size_t i, size_t len, uint32_t *cp)
{
	if (p[i] == '&')
		return canon_charref((const char *)p + i, len - i, cp);
	if (p[i] != '%' || i == 0 || i + 3 >= len || !is_alnum(p[i - 1]) || !is_alnum(p[i + 3]) ||
	    p[i + 2] != '0' || (p[i + 1] != '2' && p[i + 1] != '4'))
		return 0;
	*cp = p[i + 1] == '2' ? ' ' : '@';
	return 3;
}

/* The offset of the next c at or after i (len when none); *cache holds the
 * last answer plus 1, so each byte is searched once for each c. */
static size_t next_of(const unsigned char *p, size_t i, size_t len, int c, size_t *cache)
{
	if (*cache == 0 || *cache - 1 < i) {
		const unsigned char *q = memchr(p + i, c, len - i);
		*cache = (q ? (size_t)(q - p) : len) + 1;
	}
	return *cache - 1;
}

static int push_bk(struct textnorm *t, size_t *cap, size_t o, size_t i)
{
	if (t->nbk == *cap) {
		size_t c = *cap ? 2 * *cap : 32;
		size_t *v = realloc(t->bk, 2 * c * sizeof *v);
		if (v == NULL)
			return MGW_E_NOMEM;
		t->bk = v, *cap = c;
	}
	t->bk[2 * t->nbk] = o;
	t->bk[2 * t->nbk + 1] = i - o;
	t->nbk++;
	return 0;
}

static int build(const char *text, size_t len, struct textnorm *out, int dense)
{
	const unsigned char *p = (const unsigned char *)text;
	memset(out, 0, sizeof *out);
	if (p == NULL)
		len = 0;
	out->s = malloc(len + 1);
	size_t bkcap = 0;
	if (dense)
		out->map = malloc((len + 1) * sizeof *out->map);
	if (out->s == NULL || (dense && out->map == NULL)) {
		textnorm_free(out);
		return MGW_E_NOMEM;
	}
	unsigned char *s = (unsigned char *)out->s;
	size_t *map = out->map;
	size_t i = 0, o = 0;
	/* the next '&' and '%' at or after i, plus 1 (0: not looked for yet) */
	size_t amp = 0, pct = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = 0;
		if (p[i] < 0x80) { /* an ASCII run: copied whole, its controls fixed after */
			size_t a = next_of(p, i, len, '&', &amp), c = next_of(p, i, len, '%', &pct);
			size_t r = ascii_run(p, i, a < c ? a : c); /* to the next '&' or '%' */
			memcpy(s + o, p + i, r - i);
			size_t base = i - o;
			if (dense)
				for (size_t q = o; q < o + (r - i); q++)
					map[q] = base + q;
			o += r - i;
			i = r;
			if (i == len || p[i] >= 0x80)
				continue;
			/* at an '&' or '%': a character reference ("07700&nbsp;900123",
			 * "&#48;"), or "%40" / "%20" inside a word ("jo%40example.org") */
			if ((k = ref_at(p, i, len, &cp)) == 0) { /* neither: the byte as it is */
				if (dense)
					map[o] = i;
				s[o++] = p[i++];
				continue;
			}
		} else {
			k = utf8_decode(p + i, len - i, &cp);
		}
		char r[4];
		int w = k ? replace(cp, r) : -1;
		if (k && w < 0 && (r[0] = (char)lookalike_beside(cp, s, o, p, i + k, len)) != 0)
			w = 1;
		if (k && w < 0 && combining(cp) && o > 0 && s[o - 1] < 0x80)
			w = 0; /* "0̲7̲7̲0̲0̲ ̲9̲": the digits and spaces without their underline */
		if (k && w < 0 && (p[i] == '&' || p[i] == '%')) { /* a reference to any other character */
			size_t m = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
			uint32_t v = cp;
			for (size_t j = m; j-- > 1; v >>= 6)
				r[j] = (char)(0x80 | (v & 0x3F));
			r[0] = (char)(m == 1 ? v : m == 2 ? 0xC0 | v : m == 3 ? 0xE0 | v : 0xF0 | v);
			w = (int)m; /* m < k: "&#NNN;" is longer than its character */
		}
		if (k == 0)
			k = 1; /* an invalid byte: copied alone */
		if (w < 0) {
			for (size_t j = 0; j < k; j++) {
				if (dense)
					map[o] = i + j;
				s[o++] = p[i + j];
			}
		} else {
			for (int j = 0; j < w; j++) {
				if (dense)
					map[o] = i;
				s[o] = (unsigned char)r[j];
				o++;
			}
		}
		i += k;
		if (!dense && w >= 0 && (size_t)w != k && push_bk(out, &bkcap, o, i) != 0) {
			textnorm_free(out);
			return MGW_E_NOMEM;
		}
	}
	if (dense)
		map[o] = len;
	s[o] = 0;
	out->n = o;
	if (controls(s, o, out) != 0) {
		textnorm_free(out);
		return MGW_E_NOMEM;
	}
	quote_marks(s, o);
	digit_o(s, o);
	zero_o(s, o);
	return 0;
}

int textnorm_build(const char *text, size_t len, struct textnorm *out)
{
	return build(text, len, out, 1);
}

int textnorm_build_sparse(const char *text, size_t len, struct textnorm *out)
{
	return build(text, len, out, 0);
}

/* Original offset of normalised offset x. */
static size_t orig_of(const struct textnorm *t, size_t x)
{
	if (t->map != NULL)
		return t->map[x];
	size_t lo = 0, hi = t->nbk; /* entries with bk[2k] <= x */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->bk[2 * mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return x + (lo ? t->bk[2 * (lo - 1) + 1] : 0);
}

void textnorm_orig(const struct textnorm *t, const char *orig, size_t origlen, size_t start,
		   size_t end, size_t *os, size_t *oe)
{
	const unsigned char *p = (const unsigned char *)orig;
	size_t a = orig_of(t, start), b;
	while (a > 0 && a < origlen && (p[a] & 0xC0) == 0x80)
		a--;
	if (end <= start) {
		*os = *oe = a;
		return;
	}
	b = orig_of(t, end - 1);
	while (b > 0 && b < origlen && (p[b] & 0xC0) == 0x80)
		b--; /* the character's first byte */
	uint32_t cp;
	size_t k = b < origlen && p[b] >= 0x80 ? utf8_decode(p + b, origlen - b, &cp) : 1;
	if (b < origlen && (p[b] == '&' || p[b] == '%')) /* a reference: all of it */
		k = ref_at(p, b, origlen, &cp) ? ref_at(p, b, origlen, &cp) : 1;
	b += k ? k : 1;
	if (b > origlen)
		b = origlen;
	if (b < a)
		b = a;
	*os = a, *oe = b;
}

void textnorm_free(struct textnorm *t)
{
	free(t->s);
	free(t->map);
	free(t->bk);
	free(t->tab);
	memset(t, 0, sizeof *t);
}

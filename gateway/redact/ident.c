/*
 * ident.c: see ident.h. Every function works on a bounded copy of the
 * significant characters (at most a few dozen bytes), so none can be made
 * to do more than constant work beyond one pass over its input.
 */
#include "utf8.h"
#include "ident.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "caldate.h"
#include "mgw_err.h"

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static unsigned char upper(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? (unsigned char)(c - 0x20) : c;
}

static int is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Trim ASCII white space; returns the length left, *p its start. */
static size_t trim(const char *in, size_t len, const unsigned char **p)
{
	const unsigned char *s = (const unsigned char *)in;
	if (s == NULL)
		len = 0;
	while (len > 0 && is_blank(s[0]))
		s++, len--;
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	*p = s;
	return len;
}

/*
 * Copy the characters of in that are not white space into buf (upper
 * case), at most cap of them. Returns the count, or cap + 1 if there are
 * more than cap.
 */
static size_t squeeze(const unsigned char *s, size_t n, char *buf, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (is_blank(s[i]))
			continue;
		if (k == cap)
			return cap + 1;
		buf[k++] = (char)upper(s[i]);
	}
	return k;
}

/* ---- phone ------------------------------------------------------------------ */

int ident_digit_word(const char *w, size_t n, int loose)
{
	static const char *const W[] = {"zero", "one", "two", "three", "four",
					"five", "six", "seven", "eight", "nine"};
	char x[8];
	if (n == 0 || n >= sizeof x)
		return -1;
	for (size_t k = 0; k < n; k++)
		x[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] | 0x20 : w[k]);
	x[n] = '\0';
	for (int d = 0; d < 10; d++)
		if (strcmp(x, W[d]) == 0)
			return d;
	if (strcmp(x, "oh") == 0 || strcmp(x, "nought") == 0 ||
	    (loose && (strcmp(x, "o") == 0 || strcmp(x, "nil") == 0)))
		return 0;
	return -1;
}

int ident_phone_e164(const char *in, size_t len, char out[16])
{
	const unsigned char *s;
	size_t n = trim(in, len, &s);
	char dg[16];
	size_t nd = 0;
	int plus = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (is_digit(c)) {
			if (nd == sizeof dg)
				return MGW_E_INVALID;
			dg[nd++] = (char)c;
		} else if (c == '+' && i == 0) {
			plus = 1;
		} else if (c != ' ' && c != '\t' && c != '-' && c != '.' && c != '(' && c != ')') {
			return MGW_E_INVALID;
		}
	}

	const char *nsn; /* national significant number */
	size_t nn;
	if (plus || (nd == 12 && memcmp(dg, "44", 2) == 0)) {
		if (nd < 2 || memcmp(dg, "44", 2) != 0)
			return MGW_E_INVALID;
		nsn = dg + 2, nn = nd - 2;
	} else if (nd >= 4 && memcmp(dg, "0044", 4) == 0) {
		nsn = dg + 4, nn = nd - 4;
	} else if (nd == 11 && dg[0] == '0') {
		nsn = dg + 1, nn = 10;
	} else {
		return MGW_E_INVALID;
	}
	/* After +44 / 0044, a trunk 0 people keep by habit ("+44 (0)7700"). */
	if (nn == 11 && nsn[0] == '0')
		nsn++, nn--;
	if (nn != 10 || nsn[0] == '0' || nsn[0] == '4' || nsn[0] == '6')
		return MGW_E_INVALID;
	memcpy(out, "+44", 3);
	memcpy(out + 3, nsn, 10);
	out[13] = '\0';
	return 0;
}

/* ---- NHS number ------------------------------------------------------------ */

static int nhs_checksum_ok(const char d[10])
{
	int sum = 0;
	for (int i = 0; i < 9; i++)
		sum += (d[i] - '0') * (10 - i);
	int check = 11 - sum % 11;
	if (check == 11)
		check = 0;
	return check != 10 && check == d[9] - '0';
}

int ident_nhs_valid(const char *in, size_t len, char out[11])
{
	const unsigned char *s;
	size_t n = trim(in, len, &s);
	char d[10];

	out[0] = '\0';
	if (n == 12 && (s[3] == ' ' || s[3] == '-') && s[7] == s[3]) {
		memcpy(d, s, 3);
		memcpy(d + 3, s + 4, 3);
		memcpy(d + 6, s + 8, 4);
	} else if (n == 10) {
		memcpy(d, s, 10);
	} else {
		return MGW_E_INVALID;
	}
	for (int i = 0; i < 10; i++)
		if (!is_digit((unsigned char)d[i]))
			return MGW_E_INVALID;
	if (!nhs_checksum_ok(d))
		return MGW_E_INVALID;
	memcpy(out, d, 10);
	out[10] = '\0';
	return 0;
}

/* ---- NI number ------------------------------------------------------------- */

int ident_nino_valid(const char *in, size_t len, char out[10])
{
	const unsigned char *s;
	size_t n = trim(in, len, &s);
	char b[9];

	out[0] = '\0';
	if (squeeze(s, n, b, sizeof b) != sizeof b)
		return MGW_E_INVALID;
	if (!is_alpha((unsigned char)b[0]) || !is_alpha((unsigned char)b[1]) || b[8] < 'A' ||
	    b[8] > 'D')
		return MGW_E_INVALID;
	for (int i = 2; i < 8; i++)
		if (!is_digit((unsigned char)b[i]))
			return MGW_E_INVALID;
	if (strchr("DFIQUV", b[0]) || strchr("DFIOQUV", b[1]))
		return MGW_E_INVALID;
	static const char never[][3] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
		if (b[0] == never[i][0] && b[1] == never[i][1])
			return MGW_E_INVALID;
	memcpy(out, b, 9);
	out[9] = '\0';
	return 0;
}

/* ---- postcode -------------------------------------------------------------- */

int ident_postcode_norm(const char *in, size_t len, char out[9])
{
	const unsigned char *s;
	size_t n = trim(in, len, &s);
	char b[7];

	out[0] = '\0';
	size_t k = squeeze(s, n, b, sizeof b);
	if (k < 5 || k > 7)
		return MGW_E_INVALID;
	if (!(k == 6 && memcmp(b, "GIR0AA", 6) == 0)) {
		/* Inward: 9AA, letters never C I K M O V. */
		const char *iw = b + k - 3;
		if (!is_digit((unsigned char)iw[0]) || !is_alpha((unsigned char)iw[1]) ||
		    !is_alpha((unsigned char)iw[2]) || strchr("CIKMOV", iw[1]) || strchr("CIKMOV", iw[2]))
			return MGW_E_INVALID;
		/* Outward: A9 A99 A9A AA9 AA99 AA9A, i.e. 1-2 letters, a digit,
		 * then at most one digit or letter. */
		size_t ow = k - 3, i = 0;
		while (i < ow && i < 2 && is_alpha((unsigned char)b[i]))
			i++;
		if (i == 0 || i == ow || !is_digit((unsigned char)b[i]))
			return MGW_E_INVALID;
		i++;
		if (i < ow) {
			if (!is_digit((unsigned char)b[i]) && !is_alpha((unsigned char)b[i]))
				return MGW_E_INVALID;
			i++;
		}
		if (i != ow)
			return MGW_E_INVALID;
	}
	memcpy(out, b, k - 3);
	out[k - 3] = ' ';
	memcpy(out + k - 2, b + k - 3, 3);
	out[k + 1] = '\0';
	return 0;
}

int ident_postcode_outward(const char *in, size_t len, char out[5])
{
	char pc[9];
	out[0] = '\0';
	if (ident_postcode_norm(in, len, pc) != 0)
		return MGW_E_INVALID;
	size_t ow = strlen(pc) - 4;
	memcpy(out, pc, ow);
	out[ow] = '\0';
	return 0;
}

/* ---- PNC id ---------------------------------------------------------------- */

int ident_pnc_valid(const char *in, size_t len, char out[16])
{
	static const char LETTERS[] = "ZABCDEFGHJKLMNPQRTUVWXY";
	const unsigned char *s;
	size_t n = trim(in, len, &s);
	size_t i = 0, ny, ns;
	unsigned year, yy;
	uint32_t serial = 0;

	out[0] = '\0';
	while (i < n && is_digit(s[i]))
		i++;
	ny = i;
	if (ny == 11 && n == 12) { /* YYYYNNNNNNNL */
		ny = 4;
		ns = 7;
		i = 4;
	} else {
		if ((ny != 2 && ny != 4) || i == n || s[i] != '/')
			return MGW_E_INVALID;
		i++;
		ns = 0;
		while (i + ns < n && is_digit(s[i + ns]))
			ns++;
		if (ns < 1 || ns > 7 || i + ns + 1 != n)
			return MGW_E_INVALID;
	}
	for (size_t k = 0; k < ns; k++)
		serial = serial * 10 + (uint32_t)(s[i + k] - '0');
	unsigned char letter = upper(s[n - 1]);
	if (!is_alpha(letter))
		return MGW_E_INVALID;
	year = 0;
	for (size_t k = 0; k < ny; k++)
		year = year * 10 + (unsigned)(s[k] - '0');
	if (ny == 4) {
		if (year / 100 != 19 && year / 100 != 20)
			return MGW_E_INVALID;
		yy = year % 100;
	} else {
		yy = year;
		year = (yy >= 70 ? 1900 : 2000) + yy;
	}
	uint64_t num = (uint64_t)yy * 10000000u + serial;
	if (LETTERS[num % 23] != (char)letter)
		return MGW_E_INVALID;
	snprintf(out, 16, "%04u/%07u%c", year, (unsigned)serial, letter);
	return 0;
}

/* ---- CRN ------------------------------------------------------------------- */

int ident_crn_valid(const char *in, size_t len, char out[8])
{
	const unsigned char *s;
	size_t n = trim(in, len, &s);

	out[0] = '\0';
	if (n != 7 || !is_alpha(s[0]))
		return MGW_E_INVALID;
	for (int i = 1; i < 7; i++)
		if (!is_digit(s[i]))
			return MGW_E_INVALID;
	out[0] = (char)upper(s[0]);
	memcpy(out + 1, s + 1, 6);
	out[7] = '\0';
	return 0;
}

/* ---- bank: IBAN and card numbers ------------------------------------------- */

int ident_iban_valid(const char *in, size_t len, char out[35])
{
	const unsigned char *s;
	size_t n = trim(in, len, &s);
	char b[34];
	unsigned rem = 0;

	out[0] = '\0';
	size_t k = squeeze(s, n, b, sizeof b);
	if (k < 15 || k > 34 || !is_alpha((unsigned char)b[0]) || !is_alpha((unsigned char)b[1]) ||
	    !is_digit((unsigned char)b[2]) || !is_digit((unsigned char)b[3]) ||
	    (b[0] == 'G' && b[1] == 'B' && k != 22))
		return MGW_E_INVALID;
	for (size_t i = 0; i < k; i++) {
		unsigned char c = (unsigned char)b[(i + 4) % k]; /* the first four last */
		if (is_digit(c))
			rem = (rem * 10 + (c - '0')) % 97;
		else if (is_alpha(c))
			rem = (rem * 100 + (c - 'A' + 10)) % 97;
		else
			return MGW_E_INVALID;
	}
	if (rem != 1)
		return MGW_E_INVALID;
	memcpy(out, b, k);
	out[k] = '\0';
	return 0;
}

int ident_card_valid(const char *in, size_t len, char out[20])
{
	const unsigned char *s;
	size_t n = trim(in, len, &s);
	char d[19];
	size_t nd = 0;
	unsigned sum = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (is_digit(s[i])) {
			if (nd == sizeof d)
				return MGW_E_INVALID;
			d[nd++] = (char)s[i];
		} else if (s[i] != ' ' && s[i] != '-') {
			return MGW_E_INVALID;
		}
	}
	if (nd < 13)
		return MGW_E_INVALID;
	for (size_t i = 0; i < nd; i++) { /* Luhn: double every second from the right */
		unsigned v = (unsigned)(d[nd - 1 - i] - '0');
		if (i % 2 == 1 && (v *= 2) > 9)
			v -= 9;
		sum += v;
	}
	if (sum % 10 != 0)
		return MGW_E_INVALID;
	memcpy(out, d, nd);
	out[nd] = '\0';
	return 0;
}

/* ---- characters ------------------------------------------------------------ */

/*
 * Base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin
 * Extended-A), lower case; NULL for the two symbols in the range (× ÷).
 */
static const char *const LATIN_FOLD[0x180 - 0xC0] = {
	/* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	/* D0 */ "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
	/* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	/* F0 */ "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
	/* 100 */ "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
	/* 110 */ "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
	/* 120 */ "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	/* 130 */ "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
	/* 140 */ "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
	/* 150 */ "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	/* 160 */ "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
	/* 170 */ "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

/*
 * Base letters of Latin Extended-B (U+0180..U+024F) and Latin Extended
 * Additional (U+1E00..U+1EFF), one per code point: '.' none (the letter is
 * kept as it is), '*' two letters (latin_pair). These carry the letters of
 * Vietnamese ("Nguy\u1ec5n", "Tr\u01b0\u01a1ng"), Yoruba ("\u1eb9", "\u1ecd",
 * "\u1e63"), Romanian and Welsh ("\u0175", "\u1e81") names: a name written
 * with and without its tone marks is one name, as "Zo\u00eb" is "Zoe" above.
 * Generated from the Unicode character names ("LATIN SMALL LETTER O WITH
 * HORN" is o).
 */
static const char LATIN_EXT_B[0x250 - 0x180 + 1] =
	"bbbb..occdddd..eeffg.*.ikkl..nno" /* 0180 */
	"oo**pp.....ttttuu.vyyzz........." /* 01A0 */
	"....*********aaiioouuuuuuuuuueaa" /* 01C0 */
	"aa**ggggkkoooo..j***gg..nnaa**oo" /* 01E0 */
	"aaaaeeeeiiiioooorrrruuuusstt..hh" /* 0200 */
	"nd**zzaaeeooooooooyylntj..acclts" /* 0220 */
	"z..b..eejj.qrryy";               /* 0240 */
static const char LATIN_EXT_ADD[0x1F00 - 0x1E00 + 1] =
	"aabbbbbbccddddddddddeeeeeeeeeeff" /* 1E00 */
	"gghhhhhhhhhhiiiikkkkkkllllllllmm" /* 1E20 */
	"mmmmnnnnnnnnoooooooopppprrrrrrrr" /* 1E40 */
	"ssssssssssttttttttuuuuuuuuuuvvvv" /* 1E60 */
	"wwwwwwwwwwxxxxyyzzzzzzhtwyas..*." /* 1E80 */
	"aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" /* 1EA0 */
	"eeeeeeeeiiiioooooooooooooooooooo" /* 1EC0 */
	"oooouuuuuuuuuuuuuuyyyyyyyy....yy"; /* 1EE0 */

/* The two-letter folds marked '*' above. */
static const char *latin_pair(uint32_t cp)
{
	if (cp == 0x195)
		return "hv";
	if (cp == 0x1A2 || cp == 0x1A3)
		return "oi";
	if ((cp >= 0x1C4 && cp <= 0x1C6) || (cp >= 0x1F1 && cp <= 0x1F3))
		return "dz";
	if (cp >= 0x1C7 && cp <= 0x1C9)
		return "lj";
	if (cp >= 0x1CA && cp <= 0x1CC)
		return "nj";
	if (cp == 0x1E2 || cp == 0x1E3 || cp == 0x1FC || cp == 0x1FD)
		return "ae";
	if (cp == 0x222 || cp == 0x223)
		return "ou";
	return "ss"; /* U+1E9E capital sharp s */
}

/* The base letter(s) of cp in the two tables above or the open vowels and
 * schwa of African and Azerbaijani names (U+0254, U+025B, U+0259); NULL if none. */
static const char *latin_more(uint32_t cp, char one[2])
{
	char c = 0;
	if (cp >= 0x180 && cp < 0x250)
		c = LATIN_EXT_B[cp - 0x180];
	else if (cp >= 0x1E00 && cp < 0x1F00)
		c = LATIN_EXT_ADD[cp - 0x1E00];
	else if (cp == 0x254)
		c = 'o';
	else if (cp == 0x259 || cp == 0x25B)
		c = 'e';
	if (c == 0 || c == '.')
		return NULL;
	if (c == '*')
		return latin_pair(cp);
	one[0] = c;
	one[1] = '\0';
	return one;
}

static int is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC;
}

/* Class of a code point, apostrophes aside (the caller handles them). */
static enum ident_cclass classify(uint32_t cp)
{
	if (cp < 0x80) {
		if (is_digit((unsigned char)cp))
			return IDENT_C_DIGIT;
		if (is_alpha((unsigned char)cp))
			return IDENT_C_LETTER;
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			return IDENT_C_SPACE;
		return IDENT_C_OTHER;
	}
	if (cp < 0xA0)
		return IDENT_C_OTHER; /* C1 controls */
	if (cp == 0xA0)
		return IDENT_C_SPACE;
	if (cp == 0xAD)
		return IDENT_C_JOIN; /* soft hyphen */
	if (cp < 0xC0)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA ? IDENT_C_LETTER : IDENT_C_OTHER;
	if (cp < 0x180)
		return LATIN_FOLD[cp - 0xC0] ? IDENT_C_LETTER : IDENT_C_OTHER;
	if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
	    cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F))
		return IDENT_C_JOIN; /* combining marks, zero-width, variation selectors */
	if ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
	    cp == 0x205F || cp == 0x3000 || cp == 0x1680)
		return IDENT_C_SPACE;
	if ((cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
	    (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x2BFF) ||
	    (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xE000 && cp <= 0xF8FF) ||
	    (cp >= 0xFF01 && cp <= 0xFF0F) || cp >= 0xFFF0 ||
	    (cp >= 0x1F000 && cp <= 0x1FAFF))
		return IDENT_C_OTHER; /* punctuation, symbols, arrows, emoji, private use */
	return IDENT_C_LETTER;
}

size_t ident_char_next(const char *in, size_t len, struct ident_char *c)
{
	const unsigned char *s = (const unsigned char *)in;
	uint32_t cp;
	size_t k = utf8_decode(s, len, &cp);

	c->nfold = 0;
	if (k == 0) {
		c->cls = IDENT_C_INVALID;
		return 1;
	}
	if (is_apostrophe(cp)) {
		/* "Smith's" splits off the possessive; "O'Brien" joins. */
		c->cls = IDENT_C_JOIN;
		if (k < len && (s[k] | 0x20) == 's') {
			uint32_t nx;
			size_t k2 = k + 1 < len ? utf8_decode(s + k + 1, len - k - 1, &nx) : 0;
			enum ident_cclass cl = k2 ? classify(nx) : IDENT_C_OTHER;
			if (cl != IDENT_C_LETTER && cl != IDENT_C_DIGIT)
				c->cls = IDENT_C_SPACE;
		}
		return k;
	}
	c->cls = (unsigned char)classify(cp);
	const char *f;
	char one[2];
	if (c->cls == IDENT_C_DIGIT) {
		c->fold[0] = (char)cp;
		c->nfold = 1;
	} else if (c->cls == IDENT_C_LETTER) {
		if (cp < 0x80) {
			c->fold[0] = (char)(cp | 0x20);
			c->nfold = 1;
		} else if (cp >= 0xC0 && cp < 0x180) {
			f = LATIN_FOLD[cp - 0xC0];
			c->nfold = (unsigned char)strlen(f);
			memcpy(c->fold, f, c->nfold);
		} else if (cp == 0xAA || cp == 0xBA) {
			c->fold[0] = cp == 0xAA ? 'a' : 'o';
			c->nfold = 1;
		} else if ((f = latin_more(cp, one)) != NULL) {
			/* Romanian S and T with comma below ("Ionuț", "Ștefan") fold
			 * as their cedilla twins in Latin Extended-A; Vietnamese
			 * tone marks and horns as accents do */
			c->nfold = (unsigned char)strlen(f);
			memcpy(c->fold, f, c->nfold);
		} else {
			memcpy(c->fold, s, k);
			c->nfold = (unsigned char)k;
		}
	}
	return k;
}

int ident_name_fold(const char *in, size_t len, char *out, size_t outlen)
{
	size_t o = 0, i = 0;
	int gap = 0; /* a word boundary is pending */

	if (outlen == 0)
		return MGW_E_TOO_LARGE;
	out[0] = '\0';
	if (in == NULL)
		len = 0;
	while (i < len) {
		struct ident_char c;
		i += ident_char_next(in + i, len - i, &c);
		switch (c.cls) {
		case IDENT_C_INVALID:
			out[0] = '\0';
			return MGW_E_UTF8;
		case IDENT_C_LETTER:
		case IDENT_C_DIGIT:
			if (o + (gap && o > 0) + c.nfold >= outlen) {
				out[0] = '\0';
				return MGW_E_TOO_LARGE;
			}
			if (gap && o > 0)
				out[o++] = ' ';
			gap = 0;
			memcpy(out + o, c.fold, c.nfold);
			o += c.nfold;
			break;
		case IDENT_C_JOIN:
			break;
		default:
			gap = 1;
			break;
		}
	}
	out[o] = '\0';
	return (int)o;
}

/* ---- dates ----------------------------------------------------------------- */

/*
 * The digit run at s[*i]: its value and length, taken whole; runs longer
 * than 4 digits report length 5 (no date field is that long), which also
 * bounds the work.
 */
static size_t digit_run(const unsigned char *s, size_t n, size_t *i, int *v)
{
	size_t k = 0;
	*v = 0;
	while (*i < n && is_digit(s[*i])) {
		if (k == 5)
			return k;
		*v = *v * 10 + (s[*i] - '0');
		k++, (*i)++;
	}
	return k;
}

/* Month from its English name, 3-letter abbreviation or "sept"; 0 if none.
 * Called at every word start when dates of birth are scrubbed, so it
 * refuses ordinary words on their first three letters. */
static int month_word(const unsigned char *s, size_t n, size_t *i)
{
	static const char *const NAMES[12] = {"january", "february", "march", "april",
	                                      "may", "june", "july", "august",
	                                      "september", "october", "november", "december"};
	/* Months by first letter, a to z: bit m-1 for month m. */
	static const uint16_t BY_FIRST[26] = {
		['a' - 'a'] = 1u << 3 | 1u << 7, ['d' - 'a'] = 1u << 11, ['f' - 'a'] = 1u << 1,
		['j' - 'a'] = 1u << 0 | 1u << 5 | 1u << 6, ['m' - 'a'] = 1u << 2 | 1u << 4,
		['n' - 'a'] = 1u << 10, ['o' - 'a'] = 1u << 9, ['s' - 'a'] = 1u << 8,
	};
	const unsigned char *w = s + *i;
	size_t k = 0;
	if (n - *i < 3 || !is_alpha(w[0]))
		return 0;
	unsigned cand = BY_FIRST[(w[0] | 0x20) - 'a'];
	for (int m = 0; cand != 0; m++, cand >>= 1) {
		if (!(cand & 1))
			continue;
		const char *name = NAMES[m];
		if ((w[0] | 0x20) != name[0] || (w[1] | 0x20) != name[1] || (w[2] | 0x20) != name[2])
			continue;
		while (*i + k < n && is_alpha(w[k]))
			if (++k > 9)
				return 0;
		/* The abbreviation, the full name, or "sept". */
		size_t full = strlen(name), j = 3;
		if (k != 3 && !(m == 8 && k == 4 && (w[3] | 0x20) == 't')) {
			if (k != full)
				return 0;
			while (j < k && (w[j] | 0x20) == name[j])
				j++;
			if (j != k)
				return 0;
		}
		*i += k;
		return m + 1;
	}
	return 0;
}

/* 1 to 4 spaces or tabs, one of them perhaps a line break (a date wrapped
 * at the end of a line: "23 September\n1956"); returns how many (0 if none
 * or too many). */
static size_t spaces(const unsigned char *s, size_t n, size_t *i)
{
	size_t k = 0, nl = 0;
	while (*i + k < n && (s[*i + k] == ' ' || s[*i + k] == '\t' || s[*i + k] == '\n'))
		if ((nl += s[*i + k] == '\n') > 1 || ++k > 4)
			return 0;
	*i += k;
	return k;
}

static int is_ordinal(const unsigned char *s, size_t n, size_t i)
{
	static const char *const SUF[] = {"st", "nd", "rd", "th"};
	if (i + 2 > n || (i + 2 < n && is_alpha(s[i + 2])))
		return 0;
	for (int k = 0; k < 4; k++)
		if ((s[i] | 0x20) == SUF[k][0] && (s[i + 1] | 0x20) == SUF[k][1])
			return 1;
	return 0;
}

/* The year after a month's name, perhaps with an apostrophe for the
 * century ("12 March '85", "March 12th, ’85"): its digit count, or 0 when
 * an apostrophe is not followed by exactly two digits. */
static size_t year_run(const unsigned char *s, size_t n, size_t *i, int *v)
{
	size_t k = 0;
	if (*i < n && s[*i] == '\'')
		k = 1;
	else if (*i + 2 < n && s[*i] == 0xE2 && s[*i + 1] == 0x80 && s[*i + 2] == 0x99)
		k = 3;
	*i += k;
	size_t nd = digit_run(s, n, i, v);
	return k && nd != 2 ? 0 : nd;
}

static int date_ok(int y, int m, int d, size_t ny, struct ident_date *out)
{
	char buf[16];
	int32_t days;
	if ((ny != 2 && ny != 4) || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	/* A two-digit year is checked as 20yy: leap exactly when yy % 4 == 0,
	 * as for every year 1901..2099. */
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", ny == 2 ? 2000 + y : y, m, d);
	if (caldate_parse(buf, &days) != 0)
		return 0;
	out->y = y;
	out->m = m;
	out->d = d;
	out->two_digit_year = ny == 2;
	return 1;
}

size_t ident_date_scan(const char *in, size_t len, struct ident_date *out)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, n1, n2, n3;
	int a, b, c;

	if (len == 0)
		return 0;
	if (is_alpha(s[0])) { /* March 12th, 1985 */
		int m = month_word(s, len, &i);
		if (m == 0)
			return 0;
		if (i < len && s[i] == '.')
			i++;
		if (!spaces(s, len, &i) || (n1 = digit_run(s, len, &i, &a)) == 0 || n1 > 2)
			return 0;
		if (is_ordinal(s, len, i))
			i += 2;
		if (i < len && s[i] == ',')
			i++;
		if (!spaces(s, len, &i))
			return 0;
		n2 = year_run(s, len, &i, &b);
		return date_ok(b, m, a, n2, out) ? i : 0;
	}
	n1 = digit_run(s, len, &i, &a);
	if (n1 == 0 || n1 == 3 || n1 > 4 || i >= len)
		return 0;
	unsigned char sep = s[i];
	int numeric = (sep == '/' || sep == '-' || sep == '.') && i + 1 < len && is_digit(s[i + 1]);
	if (n1 == 4) { /* YYYY-MM-DD */
		if (!numeric)
			return 0;
		i++;
		if ((n2 = digit_run(s, len, &i, &b)) > 2 || i >= len || s[i] != sep)
			return 0;
		i++;
		if ((n3 = digit_run(s, len, &i, &c)) == 0 || n3 > 2)
			return 0;
		return date_ok(a, b, c, 4, out) ? i : 0;
	}
	if (numeric) { /* DD/MM/YYYY */
		i++;
		if ((n2 = digit_run(s, len, &i, &b)) > 2 || i >= len || s[i] != sep)
			return 0;
		i++;
		n3 = digit_run(s, len, &i, &c);
		return date_ok(c, b, a, n3, out) ? i : 0;
	}
	/* 12th of March, 1985 / 12-Mar-85 */
	if (is_ordinal(s, len, i))
		i += 2;
	if (i >= len)
		return 0;
	sep = s[i];
	if (sep == '-' || sep == '/' || sep == '.') {
		i++;
	} else {
		sep = ' ';
		if (!spaces(s, len, &i))
			return 0;
		if (i + 2 < len && (s[i] | 0x20) == 'o' && (s[i + 1] | 0x20) == 'f' &&
		    (s[i + 2] == ' ' || s[i + 2] == '\t' || s[i + 2] == '\n')) {
			i += 2;
			spaces(s, len, &i);
		}
	}
	int m = month_word(s, len, &i);
	if (m == 0)
		return 0;
	if (sep == ' ') {
		if (i < len && s[i] == '.')
			i++;
		if (i < len && s[i] == ',')
			i++;
		if (!spaces(s, len, &i))
			return 0;
	} else {
		if (i >= len || s[i] != sep)
			return 0;
		i++;
	}
	n3 = sep == ' ' ? year_run(s, len, &i, &c) : digit_run(s, len, &i, &c);
	return date_ok(c, m, a, n3, out) ? i : 0;
}

int ident_date_parse(const char *in, size_t len, char out[11])
{
	const unsigned char *s;
	size_t n = trim(in, len, &s);
	struct ident_date d;

	out[0] = '\0';
	if (n == 0 || ident_date_scan((const char *)s, n, &d) != n || d.two_digit_year)
		return MGW_E_INVALID;
	snprintf(out, 11, "%04d-%02d-%02d", d.y, d.m, d.d);
	return 0;
}

/*
 * scrub_tok.c: the scrubber's recognisers of identifiers, e-mails and
 * cue-led items, on normalised text (textnorm.h); see scrub.h for what each
 * finds and scrub.c for how their spans are merged.
 *
 *   e-mails  anchored at each '@', scanning back over the local part and
 *            forward over the domain; neither scan crosses another '@', so
 *            every byte is looked at no more than twice. Written-out forms
 *            ("jo at example dot com", "jo[at]example[dot]com") are read
 *            from the at-form outwards, a bounded window each way.
 *   tokens   one walk that, at each word start, tries the recognisers whose
 *            first character fits; each reads a bounded window (at most 8
 *            groups, a few dozen bytes) and asks ident.c to validate. The
 *            walk also reads each word that starts with a letter once: cue
 *            words ("DOB", "reg", "Snapchat", "sort code", "passport")
 *            either start a bounded forward read (a date, a handle) or are
 *            remembered by position, so a shape that needs a cue (a prefix
 *            style registration, an 8-digit account number) asks only
 *            "was there a cue in the last 48 bytes". Capitalised words are
 *            checked against the listed surnames for one edit.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "ascii_run.h"
#include "ident.h"
#include "lexicon.h"
#include "mgw_err.h"
#include "scrub_int.h"

/* Phones: at most this many digit groups and digits ("0044 (0)7700 900123" has 15
 * digits; "0 7 7 0 0 9 0 0 1 2 3", typed out one by one, 11 groups). */
#define PHONE_MAX_GROUPS 15
#define PHONE_MAX_DIGITS 15
/* How far after its cue word a cue-led shape may start. */
#define CUE_WINDOW 48

/* A recogniser called only after its cue or shape matched: kept out of line
 * so that the walk over every word stays small (inlined, these made the
 * token pass some 7% slower). */
#define RARE __attribute__((noinline))

/* Is there a word boundary before s[e]: end of text, or a char that is not
 * a letter or digit? With glue, '/' and '\' join digits to a reference. */
static int ends_word(const unsigned char *s, size_t n, size_t e, int glue)
{
	if (e >= n)
		return 1;
	if (s[e] < 0x80)
		return !sc_alnum(s[e]) && !(glue && (s[e] == '/' || s[e] == '\\'));
	struct ident_char c;
	ident_char_next((const char *)s + e, n - e, &c);
	/* a letter outside ASCII right after a figure opens a word of its
	 * own, as names.c reads it ("+447700900123Łel": the number ends; once
	 * "Łel" is withheld, a second pass would find the number, so the
	 * first must) */
	if (c.cls == IDENT_C_LETTER && e > 0 && sc_digit(s[e - 1]))
		return 1;
	return c.cls != IDENT_C_LETTER && c.cls != IDENT_C_DIGIT;
}

/* Length of the digit run at s[i], counting no further than max + 1. */
static size_t digits_at(const unsigned char *s, size_t n, size_t i, size_t max)
{
	size_t k = 0;
	while (i + k < n && sc_digit(s[i + k]) && k <= max)
		k++;
	return k;
}

/* w[0..n) in any case equals the lower-case literal lit. */
static int word_eq(const unsigned char *w, size_t n, const char *lit)
{
	for (size_t i = 0; i < n; i++)
		if (lit[i] == 0 || (w[i] | 0x20) != (unsigned char)lit[i])
			return 0;
	return lit[n] == 0;
}

static int word_in(const unsigned char *w, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (word_eq(w, n, list[i]))
			return 1;
	return 0;
}
#define IN(w, n, list) word_in(w, n, list, sizeof list / sizeof list[0])

/* ---- e-mail addresses ------------------------------------------------------- */

static int is_local_ascii(unsigned char c)
{
	return sc_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* Start of the character ending at s[end) if it is a letter, else end. */
static size_t letter_before(const unsigned char *s, size_t n, size_t end)
{
	size_t st = end;
	while (st > 0 && end - st < 4 && (s[st - 1] & 0xC0) == 0x80)
		st--;
	if (st == 0 || end - st >= 4)
		return end;
	st--;
	struct ident_char c;
	if (st + ident_char_next((const char *)s + st, n - st, &c) != end || c.cls != IDENT_C_LETTER)
		return end;
	return st;
}

static const char *const TLDS[] = {
	"ac", "app", "au", "biz", "ca", "co", "com", "de", "dev", "edu", "email", "es", "eu", "fr",
	"gov", "ie", "in", "info", "io", "it", "life", "live", "london", "me", "mobi", "name",
	"net", "ng", "nhs", "nl", "online", "org", "pk", "pl", "police", "pro", "ro", "scot",
	"tv", "uk", "us", "wales", "xyz", "za",
};

static const char *const PROVIDERS[] = {
	"aol", "btinternet", "btopenworld", "gmail", "googlemail", "hotmail", "icloud", "live",
	"mail", "me", "msn", "outlook", "proton", "protonmail", "sky", "talktalk", "virginmedia",
	"yahoo", "ymail",
};

static unsigned char closing(unsigned char c)
{
	return c == '[' ? ']' : c == '(' ? ')' : c == '{' ? '}' : c == '<' ? '>' : 0;
}

/* A dot at s[i], written or written out: ".", " . ", " dot ", "[dot]",
 * " (dot) ", "[.]". Its length (0 if none); *spelled when written out. */
static size_t dot_after(const unsigned char *s, size_t n, size_t i, int *spelled)
{
	size_t j = i;
	int sp = 0;
	if (j < n && s[j] == '.')
		return 1;
	if (j < n && s[j] == ' ')
		j++, sp = 1;
	unsigned char cl = j < n ? closing(s[j]) : 0;
	if (cl) {
		if (j + 5 <= n && word_eq(s + j + 1, 3, "dot") && s[j + 4] == cl)
			j += 5;
		else if (j + 3 <= n && s[j + 1] == '.' && s[j + 2] == cl)
			j += 3;
		else
			return 0;
		if (j < n && s[j] == ' ')
			j++;
	} else if (sp && j + 4 < n && word_eq(s + j, 3, "dot") && s[j + 3] == ' ') {
		j += 4;
	} else if (sp && j + 1 < n && s[j] == '.' && s[j + 1] == ' ') {
		j += 2;
	} else {
		return 0;
	}
	*spelled = 1;
	return j - i;
}

/* A written-out dot ending at s[e): " dot ", "[dot]", "(dot)". Its start, or e. */
static size_t dot_before(const unsigned char *s, size_t e)
{
	size_t j = e;
	if (j > 0 && s[j - 1] == ' ')
		j--;
	if (j >= 5 && (s[j - 1] == ']' || s[j - 1] == ')') &&
	    (s[j - 5] == '[' || s[j - 5] == '(') && word_eq(s + j - 4, 3, "dot"))
		j -= 5;
	else if (j >= 3 && word_eq(s + j - 3, 3, "dot") && j - 3 > 0 && s[j - 4] == ' ')
		j -= 4;
	else
		return e;
	if (j > 0 && s[j - 1] == ' ')
		j--;
	return j;
}

/* Is s[a..e) a top-level domain with a number glued on ("com07700900123"):
 * letters the TLDS list knows, then figures to e? */
static int tld_then_digits(const unsigned char *s, size_t a, size_t e)
{
	size_t g = a;
	while (g < e && sc_alpha(s[g]))
		g++;
	size_t d = g;
	while (d < e && sc_digit(s[d]))
		d++;
	return g > a && g < e && d == e && IN(s + a, g - a, TLDS);
}

/*
 * An e-mail written around an at-form occupying [aa, ab) ("@", " at ",
 * "[at]", "(at)"). plain: the at-form is the word "at" between spaces,
 * which needs more evidence: a local part with a digit, '.' or '_', a dot
 * written out, or a mail provider's domain; plain < 0: the at-form is '@'
 * and only a written-out dot makes this e-mail this function's.
 * Returns the end, *start the start.
 */
static size_t obf_email(const unsigned char *s, size_t n, size_t aa, size_t ab, int plain,
                        size_t *start)
{
	size_t l = aa, le;
	int strong = 0, spelled = 0;
	if (l > 0 && s[l - 1] == ' ')
		l--;
	le = l;
	while (l > 0 && le - l < 64 && is_local_ascii(s[l - 1]))
		l--;
	while (l < le && s[l] == '.')
		l++;
	if (l == le)
		return 0;
	for (size_t k = l; k < le; k++)
		strong |= sc_digit(s[k]) || s[k] == '.' || s[k] == '_';
	for (int r = 0; r < 3; r++) { /* "john dot smith at ..." */
		size_t m = dot_before(s, l), m2 = m;
		if (m == l)
			break;
		while (m2 > 0 && m - m2 < 64 && is_local_ascii(s[m2 - 1]))
			m2--;
		if (m2 == m)
			break;
		l = m2, strong = 1;
	}
	/* letters of other scripts are the local part's too ("éJane.x.@ ...");
	 * any other byte of 0x80 or more (a quote mark, an invalid byte) ends
	 * it, as a space does (fuzz: "\xC0Jane.example.@ mo5cxy.com" was left
	 * whole, then found after its name's marker on a second pass) */
	for (size_t st; l > 0 && le - l < 64 && s[l - 1] >= 0x80 &&
			(st = letter_before(s, n, l)) != l;) {
		l = st;
		while (l > 0 && le - l < 64 && is_local_ascii(s[l - 1]))
			l--;
	}
	size_t d = ab, labels = 0, end = 0, last = 0, first_a = 0, first_e = 0;
	size_t la[6], lz[6]; /* each label's start and end */
	if (d < n && s[d] == ' ')
		d++;
	for (;;) {
		size_t a = d;
		while (d < n && d - a < 63 && (sc_alnum(s[d]) || s[d] == '-'))
			d++;
		if (d == a)
			break;
		if (labels == 0)
			first_a = a, first_e = d;
		la[labels] = a, lz[labels] = d, labels++;
		size_t dl = dot_after(s, n, d, &spelled);
		if (dl == 0 || labels >= 6 || d + dl >= n || !sc_alnum(s[d + dl]))
			break;
		d += dl;
	}
	/* "x @ my.com.07700900123", "x @ my.com.07700900.123C": numbers glued
	 * on after a full stop are no labels of the domain (as the plain
	 * e-mail pass reads them), so that a second pass over the output,
	 * where a number is a marker, finds the same address. A last label
	 * starting with a digit is such a number (s35, fuzz: "0770090012l", a
	 * phone misread with a letter l; "123C"): no top-level domain starts
	 * with one. (Labels are never empty.) And any label after the second
	 * that is no top-level domain ends the domain before it (s37, fuzz:
	 * "x @ 4my.com.07700900.z21C", where the number becomes a marker and a
	 * second pass reads "x @ 4my.com"): withholding to the last label that
	 * is one fails closed. */
	while (labels >= 3 && (sc_digit(s[la[labels - 1]]) ||
	                       !IN(s + la[labels - 1], lz[labels - 1] - la[labels - 1], TLDS)))
		labels--;
	if (labels > 0)
		last = la[labels - 1], end = lz[labels - 1];
	/* "jo at gmail dot com07700900123": a number glued on to the
	 * top-level domain is withheld with the address (fuzz, s47: alone, a
	 * second pass over the output reads the number as whatever it is, and
	 * the address before a marker) */
	int glued = labels >= 2 && tld_then_digits(s, last, end);
	if (!glued && (labels < 2 || !IN(s + last, end - last, TLDS) || !ends_word(s, n, end, 0)))
		return 0;
	if (plain > 0 && !strong && !spelled && !IN(s + first_a, first_e - first_a, PROVIDERS))
		return 0;
	if (plain < 0 && !spelled)
		return 0; /* "@" with written dots only: the plain e-mail is the other pass's */
	*start = l;
	return end;
}

int scrub_email_pass(const unsigned char *s, size_t n, struct spans *out)
{
	const unsigned char *at;
	size_t from = 0;

	while (from < n && (at = memchr(s + from, '@', n - from)) != NULL) {
		size_t a = (size_t)(at - s), ls = a, i = a + 1, end = 0, labels = 0, os;
		from = a + 1;
		int spaced = (a > 0 && s[a - 1] == ' ') || (a + 1 < n && s[a + 1] == ' ');
		size_t oe = obf_email(s, n, a, a + 1, spaced ? 0 : -1, &os);
		if (oe && spans_push(out, os, oe, SCRUB_EMAIL, "email:written-out") != 0)
			return MGW_E_NOMEM;
		while (ls > 0) {
			if (s[ls - 1] < 0x80) {
				if (!is_local_ascii(s[ls - 1]))
					break;
				ls--;
			} else {
				size_t st = letter_before(s, n, ls);
				if (st == ls)
					break;
				ls = st;
			}
		}
		while (ls < a && s[ls] == '.')
			ls++;
		if (ls == a)
			continue;
		for (;;) { /* domain labels; the last kept must be 2+ letters */
			size_t lst = i, nch = 0;
			int letters = 1;
			while (i < n) {
				if (s[i] < 0x80) {
					if (!sc_alnum(s[i]) && s[i] != '-')
						break;
					letters &= sc_alpha(s[i]);
					i++;
				} else {
					struct ident_char c;
					size_t k = ident_char_next((const char *)s + i, n - i, &c);
					if (c.cls != IDENT_C_LETTER)
						break;
					i += k;
				}
				nch++;
			}
			if (i == lst)
				break;
			if (labels > 0 && !letters) {
				/* "gmail.com07700900123": a top-level domain, then a
				 * number glued on (no domain's label): the address ends
				 * at the letters (s47-fuzz) */
				if (tld_then_digits(s, lst, i)) {
					end = i; /* the number with it: whatever it is, a
					          * second pass must not find it alone */
					break;
				}
			}
			if (labels++ > 0 && letters && nch >= 2)
				end = i;
			if (i >= n || s[i] != '.')
				break;
			i++;
		}
		if (end && spans_push(out, ls, end, SCRUB_EMAIL, "email") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/* ---- identifiers ------------------------------------------------------------ */

static int dob_match(const scrubber *sc, const struct ident_date *d)
{
	for (size_t i = 0; i < sc->ndobs; i++) {
		const struct dob *b = &sc->dobs[i];
		if (b->m == d->m && b->d == d->d && (d->two_digit_year ? b->y % 100 : b->y) == d->y)
			return 1;
	}
	return 0;
}

static size_t dob_at(const scrubber *sc, const unsigned char *s, size_t n, size_t i)
{
	struct ident_date d;
	size_t k = ident_date_scan((const char *)s + i, n - i, &d);
	return k && ends_word(s, n, i + k, 0) && dob_match(sc, &d) ? i + k : 0;
}

/*
 * YYYY/NNNNNNNL, YY/NNNNNNNL (1-7 digit serial) or YYYYNNNNNNNL. The check
 * letter must be right, except with a serial of 5 to 7 digits after the
 * slash: that shape is a PNC id's alone, and one copied with a wrong
 * letter is still someone's (fail closed).
 */
static size_t pnc_at(const unsigned char *s, size_t n, size_t i)
{
	char out[16];
	size_t j = i + digits_at(s, n, i, 11), k = j - i, ns = 0;
	if (k == 11) {
		/* no slash: the letter follows at once */
	} else if ((k == 2 || k == 4) && j < n && s[j] == '/') {
		ns = digits_at(s, n, j + 1, 7);
		if (ns < 1 || ns > 7)
			return 0;
		j += 1 + ns;
	} else {
		return 0;
	}
	if (j >= n || !sc_alpha(s[j]) || !ends_word(s, n, j + 1, 1))
		return 0;
	return ns >= 5 || ident_pnc_valid((const char *)s + i, j + 1 - i, out) == 0 ? j + 1 : 0;
}

/* Separators inside a number: space, '-', '.', a line break, and the '~'
 * or '_' some type between groups ("999~330~5510"); at most 3. Not '/':
 * a date and a time ("19/10/2026 14:00") have ten digits too. */
static size_t num_sep(const unsigned char *s, size_t n, size_t j)
{
	size_t g = j;
	while (g < n && g - j < 3 &&
	       (s[g] == ' ' || s[g] == '-' || s[g] == '.' || s[g] == '\n' || s[g] == '~' ||
		s[g] == '_'))
		g++;
	return g;
}

/*
 * Is the number d (10 digits) in a range ever issued: England and Wales
 * 400-499 and 600-799 million, Northern Ireland's H&C 320-399 million, the
 * test range 999, or a Scottish CHI number (a date of birth DDMMYY first)?
 * A police occurrence number ("2600415521": the year, then a serial)
 * passes the mod-11 check one time in eleven; it is in none of these.
 */
static int nhs_range(const char *d)
{
	int dd = (d[0] - '0') * 10 + (d[1] - '0'), mm = (d[2] - '0') * 10 + (d[3] - '0');
	if (d[0] == '4' || d[0] == '6' || d[0] == '7' || (d[0] == '3' && d[1] >= '2') ||
	    (d[0] == '9' && d[1] == '9' && d[2] == '9'))
		return 1;
	return dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12;
}

/* 10 digits in up to 4 groups with any separators, mod-11 check passing. */
static size_t nhs_at(const unsigned char *s, size_t n, size_t i)
{
	char d[11], out[11];
	size_t nd = 0, j = i;
	for (int groups = 1;; groups++) {
		size_t k = digits_at(s, n, j, 10);
		if (k == 0 || nd + k > 10)
			return 0;
		memcpy(d + nd, s + j, k);
		nd += k, j += k;
		if (nd == 10)
			break;
		size_t g = num_sep(s, n, j);
		if (groups == 4 || g == j || g >= n || !sc_digit(s[g]))
			return 0;
		j = g;
	}
	if (!ends_word(s, n, j, 1) || !nhs_range(d))
		return 0;
	return ident_nhs_valid(d, 10, out) == 0 ? j : 0;
}

/* Does the word "NHS" end right before i, with "no", "number", "num" or
 * "nbr" and ':', '#', '.' between (at most 24 bytes read back)? */
static int nhs_said_before(const unsigned char *s, size_t i)
{
	size_t j = i, lim = i > 24 ? i - 24 : 0;
	for (int words = 0; j > lim;) {
		while (j > lim && (s[j - 1] == ' ' || s[j - 1] == ':' || s[j - 1] == '#' || s[j - 1] == '.'))
			j--;
		size_t e = j;
		while (j > lim && sc_alpha(s[j - 1]))
			j--;
		if (e - j == 3 && word_eq(s + j, 3, "nhs"))
			return j == 0 || !sc_alnum(s[j - 1]);
		if (words++ == 1 || !((e - j == 2 && word_eq(s + j, 2, "no")) ||
				      (e - j == 6 && word_eq(s + j, 6, "number")) ||
				      (e - j == 3 && (word_eq(s + j, 3, "num") || word_eq(s + j, 3, "nbr")))))
			return 0;
	}
	return 0;
}

/* Right after "NHS" ("NHS no 999 100 0101", "NHS: 9 9 9 1 0 0 0 1 0 1",
 * "NHS 999/100/0101"): ten digits however separated ('/' too) are its
 * number, even with a check digit mistyped. Not a date and a clock
 * ("19/10/2026 14:00": digits go on after ':'). */
static size_t nhs_cued_at(const unsigned char *s, size_t n, size_t i)
{
	size_t nd = 0, j = i;
	if (!nhs_said_before(s, i))
		return 0;
	while (j < n && sc_digit(s[j])) {
		j++;
		if (++nd == 10)
			break;
		size_t g = j;
		while (g < n && g - j < 3 &&
		       (s[g] == ' ' || s[g] == '-' || s[g] == '.' || s[g] == '/' || s[g] == '\n'))
			g++;
		j = g;
	}
	if (nd != 10 || !ends_word(s, n, j, 0) ||
	    (j + 1 < n && (s[j] == ':' || s[j] == '/' || s[j] == '.') && sc_digit(s[j + 1])))
		return 0;
	return j;
}

static int is_gap(unsigned char c)
{
	return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\n';
}

/*
 * s39-over: is the group ending at j four digits of a clock and the line
 * after it, at g, opened by four more and a space ("...OPENED 14/03/2027
 * 0212\n0212 999 CALL VIA BT OPERATOR")? Two log time stamps, no phone
 * number wrapped across the line.
 */
static int clock4(const unsigned char *d);
static int stamp4(const unsigned char *s)
{
	return sc_digit(s[0]) && sc_digit(s[1]) && sc_digit(s[2]) && sc_digit(s[3]) && clock4(s);
}
static int log_stamp_after(const unsigned char *s, size_t n, size_t j, size_t g)
{
	return j >= 5 && g + 5 <= n && s[g - 1] == '\n' && memchr(s + j, '\n', g - j) != NULL &&
	       !sc_digit(s[j - 5]) && stamp4(s + j - 4) && stamp4(s + g) && s[g + 4] == ' ';
}

/*
 * Digit groups from s[i] (which may be '+' or '(', then perhaps a space),
 * joined by 1-4 gap characters ("(07700) - 900123", a dash between spaces
 * after the bracket); the longest run of whole groups that
 * ident_phone_e164 accepts, or after a '+' has 8 to 15 digits (a number
 * abroad), and that ends a word wins.
 */
static size_t phone_at(const unsigned char *s, size_t n, size_t *start)
{
	size_t i = *start;
	size_t ge[PHONE_MAX_GROUPS], ng = 0, nd = 0, j = i;
	char e164[16];

	if (s[j] == '+' || s[j] == '(') {
		j++;
		if (j + 1 < n && s[j] == ' ' && sc_digit(s[j + 1]))
			j++;
	}
	while (ng < PHONE_MAX_GROUPS && j < n && sc_digit(s[j])) {
		size_t k = digits_at(s, n, j, PHONE_MAX_DIGITS);
		if (nd + k > PHONE_MAX_DIGITS)
			break;
		nd += k;
		j += k;
		ge[ng++] = j;
		size_t g = j;
		while (g < n && g - j < 4 && is_gap(s[g]))
			g++;
		if (g == j || log_stamp_after(s, n, j, g))
			break;
		j = g;
	}
	while (ng > 0) {
		size_t e = ge[--ng];
		char buf[96];
		size_t bl = 0;
		if (!ends_word(s, n, e, 1))
			continue;
		for (size_t k = i; k < e && bl < sizeof buf; k++) /* '\n' is a gap here, not for ident */
			buf[bl++] = s[k] == '\n' ? ' ' : (char)s[k];
		if (bl == sizeof buf)
			continue;
		if (ident_phone_e164(buf, bl, e164) != 0) {
			/* "+1 202 555 0147", "+48 600 123 456": a number abroad
			 * written with its country code (E.164: 8 to 15 digits,
			 * no leading 0) is a phone too; a relative's abroad
			 * locates her as well as a UK one */
			size_t d = 0, f = i + 1 + (s[i + 1] == ' ');
			int plain = 1; /* not across a line or a full stop */
			for (size_t k = i; k < e; k++) {
				d += sc_digit(s[k]) != 0;
				plain &= s[k] != '\n' && s[k] != '.';
			}
			/* a UK number (+44) is ident's to judge */
			if (!(s[i] == '+' && plain && d >= 8 && d <= 15 && s[f] != '0' &&
			      !(s[f] == '4' && s[f + 1] == '4')))
				continue;
		} else if (strncmp(e164, "+44800", 6) == 0 || strncmp(e164, "+44808", 6) == 0) {
			/* "0808 2000 247", "0800 555 111": a freephone number is a
			 * helpline's or a firm's, never a person's (hers, written
			 * in a structured field, is withheld as that value) */
			return 0;
		}
		/* An unclosed bracket: take its ')' if next, else leave the '('. */
		int open = 0;
		for (size_t k = i; k < e; k++)
			open += (s[k] == '(') - (s[k] == ')');
		if (open > 0 && e < n && s[e] == ')')
			return e + 1;
		if (open > 0 && s[i] == '(')
			*start = i + 1;
		return e;
	}
	return 0;
}

/*
 * s21-never: a mobile written with letters for digits in its later groups
 * ("07700 9OO l9O"): O or o for 0, l or I for 1. Eleven characters that
 * are digits or those letters, from "07", in groups of which each has a
 * real digit, one space or hyphen between groups, at least one letter,
 * ending a word, and a UK number once read. Only where the phone reader
 * found nothing ("07700 900 I think" is eight digits and a word).
 */
static int lookalike(unsigned char c)
{
	return c == 'O' || c == 'o' || c == 'l' || c == 'I';
}

static size_t phone_lookalike_at(const unsigned char *s, size_t n, size_t i)
{
	char buf[16], e164[16];
	size_t bl = 0, j = i;
	int letters = 0;
	if (i + 1 >= n || s[i] != '0' || s[i + 1] != '7')
		return 0;
	while (j < n && bl < 12) {
		int real = 0;
		while (j < n && bl < 12 && (sc_digit(s[j]) || lookalike(s[j]))) {
			real |= sc_digit(s[j]) != 0;
			letters += lookalike(s[j]);
			buf[bl++] = sc_digit(s[j]) ? (char)s[j] : (s[j] | 0x20) == 'o' ? '0' : '1';
			j++;
		}
		if (!real)
			return 0;
		if (j + 1 < n && (s[j] == ' ' || s[j] == '-') &&
		    (sc_digit(s[j + 1]) || lookalike(s[j + 1])) && bl < 11)
			j++;
		else
			break;
	}
	if (bl != 11 || letters == 0 || (j < n && sc_alnum(s[j])) ||
	    ident_phone_e164(buf, bl, e164) != 0)
		return 0;
	return j;
}

/*
 * s48-never: a phone number said aloud and written down as said ("oh seven
 * seven double oh, nine hundred, three six one": a 999 call's transcript,
 * a voicemail's): digit words ("oh", "zero", "nought", "one" ... "nine"),
 * "double" and "triple" before one, "hundred" after one ("00") and digits,
 * apart by spaces, commas or dashes; the whole a UK number of 11 digits
 * from its 0 with at least one digit said as a word. Returns its end or 0,
 * its 11 digits in buf.
 */
static size_t phone_spoken_at(const unsigned char *s, size_t n, size_t i, char buf[16])
{
	char e164[16];
	size_t bl = 0, j = i, end = 0;
	int rep = 1, said = 0, last = -1, more = 0;
	if (i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] >= 0x80))
		return 0;
	/* (digits said after the 11th go with it, a few: "... three six one,
	 * two" is no number of 11 digits and "two" left alone) */
	while (j < n && bl <= 11 && more <= 4) {
		size_t e = j;
		while (e < n && sc_alnum(s[e]))
			e++;
		if (e == j || (e < n && s[e] >= 0x80))
			break;
		size_t l = e - j;
		int digits = sc_digit(s[j]);
		for (size_t k = j; k < e && digits; k++)
			digits = sc_digit(s[k]);
		if (digits) {
			if (rep != 1 || (bl + l > 11 && bl != 11))
				break;
			if (bl + l > 11)
				more++;
			else
				memcpy(buf + bl, s + j, l), bl += l;
			last = -1;
		} else {
			int d = ident_digit_word((const char *)s + j, l, 0);
			if (d >= 0) {
				if (bl + (size_t)rep > 11 && bl != 11)
					break;
				if (bl + (size_t)rep > 11)
					more++;
				else
					while (rep-- > 0)
						buf[bl++] = (char)('0' + d);
				rep = 1, said = 1, last = d;
			} else if (rep == 1 && l == 6 && (strncasecmp((const char *)s + j, "double", 6) == 0 ||
							  strncasecmp((const char *)s + j, "triple", 6) == 0)) {
				rep = (s[j] | 0x20) == 'd' ? 2 : 3;
			} else if (last >= 1 && l == 7 && strncasecmp((const char *)s + j, "hundred", 7) == 0 &&
				   bl + 2 <= 11) {
				buf[bl++] = '0', buf[bl++] = '0';
				last = -1;
			} else {
				break;
			}
		}
		if (rep == 1)
			end = e;
		j = e;
		while (j < n && (s[j] == ' ' || s[j] == ',' || s[j] == '-'))
			j++;
	}
	if (bl != 11 || !said || buf[0] != '0' || ident_phone_e164(buf, bl, e164) != 0)
		return 0;
	buf[bl] = '\0';
	return end;
}

/* Up to max separators (space, '-', '.', a line break) at s[j]; a '.'
 * before a space or line break ends a sentence and separates nothing
 * ("on 03.05.24.\nA new ..."). */
static size_t id_sep(const unsigned char *s, size_t n, size_t j, size_t max)
{
	size_t g = j;
	while (g < n && g - j < max && (s[g] == ' ' || s[g] == '-' || s[g] == '.' || s[g] == '\n')) {
		if (s[g] == '.' && g + 1 < n && (s[g + 1] == ' ' || s[g + 1] == '\n'))
			return j;
		g++;
	}
	return g;
}

/* AB123456C, AB 12 34 56 C, ab-123456-c, AB 1234 56 C. With `cued` (an NI
 * number's cue just before: "NI no QQ 12 34 56 C", "NINO"), a prefix the
 * rules never issue is one still: the writer says it is her number, a
 * slip or an old card's, and it is withheld (fail closed). */
static size_t nino_at(const unsigned char *s, size_t n, size_t i, int cued)
{
	char b[10], out[10];
	size_t j = i + 2, dg = 0;
	if (j >= n || !sc_alpha(s[i + 1]))
		return 0;
	b[0] = (char)s[i], b[1] = (char)s[i + 1];
	j = id_sep(s, n, j, 2);
	while (dg < 6) {
		size_t k = digits_at(s, n, j, 6);
		if (k == 0 || dg + k > 6 || k % 2)
			return 0;
		memcpy(b + 2 + dg, s + j, k);
		dg += k, j += k;
		if (dg < 6) {
			size_t g = id_sep(s, n, j, 2);
			if (g == j)
				return 0;
			j = g;
		}
	}
	j = id_sep(s, n, j, 2);
	if (j >= n || !sc_alpha(s[j]) || !ends_word(s, n, j + 1, 0))
		return 0;
	/* "Nationwide BS 16-52-21 a/c ...": a building society's sort code
	 * before "a/c", whose 'a' is no suffix letter */
	if (j + 1 < n && s[j + 1] == '/')
		return 0;
	b[8] = (char)s[j];
	if (ident_nino_valid(b, 9, out) == 0)
		return j + 1;
	return cued && sc_alpha(s[i]) && (s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'd' ? j + 1 : 0;
}

/* A word of 5-7 letters and digits, or an outward code, 1-3 spaces or line
 * breaks and a 3-character inward code; ident decides which are postcodes. */
static size_t postcode_at(const unsigned char *s, size_t n, size_t i)
{
	char out[9];
	size_t j = i, e;
	/* Cheap refusal of ordinary words: a digit second or third, or GIR. */
	if (i + 2 >= n || !(sc_digit(s[i + 1]) || (sc_alpha(s[i + 1]) && sc_digit(s[i + 2])) ||
	                    ((s[i] | 0x20) == 'g' && (s[i + 1] | 0x20) == 'i' && (s[i + 2] | 0x20) == 'r')))
		return 0;
	while (j < n && j - i < 8 && sc_alnum(s[j]))
		j++;
	if (j - i >= 5 && j - i <= 7) {
		e = j;
	} else if (j - i >= 2 && j - i <= 4) {
		size_t g = j;
		while (g < n && g - j < 4 && (s[g] == ' ' || s[g] == '\n'))
			g++;
		if (g == j || g - j > 3 || g + 3 > n || !sc_alnum(s[g]) || !sc_alnum(s[g + 1]) ||
		    !sc_alnum(s[g + 2]))
			return 0;
		e = g + 3;
	} else {
		return 0;
	}
	if (!ends_word(s, n, e, 0))
		return 0;
	return ident_postcode_norm((const char *)s + i, e - i, out) == 0 ? e : 0;
}

/* Is "CRN" (any case) right before i, past a colon, a full stop, a dash or
 * spaces ("CRN X 123456", "crn: X123-456")? Reads at most 8 bytes back. */
static int crn_cue_before(const unsigned char *s, size_t i)
{
	size_t p = i, lo = i > 8 ? i - 8 : 0;
	while (p > lo && (s[p - 1] == ' ' || s[p - 1] == ':' || s[p - 1] == '.' || s[p - 1] == '-'))
		p--;
	return p >= 3 && p < i && word_eq(s + p - 3, 3, "crn") && (p == 3 || !sc_alnum(s[p - 4]));
}

/*
 * A CRN: a letter and six digits ("X123456"); right after "CRN" also
 * written with a space after the letter or between the digits' halves
 * ("CRN X 123456", "CRN X123-456").
 */
static size_t crn_at(const unsigned char *s, size_t n, size_t i)
{
	char out[8];
	if (digits_at(s, n, i + 1, 6) == 6 && ends_word(s, n, i + 7, 0))
		return ident_crn_valid((const char *)s + i, 7, out) == 0 ? i + 7 : 0;
	if (!sc_alpha(s[i]) || !crn_cue_before(s, i))
		return 0;
	size_t j = i + 1 + (i + 1 < n && s[i + 1] == ' '), e;
	if (digits_at(s, n, j, 6) == 6)
		e = j + 6; /* "X 123456" */
	else if (digits_at(s, n, j, 3) == 3 && j + 4 < n && (s[j + 3] == ' ' || s[j + 3] == '-') &&
		 digits_at(s, n, j + 4, 3) == 3)
		e = j + 7; /* "X123-456", "X 123 456" */
	else
		return 0;
	return e - i > 7 && ends_word(s, n, e, 0) ? e : 0;
}

/* Letters at s[i], at most max + 1 counted; *up: all upper case. */
static size_t letters_at(const unsigned char *s, size_t n, size_t i, size_t max, int *up)
{
	size_t k = 0;
	while (i + k < n && sc_alpha(s[i + k]) && k <= max) {
		*up &= sc_upper(s[i + k]);
		k++;
	}
	return k;
}

/*
 * Is w[0..3) a month's abbreviation ("JAN")? In capitals "ON 23 JAN" has
 * the shape of a spaced registration.
 */
static int month_abbr(const unsigned char *w)
{
	static const char *const M[] = {"jan", "feb", "mar", "apr", "may", "jun",
	                                "jul", "aug", "sep", "oct", "nov", "dec"};
	return IN(w, 3, M);
}

/*
 * UK registrations. Current "AB12 CDE" (space optional): exact shape, all
 * capitals and a real age identifier (02-29, 51-79), or any case after a
 * vehicle cue; also written "AB 12 CDE" (DVLA's own spacing on some
 * documents), then in capitals only, and without a cue only when the first
 * letter is a real memory tag (not I, Q, Z, which also refuses "IN", "IS",
 * "IT") and the last three are no month ("ON 23 JAN" in a CAD log).
 * Prefix "A123 BCD", suffix "ABC 123D" and Northern Irish "AIZ 1234" (its
 * last two letters, the county code, hold an I or a Z) only after a cue: in capitals
 * those shapes also fit road numbers ("A1 THE") and codes; in capitals they
 * may be spaced too ("P 327 HVW", "ABC 123 D").
 */
/* Does the word ending one space before i read "starting", "beginning",
 * "partial" ...? ("reg starting NX18": only the first half is known), also
 * with the plate's word between ("partial plate AE70", "Partial VRM: GX19").
 * With last, the words of the end ("ending", "ends", "ends in": "reg ending
 * NVA", only the last half known). */
static int partial_before(const unsigned char *s, size_t i, int last)
{
	static const char *const W[] = {"starting", "beginning", "begins", "starts", "partial",
	                                "partly", "part"};
	static const char *const P[] = {"plate", "reg", "registration", "vrm", "index"};
	size_t e = i, b;
	for (int r = 0; r < 2; r++) {
		if (e < 2 || s[e - 1] != ' ')
			return 0;
		e -= 1 + (e >= 3 && s[e - 2] == ':');
		for (b = e; b > 0 && e - b < 12 && sc_alpha(s[b - 1]); b--)
			;
		if (last) {
			if (word_eq(s + b, e - b, "ending") || word_eq(s + b, e - b, "ends"))
				return 1;
			if (r > 0 || !word_eq(s + b, e - b, "in"))
				return 0;
			e = b; /* "ends in NVA" */
			continue;
		}
		for (size_t k = 0; k < sizeof W / sizeof W[0]; k++)
			if (word_eq(s + b, e - b, W[k]))
				return 1;
		int plate = 0;
		for (size_t k = 0; k < sizeof P / sizeof P[0]; k++)
			plate |= word_eq(s + b, e - b, P[k]);
		if (!plate)
			return 0;
		e = b;
	}
	return 0;
}

/* Digits in 2 to 4 groups of 2 to 4, one space between, 7 to 10 in all
 * ("0071 3349 20"): the end, or 0. */
static size_t account_groups_at(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i, nd = 0, d;
	int g = 0;
	while (g < 4 && (d = digits_at(s, n, j, 4)) >= 2 && d <= 4) {
		nd += d, j += d, g++;
		if (!(j + 1 < n && s[j] == ' ' && sc_digit(s[j + 1])))
			break;
		j++;
	}
	return g >= 2 && nd >= 7 && nd <= 10 && sc_digit(s[j - 1]) && ends_word(s, n, j, 1) ? j : 0;
}

/* The word ending one space (or a hard line break: "Account ending\n4471")
 * before i: its start in *b, or 0 when none. */
static int word_before(const unsigned char *s, size_t i, size_t *b)
{
	if (i < 2 || (s[i - 1] != ' ' && s[i - 1] != '\n') || !sc_alpha(s[i - 2]))
		return 0;
	size_t e = i - 1, k;
	for (k = e; k > 0 && e - k < 12 && sc_alpha(s[k - 1]); k--)
		;
	*b = k;
	return 1;
}

/* Are s[j..j+4) four of one mask character, '*' or 'X' ("****", "XXXX")? */
static int masked_four(const unsigned char *s, size_t j)
{
	unsigned char m = s[j];
	return (m == '*' || m == 'X' || m == 'x') && s[j + 1] == m && s[j + 2] == m && s[j + 3] == m;
}

/* A card number with its middle masked, as statements print it: "4921 ****
 * **** 0932", "4921-XXXX-XXXX-0932" (4 digits, one or two groups of four
 * '*' or 'X', 4 digits, one space or '-' between): the end, or 0. The
 * first and last digits still tell the card apart. */
static size_t masked_card_at(const unsigned char *s, size_t n, size_t i)
{
	if (digits_at(s, n, i, 4) != 4 || (i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] == '-')))
		return 0;
	size_t j = i + 4;
	int groups = 0;
	for (; groups < 2 && j + 5 <= n && (s[j] == ' ' || s[j] == '-') && masked_four(s, j + 1);
	     groups++)
		j += 5;
	if (groups == 0 || j + 5 > n || (s[j] != ' ' && s[j] != '-') || digits_at(s, n, j + 1, 4) != 4 ||
	    !ends_word(s, n, j + 5, 0))
		return 0;
	return j + 5;
}

/* A card's last four digits after its number masked whole, as statements
 * and banking apps print it: "**** **** **** 4417", "XXXX-XXXX-XXXX-0932"
 * (two or three groups of four '*' or 'X', one space or '-' after each).
 * Where the masked run starts, or i when there is none. */
static size_t masked_groups_before(const unsigned char *s, size_t i)
{
	size_t b = i;
	int groups = 0;
	for (; groups < 3 && b >= 5 && (s[b - 1] == ' ' || s[b - 1] == '-') && masked_four(s, b - 5) &&
	       !(b >= 6 && (sc_alnum(s[b - 6]) || s[b - 6] == s[b - 5]));
	     groups++)
		b -= 5;
	return groups >= 2 ? b : i; /* "**** 2024": a censored word and a year */
}

/* s32-never: a card's last four digits glued to its masked run ("Monzo
 * ****4417", "card xxx4417"; three or more of one '*' or 'x'/'X', no
 * letter or digit before), or after a masked run of four and one space
 * where a bank or a card's word names it ("Monzo **** 4417"; not "****
 * 2024", a censored word and a year). Where the masked run starts, or i. */
static int bank_brand(const unsigned char *w, size_t n);

static size_t masked_last_four(const unsigned char *s, size_t i)
{
	size_t k = i;
	int spaced = k > 0 && s[k - 1] == ' ';
	k -= spaced;
	if (k == 0)
		return i;
	unsigned char m = s[k - 1];
	if (m != '*' && m != 'x' && m != 'X')
		return i;
	size_t b = k;
	while (b > 0 && s[b - 1] == m)
		b--;
	if (k - b < (spaced ? 4u : 3u) || (b > 0 && (sc_alnum(s[b - 1]) || s[b - 1] >= 0x80)))
		return i;
	if (spaced) {
		static const char *const CARD[] = {"account", "acct", "card", "debit", "credit"};
		size_t wb;
		if (!word_before(s, b, &wb) || !(IN(s + wb, b - 1 - wb, CARD) ||
		                                 bank_brand(s + wb, b - 1 - wb)))
			return i;
	}
	return b;
}

/* "account ending", "acct ends in", "card ending in" one space before i:
 * the words of an account or card named by its last digits */
static int bank_brand(const unsigned char *w, size_t n);

static int ending_before(const unsigned char *s, size_t i)
{
	static const char *const OWNER[] = {"account", "acct", "acc", "card"};
	size_t b, e = i;
	if (!word_before(s, e, &b))
		return 0;
	if (word_eq(s + b, e - 1 - b, "in")) {
		e = b;
		if (!word_before(s, e, &b))
			return 0;
	}
	if (!word_eq(s + b, e - 1 - b, "ending") && !word_eq(s + b, e - 1 - b, "ends"))
		return 0;
	e = b;
	/* "a joint a/c ending 7730": the account's abbreviation */
	if (e >= 4 && s[e - 1] == ' ' && (s[e - 2] | 0x20) == 'c' && s[e - 3] == '/' &&
	    (s[e - 4] | 0x20) == 'a' && (e == 4 || !sc_alnum(s[e - 5])))
		return 1;
	/* "Barclaycard ending 4417": the card's own name */
	return word_before(s, e, &b) && (IN(s + b, e - 1 - b, OWNER) || bank_brand(s + b, e - 1 - b));
}

/* The word ending before s[e] past one to three spaces, ':' or '.' ("no.
 * ", "badge: "): its start in *b, its end in *we; 0 when none. */
static int word_back_punct(const unsigned char *s, size_t e, size_t *b, size_t *we)
{
	size_t k = e;
	while (k > 0 && e - k < 3 && (s[k - 1] == ' ' || s[k - 1] == ':' || s[k - 1] == '.'))
		k--;
	if (k == e || k == 0 || !sc_alpha(s[k - 1]))
		return 0;
	*we = k;
	while (k > 0 && *we - k < 12 && sc_alpha(s[k - 1]))
		k--;
	if (k > 0 && sc_alnum(s[k - 1]))
		return 0;
	*b = k;
	return 1;
}

/* "badge", "badge no.", "badge number:" just before s[i] */
static int badge_before(const unsigned char *s, size_t i)
{
	size_t b, e;
	if (i == 0 || s[i - 1] != ' ' || !word_back_punct(s, i, &b, &e))
		return 0;
	if ((word_eq(s + b, e - b, "no") || word_eq(s + b, e - b, "number")) &&
	    !word_back_punct(s, b, &b, &e))
		return 0;
	return word_eq(s + b, e - b, "badge");
}

RARE static size_t vehicle_at(const unsigned char *s, size_t n, size_t i, int cue)
{
	int up = 1;
	size_t L = letters_at(s, n, i, 3, &up), j = i + L, d;
	if (L == 2) { /* current */
		int spaced = j + 1 < n && s[j] == ' ' && sc_digit(s[j + 1]);
		if (spaced && !up)
			return 0;
		j += spaced;
		if (digits_at(s, n, j, 2) != 2)
			return 0;
		int age = (s[j] - '0') * 10 + (s[j + 1] - '0');
		j += 2;
		if (cue && up && ends_word(s, n, j, 0) && partial_before(s, i, 0) &&
		    !(j + 1 < n && s[j] == ' ' && sc_alpha(s[j + 1]) && sc_upper(s[j + 1])))
			return j; /* "reg starting NX18 - rest not known" */
		if (j + 1 < n && s[j] == ' ' && s[j + 1] == ' ' && !spaced)
			j += 2; /* "YT19  HRP": a double space between its halves */
		else if (j < n && (s[j] == ' ' || (cue && s[j] == '\n')))
			j++;
		if (letters_at(s, n, j, 3, &up) != 3 || !ends_word(s, n, j + 3, 0))
			return 0;
		if (!cue && (!up || !((age >= 2 && age <= 29) || (age >= 51 && age <= 79))))
			return 0;
		if (spaced && !cue && (s[i] == 'I' || s[i] == 'Q' || s[i] == 'Z' || month_abbr(s + j)))
			return 0;
		return j + 3;
	}
	if (!cue)
		return 0;
	/* Older shapes in one case: "s115 CDA" is a section of an Act. */
	int low = 1;
	for (size_t k = i; k < j; k++)
		low &= !sc_upper(s[k]);
	if (L == 1) { /* prefix */
		int spaced = j + 1 < n && s[j] == ' ' && up;
		j += spaced;
		if ((d = digits_at(s, n, j, 3)) < 1 || d > 3)
			return 0;
		j += d;
		if (j < n && s[j] == ' ')
			j++;
		if (letters_at(s, n, j, 3, &up) != 3 || !ends_word(s, n, j + 3, 0))
			return 0;
		return up || (!spaced && low && !sc_upper(s[j]) && !sc_upper(s[j + 1]) &&
		              !sc_upper(s[j + 2]))
		           ? j + 3
		           : 0;
	}
	if (L == 3) { /* suffix, or Northern Irish "AIZ 1234" */
		if (j < n && s[j] == ' ')
			j++;
		d = digits_at(s, n, j, 4);
		if (up && d >= 3 && d <= 4 && ends_word(s, n, j + d, 0) &&
		    (s[i + 1] == 'I' || s[i + 1] == 'Z' || s[i + 2] == 'I' || s[i + 2] == 'Z'))
			return j + d;
		if (d < 1 || d > 3)
			return 0;
		j += d;
		if (up && j + 1 < n && s[j] == ' ' && sc_upper(s[j + 1]))
			j++; /* "ABC 123 D" */
		if (j >= n || !sc_alpha(s[j]) || !ends_word(s, n, j + 1, 0))
			return 0;
		if (!(up && sc_upper(s[j])) && !(low && !sc_upper(s[j])))
			return 0;
		return j + 1;
	}
	return 0;
}

/* A plate spelt out one character at a time after its cue ("reg given as
 * "M 4 R C A T"", "Y 4 8 3 B M W"): 5 to 8 single letters or digits, one
 * or two spaces apart, at least one of each, a letter first. The end, or 0. */
RARE static size_t spelt_plate_at(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i, end = 0;
	int chars = 0, dig = 0, let = 0;
	while (j < n && chars < 9 && sc_alnum(s[j]) && (j + 1 >= n || !sc_alnum(s[j + 1]))) {
		dig += sc_digit(s[j]) != 0, let += sc_alpha(s[j]) != 0;
		chars++, end = j + 1;
		size_t k = end;
		while (k < n && k - end < 2 && s[k] == ' ')
			k++;
		if (k == end || k >= n)
			break;
		j = k;
	}
	if (chars < 5 || chars > 8 || !dig || !let || !ends_word(s, n, end, 0))
		return 0;
	return end;
}

/* A current plate in capitals with a zero for the O that starts its last
 * three ("PR19 0TD"): the end, or 0. */
static size_t plate_zero_for_o(const unsigned char *s, size_t n, size_t i)
{
	if (i + 8 > n || !sc_upper(s[i]) || !sc_upper(s[i + 1]) || !sc_digit(s[i + 2]) ||
	    !sc_digit(s[i + 3]) || s[i + 4] != ' ' || s[i + 5] != '0' || !sc_upper(s[i + 6]) ||
	    !sc_upper(s[i + 7]) || !ends_word(s, n, i + 8, 0))
		return 0;
	return i + 8;
}

/*
 * Registrations of other kinds, read only after a vehicle cue: an Irish
 * one ("09-LH-4471", "191 D 12345": the year in 2 or 3 digits, the
 * county's 1 or 2 letters, up to 6 digits, '-' or ' ' between) at a digit,
 * and, after a boat's cue (boat, trawler), a fishing boat's ("his
 * trawler WY 71", "boat: reg SY 412": the port's 2 or 3 capitals and 1 to
 * 4 digits) at a letter. Returns the end, or 0.
 */
RARE static size_t irish_reg_at(const unsigned char *s, size_t n, size_t i)
{
	size_t d = digits_at(s, n, i, 3), j = i + d;
	if (d < 2 || j + 3 >= n || (s[j] != '-' && s[j] != ' '))
		return 0;
	unsigned char sep = s[j++];
	int up = 1;
	size_t L = letters_at(s, n, j, 2, &up);
	if (L < 1 || L > 2 || !up || j + L + 1 >= n || s[j + L] != sep)
		return 0;
	j += L + 1;
	d = digits_at(s, n, j, 6);
	if (d < 1 || d > 6 || !ends_word(s, n, j + d, 0) || (j + d < n && s[j + d] == sep))
		return 0;
	return j + d;
}

/*
 * An Irish registration without a cue, in its dashed form only ("09-L-20417",
 * "182-WX-903"): the year a real one (2 digits 87-99 or 00-12; since 2013 3
 * digits, the year's two and the half-year 1 or 2), the county's code from
 * the Republic's fixed list (with the codes used before 2014: LK, TN, TS,
 * WD), then 1 to 6 digits. Returns the end, or 0.
 */
static int irish_county(const unsigned char *w, size_t L)
{
	static const char *const C1[] = {"c", "d", "g", "l", "t", "w"};
	static const char *const C2[] = {"ce", "cn", "cw", "dl", "ke", "kk", "ky", "ld", "lh",
	                                 "lk", "lm", "ls", "mh", "mn", "mo", "oy", "rn", "so",
	                                 "tn", "ts", "wd", "wh", "wx", "ww"};
	return L == 1 ? IN(w, 1, C1) : L == 2 && IN(w, 2, C2);
}

RARE static size_t irish_dashed_reg_at(const unsigned char *s, size_t n, size_t i)
{
	size_t d = digits_at(s, n, i, 3);
	if ((d != 2 && d != 3) || (i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] == '-')))
		return 0;
	int yy = (s[i] - '0') * 10 + (s[i + 1] - '0');
	int year = d == 2 ? yy >= 87 || yy <= 12
	                  : yy >= 13 && yy <= 40 && (s[i + 2] == '1' || s[i + 2] == '2');
	if (!year)
		return 0;
	if (i + d >= n || s[i + d] != '-')
		return 0;
	size_t j = i + d + 1;
	int up = 1;
	size_t L = letters_at(s, n, j, 2, &up);
	if (!up || !irish_county(s + j, L) || j + L >= n || s[j + L] != '-')
		return 0;
	j += L + 1;
	d = digits_at(s, n, j, 6);
	if (d < 1 || d > 6 || !ends_word(s, n, j + d, 1) ||
	    (j + d + 1 < n && s[j + d] == '-' && sc_alnum(s[j + d + 1])))
		return 0;
	return j + d;
}

RARE static size_t boat_reg_at(const unsigned char *s, size_t n, size_t i)
{
	int up = 1;
	size_t L = letters_at(s, n, i, 3, &up), j = i + L;
	if (L < 2 || L > 3 || !up || j + 1 >= n || s[j] != ' ' || (i > 0 && sc_alnum(s[i - 1])))
		return 0;
	size_t d = digits_at(s, n, j + 1, 4);
	if (d < 1 || d > 4 || !ends_word(s, n, j + 1 + d, 0) ||
	    (j + 1 + d + 1 < n && s[j + 1 + d] == ' ' && sc_upper(s[j + 2 + d])))
		return 0; /* "AB 12 CDE" is a car's, read as such */
	return j + 1 + d;
}

/* Colours, makes and the commonest models on UK roads that describe a car
 * ("silver Audi", "the Yaris"), older ones and what people call them ("his
 * dad's old Escort", "the Jag", "a Merc"): ASCII, any case; sorted
 * (car_word searches it); "car" and "van" are cues (CUES). Models that
 * are also common words (Golf, Polo, Focus, Galaxy, Sierra) are left out.
 * The colours also as police logs shorten them ("BLK", "SLV", "WHT"). */
static const char *const CAR_WORDS[] = {
	"alfa", "astra", "audi", "auris", "aygo", "beamer", "beemer", "beetle", "beige",
	"bentley", "berlingo", "black", "blk", "blu", "blue", "bmw", "brn", "bronze", "brown",
	"burgundy", "caddy", "capri", "captur", "cavalier", "charcoal", "chevrolet", "citroen",
	"civic", "clio", "corolla", "corsa", "cortina", "cream", "cupra", "dacia", "dark",
	"ducato", "escort", "evoque", "fabia", "fiat", "fiesta", "ford", "freelander", "gld",
	"gold", "golden", "gray", "green", "grey", "grn", "gry", "hilux", "honda", "hyundai",
	"ibiza", "insignia", "isuzu", "jag", "jaguar", "jeep", "juke", "kangoo", "kia", "kuga",
	"landrover", "ldv", "leon", "lexus", "light", "maroon", "mazda", "megane", "merc",
	"mercedes", "metallic", "mg", "micra", "mini", "mitsubishi", "mokka", "mondeo", "movano",
	"navara", "navy", "nissan", "octavia", "orange", "panda", "passat", "peugeot", "picanto",
	"pink", "polestar", "porsche", "prius", "punto", "purple", "qashqai", "red", "renault",
	"rover", "saab", "sandero", "scenic", "seat", "shogun", "silver", "skoda", "slv", "smart",
	"sportage", "sprinter", "subaru", "suzuki", "tesla", "tiguan", "touran", "toyota",
	"trafic", "transit", "tucson", "vauxhall", "vivaro", "volkswagen", "volvo", "vw", "white",
	"wht", "yaris", "yel", "yellow", "zafira",
};

/* Is w[0..n) (any case) in CAR_WORDS? A binary search: the list is sorted. */
static int car_word(const unsigned char *w, size_t n)
{
	char lw[12];
	size_t lo = 0, hi = sizeof CAR_WORDS / sizeof CAR_WORDS[0];
	if (n == 0 || n >= sizeof lw)
		return 0;
	for (size_t k = 0; k < n; k++)
		lw[k] = (char)(w[k] | 0x20);
	lw[n] = '\0';
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(lw, CAR_WORDS[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* Words that may stand between a car's make and its plate without naming
 * a car themselves: its body and trim ("estate", "5 series", "C-class"),
 * and the cue and partial words of the plate ("reg begins", "plate no").
 * Sorted, any case. */
static const char *const CAR_BODY[] = {
	"auto", "cabriolet", "camper", "campervan", "class", "convertible", "coupe", "diesel",
	"electric", "estate", "hatch", "hatchback", "hybrid", "minibus", "mpv", "petrol",
	"pickup", "saloon", "series", "sport", "sports", "suv", "tipper", "van",
};
static const char *const PLATE_CUE[] = {
	"beginning", "begins", "cherished", "no", "number", "partial", "personalised", "plate",
	"prefix", "private", "reg", "registration", "starting", "starts", "suffix", "vrm",
};
/* First words of makes of two words whose second is in CAR_WORDS ("Land
 * Rover", "Range Rover", "Alfa Romeo" by "alfa") */
static const char *const MAKE_FIRST[] = {"land", "range"};

/* The word ending at e (letters and digits, a hyphen inside: "C-class"):
 * its start, or e when there is none or it is glued to more text. */
static size_t car_word_back(const unsigned char *s, size_t e)
{
	size_t b = e;
	while (b > 0 && e - b < 12 && (sc_alnum(s[b - 1]) ||
	                               (s[b - 1] == '-' && b >= 2 && sc_alnum(s[b - 2]) && b < e)))
		b--;
	if (b == e || (b > 0 && (sc_alnum(s[b - 1]) || s[b - 1] >= 0x80)))
		return e;
	return b;
}

/*
 * The description written just before a registration, "Red Ford Fiesta
 * KR13 XYF", "silver Audi A3 GF19 PTE", "Peugeot 308 estate, reg begins
 * HN18", "Kia Rio (grey), plate ...": up to 5 words, one space apart, each
 * a colour or make, a capitalised word, a short model code ("A3", "500"),
 * a body word ("estate", "C-class"); between them and the plate a comma,
 * a few words in brackets and the plate's cue. At least one word is a colour
 * or make; the car is then told by the whole phrase, so it goes with the
 * registration. Returns where the description starts, or i when there is none.
 */
RARE static size_t vehicle_described_before(const unsigned char *s, size_t i)
{
	size_t a = i, best = i, b, e;
	/* the plate's cue and partial words: "..., reg begins DG15" */
	for (int r = 0; r < 3 && a >= 2 && s[a - 1] == ' '; r++) {
		e = a - 1 - (s[a - 2] == ':' || s[a - 2] == '.'); /* "reg:", "reg." */
		if ((b = car_word_back(s, e)) == e || !IN(s + b, e - b, PLATE_CUE))
			break;
		a = b;
	}
	/* the plate and its cue in brackets after the car: "a red Corsa (prefix
	 * reg M318 TRW)" */
	int br = a < i && a >= 3 && s[a - 1] == '(';
	a -= br;
	/* a line may break between the car and its plate ("a white Fiesta\nR34
	 * LMX") */
	if (a < 2 || !(s[a - 1] == ' ' || ((a == i || br) && s[a - 1] == '\n')))
		return i;
	e = a - 1;
	/* "a blue Shogun, AEZ 8812": one comma between the car and its plate */
	if (e >= 2 && s[e - 1] == ',')
		e--;
	/* "Kia Rio (grey), reg ...": a note in brackets after the car */
	if (e >= 4 && s[e - 1] == ')') {
		size_t o = e - 1;
		while (o > 0 && e - o < 24 && s[o - 1] != '(' && s[o - 1] != '\n' && s[o - 1] != ')')
			o--;
		if (o < 3 || s[o - 1] != '(' || s[o - 2] != ' ')
			return i;
		e = o - 2;
	}
	for (int r = 0; r < 5; r++) {
		if ((b = car_word_back(s, e)) == e)
			break;
		int car = car_word(s + b, e - b);
		int code = e - b <= 4 && (sc_upper(s[b]) || sc_digit(s[b])); /* "A3", "500", "1" */
		if (!car && !code && !IN(s + b, e - b, CAR_BODY) &&
		    !(sc_upper(s[b]) && e - b >= 3 && e - b <= 10))
			break;
		if (car) {
			best = b;
			/* "Land Rover": the make's first word */
			size_t f;
			if (b >= 2 && s[b - 1] == ' ' && (f = car_word_back(s, b - 1)) < b - 1 &&
			    sc_upper(s[f]) && IN(s + f, b - 1 - f, MAKE_FIRST))
				best = b = f;
		}
		if (b < 2 || s[b - 1] != ' ')
			break;
		e = b - 1;
	}
	return best;
}

/*
 * The description written right after a plate, "YK17 NVA silver Audi A3",
 * "K123 ABC (blue Ford Focus)", "AB12 CDE, a grey Kia": as before it, up to
 * 5 words, at least one a colour or make, each a car word, a short model
 * code or a body word; in brackets, the closing one too. Returns its end,
 * or e when there is none.
 */
static size_t vehicle_description_end(const unsigned char *s, size_t n, size_t e)
{
	size_t j = e, best = e;
	int br = 0, car = 0;
	if (j + 1 < n && s[j] == ' ' && s[j + 1] == '(')
		j += 2, br = 1;
	else if (j + 1 < n && s[j] == ',' && s[j + 1] == ' ')
		j += 2;
	else if (j + 1 < n && s[j] == ' ')
		j++;
	else
		return e;
	for (int r = 0; r < 6 && j < n; r++) {
		size_t a = j;
		while (j < n && j - a < 12 && (sc_alnum(s[j]) || (s[j] == '-' && j > a)))
			j++;
		if (j == a || (j < n && (sc_alnum(s[j]) || s[j] >= 0x80)))
			break;
		int c = car_word(s + a, j - a);
		if (r == 0 && !c && (word_eq(s + a, j - a, "a") || word_eq(s + a, j - a, "an") ||
		                     word_eq(s + a, j - a, "his") || word_eq(s + a, j - a, "her") ||
		                     word_eq(s + a, j - a, "their"))) {
			if (j >= n || s[j] != ' ')
				break;
			j++;
			continue;
		}
		int code = j - a <= 4 && (sc_upper(s[a]) || sc_digit(s[a]));
		int model = sc_upper(s[a]) && j - a >= 3 && j - a <= 10; /* "Focus" */
		if (!c && !(car && (code || model || IN(s + a, j - a, CAR_BODY))))
			break;
		car |= c;
		best = j;
		if (j >= n || s[j] != ' ')
			break;
		j++;
	}
	if (!car)
		return e;
	if (br) {
		if (best < n && s[best] == ')')
			return best + 1;
		return e; /* the brackets hold more than the car: left alone */
	}
	return best;
}

/*
 * The plate s[*start..e) with the description before it, also when the
 * plate is in brackets after it ("Red Ford Fiesta (KR13 XYF)"), brackets
 * and all, or with the description after it. Moves *start; returns the end.
 */
static size_t vehicle_with_description(const unsigned char *s, size_t n, size_t *start, size_t e)
{
	size_t i = *start, b;
	if (i >= 2 && s[i - 1] == '(' && s[i - 2] == ' ' && e < n && s[e] == ')' &&
	    (b = vehicle_described_before(s, i - 1)) < i - 1) {
		*start = b;
		return e + 1;
	}
	*start = vehicle_described_before(s, i);
	/* "red Corsa (prefix reg M318 TRW)": the bracket opened before the
	 * plate's cue closes after the plate */
	size_t k = i;
	while (k > *start && s[k - 1] != '(' && s[k - 1] != ')')
		k--;
	if (e < n && s[e] == ')' && k > *start && s[k - 1] == '(')
		return e + 1;
	return vehicle_description_end(s, n, e);
}

/*
 * A vehicle described right after its registration: "K123 ABC (blue Ford
 * Focus)", "ABC 123D, a silver Audi", "B123 CDE (his Hilux)": the colour or
 * the make is the cue,
 * as "reg" is before it. Words: ASCII, any case; "Citroën" by its stem.
 */
static int vehicle_described(const unsigned char *s, size_t n, size_t e)
{
	size_t j = e, a;
	while (j < n && j - e < 3 && (s[j] == ' ' || s[j] == '(' || s[j] == ',' || s[j] == '-'))
		j++;
	if (j == e)
		return 0;
	for (int r = 0; r < 2; r++) { /* "a", "an", "the" before it */
		a = j;
		while (j < n && sc_alpha(s[j]) && j - a < 12)
			j++;
		if (j - a >= 5 && j - a <= 7 && word_eq(s + a, 5, "citro"))
			return 1; /* Citroen, Citroën */
		if (j < n && sc_alnum(s[j]))
			return 0;
		if (car_word(s + a, j - a))
			return 1;
		if (r > 0 || !(word_eq(s + a, j - a, "a") || word_eq(s + a, j - a, "an") ||
		               word_eq(s + a, j - a, "the") || word_eq(s + a, j - a, "his") ||
		               word_eq(s + a, j - a, "her") || word_eq(s + a, j - a, "their")) ||
		    j >= n || s[j] != ' ')
			return 0;
		j++;
	}
	return 0;
}

/*
 * GB driving licence number, 16 characters: surname (5, padded with 9s),
 * decade digit, month (51-62 for women), day, year digit, 2 initials (or
 * 9), a digit, 2 check characters: "MORGA753116SM9IJ", also written with
 * spaces or dashes after the surname and the date ("MORGA-753116-SM9IJ").
 */
static size_t licence_at(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i;
	for (int k = 0; k < 5; k++, j++)
		if (j >= n || !(sc_alpha(s[j]) || (k > 0 && s[j] == '9')))
			return 0;
	if (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '-'))
		j++;
	if (digits_at(s, n, j, 6) != 6)
		return 0;
	int m = (s[j + 1] - '0') * 10 + (s[j + 2] - '0'), d = (s[j + 3] - '0') * 10 + (s[j + 4] - '0');
	if (m > 50)
		m -= 50;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	j += 6;
	if (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '-'))
		j++;
	/* the last five: 2 initials, a digit, 2 check characters, written
	 * whole or with one space inside ("DF9 XY", "DF 9XY") */
	unsigned char c[5];
	int gap = 0;
	for (int k = 0; k < 5; k++, j++) {
		if (k > 0 && !gap && j + 1 < n && (s[j] == ' ' || s[j] == '-') && sc_alnum(s[j + 1]))
			gap = 1, j++;
		if (j >= n)
			return 0;
		c[k] = s[j];
	}
	if (!(sc_alpha(c[0]) || c[0] == '9') || !(sc_alpha(c[1]) || c[1] == '9') || !sc_digit(c[2]) ||
	    !sc_alnum(c[3]) || !sc_alnum(c[4]))
		return 0;
	return ends_word(s, n, j, 0) ? j : 0;
}

/* A digit run of exactly want digits, or of groups (sizes in g[]) joined
 * by one space or '-' (or a line break), or by a dash between spaces ("20
 * - 71 - 64"); returns the end. */
static size_t grouped_at(const unsigned char *s, size_t n, size_t i, size_t want,
                         const size_t *g, size_t ng)
{
	size_t k = digits_at(s, n, i, want);
	if (k == want)
		return ends_word(s, n, i + k, 1) ? i + k : 0;
	size_t j = i;
	unsigned char sep = 0;
	for (size_t x = 0; x < ng; x++) {
		if (x > 0) {
			if (j + 3 < n && s[j] == ' ' && s[j + 1] == '-' && s[j + 2] == ' ' &&
			    sep != ' ' && sep != '-') {
				j += 3, sep = 1; /* " - ", the same each time */
				goto group;
			}
			if (sep == 1)
				return 0;
			/* a line break may stand for the separator: "12 34\n56" */
			if (j >= n || (s[j] != ' ' && s[j] != '-' && s[j] != '\n') ||
			    (sep && s[j] != sep && s[j] != '\n'))
				return 0;
			if (s[j++] != '\n')
				sep = s[j - 1];
		}
group:
		if (digits_at(s, n, j, g[x]) != g[x])
			return 0;
		j += g[x];
	}
	return ends_word(s, n, j, 1) && !(j + 1 < n && s[j] == sep && sc_digit(s[j + 1])) ? j : 0;
}

/*
 * A passport number after its cue: 9 digits, whole or in 2-3 groups joined
 * by one space, '-' or line break ("123456789", "123 456 789", "1234
 * 56789", "5318 4792 1", "123\n456 789"); the groups need not match a
 * pattern, since writers split it where their eye did. Passports of other
 * countries start with one or two capitals and have 6 to 9 digits
 * ("FC8815277", "FX 442 8817"): victims on a spouse or sponsor visa are
 * often the ones whose passport is held. A national identity card ("ID
 * card", "identity card") is the same document for EU citizens, its number
 * the same shape, so "card" and "identity" cue it too.
 */
RARE static size_t passport_at(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i, L = 0, nd = 0;
	while (L < 3 && j < n && sc_upper(s[j]))
		L++, j++;
	/* "P<GBR901244718": the machine-readable line, the country's code
	 * after "P<", then the number */
	/* "GBR 520 114 983" (the issuing country's code written first), a
	 * Polish identity card "ACX 482019": three capitals, a space, digits */
	/* "PAE123456": three capitals and six digits run together (the
	 * Spanish passport's layout, and others of that shape) */
	if (L == 3 && digits_at(s, n, j, 6) == 6 && ends_word(s, n, j + 6, 1))
		return j + 6;
	if (L > 2 && !(L == 3 && ((i >= 2 && s[i - 1] == '<' && sc_upper(s[i - 2])) ||
				  (j + 1 < n && s[j] == ' ' && sc_digit(s[j + 1])))))
		return 0;
	if (L && j + 1 < n && s[j] == ' ' && sc_digit(s[j + 1]))
		j++;
	/* "18AV24512", "FR 18AV24512": two digits, two capitals, five digits
	 * (the French passport's layout), after its country's code or alone */
	if ((L == 0 || (L == 2 && j > i + 2)) && j + 9 <= n && sc_digit(s[j]) && sc_digit(s[j + 1]) &&
	    sc_upper(s[j + 2]) && sc_upper(s[j + 3]) && digits_at(s, n, j + 4, 5) == 5 &&
	    ends_word(s, n, j + 9, 1))
		return j + 9;
	/* "E 1 2 7 4 3 9 8 1": read out digit by digit, one space apart */
	if (j + 3 < n && sc_digit(s[j]) && s[j + 1] == ' ' && sc_digit(s[j + 2]) && s[j + 3] == ' ') {
		size_t k = j, d = 0;
		while (d < 9 && k < n && sc_digit(s[k]) && (k + 1 >= n || !sc_alnum(s[k + 1]))) {
			d++, k++;
			if (k + 1 < n && s[k] == ' ' && sc_digit(s[k + 1]) && d < 9)
				k++;
			else
				break;
		}
		if (d >= (L ? 6u : 8u) && ends_word(s, n, k, 1) &&
		    !(k + 1 < n && s[k] == ' ' && sc_digit(s[k + 1])))
			return k;
		return 0;
	}
	/* digits alone: 9 in any grouping, or 8 in one run (a Romanian or
	 * Polish passport's number) */
	const size_t lo = L ? 6 : 8, hi = 9;
	for (int g = 0; g < 3; g++) {
		size_t k = digits_at(s, n, j, hi);
		if (k == 0 || nd + k > hi || (g == 0 && k < 2))
			return 0;
		nd += k, j += k;
		int more = j + 1 < n && (s[j] == ' ' || s[j] == '-' || s[j] == '\n') &&
		           sc_digit(s[j + 1]);
		/* "P4421987B": a letter, seven digits and a check letter
		 * (the Philippines, and others after them) */
		if (!more && L == 1 && g == 0 && nd == 7 && j < n && sc_upper(s[j]) &&
		    ends_word(s, n, j + 1, 1))
			return j + 1;
		/* "CA48201KQ": two capitals, five digits and two capitals (an
		 * Italian identity card, and others of that shape) */
		if (!more && L == 2 && g == 0 && nd >= 5 && nd <= 7 && j + 1 < n && sc_upper(s[j]) &&
		    sc_upper(s[j + 1]) && ends_word(s, n, j + 2, 1))
			return j + 2;
		if (!more)
			return (nd >= lo && !(L == 0 && nd == 8 && g > 0)) && ends_word(s, n, j, 1)
			           ? j
			           : 0; /* 8 digits alone only as one run ("05491278") */
		if (nd == hi)
			return 0; /* more digits follow: some longer number */
		j++;
	}
	return 0;
}

/*
 * The length of an IBAN of the country whose code is at c (two capitals),
 * or 0 for a country not listed: the SWIFT IBAN registry's lengths for the
 * countries victims and their families most often bank in.
 */
static size_t iban_length(const unsigned char *c)
{
	static const struct {
		char cc[3];
		unsigned char len;
	} L[] = {
		{"AT", 20}, {"BE", 16}, {"BG", 22}, {"CH", 21}, {"CY", 28}, {"CZ", 24},
		{"DE", 22}, {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18}, {"FR", 27},
		{"GB", 22}, {"GR", 27}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IT", 27},
		{"LT", 20}, {"LU", 20}, {"LV", 21}, {"MT", 31}, {"NL", 18}, {"NO", 15},
		{"PK", 24}, {"PL", 28}, {"PT", 25}, {"RO", 24}, {"SE", 24}, {"SI", 19},
		{"SK", 24}, {"TR", 26},
	};
	for (size_t k = 0; k < sizeof L / sizeof L[0]; k++)
		if (c[0] == (unsigned char)L[k].cc[0] && c[1] == (unsigned char)L[k].cc[1])
			return L[k].len;
	return 0;
}

/*
 * An IBAN at s[i] (2 letters, 2 digits, ...): groups of letters and digits
 * one space apart, 34 characters at most; the longest run of whole groups
 * that ident_iban_valid accepts (its mod-97 check makes a chance match of
 * an ordinary code unlikely) and that ends a word.
 */
RARE static size_t iban_at(const unsigned char *s, size_t n, size_t i)
{
	size_t ge[12], ng = 0, k = 0, j = i;
	char buf[48], out[35];
	if (i + 15 > n || !sc_alpha(s[i]) || !sc_alpha(s[i + 1]) || !sc_digit(s[i + 2]) ||
	    !sc_digit(s[i + 3]))
		return 0;
	/* Written whole (15+ characters), or in groups of 4 ("GB82 WEST
	 * ..."): a NINO, a registration or a postcode fails here. */
	size_t r = i;
	while (r < n && r - i < 15 && sc_alnum(s[r]))
		r++;
	if (r - i < 15 && !(r - i == 4 && s[r] == ' ' && sc_alnum(s[r + 1]) && sc_alnum(s[r + 2]) &&
	                    sc_alnum(s[r + 3]) && sc_alnum(s[r + 4]) && s[r + 5] == ' '))
		return 0;
	while (ng < 12 && j < n && sc_alnum(s[j])) {
		while (j < n && sc_alnum(s[j]) && k <= 34)
			j++, k++;
		if (k > 34)
			break;
		ge[ng++] = j;
		if (j + 1 >= n || s[j] != ' ' || !sc_alnum(s[j + 1]))
			break;
		j++;
	}
	for (size_t g = ng; g > 0; g--) {
		size_t e = ge[g - 1];
		if (e - i < sizeof buf && ends_word(s, n, e, 0)) {
			memcpy(buf, s + i, e - i);
			if (ident_iban_valid(buf, e - i, out) == 0)
				return e;
		}
	}
	/* A check digit miscopied (or an account written from memory) is still
	 * the account: the country's exact IBAN length in groups of four,
	 * which no NINO or postcode has; not after a reference's word ("ref
	 * GB82 WEST ...": a system's code of that shape). */
	static const char *const REFW[] = {"cad", "case", "crime", "incident", "job",
	                                   "log", "ref", "reference", "urn"};
	size_t rb;
	if (sc_upper(s[i]) && sc_upper(s[i + 1]) && ng >= 4 &&
	    !(word_before(s, i, &rb) && IN(s + rb, i - 1 - rb, REFW))) {
		size_t want = iban_length(s + i), k2 = 0, g = 0;
		for (size_t x = i; g < ng && want; x++) {
			if (x == ge[g]) {
				if (k2 == want && ends_word(s, n, x, 0))
					return x;
				g++;
				continue;
			}
			k2++;
		}
	}
	return 0;
}

/* Could a card number start at s[i]: 13+ digits at once, or 4 and then,
 * after one space or '-', 4 more or 6 (Amex)? Phones, NHS numbers and
 * dates, which reach the card reader first, fail here at once. */
static int card_start(const unsigned char *s, size_t n, size_t i)
{
	size_t k = digits_at(s, n, i, 13);
	return k >= 13 || (k == 4 && i + 9 < n && (s[i + 4] == ' ' || s[i + 4] == '-') &&
	                   digits_at(s, n, i + 5, 4) >= 4);
}

/*
 * A payment card number at s[i]: 13-19 digits, whole or in groups one space
 * apart, or 4-4-4-4 with '-', passing the Luhn check; not glued to a
 * reference by '-' before it, nor the tail of a longer digit sequence.
 */
RARE static size_t card_at(const unsigned char *s, size_t n, size_t i)
{
	size_t ge[8], ng = 0, nd = 0, j = i;
	char out[20];
	unsigned char sep = 0;
	int fours = 1;
	if (i > 0 && (s[i - 1] == '-' || (i >= 2 && s[i - 1] == ' ' && sc_digit(s[i - 2]) &&
	                                  digits_at(s, n, i, 13) < 13)))
		return 0; /* inside a reference or a longer grouped number */
	while (ng < 8 && j < n && sc_digit(s[j])) {
		size_t k = digits_at(s, n, j, 19);
		if (nd + k > 19)
			return 0;
		fours &= k == 4;
		nd += k, j += k;
		ge[ng++] = j;
		if (j + 1 >= n || (s[j] != ' ' && s[j] != '-') || (sep && s[j] != sep) ||
		    !sc_digit(s[j + 1]))
			break;
		sep = s[j++];
	}
	size_t e = ge[ng - 1];
	if (nd < 13 || (sep == '-' && !(fours && ng == 4)) || !ends_word(s, n, e, 1))
		return 0;
	if (e < n && (s[e] == ' ' || s[e] == '-') && e + 1 < n && sc_digit(s[e + 1]))
		return 0; /* more digits follow: some longer number */
	return ident_card_valid((const char *)s + i, e - i, out) == 0 ? e : 0;
}

/*
 * The word written just before a sort code, one space apart: the bank
 * ("Nationwide 07-04-36", "(Monzo 04-00-04 ...") or the cue itself ("Sort
 * 30-95-41"). A capitalised ASCII word of 3 to 14 letters, not a weekday
 * or a month ("Tues 11-11-25" is a date's day); with the numbers it says
 * which account, so it goes with them. Returns where it starts, or i.
 */
static int month_start(const unsigned char *s, size_t n, size_t i);

/* UK banks, building societies and card issuers known by one word (the
 * high street's and the app banks'; general knowledge, as allow.txt's
 * [brand] line): sorted, any case. */
static const char *const BANKS[] = {
	"aib", "amex", "barclaycard", "barclays", "chase", "clydesdale", "danske", "halifax",
	"hsbc", "lloyds", "mastercard", "mbna", "metro", "monzo", "nationwide", "natwest",
	"paypal", "rbs", "revolut", "santander", "starling", "tsb", "vanquis", "visa",
};

static int bank_brand(const unsigned char *w, size_t n)
{
	return IN(w, n, BANKS);
}

/* The word of letters (and '/', "a/c") ending at e, a '.' or ':' after it
 * left out: its start in *b and its end in *we; 0 when there is none. */
static int bank_word_back(const unsigned char *s, size_t e, size_t *b, size_t *we)
{
	if (e > 0 && (s[e - 1] == ':' || s[e - 1] == '.'))
		e--;
	size_t k = e;
	while (k > 0 && e - k < 15 && (sc_alpha(s[k - 1]) || (s[k - 1] == '/' && k < e)))
		k--;
	if (k == e || (k > 0 && (sc_alnum(s[k - 1]) || s[k - 1] >= 0x80)))
		return 0;
	*b = k, *we = e;
	return 1;
}

/* The bank before s[i]; strict: only a bank's name ("Yorkshire Bank",
 * "Monzo"), not any capitalised word. */
static size_t bank_before(const unsigned char *s, size_t i, int strict)
{
	static const char *const day[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	/* the account's cue words between the bank and the number: "Lloyds
	 * a/c 12345678", "Monzo sort code: ...", "Amex card ending 1234" */
	/* (s38: and the account's kind, "Barclays current a/c ...", "joint
	 * savings account") */
	static const char *const CUE[] = {"a/c", "acc", "account", "acct", "basic", "card", "code",
	                                  "credit", "current", "debit", "ending", "ends", "in", "isa",
	                                  "joint", "no", "number", "s/c", "saving", "savings", "sole",
	                                  "sort", "sortcode"};
	static const char *const KIND[] = {"bank", "bs", "society"};
	size_t a = i, b, e;
	int cued = 0, named = 0;
	for (int r = 0; r < 4 && a >= 2 && s[a - 1] == ' ' && bank_word_back(s, a - 1, &b, &e) &&
	                IN(s + b, e - b, CUE);
	     r++)
		a = b, cued = 1;
	/* no bank before the cue: the word just before the number, as
	 * "Sort 30-95-41" */
	if (cued && (b = bank_before(s, a, 1)) < a)
		return b;
	if (cued)
		a = i, cued = 0;
	if (a < 4 || s[a - 1] != ' ')
		return i;
	e = a - 1;
	/* "Santander, 09-01-29": a comma after the bank */
	int comma = s[e - 1] == ',';
	e -= comma;
	if (!sc_alpha(s[e - 1]))
		return i;
	b = e;
	while (b > 0 && e - b < 15 && sc_alpha(s[b - 1]))
		b--;
	/* "Yorkshire Bank", "Leek BS", "Skipton Building Society": the bank's
	 * own name before its kind */
	if (IN(s + b, e - b, KIND) && sc_upper(s[b]) && b >= 2 && s[b - 1] == ' ') {
		if (word_eq(s + b, e - b, "society") && b >= 10 && word_eq(s + b - 9, 8, "building") &&
		    s[b - 10] == ' ')
			b -= 9;
		e = b - 1;
		b = e;
		while (b > 0 && e - b < 15 && sc_alpha(s[b - 1]))
			b--;
		named = 1;
	}
	if (e - b < 3 || e - b > 14 || !sc_upper(s[b]) || (b > 0 && (sc_alnum(s[b - 1]) || s[b - 1] >= 0x80)))
		return i;
	/* "Monzo" is no Monday, "Marcus" no March */
	if (bank_brand(s + b, e - b))
		return b;
	for (size_t k = 0; k < sizeof day / sizeof day[0]; k++)
		if (word_eq(s + b, 3, day[k]))
			return i;
	if (month_start(s, e, b))
		return i;
	/* past a comma or the account's words, only a bank's name: "Victim
	 * a/c ...", "Joint account ..." name no bank */
	if ((comma || strict) && !named && !bank_brand(s + b, e - b))
		return i;
	return b;
}

RARE static size_t bank_named_before(const unsigned char *s, size_t i)
{
	return bank_before(s, i, 0);
}

/* Exactly want single digits one space apart from s[i] ("9 3 0 1 2 4 5 6"),
 * no more digit after: the end, or 0. */
RARE static size_t single_digits_at(const unsigned char *s, size_t n, size_t i, size_t want)
{
	size_t j = i, d = 0;
	while (j < n && sc_digit(s[j]) && (j + 1 >= n || !sc_alnum(s[j + 1]))) {
		d++, j++;
		if (d < want && j + 1 < n && s[j] == ' ' && sc_digit(s[j + 1]))
			j++;
		else
			break;
	}
	if (d != want || (j + 1 < n && s[j] == ' ' && sc_digit(s[j + 1])))
		return 0;
	return j;
}

/* Four digits that read as a 24-hour clock time ("1400", "0930"). */
static int clock4(const unsigned char *d)
{
	int h = (d[0] - '0') * 10 + (d[1] - '0'), m = (d[2] - '0') * 10 + (d[3] - '0');
	return h < 24 && m < 60;
}

/*
 * A sort code and its account number written as one run of groups, "07 04
 * 36 2241 0098", "07 04 36 22410098": 2, 2, 2 digits then 8 (or 4 and 4),
 * one space apart, ending a word (a sort code with dashes is found as
 * such, its account beside it). No cue is needed: that shape is nothing
 * else but a date and two clock times. Returns the end, or 0.
 */
static size_t sort_account_at(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i;
	for (int g = 0; g < 3; g++) {
		if (digits_at(s, n, j, 2) != 2 || j + 3 >= n || s[j + 2] != ' ')
			return 0;
		j += 3;
	}
	if (digits_at(s, n, j, 8) == 8)
		return ends_word(s, n, j + 8, 1) && !(j + 9 < n && s[j + 8] == ' ' && sc_digit(s[j + 9]))
			       ? j + 8
			       : 0;
	if (digits_at(s, n, j, 4) != 4 || j + 5 >= n || s[j + 4] != ' ' ||
	    digits_at(s, n, j + 5, 4) != 4 || !ends_word(s, n, j + 9, 1) ||
	    (j + 10 < n && s[j + 9] == ' ' && sc_digit(s[j + 10])))
		return 0;
	/* "12 05 26 1400 1600": a date and two clock times */
	if (clock4(s + j) && clock4(s + j + 5))
		return 0;
	return j + 9;
}

/* An 8-digit run within the next 40 bytes (an account number beside a sort code). */
static int account_ahead(const unsigned char *s, size_t n, size_t e)
{
	size_t lim = e + 40 < n ? e + 40 : n;
	for (size_t j = e; j < lim; j++)
		if (sc_digit(s[j]) && (j == 0 || !sc_alnum(s[j - 1])) && digits_at(s, n, j, 8) == 8 &&
		    ends_word(s, n, j + 8, 1))
			return 1;
	return 0;
}

/*
 * A date of birth with no cue, written right after a person's name as
 * lists of people write it: in brackets ("his new partner <Forename>
 * <Surname> (14/04/1999)") or after a name in capitals in a table's
 * column ("WITNESS  <SURNAME>  <FORENAMES>  11/11/1962  ..."): at s[i] a
 * full date whose four-digit year is at least DOB_AGE_MIN years before
 * this year (an incident's or a meeting's date is recent; a child's
 * birth date is missed here rather than such dates withheld); before it
 * '(' after a capitalised word and a space, or two or more spaces after
 * a word in capitals; or in a table's cell after the cell of a name
 * written police style ("| <SURNAME> <Forename> (sister) | 02/02/1992 |").
 * Returns the date's end, or 0.
 */
#define DOB_AGE_MIN 14 /* an adult or an older child: no incident date is so old in a bracket */

/* This year, from the clock (the rule is about how old a date is). */
RARE static int year_now(void)
{
	time_t t = time(NULL);
	struct tm tm;
	return gmtime_r(&t, &tm) ? tm.tm_year + 1900 : 2026;
}

/*
 * The cell before a table's cell starting at i ("| <SURNAME> <Forename>
 * (sister) | 02/02/1992 |"): does it hold a name written police style, a
 * word of 3 or more capitals then a capitalised word in mixed case? Reads
 * at most 80 bytes back, to the cell's '|'.
 */
static int name_cell_before(const unsigned char *s, size_t i)
{
	if (i < 4 || s[i - 1] != ' ' || s[i - 2] != '|' || s[i - 3] != ' ')
		return 0;
	size_t lo = i > 83 ? i - 83 : 0, k = i - 3;
	while (k > lo && s[k - 1] != '|' && s[k - 1] != '\n')
		k--;
	for (size_t a = k; a < i - 3; a++) {
		if (!sc_upper(s[a]) || (a > 0 && sc_alpha(s[a - 1])))
			continue;
		size_t e = a;
		while (e < i - 3 && sc_upper(s[e]))
			e++;
		if (e - a >= 3 && e + 2 < i - 3 && s[e] == ' ' && sc_upper(s[e + 1]) &&
		    s[e + 2] >= 'a' && s[e + 2] <= 'z')
			return 1;
	}
	return 0;
}

RARE static size_t dob_after_name(const unsigned char *s, size_t n, size_t i)
{
	size_t w;
	if (name_cell_before(s, i)) {
		struct ident_date d;
		size_t k = ident_date_scan((const char *)s + i, n - i, &d);
		if (k < 8 || d.two_digit_year || d.y < 1900 || d.y > year_now() - DOB_AGE_MIN ||
		    !ends_word(s, n, i + k, 0))
			return 0;
		return i + k;
	}
	if (i >= 3 && s[i - 1] == '(' && s[i - 2] == ' ')
		w = i - 2;
	else if (i >= 3 && s[i - 1] == ' ' && s[i - 2] == ' ') {
		w = i - 2;
		while (w > 0 && s[w - 1] == ' ')
			w--;
	} else
		return 0;
	size_t a = w;
	int upper = 1;
	while (a > 0 && (sc_alpha(s[a - 1]) || s[a - 1] >= 0x80))
		upper &= !(s[a - 1] >= 'a' && s[a - 1] <= 'z'), a--;
	if (w - a < 2 || !sc_upper(s[a]) || (s[i - 1] != '(' && !upper))
		return 0;
	struct ident_date d;
	size_t k = ident_date_scan((const char *)s + i, n - i, &d);
	if (k < 8 || d.two_digit_year || d.y < 1900 || d.y > year_now() - DOB_AGE_MIN ||
	    !ends_word(s, n, i + k, 0))
		return 0;
	if (s[i - 1] == '(' && (i + k >= n || s[i + k] != ')'))
		return 0;
	return i + k;
}

/* How far below its header a table's row is read, and how long the
 * header's line may be before its DOB word (bytes). */
#define DOB_TABLE_SPAN 4096
#define DOB_HEADER_MAX 256

/* The count of c in s[a, b). */
static size_t count_byte(const unsigned char *s, size_t a, size_t b, unsigned char c)
{
	size_t k = 0;
	for (; a < b; a++)
		k += s[a] == c;
	return k;
}

/*
 * A date at i in a table's row under a header that names a date-of-birth
 * column ("Name | DOB | Address", "Name,D.O.B.,School"; cue: the end of
 * that header's DOB word). The header is a line of its own with no digit
 * (not "DOB: 12/03/1991", which dob_after reads), above the row in the
 * same block (no blank line between, at most DOB_TABLE_SPAN bytes). Where
 * the header has cells ('|', ',' or ';', two or more), the date must be in
 * the DOB cell's column; where it has none (a spreadsheet pasted with tabs,
 * read as spaces), a full date old enough to be a birth date. Returns the
 * date's end, or 0.
 */
RARE static size_t dob_in_column(const unsigned char *s, size_t n, size_t i, size_t cue)
{
	if (cue >= i || i - cue > DOB_TABLE_SPAN || (i > 0 && sc_alnum(s[i - 1])))
		return 0;
	const unsigned char *nl = memchr(s + cue, '\n', i - cue);
	if (nl == NULL)
		return 0; /* the cue is on the date's line */
	size_t he = (size_t)(nl - s), h = cue, lo = cue > DOB_HEADER_MAX ? cue - DOB_HEADER_MAX : 0;
	while (h > lo && s[h - 1] != '\n')
		h--;
	if (h > 0 && s[h - 1] != '\n')
		return 0; /* no header: a long line of prose */
	struct ident_date d;
	size_t k = ident_date_scan((const char *)s + i, n - i, &d);
	if (k < 6 || !ends_word(s, n, i + k, 0))
		return 0;
	for (size_t q = h; q < he; q++)
		if (sc_digit(s[q]))
			return 0;
	size_t ls = i;
	while (ls > he && s[ls - 1] != '\n')
		ls--;
	for (size_t q = he; q < ls; q++) { /* a blank line ends the table */
		if (s[q] != '\n')
			continue;
		size_t r = q + 1;
		while (r < ls && s[r] == ' ')
			r++;
		if (r < ls && s[r] == '\n')
			return 0;
	}
	static const unsigned char SEP[] = {'|', ',', ';'};
	for (int c = 0; c < 3; c++)
		if (count_byte(s, h, he, SEP[c]) >= 2)
			return count_byte(s, h, cue, SEP[c]) == count_byte(s, ls, i, SEP[c]) ? i + k : 0;
	if (d.two_digit_year || d.y < 1900 || d.y > year_now() - DOB_AGE_MIN)
		return 0;
	return i + k;
}

/*
 * A nationality word of 3 to 20 letters ending [p, e) of s, capitalised,
 * with the endings demonyms take ("Egyptian", "Pakistani", "Polish",
 * "Chinese", "French"), so a sentence's first word ("Her", "Stolen") is
 * not one.
 */
static int nationality_word(const unsigned char *s, size_t p, size_t e)
{
	if (e - p < 3 || e - p > 20 || !sc_upper(s[p]))
		return 0;
	char last = (char)(s[e - 1] | 0x20), prev = (char)(s[e - 2] | 0x20);
	return (prev == 'a' && last == 'n') || last == 'i' || (prev == 's' && last == 'h') ||
	       (prev == 's' && last == 'e') || (prev == 'c' && last == 'h');
}

/*
 * The issuing state written before the cue or as a code before the number:
 * "<Nationality> passport 912345678", "(<Nationality> ID PAX 412789)", "held by him -
 * ERI P00412789". With the number it tells whose document it is, as in
 * passport_issuer_before. A nationality right before "passport", "ID" or
 * "card" that is right before the number, or three capitals and one space
 * right before it. Otherwise i.
 */
RARE static size_t passport_state_at(const unsigned char *s, size_t i)
{
	if (i < 5 || s[i - 1] != ' ')
		return i;
	size_t c = i - 1;
	while (c > 0 && i - 1 - c < 10 && sc_alpha(s[c - 1]))
		c--;
	if (i - 1 - c == 3 && sc_upper(s[c]) && sc_upper(s[c + 1]) && sc_upper(s[c + 2]) &&
	    (c == 0 || !sc_alnum(s[c - 1])))
		return c;
	if (!(word_eq(s + c, i - 1 - c, "passport") || word_eq(s + c, i - 1 - c, "id") ||
	      word_eq(s + c, i - 1 - c, "card")) || c < 5 || s[c - 1] != ' ')
		return i;
	size_t w = c - 1;
	while (w > 0 && c - 1 - w <= 20 && sc_alpha(s[w - 1]))
		w--;
	if ((w > 0 && sc_alnum(s[w - 1])) || !nationality_word(s, w, c - 1))
		return i;
	return w;
}

/*
 * The number's label between the cue and the number: "passport no.
 * 912345678", "passport number: ...", "passport nr 0582...". Where the
 * label starts (after its space), or i when there is none.
 */
static size_t passport_number_label(const unsigned char *s, size_t i)
{
	if (i < 3 || s[i - 1] != ' ')
		return i;
	size_t q = i - 1;
	if (s[q - 1] == '.' || s[q - 1] == ':')
		q--;
	size_t w = q;
	while (w > 0 && q - w < 7 && sc_alpha(s[w - 1]))
		w--;
	if (w < 2 || s[w - 1] != ' ' ||
	    !(word_eq(s + w, q - w, "no") || word_eq(s + w, q - w, "number") || word_eq(s + w, q - w, "nr")))
		return i;
	return w;
}

/*
 * The issuing state before the cue (passport_state_at), also past the
 * number's label ("<Nationality> passport no. 912345678"): the state's
 * word starts the span, the label goes with it.
 */
RARE static size_t passport_state_before(const unsigned char *s, size_t i)
{
	size_t k = passport_state_at(s, i);
	if (k < i)
		return k;
	size_t l = passport_number_label(s, i);
	if (l == i)
		return i;
	k = passport_state_at(s, l);
	return k < l ? k : i;
}

/*
 * The issuing country written between the cue and a passport's number:
 * "passport (<Country>, AB1234567)", "Passport <Nationality>, AB1234567",
 * "passport (<ISO code> AB1234567)". With the number it tells whose
 * passport it is as the number does, so the span starts at it: one
 * capitalised word of 3 or more letters (or a 3-capital code) right
 * before the number (", " or " " between), right after "passport" or
 * "passports" (or "Passport:", a form's field) and a space or " (".
 * Otherwise i.
 */
RARE static size_t passport_issuer_between(const unsigned char *s, size_t i)
{
	size_t k = i;
	if (k >= 2 && s[k - 1] == ' ' && s[k - 2] == ',')
		k -= 2;
	else if (k >= 1 && s[k - 1] == ' ')
		k -= 1;
	else
		return i;
	size_t ws = k;
	while (ws > 0 && sc_alpha(s[ws - 1]))
		ws--;
	if (k - ws < 3 || !sc_upper(s[ws]))
		return i;
	/* "(South African, A04991723)": a nationality of two words */
	if (ws >= 5 && s[ws - 1] == ' ' && sc_alpha(s[ws - 2])) {
		size_t w2 = ws - 1;
		while (w2 > 0 && sc_alpha(s[w2 - 1]))
			w2--;
		if (ws - 1 - w2 >= 3 && sc_upper(s[w2]) && w2 >= 2 &&
		    (s[w2 - 1] == '(' || (s[w2 - 1] == ' ' && (sc_alpha(s[w2 - 2]) || s[w2 - 2] == ':'))) &&
		    !word_eq(s + w2, ws - 1 - w2, "passport") && !word_eq(s + w2, ws - 1 - w2, "passports"))
			ws = w2;
	}
	/* "(British, 547801236)": a nationality opening the bracket that
	 * holds the number the cue before it named */
	if (ws >= 1 && s[ws - 1] == '(' && s[k] == ',' && nationality_word(s, ws, k))
		return ws;
	size_t p = ws;
	if (p >= 1 && s[p - 1] == '(')
		p--;
	if (p < 1 || s[p - 1] != ' ')
		return i;
	p--;
	/* "Passport: <Nationality> A09911827": a form's field, its colon */
	if (p >= 1 && s[p - 1] == ':')
		p--;
	size_t c = p;
	while (c > 0 && sc_alpha(s[c - 1]))
		c--;
	if ((c > 0 && sc_alnum(s[c - 1])) ||
	    !(word_eq(s + c, p - c, "passport") || word_eq(s + c, p - c, "passports")))
		return i;
	return ws;
}

/* Where a passport's span starts: its issuer between the cue and the
 * number, else its issuing state before the cue, else the number. */
RARE static size_t passport_issuer_before(const unsigned char *s, size_t i)
{
	size_t k = passport_issuer_between(s, i);
	return k < i ? k : passport_state_before(s, i);
}

/* ---- cues ------------------------------------------------------------------- */

enum { CUE_NONE, CUE_DOB, CUE_VEH, CUE_SORT, CUE_ACCT, CUE_PASS, CUE_PLAT, CUE_AT, CUE_TEL,
       CUE_PROF, CUE_BOAT, CUE_NI, CUE_COUNT };

static const struct {
	const char *w;
	unsigned char cue;
} CUES[] = {
	{"a", CUE_NONE}, /* keeps the table non-empty at 'a' */
	{"acc", CUE_ACCT}, {"accno", CUE_ACCT}, {"account", CUE_ACCT}, {"acct", CUE_ACCT},
	{"roll", CUE_ACCT}, /* a building society's roll number */
	{"anpr", CUE_VEH}, /* number-plate recognition: "(ANPR <plate>)" */
	{"at", CUE_AT}, {"bank", CUE_SORT}, {"birth", CUE_DOB}, {"birthday", CUE_DOB},
	{"born", CUE_DOB}, {"car", CUE_VEH}, {"card", CUE_PASS}, {"cards", CUE_PASS},
	{"contact", CUE_TEL},
	{"discord", CUE_PLAT}, {"dl", CUE_PASS}, {"dvla", CUE_PASS},
	{"dob", CUE_DOB}, {"driven", CUE_VEH}, {"drives", CUE_VEH}, {"driving", CUE_VEH},
	{"drove", CUE_VEH}, {"facebook", CUE_PLAT}, {"fb", CUE_PLAT}, {"gamertag", CUE_PLAT},
	{"h", CUE_TEL}, {"handle", CUE_PLAT}, {"home", CUE_TEL}, {"identity", CUE_PASS},
	{"ig", CUE_PLAT},
	{"index", CUE_VEH}, {"insurance", CUE_NI}, {"insta", CUE_PLAT}, {"instagram", CUE_PLAT}, {"kik", CUE_PLAT},
	{"landline", CUE_TEL}, {"licence", CUE_PASS}, {"license", CUE_PASS}, {"lorry", CUE_VEH}, {"horsebox", CUE_VEH}, {"trailer", CUE_VEH}, {"caravan", CUE_VEH},
	{"motorhome", CUE_VEH}, {"campervan", CUE_VEH}, {"truck", CUE_VEH}, {"minibus", CUE_VEH},
	{"scooter", CUE_VEH}, {"hgv", CUE_VEH}, {"pickup", CUE_VEH}, {"m", CUE_TEL}, {"messenger", CUE_PLAT},
	{"mob", CUE_TEL}, {"mobile", CUE_TEL}, {"mobno", CUE_TEL}, {"moped", CUE_VEH},
	{"motorbike", CUE_VEH}, {"motorcycle", CUE_VEH}, {"ni", CUE_NI}, {"nino", CUE_NI},
	{"nhs", CUE_TEL}, {"nhsno", CUE_TEL},
	{"no", CUE_TEL}, {"num", CUE_TEL}, {"number", CUE_TEL}, {"passport", CUE_PASS},
	{"passports", CUE_PASS}, {"permit", CUE_PASS}, {"ph", CUE_TEL}, {"phone", CUE_TEL}, {"plate", CUE_VEH},
	{"plates", CUE_VEH},
	/* "he posts as 'Dan Ward Boxing'": the name his profile shows */
	{"posts", CUE_PLAT}, {"profile", CUE_PROF}, {"profiles", CUE_PROF}, {"psn", CUE_PLAT}, {"reg", CUE_VEH}, {"registered", CUE_VEH}, {"registration", CUE_VEH},
	{"regn", CUE_VEH}, {"snap", CUE_PLAT}, {"snapchat", CUE_PLAT}, {"sort", CUE_SORT},
	{"sortcode", CUE_SORT}, {"t", CUE_TEL}, {"taxi", CUE_VEH}, {"tel", CUE_TEL},
	{"telegram", CUE_PLAT}, {"telephone", CUE_TEL}, {"telno", CUE_TEL},
	{"tiktok", CUE_PLAT}, {"twitter", CUE_PLAT}, {"username", CUE_PLAT}, {"van", CUE_VEH},
	{"veh", CUE_VEH}, {"vehicle", CUE_VEH}, {"vrm", CUE_VEH}, {"vrn", CUE_VEH},
	{"w", CUE_TEL}, {"xbox", CUE_PLAT}, {"youtube", CUE_PLAT},
};

/* Bit k of cue_len[c - 'a']: some cue starts with c and has k letters; most
 * words stop at this test. Built once. */
static uint16_t cue_len[26];

/* Bit (a*26 + b)*26 + c: "abc" starts a month's name. Built once. */
static uint8_t month3[26 * 26 * 26 / 8 + 1];

/* The cues in an open-addressing table keyed by the word's first 8 letters
 * and its length: one probe or two per word. Built once from CUES. */
#define CUE_SLOTS 256
static struct {
	uint64_t key;
	uint8_t idx; /* index + 1 into CUES; 0 empty */
} cue_tab[CUE_SLOTS];

static uint64_t cue_key(const unsigned char *w, size_t n)
{
	uint64_t k = n;
	for (size_t i = 0; i < n && i < 8; i++)
		k = k << 8 | (w[i] | 0x20);
	return k ^ (uint64_t)n << 59;
}

/* Long cue words are also typed with one slip ("psasport", "vehcile",
 * "regsitration"): one edit away, same first letter. Short ones are not,
 * since one edit makes other words of them ("tel", "reg", "car"). */
static const struct {
	const char *w;
	unsigned char cue;
} SLIP_CUES[] = {
	{"birthday", CUE_DOB}, {"facebook", CUE_PLAT}, {"instagram", CUE_PLAT},
	{"motorbike", CUE_VEH}, {"passport", CUE_PASS}, {"passports", CUE_PASS},
	{"registration", CUE_VEH}, {"snapchat", CUE_PLAT}, {"telephone", CUE_TEL},
	{"vehicle", CUE_VEH},
};

/* slip_len[c] bit L: some slip cue starting with letter c is within one
 * edit's length of a word of L letters; most words are none, and need no
 * one_edit against every slip cue. */
static uint32_t slip_len[26];

static unsigned cue_slot(uint64_t k)
{
	return (unsigned)((k * 0x9E3779B97F4A7C15ull) >> 56);
}

static void cue_init(void)
{
	for (size_t i = 0; i < sizeof CUES / sizeof CUES[0]; i++) {
		size_t n = strlen(CUES[i].w);
		uint64_t k = cue_key((const unsigned char *)CUES[i].w, n);
		unsigned h = cue_slot(k);
		while (cue_tab[h].idx)
			h = (h + 1) % CUE_SLOTS;
		cue_tab[h].key = k, cue_tab[h].idx = (uint8_t)(i + 1);
		cue_len[CUES[i].w[0] - 'a'] |= (uint16_t)(1u << n);
	}
	for (size_t c = 0; c < sizeof SLIP_CUES / sizeof SLIP_CUES[0]; c++) {
		size_t ql = strlen(SLIP_CUES[c].w);
		slip_len[SLIP_CUES[c].w[0] - 'a'] |= 7u << (ql - 1);
	}
	static const char M[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	for (int m = 0; m < 36; m += 3) {
		unsigned k = ((M[m] - 'a') * 26u + (M[m + 1] - 'a')) * 26u + (M[m + 2] - 'a');
		month3[k >> 3] |= (uint8_t)(1u << (k & 7));
	}
}

static int one_edit(const char *a, size_t la, const char *b, size_t lb);

/* The cue of the word w[0..n) (ASCII letters, any case), CUE_NONE if none. */
static unsigned cue_of(const unsigned char *w, size_t n)
{
	if (n == 0 || n >= 16 || !sc_alpha(w[0]))
		return CUE_NONE; /* (fuzz: a column's word may start with '.' or '_') */
	if (cue_len[(w[0] | 0x20) - 'a'] >> n & 1) {
		uint64_t k = cue_key(w, n);
		for (unsigned h = cue_slot(k); cue_tab[h].idx; h = (h + 1) % CUE_SLOTS)
			if (cue_tab[h].key == k && word_eq(w, n, CUES[cue_tab[h].idx - 1].w))
				return CUES[cue_tab[h].idx - 1].cue;
	}
	if (n < 6 || !(slip_len[(w[0] | 0x20) - 'a'] >> n & 1))
		return CUE_NONE;
	char lw[16];
	for (size_t x = 0; x < n; x++)
		lw[x] = (char)(w[x] | 0x20);
	for (size_t c = 0; c < sizeof SLIP_CUES / sizeof SLIP_CUES[0]; c++) {
		const char *q = SLIP_CUES[c].w;
		if (q[0] != lw[0])
			continue;
		size_t ql = strlen(q);
		if (ql + 1 >= n && ql <= n + 1 && one_edit(lw, n, q, ql))
			return SLIP_CUES[c].cue;
	}
	return CUE_NONE;
}

/*
 * A date right after a DOB cue at s[j]: any date ident_date_scan reads, or,
 * the cue having said what it is, 8 or 6 digits with no separator read as
 * DDMMYYYY or DDMMYY ("DOB 14031994"). Returns its end, or 0.
 */
/*
 * A date with its month in Roman numerals, as continental European records
 * write it: "03.III.1989", "3/xi/02", "14 VII 1975". Returns its end, or 0.
 */
static size_t roman_date(const unsigned char *s, size_t n, size_t j)
{
	static const char *const R[] = {"i", "ii", "iii", "iv", "v", "vi",
	                                "vii", "viii", "ix", "x", "xi", "xii"};
	size_t d = digits_at(s, n, j, 2), k = j + d, a, y;
	if (d < 1 || d > 2 || k >= n || !(s[k] == '.' || s[k] == '/' || s[k] == '-' || s[k] == ' '))
		return 0;
	unsigned char sep = s[k++];
	for (a = k; k < n && k - a < 4 && ((s[k] | 0x20) == 'i' || (s[k] | 0x20) == 'v' ||
	                                   (s[k] | 0x20) == 'x');
	     k++)
		;
	int m = 0;
	for (int r = 0; r < 12 && k > a; r++)
		if (word_eq(s + a, k - a, R[r]))
			m = r + 1;
	if (m == 0 || k >= n || s[k] != sep)
		return 0;
	k++;
	y = digits_at(s, n, k, 4);
	if ((y != 2 && y != 4) || !ends_word(s, n, k + y, 0))
		return 0;
	char buf[12]; /* "dd/mm/yyyy" */
	size_t len = 0;
	memcpy(buf, s + j, d);
	len += d;
	buf[len++] = '/';
	buf[len++] = (char)('0' + m / 10);
	buf[len++] = (char)('0' + m % 10);
	buf[len++] = '/';
	memcpy(buf + len, s + k, y);
	len += y;
	struct ident_date dt;
	return ident_date_scan(buf, len, &dt) == len ? k + y : 0;
}

/* A separator of a date spaced out on a form at s[p]: one space, or a '/',
 * '.' or '-' with a space either side (" / "). Its length, or 0. */
static size_t spaced_sep(const unsigned char *s, size_t n, size_t p)
{
	if (p + 1 >= n || s[p] != ' ')
		return 0;
	if (p + 3 < n && (s[p + 1] == '/' || s[p + 1] == '.' || s[p + 1] == '-') && s[p + 2] == ' ')
		return 3;
	return 1;
}

RARE static size_t cue_date(const unsigned char *s, size_t n, size_t j)
{
	struct ident_date d;
	size_t k = ident_date_scan((const char *)s + j, n - j, &d);
	if (k != 0)
		return ends_word(s, n, j + k, 0) ? j + k : 0;
	if ((k = roman_date(s, n, j)) != 0)
		return k;
	{
		/* "DOB 12 03 1988", "DOB: 12 / 03 / 1990": day, month and year
		 * spaced as on a form, a separator with spaces around it */
		size_t d1 = digits_at(s, n, j, 2), p = j + d1, d2 = 0, d3 = 0, g1, g2, q;
		if (d1 >= 1 && d1 <= 2 && (g1 = spaced_sep(s, n, p)) != 0 &&
		    (d2 = digits_at(s, n, p + g1, 2)) >= 1 && d2 <= 2 &&
		    (g2 = spaced_sep(s, n, p + g1 + d2)) != 0 &&
		    ((d3 = digits_at(s, n, (q = p + g1 + d2 + g2), 4)) == 2 || d3 == 4) &&
		    ends_word(s, n, q + d3, 0)) {
			char buf[12];
			size_t len = 0;
			memcpy(buf, s + j, d1), len += d1, buf[len++] = '/';
			memcpy(buf + len, s + p + g1, d2), len += d2, buf[len++] = '/';
			memcpy(buf + len, s + q, d3), len += d3;
			struct ident_date dt;
			if (ident_date_scan(buf, len, &dt) == len)
				return q + d3;
		}
	}
	k = digits_at(s, n, j, 8);
	/* "DOB 1962?": only the year is known, and it is still hers */
	if (k == 4 && ends_word(s, n, j + 4, 0) && !(j + 5 < n && (s[j + 4] == '/' || s[j + 4] == '.' ||
	                                                           s[j + 4] == '-') &&
	                                             sc_digit(s[j + 5])) &&
	    ((s[j] == '1' && s[j + 1] == '9') || (s[j] == '2' && s[j + 1] == '0')))
		return j + 4;
	if ((k != 8 && k != 6) || !ends_word(s, n, j + k, 0))
		return 0;
	char buf[12];
	memcpy(buf, s + j, 2);
	buf[2] = '/';
	memcpy(buf + 3, s + j + 2, 2);
	buf[5] = '/';
	memcpy(buf + 6, s + j + 4, k - 4);
	return ident_date_scan(buf, k + 2, &d) == k + 2 ? j + k : 0;
}

/*
 * A short aside in brackets that starts at s[a] (just after its '('):
 * whose date it is, "DOB (new partner): ...", "born (per GP) ...". Up to
 * 40 bytes of letters, spaces, apostrophes and '-' on one line; a digit
 * means the date itself is inside. Returns the index after ')', or 0.
 */
static size_t aside_end(const unsigned char *s, size_t n, size_t a)
{
	size_t k = a;
	while (k < n && k - a < 40 && (sc_alpha(s[k]) || s[k] == ' ' || s[k] == '\'' ||
	                               s[k] == '-' || s[k] >= 0x80))
		k++;
	return k > a && k < n && s[k] == ')' ? k + 1 : 0;
}

/* The cues word_at keeps out of the cue table (see there), by first
 * letter; RARE_LEN[c] bit L: one of them starts with c and has L letters,
 * so that nearly every word is refused by one look-up. */
static const uint16_t RARE_LEN[26] = {
	['b' - 'a'] = 1u << 3 | 1u << 4, ['d' - 'a'] = 1u << 4, ['h' - 'a'] = 1u << 7,
	['l' - 'a'] = 1u << 8, ['o' - 'a'] = 1u << 8, ['s' - 'a'] = 1u << 6,
	['t' - 'a'] = 1u << 6 | 1u << 7,
	['v' - 'a'] = 1u << 5, ['w' - 'a'] = 1u << 6 | 1u << 8, ['z' - 'a'] = 1u << 4,
};

static unsigned rare_cue(const unsigned char *w, size_t n)
{
	switch (w[0] | 0x20) {
	case 'b': /* "boat": a fishing boat's registration follows */
		if (n == 4)
			return word_eq(w, n, "boat") ? CUE_BOAT : CUE_NONE;
		return n == 3 && w[0] == 'B' && w[1] == 'R' && w[2] == 'P' ? CUE_PASS : CUE_NONE;
	case 'd':
		return word_eq(w, n, "dobs") ? CUE_DOB : CUE_NONE;
	case 'h': /* "Handles jo_b, kdot.x": a list of them follows */
		return word_eq(w, n, "handles") ? CUE_PLAT : CUE_NONE;
	case 'l':
		return word_eq(w, n, "linkedin") ? CUE_PLAT : CUE_NONE;
	case 'o':
		return word_eq(w, n, "onlyfans") ? CUE_PLAT : CUE_NONE;
	case 's': /* a fitness app that shares where she runs */
		return word_eq(w, n, "strava") ? CUE_PLAT : CUE_NONE;
	case 't':
		if (n == 7)
			return word_eq(w, n, "trawler") ? CUE_BOAT : CUE_NONE;
		return word_eq(w, n, "tinder") || word_eq(w, n, "twitch") ? CUE_PLAT : CUE_NONE;
	case 'v':
		return word_eq(w, n, "viber") ? CUE_PLAT : CUE_NONE;
	case 'w': /* WeChat, Zalo, Viber: the messengers of Chinese, Vietnamese
		   * and Eastern European families, as WhatsApp is of others */
		return word_eq(w, n, "whatsapp") || word_eq(w, n, "wechat") ? CUE_PLAT : CUE_NONE;
	case 'z':
		return word_eq(w, n, "zalo") ? CUE_PLAT : CUE_NONE;
	}
	return CUE_NONE;
}

/*
 * "DOB on Sri Lankan records 30.07.1986", "DOB per her passport 1/2/85":
 * after the cue, up to four words saying where the date is written, one of
 * them a document's, then the date. From s[j]; returns the date's end and
 * sets *start, or 0.
 */
RARE static size_t dob_per_document(const unsigned char *s, size_t n, size_t j, size_t *start)
{
	static const char *const DOC[] = {"brp", "card", "certificate", "documents", "file",
	                                  "id", "licence", "papers", "passport", "pnc", "record",
	                                  "records", "system", "visa"};
	int doc = 0;
	for (int w = 0; w < 4; w++) {
		size_t a = j;
		while (j < n && (sc_alpha(s[j]) || s[j] == '\'') && j - a < 14)
			j++;
		if (j == a || j >= n || s[j] != ' ')
			return 0;
		doc |= IN(s + a, j - a, DOC);
		j++;
		size_t k;
		if (doc && j < n && sc_digit(s[j]) && (k = cue_date(s, n, j)) != 0) {
			*start = j;
			return k;
		}
	}
	return 0;
}

/* Date of birth after its cue: "DOB: 12/03/1985", "born on 5th March 1990",
 * "date of birth - 12.03.85", "DOB (her son): 1.2.19"; any date
 * ident_date_scan reads. */
RARE static size_t dob_after(const unsigned char *s, size_t n, size_t j, size_t *start)
{
	static const char *const FILL[] = {"age", "as", "being", "date", "dd", "given", "is", "mm",
	                                   "of", "on", "the", "was", "yy", "yyyy"};
	for (int r = 0; r < 4; r++) {
		size_t j0 = j, x;
		while (j < n && j - j0 < 4 &&
		       (s[j] == ' ' || s[j] == ':' || s[j] == '-' || s[j] == '.' || s[j] == '=' ||
		        s[j] == '(' || s[j] == ')' || s[j] == '/' || s[j] == '\n' || s[j] == '#'))
			j++;
		size_t a = j;
		while (j < n && sc_alpha(s[j]) && j - a < 6)
			j++;
		if (j > a && !(j < n && sc_alnum(s[j])) && IN(s + a, j - a, FILL))
			continue;
		/* "born in Leeds on 4/5/1990": the place is read past (a name
		 * recogniser decides about it), the date is the cue's */
		if (j == a + 2 && word_eq(s + a, 2, "in") && j + 1 < n && s[j] == ' ' &&
		    sc_upper(s[j + 1])) {
			for (j++, x = j; j < n && sc_alpha(s[j]) && j - x < 20;)
				j++;
			if (j < n && sc_alnum(s[j]))
				return 0;
			continue;
		}
		if (a > j0 && s[a - 1] == '(' && (x = aside_end(s, n, a)) != 0) {
			j = x;
			continue;
		}
		j = a;
		break;
	}
	size_t k = cue_date(s, n, j);
	if (k == 0 && (k = dob_per_document(s, n, j, &j)) == 0)
		return 0;
	*start = j;
	return k;
}

/*
 * Inside a bracket after a date of birth, the words that give another
 * date as the same person's: "DOB 23/03/83 (alt. 22/3/1983)", "(also uses
 * 18/08/1978)", "(or 1/2/80)". From j, up to two such words with a '.' or
 * ':' after them; returns where the date must start (j if none).
 */
static size_t dob_alt(const unsigned char *s, size_t n, size_t j)
{
	static const char *const ALT[] = {"alt", "also", "uses", "used", "or", "aka", "alias",
					  "poss", "possibly", "other", "alternative"};
	for (int w = 0; w < 2; w++) {
		size_t a = j;
		while (j < n && j - a < 12 && sc_alpha(s[j]))
			j++;
		if (j == a || !word_in(s + a, j - a, ALT, sizeof ALT / sizeof ALT[0]))
			return a;
		while (j < n && (s[j] == '.' || s[j] == ':'))
			j++;
		while (j < n && s[j] == ' ')
			j++;
	}
	return j;
}

/*
 * The account ending at e before " on <Platform>": "sam_x77 on TikTok".
 * Shaped only as a username is: starts with a letter, 4 to 30 bytes of
 * letters, digits, '_' and '.', with a '_', an inner '.' or two digits
 * (not "10pm", "Y10", a word). Returns its start, or e if none.
 */
static size_t handle_before_on(const unsigned char *s, size_t e)
{
	size_t a = e;
	int digits = 0, mark = 0;
	while (a > 0 && e - a < 30 && (sc_alnum(s[a - 1]) || s[a - 1] == '_' || s[a - 1] == '.')) {
		a--;
		digits += sc_digit(s[a]);
		mark |= s[a] == '_' || (s[a] == '.' && a + 1 < e);
	}
	if (e - a < 4 || e - a >= 30 || !sc_alpha(s[a]) || s[e - 1] == '.' || (!mark && digits < 2) ||
	    (a > 0 && s[a - 1] >= 0x80))
		return e;
	return a;
}

/*
 * The dates listed after the first one of a DOB cue: "DOBs 01/02/2015 and
 * 03/04/2017", "DOB 4.5.90 / 6.7.92": from e, a ',', ';', '/', '&' or
 * "and" with spaces, then a date. Returns its end (*start its start), or 0.
 */
RARE static size_t dob_next(const unsigned char *s, size_t n, size_t e, size_t *start)
{
	size_t j = e;
	while (j < n && j - e < 3 && (s[j] == ' ' || s[j] == ',' || s[j] == ';' || s[j] == '/' ||
	                              s[j] == '&'))
		j++;
	if (j + 4 < n && word_eq(s + j, 3, "and") && s[j + 3] == ' ')
		j += 4;
	else if (j > e && j < n && s[j] == '(')
		j = dob_alt(s, n, j + 1);
	if (j == e || j >= n || !sc_digit(s[j]))
		return 0;
	size_t k = cue_date(s, n, j);
	*start = j;
	return k;
}

static int handle_char(unsigned char c)
{
	return sc_alnum(c) || c == '_' || c == '.' || c == '-';
}

/*
 * The next handle of a list after one at e: "Handles blade_x9, kdot.real",
 * "account: b.wilk_hull and wilku91": after ", ", " and ", " or " (a line
 * may break between; each may be in double quotes), a token shaped as only a
 * username is (a letter and a digit, '_' or an inner '.'), 3 to 30 bytes,
 * ending a word. Returns its end and sets *start, or 0.
 */
RARE static size_t handle_next(const unsigned char *s, size_t n, size_t e, size_t *start)
{
	size_t j = e;
	while (j < n && j - e < 4 &&
	       (s[j] == ' ' || s[j] == ',' || s[j] == '\n' || s[j] == '/' || s[j] == '"'))
		j++;
	if (j + 4 < n && word_eq(s + j, 3, "and") && (s[j + 3] == ' ' || s[j + 3] == '\n'))
		j += 4;
	else if (j + 3 < n && word_eq(s + j, 2, "or") && (s[j + 2] == ' ' || s[j + 2] == '\n'))
		j += 3;
	if (j < n && s[j] == '"' && j > e && s[j - 1] == ' ')
		j++; /* each in its quotes: "\"nia_bby_x\" and \"dreddz44\"" */
	if (j == e || j >= n || s[j] == '@' || !sc_alnum(s[j]))
		return 0;
	size_t a = j;
	int sig = 0, letters = 0;
	while (j < n && j - a < 30 && handle_char(s[j]))
		letters |= sc_alpha(s[j]), j++;
	while (j > a && (s[j - 1] == '.' || s[j - 1] == '-'))
		j--;
	/* (s41-over: after the trim: the full stop after "... and asked."
	 * is no inner dot) */
	for (size_t k = a; k < j; k++)
		sig |= sc_digit(s[k]) || s[k] == '_' || (s[k] == '.' && k > a);
	if (j - a < 3 || !letters || !sig || (j < n && (s[j] >= 0x80 || s[j] == '@')))
		return 0;
	*start = a;
	return j;
}

static const char *const HANDLE_STOP[] = {
	"a", "about", "account", "after", "also", "an", "and", "as", "at", "before", "blocked",
	"but", "by", "for", "from", "has", "he", "her", "him", "his", "i", "in", "is", "it",
	"messaged", "message", "messages", "name", "of", "on", "or", "page", "she", "that", "the",
	"their", "them", "then", "they", "this", "to", "too", "via", "was", "we", "well", "when",
	"where", "which", "who", "with", "you",
};

/*
 * A display name in quotes right after a platform cue ("on Facebook as
 * 'Jo Official'"): from s[j] to the closing quote q, which must come
 * within 40 bytes, end a word and follow a letter or digit; letters (UTF-8
 * too), digits, spaces, a line break, '_', '.', '-' inside; at most 4
 * words. Returns the end after the quote, or 0.
 */
static size_t quoted_handle(const unsigned char *s, size_t n, size_t j, unsigned char q)
{
	size_t k = j;
	int words = 1, open = 0;
	if (j >= n || !(sc_alnum(s[j]) || s[j] >= 0x80 || s[j] == '@' || s[j] == '_'))
		return 0;
	/* "Jo Bloggs (Jojo)", "Cal A - Hull runner": a name the profile also
	 * shows in brackets, a tagline after a dash; 6 words, 48 bytes */
	while (k < n && k - j < 48 && s[k] != q) {
		if (s[k] == ' ' || s[k] == '\n') {
			if (++words > 6 || s[k - 1] == ' ' || s[k - 1] == '\n')
				return 0;
		} else if (s[k] == '(' && !open && s[k - 1] == ' ') {
			open = 1;
		} else if (s[k] == ')' && open == 1 && sc_alnum(s[k - 1])) {
			open = 2;
		} else if (!(handle_char(s[k]) || s[k] >= 0x80 || s[k] == '@')) {
			return 0;
		}
		k++;
	}
	if (open == 1)
		return 0;
	if (k >= n || s[k] != q || !(sc_alnum(s[k - 1]) || s[k - 1] >= 0x80 || s[k - 1] == ')') ||
	    (k + 1 < n && sc_alnum(s[k + 1])))
		return 0;
	return k + 1;
}

/* Is the platform word ending at e someone's ("Dad's Facebook", "his
 * Instagram", "her TikTok")? */
static int possessive_before(const unsigned char *s, size_t e)
{
	size_t k = e;
	while (k > 0 && sc_alpha(s[k - 1]))
		k--;
	if (k < 3 || s[k - 1] != ' ')
		return 0;
	size_t b = k - 1, a = b;
	while (a > 0 && (sc_alpha(s[a - 1]) || s[a - 1] == '\''))
		a--;
	if (b - a >= 3 && s[b - 2] == '\'' && (s[b - 1] | 0x20) == 's')
		return 1; /* "Dad's" */
	if (b - a >= 5 && s[b - 4] == 0xE2 && s[b - 3] == 0x80 && s[b - 2] == 0x99 &&
	    (s[b - 1] | 0x20) == 's')
		return 1; /* "Dad\u2019s" */
	while (a > 0 && s[a - 1] >= 0x80)
		a--;
	return word_eq(s + a, b - a, "his") || word_eq(s + a, b - a, "her") ||
	       word_eq(s + a, b - a, "their");
}

/*
 * The handle after a platform cue: "on Snapchat as chunk779", "Insta:
 * x_y", "FB name Jo Bloggs", "TikTok @jo". A token with a digit, '_' or
 * an inner '.' is a handle; a plain word only after an explicit marker
 * (':', "as", "name", "called", '@'), and not a common word.
 */
RARE static size_t handle_after(const unsigned char *s, size_t n, size_t j, size_t *start)
{
	size_t e;
	static const char *const FILL[] = {"account", "as", "called", "channel", "display",
	                                   "group", "handle", "id", "is", "map", "name", "named", "page",
	                                   "profile", "profiles", "tag", "under", "user", "username",
	                                   "her", "his", "their", "the", "in"};
	int explicit = 0;
	unsigned char quote = 0;
	for (int r = 0; r < 6; r++) { /* "profile is under the name ..." */
		size_t j0 = j;
		quote = 0;
		while (j < n && j - j0 < 4 &&
		       (s[j] == ' ' || s[j] == ':' || s[j] == '-' || s[j] == '=' || s[j] == '"' ||
		        s[j] == '\'' || s[j] == '(' || s[j] == '\n')) {
			explicit |= s[j] == ':' || s[j] == '=' || s[j] == '(';
			quote = s[j] == '"' || s[j] == '\'' ? s[j] : 0;
			j++;
		}
		size_t a = j;
		while (j < n && sc_alpha(s[j]) && j - a < 10)
			j++;
		if (j > a && !(j < n && (handle_char(s[j]) || s[j] >= 0x80)) && IN(s + a, j - a, FILL)) {
			explicit |= !word_eq(s + a, j - a, "her") && !word_eq(s + a, j - a, "his") &&
			            !word_eq(s + a, j - a, "their") && !word_eq(s + a, j - a, "user") &&
			            !word_eq(s + a, j - a, "the");
			continue;
		}
		j = a;
		break;
	}
	*start = j;
	if (quote && (e = quoted_handle(s, n, j, quote)) != 0) {
		*start = j - 1;
		return e;
	}
	if (j < n && s[j] == '@')
		explicit = 1, j++;
	size_t a = j;
	int sig = 0, letters = 0;
	while (j < n && j - a < 30 && handle_char(s[j]))
		sig |= sc_digit(s[j]) || s[j] == '_', letters |= sc_alpha(s[j]), j++;
	while (j > a && (s[j - 1] == '.' || s[j - 1] == '-'))
		j--;
	/* no letter: a count or a phone number ("on Facebook 10 times",
	 * "WhatsApp 07700 900123"), which the phone reader has */
	if (j - a < 2 || (j < n && s[j] >= 0x80) || !letters)
		return 0;
	for (size_t k = a + 1; k + 1 < j; k++)
		sig |= s[k] == '.';
	if (j + 4 < n && s[j] == '#' && digits_at(s, n, j + 1, 4) == 4 && ends_word(s, n, j + 5, 0))
		j += 5, sig = 1; /* an old Discord tag, "kev#1234" */
	if (sig)
		return j;
	/* "insta jacktenno, ...": right after the platform, a lower-case
	 * word of letters that no dictionary knows, ending its clause, is the
	 * account's name ("on snap daily", "insta stories" are words, "insta
	 * tiktok" another platform) */
	static const char *const APPS[] = {"whatsapp", "viber", "signal", "wechat", "zalo",
	                                   "linkedin", "reddit", "twitch", "roblox", "tinder",
	                                   "hinge", "bumble", "grindr", "badoo", "onlyfans",
	                                   "threads", "bereal", "pinterest", "skype", "imessage"};
	if (!explicit && j - a >= 5 && *start == a && !sc_upper(s[a]) &&
	    (j >= n || s[j] == ',' || s[j] == '.' || s[j] == ';' || s[j] == ')' || s[j] == '\n') &&
	    !IN(s + a, j - a, HANDLE_STOP) && !IN(s + a, j - a, APPS) &&
	    cue_of(s + a, j - a) == CUE_NONE && !scrub_common_word((const char *)s + a, j - a))
		return j;
	if (!explicit || IN(s + a, j - a, HANDLE_STOP))
		return 0;
	if (!sc_upper(s[a]))
		return scrub_common_word((const char *)s + a, j - a) ? 0 : j;
	for (int r = 0; r < 3; r++) { /* "FB name Jo Bloggs", "FB is Amy Bird Loves Lilies" */
		size_t k = j + 1;
		if (j >= n || s[j] != ' ' || k >= n || !sc_upper(s[k]))
			break;
		while (k < n && sc_alpha(s[k]) && k - j < 24)
			k++;
		if (k < n && sc_alnum(s[k]))
			break;
		j = k;
	}
	/* "on Facebook (Lew Davies 1994)": a year or number the profile's
	 * name carries, up to the bracket closing it */
	if (j + 3 < n && s[j] == ' ' && sc_digit(s[j + 1])) {
		size_t d = digits_at(s, n, j + 1, 4);
		if (d >= 2 && d <= 4 && j + 1 + d < n && s[j + 1 + d] == ')' && *start > 0 &&
		    s[*start - 1] == '(')
			j += 1 + d;
	}
	/* "Facebook: Jo Bloggs (Jojo)": the name the profile also shows */
	if (j + 3 < n && s[j] == ' ' && s[j + 1] == '(' && sc_upper(s[j + 2])) {
		size_t k = j + 2;
		while (k < n && k - j < 26 && (sc_alpha(s[k]) || s[k] == ' ' || s[k] >= 0x80))
			k++;
		if (k < n && s[k] == ')')
			j = k + 1;
	}
	return j;
}

/*
 * A capitalised word at s[j]: a capital, then letters (UTF-8 ones too), an
 * apostrophe or a hyphen, with a lower-case letter among them, or a lone
 * capital ("Tudwal P"). Returns its end, or 0 (not a word of capitals: a CAD
 * log's).
 */
static size_t cap_word(const unsigned char *s, size_t n, size_t j)
{
	if (j >= n || !sc_upper(s[j]))
		return 0;
	size_t k = j + 1;
	int lower = 0;
	while (k < n && k - j < 24 && (sc_alpha(s[k]) || s[k] >= 0x80 || s[k] == '\'' || s[k] == '-'))
		lower |= (s[k] >= 'a' && s[k] <= 'z') || s[k] >= 0x80, k++;
	if ((k < n && sc_digit(s[k])) || (k - j > 1 && !lower))
		return 0;
	return k;
}

/* Words that follow a platform's name as part of it or of the sentence,
 * not a profile's name: "Facebook Marketplace", "Snap Map", "Facebook Live",
 * "on Instagram Monday" */
static const char *const PLAT_NOT_NAME[] = {
	"and", "but", "business", "chat", "dating", "friday", "gaming", "group", "groups",
	"live", "map", "maps", "marketplace", "messenger", "monday", "or", "page", "police",
	"reel", "reels", "saturday", "stories", "story", "sunday", "the", "thursday", "tuesday",
	"watch", "wednesday",
};

/*
 * A profile's name of 2 to 5 capitalised words right after a platform word
 * ending at s[j], with no marker: "Tony's new Facebook Dan Price Hull
 * Lad.", "on Facebook, Jo Bloggs.", "his Facebook password (Kit Marr
 * Official)": after a space or ", " the words end the clause; in brackets
 * (after "password", "page", "account" or "profile" too) they end at the
 * bracket. Returns the end and sets *start, or 0.
 */
RARE static size_t profile_name_after(const unsigned char *s, size_t n, size_t j, size_t *start)
{
	static const char *const OF[] = {"account", "page", "password", "profile"};
	size_t k = j;
	int paren = 0;
	if (k + 2 < n && s[k] == ' ') {
		size_t a = k + 1, b = a;
		while (b < n && b - a < 9 && sc_alpha(s[b]))
			b++;
		if (b < n && s[b] == ' ' && s[b + 1] == '(' && IN(s + a, b - a, OF))
			k = b;
	}
	if (k + 2 < n && s[k] == ' ' && s[k + 1] == '(')
		paren = 1, k += 2;
	else if (k + 2 < n && s[k] == ',' && s[k + 1] == ' ')
		k += 2;
	else if (k + 1 < n && s[k] == ' ')
		k += 1;
	else
		return 0;
	size_t a = k, e = 0;
	int words = 0;
	while (words < 5) {
		size_t w = cap_word(s, n, k);
		if (!w || (words == 0 && (w - k < 2 || IN(s + k, w - k, PLAT_NOT_NAME))))
			break;
		words++, e = w;
		if (w + 1 < n && s[w] == ' ' && sc_upper(s[w + 1]))
			k = w + 1;
		else
			break;
	}
	if (words < 2)
		return 0;
	unsigned char z = e < n ? s[e] : 0;
	/* "Facebook Jo Price (Jojo) has posted": the profile's own nickname in
	 * brackets, one word, goes with it */
	if (!paren && z == ' ' && e + 3 < n && s[e + 1] == '(' && sc_upper(s[e + 2])) {
		size_t q = e + 2;
		while (q < n && q - e < 20 && (sc_alnum(s[q]) || s[q] == '_' || s[q] == '.'))
			q++;
		if (q < n && s[q] == ')') {
			*start = a;
			return q + 1;
		}
	}
	/* "Dad's Facebook <Name> <Name> <Town> shows photos": after someone's
	 * platform, a word in lower case may go on from the name */
	int verb = !paren && z == ' ' && e + 1 < n && s[e + 1] >= 'a' && s[e + 1] <= 'z' &&
		   words <= 3 && possessive_before(s, j);
	/* s41-never: "messaged mum via Facebook <Name> <Name> <Town> \"I'll
	 * always find you\"": a quoted message after the name */
	int quote = !paren && z == ' ' && e + 1 < n && (s[e + 1] == '"' || s[e + 1] == 0xE2);
	if (paren ? z != ')'
		  : !(verb || quote || z == 0 || z == '.' || z == ';' || z == ',' || z == '\n' ||
		      z == ')'))
		return 0;
	*start = a;
	return e;
}

/*
 * The username or profile's name just before a platform named in brackets:
 * "jo.b77 (Instagram)", "Tudwal P (Strava)": ending one space before the
 * '(' at s[p]; a token with a digit, '_' or an inner '.', or a lower-case
 * word no dictionary has, or 2-3 capitalised words after a comma, colon,
 * semicolon, bracket or the line's start. Returns the start, or p.
 */
RARE static size_t handle_before_bracket(const unsigned char *s, size_t p)
{
	if (p < 3 || s[p - 1] != ' ')
		return p;
	size_t e = p - 1, b = e;
	int sig = 0, letters = 0, up = 0;
	while (b > 0 && e - b < 30 && handle_char(s[b - 1]))
		b--, sig |= sc_digit(s[b]) || s[b] == '_', letters |= sc_alpha(s[b]), up |= sc_upper(s[b]);
	if (b > 0 && (s[b - 1] == '@' || s[b - 1] >= 0x80))
		return p;
	for (size_t x = b + 1; x + 1 < e; x++)
		sig |= s[x] == '.';
	if (e - b >= 3 && letters && (sig || (!up && e - b >= 4 &&
	                                      !scrub_common_word((const char *)s + b, e - b) &&
	                                      !IN(s + b, e - b, HANDLE_STOP))))
		return b;
	/* capitalised words, back to a delimiter */
	size_t a = e, start = e, words = 0;
	for (;;) {
		size_t w = a;
		while (w > 0 && (sc_alpha(s[w - 1]) || s[w - 1] >= 0x80 || s[w - 1] == '\''))
			w--;
		if (w == a || cap_word(s, a, w) != a)
			break;
		words++, start = w;
		if (words == 3 || w < 2 || s[w - 1] != ' ')
			break;
		a = w - 1;
	}
	if (words < 2)
		return p;
	size_t q = start;
	while (q > 0 && s[q - 1] == ' ')
		q--;
	if (q == 0 || s[q - 1] == ',' || s[q - 1] == ':' || s[q - 1] == ';' || s[q - 1] == '(' ||
	    s[q - 1] == '\n')
		return start;
	return p;
}

/*
 * A profile address right after a platform word at s[j]: ".com/jo_b",
 * ".co.uk/jo.b.77?ref=x": a '.', a domain tail of letters and dots, '/',
 * then a path of at least 2 characters (letters, digits, "_.-/?=&%").
 * Returns the end of the path, trailing '.', '-' and '/' left out, or 0.
 */
RARE static size_t profile_url(const unsigned char *s, size_t n, size_t j)
{
	size_t k = j;
	if (k >= n || s[k] != '.')
		return 0;
	while (k < n && k - j < 12 && (sc_alpha(s[k]) || s[k] == '.'))
		k++;
	if (k >= n || s[k] != '/' || k - j < 3)
		return 0;
	size_t a = ++k;
	while (k < n && k - a < 60 &&
	       (handle_char(s[k]) || s[k] == '/' || s[k] == '?' || s[k] == '=' || s[k] == '&' ||
	        s[k] == '%'))
		k++;
	while (k > a && (s[k - 1] == '.' || s[k - 1] == '-' || s[k - 1] == '/'))
		k--;
	return k - a >= 2 ? k : 0;
}

/*
 * A username of dotted parts without an underscore at s[i..k), "jo.b.92",
 * "kay.morgan.real", "k.tomo07", "jaydenX.t": two inner dots and all in
 * lower case, or a part with a digit after its letters, or a capital
 * inside a word; starting with a lower-case letter, a part of 3+ letters.
 * Not an abbreviation ("e.g.", "i.e.", "a.m."), a web address or a file
 * ("gov.uk", "www.x.org", "notes.v2.pdf"), nor two sentences run together
 * ("went home.she said": one dot, no digit). Returns the end, or 0.
 */
RARE static size_t dotted_handle(const unsigned char *s, size_t i, size_t k)
{
	static const char *const TAIL[] = {"ac", "app", "biz", "co", "com", "csv", "doc", "docx",
	                                   "edu", "eml", "gov", "heic", "info", "io", "jpeg",
	                                   "jpg", "m4a", "me", "mov", "mp3", "mp4", "msg", "net",
	                                   "nhs", "org", "pdf", "png", "police", "txt", "uk",
	                                   "xls", "xlsx", "zip"};
	while (k > i && (s[k - 1] == '.' || s[k - 1] == '-'))
		k--;
	if (k - i < 5 || !(s[i] >= 'a' && s[i] <= 'z'))
		return 0;
	size_t dots = 0, first = 0, second = 0, a = i, longest = 0, last = i;
	int lower = 1, digit_part = 0, camel = 0;
	for (size_t x = i; x <= k; x++) {
		if (x < k && s[x] != '.') {
			if (s[x] >= 'A' && s[x] <= 'Z')
				lower = 0, camel |= x > a && s[x - 1] >= 'a' && s[x - 1] <= 'z';
			continue;
		}
		if (x == a)
			return 0; /* "a..b": no username */
		size_t letters = 0, lead = 0;
		int dig = 0;
		for (size_t y = a; y < x; y++) {
			letters += sc_alpha(s[y]) != 0;
			dig |= sc_digit(s[y]) != 0;
			if (y == lead + a && sc_alpha(s[y]))
				lead++;
		}
		digit_part |= dig && lead > 0;
		if (letters > longest && !dig)
			longest = letters;
		if (a == i)
			first = x - a;
		else if (second == 0)
			second = x - a;
		last = a;
		if (x < k)
			dots++;
		a = x + 1;
	}
	if (dots == 0 || (longest < 3 && !digit_part) ||
	    IN(s + last, k - last, TAIL) || word_eq(s + i, first, "www"))
		return 0;
	/* an initial first ("c.dunn.bbn", "k.obi.07") when the part after it
	 * is a word, which no abbreviation's is ("e.g.", "i.e.", "a.m.") */
	if ((dots >= 2 && lower && (first >= 2 || second >= 3)) || digit_part || camel)
		return k;
	return 0;
}

/*
 * A word with an inner underscore, "bigkev_88", "KxNG_Kev", "jo.b_77", at
 * s[i] (whose letter run ends at the '_' or '.' at s[j]): in case notes that is a username
 * wherever it stands, cue or none ("uses the name lonewolf_77 on Snap").
 * Not the local part of an e-mail (the e-mail pass has it), nor a piece of
 * a dotted or slashed token. Returns the end, or 0.
 */
RARE static size_t underscore_handle(const unsigned char *s, size_t n, size_t i, size_t j)
{
	if (i > 0 && (s[i - 1] == '.' || s[i - 1] == '/' || s[i - 1] == '@' || s[i - 1] == '_' ||
	              s[i - 1] == '-' || s[i - 1] >= 0x80))
		return 0;
	if (j + 1 >= n || (s[j] != '_' && s[j] != '.') || !sc_alnum(s[j + 1]))
		return 0;
	size_t k = j;
	int inner = 0;
	while (k < n && k - i < 30 && handle_char(s[k]))
		inner |= s[k] == '_' && sc_alnum(s[k - 1]) && k + 1 < n && sc_alnum(s[k + 1]), k++;
	if (k < n && (s[k] == '@' || s[k] >= 0x80 || handle_char(s[k])))
		return 0; /* an e-mail's local part, or longer than any username */
	/* s47-never: a trailing underscore, which no word, file or address
	 * has ("jh.motors__", "kj.burner_"): a username */
	if (!inner) {
		size_t u = k, t;
		while (u > i && (s[u - 1] == '.' || s[u - 1] == '-'))
			u--;
		for (t = u; t > i && s[t - 1] == '_'; t--)
			;
		if (t < u && t - i >= 4 && sc_alnum(s[t - 1]))
			return u;
	}
	if (!inner)
		return dotted_handle(s, i, k);
	while (k > j && (s[k - 1] == '.' || s[k - 1] == '-' || s[k - 1] == '_'))
		k--;
	if (k - i < 4)
		return 0;
	/* Not a file name ("report_v2.docx") nor a constant in capitals
	 * ("RISK_LEVEL_HIGH") pasted from a system. */
	static const char *const EXT[] = {"csv", "doc", "docx", "eml", "heic", "jpeg", "jpg", "m4a",
	                                  "mov", "mp3", "mp4", "msg", "pdf", "png", "txt", "xls",
	                                  "xlsx", "zip"};
	size_t dot = k, unders = 0;
	int caps = 1, digit = 0;
	while (dot > i && s[dot - 1] != '.')
		dot--;
	if (dot > i && IN(s + dot, k - dot, EXT))
		return 0;
	for (size_t x = i; x < k; x++)
		unders += s[x] == '_', caps &= !(s[x] >= 'a' && s[x] <= 'z'), digit |= sc_digit(s[x]);
	return caps && !digit && unders >= 2 ? 0 : k;
}

/* After "account": " called", " named" or a quote, as in "an account
 * called lonewolf77", "a fake account 'justice4kev'": a username follows. */
RARE static int named_after(const unsigned char *s, size_t n, size_t j)
{
	if (j + 1 >= n || (s[j] != ' ' && s[j] != '\n'))
		return 0; /* a line may break before the quote: 'a new profile\n"Jay Kay"' */
	j++;
	if (s[j] == '\'' || s[j] == '"')
		return 1;
	size_t a = j;
	while (j < n && sc_alpha(s[j]) && j - a < 7)
		j++;
	return (word_eq(s + a, j - a, "called") || word_eq(s + a, j - a, "named")) && j < n &&
	       s[j] == ' ';
}

/* '@chunk779': a handle where '@' does not follow an e-mail's local part. */
static size_t handle_at(const unsigned char *s, size_t n, size_t i)
{
	if (i > 0 && (is_local_ascii(s[i - 1]) || s[i - 1] >= 0x80))
		return 0;
	size_t j = i + 1;
	while (j < n && j - i <= 30 && handle_char(s[j]))
		j++;
	while (j > i + 1 && (s[j - 1] == '.' || s[j - 1] == '-'))
		j--;
	if (j - i < 3 || (j < n && s[j] >= 0x80) || !sc_alnum(s[i + 1]))
		return 0;
	return j;
}

/* ---- PO boxes --------------------------------------------------------------- */

/*
 * A PO box after "PO" or "P.O." ending at s[j]: " Box 4471", " BOX No. 12",
 * and the town after it (", Doncaster", " Market Rasen"): 1 or 2
 * capitalised words. A victim who has moved is often reached only there,
 * so it is her address, and a postcode after it joins it (scrub.c).
 * Returns the end, or 0.
 */
RARE static size_t po_box_at(const unsigned char *s, size_t n, size_t j)
{
	if (j < n && s[j] == '.')
		j++;
	if (j + 4 >= n || s[j] != ' ' || !word_eq(s + j + 1, 3, "box"))
		return 0;
	j += 4;
	if (j < n && s[j] == '.')
		j++;
	while (j < n && s[j] == ' ')
		j++;
	if (j + 2 < n && word_eq(s + j, 2, "no") && !sc_alnum(s[j + 2])) {
		j += 2 + (s[j + 2] == '.');
		while (j < n && s[j] == ' ')
			j++;
	}
	size_t k = digits_at(s, n, j, 6);
	if (k == 0 || k > 6 || !ends_word(s, n, j + k, 0))
		return 0;
	size_t e = j + k;
	for (int w = 0; w < 2; w++) {
		size_t a = e;
		if (a < n && s[a] == ',')
			a++;
		if (a >= n || s[a] != ' ')
			break;
		a++;
		size_t b = a;
		while (b < n && sc_alpha(s[b]) && b - a < 20)
			b++;
		if (b - a < 3 || !sc_upper(s[a]) || (b < n && (sc_alnum(s[b]) || s[b] >= 0x80)) ||
		    (w == 1 && s[e] == ','))
			break;
		e = b;
	}
	return e;
}

/* ---- structured identifier values ------------------------------------------ */

/* A withheld identifier (phone, NHS number, ...) however it is spaced:
 * alnum groups joined by up to 3 of " -./()+" or line breaks, squeezed and
 * compared with each form. The longest match wins. */
/* The listed value whose text is q[0..k) (the last form with it, id_slot),
 * its kind and rule in *kind and *rule: 1, or 0 if none. */
static int idval_lookup(const scrubber *sc, const char *q, size_t k, unsigned *kind, unsigned *rule)
{
	if (sc->nids == 0)
		return 0;
	for (uint32_t h = sc_id_hash(q, k) & sc->id_mask; sc->id_slot[h] != 0; h = (h + 1) & sc->id_mask) {
		const struct idval *v = &sc->ids[sc->id_slot[h] - 1];
		if (v->n == k && memcmp(v->p, q, k) == 0) {
			*kind = v->kind, *rule = v->rule;
			return 1;
		}
	}
	return 0;
}

static size_t idval_at(const scrubber *sc, const unsigned char *s, size_t n, size_t i,
                       unsigned *kind, unsigned *rule)
{
	char q[48];
	size_t k = 0, j = i, best = 0;
	for (int g = 0; g < 8 && k < sc->id_maxlen; g++) {
		size_t a = j;
		while (j < n && sc_alnum(s[j]) && k < sc->id_maxlen)
			q[k++] = (char)(sc_alpha(s[j]) ? s[j] & ~0x20 : s[j]), j++;
		if (j == a || (j < n && sc_alnum(s[j])))
			break;
		/* the last form with this text, whatever the number of values */
		if (ends_word(s, n, j, 1) && idval_lookup(sc, q, k, kind, rule))
			best = j;
		size_t gp = j;
		while (gp < n && gp - j < 3 &&
		       (s[gp] == ' ' || s[gp] == '-' || s[gp] == '.' || s[gp] == '/' || s[gp] == '(' ||
		        s[gp] == ')' || s[gp] == '+' || s[gp] == '\n'))
			gp++;
		if (gp == j || gp >= n || !sc_alnum(s[gp]))
			break;
		j = gp;
	}
	return best;
}

/* ---- misspelt surnames ------------------------------------------------------ */

/* Exactly one edit apart: a substitution, insertion, deletion or the swap
 * of two neighbours ("Gloam"/"Gloem", "Quillfeather"/"Quilfeather"). */
static int one_edit(const char *a, size_t la, const char *b, size_t lb)
{
	size_t i = 0;
	while (i < la && i < lb && a[i] == b[i])
		i++;
	if (la == lb) {
		if (i == la)
			return 0; /* equal */
		if (memcmp(a + i + 1, b + i + 1, la - i - 1) == 0)
			return 1;
		return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		       memcmp(a + i + 2, b + i + 2, la - i - 2) == 0;
	}
	if (la + 1 == lb)
		return memcmp(a + i, b + i + 1, la - i) == 0;
	if (lb + 1 == la)
		return memcmp(a + i + 1, b + i, lb - i) == 0;
	return 0;
}

/* Is w p with one of its letters doubled ("gwendda" of "gwenda")? */
static int doubled_of(const char *w, size_t wl, const char *p, size_t l)
{
	if (wl != l + 1)
		return 0;
	size_t i = 0;
	while (i < l && w[i] == p[i])
		i++;
	/* w[i] is the letter added: the same as the one before it */
	return i > 0 && w[i] == w[i - 1] && memcmp(w + i + 1, p + i, l - i) == 0;
}

/*
 * Is w[0..wl) (folded, 4+ letters) one edit from a listed surname, and no
 * keep-name word or common word? The first surname in list order that is
 * w itself or one edit from it decides: w itself is the automaton's (keep-
 * names applied), not a misspelling. Both can only be among the surnames
 * that share w's first or last letter (struct wordidx), walked in list
 * order by merging the two index lists.
 */
/*
 * s47-never: a romanised name's spellings, folded alike: "oo" and "ou" to
 * "u", "ee" to "i", "aa" to "a", "ph" to "f" ("Khatoon" of "Khatun",
 * "Rahmaan" of "Rahman", "Mustapha" of "Mustafa"). Into out (cap bytes),
 * its length; w is folded to lower case already.
 */
static size_t roman_fold(const char *w, size_t wl, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < wl && o < cap; i++) {
		char c = w[i], d = i + 1 < wl ? w[i + 1] : 0;
		if ((c == 'o' && (d == 'o' || d == 'u')) || (c == 'e' && d == 'e') ||
		    (c == 'a' && d == 'a')) {
			out[o++] = c == 'o' ? 'u' : c == 'e' ? 'i' : 'a';
			i++;
		} else if (c == 'p' && d == 'h') {
			out[o++] = 'f';
			i++;
		} else {
			out[o++] = c;
		}
	}
	return o;
}

static int fuzzy_name(const scrubber *sc, const char *w, size_t wl)
{
	const unsigned f = (unsigned char)w[0], z = (unsigned char)w[wl - 1];
	const struct wordidx *K = &sc->kw_first, *A = &sc->fz_first, *B = &sc->fz_last;
	for (uint32_t j = K->off[f]; j < K->off[f + 1]; j++) {
		const struct fzname *k = &sc->kw[K->idx[j]];
		if (k->n == wl && memcmp(k->p, w, wl) == 0)
			return 0;
	}
	uint32_t a = A->off[f], ae = A->off[f + 1], b = B->off[z], be = B->off[z + 1];
	char fa[48]; /* w's romanised fold (roman_fold), made when first needed */
	size_t na = 0;
	while (a < ae || b < be) {
		uint32_t k;
		if (b >= be || (a < ae && A->idx[a] <= B->idx[b])) {
			k = A->idx[a++];
			if (b < be && B->idx[b] == k)
				b++; /* first and last letter both shared: once */
		} else {
			k = B->idx[b++];
		}
		size_t l = sc->fz[k].n;
		if (l == wl && memcmp(sc->fz[k].p, w, wl) == 0)
			return 0; /* the surname itself */
		if (sc->fz[k].dbl) {
			if (doubled_of(w, wl, sc->fz[k].p, l))
				return !scrub_common_word(w, wl);
			continue;
		}
		if (l + 1 >= wl && l <= wl + 1 && one_edit(w, wl, sc->fz[k].p, l))
			return !scrub_common_word(w, wl);
		if (l + 2 >= wl && l <= wl + 2 && wl < 48 && l < 48) {
			char fb[48];
			if (na == 0)
				na = roman_fold(w, wl, fa, sizeof fa); /* once, at the first candidate */
			size_t nb = roman_fold(sc->fz[k].p, l, fb, sizeof fb);
			if (na == nb && memcmp(fa, fb, na) == 0 && (na != wl || nb != l))
				return !scrub_common_word(w, wl);
		}
	}
	return 0;
}

/* ---- the walk --------------------------------------------------------------- */

struct cues {
	size_t last[CUE_COUNT]; /* end of the last cue word of each kind; SIZE_MAX none */
	size_t sort_end;        /* end of the last sort code found */
};

static int near(const struct cues *cx, unsigned cue, size_t i)
{
	return cx->last[cue] != SIZE_MAX && i >= cx->last[cue] && i - cx->last[cue] <= CUE_WINDOW;
}

/*
 * s30: right after a passport's cue, one word of 7 to 12 capitals and
 * digits with 6 digits or more and at most 3 capitals, in any order
 * ("Passport C0R8812457": a zero typed for an O, a layout no rule above
 * knows). Reads at most 13 bytes.
 */
RARE static size_t mixed_document_at(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i, d = 0, u = 0;
	while (j < n && j - i < 13 && (sc_digit(s[j]) || sc_upper(s[j])))
		d += sc_digit(s[j]) != 0, u += sc_upper(s[j]) != 0, j++;
	return j - i >= 7 && j - i <= 12 && d >= 6 && u <= 3 && ends_word(s, n, j, 1) ? j : 0;
}

/* A passport's cue further back in the same sentence: "Passport numbers
 * for the kids noted in case of abduction risk: 531294876, 531294877". A
 * line break, a semicolon or a sentence's end between ends it; a number
 * that starts with a letter (a room, a reference) needs the cue close. */
#define PASS_WINDOW 120
static int near_pass(const struct cues *cx, const unsigned char *s, size_t i)
{
	size_t c = cx->last[CUE_PASS];
	if (c == SIZE_MAX || i < c || i - c > PASS_WINDOW)
		return 0;
	if (i - c <= CUE_WINDOW)
		return 1;
	if (!sc_digit(s[i]))
		return 0;
	for (size_t k = c; k < i; k++)
		if (s[k] == '\n' || s[k] == ';' ||
		    ((s[k] == '.' || s[k] == '!' || s[k] == '?') && k + 1 < i &&
				     s[k + 1] == ' '))
			return 0;
	return 1;
}

/* Do the letters at s[i] start a month's name ("Mar", "march")? A cheap
 * test before the date reader at every word. */
static int month_start(const unsigned char *s, size_t n, size_t i)
{
	/* j f m a s o n d: the initials of the months. */
	const uint32_t INITIALS = 1u << ('j' - 'a') | 1u << ('f' - 'a') | 1u << ('m' - 'a') |
	                          1u << 0 | 1u << ('s' - 'a') | 1u << ('o' - 'a') |
	                          1u << ('n' - 'a') | 1u << ('d' - 'a');
	if (!(INITIALS >> ((s[i] | 0x20) - 'a') & 1) || i + 3 > n || !sc_alpha(s[i + 1]) ||
	    !sc_alpha(s[i + 2]))
		return 0;
	unsigned k = (((s[i] | 0x20) - 'a') * 26u + ((s[i + 1] | 0x20) - 'a')) * 26u +
	             ((s[i + 2] | 0x20) - 'a');
	return month3[k >> 3] >> (k & 7) & 1;
}

/* The identifier starting at word start s[*i], if any: its end, kind and
 * rule (*i moves on when a phone leaves out a leading bracket). */
/* A phone said aloud at i (phone_spoken_at): a listed value's kind and rule
 * where its digits are one's (her number is hers, as written in figures),
 * else a phone's. Its end, or 0. */
static size_t spoken_phone(const scrubber *sc, const unsigned char *s, size_t n, size_t i,
                           unsigned mask, unsigned *kind, const char **rule)
{
	char d[16];
	unsigned vk, vr;
	size_t e = phone_spoken_at(s, n, i, d);
	if (e == 0)
		return 0;
	if (idval_lookup(sc, d, 11, &vk, &vr)) {
		if (!(mask & KIND_BIT(vk)))
			return 0; /* (hers, to a recipient who may have it) */
		*kind = vk, *rule = scrub_rule_name(vr);
		return e;
	}
	if (!(mask & KIND_BIT(SCRUB_PHONE)))
		return 0;
	*kind = SCRUB_PHONE, *rule = "phone:spoken";
	return e;
}

static size_t token_at(const scrubber *sc, const unsigned char *s, size_t n, size_t *start,
                       unsigned mask, struct cues *cx, unsigned *kind, const char **rule)
{
	size_t i = *start;
	unsigned char b = s[i];
	size_t e;
#define TRY(k, r, call)                                                                         \
	do {                                                                                   \
		if ((mask & KIND_BIT(k)) && (e = (call)) != 0) {                               \
			*kind = (k), *rule = (r);                                              \
			return e;                                                              \
		}                                                                              \
	} while (0)
	if (b == '@') {
		TRY(SCRUB_HANDLE, "handle:@", handle_at(s, n, i));
		return 0;
	}
	if (sc_alpha(b)) {
		/* Every shape below starts with 1-5 letters and goes on with a
		 * digit, or a separator after 2 (NINO) or 3 (GIR 0AA, a suffix
		 * registration) letters; other words go straight to the dates. */
		size_t L = ascii_letter_run_max(s + i, n - i, 6);
		unsigned char nx = i + L < n ? s[i + L] : 0;
		int sep = nx == ' ' || nx == '-' || nx == '.';
		/* a phone said aloud starts with its 0: "oh", "zero", "nought" */
		if ((L == 2 || L == 4 || L == 6) && (nx == ' ' || nx == ',' || nx == '-') &&
		    ((b | 0x20) == 'o' || (b | 0x20) == 'z' || (b | 0x20) == 'n') &&
		    (e = spoken_phone(sc, s, n, i, mask, kind, rule)) != 0)
			return e;
		/* "reg ending NVA": a current plate's last three capitals */
		if (L == 3 && (mask & KIND_BIT(SCRUB_VEHICLE)) && !sc_alnum(nx) && nx < 0x80 &&
		    sc_upper(s[i]) && sc_upper(s[i + 1]) && sc_upper(s[i + 2]) &&
		    !month_abbr(s + i) && near(cx, CUE_VEH, i) && partial_before(s, i, 1)) {
			*kind = SCRUB_VEHICLE, *rule = "vehicle:partial";
			return i + 3;
		}
		if (!((L <= 5 && sc_digit(nx)) || (L == 2 && sep) || (L == 3 && nx == ' ') ||
		      (L == 5 && (nx == ' ' || nx == '-')) ||
		      (L == 1 && nx == ' ' &&
		       (near(cx, CUE_VEH, i) || near(cx, CUE_PASS, i) || crn_cue_before(s, i)))))
			goto dates;
		/* Most words of two, three or five letters are followed by a
		 * space, and each shape below then needs a digit in the 3 bytes
		 * after that separator: a NINO after up to 2 separators ("AB
		 * 12"), "GIR 0AA" after up to 3 spaces, a suffix registration
		 * after one ("ABC 123D"), a licence after one ("MORGA
		 * 753116..."); a CRN, a current registration and a prefix one
		 * need a digit at once, which no such word has. 4 bytes are
		 * looked at, one to spare. Without a digit there, straight to
		 * the dates: "the", "and", "was" try no recogniser. */
		if (!sc_digit(nx)) {
			size_t end = n - (i + L) < 5 ? n : i + L + 5, k = i + L + 1;
			while (k < end && !sc_digit(s[k]))
				k++;
			if (k >= end)
				goto dates;
		}
		TRY(SCRUB_BANK, "bank:iban", L == 2 && sc_digit(nx) ? iban_at(s, n, i) : 0);
		TRY(SCRUB_NINO, "ni-number", nino_at(s, n, i, near(cx, CUE_NI, i)));
		/* "SLV POLO PR19 0TD": a current plate with a zero typed for
		 * its O has a postcode's shape; right after a car it is the car's */
		if ((mask & KIND_BIT(SCRUB_VEHICLE)) && (e = plate_zero_for_o(s, n, i)) != 0 &&
		    vehicle_described_before(s, i) < i) {
			*kind = SCRUB_VEHICLE, *rule = "vehicle:described";
			return vehicle_with_description(s, n, start, e);
		}
		TRY(SCRUB_POSTCODE, "postcode", postcode_at(s, n, i));
		TRY(SCRUB_CRN, "crn", crn_at(s, n, i));
		TRY(SCRUB_DOCUMENT, "document:driving-licence", licence_at(s, n, i));
		if ((mask & KIND_BIT(SCRUB_VEHICLE)) &&
		    (e = vehicle_at(s, n, i, near(cx, CUE_VEH, i))) != 0) {
			*kind = SCRUB_VEHICLE;
			*rule = near(cx, CUE_VEH, i) ? "vehicle:cue" : "vehicle:current";
			return vehicle_with_description(s, n, start, e);
		}
		/* the colour or make written just before is a cue too: "blue
		 * Hilux LRZ 4417", "a white RS3, S8 KNG" */
		if ((mask & KIND_BIT(SCRUB_VEHICLE)) && (e = vehicle_at(s, n, i, 1)) != 0 &&
		    (vehicle_described(s, n, e) || vehicle_described_before(s, i) < i ||
		     /* "the Yaris (KLZ 4518)": the plate in brackets after the car,
		      * also on the next line ("a red Corsa\n(YT19\nHRP)") */
		     (i >= 2 && s[i - 1] == '(' && (s[i - 2] == ' ' || s[i - 2] == '\n') &&
		      vehicle_described_before(s, i - 1) < i - 1))) {
			*kind = SCRUB_VEHICLE, *rule = "vehicle:described";
			return vehicle_with_description(s, n, start, e);
		}
		TRY(SCRUB_VEHICLE, "vehicle:spelt",
		    L == 1 && near(cx, CUE_VEH, i) ? spelt_plate_at(s, n, i) : 0);
		TRY(SCRUB_VEHICLE, "vehicle:boat", near(cx, CUE_BOAT, i) ? boat_reg_at(s, n, i) : 0);
		if ((mask & KIND_BIT(SCRUB_DOCUMENT)) && near_pass(cx, s, i) &&
		    (e = passport_at(s, n, i)) != 0) {
			*kind = SCRUB_DOCUMENT, *rule = "document:passport";
			*start = passport_issuer_before(s, i);
			return e;
		}
		TRY(SCRUB_DOCUMENT, "document:passport-mixed",
		    near(cx, CUE_PASS, i) ? mixed_document_at(s, n, i) : 0);
	dates:
		if (sc->ndobs && month_start(s, n, i))
			TRY(SCRUB_DOB, "dob:listed", dob_at(sc, s, n, i));
		return 0;
	}
	int glued = i > 0 && (s[i - 1] == '/' || s[i - 1] == '\\');
	/* "CW-261117-0193": digits after a capital letter and a dash are a
	 * reference's (an occurrence, a crime number), not a card, PNC or NHS
	 * number; "NHS-999 ..." still is one */
	if (i > 1 && s[i - 1] == '-' && sc_upper(s[i - 2]) &&
	    !(i > 4 && word_eq(s + i - 4, 3, "nhs") && !sc_alnum(s[i - 5])) &&
	    !(i == 4 && word_eq(s, 3, "nhs")))
		glued = 1;
	if (sc_digit(b)) {
		if (sc->ndobs)
			TRY(SCRUB_DOB, "dob:listed", dob_at(sc, s, n, i));
		if (i >= 3 && (s[i - 1] == '(' || (s[i - 1] == ' ' && (s[i - 2] == ' ' || s[i - 2] == '|'))))
			TRY(SCRUB_DOB, "dob:after-name", dob_after_name(s, n, i));
		if (cx->last[CUE_DOB] != SIZE_MAX)
			TRY(SCRUB_DOB, "dob:column", dob_in_column(s, n, i, cx->last[CUE_DOB]));
		/* "XXXX-XXXX-XXXX-0932": read before the glued test, which takes
		 * digits after a capital and a dash for a reference's */
		if ((mask & KIND_BIT(SCRUB_BANK)) && digits_at(s, n, i, 5) == 4 &&
		    ends_word(s, n, i + 4, 0) && (e = masked_groups_before(s, i)) < i) {
			*kind = SCRUB_BANK, *rule = "bank:card";
			*start = e;
			return i + 4;
		}
		if (glued)
			return 0;
		TRY(SCRUB_BANK, "bank:card", card_start(s, n, i) ? card_at(s, n, i) : 0);
		TRY(SCRUB_BANK, "bank:card", masked_card_at(s, n, i));
		if ((mask & KIND_BIT(SCRUB_BANK)) && (e = sort_account_at(s, n, i)) != 0) {
			*kind = SCRUB_BANK, *rule = "bank:sort-code+account";
			*start = bank_named_before(s, i); /* "Lloyds 30-96-26 00418275" */
			return e;
		}
		TRY(SCRUB_PNC, "pnc-id", pnc_at(s, n, i));
		if ((mask & KIND_BIT(SCRUB_VEHICLE)) &&
		    ((near(cx, CUE_VEH, i) && (e = irish_reg_at(s, n, i)) != 0) ||
		     (e = irish_dashed_reg_at(s, n, i)) != 0)) {
			/* "a blue Opel Astra, 09-WX-3318": the car goes with it */
			*kind = SCRUB_VEHICLE, *rule = "vehicle:irish";
			return vehicle_with_description(s, n, start, e);
		}
		TRY(SCRUB_NHS, "nhs-number", nhs_at(s, n, i));
		TRY(SCRUB_NHS, "nhs-number:cued", nhs_cued_at(s, n, i));
	}
	if (glued)
		return 0;
	TRY(SCRUB_PHONE, "phone", phone_at(s, n, start));
	if (!sc_digit(b))
		return 0;
	TRY(SCRUB_PHONE, "phone:lookalike", phone_lookalike_at(s, n, i));
	if (b == '0' && (e = spoken_phone(sc, s, n, i, mask, kind, rule)) != 0)
		return e;
	static const size_t G222[] = {2, 2, 2}, G44[] = {4, 4};
	int acct = near(cx, CUE_ACCT, i), sortc = near(cx, CUE_SORT, i);
	if ((mask & KIND_BIT(SCRUB_BANK)) && (e = grouped_at(s, n, i, 6, G222, 3)) != 0 &&
	    (sortc || acct || account_ahead(s, n, e))) {
		cx->sort_end = e;
		*kind = SCRUB_BANK, *rule = "bank:sort-code";
		*start = bank_named_before(s, i);
		return e;
	}
	/* "New bank: 20.41.38 / 70221188": a sort code in dots after its
	 * cue; one that reads as a date ("paid ... on 27.09.26") is the date */
	if ((mask & KIND_BIT(SCRUB_BANK)) && sortc && i + 8 <= n && digits_at(s, n, i, 2) == 2 &&
	    s[i + 2] == '.' && digits_at(s, n, i + 3, 2) == 2 && s[i + 5] == '.' &&
	    digits_at(s, n, i + 6, 2) == 2 && ends_word(s, n, i + 8, 1) &&
	    !(i + 9 < n && s[i + 8] == '.' && sc_digit(s[i + 9])) &&
	    !((s[i] - '0') * 10 + (s[i + 1] - '0') <= 31 && (s[i + 3] - '0') * 10 + (s[i + 4] - '0') >= 1 &&
	      (s[i + 3] - '0') * 10 + (s[i + 4] - '0') <= 12)) {
		cx->sort_end = i + 8;
		*kind = SCRUB_BANK, *rule = "bank:sort-code";
		*start = bank_named_before(s, i);
		return i + 8;
	}
	if ((mask & KIND_BIT(SCRUB_BANK)) &&
	    (acct || sortc || (cx->sort_end != SIZE_MAX && i - cx->sort_end <= 40)) &&
	    (e = grouped_at(s, n, i, 8, G44, 2)) != 0) {
		*kind = SCRUB_BANK, *rule = "bank:account";
		*start = bank_named_before(s, i); /* "<Bank> a/c 12345678" */
		return e;
	}
	/* "account 609923017": a building society's or a foreign bank's
	 * account of 7, 9 or 10 digits, written whole after its cue */
	if ((mask & KIND_BIT(SCRUB_BANK)) && acct && (i == 0 || !sc_alnum(s[i - 1]))) {
		size_t d = digits_at(s, n, i, 10);
		if ((d == 7 || d == 9 || d == 10) && ends_word(s, n, i + d, 1)) {
			*kind = SCRUB_BANK, *rule = "bank:account";
			return i + d;
		}
		/* s30: "roll no. 77-41820-3", "account 1234/567890": a building
		 * society's roll number, groups of digits joined by '-' or '/',
		 * 6 to 12 digits in 2 to 4 groups */
		{
			size_t k = i, nd = 0, ng = 0;
			while (k < n && ng < 4) {
				size_t g = digits_at(s, n, k, 12);
				if (g == 0)
					break;
				nd += g, ng++, k += g;
				if (k + 1 < n && (s[k] == '-' || s[k] == '/') && sc_digit(s[k + 1]))
					k++;
				else
					break;
			}
			struct ident_date dt;
			if (ng >= 2 && nd >= 6 && nd <= 12 && ends_word(s, n, k, 1) &&
			    ident_date_scan((const char *)s + i, k - i, &dt) != k - i) {
				*kind = SCRUB_BANK, *rule = "bank:account"; /* (not "12/03/2026") */
				*start = bank_named_before(s, i);
				return k;
			}
		}
		/* "card account 0071 3349 20": the same in groups of 2 to 4
		 * digits, one space between, right after the cue */
		static const char *const RIGHT[] = {"account", "acct", "acc", "no", "number"};
		size_t wb;
		/* (s48: "mortgage (a/c 8830 4471 29)") */
		int ac = i >= 4 && s[i - 1] == ' ' && (s[i - 2] | 0x20) == 'c' && s[i - 3] == '/' &&
			 (s[i - 4] | 0x20) == 'a' && (i == 4 || !sc_alnum(s[i - 5]));
		if ((ac || (word_before(s, i, &wb) && IN(s + wb, i - 1 - wb, RIGHT))) &&
		    (e = account_groups_at(s, n, i)) != 0) {
			*kind = SCRUB_BANK, *rule = "bank:account";
			return e;
		}
	}
	/* "a/c 9 3 0 1 2 4 5 6": read out digit by digit */
	TRY(SCRUB_BANK, "bank:account",
	    (acct || (cx->sort_end != SIZE_MAX && i - cx->sort_end <= 40)) ? single_digits_at(s, n, i, 8)
	                                                                : 0);
	/* "PH badge 4471", "taxi badge no. 0932": a driver's licence badge
	 * names him as a plate does */
	if ((mask & KIND_BIT(SCRUB_DOCUMENT)) && (e = digits_at(s, n, i, 7)) >= 3 && e <= 6 &&
	    ends_word(s, n, i + e, 0) && badge_before(s, i)) {
		*kind = SCRUB_DOCUMENT, *rule = "document:badge";
		return i + e;
	}
	/* "acct ending 4471", "card ending in 0932": the last digits of an
	 * account or card still tell it apart */
	if ((mask & KIND_BIT(SCRUB_BANK)) && (e = digits_at(s, n, i, 4)) >= 3 && e <= 4 &&
	    ends_word(s, n, i + e, 0) && ending_before(s, i)) {
		*kind = SCRUB_BANK, *rule = "bank:account-ending";
		*start = bank_named_before(s, i); /* "<Bank> card ending 1234" */
		return i + e;
	}
	if ((mask & KIND_BIT(SCRUB_BANK)) && digits_at(s, n, i, 5) == 4 && ends_word(s, n, i + 4, 0) &&
	    (*start = masked_last_four(s, i)) < i) {
		*kind = SCRUB_BANK, *rule = "bank:masked-card";
		*start = bank_named_before(s, *start); /* "Monzo ****4417" */
		return i + 4;
	}
	if ((mask & KIND_BIT(SCRUB_DOCUMENT)) && near_pass(cx, s, i) &&
	    (e = passport_at(s, n, i)) != 0) {
		*kind = SCRUB_DOCUMENT, *rule = "document:passport";
		*start = passport_issuer_before(s, i);
		return e;
	}
#undef TRY
	return 0;
}

/* ASCII classes for the walk: W a word character (letter or digit), S a
 * character an identifier may start with (W, '+', '(', '@'). */
enum { CW = 1, CS = 2, CL = CW | CS };
static const unsigned char ASCII_CC[128] = {
	0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  /* 00 */
	0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  /* 10 */
	0,  0,  0,  0,  0,  0,  0,  0,  CS, 0,  0,  CS, 0,  0,  0,  0,  /* 20 ( + */
	CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, 0,  0,  0,  0,  0,  0,  /* 30 0-9 */
	CS, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, /* 40 @ A-O */
	CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, 0,  0,  0,  0,  0,  /* 50 P-Z */
	0,  CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, /* 60 a-o */
	CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, 0,  0,  0,  0,  0,  /* 70 p-z */
};

/* Is the character at s[*i] a word character? Steps over it. */
static int step_char(const unsigned char *s, size_t n, size_t *i)
{
	if (s[*i] < 0x80)
		return ASCII_CC[s[(*i)++]] & CW;
	struct ident_char c;
	*i += ident_char_next((const char *)s + *i, n - *i, &c);
	return c.cls == IDENT_C_LETTER || c.cls == IDENT_C_DIGIT;
}

#define WORD_MAX 32

/*
 * A word starting with a letter at s[i]: cue words, misspelt surnames and
 * identifiers glued to a cue ("tel07700900123"). Appends what it finds.
 */
static int word_at(const scrubber *sc, const unsigned char *s, size_t n, size_t i, unsigned mask,
                   struct cues *cx, struct spans *out, size_t *wend)
{
	char w[WORD_MAX];
	size_t j = i, wl;
	j += ascii_letter_run(s + i, n - i < WORD_MAX ? n - i : WORD_MAX);
	wl = j - i;
	*wend = 0;
	if (j < n && (sc_alpha(s[j]) || s[j] >= 0x80))
		return 0; /* longer than any cue or name checked here, or not ASCII */
	if (j >= n || !sc_digit(s[j]))
		*wend = j; /* the whole word: the walk may skip it */
	size_t a, e;
	unsigned cue = CUE_NONE;
	if (wl == 1 && j + 1 < n && s[j] == '/' && (s[j + 1] | 0x20) == 'c' &&
	    !(j + 2 < n && sc_alnum(s[j + 2])) && ((s[i] | 0x20) == 'a' || (s[i] | 0x20) == 's')) {
		cue = (s[i] | 0x20) == 'a' ? CUE_ACCT : CUE_SORT, j += 2; /* "a/c", "s/c" */
	} else if (wl <= 2 && (s[i] | 0x20) == 'p' && (mask & KIND_BIT(SCRUB_ADDRESS)) &&
	           ((wl == 2 && (s[i + 1] | 0x20) == 'o') ||
	            (wl == 1 && j + 2 < n && s[j] == '.' && (s[j + 1] | 0x20) == 'o')) &&
	           (e = po_box_at(s, n, wl == 2 ? j : j + 2)) != 0) {
		return spans_push(out, i, e, SCRUB_ADDRESS, "address:po-box");
	} else if (wl == 1 && j + 1 < n && (s[j] == '.' || s[j] == '/')) {
		/* "b. 12/03/85", "D.O.B.", "d/o/b" */
		size_t q = j + 1;
		while (q < n && q < j + 3 && s[q] == ' ')
			q++;
		/* (s30-over: not before a comma or a line's end: "Lisa B.,
		 * checkout supervisor" is an initial, and a date on a later
		 * line is no birth) */
		if ((s[i] | 0x20) == 'b' && s[j] == '.' && !sc_alpha(s[j + 1]) && q < n &&
		    s[q] != ',' && s[q] != ';' && s[q] != '\n') {
			cue = CUE_DOB, j++;
		} else if ((s[i] | 0x20) == 'd' && j + 4 <= n && (s[j + 1] | 0x20) == 'o' &&
		           s[j + 2] == s[j] && (s[j + 3] | 0x20) == 'b' &&
		           !(j + 4 < n && sc_alpha(s[j + 4]))) {
			cue = CUE_DOB, j += 4;
			if (j < n && s[j] == '.')
				j++;
		}
	} else {
		cue = cue_of(s + i, wl);
		/* Cues kept out of the table, whose lengths would send many
		 * common words ("but", "does", "things") to its probe: "BRP" (a
		 * residence permit, read as a passport) in capitals, "DOBs",
		 * and platforms people meet on or are reached through. */
		if (cue == CUE_NONE && wl < 16 && (RARE_LEN[(s[i] | 0x20) - 'a'] >> wl & 1))
			cue = rare_cue(s + i, wl);
	}
	if (cue != CUE_NONE) {
		cx->last[cue] = j;
		if (cue == CUE_DOB && (mask & KIND_BIT(SCRUB_DOB)) && (e = dob_after(s, n, j, &a))) {
			if (spans_push(out, a, e, SCRUB_DOB, "dob:cue") != 0)
				return MGW_E_NOMEM;
			for (int r = 0; r < 4 && (e = dob_next(s, n, e, &a)) != 0; r++)
				if (spans_push(out, a, e, SCRUB_DOB, "dob:cue-list") != 0)
					return MGW_E_NOMEM;
		}
		if (cue == CUE_PLAT && (mask & KIND_BIT(SCRUB_HANDLE)) &&
		    (e = profile_url(s, n, j)) != 0) {
			/* "instagram.com/jo_b", "www.facebook.com/jo.b.77": the
			 * whole address, which is the handle spelled out */
			a = i >= 4 && word_eq(s + i - 4, 3, "www") && s[i - 1] == '.' ? i - 4 : i;
			if (spans_push(out, a, e, SCRUB_HANDLE, "handle:profile-url") != 0)
				return MGW_E_NOMEM;
		} else if (cue == CUE_PLAT && (mask & KIND_BIT(SCRUB_HANDLE)) &&
		           (e = profile_name_after(s, n, j, &a)) != 0) {
			/* "his Facebook Dan Price Hull Lad.": the profile's name */
			if (spans_push(out, a, e, SCRUB_HANDLE, "handle:profile-name") != 0)
				return MGW_E_NOMEM;
		} else if ((cue == CUE_PLAT ||
		            (cue == CUE_ACCT && word_eq(s + i, wl, "account") && named_after(s, n, j)) ||
		            (cue == CUE_PROF && named_after(s, n, j))) &&
		           (mask & KIND_BIT(SCRUB_HANDLE)) && (e = handle_after(s, n, j, &a))) {
			/* "TikTok @jo_b" reads as one name, the account; "on
			 * Snapchat as jo_b" keeps the platform */
			if (a == j + 1 && s[j] == ' ' && s[a] == '@')
				a = i;
			/* "TikTok account @jo_b", "Insta page @jo": the same, a
			 * word for the account between */
			else if (s[a] == '@' && s[j] == ' ' && a >= j + 5 && s[a - 1] == ' ') {
				static const char *const ACC[] = {"account", "page", "profile",
				                                  "handle", "channel"};
				if (IN(s + j + 1, a - j - 2, ACC))
					a = i;
			}
			if (spans_push(out, a, e, SCRUB_HANDLE, "handle:platform") != 0)
				return MGW_E_NOMEM;
			for (int r = 0; r < 4 && (e = handle_next(s, n, e, &a)) != 0; r++)
				if (spans_push(out, a, e, SCRUB_HANDLE, "handle:list") != 0)
					return MGW_E_NOMEM;
		}
		/* "jo.b77 (Instagram)", "Tudwal P (Strava)": the account before
		 * the platform that names it */
		if (cue == CUE_PLAT && (mask & KIND_BIT(SCRUB_HANDLE)) && i >= 3 && s[i - 1] == '(' &&
		    (a = handle_before_bracket(s, i - 1)) < i - 1 &&
		    spans_push(out, a, i - 2, SCRUB_HANDLE, "handle:before-platform") != 0)
			return MGW_E_NOMEM;
		/* "incl. sam_x77 on TikTok": the account, then "on" the platform */
		if (cue == CUE_PLAT && (mask & KIND_BIT(SCRUB_HANDLE)) && i >= 9 && s[i - 1] == ' ' &&
		    word_eq(s + i - 3, 2, "on") && s[i - 4] == ' ' &&
		    (a = handle_before_on(s, i - 4)) < i - 4 &&
		    spans_push(out, a, i - 4, SCRUB_HANDLE, "handle:on-platform") != 0)
			return MGW_E_NOMEM;
		if (cue == CUE_AT && (mask & KIND_BIT(SCRUB_EMAIL)) && i > 0 && j < n) {
			unsigned char cl = closing(s[i - 1]);
			int plain = s[i - 1] == ' ' && s[j] == ' ';
			if ((plain || (cl && s[j] == cl)) &&
			    (e = obf_email(s, n, i - 1, j + !plain, plain, &a)) &&
			    spans_push(out, a, e, SCRUB_EMAIL, "email:written-out") != 0)
				return MGW_E_NOMEM;
		}
	}
	if (sc->nfz && sc_upper(s[i]) && wl >= 4 && wl < WORD_MAX && (mask & KIND_BIT(SCRUB_NAME)) &&
	    !(i + wl < n && sc_digit(s[i + wl]))) {
		for (size_t k = 0; k < wl; k++)
			w[k] = (char)(s[i + k] | 0x20);
		if (fuzzy_name(sc, w, wl) &&
		    spans_push(out, i, i + wl, SCRUB_NAME, scrub_rule_name(R_MISSPELT)) != 0)
			return MGW_E_NOMEM;
	}
	j = i + wl;
	unsigned char after = j + 1 < n ? s[j] : 0;
	if ((after == '_' || after == '.') && sc_alnum(s[j + 1]) && (mask & KIND_BIT(SCRUB_HANDLE)) &&
	    (e = underscore_handle(s, n, i, j)) != 0) {
		if (spans_push(out, i, e, SCRUB_HANDLE,
		               memchr(s + i, '_', e - i) ? "handle:underscore" : "handle:dotted") != 0)
			return MGW_E_NOMEM;
		for (int r = 0; r < 4 && (e = handle_next(s, n, e, &a)) != 0; r++)
			if (spans_push(out, a, e, SCRUB_HANDLE, "handle:list") != 0)
				return MGW_E_NOMEM;
		return 0;
	}
	/* "Snapchat: he messages her as kaiz83": lower-case letters and
	 * digits in one word, within a platform cue's window, are a
	 * username (not a mobile glued to a word, read below) */
	if ((mask & KIND_BIT(SCRUB_HANDLE)) && wl >= 3 && j < n && sc_digit(s[j]) &&
	    near(cx, CUE_PLAT, i) && !(s[j] == '0' && j + 1 < n && s[j + 1] == '7') &&
	    (i == 0 || !(sc_alnum(s[i - 1]) || s[i - 1] == '@' || s[i - 1] == '.' || s[i - 1] == '/'))) {
		int lower = 1;
		for (size_t k = i; k < j; k++)
			lower &= s[k] >= 'a' && s[k] <= 'z';
		size_t d = digits_at(s, n, j, 4);
		/* s54-never: letters and digits again after the digits
		 * ("doyley2k6", "kaz4x4"): small letters and digits to the
		 * word's end, 24 bytes in all at most */
		if (lower && d >= 1 && d <= 4 && j + d < n && s[j + d] >= 'a' && s[j + d] <= 'z') {
			size_t x = j + d;
			while (x < n && x - i < 24 && ((s[x] >= 'a' && s[x] <= 'z') || sc_digit(s[x])))
				x++;
			if (x - i < 24 && ends_word(s, n, x, 0))
				d = x - j;
		}
		if (lower && d >= 1 && d <= 24 && ends_word(s, n, j + d, 0) &&
		    !(j + d < n && (s[j + d] == '@' || s[j + d] == '_' || s[j + d] >= 0x80)))
			return spans_push(out, i, j + d, SCRUB_HANDLE, "handle:letters-digits");
	}
	/* Glued: "tel07700900123", "NHSno9990001234", or any word before a
	 * mobile; not inside a dotted or compound token ("a@b.com07700...",
	 * "x-tel0770..."), where cutting the number out would leave another
	 * identifier behind. */
	int compound = i > 0 && (s[i - 1] == '.' || s[i - 1] == '@' || s[i - 1] == '/' ||
	                         s[i - 1] == '\\' || s[i - 1] == '_' || s[i - 1] == '-' ||
	                         s[i - 1] == '+' || s[i - 1] == '%');
	if (!compound && j < n && sc_digit(s[j]) &&
	    (cue == CUE_TEL || (s[j] == '0' && j + 1 < n && s[j + 1] == '7'))) {
		size_t from = j;
		if ((mask & KIND_BIT(SCRUB_PHONE)) && (e = phone_at(s, n, &from)) != 0)
			return spans_push(out, from, e, SCRUB_PHONE, "phone:glued");
		if (cue == CUE_TEL && (mask & KIND_BIT(SCRUB_NHS)) && (e = nhs_at(s, n, j)) != 0)
			return spans_push(out, j, e, SCRUB_NHS, "nhs-number:glued");
	}
	return 0;
}

/*
 * Walk the text word by word: at each word start (and each '+', '(' or '@'
 * not inside a word) try the recognisers; skip the rest of a word unread.
 */
int scrub_token_pass(const scrubber *sc, const unsigned char *s, size_t n, unsigned mask,
                     struct spans *out)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct cues cx;
	size_t i = 0;

	pthread_once(&once, cue_init);
	for (int k = 0; k < CUE_COUNT; k++)
		cx.last[k] = SIZE_MAX;
	cx.sort_end = SIZE_MAX;
	while (i < n) {
		/* Here the previous character is not a word character. */
		if (s[i] < 0x80 && (ASCII_CC[s[i]] & CS)) {
			unsigned kind, vrule;
			const char *rule;
			size_t wend = 0;
			if (sc_alpha(s[i]) && word_at(sc, s, n, i, mask, &cx, out, &wend) != 0)
				return MGW_E_NOMEM;
			if (sc->nids && sc_alnum(s[i])) {
				unsigned char f = sc_alpha(s[i]) ? s[i] & ~0x20 : s[i];
				size_t e;
				if ((sc->id_first[f >> 3] & (1u << (f & 7))) &&
				    (e = idval_at(sc, s, n, i, &kind, &vrule)) != 0 &&
				    (mask & KIND_BIT(kind)) &&
				    spans_push(out, i, e, kind, scrub_rule_name(vrule)) != 0)
					return MGW_E_NOMEM;
			}
			size_t from = i, e = token_at(sc, s, n, &from, mask, &cx, &kind, &rule);
			if (e) {
				if (spans_push(out, from, e, kind, rule) != 0)
					return MGW_E_NOMEM;
				i = e; /* every recogniser ends before a non-word character */
				continue;
			}
			if (wend) {
				i = wend;
				continue;
			}
		}
		if (!step_char(s, n, &i))
			continue;
		while (i < n) { /* the rest of the word */
			if (s[i] < 0x80 && !(ASCII_CC[s[i]] & CW))
				break;
			size_t at = i;
			if (!step_char(s, n, &i)) {
				i = at;
				break;
			}
		}
	}
	return 0;
}

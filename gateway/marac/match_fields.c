/*
 * match_fields.c: the identifier fields of a Person read as agencies fill
 * them, into the normalised values match.c keys (match.h "Kinds"): phones
 * with labels, notes, extensions, lists, Unicode spacing, no trunk 0 or
 * another country code; NHS numbers with any separators; NI numbers with
 * or without their suffix. ident.h does the validation; what is read here
 * is only what a field of that kind can mean, which free text (the
 * scrubber's side of ident.h) cannot assume.
 */
#include "match_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <openssl/crypto.h>

#include "ident.h"
#include "mgw_err.h"
#include "utf8.h"

/*
 * The bytes of a phones[] entry that ident_phone_e164 reads, into out:
 * Unicode spaces (U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000) become a
 * space and Unicode dashes (U+2010..U+2015, U+2212) a '-', as pasted from
 * documents and e-mail. Returns the length, 0 if it does not fit.
 */
static size_t phone_ascii(const char *in, char *out, size_t outlen)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t n = strlen(in), o = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		char c;
		if (k == 0)
			return 0;
		if (cp < 0x80)
			c = (char)cp;
		else if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
			 cp == 0x205F || cp == 0x3000)
			c = ' ';
		else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)
			c = '-';
		else
			return 0;
		if (o + 1 >= outlen)
			return 0;
		out[o++] = c;
		i += k;
	}
	out[o] = '\0';
	return o;
}

/*
 * The extension at the end of a phone ("ext 21", "ext. 21", "extn 21",
 * "extension 21", "x21", "#21"; 1-6 digits): its digits into ext and its
 * start returned (the number is what comes before), or 0 when there is
 * none.
 */
static size_t phone_ext(const char *s, size_t n, char ext[8])
{
	static const char *const marks[] = {"extension", "extn", "ext", "x", "#"};
	size_t e = n, nd = 0;
	ext[0] = '\0';
	while (e > 0 && s[e - 1] >= '0' && s[e - 1] <= '9')
		e--, nd++;
	if (nd < 1 || nd > 6)
		return 0;
	size_t m = e;
	while (m > 0 && (s[m - 1] == ' ' || s[m - 1] == '.' || s[m - 1] == ':'))
		m--;
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t l = strlen(marks[i]);
		if (m < l + 1 || strncasecmp(s + m - l, marks[i], l) != 0)
			continue;
		/* the mark follows the number's last digit or a space */
		char before = s[m - l - 1];
		if (!(before == ' ' || (before >= '0' && before <= '9') || before == ')'))
			continue;
		memcpy(ext, s + e, nd);
		ext[nd] = '\0';
		return m - l;
	}
	return 0;
}

static int is_letter(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/*
 * Where the number starts after a label ("Mob: ", "Tel. ", "home ", "Home -
 * "): a run of letters and dots, spaces, a ':' or a '-' after it (housing
 * and IDVA systems write "Home - 01632 ..."), then a digit, '+' or '(';
 * 0 when there is no such label.
 */
static size_t phone_label(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (is_letter(s[i]) || s[i] == '.'))
		i++;
	if (i == 0)
		return 0;
	size_t j = i;
	while (j < n && (s[j] == ' ' || s[j] == ':' || s[j] == '-'))
		j++;
	if (j == i || j == n || !((s[j] >= '0' && s[j] <= '9') || s[j] == '+' || s[j] == '('))
		return 0;
	return j;
}

/*
 * The length without a trailing note in brackets ("(mobile)", "(M)",
 * "(mum's)", "(safe after 6pm)", "(mobile, text only)"): letters, with digits too when a word of
 * two letters or more is there, but not an extension ("(ext 21)", "(x21)"),
 * which names the line and stays part of the number.
 */
static size_t phone_note(const char *s, size_t n)
{
	size_t e = n, run = 0, word = 0, digits = 0;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (e == 0 || s[e - 1] != ')')
		return n;
	size_t b = e - 1;
	while (b > 0 && s[b - 1] != '(') {
		char ch = s[b - 1];
		if (!(is_letter(ch) || (ch >= '0' && ch <= '9') || strchr(" '.-:,;/&", ch) != NULL))
			return n;
		run = is_letter(ch) ? run + 1 : 0;
		if (run >= 2)
			word = 1;
		digits += ch >= '0' && ch <= '9';
		b--;
	}
	/* letters alone ("(M)", "(mobile)") are a note; with digits, a word must be there */
	if (b == 0 || b + 1 >= e || (digits > 0 && !word))
		return n;
	const char *in = s + b;
	while (*in == ' ')
		in++;
	if (strncasecmp(in, "ext", 3) == 0 || *in == 'x' || *in == 'X' || *in == '#')
		return n;
	return b - 1;
}

/*
 * The length without trailing words after the number ("07700 900123 mobile",
 * "07700 900123 - safe after 6pm"): from the first word that starts with a
 * letter after a space, once ten digits have gone before it; an extension
 * ("ext 21", "x21") is not such a word (phone_ext reads it). The separators
 * left at the end (" - ", ",", ":") go too. n when there are none.
 */
static size_t phone_words(const char *s, size_t n)
{
	size_t digits = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			digits++;
			continue;
		}
		if (!is_letter(s[i]) || i == 0 || s[i - 1] != ' ' || digits < 10)
			continue;
		if (strncasecmp(s + i, "ext", 3) == 0 ||
		    ((s[i] == 'x' || s[i] == 'X') && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9'))
			return n;
		size_t e = i;
		while (e > 0 && strchr(" -,:", s[e - 1]))
			e--;
		return e;
	}
	return n;
}

/*
 * Letters typed for digits in a phone: O or o for 0, l or I for 1
 * ("O77OO 9OO1O5"), within a run of digits and such letters that holds a
 * digit; a label's or a note's letters ("Mob", "(mobile)") are left alone.
 */
static void phone_letters(char *a, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i, digits = 0;
		while (j < n && strchr("0123456789OolI", a[j]) != NULL && a[j] != '\0') {
			digits += a[j] >= '0' && a[j] <= '9';
			j++;
		}
		/* a run of letters alone is part of a word only when a letter touches it */
		int in_word = (i > 0 && is_letter(a[i - 1])) || (j < n && is_letter(a[j]));
		for (size_t k = i; digits > 0 && !in_word && k < j; k++) {
			if (a[k] == 'O' || a[k] == 'o')
				a[k] = '0';
			else if (a[k] == 'l' || a[k] == 'I')
				a[k] = '1';
		}
		i = j > i ? j : i + 1;
	}
}

/*
 * A number with a country code other than 44 ("+48 601 234 567", "0048
 * 601234567") as "+" and its 8 to 15 digits (E.164), into out; the UK's
 * own are ident_phone_e164's. Returns 0, or MGW_E_INVALID.
 */
static int phone_abroad(const char *s, size_t n, char out[MATCH_PHONE_KEY_MAX])
{
	char d[16];
	size_t nd = 0, i = 0;
	if (n > 0 && s[0] == '+')
		i = 1;
	else if (n > 1 && s[0] == '0' && s[1] == '0')
		i = 2;
	else
		return MGW_E_INVALID;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (nd == sizeof d - 1)
				return MGW_E_INVALID;
			d[nd++] = s[i];
		} else if (!strchr(" -.()\t", s[i])) {
			return MGW_E_INVALID;
		}
	}
	if (nd < 8 || d[0] == '0' || (d[0] == '4' && d[1] == '4'))
		return MGW_E_INVALID;
	out[0] = '+';
	memcpy(out + 1, d, nd);
	out[nd + 1] = '\0';
	return MGW_OK;
}

/*
 * A number systems and call takers enter for "not known" (a required field
 * filled): a UK number whose digits after the first are one digit repeated
 * ("07000 000000", "07777 777777") or the counting run ("01234 567890",
 * "07123 456789"). Such a number is many people's, never one person's.
 */
static int phone_dummy(const char *e164)
{
	if (strncmp(e164, "+44", 3) != 0 || strlen(e164) != 13)
		return 0;
	const char *d = e164 + 3; /* 10 digits: the national number */
	size_t same = 2;
	while (same < 10 && d[same] == d[1])
		same++;
	return same == 10 || strcmp(d, "1234567890") == 0 || strcmp(d, "7123456789") == 0;
}

/*
 * A phones[] entry as its key (match.h "Phones"): E.164, with ";ext=N"
 * when it names an extension. A national number written without its trunk
 * 0 (ten digits, "7700900123", as systems storing numbers as integers keep
 * it) is read as if the 0 were there: in a phone field it can be nothing
 * else. Returns 0, or MGW_E_INVALID (no key).
 */
int match_phone_key(const char *in, char out[MATCH_PHONE_KEY_MAX])
{
	char a[64], ext[8], num[66];
	size_t n = phone_ascii(in, a, sizeof a);
	int rc = MGW_E_INVALID;
	out[0] = '\0';
	if (n == 0)
		goto out;
	/* spaces before it (a list's second number: "Mob: ..., Home: ...") */
	size_t lead = strspn(a, " \t");
	memmove(a, a + lead, n - lead + 1);
	n -= lead;
	/* a spreadsheet's text prefix ("'07700900123", as Excel exports keep it) */
	if (n > 0 && a[0] == '\'') {
		memmove(a, a + 1, n--);
	}
	if (n == 0)
		goto out;
	phone_letters(a, n);
	size_t from = phone_label(a, n);
	memmove(a, a + from, n - from + 1);
	n -= from;
	/* the country code in brackets ("(+44) 7700 900123"): the brackets go */
	if (n > 3 && a[0] == '(' && a[1] == '+') {
		size_t k = 2;
		while (k < n && k < 6 && a[k] >= '0' && a[k] <= '9')
			k++;
		if (k > 2 && k < n && a[k] == ')') {
			memmove(a + k, a + k + 1, n - k); /* with the NUL */
			memmove(a, a + 1, n - 1);
			n -= 2;
			a[n] = '\0';
		}
	}
	n = phone_note(a, n);
	n = phone_words(a, n);
	while (n > 0 && a[n - 1] == ' ')
		n--;
	/* a spreadsheet's float export ("7700900123.0", h-match5): a point and
	 * zeros after the last of ten or eleven digits are no digits of it */
	size_t z = n;
	while (z > 0 && a[z - 1] == '0')
		z--;
	if (z < n && z > 1 && a[z - 1] == '.' && a[z - 2] >= '0' && a[z - 2] <= '9' &&
	    memchr(a, '.', z - 1) == NULL)
		n = z - 1;
	size_t cut = phone_ext(a, n, ext);
	if (cut > 0)
		n = cut;
	if (ident_phone_e164(a, n, out) != 0 && phone_abroad(a, n, out) != 0) {
		/* ten digits and separators only: the trunk 0 dropped */
		size_t nd = 0, bad = 0;
		for (size_t i = 0; i < n; i++) {
			if (a[i] >= '0' && a[i] <= '9')
				nd++;
			else if (!strchr(" -.()\t", a[i]))
				bad++;
		}
		if (bad || nd != 10)
			goto out;
		num[0] = '0';
		memcpy(num + 1, a, n);
		if (ident_phone_e164(num, n + 1, out) != 0)
			goto out;
	}
	if (phone_dummy(out)) {
		out[0] = '\0';
		goto out;
	}
	if (ext[0])
		snprintf(out + strlen(out), MATCH_PHONE_KEY_MAX - strlen(out), ";ext=%s", ext);
	rc = MGW_OK;
out:
	OPENSSL_cleanse(a, sizeof a);
	OPENSSL_cleanse(num, sizeof num);
	return rc;
}

/*
 * An nhs_number field as its 10 digits if they pass mod 11: the digits
 * with any spaces, dashes and dots between them, Unicode ones included
 * ("999 000-0034", "999.000.0042", "999\u00a0000\u00a00034"): in this field
 * they can be nothing else, and the check digit still refuses a typo; a
 * label before it ("NHS No. "); O or o typed for 0 and l or I for 1 among
 * the digits (a transcription error, as in phones: the check digit still
 * refuses a number that was not meant); after the tenth digit, a note
 * ("(verified)", "- traced": SystmOne and EMIS show the trace status
 * beside it), or ".0" (a spreadsheet that read it as a number). A repeated digit ("0000000000") is a placeholder and no
 * number.
 */
int match_nhs_key(const char *in, char out[11])
{
	char a[64], d[11];
	size_t nd = 0, n = phone_ascii(in, a, sizeof a);
	int rc = MGW_E_INVALID;
	out[0] = '\0';
	/* a label copied with the number ("NHS No. ", "NHS number: "): in this
	 * field letters before the first digit can only be one */
	size_t from = 0;
	while (from < n && (is_letter(a[from]) || strchr(" .:#", a[from])))
		from++;
	/* Unicode spaces and dashes as ASCII, as in phones (pasted from documents) */
	for (size_t i = from; i < n; i++) {
		char ch = a[i];
		/* ten digits read: a note after them, words or words in brackets
		 * ("(verified)", "- traced"), is not the number; "(7)" is no note */
		if (nd == 10 && is_letter(ch))
			break;
		/* a spreadsheet's float export ("9990000034.0", h-match5): a
		 * point and zeros to the end are no digits of the number */
		if (nd == 10 && ch == '.' && a[i + 1 + strspn(a + i + 1, "0")] == '\0' &&
		    a[i + 1] == '0')
			break;
		if (nd == 10 && ch == '(') {
			size_t j = i + 1;
			while (j < n && a[j] != ')' && !is_letter(a[j]))
				j++;
			if (j < n && is_letter(a[j]))
				break;
		}
		if (ch == 'O' || ch == 'o')
			ch = '0';
		else if (ch == 'l' || ch == 'I')
			ch = '1';
		if (ch >= '0' && ch <= '9') {
			if (nd == 10)
				goto out;
			d[nd++] = ch;
		} else if (!strchr(" \t-.", ch)) {
			goto out;
		}
	}
	d[nd] = '\0';
	if (nd != 10 || ident_nhs_valid(d, nd, out) != 0)
		goto out;
	/* Every repeated digit passes mod 11 ("0000000000", "9999999999"): systems'
	 * "not known", like the 1900-01-01 DOB, never one person's number. */
	size_t same = 1;
	while (same < 10 && out[same] == out[0])
		same++;
	if (same == 10) {
		out[0] = '\0';
		goto out;
	}
	rc = MGW_OK;
out:
	OPENSSL_cleanse(a, sizeof a);
	OPENSSL_cleanse(d, sizeof d);
	return rc;
}

/*
 * O or o typed for 0 and l or I for 1 in b[from..to), the places of an
 * identifier that hold only digits (a transcription error, as in phones:
 * the identifier's own check still refuses a number that was not meant).
 */
static void id_digits(char *b, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (b[i] == 'O' || b[i] == 'o')
			b[i] = '0';
		else if (b[i] == 'l' || b[i] == 'I')
			b[i] = '1';
	}
}

/*
 * An ni_number field's keys: the number with its suffix as ident.h
 * normalises it ("JT123456A"), and the two letters and six digits alone
 * ("JT123456"), which is how many systems store it; a number given without
 * its suffix makes the second only. Validated by ident_nino_valid (with a
 * stand-in suffix when none was given). Returns how many keys are in
 * with[10] and bare[9]: 0 (invalid), 1 (bare only) or 2.
 */
int match_nino_keys(const char *in, char with[10], char bare[9])
{
	char a[64], b[12];
	size_t k = 0, n = phone_ascii(in, a, sizeof a), from = 0;
	with[0] = bare[0] = '\0';
	/* a label copied with it ("NI No. ", "NINO: ", "NI number "): no NI number
	 * starts "NI", "NO" or "NU" (HMRC: I, O, U never second), so it is one */
	if (n > 2 && strncasecmp(a, "ni", 2) == 0) {
		from = 2;
		while (from < n && strchr(" .:#", a[from]))
			from++;
		if (strncasecmp(a + from, "number", 6) == 0)
			from += 6;
		else if (strncasecmp(a + from, "num", 3) == 0)
			from += 3;
		else if (strncasecmp(a + from, "no", 2) == 0)
			from += 2;
		while (from < n && strchr(" .:#", a[from]))
			from++;
	}
	/* spaces, dashes and dots between the parts ("JT-12-34-56-A"), Unicode ones too */
	for (size_t i = from; i < n; i++) {
		if (strchr(" \t-.", a[i]))
			continue;
		if (k == 9) {
			OPENSSL_cleanse(a, sizeof a);
			return 0;
		}
		b[k++] = a[i];
	}
	OPENSSL_cleanse(a, sizeof a);
	/* the six digits after the two letters (h-match4) */
	if (k >= 8)
		id_digits(b, 2, 8);
	if (k == 9 && ident_nino_valid(b, 9, with) == 0) {
		memcpy(bare, with, 8);
		bare[8] = '\0';
		OPENSSL_cleanse(b, sizeof b);
		return 2;
	}
	if (k != 8)
		return 0;
	b[8] = 'A';
	int ok = ident_nino_valid(b, 9, with) == 0;
	if (ok) {
		memcpy(bare, with, 8);
		bare[8] = '\0';
	}
	with[0] = '\0';
	OPENSSL_cleanse(b, sizeof b);
	return ok ? 1 : 0;
}

/*
 * A probation_crn field as ident_crn_valid normalises it, with spaces,
 * dashes and dots (Unicode ones too) between the letter and the digits
 * ignored ("X 123456", "x-123456"): in this field they can be nothing else.
 */
int match_crn_key(const char *in, char out[8])
{
	char a[64], b[8];
	size_t k = 0, n = phone_ascii(in, a, sizeof a);
	int rc = MGW_E_INVALID;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (strchr(" \t-.", a[i]))
			continue;
		if (k == 7)
			goto out;
		b[k++] = a[i];
	}
	if (k == 7)
		id_digits(b, 1, 7); /* the six digits after the letter */
	if (k == 7 && ident_crn_valid(b, k, out) == 0)
		rc = MGW_OK;
out:
	OPENSSL_cleanse(a, sizeof a);
	OPENSSL_cleanse(b, sizeof b);
	return rc;
}

/*
 * A pnc_id field as ident_pnc_valid normalises it ("2001/0171310W"), with
 * O or o typed for 0 and l or I for 1 before the check letter (which is
 * never I or O): the check letter still refuses a number that was not meant.
 */
int match_pnc_key(const char *in, char out[16])
{
	char a[64];
	size_t n = phone_ascii(in, a, sizeof a);
	int rc = MGW_E_INVALID;
	out[0] = '\0';
	while (n > 0 && a[n - 1] == ' ')
		n--;
	if (n > 1) {
		id_digits(a, 0, n - 1);
		if (ident_pnc_valid(a, n, out) == 0)
			rc = MGW_OK;
	}
	OPENSSL_cleanse(a, sizeof a);
	return rc;
}

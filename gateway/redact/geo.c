/*
 * geo.c: coordinates, what3words, map links and plus codes (geo.h).
 *
 * Each recogniser looks only where its form can start (a digit, a "/", a
 * cue word, a map host) and reads a bounded number of bytes from there, so
 * the scan is linear in the text.
 */
#include <stdint.h>
#include <string.h>

#include "geo.h"
#include "mgw_err.h"
#include "scrub.h"

static int g_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int g_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* A letter, a digit or a byte of 0x80 and above: one load, not three tests
 * (geo_scan asks this of nearly every byte of the text). */
static const unsigned char G_WORD[256] = {
	['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1, [0x80 ... 0xFF] = 1,
};

static int g_word(unsigned char c)
{
	return G_WORD[c];
}

static unsigned char g_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/*
 * A decimal degree at s[i]: an optional sign, 1 to 3 digits, '.', 3 to 10
 * digits. Its end, or 0; *val gets the whole degrees (sign dropped).
 */
static size_t g_degree(const unsigned char *s, size_t n, size_t i, unsigned *val, size_t *dec)
{
	size_t j = i, d = 0, f = 0;
	unsigned v = 0;
	if (j < n && (s[j] == '-' || s[j] == '+'))
		j++;
	while (j < n && g_digit(s[j]) && d < 4)
		v = v * 10 + (unsigned)(s[j++] - '0'), d++;
	if (d == 0 || d > 3 || j >= n || s[j] != '.')
		return 0;
	j++;
	while (j < n && g_digit(s[j]) && f < 11)
		j++, f++;
	if (f < 3 || f > 10)
		return 0;
	*val = v;
	*dec = f;
	return j;
}

/* A hemisphere letter standing alone after optional spaces at s[j]: its end, or j. */
static size_t g_hemisphere(const unsigned char *s, size_t n, size_t j, const char *letters)
{
	size_t k = j;
	while (k < n && k - j < 2 && s[k] == ' ')
		k++;
	if (k < n && strchr(letters, s[k]) != NULL && s[k] != 0 && (k + 1 >= n || !g_word(s[k + 1])))
		return k + 1;
	return j;
}

/* "53.5703, -2.6128", "53.5703N 2.6128W", "53.5703 -2.6128". */
static size_t g_coordinates(const unsigned char *s, size_t n, size_t i)
{
	unsigned lat, lon;
	size_t d1, d2, slash = 0;
	size_t e = g_degree(s, n, i, &lat, &d1);
	if (e == 0 || lat > 90)
		return 0;
	e = g_hemisphere(s, n, e, "NSns");
	size_t k = e, sep = 0;
	while (k < n && k - e < 3 && (s[k] == ' ' || s[k] == ',' || s[k] == ';' || s[k] == '/'))
		slash += s[k] == '/', sep++, k++;
	if (sep == 0)
		return 0;
	/* "Lat: 53.57034, Long: -2.61281": the longitude's own cue */
	static const char *const LON[] = {"longitude", "long", "lng", "lon"};
	for (size_t c = 0; c < 4; c++) {
		size_t l = strlen(LON[c]), q;
		if (n - k > l && g_lower(s[k]) == 'l' && !g_alpha(s[k + l])) {
			for (q = 0; q < l && g_lower(s[k + q]) == (unsigned char)LON[c][q]; q++)
				;
			if (q < l)
				continue;
			k += l;
			for (size_t m = 0; k < n && m < 3 && (s[k] == ' ' || s[k] == ':' || s[k] == '='); m++)
				k++;
			break;
		}
	}
	size_t e2 = g_degree(s, n, k, &lon, &d2);
	if (e2 == 0 || lon > 180 || (slash && (d1 < 4 || d2 < 4))) /* "1.500/2.250" is a ratio */
		return 0;
	e2 = g_hemisphere(s, n, e2, "EWew");
	if (e2 < n && (g_word(s[e2]) || (s[e2] == '.' && e2 + 1 < n && g_digit(s[e2 + 1]))))
		return 0;
	return e2;
}

/* One degrees-minutes-seconds part at s[i] ("53°34'13.2\"N"): its end, or 0. */
static size_t g_dms_part(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i, d = 0;
	while (j < n && g_digit(s[j]) && d < 4)
		j++, d++;
	if (d == 0 || d > 3 || j + 1 >= n || s[j] != 0xC2 || s[j + 1] != 0xB0) /* ° */
		return 0;
	j += 2;
	for (int part = 0; part < 2; part++) {
		size_t k = j, m = 0;
		while (k < n && s[k] == ' ' && k - j < 1)
			k++;
		while (k < n && g_digit(s[k]) && m < 3)
			k++, m++;
		if (m == 0 || m > 2)
			break;
		if (k < n && s[k] == '.')
			for (k++; k < n && g_digit(s[k]); k++)
				;
		if (k < n && (s[k] == '\'' || s[k] == '"'))
			j = k + 1;
		else if (k + 2 < n && s[k] == 0xE2 && s[k + 1] == 0x80 &&
		         (s[k + 2] == 0xB2 || s[k + 2] == 0xB3)) /* ′ ″ */
			j = k + 3;
		else
			break;
	}
	return g_hemisphere(s, n, j, "NSEWnsew");
}

static size_t g_dms(const unsigned char *s, size_t n, size_t i)
{
	size_t e = g_dms_part(s, n, i);
	if (e == 0)
		return 0;
	size_t k = e;
	while (k < n && k - e < 3 && (s[k] == ' ' || s[k] == ','))
		k++;
	size_t e2 = k > e ? g_dms_part(s, n, k) : 0;
	return e2 ? e2 : 0;
}

/* Three lower-case words joined by dots at s[i], nothing word-like after: its end, or 0. */
static size_t g_w3w_words(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i;
	for (int w = 0; w < 3; w++) {
		size_t a = j;
		while (j < n && s[j] >= 'a' && s[j] <= 'z' && j - a < 24)
			j++;
		if (j == a)
			return 0;
		if (w < 2) {
			if (j >= n || s[j] != '.')
				return 0;
			j++;
		}
	}
	if (j < n && (g_word(s[j]) || (s[j] == '.' && j + 1 < n && g_alpha(s[j + 1]))))
		return 0;
	return j;
}

/* Does s[i..) start with the lower-case word w, case-insensitively? */
static int g_has(const unsigned char *s, size_t n, size_t i, const char *w)
{
	size_t l = strlen(w);
	if (n - i < l)
		return 0;
	for (size_t k = 0; k < l; k++)
		if (g_lower(s[i + k]) != (unsigned char)w[k])
			return 0;
	return 1;
}

static const char *const MAP_HOSTS[] = {
	"maps.google.", "google.com/maps", "google.co.uk/maps", "goo.gl/maps", "maps.app.goo.gl",
	"maps.apple.com", "what3words.com", "w3w.co/", "openstreetmap.org", "bing.com/maps",
	"waze.com/", "earth.google.com",
};

/*
 * After a latitude's cue at s[i] ("Lat: 53.57034, Long: -2.61281",
 * "latitude=51.48"), the pair of coordinates: its end, or 0.
 */
static size_t g_lat_cue(const unsigned char *s, size_t n, size_t i)
{
	size_t k = i;
	if (n - i < 4 || g_lower(s[i]) != 'l' || g_lower(s[i + 1]) != 'a' || g_lower(s[i + 2]) != 't')
		return 0;
	k += 3;
	if (n - k >= 5 && g_lower(s[k]) == 'i' && g_lower(s[k + 1]) == 't' && g_lower(s[k + 2]) == 'u' &&
	    g_lower(s[k + 3]) == 'd' && g_lower(s[k + 4]) == 'e')
		k += 5;
	if (k < n && g_alpha(s[k]))
		return 0;
	for (size_t m = 0; k < n && m < 3 && (s[k] == ' ' || s[k] == ':' || s[k] == '='); m++)
		k++;
	return k < n && (g_digit(s[k]) || s[k] == '-' || s[k] == '+') ? g_coordinates(s, n, k) : 0;
}

/*
 * An Ordnance Survey grid reference after its cue at s[i] ("grid ref SD
 * 56123 07345", "NGR: SJ812345", "OS ref TQ 300 800", "GR SE 7981 7094"): two letters of a
 * 100 km square, then two equal groups of 3 to 5 digits (or one group of 6,
 * 8 or 10). Without a cue the shape is too like a vehicle or an NI number
 * to take. Its [*a, end), or 0.
 */
static size_t g_grid(const unsigned char *s, size_t n, size_t i, size_t *a)
{
	static const char *const CUE[] = {"grid reference", "grid ref", "ngr", "os ref", "osgb",
					  /* s44: a CAD log's "GR SE 7981 7094" */
					  "gr", "grid"};
	size_t k = 0;
	for (size_t c = 0; c < sizeof CUE / sizeof CUE[0] && k == 0; c++)
		if (g_has(s, n, i, CUE[c]) && (i + strlen(CUE[c]) >= n || !g_alpha(s[i + strlen(CUE[c])])))
			k = i + strlen(CUE[c]);
	if (k == 0)
		return 0;
	/* s57: a label of two ("Grid ref / what3words: TL 318 985 / ///...") */
	size_t q = k;
	while (q < n && q - k < 2 && s[q] == ' ')
		q++;
	if (q < n && s[q] == '/')
		for (size_t z = q + 1; z < n && z < q + 24 && s[z] != '\n'; z++)
			if (s[z] == ':') {
				k = z;
				break;
			}
	for (size_t m = 0; k < n && m < 4 && (s[k] == ' ' || s[k] == ':' || s[k] == '.' || s[k] == '-');
	     m++)
		k++;
	if (n - k < 8 || !strchr("HNOSTJ", s[k] & ~0x20) || !g_alpha(s[k + 1]))
		return 0;
	size_t j = k + 2, d1 = 0, d2 = 0;
	if (j < n && s[j] == ' ')
		j++;
	while (j < n && g_digit(s[j]) && d1 < 11)
		j++, d1++;
	if (j < n && s[j] == ' ') {
		j++;
		while (j < n && g_digit(s[j]) && d2 < 6)
			j++, d2++;
	}
	if (j < n && g_word(s[j]))
		return 0;
	int ok = d2 ? (d1 == d2 && d1 >= 3 && d1 <= 5) : (d1 == 6 || d1 == 8 || d1 == 10);
	if (!ok)
		return 0;
	*a = k;
	return j;
}

static int g_url_char(unsigned char c)
{
	return c > ' ' && c != '(' && c != ')' && c != '<' && c != '>' && c != '"' && c != '[' &&
	       c != ']';
}

static int g_plus_alpha(unsigned char c)
{
	static const unsigned char PLUS[256] = {
		['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1,
		['9'] = 1, ['C'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['J'] = 1, ['M'] = 1,
		['P'] = 1, ['Q'] = 1, ['R'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	};
	return PLUS[c];
}

/* A plus code at s[i] ("9C5W+QR", "9C5WHCQR+8V"): its end, or 0. */
static size_t g_plus_code(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i, dig = 0;
	while (j < n && g_plus_alpha(s[j]) && j - i < 9)
		dig += g_digit(s[j]), j++;
	if (j - i < 4 || j - i > 8 || dig == 0 || j >= n || s[j] != '+')
		return 0;
	size_t k = ++j;
	while (k < n && g_plus_alpha(s[k]) && k - j < 4)
		k++;
	if (k - j < 2 || k - j > 3 || (k < n && g_word(s[k])))
		return 0;
	return k;
}


/*
 * An exclusion zone or a bail condition not to enter a place at s[i]
 * ("exclusion zone to include Leyton and Walthamstow", "NOT TO ENTER FERRY
 * ROAD", "excl zone covers Ribbleton"): the zone is drawn around where she
 * lives, works or goes, so the cue and the rest of its clause (to ';',
 * '.', a line break, '(', " - ", at most 160 bytes) go when the clause names
 * something (a capital or a digit). Its [*a, end), or 0.
 */
static const char *const ZONE_CUES[] = {
	"exclusion zone", "exclusion area", "excl zone", "excl. zone", "exclusion zones",
	"not to enter", "not to go within", "not to go into", "not to be within",
	/* s56-never: a bail condition's "not to attend <Street> / <Place>" */
	"not to attend",
	/* s32-never: a second prohibition of the same condition ("Not to
	 * contact <Name> or enter\n<Town>": g_zone asks for "not to" before) */
	"or enter",
	/* s51-never: an order's prohibition ("prohibited from entering the
	 * county of <County>", "must not enter <Town>", a list item
	 * "(3) entering <Town>;" under "prohibited from:"): g_zone asks for
	 * the prohibition before "entering" */
	"entering", "must not enter",
	/* s52-never: a tag's or an order's zones listed under their heading
	 * ("Exclusion requirement (GPS location monitoring):\n  EZ1 - <her
	 * street> ...\n  EZ2 - <her work> ...": g_zone_list) */
	"exclusion requirement",
};

/* Does the line at i open with a list item's marker ("- ", "* ", "1. ",
 * "(2) ", "a) ", a zone's label "EZ1 - ", "Zone 2:", "Area B -")? Returns
 * where the item's text starts, or 0. */
static size_t g_list_item(const unsigned char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	size_t k = i;
	if (k + 1 < n && (s[k] == '-' || s[k] == '*') && s[k + 1] == ' ')
		return k + 2;
	if (k + 3 < n && s[k] == 0xe2 && s[k + 1] == 0x80 && s[k + 2] == 0xa2) /* "\u2022" */
		return k + 3;
	if (k < n && s[k] == '(')
		k++;
	size_t d = k;
	while (k < n && k - d < 3 && g_digit(s[k]))
		k++;
	if (k == d && k < n && s[k] >= 'a' && s[k] <= 'h' && k + 1 < n && s[k + 1] == ')')
		k++; /* "a)" */
	if (k > d && k < n && (s[k] == ')' || s[k] == '.') && k + 1 < n && s[k + 1] == ' ')
		return k + 2;
	/* a zone's label: capitals and a digit ("EZ1", "Z2"), or "Zone"/"Area" and a mark */
	k = i;
	while (k < n && k - i < 3 && s[k] >= 'A' && s[k] <= 'Z')
		k++;
	size_t cap = k - i;
	if (cap >= 1 && (g_has(s, n, i, "zone ") || g_has(s, n, i, "area "))) {
		k = i + 5;
		cap = 1;
	}
	d = k;
	while (k < n && k - d < 2 && (g_digit(s[k]) || (cap && k == d && s[k] >= 'A' && s[k] <= 'Z' &&
	                                                 i + 5 == k)))
		k++;
	if (cap >= 1 && k > d && k < n) {
		while (k < n && s[k] == ' ')
			k++;
		if (k + 1 < n && (s[k] == '-' || s[k] == ':') && s[k + 1] == ' ')
			return k + 2;
	}
	return 0;
}

/* The list of zones under an exclusion's heading, the cue at i opening its
 * line and ending at k, then a bracket's remark (80 bytes at most) and a
 * colon ending the line: from the first item's text to the last item's
 * line end, items one to a line, at most 12 lines within 1200 bytes of the
 * heading; 0 when the next line is no item. */
static size_t g_zone_list(const unsigned char *s, size_t n, size_t i, size_t k, size_t *a)
{
	/* the heading: the cue opens its line (spaces, a bullet before) */
	size_t b = i;
	while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '-' || s[b - 1] == '*'))
		b--;
	if (b > 0 && s[b - 1] != '\n')
		return 0;
	while (k < n && s[k] == ' ')
		k++;
	if (k < n && s[k] == '(') { /* a remark, at most 80 bytes */
		size_t o = k;
		while (k < n && k - o < 80 && s[k] != ')' && s[k] != '\n')
			k++;
		if (k >= n || s[k] != ')')
			return 0;
		k++;
	}
	while (k < n && s[k] == ' ')
		k++;
	if (k >= n || s[k] != ':') /* (a colon ends the heading: "... with an exclusion requirement" does not) */
		return 0;
	k++;
	while (k < n && s[k] == ' ')
		k++;
	if (k >= n || s[k] != '\n')
		return 0;
	size_t line = k + 1, first = 0, e = 0, cap = k + 1200 < n ? k + 1200 : n;
	for (int items = 0; line < cap && items < 12; items++) {
		size_t t = g_list_item(s, cap, line);
		if (t == 0)
			break;
		if (first == 0)
			first = t;
		e = t;
		while (e < cap && s[e] != '\n')
			e++;
		line = e + 1;
	}
	if (first == 0)
		return 0;
	while (e > first && (s[e - 1] == ' ' || s[e - 1] == '\r'))
		e--;
	*a = first;
	return e;
}

/* Does "not to" stand within the 120 bytes before i, in the same sentence
 * (no '.' followed by a space or a line's end between)? */
static int g_not_to_before(const unsigned char *s, size_t i)
{
	for (size_t k = i; k > 0 && i - k < 120; k--) {
		if (s[k - 1] == '.' && (k == i || s[k] == ' ' || s[k] == '\n'))
			return 0;
		if (k >= 6 && g_lower(s[k - 6]) == 'n' && g_lower(s[k - 5]) == 'o' &&
		    g_lower(s[k - 4]) == 't' && s[k - 3] == ' ' && g_lower(s[k - 2]) == 't' &&
		    g_lower(s[k - 1]) == 'o' && (k == 6 || !g_alpha(s[k - 7])))
			return 1;
	}
	return 0;
}

/* Does an order's word stand in the 300 bytes before i ("bail", "order",
 * "condition", "licence", "DVPN", "injunction")? "He must not enter
 * <Town>" names a zone only under one (not "must not go to sleep"). */
static int g_order_before(const unsigned char *s, size_t i)
{
	static const char *const W[] = {"bail", "order", "condition", "licence", "dvpn", "dvpo",
					"injunction", "prohibited", "restrain", "exclusion"};
	for (size_t b = i; b > 0 && i - b < 300; b--)
		for (size_t c = 0; c < sizeof W / sizeof W[0]; c++)
			if (g_lower(s[b - 1]) == (unsigned char)W[c][0] && g_has(s, i, b - 1, W[c]) &&
			    (b == 1 || !g_alpha(s[b - 2])))
				return 1;
	return 0;
}

/* Is "entering" at i an order's prohibition: right after "from"
 * ("prohibited from entering", "barred from entering"), or opening a list's
 * item ("(3) entering ...", "- entering ...") with "prohibited from" or
 * "restrained from" in the 600 bytes before? */
static int g_prohibited_before(const unsigned char *s, size_t i)
{
	size_t k = i;
	while (k > 0 && s[k - 1] == ' ')
		k--;
	/* (an order's word before "from": not "refrained from entering into
	 * a relationship", "stopped him from entering the ward") */
	static const char *const BAR[] = {"prohibited from", "barred from", "banned from",
					  "restrained from", "excluded from", "restricted from"};
	for (size_t c = 0; c < sizeof BAR / sizeof BAR[0]; c++) {
		size_t l = strlen(BAR[c]);
		if (k >= l && g_has(s, k, k - l, BAR[c]) && (k == l || !g_alpha(s[k - l - 1])))
			return 1;
	}
	/* a list item's marker, then its line's start */
	if (k > 0 && (s[k - 1] == ')' || s[k - 1] == '-' || s[k - 1] == '.' || s[k - 1] == '*')) {
		k--;
		while (k > 0 && (g_digit(s[k - 1]) || (s[k - 1] >= 'a' && s[k - 1] <= 'z' && s[k] == ')') ||
		                 s[k - 1] == '('))
			k--;
		while (k > 0 && s[k - 1] == ' ')
			k--;
		if (k > 0 && s[k - 1] != '\n')
			return 0;
		for (size_t b = k; b > 0 && k - b < 600; b--)
			if ((g_lower(s[b - 1]) == 'p' && g_has(s, k, b - 1, "prohibited from")) ||
			    (g_lower(s[b - 1]) == 'r' && g_has(s, k, b - 1, "restrained from")))
				return 1;
	}
	return 0;
}

/* Does the line break at e (after k) wrap a list of places, the line
 * ending in "or", "and" or a comma and the next starting with a capital
 * ("not to enter Seaford or\nBishopstone")? */
static int g_list_wraps(const unsigned char *s, size_t n, size_t k, size_t e)
{
	size_t b = e;
	while (b > k && s[b - 1] == ' ')
		b--;
	if (e + 1 >= n || !(s[e + 1] >= 'A' && s[e + 1] <= 'Z'))
		return 0;
	if (b > k && s[b - 1] == ',')
		return 1;
	int or = b >= k + 3 && s[b - 3] == ' ' && g_lower(s[b - 2]) == 'o' && g_lower(s[b - 1]) == 'r';
	int and = b >= k + 4 && s[b - 4] == ' ' && g_lower(s[b - 3]) == 'a' &&
	          g_lower(s[b - 2]) == 'n' && g_lower(s[b - 1]) == 'd';
	return or || and;
}

static size_t g_zone(const unsigned char *s, size_t n, size_t i, size_t *a)
{
	size_t k = 0;
	for (size_t c = 0; c < sizeof ZONE_CUES / sizeof ZONE_CUES[0]; c++)
		if (g_lower(s[i]) == (unsigned char)ZONE_CUES[c][0] && g_has(s, n, i, ZONE_CUES[c])) {
			size_t l = strlen(ZONE_CUES[c]);
			if (i + l < n && g_alpha(s[i + l]) && s[i + l] != 's')
				continue;
			if (ZONE_CUES[c][0] == 'o' && !g_not_to_before(s, i))
				continue;
			if (ZONE_CUES[c][0] == 'e' && ZONE_CUES[c][1] == 'n' && !g_prohibited_before(s, i))
				continue;
			if (ZONE_CUES[c][0] == 'm' && !g_order_before(s, i))
				continue;
			k = i + l;
			while (k < n && g_alpha(s[k]))
				k++; /* "zones" */
		}
	if (k == 0)
		return 0;
	size_t le;
	if (g_lower(s[i]) == 'e' && g_lower(s[i + 1]) == 'x' && (le = g_zone_list(s, n, i, k, a)) != 0)
		return le;
	if (g_has(s, n, i, "exclusion requirement"))
		return 0; /* (its clause alone, "Exclusion requirement: none", names no zone) */
	while (k < n && (s[k] == ' ' || s[k] == ':' || s[k] == '"'))
		k++; /* (a quote opening the zone's name ends it where it closes) */
	if (k < n && s[k] == '\n' && k + 1 < n && s[k + 1] >= 'A' && s[k + 1] <= 'Z')
		k++; /* "... or enter\n<Town>": a line wrapped after the cue */
	/* (not an appointment or a body: "advised not to attend A&E alone",
	 * "not to attend MARAC") */
	if (g_lower(s[i]) == 'n' && g_has(s, n, i, "not to attend") &&
	    (g_has(s, n, k, "a&e") || g_has(s, n, k, "marac") || g_has(s, n, k, "gp") ||
	     g_has(s, n, k, "court") || g_has(s, n, k, "crown") || g_has(s, n, k, "magistrates")))
		return 0;
	size_t e = k, named = 0;
	while (e < n && e - k < 160 && s[e] != ';' && (s[e] != '\n' || g_list_wraps(s, n, k, e)) &&
	       s[e] != '(' && s[e] != '"' && s[e] != '?' &&
	       !(s[e] == '.' && (e + 1 >= n || s[e + 1] == ' ' || s[e + 1] == '\n')) &&
	       !(s[e] == ' ' && e + 2 < n && s[e + 1] == '-' && s[e + 2] == ' ')) {
		named |= (s[e] >= 'A' && s[e] <= 'Z') || g_digit(s[e]) || s[e] >= 0x80;
		e++;
	}
	while (e > k && s[e - 1] == ' ')
		e--;
	if (!named || e == k)
		return 0;
	*a = i; /* the cue too: "Exclusion zone [...]" still says a zone is drawn near her */
	return e;
}

#define GEO_BIT(ch) (1u << ((ch) - 'a'))
/* The first letters (folded) of the map hosts, of their first two letters */
#define GEO_HOST1 (GEO_BIT('m') | GEO_BIT('g') | GEO_BIT('w') | GEO_BIT('o') | GEO_BIT('b') | \
                   GEO_BIT('e'))
/* and of every cue a form may start with: what3words (w), an exclusion zone
 * or "not to enter" (e, n), a latitude (l), a grid reference (g, n, o). */
#define GEO_FIRST (GEO_HOST1 | GEO_BIT('n') | GEO_BIT('l'))

int geo_scan(const char *text, size_t n, struct spans *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t done = 0; /* nothing starts before this: every form is read once */

	for (size_t i = 0; i < n; i++) {
		if (i < done)
			i = done;
		if (i >= n)
			break;
		unsigned char c = s[i];
		size_t e = 0, a = i;
		const char *rule = NULL;

		if (c == '/') {
			if (i + 3 < n && s[i + 1] == '/' && s[i + 2] == '/' && (i == 0 || s[i - 1] != ':') &&
			    (e = g_w3w_words(s, n, i + 3)) != 0) {
				if (spans_push(out, i, e, SCRUB_LOCATION, "loc:what3words") != 0)
					return MGW_E_NOMEM;
				done = e;
			}
			continue;
		}
		/* every other form starts a word with a letter, a digit or a sign:
		 * one test for most bytes (the middle of a word, a space) */
		if (i > 0 && g_word(s[i - 1])) {
			while (g_word(s[i]) && i + 1 < n && g_word(s[i + 1]))
				i++; /* to the word's end: no form starts inside one */
			continue;
		}
		if (!(g_alpha(c) || g_digit(c) || c == '-' || c == '+'))
			continue;
		unsigned char lc = g_lower(c), c2 = i + 1 < n ? g_lower(s[i + 1]) : 0;
		/* Most words start with a letter no form or cue starts with (and
		 * are no plus code, whose letters are capitals): the word is
		 * skipped whole, its last byte next. */
		if (g_alpha(c) && !((GEO_FIRST >> (lc - 'a')) & 1) && !(c >= 'C' && c <= 'X')) {
			while (i + 1 < n && g_word(s[i + 1]))
				i++;
			continue;
		}

		if ((g_digit(c) || ((c == '-' || c == '+') && i + 1 < n && g_digit(s[i + 1]))) &&
		    (i == 0 || s[i - 1] != '.')) {
			if ((e = g_coordinates(s, n, i)) != 0 || (e = g_dms(s, n, i)) != 0)
				rule = "loc:coordinates";
			else if ((e = g_plus_code(s, n, i)) != 0)
				rule = "loc:plus-code";
		} else if (c >= 'C' && c <= 'X' && g_plus_alpha(c) && i + 1 < n &&
		           g_plus_alpha(s[i + 1]) && (e = g_plus_code(s, n, i)) != 0) {
			rule = "loc:plus-code";
		} else if ((c == '3' || (lc == 'w' && (c2 == 'h' || c2 == '3'))) &&
		           !g_has(s, n, i, "what3words.com") &&
		           !g_has(s, n, i, "w3w.co/") &&
		           (g_has(s, n, i, "what3words") || g_has(s, n, i, "w3w") ||
		            g_has(s, n, i, "what 3 words") || g_has(s, n, i, "3words"))) {
			/* the words within 24 bytes after the cue */
			size_t k = i;
			while (k < n && g_word(s[k]))
				k++;
			for (size_t lim = k + 24; k < n && k < lim && !e; k++)
				if (s[k] >= 'a' && s[k] <= 'z' && !g_word(s[k - 1]) && s[k - 1] != '.' &&
				    (e = g_w3w_words(s, n, k)) != 0)
					a = k;
			if (e)
				rule = "loc:what3words";
		}
		if (rule == NULL && ((lc == 'e' && (c2 == 'x' || c2 == 'n')) || (lc == 'n' && c2 == 'o') ||
				     (lc == 'o' && c2 == 'r') || (lc == 'm' && c2 == 'u')) &&
		    (e = g_zone(s, n, i, &a)) != 0)
			rule = "loc:exclusion-zone";
		if (rule == NULL && lc == 'l' && c2 == 'a' && (e = g_lat_cue(s, n, i)) != 0)
			rule = "loc:coordinates";
		if (rule == NULL &&
		    ((lc == 'g' && c2 == 'r') || (lc == 'n' && c2 == 'g') || (lc == 'o' && c2 == 's')) &&
		    (e = g_grid(s, n, i, &a)) != 0)
			rule = "loc:grid-reference";
		if (rule == NULL && g_alpha(c) && ((GEO_HOST1 >> (lc - 'a')) & 1) &&
		    (i == 0 || !g_url_char(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.')) {
			for (size_t h = 0; h < sizeof MAP_HOSTS / sizeof MAP_HOSTS[0]; h++) {
				if (lc != (unsigned char)MAP_HOSTS[h][0] ||
				    c2 != (unsigned char)MAP_HOSTS[h][1] || !g_has(s, n, i, MAP_HOSTS[h]))
					continue;
				a = i; /* back to the URL's start */
				while (a > 0 && g_url_char(s[a - 1]) && i - a < 16)
					a--;
				e = i;
				while (e < n && g_url_char(s[e]))
					e++;
				while (e > i && (s[e - 1] == '.' || s[e - 1] == ',' || s[e - 1] == ';'))
					e--;
				if (spans_push(out, a, e, SCRUB_LOCATION, "loc:map-link") != 0)
					return MGW_E_NOMEM;
				done = e;
				break;
			}
			continue;
		}
		if (rule != NULL) {
			if (spans_push(out, a, e, SCRUB_LOCATION, rule) != 0)
				return MGW_E_NOMEM;
			done = e;
		}
	}
	return 0;
}

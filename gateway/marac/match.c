/*
 * match.c: blind-index keys, the match_ tables, repeat queries and case
 * references. See match.h for the rule and its reasons.
 *
 * Schema (version 1):
 *   match_case(case_ref PK, marac_area, referral_date TEXT, referral_day INT,
 *              has_perp INT)          one row per recorded referral
 *   match_key(hmac BLOB(32), party INT, kind INT, case_ref)
 *              PK (hmac, party, case_ref), WITHOUT ROWID: lookups by MAC
 *   match_counter(area_code, year, last) PK (area_code, year)
 * Nothing in these tables is an identifier: case refs, areas, dates of
 * referral, MACs and small integers.
 */
#include "match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "caldate.h"
#include "ident.h"
#include "utf8.h"
#include "mgw_err.h"

#define DOMAIN "marac.match.v1"

/* ---- keys ----------------------------------------------------------------- */

struct keyctx {
	const uint8_t *key;
	size_t keylen;
	struct match_keys *out;
	size_t cap;
};

static int add_key(struct keyctx *c, int party, int kind, const char *a, const char *b)
{
	uint8_t buf[512];
	size_t la = strlen(a), lb = b ? strlen(b) : 0, dl = sizeof DOMAIN; /* with NUL */
	if (dl + 2 + la + 1 + lb > sizeof buf)
		return MGW_OK; /* longer than any real identifier: no key */
	size_t n = 0;
	memcpy(buf, DOMAIN, dl);
	n = dl;
	/* A name variant is MACed as a fuzzy key, so that it finds the fuzzy
	 * key of the name it stands for; the stored kind tells them apart. */
	buf[n++] = (uint8_t)(kind == MATCH_KIND_NAME_VARIANT ? MATCH_KIND_FUZZY_NAME_DOB : kind);
	buf[n++] = 0;
	memcpy(buf + n, a, la);
	n += la;
	if (b != NULL) {
		buf[n++] = 0; /* unambiguous pair: neither part contains NUL */
		memcpy(buf + n, b, lb);
		n += lb;
	}
	struct match_key k = {.party = (uint8_t)party, .kind = (uint8_t)kind};
	unsigned int mlen = 0;
	const unsigned char *mac = HMAC(EVP_sha256(), c->key, (int)c->keylen, buf, n, k.hmac, &mlen);
	/* The index keeps only MACs: the identifier does not outlive this call either. */
	OPENSSL_cleanse(buf, n);
	if (mac == NULL || mlen != MATCH_HMAC_LEN)
		return MGW_E_NOMEM;
	struct match_keys *o = c->out;
	for (size_t i = 0; i < o->n; i++)
		if (o->keys[i].party == k.party && !memcmp(o->keys[i].hmac, k.hmac, MATCH_HMAC_LEN))
			return MGW_OK;
	if (o->n == MATCH_MAX_KEYS)
		return MGW_E_TOO_LARGE;
	if (o->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		struct match_key *nk = realloc(o->keys, cap * sizeof *nk);
		if (nk == NULL)
			return MGW_E_NOMEM;
		o->keys = nk;
		c->cap = cap;
	}
	o->keys[o->n++] = k;
	if (party == MATCH_VICTIM)
		o->n_victim++;
	else
		o->n_perp++;
	return MGW_OK;
}

/* qsort comparator over word pointers. */
static int word_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The canonical name key: the folded words sorted, so that "O'SULLIVAN,
 * Siobhan" and "Siobhan O'Sullivan" (surname first on police systems,
 * forename first on most others) are one key. folded is split in place.
 * out has at least strlen(folded) + 1 bytes. Returns the length.
 */
static size_t name_canon(char *folded, char *out)
{
	char *w[MATCH_NAME_WORDS_MAX];
	size_t nw = 0, o = 0;
	for (char *s = folded; *s;) {
		w[nw++] = s;
		if (nw == MATCH_NAME_WORDS_MAX)
			break; /* the last word keeps the rest: lossless */
		char *sp = strchr(s, ' ');
		if (sp == NULL)
			break;
		*sp = '\0';
		s = sp + 1;
	}
	qsort(w, nw, sizeof *w, word_cmp);
	for (size_t i = 0; i < nw; i++) {
		size_t l = strlen(w[i]);
		if (i > 0)
			out[o++] = ' ';
		memcpy(out + o, w[i], l);
		o += l;
	}
	out[o] = '\0';
	return o;
}

/*
 * The phonetic code of one folded word into out[outlen]: Soundex's
 * consonant classes (b f p v = 1; c g j k q s x z = 2; d t = 3; l = 4;
 * m n = 5; r = 6), the first letter coded too, and each run of vowels
 * (a e i o u y) as one '0'; h and w are silent (they neither code nor
 * split a run); a class repeated within a run ("nn", "ck") codes once.
 * Keeping the vowel runs, where Soundex drops them and cuts at four, is
 * what keeps "Brian" (1605) apart from "Bruno" (16050) (twins share a DOB
 * and a surname) while "Siobhan" and "Shevaun" (20105), "Catherine" and
 * "Katherine", "Philips" and "Fillips", "Mohammed" and "Muhammad" agree.
 * Non-letters are skipped. Returns the length (0: no letters, or no room).
 */
static size_t phonetic_word(const char *w, size_t n, char *out, size_t outlen)
{
	static const char cls[26] = {'0', '1', '2', '3', '0', '1', '2', 'h', '0', '2', '2', '4', '5',
				     '5', '0', '1', '2', '6', '2', '3', '0', '1', 'h', '2', '0', '2'};
	size_t o = 0;
	char last = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = w[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (ch < 'a' || ch > 'z')
			continue;
		char d = cls[ch - 'a'];
		if (d == 'h' || d == last)
			continue;
		if (o + 1 >= outlen)
			return 0;
		out[o++] = d;
		last = d;
	}
	out[o] = '\0';
	return o;
}

/*
 * The phonetic key of a canonical name (words sorted, space separated):
 * each word's code, the codes sorted again (coding may reorder them) and
 * joined (a word longer than 31 codes is left out). Returns the length, 0
 * if no word coded.
 */
static size_t name_phonetic(const char *canon, char *out, size_t outlen)
{
	char codes[MATCH_NAME_WORDS_MAX][32];
	char *ptr[MATCH_NAME_WORDS_MAX];
	size_t nc = 0, o = 0;
	for (const char *s = canon; *s && nc < MATCH_NAME_WORDS_MAX;) {
		size_t l = strcspn(s, " ");
		if (phonetic_word(s, l, codes[nc], sizeof codes[nc]) > 0) {
			ptr[nc] = codes[nc];
			nc++;
		}
		s += l;
		while (*s == ' ')
			s++;
	}
	qsort(ptr, nc, sizeof *ptr, word_cmp);
	for (size_t i = 0; i < nc; i++) {
		size_t l = strlen(ptr[i]);
		if (o + l + 2 > outlen)
			break;
		if (i > 0)
			out[o++] = ' ';
		memcpy(out + o, ptr[i], l);
		o += l;
	}
	if (outlen > 0)
		out[o] = '\0';
	return o;
}

/*
 * Name variants (match.h "Name variants"): the keys a name written in full
 * gives for the shorter or differently spaced forms other agencies write,
 * each canonical (words sorted) + dob, stored as MATCH_KIND_NAME_VARIANT:
 * every word dropped in turn (three words or more: a middle name, one part
 * of a double-barrelled or Spanish surname, "ap"); every two neighbouring
 * words joined ("O Sullivan", "Xiu Ying"); every word of two letters or
 * more cut to its initial ("J. Okafor"); and the canonical name with the
 * DOB's day and month swapped (a DOB typed the other way round). A variant
 * is MACed as a fuzzy key, so it finds the name written that way (whose
 * canonical fuzzy key it equals); match_query never matches two variants
 * with each other, so "Jessica Doe" and "Jennifer Doe" (both "j doe") or
 * "Grace Anne Doe" and "Holly Anne Doe" (both "anne doe") stay apart.
 * Variants shorter than MATCH_FUZZY_MIN_LEN make no key; when the cap is
 * near they are all left out (they come last).
 */
static int name_variants(struct keyctx *c, int party, const char *written, const char *canon,
			 const char *dob)
{
	char folded[256], tmp[256], var[256];
	char *w[MATCH_NAME_WORDS_MAX];
	size_t nw = 0;
	int rc = MGW_OK;

	if (strlen(written) >= sizeof folded)
		return MGW_OK;
	strcpy(folded, written);
	for (char *s = folded; *s && nw < MATCH_NAME_WORDS_MAX;) {
		w[nw++] = s;
		char *sp = strchr(s, ' ');
		if (sp == NULL || nw == MATCH_NAME_WORDS_MAX)
			break;
		*sp = '\0';
		s = sp + 1;
	}
	if (c->out->n + 3 * nw + 2 > MATCH_MAX_KEYS)
		goto out;
	/* kind 0 drop word j, 1 join j and j + 1, 2 cut j to its initial */
	for (int kind = 0; kind < 3 && rc == MGW_OK; kind++) {
		for (size_t j = 0; j < nw && rc == MGW_OK; j++) {
			if ((kind == 0 && nw < 3) || (kind == 1 && j + 1 >= nw) ||
			    (kind == 2 && (nw < 2 || strlen(w[j]) < 2 || w[j][0] < 'a' ||
					   w[j][0] > 'z')))
				continue;
			size_t o = 0;
			for (size_t i = 0; i < nw; i++) {
				if (kind == 0 && i == j)
					continue;
				size_t l = kind == 2 && i == j ? 1 : strlen(w[i]);
				if (o > 0 && !(kind == 1 && i == j + 1))
					tmp[o++] = ' ';
				memcpy(tmp + o, w[i], l);
				o += l;
			}
			tmp[o] = '\0';
			if (o < MATCH_FUZZY_MIN_LEN)
				continue;
			name_canon(tmp, var);
			rc = add_key(c, party, MATCH_KIND_NAME_VARIANT, var, dob);
		}
	}
	/* dob is YYYY-MM-DD (ident_date_parse): the swap is a date only if the day is a month */
	int day = 0, mon = 0;
	if (strlen(dob) == 10) {
		day = (dob[8] - '0') * 10 + (dob[9] - '0');
		mon = (dob[5] - '0') * 10 + (dob[6] - '0');
	}
	if (rc == MGW_OK && day >= 1 && day <= 12 && day != mon) {
		char sw[11];
		memcpy(sw, dob, sizeof sw);
		memcpy(sw + 5, dob + 8, 2);
		memcpy(sw + 8, dob + 5, 2);
		rc = add_key(c, party, MATCH_KIND_NAME_VARIANT, canon, sw);
		OPENSSL_cleanse(sw, sizeof sw);
	}
out:
	OPENSSL_cleanse(folded, sizeof folded);
	OPENSSL_cleanse(tmp, sizeof tmp);
	OPENSSL_cleanse(var, sizeof var);
	return rc;
}

/*
 * One folded name: the name-based keys, over the name as written (the
 * index of version 1) and over its canonical word order.
 * fuzzy (full name only) adds the deletion neighbourhood of the canonical
 * name with the DOB: the name itself and the name with any one byte
 * deleted. Two names within one edit (substitution, insertion, deletion or
 * a swap of neighbours: "Bryan"/"Brian") share one of these keys, which is
 * how a MAC can find a near miss without the index holding the name.
 */
static int name_keys_folded(struct keyctx *c, int party, const char *written,
			    const char *postcode, const char *dob, int fuzzy)
{
	char folded[256], canon[256], var[256], tmp[256];
	int rc = MGW_OK;
	strcpy(folded, written); /* name_canon splits it */
	if (postcode[0])
		rc = add_key(c, party, MATCH_KIND_POSTCODE_NAME, postcode, folded);
	if (rc == MGW_OK && dob[0])
		rc = add_key(c, party, MATCH_KIND_NAME_DOB, folded, dob);
	size_t cl = name_canon(folded, canon);
	if (rc == MGW_OK && postcode[0])
		rc = add_key(c, party, MATCH_KIND_POSTCODE_NAME, postcode, canon);
	if (rc == MGW_OK && dob[0])
		rc = add_key(c, party, MATCH_KIND_NAME_DOB, canon, dob);
	/* Fuzzy keys are a bonus: when the cap is near they are left out
	 * rather than refuse a referral whose exact keys all fit. */
	/* The phonetic key: for spellings more than one edit apart that sound
	 * alike ("Siobhan"/"Shevaun"); one key, so kept whenever there is room. */
	if (rc == MGW_OK && fuzzy && dob[0] && cl >= MATCH_FUZZY_MIN_LEN &&
	    c->out->n < MATCH_MAX_KEYS && name_phonetic(canon, var, sizeof var) > 0)
		rc = add_key(c, party, MATCH_KIND_PHONETIC_NAME_DOB, var, dob);
	if (rc == MGW_OK && fuzzy && dob[0] && cl >= MATCH_FUZZY_MIN_LEN &&
	    c->out->n + cl + 1 <= MATCH_MAX_KEYS) {
		rc = add_key(c, party, MATCH_KIND_FUZZY_NAME_DOB, canon, dob);
		for (size_t i = 0; rc == MGW_OK && i < cl; i++) {
			/* Re-sorted after the edit: "Mairi MacDonald" sorts as
			 * "macdonald mairi" but "Mairi McDonald" as "mairi
			 * mcdonald"; an edit may move its word. */
			memcpy(tmp, canon, i);
			memcpy(tmp + i, canon + i + 1, cl - i); /* with the NUL */
			name_canon(tmp, var);
			rc = add_key(c, party, MATCH_KIND_FUZZY_NAME_DOB, var, dob);
		}
	}
	if (rc == MGW_OK && fuzzy && dob[0])
		rc = name_variants(c, party, written, canon, dob);
	OPENSSL_cleanse(folded, sizeof folded);
	OPENSSL_cleanse(canon, sizeof canon);
	OPENSSL_cleanse(var, sizeof var);
	OPENSSL_cleanse(tmp, sizeof tmp);
	return rc;
}

/*
 * The folded name without its titles ("mrs jane doe", "doe jane miss" ->
 * "jane doe", "doe jane") into out[outlen], when it had one and two words
 * or more are left; else 0. Health and housing systems keep the title in
 * the name field, police and IDVA systems do not.
 */
static size_t name_untitled(const char *folded, char *out, size_t outlen)
{
	static const char *const titles[] = {"mr",  "mrs", "ms",  "miss", "mx",   "dr",
					     "prof", "rev", "revd", "sir", "dame", "master"};
	size_t o = 0, nw = 0, dropped = 0;
	for (const char *s = folded; *s;) {
		size_t l = strcspn(s, " ");
		int title = 0;
		for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
			title |= strlen(titles[i]) == l && memcmp(s, titles[i], l) == 0;
		if (title) {
			dropped++;
		} else {
			if (o + (o > 0) + l + 1 > outlen)
				return 0;
			if (o > 0)
				out[o++] = ' ';
			memcpy(out + o, s, l);
			o += l;
			nw++;
		}
		s += l;
		while (*s == ' ')
			s++;
	}
	out[o] = '\0';
	return dropped > 0 && nw >= 2 ? o : 0;
}

/* A folded name that stands for nobody ("unknown", "n k", "unknown male"). */
static int name_placeholder(const char *folded)
{
	static const char *const none[] = {
		"unknown",	 "not known",	   "nk",	    "n k",	  "unk",
		"tbc",		 "tba",		   "none",	    "na",	  "n a",
		"anon",		 "anonymous",	   "unnamed",	    "no name",	  "name unknown",
		"unknown male", "unknown female", "unknown man", "unknown woman", "male",
		"female",	 "person unknown", "not given",    "withheld",  "not recorded"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
		if (strcmp(folded, none[i]) == 0)
			return 1;
	return 0;
}

/*
 * One folded name's keys, and those of the name without its titles when it
 * has one: "Mrs Jane Doe" is Jane Doe (match.h). fuzzy goes to the
 * untitled name when there is one. A placeholder makes no key.
 */
static int name_keys_untitled(struct keyctx *c, int party, const char *folded,
			      const char *postcode, const char *dob, int fuzzy)
{
	char untitled[256];
	size_t ul = name_untitled(folded, untitled, sizeof untitled);
	int rc = MGW_OK;
	if (name_placeholder(ul > 0 ? untitled : folded))
		return MGW_OK;
	rc = name_keys_folded(c, party, folded, postcode, dob, fuzzy && ul == 0);
	if (rc == MGW_OK && ul > 0)
		rc = name_keys_folded(c, party, untitled, postcode, dob, fuzzy);
	OPENSSL_cleanse(untitled, sizeof untitled);
	return rc;
}

/*
 * Where a name field names other names: the word that starts one ("nee"
 * (née), "aka", "formerly", "alias"), 1; else 0.
 */
static int name_part_word(const char *w, size_t l)
{
	static const char *const words[] = {"nee", "aka", "formerly", "alias"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == l && memcmp(w, words[i], l) == 0)
			return 1;
	return 0;
}

/*
 * One name (full name or alias), as written. A name field holding other
 * names ("Jane DOE (née SMITH)", "Jane Doe aka Jane Smith") is also keyed
 * as its first name (of two words or more) and each other name as an
 * alias; an other name of one word (a maiden surname) stands for each word
 * of the first name in turn ("jane smith", "smith doe"): which word is the
 * surname depends on who wrote it.
 */
static int name_keys(struct keyctx *c, int party, const char *name, const char *postcode,
		     const char *dob, int fuzzy)
{
	char folded[256], part[256], alt[256];
	const char *starts[MATCH_NAME_WORDS_MAX];
	size_t lens[MATCH_NAME_WORDS_MAX], np = 0;
	int rc = MGW_OK;
	/* Names too long to fold into the buffer (> 255 bytes) make no key. */
	if (name == NULL || ident_name_fold(name, strlen(name), folded, sizeof folded) <= 0)
		return MGW_OK;
	/* split at the part words: starts[i], lens[i] */
	starts[0] = folded;
	for (const char *s = folded; *s && np + 1 < MATCH_NAME_WORDS_MAX;) {
		size_t l = strcspn(s, " ");
		if (name_part_word(s, l) && s > starts[np] && s[l] == ' ') {
			lens[np] = (size_t)(s - starts[np]) - 1; /* without the space */
			starts[++np] = s + l + 1;
		}
		s += l;
		while (*s == ' ')
			s++;
	}
	lens[np] = strlen(starts[np]);
	np++;
	/* The field as written first: "Chinedu Aka Okafor" may be a name. */
	rc = name_keys_untitled(c, party, folded, postcode, dob, fuzzy);
	memcpy(part, starts[0], lens[0]);
	part[lens[0]] = '\0';
	if (np == 1 || memchr(part, ' ', lens[0]) == NULL) /* one word is no name */
		goto out;
	if (rc == MGW_OK)
		rc = name_keys_untitled(c, party, part, postcode, dob, 0);
	for (size_t i = 1; rc == MGW_OK && i < np; i++) {
		if (lens[i] == 0)
			continue;
		if (memchr(starts[i], ' ', lens[i]) != NULL) { /* a full name */
			memcpy(alt, starts[i], lens[i]);
			alt[lens[i]] = '\0';
			rc = name_keys_untitled(c, party, alt, postcode, dob, 0);
			continue;
		}
		/* one word: in place of each word of the first name */
		for (const char *w = part; rc == MGW_OK && *w;) {
			size_t l = strcspn(w, " "), o = (size_t)(w - part);
			if (o + lens[i] + strlen(w + l) + 1 <= sizeof alt) {
				memcpy(alt, part, o);
				memcpy(alt + o, starts[i], lens[i]);
				strcpy(alt + o + lens[i], w + l);
				rc = name_keys_untitled(c, party, alt, postcode, dob, 0);
			}
			w += l;
			while (*w == ' ')
				w++;
		}
	}
out:
	OPENSSL_cleanse(folded, sizeof folded);
	OPENSSL_cleanse(part, sizeof part);
	OPENSSL_cleanse(alt, sizeof alt);
	return rc;
}

/*
 * The person's postcode and i-th date of birth (0: date_of_birth, 1..:
 * other_dobs[i-1]), normalised. Returns 0 while i names a DOB slot, -1
 * past the last one.
 */
static int person_norm(const Marac__V1__Person *p, size_t i, char postcode[9], char dob[11])
{
	/* ident leaves out[] empty on failure: an empty part makes no key. */
	postcode[0] = dob[0] = '\0';
	if (i > p->n_other_dobs)
		return -1;
	if (p->address && p->address->postcode)
		ident_postcode_norm(p->address->postcode, strlen(p->address->postcode), postcode);
	/* NHS pseudo-postcodes (ZZ99 3VZ no fixed abode, ZZ99 3WZ ...) are no address */
	if (strncmp(postcode, "ZZ99", 4) == 0)
		postcode[0] = '\0';
	const char *d = i == 0 ? p->date_of_birth : p->other_dobs[i - 1];
	if (d)
		ident_date_parse(d, strlen(d), dob);
	/* "date not known" as systems default it: no person's DOB */
	if (strcmp(dob, "1900-01-01") == 0 || strcmp(dob, "1901-01-01") == 0)
		dob[0] = '\0';
	return 0;
}

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
 * Where the number starts after a label ("Mob: ", "Tel. ", "home "): a run
 * of letters and dots, spaces or a ':' after it, then a digit, '+' or '(';
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
	while (j < n && (s[j] == ' ' || s[j] == ':'))
		j++;
	if (j == i || j == n || !((s[j] >= '0' && s[j] <= '9') || s[j] == '+' || s[j] == '('))
		return 0;
	return j;
}

/* The length without a trailing note in brackets of letters only ("(mobile)", "(mum's)"). */
static size_t phone_note(const char *s, size_t n)
{
	size_t e = n;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (e == 0 || s[e - 1] != ')')
		return n;
	size_t b = e - 1;
	while (b > 0 && s[b - 1] != '(') {
		char ch = s[b - 1];
		if (!(is_letter(ch) || ch == ' ' || ch == '\'' || ch == '.' || ch == '-'))
			return n;
		b--;
	}
	return b > 0 && b + 1 < e ? b - 1 : n;
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
 * A phones[] entry as its key (match.h "Phones"): E.164, with ";ext=N"
 * when it names an extension. A national number written without its trunk
 * 0 (ten digits, "7700900123", as systems storing numbers as integers keep
 * it) is read as if the 0 were there: in a phone field it can be nothing
 * else. Returns 0, or MGW_E_INVALID (no key).
 */
static int phone_key(const char *in, char out[MATCH_PHONE_KEY_MAX])
{
	char a[64], ext[8], num[66];
	size_t n = phone_ascii(in, a, sizeof a);
	int rc = MGW_E_INVALID;
	out[0] = '\0';
	if (n == 0)
		goto out;
	size_t from = phone_label(a, n);
	memmove(a, a + from, n - from + 1);
	n -= from;
	n = phone_note(a, n);
	while (n > 0 && a[n - 1] == ' ')
		n--;
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
	if (ext[0])
		snprintf(out + strlen(out), MATCH_PHONE_KEY_MAX - strlen(out), ";ext=%s", ext);
	rc = MGW_OK;
out:
	OPENSSL_cleanse(a, sizeof a);
	OPENSSL_cleanse(num, sizeof num);
	return rc;
}

/*
 * An nhs_number field as its 10 digits if they pass mod 11: ident.h's
 * shapes, or the digits with any spaces, dashes and dots between them
 * ("999 000-0034", "999.000.0042"): in this field they can be nothing else,
 * and the check digit still refuses a typo.
 */
static int nhs_key(const char *in, char out[11])
{
	char d[11];
	size_t nd = 0;
	if (ident_nhs_valid(in, strlen(in), out) == 0)
		return MGW_OK;
	for (const char *s = in; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (nd == 10)
				return MGW_E_INVALID;
			d[nd++] = *s;
		} else if (!strchr(" \t-.", *s)) {
			return MGW_E_INVALID;
		}
	}
	d[nd] = '\0';
	int rc = nd == 10 ? ident_nhs_valid(d, nd, out) : MGW_E_INVALID;
	OPENSSL_cleanse(d, sizeof d);
	return rc;
}

/*
 * An ni_number field's keys: the number with its suffix as ident.h
 * normalises it ("JT123456A"), and the two letters and six digits alone
 * ("JT123456"), which is how many systems store it; a number given without
 * its suffix makes the second only. Validated by ident_nino_valid (with a
 * stand-in suffix when none was given). Returns how many keys are in
 * with[10] and bare[9]: 0 (invalid), 1 (bare only) or 2.
 */
static int nino_keys(const char *in, char with[10], char bare[9])
{
	char b[12];
	size_t k = 0;
	with[0] = bare[0] = '\0';
	/* spaces, dashes and dots between the parts ("JT-12-34-56-A") */
	for (const char *s = in; *s; s++) {
		if (strchr(" \t-.", *s))
			continue;
		if (k == 9)
			return 0;
		b[k++] = *s;
	}
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
 * The keys of one phones[] entry: it may hold several numbers separated by
 * '/', ',' or ';' ("01632 960321 / 07700 900321"), each keyed on its own.
 * v (MATCH_PHONE_KEY_MAX) is scratch. Returns 0 or add_key's error.
 */
static int phone_entry_keys(struct keyctx *c, int party, const char *entry, char *v)
{
	char part[64];
	int rc = MGW_OK;
	for (const char *s = entry; rc == MGW_OK;) {
		size_t l = strcspn(s, "/,;");
		if (l < sizeof part) {
			memcpy(part, s, l);
			part[l] = '\0';
			if (phone_key(part, v) == 0)
				rc = add_key(c, party, MATCH_KIND_PHONE, v, NULL);
		}
		if (s[l] == '\0')
			break;
		s += l + 1;
	}
	OPENSSL_cleanse(part, sizeof part);
	return rc;
}

static int person_keys_in(struct keyctx *c, int party, const Marac__V1__Person *p,
			  char v[MATCH_PHONE_KEY_MAX],
			  char postcode[9], char dob[11])
{
	int rc;

	for (size_t i = 0; i < p->n_phones; i++)
		if (p->phones[i] && (rc = phone_entry_keys(c, party, p->phones[i], v)))
			return rc;
	if (p->nhs_number && nhs_key(p->nhs_number, v) == 0 &&
	    (rc = add_key(c, party, MATCH_KIND_NHS, v, NULL)))
		return rc;
	if (p->ni_number) {
		char bare[9];
		int nk = nino_keys(p->ni_number, v, bare);
		rc = MGW_OK;
		if (nk == 2)
			rc = add_key(c, party, MATCH_KIND_NINO, v, NULL);
		if (rc == MGW_OK && nk > 0)
			rc = add_key(c, party, MATCH_KIND_NINO, bare, NULL);
		OPENSSL_cleanse(bare, sizeof bare);
		if (rc)
			return rc;
	}
	/* Every date of birth recorded: one agency's DOB may be another's "other". */
	for (size_t d = 0; person_norm(p, d, postcode, dob) == 0; d++) {
		if ((rc = name_keys(c, party, p->full_name, postcode, dob, 0)))
			return rc;
		for (size_t i = 0; i < p->n_aliases; i++)
			if ((rc = name_keys(c, party, p->aliases[i], postcode, dob, 0)))
				return rc;
	}
	return MGW_OK;
}

/* person_keys_in with its normalised identifiers wiped afterwards, whatever happened. */
static int person_keys(struct keyctx *c, int party, const Marac__V1__Person *p)
{
	char v[MATCH_PHONE_KEY_MAX] = "", postcode[9] = "", dob[11] = "";
	int rc = person_keys_in(c, party, p, v, postcode, dob);
	OPENSSL_cleanse(v, sizeof v);
	OPENSSL_cleanse(postcode, sizeof postcode);
	OPENSSL_cleanse(dob, sizeof dob);
	return rc;
}

/* The fuzzy keys of a person's full name (after every exact key: see name_keys). */
static int person_fuzzy_keys(struct keyctx *c, int party, const Marac__V1__Person *p)
{
	char postcode[9] = "", dob[11] = "";
	int rc = MGW_OK;
	/* "": no postcode keys here, person_keys made them. */
	for (size_t d = 0; rc == MGW_OK && person_norm(p, d, postcode, dob) == 0; d++)
		rc = name_keys(c, party, p->full_name, "", dob, 1);
	OPENSSL_cleanse(postcode, sizeof postcode);
	OPENSSL_cleanse(dob, sizeof dob);
	return rc;
}

int match_keys(const Marac__V1__Person *victim, const Marac__V1__Person *const *perps,
	       size_t n_perps, const uint8_t *hmac_key, size_t keylen, struct match_keys *out)
{
	struct keyctx c = {.key = hmac_key, .keylen = keylen, .out = out};
	int rc = MGW_E_INVALID;

	memset(out, 0, sizeof *out);
	if (victim == NULL || hmac_key == NULL || keylen < MATCH_KEY_MIN || keylen > 1024 ||
	    n_perps > MATCH_MAX_PERPETRATORS || (n_perps > 0 && perps == NULL))
		goto fail;
	if ((rc = person_keys(&c, MATCH_VICTIM, victim)) != MGW_OK)
		goto fail;
	for (size_t i = 0; i < n_perps; i++)
		if (perps[i] != NULL && (rc = person_keys(&c, MATCH_PERPETRATOR, perps[i])) != MGW_OK)
			goto fail;
	if ((rc = person_fuzzy_keys(&c, MATCH_VICTIM, victim)) != MGW_OK)
		goto fail;
	for (size_t i = 0; i < n_perps; i++)
		if (perps[i] != NULL &&
		    (rc = person_fuzzy_keys(&c, MATCH_PERPETRATOR, perps[i])) != MGW_OK)
			goto fail;
	return MGW_OK;
fail:
	match_keys_free(out);
	return rc;
}

void match_keys_free(struct match_keys *k)
{
	if (k == NULL)
		return;
	if (k->keys != NULL)
		OPENSSL_cleanse(k->keys, k->n * sizeof *k->keys);
	free(k->keys);
	memset(k, 0, sizeof *k);
}

/* ---- kinds and strength -------------------------------------------------- */

const char *match_kind_name(int kind)
{
	switch (kind) {
	case MATCH_KIND_PHONE:
		return "phone";
	case MATCH_KIND_NHS:
		return "nhs_number";
	case MATCH_KIND_NINO:
		return "ni_number";
	case MATCH_KIND_POSTCODE_NAME:
		return "postcode_name";
	case MATCH_KIND_NAME_DOB:
		return "name_dob";
	case MATCH_KIND_FUZZY_NAME_DOB:
		return "fuzzy_name";
	case MATCH_KIND_PHONETIC_NAME_DOB:
		return "phonetic_name";
	default:
		return NULL;
	}
}

int match_strength(unsigned victim_kinds)
{
	const unsigned person = (1u << MATCH_KIND_NHS) | (1u << MATCH_KIND_NINO) |
				(1u << MATCH_KIND_NAME_DOB);
	const unsigned phone = 1u << MATCH_KIND_PHONE;
	/* A phone is a household's or a handset's: strong with a name (match.h). */
	if ((victim_kinds & person) || ((victim_kinds & phone) && (victim_kinds & ~phone)))
		return MATCH_STRONG;
	return victim_kinds ? MATCH_WEAK : MATCH_NONE;
}

/* ---- storage ------------------------------------------------------------- */

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS match_case("
	" case_ref TEXT PRIMARY KEY NOT NULL,"
	" marac_area TEXT NOT NULL,"
	" referral_date TEXT NOT NULL,"
	" referral_day INTEGER NOT NULL,"
	" has_perp INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS match_key("
	" hmac BLOB NOT NULL CHECK(length(hmac) = 32),"
	" party INTEGER NOT NULL,"
	" kind INTEGER NOT NULL,"
	" case_ref TEXT NOT NULL REFERENCES match_case(case_ref) ON DELETE CASCADE,"
	" PRIMARY KEY(hmac, party, case_ref)) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS match_key_case ON match_key(case_ref);"
	"CREATE TABLE IF NOT EXISTS match_counter("
	" area_code TEXT NOT NULL,"
	" year INTEGER NOT NULL,"
	" last INTEGER NOT NULL,"
	" PRIMARY KEY(area_code, year));";

int match_schema(sqlite3 *db)
{
	return sqlite3_exec(db, schema_sql, NULL, NULL, NULL) == SQLITE_OK ? MGW_OK : MGW_E_DB;
}

static int sp_begin(sqlite3 *db, const char *name)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SAVEPOINT %s", name);
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? MGW_OK : MGW_E_DB;
}

static int sp_end(sqlite3 *db, const char *name, int ok)
{
	char sql[96];
	if (ok) {
		snprintf(sql, sizeof sql, "RELEASE %s", name);
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
			return MGW_OK;
	}
	snprintf(sql, sizeof sql, "ROLLBACK TO %s; RELEASE %s", name, name);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	return MGW_E_DB;
}

int match_record(sqlite3 *db, const char *case_ref, const char *area,
		 const char *referral_date, const struct match_keys *k)
{
	sqlite3_stmt *st = NULL;
	int32_t day;
	int rc;

	if (case_ref == NULL || !case_ref[0] || area == NULL || !area[0] ||
	    caldate_parse(referral_date, &day) != 0)
		return MGW_E_INVALID;
	if ((rc = sp_begin(db, "match_record")) != MGW_OK)
		return rc;
	rc = MGW_E_DB;
	if (sqlite3_prepare_v2(db, "INSERT INTO match_case VALUES(?,?,?,?,?)", -1, &st, NULL))
		goto fail;
	sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, area, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, referral_date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, day);
	sqlite3_bind_int(st, 5, k->n_perp > 0);
	int s = sqlite3_step(st);
	if (s != SQLITE_DONE) {
		if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_PRIMARYKEY)
			rc = MGW_E_CONFLICT;
		goto fail;
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO match_key VALUES(?,?,?,?)", -1, &st,
			       NULL))
		goto fail;
	for (size_t i = 0; i < k->n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_blob(st, 1, k->keys[i].hmac, MATCH_HMAC_LEN, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, k->keys[i].party);
		sqlite3_bind_int(st, 3, k->keys[i].kind);
		sqlite3_bind_text(st, 4, case_ref, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			goto fail;
	}
	sqlite3_finalize(st);
	return sp_end(db, "match_record", 1);
fail:
	sqlite3_finalize(st);
	sp_end(db, "match_record", 0);
	return rc;
}

int match_forget(sqlite3 *db, const char *case_ref)
{
	sqlite3_stmt *st = NULL;
	int rc, changed = 0;
	if ((rc = sp_begin(db, "match_forget")) != MGW_OK)
		return rc;
	static const char *const sql[2] = {"DELETE FROM match_key WHERE case_ref = ?",
					   "DELETE FROM match_case WHERE case_ref = ?"};
	for (int i = 0; i < 2; i++) {
		if (sqlite3_prepare_v2(db, sql[i], -1, &st, NULL) != SQLITE_OK)
			goto fail;
		sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			goto fail;
		changed = sqlite3_changes(db);
		sqlite3_finalize(st);
		st = NULL;
	}
	if ((rc = sp_end(db, "match_forget", 1)) != MGW_OK)
		return rc;
	return changed ? MGW_OK : MGW_E_NOTFOUND;
fail:
	sqlite3_finalize(st);
	sp_end(db, "match_forget", 0);
	return MGW_E_DB;
}

int match_next_case_ref(sqlite3 *db, const char *area_code, int year, char *out,
			size_t outlen)
{
	sqlite3_stmt *st = NULL;
	size_t n = area_code ? strlen(area_code) : 0;
	int rc;

	if (outlen > 0)
		out[0] = '\0';
	if (n < 1 || n > 8 || year < CALDATE_EVENT_YEAR_MIN || year > CALDATE_YEAR_MAX ||
	    outlen < n + 12)
		return MGW_E_INVALID;
	for (size_t i = 0; i < n; i++)
		if (!((area_code[i] >= 'A' && area_code[i] <= 'Z') ||
		      (area_code[i] >= '0' && area_code[i] <= '9')))
			return MGW_E_INVALID;
	if ((rc = sp_begin(db, "match_case_ref")) != MGW_OK)
		return rc;
	/* The UPSERT is the first statement: it takes the write lock, so the
	 * read that follows sees a number no other writer can also get. */
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO match_counter VALUES(?1, ?2, 1) "
			       "ON CONFLICT(area_code, year) DO UPDATE SET last = last + 1",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, area_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, "SELECT last FROM match_counter WHERE area_code=? AND year=?",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, area_code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	if (sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	sqlite3_int64 last = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (last < 1 || last > 99999999 ||
	    (size_t)snprintf(out, outlen, "%s-%04d-%04lld", area_code, year, (long long)last) >=
		    outlen)
		goto fail;
	return sp_end(db, "match_case_ref", 1);
fail:
	sqlite3_finalize(st);
	sp_end(db, "match_case_ref", 0);
	if (outlen > 0)
		out[0] = '\0';
	return MGW_E_DB;
}

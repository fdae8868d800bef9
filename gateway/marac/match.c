/*
 * match.c: blind-index keys, the match_ tables, repeat queries and case
 * references. See match.h for the rule and its reasons. The identifier
 * fields are read by match_fields.c (match_int.h), names here.
 *
 * Schema (version 1):
 *   match_case(case_ref PK, marac_area, referral_date TEXT, referral_day INT,
 *              has_perp INT)          one row per recorded referral
 *   match_key(hmac BLOB(32), party INT, kind INT, case_ref)
 *              PK (hmac, party, case_ref), WITHOUT ROWID: lookups by MAC
 *              (kind 8, a name variant, since h-match2: rows of older
 *              databases are as they were and keep matching)
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
#include "match_int.h"
#include "mgw_err.h"
#include "utf8.h"

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
 * more cut to its initial ("J. Okafor"), and, for three words or more, all
 * words but one cut ("A B Smith"); and the canonical name with the
 * DOB's day and month swapped (a DOB typed the other way round). A variant
 * is MACed as a fuzzy key, so it finds the name written that way (whose
 * canonical fuzzy key it equals); match_query never matches two variants
 * with each other, so "Jessica Doe" and "Jennifer Doe" (both "j doe") or
 * "Grace Anne Doe" and "Holly Anne Doe" (both "anne doe") stay apart.
 * Variants shorter than MATCH_FUZZY_MIN_LEN make no key; when the cap is
 * near they are all left out (they come last).
 */
/* A folded word that can be cut to its initial: two letters or more, a Latin first letter. */
static int initialable(const char *w)
{
	return strlen(w) >= 2 && w[0] >= 'a' && w[0] <= 'z';
}

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
	/* kind 4 below: names of three or four words (6 or 12 pairs) */
	size_t pairs = nw >= 3 && nw <= 4 ? nw * (nw - 1) : 0;
	if (c->out->n + 4 * nw + pairs + 2 > MATCH_MAX_KEYS)
		goto out;
	/* kind 0 drop word j, 1 join j and j + 1, 2 cut j to its initial,
	 * 3 cut every word but j to its initial ("A B SMITH", as health
	 * systems print forenames; three words or more, two cut at least) */
	for (int kind = 0; kind < 4 && rc == MGW_OK; kind++) {
		for (size_t j = 0; j < nw && rc == MGW_OK; j++) {
			/* a word dropped from two leaves one: the surname-only
			 * record ("WHITFIELD", "Mrs WHITFIELD": a first contact, a
			 * housing tenancy) of "Dawn Whitfield", h-match5 */
			if ((kind == 0 && nw < 2) || (kind == 1 && j + 1 >= nw) ||
			    (kind == 2 && (nw < 2 || !initialable(w[j]))))
				continue;
			if (kind == 3) {
				size_t cut = 0;
				for (size_t i = 0; i < nw; i++)
					cut += i != j && initialable(w[i]);
				if (cut < 2)
					continue;
			}
			size_t o = 0;
			for (size_t i = 0; i < nw; i++) {
				if (kind == 0 && i == j)
					continue;
				int to_initial = (kind == 2 && i == j) ||
						 (kind == 3 && i != j && initialable(w[i]));
				size_t l = to_initial ? 1 : strlen(w[i]);
				if (o > 0 && !(kind == 1 && i == j + 1))
					tmp[o++] = ' ';
				memcpy(tmp + o, w[i], l);
				o += l;
			}
			tmp[o] = '\0';
			if (o < (kind == 0 && nw == 2 ? MATCH_SURNAME_MIN_LEN : MATCH_FUZZY_MIN_LEN))
				continue;
			name_canon(tmp, var);
			rc = add_key(c, party, MATCH_KIND_NAME_VARIANT, var, dob);
		}
	}
	/* kind 4: one word's initial and one other word, the rest dropped ("Mrs
	 * A SMITH" for "Anne Bernadette Smith": a health system's forename
	 * initial without the middle name); written order is no guide to which
	 * word is the surname, so every ordered pair */
	for (size_t i = 0; pairs > 0 && i < nw && rc == MGW_OK; i++) {
		for (size_t j = 0; j < nw && rc == MGW_OK; j++) {
			size_t l = strlen(w[j]);
			if (i == j || !initialable(w[i]) || 2 + l >= sizeof tmp ||
			    2 + l < MATCH_FUZZY_MIN_LEN)
				continue;
			tmp[0] = w[i][0];
			tmp[1] = ' ';
			memcpy(tmp + 2, w[j], l + 1);
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
 * The weak keys of a canonical name (cl bytes) with a DOB: its phonetic
 * key, then the deletion neighbourhood (the name and the name with any
 * one byte deleted).
 */
static int name_fuzzy_keys(struct keyctx *c, int party, const char *canon, size_t cl,
			   const char *dob)
{
	char var[256], tmp[256];
	int rc = MGW_OK;
	if (cl < MATCH_FUZZY_MIN_LEN || cl >= sizeof tmp)
		return MGW_OK;
	/* The phonetic key: for spellings more than one edit apart that sound
	 * alike ("Siobhan"/"Shevaun"); one key, so kept whenever there is room. */
	if (c->out->n < MATCH_MAX_KEYS && name_phonetic(canon, var, sizeof var) > 0)
		rc = add_key(c, party, MATCH_KIND_PHONETIC_NAME_DOB, var, dob);
	if (rc == MGW_OK && c->out->n + cl + 1 <= MATCH_MAX_KEYS) {
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
	OPENSSL_cleanse(var, sizeof var);
	OPENSSL_cleanse(tmp, sizeof tmp);
	return rc;
}

/*
 * A name written with middle initials ("a b smith": "Mrs A B SMITH", as
 * health systems print forenames) with each one-letter word dropped in
 * turn ("a smith", "b smith"), as fuzzy keys of the name itself (weak):
 * an initial stands for a name the other agency may not have recorded, so
 * "Anne Smith" (whose variant is "a smith") finds it. Fuzzy, not a
 * variant: the initials are what was written, not a form derived from a
 * fuller name, so twins written in full ("Jessica"/"Jennifer Doe") still
 * never meet through their variants. Three words or more, one of them of
 * two letters or more.
 */
static int name_initial_drops(struct keyctx *c, int party, const char *canon, const char *dob)
{
	char tmp[256], var[256];
	size_t n = strlen(canon), nw = 1, longw = 0;
	int rc = MGW_OK;
	if (n >= sizeof tmp)
		return MGW_OK;
	for (const char *w = canon; *w;) {
		size_t l = strcspn(w, " ");
		longw += l >= 2;
		w += l;
		if (*w == ' ')
			w++, nw++;
	}
	if (nw < 3 || longw == 0 || c->out->n + nw > MATCH_MAX_KEYS)
		return MGW_OK;
	for (const char *w = canon; rc == MGW_OK && *w;) {
		size_t l = strcspn(w, " "), at = (size_t)(w - canon);
		if (l == 1) {
			/* the name without this word and the space after (or before) it */
			size_t cut_from = at, cut_to = at + 1;
			if (w[1] == ' ')
				cut_to++;
			else if (at > 0)
				cut_from--;
			memcpy(tmp, canon, cut_from);
			memcpy(tmp + cut_from, canon + cut_to, n - cut_to + 1);
			if (strlen(tmp) >= MATCH_FUZZY_MIN_LEN) {
				name_canon(tmp, var);
				rc = add_key(c, party, MATCH_KIND_FUZZY_NAME_DOB, var, dob);
			}
		}
		w += l;
		w += *w == ' ';
	}
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
	char folded[256], canon[256];
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
	if (rc == MGW_OK && fuzzy && dob[0])
		rc = name_fuzzy_keys(c, party, canon, cl, dob);
	/* before the variants: the same MAC is kept with the first kind added,
	 * and these must stay fuzzy keys (a variant never meets a variant) */
	if (rc == MGW_OK && fuzzy && dob[0])
		rc = name_initial_drops(c, party, canon, dob);
	if (rc == MGW_OK && fuzzy && dob[0])
		rc = name_variants(c, party, written, canon, dob);
	OPENSSL_cleanse(folded, sizeof folded);
	OPENSSL_cleanse(canon, sizeof canon);
	return rc;
}

/* Whether the folded word w[0..l) is a title or a suffix (name_untitled). */
static int name_title(const char *w, size_t l)
{
	static const char *const titles[] = {"mr",  "mrs", "ms",  "miss", "mx",   "dr",
					     "prof", "rev", "revd", "sir", "dame", "master",
					     /* suffixes: with the DOB they tell nobody apart */
					     "jnr", "jr", "snr", "sr"};
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		if (strlen(titles[i]) == l && memcmp(w, titles[i], l) == 0)
			return 1;
	return 0;
}

/*
 * The folded name without its titles ("mrs jane doe", "doe jane miss" ->
 * "jane doe", "doe jane") and suffixes ("jnr", "snr") into out[outlen],
 * when it had one and a word or more is left; else 0. Health and
 * housing systems keep the title in the name field, police and IDVA
 * systems do not; a suffix is kept by some systems only. One word left
 * (h-match5): "Mrs WHITFIELD" is the surname-only record "WHITFIELD", and
 * "Miss Unknown" the placeholder "unknown".
 */
static size_t name_untitled(const char *folded, char *out, size_t outlen)
{
	size_t o = 0, nw = 0, dropped = 0;
	for (const char *s = folded; *s;) {
		size_t l = strcspn(s, " ");
		int title = name_title(s, l);
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
	return dropped > 0 && nw >= 1 ? o : 0;
}

/* A folded name that stands for nobody ("unknown", "n k", "unknown male"). */
static int name_placeholder(const char *folded)
{
	static const char *const none[] = {
		"unknown",	 "not known",	   "nk",	    "n k",	  "unk",
		"tbc",		 "tba",		   "none",	    "na",	  "n a",
		"anon",		 "anonymous",	   "unnamed",	    "no name",	  "name unknown",
		"unknown male", "unknown female", "unknown man", "unknown woman", "male",
		"female",	 "person unknown", "not given",    "withheld",  "not recorded",
		/* nulls as systems and call takers write them (h-match3) */
		"refused",	 "declined",	   "not stated",   "not disclosed",
		"not provided",	 "not applicable", "no details",   "not specified", "nil"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
		if (strcmp(folded, none[i]) == 0)
			return 1;
	/* Forename and surname fields each filled with a null ("UNKNOWN
	 * UNKNOWN", "Female Unknown", "NOT KNOWN NOT KNOWN", h-match5): every
	 * word one of a null's words, one of them saying "not known". */
	static const char *const words[] = {
		"unknown", "unk",      "nk",	   "anon",     "anonymous", "refused",  "declined",
		"withheld", "none",    "nil",	   "tbc",      "tba",	    "not",	"known",
		"n",	    "k",       "a",	   "na",       "male",	    "female",	"man",
		"woman",    "person",  "name",	   "no",       "given",	    "stated",	"recorded",
		"provided", "disclosed", "specified", "applicable"};
	size_t core = 0;
	for (const char *w = folded; *w;) {
		size_t l = strcspn(w, " "), i;
		for (i = 0; i < sizeof words / sizeof words[0]; i++)
			if (strlen(words[i]) == l && memcmp(w, words[i], l) == 0)
				break;
		if (i == sizeof words / sizeof words[0])
			return 0;
		core += i < 12 || (l == 5 && memcmp(w, "known", 5) == 0);
		w += l;
		w += *w == ' ';
	}
	return core > 0;
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
	/* A title and a short surname ("Mrs KHAN", "Ms ALI": a surname-only
	 * record, h-match5): too short for the fuzzy keys, but its own fuzzy
	 * key lets a full name's word-dropped variant ("khan" of "Ayesha
	 * Khan") find it, weakly. Without a title a short word is as often a
	 * nickname ("Jo", "Bex") and stays unmatched. */
	if (rc == MGW_OK && fuzzy && dob[0] && ul >= MATCH_SURNAME_MIN_LEN &&
	    ul < MATCH_FUZZY_MIN_LEN && strchr(untitled, ' ') == NULL &&
	    c->out->n < MATCH_MAX_KEYS)
		rc = add_key(c, party, MATCH_KIND_FUZZY_NAME_DOB, untitled, dob);
	OPENSSL_cleanse(untitled, sizeof untitled);
	return rc;
}

/*
 * Where a name field names other names: the length of the words at w that
 * start one ("nee" (née), "aka", "a k a" (a.k.a.), "also known as",
 * "known as", "formerly", "previously", "alias"; "formerly known as",
 * "previously known as", "fka", "maiden name", "birth name", "previous
 * name"), followed by a space; else 0. w is folded (single spaces).
 */
static size_t name_part_words(const char *w)
{
	static const char *const words[] = {
		/* h-match4: the longer forms first ("formerly known as" before "formerly") */
		"formerly known as", "previously known as", "maiden name", "birth name",
		"previous name", "fka", "f k a",
		"also known as", "known as", "a k a", "nee", "aka", "formerly", "previously", "alias"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t l = strlen(words[i]);
		if (strncmp(w, words[i], l) == 0 && w[l] == ' ')
			return l;
	}
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
		size_t l = strcspn(s, " "), m = name_part_words(s);
		if (m > 0 && s > starts[np]) {
			lens[np] = (size_t)(s - starts[np]) - 1; /* without the space */
			starts[++np] = s + m + 1;
			l = m;
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

/* The run of ASCII letters ending before s[i] (backward) or starting at s[i] (forward). */
static size_t letters_run(const char *s, size_t n, size_t i, int backward)
{
	size_t k = 0;
	if (backward) {
		while (i > 0 && s[i - 1] == ' ')
			i--;
		while (i > k && ((s[i - 1 - k] | 0x20) >= 'a' && (s[i - 1 - k] | 0x20) <= 'z'))
			k++;
	} else {
		while (i < n && s[i] == ' ')
			i++;
		while (i + k < n && ((s[i + k] | 0x20) >= 'a' && (s[i + k] | 0x20) <= 'z'))
			k++;
	}
	return k;
}

/*
 * A name field with alternatives separated by '/' ("Jane Smith / Jane Doe",
 * "Jane SMITH/DOE") is also keyed with each '/' read as "aka" (name_keys:
 * the other names as aliases), when every '/' has a word of two letters
 * or more on each side ("N/K" and "N/A" are placeholders, not two names);
 * and a '/' between two words ("SMITH/DOE, Jane") with each word alone.
 */
/*
 * A name field with a police nominal alias written with '@' ("Tracy JONES @
 * Tracy SMITH", "SMITH, Tracy @ JONES": the '@' reads "alias") is also
 * keyed with each '@' read as "aka" (name_keys: the other names as aliases).
 */
static int name_keys_aka(struct keyctx *c, int party, char *buf, size_t cap, size_t o,
			 const char *list, char sep, long from, const char *postcode, const char *dob);

static int name_keys_at(struct keyctx *c, int party, const char *name, const char *postcode,
			const char *dob)
{
	char buf[512];
	if (name == NULL || strchr(name, '@') == NULL)
		return MGW_OK;
	return name_keys_aka(c, party, buf, sizeof buf, 0, name, '@', 0, postcode, dob);
}

static int name_keys_slash(struct keyctx *c, int party, const char *name, const char *postcode,
			   const char *dob)
{
	char buf[512];
	size_t n = name ? strlen(name) : 0, o = 0;
	int rc = MGW_OK;
	if (n == 0 || strchr(name, '/') == NULL)
		return MGW_OK;
	for (size_t i = 0; i < n; i++) {
		if (name[i] != '/') {
			if (o + 1 >= sizeof buf)
				goto out;
			buf[o++] = name[i];
			continue;
		}
		if (letters_run(name, n, i, 1) < 2 || letters_run(name, n, i + 1, 0) < 2 ||
		    o + 5 >= sizeof buf)
			goto out;
		memcpy(buf + o, " aka ", 5);
		o += 5;
	}
	buf[o] = '\0';
	rc = name_keys(c, party, buf, postcode, dob, 0);
	/* A slash between two words with no space ("SMITH/DOE, Jane") offers
	 * two words for one place: the field with each in turn (the first
	 * such slash), as "aka" cannot say which word the other replaces. */
	const char *sl = strchr(name, '/');
	size_t at = sl ? (size_t)(sl - name) : 0;
	if (rc == MGW_OK && sl && at > 0 && at + 1 < n && name[at - 1] != ' ' &&
	    name[at + 1] != ' ') {
		size_t l = letters_run(name, n, at, 1), r = letters_run(name, n, at + 1, 0);
		/* left word only: drop "/right"; right word only: drop "left/" */
		memcpy(buf, name, at);
		memcpy(buf + at, name + at + 1 + r, n - at - 1 - r + 1);
		rc = name_keys(c, party, buf, postcode, dob, 0);
		if (rc == MGW_OK) {
			memcpy(buf, name, at - l);
			memcpy(buf + at - l, name + at + 1, n - at - 1 + 1);
			rc = name_keys(c, party, buf, postcode, dob, 0);
		}
	}
out:
	OPENSSL_cleanse(buf, sizeof buf);
	return rc;
}

/*
 * Where a name field holds a name in brackets or quotes: "Elizabeth (Beth)
 * MORGAN", "MORGAN, Elizabeth (Beth)", 'Elizabeth "Lizzie" Morgan' (the
 * preferred name health systems show beside the registered one; the name
 * police know someone by, in quotes). *open and *close get the bytes of
 * the opening and closing marks; the content between them is letters,
 * spaces, hyphens, apostrophes and dots. Returns 1 if found, else 0.
 */
static int name_group(const char *name, size_t *open, size_t *olen, size_t *close, size_t *clen)
{
	static const struct {
		const char *o, *c;
	} marks[] = {{"(", ")"}, {"\"", "\""}, {"\xe2\x80\x9c", "\xe2\x80\x9d"} /* U+201C U+201D */};
	for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
		const char *a = strstr(name, marks[m].o);
		if (a == NULL)
			continue;
		const char *in = a + strlen(marks[m].o);
		const char *b = strstr(in, marks[m].c);
		if (b == NULL || b == in)
			continue;
		int ok = 1, letters = 0;
		for (const char *q = in; q < b; q++) {
			unsigned char ch = (unsigned char)*q;
			letters += ch >= 0x80 || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
			ok &= ch >= 0x80 || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') ||
			      strchr(" -'.", ch) != NULL;
		}
		if (!ok || letters == 0)
			continue;
		*open = (size_t)(a - name);
		*olen = strlen(marks[m].o);
		*close = (size_t)(b - name);
		*clen = strlen(marks[m].c);
		return 1;
	}
	return 0;
}

/*
 * The name variants of one other word grp (folded) with the folded name r
 * (name_group_variants below): grp with each word of r, and in place of
 * each word of r when r has three words or more. dob non-empty.
 */
static int name_word_variants(struct keyctx *c, int party, const char *r, const char *grp,
			      const char *dob)
{
	char tmp[512], var[512];
	size_t gl = strlen(grp), words = 0;
	int rc = MGW_OK;
	for (const char *w = r; *w && words < MATCH_NAME_WORDS_MAX; words++) {
		w += strcspn(w, " ");
		w += *w == ' ';
	}
	/* Fuzzy keys come last and are left out near the cap (match.h). */
	if (c->out->n + 2 * words > MATCH_MAX_KEYS)
		return MGW_OK;
	for (const char *w = r; rc == MGW_OK && *w;) {
		size_t l = strcspn(w, " ");
		if (gl + 1 + l + 1 <= sizeof tmp && gl + 1 + l >= MATCH_FUZZY_MIN_LEN) {
			memcpy(tmp, grp, gl);
			tmp[gl] = ' ';
			memcpy(tmp + gl + 1, w, l);
			tmp[gl + 1 + l] = '\0';
			name_canon(tmp, var);
			rc = add_key(c, party, MATCH_KIND_NAME_VARIANT, var, dob);
		}
		w += l;
		w += *w == ' ';
	}
	for (const char *w = r; rc == MGW_OK && *w && words >= 3;) {
		size_t l = strcspn(w, " "), at = (size_t)(w - r), tail = strlen(w + l);
		if (at + gl + tail + 1 <= sizeof tmp && at + gl + tail >= MATCH_FUZZY_MIN_LEN) {
			memcpy(tmp, r, at);
			memcpy(tmp + at, grp, gl);
			memcpy(tmp + at + gl, w + l, tail + 1);
			name_canon(tmp, var);
			rc = add_key(c, party, MATCH_KIND_NAME_VARIANT, var, dob);
		}
		w += l;
		w += *w == ' ';
	}
	OPENSSL_cleanse(tmp, sizeof tmp);
	OPENSSL_cleanse(var, sizeof var);
	return rc;
}

/*
 * A name field with a name in brackets or quotes (name_group) also gives,
 * with its DOB, name variants (match.h: weak, fuzzy_name): the group with
 * each other word of the field ("Elizabeth Anne (Beth) MORGAN": "beth
 * morgan", "beth elizabeth", "beth anne": the preferred forename with the
 * surname, whichever word that is), the group in place of each word when
 * three words or more are left ("beth anne morgan"), and the group alone
 * when it is a full name of its own. So "Beth Morgan" finds it however
 * many other names the field has (dropping one word, name_variants,
 * reaches two words from three only); weak, as the name a person prefers
 * is no record's identity. A title ("(Miss)") or a part word ("(née
 * SMITH)") in brackets is read by name_keys instead.
 */
static int name_group_variants(struct keyctx *c, int party, const char *name, const char *dob)
{
	char rest[512], folded[256], untitled[256], grp[256], tmp[512], var[512];
	size_t o, ol, cl, cc, n = name ? strlen(name) : 0;
	int rc = MGW_OK;
	if (n == 0 || n >= sizeof rest || dob[0] == '\0' || !name_group(name, &o, &ol, &cc, &cl))
		return MGW_OK;
	/* the group folded: a lone title is not another name; a part word
	 * before one ("(known as Pat)") is dropped, name_keys read it exactly */
	if (ident_name_fold(name + o + ol, cc - o - ol, grp, sizeof grp) <= 0)
		goto out;
	size_t pw = name_part_words(grp);
	if (pw > 0)
		memmove(grp, grp + pw + 1, strlen(grp + pw + 1) + 1);
	if (grp[0] == '\0' || name_title(grp, strlen(grp)) || strcmp(grp, "nee") == 0 ||
	    name_placeholder(grp))
		goto out;
	memcpy(rest, name, o);
	rest[o] = ' ';
	memcpy(rest + o + 1, name + cc + cl, n - cc - cl + 1);
	if (ident_name_fold(rest, strlen(rest), folded, sizeof folded) <= 0)
		goto out;
	const char *r = name_untitled(folded, untitled, sizeof untitled) > 0 ? untitled : folded;
	if (strchr(grp, ' ') != NULL && strlen(grp) >= MATCH_FUZZY_MIN_LEN &&
	    c->out->n < MATCH_MAX_KEYS) {
		strcpy(tmp, grp);
		name_canon(tmp, var);
		rc = add_key(c, party, MATCH_KIND_NAME_VARIANT, var, dob);
	}
	if (rc == MGW_OK)
		rc = name_word_variants(c, party, r, grp, dob);
out:
	OPENSSL_cleanse(rest, sizeof rest);
	OPENSSL_cleanse(folded, sizeof folded);
	OPENSSL_cleanse(untitled, sizeof untitled);
	OPENSSL_cleanse(grp, sizeof grp);
	OPENSSL_cleanse(tmp, sizeof tmp);
	OPENSSL_cleanse(var, sizeof var);
	return rc;
}

/*
 * A one-word alias ("Lizzie" of "Elizabeth Anne Morgan") also gives the
 * name variants of that word with the full name (name_word_variants:
 * "lizzie morgan", weak): name_keys_alias_word makes the exact names with
 * it in place of one word ("lizzie anne morgan"), which a name written
 * without the middle name does not reach.
 */
static int alias_word_variants(struct keyctx *c, int party, const char *full, const char *alias,
			       const char *dob)
{
	char f[256], u[256], w[256];
	int rc = MGW_OK;
	if (full == NULL || alias == NULL || dob[0] == '\0' ||
	    ident_name_fold(alias, strlen(alias), w, sizeof w) <= 0 || strchr(w, ' ') != NULL ||
	    name_placeholder(w) || name_title(w, strlen(w)) ||
	    ident_name_fold(full, strlen(full), f, sizeof f) <= 0 || strchr(f, ' ') == NULL)
		goto out;
	rc = name_word_variants(c, party, name_untitled(f, u, sizeof u) > 0 ? u : f, w, dob);
out:
	OPENSSL_cleanse(f, sizeof f);
	OPENSSL_cleanse(u, sizeof u);
	OPENSSL_cleanse(w, sizeof w);
	return rc;
}

/*
 * An alias that is one word ("Beth": a nickname as IDVA systems list it)
 * or starts with a part word ("née Evans", "aka Beth Morgan") names the
 * person with the full name's other words: keyed as "<full name> aka
 * <alias>" (name_keys: a word stands for each word of the full name in
 * turn). Other aliases are full names of their own (person_keys_in).
 */
static int name_keys_alias_word(struct keyctx *c, int party, const char *full, const char *alias,
				const char *postcode, const char *dob)
{
	char buf[512], w[256];
	size_t fl = full ? strlen(full) : 0, al = alias ? strlen(alias) : 0;
	int rc = MGW_OK;
	if (fl == 0 || al == 0 || fl + al + 6 > sizeof buf ||
	    ident_name_fold(alias, al, w, sizeof w) <= 0 || name_placeholder(w))
		goto out;
	int part = name_part_words(w) > 0;
	if (!part && strchr(w, ' ') != NULL)
		goto out;
	/* Made with the fuzzy keys, after every person's exact keys, and left
	 * out near the cap rather than refuse a referral (MGW_E_TOO_LARGE)
	 * whose other keys fit, as one with many one-word aliases and dates of
	 * birth could otherwise be: a full name of MATCH_NAME_WORDS_MAX words
	 * makes at most this many. */
	if (c->out->n + 8 * (MATCH_NAME_WORDS_MAX + 1) > MATCH_MAX_KEYS)
		goto out;
	snprintf(buf, sizeof buf, "%s %s%s", full, part ? "" : "aka ", alias);
	rc = name_keys(c, party, buf, postcode, dob, 0);
out:
	OPENSSL_cleanse(buf, sizeof buf);
	OPENSSL_cleanse(w, sizeof w);
	return rc;
}

/*
 * Where the first part word (name_part_words: "aka", "née", "also known
 * as", ...) of a raw name field starts, as a byte offset, or -1 when it has
 * none: each word start's rest is folded and tried.
 */
static long name_first_part_word(const char *name)
{
	char f[256];
	size_t n = strlen(name);
	long at = -1;
	for (size_t i = 0; at < 0 && i < n; i++) {
		if (i > 0 && name[i - 1] != ' ' && name[i - 1] != '(' && name[i - 1] != ',')
			continue;
		if (ident_name_fold(name + i, n - i, f, sizeof f) > 0 && name_part_words(f) > 0)
			at = (long)i;
	}
	OPENSSL_cleanse(f, sizeof f);
	return at;
}

/*
 * A list of other names separated by commas (h-match5): an aliases entry
 * "Jo, JoJo" or "aka Jo, Joanne" (case management systems export a list
 * field as one string), or a name field's "Josephine PEARCE aka Jo,
 * Joanne, Jo-Jo". Folding reads a comma as a space, so without this the
 * list is one name of many words that no one is called. Keyed as
 * "<full> aka <one> aka <two> ...": name_keys then makes each name of one
 * word stand for each word of the full name ("Joanne Pearce") and each
 * longer one a name of its own. For the name field (alias NULL) only the
 * commas after its first part word separate names: before it, "SMITH,
 * Jane" is one name written surname first. An aliases entry's commas all
 * do: "SMITH, Jane" as an alias also gives "Jane SMITH" with the full
 * name's other words, no wrong name a person would carry. Added to the
 * other keys (each entry is keyed as written too); left out near the cap.
 */
static int name_keys_list(struct keyctx *c, int party, const char *full, const char *alias,
			  const char *postcode, const char *dob)
{
	char buf[768];
	const char *list = alias ? alias : full;
	size_t o = 0;
	long from = 0;
	if (list == NULL || full == NULL || strchr(list, ',') == NULL || strlen(full) + 5 >= sizeof buf)
		return MGW_OK;
	if (alias == NULL && (from = name_first_part_word(full)) < 0)
		return MGW_OK;
	if (c->out->n + 8 * (MATCH_NAME_WORDS_MAX + 1) > MATCH_MAX_KEYS)
		return MGW_OK;
	if (alias != NULL)
		o = (size_t)snprintf(buf, sizeof buf, "%s aka ", full);
	return name_keys_aka(c, party, buf, sizeof buf, o, list, ',', from, postcode, dob);
}

/*
 * Key list with each sep at or after byte from read as " aka " (for ',',
 * only outside brackets: "Jo (Smith, née Doe)" is one name), written into
 * buf[o..cap) after what the caller put before o; name_keys then keys the
 * names. A list that does not fit is not keyed (MGW_OK). buf is wiped.
 */
static int name_keys_aka(struct keyctx *c, int party, char *buf, size_t cap, size_t o,
			 const char *list, char sep, long from, const char *postcode, const char *dob)
{
	size_t n = strlen(list), depth = 0;
	int rc = MGW_OK;
	for (size_t i = 0; i < n; i++) {
		if (o + 6 >= cap)
			goto out;
		if (sep == ',') {
			depth += list[i] == '(';
			depth -= list[i] == ')' && depth > 0;
		}
		if (list[i] != sep || (long)i < from || depth > 0) {
			buf[o++] = list[i];
			continue;
		}
		memcpy(buf + o, " aka ", 5);
		o += 5;
	}
	buf[o] = '\0';
	rc = name_keys(c, party, buf, postcode, dob, 0);
out:
	OPENSSL_cleanse(buf, cap);
	return rc;
}

/*
 * A postcode at the end of the last non-empty address line ("12 Example
 * Road, Middlesbrough TS1 2AB", "... ts12ab"), for an address whose
 * postcode field is empty: housing and children's systems often keep the
 * whole address in its lines. The last two words, else the last word,
 * when ident_postcode_norm accepts them. postcode stays empty otherwise.
 */
static void postcode_in_lines(const Marac__V1__Address *a, char postcode[9])
{
	const char *line = NULL;
	for (size_t i = a->n_lines; i > 0 && line == NULL; i--)
		if (a->lines[i - 1] && a->lines[i - 1][strspn(a->lines[i - 1], " ,.\t")])
			line = a->lines[i - 1];
	if (line == NULL)
		return;
	size_t n = strlen(line);
	while (n > 0 && strchr(" ,.\t", line[n - 1]))
		n--;
	/* the start of the last word and of the one before it */
	size_t w1 = n;
	while (w1 > 0 && !strchr(" ,\t", line[w1 - 1]))
		w1--;
	size_t w0 = w1;
	while (w0 > 0 && line[w0 - 1] == ' ')
		w0--;
	while (w0 > 0 && !strchr(" ,\t", line[w0 - 1]))
		w0--;
	if (w0 < w1 && ident_postcode_norm(line + w0, n - w0, postcode) == 0)
		return;
	postcode[0] = '\0';
	if (ident_postcode_norm(line + w1, n - w1, postcode) != 0)
		postcode[0] = '\0';
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
	if (p->address && p->address->postcode && p->address->postcode[0])
		ident_postcode_norm(p->address->postcode, strlen(p->address->postcode), postcode);
	else if (p->address && p->address->n_lines > 0)
		postcode_in_lines(p->address, postcode);
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

/* Whether s starts a label and a number ("Mob: 0", "Home - 0", "H 0"), not an extension. */
static int phone_next_label(const char *s)
{
	size_t i = 0;
	if (strncasecmp(s, "ext", 3) == 0 || s[0] == 'x' || s[0] == 'X')
		return 0;
	while (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || s[i] == '.')
		i++;
	if (i == 0)
		return 0;
	size_t j = i;
	while (s[j] == ' ' || s[j] == ':' || s[j] == '-')
		j++;
	return j > i && ((s[j] >= '0' && s[j] <= '9') || s[j] == '+' || s[j] == '(');
}

/*
 * The length of the next number of a phones[] entry at s: up to a '/',
 * ',', ';', '&' or line break, the word "or" or "and" between spaces
 * ("07700 900321 or 01632 960321"), or a label starting a second number
 * after ten digits ("Tel: 07700 900321 Mob: 07700 900456"), outside
 * brackets (a note such as "(mobile, or text)" is one number's); *sep gets
 * the separator's length.
 */
static size_t phone_entry_part(const char *s, size_t *sep)
{
	size_t depth = 0, digits = 0;
	for (size_t i = 0; s[i]; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth > 0)
			depth--;
		digits += s[i] >= '0' && s[i] <= '9';
		if (depth > 0)
			continue;
		/* a second labelled number after a whole one, with a space only
		 * between ("Tel: 07700 900123 Mob: 07700 900456"); not an
		 * extension ("ext 21", "x21") */
		if (s[i] == ' ' && digits >= 10 && phone_next_label(s + i + 1)) {
			*sep = 1;
			return i;
		}
		if (strchr("/,;&\n\r", s[i]) != NULL) {
			*sep = 1;
			return i;
		}
		if (s[i] == ' ' && (strncasecmp(s + i, " or ", 4) == 0 ||
				    strncasecmp(s + i, " and ", 5) == 0)) {
			*sep = (s[i + 1] | 0x20) == 'o' ? 4 : 5;
			return i;
		}
	}
	*sep = 0;
	return strlen(s);
}

/*
 * The keys of one phones[] entry: it may hold several numbers separated by
 * '/', ',', ';', '&', a line break, or "or" / "and" ("01632 960321 /
 * 07700 900321", "07700 900321 or 01632 960321"), each keyed on its own.
 * An entry with a line break is also keyed whole with the break as a space:
 * a number pasted across two lines ("07700\n900321") is one number.
 * v (MATCH_PHONE_KEY_MAX) is scratch. Returns 0 or add_key's error.
 */
static int phone_entry_keys(struct keyctx *c, int party, const char *entry, char *v)
{
	char part[64];
	int rc = MGW_OK;
	for (const char *s = entry; rc == MGW_OK;) {
		size_t sep, l = phone_entry_part(s, &sep);
		if (l < sizeof part) {
			memcpy(part, s, l);
			part[l] = '\0';
			if (match_phone_key(part, v) == 0)
				rc = add_key(c, party, MATCH_KIND_PHONE, v, NULL);
		}
		if (sep == 0)
			break;
		s += l + sep;
	}
	size_t n = strlen(entry);
	if (rc == MGW_OK && strpbrk(entry, "\n\r") != NULL && n < sizeof part) {
		for (size_t i = 0; i <= n; i++)
			part[i] = entry[i] == '\n' || entry[i] == '\r' ? ' ' : entry[i];
		if (match_phone_key(part, v) == 0)
			rc = add_key(c, party, MATCH_KIND_PHONE, v, NULL);
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
	if (p->nhs_number && match_nhs_key(p->nhs_number, v) == 0 &&
	    (rc = add_key(c, party, MATCH_KIND_NHS, v, NULL)))
		return rc;
	if (p->ni_number) {
		char bare[9];
		int nk = match_nino_keys(p->ni_number, v, bare);
		rc = MGW_OK;
		if (nk == 2)
			rc = add_key(c, party, MATCH_KIND_NINO, v, NULL);
		if (rc == MGW_OK && nk > 0)
			rc = add_key(c, party, MATCH_KIND_NINO, bare, NULL);
		OPENSSL_cleanse(bare, sizeof bare);
		if (rc)
			return rc;
	}
	/* The police's and probation's own ids, checked by ident.h (PNC: check letter). */
	char id[16];
	rc = MGW_OK;
	if (p->pnc_id && match_pnc_key(p->pnc_id, id) == 0)
		rc = add_key(c, party, MATCH_KIND_PNC, id, NULL);
	if (rc == MGW_OK && p->probation_crn &&
	    match_crn_key(p->probation_crn, id) == 0)
		rc = add_key(c, party, MATCH_KIND_CRN, id, NULL);
	OPENSSL_cleanse(id, sizeof id);
	if (rc)
		return rc;
	/* Every date of birth recorded: one agency's DOB may be another's "other". */
	for (size_t d = 0; person_norm(p, d, postcode, dob) == 0; d++) {
		if ((rc = name_keys(c, party, p->full_name, postcode, dob, 0)) ||
		    (rc = name_keys_slash(c, party, p->full_name, postcode, dob)) ||
		    (rc = name_keys_at(c, party, p->full_name, postcode, dob)))
			return rc;
		for (size_t i = 0; i < p->n_aliases; i++)
			if ((rc = name_keys(c, party, p->aliases[i], postcode, dob, 0)) ||
			    (rc = name_keys_slash(c, party, p->aliases[i], postcode, dob)) ||
			    (rc = name_keys_at(c, party, p->aliases[i], postcode, dob)))
				return rc;
	}
	return MGW_OK;
}

/*
 * A perpetrator's name alone (full name or alias), canonical and without
 * titles, as MATCH_KIND_PERP_NAME (h-match5): it tells nobody apart and
 * matches nothing alone, but when the two sides hold the perpetrator by
 * identifiers of different classes (police by name and DOB, probation by
 * CRN alone) it says whether they name the same man (match_query). A
 * placeholder or a name of one word makes none.
 */
static int perp_name_key(struct keyctx *c, const char *name)
{
	char folded[256], untitled[256], canon[256];
	int rc = MGW_OK;
	if (name == NULL || ident_name_fold(name, strlen(name), folded, sizeof folded) <= 0)
		return MGW_OK;
	const char *f = name_untitled(folded, untitled, sizeof untitled) > 0 ? untitled : folded;
	if (strchr(f, ' ') != NULL && !name_placeholder(f)) {
		strcpy(canon, f); /* name_canon splits it */
		char out[256];
		name_canon(canon, out);
		rc = add_key(c, MATCH_PERPETRATOR, MATCH_KIND_PERP_NAME, out, NULL);
		OPENSSL_cleanse(out, sizeof out);
	}
	OPENSSL_cleanse(folded, sizeof folded);
	OPENSSL_cleanse(untitled, sizeof untitled);
	OPENSSL_cleanse(canon, sizeof canon);
	return rc;
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

/*
 * Cyrillic letters of a folded name in Latin (Ukrainian passport style, the
 * scheme UK agencies meet most: "Оксана Коваленко" -> "oksana kovalenko";
 * Russian spellings differ by a letter or in vowels, which the fuzzy and
 * phonetic keys absorb), other bytes as they are, into out[outlen].
 * Returns the length, or 0 when there was no Cyrillic letter or no room.
 */
static size_t name_translit(const char *folded, char *out, size_t outlen)
{
	/* U+0430..U+044F */
	static const char *const lower[32] = {
		"a", "b", "v", "h", "d",  "e",  "zh",   "z", /* а б в г д е ж з */
		"y", "i", "k", "l", "m",  "n",  "o",    "p", /* и й к л м н о п */
		"r", "s", "t", "u", "f",  "kh", "ts",   "ch", /* р с т у ф х ц ч */
		"sh", "shch", "", "y", "", "e", "yu", "ya"}; /* ш щ ъ ы ь э ю я */
	const unsigned char *s = (const unsigned char *)folded;
	size_t n = strlen(folded), o = 0, cyr = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		const char *t = NULL;
		if (k == 0)
			return 0;
		if (cp >= 0x410 && cp <= 0x42F)
			cp += 0x20; /* upper case: folding leaves other scripts as written */
		else if (cp >= 0x400 && cp <= 0x40F)
			cp += 0x50;
		else if (cp == 0x490)
			cp = 0x491;
		if (cp >= 0x430 && cp <= 0x44F)
			t = lower[cp - 0x430];
		else if (cp == 0x451)
			t = "yo"; /* ё */
		else if (cp == 0x454)
			t = "ye"; /* є */
		else if (cp == 0x456)
			t = "i"; /* і */
		else if (cp == 0x457)
			t = "yi"; /* ї */
		else if (cp == 0x491)
			t = "g"; /* ґ */
		size_t l = t ? strlen(t) : k;
		if (o + l + 1 > outlen)
			return 0;
		memcpy(out + o, t ? t : (const char *)s + i, l);
		o += l;
		cyr += t != NULL;
		i += k;
	}
	out[o] = '\0';
	return cyr ? o : 0;
}

/*
 * The fuzzy keys of a person's full name and each alias (after every exact
 * key: see name_keys), and of its Latin transliteration when written in Cyrillic:
 * weak keys only, as a transliteration is one agency's guess at a spelling
 * (match.h Decisions).
 */
static int person_fuzzy_keys(struct keyctx *c, int party, const Marac__V1__Person *p)
{
	char postcode[9] = "", dob[11] = "", folded[256], lat[256], canon[256];
	size_t ll = 0;
	int rc = MGW_OK;
	if (p->full_name && ident_name_fold(p->full_name, strlen(p->full_name), folded,
					    sizeof folded) > 0)
		ll = name_translit(folded, lat, sizeof lat);
	size_t cl = ll ? name_canon(lat, canon) : 0;
	/* "": no postcode keys here, person_keys made them. */
	for (size_t d = 0; rc == MGW_OK && person_norm(p, d, postcode, dob) == 0; d++) {
		rc = name_keys(c, party, p->full_name, "", dob, 1);
		if (rc == MGW_OK)
			rc = name_keys_list(c, party, p->full_name, NULL, postcode, dob);
		if (rc == MGW_OK && cl > 0 && dob[0])
			rc = name_fuzzy_keys(c, party, canon, cl, dob);
		if (rc == MGW_OK)
			rc = name_group_variants(c, party, p->full_name, dob);
		/* An alias is as much the person's name ("other names and
		 * alternative spellings"): a near miss of it is as likely. */
		for (size_t i = 0; rc == MGW_OK && i < p->n_aliases; i++) {
			rc = name_keys(c, party, p->aliases[i], "", dob, 1);
			if (rc == MGW_OK)
				rc = name_keys_alias_word(c, party, p->full_name, p->aliases[i],
							  postcode, dob);
			if (rc == MGW_OK)
				rc = alias_word_variants(c, party, p->full_name, p->aliases[i], dob);
			if (rc == MGW_OK)
				rc = name_keys_list(c, party, p->full_name, p->aliases[i], postcode,
						    dob);
		}
	}
	OPENSSL_cleanse(postcode, sizeof postcode);
	OPENSSL_cleanse(dob, sizeof dob);
	OPENSSL_cleanse(folded, sizeof folded);
	OPENSSL_cleanse(lat, sizeof lat);
	OPENSSL_cleanse(canon, sizeof canon);
	return rc;
}

int match_perp_tells(const struct match_keys *k)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->keys[i].party == MATCH_PERPETRATOR &&
		    k->keys[i].kind != MATCH_KIND_POSTCODE_NAME &&
		    k->keys[i].kind != MATCH_KIND_PERP_NAME)
			return 1;
	return 0;
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
	for (size_t i = 0; i < n_perps; i++) {
		if (perps[i] == NULL)
			continue;
		if ((rc = perp_name_key(&c, perps[i]->full_name)) != MGW_OK)
			goto fail;
		for (size_t a = 0; a < perps[i]->n_aliases; a++)
			if ((rc = perp_name_key(&c, perps[i]->aliases[a])) != MGW_OK)
				goto fail;
	}
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
	case MATCH_KIND_PNC:
		return "pnc_id";
	case MATCH_KIND_CRN:
		return "probation_crn";
	default:
		return NULL;
	}
}

int match_strength(unsigned victim_kinds)
{
	/* Issue 13's table: NHS number, phone, name + DOB (and NI number). */
	const unsigned strong = (1u << MATCH_KIND_NHS) | (1u << MATCH_KIND_NINO) |
				(1u << MATCH_KIND_NAME_DOB) | (1u << MATCH_KIND_PHONE) |
				(1u << MATCH_KIND_PNC) | (1u << MATCH_KIND_CRN);
	if (victim_kinds & strong)
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
	sqlite3_bind_int(st, 5, match_perp_tells(k));
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

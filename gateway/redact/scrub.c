/*
 * scrub.c: see scrub.h. Building a scrubber, the folded-text pass, merging
 * findings and writing the output; the identifier recognisers are in
 * scrub_tok.c, names beyond the listed people in names.c, places in place.c.
 *
 * scrub_text_ex() first normalises the text (textnorm.h), then runs, each
 * linear and each appending spans of the normalised text:
 *
 *   folded  the text is folded on the fly (ident_char_next: case, diacritics,
 *           every run of non-word characters as one space, a virtual space at
 *           either end) and fed to two Aho-Corasick DFAs: listed names (and
 *           keep-names) and withheld text and address values. Patterns are
 *           folded word sequences wrapped in spaces, " j smith ", so a match
 *           is on word boundaries by construction. A ring buffer maps the
 *           last folded bytes back to text offsets, another the starts of
 *           the last words (a value match's length is counted in words).
 *           For each end position only the longest match of each sort
 *           matters (shorter ones ending there lie inside it). The name
 *           stream breaks at strong punctuation (a full stop after a word,
 *           brackets...), the value stream does not: "33A Grange Ct.,
 *           Grimsby" is one value.
 *   e-mails and identifiers  scrub_tok.c.
 *   names_scan, place_scan  names.h, place.h.
 *   failsafe_scan_model  failsafe.h (rules and the unit model), only under
 *           SCRUB_F_LOCATION.
 *
 * The spans are then mapped back to the original text, sorted, overlapping
 * ones united, and the output written in one go.
 */
#include "scrub.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii_run.h"
#include "canon.h"
#include "failsafe.h"
#include "geo.h"
#include "ident.h"
#include "lexicon.h"
#include "mgw_err.h"
#include "mgw_limits.h"
#include "names.h"
#include "place.h"
#include "scrub_int.h"
#include "spans.h"
#include "textnorm.h"

const char *scrub_kind_name(enum scrub_kind k)
{
	static const char *const NAMES[SCRUB_KIND_COUNT] = {
		"phone", "email", "postcode", "nhs-number", "ni-number",
		"pnc-id", "crn", "date-of-birth", "name", "address", "place",
		"victim location", "safe times", "vehicle", "handle", "bank", "document",
		"value", "victim contact",
	};
	return (unsigned)k < SCRUB_KIND_COUNT ? NAMES[k] : "unknown";
}

const char *scrub_rule_name(unsigned r)
{
	static const char *const RULES[R_RULE_COUNT] = {
		"list:name", "list:surname", "list:first-name", "list:nickname",
		"list:initial+surname", "list:surname-comma", "list:first+surname",
		"list:initials+surname", "list:surname-misspelt", "value:address",
		"value:first-line", "value:street", "value:text", "value:identifier",
		"never:address", "never:first-line", "never:street", "never:text",
		"never:identifier", "found:surname", "found:first-name", "value:street-name",
		"never:street-name",
	};
	return r < R_RULE_COUNT ? RULES[r] : "unknown";
}

/*
 * English words that are also UK surnames or forenames, for a tree whose
 * lexicon does not know them: a listed name that is one of these matches
 * alone only where it reads as a name (see common_ok()).
 */
static const char *const COMMON[] = {
	"amber", "april", "august", "autumn", "baker", "banks", "bell", "berry", "best",
	"bill", "bird", "black", "brook", "brown", "bush", "carpenter", "chance", "cherry",
	"church", "cook", "cross", "crow", "daisy", "dawn", "day", "dean", "drake", "faith",
	"field", "fish", "fisher", "ford", "fox", "frost", "gold", "good", "grace", "gray",
	"green", "grey", "hall", "hart", "hay", "heath", "hill", "holly", "hope", "house",
	"hunt", "hunter", "ivy", "jay", "joy", "june", "king", "knight", "lake", "lamb",
	"lane", "little", "long", "love", "major", "march", "mark", "marsh", "mason", "may",
	"mill", "miller", "moon", "moss", "nash", "new", "noble", "page", "park", "pat",
	"penny", "pool", "poppy", "porter", "potter", "price", "rain", "read", "reed",
	"rich", "rivers", "robin", "rose", "ruby", "rush", "sage", "salt", "sharp", "short",
	"silver", "sky", "small", "snow", "spring", "stone", "storm", "strong", "summer",
	"sunny", "swan", "swift", "turner", "walker", "ward", "waters", "well", "wells",
	"west", "white", "will", "winter", "wood", "woods", "worker", "wren", "young",
};

int scrub_common_word(const char *w, size_t n)
{
	if (lex_classify(w, n) & LEX_COMMON)
		return 1;
	char b[16];
	if (n == 0 || n >= sizeof b)
		return 0;
	for (size_t i = 0; i < n; i++)
		b[i] = (char)((unsigned char)w[i] | (sc_alpha((unsigned char)w[i]) ? 0x20 : 0));
	size_t lo = 0, hi = sizeof COMMON / sizeof COMMON[0];
	while (lo < hi) { /* COMMON is sorted */
		size_t mid = (lo + hi) / 2;
		int c = strncmp(COMMON[mid], b, n);
		if (c == 0 && COMMON[mid][n] == 0)
			return 1;
		if (c < 0 || (c == 0 && COMMON[mid][n] == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* ---- patterns --------------------------------------------------------------- */

struct pat {
	char *p;
	uint32_t n, words;
	uint8_t keep, kind, rule, common;
};

struct patv {
	struct pat *v;
	size_t n, cap, bytes, maxlen;
};

/* Everything collected while building, freed or handed over at the end. */
struct bctx {
	struct patv names, values;
	struct fzname *fz, *kw, *kfirst; /* misspelt-surname list, keep words, keep first names */
	uint32_t init_w, init_k; /* first letters of withheld and kept first names (scrubber) */
	uint32_t sur_k;          /* first letters of kept surnames (scrubber) */
	const char *const *wnames; /* the withheld names (spec->names), for a kept middle name */
	size_t n_wnames;
	int no_fuzzy; /* adding names found in text: no misspelt forms */
	size_t nfz, nkw, nkfirst, cfz, ckw, ckfirst;
	struct idval *ids;
	size_t nids, cids;
	int too_large;
	int never; /* the value being added is never-share data (struct scrub_value) */
	char tpi[SCRUB_TPI_MAX][4], kpi[SCRUB_TPI_MAX][4]; /* third parties', kept people's initials */
	unsigned ntpi, nkpi;
};

/* The initials of a name of two or three words w[0..nw) (folded, ASCII
 * first letters) into list (at most SCRUB_TPI_MAX, each once). */
static void initials_add(char (*list)[4], unsigned *nl, const char *const *w, size_t nw)
{
	if (nw < 2 || nw > 3 || *nl >= SCRUB_TPI_MAX)
		return;
	char x[4] = {0};
	for (size_t k = 0; k < nw; k++) {
		if (w[k][0] < 'a' || w[k][0] > 'z')
			return;
		x[k] = (char)(w[k][0] - 'a' + 'A');
	}
	for (unsigned k = 0; k < *nl; k++)
		if (strcmp(list[k], x) == 0)
			return;
	memcpy(list[(*nl)++], x, 4);
}

static void *grow(void *v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return v;
	size_t c = *cap ? 2 * *cap : 16;
	void *p = realloc(v, c * size);
	if (p != NULL)
		*cap = c;
	return p;
}

/* Add " part0 part1 ... " (parts are folded words) as a pattern. */
static int pat_add(struct bctx *bc, struct patv *pv, const char *const *parts, const size_t *lens,
                   size_t np, int keep, unsigned kind, unsigned rule, int common)
{
	size_t n = 1;
	for (size_t i = 0; i < np; i++)
		n += lens[i] + 1;
	if (bc->never && pv == &bc->values && rule >= R_VAL_ADDR && rule <= R_VAL_ID)
		rule += R_NEV_ADDR - R_VAL_ADDR;
	if (bc->never && pv == &bc->values && rule == R_VAL_OWN)
		rule = R_NEV_OWN;
	if (bc->names.bytes + bc->values.bytes + n > MGW_SCRUB_MAX_PATTERN_BYTES) {
		bc->too_large = 1;
		return MGW_E_TOO_LARGE;
	}
	char *p = malloc(n);
	if (p == NULL)
		return MGW_E_NOMEM;
	size_t o = 0;
	p[o++] = ' ';
	for (size_t i = 0; i < np; i++) {
		memcpy(p + o, parts[i], lens[i]);
		o += lens[i];
		p[o++] = ' ';
	}
	struct pat *v = grow(pv->v, &pv->cap, pv->n, sizeof *v);
	if (v == NULL) {
		free(p);
		return MGW_E_NOMEM;
	}
	pv->v = v;
	pv->v[pv->n++] = (struct pat){p, (uint32_t)n, (uint32_t)np, (uint8_t)keep, (uint8_t)kind,
	                              (uint8_t)rule, (uint8_t)common};
	pv->bytes += n;
	if (n > pv->maxlen)
		pv->maxlen = n;
	return 0;
}

static int word_add(struct fzname **v, size_t *n, size_t *cap, const char *w, size_t len)
{
	if (len > 255)
		return 0;
	struct fzname *x = grow(*v, cap, *n, sizeof *x);
	if (x == NULL)
		return MGW_E_NOMEM;
	*v = x;
	char *p = malloc(len + 1);
	if (p == NULL)
		return MGW_E_NOMEM;
	memcpy(p, w, len);
	p[len] = 0;
	x[(*n)++] = (struct fzname){p, (uint8_t)len, 0};
	return 0;
}

/* The index of w in v, or n. */
static size_t word_at(const struct fzname *v, size_t n, const char *w, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].n == len && memcmp(v[i].p, w, len) == 0)
			return i;
	return n;
}

static int word_in(const struct fzname *v, size_t n, const char *w, size_t len)
{
	return word_at(v, n, w, len) < n;
}

/* Bytes of the UTF-8 character led by b (folded text is valid UTF-8). */
static size_t utf8_len(unsigned char b)
{
	return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

static int ascii_letters(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!sc_alpha((unsigned char)w[i]))
			return 0;
	return 1;
}

struct nick_ctx {
	struct bctx *bc;
	int keep;
	const char *sur;
	size_t sl;
};

static int nick_emit(void *ctx, const char *form, size_t len)
{
	struct nick_ctx *c = ctx;
	char f[64];
	int fl = len < sizeof f ? ident_name_fold(form, len, f, sizeof f) : 0;
	if (fl < 2 || memchr(f, ' ', (size_t)fl) != NULL)
		return 0;
	if (!c->keep && word_in(c->bc->kfirst, c->bc->nkfirst, f, (size_t)fl))
		return 0; /* a kept subject is called that too */
	const char *p[2] = {f, c->sur};
	size_t l[2] = {(size_t)fl, c->sl};
	int rc = pat_add(c->bc, &c->bc->names, p, l, 1, c->keep, SCRUB_NAME, R_NICK,
	                 scrub_common_word(f, (size_t)fl));
	if (rc == 0 && c->sur != NULL)
		rc = pat_add(c->bc, &c->bc->names, p, l, 2, c->keep, SCRUB_NAME, R_NICK, 0);
	return rc;
}

static int sorted_word(const char *const *T, size_t nt, const unsigned char *w, size_t n,
                       int fold);

/* A first name people are seldom called by, the name after it used
 * instead: Vietnamese middle markers (Thi, Van), and the Prophet's name,
 * an honorific or "servant of" first in South Asian and Arab names
 * (Mohammed, Md, Syed; Abdul of "Abdul Kader") */
static int called_after_first(const char *w, size_t l)
{
	static const char *const F[] = {"abd",      "abdel",   "abdul",    "md",
					"mohamed",  "mohammad", "mohammed", "muhammad", "muhammed",
					"sayed",    "sayyid",  "syed",     "thi",      "van"};
	return sorted_word(F, sizeof F / sizeof F[0], (const unsigned char *)w, l, 1);
}

/* Is w (folded, ASCII) the first word of a withheld name ("Yusuf" of a
 * child Yusuf Mohamed, the perpetrator Abdullahi Yusuf Mohamed kept)? */
static int withheld_first(const struct bctx *bc, const char *w, size_t l)
{
	for (size_t i = 0; i < bc->n_wnames; i++) {
		const char *n = bc->wnames[i];
		if (n == NULL)
			continue;
		while (*n == ' ')
			n++;
		if (strncasecmp(n, w, l) == 0 && (n[l] == ' ' || n[l] == 0 || n[l] == '-'))
			return 1;
	}
	return 0;
}

/*
 * The variants of one name (see scrub.h). Words are split at white space
 * before folding, so "Smith-Jones" stays one surname ("smith jones").
 */
static int add_name(struct bctx *bc, const char *name, int keep)
{
	size_t len = strlen(name), nw = 0, i = 0, o = 0;
	char *buf = NULL;
	const char **w = NULL;
	size_t *wl = NULL;
	size_t last_letters = 0;
	int rc = 0;

	if (len > MGW_SCRUB_MAX_ENTRY_BYTES) {
		bc->too_large = 1;
		return MGW_E_TOO_LARGE;
	}
	rc = MGW_E_NOMEM;
	buf = malloc(2 * len + 2);
	w = malloc((len / 2 + 2) * sizeof *w);
	wl = malloc((len / 2 + 2) * sizeof *wl);
	if (buf == NULL || w == NULL || wl == NULL)
		goto out;
	while (i < len) {
		struct ident_char c;
		size_t ws = i, letters = 0;
		while (i < len) { /* one white-space-delimited word */
			size_t k = ident_char_next(name + i, len - i, &c);
			if (c.cls == IDENT_C_SPACE)
				break;
			if (c.cls == IDENT_C_INVALID) {
				rc = 0; /* not UTF-8: ignored, as documented */
				goto out;
			}
			letters += c.cls == IDENT_C_LETTER;
			i += k;
		}
		int f = ident_name_fold(name + ws, i - ws, buf + o, 2 * len + 2 - o);
		if (f < 0) {
			rc = f == MGW_E_UTF8 ? 0 : MGW_E_NOMEM;
			goto out;
		}
		if (f > 0) {
			w[nw] = buf + o, wl[nw] = (size_t)f, nw++;
			o += (size_t)f + 1;
			last_letters = letters;
		}
		if (i < len)
			i += ident_char_next(name + i, len - i, &c);
	}
	rc = 0;
	if (nw == 0)
		goto out;
	if (nw >= 2 && w[0][0] >= 'a' && w[0][0] <= 'z') {
		if (keep)
			bc->init_k |= 1u << (w[0][0] - 'a');
		else
			bc->init_w |= 1u << (w[0][0] - 'a');
	}
	if (keep && nw >= 2 && w[nw - 1][0] >= 'a' && w[nw - 1][0] <= 'z')
		bc->sur_k |= 1u << (w[nw - 1][0] - 'a');
	if (keep)
		initials_add(bc->kpi, &bc->nkpi, (const char *const *)w, nw);
	else if (!bc->no_fuzzy)
		initials_add(bc->tpi, &bc->ntpi, (const char *const *)w, nw);
	if (keep) {
		for (size_t k = 0; k < nw; k++)
			if ((rc = word_add(&bc->kw, &bc->nkw, &bc->ckw, w[k], wl[k])) != 0)
				goto out;
		if (nw >= 2 && (rc = word_add(&bc->kfirst, &bc->nkfirst, &bc->ckfirst, w[0], wl[0])) != 0)
			goto out;
	}
	if ((rc = pat_add(bc, &bc->names, w, wl, nw, keep, SCRUB_NAME, R_NAME,
	                  nw == 1 && scrub_common_word(w[0], wl[0]))) != 0 ||
	    nw < 2)
		goto out;

	const char *sur = w[nw - 1], *first = w[0];
	size_t sl = wl[nw - 1], fl = wl[0], il = utf8_len((unsigned char)first[0]);
	const char *p2[2];
	size_t l2[2];
	if (last_letters >= 3 &&
	    (rc = pat_add(bc, &bc->names, &sur, &sl, 1, keep, SCRUB_NAME,
	                  bc->no_fuzzy ? R_FOUND_SURNAME : R_SURNAME,
	                  scrub_common_word(sur, sl))) != 0)
		goto out;
	/* s34: the family of a withheld person by its name in the plural
	 * ("The Nobles did a noble thing"): a surname of 4+ letters not ending
	 * in s; the plural only where a name is when it is a word. (A kept
	 * subject's family, "the Crawfords", is others: no kept plural.) */
	if (!keep && last_letters >= 4 && sl < 62 && sur[sl - 1] != 's') {
		char pl[64];
		memcpy(pl, sur, sl);
		pl[sl] = 's';
		const char *pp = pl;
		size_t pln = sl + 1;
		if ((rc = pat_add(bc, &bc->names, &pp, &pln, 1, keep, SCRUB_NAME,
		                  bc->no_fuzzy ? R_FOUND_SURNAME : R_SURNAME,
		                  scrub_common_word(pl, pln))) != 0)
			goto out;
	}
	p2[0] = first, l2[0] = il, p2[1] = sur, l2[1] = sl; /* J Smith */
	/* (a surname that is a word, only as a name is written: "A Noble",
	 * not "a noble thing") */
	if ((rc = pat_add(bc, &bc->names, p2, l2, 2, keep, SCRUB_NAME, R_INITIAL,
	                  scrub_common_word(sur, sl))) != 0)
		goto out;
	/* s49-never: "Jade F" of Jade Fenwick: the forename and the surname's
	 * initial, as a log writes a woman it knows (a name so written even
	 * when the forename is a word) */
	p2[0] = first, l2[0] = fl, p2[1] = sur, l2[1] = utf8_len((unsigned char)sur[0]);
	if (fl >= 2 && (rc = pat_add(bc, &bc->names, p2, l2, 2, keep, SCRUB_NAME, R_FIRSTSUR, 0)) != 0)
		goto out;
	p2[0] = sur, l2[0] = sl, p2[1] = first, l2[1] = fl; /* Smith, John */
	if ((rc = pat_add(bc, &bc->names, p2, l2, 2, keep, SCRUB_NAME, R_COMMA, 0)) != 0)
		goto out;
	if (nw >= 3 && nw <= 6) {
		/* A surname of several words ("Tadhg Nic Aodha", "Peigi Mhic
		 * Dhòmhnaill"): "Mr Nic Aodha", "MHIC DHÒMHNAILL, Peigi". The
		 * words after the first also cover a middle name and the
		 * surname, which name the same person. */
		const char *pm[6];
		size_t lm[6];
		for (size_t k = 1; k < nw; k++)
			pm[k - 1] = w[k], lm[k - 1] = wl[k];
		pm[nw - 1] = first, lm[nw - 1] = fl;
		if ((rc = pat_add(bc, &bc->names, pm, lm, nw - 1, keep, SCRUB_NAME, R_SURNAME, 0)) !=
		        0 ||
		    (rc = pat_add(bc, &bc->names, pm, lm, nw, keep, SCRUB_NAME, R_COMMA, 0)) != 0)
			goto out;
		/* The surname first and then every forename in order, as
		 * police and health records write a name ("SMITH, John Paul",
		 * "BRACKWATER Zephyrine Oda" for Zephyrine Oda Brackwater):
		 * the whole name, not the surname and first forename with the
		 * middle one left as another name. */
		pm[0] = sur, lm[0] = sl;
		for (size_t k = 0; k + 1 < nw; k++)
			pm[k + 1] = w[k], lm[k + 1] = wl[k];
		if ((rc = pat_add(bc, &bc->names, pm, lm, nw, keep, SCRUB_NAME, R_COMMA, 0)) != 0)
			goto out;
	}
	/* John alone, unless a kept subject is a John too; and John's nicknames. */
	if (fl >= 2 && il < fl && (keep || !word_in(bc->kfirst, bc->nkfirst, first, fl))) {
		if ((rc = pat_add(bc, &bc->names, &first, &fl, 1, keep, SCRUB_NAME,
		                  bc->no_fuzzy ? R_FOUND_FIRST : R_FIRST,
		                  scrub_common_word(first, fl))) != 0)
			goto out;
	}
	/* A middle name alone: a third party's, not where a kept subject's
	 * first name is the same word; a kept subject's where the first name
	 * is one people are not called by (called_after_first: "Lan" of "Thi
	 * Lan Nguyen", "Abdul Kader" of "Mohammed Abdul Kader Rahman"), and
	 * no withheld person's first name ("Yusuf", a child, of the
	 * perpetrator "Abdullahi Yusuf Mohamed") */
	for (size_t k = 1; k + 1 < nw && (!keep || called_after_first(first, fl)); k++) {
		const char *mw = w[k];
		size_t ml = wl[k];
		if (ml < 3 || !ascii_letters(mw, ml) ||
		    (!keep && word_in(bc->kfirst, bc->nkfirst, mw, ml)) ||
		    (keep && withheld_first(bc, mw, ml)) ||
		    (lex_classify(mw, ml) & (LEX_FUNCTION | LEX_PARTICLE | LEX_TITLE)))
			continue;
		if ((rc = pat_add(bc, &bc->names, &mw, &ml, 1, keep, SCRUB_NAME,
		                  bc->no_fuzzy ? R_FOUND_FIRST : R_FIRST, scrub_common_word(mw, ml))) != 0)
			goto out;
	}
	struct nick_ctx nc = {bc, keep, sur, sl};
	int nr = lex_nicknames(first, fl, nick_emit, &nc);
	if (nr < 0) {
		rc = nr;
		goto out;
	}
	/* A third party's long first name shortened as friends say it:
	 * "Rumbi" of "Rumbidzai", "Christo" of "Christopher": its first 4 to
	 * all but 2 letters, not where a kept subject has that word */
	if (!keep && !bc->no_fuzzy && fl >= 6 && fl <= 20 && ascii_letters(first, fl)) {
		for (size_t m = 4; m + 2 <= fl; m++) {
			if (word_in(bc->kw, bc->nkw, first, m) || word_in(bc->kfirst, bc->nkfirst, first, m))
				continue;
			if ((rc = pat_add(bc, &bc->names, &first, &m, 1, 0, SCRUB_NAME, R_NICK,
			                  scrub_common_word(first, m))) != 0)
				goto out;
		}
	}
	if (!keep && !bc->no_fuzzy && sl >= 5 && ascii_letters(sur, sl)) {
		/* (a forename listed before as misspelt by a doubled letter
		 * only, now a surname: any one edit, s53 review) */
		size_t at = word_at(bc->fz, bc->nfz, sur, sl);
		if (at < bc->nfz)
			bc->fz[at].dbl = 0;
		else if ((rc = word_add(&bc->fz, &bc->nfz, &bc->cfz, sur, sl)) != 0)
			goto out;
	}
	/* s49-never: a long forename misspelt as a surname is ("Agniezska",
	 * "Agniezka" of Agnieszka): 7+ letters, no word, no kept first name */
	if (!keep && !bc->no_fuzzy && fl >= 7 && ascii_letters(first, fl) &&
	    !scrub_common_word(first, fl) && !word_in(bc->kfirst, bc->nkfirst, first, fl) &&
	    !word_in(bc->fz, bc->nfz, first, fl) &&
	    (rc = word_add(&bc->fz, &bc->nfz, &bc->cfz, first, fl)) != 0)
		goto out;
	/* s53-never: a forename of 5 or 6 letters misspelt by a letter
	 * doubled ("Gwendda" of Gwenda, "Dorreen" of Doreen): that edit
	 * alone, as any edit of a short name makes other names */
	if (!keep && !bc->no_fuzzy && fl >= 5 && fl <= 6 && ascii_letters(first, fl) &&
	    !scrub_common_word(first, fl) && !word_in(bc->kfirst, bc->nkfirst, first, fl) &&
	    !word_in(bc->fz, bc->nfz, first, fl)) {
		if ((rc = word_add(&bc->fz, &bc->nfz, &bc->cfz, first, fl)) != 0)
			goto out;
		bc->fz[bc->nfz - 1].dbl = 1;
	}
	/* s35: a kept subject's forenames together, without the surname
	 * ("Mei Ling" of "Mei Ling Chen", "Anne Marie" of "Anne Marie Doyle"):
	 * how people say her name, and no third party's */
	if (keep && nw >= 3 &&
	    (rc = pat_add(bc, &bc->names, w, wl, nw - 1, keep, SCRUB_NAME, R_FIRSTSUR, 0)) != 0)
		goto out;
	if (nw >= 3) {
		p2[0] = first, l2[0] = fl, p2[1] = sur, l2[1] = sl; /* John Smith */
		if ((rc = pat_add(bc, &bc->names, p2, l2, 2, keep, SCRUB_NAME, R_FIRSTSUR, 0)) != 0)
			goto out;
		for (size_t k = 0; k + 1 < nw; k++) /* J P Smith: reuse w[] in place */
			wl[k] = utf8_len((unsigned char)w[k][0]);
		rc = pat_add(bc, &bc->names, w, wl, nw, keep, SCRUB_NAME, R_INITIALS, 0);
	}
out:
	free(buf);
	free(w);
	free(wl);
	return rc;
}

/* ---- withheld values -------------------------------------------------------- */

#define VAL_MAX_WORDS 24
/* The folded pass remembers where the last WORD_RING words started; a value
 * pattern has at most 2 * VAL_MAX_WORDS words ("33a" may split in two). */
#define WORD_RING 64
#define VAL_MAX_VARIANTS 48

struct words {
	const char *w[VAL_MAX_WORDS];
	size_t l[VAL_MAX_WORDS];
	size_t n;
};

/* Split canonical text (words separated by one space) into words. */
static void split(const char *c, size_t n, struct words *ws)
{
	size_t i = 0;
	ws->n = 0;
	while (i < n && ws->n < VAL_MAX_WORDS) {
		size_t j = i;
		while (j < n && c[j] != ' ')
			j++;
		if (j > i)
			ws->w[ws->n] = c + i, ws->l[ws->n++] = j - i;
		i = j + 1;
	}
}

struct var_ctx {
	struct bctx *bc;
	const struct words *ws;
	size_t to;
	unsigned kind, rule;
	const char *p[2 * VAL_MAX_WORDS];
	size_t l[2 * VAL_MAX_WORDS];
	int count;
};

/* Every written form of words [k, to): street types abbreviated or not,
 * "33a" also as "33 a". Bounded by VAL_MAX_VARIANTS. */
static int variants(struct var_ctx *vc, size_t k, size_t np)
{
	if (vc->count >= VAL_MAX_VARIANTS)
		return 0;
	if (k == vc->to) {
		vc->count++;
		return pat_add(vc->bc, &vc->bc->values, vc->p, vc->l, np, 0, vc->kind, vc->rule, 0);
	}
	const char *w = vc->ws->w[k];
	size_t wl = vc->ws->l[k];
	const char *forms[8];
	size_t nf = canon_street_forms(canon_street_word(w, wl) ? canon_street_word(w, wl) : "",
	                               forms, 8);
	int rc;
	if (nf == 0) {
		vc->p[np] = w, vc->l[np] = wl;
		if ((rc = variants(vc, k + 1, np + 1)) != 0)
			return rc;
		size_t d = 0;
		while (d < wl && sc_digit((unsigned char)w[d]))
			d++;
		if (d > 0 && d + 1 == wl && sc_alpha((unsigned char)w[d]) && wl < 16) { /* 33a */
			vc->p[np] = w, vc->l[np] = d;
			vc->p[np + 1] = w + d, vc->l[np + 1] = 1;
			return variants(vc, k + 1, np + 2);
		}
		return 0;
	}
	for (size_t f = 0; f < nf; f++) {
		vc->p[np] = forms[f], vc->l[np] = strlen(forms[f]);
		if ((rc = variants(vc, k + 1, np + 1)) != 0)
			return rc;
	}
	return 0;
}

static int add_words(struct bctx *bc, const struct words *ws, size_t from, size_t to,
                     unsigned kind, unsigned rule)
{
	size_t chars = 0;
	for (size_t k = from; k < to; k++)
		chars += ws->l[k] + 1;
	/* Too short to be safe to remove everywhere ("flat 2", "10"). */
	if (to <= from || chars < 7 || (to - from == 1 && chars < 9))
		return 0;
	struct var_ctx vc = {.bc = bc, .ws = ws, .to = to, .kind = kind, .rule = rule};
	return variants(&vc, from, 0);
}

static int is_street_type(const char *w, size_t n)
{
	const char *f = canon_street_word(w, n);
	return f != NULL && strcmp(f, "flat") != 0 && strcmp(f, "apartment") != 0;
}

static int has_digit(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (sc_digit((unsigned char)w[i]))
			return 1;
	return 0;
}

/*
 * A street's own name alone, one word, as notes shorten it ("mates on
 * Quillerby" of "22 Quillerby Way", "back on Marrowgate" of "40
 * Marrowgate"): only a word of five letters or more that the lexicon knows as
 * nothing else (not a common word, a town, an agency, a known name, a
 * street type), so "Station" of "Station Road", "Mill" of "Mill Lane"
 * and "Exampleby" of "Exampleby Road" stay; in an agency's name ("<Name> Family
 * Hub") it is the agency's (scrub_text: found_in_org).
 */
/* A Scottish tenement flat's position, folded: "3f2" (third floor, second
 * door), "1f1", "pf1" (principal floor), "gf2" (ground floor) */
static int scot_flat(const char *w, size_t l)
{
	size_t i = 0;
	if (l >= 3 && (w[0] == 'p' || w[0] == 'g') && w[1] == 'f')
		i = 2;
	else {
		while (i < l && i < 2 && sc_digit((unsigned char)w[i]))
			i++;
		if (i == 0 || i >= l || w[i] != 'f')
			return 0;
		i++;
	}
	size_t d = i;
	while (i < l && sc_digit((unsigned char)w[i]))
		i++;
	return i == l && i > d && i - d <= 2;
}

static int add_street_own(struct bctx *bc, const struct words *ls, size_t i, unsigned kind)
{
	const char *w = ls->w[i];
	size_t l = ls->l[i];
	if (l < 5 || has_digit(w, l) || scrub_common_word(w, l))
		return 0;
	for (size_t k = 0; k < l; k++)
		if (!((w[k] >= 'a' && w[k] <= 'z') || (w[k] >= 'A' && w[k] <= 'Z')))
			return 0; /* ASCII letters only: "heol-y-nant", accents */
	if (lex_classify(w, l) & ~LEX_SURNAME)
		return 0;
	return add_words(bc, ls, i, i + 1, kind, R_VAL_OWN);
}

/*
 * A building's name in an address, the part between commas with no digit
 * right before the house number and street ("Room 7, Foyer, 12 Dock
 * Street", "Flat 2, Mill House, 3 High St"): notes name the building alone
 * ("not at the Foyer"). Words that place a flat in a building ("Ground
 * Floor", "Rear") are none; a name of common words alone is withheld only
 * where a name is (common_ok: capitalised, not starting a sentence).
 */
static int floor_word(const char *w, size_t l)
{
	static const char *const FLOOR[] = {"basement", "first", "floor", "front", "ground",
					    "lower",    "rear",  "second", "top",  "upper"};
	return sorted_word(FLOOR, sizeof FLOOR / sizeof FLOOR[0], (const unsigned char *)w, l, 0);
}

static int venue_head(const unsigned char *w, size_t n);
static int word_of(const unsigned char *s, size_t a, size_t e, const char *const *list);

static int add_building(struct bctx *bc, const char *text, size_t len, unsigned kind)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		if (c == NULL)
			break;
		const char *q = c + 1;
		while (q < end && *q == ' ')
			q++;
		int digit = 0;
		for (const char *x = p; x < c; x++)
			digit |= sc_digit((unsigned char)*x);
		/* s34: a house by its name before a street with no number
		 * ("The Old Rectory, Church Lane, Madeley": "hosted at the Old
		 * Rectory") */
		/* (s51-never: or later, when its last word is a building's
		 * kind: "Tŷ Isaf, Cefn Farm, Llangurig") */
		const char *lw = c;
		while (lw > p && sc_alpha((unsigned char)lw[-1]))
			lw--;
		/* (s52-never: or a house named "The <Name>" anywhere: "2
		 * Kennels Cottages, The Kennels, Stow Road": "curfew at the
		 * Kennels") */
		const char *pp = p;
		while (pp < c && *pp == ' ')
			pp++;
		int the = c - pp > 4 && strncmp(pp, "The ", 4) == 0 && sc_upper((unsigned char)pp[4]);
		int named = (p == text || the || venue_head((const unsigned char *)lw, (size_t)(c - lw))) &&
			    q < end && sc_alpha((unsigned char)*q);
		for (const char *x = q; named && x < end && *x != ','; x++)
			named = !sc_digit((unsigned char)*x);
		if (!digit && q < end && (sc_digit((unsigned char)*q) || named)) {
			/* s50-never: a name and another in brackets ("Yasemin
			 * House (Gülistan Women's Trust)": the refuge and the
			 * charity that runs it), each a name notes use alone */
			const char *ob = memchr(p, '(', (size_t)(c - p));
			const char *cb = ob ? memchr(ob, ')', (size_t)(c - ob)) : NULL;
			/* (and the name after the bracket: "(Refuge) Yasemin House") */
			for (int part = 0; part < (cb ? 3 : 1); part++) {
			const char *pa = !cb ? p : part == 0 ? p : part == 1 ? ob + 1 : cb + 1;
			const char *pe = !cb ? c : part == 0 ? ob : part == 1 ? cb : c;
			if (pe <= pa)
				continue;
			char b[MGW_SCRUB_MAX_ENTRY_BYTES * 2];
			struct words ws;
			size_t m = canon_value(CANON_ADDRESS, pa, (size_t)(pe - pa), b, sizeof b);
			if (m == (size_t)-1 || m < 4)
				continue;
			split(b, m, &ws);
			/* (its article goes: "at the Old Rectory") */
			size_t w0 = ws.n > 1 && ws.l[0] == 3 && strncasecmp(ws.w[0], "the", 3) == 0;
			int common = 1, own = 0;
			int floor = 0;
			for (size_t k = w0; k < ws.n; k++) {
				floor |= floor_word(ws.w[k], ws.l[k]);
				unsigned lx = lex_classify(ws.w[k], ws.l[k]);
				common &= scrub_common_word(ws.w[k], ws.l[k]) || (lx & LEX_FUNCTION) != 0;
				own |= ws.l[k] >= 4 && !(lx & LEX_FUNCTION);
			}
			if (floor)
				continue;
			int rc;
			/* (a house's name of one word, "Refuge, Bath Rd area", may
			 * be a charity's: only with a number after it) */
			/* (not a street's kind alone: "Flat 2, The Avenue, <Town>") */
			int kind1 = ws.n - w0 == 1 && canon_street_word(ws.w[w0], ws.l[w0]) != NULL;
			if (own && ws.n <= 4 &&
			    !(named && !sc_digit((unsigned char)*q) && ws.n - w0 < 2 && !(the && w0 && !kind1))) {
				if ((rc = pat_add(bc, &bc->values, ws.w + w0, ws.l + w0, ws.n - w0, 0, kind,
				                  R_VAL_STREET, common)) != 0)
					return rc;
				/* s51-never: its kind shortened ("Cefn Farm" as "Cefn
				 * Fm", "Kennels Cottages" as "Kennels Cotts") */
				const char *wp[4], *forms[8];
				size_t plen[4], last = ws.n - 1;
				const char *full = canon_street_word(ws.w[last], ws.l[last]);
				size_t nf = ws.n - w0 >= 2 && full ? canon_street_forms(full, forms, 8) : 0;
				for (size_t k = w0; k < ws.n; k++)
					wp[k - w0] = ws.w[k], plen[k - w0] = ws.l[k];
				for (size_t f = 0; f < nf; f++) {
					if (strlen(forms[f]) == ws.l[last] &&
					    memcmp(forms[f], ws.w[last], ws.l[last]) == 0)
						continue;
					wp[last - w0] = forms[f], plen[last - w0] = strlen(forms[f]);
					if ((rc = pat_add(bc, &bc->values, wp, plen, ws.n - w0, 0, kind,
					                  R_VAL_STREET, common)) != 0)
						return rc;
				}
			}
			}
		}
		p = c + 1;
	}
	return 0;
}

/*
 * s47-never: a boat as an address ("nb Kestrel (continuous cruiser)",
 * "Narrowboat Tinker's Dream, towpath mooring"): notes name the boat by its
 * name, with the prefix or without ("came across nb Kestrel at ..."). The
 * words after the prefix, up to a bracket or a comma, one to four: withheld
 * with "nb" before them, and alone (where a name would be when all are
 * common words: "Tinker's Dream"; one word alone only when no common word:
 * "Kestrel" alone stays).
 */
static int add_boat(struct bctx *bc, const char *text, size_t len, unsigned kind)
{
	static const char *const PRE[] = {"nb", "n/b", "narrowboat", "widebeam", "wb", "mv", NULL};
	size_t i = 0;
	while (i < len && text[i] != ' ')
		i++;
	int pre = 0;
	for (size_t k = 0; PRE[k] && !pre; k++)
		pre = strlen(PRE[k]) == i && strncasecmp(text, PRE[k], i) == 0;
	if (!pre || i + 1 >= len)
		return 0;
	size_t a = i + 1, e = a;
	while (e < len && text[e] != '(' && text[e] != ',')
		e++;
	char b[MGW_SCRUB_MAX_ENTRY_BYTES * 2];
	struct words ws;
	size_t m = canon_value(CANON_ADDRESS, text + a, e - a, b, sizeof b);
	if (m == (size_t)-1 || m < 3)
		return 0;
	split(b, m, &ws);
	if (ws.n == 0 || ws.n > 4)
		return 0;
	int common = 1;
	for (size_t k = 0; k < ws.n; k++)
		common &= scrub_common_word(ws.w[k], ws.l[k]) ||
			  (lex_classify(ws.w[k], ws.l[k]) & LEX_FUNCTION) != 0;
	const char *pw[5] = {"nb"};
	size_t pl[5] = {2};
	for (size_t k = 0; k < ws.n; k++)
		pw[k + 1] = ws.w[k], pl[k + 1] = ws.l[k];
	int rc = pat_add(bc, &bc->values, pw, pl, ws.n + 1, 0, kind, R_VAL_STREET, 0);
	/* (one common word alone is too often the word: "no Hope", "a
	 * Kestrel" stay; "nb Kestrel" goes) */
	if (rc == 0 && (ws.n > 1 || (ws.l[0] >= 5 && !common)))
		rc = pat_add(bc, &bc->values, (const char *const *)ws.w, ws.l, ws.n, 0, kind,
			     R_VAL_STREET, common);
	/* s52-never: a name with its numeral ("NB Kingfisher II"): notes drop
	 * the numeral ("still on Kingfisher below Caen Hill"); a common word
	 * alone only where a name would be */
	static const char *const NUM[] = {"ii", "iii", "iv", "v", "vi", "2", "3", "4", NULL};
	if (rc == 0 && ws.n >= 2 && word_of((const unsigned char *)ws.w[ws.n - 1], 0, ws.l[ws.n - 1], NUM) &&
	    ws.l[0] + (ws.n > 2 ? ws.l[1] : 0) >= 5) {
		int c2 = 1;
		for (size_t k = 0; k + 1 < ws.n; k++)
			c2 &= scrub_common_word(ws.w[k], ws.l[k]) ||
			      (lex_classify(ws.w[k], ws.l[k]) & LEX_FUNCTION) != 0;
		rc = pat_add(bc, &bc->values, (const char *const *)ws.w, ws.l, ws.n - 1, 0, kind,
			     R_VAL_STREET, c2);
	}
	return rc;
}

/*
 * s51-never: a street named after a block's line with no number ("Flat 21,
 * Alder House, Commercial Way, London"): notes name her street alone ("the
 * Commercial Way condition", "not to enter Commercial Way"). Each part
 * after the first, no figure in it, of two to four words ending in a
 * street's kind (not a building's: house, court, cottage, farm ...): the
 * street alone.
 */
static int add_later_streets(struct bctx *bc, const char *text, size_t len, unsigned kind)
{
	static const char *const BLDG[] = {"house", "flat", "apartment", "buildings", "cottage",
					   "cottages", "farm", "manor", "court", "mews", NULL};
	/* (not a garrison, a camp or a village: a town's size, named as
	 * its units and agencies are, "UWO, Tidworth Camp") */
	static const char *const AREA[] = {"estate", "patch", "lines", "site", NULL};
	const char *p = memchr(text, ',', len), *end = text + len;
	while (p != NULL && p < end) {
		const char *a = p + 1, *c = memchr(a, ',', (size_t)(end - a));
		const char *e = c ? c : end;
		p = c;
		int digit = 0;
		for (const char *x = a; x < e; x++)
			digit |= sc_digit((unsigned char)*x);
		if (digit)
			continue;
		char b[MGW_SCRUB_MAX_ENTRY_BYTES * 2];
		struct words ws;
		size_t m = canon_value(CANON_ADDRESS, a, (size_t)(e - a), b, sizeof b);
		if (m == (size_t)-1 || m == 0)
			continue;
		split(b, m, &ws);
		if (ws.n < 2 || ws.n > 4)
			continue;
		/* s56-never: or an estate, a garrison's patch, a camp's lines, a
		 * site ("14 Tobruk Way, Hildyard Patch, Catterick Garrison": "not
		 * to attend the Hildyard patch") */
		int area = word_of((const unsigned char *)ws.w[ws.n - 1], 0, ws.l[ws.n - 1], AREA);
		if (!area && !is_street_type(ws.w[ws.n - 1], ws.l[ws.n - 1]))
			continue;
		const char *full = area ? "" : canon_street_word(ws.w[ws.n - 1], ws.l[ws.n - 1]);
		int bldg = 0;
		for (size_t k = 0; BLDG[k] && !bldg; k++)
			bldg = strcmp(full, BLDG[k]) == 0;
		if (bldg)
			continue;
		/* (words all common, "Commercial Way": only as a name is
		 * written, capitalised, not "the commercial way forward") */
		int common = 1, rc;
		for (size_t k = 0; k < ws.n; k++)
			common &= scrub_common_word(ws.w[k], ws.l[k]) ||
				  (lex_classify(ws.w[k], ws.l[k]) & LEX_FUNCTION) != 0;
		if (common)
			rc = pat_add(bc, &bc->values, (const char *const *)ws.w, ws.l, ws.n, 0, kind,
				     R_VAL_STREET, 1);
		else
			rc = add_words(bc, &ws, 0, ws.n, kind, R_VAL_STREET);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/*
 * s57-never: the village or suburb of her never-share address, the part
 * before its town ("Plot 2, Honeypot Lane private site, Middleton St George,
 * Darlington": "a private Traveller site, Middleton St George"; "3 Mill
 * Lane, Gargrave, Skipton"): it says where she is nearly as the street
 * does. Three parts or more; the part before the last, when it holds no
 * figure and names no street; not a lone common word ("Heath"); add_words
 * takes nothing shorter than eight letters alone. The town itself stays (a
 * city names no one's home).
 */
static int add_locality(struct bctx *bc, const char *text, size_t len, unsigned kind)
{
	/* (a postcode after the town is no part: "..., Darlington, DL2 1TH") */
	const char *end = text + len, *lc = NULL;
	for (const char *q = text; q < end; q++)
		if (*q == ',')
			lc = q;
	if (lc != NULL && has_digit(lc + 1, (size_t)(end - lc - 1)))
		end = lc;
	const char *c1 = NULL, *c2 = NULL; /* the last two commas */
	for (const char *q = text; q < end; q++)
		if (*q == ',')
			c1 = c2, c2 = q;
	if (c1 == NULL)
		return 0; /* fewer than three parts */
	const char *a = c1 + 1, *e = c2;
	for (const char *x = a; x < e; x++)
		if (sc_digit((unsigned char)*x))
			return 0;
	char b[MGW_SCRUB_MAX_ENTRY_BYTES * 2];
	struct words ws;
	size_t m = canon_value(CANON_ADDRESS, a, (size_t)(e - a), b, sizeof b);
	if (m == (size_t)-1 || m == 0)
		return 0;
	split(b, m, &ws);
	if (ws.n == 0 || ws.n > 4 || is_street_type(ws.w[ws.n - 1], ws.l[ws.n - 1]) ||
	    (ws.n == 1 && scrub_common_word(ws.w[0], ws.l[0])))
		return 0;
	/* (as a place: a venue's or council's word after it goes with it,
	 * "<Suburb> Leisure Centre") */
	return add_words(bc, &ws, 0, ws.n, kind, R_VAL_TEXT);
}

/*
 * An address: the whole (postcode dropped), its first line ("33a grange
 * court", or "flat 10 170a cliff walk" when the first part names no
 * street), the number and street, and the street alone.
 */
static int add_address(struct bctx *bc, const char *text, size_t len, unsigned kind)
{
	char full[MGW_SCRUB_MAX_ENTRY_BYTES * 2], line[MGW_SCRUB_MAX_ENTRY_BYTES * 2];
	struct words ws, ls;
	int rc;
	/* s31-over: a prison ("HMP Leyhill", "HMYOI Polmont", "HM Prison
	 * ...") is where he is held, a public institution every agency names
	 * ("ROTL board - HMP Leyhill"): no value to withhold in free text */
	while (len > 0 && (*text == ' ' || *text == '\t'))
		text++, len--;
	if ((len > 4 && strncasecmp(text, "hmp ", 4) == 0) ||
	    (len > 6 && strncasecmp(text, "hmyoi ", 6) == 0) ||
	    (len > 8 && strncasecmp(text, "hmp&yoi ", 8) == 0) ||
	    (len > 10 && strncasecmp(text, "hm prison ", 10) == 0))
		return 0;
	size_t n = canon_value(CANON_ADDRESS, text, len, full, sizeof full);
	if (n == (size_t)-1 || n == 0)
		return 0;
	split(full, n, &ws);
	if ((rc = add_words(bc, &ws, 0, ws.n, kind, R_VAL_ADDR)) != 0 ||
	    (rc = add_building(bc, text, len, kind)) != 0 || (rc = add_boat(bc, text, len, kind)) != 0 ||
	    (rc = add_later_streets(bc, text, len, kind)) != 0 ||
	    (bc->never && (rc = add_locality(bc, text, len, kind)) != 0))
		return rc;
	const char *c1 = memchr(text, ',', len);
	size_t e1 = c1 ? (size_t)(c1 - text) : len;
	size_t m = canon_value(CANON_ADDRESS, text, e1, line, sizeof line);
	if (m == (size_t)-1)
		return 0;
	split(line, m, &ls);
	/* s41-never: a Scottish flat's position alone before the house
	 * ("3F2, 11 Bryson Wynd"): notes name the flat by it ("argument at
	 * 3F2") */
	if (c1 != NULL && ls.n == 1 && scot_flat(ls.w[0], ls.l[0]) &&
	    (rc = pat_add(bc, &bc->values, ls.w, ls.l, 1, 0, kind, R_VAL_OWN, 0)) != 0)
		return rc; /* (shorter than add_words takes: its shape says what it is) */
	/* s51-never: a caravan's, a chalet's or a plot's number on its site
	 * ("Caravan 41, Sandpiper Holiday Park": "Subject: Caravan 41 - Kerry
	 * and the kids"): hers alone on the site, unlike "Flat 2" */
	static const char *const UNIT[] = {"caravan", "chalet", "plot", "pitch", "lodge", "cabin",
					   "berth", "mooring", "static", "van", NULL};
	if (c1 != NULL && ls.n == 2 && word_of((const unsigned char *)ls.w[0], 0, ls.l[0], UNIT) &&
	    has_digit(ls.w[1], ls.l[1])) {
		if ((rc = pat_add(bc, &bc->values, ls.w, ls.l, 2, 0, kind, R_VAL_OWN, 0)) != 0)
			return rc;
		/* s57-never: on a Traveller site her pitch, its chalet and
		 * its amenity block go by one number ("Pitch 7": "at the door
		 * of chalet 7", "parked across amenity block 7") */
		static const char *const SITE[] = {"pitch", "plot", "chalet", "trailer", "caravan",
						   "static", NULL};
		static const struct {
			const char *w[2];
			size_t l[2], n;
		} ALT[] = {{{"pitch"}, {5}, 1},   {{"plot"}, {4}, 1},
			   {{"chalet"}, {6}, 1},  {{"trailer"}, {7}, 1},
			   {{"amenity", "block"}, {7, 5}, 2}};
		for (size_t a = 0; a < sizeof ALT / sizeof ALT[0] &&
				   word_of((const unsigned char *)ls.w[0], 0, ls.l[0], SITE);
		     a++) {
			if (ALT[a].l[0] == ls.l[0] && memcmp(ALT[a].w[0], ls.w[0], ls.l[0]) == 0)
				continue; /* her own unit's word: added above */
			const char *w2[3] = {ALT[a].w[0], ALT[a].w[1]};
			size_t l2[3] = {ALT[a].l[0], ALT[a].l[1]};
			w2[ALT[a].n] = ls.w[1], l2[ALT[a].n] = ls.l[1];
			if ((rc = pat_add(bc, &bc->values, w2, l2, ALT[a].n + 1, 0, kind, R_VAL_OWN, 0)) != 0)
				return rc;
		}
	}
	int street = 0;
	for (size_t k = 0; k < ls.n; k++)
		street |= is_street_type(ls.w[k], ls.l[k]);
	if (!street && c1 != NULL) { /* "Flat 10, 170a Cliff Walk" */
		const char *c2 = memchr(c1 + 1, ',', len - e1 - 1);
		size_t e2 = c2 ? (size_t)(c2 - text) : len;
		m = canon_value(CANON_ADDRESS, text, e2, line, sizeof line);
		if (m == (size_t)-1)
			return 0;
		split(line, m, &ls);
	}
	if (ls.n < ws.n && (rc = add_words(bc, &ls, 0, ls.n, kind, R_VAL_LINE1)) != 0)
		return rc;
	size_t t = ls.n;
	while (t > 0 && !is_street_type(ls.w[t - 1], ls.l[t - 1]))
		t--;
	if (t == 0) {
		/* one word after the last number: a street with no type ("40
		 * Marrowgate", "Flat 6, 40 Marrowgate") goes by it alone */
		size_t dl = ls.n;
		while (dl > 0 && !has_digit(ls.w[dl - 1], ls.l[dl - 1]))
			dl--;
		if (dl > 0 && ls.n - dl == 1 && (rc = add_street_own(bc, &ls, dl, kind)) != 0)
			return rc;
		/* No street type ("14 Ormesby Bank", "3 Heol y Nant"): the words
		 * after the house number, when two or more, name the street. ls
		 * ran to the second comma: the first line again ("14 Ormesby Bank,
		 * <town>"), unless it names no street ("Flat 3, 45 Green Lanes":
		 * the number is the last one before the street then). */
		if (c1 != NULL) {
			char l1[sizeof line];
			struct words w1;
			m = canon_value(CANON_ADDRESS, text, e1, l1, sizeof l1);
			if (m == (size_t)-1)
				return 0;
			split(l1, m, &w1);
			size_t k = 0;
			while (k < w1.n && !has_digit(w1.w[k], w1.l[k]))
				k++;
			if (k < w1.n && w1.n - (k + 1) >= 2) {
				memcpy(line, l1, m);
				split(line, m, &ls);
			}
		}
		size_t d0 = ls.n;
		while (d0 > 0 && !has_digit(ls.w[d0 - 1], ls.l[d0 - 1]))
			d0--;
		d0 = d0 > 0 ? d0 - 1 : ls.n;
		/* not a flat's floor: "Flat 2, Ground Floor, 3 Kiln Way" names no
		 * street "Ground Floor" */
		int floor = 0;
		for (size_t k = d0 + 1; k < ls.n; k++)
			floor |= floor_word(ls.w[k], ls.l[k]);
		if (!floor && d0 < ls.n && ls.n - (d0 + 1) >= 2 &&
		    ((rc = add_words(bc, &ls, d0, ls.n, kind, R_VAL_LINE1)) != 0 ||
		     (rc = add_words(bc, &ls, d0 + 1, ls.n, kind, R_VAL_STREET)) != 0))
			return rc;
		return 0;
	}
	t--; /* the street type */
	size_t d = t;
	while (d > 0 && !has_digit(ls.w[d - 1], ls.l[d - 1]))
		d--;
	/* "170a cliff walk" and "170a cliff walk cleethorpes" without "flat 10". */
	if (d > 0 && d - 1 > 0 &&
	    ((rc = add_words(bc, &ls, d - 1, t + 1, kind, R_VAL_LINE1)) != 0 ||
	     (ls.n < ws.n && (rc = add_words(bc, &ws, d - 1, ws.n, kind, R_VAL_ADDR)) != 0)))
		return rc;
	if (t > d) { /* at least one word of name before the type */
		if ((rc = add_words(bc, &ls, d, t + 1, kind, R_VAL_STREET)) != 0)
			return rc;
		if (t == d + 1) /* "Quillerby" of "Quillerby Way" */
			return add_street_own(bc, &ls, d, kind);
	}
	return 0;
}

/*
 * A listed place's own name, as notes shorten it: "Brackwater Park" and
 * "Brackwater Park Primary" of "Brackwater Park Primary School", "St Anne's" of
 * "St Anne's RC Primary", "Kelsby Vale Academy" of "Kelsby Vale Academy
 * Bristol" (a town after the last institution word). Words read as a
 * school's or an institution's kind (lexicon.h LEX_INSTITUTION, and the
 * school words below) are taken off the end one by one, each shorter form
 * a value; the shortest keeps at least one word of 3+ letters that is no
 * such word, nor a function word ("the"). A shortest form of common words
 * alone ("The Meadows") is withheld only where a name of common words is
 * (common_ok: capitalised, not starting a sentence); one common word alone
 * that the lexicon knows as a place's or an agency's ("City" of "City
 * Academy") is no name.
 */
static int school_word(const char *w, size_t l)
{
	static const char *const W[] = {"aided", "anglican", "baptist", "boys", "c", "catholic", "ce",
	                                "christian", "cofe", "community", "controlled", "cp", "e",
	                                "england", "federation", "first", "form", "free", "girls",
	                                "grammar", "high", "independent", "infant", "infants",
	                                "islamic", "jmi", "junior", "juniors", "learning", "lower",
	                                "methodist", "middle", "muslim", "of", "prep", "preparatory",
	                                "ps", "rc", "sikh", "special", "upper", "va", "vc",
	                                /* a nursery's kind: "Day Nursery", "Pre-Prep",
	                                 * "Montessori", "Playgroup" */
	                                "day", "pre", "playgroup", "montessori", "kindergarten",
	                                "creche", "childcare"};
	for (size_t k = 0; k < sizeof W / sizeof W[0]; k++)
		if (strlen(W[k]) == l && memcmp(W[k], w, l) == 0)
			return 1;
	return (lex_classify(w, l) & LEX_INSTITUTION) != 0;
}

/* Of a school's words [0, e): whether one is its own (3+ letters, no
 * institution or function word: *own) and whether all are common or
 * function words (*plain, "The Hill"). */
static void school_own_words(const struct words *ws, size_t e, int *own, int *plain)
{
	*own = 0, *plain = 1;
	for (size_t k = 0; k < e; k++) {
		int fn = (lex_classify(ws->w[k], ws->l[k]) & LEX_FUNCTION) != 0;
		*own |= ws->l[k] >= 3 && !school_word(ws->w[k], ws->l[k]) && !fn;
		*plain &= scrub_common_word(ws->w[k], ws->l[k]) || fn;
	}
}

static int add_place_short(struct bctx *bc, const struct words *ws, unsigned kind)
{
	size_t n = ws->n, last = 0;
	int rc;
	for (size_t k = 0; k < n; k++)
		if (school_word(ws->w[k], ws->l[k]))
			last = k + 1;
	static const char *const FIRST[] = {"ysgol", "scoil", "gaelscoil", "bunscoil", "sgoil",
					    "coleg", NULL};
	int first = 0;
	for (int f = 0; FIRST[f]; f++)
		first |= strlen(FIRST[f]) == ws->l[0] && memcmp(FIRST[f], ws->w[0], ws->l[0]) == 0;
	if (first && last <= 1 && n >= 2) {
		/* s46-never: the school word first ("Ysgol Friars", "Ysgol y
		 * Garnedd", "Scoil na Mara"): the words after it, and its
		 * article, are what a note calls it ("Sofiia at Friars"); common
		 * words only where a name would be */
		size_t k = 1;
		static const char *const ART[] = {"y", "yr", "na", "an", NULL};
		/* s49-never: its kind after the school word ("Ysgol Gynradd
		 * Pen-y-Garth", "Ysgol Uwchradd ...", "Scoil Naisiunta ..."):
		 * "School is Pen-y-Garth" */
		static const char *const KIND[] = {"gynradd", "uwchradd", "gyfun", "feithrin",
						   "gymraeg", "babanod", "iau", "naisiunta",
						   "náisiúnta", "chuimsitheach", NULL};
		for (int a = 0; KIND[a] && k + 1 < n; a++)
			if (strlen(KIND[a]) == ws->l[k] && memcmp(KIND[a], ws->w[k], ws->l[k]) == 0)
				k++, a = -1;
		for (int a = 0; ART[a] && k + 1 < n; a++)
			if (strlen(ART[a]) == ws->l[k] && memcmp(ART[a], ws->w[k], ws->l[k]) == 0)
				k++;
		int own, plain;
		struct words rest = {.n = 0};
		for (size_t m = k; m < n; m++)
			rest.w[rest.n] = ws->w[m], rest.l[rest.n++] = ws->l[m];
		school_own_words(&rest, rest.n, &own, &plain);
		if (rest.n == 0 || !own)
			return 0;
		return pat_add(bc, &bc->values, rest.w, rest.l, rest.n, 0, kind, R_VAL_TEXT, plain);
	}
	if (last == 0 || last == 1)
		return 0; /* no institution word, or it comes first ("Ysgol ...") */
	/* "... Academy Bristol": the name up to its institution word */
	if (last < n && n - last <= 2 &&
	    (rc = pat_add(bc, &bc->values, ws->w, ws->l, last, 0, kind, R_VAL_TEXT, 0)) != 0)
		return rc;
	if (last < n)
		n = last;
	/* the name's own words end where the institution words start */
	size_t e = n;
	/* (s34: "and" between two kinds: "Mill Fold Junior and Infant
	 * School", which a note writes "Mill Fold J&I") */
	while (e > 0 && (school_word(ws->w[e - 1], ws->l[e - 1]) ||
			 (e >= 2 && e < n && ws->l[e - 1] == 3 && memcmp(ws->w[e - 1], "and", 3) == 0 &&
			  school_word(ws->w[e - 2], ws->l[e - 2]))))
		e--;
	int own, plain;
	school_own_words(ws, e, &own, &plain);
	if (e == 0 || !own || (plain && e == 1 && (lex_classify(ws->w[0], ws->l[0]) & LEX_ALLOW)))
		return 0; /* "City" of "City Academy": no name of its own */
	for (size_t m = n - 1; m >= e && m > 0; m--) {
		/* "The Hill": common words alone only where a name would be */
		int common = plain && m == e;
		if ((rc = pat_add(bc, &bc->values, ws->w, ws->l, m, 0, kind, R_VAL_TEXT, common)) != 0)
			return rc;
	}
	/* s40-never: "Heaton Royds" of "Heaton Royds Lane Primary School": a
	 * school named after its street, shortened to the street's own name
	 * (two words or more before the street's word; common words alone
	 * only where a name would be) */
	if (e >= 3 && (lex_classify(ws->w[e - 1], ws->l[e - 1]) & LEX_STREET)) {
		int own2, plain2;
		school_own_words(ws, e - 1, &own2, &plain2);
		if (own2 && (rc = pat_add(bc, &bc->values, ws->w, ws->l, e - 1, 0, kind, R_VAL_TEXT,
		                          plain2)) != 0)
			return rc;
	}
	/* "Becket" of "Thomas A Becket Infant School", "Bluecoat" of "Bishop of
	 * Hereford's Bluecoat School": a child names its school by the last
	 * word of its own name when that word is no common word, forename or
	 * place of its own (5+ letters) */
	if (e >= 2 && ws->l[e - 1] >= 5 &&
	    !(lex_classify(ws->w[e - 1], ws->l[e - 1]) &
	      (LEX_COMMON | LEX_FORENAME | LEX_ALLOW | LEX_FUNCTION | LEX_PLACE | LEX_STREET |
	       LEX_INSTITUTION)) &&
	    !scrub_common_word(ws->w[e - 1], ws->l[e - 1]) &&
	    (rc = pat_add(bc, &bc->values, ws->w + e - 1, ws->l + e - 1, 1, 0, kind, R_VAL_TEXT,
	                  0)) != 0)
		return rc;
	/* s36-never: "St Barnabas" of "St Barnabas and St Paul's CE Primary":
	 * two churches' school, named by the first (two words or more before
	 * the "and", one of its own) */
	for (size_t j = 2; j + 1 < e; j++) {
		if (!(ws->l[j] == 3 && memcmp(ws->w[j], "and", 3) == 0))
			continue;
		int own1, plain1;
		school_own_words(ws, j, &own1, &plain1);
		if (own1 && (rc = pat_add(bc, &bc->values, ws->w, ws->l, j, 0, kind, R_VAL_TEXT,
		                          plain1)) != 0)
			return rc;
		break;
	}
	/* "<Name>" of "The <Name> Academy": its own words without "The" */
	if (e >= 2 && ws->l[0] == 3 && memcmp(ws->w[0], "the", 3) == 0) {
		int common = 1;
		for (size_t k = 1; k < e; k++)
			common &= scrub_common_word(ws->w[k], ws->l[k]) ||
			          (lex_classify(ws->w[k], ws->l[k]) & LEX_FUNCTION) != 0;
		if ((rc = pat_add(bc, &bc->values, ws->w + 1, ws->l + 1, e - 1, 0, kind, R_VAL_TEXT,
		                  common)) != 0)
			return rc;
	}
	return 0;
}

static int add_text(struct bctx *bc, const char *text, size_t len, unsigned kind)
{
	char c[MGW_SCRUB_MAX_ENTRY_BYTES * 2];
	struct words ws;
	int rc;
	size_t n = canon_value(CANON_TEXT, text, len, c, sizeof c);
	if (n == (size_t)-1 || n == 0)
		return 0;
	split(c, n, &ws);
	/* (three letters in capitals too: a hospital's, "LGI", where she is) */
	int caps3 = n == 3 && len == 3 && sc_upper((unsigned char)text[0]) &&
		    sc_upper((unsigned char)text[1]) && sc_upper((unsigned char)text[2]);
	if ((n < 4 && !caps3) ||
	    (rc = pat_add(bc, &bc->values, ws.w, ws.l, ws.n, 0, kind, R_VAL_TEXT, 0)) != 0)
		return 0;
	if (kind == SCRUB_PLACE && (rc = add_place_short(bc, &ws, kind)) != 0)
		return rc;
	const char *c1 = memchr(text, ',', len);
	if (c1 == NULL)
		return 0;
	n = canon_value(CANON_TEXT, text, (size_t)(c1 - text), c, sizeof c);
	if (n == (size_t)-1 || n < 6)
		return 0;
	split(c, n, &ws);
	return ws.n >= 2 ? pat_add(bc, &bc->values, ws.w, ws.l, ws.n, 0, kind, R_VAL_TEXT, 0) : 0;
}

static int id_add(struct bctx *bc, const char *p, size_t n, unsigned kind)
{
	if (n < 5 || n > 40)
		return 0;
	struct idval *v = grow(bc->ids, &bc->cids, bc->nids, sizeof *v);
	if (v == NULL)
		return MGW_E_NOMEM;
	bc->ids = v;
	char *q = malloc(n + 1);
	if (q == NULL)
		return MGW_E_NOMEM;
	memcpy(q, p, n);
	q[n] = 0;
	v[bc->nids++] = (struct idval){q, (uint8_t)n, (uint8_t)kind,
	                               (uint8_t)(bc->never ? R_NEV_ID : R_VAL_ID)};
	return 0;
}

/* A phone in every form its digits can be written: 07700900123,
 * 447700900123, 4407700900123, 00447700900123, 004407700900123. */
static int add_phone(struct bctx *bc, const char *text, size_t len, unsigned kind)
{
	char e[16], d[48], f[48];
	int rc;
	if (ident_phone_e164(text, len, e) == 0) {
		static const char *const PRE[] = {"0", "44", "440", "0044", "00440"};
		for (size_t i = 0; i < 5; i++) {
			size_t pl = strlen(PRE[i]);
			memcpy(f, PRE[i], pl);
			memcpy(f + pl, e + 3, 10);
			if ((rc = id_add(bc, f, pl + 10, kind)) != 0)
				return rc;
		}
		return 0;
	}
	size_t n = 0;
	for (size_t i = 0; i < len && n < sizeof d - 2; i++)
		if (sc_digit((unsigned char)text[i]))
			d[n++] = text[i];
	if ((rc = id_add(bc, d, n, kind)) != 0)
		return rc;
	if (len > 0 && memchr(text, '+', len) != NULL && n + 2 < sizeof f) {
		memcpy(f, "00", 2);
		memcpy(f + 2, d, n);
		return id_add(bc, f, n + 2, kind);
	}
	return 0;
}

static int add_value(struct bctx *bc, const struct scrub_value *v)
{
	size_t len;
	if (v->text == NULL || (len = strlen(v->text)) == 0)
		return 0;
	if (len > MGW_SCRUB_MAX_ENTRY_BYTES) {
		bc->too_large = 1;
		return MGW_E_TOO_LARGE;
	}
	unsigned kind = v->kind < SCRUB_KIND_COUNT ? v->kind : SCRUB_VALUE;
	char c[MGW_SCRUB_MAX_ENTRY_BYTES + 1];
	size_t n;
	int rc;
	bc->never = v->never != 0; /* pat_add and id_add take the never rules */
	switch (v->canon) {
	case CANON_ADDRESS: rc = add_address(bc, v->text, len, kind); break;
	case CANON_PHONE: rc = add_phone(bc, v->text, len, kind); break;
	case CANON_ID:
		n = canon_value(CANON_ID, v->text, len, c, sizeof c);
		rc = n == (size_t)-1 ? 0 : id_add(bc, c, n, kind);
		/* s52-never: her postcode's district alone, in any case ("fourteen
		 * buller road... le4"): the outward code (all but the last three
		 * of a 5-7 character postcode, two to four of them, a digit in it) */
		if (rc == 0 && bc->never && kind == SCRUB_POSTCODE && n != (size_t)-1 && n >= 5 && n <= 7 &&
		    sc_digit((unsigned char)c[n - 3]) && sc_alpha((unsigned char)c[n - 1])) {
			char o[5];
			size_t on = n - 3;
			int dig = 0;
			for (size_t k = 0; k < on; k++) {
				o[k] = (char)(c[k] | 0x20);
				dig |= sc_digit((unsigned char)c[k]);
			}
			const char *op = o;
			if (dig && sc_alpha((unsigned char)c[0]))
				rc = pat_add(bc, &bc->values, &op, &on, 1, 0, kind, R_VAL_ID, 0);
		}
		break;
	case CANON_EMAIL:
		/* Every e-mail is found as such, written out or not; its words
		 * ("jane doe example org") are also a text value. */
	case CANON_TEXT:
	default: rc = add_text(bc, v->text, len, kind); break;
	}
	bc->never = 0;
	return rc;
}

/* ---- Aho-Corasick ----------------------------------------------------------- */

/* Build a DFA from pv (which may be empty: one state that never matches).
 * by_words: a state's scrub length counts words, not bytes (the value
 * automaton finds a match's start by word, see fold_pass). */
static int ac_build(struct ac *a, const struct patv *pv, size_t *table_bytes, int by_words)
{
	uint32_t nclass = 1, nst = 1, shift = 0;
	uint32_t *queue = NULL, *fl = NULL;
	struct acc *own = NULL;
	int rc = MGW_E_NOMEM;

	a->cls[' '] = (uint8_t)nclass++;
	for (size_t i = 0; i < pv->n; i++)
		for (size_t j = 0; j < pv->v[i].n; j++) {
			unsigned char b = (unsigned char)pv->v[i].p[j];
			if (a->cls[b] == 0)
				a->cls[b] = (uint8_t)nclass++; /* at most 255 distinct bytes + "other" */
		}
	while ((1u << shift) < nclass)
		shift++;
	const uint32_t W = 1u << shift;
	size_t cap = pv->bytes + 1;
	if (cap > UINT32_MAX / W || cap > SIZE_MAX / W / sizeof(uint32_t))
		return MGW_E_TOO_LARGE;
	*table_bytes += cap * W * sizeof(uint32_t) + cap * sizeof(struct acc);
	if (*table_bytes > MGW_SCRUB_MAX_TABLE_BYTES)
		return MGW_E_TOO_LARGE;
	a->delta = calloc(cap * W, sizeof(uint32_t));
	own = calloc(cap, sizeof *own);
	queue = malloc(cap * sizeof *queue);
	a->acc = calloc(cap, sizeof *a->acc);
	if (a->delta == NULL || own == NULL || queue == NULL || a->acc == NULL)
		goto out;

	for (size_t i = 0; i < pv->n; i++) {
		const struct pat *p = &pv->v[i];
		uint32_t st = 0;
		for (size_t j = 0; j < p->n; j++) {
			uint32_t *t = &a->delta[(size_t)st * W + a->cls[(unsigned char)p->p[j]]];
			if (*t == 0)
				*t = nst++;
			st = *t;
		}
		if (p->keep) {
			/* (pad, while building: kept only as a nickname) */
			own[st].pad = p->rule == R_NICK && (own[st].keep == 0 || own[st].pad);
			own[st].keep = p->n;
		} else if (own[st].scrub == 0) {
			own[st] = (struct acc){by_words ? p->words : p->n, own[st].keep, p->kind, p->rule,
			                       p->common, own[st].pad};
		} else if (!p->common) {
			own[st].common = 0; /* also listed where it is no common word */
		}
	}

	/* s32-never: a withheld person's own first name that is only a kept
	 * subject's nickname ("Paddy", a child, when the perpetrator is a
	 * Patrick) is the withheld person's: withheld, not kept */
	for (uint32_t st = 0; st < nst; st++) {
		if (own[st].pad && own[st].scrub &&
		    (own[st].rule == R_FIRST || own[st].rule == R_FOUND_FIRST ||
		     own[st].rule == R_NAME || own[st].rule == R_FIRSTSUR))
			own[st].keep = 0;
		own[st].pad = 0;
	}

	/* Breadth first: failure links, completed into a full DFA. Real trie
	 * edges are the non-zero entries of a row not yet completed (no edge
	 * leads back to the root). A state's own pattern is longer than any
	 * its failure state reports, so it wins. */
	if ((fl = calloc(nst, sizeof *fl)) == NULL)
		goto out;
	size_t qh = 0, qt = 0;
	for (uint32_t c = 0; c < nclass; c++) {
		uint32_t u = a->delta[c];
		if (u)
			queue[qt++] = u;
	}
	while (qh < qt) {
		uint32_t r = queue[qh++];
		uint32_t *row = &a->delta[(size_t)r * W];
		const uint32_t *frow = &a->delta[(size_t)fl[r] * W];
		const struct acc *fa = &a->acc[fl[r]];
		a->acc[r] = own[r].scrub ? own[r] : *fa;
		a->acc[r].keep = own[r].keep ? own[r].keep : fa->keep;
		for (uint32_t c = 0; c < nclass; c++) {
			uint32_t u = row[c];
			if (u) {
				fl[u] = frow[c];
				queue[qt++] = u;
			} else {
				row[c] = frow[c];
			}
		}
	}
	a->nstates = nst;
	a->shift = shift;
	a->npat = (uint32_t)pv->n;
	for (size_t x = 0; x < (size_t)nst * W; x++)
		a->delta[x] <<= shift;
	size_t r = 16;
	while (r <= pv->maxlen + 1)
		r <<= 1;
	a->ring = r;
	rc = 0;
out:
	free(fl);
	free(queue);
	free(own);
	return rc;
}

static void patv_free(struct patv *pv)
{
	for (size_t i = 0; i < pv->n; i++)
		free(pv->v[i].p);
	free(pv->v);
}

static void words_free(struct fzname *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].p);
	free(v);
}

/* Index v[0..n) by the first (last 0) or the last (last 1) byte of each. */
static int wordidx_build(struct wordidx *x, const struct fzname *v, size_t n, int last)
{
	uint32_t pos[256];
	memset(x->off, 0, sizeof x->off);
	if (n == 0)
		return 0;
	if ((x->idx = malloc(n * sizeof *x->idx)) == NULL)
		return MGW_E_NOMEM;
	for (size_t i = 0; i < n; i++)
		x->off[(unsigned char)v[i].p[last && v[i].n ? v[i].n - 1 : 0] + 1]++;
	for (int b = 0; b < 256; b++)
		x->off[b + 1] += x->off[b];
	memcpy(pos, x->off, sizeof pos);
	for (size_t i = 0; i < n; i++)
		x->idx[pos[(unsigned char)v[i].p[last && v[i].n ? v[i].n - 1 : 0]]++] = (uint32_t)i;
	return 0;
}

int scrubber_build2(const struct scrub_spec *spec, scrubber **out)
{
	scrubber *sc = calloc(1, sizeof *sc);
	struct bctx bc = {.wnames = spec->names, .n_wnames = spec->n_names};
	size_t table = 0;
	int rc = MGW_E_NOMEM;

	*out = NULL;
	if (sc == NULL)
		return MGW_E_NOMEM;
	if (spec->n_names + spec->n_keep + spec->n_dobs + spec->n_values > MGW_SCRUB_MAX_ENTRIES) {
		rc = MGW_E_TOO_LARGE;
		goto fail;
	}
	sc->flags = spec->flags;
	/* Keep-names first: a third party's first name that is also a kept
	 * subject's is not scrubbed alone. */
	for (size_t i = 0; i < spec->n_keep; i++)
		if (spec->keep[i] != NULL && (rc = add_name(&bc, spec->keep[i], 1)) != 0)
			goto fail;
	for (size_t i = 0; i < spec->n_names; i++) {
		bc.no_fuzzy = i + spec->n_found >= spec->n_names;
		if (spec->names[i] != NULL && (rc = add_name(&bc, spec->names[i], 0)) != 0)
			goto fail;
	}
	for (size_t i = 0; i < spec->n_values; i++)
		if ((rc = add_value(&bc, &spec->values[i])) != 0)
			goto fail;
	if ((rc = ac_build(&sc->names, &bc.names, &table, 0)) != 0 ||
	    (rc = ac_build(&sc->values, &bc.values, &table, 1)) != 0)
		goto fail;
	rc = MGW_E_NOMEM;
	if (spec->n_dobs > 0 && (sc->dobs = calloc(spec->n_dobs, sizeof *sc->dobs)) == NULL)
		goto fail;
	for (size_t i = 0; i < spec->n_dobs; i++) {
		char iso[11];
		const char *d = spec->dobs[i];
		if (d == NULL || ident_date_parse(d, strlen(d), iso) != 0)
			continue;
		struct dob *b = &sc->dobs[sc->ndobs++];
		b->y = atoi(iso), b->m = atoi(iso + 5), b->d = atoi(iso + 8);
	}
	sc->ids = bc.ids, sc->nids = bc.nids, bc.ids = NULL;
	for (size_t i = 0; i < sc->nids; i++) {
		unsigned char f = (unsigned char)sc->ids[i].p[0];
		sc->id_first[f >> 3] |= (uint8_t)(1u << (f & 7));
		if (sc->ids[i].n > sc->id_maxlen)
			sc->id_maxlen = sc->ids[i].n;
	}
	if (sc->nids > 0) {
		/* the forms hashed, each slot holding the last form (in list
		 * order) of its text: the kind a match reports, as the walk
		 * over every form it replaces did */
		size_t slots = 4;
		while (slots < 2 * sc->nids)
			slots *= 2;
		if ((sc->id_slot = calloc(slots, sizeof *sc->id_slot)) == NULL)
			goto fail;
		sc->id_mask = (uint32_t)(slots - 1);
		for (size_t i = 0; i < sc->nids; i++) {
			const struct idval *v = &sc->ids[i];
			uint32_t h = sc_id_hash(v->p, v->n) & sc->id_mask;
			while (sc->id_slot[h] != 0) {
				const struct idval *u = &sc->ids[sc->id_slot[h] - 1];
				if (u->n == v->n && memcmp(u->p, v->p, v->n) == 0)
					break;
				h = (h + 1) & sc->id_mask;
			}
			sc->id_slot[h] = (uint32_t)(i + 1);
		}
	}
	/* (a withheld person's surname may start so too: "Mrs W" is still
	 * the subject's, as notes shorten the subjects, exam37 c055, exam45
	 * c030) */
	sc->init_w = bc.init_w, sc->init_k = bc.init_k, sc->sur_k = bc.sur_k;
	memcpy(sc->kpi, bc.kpi, sizeof sc->kpi);
	sc->nkpi = bc.nkpi;
	for (unsigned k = 0; k < bc.ntpi; k++) {
		int kept = 0;
		for (unsigned m = 0; m < bc.nkpi && !kept; m++)
			kept = strcmp(bc.tpi[k], bc.kpi[m]) == 0;
		if (!kept)
			memcpy(sc->tpi[sc->ntpi++], bc.tpi[k], 4);
	}
	sc->fz = bc.fz, sc->nfz = bc.nfz, bc.fz = NULL;
	sc->kw = bc.kw, sc->nkw = bc.nkw, bc.kw = NULL;
	if (wordidx_build(&sc->fz_first, sc->fz, sc->nfz, 0) != 0 ||
	    wordidx_build(&sc->fz_last, sc->fz, sc->nfz, 1) != 0 ||
	    wordidx_build(&sc->kw_first, sc->kw, sc->nkw, 0) != 0)
		goto fail;
	patv_free(&bc.names);
	patv_free(&bc.values);
	words_free(bc.kfirst, bc.nkfirst);
	*out = sc;
	return 0;
fail:
	if (bc.too_large)
		rc = MGW_E_TOO_LARGE;
	patv_free(&bc.names);
	patv_free(&bc.values);
	words_free(bc.kfirst, bc.nkfirst);
	words_free(bc.fz, bc.nfz);
	words_free(bc.kw, bc.nkw);
	for (size_t i = 0; i < bc.nids; i++)
		free(bc.ids[i].p);
	free(bc.ids);
	scrubber_free(sc);
	return rc;
}

scrubber *scrubber_build(const struct scrub_spec *spec)
{
	scrubber *sc;
	int rc = scrubber_build2(spec, &sc);
	if (rc != 0)
		errno = rc == MGW_E_TOO_LARGE ? E2BIG : ENOMEM;
	return sc;
}

scrubber *scrubber_new(const char *const *names, size_t n_names, const char *const *keep,
                       size_t n_keep, const char *const *dobs, size_t n_dobs)
{
	struct scrub_spec spec = {names, n_names, keep, n_keep, dobs, n_dobs, NULL, 0, 0, 0};
	return scrubber_build(&spec);
}

void scrubber_free(scrubber *sc)
{
	if (sc == NULL)
		return;
	free(sc->names.delta);
	free(sc->names.acc);
	free(sc->values.delta);
	free(sc->values.acc);
	free(sc->dobs);
	for (size_t i = 0; i < sc->nids; i++)
		free(sc->ids[i].p);
	free(sc->ids);
	words_free(sc->fz, sc->nfz);
	words_free(sc->kw, sc->nkw);
	free(sc->id_slot);
	free(sc->fz_first.idx);
	free(sc->fz_last.idx);
	free(sc->kw_first.idx);
	free(sc);
}

/* ---- the folded pass: listed names and text values -------------------------- */

static unsigned char ascii_fold(unsigned char b)
{
	if (sc_digit(b))
		return b;
	if (sc_alpha(b))
		return b | 0x20;
	return 0;
}

/*
 * Does this boundary character end a sentence or clause? Words of one name
 * are separated by spaces, commas ("Smith, John"), hyphens, slashes, or a
 * full stop after an initial ("J. Smith"); anything else (a full stop after
 * a longer word, brackets, quotes, colons, a spaced dash) separates names,
 * so "... saw Gloam. Percival Jones ..." is no "Gloam Percival".
 */
static int is_strong(const unsigned char *s, size_t n, size_t i, size_t k, unsigned cls,
                     size_t wlen)
{
	const unsigned char *p = s + i;
	if (cls == IDENT_C_SPACE)
		return 0;
	if (k == 1 && p[0] < 0x80) {
		if (p[0] == '-') /* "Rudge-Pickle" joins, "Gloam - Percival" does not */
			return (i > 0 && s[i - 1] == ' ') || (i + 1 < n && s[i + 1] == ' ');
		return p[0] == '.' ? wlen != 1 : strchr(",/&+_", p[0]) == NULL || p[0] == '\0';
	}
	return 1;
}

/* Is the word w[0..n) (letters only; any case if fold, else lower case only)
 * in the sorted table T of nt lower-case words (at most 15 letters)? */
static int sorted_word(const char *const *T, size_t nt, const unsigned char *w, size_t n,
                       int fold)
{
	char b[16];
	if (n == 0 || n >= sizeof b)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!sc_alpha(w[i]) || (!fold && sc_upper(w[i])))
			return 0;
		b[i] = (char)(w[i] | 0x20);
	}
	b[n] = 0;
	size_t lo = 0, hi = nt;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(T[mid], b);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Titles, ranks, kinship and naming words: a common word right after one
 * of these is a name ("Mrs Green", "her sister Hope", "called May"). */
static int title_word(const unsigned char *w, size_t n)
{
	/* (with the armed forces' ranks, s31: "husband Cpl <Surname>"; and
	 * the notes' short forms for the parties, "DP LI", "IP CHEN") */
	static const char *const T[] = {
		"ap", "aunt", "auntie", "bdr", "boyfriend", "brig", "brother", "called", "capt", "captain",
		"cdr", "ch", "cllr", "col", "colonel", "corporal", "cousin", "cpl", "cpn", "csgt", "dad",
		"daughter", "dc", "dci", "dcs", "det", "di", "dp", "dr", "ds", "dsi", "ex", "father",
		"fiance", "fiancee", "flt", "friend", "girlfriend", "gran", "grandad", "grandfather",
		"grandma", "grandmother", "granny", "husband", "hv", "insp", "ip", "lady", "lcpl",
		"lieutenant", "lord", "lt", "maj", "miss", "mother", "mr", "mrs", "ms", "mum", "mx",
		"named", "nan", "nana", "neighbor", "neighbour", "nephew", "niece", "nurse", "officer",
		"partner", "pc", "pcso", "prof", "pte", "rev", "sgt", "sir", "sister", "son", "ssgt",
		"stepdad", "stepfather", "stepmother", "stepmum", "supt", "sw", "uncle", "wife",
	};
	return sorted_word(T, sizeof T / sizeof T[0], w, n, 1);
}

static int month_word(const unsigned char *w, size_t n)
{
	static const char *const M[] = {"january", "february", "march", "april", "may", "june",
	                                "july", "august", "september", "october", "november",
	                                "december"};
	for (size_t i = 0; i < 12; i++) {
		size_t k = strlen(M[i]);
		if (k != n)
			continue;
		size_t j = 0;
		while (j < n && (w[j] | 0x20) == M[i][j])
			j++;
		if (j == n)
			return 1;
	}
	return 0;
}

/* The ASCII word ending before s[a] (over spaces and one '.'), if any. */
static int prev_word(const unsigned char *s, size_t a, size_t *pa, size_t *pe)
{
	size_t i = a, sp = 0;
	while (i > 0 && s[i - 1] == ' ' && sp < 3)
		i--, sp++;
	if (i > 0 && s[i - 1] == '.')
		i--;
	else if (sp == 0)
		return 0;
	size_t e = i;
	while (i > 0 && sc_alpha(s[i - 1]) && e - i < 16)
		i--;
	if (i == e || (i > 0 && (sc_digit(s[i - 1]) || s[i - 1] >= 0x80)))
		return 0;
	*pa = i, *pe = e;
	return 1;
}

/* The ASCII word after s[e) over one space, or ", ". */
static int next_word(const unsigned char *s, size_t n, size_t e, size_t *na, size_t *ne, int *comma)
{
	size_t i = e;
	*comma = 0;
	if (i < n && s[i] == ',')
		i++, *comma = 1;
	if (i >= n || s[i] != ' ')
		return 0;
	i++;
	size_t a = i;
	while (i < n && sc_alpha(s[i]) && i - a < 24)
		i++;
	if (i == a)
		return 0;
	*na = a, *ne = i;
	return 1;
}

static int sentence_start(const unsigned char *s, size_t a)
{
	size_t i = a;
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '"' ||
	                 s[i - 1] == '\'' || s[i - 1] == '(' || s[i - 1] == '*'))
		i--;
	return i == 0 || s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?' || s[i - 1] == ':';
}

/* Is s[a, e) one of the NULL-ended list, any case? */
static int word_of(const unsigned char *s, size_t a, size_t e, const char *const *list)
{
	/* a first byte that differs in more than the case bit first, before
	 * strlen and strncasecmp (an empty word is compared as before) */
	for (size_t k = 0; list[k]; k++)
		if ((e == a || ((((unsigned char)list[k][0] ^ s[a]) & ~0x20u) == 0)) &&
		    strlen(list[k]) == e - a && strncasecmp((const char *)s + a, list[k], e - a) == 0)
			return 1;
	return 0;
}

/* Is the word [a, i) all its line holds ("Tom" signing off an e-mail
 * above "Sent from my iPhone"), spaces and a comma or full stop aside? */
static int alone_on_line(const unsigned char *s, size_t n, size_t a, size_t i)
{
	while (a > 0 && s[a - 1] == ' ')
		a--;
	while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '.'))
		i++;
	return a > 0 && s[a - 1] == '\n' && (i == n || s[i] == '\n');
}

/* Nothing but spaces, full stops and line breaks after i: the text's
 * last word ("... please don't put it in your notes. Mark"), a sign-off. */
static int ends_text(const unsigned char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '.' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i == n;
}

/* Words after a sentence's subject that make it a person: "Ally drives",
 * "Ally said"; not "is", "was", "has" ("Green was the colour") (sorted). */
static int person_verb(const unsigned char *w, size_t n)
{
	static const char *const V[] = {
		"admitted", "agreed", "arrived", "asked", "attended", "attends", "called",
		"came", "comes", "confirmed", "cried", "cries", "denied", "disclosed",
		"draws", "drew", "drives", "drove", "eats", "enjoys", "explained",
		"followed", "gave", "gives", "goes", "grabbed", "kicked", "knows", "likes",
		"lives", "loves", "messaged", "misses", "plays", "pushed", "rang", "refused",
		"reported", "rings", "said", "says", "seems", "shouted", "sleeps", "stated",
		"stayed", "stays", "talks", "tells", "texted", "threatened", "told", "took",
		"visited", "walks", "wants", "went", "works",
	};
	return sorted_word(V, sizeof V / sizeof V[0], w, n, 0);
}

/* "Jack frightened", "Ruby upset at contact", "Mason thriving": how a
 * child was, as notes put it under the name */
static int child_state(const unsigned char *w, size_t n)
{
	static const char *const STATE[] = {"anxious",   "asleep",   "content",   "crying",
					    "distressed", "doing",   "frightened", "happy",
					    "poorly",    "quiet",    "scared",    "settled",
					    "smiling",   "tearful",  "thriving",  "unsettled",
					    "unwell",    "upset",    "withdrawn"};
	return sorted_word(STATE, sizeof STATE / sizeof STATE[0], w, n, 0);
}

/*
 * s37-never: a table pasted as CSV or with pipes whose header row names a
 * column of people ("date,officer,event,detail,status", "| Date | Worker |
 * Entry |"): in each row after it, that cell holds a person's name or
 * initials ("DK", "S Patel"), whatever list knows them. Rows run to a blank
 * line or a line with fewer cells; a cell of one letter ("V", "P": the
 * victim, the perpetrator) or an allow-listed word alone ("IDVA") is left.
 */
#define TCELLS 16
static size_t table_cells(const unsigned char *s, size_t a, size_t e, unsigned char sep,
                          size_t *cs, size_t *ce)
{
	size_t nc = 0, i = a;
	int quote = 0;
	if (sep == '|') { /* "| a | b |": no cell before the first bar or after the last */
		while (i < e && s[i] == ' ')
			i++;
		if (i < e && s[i] == '|')
			i++;
	}
	size_t st = i;
	for (; i <= e && nc < TCELLS; i++) {
		if (i < e && s[i] == '"' && sep == ',')
			quote = !quote;
		if (i < e && (quote || s[i] != sep))
			continue;
		size_t x = st, y = i;
		while (x < y && (s[x] == ' ' || s[x] == '"'))
			x++;
		while (y > x && (s[y - 1] == ' ' || s[y - 1] == '"' || s[y - 1] == '\r'))
			y--;
		if (!(i == e && sep == '|' && x == y)) /* the empty tail after a last bar */
			cs[nc] = x, ce[nc] = y, nc++;
		st = i + 1;
	}
	return nc;
}

/* Is the header cell [a, e) one of the labels of list (folded)? */
static int column_is(const unsigned char *s, size_t a, size_t e, const char *const *list)
{
	char w[24];
	if (e - a >= sizeof w || e == a)
		return 0;
	/* (letters folded, a space or a hyphen as it is: "key worker",
	 * "pick-up"; ascii_fold made them a NUL, so no label of two words
	 * matched) */
	size_t head = SIZE_MAX; /* where its first word ends */
	for (size_t k = a; k < e; k++) {
		w[k - a] = (char)(sc_alpha(s[k]) ? (s[k] | 0x20) : s[k]);
		if (head == SIZE_MAX && !sc_alpha(s[k]))
			head = k - a;
	}
	w[e - a] = '\0';
	for (size_t k = 0; list[k]; k++)
		if (strcmp(w, list[k]) == 0)
			return 1;
	/* then its first word alone, as before: "Where / notes", "Address
	 * (current)", "Town/City" */
	if (head == SIZE_MAX || head == 0)
		return 0;
	w[head] = '\0';
	for (size_t k = 0; list[k]; k++)
		if (strcmp(w, list[k]) == 0)
			return 1;
	return 0;
}

static const char *const PERSON_COL[] = {
	"officer", "worker", "staff", "author", "initials", "user", "by", "entered by",
	"recorded by", "completed by", "keyworker", "key worker", "caseworker", "case worker",
	"practitioner", "officer initials", "staff member", "staff initials", "logged by",
	"added by", "updated by", "worker initials", "sw", "handler", "off", "stf", NULL};
/* s37-never: a column of places ("| Area |", "location,"): the bids of a
 * housing register, a CAD's location, addresses visited */
static const char *const PLACE_COL[] = {
	"area", "location", "address", "locality", "town", "property address", "where",
	"venue", "place", "postcode", "street", "estate", "locn",
	/* s50-never: a transport sheet's ("Job | Date | Pick-up | To | Time") */
	"pick-up", "pickup", "pick up", "pick-up address", "pick-up point", "collect from",
	"collection point", "drop-off", "drop off", "destination", NULL};

static const char *const INITIALS_ROLE[] = {
	"da",  "sw",  "hv",   "gp",   "pc",   "dc",   "ds",  "di",  "ta",  "ea",  "ot",
	"cpn", "sgt", "ssw",  "tm",   "dsl",  "dsp",  "yot", "ypva", "isva", "idva", "csc",
	"asc", "nhs", "mps",  "cps",  "dwp",  "lb",   "rp",  "nfa", "cin", "cp",  "lac",
	"dv",  "mh",  "op",   "pp",   "ppu",  "sgo",  "pw",  "aw",  "aa",  "na",  NULL};

/* Letters that are no one's initials: a label's ("ID", "REF", "TBC"), a
 * clock's, an answer's, a service's ("BSL", "HR", "EHA") (s43) */
static const char *const INITIALS_NOT[] = {
	"id",  "ref", "urn", "crn", "pnc", "dob", "tel", "mob", "no",  "nb",  "ok",  "tbc", "tba",
	"am",  "pm",  "asap", "eta", "ps", "cc",  "re",  "fao", "bcc", "fwd", "fw",  "yes", "all",
	"the", "and", "it",  "hr",  "bsl", "eha", "anc", "sen", "ict", "cid", "oic", "asb", "cab",
	"na",  "nk",
	/* s44: offences', meetings' and forms' letters ("charged with ABH",
	 * "PPN submitted", "TAC on Friday"; not "RO": "Owner: RO" is someone) */
	"abh", "gbh", "ric", "bwv", "ppn", "tac", "caf", "mhs", NULL};

/* A cell of people: a name or initials, letters, spaces, dots, hyphens,
 * apostrophes; not a rule row, a word in small letters, one letter or an
 * allow-listed word alone ("IDVA"). */
static int person_cell(const unsigned char *s, size_t x, size_t y)
{
	size_t letters = 0, upper = 0;
	int ok = y > x && y - x <= 40 && sc_alpha(s[x]);
	for (size_t k = x; k < y && ok; k++) {
		ok = sc_alpha(s[k]) || s[k] == ' ' || s[k] == '.' || s[k] == '-' || s[k] == '\'' ||
		     s[k] >= 0x80 ||
		     /* two people: "Katie / FN", "KH/DT" (not "N/A") */
		     (s[k] == '/' && k > x + 1 && k + 2 < y &&
		      ((s[k - 1] == ' ' && s[k + 1] == ' ') ||
		       (sc_upper(s[k - 1]) && sc_upper(s[k - 2]) && sc_upper(s[k + 1]) && sc_upper(s[k + 2]))));
		letters += sc_alpha(s[k]);
		upper += sc_upper(s[k]);
	}
	if (!ok || letters < 2 || (upper == 0 && y - x > 4))
		return 0;
	if (memchr(s + x, ' ', y - x) != NULL)
		return 1;
	/* two or three capitals in a column of people: initials, whatever else
	 * they spell ("HB", "KM"), unless a role's ("SW", "CSC") */
	if (upper == y - x && letters == y - x && y - x <= 3)
		return !word_of(s, x, y, INITIALS_ROLE) && !word_of(s, x, y, INITIALS_NOT) &&
		       !(lex_classify((const char *)s + x, y - x) & LEX_FUNCTION);
	/* one word: not an agency, nor kin or a word that is no name ("Mum",
	 * "Both") */
	unsigned b = lex_classify((const char *)s + x, y - x);
	return !(b & LEX_ALLOW) &&
	       !((b & (LEX_KIN | LEX_COMMON)) && !(b & (LEX_FORENAME | LEX_SURNAME)));
}

/* A cell of a place: a capital or a digit first, at most 80 bytes, not a
 * rule row ("---") */
static int place_cell(const unsigned char *s, size_t x, size_t y)
{
	return y > x && y - x <= 80 && (sc_upper(s[x]) || sc_digit(s[x]));
}

/* Does s[a..e) hold c twice or more? Two memchr, not a count of every
 * byte: a line of prose may be a whole note long, and the count was most
 * of this pass's time (which runs once per column list). */
static int twice(const unsigned char *s, size_t a, size_t e, unsigned char c)
{
	const unsigned char *p = memchr(s + a, c, e - a);
	return p != NULL && memchr(p + 1, c, (size_t)(s + e - (p + 1))) != NULL;
}

/* s50-never: a journey's ends beside a pick-up column ("| Pick-up | To |"):
 * "to" and "from" name a place only in a header with one of JOURNEY_COL (an
 * e-mail log's "| From | To | Location |" names people) */
static const char *const PLACE_COL_ALSO[] = {"to", "from", "drop", "time", "times", "pick-up time", NULL};
static const char *const JOURNEY_COL[] = {"pick-up", "pickup", "pick up", "pick-up address",
					  "pick-up point", "collect from", "collection point",
					  "drop-off", "drop off", "destination", NULL};

/* The tabs of the text (textnorm's, ascending) and the next one to read:
 * a table pasted with tabs is split at them, not at what they became (a
 * tab beside a figure is a space: "5102<TAB>28/01<TAB>88 Rookery Vlls") */
struct tabs {
	const size_t *at;
	size_t n, i;
};

/* The tabs in [a, e) of a line at or after the last asked: two or more
 * make its cells, split at them (as table_cells, sep '\t'); else 0. */
static size_t tab_cells(const unsigned char *s, struct tabs *t, size_t a, size_t e, size_t *cs,
                        size_t *ce)
{
	while (t->i < t->n && t->at[t->i] < a)
		t->i++;
	size_t k = t->i, nc = 0, st = a;
	if (k + 1 >= t->n || t->at[k + 1] >= e)
		return 0;
	for (; nc < TCELLS; k++) {
		size_t y = k < t->n && t->at[k] < e ? t->at[k] : e, x = st;
		while (x < y && s[x] == ' ')
			x++;
		while (y > x && (s[y - 1] == ' ' || s[y - 1] == '\r'))
			y--;
		cs[nc] = x, ce[nc] = y, nc++;
		if (!(k < t->n && t->at[k] < e))
			break;
		st = t->at[k] + 1;
	}
	return nc;
}

/* The cells of the line [a, e): at its tabs, else at '|' or ',' when it
 * holds two (*sep says which; 0: none) */
static size_t line_cells(const unsigned char *s, struct tabs *t, size_t a, size_t e,
                         unsigned char *sep, size_t *cs, size_t *ce)
{
	size_t nc = t ? tab_cells(s, t, a, e, cs, ce) : 0;
	if (nc > 0) {
		*sep = '\t';
		return nc;
	}
	*sep = twice(s, a, e, '|') ? '|' : twice(s, a, e, ',') ? ',' : 0;
	return *sep ? table_cells(s, a, e, *sep, cs, ce) : 0;
}

/* A journey's cell: anything but a dash or nothing ("c/o Mrs Bailey, 14
 * ...", "admitted, now Ward D11"): where she is taken from or to */
static int journey_cell(const unsigned char *s, size_t x, size_t y)
{
	return y > x && y - x <= 120 && !(y - x == 1 && !sc_alnum(s[x]));
}

static int table_column_cells(const unsigned char *s, size_t n, const struct textnorm *tn,
                              struct spans *all, const char *const *cols,
                              int (*cell_ok)(const unsigned char *, size_t, size_t),
                              unsigned kind, const char *rule)
{
	size_t cs[TCELLS], ce[TCELLS];
	const char *const *also = cols == PLACE_COL ? PLACE_COL_ALSO : NULL;
	struct tabs tabs = {tn ? tn->tab : NULL, tn ? tn->ntab : 0, 0}, *tp = tabs.n ? &tabs : NULL;
	for (size_t a = 0; a < n;) {
		const unsigned char *nl = memchr(s + a, '\n', n - a);
		size_t e = nl ? (size_t)(nl - s) : n, next = nl ? e + 1 : n;
		unsigned char sep;
		size_t nc = line_cells(s, tp, a, e, &sep, cs, ce), col = TCELLS;
		unsigned also_cols = 0; /* PLACE_COL_ALSO's columns, by bit */
		int journey = 0;
		/* a header: three cells or more, each a short label of letters */
		for (size_t c = 0; c < nc && nc >= 3; c++) {
			int label = ce[c] > cs[c] && ce[c] - cs[c] <= 24;
			for (size_t k = cs[c]; k < ce[c] && label; k++)
				label = sc_alpha(s[k]) || s[k] == ' ' || s[k] == '/' || s[k] == '_' ||
				        s[k] == '(' || s[k] == ')' || (s[k] == '-' && k > cs[c]);
			if (!label) {
				col = TCELLS;
				break;
			}
			if (col == TCELLS && column_is(s, cs[c], ce[c], cols))
				col = c;
			else if (also && column_is(s, cs[c], ce[c], also))
				also_cols |= 1u << c;
			journey |= also && column_is(s, cs[c], ce[c], JOURNEY_COL);
		}
		if (!journey)
			also_cols = 0;
		a = next;
		if (col == TCELLS)
			continue;
		/* its rows */
		while (a < n) {
			nl = memchr(s + a, '\n', n - a);
			e = nl ? (size_t)(nl - s) : n, next = nl ? e + 1 : n;
			/* (its rows split as its header was: at tabs, or at its
			 * separator however few a row holds, "Jo | Brackenridge") */
			size_t rc = sep == '\t' ? tab_cells(s, &tabs, a, e, cs, ce)
						 : table_cells(s, a, e, sep, cs, ce);
			if (rc <= col)
				break;
			size_t y = ce[col];
			if (kind == SCRUB_NAME) /* "AM (office)": the person, not the note after */
				for (size_t k = cs[col]; k + 1 < y; k++)
					if (s[k] == ' ' && s[k + 1] == '(') {
						y = k;
						break;
					}
			/* (a journey's cells whatever they open with) */
			int (*ok)(const unsigned char *, size_t, size_t) = journey ? journey_cell : cell_ok;
			if (ok(s, cs[col], y) && spans_push(all, cs[col], y, kind, rule) != 0)
				return MGW_E_NOMEM;
			for (size_t c = 0; c < rc; c++)
				if ((also_cols >> c & 1) && ok(s, cs[c], ce[c]) &&
				    spans_push(all, cs[c], ce[c], kind, rule) != 0)
					return MGW_E_NOMEM;
			a = next;
		}
	}
	return 0;
}

static int table_person_cells(const unsigned char *s, size_t n, struct spans *all)
{
	return table_column_cells(s, n, NULL, all, PERSON_COL, person_cell, SCRUB_NAME,
	                          "form:person-column");
}

/*
 * s37-never: an action's owner by initials, then its date, in brackets
 * ("search direct let (RC, 24/03)"): two capitals no list allows and no
 * role's short form ("(SW, 24/03)"); three are an agency's as often ("(WMP,
 * 26/11)").
 */

/* Are the capitals s[a..e) no role's short form and nothing a list
 * allows, nor a word unless word_ok ("SW", "NFA", "CID"; "PA", "KW" only
 * where a grade follows): a person's initials? */
static int initials_not_role_as(const unsigned char *s, size_t a, size_t e, int word_ok)
{
	if (e - a > 4 || word_of(s, a, e, INITIALS_ROLE))
		return 0;
	return !(lex_classify((const char *)s + a, e - a) & (LEX_ALLOW | (word_ok ? 0 : LEX_COMMON)));
}

static int initials_not_role(const unsigned char *s, size_t a, size_t e)
{
	return initials_not_role_as(s, a, e, 0);
}

static int owner_initials(const unsigned char *s, size_t n, struct spans *all)
{
	for (const unsigned char *p = memchr(s, '(', n); p != NULL;
	     p = memchr(p + 1, '(', n - (size_t)(p + 1 - s))) {
		size_t a = (size_t)(p - s) + 1, e = a;
		while (e < n && e - a < 4 && sc_upper(s[e]))
			e++;
		/* s50-never: an agency's letters, then the worker's: "IDVA
		 * (DASU, MW):", "(WA, JT)" */
		if (e - a >= 2 && e - a <= 4 && e + 4 < n && s[e] == ',' && s[e + 1] == ' ' &&
		    (e - a == 4 || !initials_not_role(s, a, e))) {
			size_t b = e + 2, f = b;
			while (f < n && f - b < 4 && sc_upper(s[f]))
				f++;
			if (f - b == 2 && f < n && s[f] == ')' && initials_not_role(s, b, f) &&
			    spans_push(all, b, f, SCRUB_NAME, "form:owner-initials") != 0)
				return MGW_E_NOMEM;
		}
		if (e - a != 2 || e + 2 >= n || s[e] != ',' || s[e + 1] != ' ' ||
		    !sc_digit(s[e + 2]))
			continue;
		if (!initials_not_role(s, a, e))
			continue;
		/* the date after it: digits, then '/' or '.' and a digit */
		size_t d = e + 2;
		while (d < n && d - e < 5 && sc_digit(s[d]))
			d++;
		if (d + 1 < n && (s[d] == '/' || s[d] == '.') && sc_digit(s[d + 1]) &&
		    spans_push(all, a, e, SCRUB_NAME, "form:owner-initials") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s42-never: the writer's initials signing a line, after a dash at its end:
 * a heading's "s42 - Northumberland ASC - 13/2/27 - JR", a note's last
 * "- RK": two or three capitals that are no role's short form, no word
 * and nothing a list allows ("- NFA", "- ASC" stay).
 */
static int signoff_initials(const unsigned char *s, size_t n, struct spans *all)
{
	for (size_t ls = 0; ls < n;) {
		const unsigned char *nl = memchr(s + ls, '\n', n - ls);
		size_t le = nl ? (size_t)(nl - s) : n, e = le;
		while (e > ls && (s[e - 1] == ' ' || s[e - 1] == '.' || s[e - 1] == '\r'))
			e--;
		size_t a = e;
		while (a > ls && e - a < 4 && sc_upper(s[a - 1]))
			a--;
		size_t d = a;
		while (d > ls && s[d - 1] == ' ')
			d--;
		if (e - a >= 2 && e - a <= 3 && d < a && d > ls && s[d - 1] == '-' &&
		    (d - 1 == ls || s[d - 2] == ' ' || s[d - 2] == '-') && initials_not_role(s, a, e) &&
		    spans_push(all, a, e, SCRUB_NAME, "form:signoff-initials") != 0)
			return MGW_E_NOMEM;
		ls = le + 1;
	}
	return 0;
}

/*
 * s42-never: a clinician's signature: two or three capitals, then a
 * grade or qualification, on a line's start or after another signature
 * ("AR ST4 EM", "KW RMN", "RI MPharm, GW (ACT)", "JW BDS / PA DN"); a
 * clinic's role then initials in brackets ("Admin (RS)"); and a role's
 * short form then dotted initials ("RM G.O.").
 */
static int qualification(const unsigned char *s, size_t a, size_t e)
{
	static const char *const QUAL[] = {
		"rmn", "rgn", "rn", "rm", "rnld", "em", "mpharm", "bds", "dn", "act", "sho",
		"spr", "hca", "mbchb", "mbbs", "mrcgp", "frcs", "cpn", "ot", "slt", "anp", "enp",
		"acp", "np", "bsc", "msc", "dip", "nmp", "pharm", "tech", "sn", "ssn", "cnm", "mw",
		"fy1", "fy2", "ct1", "ct2", "ct3", "st1", "st2", "st3", "st4", "st5", "st6",
		"st7", "st8", "gpst", "cns", "snr", "hv", NULL};
	return word_of(s, a, e, QUAL);
}

static int signature_initials(const unsigned char *s, size_t n, struct spans *all)
{
	for (size_t i = 0; i + 2 < n; i++) {
		/* at a line's start, or after ", " or " / " of a signature */
		int lead = i == 0 || s[i - 1] == '\n' ||
			   (i >= 2 && s[i - 1] == ' ' && (s[i - 2] == ',' || s[i - 2] == '/'));
		if (!lead || !sc_upper(s[i]))
			continue;
		size_t e = i;
		while (e < n && e - i < 4 && sc_upper(s[e]))
			e++;
		if (e - i < 2 || e - i > 3 || e + 2 >= n || s[e] != ' ')
			continue;
		size_t q = e + 1, qe;
		int br = s[q] == '(';
		q += br;
		qe = q;
		while (qe < n && sc_alnum(s[qe]))
			qe++;
		if (qe == q || (br && (qe >= n || s[qe] != ')')) || !qualification(s, q, qe) ||
		    (!br && qe < n && !(s[qe] == '\n' || s[qe] == ',' || s[qe] == ' ' || s[qe] == '/' ||
					s[qe] == '.')) ||
		    !initials_not_role_as(s, i, e, 1))
			continue;
		if (spans_push(all, i, e, SCRUB_NAME, "form:signature-initials") != 0)
			return MGW_E_NOMEM;
		i = e;
	}
	/* "Admin (RS)", "Nurse (KT)": a clinic's role, then initials in brackets */
	static const char *const ROLE_WORD[] = {"admin", "reception", "receptionist", "nurse",
						"pharmacist", "dispenser", "midwife", "doctor",
						"clinician", "hca", "tech", NULL};
	for (const unsigned char *b = memchr(s, '(', n); b != NULL;
	     b = memchr(b + 1, '(', n - (size_t)(b + 1 - s))) {
		size_t a = (size_t)(b - s) + 1, e = a;
		while (e < n && e - a < 4 && sc_upper(s[e]))
			e++;
		if (e - a < 2 || e - a > 3 || e >= n || s[e] != ')' || a < 3 || s[a - 2] != ' ')
			continue;
		size_t we = a - 2, w = we;
		while (w > 0 && sc_alpha(s[w - 1]))
			w--;
		if (we - w < 3 || !word_of(s, w, we, ROLE_WORD) || !initials_not_role_as(s, a, e, 1))
			continue;
		if (spans_push(all, a, e, SCRUB_NAME, "form:signature-initials") != 0)
			return MGW_E_NOMEM;
	}
	/* "RM G.O.", "SW J.R.": a role's letters, then dotted initials */
	for (size_t i = 3; i + 4 <= n; i++) {
		if (!sc_upper(s[i]) || s[i + 1] != '.' || !sc_upper(s[i + 2]) || s[i + 3] != '.' ||
		    s[i - 1] != ' ' || (i + 4 < n && sc_alnum(s[i + 4])))
			continue;
		size_t r = i - 1;
		while (r > 0 && sc_upper(s[r - 1]))
			r--;
		if (i - 1 - r < 2 || i - 1 - r > 3 || (r > 0 && sc_alnum(s[r - 1])) ||
		    (!word_of(s, r, i - 1, INITIALS_ROLE) && !qualification(s, r, i - 1)))
			continue;
		if (spans_push(all, i, i + 4, SCRUB_NAME, "form:signature-initials") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s42-never: initials after a word that names who did or signed it:
 * "printed 21/02/2027 by KA", "SPO countersign: KT.", "approved DH": two
 * capitals ending there, no role's short form ("by PC" stays; three are an
 * agency's as often: "by GMP", "reviewed by IOM").
 */
static int by_initials(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const BY[] = {"by", "countersign", "countersigned", "signed",
					 "approved", "authorised", "authorized", "reviewed",
					 "checked", "verified", "allocated", NULL};
	for (size_t i = 1; i + 2 <= n; i++) {
		if (!sc_upper(s[i]) || sc_alnum(s[i - 1]) || s[i - 1] >= 0x80)
			continue;
		size_t e = i;
		while (e < n && e - i < 4 && sc_upper(s[e]))
			e++;
		if (e - i != 2 || (e < n && (sc_alnum(s[e]) || s[e] >= 0x80 || s[e] == '\'')))
			continue;
		size_t w = i;
		while (w > 0 && s[w - 1] == ' ')
			w--;
		if (w > 0 && s[w - 1] == ':')
			w--;
		if (w == i || w == 0)
			continue;
		size_t we = w;
		while (w > 0 && sc_alpha(s[w - 1]))
			w--;
		if (we - w < 2 || (w > 0 && (sc_alnum(s[w - 1]) || s[w - 1] >= 0x80)) ||
		    !word_of(s, w, we, BY) || !initials_not_role(s, i, e))
			continue;
		if (spans_push(all, i, e, SCRUB_NAME, "form:by-initials") != 0)
			return MGW_E_NOMEM;
		i = e;
	}
	return 0;
}

/*
 * s46: a visit log's worker after the visit's time, before a colon ("Mon
 * 12:30-12:55 Precious: lunch", "Tue 12:35 Precious: Mr D at the ..."): a
 * known forename there is the worker, a common word too; not a label the
 * lexicon allows or a kin, title or rank word ("12:30 Lunch:" is no
 * forename; "09:10 Mum:" is kin).
 */
static int weekday_word(const unsigned char *w, size_t n);

static int clock_name_label(const unsigned char *s, size_t n, struct spans *all)
{
	for (const unsigned char *p = memchr(s, ':', n); p != NULL;
	     p = memchr(p + 1, ':', n - (size_t)(p + 1 - s))) {
		size_t c = (size_t)(p - s), a = c;
		while (a > 0 && sc_alpha(s[a - 1]))
			a--;
		if (c - a < 3 || !sc_upper(s[a]) || a < 3 || s[a - 1] != ' ' || !sc_digit(s[a - 2]))
			continue;
		/* the clock before it: "12:30", "12.30", "1230", "12:30-12:55" */
		size_t k = a - 1, digits = 0, sep = 0;
		while (k > 0 && (sc_digit(s[k - 1]) || s[k - 1] == ':' || s[k - 1] == '.' || s[k - 1] == '-') &&
		       a - k < 14) {
			digits += sc_digit(s[k - 1]);
			sep += s[k - 1] == ':' || s[k - 1] == '.';
			k--;
		}
		if (digits < 3 || (sep == 0 && digits != 4) || (k > 0 && sc_alnum(s[k - 1])))
			continue;
		unsigned b = lex_classify((const char *)s + a, c - a);
		if (!(b & LEX_FORENAME) ||
		    (b & (LEX_ALLOW | LEX_FUNCTION | LEX_TITLE | LEX_RANK | LEX_KIN | LEX_INSTITUTION |
			  LEX_MODAL | LEX_PLACE | LEX_STREET)) ||
		    month_word(s + a, c - a) || weekday_word(s + a, c - a))
			continue;
		if (spans_push(all, a, c, SCRUB_NAME, "form:clock-name") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s46-never: a log's entries signed by initials in brackets at the line's
 * end ("... Logged, ref FDA/27/311. (RT)\n"), or bare after its last stop
 * (s49: "... NOT her mobile. EW\n"): letters signing two entries
 * or more are a worker's, whatever role the text gives (none, here); not
 * an agency's, a form's or an allowed word's letters ("(DA)", "(CIN)",
 * "(TBC)", "(HO)"). Two passes over the brackets, 64 distinct letter sets at
 * most (a log of more writers than that: the later ones stay).
 */
static size_t line_end_bracket(const unsigned char *s, size_t n, size_t a)
{
	size_t e = a;
	while (e < n && e - a < 4 && sc_upper(s[e]))
		e++;
	if (e - a < 2 || e - a > 3 || e >= n || s[e] != ')' || a < 2 || s[a - 2] != ' ')
		return 0;
	size_t k = e + 1;
	while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
		k++;
	return k == n || s[k] == '\n' ? e : 0;
}

/* s49-never: or bare after the entry's last stop ("... NOT her mobile. EW\n"):
 * the line ending at le (its '\n' or the text's end) ends in ". " and two
 * or three capitals; their start, or 0 (*e their end). */
static size_t line_end_bare(const unsigned char *s, size_t le, size_t *e)
{
	size_t b = le;
	while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\r' || s[b - 1] == '\t'))
		b--;
	*e = b;
	size_t a = b;
	while (a > 0 && b - a < 4 && sc_upper(s[a - 1]))
		a--;
	if (b - a < 2 || b - a > 3 || a < 3 || s[a - 1] != ' ' || s[a - 2] != '.' ||
	    !sc_alnum(s[a - 3]))
		return 0;
	return a;
}

static int line_end_initials(const unsigned char *s, size_t n, struct spans *all)
{
	struct {
		char w[4];
		unsigned count;
	} seen[64];
	size_t ns = 0;
	for (int pass = 0; pass < 2; pass++)
		for (const unsigned char *b = memchr(s, '(', n), *nl = memchr(s, '\n', n);
		     b != NULL || nl != NULL;) {
			size_t a, e;
			if (b != NULL && (nl == NULL || b < nl)) {
				a = (size_t)(b - s) + 1, e = line_end_bracket(s, n, a);
				b = memchr(b + 1, '(', n - (size_t)(b + 1 - s));
			} else {
				a = line_end_bare(s, (size_t)(nl - s), &e);
				nl = (size_t)(nl - s) + 1 < n ? memchr(nl + 1, '\n', n - (size_t)(nl + 1 - s)) : NULL;
				if (a == 0)
					e = 0;
			}
			/* (nor a team's, a meeting's or an order's letters) */
			static const char *const TAG[] = {"ho", "la", "pa", "ra", "pd", "iom", "ace", "dhr",
							  "hr", "sg", "cp", "cin", "lac", "pct", "dvpn",
							  "dvpo", "nmo", "rp", NULL};
			if (e == 0 || word_of(s, a, e, INITIALS_NOT) || word_of(s, a, e, TAG) ||
			    qualification(s, a, e) || !initials_not_role_as(s, a, e, 1))
				continue;
			size_t k = 0;
			while (k < ns && !(strlen(seen[k].w) == e - a && memcmp(seen[k].w, s + a, e - a) == 0))
				k++;
			if (pass == 0) {
				if (k == ns && ns < 64) {
					memcpy(seen[ns].w, s + a, e - a);
					seen[ns].w[e - a] = 0;
					seen[ns++].count = 0;
				}
				if (k < ns)
					seen[k].count++;
			} else if (k < ns && seen[k].count >= 2 &&
			           spans_push(all, a, e, SCRUB_NAME, "form:line-end-initials") != 0)
				return MGW_E_NOMEM;
		}
	return 0;
}

/*
 * s43-never: a worker named by role and initials, as notes shorten their
 * own staff: "transcribed by IDVA AH (Swindon DA Support)", "Analyst DW,
 * PPU", "Calan DVS IDVA (ML)", "HW (resettlement caseworker)", "(KAB,
 * chair)". A role (a rank the lexicon knows, or a worker's word) then two
 * or three capitals, bare or in brackets; or the capitals, then a bracket
 * whose first words hold a role. Not a role's short form nor a list's
 * word, no small word ("IDVA TO CALL"), nor the capitals a text in
 * capitals writes words in, nor an acronym spelt out beside it ("Housing
 * Officer (HO)", "HO (housing officer)").
 */
static int role_word(const unsigned char *s, size_t a, size_t e)
{
	static const char *const ROLE[] = {
		"admin", "advocate", "analyst", "caseworker", "chair", "clinician", "coordinator",
		"counsellor", "dispensary", "dispenser", "doctor", "hca", "interpreter", "keyworker", "manager",
		"mentor", "midwife", "minutes", "nurse", "officer", "paramedic", "pharmacist",
		/* s48: a 999 call's ("call handler PB (CH 2290)") */
		"dispatcher", "handler", "operator",
		"practitioner", "reception", "receptionist", "supervisor", "teacher", "tech",
		"therapist", "volunteer", "worker", NULL};
	return e - a >= 2 && (word_of(s, a, e, ROLE) || (e - a <= 5 && (lex_classify((const char *)s + a, e - a) & LEX_RANK)));
}

/* Do the words just before a (or from a on, after = 1) spell the
 * capitals s[x..y) by their first letters: an acronym spelt out? */
static int spelt_out(const unsigned char *s, size_t n, size_t x, size_t y, size_t a, int after)
{
	size_t k = 0, m = y - x, i = a;
	if (after) {
		for (; k < m && i < n; k++) {
			while (i < n && (s[i] == ' ' || s[i] == '-'))
				i++;
			if (i >= n || ascii_fold(s[i]) != ascii_fold(s[x + k]))
				return 0;
			while (i < n && sc_alpha(s[i]))
				i++;
		}
		return k == m;
	}
	for (; k < m && i > 0; k++) {
		while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '-'))
			i--;
		size_t w = i;
		while (w > 0 && sc_alpha(s[w - 1]))
			w--;
		if (w == i || ascii_fold(s[w]) != ascii_fold(s[y - 1 - k]))
			return 0;
		i = w;
	}
	return k == m;
}

/* Two or three capitals at [a, e) that may be a person's initials, the
 * text around them in small letters */
static int worker_initials(const unsigned char *s, size_t n, size_t a, size_t e, int named)
{
	if (e - a < 2 || e - a > 3 || (a > 0 && (sc_alnum(s[a - 1]) || s[a - 1] >= 0x80)) ||
	    (e < n && (sc_alnum(s[e]) || s[e] >= 0x80 || s[e] == '\'')))
		return 0;
	for (size_t k = a; k < e; k++)
		if (!sc_upper(s[k]))
			return 0;
	/* a reference's part: "HK/FAM/7712", "HB/3" (a digit in the joined run) */
	size_t lo = a, hi = e;
	while (lo > 0 && a - lo < 40 && (sc_alnum(s[lo - 1]) || s[lo - 1] == '/' || s[lo - 1] == '-'))
		lo--;
	while (hi < n && hi - e < 40 && (sc_alnum(s[hi]) || s[hi] == '/' || s[hi] == '-'))
		hi++;
	for (size_t k = lo; k < hi; k++)
		if (sc_digit(s[k]))
			return 0;
	/* a label's letters ("interpreter ID 77105", "REF", "TBC"): INITIALS_NOT */
	unsigned b = lex_classify((const char *)s + a, e - a);
	/* (a named person's initials may spell a title: "Siân Roberts (SR)",
	 * not before a name: "SR <Name>") */
	/* (s50-never: letters the text gives as someone's, "Ffion Williams (FW)",
	 * are hers wherever written, "typed up by FW", though a label's
	 * too; not a label's place before ':', "FW: meeting") */
	int given = named == 2 && !(e < n && s[e] == ':');
	if ((!given && word_of(s, a, e, INITIALS_NOT)) ||
	    (named < 2 && (b & (LEX_FUNCTION | LEX_MODAL))) ||
	    (named ? word_of(s, a, e, INITIALS_ROLE) || (e + 1 < n && s[e] == ' ' && sc_upper(s[e + 1]))
	           : !initials_not_role_as(s, a, e, 1) || (b & (LEX_TITLE | LEX_RANK))))
		return 0;
	/* a text in capitals: the next word in capitals too */
	size_t i = e;
	while (i < n && s[i] == ' ')
		i++;
	if (i > e && i + 1 < n && sc_upper(s[i]) && sc_upper(s[i + 1]))
		return (b & LEX_COMMON) == 0 && !(i + 2 < n && sc_upper(s[i + 2]));
	return 1;
}

/*
 * Dotted initials at s[a]: two or three capitals, each with its full stop
 * ("J.K.", "T.O.", "A.K.J."), that spell no country's, clock's, agency's or
 * role's letters ("U.K.", "A.M.", "G.P."). Their end, or 0; the letters
 * into w (m of them).
 */
static size_t dotted_initials(const unsigned char *s, size_t n, size_t a, char w[3], size_t *m)
{
	if (a + 4 > n || !sc_upper(s[a]) || s[a + 1] != '.' || !sc_upper(s[a + 2]) || s[a + 3] != '.')
		return 0;
	size_t d = a + 4;
	w[0] = (char)s[a], w[1] = (char)s[a + 2], *m = 2;
	if (d + 1 < n && sc_upper(s[d]) && s[d + 1] == '.' && !(d + 2 < n && sc_alpha(s[d + 2])))
		w[(*m)++] = (char)s[d], d += 2;
	static const char *const NOT[] = {"uk", "us", "eu", "gp", "hq", NULL};
	const unsigned char *u = (const unsigned char *)w;
	if (word_of(u, 0, *m, NOT) || word_of(u, 0, *m, INITIALS_NOT) || word_of(u, 0, *m, INITIALS_ROLE))
		return 0;
	return d;
}

/* Does a capitalised word end just before the space at i ("Threshold DAS")? */
static int cap_word_before(const unsigned char *s, size_t i)
{
	if (i < 2 || s[i - 1] != ' ' || !sc_alpha(s[i - 2]))
		return 0;
	size_t w = i - 2;
	while (w > 0 && sc_alpha(s[w - 1]))
		w--;
	return sc_upper(s[w]);
}

/* After "PS" or "CC" ending at we: " (" and a meeting's clerical role
 * ("coordinator", "admin", "minutes"), not an officer's ("PS (custody
 * officer)" is a police sergeant)? */
static int minutes_role(const unsigned char *s, size_t n, size_t we)
{
	static const char *const CLERK[] = {"coordinator", "co-ordinator", "admin", "administrator",
					    "minutes", "clerk", "scribe", NULL};
	size_t a = we + 2, e = a;
	if (a >= n || s[we] != ' ' || s[we + 1] != '(')
		return 0;
	while (e < n && (sc_alpha(s[e]) || s[e] == '-'))
		e++;
	return word_of(s, a, e, CLERK);
}

static int role_initials(const unsigned char *s, size_t n, struct spans *all)
{
	for (size_t i = 0; i + 2 <= n; i++) {
		if (!sc_alpha(s[i]) || (i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] >= 0x80)))
			continue;
		size_t we = i;
		while (we < n && sc_alpha(s[we]))
			we++;
		if (we + 3 > n || (s[we] != ' ' && s[we] != ',')) {
			i = we;
			continue;
		}
		size_t a = we + 1, br = 0;
		if (s[a] == '(')
			a++, br = 1;
		size_t e = a;
		while (e < n && e - a < 4 && sc_upper(s[e]))
			e++;
		/* "IDVA AH (...)", "Analyst DW,", "IDVA (ML)" (the capitals'
		 * shape first: most words have none after them) */
		/* s47-never: a clock's or a postscript's letters in brackets
		 * between a role and a log entry's colon are the worker's
		 * ("Admin (PM): e-mail from ...") */
		static const char *const LOG_TAG[] = {"am", "pm", "ps", "cc", NULL};
		/* (not a shift's: "Nurse (PM): obs stable", "Reception (AM):") */
		static const char *const SHIFT[] = {"nurse", "reception", "receptionist", "hca",
						    "doctor", "midwife", "paramedic", "worker",
						    "officer", "practitioner", "clinician", "tech", NULL};
		if (s[we] == ' ' && br && e - a == 2 && e + 1 < n && s[e] == ')' && s[e + 1] == ':' &&
		    role_word(s, i, we) && word_of(s, a, e, LOG_TAG) &&
		    !((sc_upper(s[a]) && (s[a] == 'A' || s[a] == 'P') && s[a + 1] == 'M') &&
		      word_of(s, i, we, SHIFT))) {
			if (spans_push(all, a, e, SCRUB_NAME, "form:role-initials") != 0)
				return MGW_E_NOMEM;
			i = e;
			continue;
		}
		if (s[we] == ' ' && e - a >= 2 && e - a <= 3 && (!br || (e < n && s[e] == ')')) &&
		    role_word(s, i, we) && worker_initials(s, n, a, e, 0) &&
		    !(e + 1 < n && s[e] == ' ' && sc_upper(s[e + 1]) && sc_alpha(s[e + 2 < n ? e + 2 : e])) &&
		    !spelt_out(s, n, a, e, we, 0)) {
			if (spans_push(all, a, e, SCRUB_NAME, "form:role-initials") != 0)
				return MGW_E_NOMEM;
			i = e;
			continue;
		}
		/* s44-never: dotted initials after the role ("Midwife T.O.,",
		 * "SW J.R. today"): two or three capitals, each with its stop */
		if (s[we] == ' ' && !br && a + 4 <= n && s[a + 1] == '.' && role_word(s, i, we)) {
			char w[3];
			size_t m, d = dotted_initials(s, n, a, w, &m);
			if (d && !(d < n && sc_alpha(s[d]))) {
				if (spans_push(all, a, d, SCRUB_NAME, "form:role-initials") != 0)
					return MGW_E_NOMEM;
				i = d;
				continue;
			}
		}
		/* in a note typed in small letters: "idva sb, slough da service",
		 * "duty sw (ravi)": two or three letters no word after a role,
		 * then a comma, a full stop or the line's end; a forename in
		 * brackets after it */
		if (s[we] == ' ' && sc_lower(s[i]) && sc_lower(s[a])) {
			size_t x = a, y;
			if (br) {
				for (y = x; y < n && sc_lower(s[y]); y++)
					;
				unsigned b = 0;
				if (y - x >= 3 && y < n && s[y] == ')' && role_word(s, i, we))
					b = lex_classify((const char *)s + x, y - x);
				if ((b & LEX_FORENAME) &&
				    !(b & (LEX_COMMON | LEX_FUNCTION | LEX_ALLOW | LEX_PLACE)) &&
				    spans_push(all, x, y, SCRUB_NAME, "form:role-initials") != 0)
					return MGW_E_NOMEM;
			} else {
				for (y = x; y < n && y - x < 4 && sc_lower(s[y]); y++)
					;
				int shape = y - x >= 2 && y - x <= 3 &&
					    (y == n || s[y] == ',' || s[y] == '.' || s[y] == '\n');
				unsigned b = shape && role_word(s, i, we) ? lex_classify((const char *)s + x, y - x)
									  : LEX_FUNCTION;
				if (shape && !word_of(s, x, y, INITIALS_ROLE) && !word_of(s, x, y, INITIALS_NOT) &&
				    !(b & (LEX_COMMON | LEX_FUNCTION | LEX_ALLOW | LEX_MODAL | LEX_RANK | LEX_TITLE)) &&
				    !scrub_common_word((const char *)s + x, y - x) &&
				    spans_push(all, x, y, SCRUB_NAME, "form:role-initials") != 0)
					return MGW_E_NOMEM;
			}
		}
		/* "HW (resettlement caseworker)", "(KAB, chair)"; s44: "JR (SW)"
		 * (a suffix's letters, a worker's before a role in brackets) */
		if (we - i >= 2 && we - i <= 3 &&
		    (worker_initials(s, n, i, we, 0) ||
		     /* s48: letters a rank's too, not a role's, before a role in
		      * brackets ("14:20 - CM (IDVA)": a fire crew manager's
		      * letters, here the worker's) */
		     (sc_upper(s[i]) && sc_upper(s[i + 1]) && (we - i == 2 || sc_upper(s[i + 2])) &&
		      (lex_classify((const char *)s + i, we - i) & LEX_RANK) &&
		      !word_of(s, i, we, INITIALS_ROLE) && !word_of(s, i, we, INITIALS_NOT) &&
		      !(i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] >= 0x80))) ||
		     (we - i == 2 && (s[i] == 'J' || s[i] == 'S') && s[i + 1] == 'R') ||
		     /* s47-never: a postscript's or a copy's letters are a
		      * worker's before a role in brackets ("Minutes: PS
		      * (coordinator)") */
		     (we - i == 2 && ((s[i] == 'P' && s[i + 1] == 'S') || (s[i] == 'C' && s[i + 1] == 'C')) &&
		      minutes_role(s, n, we)))) {
			size_t x = we + 1, role = 0;
			int comma = 0;
			if (i > 0 && s[i - 1] == '(' && we < n && s[we] == ',')
				comma = 1;
			if (!comma && (we + 1 >= n || s[we] != ' ' || s[we + 1] != '(')) {
				i = we;
				continue;
			}
			x = comma ? we + 1 : we + 2;
			/* the bracket's first three words: a worker's word among
			 * them, no name ("TVP (OIC DC <Name>)": an agency's) */
			for (size_t w = 0; w < 3 && x < n && !role; w++) {
				while (x < n && s[x] == ' ')
					x++;
				size_t xa = x;
				while (x < n && (sc_alpha(s[x]) || s[x] == '-'))
					x++;
				/* s44: a role's letters alone ("JR (SW)", "KR (HV)"),
				 * the initials after no capitalised word ("Threshold
				 * DAS (IDVA)" is an agency's) */
				static const char *const PERSON_ROLE[] = {"sw", "hv", "ssw", "dsl", "idva", "isva",
									  "ypva", "cpn", "ot", "tm", "rmn",
									  "cmw", "gp", NULL};
				if (w == 0 && x > xa && x < n && s[x] == ')' && x - xa >= 2 && sc_upper(s[xa]) &&
				    sc_upper(s[x - 1]) && word_of(s, xa, x, PERSON_ROLE) &&
				    !cap_word_before(s, i)) {
					role = 1;
					break;
				}
				if (x == xa || (lex_classify((const char *)s + xa, x - xa) & LEX_RANK))
					break;
				role = role_word(s, xa, x);
				if (!role && sc_upper(s[xa]))
					break;
			}
			/* the whole bracket a role ("(resettlement caseworker)",
			 * not "(your support worker is <Name>)") */
			while (x < n && s[x] == ' ')
				x++;
			if (role && x < n && s[x] == ')' && !spelt_out(s, n, i, we, we + (comma ? 1 : 2), 1) &&
			    spans_push(all, i, we, SCRUB_NAME, "form:role-initials") != 0)
				return MGW_E_NOMEM;
		}
		i = we;
	}
	return 0;
}

/*
 * s43-never: a letter or note signed with dotted initials alone at its
 * line's end ("I have not contacted the family. J.K.", "Thanks\nS.R."):
 * two or three capitals each with its full stop, after a line's start or
 * a sentence's end, that spell no agency's or role's letters ("U.K.",
 * "A.M.", "G.P.").
 */
static int dotted_signoff(const unsigned char *s, size_t n, struct spans *all)
{
	for (size_t i = 0; i + 4 <= n; i++) {
		if (!sc_upper(s[i]) || s[i + 1] != '.')
			continue;
		if (!(i == 0 || s[i - 1] == '\n' || (i >= 2 && s[i - 1] == ' ' && s[i - 2] == '.')))
			continue;
		char w[3];
		size_t m, e = dotted_initials(s, n, i, w, &m);
		if (e == 0)
			continue;
		size_t k = e;
		while (k < n && (s[k] == ' ' || s[k] == '\r'))
			k++;
		if ((k < n && s[k] != '\n') || (lex_classify(w, m) & LEX_ALLOW))
			continue;
		if (spans_push(all, i, e, SCRUB_NAME, "form:signoff-initials") != 0)
			return MGW_E_NOMEM;
		i = e;
	}
	return 0;
}

/*
 * s37: children listed with their ages in a bracket, "(Tom 24, Ellie 21)",
 * "(Rose 7, Jack 4)": two items or more of a capitalised forename and one
 * or two digits; each forename goes, a common word too ("Tom", "Rose").
 */
static int name_age_list(const unsigned char *s, size_t n, struct spans *all)
{
	for (const unsigned char *p = memchr(s, '(', n); p != NULL;
	     p = memchr(p + 1, '(', n - (size_t)(p + 1 - s))) {
		size_t i = (size_t)(p - s) + 1, na = 0, ia[8], ie[8];
		for (;;) {
			while (i < n && s[i] == ' ')
				i++;
			size_t a = i;
			if (i >= n || !sc_upper(s[i]))
				break;
			while (i < n && sc_alpha(s[i]))
				i++;
			size_t e = i;
			if (e - a < 2 || i >= n || s[i] != ' ')
				break;
			i++;
			size_t d = i;
			while (i < n && sc_digit(s[i]))
				i++;
			if (i == d || i - d > 2 || !(lex_classify((const char *)s + a, e - a) & LEX_FORENAME))
				break;
			if (na < 8)
				ia[na] = a, ie[na] = e, na++;
			if (i < n && s[i] == ',') {
				i++;
				continue;
			}
			if (i < n && s[i] == ')' && na >= 2)
				for (size_t k = 0; k < na; k++)
					if (spans_push(all, ia[k], ie[k], SCRUB_NAME, "form:name-age") != 0)
						return MGW_E_NOMEM;
			break;
		}
	}
	return 0;
}

/*
 * s37-never: a refuge vacancy search, in a text that speaks of a refuge:
 * each refuge tried with its outcome ("- Stockport Without Abuse - no
 * family room till May", "Bath refuge - full.") and the one that took her
 * ("Accepted: <Name>, <Town>, arrival 16:00"). Each such item, a line or
 * a sentence, is withheld as where she is: the refuges an area has say
 * which area she looked in, and the one that accepted her where she is.
 */
static int refuge_search_items(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const OUTCOME[] = {
		"full", "declined", "refused", "no space", "no vacancy", "no vacancies",
		"no family room", "no room", "not suitable", "unsuitable", "accepted",
		"offered", "waiting", "would not", "could not", "can't", "cannot", "no beds",
		"no bed", "not taking", "closed", "no response", "awaiting", NULL};
	int refuge = 0;
	for (size_t k = 0; k + 6 <= n && !refuge; k++) {
		/* past every eight bytes where no "ref" starts (either case):
		 * the test below would pass over each of them */
		for (; k + 10 <= n; k += 8) {
			uint64_t x, y, z;
			memcpy(&x, s + k, 8);
			memcpy(&y, s + k + 1, 8);
			memcpy(&z, s + k + 2, 8);
			uint64_t m = ar_in(x | AR_ONES * 0x20, 'r', 'r') &
			             ar_in(y | AR_ONES * 0x20, 'e', 'e') &
			             ar_in(z | AR_ONES * 0x20, 'f', 'f');
			if (m) {
				k += ar_lead(~m & AR_HI);
				break;
			}
		}
		if (k + 6 > n)
			break;
		refuge = ascii_fold(s[k]) == 'r' && strncasecmp((const char *)s + k, "refuge", 6) == 0;
	}
	if (!refuge)
		return 0;
	for (size_t a = 0; a < n;) {
		/* an item: a line, or a sentence ending ". " inside one */
		size_t e = a;
		while (e < n && s[e] != '\n' && !(s[e] == '.' && (e + 1 == n || s[e + 1] == ' ')))
			e++;
		size_t next = e < n ? e + 1 : n, x = a;
		while (x < e && (s[x] == ' ' || s[x] == '-' || s[x] == '*' || s[x] == '\t'))
			x++;
		/* "<Name> - <outcome>", "<Name> (<Town>) - <outcome>": a capital
		 * first, a spaced dash before the outcome */
		int hit = 0;
		if (x < e && sc_upper(s[x])) {
			for (size_t d = x + 1; d + 3 <= e && !hit; d++) {
				if (s[d] == ',' || s[d] == ';' || d - x > 60)
					break; /* a name, short, no list before the dash */
				if (!(s[d] == ' ' && (s[d + 1] == '-' || (d + 3 < e && s[d + 1] == 0xE2)) &&
				      s[d + 2] == ' '))
					continue;
				size_t o = d + 3;
				for (size_t w = 0; OUTCOME[w] && !hit; w++) {
					size_t l = strlen(OUTCOME[w]);
					hit = o + l <= e && strncasecmp((const char *)s + o, OUTCOME[w], l) == 0 &&
					      (o + l == e || !sc_alpha(s[o + l]));
				}
			}
			if (!hit && e - x > 9 && strncasecmp((const char *)s + x, "accepted:", 9) == 0)
				hit = 1;
		}
		if (hit && spans_push(all, x, e, SCRUB_LOCATION, "loc:refuge-search") != 0)
			return MGW_E_NOMEM;
		a = next;
	}
	return 0;
}

/*
 * A listed withheld person named by the first letter of a first name alone,
 * as a foster carer's or a school's log names a child ("K drew a picture",
 * "K very tearful after", a heading's "- K -"): a capital letter standing alone (not A or I, not
 * an initial with a full stop, not after a title, a digit or a capital word)
 * that starts a withheld first name and no kept one, before a person's verb
 * or how a child was ("very" between). letters: bit c - 'A'.
 */
static int initial_names(const unsigned char *s, size_t n, uint32_t letters, struct spans *all)
{
	for (size_t i = 0; i + 2 < n; i++) {
		if ((i = ar_to_upper(s, i, n)) + 2 >= n)
			break; /* (every match is a capital) */
		unsigned char c = s[i];
		if (c < 'B' || c > 'Z' || c == 'I' || !((letters >> (c - 'A')) & 1))
			continue;
		if ((i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] >= 0x80 || s[i - 1] == '.' ||
		               s[i - 1] == '-' || s[i - 1] == '/' || s[i - 1] == '&')) ||
		    s[i + 1] != ' ')
			continue;
		size_t pd = i, nd = i + 1;
		while (pd > 0 && s[pd - 1] == ' ' && i - pd < 3)
			pd--;
		while (nd < n && s[nd] == ' ' && nd - i < 4)
			nd++;
		if (pd < i && pd > 0 && s[pd - 1] == '-' && nd < n && s[nd] == '-') {
			if (spans_push(all, i, i + 1, SCRUB_NAME, "list:initial") != 0)
				return MGW_E_NOMEM; /* a log's heading: "Daily log - K - w/c 9 Nov" */
			continue;
		}
		if (i >= 2 && s[i - 1] == ' ' && sc_alpha(s[i - 2])) {
			size_t ws = i - 2;
			while (ws > 0 && sc_alpha(s[ws - 1]))
				ws--;
			if (sc_upper(s[ws]))
				continue; /* "Plan B said", "J K Smith", "Vitamin K" */
		}
		size_t a = i + 2, e = a;
		while (e < n && sc_alpha(s[e]))
			e++;
		if (e - a == 4 && memcmp(s + a, "very", 4) == 0 && e + 1 < n && s[e] == ' ') {
			a = e + 1, e = a;
			while (e < n && sc_alpha(s[e]))
				e++;
		}
		if (e == a || (e < n && sc_alnum(s[e])))
			continue;
		if (person_verb(s + a, e - a) || child_state(s + a, e - a) ||
		    (e - a == 4 && memcmp(s + a, "seen", 4) == 0))
			if (spans_push(all, i, i + 1, SCRUB_NAME, "list:initial") != 0)
				return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * "Poppy has ASD", "Grace is a nurse", "Ruby: 5.9 kg": a listed forename
 * (matched as someone's first name or nickname, not surname: "Hope is
 * low" of a Ms Hope) starting a sentence as the subject of has/had/is/was,
 * as a label before a colon, before a bracket, or before a measure or
 * "well" as health visitors write of a child; "Green was the colour"
 * starts with a word that is no forename.
 */
static int forename_subject(const unsigned char *s, size_t n, size_t a, size_t e, size_t na,
			    size_t ne, int has_next, int comma)
{
	/* (a modal verb starts a question with a pronoun, never "Will has") */
	static const char *const AUX[] = {"had", "has", "is", "was", "well", "wt"};
	unsigned lx = lex_classify((const char *)s + a, e - a);
	if (!(lx & LEX_FORENAME) || (lx & LEX_ALLOW))
		return 0;
	/* "Poppy: 5.9 kg", "Shell (the friend at ...)", "Ruby 6kg", "Ivy well" */
	if (e + 1 < n && s[e] == ':' && s[e + 1] == ' ')
		return 1;
	if (e + 2 < n && s[e] == ' ' && (s[e + 1] == '(' || sc_digit(s[e + 1])))
		return 1;
	/* "Ruby attendance 90%", "Poppy speech delay": a child's record,
	 * item by item, under her name */
	static const char *const RECORD[] = {"attainment",   "attendance", "behaviour", "development",
					     "immunisations", "progress",   "speech",    "weight"};
	if (has_next && !comma &&
	    (sorted_word(AUX, sizeof AUX / sizeof AUX[0], s + na, ne - na, 0) ||
	     sorted_word(RECORD, sizeof RECORD / sizeof RECORD[0], s + na, ne - na, 0) ||
	     child_state(s + na, ne - na)))
		return 1;
	/* "Ruby at St Thomas Primary, Mason at ...": where a child is at
	 * school, a capitalised name after "at" */
	return has_next && !comma && ne - na == 2 && s[na] == 'a' && s[na + 1] == 't' &&
	       ne + 1 < n && s[ne] == ' ' && sc_upper(s[ne + 1]);
}

/*
 * A listed name that is also a common word ("Green", "May", "Hope") found
 * alone: a name only next to a title, an initial or a forename, or
 * capitalised away from the start of a sentence and not before another
 * capitalised word ("a Green Vauxhall", "Green Lane"), or starting one as
 * its subject ("Hope said", "Chichi (Y9) disclosed"). Months need a title.
 */
/*
 * Typed in lower case ("mason 8/52 thriving", "mum + ruby seen", "poppy (7)
 * said"): a listed forename that is also a word is the person's when an
 * age follows it (weeks or months "8/52", "6/12"; "(7)", "7yo", "7 yrs"),
 * a person's verb does ("ruby said", "ruby seen"), or "+" or "&" joins it
 * to a relative ("mum + ruby"). One word, no modal ("may", "will").
 */
static int lower_forename(const unsigned char *s, size_t n, size_t a, size_t e, size_t na,
			  size_t ne, int has_next, int comma)
{
	unsigned b = lex_classify((const char *)s + a, e - a);
	if (b & (LEX_MODAL | LEX_FUNCTION))
		return 0;
	size_t i = e;
	while (i < n && s[i] == ' ' && i - e < 2)
		i++;
	if (i < n && s[i] == '(' && i + 1 < n && sc_digit(s[i + 1]))
		return 1;
	if (i > e && i < n && sc_digit(s[i])) {
		size_t d = i;
		while (d < n && sc_digit(s[d]) && d - i < 2)
			d++;
		if (d + 2 < n && s[d] == '/' &&
		    ((s[d + 1] == '5' && s[d + 2] == '2') || (s[d + 1] == '1' && s[d + 2] == '2')) &&
		    (d + 3 == n || !sc_digit(s[d + 3])))
			return 1; /* "8/52": weeks, "6/12": months */
		while (d < n && s[d] == ' ' && d - i < 3)
			d++;
		if (d + 1 < n && (s[d] | 0x20) == 'y' &&
		    ((s[d + 1] | 0x20) == 'o' || (s[d + 1] | 0x20) == 'r'))
			return 1; /* "7yo", "7 yrs" */
	}
	if (has_next && !comma &&
	    (person_verb(s + na, ne - na) ||
	     (ne - na == 4 && memcmp(s + na, "seen", 4) == 0)))
		return 1;
	size_t j = a;
	while (j > 0 && s[j - 1] == ' ' && a - j < 2)
		j--;
	size_t pa, pe;
	if (j < a && j > 0 && (s[j - 1] == '+' || s[j - 1] == '&') && prev_word(s, j - 1, &pa, &pe) &&
	    (lex_classify((const char *)s + pa, pe - pa) & LEX_KIN))
		return 1; /* "mum + ruby" */
	/* s31-never: the one told, asked or rung ("tell dawn shes next",
	 * "ask faith", "ring joy"): a person's name after a verb of speaking
	 * to someone */
	static const char *const TELL[] = {"ask",  "asked", "call", "message", "rang",
					   "ring", "tell",  "text", "texted",  "told"};
	return prev_word(s, a, &pa, &pe) &&
	       sorted_word(TELL, sizeof TELL / sizeof TELL[0], s + pa, pe - pa, 0);
}

static int common_ok(const unsigned char *s, size_t n, size_t a, size_t e, int first)
{
	size_t pa, pe, na = 0, ne = 0;
	int comma, has_next = next_word(s, n, e, &na, &ne, &comma);
	if (prev_word(s, a, &pa, &pe)) {
		if (title_word(s + pa, pe - pa))
			return 1;
		if (pe - pa == 1 && sc_upper(s[pa]) &&
		    (s[pe] == '.' || (s[pa] != 'A' && s[pa] != 'I')))
			return 1; /* "J Green", "J. Green"; not "A GREEN VAUXHALL" */
		unsigned pc = lex_classify((const char *)s + pa, pe - pa);
		/* (s35: not the last word of the sentence before, "since
		 * January. Read the plan": a month that is a forename too) */
		if (sc_upper(s[pa]) && !sentence_start(s, pa) && !sentence_start(s, a) &&
		    (pc & (LEX_FORENAME | LEX_COMMON)) == LEX_FORENAME)
			return 1;
		/* "Family Support Worker", "Wildlife Park": a capitalised common
		 * word that names no one before it makes a title-case phrase. */
		/* (s34: not "The" before a name of two words or more, "The Old
		 * Rectory" as "at the Old Rectory", nor before a family's name
		 * in the plural, "The Nobles") */
		if (sc_upper(s[pa]) && (pc & LEX_COMMON) &&
		    !(pc & (LEX_FORENAME | LEX_SURNAME | LEX_TITLE | LEX_RANK)) &&
		    !sentence_start(s, a) && /* not the last word of the sentence before */
		    !((pc & LEX_FUNCTION) && (memchr(s + a, ' ', e - a) != NULL ||
					      (e - a >= 5 && s[e - 1] == 's' && sc_upper(s[a])))))
			return 0;
	}
	if (has_next && comma && sc_upper(s[na]) &&
	    (lex_classify((const char *)s + na, ne - na) & (LEX_FORENAME | LEX_COMMON)) ==
	        LEX_FORENAME)
		return 1; /* "GREEN, Mary" */
	if (!sc_upper(s[a]))
		return first && lower_forename(s, n, a, e, na, ne, has_next, comma);
	if (month_word(s + a, e - a))
		return 0;
	size_t up = 0;
	for (size_t i = a; i < e; i++)
		up += sc_upper(s[i]);
	if (up == e - a && e - a > 1) {
		/* capitals say nothing in a CAD log; in a line written in small
		 * letters they are a police note's SURNAME after a word that
		 * names someone ("Statement from RD HILL (witness) ...", "spoke
		 * to HILL"), not an acronym ("under PACE", "completed DASH"),
		 * nor before another word in capitals ("HILL STREET") (s53-never,
		 * and its review) */
		size_t ls = a;
		while (ls > 0 && a - ls < 40 && s[ls - 1] != '\n')
			ls--;
		int lower = 0;
		for (size_t i = ls; i < e + 40 && i < n && s[i] != '\n' && !lower; i++)
			lower = s[i] >= 'a' && s[i] <= 'z';
		if (!lower || (has_next && sc_upper(s[na]) && ne - na > 1 && sc_upper(s[na + 1])))
			return 0;
		static const char *const CUE[] = {"by", "from", "to", "with", "witness", "saw",
						  "told", "informed", "contacted", "named", "called",
						  "and", NULL};
		static const char *const EMPH[] = {"A", "ALL", "NO", "SO", "THE", "TOO", "VERY", NULL};
		static const char *const HAS[] = {"has", "had", "holds", "is", "owns", "was", NULL};
		int prev = prev_word(s, a, &pa, &pe);
		if (prev && word_of(s, pa, pe, EMPH))
			return 0;
		/* what a person does after it ("SHEPHERD holds SGC", "HILL
		 * said"), a role's letters before it ("RD", "HV", "SW"), or a
		 * cue ("from", "spoke to") */
		if (has_next && !comma &&
		    (person_verb(s + na, ne - na) || word_of(s, na, ne, HAS)))
			return 1;
		/* after a name, in brackets: "Dazza (MILLS)" (not "the Act (PACE)") */
		size_t ba, be;
		if (a > 1 && s[a - 1] == '(' && e < n && s[e] == ')' && prev_word(s, a - 1, &ba, &be) &&
		    sc_upper(s[ba]) &&
		    !(lex_classify((const char *)s + ba, be - ba) & (LEX_COMMON | LEX_FUNCTION)))
			return 1;
		if (!prev)
			return 0;
		int role = pe - pa >= 2 && pe - pa <= 3 && sc_upper(s[pa]) && sc_upper(s[pa + 1]) &&
			   (pe - pa == 2 || sc_upper(s[pa + 2]));
		return role || word_of(s, pa, pe, CUE);
	}
	/* "Old <Noun> - <child> fine", "The Meadows said": a name of two or more
	 * words each capitalised is a name, even starting a sentence */
	int words = 1, caps = 1;
	for (size_t i = a; i + 1 < e; i++)
		if ((s[i] == ' ' || s[i] == '\n') && sc_alpha(s[i + 1]))
			words++, caps &= sc_upper(s[i + 1]);
	if (words > 1 && caps)
		return 1;
	if (sentence_start(s, a)) {
		/* "Chichi asked that ...", "Poppy (7) said": a sentence's
		 * subject doing what people do, or with an age or school year */
		size_t i = e;
		/* "Gill's mobile", "Hope's mum": something of hers */
		if (e + 3 < n && s[e] == '\'' && (s[e + 1] | 0x20) == 's' && s[e + 2] == ' ' &&
		    s[e + 3] >= 'a' && s[e + 3] <= 'z')
			return 1;
		while (i < n && s[i] == ' ')
			i++;
		if (i + 2 < n && s[i] == '(' &&
		    (sc_digit(s[i + 1]) || ((s[i + 1] | 0x20) == 'y' && sc_digit(s[i + 2]))))
			return 1;
		/* "Child: Poppy, Y2 at ...", "Poppy, 7, was seen": a year or an
		 * age after a comma */
		if (e + 3 < n && s[e] == ',' && s[e + 1] == ' ' &&
		    (sc_digit(s[e + 2]) || ((s[e + 2] | 0x20) == 'y' && sc_digit(s[e + 3]))))
			return 1;
		/* s31-never: a line (of a quoted reply, too) that opens on the
		 * listed first name and a comma, then words in small letters:
		 * someone spoken to ("> Martin, any luck with ...") */
		if (first && e + 3 < n && s[e] == ',' && s[e + 1] == ' ' && s[e + 2] >= 'a' &&
		    s[e + 2] <= 'z') {
			size_t k = a;
			while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '>'))
				k--;
			if (k == 0 || s[k - 1] == '\n')
				return 1;
		}
		/* s36-never: else a listed first name opening a sentence,
		 * a word in small letters after it, is the person's ("Ruby
		 * off <School> until Weds"): where it cannot be sure, the
		 * name goes. Not a modal or a function word ("Will", "May"),
		 * nor a phrase the word makes ("Bill of costs", "Hope you
		 * are well", "Hope this helps") */
		static const char *const PHRASE[] = {"all", "everyone", "of", "that", "this", "to",
						     "you"};
		if (first && has_next && !comma && s[na] >= 'a' && s[na] <= 'z' &&
		    !(lex_classify((const char *)s + a, e - a) & (LEX_MODAL | LEX_FUNCTION)) &&
		    !sorted_word(PHRASE, sizeof PHRASE / sizeof PHRASE[0], s + na, ne - na, 0))
			return 1;
		/* and alone at the end of its line or the text, after a
		 * sentence: a sign-off ("... in your clinical notes. Mark") */
		if (first && (e == n || s[e] == '\n' || s[e] == '\r') &&
		    !(lex_classify((const char *)s + a, e - a) & (LEX_MODAL | LEX_FUNCTION)))
			return 1;
		return (has_next && !comma && person_verb(s + na, ne - na) &&
			!(lex_classify((const char *)s + a, e - a) & LEX_MODAL)) ||
		       (first && forename_subject(s, n, a, e, na, ne, has_next, comma));
	}
	if (has_next && !comma && sc_upper(s[na]))
		return 0;
	return 1;
}

/*
 * Once a listed first name that is also a word is found as the person's
 * ("mum + ruby seen"), its other uses written the same are theirs too
 * ("jack sent ruby a card"): the issue's "once a name is found, all its
 * forms go". Written the same: a text that writes "Faith" for the person
 * writes "no faith in him" for the word; and not a capitalised one
 * opening a sentence ("Bill of costs ...").
 * rej: the matches no context confirmed, in order of end; out (in order of
 * end) gets those whose words a confirmed match has, and stays in order.
 */
static int confirm_rejected(const unsigned char *s, struct spans *out, const struct span *rej,
			    size_t nrej)
{
	size_t n0 = out->n;
	for (size_t r = 0; r < nrej; r++) {
		size_t l = rej[r].end - rej[r].start;
		int seen = 0;
		if (sc_upper(s[rej[r].start]) && sentence_start(s, rej[r].start))
			continue; /* "Bill of costs ..." */
		for (size_t j = 0; j < n0 && !seen; j++)
			seen = out->v[j].end - out->v[j].start == l &&
			       memcmp(s + out->v[j].start, s + rej[r].start, l) == 0;
		if (seen && spans_push(out, rej[r].start, rej[r].end, rej[r].kind, rej[r].rule) != 0)
			return MGW_E_NOMEM;
	}
	/* the few added, each to its place by end */
	for (size_t j = n0; j < out->n; j++) {
		struct span m = out->v[j];
		size_t k = j;
		while (k > 0 && out->v[k - 1].end > m.end)
			out->v[k] = out->v[k - 1], k--;
		out->v[k] = m;
	}
	return 0;
}

/*
 * Listed-name findings (keep-names applied, united where they overlap, in
 * order of start), keep-name matches, and text-value findings.
 */
static int fold_pass(const scrubber *sc, const unsigned char *s, size_t n, struct spans *out,
                     struct spans *keep, struct spans *vals)
{
	const struct ac *A = &sc->names, *V = &sc->values;
	const int hv = V->npat > 0;
	const size_t rmask = A->ring - 1;
	const uint32_t shift = A->shift, vshift = V->shift;
	const uint32_t *delta = A->delta, *vdelta = V->delta;
	const uint8_t *cls = A->cls, *vcls = V->cls;
	size_t *rs = malloc(2 * A->ring * sizeof *rs), *re = rs ? rs + A->ring : NULL;
	size_t ws[WORD_RING]; /* start offsets of the last words */
	size_t pos = 0, wc = 0, i = 0;
	uint32_t st, vst = 0;
	size_t wlen = 0; /* characters in the last word */
	int sp = 1, strong = 0, rc = MGW_E_NOMEM;
	/* listed first names that are also words, where no context said they
	 * are the person's: theirs after all when one elsewhere in the text was */
	enum { REJ_MAX = 32 };
	struct span rej[REJ_MAX];
	size_t nrej = 0;

	if (rs == NULL)
		goto done;
	rs[0] = re[0] = 0;
	st = delta[cls[' ']]; /* the virtual space before the text */
	if (hv)
		vst = vdelta[vcls[' ']];

	/* Names: every folded byte; values: the same bytes without the strong
	 * breaks, so a value reads across "Ct., Grimsby". */
#define EMIT_A(byte, a, b)                                                                      \
	do {                                                                                   \
		pos++;                                                                         \
		rs[pos & rmask] = (a);                                                         \
		re[pos & rmask] = (b);                                                         \
		st = delta[st + cls[(unsigned char)(byte)]];                                   \
	} while (0)
#define EMIT(byte, a, b)                                                                        \
	do {                                                                                   \
		EMIT_A(byte, a, b);                                                            \
		if (hv)                                                                        \
			vst = vdelta[vst + vcls[(unsigned char)(byte)]];                       \
	} while (0)
	/* A word starts at i: the strong break if one is pending, and its start. */
#define WORD_START(i)                                                                           \
	do {                                                                                   \
		if (strong) { /* " \n ": a word may end or start here, a name not span it */ \
			EMIT_A('\n', i, i);                                                    \
			EMIT_A(' ', i, i);                                                     \
		}                                                                              \
		ws[wc++ & (WORD_RING - 1)] = (i);                                              \
		sp = 0, strong = 0, wlen = 0;                                                  \
	} while (0)
	/* Patterns end in a space: only a boundary can complete one. A value
	 * pattern's length is in words: it starts where its first word did. */
#define BOUNDARY(a, b)                                                                          \
	do {                                                                                   \
		EMIT(' ', a, b);                                                               \
		sp = 1;                                                                        \
		const struct acc *ac = &A->acc[st >> shift];                                   \
		size_t me = re[(pos - 1) & rmask];                                             \
		if (ac->scrub) {                                                               \
			size_t ms = rs[(pos - ac->scrub + 2) & rmask];                         \
			int first_ = ac->rule == R_FIRST || ac->rule == R_NICK ||              \
			             ac->rule == R_FOUND_FIRST;                                \
			if (ac->common && !common_ok(s, n, ms, me, first_)) {                  \
				if (first_ && nrej < REJ_MAX)                                  \
					rej[nrej++] = (struct span){ms, me, SCRUB_NAME,        \
					                            scrub_rule_name(ac->rule)}; \
			} else if (spans_push(out, ms, me, SCRUB_NAME,                         \
			                      scrub_rule_name(ac->rule)) != 0)                 \
				goto done;                                                     \
		}                                                                              \
		if (ac->keep && spans_push(keep, rs[(pos - ac->keep + 2) & rmask], me,         \
		                           SCRUB_NAME, "keep") != 0)                           \
			goto done;                                                             \
		if (hv) {                                                                      \
			const struct acc *vc = &V->acc[vst >> vshift];                         \
			size_t vs = vc->scrub ? ws[(wc - vc->scrub) & (WORD_RING - 1)] : 0;     \
			/* a place's short name of common words: where a name is */          \
			if (vc->scrub && (!vc->common || common_ok(s, n, vs, me, 0)) &&        \
			    spans_push(vals, vs, me, vc->kind, scrub_rule_name(vc->rule)) != 0)  \
				goto done;                                                     \
		}                                                                              \
	} while (0)

	while (i < n) {
		unsigned char b = s[i], f;
		struct ident_char c;
		size_t k = 1;
		if (b < 0x80 && (f = ascii_fold(b)) != 0) {
			if (sp)
				WORD_START(i);
			do { /* the hot loop: a run of ASCII letters and digits */
				EMIT(f, i, i + 1);
				wlen++, i++;
				if (st == 0 && vst == 0) {
					/* Both automata at the root: every pattern
					 * starts with a space, so no letter or digit
					 * leaves it, and no match can end before the
					 * next boundary's space, which starts afresh:
					 * the rest of the run needs no steps. */
					size_t r = ascii_alnum_run(s + i, n - i);
					wlen += r, i += r;
					break;
				}
			} while (i < n && s[i] < 0x80 && (f = ascii_fold(s[i])) != 0);
			continue;
		}
		if (b < 0x80 && b != '\'') {
			c.nfold = 0;
			c.cls = b == ' ' || (b >= '\t' && b <= '\r') ? IDENT_C_SPACE : IDENT_C_OTHER;
		} else {
			k = ident_char_next((const char *)s + i, n - i, &c);
		}
		if (c.cls == IDENT_C_LETTER || c.cls == IDENT_C_DIGIT) {
			if (sp)
				WORD_START(i);
			for (unsigned j = 0; j < c.nfold; j++)
				EMIT(c.fold[j], i, i + k);
			wlen++;
		} else if (c.cls != IDENT_C_JOIN) {
			if (!sp)
				BOUNDARY(i, i + k);
			strong |= is_strong(s, n, i, k, c.cls, wlen);
		} else if (!sp && s[i] != '\'' && s[i] != 0xE2 && s[i] != 0xCA) {
			/* A combining mark or zero-width char belongs to the letter
			 * before it; apostrophes (' U+2018 U+2019 U+02BC) do not. */
			re[pos & rmask] = i + k;
		}
		i += k;
	}
	if (!sp)
		BOUNDARY(n, n);
#undef BOUNDARY
#undef WORD_START
#undef EMIT
#undef EMIT_A
	if (nrej > 0 && confirm_rejected(s, out, rej, nrej) != 0)
		goto done;

	/*
	 * Both name lists are in order of end. A third-party match (s,e) is
	 * dropped when a keep match covers it: some keep match with end >= e
	 * has start <= s, i.e. the least start among keep matches from the
	 * first with end >= e is <= s. Survivors are united on a stack, which
	 * leaves them in order of start. The keep list is then sorted by start.
	 */
	{
		size_t *minst = keep->n ? malloc(keep->n * sizeof *minst) : NULL;
		if (keep->n && minst == NULL)
			goto done;
		for (size_t j = keep->n; j-- > 0;)
			minst[j] = j + 1 < keep->n && minst[j + 1] < keep->v[j].start ? minst[j + 1]
			                                                            : keep->v[j].start;
		size_t kj = 0, top = 0;
		for (size_t j = 0; j < out->n; j++) {
			struct span m = out->v[j];
			while (kj < keep->n && keep->v[kj].end < m.end)
				kj++;
			if (kj < keep->n && minst[kj] <= m.start)
				continue;
			while (top > 0 && out->v[top - 1].end > m.start) {
				top--;
				if (out->v[top].start < m.start)
					m.start = out->v[top].start, m.rule = out->v[top].rule;
			}
			out->v[top++] = m;
		}
		out->n = top;
		free(minst);
	}
	spans_sort(keep);
	rc = 0;
done:
	free(rs);
	return rc;
}

/* ---- names_scan findings that overlap a keep-name ------------------------- */

/* Is s[a..e) inside one keep match? keep is sorted by start; maxend[j] is
 * the greatest end among keep[0..j]. *multi: a match that does is of two
 * words or more (a full name, "Smith, John"), not a lone first name. */
static int kept_at(const unsigned char *s, const struct spans *keep, const size_t *maxend,
                   size_t a, size_t e, int *multi)
{
	size_t lo = 0, hi = keep->n; /* last keep with start <= a */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (keep->v[mid].start <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || maxend[lo - 1] < e)
		return 0;
	*multi = 0;
	/* Back from there while some keep match up to j still reaches e: the
	 * test comes first, so a text of many keep matches ("Jane ..." again
	 * and again) is not walked back to its start at every word (that made
	 * a scrub quadratic). A keep match is at most a name long, so only
	 * those starting a name's length before a are looked at. */
	for (size_t j = lo; j-- > 0 && !*multi;) {
		if (maxend[j] < e)
			break;
		if (keep->v[j].end < e)
			continue;
		for (size_t k = keep->v[j].start; k < keep->v[j].end && !*multi; k++)
			*multi = s[k] == ' ' || s[k] == '\n' || s[k] == ',';
	}
	return 1;
}

/*
 * "CALLER <FORENAME> LANE STATES ...", "PNC: <FORENAME> LANE WARNINGS": a
 * street read over a kept full name of the case's subjects (a surname that
 * is a street's type word: Lane, Hill, Field) names them, not a street: the
 * place pass's address finding is dropped; so is a place finding whose
 * every word is a kept name ("FEMALE WORKER (OLENA)": her, not her
 * employer). all->v[from..] are its findings; each is read once.
 */
static void drop_kept_streets(const unsigned char *s, struct spans *all, size_t from,
                              const struct spans *keep, const size_t *maxend)
{
	size_t o = from;
	for (size_t j = from; j < all->n; j++) {
		const struct span *x = &all->v[j];
		int named = 0, all_kept = x->kind == SCRUB_PLACE;
		for (size_t i = x->start; i < x->end && !named &&
		                          (x->kind == SCRUB_ADDRESS || x->kind == SCRUB_PLACE);) {
			if (!(sc_alnum(s[i]) || s[i] >= 0x80)) {
				i++;
				continue;
			}
			size_t a = i;
			while (i < x->end && (sc_alnum(s[i]) || s[i] >= 0x80))
				i++;
			int multi = 0, kept = kept_at(s, keep, maxend, a, i, &multi);
			named = x->kind == SCRUB_ADDRESS && kept && multi;
			all_kept &= kept;
		}
		if (!named && !(x->kind == SCRUB_PLACE && all_kept))
			all->v[o++] = *x;
	}
	all->n = o;
}

/* A word that names no one by itself: a title, a particle ("Nic", "van"),
 * or a single letter (an initial, "D.O.B" read as initials). */
static int bare_word(const unsigned char *w, size_t n)
{
	if (n == 1 || title_word(w, n))
		return 1;
	return (lex_classify((const char *)w, n) & LEX_PARTICLE) != 0;
}

#define SPLIT_MAX_WORDS 16

/*
 * names.c finds the victim's name too ("Mrs Jane Tumbleweed"), and may run
 * a kept name into another word ("CAMHS. LACHLAN", "Bogdan D.O.B"). Push
 * what sp adds to the keep matches: nothing when each of its words is kept
 * or bare; else, when every kept word in it is held by a keep match of two
 * words or more or stands apart from the rest by punctuation, each run of
 * its other words that is not all bare; else (a lone kept first name right
 * beside another name: "Jane Smith" may be someone else) the whole span.
 * With no keep matches at all, sp as it is (maxend may then be NULL).
 */
/* Are the letters of x a kept person's initials (sc->kpi)? */
static int kept_initials(const scrubber *sc, const unsigned char *s, struct span x)
{
	if (x.end - x.start < 2 || x.end - x.start > 3)
		return 0;
	char w[4] = {0};
	for (size_t k = 0; k < x.end - x.start; k++)
		w[k] = (char)(s[x.start + k] & ~0x20);
	for (unsigned k = 0; k < sc->nkpi; k++)
		if (strcmp(sc->kpi[k], w) == 0)
			return 1;
	return 0;
}

static int push_unkept(const unsigned char *s, const struct span *sp, const struct spans *keep,
                       const size_t *maxend, struct spans *out)
{
	if (keep->n == 0)
		return spans_push(out, sp->start, sp->end, sp->kind, sp->rule);
	size_t ws[SPLIT_MAX_WORDS], we[SPLIT_MAX_WORDS], nw = 0;
	unsigned char kept[SPLIT_MAX_WORDS], strong[SPLIT_MAX_WORDS];
	int any_kept = 0, any_strong = 0, all_bare = 1, all_title = 1;
	size_t i = sp->start;
	while (i < sp->end) {
		if (!(sc_alnum(s[i]) || s[i] >= 0x80)) {
			i++;
			continue;
		}
		size_t a = i;
		while (i < sp->end && (sc_alnum(s[i]) || s[i] >= 0x80 || s[i] == '\''))
			i++;
		if (nw == SPLIT_MAX_WORDS)
			return spans_push(out, sp->start, sp->end, sp->kind, sp->rule);
		int multi = 0;
		ws[nw] = a, we[nw] = i;
		kept[nw] = (unsigned char)kept_at(s, keep, maxend, a, i, &multi);
		strong[nw] = (unsigned char)multi;
		any_kept |= kept[nw];
		any_strong |= kept[nw] && multi;
		if (!kept[nw] && !bare_word(s + a, i - a))
			all_bare = 0;
		if (!kept[nw] && !title_word(s + a, i - a))
			all_title = 0;
		nw++;
	}
	/* "her mum Mrs Atkin": a relative who shares a kept surname, unless a
	 * kept full name is written out ("her mum Mrs Jane Atkin", kept) */
	if (sp->rule == names_rule_kin_title && any_kept && !any_strong)
		return spans_push(out, sp->start, sp->end, sp->kind, sp->rule);
	if (all_title || (any_kept && all_bare))
		return 0;
	if (!any_kept)
		return spans_push(out, sp->start, sp->end, sp->kind, sp->rule);
	for (size_t k = 0; k < nw; k++) {
		if (!kept[k] || strong[k])
			continue;
		/* a lone kept word: apart from its unkept neighbours? */
		for (int d = -1; d <= 1; d += 2) {
			size_t x = k + (size_t)d;
			if ((d < 0 && k == 0) || x >= nw || kept[x])
				continue;
			size_t ga = d < 0 ? we[x] : we[k], ge = d < 0 ? ws[k] : ws[x];
			int apart = 0;
			for (size_t g = ga; g < ge; g++)
				apart |= s[g] != ' ' && s[g] != '-' && s[g] != '\'';
			/* "D.O.B" after "Bogdan": dots join initials, not names */
			if (!apart && !(bare_word(s + ws[x], we[x] - ws[x]) && we[x] - ws[x] == 1))
				return spans_push(out, sp->start, sp->end, sp->kind, sp->rule);
		}
	}
	for (size_t k = 0; k < nw;) {
		if (kept[k]) {
			k++;
			continue;
		}
		size_t r = k;
		int bare = 1;
		while (r < nw && !kept[r])
			bare &= bare_word(s + ws[r], we[r] - ws[r]), r++;
		if (!bare && spans_push(out, ws[k], we[r - 1], sp->kind, sp->rule) != 0)
			return MGW_E_NOMEM;
		k = r;
	}
	return 0;
}

/* A misspelt-surname finding inside a keep match is the kept name's own
 * word ("O'Neill" read as "Neill"): dropped. */
static void drop_kept_misspelt(const unsigned char *s, struct spans *all, size_t from,
                               const struct spans *keep, const size_t *maxend)
{
	const char *rule = scrub_rule_name(R_MISSPELT);
	size_t k = from;
	for (size_t j = from; j < all->n; j++) {
		int multi;
		if (all->v[j].rule == rule &&
		    kept_at(s, keep, maxend, all->v[j].start, all->v[j].end, &multi))
			continue;
		all->v[k++] = all->v[j];
	}
	all->n = k;
}

/* ---- a found name's other mentions ------------------------------------------ */

/*
 * Words of names found by names_scan recur alone: "his pal Alasdair \"Ally\"
 * Gunn ... Ally drives a black BMW", "a child he does not see - Kyran ...
 * Kyran's mum". Each capitalised word of three letters or more of a found
 * name that the lexicon does not already know as a name (names_scan finds
 * those anywhere): one no list knows ("Kyran") or a common word ("Ally"),
 * not a title, cue, particle, street or institution word, nor an
 * allow-listed one ("Worker Preston" must not take the town), is withheld
 * wherever else it is written with a capital, unless a keep match holds it
 * there. A word that is also a common word ("Ally", "Young") only where it
 * is capitalised away from a sentence start and not before another
 * capitalised word, or starts a sentence as its subject ("Ally drives
 * ...", "Ally said"; not "Young carers ...", nor a modal verb "Will"/"May").
 * A word found only by the lexicon ("lex:unknown-alone", "lex:common-name":
 * no cue named it a person) that is written anywhere in the text before an
 * institution word ("Brackenmoor Crown Court", "Tolvenny MARAC", "HMP
 * Quellby": town_use) is a town, not a person: it is withheld nowhere, where
 * it was found included. One pass over the
 * text, at most PROP_WORDS words compared where first letters agree; a
 * text with more is withheld whole (MGW_E_TOO_LARGE: fail closed).
 */
#define PROP_WORDS 32
#define PROP_SEEN 64 /* words already judged, direct-mapped by hash */

struct prop_word {
	size_t a, n;  /* the word in s */
	int common;   /* (place_words: THE_ONLY, a venue's kind named after "the" only) */
	unsigned char init; /* a surname found only after this initial ("S. Marsh") */
	unsigned char lower; /* (propagate_places: found in small letters too) */
};

#define THE_ONLY 2

static int prop_cmp(const unsigned char *s, size_t a, size_t n, const struct prop_word *w)
{
	if (n != w->n)
		return 0;
	/* a person's initials ("MH", "RKB": only these are kept in capitals
	 * of four letters or fewer) are found in capitals: "Mh" is not them */
	int caps = n <= 4;
	for (size_t k = 0; k < n && caps; k++)
		caps = sc_upper(s[w->a + k]);
	if (caps)
		return memcmp(s + a, s + w->a, n) == 0;
	for (size_t k = 0; k < n; k++)
		if (ascii_fold(s[a + k]) != ascii_fold(s[w->a + k]) &&
		    !(s[a + k] >= 0x80 && s[a + k] == s[w->a + k]))
			return 0;
	return 1;
}

/* The end of the word at s[i]: letters, UTF-8, an apostrophe between
 * letters ("D'Souza", "O'Neill" are one word; a possessive "'s" is not
 * part of it). */
static size_t prop_word_end(const unsigned char *s, size_t n, size_t i)
{
	while (i < n) {
		if (sc_alpha(s[i]) || s[i] >= 0x80) {
			i++;
			continue;
		}
		if (s[i] != '\'' || i == 0 || !sc_alpha(s[i - 1]) || i + 1 >= n || !sc_alpha(s[i + 1]))
			break;
		if ((s[i + 1] | 0x20) == 's' && (i + 2 >= n || !sc_alpha(s[i + 2])))
			break;
		i++;
	}
	return i;
}

static unsigned prop_letter(unsigned char c)
{
	unsigned l = (unsigned)((c | 0x20) - 'a');
	return l < 26 ? l : 26;
}

/* A rule that names a person by the lexicon alone, no cue. */
static int lex_only_rule(const char *r)
{
	return r != NULL && (strcmp(r, "lex:unknown-alone") == 0 ||
	                     strncmp(r, "lex:common-name", 15) == 0 || strcmp(r, "name:again") == 0);
}

/*
 * A listed school's or practice's name with its town right after it, one
 * space on the same line ("<Nursery> Gorleston", "<School> Preston"): the
 * branch, which says where the child is; the town (or a word no list
 * knows, as a small town often is) goes with the name when
 * the clause ends after it (a punctuation mark, a line's end, the text's
 * end). Returns the new end (e when no town follows).
 */
static size_t place_town_after(const unsigned char *s, size_t n, size_t e)
{
	if (e + 1 >= n || s[e] != ' ' || !sc_upper(s[e + 1]))
		return e;
	size_t q = prop_word_end(s, n, e + 1);
	unsigned b = lex_classify((const char *)s + e + 1, q - e - 1);
	if (q - (e + 1) < 3 || !((b & LEX_PLACE) || b == 0)) /* a town, or a word no list knows */
		return e;
	if (q < n && s[q] != '.' && s[q] != ',' && s[q] != ';' && s[q] != ':' && s[q] != ')' &&
	    s[q] != '\n' && s[q] != '!' && s[q] != '?')
		return e;
	return q;
}

/*
 * Is the word s[a..e) used as a town's name: before a word that ends a
 * public body's name ("Police", "Council", "Court", "Custody", "Services",
 * "Team", "Civic", "Town", "Family"; a service's acronym in capitals the
 * lexicon allows, "MARAC") among the next four capitalised words on its
 * line, joined by spaces, hyphens and figures only ("Brackenmoor Crown
 * Court", "Farrowdale 0-19 Team", "Quellby Children's Services"), or after
 * "HMP"? Not a place's word ("Surgery", "Hospital", "School"): a practice,
 * a hospital or a school can locate someone, and a name there still goes.
 * A known name on the way ends the search. With lower, the words may be in
 * lower case ("<Town> police station"): for a word known to be a place's.
 */
static int town_use(const unsigned char *s, size_t n, size_t a, size_t e, int lower)
{
	if (a >= 4 && s[a - 1] == ' ' && memcmp(s + a - 4, "HMP", 3) == 0 &&
	    (a == 4 || !sc_alpha(s[a - 5])))
		return 1;
	size_t i = e;
	if (i + 1 < n && s[i] == '\'' && (s[i + 1] | 0x20) == 's')
		i += 2; /* "Quellby's" */
	for (int w = 0; w < 4; w++) {
		size_t g = i; /* the gap: spaces, hyphens, figures ("0-19"), bounded */
		while (i < n && (s[i] == ' ' || s[i] == '-' || sc_digit(s[i])) && i - g < 16)
			i++;
		if (i >= n || !(sc_upper(s[i]) || (lower && sc_alpha(s[i]))) ||
		    (i > 0 && s[i - 1] != ' ' && s[i - 1] != '-'))
			return 0;
		size_t q = prop_word_end(s, n, i), up = 0;
		unsigned b = lex_classify((const char *)s + i, q - i);
		for (size_t x = i; x < q; x++)
			up += sc_upper(s[x]);
		if (up == q - i && q - i >= 4 && (b & LEX_ALLOW) &&
		    !(b & (LEX_PLACE | LEX_FORENAME | LEX_SURNAME | LEX_INSTITUTION)))
			return 1;
		static const char *const BODY[] = {
			"police", "constabulary", "council", "borough", "court", "courts", "custody",
			"magistrates", "probation", "services", "service", "team", "teams", "homes",
			"housing", "civic", "town", "nhs", "icb", "hscp", "marac", "mash", "aid", "hub",
			"family", NULL};
		if (word_of(s, i, q, BODY))
			return 1;
		if ((b & (LEX_FORENAME | LEX_SURNAME)) && !(b & (LEX_COMMON | LEX_ALLOW)))
			return 0;
		if (b == 0)
			return 0; /* an unknown word: a name's, not a body's */
		i = q;
		if (i + 1 < n && s[i] == '\'' && (s[i + 1] | 0x20) == 's')
			i += 2; /* "Children's" */
	}
	return 0;
}

/* What propagate_found learnt of a word: a cue or form named it (a person,
 * whatever else it is), or only the lexicon did and it is a town. */
enum { CUED = 1, TOWN = 2 };

/* Drop the findings from `from` on that are exactly a word k of w with
 * town[k] == TOWN. */
static void drop_towns(const unsigned char *s, struct spans *all, size_t from,
                       const struct prop_word *w, const unsigned char *town, size_t nw)
{
	size_t o = from;
	for (size_t j = from; j < all->n; j++) {
		const struct span *x = &all->v[j];
		int drop = 0;
		if (x->kind == SCRUB_NAME && lex_only_rule(x->rule))
			for (size_t k = 0; k < nw && !drop; k++)
				drop = town[k] == TOWN &&
				       prop_cmp(s, x->start, x->end - x->start, &w[k]);
		if (!drop)
			all->v[o++] = *x;
	}
	all->n = o;
}

/* Findings whose words are worth looking for again: those of cues and
 * forms ("his pal Alasdair \"Ally\" Gunn", "KOWALSKA, Agnieszka") and of a
 * name no list knows or a common word used as a name; a run of known names
 * ("lex:forename+surname", "caps:name") is found anywhere anyway. */
static int prop_rule(const char *r)
{
	if (r == NULL)
		return 0;
	if (strncmp(r, "caps:", 5) == 0)
		return 0;
	if (strncmp(r, "lex:", 4) == 0)
		return strcmp(r, "lex:unknown-alone") == 0 || strncmp(r, "lex:common-name", 15) == 0 ||
		       strcmp(r, "lex:forename+surname") == 0 || /* its common words: "Mark" */
		       strcmp(r, "lex:initial+surname") == 0; /* s47: "J <Surname>", then
		                                               * "Jan <Surname>" */
	return 1;
}

static int propagate_found(const unsigned char *s, size_t n, struct spans *all, size_t from,
                           const struct spans *keep, const size_t *maxend)
{
	struct prop_word w[PROP_WORDS];
	unsigned char town[PROP_WORDS]; /* CUED, TOWN or 0 */
	size_t nw = 0, to = all->n;
	uint64_t lens[27] = {0}; /* by first letter (a-z, other): lengths */
	uint64_t seen[PROP_SEEN] = {0};
	for (size_t j = from; j < to; j++) {
		if (all->v[j].kind != SCRUB_NAME || !prop_rule(all->v[j].rule))
			continue;
		/* a person's initials after a form's label ("Fee earner: NJ") */
		/* or in a table's column of people ("| 03/08/26 | SP | ...") */
		int initials = all->v[j].rule == names_rule_initials || all->v[j].rule == names_rule_stamp ||
			       (strcmp(all->v[j].rule, "form:person-column") == 0 &&
				all->v[j].end - all->v[j].start <= 3);
		/* of a run of known names, its forename alone, a common word
		 * ("Mark" of "Mark <Surname>", who signs "Mark"): not a surname
		 * that is one ("Wise words"), nor a street's ("Love Lane") */
		/* and its surname that is a common word after the forename's
		 * initial ("S. Marsh" of "Steve Marsh") */
		if (strcmp(all->v[j].rule, "lex:forename+surname") == 0) {
			size_t a = all->v[j].start, e = all->v[j].end, b = e, f = a;
			while (b > a && sc_alpha(s[b - 1]))
				b--;
			while (f < e && sc_alpha(s[f]))
				f++;
			unsigned fb = lex_classify((const char *)s + a, f - a),
				 sb = lex_classify((const char *)s + b, e - b);
			if (b == a)
				continue;
			struct prop_word cand[2];
			size_t nc = 0;
			if ((fb & (LEX_FORENAME | LEX_COMMON)) == (LEX_FORENAME | LEX_COMMON) && f - a >= 3 &&
			    !(sb & LEX_STREET))
				cand[nc++] = (struct prop_word){a, f - a, 1, 0, 0};
			if ((sb & LEX_COMMON) && e - b >= 3 && sc_upper(s[a]))
				cand[nc++] = (struct prop_word){b, e - b, 1, s[a], 0};
			for (size_t c = 0; c < nc; c++) {
				int dup = 0;
				for (size_t k = 0; k < nw && !dup; k++)
					dup = prop_cmp(s, cand[c].a, cand[c].n, &w[k]) && w[k].init == cand[c].init;
				if (dup)
					continue;
				if (nw == PROP_WORDS)
					return MGW_E_TOO_LARGE;
				town[nw] = 0;
				w[nw++] = cand[c];
				lens[prop_letter(s[cand[c].a])] |= 1ull << (cand[c].n < 63 ? cand[c].n : 63);
			}
			continue;
		}
		for (size_t i = all->v[j].start; i < all->v[j].end;) {
			if (!sc_alpha(s[i])) {
				i++;
				continue;
			}
			size_t a = i;
			i = prop_word_end(s, all->v[j].end, i);
			if ((i - a < 3 && !(initials && i - a == 2)) || !sc_upper(s[a]) ||
			    title_word(s + a, i - a))
				continue; /* (a person's two initials, "NJ", go too) */
			size_t up = 0;
			uint64_t h = 0xcbf29ce484222325ull;
			for (size_t x = a; x < i; x++) {
				up += sc_upper(s[x]);
				h = (h ^ (s[x] | (sc_alpha(s[x]) ? 0x20 : 0))) * 0x100000001b3ull;
			}
			if (up == i - a && i - a <= 4 && !initials)
				continue; /* "VLO Margaret Ferry": a role's acronym (not
					   * a person's initials after "Fee earner:") */
			/* a cue named it too: a person, whatever else it is */
			int cued = !lex_only_rule(all->v[j].rule);
			for (size_t k = 0; k < nw && cued; k++)
				if (prop_cmp(s, a, i - a, &w[k]))
					town[k] = CUED;
			/* names recur: a word looked up and refused is not looked up
			 * again (a 64-bit hash of its folded bytes) */
			if (seen[h & (PROP_SEEN - 1)] == h)
				continue;
			seen[h & (PROP_SEEN - 1)] = h;
			unsigned b = lex_classify((const char *)s + a, i - a);
			if (b & (LEX_ALLOW | LEX_STREET | LEX_INSTITUTION | LEX_TITLE | LEX_RANK |
			         LEX_KIN | LEX_CALLED | LEX_FUNCTION | LEX_PARTICLE))
				continue;
			if ((b & (LEX_FORENAME | LEX_SURNAME)) && !(b & LEX_COMMON))
				continue; /* a known name: names_scan finds it anywhere */
			int dup = 0;
			for (size_t k = 0; k < nw && !dup; k++)
				dup = prop_cmp(s, a, i - a, &w[k]);
			if (dup)
				continue;
			if (nw == PROP_WORDS)
				return MGW_E_TOO_LARGE; /* more than one pass carries: withheld */
			town[nw] = cued ? CUED : 0;
			w[nw++] = (struct prop_word){a, i - a, (b & (LEX_COMMON | LEX_MODAL)) != 0, 0, 0};
			lens[prop_letter(s[a])] |= 1ull << (i - a < 63 ? i - a : 63);
		}
	}
	if (nw == 0)
		return 0;
	/* the capitals the words start with: with a few, eight bytes at a
	 * time to the next of them, else to the next capital */
	unsigned char cap[4];
	size_t ncap = 0;
	for (unsigned l = 0; l < 26 && ncap <= 4; l++)
		if (lens[l] && ncap++ < 4)
			cap[ncap - 1] = (unsigned char)('A' + l);
	size_t cov = from;
	for (size_t i = 0; i < n;) {
		if (i + 8 <= n) {
			uint64_t x, m = 0;
			memcpy(&x, s + i, 8);
			if (ncap <= 4) {
				for (size_t c = 0; c < ncap; c++) {
					uint64_t y = x ^ (AR_ONES * cap[c]);
					m |= (y - AR_ONES) & ~y & AR_HI; /* exact up to the first */
				}
			} else {
				m = ar_in(x, 'A', 'Z');
			}
			size_t r = ar_lead(~m & AR_HI);
			i += r;
			if (r == 8)
				continue;
		}
		if (!sc_upper(s[i]) || (i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] >= 0x80 ||
		                                  (s[i - 1] == '\'' && i > 1 && sc_alpha(s[i - 2]))))) {
			i++;
			continue;
		}
		size_t a = i;
		i = prop_word_end(s, n, i);
		if (!(lens[prop_letter(s[a])] >> (i - a < 63 ? i - a : 63) & 1) ||
		    (i < n && sc_digit(s[i])))
			continue;
		/* found already: the spans from..to are in order of start */
		while (cov < to && all->v[cov].end <= a)
			cov++;
		if (cov < to && all->v[cov].start <= a)
			continue;
		for (size_t k = 0; k < nw; k++) {
			if (!prop_cmp(s, a, i - a, &w[k]))
				continue;
			if (w[k].init) {
				/* "S. Marsh", "S Marsh": the initial, a space */
				size_t p = a;
				if (p < 3 || s[p - 1] != ' ')
					continue;
				p--;
				if (s[p - 1] == '.')
					p--;
				if (ascii_fold(s[p - 1]) != ascii_fold(w[k].init) ||
				    (p >= 2 && (sc_alnum(s[p - 2]) || s[p - 2] >= 0x80)))
					continue;
				if (spans_push(all, p - 1, i, SCRUB_NAME, "name:again") != 0)
					return MGW_E_NOMEM;
				break;
			}
			if (town[k] != CUED && town_use(s, n, a, i, 0)) {
				town[k] = TOWN;
				break;
			}
			int multi;
			if (keep->n && kept_at(s, keep, maxend, a, i, &multi))
				break;
			if (w[k].common) {
				size_t up = 0, na, ne;
				int comma;
				for (size_t x = a; x < i; x++)
					up += sc_upper(s[x]);
				if (up == i - a)
					break; /* capitals say nothing */
				if (sentence_start(s, a) && !alone_on_line(s, n, a, i) &&
				    !ends_text(s, n, i)) {
					int hn = next_word(s, n, i, &na, &ne, &comma);
					if ((!hn || comma ||
					     (lex_classify((const char *)s + a, i - a) & LEX_MODAL) ||
					     !person_verb(s + na, ne - na)) &&
					    !forename_subject(s, n, a, i, na, ne, hn, comma))
						break; /* "Young carers": a common word starts a phrase */
				}
				if (!sentence_start(s, a) && next_word(s, n, i, &na, &ne, &comma) &&
				    !comma && sc_upper(s[na]))
					break; /* "Ally Pally": a title-case phrase */
			}
			if (spans_push(all, a, i, SCRUB_NAME, "name:again") != 0)
				return MGW_E_NOMEM;
			break;
		}
	}
	for (size_t k = 0; k < nw; k++)
		if (town[k] == TOWN) {
			drop_towns(s, all, from, w, town, nw);
			break;
		}
	return 0;
}

/*
 * s43-never: a person's initials where the text names the person in full
 * ("SW Kerry-Ann Bailey (KAB, chair) ... KAB to write up", "by DSL K.
 * Halliwell" signing a log's rows "KH"): each withheld name of two to
 * four words, an initial or a capitalised word each (titles, ranks and
 * particles aside), gives its initials, a letter per part of a hyphened
 * word ("KAB") and per word ("KB"); each goes wherever the text writes it
 * as a word of its own in capitals (worker_initials: no role's short
 * form, no small word, not a clock's "9 AM").
 */
#define FI_MAX 32
static int fi_add(char (*fi)[5], size_t *nf, const char *x, size_t m)
{
	if (m < 2 || m > 3)
		return 0;
	for (size_t k = 0; k < *nf; k++)
		if (strlen(fi[k]) == m && memcmp(fi[k], x, m) == 0)
			return 0;
	if (*nf == FI_MAX)
		return 0;
	memcpy(fi[*nf], x, m);
	fi[*nf][m] = '\0';
	(*nf)++;
	return 0;
}

/* s44-never: the text gives the initials in brackets right after the name
 * ("Mehmet Yılmaz (MY)", "Ciara Ní Dhónaill (CND)"): a 2-3 capital
 * run there, into def (at most FI_MAX); they go wherever written, small
 * word or not ("MY to check"), the note having said whose they are. */
static void fi_defined(const unsigned char *s, size_t n, size_t e, char (*def)[5], size_t *nd)
{
	size_t i = e;
	if (i < n && s[i] == ' ')
		i++;
	if (i >= n || s[i] != '(')
		return;
	size_t a = ++i;
	while (i < n && i - a < 4 && sc_upper(s[i]))
		i++;
	if (i < n && s[i] == ')')
		fi_add(def, nd, (const char *)s + a, i - a);
}

static void fi_name_line(const unsigned char *s, size_t a, size_t e, char (*fi)[5], size_t *nf);

/* Each line of a name span on its own ("SST Gemma Ashworth\nCallback": a
 * name the scan ran on over the line's end). */
static void fi_name(const unsigned char *s, size_t a, size_t e, char (*fi)[5], size_t *nf)
{
	for (size_t i = a; i < e;) {
		const unsigned char *nl = memchr(s + i, '\n', e - i);
		size_t le = nl ? (size_t)(nl - s) : e;
		fi_name_line(s, i, le, fi, nf);
		i = le + 1;
	}
}

static void fi_name_line(const unsigned char *s, size_t a, size_t e, char (*fi)[5], size_t *nf)
{
	int mixed = 0; /* a word in small letters after its capital: capitals alone are no name's */
	for (size_t i = a; i + 1 < e && !mixed; i++)
		mixed = sc_upper(s[i]) && sc_lower(s[i + 1]);
	char full[8], shortf[8], part8[8];
	size_t nfull = 0, nshort = 0, words = 0, npart = 0;
	for (size_t i = a; i < e;) {
		if (!sc_alpha(s[i])) {
			if (s[i] >= 0x80)
				return; /* a letter beyond ASCII: no capital to match */
			i++;
			continue;
		}
		size_t w = i;
		while (i < e && (sc_alpha(s[i]) || s[i] == '\'' || s[i] >= 0x80))
			i++;
		unsigned b = lex_classify((const char *)s + w, i - w);
		if (!sc_upper(s[w]) || title_word(s + w, i - w) || (b & (LEX_TITLE | LEX_RANK | LEX_KIN)))
			continue;
		if (mixed && nfull == 0 && i - w >= 2 && i - w <= 4 && sc_upper(s[w + 1]) && sc_upper(s[i - 1]))
			continue; /* a role's letters before the name ("SST Gemma Ashworth"; not
			           * a surname in capitals, "Gemma ASHWORTH") */
		if (b & LEX_PARTICLE) {
			/* a particle in capitals may have its letter: "Ciara Ní
			 * Dhónaill" is "CND" as well as "CD" */
			if (npart < sizeof part8 && nfull < sizeof full)
				part8[npart++] = (char)s[w];
			continue;
		}
		/* a hyphened word's later parts: "Kerry-Ann" */
		int part = w >= a + 2 && s[w - 1] == '-' && sc_alpha(s[w - 2]);
		if (nfull == sizeof full || nshort == sizeof shortf)
			return;
		full[nfull++] = (char)s[w];
		if (!part)
			shortf[nshort++] = (char)s[w], words++;
	}
	if (words < 2)
		return;
	fi_add(fi, nf, full, nfull);
	if (nshort != nfull)
		fi_add(fi, nf, shortf, nshort);
	if (npart == 1 && nshort == 2) {
		/* one particle between two words: its letter in the middle */
		char three[3] = {shortf[0], part8[0], shortf[1]};
		fi_add(fi, nf, three, 3);
	}
}

/*
 * s44-never: a third party's town right after the name ("Friend Olena
 * (Weston) is her only support", "sponsors Mr & Mrs Hughes, Bristol."):
 * one capitalised word the lexicon knows as a town, in brackets or after a
 * comma, the bracket or the clause closing after it on its line (not "Jane
 * Smith, Leeds MASH", "Jane Smith, Peterborough\nIDVA Service": an
 * agency goes on).
 */
static int person_town_at(const unsigned char *s, size_t n, size_t e, struct spans *all)
{
	size_t i = e;
	int br = 0;
	if (i + 2 < n && s[i] == ' ' && s[i + 1] == '(')
		i += 2, br = 1;
	else if (i + 2 < n && s[i] == ',' && s[i + 1] == ' ')
		i += 2;
	else
		return 0;
	size_t a = i;
	if (!sc_upper(s[a]))
		return 0;
	while (i < n && (sc_alpha(s[i]) || (s[i] == '-' && i + 1 < n && sc_alpha(s[i + 1]))))
		i++;
	if (i - a < 4 || (i < n && s[i] >= 0x80))
		return 0;
	/* s47-never: in brackets, the town then its district ("BIL <Name>
	 * (Enfield, Bush Hill Park)"): capitalised words to the bracket's
	 * close, 40 bytes at most */
	size_t te = i; /* the town's end (a district may follow it) */
	if (br && i + 2 < n && s[i] == ',' && s[i + 1] == ' ' && sc_upper(s[i + 2])) {
		size_t k = i + 2;
		while (k < n && k - i <= 40 && (sc_alpha(s[k]) || (s[k] == ' ' && k + 1 < n && sc_upper(s[k + 1]))))
			k++;
		int lower = 0; /* (not an agency's letters: "(Leeds, CID)") */
		for (size_t x = te + 2; x < k; x++)
			lower |= sc_lower(s[x]);
		/* (nor an agency's or a team's words: "(Bradford, Probation)",
		 * "(Wakefield, Neighbourhood Team)") */
		static const char *const BODY[] = {
		    "probation", "team", "unit", "service", "services", "police", "council", "hub",
		    "safeguarding", "neighbourhood", "court", "office", "department", "dept", "social",
		    "care", "health", "housing", "nhs", "trust", "station", "cid", "mash", "idva",
		    "ypva", "isva", "marac", "custody", "school", "college", "university", NULL};
		for (size_t x = te + 2; x < k && lower;) {
			size_t y = x;
			while (y < k && sc_alpha(s[y]))
				y++;
			if (word_of(s, x, y, BODY))
				lower = 0;
			x = y + 1;
		}
		if (k < n && s[k] == ')' && lower)
			i = k;
	}
	if (br ? !(i < n && s[i] == ')')
	       : !(i == n || s[i] == '.' || s[i] == ',' || s[i] == ';' || s[i] == ')'))
		return 0;
	size_t up = 0;
	for (size_t k = a; k < te; k++)
		up += sc_upper(s[k]);
	if (up == te - a)
		return 0; /* an agency's letters: "(IDVA)" */
	/* the first part of a hyphened town: "Weston-super-Mare" */
	size_t h = a;
	while (h < te && s[h] != '-')
		h++;
	if (!(lex_classify((const char *)s + a, h - a) & LEX_PLACE) || month_word(s + a, te - a))
		return 0; /* (a word no list knows is as often an agency's: "(Sirona)";
		           * "March" a town, but after a name a month) */
	return spans_push(all, a, i, SCRUB_PLACE, "place:person-town");
}

static int person_towns(const unsigned char *s, size_t n, struct spans *all, const struct spans *names)
{
	/* s47-review: a relative's town by the kinship word ("aunt (Cowes),
	 * uncle (Ryde)", "Family: Mum, Tring."): a word the lexicon knows as
	 * kin right before " (" or ", " */
	for (size_t p = 1; p + 2 < n; p++) {
		if (!((s[p] == '(' && s[p - 1] == ' ') || (s[p] == ',' && s[p + 1] == ' ')) ||
		    !sc_upper(s[p + (s[p] == '(' ? 1 : 2)]))
			continue;
		size_t e = s[p] == '(' ? p - 1 : p, b = e;
		while (b > 0 && sc_alpha(s[b - 1]) && e - b < 16)
			b--;
		if (e - b < 3 || (b > 0 && (sc_alnum(s[b - 1]) || s[b - 1] >= 0x80)) ||
		    !(lex_classify((const char *)s + b, e - b) & LEX_KIN))
			continue;
		/* (a name after the kin word is the person's: "dad (Jordan)") */
		size_t ta = p + (s[p] == '(' ? 1 : 2), tz = prop_word_end(s, n, ta);
		if (lex_classify((const char *)s + ta, tz - ta) & LEX_FORENAME)
			continue;
		if (person_town_at(s, n, e, all) != 0)
			return MGW_E_NOMEM;
	}
	size_t to = all->n;
	for (size_t j = 0; j < to; j++)
		if (all->v[j].kind == SCRUB_NAME && person_town_at(s, n, all->v[j].end, all) != 0)
			return MGW_E_NOMEM;
	for (size_t j = 0; j < names->n; j++)
		if (names->v[j].kind == SCRUB_NAME && person_town_at(s, n, names->v[j].end, all) != 0)
			return MGW_E_NOMEM;
	return 0;
}

/* Does a date end at p ("05/02 SK.")? A log's entry, its writer's
 * initials after it; not "9 AM", "10:30 AM", "Flat 3 HB". */
static int date_before(const unsigned char *s, size_t p)
{
	size_t k = p;
	while (k > 0 && sc_digit(s[k - 1]))
		k--;
	return k > 1 && (s[k - 1] == '/' || s[k - 1] == '.') && sc_digit(s[k - 2]);
}

static int found_initials(const scrubber *sc, const unsigned char *s, size_t n, struct spans *all,
                          const struct spans *names, const struct spans *keep, const size_t *maxend)
{
	char fi[FI_MAX][5], def[FI_MAX][5];
	size_t nf = 0, nd = 0, to = all->n;
	for (size_t j = 0; j < to; j++)
		if (all->v[j].kind == SCRUB_NAME) {
			fi_name(s, all->v[j].start, all->v[j].end, fi, &nf);
			fi_defined(s, n, all->v[j].end, def, &nd);
			/* initials a form found ("Cc: JR (SW)") are someone's
			 * wherever written ("JR (Bradford CSC) aware") */
			size_t a = all->v[j].start, e = all->v[j].end, k = a;
			while (k < e && sc_upper(s[k]))
				k++;
			if (k == e && e - a >= 2 && e - a <= 3 && all->v[j].rule != NULL &&
			    strncmp(all->v[j].rule, "form:", 5) == 0)
				fi_add(fi, &nf, (const char *)s + a, e - a);
		}
	for (size_t j = 0; j < names->n; j++)
		if (names->v[j].kind == SCRUB_NAME) {
			fi_name(s, names->v[j].start, names->v[j].end, fi, &nf);
			fi_defined(s, n, names->v[j].end, def, &nd);
		}
	/* (the listed third parties' last: those the text names come first) */
	for (unsigned k = 0; k < sc->ntpi; k++)
		fi_add(fi, &nf, sc->tpi[k], strlen(sc->tpi[k]));
	if (nf == 0)
		return 0;
	uint32_t lead = 0; /* the initials' first letters: most capitals start none */
	for (size_t k = 0; k < nf; k++)
		lead |= 1u << (fi[k][0] - 'A');
	for (size_t i = 0; i + 2 <= n; i++) {
		if (!sc_upper(s[i]) || !(lead >> (s[i] - 'A') & 1) ||
		    (i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] >= 0x80)))
			continue;
		size_t e = i;
		while (e < n && e - i < 4 && sc_upper(s[e]))
			e++;
		size_t p = i;
		while (p > 0 && s[p - 1] == ' ')
			p--;
		int hit = 0, defined = 0;
		for (size_t k = 0; k < nf && !hit; k++)
			hit = strlen(fi[k]) == e - i && memcmp(fi[k], s + i, e - i) == 0;
		for (size_t k = 0; k < nd && hit && !defined; k++)
			defined = strlen(def[k]) == e - i && memcmp(def[k], s + i, e - i) == 0;
		if (!hit) {
			i = e;
			continue;
		}
		/* (not inside an agency's name: "Threshold DAS") */
		size_t q = p;
		while (q > 0 && sc_alpha(s[q - 1]))
			q--;
		/* (a word starting its sentence or in capitals is no agency's:
		 * "Emailed KB", "VISITED KB") */
		size_t r = q;
		while (r > 0 && s[r - 1] == ' ')
			r--;
		int first = r == 0 || s[r - 1] == '\n' || s[r - 1] == '.' || s[r - 1] == ':' ||
			    s[r - 1] == '!' || s[r - 1] == '?';
		int named = p < i && q < p && sc_upper(s[q]) && !sc_upper(s[q + 1]) && !first &&
			    !role_word(s, q, p) &&
			    !(lex_classify((const char *)s + q, p - q) & (LEX_FUNCTION | LEX_TITLE));
		/* (where the text gives them, "Amir Malik (AM)", whatever they spell) */
		int given = defined && i > 0 && s[i - 1] == '(' && e < n && s[e] == ')';
		if (given || (!named && !(p > 0 && p < i && sc_digit(s[p - 1]) && !date_before(s, p)) &&
			      worker_initials(s, n, i, e, defined ? 2 : 1))) {
			struct span x = {.start = i, .end = e, .kind = SCRUB_NAME, .rule = "name:initials"};
			if (push_unkept(s, &x, keep, maxend, all) != 0)
				return MGW_E_NOMEM;
		}
		i = e;
	}
	return 0;
}

/*
 * A place named inside a statement of where the victim is (a span of kind
 * SCRUB_LOCATION from place_scan or failsafe_scan, from index `from`) is
 * withheld wherever else the text names it: "V's father ... of Glasfryn
 * collected her. She will stay at Glasfryn." says where she is twice, and
 * only the second sentence reads as a statement. A candidate is a
 * capitalised word of four letters or more, not at a sentence's start,
 * that the lexicon does not know as anything else (a common word, an
 * agency, a month, a title, a kin word, a known name: names are names_scan's)
 * and not a kept person's; where a place stands (place_slot: "to Rochdale",
 * "TO STAVELEY") also a town the lexicon allows or a word in capitals, and
 * one it knows as a town and a name or word too, standing alone and new to
 * the note ("moved to Ware in May": town_alone, home_town). An
 * occurrence inside an agency's name goes too ("[WITHHELD s38: victim
 * location] Council"): the agency of the town she is in says where she is
 * (fail safe; writers of unseen notes label it so). At most
 * PROP_WORDS words, each occurrence checked once: linear in the text.
 */
static int place_prep(const unsigned char *w, size_t n)
{
	static const char *const p[] = {"to",     "in",       "at",     "near",  "into",
					"behind", "opposite", "beside", "above", "below"};
	for (size_t k = 0; k < sizeof p / sizeof p[0]; k++)
		if (n > 0 && ascii_fold(w[0]) == (unsigned char)p[k][0] && strlen(p[k]) == n) {
			size_t x = 0;
			while (x < n && ascii_fold(w[x]) == (unsigned char)p[k][x])
				x++;
			if (x == n)
				return k < 5 ? 1 : 2; /* 2: a landmark's */
		}
	return 0;
}

/*
 * Is the word at a, inside a location span starting at lo, where a place
 * stands: right after to/in/at/near/into ("relocating to Rochdale", "TO
 * STAVELEY TONIGHT") or a landmark's behind/opposite/beside/above/below
 * ("THE FLATS BEHIND LIDL"), or after a comma that follows a house number
 * ("ADDRESS, 3 BECK ROW, KESWICK"; digit_before: the span has a digit
 * before a, tracked by the caller so the check stays linear)? There a town the lexicon allows
 * (never a person's name) or a word in capitals is a place too.
 */
/* s32-never: after a word ending at e (within a span ending at hi), a
 * word that makes it a town's name: "<Town> town centre", "the <Town>
 * branch", "<Town> city centre", "the <Town> area" ("moved her to the
 * Rugby branch": Rugby goes wherever the note names it, a sport's word or
 * not). */
static int place_head_after(const unsigned char *s, size_t e, size_t hi)
{
	static const char *const ALONE[] = {"branch", "area", NULL};
	static const char *const HEAD[] = {"town", "city", NULL};
	/* s34: "not to enter <Town>, where she now lives" */
	static const char *const LIVES[] = {", where she lives", ", where she now lives",
					    ", where she is now living", ", where she is living", NULL};
	for (int w = 0; LIVES[w]; w++) {
		size_t m = strlen(LIVES[w]);
		if (e + m <= hi && strncasecmp((const char *)s + e, LIVES[w], m) == 0)
			return 1;
	}
	if (e + 2 >= hi || s[e] != ' ')
		return 0;
	size_t k = e + 1;
	while (k < hi && sc_alpha(s[k]))
		k++;
	return word_of(s, e + 1, k, ALONE) ||
	       (word_of(s, e + 1, k, HEAD) && k + 7 <= hi &&
	        strncasecmp((const char *)s + k, " centre", 7) == 0);
}

static int place_slot(const unsigned char *s, size_t lo, size_t a, int digit_before);

/* Is the word at a after "the" after a place's preposition ("at the
 * Travelodge"), inside a location span starting at lo? */
static int the_slot(const unsigned char *s, size_t lo, size_t a)
{
	if (a < lo + 4 || s[a - 1] != ' ' || ascii_fold(s[a - 2]) != 'e' ||
	    ascii_fold(s[a - 3]) != 'h' || ascii_fold(s[a - 4]) != 't' ||
	    (a - 4 > lo && sc_alnum(s[a - 5])))
		return 0;
	return place_slot(s, lo, a - 4, 0) != 0;
}

/* Is the word before a (one space apart, inside a location span from lo)
 * a hotel chain's name or letters, as a branch is named by its town ("the
 * TL Walsall", "Premier Inn Luton", "Ibis Styles" is no town: the town's
 * own tests decide)? */
static int chain_before(const unsigned char *s, size_t lo, size_t a)
{
	static const char *const CHAIN[] = {"TL", "PI", "HI", "PIH", "Travelodge", "Ibis", "Inn",
					    NULL};
	if (a < lo + 3 || s[a - 1] != ' ')
		return 0;
	size_t e = a - 1, i = e;
	while (i > lo && sc_alpha(s[i - 1]))
		i--;
	if (i > lo && sc_alnum(s[i - 1]))
		return 0;
	for (int k = 0; CHAIN[k]; k++)
		if (strlen(CHAIN[k]) == e - i && memcmp(CHAIN[k], s + i, e - i) == 0)
			return 1;
	return 0;
}

/* Is the word at a the first after a comma (spaces between), inside a span from lo? */
static int after_comma(const unsigned char *s, size_t lo, size_t a)
{
	while (a > lo && s[a - 1] == ' ')
		a--;
	return a > lo && s[a - 1] == ',';
}

static int place_slot(const unsigned char *s, size_t lo, size_t a, int digit_before)
{
	if (after_comma(s, lo, a))
		return digit_before;
	size_t i = a;
	while (i > lo && s[i - 1] == ' ')
		i--;
	size_t e = i;
	while (i > lo && sc_alpha(s[i - 1]))
		i--;
	/* s51-never: "the county of <County>", "the borough of <Town>" */
	static const char *const AREA[] = {"county", "town", "city", "borough", "district",
					   "region", "village", NULL};
	if (e - i == 2 && (s[i] | 0x20) == 'o' && (s[i + 1] | 0x20) == 'f' && i > lo + 1 &&
	    s[i - 1] == ' ') {
		size_t q = i - 1, qe = q;
		while (q > lo && sc_alpha(s[q - 1]))
			q--;
		/* (not a council's name: "City of Edinburgh Council") */
		size_t we = a;
		while (sc_alpha(s[we]))
			we++;
		if (qe > q && word_of(s, q, qe, AREA) && strncasecmp((const char *)s + we, " council", 8) != 0)
			return 1;
	}
	return e > i && (i == lo || !sc_alnum(s[i - 1])) ? place_prep(s + i, e - i) : 0;
}

/*
 * Is the unlisted name finding s[a..e) the first part of an organisation's
 * or a law's name: followed on its line by an agency's acronym in capitals
 * the lexicon allows ("Wexshire MASH"), by two words it allows ("Quellby
 * adult social care", "Tormouth Community Association", "Domestic Abuse Act
 * 2021") or by a phrase it allows ("Tormouth Women's Aid"), perhaps after a
 * second area joined by '&' or "and" ("Tormouth & Quellby Women's Aid")?
 * Not when a word of it is a known forename, surname, title, rank or kin word ("SW Jane Hollis Adult Social Care rang": a person, then her team);
 * after a kin or title cue (kin) only when the finding and the words after it
 * are an allow-listed phrase.
 */
static const char *const ORG_HEAD[] = {
	"care", "services", "council", "association", "act", "police", "constabulary", "trust",
	"partnership", "authority", "board", "court", "project", "service", "agency",
	"foundation", "charity", "network", "society", NULL};

static size_t org_word(const unsigned char *s, size_t n, size_t i, unsigned *cls, int *caps)
{
	size_t k = i, up = 0;
	while (k < n && k - i < 32 && (sc_alpha(s[k]) || s[k] == '\'' || s[k] >= 0x80))
		up += sc_upper(s[k++]);
	*cls = k > i ? lex_classify((const char *)s + i, k - i) : 0;
	*caps = k - i >= 2 && up == k - i;
	return k;
}

/* After a word ending at e, one space and an organisation's word: an
 * institution's word or an agency's acronym the lexicon knows ("Centre",
 * "Hospital", "Surgery", "UHB", "NHS") that is no name. Not any word in
 * capitals: a CAD log is written in them ("QUARRELL ON SCENE", "KEEVA
 * RANG 999"), and a found name before one is the person (s15-review). */
static int org_after(const unsigned char *s, size_t n, size_t e)
{
	unsigned c;
	int caps;
	if (e + 2 >= n || s[e] != ' ' || !sc_upper(s[e + 1]))
		return 0;
	size_t q = org_word(s, n, e + 1, &c, &caps);
	if (q < n && (sc_alnum(s[q]) || s[q] == '\''))
		return 0;
	return (c & LEX_INSTITUTION) && !(c & (LEX_FORENAME | LEX_SURNAME));
}

static int in_org_name(const unsigned char *s, size_t n, size_t a, size_t e, int kin)
{
	unsigned c, c1;
	int caps, caps1;
	/* the word after it first: most names are followed by none the
	 * lexicon allows, and that is one lookup */
	if (e + 1 >= n || s[e] != ' ')
		return 0;
	/* two areas joined ("<Place> & <Place> Women's Aid", "<Place> and
	 * <Place> Health Board"): the second, one capitalised word no
	 * person's, and then the checks below on what follows it */
	size_t e2 = e;
	{
		size_t j = e + 1;
		if (j + 1 < n && s[j] == '&' && s[j + 1] == ' ')
			j += 2;
		else if (j + 4 < n && s[j] == 'a' && s[j + 1] == 'n' && s[j + 2] == 'd' && s[j + 3] == ' ')
			j += 4;
		if (j > e + 1 && j < n && sc_upper(s[j])) {
			size_t q = org_word(s, n, j, &c, &caps);
			if (q > j + 2 && !caps &&
			    !(c & (LEX_FORENAME | LEX_SURNAME | LEX_TITLE | LEX_RANK | LEX_KIN)) &&
			    q + 1 < n && s[q] == ' ' && sc_upper(s[q + 1]))
				e2 = q;
		}
	}
	size_t k = org_word(s, n, e2 + 1, &c1, &caps1);
	if (k == e2 + 1)
		return 0;
	/* the finding and the words after it an allow-listed phrase ("Domestic
	 * Abuse Act", found after "child, "): a kin cue does not make it a name */
	if (sc_upper(s[e + 1])) {
		size_t f = org_word(s, e, a, &c, &caps);
		if (f > a && (c & LEX_PHRASE)) {
			size_t m = e;
			for (int w = 0; w < 3 && m + 1 < n && s[m] == ' '; w++) {
				size_t q = org_word(s, n, m + 1, &c, &caps);
				if (q == m + 1)
					break;
				m = q;
				if (lex_classify((const char *)s + a, m - a) & LEX_ALLOW)
					return 1;
			}
		}
	}
	/* A role's cue does not reach into a bracket that opens with the
	 * organisation the role is of ("site officer (Wexshire County
	 * Council)"): a person's name there is still one by the word checks
	 * below ("her worker (Jane ...)": a forename). */
	if (kin && a > 0 && s[a - 1] == '(')
		kin = 0;
	if (kin)
		return 0;
	int phrase = 0;
	if (!(c1 & LEX_ALLOW) || (c1 & LEX_FUNCTION)) {
		/* an agency's name the lexicon lists as a phrase after the
		 * area(s) ("<Place> Women's Aid", "<Place> Victim Support") */
		size_t m = k;
		for (int w = 0; w < 2 && m + 1 < n && s[m] == ' ' && sc_upper(s[m + 1]); w++) {
			size_t q = org_word(s, n, m + 1, &c, &caps);
			if (q == m + 1)
				break;
			m = q;
			if (lex_classify((const char *)s + e2 + 1, m - (e2 + 1)) & LEX_ALLOW) {
				phrase = 1;
				break;
			}
		}
		if (!phrase)
			return 0; /* "her friend Zora Community Association worker": a person */
	}
	for (size_t i = a; i < e;) {
		if (!sc_alpha(s[i]) && s[i] < 0x80) {
			i++;
			continue;
		}
		size_t q = org_word(s, e, i, &c, &caps);
		if (q == i || (c & (LEX_FORENAME | LEX_SURNAME | LEX_TITLE | LEX_RANK | LEX_KIN)))
			return 0;
		i = q;
	}
	if (phrase)
		return 1;
	if (caps1 && k - (e2 + 1) <= 6)
		return 1;
	/* then one or two more words the lexicon allows, the last heading an
	 * organisation's or a law's name ("... adult social care"), not a
	 * role ("Kelsbrook guidance teacher") nor a place ("... Centre") */
	for (int more = 0; more < 2; more++) {
		if (k + 1 >= n || s[k] != ' ')
			return 0;
		size_t m = org_word(s, n, k + 1, &c, &caps);
		if (m == k + 1 || m - (k + 1) >= 16)
			return 0;
		char w[16];
		for (size_t i = k + 1; i < m; i++)
			w[i - k - 1] = (char)(s[i] | (sc_upper(s[i]) ? 0x20 : 0));
		w[m - k - 1] = 0;
		for (size_t i = 0; ORG_HEAD[i]; i++)
			if (strcmp(w, ORG_HEAD[i]) == 0)
				return 1;
		if (!(c & LEX_ALLOW))
			return 0;
		k = m;
	}
	return 0;
}

/*
 * Is a word of a name found in another text, at s[a..e), part of an
 * agency's name here ("<Forename> <Surname> UHB", "<Name> Women's Aid")?
 * in_org_name also takes any short allow-listed word in capitals after a
 * name for an agency's acronym; after a found name that is no agency but
 * the person in a CAD's capitals or beside a label ("QUARRELL DOB ...",
 * "KEEVA OIC"): withheld (s15-review).
 */
static int found_in_org(const unsigned char *s, size_t n, size_t a, size_t e)
{
	unsigned c;
	int caps;
	if (org_after(s, n, e))
		return 1;
	if (!in_org_name(s, n, a, e, 0))
		return 0;
	size_t q = org_word(s, n, e + 1, &c, &caps);
	return !(caps && q - (e + 1) <= 6 && !(c & LEX_INSTITUTION));
}

/*
 * A street's own name alone (add_street_own) found at s[a..e) that goes on
 * as a name ("<Street> Family Hub", "<Street> Estate": a capitalised word
 * next) or inside an agency's: the agency's or another place's, kept.
 */
static int own_in_name(const unsigned char *s, size_t n, size_t a, size_t e)
{
	if (e + 1 < n && s[e] == ' ' && sc_upper(s[e + 1]))
		return 1;
	return found_in_org(s, n, a, e);
}

/*
 * Does the line at i open as a list's item: a bullet ("- ", "* ", "o ",
 * U+2022), one to three words and ':' ("Mon: after 6", "Weekends:"), or a
 * figure ("10-12 weekdays")? Returns where its text starts, or 0.
 */
static int rota_day_word(const unsigned char *s, size_t a, size_t e);

static size_t item_start(const unsigned char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	if (i + 1 < n && (s[i] == '-' || s[i] == '*' || s[i] == 'o') && s[i + 1] == ' ')
		return i + 2;
	if (i + 3 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xA2)
		return i + 3;
	if (i < n && sc_digit(s[i]))
		return i;
	/* s49-never: a table's row that opens with a figure ("| 07:30 | get
	 * up | <Carer> |": a care rota under "calls to <her flat> from 25/01:") */
	if (i + 2 < n && s[i] == '|' && s[i + 1] == ' ' && sc_digit(s[i + 2]))
		return i + 2;
	/* s52-never: a week's line opening with its day ("Monday 1 till 4 -
	 * <client>, <street>": her round under "My round at the moment is:") */
	size_t dw = i;
	while (dw < n && sc_alpha(s[dw]))
		dw++;
	if (dw > i && dw < n && (s[dw] == ' ' || s[dw] == ',') && rota_day_word(s, i, dw))
		return i; /* (not "Today", "Yesterday": rota_day_word) */
	/* letters only: "B 09:52: ..." is a message log's entry */
	for (size_t k = i, words = 0; k < n && k < i + 40 && s[k] != '\n'; k++) {
		if (s[k] == ':')
			return words < 3 && k > i ? i : 0;
		if (s[k] == ' ' && ++words == 3)
			return 0;
		if (!sc_alpha(s[k]) && s[k] != ' ' && s[k] != '\'' && s[k] != '-' && s[k] < 0x80)
			return 0;
	}
	return 0;
}

/* A day or a part of the week, in full or short ("Tue", "Weds", "Weekends"):
 * the label of a window, no speaker. */
static int day_label(const unsigned char *w, size_t n)
{
	static const char *const D[] = { /* sorted: sorted_word */
		"afternoons", "daily", "evenings", "fri", "mon", "mornings", "nights", "sat", "sun",
		"thu", "thur", "thurs", "tue", "tues", "wed", "weds", "weekday", "weekdays", "weekend",
		"weekends"
	};
	size_t m = n > 4 && (w[n - 1] | 0x20) == 's' ? n - 1 : n; /* (s49: "Thursdays") */
	return sorted_word(D, sizeof D / sizeof D[0], w, n, 1) ||
	       (m > 3 && m < 16 && (w[m - 1] | 0x20) == 'y' && (w[m - 2] | 0x20) == 'a' &&
		(w[m - 3] | 0x20) == 'd'); /* "Monday" */
}

/*
 * s22-over: where the log stamp that opens the item s[a..e) ends: a date in
 * figures with '/' ("04/11", "28/11/2026"), a comma or spaces, a clock
 * ("15:05", "22:15"; not a range: "10:00-12:00"), then " - " and a speaker
 * of one word and ": " ("28/11/2026, 22:15 - Kwesi: "); a when and a who
 * of a chronology or a message log's entry, no safe time of hers. Returns a
 * when the item opens with no such stamp, or when nothing follows it.
 */
static size_t item_stamp_end(const unsigned char *s, size_t a, size_t e)
{
	size_t k = a, d = 0;
	int slash = 0;
	while (k < e && (sc_digit(s[k]) || s[k] == '/'))
		slash += s[k++] == '/';
	if (slash == 0 || k - a < 3 || k >= e || (s[k] != ' ' && s[k] != ','))
		return a;
	if (s[k] == ',')
		k++;
	while (k < e && s[k] == ' ')
		k++;
	for (d = k; k < e && sc_digit(s[k]); k++)
		;
	if (k == d || k - d > 2 || k + 2 >= e || s[k] != ':' || !sc_digit(s[k + 1]) ||
	    !sc_digit(s[k + 2]))
		return a;
	k += 3;
	if (k < e && s[k] != ' ')
		return a; /* "10:00-12:00": a window */
	while (k < e && s[k] == ' ')
		k++;
	if (k + 1 < e && s[k] == '-' && s[k + 1] == ' ') {
		for (k += 2; k < e && s[k] == ' '; k++)
			;
		/* the speaker, after the dash only, and no day ("Tue: after
		 * 6" is a window's label) */
		size_t w = k;
		while (w < e && sc_alpha(s[w]))
			w++;
		if (w > k && w < k + 20 && w + 1 < e && s[w] == ':' && s[w + 1] == ' ' &&
		    !day_label(s + k, w - k))
			for (k = w + 2; k < e && s[k] == ' '; k++)
				;
	}
	return k < e ? k : a;
}

/*
 * A statement of where she is or of a safe time that ends its line with ':'
 * ("She asked that we only contact her as follows:", "Safe times to ring
 * her:") goes on in the list under it: each item line after it, up to a
 * blank line or a line that is no item, is withheld with it ("Wed: 10-12",
 * "- Fri mornings"). At most FS_LIST_ITEMS lines. Spans from `from`.
 * A statement the rules made, not the model's guess.
 */
#define FS_LIST_ITEMS 24 /* longer than any list of safe times in a note */
/* Does span x end with a heading's line (its ':' at the line's end) and a
 * line opening with a day, and the line after x open with a day too? */
static int week_after_heading(const unsigned char *s, size_t n, struct span x)
{
	const unsigned char *q = x.end > x.start ? memrchr(s + x.start, '\n', x.end - x.start) : NULL;
	if (q == NULL)
		return 0;
	size_t c = (size_t)(q - s), l = c + 1;
	while (c > x.start && s[c - 1] == ' ')
		c--;
	if (c == x.start || s[c - 1] != ':')
		return 0;
	size_t e = x.end;
	while (e < n && s[e] != '\n')
		e++;
	if (e >= n)
		return 0;
	for (int k = 0; k < 2; k++) {
		size_t a = k == 0 ? l : e + 1, w = a;
		while (w < n && sc_alpha(s[w]))
			w++;
		if (w == a || w >= n || s[w] != ' ' || !rota_day_word(s, a, w))
			return 0;
	}
	return 1;
}

static int list_under_statement(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	size_t to = all->n;
	for (size_t j = from; j < to; j++) {
		const struct span x = all->v[j];
		if (x.kind != SCRUB_LOCATION && x.kind != SCRUB_SAFE_TIME)
			continue;
		/* s39-over: a heading only the model withheld ("Chronology
		 * (from Niche + probation):", "Text log:") is no statement of
		 * hers; its dated entries are each judged on their own */
		/* (s52-never: unless it took the heading and a week's first
		 * day, a day opening the next line too: "My round at the
		 * moment is:\nMonday 9 till 12 - ...\nMonday 1 till 4 - ...") */
		if (x.rule && strcmp(x.rule, "fs:model") == 0 && !week_after_heading(s, n, x))
			continue;
		size_t i = x.end;
		while (i < n && s[i] == ' ')
			i++;
		int colon = i < n && s[i] == ':';
		if (colon)
			i++;
		colon |= x.end > x.start && s[x.end - 1] == ':';
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n || s[i] != '\n')
			continue;
		if (!colon) {
			/* the statement took the heading and the list's first
			 * item ("... as follows:\nMon: after 6") */
			const unsigned char *q = memrchr(s + x.start, '\n', x.end - x.start);
			size_t c = q ? (size_t)(q - s) : x.start;
			while (c > x.start && s[c - 1] == ' ')
				c--;
			if (q == NULL || c == x.start || s[c - 1] != ':' ||
			    item_start(s, n, (size_t)(q - s) + 1) == 0)
				continue;
		}
		int rows = -1; /* a table's rows, or a list's items: not both */
		for (int items = 0; items < FS_LIST_ITEMS && i < n && s[i] == '\n'; items++) {
			size_t a = item_start(s, n, i + 1), e = a;
			if (a == 0)
				break;
			size_t lb = i + 1;
			while (lb < a && s[lb] == ' ')
				lb++;
			int row = s[lb] == '|';
			if (rows >= 0 && row != rows)
				break; /* ("| 21:30 | bed |" then "6. Visitors. ...") */
			rows = row;
			while (e < n && s[e] != '\n')
				e++;
			size_t b = e;
			while (b > a && s[b - 1] == ' ')
				b--;
			/* the entry's stamp and speaker stay, as the failsafe's own
			 * spans leave them (push_split) */
			a = item_stamp_end(s, a, b);
			if (b > a && spans_push(all, a, b, x.kind, "fs:list-item") != 0)
				return MGW_E_NOMEM;
			i = e;
		}
	}
	return 0;
}

/*
 * s53-never: a heading of where, withheld, whose answer is the next line
 * ("1. Where I will give birth\n<Unit>, <Hospital>."; "Where she is now:"
 * then a line that names no cue). The heading is a whole line (a list's
 * number or bullet before it aside) of at most 64 bytes with no full stop,
 * opening with "Where", "Whereabouts" or "Location" and ending at the span
 * (a ':' or '?' after it aside), withheld by a rule (not the model); its
 * answer is the next line that holds text (one blank line between at most),
 * unless that line opens another numbered heading.
 */
static size_t line_text_start(const unsigned char *s, size_t n, size_t a)
{
	size_t i = a;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	size_t m = i; /* a list's marker: "- ", "* ", a bullet, "1. ", "1) ", "(1) ", "a) ", "Q1. " */
	if (m + 1 < n && (s[m] == '-' || s[m] == '*') && s[m + 1] == ' ')
		m += 1;
	else if (m + 3 < n && s[m] == 0xE2 && s[m + 1] == 0x80 && s[m + 2] == 0xA2)
		m += 3;
	else {
		size_t d = m + (m < n && (s[m] == '(' || s[m] == 'Q'));
		size_t k = d;
		while (k < n && k < d + 3 && sc_digit(s[k]))
			k++;
		if (k == d && k < n && s[k] >= 'a' && s[k] <= 'z' && k + 1 < n && s[k + 1] == ')')
			k++; /* "a)" */
		if (k > d && k < n && (s[k] == '.' || s[k] == ')'))
			m = k + 1;
	}
	if (m == i || m >= n || s[m] != ' ')
		return i;
	while (m < n && s[m] == ' ')
		m++;
	return m;
}

static int heading_where_answer(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	static const char *const OPEN[] = {"where", "whereabouts", "location", NULL};
	size_t to = all->n;
	for (size_t j = from; j < to; j++) {
		const struct span x = all->v[j];
		if ((x.kind != SCRUB_LOCATION && x.kind != SCRUB_SAFE_TIME) ||
		    (x.rule && strcmp(x.rule, "fs:model") == 0))
			continue;
		size_t le = x.end;
		while (le < n && s[le] == ' ')
			le++;
		if (le < n && (s[le] == ':' || s[le] == '?'))
			le++;
		while (le < n && s[le] == ' ')
			le++;
		if (le >= n || s[le] != '\n' || le - x.start > 64)
			continue;
		size_t ls = x.start; /* (64 bytes back at most: linear) */
		while (ls > 0 && s[ls - 1] != '\n' && le - ls < 64)
			ls--;
		size_t hs = line_text_start(s, n, ls); /* the heading's first word */
		if ((ls > 0 && s[ls - 1] != '\n') || x.start > hs || hs >= x.end)
			continue; /* (the span may hold the list's marker) */
		size_t w = hs;
		while (w < x.end && sc_alpha(s[w]))
			w++;
		if (!word_of(s, hs, w, OPEN) || memchr(s + hs, '.', x.end - hs) ||
		    memchr(s + hs, ':', le - 1 - hs))
			continue; /* (not "LOCATION: <Market>": the answer on its line) */
		size_t a = le + 1, b = a;
		while (b < n && s[b] == ' ')
			b++;
		if (b < n && s[b] == '\n')
			a = b + 1; /* one blank line between at most */
		if (a >= n)
			continue;
		size_t t = line_text_start(s, n, a), e = t, t0 = a;
		while (t0 < t && (s[t0] == ' ' || s[t0] == '\t'))
			t0++;
		if (t > t0 || (t < n && s[t] == '\n'))
			continue; /* "2. How I will get there": the next heading (or a
			           * second blank line) */
		while (e < n && s[e] != '\n')
			e++;
		while (e > t && s[e - 1] == ' ')
			e--;
		if (e > t && spans_push(all, t, e, x.kind, "loc:heading-answer") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s47-never: a rota of her days, one a line ("Mon\t16:00-22:00\tclose",
 * "Sat 07:00-15:00"), two lines or more each opening with a day: when a
 * statement withheld already (a rule's, not the model's) touches a line of
 * the rota, every line's times go too (each line alone is only a day and a
 * clock, which the fail-safe may not read as hers). The lines after the
 * day that hold a digit; at most FS_LIST_ITEMS lines a rota. The withheld
 * spans sorted by start, swept once with the lines.
 */
/* A rota line's day, s[a..e): a day's short form or its name (not
 * "Yesterday", "Holiday") */
static int rota_day_word(const unsigned char *s, size_t a, size_t e)
{
	return e > a && e - a <= 9 && day_label(s + a, e - a) &&
	       (e - a <= 5 || weekday_word(s + a, e - a));
}

static size_t rota_day(const unsigned char *s, size_t n, size_t a)
{
	if (a + 2 < n && (s[a] == '-' || s[a] == '*') && s[a + 1] == ' ')
		a += 2; /* a list's bullet: "- Mon 9-5" */
	/* s50-never: a table's row, its first cell a day and a clock's range
	 * in a later cell ("| Mon | ESOL Entry 3 | <Building> W2.14 |
	 * 09:30-12:00 |"): the row after the day's cell */
	if (a < n && s[a] == '|') {
		size_t d = a + 1;
		while (d < n && s[d] == ' ')
			d++;
		size_t de = d;
		while (de < n && sc_alpha(s[de]))
			de++;
		if (!rota_day_word(s, d, de))
			return 0;
		size_t c = de;
		while (c < n && s[c] == ' ')
			c++;
		if (c >= n || s[c] != '|')
			return 0;
		size_t r = c + 1;
		for (size_t k = r; k + 2 < n && s[k] != '\n' && k - r < 200; k++)
			if (sc_digit(s[k]) && (s[k + 1] == '-' || (s[k + 1] == ' ' && s[k + 2] == '-')) &&
			    (k == 0 || !sc_alpha(s[k - 1]))) {
				size_t q = k + (s[k + 1] == ' ' ? 3 : 2); /* after the dash */
				while (q < n && s[q] == ' ')
					q++;
				if (q < n && sc_digit(s[q]))
					return r;
			}
		return 0;
	}
	size_t e = a;
	while (e < n && sc_alpha(s[e]))
		e++;
	/* (a day's short form or its name: not "Yesterday", "Holiday") */
	if (!rota_day_word(s, a, e) || e >= n ||
	    !(s[e] == '\t' || s[e] == ' ' || s[e] == ':' || s[e] == '|'))
		return 0;
	if (s[e] == ':' || s[e] == '|')
		e++; /* ('|': a tab's cell, textnorm) */
	while (e < n && (s[e] == ' ' || s[e] == '\t'))
		e++;
	/* (s52-never: a table with no bar before its first cell: "Mon |
	 * 07:00-07:45 | <Client> | <Address>") */
	if (e + 1 < n && s[e] == '|' && s[e - 1] == ' ') {
		e++;
		while (e < n && s[e] == ' ')
			e++;
	}
	/* a span of clock times after the day ("16:00-22:00", "9-5", "7-8.30pm"),
	 * not a date ("Mon 12/03 ..."): digits, ':' or '.', then a dash and a
	 * digit; the line short, as a rota's is (60 bytes after the day) */
	size_t c = e;
	while (c < n && c - e < 6 && (sc_digit(s[c]) || s[c] == ':' || s[c] == '.'))
		c++;
	while (c < n && c - e < 8 && sc_alpha(s[c]))
		c++; /* "9am" */
	if (c + 3 < n && s[c] == ' ' && s[c + 1] == '-' && s[c + 2] == ' ')
		c++; /* "09:00 - 17:00" */
	if (c == e || !sc_digit(s[e]) || c + 1 >= n || s[c] != '-' ||
	    !(sc_digit(s[c + 1]) || (s[c + 1] == ' ' && c + 2 < n && sc_digit(s[c + 2]))))
		return 0;
	/* s50-never: a phone calendar's entry pasted with tabs ("TUE 19:00-20:00
	 * <TAB><Class><TAB>Studio 2, <Centre>", the later tabs '|' by textnorm):
	 * the line as long as its cells */
	size_t le = c, bar = 0;
	while (le < n && le - e <= 200 && s[le] != '\n')
		bar |= s[le++] == '|';
	return le - e <= (bar ? 200u : 60u) ? e : 0;
}

/*
 * s50-never: a rota's line with one clock, no range ("FRI 15:15 school pick
 * up", "SAT 09:15 Aqua fit"): a day, then HH:MM and a word. Withheld with
 * the rota its neighbours make (rota_rows), never a rota by itself (a log's
 * "Mon 10:00 meeting"). Returns where its text starts, or 0.
 */
static size_t rota_day_clock(const unsigned char *s, size_t n, size_t a)
{
	size_t e = a;
	while (e < n && sc_alpha(s[e]))
		e++;
	if (!rota_day_word(s, a, e) || e + 7 >= n || s[e] != ' ')
		return 0;
	size_t c = e + 1, d = c;
	while (c < n && sc_digit(s[c]))
		c++;
	if (c - d < 1 || c - d > 2 || s[c] != ':' || !sc_digit(s[c + 1]) || !sc_digit(s[c + 2]) ||
	    c + 3 >= n || s[c + 3] != ' ')
		return 0;
	return e + 1;
}

static int rota_rows(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	size_t to = all->n;
	struct spans ws = {malloc((to - from + 1) * sizeof *ws.v), 0, to - from + 1};
	if (ws.v == NULL)
		return MGW_E_NOMEM;
	/* (the model's spans too, but only those inside the rota: s50-never, one
	 * of its rows the model read as hers, "| Wed | no college - at TA, ok
	 * to ring | - | 10:00-14:30 |"; not a heading before it, s39-over) */
	for (size_t j = from; j < to; j++)
		if (all->v[j].kind == SCRUB_LOCATION || all->v[j].kind == SCRUB_SAFE_TIME)
			ws.v[ws.n++] = all->v[j];
	spans_sort(&ws);
	size_t wi = 0, reach = 0;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0;) {
		/* a block of lines each opening with a day and a clock */
		size_t a = i, rows = 0, lines = 0, touched = 0, e = i;
		while (e < n && lines < FS_LIST_ITEMS) {
			size_t le = e;
			while (le < n && s[le] != '\n')
				le++;
			size_t d = rota_day(s, n, e);
			size_t dd = e; /* "Tue off": a day's line with no clock */
			while (dd < le && sc_alpha(s[dd]))
				dd++;
			if (!d && !rota_day_clock(s, n, e) &&
			    !(dd > e && day_label(s + e, dd - e) && dd - e <= 9))
				break;
			rows += d != 0;
			lines++;
			for (; wi < ws.n && ws.v[wi].start < le; wi++) {
				int model = ws.v[wi].rule && strcmp(ws.v[wi].rule, "fs:model") == 0;
				if (model && ws.v[wi].start >= e)
					touched = 1;
				else if (!model)
					reach = ws.v[wi].end > reach ? ws.v[wi].end : reach;
			}
			touched |= reach > e;
			e = le < n ? le + 1 : le;
		}
		if (rows >= 2 && touched) {
			for (size_t x = a; x < e && rc == 0;) {
				size_t le = x;
				while (le < n && s[le] != '\n')
					le++;
				size_t d = rota_day(s, n, x), b = le;
				if (!d)
					d = rota_day_clock(s, n, x);
				while (d && d < le && s[d] == ' ')
					d++; /* (d 0: "Tue off", a day's line with no clock) */
				while (b > d && (s[b - 1] == ' ' || s[b - 1] == '\t' ||
						 (s[x] == '|' && s[b - 1] == '|')))
					b--; /* (a table's last bar stays) */
				if (d && b > d)
					rc = spans_push(all, d, b, SCRUB_SAFE_TIME, "fs:rota-row");
				x = le + 1;
			}
		}
		if (lines == 0) {
			while (e < n && s[e] != '\n')
				e++;
			e++;
		}
		for (; wi < ws.n && ws.v[wi].start < e; wi++)
			if (!(ws.v[wi].rule && strcmp(ws.v[wi].rule, "fs:model") == 0))
				reach = ws.v[wi].end > reach ? ws.v[wi].end : reach;
		i = e;
	}
	spans_free(&ws);
	return rc ? MGW_E_NOMEM : 0;
}

/*
 * s51-never: her week on one line pasted with tabs ("Mon 06:00-14:00
 * bakery<TAB>Tue OFF<TAB>Wed 06:00-14:00 bakery<TAB>..."): three cells or
 * more each opening with a day, two of them withheld already (hers, by
 * any rule): every day's cell goes after its day, the days off too (which
 * days she works is when she can be found). Lines with tabs only; at most
 * 64 such lines looked at (each against the spans found since from).
 */
static int tab_rota_lines(const unsigned char *s, size_t n, const struct textnorm *tn,
                          struct spans *all, size_t from)
{
	/* the candidate lines first (at most 64: their day cells), then one
	 * pass over the spans, each finding its line by binary search */
	struct rota_line {
		size_t a, e, nc;
		size_t cs[TCELLS], ce[TCELLS], de[TCELLS];
		unsigned held; /* day cells a span touches, by bit */
	} *L = NULL;
	size_t nl = 0, to = all->n;
	struct tabs t = {tn->tab, tn->ntab, 0};
	for (size_t a = 0; a < n && t.i < t.n && nl < 64;) {
		const unsigned char *nlp = memchr(s + a, '\n', n - a);
		size_t e = nlp ? (size_t)(nlp - s) : n, next = nlp ? e + 1 : n;
		size_t cs[TCELLS], ce[TCELLS], de[TCELLS], days = 0;
		size_t nc = tab_cells(s, &t, a, e, cs, ce);
		for (size_t c = 0; c < nc; c++) {
			size_t k = cs[c];
			while (k < ce[c] && sc_alpha(s[k]))
				k++;
			de[c] = rota_day_word(s, cs[c], k) && (k == ce[c] || s[k] == ' ') ? k : 0;
			days += de[c] != 0;
		}
		if (days >= 3) {
			if (L == NULL && (L = malloc(64 * sizeof *L)) == NULL)
				return MGW_E_NOMEM;
			L[nl] = (struct rota_line){.a = a, .e = e, .nc = nc, .held = 0};
			memcpy(L[nl].cs, cs, sizeof cs);
			memcpy(L[nl].ce, ce, sizeof ce);
			memcpy(L[nl].de, de, sizeof de);
			nl++;
		}
		a = next;
	}
	if (nl == 0)
		return 0;
	for (size_t j = from; j < to; j++) {
		const struct span *x = &all->v[j];
		if (x->kind != SCRUB_LOCATION && x->kind != SCRUB_SAFE_TIME)
			continue;
		size_t lo = 0, hi = nl; /* the first line ending after its start */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (L[mid].e <= x->start)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t l = lo; l < nl && L[l].a < x->end; l++)
			for (size_t c = 0; c < L[l].nc; c++)
				if (L[l].de[c] && x->start < L[l].ce[c] && x->end > L[l].cs[c])
					L[l].held |= 1u << c;
	}
	int rc = 0;
	for (size_t l = 0; l < nl && rc == 0; l++) {
		if (__builtin_popcount(L[l].held) < 2)
			continue;
		for (size_t c = 0; c < L[l].nc && rc == 0; c++) {
			size_t x = L[l].de[c];
			while (x && x < L[l].ce[c] && s[x] == ' ')
				x++;
			if (x && x < L[l].ce[c])
				rc = spans_push(all, x, L[l].ce[c], SCRUB_SAFE_TIME, "fs:rota-row");
		}
	}
	free(L);
	return rc ? MGW_E_NOMEM : 0;
}

/*
 * Does the town s[a..e), in a span [lo, end), stand alone after its
 * preposition: not after a comma (place_slot's address line), not followed,
 * after spaces, by a capitalised word or '&'? "at Ware Probation Office"
 * and "in Quellby & Ware" name an agency or an area by the town; "moved to
 * Ware in the summer" says where she is.
 */
static int town_alone(const unsigned char *s, size_t lo, size_t end, size_t a, size_t e)
{
	while (a > lo && s[a - 1] == ' ')
		a--;
	if (a > lo && s[a - 1] == ',')
		return 0;
	while (e < end && s[e] == ' ')
		e++;
	return e >= end || (!sc_upper(s[e]) && s[e] != '&');
}

/*
 * s42: is the word s[a..e), in a span [lo, end), an address's last line
 * after its street or estate ("new tenancy Leam Lane estate, Felling.",
 * "14 Cedar Road, Marsh"): a town or district however common the word,
 * which the note may name alone later ("Felling property flagged")?
 */
static int street_comma_town(const unsigned char *s, size_t lo, size_t end, size_t a, size_t e)
{
	if (a < lo + 4 || s[a - 1] != ' ' || s[a - 2] != ',' || !sc_alpha(s[a - 3]))
		return 0;
	if (e < end && !(s[e] == '.' || s[e] == ',' || s[e] == ';' || s[e] == ')' || s[e] == '\n'))
		return 0;
	size_t b = a - 2, w = b;
	while (w > lo && sc_alpha(s[w - 1]))
		w--;
	static const char *const ESTATE[] = {"estate", "est", NULL};
	return word_of(s, w, b, ESTATE) || (lex_classify((const char *)s + w, b - w) & LEX_STREET);
}

/*
 * Is the word s[a..a+n) named before a, capitalised and whole ("Ware Town
 * Council" heading a note that later says "to stay in Ware")? A town the
 * note names before its statement of where she is, is the area the note is
 * written in; where she moved to is new to the note. Only a naming in the
 * text's first line, or before a capitalised word (an agency's: "Ware Town
 * Council"), says so: "comes in from Sale on the 263" is where she is too.
 * One memmem pass over the text before a (home_town asks once per town).
 */
static int named_before(const unsigned char *s, size_t a, size_t n)
{
	/* the first line is a heading when a line follows it before a (a
	 * note of one paragraph has none) */
	const unsigned char *nl = memchr(s, '\n', a);
	size_t head = nl ? (size_t)(nl - s) : 0;
	for (size_t i = 0; i + n <= a;) {
		const unsigned char *q = memmem(s + i, a - i, s + a, n);
		if (q == NULL)
			return 0;
		size_t k = (size_t)(q - s);
		/* (s47-never: as an agency's or a heading's first word, "Ware
		 * Town Council", "Leeds MARAC"; not a place she comes from, "in
		 * from Sale on the 263") */
		if ((k == 0 || (!sc_alnum(s[k - 1]) && s[k - 1] < 0x80)) &&
		    !sc_alnum(s[k + n]) && s[k + n] < 0x80 && /* k + n <= a: in the text */
		    ((k + n + 1 < a && s[k + n] == ' ' && sc_upper(s[k + n + 1])) ||
		     k < head || town_use(s, a, k, k + n, 1))) /* or in the first line's heading,
		                                                * or before "police" */
			return 1;
		i = k + 1;
	}
	return 0;
}

/*
 * Is the town s[a..a+n) the note's own area (named_before), remembered in
 * home[0..*nhome) so that each town is looked for once (a town said in a
 * hundred statements costs one pass)? When home is full, no: withheld.
 */
static int home_town(const unsigned char *s, size_t a, size_t n, struct prop_word *home,
                     size_t *nhome)
{
	for (size_t k = 0; k < *nhome; k++)
		if (prop_cmp(s, a, n, &home[k]))
			return 1;
	if (*nhome == PROP_WORDS)
		return 0;
	if (!named_before(s, a, n))
		return 0;
	home[(*nhome)++] = (struct prop_word){a, n, 0, 0, 0};
	return 1;
}

/*
 * A word that ends a venue's name and is no agency's ("Grace Chapel",
 * "Beacon House", "Anchor Inn"): a hospital, a school, a centre or a court
 * named so is an agency's or the meeting's, kept where the notes name it.
 */
static int venue_head(const unsigned char *w, size_t n)
{
	static const char *const HEAD[] = {
		"chapel", "church", "mosque", "masjid", "temple", "gurdwara", "synagogue",
		"cathedral", "abbey", "house", "hall", "lodge", "manor", "hotel", "inn",
		"arms", "tavern", "pub", "club", "hostel", "refuge", "mill", "farm",
		/* s32-never: the vet, nursery, salon, gym or surgery she uses
		 * ("Riverside Vets", "Sunshine Nursery") */
		"vets", "vet", "nursery", "salon", "gym", "cafe", "surgery",
		/* s50-never: a house named by a common word ("Rose Cottage",
		 * "Oak Barn"), named again alone later ("don't put Rose Cottage
		 * on the tracker") */
		"cottage", "barn", "grange", "croft", "villa",
		/* s51-never: "Park View Guest House" (the two words before its
		 * kind of two words are its name) */
		"guest", NULL,
	};
	return word_of(w, 0, n, HEAD);
}

/* Is the word after e, one space on and before hi, a venue's kind,
 * capitalised ("Ashgrove Guest House")? */
static int venue_next(const unsigned char *s, size_t e, size_t hi)
{
	if (e + 2 >= hi || s[e] != ' ' || !sc_upper(s[e + 1]))
		return 0;
	size_t k = e + 1;
	while (k < hi && sc_alpha(s[k]))
		k++;
	return venue_head(s + e + 1, k - e - 1);
}

/* Is the word at a, inside a location span starting at lo, the value of
 * an area's label ("Receiving borough: Enfield", "Area: Tynedale")? */
static int area_label_before(const unsigned char *s, size_t lo, size_t a)
{
	static const char *const LABEL[] = {"borough", "area", "town", "district", "locality",
					    "authority", NULL};
	size_t i = a;
	while (i > lo && s[i - 1] == ' ')
		i--;
	if (i == lo || s[i - 1] != ':')
		return 0;
	size_t e = --i;
	while (i > lo && sc_alpha(s[i - 1]))
		i--;
	if (e == i || !word_of(s, i, e, LABEL))
		return 0;
	/* not the area she leaves ("Referring borough: <Name>") */
	static const char *const FROM[] = {"referring", "previous", "former", "old", "sending", NULL};
	size_t b = i;
	while (b > lo && s[b - 1] == ' ')
		b--;
	size_t bw = b;
	while (bw > lo && sc_alpha(s[bw - 1]))
		bw--;
	return !(b > bw && word_of(s, bw, b, FROM));
}

/* A street's kind after its name ("Roseville Rd", "MILL LANE"): the
 * unambiguous ones only ("Way", "Walk", "View" are words of a sentence
 * too). */
static int street_head(const unsigned char *w, size_t n)
{
	static const char *const HEAD[] = {"road", "rd", "street", "st", "lane", "ln", "avenue",
					   "ave", "crescent", "cres", "terrace", "grove", "gardens",
					   "gdns", NULL};
	return word_of(w, 0, n, HEAD);
}

/*
 * s19-over: is the word ending at i followed, after one space, by "MARAC"
 * inside the span (up to end): "Action from <Area> MARAC held 13/11" names
 * the meeting the case is heard at, which every agency attends, not where
 * she is (the town elsewhere in the span, "with her brother in <Town>", is
 * still taken there).
 */
static int meeting_next(const unsigned char *s, size_t i, size_t end)
{
	return i + 6 <= end && s[i] == ' ' && strncasecmp((const char *)s + i + 1, "marac", 5) == 0 &&
	       (i + 6 == end || !sc_alnum(s[i + 6]));
}

/*
 * s20-over: is the word ending at i followed, inside the span (up to end),
 * by a court: " Court", or one of its kinds then " Court" ("<Town> Family
 * Court", "<Town> Magistrates' Court", "<Town> Sheriff Court")? Where a
 * case is heard, as the meeting is (meeting_next), is no place she lives:
 * the town is not taken from there (the span itself is withheld as it was).
 */
static int court_next(const unsigned char *s, size_t i, size_t end)
{
	static const char *const KIND[] = {"family", "magistrates'", "magistrates", "crown",
					   "county", "sheriff", "combined", "youth", "civil", NULL};
	if (i >= end || s[i] != ' ')
		return 0;
	i++;
	for (int k = 0; KIND[k]; k++) {
		size_t n = strlen(KIND[k]);
		if (i + n < end && s[i + n] == ' ' && strncasecmp((const char *)s + i, KIND[k], n) == 0) {
			i += n + 1;
			break;
		}
	}
	return i + 5 <= end && strncmp((const char *)s + i, "Court", 5) == 0 &&
	       (i + 5 == end || !sc_alnum(s[i + 5]));
}

/* Add the two words s[a, e) to w[0..*nw) unless there or kept; -1 when
 * w is full. */
static int prop_add_pair(const unsigned char *s, struct prop_word *w, size_t *nw, size_t a, size_t e,
			 const struct spans *keep, const size_t *maxend)
{
	int multi;
	for (size_t k = 0; k < *nw; k++)
		if (prop_cmp(s, a, e - a, &w[k]))
			return 0;
	if (keep->n && kept_at(s, keep, maxend, a, e, &multi))
		return 0;
	if (*nw == PROP_WORDS)
		return -1;
	w[(*nw)++] = (struct prop_word){a, e - a, 0, 0, 0};
	return 0;
}

/* The candidate words (above) of the location spans all[from..to) into
 * w[0..PROP_WORDS), each once; returns how many, or PROP_FULL when there
 * are more (w holds the first PROP_WORDS). */
#define PROP_FULL ((size_t)-1)
static size_t place_words(const unsigned char *s, const struct spans *all, size_t from,
                          size_t to, const struct spans *keep, const size_t *maxend,
                          struct prop_word *w)
{
	size_t nw = 0, nhome = 0;
	struct prop_word home[PROP_WORDS];
	for (size_t j = from; j < to; j++) {
		if (all->v[j].kind != SCRUB_LOCATION)
			continue;
		int digit = 0;
		size_t pa = SIZE_MAX, pe = 0; /* the word before, when a common one */
		size_t sa = SIZE_MAX, se = 0; /* the word before, when capitalised */
		size_t qa = SIZE_MAX; /* the capitalised word before that, when one space apart */
		for (size_t i = all->v[j].start; i < all->v[j].end;) {
			if (!sc_alpha(s[i]) && s[i] < 0x80) {
				digit |= s[i] >= '0' && s[i] <= '9';
				i++;
				continue;
			}
			size_t a = i;
			i = prop_word_end(s, all->v[j].end, i);
			size_t ca = pa, cs = sa, cq = qa;
			pa = SIZE_MAX;
			sa = SIZE_MAX;
			qa = SIZE_MAX;
			if (cs != SIZE_MAX && se + 1 == a && s[se] == ' ' && sc_upper(s[a]) &&
			    street_head(s + a, i - a)) {
				/* a street where she is ("BACK OF THE LAUNDERETTE ON
				 * ROSEVILLE RD"): its name and its kind together,
				 * wherever the note names it again, capitals or not */
				if (prop_add_pair(s, w, &nw, cs, i, keep, maxend) != 0)
					return PROP_FULL;
			}
			if (sc_upper(s[a]) && i + 4 < all->v[j].end && s[i] == '\'' && (s[i + 1] | 0x20) == 's' &&
			    s[i + 2] == ' ' && sc_upper(s[i + 3]) &&
			    word_of(s, a, i, (const char *const[]){"bishop", "bishops", "king", "kings",
			                                          "queen", "lady", "earl", "abbot", NULL})) {
				/* s52-never: a town named for a title's holder
				 * ("Bishop's Castle", "King's Lynn"): the two words
				 * together, as the title alone is no place */
				size_t e2 = prop_word_end(s, all->v[j].end, i + 3);
				if (e2 - i - 3 >= 3 && prop_add_pair(s, w, &nw, a, e2, keep, maxend) != 0)
					return PROP_FULL;
			}
			if (cs == SIZE_MAX && ca == SIZE_MAX && sc_upper(s[a]) && sc_lower(s[a + 1]) &&
			    a >= all->v[j].start + 4 && s[a - 1] == ' ' &&
			    strncasecmp((const char *)s + a - 4, "the", 3) == 0 &&
			    (a == 4 || !sc_alpha(s[a - 5])) &&
			    word_of(s, a, i, (const char *const[]){"lodge", "hostel", "hotel", "inn", NULL}) &&
			    !(i < all->v[j].end && s[i] == ' ' && i + 1 < all->v[j].end && sc_upper(s[i + 1]))) {
				/* s52-never: a place she stays named by its kind alone,
				 * capitalised ("Moved into B&B, Room 9, the Lodge on
				 * Coventry Road" ... "I know where the Lodge is"): the
				 * kind after "the", within this text only (THE_ONLY); a
				 * lodge, hostel, hotel or inn (not "the Surgery") */
				int dup = 0;
				for (size_t k = 0; k < nw && !dup; k++)
					dup = prop_cmp(s, a, i - a, &w[k]);
				if (!dup && nw == PROP_WORDS)
					return PROP_FULL;
				if (!dup)
					w[nw++] = (struct prop_word){a, i - a, THE_ONLY, 0, 0};
			}
			if (cs != SIZE_MAX && se + 1 == a && s[se] == ' ' && sc_upper(s[a]) &&
			    venue_head(s + a, i - a) && ca == SIZE_MAX &&
			    !(lex_classify((const char *)s + cs, se - cs) &
			      (LEX_PLACE | LEX_ALLOW | LEX_PHRASE | LEX_INSTITUTION))) {
				/* s52-never: a venue named by a word of its own
				 * ("Kingsway Lodge"): its name and its kind together
				 * too, as the name alone would leave the kind beside
				 * its marker ("the [withheld] Lodge on the 17th"); not a
				 * town's or a county's ("Cornwall Refuge Trust": a body) */
				if (prop_add_pair(s, w, &nw, cs, i, keep, maxend) != 0)
					return PROP_FULL;
			}
			if (i - a >= 3 && sc_upper(s[a]) && !(a > 0 && (sc_alnum(s[a - 1]) || s[a - 1] >= 0x80)) &&
			    !(lex_classify((const char *)s + a, i - a) &
			      (LEX_STREET | LEX_FUNCTION | LEX_PARTICLE | LEX_MODAL | LEX_TITLE | LEX_KIN))) {
				if (cs != SIZE_MAX && se + 1 == a && s[se] == ' ')
					qa = cs;
				sa = a, se = i;
			}
			if (ca != SIZE_MAX && pe + 1 == a && s[pe] == ' ' && sc_upper(s[a]) &&
			    venue_head(s + a, i - a)) {
				/* a venue named by a common word ("GRACE CHAPEL",
				 * "Beacon House"): the two words together */
				if (prop_add_pair(s, w, &nw, ca, i, keep, maxend) != 0)
					return PROP_FULL;
				/* s44-never: a farm or house named by two words
				 * before its kind ("Low Gelt Farm"): the two words are
				 * its name, as the note shortens it later ("the lane
				 * from Low Gelt") */
				/* (s51-never: a street's word too: "Park View
				 * Guest House") */
				int street2 = 0;
				if (cq == SIZE_MAX && sc_upper(s[ca]) && ca >= all->v[j].start + 2 &&
				    s[ca - 1] == ' ' && sc_alpha(s[ca - 2])) {
					size_t q = ca - 1;
					while (q > all->v[j].start && sc_alpha(s[q - 1]))
						q--;
					if (sc_upper(s[q]) && ca - 1 - q >= 3 &&
					    (lex_classify((const char *)s + q, ca - 1 - q) & LEX_STREET))
						cq = q, street2 = 1;
				}
				if (cq != SIZE_MAX && (cs == ca || street2) &&
				    !(lex_classify((const char *)s + cq, ca - 1 - cq) &
				      (LEX_PHRASE | LEX_INSTITUTION)) &&
				    prop_add_pair(s, w, &nw, cq, pe, keep, maxend) != 0)
					return PROP_FULL; /* (not an agency's: "Salvation Army Hostel") */
			}
			if (i - a >= 3 && sc_upper(s[a]) && !sentence_start(s, a) &&
			    !(a > 0 && (sc_alnum(s[a - 1]) || s[a - 1] >= 0x80))) {
				unsigned pb = lex_classify((const char *)s + a, i - a);
				/* (a place's word too: "Riverside Vets") */
				if ((pb & (LEX_COMMON | LEX_FORENAME | LEX_SURNAME)) &&
				    !(pb & (LEX_INSTITUTION | LEX_TITLE | LEX_RANK |
				            LEX_KIN | LEX_CALLED | LEX_FUNCTION | LEX_PARTICLE |
				            LEX_MODAL)) &&
				    !month_word(s + a, i - a))
					pa = a, pe = i;
			}
			int labelled = area_label_before(s, all->v[j].start, a);
			/* (three capitals after "to the", "at the": a hospital's
			 * letters, "the LGI", below) */
			int the3 = i - a == 3 && sc_upper(s[a]) && sc_upper(s[a + 1]) && sc_upper(s[a + 2]) &&
			           the_slot(s, all->v[j].start, a);
			/* s51-never: a building's name at a sentence's or a
			 * label's start ("booked: Ashgrove Guest House, 22
			 * ..."), its kind after it, capitalised */
			int named = sentence_start(s, a) && venue_next(s, i, all->v[j].end);
			if ((i - a < 4 && !the3) || !sc_upper(s[a]) ||
			    (sentence_start(s, a) && !labelled && !named) ||
			    (a > 0 && (sc_alnum(s[a - 1]) || s[a - 1] >= 0x80)))
				continue;
			size_t up = 0;
			for (size_t x = a; x < i; x++)
				up += sc_upper(s[x]);
			if (meeting_next(s, i, all->v[j].end) || court_next(s, i, all->v[j].end))
				continue; /* s19-over: "<Area> MARAC": the meeting;
				           * s20-over: "<Town> Family Court" */
			int ps = labelled ? 1 : place_slot(s, all->v[j].start, a, digit);
			if (!ps && chain_before(s, all->v[j].start, a))
				ps = 1; /* s49-never: "at the TL Walsall" */
			if (!ps && the3)
				ps = 1; /* s49-never: a hospital's letters ("to the LGI,
				         * where she still is"); the lexicon's stay */
			int slot = ps || place_head_after(s, i, all->v[j].end);
			if (up == i - a && !slot && !venue_next(s, i, all->v[j].end))
				continue; /* capitals: an acronym or a CAD line (s51-never:
				           * unless a venue's kind follows: "the KINGSWAY
				           * LODGE HOTEL", "KINGSWAY" its name) */
			unsigned b = lex_classify((const char *)s + a, i - a);
			unsigned deny = LEX_COMMON | LEX_ALLOW | LEX_PHRASE | LEX_STREET |
			                LEX_INSTITUTION | LEX_TITLE | LEX_RANK | LEX_KIN | LEX_CALLED |
			                LEX_FUNCTION | LEX_PARTICLE | LEX_MODAL | LEX_FORENAME |
			                LEX_SURNAME;
			/* s54-never: an address's town in capitals after its
			 * street and a comma ("Flat 4b, 60 Granby Street,
			 * LEICESTER, LE1 6FB"), a town as "to Leicester" is
			 * (found again in any case: propagate_places) */
			int mixed = up < i - a || (ps && digit && (b & LEX_PLACE) && after_comma(s, all->v[j].start, a) &&
			                           !(i - a > 5 && strncasecmp((const char *)s + i - 5, "shire", 5) == 0));
			if (slot && mixed)
				deny &= ~(LEX_ALLOW | LEX_SURNAME); /* a town: "to Rochdale" */
			/* a town that starts an agency's name too ("moved to Leeds",
			 * "Leeds City Council"), new to the note (home_town): where she
			 * is, in the agency's name too ("referral to Leeds MARAC") */
			int phrase_town = slot && mixed && (b & LEX_PLACE) && (b & LEX_PHRASE);
			if (phrase_town)
				deny &= ~LEX_PHRASE;
			if ((b & LEX_SHOP) && (ps == 2 ||
			                       the_slot(s, all->v[j].start, a)))
				deny &= ~LEX_ALLOW; /* a chain's branch as a landmark or where she
				                     * is: "THE FLATS BEHIND LIDL", "placed at the
				                     * Travelodge Central, room 214" */
			/* a town that is a name or a word too: "moved to Ware" */
			int twin = slot && mixed && (b & LEX_PLACE) &&
			           (b & (LEX_COMMON | LEX_FORENAME)) && !month_word(s + a, i - a) &&
			           town_alone(s, all->v[j].start, all->v[j].end, a, i);
			if (!twin && up < i - a && i - a >= 5 && !sentence_start(s, a) &&
			    (b & (LEX_COMMON | LEX_FORENAME | LEX_SURNAME)) == LEX_COMMON &&
			    !(b & (deny & ~LEX_COMMON)) &&
			    street_comma_town(s, all->v[j].start, all->v[j].end, a, i))
				twin = 1;
			if (twin)
				deny &= ~(LEX_COMMON | LEX_FORENAME);
			if (b & deny)
				continue;
			int multi;
			if (keep->n && kept_at(s, keep, maxend, a, i, &multi))
				continue;
			int dup = 0;
			for (size_t k = 0; k < nw && !dup; k++)
				dup = prop_cmp(s, a, i - a, &w[k]);
			if (!dup && (twin || phrase_town) && home_town(s, a, i - a, home, &nhome))
				continue;
			if (!dup && nw == PROP_WORDS)
				return PROP_FULL;
			if (!dup)
				w[nw++] = (struct prop_word){a, i - a, 0, 0, 0};
		}
	}
	return nw;
}

/*
 * A journey's length from a place withheld as where she is, the place at
 * [*a, *e): "Travel from\n<Town> is 90 minutes", "the journey from <Town>
 * takes about an hour": how far she is says where. Widens [*a, *e) over
 * it when both its head and its length are there.
 */
static void journey_from(const unsigned char *s, size_t n, size_t *a, size_t *e)
{
	static const char *const GO[] = {"travel", "journey", "commute", "drive", NULL};
	static const char *const MID[] = {"is", "takes", "about", "around", "over", "under",
					  "nearly", "almost", "an", "a", "half", NULL};
	static const char *const LEN[] = {"minutes", "mins", "minute", "hours", "hour", "hrs",
					  "miles", NULL};
	size_t i = *a;
	/* s47-never: the bus she rides from it ("comes in from <Town> on the
	 * 263", "from <Town> on the X5"): the route's number with the place */
	if (*e + 8 < n && strncmp((const char *)s + *e, " on the ", 8) == 0) {
		size_t r = *e + 8, d = r;
		if (r < n && sc_upper(s[r]) && r + 1 < n && sc_digit(s[r + 1]))
			d++; /* "X5" */
		size_t dd = d;
		while (dd < n && dd - d < 4 && sc_digit(s[dd]))
			dd++;
		if (dd > d && !(dd < n && (sc_alnum(s[dd]) || s[dd] == ':' || s[dd] == '/' || s[dd] == '.' ||
					   s[dd] >= 0x80)) &&
		    !(dd < n && s[dd] == ' ' && dd + 1 < n && sc_alpha(s[dd + 1]) &&
		      word_of(s, dd + 1, prop_word_end(s, n, dd + 1), LEN)))
			*e = dd;
	}
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n'))
		i--;
	if (i < 5 || strncasecmp((const char *)s + i - 4, "from", 4) != 0 || sc_alpha(s[i - 5]))
		return;
	size_t j = i - 4;
	while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\n'))
		j--;
	size_t g = j;
	while (g > 0 && sc_alpha(s[g - 1]))
		g--;
	if (!word_of(s, g, j, GO))
		return;
	size_t k = *e;
	for (int w = 0; w < 5; w++) {
		while (k < n && (s[k] == ' ' || s[k] == '\n'))
			k++;
		size_t b = k;
		while (k < n && (sc_alpha(s[k]) || sc_digit(s[k])))
			k++;
		if (k == b)
			return;
		if (word_of(s, b, k, LEN)) {
			*a = g, *e = k;
			return;
		}
		if (!sc_digit(s[b]) && !word_of(s, b, k, MID))
			return;
	}
}

/* After a place withheld again ending at e, a capitalised word that the
 * lexicon knows as nothing but a name or a place, on the same line, is the
 * rest of its name ("via Kempston Hardwick"), as are a town's own second
 * word and a street's kind; the end after it, or e. */
static size_t place_next_word(const unsigned char *s, size_t n, size_t e)
{
	if (e + 4 >= n || s[e] != ' ' || !sc_upper(s[e + 1]))
		return e;
	size_t k = e + 1;
	while (k < n && sc_alpha(s[k]))
		k++;
	if (k < n && (sc_alnum(s[k]) || s[k] >= 0x80))
		return e;
	/* a town's own second word, common as it is: "Llandrindod Wells",
	 * "Colwyn Bay", "Lyme Regis", "Haywards Heath" */
	static const char *const TOWN_TAIL[] = {"Wells", "Spa", "Bay", "Regis", "Heath", "Green",
						"Vale", "Magna", "Parva", "Minster", "Sands",
						"Marsh", "Cross", "Hill", "Bridge", "Common",
						/* s42: a building's kind ("Anson Hse") */
						"House", "Hse", "Lodge", "Hall", "Cottage", "Farm",
						NULL};
	for (int t = 0; TOWN_TAIL[t]; t++)
		if (strlen(TOWN_TAIL[t]) == k - e - 1 && memcmp(TOWN_TAIL[t], s + e + 1, k - e - 1) == 0)
			return k;
	unsigned b = lex_classify((const char *)s + e + 1, k - e - 1);
	if (b & LEX_STREET)
		return k; /* its street ("driving past Calder Rise" after "Calder Rise flats") */
	if (k - e - 1 < 4)
		return e;
	if (b & (LEX_COMMON | LEX_ALLOW | LEX_PHRASE | LEX_STREET | LEX_INSTITUTION | LEX_TITLE |
	         LEX_RANK | LEX_KIN | LEX_CALLED | LEX_FUNCTION | LEX_PARTICLE | LEX_MODAL |
	         LEX_FORENAME))
		return e;
	if (month_word(s + e + 1, k - e - 1))
		return e;
	return k;
}

/* The end of the entry of list that follows e after one space (or up to
 * three) and ends at a word's end, or e: written as the list has it, or in
 * any case when anycase. */
static size_t phrase_after_case(const unsigned char *s, size_t n, size_t e, const char *const *list,
                                int anycase)
{
	if (e >= n || s[e] != ' ')
		return e;
	size_t b = e + 1;
	while (b < n && b - e < 3 && s[b] == ' ')
		b++; /* ("LEICESTER  CROWN COURT") */
	for (; *list; list++) {
		size_t l = strlen(*list);
		if (b + l <= n &&
		    (anycase ? strncasecmp((const char *)s + b, *list, l) : memcmp(s + b, *list, l)) == 0 &&
		    (b + l == n || !(sc_alnum(s[b + l]) || s[b + l] >= 0x80)))
			return b + l;
	}
	return e;
}

/* The end of a phrase of list after a place ending at e, in any case
 * ("<Town> Borough Council", "<TOWN> BOROUGH COUNCIL", "<Town> borough
 * council": each withholds more), or e (agency_after, which keeps, reads
 * any case only after a town in capitals) */
static size_t phrase_after(const unsigned char *s, size_t n, size_t e, const char *const *list)
{
	return phrase_after_case(s, n, e, list, 1);
}

/* After a place withheld again ending at e, its council goes with it
 * ("Swindon Borough Council": which kind of council narrows the town, and
 * "[withheld] Council" reads as one name withheld whole), and a venue's
 * kind; the end after "Council" or the kind, or e. */
static size_t council_after(const unsigned char *s, size_t n, size_t e)
{
	static const char *const KIND[] = {"Borough Council", "City Council", "County Council",
					   "District Council", "Council",
					   /* s53-never: a venue named by her place ("the 17:30
					    * squad session at <Town> Leisure Centre"), no
					    * agency: its kind goes with the name */
					   "Leisure Centre", "Sports Centre", "Community Centre",
					   "Community Hall", "Village Hall", "Swimming Pool",
					   "Baths", "Library",
					   /* s56-never: a hospital named by her town
					    * ("<Town> and District Hospital"): its kind
					    * reads as her town's */
					   "and District General Hospital", "and District Hospital",
					   "District General Hospital", "District Hospital",
					   "General Hospital", "Royal Infirmary", "Infirmary",
					   "Hospital", NULL};
	return phrase_after(s, n, e, KIND);
}

/*
 * s40-over: does an agency's kind follow the place ending at e ("Derbyshire
 * Police", "Lincoln PDU", "Ipswich PRU")? The agency is named, not where
 * she is: issue 9 keeps agency names, and the sets label a town inside one
 * as kept. Not the services that take her case on where she goes: a
 * council (the one housing her is where she lives: "housing options with
 * <Town> Council"), children's services and a MASH ("<Town> Children's
 * Services: CIN transfer in"), a MARAC (a transfer's receiving MARAC), a
 * refuge or Women's Aid, a Jobcentre (s47-never: the office she signs on
 * at is in her town: "JCP appt, <Town> Jobcentre Thurs 12/03 11:15").
 */
static int agency_after(const unsigned char *s, size_t n, size_t a, size_t e)
{
	static const char *const KIND[] = {
	    "Police",      "Constabulary", "PDU",         "PRU",          "YOS",
	    "YOT",         "NHS",          "Probation",   "Magistrates",  "Crown Court",
	    "Family Court", "County Court", "Youth",      "District Care", "CAMHS",
	    "Custody",     NULL};
	/* in capitals only after a town in capitals ("LEICESTER MAGISTRATES
	 * COURT"): "<Town> police were told" is her town in prose */
	int caps = 1;
	for (size_t k = a; k < e && caps; k++)
		caps = !sc_lower(s[k]);
	return phrase_after_case(s, n, e, KIND, caps) > e;
}

/* Does the full stop at d (after lo) end a sentence: after ')' or a word of
 * three letters or more (not "nr.", "St.", "Rd.")? */
static int sentence_stop(const unsigned char *s, size_t lo, size_t d)
{
	if (d > lo && s[d - 1] == ')')
		return 1;
	size_t w = d;
	while (w > lo && sc_alpha(s[w - 1]))
		w--;
	static const char *const ABBR[] = {"nr", "st", "rd", "ave", "no", "flt", "apt", "dr", "mr", "mrs",
					   "ms", "rev", NULL};
	return d - w >= 2 && !word_of(s, w, d, ABBR);
}

/*
 * s44-never: a table's label cell withheld as where she is ("| Discharge
 * address | c/o mother, <Town> - <district> end |"): the fail-safe reads
 * each cell alone, so the label goes and its value stays. The next cell
 * of the row goes with it: a withheld cell of one to three words between
 * bars (or a line's start) whose row goes on after one bar.
 */
static int label_cell_values(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	size_t to = all->n;
	for (size_t j = from; j < to; j++) {
		const struct span x = all->v[j];
		if (x.kind != SCRUB_LOCATION || x.rule == NULL || strncmp(x.rule, "fs:", 3) != 0)
			continue;
		size_t a = x.start, e = x.end;
		while (a > 0 && (s[a - 1] == ' ' || s[a - 1] == '\t'))
			a--;
		if (a > 0 && s[a - 1] != '|' && s[a - 1] != '\n')
			continue;
		int words = 0;
		for (size_t k = x.start; k < x.end; k++)
			words += sc_alnum(s[k]) && (k == x.start || !sc_alnum(s[k - 1]));
		if (words > 3)
			continue;
		while (e < n && (s[e] == ' ' || s[e] == '\t' || s[e] == ':'))
			e++;
		if (e >= n || s[e] != '|')
			continue;
		size_t va = e + 1;
		while (va < n && (s[va] == ' ' || s[va] == '\t'))
			va++;
		size_t ve = va;
		/* (to the cell's end or its first sentence's: "14 Longroyd
		 * Tce (joint AST). Not reasonable to occupy (s.177).") */
		while (ve < n && s[ve] != '|' && s[ve] != '\n' &&
		       !(s[ve] == '.' && ve + 2 < n && s[ve + 1] == ' ' && sc_upper(s[ve + 2]) &&
			 sentence_stop(s, va, ve)))
			ve++;
		/* s46-never: a row of more cells, the label opening it ("|
		 * emergency respite | SW JR | done 10/02 - <Home>, <Village>, rm
		 * 9 |"): its later cells are the place's details too, to the
		 * row's end */
		if (ve < n && s[ve] == '|' && a >= 1 && s[a - 1] == '|' && (a == 1 || s[a - 2] == '\n')) {
			size_t re = ve;
			while (re < n && s[re] != '\n')
				re++;
			while (re > ve && (s[re - 1] == ' ' || s[re - 1] == '\t' || s[re - 1] == '|'))
				re--;
			if (re > ve)
				ve = re;
		}
		while (ve > va && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
			ve--;
		if (ve > va && spans_push(all, va, ve, SCRUB_LOCATION, "loc:label-cell") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s46-never: a booking's arrival or departure right after a statement
 * withheld as where she is ("You're going to <Village>! ... The Annexe,
 * <Farm>. Check-in Mon 15 Mar after 3:00 PM.", "...\nCheck-out: Fri 19
 * Mar by 10:00 AM"; s55: a flat's viewing or move-in: "...2 bed.
 * Viewing Thurs 21/01 at 11:00 with <Officer>"): the sentence opening with
 * it, to its end or a ';',
 * when it holds a day, a date or a clock, says when she is there. Only
 * next to such a span ("Check in with the IDVA weekly", "Arrival of police
 * at 22:10" are neither). Each byte is read once: the scan goes on from
 * where the last one stopped.
 */
static int weekday_any(const unsigned char *s, size_t a, size_t e);

static int when_word(const unsigned char *s, size_t a, size_t e)
{
	static const char *const AMPM[] = {"am", "pm", NULL};
	return weekday_any(s, a, e) || (e > a && month_word(s + a, e - a)) || word_of(s, a, e, AMPM);
}

static int arrival_after_place(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	static const char *const ARRIVE[] = {"check-in", "checkin", "check in", "check-out",
					     "checkout", "check out", "arrival", "arriving", "arrives",
					     "arrive", "viewing", "move-in", "move in", "moving in", NULL};
	size_t to = all->n, done = 0;
	for (size_t j = from; j < to; j++) {
		if (all->v[j].kind != SCRUB_LOCATION || all->v[j].end < done)
			continue;
		size_t a = all->v[j].end;
		if (a < n && (s[a] == '.' || s[a] == '!'))
			a++;
		size_t k = a;
		while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n') && k - a < 8)
			k++;
		if (k == a || k >= n || !sc_alpha(s[k]))
			continue;
		size_t w = 0, l = 0;
		for (; ARRIVE[w]; w++) {
			l = strlen(ARRIVE[w]);
			if (k + l < n && strncasecmp((const char *)s + k, ARRIVE[w], l) == 0 &&
			    !sc_alpha(s[k + l]))
				break;
		}
		if (ARRIVE[w] == NULL)
			continue;
		size_t x = k + l;
		while (x < n && (s[x] == ' ' || s[x] == ':'))
			x++;
		size_t xe = x;
		while (xe < n && sc_alpha(s[xe]))
			xe++;
		if (word_of(s, x, xe, (const char *const[]){"with", "of", "calls", "call", "cctv",
							    "bodycam", "bwv", "footage", "video",
							    "recording", "recordings", "images",
							    "photos", "evidence", NULL}))
			continue; /* "Check in with the IDVA", "Arrival of police",
				   * "Viewing bodycam footage on Mon 10/03" */
		size_t e = k;
		int when = 0;
		while (e < n && s[e] != '\n' && s[e] != ';' && s[e] != '?' &&
		       !((s[e] == '.' || s[e] == '!') && (e + 1 == n || s[e + 1] == ' ' || s[e + 1] == '\n'))) {
			if (sc_alpha(s[e]) && (e == 0 || !sc_alpha(s[e - 1]))) {
				size_t we = e;
				while (we < n && sc_alpha(s[we]))
					we++;
				when |= when_word(s, e, we);
				e = we;
				continue;
			}
			/* a clock or a date: "3:00", "15/03" */
			if (sc_digit(s[e]) && e + 2 < n && (s[e + 1] == ':' || s[e + 1] == '/') && sc_digit(s[e + 2]))
				when = 1;
			e++;
		}
		done = e;
		if (when && spans_push(all, k, e, SCRUB_LOCATION, "loc:arrival") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s47-never: the county or town a place withheld as where she is lies in,
 * said right after it ("<Village> is Notts, so it's a transfer", "<Estate>
 * in Leeds", "nb <Boat> at Foxhangers"): " is ", " in ", " at " or " by ",
 * then a capitalised word the lexicon knows as a place (after "at" and "by"
 * one it knows as nothing too), withheld with it. Reads a few bytes after
 * each span.
 */
static unsigned never_kind(const struct span *x);
static int place_is_area(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	size_t to = all->n;
	for (size_t j = from; j < to; j++) {
		size_t e = all->v[j].end;
		if (never_kind(&all->v[j]) != SCRUB_LOCATION || e + 5 >= n || s[e] != ' ')
			continue; /* (a never-share value's too: her address's) */
		int in = (s[e + 1] == 'i' && (s[e + 2] == 's' || s[e + 2] == 'n')) ||
			 (s[e + 1] == 'a' && s[e + 2] == 't') || (s[e + 1] == 'b' && s[e + 2] == 'y');
		if (!in || s[e + 3] != ' ' || !sc_upper(s[e + 4]))
			continue;
		size_t q = prop_word_end(s, n, e + 4);
		unsigned b = q - (e + 4) >= 3 ? lex_classify((const char *)s + e + 4, q - e - 4) : LEX_COMMON;
		/* (after "at" or "by" a word no list knows too: a mooring's,
		 * a farm's name, "nb <Boat> at Foxhangers") */
		int known = (b & LEX_PLACE) || (b == 0 && (s[e + 1] == 'a' || s[e + 1] == 'b'));
		if (q - (e + 4) < 3 || (q < n && (sc_alnum(s[q]) || s[q] >= 0x80)) || !known ||
		    (q + 1 < n && s[q] == ' ' && sc_upper(s[q + 1])))
			continue; /* (not "in Leeds Crown Court": an agency's) */
		if (spans_push(all, e, q, SCRUB_LOCATION, "loc:area-of") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s47-never: an address quoted as someone wrote or said it ("the victim
 * wrote the address as "<street>, <landmark>"", "address given as
 * '<...>'", "Address: "<...>""): the quoted words are the address, in
 * whatever script or language, when "address" is the noun (after "the",
 * "her", "new" ..., or a label's) and the quote opens at most five words
 * after it ("she wrote was", "in her words:") and closes on the same line
 * within 120 bytes. One pass: each search starts after the last.
 */
static int quoted_address(const unsigned char *s, size_t n, struct spans *all)
{
	/* the noun, not the verb ("to address "Safety Planning""): a word
	 * before it that makes it one, or a label's capital */
	static const char *const NOUN[] = {"the", "her", "his", "their", "new", "an", "old", "this",
					   "that", "current", "home", "previous", "postal",
					   "forwarding", "full", "which", "whose", "its", "my", "your",
					   "same", "temporary", "safe", NULL};
	for (size_t i = 0; i + 7 < n; i++) {
		if ((s[i] | 0x20) != 'a' || (i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] >= 0x80)) ||
		    strncasecmp((const char *)s + i, "address", 7) != 0 ||
		    (i + 7 < n && (sc_alnum(s[i + 7]) || s[i + 7] >= 0x80)))
			continue;
		size_t pe = i;
		while (pe > 0 && s[pe - 1] == ' ')
			pe--;
		size_t pb = pe;
		while (pb > 0 && sc_alpha(s[pb - 1]))
			pb--;
		int noun = (pb < pe && word_of(s, pb, pe, NOUN)) ||
			   (sc_upper(s[i]) && (pe == 0 || s[pe - 1] == '\n' || s[pe - 1] == ':')) ||
			   (i + 7 < n && s[i + 7] == ':');
		if (!noun)
			continue;
		/* up to five words, then the quote ("was", "she wrote was",
		 * "in her words:", "written on the form was") */
		size_t k = i + 7;
		for (int w = 0; w < 6 && k < n; w++) {
			while (k < n && (s[k] == ' ' || s[k] == ':' || s[k] == ','))
				k++;
			size_t e = k;
			while (e < n && sc_alpha(s[e]))
				e++;
			if (e == k || w == 5)
				break;
			k = e;
		}
		if (k >= n || (s[k] != '"' && s[k] != '\''))
			continue;
		unsigned char q = s[k];
		size_t c = k + 1;
		while (c < n && c - k <= 120 && s[c] != q && s[c] != '\n')
			c++;
		/* (a closing quote that is someone's: "Dee's" is no end) */
		if (c >= n || s[c] != q || c - k > 120 || c == k + 1 ||
		    (q == '\'' && c + 1 < n && sc_alpha(s[c + 1])))
			continue;
		/* an address has a name or a number: not "unknown", "none" */
		int named = 0;
		for (size_t x = k + 1; x < c && !named; x++)
			named = sc_upper(s[x]) || sc_digit(s[x]) || s[x] >= 0x80;
		static const char *const NONE[] = {"unknown", "none", "nfa", "tbc", "withheld", "NK",
						   NULL};
		if (!named || word_of(s, k + 1, c, NONE))
			continue;
		if (spans_push(all, k, c + 1, SCRUB_LOCATION, "loc:quoted-address") != 0)
			return MGW_E_NOMEM;
		i = c;
	}
	return 0;
}

/*
 * s49-never: a line opened by a label of where ("Location:", "Incident
 * location:", "Current whereabouts:", "Pick-up:") whose value starts
 * in small letters or a figure, as the fail-safe's name after a label
 * does not ("Incident location: towpath by <Boat>, visitor moorings below
 * Lock 9, <Canal>, <Town>"): the value to its sentence's or line's end (at
 * most 200 bytes) when it holds a capitalised word or a figure; not his ("Suspect
 * location:", "Perpetrator's location:"), nor "unknown", "not known".
 */
static int where_label_value(const unsigned char *s, size_t n, struct spans *all)
{
	/* (not "point": "Turning Point:", an agency) */
	static const char *const LAST[] = {"location", "whereabouts", "pick-up", "pickup",
					   "destination", NULL};
	static const char *const HIS[] = {"suspect", "perpetrator", "perpetrators", "perp",
					  "offender", "his", "p's", "perpetrator's", "suspect's",
					  "ip's", "subject", "meeting", "venue", NULL};
	static const char *const NONE[] = {"unknown", "not", "nk", "n", "none", "same", "as",
					   "tbc", "tba", "nfa", NULL};
	for (size_t i = 0; i < n;) {
		size_t le = i;
		while (le < n && s[le] != '\n')
			le++;
		size_t a = i, words = 0, last = i, colon = 0, his = 0, drop = 0;
		while (a < le && (s[a] == ' ' || s[a] == '-' || s[a] == '*'))
			a++;
		/* s55-never: a removal's drop ("Drop 2: <Store>, Unit B214, <Town>"):
		 * where her things go, her new home or her storage, whatever case
		 * its value starts in */
		if (a + 6 < le && strncasecmp((const char *)s + a, "drop", 4) == 0 &&
		    (s[a + 4] == ' ' || s[a + 4] == '-') &&
		    (sc_digit(s[a + 5]) || strncasecmp((const char *)s + a + 5, "off:", 4) == 0)) {
			size_t k = a + 5;
			while (k < le && (sc_alnum(s[k]) && k < a + 9))
				k++;
			if (k < le && s[k] == ':')
				colon = k, drop = 1, words = 1, last = a;
		}
		for (size_t k = a; k < le && k < a + 40 && !colon; k++) {
			if (s[k] == ':') {
				colon = k;
				break;
			}
			if (!(sc_alpha(s[k]) || s[k] == ' ' || s[k] == '-' || s[k] == '\''))
				break;
			if (k == a || s[k - 1] == ' ') {
				size_t e = k;
				while (e < le && (sc_alpha(s[e]) || s[e] == '-' || s[e] == '\''))
					e++;
				words++, last = k;
				his |= word_of(s, k, e, HIS);
			}
		}
		if (colon && words >= 1 && words <= 3 && !his && (drop || word_of(s, last, colon, LAST)) &&
		    colon + 2 < le && s[colon + 1] == ' ') {
			size_t v = colon + 2, e = le;
			while (v < e && s[v] == ' ')
				v++;
			/* (to the value's sentence's end: "in temporary accommodation
			 * at <House>, <Town>. Pt says ...") */
			for (size_t d = v; d + 1 < le; d++)
				if (s[d] == '.' && s[d + 1] == ' ' && sentence_stop(s, v, d)) {
					e = d;
					break;
				}
			while (e > v && (s[e - 1] == ' ' || s[e - 1] == '.'))
				e--;
			size_t w = v;
			while (w < e && sc_alpha(s[w]))
				w++;
			int named = 0;
			for (size_t k = v; k < e && !named; k++)
				named = sc_digit(s[k]) || (sc_upper(s[k]) && (k == v || !sc_alnum(s[k - 1])));
			/* s57-never: a CAD log's "LOCATION: <PLACE IN CAPITALS>",
			 * label and value both in capitals; not a flat's address
			 * ("FLAT 3, 41 <RD>, <TOWN>"), which the address rules read
			 * (and whose town is no place said again), nor his, a
			 * meeting's or the police's */
			static const char *const NOT_CAD[] = {"flat", "apartment", "apt", "unit", "his",
							      "suspect", "suspects", "perpetrator",
							      "marac", "meeting", "police", NULL};
			int cad = e > v + 1 && sc_upper(s[last]) && sc_upper(s[last + 1]) &&
				  sc_upper(s[v]) && (sc_upper(s[v + 1]) || s[v + 1] == ' ') &&
				  !word_of(s, v, w, NOT_CAD);
			if (e > v && e - v <= 200 && (sc_lower(s[v]) || sc_digit(s[v]) || drop || cad) &&
			    named &&
			    !word_of(s, v, w, NONE) &&
			    spans_push(all, v, e, SCRUB_LOCATION, "loc:label-value") != 0)
				return MGW_E_NOMEM;
		}
		i = le + 1;
	}
	return 0;
}

/*
 * s50-never: a force or an agency told she is in its area ("Avon and
 * Somerset Police informed of her presence", "Thames Valley Police
 * notified of her arrival"): the force's name says where she is. From the
 * capitalised words before the verb (with "and", "of", at most 60 bytes
 * back in the clause) to the noun's end. The verb: informed, notified,
 * told, made aware; then "of her presence", "of her arrival" or "of her
 * move".
 */
static int told_of_her_presence(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const VERB[] = {"informed", "notified", "told", "aware", NULL};
	static const char *const NOUN[] = {"presence", "arrival", "move", NULL};
	static const char *const JOIN[] = {"and", "of", "&", NULL};
	const char *key = " of her ";
	for (const unsigned char *p = memmem(s, n, key, 8); p != NULL;
	     p = memmem(p + 1, n - (size_t)(p + 1 - s), key, 8)) {
		size_t k = (size_t)(p - s), ne = k + 8;
		while (ne < n && sc_alpha(s[ne]))
			ne++;
		if (!word_of(s, k + 8, ne, NOUN))
			continue;
		size_t ve = k, va = ve;
		while (va > 0 && sc_alpha(s[va - 1]))
			va--;
		if (va == ve || !word_of(s, va, ve, VERB))
			continue;
		/* (after "were", "was", "has been": "<Force> were notified") */
		static const char *const AUX[] = {"were", "was", "been", "has", "have", "had", "now",
						  "duly", "also", NULL};
		for (int x = 0; x < 3 && va > 1 && s[va - 1] == ' '; x++) {
			size_t we = va - 1, wa = we;
			while (wa > 0 && sc_alpha(s[wa - 1]))
				wa--;
			if (wa == we || !word_of(s, wa, we, AUX))
				break;
			va = wa;
		}
		/* the name before: capitalised words and their joins, two
		 * words or more ("Police informed of her presence" names none) */
		size_t a = va, st = SIZE_MAX, words = 0;
		while (a > 1 && va - a < 60 && s[a - 1] == ' ') {
			size_t we = a - 1, wa = we;
			while (wa > 0 && (sc_alpha(s[wa - 1]) || s[wa - 1] == '&'))
				wa--;
			if (wa == we)
				break;
			if (sc_upper(s[wa]) && !(lex_classify((const char *)s + wa, we - wa) &
			                         (LEX_FUNCTION | LEX_PARTICLE | LEX_MODAL)))
				st = wa, words++;
			else if (!(st != SIZE_MAX && word_of(s, wa, we, JOIN)))
				break;
			a = wa;
		}
		if (st != SIZE_MAX && words >= 2 &&
		    spans_push(all, st, ne, SCRUB_LOCATION, "loc:told-of-her") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s53-never: the MARAC a case transfers to ("it transfers to <County>
 * MARAC", "transferring to the <Town> Marac", "request transfer on 12/02
 * to Vale of Glamorgan MARAC", "Transfer out: <Town> MARAC"): its place is
 * where she now lives. The words (at most five, 40 bytes; capitalised, or
 * in small letters if no common word; "and", "&", "of" join them) between
 * "to" (or a label's ':') and "MARAC" in any case, a word opening
 * "transfer" at most four words before. The sending MARAC ("<Town> MARAC
 * heard the case"), "your MARAC" and "the receiving MARAC" stay.
 */
static int rm_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

/* Does the word s[a, e) open with "transfer" (any case)? */
static int rm_transfer(const unsigned char *s, size_t a, size_t e)
{
	return e - a >= 8 && strncasecmp((const char *)s + a, "transfer", 8) == 0;
}

static int receiving_marac_at(const unsigned char *s, size_t ne, struct spans *all)
{
	static const char *const JOIN[] = {"and", "&", "of", NULL};
	size_t a = ne + 1, st = SIZE_MAX;
	for (int words = 0; words < 5 && a > 1 && ne + 1 - a < 40 && rm_space(s[a - 1]);) {
		size_t we = a - 1, wa = we;
		while (wa > 0 && (sc_alpha(s[wa - 1]) || s[wa - 1] == '&' || s[wa - 1] == '\''))
			wa--;
		if (wa == we)
			break;
		unsigned lx = lex_classify((const char *)s + wa, we - wa);
		if (!(lx & (LEX_FUNCTION | LEX_PARTICLE | LEX_MODAL)) &&
		    (sc_upper(s[wa]) || (we - wa >= 4 && !(lx & LEX_COMMON))))
			st = wa, words++;
		else if (!(st != SIZE_MAX && word_of(s, wa, we, JOIN)))
			break;
		a = wa;
	}
	if (st == SIZE_MAX || st != a || st < 2)
		return 0;
	/* "to", "the" or a label's ':' right before, then "transfer..." */
	size_t b = st;
	int to = 0, cue = 0;
	for (int w = 0; w < 6 && !cue && b > 1; w++) {
		size_t we = b - 1;
		while (we > 0 && rm_space(s[we]))
			we--;
		if (rm_space(s[we]))
			break;
		we++;
		size_t wa = we;
		while (wa > 0 && !rm_space(s[wa - 1]))
			wa--;
		if (w == 0 && we - wa == 3 && strncasecmp((const char *)s + wa, "the", 3) == 0) {
			b = wa;
			continue;
		}
		if (to && memmem(s + we, b - we, "\n\n", 2))
			return 0; /* the cue in "to"'s paragraph (a hard-wrapped line
			           * between, not a blank one: "TRANSFER FORM" heading a
			           * form is none) */
		if (!to) {
			/* "to", or a label's "To:", "out:", "Receiving:",
			 * "Transfer:" (not "Sending MARAC:", "From:"); the
			 * last is its own cue ("Transfer: <Town> MARAC") */
			static const char *const LABEL[] = {"to:", "out:", "receiving:", NULL};
			cue = s[we - 1] == ':' && rm_transfer(s, wa, we - 1);
			to = cue || (we - wa == 2 && strncasecmp((const char *)s + wa, "to", 2) == 0) ||
			     word_of(s, wa, we, LABEL);
			if (!to)
				return 0;
			b = wa;
			continue;
		}
		cue = rm_transfer(s, wa, we);
		b = wa;
	}
	if (!cue)
		return 0;
	return spans_push(all, st, ne, SCRUB_LOCATION, "loc:receiving-marac") != 0 ? MGW_E_NOMEM : 0;
}

static int receiving_marac(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const FORM[] = {" MARAC", " Marac", " marac", "\nMARAC"};
	for (size_t f = 0; f < sizeof FORM / sizeof FORM[0]; f++)
		for (const unsigned char *p = memmem(s, n, FORM[f], 6); p != NULL;
		     p = memmem(p + 1, n - (size_t)(p + 1 - s), FORM[f], 6)) {
			size_t ne = (size_t)(p - s), m = ne + 6;
			if (m < n && (sc_alnum(s[m]) || s[m] >= 0x80))
				continue;
			if (receiving_marac_at(s, ne, all) != 0)
				return MGW_E_NOMEM;
		}
	return 0;
}

/* A clock's range at i ("10pm-2am", "9pm till 3am", "11-7", "07:00 to
 * 13:00", "9.30-12"): its end, or 0. */
static size_t clock_range_at(const unsigned char *s, size_t n, size_t i)
{
	if (i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.' || s[i - 1] == ':' ||
	              s[i - 1] == 0xa3))
		return 0;
	size_t k = i;
	for (int side = 0; side < 2; side++) {
		size_t d = k;
		while (k < n && k - d < 2 && sc_digit(s[k]))
			k++;
		if (k == d)
			return 0;
		if (k + 2 < n && (s[k] == ':' || s[k] == '.') && sc_digit(s[k + 1]) && sc_digit(s[k + 2]))
			k += 3;
		int ampm = k + 1 < n && ((s[k] | 0x20) == 'a' || (s[k] | 0x20) == 'p') &&
		           (s[k + 1] | 0x20) == 'm';
		if (ampm)
			k += 2;
		if (k < n && sc_alnum(s[k]))
			return 0;
		if (side == 1)
			return k;
		if (k < n && s[k] == '-')
			k++;
		else if (k + 3 < n && s[k] == ' ' && s[k + 1] == '-' && s[k + 2] == ' ')
			k += 3; /* ("2 - 4pm") */
		else if (k + 6 < n && strncmp((const char *)s + k, " till ", 6) == 0)
			k += 6;
		else if (k + 4 < n && strncmp((const char *)s + k, " to ", 4) == 0 && ampm)
			k += 4;
		else if (k + 7 < n && strncmp((const char *)s + k, " until ", 7) == 0)
			k += 7;
		else
			return 0;
	}
	return 0;
}

/*
 * s52-never: a sentence about her that gives days and a clock's range
 * ("She still hands out flyers for <Club> on <Street> Fri and Sat 10pm-2am
 * for cash", "She works Thu, Fri and Sat 9pm till 3am"): her week, where
 * she will be and when, withheld as her safe times whatever it calls the
 * work. The sentence opens with "She" (after a log's stamp too: its stamp
 * stays), a day's word stands before the range in it; at most 300 bytes.
 */
static int her_week_sentence(const unsigned char *s, size_t n, struct spans *all)
{
	for (size_t i = 0; i + 4 < n; i++) {
		if (!(s[i] == 'S' && s[i + 1] == 'h' && s[i + 2] == 'e' && s[i + 3] == ' ') ||
		    (i > 0 && sc_alnum(s[i - 1])))
			continue;
		/* a sentence's start: a line's, after ". ", or after a log's stamp */
		size_t b = i;
		while (b > 0 && s[b - 1] == ' ')
			b--;
		if (!(b == 0 || s[b - 1] == '\n' || s[b - 1] == '.' || s[b - 1] == '|' || s[b - 1] == '\t' ||
		      s[b - 1] == ':' || (sc_digit(s[b - 1]) && b == i - 1)))
			continue;
		size_t e = i, day = 0, range = 0;
		while (e < n && e - i < 300 && s[e] != '\n' &&
		       !((s[e] == '.' || s[e] == '!' || s[e] == '?') && (e + 1 == n || s[e + 1] == ' ' || s[e + 1] == '\n') &&
		         !(e > 0 && sc_digit(s[e - 1]) && e + 1 < n && sc_digit(s[e + 1])))) {
			if (sc_alpha(s[e]) && (e == i || !sc_alpha(s[e - 1]))) {
				size_t we = e;
				while (we < n && sc_alpha(s[we]))
					we++;
				if (!day && day_label(s + e, we - e))
					day = 1;
				e = we;
				continue;
			}
			if (day && !range && sc_digit(s[e]) && clock_range_at(s, n, e))
				range = 1;
			e++;
		}
		if (day && range && e - i < 300 &&
		    spans_push(all, i, e, SCRUB_SAFE_TIME, "loc:her-week") != 0)
			return MGW_E_NOMEM;
		i = e;
	}
	return 0;
}

/*
 * s49-never: a place named, then ", where she is" after it ("YAS conveyed
 * her to Pinderfields, where she still is", "taken to the LGI, where she
 * remains"): from the place's preposition (to, at, in, into, on; at most
 * 60 bytes back in its clause, a capitalised word from it on) to the
 * verb's end. The verb: is, still is, is still, is now, now is, remains,
 * is staying, is living, lives, now lives; then the clause's end.
 */
static int where_she_is(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const VERB[] = {"is still", "still is", "is now", "now is", "is staying",
					   "is living", "now lives", "remains", "lives", "is", NULL};
	static const char *const PREP[] = {"to", "at", "in", "into", "on", NULL};
	const char *key = ", where she ";
	const size_t kl = strlen(key);
	for (const unsigned char *h = s; (h = memmem(h, n - (size_t)(h - s), key, kl)) != NULL; h++) {
		size_t c = (size_t)(h - s), v = c + kl, e = 0;
		for (int k = 0; VERB[k] && !e; k++) {
			size_t m = strlen(VERB[k]);
			if (v + m <= n && memcmp(s + v, VERB[k], m) == 0 &&
			    (v + m == n || (s[v + m] && strchr(".,;:)\n", s[v + m])) ||
			     (s[v + m] == ' ' && v + m + 1 < n && s[v + m + 1] == '(')))
				e = v + m;
		}
		if (!e)
			continue;
		/* back to the preposition, in the clause */
		size_t a = SIZE_MAX, cap = 0;
		for (size_t k = c; k > 0 && c - k < 60; k--) {
			unsigned char ch = s[k - 1];
			if (ch == '.' || ch == ';' || ch == '\n' || ch == ',' || ch == ':')
				break;
			if (sc_upper(ch) && (k == 1 || !sc_alnum(s[k - 2])))
				cap = 1;
			if (sc_alpha(ch) && (k == 1 || !sc_alpha(s[k - 2]))) {
				size_t we = k - 1;
				while (we < c && sc_alpha(s[we]))
					we++;
				if (word_of(s, k - 1, we, PREP) && cap) {
					a = k - 1;
					break;
				}
			}
		}
		if (a != SIZE_MAX && spans_push(all, a, e, SCRUB_LOCATION, "loc:where-she-is") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/* Is [a, e) a time or a span of times ("07:45-08:15", "0930", "9.30 -
 * 10.00")? */
static int grid_time_cell(const unsigned char *s, size_t a, size_t e)
{
	int digits = 0, runs = 0;
	for (size_t k = a; k < e; k++) {
		if (sc_digit(s[k])) {
			digits++;
			if (k == a || !sc_digit(s[k - 1]))
				runs++;
		} else if (k + 1 < e && k > a && sc_digit(s[k - 1]) && (s[k] | 0x20) != 'h' &&
			   ((s[k] | 0x20) == 'a' || (s[k] | 0x20) == 'p') && (s[k + 1] | 0x20) == 'm') {
			k++; /* "7.45am-8.15am" */
		} else if (s[k] == '(') {
			break; /* "21:00 - 21:30 (30 min)" */
		} else if (!(s[k] == ':' || s[k] == '.' || s[k] == '-' || s[k] == ' ')) {
			return 0;
		}
	}
	return digits >= 3 && digits <= 8 && runs <= 4;
}

/* Is [a, e) a weekday, in full or short ("Monday", "Mon", "Weds")? */
static int weekday_any(const unsigned char *s, size_t a, size_t e)
{
	static const char *const SHORT[] = {"mon", "tue", "tues", "wed", "weds", "thu", "thur",
					    "thurs", "fri", "sat", "sun", NULL};
	return e > a && (weekday_word(s + a, e - a) || word_of(s, a, e, SHORT));
}

/* Does the cell [a, e) open with a weekday, in full or short ("Mon",
 * "Weds", "Sat/Sun")? */
static int grid_day_cell(const unsigned char *s, size_t a, size_t e)
{
	size_t w = a;
	while (w < e && sc_alpha(s[w]))
		w++;
	return weekday_any(s, a, w);
}

/*
 * s54-never: a care rota as a grid ("Call<TAB>Time<TAB>Mon<TAB>Tue<TAB>Wed
 * ..." then "AM<TAB>07:45-08:15<TAB>Stefan<TAB>..."): a header row of three
 * weekdays or more, cells between tabs or bars, and the rows under it whose
 * first or second cell is a time: those times are when someone comes to
 * her, so when she is home and when she is alone. The rows run to a line
 * with no cells; at most 16 rows a header.
 */
static int rota_grid(const unsigned char *s, size_t n, const struct textnorm *tn,
                     struct spans *all)
{
	size_t cs[TCELLS], ce[TCELLS];
	struct tabs tabs = {tn ? tn->tab : NULL, tn ? tn->ntab : 0, 0}, *tp = tabs.n ? &tabs : NULL;
	int rows = -1; /* under a header: the rows read so far */
	for (size_t a = 0; a < n;) {
		const unsigned char *nl = memchr(s + a, '\n', n - a);
		size_t e = nl ? (size_t)(nl - s) : n, next = nl ? e + 1 : n;
		unsigned char sep;
		size_t nc = line_cells(s, tp, a, e, &sep, cs, ce);
		a = next;
		if (nc < 4 || sep == ',') {
			rows = -1;
			continue;
		}
		size_t days = 0;
		for (size_t c = 0; c < nc; c++)
			days += grid_day_cell(s, cs[c], ce[c]);
		if (days >= 3) {
			rows = 0; /* a header (again) */
			continue;
		}
		if (rows < 0 || rows++ >= 16)
			continue;
		for (size_t c = 0; c < 2; c++)
			if (ce[c] > cs[c] && grid_time_cell(s, cs[c], ce[c]) &&
			    spans_push(all, cs[c], ce[c], SCRUB_SAFE_TIME, "time:rota-grid") != 0)
				return MGW_E_NOMEM;
	}
	return 0;
}

/* The start of the next run of letters in [*k, e), *k moved past it;
 * SIZE_MAX when none is left. */
static size_t next_letters(const unsigned char *s, size_t e, size_t *k)
{
	while (*k < e && !sc_alpha(s[*k]))
		(*k)++;
	if (*k >= e)
		return SIZE_MAX;
	size_t w = *k;
	while (*k < e && sc_alpha(s[*k]))
		(*k)++;
	return w;
}

/* The start of the next whole word of cue from *i (ASCII letters, not
 * inside a longer token), *i moved past it; SIZE_MAX when none is left. */
static size_t next_cue(const unsigned char *s, size_t n, size_t *i, const char *const *cue)
{
	for (size_t a; (a = next_letters(s, n, i)) != SIZE_MAX;)
		if (!(a > 0 && (sc_alnum(s[a - 1]) || s[a - 1] >= 0x80)) && !(*i < n && s[*i] >= 0x80) &&
		    word_of(s, a, *i, cue))
			return a;
	return SIZE_MAX;
}

/* From k, past separators (seps) and at most four words of skip between
 * them ("MPAN serial no: ", "code is now "): where the value starts. */
static size_t past_words(const unsigned char *s, size_t n, size_t k, const char *const *skip,
                         const char *seps)
{
	for (int w = 0; w < 4 && k < n; w++) {
		while (k < n && s[k] != 0 && strchr(seps, s[k]) != NULL)
			k++;
		size_t e = k;
		while (e < n && sc_alpha(s[e]))
			e++;
		if (e == k || !word_of(s, k, e, skip))
			break;
		k = e;
	}
	return k;
}

/*
 * s54-never: a meter's numbers at her new home ("New MPAN 19 0000 4471 882,
 * meter serial E17UP02214", "MPRN: 7349 1203 55"): the supply's number says
 * which flat it is to anyone who asks the supplier. After "MPAN", "MPRN" or
 * "meter" ("serial", "no", "number", "point" and ':' between), a token of
 * letters and digits with five digits or more, groups of digits spaced
 * or dashed, a supply's letter first (at most 40 bytes, never cut inside
 * a number).
 */
static int meter_numbers(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const CUE[] = {"mpan", "mprn", "meter", NULL};
	static const char *const SKIP[] = {"serial", "no", "number", "point", "is", "ref",
					   "reference", "id", NULL};
	for (size_t i = 0; next_cue(s, n, &i, CUE) != SIZE_MAX;) {
		size_t d = past_words(s, n, i, SKIP, " :.-"), e = d;
		int digits = 0;
		/* (a supply's letter first: "S 01 801 123 ...") */
		if (e + 2 < n && sc_upper(s[e]) && s[e + 1] == ' ' && sc_digit(s[e + 2]))
			e += 2;
		while (e < n && e - d < 40 && (sc_alnum(s[e]) ||
		                               ((s[e] == ' ' || s[e] == '-') && e + 1 < n &&
		                                sc_digit(s[e + 1]) && e > d && sc_digit(s[e - 1])))) {
			digits += sc_digit(s[e]) != 0;
			e++;
		}
		while (e < n && sc_alnum(s[e]))
			e++; /* (the cap ends no number halfway) */
		if (digits < 5 || (e < n && (s[e] == '/' || s[e] == ':' || s[e] >= 0x80)))
			continue;
		if (spans_push(all, d, e, SCRUB_LOCATION, "loc:meter") != 0)
			return MGW_E_NOMEM;
		i = e;
	}
	return 0;
}

/* Whether the word at [k, e) names a key safe, a door or a gate ("key"
 * only as a key safe's, box's, code's or pad's: not "Key worker"). */
static int access_word(const unsigned char *s, size_t n, size_t k, size_t e)
{
	static const char *const ACCESS[] = {"keysafe", "keybox", "lockbox", "door", "gate", "entry",
					     "keypad", "intercom", "buzzer", "alarm", "entrance",
					     NULL};
	static const char *const KEY_OF[] = {"safe", "box", "code", "pad", NULL};
	if (e - k != 3 || strncasecmp((const char *)s + k, "key", 3) != 0)
		return word_of(s, k, e, ACCESS);
	size_t x = e;
	while (x < n && (s[x] == ' ' || s[x] == '-'))
		x++;
	size_t y = x;
	while (y < n && sc_alpha(s[y]))
		y++;
	return word_of(s, x, y, KEY_OF);
}

static int clause_end(unsigned char c)
{
	return c == '\n' || c == '.' || c == ';' || c == '!' || c == '?';
}

/*
 * s54-never: the code of a key safe, a door's or a gate's keypad that opens
 * where she lives ("Access: key safe on the wall by the coal bunker, code
 * 5208", "KEY SAFE CODE CHANGED. NEW CODE 3 0 8 5", "gate code 4471",
 * "Keysafe 1234"): the code's digits, three to eight, spaced or not, after
 * "code", "PIN", "combination" or a key safe's own name ("Key safe:",
 * "Keypad"), when its clause names a key safe, a door, a gate or a keypad
 * within 120 bytes before it, or right after the code ("Code 4471 for the
 * key safe", "for", "the", "front" ... between; not after a code of
 * another kind: "crime code 5640 for the front door"); "key" only before
 * "safe", "box", "code", "pad": not "Key worker".
 * Not a date or a time ("code changed 18/02"), not a postcode, not a longer
 * number (a phone).
 */
static int access_codes(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const CUE[] = {"code", "pin", "combination", "combo", "keysafe", "keybox",
					  "lockbox", "keypad", "safe", NULL};
	static const char *const SELF[] = {"keysafe", "keybox", "lockbox", "keypad", NULL};
	static const char *const SKIP[] = {"is", "now", "new", "no", "number", "changed", "to",
					   "was", "of", "the", "code", "pin", NULL};
	static const char *const AFTER[] = {"for", "to", "on", "of", "the", "her", "front", "back",
					    "side", "main", "outside", NULL};
	static const char *const OTHER_CODE[] = {"crime", "incident", "offence", "job", "repair",
						 "ref", "reference", "outcome", "case", "fault",
						 "error", "booking", "order", NULL};
	for (size_t i = 0, a; (a = next_cue(s, n, &i, CUE)) != SIZE_MAX;) {
		/* forward over ": - is now no. #" to the digits */
		size_t d = past_words(s, n, i, SKIP, " :-=(\t.#'\""), e = d;
		int digits = 0;
		while (e < n && sc_digit(s[e])) {
			digits++;
			e++;
			/* "3 0 8 5", "30-85": one separator between digits */
			if (e + 1 < n && (s[e] == ' ' || s[e] == '-') && sc_digit(s[e + 1]))
				e++;
		}
		if (digits < 3 || digits > 8 ||
		    (e < n && (sc_alpha(s[e]) || s[e] == '/' || s[e] == ':' ||
			       (s[e] == '.' && e + 1 < n && sc_digit(s[e + 1])) || s[e] >= 0x80)))
			continue;
		/* not a code of another kind: "crime code 5640 for the front
		 * door", "job code 5521 for the back door" */
		size_t pc = a, pw;
		while (pc > 0 && s[pc - 1] == ' ')
			pc--;
		pw = pc;
		while (pw > 0 && sc_alpha(s[pw - 1]))
			pw--;
		if (word_of(s, pw, pc, OTHER_CODE))
			continue;
		/* the clause names a key safe, a door or a gate: the cue itself,
		 * within 120 bytes before it, or within 40 after the code ("Code
		 * 4471 for the key safe"); before it past a semicolon only when
		 * the code's clause is the code alone ("Key safe by the back door;
		 * code 5208.", not "Front door damaged; PIN 4471 reset by the
		 * bank") */
		size_t ce = e;
		while (ce < n && (s[ce] == ' ' || s[ce] == '#' || s[ce] == '*'))
			ce++;
		int alone = ce == n || clause_end(s[ce]) || s[ce] == ',';
		int access = word_of(s, a, i, SELF);
		for (size_t k = a; !access && k > 0 && a - k < 120 &&
				   ((s[k - 1] == ';' && alone && a - k <= 2) ||
				    !clause_end(s[k - 1]));) {
			if (!sc_alpha(s[k - 1])) {
				k--;
				continue;
			}
			size_t w = k;
			while (k > 0 && sc_alpha(s[k - 1]))
				k--;
			access = access_word(s, n, k, w);
		}
		size_t end = e;
		while (end < n && end - e < 40 && !clause_end(s[end]) && s[end] != ',')
			end++;
		for (size_t k = e, w; !access && (w = next_letters(s, end, &k)) != SIZE_MAX;) {
			access = access_word(s, n, w, k) && !(k < n && s[k] == '-'); /* ("door-step") */
			if (!access && !word_of(s, w, k, AFTER))
				break; /* ("code 301, then the door was forced") */
		}
		if (!access)
			continue;
		if (e < n && (s[e] == '#' || s[e] == '*'))
			e++;
		if (spans_push(all, d, e, SCRUB_LOCATION, "loc:access-code") != 0)
			return MGW_E_NOMEM;
		i = e;
	}
	return 0;
}

/* Is there a clock's time at k: a range ("10.30-11.30", "2-4pm", not
 * "18-20 December"), a 24-hour clock's range in four figures ("1400-1500",
 * "1400-1500hrs"), "14:00", "9.30am" or "2pm"? */
static int clock_at(const unsigned char *s, size_t n, size_t k)
{
	if (!sc_digit(s[k]) || (k > 0 && (sc_alnum(s[k - 1]) || s[k - 1] == '/' || s[k - 1] == '.')))
		return 0;
	size_t r = clock_range_at(s, n, k);
	if (r != 0) {
		/* (not days: "18-20 December") */
		while (r < n && s[r] == ' ')
			r++;
		size_t m = r;
		while (m < n && sc_alpha(s[m]))
			m++;
		return !(m > r && month_word(s + r, m - r));
	}
	size_t e = k;
	while (e < n && sc_digit(s[e]))
		e++;
	if (e - k == 4 && e + 4 < n && s[e] == '-' && sc_digit(s[e + 1]) && sc_digit(s[e + 2]) &&
	    sc_digit(s[e + 3]) && sc_digit(s[e + 4]) &&
	    (e + 5 == n || !sc_alnum(s[e + 5]) ||
	     (e + 8 <= n && strncasecmp((const char *)s + e + 5, "hrs", 3) == 0)))
		return (s[k] - '0') * 10 + (s[k + 1] - '0') < 24 && s[k + 2] < '6'; /* "1400-1500" */
	if (e - k > 2 || e + 1 >= n)
		return 0;
	if (((s[e] | 0x20) == 'a' || (s[e] | 0x20) == 'p') && (s[e + 1] | 0x20) == 'm' &&
	    (e + 2 == n || !sc_alnum(s[e + 2])))
		return 1; /* "2pm" */
	if (e + 2 >= n)
		return 0;
	if ((s[e] == ':' || s[e] == '.') && sc_digit(s[e + 1]) && sc_digit(s[e + 2]) &&
	    !(e + 3 < n && (sc_digit(s[e + 3]) || s[e + 3] == '.' || s[e + 3] == '/')))
		return s[e] == ':' || (e + 4 < n && ((s[e + 3] | 0x20) == 'a' || (s[e + 3] | 0x20) == 'p') &&
		                       (s[e + 4] | 0x20) == 'm');
	return 0;
}

/*
 * s55-never: an inpatient's leave and its times ("- Escorted leave 1 hr
 * daily in hospital grounds, 10.30-11.30 or 15.00-16.00", "1 HR UNESCORTED
 * GROUND LEAVE DAILY 1400-1500", "Section 17 leave Sun 2-4pm"): when she is
 * out of the ward, and where, the leave's clause (its line or sentence, 240
 * bytes at most) as her safe times. "leave" after "escorted",
 * "unescorted", "ground", "community", "home", "overnight", "s17" or
 * "section 17" (within two words), and a clock's time in the clause; not
 * "annual leave", nor "he would not leave until 3am", nor his leave (a
 * clause with "he", "his", "him", a perpetrator, a prison or a licence, or
 * someone's: "Francis's home leave"), nor the clause of a sentence before.
 */
static int ward_leave(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const CUE[] = {"leave", NULL};
	static const char *const QUAL[] = {"escorted", "unescorted", "ground", "community", "home",
					   "overnight", "s17", NULL};
	/* (his leave, or a prisoner's: "granted home leave from HMP Leeds") */
	static const char *const HIS[] = {"he", "his", "him", "perpetrator", "perp", "suspect",
					  "offender", "hmp", "prison", "prisoner", "licence", NULL};
	static const char *const SECTION[] = {"section", "s", "sec", NULL};
	for (size_t i = 0, a; (a = next_cue(s, n, &i, CUE)) != SIZE_MAX;) {
		int qual = 0;
		size_t k = a;
		for (int w = 0; w < 2 && !qual && k > 0; w++) {
			while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '('))
				k--;
			size_t e = k;
			while (k > 0 && sc_alnum(s[k - 1]))
				k--;
			if (e == k)
				break; /* (a sentence's end: "Police attended home. Leave was ...") */
			qual = word_of(s, k, e, QUAL);
			if (!qual && e - k == 2 && s[k] == '1' && s[k + 1] == '7') {
				size_t q = k;
				while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '.'))
					q--;
				size_t qe = q;
				while (q > 0 && sc_alpha(s[q - 1]))
					q--;
				qual = word_of(s, q, qe, SECTION);
			}
		}
		if (!qual)
			continue;
		/* the clause: back to its line's or sentence's start (past a
		 * list's bullet), on to its end */
		size_t b = a;
		while (b > 0 && a - b < 120 && s[b - 1] != '\n' && s[b - 1] != ';' &&
		       !(b >= 2 && s[b - 2] == '.' && s[b - 1] == ' ') && s[b - 1] != ':')
			b--;
		while (b < a && (s[b] == ' ' || s[b] == '-' || s[b] == '*' || s[b] == '\t'))
			b++;
		size_t e = i;
		int clock = 0;
		/* (a time right before the qualifier, a word between at most:
		 * "Daily 10.30-11.30 escorted leave"; not the meeting's, "MARAC
		 * 10am-12pm on 12/03, ... agreed escorted leave") */
		for (size_t q = k > b + 24 ? k - 24 : b; q < k; q++)
			clock |= clock_at(s, n, q);
		while (e < n && e - a < 240 && s[e] != '\n' && s[e] != ';' &&
		       !(s[e] == '.' && (e + 1 == n || s[e + 1] == ' ' || s[e + 1] == '\n'))) {
			clock |= clock_at(s, n, e);
			e++;
		}
		while (e < n && (sc_alnum(s[e]) || s[e] >= 0x80))
			e++; /* (the cap ends no word halfway) */
		/* his leave, a prisoner's, or anyone's named ("Francis's home
		 * leave"), is not hers */
		int other = 0;
		for (size_t q = b, w; !other && (w = next_letters(s, e, &q)) != SIZE_MAX;)
			other = word_of(s, w, q, HIS) ||
				(w < a && q - w == 1 && (s[w] | 0x20) == 's' && w > b && s[w - 1] == '\'');
		if (!clock || other)
			continue;
		if (spans_push(all, b, e, SCRUB_SAFE_TIME, "time:ward-leave") != 0)
			return MGW_E_NOMEM;
		i = e;
	}
	return 0;
}

/*
 * s56-never: the sender of each message of a chat's export ("[05/02/2027,
 * 19:24] Debs \xF0\x9F\x90\x8E: Oh god ...", "05/02/2027, 19:24 - Kev: ..."):
 * a person, however short or common the name ("Deb", "Mark"); the words
 * between the stamp and the colon (30 bytes at most, capitalised first,
 * letters, spaces, an apostrophe or emoji), unless kept (the victim's own
 * messages). A line's start, a date, a comma, a time, then "] " or " - ".
 */
static int chat_senders(const unsigned char *s, size_t n, struct spans *all,
			const struct spans *keep, const size_t *maxend)
{
	for (size_t i = 0; i < n;) {
		size_t k = i;
		const unsigned char *nl = memchr(s + i, '\n', n - i);
		size_t le = nl ? (size_t)(nl - s) : n;
		i = le + 1;
		if (k < le && s[k] == '[')
			k++;
		size_t d = k;
		while (k < le && (sc_digit(s[k]) || s[k] == '/' || s[k] == '.'))
			k++;
		if (k - d < 6 || k + 2 >= le || s[k] != ',' || s[k + 1] != ' ')
			continue;
		k += 2;
		size_t t = k;
		while (k < le && (sc_digit(s[k]) || s[k] == ':'))
			k++;
		if (k - t < 4 || k >= le)
			continue;
		if (s[k] == ']' && k + 1 < le && s[k + 1] == ' ')
			k += 2;
		else if (k + 3 < le && s[k] == ' ' && s[k + 1] == '-' && s[k + 2] == ' ')
			k += 3;
		else
			continue;
		if (!sc_upper(s[k]))
			continue;
		size_t a = k, e = k, c = k;
		int role = 0;
		while (c < le && c - a < 30 && s[c] != ':') {
			if (sc_alpha(s[c])) {
				/* (a role after the name in capitals stays: "Shona
				 * IDVA") */
				size_t w = c, up = 0;
				while (c < le && sc_alpha(s[c]))
					up += sc_upper(s[c++]);
				if (w > a && up == c - w && c - w >= 2)
					role = 1;
				if (!role)
					e = c;
				continue;
			}
			if (!(s[c] == ' ' || s[c] == '\'' || s[c] == '-' || s[c] >= 0x80))
				break;
			c++;
		}
		if (c >= le || s[c] != ':')
			continue;
		struct span x = {a, e, SCRUB_NAME, "chat:sender"};
		if (push_unkept(s, &x, keep, maxend, all) != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s56-never: when she is somewhere told by the part of the day she does
 * ("told him she does mornings", "she's on earlies this week", "She
 * works nights"): her routine, as her safe times; "she" (or "she's"), then
 * "does", "works", "is on", "'s on" or "covers", "the" at most, then a part
 * of the day or week in the plural. The words from "she" to the part's end.
 */
static int her_shift_part(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const CUE[] = {"she", "shes", NULL};
	static const char *const VERB[] = {"does", "works", "covers", "on", "is", "s", "doing",
					   "the", NULL};
	static const char *const PART[] = {"mornings", "afternoons", "evenings", "nights",
					   "earlies", "lates", "weekends", "nightshifts", NULL};
	for (size_t i = 0, a; (a = next_cue(s, n, &i, CUE)) != SIZE_MAX;) {
		size_t k = i, w;
		int verbs = 0;
		while ((w = next_letters(s, n, &k)) != SIZE_MAX && k - i < 40 &&
		       word_of(s, w, k, VERB))
			verbs++;
		if (w == SIZE_MAX || verbs == 0 || verbs > 3 || !word_of(s, w, k, PART))
			continue;
		if (spans_push(all, a, k, SCRUB_SAFE_TIME, "time:her-shift-part") != 0)
			return MGW_E_NOMEM;
		i = k;
	}
	return 0;
}

/*
 * s56-never: a place told by how many doors or houses it is from another
 * ("his van was found three doors from the bungalow", "parked a few doors
 * down from her mum's"): a spot on her street, or on someone's she goes to,
 * whoever the sentence is about; withheld from the number to the clause's
 * end (100 bytes at most) as a location. The number in figures or words
 * ("3", "three", "a few", "a couple of", "a dozen"), then "doors" or
 * "houses", then "down", "up", "along" or "away" (houses only so: "3
 * houses away from"), "from", and a place's opening ("the", "her", a flat,
 * her mum's: not "two houses from its own stock", "several doors from
 * 10pm").
 */
static int doors_from(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const CUE[] = {"doors", "houses", NULL};
	static const char *const HOW[] = {"down", "up", "along", "away", NULL};
	static const char *const COUNT[] = {"two", "three", "four", "five", "six", "seven", "eight",
					    "nine", "ten", "eleven", "twelve", "dozen", "few",
					    "several", "couple", NULL};
	/* (after "from", what a place's name opens with: not "two houses
	 * from its own stock", "several doors from 10pm") */
	static const char *const WHERE[] = {"the", "her", "his", "their", "where", "number", "no",
					    "flat", "house", "mum", "mums", "nan", "nans", NULL};
	for (size_t i = 0, a; (a = next_cue(s, n, &i, CUE)) != SIZE_MAX;) {
		/* the word before: a count */
		size_t k = a;
		while (k > 0 && s[k - 1] == ' ')
			k--;
		size_t we = k;
		while (k > 0 && sc_alnum(s[k - 1]))
			k--;
		if (we - k == 2 && strncasecmp((const char *)s + k, "of", 2) == 0) {
			/* "a couple of" */
			size_t c = k;
			while (c > 0 && s[c - 1] == ' ')
				c--;
			if (c >= 6 && strncasecmp((const char *)s + c - 6, "couple", 6) == 0 &&
			    !(c > 6 && sc_alpha(s[c - 7])))
				k = c - 6, we = c;
		}
		int count = sc_digit(s[k]) ? we - k <= 2 && sc_digit(s[we - 1])
					   : word_of(s, k, we, COUNT);
		if (k == we || !count)
			continue;
		size_t e = i, w;
		int how = 0;
		if ((w = next_letters(s, n, &e)) != SIZE_MAX && word_of(s, w, e, HOW))
			w = next_letters(s, n, &e), how = 1;
		if (w == SIZE_MAX || !word_of(s, w, e, (const char *const[]){"from", NULL}))
			continue;
		/* (houses only with how far: "3 houses away from", not "three
		 * houses from his portfolio") */
		size_t f = e, fw = next_letters(s, n, &f);
		if ((!how && (s[a] | 0x20) == 'h') || fw == SIZE_MAX || fw > e + 2 ||
		    !word_of(s, fw, f, WHERE))
			continue;
		while (e < n && e - a < 100 && !clause_end(s[e]) && s[e] != ',' && s[e] != ')')
			e++;
		while (e < n && (sc_alnum(s[e]) || s[e] >= 0x80))
			e++; /* (the cap ends no word halfway) */
		if (spans_push(all, k, e, SCRUB_LOCATION, "loc:doors-from") != 0)
			return MGW_E_NOMEM;
		i = e;
	}
	return 0;
}

/*
 * s46-never: where her device was last seen ("a Find My share of her old
 * iPad, last seen 10/03 18:22 at <Place>, the Costa, 20 minutes from
 * <Friend>'s; she has wiped it", "Her phone was last seen on Monday at
 * <Place>"): the place, to the sentence's or clause's end (200 bytes at
 * most), when a device of hers comes before "last seen" in its clause ("her
 * old iPad"; not "his phone", nor her son or her dog last seen somewhere).
 * One pass: each search starts after the span it found.
 */
static int her_last_seen(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const DEVICE[] = {"phone", "iphone", "mobile", "handset", "ipad", "tablet",
					     "laptop", "watch", "airtag", "tag", "tile", "car", "device",
					     NULL};
	static const char *const WHEN[] = {"on", "was", "at", "around", "about", "approx", "last",
					   "night", "evening", "morning", NULL}; /* (and a weekday) */
	static const char *const AT[] = {"at", "near", "in", "outside", "around", NULL};
	for (size_t from = 0; from + 9 <= n;) {
		const unsigned char *p = NULL;
		for (size_t q = from; q + 9 <= n; q++) /* (case-blind: "Last seen") */
			if ((s[q] | 0x20) == 'l' && strncasecmp((const char *)s + q, "last seen", 9) == 0) {
				p = s + q;
				break;
			}
		if (p == NULL)
			break;
		size_t i = (size_t)(p - s);
		from = i + 9;
		if ((i > 0 && sc_alpha(s[i - 1])) || (i + 9 < n && sc_alpha(s[i + 9])))
			continue;
		/* back over the clause: a device, "her" within three words before it */
		int hers = 0, words = 0, dev_at = -1;
		for (size_t k = i; k > 0 && i - k < 160 && !hers;) {
			unsigned char c = s[k - 1];
			if (c == '.' || c == ';' || c == '\n')
				break; /* (a label's colon goes on: "Her phone: last seen") */
			if (!sc_alpha(c)) {
				k--;
				continue;
			}
			size_t e = k;
			while (k > 0 && sc_alpha(s[k - 1]))
				k--;
			words++;
			if (dev_at < 0 && word_of(s, k, e, DEVICE))
				dev_at = words;
			else if (dev_at >= 0 && words - dev_at <= 3 && word_of(s, k, e, (const char *const[]){"her", NULL}))
				hers = 1;
			else if (dev_at >= 0 && words - dev_at > 3)
				break;
		}
		if (!hers)
			continue;
		/* forward over its time: "10/03 18:22", "on Monday", "was" */
		size_t k = i + 9, w = k;
		for (int m = 0; m < 6; m++) {
			while (k < n && (s[k] == ' ' || sc_digit(s[k]) || s[k] == '/' || s[k] == ':' ||
					 s[k] == ','))
				k++;
			w = k;
			while (k < n && sc_alpha(s[k]))
				k++;
			if (word_of(s, w, k, AT) && k < n && s[k] == ' ' &&
			    !(k + 1 < n && sc_digit(s[k + 1])))
				break; /* (not "at 18:22": a time) */
			if (!(k > w && (word_of(s, w, k, WHEN) || weekday_word(s + w, k - w))) &&
			    !(k > w && k - w <= 2))
				break;
		}
		if (!word_of(s, w, k, AT) || k >= n || s[k] != ' ')
			continue;
		size_t e = k;
		while (e < n && e - k < 200 && s[e] != ';' && s[e] != '\n' &&
		       !(s[e] == '.' && (e + 1 == n || s[e + 1] == ' ' || s[e + 1] == '\n') &&
			 sentence_stop(s, k, e)))
			e++;
		while (e < n && (sc_alnum(s[e]) || s[e] >= 0x80))
			e++; /* (the cap ends no word halfway) */
		if (e > k + 1 && spans_push(all, w, e, SCRUB_LOCATION, "loc:last-seen") != 0)
			return MGW_E_NOMEM;
		from = e > from ? e : from;
	}
	return 0;
}

static int propagate_places(const unsigned char *s, size_t n, struct spans *all, size_t from,
                            const struct spans *keep, const size_t *maxend)
{
	struct prop_word w[PROP_WORDS];
	size_t to = all->n, nw = place_words(s, all, from, to, keep, maxend, w);
	if (nw == PROP_FULL)
		return MGW_E_TOO_LARGE; /* more places than one pass carries: withheld */
	if (nw == 0)
		return 0;
	/* The location spans sorted by start: occurrences come in increasing
	 * order, so one sweep per word says whether one is covered (a town
	 * named a thousand times in a long text costs no span loop each).
	 * The sweep reads only which spans start by a point, not their order
	 * among equal starts; the passes found them nearly in order, which
	 * spans_sort's natural merge takes as it comes. */
	struct spans ls = {malloc((to - from) * sizeof *ls.v), 0, to - from};
	if (ls.v == NULL)
		return MGW_E_NOMEM;
	for (size_t j = from; j < to; j++)
		if (all->v[j].kind == SCRUB_LOCATION)
			ls.v[ls.n++] = all->v[j];
	spans_sort(&ls);
	const struct span *loc = ls.v;
	const size_t nl = ls.n;
	/* Every word starts with a capital: one pass over the text for all
	 * of them (not a memmem pass each), looking closer only at a capital
	 * that starts a word and that some word starts with. The spans come
	 * in order of start, not word by word: spans_sort orders them alike. */
	uint32_t first = 0, low = 0;
	for (size_t k = 0; k < nw; k++) {
		first |= 1u << (s[w[k].a] - 'A');
		/* s56-never: a town the lexicon knows, no common word, five
		 * letters or more, in a text typed in small letters too
		 * ("Father texted \"sainsburys lewes, nice\"") */
		w[k].lower = w[k].common == 0 && w[k].n >= 5 && !w[k].init &&
			     !scrub_common_word((const char *)s + w[k].a, w[k].n) &&
			     (lex_classify((const char *)s + w[k].a, w[k].n) &
			      (LEX_PLACE | LEX_COMMON)) == LEX_PLACE;
		if (w[k].lower)
			low |= 1u << (s[w[k].a] - 'A');
	}
	int rc = 0;
	size_t li = 0, reach = 0;
	for (size_t a = 0; a < n && rc == 0; a++) {
		if (!low && (a = ar_to_upper(s, a, n)) >= n)
			break;
		unsigned c = s[a];
		int up = sc_upper(c);
		if (!(up ? first >> (c - 'A') & 1 : sc_lower(c) && low >> (c - 'a') & 1) ||
		    (a > 0 && (sc_alnum(s[a - 1]) || s[a - 1] >= 0x80)))
			continue;
		for (size_t k = 0; k < nw && rc == 0; k++) {
			size_t e = a + w[k].n;
			if (up ? s[w[k].a] != c : !w[k].lower || s[w[k].a] != c - 0x20)
				continue;
			/* s49-never: a long place's first letters and a stop, as a
			 * table's cell shortens it ("Wash." of Washington): 4 or
			 * more letters, the word 7 or more */
			size_t m = 0;
			if (w[k].n >= 7 && w[k].common != THE_ONLY &&
			    !(e <= n && prop_cmp(s, a, w[k].n, &w[k]))) {
				while (m < w[k].n - 2 && a + m < n && s[a + m] == s[w[k].a + m])
					m++;
				if (m >= 4 && a + m < n && s[a + m] == '.' && a + m > 0 &&
				    sc_alpha(s[a + m - 1])) {
					for (; li < nl && loc[li].start <= a; li++)
						reach = loc[li].end > reach ? loc[li].end : reach;
					if (reach < a + m + 1)
						rc = spans_push(all, a, a + m + 1, SCRUB_LOCATION, "place:again");
					continue;
				}
				continue;
			}
			/* (in any case, as a note writes a town in capitals in one
			 * line and not the next: prop_cmp; a short word in
			 * capitals, a person's initials, exactly) */
			if (e > n || !prop_cmp(s, a, w[k].n, &w[k]))
				continue;
			if (e < n && (sc_alnum(s[e]) || s[e] >= 0x80))
				continue; /* inside a longer word */
			if (w[k].common == THE_ONLY &&
			    !(a >= 4 && s[a - 1] == ' ' && strncasecmp((const char *)s + a - 4, "the", 3) == 0 &&
			      (a == 4 || !sc_alpha(s[a - 5])) &&
			      !(e + 1 < n && s[e] == ' ' && sc_upper(s[e + 1]))))
				continue; /* "the Lodge", not "Lodge Lane", "the Lodge Hotel" */
			/* In a council's name too ("<Town> Council housed her"
			 * says where she is as plainly as the town alone), not a
			 * police force's or a court's (agency_after). */
			for (; li < nl && loc[li].start <= a; li++)
				reach = loc[li].end > reach ? loc[li].end : reach;
			if (reach < e && !agency_after(s, n, a, e)) {
				size_t ja = a, je = council_after(s, n, place_next_word(s, n, e));
				journey_from(s, n, &ja, &je);
				rc = spans_push(all, ja, je, SCRUB_LOCATION, "place:again");
			}
		}
	}
	spans_free(&ls);
	return rc;
}

/*
 * s43-never: a place by its initials, as notes shorten a named B&B,
 * hostel or guest house once they have written it in full ("TA placed
 * Glenurquhart Lodge B&B, Drumnadrochit ... Visit at GLBB", "Bay View
 * Guest House ... TA inspection BVGH rm 6"): a run of two capitalised
 * words or more inside a span of an address or where she is
 * gives its letters ("B&B" two of them); three letters or more, each
 * written in capitals as a word of its own elsewhere (not a reference's
 * part nor an agency's letters a list knows), go with the place's kind.
 */
#define PI_MAX 16
/* Add the m letters x with the place's kind to pi/pk, each once, at most PI_MAX. */
#define PI_CHAIN 0x100u /* a hotel chain's letters ("TL", "PI"): a town may follow them */
static void pi_add(char (*pi)[9], unsigned *pk, size_t *np, const char *x, size_t m, unsigned kind)
{
	for (size_t k = 0; k < *np; k++)
		if (strlen(pi[k]) == m && memcmp(pi[k], x, m) == 0)
			return;
	if (*np == PI_MAX)
		return;
	memcpy(pi[*np], x, m);
	pi[*np][m] = '\0';
	pk[(*np)++] = kind;
}

/* Two letters that are a service's, a role's or an order's, no place's
 * ("the LA", "the HB office", "the RO", "IP", "rm") */
static const char *const TWO_NOT[] = {"la", "hb", "ro", "ed", "uc", "ae", "ip", "po",
				       "mp", "tv", "wc", "rm", "ct", "sa", "vp", NULL};

static int place_initials(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	char pi[PI_MAX][9];
	unsigned pk[PI_MAX];
	size_t np = 0, to = all->n;
	for (size_t j = from; j < to && np < PI_MAX; j++) {
		unsigned kind = all->v[j].kind;
		if (kind != SCRUB_LOCATION && kind != SCRUB_ADDRESS)
			continue; /* (a school's, a trust's letters are an agency's: "LNWUH") */
		char ac[9];
		size_t m = 0, words = 0;
		for (size_t i = all->v[j].start; i <= all->v[j].end; i++) {
			/* s48-never: its letters given in brackets after it
			 * ("Holiday Inn Express Luton South (HIX), room 214" ...
			 * "the HIX duty manager") */
			if (i < all->v[j].end && s[i] == '(' && i > all->v[j].start + 3 && s[i - 1] == ' ' &&
			    sc_alpha(s[i - 2]) && words >= 2) { /* (right after its words: not
			                                         * "tenancy (SBC)") */
				size_t e = i + 1;
				while (e < all->v[j].end && e - i <= 5 && sc_upper(s[e]))
					e++;
				if (e - i >= 3 && e - i <= 5 && e < n && s[e] == ')' &&
				    !word_of(s, i + 1, e, INITIALS_ROLE) && !word_of(s, i + 1, e, INITIALS_NOT))
					pi_add(pi, pk, &np, (const char *)s + i + 1, e - i - 1, kind);
			}
			int at_word = i < all->v[j].end && sc_upper(s[i]) && (i == all->v[j].start || s[i - 1] == ' ');
			if (at_word) {
				size_t e = i;
				while (e < all->v[j].end && (sc_alpha(s[e]) || s[e] == '&' || s[e] == '\''))
					e++;
				if (e < all->v[j].end && s[e] != ' ' && s[e] != ',' && s[e] != '\n' && s[e] != '.')
					at_word = 0; /* "12a", "Rd." is fine: '.' */
				else if (m < 8) {
					ac[m++] = (char)s[i];
					/* "Travelodge": notes write "the TL" */
					if (e - i == 10 && strncasecmp((const char *)s + i, "travelodge", 10) == 0)
						pi_add(pi, pk, &np, "TL", 2, kind | PI_CHAIN);
					/* s48-never: a chain already by its letters, first
					 * before its branch ("booked TL Bfd Central, rm
					 * 214" ... "opposite the TL"): the letters again */
					int caps = words == 0 && e - i == 2 && e + 2 < all->v[j].end &&
						   s[e] == ' ' && sc_upper(s[e + 1]) && sc_lower(s[e + 2]);
					for (size_t x = i; x < e && caps; x++)
						caps = sc_upper(s[x]);
					if (caps && !word_of(s, i, e, INITIALS_ROLE) && !word_of(s, i, e, INITIALS_NOT) &&
					    !word_of(s, i, e, TWO_NOT))
						pi_add(pi, pk, &np, (const char *)s + i, e - i, kind | PI_CHAIN);
					for (size_t x = i + 1; x + 1 < e && m < 8; x++)
						if (s[x] == '&' && sc_upper(s[x + 1]))
							ac[m++] = (char)s[x + 1]; /* "B&B" */
					words++;
					/* s46-never: a hotel chain's two words before its
					 * branch ("Premier Inn Wakefield City Centre"):
					 * notes write "PI Wakefield" */
					if (words == 2 && m == 2 && e < all->v[j].end && s[e] == ' ' &&
					    word_of(s, i, e, (const char *const[]){"inn", "hotel", "lodge", NULL}))
						pi_add(pi, pk, &np, ac, 2, kind | PI_CHAIN);
					i = e;
					if (i < all->v[j].end && s[i] == ' ')
						continue;
				}
			}
			/* the run ends: keep its letters if long enough (two
			 * letters, taken after "the" alone: "the PI", "the HH front
			 * door"; not the letters of a service, a role or an order:
			 * "the LA", "the HB office", "the RO") */
			if (words >= 2 && m <= 8 &&
			    (m >= 3 || (m == 2 && !word_of((const unsigned char *)ac, 0, 2, TWO_NOT) &&
					!word_of((const unsigned char *)ac, 0, 2, INITIALS_NOT) &&
					!word_of((const unsigned char *)ac, 0, 2, INITIALS_ROLE)))) {
				pi_add(pi, pk, &np, ac, m, kind);
			}
			m = 0, words = 0;
		}
	}
	if (np == 0)
		return 0;
	for (size_t i = 0; i + 2 <= n; i++) {
		if (!sc_upper(s[i]) || (i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] >= 0x80 || s[i - 1] == '/' || s[i - 1] == '-')))
			continue;
		size_t e = i;
		while (e < n && e - i <= 8 && sc_upper(s[e]))
			e++;
		if (e < n && (sc_alnum(s[e]) || s[e] >= 0x80 || ((s[e] == '/' || s[e] == '-') && e + 1 < n && sc_alnum(s[e + 1])))) {
			i = e;
			continue;
		}
		/* two letters only after "the" ("the PI room", "from the TL"),
		 * or before a town the lexicon knows (s46: "PI Wakefield until
		 * then", "Room 208, TL Derby PP": the branch) */
		int the = i >= 4 && s[i - 1] == ' ' && strncasecmp((const char *)s + i - 4, "the", 3) == 0 &&
			  (i == 4 || !sc_alpha(s[i - 5])), town = 0;
		size_t te = e + 1;
		if (e + 2 < n && s[e] == ' ' && sc_upper(s[e + 1])) {
			while (te < n && sc_alpha(s[te]))
				te++;
			town = te - e - 1 >= 3 && (te == n || !sc_alnum(s[te])) &&
			       (lex_classify((const char *)s + e + 1, te - e - 1) & LEX_PLACE);
		}
		for (size_t k = 0; k < np; k++)
			if (strlen(pi[k]) == e - i && memcmp(pi[k], s + i, e - i) == 0 &&
			    (e - i >= 3 || the || (town && (pk[k] & PI_CHAIN))) &&
			    !word_of(s, i, e, INITIALS_ROLE) &&
			    !(lex_classify((const char *)s + i, e - i) & (LEX_ALLOW | LEX_FUNCTION))) {
				/* (s48-never: with its branch's town: "Booked PIL
				 * Lewisham, family rm") */
				if (spans_push(all, i, town ? te : e, pk[k] & ~PI_CHAIN, "place:initials") != 0)
					return MGW_E_NOMEM;
				break;
			}
		i = e;
	}
	return 0;
}

/* Is span x a place found by one of the rules (NULL-ended)? */
static int place_rule_in(const struct span *x, const char *const *rules)
{
	if (x->kind != SCRUB_PLACE || x->rule == NULL)
		return 0;
	for (; *rules; rules++)
		if (strcmp(x->rule, *rules) == 0)
			return 1;
	return 0;
}

/*
 * s52: a workplace found by its cue ("has worked for Nail Envy as a nail
 * technician") is named again by its name, in capitals on a letter's head
 * too ("NAIL ENVY\nUnit 7, <Arcade>, <Town> <Postcode>"): the span's
 * leading run of one to four capitalised words (four letters or more in
 * all; one word alone only when it is no common word, no chain or town
 * the lexicon knows) goes wherever written with a capital; alone on its
 * line, as a letter's head, the line after it (the firm's address) goes
 * with it when it holds a comma and a figure. At most PROP_WORDS names.
 */
/* Does s[a, e) hold a UK postcode's shape ("NR1 3DD", "LL49 9XR"): one or
 * two capitals, a digit, a digit or capital maybe, a space, a digit and
 * two capitals? */
static int postcode_in(const unsigned char *s, size_t a, size_t e)
{
	for (size_t i = a; i + 6 <= e; i++) {
		if (!sc_upper(s[i]) || (i > a && sc_alnum(s[i - 1])))
			continue;
		size_t k = i + 1;
		if (k < e && sc_upper(s[k]))
			k++;
		if (k >= e || !sc_digit(s[k]))
			continue;
		k++;
		if (k < e && (sc_digit(s[k]) || sc_upper(s[k])))
			k++;
		if (k + 4 <= e && s[k] == ' ' && sc_digit(s[k + 1]) && sc_upper(s[k + 2]) &&
		    sc_upper(s[k + 3]) && (k + 4 == e || !sc_alnum(s[k + 4])))
			return 1;
	}
	return 0;
}

/* Does a capitalised word end at e (a name's word before a space)? */
static int word_cap_before(const unsigned char *s, size_t e)
{
	size_t a = e;
	while (a > 0 && sc_alpha(s[a - 1]))
		a--;
	return a < e && sc_upper(s[a]) && !sentence_start(s, a);
}

static int propagate_workplaces(const unsigned char *s, size_t n, struct spans *all, size_t from,
                                const struct spans *keep, const size_t *maxend)
{
	struct prop_word w[PROP_WORDS];
	size_t nw = 0, to = all->n;
	for (size_t j = from; j < to && nw < PROP_WORDS; j++) {
		const struct span *x = &all->v[j];
		if (!place_rule_in(x, (const char *const[]){"place:workplace", NULL}))
			continue;
		size_t i = x->start, e = i, words = 0, letters = 0;
		while (i < x->end && words < 5 && sc_upper(s[i])) {
			size_t we = i;
			while (we < x->end && (sc_alpha(s[we]) || s[we] == '&' || s[we] == '\''))
				we++;
			if (we < x->end && s[we] != ' ' && s[we] != ',')
				break;
			/* (not a public body's, a chain's or a hospital's: "works
			 * at <Town> Maternity" names the hospital every note names) */
			if (lex_classify((const char *)s + i, we - i) & (LEX_INSTITUTION | LEX_ALLOW | LEX_PHRASE)) {
				words = 0;
				break;
			}
			words++, letters += we - i, e = we;
			if (we >= x->end || s[we] != ' ')
				break;
			i = we + 1;
		}
		if (words == 0 || words > 4 || letters < 4)
			continue;
		if (words == 1 && ((lex_classify((const char *)s + x->start, e - x->start) &
		                    (LEX_COMMON | LEX_ALLOW | LEX_PLACE | LEX_FORENAME | LEX_INSTITUTION)) ||
		                   (e + 1 < x->end && s[e] == ' ' && sc_lower(s[e + 1]))))
			continue; /* (one word before a kind: "the Kingsmoor recycling
			           * plant", a place's name as often as the firm's) */
		int dup = 0;
		for (size_t k = 0; k < nw && !dup; k++)
			dup = w[k].n == e - x->start && strncasecmp((const char *)s + w[k].a,
			                                            (const char *)s + x->start, w[k].n) == 0;
		if (!dup)
			w[nw++] = (struct prop_word){x->start, e - x->start, 0, 0, 0};
	}
	/* one pass over the text for all of them (as propagate_places): a
	 * capital that starts a word and that some name starts with */
	uint32_t first = 0;
	for (size_t k = 0; k < nw; k++)
		first |= 1u << ((s[w[k].a] | 0x20) - 'a');
	int rc = 0;
	for (size_t a = 0; a < n && rc == 0; a++) {
		if (!sc_upper(s[a]) || !(first >> ((s[a] | 0x20) - 'a') & 1) ||
		    (a > 0 && (sc_alnum(s[a - 1]) || s[a - 1] >= 0x80)))
			continue;
		for (size_t k = 0; k < nw && rc == 0; k++) {
			if ((s[a] | 0x20) != (s[w[k].a] | 0x20) || a == w[k].a || a + w[k].n > n ||
			    strncasecmp((const char *)s + a, (const char *)s + w[k].a, w[k].n) != 0)
				continue;
			size_t e = a + w[k].n;
			if (e < n && (sc_alnum(s[e]) || s[e] >= 0x80))
				continue;
			if ((e + 1 < n && s[e] == ' ' && sc_upper(s[e + 1])) ||
			    (a >= 3 && s[a - 1] == ' ' && sc_alpha(s[a - 2]) && word_cap_before(s, a - 1)))
				continue; /* inside another name: "<Name> Maternity",
				           * "University Hospital <Name>" */
			int multi;
			if (keep->n && kept_at(s, keep, maxend, a, e, &multi))
				continue;
			/* a letter's head: alone on its line, the firm's address next */
			size_t la = a, le = e;
			while (la > 0 && s[la - 1] == ' ')
				la--;
			while (le < n && s[le] == ' ')
				le++;
			if ((la == 0 || s[la - 1] == '\n') && le < n && s[le] == '\n') {
				size_t b = le + 1, be = b;
				int comma = 0, digit = 0;
				while (be < n && s[be] != '\n') {
					comma |= s[be] == ',';
					digit |= sc_digit(s[be]);
					be++;
				}
				while (be > b && s[be - 1] == ' ')
					be--;
				if (comma && digit && be > b && !sc_digit(s[b]) && postcode_in(s, b, be))
					e = be; /* (not a dated entry: "12/03/2026, PC ...") */
			}
			rc = spans_push(all, a, e, SCRUB_PLACE, "place:workplace-again") != 0 ? MGW_E_NOMEM : 0;
			a = e - 1;
			break;
		}
	}
	return rc;
}

/*
 * s52-never: her room's, caravan's or pitch's number named alone once the
 * note has given it with its kind ("Guest: ..., Rm 214" ... "the lady from
 * 214 with the little boy"; her address "Caravan 41, ..." ... "Kerry in 41
 * has had a terrible time"): the numbers (two to four digits) after such a
 * word inside a span of where she is or of her never-share address (vals'
 * never rules), withheld where the text writes one bare after "in" or
 * "from" with nothing after it but a stop or a function word (not "in 41
 * days", "from 12 to 14 March": a count, a range).
 */
#define UNIT_MAX 8
static int unit_numbers_again(const unsigned char *s, size_t n, struct spans *all, size_t from,
                              const struct spans *vals)
{
	static const char *const UNIT[] = {"room", "rm", "caravan", "van", "chalet", "plot",
					   "pitch", "berth", "cabin", "lodge", NULL};
	static const char *const PREP[] = {"in", "from", NULL};
	static const char *const NOT_NEXT[] = {"to", "till", "until", "and", "on", "or", "at", "of",
					       NULL};
	size_t ua[UNIT_MAX], ul[UNIT_MAX], nu = 0, to = all->n;
	for (size_t j = from; j < to + vals->n && nu < UNIT_MAX; j++) {
		const struct span *x = j < to ? &all->v[j] : &vals->v[j - to];
		if (j < to ? x->kind != SCRUB_LOCATION
		           : !(x->rule != NULL && strncmp(x->rule, "never:", 6) == 0))
			continue;
		for (size_t i = x->start; i < x->end && nu < UNIT_MAX;) {
			if (!sc_alpha(s[i]) || (i > x->start && sc_alnum(s[i - 1]))) {
				i++;
				continue;
			}
			size_t e = i;
			while (e < x->end && sc_alpha(s[e]))
				e++;
			size_t d = e; /* "Rm 214", "Rm. 214", "Room: 214", "Room no. 214" */
			if (d < n && (s[d] == '.' || s[d] == ':'))
				d++;
			if (d + 4 < n && s[d] == ' ' && (s[d + 1] | 0x20) == 'n' && (s[d + 2] | 0x20) == 'o' &&
			    (s[d + 3] == '.' || s[d + 3] == ' '))
				d += s[d + 3] == '.' ? 4 : 3;
			int sp = d < n && s[d] == ' ';
			d += sp;
			size_t de = d;
			while (de < n && de - d < 5 && sc_digit(s[de]))
				de++;
			if (sp && de - d >= 2 && de - d <= 4 &&
			    !(de < n && (sc_alnum(s[de]) || s[de] == '/' || s[de] == ':')) &&
			    word_of(s, i, e, UNIT)) {
				int dup = 0;
				for (size_t k = 0; k < nu && !dup; k++)
					dup = ul[k] == de - d && memcmp(s + ua[k], s + d, de - d) == 0;
				if (!dup)
					ua[nu] = d, ul[nu++] = de - d;
			}
			i = e;
		}
	}
	for (size_t k = 0; k < nu; k++) {
		for (size_t i = 0; i + ul[k] <= n;) {
			const unsigned char *q = memmem(s + i, n - i, s + ua[k], ul[k]);
			if (q == NULL)
				break;
			size_t a = (size_t)(q - s), e = a + ul[k];
			i = e;
			if ((a > 0 && (sc_alnum(s[a - 1]) || s[a - 1] == '/' || s[a - 1] == ':' ||
			               s[a - 1] == '.' || s[a - 1] == ',' || s[a - 1] >= 0x80)) ||
			    (e < n && (sc_alnum(s[e]) || s[e] == '/' || s[e] == ':' || s[e] == '%' ||
			               s[e] >= 0x80 || ((s[e] == '.' || s[e] == ',') && e + 1 < n &&
			                                sc_digit(s[e + 1])))))
				continue; /* inside a number, a date, a clock */
			if (a < 2 || s[a - 1] != ' ')
				continue;
			size_t pe = a - 1, pa = pe;
			while (pa > 0 && sc_alpha(s[pa - 1]))
				pa--;
			if (pa == pe || !word_of(s, pa, pe, PREP))
				continue;
			if (e < n && s[e] == ' ') { /* the next word: a function word only */
				size_t we = prop_word_end(s, n, e + 1);
				if (we > e + 1 && (!(lex_classify((const char *)s + e + 1, we - e - 1) &
				                     (LEX_FUNCTION | LEX_MODAL)) ||
				                   word_of(s, e + 1, we, NOT_NEXT)))
					continue; /* (a range, "from 12 to 14 March") */
			}
			if (spans_push(all, a, e, SCRUB_LOCATION, "place:unit-again") != 0)
				return MGW_E_NOMEM;
		}
	}
	return 0;
}

/*
 * s42: a school or GP surgery found by its kind ("New school: Thornhill
 * Lees C of E Primary") is named again by its own words alone ("MIL seen
 * parked outside Thornhill Lees at 1510hrs"): the capitalised words before
 * its kind, one to three (the first of "C of E", "RC" ends them too), at
 * least one of four letters or more that is no
 * common word, none an agency, a town or a place the lexicon allows (a
 * town's school, "Bradford Grammar", would take the town with it), are
 * withheld as the place wherever the text writes them so, capitalised and
 * whole, not kept, and not followed by another capitalised word (a town's
 * school names its court too: "Portree Primary", "Portree Sheriff Court").
 * One memmem pass per head, at most PROP_WORDS heads.
 */
static int propagate_place_heads(const unsigned char *s, size_t n, struct spans *all, size_t from,
                                 const struct spans *keep, const size_t *maxend)
{
	struct prop_word w[PROP_WORDS];
	size_t nw = 0, to = all->n;
	for (size_t j = from; j < to && nw < PROP_WORDS; j++) {
		const struct span *x = &all->v[j];
		if (!place_rule_in(x, (const char *const[]){"place:school", "place:gp", NULL}))
			continue;
		size_t a = x->start, i = a, words = 0, head_end = a;
		int strong = 0, bad = 0;
		while (i < x->end && words < 4) {
			if (!sc_upper(s[i]))
				break;
			size_t e = prop_word_end(s, x->end, i);
			unsigned b = lex_classify((const char *)s + i, e - i);
			if ((b & LEX_INSTITUTION) || e - i <= 2)
				break; /* its kind, or "C of E", "RC", "CE" */
			if ((b & (LEX_ALLOW | LEX_PLACE | LEX_FUNCTION | LEX_PARTICLE |
			                         LEX_TITLE | LEX_RANK | LEX_KIN)))
				bad = 1;
			if (e - i >= 4 && !(b & LEX_COMMON))
				strong = 1;
			words++;
			head_end = e;
			if (e >= x->end || s[e] != ' ')
				break;
			i = e + 1;
		}
		if (words == 0 || words > 3 || bad || !strong || head_end >= x->end)
			continue;
		if (prop_add_pair(s, w, &nw, a, head_end, keep, maxend) != 0)
			break; /* (not reached: the loop stops at PROP_WORDS) */
	}
	if (nw == 0)
		return 0;
	/* The spans found before, sorted by start: each head's matches come
	 * in increasing order, so one sweep per head says whether a match is
	 * covered (as propagate_places; a name said a thousand times costs no
	 * span loop each). */
	struct spans ls = {malloc((to ? to : 1) * sizeof *ls.v), 0, to};
	if (ls.v == NULL)
		return MGW_E_NOMEM;
	for (size_t j = 0; j < to; j++)
		ls.v[ls.n++] = all->v[j];
	spans_sort(&ls);
	int rc = 0;
	for (size_t k = 0; k < nw && rc == 0; k++) {
		size_t li = 0, reach = 0;
		for (size_t i = 0; i + w[k].n <= n && rc == 0;) {
			const unsigned char *q = memmem(s + i, n - i, s + w[k].a, w[k].n);
			if (q == NULL)
				break;
			size_t a = (size_t)(q - s), e = a + w[k].n;
			i = a + 1;
			if ((a > 0 && (sc_alnum(s[a - 1]) || s[a - 1] >= 0x80)) ||
			    (e < n && (sc_alnum(s[e]) || s[e] >= 0x80)))
				continue;
			if (e + 1 < n && s[e] == ' ' && sc_upper(s[e + 1]))
				continue; /* inside another name: "<Town> Sheriff Court" */
			for (; li < ls.n && ls.v[li].start <= a; li++)
				reach = ls.v[li].end > reach ? ls.v[li].end : reach;
			int multi;
			if (reach >= e || (keep->n && kept_at(s, keep, maxend, a, e, &multi)))
				continue;
			rc = spans_push(all, a, e, SCRUB_PLACE, "place:again") != 0 ? MGW_E_NOMEM : 0;
		}
	}
	spans_free(&ls);
	return rc;
}

/* Does the text at i end a cell or a clause: spaces (a table's tab is
 * one) then no letter ("Old Trafford\t2\t06/02", a comma, the end)? */
static int cell_end(const unsigned char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i == n || !(sc_alpha(s[i]) || s[i] >= 0x80 || s[i] == '(');
}

/* The second word of a district after a common one ("Old Trafford",
 * "Great Barr"): nothing but a name, or a town the lexicon knows. */
static int district_word(unsigned b, unsigned not_district)
{
	if (b & LEX_PLACE)
		b &= ~LEX_ALLOW;
	return !(b & (LEX_COMMON | LEX_STREET | not_district));
}

/*
 * s34: right after an address, a bracket of one to five capitalised
 * words that names who holds it ("31 Milnrow Road, Rochdale (Rochdale
 * Boroughwide Housing)": its landlord, whose name says the town): the
 * end after ')' when the words are not kept, else 0. Not a bracket of
 * kin or of lower-case words ("(his mum's)"), nor one with a number.
 */
static size_t landlord_bracket(const unsigned char *s, size_t n, size_t i, const struct spans *keep,
			       const size_t *maxend)
{
	if (i + 3 >= n || s[i] != ' ' || s[i + 1] != '(' || !sc_upper(s[i + 2]))
		return 0;
	size_t k = i + 2;
	for (int w = 0; w < 5; w++) {
		size_t e = prop_word_end(s, n, k);
		if (e == k || (lex_classify((const char *)s + k, e - k) & (LEX_KIN | LEX_TITLE | LEX_FUNCTION)))
			return 0;
		if (e < n && s[e] == ')') {
			int multi;
			if (keep->n && kept_at(s, keep, maxend, i + 2, e, &multi))
				return 0;
			return e + 1;
		}
		if (e + 1 >= n || s[e] != ' ')
			return 0;
		k = e + 1;
		if (s[k] == '&' && k + 2 < n && s[k + 1] == ' ')
			k += 2;
		if (!sc_upper(s[k]))
			return 0;
	}
	return 0;
}

/*
 * An address found (a withheld value or a recognised one) followed by
 * ", Word" or ", Word Word" names its district or town too: "Saheli House,
 * Birchfield", "Bronallt, Deiniolen". The words are taken with it when the
 * lexicon knows them as nothing else (not a common word, an agency, a
 * month, a title, a known name) and they are not kept. Spans from `from`.
 */
static int address_tails(const unsigned char *s, size_t n, struct spans *all, size_t from,
                         const struct spans *keep, const size_t *maxend)
{
	size_t to = all->n;
	for (size_t j = from; j < to; j++) {
		if (all->v[j].kind != SCRUB_ADDRESS)
			continue;
		size_t i = all->v[j].end, end = 0;
		/* s47: a building's kind in small letters between ("<Street>
		 * hostel, Bootle", "<Street> flats, Leeds") */
		static const char *const KIND[] = {"hostel", "hostels", "flats", "house", "estate",
						   "hotel", "refuge", "bungalow", NULL};
		/* (up to three small words, the kind last: "women's refuge") */
		for (size_t k = i, w = 0; w < 3 && k + 2 < n && s[k] == ' ' && sc_lower(s[k + 1]); w++) {
			size_t ke = k + 1;
			while (ke < n && ke - k < 14 && (sc_lower(s[ke]) || s[ke] == '\''))
				ke++;
			if (ke < n && s[ke] == ',' && word_of(s, k + 1, ke, KIND)) {
				i = ke;
				break;
			}
			k = ke;
		}
		for (int words = 0; words < 2; words++) {
			size_t k = i;
			if (words == 0) {
				if (k >= n || s[k] != ',')
					break;
				k++;
			}
			if (k >= n || s[k] != ' ')
				break;
			k++;
			if (k >= n || !sc_upper(s[k]))
				break;
			size_t a = k, e = prop_word_end(s, n, k);
			if (e - a < 3 || (e < n && sc_digit(s[e])))
				break;
			unsigned b = lex_classify((const char *)s + a, e - a);
			const unsigned not_district = LEX_ALLOW | LEX_PHRASE | LEX_INSTITUTION | LEX_TITLE |
						      LEX_RANK | LEX_KIN | LEX_CALLED | LEX_FUNCTION |
						      LEX_MODAL | LEX_FORENAME | LEX_SURNAME;
			if (words == 0 && (b & LEX_COMMON) && !(b & not_district)) {
				/* "..., Old Trafford" ending a cell or a clause: a
				 * common word, then a word that is nothing else or a
				 * town */
				size_t c = e + 1, ce;
				if (e + 1 < n && s[e] == ' ' && sc_upper(s[c]) &&
				    (ce = prop_word_end(s, n, c)) - c >= 3 &&
				    district_word(lex_classify((const char *)s + c, ce - c), not_district) &&
				    cell_end(s, n, ce)) {

					int multi;
					if (!(keep->n && kept_at(s, keep, maxend, a, ce, &multi)))
						end = ce;
				}
				break;
			}
			/* s41-never: "Derby Road, Heaton Chapel": a capitalised
			 * common or institution word after the district's first
			 * word is its second ("Chapel", "Green", "Moor") */
			/* (a town the lexicon knows, after the comma: the
			 * address's town, "Stanley Road hostel, Bootle") */
			int town = words == 0 && (b & LEX_PLACE) && !(b & (LEX_PHRASE | LEX_INSTITUTION)) &&
				   !(e + 1 < n && s[e] == ' ' && sc_upper(s[e + 1]));
			if (!town && (b & (words == 0 ? not_district : not_district & ~LEX_INSTITUTION)))
				break;
			int multi;
			if (keep->n && kept_at(s, keep, maxend, a, e, &multi))
				break;
			end = i = e;
			if (town)
				break;
		}
		size_t lb = landlord_bracket(s, n, end ? end : all->v[j].end, keep, maxend);
		if (lb)
			end = lb;
		if (end && spans_push(all, all->v[j].start, end, SCRUB_ADDRESS, "address:district") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s48-never: a place found, then its site in apposition: ", the" and one to
 * three capitalised words and a site's kind in small letters ("nobody at
 * <Employer>, the Capital Tower office knows", "<Store>, the Kingsway
 * branch"): the site is the same place's. Not a kept span's words. Spans
 * from `from`.
 */
static int place_apposition(const unsigned char *s, size_t n, struct spans *all, size_t from,
                            const struct spans *keep, const size_t *maxend)
{
	static const char *const SITE[] = {"office", "offices", "branch", "site", "depot", "store",
					   "plant", "building", "campus", "hub", "warehouse", "yard",
					   "works", "factory", "unit", "station", NULL};
	size_t to = all->n;
	for (size_t j = from; j < to; j++) {
		unsigned kind = all->v[j].kind;
		if (kind != SCRUB_PLACE && kind != SCRUB_LOCATION && kind != SCRUB_ADDRESS)
			continue;
		size_t i = all->v[j].end;
		if (i + 7 >= n || s[i] != ',' || s[i + 1] != ' ' || strncasecmp((const char *)s + i + 2, "the ", 4) != 0)
			continue;
		size_t k = i + 6, a = k, end = 0;
		for (int w = 0; w < 4 && k < n; w++) {
			size_t e = prop_word_end(s, n, k);
			if (e == k)
				break;
			if (w > 0 && sc_lower(s[k]) && word_of(s, k, e, SITE)) {
				end = e;
				break;
			}
			if (!sc_upper(s[k]) || w == 3 ||
			    (lex_classify((const char *)s + k, e - k) & (LEX_FUNCTION | LEX_KIN | LEX_TITLE)))
				break;
			if (e + 1 >= n || s[e] != ' ')
				break;
			k = e + 1;
		}
		int multi;
		if (end && !(keep->n && kept_at(s, keep, maxend, a, end, &multi)) &&
		    spans_push(all, all->v[j].start, end, kind, "place:site") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s48-never: an address withheld in part inside a cell
 * of a line split by " | " (an e-mail signature: "Accounts Payable Officer
 * | Payments Hub, Fl 5, City Hall | 01632 ..."): the cell is one address,
 * withheld whole; a cell of at most 60 bytes, bounded by " | " or the line's
 * ends, with " | " on the line. Spans from `from`.
 */
static int address_cells(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	size_t to = all->n;
	for (size_t j = from; j < to; j++) {
		unsigned kind = all->v[j].kind;
		if (kind != SCRUB_ADDRESS)
			continue; /* (not a town withheld as hers in an agency's cell) */
		size_t a = all->v[j].start, e = all->v[j].end, ca = a, ce = e;
		while (ca > 0 && a - ca <= 60 && s[ca - 1] != '\n' &&
		       !(ca >= 3 && s[ca - 1] == ' ' && s[ca - 2] == '|' && s[ca - 3] == ' '))
			ca--;
		while (ce < n && ce - e <= 60 && s[ce] != '\n' &&
		       !(ce + 2 < n && s[ce] == ' ' && s[ce + 1] == '|' && s[ce + 2] == ' '))
			ce++;
		int bar_before = ca >= 3 && s[ca - 1] == ' ' && s[ca - 2] == '|',
		    bar_after = ce + 2 < n && s[ce] == ' ' && s[ce + 1] == '|';
		if ((!bar_before && !bar_after) || ce - ca > 60 || (ca == a && ce == e) ||
		    (ca > 0 && s[ca - 1] != ' ' && s[ca - 1] != '\n') || (ce < n && s[ce] != ' ' && s[ce] != '\n'))
			continue;
		/* (the rest of the cell capitalised words, as an address's parts
		 * are: not a note's words, "Leanne told PO she knows ...") */
		int sentence = 0;
		for (size_t k = ca; k < ce && !sentence; k++)
			sentence = (k < a || k >= e) && sc_lower(s[k]) && (k == ca || !sc_alnum(s[k - 1]));
		if (!sentence && memchr(s + ca, '|', ce - ca) == NULL &&
		    spans_push(all, ca, ce, kind, "address:cell") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s48-never: two places withheld as where she is with only a street of
 * capitalised words between them on the line (a booking's "<Guest House>,
 * The Strand, <Town> <Postcode>"): the street between is the same
 * address's. The gap is ", ", one to three capitalised words, ", ". Spans
 * from `from`.
 */
static int bridge_locations(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	size_t to = all->n;
	for (size_t j = from; j < to; j++) {
		if (all->v[j].kind != SCRUB_LOCATION)
			continue;
		size_t i = all->v[j].end;
		if (i + 4 >= n || s[i] != ',' || s[i + 1] != ' ' || !sc_upper(s[i + 2]))
			continue;
		size_t k = i + 2, e = k;
		int words = 0;
		while (words < 3) {
			e = prop_word_end(s, n, k);
			if (e == k || !sc_upper(s[k]))
				break;
			words++;
			if (e + 1 < n && s[e] == ' ' && sc_upper(s[e + 1]))
				k = e + 1;
			else
				break;
		}
		if (words == 0 || e + 2 >= n || s[e] != ',' || s[e + 1] != ' ')
			continue;
		for (size_t m = from; m < to; m++)
			if (all->v[m].kind == SCRUB_LOCATION && all->v[m].start == e + 2) {
				if (spans_push(all, all->v[j].start, all->v[m].end, SCRUB_LOCATION,
					       "loc:bridge") != 0)
					return MGW_E_NOMEM;
				break;
			}
	}
	return 0;
}

/*
 * s49-never: a flight booked ("CX 238 LHR 7 Aug 21:35, back 28 Aug",
 * "Katowice-Doncaster W6 1735, Fri 15/01, lands 19:20"): a flight's number
 * (two capitals, or a capital and a figure, then two to four figures,
 * spaced or not; no rank's or title's letters: "PC 1234", "DC 4471") with,
 * in its clause, a word of flying (flight, flies, lands, departs, airport,
 * terminal, ...; not "land": a Land Rover; not "arrives": a unit's call sign
 * in a CAD log, "UNIT CD31 ARRIVES") or an airport's three capitals
 * right after a spaced number of three or four figures ("LX 17 ABV" is a
 * car's registration). The clause
 * (from a line's start, ':', ';' or a sentence's stop, to ';', a stop or
 * the line's end; at most 200 bytes each way) is where she will be.
 */
static int flight_booking(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const FLY[] = {"flight", "flights", "flies", "fly", "flying", "flew",
					  "lands", "departs", "departing",
					  "depart", "airport", "terminal",
					  "boarding", "check-in", NULL};
	for (size_t i = 1; i + 4 < n; i++) {
		if (!sc_upper(s[i]) || sc_alnum(s[i - 1]) || !(sc_upper(s[i + 1]) || sc_digit(s[i + 1])))
			continue;
		size_t k = i + 2;
		if (k < n && s[k] == ' ')
			k++;
		size_t d = k;
		while (d < n && sc_digit(s[d]))
			d++;
		if (d - k < 2 || d - k > 4 || (d < n && sc_alnum(s[d])) || (k == i + 2 && sc_digit(s[i + 1])))
			continue; /* ("W61735" unspaced after a figure is no flight) */
		/* (nor a word in capitals: "ON 14 DEC 2025") */
		if (lex_classify((const char *)s + i, 2) &
		    (LEX_RANK | LEX_TITLE | LEX_STREET | LEX_FUNCTION | LEX_COMMON | LEX_MODAL))
			continue;
		/* the clause around it */
		size_t a = i, e = d;
		/* (a stop after a word or a figure: "on 12/03. He flies ...") */
		while (a > 0 && i - a < 200 && s[a - 1] != '\n' && s[a - 1] != ';' && s[a - 1] != ':' &&
		       !(s[a - 1] == ' ' && a >= 3 && s[a - 2] == '.' &&
			 (sc_digit(s[a - 3]) || sentence_stop(s, 0, a - 2))))
			a--;
		while (e < n && e - d < 200 && s[e] != '\n' && s[e] != ';' &&
		       !(s[e] == '.' && (e + 1 == n || s[e + 1] == ' ' || s[e + 1] == '\n') &&
			 (sc_digit(s[e - 1]) || sentence_stop(s, a, e))))
			e++;
		/* (an airport's letters: no month's or day's, "14 DEC"; the
		 * flight's letters and figures spaced, as a car's registration's
		 * are not: "SF21 OKL") */
		int fly = k == i + 3 && d - k >= 3 && d + 4 < n && s[d] == ' ' && sc_upper(s[d + 1]) && sc_upper(s[d + 2]) &&
			  sc_upper(s[d + 3]) && (d + 4 == n || !sc_alnum(s[d + 4])) &&
			  !month_word(s + d + 1, 3) && !day_label(s + d + 1, 3);
		for (size_t w = a; w < e && !fly; w++) {
			if (!sc_alpha(s[w]) || (w > a && sc_alpha(s[w - 1])))
				continue;
			size_t we = w;
			while (we < e && (sc_alpha(s[we]) || s[we] == '-'))
				we++;
			fly = word_of(s, w, we, FLY);
		}
		while (a < e && s[a] == ' ')
			a++;
		if (fly && e > a && spans_push(all, a, e, SCRUB_LOCATION, "loc:flight") != 0)
			return MGW_E_NOMEM;
		i = e;
	}
	return 0;
}

/*
 * s49-never: the day and hour of her appointment before the place withheld
 * as where she will be ("Rebooked: Thu 11/03 08:40, <Site>, room 4"): back
 * from the span over ", " and then up to five words that are a weekday, a
 * date in figures ("11/03", "09/03/2027"), a clock ("08:40", "8.40",
 * "10am") or "at", to a label's colon, a line's start or another word. At
 * least one date or clock. Spans of where she is or of safe times, from
 * `from`.
 */
static int when_before_place(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	size_t to = all->n;
	for (size_t j = from; j < to; j++) {
		const struct span x = all->v[j];
		if (x.kind != SCRUB_LOCATION && x.kind != SCRUB_SAFE_TIME)
			continue;
		size_t a = x.start;
		/* (", " before the place; or a space after a day opening the
		 * sentence: "Thursdays 10-12 she is at <the group>") */
		int comma = a >= 4 && s[a - 1] == ' ' && s[a - 2] == ',';
		if (a < 4 || s[a - 1] != ' ' || !(comma || sc_alpha(s[a - 2])))
			continue;
		size_t k = comma ? a - 2 : a - 1, start = SIZE_MAX;
		int when = 0;
		for (int w = 0; w < 5 && k > 0; w++) {
			size_t e = k, b = k;
			while (b > 0 && (sc_alnum(s[b - 1]) || s[b - 1] == '/' || s[b - 1] == ':' ||
					 s[b - 1] == '.'))
				b--;
			if (b == e)
				break;
			size_t d = 0, p = 0;
			for (size_t q = b; q < e; q++)
				d += sc_digit(s[q]) != 0, p += s[q] == '/' || s[q] == ':' || s[q] == '.';
			int num = d >= 2 && p >= 1 && sc_digit(s[b]) && sc_digit(s[e - 1]);
			int ampm = d >= 1 && e - b >= 3 && sc_digit(s[b]) &&
				   ((s[e - 2] | 0x20) == 'a' || (s[e - 2] | 0x20) == 'p') && (s[e - 1] | 0x20) == 'm';
			int day = !d && (weekday_word(s + b, e - b) || day_label(s + b, e - b));
			int at = e - b == 2 && (s[b] | 0x20) == 'a' && (s[b + 1] | 0x20) == 't';
			if (!(num || ampm || day || at))
				break;
			/* (after a space, a day among them: a log's own stamp,
			 * "7.50AM SHE WORKS AT ...", is no time of hers) */
			when |= comma ? (num || ampm) : day;
			start = b;
			if (b == 0 || s[b - 1] != ' ')
				break;
			k = b - 1;
		}
		if (!when || start == SIZE_MAX)
			continue;
		/* (then a label's colon, a line's start or a bracket before it) */
		size_t c = start;
		while (c > 0 && s[c - 1] == ' ')
			c--;
		if (c > 0 && s[c - 1] != ':' && s[c - 1] != '\n' && s[c - 1] != '(' && s[c - 1] != '|' &&
		    !(!comma && s[c - 1] == '.'))
			continue;
		if (spans_push(all, start, x.end, x.kind, "loc:when-before") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/*
 * s49-never: what goes on after a withheld address, on its line: a site's
 * word after its street and the town after that ("Bay 7, Moorlands Lane
 * site, Wool"; site, estate, park, camp, yard, farm, then ", " and one or two
 * capitalised words that end the clause), and a spelling of it in
 * brackets after ("(spelled W-O-O-L, the village)", "(spelt ...)", at most
 * 60 bytes). Spans of where she is or of an address, from `from`.
 */
static int location_tail(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	static const char *const SITE[] = {"site", "estate", "park", "camp", "yard", "farm", NULL};
	static const char *const KIND[] = {"livery", "liveries", "stables", "yard", "kennels",
					   "cattery", "bldg", "hse", "interchange",
					   "depot", "warehouse", "store", "stores", "superstore",
					   "ltd", "limited", "llp", "plc", NULL};
	static const char *const FIRM[] = {"ltd", "limited", "llp", "plc", "cic", NULL};
	size_t to = all->n;
	for (size_t j = from; j < to; j++) {
		const struct span x = all->v[j];
		/* s56: a firm's legal kind after its name withheld ("<Firm>
		 * (<Town>) Ltd", "<FIRM> LTD"): the rest of the name */
		if (x.kind == SCRUB_PLACE && x.end + 3 < n && s[x.end] == ' ' && sc_upper(s[x.end + 1])) {
			size_t e = prop_word_end(s, n, x.end + 1);
			if (word_of(s, x.end + 1, e, FIRM) &&
			    spans_push(all, x.start, e, x.kind, "place:firm-kind") != 0)
				return MGW_E_NOMEM;
			continue;
		}
		if (x.kind != SCRUB_LOCATION && x.kind != SCRUB_ADDRESS)
			continue;
		size_t i = x.end, end = i, w = i;
		while (w > x.start && sc_alpha(s[w - 1]))
			w--;
		if (w < i && i + 3 < n && s[i] == ' ' && sc_lower(s[i + 1]) &&
		    (lex_classify((const char *)s + w, i - w) & LEX_STREET)) {
			size_t e = prop_word_end(s, n, i + 1);
			if (word_of(s, i + 1, e, SITE)) {
				end = e;
				if (e + 2 < n && s[e] == ',' && s[e + 1] == ' ' && sc_upper(s[e + 2])) {
					size_t k = e + 2, te = k;
					for (int words = 0; words < 2; words++) {
						te = prop_word_end(s, n, k);
						if (te + 1 < n && s[te] == ' ' && sc_upper(s[te + 1]) && words == 0)
							k = te + 1;
						else
							break;
					}
					if (te == n || (s[te] && strchr(".,;:(\n", s[te])) ||
					    (s[te] == ' ' && te + 1 < n && s[te + 1] == '('))
						end = te;
				}
			}
		}
		/* s56-never: a venue's kind, capitalised, right after the place
		 * ("Group name \"<Name> Liveries\"", "<Name> Bldg, 3 ...", "<Name>
		 * Vets"): the kind left beside the marker names it as plainly */
		if (end == x.end && end + 2 < n && s[end] == ' ' && sc_upper(s[end + 1])) {
			size_t e = prop_word_end(s, n, end + 1);
			if (venue_head(s + end + 1, e - end - 1) || word_of(s, end + 1, e, KIND))
				end = e;
		}
		size_t b = end;
		if (b + 9 < n && s[b] == ' ' && s[b + 1] == '(' &&
		    (strncasecmp((const char *)s + b + 2, "spelled ", 8) == 0 ||
		     strncasecmp((const char *)s + b + 2, "spelt ", 6) == 0)) {
			const unsigned char *c = memchr(s + b + 2, ')', n - b - 2 < 60 ? n - b - 2 : 60);
			const unsigned char *nl = memchr(s + b + 2, '\n', (size_t)(c ? c - s : 0) > b + 2 ? (size_t)(c - s) - b - 2 : 0);
			if (c != NULL && nl == NULL)
				end = (size_t)(c - s) + 1;
		}
		if (end > x.end && spans_push(all, x.start, end, x.kind, "loc:tail") != 0)
			return MGW_E_NOMEM;
	}
	return 0;
}

/* The end of a chain's name at s[i]: letters, UTF-8, and a '-' or '\''
 * between letters ("Kwik-Fit", "Co-op", "Nando's", "Sainsbury's"). */
static size_t shop_word_end(const unsigned char *s, size_t n, size_t i)
{
	while (i < n) {
		if (sc_alpha(s[i]) || s[i] >= 0x80)
			i++;
		else if ((s[i] == '-' || s[i] == '\'') && i > 0 && sc_alpha(s[i - 1]) && i + 1 < n &&
			 sc_alpha(s[i + 1]))
			i++;
		else
			break;
	}
	return i;
}

/* A store's format after the chain's name ("Tesco Extra", "Co-op Local",
 * "Lloyds Pharmacy"): the branch's town may follow it. Sorted. */
static int shop_format(const unsigned char *w, size_t n)
{
	static const char *const F[] = {"express", "extra", "local", "metro", "pharmacy",
	                                "superstore"};
	return sorted_word(F, sizeof F / sizeof F[0], w, n, 1);
}

static int weekday_word(const unsigned char *w, size_t n)
{
	static const char *const D[] = {"friday", "monday", "saturday", "sunday",
	                                "thursday", "tuesday", "wednesday"};
	return sorted_word(D, sizeof D / sizeof D[0], w, n, 1);
}

/*
 * A chain's branch: "<Chain> <Town>", "<Chain>, <Street Row>" ("Boots
 * Tormouth", "Greggs, Quellby Parade"). The chain alone is no one's place
 * (lexicon.h LEX_SHOP, allow.txt's [shop]); with the town, the shopping
 * centre or the street of its branch it says where someone works, or
 * collects a prescription, every day. The words after it are taken while
 * capitalised and known as nothing else (not a common word, another chain,
 * a month or weekday, a title or cue, or kept); a street type may follow
 * them ("Mercer Row"). The store's format ("Tesco Extra Dunstable") or
 * "on"/"in" ("Boots on Botchergate") may come between. A span of
 * SCRUB_PLACE over the chain and them.
 */
/*
 * The branch named before the chain, the way it is said: "the <Town>
 * <Chain>", "<Name> Lane <Chain>" (the one on that street). The word right
 * before the chain at i, capitalised, not at a sentence's start, known as
 * nothing but a place, or a street's type ("Lane", a surname too) with its
 * name before it;
 * returns where the branch's name starts, or i when there is none. Reads at
 * most two words back.
 */
static size_t shop_before(const unsigned char *s, size_t i, const struct spans *keep,
                          const size_t *maxend)
{
	size_t start = i;
	for (int w = 0; w < 2; w++) {
		if (start < 2 || s[start - 1] != ' ')
			break;
		size_t we = start - 1, a = we;
		while (a > 0 && we - a < 32 && (sc_alpha(s[a - 1]) || s[a - 1] >= 0x80))
			a--;
		if (we - a < 3 || !sc_upper(s[a]) || (a > 0 && (sc_alnum(s[a - 1]) || s[a - 1] >= 0x80)) ||
		    sentence_start(s, a))
			break;
		unsigned b = lex_classify((const char *)s + a, we - a);
		int street = (b & LEX_STREET) != 0;
		if ((!street && (b & ~(LEX_PLACE | LEX_ALLOW))) || month_word(s + a, we - a) ||
		    weekday_word(s + a, we - a) || (w == 1 && street))
			break;
		int multi;
		if (keep->n && kept_at(s, keep, maxend, a, we, &multi))
			break;
		if (w == 0 && street) {
			start = a; /* "Lane": its name must come before it */
			continue;
		}
		return a;
	}
	return i;
}

/*
 * s32-never: a home-care firm's name ("Hollyhock Home Care", "Bluebell
 * Homecare"): one to three capitalised words before "Home Care" or
 * "Homecare", none a function word, an agency's or a place's (not "<Town>
 * Council Home Care", a public service), is a private firm, a carer's
 * workplace, that says whose carers visit her.
 */
static int care_firms(const unsigned char *s, size_t n, struct spans *all)
{
	static const char *const HOME[] = {"Home Care", "Homecare", "HomeCare"};
	for (size_t h = 0; h < 3; h++) {
		size_t hl = strlen(HOME[h]);
		for (const unsigned char *q = s; (q = memmem(q, n - (size_t)(q - s), HOME[h], hl)) != NULL;
		     q += hl) {
			size_t e = (size_t)(q - s) + hl, a = (size_t)(q - s), first = a;
			if (e < n && (sc_alnum(s[e]) || s[e] >= 0x80))
				continue;
			for (int w = 0; w < 3 && a >= 2 && s[a - 1] == ' '; w++) {
				size_t b = a - 1;
				while (b > 0 && (sc_alpha(s[b - 1]) || s[b - 1] == '\''))
					b--;
				if (b == a - 1 || !sc_upper(s[b]) || (b > 0 && (sc_alnum(s[b - 1]) || s[b - 1] >= 0x80)))
					break;
				unsigned c = lex_classify((const char *)s + b, a - 1 - b);
				if (c & (LEX_FUNCTION | LEX_INSTITUTION | LEX_PLACE | LEX_TITLE | LEX_KIN))
					break;
				first = a = b;
			}
			if (first < (size_t)(q - s) &&
			    spans_push(all, first, e, SCRUB_PLACE, "place:care-firm") != 0)
				return MGW_E_NOMEM;
		}
	}
	return 0;
}

/*
 * s32-never: a chat transcript whose speakers are accounts ("connor.n03:
 * saw u ...", "leahjoyxo: I've blocked u"): where a handle found among
 * all[from..) opens a line before a colon, every other line opening on
 * one word of small letters, digits, '.' or '_' (3 to 30, no word the
 * lexicon knows) and a colon is another speaker's account.
 */
static int chat_handles(const unsigned char *s, size_t n, struct spans *all, size_t from)
{
	int chat = 0;
	size_t to = all->n;
	for (size_t j = from; j < to && !chat; j++) {
		const struct span *x = &all->v[j];
		if (x->kind != SCRUB_HANDLE)
			continue; /* (the text is read for a handle only) */
		size_t a = x->start;
		while (a > 0 && s[a - 1] == ' ')
			a--;
		chat = (a == 0 || s[a - 1] == '\n') && x->end < n && s[x->end] == ':';
	}
	if (!chat)
		return 0;
	for (size_t i = 0; i < n;) {
		size_t a = i;
		while (a < n && s[a] == ' ')
			a++;
		size_t e = a;
		int digit = 0;
		while (e < n && e - a <= 30 &&
		       ((s[e] >= 'a' && s[e] <= 'z') || sc_digit(s[e]) || s[e] == '.' || s[e] == '_'))
			digit |= sc_digit(s[e]), e++;
		if (e - a >= 3 && e - a <= 30 && e + 1 < n && s[e] == ':' && s[e + 1] == ' ' &&
		    (digit || !(lex_classify((const char *)s + a, e - a) &
		                (LEX_COMMON | LEX_ALLOW | LEX_FUNCTION | LEX_FORENAME | LEX_SURNAME |
		                 LEX_TITLE | LEX_RANK | LEX_KIN | LEX_CALLED | LEX_MODAL))) &&
		    spans_push(all, a, e, SCRUB_HANDLE, "handle:chat-speaker") != 0)
			return MGW_E_NOMEM;
		const unsigned char *nl = memchr(s + e, '\n', n - e);
		if (nl == NULL)
			break;
		i = (size_t)(nl - s) + 1;
	}
	return 0;
}

static int shop_branches(const unsigned char *s, size_t n, struct spans *all,
                         const struct spans *keep, const size_t *maxend)
{
	for (size_t i = 0; i + 3 < n; i++) {
		/* a shop's name starts with a capital: to the next one */
		if ((i = ar_to_upper(s, i, n)) + 3 >= n)
			break;
		if (!sc_upper(s[i]) || (i > 0 && (sc_alnum(s[i - 1]) || s[i - 1] >= 0x80 ||
		                                  s[i - 1] == '-' || s[i - 1] == '\'')))
			continue;
		size_t e = shop_word_end(s, n, i), k = e;
		if (k < n && s[k] == ',')
			k++;
		/* "Boots on <Street>", "Lloyds in the <Centre>": on to the
		 * branch's words below */
		int onin = k == e && k + 4 < n && s[k] == ' ' && (s[k + 1] == 'o' || s[k + 1] == 'i') &&
		           s[k + 2] == 'n' && s[k + 3] == ' ';
		if (!onin && !(k + 1 < n && s[k] == ' ' && sc_upper(s[k + 1]))) {
			size_t b0 = shop_before(s, i, keep, maxend);
			if (b0 < i && (lex_classify((const char *)s + i, e - i) & LEX_SHOP) &&
			    spans_push(all, b0, e, SCRUB_PLACE, "place:branch") != 0)
				return MGW_E_NOMEM;
			i = e;
			continue;
		}
		if (!(lex_classify((const char *)s + i, e - i) & LEX_SHOP)) {
			i = e;
			continue;
		}
		size_t end = 0, at = e;
		/* "Tesco Extra Dunstable": the store's format between */
		size_t fa, fe;
		int fc;
		if (next_word(s, n, at, &fa, &fe, &fc) && !fc && shop_format(s + fa, fe - fa))
			at = fe;
		/* "Boots on Botchergate", "Greggs in Quellby": the street or
		 * town of the branch after "on" or "in" */
		if (next_word(s, n, at, &fa, &fe, &fc) && !fc && fe - fa == 2 &&
		    (s[fa] == 'o' || s[fa] == 'i') && s[fa + 1] == 'n') {
			at = fe;
			/* "Lloyds in the <Centre>": the centre it is in */
			if (next_word(s, n, at, &fa, &fe, &fc) && !fc && fe - fa == 3 &&
			    s[fa] == 't' && s[fa + 1] == 'h' && s[fa + 2] == 'e')
				at = fe;
		}
		for (int w = 0; w < 3; w++) {
			size_t c = at;
			if (w == 0 && c < n && s[c] == ',')
				c++;
			if (c >= n || s[c] != ' ' || c + 1 >= n || !sc_upper(s[c + 1]))
				break;
			size_t a = c + 1, we = prop_word_end(s, n, a);
			if (we - a < 3 || (we < n && sc_digit(s[we])))
				break;
			unsigned b = lex_classify((const char *)s + a, we - a);
			if (w > 0 && end && (b & LEX_STREET)) {
				end = we;
				break;
			}
			if ((b & (LEX_COMMON | LEX_SHOP | LEX_PHRASE | LEX_INSTITUTION | LEX_TITLE |
			          LEX_RANK | LEX_KIN | LEX_CALLED | LEX_FUNCTION | LEX_MODAL)) ||
			    month_word(s + a, we - a) || weekday_word(s + a, we - a))
				break;
			int multi;
			if (keep->n && kept_at(s, keep, maxend, a, we, &multi))
				break;
			end = at = we;
		}
		if (end && spans_push(all, i, end, SCRUB_PLACE, "place:branch") != 0)
			return MGW_E_NOMEM;
		i = end ? end : e;
	}
	return 0;
}

/* ---- output ----------------------------------------------------------------- */

struct buf {
	char *p;
	size_t n, cap;
};

static int buf_put(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return 0; /* p may be NULL (empty text) */
	if (n > b->cap - b->n) {
		size_t cap = b->cap ? b->cap : 64;
		while (n > cap - b->n) {
			if (cap > SIZE_MAX / 2)
				return MGW_E_NOMEM;
			cap *= 2;
		}
		char *q = realloc(b->p, cap);
		if (q == NULL)
			return MGW_E_NOMEM;
		b->p = q, b->cap = cap;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
	return 0;
}

/* Only spaces (and with comma, commas) between two findings:
 * "Percival [misspelt surname]", "[address], [postcode]". */
static int only_spaces(const unsigned char *s, size_t a, size_t b, int comma)
{
	if (b - a > 3)
		return 0;
	for (size_t i = a; i < b; i++)
		if (s[i] != ' ' && !(comma && s[i] == ','))
			return 0;
	return 1;
}

/* Two findings a gap apart that read as one: a name in two parts, an
 * address and its postcode. */
static int adjacent(const unsigned char *s, const struct span *a, const struct span *b)
{
	if (a->kind == SCRUB_NAME && b->kind == SCRUB_NAME)
		return only_spaces(s, a->end, b->start, 0);
	if ((a->kind == SCRUB_ADDRESS || a->kind == SCRUB_LOCATION) &&
	    (b->kind == SCRUB_POSTCODE || b->kind == SCRUB_LOCATION))
		return only_spaces(s, a->end, b->start, 1);
	return 0;
}

/*
 * Is the name or place finding s[a..e) a part of a reference: a token of
 * letters and digit groups joined by '-' or '/' with no space, a run of 3
 * or more digits in it, the finding at a joiner and itself a short code
 * (3 letters at most, or all capitals): "HU-20260207-0331", "CSC/4471",
 * "MASH/26/0071". Crime, CAD and agency references are kept (issue 9), and
 * a force or team code in one is no person ("Hu", "Cox" are surnames).
 * Asked only of names found without a list (names_scan) and of places: a
 * listed person's name is withheld wherever it is.
 * Reads at most 40 bytes each way.
 */
static int reference_part(const unsigned char *s, size_t n, size_t a, size_t e)
{
	int caps = 1;
	size_t run = 0, best = 0, lo = a, hi = e;
	/* at a joiner first: most findings are not, and need no more */
	if (!((a > 0 && (s[a - 1] == '-' || s[a - 1] == '/')) ||
	      (e < n && (s[e] == '-' || s[e] == '/'))))
		return 0;
	for (size_t k = a; k < e; k++) {
		if (s[k] == '-' && k > a && k + 1 < e && sc_alpha(s[k - 1]))
			continue; /* "MARAC-HU" read as a double-barrelled name */
		if (!sc_alpha(s[k]))
			return 0; /* letters only */
		caps &= sc_upper(s[k]);
	}
	if (!caps && e - a > 3)
		return 0;
	while (lo > 0 && a - lo < 40 &&
	       (sc_alnum(s[lo - 1]) ||
	        ((s[lo - 1] == '-' || s[lo - 1] == '/') && lo >= 2 && sc_alnum(s[lo - 2]))))
		lo--;
	while (hi < n && hi - e < 40 &&
	       (sc_alnum(s[hi]) || ((s[hi] == '-' || s[hi] == '/') && hi + 1 < n && sc_alnum(s[hi + 1]))))
		hi++;
	for (size_t k = lo; k < hi; k++) {
		run = sc_digit(s[k]) ? run + 1 : 0;
		best = run > best ? run : best;
	}
	return best >= 3;
}

/*
 * Where a name finding s[a..e) ends: before a clock time in four figures
 * that closes it ("Photographed by PC Quarrie 0215", "DVPN authorised by
 * Supt Lowe 2240"): names.c takes a number after a rank's name as his
 * collar number, but a valid 24-hour time there is when he acted, which
 * the note's reader needs (a time is must-keep); other numbers ("PC Doyle
 * 3068": no clock) stay with the name. A name never ends in figures
 * otherwise, so only names.c's rank rule is touched.
 */
static size_t name_before_clock(const unsigned char *s, size_t a, size_t e)
{
	if (e < a + 6 || !sc_digit(s[e - 1]))
		return e;
	size_t d = e;
	while (d > a && sc_digit(s[d - 1]))
		d--;
	if (e - d != 4 || d < a + 2 || s[d - 1] != ' ')
		return e;
	int hh = (s[d] - '0') * 10 + (s[d + 1] - '0'), mm = (s[d + 2] - '0') * 10 + (s[d + 3] - '0');
	if (hh > 23 || mm > 59)
		return e;
	while (d > a && s[d - 1] == ' ')
		d--;
	return d > a && sc_alpha(s[d - 1]) ? d : e;
}

/* Words that name a subject's role before the name: "Husband Ozzy
 * Quint", "Suspect QUINT", "Son Rory (19)", "V QUINT". */
static const char *const SUBJ_ROLE[] = {
	"husband", "wife", "partner", "boyfriend", "girlfriend", "ex", "ex-husband", "ex-wife",
	"ex-partner", "ex-boyfriend", "ex-girlfriend", "suspect", "defendant", "perpetrator",
	"perp", "offender", "son", "daughter", "father", "mother", "dad", "mum", "stepfather",
	"stepdad", "dp",
	/* hers, as police and health notes name her: "V SMITH relocated
	 * ...", "IP Jones is staying ..." (the statement after the name is
	 * still withheld) */
	"v", "ip", "victim", "client", "pt", "patient", "rp", "caller", NULL};

static int subj_role(const unsigned char *s, size_t a, size_t e)
{
	char w[16];
	if (e - a >= sizeof w)
		return 0;
	for (size_t k = a; k < e; k++)
		w[k - a] = (char)(s[k] | (sc_upper(s[k]) ? 0x20 : 0));
	w[e - a] = 0;
	for (size_t k = 0; SUBJ_ROLE[k]; k++)
		if (strcmp(w, SUBJ_ROLE[k]) == 0)
			return 1;
	return 0;
}

/*
 * Where a withheld statement of where she is opens with a subject whose
 * name the policy shares (a keep-name), after one or two words of his or
 * their role ("Husband Ozzy Quint (as he is known) hit her outside ...",
 * "Suspect QUINT has turned up at ..."), the statement starts after the
 * name: who did it is no whereabouts, and the recipient has the name. Not
 * a possessive ("Ozzy's flat on ..."), nor a group ("Kai and her are
 * at"): that is where; nor a bare name (hers opens most statements of where
 * she is), nor a safe time, a routine or the unit model's unit (the caller):
 * a name there is part of when. Returns the new start, or x->start.
 */
static size_t after_kept_subject(const unsigned char *s, size_t n, const struct span *x,
                                 const struct spans *keep)
{
	size_t a = x->start;
	for (int words = 0; words <= 2; words++) {
		/* a keep match starting at a, the longest (keep is sorted by
		 * start); not before a role word: her own name opens most
		 * statements of where she is, only a name after its role
		 * ("Husband ...", "Suspect ...") is his */
		size_t best = 0, lo = 0, hi = words > 0 ? keep->n : 0;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (keep->v[mid].start < a)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t j = lo; words > 0 && j < keep->n && keep->v[j].start == a; j++)
			if (keep->v[j].end > best && keep->v[j].end < x->end)
				best = keep->v[j].end;
		if (best) {
			if (best < n && (sc_alnum(s[best]) || s[best] == '\'' || s[best] >= 0x80))
				return x->start; /* a possessive or a longer word */
			while (best < x->end && s[best] == ' ')
				best++;
			/* "Rory and me are at ...", "Kai and his mum": a group
			 * that she or hers may be in is where they are */
			if (best + 4 <= x->end && (s[best] | 0x20) == 'a' && (s[best + 1] | 0x20) == 'n' &&
			    (s[best + 2] | 0x20) == 'd' && s[best + 3] == ' ')
				return x->start;
			if (best < x->end && (s[best] == '&' || s[best] == '+' || s[best] == '/'))
				return x->start;
			return best < x->end ? best : x->start;
		}
		size_t e = a;
		while (e < x->end && (sc_alpha(s[e]) || s[e] == '-'))
			e++;
		if (e == a || e >= x->end || s[e] != ' ' || !subj_role(s, a, e))
			return x->start;
		a = e + 1;
	}
	return x->start;
}

static int priority(unsigned kind)
{
	return kind == SCRUB_LOCATION ? 2 : kind == SCRUB_SAFE_TIME || kind == SCRUB_CONTACT ? 1 : 0;
}

/*
 * The kind a never-share value's finding is written as (struct scrub_value,
 * never): her location for an address, a place or a postcode, safe times
 * as such, her contact details for a phone or an e-mail. Its rule says
 * "never:" (R_NEV_*); every other finding keeps its kind.
 */
static unsigned never_kind(const struct span *x)
{
	if (x->rule == NULL || strncmp(x->rule, "never:", 6) != 0)
		return x->kind;
	switch (x->kind) {
	case SCRUB_SAFE_TIME: return SCRUB_SAFE_TIME;
	case SCRUB_PHONE:
	case SCRUB_EMAIL: return SCRUB_CONTACT;
	default: return SCRUB_LOCATION;
	}
}

/*
 * Our own markers in the input: text that was scrubbed once already (a
 * view pasted into a new share, an agency's system forwarding what the
 * gateway gave it) carries "[REDACTED s40(2): name]", "[REDACTED: phone]"
 * and "[WITHHELD s38: victim location]". Scrubbing it again must leave them
 * as they are: a name rule reading "REDACTED" or a statement running over
 * the bracket turned them into "[[REDACTED s40(2): name] s40(2): name]".
 * Only the exact shapes are ours: no ground or one of the grounds' labels
 * (s40(2), s31, s38, s41, need-to-know) and a kind from the closed list,
 * so a sender cannot shelter data inside something bracketed
 * ("[REDACTED: 07700 900123]" and "[REDACTED 07700900123: phone]" are not
 * markers, and are scrubbed).
 */
static int mk_alnum(unsigned char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

static size_t marker_len(const unsigned char *s, size_t n, size_t i)
{
	static const char RED[] = "[REDACTED", WH[] = "[WITHHELD s38: ";
	size_t j;

	if (n - i >= sizeof WH - 1 && !memcmp(s + i, WH, sizeof WH - 1)) {
		j = i + sizeof WH - 1;
	} else if (n - i >= sizeof RED + 1 && !memcmp(s + i, RED, sizeof RED - 1)) {
		j = i + sizeof RED - 1;
		if (s[j] == ' ') {
			/* rv9: a ground the gateway writes (policy_schema.c grounds[]
			 * that can scrub), never free text: "[REDACTED 07700900562:
			 * phone]" kept its "ground" as it was. An ISP clause's label
			 * ("ISP 4.2") is not one either: its clause is free enough to
			 * hold a date or a number. */
			static const char *const GROUNDS[] = {"s40(2)", "s31", "s38", "s41",
							      "need-to-know"};
			size_t g = ++j, gl = 0;
			for (size_t k = 0; k < sizeof GROUNDS / sizeof GROUNDS[0] && gl == 0; k++) {
				size_t l = strlen(GROUNDS[k]);
				if (n - g > l && !memcmp(s + g, GROUNDS[k], l) && s[g + l] == ':')
					gl = l;
			}
			if (gl == 0)
				return 0;
			j = g + gl;
		}
		if (n - j < 2 || s[j] != ':' || s[j + 1] != ' ')
			return 0;
		j += 2;
	} else {
		return 0;
	}
	for (int k = 0; k < SCRUB_KIND_COUNT; k++) {
		const char *kn = scrub_kind_name((enum scrub_kind)k);
		size_t kl = strlen(kn);
		if (n - j > kl && !memcmp(s + j, kn, kl) && s[j + kl] == ']')
			return j + kl + 1 - i;
	}
	return 0;
}

/*
 * Cut the markers of the original text out of every span: the parts of a
 * span between markers stay withheld (a statement that runs on past a
 * marker still goes), a part with no letter or digit is dropped (the
 * space between two markers holds nothing to withhold). Sorted on return.
 */
static int spans_skip_markers(const unsigned char *s, size_t n, struct spans *all)
{
	struct spans mk = {0}, cut = {0};
	const unsigned char *p = s;
	int rc = MGW_E_NOMEM;

	while ((p = memchr(p, '[', n - (size_t)(p - s))) != NULL) {
		size_t i = (size_t)(p - s), ml = marker_len(s, n, i);
		if (ml > 0 && spans_push(&mk, i, i + ml, 0, NULL) != 0)
			goto done;
		p += ml ? ml : 1;
	}
	if (mk.n == 0)
		return 0;
	for (size_t j = 0; j < all->n; j++) {
		struct span x = all->v[j];
		size_t a = x.start;
		/* rv9: the markers are in text order and apart, so the first one
		 * ending after a is found by bisection and the walk stops at the
		 * span's end: trying every marker for every span took 0.7 s for a
		 * 1 MiB text of markers and numbers (12 s for 4 MiB), per view. */
		size_t lo = 0, hi = mk.n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (mk.v[mid].end <= a)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t m = lo; m < mk.n && a < x.end; m++) {
			if (mk.v[m].start >= x.end)
				break;
			for (size_t q = a; q < mk.v[m].start; q++)
				if (mk_alnum(s[q]) || s[q] >= 0x80) {
					if (spans_push(&cut, a, mk.v[m].start, x.kind, x.rule) != 0)
						goto done;
					break;
				}
			a = mk.v[m].end;
		}
		for (size_t q = a; q < x.end; q++)
			if (mk_alnum(s[q]) || s[q] >= 0x80) {
				if (spans_push(&cut, a, x.end, x.kind, x.rule) != 0)
					goto done;
				break;
			}
	}
	spans_free(all);
	*all = cut;
	cut = (struct spans){0};
	spans_sort(all);
	rc = 0;
done:
	spans_free(&mk);
	spans_free(&cut);
	return rc;
}

/* ---- the memo of a text's profile-independent passes (scrub.h) ------------ */

enum {
	M_NORM = 1u << 0,
	M_EMAIL = 1u << 1,
	M_NAMES = 1u << 2,
	M_PLACE = 1u << 3, /* << 0 or 1: place_scan without or with PLACE_F_LOCATION */
	M_FS = 1u << 5,
	M_GEO = 1u << 6,
	M_FSH = 1u << 7, /* failsafe_scan_model_he: the victim is a man */
};

struct scrub_memo {
	const char *text; /* the text it holds the passes of */
	size_t len;
	unsigned have; /* M_*: the passes run (each only once it succeeded) */
	/* Used for one scrub (scrub_text_ex), so nothing is kept for later: a
	 * pass whose spans go to the scrub's list writes them there, not here
	 * to be copied, and the output takes the normalised text's buffer (on
	 * a long text, memory not touched before costs a page fault for every
	 * 4 KiB written). */
	int once;
	struct textnorm t;
	struct spans email, names, place[2], fs, fsh, geo;
};

static void memo_clear(struct scrub_memo *m)
{
	int once = m->once;
	textnorm_free(&m->t);
	spans_free(&m->email);
	spans_free(&m->names);
	spans_free(&m->place[0]);
	spans_free(&m->place[1]);
	spans_free(&m->fs);
	spans_free(&m->fsh);
	spans_free(&m->geo);
	memset(m, 0, sizeof *m);
	m->once = once;
}

struct scrub_memo *scrub_memo_new(void)
{
	return calloc(1, sizeof(struct scrub_memo));
}

void scrub_memo_free(struct scrub_memo *m)
{
	if (m == NULL)
		return;
	memo_clear(m);
	free(m);
}

/* Push the spans of src onto out, in their order: 0 or MGW_E_NOMEM. */
static int spans_append(struct spans *out, const struct spans *src)
{
	for (size_t j = 0; j < src->n; j++)
		if (spans_push(out, src->v[j].start, src->v[j].end, src->v[j].kind, src->v[j].rule) !=
		    0)
			return MGW_E_NOMEM;
	return 0;
}

/* The pass `bit` of the memo's text into m->*sv (run once), then appended
 * to out (when not NULL): 0 or the pass's error (MGW_E_NOMEM). A memo for
 * one scrub keeps nothing for later: there the pass appends to out itself
 * (every pass only appends), and runs only once. */
static int memo_pass(struct scrub_memo *m, unsigned bit, struct spans *sv, struct spans *out)
{
	const char *s = m->t.s;
	size_t n = m->t.n;
	if (!(m->have & bit)) {
		int rc;
		if (m->once && out != NULL)
			sv = out, out = NULL;
		else
			sv->n = 0;
		switch (bit) {
		case M_EMAIL: rc = scrub_email_pass((const unsigned char *)s, n, sv); break;
		case M_NAMES: rc = names_scan(s, n, sv); break;
		case M_PLACE: rc = place_scan(s, n, 0, sv); break;
		case M_PLACE << 1: rc = place_scan(s, n, PLACE_F_LOCATION, sv); break;
		case M_FS: rc = failsafe_scan_model(s, n, sv); break;
		case M_FSH: rc = failsafe_scan_model_he(s, n, sv); break;
		default: rc = geo_scan(s, n, sv); break;
		}
		if (rc != 0)
			return MGW_E_NOMEM;
		m->have |= bit;
	}
	return out != NULL ? spans_append(out, sv) : 0;
}

/* The fail-safe pass for this scrubber's victim: as of a woman, or of a
 * man (SCRUB_F_VICTIM_HE), each kept apart in the memo. */
static int memo_fs(const scrubber *sc, struct scrub_memo *m, struct spans *out)
{
	return (sc->flags & SCRUB_F_VICTIM_HE) ? memo_pass(m, M_FSH, &m->fsh, out)
	                                        : memo_pass(m, M_FS, &m->fs, out);
}

/* maxend[j]: the furthest end among keep->v[0..j] (kept spans sorted by
 * start), for kept_at's search; malloc'd, NULL when out of memory. */
/*
 * s34: a kept subject's surname after a title, then her relative's word
 * in brackets ("Do not contact Mrs MacLeod (mother) - she does not know"):
 * another person of the family, whose name is withheld. The kept span
 * over the surname goes and the title and surname are withheld as a name.
 * Not a partner's or a child's word (he or a listed child may be the
 * subject named so).
 */
static int kin_bracket_keeps(const unsigned char *s, size_t n, struct spans *keep, struct spans *names)
{
	static const char *const KIN[] = {"mother", "father", "mum", "dad", "sister", "brother",
					  "aunt", "uncle", "gran", "grandmother", "grandfather", "nan",
					  "cousin", "niece", "nephew", "mother-in-law", "father-in-law",
					  "sister-in-law", "brother-in-law", "her mother", "her father",
					  "her mum", "her dad", "her sister", "her brother", NULL};
	size_t w = 0;
	for (size_t j = 0; j < keep->n; j++) {
		struct span k = keep->v[j];
		int drop = 0;
		size_t a = k.start;
		while (a > 0 && s[a - 1] == ' ')
			a--;
		size_t ta = a;
		while (ta > 0 && sc_alpha(s[ta - 1]))
			ta--;
		if (ta < a && a < k.start && (ta == 0 || !sc_alnum(s[ta - 1])) &&
		    (word_of(s, ta, a, (const char *const[]){"mrs", "mr", "ms", "miss", NULL})) &&
		    memchr(s + k.start, ' ', k.end - k.start) == NULL && k.end + 3 < n && s[k.end] == ' ' &&
		    s[k.end + 1] == '(') {
			size_t c = k.end + 2, e = c;
			while (e < n && e - c < 20 && s[e] != ')')
				e++;
			if (e < n && s[e] == ')' && word_of(s, c, e, KIN)) {
				drop = 1;
				if (spans_push(names, ta, k.end, SCRUB_NAME, "cue:kin-bracket") != 0)
					return MGW_E_NOMEM;
			}
		}
		if (!drop)
			keep->v[w++] = k;
	}
	keep->n = w;
	return 0;
}

static size_t *keep_maxend(const struct spans *keep)
{
	size_t *m = malloc(keep->n * sizeof *m);
	if (m == NULL)
		return NULL;
	for (size_t j = 0; j < keep->n; j++)
		m[j] = j && m[j - 1] > keep->v[j].end ? m[j - 1] : keep->v[j].end;
	return m;
}

/* The memo for text[0..len), normalised (emptied first when it held
 * another text): 0 or MGW_E_NOMEM. */
static int memo_norm(struct scrub_memo *memo, const char *text, size_t len)
{
	if (memo->text == text && memo->len == len && (memo->have & M_NORM))
		return 0;
	memo_clear(memo);
	memo->text = text;
	memo->len = len;
	if (textnorm_build_sparse(text, len, &memo->t) != 0)
		return MGW_E_NOMEM;
	memo->have = M_NORM;
	return 0;
}

int scrub_text_ex(const scrubber *sc, const char *text, size_t len, const char *ground,
                  unsigned kinds_mask, char **out, unsigned counts[SCRUB_KIND_COUNT],
                  struct scrub_finding **findings, size_t *n_findings)
{
	struct scrub_memo m = {.once = 1};
	int rc = scrub_text_memo(sc, &m, text, len, ground, kinds_mask, out, counts, findings,
	                         n_findings);
	memo_clear(&m);
	return rc;
}

int scrub_text_memo(const scrubber *sc, struct scrub_memo *memo, const char *text, size_t len,
                    const char *ground, unsigned kinds_mask, char **out,
                    unsigned counts[SCRUB_KIND_COUNT], struct scrub_finding **findings,
                    size_t *n_findings)
{
	const unsigned char *orig = (const unsigned char *)text;
	unsigned mask = kinds_mask ? kinds_mask : ~0u;
	unsigned found[SCRUB_KIND_COUNT] = {0};
	struct spans all = {0}, names = {0}, keep = {0}, vals = {0};
	struct scrub_finding *fv = NULL;
	size_t nf = 0, cf = 0, *maxend = NULL;
	struct buf b = {0};
	char prefix[80];
	size_t np;
	int rc = MGW_E_NOMEM;

	*out = NULL;
	if (findings != NULL) {
		*findings = NULL;
		*n_findings = 0;
	}
	if (orig == NULL)
		len = 0;
	if (ground == NULL) {
		memcpy(prefix, "[REDACTED: ", np = 11);
	} else {
		size_t gl = strnlen(ground, sizeof prefix - 13);
		memcpy(prefix, "[REDACTED ", 10);
		memcpy(prefix + 10, ground, gl);
		memcpy(prefix + 10 + gl, ": ", 2);
		np = 12 + gl;
	}
	if (memo_norm(memo, text, len) != 0)
		goto done;
	const struct textnorm *tn = &memo->t;
	const unsigned char *s = (const unsigned char *)tn->s;
	const size_t n = tn->n;

	if ((sc->names.npat > 0 || sc->values.npat > 0) &&
	    (rc = fold_pass(sc, s, n, &names, &keep, &vals)) != 0)
		goto done;
	if (keep.n > 0 && (rc = kin_bracket_keeps(s, n, &keep, &names)) != 0)
		goto done;
	rc = MGW_E_NOMEM;
	if ((mask & KIND_BIT(SCRUB_EMAIL)) && memo_pass(memo, M_EMAIL, &memo->email, &all) != 0)
		goto done;
	size_t tok_from = all.n;
	if (scrub_token_pass(sc, s, n, mask, &all) != 0)
		goto done;
	if ((mask & KIND_BIT(SCRUB_HANDLE)) && all.n > tok_from &&
	    chat_handles(s, n, &all, tok_from) != 0)
		goto done;
	if ((mask & KIND_BIT(SCRUB_NAME)) && memo_pass(memo, M_NAMES, &memo->names, NULL) != 0)
		goto done;
	/* names_scan's findings, read (not changed: the memo keeps them) */
	const struct spans extra = (mask & KIND_BIT(SCRUB_NAME)) ? memo->names : (struct spans){0};
	if (keep.n > 0) {
		if ((maxend = keep_maxend(&keep)) == NULL)
			goto done;
		drop_kept_misspelt(s, &all, tok_from, &keep, maxend);
	}
	{
		/* kept first names' letters are the 26 bits folded to capitals */
		uint32_t lw = sc->init_w & ~sc->init_k;
		if ((mask & KIND_BIT(SCRUB_NAME)) && lw && initial_names(s, n, lw, &all) != 0)
			goto done;
		/* forms and lists that name people whatever list knows them;
		 * the names the policy keeps for this recipient stay */
		if (mask & KIND_BIT(SCRUB_NAME)) {
			static int (*const FORM[])(const unsigned char *, size_t, struct spans *) = {
				table_person_cells, owner_initials, signoff_initials, by_initials,
				signature_initials, role_initials, dotted_signoff, name_age_list,
				line_end_initials, clock_name_label};
			struct spans forms = {0};
			int frc = 0;
			for (size_t f = 0; f < sizeof FORM / sizeof FORM[0] && frc == 0; f++)
				frc = FORM[f](s, n, &forms);
			for (size_t k = 0; k < forms.n && frc == 0; k++)
				frc = push_unkept(s, &forms.v[k], &keep, maxend, &all);
			spans_free(&forms);
			if (frc != 0)
				goto done;
		}
	}
	size_t found_from = all.n;
	for (size_t j = 0; j < extra.n; j++) {
		struct span x = extra.v[j];
		if (reference_part(s, n, x.start, x.end))
			continue; /* a code in a reference; listed names still go */
		if (x.kind == SCRUB_NAME)
			x.end = name_before_clock(s, x.start, x.end);
		/* "Mrs W", "Mr W.": a courtesy title and an initial, a kept
		 * person's surname's initial: the note's short form of her or
		 * him (not "Dr W": a professional) */
		if (x.kind == SCRUB_NAME && x.rule != NULL &&
		    strcmp(x.rule, "cue:title-initial") == 0 && x.end > x.start &&
		    sc_alpha(s[x.end - 1]) && (sc->sur_k >> ((s[x.end - 1] | 0x20) - 'a') & 1) &&
		    x.start + 1 < x.end && (s[x.start] | 0x20) == 'm')
			continue;
		if (x.kind == SCRUB_NAME && x.rule == names_rule_stamp && kept_initials(sc, s, x))
			continue; /* "14:10 SK: ..." where SK is a kept person's */
		if (x.kind == SCRUB_NAME &&
		    in_org_name(s, n, x.start, x.end,
		                x.rule != NULL && (strncmp(x.rule, "cue:kin", 7) == 0 ||
		                                   strncmp(x.rule, "cue:title", 9) == 0)))
			continue; /* an agency's or a law's name */
		if (push_unkept(s, &x, &keep, maxend, &all) != 0)
			goto done;
	}
	if (all.n > found_from &&
	    (rc = propagate_found(s, n, &all, found_from, &keep, maxend)) != 0)
		goto done;
	if ((mask & KIND_BIT(SCRUB_NAME)) &&
	    (rc = found_initials(sc, s, n, &all, &names, &keep, maxend)) != 0)
		goto done;
	if ((mask & KIND_BIT(SCRUB_NAME)) && (rc = chat_senders(s, n, &all, &keep, maxend)) != 0)
		goto done;
	if ((mask & KIND_BIT(SCRUB_PLACE)) && (rc = person_towns(s, n, &all, &names)) != 0)
		goto done;
	rc = MGW_E_NOMEM;
	size_t place_from = all.n;
	const unsigned loc = (sc->flags & SCRUB_F_LOCATION) ? 1 : 0;
	if (memo_pass(memo, M_PLACE << loc, &memo->place[loc], &all) != 0)
		goto done;
	if (keep.n)
		drop_kept_streets(s, &all, place_from, &keep, maxend);
	/* Where the cues of place.c do not reach, withhold by structure:
	 * locations fail safe (failsafe.h); where the structure does not
	 * reach either, by the unit model (failsafe.h, "The unit model"). */
	if (loc && memo_fs(sc, memo, &all) != 0)
		goto done;
	if (loc && all.n > place_from && label_cell_values(s, n, &all, place_from) != 0)
		goto done;
	if (loc && (her_last_seen(s, n, &all) != 0 || access_codes(s, n, &all) != 0 ||
	            doors_from(s, n, &all) != 0 || her_shift_part(s, n, &all) != 0 ||
	            ward_leave(s, n, &all) != 0 ||
	            rota_grid(s, n, tn, &all) != 0 || meter_numbers(s, n, &all) != 0 ||
	            quoted_address(s, n, &all) != 0 ||
	            where_she_is(s, n, &all) != 0 || where_label_value(s, n, &all) != 0 ||
	            her_week_sentence(s, n, &all) != 0 ||
	            told_of_her_presence(s, n, &all) != 0 || receiving_marac(s, n, &all) != 0))
		goto done;
	/* Coordinates, what3words, map links: a spot to a few metres (geo.h). */
	if (loc && memo_pass(memo, M_GEO, &memo->geo, &all) != 0)
		goto done;
	if (loc && (refuge_search_items(s, n, &all) != 0 ||
	            table_column_cells(s, n, tn, &all, PLACE_COL, place_cell, SCRUB_LOCATION,
	                               "loc:place-column") != 0))
		goto done;
	if ((sc->flags & SCRUB_F_LOCATION) && all.n > place_from &&
	    (list_under_statement(s, n, &all, place_from) != 0 ||
	     heading_where_answer(s, n, &all, place_from) != 0 ||
	     rota_rows(s, n, &all, place_from) != 0 ||
	     (tn->ntab > 0 && tab_rota_lines(s, n, tn, &all, place_from) != 0)))
		goto done;
	if ((sc->flags & SCRUB_F_LOCATION) && all.n > place_from &&
	    (rc = propagate_places(s, n, &all, place_from, &keep, maxend)) != 0)
		goto done;
	if (all.n > place_from &&
	    ((rc = propagate_place_heads(s, n, &all, place_from, &keep, maxend)) != 0 ||
	     (rc = propagate_workplaces(s, n, &all, place_from, &keep, maxend)) != 0))
		goto done;
	if (all.n > place_from && (rc = place_initials(s, n, &all, place_from)) != 0)
		goto done;
	rc = MGW_E_NOMEM;
	if (loc && (all.n > place_from || vals.n > 0) &&
	    unit_numbers_again(s, n, &all, place_from, &vals) != 0)
		goto done;
	if (loc && all.n > place_from && arrival_after_place(s, n, &all, place_from) != 0)
		goto done;
	for (size_t j = 0; j < names.n; j++) {
		/* one word of a name found in another text, inside an
		 * agency's name here ("<Forename> <Surname> UHB"): the agency */
		if ((names.v[j].rule == scrub_rule_name(R_FOUND_SURNAME) ||
		     names.v[j].rule == scrub_rule_name(R_FOUND_FIRST)) &&
		    found_in_org(s, n, names.v[j].start, names.v[j].end))
			continue;
		if (spans_push(&all, names.v[j].start, names.v[j].end, SCRUB_NAME, names.v[j].rule) != 0)
			goto done;
	}
	for (size_t j = 0; j < vals.n; j++) {
		/* a withheld street's own name inside a person's or body's name */
		if ((vals.v[j].rule == scrub_rule_name(R_VAL_OWN) ||
		     vals.v[j].rule == scrub_rule_name(R_NEV_OWN)) &&
		    own_in_name(s, n, vals.v[j].start, vals.v[j].end))
			continue;
		/* a listed address's town before a public body's word ("<Town>
		 * police station", "<Town> Women's Aid"): the body, not the
		 * address; a never-share value's town still goes */
		if (vals.v[j].rule == scrub_rule_name(R_VAL_TEXT) &&
		    town_use(s, n, vals.v[j].start, vals.v[j].end, 1))
			continue;
		size_t ve = vals.v[j].end;
		if (vals.v[j].kind == SCRUB_PLACE && vals.v[j].rule == scrub_rule_name(R_VAL_TEXT))
			ve = place_town_after(s, n, ve);
		/* a never-share place's council or venue, as place:again's */
		if (vals.v[j].rule == scrub_rule_name(R_NEV_TEXT))
			ve = council_after(s, n, ve);
		if (spans_push(&all, vals.v[j].start, ve, vals.v[j].kind, vals.v[j].rule) != 0)
			goto done;
	}
	if (loc && all.n > place_from && place_is_area(s, n, &all, place_from) != 0)
		goto done;
	if (address_tails(s, n, &all, 0, &keep, maxend) != 0)
		goto done;
	if (place_apposition(s, n, &all, 0, &keep, maxend) != 0)
		goto done;
	if (loc && (bridge_locations(s, n, &all, 0) != 0 || location_tail(s, n, &all, 0) != 0 ||
	            when_before_place(s, n, &all, 0) != 0 || flight_booking(s, n, &all) != 0))
		goto done;
	if (address_cells(s, n, &all, 0) != 0)
		goto done;
	if ((mask & KIND_BIT(SCRUB_PLACE)) && care_firms(s, n, &all) != 0)
		goto done;
	if ((sc->flags & SCRUB_F_LOCATION) && shop_branches(s, n, &all, &keep, maxend) != 0)
		goto done;

	/* Masked kinds out, sorted, then to the original text: the map is
	 * monotone, so the order holds (spans that start in one rewritten
	 * character start together after widening, and are united below). */
	size_t k = 0;
	for (size_t j = 0; j < all.n; j++) {
		struct span x = all.v[j];
		if (keep.n && x.kind == SCRUB_LOCATION && x.rule != NULL &&
		    strstr(x.rule, "contact") == NULL && strstr(x.rule, "rout") == NULL &&
		    strcmp(x.rule, "fs:model") != 0)
			x.start = after_kept_subject(s, n, &x, &keep);
		if (x.kind < SCRUB_KIND_COUNT && (mask & KIND_BIT(x.kind)) && x.start < x.end &&
		    x.end <= n &&
		    !(x.kind == SCRUB_PLACE && reference_part(s, n, x.start, x.end))) {
			x.kind = never_kind(&x);
			all.v[k++] = x;
		}
	}
	all.n = k;
	spans_sort(&all);
	for (size_t j = 0; j < all.n; j++)
		textnorm_orig(tn, text, len, all.v[j].start, all.v[j].end, &all.v[j].start,
		              &all.v[j].end);
	if (all.n > 0 && spans_skip_markers(orig, len, &all) != 0)
		goto done;

	b.cap = len + len / 16 + 64;
	if (memo->once && memo->t.s != NULL && (b.p = realloc(memo->t.s, b.cap)) != NULL) {
		/* A memo for one scrub: the normalised text is read no more (the
		 * spans are on the original now), and its buffer takes the output.
		 * On a long text that is memory already touched, where a new one
		 * would cost a page fault for every 4 KiB written. */
		memo->t.s = NULL;
	} else if ((b.p = malloc(b.cap)) == NULL) {
		goto done;
	}
	size_t pos = 0;
	for (size_t j = 0; j < all.n;) {
		struct span cur = all.v[j++];
		for (;;) { /* unite everything that overlaps, and names only spaces apart */
			if (j < all.n && all.v[j].start < cur.end) {
				if (priority(all.v[j].kind) > priority(cur.kind))
					cur.kind = all.v[j].kind, cur.rule = all.v[j].rule;
				if (all.v[j].end > cur.end)
					cur.end = all.v[j].end;
				j++;
			} else if (j < all.n && adjacent(orig, &cur, &all.v[j])) {
				cur.end = all.v[j].end > cur.end ? all.v[j].end : cur.end;
				j++;
			} else {
				break;
			}
		}
		const char *kn = scrub_kind_name((enum scrub_kind)cur.kind);
		if (buf_put(&b, orig + pos, cur.start - pos) != 0)
			goto done;
		if (scrub_kind_s38(cur.kind)) {
			if (buf_put(&b, "[WITHHELD s38: ", 15) != 0)
				goto done;
		} else if (buf_put(&b, prefix, np) != 0) {
			goto done;
		}
		if (buf_put(&b, kn, strlen(kn)) != 0 || buf_put(&b, "]", 1) != 0)
			goto done;
		if (findings != NULL) {
			struct scrub_finding *x = grow(fv, &cf, nf, sizeof *x);
			if (x == NULL)
				goto done;
			fv = x;
			fv[nf++] = (struct scrub_finding){cur.start, cur.end, cur.kind, cur.rule};
		}
		found[cur.kind]++;
		pos = cur.end;
	}
	if (buf_put(&b, orig + pos, len - pos) != 0 || buf_put(&b, "", 1) != 0)
		goto done;
	*out = b.p;
	b.p = NULL;
	if (counts != NULL)
		for (int x = 0; x < SCRUB_KIND_COUNT; x++)
			counts[x] += found[x];
	if (findings != NULL) {
		*findings = fv;
		*n_findings = nf;
		fv = NULL;
	}
	rc = 0;
done:
	free(b.p);
	free(fv);
	free(maxend);
	spans_free(&all);
	spans_free(&names);
	spans_free(&keep);
	spans_free(&vals);
	return rc;
}

int scrub_text(const scrubber *sc, const char *text, size_t len, const char *ground,
               unsigned kinds_mask, char **out, unsigned counts[SCRUB_KIND_COUNT])
{
	return scrub_text_ex(sc, text, len, ground, kinds_mask, out, counts, NULL, NULL);
}

/*
 * What scrub_where_words and scrub_found_names read first: the text
 * normalised into the memo, the scrubber's folded matches (names, keep,
 * values) and, with keep matches, their running furthest end. 0,
 * MGW_E_NOMEM or fold_pass's answer; the caller frees the spans and
 * *maxend whatever it returns.
 */
static int text_matches(const scrubber *sc, struct scrub_memo *memo, const char *text, size_t len,
                        struct spans *names, struct spans *keep, struct spans *vals,
                        size_t **maxend)
{
	int rc;
	if (memo_norm(memo, text, len) != 0)
		return MGW_E_NOMEM;
	if ((sc->names.npat > 0 || sc->values.npat > 0) &&
	    (rc = fold_pass(sc, (const unsigned char *)memo->t.s, memo->t.n, names, keep,
	                    vals)) != 0)
		return rc;
	if (keep->n > 0 && (*maxend = keep_maxend(keep)) == NULL)
		return MGW_E_NOMEM;
	return 0;
}

/*
 * The places that statements of where she is name in text (scrub.h,
 * scrub_where_words): the words propagate_places withholds again inside
 * the text, found by the same passes (kept in the memo, so the text's
 * scrub does not run them again) and the same test.
 */
int scrub_where_words(const scrubber *sc, struct scrub_memo *memo, const char *text, size_t len,
                      int (*add)(void *ctx, const char *w, size_t n), void *ctx)
{
	struct spans all = {0}, names = {0}, keep = {0}, vals = {0};
	size_t *maxend = NULL;
	int rc = 0;
	if (!(sc->flags & SCRUB_F_LOCATION) || text == NULL || len == 0)
		return 0;
	if ((rc = text_matches(sc, memo, text, len, &names, &keep, &vals, &maxend)) != 0)
		goto done;
	const unsigned char *s = (const unsigned char *)memo->t.s;
	const size_t n = memo->t.n;
	rc = MGW_E_NOMEM;
	if (memo_pass(memo, M_PLACE << 1, &memo->place[1], &all) != 0 ||
	    memo_fs(sc, memo, &all) != 0 ||
	    memo_pass(memo, M_GEO, &memo->geo, &all) != 0 ||
	    list_under_statement(s, n, &all, 0) != 0 || heading_where_answer(s, n, &all, 0) != 0 ||
	    where_she_is(s, n, &all) != 0)
		goto done;
	struct prop_word w[PROP_WORDS];
	size_t nw = place_words(s, &all, 0, all.n, &keep, maxend, w);
	rc = nw == PROP_FULL ? MGW_E_TOO_LARGE : 0;
	for (size_t k = 0; k < nw && rc == 0; k++)
		if (w[k].common != THE_ONLY && !(lex_classify((const char *)s + w[k].a, w[k].n) & LEX_ALLOW))
			rc = add(ctx, (const char *)s + w[k].a, w[k].n);
done:
	free(maxend);
	spans_free(&all);
	spans_free(&names);
	spans_free(&keep);
	spans_free(&vals);
	return rc;
}

/* A rule of names_scan that finds a person by a cue ("cue:kin",
 * "cue:title"), not by the lexicon alone nor by a comma's form (a list's
 * "<Name>, <Agency>" reads as "SURNAME, Forename"): a finding sure enough
 * to be withheld from the share's other texts in all its forms. */
static int found_by_cue(const char *r)
{
	return r != NULL && strncmp(r, "cue:", 4) == 0;
}

/* The words of a found name at s[a..e) without titles, ranks, kinship
 * words, initials and collar numbers ("PC 1182 HUGHES" -> "HUGHES", "her
 * sister Keeva Tolvenny" -> "Keeva Tolvenny"), one space apart, to add. */
static int add_name_words(const unsigned char *s, size_t a, size_t e,
                          int (*add)(void *ctx, const char *w, size_t n), void *ctx)
{
	char buf[128];
	size_t o = 0;
	for (size_t i = a; i < e;) {
		if (!(sc_alpha(s[i]) || s[i] >= 0x80 || sc_digit(s[i]))) {
			i++;
			continue;
		}
		size_t w = i;
		int digit = 0;
		while (i < e && (sc_alnum(s[i]) || s[i] >= 0x80 || s[i] == '\'' || s[i] == '-'))
			digit |= sc_digit(s[i++]);
		if (digit || i - w < 2 || title_word(s + w, i - w))
			continue;
		unsigned b = lex_classify((const char *)s + w, i - w);
		size_t up = 0;
		for (size_t x = w; x < i; x++)
			up += sc_upper(s[x]);
		/* nor a word of an allow-listed phrase ("<Name>'s Law"), an
		 * agency's or a street's, nor a short acronym no list knows as
		 * a name ("RVH"): in every form they would take the phrase */
		if ((b & (LEX_TITLE | LEX_RANK | LEX_KIN | LEX_CALLED | LEX_FUNCTION | LEX_PHRASE |
		          LEX_STREET | LEX_INSTITUTION)) ||
		    ((b & LEX_ALLOW) && !(b & (LEX_FORENAME | LEX_SURNAME))) ||
		    (up == i - w && i - w <= 4 && !(b & (LEX_FORENAME | LEX_SURNAME))))
			continue;
		if (o + (i - w) + 1 > sizeof buf)
			return 0;
		if (o)
			buf[o++] = ' ';
		memcpy(buf + o, s + w, i - w);
		o += i - w;
	}
	return o ? add(ctx, buf, o) : 0;
}

/*
 * The people text names by a cue (scrub.h, scrub_found_names): the name
 * findings a scrub of the text withholds (not a reference's part, not an
 * agency's name, not a kept person), found by names_scan's cue and form
 * rules, each passed to add without its title or kinship word.
 */
int scrub_found_names(const scrubber *sc, struct scrub_memo *memo, const char *text, size_t len,
                      int (*add)(void *ctx, const char *w, size_t n), void *ctx)
{
	struct spans names = {0}, keep = {0}, vals = {0}, got = {0};
	size_t *maxend = NULL;
	int rc = 0;
	if (text == NULL || len == 0)
		return 0;
	if ((rc = text_matches(sc, memo, text, len, &names, &keep, &vals, &maxend)) != 0)
		goto done;
	const unsigned char *s = (const unsigned char *)memo->t.s;
	const size_t n = memo->t.n;
	rc = MGW_E_NOMEM;
	if (memo_pass(memo, M_NAMES, &memo->names, NULL) != 0)
		goto done;
	for (size_t j = 0; j < memo->names.n; j++) {
		struct span x = memo->names.v[j];
		if (x.kind != SCRUB_NAME || !found_by_cue(x.rule) || reference_part(s, n, x.start, x.end))
			continue;
		x.end = name_before_clock(s, x.start, x.end);
		if (in_org_name(s, n, x.start, x.end,
		                strncmp(x.rule, "cue:kin", 7) == 0 || strncmp(x.rule, "cue:title", 9) == 0))
			continue;
		if (push_unkept(s, &x, &keep, maxend, &got) != 0)
			goto done;
	}
	rc = 0;
	for (size_t j = 0; j < got.n && rc == 0; j++)
		rc = add_name_words(s, got.v[j].start, got.v[j].end, add, ctx);
done:
	free(maxend);
	spans_free(&got);
	spans_free(&names);
	spans_free(&keep);
	spans_free(&vals);
	return rc;
}

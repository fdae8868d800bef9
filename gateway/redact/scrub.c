/*
 * scrub.c: see scrub.h.
 *
 * Three passes over the text, each linear, each producing findings (byte
 * spans) in order of their start:
 *
 *   names   the text is folded on the fly (ident_char_next: case, diacritics,
 *           every run of non-word characters as one space, a virtual space at
 *           either end) and fed to an Aho-Corasick DFA whose patterns are the
 *           folded name variants wrapped in spaces, " j smith ", so a match
 *           is on word boundaries by construction. A ring buffer maps the
 *           last folded bytes back to source offsets. For each end position
 *           only the longest third-party and the longest keep match matter
 *           (shorter ones ending there lie inside them).
 *   e-mails anchored at each '@', scanning back over the local part and
 *           forward over the domain; neither scan crosses another '@', so
 *           every byte is looked at no more than twice.
 *   tokens  one walk that, at each word start, tries the recognisers whose
 *           first character fits; each reads a bounded window (at most 8
 *           digit groups, a few dozen bytes) and asks ident.c to validate.
 *
 * The three lists are then merged, overlapping findings united, and the
 * output written in one go.
 */
#include "scrub.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ident.h"
#include "mgw_err.h"

#define KIND_BIT(k) (1u << (k))
#define TOKEN_KINDS                                                                            \
	(KIND_BIT(SCRUB_PHONE) | KIND_BIT(SCRUB_POSTCODE) | KIND_BIT(SCRUB_NHS) |              \
	 KIND_BIT(SCRUB_NINO) | KIND_BIT(SCRUB_PNC) | KIND_BIT(SCRUB_CRN) | KIND_BIT(SCRUB_DOB))

/* Phones: at most this many digit groups and digits ("0044 (0)7700 900123" has 15). */
#define PHONE_MAX_GROUPS 8
#define PHONE_MAX_DIGITS 15

struct dob {
	int y, m, d;
};

struct acc {
	uint32_t scrub, keep; /* longest pattern of each sort ending in this state; 0 none */
};

struct scrubber {
	/* Aho-Corasick DFA over folded bytes. Rows are 2^shift wide and entries
	 * hold the next state's row offset (state << shift), which keeps a
	 * multiply out of the per-byte dependency chain:
	 * next = delta[cur + cls[byte]]; the state number is cur >> shift. */
	uint32_t nstates, shift;
	uint8_t cls[256];
	uint32_t *delta;
	struct acc *acc;
	size_t ring; /* power of two > longest pattern */
	struct dob *dobs;
	size_t ndobs;
};

const char *scrub_kind_name(enum scrub_kind k)
{
	static const char *const NAMES[SCRUB_KIND_COUNT] = {
		"phone", "email", "postcode", "nhs-number", "ni-number",
		"pnc-id", "crn", "date-of-birth", "name", "address", "place",
		"victim location", "safe times", "vehicle", "handle", "bank", "document",
		"value",
	};
	return (unsigned)k < SCRUB_KIND_COUNT ? NAMES[k] : "unknown";
}

/* ---- small growable arrays -------------------------------------------------- */

struct span {
	size_t s, e;
	unsigned kind;
};

struct spanv {
	struct span *v;
	size_t n, cap;
};

static int spanv_push(struct spanv *sv, size_t s, size_t e, unsigned kind)
{
	if (sv->n == sv->cap) {
		size_t cap = sv->cap ? 2 * sv->cap : 64;
		struct span *v = realloc(sv->v, cap * sizeof *v);
		if (v == NULL)
			return MGW_E_NOMEM;
		sv->v = v, sv->cap = cap;
	}
	sv->v[sv->n++] = (struct span){s, e, kind};
	return 0;
}

struct pat {
	char *p;
	size_t n;
	int keep;
};

struct patv {
	struct pat *v;
	size_t n, cap, bytes, maxlen;
};

/* Add " part0 part1 ... " (parts are folded words) as a pattern. */
static int pat_add(struct patv *pv, const char *const *parts, const size_t *lens, size_t np,
                   int keep)
{
	size_t n = 1;
	for (size_t i = 0; i < np; i++)
		n += lens[i] + 1;
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
	if (pv->n == pv->cap) {
		size_t cap = pv->cap ? 2 * pv->cap : 16;
		struct pat *v = realloc(pv->v, cap * sizeof *v);
		if (v == NULL) {
			free(p);
			return MGW_E_NOMEM;
		}
		pv->v = v, pv->cap = cap;
	}
	pv->v[pv->n++] = (struct pat){p, n, keep};
	pv->bytes += n;
	if (n > pv->maxlen)
		pv->maxlen = n;
	return 0;
}

/* Bytes of the UTF-8 character led by b (folded text is valid UTF-8). */
static size_t utf8_len(unsigned char b)
{
	return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/*
 * The variants of one name (see scrub.h). Words are split at white space
 * before folding, so "Smith-Jones" stays one surname ("smith jones").
 */
static int add_name(struct patv *pv, const char *name, int keep)
{
	size_t len = strlen(name), nw = 0, i = 0, o = 0;
	char *buf = malloc(2 * len + 2);
	const char **w = malloc((len / 2 + 2) * sizeof *w);
	size_t *wl = malloc((len / 2 + 2) * sizeof *wl);
	size_t last_letters = 0;
	int rc = MGW_E_NOMEM;

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
	if ((rc = pat_add(pv, w, wl, nw, keep)) != 0 || nw < 2)
		goto out;

	const char *sur = w[nw - 1], *first = w[0];
	size_t sl = wl[nw - 1], fl = wl[0], il = utf8_len((unsigned char)first[0]);
	const char *p2[2];
	size_t l2[2];
	if (last_letters >= 3 && (rc = pat_add(pv, &sur, &sl, 1, keep)) != 0)
		goto out;
	p2[0] = first, l2[0] = il, p2[1] = sur, l2[1] = sl; /* J Smith */
	if ((rc = pat_add(pv, p2, l2, 2, keep)) != 0)
		goto out;
	p2[0] = sur, l2[0] = sl, p2[1] = first, l2[1] = fl; /* Smith, John */
	if ((rc = pat_add(pv, p2, l2, 2, keep)) != 0)
		goto out;
	if (nw >= 3) {
		p2[0] = first, l2[0] = fl, p2[1] = sur, l2[1] = sl; /* John Smith */
		if ((rc = pat_add(pv, p2, l2, 2, keep)) != 0)
			goto out;
		for (size_t k = 0; k + 1 < nw; k++) /* J P Smith: reuse w[] in place */
			wl[k] = utf8_len((unsigned char)w[k][0]);
		rc = pat_add(pv, w, wl, nw, keep);
	}
out:
	free(buf);
	free(w);
	free(wl);
	return rc;
}

/* ---- Aho-Corasick ----------------------------------------------------------- */

static int ac_build(scrubber *sc, const struct patv *pv)
{
	uint32_t nclass = 1, nst = 1, shift = 0;
	uint32_t *queue = NULL;
	uint32_t *own_s = NULL, *own_k = NULL;

	sc->cls[' '] = (uint8_t)nclass++;
	for (size_t i = 0; i < pv->n; i++)
		for (size_t j = 0; j < pv->v[i].n; j++) {
			unsigned char b = (unsigned char)pv->v[i].p[j];
			if (sc->cls[b] == 0)
				sc->cls[b] = (uint8_t)nclass++; /* at most 255 distinct bytes + "other" */
		}
	while ((1u << shift) < nclass)
		shift++;
	const uint32_t W = 1u << shift;
	size_t cap = pv->bytes + 1;
	if (cap > UINT32_MAX / W || cap > SIZE_MAX / W / sizeof(uint32_t))
		return MGW_E_NOMEM;
	sc->delta = calloc(cap * W, sizeof(uint32_t));
	own_s = calloc(cap, sizeof *own_s);
	own_k = calloc(cap, sizeof *own_k);
	queue = malloc(cap * sizeof *queue);
	sc->acc = calloc(cap, sizeof *sc->acc);
	if (sc->delta == NULL || own_s == NULL || own_k == NULL || queue == NULL || sc->acc == NULL)
		goto nomem;

	for (size_t i = 0; i < pv->n; i++) {
		uint32_t st = 0;
		for (size_t j = 0; j < pv->v[i].n; j++) {
			uint32_t *t = &sc->delta[(size_t)st * W + sc->cls[(unsigned char)pv->v[i].p[j]]];
			if (*t == 0)
				*t = nst++;
			st = *t;
		}
		if (pv->v[i].keep)
			own_k[st] = (uint32_t)pv->v[i].n;
		else
			own_s[st] = (uint32_t)pv->v[i].n;
	}

	/* Breadth first: failure links, completed into a full DFA. Real trie
	 * edges are the non-zero entries of a row not yet completed (no edge
	 * leads back to the root). */
	uint32_t *fl = calloc(nst, sizeof *fl);
	if (fl == NULL)
		goto nomem;
	size_t qh = 0, qt = 0;
	for (uint32_t c = 0; c < nclass; c++) {
		uint32_t u = sc->delta[c];
		if (u) {
			fl[u] = 0;
			queue[qt++] = u;
		}
	}
	while (qh < qt) {
		uint32_t r = queue[qh++];
		uint32_t *row = &sc->delta[(size_t)r * W];
		const uint32_t *frow = &sc->delta[(size_t)fl[r] * W];
		sc->acc[r].scrub = own_s[r] > sc->acc[fl[r]].scrub ? own_s[r] : sc->acc[fl[r]].scrub;
		sc->acc[r].keep = own_k[r] > sc->acc[fl[r]].keep ? own_k[r] : sc->acc[fl[r]].keep;
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
	free(fl);
	free(queue);
	free(own_s);
	free(own_k);
	sc->nstates = nst;
	sc->shift = shift;
	for (size_t x = 0; x < (size_t)nst * W; x++)
		sc->delta[x] <<= shift;
	size_t r = 16;
	while (r <= pv->maxlen + 1)
		r <<= 1;
	sc->ring = r;
	return 0;
nomem:
	free(queue);
	free(own_s);
	free(own_k);
	return MGW_E_NOMEM;
}

scrubber *scrubber_new(const char *const *names, size_t n_names, const char *const *keep,
                       size_t n_keep, const char *const *dobs, size_t n_dobs)
{
	scrubber *sc = calloc(1, sizeof *sc);
	struct patv pv = {0};

	if (sc == NULL)
		return NULL;
	for (size_t i = 0; i < n_names; i++)
		if (names[i] != NULL && add_name(&pv, names[i], 0) != 0)
			goto fail;
	for (size_t i = 0; i < n_keep; i++)
		if (keep[i] != NULL && add_name(&pv, keep[i], 1) != 0)
			goto fail;
	if (pv.n > 0 && ac_build(sc, &pv) != 0)
		goto fail;
	if (n_dobs > 0 && (sc->dobs = calloc(n_dobs, sizeof *sc->dobs)) == NULL)
		goto fail;
	for (size_t i = 0; i < n_dobs; i++) {
		char iso[11];
		if (dobs[i] == NULL || ident_date_parse(dobs[i], strlen(dobs[i]), iso) != 0)
			continue;
		struct dob *d = &sc->dobs[sc->ndobs++];
		d->y = atoi(iso), d->m = atoi(iso + 5), d->d = atoi(iso + 8);
	}
	for (size_t i = 0; i < pv.n; i++)
		free(pv.v[i].p);
	free(pv.v);
	return sc;
fail:
	for (size_t i = 0; i < pv.n; i++)
		free(pv.v[i].p);
	free(pv.v);
	scrubber_free(sc);
	return NULL;
}

void scrubber_free(scrubber *sc)
{
	if (sc == NULL)
		return;
	free(sc->delta);
	free(sc->acc);
	free(sc->dobs);
	free(sc);
}

/* ---- character helpers ------------------------------------------------------ */

static int is_digit(unsigned char c)
{
	return (unsigned)(c - '0') < 10u;
}

static int is_alpha(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u;
}

static int is_alnum(unsigned char c)
{
	return is_digit(c) || is_alpha(c);
}

/* Is there a word boundary before s[e]: end of text, or a char that is not
 * a letter or digit? With glue, '/' and '\' join digits to a reference. */
static int ends_word(const unsigned char *s, size_t n, size_t e, int glue)
{
	if (e >= n)
		return 1;
	if (s[e] < 0x80)
		return !is_alnum(s[e]) && !(glue && (s[e] == '/' || s[e] == '\\'));
	struct ident_char c;
	ident_char_next((const char *)s + e, n - e, &c);
	return c.cls != IDENT_C_LETTER && c.cls != IDENT_C_DIGIT;
}

/* Length of the digit run at s[i], counting no further than max + 1. */
static size_t digits_at(const unsigned char *s, size_t n, size_t i, size_t max)
{
	size_t k = 0;
	while (i + k < n && is_digit(s[i + k]) && k <= max)
		k++;
	return k;
}

/* ---- names ------------------------------------------------------------------ */

static unsigned char ascii_fold(unsigned char b)
{
	if (is_digit(b))
		return b;
	if (is_alpha(b))
		return b | 0x20;
	return 0;
}

/*
 * Does this boundary character end a sentence or clause? Words of one name
 * are separated by spaces, commas ("Smith, John"), hyphens, slashes, or a
 * full stop after an initial ("J. Smith"); anything else (a full stop after
 * a longer word, brackets, quotes, colons, dashes) separates names, so
 * "... saw Gloam. Percival Jones ..." is no "Gloam Percival".
 */
static int is_strong(const unsigned char *p, size_t k, unsigned cls, size_t wlen)
{
	if (cls == IDENT_C_SPACE)
		return 0;
	if (k == 1 && p[0] < 0x80)
		return p[0] == '.' ? wlen != 1 : strchr(",-/&+_", p[0]) == NULL || p[0] == '\0';
	/* U+2010..U+2013: hyphens and the en dash of double-barrelled names. */
	return !(k == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x93);
}

/*
 * Third-party name findings, keep-names applied, united where they overlap,
 * in order of start.
 */
static int name_pass(const scrubber *sc, const unsigned char *s, size_t n, struct spanv *out)
{
	const size_t rmask = sc->ring - 1;
	const uint32_t shift = sc->shift;
	const uint32_t *delta = sc->delta;
	const uint8_t *cls = sc->cls;
	struct spanv keep = {0};
	size_t *rs = malloc(2 * sc->ring * sizeof *rs), *re = rs + sc->ring;
	size_t pos = 0, i = 0;
	uint32_t st;
	size_t wlen = 0; /* characters in the last word */
	int sp = 1, strong = 0, rc = MGW_E_NOMEM;

	if (rs == NULL)
		return MGW_E_NOMEM;
	rs[0] = re[0] = 0;
	st = delta[cls[' ']]; /* the virtual space before the text */

#define EMIT(byte, a, b)                                                                        \
	do {                                                                                   \
		pos++;                                                                         \
		rs[pos & rmask] = (a);                                                         \
		re[pos & rmask] = (b);                                                         \
		st = delta[st + cls[(unsigned char)(byte)]];                                   \
	} while (0)
	/* Patterns end in a space: only a boundary can complete one. */
#define BOUNDARY(a, b)                                                                          \
	do {                                                                                   \
		EMIT(' ', a, b);                                                               \
		sp = 1;                                                                        \
		const struct acc *ac = &sc->acc[st >> shift];                                  \
		if (ac->scrub && spanv_push(out, rs[(pos - ac->scrub + 2) & rmask],            \
		                            re[(pos - 1) & rmask], SCRUB_NAME) != 0)           \
			goto done;                                                             \
		if (ac->keep && spanv_push(&keep, rs[(pos - ac->keep + 2) & rmask],            \
		                           re[(pos - 1) & rmask], SCRUB_NAME) != 0)            \
			goto done;                                                             \
	} while (0)

	while (i < n) {
		unsigned char b = s[i], f;
		struct ident_char c;
		size_t k = 1;
		if (b < 0x80 && (f = ascii_fold(b)) != 0) {
			if (sp) {
				if (strong) { /* " \n ": a word may end or start here, a name not span it */
					EMIT('\n', i, i);
					EMIT(' ', i, i);
				}
				sp = 0, strong = 0, wlen = 0;
			}
			do { /* the hot loop: a run of ASCII letters and digits */
				EMIT(f, i, i + 1);
				wlen++, i++;
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
			if (sp) {
				if (strong) { /* " \n ": a word may end or start here, a name not span it */
					EMIT('\n', i, i);
					EMIT(' ', i, i);
				}
				sp = 0, strong = 0, wlen = 0;
			}
			for (unsigned j = 0; j < c.nfold; j++)
				EMIT(c.fold[j], i, i + k);
			wlen++;
		} else if (c.cls != IDENT_C_JOIN) {
			if (!sp)
				BOUNDARY(i, i + k);
			strong |= is_strong(s + i, k, c.cls, wlen);
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
#undef EMIT

	/*
	 * Both lists are in order of end. A third-party match (s,e) is dropped
	 * when a keep match covers it: some keep match with end >= e has start
	 * <= s, i.e. the least start among keep matches from the first with
	 * end >= e is <= s. Survivors are united on a stack, which leaves them
	 * in order of start.
	 */
	for (size_t j = keep.n; j-- > 1;)
		if (keep.v[j].s < keep.v[j - 1].s)
			keep.v[j - 1].s = keep.v[j].s;
	size_t kj = 0, top = 0;
	for (size_t j = 0; j < out->n; j++) {
		struct span m = out->v[j];
		while (kj < keep.n && keep.v[kj].e < m.e)
			kj++;
		if (kj < keep.n && keep.v[kj].s <= m.s)
			continue;
		while (top > 0 && out->v[top - 1].e > m.s) {
			top--;
			if (out->v[top].s < m.s)
				m.s = out->v[top].s;
		}
		out->v[top++] = m;
	}
	out->n = top;
	rc = 0;
done:
	free(rs);
	free(keep.v);
	return rc;
}

/* ---- e-mail addresses ------------------------------------------------------- */

static int is_local_ascii(unsigned char c)
{
	return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
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

static int email_pass(const unsigned char *s, size_t n, struct spanv *out)
{
	const unsigned char *at;
	size_t from = 0;

	while (from < n && (at = memchr(s + from, '@', n - from)) != NULL) {
		size_t a = (size_t)(at - s), ls = a, i = a + 1, end = 0, labels = 0;
		from = a + 1;
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
					if (!is_alnum(s[i]) && s[i] != '-')
						break;
					letters &= is_alpha(s[i]);
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
			if (labels++ > 0 && letters && nch >= 2)
				end = i;
			if (i >= n || s[i] != '.')
				break;
			i++;
		}
		if (end && spanv_push(out, ls, end, SCRUB_EMAIL) != 0)
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

/* YYYY/NNNNNNNL, YY/NNNNNNNL (1-7 digit serial) or YYYYNNNNNNNL. */
static size_t pnc_at(const unsigned char *s, size_t n, size_t i)
{
	char out[16];
	size_t j = i + digits_at(s, n, i, 11), k = j - i;
	if (k == 11) {
		/* no slash: the letter follows at once */
	} else if ((k == 2 || k == 4) && j < n && s[j] == '/') {
		size_t ns = digits_at(s, n, j + 1, 7);
		if (ns < 1 || ns > 7)
			return 0;
		j += 1 + ns;
	} else {
		return 0;
	}
	if (j >= n || !is_alpha(s[j]) || !ends_word(s, n, j + 1, 1))
		return 0;
	return ident_pnc_valid((const char *)s + i, j + 1 - i, out) == 0 ? j + 1 : 0;
}

/* 10 digits, or 3-3-4 with one space or '-' (the same twice). */
static size_t nhs_at(const unsigned char *s, size_t n, size_t i)
{
	char out[11];
	size_t k = digits_at(s, n, i, 10), e;
	if (k == 10) {
		e = i + 10;
	} else if (k == 3 && i + 12 <= n && (s[i + 3] == ' ' || s[i + 3] == '-') &&
	           s[i + 7] == s[i + 3] && digits_at(s, n, i + 4, 3) == 3 &&
	           digits_at(s, n, i + 8, 4) == 4) {
		e = i + 12;
	} else {
		return 0;
	}
	if (!ends_word(s, n, e, 1))
		return 0;
	return ident_nhs_valid((const char *)s + i, e - i, out) == 0 ? e : 0;
}

static int is_gap(unsigned char c)
{
	return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
}

/*
 * Digit groups from s[i] (which may be '+' or '('), joined by 1-3 gap
 * characters; the longest run of whole groups that ident_phone_e164
 * accepts and that ends a word wins.
 */
static size_t phone_at(const unsigned char *s, size_t n, size_t *start)
{
	size_t i = *start;
	size_t ge[PHONE_MAX_GROUPS], ng = 0, nd = 0, j = i;
	char e164[16];

	if (s[j] == '+' || s[j] == '(')
		j++;
	while (ng < PHONE_MAX_GROUPS && j < n && is_digit(s[j])) {
		size_t k = digits_at(s, n, j, PHONE_MAX_DIGITS);
		if (nd + k > PHONE_MAX_DIGITS)
			break;
		nd += k;
		j += k;
		ge[ng++] = j;
		size_t g = j;
		while (g < n && g - j < 3 && is_gap(s[g]))
			g++;
		if (g == j)
			break;
		j = g;
	}
	while (ng > 0) {
		size_t e = ge[--ng];
		if (!ends_word(s, n, e, 1) || ident_phone_e164((const char *)s + i, e - i, e164) != 0)
			continue;
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

/* AB123456C, AB 12 34 56 C, ab 123456 c. */
static size_t nino_at(const unsigned char *s, size_t n, size_t i)
{
	char out[10];
	size_t j = i + 2;
	if (j >= n || !is_alpha(s[i + 1]))
		return 0;
	if (s[j] == ' ')
		j++;
	size_t k = digits_at(s, n, j, 6);
	if (k == 6) {
		j += 6;
	} else if (k == 2) {
		j += 2;
		for (int g = 0; g < 2; g++, j += 3)
			if (j >= n || s[j] != ' ' || digits_at(s, n, j + 1, 2) != 2)
				return 0;
	} else {
		return 0;
	}
	if (j < n && s[j] == ' ')
		j++;
	if (j >= n || !is_alpha(s[j]) || !ends_word(s, n, j + 1, 0))
		return 0;
	return ident_nino_valid((const char *)s + i, j + 1 - i, out) == 0 ? j + 1 : 0;
}

/* A word of 5-7 letters and digits, or an outward code, 1-3 spaces and a
 * 3-character inward code; ident decides which are postcodes. */
static size_t postcode_at(const unsigned char *s, size_t n, size_t i)
{
	char out[9];
	size_t j = i, e;
	/* Cheap refusal of ordinary words: a digit second or third, or GIR. */
	if (i + 2 >= n || !(is_digit(s[i + 1]) || (is_alpha(s[i + 1]) && is_digit(s[i + 2])) ||
	                    ((s[i] | 0x20) == 'g' && (s[i + 1] | 0x20) == 'i' && (s[i + 2] | 0x20) == 'r')))
		return 0;
	while (j < n && j - i < 8 && is_alnum(s[j]))
		j++;
	if (j - i >= 5 && j - i <= 7) {
		e = j;
	} else if (j - i >= 2 && j - i <= 4) {
		size_t g = j;
		while (g < n && g - j < 4 && s[g] == ' ')
			g++;
		if (g == j || g - j > 3 || g + 3 > n || !is_alnum(s[g]) || !is_alnum(s[g + 1]) ||
		    !is_alnum(s[g + 2]))
			return 0;
		e = g + 3;
	} else {
		return 0;
	}
	if (!ends_word(s, n, e, 0))
		return 0;
	return ident_postcode_norm((const char *)s + i, e - i, out) == 0 ? e : 0;
}

static size_t crn_at(const unsigned char *s, size_t n, size_t i)
{
	char out[8];
	if (digits_at(s, n, i + 1, 6) != 6 || !ends_word(s, n, i + 7, 0))
		return 0;
	return ident_crn_valid((const char *)s + i, 7, out) == 0 ? i + 7 : 0;
}

/* The identifier starting at word start s[*i], if any: its end and kind
 * (*i moves on when a phone leaves out a leading bracket). */
static size_t token_at(const scrubber *sc, const unsigned char *s, size_t n, size_t *start,
                       unsigned mask, unsigned *kind)
{
	size_t i = *start;
	unsigned char b = s[i];
	size_t e;
#define TRY(k, call)                                                                            \
	do {                                                                                   \
		if ((mask & KIND_BIT(k)) && (e = (call)) != 0) {                               \
			*kind = (k);                                                           \
			return e;                                                              \
		}                                                                              \
	} while (0)
	if (is_alpha(b)) {
		TRY(SCRUB_NINO, nino_at(s, n, i));
		TRY(SCRUB_POSTCODE, postcode_at(s, n, i));
		TRY(SCRUB_CRN, crn_at(s, n, i));
		if (sc->ndobs)
			TRY(SCRUB_DOB, dob_at(sc, s, n, i));
		return 0;
	}
	int glued = i > 0 && (s[i - 1] == '/' || s[i - 1] == '\\');
	if (is_digit(b)) {
		if (sc->ndobs)
			TRY(SCRUB_DOB, dob_at(sc, s, n, i));
		if (!glued) {
			TRY(SCRUB_PNC, pnc_at(s, n, i));
			TRY(SCRUB_NHS, nhs_at(s, n, i));
		}
	}
	if (!glued)
		TRY(SCRUB_PHONE, phone_at(s, n, start));
#undef TRY
	return 0;
}

/* ASCII classes for the walk: W a word character (letter or digit), S a
 * character an identifier may start with (W, '+', '('). */
enum { CW = 1, CS = 2, CL = CW | CS };
static const unsigned char ASCII_CC[128] = {
	0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  /* 00 */
	0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  /* 10 */
	0,  0,  0,  0,  0,  0,  0,  0,  CS, 0,  0,  CS, 0,  0,  0,  0,  /* 20 ( + */
	CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, 0,  0,  0,  0,  0,  0,  /* 30 0-9 */
	0,  CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, CL, /* 40 A-O */
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

/*
 * Walk the text word by word: at each word start (and each '+' or '(' not
 * inside a word) try the recognisers; skip the rest of a word unread.
 */
static int token_pass(const scrubber *sc, const unsigned char *s, size_t n, unsigned mask,
                      struct spanv *out)
{
	size_t i = 0;

	while (i < n) {
		/* Here the previous character is not a word character. */
		if (s[i] < 0x80 && (ASCII_CC[s[i]] & CS)) {
			unsigned kind;
			size_t from = i, e = token_at(sc, s, n, &from, mask, &kind);
			if (e) {
				if (spanv_push(out, from, e, kind) != 0)
					return MGW_E_NOMEM;
				i = e; /* every recogniser ends before a non-word character */
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
		size_t cap = b->cap;
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

int scrub_text(const scrubber *sc, const char *text, size_t len, const char *ground,
               unsigned kinds_mask, char **out, unsigned counts[SCRUB_KIND_COUNT])
{
	const unsigned char *s = (const unsigned char *)text;
	unsigned mask = kinds_mask ? kinds_mask : ~0u;
	unsigned found[SCRUB_KIND_COUNT] = {0};
	struct spanv lists[3] = {{0}};
	struct buf b = {0};
	char prefix[80];
	size_t np;
	int rc = MGW_E_NOMEM;

	*out = NULL;
	if (s == NULL)
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
	if ((mask & KIND_BIT(SCRUB_NAME)) && sc->nstates > 0 && name_pass(sc, s, len, &lists[0]) != 0)
		goto done;
	if ((mask & KIND_BIT(SCRUB_EMAIL)) && email_pass(s, len, &lists[1]) != 0)
		goto done;
	if ((mask & TOKEN_KINDS) && token_pass(sc, s, len, mask, &lists[2]) != 0)
		goto done;

	b.cap = len + len / 16 + 64;
	if ((b.p = malloc(b.cap)) == NULL)
		goto done;
	size_t at[3] = {0, 0, 0}, pos = 0;
	for (;;) {
		/* Next finding: least start, then greatest end. */
		int best = -1;
		for (int l = 0; l < 3; l++) {
			if (at[l] == lists[l].n)
				continue;
			const struct span *c = &lists[l].v[at[l]];
			if (best < 0 || c->s < lists[best].v[at[best]].s ||
			    (c->s == lists[best].v[at[best]].s && c->e > lists[best].v[at[best]].e))
				best = l;
		}
		if (best < 0)
			break;
		struct span cur = lists[best].v[at[best]++];
		for (int grew = 1; grew;) { /* unite everything that overlaps */
			grew = 0;
			for (int l = 0; l < 3; l++)
				while (at[l] < lists[l].n && lists[l].v[at[l]].s < cur.e) {
					if (lists[l].v[at[l]].e > cur.e) {
						cur.e = lists[l].v[at[l]].e;
						grew = 1;
					}
					at[l]++;
				}
		}
		const char *kn = scrub_kind_name((enum scrub_kind)cur.kind);
		if (buf_put(&b, s + pos, cur.s - pos) != 0 || buf_put(&b, prefix, np) != 0 ||
		    buf_put(&b, kn, strlen(kn)) != 0 || buf_put(&b, "]", 1) != 0)
			goto done;
		found[cur.kind]++;
		pos = cur.e;
	}
	if (buf_put(&b, s + pos, len - pos) != 0 || buf_put(&b, "", 1) != 0)
		goto done;
	*out = b.p;
	b.p = NULL;
	if (counts != NULL)
		for (int k = 0; k < SCRUB_KIND_COUNT; k++)
			counts[k] += found[k];
	rc = 0;
done:
	free(b.p);
	for (int l = 0; l < 3; l++)
		free(lists[l].v);
	return rc;
}

/* ---- interface of the full scrubber (values, flags, findings: being filled in) --------- */

scrubber *scrubber_build(const struct scrub_spec *spec)
{
	return scrubber_new(spec->names, spec->n_names, spec->keep, spec->n_keep, spec->dobs,
			    spec->n_dobs);
}

int scrub_text_ex(const scrubber *s, const char *text, size_t len, const char *ground,
		  unsigned kinds_mask, char **out, unsigned counts[SCRUB_KIND_COUNT],
		  struct scrub_finding **findings, size_t *n_findings)
{
	if (findings != NULL) {
		*findings = NULL;
		*n_findings = 0;
	}
	return scrub_text(s, text, len, ground, kinds_mask, out, counts);
}

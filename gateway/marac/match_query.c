/*
 * match_query.c: the repeat query over the match_ tables (match.h).
 *
 * Two passes over the index, each one indexed lookup per key of the new
 * referral: victim keys find the candidate cases of any date (and which
 * kinds matched);
 * perpetrator keys then mark the candidates whose perpetrator matches. The
 * rule of match.h is applied in memory, then candidates are split by the
 * window. A referral has tens of keys, so this is tens of B-tree probes.
 */
#include "match.h"
#include "match_int.h"

#include <stdlib.h>
#include <string.h>

#include "caldate.h"
#include "mgw_err.h"

struct cand {
	struct match_prev p;
	int32_t day;
	int has_perp;
	int perp_name; /* a perpetrator's name alone matched (MATCH_KIND_PERP_NAME) */
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

static void cand_clear(struct match_prev *p)
{
	free(p->case_ref);
	free(p->referral_date);
	free(p->marac_area);
	memset(p, 0, sizeof *p);
}

static struct cand *cand_find(struct cands *c, const char *case_ref)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].p.case_ref, case_ref) == 0)
			return &c->v[i];
	return NULL;
}

static int dup_col(sqlite3_stmt *st, int col, char **out)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	*out = strdup(s ? (const char *)s : "");
	return *out ? MGW_OK : MGW_E_NOMEM;
}

/*
 * The kind a stored row matched on, for a probe key: a name variant counts
 * as the fuzzy name it stands for, and two variants never match (match.h
 * "Name variants"): 0 then.
 */
static int row_kind(const struct match_key *probe, int stored)
{
	if (stored == MATCH_KIND_NAME_VARIANT && probe->kind == MATCH_KIND_NAME_VARIANT)
		return 0;
	return stored == MATCH_KIND_NAME_VARIANT ? MATCH_KIND_FUZZY_NAME_DOB : stored;
}

/* Pass 1: cases sharing a victim key, whenever referred (late paperwork: match.h). */
static int victim_pass(sqlite3 *db, const struct match_keys *k, const char *exclude,
		       struct cands *c)
{
	sqlite3_stmt *st = NULL;
	int rc = MGW_E_DB;
	if (sqlite3_prepare_v2(db,
			       "SELECT k.case_ref, k.kind, c.referral_date, c.referral_day, "
			       "c.marac_area, c.has_perp FROM match_key k JOIN match_case c "
			       "ON c.case_ref = k.case_ref WHERE k.hmac = ?1 AND k.party = 1 "
			       "AND k.case_ref IS NOT ?2",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	for (size_t i = 0; i < k->n; i++) {
		if (k->keys[i].party != MATCH_VICTIM)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_blob(st, 1, k->keys[i].hmac, MATCH_HMAC_LEN, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, exclude, -1, SQLITE_STATIC);
		int s;
		while ((s = sqlite3_step(st)) == SQLITE_ROW) {
			const char *ref = (const char *)sqlite3_column_text(st, 0);
			int kind = row_kind(&k->keys[i], sqlite3_column_int(st, 1));
			if (kind == 0)
				continue;
			struct cand *x = cand_find(c, ref ? ref : "");
			if (x == NULL) {
				if (c->n == c->cap) {
					size_t cap = c->cap ? c->cap * 2 : 8;
					struct cand *nv = realloc(c->v, cap * sizeof *nv);
					if (nv == NULL) {
						rc = MGW_E_NOMEM;
						goto fail;
					}
					c->v = nv;
					c->cap = cap;
				}
				x = &c->v[c->n];
				memset(x, 0, sizeof *x);
				c->n++;
				if (dup_col(st, 0, &x->p.case_ref) || dup_col(st, 2, &x->p.referral_date) ||
				    dup_col(st, 4, &x->p.marac_area)) {
					rc = MGW_E_NOMEM;
					goto fail;
				}
				x->day = sqlite3_column_int(st, 3);
				x->has_perp = sqlite3_column_int(st, 5);
			}
			if (kind > 0 && kind < 32)
				x->p.victim_kinds |= 1u << kind;
		}
		if (s != SQLITE_DONE)
			goto fail;
	}
	rc = MGW_OK;
fail:
	sqlite3_finalize(st);
	return rc;
}

/* Kinds strong enough to call two perpetrators one person across victims. */
#define SERIAL_KINDS                                                                         \
	((1u << MATCH_KIND_PHONE) | (1u << MATCH_KIND_NHS) | (1u << MATCH_KIND_NINO) |       \
	 (1u << MATCH_KIND_NAME_DOB) | (1u << MATCH_KIND_PNC) | (1u << MATCH_KIND_CRN))

/* Add (or find) a case in c from the current row: case_ref, kind, date, day, area. */
static int cand_add(struct cands *c, sqlite3_stmt *st, struct cand **out)
{
	const char *ref = (const char *)sqlite3_column_text(st, 0);
	struct cand *x = cand_find(c, ref ? ref : "");
	if (x == NULL) {
		if (c->n == c->cap) {
			size_t cap = c->cap ? c->cap * 2 : 8;
			struct cand *nv = realloc(c->v, cap * sizeof *nv);
			if (nv == NULL)
				return MGW_E_NOMEM;
			c->v = nv;
			c->cap = cap;
		}
		x = &c->v[c->n];
		memset(x, 0, sizeof *x);
		c->n++;
		if (dup_col(st, 0, &x->p.case_ref) || dup_col(st, 2, &x->p.referral_date) ||
		    dup_col(st, 4, &x->p.marac_area))
			return MGW_E_NOMEM;
		x->day = sqlite3_column_int(st, 3);
	}
	*out = x;
	return MGW_OK;
}

/*
 * Pass 2: mark candidates whose perpetrator shares a key with the new one;
 * cases that are not candidates (their victim matched nothing) and share
 * a strong perpetrator key go to serial (match.h "Serial perpetrator").
 */
static int perp_pass(sqlite3 *db, const struct match_keys *k, const char *exclude,
		     struct cands *c, struct cands *serial)
{
	sqlite3_stmt *st = NULL;
	int rc = MGW_E_DB;
	if (sqlite3_prepare_v2(db,
			       "SELECT k.case_ref, k.kind, c.referral_date, c.referral_day, "
			       "c.marac_area FROM match_key k JOIN match_case c "
			       "ON c.case_ref = k.case_ref WHERE k.hmac = ?1 AND k.party = 2 "
			       "AND k.case_ref IS NOT ?2",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	for (size_t i = 0; i < k->n; i++) {
		if (k->keys[i].party != MATCH_PERPETRATOR)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_blob(st, 1, k->keys[i].hmac, MATCH_HMAC_LEN, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, exclude, -1, SQLITE_STATIC);
		int s;
		while ((s = sqlite3_step(st)) == SQLITE_ROW) {
			const char *ref = (const char *)sqlite3_column_text(st, 0);
			struct cand *x = cand_find(c, ref ? ref : "");
			int kind = row_kind(&k->keys[i], sqlite3_column_int(st, 1));
			if (kind <= 0 || kind >= 32)
				continue;
			if (kind == MATCH_KIND_PERP_NAME) {
				/* never reported, never serial: see the rule in match_query */
				if (x != NULL)
					x->perp_name = 1;
				continue;
			}
			if (x != NULL) {
				x->p.perp_kinds |= 1u << kind;
			} else if (SERIAL_KINDS & (1u << kind)) {
				if ((rc = cand_add(serial, st, &x)) != MGW_OK)
					goto fail;
				x->p.perp_kinds |= 1u << kind;
				rc = MGW_E_DB;
			}
		}
		if (s != SQLITE_DONE)
			goto fail;
	}
	rc = MGW_OK;
fail:
	sqlite3_finalize(st);
	return rc;
}

/*
 * The class of identifier a perpetrator key is (bit 1 << class): the name
 * keys with a DOB (exact, fuzzy, phonetic, variants) are one class, each
 * other identifier its own; postcode + name none (it tells nobody apart).
 */
static unsigned perp_class(int kind)
{
	switch (kind) {
	case MATCH_KIND_POSTCODE_NAME:
	case MATCH_KIND_PERP_NAME:
		return 0;
	case MATCH_KIND_FUZZY_NAME_DOB:
	case MATCH_KIND_PHONETIC_NAME_DOB:
	case MATCH_KIND_NAME_VARIANT:
		return 1u << MATCH_KIND_NAME_DOB;
	default:
		return kind > 0 && kind < 32 ? 1u << kind : 0;
	}
}

/*
 * Whether the perpetrators of case_ref were recorded with an identifier of
 * a class in classes (perp_class): only then can a perpetrator key of the
 * new referral missing from the case say "another perpetrator" (match.h
 * rule b, h-match5). Returns 1, 0, or MGW_E_DB.
 */
static int perp_comparable(sqlite3 *db, const char *case_ref, unsigned classes)
{
	sqlite3_stmt *st = NULL;
	int rc = MGW_E_DB, s;
	if (sqlite3_prepare_v2(db,
			       "SELECT DISTINCT kind FROM match_key WHERE case_ref = ?1 AND "
			       "party = 2",
			       -1, &st, NULL) != SQLITE_OK)
		goto out;
	sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
	unsigned theirs = 0;
	while ((s = sqlite3_step(st)) == SQLITE_ROW)
		theirs |= perp_class(sqlite3_column_int(st, 0));
	if (s != SQLITE_DONE)
		goto out;
	rc = (theirs & classes) != 0;
out:
	sqlite3_finalize(st);
	return rc;
}

/* Newest first, then case ref, so results are deterministic. */
static int cand_cmp(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day > b->day ? -1 : 1;
	return strcmp(a->p.case_ref, b->p.case_ref);
}

/* Move the newest MATCH_SERIAL_MAX serial cases into out. */
static int serial_out(struct cands *sc, struct match_result *out)
{
	if (sc->n == 0)
		return MGW_OK;
	qsort(sc->v, sc->n, sizeof *sc->v, cand_cmp);
	size_t n = sc->n < MATCH_SERIAL_MAX ? sc->n : MATCH_SERIAL_MAX;
	if ((out->serial = calloc(n, sizeof *out->serial)) == NULL)
		return MGW_E_NOMEM;
	for (size_t i = 0; i < n; i++) {
		out->serial[i] = sc->v[i].p;
		memset(&sc->v[i].p, 0, sizeof sc->v[i].p);
	}
	out->n_serial = n;
	out->n_serial_total = sc->n;
	return MGW_OK;
}

int match_query(sqlite3 *db, const struct match_keys *k, const char *referral_date,
		unsigned window_months, const char *exclude_case_ref, struct match_result *out)
{
	struct cands c = {0}, sc = {0};
	int32_t r;
	int rc = MGW_E_INVALID;

	memset(out, 0, sizeof *out);
	if (caldate_parse(referral_date, &r) != 0 || window_months < 1 || window_months > 120)
		return MGW_E_INVALID;
	/* No victim keys: no repeat, but a serial perpetrator is still found. */
	if (k->n_victim > 0 && (rc = victim_pass(db, k, exclude_case_ref, &c)) != MGW_OK)
		goto fail;
	if (k->n_perp > 0 && (rc = perp_pass(db, k, exclude_case_ref, &c, &sc)) != MGW_OK)
		goto fail;
	if ((rc = serial_out(&sc, out)) != MGW_OK)
		goto fail;

	/* Apply the perpetrator rule: drop, compacting in place. An exact name
	 * match implies a fuzzy one: report only the exact kind. */
	const unsigned exact = 1u << MATCH_KIND_NAME_DOB,
		       fuzzy = (1u << MATCH_KIND_FUZZY_NAME_DOB) | (1u << MATCH_KIND_PHONETIC_NAME_DOB);
	size_t kept = 0;
	/* only perpetrator keys that tell people apart can say "another
	 * perpetrator" (match_perp_tells); any shared key says "the same" */
	const int tells = match_perp_tells(k);
	unsigned classes = 0;
	for (size_t i = 0; i < k->n; i++)
		if (k->keys[i].party == MATCH_PERPETRATOR)
			classes |= perp_class(k->keys[i].kind);
	for (size_t i = 0; i < c.n; i++) {
		struct match_prev *p = &c.v[i].p;
		if (tells && c.v[i].has_perp && p->perp_kinds == 0) {
			/* Known by different identifiers on each side (police by
			 * name and DOB, probation by name and CRN alone): no key
			 * could have matched, and the same name says the same man;
			 * the victim decides (h-match5, match.h Decisions). */
			int cmp = c.v[i].perp_name ? perp_comparable(db, p->case_ref, classes) : 1;
			if (cmp < 0) {
				rc = cmp;
				goto fail;
			}
			if (cmp) {
				cand_clear(p);
				continue;
			}
		}
		if (p->victim_kinds & exact)
			p->victim_kinds &= ~fuzzy;
		if (p->perp_kinds & exact)
			p->perp_kinds &= ~fuzzy;
		p->strength = match_strength(p->victim_kinds);
		c.v[kept++] = c.v[i];
	}
	c.n = kept;
	if (c.n > 1)
		qsort(c.v, c.n, sizeof *c.v, cand_cmp);

	/*
	 * Newest first: later-dated cases (filed before this late referral),
	 * then the window (anchored on the earlier referral, caldate.h), then
	 * lapsed ones. The link: the nearest later case in the window the other
	 * way, else the most recent lapsed one.
	 */
	size_t later = 0, in, link = c.n;
	while (later < c.n && c.v[later].day > r)
		later++;
	in = later;
	while (in < c.n && caldate_within_months(c.v[in].day, r, window_months))
		in++;
	if (later > 0 && caldate_within_months(r, c.v[later - 1].day, window_months)) {
		link = later - 1;
		out->linked_later = 1;
	} else if (in < c.n) {
		link = in;
	}
	if (in > later) {
		out->previous = malloc((in - later) * sizeof *out->previous);
		if (out->previous == NULL) {
			rc = MGW_E_NOMEM;
			goto fail;
		}
		for (size_t i = later; i < in; i++) {
			out->previous[i - later] = c.v[i].p;
			memset(&c.v[i].p, 0, sizeof c.v[i].p);
		}
		out->n_previous = in - later;
		out->repeat = 1;
		out->linked_later = 0;
	} else if (link < c.n) {
		out->linked = 1;
		out->linked_case = c.v[link].p;
		memset(&c.v[link].p, 0, sizeof c.v[link].p);
	}
	rc = MGW_OK;
fail:
	for (size_t i = 0; i < c.n; i++)
		cand_clear(&c.v[i].p);
	free(c.v);
	for (size_t i = 0; i < sc.n; i++)
		cand_clear(&sc.v[i].p);
	free(sc.v);
	if (rc != MGW_OK)
		match_result_free(out);
	return rc;
}

void match_result_free(struct match_result *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n_previous; i++)
		cand_clear(&r->previous[i]);
	free(r->previous);
	cand_clear(&r->linked_case);
	for (size_t i = 0; i < r->n_serial; i++)
		cand_clear(&r->serial[i]);
	free(r->serial);
	memset(r, 0, sizeof *r);
}

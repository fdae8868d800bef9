/*
 * lookup.c: see lookup.h.
 *
 * One indexed probe of match_key per query key (a lookup has one to four
 * keys), then three small reads per open case found (its row, its research
 * agencies, its touches). All on the caller's handle; nothing is cached, so
 * a read-only handle sees each committed referral at once.
 */
#include "lookup.h"
#include "markers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "caldate.h"
#include "ident.h"
#include "match_int.h"
#include "marac/v1/case.pb-c.h"
#include "mgw_err.h"

/* Kinds a lookup or a flag may rest on (lookup.h: fuzzy names are too weak). */
#define EXACT_KINDS                                                                      \
	((1u << MATCH_KIND_PHONE) | (1u << MATCH_KIND_NHS) | (1u << MATCH_KIND_NINO) |   \
	 (1u << MATCH_KIND_NAME_DOB) | (1u << MATCH_KIND_POSTCODE_NAME) |                \
	 (1u << MATCH_KIND_PNC) | (1u << MATCH_KIND_CRN))

/* Candidates collected before the newest max are kept (one person, a few cases). */
#define CAND_MAX 64u

static int given(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/* Key order for the digest: kind, then MAC bytes. */
static int key_cmp(const void *pa, const void *pb)
{
	const struct match_key *a = pa, *b = pb;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return memcmp(a->hmac, b->hmac, MATCH_HMAC_LEN);
}

int lookup_keys(const char *phone, const char *nhs, const char *name, const char *dob,
		const uint8_t *hmac_key, size_t keylen, struct match_keys *out, uint8_t digest[32])
{
	char v[MATCH_PHONE_KEY_MAX] = "", d[11] = "";
	int rc = MGW_E_INVALID;
	int forms = given(phone) + given(nhs) + (given(name) || given(dob));

	memset(out, 0, sizeof *out);
	if (forms != 1)
		goto fail;
	/* Each form must normalise: a typo is an error the operator sees, not a miss. */
	/* a phone as a referral's phones[] entry is read (match_phone_key), so
	 * a number kept without its trunk 0 finds the case its referral made */
	if (given(phone) && match_phone_key(phone, v) != 0)
		goto fail;
	/* and an NHS number as a referral's nhs_number is (match_nhs_key) */
	if (given(nhs) && match_nhs_key(nhs, v) != 0)
		goto fail;
	if ((given(name) || given(dob)) &&
	    (!given(name) || !given(dob) || ident_date_parse(dob, strlen(dob), d) != 0))
		goto fail;

	Marac__V1__Person p = MARAC__V1__PERSON__INIT;
	char *phones[1] = {(char *)phone};
	if (given(phone)) {
		p.phones = phones;
		p.n_phones = 1;
	}
	p.nhs_number = given(nhs) ? (char *)nhs : NULL;
	p.full_name = given(name) ? (char *)name : NULL;
	p.date_of_birth = given(dob) ? (char *)dob : NULL;
	if ((rc = match_keys(&p, NULL, 0, hmac_key, keylen, out)) != MGW_OK)
		goto fail;
	/* Keep the exact kinds only (lookup.h); name variants depend on the
	 * word order written, which must not change the digest. */
	size_t kept = 0;
	for (size_t i = 0; i < out->n; i++)
		if (out->keys[i].kind != MATCH_KIND_FUZZY_NAME_DOB &&
		    out->keys[i].kind != MATCH_KIND_NAME_VARIANT)
			out->keys[kept++] = out->keys[i];
	out->n = out->n_victim = kept;
	rc = MGW_E_INVALID;
	if (kept == 0) /* a name that folds to nothing */
		goto fail;
	qsort(out->keys, out->n, sizeof *out->keys, key_cmp);
	/* kind byte + MAC per key: a lookup has a handful of keys */
	uint8_t buf[16 * (1 + MATCH_HMAC_LEN)];
	size_t bl = 0;
	for (size_t i = 0; i < out->n && bl + 1 + MATCH_HMAC_LEN <= sizeof buf; i++) {
		buf[bl++] = out->keys[i].kind;
		memcpy(buf + bl, out->keys[i].hmac, MATCH_HMAC_LEN);
		bl += MATCH_HMAC_LEN;
	}
	SHA256(buf, bl, digest);
	rc = MGW_OK;
fail:
	OPENSSL_cleanse(v, sizeof v);
	OPENSSL_cleanse(d, sizeof d);
	if (rc != MGW_OK)
		match_keys_free(out);
	return rc;
}

int lookup_marker_active(sqlite3 *db, const char *case_ref)
{
	return markers_active_for_case(db, case_ref);
}

struct cand {
	char case_ref[LOOKUP_REF_MAX];
	int32_t day;
	unsigned kinds;
};

static int cand_cmp(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day > b->day ? -1 : 1;
	return strcmp(a->case_ref, b->case_ref);
}

static void copy_col(sqlite3_stmt *st, int col, char *out, size_t len)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	snprintf(out, len, "%s", s ? (const char *)s : "");
}

/* The case row, research agencies and touches of c into out. 0, MGW_E_NOTFOUND, MGW_E_DB. */
static int case_details(sqlite3 *db, const struct cand *c, struct lookup_case *out)
{
	sqlite3_stmt *st = NULL;
	int rc = MGW_E_DB, s;

	memset(out, 0, sizeof *out);
	snprintf(out->case_ref, sizeof out->case_ref, "%s", c->case_ref);
	out->kinds = c->kinds;
	out->referral_day = c->day;
	if (sqlite3_prepare_v2(db,
			       "SELECT area, level, referring_agency, referral_date FROM mcase "
			       "WHERE case_ref = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, c->case_ref, -1, SQLITE_STATIC);
	if ((s = sqlite3_step(st)) != SQLITE_ROW) {
		rc = s == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
		goto fail;
	}
	copy_col(st, 0, out->area, sizeof out->area);
	out->level = sqlite3_column_int(st, 1);
	out->referring_agency = sqlite3_column_int(st, 2);
	copy_col(st, 3, out->referral_date, sizeof out->referral_date);
	memcpy(out->last_heard, out->referral_date, sizeof out->last_heard);
	if (out->referring_agency > 0 && out->referring_agency < 32)
		out->agencies |= 1u << out->referring_agency;
	sqlite3_finalize(st);
	st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT agency FROM mresearch WHERE case_ref = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, c->case_ref, -1, SQLITE_STATIC);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		int ag = sqlite3_column_int(st, 0);
		if (ag > 0 && ag < 32)
			out->agencies |= 1u << ag;
	}
	if (s != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;

	/* Touches (flags.h): who else has shared about the victim, and when. */
	if (sqlite3_prepare_v2(db,
			       "SELECT agency, max(at_ms) FROM flag_touch WHERE case_ref = ?1 "
			       "GROUP BY agency",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, c->case_ref, -1, SQLITE_STATIC);
	int64_t last_ms = 0;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		int ag = sqlite3_column_int(st, 0);
		int64_t at = sqlite3_column_int64(st, 1);
		if (ag > 0 && ag < 32)
			out->agencies |= 1u << ag;
		if (at > last_ms)
			last_ms = at;
	}
	if (s != SQLITE_DONE)
		goto fail;
	int32_t ref_day;
	if (last_ms > 0 && caldate_parse(out->referral_date, &ref_day) == 0 &&
	    last_ms / 86400000 > ref_day)
		caldate_format((int32_t)(last_ms / 86400000), out->last_heard);
	rc = MGW_OK;
fail:
	sqlite3_finalize(st);
	return rc;
}

int lookup_open_cases(sqlite3 *db, const struct match_keys *k, const char *exclude_case_ref,
		      int32_t today, unsigned window_months, struct lookup_case *out, size_t max,
		      size_t *n)
{
	sqlite3_stmt *st = NULL;
	struct cand *c = NULL;
	size_t nc = 0;
	int rc = MGW_E_INVALID;

	*n = 0;
	if (window_months < 1 || window_months > 120)
		return MGW_E_INVALID;
	if (k->n_victim == 0 || max == 0)
		return MGW_OK;
	rc = MGW_E_NOMEM;
	if ((c = calloc(CAND_MAX, sizeof *c)) == NULL)
		goto fail;
	rc = MGW_E_DB;
	if (sqlite3_prepare_v2(db,
			       "SELECT k.case_ref, k.kind, c.referral_day FROM match_key k "
			       "JOIN match_case c ON c.case_ref = k.case_ref "
			       "WHERE k.hmac = ?1 AND k.party = 1 AND k.case_ref IS NOT ?2"
			       /* closed or merged cases are not open (withdrawn ones have no keys) */
			       " AND NOT EXISTS(SELECT 1 FROM mcase_life l WHERE l.case_ref = k.case_ref"
			       " AND l.status <> 1)",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	for (size_t i = 0; i < k->n; i++) {
		const struct match_key *key = &k->keys[i];
		if (key->party != MATCH_VICTIM || !((1u << key->kind) & EXACT_KINDS))
			continue;
		sqlite3_reset(st);
		sqlite3_bind_blob(st, 1, key->hmac, MATCH_HMAC_LEN, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, exclude_case_ref, -1, SQLITE_STATIC);
		int s;
		while ((s = sqlite3_step(st)) == SQLITE_ROW) {
			const char *ref = (const char *)sqlite3_column_text(st, 0);
			int kind = sqlite3_column_int(st, 1);
			int32_t day = sqlite3_column_int(st, 2);
			if (ref == NULL || !caldate_within_months(day, today, window_months))
				continue; /* lapsed: no longer an open case */
			size_t j = 0;
			while (j < nc && strcmp(c[j].case_ref, ref) != 0)
				j++;
			if (j == nc) {
				if (nc == CAND_MAX)
					continue; /* more open cases than one person has */
				snprintf(c[nc].case_ref, sizeof c[nc].case_ref, "%s", ref);
				c[nc].day = day;
				nc++;
			}
			if (kind > 0 && kind < 32)
				c[j].kinds |= 1u << kind;
		}
		if (s != SQLITE_DONE)
			goto fail;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (nc > 1)
		qsort(c, nc, sizeof *c, cand_cmp);
	for (size_t i = 0; i < nc && *n < max; i++) {
		rc = case_details(db, &c[i], &out[*n]);
		if (rc == MGW_E_NOTFOUND)
			continue; /* indexed but no case row: not a MARAC case */
		if (rc != MGW_OK)
			goto fail;
		(*n)++;
	}
	rc = MGW_OK;
fail:
	sqlite3_finalize(st);
	free(c);
	if (rc != MGW_OK)
		*n = 0;
	return rc;
}

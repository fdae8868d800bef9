/*
 * cases_life.c: the case lifecycle (withdraw, close, merge, transfer) over
 * the cases tables (cases.c) and the repeat index (match.h): see cases.h.
 * Kept apart from cases.c so the lifecycle and the agenda change
 * independently; cases.c only filters the agenda on mcase_life and lists
 * a row's origin area and merged duplicates (load_life).
 */
#include "cases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caldate.h"
#include "codec.h"
#include "match.h"
#include "mgw_err.h"

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		return MGW_E_CONFLICT;
	return rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

enum { LIFE_OPEN = 1, LIFE_WITHDRAWN = 2, LIFE_CLOSED = 3, LIFE_MERGED = 4 };

static const char life_schema_sql[] =
	"CREATE TABLE IF NOT EXISTS mcase_life("
	" case_ref TEXT PRIMARY KEY REFERENCES mcase(case_ref), status INTEGER NOT NULL,"
	" reason INTEGER NOT NULL, merged_into TEXT, origin_area TEXT, by_node TEXT NOT NULL,"
	" at_ms INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS mcase_life_merged ON mcase_life(merged_into);"
	/* Which blind-index keys of a case came to it only by a merge, and from
	 * which duplicate's referral: a duplicate withdrawn in error after its
	 * merge takes them back (cases_end). A key the case had itself has no
	 * row; one that two duplicates brought has two. */
	"CREATE TABLE IF NOT EXISTS mcase_merged_key("
	" hmac BLOB NOT NULL, party INTEGER NOT NULL, case_ref TEXT NOT NULL,"
	" from_case TEXT NOT NULL, PRIMARY KEY(hmac, party, case_ref, from_case)) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS mcase_merged_key_from ON mcase_merged_key(from_case);";

int cases_life_schema(sqlite3 *db)
{
	return sqlite3_exec(db, life_schema_sql, NULL, NULL, NULL) == SQLITE_OK ? MGW_OK
										  : MGW_E_DB;
}

static const struct {
	int reason;
	int kind; /* 1 withdraw, 2 close */
	const char *name;
} life_reasons[] = {
	{MARAC__V1__CASE_END_REASON__CASE_END_REASON_WITHDRAWN_IN_ERROR, 1, "withdrawn_in_error"},
	{MARAC__V1__CASE_END_REASON__CASE_END_REASON_WITHDRAWN_BELOW_THRESHOLD, 1,
	 "withdrawn_below_threshold"},
	{MARAC__V1__CASE_END_REASON__CASE_END_REASON_RISK_REDUCED, 2, "risk_reduced"},
	{MARAC__V1__CASE_END_REASON__CASE_END_REASON_NO_FURTHER_ACTION, 2, "no_further_action"},
	{MARAC__V1__CASE_END_REASON__CASE_END_REASON_ACTIONS_COMPLETE, 2, "actions_complete"},
	{MARAC__V1__CASE_END_REASON__CASE_END_REASON_VICTIM_MOVED_AWAY, 2, "victim_moved_away"},
};

int cases_reason_kind(int reason)
{
	for (size_t i = 0; i < sizeof life_reasons / sizeof life_reasons[0]; i++)
		if (life_reasons[i].reason == reason)
			return life_reasons[i].kind;
	return 0;
}

const char *cases_reason_name(int reason)
{
	for (size_t i = 0; i < sizeof life_reasons / sizeof life_reasons[0]; i++)
		if (life_reasons[i].reason == reason)
			return life_reasons[i].name;
	return NULL;
}

static void col_copy(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

int cases_state(sqlite3 *db, const char *case_ref, struct case_state *out)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(db,
			       "SELECT c.area, c.referring_agency, c.meeting_date,"
			       " COALESCE(l.status, 1), COALESCE(l.reason, 0), l.merged_into,"
			       " l.origin_area, c.referring_node FROM mcase c LEFT JOIN mcase_life l"
			       " ON l.case_ref = c.case_ref WHERE c.case_ref = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref ? case_ref : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		col_copy(st, 0, out->area, sizeof out->area);
		out->referring_agency = sqlite3_column_int(st, 1);
		col_copy(st, 2, out->meeting_date, sizeof out->meeting_date);
		out->status = sqlite3_column_int(st, 3);
		out->reason = sqlite3_column_int(st, 4);
		col_copy(st, 5, out->merged_into, sizeof out->merged_into);
		col_copy(st, 6, out->origin_area, sizeof out->origin_area);
		col_copy(st, 7, out->referring_node, sizeof out->referring_node);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? MGW_OK : rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
}

/* Run one statement with up to three text parameters (NULL binds NULL). */
static int exec3(sqlite3 *db, const char *sql, const char *a, const char *b, const char *c)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	const char *v[3] = {a, b, c};
	for (int i = 0; i < 3; i++)
		if (sqlite3_bind_parameter_count(st) > i)
			bind_text(st, i + 1, v[i]);
	return step_done(st);
}

static int life_put(sqlite3 *db, const char *case_ref, int status, int reason,
		    const char *merged_into, const char *origin_area, const char *by_node,
		    int64_t at_ms)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO mcase_life(case_ref,status,reason,merged_into,origin_area,"
			       "by_node,at_ms) VALUES(?1,?2,?3,?4,?5,?6,?7) ON CONFLICT(case_ref) DO"
			       " UPDATE SET status=excluded.status, reason=excluded.reason,"
			       " merged_into=excluded.merged_into,"
			       " origin_area=COALESCE(excluded.origin_area, origin_area),"
			       " by_node=excluded.by_node, at_ms=excluded.at_ms",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, status);
	sqlite3_bind_int(st, 3, reason);
	bind_text(st, 4, merged_into);
	bind_text(st, 5, origin_area);
	sqlite3_bind_text(st, 6, by_node ? by_node : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, at_ms);
	return step_done(st);
}

static int sp_end(sqlite3 *db, const char *name, int rc)
{
	char sql[96];
	if (rc == MGW_OK) {
		snprintf(sql, sizeof sql, "RELEASE %s", name);
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
			return MGW_OK;
		rc = MGW_E_DB;
	}
	snprintf(sql, sizeof sql, "ROLLBACK TO %s; RELEASE %s", name, name);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	return rc;
}

/* A referral's keys as match_record stored them (match.h), for a query. */
static int keys_of(sqlite3 *db, const char *case_ref, struct match_keys *k)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	memset(k, 0, sizeof *k);
	if (sqlite3_prepare_v2(db, "SELECT hmac, party, kind FROM match_key WHERE case_ref = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
	int rc, out = MGW_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_bytes(st, 0) != MATCH_HMAC_LEN)
			continue;
		if (k->n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct match_key *nk = realloc(k->keys, nc * sizeof *nk);
			if (nk == NULL) {
				out = MGW_E_NOMEM;
				break;
			}
			k->keys = nk;
			cap = nc;
		}
		struct match_key *x = &k->keys[k->n++];
		memcpy(x->hmac, sqlite3_column_blob(st, 0), MATCH_HMAC_LEN);
		x->party = (uint8_t)sqlite3_column_int(st, 1);
		x->kind = (uint8_t)sqlite3_column_int(st, 2);
		if (x->party == MATCH_VICTIM)
			k->n_victim++;
		else
			k->n_perp++;
	}
	if (out == MGW_OK && rc != SQLITE_DONE)
		out = MGW_E_DB;
	sqlite3_finalize(st);
	if (out != MGW_OK)
		match_keys_free(k);
	return out;
}

/*
 * The cases recorded as repeats of a referral now withdrawn were repeats
 * because of it: each is matched again (its stored keys, its date, the
 * window) without it, and keeps the newest earlier case left, or is no
 * longer a repeat. Otherwise the agenda would flag a repeat whose only
 * earlier referral was a mistake.
 */
static int rematch_where(sqlite3 *db, const char *sql, const char *a, const char *b,
			 unsigned window_months)
{
	sqlite3_stmt *st;
	char (*refs)[CASES_REF_MAX] = NULL, (*dates)[11] = NULL;
	size_t n = 0;
	int rc = MGW_E_DB;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	bind_text(st, 1, a);
	if (sqlite3_bind_parameter_count(st) > 1)
		bind_text(st, 2, b);
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		void *nr = realloc(refs, (n + 1) * sizeof *refs);
		if (nr)
			refs = nr;
		void *nd = nr ? realloc(dates, (n + 1) * sizeof *dates) : NULL;
		if (nd)
			dates = nd;
		if (nr == NULL || nd == NULL) {
			rc = MGW_E_NOMEM;
			goto fail;
		}
		col_copy(st, 0, refs[n], sizeof refs[n]);
		col_copy(st, 1, dates[n], sizeof dates[n]);
		n++;
	}
	if (s != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	rc = MGW_OK;
	for (size_t i = 0; rc == MGW_OK && i < n; i++) {
		struct match_keys k;
		struct match_result r = {0};
		if ((rc = keys_of(db, refs[i], &k)) != MGW_OK)
			break;
		rc = match_query(db, &k, dates[i], window_months, refs[i], &r);
		match_keys_free(&k);
		if (rc != MGW_OK)
			break;
		if (r.repeat)
			rc = exec3(db, "UPDATE mcase SET prev_case_ref = ?2, last_referral_date = ?3"
				       " WHERE case_ref = ?1",
				   refs[i], r.previous[0].case_ref, r.previous[0].referral_date);
		else
			rc = exec3(db, "UPDATE mcase SET repeat = 0, prev_case_ref = NULL,"
				       " last_referral_date = NULL WHERE case_ref = ?1",
				   refs[i], NULL, NULL);
		match_result_free(&r);
	}
fail:
	sqlite3_finalize(st);
	free(refs);
	free(dates);
	return rc;
}

static int rematch_repeats_of(sqlite3 *db, const char *withdrawn, unsigned window_months)
{
	return rematch_where(db, "SELECT case_ref, referral_date FROM mcase"
				 " WHERE prev_case_ref = ?1", withdrawn, NULL, window_months);
}

int cases_end(sqlite3 *db, const char *case_ref, int reason, unsigned window_months,
	      const char *by_node, int64_t at_ms)
{
	int kind = cases_reason_kind(reason);
	if (kind == 0 || (kind == 1 && (window_months < 1 || window_months > 120)))
		return MGW_E_INVALID;
	struct case_state cs;
	int rc = cases_state(db, case_ref, &cs);
	if (rc != MGW_OK)
		return rc;
	/*
	 * A duplicate merged into another case may still be withdrawn in
	 * error: its referral was about the wrong person, and the attending
	 * agencies hold it until it is (req_case.c retracts it). It leaves the
	 * surviving case's merged list, and takes back the identifiers only it
	 * gave the surviving case (below); research, repeats and actions the
	 * merge moved stay there.
	 */
	int merged = cs.status == LIFE_MERGED &&
		     reason == MARAC__V1__CASE_END_REASON__CASE_END_REASON_WITHDRAWN_IN_ERROR;
	if (cs.status != LIFE_OPEN && !merged)
		return MGW_E_CONFLICT;
	if (sqlite3_exec(db, "SAVEPOINT cases_end", NULL, NULL, NULL) != SQLITE_OK)
		return MGW_E_DB;
	rc = life_put(db, case_ref, kind == 1 ? LIFE_WITHDRAWN : LIFE_CLOSED, reason, NULL, NULL,
		      by_node, at_ms);
	/* Its referral's identifiers that the surviving case had only from it
	 * leave the surviving case's index: no later referral or point-of-call
	 * lookup finds that case by the wrong person's identifiers. */
	if (rc == MGW_OK && merged)
		rc = exec3(db,
			   "DELETE FROM match_key WHERE EXISTS(SELECT 1 FROM mcase_merged_key p"
			   " WHERE p.from_case = ?1 AND p.hmac = match_key.hmac AND"
			   " p.party = match_key.party AND p.case_ref = match_key.case_ref)"
			   " AND NOT EXISTS(SELECT 1 FROM mcase_merged_key q WHERE q.from_case <> ?1"
			   " AND q.hmac = match_key.hmac AND q.party = match_key.party"
			   " AND q.case_ref = match_key.case_ref)",
			   case_ref, NULL, NULL);
	if (rc == MGW_OK && merged)
		rc = exec3(db, "DELETE FROM mcase_merged_key WHERE from_case = ?1", case_ref, NULL,
			   NULL);
	if (merged)
		return sp_end(db, "cases_end", rc); /* its own index went with the merge */
	/* A withdrawn referral should never have counted: no repeat of it, no link to it. */
	if (rc == MGW_OK && kind == 1)
		rc = exec3(db, "DELETE FROM mcase_merged_key WHERE case_ref = ?1", case_ref, NULL,
			   NULL);
	if (rc == MGW_OK && kind == 1) {
		rc = match_forget(db, case_ref);
		if (rc == MGW_E_NOTFOUND)
			rc = MGW_OK; /* recorded before matching existed, or forgotten already */
		if (rc == MGW_OK)
			rc = rematch_repeats_of(db, case_ref, window_months);
	}
	return sp_end(db, "cases_end", rc);
}

int cases_merge(sqlite3 *db, const char *dup, const char *into, unsigned window_months,
		const char *by_node, int64_t at_ms)
{
	struct case_state d, t;
	int rc;
	if (dup == NULL || into == NULL || strcmp(dup, into) == 0 || window_months < 1 ||
	    window_months > 120)
		return MGW_E_INVALID;
	if ((rc = cases_state(db, dup, &d)) != MGW_OK || (rc = cases_state(db, into, &t)) != MGW_OK)
		return rc;
	if (d.status != LIFE_OPEN || t.status != LIFE_OPEN)
		return MGW_E_CONFLICT;
	if (strcmp(d.area, t.area) != 0)
		return MGW_E_INVALID;
	if (sqlite3_exec(db, "SAVEPOINT cases_merge", NULL, NULL, NULL) != SQLITE_OK)
		return MGW_E_DB;
	rc = life_put(db, dup, LIFE_MERGED, 0, into, NULL, by_node, at_ms);
	/*
	 * The duplicate's blind indexes move to the surviving case: the other
	 * agency's referral may hold identifiers the first lacked (health an
	 * NHS number, police a phone), and later referrals must still find
	 * them. Keys both had stay once (primary key). Then the duplicate's
	 * own index entry goes (match_forget; its keys are gone already).
	 */
	/*
	 * Where each key the surviving case lacks (as its own) comes from: the
	 * duplicate's own keys from the duplicate, those it had by an earlier
	 * merge from their first referral (mcase_merged_key), so that a
	 * withdrawal in error of either takes back only its own.
	 */
#define INTO_LACKS_OWN                                                                      \
	" AND EXISTS(SELECT 1 FROM match_case WHERE case_ref = ?2)"                         \
	" AND NOT EXISTS(SELECT 1 FROM match_key o WHERE o.case_ref = ?2 AND"               \
	" o.hmac = k.hmac AND o.party = k.party AND NOT EXISTS(SELECT 1 FROM"               \
	" mcase_merged_key q WHERE q.case_ref = ?2 AND q.hmac = o.hmac AND q.party = o.party))"
	if (rc == MGW_OK)
		rc = exec3(db,
			   "INSERT OR IGNORE INTO mcase_merged_key(hmac, party, case_ref, from_case)"
			   " SELECT k.hmac, k.party, ?2, k.from_case FROM mcase_merged_key k"
			   " WHERE k.case_ref = ?1" INTO_LACKS_OWN,
			   dup, into, NULL);
	if (rc == MGW_OK)
		rc = exec3(db,
			   "INSERT OR IGNORE INTO mcase_merged_key(hmac, party, case_ref, from_case)"
			   " SELECT k.hmac, k.party, ?2, ?1 FROM match_key k WHERE k.case_ref = ?1"
			   " AND NOT EXISTS(SELECT 1 FROM mcase_merged_key p WHERE p.case_ref = ?1"
			   " AND p.hmac = k.hmac AND p.party = k.party)" INTO_LACKS_OWN,
			   dup, into, NULL);
#undef INTO_LACKS_OWN
	if (rc == MGW_OK)
		rc = exec3(db, "DELETE FROM mcase_merged_key WHERE case_ref = ?1", dup, NULL, NULL);
	if (rc == MGW_OK)
		rc = exec3(db,
			   "INSERT OR IGNORE INTO match_key(hmac, party, kind, case_ref)"
			   " SELECT hmac, party, kind, ?2 FROM match_key WHERE case_ref = ?1"
			   " AND EXISTS(SELECT 1 FROM match_case WHERE case_ref = ?2)",
			   dup, into, NULL);
	if (rc == MGW_OK) {
		rc = match_forget(db, dup);
		if (rc == MGW_E_NOTFOUND)
			rc = MGW_OK;
	}
	/* Research: an agency that checked either has checked the case. */
	if (rc == MGW_OK)
		rc = exec3(db,
			   "INSERT INTO mresearch(case_ref, agency, done, at_ms)"
			   " SELECT ?2, agency, done, at_ms FROM mresearch WHERE case_ref = ?1"
			   " ON CONFLICT(case_ref, agency) DO UPDATE SET"
			   " done = MAX(done, excluded.done), at_ms = MAX(at_ms, excluded.at_ms)",
			   dup, into, NULL);
	/*
	 * The surviving case itself may be recorded as a repeat of the
	 * duplicate: two agencies' referrals of one incident match each other,
	 * so the later is a repeat of the earlier, and a chair may keep the
	 * later. Renamed below it would be a repeat of itself (the agenda said
	 * "repeat of" its own ref, and it never counted as lapsed). It is
	 * matched again, with both referrals' keys and without the duplicate:
	 * a repeat of the newest earlier case left, or none.
	 */
	if (rc == MGW_OK)
		rc = rematch_where(db, "SELECT case_ref, referral_date FROM mcase"
				       " WHERE case_ref = ?1 AND prev_case_ref = ?2",
				   into, dup, window_months);
	/* Other repeats of the duplicate are repeats of the surviving case. */
	if (rc == MGW_OK)
		rc = exec3(db, "UPDATE mcase SET prev_case_ref = ?2 WHERE prev_case_ref = ?1", dup,
			   into, NULL);
	/* Duplicates merged into dup before now point at the surviving case too. */
	if (rc == MGW_OK)
		rc = exec3(db, "UPDATE mcase_life SET merged_into = ?2 WHERE merged_into = ?1", dup,
			   into, NULL);
	return sp_end(db, "cases_merge", rc);
}

int cases_transfer(sqlite3 *db, const char *case_ref, const char *to_area,
		   const char *meeting_date, const char *by_node, int64_t at_ms)
{
	struct case_state cs;
	int32_t d;
	int rc;
	if (to_area == NULL || !*to_area || caldate_parse(meeting_date, &d) != 0)
		return MGW_E_INVALID;
	if ((rc = cases_state(db, case_ref, &cs)) != MGW_OK)
		return rc;
	if (cs.status != LIFE_OPEN)
		return MGW_E_CONFLICT;
	if (strcmp(cs.area, to_area) == 0)
		return MGW_E_INVALID;
	if (sqlite3_exec(db, "SAVEPOINT cases_transfer", NULL, NULL, NULL) != SQLITE_OK)
		return MGW_E_DB;
	rc = exec3(db,
		   "UPDATE mcase SET area = ?2, transfer_in = 1, meeting_date = ?3"
		   " WHERE case_ref = ?1",
		   case_ref, to_area, meeting_date);
	/* Repeat answers name the earlier case's area: now the receiving one. */
	if (rc == MGW_OK)
		rc = exec3(db, "UPDATE match_case SET marac_area = ?2 WHERE case_ref = ?1", case_ref,
			   to_area, NULL);
	if (rc == MGW_OK)
		rc = life_put(db, case_ref, LIFE_OPEN, 0, NULL, cs.area, by_node, at_ms);
	/* Its merged duplicates move with it. */
	if (rc == MGW_OK)
		rc = exec3(db,
			   "UPDATE mcase SET area = ?2 WHERE case_ref IN"
			   " (SELECT case_ref FROM mcase_life WHERE merged_into = ?1)",
			   case_ref, to_area, NULL);
	return sp_end(db, "cases_transfer", rc);
}

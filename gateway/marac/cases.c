/*
 * cases.c: see cases.h.
 */
#include "cases.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caldate.h"
#include "codec.h"
#include "mgw_err.h"

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS mcase("
	" case_ref TEXT PRIMARY KEY, area TEXT NOT NULL, referral_date TEXT NOT NULL,"
	" referring_agency INTEGER NOT NULL, referring_node TEXT NOT NULL,"
	" route INTEGER NOT NULL, score INTEGER NOT NULL, level INTEGER NOT NULL,"
	" repeat INTEGER NOT NULL, prev_case_ref TEXT, last_referral_date TEXT,"
	" transfer_in INTEGER NOT NULL, meeting_date TEXT NOT NULL, created_ms INTEGER NOT NULL)"
	" WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS mcase_meeting ON mcase(area, meeting_date);"
	"CREATE INDEX IF NOT EXISTS mcase_date ON mcase(area, referral_date);"
	"CREATE INDEX IF NOT EXISTS mcase_prev ON mcase(prev_case_ref);"
	"CREATE TABLE IF NOT EXISTS mcase_child("
	" case_ref TEXT NOT NULL REFERENCES mcase(case_ref), idx INTEGER NOT NULL,"
	" dob TEXT NOT NULL, PRIMARY KEY(case_ref, idx)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS mresearch("
	" case_ref TEXT NOT NULL REFERENCES mcase(case_ref), agency INTEGER NOT NULL,"
	" done INTEGER NOT NULL, at_ms INTEGER NOT NULL,"
	" PRIMARY KEY(case_ref, agency)) WITHOUT ROWID;"
	/* h13-audit: where a transferred-in case comes from (a table of its own,
	 * so stores made before it need no migration of mcase) */
	"CREATE TABLE IF NOT EXISTS mcase_transfer("
	" case_ref TEXT PRIMARY KEY REFERENCES mcase(case_ref), from_area TEXT NOT NULL)"
	" WITHOUT ROWID;"
	/* The DASH form and the area's threshold when referred (h13-match):
	 * its own table, so that older databases gain it by CREATE. */
	"CREATE TABLE IF NOT EXISTS mcase_dash("
	" case_ref TEXT PRIMARY KEY REFERENCES mcase(case_ref), form INTEGER NOT NULL,"
	" threshold INTEGER NOT NULL) WITHOUT ROWID;";

int cases_schema(sqlite3 *db)
{
	if (sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK)
		return MGW_E_DB;
	return cases_life_schema(db); /* the agenda reads it (h13-life) */
}

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

int cases_insert(sqlite3 *db, const struct case_row *r)
{
	int32_t d;
	if (r->case_ref == NULL || !*r->case_ref || r->area == NULL || !*r->area ||
	    caldate_parse(r->referral_date, &d) != 0 || caldate_parse(r->meeting_date, &d) != 0)
		return MGW_E_INVALID;
	if (sqlite3_exec(db, "SAVEPOINT cases_insert", NULL, NULL, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_stmt *st = NULL;
	int rc = MGW_E_DB;
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO mcase(case_ref,area,referral_date,referring_agency,"
			       "referring_node,route,score,level,repeat,prev_case_ref,"
			       "last_referral_date,transfer_in,meeting_date,created_ms)"
			       " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
			       -1, &st, NULL) != SQLITE_OK)
		goto out;
	sqlite3_bind_text(st, 1, r->case_ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->area, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->referral_date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, r->referring_agency);
	sqlite3_bind_text(st, 5, r->referring_node ? r->referring_node : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, r->route);
	sqlite3_bind_int64(st, 7, r->score);
	sqlite3_bind_int(st, 8, r->level);
	sqlite3_bind_int(st, 9, r->repeat != 0);
	bind_text(st, 10, r->prev_case_ref);
	bind_text(st, 11, r->last_referral_date);
	sqlite3_bind_int(st, 12, r->transfer_in != 0);
	sqlite3_bind_text(st, 13, r->meeting_date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 14, r->created_ms);
	if ((rc = step_done(st)) != MGW_OK)
		goto out;
	for (size_t i = 0; i < r->n_children; i++) {
		if (sqlite3_prepare_v2(db, "INSERT INTO mcase_child(case_ref,idx,dob) VALUES(?1,?2,?3)",
				       -1, &st, NULL) != SQLITE_OK) {
			rc = MGW_E_DB;
			goto out;
		}
		const char *dob = r->children_dobs[i];
		sqlite3_bind_text(st, 1, r->case_ref, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_text(st, 3, dob ? dob : "", -1, SQLITE_STATIC);
		if ((rc = step_done(st)) != MGW_OK)
			goto out;
	}
	if (r->dash_form != 0) {
		if (sqlite3_prepare_v2(db, "INSERT INTO mcase_dash(case_ref,form,threshold) "
				       "VALUES(?1,?2,?3)", -1, &st, NULL) != SQLITE_OK) {
			rc = MGW_E_DB;
			goto out;
		}
		sqlite3_bind_text(st, 1, r->case_ref, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, r->dash_form);
		sqlite3_bind_int64(st, 3, r->dash_threshold);
		if ((rc = step_done(st)) != MGW_OK)
			goto out;
	}
out:
	if (rc == MGW_OK) {
		if (sqlite3_exec(db, "RELEASE cases_insert", NULL, NULL, NULL) == SQLITE_OK)
			return MGW_OK;
		rc = MGW_E_DB;
	}
	sqlite3_exec(db, "ROLLBACK TO cases_insert; RELEASE cases_insert", NULL, NULL, NULL);
	return rc;
}

int cases_area(sqlite3 *db, const char *case_ref, char *area, size_t len)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT area FROM mcase WHERE case_ref=?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref ? case_ref : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int out = rc == SQLITE_ROW ? MGW_OK : rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
	if (out == MGW_OK)
		snprintf(area, len, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

int cases_research_set(sqlite3 *db, const char *case_ref, int agency, int done, int64_t at_ms)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       /* a merged duplicate's research is the surviving case's (h13-life) */
			       "INSERT INTO mresearch(case_ref,agency,done,at_ms) VALUES("
			       "COALESCE((SELECT merged_into FROM mcase_life WHERE case_ref=?1"
			       " AND status=4), ?1),?2,?3,?4)"
			       " ON CONFLICT(case_ref,agency) DO UPDATE SET done=excluded.done,"
			       " at_ms=excluded.at_ms",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, agency);
	sqlite3_bind_int(st, 3, done != 0);
	sqlite3_bind_int64(st, 4, at_ms);
	return step_done(st);
}

/* One loaded case and the storage its agenda_case borrows. */
struct loaded {
	char *text[5]; /* case_ref, referral_date, last_referral_date, meeting_date, origin_area */
	char **dobs;
	size_t n_dobs;
	struct agenda_research *research;
	char **merged;  /* h13-life: duplicates merged into the case */
	size_t n_merged;
};

static void loaded_free(struct loaded *l, size_t n)
{
	for (size_t i = 0; l && i < n; i++) {
		for (size_t k = 0; k < 5; k++)
			free(l[i].text[k]);
		for (size_t k = 0; k < l[i].n_dobs; k++)
			free(l[i].dobs[k]);
		free(l[i].dobs);
		free(l[i].research);
		for (size_t k = 0; k < l[i].n_merged; k++)
			free(l[i].merged[k]);
		free(l[i].merged);
	}
	free(l);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

static int load_children(sqlite3 *db, struct loaded *l)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT dob FROM mcase_child WHERE case_ref=?1 ORDER BY idx", -1,
			       &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, l->text[0], -1, SQLITE_STATIC);
	int rc, out = MGW_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char **nd = realloc(l->dobs, (l->n_dobs + 1) * sizeof *nd);
		if (nd == NULL) {
			out = MGW_E_NOMEM;
			break;
		}
		l->dobs = nd;
		if ((nd[l->n_dobs] = col_dup(st, 0)) == NULL) {
			out = MGW_E_NOMEM;
			break;
		}
		l->n_dobs++;
	}
	if (out == MGW_OK && rc != SQLITE_DONE)
		out = MGW_E_DB;
	sqlite3_finalize(st);
	return out;
}

/* The case's DASH form and threshold (none recorded: both stay 0). */
static int load_dash(sqlite3 *db, const char *case_ref, struct agenda_case *c)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT form, threshold FROM mcase_dash WHERE case_ref=?1", -1,
			       &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->dash_form = sqlite3_column_int(st, 0);
		c->dash_threshold = (unsigned)sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

static int load_research(sqlite3 *db, struct loaded *l, struct agenda_case *c,
			 const int *attending, size_t n_attending)
{
	if (n_attending == 0)
		return MGW_OK;
	l->research = calloc(n_attending, sizeof *l->research);
	if (l->research == NULL)
		return MGW_E_NOMEM;
	for (size_t i = 0; i < n_attending; i++)
		l->research[i].agency = attending[i];
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT agency, done FROM mresearch WHERE case_ref=?1", -1, &st,
			       NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, l->text[0], -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int ag = sqlite3_column_int(st, 0);
		for (size_t i = 0; i < n_attending; i++)
			if (l->research[i].agency == ag)
				l->research[i].done = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	c->research = l->research;
	c->n_research = n_attending;
	return rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

static int load_life(sqlite3 *db, struct loaded *l, struct agenda_case *c);

int cases_agenda(sqlite3 *db, const char *area, const char *meeting_date,
		 const char *prev_meeting, unsigned window_months, const int *attending,
		 size_t n_attending, const char *statement, Marac__V1__Agenda **out)
{
	int32_t meet, prev = 0;
	*out = NULL;
	if (area == NULL || !*area || caldate_parse(meeting_date, &meet) != 0 ||
	    (prev_meeting && caldate_parse(prev_meeting, &prev) != 0) || window_months == 0 ||
	    window_months > 120)
		return MGW_E_INVALID;
	/*
	 * Candidates for the lapsed section: referral + window in (prev, meet],
	 * so referral in roughly (prev - window, meet - window]; widened by a
	 * few days for month-end clamping, then decided by agenda_lapsed().
	 */
	char lo[11] = "9999-12-31", hi[11] = "0000-01-01";
	if (prev_meeting) {
		caldate_format(caldate_add_months(prev, -(int)window_months) - 4, lo);
		caldate_format(caldate_add_months(meet, -(int)window_months) + 4, hi);
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(
		    db,
		    "SELECT case_ref, referral_date, referring_agency, route, score, level, repeat,"
		    " last_referral_date, transfer_in, meeting_date,"
		    " EXISTS(SELECT 1 FROM mcase n WHERE n.prev_case_ref = c.case_ref)"
		    " FROM mcase c WHERE area=?1 AND (meeting_date=?2 OR"
		    " (referral_date>=?3 AND referral_date<=?4))"
		    " AND " CASES_LIFE_OPEN_SQL " ORDER BY referral_date, case_ref",
		    -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, area, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, meeting_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, hi, -1, SQLITE_STATIC);

	struct loaded *l = NULL;
	struct agenda_case *c = NULL;
	size_t n = 0;
	int rc = MGW_OK, src;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ref_date = (const char *)sqlite3_column_text(st, 1);
		const char *mdate = (const char *)sqlite3_column_text(st, 9);
		int listed = mdate && !strcmp(mdate, meeting_date);
		int lapsed = !listed && prev_meeting && !sqlite3_column_int(st, 10) &&
			     agenda_lapsed(ref_date, prev_meeting, meeting_date, window_months);
		if (!listed && !lapsed)
			continue;
		struct loaded *nl = realloc(l, (n + 1) * sizeof *nl);
		struct agenda_case *nc = nl ? realloc(c, (n + 1) * sizeof *nc) : NULL;
		if (nl)
			l = nl;
		if (nc)
			c = nc;
		if (nl == NULL || nc == NULL) {
			rc = MGW_E_NOMEM;
			break;
		}
		memset(&l[n], 0, sizeof l[n]);
		memset(&c[n], 0, sizeof c[n]);
		n++;
		struct loaded *L = &l[n - 1];
		struct agenda_case *C = &c[n - 1];
		L->text[0] = col_dup(st, 0);
		L->text[1] = col_dup(st, 1);
		L->text[2] = col_dup(st, 7);
		L->text[3] = col_dup(st, 9);
		if (L->text[0] == NULL || L->text[1] == NULL || L->text[3] == NULL) {
			rc = MGW_E_NOMEM;
			break;
		}
		C->case_ref = L->text[0];
		C->referral_date = L->text[1];
		C->referring_agency = sqlite3_column_int(st, 2);
		C->route = sqlite3_column_int(st, 3);
		C->score = (unsigned)sqlite3_column_int(st, 4);
		C->level = sqlite3_column_int(st, 5);
		C->repeat = sqlite3_column_int(st, 6);
		C->last_referral_date = L->text[2];
		C->transfer_in = sqlite3_column_int(st, 8);
		C->meeting_date = L->text[3];
		C->lapsed = lapsed;
		if ((rc = load_children(db, L)) != MGW_OK)
			break;
		C->children_dobs = (const char *const *)L->dobs;
		C->n_children = L->n_dobs;
		if ((rc = load_research(db, L, C, attending, n_attending)) != MGW_OK)
			break;
		if ((rc = load_life(db, L, C)) != MGW_OK) /* h13-life */
			break;
		if ((rc = load_dash(db, L->text[0], C)) != MGW_OK)
			break;
	}
	if (rc == MGW_OK && src != SQLITE_DONE && src != SQLITE_ROW)
		rc = MGW_E_DB;
	sqlite3_finalize(st);
	if (rc == MGW_OK)
		rc = agenda_build(area, meeting_date, c, n, statement, out);
	loaded_free(l, n);
	free(c);
	return rc;
}

/* ---- h13-audit: where an agenda's cases come from -------------------------- */

int cases_set_transfer_from(sqlite3 *db, const char *case_ref, const char *from_area)
{
	sqlite3_stmt *st;
	if (case_ref == NULL || !*case_ref || !agenda_area_name_ok(from_area))
		return MGW_E_INVALID;
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO mcase_transfer(case_ref,from_area) VALUES(?1,?2)"
			       " ON CONFLICT(case_ref) DO UPDATE SET from_area=excluded.from_area",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, from_area, -1, SQLITE_STATIC);
	return step_done(st);
}

/* Column i of st into *dst (a codec string), if not NULL or empty. */
static int col_codec(sqlite3_stmt *st, int i, char **dst)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (t == NULL || t[0] == '\0')
		return MGW_OK;
	return (*dst = codec_strdup((const char *)t)) ? MGW_OK : MGW_E_NOMEM;
}

static int row_origin(sqlite3_stmt *st, Marac__V1__AgendaRow *r)
{
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, r->case_ref, -1, SQLITE_STATIC);
	int src = sqlite3_step(st);
	if (src == SQLITE_DONE)
		return MGW_OK;
	if (src != SQLITE_ROW)
		return MGW_E_DB;
	int rc = MGW_OK;
	if (r->repeat && (rc = col_codec(st, 0, &r->last_case_ref)) == MGW_OK)
		rc = col_codec(st, 1, &r->last_area);
	if (rc == MGW_OK && r->transfer_in)
		rc = col_codec(st, 2, &r->transfer_from_area);
	return rc;
}

int cases_agenda_origins(sqlite3 *db, Marac__V1__Agenda *a)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT c.prev_case_ref, p.area, t.from_area FROM mcase c"
			       " LEFT JOIN mcase p ON p.case_ref = c.prev_case_ref"
			       " LEFT JOIN mcase_transfer t ON t.case_ref = c.case_ref"
			       " WHERE c.case_ref=?1",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	Marac__V1__AgendaRow **lists[3] = {a->cases_with_children, a->adult_only_cases,
					  a->lapsed_cases};
	size_t counts[3] = {a->n_cases_with_children, a->n_adult_only_cases, a->n_lapsed_cases};
	int rc = MGW_OK;
	for (int l = 0; l < 3 && rc == MGW_OK; l++)
		for (size_t i = 0; i < counts[l] && rc == MGW_OK; i++)
			rc = row_origin(st, lists[l][i]);
	sqlite3_finalize(st);
	return rc;
}

/* h13-life: the agenda's lifecycle columns of one loaded case (cases_life.c has the rest). */
static int load_life(sqlite3 *db, struct loaded *l, struct agenda_case *c)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT 0, origin_area FROM mcase_life WHERE case_ref = ?1"
			       " AND origin_area IS NOT NULL UNION ALL"
			       " SELECT 1, case_ref FROM mcase_life WHERE merged_into = ?1"
			       " ORDER BY 1, 2",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, l->text[0], -1, SQLITE_STATIC);
	int rc, out = MGW_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *v = col_dup(st, 1);
		if (v == NULL) {
			out = MGW_E_NOMEM;
			break;
		}
		if (sqlite3_column_int(st, 0) == 0) {
			free(l->text[4]);
			l->text[4] = v;
			continue;
		}
		char **nm = realloc(l->merged, (l->n_merged + 1) * sizeof *nm);
		if (nm == NULL) {
			free(v);
			out = MGW_E_NOMEM;
			break;
		}
		l->merged = nm;
		nm[l->n_merged++] = v;
	}
	if (out == MGW_OK && rc != SQLITE_DONE)
		out = MGW_E_DB;
	sqlite3_finalize(st);
	c->origin_area = l->text[4];
	c->merged_case_refs = (const char *const *)l->merged;
	c->n_merged = l->n_merged;
	return out;
}

/*
 * markers.c: see markers.h.
 */
#include "markers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caldate.h"
#include "cases.h"
#include "codec.h"
#include "followup_db.h"
#include "mgw_err.h"
#include "mgw_limits.h"

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS mmarker("
	" id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, case_ref TEXT NOT NULL,"
	" area TEXT NOT NULL, start_date TEXT NOT NULL, review_due TEXT NOT NULL,"
	" oic_node TEXT NOT NULL, state INTEGER NOT NULL, stage TEXT NOT NULL,"
	" informed INTEGER NOT NULL DEFAULT 0, withdrawn_date TEXT NOT NULL DEFAULT '',"
	" review_noticed TEXT NOT NULL DEFAULT '', escalated_for TEXT NOT NULL DEFAULT '',"
	" by_node TEXT NOT NULL, created_ms INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS mmarker_area ON mmarker(area, state, review_due);"
	"CREATE INDEX IF NOT EXISTS mmarker_case ON mmarker(case_ref);"
	/* the sweep: active markers by review due, whatever the area */
	"CREATE INDEX IF NOT EXISTS mmarker_due ON mmarker(state, review_due);"
	"CREATE TABLE IF NOT EXISTS mmarker_contact("
	" marker_id TEXT NOT NULL REFERENCES mmarker(id), idx INTEGER NOT NULL,"
	" date TEXT NOT NULL, method INTEGER NOT NULL, outcome INTEGER NOT NULL,"
	" node TEXT NOT NULL, stage TEXT NOT NULL, PRIMARY KEY(marker_id, idx)) WITHOUT ROWID;";

/*
 * A marker counts down and is on the agenda only while its case is open,
 * as an action (actions.c): a referral withdrawn (in error: about the
 * wrong woman) or a case closed is off every agenda and its follow-up has
 * stopped, and a review notice or an escalation to the crime manager would
 * keep it alive (and name it) there. The marker keeps its state, stays in
 * MarkerList, and may still be reviewed or withdrawn.
 */
#define MARKER_CASE_OPEN_SQL \
	" AND NOT EXISTS(SELECT 1 FROM mcase_life l WHERE l.case_ref = mmarker.case_ref" \
	" AND l.status <> 1)"

int markers_schema(sqlite3 *db)
{
	if (sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK)
		return MGW_E_DB;
	return cases_life_schema(db);
}

const char *markers_method_name(int m)
{
	switch (m) {
	case MARAC__V1__INFORM_METHOD__INFORM_METHOD_IN_PERSON: return "in_person";
	case MARAC__V1__INFORM_METHOD__INFORM_METHOD_PHONE: return "phone";
	case MARAC__V1__INFORM_METHOD__INFORM_METHOD_LETTER: return "letter";
	case MARAC__V1__INFORM_METHOD__INFORM_METHOD_EMAIL: return "email";
	case MARAC__V1__INFORM_METHOD__INFORM_METHOD_VIA_IDVA: return "via_idva";
	default: return "unspecified";
	}
}

const char *markers_outcome_name(int o)
{
	switch (o) {
	case MARAC__V1__INFORM_OUTCOME__INFORM_OUTCOME_INFORMED: return "informed";
	case MARAC__V1__INFORM_OUTCOME__INFORM_OUTCOME_NO_ANSWER: return "no_answer";
	case MARAC__V1__INFORM_OUTCOME__INFORM_OUTCOME_NOT_SAFE_TO_CONTACT:
		return "not_safe_to_contact";
	case MARAC__V1__INFORM_OUTCOME__INFORM_OUTCOME_DECLINED: return "declined";
	case MARAC__V1__INFORM_OUTCOME__INFORM_OUTCOME_OTHER: return "other";
	default: return "unspecified";
	}
}

int markers_add(sqlite3 *db, const struct marker_new *m, int64_t now_ms,
		char id[FOLLOWUP_ID_MAX])
{
	int32_t sd, dd;
	if (m->case_ref == NULL || !*m->case_ref || m->area == NULL || !*m->area ||
	    caldate_parse(m->start_date, &sd) != 0 || caldate_parse(m->review_due, &dd) != 0 ||
	    dd <= sd || m->oic_node == NULL || m->by_node == NULL)
		return MGW_E_INVALID;
	int64_t seq;
	char nid[FOLLOWUP_ID_MAX];
	int rc = followup_new_item(db, "SELECT COUNT(*) FROM mmarker WHERE case_ref=?1 AND state=1",
				   m->case_ref, MGW_MARKERS_ACTIVE_PER_CASE_MAX,
				   "SELECT COALESCE(MAX(seq),0)+1 FROM mmarker", 'M', &seq, nid);
	if (rc != MGW_OK)
		return rc;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db,
			       "INSERT INTO mmarker(id,seq,case_ref,area,start_date,review_due,"
			       "oic_node,state,stage,by_node,created_ms)"
			       " VALUES(?1,?2,?3,?4,?5,?6,?7,1,'placed',?8,?9)",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, nid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_text(st, 3, m->case_ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, m->area, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->start_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, m->review_due, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, m->oic_node, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, m->by_node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 9, now_ms);
	rc = followup_step_done(st);
	if (rc == MGW_OK)
		memcpy(id, nid, sizeof nid);
	return rc;
}

#define MARKER_COLS                                                                      \
	"id, case_ref, area, start_date, review_due, oic_node, state, informed,"         \
	" withdrawn_date, escalated_for"

static Marac__V1__Marker *row_marker(sqlite3_stmt *st, int32_t today)
{
	Marac__V1__Marker *m = (Marac__V1__Marker *)codec_new(&marac__v1__marker__descriptor);
	if (m == NULL)
		return NULL;
	m->marker_id = codec_strdup((const char *)sqlite3_column_text(st, 0));
	m->case_ref = codec_strdup((const char *)sqlite3_column_text(st, 1));
	m->marac_area = codec_strdup((const char *)sqlite3_column_text(st, 2));
	m->start_date = codec_strdup((const char *)sqlite3_column_text(st, 3));
	m->review_due = codec_strdup((const char *)sqlite3_column_text(st, 4));
	m->oic_node = codec_strdup((const char *)sqlite3_column_text(st, 5));
	m->state = sqlite3_column_int(st, 6);
	m->victim_informed = sqlite3_column_int(st, 7) != 0;
	m->withdrawn_date = codec_strdup((const char *)sqlite3_column_text(st, 8));
	const char *esc = (const char *)sqlite3_column_text(st, 9);
	if (m->marker_id == NULL || m->case_ref == NULL || m->marac_area == NULL ||
	    m->start_date == NULL || m->review_due == NULL || m->oic_node == NULL ||
	    m->withdrawn_date == NULL) {
		codec_free(&m->base);
		return NULL;
	}
	m->escalated = esc && !strcmp(esc, m->review_due);
	int32_t due;
	if (caldate_parse(m->review_due, &due) == 0)
		m->days_to_review = due - today;
	return m;
}

static int load_contacts(sqlite3 *db, Marac__V1__Marker *m)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT date, method, outcome, node, stage FROM mmarker_contact"
			       " WHERE marker_id=?1 ORDER BY idx", -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, m->marker_id, -1, SQLITE_STATIC);
	int rc = MGW_OK, src;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		Marac__V1__MarkerContact *c = (Marac__V1__MarkerContact *)codec_new(
			&marac__v1__marker_contact__descriptor);
		Marac__V1__MarkerContact **nv = codec_malloc((m->n_contacts + 1) * sizeof *nv);
		if (c == NULL || nv == NULL) {
			codec_free(c ? &c->base : NULL);
			codec_mfree(nv);
			rc = MGW_E_NOMEM;
			break;
		}
		if (m->n_contacts)
			memcpy(nv, m->contacts, m->n_contacts * sizeof *nv);
		codec_mfree(m->contacts);
		m->contacts = nv;
		m->contacts[m->n_contacts++] = c;
		c->date = codec_strdup((const char *)sqlite3_column_text(st, 0));
		c->method = sqlite3_column_int(st, 1);
		c->outcome = sqlite3_column_int(st, 2);
		c->node = codec_strdup((const char *)sqlite3_column_text(st, 3));
		c->stage = codec_strdup((const char *)sqlite3_column_text(st, 4));
		if (c->date == NULL || c->node == NULL || c->stage == NULL) {
			rc = MGW_E_NOMEM;
			break;
		}
	}
	if (rc == MGW_OK && src != SQLITE_DONE)
		rc = MGW_E_DB;
	sqlite3_finalize(st);
	return rc;
}

int markers_get(sqlite3 *db, const char *id, int32_t today, Marac__V1__Marker **out)
{
	*out = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT " MARKER_COLS " FROM mmarker WHERE id=?1", -1, &st,
			       NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), out_rc;
	Marac__V1__Marker *m = NULL;
	if (rc == SQLITE_ROW)
		out_rc = (m = row_marker(st, today)) ? MGW_OK : MGW_E_NOMEM;
	else
		out_rc = rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
	sqlite3_finalize(st);
	if (out_rc == MGW_OK && (out_rc = load_contacts(db, m)) != MGW_OK) {
		codec_free(&m->base);
		m = NULL;
	}
	*out = m;
	return out_rc;
}

int markers_brief(sqlite3 *db, const char *id, char *area, size_t area_len, int *state,
		  char review_due[11])
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT area, state, review_due FROM mmarker WHERE id=?1", -1,
			       &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), out;
	if (rc == SQLITE_ROW) {
		snprintf(area, area_len, "%s", (const char *)sqlite3_column_text(st, 0));
		*state = sqlite3_column_int(st, 1);
		snprintf(review_due, 11, "%s", (const char *)sqlite3_column_text(st, 2));
		out = MGW_OK;
	} else {
		out = rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
	}
	sqlite3_finalize(st);
	return out;
}

int markers_inform(sqlite3 *db, const char *id, const char *date, int method, int outcome,
		   const char *node)
{
	int32_t d;
	if (caldate_parse(date, &d) != 0 || node == NULL ||
	    method < MARAC__V1__INFORM_METHOD__INFORM_METHOD_IN_PERSON ||
	    method > MARAC__V1__INFORM_METHOD__INFORM_METHOD_VIA_IDVA ||
	    outcome < MARAC__V1__INFORM_OUTCOME__INFORM_OUTCOME_INFORMED ||
	    outcome > MARAC__V1__INFORM_OUTCOME__INFORM_OUTCOME_OTHER)
		return MGW_E_INVALID;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT stage, (SELECT COUNT(*) FROM mmarker_contact WHERE marker_id=?1),"
			       " start_date FROM mmarker WHERE id=?1", -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int src = sqlite3_step(st);
	char stage[16] = "";
	int64_t count = 0;
	int32_t start = 0;
	if (src == SQLITE_ROW) {
		snprintf(stage, sizeof stage, "%s", (const char *)sqlite3_column_text(st, 0));
		count = sqlite3_column_int64(st, 1);
		const unsigned char *sd = sqlite3_column_text(st, 2);
		if (sd == NULL || caldate_parse((const char *)sd, &start) != 0)
			src = SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	if (src == SQLITE_DONE)
		return MGW_E_NOTFOUND;
	if (src != SQLITE_ROW)
		return MGW_E_DB;
	if (count >= MGW_MARKER_CONTACTS_MAX)
		return MGW_E_TOO_LARGE;
	/* Nobody was told of a marker before it existed: such a contact would
	 * mark her informed on a date when there was nothing to tell. */
	if (d < start)
		return MGW_E_INVALID;
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO mmarker_contact(marker_id,idx,date,method,outcome,node,stage)"
			       " VALUES(?1,?2,?3,?4,?5,?6,?7)", -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, count);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, method);
	sqlite3_bind_int(st, 5, outcome);
	sqlite3_bind_text(st, 6, node, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, stage, -1, SQLITE_STATIC);
	int rc = followup_step_done(st);
	if (rc != MGW_OK || outcome != MARAC__V1__INFORM_OUTCOME__INFORM_OUTCOME_INFORMED)
		return rc;
	if (sqlite3_prepare_v2(db, "UPDATE mmarker SET informed=1 WHERE id=?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	return followup_step_done(st);
}

int markers_review(sqlite3 *db, const char *id, int withdraw, const char *new_due,
		   const char *today_s)
{
	int32_t t, nd = 0;
	if (caldate_parse(today_s, &t) != 0 ||
	    (!withdraw && (caldate_parse(new_due, &nd) != 0 || nd <= t)))
		return MGW_E_INVALID;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT state FROM mmarker WHERE id=?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int src = sqlite3_step(st);
	int state = src == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (src == SQLITE_DONE)
		return MGW_E_NOTFOUND;
	if (src != SQLITE_ROW)
		return MGW_E_DB;
	if (state != MARAC__V1__MARKER_STATE__MARKER_STATE_ACTIVE)
		return MGW_E_CONFLICT;
	const char *sql = withdraw
		? "UPDATE mmarker SET state=2, stage='withdrawn', informed=0, withdrawn_date=?2"
		  " WHERE id=?1"
		: "UPDATE mmarker SET review_due=?3, stage='extended', informed=0,"
		  " review_noticed='', escalated_for='' WHERE id=?1";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (withdraw)
		sqlite3_bind_text(st, 2, today_s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_text(st, 3, new_due, -1, SQLITE_STATIC);
	return followup_step_done(st);
}

void markers_free_list(Marac__V1__Marker **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		codec_free(v[i] ? &v[i]->base : NULL);
	free(v);
}

/* followup_collect's item builder (a marker with its contacts) and freer. */
struct put_marker_arg {
	sqlite3 *db;
	int32_t today;
};

static int put_marker(void *arr, size_t i, sqlite3_stmt *st, void *arg)
{
	const struct put_marker_arg *a = arg;
	Marac__V1__Marker *m = row_marker(st, a->today);
	if (m == NULL)
		return MGW_E_NOMEM;
	int rc = load_contacts(a->db, m);
	if (rc != MGW_OK) {
		codec_free(&m->base);
		return rc;
	}
	((Marac__V1__Marker **)arr)[i] = m;
	return MGW_OK;
}

static void free_markers(void *arr, size_t n)
{
	markers_free_list(arr, n);
}

int markers_list(sqlite3 *db, const struct marker_filter *f, int32_t today, size_t max,
		 Marac__V1__Marker ***out, size_t *n, int *truncated)
{
	*out = NULL;
	*n = 0;
	*truncated = 0;
	char horizon[11];
	caldate_format(today + (int32_t)f->notice_days, horizon);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT " MARKER_COLS " FROM mmarker WHERE (?1 IS NULL OR case_ref=?1)"
			       " AND (?2 OR state=1) AND (?3=0 OR (state=1 AND review_due<=?4))"
			       " ORDER BY review_due, seq", -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	if (f->case_ref && *f->case_ref)
		sqlite3_bind_text(st, 1, f->case_ref, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_int(st, 2, f->include_withdrawn && !f->due_only);
	sqlite3_bind_int(st, 3, f->due_only != 0);
	sqlite3_bind_text(st, 4, horizon, -1, SQLITE_STATIC);
	struct put_marker_arg pa = { .db = db, .today = today };
	struct followup_rows r = { .areas = f->areas, .n_areas = f->n_areas, .max = max,
				   .put = put_marker, .free_list = free_markers, .arg = &pa };
	void *v;
	int rc = followup_collect(st, sizeof **out, &r, &v, n, truncated);
	*out = v;
	return rc;
}

int markers_agenda(sqlite3 *db, const char *area, const char *meeting_date,
		   unsigned notice_days, Marac__V1__Agenda *ag)
{
	int32_t meet;
	if (area == NULL || caldate_parse(meeting_date, &meet) != 0)
		return MGW_E_INVALID;
	char horizon[11];
	caldate_format(meet + (int32_t)notice_days, horizon);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT " MARKER_COLS " FROM mmarker WHERE area=?1 AND state=1"
			       " AND review_due<=?2 AND start_date<=?3" MARKER_CASE_OPEN_SQL
			       " ORDER BY review_due, seq",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, area, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, horizon, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, meeting_date, -1, SQLITE_STATIC);
	int rc = MGW_OK, src;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		Marac__V1__Marker *m = row_marker(st, meet);
		Marac__V1__Marker **nv = followup_grow(ag->markers, ag->n_markers, sizeof *nv);
		if (nv != NULL)
			ag->markers = nv; /* room for one more; n_markers unchanged until filled */
		if (m == NULL || nv == NULL) {
			codec_free(m ? &m->base : NULL);
			rc = MGW_E_NOMEM;
			break;
		}
		ag->markers[ag->n_markers++] = m;
	}
	if (rc == MGW_OK && src != SQLITE_ROW && src != SQLITE_DONE)
		rc = MGW_E_DB;
	sqlite3_finalize(st);
	return rc;
}

/* Append up to max - *n rows of st (stage given) to out. */
static int due_rows(sqlite3_stmt *st, int stage, int32_t today, struct marker_due *out,
		    size_t max, size_t *n)
{
	int src = SQLITE_DONE;
	while (*n < max && (src = sqlite3_step(st)) == SQLITE_ROW) {
		struct marker_due *d = &out[(*n)++];
		snprintf(d->id, sizeof d->id, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(d->case_ref, sizeof d->case_ref, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(d->area, sizeof d->area, "%s", (const char *)sqlite3_column_text(st, 2));
		snprintf(d->oic_node, sizeof d->oic_node, "%s", (const char *)sqlite3_column_text(st, 3));
		snprintf(d->review_due, sizeof d->review_due, "%s",
			 (const char *)sqlite3_column_text(st, 4));
		d->stage = stage;
		d->first_sent = sqlite3_column_int(st, 5);
		int32_t due = today;
		caldate_parse(d->review_due, &due);
		d->days_overdue = today - due;
	}
	if (*n == max)
		src = SQLITE_DONE;
	sqlite3_finalize(st);
	return src == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

int markers_due(sqlite3 *db, int32_t today, unsigned notice_days, unsigned escalate_days,
		struct marker_due *out, size_t max, size_t *n)
{
	*n = 0;
	char first[11], second[11];
	caldate_format(today + (int32_t)notice_days, first);
	caldate_format(today - (int32_t)escalate_days, second);
	/*
	 * Two range scans of mmarker_due in review order, each stopping at its
	 * LIMIT: escalations first, so one never waits behind first-stage
	 * notices; then first stages that are not also escalations (an
	 * escalation covers its first stage).
	 */
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT id, case_ref, area, oic_node, review_due,"
			       " review_noticed=review_due FROM mmarker"
			       " WHERE state=1 AND review_due<=?1 AND escalated_for<>review_due"
			       MARKER_CASE_OPEN_SQL " ORDER BY review_due LIMIT ?2", -1, &st,
			       NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, second, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	int rc = due_rows(st, MARKER_NOTICE_ESCALATE, today, out, max, n);
	if (rc != MGW_OK || *n == max)
		return rc;
	if (sqlite3_prepare_v2(db,
			       "SELECT id, case_ref, area, oic_node, review_due, 0 FROM mmarker"
			       " WHERE state=1 AND review_due<=?1 AND review_noticed<>review_due"
			       " AND NOT (review_due<=?2 AND escalated_for<>review_due)"
			       MARKER_CASE_OPEN_SQL " ORDER BY review_due LIMIT ?3", -1, &st,
			       NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, second, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)(max - *n));
	return due_rows(st, MARKER_NOTICE_REVIEW, today, out, max, n);
}

int markers_noticed(sqlite3 *db, const char *id, int stage, const char *review_due)
{
	sqlite3_stmt *st;
	/* An escalation also covers the first stage: it is never sent after it. */
	const char *sql = stage == MARKER_NOTICE_ESCALATE
		? "UPDATE mmarker SET escalated_for=?2, review_noticed=?2 WHERE id=?1"
		: "UPDATE mmarker SET review_noticed=?2 WHERE id=?1";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, review_due, -1, SQLITE_STATIC);
	return followup_step_done(st);
}

int markers_active_for_case(sqlite3 *db, const char *case_ref)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM mmarker WHERE case_ref = ?1 AND state = 1 LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref ? case_ref : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : MGW_E_DB;
}

/*
 * actions.c: see actions.h.
 */
#include "actions.h"

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
	"CREATE TABLE IF NOT EXISTS maction("
	" id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, case_ref TEXT NOT NULL,"
	" area TEXT NOT NULL, marac_date TEXT NOT NULL, owner INTEGER NOT NULL,"
	" description TEXT NOT NULL, due_date TEXT NOT NULL, status INTEGER NOT NULL,"
	" note TEXT NOT NULL DEFAULT '', date_reported TEXT NOT NULL DEFAULT '',"
	" set_by_node TEXT NOT NULL, created_ms INTEGER NOT NULL, last_notice_day INTEGER)"
	" WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS maction_area ON maction(area, status, due_date);"
	"CREATE INDEX IF NOT EXISTS maction_case ON maction(case_ref);"
	/* the sweep: open actions by due date, whatever the area */
	"CREATE INDEX IF NOT EXISTS maction_due ON maction(status, due_date);"
	"CREATE TABLE IF NOT EXISTS mfollow_msg("
	" node TEXT NOT NULL, msg_id TEXT NOT NULL, digest BLOB NOT NULL, item_id TEXT NOT NULL,"
	" at_ms INTEGER NOT NULL, PRIMARY KEY(node, msg_id)) WITHOUT ROWID;";

/*
 * An action counts down only while its case is open: a referral withdrawn
 * (in error: about the wrong person) or a case closed has no follow-up to
 * chase, and telling agencies it is overdue would keep a mistaken case
 * alive on their desks and on every agenda. The action keeps its status
 * (its owner did not report on it); lists still show it.
 */
#define CASE_OPEN_SQL \
	" AND NOT EXISTS(SELECT 1 FROM mcase_life l WHERE l.case_ref = maction.case_ref" \
	" AND l.status <> 1)"

int actions_schema(sqlite3 *db)
{
	if (sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK)
		return MGW_E_DB;
	return cases_life_schema(db);
}

const char *actions_status_name(int status)
{
	switch (status) {
	case MARAC__V1__ACTION_STATUS__ACTION_STATUS_OPEN: return "open";
	case MARAC__V1__ACTION_STATUS__ACTION_STATUS_DONE: return "done";
	case MARAC__V1__ACTION_STATUS__ACTION_STATUS_NOT_POSSIBLE_CIRCUMSTANCES_CHANGED:
		return "not_possible_circumstances_changed";
	case MARAC__V1__ACTION_STATUS__ACTION_STATUS_NOT_DONE: return "not_done";
	default: return "unspecified";
	}
}

static int valid_status(int s)
{
	return s >= MARAC__V1__ACTION_STATUS__ACTION_STATUS_OPEN &&
	       s <= MARAC__V1__ACTION_STATUS__ACTION_STATUS_NOT_DONE;
}

/* ---- idempotency keys ------------------------------------------------------ */

int followup_msg_check(sqlite3 *db, const char *node, const char *msg_id,
		       const uint8_t digest[32], char item_id[FOLLOWUP_ID_MAX])
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT digest, item_id FROM mfollow_msg WHERE node=?1 AND msg_id=?2",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, msg_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), out;
	if (rc == SQLITE_DONE) {
		out = MGW_E_NOTFOUND;
	} else if (rc != SQLITE_ROW) {
		out = MGW_E_DB;
	} else {
		const void *d = sqlite3_column_blob(st, 0);
		int dn = sqlite3_column_bytes(st, 0);
		const char *id = (const char *)sqlite3_column_text(st, 1);
		out = dn == 32 && d && memcmp(d, digest, 32) == 0 ? MGW_OK : MGW_E_CONFLICT;
		snprintf(item_id, FOLLOWUP_ID_MAX, "%s", id ? id : "");
	}
	sqlite3_finalize(st);
	return out;
}

int followup_msg_put(sqlite3 *db, const char *node, const char *msg_id,
		     const uint8_t digest[32], const char *item_id, int64_t at_ms)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO mfollow_msg(node,msg_id,digest,item_id,at_ms)"
			       " VALUES(?1,?2,?3,?4,?5)", -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, msg_id, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, digest, 32, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, item_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, at_ms);
	return followup_step_done(st);
}

/* ---- actions ----------------------------------------------------------------- */

int actions_add(sqlite3 *db, const struct action_new *a, int64_t now_ms,
		char id[FOLLOWUP_ID_MAX])
{
	int32_t md, dd;
	if (a->case_ref == NULL || !*a->case_ref || a->area == NULL || !*a->area ||
	    caldate_parse(a->marac_date, &md) != 0 || caldate_parse(a->due_date, &dd) != 0 ||
	    dd < md || a->owner <= 0 || a->description == NULL || a->set_by_node == NULL)
		return MGW_E_INVALID;
	int64_t seq;
	char nid[FOLLOWUP_ID_MAX];
	int rc = followup_new_item(db, "SELECT COUNT(*) FROM maction WHERE case_ref=?1 AND status=1",
				   a->case_ref, MGW_ACTIONS_OPEN_PER_CASE_MAX,
				   "SELECT COALESCE(MAX(seq),0)+1 FROM maction", 'A', &seq, nid);
	if (rc != MGW_OK)
		return rc;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db,
			       "INSERT INTO maction(id,seq,case_ref,area,marac_date,owner,description,"
			       "due_date,status,set_by_node,created_ms)"
			       " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, nid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	sqlite3_bind_text(st, 3, a->case_ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, a->area, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->marac_date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, a->owner);
	sqlite3_bind_text(st, 7, a->description, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, a->due_date, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, MARAC__V1__ACTION_STATUS__ACTION_STATUS_OPEN);
	sqlite3_bind_text(st, 10, a->set_by_node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 11, now_ms);
	rc = followup_step_done(st);
	if (rc == MGW_OK)
		memcpy(id, nid, sizeof nid);
	return rc;
}

#define ACTION_COLS                                                                      \
	"id, case_ref, area, marac_date, owner, description, due_date, status, note,"    \
	" date_reported, set_by_node"

/* The action of the current row (ACTION_COLS) as a new message, or NULL. */
static Marac__V1__Action *row_action(sqlite3_stmt *st, int32_t today)
{
	Marac__V1__Action *a = (Marac__V1__Action *)codec_new(&marac__v1__action__descriptor);
	if (a == NULL)
		return NULL;
	char **dst[] = {&a->action_id, &a->case_ref, &a->marac_area, &a->marac_date};
	for (int i = 0; i < 4; i++)
		*dst[i] = codec_strdup((const char *)sqlite3_column_text(st, i));
	a->owner = sqlite3_column_int(st, 4);
	a->description = codec_strdup((const char *)sqlite3_column_text(st, 5));
	a->due_date = codec_strdup((const char *)sqlite3_column_text(st, 6));
	a->status = sqlite3_column_int(st, 7);
	a->note = codec_strdup((const char *)sqlite3_column_text(st, 8));
	a->date_reported = codec_strdup((const char *)sqlite3_column_text(st, 9));
	a->set_by_node = codec_strdup((const char *)sqlite3_column_text(st, 10));
	int32_t due;
	if (a->action_id == NULL || a->case_ref == NULL || a->marac_area == NULL ||
	    a->marac_date == NULL || a->description == NULL || a->due_date == NULL ||
	    a->note == NULL || a->date_reported == NULL || a->set_by_node == NULL) {
		codec_free(&a->base);
		return NULL;
	}
	if (caldate_parse(a->due_date, &due) == 0)
		a->days_left = due - today;
	return a;
}

int actions_get(sqlite3 *db, const char *id, int32_t today, Marac__V1__Action **out)
{
	*out = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT " ACTION_COLS " FROM maction WHERE id=?1", -1, &st,
			       NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), out_rc;
	if (rc == SQLITE_ROW)
		out_rc = (*out = row_action(st, today)) ? MGW_OK : MGW_E_NOMEM;
	else
		out_rc = rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
	sqlite3_finalize(st);
	return out_rc;
}

int actions_owner(sqlite3 *db, const char *id, char *area, size_t area_len, int *owner)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT area, owner FROM maction WHERE id=?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), out;
	if (rc == SQLITE_ROW) {
		snprintf(area, area_len, "%s", (const char *)sqlite3_column_text(st, 0));
		*owner = sqlite3_column_int(st, 1);
		out = MGW_OK;
	} else {
		out = rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
	}
	sqlite3_finalize(st);
	return out;
}

int actions_set_status(sqlite3 *db, const char *id, int status, const char *note,
		       const char *date)
{
	int32_t d;
	if (!valid_status(status) || note == NULL || caldate_parse(date, &d) != 0)
		return MGW_E_INVALID;
	sqlite3_stmt *st;
	if (status == MARAC__V1__ACTION_STATUS__ACTION_STATUS_OPEN) {
		/* Reopening one counts against the case's cap, as adding does: else
		 * close, add and reopen would grow the open actions without end. */
		if (sqlite3_prepare_v2(db,
				       "SELECT a.status, (SELECT COUNT(*) FROM maction o"
				       " WHERE o.case_ref = a.case_ref AND o.status = 1)"
				       " FROM maction a WHERE a.id = ?1", -1, &st, NULL) != SQLITE_OK)
			return MGW_E_DB;
		sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_STATIC);
		int src = sqlite3_step(st);
		int was_open = src == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
		int64_t open_n = src == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
		sqlite3_finalize(st);
		if (src != SQLITE_ROW && src != SQLITE_DONE)
			return MGW_E_DB;
		if (src == SQLITE_ROW && !was_open && open_n >= MGW_ACTIONS_OPEN_PER_CASE_MAX)
			return MGW_E_TOO_LARGE;
	}
	/* Reopened: its notices start again from the due date. */
	if (sqlite3_prepare_v2(db,
			       "UPDATE maction SET status=?2, note=?3, date_reported=?4,"
			       " last_notice_day=CASE WHEN ?2=1 THEN NULL ELSE last_notice_day END"
			       " WHERE id=?1", -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id ? id : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, status);
	sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, date, -1, SQLITE_STATIC);
	int rc = followup_step_done(st);
	if (rc == MGW_OK && sqlite3_changes(db) == 0)
		rc = MGW_E_NOTFOUND;
	return rc;
}

void actions_free_list(Marac__V1__Action **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		codec_free(v[i] ? &v[i]->base : NULL);
	free(v);
}

/* followup_collect's item builder and freer for an array of actions. */
static int put_action(void *arr, size_t i, sqlite3_stmt *st, void *arg)
{
	Marac__V1__Action **v = arr;
	v[i] = row_action(st, *(const int32_t *)arg);
	return v[i] ? MGW_OK : MGW_E_NOMEM;
}

static void free_actions(void *arr, size_t n)
{
	actions_free_list(arr, n);
}

int actions_list(sqlite3 *db, const struct action_filter *f, int32_t today, size_t max,
		 Marac__V1__Action ***out, size_t *n, int *truncated)
{
	*out = NULL;
	*n = 0;
	*truncated = 0;
	char today_s[11];
	caldate_format(today, today_s);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT " ACTION_COLS " FROM maction WHERE (?1 IS NULL OR case_ref=?1)"
			       " AND (?2=0 OR owner=?2) AND (?3 OR status=1)"
			       " AND (?4=0 OR due_date<?5) ORDER BY due_date, seq",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	if (f->case_ref && *f->case_ref)
		sqlite3_bind_text(st, 1, f->case_ref, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_int(st, 2, f->owner);
	sqlite3_bind_int(st, 3, f->include_closed && !f->overdue_only);
	sqlite3_bind_int(st, 4, f->overdue_only != 0);
	sqlite3_bind_text(st, 5, today_s, -1, SQLITE_STATIC);
	struct followup_rows r = { .areas = f->areas, .n_areas = f->n_areas, .max = max,
				   .put = put_action, .free_list = free_actions, .arg = &today };
	void *v;
	int rc = followup_collect(st, sizeof **out, &r, &v, n, truncated);
	*out = v;
	return rc;
}

/* s cut in place to at most max bytes on a character boundary, " [...]" after. */
static char *agenda_text(char *s, size_t max)
{
	static const char more[] = " [...]";
	size_t n = s ? strlen(s) : 0;
	if (n <= max)
		return s;
	size_t k = max - (sizeof more - 1);
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--; /* not inside a UTF-8 sequence */
	memcpy(s + k, more, sizeof more);
	return s;
}

int actions_agenda(sqlite3 *db, const char *area, const char *meeting_date,
		   Marac__V1__Agenda *ag)
{
	int32_t meet;
	if (area == NULL || caldate_parse(meeting_date, &meet) != 0)
		return MGW_E_INVALID;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT " ACTION_COLS " FROM maction WHERE area=?1 AND status=1"
			       " AND marac_date<?2" CASE_OPEN_SQL " ORDER BY due_date, seq",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, area, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, meeting_date, -1, SQLITE_STATIC);
	int rc = MGW_OK, src;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		Marac__V1__Action *a = row_action(st, meet);
		Marac__V1__AgendaAction *x =
			(Marac__V1__AgendaAction *)codec_new(&marac__v1__agenda_action__descriptor);
		Marac__V1__AgendaAction **nv = followup_grow(ag->actions, ag->n_actions, sizeof *nv);
		if (nv != NULL)
			ag->actions = nv; /* room for one more; n_actions unchanged until filled */
		if (a == NULL || x == NULL || nv == NULL) {
			codec_free(a ? &a->base : NULL);
			codec_free(x ? &x->base : NULL);
			rc = MGW_E_NOMEM;
			break;
		}
		ag->actions[ag->n_actions++] = x;
		/* Move the strings over: the agenda row owns them now. */
		x->case_ref = a->case_ref;
		x->marac_date = a->marac_date;
		x->owner = a->owner;
		x->action = agenda_text(a->description, MGW_AGENDA_ACTION_TEXT_MAX);
		x->due_date = a->due_date;
		x->date_reported = a->date_reported;
		x->action_id = a->action_id;
		x->days_left = a->days_left;
		x->status = codec_strdup(a->days_left < 0 ? "overdue" : "open");
		a->case_ref = a->marac_date = a->description = a->due_date = a->date_reported =
			a->action_id = NULL;
		codec_free(&a->base);
		if (x->status == NULL) {
			rc = MGW_E_NOMEM;
			break;
		}
	}
	if (rc == MGW_OK && src != SQLITE_ROW && src != SQLITE_DONE)
		rc = MGW_E_DB;
	sqlite3_finalize(st);
	return rc;
}

int actions_due(sqlite3 *db, int32_t today, unsigned every_days, struct action_due *out,
		size_t max, size_t *n)
{
	return actions_due_areas(db, today, every_days, NULL, 0, out, max, n);
}

int actions_due_areas(sqlite3 *db, int32_t today, unsigned every_days,
		      const struct action_every *per_area, size_t n_areas, struct action_due *out,
		      size_t max, size_t *n)
{
	*n = 0;
	if (n_areas > ACTIONS_EVERY_AREAS_MAX)
		return MGW_E_INVALID;
	char today_s[11];
	caldate_format(today, today_s);
	/*
	 * The interval is a CASE on the action's area with bound parameters
	 * (?5, ?6 for the first area, ...): the area ids never enter the SQL
	 * text, and one statement keeps LIMIT and the order over all areas.
	 */
	sqlite3_str *q = sqlite3_str_new(db);
	sqlite3_str_appendall(q, "SELECT id, case_ref, area, owner, due_date FROM maction"
				 " WHERE status=1 AND due_date<=?1 AND"
				 " (last_notice_day IS NULL OR last_notice_day+");
	if (n_areas) {
		sqlite3_str_appendall(q, "CASE area");
		for (size_t i = 0; i < n_areas; i++)
			sqlite3_str_appendf(q, " WHEN ?%d THEN ?%d", (int)(5 + 2 * i),
					    (int)(6 + 2 * i));
		sqlite3_str_appendall(q, " ELSE ?2 END");
	} else {
		sqlite3_str_appendall(q, "?2");
	}
	sqlite3_str_appendall(q, "<=?3)" CASE_OPEN_SQL " ORDER BY due_date, seq LIMIT ?4");
	char *sql = sqlite3_str_finish(q);
	if (sql == NULL)
		return MGW_E_NOMEM;
	sqlite3_stmt *st;
	int prc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (prc != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, today_s, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, every_days ? every_days : 1);
	sqlite3_bind_int64(st, 3, today);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)max);
	for (size_t i = 0; i < n_areas; i++) {
		unsigned d = per_area[i].days ? per_area[i].days : every_days;
		sqlite3_bind_text(st, (int)(5 + 2 * i), per_area[i].area ? per_area[i].area : "", -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(st, (int)(6 + 2 * i), d ? d : 1);
	}
	int src;
	while ((src = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		struct action_due *d = &out[(*n)++];
		snprintf(d->id, sizeof d->id, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(d->case_ref, sizeof d->case_ref, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(d->area, sizeof d->area, "%s", (const char *)sqlite3_column_text(st, 2));
		d->owner = sqlite3_column_int(st, 3);
		snprintf(d->due_date, sizeof d->due_date, "%s", (const char *)sqlite3_column_text(st, 4));
		int32_t due = today;
		caldate_parse(d->due_date, &due);
		d->days_overdue = today - due;
	}
	sqlite3_finalize(st);
	return src == SQLITE_ROW || src == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

int actions_noticed(sqlite3 *db, const char *id, int32_t today)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "UPDATE maction SET last_notice_day=?2 WHERE id=?1", -1, &st,
			       NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, today);
	return followup_step_done(st);
}

/* Each of the two statements with ?1 = a, ?2 = b. */
static int exec_both(sqlite3 *db, const char *const sql[2], const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return MGW_E_INVALID;
	for (size_t i = 0; i < 2; i++) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, sql[i], -1, &st, NULL) != SQLITE_OK)
			return MGW_E_DB;
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return MGW_E_DB;
	}
	return MGW_OK;
}

/*
 * A case transferred to another MARAC takes its follow-up with it: open and
 * closed actions and its address markers are listed under the receiving
 * area (the owner agency and the officer in charge stay as they were; the
 * receiving chair reassigns them at its meeting if needed).
 */
int actions_transfer(sqlite3 *db, const char *case_ref, const char *to_area)
{
	static const char *const sql[2] = {
		"UPDATE maction SET area = ?2 WHERE case_ref = ?1",
		"UPDATE mmarker SET area = ?2 WHERE case_ref = ?1",
	};
	return exec_both(db, sql, case_ref, to_area);
}

int actions_open_by_owner(sqlite3 *db, const char *case_ref, unsigned *count, size_t n)
{
	sqlite3_stmt *st;
	if (case_ref == NULL || count == NULL)
		return MGW_E_INVALID;
	memset(count, 0, n * sizeof *count);
	if (sqlite3_prepare_v2(db,
			       "SELECT owner, COUNT(*) FROM maction WHERE case_ref = ?1 AND status = 1"
			       " GROUP BY owner",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 ag = sqlite3_column_int64(st, 0);
		if (ag >= 0 && (size_t)ag < n)
			count[ag] = (unsigned)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

int actions_merge_fits(sqlite3 *db, const char *dup_ref, const char *into_ref,
		       const char **what)
{
	static const struct {
		const char *sql, *what;
		unsigned max;
	} caps[2] = {
		{"SELECT COUNT(*) FROM maction WHERE case_ref IN (?1, ?2) AND status = 1",
		 "actions", MGW_ACTIONS_OPEN_PER_CASE_MAX},
		{"SELECT COUNT(*) FROM mmarker WHERE case_ref IN (?1, ?2) AND state = 1",
		 "markers", MGW_MARKERS_ACTIVE_PER_CASE_MAX},
	};
	*what = NULL;
	for (size_t i = 0; i < 2; i++) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, caps[i].sql, -1, &st, NULL) != SQLITE_OK)
			return MGW_E_DB;
		sqlite3_bind_text(st, 1, dup_ref, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, into_ref, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_int64 n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
		sqlite3_finalize(st);
		if (n < 0)
			return MGW_E_DB;
		if (n > (sqlite3_int64)caps[i].max) {
			*what = caps[i].what;
			return MGW_E_TOO_LARGE;
		}
	}
	return MGW_OK;
}

int actions_merge(sqlite3 *db, const char *dup_ref, const char *into_ref)
{
	/* Merges are within one area (req_case.c refuses others): area stays. */
	static const char *const sql[2] = {
		"UPDATE maction SET case_ref = ?2 WHERE case_ref = ?1",
		"UPDATE mmarker SET case_ref = ?2 WHERE case_ref = ?1",
	};
	return exec_both(db, sql, dup_ref, into_ref);
}

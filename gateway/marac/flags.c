/*
 * flags.c: see flags.h.
 */
#include "flags.h"

#include <stdio.h>
#include <string.h>

#include "mgw_err.h"

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS flag_touch("
	" id INTEGER PRIMARY KEY, case_ref TEXT NOT NULL, area TEXT NOT NULL,"
	" agency INTEGER NOT NULL, node TEXT NOT NULL, at_ms INTEGER NOT NULL,"
	" kinds INTEGER NOT NULL, via TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS flag_touch_case ON flag_touch(case_ref, at_ms);"
	"CREATE TABLE IF NOT EXISTS flag_notice("
	" node TEXT NOT NULL, seq INTEGER NOT NULL, flag_id TEXT NOT NULL,"
	" touch_id INTEGER NOT NULL REFERENCES flag_touch(id), acked_ms INTEGER,"
	" PRIMARY KEY(node, seq)) WITHOUT ROWID;"
	"CREATE UNIQUE INDEX IF NOT EXISTS flag_notice_id ON flag_notice(node, flag_id);"
	"CREATE INDEX IF NOT EXISTS flag_notice_pending ON flag_notice(node, seq)"
	" WHERE acked_ms IS NULL;"
	"CREATE TABLE IF NOT EXISTS flag_counter("
	" node TEXT PRIMARY KEY NOT NULL, last INTEGER NOT NULL) WITHOUT ROWID;";

int flags_schema(sqlite3 *db)
{
	return sqlite3_exec(db, schema_sql, NULL, NULL, NULL) == SQLITE_OK ? MGW_OK : MGW_E_DB;
}

static int sp(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? MGW_OK : MGW_E_DB;
}

static int sp_end(sqlite3 *db, int ok)
{
	if (ok && sp(db, "RELEASE flags") == MGW_OK)
		return MGW_OK;
	sp(db, "ROLLBACK TO flags; RELEASE flags");
	return MGW_E_DB;
}

static int nonempty(const char *s)
{
	return s != NULL && s[0] != '\0';
}

int flags_touch(sqlite3 *db, const char *case_ref, const char *area, int agency,
		const char *node, int64_t at_ms, unsigned kinds, const char *via,
		int64_t *touch_id)
{
	sqlite3_stmt *st = NULL;
	if (!nonempty(case_ref) || !nonempty(area) || !nonempty(node) || !nonempty(via))
		return MGW_E_INVALID;
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO flag_touch(case_ref, area, agency, node, at_ms, kinds,"
			       " via) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, area, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, agency);
	sqlite3_bind_text(st, 4, node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, at_ms);
	sqlite3_bind_int64(st, 6, kinds);
	sqlite3_bind_text(st, 7, via, -1, SQLITE_STATIC);
	int s = sqlite3_step(st);
	sqlite3_finalize(st);
	if (s != SQLITE_DONE)
		return MGW_E_DB;
	*touch_id = sqlite3_last_insert_rowid(db);
	return MGW_OK;
}

int flags_notice(sqlite3 *db, const char *node, int64_t touch_id, const char *flag_id,
		 uint64_t *seq)
{
	sqlite3_stmt *st = NULL;
	int rc;
	if (!nonempty(node) || flag_id == NULL || strlen(flag_id) != FLAGS_ID_LEN - 1)
		return MGW_E_INVALID;
	if ((rc = sp(db, "SAVEPOINT flags")) != MGW_OK)
		return rc;
	rc = MGW_E_DB;
	/* The UPSERT first: it takes the write lock, so the seq read next is ours alone. */
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO flag_counter VALUES(?1, 1) "
			       "ON CONFLICT(node) DO UPDATE SET last = last + 1 RETURNING last",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	sqlite3_int64 last = sqlite3_column_int64(st, 0);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(db,
			       "INSERT INTO flag_notice(node, seq, flag_id, touch_id, acked_ms)"
			       " VALUES(?1, ?2, ?3, ?4, NULL)",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, last);
	sqlite3_bind_text(st, 3, flag_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, touch_id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE)
			rc = MGW_E_CONFLICT;
		goto fail;
	}
	sqlite3_finalize(st);
	*seq = (uint64_t)last;
	return sp_end(db, 1);
fail:
	sqlite3_finalize(st);
	sp_end(db, 0);
	return rc;
}

int flags_ack(sqlite3 *db, const char *node, const char *flag_id, int64_t at_ms, int *was_acked,
	      char *case_ref, size_t case_ref_len)
{
	sqlite3_stmt *st = NULL;
	int rc = MGW_E_DB, s;
	*was_acked = 0;
	if (case_ref && case_ref_len)
		case_ref[0] = '\0';
	if (sqlite3_prepare_v2(db,
			       "SELECT n.acked_ms IS NOT NULL, t.case_ref FROM flag_notice n "
			       "JOIN flag_touch t ON t.id = n.touch_id "
			       "WHERE n.node = ?1 AND n.flag_id = ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, node ? node : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, flag_id ? flag_id : "", -1, SQLITE_STATIC);
	if ((s = sqlite3_step(st)) != SQLITE_ROW) {
		rc = s == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
		goto out;
	}
	*was_acked = sqlite3_column_int(st, 0);
	if (case_ref && case_ref_len) {
		const unsigned char *t = sqlite3_column_text(st, 1);
		snprintf(case_ref, case_ref_len, "%s", t ? (const char *)t : "");
	}
	sqlite3_finalize(st);
	st = NULL;
	if (*was_acked)
		return MGW_OK;
	if (sqlite3_prepare_v2(db,
			       "UPDATE flag_notice SET acked_ms = ?3 WHERE node = ?1 AND flag_id = ?2"
			       " AND acked_ms IS NULL",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, flag_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, at_ms);
	rc = sqlite3_step(st) == SQLITE_DONE ? MGW_OK : MGW_E_DB;
out:
	sqlite3_finalize(st);
	return rc;
}

static void row_of(sqlite3_stmt *st, struct flag_row *r)
{
	r->case_ref = (const char *)sqlite3_column_text(st, 0);
	r->area = (const char *)sqlite3_column_text(st, 1);
	r->agency = sqlite3_column_int(st, 2);
	r->node = (const char *)sqlite3_column_text(st, 3);
	r->at_ms = sqlite3_column_int64(st, 4);
	r->kinds = (unsigned)sqlite3_column_int64(st, 5);
	r->via = (const char *)sqlite3_column_text(st, 6);
	if (r->case_ref == NULL)
		r->case_ref = "";
	if (r->area == NULL)
		r->area = "";
	if (r->node == NULL)
		r->node = "";
	if (r->via == NULL)
		r->via = "";
}

int flags_pending(sqlite3 *db, const char *node, uint64_t after, size_t max, flags_row_fn fn,
		  void *ctx)
{
	sqlite3_stmt *st = NULL;
	int s;
	if (sqlite3_prepare_v2(db,
			       "SELECT t.case_ref, t.area, t.agency, t.node, t.at_ms, t.kinds, t.via,"
			       " n.seq, n.flag_id FROM flag_notice n "
			       "JOIN flag_touch t ON t.id = n.touch_id "
			       "WHERE n.node = ?1 AND n.seq > ?2 AND n.acked_ms IS NULL "
			       "ORDER BY n.seq LIMIT ?3",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, node ? node : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)after);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		struct flag_row r;
		row_of(st, &r);
		r.seq = (uint64_t)sqlite3_column_int64(st, 7);
		r.flag_id = (const char *)sqlite3_column_text(st, 8);
		if (r.flag_id == NULL)
			r.flag_id = "";
		if (fn(ctx, &r) != 0) {
			s = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return s == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

int flags_history(sqlite3 *db, const char *case_ref, size_t max, flags_row_fn fn, void *ctx,
		  int *more)
{
	sqlite3_stmt *st = NULL;
	size_t n = 0;
	int s;
	*more = 0;
	if (sqlite3_prepare_v2(db,
			       "SELECT case_ref, area, agency, node, at_ms, kinds, via FROM flag_touch"
			       " WHERE case_ref = ?1 ORDER BY at_ms DESC, id DESC LIMIT ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref ? case_ref : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max + 1);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == max) {
			*more = 1;
			s = SQLITE_DONE;
			break;
		}
		struct flag_row r;
		row_of(st, &r);
		r.seq = 0;
		r.flag_id = "";
		n++;
		if (fn(ctx, &r) != 0) {
			s = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return s == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

int flags_case_owner(sqlite3 *db, const char *case_ref, char *area, size_t len, int *agency)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT area, referring_agency FROM mcase WHERE case_ref = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref ? case_ref : "", -1, SQLITE_STATIC);
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		const unsigned char *a = sqlite3_column_text(st, 0);
		snprintf(area, len, "%s", a ? (const char *)a : "");
		*agency = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return s == SQLITE_ROW ? MGW_OK : s == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
}

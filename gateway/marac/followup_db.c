/* followup_db.c: see followup_db.h. */
#include "followup_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "mgw_err.h"

int followup_step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		return MGW_E_CONFLICT;
	return rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

int followup_next_id(sqlite3 *db, const char *seq_sql, char prefix, int64_t *seq,
		     char nid[FOLLOWUP_ID_MAX])
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, seq_sql, -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	*seq = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	if (*seq <= 0 || *seq > 99999999)
		return MGW_E_DB;
	snprintf(nid, FOLLOWUP_ID_MAX, "%c-%06lld", prefix, (long long)*seq);
	return MGW_OK;
}

int followup_new_item(sqlite3 *db, const char *open_sql, const char *case_ref, int64_t open_max,
		      const char *seq_sql, char prefix, int64_t *seq, char nid[FOLLOWUP_ID_MAX])
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, open_sql, -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, case_ref, -1, SQLITE_STATIC);
	int64_t open_n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	if (open_n < 0)
		return MGW_E_DB;
	if (open_n >= open_max)
		return MGW_E_TOO_LARGE;
	return followup_next_id(db, seq_sql, prefix, seq, nid);
}

static int in_areas(const struct followup_rows *r, const char *area)
{
	for (size_t i = 0; i < r->n_areas; i++)
		if (r->areas[i] && area && !strcmp(r->areas[i], area))
			return 1;
	return 0;
}

int followup_collect(sqlite3_stmt *st, size_t elem_size, const struct followup_rows *r,
		     void **arr, size_t *n, int *truncated)
{
	*arr = NULL;
	*n = 0;
	*truncated = 0;
	void *v = NULL;
	size_t k = 0;
	int rc = MGW_OK, src;
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		if (!in_areas(r, (const char *)sqlite3_column_text(st, 2)))
			continue;
		if (k == r->max) {
			*truncated = 1;
			break;
		}
		void *nv = realloc(v, (k + 1) * elem_size);
		if (nv == NULL) {
			rc = MGW_E_NOMEM;
			break;
		}
		v = nv;
		if ((rc = r->put(v, k, st, r->arg)) != MGW_OK)
			break;
		k++;
	}
	if (rc == MGW_OK && src != SQLITE_ROW && src != SQLITE_DONE)
		rc = MGW_E_DB;
	sqlite3_finalize(st);
	if (rc != MGW_OK) {
		*truncated = 0;
		r->free_list(v, k);
		return rc;
	}
	*arr = v;
	*n = k;
	return MGW_OK;
}

void *followup_grow(void *arr, size_t n, size_t elem_size)
{
	void *nv = codec_malloc((n + 1) * elem_size);
	if (nv == NULL)
		return NULL;
	if (n)
		memcpy(nv, arr, n * elem_size);
	codec_mfree(arr);
	return nv;
}

/*
 * followup_db.h: the SQLite steps the follow-up stores (actions.c,
 * markers.c) share: the next id of a table, a write step, and the row loop
 * of their lists (step a prepared SELECT, keep the rows of the reader's
 * areas, stop at max, grow an array of one new item a kept row).
 *
 * The array is opaque here (elem_size bytes an item): the caller's put
 * builds item i in it with the caller's own type, and the caller's
 * free_list frees the first n items and the array. This module never reads
 * an item, so one loop serves every item type without casting between
 * pointer types.
 */
#ifndef MARAC_FOLLOWUP_DB_H
#define MARAC_FOLLOWUP_DB_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "actions.h"   /* FOLLOWUP_ID_MAX */

struct followup_rows {
	const char *const *areas;   /* keep a row only if its column 2 (area) is one of these */
	size_t n_areas;
	size_t max;                 /* at most this many items */
	/*
	 * Builds item i of arr (room for i + 1 items) from the current row.
	 * Returns 0, or a negative mgw_err code having freed what it built
	 * (item i is then not counted).
	 */
	int (*put)(void *arr, size_t i, sqlite3_stmt *st, void *arg);
	void (*free_list)(void *arr, size_t n);  /* frees n items and arr */
	void *arg;                  /* passed to put */
};

/*
 * Steps st to its end (or to the first error), finalizes it, and on success
 * sets *arr (NULL when none; caller frees with r->free_list), *n and
 * *truncated (1 if a further row of the areas matched). Errors (nothing
 * handed back, *arr NULL, *n 0): MGW_E_NOMEM (realloc failed), MGW_E_DB
 * (a step failed), or what put returned.
 */
int followup_collect(sqlite3_stmt *st, size_t elem_size, const struct followup_rows *r,
		     void **arr, size_t *n, int *truncated);

/*
 * Steps a write statement once and finalizes it: MGW_OK when it ran,
 * MGW_E_CONFLICT (a constraint, e.g. a duplicate key), else MGW_E_DB.
 */
int followup_step_done(sqlite3_stmt *st);

/*
 * The next item of a table: *seq = MAX(seq) + 1 (from seq_sql, a SELECT of
 * that one value) and nid = prefix "-" seq in six digits or more, e.g.
 * "A-000012". MGW_E_DB if the SELECT fails or the numbers ran out (8
 * digits at most, so nid always fits FOLLOWUP_ID_MAX).
 */
int followup_next_id(sqlite3 *db, const char *seq_sql, char prefix, int64_t *seq,
		     char nid[FOLLOWUP_ID_MAX]);

/*
 * Room for one more open item of a case, then its number: open_sql counts
 * the case's open items (a SELECT COUNT(*) with ?1 the case_ref); at
 * open_max or more, MGW_E_TOO_LARGE (the per-case bound of mgw_limits.h);
 * else followup_next_id(db, seq_sql, prefix, seq, nid). MGW_E_DB if a
 * SELECT fails.
 */
int followup_new_item(sqlite3 *db, const char *open_sql, const char *case_ref, int64_t open_max,
		      const char *seq_sql, char prefix, int64_t *seq, char nid[FOLLOWUP_ID_MAX]);

/*
 * A protobuf-c repeated field one item longer: a codec_malloc'd copy of the
 * n items of arr (elem_size bytes each) with room for one more, arr freed
 * with codec_mfree. NULL when out of memory (arr untouched).
 */
void *followup_grow(void *arr, size_t n, size_t elem_size);

#endif

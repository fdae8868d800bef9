/*
 * followup_db.h: the row loop shared by the follow-up lists (actions_list,
 * markers_list): step a prepared SELECT, keep the rows of the reader's
 * areas, stop at max, and grow an array of one new item a kept row.
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

#endif

/*
 * flags.h: flags to the owning agencies (NHS CP-IS): who touched an open
 * MARAC case, when and on which kinds of identifier; and their durable
 * delivery to the nodes told.
 *
 * A touch is one share or referral from any agency whose victim matched an
 * open case (lookup.h) on its blind indexes. It is recorded once per case
 * (flag_touch: the case's access history, as CP-IS keeps one) and noticed
 * to each node told (flag_notice), with a per-node sequence and a random
 * flag id. A notice stays pending until its node acknowledges the flag id
 * (a DeliverAck on the wire): a node offline gets every pending flag when
 * it connects. Nothing here holds content: case refs, areas, agencies,
 * node ids, times, kinds of identifier.
 *
 * Tables (in the caller's database, created by flags_schema):
 *   flag_touch(id INTEGER PK, case_ref, area, agency, node, at_ms, kinds, via)
 *   flag_notice(node, seq, flag_id UNIQUE per node, touch_id, acked_ms)
 *              PK (node, seq)
 *   flag_counter(node PK, last)
 * Writes use SAVEPOINTs (inside or outside a caller's transaction); reads
 * work on a read-only handle. Errors: 0 or a negative mgw_err code.
 */
#ifndef MARAC_FLAGS_H
#define MARAC_FLAGS_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

/* A flag id: 32 lower-case hex (128 random bits) and its NUL. */
#define FLAGS_ID_LEN 33u

/* Create the tables if missing. 0 or MGW_E_DB. */
int flags_schema(sqlite3 *db);

/*
 * Record a touch of case_ref (of area) by node of agency at at_ms, matched
 * on kinds (bit 1 << match_kind), via "share" or "referral". *touch_id
 * gets its id. Returns 0, MGW_E_INVALID (empty case_ref, area, node or
 * via), MGW_E_DB.
 */
int flags_touch(sqlite3 *db, const char *case_ref, const char *area, int agency,
		const char *node, int64_t at_ms, unsigned kinds, const char *via,
		int64_t *touch_id);

/*
 * Notice touch_id to node under flag_id (FLAGS_ID_LEN - 1 hex digits, the
 * caller's random); *seq gets the node's next flag seq (1, 2, ...).
 * Returns 0, MGW_E_INVALID, MGW_E_CONFLICT (flag_id already used for
 * node), MGW_E_DB.
 */
int flags_notice(sqlite3 *db, const char *node, int64_t touch_id, const char *flag_id,
		 uint64_t *seq);

/*
 * Acknowledge node's flag flag_id at at_ms. *was_acked = 1 when it was
 * already (nothing changes). case_ref (LOOKUP_REF_MAX bytes, may be NULL)
 * gets the flag's case. Returns 0, MGW_E_NOTFOUND (no such flag of node),
 * MGW_E_DB.
 */
int flags_ack(sqlite3 *db, const char *node, const char *flag_id, int64_t at_ms, int *was_acked,
	      char *case_ref, size_t case_ref_len);

/* One flag or touch as read back. Strings point into the statement: valid during fn only. */
struct flag_row {
	uint64_t seq;           /* pending notices: the node's flag seq; history: 0 */
	const char *flag_id;    /* pending notices; history: "" */
	const char *case_ref;
	const char *area;
	int agency;             /* touching agency */
	const char *node;       /* touching node */
	int64_t at_ms;
	unsigned kinds;
	const char *via;
};
typedef int (*flags_row_fn)(void *ctx, const struct flag_row *r);

/*
 * Call fn for up to max unacknowledged notices of node with seq > after,
 * in seq order; fn returns non-zero to stop. Returns 0 or MGW_E_DB.
 */
int flags_pending(sqlite3 *db, const char *node, uint64_t after, size_t max, flags_row_fn fn,
		  void *ctx);

/*
 * Call fn for up to max touches of case_ref, newest first; *more = 1 when
 * older ones exist beyond max. Returns 0 or MGW_E_DB.
 */
int flags_history(sqlite3 *db, const char *case_ref, size_t max, flags_row_fn fn, void *ctx,
		  int *more);

/*
 * The owner of case_ref: its area (len bytes) and referring agency, from
 * the case row (cases.h). Returns 0, MGW_E_NOTFOUND, MGW_E_DB.
 */
int flags_case_owner(sqlite3 *db, const char *case_ref, char *area, size_t len, int *agency);

#endif

/*
 * store_retract.h: retracting a share sent in error (proto/README.md
 * "Retracting a share"), over the store's tables as they are today.
 *
 * The coupling to the delivery layout is two functions, kept narrow so the
 * layout can change under them: store_retract_purge (delete the stored
 * bodies of every delivery of one share and take the undelivered ones out
 * of the outbox) and store_retract_queue (queue one durable Retract for a
 * recipient node). The rest works on this file's own table:
 *
 *   retraction(rid INTEGER PRIMARY KEY, delivery_id UNIQUE, node, agency,
 *              seq, sender_node, sender_agency, msg_id, reason, case_ref,
 *              was_acked, at_ms, confirmed_ms)
 *
 * one row per retracted delivery; rid orders them, so a connection sends
 * each pending one once (and every connection of the node again until the
 * node confirms: the Retract is durable like a delivery).
 *
 * Why a retracted delivery is marked acknowledged: the outbox sends
 * unacknowledged rows in seq order and stops at a row without its body
 * (tampering). Marking it acknowledged takes it out of the stream, so its
 * body is never sent after the retraction, and the Retract (which names the
 * seq) accounts for the seq on the recipient's side.
 *
 * Threads: purge, queue, confirm on the writer's read-write handle inside
 * its transaction; list on any handle; pending on one thread (below). Errors: 0 or a negative
 * mgw_err code (MGW_E_DB for SQLite failures).
 */
#ifndef MARAC_STORE_RETRACT_H
#define MARAC_STORE_RETRACT_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* A delivery id is 32 hex; a node id and case ref are bounded by config and grammar. */
#define STORE_RETRACT_ID_MAX 64u
#define STORE_RETRACT_CASE_MAX 64u

/* One retracted delivery. */
struct store_retracted {
	int64_t rid;                            /* pending/list: the row; purge: 0 */
	char delivery_id[STORE_RETRACT_ID_MAX + 1];
	char node[STORE_RETRACT_ID_MAX + 1];    /* recipient node */
	int agency;                             /* recipient agency */
	uint64_t seq;                           /* its seq in the node's outbox */
	int was_acked;                          /* the recipient had acknowledged it */
	char case_ref[STORE_RETRACT_CASE_MAX + 1]; /* from the stored body; "" if purged before */
	/* pending/list only */
	char sender_node[STORE_RETRACT_ID_MAX + 1];
	int sender_agency;
	char msg_id[129];
	int reason;                             /* Marac__V1__RetractReason */
	int64_t at_ms;
	int confirmed;
};

/* Create the retraction table (read-write handle, before the threads start). 0 or MGW_E_DB. */
int store_retract_schema(store *s);

/*
 * For the share (sender_node, msg_id): every delivery its stored
 * ShareAccepted names (out[0..*n), at most max): read its seq, ack state and
 * the case ref of its body, delete its body, and mark it acknowledged at
 * now_ms if it was not (out of the send stream). Read-write handle, in the
 * caller's transaction. Returns 0, MGW_E_NOTFOUND (no such share of that
 * node), MGW_E_INVALID (msg_id answered a referral, not a share: a
 * referral is withdrawn, not retracted), MGW_E_TOO_LARGE (more than max),
 * MGW_E_NOMEM, MGW_E_DB.
 */
int store_retract_purge(store *s, const char *sender_node, const char *msg_id, int64_t now_ms,
			struct store_retracted *out, size_t max, size_t *n);

/*
 * For a referral withdrawn in error: every delivery of every message
 * sender_node sent about case_ref (the referral's notifications, and shares
 * it made under that case ref) not retracted before, purged as
 * store_retract_purge does. *out (malloc'd, caller frees; NULL when *n is
 * 0) gets them in msg_id order, each with its msg_id. Reads the
 * delivery_audit side table (outbox_guard.c: node, seq, msg_id, case ref
 * per delivery) joined with the deliveries and shares tables, and keeps a
 * delivery only when its DELIVERY_COMMITTED record names sender_node as the
 * actor (a msg_id is unique per sender only: another node's share under the
 * same msg_id and case ref is not sender_node's to retract), or the gateway
 * (actor "": the serial perpetrator notice a referral raised carries the
 * referral's msg_id and case ref, and goes with it). Returns 0,
 * MGW_E_NOMEM, MGW_E_DB, or what reading that record returned.
 */
int store_retract_purge_case(store *s, const char *sender_node, const char *case_ref,
			     int64_t now_ms, struct store_retracted **out, size_t *n);

/*
 * Queue the durable Retract of delivery d (as store_retract_purge filled
 * it). MGW_E_CONFLICT if that delivery was retracted before.
 */
int store_retract_queue(store *s, const struct store_retracted *d, const char *sender_node,
			int sender_agency, const char *msg_id, int reason, int64_t at_ms);

/* The retractions of (sender_node, msg_id), by rid, into out[0..*n) (at most max). */
int store_retract_list(store *s, const char *sender_node, const char *msg_id,
		       struct store_retracted *out, size_t max, size_t *n);

/*
 * The recipient node confirmed delivery_id's Retract. *was_confirmed = 1 if
 * it had before (nothing changes); d (may be NULL) gets the row.
 * MGW_E_NOTFOUND if node has no retraction of that delivery.
 */
int store_retract_confirm(store *s, const char *node, const char *delivery_id, int64_t at_ms,
			  int *was_confirmed, struct store_retracted *d);

/*
 * Call fn for up to max unconfirmed retractions of node with rid > after,
 * in rid order; fn returns non-zero to stop. One thread only (the daemon's
 * service thread, on its read-only handle): the statement is kept between
 * calls, for the last handle used, until store_retract_close, which must
 * run before that handle is closed.
 */
typedef int (*store_retract_fn)(void *ctx, const struct store_retracted *d);
int store_retract_pending(store *s, const char *node, int64_t after, size_t max,
			  store_retract_fn fn, void *ctx);
void store_retract_close(void);

#endif

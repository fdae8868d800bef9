/*
 * store.h: the gateway's durable state in one SQLite database (WAL mode).
 *
 * What it holds: accepted shares (for msg_id dedupe, with the original
 * ShareAccepted), every delivery in its recipient node's outbox (the packed
 * Deliver without its seq, plus the seq), per-node ack cursors, and the
 * audit log (packed AuditRecords with their RFC 6962 leaf hashes) and signed
 * checkpoints.
 *
 * Threading: one read-write handle, owned by the writer thread, does every
 * write inside store_begin()/store_commit(); any number of read-only handles
 * (one per thread) may read concurrently (WAL). A handle is never shared
 * between threads.
 *
 * Durability: synchronous=FULL, so store_commit() returns after the WAL is
 * fsynced. A crash loses only uncommitted transactions, which were never
 * acknowledged to anyone. A read-write handle runs a checkpointer thread
 * with its own connection (PASSIVE checkpoints past
 * MGW_WAL_CHECKPOINT_PAGES, TRUNCATE when idle); SQLite's auto-checkpoint
 * is off, so no COMMIT copies the WAL or fsyncs the database.
 *
 * Every function returns 0 or a negative mgw_err code (MGW_E_DB for SQLite
 * failures, MGW_E_NOTFOUND where stated, MGW_E_NOMEM).
 */
#ifndef MARAC_STORE_H
#define MARAC_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "marac/v1/audit.pb-c.h"
#include "merkle.h"

typedef struct store store;

/*
 * Open (creating on first use) DIR/gateway.db. The directory is created
 * with mode 0700 if missing. readonly handles never create. A read-write
 * open upgrades a version-1 file (store.c) and reads the audit tree's
 * compact range (O(log n) reads). secure_delete is on for the read-write
 * handle: deleted content is overwritten with zeros. On failure err says
 * why (path and SQLite message) and *out is NULL.
 * Returns 0, MGW_E_INVALID (path too long), MGW_E_IO (cannot create DIR),
 * MGW_E_DB, MGW_E_NOMEM.
 */
int store_open(const char *dir, int readonly, store **out, char *err, size_t errlen);
void store_close(store *s);
/*
 * 1 if DIR holds a store for store_open to open (DIR/gateway.db with
 * content), 0 if opening would create one (a WAL beside a missing or empty
 * gateway.db is discarded by SQLite, not read: no store either).
 * Nothing is created or changed. The daemon asks before its first open:
 * no store beside an existing audit key is a lost store, not a first start.
 */
int store_exists(const char *dir);

/* Transactions (read-write handle only). rollback restores in-memory counters. */
int store_begin(store *s);
int store_commit(store *s);
void store_rollback(store *s);

/*
 * Savepoints inside a transaction (not nestable). The share path does not
 * use them (each costs a statement journal): the executor rolls a batch
 * back and runs it again without the failing job instead.
 */
int store_savepoint(store *s);
int store_release(store *s);
void store_rollback_to(store *s);

/*
 * Accepted shares. lookup: MGW_E_NOTFOUND if (sender, msg_id) is new; else
 * digest gets the SHA-256 of the original Share and *accepted (malloc'd,
 * caller frees) the packed ShareAccepted Frame that answered it.
 */
int store_share_lookup(store *s, const char *sender_node, const char *msg_id,
		       uint8_t digest[32], uint8_t **accepted, size_t *accepted_len);
int store_share_insert(store *s, const char *sender_node, const char *msg_id,
		       const uint8_t digest[32], int64_t at_ms, const uint8_t *accepted,
		       size_t accepted_len);

/*
 * Queue a delivery in recipient_node's outbox; *seq gets its per-node
 * sequence (1, 2, 3... gap-free per node). deliver is the packed Deliver
 * with seq unset.
 */
int store_delivery_insert(store *s, const char *delivery_id, const char *recipient_node,
			  int recipient_agency, const uint8_t *deliver, size_t len,
			  uint64_t *seq);

/*
 * store_delivery_insert that also returns digest = SHA-256(deliver[0..len)),
 * the digest stored beside the body. Put it in the delivery's
 * DELIVERY_COMMITTED audit record, so the body that is later sent is bound
 * to the signed trail (an auditor can tie what was received to what was
 * committed); store_outbox_fetch refuses a body that no longer matches it.
 */
int store_delivery_insert_digest(store *s, const char *delivery_id, const char *recipient_node,
				 int recipient_agency, const uint8_t *deliver, size_t len,
				 uint8_t digest[32], uint64_t *seq);

/*
 * The two halves of store_delivery_insert_digest, for one body queued to
 * several recipients (the same view: one row). store_body_put stores a
 * packed Deliver without seq and delivery_id (the transport adds both) and
 * returns its id; store_delivery_put queues it to one node with digest =
 * SHA-256 of those bytes (hashed by the caller, off the writer thread;
 * store_outbox_fetch checks it before any send), *seq as above.
 */
int store_body_put(store *s, const uint8_t *body, size_t len, int64_t *body_id);
int store_delivery_put(store *s, const char *delivery_id, const char *recipient_node,
		       int recipient_agency, int64_t body_id, const uint8_t digest[32],
		       uint64_t *seq);

/*
 * Mark delivery acked by node. MGW_E_NOTFOUND if no such delivery for that
 * node (or the seq does not match). By (node, seq), the id compared; seq 0
 * (an ack without its seq) scans the node's deliveries for the id. *was_acked is set to 1 if it had been
 * acked already (a redelivered duplicate), in which case nothing changes.
 */
int store_delivery_ack(store *s, const char *node, const char *delivery_id, uint64_t seq,
		       int64_t at_ms, int *was_acked);

/*
 * A batch of node's acks at once (h11-perf): for each acks[i], looked up as
 * store_delivery_ack does (seq 0: by id, and seq is filled in), state gets
 * STORE_ACK_NEW (acked now), STORE_ACK_WAS (acked before, or earlier in the
 * same list) or STORE_ACK_UNKNOWN (no such delivery of node, or the id
 * does not match its seq). The rows acked now are updated with one UPDATE
 * per run of consecutive seqs (acks in order: one statement for the batch).
 * n is at most STORE_ACK_MANY_MAX. Returns 0, MGW_E_INVALID (n too large,
 * nothing done), MGW_E_DB (the caller's transaction is to be rolled back).
 */
#define STORE_ACK_MANY_MAX 64u
enum store_ack_state { STORE_ACK_NEW, STORE_ACK_WAS, STORE_ACK_UNKNOWN };
struct store_ack {
	const char *delivery_id;
	uint64_t seq;
	enum store_ack_state state;
};
int store_delivery_ack_many(store *s, const char *node, struct store_ack *acks, size_t n,
			    int64_t at_ms);

/* Ack every delivery of node with seq <= through (Hello.resume_after). *n gets how many changed. */
int store_delivery_ack_through(store *s, const char *node, uint64_t through, int64_t at_ms,
			       uint64_t *n);

/*
 * Highest seq such that every delivery of node up to it is acked (0 if
 * none). One statement, so one snapshot, also on a read-only handle while
 * the writer commits. Returns 0 or MGW_E_DB.
 */
int store_acked_through(store *s, const char *node, uint64_t *through);

/*
 * Is delivery seq of node still to be sent: queued, not acked (nor taken
 * back as if acked), its body present? One primary-key read, for a copy
 * of the body kept in memory since the commit. Returns 0 or MGW_E_DB.
 */
int store_delivery_pending(store *s, const char *node, uint64_t seq, int *pending);

/* Deliveries of node queued and not yet acked. */
int store_outbox_depth(store *s, const char *node, uint64_t *depth);

/*
 * r-redteam6. The span of node's outbox: newest seq - oldest unacked seq
 * + 1 (0 when nothing is unacked), an upper bound of store_outbox_depth in
 * two index probes, whatever the depth (the per-node cap of shares,
 * MGW_OUTBOX_NODE_DEFAULT, is checked on every share). Deliveries queued
 * in the caller's open transaction count. Returns 0 or MGW_E_DB.
 */
int store_outbox_span(store *s, const char *node, uint64_t *span);

/*
 * Call fn for up to max unacked deliveries of node with seq > after, in seq
 * order. fn returns 0 to continue, non-zero to stop. The bytes are valid
 * only during the call. Each body is checked against the digest stored
 * when it was queued before fn sees it: a body edited or deleted offline
 * (or whose digest is missing) stops the fetch with MGW_E_INVALID and is
 * never passed on. Returns 0, MGW_E_INVALID, MGW_E_DB.
 */
typedef int (*store_outbox_fn)(void *ctx, uint64_t seq, const char *delivery_id,
			       const uint8_t *deliver, size_t len);
int store_outbox_fetch(store *s, const char *node, uint64_t after, size_t max,
		       store_outbox_fn fn, void *ctx);

/*
 * store_outbox_fetch whose callback also gets the body's digest (checked:
 * SHA-256 of the bytes passed), for comparing with the DELIVERY_COMMITTED
 * record; on MGW_E_INVALID *bad_seq (if not NULL) is the seq that failed,
 * for the log and the operator.
 */
typedef int (*store_outbox_digest_fn)(void *ctx, uint64_t seq, const char *delivery_id,
				      const uint8_t *deliver, size_t len,
				      const uint8_t digest[32]);
int store_outbox_fetch_digest(store *s, const char *node, uint64_t after, size_t max,
			      store_outbox_digest_fn fn, void *ctx, uint64_t *bad_seq);

/*
 * Retention: delete the body of every delivery acked before older_than_ms
 * (read-write handle, inside or outside a transaction). The delivery row
 * (ids, seq, ack time, digest) stays: acks, the cursor and the audit
 * digests still work; only the case contents go. Bodies live apart from
 * the rows acks update, so no stale copy of a body is left behind by an
 * ack either. With secure_delete the old bytes are
 * zeroed in the database pages; the WAL still holds them until it is
 * checkpointed: call store_wal_truncate after the commit. *n gets the
 * bodies deleted. Returns 0 or MGW_E_DB.
 */
int store_purge_delivered(store *s, int64_t older_than_ms, uint64_t *n);

/*
 * Checkpoint the WAL into the database and truncate it to zero bytes
 * (outside a transaction). Returns 0, MGW_E_CONFLICT (a reader holds an
 * old snapshot: try again later), MGW_E_DB.
 */
int store_wal_truncate(store *s);

/*
 * PRAGMA quick_check (O(database size): at start-up, not per request).
 * Returns 0, or MGW_E_DB with err saying what is damaged (pages, tables;
 * never row contents). Refuse to start on MGW_E_DB.
 */
int store_integrity_check(store *s, char *err, size_t errlen);

/*
 * Does every node's outbox hold exactly seqs 1..next-1? Delivery rows are
 * never deleted by the gateway (retention deletes bodies), so a gap, an
 * extra row or a row without a counter means rows were deleted or inserted
 * offline: a delivery would otherwise vanish silently. O(deliveries) over
 * an index: at start-up. Returns 0, MGW_E_INVALID (err names the node and
 * the seq range; no contents), MGW_E_DB.
 */
int store_outbox_check(store *s, char *err, size_t errlen);

/*
 * Audit log. append sets rec->seq (next index) and, if zero, rec->time_ms,
 * packs the record, stores it with its leaf hash SHA-256(0x00||bytes) and
 * returns the leaf hash in leaf (may be NULL).
 */
int store_audit_append(store *s, Marac__V1__AuditRecord *rec, uint8_t leaf[32]);
/*
 * The writer's compact range of every record appended so far, from memory
 * (those of the open transaction included; a rollback takes them back
 * out). Read-write handle only: no read of the store.
 */
void store_audit_tree(store *s, struct merkle_range *out);
/* Number of audit records. */
uint64_t store_audit_size(store *s);
/* Packed record seq (malloc'd, caller frees). MGW_E_NOTFOUND past the end. */
int store_audit_get(store *s, uint64_t seq, uint8_t **bytes, size_t *len);
/* Leaf hash of record seq. MGW_E_NOTFOUND past the end. */
int store_audit_leaf(store *s, uint64_t seq, uint8_t out[32]);

/*
 * The audit tree's interior nodes, kept by store_audit_append in the same
 * transaction as the leaf that completes them (merkle.h's node source);
 * the lowest levels (below store.c's STORE_NODE_MIN_LEVEL, 4) are not
 * kept but hashed from their at most 8 leaves when asked for.
 * store_audit_node: level 0 is the leaf; MGW_E_NOTFOUND if not stored (a
 * node whose last leaf is not stored yet).
 * store_audit_range: the compact range of the first size leaves, from
 *   popcount(size) stored hashes (O(log n)); MGW_E_NOTFOUND if size is
 *   beyond the stored tree.
 * store_audit_root: the root of the first size leaves, O(log n).
 * store_audit_inclusion_proof / _consistency_proof: as merkle.h's, from
 *   stored nodes: O(log n) reads, any handle. Returns as merkle.h, plus
 *   MGW_E_DB / MGW_E_NOTFOUND from the store.
 * The stored nodes are trusted as the store is: audit_trail_open (trail.h)
 * checks them against the signed checkpoints at start.
 */
int store_audit_node(store *s, unsigned level, uint64_t idx, uint8_t out[32]);
int store_audit_range(store *s, uint64_t size, struct merkle_range *out);
int store_audit_root(store *s, uint64_t size, uint8_t root[32]);
int store_audit_inclusion_proof(store *s, uint64_t index, uint64_t size,
				uint8_t proof[MERKLE_PROOF_MAX][32], size_t *len);
int store_audit_consistency_proof(store *s, uint64_t m, uint64_t n,
				  uint8_t proof[MERKLE_PROOF_MAX][32], size_t *len);

/* Checkpoints: signed notes by tree size. latest: MGW_E_NOTFOUND if none. */
int store_checkpoint_put(store *s, uint64_t size, const char *note);
int store_checkpoint_latest(store *s, uint64_t *size, char **note);
/* Call fn for every checkpoint with size >= min_size, ascending; fn returns non-zero to stop. */
typedef int (*store_checkpoint_fn)(void *ctx, uint64_t size, const char *note);
int store_checkpoint_list(store *s, uint64_t min_size, store_checkpoint_fn fn, void *ctx);

/* Current time in Unix milliseconds (wall clock). */
int64_t store_now_ms(void);

/* The SQLite handle, for modules keeping their own tables in the same file
 * (match.h, cases.h) so their rows commit in the same transaction. */
sqlite3 *store_db(store *s);

#endif

/*
 * outbox_guard.c: an outbox body is sent only as it was committed.
 *
 * The outbox (deliveries table) is plain storage: someone with the database
 * file could edit a body, or delete a row, while the gateway is stopped.
 * The trail is not plain storage: every record is a Merkle leaf under a
 * signed checkpoint, checked at start. So each delivery's DELIVERY_COMMITTED
 * record carries body_sha256 (SHA-256 of the stored Deliver bytes), and a
 * side table maps (node, delivery seq) to that record's seq, in the same
 * transaction as the outbox row (writer thread, outbox_guard_wr_bind); the
 * side row also keeps the delivery's msg_id and case ref (checked at the
 * door), which the DELIVERY_ACKED record names.
 *
 * Before a body is queued for sending (service thread, outbox_guard_check),
 * the record is read by seq and must name the same delivery id and node and
 * hold the body's digest. Anything else (row edited, side row missing or
 * pointing elsewhere) stops that node's stream at that delivery, logged as
 * outbox_tampered: seqs are gap-free, and sending a later delivery would
 * hide the gap. One indexed read and one record read per body; the body's
 * hash is the one the store computed to check its own digest
 * (store_outbox_fetch_digest), so each body is hashed once.
 *
 * The writer also keeps the msg_id and case ref of the deliveries it bound
 * most recently in memory (a direct-mapped cache of GUARD_CACHE entries,
 * keyed by node and seq), so the ack of a delivery committed by this
 * process names them without reading delivery_audit back. An entry of a
 * rolled-back transaction is harmless: its (node, seq) is bound again by
 * the next delivery that takes that seq, before any ack can name it.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"

int outbox_guard_schema(store *st)
{
	return sqlite3_exec(store_db(st),
			    "CREATE TABLE IF NOT EXISTS delivery_audit(node TEXT NOT NULL,"
			    " seq INTEGER NOT NULL, audit_seq INTEGER NOT NULL, msg_id TEXT NOT NULL,"
			    " case_ref TEXT NOT NULL, PRIMARY KEY(node, seq)) WITHOUT ROWID;",
			    NULL, NULL, NULL) == SQLITE_OK
		       ? MGW_OK
		       : MGW_E_DB;
}

/* Writer thread: its statement, prepared once. */
static sqlite3_stmt *bind_stmt;

#define GUARD_CACHE 4096u /* a power of two: a window of deliveries ~1 MiB */

struct guard_entry {
	uint64_t seq;               /* 0: empty */
	char node[MGW_ID_MAX + 1];
	char msg_id[MGW_MSG_ID_MAX + 1];
	char case_ref[MGW_CASE_REF_MAX + 1];
};

static struct guard_entry *cache; /* writer thread; allocated at the first bind */

static struct guard_entry *cache_slot(const char *node, uint64_t seq)
{
	uint64_t h = 1469598103934665603ull ^ seq; /* FNV-1a over node, seeded by seq */
	for (const unsigned char *p = (const unsigned char *)node; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	return &cache[h & (GUARD_CACHE - 1)];
}

static void cache_put(const char *node, uint64_t seq, const char *msg_id, const char *case_ref)
{
	if (cache == NULL && (cache = calloc(GUARD_CACHE, sizeof *cache)) == NULL)
		return;
	struct guard_entry *e = cache_slot(node, seq);
	if (strlen(node) > MGW_ID_MAX || strlen(msg_id) > MGW_MSG_ID_MAX ||
	    strlen(case_ref) > MGW_CASE_REF_MAX) {
		e->seq = 0; /* never ours: the door checks all three */
		return;
	}
	e->seq = seq;
	strcpy(e->node, node);
	strcpy(e->msg_id, msg_id);
	strcpy(e->case_ref, case_ref);
}

int outbox_guard_wr_info(const char *node, uint64_t seq, char *msg_id, size_t msg_id_n,
			 char *case_ref, size_t case_ref_n)
{
	if (cache == NULL || seq == 0)
		return 0;
	const struct guard_entry *e = cache_slot(node, seq);
	if (e->seq != seq || strcmp(e->node, node) != 0)
		return 0;
	snprintf(msg_id, msg_id_n, "%s", e->msg_id);
	snprintf(case_ref, case_ref_n, "%s", e->case_ref);
	return 1;
}

int outbox_guard_wr_bind(struct wctx *w, const char *node, uint64_t seq, uint64_t audit_seq,
			 const char *msg_id, const char *case_ref)
{
	if (bind_stmt == NULL &&
	    sqlite3_prepare_v3(store_db(w->st),
			       "INSERT INTO delivery_audit(node, seq, audit_seq, msg_id, case_ref)"
			       " VALUES(?1, ?2, ?3, ?4, ?5)",
			       -1, SQLITE_PREPARE_PERSISTENT, &bind_stmt, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(bind_stmt, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(bind_stmt, 2, (sqlite3_int64)seq);
	sqlite3_bind_int64(bind_stmt, 3, (sqlite3_int64)audit_seq);
	sqlite3_bind_text(bind_stmt, 4, msg_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(bind_stmt, 5, case_ref, -1, SQLITE_STATIC);
	int rc = sqlite3_step(bind_stmt) == SQLITE_DONE ? MGW_OK : MGW_E_DB;
	sqlite3_reset(bind_stmt);
	sqlite3_clear_bindings(bind_stmt);
	if (rc == MGW_OK)
		cache_put(node, seq, msg_id, case_ref);
	return rc;
}

void outbox_guard_wr_close(void)
{
	sqlite3_finalize(bind_stmt);
	bind_stmt = NULL;
	free(cache);
	cache = NULL;
}

/* Service thread: the reader's statement, prepared once. */
static sqlite3_stmt *lookup;

void outbox_guard_close(void)
{
	sqlite3_finalize(lookup);
	lookup = NULL;
}

int outbox_guard_check(store *reader, const char *node, uint64_t dseq, const char *delivery_id,
		       const uint8_t digest[32])
{
	if (lookup == NULL &&
	    sqlite3_prepare_v3(store_db(reader),
			       "SELECT audit_seq FROM delivery_audit WHERE node = ?1 AND seq = ?2", -1,
			       SQLITE_PREPARE_PERSISTENT, &lookup, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(lookup, 1, node, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(lookup, 2, (sqlite3_int64)dseq);
	int found = sqlite3_step(lookup) == SQLITE_ROW;
	uint64_t seq = found ? (uint64_t)sqlite3_column_int64(lookup, 0) : 0;
	sqlite3_reset(lookup);
	int ok = 0;
	uint8_t *b = NULL;
	size_t n = 0;
	ProtobufCMessage *m = NULL;
	if (found && store_audit_get(reader, seq, &b, &n) == MGW_OK &&
	    codec_unpack(&marac__v1__audit_record__descriptor, b, n, n, &m) == MGW_OK) {
		const Marac__V1__AuditRecord *r = (const Marac__V1__AuditRecord *)m;
		ok = r->event == MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED &&
		     strcmp(r->delivery_id, delivery_id) == 0 &&
		     strcmp(r->recipient_node, node) == 0 && r->body_sha256.len == 32 &&
		     memcmp(r->body_sha256.data, digest, 32) == 0;
	}
	codec_free(m);
	free(b);
	if (!ok)
		log_event(LOG_ERROR, "outbox_tampered", "node", node, "delivery_id", delivery_id,
			  NULL);
	return ok ? MGW_OK : MGW_E_INVALID;
}

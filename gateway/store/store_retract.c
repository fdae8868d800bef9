/*
 * store_retract.c: see store_retract.h.
 */
#include "store_retract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "mgw_err.h"

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS retraction(rid INTEGER PRIMARY KEY,"
	" delivery_id TEXT NOT NULL UNIQUE, node TEXT NOT NULL, agency INTEGER NOT NULL,"
	" seq INTEGER NOT NULL, sender_node TEXT NOT NULL, sender_agency INTEGER NOT NULL,"
	" msg_id TEXT NOT NULL, reason INTEGER NOT NULL, case_ref TEXT NOT NULL,"
	" was_acked INTEGER NOT NULL, at_ms INTEGER NOT NULL, confirmed_ms INTEGER);"
	"CREATE INDEX IF NOT EXISTS retraction_pending ON retraction(node, rid)"
	" WHERE confirmed_ms IS NULL;"
	"CREATE INDEX IF NOT EXISTS retraction_share ON retraction(sender_node, msg_id);";

int store_retract_schema(store *s)
{
	return sqlite3_exec(store_db(s), schema_sql, NULL, NULL, NULL) == SQLITE_OK ? MGW_OK
										   : MGW_E_DB;
}

static void copy_col(sqlite3_stmt *st, int col, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

/* The case ref inside a stored Deliver body (packed without its seq), or "". */
static void body_case_ref(const void *body, size_t len, char *out, size_t n)
{
	ProtobufCMessage *m = NULL;
	out[0] = 0;
	if (body == NULL || codec_unpack(&marac__v1__deliver__descriptor, body, len, len, &m) !=
				    MGW_OK)
		return;
	const Marac__V1__Deliver *d = (const Marac__V1__Deliver *)m;
	if (d->summary && d->summary->case_ref && strlen(d->summary->case_ref) < n)
		snprintf(out, n, "%s", d->summary->case_ref);
	codec_free(m);
}

/*
 * One delivery: read it, delete its body, take it out of the send stream.
 * Store schema 3: deliveries are keyed by (node, seq) (the id is not
 * indexed: the node narrows the search to its own rows) and bodies by
 * body_id, one row serving the recipients of the share that got the same
 * view (retracted together: every delivery of the ShareAccepted).
 */
static int purge_one(sqlite3 *db, const char *node, const char *delivery_id, int64_t now_ms,
		     struct store_retracted *d)
{
	sqlite3_stmt *st = NULL;
	int rc = MGW_E_DB;
	memset(d, 0, sizeof *d);
	if (strlen(delivery_id) > STORE_RETRACT_ID_MAX)
		return MGW_E_INVALID;
	snprintf(d->delivery_id, sizeof d->delivery_id, "%s", delivery_id);
	if (sqlite3_prepare_v2(db,
			       "SELECT d.seq, d.acked_at_ms, d.recipient_node, d.recipient_agency,"
			       " b.body, d.body_id FROM deliveries d LEFT JOIN delivery_body b"
			       " ON b.body_id = d.body_id"
			       " WHERE d.recipient_node = ?2 AND d.delivery_id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, delivery_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, node ? node : "", -1, SQLITE_STATIC);
	int s = sqlite3_step(st);
	if (s != SQLITE_ROW) {
		rc = s == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
		goto fail;
	}
	d->seq = (uint64_t)sqlite3_column_int64(st, 0);
	d->was_acked = sqlite3_column_type(st, 1) != SQLITE_NULL;
	copy_col(st, 2, d->node, sizeof d->node);
	d->agency = sqlite3_column_int(st, 3);
	body_case_ref(sqlite3_column_blob(st, 4), (size_t)sqlite3_column_bytes(st, 4), d->case_ref,
		      sizeof d->case_ref);
	sqlite3_int64 body_id = sqlite3_column_int64(st, 5);
	sqlite3_finalize(st);
	st = NULL;
	/* secure_delete (store.h) zeroes the body's pages. */
	if (sqlite3_prepare_v2(db, "DELETE FROM delivery_body WHERE body_id = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_int64(st, 1, body_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(db,
			       "UPDATE deliveries SET acked_at_ms = ?2 WHERE recipient_node = ?1"
			       " AND seq = ?3 AND acked_at_ms IS NULL",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, d->node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now_ms);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)d->seq);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto fail;
	rc = MGW_OK;
fail:
	sqlite3_finalize(st);
	return rc;
}

int store_retract_purge(store *s, const char *sender_node, const char *msg_id, int64_t now_ms,
			struct store_retracted *out, size_t max, size_t *n)
{
	uint8_t digest[32], *acc = NULL;
	size_t acc_len = 0;
	Marac__V1__Frame *f = NULL;
	*n = 0;
	int rc = store_share_lookup(s, sender_node, msg_id, digest, &acc, &acc_len);
	if (rc != MGW_OK)
		return rc;
	if ((rc = codec_frame_unpack(acc, acc_len, acc_len, &f)) != MGW_OK)
		goto fail;
	if (f->body_case != MARAC__V1__FRAME__BODY_SHARE_ACCEPTED) {
		rc = MGW_E_INVALID;
		goto fail;
	}
	const Marac__V1__ShareAccepted *sa = f->share_accepted;
	if (sa->n_deliveries > max) {
		rc = MGW_E_TOO_LARGE;
		goto fail;
	}
	for (size_t i = 0; i < sa->n_deliveries; i++) {
		if ((rc = purge_one(store_db(s), sa->deliveries[i]->node_id,
				    sa->deliveries[i]->delivery_id, now_ms, &out[i])) != MGW_OK)
			goto fail;
		/* A body shared with an earlier delivery of the share is gone already:
		 * the share has one case ref. */
		if (out[i].case_ref[0] == 0 && i > 0)
			memcpy(out[i].case_ref, out[0].case_ref, sizeof out[i].case_ref);
		*n = i + 1;
	}
	rc = MGW_OK;
fail:
	codec_free(f ? &f->base : NULL);
	free(acc);
	return rc;
}

/*
 * 1 if the delivery bound to audit record audit_seq (its DELIVERY_COMMITTED)
 * was sent by sender_node, 0 if by another node, or a negative MGW_E_*.
 * msg_ids are unique per sender only: another node's share may carry the
 * same msg_id and case ref, and a withdrawal must not retract it.
 */
static int delivered_by(store *s, int64_t audit_seq, const char *sender_node)
{
	uint8_t *b = NULL;
	size_t len = 0;
	ProtobufCMessage *m = NULL;
	int rc = store_audit_get(s, (uint64_t)audit_seq, &b, &len);
	if (rc != MGW_OK)
		return rc;
	rc = codec_unpack(&marac__v1__audit_record__descriptor, b, len, len, &m);
	free(b);
	if (rc != MGW_OK)
		return rc;
	const Marac__V1__AuditRecord *r = (const Marac__V1__AuditRecord *)m;
	/* The gateway's own delivery under the message's msg_id and case ref
	 * (a referral's serial perpetrator notice, actor "") goes with it. */
	rc = r->event == MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED &&
	     (strcmp(r->actor_node, sender_node) == 0 || r->actor_node[0] == '\0');
	codec_free(m);
	return rc;
}

int store_retract_purge_case(store *s, const char *sender_node, const char *case_ref,
			     int64_t now_ms, struct store_retracted **out, size_t *n)
{
	sqlite3_stmt *st = NULL;
	struct store_retracted *v = NULL;
	size_t cap = 0;
	int rc = MGW_E_DB;
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(store_db(s),
			       "SELECT d.delivery_id, a.msg_id, a.node, a.audit_seq FROM delivery_audit a"
			       " JOIN deliveries d ON d.recipient_node = a.node AND d.seq = a.seq"
			       " WHERE a.case_ref = ?2 AND EXISTS(SELECT 1 FROM shares h"
			       " WHERE h.sender_node = ?1 AND h.msg_id = a.msg_id)"
			       " AND NOT EXISTS(SELECT 1 FROM retraction r"
			       " WHERE r.delivery_id = d.delivery_id)"
			       " ORDER BY a.msg_id, d.delivery_id",
			       -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, sender_node, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, case_ref, -1, SQLITE_STATIC);
	int r;
	/* Collected first: purging while the SELECT runs would change what it reads. */
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		int mine = delivered_by(s, sqlite3_column_int64(st, 3), sender_node);
		if (mine < 0) {
			rc = mine;
			goto fail;
		}
		if (!mine)
			continue; /* the same msg_id, but another node's share */
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct store_retracted *nv = realloc(v, nc * sizeof *nv);
			if (nv == NULL) {
				rc = MGW_E_NOMEM;
				goto fail;
			}
			v = nv;
			cap = nc;
		}
		memset(&v[*n], 0, sizeof v[*n]);
		copy_col(st, 0, v[*n].delivery_id, sizeof v[*n].delivery_id);
		copy_col(st, 1, v[*n].msg_id, sizeof v[*n].msg_id);
		copy_col(st, 2, v[*n].node, sizeof v[*n].node);
		(*n)++;
	}
	if (r != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(st);
	st = NULL;
	for (size_t i = 0; i < *n; i++) {
		/* purge_one fills v[i] afresh: keep what the SELECT gave */
		char msg_id[sizeof v[i].msg_id], id[sizeof v[i].delivery_id], node[sizeof v[i].node];
		memcpy(msg_id, v[i].msg_id, sizeof msg_id);
		memcpy(id, v[i].delivery_id, sizeof id);
		memcpy(node, v[i].node, sizeof node);
		if ((rc = purge_one(store_db(s), node, id, now_ms, &v[i])) != MGW_OK)
			goto fail;
		memcpy(v[i].msg_id, msg_id, sizeof msg_id);
		if (v[i].case_ref[0] == 0) /* its body was shared with one purged before */
			snprintf(v[i].case_ref, sizeof v[i].case_ref, "%s", case_ref);
	}
	*out = v;
	v = NULL;
	rc = MGW_OK;
fail:
	sqlite3_finalize(st);
	free(v);
	if (rc != MGW_OK)
		*n = 0;
	return rc;
}

int store_retract_queue(store *s, const struct store_retracted *d, const char *sender_node,
			int sender_agency, const char *msg_id, int reason, int64_t at_ms)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(store_db(s),
			       "INSERT INTO retraction(delivery_id, node, agency, seq, sender_node,"
			       " sender_agency, msg_id, reason, case_ref, was_acked, at_ms)"
			       " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, d->delivery_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->node, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, d->agency);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)d->seq);
	sqlite3_bind_text(st, 5, sender_node, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, sender_agency);
	sqlite3_bind_text(st, 7, msg_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 8, reason);
	sqlite3_bind_text(st, 9, d->case_ref, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, d->was_acked != 0);
	sqlite3_bind_int64(st, 11, at_ms);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		return MGW_E_CONFLICT;
	return rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

#define ROW_COLS                                                                           \
	"rid, delivery_id, node, agency, seq, sender_node, sender_agency, msg_id, reason,"   \
	" case_ref, was_acked, at_ms, confirmed_ms IS NOT NULL"

static void row_read(sqlite3_stmt *st, struct store_retracted *d)
{
	memset(d, 0, sizeof *d);
	d->rid = sqlite3_column_int64(st, 0);
	copy_col(st, 1, d->delivery_id, sizeof d->delivery_id);
	copy_col(st, 2, d->node, sizeof d->node);
	d->agency = sqlite3_column_int(st, 3);
	d->seq = (uint64_t)sqlite3_column_int64(st, 4);
	copy_col(st, 5, d->sender_node, sizeof d->sender_node);
	d->sender_agency = sqlite3_column_int(st, 6);
	copy_col(st, 7, d->msg_id, sizeof d->msg_id);
	d->reason = sqlite3_column_int(st, 8);
	copy_col(st, 9, d->case_ref, sizeof d->case_ref);
	d->was_acked = sqlite3_column_int(st, 10);
	d->at_ms = sqlite3_column_int64(st, 11);
	d->confirmed = sqlite3_column_int(st, 12);
}

int store_retract_list(store *s, const char *sender_node, const char *msg_id,
		       struct store_retracted *out, size_t max, size_t *n)
{
	sqlite3_stmt *st = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(store_db(s),
			       "SELECT " ROW_COLS " FROM retraction WHERE sender_node = ?1"
			       " AND msg_id = ?2 ORDER BY rid",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, sender_node, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, msg_id, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max)
		row_read(st, &out[(*n)++]);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return MGW_E_TOO_LARGE;
	return rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

int store_retract_confirm(store *s, const char *node, const char *delivery_id, int64_t at_ms,
			  int *was_confirmed, struct store_retracted *d)
{
	sqlite3_stmt *st = NULL;
	struct store_retracted row;
	if (sqlite3_prepare_v2(store_db(s),
			       "SELECT " ROW_COLS " FROM retraction WHERE delivery_id = ?1"
			       " AND node = ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(st, 1, delivery_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, node, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		row_read(st, &row);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? MGW_E_NOTFOUND : MGW_E_DB;
	if (d)
		*d = row;
	*was_confirmed = row.confirmed;
	if (row.confirmed)
		return MGW_OK;
	if (sqlite3_prepare_v2(store_db(s),
			       "UPDATE retraction SET confirmed_ms = ?2 WHERE rid = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_int64(st, 1, row.rid);
	sqlite3_bind_int64(st, 2, at_ms);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

/*
 * The pending query runs at every outbox pump (each new delivery and each
 * ack of the node), so its statement is prepared once per handle: prepared
 * each time it cost about 66 us a call on the dev machine, kept 16-18 us,
 * the same as store_acked_through's read the pump already does (both are
 * mostly the WAL read transaction).
 * One handle's statement at a time; store_retract_close finalizes it.
 */
static sqlite3 *pending_db;
static sqlite3_stmt *pending_st;

void store_retract_close(void)
{
	sqlite3_finalize(pending_st);
	pending_st = NULL;
	pending_db = NULL;
}

int store_retract_pending(store *s, const char *node, int64_t after, size_t max,
			  store_retract_fn fn, void *ctx)
{
	if (pending_db != store_db(s)) {
		store_retract_close();
		if (sqlite3_prepare_v3(store_db(s),
				       "SELECT " ROW_COLS " FROM retraction WHERE node = ?1"
				       " AND rid > ?2 AND confirmed_ms IS NULL ORDER BY rid LIMIT ?3",
				       -1, SQLITE_PREPARE_PERSISTENT, &pending_st, NULL) != SQLITE_OK)
			return MGW_E_DB;
		pending_db = store_db(s);
	}
	sqlite3_stmt *st = pending_st;
	sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	int rc;
	struct store_retracted d;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_read(st, &d);
		if (fn(ctx, &d) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

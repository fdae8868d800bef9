/* Store: a real SQLite file in a temp dir. Sequences, acks, dedupe, rollback. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <openssl/sha.h>
#include <sqlite3.h>

#include "codec.h"
#include "mgw_err.h"
#include "mgw_limits.h"
#include "store.h"

static char dir[64];
static store *s;

static void setup(void)
{
	strcpy(dir, "/tmp/marac-store-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	char err[256];
	cr_assert_eq(store_open(dir, 0, &s, err, sizeof err), MGW_OK, "%s", err);
}

static void teardown(void)
{
	store_close(s);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(store, .init = setup, .fini = teardown);

static uint64_t put(const char *id, const char *node)
{
	uint64_t seq;
	cr_assert_eq(store_delivery_insert(s, id, node, 4, (const uint8_t *)"x", 1, &seq), MGW_OK);
	return seq;
}

Test(store, per_node_sequences_are_gap_free_and_independent)
{
	cr_assert_eq(store_begin(s), MGW_OK);
	cr_assert_eq(put("d1", "health-1"), 1);
	cr_assert_eq(put("d2", "idva-1"), 1);
	cr_assert_eq(put("d3", "health-1"), 2);
	cr_assert_eq(store_commit(s), MGW_OK);
	cr_assert_eq(store_begin(s), MGW_OK);
	cr_assert_eq(put("d4", "health-1"), 3);
	store_rollback(s);
	cr_assert_eq(store_begin(s), MGW_OK);
	cr_assert_eq(put("d5", "health-1"), 3, "a rolled-back seq is reused: no gap");
	cr_assert_eq(store_commit(s), MGW_OK);
}

static int collect(void *ctx, uint64_t seq, const char *id, const uint8_t *b, size_t n)
{
	char *out = ctx;
	char one[32];
	snprintf(one, sizeof one, "%llu:%s ", (unsigned long long)seq, id);
	strcat(out, one);
	return 0;
}

Test(store, acks_move_the_contiguous_cursor_only)
{
	store_begin(s);
	put("a", "n");
	put("b", "n");
	put("c", "n");
	store_commit(s);
	uint64_t t;
	cr_assert_eq(store_acked_through(s, "n", &t), MGW_OK);
	cr_assert_eq(t, 0);
	int was;
	store_begin(s);
	cr_assert_eq(store_delivery_ack(s, "n", "b", 2, 1, &was), MGW_OK);
	cr_assert_eq(was, 0);
	store_commit(s);
	store_acked_through(s, "n", &t);
	cr_assert_eq(t, 0, "seq 1 still unacked");
	store_begin(s);
	store_delivery_ack(s, "n", "a", 1, 1, &was);
	cr_assert_eq(store_delivery_ack(s, "n", "a", 1, 1, &was), MGW_OK);
	cr_assert_eq(was, 1, "second ack is a duplicate");
	store_commit(s);
	store_acked_through(s, "n", &t);
	cr_assert_eq(t, 2);
	char out[256] = "";
	cr_assert_eq(store_outbox_fetch(s, "n", 0, 10, collect, out), MGW_OK);
	cr_assert_str_eq(out, "3:c ");
	/* Another node's delivery, or a wrong seq, is not this node's to ack. */
	store_begin(s);
	cr_assert_eq(store_delivery_ack(s, "other", "c", 3, 1, &was), MGW_E_NOTFOUND);
	cr_assert_eq(store_delivery_ack(s, "n", "c", 9, 1, &was), MGW_E_NOTFOUND);
	store_commit(s);
	uint64_t depth;
	store_outbox_depth(s, "n", &depth);
	cr_assert_eq(depth, 1);
}

Test(store, a_list_of_acks_is_answered_per_ack_whatever_its_order)
{
	store_begin(s);
	for (int i = 1; i <= 30; i++) {
		char id[8];
		snprintf(id, sizeof id, "d%d", i);
		put(id, "n");
	}
	put("x1", "other");
	store_commit(s);
	int was;
	store_begin(s);
	cr_assert_eq(store_delivery_ack(s, "n", "d5", 5, 1, &was), MGW_OK);
	store_commit(s);
	struct store_ack a[] = {
		{"d7", 7, 0},  /* out of order */
		{"d3", 3, 0},
		{"d4", 4, 0},
		{"d3", 3, 0},  /* the same ack again in the list */
		{"d5", 5, 0},  /* acked before */
		{"d9", 8, 0},  /* another delivery's seq */
		{"d29", 0, 0}, /* by id only */
		{"d29", 29, 0},/* the same delivery by seq, after */
		{"x1", 6, 0},  /* another node's id */
		{"d40", 40, 0},/* beyond the outbox */
		{"d25", 25, 0},/* far from the others: a second run */
	};
	size_t n = sizeof a / sizeof a[0];
	store_begin(s);
	cr_assert_eq(store_delivery_ack_many(s, "n", a, n, 2), MGW_OK);
	store_commit(s);
	static const enum store_ack_state want[] = {
		STORE_ACK_NEW, STORE_ACK_NEW, STORE_ACK_NEW, STORE_ACK_WAS, STORE_ACK_WAS,
		STORE_ACK_UNKNOWN, STORE_ACK_NEW, STORE_ACK_WAS, STORE_ACK_UNKNOWN,
		STORE_ACK_UNKNOWN, STORE_ACK_NEW,
	};
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(a[i].state, want[i], "ack %zu (%s at %llu): %d", i, a[i].delivery_id,
			     (unsigned long long)a[i].seq, a[i].state);
	cr_assert_eq(a[6].seq, 29, "an ack by id learns its seq");
	/* 3, 4, 5, 7, 25 and 29 acked; 1, 2, 6, 8.. not: the cursor stays at 0 */
	uint64_t t, depth;
	store_acked_through(s, "n", &t);
	cr_assert_eq(t, 0);
	store_outbox_depth(s, "n", &depth);
	cr_assert_eq(depth, 30 - 6);
}

Test(store, share_dedupe_returns_the_original_answer)
{
	uint8_t d[32] = {1, 2, 3}, got[32];
	store_begin(s);
	cr_assert_eq(store_share_insert(s, "police-1", "m-1", d, 5, (const uint8_t *)"ACK", 3), MGW_OK);
	store_commit(s);
	uint8_t *acc;
	size_t n;
	cr_assert_eq(store_share_lookup(s, "police-1", "m-1", got, &acc, &n), MGW_OK);
	cr_assert_arr_eq(got, d, 32);
	cr_assert_eq(n, 3);
	cr_assert_eq(memcmp(acc, "ACK", 3), 0);
	free(acc);
	cr_assert_eq(store_share_lookup(s, "health-1", "m-1", got, &acc, &n), MGW_E_NOTFOUND,
		     "msg_id is per node");
}

Test(store, audit_seq_is_contiguous_across_savepoint_rollback_and_reopen)
{
	Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START;
	store_begin(s);
	cr_assert_eq(store_audit_append(s, &r, NULL), MGW_OK);
	cr_assert_eq(r.seq, 0);
	store_savepoint(s);
	store_audit_append(s, &r, NULL);
	cr_assert_eq(r.seq, 1);
	store_rollback_to(s);
	r.time_ms = 0;
	store_audit_append(s, &r, NULL);
	cr_assert_eq(r.seq, 1, "rolled-back record's seq reused");
	store_commit(s);
	store_close(s);
	char err[256];
	cr_assert_eq(store_open(dir, 0, &s, err, sizeof err), MGW_OK);
	cr_assert_eq(store_audit_size(s), 2);
	uint8_t leaf[32];
	cr_assert_eq(store_audit_leaf(s, 1, leaf), MGW_OK);
	cr_assert_eq(store_audit_leaf(s, 2, leaf), MGW_E_NOTFOUND);
}

Test(store, readonly_handle_sees_committed_rows)
{
	store *r;
	char err[256];
	cr_assert_eq(store_open(dir, 1, &r, err, sizeof err), MGW_OK, "%s", err);
	store_begin(s);
	put("x", "n");
	store_commit(s);
	uint64_t depth;
	cr_assert_eq(store_outbox_depth(r, "n", &depth), MGW_OK);
	cr_assert_eq(depth, 1);
	store_close(r);
}

/*
 * The race behind the stalled delivery streams: a reader asks for the ack
 * cursor while the writer commits a new delivery. The trace hook commits
 * that delivery on the writer's handle at the moment the reader's cursor
 * query starts its second half (the statement that reads MAX(seq)). Read
 * in two snapshots the cursor claims the new, never-sent delivery as acked
 * (2); read in one it is 1.
 */
static store *race_writer;
static int race_fired;

static int race_hook(unsigned type, void *ctx, void *p, void *x)
{
	const char *sql = sqlite3_sql(p);
	if (race_fired || sql == NULL || strstr(sql, "MAX(seq)") == NULL)
		return 0;
	race_fired = 1;
	uint64_t seq;
	cr_assert_eq(store_begin(race_writer), MGW_OK);
	cr_assert_eq(store_delivery_insert(race_writer, "late", "n", 4, (const uint8_t *)"x", 1,
					   &seq), MGW_OK);
	cr_assert_eq(seq, 2);
	cr_assert_eq(store_commit(race_writer), MGW_OK);
	return 0;
}

Test(store, acked_through_is_one_snapshot_while_the_writer_commits)
{
	int was;
	store_begin(s);
	put("first", "n");
	cr_assert_eq(store_delivery_ack(s, "n", "first", 1, 1, &was), MGW_OK);
	store_commit(s);
	store *r;
	char err[256];
	cr_assert_eq(store_open(dir, 1, &r, err, sizeof err), MGW_OK, "%s", err);
	race_writer = s;
	race_fired = 0;
	sqlite3_trace_v2(store_db(r), SQLITE_TRACE_STMT, race_hook, NULL);
	uint64_t t = 99;
	cr_assert_eq(store_acked_through(r, "n", &t), MGW_OK);
	cr_assert(race_fired, "the hook ran while the cursor was read");
	cr_assert_eq(t, 1, "seq 2 was committed but never sent or acked: the cursor is 1, not %llu",
		     (unsigned long long)t);
	sqlite3_trace_v2(store_db(r), 0, NULL, NULL);
	cr_assert_eq(store_acked_through(r, "n", &t), MGW_OK);
	cr_assert_eq(t, 1);
	store_close(r);
}

static int count_rows(void *ctx, uint64_t seq, const char *id, const uint8_t *b, size_t n)
{
	(*(int *)ctx)++;
	return 0;
}

Test(store, an_outbox_body_edited_offline_is_never_sent)
{
	uint64_t seq;
	uint8_t d[32], want[32];
	store_begin(s);
	cr_assert_eq(store_delivery_insert_digest(s, "d1", "n", 4, (const uint8_t *)"body-one", 8,
						  d, &seq), MGW_OK);
	put("d2", "n");
	store_commit(s);
	SHA256((const uint8_t *)"body-one", 8, want);
	cr_assert_arr_eq(d, want, 32, "the digest returned is SHA-256 of the body");
	int rows = 0;
	cr_assert_eq(store_outbox_fetch(s, "n", 0, 10, count_rows, &rows), MGW_OK);
	cr_assert_eq(rows, 2);
	/* Someone with the file edits the queued body. */
	cr_assert_eq(sqlite3_exec(store_db(s), "UPDATE delivery_body SET body=x'6576696c' WHERE body_id="
				  "(SELECT body_id FROM deliveries WHERE delivery_id='d1')", NULL, NULL, NULL), SQLITE_OK);
	rows = 0;
	uint64_t bad = 0;
	cr_assert_eq(store_outbox_fetch(s, "n", 0, 10, count_rows, &rows), MGW_E_INVALID);
	cr_assert_eq(rows, 0, "the edited body is not passed on, nor anything after it");
	cr_assert_eq(store_outbox_fetch_digest(s, "n", 0, 10, NULL, NULL, &bad), MGW_E_INVALID);
	cr_assert_eq(bad, 1);
	/* A body deleted offline: reported, not silently skipped. */
	cr_assert_eq(sqlite3_exec(store_db(s), "DELETE FROM delivery_body", NULL, NULL, NULL),
		     SQLITE_OK);
	cr_assert_eq(store_outbox_fetch_digest(s, "n", 0, 10, NULL, NULL, &bad), MGW_E_INVALID);
	cr_assert_eq(bad, 1);
}

/* Any file under dir whose bytes contain needle? (database, WAL, journal) */
static int grep_dir(const char *needle)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "grep -rqa '%s' %s", needle, dir);
	return system(cmd) == 0;
}

Test(store, purge_deletes_acked_bodies_past_retention_from_database_and_wal)
{
	/* Synthetic case contents (DOMAIN.md test values). */
	static const char body1[] = "victim Jane Testperson phone 07700 900123 lives at 1 Test Road";
	static const char body2[] = "victim Anna Sampleton phone 07700 900456 kept for now";
	static const char body3[] = "victim Beth Exampleby phone 07700 900789 not yet acked";
	uint64_t seq, n;
	uint8_t d1[32], d[32];
	int was;
	store_begin(s);
	store_delivery_insert_digest(s, "p1", "n", 4, (const uint8_t *)body1, sizeof body1, d1, &seq);
	store_delivery_insert_digest(s, "p2", "n", 4, (const uint8_t *)body2, sizeof body2, d, &seq);
	store_delivery_insert_digest(s, "p3", "n", 4, (const uint8_t *)body3, sizeof body3, d, &seq);
	cr_assert_eq(store_delivery_ack(s, "n", "p1", 1, 1000, &was), MGW_OK);
	cr_assert_eq(store_delivery_ack(s, "n", "p2", 2, 5000, &was), MGW_OK);
	store_commit(s);
	cr_assert(grep_dir("07700 900123"), "the test can see a body on disk");
	store_begin(s);
	cr_assert_eq(store_purge_delivered(s, 2000, &n), MGW_OK);
	store_commit(s);
	cr_assert_eq(n, 1, "only the delivery acked before the retention bound");
	cr_assert_eq(store_wal_truncate(s), MGW_OK);
	cr_assert_not(grep_dir("07700 900123"), "a purged body is in the database or WAL");
	cr_assert_not(grep_dir("Jane Testperson"));
	cr_assert(grep_dir("07700 900456"), "a body acked inside the retention period stays");
	cr_assert(grep_dir("07700 900789"), "an unacked body stays");
	/* The row and its digest stay: a duplicate ack is still a duplicate. */
	store_begin(s);
	cr_assert_eq(store_delivery_ack(s, "n", "p1", 1, 9000, &was), MGW_OK);
	cr_assert_eq(was, 1);
	store_commit(s);
	sqlite3_stmt *q;
	cr_assert_eq(sqlite3_prepare_v2(store_db(s), "SELECT digest, (SELECT COUNT(*) FROM "
				       "delivery_body b WHERE b.body_id=d.body_id) FROM "
				       "deliveries d WHERE delivery_id='p1'", -1, &q, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_bytes(q, 0), 32);
	cr_assert_eq(memcmp(sqlite3_column_blob(q, 0), d1, 32), 0);
	cr_assert_eq(sqlite3_column_int(q, 1), 0, "the body is gone");
	sqlite3_finalize(q);
	uint64_t t;
	store_acked_through(s, "n", &t);
	cr_assert_eq(t, 2);
}

Test(store, integrity_check_finds_a_damaged_page)
{
	char err[256];
	store_begin(s);
	for (int i = 0; i < 400; i++) {
		char id[16];
		snprintf(id, sizeof id, "i%d", i);
		uint64_t seq;
		char body[300];
		memset(body, 'a' + i % 26, sizeof body);
		store_delivery_insert(s, id, "n", 4, (const uint8_t *)body, sizeof body, &seq);
	}
	store_commit(s);
	cr_assert_eq(store_integrity_check(s, err, sizeof err), MGW_OK, "%s", err);
	cr_assert_eq(store_wal_truncate(s), MGW_OK);
	long psize = 0;
	sqlite3_stmt *q;
	cr_assert_eq(sqlite3_prepare_v2(store_db(s), "PRAGMA page_size", -1, &q, NULL), SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW)
		psize = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	cr_assert_eq(psize, MGW_STORE_PAGE_SIZE, "a new store gets the page size of mgw_limits.h");
	store_close(s);
	s = NULL;
	/* Overwrite the middle of page 10 (a b-tree page of deliveries). */
	char path[128];
	snprintf(path, sizeof path, "%s/gateway.db", dir);
	FILE *f = fopen(path, "r+b");
	cr_assert_not_null(f);
	fseek(f, 9 * psize + 8, SEEK_SET);
	static const char junk[64] = "\xff\xff\xff\xff\xff\xff\xff\xff\x01\x02\x03\x04";
	fwrite(junk, 1, sizeof junk, f);
	fclose(f);
	int rc = store_open(dir, 0, &s, err, sizeof err);
	if (rc == MGW_OK)
		rc = store_integrity_check(s, err, sizeof err);
	cr_assert_eq(rc, MGW_E_DB, "a damaged page is noticed");
	cr_assert(strstr(err, "aaaa") == NULL, "the message holds no row contents: %s", err);
}

/* Counting node source over the store, to measure what a proof reads. */
static unsigned reads;

static int count_leaf(void *ctx, uint64_t i, uint8_t out[32])
{
	reads++;
	return store_audit_leaf(ctx, i, out);
}

static int count_node(void *ctx, unsigned level, uint64_t i, uint8_t out[32])
{
	reads++;
	return store_audit_node(ctx, level, i, out);
}

Test(store, proofs_and_roots_read_log_n_stored_nodes_and_verify)
{
	enum { N = 3000 };
	Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START;
	struct merkle_range want;
	merkle_range_init(&want);
	store_begin(s);
	for (int i = 0; i < N; i++) {
		uint8_t leaf[32];
		r.time_ms = 0;
		cr_assert_eq(store_audit_append(s, &r, leaf), MGW_OK);
		merkle_range_append(&want, leaf);
		if (i == 1700) {
			/* A rolled-back savepoint leaves no stray nodes behind. */
			store_savepoint(s);
			for (int k = 0; k < 5; k++)
				store_audit_append(s, &r, NULL);
			store_rollback_to(s);
		}
	}
	store_commit(s);
	/* Only levels 4 and up are stored (one row per 16 leaves, not one per
	 * leaf): floor(3000 / 2^l) summed over l >= 4 is 368. The lower ones
	 * are hashed from the leaves, and every root and proof below agrees. */
	sqlite3_stmt *cq;
	cr_assert_eq(sqlite3_prepare_v2(store_db(s), "SELECT COUNT(*), COALESCE(MIN(level), 0)"
						     " FROM audit_node", -1, &cq, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(cq), SQLITE_ROW);
	cr_assert_eq(sqlite3_column_int(cq, 0), 368);
	cr_assert_eq(sqlite3_column_int(cq, 1), 4);
	sqlite3_finalize(cq);
	uint8_t root[32], got[32];
	merkle_range_root(&want, root);
	cr_assert_eq(store_audit_root(s, N, got), MGW_OK);
	cr_assert_arr_eq(got, root, 32);
	/* Reopen: the compact range is read back, not rebuilt. */
	store_close(s);
	char err[256];
	cr_assert_eq(store_open(dir, 1, &s, err, sizeof err), MGW_OK, "%s", err);
	for (uint64_t size = 1; size <= N; size += 127) {
		struct merkle_range pre;
		merkle_range_init(&pre);
		for (uint64_t i = 0; i < size; i++) {
			uint8_t leaf[32];
			store_audit_leaf(s, i, leaf);
			merkle_range_append(&pre, leaf);
		}
		uint8_t rs[32];
		merkle_range_root(&pre, rs);
		cr_assert_eq(store_audit_root(s, size, got), MGW_OK);
		cr_assert_arr_eq(got, rs, 32, "root at %llu", (unsigned long long)size);
		uint64_t idx = size / 3;
		uint8_t proof[MERKLE_PROOF_MAX][32], leaf[32];
		size_t len;
		reads = 0;
		cr_assert_eq(merkle_inclusion_proof_nodes(count_leaf, count_node, s, idx, size, proof,
							  &len), MGW_OK);
		cr_assert_leq(reads, 2 * 12 + 2, "inclusion proof at %llu read %u hashes",
			      (unsigned long long)size, reads);
		store_audit_leaf(s, idx, leaf);
		cr_assert_eq(merkle_verify_inclusion(leaf, idx, size, (const uint8_t(*)[32])proof, len,
						     rs), MGW_OK);
		cr_assert_eq(store_audit_inclusion_proof(s, idx, size, proof, &len), MGW_OK);
		cr_assert_eq(merkle_verify_inclusion(leaf, idx, size, (const uint8_t(*)[32])proof, len,
						     rs), MGW_OK);
		reads = 0;
		cr_assert_eq(merkle_consistency_proof_nodes(count_leaf, count_node, s, size, N, proof,
							    &len), MGW_OK);
		cr_assert_leq(reads, 2 * 12 + 2, "consistency proof read %u hashes", reads);
		cr_assert_eq(merkle_verify_consistency(size, N, (const uint8_t(*)[32])proof, len, rs,
						       root), MGW_OK);
	}
}

Test(store, a_version_1_file_is_upgraded_with_digests_and_tree_nodes)
{
	Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START;
	struct merkle_range want;
	merkle_range_init(&want);
	store_begin(s);
	for (int i = 0; i < 37; i++) {
		uint8_t leaf[32];
		r.time_ms = 0;
		store_audit_append(s, &r, leaf);
		merkle_range_append(&want, leaf);
	}
	store_commit(s);
	/* Turn it into the version-1 layout: bodies inside deliveries, no nodes, no digest. */
	cr_assert_eq(sqlite3_exec(store_db(s),
				  "DROP TABLE audit_node; DROP TABLE delivery_body; DROP TABLE deliveries;"
				  "CREATE TABLE deliveries(delivery_id TEXT PRIMARY KEY,"
				  "  recipient_node TEXT NOT NULL, recipient_agency INTEGER NOT NULL,"
				  "  seq INTEGER NOT NULL, body BLOB NOT NULL, acked_at_ms INTEGER,"
				  "  UNIQUE(recipient_node, seq));"
				  "CREATE INDEX deliveries_unacked ON deliveries(recipient_node, seq)"
				  "  WHERE acked_at_ms IS NULL;"
				  "INSERT INTO deliveries VALUES('old', 'n', 4, 1, x'6f6c64', NULL);"
				  "INSERT INTO node_seq VALUES('n', 2);"
				  "UPDATE meta SET value='1' WHERE key='schema_version'",
				  NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(store_db(s)));
	store_close(s);
	char err[256];
	cr_assert_eq(store_open(dir, 0, &s, err, sizeof err), MGW_OK, "%s", err);
	int rows = 0;
	cr_assert_eq(store_outbox_fetch(s, "n", 0, 10, count_rows, &rows), MGW_OK);
	cr_assert_eq(rows, 1, "the old body has its digest and is still sent");
	cr_assert_eq(put("new", "n"), 2);
	uint8_t a[32], b[32];
	merkle_range_root(&want, a);
	cr_assert_eq(store_audit_root(s, 37, b), MGW_OK);
	cr_assert_arr_eq(a, b, 32);
	uint8_t leaf[32];
	r.time_ms = 0;
	store_begin(s);
	cr_assert_eq(store_audit_append(s, &r, leaf), MGW_OK);
	store_commit(s);
	merkle_range_append(&want, leaf);
	merkle_range_root(&want, a);
	cr_assert_eq(store_audit_root(s, 38, b), MGW_OK);
	cr_assert_arr_eq(a, b, 32);
}

Test(store, an_outbox_row_deleted_offline_is_noticed)
{
	char err[256];
	store_begin(s);
	put("a", "n");
	put("b", "n");
	put("c", "n");
	put("x", "other");
	store_commit(s);
	int was;
	store_begin(s);
	store_delivery_ack(s, "n", "a", 1, 1, &was);
	store_commit(s);
	uint64_t purged;
	cr_assert_eq(store_purge_delivered(s, 10, &purged), MGW_OK);
	cr_assert_eq(purged, 1);
	cr_assert_eq(store_outbox_check(s, err, sizeof err), MGW_OK, "purged bodies are not gaps: %s",
		     err);
	cr_assert_eq(sqlite3_exec(store_db(s), "DELETE FROM deliveries WHERE delivery_id='b'", NULL,
				  NULL, NULL), SQLITE_OK);
	cr_assert_eq(store_outbox_check(s, err, sizeof err), MGW_E_INVALID);
	cr_assert(strstr(err, "\"n\""), "%s", err);
	/* Without the check the pump would skip seq 2 without a word. */
	uint64_t t;
	store_acked_through(s, "n", &t);
	cr_assert_eq(t, 2);
}

Test(store, an_outbox_row_added_offline_is_noticed)
{
	char err[256];
	store_begin(s);
	put("a", "n");
	store_commit(s);
	cr_assert_eq(sqlite3_exec(store_db(s), "INSERT INTO deliveries(delivery_id, recipient_node,"
				  " recipient_agency, seq, digest) VALUES('z', 'ghost', 4, 1, NULL)",
				  NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(store_outbox_check(s, err, sizeof err), MGW_E_INVALID);
	cr_assert(strstr(err, "ghost"), "%s", err);
}

/* Version 2: deliveries keyed by the random delivery id, bodies by delivery id. */
static const char v2_layout[] =
	"DROP TABLE delivery_body; DROP TABLE deliveries;"
	"CREATE TABLE deliveries(delivery_id TEXT PRIMARY KEY,"
	"  recipient_node TEXT NOT NULL, recipient_agency INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL, acked_at_ms INTEGER, digest BLOB,"
	"  UNIQUE(recipient_node, seq));"
	"CREATE TABLE delivery_body(delivery_id TEXT PRIMARY KEY, body BLOB NOT NULL);"
	"CREATE INDEX deliveries_unacked ON deliveries(recipient_node, seq)"
	"  WHERE acked_at_ms IS NULL;"
	"DELETE FROM node_seq;"
	"UPDATE meta SET value='2' WHERE key='schema_version'";

static void v2_row(const char *id, const char *node, int seq, const char *body, int acked)
{
	uint8_t d[32];
	SHA256((const uint8_t *)body, strlen(body), d);
	sqlite3_stmt *q;
	cr_assert_eq(sqlite3_prepare_v2(store_db(s), "INSERT INTO deliveries VALUES(?1,?2,4,?3,?4,?5)",
					-1, &q, NULL), SQLITE_OK);
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, node, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 3, seq);
	if (acked)
		sqlite3_bind_int(q, 4, acked);
	sqlite3_bind_blob(q, 5, d, 32, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	cr_assert_eq(sqlite3_prepare_v2(store_db(s), "INSERT INTO delivery_body VALUES(?1,?2)", -1,
					&q, NULL), SQLITE_OK);
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_blob(q, 2, body, (int)strlen(body), SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
}

static int64_t scalar(const char *sql)
{
	sqlite3_stmt *q;
	cr_assert_eq(sqlite3_prepare_v2(store_db(s), sql, -1, &q, NULL), SQLITE_OK, "%s",
		     sqlite3_errmsg(store_db(s)));
	cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

static int collect_ids(void *ctx, uint64_t seq, const char *id, const uint8_t *b, size_t n)
{
	char *out = ctx;
	strcat(out, id);
	strcat(out, "=");
	strncat(out, (const char *)b, n);
	strcat(out, ";");
	return 0;
}

Test(store, a_version_2_file_is_upgraded_keeping_every_delivery_its_body_and_digest)
{
	cr_assert_eq(sqlite3_exec(store_db(s), v2_layout, NULL, NULL, NULL), SQLITE_OK, "%s",
		     sqlite3_errmsg(store_db(s)));
	v2_row("aaa", "n", 1, "first", 1000);
	v2_row("bbb", "n", 2, "second", 0);
	v2_row("ccc", "m", 1, "third", 0);
	cr_assert_eq(sqlite3_exec(store_db(s), "INSERT INTO node_seq VALUES('n', 3), ('m', 2)", NULL,
				  NULL, NULL), SQLITE_OK);
	store_close(s);
	char err[256];
	cr_assert_eq(store_open(dir, 0, &s, err, sizeof err), MGW_OK, "%s", err);
	cr_assert_eq(scalar("SELECT value FROM meta WHERE key='schema_version'"), 3);
	cr_assert_eq(scalar("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%_v2'"), 0,
		     "the old tables are gone");
	cr_assert_eq(scalar("SELECT COUNT(*) FROM sqlite_master WHERE tbl_name='deliveries' AND "
			    "type='index' AND name!='deliveries_unacked'"), 0,
		     "no index on the random delivery id");
	char got[256] = "";
	cr_assert_eq(store_outbox_fetch(s, "n", 0, 10, collect_ids, got), MGW_OK);
	cr_assert_str_eq(got, "bbb=second;", "the unacked body, its digest still matching");
	got[0] = 0;
	cr_assert_eq(store_outbox_fetch(s, "m", 0, 10, collect_ids, got), MGW_OK);
	cr_assert_str_eq(got, "ccc=third;");
	uint64_t t;
	cr_assert_eq(store_acked_through(s, "n", &t), MGW_OK);
	cr_assert_eq(t, 1);
	int was = 0;
	store_begin(s);
	cr_assert_eq(store_delivery_ack(s, "n", "aaa", 1, 5, &was), MGW_OK);
	cr_assert_eq(was, 1, "an ack from before the upgrade is kept");
	cr_assert_eq(store_delivery_ack(s, "n", "bbb", 2, 5, &was), MGW_OK);
	cr_assert_eq(was, 0);
	cr_assert_eq(put("ddd", "n"), 3, "the sequence continues");
	store_commit(s);
	cr_assert_eq(store_outbox_check(s, err, sizeof err), MGW_OK, "%s", err);
}

Test(store, one_body_serves_several_recipients_and_goes_when_all_acked)
{
	static const char body[] = "the view for profile A";
	uint8_t d[32];
	int64_t id;
	uint64_t s1, s2;
	int was;
	store_begin(s);
	SHA256((const uint8_t *)body, sizeof body, d);
	cr_assert_eq(store_body_put(s, (const uint8_t *)body, sizeof body, &id), MGW_OK);
	cr_assert_eq(store_delivery_put(s, "x1", "n1", 4, id, d, &s1), MGW_OK);
	cr_assert_eq(store_delivery_put(s, "x2", "n2", 4, id, d, &s2), MGW_OK);
	store_commit(s);
	cr_assert_eq(scalar("SELECT COUNT(*) FROM delivery_body"), 1, "one row for the view");
	char got[256] = "";
	cr_assert_eq(store_outbox_fetch(s, "n2", 0, 10, collect_ids, got), MGW_OK);
	cr_assert_str_eq(got, "x2=the view for profile A;");
	store_begin(s);
	cr_assert_eq(store_delivery_ack(s, "n1", "x1", s1, 100, &was), MGW_OK);
	cr_assert_eq(store_delivery_ack(s, "n2", "x1", s2, 100, &was), MGW_E_NOTFOUND,
		     "another delivery's id with this seq");
	store_commit(s);
	uint64_t n;
	cr_assert_eq(store_purge_delivered(s, 1000, &n), MGW_OK);
	cr_assert_eq(n, 0, "still queued to n2");
	got[0] = 0;
	cr_assert_eq(store_outbox_fetch(s, "n2", 0, 10, collect_ids, got), MGW_OK);
	cr_assert_str_eq(got, "x2=the view for profile A;");
	store_begin(s);
	cr_assert_eq(store_delivery_ack(s, "n2", "x2", 0, 100, &was), MGW_OK, "an ack without seq");
	cr_assert_eq(was, 0);
	store_commit(s);
	cr_assert_eq(store_purge_delivered(s, 1000, &n), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(scalar("SELECT COUNT(*) FROM delivery_body"), 0);
}

static long file_size(const char *name)
{
	char p[128];
	struct stat st;
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

Test(store, the_wal_is_checkpointed_in_the_background_and_truncated_when_idle)
{
	/* About 8 MiB in 64 commits: twice the checkpoint mark. */
	static uint8_t body[128 * 1024];
	memset(body, 'b', sizeof body);
	long before = file_size("gateway.db");
	for (int i = 0; i < 64; i++) {
		char id[16];
		uint64_t seq;
		snprintf(id, sizeof id, "w%d", i);
		body[0] = (uint8_t)i; /* distinct bodies */
		store_begin(s);
		cr_assert_eq(store_delivery_insert(s, id, "n", 4, body, sizeof body, &seq), MGW_OK);
		cr_assert_eq(store_commit(s), MGW_OK);
	}
	/* Auto-checkpoint is off: only the checkpointer thread copies pages. */
	long db = 0;
	for (int i = 0; i < 100 && (db = file_size("gateway.db")) < before + 4 * 1024 * 1024; i++)
		usleep(20000);
	cr_assert_geq(db, before + 4 * 1024 * 1024,
		      "the WAL was not copied into the database while the store was open");
	/* Idle past MGW_WAL_IDLE_MS: the WAL file is truncated. */
	long wal = -1;
	for (int i = 0; i < 150 && (wal = file_size("gateway.db-wal")) != 0; i++)
		usleep(20000);
	cr_assert_eq(wal, 0, "the WAL of an idle store stays %ld bytes", wal);
	int rows = 0;
	cr_assert_eq(store_outbox_fetch(s, "n", 0, 100, count_rows, &rows), MGW_OK);
	cr_assert_eq(rows, 64);
}

Test(store, a_delivery_is_pending_until_acked_or_its_body_is_gone)
{
	int pending = -1, was;
	store_begin(s);
	put("p1", "n");
	put("p2", "n");
	store_commit(s);
	cr_assert_eq(store_delivery_pending(s, "n", 1, &pending), MGW_OK);
	cr_assert_eq(pending, 1);
	cr_assert_eq(store_delivery_pending(s, "n", 3, &pending), MGW_OK);
	cr_assert_eq(pending, 0, "no such seq");
	store_begin(s);
	store_delivery_ack(s, "n", "p1", 1, 1, &was);
	store_commit(s);
	cr_assert_eq(store_delivery_pending(s, "n", 1, &pending), MGW_OK);
	cr_assert_eq(pending, 0, "acked");
	cr_assert_eq(sqlite3_exec(store_db(s), "DELETE FROM delivery_body WHERE body_id=(SELECT"
				  " body_id FROM deliveries WHERE delivery_id='p2')", NULL, NULL, NULL),
		     SQLITE_OK);
	cr_assert_eq(store_delivery_pending(s, "n", 2, &pending), MGW_OK);
	cr_assert_eq(pending, 0, "its body was deleted");
}

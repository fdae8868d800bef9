/* Store: a real SQLite file in a temp dir. Sequences, acks, dedupe, rollback. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codec.h"
#include "mgw_err.h"
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

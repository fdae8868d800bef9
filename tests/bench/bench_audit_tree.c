/*
 * bench_audit_tree: what the stored interior nodes buy at start-up and per
 * proof. Builds a store of N audit records (default 1,000,005) with a
 * signed checkpoint near the end, then times:
 *   - audit_trail_open (O(log n + records after the checkpoint)) against
 *     AUDIT_TRAIL_FULL (every record re-hashed: what start-up did before);
 *   - an inclusion and a consistency proof from stored nodes against the
 *     leaf-only proofs (every leaf read: what auditor.c did before).
 * Usage: bench_audit_tree [N] [DIR]   (DIR is created; default a mkdtemp)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checkpoint.h"
#include "merkle.h"
#include "mgw_err.h"
#include "store.h"
#include "trail.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int leaf_cb(void *ctx, uint64_t i, uint8_t out[32])
{
	return store_audit_leaf(ctx, i, out);
}

int main(int argc, char **argv)
{
	uint64_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000005;
	char tmpl[] = "/tmp/bench-audit-tree-XXXXXX";
	const char *dir = argc > 2 ? argv[2] : mkdtemp(tmpl);
	char err[512];
	store *s;
	checkpoint_key *key;
	char *vkey;
	if (store_open(dir, 0, &s, err, sizeof err) != MGW_OK ||
	    audit_key_open(dir, "bench.example/audit", 0, 0, &key, &vkey, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED;
	r.actor_node = "police-testshire";
	r.msg_id = "bench-0000000000";
	double t0 = now();
	for (uint64_t have = store_audit_size(s); have < n;) {
		store_begin(s);
		for (int k = 0; k < 10000 && have < n; k++, have++) {
			r.time_ms = 0;
			if (store_audit_append(s, &r, NULL) != MGW_OK)
				return 1;
		}
		if (store_commit(s) != MGW_OK)
			return 1;
	}
	double t1 = now();
	uint64_t size = store_audit_size(s), cp = size - 5;
	uint8_t root[32];
	char *note;
	store_audit_root(s, cp, root);
	checkpoint_sign(key, "bench.example/audit", cp, root, &note);
	store_begin(s);
	store_checkpoint_put(s, cp, note);
	store_commit(s);
	audit_checkpoint_save(dir, note);
	free(note);
	printf("records %llu, appended in %.2f s (%.1f us each)\n", (unsigned long long)size,
	       t1 - t0, (t1 - t0) * 1e6 / (double)n);

	struct merkle_range range;
	uint64_t c;
	t0 = now();
	int rc = audit_trail_open(s, dir, vkey, "bench.example/audit", 0, &range, &c, NULL, err,
				  sizeof err);
	t1 = now();
	printf("start-up check, stored nodes:  %.4f s (%s)\n", t1 - t0, rc ? err : "ok");
	t0 = now();
	rc = audit_trail_open(s, dir, vkey, "bench.example/audit", AUDIT_TRAIL_FULL, &range, &c, NULL, err,
			      sizeof err);
	t1 = now();
	printf("start-up check, every record:  %.4f s (%s)\n", t1 - t0, rc ? err : "ok");

	uint8_t proof[MERKLE_PROOF_MAX][32];
	size_t len;
	uint64_t idx = size / 3;
	t0 = now();
	rc = store_audit_inclusion_proof(s, idx, size, proof, &len);
	t1 = now();
	printf("inclusion proof, stored nodes: %.6f s (%zu hashes, rc %d)\n", t1 - t0, len, rc);
	t0 = now();
	rc = merkle_inclusion_proof(leaf_cb, s, idx, size, proof, &len);
	t1 = now();
	printf("inclusion proof, every leaf:   %.4f s (%zu hashes, rc %d)\n", t1 - t0, len, rc);
	t0 = now();
	rc = store_audit_consistency_proof(s, size / 2 + 3, size, proof, &len);
	t1 = now();
	printf("consistency proof, stored nodes: %.6f s (%zu hashes, rc %d)\n", t1 - t0, len, rc);
	t0 = now();
	rc = merkle_consistency_proof(leaf_cb, s, size / 2 + 3, size, proof, &len);
	t1 = now();
	printf("consistency proof, every leaf:   %.4f s (%zu hashes, rc %d)\n", t1 - t0, len, rc);
	t0 = now();
	store_close(s);
	store_open(dir, 0, &s, err, sizeof err);
	t1 = now();
	printf("store_open (compact range from nodes): %.4f s\n", t1 - t0);
	t0 = now();
	rc = store_integrity_check(s, err, sizeof err);
	t1 = now();
	printf("store_integrity_check (quick_check): %.4f s (%s)\n", t1 - t0, rc ? err : "ok");
	t0 = now();
	rc = store_outbox_check(s, err, sizeof err);
	t1 = now();
	printf("store_outbox_check: %.4f s (%s)\n", t1 - t0, rc ? err : "ok");
	store_close(s);
	checkpoint_key_free(key);
	free(vkey);
	return 0;
}

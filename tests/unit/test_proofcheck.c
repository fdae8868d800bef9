/*
 * The auditor's tool does not trust the gateway's proof answers: hostile
 * counts, lengths, NULLs and a leaf hash that is not the record's are
 * refused as malformed without crashing or allocating from a count the
 * answer chose; a record altered by the gateway does not prove.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "merkle.h"
#include "mgw_err.h"
#include "proofcheck.h"

enum { N = 37 };
static uint8_t leaves[N][32];
static Marac__V1__AuditRecord recs[N];
static char why[160];

static int leaf_at(void *ctx, uint64_t i, uint8_t out[32])
{
	memcpy(out, leaves[i], 32);
	return MGW_OK;
}

static void build(uint8_t root[32])
{
	for (int i = 0; i < N; i++) {
		marac__v1__audit_record__init(&recs[i]);
		recs[i].seq = (uint64_t)i;
		recs[i].time_ms = 1700000000000 + i;
		recs[i].event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED;
		recs[i].actor_node = "police-testshire";
		uint8_t *b;
		size_t n;
		cr_assert_eq(codec_pack(&recs[i].base, &b, &n), MGW_OK);
		merkle_leaf_hash(b, n, leaves[i]);
		free(b);
	}
	cr_assert_eq(merkle_root(leaf_at, NULL, N, root), MGW_OK);
}

struct answer {
	Marac__V1__Proof p;
	uint8_t hashes[MERKLE_PROOF_MAX][32];
	ProtobufCBinaryData hs[MERKLE_PROOF_MAX];
};

static void honest(struct answer *a, uint64_t seq)
{
	size_t len;
	cr_assert_eq(merkle_inclusion_proof(leaf_at, NULL, seq, N, a->hashes, &len), MGW_OK);
	marac__v1__proof__init(&a->p);
	for (size_t i = 0; i < len; i++) {
		a->hs[i].data = a->hashes[i];
		a->hs[i].len = 32;
	}
	a->p.seq = seq;
	a->p.tree_size = N;
	a->p.hashes = a->hs;
	a->p.n_hashes = len;
	a->p.leaf_hash.data = leaves[seq];
	a->p.leaf_hash.len = 32;
	a->p.record = &recs[seq];
}

Test(proofcheck, an_honest_proof_verifies)
{
	uint8_t root[32];
	build(root);
	struct answer a;
	for (uint64_t s = 0; s < N; s++) {
		honest(&a, s);
		cr_assert_eq(audit_inclusion_check(&a.p, s, N, root, why, sizeof why), MGW_OK, "%s",
			     why);
	}
}

Test(proofcheck, hostile_answers_are_malformed_not_crashes)
{
	uint8_t root[32];
	build(root);
	struct answer a;
	cr_assert_eq(audit_inclusion_check(NULL, 5, N, root, why, sizeof why), MGW_E_MALFORMED);
	honest(&a, 5);
	a.p.record = NULL;
	cr_assert_eq(audit_inclusion_check(&a.p, 5, N, root, why, sizeof why), MGW_E_MALFORMED);
	honest(&a, 5);
	a.p.n_hashes = (size_t)1 << 40; /* the old code calloc'd this and read past the list */
	cr_assert_eq(audit_inclusion_check(&a.p, 5, N, root, why, sizeof why), MGW_E_MALFORMED);
	honest(&a, 5);
	a.p.hashes = NULL;
	cr_assert_eq(audit_inclusion_check(&a.p, 5, N, root, why, sizeof why), MGW_E_MALFORMED);
	honest(&a, 5);
	a.hs[1].len = 31;
	cr_assert_eq(audit_inclusion_check(&a.p, 5, N, root, why, sizeof why), MGW_E_MALFORMED);
	honest(&a, 5);
	a.hs[0].data = NULL;
	cr_assert_eq(audit_inclusion_check(&a.p, 5, N, root, why, sizeof why), MGW_E_MALFORMED);
	honest(&a, 5);
	a.p.seq = 6;
	cr_assert_eq(audit_inclusion_check(&a.p, 5, N, root, why, sizeof why), MGW_E_MALFORMED);
	honest(&a, 5);
	a.p.record = &recs[6]; /* another record's bytes under seq 5 */
	cr_assert_eq(audit_inclusion_check(&a.p, 5, N, root, why, sizeof why), MGW_E_MALFORMED);
	honest(&a, 5);
	a.p.tree_size = N + 1;
	cr_assert_eq(audit_inclusion_check(&a.p, 5, N, root, why, sizeof why), MGW_E_MALFORMED);
	honest(&a, 5);
	a.p.leaf_hash.len = 7;
	cr_assert_eq(audit_inclusion_check(&a.p, 5, N, root, why, sizeof why), MGW_E_MALFORMED);
}

Test(proofcheck, an_altered_record_with_a_matching_leaf_hash_does_not_prove)
{
	uint8_t root[32];
	build(root);
	struct answer a;
	honest(&a, 9);
	/* The gateway edits the record and sends the leaf hash of the edited bytes. */
	Marac__V1__AuditRecord edited = recs[9];
	edited.actor_node = "health-1";
	uint8_t *b, leaf[32];
	size_t n;
	codec_pack(&edited.base, &b, &n);
	merkle_leaf_hash(b, n, leaf);
	free(b);
	a.p.record = &edited;
	a.p.leaf_hash.data = leaf;
	cr_assert_eq(audit_inclusion_check(&a.p, 9, N, root, why, sizeof why), MGW_E_INVALID);
	cr_assert(strstr(why, "signed root"), "%s", why);
}

Test(proofcheck, consistency_answers_are_checked)
{
	uint8_t root[32], old[32];
	build(root);
	merkle_root(leaf_at, NULL, 20, old);
	struct answer a;
	size_t len;
	marac__v1__proof__init(&a.p);
	cr_assert_eq(merkle_consistency_proof(leaf_at, NULL, 20, N, a.hashes, &len), MGW_OK);
	for (size_t i = 0; i < len; i++) {
		a.hs[i].data = a.hashes[i];
		a.hs[i].len = 32;
	}
	a.p.old_size = 20;
	a.p.tree_size = N;
	a.p.hashes = a.hs;
	a.p.n_hashes = len;
	cr_assert_eq(audit_consistency_check(&a.p, 20, N, old, root, why, sizeof why), MGW_OK, "%s",
		     why);
	a.hashes[0][0] ^= 1;
	cr_assert_eq(audit_consistency_check(&a.p, 20, N, old, root, why, sizeof why), MGW_E_INVALID);
	a.p.n_hashes = 1000;
	cr_assert_eq(audit_consistency_check(&a.p, 20, N, old, root, why, sizeof why),
		     MGW_E_MALFORMED);
	cr_assert_eq(audit_consistency_check(NULL, 20, N, old, root, why, sizeof why),
		     MGW_E_MALFORMED);
}

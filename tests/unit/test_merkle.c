/*
 * Merkle tree: published RFC 6962 test vectors, then exhaustive properties.
 *
 * The vectors (8 leaves, the roots of sizes 1..8, inclusion and consistency
 * proofs) are those of the certificate-transparency / Trillian test suites,
 * as kept in github.com/transparency-dev/merkle, file proof/verify_test.go
 * (variables leaves, roots, inclusionProofs, consistencyProofs; its leaf
 * numbers there are 1-based, here they are 0-based indexes).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "merkle.h"
#include "mgw_err.h"

static void unhex(const char *hex, uint8_t *out, size_t n)
{
	cr_assert_eq(strlen(hex), 2 * n, "bad vector %s", hex);
	for (size_t i = 0; i < n; i++) {
		unsigned v;
		cr_assert_eq(sscanf(hex + 2 * i, "%2x", &v), 1);
		out[i] = (uint8_t)v;
	}
}

/* ---- the published vectors ------------------------------------------------- */

static const struct {
	const char *data;
	size_t len;
} LEAVES[8] = {
	{"", 0},
	{"\x00", 1},
	{"\x10", 1},
	{"\x20\x21", 2},
	{"\x30\x31", 2},
	{"\x40\x41\x42\x43", 4},
	{"\x50\x51\x52\x53\x54\x55\x56\x57", 8},
	{"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f", 16},
};

/* ROOTS[i] is the root of the tree of the first i + 1 leaves. */
static const char *ROOTS[8] = {
	"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
	"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
	"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
	"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
	"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
	"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
	"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
	"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

static const char *EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

struct vec {
	uint64_t a, b; /* inclusion: index, size; consistency: m, n */
	size_t len;
	const char *proof[4];
};

static const struct vec INCLUSION[] = {
	{0, 1, 0, {0}},
	{0, 8, 3,
	 {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
	  "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
	  "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
	{5, 8, 3,
	 {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
	  "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
	  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
	{2, 3, 1, {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
	{1, 5, 3,
	 {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
	  "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
	  "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
};

static const struct vec CONSISTENCY[] = {
	{1, 1, 0, {0}},
	{1, 8, 3,
	 {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
	  "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
	  "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
	{6, 8, 3,
	 {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
	  "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
	  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
	{2, 5, 2,
	 {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
	  "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
	{6, 7, 3,
	 {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
	  "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
	  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
};

/* Leaf source over an array of leaf hashes; ctx is the array. */
static int array_leaf(void *ctx, uint64_t index, uint8_t out[32])
{
	memcpy(out, ((uint8_t (*)[32])ctx)[index], 32);
	return MGW_OK;
}

static uint8_t vleaves[8][32];

static void vector_leaves(void)
{
	for (int i = 0; i < 8; i++)
		cr_assert_eq(merkle_leaf_hash((const uint8_t *)LEAVES[i].data, LEAVES[i].len,
					      vleaves[i]),
			     MGW_OK);
}

Test(merkle, empty_tree_root)
{
	uint8_t want[32], got[32];
	unhex(EMPTY, want, 32);
	merkle_empty_root(got);
	cr_assert_arr_eq(got, want, 32);
	cr_assert_eq(merkle_root(array_leaf, NULL, 0, got), MGW_OK);
	cr_assert_arr_eq(got, want, 32);
	struct merkle_range r;
	merkle_range_init(&r);
	cr_assert_eq(merkle_range_root(&r, got), MGW_OK);
	cr_assert_arr_eq(got, want, 32);
}

Test(merkle, vector_roots_sizes_1_to_8)
{
	vector_leaves();
	struct merkle_range r;
	merkle_range_init(&r);
	for (int n = 1; n <= 8; n++) {
		uint8_t want[32], got[32];
		unhex(ROOTS[n - 1], want, 32);
		cr_assert_eq(merkle_root(array_leaf, vleaves, (uint64_t)n, got), MGW_OK);
		cr_assert_arr_eq(got, want, 32, "merkle_root size %d", n);
		cr_assert_eq(merkle_range_append(&r, vleaves[n - 1]), MGW_OK);
		cr_assert_eq(r.size, (uint64_t)n);
		cr_assert_eq(merkle_range_root(&r, got), MGW_OK);
		cr_assert_arr_eq(got, want, 32, "compact range size %d", n);
	}
}

Test(merkle, vector_inclusion_proofs)
{
	vector_leaves();
	for (size_t v = 0; v < sizeof INCLUSION / sizeof INCLUSION[0]; v++) {
		const struct vec *t = &INCLUSION[v];
		uint8_t want[MERKLE_PROOF_MAX][32], got[MERKLE_PROOF_MAX][32], root[32];
		for (size_t i = 0; i < t->len; i++)
			unhex(t->proof[i], want[i], 32);
		unhex(ROOTS[t->b - 1], root, 32);
		size_t len;
		cr_assert_eq(merkle_inclusion_proof(array_leaf, vleaves, t->a, t->b, got, &len), MGW_OK);
		cr_assert_eq(len, t->len, "inclusion(%lu,%lu) length", (unsigned long)t->a,
			     (unsigned long)t->b);
		for (size_t i = 0; i < len; i++)
			cr_assert_arr_eq(got[i], want[i], 32, "inclusion(%lu,%lu)[%zu]",
					 (unsigned long)t->a, (unsigned long)t->b, i);
		cr_assert_eq(merkle_verify_inclusion(vleaves[t->a], t->a, t->b,
						     (const uint8_t (*)[32])want, t->len, root),
			     MGW_OK);
	}
}

Test(merkle, vector_consistency_proofs)
{
	vector_leaves();
	for (size_t v = 0; v < sizeof CONSISTENCY / sizeof CONSISTENCY[0]; v++) {
		const struct vec *t = &CONSISTENCY[v];
		uint8_t want[MERKLE_PROOF_MAX][32], got[MERKLE_PROOF_MAX][32], r1[32], r2[32];
		for (size_t i = 0; i < t->len; i++)
			unhex(t->proof[i], want[i], 32);
		unhex(ROOTS[t->a - 1], r1, 32);
		unhex(ROOTS[t->b - 1], r2, 32);
		size_t len;
		cr_assert_eq(merkle_consistency_proof(array_leaf, vleaves, t->a, t->b, got, &len),
			     MGW_OK);
		cr_assert_eq(len, t->len, "consistency(%lu,%lu) length", (unsigned long)t->a,
			     (unsigned long)t->b);
		for (size_t i = 0; i < len; i++)
			cr_assert_arr_eq(got[i], want[i], 32, "consistency(%lu,%lu)[%zu]",
					 (unsigned long)t->a, (unsigned long)t->b, i);
		cr_assert_eq(merkle_verify_consistency(t->a, t->b, (const uint8_t (*)[32])want,
						       t->len, r1, r2),
			     MGW_OK);
	}
}

/* The edge cases transparency-dev/merkle's TestVerifyConsistency pins. */
Test(merkle, consistency_edge_cases)
{
	uint8_t empty[32], some[32], proof[1][32];
	merkle_empty_root(empty);
	memset(some, 0xab, 32);
	memcpy(proof[0], empty, 32);
	/* A tree is consistent with itself, by an empty proof, only if the roots agree. */
	cr_assert_eq(merkle_verify_consistency(1, 1, NULL, 0, some, some), MGW_OK);
	cr_assert_eq(merkle_verify_consistency(1, 1, NULL, 0, empty, some), MGW_E_INVALID);
	cr_assert_eq(merkle_verify_consistency(1, 1, (const uint8_t (*)[32])proof, 1, empty, empty),
		     MGW_E_INVALID);
	/* Every tree extends the empty tree. */
	cr_assert_eq(merkle_verify_consistency(0, 1, NULL, 0, empty, some), MGW_OK);
	cr_assert_eq(merkle_verify_consistency(0, 1, (const uint8_t (*)[32])proof, 1, empty, empty),
		     MGW_E_INVALID);
	/* Time travel and empty proofs for real growth are never proven. */
	cr_assert_eq(merkle_verify_consistency(2, 1, NULL, 0, some, some), MGW_E_INVALID);
	cr_assert_eq(merkle_verify_consistency(1, 2, NULL, 0, some, some), MGW_E_INVALID);
	/* Inclusion in trees it cannot be in. */
	cr_assert_eq(merkle_verify_inclusion(some, 0, 0, NULL, 0, empty), MGW_E_INVALID);
	cr_assert_eq(merkle_verify_inclusion(some, 2, 1, NULL, 0, some), MGW_E_INVALID);
	cr_assert_eq(merkle_verify_inclusion(some, 0, 1, NULL, 0, some), MGW_OK);
	size_t len = 99;
	uint8_t p[MERKLE_PROOF_MAX][32];
	cr_assert_eq(merkle_inclusion_proof(array_leaf, NULL, 3, 3, p, &len), MGW_E_INVALID);
	cr_assert_eq(len, 0);
	cr_assert_eq(merkle_consistency_proof(array_leaf, NULL, 4, 3, p, &len), MGW_E_INVALID);
}

/* ---- exhaustive properties, sizes 1..64 ---------------------------------------- */

#define N_MAX 64
static uint8_t pleaves[N_MAX][32];
static uint8_t proots[N_MAX + 1][32]; /* proots[n]: root of the first n leaves */

static void property_tree(void)
{
	struct merkle_range r;
	merkle_range_init(&r);
	merkle_empty_root(proots[0]);
	for (int i = 0; i < N_MAX; i++) {
		uint8_t d[2] = {(uint8_t)i, (uint8_t)(i * 7 + 1)};
		cr_assert_eq(merkle_leaf_hash(d, sizeof d, pleaves[i]), MGW_OK);
		cr_assert_eq(merkle_range_append(&r, pleaves[i]), MGW_OK);
		cr_assert_eq(merkle_range_root(&r, proots[i + 1]), MGW_OK);
		uint8_t slow[32];
		cr_assert_eq(merkle_root(array_leaf, pleaves, (uint64_t)i + 1, slow), MGW_OK);
		cr_assert_arr_eq(slow, proots[i + 1], 32, "range and recursive roots, size %d", i + 1);
	}
}

/* A hash that differs from every real leaf and root. */
static const uint8_t JUNK[32] = {0x5a, 0x5a, 0x5a};

Test(merkle, every_inclusion_proof_verifies_and_every_bit_flip_fails)
{
	property_tree();
	for (uint64_t n = 1; n <= N_MAX; n++) {
		for (uint64_t i = 0; i < n; i++) {
			uint8_t p[MERKLE_PROOF_MAX + 1][32];
			size_t len;
			cr_assert_eq(merkle_inclusion_proof(array_leaf, pleaves, i, n, p, &len), MGW_OK);
			const uint8_t (*cp)[32] = (const uint8_t (*)[32])p;
			cr_assert_eq(merkle_verify_inclusion(pleaves[i], i, n, cp, len, proots[n]),
				     MGW_OK, "inclusion %lu/%lu", (unsigned long)i, (unsigned long)n);
			/* Each bit of each proof hash. */
			for (size_t k = 0; k < len; k++)
				for (int bit = 0; bit < 256; bit++) {
					p[k][bit / 8] ^= (uint8_t)(1u << (bit % 8));
					cr_assert_neq(merkle_verify_inclusion(pleaves[i], i, n, cp, len,
									      proots[n]),
						      MGW_OK, "flip proof[%zu] bit %d, %lu/%lu", k, bit,
						      (unsigned long)i, (unsigned long)n);
					p[k][bit / 8] ^= (uint8_t)(1u << (bit % 8));
				}
			/* A bit of the leaf, a bit of the root. */
			uint8_t leaf[32], root[32];
			memcpy(leaf, pleaves[i], 32);
			memcpy(root, proots[n], 32);
			leaf[i % 32] ^= 0x10;
			root[n % 32] ^= 0x01;
			cr_assert_neq(merkle_verify_inclusion(leaf, i, n, cp, len, proots[n]), MGW_OK);
			cr_assert_neq(merkle_verify_inclusion(pleaves[i], i, n, cp, len, root), MGW_OK);
			/* Wrong index, wrong size, wrong length. */
			if (i + 1 < n)
				cr_assert_neq(merkle_verify_inclusion(pleaves[i], i + 1, n, cp, len,
								      proots[n]),
					      MGW_OK);
			if (i > 0)
				cr_assert_neq(merkle_verify_inclusion(pleaves[i], i - 1, n, cp, len,
								      proots[n]),
					      MGW_OK);
			cr_assert_neq(merkle_verify_inclusion(pleaves[i], i, 2 * n, cp, len, proots[n]),
				      MGW_OK);
			if (len > 0)
				cr_assert_neq(merkle_verify_inclusion(pleaves[i], i, n, cp, len - 1,
								      proots[n]),
					      MGW_OK);
			memcpy(p[len], JUNK, 32);
			cr_assert_neq(merkle_verify_inclusion(pleaves[i], i, n, cp, len + 1, proots[n]),
				      MGW_OK);
		}
	}
}

Test(merkle, every_consistency_proof_verifies_and_every_bit_flip_fails)
{
	property_tree();
	for (uint64_t n = 1; n <= N_MAX; n++) {
		for (uint64_t m = 0; m <= n; m++) {
			uint8_t p[MERKLE_PROOF_MAX + 1][32];
			size_t len;
			cr_assert_eq(merkle_consistency_proof(array_leaf, pleaves, m, n, p, &len),
				     MGW_OK);
			const uint8_t (*cp)[32] = (const uint8_t (*)[32])p;
			cr_assert_eq(merkle_verify_consistency(m, n, cp, len, proots[m], proots[n]),
				     MGW_OK, "consistency %lu->%lu", (unsigned long)m,
				     (unsigned long)n);
			if (m == 0 || m == n) {
				cr_assert_eq(len, 0);
			}
			for (size_t k = 0; k < len; k++)
				for (int bit = 0; bit < 256; bit++) {
					p[k][bit / 8] ^= (uint8_t)(1u << (bit % 8));
					cr_assert_neq(merkle_verify_consistency(m, n, cp, len, proots[m],
										proots[n]),
						      MGW_OK, "flip proof[%zu] bit %d, %lu->%lu", k, bit,
						      (unsigned long)m, (unsigned long)n);
					p[k][bit / 8] ^= (uint8_t)(1u << (bit % 8));
				}
			uint8_t r1[32], r2[32];
			memcpy(r1, proots[m], 32);
			memcpy(r2, proots[n], 32);
			r1[m % 32] ^= 0x04;
			r2[n % 32] ^= 0x80;
			cr_assert_neq(merkle_verify_consistency(m, n, cp, len, r1, proots[n]), MGW_OK);
			/* Every tree extends the empty one, so for m == 0 only root_m matters. */
			if (m > 0)
				cr_assert_neq(merkle_verify_consistency(m, n, cp, len, proots[m], r2),
					      MGW_OK);
			if (m > 0 && m < n) {
				/* Swapped roots, wrong sizes, truncated or padded proofs. */
				cr_assert_neq(merkle_verify_consistency(m, n, cp, len, proots[n],
									proots[m]),
					      MGW_OK);
				if (m + 1 < n)
					cr_assert_neq(merkle_verify_consistency(m + 1, n, cp, len,
										proots[m], proots[n]),
						      MGW_OK);
				cr_assert_neq(merkle_verify_consistency(m, 2 * n, cp, len, proots[m],
									proots[n]),
					      MGW_OK);
				if (len > 0)
					cr_assert_neq(merkle_verify_consistency(m, n, cp, len - 1,
										proots[m], proots[n]),
						      MGW_OK);
				memcpy(p[len], JUNK, 32);
				cr_assert_neq(merkle_verify_consistency(m, n, cp, len + 1, proots[m],
									proots[n]),
					      MGW_OK);
			}
		}
	}
}

/* Callback errors come back unchanged, and no proof is claimed. */
static int failing_leaf(void *ctx, uint64_t index, uint8_t out[32])
{
	(void)out;
	return index == *(uint64_t *)ctx ? MGW_E_DB : array_leaf(pleaves, index, out);
}

Test(merkle, leaf_source_errors_propagate)
{
	property_tree();
	uint64_t bad = 5;
	uint8_t p[MERKLE_PROOF_MAX][32], root[32];
	size_t len = 7;
	cr_assert_eq(merkle_root(failing_leaf, &bad, 9, root), MGW_E_DB);
	cr_assert_eq(merkle_inclusion_proof(failing_leaf, &bad, 0, 9, p, &len), MGW_E_DB);
	cr_assert_eq(len, 0);
	cr_assert_eq(merkle_consistency_proof(failing_leaf, &bad, 3, 9, p, &len), MGW_E_DB);
	cr_assert_eq(len, 0);
}

Test(merkle, range_is_a_value_snapshot)
{
	property_tree();
	struct merkle_range a, b;
	merkle_range_init(&a);
	for (int i = 0; i < 37; i++)
		cr_assert_eq(merkle_range_append(&a, pleaves[i]), MGW_OK);
	b = a;
	for (int i = 37; i < 50; i++)
		cr_assert_eq(merkle_range_append(&a, pleaves[i]), MGW_OK);
	uint8_t ra[32], rb[32];
	cr_assert_eq(merkle_range_root(&a, ra), MGW_OK);
	cr_assert_eq(merkle_range_root(&b, rb), MGW_OK);
	cr_assert_arr_eq(ra, proots[50], 32);
	cr_assert_arr_eq(rb, proots[37], 32);
	cr_assert_eq(b.n, 3); /* 37 = 32 + 4 + 1 */
}

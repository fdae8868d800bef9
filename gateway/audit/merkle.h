/*
 * merkle.h: RFC 6962 / RFC 9162 Merkle tree hashing, proofs and verifiers.
 *
 * The tree over leaves d[0..n) is the RFC 9162 section 2.1.1 Merkle Tree Hash:
 *
 *     MTH({})       = SHA-256("")
 *     MTH({d0})     = SHA-256(0x00 || d0)                      (leaf hash)
 *     MTH(D[0:n])   = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))  (node hash)
 *                     where k is the largest power of two < n.
 *
 * Everything here works on 32-byte hashes. The audit log's leaves are the
 * leaf hashes of the packed AuditRecords, so "leaf" below always means
 * SHA-256(0x00 || record), never the record itself.
 *
 * Two halves:
 *
 *  - merkle_range: an incremental "compact range" (the roots of the perfect
 *    subtrees that make up [0, size), largest first). Appending a leaf and
 *    taking the root of the current size are O(log n) time, O(1) memory
 *    (a fixed 2 KiB struct: plain value, copy it to snapshot it).
 *
 *  - proofs, store-agnostic: the caller supplies leaf hashes through a
 *    callback, and the proof functions compute every subtree hash they need
 *    from leaves: O(n) leaf reads per proof. With a second callback that
 *    returns stored perfect-subtree hashes (the *_nodes forms; the store
 *    keeps them: store_audit_node) a proof is O(log n) reads. The verifiers are the RFC 9162
 *    section 2.1.3.2 and 2.1.4.2 algorithms, step for step, and need no
 *    store at all.
 *
 * Hashing uses OpenSSL (EVP, SHA-256). Functions that hash return 0 or
 * MGW_E_NOMEM (OpenSSL could not allocate a digest context). The verifiers
 * return 0 only for "proven", MGW_E_INVALID for every kind of "not proven",
 * and MGW_E_NOMEM if hashing failed: never 0 by accident.
 * Thread-safe: no shared mutable state (the SHA-256 method is fetched once).
 */
#ifndef MARAC_MERKLE_H
#define MARAC_MERKLE_H

#include <stddef.h>
#include <stdint.h>

#define MERKLE_HASH_LEN 32

/*
 * Longest proof any tree of up to 2^64 - 1 leaves can need: an inclusion
 * proof has at most 64 hashes; a consistency proof at most 64 plus the seed.
 * Proof buffers passed in are this many hashes long.
 */
#define MERKLE_PROOF_MAX 65

/* SHA-256(0x00 || data[0..len)) into out. Returns 0 or MGW_E_NOMEM. */
int merkle_leaf_hash(const uint8_t *data, size_t len, uint8_t out[MERKLE_HASH_LEN]);

/* SHA-256(0x01 || left || right) into out (out may alias either). 0 or MGW_E_NOMEM. */
int merkle_node_hash(const uint8_t left[MERKLE_HASH_LEN], const uint8_t right[MERKLE_HASH_LEN],
		     uint8_t out[MERKLE_HASH_LEN]);

/* SHA-256("") into out: the root of the empty tree. Cannot fail. */
void merkle_empty_root(uint8_t out[MERKLE_HASH_LEN]);

/* ---- compact range -------------------------------------------------------- */

/*
 * The compact range [0, size): n perfect-subtree roots, nodes[0] the largest
 * (leftmost). n == popcount(size). Initialise with merkle_range_init (or
 * zero it); copy it freely (it owns no memory).
 */
struct merkle_range {
	uint64_t size;
	unsigned n;
	uint8_t nodes[64][MERKLE_HASH_LEN];
};

void merkle_range_init(struct merkle_range *r);

/*
 * Append one leaf hash. Returns 0, MGW_E_TOO_LARGE (the tree already holds
 * 2^64 - 1 leaves; r is unchanged) or MGW_E_NOMEM (r is unchanged).
 */
int merkle_range_append(struct merkle_range *r, const uint8_t leaf[MERKLE_HASH_LEN]);

/* Root of the tree of r->size leaves into out. Returns 0 or MGW_E_NOMEM. */
int merkle_range_root(const struct merkle_range *r, uint8_t out[MERKLE_HASH_LEN]);

/* ---- proofs from a leaf source --------------------------------------------- */

/*
 * Leaf source: put the leaf hash of index into out and return 0, or return a
 * negative mgw_err code, which the proof functions pass back unchanged.
 * Called only with index < the size the caller asked about.
 */
typedef int (*merkle_get_leaf_fn)(void *ctx, uint64_t index, uint8_t out[MERKLE_HASH_LEN]);

/*
 * MTH of leaves [0, n) into out (n == 0 gives SHA-256("")).
 * Returns 0, MGW_E_NOMEM, or the callback's error.
 */
int merkle_root(merkle_get_leaf_fn get_leaf, void *ctx, uint64_t n, uint8_t out[MERKLE_HASH_LEN]);

/*
 * Inclusion proof (RFC 9162 2.1.3.1, RFC 6962 PATH) of leaf index in the
 * tree of size leaves: *len hashes into proof, bottom-up.
 * Returns 0, MGW_E_INVALID (index >= size), MGW_E_NOMEM, or the callback's
 * error. On error *len is 0.
 */
int merkle_inclusion_proof(merkle_get_leaf_fn get_leaf, void *ctx, uint64_t index, uint64_t size,
			   uint8_t proof[MERKLE_PROOF_MAX][MERKLE_HASH_LEN], size_t *len);

/*
 * Consistency proof (RFC 9162 2.1.4.1, RFC 6962 SUBPROOF(m, D[n], true))
 * between the trees of m and n leaves. For m == 0 or m == n the proof is
 * empty (every tree extends the empty tree; a tree is consistent with itself).
 * Returns 0, MGW_E_INVALID (m > n), MGW_E_NOMEM, or the callback's error.
 * On error *len is 0.
 */
int merkle_consistency_proof(merkle_get_leaf_fn get_leaf, void *ctx, uint64_t m, uint64_t n,
			     uint8_t proof[MERKLE_PROOF_MAX][MERKLE_HASH_LEN], size_t *len);

/*
 * Node source: put the hash of the perfect subtree over leaves
 * [index * 2^level, (index + 1) * 2^level) into out (level >= 1) and return
 * 0; MGW_E_NOTFOUND if it is not stored (the subtree is then computed from
 * its children); any other negative code is passed back unchanged. The
 * proof functions ask only for subtrees that lie wholly below the size
 * they were given.
 */
typedef int (*merkle_get_node_fn)(void *ctx, unsigned level, uint64_t index,
				  uint8_t out[MERKLE_HASH_LEN]);

/*
 * merkle_inclusion_proof and merkle_consistency_proof with a node source
 * (get_node may be NULL: then they are the leaf-only forms). Same results,
 * same returns; O(log n) callback calls when every node is stored.
 */
int merkle_inclusion_proof_nodes(merkle_get_leaf_fn get_leaf, merkle_get_node_fn get_node,
				 void *ctx, uint64_t index, uint64_t size,
				 uint8_t proof[MERKLE_PROOF_MAX][MERKLE_HASH_LEN], size_t *len);
int merkle_consistency_proof_nodes(merkle_get_leaf_fn get_leaf, merkle_get_node_fn get_node,
				   void *ctx, uint64_t m, uint64_t n,
				   uint8_t proof[MERKLE_PROOF_MAX][MERKLE_HASH_LEN], size_t *len);

/* ---- verifiers (no store) --------------------------------------------------- */

/*
 * RFC 9162 2.1.3.2: does proof[0..len) prove that leaf is leaf number index
 * of the tree of size leaves whose root is root?
 * Returns 0 (proven), MGW_E_INVALID (not proven: index >= size, wrong
 * length, wrong hashes), or MGW_E_NOMEM.
 */
int merkle_verify_inclusion(const uint8_t leaf[MERKLE_HASH_LEN], uint64_t index, uint64_t size,
			    const uint8_t (*proof)[MERKLE_HASH_LEN], size_t len,
			    const uint8_t root[MERKLE_HASH_LEN]);

/*
 * RFC 9162 2.1.4.2: does proof[0..len) prove that the tree of n leaves with
 * root root_n extends the tree of m leaves with root root_m?
 * Cases the RFC leaves to the caller (it specifies 0 < m < n):
 * m == n is proven by an empty proof when root_m == root_n; m == 0 is proven
 * by an empty proof when root_m is SHA-256(""). m > n is never proven.
 * Returns 0 (proven), MGW_E_INVALID (not proven), or MGW_E_NOMEM.
 */
int merkle_verify_consistency(uint64_t m, uint64_t n, const uint8_t (*proof)[MERKLE_HASH_LEN],
			      size_t len, const uint8_t root_m[MERKLE_HASH_LEN],
			      const uint8_t root_n[MERKLE_HASH_LEN]);

#endif

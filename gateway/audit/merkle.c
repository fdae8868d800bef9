/*
 * merkle.c: RFC 6962 / RFC 9162 Merkle trees. See merkle.h for the contract.
 *
 * Cost of the proof functions: without a node source every subtree hash is
 * recomputed from leaf hashes (subtree_hash below), so merkle_root and both
 * proof generators read every leaf of [0, size) once: O(n). With a node
 * source (the *_nodes forms) each perfect subtree is one read: O(log n)
 * reads and hashes.
 */
#include "merkle.h"

#include <pthread.h>
#include <string.h>
#include <openssl/evp.h>

#include "mgw_err.h"

static const uint8_t EMPTY_ROOT[MERKLE_HASH_LEN] = {
	0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
	0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
};

/*
 * One explicitly fetched SHA-256 implementation for the process: EVP_sha256()
 * would make OpenSSL 3 look the provider up again on every digest, which is
 * most of the cost of hashing a 65-byte node.
 */
static EVP_MD *sha256_md;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;

static void sha256_fetch(void)
{
	sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);
}

static const EVP_MD *sha256(void)
{
	pthread_once(&sha256_once, sha256_fetch);
	return sha256_md != NULL ? sha256_md : EVP_sha256();
}

/* SHA-256(prefix || a[0..alen) || b[0..blen)). */
static int hash3(uint8_t prefix, const uint8_t *a, size_t alen, const uint8_t *b, size_t blen,
		 uint8_t out[MERKLE_HASH_LEN])
{
	int rc = MGW_E_NOMEM;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (ctx == NULL)
		goto fail;
	if (EVP_DigestInit_ex(ctx, sha256(), NULL) != 1 ||
	    EVP_DigestUpdate(ctx, &prefix, 1) != 1 ||
	    (alen > 0 && EVP_DigestUpdate(ctx, a, alen) != 1) ||
	    (blen > 0 && EVP_DigestUpdate(ctx, b, blen) != 1) ||
	    EVP_DigestFinal_ex(ctx, out, NULL) != 1)
		goto fail;
	rc = MGW_OK;
fail:
	EVP_MD_CTX_free(ctx);
	return rc;
}

int merkle_leaf_hash(const uint8_t *data, size_t len, uint8_t out[MERKLE_HASH_LEN])
{
	return hash3(0x00, data, len, NULL, 0, out);
}

int merkle_node_hash(const uint8_t left[MERKLE_HASH_LEN], const uint8_t right[MERKLE_HASH_LEN],
		     uint8_t out[MERKLE_HASH_LEN])
{
	/* Copy first: out may alias left or right. */
	uint8_t buf[2 * MERKLE_HASH_LEN];
	memcpy(buf, left, MERKLE_HASH_LEN);
	memcpy(buf + MERKLE_HASH_LEN, right, MERKLE_HASH_LEN);
	return hash3(0x01, buf, sizeof buf, NULL, 0, out);
}

void merkle_empty_root(uint8_t out[MERKLE_HASH_LEN])
{
	memcpy(out, EMPTY_ROOT, MERKLE_HASH_LEN);
}

/* ---- compact range -------------------------------------------------------- */

void merkle_range_init(struct merkle_range *r)
{
	memset(r, 0, sizeof *r);
}

int merkle_range_append(struct merkle_range *r, const uint8_t leaf[MERKLE_HASH_LEN])
{
	if (r->size == UINT64_MAX)
		return MGW_E_TOO_LARGE;
	/*
	 * Each trailing 1 bit of size is a perfect subtree of the same height as
	 * the running hash: merge it in, as in binary increment. Work on a copy
	 * of the stack top so a hashing failure leaves r unchanged.
	 */
	uint8_t h[MERKLE_HASH_LEN];
	memcpy(h, leaf, MERKLE_HASH_LEN);
	unsigned n = r->n;
	for (uint64_t s = r->size; s & 1; s >>= 1) {
		int rc = merkle_node_hash(r->nodes[n - 1], h, h);
		if (rc != MGW_OK)
			return rc;
		n--;
	}
	memcpy(r->nodes[n], h, MERKLE_HASH_LEN);
	r->n = n + 1;
	r->size++;
	return MGW_OK;
}

int merkle_range_root(const struct merkle_range *r, uint8_t out[MERKLE_HASH_LEN])
{
	if (r->n == 0) {
		merkle_empty_root(out);
		return MGW_OK;
	}
	/* MTH splits at the largest power of two: fold the subtrees right to left. */
	uint8_t h[MERKLE_HASH_LEN];
	memcpy(h, r->nodes[r->n - 1], MERKLE_HASH_LEN);
	for (unsigned i = r->n - 1; i-- > 0;) {
		int rc = merkle_node_hash(r->nodes[i], h, h);
		if (rc != MGW_OK)
			return rc;
	}
	memcpy(out, h, MERKLE_HASH_LEN);
	return MGW_OK;
}

/* ---- proofs from a leaf source --------------------------------------------- */

struct src {
	merkle_get_leaf_fn get_leaf;
	merkle_get_node_fn get_node; /* may be NULL */
	void *ctx;
};

/* Largest power of two strictly less than n (n >= 2). */
static uint64_t split_point(uint64_t n)
{
	return (uint64_t)1 << (63 - __builtin_clzll(n - 1));
}

/* MTH(D[start : start + n]), n >= 1. */
static int subtree_hash(const struct src *s, uint64_t start, uint64_t n, uint8_t out[MERKLE_HASH_LEN])
{
	if (n == 1)
		return s->get_leaf(s->ctx, start, out);
	/*
	 * When n is a power of two and start a multiple of n, [start, start + n)
	 * is a perfect subtree whose hash never changes once its last leaf
	 * exists: a node source answers it in one read, which makes every proof
	 * O(log n) reads instead of O(n). Non-perfect subtrees (the right border)
	 * split into O(log n) perfect ones, so they need nothing stored.
	 */
	if (s->get_node && (n & (n - 1)) == 0 && start % n == 0) {
		unsigned level = (unsigned)__builtin_ctzll(n);
		int rc = s->get_node(s->ctx, level, start >> level, out);
		if (rc != MGW_E_NOTFOUND)
			return rc;
	}
	uint64_t k = split_point(n);
	uint8_t left[MERKLE_HASH_LEN], right[MERKLE_HASH_LEN];
	int rc = subtree_hash(s, start, k, left);
	if (rc == MGW_OK)
		rc = subtree_hash(s, start + k, n - k, right);
	if (rc == MGW_OK)
		rc = merkle_node_hash(left, right, out);
	return rc;
}

int merkle_root(merkle_get_leaf_fn get_leaf, void *ctx, uint64_t n, uint8_t out[MERKLE_HASH_LEN])
{
	if (n == 0) {
		merkle_empty_root(out);
		return MGW_OK;
	}
	struct src s = {get_leaf, NULL, ctx};
	return subtree_hash(&s, 0, n, out);
}

struct proof_buf {
	uint8_t (*h)[MERKLE_HASH_LEN];
	size_t len;
};

static int proof_push(const struct src *s, struct proof_buf *p, uint64_t start, uint64_t n)
{
	if (p->len >= MERKLE_PROOF_MAX) /* cannot happen for sizes < 2^64; belt and braces */
		return MGW_E_INVALID;
	int rc = subtree_hash(s, start, n, p->h[p->len]);
	if (rc == MGW_OK)
		p->len++;
	return rc;
}

/* RFC 6962 2.1.1 PATH(m, D[start : start + n]), appended bottom-up. */
static int path(const struct src *s, struct proof_buf *p, uint64_t m, uint64_t start, uint64_t n)
{
	if (n <= 1)
		return MGW_OK;
	uint64_t k = split_point(n);
	int rc;
	if (m < k) {
		rc = path(s, p, m, start, k);
		if (rc == MGW_OK)
			rc = proof_push(s, p, start + k, n - k);
	} else {
		rc = path(s, p, m - k, start + k, n - k);
		if (rc == MGW_OK)
			rc = proof_push(s, p, start, k);
	}
	return rc;
}

/* RFC 6962 2.1.2 SUBPROOF(m, D[start : start + n], b). */
static int subproof(const struct src *s, struct proof_buf *p, uint64_t m, uint64_t start,
		    uint64_t n, int b)
{
	if (m == n)
		return b ? MGW_OK : proof_push(s, p, start, n);
	uint64_t k = split_point(n);
	int rc;
	if (m <= k) {
		rc = subproof(s, p, m, start, k, b);
		if (rc == MGW_OK)
			rc = proof_push(s, p, start + k, n - k);
	} else {
		rc = subproof(s, p, m - k, start + k, n - k, 0);
		if (rc == MGW_OK)
			rc = proof_push(s, p, start, k);
	}
	return rc;
}

int merkle_inclusion_proof(merkle_get_leaf_fn get_leaf, void *ctx, uint64_t index, uint64_t size,
			   uint8_t proof[MERKLE_PROOF_MAX][MERKLE_HASH_LEN], size_t *len)
{
	return merkle_inclusion_proof_nodes(get_leaf, NULL, ctx, index, size, proof, len);
}

int merkle_inclusion_proof_nodes(merkle_get_leaf_fn get_leaf, merkle_get_node_fn get_node,
				 void *ctx, uint64_t index, uint64_t size,
				 uint8_t proof[MERKLE_PROOF_MAX][MERKLE_HASH_LEN], size_t *len)
{
	*len = 0;
	if (index >= size)
		return MGW_E_INVALID;
	struct src s = {get_leaf, get_node, ctx};
	struct proof_buf p = {proof, 0};
	int rc = path(&s, &p, index, 0, size);
	if (rc == MGW_OK)
		*len = p.len;
	return rc;
}

int merkle_consistency_proof(merkle_get_leaf_fn get_leaf, void *ctx, uint64_t m, uint64_t n,
			     uint8_t proof[MERKLE_PROOF_MAX][MERKLE_HASH_LEN], size_t *len)
{
	return merkle_consistency_proof_nodes(get_leaf, NULL, ctx, m, n, proof, len);
}

int merkle_consistency_proof_nodes(merkle_get_leaf_fn get_leaf, merkle_get_node_fn get_node,
				   void *ctx, uint64_t m, uint64_t n,
				   uint8_t proof[MERKLE_PROOF_MAX][MERKLE_HASH_LEN], size_t *len)
{
	*len = 0;
	if (m > n)
		return MGW_E_INVALID;
	if (m == 0 || m == n)
		return MGW_OK;
	struct src s = {get_leaf, get_node, ctx};
	struct proof_buf p = {proof, 0};
	int rc = subproof(&s, &p, m, 0, n, 1);
	if (rc == MGW_OK)
		*len = p.len;
	return rc;
}

/* ---- verifiers -------------------------------------------------------------- */

/* "Right-shift both fn and sn equally until either LSB(fn) is set or fn is 0." */
static void shift_to_set_bit(uint64_t *fn, uint64_t *sn)
{
	while (*fn != 0 && (*fn & 1) == 0) {
		*fn >>= 1;
		*sn >>= 1;
	}
}

int merkle_verify_inclusion(const uint8_t leaf[MERKLE_HASH_LEN], uint64_t index, uint64_t size,
			    const uint8_t (*proof)[MERKLE_HASH_LEN], size_t len,
			    const uint8_t root[MERKLE_HASH_LEN])
{
	/* Step 1. */
	if (index >= size || len > MERKLE_PROOF_MAX)
		return MGW_E_INVALID;
	/* Steps 2 and 3. */
	uint64_t fn = index, sn = size - 1;
	uint8_t r[MERKLE_HASH_LEN];
	memcpy(r, leaf, MERKLE_HASH_LEN);
	/* Step 4. */
	for (size_t i = 0; i < len; i++) {
		int rc;
		if (sn == 0) /* 4a */
			return MGW_E_INVALID;
		if ((fn & 1) || fn == sn) { /* 4b */
			rc = merkle_node_hash(proof[i], r, r);
			if ((fn & 1) == 0)
				shift_to_set_bit(&fn, &sn);
		} else {
			rc = merkle_node_hash(r, proof[i], r);
		}
		if (rc != MGW_OK)
			return rc;
		fn >>= 1; /* 4c */
		sn >>= 1;
	}
	/* Step 5. */
	return (sn == 0 && memcmp(r, root, MERKLE_HASH_LEN) == 0) ? MGW_OK : MGW_E_INVALID;
}

int merkle_verify_consistency(uint64_t m, uint64_t n, const uint8_t (*proof)[MERKLE_HASH_LEN],
			      size_t len, const uint8_t root_m[MERKLE_HASH_LEN],
			      const uint8_t root_n[MERKLE_HASH_LEN])
{
	if (m > n || len > MERKLE_PROOF_MAX)
		return MGW_E_INVALID;
	if (m == n)
		return (len == 0 && memcmp(root_m, root_n, MERKLE_HASH_LEN) == 0) ? MGW_OK
										    : MGW_E_INVALID;
	if (m == 0)
		return (len == 0 && memcmp(root_m, EMPTY_ROOT, MERKLE_HASH_LEN) == 0) ? MGW_OK
										      : MGW_E_INVALID;
	/* Now 0 < m < n, the case RFC 9162 2.1.4.2 specifies. Step 1. */
	if (len == 0)
		return MGW_E_INVALID;
	/*
	 * Step 2: if m is an exact power of two, root_m is prepended to the
	 * path. path(i) reads the path as if that had been done.
	 */
	int prepend = (m & (m - 1)) == 0;
	size_t plen = len + (prepend ? 1 : 0);
#define PATH(i) (prepend ? ((i) == 0 ? root_m : proof[(i) - 1]) : proof[(i)])
	/* Steps 3 and 4. */
	uint64_t fn = m - 1, sn = n - 1;
	while (fn & 1) {
		fn >>= 1;
		sn >>= 1;
	}
	/* Step 5. */
	uint8_t fr[MERKLE_HASH_LEN], sr[MERKLE_HASH_LEN];
	memcpy(fr, PATH(0), MERKLE_HASH_LEN);
	memcpy(sr, PATH(0), MERKLE_HASH_LEN);
	/* Step 6. */
	for (size_t i = 1; i < plen; i++) {
		const uint8_t *c = PATH(i);
		int rc;
		if (sn == 0) /* 6a */
			return MGW_E_INVALID;
		if ((fn & 1) || fn == sn) { /* 6b */
			rc = merkle_node_hash(c, fr, fr);
			if (rc == MGW_OK)
				rc = merkle_node_hash(c, sr, sr);
			if ((fn & 1) == 0)
				shift_to_set_bit(&fn, &sn);
		} else {
			rc = merkle_node_hash(sr, c, sr);
		}
		if (rc != MGW_OK)
			return rc;
		fn >>= 1; /* 6c */
		sn >>= 1;
	}
#undef PATH
	/* Step 7. */
	return (memcmp(fr, root_m, MERKLE_HASH_LEN) == 0 &&
		memcmp(sr, root_n, MERKLE_HASH_LEN) == 0 && sn == 0)
		       ? MGW_OK
		       : MGW_E_INVALID;
}

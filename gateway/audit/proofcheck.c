/* proofcheck.c: see proofcheck.h. */
#include "proofcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "merkle.h"
#include "mgw_err.h"

static int say(char *why, size_t n, int rc, const char *text)
{
	if (n > 0)
		snprintf(why, n, "%s", text);
	return rc;
}

/* Copy the answer's hashes into a fixed buffer, checking count and lengths. */
static int copy_hashes(const Marac__V1__Proof *p, uint8_t (*hs)[MERKLE_HASH_LEN], char *why,
		       size_t n)
{
	if (p->n_hashes > MERKLE_PROOF_MAX)
		return say(why, n, MGW_E_MALFORMED, "the proof has more hashes than any tree needs");
	if (p->n_hashes > 0 && p->hashes == NULL)
		return say(why, n, MGW_E_MALFORMED, "the proof's hash list is missing");
	for (size_t i = 0; i < p->n_hashes; i++) {
		if (p->hashes[i].len != MERKLE_HASH_LEN || p->hashes[i].data == NULL)
			return say(why, n, MGW_E_MALFORMED, "a proof hash is not 32 bytes");
		memcpy(hs[i], p->hashes[i].data, MERKLE_HASH_LEN);
	}
	return MGW_OK;
}

int audit_inclusion_check(const Marac__V1__Proof *p, uint64_t seq, uint64_t size,
			  const uint8_t root[32], char *why, size_t whylen)
{
	uint8_t hs[MERKLE_PROOF_MAX][MERKLE_HASH_LEN], leaf[MERKLE_HASH_LEN];
	if (p == NULL || p->record == NULL)
		return say(why, whylen, MGW_E_MALFORMED, "the answer holds no record");
	if (p->seq != seq || p->record->seq != seq)
		return say(why, whylen, MGW_E_MALFORMED, "the answer is about another record");
	if (p->tree_size != size)
		return say(why, whylen, MGW_E_MALFORMED, "the answer is for another tree size");
	int rc = copy_hashes(p, hs, why, whylen);
	if (rc != MGW_OK)
		return rc;
	uint8_t *b = NULL;
	size_t n = 0;
	if (codec_pack(&p->record->base, &b, &n) != MGW_OK)
		return say(why, whylen, MGW_E_NOMEM, "out of memory");
	rc = merkle_leaf_hash(b, n, leaf);
	free(b);
	if (rc != MGW_OK)
		return say(why, whylen, rc, "out of memory");
	if (p->leaf_hash.len != 0 &&
	    (p->leaf_hash.len != MERKLE_HASH_LEN || p->leaf_hash.data == NULL ||
	     memcmp(p->leaf_hash.data, leaf, MERKLE_HASH_LEN) != 0))
		return say(why, whylen, MGW_E_MALFORMED,
			   "the answer's leaf hash is not the hash of its record");
	rc = merkle_verify_inclusion(leaf, seq, size, (const uint8_t(*)[MERKLE_HASH_LEN])hs,
				     p->n_hashes, root);
	if (rc == MGW_E_INVALID)
		return say(why, whylen, rc, "the proof does not lead to the signed root");
	return say(why, whylen, rc, rc == MGW_OK ? "proven" : "out of memory");
}

int audit_consistency_check(const Marac__V1__Proof *p, uint64_t old_size, uint64_t new_size,
			    const uint8_t old_root[32], const uint8_t new_root[32], char *why,
			    size_t whylen)
{
	uint8_t hs[MERKLE_PROOF_MAX][MERKLE_HASH_LEN];
	if (p == NULL)
		return say(why, whylen, MGW_E_MALFORMED, "no answer");
	if (p->old_size != old_size || p->tree_size != new_size)
		return say(why, whylen, MGW_E_MALFORMED, "the answer is for other tree sizes");
	int rc = copy_hashes(p, hs, why, whylen);
	if (rc != MGW_OK)
		return rc;
	rc = merkle_verify_consistency(old_size, new_size, (const uint8_t(*)[MERKLE_HASH_LEN])hs,
				       p->n_hashes, old_root, new_root);
	if (rc == MGW_E_INVALID)
		return say(why, whylen, rc, "the trees are not consistent: the log was rewritten");
	return say(why, whylen, rc, rc == MGW_OK ? "proven" : "out of memory");
}

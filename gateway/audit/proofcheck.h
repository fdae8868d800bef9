/*
 * proofcheck.h: checking a gateway's proof answers without trusting the
 * gateway.
 *
 * An auditor's tool audits the party that answers it: a gateway that was
 * altered (or an impostor holding its certificate) may send any bytes that
 * decode as a Proof. These functions look at every pointer, length and
 * count before use, never allocate from a count the answer chose, and
 * recompute the leaf hash from the record itself (the answer's leaf_hash,
 * if any, must agree with it): the only inputs trusted are the caller's
 * own (seq, size, and a root taken from a checkpoint whose signature the
 * caller verified).
 */
#ifndef MARAC_PROOFCHECK_H
#define MARAC_PROOFCHECK_H

#include <stddef.h>
#include <stdint.h>

#include "marac/v1/audit.pb-c.h"

/*
 * Does p prove that p->record is record seq of the tree of size leaves
 * whose root is root? why (if whylen > 0) gets one line saying what is
 * wrong or "proven".
 * Returns 0 (proven), MGW_E_MALFORMED (the answer is not a well-formed
 * inclusion proof for this question: missing record, other seq or size,
 * too many hashes, a hash not 32 bytes, a leaf_hash that is not the
 * record's), MGW_E_INVALID (well-formed, but does not prove inclusion in
 * root), or MGW_E_NOMEM.
 */
int audit_inclusion_check(const Marac__V1__Proof *p, uint64_t seq, uint64_t size,
			  const uint8_t root[32], char *why, size_t whylen);

/*
 * Does p prove that the tree of new_size leaves with root new_root extends
 * the tree of old_size with root old_root? Same checks and returns.
 */
int audit_consistency_check(const Marac__V1__Proof *p, uint64_t old_size, uint64_t new_size,
			    const uint8_t old_root[32], const uint8_t new_root[32], char *why,
			    size_t whylen);

#endif

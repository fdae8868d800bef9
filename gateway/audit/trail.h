/*
 * trail.h: opening the gateway's audit trail at start-up, safely and in
 * O(log n + records since the last checkpoint).
 *
 * Three files in state_dir belong to the trail, beside gateway.db:
 *
 *   audit.key         the Ed25519 signer key (checkpoint.h), 0600
 *   audit.vkey        its verifier key, one line, 0644, for auditors
 *   audit.checkpoint  the latest signed checkpoint (a C2SP signed note),
 *                     0644, replaced atomically (fsutil.h) after every
 *                     checkpoint is committed to the store
 *
 * Why a checkpoint outside the database: the store alone cannot show that
 * it was cut back to an earlier checkpoint, or that records were edited
 * and the checkpoints deleted. The file is the gateway's own memory of the
 * largest tree it signed; a store below it, or whose tree does not give
 * its root, is refused. (Delete both and a trail can be cut back unseen:
 * only a witness, or an auditor holding an earlier checkpoint, catches
 * that. An auditor's consistency proof does.)
 *
 * Why never a silent new key: a new key makes every later checkpoint
 * unverifiable with the key auditors hold, and hides whatever was done
 * while the old key was absent. audit_key_open refuses, unless the
 * operator asks for a new key explicitly.
 *
 * What start-up checks (audit_trail_open), and what it does not:
 *  - every checkpoint it uses (the file's, the store's latest) verifies
 *    with the vkey and names the configured origin;
 *  - the store holds at least as many records as the largest of them;
 *  - the stored tree at each checkpoint's size gives its signed root
 *    (O(log n): the compact range from the stored interior nodes);
 *  - every record after the largest checkpoint is re-hashed from its bytes
 *    and must match its stored leaf, and the tree they extend must match
 *    the stored nodes (O(records since that checkpoint)).
 *  Above MGW_AUDIT_START_REHASH_MAX records, records covered by a
 *  checkpoint are not re-hashed (that was O(n): 13 s per million records,
 *  systemd's start timeout at about 6.6 million). An edit of such a
 *  record, even with its leaf hash, is never signed into a new tree (new
 *  checkpoints extend the stored nodes, which the signed roots vouch for),
 *  and any auditor catches it (export verification, or an inclusion proof
 *  whose record does not hash to its leaf). To catch it at the gateway
 *  too, run audit_trail_open(read-only handle, ..., AUDIT_TRAIL_FULL) in a
 *  background thread after start and stop signing if it fails. At or
 *  below that size, and with AUDIT_TRAIL_FULL, every record is re-hashed
 *  and every checkpoint's root recomputed from the bytes.
 */
#ifndef MARAC_TRAIL_H
#define MARAC_TRAIL_H

#include <stddef.h>
#include <stdint.h>

#include "checkpoint.h"
#include "merkle.h"
#include "store.h"

/*
 * Load dir/audit.key, creating it (with dir/audit.vkey) on first start.
 * origin names a new key. trail_size: records already in the store
 * (store_audit_size). On success *key (checkpoint_key_free) and *vkey
 * (malloc'd verifier key string) are set.
 * Refused (MGW_E_INVALID, err says what to do) without allow_new_key:
 *  - audit.key is missing but a trail exists: audit.vkey, audit.checkpoint
 *    or trail_size > 0 (the key was lost or deleted: restore it from
 *    backup);
 *  - audit.key does not match audit.vkey.
 * With allow_new_key (an explicit operator flag) a new key is made or the
 * loaded one accepted, and the old audit.vkey is kept as
 * audit.vkey.replaced-<unix ms> for auditors of the older checkpoints.
 * Returns 0, MGW_E_INVALID, MGW_E_IO, MGW_E_MALFORMED (audit.key is not a
 * key), MGW_E_NOMEM; on failure *key and *vkey are NULL.
 */
int audit_key_open(const char *dir, const char *origin, uint64_t trail_size, int allow_new_key,
		   checkpoint_key **key, char **vkey, char *err, size_t errlen);

/*
 * Write note (a signed checkpoint, NUL-terminated) to dir/audit.checkpoint
 * atomically (write_file_atomic). Call after the transaction holding the
 * checkpoint committed. Returns 0, MGW_E_INVALID (path too long), MGW_E_IO.
 */
int audit_checkpoint_save(const char *dir, const char *note);

/* Flags for audit_trail_open. */
#define AUDIT_TRAIL_FULL         0x1u /* re-hash every record, not only the new ones */
#define AUDIT_TRAIL_KEY_REPLACED 0x2u /* the key was replaced (allow_new_key): accept
				       * checkpoints signed by another key, unverified,
				       * for their size and root only */

/* A signed tree size and its root. */
struct audit_signed {
	uint64_t size;
	uint8_t root[32];
	int have;
};

/*
 * What start-up trusted through the stored nodes without re-hashing:
 * records [0, to), to be re-hashed later against the signed roots (the
 * file's and the store's checkpoints) with audit_trail_rehash, starting
 * from an empty range. to is 0 when every record was re-hashed.
 */
struct audit_trail_later {
	uint64_t to;
	struct audit_signed roots[2];
	/* audit.checkpoint was missing while the store held a signed checkpoint:
	 * the file was written again from the store's, but whoever deleted it
	 * could have rolled the store back with it, which nothing here can see.
	 * The gateway starts (refusing would loop after a crash between the
	 * first checkpoint's commit and the file's first write) and says so on
	 * the trail and in the log. */
	int file_missing;
};

/*
 * Check the trail in st (read-write or read-only handle) against dir's
 * audit.checkpoint and the store's latest checkpoint, as described above.
 * origin: audit.origin from the config (a checkpoint of another origin is
 * refused: changing it needs a new trail). If audit.checkpoint is missing
 * and the store has a verified checkpoint (first start after an upgrade),
 * the file is written from it.
 * On success *range is the compact range of every stored record (to extend
 * as records are added), *cp_size the size of the latest checkpoint
 * (0 if none) and, if later is not NULL, *later what is left to re-hash.
 * Returns 0, or MGW_E_INVALID with err naming what does not match (refuse
 * to start), MGW_E_DB, MGW_E_IO, MGW_E_NOMEM.
 */
int audit_trail_open(store *st, const char *dir, const char *vkey, const char *origin,
		     unsigned flags, struct merkle_range *range, uint64_t *cp_size,
		     struct audit_trail_later *later, char *err, size_t errlen);

/*
 * Re-hash records [r->size, to) of st into r: each leaf recomputed from the
 * record's bytes (a stored hash proves nothing) must equal the stored leaf,
 * and whenever r reaches the size of one of roots[0..n_roots), its root
 * must be the signed root. For start-up (audit_trail_open) and for the
 * records it left to re-hash later, a chunk at a time (r keeps the place).
 * Returns 0, MGW_E_INVALID with err saying what does not match (the store
 * was altered), MGW_E_NOMEM.
 */
int audit_trail_rehash(store *st, struct merkle_range *r, uint64_t to,
		       const struct audit_signed *roots, size_t n_roots, char *err, size_t errlen);

#endif

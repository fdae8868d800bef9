/*
 * audit_tree.c: the writer thread's side of the tamper-evident trail.
 *
 * Every audit record is a leaf (RFC 6962: SHA-256(0x00 || record bytes),
 * stored beside the record by store_audit_append). The writer keeps the
 * compact range of all committed leaves and, every audit.checkpoint_every
 * records or audit.checkpoint_secs seconds (values of the batch's epoch),
 * signs a C2SP checkpoint (origin, size N, root) with the gateway's Ed25519
 * key and stores it with a CHECKPOINT_SIGNED record, then signs and stores
 * a second checkpoint at N+1 (no record), which covers that record. So an
 * idle trail is fully covered, and a checkpoint is signed only when records
 * other than checkpoints were added: an idle gateway adds nothing.
 *
 * Never two inconsistent trees: at start the range is rebuilt from the
 * stored leaves and must reproduce the root of the latest stored checkpoint
 * at its size; if it does not (records altered, deleted or reordered in the
 * store), the gateway refuses to start instead of signing a tree that does
 * not extend the one it signed before. After that every checkpoint is of
 * the same append-only range.
 *
 * The key lives in state_dir/audit.key (0600, created on first start);
 * state_dir/audit.vkey holds its public verifier key for auditors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checkpoint.h"
#include "gw.h"
#include "log.h"
#include "merkle.h"
#include "mgw_err.h"

static int write_vkey(const char *dir, const char *vkey)
{
	char path[4200], line[600];
	snprintf(path, sizeof path, "%s/audit.vkey", dir);
	int n = snprintf(line, sizeof line, "%s\n", vkey);
	if (n < 0 || (size_t)n >= sizeof line)
		return MGW_E_INVALID;
	return gw_write_file_atomic(path, line, (size_t)n, 0644);
}

int audit_tree_open(struct gw *g, store *st, char *err, size_t errlen)
{
	struct audit_tree *a = &g->audit;
	char path[4200];
	snprintf(path, sizeof path, "%s/audit.key", g->state_dir);
	if (access(path, F_OK) != 0) {
		int rc = checkpoint_key_generate(path, g->audit_origin);
		if (rc != MGW_OK) {
			snprintf(err, errlen, "%s: cannot create the audit signing key (%s)", path,
				 mgw_strerror(rc));
			return rc;
		}
		log_event(LOG_INFO, "audit_key_created", "path", path, NULL);
	}
	int rc = checkpoint_key_load(path, &a->key);
	if (rc != MGW_OK) {
		snprintf(err, errlen, "%s: cannot load the audit signing key (%s; mode must be 0600)",
			 path, mgw_strerror(rc));
		return rc;
	}
	if ((rc = checkpoint_key_vkey(a->key, &a->vkey)) != MGW_OK ||
	    (rc = write_vkey(g->state_dir, a->vkey)) != MGW_OK) {
		snprintf(err, errlen, "%s: cannot write audit.vkey", g->state_dir);
		return rc;
	}

	/* Rebuild the tree; check it against the last checkpoint we signed. */
	uint64_t cp_size = 0;
	char *note = NULL;
	uint8_t cp_root[32];
	rc = store_checkpoint_latest(st, &cp_size, &note);
	if (rc == MGW_OK) {
		rc = checkpoint_parse_verify(note, strlen(note), a->vkey, NULL, &cp_size, cp_root);
		free(note);
		if (rc != MGW_OK) {
			snprintf(err, errlen, "the latest stored checkpoint does not verify with "
					      "state_dir/audit.key (%s)", mgw_strerror(rc));
			return MGW_E_INVALID;
		}
	} else if (rc != MGW_E_NOTFOUND) {
		snprintf(err, errlen, "cannot read checkpoints from the store");
		return rc;
	}
	merkle_range_init(&a->range);
	uint64_t n = store_audit_size(st);
	for (uint64_t i = 0; i < n; i++) {
		/* The leaf is recomputed from the record bytes: a stored hash proves nothing. */
		uint8_t leaf[32], stored[32], *rec = NULL;
		size_t len = 0;
		if (store_audit_get(st, i, &rec, &len) != MGW_OK ||
		    store_audit_leaf(st, i, stored) != MGW_OK) {
			free(rec);
			snprintf(err, errlen, "audit record %llu is missing from the store",
				 (unsigned long long)i);
			return MGW_E_INVALID;
		}
		rc = merkle_leaf_hash(rec, len, leaf);
		free(rec);
		if (rc != MGW_OK || memcmp(leaf, stored, 32) != 0) {
			snprintf(err, errlen, "audit record %llu does not match its leaf hash: the "
					      "store was altered; refusing to start", (unsigned long long)i);
			return MGW_E_INVALID;
		}
		if (merkle_range_append(&a->range, leaf) != MGW_OK)
			return MGW_E_NOMEM;
		if (a->range.size == cp_size) {
			uint8_t root[32];
			merkle_range_root(&a->range, root);
			if (memcmp(root, cp_root, 32) != 0) {
				snprintf(err, errlen, "the audit records in the store do not match the "
						      "checkpoint signed at size %llu: refusing to start",
					 (unsigned long long)cp_size);
				return MGW_E_INVALID;
			}
		}
	}
	if (cp_size > n) {
		snprintf(err, errlen, "the store holds %llu audit records but a checkpoint was "
				      "signed at size %llu: records were lost; refusing to start",
			 (unsigned long long)n, (unsigned long long)cp_size);
		return MGW_E_INVALID;
	}
	a->cp_size = cp_size;
	a->cp_time_ms = store_now_ms();
	char sz[24];
	snprintf(sz, sizeof sz, "%llu", (unsigned long long)n);
	log_event(LOG_INFO, "audit_tree_loaded", "size", sz, "vkey", a->vkey, NULL);
	return MGW_OK;
}

void audit_tree_close(struct gw *g)
{
	checkpoint_key_free(g->audit.key);
	g->audit.key = NULL;
	free(g->audit.vkey);
	g->audit.vkey = NULL;
}

/* Extend the range with records committed since the last call. */
static int catch_up(struct audit_tree *a, store *st)
{
	uint64_t n = store_audit_size(st);
	while (a->range.size < n) {
		uint8_t leaf[32];
		int rc = store_audit_leaf(st, a->range.size, leaf);
		if (rc == MGW_OK)
			rc = merkle_range_append(&a->range, leaf);
		if (rc != MGW_OK)
			return rc;
	}
	return MGW_OK;
}

/* Sign the current range and store the note (inside the caller's transaction). */
static int sign_and_put(struct gw *g, store *st, uint64_t size, uint8_t root[32])
{
	char *note = NULL;
	int rc = merkle_range_root(&g->audit.range, root);
	if (rc == MGW_OK)
		rc = checkpoint_sign(g->audit.key, g->audit_origin, size, root, &note);
	if (rc == MGW_OK)
		rc = store_checkpoint_put(st, size, note);
	free(note);
	return rc;
}

static int sign_checkpoint(struct gw *g, store *st)
{
	struct audit_tree *a = &g->audit;
	uint8_t root[32];
	uint64_t size = a->range.size;
	int rc = store_begin(st);
	if (rc != MGW_OK)
		return rc;
	struct clist none = {0};
	struct wctx w = {.g = g, .st = st, .answers = &none, .e = NULL};
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CHECKPOINT_SIGNED,
		.tree_size = size,
		.root_hash = root,
	};
	uint8_t leaf[32];
	rc = sign_and_put(g, st, size, root);
	if (rc == MGW_OK)
		rc = audit_emit(g, &w, &f, NULL);
	/* The record's own leaf, then the covering checkpoint at size + 1. */
	if (rc == MGW_OK)
		rc = store_audit_leaf(st, size, leaf);
	if (rc == MGW_OK)
		rc = merkle_range_append(&a->range, leaf);
	if (rc == MGW_OK)
		rc = sign_and_put(g, st, size + 1, root);
	if (rc == MGW_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
	if (rc != MGW_OK) {
		/* The range may hold the uncommitted leaf: rebuild from the store. */
		merkle_range_init(&a->range);
		return catch_up(a, st) == MGW_OK ? rc : MGW_E_DB;
	}
	a->cp_size = size + 1;
	a->cp_time_ms = store_now_ms();
	char sz[24];
	snprintf(sz, sizeof sz, "%llu", (unsigned long long)a->cp_size);
	log_event(LOG_DEBUG, "checkpoint_signed", "size", sz, NULL);
	return catch_up(a, st);
}

int audit_tree_after_commit(struct gw *g, store *st, const struct epoch *e, int force)
{
	struct audit_tree *a = &g->audit;
	if (a->key == NULL)
		return MGW_OK;
	int rc = catch_up(a, st);
	if (rc != MGW_OK)
		return rc;
	uint64_t pending = a->range.size - a->cp_size;
	if (pending == 0)
		return MGW_OK;
	unsigned every = e ? e->cfg->checkpoint_every : MGW_CHECKPOINT_EVERY_DEFAULT;
	unsigned secs = e ? e->cfg->checkpoint_secs : MGW_CHECKPOINT_SECS_DEFAULT;
	int due = force || pending >= every ||
		  store_now_ms() - a->cp_time_ms >= (int64_t)secs * 1000;
	return due ? sign_checkpoint(g, st) : MGW_OK;
}

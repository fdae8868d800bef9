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
 * Start-up (audit_trail_open, trail.h) checks the store against the latest
 * signed checkpoint, in the store and the copy kept outside it
 * (state_dir/audit.checkpoint), from the stored interior tree nodes plus
 * the records added since, each re-hashed; a small trail is re-hashed
 * whole. A mismatch (records altered, deleted or reordered, the trail cut
 * back) refuses the start. What start-up trusted through the stored nodes
 * is re-hashed here in the background, a chunk per commit or idle second,
 * so every record is still checked: a mismatch stops the gateway (exit
 * status 3) and nothing more is signed. Checkpoints signed meanwhile
 * extend the stored nodes, i.e. the tree as it was signed, never a tree
 * made from altered records.
 *
 * The key (audit_key_open, trail.h) lives in state_dir/audit.key (0600,
 * created on first start and never replaced without --new-audit-key);
 * state_dir/audit.vkey holds its public verifier key for auditors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkpoint.h"
#include "gw.h"
#include "log.h"
#include "merkle.h"
#include "mgw_err.h"

/* SQLite's structural check of the store file, at start-up only
 * (store_integrity_check). */
static int integrity_ok(store *st, char *err, size_t errlen)
{
	char why[300];
	if (store_integrity_check(st, why, sizeof why) == MGW_OK)
		return 1;
	snprintf(err, errlen, "%s: refusing to start", why);
	return 0;
}

int audit_tree_open(struct gw *g, store *st, char *err, size_t errlen)
{
	struct audit_tree *a = &g->audit;
	char why[900];
	int rc = MGW_E_INVALID;
	if (!integrity_ok(st, err, errlen))
		return rc;
	uint64_t n = store_audit_size(st);
	rc = audit_key_open(g->state_dir, g->audit_origin, n, g->new_audit_key, &a->key, &a->vkey,
			    why, sizeof why);
	if (rc != MGW_OK) {
		snprintf(err, errlen, "%s (the option is --new-audit-key)", why);
		return rc;
	}
	unsigned flags = g->new_audit_key ? AUDIT_TRAIL_KEY_REPLACED : 0;
	merkle_range_init(&a->verify);
	rc = audit_trail_open(st, g->state_dir, a->vkey, g->audit_origin, flags, &a->range,
			      &a->cp_size, &a->later, err, errlen);
	if (rc != MGW_OK)
		return rc;
	/* From here the writer's in-memory range is the tree (catch_up): it must be
	 * the one start-up just checked (records re-hashed since the checkpoint). */
	struct merkle_range mine;
	store_audit_tree(st, &mine);
	if (mine.size != a->range.size || mine.n != a->range.n ||
	    memcmp(mine.nodes, a->range.nodes, sizeof mine.nodes[0] * mine.n) != 0) {
		snprintf(err, errlen, "the audit tree's stored nodes disagree with its records: "
				      "refusing to start");
		return MGW_E_INVALID;
	}
	a->cp_time_ms = store_now_ms();
	char sz[24];
	if (a->later.file_missing) {
		snprintf(sz, sizeof sz, "%llu", (unsigned long long)a->cp_size);
		log_event(LOG_WARN, "audit_checkpoint_file_missing", "store_checkpoint_size", sz,
			  "note", "audit.checkpoint written again from the store's; if the store "
				  "was not just upgraded or first started, compare with a checkpoint "
				  "an auditor holds", NULL);
	}
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
	free(g->audit.batch_note);
	g->audit.batch_note = NULL;
}

/*
 * The range of every record appended: the store's writer keeps it in
 * memory as it appends (store_audit_tree), so no leaf is read back.
 */
static int catch_up(struct audit_tree *a, store *st)
{
	store_audit_tree(st, &a->range);
	return MGW_OK;
}

#define AUDIT_ANCHOR_MS 1000

/* Sign the current range and store the note (inside the caller's
 * transaction); *note_out (if given) gets the note, else it is freed. */
static int sign_and_put(struct gw *g, store *st, uint64_t size, uint8_t root[32],
			char **note_out)
{
	char *note = NULL;
	int rc = merkle_range_root(&g->audit.range, root);
	if (rc == MGW_OK)
		rc = checkpoint_sign(g->audit.key, g->audit_origin, size, root, &note);
	if (rc == MGW_OK)
		rc = store_checkpoint_put(st, size, note);
	if (rc == MGW_OK && note_out)
		*note_out = note;
	else
		free(note);
	return rc;
}

/*
 * Inside the caller's transaction: a checkpoint at the current size N, its
 * CHECKPOINT_SIGNED record, and a checkpoint at N+1 covering that record;
 * *last gets the N+1 note. On error the caller rolls back.
 */
static int sign_in_txn(struct gw *g, store *st, char **last)
{
	struct audit_tree *a = &g->audit;
	uint8_t root[32];
	catch_up(a, st);
	uint64_t size = a->range.size;
	struct clist none = {0};
	struct wctx w = {.g = g, .st = st, .answers = &none, .e = NULL};
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CHECKPOINT_SIGNED,
		.tree_size = size,
		.root_hash = root,
	};
	int rc = sign_and_put(g, st, size, root, NULL);
	if (rc == MGW_OK)
		rc = audit_emit(g, &w, &f, NULL);
	/* The record's own leaf (in memory), then the covering checkpoint at size + 1. */
	if (rc == MGW_OK) {
		catch_up(a, st);
		rc = sign_and_put(g, st, size + 1, root, last);
	}
	return rc;
}

/*
 * After the COMMIT that stored note (at a->range.size): the latest
 * checkpoint, also outside the store, after it is committed (so it is
 * never ahead of the store): a trail cut back below it, or edited with its
 * checkpoints deleted, is refused at start. At most once per
 * AUDIT_ANCHOR_MS, and at stop: it costs two fsyncs, and checkpoints may
 * come every few records under load.
 */
static void signed_committed(struct gw *g, store *st, const char *note, int force)
{
	struct audit_tree *a = &g->audit;
	int64_t now = store_now_ms();
	if (force || now - a->anchor_ms >= AUDIT_ANCHOR_MS) {
		a->anchor_ms = now;
		if (audit_checkpoint_save(g->state_dir, note) != MGW_OK)
			log_event(LOG_ERROR, "audit_anchor_write_failed", NULL);
	}
	catch_up(a, st);
	a->cp_size = a->range.size;
	a->cp_time_ms = now;
	char sz[24];
	snprintf(sz, sizeof sz, "%llu", (unsigned long long)a->cp_size);
	log_event(LOG_DEBUG, "checkpoint_signed", "size", sz, NULL);
}

/* A checkpoint in a transaction of its own (idle writer, stop). */
static int sign_checkpoint(struct gw *g, store *st, int force)
{
	char *last = NULL;
	int rc = store_begin(st);
	if (rc != MGW_OK)
		return rc;
	rc = sign_in_txn(g, st, &last);
	if (rc == MGW_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
	if (rc == MGW_OK)
		signed_committed(g, st, last, force);
	else
		catch_up(&g->audit, st); /* the rollback took the uncommitted leaf back out */
	free(last);
	return rc;
}

/* Is a checkpoint due over the records appended so far? */
static int due(struct gw *g, const struct epoch *e, int force)
{
	struct audit_tree *a = &g->audit;
	uint64_t pending = a->range.size - a->cp_size;
	if (pending == 0)
		return 0;
	unsigned every = e ? e->cfg->checkpoint_every : MGW_CHECKPOINT_EVERY_DEFAULT;
	unsigned secs = e ? e->cfg->checkpoint_secs : MGW_CHECKPOINT_SECS_DEFAULT;
	return force || pending >= every || store_now_ms() - a->cp_time_ms >= (int64_t)secs * 1000;
}

int audit_tree_before_commit(struct gw *g, store *st, const struct epoch *e)
{
	struct audit_tree *a = &g->audit;
	if (a->key == NULL || __atomic_load_n(&g->fatal, __ATOMIC_RELAXED))
		return MGW_OK;
	catch_up(a, st);
	if (!due(g, e, 0))
		return MGW_OK;
	free(a->batch_note);
	a->batch_note = NULL;
	/* A savepoint (once per checkpoint, not per job): a signing that fails
	 * is undone alone and logged, and the batch still commits, as when
	 * checkpoints had a transaction of their own. */
	int rc = store_savepoint(st);
	if (rc == MGW_OK)
		rc = sign_in_txn(g, st, &a->batch_note);
	if (rc == MGW_OK)
		rc = store_release(st);
	if (rc != MGW_OK) {
		store_rollback_to(st);
		free(a->batch_note);
		a->batch_note = NULL;
		catch_up(a, st);
		log_event(LOG_ERROR, "checkpoint_failed", NULL);
	}
	return MGW_OK;
}

void audit_tree_committed(struct gw *g, store *st, int ok)
{
	struct audit_tree *a = &g->audit;
	if (a->batch_note && ok)
		signed_committed(g, st, a->batch_note, 0);
	free(a->batch_note);
	a->batch_note = NULL;
	catch_up(a, st);
}

/*
 * Background re-hash of the records start-up trusted through the stored nodes (a->later),
 * AUDIT_VERIFY_CHUNK per call, so a commit waits at most a few tens of ms.
 * A mismatch is fatal: the gateway stops (exit status 3).
 */
#define AUDIT_VERIFY_CHUNK 4096u

static void verify_some(struct gw *g, store *st)
{
	struct audit_tree *a = &g->audit;
	if (a->verify.size >= a->later.to)
		return;
	uint64_t to = a->verify.size + AUDIT_VERIFY_CHUNK;
	if (to > a->later.to)
		to = a->later.to;
	char err[256];
	if (audit_trail_rehash(st, &a->verify, to, a->later.roots, 2, err, sizeof err) == MGW_OK) {
		if (a->verify.size == a->later.to)
			log_event(LOG_INFO, "audit_trail_verified", NULL);
		return;
	}
	log_event(LOG_ERROR, "audit_trail_altered", "detail", err, NULL);
	fprintf(stderr, "marac-gateway: %s\n", err);
	a->later.to = 0;
	/* The service thread sees it when woken (gw_on_signals) and stops. */
	__atomic_store_n(&g->fatal, 3, __ATOMIC_RELAXED);
	struct lws_context *ctx = __atomic_load_n(&g->ctx, __ATOMIC_ACQUIRE);
	if (ctx)
		lws_cancel_service(ctx);
}

int audit_tree_after_commit(struct gw *g, store *st, const struct epoch *e, int force)
{
	struct audit_tree *a = &g->audit;
	if (a->key == NULL || __atomic_load_n(&g->fatal, __ATOMIC_RELAXED))
		return MGW_OK; /* nothing more is signed once the trail is known altered */
	verify_some(g, st);
	if (__atomic_load_n(&g->fatal, __ATOMIC_RELAXED))
		return MGW_OK;
	catch_up(a, st);
	return due(g, e, force) ? sign_checkpoint(g, st, force) : MGW_OK;
}

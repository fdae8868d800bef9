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
 * Never two inconsistent trees: at start the range is the frontier stored
 * with the latest checkpoint (trusted only because its root is the signed
 * root) extended by the records added since, each re-hashed; without a
 * usable frontier, every record is re-hashed. Either way the rebuilt range
 * must reproduce the signed roots (the latest checkpoint in the store and
 * the copy kept outside it, state_dir/audit.checkpoint); if it does not
 * (records altered, deleted or reordered), the gateway refuses to start.
 * The records before the frontier are re-hashed in the background by the
 * writer, a chunk per commit or idle second, so start-up is O(records
 * since the last checkpoint) and every record is still checked: a
 * mismatch stops the gateway (exit status 3) and nothing more is signed.
 * Checkpoints signed meanwhile extend the frontier, i.e. the tree as it was
 * signed, never a tree made from altered records.
 *
 * The key lives in state_dir/audit.key (0600, created on first start);
 * state_dir/audit.vkey holds its public verifier key for auditors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "checkpoint.h"
#include "fsutil.h"
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
	return write_file_atomic(path, line, (size_t)n, 0644);
}

/* A whole small file into a malloc'd string (NULL if missing or above max). */
static char *read_small(const char *path, size_t max)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return NULL;
	char *b = malloc(max + 1);
	size_t n = b ? fread(b, 1, max + 1, f) : 0;
	fclose(f);
	if (b == NULL || n > max) {
		free(b);
		return NULL;
	}
	b[n] = 0;
	return b;
}

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

/*
 * Re-hash records [r->size, to) into r: each leaf recomputed from the
 * record bytes (a stored hash proves nothing) and compared with the stored
 * leaf; whenever r reaches one of the signed sizes, its root must be the
 * signed root. 0, or MGW_E_INVALID with err set (the store was altered).
 */
static int verify_span(store *st, struct merkle_range *r, uint64_t to,
		       const struct signed_root *roots, size_t n_roots, char *err, size_t errlen)
{
	while (r->size < to) {
		uint64_t i = r->size;
		uint8_t leaf[32], stored[32], *rec = NULL;
		size_t len = 0;
		if (store_audit_get(st, i, &rec, &len) != MGW_OK ||
		    store_audit_leaf(st, i, stored) != MGW_OK) {
			free(rec);
			snprintf(err, errlen, "audit record %llu is missing from the store",
				 (unsigned long long)i);
			return MGW_E_INVALID;
		}
		int hrc = merkle_leaf_hash(rec, len, leaf);
		free(rec);
		if (hrc != MGW_OK || memcmp(leaf, stored, 32) != 0) {
			snprintf(err, errlen, "audit record %llu does not match its leaf hash: the "
					      "store was altered; refusing to start", (unsigned long long)i);
			return MGW_E_INVALID;
		}
		if (merkle_range_append(r, leaf) != MGW_OK)
			return MGW_E_NOMEM;
		for (size_t k = 0; k < n_roots; k++) {
			uint8_t root[32];
			if (!roots[k].have || roots[k].size != r->size)
				continue;
			if (merkle_range_root(r, root) != MGW_OK || memcmp(root, roots[k].root, 32)) {
				snprintf(err, errlen, "the audit records in the store do not match the "
						      "checkpoint signed at size %llu: refusing to start",
					 (unsigned long long)r->size);
				return MGW_E_INVALID;
			}
		}
	}
	return MGW_OK;
}

/*
 * The frontier: the compact range at the latest checkpoint's size, stored
 * with that checkpoint (same transaction). At start it is trusted only if
 * its root is the signed root, so start-up re-hashes only the records
 * added since; the older ones are re-hashed in the background by the
 * writer (audit_tree_after_commit), and a mismatch stops the gateway.
 */
static int frontier_schema(store *st)
{
	return sqlite3_exec(store_db(st),
			    "CREATE TABLE IF NOT EXISTS audit_frontier(size INTEGER PRIMARY KEY,"
			    " range BLOB NOT NULL);",
			    NULL, NULL, NULL) == SQLITE_OK
		       ? MGW_OK
		       : MGW_E_DB;
}

static int frontier_put(store *st, const struct merkle_range *r)
{
	sqlite3_stmt *q = NULL;
	int rc = MGW_E_DB;
	if (sqlite3_exec(store_db(st), "DELETE FROM audit_frontier", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(store_db(st), "INSERT INTO audit_frontier(size, range) VALUES(?1, ?2)",
			       -1, &q, NULL) != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(q, 1, (sqlite3_int64)r->size);
	sqlite3_bind_blob(q, 2, r, (int)sizeof *r, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? MGW_OK : MGW_E_DB;
out:
	sqlite3_finalize(q);
	return rc;
}

/* The stored frontier at size, if its root is root: 1 and *r, else 0. */
static int frontier_get(store *st, uint64_t size, const uint8_t root[32], struct merkle_range *r)
{
	sqlite3_stmt *q = NULL;
	int ok = 0;
	if (sqlite3_prepare_v2(store_db(st), "SELECT range FROM audit_frontier WHERE size = ?1", -1,
			       &q, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(q, 1, (sqlite3_int64)size);
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_bytes(q, 0) == (int)sizeof *r) {
		uint8_t got[32];
		memcpy(r, sqlite3_column_blob(q, 0), sizeof *r);
		ok = r->size == size && merkle_range_root(r, got) == MGW_OK &&
		     memcmp(got, root, 32) == 0;
	}
	sqlite3_finalize(q);
	return ok;
}

int audit_tree_open(struct gw *g, store *st, char *err, size_t errlen)
{
	struct audit_tree *a = &g->audit;
	char path[4200], vpath[4200], apath[4200];
	snprintf(path, sizeof path, "%s/audit.key", g->state_dir);
	snprintf(vpath, sizeof vpath, "%s/audit.vkey", g->state_dir);
	snprintf(apath, sizeof apath, "%s/audit.checkpoint", g->state_dir);
	char *old_vkey = read_small(vpath, 1024), *anchor = read_small(apath, 64 * 1024);
	int rc = MGW_E_INVALID;
	if (old_vkey)
		old_vkey[strcspn(old_vkey, "\n")] = 0;
	if (!integrity_ok(st, err, errlen))
		goto out;
	uint64_t n = store_audit_size(st);
	if (access(path, F_OK) != 0) {
		/* A trail exists: a new key would sign over it as if nothing happened. */
		if ((old_vkey || anchor || n > 0) && !g->new_audit_key) {
			snprintf(err, errlen, "%s is missing but the trail or its verifier key exists: "
					      "refusing to make a new signing key (start once with "
					      "--new-audit-key to replace it on purpose)", path);
			goto out;
		}
		rc = checkpoint_key_generate(path, g->audit_origin);
		if (rc != MGW_OK) {
			snprintf(err, errlen, "%s: cannot create the audit signing key (%s)", path,
				 mgw_strerror(rc));
			goto out;
		}
		log_event(LOG_INFO, "audit_key_created", "path", path, NULL);
	}
	rc = checkpoint_key_load(path, &a->key);
	if (rc != MGW_OK) {
		snprintf(err, errlen, "%s: cannot load the audit signing key (%s; mode must be 0600)",
			 path, mgw_strerror(rc));
		goto out;
	}
	if ((rc = checkpoint_key_vkey(a->key, &a->vkey)) != MGW_OK) {
		snprintf(err, errlen, "%s: cannot derive the verifier key", path);
		goto out;
	}
	if (old_vkey && strcmp(old_vkey, a->vkey) != 0 && !g->new_audit_key) {
		snprintf(err, errlen, "%s does not match audit.vkey: the signing key was replaced; "
				      "refusing to start (--new-audit-key to accept it)", path);
		rc = MGW_E_INVALID;
		goto out;
	}
	/* What signed the trail so far: the previous key when it is being replaced. */
	const char *trail_vkey = old_vkey && g->new_audit_key ? old_vkey : a->vkey;

	/* Rebuild the tree; check it against the last checkpoint signed, in the store and outside it. */
	uint64_t cp_size = 0, an_size = 0;
	char *note = NULL;
	uint8_t cp_root[32], an_root[32];
	int have_anchor = 0;
	rc = store_checkpoint_latest(st, &cp_size, &note);
	if (rc == MGW_OK) {
		rc = checkpoint_parse_verify(note, strlen(note), trail_vkey, NULL, &cp_size, cp_root);
		free(note);
		if (rc != MGW_OK) {
			snprintf(err, errlen, "the latest stored checkpoint does not verify with "
					      "the audit key (%s)", mgw_strerror(rc));
			rc = MGW_E_INVALID;
			goto out;
		}
	} else if (rc != MGW_E_NOTFOUND) {
		snprintf(err, errlen, "cannot read checkpoints from the store");
		goto out;
	}
	if (anchor) {
		rc = checkpoint_parse_verify(anchor, strlen(anchor), trail_vkey, NULL, &an_size,
					     an_root);
		if (rc != MGW_OK) {
			snprintf(err, errlen, "%s does not verify with the audit key (%s)", apath,
				 mgw_strerror(rc));
			rc = MGW_E_INVALID;
			goto out;
		}
		have_anchor = 1;
		if (an_size > n || an_size > cp_size) {
			snprintf(err, errlen, "the store holds %llu audit records and checkpoints up to "
					      "%llu, but a checkpoint at size %llu was signed (%s): the "
					      "trail was cut back; refusing to start",
				 (unsigned long long)n, (unsigned long long)cp_size,
				 (unsigned long long)an_size, apath);
			rc = MGW_E_INVALID;
			goto out;
		}
	} else if (cp_size > 0) {
		log_event(LOG_WARN, "audit_anchor_missing", "path", apath, NULL);
	}
	if ((rc = frontier_schema(st)) != MGW_OK) {
		snprintf(err, errlen, "cannot create the audit frontier table");
		goto out;
	}
	rc = MGW_E_INVALID;
	if (cp_size > n) {
		snprintf(err, errlen, "the store holds %llu audit records but a checkpoint was "
				      "signed at size %llu: records were lost; refusing to start",
			 (unsigned long long)n, (unsigned long long)cp_size);
		goto out;
	}
	a->roots[0] = (struct signed_root){.size = cp_size, .have = cp_size > 0};
	memcpy(a->roots[0].root, cp_root, 32);
	a->roots[1] = (struct signed_root){.size = an_size, .have = have_anchor};
	memcpy(a->roots[1].root, an_root, 32);
	merkle_range_init(&a->range);
	merkle_range_init(&a->verify);
	a->verify_to = 0;
	if (cp_size > 0 && (!have_anchor || an_size == cp_size) &&
	    frontier_get(st, cp_size, cp_root, &a->range)) {
		/* Only the records since the checkpoint now; [0, cp_size) in the background. */
		a->verify_to = cp_size;
	}
	if ((rc = verify_span(st, &a->range, n, a->roots, 2, err, errlen)) != MGW_OK)
		goto out;
	if ((rc = write_vkey(g->state_dir, a->vkey)) != MGW_OK) {
		snprintf(err, errlen, "%s: cannot write audit.vkey", g->state_dir);
		goto out;
	}
	a->cp_size = cp_size;
	a->cp_time_ms = store_now_ms();
	char sz[24];
	snprintf(sz, sizeof sz, "%llu", (unsigned long long)n);
	log_event(LOG_INFO, "audit_tree_loaded", "size", sz, "vkey", a->vkey, NULL);
	rc = MGW_OK;
out:
	free(old_vkey);
	free(anchor);
	return rc;
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

static int sign_checkpoint(struct gw *g, store *st, int force)
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
	char *last = NULL;
	rc = sign_and_put(g, st, size, root, NULL);
	if (rc == MGW_OK)
		rc = audit_emit(g, &w, &f, NULL);
	/* The record's own leaf, then the covering checkpoint at size + 1. */
	if (rc == MGW_OK)
		rc = store_audit_leaf(st, size, leaf);
	if (rc == MGW_OK)
		rc = merkle_range_append(&a->range, leaf);
	if (rc == MGW_OK)
		rc = sign_and_put(g, st, size + 1, root, &last);
	if (rc == MGW_OK)
		rc = frontier_put(st, &a->range);
	if (rc == MGW_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
	/*
	 * The latest checkpoint, also outside the store, after it is committed
	 * (so it is never ahead of the store): a trail cut back below it, or
	 * edited with its checkpoints deleted, is refused at start. At most once
	 * per AUDIT_ANCHOR_MS, and at stop: it costs two fsyncs, and checkpoints
	 * may come every few records under load.
	 */
	int64_t now = store_now_ms();
	if (rc == MGW_OK && (force || now - a->anchor_ms >= AUDIT_ANCHOR_MS)) {
		char apath[4200];
		a->anchor_ms = now;
		snprintf(apath, sizeof apath, "%s/audit.checkpoint", g->state_dir);
		if (write_file_atomic(apath, last, strlen(last), 0644) != MGW_OK)
			log_event(LOG_ERROR, "audit_anchor_write_failed", "path", apath, NULL);
	}
	free(last);
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

/*
 * Background re-hash of the records start-up trusted through the frontier,
 * AUDIT_VERIFY_CHUNK per call, so a commit waits at most a few tens of ms.
 * A mismatch is fatal: the gateway stops (exit status 3).
 */
#define AUDIT_VERIFY_CHUNK 4096u

static void verify_some(struct gw *g, store *st)
{
	struct audit_tree *a = &g->audit;
	if (a->verify.size >= a->verify_to)
		return;
	uint64_t to = a->verify.size + AUDIT_VERIFY_CHUNK;
	if (to > a->verify_to)
		to = a->verify_to;
	char err[256];
	if (verify_span(st, &a->verify, to, a->roots, 2, err, sizeof err) == MGW_OK) {
		if (a->verify.size == a->verify_to)
			log_event(LOG_INFO, "audit_trail_verified", NULL);
		return;
	}
	log_event(LOG_ERROR, "audit_trail_altered", "detail", err, NULL);
	fprintf(stderr, "marac-gateway: %s\n", err);
	a->verify_to = 0;
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
	return due ? sign_checkpoint(g, st, force) : MGW_OK;
}

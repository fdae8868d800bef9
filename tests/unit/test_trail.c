/*
 * The audit trail at start-up: the signing key is never silently replaced,
 * and a store cut back below, or inconsistent with, the checkpoint kept
 * outside it is refused.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "checkpoint.h"
#include "mgw_err.h"
#include "store.h"
#include "trail.h"

static char dir[64], path[160], err[512];
static store *s;
static checkpoint_key *key;
static char *vkey;

static void setup(void)
{
	strcpy(dir, "/tmp/marac-trail-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(store_open(dir, 0, &s, err, sizeof err), MGW_OK, "%s", err);
	cr_assert_eq(audit_key_open(dir, "test.example/audit", 0, 0, &key, &vkey, err, sizeof err),
		     MGW_OK, "%s", err);
}

static void teardown(void)
{
	store_close(s);
	checkpoint_key_free(key);
	free(vkey);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(trail, .init = setup, .fini = teardown);

static const char *at(const char *name)
{
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

/* Append n records; sign and store a checkpoint at the end, as the daemon does. */
static void append(int n, int sign)
{
	Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED;
	r.msg_id = "m-1";
	cr_assert_eq(store_begin(s), MGW_OK);
	for (int i = 0; i < n; i++) {
		r.time_ms = 0;
		cr_assert_eq(store_audit_append(s, &r, NULL), MGW_OK);
	}
	cr_assert_eq(store_commit(s), MGW_OK);
	if (!sign)
		return;
	uint64_t size = store_audit_size(s);
	uint8_t root[32];
	char *note;
	cr_assert_eq(store_audit_root(s, size, root), MGW_OK);
	cr_assert_eq(checkpoint_sign(key, "test.example/audit", size, root, &note), MGW_OK);
	store_begin(s);
	cr_assert_eq(store_checkpoint_put(s, size, note), MGW_OK);
	cr_assert_eq(store_commit(s), MGW_OK);
	cr_assert_eq(audit_checkpoint_save(dir, note), MGW_OK);
	free(note);
}

static int open_trail(unsigned flags, uint64_t *cp)
{
	struct merkle_range r;
	uint64_t c = 0;
	int rc = audit_trail_open(s, dir, vkey, "test.example/audit", flags, &r, &c, NULL, err,
				  sizeof err);
	if (cp)
		*cp = c;
	if (rc == MGW_OK) {
		uint8_t a[32], b[32];
		merkle_range_root(&r, a);
		store_audit_root(s, store_audit_size(s), b);
		cr_assert_arr_eq(a, b, 32, "the range returned covers the whole trail");
		cr_assert_eq(r.size, store_audit_size(s));
	}
	return rc;
}

static void sql(const char *q)
{
	cr_assert_eq(sqlite3_exec(store_db(s), q, NULL, NULL, NULL), SQLITE_OK, "%s",
		     sqlite3_errmsg(store_db(s)));
}

Test(trail, a_clean_trail_opens_and_reports_its_checkpoint)
{
	uint64_t cp;
	cr_assert_eq(open_trail(0, &cp), MGW_OK, "%s", err);
	cr_assert_eq(cp, 0);
	append(100, 1);
	append(7, 0);
	cr_assert_eq(open_trail(0, &cp), MGW_OK, "%s", err);
	cr_assert_eq(cp, 100);
	cr_assert_eq(open_trail(AUDIT_TRAIL_FULL, &cp), MGW_OK, "%s", err);
	struct stat st;
	cr_assert_eq(stat(at("audit.checkpoint"), &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0644);
}

Test(trail, a_trail_cut_back_to_an_earlier_checkpoint_is_refused)
{
	append(50, 1);
	char *early;
	uint64_t sz;
	cr_assert_eq(store_checkpoint_latest(s, &sz, &early), MGW_OK);
	append(50, 1);
	/* Cut back to size 50, keeping only the checkpoint signed there. */
	sql("DELETE FROM audit WHERE seq>=50; DELETE FROM checkpoints WHERE size>50;"
	    "DELETE FROM audit_node;");
	store_close(s);
	cr_assert_eq(store_open(dir, 0, &s, err, sizeof err), MGW_OK, "%s", err);
	cr_assert_eq(open_trail(0, NULL), MGW_E_INVALID);
	cr_assert(strstr(err, "cut back"), "%s", err);
	free(early);
}

Test(trail, deleted_checkpoints_do_not_hide_an_edited_record)
{
	append(64, 1);
	append(10, 0);
	/* Edit a record after the checkpoint, recompute nothing, delete the checkpoints. */
	sql("UPDATE audit SET record=x'0801' WHERE seq=70; DELETE FROM checkpoints;");
	cr_assert_eq(open_trail(0, NULL), MGW_E_INVALID);
	cr_assert(strstr(err, "record 70"), "%s", err);
}

Test(trail, an_edited_signed_subtree_is_refused)
{
	append(64, 1);
	/* A tamperer rewrites record 3 with its leaf and its parent nodes: the signed root differs. */
	sql("UPDATE audit_node SET hash=zeroblob(32) WHERE level=6 AND idx=0; DELETE FROM checkpoints;");
	cr_assert_eq(open_trail(0, NULL), MGW_E_INVALID);
	cr_assert(strstr(err, "altered"), "%s", err);
}

Test(trail, a_small_trail_is_re_hashed_whole_so_an_edit_under_a_checkpoint_is_found)
{
	append(40, 1);
	/* The record and its leaf rewritten consistently: only the signed root can tell. */
	static const uint8_t rec[] = {0x08, 0x05, 0x18, 0x02};
	uint8_t leaf[32];
	merkle_leaf_hash(rec, sizeof rec, leaf);
	sqlite3_stmt *q;
	cr_assert_eq(sqlite3_prepare_v2(store_db(s), "UPDATE audit SET record=?1, leaf=?2 WHERE seq=5",
				       -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_blob(q, 1, rec, sizeof rec, SQLITE_STATIC);
	sqlite3_bind_blob(q, 2, leaf, 32, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	cr_assert_eq(open_trail(0, NULL), MGW_E_INVALID);
	cr_assert(strstr(err, "altered"), "%s", err);
	cr_assert_eq(open_trail(AUDIT_TRAIL_FULL, NULL), MGW_E_INVALID);
}

Test(trail, another_origin_is_refused)
{
	append(3, 1);
	struct merkle_range r;
	uint64_t c;
	cr_assert_eq(audit_trail_open(s, dir, vkey, "renamed.example/audit", 0, &r, &c, NULL, err,
				      sizeof err), MGW_E_INVALID);
	cr_assert(strstr(err, "origin"), "%s", err);
}

Test(trail, the_file_is_written_from_the_store_when_missing)
{
	append(9, 1);
	unlink(at("audit.checkpoint"));
	cr_assert_eq(open_trail(0, NULL), MGW_OK, "%s", err);
	cr_assert_eq(access(at("audit.checkpoint"), R_OK), 0);
}

Test(trail, a_deleted_signing_key_is_not_replaced_without_the_flag)
{
	checkpoint_key *k2 = NULL;
	char *v2 = NULL;
	/* Same key on a second start: fine, vkey unchanged. */
	cr_assert_eq(audit_key_open(dir, "test.example/audit", 0, 0, &k2, &v2, err, sizeof err), MGW_OK,
		     "%s", err);
	cr_assert_str_eq(v2, vkey);
	checkpoint_key_free(k2);
	free(v2);
	cr_assert_eq(unlink(at("audit.key")), 0);
	cr_assert_eq(audit_key_open(dir, "test.example/audit", 0, 0, &k2, &v2, err, sizeof err),
		     MGW_E_INVALID);
	cr_assert_null(k2);
	cr_assert(strstr(err, "missing"), "%s", err);
	cr_assert_neq(access(at("audit.key"), F_OK), 0, "no key was created");
	FILE *f = fopen(at("audit.vkey"), "r");
	char line[512] = "";
	cr_assert_not_null(fgets(line, sizeof line, f));
	fclose(f);
	line[strcspn(line, "\n")] = 0;
	cr_assert_str_eq(line, vkey, "audit.vkey is not overwritten");
	/* With the explicit flag: a new key, the old vkey kept. */
	cr_assert_eq(audit_key_open(dir, "test.example/audit", 0, 1, &k2, &v2, err, sizeof err), MGW_OK,
		     "%s", err);
	cr_assert_str_neq(v2, vkey);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "ls %s/audit.vkey.replaced-* >/dev/null", dir);
	cr_assert_eq(system(cmd), 0, "the old verifier key is kept for the older checkpoints");
	checkpoint_key_free(k2);
	free(v2);
}

Test(trail, a_key_that_does_not_match_the_vkey_is_refused)
{
	unlink(at("audit.key"));
	cr_assert_eq(checkpoint_key_generate(at("audit.key"), "test.example/audit"), MGW_OK);
	checkpoint_key *k2 = NULL;
	char *v2 = NULL;
	cr_assert_eq(audit_key_open(dir, "test.example/audit", 0, 0, &k2, &v2, err, sizeof err),
		     MGW_E_INVALID);
	cr_assert(strstr(err, "does not match"), "%s", err);
}

Test(trail, after_a_key_replacement_the_old_checkpoints_still_bound_the_trail)
{
	append(20, 1);
	checkpoint_key_free(key);
	free(vkey);
	unlink(at("audit.key"));
	cr_assert_eq(audit_key_open(dir, "test.example/audit", 0, 1, &key, &vkey, err, sizeof err),
		     MGW_OK, "%s", err);
	cr_assert_eq(open_trail(0, NULL), MGW_E_INVALID, "old checkpoint, other key");
	cr_assert_eq(open_trail(AUDIT_TRAIL_KEY_REPLACED, NULL), MGW_OK, "%s", err);
	sql("DELETE FROM audit WHERE seq>=10; DELETE FROM checkpoints; DELETE FROM audit_node;");
	store_close(s);
	cr_assert_eq(store_open(dir, 0, &s, err, sizeof err), MGW_OK, "%s", err);
	cr_assert_eq(open_trail(AUDIT_TRAIL_KEY_REPLACED, NULL), MGW_E_INVALID);
	cr_assert(strstr(err, "cut back"), "%s", err);
}

Test(trail, a_new_key_is_not_made_while_any_trace_of_the_trail_exists)
{
	append(12, 1);
	checkpoint_key_free(key);
	free(vkey);
	vkey = NULL;
	key = NULL;
	unlink(at("audit.key"));
	unlink(at("audit.vkey"));
	/* Both key files gone, but audit.checkpoint is there. */
	cr_assert_eq(audit_key_open(dir, "test.example/audit", 0, 0, &key, &vkey, err, sizeof err),
		     MGW_E_INVALID);
	cr_assert(strstr(err, "missing"), "%s", err);
	cr_assert_neq(access(at("audit.key"), F_OK), 0, "no key was created");
	/* That gone too, but the store holds records. */
	unlink(at("audit.checkpoint"));
	cr_assert_eq(audit_key_open(dir, "test.example/audit", store_audit_size(s), 0, &key, &vkey,
				    err, sizeof err), MGW_E_INVALID);
	cr_assert_neq(access(at("audit.key"), F_OK), 0, "no key was created");
	/* Told nothing of the trail, a new key is made... */
	cr_assert_eq(audit_key_open(dir, "test.example/audit", 0, 0, &key, &vkey, err, sizeof err),
		     MGW_OK, "%s", err);
	/* ...but the checkpoints it would have to extend were signed by the old one. */
	cr_assert_eq(open_trail(0, NULL), MGW_E_INVALID);
	cr_assert(strstr(err, "audit.key replaced"), "%s", err);
}

Test(trail, the_records_left_for_later_are_re_hashed_in_chunks_and_an_edit_is_caught)
{
	append(20, 1);
	struct merkle_range r;
	struct audit_trail_later later;
	uint64_t c = 0;
	cr_assert_eq(audit_trail_open(s, dir, vkey, "test.example/audit", 0, &r, &c, &later, err,
				      sizeof err), MGW_OK, "%s", err);
	cr_assert_eq(later.to, 0, "a small trail is re-hashed whole at start");
	cr_assert(later.roots[0].have && later.roots[0].size == 20);
	/* Record 5 and its leaf rewritten together, as the background re-hash must catch. */
	sqlite3_stmt *q;
	cr_assert_eq(sqlite3_prepare_v2(store_db(s), "SELECT record FROM audit WHERE seq=5", -1, &q,
					NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
	int n = sqlite3_column_bytes(q, 0);
	uint8_t *rec = malloc((size_t)n), leaf[32];
	memcpy(rec, sqlite3_column_blob(q, 0), (size_t)n);
	sqlite3_finalize(q);
	rec[n - 1] ^= 0x01;
	merkle_leaf_hash(rec, (size_t)n, leaf);
	cr_assert_eq(sqlite3_prepare_v2(store_db(s), "UPDATE audit SET record=?, leaf=? WHERE seq=5",
					-1, &q, NULL), SQLITE_OK);
	sqlite3_bind_blob(q, 1, rec, n, SQLITE_STATIC);
	sqlite3_bind_blob(q, 2, leaf, 32, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	free(rec);
	/* The first chunk ends before a signed size: leaves match their records. */
	struct merkle_range v;
	merkle_range_init(&v);
	cr_assert_eq(audit_trail_rehash(s, &v, 10, later.roots, 2, err, sizeof err), MGW_OK, "%s",
		     err);
	cr_assert_eq(v.size, 10);
	/* The next reaches the signed size: the root is not the signed one. */
	cr_assert_eq(audit_trail_rehash(s, &v, 20, later.roots, 2, err, sizeof err), MGW_E_INVALID);
	cr_assert(strstr(err, "altered"), "%s", err);
}

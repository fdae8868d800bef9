/* trail.c: see trail.h. */
#include "trail.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "mgw_limits.h"
#include "mgw_err.h"

#define TRAIL_PATH_MAX 4200

/*
 * Read a small text file whole (at most max bytes) into *out (malloc'd,
 * NUL-terminated). MGW_E_NOTFOUND if it does not exist.
 */
static int read_small(const char *path, size_t max, char **out, size_t *len)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return errno == ENOENT ? MGW_E_NOTFOUND : MGW_E_IO;
	char *b = malloc(max + 2);
	int rc = MGW_E_NOMEM;
	if (b == NULL)
		goto fail;
	size_t n = fread(b, 1, max + 1, f);
	rc = MGW_E_IO;
	if (ferror(f))
		goto fail;
	rc = MGW_E_TOO_LARGE;
	if (n > max)
		goto fail;
	b[n] = 0;
	*out = b;
	b = NULL;
	if (len)
		*len = n;
	rc = MGW_OK;
fail:
	free(b);
	fclose(f);
	return rc;
}

static int write_line(const char *path, const char *text)
{
	size_t n = strlen(text);
	char *b = malloc(n + 2);
	if (b == NULL)
		return MGW_E_NOMEM;
	memcpy(b, text, n);
	b[n] = '\n';
	int rc = write_file_atomic(path, b, n + 1, 0644);
	free(b);
	return rc;
}

int audit_key_open(const char *dir, const char *origin, uint64_t trail_size, int allow_new_key,
		   checkpoint_key **key, char **vkey, char *err, size_t errlen)
{
	char kpath[TRAIL_PATH_MAX], vpath[TRAIL_PATH_MAX], cpath[TRAIL_PATH_MAX];
	char *old = NULL;
	int rc = MGW_E_INVALID;
	*key = NULL;
	*vkey = NULL;
	if (snprintf(kpath, sizeof kpath, "%s/audit.key", dir) >= (int)sizeof kpath ||
	    snprintf(vpath, sizeof vpath, "%s/audit.vkey", dir) >= (int)sizeof vpath ||
	    snprintf(cpath, sizeof cpath, "%s/audit.checkpoint", dir) >= (int)sizeof cpath) {
		snprintf(err, errlen, "%s: path too long", dir);
		goto fail;
	}
	rc = read_small(vpath, CHECKPOINT_MAX_NOTE, &old, NULL);
	if (rc != MGW_OK && rc != MGW_E_NOTFOUND) {
		snprintf(err, errlen, "%s: cannot read (%s)", vpath, mgw_strerror(rc));
		goto fail;
	}
	if (old)
		old[strcspn(old, "\r\n")] = 0;
	if (access(kpath, F_OK) != 0) {
		/* A trail exists: a new key would sign over it as if nothing happened. */
		if ((old || trail_size > 0 || access(cpath, F_OK) == 0) && !allow_new_key) {
			snprintf(err, errlen, "%s is missing but the trail or its verifier key exists: "
					      "the signing key was lost or deleted. Restore it from "
					      "backup; a new key (which auditors must be told of) needs "
					      "the explicit new-key option", kpath);
			rc = MGW_E_INVALID;
			goto fail;
		}
		rc = checkpoint_key_generate(kpath, origin);
		if (rc != MGW_OK) {
			snprintf(err, errlen, "%s: cannot create the audit signing key (%s)", kpath,
				 mgw_strerror(rc));
			goto fail;
		}
	}
	rc = checkpoint_key_load(kpath, key);
	if (rc != MGW_OK) {
		snprintf(err, errlen, "%s: cannot load the audit signing key (%s; mode must be 0600)",
			 kpath, mgw_strerror(rc));
		goto fail;
	}
	if ((rc = checkpoint_key_vkey(*key, vkey)) != MGW_OK)
		goto fail;
	int differs = old && strcmp(old, *vkey) != 0;
	if (differs && !allow_new_key) {
		snprintf(err, errlen, "%s does not match %s: the signing key was replaced. Restore "
				      "the original key; a new key needs the explicit new-key option",
			 kpath, vpath);
		rc = MGW_E_INVALID;
		goto fail;
	}
	if (differs) {
		char arch[TRAIL_PATH_MAX + 32];
		snprintf(arch, sizeof arch, "%s.replaced-%lld", vpath, (long long)store_now_ms());
		if ((rc = write_line(arch, old)) != MGW_OK) {
			snprintf(err, errlen, "%s: cannot keep the old verifier key", arch);
			goto fail;
		}
	}
	if ((old == NULL || differs) && (rc = write_line(vpath, *vkey)) != MGW_OK) {
		snprintf(err, errlen, "%s: cannot write", vpath);
		goto fail;
	}
	free(old);
	return MGW_OK;
fail:
	free(old);
	checkpoint_key_free(*key);
	*key = NULL;
	free(*vkey);
	*vkey = NULL;
	return rc;
}

int audit_checkpoint_save(const char *dir, const char *note)
{
	char path[TRAIL_PATH_MAX];
	if (snprintf(path, sizeof path, "%s/audit.checkpoint", dir) >= (int)sizeof path)
		return MGW_E_INVALID;
	return write_file_atomic(path, note, strlen(note), 0644);
}

/* One checkpoint the trail must satisfy. */
struct cp {
	const char *where; /* for messages */
	char *note;
	struct audit_signed s;
};

static int parse_cp(struct cp *c, const checkpoint_verifier *v, const char *origin,
		    unsigned flags, char *err, size_t errlen)
{
	char *org = NULL;
	size_t len = strlen(c->note);
	int rc = checkpoint_verify(v, c->note, len, &org, &c->s.size, c->s.root);
	if (rc == MGW_E_NOTFOUND && (flags & AUDIT_TRAIL_KEY_REPLACED))
		rc = checkpoint_parse_unverified(c->note, len, &org, &c->s.size, c->s.root);
	if (rc != MGW_OK) {
		snprintf(err, errlen, "the checkpoint in %s does not verify with audit.vkey (%s): "
				      "refusing to start (was audit.key replaced? restore it; a new "
				      "key needs the explicit new-key option)", c->where,
			 mgw_strerror(rc));
		return MGW_E_INVALID;
	}
	if (strcmp(org, origin) != 0) {
		snprintf(err, errlen, "the checkpoint in %s is for origin \"%s\" but audit.origin is "
				      "\"%s\": the origin of an existing trail cannot change",
			 c->where, org, origin);
		free(org);
		return MGW_E_INVALID;
	}
	free(org);
	c->s.have = 1;
	return MGW_OK;
}

/* The stored records must reach c's size and give its root. */
static int check_cp(store *st, const struct cp *c, uint64_t n, char *err, size_t errlen)
{
	if (!c->s.have)
		return MGW_OK;
	if (c->s.size > n) {
		snprintf(err, errlen, "the store holds %llu audit records but the checkpoint in %s "
				      "was signed at size %llu: the trail was cut back or records were "
				      "lost; refusing to start",
			 (unsigned long long)n, c->where, (unsigned long long)c->s.size);
		return MGW_E_INVALID;
	}
	uint8_t root[32];
	int rc = store_audit_root(st, c->s.size, root);
	if (rc != MGW_OK) {
		snprintf(err, errlen, "cannot read the audit tree at size %llu (%s)",
			 (unsigned long long)c->s.size, mgw_strerror(rc));
		return rc == MGW_E_NOTFOUND ? MGW_E_INVALID : rc;
	}
	if (memcmp(root, c->s.root, 32) != 0) {
		snprintf(err, errlen, "the audit records in the store do not give the root signed at "
				      "size %llu (checkpoint in %s): records were altered; refusing to "
				      "start", (unsigned long long)c->s.size, c->where);
		return MGW_E_INVALID;
	}
	return MGW_OK;
}

int audit_trail_rehash(store *st, struct merkle_range *r, uint64_t to,
		       const struct audit_signed *roots, size_t n_roots, char *err, size_t errlen)
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
		int rc = merkle_leaf_hash(rec, len, leaf);
		free(rec);
		if (rc != MGW_OK)
			return rc;
		if (memcmp(leaf, stored, 32) != 0) {
			snprintf(err, errlen, "audit record %llu does not match its leaf hash: the "
					      "store was altered; refusing to start", (unsigned long long)i);
			return MGW_E_INVALID;
		}
		if ((rc = merkle_range_append(r, leaf)) != MGW_OK)
			return rc;
		/* Each signed root recomputed from the bytes, in the same pass. */
		for (size_t k = 0; k < n_roots; k++) {
			uint8_t root[32];
			if (!roots[k].have || roots[k].size != r->size)
				continue;
			if ((rc = merkle_range_root(r, root)) != MGW_OK)
				return rc;
			if (memcmp(root, roots[k].root, 32) != 0) {
				snprintf(err, errlen, "the audit records do not give the root signed "
						      "at size %llu: records were altered; refusing to "
						      "start", (unsigned long long)r->size);
				return MGW_E_INVALID;
			}
		}
	}
	return MGW_OK;
}

int audit_trail_open(store *st, const char *dir, const char *vkey, const char *origin,
		     unsigned flags, struct merkle_range *range, uint64_t *cp_size,
		     struct audit_trail_later *later, char *err, size_t errlen)
{
	char path[TRAIL_PATH_MAX];
	struct cp file = {.where = "audit.checkpoint"}, db = {.where = "the store"};
	checkpoint_verifier *v = NULL;
	uint64_t n = store_audit_size(st);
	int rc = MGW_E_INVALID;
	if (snprintf(path, sizeof path, "%s/audit.checkpoint", dir) >= (int)sizeof path) {
		snprintf(err, errlen, "%s: path too long", dir);
		goto fail;
	}
	if ((rc = checkpoint_verifier_new(vkey, &v)) != MGW_OK) {
		snprintf(err, errlen, "audit.vkey is not a verifier key");
		goto fail;
	}
	rc = read_small(path, CHECKPOINT_MAX_NOTE, &file.note, NULL);
	if (rc == MGW_OK)
		rc = parse_cp(&file, v, origin, flags, err, errlen);
	else if (rc == MGW_E_NOTFOUND)
		rc = MGW_OK;
	else
		snprintf(err, errlen, "%s: cannot read (%s)", path, mgw_strerror(rc));
	if (rc != MGW_OK)
		goto fail;
	uint64_t sz;
	rc = store_checkpoint_latest(st, &sz, &db.note);
	if (rc == MGW_OK)
		rc = parse_cp(&db, v, origin, flags, err, errlen);
	else if (rc == MGW_E_NOTFOUND)
		rc = MGW_OK;
	else
		snprintf(err, errlen, "cannot read checkpoints from the store");
	if (rc != MGW_OK)
		goto fail;
	if ((rc = check_cp(st, &file, n, err, errlen)) != MGW_OK ||
	    (rc = check_cp(st, &db, n, err, errlen)) != MGW_OK)
		goto fail;
	/* A trail small enough to re-hash within a second or two is re-hashed whole. */
	if (n <= MGW_AUDIT_START_REHASH_MAX)
		flags |= AUDIT_TRAIL_FULL;
	uint64_t big = file.s.have ? file.s.size : 0;
	if (db.s.have && db.s.size > big)
		big = db.s.size;
	/* The signed prefix from stored nodes; everything after it from the bytes. */
	struct merkle_range r;
	merkle_range_init(&r);
	if (!(flags & AUDIT_TRAIL_FULL) && (rc = store_audit_range(st, big, &r)) != MGW_OK)
		goto fail;
	const struct audit_signed roots[2] = {file.s, db.s};
	if ((rc = audit_trail_rehash(st, &r, n, roots, 2, err, errlen)) != MGW_OK)
		goto fail;
	/* The stored interior nodes must describe the same tree as the records. */
	uint8_t a[32], b[32];
	if ((rc = merkle_range_root(&r, a)) != MGW_OK)
		goto fail;
	rc = store_audit_root(st, n, b);
	if (rc != MGW_OK || memcmp(a, b, 32) != 0) {
		snprintf(err, errlen, "the stored audit tree nodes do not match the records: the "
				      "store was altered; refusing to start");
		rc = MGW_E_INVALID;
		goto fail;
	}
	/* First start with this file, or the file missed the last commit: bring it up. */
	if (db.s.have && (!file.s.have || db.s.size > file.s.size) &&
	    (rc = audit_checkpoint_save(dir, db.note)) != MGW_OK) {
		snprintf(err, errlen, "%s: cannot write", path);
		goto fail;
	}
	*range = r;
	*cp_size = big;
	if (later) {
		*later = (struct audit_trail_later){.to = (flags & AUDIT_TRAIL_FULL) ? 0 : big};
		later->roots[0] = roots[0];
		later->roots[1] = roots[1];
		later->file_missing = !file.s.have && db.s.have;
	}
	rc = MGW_OK;
fail:
	checkpoint_verifier_free(v);
	free(file.note);
	free(db.note);
	return rc;
}

/*
 * req_auditor.c: auditors read the trail over the same mTLS connection.
 *
 * Service thread (auditor_svc_on): only a certificate with role "auditor"
 * may ask (else NOT_AUTHORISED, audited as not_auditor); fields out of
 * range are refused INVALID_REQUEST before anything is queued. The request
 * becomes a job: answers are O(pages) or O(tree) reads, which must not run
 * on the service thread.
 *
 * Writer thread (auditor_wr_commit): the answer is built from the store
 * inside the batch transaction, the AUDIT_QUERIED record (who looked, at
 * what: ids and codes only) is appended in the same transaction, and the
 * answer goes out after COMMIT. Answers are paged by size: an AuditRecords
 * page stops before it would pass max_frame_bytes (next_seq, more say where
 * to go on); Checkpoints holds the notes that fit, oldest first (ask again
 * with min_size above the last one returned).
 */
#include <stdlib.h>
#include <string.h>

#include "audit_view.h"
#include "gw.h"
#include "log.h"
#include "merkle.h"
#include "mgw_err.h"

#define QUERY_LIMIT_MAX 1000u
#define QUERY_SCAN_MAX MGW_AUDIT_QUERY_SCAN_MAX /* mgw_limits.h: why */
/* Room left in a frame for the envelope of a page (Frame, AuditRecords fields). */
#define PAGE_SLACK 64u

struct auditor_job {
	struct job base;
	Marac__V1__Frame *frame;    /* owned: the request */
};

/* ---- writer thread: building the answers (down to auditor_ops) ---- */

static int reply(struct wctx *w, const struct job *j, Marac__V1__Frame *f)
{
	uint8_t *buf;
	size_t len;
	int rc = codec_pack(&f->base, &buf, &len);
	if (rc != MGW_OK)
		return rc;
	clist_append(w->answers, completion_frame(j->conn_id, buf, len));
	return MGW_OK;
}

static int queried(struct wctx *w, const struct job *j, const char *what, const char *case_ref)
{
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_AUDIT_QUERIED,
		.actor_node = j->node,
		.actor_agency = j->agency,
		.reason = what,
		.case_ref = case_ref,
	};
	return audit_emit(w->g, w, &f, NULL);
}

static int matches(const Marac__V1__AuditQuery *q, const Marac__V1__AuditRecord *r)
{
	/* the case's own records and a merge into it: the whole life of the case */
	if (!audit_record_about_case(r, q->case_ref))
		return 0;
	if (q->agency && (int)r->actor_agency != (int)q->agency &&
	    (int)r->recipient_agency != (int)q->agency)
		return 0;
	if (q->node[0] && strcmp(q->node, r->actor_node) != 0 && strcmp(q->node, r->recipient_node) != 0)
		return 0;
	if (q->from_ms && r->time_ms < q->from_ms)
		return 0;
	if (q->to_ms && r->time_ms >= q->to_ms)
		return 0;
	if (q->event && r->event != q->event)
		return 0;
	return 1;
}

static int on_query(struct wctx *w, const struct job *j, const Marac__V1__AuditQuery *q)
{
	uint32_t limit = q->limit == 0 || q->limit > QUERY_LIMIT_MAX ? QUERY_LIMIT_MAX : q->limit;
	uint64_t size = store_audit_size(w->st);
	size_t budget = w->e->cfg->max_frame_bytes - PAGE_SLACK, used = 0;
	Marac__V1__AuditRecord **recs = calloc(limit, sizeof *recs);
	if (recs == NULL)
		return MGW_E_NOMEM;
	size_t n = 0;
	uint64_t seq = q->start_seq, scanned = 0;
	int rc = MGW_OK;
	for (; seq < size && n < limit && scanned < QUERY_SCAN_MAX; seq++, scanned++) {
		uint8_t *b;
		size_t len;
		if ((rc = store_audit_get(w->st, seq, &b, &len)) != MGW_OK)
			break;
		ProtobufCMessage *m;
		int urc = codec_unpack(&marac__v1__audit_record__descriptor, b, len, len, &m);
		free(b);
		if (urc != MGW_OK)
			continue;
		if (!matches(q, (Marac__V1__AuditRecord *)m)) {
			codec_free(m);
			continue;
		}
		/* The record, its tag and length prefix: stop before the page is too big. */
		size_t cost = len + 6;
		if (used + cost > budget) {
			codec_free(m);
			break;
		}
		used += cost;
		recs[n++] = (Marac__V1__AuditRecord *)m;
	}
	if (rc == MGW_OK) {
		Marac__V1__AuditRecords ar = MARAC__V1__AUDIT_RECORDS__INIT;
		ar.records = recs;
		ar.n_records = n;
		ar.next_seq = seq;
		ar.more = seq < size;
		ar.tree_size = size;
		Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
		f.body_case = MARAC__V1__FRAME__BODY_AUDIT_RECORDS;
		f.audit_records = &ar;
		rc = reply(w, j, &f);
	}
	for (size_t i = 0; i < n; i++)
		codec_free(&recs[i]->base);
	free(recs);
	return rc == MGW_OK ? queried(w, j, "query", q->case_ref) : rc;
}

struct notes {
	char **v;
	size_t n, cap, used, budget;
	int latest_only;
};

static int add_note(void *ctx, uint64_t size, const char *note)
{
	struct notes *ns = ctx;
	(void)size;
	if (ns->latest_only && ns->n == 1) {
		free(ns->v[0]);
		ns->n = 0;
		ns->used = 0;
	}
	size_t cost = strlen(note) + 4;
	if (!ns->latest_only && ns->used + cost > ns->budget)
		return 1; /* the page is full: the auditor asks again from the last size */
	if (ns->n == ns->cap) {
		size_t cap = ns->cap ? ns->cap * 2 : 16;
		char **v = realloc(ns->v, cap * sizeof *v);
		if (v == NULL)
			return 1;
		ns->v = v;
		ns->cap = cap;
	}
	ns->v[ns->n] = strdup(note);
	if (ns->v[ns->n] == NULL)
		return 1;
	ns->n++;
	ns->used += cost;
	return 0;
}

static int on_checkpoints(struct wctx *w, const struct job *j, const Marac__V1__CheckpointRequest *r)
{
	struct notes ns = {.latest_only = r->latest_only,
			   .budget = w->e->cfg->max_frame_bytes - PAGE_SLACK - 200};
	int rc;
	if (r->latest_only) {
		/* r-redteam4: one indexed read. Listing from min_size to keep the
		 * last walked every checkpoint on the writer: a year at one a
		 * minute is 500,000 rows, about 0.2 s a request, at 50 requests
		 * a second from one auditor. */
		uint64_t size = 0;
		char *note = NULL;
		rc = store_checkpoint_latest(w->st, &size, &note);
		if (rc == MGW_OK && size >= r->min_size)
			add_note(&ns, size, note);
		free(note);
		if (rc == MGW_E_NOTFOUND)
			rc = MGW_OK;
	} else {
		rc = store_checkpoint_list(w->st, r->min_size, add_note, &ns);
	}
	if (rc == MGW_OK) {
		Marac__V1__Checkpoints c = MARAC__V1__CHECKPOINTS__INIT;
		c.notes = ns.v;
		c.n_notes = ns.n;
		c.vkey = w->g->audit.vkey ? w->g->audit.vkey : "";
		Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
		fr.body_case = MARAC__V1__FRAME__BODY_CHECKPOINTS;
		fr.checkpoints = &c;
		rc = reply(w, j, &fr);
	}
	for (size_t i = 0; i < ns.n; i++)
		free(ns.v[i]);
	free(ns.v);
	return rc == MGW_OK ? queried(w, j, "checkpoints", NULL) : rc;
}

static int leaf_cb(void *ctx, uint64_t index, uint8_t out[32])
{
	return store_audit_leaf(ctx, index, out);
}

static uint64_t latest_size(store *st)
{
	uint64_t size = 0;
	char *note = NULL;
	if (store_checkpoint_latest(st, &size, &note) == MGW_OK)
		free(note);
	return size;
}

static int send_proof(struct wctx *w, const struct job *j, uint64_t seq, uint64_t old_size,
		      uint64_t size, uint8_t (*hashes)[32], size_t n, const uint8_t *leaf,
		      Marac__V1__AuditRecord *rec)
{
	ProtobufCBinaryData hs[MERKLE_PROOF_MAX];
	for (size_t i = 0; i < n; i++) {
		hs[i].data = hashes[i];
		hs[i].len = 32;
	}
	Marac__V1__Proof p = MARAC__V1__PROOF__INIT;
	p.seq = seq;
	p.old_size = old_size;
	p.tree_size = size;
	if (leaf) {
		p.leaf_hash.data = (uint8_t *)leaf;
		p.leaf_hash.len = 32;
	}
	p.hashes = hs;
	p.n_hashes = n;
	p.record = rec;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_PROOF;
	f.proof = &p;
	return reply(w, j, &f);
}

static int invalid(struct wctx *w, const struct job *j, const char *msg)
{
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST};
	return refuse(w->g, NULL, w, j, &r, "%s", msg);
}

static int on_inclusion(struct wctx *w, const struct job *j, const Marac__V1__InclusionProofRequest *r)
{
	uint64_t size = r->tree_size ? r->tree_size : latest_size(w->st);
	if (size == 0 || r->seq >= size || size > store_audit_size(w->st))
		return invalid(w, j, "seq must be below tree_size, and tree_size at most the log's size");
	uint8_t hashes[MERKLE_PROOF_MAX][32], leaf[32];
	size_t n = 0;
	uint8_t *b = NULL;
	size_t len = 0;
	ProtobufCMessage *m = NULL;
	int rc;
	/* O(log n) from the stored interior nodes; a tree whose nodes were not
	 * stored (a store from before they were) falls back to the leaves */
	rc = store_audit_inclusion_proof(w->st, r->seq, size, hashes, &n);
	if (rc == MGW_E_NOTFOUND)
		rc = merkle_inclusion_proof(leaf_cb, w->st, r->seq, size, hashes, &n);
	if (rc != MGW_OK ||
	    (rc = store_audit_leaf(w->st, r->seq, leaf)) != MGW_OK ||
	    (rc = store_audit_get(w->st, r->seq, &b, &len)) != MGW_OK ||
	    (rc = codec_unpack(&marac__v1__audit_record__descriptor, b, len, len, &m)) != MGW_OK) {
		free(b);
		return rc;
	}
	free(b);
	rc = send_proof(w, j, r->seq, 0, size, hashes, n, leaf, (Marac__V1__AuditRecord *)m);
	codec_free(m);
	return rc == MGW_OK ? queried(w, j, "inclusion_proof", NULL) : rc;
}

static int on_consistency(struct wctx *w, const struct job *j,
			  const Marac__V1__ConsistencyProofRequest *r)
{
	uint64_t size = r->new_size ? r->new_size : latest_size(w->st);
	if (r->old_size == 0 || r->old_size > size || size > store_audit_size(w->st))
		return invalid(w, j, "need 0 < old_size <= new_size <= the log's size");
	uint8_t hashes[MERKLE_PROOF_MAX][32];
	size_t n = 0;
	int rc = store_audit_consistency_proof(w->st, r->old_size, size, hashes, &n);
	if (rc == MGW_E_NOTFOUND) /* as on_inclusion */
		rc = merkle_consistency_proof(leaf_cb, w->st, r->old_size, size, hashes, &n);
	if (rc == MGW_OK)
		rc = send_proof(w, j, 0, r->old_size, size, hashes, n, NULL, NULL);
	return rc == MGW_OK ? queried(w, j, "consistency_proof", NULL) : rc;
}

static int auditor_wr_commit(struct job *jb, struct wctx *w)
{
	const Marac__V1__Frame *f = ((struct auditor_job *)jb)->frame;
	switch (f->body_case) {
	case MARAC__V1__FRAME__BODY_AUDIT_QUERY:
		return on_query(w, jb, f->audit_query);
	case MARAC__V1__FRAME__BODY_CHECKPOINT_REQUEST:
		return on_checkpoints(w, jb, f->checkpoint_request);
	case MARAC__V1__FRAME__BODY_INCLUSION_PROOF_REQUEST:
		return on_inclusion(w, jb, f->inclusion_proof_request);
	case MARAC__V1__FRAME__BODY_CONSISTENCY_PROOF_REQUEST:
		return on_consistency(w, jb, f->consistency_proof_request);
	default:
		return MGW_E_INVALID;
	}
}

static void auditor_wr_failed(struct job *jb, struct wctx *w)
{
	answer_not_stored(w, jb, NULL);
}

static void auditor_job_free(struct job *jb)
{
	struct auditor_job *j = (struct auditor_job *)jb;
	codec_free(j->frame ? &j->frame->base : NULL);
}

static const struct job_ops auditor_ops = {
	.name = "auditor",
	.wr_commit = auditor_wr_commit,
	.wr_failed = auditor_wr_failed,
	.free = auditor_job_free,
	.heavy = 1, /* a page scans thousands of records */
};

/* ---- service thread ---- */

/* Service thread: out-of-range fields, checked before queueing. */
static const char *svc_invalid(const Marac__V1__Frame *f)
{
	if (f->body_case == MARAC__V1__FRAME__BODY_AUDIT_QUERY) {
		const Marac__V1__AuditQuery *q = f->audit_query;
		if (q->case_ref[0] && !gw_case_ref_ok(q->case_ref))
			return "case_ref: not a case reference";
		if (q->node[0] && strlen(q->node) > MGW_ID_MAX)
			return "node: not a node id";
		if (q->agency &&
		    protobuf_c_enum_descriptor_get_value(&marac__v1__agency__descriptor, q->agency) == NULL)
			return "agency: unknown agency";
		if (q->event && protobuf_c_enum_descriptor_get_value(
					&marac__v1__audit_event__descriptor, q->event) == NULL)
			return "event: unknown event";
		if (q->from_ms < 0 || q->to_ms < 0 || (q->to_ms && q->from_ms > q->to_ms))
			return "from_ms, to_ms: need 0 <= from_ms <= to_ms";
		if (q->limit > QUERY_LIMIT_MAX)
			return "limit: at most 1000 (0 = 1000)";
	}
	return NULL;
}

void auditor_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	if (!(s->roles & MGW_ROLE_AUDITOR)) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
				    .reason = "not_auditor"};
		refuse(g, s, NULL, NULL, &r, "the audit trail is for certificates with the auditor role");
		goto drop;
	}
	const char *bad = svc_invalid(f);
	if (bad) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST};
		refuse(g, s, NULL, NULL, &r, "%s", bad);
		goto drop;
	}
	struct auditor_job *j = calloc(1, sizeof *j);
	if (j == NULL)
		goto drop;
	session_job_init(g, s, &j->base, &auditor_ops);
	j->frame = f;
	session_submit(g, s, &j->base, NULL);
	return;
drop:
	codec_free(&f->base);
}

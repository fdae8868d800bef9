/*
 * auditor.c: auditors read the trail over the same mTLS connection.
 *
 * Only a certificate with role "auditor" may ask; any other is refused
 * (NOT_AUTHORISED) and the refusal is audited. Every answered request is
 * itself an AUDIT_QUERIED record: who looked, and at what (filters are
 * ids and codes only).
 *
 * Reads use the service thread's read-only store handle. A query page scans
 * at most QUERY_SCAN_MAX records, so one request costs bounded time;
 * proofs read O(tree size) leaf hashes (no interior-node cache yet).
 */
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "log.h"
#include "merkle.h"
#include "mgw_err.h"

#define QUERY_LIMIT_MAX 1000u
#define QUERY_SCAN_MAX 20000u

static void reply(struct session *s, Marac__V1__Frame *f)
{
	uint8_t *buf;
	size_t len;
	if (codec_pack(&f->base, &buf, &len) == MGW_OK) {
		if (len > G.cfg->max_frame_bytes) {
			free(buf);
			frame_pack_error(MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE,
					 "answer above max_frame_bytes: ask for a smaller page", NULL, &buf,
					 &len);
		}
		session_queue_ctl(s, buf, len);
		free(buf);
	}
}

static void error(struct session *s, Marac__V1__ErrorCode code, const char *msg)
{
	uint8_t *buf;
	size_t len;
	if (frame_pack_error(code, msg, NULL, &buf, &len) == MGW_OK) {
		session_queue_ctl(s, buf, len);
		free(buf);
	}
}

/* AUDIT_QUERIED, with the filter's case ref and the node asked about. */
static void audit_queried(struct gw *g, struct session *s, const char *what, const char *case_ref)
{
	struct job *j = calloc(1, sizeof *j);
	Marac__V1__AuditRecord *r =
		(Marac__V1__AuditRecord *)codec_new(&marac__v1__audit_record__descriptor);
	if (j == NULL || r == NULL) {
		free(j);
		codec_free(r ? &r->base : NULL);
		return;
	}
	r->event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_AUDIT_QUERIED;
	r->actor_node = codec_strdup(s->node);
	r->actor_agency = s->agency;
	r->reason = codec_strdup(what);
	r->case_ref = codec_strdup(case_ref ? case_ref : "");
	j->kind = JOB_AUDIT;
	j->rec = r;
	snprintf(j->node, sizeof j->node, "%s", s->node);
	if (writer_submit(g, j) != MGW_OK)
		job_free(j);
}

static int matches(const Marac__V1__AuditQuery *q, const Marac__V1__AuditRecord *r)
{
	if (q->case_ref[0] && strcmp(q->case_ref, r->case_ref) != 0)
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

static void on_query(struct gw *g, struct session *s, const Marac__V1__AuditQuery *q)
{
	uint32_t limit = q->limit == 0 || q->limit > QUERY_LIMIT_MAX ? QUERY_LIMIT_MAX : q->limit;
	uint64_t size = store_audit_size(g->reader);
	Marac__V1__AuditRecord **recs = calloc(limit, sizeof *recs);
	if (recs == NULL)
		return;
	size_t n = 0;
	uint64_t seq = q->start_seq, scanned = 0;
	for (; seq < size && n < limit && scanned < QUERY_SCAN_MAX; seq++, scanned++) {
		uint8_t *b;
		size_t len;
		if (store_audit_get(g->reader, seq, &b, &len) != MGW_OK)
			break;
		ProtobufCMessage *m;
		int rc = codec_unpack(&marac__v1__audit_record__descriptor, b, len, len, &m);
		free(b);
		if (rc != MGW_OK)
			continue;
		if (matches(q, (Marac__V1__AuditRecord *)m))
			recs[n++] = (Marac__V1__AuditRecord *)m;
		else
			codec_free(m);
	}
	Marac__V1__AuditRecords ar = MARAC__V1__AUDIT_RECORDS__INIT;
	ar.records = recs;
	ar.n_records = n;
	ar.next_seq = seq;
	ar.more = seq < size;
	ar.tree_size = size;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_AUDIT_RECORDS;
	f.audit_records = &ar;
	reply(s, &f);
	for (size_t i = 0; i < n; i++)
		codec_free(&recs[i]->base);
	free(recs);
	audit_queried(g, s, "query", q->case_ref);
}

struct notes {
	char **v;
	size_t n, cap;
	int latest_only;
};

static int add_note(void *ctx, uint64_t size, const char *note)
{
	struct notes *ns = ctx;
	(void)size;
	if (ns->latest_only && ns->n == 1) {
		free(ns->v[0]);
		ns->n = 0;
	}
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
	return 0;
}

static void on_checkpoints(struct gw *g, struct session *s, const Marac__V1__CheckpointRequest *r)
{
	struct notes ns = {.latest_only = r->latest_only};
	store_checkpoint_list(g->reader, r->min_size, add_note, &ns);
	char vkey[512] = "";
	char path[4200];
	snprintf(path, sizeof path, "%s/audit.vkey", g->cfg->state_dir);
	FILE *f = fopen(path, "r");
	if (f) {
		if (fgets(vkey, sizeof vkey, f))
			vkey[strcspn(vkey, "\n")] = 0;
		fclose(f);
	}
	Marac__V1__Checkpoints c = MARAC__V1__CHECKPOINTS__INIT;
	c.notes = ns.v;
	c.n_notes = ns.n;
	c.vkey = vkey;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_CHECKPOINTS;
	fr.checkpoints = &c;
	reply(s, &fr);
	for (size_t i = 0; i < ns.n; i++)
		free(ns.v[i]);
	free(ns.v);
	audit_queried(g, s, "checkpoints", NULL);
}

static int leaf_cb(void *ctx, uint64_t index, uint8_t out[32])
{
	return store_audit_leaf(ctx, index, out);
}

static uint64_t latest_size(struct gw *g)
{
	uint64_t size = 0;
	char *note = NULL;
	if (store_checkpoint_latest(g->reader, &size, &note) == MGW_OK)
		free(note);
	return size;
}

static void send_proof(struct session *s, uint64_t seq, uint64_t old_size, uint64_t size,
		       uint8_t (*hashes)[32], size_t n, const uint8_t *leaf,
		       Marac__V1__AuditRecord *rec)
{
	ProtobufCBinaryData *hs = calloc(n ? n : 1, sizeof *hs);
	if (hs == NULL)
		return;
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
	reply(s, &f);
	free(hs);
}

static void on_inclusion(struct gw *g, struct session *s, const Marac__V1__InclusionProofRequest *r)
{
	uint64_t size = r->tree_size ? r->tree_size : latest_size(g);
	if (size == 0 || r->seq >= size || size > store_audit_size(g->reader)) {
		error(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE,
		      "seq must be below tree_size, and tree_size at most the log's size");
		return;
	}
	uint8_t hashes[MERKLE_PROOF_MAX][32], leaf[32];
	size_t n = 0;
	uint8_t *b = NULL;
	size_t len = 0;
	ProtobufCMessage *m = NULL;
	if (merkle_inclusion_proof(leaf_cb, g->reader, r->seq, size, hashes, &n) != MGW_OK ||
	    store_audit_leaf(g->reader, r->seq, leaf) != MGW_OK ||
	    store_audit_get(g->reader, r->seq, &b, &len) != MGW_OK ||
	    codec_unpack(&marac__v1__audit_record__descriptor, b, len, len, &m) != MGW_OK) {
		free(b);
		error(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL, "cannot build the proof");
		return;
	}
	free(b);
	send_proof(s, r->seq, 0, size, hashes, n, leaf, (Marac__V1__AuditRecord *)m);
	codec_free(m);
	audit_queried(g, s, "inclusion_proof", NULL);
}

static void on_consistency(struct gw *g, struct session *s,
			   const Marac__V1__ConsistencyProofRequest *r)
{
	uint64_t size = r->new_size ? r->new_size : latest_size(g);
	if (r->old_size == 0 || r->old_size > size || size > store_audit_size(g->reader)) {
		error(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE,
		      "need 0 < old_size <= new_size <= the log's size");
		return;
	}
	uint8_t hashes[MERKLE_PROOF_MAX][32];
	size_t n = 0;
	if (merkle_consistency_proof(leaf_cb, g->reader, r->old_size, size, hashes, &n) != MGW_OK) {
		error(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL, "cannot build the proof");
		return;
	}
	send_proof(s, 0, r->old_size, size, hashes, n, NULL, NULL);
	audit_queried(g, s, "consistency_proof", NULL);
}

void auditor_handle(struct gw *g, struct session *s, const Marac__V1__Frame *f)
{
	if (!(s->roles & MGW_ROLE_AUDITOR)) {
		log_event(LOG_WARN, "request_refused", "node", s->node, "reason", "not_auditor", NULL);
		audit_refusal(g, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, "not_auditor",
			      s->node, s->agency, s->cert_sha256, NULL);
		error(s, MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
		      "the audit trail is for certificates with the auditor role");
		return;
	}
	switch (f->body_case) {
	case MARAC__V1__FRAME__BODY_AUDIT_QUERY:
		on_query(g, s, f->audit_query);
		break;
	case MARAC__V1__FRAME__BODY_CHECKPOINT_REQUEST:
		on_checkpoints(g, s, f->checkpoint_request);
		break;
	case MARAC__V1__FRAME__BODY_INCLUSION_PROOF_REQUEST:
		on_inclusion(g, s, f->inclusion_proof_request);
		break;
	case MARAC__V1__FRAME__BODY_CONSISTENCY_PROOF_REQUEST:
		on_consistency(g, s, f->consistency_proof_request);
		break;
	default:
		break;
	}
}

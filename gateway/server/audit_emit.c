/*
 * audit_emit.c: the one function that builds and writes audit records, and
 * the grammars of the identifiers a sender chooses.
 *
 * Durability rule (one for every record): on the writer thread a record is
 * appended inside the batch's transaction, and any answer that depends on
 * it (ShareAccepted, an agenda, an audit answer) is a completion of the same
 * batch, handed to the service thread only after COMMIT. On the service
 * thread a record is queued as its own job (executor reserve): used only for
 * events nothing waits on (connections, refusals).
 *
 * Sender-chosen strings enter the trail only after their grammar passed;
 * otherwise as "sha256:<hex>" of their bytes, so a node cannot write free
 * text (or a megabyte) into the append-only trail or the logs.
 */
#include <openssl/sha.h>
#include <stdlib.h>
#include <string.h>

#include "caldate.h"
#include "gw.h"
#include "log.h"
#include "policy.h"
#include "mgw_err.h"

void gw_hex(const uint8_t *in, size_t n, char *out)
{
	static const char d[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = d[in[i] >> 4];
		out[2 * i + 1] = d[in[i] & 15];
	}
	out[2 * n] = 0;
}

int gw_msg_id_ok(const char *s)
{
	size_t n = s ? strnlen(s, MGW_MSG_ID_MAX + 1) : 0;
	if (n == 0 || n > MGW_MSG_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] <= ' ' || s[i] > '~')
			return 0;
	return 1;
}

int gw_case_ref_ok(const char *s)
{
	return policy_case_ref_ok(s); /* one grammar for the door, the trail and the views */
}

const char *gw_safe(const char *s, int (*ok)(const char *), char buf[72])
{
	if (s == NULL || s[0] == 0)
		return "";
	if (ok(s))
		return s;
	uint8_t md[32];
	codec_sha256(s, strlen(s), md);
	memcpy(buf, "sha256:", 7);
	gw_hex(md, 32, buf + 7);
	return buf;
}

static int reason_ok(const char *s)
{
	size_t n = s ? strnlen(s, 41) : 0;
	if (n == 0 || n > 40)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static void bytes(ProtobufCBinaryData *b, const uint8_t *d, size_t n)
{
	if (d) {
		b->data = (uint8_t *)d;
		b->len = n;
	}
}

/* An area id as config.c accepts one: 1..MGW_ID_MAX of A-Z a-z 0-9 . _ - */
static int area_id_ok(const char *s)
{
	size_t n = s ? strnlen(s, MGW_ID_MAX + 1) : 0;
	if (n == 0 || n > MGW_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/* A meeting date is recorded only as YYYY-MM-DD of a real day; else not at all. */
static const char *date_or_empty(const char *s)
{
	int32_t d;
	return s && strlen(s) == 10 && caldate_parse(s, &d) == 0 ? s : "";
}

/* The record, borrowing f's memory (strings sanitised into the buffers). */
static void build(Marac__V1__AuditRecord *r, const struct audit_fields *f, char mb[72],
		  char cb[72], char ab[72], char tb[72])
{
	marac__v1__audit_record__init(r);
	r->time_ms = f->time_ms;
	r->event = f->event;
	r->actor_node = (char *)(f->actor_node ? f->actor_node : "");
	r->actor_agency = f->actor_agency;
	r->recipient_node = (char *)(f->recipient_node ? f->recipient_node : "");
	r->recipient_agency = f->recipient_agency;
	r->case_ref = (char *)gw_safe(f->case_ref, gw_case_ref_ok, cb);
	r->msg_id = (char *)gw_safe(f->msg_id, gw_msg_id_ok, mb);
	r->delivery_id = (char *)(f->delivery_id ? f->delivery_id : "");
	bytes(&r->original_sha256, f->original_sha256, 32);
	bytes(&r->view_sha256, f->view_sha256, 32);
	bytes(&r->policy_sha256, f->policy_sha256, 32);
	bytes(&r->cert_sha256, f->cert_sha256, 32);
	bytes(&r->root_hash, f->root_hash, 32);
	bytes(&r->body_sha256, f->body_sha256, 32);
	r->manifest = f->manifest;
	r->n_manifest = f->n_manifest;
	r->purpose = f->purpose;
	r->lawful_basis = f->lawful_basis;
	r->reason = (char *)(f->reason == NULL ? "" : reason_ok(f->reason) ? f->reason : "invalid");
	r->tree_size = f->tree_size;
	r->count = f->count;
	r->marac_area = (char *)gw_safe(f->marac_area, area_id_ok, ab);
	r->meeting_date = (char *)date_or_empty(f->meeting_date);
	r->attempted = (char *)(f->attempted && reason_ok(f->attempted) ? f->attempted : "");
	r->case_known = f->case_known != 0;
	/* case lifecycle (h13-life) */
	r->to_case_ref = (char *)gw_safe(f->to_case_ref, gw_case_ref_ok, tb);
	r->to_area = (char *)(f->to_area && area_id_ok(f->to_area) ? f->to_area : "");
	/* flags and lookups: kind names are static strings, agencies enum values */
	r->matched_on = (char **)f->matched_on;
	r->n_matched_on = f->n_matched_on;
	bytes(&r->query_sha256, f->query_sha256, 32);
	r->flagged_agencies = (Marac__V1__Agency *)f->flagged_agencies;
	r->n_flagged_agencies = f->n_flagged_agencies;
	r->item_id = (char *)(f->item_id ? f->item_id : "");     /* h12-actions */
	r->due_date = (char *)(f->due_date ? f->due_date : "");
}

/* A service-thread record: the packed bytes, appended by the writer. */
struct audit_job {
	struct job base;
	uint8_t *packed;
	size_t len;
};

static int audit_wr_commit(struct job *jb, struct wctx *w)
{
	struct audit_job *j = (struct audit_job *)jb;
	ProtobufCMessage *m = NULL;
	int rc = codec_unpack(&marac__v1__audit_record__descriptor, j->packed, j->len, j->len, &m);
	if (rc != MGW_OK)
		return rc;
	Marac__V1__AuditRecord *r = (Marac__V1__AuditRecord *)m;
	r->seq = 0;
	rc = store_audit_append(w->st, r, NULL);
	codec_free(m);
	return rc;
}

static void audit_job_free(struct job *jb)
{
	free(((struct audit_job *)jb)->packed);
}

static const struct job_ops audit_ops = {
	.name = "audit",
	.wr_commit = audit_wr_commit,
	.free = audit_job_free,
	.retry = 1,
};

int audit_emit(struct gw *g, struct wctx *w, const struct audit_fields *f, uint64_t *seq)
{
	char mb[72], cb[72], ab[72], tb[72];
	Marac__V1__AuditRecord r;
	build(&r, f, mb, cb, ab, tb);
	if (w != NULL) {
		int rc = store_audit_append(w->st, &r, NULL);
		if (rc == MGW_OK && seq)
			*seq = r.seq;
		return rc;
	}
	if (r.time_ms == 0)
		r.time_ms = store_now_ms(); /* when it happened, not when committed */
	struct audit_job *j = calloc(1, sizeof *j);
	if (j == NULL || codec_pack(&r.base, &j->packed, &j->len) != MGW_OK) {
		free(j);
		log_event(LOG_ERROR, "audit_dropped", "reason", r.reason, "why", "out_of_memory",
			  NULL);
		return MGW_E_NOMEM;
	}
	j->base.ops = &audit_ops;
	snprintf(j->base.node, sizeof j->base.node, "%s", r.actor_node);
	j->base.epoch = epoch_get(g->epoch);
	if (executor_submit(g, &j->base, 1) < 0) {
		log_event(LOG_ERROR, "audit_dropped", "reason", r.reason, "why", "queue_full", NULL);
		job_free(&j->base);
		return MGW_E_TOO_LARGE;
	}
	return MGW_OK;
}

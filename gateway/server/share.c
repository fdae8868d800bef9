/*
 * share.c: one share, from validation on the service thread to the single
 * store transaction on the writer thread.
 *
 * Service side (share_route): authorise the sender (role "node", the case's
 * area among its areas), check every required field, resolve recipient
 * agencies to registered nodes serving the area. Identity comes from the
 * session (the certificate), never from the frame.
 *
 * Writer side (share_commit), inside the batch transaction: msg_id dedupe
 * (same bytes: the original ShareAccepted, flagged duplicate; other bytes:
 * MSG_ID_CONFLICT), then per recipient agency the redacted view under the
 * policy the share was routed with, then per recipient node the outbox row
 * and its DELIVERY_COMMITTED audit record, the SHARE_ACCEPTED record and the
 * stored ShareAccepted. All or nothing: the savepoint around the job undoes
 * a partial share.
 */
#include <openssl/rand.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "log.h"
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

int frame_pack_error(Marac__V1__ErrorCode code, const char *msg, const char *msg_id,
		     uint8_t **out, size_t *len)
{
	Marac__V1__Error e = MARAC__V1__ERROR__INIT;
	e.code = code;
	e.message = (char *)msg;
	e.msg_id = (char *)(msg_id ? msg_id : "");
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_ERROR;
	f.error = &e;
	return codec_pack(&f.base, out, len);
}

int share_msg_id_ok(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	if (n == 0 || n > MGW_MSG_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (id[i] <= ' ' || id[i] > '~')
			return 0;
	return 1;
}

static void refuse(Marac__V1__Error *e, Marac__V1__ErrorCode code, char *buf, size_t n,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void refuse(Marac__V1__Error *e, Marac__V1__ErrorCode code, char *buf, size_t n,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	e->code = code;
	e->message = buf;
}

int share_route_agency(struct gw *g, struct job *j, const char *sender, const char *area, int ag,
		       Marac__V1__Error *e, char *eb, size_t en)
{
	int found = 0;
	for (size_t k = 0; k < g->cfg->n_nodes; k++) {
		const struct mgw_node *n = &g->cfg->nodes[k];
		if (n->agency != ag || !(n->roles & MGW_ROLE_NODE) || strcmp(n->id, sender) == 0 ||
		    !config_node_in_area(n, area))
			continue;
		if (j->n_recip >= MGW_MAX_RECIPIENT_NODES) {
			refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE, eb, en,
			       "to: too many recipient nodes");
			return -1;
		}
		struct recipient *r = &j->recip[j->n_recip];
		uint8_t rnd[16];
		if (RAND_bytes(rnd, sizeof rnd) != 1) {
			refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL, eb, en, "no randomness");
			return -1;
		}
		snprintf(r->node, sizeof r->node, "%s", n->id);
		r->agency = ag;
		gw_hex(rnd, sizeof rnd, r->delivery_id);
		j->n_recip++;
		found++;
	}
	return found;
}

struct job *share_route(struct gw *g, struct session *s, Marac__V1__Frame *f,
			Marac__V1__Error *e, char *eb, size_t en)
{
	Marac__V1__Share *sh = f->share;
	const struct mgw_node *me = config_node_by_id(g->cfg, s->node);
	const Marac__V1__CaseSummary *cs = sh->summary;
	if (me == NULL || !(me->roles & MGW_ROLE_NODE)) {
		refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED, eb, en,
		       "certificate has no node role");
		return NULL;
	}
	if (!share_msg_id_ok(sh->msg_id)) {
		refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE, eb, en,
		       "msg_id: 1-128 printable ASCII characters, no spaces");
		return NULL;
	}
	if (sh->n_to == 0) {
		refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE, eb, en,
		       "to: at least one recipient agency");
		return NULL;
	}
	if (sh->purpose == MARAC__V1__PURPOSE__PURPOSE_UNSPECIFIED ||
	    protobuf_c_enum_descriptor_get_value(&marac__v1__purpose__descriptor,
						 sh->purpose) == NULL) {
		refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE, eb, en,
		       "purpose: required");
		return NULL;
	}
	if (sh->lawful_basis == MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_UNSPECIFIED ||
	    protobuf_c_enum_descriptor_get_value(&marac__v1__lawful_basis__descriptor,
						 sh->lawful_basis) == NULL) {
		refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE, eb, en,
		       "lawful_basis: required");
		return NULL;
	}
	if (cs == NULL || cs->case_ref == NULL || cs->case_ref[0] == 0) {
		refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE, eb, en,
		       "summary.case_ref: required");
		return NULL;
	}
	if (cs->marac_area == NULL || cs->marac_area[0] == 0) {
		refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE, eb, en,
		       "summary.marac_area: required");
		return NULL;
	}
	if (!config_node_in_area(me, cs->marac_area)) {
		refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED, eb, en,
		       "summary.marac_area: this node does not serve area \"%s\"", cs->marac_area);
		return NULL;
	}

	struct job *j = calloc(1, sizeof *j);
	if (j == NULL) {
		refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_OVERLOADED, eb, en, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < sh->n_to; i++) {
		int ag = sh->to[i];
		if (ag <= 0 || protobuf_c_enum_descriptor_get_value(&marac__v1__agency__descriptor,
								    ag) == NULL) {
			refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE, eb, en,
			       "to: unknown agency");
			goto fail;
		}
		int dup = 0;
		for (size_t k = 0; k < i; k++)
			dup |= (int)sh->to[k] == ag;
		if (dup)
			continue;
		int found = share_route_agency(g, j, s->node, cs->marac_area, ag, e, eb, en);
		if (found < 0)
			goto fail;
		if (found == 0) {
			refuse(e, MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_RECIPIENT, eb, en,
			       "to: no registered node of agency \"%s\" serves this area",
			       config_agency_name(ag));
			goto fail;
		}
	}
	if (codec_digest(&sh->base, j->digest) != MGW_OK)
		goto fail;
	j->kind = JOB_SHARE;
	j->conn_id = s->conn_id;
	snprintf(j->node, sizeof j->node, "%s", s->node);
	j->agency = s->agency;
	j->frame = f;
	j->policy = policy_ref_get(g);
	return j;
fail:
	free(j);
	return NULL;
}

/* A stored acceptance, re-sent with duplicate=true. */
int share_answer_duplicate(struct job *j, const uint8_t *acc, size_t acc_len,
			    struct completion **answers)
{
	Marac__V1__Frame *f;
	if (codec_frame_unpack(acc, acc_len, acc_len, &f) != MGW_OK)
		return MGW_E_DB;
	if (f->body_case == MARAC__V1__FRAME__BODY_SHARE_ACCEPTED)
		f->share_accepted->duplicate = 1;
	else if (f->body_case == MARAC__V1__FRAME__BODY_REFERRAL_ACCEPTED)
		f->referral_accepted->duplicate = 1;
	uint8_t *buf;
	size_t len;
	int rc = codec_pack(&f->base, &buf, &len);
	codec_free(&f->base);
	if (rc == MGW_OK)
		completion_push(answers, completion_frame(j->conn_id, buf, len));
	return rc;
}

static void bytes_field(ProtobufCBinaryData *b, uint8_t *d, size_t n)
{
	b->data = d;
	b->len = n;
}

/* One recipient agency: its view, then one outbox row + audit record per node. */
static int deliver_agency(store *st, struct job *j, const Marac__V1__Share *sh, int agency,
			  int64_t now, uint8_t *policy_hash, Marac__V1__DeliveryRef **refs,
			  size_t *n_refs, struct completion **notify)
{
	Marac__V1__CaseSummary *view = NULL;
	Marac__V1__RedactionEntry **man = NULL;
	size_t n_man = 0;
	int rc = policy_redact(j->policy->p, sh->summary, agency, sh->purpose, &view, &man, &n_man);
	if (rc != MGW_OK)
		return rc;
	uint8_t view_digest[32];
	rc = codec_digest(&view->base, view_digest);
	if (rc != MGW_OK)
		goto out;
	for (size_t i = 0; i < j->n_recip; i++) {
		struct recipient *r = &j->recip[i];
		if (r->agency != agency)
			continue;
		Marac__V1__Deliver d = MARAC__V1__DELIVER__INIT;
		d.delivery_id = r->delivery_id;
		d.msg_id = sh->msg_id;
		d.from_node = j->node;
		d.from_agency = j->agency;
		d.purpose = sh->purpose;
		d.lawful_basis = sh->lawful_basis;
		d.summary = view;
		d.manifest = man;
		d.n_manifest = n_man;
		bytes_field(&d.policy_sha256, policy_hash, 32);
		d.accepted_at_ms = now;
		uint8_t *buf;
		size_t len;
		if ((rc = codec_pack(&d.base, &buf, &len)) != MGW_OK)
			goto out;
		uint64_t seq;
		rc = store_delivery_insert(st, r->delivery_id, r->node, agency, buf, len, &seq);
		free(buf);
		if (rc != MGW_OK)
			goto out;
		Marac__V1__AuditRecord rec = MARAC__V1__AUDIT_RECORD__INIT;
		rec.time_ms = now;
		rec.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED;
		rec.actor_node = j->node;
		rec.actor_agency = j->agency;
		rec.recipient_node = r->node;
		rec.recipient_agency = agency;
		rec.case_ref = sh->summary->case_ref;
		rec.msg_id = sh->msg_id;
		rec.delivery_id = r->delivery_id;
		bytes_field(&rec.original_sha256, j->digest, 32);
		bytes_field(&rec.view_sha256, view_digest, 32);
		rec.manifest = man;
		rec.n_manifest = n_man;
		bytes_field(&rec.policy_sha256, policy_hash, 32);
		rec.purpose = sh->purpose;
		rec.lawful_basis = sh->lawful_basis;
		if ((rc = store_audit_append(st, &rec, NULL)) != MGW_OK)
			goto out;
		Marac__V1__DeliveryRef *ref = refs[*n_refs];
		ref->delivery_id = r->delivery_id;
		ref->agency = agency;
		ref->node_id = r->node;
		(*n_refs)++;
		completion_push(notify, completion_notify(r->node));
	}
out:
	policy_manifest_free(man, n_man);
	codec_free(&view->base);
	return rc;
}

int share_deliver(store *st, struct job *j, const Marac__V1__Share *sh, int64_t now,
		  uint8_t policy_hash[32], Marac__V1__DeliveryRef *ref_store,
		  Marac__V1__DeliveryRef **refs, size_t *n_refs, struct completion **notify)
{
	for (size_t i = 0; i < MGW_MAX_RECIPIENT_NODES; i++) {
		marac__v1__delivery_ref__init(&ref_store[i]);
		refs[i] = &ref_store[i];
	}
	*n_refs = 0;
	for (size_t i = 0; i < j->n_recip; i++) {
		int ag = j->recip[i].agency;
		int seen = 0;
		for (size_t k = 0; k < i; k++)
			seen |= j->recip[k].agency == ag;
		if (seen)
			continue;
		int rc = deliver_agency(st, j, sh, ag, now, policy_hash, refs, n_refs, notify);
		if (rc != MGW_OK)
			return rc;
	}
	return MGW_OK;
}

int share_seen_before(struct gw *g, store *st, struct job *j, const char *msg_id,
		      struct completion **answers, int *handled)
{
	uint8_t old_digest[32];
	uint8_t *acc = NULL;
	size_t acc_len = 0;
	*handled = 0;
	int rc = store_share_lookup(st, j->node, msg_id, old_digest, &acc, &acc_len);
	if (rc == MGW_E_NOTFOUND)
		return MGW_OK;
	if (rc != MGW_OK)
		return rc;
	*handled = 1;
	if (memcmp(old_digest, j->digest, 32) == 0) {
		rc = share_answer_duplicate(j, acc, acc_len, answers);
		free(acc);
		log_event(LOG_INFO, "request_duplicate", "node", j->node, "msg_id", msg_id, NULL);
		return rc;
	}
	free(acc);
	uint8_t *buf;
	size_t len;
	if (frame_pack_error(MARAC__V1__ERROR_CODE__ERROR_CODE_MSG_ID_CONFLICT,
			     "msg_id was used before for a different request", msg_id, &buf,
			     &len) == MGW_OK)
		completion_push(answers, completion_frame(j->conn_id, buf, len));
	Marac__V1__AuditRecord rec = MARAC__V1__AUDIT_RECORD__INIT;
	rec.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED;
	rec.actor_node = j->node;
	rec.actor_agency = j->agency;
	rec.msg_id = (char *)msg_id;
	rec.reason = "msg_id_conflict";
	metrics_refusal(g, "msg_id_conflict");
	log_event(LOG_WARN, "request_refused", "node", j->node, "msg_id", msg_id, "reason",
		  "msg_id_conflict", NULL);
	return store_audit_append(st, &rec, NULL);
}

int share_commit(struct gw *g, store *st, struct job *j, struct completion **answers,
		 struct completion **notify)
{
	Marac__V1__Share *sh = j->frame->share;
	int handled = 0;
	int rc = share_seen_before(g, st, j, sh->msg_id, answers, &handled);
	if (rc != MGW_OK || handled)
		return rc;

	int64_t now = store_now_ms();
	uint8_t policy_hash[32];
	memcpy(policy_hash, policy_sha256(j->policy->p), 32);
	uint8_t orig_digest[32];
	if ((rc = codec_digest(&sh->summary->base, orig_digest)) != MGW_OK)
		return rc;

	Marac__V1__AuditRecord rec = MARAC__V1__AUDIT_RECORD__INIT;
	rec.time_ms = now;
	rec.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED;
	rec.actor_node = j->node;
	rec.actor_agency = j->agency;
	rec.case_ref = sh->summary->case_ref;
	rec.msg_id = sh->msg_id;
	bytes_field(&rec.original_sha256, orig_digest, 32);
	bytes_field(&rec.policy_sha256, policy_hash, 32);
	rec.purpose = sh->purpose;
	rec.lawful_basis = sh->lawful_basis;
	if ((rc = store_audit_append(st, &rec, NULL)) != MGW_OK)
		return rc;
	uint64_t audit_seq = rec.seq;

	Marac__V1__DeliveryRef ref_store[MGW_MAX_RECIPIENT_NODES];
	Marac__V1__DeliveryRef *refs[MGW_MAX_RECIPIENT_NODES];
	size_t n_refs = 0;
	struct completion *local_notify = NULL;
	rc = share_deliver(st, j, sh, now, policy_hash, ref_store, refs, &n_refs, &local_notify);
	if (rc != MGW_OK)
		goto fail;

	Marac__V1__ShareAccepted sa = MARAC__V1__SHARE_ACCEPTED__INIT;
	sa.msg_id = sh->msg_id;
	sa.deliveries = refs;
	sa.n_deliveries = n_refs;
	sa.audit_seq = audit_seq;
	sa.accepted_at_ms = now;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_SHARE_ACCEPTED;
	f.share_accepted = &sa;
	uint8_t *buf;
	size_t len;
	if ((rc = codec_pack(&f.base, &buf, &len)) != MGW_OK)
		goto fail;
	rc = store_share_insert(st, j->node, sh->msg_id, j->digest, now, buf, len);
	if (rc != MGW_OK) {
		free(buf);
		goto fail;
	}
	completion_push(answers, completion_frame(j->conn_id, buf, len));
	completion_push(notify, local_notify);
	__atomic_add_fetch(&g->m.shares_accepted, 1, __ATOMIC_RELAXED);
	char seqs[24];
	snprintf(seqs, sizeof seqs, "%llu", (unsigned long long)audit_seq);
	log_event(LOG_INFO, "share_accepted", "node", j->node, "msg_id", sh->msg_id, "audit_seq",
		  seqs, NULL);
	return MGW_OK;
fail:
	while (local_notify) {
		struct completion *c = local_notify;
		local_notify = c->next;
		free(c);
	}
	return rc;
}

/*
 * req_share.c: one Share, from the door to the single store transaction.
 *
 * Service thread (share_svc_on): role "node" and the case's area among the
 * sender's areas; msg_id and case_ref by their grammar (else refused, and
 * only their digests are logged or audited); every required field; the
 * recipient agencies as a set (at most one per agency: more entries than
 * there are agencies is refused, repeats are ignored), each resolved to the
 * registered nodes serving the area under the epoch in force, which the job
 * pins, but for those whose registered certificate is expired or revoked
 * (share_svc_drop_invalid; an agency left with none is UNKNOWN_RECIPIENT). Identity comes from the session (the certificate), never the frame.
 *
 * Writer thread (share_wr_commit), inside the job's savepoint: msg_id
 * dedupe (same bytes: the stored ShareAccepted, flagged duplicate; other
 * bytes: MSG_ID_CONFLICT); the view of every recipient agency under the
 * pinned policy, all computed before anything is written, and the share is
 * refused VIEW_TOO_LARGE if one Deliver would not fit max_frame_bytes (a
 * node could never receive it), OUTBOX_FULL if a recipient node has not
 * collected limits.max_outbox_per_node deliveries (share_wr_outbox_room);
 * then the SHARE_ACCEPTED record, per node
 * the outbox row and its DELIVERY_COMMITTED record, and the stored
 * ShareAccepted, answered after COMMIT. All or nothing.
 */
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cases.h"
#include "dash.h"
#include "gw.h"
#include "log.h"
#include "mgw_err.h"

#define AGENCY_MAX MARAC__V1__AGENCY__AGENCY_EDUCATION

/* A view's body: the Deliver without seq and delivery_id, packed and hashed. */
struct share_body {
	uint8_t *buf;               /* malloc'd */
	size_t len;
	uint8_t digest[32];         /* SHA-256(buf) */
	int same_as;                /* index of an earlier view with the same bytes, or -1 */
	int64_t id;                 /* writer: its row (store_body_put), in the open batch */
};

struct share_job {
	struct job base;
	Marac__V1__Frame *frame;    /* owned: frame->share */
	uint8_t digest[32];         /* SHA-256 of the packed Share (share_prepare: off the service thread) */
	struct recipients rc;
	/* share_prepare's results (a worker thread), used and kept by the writer */
	int digest_rc;              /* the Share's digest: 0, or MGW_E_NOMEM (not stored) */
	int prep_rc;                /* share_wr_views' result, or packing's */
	int too_big;                /* as share_wr_views */
	int64_t now;                /* the acceptance time the bodies carry */
	uint8_t orig_digest[32];    /* SHA-256 of the packed CaseSummary */
	struct view v[AGENCY_MAX + 1];
	size_t nv;
	struct share_body bodies[AGENCY_MAX + 1];
};

/* ---- service thread ---- */

/*
 * 16 random bytes for a delivery id, from a pool refilled 4 KiB at a time:
 * one RAND_bytes per share cost a DRBG lock and call per recipient (13% of
 * the service thread at 4 recipients). Service thread only (the pool is
 * unlocked). 0, or -1 if the DRBG failed.
 */
static int delivery_id_bytes(uint8_t out[16])
{
	static uint8_t pool[4096];
	static size_t left;
	if (left < 16) {
		if (RAND_bytes(pool, sizeof pool) != 1)
			return -1;
		left = sizeof pool;
	}
	left -= 16;
	memcpy(out, pool + left, 16);
	OPENSSL_cleanse(pool + left, 16); /* an id handed out is not kept here */
	return 0;
}

int share_svc_add_agency(const struct epoch *e, struct recipients *rc, const char *sender,
			 const char *area, int ag)
{
	int found = 0;
	const struct mgw_config *c = e->cfg;
	for (size_t k = 0; k < c->n_nodes; k++) {
		const struct mgw_node *n = &c->nodes[k];
		if (n->agency != ag || !(n->roles & MGW_ROLE_NODE) || strcmp(n->id, sender) == 0 ||
		    !config_node_in_area(n, area))
			continue;
		if (rc->n >= MGW_MAX_RECIPIENT_NODES)
			return -1;
		struct recipient *r = &rc->r[rc->n];
		uint8_t rnd[16];
		if (delivery_id_bytes(rnd) != 0)
			return -1;
		snprintf(r->node, sizeof r->node, "%s", n->id);
		r->agency = ag;
		gw_hex(rnd, sizeof rnd, r->delivery_id);
		rc->n++;
		found++;
	}
	return found;
}

/*
 * The one filter of a recipient list: keeps, in order, the recipients
 * rc->r[from..n) that keep(ctx, r) returns 1 for; 0 drops one, a negative
 * code stops (rc->n then counts those kept so far and the rest unread).
 * Returns how many of rc->r[from..) are kept, or that code.
 */
static long recipients_filter(struct recipients *rc, size_t from,
			      int (*keep)(void *ctx, const struct recipient *r), void *ctx)
{
	size_t kept = from, i = from;
	int k = 0;
	for (; i < rc->n; i++) {
		if ((k = keep(ctx, &rc->r[i])) < 0)
			break;
		if (k)
			rc->r[kept++] = rc->r[i];
	}
	if (k < 0) { /* the unread ones stay, after those kept */
		memmove(&rc->r[kept], &rc->r[i], (rc->n - i) * sizeof rc->r[0]);
		rc->n = kept + (rc->n - i);
		return k;
	}
	rc->n = kept;
	return (long)(kept - from);
}

struct cert_ok_ctx {
	const struct epoch *e;
	long long now;
	const char *what;
};

static int cert_ok(void *ctx, const struct recipient *r)
{
	struct cert_ok_ctx *c = ctx;
	const struct mgw_node *n = config_node_by_id(c->e->cfg, r->node);
	int st = config_node_cert_state(n, c->e->crl, c->now);
	if (st != NODE_CERT_EXPIRED && st != NODE_CERT_REVOKED)
		return 1;
	log_event(LOG_WARN, "recipient_cert_invalid", "node", r->node, "for", c->what, "reason",
		  st == NODE_CERT_REVOKED ? "revoked" : "expired", NULL);
	return 0;
}

size_t share_svc_drop_invalid(const struct epoch *e, struct recipients *rc, size_t from,
			      const char *what)
{
	struct cert_ok_ctx c = {e, (long long)time(NULL), what};
	return (size_t)recipients_filter(rc, from, cert_ok, &c);
}

struct room_ctx {
	struct wctx *w;
	unsigned cap;
	/* agencies with a recipient, and with one that has room (by Agency value) */
	int had[AGENCY_MAX + 1], left[AGENCY_MAX + 1];
	char full_node[MGW_ID_MAX + 1];
	uint64_t full_span;
};

static int has_room(void *ctx, const struct recipient *r)
{
	struct room_ctx *c = ctx;
	uint64_t span = 0;
	int rc_db = store_outbox_span(c->w->st, r->node, &span);
	if (rc_db != MGW_OK)
		return rc_db;
	int ag = r->agency > 0 && r->agency <= AGENCY_MAX ? r->agency : 0;
	c->had[ag] = 1;
	if (span < c->cap) {
		c->left[ag] = 1;
		return 1;
	}
	/* a node that does not collect is skipped, as one whose certificate
	 * is invalid: its agency's other nodes, and every other agency, still
	 * get the share */
	char n[24];
	snprintf(n, sizeof n, "%llu", (unsigned long long)span);
	log_event(LOG_WARN, "outbox_full", "node", r->node, "undelivered", n, NULL);
	snprintf(c->full_node, sizeof c->full_node, "%s", r->node);
	c->full_span = span;
	return 0;
}

static const struct job_ops share_ops;

int share_wr_outbox_room(struct wctx *w, const struct job *j, struct recipients *rc,
			 const char *msg_id, const char *case_ref, int whole_agency, int *refused)
{
	struct room_ctx c = {.w = w, .cap = w->e->cfg->max_outbox_per_node};
	*refused = 0;
	if (c.cap == 0)
		c.cap = MGW_OUTBOX_NODE_DEFAULT; /* a config built without the key (tests) */
	long kept = recipients_filter(rc, 0, has_room, &c);
	if (kept < 0)
		return (int)kept;
	for (int ag = 0; whole_agency && ag <= AGENCY_MAX; ag++) {
		if (!c.had[ag] || c.left[ag])
			continue;
		/* every node of an agency the sender named is full: tell it */
		*refused = 1;
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_OUTBOX_FULL,
				    .reason = "outbox_full", .msg_id = msg_id, .case_ref = case_ref};
		return refuse(w->g, NULL, w, j, &r,
			      "to: %s: node %s has not collected %llu deliveries "
			      "(limits.max_outbox_per_node %u) and the agency has no other node; "
			      "nothing was shared",
			      config_agency_name(ag), c.full_node, (unsigned long long)c.full_span,
			      c.cap);
	}
	return MGW_OK;
}

void share_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	Marac__V1__Share *sh = f->share;
	const struct mgw_node *me = config_node_by_id(g->epoch->cfg, s->node);
	const Marac__V1__CaseSummary *cs = sh->summary;
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE,
			    .msg_id = sh->msg_id,
			    .case_ref = cs ? cs->case_ref : NULL};
	struct share_job *j = NULL;
	if (me == NULL || !(me->roles & MGW_ROLE_NODE)) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
		refuse(g, s, NULL, NULL, &r, "certificate has no node role");
		goto drop;
	}
	if (!gw_msg_id_ok(sh->msg_id)) {
		r.reason = "invalid_msg_id";
		refuse(g, s, NULL, NULL, &r, "msg_id: 1-128 printable ASCII characters, no spaces");
		goto drop;
	}
	if (sh->n_to == 0 || sh->n_to > AGENCY_MAX) {
		refuse(g, s, NULL, NULL, &r, "to: 1 to %d recipient agencies", AGENCY_MAX);
		goto drop;
	}
	if (sh->purpose == MARAC__V1__PURPOSE__PURPOSE_UNSPECIFIED ||
	    protobuf_c_enum_descriptor_get_value(&marac__v1__purpose__descriptor, sh->purpose) ==
		    NULL) {
		refuse(g, s, NULL, NULL, &r, "purpose: required");
		goto drop;
	}
	if (sh->lawful_basis == MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_UNSPECIFIED ||
	    protobuf_c_enum_descriptor_get_value(&marac__v1__lawful_basis__descriptor,
						 sh->lawful_basis) == NULL) {
		refuse(g, s, NULL, NULL, &r, "lawful_basis: required");
		goto drop;
	}
	if (cs == NULL || cs->case_ref == NULL || cs->case_ref[0] == 0) {
		refuse(g, s, NULL, NULL, &r, "summary.case_ref: required");
		goto drop;
	}
	if (!gw_case_ref_ok(cs->case_ref)) {
		r.reason = "invalid_case_ref";
		refuse(g, s, NULL, NULL, &r,
		       "summary.case_ref: 1-64 of A-Z a-z 0-9 - / . _, starting with a letter or digit");
		goto drop;
	}
	{
		/*
		 * The basis the sending agency may claim (dash.c's table, the same
		 * as for referrals): consent only when the summary says the victim
		 * consented; law enforcement only for police and probation; and so on.
		 */
		Marac__V1__Referral basis = MARAC__V1__REFERRAL__INIT;
		char field[32], why[256];
		basis.consent_given = cs->consent_given;
		if (referral_basis_check(s->agency, sh->lawful_basis, &basis, field, sizeof field, why,
					 sizeof why) != MGW_OK) {
			r.reason = "lawful_basis";
			refuse(g, s, NULL, NULL, &r, "%s: %s", field, why);
			goto drop;
		}
	}
	if (cs->marac_area == NULL || cs->marac_area[0] == 0) {
		refuse(g, s, NULL, NULL, &r, "summary.marac_area: required");
		goto drop;
	}
	if (!config_node_in_area(me, cs->marac_area)) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
		refuse(g, s, NULL, NULL, &r, "summary.marac_area: this node does not serve that area");
		goto drop;
	}
	unsigned seen = 0; /* agencies already routed: a set, not a scan */
	for (size_t i = 0; i < sh->n_to; i++) {
		int ag = sh->to[i];
		if (ag <= 0 || ag > AGENCY_MAX) {
			refuse(g, s, NULL, NULL, &r, "to: unknown agency");
			goto drop;
		}
		seen |= 1u << ag;
	}
	j = calloc(1, sizeof *j);
	if (j == NULL) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_OVERLOADED;
		refuse(g, s, NULL, NULL, &r, "out of memory; retry with the same msg_id");
		goto drop;
	}
	for (int ag = 1; ag <= AGENCY_MAX; ag++) {
		if (!(seen & (1u << ag)))
			continue;
		size_t from = j->rc.n;
		int found = share_svc_add_agency(g->epoch, &j->rc, s->node, cs->marac_area, ag);
		if (found < 0) {
			refuse(g, s, NULL, NULL, &r, "to: too many recipient nodes");
			goto drop;
		}
		/* r-redteam4: as for referrals, not to a node that cannot connect
		 * (expired) or must not (revoked): its outbox grew with every share
		 * and nothing could ever drain it */
		if (found > 0 && share_svc_drop_invalid(g->epoch, &j->rc, from, "share") == 0) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_RECIPIENT;
			refuse(g, s, NULL, NULL, &r,
			       "to: no node of agency \"%s\" serving this area has a valid "
			       "certificate",
			       config_agency_name(ag));
			goto drop;
		}
		if (found == 0) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_RECIPIENT;
			refuse(g, s, NULL, NULL, &r,
			       "to: no registered node of agency \"%s\" serves this area",
			       config_agency_name(ag));
			goto drop;
		}
	}
	/* The Share's digest (msg_id dedupe) is the worker's (share_prepare):
	 * packing and hashing a whole case is O(n) work the service thread skips. */
	session_job_init(g, s, &j->base, &share_ops);
	j->frame = f;
	session_submit(g, s, &j->base, sh->msg_id);
	return;
drop:
	free(j);
	codec_free(&f->base);
}

/* ---- writer thread ---- */

void share_views_free(struct view *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		policy_manifest_free(v[i].man, v[i].n_man);
		codec_free(v[i].summary ? &v[i].summary->base : NULL);
	}
}

static void bytes_field(ProtobufCBinaryData *b, const uint8_t *d, size_t n)
{
	b->data = (uint8_t *)d;
	b->len = n;
}

static void deliver_fill(Marac__V1__Deliver *d, const struct job *j, const struct recipient *r,
			 const Marac__V1__Share *sh, const struct view *v, const uint8_t *policy_hash,
			 int64_t now)
{
	marac__v1__deliver__init(d);
	/* r NULL: the stored body, which leaves the id to the transport (session.c) */
	d->delivery_id = r ? (char *)r->delivery_id : (char *)"";
	d->msg_id = sh->msg_id;
	d->from_node = (char *)j->node;
	d->from_agency = j->agency;
	d->purpose = sh->purpose;
	d->lawful_basis = sh->lawful_basis;
	d->summary = v->summary;
	d->manifest = v->man;
	d->n_manifest = v->n_man;
	bytes_field(&d->policy_sha256, policy_hash, 32);
	d->accepted_at_ms = now;
}

/* Frame header + Deliver.seq that the transport adds to a stored body (session.c);
 * the delivery_id it adds too is in the size measured below. */
#define DELIVER_WIRE_OVERHEAD 24u

int share_wr_views(struct wctx *w, const struct job *j, const struct recipients *rc,
		   const Marac__V1__Share *sh, struct view *v, size_t *n, int *too_big)
{
	const policy *p = w->e->policy;
	*n = 0;
	/* one view per agency; recipients with the same visibility profile
	 * share their scrubbing (policy_redact_many) */
	int ags[AGENCY_MAX + 1];
	size_t first[AGENCY_MAX + 1];
	size_t na = 0;
	unsigned done = 0;
	for (size_t i = 0; i < rc->n; i++) {
		int ag = rc->r[i].agency;
		if (done & (1u << ag))
			continue;
		done |= 1u << ag;
		first[na] = i;
		ags[na++] = ag;
	}
	if (na == 0)
		return MGW_OK;
	Marac__V1__CaseSummary *views[AGENCY_MAX + 1];
	Marac__V1__RedactionEntry **mans[AGENCY_MAX + 1];
	size_t nmans[AGENCY_MAX + 1];
	int rcode = policy_redact_many(p, sh->summary, ags, na, sh->purpose, views, mans, nmans);
	if (rcode == MGW_E_TOO_LARGE)
		*too_big = -1; /* the case itself is beyond the redaction limits */
	if (rcode != MGW_OK)
		return rcode;
	for (size_t k = 0; k < na; k++) { /* owned by v[] from here, freed by the caller */
		memset(&v[k], 0, sizeof v[k]);
		v[k].agency = ags[k];
		v[k].summary = views[k];
		v[k].man = mans[k];
		v[k].n_man = nmans[k];
	}
	*n = na;
	/* Agencies of one visibility profile often get the same bytes: a view
	 * packed like an earlier one takes its digest (memcmp is about ten
	 * times cheaper than SHA-256). */
	uint8_t *packed[AGENCY_MAX + 1];
	size_t plen[AGENCY_MAX + 1];
	size_t np = 0;
	for (size_t k = 0; k < na; k++) {
		struct view *x = &v[k];
		if ((rcode = codec_pack(&x->summary->base, &packed[k], &plen[k])) != MGW_OK)
			break;
		np = k + 1;
		size_t i = 0;
		while (i < k && (plen[i] != plen[k] || memcmp(packed[i], packed[k], plen[k]) != 0))
			i++;
		if (i < k)
			memcpy(x->digest, v[i].digest, 32);
		else
			codec_sha256(packed[k], plen[k], x->digest);
		/* The largest this agency's Deliver can be (accepted_at_ms at its widest). */
		Marac__V1__Deliver d;
		deliver_fill(&d, j, &rc->r[first[k]], sh, x, w->e->policy_sha256, INT64_MAX);
		size_t len = protobuf_c_message_get_packed_size(&d.base);
		if (len + DELIVER_WIRE_OVERHEAD > w->e->cfg->max_frame_bytes) {
			*too_big = x->agency;
			rcode = MGW_E_TOO_LARGE;
			break;
		}
	}
	for (size_t k = 0; k < np; k++)
		free(packed[k]);
	return rcode;
}

static int str_same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* The same manifest entries in the same order (policy_redact_many sorts them). */
static int same_manifest(const struct view *a, const struct view *b)
{
	if (a->n_man != b->n_man)
		return 0;
	for (size_t i = 0; i < a->n_man; i++) {
		const Marac__V1__RedactionEntry *x = a->man[i], *y = b->man[i];
		if (x->action != y->action || x->count != y->count || !str_same(x->path, y->path) ||
		    !str_same(x->ground, y->ground))
			return 0;
	}
	return 1;
}

/*
 * Pack and hash view k's body (any thread): the Deliver without seq and
 * delivery_id (the transport adds both), so every recipient of the view,
 * or of an earlier view with the same bytes, shares one stored row; its
 * digest is the one bound into each DELIVERY_COMMITTED record.
 */
static int body_pack(const struct job *j, const Marac__V1__Share *sh, const struct view *v,
		     size_t k, const uint8_t *policy_sha256, int64_t now, struct share_body *b)
{
	/* A view with an earlier one's bytes (digest) and manifest has its body
	 * too (nothing else in it depends on the agency): not packed again. */
	for (size_t i = 0; i < k; i++)
		if (b[i].same_as < 0 && memcmp(v[i].digest, v[k].digest, 32) == 0 &&
		    same_manifest(&v[i], &v[k])) {
			b[k].buf = NULL;
			b[k].len = b[i].len;
			b[k].same_as = (int)i;
			memcpy(b[k].digest, b[i].digest, 32);
			return MGW_OK;
		}
	Marac__V1__Deliver d;
	deliver_fill(&d, j, NULL, sh, &v[k], policy_sha256, now);
	int rc = codec_pack(&d.base, &b[k].buf, &b[k].len);
	if (rc != MGW_OK)
		return rc;
	/* the same bytes as an earlier body: its digest, without hashing again */
	b[k].same_as = -1;
	for (size_t i = 0; i < k && b[k].same_as < 0; i++)
		if (b[i].same_as < 0 && b[i].len == b[k].len &&
		    memcmp(b[i].buf, b[k].buf, b[k].len) == 0)
			b[k].same_as = (int)i;
	if (b[k].same_as >= 0)
		memcpy(b[k].digest, b[b[k].same_as].digest, 32);
	else
		codec_sha256(b[k].buf, b[k].len, b[k].digest);
	return MGW_OK;
}

static void bodies_free(struct share_body *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(b[i].buf);
		b[i].buf = NULL;
	}
}

static int deliver_one(struct wctx *w, const struct job *j, const struct recipient *r,
		       const Marac__V1__Share *sh, const struct view *v, const uint8_t digest[32],
		       const struct share_body *body, struct shared_body *sent, int64_t now)
{
	uint64_t seq;
	int rc = store_delivery_put(w->st, r->delivery_id, r->node, r->agency, body->id,
				    body->digest, &seq);
	if (rc != MGW_OK)
		return rc;
	struct audit_fields f = {
		.time_ms = now,
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED,
		.actor_node = j->node,
		.actor_agency = j->agency,
		.recipient_node = r->node,
		.recipient_agency = r->agency,
		.case_ref = sh->summary->case_ref,
		.msg_id = sh->msg_id,
		.delivery_id = r->delivery_id,
		.original_sha256 = digest,
		.view_sha256 = v->digest,
		.manifest = v->man,
		.n_manifest = v->n_man,
		.policy_sha256 = w->e->policy_sha256,
		.purpose = sh->purpose,
		.lawful_basis = sh->lawful_basis,
		.body_sha256 = body->digest, /* the stored body, bound to the trail */
	};
	uint64_t audit_seq = 0;
	if ((rc = audit_emit(w->g, w, &f, &audit_seq)) != MGW_OK)
		return rc;
	if ((rc = outbox_guard_wr_bind(w, r->node, seq, audit_seq, sh->msg_id,
				       sh->summary->case_ref)) != MGW_OK)
		return rc;
	/* After COMMIT the service thread sends these bytes as they were
	 * committed, without reading them back (NULL: the pump reads them). */
	clist_append(w->answers, completion_deliver(r->node, seq, r->delivery_id, sent));
	return MGW_OK;
}

/* Writer thread: store the bodies b[0..nv) (packed) and queue each to its recipients. */
static int deliver_bodies(struct wctx *w, const struct job *j, const struct recipients *rc,
			  const Marac__V1__Share *sh, const struct view *v, size_t nv,
			  const uint8_t digest[32], int64_t now, struct share_body *b,
			  Marac__V1__DeliveryRef *ref_store, Marac__V1__DeliveryRef **refs,
			  size_t *n_refs)
{
	*n_refs = 0;
	/* the bytes the service thread sends: one copy per distinct body (NULL:
	 * no memory, the pump reads them from the store) */
	struct shared_body *sent[AGENCY_MAX + 1] = {0};
	int e = MGW_OK;
	/* Agency by agency, in the order of the views, so seqs follow the views. */
	for (size_t k = 0; k < nv && e == MGW_OK; k++) {
		if (b[k].same_as >= 0) {
			b[k].id = b[b[k].same_as].id;
			sent[k] = shared_body_get(sent[b[k].same_as]);
		} else {
			e = store_body_put(w->st, b[k].buf, b[k].len, &b[k].id);
			sent[k] = shared_body_new(b[k].buf, b[k].len);
		}
		for (size_t i = 0; i < rc->n && e == MGW_OK; i++) {
			const struct recipient *r = &rc->r[i];
			if (r->agency != v[k].agency)
				continue;
			if ((e = deliver_one(w, j, r, sh, &v[k], digest, &b[k], sent[k], now)) != MGW_OK)
				break;
			Marac__V1__DeliveryRef *ref = &ref_store[*n_refs];
			marac__v1__delivery_ref__init(ref);
			ref->delivery_id = (char *)r->delivery_id;
			ref->agency = r->agency;
			ref->node_id = (char *)r->node;
			refs[*n_refs] = ref;
			(*n_refs)++;
		}
	}
	for (size_t k = 0; k < nv; k++)
		shared_body_put(sent[k]); /* the completions hold theirs */
	return e;
}

int share_wr_deliver(struct wctx *w, const struct job *j, const struct recipients *rc,
		     const Marac__V1__Share *sh, const struct view *v, size_t nv,
		     const uint8_t digest[32], int64_t now, Marac__V1__DeliveryRef *ref_store,
		     Marac__V1__DeliveryRef **refs, size_t *n_refs)
{
	struct share_body b[AGENCY_MAX + 1];
	memset(b, 0, sizeof b);
	int e = MGW_OK;
	for (size_t k = 0; k < nv && e == MGW_OK; k++)
		e = body_pack(j, sh, v, k, w->e->policy_sha256, now, b);
	if (e == MGW_OK)
		e = deliver_bodies(w, j, rc, sh, v, nv, digest, now, b, ref_store, refs, n_refs);
	bodies_free(b, nv);
	return e;
}

/* A stored acceptance, re-sent with duplicate=true. */
static int answer_duplicate(struct wctx *w, const struct job *j, const uint8_t *acc,
			    size_t acc_len)
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
		clist_append(w->answers, completion_frame(j->conn_id, buf, len));
	return rc;
}

int share_wr_seen_before(struct wctx *w, const struct job *j, const char *msg_id,
			 const uint8_t digest[32], int *handled)
{
	uint8_t old_digest[32];
	uint8_t *acc = NULL;
	size_t acc_len = 0;
	*handled = 0;
	int rc = store_share_lookup(w->st, j->node, msg_id, old_digest, &acc, &acc_len);
	if (rc == MGW_E_NOTFOUND)
		return MGW_OK;
	if (rc != MGW_OK)
		return rc;
	*handled = 1;
	if (memcmp(old_digest, digest, 32) == 0) {
		rc = answer_duplicate(w, j, acc, acc_len);
		free(acc);
		log_event(LOG_INFO, "request_duplicate", "node", j->node, "msg_id", msg_id, NULL);
		return rc;
	}
	free(acc);
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_MSG_ID_CONFLICT,
			    .msg_id = msg_id};
	return refuse(w->g, NULL, w, j, &r, "msg_id was used before for a different request");
}

/*
 * Worker thread (executor.h, ops->prepare), while the job is queued: the
 * views under the pinned policy, their digests and size checks, and each
 * view's body packed and hashed: everything but the writes. A duplicate
 * msg_id (known only to the writer) wastes this work; that is rare.
 */
static void share_prepare(struct job *jb)
{
	struct share_job *j = (struct share_job *)jb;
	Marac__V1__Share *sh = j->frame->share;
	struct wctx w = {.e = jb->epoch}; /* share_wr_views reads only the epoch */
	j->now = store_now_ms();
	j->digest_rc = codec_digest(&sh->base, j->digest);
	j->prep_rc = share_wr_views(&w, jb, &j->rc, sh, j->v, &j->nv, &j->too_big);
	if (j->prep_rc == MGW_OK)
		j->prep_rc = codec_digest(&sh->summary->base, j->orig_digest);
	for (size_t k = 0; k < j->nv && j->prep_rc == MGW_OK; k++)
		j->prep_rc = body_pack(jb, sh, j->v, k, jb->epoch->policy_sha256, j->now, j->bodies);
}

static int share_wr_commit(struct job *jb, struct wctx *w)
{
	struct share_job *j = (struct share_job *)jb;
	Marac__V1__Share *sh = j->frame->share;
	int handled = 0;
	if (j->digest_rc != MGW_OK)
		return j->digest_rc; /* no digest to dedupe by: not stored (wr_failed answers) */
	int rc = share_wr_seen_before(w, jb, sh->msg_id, j->digest, &handled);
	if (rc != MGW_OK || handled)
		return rc;

	rc = j->prep_rc;
	if (rc == MGW_E_TOO_LARGE && j->too_big < 0) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE,
				    .msg_id = sh->msg_id,
				    .case_ref = sh->summary->case_ref};
		return refuse(w->g, NULL, w, jb, &r,
			      "summary: more people, aliases or personal data than one case may hold "
			      "(%u persons, %u aliases each, %u KiB, %u names and values to scrub, "
			      "%u address lines, %u forms of never-share values); "
			      "nothing was shared",
			      MGW_MAX_CASE_PERSONS, MGW_MAX_PERSON_ALIASES,
			      MGW_MAX_CASE_VALUE_BYTES >> 10, MGW_SCRUB_MAX_ENTRIES,
			      MGW_MAX_ADDRESS_LINES, MGW_MAX_NS_FORMS);
	}
	if (rc == MGW_E_TOO_LARGE) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_VIEW_TOO_LARGE,
				    .msg_id = sh->msg_id,
				    .case_ref = sh->summary->case_ref};
		return refuse(w->g, NULL, w, jb, &r,
			      "summary: the view for agency \"%s\" would not fit max_frame_bytes (%u); "
			      "nothing was shared",
			      config_agency_name(j->too_big), w->e->cfg->max_frame_bytes);
	}
	if (rc != MGW_OK)
		return rc;

	int refused = 0;
	/* the room is checked on a copy: a batch that fails for another job runs
	 * again, and a recipient list filtered in place would no longer know
	 * the full agency it must refuse for (s11-review) */
	struct recipients to = j->rc;
	if ((rc = share_wr_outbox_room(w, jb, &to, sh->msg_id, sh->summary->case_ref, 1,
				       &refused)) != MGW_OK || refused)
		return rc;
	int64_t now = j->now;
	uint64_t audit_seq = 0;
	/* h13-audit: a share about a referral case this gateway holds is tied to it, so an
	 * auditor's `marac audit query --case REF` shows the referral with its shares */
	char case_area[MGW_ID_MAX + 1];
	int rc_known = cases_area(store_db(w->st), sh->summary->case_ref, case_area,
				  sizeof case_area);
	if (rc_known != MGW_OK && rc_known != MGW_E_NOTFOUND) {
		rc = rc_known;
		goto out;
	}
	struct audit_fields f = {
		.case_known = rc_known == MGW_OK,
		.time_ms = now,
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED,
		.actor_node = jb->node,
		.actor_agency = jb->agency,
		.case_ref = sh->summary->case_ref,
		.msg_id = sh->msg_id,
		.original_sha256 = j->orig_digest,
		.policy_sha256 = w->e->policy_sha256,
		.purpose = sh->purpose,
		.lawful_basis = sh->lawful_basis,
	};
	if ((rc = audit_emit(w->g, w, &f, &audit_seq)) != MGW_OK)
		goto out;

	Marac__V1__DeliveryRef ref_store[MGW_MAX_RECIPIENT_NODES];
	Marac__V1__DeliveryRef *refs[MGW_MAX_RECIPIENT_NODES];
	size_t n_refs = 0;
	rc = deliver_bodies(w, jb, &to, sh, j->v, j->nv, j->orig_digest, now, j->bodies,
			    ref_store, refs, &n_refs);
	if (rc != MGW_OK)
		goto out;
	if ((rc = flags_wr_touch(w, jb, sh->summary->victim, NULL, sh->summary->case_ref, "share",
				 now)) != MGW_OK)
		goto out;

	Marac__V1__ShareAccepted sa = MARAC__V1__SHARE_ACCEPTED__INIT;
	sa.msg_id = sh->msg_id;
	sa.deliveries = refs;
	sa.n_deliveries = n_refs;
	sa.audit_seq = audit_seq;
	sa.accepted_at_ms = now;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_SHARE_ACCEPTED;
	fr.share_accepted = &sa;
	uint8_t *buf;
	size_t len;
	if ((rc = codec_pack(&fr.base, &buf, &len)) != MGW_OK)
		goto out;
	rc = store_share_insert(w->st, jb->node, sh->msg_id, j->digest, now, buf, len);
	if (rc != MGW_OK) {
		free(buf);
		goto out;
	}
	clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
	for (size_t i = 0; i < to.n; i++)
		clist_append(w->answers, completion_notify(to.r[i].node));
	__atomic_add_fetch(&w->g->m.shares_accepted, 1, __ATOMIC_RELAXED);
	char seqs[24];
	snprintf(seqs, sizeof seqs, "%llu", (unsigned long long)audit_seq);
	log_event(LOG_INFO, "share_accepted", "node", jb->node, "msg_id", sh->msg_id, "audit_seq",
		  seqs, NULL);
out:
	return rc; /* the views and bodies stay with the job (a re-run uses them) */
}

static void share_wr_failed(struct job *jb, struct wctx *w)
{
	answer_not_stored(w, jb, ((struct share_job *)jb)->frame->share->msg_id);
}

static void share_job_free(struct job *jb)
{
	struct share_job *j = (struct share_job *)jb;
	bodies_free(j->bodies, j->nv);
	share_views_free(j->v, j->nv);
	codec_free(j->frame ? &j->frame->base : NULL);
}

static const struct job_ops share_ops = {
	.name = "share",
	.prepare = share_prepare,
	.wr_commit = share_wr_commit,
	.wr_failed = share_wr_failed,
	.free = share_job_free,
	.free_elsewhere = 1, /* h11-perf: the decoded share and its views, off the writer */
};

/*
 * req_retract.c: RetractShare (a share sent in error) and RetractAck.
 *
 * Service thread (retract_svc_on): role "node"; msg_id by its grammar; a
 * reason from the closed set. Only the node that sent the share can name
 * it: shares are keyed by (sender node, msg_id).
 *
 * Writer thread (retract_wr_commit), in the job's savepoint: a second
 * RetractShare of the same msg_id answers the first retraction again
 * (duplicate); else store_retract_purge deletes the stored body of every
 * delivery of the share and takes the unsent ones out of the outbox,
 * SHARE_RETRACTED is audited, and per delivery a durable Retract is queued
 * (store_retract_queue) and audited RETRACT_DELIVERED; ShareRetracted is
 * answered after COMMIT and the recipients' sessions are notified.
 *
 * Service thread (retract_svc_pump, called by session_pump_outbox before
 * deliveries): a Deliver of a retracted delivery still queued on the
 * connection (read before the retraction committed) is dropped; then every
 * unconfirmed Retract of the node not yet sent on this connection is
 * queued as a control frame, at most a window's worth per pump, less what
 * the control queue holds (but at least one); each first
 * RetractAck pumps again, and while a full batch went out no Deliver is
 * pumped behind it (the rest of the Retracts come first). A new connection
 * sends them all again, until the node answers RetractAck.
 *
 * RetractAck (retract_ack_svc_on / retract_ack_wr_commit): the node deleted
 * the delivery; RETRACT_CONFIRMED is audited once; a RetractAck naming no
 * retraction of this node is refused UNKNOWN_DELIVERY. Retried after a
 * failed COMMIT, like DeliverAck.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"
#include "store_retract.h"

/* The RetractReason's short name for the audit record: "wrong_recipient". */
static const char *reason_name(int reason)
{
	switch (reason) {
	case MARAC__V1__RETRACT_REASON__RETRACT_REASON_WRONG_RECIPIENT:
		return "wrong_recipient";
	case MARAC__V1__RETRACT_REASON__RETRACT_REASON_WRONG_CASE:
		return "wrong_case";
	case MARAC__V1__RETRACT_REASON__RETRACT_REASON_EXCESSIVE:
		return "excessive";
	case MARAC__V1__RETRACT_REASON__RETRACT_REASON_NO_BASIS:
		return "no_basis";
	default:
		return NULL;
	}
}

struct retract_job {
	struct job base;
	char msg_id[MGW_MSG_ID_MAX + 1];
	int reason;
	struct store_retracted d[MGW_MAX_RECIPIENT_NODES];
};

/* ---- writer thread ---- */

static int answer(struct wctx *w, const struct job *jb, const char *msg_id,
		  const struct store_retracted *d, size_t n, uint64_t audit_seq, int dup,
		  int64_t at_ms)
{
	Marac__V1__RetractedDelivery rd[MGW_MAX_RECIPIENT_NODES], *rdp[MGW_MAX_RECIPIENT_NODES];
	for (size_t i = 0; i < n; i++) {
		marac__v1__retracted_delivery__init(&rd[i]);
		rd[i].delivery_id = (char *)d[i].delivery_id;
		rd[i].agency = d[i].agency;
		rd[i].node_id = (char *)d[i].node;
		rd[i].was_acked = d[i].was_acked;
		rdp[i] = &rd[i];
	}
	Marac__V1__ShareRetracted sr = MARAC__V1__SHARE_RETRACTED__INIT;
	sr.msg_id = (char *)msg_id;
	sr.deliveries = rdp;
	sr.n_deliveries = n;
	sr.audit_seq = audit_seq;
	sr.duplicate = dup;
	sr.retracted_at_ms = at_ms;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_SHARE_RETRACTED;
	fr.share_retracted = &sr;
	uint8_t *buf;
	size_t len;
	int rc = codec_pack(&fr.base, &buf, &len);
	if (rc != MGW_OK)
		return rc;
	clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
	return MGW_OK;
}

int retract_wr_queue(struct wctx *w, const struct job *jb, const char *sender_node,
		     int sender_agency, const char *msg_id, int reason,
		     const struct store_retracted *d, size_t n, int64_t now, uint64_t *audit_seq)
{
	const char *case_ref = NULL;
	for (size_t i = 0; i < n && case_ref == NULL; i++)
		if (d[i].case_ref[0])
			case_ref = d[i].case_ref;
	struct audit_fields f = {
		.time_ms = now,
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_RETRACTED,
		.actor_node = jb->node,
		.actor_agency = jb->agency,
		.msg_id = msg_id,
		.case_ref = case_ref,
		.reason = reason_name(reason),
		.count = n,
	};
	int rc = audit_emit(w->g, w, &f, audit_seq);
	if (rc != MGW_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if ((rc = store_retract_queue(w->st, &d[i], sender_node, sender_agency, msg_id, reason,
					      now)) != MGW_OK)
			return rc;
		struct audit_fields r = {
			.time_ms = now,
			.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RETRACT_DELIVERED,
			.actor_node = jb->node,
			.actor_agency = jb->agency,
			.recipient_node = d[i].node,
			.recipient_agency = d[i].agency,
			.delivery_id = d[i].delivery_id,
			.msg_id = msg_id,
			.case_ref = d[i].case_ref,
			.reason = d[i].was_acked ? "acked" : "not_acked",
		};
		if ((rc = audit_emit(w->g, w, &r, NULL)) != MGW_OK)
			return rc;
		clist_append(w->answers, completion_notify(d[i].node));
	}
	log_event(LOG_INFO, "share_retracted", "node", jb->node, "msg_id", msg_id, "reason",
		  reason_name(reason), NULL);
	return MGW_OK;
}

static int retract_wr_commit(struct job *jb, struct wctx *w)
{
	struct retract_job *j = (struct retract_job *)jb;
	size_t n = 0;
	int rc = store_retract_list(w->st, jb->node, j->msg_id, j->d, MGW_MAX_RECIPIENT_NODES, &n);
	if (rc != MGW_OK)
		return rc;
	if (n > 0) /* retracted before: the same answer, nothing new written */
		return answer(w, jb, j->msg_id, j->d, n, 0, 1, j->d[0].at_ms);

	int64_t now = store_now_ms();
	rc = store_retract_purge(w->st, jb->node, j->msg_id, now, j->d, MGW_MAX_RECIPIENT_NODES,
				 &n);
	if (rc == MGW_E_NOTFOUND || rc == MGW_E_INVALID) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_SHARE,
				    .msg_id = j->msg_id};
		if (rc == MGW_E_INVALID) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
			r.reason = "retract_referral";
			return refuse(w->g, NULL, w, jb, &r,
				      "msg_id: names a referral, not a share: withdraw the case "
				      "(CloseCase) instead");
		}
		return refuse(w->g, NULL, w, jb, &r,
			      "msg_id: this node has no accepted share with that msg_id");
	}
	if (rc != MGW_OK)
		return rc;
	uint64_t audit_seq = 0;
	if ((rc = retract_wr_queue(w, jb, jb->node, jb->agency, j->msg_id, j->reason, j->d, n, now,
				   &audit_seq)) != MGW_OK)
		return rc;
	if ((rc = answer(w, jb, j->msg_id, j->d, n, audit_seq, 0, now)) != MGW_OK)
		return rc;
	return MGW_OK;
}

static void retract_wr_failed(struct job *jb, struct wctx *w)
{
	answer_not_stored(w, jb, ((struct retract_job *)jb)->msg_id);
}

static const struct job_ops retract_ops = {
	.name = "retract",
	.wr_commit = retract_wr_commit,
	.wr_failed = retract_wr_failed,
};

struct retract_ack_job {
	struct job base;
	char delivery_id[33];
};

static int retract_ack_wr_commit(struct job *jb, struct wctx *w)
{
	struct retract_ack_job *j = (struct retract_ack_job *)jb;
	struct store_retracted d;
	int was = 0;
	int rc = store_retract_confirm(w->st, jb->node, j->delivery_id, store_now_ms(), &was, &d);
	if (rc == MGW_E_NOTFOUND) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_DELIVERY,
				    .reason = "unknown_retraction"};
		return refuse(w->g, NULL, w, jb, &r,
			      "RetractAck.delivery_id: no retraction of that delivery to this node");
	}
	if (rc != MGW_OK || was)
		return rc;
	/* the node's next Retracts (a pump sends a window's worth at a time) */
	clist_append(w->answers, completion_notify(jb->node));
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RETRACT_CONFIRMED,
		.actor_node = jb->node,
		.actor_agency = jb->agency,
		.recipient_node = jb->node,
		.recipient_agency = jb->agency,
		.delivery_id = d.delivery_id,
		.msg_id = d.msg_id,
		.case_ref = d.case_ref,
		.reason = reason_name(d.reason),
	};
	return audit_emit(w->g, w, &f, NULL);
}

static const struct job_ops retract_ack_ops = {
	.name = "retract_ack",
	.wr_commit = retract_ack_wr_commit,
	.retry = 1,
};

/* ---- service thread ---- */

void retract_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const Marac__V1__RetractShare *rs = f->retract_share;
	const struct mgw_node *me = config_node_by_id(g->epoch->cfg, s->node);
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
			    .msg_id = rs->msg_id};
	if (me == NULL || !(me->roles & MGW_ROLE_NODE)) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
		refuse(g, s, NULL, NULL, &r, "certificate has no node role");
		goto out;
	}
	if (!gw_msg_id_ok(rs->msg_id)) {
		r.reason = "invalid_msg_id";
		refuse(g, s, NULL, NULL, &r, "msg_id: 1-128 printable ASCII characters, no spaces");
		goto out;
	}
	if (reason_name(rs->reason) == NULL) {
		r.reason = "invalid_reason";
		refuse(g, s, NULL, NULL, &r,
		       "reason: required, one of wrong_recipient, wrong_case, excessive, no_basis");
		goto out;
	}
	struct retract_job *j = calloc(1, sizeof *j);
	if (j == NULL)
		goto out;
	session_job_init(g, s, &j->base, &retract_ops);
	snprintf(j->msg_id, sizeof j->msg_id, "%s", rs->msg_id);
	j->reason = rs->reason;
	session_submit(g, s, &j->base, j->msg_id);
out:
	codec_free(&f->base);
}

static int delivery_id_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n != 32)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

void retract_ack_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const Marac__V1__RetractAck *a = f->retract_ack;
	if (!delivery_id_ok(a->delivery_id)) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_DELIVERY};
		refuse(g, s, NULL, NULL, &r, "RetractAck.delivery_id: 32 lower-case hex digits");
		goto out;
	}
	struct retract_ack_job *j = calloc(1, sizeof *j);
	if (j == NULL)
		goto out;
	session_job_init(g, s, &j->base, &retract_ack_ops);
	snprintf(j->delivery_id, sizeof j->delivery_id, "%s", a->delivery_id);
	session_submit(g, s, &j->base, NULL);
out:
	codec_free(&f->base);
}

/* Drop a queued, unwritten Deliver of seq from s (its body must not go out now). */
static void drop_queued(struct session *s, uint64_t seq)
{
	struct out_frame **pp = &s->dlv_head, *prev = NULL;
	while (*pp) {
		struct out_frame *o = *pp;
		if (o->seq == seq) {
			*pp = o->next;
			if (s->dlv_tail == o)
				s->dlv_tail = prev;
			s->dlv_count--;
			free(o);
			return;
		}
		prev = o;
		pp = &o->next;
	}
}

struct pump_ctx {
	struct session *s;
	size_t n;                   /* Retracts queued by this pump */
};

static int pump_one(void *ctx, const struct store_retracted *d)
{
	struct pump_ctx *p = ctx;
	struct session *s = p->s;
	drop_queued(s, d->seq);
	Marac__V1__Retract rt = MARAC__V1__RETRACT__INIT;
	rt.delivery_id = (char *)d->delivery_id;
	rt.seq = d->seq;
	rt.msg_id = (char *)d->msg_id;
	rt.from_node = (char *)d->sender_node;
	rt.from_agency = d->sender_agency;
	rt.reason = d->reason;
	rt.retracted_at_ms = d->at_ms;
	rt.case_ref = (char *)d->case_ref;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_RETRACT;
	fr.retract = &rt;
	uint8_t *buf;
	size_t len;
	if (codec_pack(&fr.base, &buf, &len) != MGW_OK)
		return 1; /* tried again at the next pump */
	session_queue_ctl(s, buf, len);
	free(buf);
	s->retract_sent_rid = d->rid;
	p->n++;
	return 0;
}

int retract_svc_pump(struct gw *g, struct session *s)
{
	/* Bounded per pump, like deliveries, and by what the control queue
	 * holds already: the rest follow at a later pump, which each RetractAck
	 * brings (retract_ack_wr_commit notifies the node's sessions). A queue
	 * already a window long still takes one: queuing none and answering
	 * "no more" let a later Deliver go out first (with delivery_window 1
	 * the Welcome alone filled it), and one a pump keeps them coming, each
	 * RetractAck bringing the next, without growing the queue. */
	size_t window = g->epoch->cfg->delivery_window;
	struct pump_ctx p = {.s = s};
	size_t max = s->ctl_count >= window ? 1 : window - s->ctl_count;
	if (store_retract_pending(g->reader, s->node, s->retract_sent_rid, max, pump_one, &p) !=
	    MGW_OK) {
		log_event(LOG_ERROR, "retract_read_failed", "node", s->node, NULL);
		return 0;
	}
	return p.n == max; /* a full batch: more may be waiting */
}

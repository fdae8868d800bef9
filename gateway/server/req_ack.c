/*
 * req_ack.c: DeliverAck, and acknowledgement through a seq (Hello.resume_after).
 *
 * Service thread (ack_svc_on): the delivery id must look like one of ours
 * (32 lower-case hex) before anything is queued; the ack joins the
 * session's ack job while that job still waits in the queue (an open job,
 * executor.h; up to ACK_JOB_MAX acks), else starts a new one, counted
 * against the session like any request, so a node flooding acks stops
 * being read.
 *
 * Writer thread (ack_wr_commit): mark the job's deliveries acked
 * (store_delivery_ack_many: one UPDATE per run of consecutive seqs); each
 * first ack is audited DELIVERY_ACKED with the delivery's case ref and
 * msg_id (kept beside the outbox row by outbox_guard.c, and in the writer's
 * memory for recent deliveries), so a case query shows receipts. An ack
 * naming no delivery of this node (or the wrong seq), nor a Flag of it, is
 * refused UNKNOWN_DELIVERY; the job's other acks stand. One outbox notify
 * per job. Acks are retried after a failed COMMIT (executor.h).
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"

/*
 * One job carries up to ACK_JOB_MAX acks of one session: acks that arrive
 * while the session's last ack job still waits in the queue join it
 * (executor_amend), so a batch holds one ack job per node, not one per
 * ack: one submission, one wake-up, one answer and one UPDATE per run of
 * seqs instead of one each.
 */
#define ACK_JOB_MAX STORE_ACK_MANY_MAX

struct ack_one {
	char delivery_id[33];
	uint64_t seq;
};

/* base.acks counts a[] (under ex.lock while the job is open): the executor
 * hands the count to the session with the job's EX_DONE_FINISHED. */
struct ack_job {
	struct job base;
	struct ack_one a[ACK_JOB_MAX];
};

/* What a DELIVERY_ACKED record says about the delivery (from its body). */
struct dlv_info {
	uint64_t seq;
	char delivery_id[33];
	char msg_id[MGW_MSG_ID_MAX + 1];
	char case_ref[MGW_CASE_REF_MAX + 1];
	int from_agency;
};

/* ---- writer thread (down to ack_ops) ---- */


/* Writer thread: DELIVERY_ACKED for one delivery. */
static int ack_wr_record(struct wctx *w, const struct job *j, const struct dlv_info *d)
{
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED,
		.actor_node = j->node,
		.actor_agency = j->agency,
		.recipient_node = j->node,
		.recipient_agency = j->agency,
		.delivery_id = d->delivery_id,
		.msg_id = d->msg_id,
		.case_ref = d->case_ref,
	};
	__atomic_add_fetch(&w->g->m.deliveries_acked, 1, __ATOMIC_RELAXED);
	return audit_emit(w->g, w, &f, NULL);
}

/* Writer thread only: prepared once, finalized before the store closes. */
static sqlite3_stmt *q;

void ack_wr_close(void)
{
	sqlite3_finalize(q);
	q = NULL;
}

/* Writer thread: the msg_id and case ref of node's delivery d->seq (primary key). */
static int body_info(store *st, const char *node, struct dlv_info *d)
{
	/* committed by this process: from the writer's memory (outbox_guard.c) */
	if (outbox_guard_wr_info(node, d->seq, d->msg_id, sizeof d->msg_id, d->case_ref,
				 sizeof d->case_ref))
		return MGW_OK;
	if (q == NULL && sqlite3_prepare_v3(store_db(st),
					    "SELECT msg_id, case_ref FROM delivery_audit"
					    " WHERE node = ?1 AND seq = ?2",
					    -1, SQLITE_PREPARE_PERSISTENT, &q, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(q, 1, node, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)d->seq);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		snprintf(d->msg_id, sizeof d->msg_id, "%s", (const char *)sqlite3_column_text(q, 0));
		snprintf(d->case_ref, sizeof d->case_ref, "%s",
			 (const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

/* Writer thread: the job's acks, in the order they arrived (the job is closed now). */
static int ack_wr_commit(struct job *jb, struct wctx *w)
{
	struct ack_job *j = (struct ack_job *)jb;
	struct store_ack sa[ACK_JOB_MAX];
	const size_t n = jb->acks;
	for (size_t i = 0; i < n; i++)
		sa[i] = (struct store_ack){.delivery_id = j->a[i].delivery_id, .seq = j->a[i].seq};
	int rc = store_delivery_ack_many(w->st, jb->node, sa, n, store_now_ms());
	int moved = 0;
	for (size_t i = 0; rc == MGW_OK && i < n; i++) {
		if (sa[i].state == STORE_ACK_UNKNOWN) {
			rc = flag_wr_ack(w, jb, sa[i].delivery_id); /* a Flag's id (req_lookup.c)? */
			if (rc == MGW_OK)
				moved = 1; /* a pump sends flags a batch at a time: acks bring more */
			if (rc == MGW_E_NOTFOUND) {
				struct refusal r = {
					.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_DELIVERY};
				rc = refuse(w->g, NULL, w, jb, &r,
					    "DeliverAck names no delivery of this node with that seq");
			}
			continue;
		}
		moved = 1;
		if (sa[i].state == STORE_ACK_WAS)
			continue; /* a redelivered duplicate: audited at its first ack */
		/* A first ack: the record names the case and the share. */
		struct dlv_info d = {.seq = sa[i].seq};
		snprintf(d.delivery_id, sizeof d.delivery_id, "%s", sa[i].delivery_id);
		if ((rc = body_info(w->st, jb->node, &d)) == MGW_OK)
			rc = ack_wr_record(w, jb, &d);
	}
	if (rc == MGW_OK && moved)
		clist_append(w->answers, completion_notify(jb->node));
	return rc;
}

static const struct job_ops ack_ops = {
	.name = "ack",
	.wr_commit = ack_wr_commit,
	.retry = 1,
};

/* ---- service thread ---- */

static int delivery_id_ok(const char *s)
{
	if (s == NULL || strlen(s) != 32)
		return 0;
	for (int i = 0; i < 32; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* Service thread, under ex.lock (executor_amend) or on a new job: one more ack. */
static int ack_add(struct job *jb, void *arg)
{
	struct ack_job *j = (struct ack_job *)jb;
	const Marac__V1__DeliverAck *a = arg;
	if (jb->acks >= ACK_JOB_MAX)
		return MGW_E_TOO_LARGE; /* full: a new job */
	memcpy(j->a[jb->acks].delivery_id, a->delivery_id, 33); /* checked: 32 hex digits */
	j->a[jb->acks].seq = a->seq;
	jb->acks++;
	return MGW_OK;
}

void ack_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const Marac__V1__DeliverAck *a = f->deliver_ack;
	if (!delivery_id_ok(a->delivery_id)) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_DELIVERY};
		refuse(g, s, NULL, NULL, &r, "DeliverAck.delivery_id: 32 lower-case hex digits");
		goto out;
	}
	/* Joins the session's ack job still in the queue, if there is one with room. */
	if (executor_amend(g, &s->ack_open, ack_add, (void *)a) == MGW_OK) {
		session_ack_read(g, s);
		goto out;
	}
	struct ack_job *j = malloc(sizeof *j);
	if (j == NULL)
		goto out;
	memset(&j->base, 0, sizeof j->base);
	ack_add(&j->base, (void *)a);
	session_job_init(g, s, &j->base, &ack_ops);
	if (session_submit_open(g, s, &j->base, &s->ack_open) == MGW_OK)
		session_ack_read(g, s);
out:
	codec_free(&f->base);
}

/* Writer thread from here. */
/* ---- through a seq (Hello.resume_after) ---- */

#define THROUGH_CHUNK 128u

struct chunk {
	struct dlv_info d[THROUGH_CHUNK];
	size_t n;
	uint64_t through;
};

static int chunk_cb(void *ctx, uint64_t seq, const char *delivery_id, const uint8_t *body,
		    size_t len)
{
	struct chunk *c = ctx;
	if (seq > c->through)
		return 1;
	struct dlv_info *d = &c->d[c->n++];
	memset(d, 0, sizeof *d);
	d->seq = seq;
	snprintf(d->delivery_id, sizeof d->delivery_id, "%s", delivery_id);
	(void)body;
	(void)len;
	return c->n == THROUGH_CHUNK;
}

int ack_wr_through(struct wctx *w, const struct job *j, uint64_t after, uint64_t through)
{
	struct chunk *c = malloc(sizeof *c);
	if (c == NULL)
		return MGW_E_NOMEM;
	int rc = MGW_OK;
	uint64_t n_acked = 0;
	for (;;) {
		c->n = 0;
		c->through = through;
		if ((rc = store_outbox_fetch(w->st, j->node, after, THROUGH_CHUNK, chunk_cb, c)) !=
		    MGW_OK)
			break;
		for (size_t i = 0; i < c->n && rc == MGW_OK; i++) {
			int was = 0;
			rc = store_delivery_ack(w->st, j->node, c->d[i].delivery_id, c->d[i].seq,
						store_now_ms(), &was);
			if (rc == MGW_OK && !was && (rc = body_info(w->st, j->node, &c->d[i])) == MGW_OK) {
				rc = ack_wr_record(w, j, &c->d[i]);
				n_acked++;
			}
		}
		if (rc != MGW_OK || c->n < THROUGH_CHUNK)
			break;
		after = c->d[c->n - 1].seq;
	}
	free(c);
	if (rc == MGW_OK && n_acked) {
		char n[24];
		snprintf(n, sizeof n, "%llu", (unsigned long long)n_acked);
		log_event(LOG_INFO, "resume_acked", "node", j->node, "count", n, NULL);
		clist_append(w->answers, completion_notify(j->node));
	}
	return rc;
}

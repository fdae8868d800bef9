/*
 * writer.c: the writer thread: owns the read-write store, group-commits.
 *
 * It takes every queued job (up to MGW_COMMIT_BATCH_MAX) into one SQLite
 * transaction, each job inside its own savepoint so that a failing job is
 * undone alone. Only after COMMIT returns (WAL fsynced) are the answers
 * (ShareAccepted, errors) and outbox notifications handed to the service
 * thread: nothing is acknowledged that is not durable. If the COMMIT itself
 * fails, every share of the batch is answered ERROR_CODE_INTERNAL (not
 * accepted; the node retries with the same msg_id).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cases.h"
#include "gw.h"
#include "match.h"
#include "log.h"
#include "mgw_err.h"

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

const char *job_request_msg_id(const struct job *j)
{
	if (j->kind == JOB_SHARE && j->frame)
		return j->frame->share->msg_id;
	if (j->kind == JOB_REFER && j->frame)
		return j->frame->refer->msg_id;
	return NULL;
}

void job_free(struct job *j)
{
	if (j == NULL)
		return;
	codec_free(j->frame ? &j->frame->base : NULL);
	codec_free(j->rec ? &j->rec->base : NULL);
	if (j->ext && j->ext_free)
		j->ext_free(j->ext);
	if (j->policy)
		policy_ref_put(&G, j->policy);
	free(j);
}

struct policy_ref *policy_ref_get(struct gw *g)
{
	pthread_mutex_lock(&g->lock);
	struct policy_ref *r = g->policy;
	if (r)
		r->refs++;
	pthread_mutex_unlock(&g->lock);
	return r;
}

void policy_ref_put(struct gw *g, struct policy_ref *r)
{
	if (r == NULL)
		return;
	pthread_mutex_lock(&g->lock);
	int last = --r->refs == 0;
	pthread_mutex_unlock(&g->lock);
	if (last) {
		policy_free(r->p);
		free(r);
	}
}

int writer_submit(struct gw *g, struct job *j)
{
	pthread_mutex_lock(&g->lock);
	if (g->jobs_count >= MGW_WRITER_QUEUE_MAX && job_request_msg_id(j)) {
		pthread_mutex_unlock(&g->lock);
		return MGW_E_TOO_LARGE;
	}
	j->next = NULL;
	j->enqueued_us = now_us();
	if (g->jobs_tail)
		g->jobs_tail->next = j;
	else
		g->jobs_head = j;
	g->jobs_tail = j;
	g->jobs_count++;
	pthread_cond_signal(&g->cond);
	pthread_mutex_unlock(&g->lock);
	return MGW_OK;
}

struct completion *writer_take_completions(struct gw *g)
{
	pthread_mutex_lock(&g->lock);
	struct completion *c = g->done_head;
	g->done_head = g->done_tail = NULL;
	pthread_mutex_unlock(&g->lock);
	return c;
}

static void post(struct gw *g, struct completion *list)
{
	if (list == NULL)
		return;
	struct completion *tail = list;
	while (tail->next)
		tail = tail->next;
	pthread_mutex_lock(&g->lock);
	if (g->done_tail)
		g->done_tail->next = list;
	else
		g->done_head = list;
	g->done_tail = tail;
	pthread_mutex_unlock(&g->lock);
	if (g->ctx)
		lws_cancel_service(g->ctx);
}

struct completion *completion_frame(uint64_t conn_id, uint8_t *buf, size_t len)
{
	struct completion *c = calloc(1, sizeof *c);
	if (c == NULL) {
		free(buf);
		return NULL;
	}
	c->kind = DONE_FRAME;
	c->conn_id = conn_id;
	c->frame = buf;
	c->len = len;
	return c;
}

struct completion *completion_notify(const char *node)
{
	struct completion *c = calloc(1, sizeof *c);
	if (c == NULL)
		return NULL;
	c->kind = DONE_NOTIFY;
	snprintf(c->node, sizeof c->node, "%s", node);
	return c;
}

void completion_push(struct completion **list, struct completion *c)
{
	while (c) {
		struct completion *n = c->next;
		c->next = *list;
		*list = c;
		c = n;
	}
}

static int ack_commit(struct gw *g, store *st, struct job *j, struct completion **answers)
{
	int64_t now = store_now_ms();
	if (j->kind == JOB_ACK_THROUGH) {
		uint64_t n = 0;
		int rc = store_delivery_ack_through(st, j->node, j->seq, now, &n);
		if (rc == MGW_OK && n > 0)
			log_event(LOG_INFO, "resume_acked", "node", j->node, NULL);
		completion_push(answers, completion_notify(j->node));
		return rc;
	}
	int was = 0;
	int rc = store_delivery_ack(st, j->node, j->delivery_id, j->seq, now, &was);
	if (rc == MGW_E_NOTFOUND) {
		uint8_t *buf;
		size_t len;
		if (frame_pack_error(MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_DELIVERY,
				     "DeliverAck names no delivery of this node", NULL, &buf,
				     &len) == MGW_OK)
			completion_push(answers, completion_frame(j->conn_id, buf, len));
		Marac__V1__AuditRecord rec = MARAC__V1__AUDIT_RECORD__INIT;
		rec.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED;
		rec.actor_node = j->node;
		rec.actor_agency = j->agency;
		rec.reason = "unknown_delivery";
		metrics_refusal(g, "unknown_delivery");
		return store_audit_append(st, &rec, NULL);
	}
	if (rc != MGW_OK)
		return rc;
	if (!was) {
		Marac__V1__AuditRecord rec = MARAC__V1__AUDIT_RECORD__INIT;
		rec.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED;
		rec.actor_node = j->node;
		rec.actor_agency = j->agency;
		rec.recipient_node = j->node;
		rec.recipient_agency = j->agency;
		rec.delivery_id = j->delivery_id;
		rc = store_audit_append(st, &rec, NULL);
		__atomic_add_fetch(&g->m.deliveries_acked, 1, __ATOMIC_RELAXED);
	}
	completion_push(answers, completion_notify(j->node));
	return rc;
}

static int job_commit(struct gw *g, store *st, struct job *j, struct completion **answers)
{
	switch (j->kind) {
	case JOB_SHARE:
		return share_commit(g, st, j, answers, answers);
	case JOB_ACK:
	case JOB_ACK_THROUGH:
		return ack_commit(g, st, j, answers);
	case JOB_AUDIT:
		return store_audit_append(st, j->rec, NULL);
	case JOB_REFER:
		return referral_commit(g, st, j, answers);
	case JOB_RESEARCH:
		return research_commit(g, st, j, answers);
	}
	return MGW_E_INVALID;
}

static void fail_batch(struct gw *g, struct job *batch)
{
	struct completion *answers = NULL;
	for (struct job *j = batch; j; j = j->next) {
		if (job_request_msg_id(j) == NULL || j->conn_id == 0)
			continue;
		uint8_t *buf;
		size_t len;
		if (frame_pack_error(MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL,
				     "store commit failed; not accepted, retry with the same msg_id",
				     job_request_msg_id(j), &buf, &len) == MGW_OK)
			completion_push(&answers, completion_frame(j->conn_id, buf, len));
		struct completion *c = calloc(1, sizeof *c);
		if (c) {
			c->kind = DONE_SHARE_FINISHED;
			c->conn_id = j->conn_id;
			completion_push(&answers, c);
		}
	}
	post(g, answers);
}

static void run_batch(struct gw *g, store *st, struct job *batch)
{
	int64_t t0 = now_us();
	struct completion *answers = NULL;
	if (store_begin(st) != MGW_OK) {
		log_event(LOG_ERROR, "store_begin_failed", NULL);
		fail_batch(g, batch);
		return;
	}
	for (struct job *j = batch; j; j = j->next) {
		if (store_savepoint(st) != MGW_OK || job_commit(g, st, j, &answers) != MGW_OK) {
			store_rollback_to(st);
			log_event(LOG_ERROR, "job_failed", "node", j->node, NULL);
			if (job_request_msg_id(j) && j->conn_id) {
				uint8_t *buf;
				size_t len;
				if (frame_pack_error(MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL,
						     "could not be stored; not accepted, retry with the "
						     "same msg_id",
						     job_request_msg_id(j), &buf, &len) == MGW_OK)
					completion_push(&answers, completion_frame(j->conn_id, buf, len));
			}
			if (job_request_msg_id(j) && j->conn_id) {
				struct completion *c = calloc(1, sizeof *c);
				if (c) {
					c->kind = DONE_SHARE_FINISHED;
					c->conn_id = j->conn_id;
					completion_push(&answers, c);
				}
			}
			continue;
		}
		store_release(st);
		if (job_request_msg_id(j) && j->conn_id) {
			struct completion *c = calloc(1, sizeof *c);
			if (c) {
				c->kind = DONE_SHARE_FINISHED;
				c->conn_id = j->conn_id;
				completion_push(&answers, c);
			}
		}
	}
	if (store_commit(st) != MGW_OK) {
		log_event(LOG_ERROR, "store_commit_failed", NULL);
		for (struct completion *c = answers, *n; c; c = n) {
			n = c->next;
			free(c->frame);
			free(c);
		}
		fail_batch(g, batch);
		return;
	}
	metrics_commit(g, (uint64_t)(now_us() - t0));
	post(g, answers);
	if (audit_after_commit(g, st, 0) != MGW_OK)
		log_event(LOG_ERROR, "checkpoint_failed", NULL);
}

static void *writer_main(void *arg)
{
	struct gw *g = arg;
	for (;;) {
		pthread_mutex_lock(&g->lock);
		if (g->jobs_head == NULL && !g->writer_stop) {
			/* Idle: wake at least once a second to sign a checkpoint when due. */
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += 1;
			pthread_cond_timedwait(&g->cond, &g->lock, &ts);
		}
		if (g->jobs_head == NULL) {
			int stop = g->writer_stop;
			pthread_mutex_unlock(&g->lock);
			/* On stop, cover every record with a final checkpoint. */
			if (audit_after_commit(g, g->writer_store, stop) != MGW_OK)
				log_event(LOG_ERROR, "checkpoint_failed", NULL);
			if (stop)
				break;
			continue;
		}
		struct job *batch = g->jobs_head, *last = batch;
		size_t n = 1;
		while (last->next && n < MGW_COMMIT_BATCH_MAX) {
			last = last->next;
			n++;
		}
		g->jobs_head = last->next;
		if (g->jobs_head == NULL)
			g->jobs_tail = NULL;
		g->jobs_count -= n;
		last->next = NULL;
		pthread_mutex_unlock(&g->lock);

		run_batch(g, g->writer_store, batch);
		for (struct job *j = batch, *nx; j; j = nx) {
			nx = j->next;
			job_free(j);
		}
	}
	return NULL;
}

int writer_start(struct gw *g, char *err, size_t errlen)
{
	int rc = store_open(g->cfg->state_dir, 0, &g->writer_store, err, errlen);
	if (rc != MGW_OK)
		return rc;
	if (match_schema(store_db(g->writer_store)) != MGW_OK ||
	    cases_schema(store_db(g->writer_store)) != MGW_OK) {
		snprintf(err, errlen, "cannot create the referral tables");
		store_close(g->writer_store);
		g->writer_store = NULL;
		return MGW_E_DB;
	}
	if ((rc = audit_open(g, g->writer_store, err, errlen)) != MGW_OK) {
		audit_close(g);
		store_close(g->writer_store);
		g->writer_store = NULL;
		return rc;
	}
	if (pthread_create(&g->writer, NULL, writer_main, g) != 0) {
		snprintf(err, errlen, "cannot start writer thread");
		store_close(g->writer_store);
		g->writer_store = NULL;
		return MGW_E_IO;
	}
	return MGW_OK;
}

void writer_stop(struct gw *g)
{
	pthread_mutex_lock(&g->lock);
	g->writer_stop = 1;
	pthread_cond_signal(&g->cond);
	pthread_mutex_unlock(&g->lock);
	pthread_join(g->writer, NULL);
	audit_close(g);
	store_close(g->writer_store);
	g->writer_store = NULL;
}

void audit_refusal(struct gw *g, int event, const char *reason, const char *node, int agency,
		   const uint8_t *cert_sha256, const char *msg_id)
{
	struct job *j = calloc(1, sizeof *j);
	Marac__V1__AuditRecord *r =
		(Marac__V1__AuditRecord *)codec_new(&marac__v1__audit_record__descriptor);
	if (j == NULL || r == NULL) {
		free(j);
		codec_free(r ? &r->base : NULL);
		log_event(LOG_ERROR, "audit_oom", "reason", reason, NULL);
		return;
	}
	metrics_refusal(g, reason);
	r->event = event;
	r->reason = codec_strdup(reason);
	r->actor_node = codec_strdup(node ? node : "");
	r->actor_agency = agency;
	r->msg_id = codec_strdup(msg_id ? msg_id : "");
	if (cert_sha256) {
		r->cert_sha256.data = codec_malloc(32);
		if (r->cert_sha256.data) {
			memcpy(r->cert_sha256.data, cert_sha256, 32);
			r->cert_sha256.len = 32;
		}
	}
	j->kind = JOB_AUDIT;
	j->rec = r;
	snprintf(j->node, sizeof j->node, "%s", node ? node : "");
	writer_submit(g, j);
}

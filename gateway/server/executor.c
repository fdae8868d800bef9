/*
 * executor.c: group commit on the writer thread; see executor.h.
 * No request kind is named here: jobs are committed through their ops.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batchpick.h"
#include "gw.h"
#include "log.h"
#include "mgw_err.h"

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* ---- completions (any thread; a list is owned by one thread at a time) ---- */

void clist_append(struct clist *l, struct completion *c)
{
	if (c == NULL)
		return;
	c->next = NULL;
	if (l->tail)
		l->tail->next = c;
	else
		l->head = c;
	l->tail = c;
}

void clist_concat(struct clist *l, struct clist *more)
{
	if (more->head == NULL)
		return;
	if (l->tail)
		l->tail->next = more->head;
	else
		l->head = more->head;
	l->tail = more->tail;
	more->head = more->tail = NULL;
}

struct shared_body *shared_body_new(const uint8_t *body, size_t len)
{
	struct shared_body *sb = malloc(sizeof *sb + (len ? len : 1));
	if (sb == NULL)
		return NULL;
	sb->refs = 1;
	sb->len = len;
	memcpy(sb->data, body, len);
	return sb;
}

struct shared_body *shared_body_get(struct shared_body *sb)
{
	if (sb)
		__atomic_add_fetch(&sb->refs, 1, __ATOMIC_RELAXED);
	return sb;
}

void shared_body_put(struct shared_body *sb)
{
	/* acquire-release: the freeing thread sees every other holder's reads done */
	if (sb && __atomic_sub_fetch(&sb->refs, 1, __ATOMIC_ACQ_REL) == 0)
		free(sb);
}

void completion_free(struct completion *c)
{
	if (c == NULL)
		return;
	if (c->body)
		shared_body_put(c->body);
	else
		free(c->frame);
	free(c);
}

void clist_free(struct clist *l)
{
	for (struct completion *c = l->head, *n; c; c = n) {
		n = c->next;
		completion_free(c);
	}
	l->head = l->tail = NULL;
}

struct completion *completion_frame(uint64_t conn_id, uint8_t *buf, size_t len)
{
	struct completion *c = calloc(1, sizeof *c);
	if (c == NULL) {
		free(buf);
		return NULL;
	}
	c->kind = EX_DONE_FRAME;
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
	c->kind = EX_DONE_NOTIFY;
	snprintf(c->node, sizeof c->node, "%s", node);
	return c;
}

struct completion *completion_deliver(const char *node, uint64_t seq, const char *delivery_id,
				      struct shared_body *body)
{
	if (body == NULL || strlen(delivery_id) >= sizeof ((struct completion *)0)->delivery_id)
		return NULL;
	struct completion *c = calloc(1, sizeof *c);
	if (c == NULL)
		return NULL;
	c->kind = EX_DONE_DELIVER;
	c->body = shared_body_get(body);
	c->frame = body->data;
	c->len = body->len;
	c->seq = seq;
	snprintf(c->node, sizeof c->node, "%s", node);
	snprintf(c->delivery_id, sizeof c->delivery_id, "%s", delivery_id);
	return c;
}

/*
 * One outbox wake-up per node per batch: of a node's EX_DONE_NOTIFYs only
 * the last stays (after all of the batch's deliveries to it, which
 * EX_DONE_DELIVER has already queued), the others would each re-read its
 * cursor and outbox. Beyond NOTIFY_NODES_MAX nodes in one batch the rest
 * keep every notification (correct, only slower).
 */
#define NOTIFY_NODES_MAX 64

static void notify_once(struct clist *l)
{
	struct completion *last[NOTIFY_NODES_MAX];
	size_t n = 0;
	for (struct completion *c = l->head; c; c = c->next) {
		if (c->kind != EX_DONE_NOTIFY)
			continue;
		size_t i = 0;
		while (i < n && strcmp(last[i]->node, c->node) != 0)
			i++;
		if (i < n)
			last[i] = c;
		else if (n < NOTIFY_NODES_MAX)
			last[n++] = c;
	}
	struct completion **pp = &l->head, *prev = NULL;
	while (*pp) {
		struct completion *c = *pp;
		int drop = 0;
		for (size_t i = 0; i < n && c->kind == EX_DONE_NOTIFY; i++)
			if (strcmp(last[i]->node, c->node) == 0) {
				drop = last[i] != c;
				last[i]->flags |= c->flags; /* the one kept says "flags" too */
				break;
			}
		if (drop) {
			*pp = c->next;
			completion_free(c);
			continue;
		}
		prev = c;
		pp = &c->next;
	}
	l->tail = prev;
}

struct completion *completion_close(uint64_t conn_id, int status)
{
	struct completion *c = calloc(1, sizeof *c);
	if (c == NULL)
		return NULL;
	c->kind = EX_DONE_CLOSE;
	c->conn_id = conn_id;
	c->status = status;
	return c;
}

static struct completion *completion_finished(const struct job *j)
{
	struct completion *c = calloc(1, sizeof *c);
	if (c == NULL)
		return NULL;
	c->kind = EX_DONE_FINISHED;
	c->conn_id = j->conn_id;
	c->request = j->request;
	c->req_bytes = j->req_bytes;
	c->acks = j->acks;
	return c;
}

/* ---- jobs ------------------------------------------------------------------ */

/* Any thread. */
void job_free(struct job *j)
{
	if (j == NULL)
		return;
	if (j->ops && j->ops->free)
		j->ops->free(j);
	epoch_put(j->epoch);
	free(j);
}

/* Service thread (any thread is safe: under ex.lock). */
static int submit(struct gw *g, struct job *j, int internal, struct job **slot)
{
	struct executor *ex = &g->ex;
	pthread_mutex_lock(&ex->lock);
	size_t cap = internal ? MGW_WRITER_QUEUE_MAX : EX_HIGH_MARK;
	if (ex->count >= cap || ex->stop) {
		pthread_mutex_unlock(&ex->lock);
		return MGW_E_TOO_LARGE;
	}
	j->open_slot = slot;
	if (slot) {
		/* The job the slot held (full: fn refused it) stays queued but
		 * closed: one job per slot points back at it, else the writer,
		 * taking the old job after the slot's memory went (its session
		 * closed: executor_forget clears only the newest), wrote to it. */
		if (*slot)
			(*slot)->open_slot = NULL;
		*slot = j;
	}
	j->next = NULL;
	j->enqueued_us = now_us();
	if (ex->tail)
		ex->tail->next = j;
	else
		ex->head = j;
	ex->tail = j;
	ex->count++;
	j->prep = JOB_PREP_NONE;
	if (j->ops->prepare && ex->n_workers) {
		j->prep = JOB_PREP_WANTED;
		ex->prep_wanted++;
		/* A busy worker takes the next wanted job without sleeping: wake
		 * one only for more wanted jobs than busy workers (one futex wake
		 * and context switch less per job in a steady stream). */
		if (ex->prep_wanted > ex->prep_running)
			pthread_cond_signal(&ex->prep_cond);
	}
	int high = ex->count >= EX_HIGH_MARK;
	if (high)
		ex->above_high = 1;
	/* A job a worker prepares wakes the writer once prepared (worker_main):
	 * woken now, the writer would only wait for the worker. */
	if (j->prep != JOB_PREP_WANTED)
		pthread_cond_signal(&ex->cond);
	pthread_mutex_unlock(&ex->lock);
	return high ? 1 : 0;
}

int executor_submit(struct gw *g, struct job *j, int internal)
{
	return submit(g, j, internal, NULL);
}

int executor_submit_open(struct gw *g, struct job *j, int internal, struct job **slot)
{
	return submit(g, j, internal, slot);
}

/* Service thread. */
int executor_amend(struct gw *g, struct job **slot, int (*fn)(struct job *j, void *arg),
		   void *arg)
{
	pthread_mutex_lock(&g->ex.lock);
	int rc = *slot ? fn(*slot, arg) : MGW_E_NOTFOUND;
	pthread_mutex_unlock(&g->ex.lock);
	return rc;
}

/* Service thread: the slot goes (its session closed); the job stays queued, closed. */
void executor_forget(struct gw *g, struct job **slot)
{
	pthread_mutex_lock(&g->ex.lock);
	if (*slot)
		(*slot)->open_slot = NULL;
	*slot = NULL;
	pthread_mutex_unlock(&g->ex.lock);
}

/* Any thread, under ex.lock. */
size_t executor_depth(struct gw *g)
{
	pthread_mutex_lock(&g->ex.lock);
	size_t n = g->ex.count;
	pthread_mutex_unlock(&g->ex.lock);
	return n;
}

static int64_t mono_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t executor_stalled_ms(struct gw *g)
{
	int64_t p = __atomic_load_n(&g->ex.progress_ms, __ATOMIC_RELAXED);
	return p ? mono_now_ms() - p : 0;
}

/* Service thread, under ex.lock. */
struct completion *executor_take(struct gw *g)
{
	pthread_mutex_lock(&g->ex.lock);
	struct completion *c = g->ex.done.head;
	g->ex.done.head = g->ex.done.tail = NULL;
	pthread_mutex_unlock(&g->ex.lock);
	return c;
}

/* Writer thread: hand completions to the service thread and wake it. */
static void post(struct gw *g, struct clist *l)
{
	if (l->head == NULL)
		return;
	pthread_mutex_lock(&g->ex.lock);
	clist_concat(&g->ex.done, l);
	pthread_mutex_unlock(&g->ex.lock);
	/* The context is created after this thread starts, and destroyed after it joins. */
	struct lws_context *ctx = __atomic_load_n(&g->ctx, __ATOMIC_ACQUIRE);
	if (ctx)
		lws_cancel_service(ctx);
}

/* Writer thread: the batch's epoch for the after-commit hook (newest seen). */
static void pin_epoch(struct executor *ex, struct epoch *e)
{
	if (e == NULL || e == ex->cur)
		return;
	if (ex->cur && ex->cur->id > e->id)
		return;
	epoch_put(ex->cur);
	ex->cur = epoch_get(e);
}

/* Writer thread: a job is finished (answered or failed): count it off its session. */
static void finished(struct clist *out, const struct job *j)
{
	if (j->counted && j->conn_id)
		clist_append(out, completion_finished(j));
}

/*
 * Writer thread: run the batch's jobs in one transaction, without a
 * savepoint per job (each spilled a statement journal). A job that fails
 * (rare: jobs validate before they write, so a failure is the store's or
 * memory's) has the whole transaction rolled back; it is marked failed and
 * the batch runs again without it, the failed job answering with its
 * wr_failed in its place. Each run drops one job, so at most n runs.
 * Returns 1 if a transaction is open (COMMIT to follow), 0 if none could be
 * begun (every job answered with wr_failed, st NULL).
 */
static int run_jobs(struct gw *g, store *st, struct job *batch, struct clist *answers)
{
	for (;;) {
		if (store_begin(st) != MGW_OK) {
			for (struct job *j = batch; j; j = j->next) {
				struct clist mine = {0};
				struct wctx w = {.g = g, .st = NULL, .answers = &mine, .e = j->epoch};
				if (!j->failed)
					log_event(LOG_ERROR, "job_failed", "kind", j->ops->name, "node",
						  j->node, NULL);
				if (j->ops->wr_failed)
					j->ops->wr_failed(j, &w);
				clist_concat(answers, &mine);
			}
			return 0;
		}
		struct job *bad = NULL;
		struct clist all = {0};
		for (struct job *j = batch; j; j = j->next) {
			pin_epoch(&g->ex, j->epoch);
			struct clist mine = {0};
			struct wctx w = {.g = g, .st = st, .answers = &mine, .e = j->epoch};
			if (j->failed) {
				if (j->ops->wr_failed)
					j->ops->wr_failed(j, &w);
			} else if (j->ops->wr_commit(j, &w) != MGW_OK) {
				clist_free(&mine);
				bad = j;
				break;
			}
			clist_concat(&all, &mine);
		}
		if (bad == NULL) {
			clist_concat(answers, &all);
			return 1;
		}
		/* Undo everything (the other jobs' changes too) and run again without it. */
		clist_free(&all);
		store_rollback(st);
		bad->failed = 1;
		log_event(LOG_ERROR, "job_failed", "kind", bad->ops->name, "node", bad->node, NULL);
	}
}

/*
 * Writer thread: free the batch's jobs. Those whose kind allows it
 * (free_elsewhere) go to the workers, which free them when no job waits to
 * be prepared (a busy worker takes them after its job; an idle one is
 * woken); the rest, and all of them without a pool, are freed here.
 */
static void discard(struct executor *ex, struct job *batch)
{
	struct job *keep = NULL, *ktail = NULL;
	for (struct job *j = batch, *nx; j; j = nx) {
		nx = j->next;
		if (!ex->n_workers || !j->ops->free_elsewhere) {
			job_free(j);
			continue;
		}
		j->next = NULL;
		if (ktail)
			ktail->next = j;
		else
			keep = j;
		ktail = j;
	}
	if (keep == NULL)
		return;
	pthread_mutex_lock(&ex->lock);
	ktail->next = ex->trash;
	ex->trash = keep;
	if (ex->prep_running == 0)
		pthread_cond_signal(&ex->prep_cond);
	pthread_mutex_unlock(&ex->lock);
}

/* Writer thread: run one batch. Returns the jobs to retry (after a failed COMMIT). */
static struct job *run_batch(struct gw *g, store *st, struct job *batch)
{
	int64_t t0 = now_us();
	struct clist answers = {0}, fin = {0};
	struct job *retry = NULL, **rtail = &retry;
	int began = run_jobs(g, st, batch, &answers);
	/* A due checkpoint is signed inside the batch: no transaction (fsync) of its own. */
	int cp = began ? audit_tree_before_commit(g, st, g->ex.cur) : MGW_OK;
	if (cp != MGW_OK)
		store_rollback(st);
	if (began && (cp != MGW_OK || store_commit(st) != MGW_OK)) {
		audit_tree_committed(g, st, 0);
		log_event(LOG_ERROR, "store_commit_failed", NULL); /* store_commit rolled back */
		clist_free(&answers);
		/* Nothing of the batch is stored: requests are told so (they retry
		 * with the same msg_id); acks and records are tried again. */
		struct job **pp = &batch;
		while (*pp) {
			struct job *j = *pp;
			if (j->ops->retry && ++j->attempts < EX_RETRY_MAX) {
				j->failed = 0;
				*pp = j->next;
				j->next = NULL;
				*rtail = j;
				rtail = &j->next;
				continue;
			}
			if (j->ops->retry)
				log_event(LOG_ERROR, "job_dropped", "kind", j->ops->name, "node", j->node,
					  NULL);
			/* No transaction: wr_failed may answer but not write (st NULL). */
			struct clist mine = {0};
			struct wctx w = {.g = g, .st = NULL, .answers = &mine, .e = j->epoch};
			if (j->ops->wr_failed)
				j->ops->wr_failed(j, &w);
			clist_concat(&answers, &mine);
			pp = &j->next;
		}
		for (struct job *j = batch; j; j = j->next)
			finished(&answers, j);
		post(g, &answers);
		discard(&g->ex, batch);
		return retry;
	}
	if (began)
		audit_tree_committed(g, st, 1);
	metrics_commit(g, (uint64_t)(now_us() - t0));
	for (struct job *j = batch; j; j = j->next)
		finished(&fin, j);
	clist_concat(&answers, &fin);
	notify_once(&answers);
	post(g, &answers);
	if (audit_tree_after_commit(g, st, g->ex.cur, 0) != MGW_OK)
		log_event(LOG_ERROR, "checkpoint_failed", NULL);
	discard(&g->ex, batch);
	return NULL;
}

/*
 * Writer thread, when idle: retention. The gateway is a conduit: a
 * delivery's body (the recipient's view of the case) is deleted with
 * secure_delete once it was acked longer than limits.delivery_retention_secs
 * ago, then the WAL is truncated so the old pages go too; ids, seq, ack time
 * and digests stay for the audit trail. At most once per interval
 * (mgw_limits.h: a sixteenth of the retention, 1 to 60 s); the newest epoch
 * a batch pinned says the retention (none yet: nothing was delivered by
 * this process either).
 */
static void housekeeping(struct gw *g, int64_t *last_ms)
{
	struct executor *ex = &g->ex;
	int64_t now = now_us() / 1000;
	if (ex->cur == NULL)
		return;
	int64_t keep = (int64_t)ex->cur->cfg->delivery_retention_secs * 1000;
	int64_t every = keep / 16;
	if (every < (int64_t)MGW_RETENTION_INTERVAL_SECS * 1000)
		every = (int64_t)MGW_RETENTION_INTERVAL_SECS * 1000;
	if (every > (int64_t)MGW_RETENTION_INTERVAL_MAX_SECS * 1000)
		every = (int64_t)MGW_RETENTION_INTERVAL_MAX_SECS * 1000;
	if (now - *last_ms < every)
		return;
	*last_ms = now;
	uint64_t n = 0;
	/* ack times are wall-clock milliseconds (store_now_ms); now is monotonic */
	if (store_purge_delivered(g->writer_store, store_now_ms() - keep, &n) != MGW_OK) {
		log_event(LOG_ERROR, "retention_purge_failed", NULL);
		return;
	}
	if (n == 0)
		return;
	char cnt[24];
	snprintf(cnt, sizeof cnt, "%llu", (unsigned long long)n);
	log_event(LOG_INFO, "delivery_bodies_purged", "count", cnt, NULL);
	if (store_wal_truncate(g->writer_store) == MGW_E_DB) /* CONFLICT: a reader; next time */
		log_event(LOG_ERROR, "wal_truncate_failed", NULL);
}

/* A worker thread: prepare queued jobs, oldest first, and free finished
 * ones (discard), until stop. */
static void *worker_main(void *arg)
{
	struct gw *g = arg;
	struct executor *ex = &g->ex;
	pthread_mutex_lock(&ex->lock);
	for (;;) {
		struct job *j = NULL;
		if (ex->prep_wanted)
			for (j = ex->head; j && j->prep != JOB_PREP_WANTED; j = j->next)
				;
		if (j == NULL && ex->trash) {
			struct job *t = ex->trash;
			ex->trash = NULL;
			pthread_mutex_unlock(&ex->lock);
			for (struct job *nx; t; t = nx) {
				nx = t->next;
				job_free(t);
			}
			pthread_mutex_lock(&ex->lock);
			continue;
		}
		if (j == NULL) {
			if (ex->stop)
				break;
			pthread_cond_wait(&ex->prep_cond, &ex->lock);
			continue;
		}
		j->prep = JOB_PREP_RUNNING;
		ex->prep_wanted--;
		ex->prep_running++;
		pthread_mutex_unlock(&ex->lock);
		j->ops->prepare(j);
		/* a prepared job is progress: a batch of large shares may take
		 * longer than writer_stall_secs to redact, and is not stuck */
		__atomic_store_n(&ex->progress_ms, mono_now_ms(), __ATOMIC_RELAXED);
		pthread_mutex_lock(&ex->lock);
		ex->prep_running--;
		j->prep = JOB_PREP_NONE;
		j->prepared = 1;
		pthread_cond_broadcast(&ex->prepped);
		pthread_cond_signal(&ex->cond); /* the writer, if idle: a job is ready */
	}
	pthread_mutex_unlock(&ex->lock);
	return NULL;
}

/*
 * Writer thread: every job of the batch (out of the queue: no worker
 * starts one now) prepared: by the writer itself if no worker began it,
 * else once its worker is done.
 */
static void prepare_batch(struct executor *ex, struct job *batch)
{
	for (struct job *j = batch; j; j = j->next) {
		pthread_mutex_lock(&ex->lock);
		int mine = j->prep == JOB_PREP_WANTED;
		if (mine) {
			ex->prep_wanted--;
			j->prep = JOB_PREP_RUNNING;
		}
		while (!mine && j->prep == JOB_PREP_RUNNING)
			pthread_cond_wait(&ex->prepped, &ex->lock);
		pthread_mutex_unlock(&ex->lock);
		if (mine) {
			j->ops->prepare(j);
			pthread_mutex_lock(&ex->lock);
			j->prep = JOB_PREP_NONE;
			pthread_mutex_unlock(&ex->lock);
		} else if (j->ops->prepare && !j->prepared) {
			j->ops->prepare(j); /* no pool (never marked wanted) */
		}
		j->prepared = 1; /* a retried batch is not prepared again */
		__atomic_store_n(&ex->progress_ms, mono_now_ms(), __ATOMIC_RELAXED); /* see worker_main */
	}
}

/*
 * Writer thread, under ex->lock: take the next batch out of the queue (the
 * queue is not empty), as batch_pick (batchpick.h) chooses it among the
 * first EX_TAKE_SCAN jobs: up to MGW_COMMIT_BATCH_MAX in queue order, at
 * most one heavy (job_ops.heavy), a later heavy job's session held back.
 * Returns the batch (NULL-terminated), *n its length.
 */
#define EX_TAKE_SCAN (4 * MGW_COMMIT_BATCH_MAX)
static struct job *take_batch(struct executor *ex, size_t *n)
{
	struct pick_job q[EX_TAKE_SCAN] = {{0}}; /* (gcc 12 cannot see m > 0) */
	struct job *js[EX_TAKE_SCAN];
	unsigned char take[EX_TAKE_SCAN];
	size_t m = 0;
	for (struct job *j = ex->head; j != NULL && m < EX_TAKE_SCAN; j = j->next) {
		q[m] = (struct pick_job){j->conn_id, j->ops->heavy};
		js[m++] = j;
	}
	*n = batch_pick(q, m, MGW_COMMIT_BATCH_MAX, take);
	struct job *batch = NULL, **bt = &batch, **pp = &ex->head, *kept = NULL;
	for (size_t i = 0, got = 0; i < m && got < *n; i++) {
		struct job *j = js[i];
		if (!take[i]) {
			kept = j;
			pp = &j->next;
			continue;
		}
		*pp = j->next;
		if (ex->tail == j)
			ex->tail = kept;
		j->next = NULL;
		*bt = j;
		bt = &j->next;
		got++;
		/* Taken: an open job takes no more work (executor_amend). */
		if (j->open_slot) {
			if (*j->open_slot == j)
				*j->open_slot = NULL;
			j->open_slot = NULL;
		}
	}
	ex->count -= *n;
	return batch;
}

/* The writer thread itself. */
static void *writer_main(void *arg)
{
	struct gw *g = arg;
	struct executor *ex = &g->ex;
	struct job *retry = NULL;
	int64_t purged_ms = 0;
	for (;;) {
		pthread_mutex_lock(&ex->lock);
		if (retry) {
			/* Jobs of a failed COMMIT go first again, in their order. */
			struct job *t = retry;
			size_t n = 1;
			while (t->next) {
				t = t->next;
				n++;
			}
			t->next = ex->head;
			ex->head = retry;
			if (ex->tail == NULL)
				ex->tail = t;
			ex->count += n;
			retry = NULL;
		}
		if (ex->head == NULL && !ex->stop) {
			/* Idle: wake at least once a second to sign a checkpoint when due. */
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += 1;
			pthread_cond_timedwait(&ex->cond, &ex->lock, &ts);
		}
		if (ex->head == NULL) {
			int stop = ex->stop;
			pthread_mutex_unlock(&ex->lock);
			__atomic_store_n(&ex->progress_ms, mono_now_ms(), __ATOMIC_RELAXED);
			/* On stop, cover every record with a final checkpoint. */
			if (audit_tree_after_commit(g, g->writer_store, ex->cur, stop) != MGW_OK)
				log_event(LOG_ERROR, "checkpoint_failed", NULL);
			if (stop)
				break;
			housekeeping(g, &purged_ms);
			followup_wr_idle(g); /* h12-actions: due/overdue/escalation notices */
			continue;
		}
		size_t n;
		struct job *batch = take_batch(ex, &n);
		int drained = ex->above_high && ex->count < EX_LOW_MARK;
		if (drained)
			ex->above_high = 0;
		pthread_mutex_unlock(&ex->lock);

		if (drained) {
			struct clist l = {0};
			struct completion *c = calloc(1, sizeof *c);
			if (c) {
				c->kind = EX_DONE_DRAINED;
				clist_append(&l, c);
				post(g, &l);
			}
		}
		prepare_batch(ex, batch);
		retry = run_batch(g, g->writer_store, batch);
		if (retry == NULL)
			__atomic_store_n(&ex->progress_ms, mono_now_ms(), __ATOMIC_RELAXED);
		if (retry) {
			struct timespec ts = {0, 100 * 1000 * 1000}; /* let a transient failure pass */
			nanosleep(&ts, NULL);
		}
	}
	return NULL;
}

/* Service thread: stop and join the workers (after the writer drained the queue). */
static void executor_stop_workers(struct gw *g)
{
	struct executor *ex = &g->ex;
	pthread_mutex_lock(&ex->lock);
	ex->stop = 1;
	pthread_cond_broadcast(&ex->prep_cond);
	pthread_mutex_unlock(&ex->lock);
	for (unsigned i = 0; i < ex->n_workers; i++)
		pthread_join(ex->workers[i], NULL);
	ex->n_workers = 0;
	for (struct job *t = ex->trash, *nx; t; t = nx) { /* the workers free it before they exit */
		nx = t->next;
		job_free(t);
	}
	ex->trash = NULL;
}

/* Service thread, at start. */
int executor_start(struct gw *g, char *err, size_t errlen)
{
	struct executor *ex = &g->ex;
	pthread_cond_init(&ex->prep_cond, NULL);
	pthread_cond_init(&ex->prepped, NULL);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned want = cores < 1 ? 1u : cores > (long)MGW_PREP_WORKERS_MAX ? MGW_PREP_WORKERS_MAX
									 : (unsigned)cores;
	for (ex->n_workers = 0; ex->n_workers < want; ex->n_workers++)
		if (pthread_create(&ex->workers[ex->n_workers], NULL, worker_main, g) != 0)
			break; /* fewer workers; with none the writer prepares every job */
	if (pthread_create(&ex->thread, NULL, writer_main, g) != 0) {
		snprintf(err, errlen, "cannot start the writer thread");
		executor_stop_workers(g);
		return MGW_E_IO;
	}
	return MGW_OK;
}

/* Service thread, at stop: the writer drains the queue, then exits. */
void executor_stop(struct gw *g)
{
	struct executor *ex = &g->ex;
	pthread_mutex_lock(&ex->lock);
	ex->stop = 1;
	pthread_cond_signal(&ex->cond);
	pthread_mutex_unlock(&ex->lock);
	pthread_join(ex->thread, NULL);
	executor_stop_workers(g);
	epoch_put(ex->cur);
	ex->cur = NULL;
}

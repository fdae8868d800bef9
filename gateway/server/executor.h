/*
 * executor.h: the generic group-commit executor. It knows no request kind.
 *
 * A job is a small struct per kind that begins with struct job; its ops say
 * how the writer commits it and how it is freed. The service thread submits
 * jobs (executor_submit); the writer thread (executor's own thread) takes
 * up to MGW_COMMIT_BATCH_MAX of them into one store transaction. There is
 * no savepoint per job (each cost a statement journal written to a
 * temporary file): jobs validate before they write, and a job that still
 * fails has the whole transaction rolled back and the batch run again
 * without it (it answers with its wr_failed in its place). So wr_commit
 * must keep no in-memory effect beyond its answers and the store: it may
 * run more than once per commit. Answers a job
 * produces (completions) are handed back to the service thread only after
 * COMMIT returned: nothing is answered that is not durable.
 *
 * Both queues are capped (MGW_WRITER_QUEUE_MAX jobs; completions are at
 * most a bounded number per job). Above the high mark the service thread is
 * told (executor_submit returns 1) and pauses the sessions that feed it; the
 * writer posts EX_DONE_DRAINED when the queue falls below the low mark.
 *
 * Jobs with ops->prepare are prepared by a pool of worker threads (one per
 * core, at most MGW_PREP_WORKERS_MAX) while they wait in the queue, in
 * any order; the writer still takes them in queue order (but for heavy jobs:
 * job_ops.heavy), and prepares a
 * job itself if no worker has started it, or waits for the worker that
 * has. So redaction and packing of batch N+1 run while batch N commits
 * and syncs. Wake-ups (h11-perf): a worker is woken only for more wanted
 * jobs than busy workers (a busy one takes the next without sleeping); a
 * job to prepare wakes an idle writer once prepared, other jobs at
 * submission. Workers also free the finished jobs of kinds with
 * ops->free_elsewhere (shares, referrals) off the writer's serial path.
 *
 * If COMMIT fails, the batch's answers are discarded; requests are answered
 * with their ops->wr_failed (INTERNAL: not accepted, retry with the same
 * msg_id) and jobs with ops->retry (acks, audit records) are queued again
 * at the head, up to EX_RETRY_MAX times, so a transient failure does not
 * drop an acknowledgement.
 */
#ifndef MARAC_EXECUTOR_H
#define MARAC_EXECUTOR_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "mgw_limits.h"
#include "store.h"

struct gw;
struct epoch;
struct job;
struct completion;

/* A FIFO of completions (appended at the tail: answers keep their order). */
struct clist {
	struct completion *head, *tail;
};

/* The writer's context for one job (writer thread). */
struct wctx {
	struct gw *g;
	store *st;                  /* read-write, inside the batch transaction */
	struct clist *answers;      /* completions posted after COMMIT */
	const struct epoch *e;      /* the epoch the job was routed under */
};

struct job_ops {
	const char *name;           /* kind, for logs */
	/* Writer thread, inside the batch transaction. 0, or an error: the
	 * transaction is rolled back and the batch runs again without this
	 * job, whose wr_failed runs in its place. May run more than once
	 * (another job's failure): no in-memory effects beyond answers. */
	int (*wr_commit)(struct job *j, struct wctx *w);
	/* Writer thread: the job's changes were undone (its own failure or a
	 * failed COMMIT): answer "not stored" if the kind answers. May be NULL. */
	void (*wr_failed)(struct job *j, struct wctx *w);
	/* A worker thread (or the writer, if it gets there first), once, while
	 * the job waits in the queue, outside every lock: the kind's work that
	 * needs no store (redaction, packing, hashing), so the writer thread
	 * only writes. Results stay in the job. May be NULL. */
	void (*prepare)(struct job *j);
	/* Any thread: free the kind's fields (not the job itself). May be NULL. */
	void (*free)(struct job *j);
	int retry;                  /* re-run after a failed COMMIT (acks, audit records) */
	/* h11-perf: free may run on a worker thread after the batch (large
	 * decoded requests: shares, referrals), off the writer's serial path */
	int free_elsewhere;
	/* Its wr_commit reads much of the store (an auditor's page: a scan of
	 * up to MGW_AUDIT_QUERY_SCAN_MAX records). A batch takes at most one;
	 * the jobs of other sessions queued behind the next heavy ones go in
	 * the batch before them (batchpick.h), so a burst of pages holds every
	 * node's shares for one page, not for all of them. */
	int heavy;
};

struct job {
	const struct job_ops *ops;
	uint64_t conn_id;           /* session to answer; 0 = none */
	char node[MGW_ID_MAX + 1];  /* acting node ("" for the gateway) */
	int agency;
	struct epoch *epoch;        /* pinned at routing (reference held); never NULL */
	int counted;                /* counted in its session's jobs: post EX_DONE_FINISHED */
	int request;                /* counted in its session's in_flight too */
	size_t req_bytes;           /* r-redteam6: and its frame's bytes in in_flight_bytes */
	unsigned attempts;          /* COMMIT attempts (retry) */
	int failed;                 /* its wr_commit failed in this batch: wr_failed only */
	int prep;                   /* JOB_PREP_*, under ex.lock */
	int prepared;               /* writer: ops->prepare has run */
	int64_t enqueued_us;
	struct job *next;           /* executor queue, under ex.lock */
	int body_case;              /* h13-audit: the request's Frame body (refusal records) */
	/* h11-perf: executor_submit_open's slot, under ex.lock: points back at
	 * the slot while the job waits in the queue; NULL once taken */
	struct job **open_slot;
	unsigned acks;              /* DeliverAcks this job answers (req_ack.c), under ex.lock */
};

enum job_prep { JOB_PREP_NONE, JOB_PREP_WANTED, JOB_PREP_RUNNING };

enum completion_kind {
	EX_DONE_FRAME,              /* queue frame to conn_id */
	EX_DONE_WELCOME,            /* Welcome frame to conn_id; seq = acked_through */
	EX_DONE_CLOSE,              /* close conn_id with status (after the frames before) */
	EX_DONE_NOTIFY,             /* node's outbox grew or its cursor moved (one per node per batch) */
	EX_DONE_DELIVER,            /* a delivery just committed to node: seq, delivery_id and the
				     * stored body in frame, queued straight to node's session if it
				     * is next in line, else kept (outbox_cache.c) for the pump */
	EX_DONE_FINISHED,           /* a counted job of conn_id finished */
	EX_DONE_DRAINED,            /* the queue fell below its low mark */
};

/*
 * A committed delivery body as the service thread gets it (h11-perf2): one
 * copy per distinct body, shared by the EX_DONE_DELIVERs of all its
 * recipients (at fan-out 8, one copy instead of eight). Immutable once
 * made; refs counted atomically, so the last holder frees it, on any thread.
 */
struct shared_body {
	unsigned refs;
	size_t len;
	uint8_t data[];
};
/* A copy of body with one reference (NULL on no memory). Any thread. */
struct shared_body *shared_body_new(const uint8_t *body, size_t len);
/* Another reference to sb (NULL stays NULL). Any thread. */
struct shared_body *shared_body_get(struct shared_body *sb);
/* Drop a reference; the last frees it. NULL is a no-op. Any thread. */
void shared_body_put(struct shared_body *sb);

struct completion {
	enum completion_kind kind;
	uint64_t conn_id;
	uint8_t *frame;             /* EX_DONE_FRAME/WELCOME: packed Frame, malloc'd; DELIVER:
				     * body->data (not freed on its own) */
	struct shared_body *body;   /* EX_DONE_DELIVER: a reference, dropped by completion_free */
	size_t len;
	uint64_t seq;               /* EX_DONE_WELCOME: acked_through; DELIVER: the delivery's seq */
	char delivery_id[33];       /* EX_DONE_DELIVER */
	int status;                 /* EX_DONE_CLOSE */
	int request;                /* EX_DONE_FINISHED: was a request */
	size_t req_bytes;           /* EX_DONE_FINISHED: its frame's bytes (r-redteam6) */
	unsigned acks;              /* EX_DONE_FINISHED: the DeliverAcks it answered */
	int refusal;                /* EX_DONE_FRAME: the Error of a refusal (refuse.c); the
				     * session's request bucket is charged for it */
	char node[MGW_ID_MAX + 1];  /* EX_DONE_NOTIFY */
	int flags;                  /* EX_DONE_NOTIFY: a Flag notice for node was committed */
	struct completion *next;
};

struct executor {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	/* under lock */
	struct job *head, *tail;
	size_t count;
	int above_high;             /* count reached the high mark since the last drain */
	struct clist done;
	int stop;
	size_t prep_wanted;         /* queued jobs with JOB_PREP_WANTED */
	size_t prep_running;        /* workers preparing a job now (h11-perf) */
	struct job *trash;          /* finished free_elsewhere jobs a worker frees (h11-perf) */
	pthread_cond_t prep_cond;   /* workers: a job to prepare, or stop */
	pthread_cond_t prepped;     /* writer: a job it waits for was prepared */
	pthread_t workers[MGW_PREP_WORKERS_MAX];
	unsigned n_workers;
	/* s11-daemon: monotonic ms the writer last finished a batch or found
	 * nothing to do, or a job was prepared (written by the writer and the
	 * workers, read by session_tick: atomic) */
	int64_t progress_ms;
	/* writer thread only */
	pthread_t thread;
	struct epoch *cur;          /* newest epoch seen in a batch (reference held) */
};

/* High and low marks of the job queue (rx flow control), and the reserve
 * kept for records the gateway itself emits. */
#define EX_HIGH_MARK (MGW_WRITER_QUEUE_MAX - MGW_WRITER_QUEUE_RESERVE)
#define EX_LOW_MARK (MGW_WRITER_QUEUE_MAX / 2)
#define EX_RETRY_MAX 3u

/* Service thread, before and after the writer runs. */
int executor_start(struct gw *g, char *err, size_t errlen);
void executor_stop(struct gw *g); /* drains every queued job, then joins */

/*
 * Any thread (the service thread in practice): queue j, taking ownership.
 * internal: a record of the gateway's own (may use the reserve).
 * Returns 0 (queued), 1 (queued, and the queue is above its high mark:
 * pause reading), or MGW_E_TOO_LARGE (full: not queued, still the
 * caller's).
 */
int executor_submit(struct gw *g, struct job *j, int internal);
/*
 * Open jobs (h11-perf): work that is cheaper done many at once (a node's
 * acks) goes into one job while that job still waits in the queue.
 * executor_submit_open queues j as executor_submit does (same returns) and,
 * if queued, leaves *slot pointing at it (a job the slot held before is
 * closed: it takes no more work); the writer sets *slot to NULL,
 * under the lock, when it takes the job into a batch. executor_amend runs
 * fn(*slot, arg) under the lock while the job is still queued (fn must be
 * short and must not call the executor) and returns fn's result, or
 * MGW_E_NOTFOUND if no job is open (then submit a new one). The slot's
 * owner calls executor_forget before the slot's memory goes. Slots belong
 * to the service thread; the lock orders them with the writer.
 */
int executor_submit_open(struct gw *g, struct job *j, int internal, struct job **slot);
int executor_amend(struct gw *g, struct job **slot, int (*fn)(struct job *j, void *arg),
		   void *arg);
void executor_forget(struct gw *g, struct job **slot);

/* Jobs queued (any thread, under the lock). */
size_t executor_depth(struct gw *g);
/* Any thread: ms since the writer last finished a batch or was idle (0 before it started). */
int64_t executor_stalled_ms(struct gw *g);
/* Service thread: take every completion, in order (caller frees each). */
struct completion *executor_take(struct gw *g);

/* Free a job: its kind's fields, its epoch reference, itself (any thread). */
void job_free(struct job *j);

/* Completions (writer thread while committing; any thread). */
void clist_append(struct clist *l, struct completion *c); /* NULL is a no-op */
void clist_concat(struct clist *l, struct clist *more);
void clist_free(struct clist *l);
/* Free one completion: its frame, or its reference to a shared body. Any thread. */
void completion_free(struct completion *c);
struct completion *completion_frame(uint64_t conn_id, uint8_t *buf, size_t len); /* takes buf */
struct completion *completion_notify(const char *node);
/* EX_DONE_DELIVER holding a new reference to body (NULL on no memory, or if
 * body is NULL: the pump reads the delivery from the store instead). */
struct completion *completion_deliver(const char *node, uint64_t seq, const char *delivery_id,
				      struct shared_body *body);
struct completion *completion_close(uint64_t conn_id, int status);

#endif

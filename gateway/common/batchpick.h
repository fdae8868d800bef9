/*
 * batchpick.h: which queued jobs the writer takes into its next batch.
 *
 * The writer thread (server/executor.c, take_batch) commits the job queue
 * in batches, one transaction each. Most jobs are cheap; a heavy one (an
 * auditor's page: a scan of up to MGW_AUDIT_QUERY_SCAN_MAX records) costs
 * as much as hundreds of shares. So a batch takes at most one heavy job: a
 * later heavy job stays queued, and so does every later job of its session
 * (a session's requests are answered in order), while the other sessions'
 * jobs behind it are taken. A burst of pages from one auditor then holds
 * every node's shares for one page at a time, not for all of them.
 *
 * The choice is a pure function of each queued job's session and weight,
 * kept here, out of the daemon, so a unit test can pin it.
 */
#ifndef MARAC_BATCHPICK_H
#define MARAC_BATCHPICK_H

#include <stddef.h>
#include <stdint.h>

/* Sessions held back behind a heavy job, per batch: one more, or a heavy
 * job of no session, ends the batch there. */
#define BATCH_HELD_MAX 8

struct pick_job {
	uint64_t session; /* the session to answer; 0 = none (the gateway's own) */
	int heavy;
};

/*
 * Choose the next batch from the queue q[0..n), in queue order: up to max
 * jobs, at most one heavy. take[i] is set to 1 for each job taken, 0 for
 * each left queued. Returns how many were taken.
 */
size_t batch_pick(const struct pick_job *q, size_t n, size_t max, unsigned char *take);

#endif

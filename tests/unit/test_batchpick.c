/* batch_pick: the writer's next batch, at most one heavy job, its
 * session's later jobs held back, the other sessions' taken (batchpick.h). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "batchpick.h"

#define HEAVY(s) {(s), 1}
#define LIGHT(s) {(s), 0}

/* The taken jobs' indices as "0 2 3" (for messages and comparisons). */
static const char *picked(const struct pick_job *q, size_t n, size_t max)
{
	static char buf[256];
	unsigned char take[64];
	size_t o = 0, k = batch_pick(q, n, max, take), count = 0;
	buf[0] = 0;
	for (size_t i = 0; i < n; i++)
		if (take[i]) {
			o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%zu", count ? " " : "", i);
			count++;
		}
	cr_assert_eq(k, count, "the count returned is the jobs marked");
	return buf;
}

Test(batchpick, light_jobs_in_queue_order_up_to_the_batch_size)
{
	const struct pick_job q[] = {LIGHT(1), LIGHT(2), LIGHT(1), LIGHT(3), LIGHT(2)};
	cr_assert_str_eq(picked(q, 5, 64), "0 1 2 3 4");
	cr_assert_str_eq(picked(q, 5, 3), "0 1 2");
}

/* An auditor (session 7) sends four pages in a burst while nodes 1 and 2
 * share: each batch takes one page and every share queued behind the
 * others; the auditor's pages come out one per batch, in order. */
Test(batchpick, one_heavy_job_per_batch_the_others_sessions_go_before)
{
	const struct pick_job q[] = {HEAVY(7), HEAVY(7), LIGHT(1), HEAVY(7), LIGHT(2), HEAVY(7),
				     LIGHT(1)};
	cr_assert_str_eq(picked(q, 7, 64), "0 2 4 6");
	const struct pick_job rest[] = {HEAVY(7), HEAVY(7), HEAVY(7)};
	cr_assert_str_eq(picked(rest, 3, 64), "0");
}

/* A held session's later light jobs stay behind its page: its answers
 * keep their order. */
Test(batchpick, a_held_sessions_later_jobs_stay_in_order)
{
	const struct pick_job q[] = {HEAVY(5), HEAVY(6), LIGHT(6), LIGHT(1), LIGHT(5)};
	cr_assert_str_eq(picked(q, 5, 64), "0 3 4");
}

/* A second heavy job of no session (the gateway's own) cannot be held
 * apart from anything: the batch ends there. */
Test(batchpick, a_heavy_job_of_no_session_ends_the_batch)
{
	const struct pick_job q[] = {HEAVY(5), LIGHT(1), HEAVY(0), LIGHT(2)};
	cr_assert_str_eq(picked(q, 4, 64), "0 1");
}

/* More sessions with heavy jobs waiting than can be held: the batch ends
 * at the first it cannot hold. */
Test(batchpick, held_sessions_are_bounded)
{
	struct pick_job q[BATCH_HELD_MAX + 4];
	size_t n = 0;
	q[n++] = (struct pick_job)HEAVY(100);
	for (uint64_t s = 1; s <= BATCH_HELD_MAX + 1; s++)
		q[n++] = (struct pick_job)HEAVY(s);
	q[n++] = (struct pick_job)LIGHT(200);
	cr_assert_str_eq(picked(q, n, 64), "0");
	/* one fewer: every session held, the light job behind them taken */
	q[BATCH_HELD_MAX + 1] = (struct pick_job)LIGHT(200);
	cr_assert_str_eq(picked(q, BATCH_HELD_MAX + 2, 64), "0 9");
}

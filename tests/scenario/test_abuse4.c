/*
 * Abuse, fourth round: the daemon as a whole and the known leftovers (an
 * auditor's load on the writer, queues for nodes that cannot connect,
 * what a node can make the gateway hold). Each test fails on the gateway
 * as it was before the fix named in its comment.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "codec.h"
#include "harness.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(abuse4, .fini = teardown, .timeout = 240);

static double mono_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* n AuditQuery pages pipelined on a, then all n answers read (asserted). */
static void audit_pages(mgw_client *a, int n)
{
	Marac__V1__AuditQuery q = MARAC__V1__AUDIT_QUERY__INIT;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_AUDIT_QUERY;
	req.audit_query = &q;
	for (int i = 0; i < n; i++)
		cr_assert_eq(mgw_client_send(a, &req), MGW_OK);
	for (int pages = 0; pages < n;) {
		Marac__V1__Frame *f = NULL;
		int rc = mgw_client_recv(a, 30000, &f);
		cr_assert_eq(rc, MGW_OK, "page %d of %d: rc %d", pages + 1, n, rc);
		int body = f->body_case;
		codec_free(&f->base);
		if (body == MARAC__V1__FRAME__BODY_AUDIT_RECORDS)
			pages++;
	}
}

/*
 * The request bucket (req_rate.c) was per connection: a new connection
 * started full. An auditor that reconnected after each burst of 20
 * AuditQuery pages (200 tokens) had every page it asked for at once, and
 * the pacing that spares the writer (test_abuse
 * pipelined_audit_queries_are_paced_to_spare_the_writer) never applied.
 * The bucket is the node's now: a reconnection continues the one its last
 * connection left.
 */
Test(abuse4, reconnecting_does_not_refill_the_request_bucket)
{
	gw_start(&G, NULL);
	char err[512];
	enum { ROUNDS = 4, PAGES = 20 };
	double t0 = mono_s();
	for (int r = 0; r < ROUNDS; r++) {
		mgw_client *a = node(&G, "auditor", err, sizeof err);
		cr_assert_not_null(a, "%s", err);
		audit_pages(a, PAGES);
		mgw_client_free(a);
	}
	double took = mono_s() - t0;
	/* (80 - 20) / 5 = 12 s at the node's pace; about a second per bucket */
	cr_assert_geq(took, 8.0, "%d audit pages over %d connections in %.2f s: not paced",
		      ROUNDS * PAGES, ROUNDS, took);
}

/*
 * A node reconnecting in a loop wrote a NODE_CONNECTED record (and queued
 * a Hello job) per connection, as fast as it could handshake: 149 in 3 s
 * from one in-process client, whatever the request rate. A connection now
 * costs a token of the node's bucket and beyond it is refused at the
 * upgrade (HTTP 503), counted in one CONNECTION_REFUSED connect_rate
 * record per minute. With a bucket of 10 at 5 a second: at most
 * 10 + 10 + 5 x 3 connections in 3 s. Another node is served throughout.
 */
Test(abuse4, a_reconnect_storm_is_held_to_the_request_rate)
{
	gw_start(&G, "limits:\n  requests_burst: 10\n  requests_per_second: 5\n");
	char err[512];
	double t0 = mono_s();
	int ok = 0, refused = 0;
	while (mono_s() - t0 < 3.0) {
		mgw_client *a = node(&G, "health", err, sizeof err);
		if (a == NULL) {
			refused++;
			continue;
		}
		mgw_client_free(a);
		ok++;
	}
	cr_assert_leq(ok, 10 + 10 + 5 * 4, "%d connections of one node in 3 s", ok);
	cr_assert_geq(refused, 1);
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				 "connect_rate", 1),
		      1, "the refusals are audited");
	cr_assert_leq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				  "connect_rate"),
		      2, "%d refusals: one counted record a minute", refused);
	cr_assert_leq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_NODE_CONNECTED, NULL),
		      ok);
	/* another node is not held back by it */
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	mgw_client_free(p);
}

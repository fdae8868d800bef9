/*
 * Abuse, eighth round (s11-daemon): the daemon's leftovers from the
 * seventh, and proto/README read as the author of a client in another
 * language reads it. Each test fails on the gateway as it was before the
 * fix named in its comment.
 */
#include <criterion/criterion.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codec.h"
#include "harness.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(abuse8, .fini = teardown, .timeout = 240);

/*
 * A node the gateway stops reading because its writer is stuck (a disk
 * that hangs every COMMIT) has its ping clock stopped (r-redteam7: its
 * pong waits behind its own requests), so it stayed connected, held back
 * and told nothing, for as long as the writer was stuck. Now, once the
 * writer has made no progress for limits.writer_stall_secs, such a
 * session is closed 4001 (reconnect later: not 1013, which libwebsockets
 * 4.1 clients are told is 1002); a node that is idle stays;
 * once the writer recovers, the same share sent again is answered.
 */
Test(abuse8, a_node_held_back_by_a_stuck_writer_is_let_go_with_4001)
{
	char stall[700];
	gw_start_faulty(&G, "limits:\n  max_in_flight: 1\n  writer_stall_secs: 3\n", "MARAC_FAULT_STALL",
			"stall", stall, sizeof stall);
	char e[256];
	mgw_client *h = node(&G, "health", e, sizeof e); /* idle throughout */
	cr_assert_not_null(h, "%s", e);
	mgw_client *p = node(&G, "police", e, sizeof e);
	cr_assert_not_null(p, "%s", e);
	sleep(1); /* the connections' own records committed before the stall */
	FILE *t = fopen(stall, "w");
	cr_assert_not_null(t);
	fclose(t);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0081", "testshire");
	Marac__V1__Share sh;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_SHARE;
	fr.share = &sh;
	const char *ids[] = {"stall-1", "stall-2", "stall-3"};
	for (int i = 0; i < 3; i++) { /* max_in_flight 1: the gateway stops reading it */
		make_share(&sh, ids[i], to, 1, cs);
		cr_assert_eq(mgw_client_send(p, &fr), MGW_OK);
	}
	double t0 = mono_s();
	Marac__V1__Frame *f = NULL;
	int rc;
	while ((rc = mgw_client_recv(p, 60000, &f)) == MGW_OK)
		codec_free(&f->base); /* nothing is answered while the writer is stuck */
	double waited = mono_s() - t0;
	cr_assert_eq(rc, MGW_E_CLOSED, "held back for %.0f s and still connected (%d)", waited, rc);
	cr_assert_eq(mgw_client_close_status(p), 4001, "told to reconnect later: %d",
		     mgw_client_close_status(p));
	cr_assert_geq(waited, 2.0, "let go after writer_stall_secs, not at once (%.1f s)", waited);
	mgw_client_free(p);
	cr_assert_eq(mgw_client_recv(h, 500, &f), MGW_E_TIMEOUT, "an idle node stays connected");
	char *log = slurp(G.log);
	cr_assert(log && strstr(log, "\"session_released\""), "logged");
	free(log);
	unlink(stall); /* the writer recovers */
	p = node(&G, "police", e, sizeof e);
	cr_assert_not_null(p, "%s", e);
	make_share(&sh, "stall-1", to, 1, cs);
	Marac__V1__Frame *acc = NULL;
	cr_assert_eq(mgw_client_share(p, &sh, 30000, &acc), MGW_OK, "the share sent again");
	codec_free(&acc->base);
	mgw_client_free(p);
	mgw_client_free(h);
	codec_free(&cs->base);
}

/*
 * proto/README section 1: an upgrade without the marac.v1 subprotocol is
 * refused HTTP 400 (audited no_subprotocol). The gateway looked for the
 * text anywhere in the header, so a client offering only "marac.v10" or
 * "xmarac.v1" (a typo, another version) passed the check, and lws, which
 * matches whole names, then had no protocol for it: the connection was
 * dropped with no status and nothing audited. The offered names are
 * compared whole now; one of several is enough, whatever precedes it (lws
 * binds the first name it knows: the gateway's own protocols[0] has a name
 * no client can offer).
 */
Test(abuse8, an_upgrade_offering_no_exact_marac_v1_is_refused_400)
{
	gw_start(&G, NULL);
	const struct {
		const char *offer;
		int status;
	} cases[] = {{"marac.v10", 400},       {"xmarac.v1", 400},     {"marac.v1x, chat", 400},
		     {"MARAC.V1", 400},        {"chat, marac.v1", 101}, {"marac.v1,chat", 101},
		     {"marac.v1", 101},        {"default, marac.v1", 101}, {"http, marac.v1", 101}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int fd;
		SSL *s = raw_tls(&G, "police", &fd);
		cr_assert_not_null(s);
		int st = raw_upgrade(s, "/v1", cases[i].offer);
		int answered = -1;
		if (st == 101) {
			/* and it is the gateway's protocol that answers: a frame
			 * that is no Hello gets an Error frame (bound to lws's
			 * protocols[0] it got close 1002) */
			static const unsigned char junk[] = {0x0a, 0x03, 'x', 'y', 'z'};
			unsigned char buf[4096];
			size_t len;
			cr_assert_eq(raw_ws_send(s, 2, junk, sizeof junk, 1), 0);
			answered = raw_ws_recv(s, fd, buf, sizeof buf, &len, 5000);
		}
		raw_close(s, fd);
		cr_assert_eq(st, cases[i].status, "Sec-WebSocket-Protocol: %s: %d", cases[i].offer,
			     st);
		cr_assert(st != 101 || answered == 2,
			  "Sec-WebSocket-Protocol: %s: no answer from marac.v1 (%d)", cases[i].offer,
			  answered);
	}
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				 "no_subprotocol", 1),
		      1, "audited");
}

/*
 * proto/README section 1, read by the author of a client in another
 * language: "/v1" and "/" are the endpoint, any other path is 404. A
 * query string is not part of the path (RFC 3986): a library that adds one
 * still reaches the endpoint; and the path is compared as libwebsockets
 * normalises it ("//v1", "/x/../v1" are "/v1"), which proto/README did not
 * say.
 */
Test(abuse8, the_endpoint_paths_are_as_proto_readme_says)
{
	gw_start(&G, NULL);
	const struct {
		const char *path;
		int status;
	} cases[] = {{"/v1", 101}, {"/", 101}, {"/v1?client=x", 101}, {"/v1/", 404},
		     {"/v2", 404}, {"/V1", 404}, {"//v1", 101}, {"/x/../v1", 101}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int fd;
		SSL *s = raw_tls(&G, "police", &fd);
		cr_assert_not_null(s);
		int st = raw_upgrade(s, cases[i].path, "marac.v1");
		raw_close(s, fd);
		cr_assert_eq(st, cases[i].status, "GET %s: %d, proto/README says %d", cases[i].path,
			     st, cases[i].status);
	}
}

/*
 * limits.max_outbox_per_node bounds what waits for a node that does not
 * collect: shares and referrals skip it once it holds that many (r-redteam6).
 * The follow-up notices did not (session 9's question): a due action owned
 * by housing still queued its ACTION_DUE, and would every week after, for
 * a housing node 16 deliveries behind at a cap of 16. Now a notice skips
 * it as a share does (logged outbox_full); the chair still gets its own.
 */
Test(abuse8, notices_respect_the_outbox_cap)
{
	setenv("MARAC_CLOCK_OFFSET_DAYS", "0", 1); /* sweeps every second */
	gw_start(&G, "limits:\n  max_outbox_per_node: 16\n");
	unsetenv("MARAC_CLOCK_OFFSET_DAYS");
	refer_police_case(&G); /* housing-testshire gets the referral: 1 */
	char e[256];
	mgw_client *p = node(&G, "police", e, sizeof e);
	cr_assert_not_null(p, "%s", e);
	Marac__V1__Agency housing[] = {MARAC__V1__AGENCY__AGENCY_HOUSING};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0088", "testshire");
	int full = 0;
	for (int i = 0; i < 24 && !full; i++) {
		char id[24];
		snprintf(id, sizeof id, "fill-%d", i);
		Marac__V1__Share sh;
		make_share(&sh, id, housing, 1, cs);
		Marac__V1__Frame *acc = NULL;
		int rc = mgw_client_share(p, &sh, 15000, &acc);
		if (rc == MGW_OK)
			codec_free(&acc->base);
		else
			full = mgw_client_last_error(p)->code ==
			       MARAC__V1__ERROR_CODE__ERROR_CODE_OUTBOX_FULL;
	}
	cr_assert(full, "housing's outbox never reached the cap");
	mgw_client_free(p);
	codec_free(&cs->base);
	housing_action_due_today(&G);
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE, NULL, 1), 1);
	sleep(3); /* later sweeps add nothing (one notice per due date) */
	int n = audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE, NULL);
	cr_assert_eq(n, 1, "%d ACTION_DUE notices: the chair's, and one for a node past the cap",
		     n);
	char *log = slurp(G.log);
	cr_assert(log && strstr(log, "\"outbox_full\",\"node\":\"housing-testshire\"") &&
			  strstr(log, "\"for\":\"notice\""),
		  "logged");
	free(log);
}

/* The next frame on c: its msg_id into id and its kind (the body's case), or -1. */
static int answer_of(mgw_client *c, char *id, size_t n, int *code)
{
	Marac__V1__Frame *f = NULL;
	if (mgw_client_recv(c, 30000, &f) != MGW_OK)
		return -1;
	int kind = (int)f->body_case;
	*code = 0;
	id[0] = '\0';
	if (kind == MARAC__V1__FRAME__BODY_SHARE_ACCEPTED)
		snprintf(id, n, "%s", f->share_accepted->msg_id);
	else if (kind == MARAC__V1__FRAME__BODY_ERROR) {
		snprintf(id, n, "%s", f->error->msg_id);
		*code = f->error->code;
	}
	codec_free(&f->base);
	return kind;
}

/*
 * A batch in which one job fails is undone and run again without it. A
 * share refused OUTBOX_FULL earlier in that batch had its recipients
 * filtered in place by the room check (the full agency taken out), so the
 * second run found no full agency and accepted it for the others: a share
 * the sender was about to be told was refused was stored and delivered
 * without the agency it named (s11-review). The room is checked on a copy
 * now. Here housing's outbox is full (max_outbox_per_node 16); while the
 * writer is stuck on one COMMIT, share A (housing and IDVA) and then
 * share B (IDVA) wait for the next batch, whose run fails on B's row.
 */
Test(abuse8, a_share_refused_outbox_full_stays_refused_when_its_batch_runs_again)
{
	char stall[700], step[700];
	snprintf(step, sizeof step, "/tmp/marac-step9-%d", (int)getpid());
	unlink(step);
	setenv("MARAC_FAULT_STEP", step, 1);
	setenv("MARAC_FAULT_STEP_SQL", "INSERT INTO shares", 1);
	gw_start_faulty(&G, "limits:\n  max_outbox_per_node: 16\n", "MARAC_FAULT_STALL", "stall9", stall,
			sizeof stall);
	unsetenv("MARAC_FAULT_STEP");
	unsetenv("MARAC_FAULT_STEP_SQL");
	char e[256];
	mgw_client *p = node(&G, "police", e, sizeof e);
	cr_assert_not_null(p, "%s", e);
	Marac__V1__Agency housing[] = {MARAC__V1__AGENCY__AGENCY_HOUSING};
	Marac__V1__Agency both[] = {MARAC__V1__AGENCY__AGENCY_HOUSING, MARAC__V1__AGENCY__AGENCY_IDVA};
	Marac__V1__Agency idva[] = {MARAC__V1__AGENCY__AGENCY_IDVA};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0091", "testshire");
	Marac__V1__Share sh;
	Marac__V1__Frame *acc = NULL;
	for (int i = 0; i < 16; i++) { /* housing never collects: its outbox is full */
		char id[24];
		snprintf(id, sizeof id, "fill-%d", i);
		make_share(&sh, id, housing, 1, cs);
		cr_assert_eq(mgw_client_share(p, &sh, 15000, &acc), MGW_OK, "fill %d", i);
		codec_free(&acc->base);
	}
	FILE *t = fopen(stall, "w"); /* the writer sticks on the next COMMIT */
	cr_assert_not_null(t);
	fclose(t);
	cr_assert_eq(send_share(p, "stuck", idva, 1, cs), MGW_OK);
	sleep(1); /* its batch is at COMMIT, past its own rows */
	t = fopen(step, "w"); /* the next batch fails on B's row */
	cr_assert_not_null(t);
	fclose(t);
	cr_assert_eq(send_share(p, "share-a", both, 2, cs), MGW_OK);
	cr_assert_eq(send_share(p, "share-b", idva, 1, cs), MGW_OK);
	sleep(1); /* both prepared and waiting behind the stuck batch */
	unlink(stall);
	int got_a = 0, got_b = 0, got_stuck = 0;
	for (int i = 0; i < 3; i++) {
		char id[64];
		int code;
		int kind = answer_of(p, id, sizeof id, &code);
		cr_assert_neq(kind, -1, "answer %d missing", i);
		if (!strcmp(id, "share-a")) {
			cr_assert_eq(kind, MARAC__V1__FRAME__BODY_ERROR,
				     "share A was accepted without housing (kind %d)", kind);
			cr_assert_eq(code, MARAC__V1__ERROR_CODE__ERROR_CODE_OUTBOX_FULL, "%d", code);
			got_a = 1;
		} else if (!strcmp(id, "share-b")) {
			cr_assert_eq(kind, MARAC__V1__FRAME__BODY_ERROR, "share B's row failed: %d", kind);
			got_b = 1;
		} else if (!strcmp(id, "stuck")) {
			cr_assert_eq(kind, MARAC__V1__FRAME__BODY_SHARE_ACCEPTED);
			got_stuck = 1;
		}
	}
	cr_assert(got_a && got_b && got_stuck, "answers: a %d b %d stuck %d", got_a, got_b,
		  got_stuck);
	cr_assert_neq(access(step, F_OK), 0, "the fault never fired: A and B were not in one batch");
	mgw_client_free(p);
	/* IDVA gets the stuck share only: nothing of A. */
	mgw_client *v = node(&G, "idva", e, sizeof e);
	cr_assert_not_null(v, "%s", e);
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(mgw_client_recv(v, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
	cr_assert_str_eq(f->deliver->msg_id, "stuck");
	codec_free(&f->base);
	cr_assert_eq(mgw_client_recv(v, 1500, &f), MGW_E_TIMEOUT, "share A reached IDVA");
	mgw_client_free(v);
	codec_free(&cs->base);
	unlink(step);
}

/*
 * A node's acks join one queued job of up to 64 (req_ack.c); a 65th opens
 * a new job, and the session's slot moved to it while the full job, still
 * queued, kept pointing back at the slot. The session closed (only the
 * newest job was told), and the writer, taking the full job, wrote into
 * the session's freed memory (the ASan suite's "heap-use-after-free WRITE
 * of size 8, thread T5", now and then in CI). Here the writer is stuck on
 * a COMMIT while 69 acks queue up in two jobs and the node goes; once the
 * writer recovers the gateway runs on, stops cleanly (ASan: without a
 * report), and every ack was kept: nothing comes again.
 */
Test(abuse8, acks_queued_in_two_jobs_for_a_node_that_left_are_all_kept)
{
	char stall[700];
	gw_start_faulty(&G, "limits:\n  delivery_window: 128\n", "MARAC_FAULT_STALL", "stallack",
			stall, sizeof stall);
	char e[256];
	mgw_client *p = node(&G, "police", e, sizeof e);
	cr_assert_not_null(p, "%s", e);
	mgw_client *h = node(&G, "health", e, sizeof e);
	cr_assert_not_null(h, "%s", e);
	Marac__V1__Agency health[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0093", "testshire");
	enum { N = 70 };
	for (int i = 0; i < N; i++) {
		char id[24];
		snprintf(id, sizeof id, "acks-%d", i);
		cr_assert_eq(send_share(p, id, health, 1, cs), MGW_OK);
	}
	for (int i = 0; i < N; i++) {
		char id[64];
		int code;
		cr_assert_eq(answer_of(p, id, sizeof id, &code), MARAC__V1__FRAME__BODY_SHARE_ACCEPTED,
			     "share %d: %s %d", i, id, code);
	}
	static char did[N][33];
	static uint64_t seq[N];
	for (int i = 0; i < N; i++) {
		Marac__V1__Frame *f = NULL;
		cr_assert_eq(mgw_client_recv(h, 15000, &f), MGW_OK, "delivery %d", i);
		cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
		snprintf(did[i], sizeof did[i], "%s", f->deliver->delivery_id);
		seq[i] = f->deliver->seq;
		codec_free(&f->base);
	}
	sleep(1); /* the deliveries' records committed before the stall */
	FILE *t = fopen(stall, "w");
	cr_assert_not_null(t);
	fclose(t);
	cr_assert_eq(mgw_client_ack(h, did[0], seq[0]), MGW_OK);
	usleep(500000); /* its job taken: the writer is stuck on its COMMIT */
	for (int i = 1; i < N; i++) /* 64 in one queued job, 5 in the next */
		cr_assert_eq(mgw_client_ack(h, did[i], seq[i]), MGW_OK);
	usleep(500000); /* read and queued */
	mgw_client_free(h);
	usleep(500000); /* the session gone */
	unlink(stall);
	/* Every ack was committed: health is sent nothing again. */
	h = node(&G, "health", e, sizeof e);
	cr_assert_not_null(h, "%s", e);
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(mgw_client_recv(h, 2000, &f), MGW_E_TIMEOUT, "a delivery came again");
	mgw_client_free(h);
	mgw_client_free(p);
	codec_free(&cs->base);
	cr_assert_eq(gw_stop(&G), 0, "the gateway stops cleanly");
}

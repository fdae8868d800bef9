/*
 * Core scenarios over the real daemon and real mTLS: share and fan-out,
 * store-and-forward to an offline node, durability across SIGKILL, msg_id
 * dedupe and conflict, graceful stop.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "harness.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(core, .fini = teardown, .timeout = 120);

static Marac__V1__Frame *share_ok(mgw_client *c, const char *msg_id, Marac__V1__Agency *to,
				  size_t n, const char *case_ref)
{
	Marac__V1__CaseSummary *cs = synthetic_case(case_ref, "testshire");
	Marac__V1__Share sh;
	make_share(&sh, msg_id, to, n, cs);
	Marac__V1__Frame *acc = NULL;
	int rc = mgw_client_share(c, &sh, 15000, &acc);
	const Marac__V1__Error *e = mgw_client_last_error(c);
	cr_assert_eq(rc, MGW_OK, "share refused: rc=%d %s", rc, e ? e->message : "");
	codec_free(&cs->base);
	return acc;
}

static char *listen_dir(const char *name)
{
	static char d[8][700];
	static int k;
	char *p = d[k++ % 8];
	snprintf(p, sizeof d[0], "%s/inbox-%s", G.dir, name);
	return p;
}

static pid_t listener(const char *name, const char *count)
{
	const char *args[] = {"listen", "--out", listen_dir(name), "--count", count,
			      "--idle-exit", "20", NULL};
	return cli_spawn(&G, name, NULL, args);
}

Test(core, share_to_two_agencies_both_receive)
{
	gw_start(&G, NULL);
	pid_t lh = listener("health", "1");
	pid_t lc = listener("csc", "1");
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	cr_assert_str_eq(mgw_client_welcome(p)->node_id, "police-testshire");
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH,
				  MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE};
	Marac__V1__Frame *acc = share_ok(p, "m-two-1", to, 2, "MARAC-TS-0101");
	cr_assert_eq(acc->share_accepted->n_deliveries, 2);
	cr_assert_not(acc->share_accepted->duplicate);
	codec_free(&acc->base);
	cr_assert_eq(wait_exit(lh, 30), 0);
	cr_assert_eq(wait_exit(lc, 30), 0);
	cr_assert_eq(count_json(listen_dir("health")), 1);
	cr_assert_eq(count_json(listen_dir("csc")), 1);
	mgw_client_free(p);
	/* Every acceptance and delivery is in the audit trail. */
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED, NULL, 1), 1);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED, NULL, 2), 2);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED, NULL, 2), 2);
}

Test(core, offline_recipient_receives_on_reconnect_in_order)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_IDVA};
	char id[32], ref[32];
	for (int i = 1; i <= 3; i++) {
		snprintf(id, sizeof id, "m-off-%d", i);
		snprintf(ref, sizeof ref, "MARAC-TS-02%02d", i);
		codec_free(&share_ok(p, id, to, 1, ref)->base);
	}
	mgw_client_free(p);
	/* idva was offline for all three; now it connects. */
	mgw_client *v = node(&G, "idva", err, sizeof err);
	cr_assert_not_null(v, "%s", err);
	for (int i = 1; i <= 3; i++) {
		Marac__V1__Frame *f;
		cr_assert_eq(mgw_client_recv(v, 10000, &f), MGW_OK);
		cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
		cr_assert_eq(f->deliver->seq, (uint64_t)i, "deliveries in order");
		snprintf(id, sizeof id, "m-off-%d", i);
		cr_assert_str_eq(f->deliver->msg_id, id);
		cr_assert_str_eq(f->deliver->from_node, "police-testshire");
		if (i < 3) /* the third stays unacked: it must come again on resume */
			cr_assert_eq(mgw_client_ack(v, f->deliver->delivery_id, f->deliver->seq), MGW_OK);
		codec_free(&f->base);
	}
	Marac__V1__Frame *none;
	cr_assert_eq(mgw_client_recv(v, 500, &none), MGW_E_TIMEOUT);
	mgw_client_free(v);
	v = node(&G, "idva", err, sizeof err);
	cr_assert_not_null(v, "%s", err);
	cr_assert_eq(mgw_client_welcome(v)->acked_through, 2);
	Marac__V1__Frame *f;
	cr_assert_eq(mgw_client_recv(v, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
	cr_assert_eq(f->deliver->seq, 3, "resume after the last ack");
	codec_free(&f->base);
	mgw_client_free(v);
}

Test(core, accepted_share_survives_sigkill)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__Frame *acc = share_ok(p, "m-kill-1", to, 1, "MARAC-TS-0301");
	char delivery[64];
	snprintf(delivery, sizeof delivery, "%s", acc->share_accepted->deliveries[0]->delivery_id);
	codec_free(&acc->base);
	gw_kill(&G); /* no graceful anything */
	mgw_client_free(p);
	gw_restart(&G);
	pid_t lh = listener("health", "1");
	cr_assert_eq(wait_exit(lh, 30), 0);
	char path[800];
	snprintf(path, sizeof path, "%s/%s.json", listen_dir("health"), delivery);
	char *json = slurp(path);
	cr_assert_not_null(json, "delivery %s not received after restart", delivery);
	cr_assert(strstr(json, "MARAC-TS-0301") != NULL);
	free(json);
}

Test(core, duplicate_msg_id_answers_original_and_delivers_once)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__Frame *a1 = share_ok(p, "m-dup-1", to, 1, "MARAC-TS-0401");
	Marac__V1__Frame *a2 = share_ok(p, "m-dup-1", to, 1, "MARAC-TS-0401");
	cr_assert_not(a1->share_accepted->duplicate);
	cr_assert(a2->share_accepted->duplicate);
	cr_assert_str_eq(a1->share_accepted->deliveries[0]->delivery_id,
			 a2->share_accepted->deliveries[0]->delivery_id);
	cr_assert_eq(a1->share_accepted->audit_seq, a2->share_accepted->audit_seq);
	codec_free(&a1->base);
	codec_free(&a2->base);

	/* Same msg_id, different content: a conflict, not a silent overwrite. */
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0499", "testshire");
	Marac__V1__Share sh;
	make_share(&sh, "m-dup-1", to, 1, cs);
	Marac__V1__Frame *acc = NULL;
	cr_assert_eq(mgw_client_share(p, &sh, 15000, &acc), MGW_E_REFUSED);
	cr_assert_eq(mgw_client_last_error(p)->code, MARAC__V1__ERROR_CODE__ERROR_CODE_MSG_ID_CONFLICT);
	codec_free(&cs->base);
	mgw_client_free(p);

	const char *args[] = {"listen", "--out", listen_dir("health"), "--idle-exit", "2", NULL};
	cr_assert_eq(wait_exit(cli_spawn(&G, "health", NULL, args), 30), 0);
	cr_assert_eq(count_json(listen_dir("health")), 1, "exactly one delivery");
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				 "msg_id_conflict", 1), 1);
}

Test(core, refuses_bad_shares_with_typed_errors)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__Frame *acc = NULL;
	struct {
		const char *area, *msg_id;
		int purpose;
		Marac__V1__ErrorCode want;
	} cases[] = {
		{"elsewhere", "m-bad-1", MARAC__V1__PURPOSE__PURPOSE_MEETING,
		 MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED},
		{"testshire", "m bad", MARAC__V1__PURPOSE__PURPOSE_MEETING,
		 MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE},
		{"testshire", "m-bad-3", 0, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0501", cases[i].area);
		Marac__V1__Share sh;
		make_share(&sh, cases[i].msg_id, to, 1, cs);
		sh.purpose = cases[i].purpose;
		cr_assert_eq(mgw_client_share(p, &sh, 15000, &acc), MGW_E_REFUSED, "case %zu", i);
		cr_assert_eq(mgw_client_last_error(p)->code, cases[i].want, "case %zu: got %d", i,
			     mgw_client_last_error(p)->code);
		codec_free(&cs->base);
	}
	/* An agency with no node in the area. */
	Marac__V1__Agency nobody[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0502", "otherton");
	Marac__V1__Share sh;
	make_share(&sh, "m-bad-4", nobody, 1, cs);
	cr_assert_eq(mgw_client_share(p, &sh, 15000, &acc), MGW_E_REFUSED);
	cr_assert_eq(mgw_client_last_error(p)->code, MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_RECIPIENT);
	codec_free(&cs->base);
	/* The connection is still good. */
	codec_free(&share_ok(p, "m-good", to, 1, "MARAC-TS-0503")->base);
	mgw_client_free(p);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, NULL, 4), 4);
}

Test(core, graceful_stop_closes_nodes_with_1001)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *v = node(&G, "idva", err, sizeof err);
	cr_assert_not_null(v, "%s", err);
	kill(G.pid, SIGTERM);
	Marac__V1__Frame *f;
	cr_assert_eq(mgw_client_recv(v, 10000, &f), MGW_E_CLOSED);
	cr_assert_eq(mgw_client_close_status(v), 1001);
	cr_assert_eq(wait_exit(G.pid, 15), 0);
	G.pid = 0;
	mgw_client_free(v);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_STOP, NULL, 1), 1);
}

Test(core, a_failed_commit_does_not_drop_an_ack)
{
	char trigger[700];
	gw_start_faulty(&G, NULL, "MARAC_FAULT_COMMIT", "fault", trigger, sizeof trigger);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	codec_free(&share_ok(p, "fault-1", to, 1, "MARAC-TS-0901")->base);
	mgw_client_free(p);
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(mgw_client_recv(h, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
	char id[40];
	snprintf(id, sizeof id, "%s", f->deliver->delivery_id);
	uint64_t seq = f->deliver->seq;
	codec_free(&f->base);
	/* The COMMIT that carries the ack fails once. */
	FILE *t = fopen(trigger, "w");
	cr_assert_not_null(t);
	fclose(t);
	cr_assert_eq(mgw_client_ack(h, id, seq), MGW_OK);
	for (int i = 0; i < 100 && access(trigger, F_OK) == 0; i++)
		usleep(50000);
	cr_assert_neq(access(trigger, F_OK), 0, "no COMMIT was attempted");
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED, NULL, 1), 1,
		     "the ack was lost with its failed COMMIT");
	mgw_client_free(h);
	h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	cr_assert_eq(mgw_client_welcome(h)->acked_through, seq);
	mgw_client_free(h);
	unsetenv("MARAC_FAULT_COMMIT");
	unlink(trigger);
}

Test(core, a_job_failing_in_its_batch_is_undone_alone_and_answered)
{
	char trigger[700];
	/* The share's last write: its deliveries and records are written by then. */
	setenv("MARAC_FAULT_STEP_SQL", "INSERT INTO shares", 1);
	gw_start_faulty(&G, NULL, "MARAC_FAULT_STEP", "fault-step", trigger, sizeof trigger);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	FILE *t = fopen(trigger, "w");
	cr_assert_not_null(t);
	fclose(t);
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0902", "testshire");
	Marac__V1__Share sh;
	make_share(&sh, "step-1", to, 1, cs);
	Marac__V1__Frame *acc = NULL;
	int rc = mgw_client_share(p, &sh, 15000, &acc);
	const Marac__V1__Error *e = mgw_client_last_error(p);
	cr_assert_neq(rc, MGW_OK, "the failing share was accepted");
	cr_assert_not_null(e);
	cr_assert_eq(e->code, MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL, "code %d", e->code);
	cr_assert_neq(access(trigger, F_OK), 0, "the fault never fired");
	codec_free(&cs->base);
	/* Nothing of it stayed: the next share gets seq 1, the retry seq 2, not a duplicate. */
	codec_free(&share_ok(p, "step-2", to, 1, "MARAC-TS-0903")->base);
	acc = share_ok(p, "step-1", to, 1, "MARAC-TS-0902");
	cr_assert_not(acc->share_accepted->duplicate, "the failed share was half stored");
	codec_free(&acc->base);
	mgw_client_free(p);
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	const char *want[] = {"step-2", "step-1"};
	for (uint64_t i = 0; i < 2; i++) {
		Marac__V1__Frame *f = NULL;
		cr_assert_eq(mgw_client_recv(h, 10000, &f), MGW_OK);
		cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
		cr_assert_eq(f->deliver->seq, i + 1, "seq %llu: a gap or a leftover",
			     (unsigned long long)f->deliver->seq);
		cr_assert_str_eq(f->deliver->msg_id, want[i]);
		codec_free(&f->base);
	}
	mgw_client_free(h);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED, NULL, 2), 2,
		     "a SHARE_ACCEPTED record of the failed attempt stayed");
	unsetenv("MARAC_FAULT_STEP");
	unsetenv("MARAC_FAULT_STEP_SQL");
	unlink(trigger);
}

/* Receive one Deliver; its id into id, its msg_id checked. */
static uint64_t recv_deliver(mgw_client *h, const char *msg_id, char id[40])
{
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(mgw_client_recv(h, 10000, &f), MGW_OK, "no delivery of %s", msg_id);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
	cr_assert_str_eq(f->deliver->msg_id, msg_id, "out of order");
	cr_assert_not_null(strstr((char *)f->deliver->summary->marac_area, "testshire"),
			   "not the body as committed");
	snprintf(id, 40, "%s", f->deliver->delivery_id);
	uint64_t seq = f->deliver->seq;
	codec_free(&f->base);
	return seq;
}

Test(core, deliveries_held_back_by_the_window_follow_in_order_once_as_committed)
{
	gw_start(&G, "limits:\n  delivery_window: 2\n");
	char err[512], id[5][40], msg[5][16];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	for (int i = 0; i < 5; i++) {
		snprintf(msg[i], sizeof msg[i], "win-%d", i);
		codec_free(&share_ok(p, msg[i], to, 1, "MARAC-TS-0904")->base);
	}
	mgw_client_free(p);
	cr_assert_eq(recv_deliver(h, msg[0], id[0]), 1);
	cr_assert_eq(recv_deliver(h, msg[1], id[1]), 2);
	Marac__V1__Frame *f = NULL;
	cr_assert_neq(mgw_client_recv(h, 800, &f), MGW_OK, "more than delivery_window unacked");
	/* Offline-style edit of the held-back bodies while they wait: what is sent
	 * is what was committed (kept since the commit), never these bytes. */
	char db[700];
	snprintf(db, sizeof db, "%s/state/gateway.db", G.dir);
	sqlite3 *d;
	cr_assert_eq(sqlite3_open(db, &d), SQLITE_OK);
	sqlite3_busy_timeout(d, 5000);
	cr_assert_eq(sqlite3_exec(d, "UPDATE delivery_body SET body=CAST(replace(CAST(body AS TEXT),"
				  " 'testshire', 'TESTSHIRE') AS BLOB) WHERE body_id IN (SELECT body_id"
				  " FROM deliveries WHERE seq > 2)", NULL, NULL, NULL), SQLITE_OK,
		     "%s", sqlite3_errmsg(d));
	sqlite3_close(d);
	/* Acks out of order: the window opens only when the cursor moves. */
	cr_assert_eq(mgw_client_ack(h, id[1], 2), MGW_OK);
	cr_assert_eq(mgw_client_ack(h, id[0], 1), MGW_OK);
	cr_assert_eq(recv_deliver(h, msg[2], id[2]), 3);
	cr_assert_eq(recv_deliver(h, msg[3], id[3]), 4);
	cr_assert_eq(mgw_client_ack(h, id[3], 4), MGW_OK);
	cr_assert_eq(mgw_client_ack(h, id[2], 3), MGW_OK);
	cr_assert_eq(recv_deliver(h, msg[4], id[4]), 5);
	cr_assert_eq(mgw_client_ack(h, id[4], 5), MGW_OK);
	cr_assert_neq(mgw_client_recv(h, 800, &f), MGW_OK, "a delivery was sent twice");
	mgw_client_free(h);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED, NULL, 5), 5);
}

/*
 * Abuse: each misbehaviour is refused or contained and audited, and a
 * well-behaved node is served throughout.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <openssl/ssl.h>

#include "harness.h"
#include "store.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(abuse, .fini = teardown, .timeout = 120);

static void police_still_served(void)
{
	char fixture[600], out[4096];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	const char *args[] = {"send", "--to", "health", fixture, NULL};
	int rc = cli_run(&G, "police", out, sizeof out, args);
	cr_assert_eq(rc, 0, "well-behaved node refused: %d %s", rc, out);
}

Test(abuse, connection_flood_beyond_the_limit_is_refused_and_audited)
{
	gw_start(&G, "limits:\n  max_connections: 2\n");
	char err[512];
	mgw_client *a = node(&G, "health", err, sizeof err);
	cr_assert_not_null(a, "%s", err);
	/* One in-process client per process: the others are CLI listeners. */
	char dir[700];
	snprintf(dir, sizeof dir, "%s/inbox-idva", G.dir);
	const char *largs[] = {"listen", "--out", dir, "--idle-exit", "20", NULL};
	pid_t l1 = cli_spawn(&G, "idva", NULL, largs);
	/* Both connected (a slow, sanitized build may take seconds), then the third. */
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_NODE_CONNECTED, NULL, 2),
		      2, "the listener did not connect");
	char out[2048], fixture[600];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	const char *sargs[] = {"send", "--timeout", "20", "--to", "health", fixture, NULL};
	int rc = cli_run(&G, "police", out, sizeof out, sargs);
	cr_assert_eq(rc, 4, "third connection must be refused (exit 4), got %d", rc);
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				 "too_many_connections", 1), 1);
	mgw_client_free(a);
	wait_exit(l1, 40);
	police_still_served();
}

Test(abuse, recipient_that_never_acks_is_bounded_and_loses_nothing)
{
	gw_start(&G, "limits:\n  delivery_window: 4\n");
	char err[512];
	/* The silent node connects first, so deliveries are pushed as they commit. */
	mgw_client *v = node(&G, "idva", err, sizeof err);
	cr_assert_not_null(v, "%s", err);
	char fixture[600], out[4096];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	for (int i = 0; i < 12; i++) {
		char id[32];
		snprintf(id, sizeof id, "flood-%d", i);
		const char *args[] = {"send", "--to", "idva,health", "--msg-id", id, fixture, NULL};
		cr_assert_eq(cli_run(&G, "police", out, sizeof out, args), 0, "%s", out);
	}
	int got = 0;
	Marac__V1__Frame *f;
	while (mgw_client_recv(v, 1500, &f) == MGW_OK) {
		got += f->body_case == MARAC__V1__FRAME__BODY_DELIVER;
		codec_free(&f->base);
	}
	cr_assert_eq(got, 4, "a node that never acks gets exactly delivery_window frames");
	/* health was not held up by idva. */
	char dir[700];
	snprintf(dir, sizeof dir, "%s/inbox-health", G.dir);
	const char *largs[] = {"listen", "--out", dir, "--count", "12", "--idle-exit", "10", NULL};
	cr_assert_eq(wait_exit(cli_spawn(&G, "health", NULL, largs), 30), 0);
	cr_assert_eq(count_json(dir), 12);
	mgw_client_free(v);
	/* Nothing was dropped: idva gets all 12 once it reads and acks. */
	snprintf(dir, sizeof dir, "%s/inbox-idva", G.dir);
	const char *iargs[] = {"listen", "--out", dir, "--count", "12", "--idle-exit", "10", NULL};
	cr_assert_eq(wait_exit(cli_spawn(&G, "idva", NULL, iargs), 30), 0);
	cr_assert_eq(count_json(dir), 12);
}

Test(abuse, slowloris_tcp_without_tls_handshake_is_dropped)
{
	gw_start(&G, "limits:\n  handshake_timeout_secs: 2\n");
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)G.port)};
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	cr_assert_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
	/* Send the first byte of a TLS record, then nothing. */
	cr_assert_eq(write(fd, "\x16", 1), 1);
	struct timeval tv = {.tv_sec = 15};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	time_t t0 = time(NULL);
	char b[64];
	ssize_t r = read(fd, b, sizeof b);
	cr_assert_leq(r, 0, "the gateway must close a stalled handshake");
	cr_assert_lt(time(NULL) - t0, 14, "closed by the handshake timeout, not ours");
	close(fd);
	police_still_served();
}

Test(abuse, websocket_without_hello_is_closed_after_the_handshake_timeout)
{
	gw_start(&G, "limits:\n  handshake_timeout_secs: 2\n");
	char err[512];
	struct mgw_client_opts o = {
		.url = G.url, .cert = pki_file("police.crt"), .key = pki_file("police.key"),
		.ca = pki_file("ca.crt"), .timeout_ms = 10000, .skip_hello = 1,
	};
	mgw_client *c = NULL;
	cr_assert_eq(mgw_client_connect(&o, &c, err, sizeof err), MGW_OK, "%s", err);
	/* proto/README.md section 3: Error{UNEXPECTED_FRAME}, then close 1008. */
	Marac__V1__Frame *f;
	cr_assert_eq(mgw_client_recv(c, 12000, &f), MGW_OK, "an Error before the close");
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_ERROR);
	cr_assert_eq(f->error->code, MARAC__V1__ERROR_CODE__ERROR_CODE_UNEXPECTED_FRAME);
	codec_free(&f->base);
	cr_assert_eq(mgw_client_recv(c, 5000, &f), MGW_E_CLOSED);
	cr_assert_eq(mgw_client_close_status(c), 1008);
	mgw_client_free(c);
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, "no_hello",
				 1), 1);
	police_still_served();
}

Test(abuse, gateway_frames_from_a_node_are_refused)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *c = node(&G, "health", err, sizeof err);
	cr_assert_not_null(c, "%s", err);
	/* A node pretending to be the gateway, delivering "from police". */
	Marac__V1__Deliver d = MARAC__V1__DELIVER__INIT;
	d.delivery_id = "0123456789abcdef0123456789abcdef";
	d.from_node = "police-testshire";
	d.from_agency = MARAC__V1__AGENCY__AGENCY_POLICE;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_DELIVER;
	fr.deliver = &d;
	cr_assert_eq(mgw_client_send(c, &fr), MGW_OK);
	Marac__V1__Frame *f;
	cr_assert_eq(mgw_client_recv(c, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_ERROR);
	cr_assert_eq(f->error->code, MARAC__V1__ERROR_CODE__ERROR_CODE_UNEXPECTED_FRAME);
	codec_free(&f->base);
	/* Acking somebody else's delivery id. */
	cr_assert_eq(mgw_client_ack(c, "ffffffffffffffffffffffffffffffff", 1), MGW_OK);
	cr_assert_eq(mgw_client_recv(c, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_ERROR);
	cr_assert_eq(f->error->code, MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_DELIVERY);
	codec_free(&f->base);
	mgw_client_free(c);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				"unexpected_frame", 1), 1);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				"unknown_delivery", 1), 1);
	police_still_served();
}

Test(abuse, idle_tcp_connections_never_lock_nodes_out)
{
	gw_start(&G, "limits:\n  max_connections: 4\n");
	enum { IDLE = 400 };
	int fds[IDLE];
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)G.port)};
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	for (int i = 0; i < IDLE; i++) {
		fds[i] = socket(AF_INET, SOCK_STREAM, 0);
		cr_assert_eq(connect(fds[i], (struct sockaddr *)&a, sizeof a), 0);
	}
	usleep(300000);
	/* No certificate needed for the sockets above; a node must still get in. */
	police_still_served();
	char err[512];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "a registered node was locked out: %s", err);
	mgw_client_free(h);
	for (int i = 0; i < IDLE; i++)
		close(fds[i]);
}

/* Sum of the counts of CONNECTION_REFUSED records with reason, and how many records. */
static uint64_t refused_count(const char *reason, int *records)
{
	char dir[600], err[256];
	snprintf(dir, sizeof dir, "%s/state", G.dir);
	store *s;
	*records = 0;
	if (store_open(dir, 1, &s, err, sizeof err) != MGW_OK)
		return 0;
	uint64_t sum = 0;
	for (uint64_t i = 0; i < store_audit_size(s); i++) {
		uint8_t *b;
		size_t len;
		ProtobufCMessage *m;
		if (store_audit_get(s, i, &b, &len) != MGW_OK)
			continue;
		if (codec_unpack(&marac__v1__audit_record__descriptor, b, len, len, &m) == MGW_OK) {
			Marac__V1__AuditRecord *r = (Marac__V1__AuditRecord *)m;
			if (r->event == MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED &&
			    strcmp(r->reason, reason) == 0) {
				(*records)++;
				sum += r->count ? r->count : 1;
			}
			codec_free(m);
		}
		free(b);
	}
	store_close(s);
	return sum;
}

Test(abuse, anonymous_handshakes_are_audited_as_counts_not_one_record_each)
{
	gw_start(&G, NULL);
	enum { N = 40 };
	for (int i = 0; i < N; i++) {
		int fd = -1;
		SSL *s = raw_tls(&G, "", &fd);
		if (s) /* TLS 1.3: the refusal may come after the client's Finished */
			raw_upgrade(s, "/v1", "marac.v1");
		raw_close(s, fd);
	}
	cr_assert_eq(gw_stop(&G), 0);
	int records = 0;
	uint64_t n = refused_count("cert_missing", &records);
	cr_assert_eq(n, N, "every refusal counted (%llu)", (unsigned long long)n);
	cr_assert_leq(records, 2, "%d records for %d anonymous handshakes", records, N);
}

/*
 * n ActionListRequests sent at once by health, then every answer read: none
 * refused. Returns the seconds from the first send to the last answer.
 */
static double pipelined_list_reads(int n, int also_police)
{
	char err[512];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	Marac__V1__ActionListRequest q = MARAC__V1__ACTION_LIST_REQUEST__INIT;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_ACTION_LIST_REQUEST;
	req.action_list_request = &q;
	double t0 = mono_s();
	for (int i = 0; i < n; i++)
		cr_assert_eq(mgw_client_send(h, &req), MGW_OK);
	if (also_police)
		police_still_served();
	for (int lists = 0; lists < n;) {
		Marac__V1__Frame *f = NULL;
		int rc = mgw_client_recv(h, 20000, &f);
		cr_assert_eq(rc, MGW_OK, "answer %d of %d: rc %d", lists + 1, n, rc);
		cr_assert_neq(f->body_case, MARAC__V1__FRAME__BODY_ERROR, "refused: %s",
			      f->error->message);
		lists += f->body_case == MARAC__V1__FRAME__BODY_ACTION_LIST;
		codec_free(&f->base);
	}
	double took = mono_s() - t0;
	mgw_client_free(h);
	return took;
}

/*
 * Every list read is audited, so a node pipelining reads would write the
 * append-only trail at its own pace (20,000 records a second measured
 * before the request bucket). Health sends 400 ActionListRequests at once:
 * every one is answered and audited, none refused, but past the burst
 * (limits.requests_burst, default 200) at requests_per_second (50) only: the
 * last answers come seconds later, and police is served meanwhile.
 */
Test(abuse, pipelined_list_reads_are_slowed_to_the_request_rate_not_refused)
{
	gw_start(&G, NULL);
	enum { N = 400 };
	double took = pipelined_list_reads(N, 1);
	/* (400 - 200) / 50 = 4 s at the rate; well under a second without it */
	cr_assert_geq(took, 2.5, "%d list reads answered in %.2f s: not rate-limited", N, took);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FOLLOWUP_LISTED, "actions",
				N), N, "every read is audited");
}

/*
 * The bucket is the operator's to size (limits.requests_burst,
 * requests_per_second): with 20 at once and 10 a second, 60 list reads take
 * (60 - 20) / 10 = 4 s, where the defaults (200 at once) answer them at once.
 */
Test(abuse, the_request_rate_is_the_configured_one)
{
	gw_start(&G, "limits:\n  requests_burst: 20\n  requests_per_second: 10\n");
	enum { N = 60 };
	double took = pipelined_list_reads(N, 0);
	cr_assert_geq(took, 2.5, "%d list reads answered in %.2f s: the configured rate unused", N,
		      took);
}

/*
 * Refusals are audited too, whatever the frame: 400 Shares with no
 * recipient, pipelined, are each refused INVALID_SHARE and audited, at the
 * request rate (78,185 records in 3 s from one connection before).
 */
Test(abuse, pipelined_refused_shares_are_slowed_to_the_request_rate)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	enum { N = 400 };
	Marac__V1__Share sh = MARAC__V1__SHARE__INIT;
	sh.msg_id = "no-recipient";
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_SHARE;
	req.share = &sh;
	double t0 = mono_s();
	for (int i = 0; i < N; i++)
		cr_assert_eq(mgw_client_send(h, &req), MGW_OK);
	for (int refused = 0; refused < N;) {
		Marac__V1__Frame *f = NULL;
		int rc = mgw_client_recv(h, 20000, &f);
		cr_assert_eq(rc, MGW_OK, "answer %d of %d: rc %d", refused + 1, N, rc);
		refused += f->body_case == MARAC__V1__FRAME__BODY_ERROR &&
			   f->error->code == MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE;
		codec_free(&f->base);
	}
	double took = mono_s() - t0;
	cr_assert_geq(took, 2.5, "%d refusals in %.2f s: not rate-limited", N, took);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				"invalid_share", N), N, "every refusal is audited");
	mgw_client_free(h);
	police_still_served();
}

/*
 * Refusals made on the writer count too: 400 DeliverAcks naming no delivery
 * of the node are each refused UNKNOWN_DELIVERY and audited, at the request
 * rate (47,098 records in 3 s from one connection before). The charge
 * comes with the answer, after the ack was read: a small job cap (16) keeps
 * few acks read ahead of their refusals.
 */
Test(abuse, pipelined_bogus_acks_are_slowed_to_the_request_rate)
{
	gw_start(&G, "limits:\n  max_in_flight: 4\n  delivery_window: 4\n");
	char err[512];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	enum { N = 400 };
	double t0 = mono_s();
	for (int i = 0; i < N; i++)
		cr_assert_eq(mgw_client_ack(h, "0123456789abcdef0123456789abcdef", 7), MGW_OK);
	for (int refused = 0; refused < N;) {
		Marac__V1__Frame *f = NULL;
		int rc = mgw_client_recv(h, 20000, &f);
		cr_assert_eq(rc, MGW_OK, "answer %d of %d: rc %d", refused + 1, N, rc);
		refused += f->body_case == MARAC__V1__FRAME__BODY_ERROR &&
			   f->error->code == MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_DELIVERY;
		codec_free(&f->base);
	}
	double took = mono_s() - t0;
	cr_assert_geq(took, 2.5, "%d refusals in %.2f s: not rate-limited", N, took);
	mgw_client_free(h);
	police_still_served();
}

/*
 * An AuditQuery page is heavy writer work (up to 20,000 records scanned):
 * at the plain request rate one auditor kept the writer busy and shares
 * waited 8-12 s. A page costs MGW_REQ_AUDIT_QUERY_COST (10) tokens: 60
 * pipelined pages are all answered, 20 at once, the rest 5 a second.
 */
Test(abuse, pipelined_audit_queries_are_paced_to_spare_the_writer)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *a = node(&G, "auditor", err, sizeof err);
	cr_assert_not_null(a, "%s", err);
	enum { N = 60 };
	Marac__V1__AuditQuery q = MARAC__V1__AUDIT_QUERY__INIT;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_AUDIT_QUERY;
	req.audit_query = &q;
	double t0 = mono_s();
	for (int i = 0; i < N; i++)
		cr_assert_eq(mgw_client_send(a, &req), MGW_OK);
	for (int pages = 0; pages < N;) {
		Marac__V1__Frame *f = NULL;
		int rc = mgw_client_recv(a, 20000, &f);
		cr_assert_eq(rc, MGW_OK, "page %d of %d: rc %d", pages + 1, N, rc);
		cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_AUDIT_RECORDS, "body %d",
			     f->body_case);
		pages++;
		codec_free(&f->base);
	}
	double took = mono_s() - t0;
	/* (60 - 20) / 5 = 8 s at the pace; under a second without it */
	cr_assert_geq(took, 4.0, "%d audit pages answered in %.2f s: not paced", N, took);
	mgw_client_free(a);
	police_still_served();
}

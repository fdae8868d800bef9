/*
 * Abuse, fourth round: the daemon as a whole and the known leftovers (an
 * auditor's load on the writer, queues for nodes that cannot connect,
 * what a node can make the gateway hold). Each test fails on the gateway
 * as it was before the fix named in its comment.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <openssl/ssl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sqlite3.h>
#include <sys/wait.h>

#include "codec.h"
#include "harness.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(abuse4, .fini = teardown, .timeout = 240);

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
		audit_pages(a, PAGES, 30000);
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
 * record per minute. With a bucket of 10 at 1 a second, 60 connections
 * in a row that close after the upgrade: at most 10 + 10 + 1 a second get
 * through (all 60 before). (A client that waits for its Welcome is held
 * back instead: its Hello is read only once the bucket refills.) Another
 * node is served throughout.
 */
Test(abuse4, a_reconnect_storm_is_held_to_the_request_rate)
{
	gw_start(&G, "limits:\n  requests_burst: 10\n  requests_per_second: 1\n");
	char err[512];
	double t0 = mono_s();
	int ok = 0, refused = 0;
	for (int i = 0; i < 60; i++) {
		/* TLS and the upgrade, then gone: no Hello to wait for */
		int fd;
		SSL *s = raw_tls(&G, "health", &fd);
		cr_assert_not_null(s);
		int st = raw_upgrade(s, "/v1", "marac.v1");
		raw_close(s, fd);
		cr_assert(st == 101 || st == 503, "upgrade answered %d", st);
		ok += st == 101;
		refused += st == 503;
	}
	double took = mono_s() - t0;
	cr_assert_leq(ok, 10 + 10 + (int)took + 2, "%d connections of one node in %.1f s", ok, took);
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

/* A free loopback TCP port (bound once, then released). */
static int free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t al = sizeof a;
	cr_assert_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	cr_assert_eq(getsockname(fd, (struct sockaddr *)&a, &al), 0);
	close(fd);
	return ntohs(a.sin_port);
}

/* GET /metrics from the gateway's metrics listener on port; malloc'd body. */
static char *metrics(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	cr_assert_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0, "metrics listener");
	const char *req = "GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
	cr_assert_eq(write(fd, req, strlen(req)), (ssize_t)strlen(req));
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	cr_assert_not_null(buf);
	ssize_t r;
	while ((r = read(fd, buf + n, cap - 1 - n)) > 0) {
		n += (size_t)r;
		if (n + 1 >= cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			cr_assert_not_null(buf);
		}
	}
	buf[n] = '\0';
	close(fd);
	return buf;
}

/*
 * Leftover (b). A share was queued for every registered node of a recipient
 * agency, also one whose registered certificate had expired or was revoked
 * (a referral skipped them): such a node can never connect (a revoked one
 * must not), so its outbox grew by every share sent to its agency and
 * nothing could drain it. housing-revoked and housing-expired got a
 * delivery of each share to housing. Now they are skipped as for a
 * referral, and the metrics name them.
 */
Test(abuse4, shares_are_not_queued_for_nodes_that_cannot_connect)
{
	int mport = free_port();
	char yaml[64];
	snprintf(yaml, sizeof yaml, "metrics:\n  port: %d\n", mport);
	gw_start(&G, yaml);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0404", "testshire");
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HOUSING};
	for (int i = 0; i < 3; i++) {
		char id[24];
		snprintf(id, sizeof id, "to-housing-%d", i);
		Marac__V1__Share sh;
		make_share(&sh, id, to, 1, cs);
		Marac__V1__Frame *acc = NULL;
		cr_assert_eq(mgw_client_share(p, &sh, 10000, &acc), MGW_OK);
		const Marac__V1__ShareAccepted *sa = acc->share_accepted;
		cr_assert_eq(sa->n_deliveries, 1, "share %d: %zu deliveries (%s, %s, ...)", i,
			     sa->n_deliveries, sa->deliveries[0]->node_id,
			     sa->n_deliveries > 1 ? sa->deliveries[1]->node_id : "");
		cr_assert_str_eq(sa->deliveries[0]->node_id, "housing-testshire");
		codec_free(&acc->base);
	}
	codec_free(&cs->base);
	mgw_client_free(p);
	char *m = metrics(mport);
	cr_assert(strstr(m, "marac_outbox_depth{node=\"housing-testshire\"} 3"), "%s", m);
	cr_assert(strstr(m, "marac_outbox_depth{node=\"housing-revoked\"} 0"), "%s", m);
	cr_assert(strstr(m, "marac_outbox_depth{node=\"housing-expired\"} 0"), "%s", m);
	cr_assert(strstr(m, "marac_node_cert_invalid{node=\"housing-revoked\",reason=\"revoked\"} 1"),
		  "%s", m);
	cr_assert(strstr(m, "marac_node_cert_invalid{node=\"housing-expired\",reason=\"expired\"} 1"),
		  "%s", m);
	cr_assert_null(strstr(m, "marac_node_cert_invalid{node=\"housing-testshire\""));
	free(m);
}

/* ---- WebSocket edge cases, raw ---- */

/* One frame with FIN as given (raw_ws_send always sets it), masked. */
static int ws_frame(SSL *s, int fin, int opcode, const void *p, size_t n)
{
	unsigned char h[14];
	size_t hn = 0;
	h[hn++] = (unsigned char)((fin ? 0x80 : 0) | opcode);
	if (n < 126) {
		h[hn++] = (unsigned char)(0x80 | n);
	} else {
		h[hn++] = 0x80 | 126;
		h[hn++] = (unsigned char)(n >> 8);
		h[hn++] = (unsigned char)n;
	}
	unsigned char key[4] = {0x9a, 0x1b, 0x2c, 0x3d};
	memcpy(h + hn, key, 4);
	hn += 4;
	unsigned char *buf = malloc(hn + n + 1);
	memcpy(buf, h, hn);
	for (size_t i = 0; i < n; i++)
		buf[hn + i] = ((const unsigned char *)p)[i] ^ key[i % 4];
	int w = SSL_write(s, buf, (int)(hn + n));
	free(buf);
	return w == (int)(hn + n) ? 0 : -1;
}

static size_t hello_bytes(uint8_t *buf)
{
	Marac__V1__Hello h = MARAC__V1__HELLO__INIT;
	h.protocol_version = 1;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_HELLO;
	f.hello = &h;
	return protobuf_c_message_pack(&f.base, buf);
}

/* Frames read until close or timeout: opcodes seen, into ops (string of letters). */
static void read_all(SSL *s, int fd, char *ops, size_t n, int *close_code)
{
	unsigned char buf[1 << 16];
	size_t len, k = 0;
	*close_code = -1;
	int op;
	while (k + 1 < n && (op = raw_ws_recv(s, fd, buf, sizeof buf, &len, 3000)) >= 0) {
		ops[k++] = op == 2 ? 'B' : op == 8 ? 'C' : op == 9 ? 'I' : op == 10 ? 'O' : '?';
		if (op == 8) {
			*close_code = len >= 2 ? (buf[0] << 8 | buf[1]) : 0;
			break;
		}
	}
	ops[k] = 0;
}

/* The HTTP answer to an upgrade request (headers only). */
static void upgrade_answer(SSL *s, const char *extra, char *resp, size_t cap)
{
	char req[1024];
	int n = snprintf(req, sizeof req,
			 "GET /v1 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
			 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
			 "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: marac.v1\r\n%s\r\n",
			 extra);
	cr_assert_eq(SSL_write(s, req, n), n);
	size_t got = 0;
	while (got < cap - 1 && SSL_read(s, resp + got, 1) == 1) {
		got++;
		if (got >= 4 && memcmp(resp + got - 4, "\r\n\r\n", 4) == 0)
			break;
	}
	resp[got] = 0;
}

/*
 * WebSocket edge cases a buggy or hostile client sends (not a finding: the
 * gateway handled each when tried; kept so that it stays so). A message in
 * fragments with a ping between them is one message (pong, then Welcome);
 * data frames that break RFC 6455 framing (a second start inside a
 * message, a continuation of nothing, a text fragment inside a binary
 * message, a reserved opcode, RSV1 without an extension, a fragmented
 * control frame) close the connection 1002; an empty message is
 * MALFORMED_FRAME, close 1007; permessage-deflate offered is not taken (a
 * compressed frame would bypass max_frame_bytes as read off the wire). The
 * gateway serves another node after all of it.
 */
Test(abuse4, websocket_framing_violations_close_the_connection_and_nothing_else)
{
	gw_start(&G, NULL);
	uint8_t hb[64];
	size_t hn = hello_bytes(hb);
	char ops[64];
	int cc, fd;
	SSL *s = raw_tls(&G, "health", &fd);
	cr_assert_not_null(s);
	cr_assert_eq(raw_upgrade(s, "/v1", "marac.v1"), 101);
	cr_assert_eq(ws_frame(s, 0, 2, hb, 2), 0);
	cr_assert_eq(ws_frame(s, 1, 9, "pp", 2), 0);
	cr_assert_eq(ws_frame(s, 1, 0, hb + 2, hn - 2), 0);
	read_all(s, fd, ops, sizeof ops, &cc);
	cr_assert_str_eq(ops, "OB", "a fragmented Hello with a ping inside: pong, Welcome (%s)", ops);
	raw_close(s, fd);

	static const struct {
		const char *what;
		int fin1, op1, fin2, op2; /* op2 < 0: one frame only */
	} bad[] = {
		{"a second start inside a message", 0, 2, 0, 2},
		{"a continuation of nothing", 1, 0, 0, -1},
		{"a text fragment inside a binary message", 0, 2, 1, 1},
		{"reserved opcode 3", 1, 3, 0, -1},
		{"RSV1 with no extension", 1, 0x40 | 2, 0, -1},
		{"a fragmented ping", 0, 9, 0, -1},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		s = raw_welcomed(&G, "health", &fd);
		cr_assert_eq(ws_frame(s, bad[i].fin1, bad[i].op1, hb, 2), 0);
		if (bad[i].op2 >= 0)
			cr_assert_eq(ws_frame(s, bad[i].fin2, bad[i].op2, hb, 2), 0);
		read_all(s, fd, ops, sizeof ops, &cc);
		cr_assert_eq(cc, 1002, "%s: frames %s, close %d", bad[i].what, ops, cc);
		raw_close(s, fd);
	}
	s = raw_welcomed(&G, "health", &fd);
	cr_assert_eq(ws_frame(s, 1, 2, hb, 0), 0);
	read_all(s, fd, ops, sizeof ops, &cc);
	cr_assert_eq(cc, 1007, "an empty message: frames %s, close %d", ops, cc);
	raw_close(s, fd);

	s = raw_tls(&G, "health", &fd);
	char resp[2048];
	upgrade_answer(s, "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n",
		       resp, sizeof resp);
	cr_assert(strncmp(resp, "HTTP/1.1 101", 12) == 0, "%s", resp);
	cr_assert_null(strcasestr(resp, "Sec-WebSocket-Extensions"), "%s", resp);
	raw_close(s, fd);

	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	mgw_client_free(p);
}

/*
 * Slow readers. The deliveries queued in memory for a node's socket were
 * bounded by the delivery window's count only: 64 frames of up to
 * max_frame_bytes each. Nodes that stop reading their sockets (TCP window
 * zero) while their windows are open had 64 views of 0.9 MiB each held
 * for each of them (six such nodes: the daemon grew by 287 MiB; now by
 * 128). Now at most MGW_DLV_QUEUE_BYTES (4 MiB) wait per socket; the
 * rest stay in the outbox (and the global outbox cache), and every
 * delivery still arrives, in order, once the nodes read.
 */
Test(abuse4, nodes_that_stop_reading_do_not_hold_their_deliveries_in_memory)
{
	gw_start(&G, NULL);
	char err[512];
	static const char *slow_names[] = {"health", "idva", "csc", "asc", "probation", "education"};
	/* 64 shares fill each node's delivery window; under a sanitizer 24
	 * (21.6 MiB a node, five times the 4 MiB a socket may hold) still try
	 * the cap, where 64 took 200 s of the suite's 240 under TSan. */
	enum { NSLOW = 6 };
	const int N = SANITIZED ? 24 : 64;
	mgw_client *slow[NSLOW];
	for (int i = 0; i < NSLOW; i++) {
		slow[i] = node(&G, slow_names[i], err, sizeof err);
		cr_assert_not_null(slow[i], "%s", err);
	}
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0505", "testshire");
	enum { NARR = 900 * 1024 };
	char *narr = codec_malloc(NARR + 1);
	cr_assert_not_null(narr);
	static const char words[] = "The meeting noted the plan and agreed the review date. ";
	for (size_t i = 0; i < NARR; i++)
		narr[i] = words[i % (sizeof words - 1)];
	narr[NARR] = '\0';
	codec_mfree(cs->narrative);
	cs->narrative = narr;
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH, MARAC__V1__AGENCY__AGENCY_IDVA,
				  MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE,
				  MARAC__V1__AGENCY__AGENCY_ADULT_SOCIAL_CARE,
				  MARAC__V1__AGENCY__AGENCY_PROBATION, MARAC__V1__AGENCY__AGENCY_EDUCATION};
	long before = daemon_rss_kb(&G);
	double t0 = mono_s();
	for (int i = 0; i < N; i++) {
		char id[24];
		snprintf(id, sizeof id, "big-%d", i);
		Marac__V1__Share sh;
		make_share(&sh, id, to, NSLOW, cs);
		Marac__V1__Frame *acc = NULL;
		cr_assert_eq(mgw_client_share(p, &sh, 30000, &acc), MGW_OK, "share %d: %s", i,
			     mgw_client_last_error(p) ? mgw_client_last_error(p)->message : "");
		codec_free(&acc->base);
	}
	sleep(2); /* the last commits reach the sessions */
	long after = daemon_rss_kb(&G);
	fprintf(stderr, "slow readers: %d x %d views of 0.9 MiB in %.1f s: daemon +%ld MiB\n",
		NSLOW, N, mono_s() - t0, (after - before) / 1024);
	codec_free(&cs->base);
	mgw_client_free(p);
	/* every delivery arrives once they read */
	for (int i = 0; i < NSLOW; i++) {
		int got = 0, reconnects = 0;
		Marac__V1__Frame *f;
		while (got < N) {
			if (mgw_client_recv(slow[i], 20000, &f) != MGW_OK) {
				/* Under a sanitizer the shares take long enough (90 s and
				 * more) that the gateway hangs up on a node that answered no
				 * ping meanwhile: connecting again, it gets the rest. */
				if (reconnects++ == 3)
					break;
				mgw_client_free(slow[i]);
				slow[i] = node(&G, slow_names[i], err, sizeof err);
				cr_assert_not_null(slow[i], "%s", err);
				continue;
			}
			if (f->body_case == MARAC__V1__FRAME__BODY_DELIVER) {
				/* an ack lost with the hang-up: that one comes again */
				int again = reconnects > 0 && f->deliver->seq <= (uint64_t)got;
				cr_assert(again || f->deliver->seq == (uint64_t)got + 1,
					  "seq %llu after %d", (unsigned long long)f->deliver->seq, got);
				cr_assert_eq(mgw_client_ack(slow[i], f->deliver->delivery_id,
							    f->deliver->seq), MGW_OK);
				got += !again;
			}
			codec_free(&f->base);
		}
		cr_assert_eq(got, N, "%s: %d of %d deliveries", slow_names[i], got, N);
		mgw_client_free(slow[i]);
	}
	/* 287 MiB before (what the sockets did not take); now 6 x 4 MiB and the cache's 64 */
	if (!SANITIZED)
		cr_assert_lt((after - before) / 1024, 200,
			     "the daemon grew by %ld MiB for %d nodes that did not read",
			     (after - before) / 1024, NSLOW);
}

/* ---- start-up on a damaged state directory ---- */

/* Start the daemon on G's config in the foreground for up to 6 s; its exit
 * status (124: still running, stopped by timeout) and output into out. */
static int start_again(char *out, size_t outlen)
{
	char cmd[1400], p[700];
	snprintf(cmd, sizeof cmd, "timeout 6 '%s' --config '%s' > %s/start.out 2>&1",
		 MARAC_GATEWAY_BIN, G.config, G.dir);
	int rc = system(cmd);
	snprintf(p, sizeof p, "%s/start.out", G.dir);
	char *t = slurp(p);
	snprintf(out, outlen, "%s", t ? t : "");
	free(t);
	return WEXITSTATUS(rc);
}

static void damage(const char *what)
{
	char cmd[2000];
	snprintf(cmd, sizeof cmd, "cd '%s/state' && %s", G.dir, what);
	cr_assert_eq(system(cmd), 0, "%s", what);
}

/*
 * A store deleted or emptied with the checkpoint file beside it (a wrong
 * restore, a cleanup script, a disk swapped under the state directory) was
 * a silent empty start: the gateway created a new gateway.db, signed a new
 * trail with the old key and ran, and every share accepted and not yet
 * delivered was gone without a word. (With audit.checkpoint kept the start
 * was refused, and garbage or a truncated file is named: tried, below.)
 * Now a missing or empty store beside the audit key refuses the start,
 * naming both, and creates nothing, so a restart loop does not take the
 * new file for the store; only moving the key away starts a new store.
 */
Test(abuse4, a_lost_store_beside_its_audit_key_refuses_the_start)
{
	static const struct {
		const char *damage;
		const char *says;
		int wal_first; /* the WAL copied into the file first, so the file's bytes count */
	} cases[] = {
		{"rm -f gateway.db gateway.db-wal gateway.db-shm audit.checkpoint",
		 "gateway.db is missing or empty, but audit.key exists", 0},
		{": > gateway.db; rm -f gateway.db-wal gateway.db-shm audit.checkpoint",
		 "gateway.db is missing or empty, but audit.key exists", 0},
		{"rm -f gateway.db gateway.db-wal gateway.db-shm",
		 "gateway.db is missing or empty, but audit.key exists", 0},
		{"head -c 65536 /dev/urandom > gateway.db", "gateway.db: file is not a database", 1},
		{"truncate -s 40000 gateway.db", "gateway.db: database disk image is malformed", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		gw_start(&G, NULL);
		char out[8192], fx[600], db[700];
		snprintf(fx, sizeof fx, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
		const char *args[] = {"send", "--to", "health", fx, NULL};
		cr_assert_eq(cli_run(&G, "police", out, sizeof out, args), 0, "%s", out);
		cr_assert_eq(gw_stop(&G), 0);
		snprintf(db, sizeof db, "%s/state/gateway.db", G.dir);
		if (cases[i].wal_first) {
			sqlite3 *h;
			cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
			sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
			sqlite3_close(h);
		}
		damage(cases[i].damage);
		for (int attempt = 0; attempt < 2; attempt++) { /* as systemd would restart it */
			int rc = start_again(out, sizeof out);
			cr_assert_eq(rc, 3, "%s: attempt %d: exit %d\n%s", cases[i].damage,
				     attempt + 1, rc, out);
			cr_assert(strstr(out, cases[i].says), "%s: %s", cases[i].damage, out);
		}
		gw_teardown(&G);
	}
}

/*
 * audit.checkpoint deleted alone (the store kept, with its own signed
 * checkpoints) started silently: the file was written again from the store
 * and nothing said so, though deleting it is what hides a store rolled back
 * from an old backup. It still starts (refusing would loop after a crash
 * between the first checkpoint's commit and the file's first write), but the
 * log warns and that start's GATEWAY_START record carries the reason; the
 * next start, with the file back, is an ordinary one.
 */
Test(abuse4, a_deleted_checkpoint_file_is_said_on_the_trail_and_in_the_log)
{
	gw_start(&G, NULL);
	char out[8192], fx[600];
	snprintf(fx, sizeof fx, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	const char *args[] = {"send", "--to", "health", fx, NULL};
	cr_assert_eq(cli_run(&G, "police", out, sizeof out, args), 0, "%s", out);
	cr_assert_eq(gw_stop(&G), 0);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START,
				 "checkpoint_file_missing"), 0, "an ordinary first start");
	damage("rm -f audit.checkpoint");
	gw_restart(&G);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START,
				"checkpoint_file_missing", 1), 1, "the start says the file was missing");
	char *log = slurp(G.log);
	cr_assert(log && strstr(log, "audit_checkpoint_file_missing"), "and the log warns");
	free(log);
	char p[700];
	snprintf(p, sizeof p, "%s/state/audit.checkpoint", G.dir);
	cr_assert_eq(access(p, F_OK), 0, "the file is written again from the store's");
	cr_assert_eq(gw_stop(&G), 0);
	gw_restart(&G);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START, NULL, 3), 3);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START,
				 "checkpoint_file_missing"), 1, "the next start is an ordinary one");
	gw_teardown(&G);
}

/* ---- TLS: a client certificate chained through an intermediate ---- */

#include <openssl/err.h>

/* An agency sub-CA signed by the test CA, and a leaf it issued with subject
 * subj, in G.dir (int.crt, sub.crt, sub.key, sub-chain.crt); the leaf's
 * SHA-256 fingerprint into fp. */
static void make_sub_ca_leaf(const char *subj, char fp[65])
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd,
		 "set -e; cd '%s'; P='%s'\n"
		 "k() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out $1.key "
		 "2>/dev/null; }\n"
		 "k int; openssl req -new -key int.key -subj '/O=MARAC Dev/CN=agency sub-CA' -out int.csr\n"
		 "printf 'basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\n' > int.ext\n"
		 "openssl x509 -req -in int.csr -CA \"$P/ca.crt\" -CAkey \"$P/ca.key\" -CAserial int.srl "
		 "-CAcreateserial -days 30 -extfile int.ext -out int.crt 2>/dev/null\n"
		 "k sub; openssl req -new -key sub.key -subj '%s' -out sub.csr\n"
		 "printf 'basicConstraints=CA:FALSE\\nextendedKeyUsage=clientAuth\\n' > sub.ext\n"
		 "openssl x509 -req -in sub.csr -CA int.crt -CAkey int.key -CAserial sub.srl "
		 "-CAcreateserial -days 30 -extfile sub.ext -out sub.crt 2>/dev/null\n"
		 "cat sub.crt int.crt > sub-chain.crt\n"
		 "openssl x509 -in sub.crt -outform DER | sha256sum | cut -c1-64 > sub.fp\n",
		 G.dir, pki(), subj);
	cr_assert_eq(system(cmd), 0, "openssl");
	char p[700];
	snprintf(p, sizeof p, "%s/sub.fp", G.dir);
	char *t = slurp(p);
	cr_assert_not_null(t);
	snprintf(fp, 65, "%.64s", t);
	free(t);
}

/*
 * A client certificate chained through an intermediate the client sends.
 * The verify depth allowed four: a sub-CA the MARAC CA once signed (an
 * agency's own CA, say) could issue certificates the gateway accepted,
 * with any subject (a node registered by subject: is whoever has that
 * subject). Without tls.crl such a chain was accepted (HTTP 101, the node
 * authenticated); with one it failed only because the sub-CA had no CRL
 * there (crl_unusable). Now every issuer must come from tls.ca itself,
 * and the refusal says so (cert_intermediate).
 */
Test(abuse4, a_client_certificate_issued_by_an_intermediate_is_refused)
{
	gw_start(&G, NULL);
	char fp[65];
	make_sub_ca_leaf("/O=MARAC Dev/OU=health/CN=sub.testshire", fp);
	/* registered by its own fingerprint, and no CRL: only the chain is at issue */
	cr_assert_eq(gw_stop(&G), 0);
	char cmd[3000];
	cr_assert_lt(snprintf(cmd, sizeof cmd,
			      "cd '%s' && grep -v '^  crl:' '%s' > c2 && mv c2 '%s' && printf "
			      "'  - id: sub-testshire\\n    agency: health\\n    fingerprint: "
			      "\"%s\"\\n    roles: [node]\\n    areas: [testshire]\\n' >> '%s'",
			      G.dir, G.config, G.config, fp, G.config),
		     (int)sizeof cmd);
	cr_assert_eq(system(cmd), 0);
	gw_restart(&G);
	char chain[700], key[700];
	snprintf(chain, sizeof chain, "%s/sub-chain.crt", G.dir);
	snprintf(key, sizeof key, "%s/sub.key", G.dir);
	int fd;
	SSL *s = raw_tls_files(&G, chain, key, &fd);
	/* TLS 1.3: the client finishes first; the server's alert ends the upgrade */
	int st = s ? raw_upgrade(s, "/v1", "marac.v1") : -2;
	if (s)
		raw_close(s, fd);
	cr_assert_neq(st, 101, "a certificate issued by a sub-CA the client sent was accepted");
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				 "cert_intermediate", 1),
		      1, "audited cert_intermediate");
	/* a certificate the CA issued itself still connects */
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	mgw_client_free(p);
}

/* ---- strings with a NUL inside ---- */

/*
 * protobuf strings may hold a NUL byte (it is valid UTF-8) and protobuf-c
 * keeps it, but every C reader stops there: a narrative "Seen at home.\0
 * <the rest>" was accepted and delivered as "Seen at home.", the rest
 * dropped without a word (and a victim's name "Alexa\0 Testperson" would
 * be "Alexa" to the scrubber's list of names to remove). Now a string
 * holding a NUL is refused like invalid UTF-8: MALFORMED_FRAME, close
 * 1007, audited invalid_utf8; nothing is shared.
 */
Test(abuse4, a_string_with_a_nul_inside_is_refused_not_cut_short)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0606", "testshire");
	codec_mfree(cs->narrative);
	cs->narrative = codec_strdup("Seen at home on Monday.|The rest of the narrative.");
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__Share sh;
	make_share(&sh, "nul-1", to, 1, cs);
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_SHARE;
	f.share = &sh;
	size_t n = protobuf_c_message_get_packed_size(&f.base);
	uint8_t *buf = malloc(n);
	cr_assert_not_null(buf);
	protobuf_c_message_pack(&f.base, buf);
	uint8_t *bar = memchr(buf, '|', n);
	cr_assert_not_null(bar);
	*bar = 0;
	cr_assert_eq(mgw_client_send_raw(p, buf, n, 1), MGW_OK);
	free(buf);
	codec_free(&cs->base);
	Marac__V1__Frame *a = NULL;
	int rc = mgw_client_recv(p, 10000, &a);
	cr_assert_eq(rc, MGW_OK);
	cr_assert_eq(a->body_case, MARAC__V1__FRAME__BODY_ERROR, "accepted (body %d)", a->body_case);
	cr_assert_eq(a->error->code, MARAC__V1__ERROR_CODE__ERROR_CODE_MALFORMED_FRAME);
	codec_free(&a->base);
	cr_assert_eq(mgw_client_recv(p, 10000, &a), MGW_E_CLOSED);
	cr_assert_eq(mgw_client_close_status(p), 1007);
	mgw_client_free(p);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				 "invalid_utf8", 1), 1);
	/* nothing reached health */
	cr_assert_eq(mgw_client_recv(h, 1500, &a), MGW_E_TIMEOUT);
	mgw_client_free(h);
}

/*
 * Leftover (a). AuditQuery pages run on the writer, paced by the request
 * bucket (20 at once, then 5 a second), but a page scanned up to 20,000
 * records: a query whose filter matched nothing on a trail of 20,000
 * records took about 95 ms a page, and one auditor's burst of 20 such
 * pages held every node's shares for 1.85 s (3 ms without it). A page now
 * scans at most MGW_AUDIT_QUERY_SCAN_MAX (2,000) records (more: ask again
 * from next_seq): a share behind the same burst waits about 0.08 s.
 */
Test(abuse4, an_auditors_burst_of_filtered_pages_does_not_stall_shares)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH, MARAC__V1__AGENCY__AGENCY_IDVA,
				  MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0707", "testshire");
	enum { N = 5000 };
	double t0 = mono_s();
	static char ids[N][16];
	int sent = 0, got = 0;
	while (got < N) {
		while (sent < N && sent - got < 60) {
			snprintf(ids[sent], 16, "f-%d", sent);
			cr_assert_eq(send_share(p, ids[sent], to, 3, cs), MGW_OK);
			sent++;
		}
		Marac__V1__Frame *f;
		cr_assert_eq(mgw_client_recv(p, 30000, &f), MGW_OK);
		got += f->body_case == MARAC__V1__FRAME__BODY_SHARE_ACCEPTED;
		codec_free(&f->base);
	}
	(void)t0;
	/* share latency alone */
	double worst0 = 0;
	for (int i = 0; i < 10; i++) {
		char id[24];
		snprintf(id, sizeof id, "lat0-%d", i);
		Marac__V1__Share sh;
		make_share(&sh, id, to, 3, cs);
		Marac__V1__Frame *acc = NULL;
		double s0 = mono_s();
		cr_assert_eq(mgw_client_share(p, &sh, 30000, &acc), MGW_OK);
		double l = mono_s() - s0;
		if (l > worst0)
			worst0 = l;
		codec_free(&acc->base);
	}
	mgw_client *a = node(&G, "auditor", err, sizeof err);
	cr_assert_not_null(a, "%s", err);
	Marac__V1__AuditQuery q = MARAC__V1__AUDIT_QUERY__INIT;
	q.case_ref = "TS-2026-9999";
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_AUDIT_QUERY;
	req.audit_query = &q;
	double a0 = mono_s();
	for (int i = 0; i < 20; i++)
		cr_assert_eq(mgw_client_send(a, &req), MGW_OK);

	double worst = 0;
	for (int i = 0; i < 10; i++) {
		char id[24];
		snprintf(id, sizeof id, "lat-%d", i);
		Marac__V1__Share sh;
		make_share(&sh, id, to, 3, cs);
		Marac__V1__Frame *acc = NULL;
		double s0 = mono_s();
		cr_assert_eq(mgw_client_share(p, &sh, 30000, &acc), MGW_OK);
		double l = mono_s() - s0;
		if (l > worst)
			worst = l;
		codec_free(&acc->base);
	}
	int pages = 0;
	Marac__V1__Frame *f;
	while (pages < 20 && mgw_client_recv(a, 30000, &f) == MGW_OK) {
		pages += f->body_case == MARAC__V1__FRAME__BODY_AUDIT_RECORDS;
		codec_free(&f->base);
	}
	cr_assert_eq(pages, 20);
	fprintf(stderr, "20 filtered pages in %.2f s; share latency worst %.3f s alone, %.3f s "
		"during\n", mono_s() - a0, worst0, worst);
	codec_free(&cs->base);
	/* The bound scales with the latency measured alone in the same run (a
	 * loaded machine slows both), never below the fixed one: the stall
	 * was 1.85 s against 3 ms alone. */
	double bound = SANITIZED ? 5.0 : 0.5;
	if (10 * worst0 > bound)
		bound = 10 * worst0;
	cr_assert_lt(worst, bound, "a share waited %.2f s behind an auditor's pages (%.3f s alone)",
		     worst, worst0);
	mgw_client_free(a);
	mgw_client_free(p);
}

/*
 * Crash-safety under load of another kind: kill -9 while a reload is
 * being built and an auditor's pages are being answered, with shares
 * accepted and not yet delivered. Tried several times in a row: the
 * gateway starts again each time (no crash loop), its trail verifies at
 * start, and every accepted share reaches its recipient once. (Not a
 * finding: the gateway held when tried; kept as a regression test.)
 */
Test(abuse4, kill_9_during_a_reload_and_an_audit_query_loses_nothing_accepted)
{
	gw_start(&G, NULL);
	char err[512];
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0808", "testshire");
	enum { ROUNDS = 3, PER = 20 };
	int accepted = 0;
	for (int r = 0; r < ROUNDS; r++) {
		mgw_client *p = node(&G, "police", err, sizeof err);
		cr_assert_not_null(p, "%s", err);
		for (int i = 0; i < PER; i++) {
			char id[24];
			snprintf(id, sizeof id, "k%d-%d", r, i);
			Marac__V1__Share sh;
			make_share(&sh, id, to, 1, cs);
			Marac__V1__Frame *acc = NULL;
			cr_assert_eq(mgw_client_share(p, &sh, 15000, &acc), MGW_OK);
			codec_free(&acc->base);
			accepted++;
		}
		mgw_client_free(p);
		mgw_client *a = node(&G, "auditor", err, sizeof err);
		cr_assert_not_null(a, "%s", err);
		Marac__V1__AuditQuery q = MARAC__V1__AUDIT_QUERY__INIT;
		Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
		req.body_case = MARAC__V1__FRAME__BODY_AUDIT_QUERY;
		req.audit_query = &q;
		for (int i = 0; i < 10; i++)
			cr_assert_eq(mgw_client_send(a, &req), MGW_OK);
		kill(G.pid, SIGHUP);
		usleep(1000 * (r * 7 % 20)); /* a different moment each round */
		gw_kill(&G);
		mgw_client_free(a);
		gw_restart(&G);
	}
	codec_free(&cs->base);
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	int got = 0;
	Marac__V1__Frame *f;
	while (got < accepted && mgw_client_recv(h, 10000, &f) == MGW_OK) {
		if (f->body_case == MARAC__V1__FRAME__BODY_DELIVER) {
			cr_assert_eq(f->deliver->seq, (uint64_t)got + 1, "in order, once");
			cr_assert_eq(mgw_client_ack(h, f->deliver->delivery_id, f->deliver->seq), MGW_OK);
			got++;
		}
		codec_free(&f->base);
	}
	cr_assert_eq(got, accepted, "%d of %d accepted shares delivered", got, accepted);
	mgw_client_free(h);
}

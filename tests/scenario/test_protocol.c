/*
 * The protocol as written (proto/README.md): what an independent client
 * relies on. Each test is a disagreement of issue 10 and failed before its
 * fix.
 */
#include <criterion/criterion.h>
#include <openssl/ssl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "mgw_err.h"
#include "store.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(protocol, .fini = teardown, .timeout = 120);

static void share_to(mgw_client *c, const char *msg_id, Marac__V1__Agency ag)
{
	Marac__V1__Agency to[] = {ag};
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0800", "testshire");
	Marac__V1__Share sh;
	make_share(&sh, msg_id, to, 1, cs);
	Marac__V1__Frame *acc = NULL;
	cr_assert_eq(mgw_client_share(c, &sh, 15000, &acc), MGW_OK, "%s", msg_id);
	codec_free(&acc->base);
	codec_free(&cs->base);
}

Test(protocol, answers_to_pipelined_shares_come_in_the_order_sent)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	enum { N = 40 };
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0801", "testshire");
	char ids[N][16];
	for (int i = 0; i < N; i++) {
		snprintf(ids[i], sizeof ids[i], "pipe-%02d", i);
		Marac__V1__Share sh;
		make_share(&sh, ids[i], to, 1, cs);
		Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
		f.body_case = MARAC__V1__FRAME__BODY_SHARE;
		f.share = &sh;
		cr_assert_eq(mgw_client_send(p, &f), MGW_OK);
	}
	for (int i = 0; i < N; i++) {
		Marac__V1__Frame *f = NULL;
		cr_assert_eq(mgw_client_recv(p, 15000, &f), MGW_OK);
		cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_SHARE_ACCEPTED);
		cr_assert_str_eq(f->share_accepted->msg_id, ids[i], "answer %d", i);
		codec_free(&f->base);
	}
	codec_free(&cs->base);
	mgw_client_free(p);
}

static mgw_client *resume(const char *name, uint64_t after, int *rc)
{
	char crt[64], key[64], err[512];
	snprintf(crt, sizeof crt, "%s.crt", name);
	snprintf(key, sizeof key, "%s.key", name);
	struct mgw_client_opts o = {
		.url = G.url, .cert = pki_file(crt), .key = pki_file(key),
		.ca = pki_file("ca.crt"), .timeout_ms = 10000, .resume_after = after,
	};
	mgw_client *c = NULL;
	*rc = mgw_client_connect(&o, &c, err, sizeof err);
	return c;
}

Test(protocol, resume_after_acks_are_audited_with_case_and_welcome_says_where)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	share_to(p, "res-1", MARAC__V1__AGENCY__AGENCY_HEALTH);
	share_to(p, "res-2", MARAC__V1__AGENCY__AGENCY_HEALTH);
	share_to(p, "res-3", MARAC__V1__AGENCY__AGENCY_HEALTH);
	mgw_client_free(p);
	int rc;
	/* health already holds seq 1 and 2. */
	mgw_client *h = resume("health", 2, &rc);
	cr_assert_eq(rc, MGW_OK);
	cr_assert_eq(mgw_client_welcome(h)->acked_through, 2,
		     "Welcome.acked_through must count the resume acks");
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(mgw_client_recv(h, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
	cr_assert_eq(f->deliver->seq, 3);
	codec_free(&f->base);
	mgw_client_free(h);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED, NULL, 2), 2);
	/* Each receipt names the case and the share. */
	char dir[600], e2[256];
	snprintf(dir, sizeof dir, "%s/state", G.dir);
	store *s;
	cr_assert_eq(store_open(dir, 1, &s, e2, sizeof e2), MGW_OK);
	int named = 0;
	for (uint64_t i = 0; i < store_audit_size(s); i++) {
		uint8_t *b;
		size_t len;
		ProtobufCMessage *m;
		cr_assert_eq(store_audit_get(s, i, &b, &len), MGW_OK);
		cr_assert_eq(codec_unpack(&marac__v1__audit_record__descriptor, b, len, len, &m), MGW_OK);
		Marac__V1__AuditRecord *r = (Marac__V1__AuditRecord *)m;
		if (r->event == MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED)
			named += strcmp(r->case_ref, "MARAC-TS-0800") == 0 &&
				 strncmp(r->msg_id, "res-", 4) == 0;
		codec_free(m);
		free(b);
	}
	store_close(s);
	cr_assert_eq(named, 2);
}

Test(protocol, resume_after_beyond_the_last_seq_is_refused)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	share_to(p, "beyond-1", MARAC__V1__AGENCY__AGENCY_HEALTH);
	mgw_client_free(p);
	int rc;
	mgw_client *h = resume("health", 1000, &rc);
	cr_assert_neq(rc, MGW_OK, "a resume beyond the last delivery must be refused");
	mgw_client_free(h);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				"resume_after_beyond_last", 1), 1);
	/* Nothing was acked: a normal connect still gets the delivery. */
	h = resume("health", 0, &rc);
	cr_assert_eq(rc, MGW_OK);
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(mgw_client_recv(h, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
	codec_free(&f->base);
	mgw_client_free(h);
}

Test(protocol, unmasked_client_frames_are_refused)
{
	gw_start(&G, NULL);
	int fd = -1;
	SSL *s = raw_hello(&G, "police", 0, &fd); /* a Hello, unmasked */
	unsigned char in[4096];
	size_t len = 0;
	int op, closed = 0, welcomed = 0;
	while ((op = raw_ws_recv(s, fd, in, sizeof in, &len, 5000)) >= 0) {
		if (op == 8) {
			closed = len >= 2 ? (in[0] << 8 | in[1]) : 1;
			break;
		}
		if (op == 2) {
			ProtobufCMessage *m;
			if (codec_unpack(&marac__v1__frame__descriptor, in, len, len, &m) == MGW_OK) {
				welcomed |= ((Marac__V1__Frame *)m)->body_case ==
					    MARAC__V1__FRAME__BODY_WELCOME;
				codec_free(m);
			}
		}
	}
	cr_assert(!welcomed, "an unmasked Hello was answered with Welcome");
	cr_assert_eq(closed, 1002, "closed with %d", closed);
	raw_close(s, fd);
}

/*
 * A frame whose header declares more than max_frame_bytes is refused
 * FRAME_TOO_LARGE as soon as its header is read, not once that many bytes
 * have come: a header declaring a terabyte followed by a trickle held the
 * connection until the 40 s idle timeout, answered by nothing.
 */
Test(protocol, a_frame_declaring_more_than_the_limit_is_refused_at_its_header)
{
	gw_start(&G, NULL);
	int fd = -1;
	SSL *s = raw_welcomed(&G, "police", &fd);
	unsigned char in[4096];
	size_t len = 0;
	int op;
	/* binary, final; masked, 64-bit length 2^40; mask key; 64 payload bytes */
	unsigned char h[14 + 64] = {0x82, 0x80 | 127, 0, 0, 1, 0, 0, 0, 0, 0, 1, 2, 3, 4};
	memset(h + 14, 0x55, 64);
	cr_assert_eq(SSL_write(s, h, (int)sizeof h), (int)sizeof h);
	int code = -1;
	while (code < 0 && (op = raw_ws_recv(s, fd, in, sizeof in, &len, 3000)) == 2) {
		ProtobufCMessage *m;
		if (codec_unpack(&marac__v1__frame__descriptor, in, len, len, &m) == MGW_OK) {
			Marac__V1__Frame *f = (Marac__V1__Frame *)m;
			if (f->body_case == MARAC__V1__FRAME__BODY_ERROR)
				code = f->error->code;
			codec_free(m);
		}
	}
	cr_assert_eq(code, MARAC__V1__ERROR_CODE__ERROR_CODE_FRAME_TOO_LARGE,
		     "no FRAME_TOO_LARGE within 3 s of the header (got %d)", code);
	raw_close(s, fd);
}

Test(protocol, upgrade_refusals_answer_with_their_http_status)
{
	gw_start(&G, "limits:\n  max_connections: 1\n");
	int fd = -1;
	SSL *s = raw_tls(&G, "unregistered", &fd);
	cr_assert_not_null(s);
	int st = raw_upgrade(s, "/v1", "marac.v1");
	cr_assert_eq(st, 403, "unregistered certificate: %d", st);
	raw_close(s, fd);
	s = raw_tls(&G, "police", &fd);
	cr_assert_eq(raw_upgrade(s, "/v2", "marac.v1"), 404, "wrong path");
	raw_close(s, fd);
	s = raw_tls(&G, "police", &fd);
	cr_assert_eq(raw_upgrade(s, "/v1", NULL), 400, "no subprotocol");
	raw_close(s, fd);
	/* The one slot taken, a second node is told to come back later. */
	char err[512];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	s = raw_tls(&G, "police", &fd);
	cr_assert_eq(raw_upgrade(s, "/v1", "marac.v1"), 503, "connection cap");
	raw_close(s, fd);
	mgw_client_free(h);
}

Test(protocol, graceful_stop_with_an_unresponsive_node_is_quick)
{
	gw_start(&G, NULL);
	int fd = -1;
	SSL *s = raw_hello(&G, "police", 1, &fd);
	usleep(300000);
	/* The node now never reads nor answers the close. */
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cr_assert_eq(gw_stop(&G), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_assert_lt(secs, 5.0, "stop took %.1f s", secs);
	raw_close(s, fd);
}

Test(protocol, at_the_cap_a_node_reconnecting_replaces_its_own_session)
{
	gw_start(&G, "limits:\n  max_connections: 1\n");
	int fd = -1;
	SSL *s = raw_tls(&G, "health", &fd);
	cr_assert_not_null(s);
	cr_assert_eq(raw_upgrade(s, "/v1", "marac.v1"), 101);
	/* The first connection lingers (say, behind a dead NAT); the node comes back. */
	char err[512];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "the node's own lingering session kept it out: %s", err);
	unsigned char in[256];
	size_t len = 0;
	int op = raw_ws_recv(s, fd, in, sizeof in, &len, 5000);
	cr_assert_eq(op, 8, "the old session is closed");
	cr_assert_eq(len >= 2 ? (in[0] << 8 | in[1]) : 0, 4000);
	raw_close(s, fd);
	mgw_client_free(h);
}

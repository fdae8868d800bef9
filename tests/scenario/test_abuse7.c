/*
 * Abuse, seventh round: the known bugs of the stack we run (libwebsockets
 * 4.1.6 as Debian 12 ships it, protobuf-c 1.4.1, SQLite 3.40) in the paths
 * the gateway uses, and the real daemon over real mTLS under a node that
 * pauses, pings, closes oddly or never reads. Each test fails on the
 * gateway as it was before the fix named in its comment.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "codec.h"
#include "harness.h"
#include "harness_ws.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(abuse7, .fini = teardown, .timeout = 240);

/* One masked WebSocket frame (FIN as given) appended to out at *used. */
static void ws_put(uint8_t *out, size_t *used, int opcode, int fin, const uint8_t *p, size_t n)
{
	static const uint8_t key[4] = {0x5c, 0x21, 0xe7, 0x90};
	ws_frame_put(out, used, opcode, fin, p, n, key);
}

/* One frame written at once: 0 or -1. */
static int ws_send(SSL *s, int opcode, int fin, const uint8_t *p, size_t n)
{
	uint8_t *b = malloc(n + 14);
	size_t used = 0;
	ws_put(b, &used, opcode, fin, p, n);
	int ok = SSL_write(s, b, (int)used) == (int)used;
	free(b);
	return ok ? 0 : -1;
}

/*
 * Frame bytes of an ActionListRequest padded with an unknown field of pad
 * bytes (the codec drops unknown fields): a request that costs a token of
 * the node's request bucket and is pad bytes long on the wire.
 */
static size_t padded_list_request(uint8_t *out, size_t pad)
{
	Marac__V1__ActionListRequest q = MARAC__V1__ACTION_LIST_REQUEST__INIT;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_ACTION_LIST_REQUEST;
	f.action_list_request = &q;
	size_t n = protobuf_c_message_pack(&f.base, out);
	out[n++] = 0xc2; /* field 1000, length-delimited */
	out[n++] = 0x3e;
	out[n++] = (uint8_t)(0x80 | (pad & 0x7f));
	out[n++] = (uint8_t)(pad >> 7);
	memset(out + n, 'x', pad);
	return n + pad;
}

/* n such requests of pad bytes, all in one write (frames back to back in
 * the same TLS records, as a pipelining client writes them). */
static void write_list_requests(SSL *s, int n, size_t pad)
{
	uint8_t *all = malloc((size_t)n * (pad + 64)), *one = malloc(pad + 32);
	cr_assert(all && one);
	size_t used = 0;
	for (int i = 0; i < n; i++) {
		size_t k = padded_list_request(one, pad);
		ws_put(all, &used, 2, 1, one, k);
	}
	cr_assert_eq(SSL_write(s, all, (int)used), (int)used);
	free(one);
	free(all);
}

/*
 * Reads s for up to timeout_ms, answering every ping with its pong as a
 * client must, and counts frames of body case `body`; stops at want of
 * them. *closed: the gateway closed (close frame or TCP).
 */
static int read_answering_pings(SSL *s, int fd, int body, int want, int timeout_ms, int *closed)
{
	static unsigned char buf[1 << 20];
	double end = mono_s() + timeout_ms / 1000.0;
	int got = 0;
	*closed = 0;
	while (got < want && mono_s() < end) {
		size_t len = 0;
		int op = raw_ws_recv(s, fd, buf, sizeof buf, &len, 500);
		if (op < 0) {
			/* raw_ws_recv cannot tell a quiet second from a closed socket */
			struct pollfd pf = {.fd = fd, .events = POLLIN};
			char c;
			if (SSL_pending(s) == 0 && poll(&pf, 1, 0) == 1 &&
			    recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) <= 0) {
				*closed = 1;
				break;
			}
			continue;
		}
		if (op == 8) {
			*closed = 1;
			break;
		}
		if (op == 9) {
			if (ws_send(s, 10, 1, buf, len) != 0) {
				*closed = 1;
				break;
			}
			continue;
		}
		if (op != 2)
			continue;
		Marac__V1__Frame *f = NULL;
		if (codec_frame_unpack(buf, len, sizeof buf, &f) != MGW_OK)
			continue;
		got += (int)f->body_case == body;
		codec_free(&f->base);
	}
	return got;
}

/*
 * The gateway stops reading a node that is over its request rate (or its
 * in-flight caps, or while the writer is behind). libwebsockets 4.1 pings
 * every idle_ping_secs and hangs up ping_timeout_secs later unless it has
 * read a pong since; while the gateway is not reading, the node's pong
 * waits in the socket behind the requests the gateway has not read yet,
 * so a live node that pipelined more than about ping_timeout_secs of
 * requests was dropped without a close frame (1006), its answers lost:
 * the gateway's own back-pressure looked like a dead peer. Here, pings
 * every second and two seconds to answer, and a node that pipelines 60
 * requests of 1 KiB at a rate of 5 a second after 10: about 10 s of them
 * (failed before: 18 of 60 answered, dropped after 2 s).
 */
Test(abuse7, a_node_the_gateway_is_not_reading_is_not_dropped_as_silent)
{
	gw_start(&G, "limits:\n  requests_burst: 10\n  requests_per_second: 5\n"
		     "  idle_ping_secs: 1\n  ping_timeout_secs: 1\n");
	int fd;
	SSL *s = raw_welcomed(&G, "police", &fd);
	cr_assert_not_null(s);
	enum { N = 60, PAD = 1000 };
	write_list_requests(s, N, PAD);
	int closed = 0;
	double t0 = mono_s();
	int got = read_answering_pings(s, fd, MARAC__V1__FRAME__BODY_ACTION_LIST, N, 60000, &closed);
	raw_close(s, fd);
	cr_assert_eq(got, N, "%d of %d answers, %s after %.1f s", got, N,
		     closed ? "dropped" : "nothing more", mono_s() - t0);
}

/*
 * What the gateway reads from a node it has stopped reading waits whole in
 * the session (s->held, 4b14d09) and is handled once there is room, while
 * the next message may already be half read in the reassembly buffer
 * (frames that cross lws's 4 KiB reads). Handling a held message emptied
 * that buffer: the half read was lost, its rest decoded as a frame of its
 * own, and the node was closed 1007 malformed_frame with its requests
 * unanswered (failed before: 9 of 60 answered, then closed). Here 60
 * requests of 1 KiB written at once to a node held to 20 requests a
 * second after 10: each is answered, none refused.
 */
Test(abuse7, a_message_half_read_while_others_are_held_is_not_cut)
{
	gw_start(&G, "limits:\n  requests_burst: 10\n  requests_per_second: 20\n");
	int fd;
	SSL *s = raw_welcomed(&G, "police", &fd);
	cr_assert_not_null(s);
	enum { N = 60, PAD = 1000 };
	write_list_requests(s, N, PAD);
	int closed = 0;
	int got = read_answering_pings(s, fd, MARAC__V1__FRAME__BODY_ACTION_LIST, N, 30000, &closed);
	raw_close(s, fd);
	cr_assert_eq(got, N, "%d of %d answers%s", got, N, closed ? ", then closed" : "");
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, NULL), 0);
}

/*
 * proto/README section 8: "a frame that stops arriving midway counts as
 * idle too: the connection is dropped 40 s after its last byte". lws 4.1
 * counts only pongs, and a client cannot pong in the middle of a frame it
 * is sending: a node on a slow link whose share took longer to upload than
 * ping_timeout_secs after a ping was dropped while its bytes were still
 * arriving (a 1 MiB share at 512 kbit/s takes 16 s; pings every 30 s and
 * 10 s to answer), and sent it again, and was dropped again. Here pings
 * every second and two seconds to answer, and a share of about 100 KB
 * written in 2 KB pieces over about 5 s.
 */
Test(abuse7, a_share_still_arriving_on_a_slow_link_is_not_dropped)
{
	gw_start(&G, "limits:\n  idle_ping_secs: 1\n  ping_timeout_secs: 1\n");
	int fd;
	SSL *s = raw_welcomed(&G, "police", &fd);
	cr_assert_not_null(s);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0071", "testshire");
	enum { NB = 100000 };
	char *small = cs->narrative, *big = codec_malloc(NB + 1);
	for (size_t i = 0; i < NB; i++)
		big[i] = "The victim said she was worried. "[i % 33];
	big[NB] = 0;
	cs->narrative = big;
	Marac__V1__Share sh;
	make_share(&sh, "slow-link-1", to, 1, cs);
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_SHARE;
	f.share = &sh;
	uint8_t *b;
	size_t n;
	cr_assert_eq(codec_pack(&f.base, &b, &n), MGW_OK);
	cs->narrative = small;
	codec_mfree(big);
	codec_free(&cs->base);
	uint8_t *w = malloc(n + 14);
	size_t used = 0;
	ws_put(w, &used, 2, 1, b, n);
	free(b);
	int dropped = 0;
	signal(SIGPIPE, SIG_IGN); /* a write after the gateway hung up fails, not kills */
	for (size_t off = 0; off < used && !dropped; off += 2000) {
		size_t k = used - off < 2000 ? used - off : 2000;
		dropped = SSL_write(s, w + off, (int)k) != (int)k;
		usleep(100000);
	}
	free(w);
	int closed = 0;
	int got = dropped ? 0
			  : read_answering_pings(s, fd, MARAC__V1__FRAME__BODY_SHARE_ACCEPTED, 1,
						 10000, &closed);
	cr_assert_eq(got, 1, "the share was not accepted: %s",
		     dropped ? "dropped while it was arriving" : closed ? "closed" : "no answer");
	/* A frame that stops arriving midway is still dropped, pings unanswered. */
	uint8_t half[] = {0x82, 0x80 | 126, 0x10, 0x00, 0, 0, 0, 0, 0x0a, 0x03};
	cr_assert_eq(SSL_write(s, half, sizeof half), (int)sizeof half);
	double t0 = mono_s();
	unsigned char junk[256];
	size_t len;
	while (mono_s() - t0 < 15 && raw_ws_recv(s, fd, junk, sizeof junk, &len, 15000) >= 0)
		;
	cr_assert_lt(mono_s() - t0, 8, "a stalled frame kept the connection for %.1f s",
		     mono_s() - t0);
	raw_close(s, fd);
}

/*
 * RFC 6455 allows empty fragments: a message may begin with an empty
 * binary frame (not FIN) and go on in continuation frames, and end with an
 * empty FIN frame. The gateway copied an empty first fragment into its
 * reassembly buffer before it had one (memcpy to NULL: undefined, a
 * UBSan report under the sanitized build). Each such share is accepted.
 */
Test(abuse7, a_message_with_empty_fragments_is_accepted)
{
	gw_start(&G, NULL);
	int fd;
	SSL *s = raw_welcomed(&G, "police", &fd);
	cr_assert_not_null(s);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0072", "testshire");
	Marac__V1__Share sh;
	make_share(&sh, "empty-fragments", to, 1, cs);
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_SHARE;
	f.share = &sh;
	uint8_t *b;
	size_t n;
	cr_assert_eq(codec_pack(&f.base, &b, &n), MGW_OK);
	codec_free(&cs->base);
	cr_assert_eq(ws_send(s, 2, 0, b, 0), 0);
	cr_assert_eq(ws_send(s, 0, 0, b, n / 2), 0);
	cr_assert_eq(ws_send(s, 0, 0, b, 0), 0);
	cr_assert_eq(ws_send(s, 0, 0, b + n / 2, n - n / 2), 0);
	cr_assert_eq(ws_send(s, 0, 1, b, 0), 0);
	free(b);
	int closed = 0;
	int got = read_answering_pings(s, fd, MARAC__V1__FRAME__BODY_SHARE_ACCEPTED, 1, 10000,
				       &closed);
	cr_assert_eq(got, 1, "not accepted%s", closed ? ": closed" : "");
	/* A message of empty fragments only is no Frame: refused, as an empty one is. */
	cr_assert_eq(ws_send(s, 2, 0, (const uint8_t *)"", 0), 0);
	cr_assert_eq(ws_send(s, 0, 1, (const uint8_t *)"", 0), 0);
	got = read_answering_pings(s, fd, MARAC__V1__FRAME__BODY_ERROR, 1, 10000, &closed);
	raw_close(s, fd);
	cr_assert_eq(got, 1, "an empty message was not refused");
}

/*
 * A reload that lowers max_frame_bytes refuses a message read under the
 * old limit and not yet handled FRAME_TOO_LARGE (close 1009), as it does
 * one still being reassembled (reload/a_message_straddling_...). One held
 * whole in the session while the node was over its request rate
 * (4b14d09) was decoded under the new limit instead and refused
 * MALFORMED_FRAME, close 1007: "not a marac.v1 Frame", which it was.
 */
Test(abuse7, a_held_message_above_a_lowered_max_frame_bytes_is_too_large_not_malformed)
{
	gw_start(&G, "limits:\n  max_frame_bytes: 65536\n  requests_burst: 10\n"
		     "  requests_per_second: 1\n");
	int fd;
	SSL *s = raw_welcomed(&G, "police", &fd);
	cr_assert_not_null(s);
	enum { N = 30, PAD = 10000 };
	write_list_requests(s, N, PAD);
	int closed = 0;
	cr_assert_eq(read_answering_pings(s, fd, MARAC__V1__FRAME__BODY_ACTION_LIST, 10, 10000,
					  &closed), 10);
	config_replace(&G, NULL, "max_frame_bytes: 65536", "max_frame_bytes: 8192");
	kill(G.pid, SIGHUP);
	static unsigned char buf[1 << 17];
	int code = -1, op = -1;
	size_t len = 0;
	while (code < 0 && (op = raw_ws_recv(s, fd, buf, sizeof buf, &len, 15000)) >= 0 && op != 8) {
		Marac__V1__Frame *f = NULL;
		if (op == 2 && codec_frame_unpack(buf, len, sizeof buf, &f) == MGW_OK) {
			if (f->body_case == MARAC__V1__FRAME__BODY_ERROR)
				code = f->error->code;
			codec_free(&f->base);
		}
	}
	int close_code = -1;
	while (op >= 0 && op != 8)
		op = raw_ws_recv(s, fd, buf, sizeof buf, &len, 15000);
	if (op == 8 && len >= 2)
		close_code = buf[0] << 8 | buf[1];
	raw_close(s, fd);
	cr_assert_eq(code, MARAC__V1__ERROR_CODE__ERROR_CODE_FRAME_TOO_LARGE, "refused %d", code);
	cr_assert_eq(close_code, 1009, "closed %d", close_code);
}

/*
 * SQLite 3.40 (Debian 12) has the WAL-reset race (sqlite.org/wal.html
 * #walresetbug, fixed in 3.51.3, not backported): a checkpoint copies the
 * whole WAL; another starts; meanwhile a connection commits a transaction
 * that restarts the WAL; the second checkpoint misses the restart, and a
 * later one skips frames: committed pages never reach the database file,
 * which is left corrupt. The gateway has exactly that shape: a
 * checkpointer thread with its own connection checkpoints every 50 ms
 * under load while the writer commits. The fault shim (fault_commit.c,
 * MARAC_WAL_RACE) records each checkpoint that starts while a write
 * transaction begun on a complete WAL is open, and holds such a
 * transaction 150 ms to open the window. The store now keeps them apart
 * (store.c, wal_gate): none is recorded. Before: one per share or so.
 */
Test(abuse7, no_checkpoint_overlaps_a_commit_that_may_restart_the_wal)
{
	char race[700];
	gw_start_faulty(&G, NULL, "MARAC_WAL_RACE", "walrace", race, sizeof race);
	char e[256];
	mgw_client *p = node(&G, "police", e, sizeof e);
	cr_assert_not_null(p, "%s", e);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH, MARAC__V1__AGENCY__AGENCY_IDVA};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0073", "testshire");
	enum { NB = 700000, NS = 16 };
	char *small = cs->narrative, *big = codec_malloc(NB + 1);
	for (size_t i = 0; i < NB; i++)
		big[i] = "The victim said she was worried. "[i % 33];
	big[NB] = 0;
	cs->narrative = big;
	for (int i = 0; i < NS; i++) {
		char id[24];
		snprintf(id, sizeof id, "wal-%d", i);
		cr_assert_eq(send_share(p, id, to, 2, cs), MGW_OK);
		Marac__V1__Frame *r = NULL;
		cr_assert_eq(mgw_client_recv(p, 30000, &r), MGW_OK, "share %d unanswered", i);
		cr_assert_eq(r->body_case, MARAC__V1__FRAME__BODY_SHARE_ACCEPTED);
		codec_free(&r->base);
		usleep(120000); /* the checkpointer copies the whole WAL meanwhile */
	}
	cs->narrative = small;
	codec_mfree(big);
	codec_free(&cs->base);
	mgw_client_free(p);
	cr_assert_eq(gw_stop(&G), 0);
	char *log = slurp(race);
	unlink(race);
	int n = 0;
	for (char *q = log; q && (q = strchr(q, '\n')); q++)
		n++;
	free(log);
	cr_assert_eq(n, 0, "%d checkpoints started inside a commit that may restart the WAL", n);
}

/* police shares health a view of about `bytes` (msg_id id), answered accepted. */
static void share_to_health(const char *id, size_t bytes)
{
	char e[256];
	mgw_client *p = node(&G, "police", e, sizeof e);
	cr_assert_not_null(p, "%s", e);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0074", "testshire");
	char *small = cs->narrative, *big = NULL;
	if (bytes) {
		big = codec_malloc(bytes + 1);
		for (size_t i = 0; i < bytes; i++)
			big[i] = "The victim said she was worried. "[i % 33];
		big[bytes] = 0;
		cs->narrative = big;
	}
	cr_assert_eq(send_share(p, id, to, 1, cs), MGW_OK);
	Marac__V1__Frame *r = NULL;
	cr_assert_eq(mgw_client_recv(p, 30000, &r), MGW_OK);
	cr_assert_eq(r->body_case, MARAC__V1__FRAME__BODY_SHARE_ACCEPTED);
	codec_free(&r->base);
	cs->narrative = small;
	codec_mfree(big);
	codec_free(&cs->base);
	mgw_client_free(p);
}

/*
 * The client library closes 1009 on a message above the largest it
 * accepts. It did so by returning -1 from libwebsockets' receive
 * callback, in the middle of the frame: lws 4.1's client parser then
 * kept its buffer index and, reading on for the close ack, wrote the rest
 * of the frame past the end of its 64 KiB buffer ("malloc(): corrupted
 * top size" in the node's process; an ASan SEGV). It now closes from its
 * next WRITEABLE: the node is told MGW_E_TOO_LARGE, closed 1009, and
 * carries on.
 */
Test(abuse7, a_frame_above_the_clients_limit_closes_it_without_corrupting_its_heap)
{
	gw_start(&G, NULL);
	signal(SIGPIPE, SIG_IGN);
	share_to_health("client-limit", 300000);
	char e[256];
	struct mgw_client_opts o = {
		.url = G.url, .cert = pki_file("health.crt"), .key = pki_file("health.key"),
		.ca = pki_file("ca.crt"), .timeout_ms = 10000, .rx_max_bytes = 65536,
	};
	mgw_client *h = NULL;
	cr_assert_eq(mgw_client_connect(&o, &h, e, sizeof e), MGW_OK, "%s", e);
	Marac__V1__Frame *r = NULL;
	int rc = mgw_client_recv(h, 10000, &r);
	cr_assert_eq(rc, MGW_E_TOO_LARGE, "rc %d", rc);
	cr_assert_eq(mgw_client_close_status(h), 1009);
	mgw_client_free(h);
	/* The process carries on: the heap is intact. */
	void *blocks[64];
	for (int i = 0; i < 64; i++)
		blocks[i] = malloc(4096 + (size_t)i * 1024);
	for (int i = 0; i < 64; i++)
		free(blocks[i]);
}

/*
 * Deliveries are stored when they are committed: a view that fitted
 * max_frame_bytes then keeps its size after the operator lowers the limit
 * (a restart or a reload), and is sent as it is. The client library took
 * Welcome.max_frame_bytes, the new lower limit, as the largest frame it
 * would accept: it closed 1009 on that delivery at every connection, and
 * nothing queued behind it (seqs are delivered in order) ever arrived:
 * marac listen failed for good. The client now accepts frames up to the
 * largest limit the gateway can be given (16 MiB, plus the Deliver's own
 * fields), as proto/README section 1 now tells other clients to.
 */
Test(abuse7, a_delivery_queued_before_max_frame_bytes_was_lowered_still_arrives)
{
	gw_start(&G, "limits:\n  max_frame_bytes: 1048576\n");
	signal(SIGPIPE, SIG_IGN);
	char e[256];
	mgw_client *p = node(&G, "police", e, sizeof e);
	cr_assert_not_null(p, "%s", e);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__CaseSummary *cs = synthetic_case("TS-2026-0074", "testshire");
	enum { NB = 300000 };
	char *small = cs->narrative, *big = codec_malloc(NB + 1);
	for (size_t i = 0; i < NB; i++)
		big[i] = "The victim said she was worried. "[i % 33];
	big[NB] = 0;
	const char *ids[] = {"lowered-big", "lowered-small"};
	for (int i = 0; i < 2; i++) {
		cs->narrative = i == 0 ? big : small;
		cr_assert_eq(send_share(p, ids[i], to, 1, cs), MGW_OK);
		Marac__V1__Frame *r = NULL;
		cr_assert_eq(mgw_client_recv(p, 30000, &r), MGW_OK);
		cr_assert_eq(r->body_case, MARAC__V1__FRAME__BODY_SHARE_ACCEPTED);
		codec_free(&r->base);
	}
	cs->narrative = small;
	codec_mfree(big);
	codec_free(&cs->base);
	mgw_client_free(p);
	cr_assert_eq(gw_stop(&G), 0);
	config_replace(&G, NULL, "max_frame_bytes: 1048576", "max_frame_bytes: 65536");
	gw_restart(&G);
	mgw_client *h = node(&G, "health", e, sizeof e);
	cr_assert_not_null(h, "%s", e);
	cr_assert_eq(mgw_client_welcome(h)->max_frame_bytes, 65536);
	int got = 0;
	for (int k = 0; k < 10 && got < 2; k++) {
		Marac__V1__Frame *r = NULL;
		int rc = mgw_client_recv(h, 10000, &r);
		cr_assert_eq(rc, MGW_OK, "delivery %d not received (closed %d)", got,
			     mgw_client_close_status(h));
		if (r->body_case == MARAC__V1__FRAME__BODY_DELIVER) {
			got++;
			Marac__V1__DeliverAck a = MARAC__V1__DELIVER_ACK__INIT;
			a.seq = r->deliver->seq;
			a.delivery_id = r->deliver->delivery_id;
			Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
			f.body_case = MARAC__V1__FRAME__BODY_DELIVER_ACK;
			f.deliver_ack = &a;
			cr_assert_eq(mgw_client_send(h, &f), MGW_OK);
		}
		codec_free(&r->base);
	}
	mgw_client_free(h);
	cr_assert_eq(got, 2, "%d of 2 deliveries", got);
}

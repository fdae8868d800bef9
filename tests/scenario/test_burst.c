/*
 * Bursts (h11-perf): what arrives all at once must all get through.
 *  - every node of an agency behind one NAT reconnecting together after a
 *    gateway restart: tens of handshakes from one source address, none
 *    dropped by the pre-auth per-address cap (limits.preauth_per_address
 *    applies only while the handshake pool is under pressure; the flood
 *    tests in test_abuse.c check that it still applies then);
 *  - a burst of acks, out of order, duplicated, one unknown: acks of one
 *    node are coalesced into one job per batch, yet each delivery is acked
 *    and audited once, and the unknown one is refused.
 */
#include <arpa/inet.h>
#include <signal.h>
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/ssl.h>

#include "harness.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(burst, .fini = teardown, .timeout = 180);

enum { NODES = 30 };

/*
 * NODES police node certificates signed by the test CA, in G.dir, and their
 * registry entries appended to the config's nodes: list (its last section).
 * Random serials: the test CA's CRL revokes some of its own small serials.
 */
static void add_nodes(void)
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd,
		 "set -e; cd '%s'; "
		 "printf 'basicConstraints=critical,CA:FALSE\\nkeyUsage=critical,digitalSignature\\n"
		 "extendedKeyUsage=clientAuth\\n' > burst.ext; "
		 "for i in $(seq -w 1 %d); do "
		 " openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out burst$i.key "
		 "  2>/dev/null; "
		 " openssl req -new -key burst$i.key -subj \"/O=MARAC Dev/OU=police/CN=burst$i.testshire\" "
		 "  -out burst$i.csr; "
		 " openssl x509 -req -in burst$i.csr -CA '%s' -CAkey '%s' -set_serial 0x$(openssl rand -hex 12) "
		 "  -days 30 -sha256 -extfile burst.ext -out burst$i.crt 2>/dev/null; "
		 " printf '  - id: burst-%%s\\n    agency: police\\n"
		 "    subject: \"/O=MARAC Dev/OU=police/CN=burst%%s.testshire\"\\n"
		 "    roles: [node]\\n    areas: [testshire]\\n    cert: %s/burst%%s.crt\\n' "
		 "  $i $i $i >> '%s'; "
		 "done",
		 G.dir, NODES, pki_file("ca.crt"), pki_file("ca.key"), G.dir, G.config);
	cr_assert_eq(system(cmd), 0, "cannot make the burst certificates");
}

/* TLS on an accepted socket as burst node i, upgrade, Hello; 1 if Welcome came back. */
static int hello_on(int fd, int i)
{
	SSL_CTX *c = SSL_CTX_new(TLS_client_method());
	cr_assert_not_null(c);
	SSL_CTX_set_min_proto_version(c, TLS1_3_VERSION);
	char crt[700], key[700];
	snprintf(crt, sizeof crt, "%s/burst%02d.crt", G.dir, i);
	snprintf(key, sizeof key, "%s/burst%02d.key", G.dir, i);
	cr_assert_eq(SSL_CTX_use_certificate_file(c, crt, SSL_FILETYPE_PEM), 1);
	cr_assert_eq(SSL_CTX_use_PrivateKey_file(c, key, SSL_FILETYPE_PEM), 1);
	SSL_CTX_load_verify_locations(c, pki_file("ca.crt"), NULL);
	SSL *s = SSL_new(c);
	SSL_set_fd(s, fd);
	SSL_set_tlsext_host_name(s, "localhost");
	int ok = 0;
	if (SSL_connect(s) == 1 && raw_upgrade(s, "/v1", "marac.v1") == 101) {
		Marac__V1__Hello h = MARAC__V1__HELLO__INIT;
		h.protocol_version = 1;
		Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
		f.body_case = MARAC__V1__FRAME__BODY_HELLO;
		f.hello = &h;
		uint8_t buf[64];
		size_t n = protobuf_c_message_pack(&f.base, buf);
		unsigned char in[4096];
		size_t len = 0;
		if (raw_ws_send(s, 2, buf, n, 1) == 0 && raw_ws_recv(s, fd, in, sizeof in, &len, 10000) == 2) {
			Marac__V1__Frame *w = marac__v1__frame__unpack(NULL, len, in);
			ok = w && w->body_case == MARAC__V1__FRAME__BODY_WELCOME;
			if (w)
				marac__v1__frame__free_unpacked(w, NULL);
		}
	}
	SSL_free(s);
	SSL_CTX_free(c);
	return ok;
}

Test(burst, thirty_nodes_behind_one_address_reconnect_at_once_after_a_restart)
{
	signal(SIGPIPE, SIG_IGN); /* a dropped handshake is a count below, not a crash */
	gw_start(&G, NULL);
	cr_assert_eq(gw_stop(&G), 0);
	add_nodes();
	gw_restart(&G);
	/* Every node's TCP connection first, as after a restart: all of them are
	 * in handshake at once, from 127.0.0.1. */
	int fds[NODES];
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)G.port)};
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	for (int i = 0; i < NODES; i++) {
		fds[i] = socket(AF_INET, SOCK_STREAM, 0);
		cr_assert_eq(connect(fds[i], (struct sockaddr *)&a, sizeof a), 0);
	}
	usleep(500000); /* the gateway has accepted them all */
	int welcomed = 0;
	for (int i = 0; i < NODES; i++)
		welcomed += hello_on(fds[i], i + 1);
	cr_assert_eq(welcomed, NODES, "%d of %d nodes behind one address got in", welcomed, NODES);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				 "handshake_per_address"),
		     0, "a legitimate burst was cut by the per-address cap");
	for (int i = 0; i < NODES; i++)
		close(fds[i]);
}

Test(burst, a_burst_of_acks_in_any_order_is_acked_and_audited_once_each)
{
	gw_start(&G, NULL);
	enum { N = 10 };
	char err[512];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	char out[4096];
	for (int i = 0; i < N; i++) {
		char id[32];
		snprintf(id, sizeof id, "burst-ack-%d", i);
		const char *args[] = {"send", "--to", "health", "--msg-id", id,
				      fixture("case_basic.json"), NULL};
		cr_assert_eq(cli_run(&G, "police", out, sizeof out, args), 0, "%s", out);
	}
	char ids[N][33];
	uint64_t seqs[N];
	int got = 0;
	Marac__V1__Frame *f;
	while (got < N && mgw_client_recv(h, 10000, &f) == MGW_OK) {
		if (f->body_case == MARAC__V1__FRAME__BODY_DELIVER) {
			snprintf(ids[got], sizeof ids[got], "%s", f->deliver->delivery_id);
			seqs[got++] = f->deliver->seq;
		}
		codec_free(&f->base);
	}
	cr_assert_eq(got, N);
	/* All at once, newest first, each twice, and one id of nobody's. */
	for (int i = N - 1; i >= 0; i--)
		cr_assert_eq(mgw_client_ack(h, ids[i], seqs[i]), MGW_OK);
	cr_assert_eq(mgw_client_ack(h, "0123456789abcdef0123456789abcdef", seqs[0]), MGW_OK);
	for (int i = 0; i < N; i++)
		cr_assert_eq(mgw_client_ack(h, ids[i], seqs[i]), MGW_OK);
	/* The unknown one is answered with an Error; nothing else is. */
	int errors = 0;
	while (mgw_client_recv(h, 1500, &f) == MGW_OK) {
		if (f->body_case == MARAC__V1__FRAME__BODY_ERROR) {
			cr_assert_eq(f->error->code, MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_DELIVERY);
			errors++;
		}
		cr_assert_neq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER, "an acked share came again");
		codec_free(&f->base);
	}
	cr_assert_eq(errors, 1);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED, NULL, N), N);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				"unknown_delivery", 1), 1);
	mgw_client_free(h);
	/* Back after a restart: every one of them stays acked (durable, not resent). */
	cr_assert_eq(gw_stop(&G), 0);
	gw_restart(&G);
	h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	while (mgw_client_recv(h, 1500, &f) == MGW_OK) {
		cr_assert_neq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER, "an acked share came again");
		codec_free(&f->base);
	}
	mgw_client_free(h);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED, NULL), N,
		     "each delivery acked (and audited) once");
}

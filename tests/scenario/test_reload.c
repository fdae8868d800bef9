/*
 * Reloads (epochs): SIGHUP rebuilds config, policy, registry and CRL as one
 * epoch while shares are in flight; jobs keep the epoch they were routed
 * under. Run this suite in the ThreadSanitizer build as well
 * (cmake -DMARAC_TSAN=ON; see README.md "Testing"): the harness fails a test
 * whose gateway log holds a sanitizer report.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "harness.h"
#include "mgw_err.h"
#include "store.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(reload, .fini = teardown, .timeout = 300);

static int log_has(const char *a, const char *b)
{
	char *log = slurp(G.log);
	int yes = log && strstr(log, a) && (b == NULL || strstr(log, b));
	free(log);
	return yes;
}

Test(reload, sighup_under_load_loses_no_share_and_keeps_serving)
{
	gw_start(&G, "audit:\n  checkpoint_every: 7\n  checkpoint_secs: 1\n");
	char fixture[600], dir[700];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	snprintf(dir, sizeof dir, "%s/inbox-health", G.dir);
	enum { SENDERS = 3, EACH = 8 };
	/* health listens throughout; three senders share while the gateway reloads. */
	const char *largs[] = {"listen", "--out", dir, "--count", "24", "--idle-exit", "30", NULL};
	pid_t l = cli_spawn(&G, "health", NULL, largs);
	pid_t senders[SENDERS];
	for (int k = 0; k < SENDERS; k++) {
		senders[k] = fork();
		cr_assert_geq(senders[k], 0);
		if (senders[k] == 0) {
			const char *who[] = {"police", "idva", "csc"};
			for (int i = 0; i < EACH; i++) {
				char id[40], out[8192];
				snprintf(id, sizeof id, "reload-%d-%d", k, i);
				const char *args[] = {"send", "--to", "health", "--msg-id", id, fixture, NULL};
				int rc = -1;
				/* The protocol's retry rule: same msg_id until accepted. */
				for (int t = 0; t < 20 && rc != 0; t++)
					if ((rc = cli_run(&G, who[k], out, sizeof out, args)) != 0)
						usleep(100000);
				if (rc != 0)
					_exit(1);
			}
			_exit(0);
		}
	}
	int reloads = 0;
	for (int alive = SENDERS; alive > 0 && reloads < 400; reloads++) {
		kill(G.pid, SIGHUP);
		usleep(40000);
		alive = 0;
		for (int k = 0; k < SENDERS; k++)
			alive += senders[k] > 0 && waitpid(senders[k], NULL, WNOHANG) == 0;
	}
	for (int k = 0; k < SENDERS; k++) {
		int st = 0;
		waitpid(senders[k], &st, 0);
		cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "sender %d failed", k);
	}
	cr_assert_eq(wait_exit(l, 60), 0, "health did not receive every share");
	cr_assert_eq(count_json(dir), SENDERS * EACH);
	cr_assert_geq(reloads, 5, "too few reloads to mean anything");
	cr_assert(!log_has("reload_failed", NULL), "a valid reload failed");
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED, NULL,
				 SENDERS * EACH), SENDERS * EACH);
	cr_assert_eq(gw_stop(&G), 0);
}

Test(reload, a_restart_only_key_is_refused_and_the_old_epoch_stays)
{
	gw_start(&G, "audit:\n  origin: origin-one\n  checkpoint_secs: 1\n");
	config_replace(&G, NULL, "origin: origin-one", "origin: origin-two");
	kill(G.pid, SIGHUP);
	cr_assert(gw_log_wait(&G, "\"reload_failed\"", "audit.origin"), "the reload must be refused");
	/* Still serving, and checkpoints still signed for the origin in force. */
	char fixture[600], out[4096];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	const char *args[] = {"send", "--to", "health", fixture, NULL};
	cr_assert_eq(cli_run(&G, "police", out, sizeof out, args), 0, "%s", out);
	cr_assert_eq(gw_stop(&G), 0);
	char dir[600], err[256], *note = NULL;
	uint64_t size = 0;
	snprintf(dir, sizeof dir, "%s/state", G.dir);
	store *s;
	cr_assert_eq(store_open(dir, 1, &s, err, sizeof err), MGW_OK, "%s", err);
	cr_assert_eq(store_checkpoint_latest(s, &size, &note), MGW_OK);
	cr_assert(strncmp(note, "origin-one\n", 11) == 0, "checkpoint origin changed: %s", note);
	free(note);
	store_close(s);
}

/* A CRL issued by the CA in ca_name (its .crt and .key in the PKI), valid
 * from now + from_s to now + to_s seconds, revoking nothing. */
static void make_crl(const char *ca_name, long from_s, long to_s, const char *out)
{
	char crt[64], key[64];
	snprintf(crt, sizeof crt, "%s.crt", ca_name);
	snprintf(key, sizeof key, "%s.key", ca_name);
	FILE *f = fopen(pki_file(crt), "r");
	cr_assert_not_null(f);
	X509 *ca = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	f = fopen(pki_file(key), "r");
	cr_assert_not_null(f);
	EVP_PKEY *k = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	fclose(f);
	cr_assert(ca && k);
	X509_CRL *crl = X509_CRL_new();
	X509_CRL_set_version(crl, 1);
	X509_CRL_set_issuer_name(crl, X509_get_subject_name(ca));
	ASN1_TIME *a = X509_gmtime_adj(NULL, from_s), *b = X509_gmtime_adj(NULL, to_s);
	X509_CRL_set1_lastUpdate(crl, a);
	X509_CRL_set1_nextUpdate(crl, b);
	cr_assert(X509_CRL_sign(crl, k, EVP_sha256()) > 0);
	f = fopen(out, "w");
	cr_assert_not_null(f);
	PEM_write_X509_CRL(f, crl);
	fclose(f);
	ASN1_TIME_free(a);
	ASN1_TIME_free(b);
	X509_CRL_free(crl);
	X509_free(ca);
	EVP_PKEY_free(k);
}

Test(reload, an_expired_foreign_or_bogus_crl_is_refused_and_the_old_one_stays)
{
	gw_start(&G, NULL);
	char crl[700], cmd[1400];
	snprintf(crl, sizeof crl, "%s/ca.crl", G.dir);
	/* Another CA's CRL. */
	make_crl("foreign-ca", -60, 86400, crl);
	kill(G.pid, SIGHUP);
	cr_assert(gw_log_wait(&G, "\"reload_failed\"", "issued by another CA"));
	/* The CA's own CRL, expired yesterday. */
	make_crl("ca", -2 * 86400, -86400, crl);
	kill(G.pid, SIGHUP);
	cr_assert(gw_log_wait(&G, "\"reload_failed\"", "expired"));
	/* Not a CRL at all: a private key. */
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", pki_file("police.key"), crl);
	cr_assert_eq(system(cmd), 0);
	kill(G.pid, SIGHUP);
	cr_assert(gw_log_wait(&G, "\"reload_failed\"", "not a certificate revocation list"));
	/* Nodes are still admitted under the old CRL. */
	char err[512];
	mgw_client *c = node(&G, "health", err, sizeof err);
	cr_assert_not_null(c, "the old CRL must stay in force: %s", err);
	mgw_client_free(c);
	/* --check-config refuses the same files. */
	snprintf(cmd, sizeof cmd, "'%s' --config '%s' --check-config >/dev/null 2>&1",
		 MARAC_GATEWAY_BIN, G.config);
	cr_assert_neq(WEXITSTATUS(system(cmd)), 0, "--check-config passed a private key as CRL");
	/* A device that never ends is not a CRL either, and is refused in bounded time. */
	char from[800], to[40];
	snprintf(from, sizeof from, "crl: %s/ca.crl", G.dir);
	snprintf(to, sizeof to, "crl: /dev/zero");
	config_replace(&G, NULL, from, to);
	time_t t0 = time(NULL);
	cr_assert_neq(WEXITSTATUS(system(cmd)), 0, "--check-config passed /dev/zero as CRL");
	cr_assert_lt(time(NULL) - t0, 10);
}

/* One masked WebSocket frame of n bytes (n < 65536), FIN as fin. */
static void send_frag(SSL *s, int fin, int opcode, size_t n)
{
	unsigned char *b = malloc(8 + n);
	cr_assert_not_null(b);
	b[0] = (unsigned char)((fin ? 0x80 : 0) | opcode);
	b[1] = 0x80 | 126;
	b[2] = (unsigned char)(n >> 8);
	b[3] = (unsigned char)n;
	memset(b + 4, 0, 4); /* mask key 0: the payload is sent as is */
	memset(b + 8, 0x55, n);
	cr_assert_eq(SSL_write(s, b, (int)(8 + n)), (int)(8 + n));
	free(b);
}

/*
 * A message begun under a larger max_frame_bytes and continued after a
 * reload lowered it: the bytes already held exceed the new limit. It is
 * refused FRAME_TOO_LARGE; the gateway neither shrinks its buffer under
 * them nor writes past it (it did: cap - rx_len wrapped, the buffer was
 * cut to the new limit and the next fragment copied beyond it).
 */
Test(reload, a_message_straddling_a_lower_max_frame_bytes_is_refused_not_overrun)
{
	gw_start(&G, "limits:\n  max_frame_bytes: 65536\n");
	int fd = -1;
	SSL *s = raw_welcomed(&G, "police", &fd);
	unsigned char in[4096];
	size_t len = 0;
	int op;
	send_frag(s, 0, 0x2, 60000); /* the first 60,000 bytes of a message, under 64 KiB */
	usleep(300000);
	config_replace(&G, NULL, "max_frame_bytes: 65536", "max_frame_bytes: 8192");
	kill(G.pid, SIGHUP);
	cr_assert(gw_log_wait(&G, "\"reloaded\"", NULL), "no reload");
	for (int i = 0; i < 4; i++)
		send_frag(s, i == 3, 0x0, 30000);
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
	raw_close(s, fd);
	cr_assert_eq(code, MARAC__V1__ERROR_CODE__ERROR_CODE_FRAME_TOO_LARGE, "got %d", code);
	/* still serving */
	char fixture[600], out[4096];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	const char *args[] = {"send", "--to", "health", fixture, NULL};
	cr_assert_eq(cli_run(&G, "police", out, sizeof out, args), 0, "%s", out);
	cr_assert_eq(gw_stop(&G), 0, "the gateway did not stop cleanly");
}

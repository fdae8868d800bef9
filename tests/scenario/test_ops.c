/*
 * Operations: --check-config, SIGHUP reload of CRL and policy (build,
 * validate, swap; keep the old on error), a node revoked by a reload is
 * disconnected and refused afterwards; one whose certificate expires while
 * connected is disconnected then.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "harness.h"
#include "merkle.h"
#include "store.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(ops, .fini = teardown, .timeout = 120);

/* police shares tests/fixtures/case_basic.json to the agencies in to
 * ("health,idva") with marac send; the share must be accepted. */
static void send_fixture(const char *to)
{
	char fixture[600], out[4096];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	const char *args[] = {"send", "--to", to, fixture, NULL};
	cr_assert_eq(cli_run(&G, "police", out, sizeof out, args), 0, "%s", out);
}

static int run_check(const char *config, char *out, size_t outlen)
{
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "'%s' --config '%s' --check-config > %s/check.out 2>&1",
		 MARAC_GATEWAY_BIN, config, G.dir);
	int rc = system(cmd);
	char p[700];
	snprintf(p, sizeof p, "%s/check.out", G.dir);
	char *t = slurp(p);
	snprintf(out, outlen, "%s", t ? t : "");
	free(t);
	return WEXITSTATUS(rc);
}

Test(ops, check_config_accepts_good_and_names_file_and_line_of_bad)
{
	gw_start(&G, NULL);
	char out[2048];
	cr_assert_eq(run_check(G.config, out, sizeof out), 0, "%s", out);
	cr_assert(strstr(out, "ok") != NULL, "%s", out);

	char bad[700];
	snprintf(bad, sizeof bad, "%s/bad.yaml", G.dir);
	FILE *f = fopen(bad, "w");
	fprintf(f, "state_dir: /tmp\nlimits:\n  max_frame_byte: 100\n");
	fclose(f);
	cr_assert_eq(run_check(bad, out, sizeof out), 1);
	cr_assert(strstr(out, "bad.yaml:3:") != NULL, "no file:line in: %s", out);
	cr_assert(strstr(out, "max_frame_byte") != NULL, "%s", out);
}

Test(ops, sighup_with_new_crl_disconnects_and_refuses_the_revoked_node)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *late = node(&G, "late", err, sizeof err);
	cr_assert_not_null(late, "late.crt must be valid before the reload: %s", err);
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s/ca.crl'", pki_file("ca-late.crl"), G.dir);
	cr_assert_eq(system(cmd), 0);
	kill(G.pid, SIGHUP);
	Marac__V1__Frame *f;
	cr_assert_eq(mgw_client_recv(late, 10000, &f), MGW_E_CLOSED);
	cr_assert_eq(mgw_client_close_status(late), 1008);
	mgw_client_free(late);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				"cert_revoked", 1), 1);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_POLICY_LOADED, NULL, 2), 2,
		     "start and reload each record the policy in force");
}

Test(ops, sighup_with_broken_policy_keeps_the_old_one)
{
	gw_start(&G, NULL);
	char p[700];
	snprintf(p, sizeof p, "%s/policy.yaml", G.dir);
	FILE *f = fopen(p, "w");
	fprintf(f, "this: [is not, a policy\n");
	fclose(f);
	kill(G.pid, SIGHUP);
	cr_assert(gw_log_wait(&G, "\"reload_failed\"", "\"policy\""),
		  "no reload_failed/policy in the log");
	/* Still serving, under the old policy. */
	send_fixture("health");
}

/* Rewrite audit record seq in db: flip a byte, and store a matching leaf hash. */
static void tamper(const char *db, int seq)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
	sqlite3_stmt *q;
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT record FROM audit WHERE seq=?", -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_int(q, 1, seq);
	cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
	int n = sqlite3_column_bytes(q, 0);
	uint8_t *rec = malloc((size_t)n);
	memcpy(rec, sqlite3_column_blob(q, 0), (size_t)n);
	sqlite3_finalize(q);
	rec[n - 1] ^= 0x01;
	uint8_t leaf[32];
	merkle_leaf_hash(rec, (size_t)n, leaf);
	cr_assert_eq(sqlite3_prepare_v2(h, "UPDATE audit SET record=?, leaf=? WHERE seq=?", -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_blob(q, 1, rec, n, SQLITE_STATIC);
	sqlite3_bind_blob(q, 2, leaf, 32, SQLITE_STATIC);
	sqlite3_bind_int(q, 3, seq);
	cr_assert_eq(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	sqlite3_close(h);
	free(rec);
}

Test(ops, clean_stop_signs_a_checkpoint_covering_every_share)
{
	gw_start(&G, NULL);
	send_fixture("health,idva");
	cr_assert_eq(gw_stop(&G), 0);
	char vkey[700];
	snprintf(vkey, sizeof vkey, "%s/state/audit.vkey", G.dir);
	char *v = slurp(vkey);
	cr_assert(v && strstr(v, "+") != NULL, "audit.vkey missing");
	free(v);
	cr_assert_geq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CHECKPOINT_SIGNED, NULL), 1);
}

Test(ops, altered_audit_record_in_the_store_stops_the_gateway_from_starting)
{
	gw_start(&G, NULL);
	send_fixture("health");
	cr_assert_eq(gw_stop(&G), 0);
	char db[700];
	snprintf(db, sizeof db, "%s/state/gateway.db", G.dir);
	/* Rewrite record 2 and its leaf hash consistently: only the signed checkpoint can tell. */
	tamper(db, 2);
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "'%s' --config '%s' > %s/start.out 2>&1", MARAC_GATEWAY_BIN,
		 G.config, G.dir);
	int rc = system(cmd);
	cr_assert_eq(WEXITSTATUS(rc), 3, "a tampered trail must stop the start");
	snprintf(cmd, sizeof cmd, "%s/start.out", G.dir);
	char *t = slurp(cmd);
	cr_assert(t && strstr(t, "refusing to start"), "%s", t ? t : "");
	free(t);
}

Test(ops, an_idle_gateway_signs_no_checkpoints_and_its_trail_is_covered)
{
	gw_start(&G, "audit:\n  checkpoint_secs: 1\n");
	send_fixture("health");
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CHECKPOINT_SIGNED, NULL, 1), 1);
	usleep(1500000);
	int before = audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CHECKPOINT_SIGNED, NULL);
	sleep(4);
	int after = audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CHECKPOINT_SIGNED, NULL);
	cr_assert_eq(after, before, "idle for 4 s, yet %d more checkpoints", after - before);
	/* Every record, the last checkpoint's own included, is under a signed checkpoint. */
	char dir[600], err[256], *note = NULL;
	uint64_t size = 0;
	snprintf(dir, sizeof dir, "%s/state", G.dir);
	store *s;
	cr_assert_eq(store_open(dir, 1, &s, err, sizeof err), MGW_OK);
	cr_assert_eq(store_checkpoint_latest(s, &size, &note), MGW_OK);
	cr_assert_eq(size, store_audit_size(s), "latest checkpoint %llu, trail %llu",
		     (unsigned long long)size, (unsigned long long)store_audit_size(s));
	free(note);
	store_close(s);
}

Test(ops, the_port_file_is_not_written_through_a_planted_link)
{
	gw_start(&G, NULL);
	cr_assert_eq(gw_stop(&G), 0);
	/* Someone who can write the directory plants the old predictable temp name. */
	char victim[700], link[700];
	snprintf(victim, sizeof victim, "%s/victim", G.dir);
	snprintf(link, sizeof link, "%s/port.tmp", G.dir);
	FILE *f = fopen(victim, "w");
	fputs("precious\n", f);
	fclose(f);
	cr_assert_eq(symlink(victim, link), 0);
	gw_restart(&G);
	char *v = slurp(victim);
	cr_assert_str_eq(v, "precious\n", "the port was written through the link");
	free(v);
}

static void sql(const char *db, const char *q)
{
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, q, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(h));
	sqlite3_close(h);
}

/* Start on the same state in the foreground; exit status, output in out. */
static int start_again(const char *extra_arg, char *out, size_t outlen)
{
	char cmd[1400], p[700];
	const char *bin = getenv("MARAC_TEST_GATEWAY") ? getenv("MARAC_TEST_GATEWAY")
						       : MARAC_GATEWAY_BIN;
	snprintf(cmd, sizeof cmd, "timeout 10 '%s' --config '%s' %s > %s/start.out 2>&1", bin,
		 G.config, extra_arg, G.dir);
	int rc = system(cmd);
	snprintf(p, sizeof p, "%s/start.out", G.dir);
	char *t = slurp(p);
	snprintf(out, outlen, "%s", t ? t : "");
	free(t);
	return WEXITSTATUS(rc);
}

static void one_share_and_stop(void)
{
	send_fixture("health,idva");
	cr_assert_eq(gw_stop(&G), 0);
}

Test(ops, a_trail_cut_back_with_its_checkpoints_stops_the_start)
{
	gw_start(&G, NULL);
	one_share_and_stop();
	char db[700], out[4096];
	snprintf(db, sizeof db, "%s/state/gateway.db", G.dir);
	sql(db, "DELETE FROM audit WHERE seq >= 3; DELETE FROM checkpoints;");
	cr_assert_eq(start_again("", out, sizeof out), 3, "started on a cut-back trail: %s", out);
	cr_assert(strstr(out, "cut back"), "%s", out);
}

Test(ops, an_edited_record_with_the_checkpoints_deleted_stops_the_start)
{
	gw_start(&G, NULL);
	one_share_and_stop();
	char db[700], out[4096];
	snprintf(db, sizeof db, "%s/state/gateway.db", G.dir);
	tamper(db, 2);
	sql(db, "DELETE FROM checkpoints;");
	cr_assert_eq(start_again("", out, sizeof out), 3, "started on an edited trail: %s", out);
}

Test(ops, a_deleted_audit_key_is_not_silently_replaced)
{
	gw_start(&G, NULL);
	one_share_and_stop();
	char key[700], vkey[700], out[4096];
	snprintf(key, sizeof key, "%s/state/audit.key", G.dir);
	snprintf(vkey, sizeof vkey, "%s/state/audit.vkey", G.dir);
	char *before = slurp(vkey);
	cr_assert_eq(unlink(key), 0);
	cr_assert_eq(start_again("", out, sizeof out), 3, "a new key was made: %s", out);
	char *after = slurp(vkey);
	cr_assert_str_eq(after, before, "audit.vkey was overwritten");
	free(before);
	free(after);
	cr_assert(strstr(out, "--new-audit-key"), "%s", out);
}

Test(ops, new_audit_key_replaces_a_deleted_key_on_purpose_and_keeps_the_old_vkey)
{
	gw_start(&G, NULL);
	one_share_and_stop();
	char key[700], vkey[700], cmd[1400], p[700];
	snprintf(key, sizeof key, "%s/state/audit.key", G.dir);
	snprintf(vkey, sizeof vkey, "%s/state/audit.vkey", G.dir);
	char *before = slurp(vkey);
	cr_assert_eq(unlink(key), 0);
	/* Runs (is stopped by timeout's SIGTERM after 3 s) instead of refusing. */
	snprintf(cmd, sizeof cmd, "timeout 3 '%s' --config '%s' --new-audit-key > %s/start.out 2>&1",
		 MARAC_GATEWAY_BIN, G.config, G.dir);
	int rc = system(cmd);
	snprintf(p, sizeof p, "%s/start.out", G.dir);
	char *t = slurp(p);
	cr_assert_eq(WEXITSTATUS(rc), 124, "did not run with --new-audit-key: %s", t ? t : "");
	free(t);
	char *after = slurp(vkey);
	cr_assert(after && strcmp(after, before) != 0, "audit.vkey is not the new key's");
	snprintf(cmd, sizeof cmd, "ls %s/state/audit.vkey.replaced-* >/dev/null 2>&1", G.dir);
	cr_assert_eq(system(cmd), 0, "the old verifier key was not kept for auditors");
	free(before);
	free(after);
	/* The next start, without the option, takes the new key and the trail. */
	gw_restart(&G);
	cr_assert_eq(gw_stop(&G), 0);
}

Test(ops, an_outbox_body_edited_offline_is_not_delivered)
{
	gw_start(&G, NULL);
	send_fixture("health");
	cr_assert_eq(gw_stop(&G), 0);
	/* Offline, someone with the file rewrites the queued body (same length). */
	char db[700];
	snprintf(db, sizeof db, "%s/state/gateway.db", G.dir);
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
	sqlite3_stmt *q;
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT d.delivery_id, b.body FROM delivery_body b"
					   " JOIN deliveries d ON d.body_id=b.body_id", -1, &q, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
	char id[40];
	snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(q, 0));
	int n = sqlite3_column_bytes(q, 1);
	uint8_t *b = malloc((size_t)n);
	memcpy(b, sqlite3_column_blob(q, 1), (size_t)n);
	sqlite3_finalize(q);
	/* The area, which every view carries: protobuf stays valid. */
	uint8_t *hit = memmem(b, (size_t)n, "testshire", 9);
	cr_assert_not_null(hit);
	memcpy(hit, "TESTSHIRE", 9);
	cr_assert_eq(sqlite3_prepare_v2(h, "UPDATE delivery_body SET body=? WHERE body_id="
					   "(SELECT body_id FROM deliveries WHERE delivery_id=?)", -1, &q,
					NULL), SQLITE_OK);
	sqlite3_bind_blob(q, 1, b, n, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, id, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	sqlite3_close(h);
	free(b);
	gw_restart(&G);
	char err[512];
	mgw_client *c = node(&G, "health", err, sizeof err);
	cr_assert_not_null(c, "%s", err);
	Marac__V1__Frame *f = NULL;
	int rc = mgw_client_recv(c, 3000, &f);
	if (rc == MGW_OK) {
		int deliver = f->body_case == MARAC__V1__FRAME__BODY_DELIVER;
		codec_free(&f->base);
		cr_assert(!deliver, "the edited body was delivered");
	}
	mgw_client_free(c);
	char *log = slurp(G.log);
	cr_assert(log && strstr(log, "outbox_tampered"), "not logged");
	free(log);
}

Test(ops, a_corrupted_store_page_stops_the_start)
{
	gw_start(&G, NULL);
	one_share_and_stop();
	char db[700], out[4096];
	snprintf(db, sizeof db, "%s/state/gateway.db", G.dir);
	/* A page of the outbox's index, which start-up itself never reads. */
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
	sqlite3_stmt *q;
	int page = 0, psize = 4096;
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT pageno FROM dbstat WHERE name='deliveries_unacked'"
					   " LIMIT 1", -1, &q, NULL), SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW)
		page = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	cr_assert_eq(sqlite3_prepare_v2(h, "PRAGMA page_size", -1, &q, NULL), SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW)
		psize = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	sqlite3_close(h);
	cr_assert_gt(page, 1);
	FILE *f = fopen(db, "r+b");
	cr_assert_not_null(f);
	fseek(f, (long)(page - 1) * psize, SEEK_SET);
	unsigned char junk[64];
	memset(junk, 0xA5, sizeof junk);
	fwrite(junk, 1, sizeof junk, f);
	fclose(f);
	cr_assert_eq(start_again("", out, sizeof out), 3, "started on a damaged store: %s", out);
	cr_assert(strstr(out, "integrity"), "%s", out);
}

/* 1 if needle occurs in the file at path (binary search through its bytes). */
static int file_has(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return 0;
	size_t cap = 1u << 20, n = 0, r;
	char *b = malloc(cap);
	cr_assert_not_null(b);
	while ((r = fread(b + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			cap *= 2;
			b = realloc(b, cap);
			cr_assert_not_null(b);
		}
	}
	fclose(f);
	int hit = memmem(b, n, needle, strlen(needle)) != NULL;
	free(b);
	return hit;
}

Test(ops, delivered_case_contents_are_deleted_after_retention)
{
	gw_start(&G, "limits:\n  delivery_retention_secs: 0\n");
	char err[512];
	send_fixture("health");
	char db[700], wal[720];
	snprintf(db, sizeof db, "%s/state/gateway.db", G.dir);
	snprintf(wal, sizeof wal, "%s/state/gateway.db-wal", G.dir);
	/* queued, not yet acked: the view is in the store (the words health may read) */
	cr_assert(file_has(db, "saw the assault") || file_has(wal, "saw the assault"),
		  "the queued view is not in the store: the test would prove nothing");
	mgw_client *c = node(&G, "health", err, sizeof err);
	cr_assert_not_null(c, "%s", err);
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(mgw_client_recv(c, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
	cr_assert_eq(mgw_client_ack(c, f->deliver->delivery_id, f->deliver->seq), MGW_OK);
	codec_free(&f->base);
	/* acked and past a retention of 0 s: the idle writer purges within seconds */
	int gone = 0;
	for (int i = 0; i < 100 && !gone; i++) {
		usleep(100 * 1000);
		char *log = slurp(G.log);
		gone = log && strstr(log, "delivery_bodies_purged");
		free(log);
	}
	mgw_client_free(c);
	cr_assert(gone, "no purge logged");
	cr_assert_eq(gw_stop(&G), 0);
	cr_assert(!file_has(db, "saw the assault") && !file_has(wal, "saw the assault"),
		  "delivered case contents are still in the database or its WAL");
}

/*
 * Make DIR/short.crt (and .key), signed by the test CA, valid from an hour
 * ago until secs from now; its "sha256:AA:BB:..." fingerprint into fp.
 */
static void short_lived_cert(const char *dir, int secs, char *fp, size_t fplen)
{
	char start[20], end[20], cmd[4096];
	time_t now = time(NULL), t0 = now - 3600, t1 = now + secs;
	strftime(start, sizeof start, "%Y%m%d%H%M%SZ", gmtime(&t0));
	strftime(end, sizeof end, "%Y%m%d%H%M%SZ", gmtime(&t1));
	snprintf(cmd, sizeof cmd,
		 "set -e; cd '%s'; mkdir -p sdb; : > sdb/index.txt; echo 7000 > sdb/serial;"
		 "printf '[ca]\\ndefault_ca=s\\n[s]\\ndir=%s/sdb\\ndatabase=$dir/index.txt\\n"
		 "new_certs_dir=$dir\\nserial=$dir/serial\\ncertificate=%s\\nprivate_key=%s\\n"
		 "default_md=sha256\\npolicy=p\\nunique_subject=no\\n[p]\\ncommonName=supplied\\n"
		 "[x]\\nbasicConstraints=critical,CA:FALSE\\nkeyUsage=critical,digitalSignature\\n"
		 "extendedKeyUsage=clientAuth\\n' > s.cnf;"
		 "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out short.key"
		 " 2>/dev/null;"
		 "openssl req -new -key short.key -subj '/O=MARAC Dev/OU=health/CN=short.testshire'"
		 " -out short.csr;"
		 "openssl ca -batch -config s.cnf -extensions x -startdate %s -enddate %s"
		 " -in short.csr -out short.crt -notext 2>/dev/null;"
		 "openssl x509 -in short.crt -noout -fingerprint -sha256 | sed 's/.*=//' > short.fp",
		 dir, dir, pki_file("ca.crt"), pki_file("ca.key"), start, end);
	cr_assert_eq(system(cmd), 0, "cannot make a short-lived certificate");
	char p[700];
	snprintf(p, sizeof p, "%s/short.fp", dir);
	char *s = slurp(p);
	cr_assert_not_null(s);
	s[strcspn(s, "\n")] = 0;
	snprintf(fp, fplen, "sha256:%s", s);
	free(s);
}

/*
 * The chain is verified at the handshake, but a node stays connected for
 * days: a certificate that expires meanwhile ends the session (close 1008,
 * audited CONNECTION_REFUSED cert_expired), as a new connection with it
 * would be refused.
 */
Test(ops, a_certificate_that_expires_while_connected_ends_the_session)
{
	gw_start(&G, NULL);
	char fp[160];
	short_lived_cert(G.dir, 12, fp, sizeof fp);
	FILE *f = fopen(G.config, "a");
	cr_assert_not_null(f);
	fprintf(f, "  - id: health-short\n    agency: health\n    fingerprint: \"%s\"\n"
		   "    roles: [node]\n    areas: [testshire]\n", fp);
	fclose(f);
	kill(G.pid, SIGHUP);
	cr_assert(gw_log_wait(&G, "\"reloaded\"", NULL), "no reload");
	char crt[700], key[700], err[512];
	snprintf(crt, sizeof crt, "%s/short.crt", G.dir);
	snprintf(key, sizeof key, "%s/short.key", G.dir);
	struct mgw_client_opts o = {.url = G.url, .cert = crt, .key = key,
				    .ca = pki_file("ca.crt"), .timeout_ms = 5000};
	mgw_client *c = NULL;
	cr_assert_eq(mgw_client_connect(&o, &c, err, sizeof err), MGW_OK, "%s", err);
	cr_assert_str_eq(mgw_client_welcome(c)->node_id, "health-short");
	int rc = MGW_E_TIMEOUT;
	for (int waited = 0; waited < 25000 && rc != MGW_E_CLOSED; waited += 500) {
		Marac__V1__Frame *fr = NULL;
		rc = mgw_client_recv(c, 500, &fr);
		if (rc == MGW_OK)
			codec_free(&fr->base);
	}
	cr_assert_eq(rc, MGW_E_CLOSED, "still connected 25 s after the certificate expired");
	cr_assert_eq(mgw_client_close_status(c), 1008);
	mgw_client_free(c);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				"cert_expired", 1), 1);
}

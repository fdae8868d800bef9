/*
 * bench_audit_verify.c: offline verification speed of an audit export.
 *
 *   bench_audit_verify [--records N] [--every K] [--dir DIR] [--keep]
 *
 * Writes an export of N (default 1,000,000) realistic delivery records
 * (node ids, case ref, msg and delivery ids, three SHA-256 digests, a
 * three-entry redaction manifest, purpose and lawful basis: synthetic, no
 * personal data) with a signed checkpoint after every K (default 1000),
 * under a fresh key in a new directory in DIR (default /tmp), then times
 * auditlog_verify_file() over it: decode, seq/time/canonical checks, leaf
 * hashes, the compact Merkle range, and every checkpoint's Ed25519
 * signature. The file is read cold from the page cache as the OS left it
 * after writing (no drop_caches: that needs root).
 *
 * Prints a human line and one JSON line:
 *   {"bench":"audit_verify","records":N,...,"records_per_s":R}
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "auditlog.h"
#include "checkpoint.h"
#include "codec.h"
#include "mgw_err.h"

#define ORIGIN "marac.bench/audit"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void fill(uint8_t *d, uint64_t seed)
{
	uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
	for (int k = 0; k < 32; k++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		d[k] = (uint8_t)x;
	}
}

static int write_record(auditlog_writer *w, uint64_t seq, int64_t t)
{
	char case_ref[32], msg_id[48], delivery_id[48], recip[32];
	uint8_t orig[32], view[32], pol[32];
	snprintf(case_ref, sizeof case_ref, "MARAC-NE-%05u", (unsigned)(seq / 40 % 99991));
	snprintf(msg_id, sizeof msg_id, "police-node-01:%016" PRIx64, seq / 3);
	snprintf(delivery_id, sizeof delivery_id, "dlv-%016" PRIx64, seq);
	snprintf(recip, sizeof recip, "agency-node-%02u", (unsigned)(seq % 3 + 2));
	fill(orig, seq / 3);
	fill(view, seq);
	fill(pol, 1);
	Marac__V1__RedactionEntry m[3] = {MARAC__V1__REDACTION_ENTRY__INIT,
					  MARAC__V1__REDACTION_ENTRY__INIT,
					  MARAC__V1__REDACTION_ENTRY__INIT};
	m[0].path = "victim.address";
	m[0].action = MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_WITHHOLD;
	m[0].ground = "foia-s38";
	m[0].count = 1;
	m[1].path = "others[].phones";
	m[1].action = MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_MASK;
	m[1].ground = "foia-s40-2";
	m[1].count = 2;
	m[2].path = "narrative";
	m[2].action = MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_SCRUB;
	m[2].ground = "need-to-know";
	m[2].count = (uint32_t)(seq % 7);
	Marac__V1__RedactionEntry *mp[3] = {&m[0], &m[1], &m[2]};
	Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
	r.seq = seq;
	r.time_ms = t;
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED;
	r.actor_node = "police-node-01";
	r.actor_agency = MARAC__V1__AGENCY__AGENCY_POLICE;
	r.recipient_node = recip;
	r.recipient_agency = MARAC__V1__AGENCY__AGENCY_IDVA;
	r.case_ref = case_ref;
	r.msg_id = msg_id;
	r.delivery_id = delivery_id;
	r.original_sha256 = (ProtobufCBinaryData){32, orig};
	r.view_sha256 = (ProtobufCBinaryData){32, view};
	r.policy_sha256 = (ProtobufCBinaryData){32, pol};
	r.n_manifest = 3;
	r.manifest = mp;
	r.purpose = MARAC__V1__PURPOSE__PURPOSE_MEETING;
	r.lawful_basis = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18;
	uint8_t buf[1024];
	size_t n = protobuf_c_message_get_packed_size(&r.base);
	if (n > sizeof buf)
		return MGW_E_TOO_LARGE;
	protobuf_c_message_pack(&r.base, buf);
	return auditlog_writer_record(w, buf, n);
}

int main(int argc, char **argv)
{
	uint64_t nrec = 1000000, every = 1000;
	const char *base = "/tmp";
	int keep = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--records") == 0 && i + 1 < argc)
			nrec = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--every") == 0 && i + 1 < argc)
			every = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			base = argv[++i];
		else if (strcmp(argv[i], "--keep") == 0)
			keep = 1;
		else {
			fprintf(stderr, "usage: %s [--records N] [--every K] [--dir DIR] [--keep]\n",
				argv[0]);
			return 2;
		}
	}
	if (every == 0)
		every = nrec + 1;

	char dir[512], keypath[600], path[600];
	snprintf(dir, sizeof dir, "%s/marac-bench-audit-XXXXXX", base);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(keypath, sizeof keypath, "%s/audit.key", dir);
	snprintf(path, sizeof path, "%s/audit.export", dir);
	checkpoint_key *key = NULL;
	char *vkey = NULL;
	if (checkpoint_key_generate(keypath, ORIGIN) != MGW_OK ||
	    checkpoint_key_load(keypath, &key) != MGW_OK || checkpoint_key_vkey(key, &vkey) != MGW_OK) {
		fprintf(stderr, "bench: key generation failed\n");
		return 1;
	}

	double t0 = now_s();
	FILE *f = fopen(path, "wb");
	auditlog_writer *w = NULL;
	int rc = f ? auditlog_writer_open(f, ORIGIN, &w) : MGW_E_IO;
	uint64_t ncp = 0;
	for (uint64_t i = 0; rc == MGW_OK && i < nrec; i++) {
		rc = write_record(w, i, 1767225600000LL + (int64_t)i * 37);
		if (rc == MGW_OK && (i + 1) % every == 0) {
			uint8_t root[32];
			char *note = NULL;
			rc = auditlog_writer_root(w, root);
			if (rc == MGW_OK)
				rc = checkpoint_sign(key, ORIGIN, i + 1, root, &note);
			if (rc == MGW_OK)
				rc = auditlog_writer_checkpoint(w, note, strlen(note));
			free(note);
			ncp++;
		}
	}
	if (rc == MGW_OK)
		rc = auditlog_writer_finish(w);
	auditlog_writer_free(w);
	if (f == NULL || fclose(f) != 0 || rc != MGW_OK) {
		fprintf(stderr, "bench: writing the export failed: %s\n", mgw_strerror(rc));
		return 1;
	}
	double t1 = now_s();
	struct stat st;
	stat(path, &st);

	struct auditlog_report rep;
	double t2 = now_s();
	rc = auditlog_verify_file(path, vkey, AUDITLOG_REQUIRE_COVERAGE, &rep);
	double t3 = now_s();
	if (rc != MGW_OK || rep.records != nrec) {
		fprintf(stderr, "bench: verification failed: %s\n", rep.message);
		return 1;
	}
	double secs = t3 - t2, rps = (double)nrec / secs;
	printf("wrote %" PRIu64 " records + %" PRIu64 " checkpoints (%.1f MiB) in %.2f s\n", nrec,
	       ncp, (double)st.st_size / (1 << 20), t1 - t0);
	printf("verified in %.3f s: %.0f records/s, %.1f MiB/s (%s)\n", secs, rps,
	       (double)st.st_size / (1 << 20) / secs, rep.message);
	printf("{\"bench\":\"audit_verify\",\"records\":%" PRIu64 ",\"checkpoints\":%" PRIu64
	       ",\"bytes\":%lld,\"seconds\":%.3f,\"records_per_s\":%.0f}\n",
	       nrec, ncp, (long long)st.st_size, secs, rps);

	if (!keep) {
		unlink(path);
		unlink(keypath);
		rmdir(dir);
	} else {
		printf("kept %s (vkey %s)\n", dir, vkey);
	}
	free(vkey);
	checkpoint_key_free(key);
	return 0;
}

/*
 * Audit export: an honest export verifies; every kind of tampering is
 * detected and named (exactly where the file allows it, as a range where a
 * root mismatch is all there is).
 *
 * Set MARAC_WRITE_FUZZ_SEEDS=DIR to (re)write the fuzz seed corpus
 * (tests/fuzz/corpus/auditlog/) from test write_fuzz_seeds; they are signed
 * with the published transparency-dev/formats test key "Log", whose
 * verifier key fuzz_auditlog.c embeds.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auditlog.h"
#include "checkpoint.h"
#include "codec.h"
#include "mgw_err.h"

#define ORIGIN "marac.test/audit"
#define T0 1767225600000LL /* 2026-01-01T00:00:00Z */
#define LOG_SKEY "PRIVATE+KEY+Log+2271c621+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ"
#define LOG_VKEY "Log+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs"

/* ---- synthetic records: ids and digests only ---------------------------------------- */

static void fill(uint8_t *d, uint64_t seed)
{
	for (int k = 0; k < 32; k++)
		d[k] = (uint8_t)(seed * 31 + (uint64_t)k * 7 + 1);
}

static uint8_t *pack_record(uint64_t seq, int64_t t, size_t *len)
{
	char case_ref[32], msg_id[32], delivery_id[32];
	uint8_t orig[32], view[32], pol[32];
	snprintf(case_ref, sizeof case_ref, "MARAC-T-%04u", (unsigned)(seq % 977));
	snprintf(msg_id, sizeof msg_id, "m-%llu", (unsigned long long)seq / 3);
	snprintf(delivery_id, sizeof delivery_id, "d-%llu", (unsigned long long)seq);
	fill(orig, seq);
	fill(view, seq + 1000003);
	fill(pol, 7);
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
	m[2].count = 4;
	Marac__V1__RedactionEntry *mp[3] = {&m[0], &m[1], &m[2]};
	Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
	r.seq = seq;
	r.time_ms = t;
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED;
	r.actor_node = "police-node-01";
	r.actor_agency = MARAC__V1__AGENCY__AGENCY_POLICE;
	r.recipient_node = "idva-node-02";
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
	uint8_t *buf;
	cr_assert_eq(codec_pack(&r.base, &buf, len), MGW_OK);
	return buf;
}

/* ---- building exports -------------------------------------------------------------- */

struct blob {
	char *data;
	size_t len;
};

static checkpoint_key *key;
static char *vkey;
static char keydir[64];

/* A freshly generated key, as the gateway would make one. */
static void setup(void)
{
	char path[128];
	strcpy(keydir, "/tmp/marac-al-XXXXXX");
	cr_assert_not_null(mkdtemp(keydir));
	snprintf(path, sizeof path, "%s/audit.key", keydir);
	cr_assert_eq(checkpoint_key_generate(path, ORIGIN), MGW_OK);
	cr_assert_eq(checkpoint_key_load(path, &key), MGW_OK);
	cr_assert_eq(checkpoint_key_vkey(key, &vkey), MGW_OK);
	unlink(path);
	rmdir(keydir);
}

static void teardown(void)
{
	checkpoint_key_free(key);
	free(vkey);
}

static int64_t time_of(uint64_t i)
{
	return T0 + (int64_t)i * 1000;
}

/* nrec records, a checkpoint after every `every` (0: none), times from tf. */
static struct blob build_with(checkpoint_key *k, uint64_t nrec, uint64_t every,
			      int64_t (*tf)(uint64_t))
{
	struct blob b = {0};
	FILE *f = open_memstream(&b.data, &b.len);
	auditlog_writer *w;
	cr_assert_eq(auditlog_writer_open(f, ORIGIN, &w), MGW_OK);
	for (uint64_t i = 0; i < nrec; i++) {
		size_t n;
		uint8_t *rec = pack_record(i, tf(i), &n);
		cr_assert_eq(auditlog_writer_record(w, rec, n), MGW_OK, "record %lu", (unsigned long)i);
		free(rec);
		if (every && (i + 1) % every == 0) {
			uint8_t root[32];
			char *note;
			cr_assert_eq(auditlog_writer_root(w, root), MGW_OK);
			cr_assert_eq(checkpoint_sign(k, ORIGIN, i + 1, root, &note), MGW_OK);
			cr_assert_eq(auditlog_writer_checkpoint(w, note, strlen(note)), MGW_OK);
			free(note);
		}
	}
	cr_assert_eq(auditlog_writer_finish(w), MGW_OK);
	auditlog_writer_free(w);
	fclose(f);
	return b;
}

static struct blob build(uint64_t nrec, uint64_t every)
{
	return build_with(key, nrec, every, time_of);
}

static int verify_blob(const struct blob *b, unsigned flags, struct auditlog_report *rep)
{
	FILE *f = fmemopen(b->data, b->len, "rb");
	cr_assert_not_null(f);
	int rc = auditlog_verify_stream(f, vkey, flags, rep);
	fclose(f);
	return rc;
}

/* ---- taking an export apart, to tamper with it -------------------------------------- */

struct ent {
	uint8_t type;
	uint8_t *p;
	size_t len;
};

struct parts {
	uint8_t hdr[300];
	size_t hdr_len;
	struct ent e[1024];
	size_t n;
};

static void split(const struct blob *b, struct parts *ps)
{
	const uint8_t *d = (const uint8_t *)b->data;
	ps->hdr_len = 10 + d[9];
	memcpy(ps->hdr, d, ps->hdr_len);
	ps->n = 0;
	for (size_t off = ps->hdr_len; off < b->len;) {
		struct ent *e = &ps->e[ps->n++];
		e->type = d[off];
		e->len = (size_t)d[off + 1] << 24 | (size_t)d[off + 2] << 16 | (size_t)d[off + 3] << 8 |
			 d[off + 4];
		e->p = malloc(e->len + 1);
		memcpy(e->p, d + off + 5, e->len);
		((char *)e->p)[e->len] = '\0';
		off += 5 + e->len;
	}
}

static void parts_free(struct parts *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->e[i].p);
	ps->n = 0;
}

/* Recompute the trailer's counts, as a careful tamperer would. */
static void fix_trailer(struct parts *ps)
{
	uint64_t r = 0, c = 0;
	for (size_t i = 0; i < ps->n; i++) {
		r += ps->e[i].type == 1;
		c += ps->e[i].type == 2;
	}
	struct ent *t = &ps->e[ps->n - 1];
	cr_assert_eq(t->type, 3);
	for (int k = 0; k < 8; k++) {
		t->p[k] = (uint8_t)(r >> (56 - 8 * k));
		t->p[8 + k] = (uint8_t)(c >> (56 - 8 * k));
	}
}

static struct blob join(const struct parts *ps)
{
	struct blob b = {0};
	FILE *f = open_memstream(&b.data, &b.len);
	fwrite(ps->hdr, 1, ps->hdr_len, f);
	for (size_t i = 0; i < ps->n; i++) {
		const struct ent *e = &ps->e[i];
		uint8_t h[5] = {e->type, (uint8_t)(e->len >> 24), (uint8_t)(e->len >> 16),
				(uint8_t)(e->len >> 8), (uint8_t)e->len};
		fwrite(h, 1, 5, f);
		fwrite(e->p, 1, e->len, f);
	}
	fclose(f);
	return b;
}

/* Index in ps->e of the record with position seq, or of the checkpoint for size. */
static size_t rec_at(const struct parts *ps, uint64_t seq)
{
	uint64_t k = 0;
	for (size_t i = 0; i < ps->n; i++)
		if (ps->e[i].type == 1 && k++ == seq)
			return i;
	cr_assert_fail("no record %lu", (unsigned long)seq);
	return 0;
}

static size_t cp_at(const struct parts *ps, uint64_t size)
{
	uint64_t k = 0;
	for (size_t i = 0; i < ps->n; i++) {
		k += ps->e[i].type == 1;
		if (ps->e[i].type == 2 && k == size)
			return i;
	}
	cr_assert_fail("no checkpoint at %lu", (unsigned long)size);
	return 0;
}

static void remove_at(struct parts *ps, size_t i)
{
	free(ps->e[i].p);
	memmove(&ps->e[i], &ps->e[i + 1], (ps->n - i - 1) * sizeof ps->e[0]);
	ps->n--;
}

static void insert_at(struct parts *ps, size_t i, uint8_t type, const void *p, size_t len)
{
	memmove(&ps->e[i + 1], &ps->e[i], (ps->n - i) * sizeof ps->e[0]);
	ps->e[i].type = type;
	ps->e[i].p = malloc(len + 1);
	memcpy(ps->e[i].p, p, len);
	ps->e[i].len = len;
	ps->n++;
}

static void replace(struct ent *e, const void *p, size_t len)
{
	free(e->p);
	e->p = malloc(len + 1);
	memcpy(e->p, p, len);
	e->len = len;
}

/* Tamper, re-join, verify; returns the verdict. */
static int verify_parts(struct parts *ps, unsigned flags, struct auditlog_report *rep)
{
	struct blob b = join(ps);
	int rc = verify_blob(&b, flags, rep);
	free(b.data);
	cr_log_info("%s", rep->message);
	return rc;
}

static void expect_culprit(const struct auditlog_report *rep, uint64_t first, uint64_t last,
			   int exact)
{
	cr_assert(rep->has_culprit, "%s", rep->message);
	cr_assert_eq(rep->culprit_first, first, "%s", rep->message);
	cr_assert_eq(rep->culprit_last, last, "%s", rep->message);
	cr_assert_eq(rep->culprit_exact, exact, "%s", rep->message);
}

#define expect_msg(rep, s) cr_assert_not_null(strstr((rep)->message, (s)), "%s", (rep)->message)

/* ---- honest exports ------------------------------------------------------------------ */

TestSuite(auditlog, .init = setup, .fini = teardown);

Test(auditlog, honest_export_verifies)
{
	struct blob b = build(300, 50);
	struct auditlog_report rep;
	cr_assert_eq(verify_blob(&b, AUDITLOG_REQUIRE_COVERAGE, &rep), MGW_OK, "%s", rep.message);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_NONE);
	cr_assert_eq(rep.records, 300);
	cr_assert_eq(rep.checkpoints, 6);
	cr_assert_eq(rep.proven, 300);
	cr_assert_eq(rep.warnings, 0, "%s", rep.warning);
	cr_assert_str_eq(rep.origin, ORIGIN);
	expect_msg(&rep, "records 0..299 proven");

	/* The same through a file. */
	char path[] = "/tmp/marac-al-export-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_eq(write(fd, b.data, b.len), (ssize_t)b.len);
	close(fd);
	cr_assert_eq(auditlog_verify_file(path, vkey, 0, &rep), MGW_OK, "%s", rep.message);
	unlink(path);
	cr_assert_eq(auditlog_verify_file(path, vkey, 0, &rep), MGW_E_IO);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_IO);
	free(b.data);
}

Test(auditlog, empty_export_verifies)
{
	struct blob b = build(0, 0);
	struct auditlog_report rep;
	cr_assert_eq(verify_blob(&b, AUDITLOG_REQUIRE_COVERAGE, &rep), MGW_OK, "%s", rep.message);
	cr_assert_eq(rep.records, 0);
	free(b.data);
}

Test(auditlog, uncovered_tail_warns_or_fails_on_request)
{
	struct blob b = build(290, 50);
	struct auditlog_report rep;
	cr_assert_eq(verify_blob(&b, 0, &rep), MGW_OK, "%s", rep.message);
	cr_assert_eq(rep.warnings, 1);
	cr_assert_eq(rep.proven, 250);
	cr_assert_not_null(strstr(rep.warning, "no checkpoint covers records 250..289"), "%s",
			   rep.warning);
	cr_assert_eq(verify_blob(&b, AUDITLOG_REQUIRE_COVERAGE, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_UNCOVERED);
	expect_culprit(&rep, 250, 289, 1);
	free(b.data);
}

static int64_t clock_steps_back(uint64_t i)
{
	return time_of(i) - (i >= 120 ? 60000 : 0);
}

Test(auditlog, signed_clock_step_back_is_a_warning_not_tampering)
{
	struct blob b = build_with(key, 200, 50, clock_steps_back);
	struct auditlog_report rep;
	cr_assert_eq(verify_blob(&b, 0, &rep), MGW_OK, "%s", rep.message);
	cr_assert_eq(rep.warnings, 1);
	cr_assert_not_null(strstr(rep.warning, "record 120"), "%s", rep.warning);
	cr_assert_not_null(strstr(rep.warning, "clock went back"), "%s", rep.warning);
	/* Not covered by a checkpoint, the same regression is a failure. */
	struct blob u = build_with(key, 140, 100, clock_steps_back);
	cr_assert_eq(verify_blob(&u, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_RECORD_TIME);
	expect_culprit(&rep, 120, 120, 1);
	free(b.data);
	free(u.data);
}

/* ---- tampering with records ------------------------------------------------------------ */

Test(auditlog, changed_byte_inside_a_record_is_located_to_its_checkpoint_range)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	/* Flip one bit of record 120's original-document digest: it still decodes. */
	struct ent *e = &ps.e[rec_at(&ps, 120)];
	uint8_t digest[32];
	fill(digest, 120);
	uint8_t *at = memmem(e->p, e->len, digest, 32);
	cr_assert_not_null(at);
	at[5] ^= 0x01;
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_ROOT_MISMATCH);
	expect_culprit(&rep, 100, 149, 0);
	cr_assert_not(rep.has_likely);
	expect_msg(&rep, "records 100..149: root mismatch at the checkpoint for size 150");
	cr_assert_eq(rep.proven, 100);
	parts_free(&ps);
	free(b.data);

	/* With a checkpoint after every record, the range is one record: exact. */
	b = build(10, 1);
	split(&b, &ps);
	e = &ps.e[rec_at(&ps, 4)];
	fill(digest, 4);
	at = memmem(e->p, e->len, digest, 32);
	cr_assert_not_null(at);
	at[0] ^= 0x80;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_ROOT_MISMATCH);
	expect_culprit(&rep, 4, 4, 1);
	expect_msg(&rep, "record 4 altered: root mismatch at the checkpoint for size 5");
	parts_free(&ps);
	free(b.data);
}

Test(auditlog, changed_byte_that_breaks_decoding_is_named_exactly)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	ps.e[rec_at(&ps, 42)].p[0] = 0xff; /* wire type 7: not protobuf */
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_RECORD_DECODE);
	expect_culprit(&rep, 42, 42, 1);
	expect_msg(&rep, "record 42: does not decode");
	parts_free(&ps);
	free(b.data);
}

Test(auditlog, edited_seq_is_named_exactly)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	struct ent *e = &ps.e[rec_at(&ps, 120)];
	cr_assert_eq(e->p[0], 0x08); /* field 1, varint */
	cr_assert_eq(e->p[1], 120);
	e->p[1] = 121;
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_RECORD_SEQ);
	expect_culprit(&rep, 120, 120, 1);
	expect_msg(&rep, "record 120: carries seq 121 although record 121 follows it");
	parts_free(&ps);
	free(b.data);
}

/* Re-pack record seq of ps with a change made by fn. */
static void edit_record(struct parts *ps, uint64_t seq, void (*fn)(Marac__V1__AuditRecord *))
{
	struct ent *e = &ps->e[rec_at(ps, seq)];
	ProtobufCMessage *m;
	cr_assert_eq(codec_unpack(&marac__v1__audit_record__descriptor, e->p, e->len, 1 << 20, &m),
		     MGW_OK);
	fn((Marac__V1__AuditRecord *)m);
	uint8_t *buf;
	size_t n;
	cr_assert_eq(codec_pack(m, &buf, &n), MGW_OK);
	replace(e, buf, n);
	free(buf);
	codec_free(m);
}

static void backdate(Marac__V1__AuditRecord *r)
{
	r->time_ms -= 3600 * 1000;
}

Test(auditlog, altered_record_with_an_anomaly_is_named_as_likely)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	edit_record(&ps, 120, backdate);
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_ROOT_MISMATCH);
	expect_culprit(&rep, 100, 149, 0);
	cr_assert(rep.has_likely);
	cr_assert_eq(rep.likely, 120);
	expect_msg(&rep, "record 120 altered (likely)");
	expect_msg(&rep, "time goes backwards");
	parts_free(&ps);

	/* An unknown field slipped in front: decodes, but is not canonical. */
	split(&b, &ps);
	struct ent *e = &ps.e[rec_at(&ps, 77)];
	uint8_t *p = malloc(e->len + 3);
	p[0] = 0x98; /* field 99, varint */
	p[1] = 0x06;
	p[2] = 0x01;
	memcpy(p + 3, e->p, e->len);
	replace(e, p, e->len + 3);
	free(p);
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_ROOT_MISMATCH);
	expect_culprit(&rep, 50, 99, 0);
	cr_assert(rep.has_likely);
	cr_assert_eq(rep.likely, 77);
	expect_msg(&rep, "encoding is not canonical");
	parts_free(&ps);
	free(b.data);
}

Test(auditlog, deleted_record_is_named)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	remove_at(&ps, rec_at(&ps, 17));
	fix_trailer(&ps);
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_RECORD_SEQ);
	expect_culprit(&rep, 17, 17, 1);
	expect_msg(&rep, "record 17 missing");
	parts_free(&ps);

	/* Several. */
	split(&b, &ps);
	for (int k = 0; k < 3; k++)
		remove_at(&ps, rec_at(&ps, 17));
	fix_trailer(&ps);
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	expect_culprit(&rep, 17, 19, 1);
	expect_msg(&rep, "records 17..19 missing");
	parts_free(&ps);

	/* The last record before a checkpoint: the checkpoint's size names it. */
	split(&b, &ps);
	remove_at(&ps, rec_at(&ps, 99));
	fix_trailer(&ps);
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_CHECKPOINT_SIZE);
	expect_culprit(&rep, 99, 99, 1);
	expect_msg(&rep, "record 99 missing");
	parts_free(&ps);
	free(b.data);
}

Test(auditlog, swapped_records_are_named)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	size_t i = rec_at(&ps, 17);
	struct ent t = ps.e[i];
	ps.e[i] = ps.e[i + 1];
	ps.e[i + 1] = t;
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_RECORD_SEQ);
	expect_culprit(&rep, 17, 18, 1);
	expect_msg(&rep, "records 17 and 18 swapped");
	parts_free(&ps);
	free(b.data);
}

Test(auditlog, duplicated_record_is_named)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	size_t i = rec_at(&ps, 100);
	insert_at(&ps, i + 1, 1, ps.e[i].p, ps.e[i].len);
	fix_trailer(&ps);
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_RECORD_SEQ);
	expect_culprit(&rep, 101, 101, 1);
	expect_msg(&rep, "record 101: a second copy of record 100");
	parts_free(&ps);
	free(b.data);
}

Test(auditlog, truncated_tail_is_detected)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	struct auditlog_report rep;
	/* Everything after record 99 is gone (the checkpoint at 100 and the trailer too). */
	while (ps.n > rec_at(&ps, 99) + 1)
		remove_at(&ps, ps.n - 1);
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_TRUNCATED);
	cr_assert_str_eq(rep.message, "truncated after record 99: trailer missing");
	parts_free(&ps);

	/* Cut in the middle of an entry. */
	struct blob c = b;
	c.len = b.len - 100;
	cr_assert_eq(verify_blob(&c, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_TRUNCATED);
	expect_msg(&rep, "truncated inside an entry after record");

	/* Records removed from the end, trailer left as it was. */
	struct blob u = build(290, 50);
	split(&u, &ps);
	remove_at(&ps, ps.n - 2);
	remove_at(&ps, ps.n - 2);
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_TRAILER);
	expect_culprit(&rep, 288, 289, 1);
	/*
	 * The documented limit: with the trailer fixed too, a cut after the last
	 * checkpoint cannot be told from a shorter log; only `proven` against an
	 * independently obtained checkpoint can.
	 */
	fix_trailer(&ps);
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_OK);
	cr_assert_eq(rep.proven, 250);
	parts_free(&ps);
	free(u.data);
	free(b.data);
}

/* ---- tampering with checkpoints --------------------------------------------------------- */

Test(auditlog, checkpoint_resigned_with_another_key_is_forged)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	/* The forger's own key, with the same name. */
	char path[128], dir[] = "/tmp/marac-al-XXXXXX";
	checkpoint_key *forger;
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/k", dir);
	cr_assert_eq(checkpoint_key_generate(path, ORIGIN), MGW_OK);
	cr_assert_eq(checkpoint_key_load(path, &forger), MGW_OK);
	unlink(path);
	rmdir(dir);
	/* Alter record 120, then re-sign every later checkpoint over the altered tree. */
	edit_record(&ps, 120, backdate);
	struct blob t = join(&ps);
	parts_free(&ps);
	split(&t, &ps);
	for (uint64_t size = 150; size <= 300; size += 50) {
		/* The tree over the altered records, rebuilt through a writer. */
		FILE *f = fopen("/dev/null", "wb");
		auditlog_writer *w;
		cr_assert_eq(auditlog_writer_open(f, ORIGIN, &w), MGW_OK);
		for (uint64_t s = 0; s < size; s++) {
			struct ent *e = &ps.e[rec_at(&ps, s)];
			cr_assert_eq(auditlog_writer_record(w, e->p, e->len), MGW_OK);
		}
		uint8_t root[32];
		char *note;
		cr_assert_eq(auditlog_writer_root(w, root), MGW_OK);
		auditlog_writer_free(w);
		fclose(f);
		cr_assert_eq(checkpoint_sign(forger, ORIGIN, size, root, &note), MGW_OK);
		replace(&ps.e[cp_at(&ps, size)], note, strlen(note));
		free(note);
	}
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_CHECKPOINT_SIG);
	expect_msg(&rep, "checkpoint at size 150");
	expect_msg(&rep, "not signed by the verifier key");
	cr_assert_eq(rep.proven, 100);
	parts_free(&ps);
	free(t.data);
	free(b.data);
	checkpoint_key_free(forger);
}

Test(auditlog, checkpoint_with_edited_root_has_a_bad_signature)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	struct ent *e = &ps.e[cp_at(&ps, 50)];
	char *root = strstr((char *)e->p, "\n50\n") + 4;
	root[3] = root[3] == 'A' ? 'B' : 'A';
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_CHECKPOINT_SIG);
	expect_msg(&rep, "checkpoint at size 50 (after record 49): bad signature");
	parts_free(&ps);

	/* And a note that is no longer a checkpoint at all. */
	split(&b, &ps);
	e = &ps.e[cp_at(&ps, 50)];
	e->p[0] = '\n';
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_CHECKPOINT_SIG);
	expect_msg(&rep, "malformed");
	parts_free(&ps);
	free(b.data);
}

Test(auditlog, validly_signed_but_inconsistent_checkpoints)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	uint8_t junk[32] = {0xde, 0xad};
	char *note;
	cr_assert_eq(checkpoint_sign(key, ORIGIN, 100, junk, &note), MGW_OK);
	replace(&ps.e[cp_at(&ps, 100)], note, strlen(note));
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_INCONSISTENT);
	expect_msg(&rep, "checkpoint at size 100 does not match");
	expect_msg(&rep, "size 150 matches");
	parts_free(&ps);
	/* Two different roots for one size: the honest one, then the junk one. */
	split(&b, &ps);
	insert_at(&ps, cp_at(&ps, 100) + 1, 2, note, strlen(note));
	fix_trailer(&ps);
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_INCONSISTENT);
	expect_msg(&rep, "two validly signed checkpoints at size 100");
	free(note);
	parts_free(&ps);
	free(b.data);
}

Test(auditlog, checkpoint_of_another_log_is_refused)
{
	struct blob b = build(100, 50);
	struct parts ps;
	split(&b, &ps);
	/* Same key, same size and root, another origin. */
	auditlog_writer *w;
	FILE *f = fopen("/dev/null", "wb");
	cr_assert_eq(auditlog_writer_open(f, ORIGIN, &w), MGW_OK);
	for (uint64_t s = 0; s < 50; s++) {
		size_t n;
		uint8_t *rec = pack_record(s, time_of(s), &n);
		cr_assert_eq(auditlog_writer_record(w, rec, n), MGW_OK);
		free(rec);
	}
	uint8_t root[32];
	char *note;
	cr_assert_eq(auditlog_writer_root(w, root), MGW_OK);
	auditlog_writer_free(w);
	fclose(f);
	cr_assert_eq(checkpoint_sign(key, "other.test/audit", 50, root, &note), MGW_OK);
	replace(&ps.e[cp_at(&ps, 50)], note, strlen(note));
	free(note);
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_CHECKPOINT_ORIGIN);
	parts_free(&ps);
	free(b.data);
}

Test(auditlog, replayed_or_moved_checkpoints)
{
	struct blob b = build(300, 50);
	struct parts ps;
	split(&b, &ps);
	/* An old checkpoint replayed later. */
	struct ent *old = &ps.e[cp_at(&ps, 50)];
	insert_at(&ps, cp_at(&ps, 150) + 1, 2, old->p, old->len);
	fix_trailer(&ps);
	struct auditlog_report rep;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_CHECKPOINT_SIZE);
	expect_msg(&rep, "sizes go backwards");
	parts_free(&ps);

	/* A checkpoint moved one record later. */
	split(&b, &ps);
	size_t c = cp_at(&ps, 100);
	struct ent t = ps.e[c];
	ps.e[c] = ps.e[c + 1];
	ps.e[c + 1] = t;
	cr_assert_eq(verify_parts(&ps, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_CHECKPOINT_SIZE);
	expect_culprit(&rep, 100, 100, 0);
	parts_free(&ps);
	free(b.data);
}

/* ---- framing ------------------------------------------------------------------------------ */

Test(auditlog, framing_and_header_faults)
{
	struct blob b = build(10, 5);
	struct auditlog_report rep;
	struct blob c = {malloc(b.len + 1), b.len + 1};
	memcpy(c.data, b.data, b.len);
	c.data[b.len] = 'x';
	cr_assert_eq(verify_blob(&c, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_FRAMING);
	expect_msg(&rep, "data after the trailer");

	memcpy(c.data, b.data, b.len);
	c.len = b.len;
	c.data[0] = 'X';
	cr_assert_eq(verify_blob(&c, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_HEADER);
	c.data[0] = 'M';
	c.data[8] = 2;
	cr_assert_eq(verify_blob(&c, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_HEADER);
	expect_msg(&rep, "version 2");
	c.data[8] = 1;

	size_t first = 10 + strlen(ORIGIN); /* the first entry */
	c.data[first] = 9;
	cr_assert_eq(verify_blob(&c, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_FRAMING);
	expect_msg(&rep, "unknown type 0x09");
	c.data[first] = 1;
	c.data[first + 1] = 0x7f; /* a 2 GiB record */
	cr_assert_eq(verify_blob(&c, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_FRAMING);
	expect_msg(&rep, "out of bounds");

	cr_assert_eq(verify_blob(&(struct blob){c.data, 1}, 0, &rep), MGW_E_INVALID);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_HEADER);

	FILE *f = fmemopen(b.data, b.len, "rb");
	cr_assert_eq(auditlog_verify_stream(f, "not a vkey", 0, &rep), MGW_E_MALFORMED);
	cr_assert_eq(rep.fault, AUDITLOG_FAULT_VKEY);
	fclose(f);
	free(c.data);
	free(b.data);
}

/* ---- the writer refuses what the verifier would ------------------------------------------- */

Test(auditlog, writer_refuses_bad_input)
{
	char *data;
	size_t len;
	FILE *f = open_memstream(&data, &len);
	auditlog_writer *w;
	cr_assert_eq(auditlog_writer_open(f, "", &w), MGW_E_INVALID);
	cr_assert_eq(auditlog_writer_open(f, "bad\norigin", &w), MGW_E_INVALID);
	cr_assert_eq(auditlog_writer_open(f, ORIGIN, &w), MGW_OK);
	size_t n;
	uint8_t *r1 = pack_record(1, T0, &n);
	cr_assert_eq(auditlog_writer_record(w, r1, n), MGW_E_INVALID, "seq 1 first");
	free(r1);
	uint8_t junk[] = {0xff, 0xff};
	cr_assert_eq(auditlog_writer_record(w, junk, sizeof junk), MGW_E_MALFORMED);
	uint8_t *r0 = pack_record(0, T0, &n);
	uint8_t *nc = malloc(n + 3);
	memcpy(nc, "\x98\x06\x01", 3);
	memcpy(nc + 3, r0, n);
	cr_assert_eq(auditlog_writer_record(w, nc, n + 3), MGW_E_INVALID, "non-canonical");
	free(nc);
	cr_assert_eq(auditlog_writer_record(w, r0, n), MGW_OK);
	free(r0);

	uint8_t root[32];
	char *note;
	cr_assert_eq(auditlog_writer_root(w, root), MGW_OK);
	cr_assert_eq(checkpoint_sign(key, ORIGIN, 2, root, &note), MGW_OK);
	cr_assert_eq(auditlog_writer_checkpoint(w, note, strlen(note)), MGW_E_INVALID, "size");
	free(note);
	cr_assert_eq(checkpoint_sign(key, "other.test/audit", 1, root, &note), MGW_OK);
	cr_assert_eq(auditlog_writer_checkpoint(w, note, strlen(note)), MGW_E_INVALID, "origin");
	free(note);
	root[0] ^= 1;
	cr_assert_eq(checkpoint_sign(key, ORIGIN, 1, root, &note), MGW_OK);
	cr_assert_eq(auditlog_writer_checkpoint(w, note, strlen(note)), MGW_E_INVALID, "root");
	free(note);
	cr_assert_eq(auditlog_writer_checkpoint(w, "junk\n", 5), MGW_E_MALFORMED);
	root[0] ^= 1;
	cr_assert_eq(checkpoint_sign(key, ORIGIN, 1, root, &note), MGW_OK);
	cr_assert_eq(auditlog_writer_checkpoint(w, note, strlen(note)), MGW_OK);
	free(note);
	cr_assert_eq(auditlog_writer_finish(w), MGW_OK);
	cr_assert_eq(auditlog_writer_finish(w), MGW_E_INVALID);
	cr_assert_eq(auditlog_writer_size(w), 1);
	auditlog_writer_free(w);
	fclose(f);
	struct blob b = {data, len};
	struct auditlog_report rep;
	cr_assert_eq(verify_blob(&b, AUDITLOG_REQUIRE_COVERAGE, &rep), MGW_OK, "%s", rep.message);
	free(data);
}

/* ---- fuzz seeds ----------------------------------------------------------------------------- */

static void write_seed(const char *dir, const char *name, const struct blob *b)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "%s", path);
	cr_assert_eq(fwrite(b->data, 1, b->len, f), b->len);
	fclose(f);
}

Test(auditlog, write_fuzz_seeds)
{
	const char *dir = getenv("MARAC_WRITE_FUZZ_SEEDS");
	if (dir == NULL)
		cr_skip_test("set MARAC_WRITE_FUZZ_SEEDS=DIR to write the fuzz seeds");
	checkpoint_key *k;
	cr_assert_eq(checkpoint_key_parse(LOG_SKEY, &k), MGW_OK);
	struct blob b = build_with(k, 12, 4, time_of);
	write_seed(dir, "honest-12", &b);
	struct blob u = build_with(k, 6, 4, clock_steps_back);
	write_seed(dir, "uncovered-tail", &u);
	struct parts ps;
	split(&b, &ps);
	remove_at(&ps, rec_at(&ps, 5));
	fix_trailer(&ps);
	struct blob t = join(&ps);
	write_seed(dir, "deleted-record", &t);
	free(t.data);
	parts_free(&ps);
	split(&b, &ps);
	ps.e[rec_at(&ps, 6)].p[ps.e[rec_at(&ps, 6)].len - 1] ^= 0x01;
	t = join(&ps);
	write_seed(dir, "altered-record", &t);
	free(t.data);
	parts_free(&ps);
	split(&b, &ps);
	ps.e[cp_at(&ps, 8)].p[22] ^= 0x01;
	t = join(&ps);
	write_seed(dir, "bad-checkpoint", &t);
	free(t.data);
	parts_free(&ps);
	struct blob c = {b.data, b.len - 7};
	write_seed(dir, "truncated", &c);
	free(u.data);
	free(b.data);
	checkpoint_key_free(k);
}

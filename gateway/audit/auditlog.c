/*
 * auditlog.c: the audit export format, writer and streaming verifier.
 * The format, and what the verifier concludes from what, is specified in
 * auditlog.h.
 */
#include "auditlog.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "merkle.h"
#include "mgw_err.h"

enum { T_RECORD = 0x01, T_CHECKPOINT = 0x02, T_TRAILER = 0x03 };

#define MAGIC_LEN 8
#define HEADER_FIXED (MAGIC_LEN + 2) /* magic, version, origin_len */
#define ENTRY_HDR 5
#define TRAILER_LEN 16

static void be32_put(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static uint32_t be32_get(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void be64_put(uint8_t *p, uint64_t v)
{
	be32_put(p, (uint32_t)(v >> 32));
	be32_put(p + 4, (uint32_t)v);
}

static uint64_t be64_get(const uint8_t *p)
{
	return (uint64_t)be32_get(p) << 32 | be32_get(p + 4);
}

static int origin_valid(const char *s, size_t n)
{
	if (n == 0 || n > CHECKPOINT_MAX_ORIGIN || !codec_utf8_valid(s, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return 0;
	return 1;
}

/* Grow *buf to at least n bytes (n > 0). 0 or MGW_E_NOMEM. */
static int reserve(uint8_t **buf, size_t *cap, size_t n)
{
	if (n <= *cap)
		return MGW_OK;
	size_t c = *cap ? *cap : 4096;
	while (c < n)
		c *= 2;
	uint8_t *p = realloc(*buf, c);
	if (p == NULL)
		return MGW_E_NOMEM;
	*buf = p;
	*cap = c;
	return MGW_OK;
}

static int record_decode(const uint8_t *buf, size_t len, Marac__V1__AuditRecord **out)
{
	return codec_unpack(&marac__v1__audit_record__descriptor, buf, len, AUDITLOG_MAX_RECORD,
			    (ProtobufCMessage **)out);
}

/*
 * 1 if packing r gives back buf[0..len) exactly, 0 if not, MGW_E_NOMEM.
 * Packs into a reusable scratch buffer (codec_pack would allocate per record).
 */
static int record_canonical(const Marac__V1__AuditRecord *r, const uint8_t *buf, size_t len,
			    uint8_t **scratch, size_t *scap)
{
	size_t n = protobuf_c_message_get_packed_size(&r->base);
	if (n != len)
		return 0;
	if (n == 0)
		return 1;
	if (reserve(scratch, scap, n) != MGW_OK)
		return MGW_E_NOMEM;
	protobuf_c_message_pack(&r->base, *scratch);
	return memcmp(*scratch, buf, n) == 0;
}

/* ---- writer ---------------------------------------------------------------------- */

struct auditlog_writer {
	FILE *f;
	char origin[CHECKPOINT_MAX_ORIGIN + 1];
	struct merkle_range range;
	uint64_t checkpoints;
	int failed;   /* an I/O error: the file is unusable */
	int finished; /* the trailer is written */
	uint8_t *scratch;
	size_t scap;
};

static int put_entry(auditlog_writer *w, uint8_t type, const void *data, size_t len)
{
	uint8_t hdr[ENTRY_HDR];
	hdr[0] = type;
	be32_put(hdr + 1, (uint32_t)len);
	if (fwrite(hdr, 1, sizeof hdr, w->f) != sizeof hdr ||
	    (len > 0 && fwrite(data, 1, len, w->f) != len)) {
		w->failed = 1;
		return MGW_E_IO;
	}
	return MGW_OK;
}

int auditlog_writer_open(FILE *f, const char *origin, auditlog_writer **out)
{
	*out = NULL;
	size_t olen = strnlen(origin, CHECKPOINT_MAX_ORIGIN + 1);
	if (!origin_valid(origin, olen))
		return MGW_E_INVALID;
	auditlog_writer *w = calloc(1, sizeof *w);
	if (w == NULL)
		return MGW_E_NOMEM;
	w->f = f;
	memcpy(w->origin, origin, olen);
	merkle_range_init(&w->range);
	uint8_t hdr[HEADER_FIXED];
	memcpy(hdr, AUDITLOG_MAGIC, MAGIC_LEN);
	hdr[MAGIC_LEN] = AUDITLOG_VERSION;
	hdr[MAGIC_LEN + 1] = (uint8_t)olen;
	if (fwrite(hdr, 1, sizeof hdr, f) != sizeof hdr || fwrite(origin, 1, olen, f) != olen) {
		auditlog_writer_free(w);
		return MGW_E_IO;
	}
	*out = w;
	return MGW_OK;
}

int auditlog_writer_record(auditlog_writer *w, const uint8_t *rec, size_t len)
{
	if (w->failed || w->finished)
		return MGW_E_INVALID;
	if (len > AUDITLOG_MAX_RECORD)
		return MGW_E_TOO_LARGE;
	Marac__V1__AuditRecord *r = NULL;
	uint8_t leaf[MERKLE_HASH_LEN];
	int rc = record_decode(rec, len, &r);
	if (rc != MGW_OK) {
		rc = rc == MGW_E_TOO_LARGE ? rc : MGW_E_MALFORMED;
		goto fail;
	}
	rc = MGW_E_INVALID;
	if (r->seq != w->range.size)
		goto fail;
	rc = record_canonical(r, rec, len, &w->scratch, &w->scap);
	if (rc != 1) {
		rc = rc == 0 ? MGW_E_INVALID : rc;
		goto fail;
	}
	rc = merkle_leaf_hash(rec, len, leaf);
	if (rc != MGW_OK)
		goto fail;
	/* Write before appending to the tree, so a failed write leaves the tree as the file is. */
	rc = put_entry(w, T_RECORD, rec, len);
	if (rc != MGW_OK)
		goto fail;
	rc = merkle_range_append(&w->range, leaf);
	if (rc != MGW_OK)
		w->failed = 1; /* the file now holds a record the tree lacks */
fail:
	codec_free(r ? &r->base : NULL);
	return rc;
}

int auditlog_writer_checkpoint(auditlog_writer *w, const char *note, size_t len)
{
	if (w->failed || w->finished)
		return MGW_E_INVALID;
	char *origin = NULL;
	uint64_t size;
	uint8_t root[MERKLE_HASH_LEN], cur[MERKLE_HASH_LEN];
	int rc = checkpoint_parse_unverified(note, len, &origin, &size, root);
	if (rc != MGW_OK)
		goto fail;
	rc = merkle_range_root(&w->range, cur);
	if (rc != MGW_OK)
		goto fail;
	rc = MGW_E_INVALID;
	if (strcmp(origin, w->origin) != 0 || size != w->range.size ||
	    memcmp(root, cur, MERKLE_HASH_LEN) != 0)
		goto fail;
	rc = put_entry(w, T_CHECKPOINT, note, len);
	if (rc == MGW_OK)
		w->checkpoints++;
fail:
	free(origin);
	return rc;
}

uint64_t auditlog_writer_size(const auditlog_writer *w)
{
	return w->range.size;
}

int auditlog_writer_root(const auditlog_writer *w, uint8_t root[32])
{
	return merkle_range_root(&w->range, root);
}

int auditlog_writer_finish(auditlog_writer *w)
{
	if (w->failed || w->finished)
		return MGW_E_INVALID;
	uint8_t t[TRAILER_LEN];
	be64_put(t, w->range.size);
	be64_put(t + 8, w->checkpoints);
	int rc = put_entry(w, T_TRAILER, t, sizeof t);
	if (rc == MGW_OK && fflush(w->f) != 0) {
		w->failed = 1;
		rc = MGW_E_IO;
	}
	if (rc == MGW_OK)
		w->finished = 1;
	return rc;
}

void auditlog_writer_free(auditlog_writer *w)
{
	if (w == NULL)
		return;
	free(w->scratch);
	free(w);
}

/* ---- verifier ------------------------------------------------------------------------- */

struct vstate {
	FILE *f;
	checkpoint_verifier *v;
	unsigned flags;
	struct auditlog_report *rep;
	uint8_t *buf, *scratch; /* the current entry's payload; repacking space */
	size_t cap, scap;
	struct merkle_range range;
	uint64_t n;      /* records read: the seq the next one must have */
	uint64_t ncp;    /* checkpoint entries read */
	uint64_t last_cp; /* size of the last verified checkpoint, if have_cp */
	int have_cp;
	int64_t prev_time;
	/* Anomalies since the last verified checkpoint (first of each kind). */
	int time_sus, enc_sus;
	uint64_t time_at, enc_at;
	int64_t time_val, time_prev;
	/* A root mismatch, held while reading on to classify it (auditlog.h). */
	int mismatch, mm_has_likely;
	uint64_t mm_lo, mm_size, mm_likely;
	const char *mm_why;
};

#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))

PRINTF_LIKE(2, 0) static void set_message(char *dst, const char *fmt, va_list ap)
{
	vsnprintf(dst, AUDITLOG_MESSAGE_MAX, fmt, ap);
}

PRINTF_LIKE(2, 3) static void warn(struct vstate *s, const char *fmt, ...)
{
	if (s->rep->warnings++ == 0) {
		va_list ap;
		va_start(ap, fmt);
		set_message(s->rep->warning, fmt, ap);
		va_end(ap);
	}
}

static int mismatch_verdict(struct vstate *s);

/*
 * Record the verdict and stop (returns MGW_E_INVALID). A root mismatch
 * seen earlier in the file is the first fault, so it wins.
 */
PRINTF_LIKE(7, 8)
static int fault(struct vstate *s, enum auditlog_fault kind, int has_culprit, uint64_t first,
		 uint64_t last, int exact, const char *fmt, ...)
{
	if (s->mismatch)
		return mismatch_verdict(s);
	struct auditlog_report *rep = s->rep;
	rep->fault = kind;
	rep->has_culprit = has_culprit;
	rep->culprit_first = first;
	rep->culprit_last = last;
	rep->culprit_exact = exact;
	va_list ap;
	va_start(ap, fmt);
	set_message(rep->message, fmt, ap);
	va_end(ap);
	return MGW_E_INVALID;
}

/* "record 7" or "records 7..9", for messages. */
static const char *span(char *buf, size_t n, uint64_t lo, uint64_t hi)
{
	if (lo == hi)
		snprintf(buf, n, "record %" PRIu64, lo);
	else
		snprintf(buf, n, "records %" PRIu64 "..%" PRIu64, lo, hi);
	return buf;
}

static int mismatch_verdict(struct vstate *s)
{
	struct auditlog_report *rep = s->rep;
	uint64_t lo = s->mm_lo, hi = s->mm_size - 1;
	rep->fault = AUDITLOG_FAULT_ROOT_MISMATCH;
	rep->has_culprit = 1;
	rep->culprit_first = lo;
	rep->culprit_last = hi;
	rep->culprit_exact = lo == hi;
	rep->has_likely = s->mm_has_likely;
	rep->likely = s->mm_likely;
	if (lo == hi)
		snprintf(rep->message, AUDITLOG_MESSAGE_MAX,
			 "record %" PRIu64 " altered: root mismatch at the checkpoint for size %" PRIu64
			 ", and it is the only record since the last verified checkpoint",
			 lo, s->mm_size);
	else if (s->mm_has_likely)
		snprintf(rep->message, AUDITLOG_MESSAGE_MAX,
			 "record %" PRIu64 " altered (likely): root mismatch at the checkpoint for "
			 "size %" PRIu64 ": at least one of records %" PRIu64 "..%" PRIu64
			 " differs from what was signed, and record %" PRIu64
			 " is the only one there whose %s",
			 s->mm_likely, s->mm_size, lo, hi, s->mm_likely, s->mm_why);
	else
		snprintf(rep->message, AUDITLOG_MESSAGE_MAX,
			 "records %" PRIu64 "..%" PRIu64 ": root mismatch at the checkpoint for size "
			 "%" PRIu64 ": at least one of these records was altered after signing "
			 "(each decodes with the right seq; the root cannot say which)",
			 lo, hi, s->mm_size);
	s->mismatch = 0;
	return MGW_E_INVALID;
}

static int io_error(struct vstate *s)
{
	s->rep->fault = AUDITLOG_FAULT_IO;
	snprintf(s->rep->message, AUDITLOG_MESSAGE_MAX, "read error: %s", strerror(errno));
	return MGW_E_IO;
}

/* "after record N" / "before the first record", for messages. */
static const char *where(const struct vstate *s, char *buf, size_t n)
{
	if (s->n == 0)
		snprintf(buf, n, "before the first record");
	else
		snprintf(buf, n, "after record %" PRIu64, s->n - 1);
	return buf;
}

static size_t read_exact(FILE *f, void *buf, size_t n)
{
	return n == 0 ? 0 : fread(buf, 1, n, f);
}

enum { ENT_OK, ENT_EOF, ENT_TRUNC, ENT_IO, ENT_BADTYPE, ENT_BADLEN, ENT_NOMEM };

/* Read one entry into s->buf. Sets no verdict: the caller decides what it means. */
static int read_entry(struct vstate *s, uint8_t *type, size_t *len)
{
	uint8_t hdr[ENTRY_HDR];
	size_t got = read_exact(s->f, hdr, sizeof hdr);
	if (got != sizeof hdr) {
		if (ferror(s->f))
			return ENT_IO;
		return got == 0 ? ENT_EOF : ENT_TRUNC;
	}
	*type = hdr[0];
	*len = be32_get(hdr + 1);
	switch (*type) {
	case T_RECORD:
		if (*len > AUDITLOG_MAX_RECORD)
			return ENT_BADLEN;
		break;
	case T_CHECKPOINT:
		if (*len == 0 || *len > CHECKPOINT_MAX_NOTE)
			return ENT_BADLEN;
		break;
	case T_TRAILER:
		if (*len != TRAILER_LEN)
			return ENT_BADLEN;
		break;
	default:
		return ENT_BADTYPE;
	}
	if (reserve(&s->buf, &s->cap, *len ? *len : 1) != MGW_OK)
		return ENT_NOMEM;
	if (read_exact(s->f, s->buf, *len) != *len)
		return ferror(s->f) ? ENT_IO : ENT_TRUNC;
	return ENT_OK;
}

/*
 * Record i carries seq. Read one more entry to tell the cases apart
 * (auditlog.h): deletion, swap, duplicate, or an edited seq.
 */
static int seq_fault(struct vstate *s, uint64_t i, uint64_t seq)
{
	int have_next = 0;
	uint64_t ns = 0;
	uint8_t type;
	size_t len;
	if (read_entry(s, &type, &len) == ENT_OK && type == T_RECORD) {
		Marac__V1__AuditRecord *r;
		if (record_decode(s->buf, len, &r) == MGW_OK) {
			have_next = 1;
			ns = r->seq;
			codec_free(&r->base);
		}
	}
	enum auditlog_fault F = AUDITLOG_FAULT_RECORD_SEQ;
	if (have_next && ns == i + 1)
		return fault(s, F, 1, i, i, 1,
			     "record %" PRIu64 ": carries seq %" PRIu64 " although record %" PRIu64
			     " follows it: its seq was altered, or it was replaced",
			     i, seq, i + 1);
	if (seq > i) {
		if (have_next && ns == seq + 1) {
			if (seq - i == 1)
				return fault(s, F, 1, i, i, 1,
					     "record %" PRIu64 " missing: seq jumps to %" PRIu64
					     " (record deleted)",
					     i, seq);
			return fault(s, F, 1, i, seq - 1, 1,
				     "records %" PRIu64 "..%" PRIu64 " missing: seq jumps to %" PRIu64
				     " (records deleted)",
				     i, seq - 1, seq);
		}
		if (have_next && ns == i && seq == i + 1)
			return fault(s, F, 1, i, i + 1, 1,
				     "records %" PRIu64 " and %" PRIu64 " swapped (reordered)", i, i + 1);
		if (have_next && ns == i)
			return fault(s, F, 1, i, i, 1,
				     "record %" PRIu64 ": record %" PRIu64 " was moved here, before "
				     "record %" PRIu64 " (reordered)",
				     i, seq, i);
		return fault(s, F, 1, i, i, 1,
			     "record %" PRIu64 ": seq %" PRIu64 " out of order (deleted or "
			     "reordered record)",
			     i, seq);
	}
	if (have_next && ns == i)
		return fault(s, F, 1, i, i, 1,
			     "record %" PRIu64 ": a second copy of record %" PRIu64
			     " inserted here (duplicated or replayed record)",
			     i, seq);
	return fault(s, F, 1, i, i, 1,
		     "record %" PRIu64 ": seq %" PRIu64 " seen before (duplicated or reordered "
		     "record)",
		     i, seq);
}

static int on_record(struct vstate *s, size_t len)
{
	uint64_t i = s->n;
	Marac__V1__AuditRecord *r = NULL;
	uint8_t leaf[MERKLE_HASH_LEN];
	int rc = record_decode(s->buf, len, &r);
	if (rc != MGW_OK)
		return fault(s, AUDITLOG_FAULT_RECORD_DECODE, 1, i, i, 1,
			     "record %" PRIu64 ": does not decode as an AuditRecord (%s): altered "
			     "or corrupt",
			     i, rc == MGW_E_UTF8 ? "invalid UTF-8"
				: rc == MGW_E_NOMEM ? "decode budget exceeded"
						    : "malformed");
	if (r->seq != i) {
		uint64_t seq = r->seq;
		codec_free(&r->base);
		return seq_fault(s, i, seq);
	}
	if (i > 0 && r->time_ms < s->prev_time && !s->time_sus) {
		s->time_sus = 1;
		s->time_at = i;
		s->time_val = r->time_ms;
		s->time_prev = s->prev_time;
	}
	s->prev_time = r->time_ms;
	rc = record_canonical(r, s->buf, len, &s->scratch, &s->scap);
	codec_free(&r->base);
	if (rc < 0)
		return rc;
	if (rc == 0 && !s->enc_sus) {
		s->enc_sus = 1;
		s->enc_at = i;
	}
	rc = merkle_leaf_hash(s->buf, len, leaf);
	if (rc == MGW_OK)
		rc = merkle_range_append(&s->range, leaf);
	if (rc != MGW_OK)
		return rc;
	s->n++;
	s->rep->records = s->n;
	return MGW_OK;
}

/* Turn anomalies that a valid checkpoint now covers into warnings. */
static void suspects_signed(struct vstate *s, uint64_t size)
{
	if (s->time_sus)
		warn(s,
		     "record %" PRIu64 ": time %" PRId64 " ms is before the previous record's %" PRId64
		     " ms, but the checkpoint at size %" PRIu64 " signs it: the gateway's clock "
		     "went back (not tampering)",
		     s->time_at, s->time_val, s->time_prev, size);
	if (s->enc_sus)
		warn(s,
		     "record %" PRIu64 ": not canonically encoded, but the checkpoint at size %" PRIu64
		     " signs it: written so by the gateway (not tampering)",
		     s->enc_at, size);
	s->time_sus = s->enc_sus = 0;
}

static int on_checkpoint(struct vstate *s, size_t len)
{
	char w[48], *origin = NULL;
	uint64_t size, claimed;
	uint8_t root[MERKLE_HASH_LEN], cur[MERKLE_HASH_LEN];
	const char *note = (const char *)s->buf;
	s->ncp++;
	int rc = checkpoint_verify(s->v, note, len, &origin, &size, root);
	if (rc == MGW_E_NOMEM)
		return rc;
	if (rc != MGW_OK) {
		char what[64];
		if (checkpoint_parse_unverified(note, len, NULL, &claimed, cur) == MGW_OK)
			snprintf(what, sizeof what, "checkpoint at size %" PRIu64, claimed);
		else
			snprintf(what, sizeof what, "checkpoint #%" PRIu64, s->ncp);
		where(s, w, sizeof w);
		if (rc == MGW_E_NOTFOUND)
			return fault(s, AUDITLOG_FAULT_CHECKPOINT_SIG, 0, 0, 0, 0,
				     "%s (%s): not signed by the verifier key: forged (signed with "
				     "another key), or the wrong verifier key",
				     what, w);
		if (rc == MGW_E_INVALID)
			return fault(s, AUDITLOG_FAULT_CHECKPOINT_SIG, 0, 0, 0, 0,
				     "%s (%s): bad signature: the checkpoint was forged or altered", what,
				     w);
		return fault(s, AUDITLOG_FAULT_CHECKPOINT_SIG, 0, 0, 0, 0,
			     "%s (%s): malformed: not a strict C2SP checkpoint", what, w);
	}
	int same_origin = strcmp(origin, s->rep->origin) == 0;
	free(origin);
	if (!same_origin)
		return fault(s, AUDITLOG_FAULT_CHECKPOINT_ORIGIN, 0, 0, 0, 0,
			     "checkpoint at size %" PRIu64 " (%s): signed for another log's origin, "
			     "not \"%s\"",
			     size, where(s, w, sizeof w), s->rep->origin);
	if (s->have_cp && size < s->last_cp)
		return fault(s, AUDITLOG_FAULT_CHECKPOINT_SIZE, 0, 0, 0, 0,
			     "checkpoint at size %" PRIu64 " follows the checkpoint at size %" PRIu64
			     ": sizes go backwards (an old checkpoint replayed)",
			     size, s->last_cp);
	char sp[64];
	if (size > s->n)
		return fault(s, AUDITLOG_FAULT_CHECKPOINT_SIZE, 1, s->n, size - 1, 1,
			     "%s missing: the checkpoint at size %" PRIu64 " follows only %" PRIu64
			     " records (deleted, or the checkpoint moved earlier)",
			     span(sp, sizeof sp, s->n, size - 1), size, s->n);
	if (size < s->n)
		return fault(s, AUDITLOG_FAULT_CHECKPOINT_SIZE, 1, size, s->n - 1, 0,
			     "%s: the checkpoint at size %" PRIu64 " follows %" PRIu64 " records "
			     "(records inserted before it, or the checkpoint moved later)",
			     span(sp, sizeof sp, size, s->n - 1), size, s->n);
	rc = merkle_range_root(&s->range, cur);
	if (rc != MGW_OK)
		return rc;
	if (memcmp(cur, root, MERKLE_HASH_LEN) == 0) {
		if (s->mismatch) {
			s->mismatch = 0;
			return fault(s, AUDITLOG_FAULT_INCONSISTENT, 0, 0, 0, 0,
				     "the checkpoint at size %" PRIu64 " does not match records "
				     "0..%" PRIu64 ", but the later checkpoint at size %" PRIu64
				     " matches all %" PRIu64 " records: two validly signed checkpoints "
				     "are inconsistent (the key signed a split view, or is compromised)",
				     s->mm_size, s->mm_size - 1, size, size);
		}
		suspects_signed(s, size);
		s->have_cp = 1;
		s->last_cp = size;
		s->rep->proven = size;
		s->rep->checkpoints++;
		return MGW_OK;
	}
	if (size == 0)
		return fault(s, AUDITLOG_FAULT_INCONSISTENT, 0, 0, 0, 0,
			     "the checkpoint at size 0 signs a root other than the empty tree's "
			     "(the key signed an impossible tree head)");
	if (s->have_cp && size == s->last_cp)
		return fault(s, AUDITLOG_FAULT_INCONSISTENT, 0, 0, 0, 0,
			     "two validly signed checkpoints at size %" PRIu64 " have different roots "
			     "(the key signed a split view, or is compromised)",
			     size);
	if (!s->mismatch) {
		/* Read on: a later matching checkpoint makes this an inconsistency instead. */
		s->mismatch = 1;
		s->mm_lo = s->have_cp ? s->last_cp : 0;
		s->mm_size = size;
		s->mm_has_likely = 0;
		if (s->enc_sus && (!s->time_sus || s->time_at == s->enc_at)) {
			s->mm_has_likely = 1;
			s->mm_likely = s->enc_at;
			s->mm_why = "encoding is not canonical";
		} else if (s->time_sus && !s->enc_sus) {
			s->mm_has_likely = 1;
			s->mm_likely = s->time_at;
			s->mm_why = "time goes backwards";
		}
	}
	return MGW_OK;
}

static int on_trailer(struct vstate *s)
{
	struct auditlog_report *rep = s->rep;
	uint64_t nrec = be64_get(s->buf), ncp = be64_get(s->buf + 8);
	if (fgetc(s->f) != EOF)
		return fault(s, AUDITLOG_FAULT_FRAMING, 0, 0, 0, 0, "data after the trailer");
	if (ferror(s->f))
		return io_error(s);
	char sp[64];
	if (nrec > s->n)
		return fault(s, AUDITLOG_FAULT_TRAILER, 1, s->n, nrec - 1, 1,
			     "%s missing: the trailer counts %" PRIu64 " records, the file holds "
			     "%" PRIu64 " (records removed from the end)",
			     span(sp, sizeof sp, s->n, nrec - 1), nrec, s->n);
	if (nrec != s->n || ncp != s->ncp)
		return fault(s, AUDITLOG_FAULT_TRAILER, 0, 0, 0, 0,
			     "the trailer counts %" PRIu64 " records and %" PRIu64 " checkpoints, the "
			     "file holds %" PRIu64 " and %" PRIu64 " (entries removed or added)",
			     nrec, ncp, s->n, s->ncp);
	if (s->mismatch)
		return mismatch_verdict(s);
	if (s->time_sus)
		return fault(s, AUDITLOG_FAULT_RECORD_TIME, 1, s->time_at, s->time_at, 1,
			     "record %" PRIu64 ": time %" PRId64 " ms is before the previous record's "
			     "%" PRId64 " ms, and no checkpoint covers it",
			     s->time_at, s->time_val, s->time_prev);
	if (s->enc_sus)
		return fault(s, AUDITLOG_FAULT_RECORD_ENCODING, 1, s->enc_at, s->enc_at, 1,
			     "record %" PRIu64 ": not canonically encoded, and no checkpoint covers it",
			     s->enc_at);
	uint64_t proven = s->have_cp ? s->last_cp : 0;
	if (s->n > proven) {
		char m[AUDITLOG_MESSAGE_MAX];
		snprintf(m, sizeof m, "no checkpoint covers %s: unproven",
			 span(sp, sizeof sp, proven, s->n - 1));
		if (s->flags & AUDITLOG_REQUIRE_COVERAGE)
			return fault(s, AUDITLOG_FAULT_UNCOVERED, 1, proven, s->n - 1, 1, "%s", m);
		warn(s, "%s", m);
	}
	rep->fault = AUDITLOG_FAULT_NONE;
	if (s->n == 0)
		snprintf(rep->message, AUDITLOG_MESSAGE_MAX, "verified: empty export");
	else if (proven == 0)
		snprintf(rep->message, AUDITLOG_MESSAGE_MAX,
			 "verified format only: %" PRIu64 " records, no checkpoint proves any", s->n);
	else
		snprintf(rep->message, AUDITLOG_MESSAGE_MAX,
			 "verified: %" PRIu64 " records, %" PRIu64 " checkpoint%s; records 0..%" PRIu64
			 " proven by the checkpoint at size %" PRIu64,
			 s->n, rep->checkpoints, rep->checkpoints == 1 ? "" : "s", proven - 1, proven);
	return MGW_OK;
}

static int read_header(struct vstate *s)
{
	uint8_t h[HEADER_FIXED];
	size_t got = read_exact(s->f, h, sizeof h);
	if (got != sizeof h && ferror(s->f))
		return io_error(s);
	if (got < MAGIC_LEN || memcmp(h, AUDITLOG_MAGIC, MAGIC_LEN) != 0)
		return fault(s, AUDITLOG_FAULT_HEADER, 0, 0, 0, 0, "not an audit export (bad magic)");
	if (got != sizeof h)
		return fault(s, AUDITLOG_FAULT_HEADER, 0, 0, 0, 0, "truncated header");
	if (h[MAGIC_LEN] != AUDITLOG_VERSION)
		return fault(s, AUDITLOG_FAULT_HEADER, 0, 0, 0, 0,
			     "unsupported export version %u (this verifier reads %u)", h[MAGIC_LEN],
			     AUDITLOG_VERSION);
	size_t olen = h[MAGIC_LEN + 1];
	char *o = s->rep->origin;
	if (read_exact(s->f, o, olen) != olen) {
		o[0] = '\0';
		return ferror(s->f) ? io_error(s)
				    : fault(s, AUDITLOG_FAULT_HEADER, 0, 0, 0, 0, "truncated header");
	}
	o[olen] = '\0';
	if (!origin_valid(o, olen)) {
		o[0] = '\0';
		return fault(s, AUDITLOG_FAULT_HEADER, 0, 0, 0, 0, "bad origin in the header");
	}
	return MGW_OK;
}

static int verify(struct vstate *s)
{
	int rc = read_header(s);
	if (rc != MGW_OK)
		return rc;
	for (;;) {
		uint8_t type = 0;
		size_t len = 0;
		char w[48];
		switch (read_entry(s, &type, &len)) {
		case ENT_OK:
			break;
		case ENT_EOF:
			if (s->n == 0)
				return fault(s, AUDITLOG_FAULT_TRUNCATED, 0, 0, 0, 0,
					     "truncated before the first record: trailer missing");
			return fault(s, AUDITLOG_FAULT_TRUNCATED, 0, 0, 0, 0,
				     "truncated after record %" PRIu64 ": trailer missing", s->n - 1);
		case ENT_TRUNC:
			return fault(s, AUDITLOG_FAULT_TRUNCATED, 0, 0, 0, 0,
				     "truncated inside an entry %s: trailer missing",
				     where(s, w, sizeof w));
		case ENT_IO:
			return io_error(s);
		case ENT_NOMEM:
			return MGW_E_NOMEM;
		case ENT_BADTYPE:
			return fault(s, AUDITLOG_FAULT_FRAMING, 0, 0, 0, 0,
				     "entry %s: unknown type 0x%02x", where(s, w, sizeof w), type);
		default: /* ENT_BADLEN */
			return fault(s, AUDITLOG_FAULT_FRAMING, 0, 0, 0, 0,
				     "entry %s: type 0x%02x with length %zu out of bounds",
				     where(s, w, sizeof w), type, len);
		}
		if (type == T_RECORD)
			rc = on_record(s, len);
		else if (type == T_CHECKPOINT)
			rc = on_checkpoint(s, len);
		else
			return on_trailer(s);
		if (rc != MGW_OK)
			return rc;
	}
}

int auditlog_verify_stream(FILE *f, const char *vkey, unsigned flags, struct auditlog_report *rep)
{
	memset(rep, 0, sizeof *rep);
	struct vstate s = {.f = f, .flags = flags, .rep = rep};
	merkle_range_init(&s.range);
	int rc = checkpoint_verifier_new(vkey, &s.v);
	if (rc != MGW_OK) {
		rep->fault = AUDITLOG_FAULT_VKEY;
		snprintf(rep->message, AUDITLOG_MESSAGE_MAX,
			 "the verifier key is not an Ed25519 note verifier key (%s)", mgw_strerror(rc));
		return rc;
	}
	rc = verify(&s);
	if (rc == MGW_E_NOMEM) {
		rep->fault = AUDITLOG_FAULT_IO;
		snprintf(rep->message, AUDITLOG_MESSAGE_MAX, "out of memory");
	}
	checkpoint_verifier_free(s.v);
	free(s.buf);
	free(s.scratch);
	return rc;
}

int auditlog_verify_file(const char *path, const char *vkey, unsigned flags,
			 struct auditlog_report *rep)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		memset(rep, 0, sizeof *rep);
		rep->fault = AUDITLOG_FAULT_IO;
		snprintf(rep->message, AUDITLOG_MESSAGE_MAX, "cannot open %s: %s", path,
			 strerror(errno));
		return MGW_E_IO;
	}
	setvbuf(f, NULL, _IOFBF, 1u << 20);
	int rc = auditlog_verify_stream(f, vkey, flags, rep);
	fclose(f);
	return rc;
}

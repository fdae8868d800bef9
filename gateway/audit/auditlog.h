/*
 * auditlog.h: the audit EXPORT file format, its writer, and its offline verifier.
 *
 * An export carries the gateway's audit log (every AuditRecord, in order)
 * together with the signed checkpoints that cover it, so an auditor can check
 * it anywhere with nothing but the gateway's verifier key. This header is the
 * format's specification.
 *
 * ---- Byte layout (version 1) ---------------------------------------------------
 *
 *   export   = header entry* trailer                 (then end of file)
 *   header   = "MGWAUDIT"                             8 bytes, magic
 *              version                                1 byte, 0x01
 *              origin_len                             1 byte, 1..255
 *              origin                                 origin_len bytes: the log's origin,
 *                                                     UTF-8, no control characters
 *   entry    = type (1 byte) length (4 bytes, unsigned big-endian) payload (length bytes)
 *     type 0x01 RECORD      payload: the canonical packed bytes of one
 *                           marac.v1.AuditRecord, 0..AUDITLOG_MAX_RECORD bytes
 *                           (an all-default record packs to zero bytes)
 *     type 0x02 CHECKPOINT  payload: one C2SP checkpoint, a signed note
 *                           (checkpoint.h), 1..CHECKPOINT_MAX_NOTE bytes
 *   trailer  = type 0x03, length 16, payload: record count (8 bytes BE),
 *                           checkpoint count (8 bytes BE)
 *
 * No per-entry checksum: integrity comes from the Merkle tree and the
 * signatures, which a checksum could only duplicate (a tamperer recomputes
 * a CRC; he cannot recompute a signature). Lengths are bounded per type, so
 * a reader never allocates more than AUDITLOG_MAX_RECORD for one entry.
 *
 * ---- What makes an export valid ---------------------------------------------------
 *
 *  1. The header is as above. Every entry type is one of the three; every
 *     length is within its type's bounds; exactly one trailer, last.
 *  2. Records. The k-th RECORD (k = 0, 1, ...) decodes as an AuditRecord
 *     (bounded, budgeted, UTF-8 checked: codec_unpack); its seq is k; its
 *     time_ms is not before the previous record's; packing the decoded record
 *     gives back exactly the payload (canonical encoding).
 *  3. The tree. Leaf k is SHA-256(0x00 || payload of record k); the tree is
 *     RFC 6962's over leaves 0..k (merkle.h).
 *  4. Checkpoints. Each verifies with the auditor's verifier key
 *     (checkpoint_verify: strict format, signature by that key); its origin is
 *     the header's origin; its size N equals the number of records before it
 *     (the writer places the checkpoint for size N immediately after record
 *     N-1); its root equals the tree's root at size N. So sizes never
 *     decrease. Several checkpoints may have the same size.
 *  5. The trailer's counts equal the records and checkpoints in the file.
 *
 * A record is PROVEN when a valid checkpoint at a size above its seq exists:
 * then its bytes are exactly what the gateway signed. Records after the last
 * checkpoint are unproven: a warning, or a failure with
 * AUDITLOG_REQUIRE_COVERAGE. An exporter should end the export at the
 * gateway's latest checkpoint so that nothing is unproven.
 *
 * ---- How a reader detects truncation and tampering, and what it can say --------
 *
 *  - Truncation: the file ends before the trailer ("truncated after record
 *    N: trailer missing"), or inside an entry. Records removed from the end
 *    together with the trailer's counts edited to match, at a checkpoint
 *    boundary, are NOT detectable from the file alone: compare the report's
 *    `proven` size with a checkpoint obtained independently (the gateway's
 *    latest, or a witness's). Nothing in a file can prove its own completeness.
 *  - Deleted, inserted, duplicated, reordered records: seq != position,
 *    named exactly; one record of look-ahead tells a deletion ("records
 *    17..19 missing") from a swap ("records 17 and 18 swapped"), a duplicate
 *    ("a second copy of record 100") and an edited seq. A checkpoint whose
 *    size is not the number of records before it names the missing or
 *    extra range.
 *  - A record that no longer decodes: named exactly.
 *  - A record altered so that it still decodes with the right seq: the root
 *    at the next checkpoint differs. A root only says "something in this
 *    tree differs", so the verifier names the range between the last
 *    verified checkpoint and this one ("records 100..149"), and, if exactly
 *    the anomalies an edit tends to leave are present in that range (time
 *    going backwards, a non-canonical encoding), it names that record as the
 *    likely one, saying it is a likelihood. Checkpoints every N records bound
 *    the range to N. The export deliberately carries nothing per record
 *    (a per-record hash or MAC would be recomputed by the same tamperer, or
 *    would need the gateway's secret).
 *  - A forged or edited checkpoint: its signature does not verify, or it is
 *    signed only by other keys ("not signed by <key>").
 *  - Two validly signed checkpoints that disagree: after a root mismatch the
 *    verifier reads on; if a later checkpoint matches the records, the
 *    earlier one was not a prefix of it: the gateway's key signed two
 *    inconsistent trees (a split view or a compromised key), reported as such.
 *  - A time regression or non-canonical record that a valid checkpoint then
 *    covers was signed that way by the gateway: a warning (e.g. its clock
 *    stepped back), not tampering. Uncovered, it is a failure.
 *
 * The verifier reports the FIRST fault in file order (with the exception
 * just described) and stops; it never repairs. A bad export is re-exported
 * from the gateway and the two compared.
 */
#ifndef MARAC_AUDITLOG_H
#define MARAC_AUDITLOG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "checkpoint.h"

#define AUDITLOG_MAGIC "MGWAUDIT"
#define AUDITLOG_VERSION 1

/*
 * Largest RECORD payload. A record holds ids, three digests and a manifest
 * of a few dozen short entries: well under 4 KiB in practice. 1 MiB (the
 * frame cap) leaves room for any manifest the policy can produce while
 * bounding one entry's buffer and its decode budget (64x).
 */
#define AUDITLOG_MAX_RECORD (1u << 20)

/* Report messages: one line each, for the auditor. */
#define AUDITLOG_MESSAGE_MAX 512

/* ---- writer ------------------------------------------------------------------------ */

typedef struct auditlog_writer auditlog_writer;

/*
 * Start an export on f (not owned: the caller closes it after
 * auditlog_writer_finish). Writes the header at once.
 * origin: the log's origin, as in its checkpoints (1..255 bytes, UTF-8, no
 * control characters). On success *out owns the writer (auditlog_writer_free).
 * Returns 0, MGW_E_INVALID (bad origin), MGW_E_IO, MGW_E_NOMEM.
 */
int auditlog_writer_open(FILE *f, const char *origin, auditlog_writer **out);

/*
 * Append record rec[0..len): the packed AuditRecord of the next seq.
 * The writer checks what the verifier will: it decodes, its seq is the
 * number of records written so far, and its encoding is canonical; it does
 * not check time (an honest gateway's clock may step back; the verifier
 * reports that). Returns 0, MGW_E_TOO_LARGE, MGW_E_MALFORMED (does not
 * decode), MGW_E_INVALID (wrong seq, non-canonical, or the writer failed
 * earlier), MGW_E_IO, MGW_E_NOMEM. After MGW_E_IO the writer is unusable.
 */
int auditlog_writer_record(auditlog_writer *w, const uint8_t *rec, size_t len);

/*
 * Append checkpoint note[0..len). It must be for exactly the records
 * written so far: same origin, size == records written, root == the root
 * of those records (checked; the signature is not: the writer has no
 * verifier key, the auditor does). Returns 0, MGW_E_TOO_LARGE,
 * MGW_E_MALFORMED (not a checkpoint), MGW_E_INVALID (another origin, size
 * or root), MGW_E_IO, MGW_E_NOMEM.
 */
int auditlog_writer_checkpoint(auditlog_writer *w, const char *note, size_t len);

/* Records written so far, and the root of the tree over them (for signing). */
uint64_t auditlog_writer_size(const auditlog_writer *w);
int auditlog_writer_root(const auditlog_writer *w, uint8_t root[32]); /* 0 or MGW_E_NOMEM */

/*
 * Write the trailer and fflush(f). No appends after it.
 * Returns 0, MGW_E_INVALID (finished already or failed earlier), MGW_E_IO.
 */
int auditlog_writer_finish(auditlog_writer *w);

/* Free the writer (does not close its FILE). NULL is fine. */
void auditlog_writer_free(auditlog_writer *w);

/* ---- verifier ------------------------------------------------------------------------ */

/* Fail (rather than warn) when some records are not covered by any checkpoint. */
#define AUDITLOG_REQUIRE_COVERAGE 0x1u

enum auditlog_fault {
	AUDITLOG_FAULT_NONE = 0,          /* verified */
	AUDITLOG_FAULT_IO,                /* the file could not be opened or read */
	AUDITLOG_FAULT_VKEY,              /* the verifier key is not a valid Ed25519 vkey */
	AUDITLOG_FAULT_HEADER,            /* bad magic, version or origin */
	AUDITLOG_FAULT_FRAMING,           /* unknown entry type, length out of bounds, data after trailer */
	AUDITLOG_FAULT_TRUNCATED,         /* the file ends before its trailer */
	AUDITLOG_FAULT_TRAILER,           /* the trailer's counts disagree with the file */
	AUDITLOG_FAULT_RECORD_DECODE,     /* a record does not decode */
	AUDITLOG_FAULT_RECORD_SEQ,        /* deleted, inserted, duplicated or reordered records */
	AUDITLOG_FAULT_RECORD_TIME,       /* time goes backwards, no checkpoint covers it */
	AUDITLOG_FAULT_RECORD_ENCODING,   /* non-canonical record, no checkpoint covers it */
	AUDITLOG_FAULT_CHECKPOINT_SIG,    /* malformed, forged or altered checkpoint */
	AUDITLOG_FAULT_CHECKPOINT_ORIGIN, /* a checkpoint of another log */
	AUDITLOG_FAULT_CHECKPOINT_SIZE,   /* size is not the records before it, or goes backwards */
	AUDITLOG_FAULT_ROOT_MISMATCH,     /* records altered since signing (a range) */
	AUDITLOG_FAULT_INCONSISTENT,      /* two validly signed checkpoints disagree */
	AUDITLOG_FAULT_UNCOVERED,         /* with AUDITLOG_REQUIRE_COVERAGE: unproven records */
};

struct auditlog_report {
	enum auditlog_fault fault;          /* AUDITLOG_FAULT_NONE iff verified */
	char message[AUDITLOG_MESSAGE_MAX]; /* the verdict in one line (set also on success) */
	/*
	 * The records the fault implicates, by position (= the seq they should
	 * have), inclusive. culprit_exact: 1 if every record in the range is
	 * implicated (e.g. "records 17..19 missing"), 0 if at least one in it is
	 * (a root mismatch). likely: within a non-exact range, the one record
	 * whose own anomaly points at it.
	 */
	int has_culprit, culprit_exact, has_likely;
	uint64_t culprit_first, culprit_last, likely;
	uint64_t records;     /* RECORD entries read */
	uint64_t checkpoints; /* checkpoints verified */
	uint64_t proven;      /* size of the last verified checkpoint: records 0..proven-1 proven */
	char origin[CHECKPOINT_MAX_ORIGIN + 1]; /* from the header */
	unsigned warnings;                  /* how many warnings */
	char warning[AUDITLOG_MESSAGE_MAX]; /* the first warning, "" if none */
};

/*
 * Verify the export at path against verifier key vkey ("<name>+<id>+<key>"),
 * streaming (memory is bounded by one entry, whatever the file's size).
 * flags: 0 or AUDITLOG_REQUIRE_COVERAGE. rep is always filled in.
 * Returns 0 (verified: rep->fault == AUDITLOG_FAULT_NONE; rep->warnings may
 * be non-zero), MGW_E_INVALID (the export does not verify: rep says why and
 * where), MGW_E_IO (cannot open or read: rep->fault AUDITLOG_FAULT_IO),
 * MGW_E_MALFORMED (bad vkey: AUDITLOG_FAULT_VKEY), or MGW_E_NOMEM.
 */
int auditlog_verify_file(const char *path, const char *vkey, unsigned flags,
			 struct auditlog_report *rep);

/* The same over an open stream (read from its current position; not closed). */
int auditlog_verify_stream(FILE *f, const char *vkey, unsigned flags, struct auditlog_report *rep);

#endif

/*
 * fuzz_auditlog.c: the audit export verifier over arbitrary bytes.
 *
 * The input is the export file, read through a memory stream, verified
 * against a fixed verifier key: the published transparency-dev/formats test
 * key "Log", whose signer key tests/unit/test_auditlog.c uses to write the
 * seeds in corpus/auditlog/ (so the fuzzer starts from exports whose
 * checkpoints verify and can reach the Merkle checks).
 *
 * Beyond "no crash, no leak, no UB", the report must be coherent: success
 * iff no fault, a one-line message always, culprit ranges ordered, nothing
 * proven beyond what was read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auditlog.h"
#include "mgw_err.h"

#define VKEY "Log+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs"

static void check(int rc, const struct auditlog_report *rep)
{
	size_t mlen = strnlen(rep->message, sizeof rep->message);
	if (mlen == 0 || mlen == sizeof rep->message || strchr(rep->message, '\n') != NULL)
		abort();
	if ((rc == MGW_OK) != (rep->fault == AUDITLOG_FAULT_NONE))
		abort();
	if (rc != MGW_OK && rc != MGW_E_INVALID && rc != MGW_E_NOMEM)
		abort(); /* a memory stream cannot fail to read; the vkey is valid */
	if (rep->has_culprit && rep->culprit_first > rep->culprit_last)
		abort();
	if (rep->has_likely && (rep->likely < rep->culprit_first || rep->likely > rep->culprit_last))
		abort();
	if (rep->proven > rep->records)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0; /* fmemopen refuses an empty buffer */
	for (unsigned flags = 0; flags <= AUDITLOG_REQUIRE_COVERAGE; flags++) {
		FILE *f = fmemopen((void *)data, size, "rb");
		if (f == NULL)
			return 0;
		struct auditlog_report rep;
		int rc = auditlog_verify_stream(f, VKEY, flags, &rep);
		fclose(f);
		check(rc, &rep);
	}
	return 0;
}

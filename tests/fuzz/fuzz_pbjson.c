/*
 * fuzz_pbjson: JSON from files (case summaries, frames) goes through
 * pbjson_parse. It must never crash or leak, whatever it refuses it refuses
 * with a NUL-terminated reason, and whatever it accepts must dump and parse
 * back to a message that packs to the same bytes (JSON is a faithful view).
 * The input is also tried as an enum name for the CLI's --to parsing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "mgw_err.h"
#include "pbjson.h"
#include "marac/v1/case.pb-c.h"
#include "marac/v1/frame.pb-c.h"

static void round_trip(const ProtobufCMessageDescriptor *d, const char *text, size_t len,
		       int pretty)
{
	char err[256];
	memset(err, 'x', sizeof err);
	ProtobufCMessage *m = NULL;
	int rc = pbjson_parse(d, text, len, &m, err, sizeof err);
	if (rc != MGW_OK) {
		if (m != NULL || memchr(err, 0, sizeof err) == NULL || err[0] == 0)
			abort(); /* a refusal always says why */
		if (rc != MGW_E_MALFORMED && rc != MGW_E_INVALID && rc != MGW_E_TOO_LARGE)
			abort();
		return;
	}
	char *s = pbjson_dump(m, pretty);
	if (s == NULL)
		abort();
	ProtobufCMessage *m2 = NULL;
	if (pbjson_parse(d, s, strlen(s), &m2, err, sizeof err) != MGW_OK)
		abort(); /* what we write, we read */
	uint8_t *a, *b;
	size_t na, nb;
	if (codec_pack(m, &a, &na) != MGW_OK || codec_pack(m2, &b, &nb) != MGW_OK)
		abort();
	if (na != nb || memcmp(a, b, na) != 0)
		abort(); /* the JSON view lost or changed something */
	free(a);
	free(b);
	free(s);
	codec_free(m2);
	codec_free(m);
}

static void enum_name(const char *text, size_t len)
{
	char name[64], buf[64];
	if (len >= sizeof name)
		return;
	memcpy(name, text, len);
	name[len] = 0;
	const ProtobufCEnumDescriptor *d = &marac__v1__agency__descriptor;
	int v;
	if (pbjson_enum_from_name(d, name, &v) != MGW_OK)
		return;
	int w = -1;
	/* every accepted spelling names a value whose alias reads back to it */
	if (pbjson_enum_short_name(d, v, buf, sizeof buf) == NULL ||
	    pbjson_enum_from_name(d, buf, &w) != MGW_OK || w != v)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	round_trip(&marac__v1__frame__descriptor, text, size, size & 1);
	round_trip(&marac__v1__case_summary__descriptor, text, size, !(size & 1));
	enum_name(text, size);
	return 0;
}

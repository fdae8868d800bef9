/* Codec: bounded unpack, budget, UTF-8, body required. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "mgw_err.h"

static uint8_t *pack_share(const char *msg_id, const char *narrative, size_t *n)
{
	Marac__V1__CaseSummary cs = MARAC__V1__CASE_SUMMARY__INIT;
	cs.case_ref = "MARAC-T-0001";
	cs.marac_area = "testshire";
	cs.narrative = (char *)narrative;
	Marac__V1__Share sh = MARAC__V1__SHARE__INIT;
	sh.msg_id = (char *)msg_id;
	sh.summary = &cs;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_SHARE;
	f.share = &sh;
	uint8_t *buf;
	cr_assert_eq(codec_pack(&f.base, &buf, n), MGW_OK);
	return buf;
}

Test(codec, roundtrip_share)
{
	size_t n;
	uint8_t *buf = pack_share("m-1", "text", &n);
	Marac__V1__Frame *f;
	cr_assert_eq(codec_frame_unpack(buf, n, 1 << 20, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_SHARE);
	cr_assert_str_eq(f->share->msg_id, "m-1");
	cr_assert_str_eq(f->share->summary->case_ref, "MARAC-T-0001");
	codec_free(&f->base);
	free(buf);
}

Test(codec, refuses_over_cap_without_decoding)
{
	size_t n;
	uint8_t *buf = pack_share("m-1", "a long enough narrative", &n);
	Marac__V1__Frame *f = (void *)0x1;
	cr_assert_eq(codec_frame_unpack(buf, n, n - 1, &f), MGW_E_TOO_LARGE);
	cr_assert_null(f);
	free(buf);
}

Test(codec, refuses_garbage)
{
	const uint8_t junk[] = {0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01};
	Marac__V1__Frame *f;
	cr_assert_eq(codec_frame_unpack(junk, sizeof junk, 1024, &f), MGW_E_MALFORMED);
}

Test(codec, refuses_frame_without_body)
{
	Marac__V1__Frame *f;
	cr_assert_eq(codec_frame_unpack((const uint8_t *)"", 0, 1024, &f), MGW_E_MALFORMED);
}

Test(codec, refuses_invalid_utf8)
{
	size_t n;
	uint8_t *buf = pack_share("m-1", "caf\xc3(", &n);
	Marac__V1__Frame *f;
	cr_assert_eq(codec_frame_unpack(buf, n, 1 << 20, &f), MGW_E_UTF8);
	free(buf);
}

/* A NUL inside a string (valid UTF-8) would cut it short for every C
 * reader: refused. Empty strings, a string ending the message and the
 * defaults of absent fields are not NULs inside anything. */
Test(codec, refuses_a_nul_inside_a_string)
{
	size_t n;
	uint8_t *buf = pack_share("m-1", "seen at home|the rest", &n);
	uint8_t *bar = memchr(buf, '|', n);
	cr_assert_not_null(bar);
	*bar = 0;
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(codec_frame_unpack(buf, n, 1 << 20, &f), MGW_E_UTF8);
	cr_assert_null(f);
	free(buf);
	buf = pack_share("m-1", "", &n); /* empty narrative: not even written */
	cr_assert_eq(codec_frame_unpack(buf, n, 1 << 20, &f), MGW_OK);
	cr_assert_str_eq(f->share->summary->narrative, "");
	codec_free(&f->base);
	free(buf);
	/* an empty string written out (another encoder's choice): field 9, length 0 */
	Marac__V1__CaseSummary cs = MARAC__V1__CASE_SUMMARY__INIT;
	cs.case_ref = "MARAC-T-0001";
	uint8_t csb[64];
	size_t cn = protobuf_c_message_pack(&cs.base, csb);
	csb[cn++] = 9 << 3 | 2;
	csb[cn++] = 0;
	Marac__V1__CaseSummary *out = NULL;
	cr_assert_eq(codec_unpack(&marac__v1__case_summary__descriptor, csb, cn, 64,
				  (ProtobufCMessage **)&out),
		     MGW_OK);
	cr_assert_str_eq(out->narrative, "");
	codec_free(&out->base);
}

Test(codec, utf8_validator_edges)
{
	cr_assert(codec_utf8_valid("\xc3\xa9", 2));            /* é */
	cr_assert(codec_utf8_valid("\xf0\x9f\x98\x80", 4));    /* emoji */
	cr_assert_not(codec_utf8_valid("\xc0\xaf", 2));        /* overlong */
	cr_assert_not(codec_utf8_valid("\xed\xa0\x80", 3));    /* surrogate */
	cr_assert_not(codec_utf8_valid("\xf4\x90\x80\x80", 4));/* > U+10FFFF */
	cr_assert_not(codec_utf8_valid("\xe2\x82", 2));        /* truncated */
}

/* Many empty repeated sub-messages: each costs a struct; the budget stops it. */
Test(codec, budget_stops_amplification)
{
	size_t count = 200000;
	uint8_t *buf = malloc(count * 2 + 16);
	size_t n = 0;
	/* CaseSummary.others (field 6, LEN) = empty Person, repeated. */
	for (size_t i = 0; i < count; i++) {
		buf[n++] = (6 << 3) | 2;
		buf[n++] = 0;
	}
	ProtobufCMessage *m;
	int rc = codec_unpack(&marac__v1__case_summary__descriptor, buf, n, 1 << 20, &m);
	cr_assert_eq(rc, MGW_E_NOMEM, "rc=%d", rc);
	free(buf);
}

Test(codec, digest_is_stable)
{
	size_t n;
	uint8_t *buf = pack_share("m-1", "x", &n);
	Marac__V1__Frame *f;
	cr_assert_eq(codec_frame_unpack(buf, n, 1 << 20, &f), MGW_OK);
	uint8_t d1[32], d2[32];
	codec_digest(&f->share->summary->base, d1);
	ProtobufCMessage *c = codec_clone(&f->share->summary->base);
	codec_digest(c, d2);
	cr_assert_arr_eq(d1, d2, 32);
	codec_free(c);
	codec_free(&f->base);
	free(buf);
}

/* Fields outside the schema are dropped, never stored or forwarded. */
Test(codec, unknown_fields_are_dropped)
{
	size_t n;
	uint8_t *buf = pack_share("m-1", "x", &n);
	/* Append an unknown field 99 (LEN) to the Frame and one inside the Share. */
	uint8_t extra[] = {0x9a, 0x06, 0x03, 'a', 'b', 'c'};
	uint8_t *b2 = malloc(n + sizeof extra);
	memcpy(b2, buf, n);
	memcpy(b2 + n, extra, sizeof extra);
	Marac__V1__Frame *f;
	cr_assert_eq(codec_frame_unpack(b2, n + sizeof extra, 1 << 20, &f), MGW_OK);
	cr_assert_eq(f->base.n_unknown_fields, 0);
	uint8_t *re;
	size_t rn;
	codec_pack(&f->base, &re, &rn);
	cr_assert_eq(rn, n, "re-packed frame carries nothing unknown");
	free(re);
	codec_free(&f->base);
	free(b2);
	free(buf);
}

/* Found by libFuzzer: a field-number-0 tag inside a sub-message. */
Test(codec, fuzz_regression_tag_zero)
{
	const uint8_t in[] = {0x12, 0x03, 0x80, 0x00, 0x35};
	Marac__V1__Frame *f = NULL;
	int rc = codec_frame_unpack(in, sizeof in, 1024, &f);
	if (rc == MGW_OK) {
		uint8_t *a;
		size_t na;
		codec_pack(&f->base, &a, &na);
		Marac__V1__Frame *g;
		cr_assert_eq(codec_frame_unpack(a, na, 1024, &g), MGW_OK);
		codec_free(&g->base);
		free(a);
		codec_free(&f->base);
	}
}

/*
 * Field numbers at and past the edge of the range (r-redteam4): the largest
 * (2^29 - 1) is an unknown field, dropped; a tag whose number does not fit
 * (a varint of more than 32 bits) and field number 0 are malformed. None
 * is carried into the decoded Frame.
 */
Test(codec, field_numbers_out_of_range)
{
	size_t n;
	uint8_t *buf = pack_share("m-1", "x", &n);
	uint8_t *b2 = malloc(n + 16);
	memcpy(b2, buf, n);
	/* field 536870911, varint: tag (2^29-1)<<3 | 0 = 0xFFFFFFF8 */
	const uint8_t max_field[] = {0xf8, 0xff, 0xff, 0xff, 0x0f, 0x01};
	memcpy(b2 + n, max_field, sizeof max_field);
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(codec_frame_unpack(b2, n + sizeof max_field, 1 << 20, &f), MGW_OK);
	cr_assert_eq(f->base.n_unknown_fields, 0);
	codec_free(&f->base);
	/* a tag of 6 varint bytes (beyond 32 bits) */
	const uint8_t too_big[] = {0xf8, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01};
	memcpy(b2 + n, too_big, sizeof too_big);
	f = NULL;
	cr_assert_eq(codec_frame_unpack(b2, n + sizeof too_big, 1 << 20, &f), MGW_E_MALFORMED);
	cr_assert_null(f);
	/* field number 0 */
	const uint8_t zero[] = {0x00, 0x01};
	memcpy(b2 + n, zero, sizeof zero);
	cr_assert_eq(codec_frame_unpack(b2, n + sizeof zero, 1 << 20, &f), MGW_E_MALFORMED);
	free(b2);
	free(buf);
}

/*
 * pbjson: the proto3 JSON mapping. Round trips both ways for every field
 * kind in marac.v1, both key spellings, the three enum spellings, and one
 * test per refusal: each names the path the CLI will print.
 * All data synthetic: 07700 900xxx phones, NHS numbers starting 999.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "mgw_err.h"
#include "pbjson.h"
#include "marac/v1/case.pb-c.h"
#include "marac/v1/frame.pb-c.h"

#define CASE (&marac__v1__case_summary__descriptor)
#define FRAME (&marac__v1__frame__descriptor)
#define SHARE (&marac__v1__share__descriptor)

static char *slurp(const char *rel, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", MARAC_SOURCE_DIR, rel);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	cr_assert_geq(n, 0);
	rewind(f);
	char *buf = malloc((size_t)n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = 0;
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static ProtobufCMessage *parse_ok(const ProtobufCMessageDescriptor *d, const char *text)
{
	char err[256];
	ProtobufCMessage *m = NULL;
	int rc = pbjson_parse(d, text, strlen(text), &m, err, sizeof err);
	cr_assert_eq(rc, MGW_OK, "parse failed (%d): %s", rc, err);
	cr_assert_not_null(m);
	return m;
}

/* Refused with rc, and err is exactly want (or starts with it if prefix). */
static void parse_bad(const ProtobufCMessageDescriptor *d, const char *text, int want_rc,
		      const char *want, int prefix)
{
	char err[256];
	ProtobufCMessage *m = (ProtobufCMessage *)0x1;
	int rc = pbjson_parse(d, text, strlen(text), &m, err, sizeof err);
	cr_assert_eq(rc, want_rc, "rc %d (want %d) for %s: %s", rc, want_rc, text, err);
	cr_assert_null(m);
	if (prefix)
		cr_assert_eq(strncmp(err, want, strlen(want)), 0, "err \"%s\", want \"%s...\"",
			     err, want);
	else
		cr_assert_str_eq(err, want);
}

static void assert_same_bytes(const ProtobufCMessage *a, const ProtobufCMessage *b)
{
	uint8_t *pa, *pb;
	size_t na, nb;
	cr_assert_eq(codec_pack(a, &pa, &na), MGW_OK);
	cr_assert_eq(codec_pack(b, &pb, &nb), MGW_OK);
	cr_assert_eq(na, nb, "packed sizes differ: %zu vs %zu", na, nb);
	cr_assert_eq(memcmp(pa, pb, na), 0, "packed bytes differ");
	free(pa);
	free(pb);
}

/*
 * text -> message -> JSON equals text (when it is in canonical output form),
 * and message -> JSON text (pretty and compact) -> message packs to the
 * same bytes. Returns the message for further checks.
 */
static ProtobufCMessage *round_trip(const ProtobufCMessageDescriptor *d, const char *text,
				    int canonical)
{
	ProtobufCMessage *m = parse_ok(d, text);
	if (canonical) {
		json_error_t je;
		json_t *in = json_loads(text, 0, &je);
		cr_assert_not_null(in, "test JSON: %s", je.text);
		json_t *out = pbjson_to_json(m);
		cr_assert_not_null(out);
		char *s = json_dumps(out, JSON_COMPACT);
		cr_assert(json_equal(in, out), "JSON changed: %s", s);
		free(s);
		json_decref(in);
		json_decref(out);
	}
	for (int pretty = 0; pretty < 2; pretty++) {
		char *s = pbjson_dump(m, pretty);
		cr_assert_not_null(s);
		ProtobufCMessage *m2 = parse_ok(d, s);
		assert_same_bytes(m, m2);
		codec_free(m2);
		free(s);
	}
	return m;
}

/* mod-11 check of a 10-digit NHS number */
static int nhs_ok(const char *s)
{
	if (strlen(s) != 10)
		return 0;
	int sum = 0;
	for (int i = 0; i < 9; i++)
		sum += (s[i] - '0') * (10 - i);
	int check = 11 - sum % 11;
	if (check == 11)
		check = 0;
	return check != 10 && check == s[9] - '0';
}

/* ---- round trips ------------------------------------------------------------ */

Test(pbjson, fixture_case_round_trips)
{
	size_t len;
	char *text = slurp("tests/fixtures/case_basic.json", &len);
	Marac__V1__CaseSummary *cs = (void *)round_trip(CASE, text, 1);
	cr_assert_str_eq(cs->case_ref, "MARAC-TS-0001");
	cr_assert_str_eq(cs->marac_area, "testshire");
	cr_assert_eq(cs->victim->n_phones, 2);
	cr_assert(nhs_ok(cs->victim->nhs_number), "fixture NHS number fails mod 11");
	cr_assert_eq(strncmp(cs->victim->nhs_number, "999", 3), 0);
	cr_assert_eq(cs->victim->safe_to_call, MARAC__V1__ANSWER__ANSWER_YES);
	cr_assert_eq(cs->n_perpetrators, 1);
	cr_assert_str_neq(cs->perpetrators[0]->pnc_id, "");
	cr_assert_eq(cs->n_children, 2);
	for (size_t i = 0; i < cs->n_children; i++) {
		cr_assert_str_neq(cs->children[i]->date_of_birth, "");
		cr_assert_str_neq(cs->children[i]->school, "");
	}
	cr_assert_eq(cs->n_others, 3);
	cr_assert_eq(cs->risk->form, MARAC__V1__DASH_FORM__DASH_FORM_SAFELIVES_24);
	cr_assert_eq(cs->risk->n_answers, 24);
	unsigned yes = 0;
	for (size_t i = 0; i < cs->risk->n_answers; i++)
		yes += cs->risk->answers[i]->answer == MARAC__V1__ANSWER__ANSWER_YES;
	cr_assert_eq(yes, 15);
	cr_assert_eq(cs->risk->score, 15);
	cr_assert_eq(cs->n_incidents, 2);
	cr_assert_not_null(cs->refuge_address);
	cr_assert_str_neq(cs->police_intelligence, "");
	codec_free(&cs->base);
	free(text);
}

static const char share_json[] =
	"{\"share\":{\"msgId\":\"m-0001\",\"to\":[\"AGENCY_HEALTH\",\"AGENCY_IDVA\"],"
	"\"purpose\":\"PURPOSE_MEETING\",\"lawfulBasis\":\"LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18\","
	"\"summary\":{\"caseRef\":\"MARAC-TS-0002\",\"maracArea\":\"testshire\","
	"\"victim\":{\"fullName\":\"Ima Fictional\",\"aliases\":[\"I. Fictional\"],"
	"\"dateOfBirth\":\"1991-01-02\",\"address\":{\"lines\":[\"2 Example Road\"],"
	"\"postcode\":\"TS1 2AB\"},\"phones\":[\"07700 900001\",\"+447700900002\"],"
	"\"nhsNumber\":\"9990000026\",\"role\":\"PERSON_ROLE_VICTIM\",\"safeToCall\":\"ANSWER_NO\"},"
	"\"risk\":{\"form\":\"DASH_FORM_SAFELIVES_24\",\"answers\":[{\"question\":1,"
	"\"answer\":\"ANSWER_YES\",\"comment\":\"c\",\"source\":\"victim\"}],\"score\":1,"
	"\"level\":\"RISK_LEVEL_HIGH\"},\"narrative\":\"n\",\"victimAware\":\"ANSWER_YES\"}}}";

Test(pbjson, share_frame_round_trips)
{
	Marac__V1__Frame *f = (void *)round_trip(FRAME, share_json, 1);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_SHARE);
	cr_assert_eq(f->share->n_to, 2);
	cr_assert_eq(f->share->to[1], MARAC__V1__AGENCY__AGENCY_IDVA);
	cr_assert_eq(f->share->lawful_basis,
		     MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18);
	cr_assert_str_eq(f->share->summary->victim->phones[1], "+447700900002");
	codec_free(&f->base);
}

Test(pbjson, every_scalar_kind_round_trips)
{
	/* uint64 at its maximum, negative int64, bytes, repeated messages, uint32 */
	const char *deliver =
		"{\"deliver\":{\"seq\":\"18446744073709551615\",\"deliveryId\":\"d-1\","
		"\"msgId\":\"m-1\",\"fromNode\":\"police-ts\",\"fromAgency\":\"AGENCY_POLICE\","
		"\"purpose\":\"PURPOSE_RESEARCH\",\"lawfulBasis\":\"LAWFUL_BASIS_CDA_1998_S115\","
		"\"summary\":{\"caseRef\":\"MARAC-TS-0003\"},"
		"\"manifest\":[{\"path\":\"victim.address\",\"action\":\"REDACTION_ACTION_WITHHOLD\","
		"\"ground\":\"foia-s38\",\"count\":1},{\"path\":\"narrative\","
		"\"action\":\"REDACTION_ACTION_SCRUB\",\"ground\":\"foia-s40-2\",\"count\":4294967295}],"
		"\"policySha256\":\"AAEC/w==\",\"acceptedAtMs\":\"-9223372036854775808\"}}";
	Marac__V1__Frame *f = (void *)round_trip(FRAME, deliver, 1);
	Marac__V1__Deliver *d = f->deliver;
	cr_assert_eq(d->seq, UINT64_MAX);
	cr_assert_eq(d->accepted_at_ms, INT64_MIN);
	cr_assert_eq(d->policy_sha256.len, 4);
	cr_assert_eq(memcmp(d->policy_sha256.data, "\x00\x01\x02\xff", 4), 0);
	cr_assert_eq(d->manifest[1]->count, UINT32_MAX);
	codec_free(&f->base);

	/* bool, int64, repeated strings, and an empty sub-message kept as {} */
	const char *accepted =
		"{\"shareAccepted\":{\"msgId\":\"m-1\",\"deliveries\":[{\"deliveryId\":\"d-1\","
		"\"agency\":\"AGENCY_HEALTH\",\"nodeId\":\"health-ts\"},{}],\"auditSeq\":\"42\","
		"\"duplicate\":true,\"acceptedAtMs\":\"1764000000000\"}}";
	f = (void *)round_trip(FRAME, accepted, 1);
	cr_assert_eq(f->share_accepted->duplicate, 1);
	cr_assert_eq(f->share_accepted->n_deliveries, 2);
	codec_free(&f->base);

	const char *welcome =
		"{\"welcome\":{\"nodeId\":\"idva-ts\",\"agency\":\"AGENCY_IDVA\","
		"\"roles\":[\"node\",\"chair\"],\"areas\":[\"testshire\"],\"ackedThrough\":\"7\","
		"\"maxFrameBytes\":1048576,\"maxInFlight\":64,\"gatewayVersion\":\"0.1.0\","
		"\"serverTimeMs\":\"1764000000000\"}}";
	f = (void *)round_trip(FRAME, welcome, 1);
	cr_assert_eq(f->welcome->server_time_ms, 1764000000000LL);
	codec_free(&f->base);

	/* a oneof member with no fields set is still the chosen member */
	f = (void *)round_trip(FRAME, "{\"hello\":{}}", 1);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_HELLO);
	codec_free(&f->base);
}

Test(pbjson, hand_built_message_round_trips)
{
	/* every block from codec_* so that codec_free releases it */
	Marac__V1__Frame *f = (void *)codec_new(FRAME);
	Marac__V1__Deliver *d = (void *)codec_new(&marac__v1__deliver__descriptor);
	Marac__V1__CaseSummary *cs = (void *)codec_new(CASE);
	Marac__V1__Person *p = (void *)codec_new(&marac__v1__person__descriptor);
	cr_assert(f && d && cs && p);
	f->body_case = MARAC__V1__FRAME__BODY_DELIVER;
	f->deliver = d;
	d->seq = 1ULL << 60;
	d->accepted_at_ms = -5;
	d->delivery_id = codec_strdup("d-9");
	d->from_agency = MARAC__V1__AGENCY__AGENCY_EDUCATION;
	d->policy_sha256.data = codec_malloc(32);
	d->policy_sha256.len = 32;
	for (int i = 0; i < 32; i++)
		d->policy_sha256.data[i] = (uint8_t)(i * 37 + 250);
	d->summary = cs;
	cs->case_ref = codec_strdup("MARAC-TS-0004");
	cs->victim_aware = MARAC__V1__ANSWER__ANSWER_NO;
	cs->n_others = 1;
	cs->others = codec_malloc(sizeof *cs->others);
	cs->others[0] = p;
	p->full_name = codec_strdup("Zed Madeup \xc3\xa9\xe2\x82\xac"); /* UTF-8 survives */
	p->n_phones = 2;
	p->phones = codec_malloc(2 * sizeof *p->phones);
	p->phones[0] = codec_strdup("07700 900777");
	p->phones[1] = codec_strdup("07700900778");
	p->role = MARAC__V1__PERSON_ROLE__PERSON_ROLE_NEIGHBOUR;

	char *text = pbjson_dump(&f->base, 0);
	cr_assert_not_null(text);
	ProtobufCMessage *back = parse_ok(FRAME, text);
	assert_same_bytes(&f->base, back);
	codec_free(back);
	free(text);
	codec_free(&f->base);
}

Test(pbjson, enum_value_outside_the_schema_dumps_as_a_number)
{
	/* protobuf-c keeps unknown enum numbers from the wire; the dump shows them */
	Marac__V1__Share *sh = (void *)codec_new(SHARE);
	sh->n_to = 2;
	sh->to = codec_malloc(2 * sizeof *sh->to);
	sh->to[0] = MARAC__V1__AGENCY__AGENCY_HOUSING;
	sh->to[1] = 99;
	char *s = pbjson_dump(&sh->base, 0);
	cr_assert_str_eq(s, "{\"to\":[\"AGENCY_HOUSING\",99]}");
	/* and input stays strict: a number the enum does not declare is refused */
	parse_bad(SHARE, s, MGW_E_INVALID, "to[1]: unknown enum value 99 for marac.v1.Agency", 0);
	free(s);
	codec_free(&sh->base);
}

/* ---- input spellings --------------------------------------------------------- */

Test(pbjson, snake_and_camel_case_read_alike)
{
	ProtobufCMessage *a = parse_ok(CASE,
		"{\"case_ref\":\"MARAC-TS-0005\",\"victim\":{\"full_name\":\"Al Pseudonym\","
		"\"date_of_birth\":\"1980-05-06\",\"safe_to_call\":\"ANSWER_YES\"},"
		"\"police_intelligence\":\"marker\",\"refuge_address\":{\"postcode\":\"TS9 9ZZ\"}}");
	ProtobufCMessage *b = parse_ok(CASE,
		"{\"caseRef\":\"MARAC-TS-0005\",\"victim\":{\"fullName\":\"Al Pseudonym\","
		"\"dateOfBirth\":\"1980-05-06\",\"safeToCall\":\"ANSWER_YES\"},"
		"\"policeIntelligence\":\"marker\",\"refugeAddress\":{\"postcode\":\"TS9 9ZZ\"}}");
	assert_same_bytes(a, b);
	/* output is always lowerCamelCase */
	char *s = pbjson_dump(a, 0);
	cr_assert_not_null(strstr(s, "\"policeIntelligence\""));
	cr_assert_null(strstr(s, "police_intelligence"));
	free(s);
	codec_free(a);
	codec_free(b);
}

Test(pbjson, one_field_under_both_names_is_refused)
{
	parse_bad(CASE, "{\"caseRef\":\"a\",\"case_ref\":\"b\"}", MGW_E_INVALID,
		  "case_ref: field given twice (as snake_case and lowerCamelCase)", 0);
	parse_bad(CASE, "{\"victim\":{\"phones\":[\"07700 900001\"],\"phones\":[]}}",
		  MGW_E_MALFORMED, "line 1 column", 1); /* the same key: jansson refuses it */
}

Test(pbjson, enum_spellings)
{
	ProtobufCMessage *a = parse_ok(SHARE,
		"{\"to\":[\"AGENCY_POLICE\",\"AGENCY_CHILDRENS_SOCIAL_CARE\"],"
		"\"purpose\":\"PURPOSE_REFERRAL\"}");
	ProtobufCMessage *b = parse_ok(SHARE,
		"{\"to\":[\"police\",\"childrens_social_care\"],\"purpose\":\"referral\"}");
	ProtobufCMessage *c = parse_ok(SHARE, "{\"to\":[1,2],\"purpose\":1}");
	ProtobufCMessage *d = parse_ok(SHARE, "{\"to\":[\"Police\",\"2\"],\"purpose\":\"1\"}");
	assert_same_bytes(a, b);
	assert_same_bytes(a, c);
	assert_same_bytes(a, d);
	char *s = pbjson_dump(c, 0);
	cr_assert_str_eq(s, "{\"to\":[\"AGENCY_POLICE\",\"AGENCY_CHILDRENS_SOCIAL_CARE\"],"
			    "\"purpose\":\"PURPOSE_REFERRAL\"}");
	free(s);
	codec_free(a);
	codec_free(b);
	codec_free(c);
	codec_free(d);

	parse_bad(FRAME, "{\"share\":{\"to\":[\"polce\"]}}", MGW_E_INVALID,
		  "share.to[0]: unknown enum value \"polce\" for marac.v1.Agency", 0);
	parse_bad(FRAME, "{\"share\":{\"to\":[\"police\",99]}}", MGW_E_INVALID,
		  "share.to[1]: unknown enum value 99 for marac.v1.Agency", 0);
	parse_bad(SHARE, "{\"purpose\":4294967297}", MGW_E_INVALID,
		  "purpose: unknown enum value 4294967297 for marac.v1.Purpose", 0);
	parse_bad(SHARE, "{\"purpose\":true}", MGW_E_INVALID,
		  "purpose: expected an enum value name or number for marac.v1.Purpose", 0);
	/* free text in an enum field is not echoed: it may be someone's name */
	parse_bad(CASE, "{\"victim\":{\"role\":\"Ima Fictional\"}}", MGW_E_INVALID,
		  "victim.role: unknown enum value for marac.v1.PersonRole", 0);
	/* the prefix alone, or the alias with the prefix's case changed, is not a name */
	parse_bad(SHARE, "{\"purpose\":\"PURPOSE_\"}", MGW_E_INVALID,
		  "purpose: unknown enum value \"PURPOSE_\" for marac.v1.Purpose", 0);
	parse_bad(SHARE, "{\"purpose\":\"purpose_referral\"}", MGW_E_INVALID, "purpose: unknown", 1);
	parse_bad(SHARE, "{\"purpose\":\" 1\"}", MGW_E_INVALID, "purpose: unknown", 1);
	parse_bad(SHARE, "{\"purpose\":\"+1\"}", MGW_E_INVALID, "purpose: unknown", 1);
}

Test(pbjson, enum_helpers)
{
	char buf[64];
	const ProtobufCEnumDescriptor *ag = &marac__v1__agency__descriptor;
	cr_assert_str_eq(pbjson_enum_short_name(ag, MARAC__V1__AGENCY__AGENCY_POLICE, buf,
						sizeof buf), "police");
	cr_assert_str_eq(pbjson_enum_short_name(&marac__v1__answer__descriptor, 0, buf,
						sizeof buf), "not_known");
	cr_assert_str_eq(pbjson_enum_short_name(&marac__v1__lawful_basis__descriptor, 3, buf,
						sizeof buf), "cda_1998_s115");
	cr_assert_str_eq(pbjson_enum_short_name(&marac__v1__purpose__descriptor, 4, buf,
						sizeof buf), "action_update");
	cr_assert_null(pbjson_enum_short_name(ag, 99, buf, sizeof buf));
	cr_assert_null(pbjson_enum_short_name(ag, 1, buf, 6)); /* "police" needs 7 */
	cr_assert_not_null(pbjson_enum_short_name(ag, 1, buf, 7));

	int v = -1;
	cr_assert_eq(pbjson_enum_from_name(ag, "health", &v), MGW_OK);
	cr_assert_eq(v, MARAC__V1__AGENCY__AGENCY_HEALTH);
	cr_assert_eq(pbjson_enum_from_name(ag, "AGENCY_IDVA", &v), MGW_OK);
	cr_assert_eq(v, MARAC__V1__AGENCY__AGENCY_IDVA);
	cr_assert_eq(pbjson_enum_from_name(ag, "8", &v), MGW_OK);
	cr_assert_eq(v, MARAC__V1__AGENCY__AGENCY_EDUCATION);
	v = -1;
	cr_assert_eq(pbjson_enum_from_name(ag, "", &v), MGW_E_NOTFOUND);
	cr_assert_eq(pbjson_enum_from_name(ag, "9", &v), MGW_E_NOTFOUND);
	cr_assert_eq(pbjson_enum_from_name(ag, "-0", &v), MGW_OK); /* zero, spelt oddly */
	cr_assert_eq(v, 0);
	cr_assert_eq(pbjson_enum_from_name(ag, "-2147483649", &v), MGW_E_NOTFOUND);
	cr_assert_eq(pbjson_enum_from_name(ag, "99999999999999999999999", &v), MGW_E_NOTFOUND);

	/* every value of every enum: alias and full name read back to the value */
	const ProtobufCEnumDescriptor *all[] = {
		ag, &marac__v1__answer__descriptor, &marac__v1__person_role__descriptor,
		&marac__v1__risk_level__descriptor, &marac__v1__dash_form__descriptor,
		&marac__v1__purpose__descriptor, &marac__v1__lawful_basis__descriptor,
		&marac__v1__redaction_action__descriptor, &marac__v1__error_code__descriptor,
	};
	for (size_t e = 0; e < sizeof all / sizeof all[0]; e++)
		for (unsigned i = 0; i < all[e]->n_values; i++) {
			int want = all[e]->values[i].value, got = -1;
			cr_assert_not_null(pbjson_enum_short_name(all[e], want, buf, sizeof buf));
			cr_assert_eq(pbjson_enum_from_name(all[e], buf, &got), MGW_OK, "%s", buf);
			cr_assert_eq(got, want, "%s: %s", all[e]->name, buf);
			cr_assert_eq(pbjson_enum_from_name(all[e], all[e]->values[i].name, &got),
				     MGW_OK);
			cr_assert_eq(got, want);
		}
}

/* ---- refusals, each naming the path ------------------------------------------ */

Test(pbjson, unknown_field_names_its_path)
{
	parse_bad(SHARE, "{\"summary\":{\"caseRef\":\"x\",\"frobnicate\":1}}", MGW_E_INVALID,
		  "summary.frobnicate: unknown field", 0);
	parse_bad(FRAME, "{\"share\":{\"summary\":{\"victim\":{\"shoeSize\":9}}}}", MGW_E_INVALID,
		  "share.summary.victim.shoeSize: unknown field", 0);
	parse_bad(CASE, "{\"others\":[{},{\"address\":{\"flat\":\"2\"}}]}", MGW_E_INVALID,
		  "others[1].address.flat: unknown field", 0);
	/* a key that is free text is not echoed */
	parse_bad(CASE, "{\"victim\":{\"Ima Fictional\":1}}", MGW_E_INVALID,
		  "victim: unknown field (a key that is not a field name of marac.v1.Person)", 0);
	/* a oneof's name is not a field */
	parse_bad(FRAME, "{\"body\":{}}", MGW_E_INVALID, "body: unknown field", 0);
}

Test(pbjson, wrong_types_name_path_and_index)
{
	parse_bad(CASE, "{\"victim\":{\"phones\":[\"07700 900001\",7700900002]}}", MGW_E_INVALID,
		  "victim.phones[1]: expected a string", 0);
	parse_bad(CASE, "{\"victim\":{\"phones\":\"07700 900001\"}}", MGW_E_INVALID,
		  "victim.phones: expected a list", 0);
	parse_bad(CASE, "{\"victim\":{\"phones\":[null]}}", MGW_E_INVALID,
		  "victim.phones[0]: null is not allowed in a list", 0);
	parse_bad(CASE, "{\"children\":[{\"fullName\":\"A\"},\"B\"]}", MGW_E_INVALID,
		  "children[1]: expected an object (marac.v1.Person)", 0);
	parse_bad(CASE, "{\"risk\":{\"answers\":[{},{\"question\":\"two\"}]}}", MGW_E_INVALID,
		  "risk.answers[1].question: expected an integer (a number or a decimal string)",
		  0);
	parse_bad(CASE, "{\"risk\":{\"score\":1.5}}", MGW_E_INVALID,
		  "risk.score: expected an integer", 0);
	parse_bad(CASE, "{\"risk\":{\"score\":true}}", MGW_E_INVALID,
		  "risk.score: expected an integer", 0);
	parse_bad(FRAME, "{\"shareAccepted\":{\"duplicate\":1}}", MGW_E_INVALID,
		  "shareAccepted.duplicate: expected true or false", 0);
	parse_bad(FRAME, "{\"deliver\":{\"policySha256\":5}}", MGW_E_INVALID,
		  "deliver.policySha256: expected base64 text", 0);
	parse_bad(CASE, "[]", MGW_E_INVALID, "expected an object (marac.v1.CaseSummary)", 0);
}

Test(pbjson, bad_json_names_line_and_column)
{
	parse_bad(CASE, "{\n  \"caseRef\": \"x\",\n  \"maracArea\" \"testshire\"\n}",
		  MGW_E_MALFORMED, "line 3 column ", 1);
	parse_bad(CASE, "", MGW_E_MALFORMED, "line 1 column", 1);
	parse_bad(CASE, "{\"caseRef\":\"x\"} trailing", MGW_E_MALFORMED, "line 1 column", 1);

	/* jansson quotes the text near the error: a bare name must not come back */
	char err[256];
	ProtobufCMessage *m;
	const char *t = "{\"victim\": {\"fullName\": Ima Fictional}}";
	cr_assert_eq(pbjson_parse(CASE, t, strlen(t), &m, err, sizeof err), MGW_E_MALFORMED);
	cr_assert_null(strstr(err, "Ima"), "err echoes input: %s", err);
	cr_assert_eq(strncmp(err, "line 1 column ", 14), 0, "%s", err);
}

Test(pbjson, int64_as_string_or_number)
{
	ProtobufCMessage *a = parse_ok(FRAME, "{\"welcome\":{\"serverTimeMs\":\"1764000000000\"}}");
	ProtobufCMessage *b = parse_ok(FRAME, "{\"welcome\":{\"serverTimeMs\":1764000000000}}");
	assert_same_bytes(a, b);
	char *s = pbjson_dump(b, 0);
	cr_assert_str_eq(s, "{\"welcome\":{\"serverTimeMs\":\"1764000000000\"}}");
	free(s);
	codec_free(a);
	codec_free(b);
	/* 32-bit fields take decimal strings too, within range */
	a = parse_ok(CASE, "{\"risk\":{\"score\":\"15\"}}");
	cr_assert_eq(((Marac__V1__CaseSummary *)a)->risk->score, 15);
	codec_free(a);
}

Test(pbjson, out_of_range_numbers_are_refused)
{
	parse_bad(CASE, "{\"risk\":{\"score\":4294967296}}", MGW_E_INVALID,
		  "risk.score: number out of range for uint32", 0);
	parse_bad(CASE, "{\"risk\":{\"score\":-1}}", MGW_E_INVALID,
		  "risk.score: number out of range for uint32", 0);
	parse_bad(CASE, "{\"risk\":{\"score\":\"-1\"}}", MGW_E_INVALID,
		  "risk.score: number out of range for uint32", 0);
	parse_bad(FRAME, "{\"deliver\":{\"seq\":\"18446744073709551616\"}}", MGW_E_INVALID,
		  "deliver.seq: number out of range for uint64", 0);
	parse_bad(FRAME, "{\"deliver\":{\"seq\":-1}}", MGW_E_INVALID,
		  "deliver.seq: number out of range for uint64", 0);
	parse_bad(FRAME, "{\"deliver\":{\"acceptedAtMs\":\"9223372036854775808\"}}", MGW_E_INVALID,
		  "deliver.acceptedAtMs: number out of range for int64", 0);
	parse_bad(FRAME, "{\"deliver\":{\"acceptedAtMs\":\"-9223372036854775809\"}}",
		  MGW_E_INVALID, "deliver.acceptedAtMs: number out of range for int64", 0);
	/* beyond int64 as a JSON literal: jansson itself refuses it */
	parse_bad(FRAME, "{\"deliver\":{\"seq\":18446744073709551615}}", MGW_E_MALFORMED,
		  "line 1 column", 1);
	/* only plain decimal text */
	const char *junk[] = {"\"\"", "\"-\"", "\" 1\"", "\"+1\"", "\"1 \"", "\"0x10\"", "\"1e3\"",
			      "\"1.0\""};
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
		char t[128];
		snprintf(t, sizeof t, "{\"deliver\":{\"seq\":%s}}", junk[i]);
		parse_bad(FRAME, t, MGW_E_INVALID,
			  "deliver.seq: expected an integer (a number or a decimal string)", 0);
	}
	ProtobufCMessage *m = parse_ok(FRAME, "{\"deliver\":{\"seq\":\"-0\",\"acceptedAtMs\":-0}}");
	cr_assert_eq(((Marac__V1__Frame *)m)->deliver->seq, 0);
	codec_free(m);
}

Test(pbjson, bytes_as_base64)
{
	const char *forms[] = {"AAEC/w==", "AAEC/w", "AAEC_w==", "AAEC_w"};
	ProtobufCMessage *first = NULL;
	for (size_t i = 0; i < 4; i++) {
		char t[128];
		snprintf(t, sizeof t, "{\"deliver\":{\"policySha256\":\"%s\"}}", forms[i]);
		ProtobufCMessage *m = parse_ok(FRAME, t);
		Marac__V1__Deliver *d = ((Marac__V1__Frame *)m)->deliver;
		cr_assert_eq(d->policy_sha256.len, 4);
		cr_assert_eq(memcmp(d->policy_sha256.data, "\x00\x01\x02\xff", 4), 0);
		char *s = pbjson_dump(m, 0);
		cr_assert_str_eq(s, "{\"deliver\":{\"policySha256\":\"AAEC/w==\"}}"); /* standard */
		free(s);
		if (first) {
			assert_same_bytes(first, m);
			codec_free(m);
		} else {
			first = m;
		}
	}
	codec_free(first);

	/* every length mod 3 */
	const char *ok[][2] = {{"", ""}, {"QQ==", "A"}, {"QUI=", "AB"}, {"QUJD", "ABC"},
			       {"QUJDRA", "ABCD"}};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char t[128];
		snprintf(t, sizeof t, "{\"deliver\":{\"policySha256\":\"%s\"}}", ok[i][0]);
		ProtobufCMessage *m = parse_ok(FRAME, t);
		Marac__V1__Deliver *d = ((Marac__V1__Frame *)m)->deliver;
		cr_assert_eq(d->policy_sha256.len, strlen(ok[i][1]));
		cr_assert_eq(memcmp(d->policy_sha256.data, ok[i][1], d->policy_sha256.len), 0);
		codec_free(m);
	}

	const char *bad[] = {"A", "AAAAA", "AA=A", "QR==", "QUJ=x", "QU I=", "Q===", "====",
			     "QUI==", "QUJD\\n", "QU*D", "\\u00e9AAA"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char t[128];
		snprintf(t, sizeof t, "{\"deliver\":{\"policySha256\":\"%s\"}}", bad[i]);
		parse_bad(FRAME, t, MGW_E_INVALID, "deliver.policySha256: not valid base64", 0);
	}
}

Test(pbjson, oneof_with_two_members_is_refused)
{
	parse_bad(FRAME, "{\"hello\":{\"protocolVersion\":1},\"share\":{\"msgId\":\"m\"}}",
		  MGW_E_INVALID,
		  "share: only one member of a oneof may be set (hello is set already)", 0);
	parse_bad(FRAME, "{\"deliver_ack\":{},\"shareAccepted\":{}}", MGW_E_INVALID,
		  "shareAccepted: only one member of a oneof may be set (deliverAck is set already)",
		  0);
	/* null is "not set", so this is one member */
	ProtobufCMessage *m = parse_ok(FRAME, "{\"hello\":null,\"share\":{\"msgId\":\"m\"}}");
	cr_assert_eq(((Marac__V1__Frame *)m)->body_case, MARAC__V1__FRAME__BODY_SHARE);
	codec_free(m);
	m = parse_ok(FRAME, "{}");
	cr_assert_eq(((Marac__V1__Frame *)m)->body_case, MARAC__V1__FRAME__BODY__NOT_SET);
	codec_free(m);
}

Test(pbjson, nul_in_strings_is_refused)
{
	parse_bad(CASE, "{\"caseRef\":\"MARAC\\u0000-TS\"}", MGW_E_INVALID,
		  "caseRef: a string may not contain NUL", 0);
	parse_bad(CASE, "{\"victim\":{\"phones\":[\"07700 900001\",\"x\\u0000\"]}}", MGW_E_INVALID,
		  "victim.phones[1]: a string may not contain NUL", 0);
	parse_bad(CASE, "{\"victimAware\":\"yes\\u0000no\"}", MGW_E_INVALID,
		  "victimAware: a string may not contain NUL", 0);
	parse_bad(FRAME, "{\"deliver\":{\"seq\":\"1\\u00002\"}}", MGW_E_INVALID,
		  "deliver.seq: a string may not contain NUL", 0);
	parse_bad(FRAME, "{\"deliver\":{\"policySha256\":\"QQ==\\u0000\"}}", MGW_E_INVALID,
		  "deliver.policySha256: not valid base64", 0);

	/* and from a JSON value built in memory, NUL in a value or in a key */
	char err[256];
	ProtobufCMessage *m = (ProtobufCMessage *)0x1;
	json_t *j = json_object();
	json_object_set_new(j, "caseRef", json_stringn("ab\0cd", 5));
	cr_assert_eq(pbjson_from_json(CASE, j, &m, err, sizeof err), MGW_E_INVALID);
	cr_assert_str_eq(err, "caseRef: a string may not contain NUL");
	cr_assert_null(m);
	json_decref(j);

	j = json_object();
	json_object_setn_new(j, "caseRef\0x", 9, json_string("x"));
	cr_assert_eq(pbjson_from_json(CASE, j, &m, err, sizeof err), MGW_E_INVALID);
	cr_assert_str_eq(err, "a key may not contain NUL");
	json_decref(j);

	/* invalid UTF-8 can be built without a check: refused too */
	j = json_object();
	json_object_set_new(j, "narrative", json_stringn_nocheck("\xc3\x28", 2));
	cr_assert_eq(pbjson_from_json(CASE, j, &m, err, sizeof err), MGW_E_INVALID);
	cr_assert_str_eq(err, "narrative: a string is not valid UTF-8");
	json_decref(j);
}

Test(pbjson, null_means_default)
{
	ProtobufCMessage *m = parse_ok(CASE,
		"{\"caseRef\":null,\"victim\":null,\"perpetrators\":null,\"risk\":{\"score\":null},"
		"\"victimAware\":null}");
	Marac__V1__CaseSummary *cs = (void *)m;
	cr_assert_str_eq(cs->case_ref, "");
	cr_assert_null(cs->victim);
	cr_assert_eq(cs->n_perpetrators, 0);
	cr_assert_eq(cs->risk->score, 0);
	char *s = pbjson_dump(m, 0);
	cr_assert_str_eq(s, "{\"risk\":{}}");
	free(s);
	codec_free(m);
}

Test(pbjson, defaults_omitted_and_keys_in_field_number_order)
{
	/* keys given backwards and some at their defaults */
	ProtobufCMessage *m = parse_ok(&marac__v1__person__descriptor,
		"{\"agencyName\":\"\",\"role\":\"PERSON_ROLE_WITNESS\",\"safeToCall\":0,"
		"\"phones\":[\"07700 900321\"],\"aliases\":[],\"fullName\":\"Wyn Invented\"}");
	char *s = pbjson_dump(m, 0);
	cr_assert_str_eq(s, "{\"fullName\":\"Wyn Invented\",\"phones\":[\"07700 900321\"],"
			    "\"role\":\"PERSON_ROLE_WITNESS\"}");
	free(s);
	s = pbjson_dump(m, 1);
	cr_assert_str_eq(s, "{\n  \"fullName\": \"Wyn Invented\",\n  \"phones\": [\n"
			    "    \"07700 900321\"\n  ],\n  \"role\": \"PERSON_ROLE_WITNESS\"\n}");
	free(s);
	codec_free(m);

	m = codec_new(CASE);
	s = pbjson_dump(m, 0);
	cr_assert_str_eq(s, "{}");
	free(s);
	codec_free(m);
}

/* ---- bounds -------------------------------------------------------------------- */

Test(pbjson, text_above_the_cap_is_refused)
{
	size_t n = PBJSON_MAX_TEXT + 1;
	char *t = malloc(n);
	cr_assert_not_null(t);
	memset(t, ' ', n);
	char err[128];
	ProtobufCMessage *m = (ProtobufCMessage *)0x1;
	cr_assert_eq(pbjson_parse(CASE, t, n, &m, err, sizeof err), MGW_E_TOO_LARGE);
	cr_assert_null(m);
	free(t);
}

Test(pbjson, too_many_values_are_refused_before_parsing)
{
	size_t count = PBJSON_MAX_VALUES + 1, n = 0;
	char *t = malloc(2 * count + 64);
	cr_assert_not_null(t);
	n += (size_t)sprintf(t, "{\"victim\":{\"aliases\":[");
	for (size_t i = 0; i < count; i++) {
		t[n++] = '0';
		t[n++] = ',';
	}
	n += (size_t)sprintf(t + n, "0]}}");
	char err[128];
	ProtobufCMessage *m;
	cr_assert_eq(pbjson_parse(CASE, t, n, &m, err, sizeof err), MGW_E_TOO_LARGE);
	cr_assert_not_null(strstr(err, "JSON values"), "%s", err);
	free(t);
}

Test(pbjson, nesting_beyond_the_schema_is_refused)
{
	/* CaseSummary: summary{ perpetrators[ {person} address{ lines[ = 5 levels */
	ProtobufCMessage *m = parse_ok(CASE,
		"{\"perpetrators\":[{\"address\":{\"lines\":[\"9 Sample Street\"]}}]}");
	codec_free(m);
	parse_bad(CASE, "{\"victim\":{\"address\":{\"lines\":[[[\"x\"]]]}}}", MGW_E_INVALID,
		  "line 1 column 33: nested deeper than marac.v1.CaseSummary allows (5 levels)", 0);
	/* deep garbage costs a scan, not a parse */
	size_t depth = 100000;
	char *t = malloc(depth + 1);
	memset(t, '[', depth);
	t[depth] = 0;
	parse_bad(FRAME, t, MGW_E_INVALID, "line 1 column 8: nested deeper than marac.v1.Frame", 1);
	free(t);
	/* pbjson_from_json walks only what the schema names */
	json_error_t je;
	json_t *j = json_loads("{\"share\":{\"summary\":{\"victim\":{\"address\":{\"lines\":[[]]}}}}}",
			       0, &je);
	char err[128];
	cr_assert_eq(pbjson_from_json(FRAME, j, &m, err, sizeof err), MGW_E_INVALID);
	cr_assert_str_eq(err, "share.summary.victim.address.lines[0]: expected a string");
	json_decref(j);
}

Test(pbjson, error_buffer_may_be_small_or_absent)
{
	ProtobufCMessage *m;
	const char *t = "{\"frobnicate\":1}";
	cr_assert_eq(pbjson_parse(CASE, t, strlen(t), &m, NULL, 0), MGW_E_INVALID);
	char err[8];
	cr_assert_eq(pbjson_parse(CASE, t, strlen(t), &m, err, sizeof err), MGW_E_INVALID);
	cr_assert_str_eq(err, "frobnic");
	cr_assert_eq(pbjson_parse(CASE, "{", 1, &m, err, sizeof err), MGW_E_MALFORMED);
	cr_assert_eq(strlen(err), sizeof err - 1);
}

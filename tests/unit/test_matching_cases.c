/*
 * Matching cases from data files (tests/fixtures/matching/cases.json,
 * cases2.json: a second writer's set, written without reading the first,
 * cases3.json: a third writer's, written without reading either or the
 * matching code; cases3.py writes it, and cases4.json: a fourth writer's,
 * the same way, h-match5; cases4.py writes it),
 * each run the way the gateway runs a Refer (req_refer.c), in a real
 * SQLite file of its own: the referral parsed from proto3 JSON as
 * `marac refer` reads it (pbjson), validated (referral_validate and
 * referral_basis_check with the referring agency, default DASH config),
 * keyed (match_keys), queried (match_query, 12-month window), then given a
 * case reference and recorded (match_next_case_ref, match_record,
 * cases_insert) for the steps after it.
 *
 * The file: a JSON list of cases, each
 *   {"id", "about", "why", "steps": [{"agency", "referral", "expect"}]}
 * where expect is what ReferralAccepted would say of that step:
 *   "answer": "new" | "repeat" | "linked" | "linked_later" | "refused"
 *   "match": the step whose case previous[0] (repeat) or the linked case is
 *   "previous": every step in previous[], newest first (optional)
 *   "strength": "strong" | "weak" (with "match")
 *   "matched_on": the victim's kinds, exactly (ReferralAccepted.matched_on)
 *   "perpetrator_matched_on": the perpetrator's kinds, exactly (optional)
 *   "serial": the other victims' steps a serial perpetrator notice lists,
 *   newest first (absent: none)
 *   "field": refused: the field the refusal names
 * A step may instead be a point-of-call lookup (lookup.h), which records
 * nothing: {"agency", "lookup": {"phone" | "nhs" | "name" and "dob",
 * "today"}, "expect": {"answer": "found" | "none" | "invalid", "cases": the
 * steps whose cases are found, newest first, "matched_on": the kinds of
 * the first case found}}.
 * Expected answers were written from DOMAIN.md and match.h, not from a run.
 * Every failure of every case is reported, then the test fails.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caldate.h"
#include "cases.h"
#include "codec.h"
#include "dash.h"
#include "flags.h"
#include "lookup.h"
#include "match.h"
#include "mgw_err.h"
#include "pbjson.h"

#define MAX_STEPS 8

static const uint8_t key[32] = "synthetic-test-hmac-key-32-bytes";

struct run {
	sqlite3 *db;
	char dir[64];
	char refs[MAX_STEPS][MATCH_CASE_REF_MAX]; /* case ref of each accepted step */
	char *report;                             /* failures, one per line */
	size_t n_fail;
};

static void failf(struct run *r, const char *id, size_t step, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void failf(struct run *r, const char *id, size_t step, const char *fmt, ...)
{
	char line[1024];
	int n = snprintf(line, sizeof line, "%s step %zu: ", id, step);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
	va_end(ap);
	size_t old = r->report ? strlen(r->report) : 0;
	char *nr = realloc(r->report, old + strlen(line) + 2);
	cr_assert_not_null(nr);
	r->report = nr;
	sprintf(r->report + old, "%s\n", line);
	r->n_fail++;
}

static int agency_of(const char *s)
{
	static const char *const names[] = {"", "police", "childrens_social_care",
					    "adult_social_care", "health", "idva", "probation",
					    "housing", "education"};
	for (int i = 1; i < (int)(sizeof names / sizeof names[0]); i++)
		if (s && strcmp(s, names[i]) == 0)
			return i;
	return 0;
}

/* The step a case ref belongs to, or -1. */
static int step_of(const struct run *r, size_t n, const char *ref)
{
	for (size_t i = 0; i < n; i++)
		if (ref && strcmp(r->refs[i], ref) == 0)
			return (int)i;
	return -1;
}

/* Kinds in bits as "a,b" in kind order (the order ReferralAccepted lists them). */
static void kinds_str(unsigned bits, char *out, size_t n)
{
	size_t k = 0;
	out[0] = '\0';
	for (int kind = 1; kind < 32; kind++)
		if ((bits & (1u << kind)) && match_kind_name(kind))
			k += (size_t)snprintf(out + k, n - k, "%s%s", k ? "," : "",
					      match_kind_name(kind));
}

/* A JSON list of kind names as bits; ~0u if a name is unknown. */
static unsigned kinds_bits(const json_t *a)
{
	unsigned bits = 0;
	size_t i;
	const json_t *v;
	json_array_foreach(a, i, v) {
		int kind;
		for (kind = 1; kind < 32; kind++)
			if (match_kind_name(kind) && strcmp(match_kind_name(kind),
							    json_string_value(v) ? json_string_value(v)
										 : "") == 0)
				break;
		if (kind == 32)
			return ~0u;
		bits |= 1u << kind;
	}
	return bits;
}

static void check_kinds(struct run *r, const char *id, size_t step, const char *what,
			const json_t *want, unsigned got)
{
	if (want == NULL)
		return;
	unsigned w = kinds_bits(want);
	char gs[128], ws[128];
	kinds_str(got, gs, sizeof gs);
	kinds_str(w, ws, sizeof ws);
	if (w == ~0u)
		failf(r, id, step, "%s: unknown kind name in the expectation", what);
	else if (w != got)
		failf(r, id, step, "%s: expected [%s], got [%s]", what, ws, gs);
}

/* Check one step's match_result against its expectation. */
static void check_result(struct run *r, const char *id, size_t step, const json_t *exp,
			 const struct match_result *mr)
{
	const char *answer = json_string_value(json_object_get(exp, "answer"));
	const char *got = mr->repeat ? "repeat"
			  : mr->linked ? (mr->linked_later ? "linked_later" : "linked")
				       : "new";
	if (answer == NULL || strcmp(answer, got) != 0) {
		const struct match_prev *p = mr->repeat ? &mr->previous[0] : &mr->linked_case;
		char ks[128];
		kinds_str(p->victim_kinds, ks, sizeof ks);
		failf(r, id, step, "expected %s, got %s%s%s%s", answer ? answer : "(none)", got,
		      p->case_ref ? " on [" : "", p->case_ref ? ks : "", p->case_ref ? "]" : "");
		return;
	}
	if (mr->repeat || mr->linked) {
		const struct match_prev *p = mr->repeat ? &mr->previous[0] : &mr->linked_case;
		json_t *m = json_object_get(exp, "match");
		if (json_is_integer(m) && step_of(r, step, p->case_ref) != json_integer_value(m))
			failf(r, id, step, "matched step %d, expected step %lld",
			      step_of(r, step, p->case_ref), (long long)json_integer_value(m));
		const char *st = json_string_value(json_object_get(exp, "strength"));
		const char *gst = p->strength == MATCH_STRONG ? "strong"
				  : p->strength == MATCH_WEAK ? "weak"
							      : "none";
		if (st && strcmp(st, gst) != 0)
			failf(r, id, step, "strength: expected %s, got %s", st, gst);
		check_kinds(r, id, step, "matched_on", json_object_get(exp, "matched_on"),
			    p->victim_kinds);
		check_kinds(r, id, step, "perpetrator_matched_on",
			    json_object_get(exp, "perpetrator_matched_on"), p->perp_kinds);
	}
	json_t *prev = json_object_get(exp, "previous");
	if (prev != NULL) {
		int ok = json_array_size(prev) == mr->n_previous;
		for (size_t i = 0; ok && i < mr->n_previous; i++)
			ok = step_of(r, step, mr->previous[i].case_ref) ==
			     json_integer_value(json_array_get(prev, i));
		if (!ok)
			failf(r, id, step, "previous: expected %zu cases, got %zu (or other steps)",
			      json_array_size(prev), mr->n_previous);
	}
	json_t *serial = json_object_get(exp, "serial");
	size_t want_serial = serial ? json_array_size(serial) : 0;
	int ok = want_serial == mr->n_serial_total && mr->n_serial == mr->n_serial_total;
	for (size_t i = 0; ok && i < mr->n_serial; i++)
		ok = step_of(r, step, mr->serial[i].case_ref) ==
		     json_integer_value(json_array_get(serial, i));
	if (!ok)
		failf(r, id, step, "serial perpetrator: expected %zu other cases, got %zu (or others)",
		      want_serial, mr->n_serial_total);
}

static const char *opt_str(const json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* Run a lookup step as the point-of-call request does (lookup_keys, lookup_open_cases). */
static void run_lookup(struct run *r, const char *id, size_t step, const json_t *js)
{
	const json_t *q = json_object_get(js, "lookup");
	const json_t *exp = json_object_get(js, "expect");
	const char *answer = opt_str(exp, "answer");
	struct match_keys k;
	uint8_t digest[32];
	int32_t today;
	cr_assert_eq(caldate_parse(opt_str(q, "today"), &today), 0, "%s step %zu: today", id, step);
	int rc = lookup_keys(opt_str(q, "phone"), opt_str(q, "nhs"), opt_str(q, "name"),
			     opt_str(q, "dob"), key, sizeof key, &k, digest);
	if (answer && strcmp(answer, "invalid") == 0) {
		if (rc != MGW_E_INVALID)
			failf(r, id, step, "lookup: expected invalid, got %d", rc);
		match_keys_free(&k);
		return;
	}
	if (rc != MGW_OK) {
		failf(r, id, step, "lookup refused (%d)", rc);
		return;
	}
	struct lookup_case lc[8];
	size_t n = 0;
	cr_assert_eq(lookup_open_cases(r->db, &k, NULL, today, 12, lc, 8, &n), MGW_OK);
	match_keys_free(&k);
	const char *got = n ? "found" : "none";
	if (answer == NULL || strcmp(answer, got) != 0) {
		failf(r, id, step, "lookup: expected %s, got %s (%zu cases)", answer ? answer : "?",
		      got, n);
		return;
	}
	const json_t *cs = json_object_get(exp, "cases");
	if (cs != NULL) {
		int ok = json_array_size(cs) == n;
		for (size_t i = 0; ok && i < n; i++)
			ok = step_of(r, step, lc[i].case_ref) ==
			     json_integer_value(json_array_get(cs, i));
		if (!ok)
			failf(r, id, step, "lookup: expected %zu cases, got %zu (or other steps)",
			      json_array_size(cs), n);
	}
	if (n)
		check_kinds(r, id, step, "lookup matched_on", json_object_get(exp, "matched_on"),
			    lc[0].kinds);
}

/* Run one step as refer_svc_on and refer_wr_commit do; record it if accepted. */
static void run_step(struct run *r, const char *id, size_t step, const json_t *js)
{
	if (json_object_get(js, "lookup") != NULL) {
		run_lookup(r, id, step, js);
		return;
	}
	const json_t *exp = json_object_get(js, "expect");
	const char *answer = json_string_value(json_object_get(exp, "answer"));
	Marac__V1__Referral *ref = NULL;
	char err[256], field[64], why[256];
	if (pbjson_from_json(&marac__v1__referral__descriptor, json_object_get(js, "referral"),
			     (ProtobufCMessage **)&ref, err, sizeof err) != MGW_OK) {
		failf(r, id, step, "referral does not parse: %s", err);
		return;
	}
	struct dash_config dc;
	struct referral_check chk;
	dash_config_defaults(&dc);
	int agency = agency_of(json_string_value(json_object_get(js, "agency")));
	int v = referral_validate(&dc, ref, &chk, field, sizeof field, why, sizeof why);
	if (v == MGW_OK)
		v = referral_basis_check(agency,
					 MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18,
					 ref, field, sizeof field, why, sizeof why);
	if (answer && strcmp(answer, "refused") == 0) {
		const char *f = json_string_value(json_object_get(exp, "field"));
		if (v == MGW_OK)
			failf(r, id, step, "expected refused (%s), was accepted", f ? f : "?");
		else if (f && strcmp(f, field) != 0)
			failf(r, id, step, "refused on %s, expected %s", field, f);
		codec_free(&ref->base);
		return;
	}
	if (v != MGW_OK) {
		failf(r, id, step, "refused: %s: %s", field, why);
		codec_free(&ref->base);
		return;
	}
	struct match_keys k;
	struct match_result mr;
	int rc = match_keys(ref->victim, (const Marac__V1__Person *const *)ref->perpetrators,
			    ref->n_perpetrators, key, sizeof key, &k);
	cr_assert_eq(rc, MGW_OK, "%s step %zu: match_keys %d", id, step, rc);
	rc = match_query(r->db, &k, ref->referral_date, 12, NULL, &mr);
	cr_assert_eq(rc, MGW_OK, "%s step %zu: match_query %d", id, step, rc);
	check_result(r, id, step, exp, &mr);

	const char *area = ref->marac_area && ref->marac_area[0] ? ref->marac_area : "TS";
	cr_assert_eq(match_next_case_ref(r->db, area, atoi(ref->referral_date), r->refs[step],
					 sizeof r->refs[step]),
		     MGW_OK);
	cr_assert_eq(match_record(r->db, r->refs[step], area, ref->referral_date, &k), MGW_OK);
	struct case_row row = {
		.case_ref = r->refs[step],
		.area = area,
		.referral_date = ref->referral_date,
		.referring_agency = agency,
		.referring_node = "test-node",
		.route = ref->route,
		.score = chk.score,
		.level = chk.level,
		.repeat = mr.repeat,
		.prev_case_ref = mr.repeat ? mr.previous[0].case_ref : NULL,
		.last_referral_date = mr.repeat ? mr.previous[0].referral_date : NULL,
		.meeting_date = ref->referral_date,
	};
	cr_assert_eq(cases_insert(r->db, &row), MGW_OK);
	match_result_free(&mr);
	match_keys_free(&k);
	codec_free(&ref->base);
}

/* Run every step of one case in a new SQLite file. */
static void run_case(struct run *r, const json_t *c)
{
	const char *id = json_string_value(json_object_get(c, "id"));
	const json_t *steps = json_object_get(c, "steps");
	cr_assert(id && json_array_size(steps) >= 2 && json_array_size(steps) <= MAX_STEPS,
		  "a case has an id and 2..%d steps", MAX_STEPS);
	char path[96];
	strcpy(r->dir, "/tmp/marac-mcases-XXXXXX");
	cr_assert_not_null(mkdtemp(r->dir));
	snprintf(path, sizeof path, "%s/cases.db", r->dir);
	cr_assert_eq(sqlite3_open(path, &r->db), SQLITE_OK);
	cr_assert_eq(match_schema(r->db), MGW_OK);
	cr_assert_eq(cases_schema(r->db), MGW_OK);
	cr_assert_eq(flags_schema(r->db), MGW_OK);
	memset(r->refs, 0, sizeof r->refs);
	size_t i;
	const json_t *s;
	json_array_foreach(steps, i, s) run_step(r, id, i, s);
	sqlite3_close(r->db);
	unlink(path);
	rmdir(r->dir);
}

static json_t *load_file(const char *name)
{
	char path[512];
	json_error_t je;
	snprintf(path, sizeof path, "%s/tests/fixtures/matching/%s", MARAC_SOURCE_DIR, name);
	json_t *all = json_load_file(path, 0, &je);
	cr_assert_not_null(all, "%s: line %d: %s", name, je.line, je.text);
	cr_assert(json_is_array(all));
	return all;
}

/* Every set as one list (ids must be unique across them). */
static json_t *load_cases(void)
{
	json_t *all = load_file("cases.json");
	json_t *two = load_file("cases2.json");
	json_t *three = load_file("cases3.json");
	json_t *four = load_file("cases4.json");
	json_array_extend(all, two);
	json_array_extend(all, three);
	json_array_extend(all, four);
	json_decref(two);
	json_decref(three);
	json_decref(four);
	return all;
}

static void run_all(json_t *all)
{
	struct run r = {0};
	size_t i, n_steps = 0;
	json_t *c;
	json_array_foreach(all, i, c) {
		run_case(&r, c);
		n_steps += json_array_size(json_object_get(c, "steps"));
	}
	fprintf(stderr, "matching cases: %zu cases, %zu steps, %zu failures\n",
		json_array_size(all), n_steps, r.n_fail);
	cr_expect_geq(json_array_size(all), 80);
	cr_expect_eq(r.n_fail, 0, "failures:\n%s", r.report ? r.report : "");
	free(r.report);
	json_decref(all);
}

Test(matching_cases, every_case_as_expected, .timeout = 240)
{
	run_all(load_file("cases.json"));
}

/* The second writer's set, lookups included. */
Test(matching_cases, every_case2_as_expected, .timeout = 240)
{
	run_all(load_file("cases2.json"));
}

/* The third writer's set (h-match4): each agency's system's way of storing
 * a person, placeholders, transcription errors, window edges, lookups. */
Test(matching_cases, every_case3_as_expected, .timeout = 240)
{
	run_all(load_file("cases3.json"));
}

/* The fourth writer's set (h-match5): each agency's system's shapes of a
 * name, phone and identifier, placeholders in every field, particles and
 * scripts, perpetrator rules, serial perpetrators, window edges, lookups. */
Test(matching_cases, every_case4_as_expected, .timeout = 240)
{
	run_all(load_file("cases4.json"));
}

/* Ids are unique, and every case says why its answer is expected. */
Test(matching_cases, cases_are_documented)
{
	json_t *all = load_cases();
	size_t i, j;
	json_t *c, *d;
	json_array_foreach(all, i, c) {
		const char *id = json_string_value(json_object_get(c, "id"));
		cr_assert_not_null(id);
		cr_expect(json_string_length(json_object_get(c, "why")) > 10, "%s: no why", id);
		json_array_foreach(all, j, d) {
			if (j > i)
				cr_expect_str_neq(id, json_string_value(json_object_get(d, "id")));
		}
	}
	json_decref(all);
}

/* The instrument can fail: a case whose expectations are wrong is reported on each. */
Test(matching_cases, a_wrong_expectation_is_reported)
{
	json_error_t je;
	json_t *c = json_loads(
		"{\"id\":\"wrong\",\"steps\":["
		"{\"agency\":\"police\",\"expect\":{\"answer\":\"new\"},\"referral\":{"
		"\"victim\":{\"fullName\":\"Ada Testperson\",\"dateOfBirth\":\"1990-01-02\","
		"\"phones\":[\"07700 900001\"]},\"risk\":{\"form\":\"DASH_FORM_SAFELIVES_24\"},"
		"\"route\":\"REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT\",\"judgementReason\":\"x\","
		"\"referralDate\":\"2026-01-05\",\"maracArea\":\"TS\"}},"
		"{\"agency\":\"health\",\"expect\":{\"answer\":\"repeat\",\"match\":0,"
		"\"strength\":\"weak\",\"matched_on\":[\"nhs_number\"]},\"referral\":{"
		"\"victim\":{\"fullName\":\"Ada Testperson\",\"dateOfBirth\":\"1990-01-02\","
		"\"phones\":[\"+447700900001\"]},\"risk\":{\"form\":\"DASH_FORM_SAFELIVES_24\"},"
		"\"route\":\"REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT\",\"judgementReason\":\"x\","
		"\"referralDate\":\"2026-03-05\",\"maracArea\":\"TS\"}}]}",
		0, &je);
	cr_assert_not_null(c, "%s", je.text);
	struct run r = {0};
	run_case(&r, c);
	/* the strength and the kinds are wrong; the answer and the step are right */
	cr_expect_eq(r.n_fail, 2, "%s", r.report ? r.report : "");
	cr_expect_not_null(r.report && strstr(r.report, "strength: expected weak, got strong"));
	cr_expect_not_null(r.report && strstr(r.report, "expected [nhs_number], got [phone,name_dob]"));
	free(r.report);
	json_decref(c);
}

/*
 * Matching cases through the real daemon: a sample of
 * tests/fixtures/matching/cases.json, one of cases2.json, one of
 * cases3.json and one of cases4.json (the whole sets
 * run in unit_matching_cases), each in a gateway of its own, referred with `marac refer` by each step's agency
 * node, one gateway for all of them (the sample's people are distinct),
 * and each ReferralAccepted compared with the step's expectation: the
 * answer, the case matched, strength, matched_on and the serial notice; a
 * refused step must exit non-zero naming its field. This is what shows the
 * unit route and the daemon give the same answers.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(matching_cases, .fini = teardown, .timeout = 300);

/* One answer for every kind of expectation; their people do not overlap. */
static const char *const SAMPLE[] = {"MC-P03",  "MC-N03", "MC-I02", "MC-NM10",
				     "MC-NM17", "MC-NM41", "MC-D03", "MC-D04",
				     "MC-W07",  "MC-X05",  "MC-PR06", "MC-X10"};

/* From cases2.json (a second writer's set): phones typed with O for 0, NHS
 * dummies, "also known as", "A B SMITH", Cyrillic, PNC and CRN, a serial
 * perpetrator over three victims, a DOB in the wrong form. */
static const char *const SAMPLE2[] = {"M2-PH05", "M2-NH03", "M2-NA06", "M2-NA13",
				      "M2-NA18", "M2-PE17", "M2-PE19", "M2-PE06",
				      "M2-DB07", "M2-NI01", "M2-WI06", "M2-PE01"};

/* From cases3.json (a third writer's set, h-match4): a Storm log with a
 * placeholder DOB, "Mrs A B SMITH" with the NHS number, an NHS number typed
 * with O for 0, an LCS placeholder DOB at a postcode, née, a CRN, a serial
 * perpetrator by CRN, "Unknown" perpetrators that are no serial one, two
 * numbers joined by "or", a preferred name in brackets, a one-word alias,
 * "(maiden name ...)", a DOB in the wrong form. */
static const char *const SAMPLE3[] = {"M3-PO02", "M3-HE01", "M3-HE07", "M3-CS01", "M3-ID04",
				      "M3-PR01", "M3-PR02", "M3-NU06", "M3-XP04", "M3-XT16",
				      "M3-XT17", "M3-YN01", "M3-RF01"};

/* From cases4.json (a fourth writer's set, h-match5): an Athena phone kept
 * as an integer, "Mrs A B SMITH" with the NHS number, a common name at one
 * postcode, a comma list of aliases, a surname-only record, a perpetrator
 * known by name and DOB to the police and by CRN to probation, a serial
 * perpetrator over three victims, "Miss Unknown", an NHS number exported
 * as a float, a Polish name without its letters, a phone entry with two
 * labelled numbers, a DOB in the wrong form. */
static const char *const SAMPLE4[] = {"M5-PO03", "M5-HE01", "M5-HE07", "M5-CS05", "M5-ID04",
				      "M5-PR02", "M5-SE02", "M5-NU04", "M5-XQ04", "M5-NA02",
				      "M5-PO07", "M5-RF01"};

static const char *cert_of(const char *agency)
{
	if (strcmp(agency, "adult_social_care") == 0)
		return "asc";
	if (strcmp(agency, "childrens_social_care") == 0)
		return "csc";
	return agency;
}

/* The JSON list of kind names as one comma-joined string. */
static void joined(const json_t *a, char *out, size_t n)
{
	size_t i, k = 0;
	const json_t *v;
	out[0] = '\0';
	json_array_foreach(a, i, v) k += (size_t)snprintf(out + k, n - k, "%s%s", k ? "," : "",
							   json_string_value(v));
}

static void run_case(const json_t *c, int *n_steps)
{
	const char *id = json_string_value(json_object_get(c, "id"));
	char refs[8][32] = {{0}}, path[700], out[65536], err[8192];
	size_t i;
	const json_t *s;
	json_array_foreach(json_object_get(c, "steps"), i, s) {
		const json_t *exp = json_object_get(s, "expect");
		const char *answer = json_string_value(json_object_get(exp, "answer"));
		json_t *ref = json_deep_copy(json_object_get(s, "referral"));
		json_object_set_new(ref, "maracArea", json_string("testshire"));
		snprintf(path, sizeof path, "%s/%s-%zu.json", G.dir, id, i);
		cr_assert_eq(json_dump_file(ref, path, JSON_INDENT(1)), 0);
		json_decref(ref);
		char msg_id[64];
		snprintf(msg_id, sizeof msg_id, "%s-%zu", id, i);
		const char *args[] = {"refer", "--msg-id", msg_id, path, NULL};
		int rc = cli_run2(&G, cert_of(json_string_value(json_object_get(s, "agency"))), out,
				  sizeof out, err, sizeof err, args);
		(*n_steps)++;
		if (strcmp(answer, "refused") == 0) {
			const char *f = json_string_value(json_object_get(exp, "field"));
			cr_expect_neq(rc, 0, "%s step %zu: accepted, expected refused", id, i);
			cr_expect(f && strstr(err, f), "%s step %zu: refusal does not name %s: %s", id, i,
				  f, err);
			continue;
		}
		cr_assert_eq(rc, 0, "%s step %zu: %s%s", id, i, out, err);
		json_error_t je;
		json_t *ra = json_loads(out, 0, &je);
		cr_assert_not_null(ra, "%s step %zu: %s", id, i, out);
		snprintf(refs[i], sizeof refs[i], "%s", json_string_value(json_object_get(ra, "caseRef")));
		const json_t *prev = json_object_get(ra, "previous");
		const char *linked = json_string_value(json_object_get(ra, "linkedCaseRef"));
		const char *got = json_is_true(json_object_get(ra, "repeat")) ? "repeat"
				  : linked ? (json_is_true(json_object_get(ra, "linkedLater"))
						      ? "linked_later"
						      : "linked")
					   : "new";
		cr_expect_str_eq(got, answer, "%s step %zu: %s", id, i, out);
		const json_t *m = json_object_get(exp, "match");
		if (json_is_integer(m) && strcmp(got, answer) == 0) {
			const char *mref = strcmp(got, "repeat") == 0
						   ? json_string_value(json_object_get(
							     json_array_get(prev, 0), "caseRef"))
						   : linked;
			cr_expect_str_eq(mref ? mref : "", refs[json_integer_value(m)],
					 "%s step %zu: the case matched", id, i);
			const char *st = json_string_value(json_object_get(exp, "strength"));
			char want[16];
			snprintf(want, sizeof want, "%s", st);
			for (char *p = want; *p; p++)
				*p = (char)(*p - 'a' + 'A');
			char wst[48];
			snprintf(wst, sizeof wst, "MATCH_STRENGTH_%s", want);
			cr_expect_str_eq(json_string_value(json_object_get(ra, "strength")), wst,
					 "%s step %zu", id, i);
			char wk[160], gk[160];
			joined(json_object_get(exp, "matched_on"), wk, sizeof wk);
			joined(json_object_get(ra, "matchedOn"), gk, sizeof gk);
			cr_expect_str_eq(gk, wk, "%s step %zu: matched_on", id, i);
		}
		size_t want_serial = json_array_size(json_object_get(exp, "serial"));
		json_int_t other = json_integer_value(
			json_object_get(json_object_get(ra, "serialPerpetrator"), "otherCases"));
		cr_expect_eq((size_t)other, want_serial, "%s step %zu: serial perpetrator", id, i);
		json_decref(ra);
	}
}

/* Run the cases named in sample (n of them) from file in a new gateway; returns the steps run. */
static int run_sample(const char *file, const char *const *sample, size_t n)
{
	gw_start(&G, NULL);
	json_error_t je;
	json_t *all = json_load_file(fixture(file), 0, &je);
	cr_assert_not_null(all, "%s", je.text);
	int n_steps = 0;
	for (size_t k = 0; k < n; k++) {
		size_t i;
		json_t *c, *found = NULL;
		json_array_foreach(all, i, c) if (strcmp(json_string_value(json_object_get(c, "id")),
							 sample[k]) == 0) found = c;
		cr_assert_not_null(found, "%s is in %s", sample[k], file);
		run_case(found, &n_steps);
	}
	json_decref(all);
	return n_steps;
}

Test(matching_cases, a_sample_through_the_daemon)
{
	cr_expect_geq(run_sample("matching/cases.json", SAMPLE, sizeof SAMPLE / sizeof SAMPLE[0]),
		      24);
}

Test(matching_cases, a_sample_of_the_second_set_through_the_daemon)
{
	cr_expect_geq(run_sample("matching/cases2.json", SAMPLE2, sizeof SAMPLE2 / sizeof SAMPLE2[0]),
		      24);
}

Test(matching_cases, a_sample_of_the_third_set_through_the_daemon)
{
	cr_expect_geq(run_sample("matching/cases3.json", SAMPLE3, sizeof SAMPLE3 / sizeof SAMPLE3[0]),
		      26);
}

Test(matching_cases, a_sample_of_the_fourth_set_through_the_daemon)
{
	cr_expect_geq(run_sample("matching/cases4.json", SAMPLE4, sizeof SAMPLE4 / sizeof SAMPLE4[0]),
		      25);
}

/*
 * test_lookup.c: the point-of-call query keys and open cases (lookup.c) and
 * the flag tables (flags.c), on a fresh in-memory database with the match,
 * case and flag tables. Teardown closes it with sqlite3_close(), which
 * fails if a statement was left unfinalized.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "caldate.h"
#include "cases.h"
#include "flags.h"
#include "lookup.h"
#include "marac/v1/lifecycle.pb-c.h"
#include "match.h"
#include "mgw_err.h"

static sqlite3 *db;
static const uint8_t KEY[32] = "0123456789abcdef0123456789abcdef";

static void setup(void)
{
	cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(match_schema(db), MGW_OK);
	cr_assert_eq(cases_schema(db), MGW_OK);
	cr_assert_eq(flags_schema(db), MGW_OK);
	cr_assert_eq(flags_schema(db), MGW_OK, "idempotent");
}

static void teardown(void)
{
	if (db)
		cr_assert_eq(sqlite3_close(db), SQLITE_OK, "a statement was left open");
	db = NULL;
}

TestSuite(lookup, .init = setup, .fini = teardown);

#define POLICE MARAC__V1__AGENCY__AGENCY_POLICE
#define HEALTH MARAC__V1__AGENCY__AGENCY_HEALTH
#define IDVA MARAC__V1__AGENCY__AGENCY_IDVA

/* Record a case of victim (phone, NHS, name, DOB) referred by police on date. */
static void record(const char *ref, const char *date, const char *phone, const char *nhs,
		   const char *name, const char *dob)
{
	Marac__V1__Person v = MARAC__V1__PERSON__INIT;
	char *phones[1] = {(char *)phone};
	v.phones = phones;
	v.n_phones = phone ? 1 : 0;
	v.nhs_number = (char *)nhs;
	v.full_name = (char *)name;
	v.date_of_birth = (char *)dob;
	struct match_keys k;
	cr_assert_eq(match_keys(&v, NULL, 0, KEY, sizeof KEY, &k), MGW_OK);
	cr_assert_eq(match_record(db, ref, "testshire", date, &k), MGW_OK);
	match_keys_free(&k);
	struct case_row r = {
		.case_ref = ref,
		.area = "testshire",
		.referral_date = date,
		.referring_agency = POLICE,
		.referring_node = "police-testshire",
		.route = MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_VISIBLE_HIGH_RISK,
		.score = 15,
		.level = MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH,
		.meeting_date = date,
	};
	cr_assert_eq(cases_insert(db, &r), MGW_OK);
}

static int32_t day(const char *s)
{
	int32_t d;
	cr_assert_eq(caldate_parse(s, &d), 0);
	return d;
}

static size_t find(const char *phone, const char *nhs, const char *name, const char *dob,
		   const char *today, struct lookup_case *out, uint8_t digest[32])
{
	struct match_keys k;
	uint8_t dg[32];
	cr_assert_eq(lookup_keys(phone, nhs, name, dob, KEY, sizeof KEY, &k, digest ? digest : dg),
		     MGW_OK);
	size_t n = 99;
	cr_assert_eq(lookup_open_cases(db, &k, NULL, day(today), 12, out, 8, &n),
		     MGW_OK);
	match_keys_free(&k);
	return n;
}

Test(lookup, a_phone_in_any_format_finds_the_open_case_and_one_digest)
{
	record("TS-2026-0001", "2026-08-03", "07700 900123", "9991234578", "Alexa Testperson",
	       "1990-04-01");
	struct lookup_case lc[8];
	uint8_t d1[32], d2[32], d3[32];
	uint8_t d5[32];
	/* as a records system keeping numbers as integers has it: no trunk 0 */
	const char *forms[] = {"07700 900123", "+44 (0) 7700-900123", "447700900123",
			       "7700900123"};
	uint8_t *ds[] = {d1, d2, d3, d5};
	for (size_t i = 0; i < 4; i++) {
		cr_assert_eq(find(forms[i], NULL, NULL, NULL, "2026-11-30", lc, ds[i]), 1, "%s",
			     forms[i]);
		cr_assert_str_eq(lc[0].case_ref, "TS-2026-0001");
		cr_assert_eq(lc[0].level, MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH);
		cr_assert_str_eq(lc[0].last_heard, "2026-08-03");
		cr_assert_eq(lc[0].kinds, 1u << MATCH_KIND_PHONE);
		cr_assert_eq(lc[0].agencies, 1u << POLICE);
	}
	/* One person, one digest, whatever the format: repeated lookups show in the trail. */
	cr_assert_arr_eq(d1, d2, 32);
	cr_assert_arr_eq(d1, d3, 32);
	cr_assert_arr_eq(d1, d5, 32);
	/* A different number: a different digest, and a miss. */
	uint8_t d4[32];
	cr_assert_eq(find("07700 900124", NULL, NULL, NULL, "2026-11-30", lc, d4), 0);
	cr_assert_arr_neq(d1, d4, 32);
}

Test(lookup, nhs_number_and_name_with_dob_find_it_a_fuzzy_name_does_not)
{
	record("TS-2026-0001", "2026-08-03", "07700 900123", "9991234578", "Alexa Testperson",
	       "1990-04-01");
	struct lookup_case lc[8];
	cr_assert_eq(find(NULL, "999 123 4578", NULL, NULL, "2026-11-30", lc, NULL), 1);
	cr_assert_eq(lc[0].kinds, 1u << MATCH_KIND_NHS);
	cr_assert_eq(find(NULL, NULL, "TESTPERSON, Alexa", "01/04/1990", "2026-11-30", lc, NULL), 1);
	cr_assert_eq(lc[0].kinds, 1u << MATCH_KIND_NAME_DOB);
	/* One letter off: a fuzzy key would match; a lookup does not rest on it. */
	cr_assert_eq(find(NULL, NULL, "Alexa Testpersen", "1990-04-01", "2026-11-30", lc, NULL), 0);
	/* Same name, another DOB: someone else. */
	cr_assert_eq(find(NULL, NULL, "Alexa Testperson", "1990-04-02", "2026-11-30", lc, NULL), 0);
	/* Neither a name variant (a word cut to its initial, the DOB's day and
	 * month swapped): a lookup rests on exact keys only. */
	cr_assert_eq(find(NULL, NULL, "A Testperson", "1990-04-01", "2026-11-30", lc, NULL), 0);
	cr_assert_eq(find(NULL, NULL, "Alexa Testperson", "1990-01-04", "2026-11-30", lc, NULL), 0);
}

Test(lookup, a_query_that_does_not_normalise_or_gives_two_forms_is_invalid)
{
	struct match_keys k;
	uint8_t d[32];
	cr_assert_eq(lookup_keys("12345", NULL, NULL, NULL, KEY, sizeof KEY, &k, d), MGW_E_INVALID);
	cr_assert_eq(k.n, 0);
	cr_assert_eq(lookup_keys(NULL, "9991234579", NULL, NULL, KEY, sizeof KEY, &k, d),
		     MGW_E_INVALID, "mod-11 fails");
	cr_assert_eq(lookup_keys(NULL, NULL, "Alexa Testperson", NULL, KEY, sizeof KEY, &k, d),
		     MGW_E_INVALID, "a name alone is not enough");
	cr_assert_eq(lookup_keys(NULL, NULL, "Alexa Testperson", "31/02/1990", KEY, sizeof KEY, &k,
				 d),
		     MGW_E_INVALID, "no such date");
	cr_assert_eq(lookup_keys("07700 900123", "9991234578", NULL, NULL, KEY, sizeof KEY, &k, d),
		     MGW_E_INVALID, "one form at a time");
	cr_assert_eq(lookup_keys(NULL, NULL, NULL, NULL, KEY, sizeof KEY, &k, d), MGW_E_INVALID);
	cr_assert_eq(lookup_keys("", "", "", "", KEY, sizeof KEY, &k, d), MGW_E_INVALID);
	cr_assert_eq(lookup_keys("07700 900123", NULL, NULL, NULL, KEY, 16, &k, d), MGW_E_INVALID,
		     "short key");
}

Test(lookup, a_case_whose_window_has_lapsed_is_not_open)
{
	record("TS-2025-0001", "2025-06-01", "07700 900123", NULL, NULL, NULL);
	record("TS-2026-0001", "2026-03-02", "07700 900123", NULL, NULL, NULL);
	struct lookup_case lc[8];
	/* Both open the day before the older one lapses: newest first. */
	cr_assert_eq(find("07700 900123", NULL, NULL, NULL, "2026-05-31", lc, NULL), 2);
	cr_assert_str_eq(lc[0].case_ref, "TS-2026-0001");
	cr_assert_str_eq(lc[1].case_ref, "TS-2025-0001");
	/* 12 months to the day: lapsed (caldate_within_months, as the agenda). */
	cr_assert_eq(find("07700 900123", NULL, NULL, NULL, "2026-06-01", lc, NULL), 1);
	cr_assert_str_eq(lc[0].case_ref, "TS-2026-0001");
}

/* A control room must not be told of a case the MARAC has closed. */
Test(lookup, a_closed_case_is_not_open)
{
	record("TS-2026-0003", "2026-03-02", "07700 900125", NULL, NULL, NULL);
	struct lookup_case lc[8];
	cr_assert_eq(find("07700900125", NULL, NULL, NULL, "2026-04-01", lc, NULL), 1);
	cr_assert_eq(cases_end(db, "TS-2026-0003",
			       MARAC__V1__CASE_END_REASON__CASE_END_REASON_RISK_REDUCED, 12,
			       "police-a", 1), MGW_OK);
	cr_assert_eq(find("07700900125", NULL, NULL, NULL, "2026-04-01", lc, NULL), 0);
}

Test(lookup, touches_make_last_heard_and_agencies_and_history)
{
	record("TS-2026-0001", "2026-08-03", "07700 900123", NULL, NULL, NULL);
	int64_t t1 = (int64_t)day("2026-09-10") * 86400000 + 3600000, t2 = t1 + 86400000;
	int64_t id1, id2;
	unsigned kinds = (1u << MATCH_KIND_PHONE) | (1u << MATCH_KIND_NAME_DOB);
	cr_assert_eq(flags_touch(db, "TS-2026-0001", "testshire", HEALTH, "health-testshire", t1,
				 kinds, "share", &id1),
		     MGW_OK);
	cr_assert_eq(flags_touch(db, "TS-2026-0001", "testshire", IDVA, "idva-testshire", t2,
				 1u << MATCH_KIND_PHONE, "referral", &id2),
		     MGW_OK);
	cr_assert_eq(flags_touch(db, "", "testshire", IDVA, "x", t2, 0, "share", &id2),
		     MGW_E_INVALID);
	struct lookup_case lc[8];
	cr_assert_eq(find("07700 900123", NULL, NULL, NULL, "2026-11-30", lc, NULL), 1);
	cr_assert_str_eq(lc[0].last_heard, "2026-09-11");
	cr_assert_eq(lc[0].agencies, (1u << POLICE) | (1u << HEALTH) | (1u << IDVA));
	cr_assert_eq(cases_research_set(db, "TS-2026-0001", MARAC__V1__AGENCY__AGENCY_HOUSING, 1,
					t1),
		     MGW_OK);
	cr_assert_eq(find("07700 900123", NULL, NULL, NULL, "2026-11-30", lc, NULL), 1);
	cr_assert(lc[0].agencies & (1u << MARAC__V1__AGENCY__AGENCY_HOUSING));
}

struct rows {
	char case_ref[8][40], node[8][40], flag_id[8][40];
	uint64_t seq[8];
	unsigned kinds[8];
	size_t n;
};

static int collect(void *ctx, const struct flag_row *r)
{
	struct rows *x = ctx;
	snprintf(x->case_ref[x->n], 40, "%s", r->case_ref);
	snprintf(x->node[x->n], 40, "%s", r->node);
	snprintf(x->flag_id[x->n], 40, "%s", r->flag_id);
	x->seq[x->n] = r->seq;
	x->kinds[x->n] = r->kinds;
	x->n++;
	return x->n == 8;
}

#define ID(c) "0123456789abcdef0123456789abcde" c

Test(lookup, notices_are_pending_per_node_until_acknowledged)
{
	record("TS-2026-0001", "2026-08-03", "07700 900123", NULL, NULL, NULL);
	int64_t t = (int64_t)day("2026-09-10") * 86400000, touch;
	cr_assert_eq(flags_touch(db, "TS-2026-0001", "testshire", HEALTH, "health-testshire", t,
				 1u << MATCH_KIND_PHONE, "share", &touch),
		     MGW_OK);
	uint64_t s1, s2, s3;
	cr_assert_eq(flags_notice(db, "police-testshire", touch, ID("0"), &s1), MGW_OK);
	cr_assert_eq(flags_notice(db, "police-testshire", touch, ID("1"), &s2), MGW_OK);
	cr_assert_eq(flags_notice(db, "idva-testshire", touch, ID("2"), &s3), MGW_OK);
	cr_assert_eq(s1, 1);
	cr_assert_eq(s2, 2, "a gap-free sequence per node");
	cr_assert_eq(s3, 1);
	uint64_t sx;
	cr_assert_eq(flags_notice(db, "police-testshire", touch, ID("0"), &sx), MGW_E_CONFLICT);
	cr_assert_eq(flags_notice(db, "police-testshire", touch, "short", &sx), MGW_E_INVALID);

	struct rows r = {0};
	cr_assert_eq(flags_pending(db, "police-testshire", 0, 64, collect, &r), MGW_OK);
	cr_assert_eq(r.n, 2);
	cr_assert_str_eq(r.case_ref[0], "TS-2026-0001");
	cr_assert_str_eq(r.node[0], "health-testshire");
	cr_assert_eq(r.seq[0], 1);
	cr_assert_str_eq(r.flag_id[1], ID("1"));
	/* After seq 1 only the second. */
	memset(&r, 0, sizeof r);
	cr_assert_eq(flags_pending(db, "police-testshire", 1, 64, collect, &r), MGW_OK);
	cr_assert_eq(r.n, 1);

	int was = -1;
	char ref[LOOKUP_REF_MAX];
	cr_assert_eq(flags_ack(db, "police-testshire", ID("0"), t, &was, ref, sizeof ref), MGW_OK);
	cr_assert_eq(was, 0);
	cr_assert_str_eq(ref, "TS-2026-0001");
	cr_assert_eq(flags_ack(db, "police-testshire", ID("0"), t, &was, ref, sizeof ref), MGW_OK);
	cr_assert_eq(was, 1, "a second ack changes nothing");
	/* Another node's flag id is not this node's to acknowledge. */
	cr_assert_eq(flags_ack(db, "police-testshire", ID("2"), t, &was, NULL, 0), MGW_E_NOTFOUND);
	memset(&r, 0, sizeof r);
	cr_assert_eq(flags_pending(db, "police-testshire", 0, 64, collect, &r), MGW_OK);
	cr_assert_eq(r.n, 1);
	cr_assert_str_eq(r.flag_id[0], ID("1"));
}

Test(lookup, history_is_newest_first_and_capped)
{
	int64_t t = (int64_t)day("2026-09-10") * 86400000, id;
	for (int i = 0; i < 5; i++)
		cr_assert_eq(flags_touch(db, "TS-2026-0001", "testshire", HEALTH, "health-testshire",
					 t + i, 1u << MATCH_KIND_PHONE, "share", &id),
			     MGW_OK);
	struct rows r = {0};
	int more = -1;
	cr_assert_eq(flags_history(db, "TS-2026-0001", 3, collect, &r, &more), MGW_OK);
	cr_assert_eq(r.n, 3);
	cr_assert_eq(more, 1);
	memset(&r, 0, sizeof r);
	cr_assert_eq(flags_history(db, "TS-2026-0001", 5, collect, &r, &more), MGW_OK);
	cr_assert_eq(r.n, 5);
	cr_assert_eq(more, 0);
	memset(&r, 0, sizeof r);
	cr_assert_eq(flags_history(db, "TS-2026-0002", 5, collect, &r, &more), MGW_OK);
	cr_assert_eq(r.n, 0);
	char area[65];
	int ag = 0;
	cr_assert_eq(flags_case_owner(db, "TS-2026-0001", area, sizeof area, &ag), MGW_E_NOTFOUND);
	record("TS-2026-0001", "2026-08-03", "07700 900123", NULL, NULL, NULL);
	cr_assert_eq(flags_case_owner(db, "TS-2026-0001", area, sizeof area, &ag), MGW_OK);
	cr_assert_str_eq(area, "testshire");
	cr_assert_eq(ag, POLICE);
}

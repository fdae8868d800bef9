/*
 * test_cases.c: case rows, research status and the agenda built from the
 * store (gateway/marac/cases.c).
 *
 * Each test opens a fresh in-memory SQLite database with foreign keys on
 * (as store.c does) and creates the tables with cases_schema(). Teardown
 * closes it with sqlite3_close(), which fails if a statement was left
 * unfinalized.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "cases.h"
#include "codec.h"
#include "mgw_err.h"

static sqlite3 *db;

static void setup(void)
{
	cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	/* As the store opens its database. */
	cr_assert_eq(sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(cases_schema(db), MGW_OK, "%s", sqlite3_errmsg(db));
	/* Idempotent. */
	cr_assert_eq(cases_schema(db), MGW_OK, "%s", sqlite3_errmsg(db));
}

static void teardown(void)
{
	if (db)
		cr_assert_eq(sqlite3_close(db), SQLITE_OK, "a statement was left open");
	db = NULL;
}

TestSuite(cases, .init = setup, .fini = teardown);

#define POLICE MARAC__V1__AGENCY__AGENCY_POLICE
#define CSC MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE
#define HEALTH MARAC__V1__AGENCY__AGENCY_HEALTH
#define IDVA MARAC__V1__AGENCY__AGENCY_IDVA
#define HOUSING MARAC__V1__AGENCY__AGENCY_HOUSING

/* A case with typical values; the caller changes what the test is about. */
static struct case_row row(const char *ref, const char *area, const char *referral_date,
			   const char *meeting_date)
{
	struct case_row r = {
		.case_ref = ref,
		.area = area,
		.referral_date = referral_date,
		.referring_agency = POLICE,
		.referring_node = "police-testshire",
		.route = MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_VISIBLE_HIGH_RISK,
		.score = 15,
		.level = MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH,
		.meeting_date = meeting_date,
		.created_ms = 1767225600000,
	};
	return r;
}

static void insert(const struct case_row *r)
{
	int rc = cases_insert(db, r);
	cr_assert_eq(rc, MGW_OK, "%s: rc %d (%s)", r->case_ref, rc, sqlite3_errmsg(db));
}

static int count(const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* ---- rows ---- */

Test(cases, insert_and_area_round_trip)
{
	static const char *const dobs[] = {"2015-06-01", "2019-01-31"};
	struct case_row r = row("TS-2026-0001", "testshire", "2026-02-18", "2026-03-10");
	r.children_dobs = dobs;
	r.n_children = 2;
	insert(&r);
	struct case_row o = row("OT-2026-0001", "otherton", "2026-02-19", "2026-03-11");
	insert(&o);

	char area[64];
	cr_assert_eq(cases_area(db, "TS-2026-0001", area, sizeof area), MGW_OK);
	cr_assert_str_eq(area, "testshire");
	cr_assert_eq(cases_area(db, "OT-2026-0001", area, sizeof area), MGW_OK);
	cr_assert_str_eq(area, "otherton");
	/* Truncated to the buffer, still terminated. */
	char small[4];
	cr_assert_eq(cases_area(db, "TS-2026-0001", small, sizeof small), MGW_OK);
	cr_assert_str_eq(small, "tes");
	cr_assert_eq(cases_area(db, "TS-2026-9999", area, sizeof area), MGW_E_NOTFOUND);
	cr_assert_eq(cases_area(db, "ts-2026-0001", area, sizeof area), MGW_E_NOTFOUND,
		     "case refs are exact");
	cr_assert_eq(cases_area(db, NULL, area, sizeof area), MGW_E_NOTFOUND);

	/* The stored row: values as given, children in order, no repeat. */
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db,
					"SELECT referral_date, referring_agency, referring_node, route,"
					" score, level, repeat, prev_case_ref, last_referral_date,"
					" transfer_in, meeting_date, created_ms FROM mcase"
					" WHERE case_ref='TS-2026-0001'",
					-1, &st, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "2026-02-18");
	cr_assert_eq(sqlite3_column_int(st, 1), POLICE);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 2), "police-testshire");
	cr_assert_eq(sqlite3_column_int(st, 3), 1);
	cr_assert_eq(sqlite3_column_int(st, 4), 15);
	cr_assert_eq(sqlite3_column_int(st, 5), MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH);
	cr_assert_eq(sqlite3_column_int(st, 6), 0);
	cr_assert_eq(sqlite3_column_type(st, 7), SQLITE_NULL);
	cr_assert_eq(sqlite3_column_type(st, 8), SQLITE_NULL);
	cr_assert_eq(sqlite3_column_int(st, 9), 0);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 10), "2026-03-10");
	cr_assert_eq(sqlite3_column_int64(st, 11), 1767225600000);
	sqlite3_finalize(st);
	cr_assert_eq(count("SELECT count(*) FROM mcase_child WHERE case_ref='TS-2026-0001'"
			   " AND ((idx=0 AND dob='2015-06-01') OR (idx=1 AND dob='2019-01-31'))"),
		     2);
	cr_assert_eq(count("SELECT count(*) FROM mcase_child WHERE case_ref='OT-2026-0001'"), 0);
}

Test(cases, duplicate_case_ref_conflicts)
{
	static const char *const dobs[] = {"2015-06-01"};
	struct case_row r = row("TS-2026-0001", "testshire", "2026-02-18", "2026-03-10");
	r.children_dobs = dobs;
	r.n_children = 1;
	insert(&r);
	struct case_row again = row("TS-2026-0001", "otherton", "2026-02-19", "2026-03-11");
	again.children_dobs = dobs;
	again.n_children = 1;
	cr_assert_eq(cases_insert(db, &again), MGW_E_CONFLICT);
	/* The first row is untouched and nothing of the second was kept. */
	char area[64];
	cr_assert_eq(cases_area(db, "TS-2026-0001", area, sizeof area), MGW_OK);
	cr_assert_str_eq(area, "testshire");
	cr_assert_eq(count("SELECT count(*) FROM mcase"), 1);
	cr_assert_eq(count("SELECT count(*) FROM mcase_child"), 1);

	/* Inside a caller's transaction the conflict undoes only its own insert. */
	cr_assert_eq(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	struct case_row b = row("TS-2026-0002", "testshire", "2026-02-20", "2026-03-10");
	insert(&b);
	cr_assert_eq(cases_insert(db, &again), MGW_E_CONFLICT);
	cr_assert(sqlite3_get_autocommit(db) == 0, "the caller's transaction is still open");
	cr_assert_eq(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK, "%s",
		     sqlite3_errmsg(db));
	cr_assert_eq(count("SELECT count(*) FROM mcase"), 2);
	cr_assert_eq(count("SELECT count(*) FROM mcase_child"), 1);
}

Test(cases, insert_refuses_invalid_rows)
{
	const struct {
		const char *ref, *area, *referral_date, *meeting_date;
	} bad[] = {
		{NULL, "testshire", "2026-02-18", "2026-03-10"},
		{"", "testshire", "2026-02-18", "2026-03-10"},
		{"TS-2026-0001", NULL, "2026-02-18", "2026-03-10"},
		{"TS-2026-0001", "", "2026-02-18", "2026-03-10"},
		{"TS-2026-0001", "testshire", NULL, "2026-03-10"},
		{"TS-2026-0001", "testshire", "2026-02-30", "2026-03-10"},
		{"TS-2026-0001", "testshire", "18/02/2026", "2026-03-10"},
		{"TS-2026-0001", "testshire", "2026-02-18", NULL},
		{"TS-2026-0001", "testshire", "2026-02-18", "2026-3-10"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct case_row r = row(bad[i].ref, bad[i].area, bad[i].referral_date,
					bad[i].meeting_date);
		cr_assert_eq(cases_insert(db, &r), MGW_E_INVALID, "bad[%zu]", i);
	}
	cr_assert_eq(count("SELECT count(*) FROM mcase"), 0);
}

Test(cases, research_set_inserts_then_updates)
{
	struct case_row r = row("TS-2026-0001", "testshire", "2026-02-18", "2026-03-10");
	insert(&r);
	cr_assert_eq(cases_research_set(db, "TS-2026-0001", HEALTH, 1, 1000), MGW_OK);
	cr_assert_eq(cases_research_set(db, "TS-2026-0001", POLICE, 7, 1100), MGW_OK);
	cr_assert_eq(count("SELECT count(*) FROM mresearch WHERE case_ref='TS-2026-0001' AND"
			   " agency=4 AND done=1 AND at_ms=1000"),
		     1);
	cr_assert_eq(count("SELECT count(*) FROM mresearch WHERE agency=1 AND done=1 AND"
			   " at_ms=1100"),
		     1, "done is stored as 0 or 1");
	/* Reported again: the row is replaced, not added. */
	cr_assert_eq(cases_research_set(db, "TS-2026-0001", HEALTH, 0, 2000), MGW_OK);
	cr_assert_eq(count("SELECT count(*) FROM mresearch"), 2);
	cr_assert_eq(count("SELECT count(*) FROM mresearch WHERE agency=4 AND done=0 AND"
			   " at_ms=2000"),
		     1);
	cr_assert_eq(cases_research_set(db, "TS-2026-0001", HEALTH, 1, 3000), MGW_OK);
	cr_assert_eq(count("SELECT count(*) FROM mresearch WHERE agency=4 AND done=1 AND"
			   " at_ms=3000"),
		     1);
	cr_assert_eq(count("SELECT count(*) FROM mresearch"), 2);
}

/* ---- the agenda ---- */

#define MEETING "2026-03-10"
#define PREV "2026-03-03"

static const int attending[] = {IDVA, POLICE, HEALTH};

/*
 * testshire, meeting MEETING (previous PREV), window 12 months:
 *  listed:   0002 (children, repeat of 2025-0038), 0005 (children), 0001 and
 *            0007 (adult only);
 *  not:      0003 (a later meeting), OT-2026-0001 (another area, same day);
 *  lapsed:   2025-0040 (window ends 2026-03-05), 2025-0041 (ends on the meeting day);
 *  not:      2025-0039 (ends on PREV), 2025-0030 (ended long before),
 *            2025-0042 (ends the day after), 2025-0038 (repeated by 0002),
 *            2025-0037 (repeated by a case in another area), OT-2025-0001.
 */
static void fill(void)
{
	static const char *const kids5[] = {"2019-03-11", "2014-03-10"}; /* 6 and 12 */
	static const char *const kids2[] = {"2020-01-01", NULL, "2026-04-01"};
	struct case_row r;

	r = row("TS-2026-0007", "testshire", "2026-02-20", MEETING);
	r.referring_agency = HOUSING;
	r.route = MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT;
	r.score = 9;
	r.transfer_in = 1;
	insert(&r);
	r = row("TS-2026-0005", "testshire", "2026-02-18", MEETING);
	r.children_dobs = kids5;
	r.n_children = 2;
	insert(&r);
	r = row("TS-2026-0002", "testshire", "2026-02-18", MEETING);
	r.children_dobs = kids2;
	r.n_children = 3;
	r.repeat = 1;
	r.route = MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_REPEAT;
	r.prev_case_ref = "TS-2025-0038";
	r.last_referral_date = "2025-03-06";
	insert(&r);
	r = row("TS-2026-0001", "testshire", "2026-01-05", MEETING);
	r.level = MARAC__V1__RISK_LEVEL__RISK_LEVEL_MEDIUM;
	insert(&r);
	r = row("TS-2026-0003", "testshire", "2026-02-01", "2026-03-17");
	insert(&r);
	r = row("OT-2026-0001", "otherton", "2026-02-10", MEETING);
	r.repeat = 1;
	r.prev_case_ref = "TS-2025-0037";
	r.last_referral_date = "2025-03-07";
	insert(&r);

	r = row("TS-2025-0041", "testshire", "2025-03-10", "2025-03-18");
	insert(&r);
	r = row("TS-2025-0040", "testshire", "2025-03-05", "2025-03-11");
	insert(&r);
	r = row("TS-2025-0039", "testshire", "2025-03-03", "2025-03-11");
	insert(&r);
	r = row("TS-2025-0030", "testshire", "2025-02-20", "2025-03-04");
	insert(&r);
	r = row("TS-2025-0042", "testshire", "2025-03-11", "2025-03-18");
	insert(&r);
	r = row("TS-2025-0038", "testshire", "2025-03-06", "2025-03-11");
	insert(&r);
	r = row("TS-2025-0037", "testshire", "2025-03-07", "2025-03-11");
	insert(&r);
	r = row("OT-2025-0001", "otherton", "2025-03-05", "2025-03-12");
	insert(&r);

	/* Research: 0005 police done, health reported then withdrawn, idva never;
	 * housing (not attending) done. */
	cr_assert_eq(cases_research_set(db, "TS-2026-0005", POLICE, 1, 1), MGW_OK);
	cr_assert_eq(cases_research_set(db, "TS-2026-0005", HEALTH, 1, 2), MGW_OK);
	cr_assert_eq(cases_research_set(db, "TS-2026-0005", HEALTH, 0, 3), MGW_OK);
	cr_assert_eq(cases_research_set(db, "TS-2026-0005", HOUSING, 1, 4), MGW_OK);
	cr_assert_eq(cases_research_set(db, "TS-2026-0001", IDVA, 1, 5), MGW_OK);
	cr_assert_eq(cases_research_set(db, "TS-2025-0040", HEALTH, 1, 6), MGW_OK);
}

static Marac__V1__Agenda *agenda(const char *prev, unsigned window, const char *statement)
{
	Marac__V1__Agenda *a = NULL;
	int rc = cases_agenda(db, "testshire", MEETING, prev, window, attending,
			      sizeof attending / sizeof attending[0], statement, &a);
	cr_assert_eq(rc, MGW_OK, "rc %d", rc);
	cr_assert_not_null(a);
	return a;
}

/* Each research row: the attending agencies in agency order, done as expected. */
static void expect_research(const Marac__V1__AgendaRow *r, int police, int health, int idva)
{
	cr_assert_eq(r->n_research, 3, "%s", r->case_ref);
	cr_assert_eq(r->research[0]->agency, POLICE, "%s", r->case_ref);
	cr_assert_eq(r->research[1]->agency, HEALTH, "%s", r->case_ref);
	cr_assert_eq(r->research[2]->agency, IDVA, "%s", r->case_ref);
	cr_assert_eq(!!r->research[0]->done, police, "%s police", r->case_ref);
	cr_assert_eq(!!r->research[1]->done, health, "%s health", r->case_ref);
	cr_assert_eq(!!r->research[2]->done, idva, "%s idva", r->case_ref);
}

Test(cases, agenda_lists_the_meetings_cases)
{
	fill();
	Marac__V1__Agenda *a = agenda(PREV, 12, "Testshire statement.");
	cr_assert_str_eq(a->marac_area, "testshire");
	cr_assert_str_eq(a->meeting_date, MEETING);
	cr_assert_str_eq(a->confidentiality_statement, "Testshire statement.");
	cr_assert_str_eq(a->protective_marking, AGENDA_MARKING);
	cr_assert_eq(a->n_actions, 0);

	/* Children first; same referral date: case ref decides. */
	cr_assert_eq(a->n_cases_with_children, 2);
	const Marac__V1__AgendaRow *c2 = a->cases_with_children[0];
	const Marac__V1__AgendaRow *c5 = a->cases_with_children[1];
	cr_assert_str_eq(c2->case_ref, "TS-2026-0002");
	cr_assert_str_eq(c5->case_ref, "TS-2026-0005");

	/* Ages on the meeting day: the 12th birthday counts, the 7th is tomorrow. */
	cr_assert_eq(c5->children_count, 2);
	cr_assert_eq(c5->n_children_ages, 2);
	cr_assert_eq(c5->children_ages[0], 12);
	cr_assert_eq(c5->children_ages[1], 6);
	/* A missing DOB and one after the meeting: counted, no age. */
	cr_assert_eq(c2->children_count, 3);
	cr_assert_eq(c2->n_children_ages, 1);
	cr_assert_eq(c2->children_ages[0], 6);

	cr_assert(c2->repeat);
	cr_assert_str_eq(c2->last_referral_date, "2025-03-06");
	cr_assert_eq(c2->route, MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_REPEAT);
	cr_assert_not(c5->repeat);
	cr_assert_str_eq(c5->referral_date, "2026-02-18");
	cr_assert_eq(c5->dash_score, 15);
	cr_assert_eq(c5->level, MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH);

	/* Adult only, by referral date. */
	cr_assert_eq(a->n_adult_only_cases, 2);
	const Marac__V1__AgendaRow *c1 = a->adult_only_cases[0];
	const Marac__V1__AgendaRow *c7 = a->adult_only_cases[1];
	cr_assert_str_eq(c1->case_ref, "TS-2026-0001");
	cr_assert_str_eq(c7->case_ref, "TS-2026-0007");
	cr_assert_eq(c1->level, MARAC__V1__RISK_LEVEL__RISK_LEVEL_MEDIUM);
	cr_assert_eq(c7->children_count, 0);
	cr_assert_eq(c7->n_children_ages, 0);
	cr_assert_eq(c7->referring_agency, HOUSING);
	cr_assert_eq(c7->route, MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT);
	cr_assert_eq(c7->dash_score, 9);
	cr_assert(c7->transfer_in);

	/* Every attending agency, done only when reported done; housing does not attend. */
	expect_research(c5, 1, 0, 0);
	expect_research(c2, 0, 0, 0);
	expect_research(c1, 0, 0, 1);
	expect_research(c7, 0, 0, 0);

	/* Lapsed: window ended in (PREV, MEETING], not repeated. */
	cr_assert_eq(a->n_lapsed_cases, 2);
	cr_assert_str_eq(a->lapsed_cases[0]->case_ref, "TS-2025-0040");
	cr_assert_str_eq(a->lapsed_cases[1]->case_ref, "TS-2025-0041");
	cr_assert_str_eq(a->lapsed_cases[0]->referral_date, "2025-03-05");
	expect_research(a->lapsed_cases[0], 0, 1, 0);
	codec_free(&a->base);
}

Test(cases, agenda_without_previous_meeting_has_no_lapsed_section)
{
	fill();
	Marac__V1__Agenda *a = agenda(NULL, 12, NULL);
	cr_assert_str_eq(a->confidentiality_statement, agenda_default_statement);
	cr_assert_eq(a->n_cases_with_children, 2);
	cr_assert_eq(a->n_adult_only_cases, 2);
	cr_assert_eq(a->n_lapsed_cases, 0);
	codec_free(&a->base);
}

Test(cases, agenda_lapsed_follows_the_window)
{
	fill();
	/* 24 months: nothing referred in March 2024, so nothing lapses. */
	Marac__V1__Agenda *a = agenda(PREV, 24, NULL);
	cr_assert_eq(a->n_lapsed_cases, 0);
	codec_free(&a->base);

	/* An earlier previous meeting widens the lapsed range back to 2025-02-25. */
	struct case_row r = row("TS-2025-0029", "testshire", "2025-03-02", "2025-03-11");
	insert(&r);
	a = agenda("2026-02-24", 12, NULL);
	cr_assert_eq(a->n_lapsed_cases, 4, "0029, 0039, 0040, 0041; not 0030 (2025-02-20)");
	cr_assert_str_eq(a->lapsed_cases[0]->case_ref, "TS-2025-0029");
	cr_assert_str_eq(a->lapsed_cases[1]->case_ref, "TS-2025-0039");
	cr_assert_str_eq(a->lapsed_cases[2]->case_ref, "TS-2025-0040");
	cr_assert_str_eq(a->lapsed_cases[3]->case_ref, "TS-2025-0041");
	codec_free(&a->base);
}

Test(cases, agenda_lapsed_at_month_end)
{
	/* 31 January + 1 month is 28 February: lapsed at the first meeting after. */
	struct case_row r = row("TS-2026-0010", "testshire", "2026-01-31", "2026-02-10");
	insert(&r);
	r = row("TS-2026-0011", "testshire", "2026-01-28", "2026-02-10");
	insert(&r);
	r = row("TS-2026-0012", "testshire", "2026-02-01", "2026-02-10");
	insert(&r);
	Marac__V1__Agenda *a = NULL;
	cr_assert_eq(cases_agenda(db, "testshire", "2026-03-03", "2026-02-28", 1, NULL, 0, NULL,
				  &a),
		     MGW_OK);
	cr_assert_eq(a->n_lapsed_cases, 1);
	cr_assert_str_eq(a->lapsed_cases[0]->case_ref, "TS-2026-0012");
	cr_assert_eq(a->lapsed_cases[0]->n_research, 0, "no attending agencies");
	codec_free(&a->base);
	cr_assert_eq(cases_agenda(db, "testshire", "2026-02-28", "2026-02-27", 1, NULL, 0, NULL,
				  &a),
		     MGW_OK);
	cr_assert_eq(a->n_lapsed_cases, 2);
	/* By referral date, not case ref. */
	cr_assert_str_eq(a->lapsed_cases[0]->case_ref, "TS-2026-0011");
	cr_assert_str_eq(a->lapsed_cases[1]->case_ref, "TS-2026-0010");
	codec_free(&a->base);
}

Test(cases, agenda_of_an_empty_area)
{
	fill();
	Marac__V1__Agenda *a = NULL;
	cr_assert_eq(cases_agenda(db, "northshire", MEETING, PREV, 12, attending, 3, NULL, &a),
		     MGW_OK);
	cr_assert_eq(a->n_cases_with_children + a->n_adult_only_cases + a->n_lapsed_cases, 0);
	codec_free(&a->base);
	/* otherton's meeting: its own case only; its repeat of a testshire case is listed. */
	cr_assert_eq(cases_agenda(db, "otherton", MEETING, PREV, 12, attending, 3, NULL, &a),
		     MGW_OK);
	cr_assert_eq(a->n_adult_only_cases, 1);
	cr_assert_str_eq(a->adult_only_cases[0]->case_ref, "OT-2026-0001");
	cr_assert_eq(a->n_lapsed_cases, 1);
	cr_assert_str_eq(a->lapsed_cases[0]->case_ref, "OT-2025-0001");
	codec_free(&a->base);
}

Test(cases, agenda_refuses_invalid_input)
{
	fill();
	const struct {
		const char *area, *meeting, *prev;
		unsigned window;
	} bad[] = {
		{NULL, MEETING, PREV, 12},
		{"", MEETING, PREV, 12},
		{"testshire", NULL, PREV, 12},
		{"testshire", "2026-02-30", PREV, 12},
		{"testshire", "10/03/2026", PREV, 12},
		{"testshire", "2026-03-10 ", PREV, 12},
		{"testshire", MEETING, "2026-13-01", 12},
		{"testshire", MEETING, "", 12},
		{"testshire", MEETING, PREV, 0},
		{"testshire", MEETING, PREV, 121},
		{"testshire", MEETING, NULL, 0},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		Marac__V1__Agenda *a = (Marac__V1__Agenda *)1;
		cr_assert_eq(cases_agenda(db, bad[i].area, bad[i].meeting, bad[i].prev,
					  bad[i].window, attending, 3, NULL, &a),
			     MGW_E_INVALID, "bad[%zu]", i);
		cr_assert_null(a, "bad[%zu]", i);
	}
	/* The bounds are fine. */
	Marac__V1__Agenda *a = NULL;
	cr_assert_eq(cases_agenda(db, "testshire", MEETING, PREV, 1, attending, 3, NULL, &a), MGW_OK);
	codec_free(&a->base);
	cr_assert_eq(cases_agenda(db, "testshire", MEETING, PREV, 120, attending, 3, NULL, &a),
		     MGW_OK);
	codec_free(&a->base);
}

/* h13-audit: a repeat names the earlier case and its area; a transfer where it comes from. */
Test(cases, agenda_origins_of_repeats_and_transfers)
{
	struct case_row first = row("NY-2025-0031", "northyorks", "2025-06-01", "2025-06-10");
	insert(&first);
	struct case_row rep = row("TS-2026-0002", "testshire", "2026-02-18", "2026-03-10");
	rep.repeat = 1;
	rep.prev_case_ref = "NY-2025-0031";
	rep.last_referral_date = "2025-06-01";
	insert(&rep);
	struct case_row tr = row("TS-2026-0003", "testshire", "2026-02-19", "2026-03-10");
	tr.transfer_in = 1;
	insert(&tr);
	cr_assert_eq(cases_set_transfer_from(db, "TS-2026-0003", "North Yorkshire"), MGW_OK);
	cr_assert_eq(cases_set_transfer_from(db, "TS-2026-0003", "<script>"), MGW_E_INVALID,
		     "only an area name is stored for printing");
	Marac__V1__Agenda *a = NULL;
	cr_assert_eq(cases_agenda(db, "testshire", "2026-03-10", NULL, 12, NULL, 0, NULL, &a),
		     MGW_OK);
	cr_assert_eq(cases_agenda_origins(db, a), MGW_OK);
	cr_assert_eq(a->n_adult_only_cases, 2);
	const Marac__V1__AgendaRow *r0 = a->adult_only_cases[0], *r1 = a->adult_only_cases[1];
	cr_assert_str_eq(r0->case_ref, "TS-2026-0002");
	cr_assert_str_eq(r0->last_case_ref, "NY-2025-0031");
	cr_assert_str_eq(r0->last_area, "northyorks");
	cr_assert_str_eq(r0->transfer_from_area, "", "not a transfer");
	cr_assert_str_eq(r1->transfer_from_area, "North Yorkshire");
	cr_assert_str_eq(r1->last_case_ref, "", "not a repeat");
	codec_free(&a->base);
}

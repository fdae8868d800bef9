/*
 * test_followup.c: actions and address markers in the store (marac/actions.c,
 * marac/markers.c) and the settable clock (common/clock.c).
 *
 * Each test opens a fresh in-memory SQLite database with foreign keys on
 * and the tables; teardown fails if a statement was left unfinalized.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "actions.h"
#include "caldate.h"
#include "clock.h"
#include "codec.h"
#include "markers.h"
#include "mgw_err.h"
#include "mgw_limits.h"

static sqlite3 *db;

static void setup(void)
{
	cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(actions_schema(db), MGW_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(markers_schema(db), MGW_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(actions_schema(db), MGW_OK, "idempotent");
	cr_assert_eq(markers_schema(db), MGW_OK, "idempotent");
}

static void teardown(void)
{
	if (db)
		cr_assert_eq(sqlite3_close(db), SQLITE_OK, "a statement was left open");
	db = NULL;
}

TestSuite(followup, .init = setup, .fini = teardown);

static int32_t D(const char *s)
{
	int32_t d;
	cr_assert_eq(caldate_parse(s, &d), 0, "%s", s);
	return d;
}

static void add_action(const char *marac, const char *due, int owner, char id[FOLLOWUP_ID_MAX])
{
	struct action_new a = {.case_ref = "TS-2026-0001", .area = "testshire",
			       .marac_date = marac, .owner = owner, .description = "Review plan",
			       .due_date = due, .set_by_node = "chair-testshire"};
	cr_assert_eq(actions_add(db, &a, 1, id), MGW_OK);
}

Test(followup, the_clock_moves_by_whole_days_only_when_the_test_clock_is_set)
{
	int64_t before = mgw_now_ms();
	int32_t today = mgw_today();
	cr_assert_eq(mgw_clock_test(), 0, "off unless asked for");
	cr_assert(llabs(before - (int64_t)time(NULL) * 1000) < 2000);
	cr_assert_eq(mgw_clock_refresh("/nonexistent"), 0, "off: the file is never read");
	mgw_clock_set_offset_days(14);
	cr_assert_eq(mgw_clock_test(), 1);
	cr_assert_eq(mgw_today(), today + 14);
	cr_assert(mgw_now_ms() - before >= 14LL * 86400 * 1000 - 10);
	mgw_clock_set_offset_days(0);
	cr_assert_eq(mgw_today(), today);
}

Test(followup, an_environment_offset_out_of_range_refuses_to_start)
{
	setenv("MARAC_CLOCK_OFFSET_DAYS", "99999", 1);
	cr_assert_eq(mgw_clock_init(), MGW_E_INVALID);
	setenv("MARAC_CLOCK_OFFSET_DAYS", "3 days", 1);
	cr_assert_eq(mgw_clock_init(), MGW_E_INVALID);
	setenv("MARAC_CLOCK_OFFSET_DAYS", "-2", 1);
	cr_assert_eq(mgw_clock_init(), MGW_OK);
	cr_assert_eq(mgw_clock_offset_days(), -2);
	unsetenv("MARAC_CLOCK_OFFSET_DAYS");
}

/* An area's own interval between overdue notices, the others the gateway's. */
Test(followup, an_areas_own_notice_interval_applies_to_its_actions_only)
{
	char id[FOLLOWUP_ID_MAX], id2[FOLLOWUP_ID_MAX];
	add_action("2026-11-03", "2026-11-10", 4, id); /* testshire */
	struct action_new a = {.case_ref = "OT-2026-0001", .area = "otherton",
			       .marac_date = "2026-11-03", .owner = 5, .description = "Safety plan",
			       .due_date = "2026-11-10", .set_by_node = "chair-testshire"};
	cr_assert_eq(actions_add(db, &a, 1, id2), MGW_OK);
	const struct action_every every[] = {{"testshire", 3}, {"elsewhere", 1}};
	struct action_due due[8];
	size_t n;
	cr_assert_eq(actions_due_areas(db, D("2026-11-10"), 7, every, 2, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 2, "both on the due date");
	cr_assert_eq(actions_noticed(db, id, D("2026-11-10")), MGW_OK);
	cr_assert_eq(actions_noticed(db, id2, D("2026-11-10")), MGW_OK);
	cr_assert_eq(actions_due_areas(db, D("2026-11-12"), 7, every, 2, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 0, "two days on: neither");
	cr_assert_eq(actions_due_areas(db, D("2026-11-13"), 7, every, 2, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 1, "three days on: testshire's only");
	cr_assert_str_eq(due[0].id, id);
	cr_assert_str_eq(due[0].area, "testshire");
	cr_assert_eq(actions_due(db, D("2026-11-13"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 0, "without the areas' intervals: the gateway's 7");
	cr_assert_eq(actions_due_areas(db, D("2026-11-17"), 7, every, 2, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 2, "seven days on: otherton's too");
	cr_assert_eq(actions_due_areas(db, D("2026-11-17"), 7, every, ACTIONS_EVERY_AREAS_MAX + 1,
				       due, 8, &n), MGW_E_INVALID);
}

Test(followup, an_action_is_noticed_on_its_due_date_then_every_n_days_while_open)
{
	char id[FOLLOWUP_ID_MAX], id2[FOLLOWUP_ID_MAX];
	add_action("2026-11-03", "2026-11-10", 4, id);
	cr_assert_str_eq(id, "A-000001");
	add_action("2026-11-03", "2026-12-31", 4, id2);
	cr_assert_str_eq(id2, "A-000002");
	struct action_due due[8];
	size_t n;
	cr_assert_eq(actions_due(db, D("2026-11-09"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 0, "not before the due date");
	cr_assert_eq(actions_due(db, D("2026-11-10"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(due[0].id, "A-000001");
	cr_assert_eq(due[0].days_overdue, 0);
	cr_assert_eq(due[0].owner, 4);
	cr_assert_eq(actions_noticed(db, id, D("2026-11-10")), MGW_OK);
	cr_assert_eq(actions_due(db, D("2026-11-16"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 0, "six days later: not yet");
	cr_assert_eq(actions_due(db, D("2026-11-17"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(due[0].days_overdue, 7);
	/* Closed: no more notices; reopened: again at once. */
	cr_assert_eq(actions_set_status(db, id, 2, "", "2026-11-17"), MGW_OK);
	cr_assert_eq(actions_due(db, D("2026-11-30"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 0);
	cr_assert_eq(actions_set_status(db, id, 1, "", "2026-11-30"), MGW_OK);
	cr_assert_eq(actions_due(db, D("2026-11-30"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 1);
	/* Invalid status, unknown id. */
	cr_assert_eq(actions_set_status(db, id, 0, "", "2026-11-30"), MGW_E_INVALID);
	cr_assert_eq(actions_set_status(db, id, 5, "", "2026-11-30"), MGW_E_INVALID);
	cr_assert_eq(actions_set_status(db, "A-999999", 2, "", "2026-11-30"), MGW_E_NOTFOUND);
}

Test(followup, a_due_date_before_the_meeting_is_refused)
{
	char id[FOLLOWUP_ID_MAX];
	struct action_new a = {.case_ref = "TS-2026-0001", .area = "testshire",
			       .marac_date = "2026-11-10", .owner = 4, .description = "x",
			       .due_date = "2026-11-09", .set_by_node = "c"};
	cr_assert_eq(actions_add(db, &a, 1, id), MGW_E_INVALID);
	a.due_date = "2026-11-10";
	a.owner = 0;
	cr_assert_eq(actions_add(db, &a, 1, id), MGW_E_INVALID);
}

Test(followup, the_agenda_lists_open_actions_of_earlier_meetings_with_days_to_the_meeting)
{
	char a1[FOLLOWUP_ID_MAX], a2[FOLLOWUP_ID_MAX], a3[FOLLOWUP_ID_MAX];
	add_action("2026-11-03", "2026-11-13", 4, a1);     /* overdue at the 17th */
	add_action("2026-11-10", "2026-11-20", 1, a2);     /* 3 days left */
	add_action("2026-11-17", "2026-11-20", 1, a3);     /* set at this meeting: not listed */
	char closed[FOLLOWUP_ID_MAX];
	add_action("2026-11-03", "2026-11-05", 4, closed);
	cr_assert_eq(actions_set_status(db, closed, 4, "", "2026-11-06"), MGW_OK);
	Marac__V1__Agenda *ag = (Marac__V1__Agenda *)codec_new(&marac__v1__agenda__descriptor);
	cr_assert_eq(actions_agenda(db, "testshire", "2026-11-17", ag), MGW_OK);
	cr_assert_eq(ag->n_actions, 2);
	cr_assert_str_eq(ag->actions[0]->action_id, "A-000001");
	cr_assert_eq(ag->actions[0]->days_left, -4);
	cr_assert_str_eq(ag->actions[0]->status, "overdue");
	cr_assert_str_eq(ag->actions[1]->action_id, "A-000002");
	cr_assert_eq(ag->actions[1]->days_left, 3);
	cr_assert_str_eq(ag->actions[1]->status, "open");
	cr_assert_eq(actions_agenda(db, "otherton", "2026-11-17", ag), MGW_OK);
	cr_assert_eq(ag->n_actions, 2, "another area adds nothing");
	codec_free(&ag->base);
}

Test(followup, lists_filter_by_area_owner_and_overdue)
{
	char id[FOLLOWUP_ID_MAX];
	add_action("2026-11-03", "2026-11-13", 4, id);
	add_action("2026-11-03", "2026-12-13", 1, id);
	const char *areas[] = {"testshire"};
	struct action_filter f = {.areas = areas, .n_areas = 1};
	Marac__V1__Action **v;
	size_t n;
	int trunc;
	cr_assert_eq(actions_list(db, &f, D("2026-11-20"), 10, &v, &n, &trunc), MGW_OK);
	cr_assert_eq(n, 2);
	actions_free_list(v, n);
	f.overdue_only = 1;
	cr_assert_eq(actions_list(db, &f, D("2026-11-20"), 10, &v, &n, &trunc), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(v[0]->days_left, -7);
	actions_free_list(v, n);
	f.overdue_only = 0;
	f.owner = 1;
	cr_assert_eq(actions_list(db, &f, D("2026-11-20"), 1, &v, &n, &trunc), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(v[0]->owner, 1);
	cr_assert_eq(trunc, 0);
	actions_free_list(v, n);
	f.owner = 0;
	cr_assert_eq(actions_list(db, &f, D("2026-11-20"), 1, &v, &n, &trunc), MGW_OK);
	cr_assert_eq(trunc, 1, "more than max");
	actions_free_list(v, n);
	const char *other[] = {"otherton"};
	f.areas = other;
	cr_assert_eq(actions_list(db, &f, D("2026-11-20"), 10, &v, &n, &trunc), MGW_OK);
	cr_assert_eq(n, 0, "another area's actions are not listed");
	actions_free_list(v, n);
}

Test(followup, msg_ids_are_idempotent_per_node)
{
	uint8_t d1[32] = {1}, d2[32] = {2};
	char item[FOLLOWUP_ID_MAX];
	cr_assert_eq(followup_msg_check(db, "n", "m1", d1, item), MGW_E_NOTFOUND);
	cr_assert_eq(followup_msg_put(db, "n", "m1", d1, "A-000001", 1), MGW_OK);
	cr_assert_eq(followup_msg_check(db, "n", "m1", d1, item), MGW_OK);
	cr_assert_str_eq(item, "A-000001");
	cr_assert_eq(followup_msg_check(db, "n", "m1", d2, item), MGW_E_CONFLICT);
	cr_assert_eq(followup_msg_check(db, "other", "m1", d2, item), MGW_E_NOTFOUND);
}

static void add_marker(const char *start, const char *due, char id[FOLLOWUP_ID_MAX])
{
	struct marker_new m = {.case_ref = "TS-2026-0001", .area = "testshire",
			       .start_date = start, .review_due = due, .oic_node = "police-1",
			       .by_node = "police-1"};
	cr_assert_eq(markers_add(db, &m, 1, id), MGW_OK);
}

Test(followup, a_marker_review_notice_comes_before_the_due_date_and_escalation_on_day_14)
{
	char id[FOLLOWUP_ID_MAX];
	add_marker("2026-06-01", "2026-12-01", id);
	cr_assert_str_eq(id, "M-000001");
	struct marker_due due[4];
	size_t n;
	cr_assert_eq(markers_due(db, D("2026-11-16"), 14, 14, due, 4, &n), MGW_OK);
	cr_assert_eq(n, 0, "15 days before: nothing");
	cr_assert_eq(markers_due(db, D("2026-11-17"), 14, 14, due, 4, &n), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(due[0].stage, MARKER_NOTICE_REVIEW);
	cr_assert_str_eq(due[0].oic_node, "police-1");
	cr_assert_eq(due[0].days_overdue, -14);
	cr_assert_eq(markers_noticed(db, id, MARKER_NOTICE_REVIEW, due[0].review_due), MGW_OK);
	cr_assert_eq(markers_due(db, D("2026-12-14"), 14, 14, due, 4, &n), MGW_OK);
	cr_assert_eq(n, 0, "13 days after the due date: no escalation yet, no second notice");
	cr_assert_eq(markers_due(db, D("2026-12-15"), 14, 14, due, 4, &n), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(due[0].stage, MARKER_NOTICE_ESCALATE);
	cr_assert_eq(due[0].days_overdue, 14);
	cr_assert_eq(due[0].first_sent, 1);
	cr_assert_eq(markers_noticed(db, id, MARKER_NOTICE_ESCALATE, due[0].review_due), MGW_OK);
	cr_assert_eq(markers_due(db, D("2026-12-30"), 14, 14, due, 4, &n), MGW_OK);
	cr_assert_eq(n, 0, "once per due date");
	Marac__V1__Marker *m;
	cr_assert_eq(markers_get(db, id, D("2026-12-30"), &m), MGW_OK);
	cr_assert(m->escalated);
	cr_assert_eq(m->days_to_review, -29);
	codec_free(&m->base);
	/* The review extends it: both stages start again for the new date. */
	cr_assert_eq(markers_review(db, id, 0, "2027-03-01", "2026-12-30"), MGW_OK);
	cr_assert_eq(markers_get(db, id, D("2026-12-30"), &m), MGW_OK);
	cr_assert(!m->escalated);
	cr_assert(!m->victim_informed, "she must be told again");
	codec_free(&m->base);
	cr_assert_eq(markers_due(db, D("2027-02-15"), 14, 14, due, 4, &n), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(due[0].stage, MARKER_NOTICE_REVIEW);
	/* Withdrawn: nothing is due any more, and it cannot be reviewed again. */
	cr_assert_eq(markers_review(db, id, 1, NULL, "2027-02-15"), MGW_OK);
	cr_assert_eq(markers_due(db, D("2027-06-01"), 14, 14, due, 4, &n), MGW_OK);
	cr_assert_eq(n, 0);
	cr_assert_eq(markers_review(db, id, 1, NULL, "2027-02-16"), MGW_E_CONFLICT);
}

Test(followup, contacts_and_attempts_are_kept_in_order_with_their_stage)
{
	char id[FOLLOWUP_ID_MAX];
	add_marker("2026-06-01", "2026-12-01", id);
	cr_assert_eq(markers_inform(db, id, "2026-06-02", 2, 2, "police-1"), MGW_OK);
	cr_assert_eq(markers_inform(db, id, "2026-06-03", 1, 1, "police-1"), MGW_OK);
	cr_assert_eq(markers_inform(db, id, "2026-06-03", 0, 1, "police-1"), MGW_E_INVALID);
	cr_assert_eq(markers_inform(db, "M-999999", "2026-06-03", 1, 1, "p"), MGW_E_NOTFOUND);
	Marac__V1__Marker *m;
	cr_assert_eq(markers_get(db, id, D("2026-06-03"), &m), MGW_OK);
	cr_assert_eq(m->n_contacts, 2);
	cr_assert_eq(m->contacts[0]->outcome, 2);
	cr_assert_str_eq(m->contacts[0]->stage, "placed");
	cr_assert_eq(m->contacts[1]->method, 1);
	cr_assert(m->victim_informed);
	codec_free(&m->base);
	for (unsigned i = 2; i < MGW_MARKER_CONTACTS_MAX; i++)
		cr_assert_eq(markers_inform(db, id, "2026-06-04", 2, 2, "p"), MGW_OK);
	cr_assert_eq(markers_inform(db, id, "2026-06-04", 2, 2, "p"), MGW_E_TOO_LARGE);
}

Test(followup, marker_lists_carry_contacts_stop_at_max_and_keep_to_the_readers_areas)
{
	char id1[FOLLOWUP_ID_MAX], id2[FOLLOWUP_ID_MAX];
	add_marker("2026-06-01", "2026-12-01", id1);
	add_marker("2026-06-01", "2026-11-01", id2);
	cr_assert_str_eq(id1, "M-000001");
	cr_assert_str_eq(id2, "M-000002");
	cr_assert_eq(markers_inform(db, id1, "2026-06-02", 1, 1, "police-1"), MGW_OK);
	const char *areas[] = {"testshire"};
	struct marker_filter f = {.areas = areas, .n_areas = 1};
	Marac__V1__Marker **v;
	size_t n;
	int trunc;
	cr_assert_eq(markers_list(db, &f, D("2026-10-01"), 10, &v, &n, &trunc), MGW_OK);
	cr_assert_eq(n, 2);
	cr_assert_eq(trunc, 0);
	cr_assert_str_eq(v[0]->marker_id, id2, "review due order");
	cr_assert_eq(v[0]->n_contacts, 0);
	cr_assert_eq(v[1]->n_contacts, 1, "each listed marker carries its contacts");
	markers_free_list(v, n);
	cr_assert_eq(markers_list(db, &f, D("2026-10-01"), 1, &v, &n, &trunc), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(trunc, 1, "more than max");
	markers_free_list(v, n);
	const char *other[] = {"otherton"};
	f.areas = other;
	cr_assert_eq(markers_list(db, &f, D("2026-10-01"), 10, &v, &n, &trunc), MGW_OK);
	cr_assert_eq(n, 0, "another area's markers are not listed");
	markers_free_list(v, n);
}

Test(followup, the_agenda_lists_markers_due_within_the_notice_window_of_the_meeting)
{
	char id[FOLLOWUP_ID_MAX];
	add_marker("2026-06-01", "2026-12-01", id);    /* 14 days after the meeting: listed */
	add_marker("2026-06-01", "2026-12-02", id);    /* 15 days: not yet */
	add_marker("2026-06-01", "2026-11-01", id);    /* overdue: listed */
	Marac__V1__Agenda *ag = (Marac__V1__Agenda *)codec_new(&marac__v1__agenda__descriptor);
	cr_assert_eq(markers_agenda(db, "testshire", "2026-11-17", 14, ag), MGW_OK);
	cr_assert_eq(ag->n_markers, 2);
	cr_assert_str_eq(ag->markers[0]->marker_id, "M-000003");
	cr_assert_eq(ag->markers[0]->days_to_review, -16);
	cr_assert_str_eq(ag->markers[1]->marker_id, "M-000001");
	codec_free(&ag->base);
}

Test(followup, when_both_stages_are_due_at_once_one_escalation_row_says_the_first_was_not_sent)
{
	char id[FOLLOWUP_ID_MAX];
	add_marker("2026-06-01", "2026-12-01", id);
	struct marker_due due[4];
	size_t n;
	cr_assert_eq(markers_due(db, D("2027-01-10"), 14, 14, due, 4, &n), MGW_OK);
	cr_assert_eq(n, 1, "one row, not a first stage and an escalation");
	cr_assert_eq(due[0].stage, MARKER_NOTICE_ESCALATE);
	cr_assert_eq(due[0].first_sent, 0, "the sweep tells the officer in charge too");
	cr_assert_eq(markers_noticed(db, id, MARKER_NOTICE_ESCALATE, due[0].review_due), MGW_OK);
	cr_assert_eq(markers_due(db, D("2027-01-11"), 14, 14, due, 4, &n), MGW_OK);
	cr_assert_eq(n, 0);
}

/* The case's lifecycle row as cases_life.c writes it (no mcase table here). */
static void case_ended(const char *case_ref, int status)
{
	char sql[256];
	snprintf(sql, sizeof sql,
		 "PRAGMA foreign_keys=OFF; INSERT INTO mcase_life(case_ref,status,reason,by_node,"
		 "at_ms) VALUES('%s',%d,1,'chair-testshire',1); PRAGMA foreign_keys=ON;",
		 case_ref, status);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
}

Test(followup, a_withdrawn_or_closed_case_has_no_overdue_notices_and_no_agenda_actions)
{
	char id[FOLLOWUP_ID_MAX], other[FOLLOWUP_ID_MAX];
	add_action("2026-11-03", "2026-11-10", 4, id);       /* TS-2026-0001 */
	struct action_new a = {.case_ref = "TS-2026-0002", .area = "testshire",
			       .marac_date = "2026-11-03", .owner = 4, .description = "x",
			       .due_date = "2026-11-10", .set_by_node = "chair-testshire"};
	cr_assert_eq(actions_add(db, &a, 1, other), MGW_OK);
	struct action_due due[8];
	size_t n;
	cr_assert_eq(actions_due(db, D("2026-11-12"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 2, "both open cases' actions are due");
	/* A referral withdrawn in error (2), a case closed (3). */
	case_ended("TS-2026-0001", 2);
	cr_assert_eq(actions_due(db, D("2026-11-12"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 1, "a withdrawn case's action is not chased");
	cr_assert_str_eq(due[0].id, other);
	Marac__V1__Agenda *ag = (Marac__V1__Agenda *)codec_new(&marac__v1__agenda__descriptor);
	cr_assert_eq(actions_agenda(db, "testshire", "2026-11-17", ag), MGW_OK);
	cr_assert_eq(ag->n_actions, 1, "nor outstanding on the next agenda");
	cr_assert_str_eq(ag->actions[0]->case_ref, "TS-2026-0002");
	codec_free(&ag->base);
	case_ended("TS-2026-0002", 3);
	cr_assert_eq(actions_due(db, D("2026-11-12"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 0, "nor a closed case's");
	/* The owner still sees it in a list, as it was left. */
	const char *areas[] = {"testshire"};
	struct action_filter flt = {.areas = areas, .n_areas = 1};
	Marac__V1__Action **v;
	int trunc;
	cr_assert_eq(actions_list(db, &flt, D("2026-11-12"), 10, &v, &n, &trunc), MGW_OK);
	cr_assert_eq(n, 2);
	actions_free_list(v, n);
}

Test(followup, a_merged_duplicates_actions_and_markers_follow_it_to_the_surviving_case)
{
	char id[FOLLOWUP_ID_MAX], mid[FOLLOWUP_ID_MAX];
	add_action("2026-11-03", "2026-11-10", 4, id);       /* TS-2026-0001 */
	struct marker_new mn = {.case_ref = "TS-2026-0001", .area = "testshire",
				.start_date = "2026-11-01", .review_due = "2027-04-01",
				.oic_node = "", .by_node = "police-testshire"};
	cr_assert_eq(markers_add(db, &mn, 1, mid), MGW_OK);
	cr_assert_eq(actions_merge(db, "TS-2026-0001", "TS-2026-0007"), MGW_OK);
	case_ended("TS-2026-0001", 4);
	struct action_due due[8];
	size_t n;
	cr_assert_eq(actions_due(db, D("2026-11-12"), 7, due, 8, &n), MGW_OK);
	cr_assert_eq(n, 1, "still chased, under the surviving case");
	cr_assert_str_eq(due[0].case_ref, "TS-2026-0007");
	Marac__V1__Marker *m = NULL;
	cr_assert_eq(markers_get(db, mid, D("2026-11-12"), &m), MGW_OK);
	cr_assert_str_eq(m->case_ref, "TS-2026-0007");
	codec_free(&m->base);
	cr_assert_eq(actions_merge(db, NULL, "TS-2026-0007"), MGW_E_INVALID);
}

Test(followup, one_case_holds_a_bounded_number_of_open_actions_and_active_markers)
{
	char id[FOLLOWUP_ID_MAX], first[FOLLOWUP_ID_MAX];
	for (unsigned i = 0; i < MGW_ACTIONS_OPEN_PER_CASE_MAX; i++)
		add_action("2026-11-03", "2026-12-10", 4, i ? id : first);
	struct action_new a = {.case_ref = "TS-2026-0001", .area = "testshire",
			       .marac_date = "2026-11-03", .owner = 4, .description = "x",
			       .due_date = "2026-12-10", .set_by_node = "chair-testshire"};
	cr_assert_eq(actions_add(db, &a, 1, id), MGW_E_TOO_LARGE, "a script adding for ever");
	a.case_ref = "TS-2026-0002";
	cr_assert_eq(actions_add(db, &a, 1, id), MGW_OK, "another case is not held up");
	cr_assert_eq(actions_set_status(db, first, 2, "", "2026-11-20"), MGW_OK);
	a.case_ref = "TS-2026-0001";
	cr_assert_eq(actions_add(db, &a, 1, id), MGW_OK, "one done: room for one more");
	/* Red team: reopening the done one would make 65 (its owner and a chair,
	 * or one certificate with both roles, could close, add and reopen for
	 * ever); the cap holds for a reopen as for an add. */
	cr_assert_eq(actions_set_status(db, first, 1, "", "2026-11-21"), MGW_E_TOO_LARGE);
	cr_assert_eq(actions_set_status(db, id, 1, "", "2026-11-21"), MGW_OK,
		     "an open one set open again is no new open action");
	cr_assert_eq(actions_set_status(db, id, 2, "", "2026-11-21"), MGW_OK);
	cr_assert_eq(actions_set_status(db, first, 1, "", "2026-11-21"), MGW_OK, "room again");

	struct marker_new mn = {.case_ref = "TS-2026-0001", .area = "testshire",
				.start_date = "2026-11-01", .review_due = "2027-04-01",
				.oic_node = "", .by_node = "police-testshire"};
	char mfirst[FOLLOWUP_ID_MAX];
	for (unsigned i = 0; i < MGW_MARKERS_ACTIVE_PER_CASE_MAX; i++)
		cr_assert_eq(markers_add(db, &mn, 1, i ? id : mfirst), MGW_OK);
	cr_assert_eq(markers_add(db, &mn, 1, id), MGW_E_TOO_LARGE);
	cr_assert_eq(markers_review(db, mfirst, 1, NULL, "2026-11-20"), MGW_OK);
	cr_assert_eq(markers_add(db, &mn, 1, id), MGW_OK, "one withdrawn: room for one more");
}

Test(followup, a_long_action_is_cut_on_the_agenda_at_a_character_boundary)
{
	char id[FOLLOWUP_ID_MAX], text[4000];
	/* "é" is two bytes: a cut at an odd byte would split one. */
	size_t n = 0;
	while (n + 2 < sizeof text) {
		text[n++] = (char)0xC3;
		text[n++] = (char)0xA9;
	}
	text[n] = '\0';
	struct action_new a = {.case_ref = "TS-2026-0001", .area = "testshire",
			       .marac_date = "2026-11-03", .owner = 4, .description = text,
			       .due_date = "2026-12-10", .set_by_node = "chair-testshire"};
	cr_assert_eq(actions_add(db, &a, 1, id), MGW_OK);
	add_action("2026-11-03", "2026-12-11", 4, id);
	Marac__V1__Agenda *ag = (Marac__V1__Agenda *)codec_new(&marac__v1__agenda__descriptor);
	cr_assert_eq(actions_agenda(db, "testshire", "2026-11-17", ag), MGW_OK);
	cr_assert_eq(ag->n_actions, 2);
	const char *t = ag->actions[0]->action;
	size_t len = strlen(t);
	cr_assert_leq(len, MGW_AGENDA_ACTION_TEXT_MAX);
	cr_assert_str_eq(t + len - 6, " [...]");
	cr_assert_eq((unsigned char)t[len - 7], 0xA9, "ends on a whole character");
	cr_assert_str_eq(ag->actions[1]->action, "Review plan", "short text unchanged");
	codec_free(&ag->base);
	/* The action itself keeps all of it. */
	Marac__V1__Action *full = NULL;
	cr_assert_eq(actions_get(db, "A-000001", D("2026-11-17"), &full), MGW_OK);
	cr_assert_eq(strlen(full->description), n);
	codec_free(&full->base);
}

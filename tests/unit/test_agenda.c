/* Agenda: section order and content, ages, research, renderings, meeting schedules. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "caldate.h"
#include "codec.h"
#include "mgw_err.h"

#define MEETING "2026-03-10"

static const char *const kids_a[] = {"2014-03-10", "2019-03-11"}; /* 12 and 6 on the day */
static const char *const kids_b[] = {"2020-01-01", "not-a-date"};
static const struct agenda_research res_a[] = {
	{MARAC__V1__AGENCY__AGENCY_HEALTH, 0},
	{MARAC__V1__AGENCY__AGENCY_POLICE, 1},
};

/* Synthetic cases, deliberately out of order. */
static struct agenda_case cases[] = {
	{.case_ref = "TS-2026-0007", .referral_date = "2026-02-20", .referring_agency = 1,
	 .route = 1, .score = 15, .level = 3, .meeting_date = MEETING},
	{.case_ref = "TS-2026-0005", .referral_date = "2026-02-18", .referring_agency = 5,
	 .route = 2, .score = 9, .level = 3, .children_dobs = kids_a, .n_children = 2,
	 .research = res_a, .n_research = 2, .meeting_date = MEETING},
	{.case_ref = "TS-2026-0002", .referral_date = "2026-02-18", .referring_agency = 4,
	 .route = 4, .score = 16, .level = 3, .repeat = 1, .last_referral_date = "2025-06-01",
	 .children_dobs = kids_b, .n_children = 2, .meeting_date = MEETING},
	{.case_ref = "TS-2026-0003", .referral_date = "2026-02-01", .referring_agency = 1,
	 .route = 1, .score = 14, .level = 3, .meeting_date = "2026-03-24"},
	{.case_ref = "TS-2025-0040", .referral_date = "2025-03-05", .referring_agency = 1,
	 .route = 1, .score = 18, .level = 3, .meeting_date = "2025-03-18", .lapsed = 1},
	{.case_ref = "TS-2026-0001", .referral_date = "2026-01-05", .referring_agency = 2,
	 .route = 3, .score = 6, .level = 1, .meeting_date = MEETING},
};
#define NCASES (sizeof cases / sizeof cases[0])

static Marac__V1__Agenda *build(void)
{
	Marac__V1__Agenda *a = NULL;
	cr_assert_eq(agenda_build("Teesside", MEETING, cases, NCASES, NULL, &a), MGW_OK);
	return a;
}

Test(agenda, sections_in_order_and_stable_within)
{
	Marac__V1__Agenda *a = build();
	cr_assert_eq(a->n_actions, 0);
	cr_assert_eq(a->n_cases_with_children, 2);
	/* same referral date: case ref decides */
	cr_assert_str_eq(a->cases_with_children[0]->case_ref, "TS-2026-0002");
	cr_assert_str_eq(a->cases_with_children[1]->case_ref, "TS-2026-0005");
	cr_assert_eq(a->n_adult_only_cases, 2);
	cr_assert_str_eq(a->adult_only_cases[0]->case_ref, "TS-2026-0001");
	cr_assert_str_eq(a->adult_only_cases[1]->case_ref, "TS-2026-0007");
	cr_assert_eq(a->n_lapsed_cases, 1);
	cr_assert_str_eq(a->lapsed_cases[0]->case_ref, "TS-2025-0040");
	cr_assert_str_eq(a->marac_area, "Teesside");
	cr_assert_str_eq(a->protective_marking, AGENDA_MARKING);
	cr_assert_str_eq(a->confidentiality_statement, agenda_default_statement);
	codec_free(&a->base);
}

Test(agenda, row_content_ages_and_research)
{
	Marac__V1__Agenda *a = build();
	const Marac__V1__AgendaRow *r = a->cases_with_children[1]; /* TS-2026-0005 */
	cr_assert_eq(r->children_count, 2);
	cr_assert_eq(r->n_children_ages, 2);
	cr_assert_eq(r->children_ages[0], 12, "12th birthday on the meeting day counts");
	cr_assert_eq(r->children_ages[1], 6, "7th birthday is the day after");
	cr_assert_eq(r->n_research, 2);
	cr_assert_eq(r->research[0]->agency, MARAC__V1__AGENCY__AGENCY_POLICE, "agency order");
	cr_assert(r->research[0]->done);
	cr_assert_not(r->research[1]->done);
	cr_assert_eq(r->referring_agency, MARAC__V1__AGENCY__AGENCY_IDVA);
	cr_assert_eq(r->route, 2);
	cr_assert_eq(r->dash_score, 9);

	const Marac__V1__AgendaRow *q = a->cases_with_children[0]; /* TS-2026-0002 */
	cr_assert(q->repeat);
	cr_assert_str_eq(q->last_referral_date, "2025-06-01");
	cr_assert_eq(q->children_count, 2);
	cr_assert_eq(q->n_children_ages, 1, "an invalid DOB is counted without an age");
	cr_assert_eq(q->children_ages[0], 6);
	codec_free(&a->base);
}

Test(agenda, bad_input_refused)
{
	Marac__V1__Agenda *a = NULL;
	cr_assert_eq(agenda_build("", MEETING, cases, NCASES, NULL, &a), MGW_E_INVALID);
	cr_assert_eq(agenda_build("T", "10/03/2026", cases, NCASES, NULL, &a), MGW_E_INVALID);
	struct agenda_case bad = {.case_ref = "X", .referral_date = "2026-13-01",
				  .meeting_date = MEETING};
	cr_assert_eq(agenda_build("T", MEETING, &bad, 1, NULL, &a), MGW_E_INVALID);
	cr_assert_null(a);
	cr_assert_eq(agenda_build("T", MEETING, NULL, 0, "Statement.", &a), MGW_OK);
	cr_assert_eq(a->n_cases_with_children + a->n_adult_only_cases + a->n_lapsed_cases, 0);
	codec_free(&a->base);
}

Test(agenda, lapsed_window)
{
	/* referred 2025-03-05: window ends 2026-03-05 */
	cr_assert(agenda_lapsed("2025-03-05", "2026-02-24", "2026-03-10", 12));
	cr_assert(agenda_lapsed("2025-03-05", "2026-02-24", "2026-03-05", 12), "ends on the day");
	cr_assert_not(agenda_lapsed("2025-03-05", "2026-03-05", "2026-03-19", 12),
		      "already lapsed at the previous meeting");
	cr_assert_not(agenda_lapsed("2025-03-05", "2026-02-10", "2026-02-24", 12));
	cr_assert_not(agenda_lapsed("bad", "2026-02-10", "2026-02-24", 12));
}

/* Render into memory. */
static char *render(int (*fn)(const Marac__V1__Agenda *, FILE *), const Marac__V1__Agenda *a)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	cr_assert_eq(fn(a, f), MGW_OK);
	fclose(f);
	return buf;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

Test(agenda, html_marked_escaped_and_sectioned)
{
	struct agenda_case evil = {.case_ref = "<script>alert(1)</script>",
				   .referral_date = "2026-02-01", .referring_agency = 1,
				   .route = 1, .score = 14, .level = 3, .meeting_date = MEETING};
	Marac__V1__Agenda *a = NULL;
	cr_assert_eq(agenda_build("Tees & \"Hartlepool\"", MEETING, &evil, 1, NULL, &a), MGW_OK);
	char *html = render(agenda_render_html, a);
	cr_assert_eq(count(html, AGENDA_MARKING), 2, "marked at top and bottom");
	cr_assert_lt(strstr(html, AGENDA_MARKING), strstr(html, "<h1>"));
	cr_assert_null(strstr(html, "<script>"), "case ref must be escaped");
	cr_assert_not_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	cr_assert_not_null(strstr(html, "Tees &amp; &quot;Hartlepool&quot;"));
	cr_assert_not_null(strstr(html, "Confidentiality statement"));
	cr_assert_not_null(strstr(html, "@media print"));
	const char *s1 = strstr(html, "Outstanding actions"), *s2 = strstr(html, "with children"),
		   *s3 = strstr(html, "adults only"), *s4 = strstr(html, "has lapsed");
	cr_assert(s1 && s2 && s3 && s4 && s1 < s2 && s2 < s3 && s3 < s4);
	free(html);
	codec_free(&a->base);
}

Test(agenda, html_full_agenda_rows)
{
	Marac__V1__Agenda *a = build();
	char *html = render(agenda_render_html, a);
	cr_assert_not_null(strstr(html, "2 (12, 6)"));
	cr_assert_not_null(strstr(html, "2 (6, 1 age unknown)"));
	cr_assert_not_null(strstr(html, "Yes (2025-06-01)"));
	cr_assert_not_null(strstr(html, "Health: <span class=\"outstanding\">outstanding</span>"));
	cr_assert_lt(strstr(html, "TS-2026-0002"), strstr(html, "TS-2026-0005"));
	cr_assert_lt(strstr(html, "TS-2026-0005"), strstr(html, "TS-2026-0001"));
	cr_assert_lt(strstr(html, "TS-2026-0007"), strstr(html, "TS-2025-0040"));
	free(html);
	codec_free(&a->base);
}

Test(agenda, csv_quoting_and_formula_guard)
{
	struct agenda_case evil[] = {
		{.case_ref = "=HYPERLINK(\"http://x\")", .referral_date = "2026-02-01",
		 .meeting_date = MEETING},
		{.case_ref = "+1,2", .referral_date = "2026-02-02", .meeting_date = MEETING},
		{.case_ref = "@SUM(A1)", .referral_date = "2026-02-03", .meeting_date = MEETING},
		{.case_ref = "-3\r\n", .referral_date = "2026-02-04", .meeting_date = MEETING},
	};
	Marac__V1__Agenda *a = NULL;
	cr_assert_eq(agenda_build("T", MEETING, evil, 4, NULL, &a), MGW_OK);
	char *csv = render(agenda_render_csv, a);
	cr_assert_not_null(strstr(csv, ",\"'=HYPERLINK(\"\"http://x\"\")\","));
	cr_assert_not_null(strstr(csv, ",\"'+1,2\","));
	cr_assert_not_null(strstr(csv, ",'@SUM(A1),"));
	cr_assert_not_null(strstr(csv, ",\"'-3\r\n\","));
	cr_assert_eq(strncmp(csv, AGENDA_MARKING ",", strlen(AGENDA_MARKING) + 1), 0);
	cr_assert_eq(count(csv, AGENDA_MARKING), 2);
	cr_assert_not_null(strstr(csv, "\r\nsection,case_ref,referral_date,"));
	/* no cell anywhere starts with a bare formula character */
	for (const char *p = csv; *p; p++)
		if ((p == csv || p[-1] == ',' || p[-1] == '\n' || (p[-1] == '"' && (p - 1 == csv ||
		     p[-2] == ',' || p[-2] == '\n'))) && strchr("=+-@", *p) && *p)
			cr_assert_fail("unguarded cell at offset %td", p - csv);
	free(csv);
	codec_free(&a->base);
}

Test(agenda, csv_rows_and_json)
{
	Marac__V1__Agenda *a = build();
	char *csv = render(agenda_render_csv, a);
	cr_assert_not_null(strstr(csv, "\r\nchildren,TS-2026-0005,2026-02-18,IDVA service,"
				   "Professional judgement,9,High,no,,no,2,12;6,"
				   "Police: done; Health: outstanding,,,,,,,,,,\r\n"));
	cr_assert_not_null(strstr(csv, "\r\nlapsed,TS-2025-0040,"));
	free(csv);
	char *json = render(agenda_render_json, a);
	cr_assert_not_null(strstr(json, "\"protectiveMarking\": \"" AGENDA_MARKING "\""));
	cr_assert_not_null(strstr(json, "\"casesWithChildren\""));
	cr_assert_not_null(strstr(json, "\"childrenAges\""));
	free(json);
	codec_free(&a->base);
}

static void next(const struct meeting_schedule *s, const char *from, const char *want)
{
	char out[11];
	cr_assert_eq(meeting_next(s, from, out), MGW_OK, "from %s", from);
	cr_assert_str_eq(out, want, "from %s", from);
}

Test(meeting, weekly_fortnightly_daily)
{
	/* 2026-03-10 is a Tuesday */
	struct meeting_schedule w = {.freq = MEETING_WEEKLY, .weekday = 2, .min_days = 0};
	next(&w, "2026-03-10", "2026-03-10");
	next(&w, "2026-03-11", "2026-03-17");
	w.min_days = 7;
	next(&w, "2026-03-10", "2026-03-17");
	next(&w, "2026-03-04", "2026-03-17");
	struct meeting_schedule f = {.freq = MEETING_FORTNIGHTLY, .anchor_date = "2026-01-06",
				     .min_days = 5};
	next(&f, "2026-03-10", "2026-03-17");
	next(&f, "2026-03-12", "2026-03-17");
	next(&f, "2026-03-13", "2026-03-31");
	next(&f, "2025-12-15", "2025-12-23"); /* anchor after from */
	struct meeting_schedule d = {.freq = MEETING_DAILY, .min_days = 1};
	next(&d, "2026-03-12", "2026-03-13"); /* Thu -> Fri */
	next(&d, "2026-03-13", "2026-03-16"); /* Fri -> Mon */
}

Test(meeting, skips_and_errors)
{
	static const char *const hols[] = {"2026-04-03", "2026-04-06"};
	struct meeting_schedule d = {.freq = MEETING_DAILY, .skip = hols, .n_skip = 2};
	next(&d, "2026-04-03", "2026-04-07"); /* Good Friday, Easter Monday */
	struct meeting_schedule w = {.freq = MEETING_WEEKLY, .weekday = 5, .skip = hols,
				     .n_skip = 1};
	next(&w, "2026-04-01", "2026-04-10");
	char out[11];
	w.weekday = 8;
	cr_assert_eq(meeting_next(&w, "2026-04-01", out), MGW_E_INVALID);
	w.weekday = 5;
	cr_assert_eq(meeting_next(&w, "2026-02-30", out), MGW_E_INVALID);
	struct meeting_schedule f = {.freq = MEETING_FORTNIGHTLY, .anchor_date = NULL};
	cr_assert_eq(meeting_next(&f, "2026-04-01", out), MGW_E_INVALID);
	static const char *const bad[] = {"2026/04/03"};
	struct meeting_schedule b = {.freq = MEETING_DAILY, .skip = bad, .n_skip = 1};
	cr_assert_eq(meeting_next(&b, "2026-04-01", out), MGW_E_INVALID);
}

Test(caldate, parse_months_ages)
{
	int32_t d, e;
	cr_assert_eq(caldate_parse("2024-02-29", &d), 0);
	cr_assert_neq(caldate_parse("2023-02-29", &d), 0);
	cr_assert_neq(caldate_parse("2024-2-29", &d), 0);
	cr_assert_neq(caldate_parse("2024-02-290", &d), 0);
	cr_assert_neq(caldate_parse("1899-12-31", &d), 0);
	caldate_parse("2024-02-29", &d);
	char out[11];
	caldate_format(caldate_add_months(d, -12), out);
	cr_assert_str_eq(out, "2023-02-28");
	caldate_parse("2025-01-31", &d);
	caldate_format(caldate_add_months(d, 1), out);
	cr_assert_str_eq(out, "2025-02-28");
	caldate_parse("2008-02-29", &d);
	caldate_parse("2024-02-28", &e);
	cr_assert_eq(caldate_age_years(d, e), 15);
	caldate_parse("2024-03-01", &e);
	cr_assert_eq(caldate_age_years(d, e), 16);
	caldate_parse("1970-01-01", &d);
	cr_assert_eq(d, 0);
	cr_assert_eq(caldate_weekday(d), 4);
}

/* ---- h13-audit: attendance, timing, window, origins, any other business ---- */

static const int attending[] = {MARAC__V1__AGENCY__AGENCY_HEALTH, MARAC__V1__AGENCY__AGENCY_POLICE,
				MARAC__V1__AGENCY__AGENCY_IDVA};
static const int apologies[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};

static Marac__V1__Agenda *build_meeting(unsigned window, const char *start, unsigned minutes)
{
	Marac__V1__Agenda *a = build();
	struct agenda_meeting m = {.attending = attending, .n_attending = 3,
				   .apologies = apologies, .n_apologies = 1,
				   .window_months = window, .start_time = start,
				   .minutes_per_case = minutes};
	cr_assert_eq(agenda_set_meeting(a, &m), MGW_OK);
	return a;
}

Test(agenda_meeting, slots_follow_the_order_the_meeting_takes)
{
	Marac__V1__Agenda *a = build_meeting(12, "09:30", 12);
	/* children first (2), adults (2), lapsed (1): 09:30, 09:42, 09:54, 10:06, 10:18 */
	cr_assert_str_eq(a->cases_with_children[0]->slot, "09:30");
	cr_assert_str_eq(a->cases_with_children[1]->slot, "09:42");
	cr_assert_str_eq(a->adult_only_cases[0]->slot, "09:54");
	cr_assert_str_eq(a->adult_only_cases[1]->slot, "10:06");
	cr_assert_str_eq(a->lapsed_cases[0]->slot, "10:18");
	cr_assert_str_eq(a->start_time, "09:30");
	cr_assert_eq(a->minutes_per_case, 12);
	codec_free(&a->base);

	a = build_meeting(12, NULL, 0); /* the defaults: 10:00, 15 minutes */
	cr_assert_str_eq(a->cases_with_children[1]->slot, "10:15");
	cr_assert_str_eq(a->lapsed_cases[0]->slot, "11:00");
	codec_free(&a->base);

	a = build_meeting(12, "23:20", 30); /* past midnight: no slot, the chair decides */
	cr_assert_str_eq(a->cases_with_children[1]->slot, "23:50");
	cr_assert_str_eq(a->adult_only_cases[0]->slot, "");
	codec_free(&a->base);
}

Test(agenda_meeting, bad_arrangements_refused)
{
	Marac__V1__Agenda *a = build();
	int police = MARAC__V1__AGENCY__AGENCY_POLICE, housing = MARAC__V1__AGENCY__AGENCY_HOUSING;
	struct agenda_meeting m = {.attending = &police, .n_attending = 1, .window_months = 12};
	m.start_time = "9:30";
	cr_assert_eq(agenda_set_meeting(a, &m), MGW_E_INVALID);
	m.start_time = "24:00";
	cr_assert_eq(agenda_set_meeting(a, &m), MGW_E_INVALID);
	m.start_time = NULL;
	m.minutes_per_case = AGENDA_MINUTES_MAX + 1;
	cr_assert_eq(agenda_set_meeting(a, &m), MGW_E_INVALID);
	m.minutes_per_case = 0;
	m.apologies = &housing; /* not expected: cannot send apologies */
	m.n_apologies = 1;
	cr_assert_eq(agenda_set_meeting(a, &m), MGW_E_INVALID);
	m.n_apologies = 0;
	m.window_months = 0;
	cr_assert_eq(agenda_set_meeting(a, &m), MGW_E_INVALID);
	codec_free(&a->base);
	unsigned mins;
	cr_assert_eq(agenda_parse_hhmm("00:00", &mins), MGW_OK);
	cr_assert_eq(mins, 0);
	cr_assert_eq(agenda_parse_hhmm("23:59", &mins), MGW_OK);
	cr_assert_eq(mins, 23 * 60 + 59);
	cr_assert_eq(agenda_parse_hhmm("12:60", &mins), MGW_E_INVALID);
	cr_assert_eq(agenda_parse_hhmm("12:3a", &mins), MGW_E_INVALID);
	cr_assert(agenda_area_name_ok("North Yorkshire"));
	cr_assert(agenda_area_name_ok("Brighton & Hove"));
	cr_assert_not(agenda_area_name_ok("<b>Kent</b>"));
	cr_assert_not(agenda_area_name_ok(" Kent"));
	cr_assert_not(agenda_area_name_ok("Kent, c/o 07700 900123\n"));
}

Test(agenda_meeting, html_attendance_window_origins_aob_pages)
{
	Marac__V1__Agenda *a = build_meeting(6, "09:30", 12);
	Marac__V1__AgendaRow *rep = a->cases_with_children[0]; /* TS-2026-0002, a repeat */
	rep->last_case_ref = codec_strdup("TS-2025-0031");
	rep->last_area = codec_strdup("Teesside");
	Marac__V1__AgendaRow *tr = a->adult_only_cases[0];
	tr->transfer_in = 1;
	tr->transfer_from_area = codec_strdup("North Yorkshire");
	const char *aob[] = {"Review of the <referral> pathway", "Date of next meeting"};
	cr_assert_eq(agenda_add_aob(a, aob, 2), MGW_OK);
	char *html = render(agenda_render_html, a);
	/* attendance: every expected agency, the apology shown as such, agency order */
	const char *att = strstr(html, "Attendance and apologies");
	cr_assert_not_null(att);
	cr_assert_not_null(strstr(html, "<td>Health</td><td>Apologies</td>"));
	cr_assert_not_null(strstr(html, "<td>Police</td><td>Expected</td>"));
	cr_assert_not_null(strstr(html, "<td>IDVA service</td><td>Expected</td>"));
	cr_assert_lt(strstr(html, "<td>Police</td>"), strstr(html, "<td>Health</td>"));
	cr_assert_lt(att, strstr(html, "Confidentiality statement"));
	/* the window that applied, not always 12 */
	cr_assert_not_null(strstr(html, "4. Cases whose 6-month repeat window has lapsed"));
	cr_assert_null(strstr(html, "12-month"));
	/* where cases come from */
	cr_assert_not_null(strstr(html, "Yes (2025-06-01; <span class=\"nw\">TS-2025-0031, "
				       "Teesside</span>)"));
	cr_assert_not_null(strstr(html, "Yes (from North Yorkshire)"));
	/* time per case */
	cr_assert_not_null(strstr(html, "Cases from 09:30, 12 minutes each"));
	cr_assert_not_null(strstr(html, "<tr><td>09:42</td><td>TS-2026-0005</td>"));
	/* any other business, last, escaped */
	const char *aobh = strstr(html, "5. Any other business");
	cr_assert_not_null(aobh);
	cr_assert_lt(strstr(html, "has lapsed"), aobh);
	cr_assert_not_null(strstr(aobh, "<li>Review of the &lt;referral&gt; pathway</li>"));
	/* page X of Y in print */
	cr_assert_not_null(strstr(html, "counter(page)"));
	cr_assert_not_null(strstr(html, "counter(pages)"));
	free(html);

	char *csv = render(agenda_render_csv, a);
	cr_assert_not_null(strstr(csv, "\r\nattendance,,,,,,,,,,,,,,Health,apologies,,,,,,,\r\n"));
	cr_assert_not_null(strstr(csv, "\r\nattendance,,,,,,,,,,,,,,Police,expected,,,,,,,\r\n"));
	cr_assert_not_null(strstr(csv, ",09:30,TS-2025-0031,Teesside,,,\r\n"), "%s", csv);
	cr_assert_not_null(strstr(csv, ",North Yorkshire,,\r\n"), "no origin, no merge: %s", csv);
	cr_assert_not_null(strstr(csv, "\r\nany_other_business,,,,,,,,,,,,,Date of next meeting,"));
	free(csv);
	codec_free(&a->base);
}

/* The CSV names a transfer's origin and a case's merged duplicates, after the old columns. */
Test(agenda_meeting, csv_origin_and_merged_case_refs_appended)
{
	Marac__V1__Agenda *a = build_meeting(12, "09:30", 12);
	Marac__V1__AgendaRow *tr = a->adult_only_cases[0];
	tr->transfer_in = 1;
	tr->origin_area = codec_strdup("Otherton");
	Marac__V1__AgendaRow *mg = a->cases_with_children[0];
	mg->n_merged_case_refs = 2;
	mg->merged_case_refs = codec_malloc(2 * sizeof *mg->merged_case_refs);
	cr_assert_not_null(mg->merged_case_refs);
	mg->merged_case_refs[0] = codec_strdup("TS-2026-0011");
	mg->merged_case_refs[1] = codec_strdup("TS-2026-0012");
	char *csv = render(agenda_render_csv, a);
	cr_assert_not_null(strstr(csv, "\r\nsection,case_ref,referral_date,referring_agency,route,"
				       "dash_score,risk_level,repeat,last_referral_date,transfer_in,"
				       "children_count,children_ages,research,action,owner,status,"
				       "due_date,slot,last_case_ref,last_area,transfer_from_area,"
				       "origin_area,merged_case_refs\r\n"), "%s", csv);
	char want[128];
	snprintf(want, sizeof want, "\r\nadult_only,%s,", tr->case_ref);
	const char *row = strstr(csv, want);
	cr_assert_not_null(row, "%s", csv);
	cr_assert_not_null(strstr(row, ",yes,"), "transfer_in still in its column: %s", row);
	cr_assert_eq(strncmp(strstr(row, ",Otherton,"), ",Otherton,\r\n", 12), 0, "%s", csv);
	snprintf(want, sizeof want, "\r\nchildren,%s,", mg->case_ref);
	row = strstr(csv, want);
	cr_assert_not_null(row, "%s", csv);
	const char *end = strstr(row + 2, "\r\n");
	cr_assert_eq(strncmp(end - 27, ",,TS-2026-0011;TS-2026-0012", 27), 0, "%s", csv);
	free(csv);
	codec_free(&a->base);
}

Test(agenda_meeting, no_attendance_and_no_aob_still_shown)
{
	Marac__V1__Agenda *a = build();
	struct agenda_meeting m = {.window_months = 12};
	cr_assert_eq(agenda_set_meeting(a, &m), MGW_OK);
	char *html = render(agenda_render_html, a);
	cr_assert_not_null(strstr(html, "No agency is registered for this area."));
	cr_assert_not_null(strstr(html, "5. Any other business</h2>\n<p class=\"none\">None notified"));
	cr_assert_not_null(strstr(html, "12-month repeat window"));
	free(html);
	const char *empty[] = {""};
	cr_assert_eq(agenda_add_aob(a, empty, 1), MGW_E_INVALID);
	codec_free(&a->base);
}

/* A pregnancy case is a case with children, the child shown as "unborn"; DASH says "of 24/27". */
Test(agenda, unborn_children_and_the_dash_form)
{
	static const char *const kids[] = {"2018-03-10", "2026-07-01"}; /* 8, and due in July */
	static const char *const due[] = {"2026-06-15"};
	struct agenda_case c[] = {
		{.case_ref = "TS-2026-0011", .referral_date = "2026-02-20", .referring_agency = 4,
		 .route = 1, .score = 15, .level = 3, .children_dobs = due, .n_children = 1,
		 .meeting_date = MEETING, .dash_form = 2, .dash_threshold = 14},
		{.case_ref = "TS-2026-0012", .referral_date = "2026-02-21", .referring_agency = 1,
		 .route = 1, .score = 16, .level = 3, .children_dobs = kids, .n_children = 2,
		 .meeting_date = MEETING, .dash_form = 1, .dash_threshold = 16},
	};
	Marac__V1__Agenda *a = NULL;
	cr_assert_eq(agenda_build("Teesside", MEETING, c, 2, NULL, &a), MGW_OK);
	cr_assert_eq(a->n_cases_with_children, 2, "an unborn child makes a case with children");
	cr_assert_eq(a->n_adult_only_cases, 0);
	const Marac__V1__AgendaRow *r0 = a->cases_with_children[0], *r1 = a->cases_with_children[1];
	cr_assert_eq(r0->children_count, 1);
	cr_assert_eq(r0->unborn_children, 1);
	cr_assert_eq(r0->n_children_ages, 0);
	cr_assert_eq(r0->dash_form, MARAC__V1__DASH_FORM__DASH_FORM_POLICE_27);
	cr_assert_eq(r1->unborn_children, 1);
	cr_assert_eq(r1->n_children_ages, 1);
	char *html = render(agenda_render_html, a);
	cr_assert_not_null(strstr(html, "1 (unborn)"), "%s", html);
	cr_assert_not_null(strstr(html, "2 (8, unborn)"));
	cr_assert_not_null(strstr(html, "15 of 27"));
	cr_assert_not_null(strstr(html, "16 of 24 (threshold 16)"));
	cr_assert_null(strstr(html, "age unknown"));
	free(html);
	codec_free(&a->base);
}

/*
 * After the meeting over the real gateway (issue 12 items 1, 2, 5): the
 * chair records an action at one meeting; the gateway's test clock is moved
 * on (MARAC_CLOCK_OFFSET_DAYS at start, state_dir/test_clock_offset_days
 * while it runs), the owner agency and the chair are sent due and overdue
 * notices (durable: the owner, offline meanwhile, gets them on connecting),
 * the next meeting's agenda lists the action as overdue (JSON and HTML);
 * only the owner agency may close it, others are refused NOT_OWNER and
 * audited. A police marker: a victim-informed attempt is recorded, then the
 * telling; the first-stage review notice reaches the officer in charge; the
 * missed review escalates on day 14, not day 13, to the area's escalation
 * node, audited.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "caldate.h"
#include "codec.h"
#include "harness.h"
#include "mgw_err.h"
#include "store.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(meeting, .fini = teardown, .timeout = 240);

static int32_t today(void)
{
	return (int32_t)(time(NULL) / 86400);
}

static const char *day(int32_t d, char out[11])
{
	caldate_format(d, out);
	return out;
}

/* Move the running gateway's test clock to offset days. */
static void set_offset(int days)
{
	char path[700], tmp[720];
	snprintf(path, sizeof path, "%s/state/test_clock_offset_days", G.dir);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	cr_assert_not_null(f);
	fprintf(f, "%d\n", days);
	fclose(f);
	cr_assert_eq(rename(tmp, path), 0);
}

/* Records of event (reason, recipient: NULL = any) in the trail. */
static int audit_to(int event, const char *reason, const char *recipient)
{
	char dir[600], err[256];
	snprintf(dir, sizeof dir, "%s/state", G.dir);
	store *s;
	if (store_open(dir, 1, &s, err, sizeof err) != MGW_OK)
		return -1;
	int n = 0;
	uint64_t size = store_audit_size(s);
	for (uint64_t i = 0; i < size; i++) {
		uint8_t *b;
		size_t len;
		if (store_audit_get(s, i, &b, &len) != MGW_OK)
			continue;
		ProtobufCMessage *m;
		if (codec_unpack(&marac__v1__audit_record__descriptor, b, len, len, &m) == MGW_OK) {
			Marac__V1__AuditRecord *r = (Marac__V1__AuditRecord *)m;
			if ((int)r->event == event && (reason == NULL || !strcmp(r->reason, reason)) &&
			    (recipient == NULL || !strcmp(r->recipient_node, recipient)))
				n++;
			codec_free(m);
		}
		free(b);
	}
	store_close(s);
	return n;
}

static int audit_to_wait(int event, const char *reason, const char *recipient, int want)
{
	int n = 0;
	for (int i = 0; i < 150; i++) {
		if ((n = audit_to(event, reason, recipient)) >= want)
			break;
		usleep(50000);
	}
	return n;
}

/*
 * Start a gateway on the test clock, with an escalation node for testshire
 * and area_extra (lines of testshire's area block, or NULL).
 */
static void start_area(const char *extra, const char *area_extra)
{
	setenv("MARAC_CLOCK_OFFSET_DAYS", "0", 1);
	gw_start(&G, extra);
	cr_assert_eq(gw_stop(&G), 0);
	char *cfg = slurp(G.config);
	cr_assert_not_null(cfg);
	const char *at = strstr(cfg, "      min_days: 5\n");
	cr_assert_not_null(at, "PKI config layout changed");
	at += strlen("      min_days: 5\n");
	FILE *f = fopen(G.config, "w");
	fprintf(f, "%.*s      escalation_node: auditor-testshire\n%s%s", (int)(at - cfg), cfg,
		area_extra ? area_extra : "", at);
	fclose(f);
	free(cfg);
	gw_restart(&G);
	char *log = slurp(G.log);
	cr_assert(log && strstr(log, "test_clock_enabled"), "the test clock is logged loudly");
	free(log);
	cr_assert_geq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_GATEWAY_START, "test_clock",
				    NULL, 2), 2, "and on the trail at each start");
}

static void start(const char *extra)
{
	start_area(extra, NULL);
}

Test(meeting, an_action_counts_down_notifies_its_owner_and_only_the_owner_closes_it)
{
	/* Testshire's own interval (3 days) over the gateway's (7). */
	start_area("followup:\n  action_notice_every_days: 7\n",
		   "      action_notice_every_days: 3\n");
	refer_police_case(&G);
	char out[65536], err[8192], id[32], m1[11], m2[11], due[11];
	/* The meeting that set it: the last Tuesday on or before today (testshire
	 * meets on Tuesdays); the next but one meeting comes after the due date. */
	int32_t t = today(), meet = t;
	while (caldate_weekday(meet) != 2)
		meet--;
	day(meet, m1);
	day(meet + 14, m2);
	day(t + 2, due);

	/* Only a chair records actions. */
	const char *add[] = {"action", "add", "--case", "TS-2026-0001", "--owner", "health",
			     "--date", m1, "--due", due, "--description",
			     "GP to review medication. Pharmacy reference 07700 900123.", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, add), 1);
	cr_assert(strstr(err, "ERROR_CODE_NOT_AUTHORISED"), "%s", err);

	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add), 0, "%s%s", out,
		     err);
	json_str(out, "actionId", id, sizeof id);
	cr_assert_str_eq(id, "A-000001", "%s", out);
	cr_assert(strstr(out, "\"status\": \"ACTION_STATUS_OPEN\""), "%s", out);
	cr_assert(strstr(out, "\"daysLeft\": 2"), "%s", out);
	/* The free text was scrubbed under the policy before it was stored. */
	cr_assert_null(strstr(out, "900123"), "the phone number is scrubbed: %s", out);
	cr_assert(strstr(out, "GP to review medication"), "%s", out);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_ADDED, "health", NULL,
				   1), 1);
	/* The same command again is the same action. */
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add), 0, "%s", err);
	cr_assert(strstr(out, "\"actionId\": \"A-000001\""), "%s", out);
	/* A used msg_id for another request is a conflict, not a second action. */
	char later[11];
	day(t + 30, later); /* far enough not to raise notices in this test */
	const char *add2[] = {"action", "add", "--case", "TS-2026-0001", "--owner", "idva",
			      "--date", m1, "--due", later, "--description", "Safety plan",
			      "--msg-id", "chair-1", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add2), 0, "%s", err);
	cr_assert(strstr(out, "\"actionId\": \"A-000002\""), "%s", out);
	add2[5] = "probation";
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add2), 1);
	cr_assert(strstr(err, "ERROR_CODE_MSG_ID_CONFLICT"), "%s", err);

	/* Not due yet: no notice in two sweeps. */
	sleep(2);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE, NULL, NULL), 0);

	/* The due date: the owner agency's node and the chair are told. */
	set_offset(2);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE, "action_due",
				   "health-testshire", 1), 1);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE, "action_due",
				   "chair-testshire", 1), 1);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE, NULL,
			      "police-testshire"), 0, "other agencies are not told");
	/* Two days later: nothing (every 3 days); three: overdue, again. */
	set_offset(4);
	sleep(2);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE, NULL, NULL), 2);
	set_offset(5);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE,
				   "action_overdue", "health-testshire", 1), 1);

	/* Health was offline: it gets the referral and both notices on connecting. */
	char inbox[700];
	snprintf(inbox, sizeof inbox, "%s/inbox-health", G.dir);
	const char *listen[] = {"listen", "--out", inbox, "--count", "3", "--idle-exit", "20", NULL};
	cr_assert_eq(wait_exit(cli_spawn(&G, "health", NULL, listen), 40), 0);
	char *got = read_dir(inbox);
	cr_assert(strstr(got, "NOTICE_KIND_ACTION_DUE") && strstr(got, "NOTICE_KIND_ACTION_OVERDUE"),
		  "%s", got);
	cr_assert(strstr(got, "\"itemId\": \"A-000001\""), "%s", got);
	cr_assert(strstr(got, "\"daysOverdue\": 3"), "%s", got);
	cr_assert_null(strstr(got, "medication"), "a notice carries no free text: %s", got);
	free(got);

	/* The next but one meeting's agenda opens with it, overdue. */
	const char *ag[] = {"agenda", "--area", "testshire", "--date", m2, "--format", "json", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag), 0, "%s", err);
	const char *acts = strstr(out, "\"actions\"");
	cr_assert(acts && strstr(acts, "\"actionId\": \"A-000001\""), "%s", out);
	cr_assert(strstr(acts, "\"status\": \"overdue\""), "%s", out);
	char want[40];
	snprintf(want, sizeof want, "\"daysLeft\": %d", (int)(t + 2 - (meet + 14)));
	cr_assert(strstr(acts, want), "%s in %s", want, out);
	/* ...and not the agenda of the meeting that set it. */
	const char *ag1[] = {"agenda", "--area", "testshire", "--date", m1, "--format", "json", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag1), 0, "%s", err);
	cr_assert_null(strstr(out, "A-000001"), "%s", out);
	char html[700];
	snprintf(html, sizeof html, "%s/agenda.html", G.dir);
	const char *agh[] = {"agenda", "--area", "testshire", "--date", m2, "--out", html, NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, agh), 0, "%s", err);
	char *page = slurp(html);
	cr_assert(page && strstr(page, "1. Outstanding actions"), "%s", page ? page : "");
	cr_assert(strstr(page, "days overdue") && strstr(page, "GP to review medication"), "%s",
		  page);
	cr_assert(strstr(page, "Address markers due for review"), "%s", page);
	free(page);

	/* Only the owner agency closes it: police and the chair are refused, typed and audited. */
	const char *done_p[] = {"action", "update", "--id", id, "--status", "done", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, done_p), 1);
	cr_assert(strstr(err, "ERROR_CODE_NOT_OWNER"), "%s", err);
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, done_p), 1);
	cr_assert(strstr(err, "ERROR_CODE_NOT_OWNER"), "%s", err);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				   "not_action_owner", NULL, 2), 2);
	const char *unknown[] = {"action", "update", "--id", "A-999999", "--status", "done", NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, unknown), 1);
	cr_assert(strstr(err, "ERROR_CODE_UNKNOWN_ITEM"), "%s", err);

	const char *list_o[] = {"action", "list", "--overdue", NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, list_o), 0, "%s", err);
	cr_assert(strstr(out, "A-000001") && strstr(out, "3 days OVERDUE"), "%s", out);
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, list_o), 0, "%s", err);
	cr_assert_null(strstr(out, "A-000001"), "a node lists its own agency's actions: %s", out);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FOLLOWUP_LISTED, "actions", 2),
		     2, "every list answered is audited");

	const char *done_h[] = {"action", "update", "--id", id, "--status", "not-possible",
				"--note", "She moved out of area; ring Mrs Okafor on 07700 900456",
				NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, done_h), 0, "%s", err);
	cr_assert(strstr(out, "ACTION_STATUS_NOT_POSSIBLE_CIRCUMSTANCES_CHANGED"), "%s", out);
	cr_assert_null(strstr(out, "900456"), "the note is scrubbed: %s", out);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_UPDATED,
				   "not_possible_circumstances_changed", NULL, 1), 1);
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag), 0, "%s", err);
	cr_assert_null(strstr(out, "A-000001"), "closed: off the agenda: %s", out);
	/* Closed: no more notices. */
	set_offset(8);
	sleep(2);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE,
			      "action_overdue", NULL), 2);
}

Test(meeting, a_missed_marker_review_escalates_on_day_14_and_attempts_are_recorded)
{
	start(NULL);
	refer_police_case(&G);
	char out[65536], err[8192], id[32], start_d[11], due[11], d0[11];
	int32_t t = today();
	day(t - 1, start_d);
	day(t + 20, due);
	day(t, d0);

	/* Markers are police business. */
	const char *add_h[] = {"marker", "add", "--case", "TS-2026-0001", "--start", start_d,
			       "--review-due", due, NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, add_h), 1);
	cr_assert(strstr(err, "ERROR_CODE_NOT_OWNER"), "%s", err);
	/* At most six months. */
	char far[11];
	day(t + 200, far);
	const char *add_far[] = {"marker", "add", "--case", "TS-2026-0001", "--start", start_d,
				 "--review-due", far, NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, add_far), 1);
	cr_assert(strstr(err, "review_due") && strstr(err, "6 months"), "%s", err);

	const char *add[] = {"marker", "add", "--case", "TS-2026-0001", "--start", start_d,
			     "--review-due", due, "--oic", "police-testshire", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, add), 0, "%s", err);
	json_str(out, "markerId", id, sizeof id);
	cr_assert_str_eq(id, "M-000001", "%s", out);
	cr_assert_null(strstr(out, "\"victimInformed\": true"), "%s", out);

	/* An attempt to tell her (no answer), then she is told. */
	const char *try1[] = {"marker", "inform", "--id", id, "--date", d0, "--method", "phone",
			      "--outcome", "no-answer", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, try1), 0, "%s", err);
	cr_assert(strstr(out, "INFORM_OUTCOME_NO_ANSWER") && strstr(out, "\"stage\": \"placed\""),
		  "%s", out);
	cr_assert_null(strstr(out, "\"victimInformed\": true"), "an attempt is not telling: %s",
		       out);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_INFORMED,
				   "no_answer_by_phone", NULL, 1), 1);
	const char *told[] = {"marker", "inform", "--id", id, "--date", d0, "--method", "in-person",
			      "--outcome", "informed", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, told), 0, "%s", err);
	cr_assert(strstr(out, "\"victimInformed\": true"), "%s", out);
	cr_assert(strstr(out, "INFORM_METHOD_PHONE") && strstr(out, "INFORM_METHOD_IN_PERSON"),
		  "both contacts kept: %s", out);

	/* Six days on, review within 14 days: first stage to the officer in charge. */
	set_offset(5);
	sleep(2);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_NOTICE, NULL, NULL), 0);
	set_offset(6);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_NOTICE,
				   "marker_review_due", "police-testshire", 1), 1);
	const char *due_l[] = {"marker", "list", "--due", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, due_l), 0, "%s", err);
	cr_assert(strstr(out, "M-000001") && strstr(out, "review in 14 days"), "%s", out);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FOLLOWUP_LISTED, "markers", 1),
		     1, "every list answered is audited");

	/* No review: day 13 after the due date nothing; day 14 the escalation node. */
	set_offset(20 + 13);
	sleep(2);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_ESCALATED, NULL, NULL), 0);
	set_offset(20 + 14);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_ESCALATED,
				   "marker_escalated", "auditor-testshire", 1), 1);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_ESCALATED, NULL, NULL), 1,
		     "to the escalation node only");
	char inbox[700];
	snprintf(inbox, sizeof inbox, "%s/inbox-esc", G.dir);
	const char *listen[] = {"listen", "--out", inbox, "--count", "1", "--idle-exit", "20", NULL};
	cr_assert_eq(wait_exit(cli_spawn(&G, "auditor", NULL, listen), 40), 0);
	char *got = read_dir(inbox);
	cr_assert(strstr(got, "NOTICE_KIND_MARKER_ESCALATED") && strstr(got, "\"daysOverdue\": 14"),
		  "%s", got);
	free(got);
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, due_l), 0, "%s", err);
	cr_assert(strstr(out, "ESCALATED") && strstr(out, "14 days OVERDUE"), "%s", out);
	/* The next meeting's agenda shows it, escalated, in HTML and CSV. */
	int32_t meet = t + 34;
	while (caldate_weekday(meet) != 2)
		meet++;
	char md[11], html[700];
	day(meet, md);
	snprintf(html, sizeof html, "%s/agenda.html", G.dir);
	const char *agh[] = {"agenda", "--area", "testshire", "--date", md, "--out", html, NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, agh), 0, "%s", err);
	char *page = slurp(html);
	cr_assert(page && strstr(page, "Address markers due for review"), "%s", page ? page : "");
	const char *row = strstr(page, "<td>M-000001</td>");
	cr_assert(row && strstr(row, "days overdue") && strstr(row, "police-testshire"), "%s", page);
	free(page);
	const char *agc[] = {"agenda", "--area", "testshire", "--date", md, "--format", "csv", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, agc), 0, "%s", err);
	cr_assert(strstr(out, "marker,TS-2026-0001,") && strstr(out, "M-000001,Police,escalated,"),
		  "%s", out);

	/* The review extends it: she must be told again, and the countdown restarts. */
	char new_due[11];
	day(t + 34 + 90, new_due);
	const char *ext[] = {"marker", "review", "--id", id, "--extend", new_due, NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, ext), 0, "%s", err);
	cr_assert_null(strstr(out, "\"victimInformed\": true"), "%s", out);
	cr_assert_null(strstr(out, "\"escalated\": true"), "%s", out);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_REVIEWED, "extended",
				   NULL, 1), 1);
	const char *wd[] = {"marker", "review", "--id", id, "--withdraw", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, wd), 0, "%s", err);
	cr_assert(strstr(out, "MARKER_STATE_WITHDRAWN"), "%s", out);
	const char *wd2[] = {"marker", "review", "--id", id, "--withdraw", "--msg-id", "again", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, wd2), 1);
	cr_assert(strstr(err, "withdrawn"), "%s", err);
}

Test(meeting, a_withdrawn_case_takes_no_new_actions_or_markers_and_its_actions_stop_counting_down)
{
	start(NULL);
	refer_police_case(&G);
	char out[65536], err[8192], m1[11], due[11], start_d[11], rdue[11];
	int32_t t = today(), meet = t;
	while (caldate_weekday(meet) != 2)
		meet--;
	day(meet, m1);
	day(t + 2, due);
	day(t - 1, start_d);
	day(t + 20, rdue);
	const char *add[] = {"action", "add", "--case", "TS-2026-0001", "--owner", "health",
			     "--date", m1, "--due", due, "--description", "GP to review", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add), 0, "%s%s", out,
		     err);
	cr_assert(strstr(out, "\"actionId\": \"A-000001\""), "%s", out);

	/* Police withdraws the referral: it was about the wrong woman. */
	const char *wh[] = {"case", "withdraw", "TS-2026-0001", "--reason", "in_error", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, wh), 0, "%s", err);
	cr_assert(strstr(out, "CASE_STATUS_WITHDRAWN"), "%s", out);

	/* No new follow-up on it: typed, audited, nothing stored. */
	const char *add2[] = {"action", "add", "--case", "TS-2026-0001", "--owner", "idva",
			      "--date", m1, "--due", due, "--description", "Safety plan", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add2), 1, "%s", out);
	cr_assert(strstr(err, "ERROR_CODE_CASE_NOT_OPEN"), "%s", err);
	const char *mk[] = {"marker", "add", "--case", "TS-2026-0001", "--start", start_d,
			    "--review-due", rdue, NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, mk), 1, "%s", out);
	cr_assert(strstr(err, "ERROR_CODE_CASE_NOT_OPEN"), "%s", err);
	cr_assert_eq(audit_to_wait(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				   "case_not_open", NULL, 2), 2);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_ADDED, NULL, NULL), 1);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_ADDED, NULL, NULL), 0);

	/* The action set before is not chased: its due date passes without a notice. */
	set_offset(3);
	sleep(3);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE, NULL, NULL), 0);
}

/*
 * An escalation node lists markers of the areas it escalates for only: a
 * node (here the auditor's certificate) that is otherton's crime manager
 * and also serves testshire, where it is neither police, chair nor the
 * escalation node, must not see testshire's markers (each tells that a
 * named case's victim lives at a marked address).
 */
Test(meeting, an_escalation_node_lists_only_the_markers_of_areas_it_escalates_for)
{
	gw_start(&G, NULL);
	cr_assert_eq(gw_stop(&G), 0);
	char *cfg = slurp(G.config);
	cr_assert_not_null(cfg);
	const char *areas = "  areas:\n";
	const char *aud = "roles: [auditor]\n    areas: [testshire]";
	char *a = strstr(cfg, areas), *au = strstr(cfg, aud);
	cr_assert(a && au, "%s", cfg);
	FILE *f = fopen(G.config, "w");
	fprintf(f, "%.*s%s", (int)(a - cfg), cfg, areas);
	fputs("    - id: otherton\n      case_ref_code: OT\n      postcodes: [OT]\n"
	      "      meetings: weekly\n      weekday: thursday\n      min_days: 5\n"
	      "      escalation_node: auditor-testshire\n",
	      f);
	a += strlen(areas);
	fprintf(f, "%.*s", (int)(au - a), a);
	fputs("roles: [auditor]\n    areas: [testshire, otherton]", f);
	fputs(au + strlen(aud), f);
	fclose(f);
	free(cfg);
	gw_restart(&G);
	refer_police_case(&G);
	char out[65536], err[8192], start_d[11], due[11];
	int32_t t = today();
	day(t - 1, start_d);
	day(t + 20, due);
	const char *add[] = {"marker", "add", "--case", "TS-2026-0001", "--start", start_d,
			     "--review-due", due, NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, add), 0, "%s", err);
	cr_assert(strstr(out, "M-000001"), "%s", out);

	/* The chair of testshire sees it; otherton's escalation node does not. */
	const char *list[] = {"marker", "list", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, list), 0, "%s", err);
	cr_assert(strstr(out, "M-000001"), "%s", out);
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, list), 0, "%s", err);
	cr_assert_null(strstr(out, "M-000001"), "another area's marker listed: %s", out);
	cr_assert_null(strstr(out, "TS-2026-0001"), "%s", out);
	const char *list_t[] = {"marker", "list", "--area", "testshire", NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, list_t), 1, "%s", out);
	cr_assert(strstr(err, "ERROR_CODE_NOT_AUTHORISED"), "%s", err);
	cr_assert_null(strstr(out, "M-000001"), "%s", out);
	const char *list_o[] = {"marker", "list", "--area", "otherton", NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, list_o), 0, "%s",
		     err);
}

/*
 * A list of long actions is cut to what one frame carries and says so: 500
 * actions of 4 KiB would be 2 MiB, and a frame above max_frame_bytes loses
 * the reader its connection instead of giving it a list.
 */
Test(meeting, an_action_list_larger_than_a_frame_is_cut_and_says_truncated)
{
	start("limits:\n  max_frame_bytes: 8192\n");
	refer_police_case(&G);
	char out[65536], err[8192], m1[11], due[11], desc[3100];
	int32_t t = today(), meet = t;
	while (caldate_weekday(meet) != 2)
		meet--;
	day(meet, m1);
	day(t + 30, due);
	desc[0] = '\0';
	while (strlen(desc) + 18 < sizeof desc)
		strcat(desc, "Review the plan. ");
	for (int i = 0; i < 3; i++) {
		char mid[16];
		snprintf(mid, sizeof mid, "big-%d", i);
		const char *add[] = {"action", "add", "--case", "TS-2026-0001", "--owner", "health",
				     "--date", m1, "--due", due, "--description", desc,
				     "--msg-id", mid, NULL};
		cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add), 0,
			     "%s%s", out, err);
	}
	const char *list[] = {"action", "list", "--json", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, list), 0, "%s", err);
	cr_assert(strstr(out, "A-000001") && strstr(out, "A-000002"), "%s", out);
	cr_assert_null(strstr(out, "A-000003"), "%s", out);
	cr_assert(strstr(out, "\"truncated\": true"), "%s", out);
}

/* Send f on c without waiting (pipelined behind what was sent before). */
static void send_now(mgw_client *c, Marac__V1__Frame *f, int body_case)
{
	f->body_case = body_case;
	cr_assert_eq(mgw_client_send(c, f), MGW_OK);
}

/*
 * Follow-up is checked against the case's area when it is written: a node
 * that is both testshire's chair and a police node transfers a case to
 * otherton (which it does not serve) and, on the same connection right
 * behind it, adds an action to the case, updates and reviews the
 * follow-up that went with it, and marks its research on the case. The
 * service thread checked each while the case was still testshire's; each
 * is refused as if asked after the move.
 */
Test(meeting, follow_up_sent_behind_a_transfer_cannot_change_the_receiving_areas_items)
{
	start(NULL);
	cr_assert_eq(gw_stop(&G), 0);
	char *c = slurp(G.config);
	cr_assert_not_null(c);
	const char *areas = "  areas:\n", *chair = "roles: [chair]\n    areas: [testshire]";
	char *a = strstr(c, areas), *ch = strstr(c, chair);
	cr_assert(a && ch, "%s", c);
	FILE *f = fopen(G.config, "w");
	fprintf(f, "%.*s%s", (int)(a - c), c, areas);
	fputs("    - id: otherton\n      case_ref_code: OT\n      postcodes: [OT]\n"
	      "      meetings: weekly\n      weekday: thursday\n      min_days: 5\n",
	      f);
	a += strlen(areas);
	fprintf(f, "%.*s", (int)(ch - a), a);
	fputs("roles: [chair, node]\n    areas: [testshire]", f);
	fputs(ch + strlen(chair), f);
	fclose(f);
	free(c);
	gw_restart(&G);
	refer_police_case(&G);
	char out[65536], err[8192], m1[11], due[11], start_d[11], rdue[11];
	int32_t t = today(), meet = t;
	while (caldate_weekday(meet) != 2)
		meet--;
	day(meet, m1);
	day(t + 30, due);
	day(t - 1, start_d);
	day(t + 20, rdue);
	const char *add[] = {"action", "add", "--case", "TS-2026-0001", "--owner", "police",
			     "--date", m1, "--due", due, "--description", "Review the plan", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add), 0, "%s%s", out,
		     err);
	cr_assert(strstr(out, "A-000001"), "%s", out);
	const char *mk[] = {"marker", "add", "--case", "TS-2026-0001", "--start", start_d,
			    "--review-due", rdue, NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, mk), 0, "%s%s", out,
		     err);
	cr_assert(strstr(out, "M-000001"), "%s", out);

	char e[512];
	mgw_client *cl = node(&G, "chair", e, sizeof e);
	cr_assert_not_null(cl, "%s", e);
	Marac__V1__TransferCase tc = MARAC__V1__TRANSFER_CASE__INIT;
	tc.case_ref = "TS-2026-0001";
	tc.to_area = "otherton";
	Marac__V1__ActionUpdate au = MARAC__V1__ACTION_UPDATE__INIT;
	au.msg_id = "race-update";
	au.action_id = "A-000001";
	au.status = MARAC__V1__ACTION_STATUS__ACTION_STATUS_DONE;
	Marac__V1__MarkerReview mr = MARAC__V1__MARKER_REVIEW__INIT;
	mr.msg_id = "race-review";
	mr.marker_id = "M-000001";
	mr.withdraw = 1;
	Marac__V1__ActionAdd aa = MARAC__V1__ACTION_ADD__INIT;
	aa.msg_id = "race-add";
	aa.case_ref = "TS-2026-0001";
	aa.owner = MARAC__V1__AGENCY__AGENCY_POLICE;
	aa.marac_date = m1;
	aa.due_date = due;
	aa.description = "Another";
	Marac__V1__ResearchStatus rs = MARAC__V1__RESEARCH_STATUS__INIT;
	rs.case_ref = "TS-2026-0001";
	rs.done = 1;
	Marac__V1__Frame f1 = MARAC__V1__FRAME__INIT, f2 = MARAC__V1__FRAME__INIT,
			 f3 = MARAC__V1__FRAME__INIT, f4 = MARAC__V1__FRAME__INIT,
			 f5 = MARAC__V1__FRAME__INIT;
	f5.research_status = &rs;
	f1.transfer_case = &tc;
	f2.action_update = &au;
	f3.marker_review = &mr;
	f4.action_add = &aa;
	send_now(cl, &f1, MARAC__V1__FRAME__BODY_TRANSFER_CASE);
	send_now(cl, &f2, MARAC__V1__FRAME__BODY_ACTION_UPDATE);
	send_now(cl, &f3, MARAC__V1__FRAME__BODY_MARKER_REVIEW);
	send_now(cl, &f4, MARAC__V1__FRAME__BODY_ACTION_ADD);
	send_now(cl, &f5, MARAC__V1__FRAME__BODY_RESEARCH_STATUS);
	int moved = 0, changed = 0, unknown = 0;
	/* Five answers; as a police node it is also sent the referral (not counted). */
	for (int i = 0, answers = 0; answers < 5 && i < 20; i++) {
		Marac__V1__Frame *r = NULL;
		cr_assert_eq(mgw_client_recv(cl, 10000, &r), MGW_OK);
		answers += r->body_case != MARAC__V1__FRAME__BODY_DELIVER &&
			   r->body_case != MARAC__V1__FRAME__BODY_FLAG;
		switch (r->body_case) {
		case MARAC__V1__FRAME__BODY_CASE_UPDATED: moved++; break;
		case MARAC__V1__FRAME__BODY_ACTION_RECORDED:
		case MARAC__V1__FRAME__BODY_MARKER_RECORDED:
		case MARAC__V1__FRAME__BODY_RESEARCH_RECORDED: changed++; break;
		case MARAC__V1__FRAME__BODY_ERROR:
			unknown += r->error->code == MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_ITEM ||
				   r->error->code == MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE;
			break;
		default: break;
		}
		codec_free(&r->base);
	}
	mgw_client_free(cl);
	cr_assert_eq(moved, 1);
	cr_assert_eq(changed, 0, "testshire's chair changed otherton's follow-up");
	cr_assert_eq(unknown, 4);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_UPDATED, NULL, NULL), 0);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RESEARCH_MARKED, NULL, NULL), 0);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_REVIEWED, NULL, NULL), 0);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_ADDED, NULL, NULL), 1);
}

/* A marker entered with its review already passed (here a 1900 start) is
 * refused: it would escalate to the crime manager at the next sweep. */
Test(meeting, a_marker_whose_review_is_already_past_is_refused_and_escalates_nothing)
{
	start(NULL);
	refer_police_case(&G);
	char out[65536], err[8192], yest[11];
	day(today() - 1, yest);
	const char *old[] = {"marker", "add", "--case", "TS-2026-0001", "--start", "1900-01-01",
			     "--review-due", "1900-06-01", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, old), 1, "%s", out);
	cr_assert(strstr(err, "ERROR_CODE_INVALID_REQUEST") && strstr(err, "after today"), "%s",
		  err);
	char st[11];
	day(today() - 30, st);
	const char *past[] = {"marker", "add", "--case", "TS-2026-0001", "--start", st,
			      "--review-due", yest, NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, past), 1, "%s", out);
	sleep(2);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_ADDED, NULL, NULL), 0);
	cr_assert_eq(audit_to(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_ESCALATED, NULL, NULL), 0);
}

/*
 * "Told" is a safeguarding record: a contact dated before the marker was
 * placed (nobody could have told her of it then) is refused and does not
 * make victim_informed true; one on the start day is kept.
 */
Test(meeting, a_victim_cannot_be_recorded_told_of_a_marker_before_it_started)
{
	start(NULL);
	refer_police_case(&G);
	char out[65536], err[8192], id[32], start_d[11], due[11], before[11];
	int32_t t = today();
	day(t - 1, start_d);
	day(t + 20, due);
	day(t - 30, before);
	const char *add[] = {"marker", "add", "--case", "TS-2026-0001", "--start", start_d,
			     "--review-due", due, NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, add), 0, "%s", err);
	json_str(out, "markerId", id, sizeof id);
	const char *early[] = {"marker", "inform", "--id", id, "--date", before, "--method",
			       "in-person", "--outcome", "informed", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, early), 1,
		     "a contact before the start was recorded: %s", out);
	cr_assert(strstr(err, "ERROR_CODE_INVALID_REQUEST") && strstr(err, "start_date"), "%s",
		  err);
	const char *ls[] = {"marker", "list", "--json", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, ls), 0, "%s", err);
	cr_assert_null(strstr(out, "\"victimInformed\": true"), "%s", out);
	const char *ok[] = {"marker", "inform", "--id", id, "--date", start_d, "--method",
			    "in-person", "--outcome", "informed", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, ok), 0, "%s", err);
	cr_assert(strstr(out, "\"victimInformed\": true"), "%s", out);
}

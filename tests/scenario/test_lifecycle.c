/*
 * The case lifecycle over the real gateway (issue 13 item 1): a referral
 * withdrawn in error is off the agenda and no longer makes repeats, while a
 * closed case still does; a duplicate referral of one incident merged into
 * the first leaves one agenda row, one match and its research; a case
 * transferred to another area is listed there as a transfer in, naming the
 * sending area; a share sent in error is retracted: the gateway deletes its
 * stored copies, a recipient that had it deletes the file and confirms, and
 * one that had not received it yet never does. Who may do each is checked,
 * and every step is in the audit trail.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(lifecycle, .fini = teardown, .timeout = 240);

static char out[65536], err[16384];

/* Refer fixture name as node_name with msg_id (NULL: derived); the case ref into ref. */
static void refer(const char *node_name, const char *name, const char *msg_id, char ref[32])
{
	refer_fixture(&G, node_name, name, msg_id, out, sizeof out, err, sizeof err, ref);
}

/* The agenda of area's meeting as JSON into out. */
static void agenda(const char *area, const char *meeting)
{
	agenda_json(&G, area, meeting, out, sizeof out, err, sizeof err);
}

Test(lifecycle, withdrawn_referral_stops_matching_and_leaves_the_agenda_closed_one_still_matches)
{
	gw_start(&G, NULL);
	char r1[32], r2[32], r3[32], meeting[16];
	refer("police", "referral_police.json", NULL, r1);
	cr_assert_str_eq(r1, "TS-2026-0001");
	json_str(out, "meetingDate", meeting, sizeof meeting);

	/* IDVA was notified of the referral and stored it. */
	char ibox[700];
	snprintf(ibox, sizeof ibox, "%s/inbox-idva", G.dir);
	const char *li[] = {"listen", "--out", ibox, "--count", "1", "--idle-exit", "20", NULL};
	cr_assert_eq(cli_run2(&G, "idva", out, sizeof out, err, sizeof err, li), 0, "%s", err);
	cr_assert_eq(count_json(ibox), 1);

	/* Health may not withdraw police's referral; the chair could. */
	const char *wh[] = {"case", "withdraw", r1, "--reason", "in_error", NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, wh), 1);
	cr_assert(strstr(err, "ERROR_CODE_NOT_AUTHORISED"), "%s", err);
	/* A closing reason is not a withdrawal. */
	const char *wbad[] = {"case", "withdraw", r1, "--reason", "risk_reduced", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, wbad), 2);

	/* Police withdraws it: a mistaken referral. */
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, wh), 0, "%s", err);
	cr_assert(strstr(out, "\"status\": \"CASE_STATUS_WITHDRAWN\""), "%s", out);
	cr_assert(strstr(out, "CASE_END_REASON_WITHDRAWN_IN_ERROR"), "%s", out);
	/* Made in error: every agency notified of it is told to delete it (the
	 * 8 nodes of testshire besides police whose certificates are valid: the
	 * revoked and expired test nodes were never sent it), and IDVA's
	 * listener does. */
	cr_assert(strstr(out, "\"retractedDeliveries\": 8"), "%s", out);
	cr_assert_eq(cli_run2(&G, "idva", out, sizeof out, err, sizeof err, li), 0, "%s", err);
	cr_assert(strstr(out, "retracted ") && strstr(out, "case TS-2026-0001: deleted"), "%s", out);
	cr_assert_eq(count_json(ibox), 0, "the mistaken referral is deleted at IDVA");
	/* Again: already so, nothing changes. */
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, wh), 0, "%s", err);
	cr_assert(strstr(out, "\"unchanged\": true"), "%s", out);
	/* It cannot then be closed. */
	const char *cl1[] = {"case", "close", r1, "--reason", "risk_reduced", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, cl1), 1);
	cr_assert(strstr(err, "ERROR_CODE_CASE_NOT_OPEN"), "%s", err);

	/* The same victim referred by health: no longer a repeat, not even linked. */
	refer("health", "referral_health.json", NULL, r2);
	cr_assert_str_eq(r2, "TS-2026-0002");
	cr_assert_null(strstr(out, "\"repeat\": true"), "a withdrawn case made a repeat: %s", out);
	cr_assert_null(strstr(out, "TS-2026-0001"), "a withdrawn case is linked: %s", out);

	/* The agenda lists the new case and not the withdrawn one. */
	agenda("testshire", meeting);
	cr_assert(strstr(out, "TS-2026-0002"), "%s", out);
	cr_assert_null(strstr(out, "TS-2026-0001"), "withdrawn case on the agenda: %s", out);

	/* The chair closes the second case: heard, risk reduced. Off the agenda... */
	const char *cl2[] = {"case", "close", r2, "--reason", "risk_reduced", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, cl2), 0, "%s", err);
	cr_assert(strstr(out, "\"status\": \"CASE_STATUS_CLOSED\""), "%s", out);
	agenda("testshire", meeting);
	cr_assert_null(strstr(out, "TS-2026-0002"), "closed case on the agenda: %s", out);

	/* ...but a further referral within 12 months is still a repeat of it
	 * (the same referral again under another msg_id: dated the same day). */
	refer("health", "referral_health.json", "health-again-1", r3);
	cr_assert_str_eq(r3, "TS-2026-0003");
	cr_assert(strstr(out, "\"repeat\": true"), "a closed case must still match: %s", out);
	cr_assert(strstr(out, "\"caseRef\": \"TS-2026-0002\""), "%s", out);
	cr_assert_null(strstr(out, "TS-2026-0001"), "%s", out);

	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_WITHDRAWN,
				"withdrawn_in_error", 1), 1);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_CLOSED,
				"risk_reduced", 1), 1);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_RETRACTED,
				 "wrong_case"), 1);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RETRACT_DELIVERED, NULL),
		     8); /* one per node sent the referral */
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				"case_not_open", 1), 1);

	/* The auditor's summary of each case says how it ended (issue 13 item 6). */
	const char *aq1[] = {"audit", "--case", r1, NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, aq1), 0, "%s", err);
	const char *life = strstr(out, "  Lifecycle: ");
	cr_assert_not_null(life, "%s", out);
	cr_assert(strstr(life, " withdrawn by ") && strstr(life, ": withdrawn_in_error\n"), "%s", out);
	cr_assert(strstr(life, " share retracted by "), "the referral's retraction: %s", out);
	const char *aq2[] = {"audit", "--case", r2, NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, aq2), 0, "%s", err);
	cr_assert(strstr(out, " closed by ") && strstr(out, ": risk_reduced\n"), "%s", out);
	cr_assert_null(strstr(out, " withdrawn by "), "%s", out);
}

Test(lifecycle, a_repeat_of_a_withdrawn_referral_is_no_longer_flagged_repeat)
{
	gw_start(&G, NULL);
	char r1[32], r2[32], meeting[16];
	refer("police", "referral_police.json", NULL, r1);
	refer("health", "referral_health.json", NULL, r2);
	cr_assert(strstr(out, "\"repeat\": true"), "%s", out);
	json_str(out, "meetingDate", meeting, sizeof meeting);
	agenda("testshire", meeting);
	cr_assert(strstr(out, "\"repeat\": true"), "%s", out);
	const char *wd[] = {"case", "withdraw", r1, "--reason", "in_error", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, wd), 0, "%s", err);
	agenda("testshire", meeting);
	cr_assert(strstr(out, r2), "%s", out);
	cr_assert_null(strstr(out, "\"repeat\": true"), "a repeat of a mistake: %s", out);
	cr_assert_null(strstr(out, "2026-08-03"), "the withdrawn referral's date: %s", out);
}

Test(lifecycle, duplicate_referral_merged_into_one_case_one_row_one_match)
{
	gw_start(&G, NULL);
	char r1[32], r2[32], r3[32], meeting[16];
	refer("police", "referral_police.json", NULL, r1);
	json_str(out, "meetingDate", meeting, sizeof meeting);
	refer("health", "referral_health.json", NULL, r2);
	cr_assert_str_eq(r2, "TS-2026-0002");
	/* Health researched "its" case before anyone saw they were one incident. */
	const char *rs[] = {"research", "--case", r2, NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, rs), 0, "%s", err);

	/* Only a chair merges. */
	const char *mg[] = {"case", "merge", r2, "--into", r1, NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, mg), 1);
	cr_assert(strstr(err, "ERROR_CODE_NOT_AUTHORISED"), "%s", err);
	const char *self[] = {"case", "merge", r1, "--into", r1, NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, self), 1);
	cr_assert(strstr(err, "ERROR_CODE_INVALID_REQUEST"), "%s", err);

	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, mg), 0, "%s", err);
	cr_assert(strstr(out, "\"status\": \"CASE_STATUS_MERGED\""), "%s", out);
	cr_assert(strstr(out, "\"mergedInto\": \"TS-2026-0001\""), "%s", out);

	/* One row: the surviving case, naming the duplicate, with health's research. */
	agenda("testshire", meeting);
	const char *row = strstr(out, "\"caseRef\": \"TS-2026-0001\"");
	cr_assert_not_null(row, "%s", out);
	cr_assert_null(strstr(out, "\"caseRef\": \"TS-2026-0002\""), "duplicate listed: %s", out);
	cr_assert(strstr(out, "\"mergedCaseRefs\": [\n"), "%s", out);
	cr_assert(strstr(row, "\"TS-2026-0002\""), "%s", out);
	const char *h = strstr(row, "\"AGENCY_HEALTH\"");
	cr_assert(h && strncmp(strstr(h, "\"done\""), "\"done\": true", 12) == 0,
		  "health's research moved to the surviving case: %s", out);
	const char *html[] = {"agenda", "--area", "testshire", "--date", meeting, NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, html), 0, "%s", err);
	cr_assert(strstr(out, "TS-2026-0001<br>merged: TS-2026-0002</td>"), "%s", out);
	const char *csv[] = {"agenda", "--area", "testshire", "--date", meeting, "--format", "csv",
			     NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, csv), 0, "%s", err);
	row = strstr(out, ",TS-2026-0001,");
	cr_assert(row && strstr(row, ",TS-2026-0002\r\n"), "merged_case_refs, last: %s", out);

	/* A later referral of the same victim matches the one case. */
	refer("police", "referral_police.json", "police-again-2", r3);
	cr_assert(strstr(out, "\"repeat\": true"), "%s", out);
	cr_assert(strstr(out, "\"caseRef\": \"TS-2026-0001\""), "%s", out);
	cr_assert_null(strstr(out, "\"caseRef\": \"TS-2026-0002\""), "duplicate matched: %s", out);

	/* Research marked on the duplicate now would be on no agenda: refused,
	 * naming the surviving case. */
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, rs), 1, "%s", out);
	cr_assert(strstr(err, "ERROR_CODE_CASE_NOT_OPEN") && strstr(err, "TS-2026-0001"), "%s",
		  err);

	/* The duplicate cannot be merged elsewhere or closed now. */
	const char *cl[] = {"case", "close", r2, "--reason", "no_further_action", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, cl), 1);
	cr_assert(strstr(err, "ERROR_CODE_CASE_NOT_OPEN"), "%s", err);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_MERGED, NULL, 1), 1);

	/* An auditor asking about the surviving case sees the merge into it. */
	const char *aq[] = {"audit", "--case", r1, NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, aq), 0, "%s", err);
	cr_assert(strstr(out, "  Lifecycle: 1 event(s)\n"), "%s", out);
	cr_assert(strstr(out, " merged by ") && strstr(out, ": TS-2026-0002 merged into this case\n"),
		  "%s", out);
	cr_assert(strstr(out, "      its referral and shares: marac audit --case TS-2026-0002\n"),
		  "%s", out);
	cr_assert(strstr(out, "case_merged"), "the record in the table: %s", out);
	const char *aqj[] = {"audit", "query", "--case", r1, "--json", NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, aqj), 0, "%s", err);
	cr_assert(strstr(out, "\"toCaseRef\":\"TS-2026-0001\""), "%s", out);
	const char *aq2[] = {"audit", "--case", r2, NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, aq2), 0, "%s", err);
	cr_assert(strstr(out, ": into TS-2026-0001\n"), "%s", out);
}

/* Restart G with a second area, otherton, that the chair also serves. */
static void add_otherton(void)
{
	cr_assert_eq(gw_stop(&G), 0);
	char *c = slurp(G.config);
	cr_assert_not_null(c);
	const char *areas = "  areas:\n";
	const char *chair = "roles: [chair]\n    areas: [testshire]";
	char *a = strstr(c, areas), *ch = strstr(c, chair);
	cr_assert(a && ch, "%s", c);
	FILE *f = fopen(G.config, "w");
	fprintf(f, "%.*s%s", (int)(a - c), c, areas);
	fputs("    - id: otherton\n      case_ref_code: OT\n      postcodes: [OT]\n"
	      "      meetings: weekly\n      weekday: thursday\n      min_days: 5\n",
	      f);
	a += strlen(areas);
	fprintf(f, "%.*s", (int)(ch - a), a);
	fputs("roles: [chair]\n    areas: [testshire, otherton]", f);
	fputs(ch + strlen(chair), f);
	fclose(f);
	free(c);
	gw_restart(&G);
}

Test(lifecycle, transfer_moves_the_case_to_the_receiving_areas_agenda_with_its_origin)
{
	gw_start(&G, NULL);
	add_otherton();
	char r1[32], meeting[16], to_meeting[16];
	refer("police", "referral_police.json", NULL, r1);
	json_str(out, "meetingDate", meeting, sizeof meeting);

	const char *tr[] = {"case", "transfer", r1, "--to", "otherton", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, tr), 1);
	cr_assert(strstr(err, "ERROR_CODE_NOT_AUTHORISED"), "a node is not a chair: %s", err);
	const char *nowhere[] = {"case", "transfer", r1, "--to", "nowhere", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, nowhere), 1);
	cr_assert(strstr(err, "to_area"), "%s", err);

	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, tr), 0, "%s", err);
	cr_assert(strstr(out, "\"maracArea\": \"otherton\""), "%s", out);
	cr_assert(strstr(out, "\"fromArea\": \"testshire\""), "%s", out);
	json_str(out, "meetingDate", to_meeting, sizeof to_meeting);
	cr_assert_eq(strlen(to_meeting), 10, "%s", out);
	cr_assert(strstr(err, "moved from testshire to otherton"), "%s", err);

	/* Off the sending area's agenda, on the receiving one's as a transfer in. */
	agenda("testshire", meeting);
	cr_assert_null(strstr(out, r1), "still on the sending agenda: %s", out);
	agenda("otherton", to_meeting);
	const char *row = strstr(out, r1);
	cr_assert_not_null(row, "%s", out);
	cr_assert(strstr(row, "\"transferIn\": true"), "%s", out);
	cr_assert(strstr(row, "\"originArea\": \"testshire\""), "%s", out);
	const char *html[] = {"agenda", "--area", "otherton", "--date", to_meeting, NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, html), 0, "%s", err);
	cr_assert(strstr(out, "<td>Yes (from testshire)</td>"), "the printed agenda: %s", out);
	/* The CSV too, in its last columns: origin_area, merged_case_refs. */
	const char *csv[] = {"agenda", "--area", "otherton", "--date", to_meeting, "--format", "csv",
			     NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, csv), 0, "%s", err);
	cr_assert(strstr(out, ",origin_area,merged_case_refs\r\n"), "%s", out);
	row = strstr(out, r1);
	cr_assert(row && strstr(row, ",testshire,\r\n"), "%s", out);
	/* And the auditor's summary of the case. */
	const char *aq[] = {"audit", "--case", r1, NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, aq), 0, "%s", err);
	cr_assert(strstr(out, " transferred by ") && strstr(out, ": from testshire to otherton"),
		  "%s", out);

	/* Again: already there. */
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, tr), 0, "%s", err);
	cr_assert(strstr(out, "\"unchanged\": true"), "%s", out);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_TRANSFERRED, NULL, 1),
		     1);
}

/* Stored delivery bodies in the gateway's database. */
static int bodies(void)
{
	char path[700];
	snprintf(path, sizeof path, "%s/state/gateway.db", G.dir);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM delivery_body", -1, &st, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

Test(lifecycle, retracted_share_is_deleted_everywhere_and_never_delivered_after)
{
	gw_start(&G, NULL);
	char hbox[700], ibox[700];
	snprintf(hbox, sizeof hbox, "%s/inbox-health", G.dir);
	snprintf(ibox, sizeof ibox, "%s/inbox-idva", G.dir);

	/* Police shares with health and IDVA; health receives and stores it. */
	const char *send[] = {"send", "--to", "health,idva", "--msg-id", "share-in-error",
			      fixture("case_basic.json"), NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, send), 0, "%s", err);
	const char *lh[] = {"listen", "--out", hbox, "--count", "1", "--idle-exit", "20", NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, lh), 0, "%s", err);
	cr_assert_eq(count_json(hbox), 1);
	cr_assert_eq(bodies(), 2);

	/* Only the sender can retract it; health gets "unknown share". */
	const char *rt[] = {"retract", "share-in-error", "--reason", "wrong_recipient", NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, rt), 1);
	cr_assert(strstr(err, "ERROR_CODE_UNKNOWN_SHARE"), "%s", err);

	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, rt), 0, "%s", err);
	cr_assert(strstr(out, "\"wasAcked\": true"), "health had it: %s", out);
	cr_assert(strstr(out, "AGENCY_IDVA"), "%s", out);
	cr_assert(strstr(err, "2 recipient node(s)"), "%s", err);
	/* The gateway's copies are gone at once. */
	cr_assert_eq(bodies(), 0);
	/* Again: the same answer, flagged. */
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, rt), 0, "%s", err);
	cr_assert(strstr(out, "\"duplicate\": true"), "%s", out);

	/* Health's listener deletes the file and confirms. */
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, lh), 0, "%s", err);
	cr_assert(strstr(out, "retracted ") && strstr(out, "deleted"), "%s", out);
	cr_assert_eq(count_json(hbox), 0, "the delivered file must be deleted");

	/* IDVA was offline, and the gateway restarts meanwhile: the Retract is
	 * durable; IDVA gets it, never the body. */
	cr_assert_eq(gw_stop(&G), 0);
	gw_restart(&G);
	const char *li[] = {"listen", "--out", ibox, "--count", "1", "--idle-exit", "20", NULL};
	cr_assert_eq(cli_run2(&G, "idva", out, sizeof out, err, sizeof err, li), 0, "%s", err);
	cr_assert(strstr(out, "not held"), "%s", out);
	cr_assert_null(strstr(out, "received "), "a retracted body was delivered: %s", out);
	cr_assert_eq(count_json(ibox), 0);

	/* Confirmed: no Retract comes again. */
	const char *li2[] = {"listen", "--out", ibox, "--idle-exit", "2", NULL};
	cr_assert_eq(cli_run2(&G, "idva", out, sizeof out, err, sizeof err, li2), 0, "%s", err);
	cr_assert_null(strstr(out, "retracted"), "%s", out);

	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_RETRACTED,
				"wrong_recipient", 1), 1);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RETRACT_DELIVERED,
				 "acked"), 1);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RETRACT_DELIVERED,
				 "not_acked"), 1);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RETRACT_CONFIRMED, NULL, 2),
		     2);

	/* A referral is withdrawn, not retracted. */
	char r1[32];
	refer("police", "referral_police.json", "ref-1", r1);
	const char *rr[] = {"retract", "ref-1", "--reason", "wrong_case", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, rr), 1);
	cr_assert(strstr(err, "withdraw"), "%s", err);
}

Test(lifecycle, retract_of_a_queued_delivery_reaches_an_online_node_instead_of_the_body)
{
	/* One delivery in flight at a time: the second share waits in the outbox. */
	gw_start(&G, "limits:\n  delivery_window: 1\n");
	char e[256];
	mgw_client *idva = node(&G, "idva", e, sizeof e);
	cr_assert_not_null(idva, "%s", e);

	const char *s1[] = {"send", "--to", "idva", "--msg-id", "first", fixture("case_basic.json"),
			    NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, s1), 0, "%s", err);
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(mgw_client_recv(idva, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
	char first[33];
	snprintf(first, sizeof first, "%s", f->deliver->delivery_id);
	uint64_t seq1 = f->deliver->seq;
	codec_free(&f->base);

	/* The second share is committed but held (window full), then retracted. */
	const char *s2[] = {"send", "--to", "idva", "--msg-id", "second-in-error",
			    fixture("case_basic.json"), NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, s2), 0, "%s", err);
	const char *rt[] = {"retract", "second-in-error", "--reason", "wrong_case", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, rt), 0, "%s", err);
	cr_assert(strstr(out, "\"wasAcked\": true") == NULL, "%s", out);

	/* The node gets the Retract naming seq 2 ... */
	cr_assert_eq(mgw_client_recv(idva, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_RETRACT, "got body %d", f->body_case);
	cr_assert_eq(f->retract->seq, seq1 + 1);
	cr_assert_str_eq(f->retract->msg_id, "second-in-error");
	cr_assert_eq(f->retract->reason, MARAC__V1__RETRACT_REASON__RETRACT_REASON_WRONG_CASE);
	char second[33];
	snprintf(second, sizeof second, "%s", f->retract->delivery_id);
	codec_free(&f->base);
	cr_assert_eq(mgw_client_retract_ack(idva, second), MGW_OK);

	/* ... and after acking the first, the window opens: the body never comes. */
	cr_assert_eq(mgw_client_ack(idva, first, seq1), MGW_OK);
	int rc = mgw_client_recv(idva, 2000, &f);
	if (rc == MGW_OK) {
		int body = f->body_case;
		codec_free(&f->base);
		cr_assert_fail("a frame (body %d) came after the retraction", body);
	}
	cr_assert_eq(rc, MGW_E_TIMEOUT);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RETRACT_CONFIRMED, NULL, 1),
		     1);
	/* An ack of a retraction that is not the node's. */
	cr_assert_eq(mgw_client_retract_ack(idva, "0123456789abcdef0123456789abcdef"), MGW_OK);
	cr_assert_eq(mgw_client_recv(idva, 5000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_ERROR);
	cr_assert_eq(f->error->code, MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_DELIVERY);
	codec_free(&f->base);
	mgw_client_free(idva);

	/* A reconnect does not bring the body either, and the stream goes on:
	 * the next share arrives as seq 3 (the retracted seq 2 is skipped, not a
	 * hole that stops the outbox). */
	idva = node(&G, "idva", e, sizeof e);
	cr_assert_not_null(idva, "%s", e);
	cr_assert_eq(mgw_client_recv(idva, 1500, &f), MGW_E_TIMEOUT);
	const char *s3[] = {"send", "--to", "idva", "--msg-id", "third", fixture("case_basic.json"),
			    NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, s3), 0, "%s", err);
	cr_assert_eq(mgw_client_recv(idva, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER, "got body %d", f->body_case);
	cr_assert_eq(f->deliver->seq, seq1 + 2);
	cr_assert_str_eq(f->deliver->msg_id, "third");
	codec_free(&f->base);
	mgw_client_free(idva);
}

/* Rows of the retraction table for msg_id (any sender). */
static int retractions_of(const char *msg_id)
{
	char path[700];
	snprintf(path, sizeof path, "%s/state/gateway.db", G.dir);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM retraction WHERE msg_id = ?1",
					-1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, msg_id, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/*
 * msg_ids are unique per sender only. Health shares its own summary of
 * police's case under msg_id "h-77"; police, which received it and so knows
 * the msg_id, sends a share of its own under "h-77" too, then withdraws its
 * referral in error. The referral's deliveries are retracted; health's
 * share is not police's to retract: it stays, and IDVA gets no Retract of
 * it in police's name.
 */
Test(lifecycle, a_withdrawal_in_error_retracts_only_the_referring_nodes_own_deliveries)
{
	gw_start(&G, NULL);
	char r1[32];
	refer("police", "referral_police.json", "ref-own", r1);
	cr_assert_str_eq(r1, "TS-2026-0001");

	char *cb = slurp(fixture("case_basic.json"));
	cr_assert_not_null(cb);
	char *at = strstr(cb, "MARAC-TS-0001");
	cr_assert_not_null(at);
	char hcase[700];
	snprintf(hcase, sizeof hcase, "%s/health-case.json", G.dir);
	FILE *fp = fopen(hcase, "w");
	cr_assert_not_null(fp);
	fprintf(fp, "%.*sTS-2026-0001%s", (int)(at - cb), cb, at + strlen("MARAC-TS-0001"));
	fclose(fp);
	free(cb);
	const char *hs[] = {"send", "--to", "idva", "--msg-id", "h-77", hcase, NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, hs), 0, "%s", err);
	const char *ps[] = {"send", "--to", "idva", "--msg-id", "h-77", fixture("case_basic.json"),
			    NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, ps), 0, "%s", err);

	const char *wd[] = {"case", "withdraw", r1, "--reason", "in_error", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, wd), 0, "%s", err);
	cr_assert(retractions_of("ref-own") > 0, "the referral's deliveries are retracted");
	cr_assert_eq(retractions_of("h-77"), 0,
		     "health's share (or police's unrelated one) was retracted by the withdrawal");
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_RETRACTED, NULL), 1,
		     "one SHARE_RETRACTED: the referral's");
}

/*
 * A chair acts on its own areas' cases only, even racing itself: a
 * TransferCase to another area and, right behind it on the same connection,
 * a CloseCase of the same case. The close was checked while the case was
 * still the chair's; by the time it is written the case is otherton's, which
 * the chair does not serve: UNKNOWN_CASE, and the case stays open there.
 */
Test(lifecycle, a_close_sent_behind_a_transfer_cannot_close_the_receiving_areas_case)
{
	gw_start(&G, NULL);
	cr_assert_eq(gw_stop(&G), 0);
	char *c = slurp(G.config);
	cr_assert_not_null(c);
	const char *areas = "  areas:\n";
	char *a = strstr(c, areas);
	cr_assert_not_null(a);
	FILE *f = fopen(G.config, "w");
	fprintf(f, "%.*s%s", (int)(a - c), c, areas);
	fputs("    - id: otherton\n      case_ref_code: OT\n      postcodes: [OT]\n"
	      "      meetings: weekly\n      weekday: thursday\n      min_days: 5\n",
	      f);
	fputs(a + strlen(areas), f);
	fclose(f);
	free(c);
	gw_restart(&G);
	char r1[32];
	refer("police", "referral_police.json", NULL, r1);

	char e[512];
	mgw_client *ch = node(&G, "chair", e, sizeof e);
	cr_assert_not_null(ch, "%s", e);
	Marac__V1__TransferCase tc = MARAC__V1__TRANSFER_CASE__INIT;
	tc.case_ref = r1;
	tc.to_area = "otherton";
	Marac__V1__Frame ft = MARAC__V1__FRAME__INIT;
	ft.body_case = MARAC__V1__FRAME__BODY_TRANSFER_CASE;
	ft.transfer_case = &tc;
	Marac__V1__CloseCase cc = MARAC__V1__CLOSE_CASE__INIT;
	cc.case_ref = r1;
	cc.reason = MARAC__V1__CASE_END_REASON__CASE_END_REASON_RISK_REDUCED;
	Marac__V1__Frame fc = MARAC__V1__FRAME__INIT;
	fc.body_case = MARAC__V1__FRAME__BODY_CLOSE_CASE;
	fc.close_case = &cc;
	cr_assert_eq(mgw_client_send(ch, &ft), MGW_OK);
	cr_assert_eq(mgw_client_send(ch, &fc), MGW_OK);
	int updated = 0, unknown = 0, closed = 0;
	for (int i = 0; i < 2; i++) {
		Marac__V1__Frame *r = NULL;
		cr_assert_eq(mgw_client_recv(ch, 10000, &r), MGW_OK);
		if (r->body_case == MARAC__V1__FRAME__BODY_CASE_UPDATED) {
			updated++;
			closed += r->case_updated->status == MARAC__V1__CASE_STATUS__CASE_STATUS_CLOSED;
		} else if (r->body_case == MARAC__V1__FRAME__BODY_ERROR) {
			unknown += r->error->code == MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE;
		}
		codec_free(&r->base);
	}
	mgw_client_free(ch);
	cr_assert_eq(updated, 1, "the transfer only");
	cr_assert_eq(closed, 0, "the chair of testshire closed otherton's case");
	cr_assert_eq(unknown, 1);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_CLOSED, NULL, 0), 0);
}

/*
 * More retractions than one window: police shares ten cases with IDVA
 * while it is offline, retracts them all, then shares an eleventh. IDVA
 * connects (window 4): every Retract reaches it while it stays connected
 * (each RetractAck brings the next ones, not only the first window's), and
 * all ten come before the eleventh share's Deliver.
 */
Test(lifecycle, every_retraction_reaches_a_connected_node_before_any_later_delivery)
{
	gw_start(&G, "limits:\n  delivery_window: 4\n");
	expect_retracts_before_a_later_deliver(&G, "MARAC-TS-0950", 10, 40);
}

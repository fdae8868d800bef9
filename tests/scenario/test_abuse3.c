/*
 * Abuse, third round: the newest request kinds (lifecycle, flags and
 * lookup, actions, markers) attacked by a malicious or careless node, a
 * compromised chair or an outsider. Each test fails on the gateway as it
 * was before the fix named in its comment.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "caldate.h"
#include "codec.h"
#include "harness.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(abuse3, .fini = teardown, .timeout = 240);

static int32_t today(void)
{
	return (int32_t)(time(NULL) / 86400);
}

/*
 * An action's description is printed on the agenda, which the chair takes
 * to the meeting of every attending agency. It was stored scrubbed for the
 * owner agency only: an action owned by police (entitled to the victim's
 * whereabouts) kept where she is staying and when she may be called, and
 * the agenda and the action list carried them to every agency. Now it is
 * stored as every reader of it may see it.
 */
Test(abuse3, an_action_text_on_the_agenda_carries_no_victim_whereabouts)
{
	gw_start(&G, NULL);
	refer_police_case(&G);
	char out[65536], err[8192], m1[11], m2[11], due[11];
	int32_t meet = today();
	while (caldate_weekday(meet) != 2) /* testshire meets on Tuesdays */
		meet--;
	caldate_format(meet, m1);
	caldate_format(meet + 14, m2);
	caldate_format(today() + 30, due);
	const char *add[] = {"action", "add", "--case", "TS-2026-0001", "--owner", "police",
			     "--date", m1, "--due", due, "--description",
			     "Police to fit a panic alarm. She is now staying with her sister at "
			     "the flat above the launderette. Safe to call after 6pm on weekdays "
			     "when he is at work.", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add), 0, "%s%s", out,
		     err);
	cr_assert(strstr(out, "panic alarm"), "the action itself is kept: %s", out);
	const char *ag[] = {"agenda", "--area", "testshire", "--date", m2, "--format", "json", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag), 0, "%s", err);
	const char *acts = strstr(out, "\"actions\"");
	cr_assert(acts && strstr(acts, "A-000001") && strstr(acts, "panic alarm"), "%s", out);
	cr_assert_null(strstr(out, "launderette"), "where she stays is on the agenda: %s", out);
	cr_assert_null(strstr(out, "after 6pm"), "when to call her is on the agenda: %s", out);
	cr_assert(strstr(acts, "[WITHHELD s38"), "%s", out);
}

/* Move the running gateway's test clock to offset days (MARAC_CLOCK_OFFSET_DAYS set at start). */
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

/*
 * A referral withdrawn in error was about the wrong woman: it leaves every
 * agenda and its follow-up stops (section 12). Its actions did, but an
 * address marker placed on it stayed on the agenda's markers section
 * (naming the withdrawn case) and kept sending review notices to the
 * officer in charge and, 14 days after, escalations to the crime manager.
 * Now a marker counts down and is listed on the agenda only while its
 * case is open, as an action; MarkerList still shows it.
 */
Test(abuse3, a_withdrawn_cases_marker_leaves_the_agenda_and_stops_counting_down)
{
	setenv("MARAC_CLOCK_OFFSET_DAYS", "0", 1);
	gw_start(&G, NULL);
	unsetenv("MARAC_CLOCK_OFFSET_DAYS");
	refer_police_case(&G);
	char out[65536], err[8192], start_d[11], due[11], md[11];
	int32_t t = today();
	caldate_format(t - 1, start_d);
	caldate_format(t + 20, due);
	const char *add[] = {"marker", "add", "--case", "TS-2026-0001", "--start", start_d,
			     "--review-due", due, "--oic", "police-testshire", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, add), 0, "%s", err);
	cr_assert(strstr(out, "M-000001"), "%s", out);
	const char *wh[] = {"case", "withdraw", "TS-2026-0001", "--reason", "in_error", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, wh), 0, "%s", err);
	cr_assert(strstr(out, "CASE_STATUS_WITHDRAWN"), "%s", out);

	/* A meeting whose notice window holds the review: the marker would be listed. */
	int32_t meet = t + 7;
	while (caldate_weekday(meet) != 2)
		meet++;
	caldate_format(meet, md);
	const char *ag[] = {"agenda", "--area", "testshire", "--date", md, "--format", "json", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag), 0, "%s", err);
	cr_assert_null(strstr(out, "TS-2026-0001"), "a withdrawn case is on the agenda: %s", out);

	/* Its review window opens, then passes by 14 days: nobody is chased. */
	set_offset(6);
	sleep(3);
	set_offset(20 + 14);
	sleep(3);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_NOTICE, NULL), 0);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_ESCALATED, NULL),
		     0);
	/* The marker itself is still on record for police. */
	const char *ls[] = {"marker", "list", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, ls), 0, "%s", err);
	cr_assert(strstr(out, "M-000001"), "%s", out);
}

/*
 * The agenda's first page carries every outstanding action and marker of
 * the area, and nothing bounded how many: a chair adding 64 actions of 512
 * bytes to each of the area's cases (or just a busy area) made the first
 * page larger than max_frame_bytes, and the agenda was refused
 * VIEW_TOO_LARGE ("one agenda row is larger...") for every chair of the
 * area, meeting after meeting. Now the first page keeps the most overdue
 * that fit and says how many more there are and where to read them. (A
 * small frame limit stands in for a large area.)
 */
Test(abuse3, outstanding_actions_beyond_a_frame_do_not_take_the_agenda_away)
{
	gw_start(&G, "limits:\n  max_frame_bytes: 8192\n");
	refer_police_case(&G);
	char out[65536], err[8192], m1[11], m2[11], due[11], desc[520];
	int32_t meet = today();
	while (caldate_weekday(meet) != 2)
		meet--;
	caldate_format(meet, m1);
	caldate_format(meet + 14, m2);
	caldate_format(today() + 30, due);
	memset(desc, 0, sizeof desc);
	for (size_t i = 0; i + 20 < 500; i += 20)
		memcpy(desc + i, "Review the plan now ", 20);
	for (int i = 0; i < 24; i++) {
		char id[16];
		snprintf(id, sizeof id, "act-%d", i);
		const char *add[] = {"action", "add", "--case", "TS-2026-0001", "--owner", "health",
				     "--date", m1, "--due", due, "--description", desc, "--msg-id", id,
				     NULL};
		cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add), 0,
			     "%s%s", out, err);
	}
	const char *ag[] = {"agenda", "--area", "testshire", "--date", m2, "--format", "json", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag), 0,
		     "no agenda: %s", err);
	cr_assert(strstr(out, "TS-2026-0001"), "the case row is there: %s", out);
	cr_assert(strstr(out, "A-000001"), "the first actions are there: %s", out);
	cr_assert_null(strstr(out, "A-000024"), "all 24 would not fit 8 KiB: %s", out);
	cr_assert(strstr(out, "more outstanding actions"), "the rest are counted: %s", out);
}

/*
 * A referral withdrawn in error was about the wrong person, and what the
 * referring node sent about it is retracted. But a referral whose
 * perpetrator matched another victim's case also made the gateway send a
 * serial perpetrator notice (from "", the gateway) to every police and
 * probation node: it was not retracted, so probation kept "the perpetrator
 * of TS-2026-0002 is also the perpetrator in TS-2026-0001" about a
 * referral that should never have been. Now the gateway's notice under
 * the referral's msg_id and case ref is retracted with it.
 */
Test(abuse3, a_referral_withdrawn_in_error_takes_its_serial_perpetrator_notice_back)
{
	gw_start(&G, NULL);
	refer_police_case(&G);
	static const char *const other[] = {
		"\"fullName\": \"Alexa Testperson\"", "\"fullName\": \"Nadia Newwoman\"",
		"\"Lexi Testperson\"",		      "\"Nadia Newwoman\"",
		"\"dateOfBirth\": \"1990-04-01\"",    "\"dateOfBirth\": \"1991-06-02\"",
		"\"07700 900123\"",		      "\"07700 900456\"",
		"\"nhsNumber\": \"9991234578\"",      "\"nhsNumber\": \"9990000018\"",
		"\"postcode\": \"TS1 2AB\"",	      "\"postcode\": \"TS3 4AB\"",
	};
	char out[65536], err[8192];
	const char *r2[] = {"refer", "--msg-id", "second", fixture_edited(&G, "referral_police.json", other, 6),
			    NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, r2), 0, "%s%s", out,
		     err);
	cr_assert(strstr(out, "TS-2026-0002") && strstr(out, "\"serialPerpetrator\""), "%s", out);
	const char *wh[] = {"case", "withdraw", "TS-2026-0002", "--reason", "in_error", NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, wh), 0, "%s", err);
	cr_assert(strstr(out, "CASE_STATUS_WITHDRAWN"), "%s", out);

	/* Probation connects: the first referral only; the second and its notice retracted. */
	char inbox[700];
	snprintf(inbox, sizeof inbox, "%s/inbox-probation", G.dir);
	const char *listen[] = {"listen", "--out", inbox, "--idle-exit", "4", NULL};
	cr_assert_eq(wait_exit(cli_spawn(&G, "probation", NULL, listen), 40), 0);
	char *got = read_dir(inbox);
	cr_assert_not_null(got);
	cr_assert(strstr(got, "TS-2026-0001"), "%s", got);
	cr_assert_null(strstr(got, "SERIAL PERPETRATOR"),
		       "the notice of a referral withdrawn in error was delivered: %s", got);
	cr_assert_null(strstr(got, "TS-2026-0002"), "%s", got);
	free(got);
}

/*
 * RetractAcks cost nothing of the request bucket (acks are bounded by the
 * windows), but a RetractAck is never coalesced: each is a writer job. One
 * node repeating the RetractAck of its one retraction sent 104,000 in 1.9 s
 * (each answered by nothing, each a job) and other nodes' shares took 5
 * times as long. Now a RetractAck takes a token like a list read: 400 of
 * them are read at the request rate, and a list read behind them waits.
 */
Test(abuse3, repeated_retract_acks_are_read_at_the_request_rate)
{
	gw_start(&G, NULL);
	char err[512], out[4096];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	const char *sa[] = {"send", "--to", "health", "--msg-id", "one", fixture("case_basic.json"),
			    NULL};
	cr_assert_eq(cli_run(&G, "police", out, sizeof out, sa), 0, "%s", out);
	Marac__V1__Frame *f;
	cr_assert_eq(mgw_client_recv(h, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_DELIVER);
	char did[40];
	snprintf(did, sizeof did, "%s", f->deliver->delivery_id);
	cr_assert_eq(mgw_client_ack(h, did, f->deliver->seq), MGW_OK);
	codec_free(&f->base);
	const char *ra[] = {"retract", "one", "--reason", "wrong_recipient", NULL};
	cr_assert_eq(cli_run(&G, "police", out, sizeof out, ra), 0, "%s", out);
	cr_assert_eq(mgw_client_recv(h, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_RETRACT);
	codec_free(&f->base);

	enum { N = 400 };
	double t0 = mono_s();
	for (int i = 0; i < N; i++)
		cr_assert_eq(mgw_client_retract_ack(h, did), MGW_OK);
	Marac__V1__ActionListRequest q = MARAC__V1__ACTION_LIST_REQUEST__INIT;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_ACTION_LIST_REQUEST;
	req.action_list_request = &q;
	cr_assert_eq(mgw_client_send(h, &req), MGW_OK);
	for (;;) {
		cr_assert_eq(mgw_client_recv(h, 20000, &f), MGW_OK);
		int body = f->body_case;
		codec_free(&f->base);
		cr_assert_neq(body, MARAC__V1__FRAME__BODY_ERROR);
		if (body == MARAC__V1__FRAME__BODY_ACTION_LIST)
			break;
	}
	double took = mono_s() - t0;
	/* (400 - 200) / 50 = 4 s at the rate; well under a second without it */
	cr_assert_geq(took, 2.5, "%d RetractAcks read in %.2f s: not rate-limited", N, took);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RETRACT_CONFIRMED, NULL), 1,
		     "confirmed once");
	mgw_client_free(h);
}

/*
 * A transfer-in referral names the area it comes from, and the agenda every
 * attending agency reads prints it (AgendaRow.transfer_from_area) when it
 * is printable as an area name: letters, digits, spaces and a little
 * punctuation. An address, a postcode, a phone number or the victim's name
 * is printable too: a careless referral put "12 Acacia Road" or "Alexa
 * Testperson" on the agenda, unredacted. Now the referral is refused
 * INVALID_REFERRAL naming transfer_from_area, and a real area name passes.
 */
Test(abuse3, a_transfer_in_area_holding_an_address_or_a_name_is_refused)
{
	gw_start(&G, NULL);
	char out[65536], err[8192];
	static const char *const bad[] = {"12 Acacia Road", "LS1 4AB", "Alexa Testperson",
					  "Testperson (Alexa)", "07700 900123"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char id[16];
		snprintf(id, sizeof id, "bad-%zu", i);
		expect_transfer_area_refused(&G, bad[i], id);
	}
	/* Real area names pass, also those whose words the name finder takes for names. */
	static const char *const good[] = {"Blackburn with Darwen", "Cheshire West and Chester",
					   "West Yorkshire"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		char id[16];
		snprintf(id, sizeof id, "good-%zu", i);
		cr_assert_eq(refer_transferred_from(&G, good[i], id, out, sizeof out, err, sizeof err),
			     0, "%s refused: %s%s", good[i], out, err);
	}
	char meeting[16];
	json_str(out, "meetingDate", meeting, sizeof meeting);
	const char *ag[] = {"agenda", "--area", "testshire", "--date", meeting, "--format", "json",
			    NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag), 0, "%s", err);
	cr_assert(strstr(out, "West Yorkshire"), "%s", out);
}

/* One ActionUpdate from name's certificate; the Error code of the answer. */
static int update_code(const char *name, const char *action_id)
{
	char err[512];
	mgw_client *c = node(&G, name, err, sizeof err);
	cr_assert_not_null(c, "%s", err);
	Marac__V1__ActionUpdate au = MARAC__V1__ACTION_UPDATE__INIT;
	au.msg_id = "probe";
	au.action_id = (char *)action_id;
	au.status = MARAC__V1__ACTION_STATUS__ACTION_STATUS_DONE;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_ACTION_UPDATE;
	req.action_update = &au;
	cr_assert_eq(mgw_client_send(c, &req), MGW_OK);
	Marac__V1__Frame *f;
	cr_assert_eq(mgw_client_recv(c, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_ERROR);
	int code = f->error->code;
	cr_assert_null(strstr(f->error->message, "health"), "names the owner: %s",
		       f->error->message);
	codec_free(&f->base);
	mgw_client_free(c);
	return code;
}

/*
 * As CloseCase before it (round two): a certificate with neither role node
 * nor chair (a control room's lookup certificate, an auditor) was refused
 * ActionUpdate NOT_OWNER "only nodes of the owner agency (health)" for an
 * action of its area and UNKNOWN_ITEM for a made-up id: an oracle for which
 * actions exist and whose they are. Now NOT_AUTHORISED before the action is
 * read.
 */
Test(abuse3, a_lookup_or_auditor_certificate_cannot_tell_actions_by_updating_them)
{
	gw_start(&G, NULL);
	refer_police_case(&G);
	char out[65536], err[8192], m1[11], due[11];
	int32_t meet = today();
	while (caldate_weekday(meet) != 2)
		meet--;
	caldate_format(meet, m1);
	caldate_format(today() + 30, due);
	const char *add[] = {"action", "add", "--case", "TS-2026-0001", "--owner", "health",
			     "--date", m1, "--due", due, "--description", "GP to review", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, add), 0, "%s%s", out,
		     err);
	cr_assert(strstr(out, "A-000001"), "%s", out);
	static const char *const certs[] = {"control", "auditor"};
	for (size_t i = 0; i < 2; i++) {
		cr_assert_eq(update_code(certs[i], "A-000001"),
			     MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED, "%s", certs[i]);
		cr_assert_eq(update_code(certs[i], "A-999999"),
			     MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED, "%s", certs[i]);
	}
}

/*
 * Answers wait in the session's control queue, which was bounded by count
 * only (2 x max_in_flight + 16 = 144 frames). A node that pipelined 140
 * ActionListRequests whose answers are about 1 MiB each (512 actions of 4
 * KiB owned by its agency) and did not read them had all 140 held for it
 * (the daemon grew by 191-208 MiB; 2.3 GiB at a 16 MiB frame limit; per
 * connection). The queue is now bounded in bytes too (MGW_CTL_QUEUE_BYTES,
 * 32 MiB, at least four frames): the node is cut off as not reading (1008).
 */
Test(abuse3, unread_answers_are_bounded_in_bytes_not_only_in_frames)
{
	gw_start(&G, NULL);
	char out[16384], err[4096], e[256];
	for (int i = 0; i < 8; i++) {
		char id[16];
		snprintf(id, sizeof id, "r%d", i);
		const char *r[] = {"refer", "--msg-id", id, fixture("referral_police.json"), NULL};
		cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, r), 0, "%s",
			     err);
	}
	mgw_client *ch = node(&G, "chair", e, sizeof e);
	cr_assert_not_null(ch, "%s", e);
	int32_t meet = today();
	while (caldate_weekday(meet) != 2)
		meet--;
	char m1[11], due[11];
	caldate_format(meet, m1);
	caldate_format(today() + 30, due);
	static char desc[4097];
	for (int i = 0; i < 4096; i++)
		desc[i] = "Review the plan and call the GP about it. "[i % 42];
	int sent = 0;
	for (int c = 1; c <= 8; c++)
		for (int k = 0; k < 64; k++, sent++) {
			char ref[32], id[32];
			snprintf(ref, sizeof ref, "TS-2026-%04d", c);
			snprintf(id, sizeof id, "a-%d-%d", c, k);
			Marac__V1__ActionAdd aa = MARAC__V1__ACTION_ADD__INIT;
			aa.msg_id = id;
			aa.case_ref = ref;
			aa.marac_date = m1;
			aa.due_date = due;
			aa.owner = MARAC__V1__AGENCY__AGENCY_HEALTH;
			aa.description = desc;
			Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
			fr.body_case = MARAC__V1__FRAME__BODY_ACTION_ADD;
			fr.action_add = &aa;
			cr_assert_eq(mgw_client_send(ch, &fr), MGW_OK);
		}
	for (int got = 0; got < sent;) {
		Marac__V1__Frame *f;
		cr_assert_eq(mgw_client_recv(ch, 30000, &f), MGW_OK);
		cr_assert_neq(f->body_case, MARAC__V1__FRAME__BODY_ERROR, "%s", f->error->message);
		got += f->body_case == MARAC__V1__FRAME__BODY_ACTION_RECORDED;
		codec_free(&f->base);
	}
	mgw_client_free(ch);

	mgw_client *h = node(&G, "health", e, sizeof e);
	cr_assert_not_null(h, "%s", e);
	Marac__V1__ActionListRequest q = MARAC__V1__ACTION_LIST_REQUEST__INIT;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT;
	req.body_case = MARAC__V1__FRAME__BODY_ACTION_LIST_REQUEST;
	req.action_list_request = &q;
	long before = daemon_rss_kb(&G);
	for (int i = 0; i < 140; i++)
		cr_assert_eq(mgw_client_send(h, &req), MGW_OK);
	/* Not reading: the answers (about 1 MiB each) wait in the gateway until
	 * it cuts the node off. Waited for, not slept on: a loaded machine
	 * (CI's sanitized run) makes the answers late, and a node that reads
	 * before its cull drains them and is never culled. */
	const int culled = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SESSION_CULLED;
	for (int i = 0; i < 8 && audit_wait(&G, culled, "not_reading", 1) < 1; i++)
		;
	cr_assert_eq(audit_count(&G, culled, "not_reading"), 1, "the cull is audited");
	long after = daemon_rss_kb(&G);
	int lists = 0, rc;
	Marac__V1__Frame *f;
	while ((rc = mgw_client_recv(h, 5000, &f)) == MGW_OK) {
		lists += f->body_case == MARAC__V1__FRAME__BODY_ACTION_LIST;
		codec_free(&f->base);
	}
	cr_assert_eq(rc, MGW_E_CLOSED, "%d answers held for a node that did not read them (%ld MiB "
		     "more resident)", lists, (after - before) / 1024);
	/* s11-daemon: the answers still queued are dropped at the cull, so
	 * the close frame comes next, behind only what the sockets hold (it
	 * waited behind up to 32 MiB of them); and the gateway no longer
	 * drops the connection the moment the close frame is out with the
	 * node's unread requests in its socket (the kernel reset it, and the
	 * node lost the close frame: 1006 in 1 of 12 loaded sanitized runs,
	 * 3 of 12 once the close went out earlier; 0 of 24 since). */
	cr_assert_eq(mgw_client_close_status(h), 1008, "told why it was cut (%d answers read)",
		     lists);
	cr_assert_lt(lists, 60, "%d answers of 1 MiB were held", lists);
	mgw_client_free(h);
	char *log = slurp(G.log);
	cr_assert(log && strstr(log, "session_culled"), "logged");
	free(log);
}

/*
 * Retracts come before any later Deliver (section 5). The Retract pump
 * queued nothing, and said "no more Retracts", when the control queue
 * already held a window's worth of frames: with delivery_window 1 the
 * Welcome alone filled it, so the share sent after the retractions was
 * delivered first and the retracted data's Retracts came only behind it
 * (under load the same happened at any window: a flaky
 * lifecycle/every_retraction_reaches_a_connected_node_before_any_later_delivery).
 * Now a full control queue still takes one Retract per pump and holds the
 * Delivers back while any remain.
 */
Test(abuse3, retracts_overtake_a_later_deliver_even_behind_a_full_control_queue)
{
	gw_start(&G, "limits:\n  delivery_window: 1\n");
	expect_retracts_before_a_later_deliver(&G, "MARAC-TS-0951", 3, 20);
}

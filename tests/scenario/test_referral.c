/*
 * Referrals over the real gateway (issue 5): police refers a case; health
 * refers the same victim two months later with the phone written another
 * way, another DOB typed day-first and the name in capitals; the gateway
 * says repeat (the HMIC failure); the attending agencies are notified; the
 * chair's agenda lists both, with children, repeat and research; a node
 * that is not a chair is refused; an inconsistent referral is refused
 * naming the field. Every step is in the audit trail.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(referral, .fini = teardown, .timeout = 180);

Test(referral, repeat_across_agencies_and_formats_and_the_chairs_agenda)
{
	gw_start(&G, NULL);
	char out[65536], err[8192], ref1[32], ref2[32], meeting[16], buf[64];

	/* IDVA is online and is notified of both referrals. */
	char inbox[700];
	snprintf(inbox, sizeof inbox, "%s/inbox-idva", G.dir);
	const char *largs[] = {"listen", "--out", inbox, "--count", "2", "--idle-exit", "30", NULL};
	pid_t l = cli_spawn(&G, "idva", NULL, largs);
	usleep(300000);

	/* 1. Police: visible high risk (15 of 24), area from the victim's postcode. */
	const char *r1[] = {"refer", fixture("referral_police.json"), NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, r1), 0, "%s%s", out,
		     err);
	json_str(out, "caseRef", ref1, sizeof ref1);
	cr_assert_str_eq(ref1, "TS-2026-0001", "%s", out);
	cr_assert(strstr(out, "\"score\": 15"), "%s", out);
	cr_assert(strstr(out, "\"level\": \"RISK_LEVEL_HIGH\""), "%s", out);
	cr_assert(strstr(out, "\"maracArea\": \"testshire\""), "%s", out);
	cr_assert_null(strstr(out, "\"repeat\": true"), "first referral is not a repeat: %s", out);
	cr_assert(strstr(out, "\"AGENCY_IDVA\""), "IDVA attends and is notified: %s", out);
	json_str(out, "meetingDate", meeting, sizeof meeting);
	cr_assert_eq(strlen(meeting), 10, "%s", out);

	/* The same command again is the same referral, not a second case. */
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, r1), 0, "%s", err);
	cr_assert(strstr(out, "\"duplicate\": true"), "%s", out);
	cr_assert_str_eq(json_str(out, "caseRef", buf, sizeof buf), "TS-2026-0001");

	/* 2. Health, two months later: "(07700) 900-123", name in capitals, DOB
	 * typed the other way round: the phone, the name with the DOB's day and
	 * month swapped (a weak fuzzy_name, match.h) and the perpetrator match. */
	const char *r2[] = {"refer", fixture("referral_health.json"), NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, r2), 0, "%s%s", out,
		     err);
	json_str(out, "caseRef", ref2, sizeof ref2);
	cr_assert_str_eq(ref2, "TS-2026-0002", "%s", out);
	cr_assert(strstr(out, "\"repeat\": true"), "the HMIC case must be caught: %s", out);
	cr_assert(strstr(out, "\"caseRef\": \"TS-2026-0001\""), "previous case named: %s", out);
	cr_assert(strstr(out, "\"referralDate\": \"2026-08-03\""), "%s", out);
	/* What matched, as kinds, and how strongly: the phone with a name (never their values). */
	cr_assert(strstr(out, "\"strength\": \"MATCH_STRENGTH_STRONG\""), "%s", out);
	cr_assert(strstr(out, "\"matchedOn\": [\n    \"phone\""), "%s", out);
	cr_assert_null(strstr(out, "900123"), "no identifier value in the answer: %s", out);
	cr_assert(strstr(err, "repeat of TS-2026-0001 (strong: phone, fuzzy_name; perpetrator: name_dob)"), "%s", err);
	cr_assert(strstr(out, "\"score\": 8"), "%s", out);
	cr_assert(strstr(out, "RISK_LEVEL_HIGH"), "judgement raises the level: %s", out);
	cr_assert_str_eq(json_str(out, "meetingDate", buf, sizeof buf), meeting);

	/* IDVA got both, redacted under the referral purpose, and acked them. */
	cr_assert_eq(wait_exit(l, 40), 0);
	cr_assert_eq(count_json(inbox), 2);
	char *views = read_dir(inbox);
	cr_assert(strstr(views, "TS-2026-0001") && strstr(views, "TS-2026-0002"), "%s", views);
	/* redacted before the reference was assigned (h11-perf): never under the placeholder */
	cr_assert_null(strstr(views, "PENDING"), "%s", views);
	cr_assert(strstr(views, "PURPOSE_REFERRAL"), "%s", views);
	cr_assert(strstr(views, "\"manifest\""), "each view carries its manifest");
	cr_assert_null(strstr(views, "900888"), "an unsafe contact's phone never leaves: %s",
		       views);
	free(views);

	/* 3. Research: IDVA has checked its records on the first case. */
	const char *rs[] = {"research", "--case", "TS-2026-0001", NULL};
	cr_assert_eq(cli_run2(&G, "idva", out, sizeof out, err, sizeof err, rs), 0, "%s", err);
	cr_assert(strstr(out, "\"done\": true"), "%s", out);
	const char *rs_bad[] = {"research", "--case", "TS-2026-9999", NULL};
	cr_assert_eq(cli_run2(&G, "idva", out, sizeof out, err, sizeof err, rs_bad), 1);
	cr_assert(strstr(err, "ERROR_CODE_UNKNOWN_CASE"), "%s", err);

	/* 4. The chair's agenda for that meeting: both cases, children first,
	 * in referral-date order, the second flagged repeat with its last date. */
	const char *ag[] = {"agenda", "--area", "testshire", "--date", meeting, "--format", "json",
			    NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag), 0, "%s", err);
	const char *c1 = strstr(out, "TS-2026-0001"), *c2 = strstr(out, "TS-2026-0002");
	const char *kids = strstr(out, "\"casesWithChildren\"");
	cr_assert(kids && c1 && c2 && kids < c1 && c1 < c2, "%s", out);
	cr_assert(strstr(out, "\"lastReferralDate\": \"2026-08-03\""), "%s", out);
	cr_assert(strstr(out, "OFFICIAL-SENSITIVE: restricted when complete"), "%s", out);
	cr_assert(strstr(out, "\"childrenCount\": 2"), "%s", out);
	cr_assert(strstr(out, "\"agency\": \"AGENCY_IDVA\",\n          \"done\": true") ||
			  strstr(out, "\"done\": true"),
		  "IDVA research shown done: %s", out);
	cr_assert_null(strstr(out, "Testperson"), "no names on the agenda: %s", out);

	char html[700];
	snprintf(html, sizeof html, "%s/agenda.html", G.dir);
	const char *agh[] = {"agenda", "--area", "testshire", "--date", meeting, "--out", html,
			     NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, agh), 0, "%s", err);
	char *page = slurp(html);
	cr_assert_not_null(page);
	cr_assert(strstr(page, "TS-2026-0001") && strstr(page, "TS-2026-0002"));
	cr_assert(strstr(page, "OFFICIAL-SENSITIVE: restricted when complete"));
	free(page);

	/* A date the area does not meet is refused, naming the next meeting. */
	const char *agbad[] = {"agenda", "--area", "testshire", "--date", "2026-11-25", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, agbad), 1);
	cr_assert(strstr(err, "ERROR_CODE_INVALID_REQUEST") && strstr(err, "meeting_date"), "%s",
		  err);

	/* 5. A node that is not a chair is refused, and the refusal audited. */
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, ag), 1);
	cr_assert(strstr(err, "ERROR_CODE_NOT_AUTHORISED"), "%s", err);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				"not_authorised", 1), 1);

	/* 6. Inconsistent: "visible high risk" with 10 yes is refused, naming the field. */
	char bad[700];
	snprintf(bad, sizeof bad, "%s/bad.json", G.dir);
	char *t = slurp(fixture("referral_health.json"));
	cr_assert_not_null(t);
	char *p = strstr(t, "REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT");
	cr_assert_not_null(p);
	FILE *f = fopen(bad, "w");
	fprintf(f, "%.*sREFERRAL_ROUTE_VISIBLE_HIGH_RISK%s", (int)(p - t), t,
		p + strlen("REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT"));
	fclose(f);
	free(t);
	const char *r3[] = {"refer", bad, NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, r3), 1);
	cr_assert(strstr(err, "ERROR_CODE_INVALID_REFERRAL") && strstr(err, "risk"), "%s", err);

	/* The trail: two referrals, two agenda pulls, one research mark, and a
	 * DELIVERY_COMMITTED per notified node per referral. */
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REFERRAL_ACCEPTED, NULL, 2),
		     2);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_AGENDA_PULLED, NULL, 2), 2);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RESEARCH_MARKED, "done", 1),
		     1);
	/* refusals are committed in a later batch: wait for it */
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				"invalid_referral", 1),
		     1);
	int committed = audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED, NULL);
	/* testshire has 8 agency nodes plus 3 registered negative-test nodes
	 * (housing-revoked, housing-expired, probation-late); each referral
	 * reaches every one but the referrer and the two whose certificates
	 * are revoked or expired: 8 each. */
	cr_assert_eq(committed, 16, "deliveries committed: %d", committed);
	char *log = slurp(G.log);
	int dropped_logged = log && strstr(log, "\"recipient_cert_invalid\"");
	free(log);
	cr_assert(dropped_logged, "the dropped ones are logged");
}

Test(referral, a_referral_that_fails_in_the_writer_is_answered_and_audited)
{
	gw_start(&G, NULL);
	/* Dated 1999 (the victim an adult then): valid to the door, and the case
	 * reference allocator may still refuse it. Either way: an answer that
	 * says so, and an audit record of the refusal. */
	const char *pairs[] = {"\"referralDate\": \"2026-10-05\"", "\"referralDate\": \"1999-10-05\"",
			       "\"dateOfBirth\": \"1990-01-04\"", "\"dateOfBirth\": \"1970-01-04\"",
			       "\"dateOfBirth\": \"2016-02-03\"", "\"dateOfBirth\": \"1995-02-03\""};
	const char *path = fixture_edited(&G, "referral_health.json", pairs, 3);
	char out[8192], err[8192];
	const char *r[] = {"refer", path, NULL};
	int rc = cli_run2(&G, "health", out, sizeof out, err, sizeof err, r);
	if (rc == 0)
		return; /* accepted: nothing failed */
	cr_assert(strstr(err, "ERROR_CODE_"), "no typed answer: %s", err);
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, NULL, 1), 1,
		      "refused without an audit record: %s", err);
}

Test(referral, an_agenda_larger_than_a_frame_comes_in_pages)
{
	gw_start(&G, "limits:\n  max_frame_bytes: 8192\n");
	cr_assert_eq(gw_stop(&G), 0);
	/* A long confidentiality statement: with it, a few rows fill a frame. */
	char *cfg = slurp(G.config);
	char *at = strstr(cfg, "      case_ref_code: TS\n");
	cr_assert_not_null(at);
	FILE *f = fopen(G.config, "w");
	fprintf(f, "%.*s      statement: \"", (int)(at - cfg), cfg);
	/* about 7.4 KB: the envelope (attendance, timing, h13-audit) and one row still fit */
	for (int i = 0; i < 7400 / 40; i++)
		fputs("This meeting is confidential; notes stay. ", f);
	fprintf(f, "\"\n%s", at);
	fclose(f);
	free(cfg);
	gw_restart(&G);
	enum { N = 10 };
	char out[65536], err[8192], meeting[16] = "";
	for (int i = 0; i < N; i++) {
		char id[32];
		snprintf(id, sizeof id, "page-ref-%d", i);
		const char *r[] = {"refer", "--msg-id", id, fixture("referral_health.json"), NULL};
		cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, r), 0, "%s%s",
			     out, err);
		json_str(out, "meetingDate", meeting, sizeof meeting);
	}
	const char *ag[] = {"agenda", "--area", "testshire", "--date", meeting, "--format", "json",
			    NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag), 0, "%s", err);
	int rows = 0;
	for (const char *p = out; (p = strstr(p, "\"caseRef\"")) != NULL; p++)
		rows++;
	cr_assert_eq(rows, N, "%d rows of %d: %s", rows, N, out);
	cr_assert_geq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_AGENDA_PULLED, NULL), 2,
		      "more than one page was pulled");
}

/* Insert text into the area block of G's config (before its case_ref_code line) and restart. */
static void area_config(const char *text)
{
	cr_assert_eq(gw_stop(&G), 0);
	char *cfg = slurp(G.config);
	char *at = strstr(cfg, "      case_ref_code: TS\n");
	cr_assert_not_null(at);
	FILE *f = fopen(G.config, "w");
	fprintf(f, "%.*s%s%s", (int)(at - cfg), cfg, text, at);
	fclose(f);
	free(cfg);
	gw_restart(&G);
}

/* Refer path as node who (extra CLI args before the file); 0/1 and out/err as cli_run2. */
static int refer_as(const char *who, const char *basis, const char *path, char *out, size_t on,
		    char *err, size_t en)
{
	const char *r[] = {"refer", "--basis", basis, path, NULL};
	return cli_run2(&G, who, out, on, err, en, r);
}

/* The victim of referral_police.json replaced by another woman (same perpetrator). */
static const char *const other_victim[] = {
	"\"fullName\": \"Alexa Testperson\"", "\"fullName\": \"Nadia Newwoman\"",
	"\"Lexi Testperson\"",		      "\"Nadia Newwoman\"",
	"\"dateOfBirth\": \"1990-04-01\"",    "\"dateOfBirth\": \"1991-06-02\"",
	"\"07700 900123\"",		      "\"07700 900456\"",
	"\"nhsNumber\": \"9991234578\"",      "\"nhsNumber\": \"9990000018\"",
	"\"postcode\": \"TS1 2AB\"",	      "\"postcode\": \"TS3 4AB\"",
};

/*
 * Issue 13 items 2-4 over the real daemon: the area's own police-form
 * threshold; the form and threshold said in the answer; lawful basis,
 * awareness and the repeat route validated; a serial perpetrator notified
 * to police and probation through their outboxes and audited; an unborn
 * child on the agenda. No refusal message quotes personal data.
 */
Test(referral, local_thresholds_validation_serial_perpetrator_and_unborn)
{
	gw_start(&G, NULL);
	area_config("      dash:\n        police27: {high_threshold: 16}\n");
	char out[65536], err[8192], meeting[16] = "";

	/* Probation listens: two referrals and one serial notice. */
	char inbox[700];
	snprintf(inbox, sizeof inbox, "%s/inbox-probation", G.dir);
	const char *largs[] = {"listen", "--out", inbox, "--count", "3", "--idle-exit", "30", NULL};
	pid_t l = cli_spawn(&G, "probation", NULL, largs);
	usleep(300000);

	/* 1. The police form with 15 yes: this area needs 16 of 27, and says so. */
	const char *p27[] = {"DASH_FORM_SAFELIVES_24", "DASH_FORM_POLICE_27"};
	cr_assert_eq(refer_as("police", "law_enforcement_sch8_para4",
			      fixture_edited(&G, "referral_police.json", p27, 1), out, sizeof out, err,
			      sizeof err),
		     1);
	cr_assert(strstr(err, "ERROR_CODE_INVALID_REFERRAL") && strstr(err, "risk.answers") &&
			  strstr(err, "16"),
		  "%s", err);

	/* 2. The SafeLives form: 15 of 24 against 14, said in the answer. */
	cr_assert_eq(refer_as("police", "law_enforcement_sch8_para4", fixture("referral_police.json"),
			      out, sizeof out, err, sizeof err),
		     0, "%s%s", out, err);
	cr_assert(strstr(out, "\"text\": \"DASH 15 of 24 (SafeLives form), threshold 14\""), "%s",
		  out);
	cr_assert(strstr(out, "\"threshold\": 14") && strstr(out, "\"questions\": 24"), "%s", out);
	cr_assert(strstr(err, "DASH 15 of 24"), "%s", err);
	cr_assert_null(strstr(out, "serialPerpetrator"), "one victim so far: %s", out);
	json_str(out, "meetingDate", meeting, sizeof meeting);

	/* 3. Validation: basis by agency and consent, awareness, the repeat route. */
	cr_assert_eq(refer_as("health", "law_enforcement_sch8_para4",
			      fixture("referral_health.json"), out, sizeof out, err, sizeof err),
		     1);
	cr_assert(strstr(err, "ERROR_CODE_INVALID_REFERRAL") && strstr(err, "lawful_basis"), "%s",
		  err);
	cr_assert_eq(refer_as("health", "consent", fixture("referral_health.json"), out, sizeof out,
			      err, sizeof err),
		     1, "consent is the basis, consent was refused");
	cr_assert(strstr(err, "lawful_basis") && strstr(err, "consent"), "%s", err);
	const char *unaware[] = {"\"victimAware\": \"ANSWER_YES\"", "\"victimAware\": \"ANSWER_NO\""};
	cr_assert_eq(refer_as("police", "law_enforcement_sch8_para4",
			      fixture_edited(&G, "referral_police.json", unaware, 1), out, sizeof out, err,
			      sizeof err),
		     1);
	cr_assert(strstr(err, "victim_aware_reason"), "%s", err);
	const char *rep[16];
	memcpy(rep, other_victim, sizeof other_victim);
	rep[12] = "\"REFERRAL_ROUTE_VISIBLE_HIGH_RISK\"";
	rep[13] = "\"REFERRAL_ROUTE_REPEAT\"";
	rep[14] = "\"fullName\": \"Brian Fictional\"";
	rep[15] = "\"fullName\": \"Norman Nobody\"";
	cr_assert_eq(refer_as("police", "law_enforcement_sch8_para4",
			      fixture_edited(&G, "referral_police.json", rep, 8), out, sizeof out, err,
			      sizeof err),
		     1, "a repeat of nothing: %s", out);
	cr_assert(strstr(err, "ERROR_CODE_INVALID_REFERRAL") && strstr(err, "route") &&
			  strstr(err, "previous_case_ref") && strstr(err, "other_maracs"),
		  "%s", err);
	cr_assert_null(strstr(err, "Nadia"), "no personal data in a refusal: %s", err);
	cr_assert_null(strstr(err, "Norman"), "%s", err);

	/* 4. Health refers another woman with the same perpetrator, pregnant:
	 * a new case, a serial perpetrator, and a child who is not yet born. */
	const char *serial[14];
	memcpy(serial, other_victim, sizeof other_victim);
	serial[12] = "\"dateOfBirth\": \"2019-07-08\"";
	serial[13] = "\"expectedDeliveryDate\": \"2027-03-01\"";
	cr_assert_eq(refer_as("health", "public_task_sch1_para18",
			      fixture_edited(&G, "referral_police.json", serial, 7), out, sizeof out, err,
			      sizeof err),
		     0, "%s%s", out, err);
	cr_assert_null(strstr(out, "\"repeat\": true"), "another victim is not a repeat: %s", out);
	cr_assert(strstr(out, "\"serialPerpetrator\""), "%s", out);
	cr_assert(strstr(out, "\"otherCases\": 1"), "%s", out);
	cr_assert(strstr(out, "\"AGENCY_PROBATION\""), "%s", out);
	cr_assert_null(strstr(out, "TS-2026-0001"), "the other victim's case stays with police "
						    "and probation: %s", out);
	cr_assert(strstr(err, "SERIAL PERPETRATOR"), "%s", err);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SERIAL_PERPETRATOR,
				"serial_perpetrator", 1), 1);

	/* Probation's notice names the earlier case; it came through the outbox. */
	cr_assert_eq(wait_exit(l, 40), 0);
	cr_assert_eq(count_json(inbox), 3);
	char *views = read_dir(inbox);
	const char *notice = strstr(views, "SERIAL PERPETRATOR NOTICE");
	cr_assert_not_null(notice, "%s", views);
	size_t nlen = strcspn(notice, "\"");
	char text[2048];
	snprintf(text, sizeof text, "%.*s", (int)(nlen < sizeof text ? nlen : sizeof text - 1),
		 notice);
	cr_assert(strstr(text, "TS-2026-0001") && strstr(text, "TS-2026-0002"), "%s", text);
	cr_assert(strstr(text, "matched on phone"), "%s", text);
	cr_assert(!strstr(text, "900777") && !strstr(text, "Fictional") && !strstr(text, "Nadia"),
		  "case refs, areas and dates only: %s", text);
	free(views);

	/* 5. The agenda: the pregnancy case is a case with children, "unborn". */
	const char *ag[] = {"agenda", "--area", "testshire", "--date", meeting, "--format", "json",
			    NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag), 0, "%s", err);
	cr_assert(strstr(out, "\"unbornChildren\": 1"), "%s", out);
	cr_assert(strstr(out, "\"dashForm\": \"DASH_FORM_SAFELIVES_24\""), "%s", out);
	char html[700];
	snprintf(html, sizeof html, "%s/agenda.html", G.dir);
	const char *agh[] = {"agenda", "--area", "testshire", "--date", meeting, "--out", html,
			     NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, agh), 0, "%s", err);
	char *page = slurp(html);
	cr_assert(page && strstr(page, ", unborn)") && strstr(page, "15 of 24"), "%s", page);
	free(page);
}

/* Count occurrences of needle in the daemon's log. */
static int log_count(const char *needle)
{
	char *log = slurp(G.log);
	int n = 0;
	for (const char *p = log; p && (p = strstr(p, needle)) != NULL; p++)
		n++;
	free(log);
	return n;
}

/*
 * Fan-out follows the epoch's CRL: once a reload installs a CRL revoking
 * probation-late, referrals no longer go to it (the expired and revoked
 * housing nodes never get one).
 */
Test(referral, a_node_revoked_by_a_reload_gets_no_more_referrals)
{
	gw_start(&G, NULL);
	char out[16384], err[8192];
	const char *r1[] = {"refer", fixture("referral_police.json"), NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, r1), 0, "%s", err);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED, NULL, 8),
		     8, "8 valid nodes but the referrer");
	cr_assert_eq(log_count("\"node\":\"probation-late\",\"for\":\"referral\""), 0);
	cr_assert_eq(log_count("\"node\":\"housing-revoked\",\"for\":\"referral\""), 1);
	cr_assert_eq(log_count("\"node\":\"housing-expired\",\"for\":\"referral\""), 1);

	char cmd[1200];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s/ca.crl'", pki_file("ca-late.crl"), G.dir);
	cr_assert_eq(system(cmd), 0);
	kill(G.pid, SIGHUP);
	for (int i = 0; i < 100 && log_count("\"reloaded\"") == 0; i++)
		usleep(50000);
	cr_assert_eq(log_count("\"reloaded\""), 1);

	const char *r2[] = {"refer", fixture("referral_health.json"), NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, r2), 0, "%s", err);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED, NULL,
				15),
		     15, "7 more: probation-late is revoked now");
	cr_assert_eq(log_count("\"node\":\"probation-late\",\"for\":\"referral\""), 1);
	usleep(300000);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED, NULL),
		     15);
}

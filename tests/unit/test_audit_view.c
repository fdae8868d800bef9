/* audit_view: an auditor's dates, table and CSV lines, manifest summary, per-agency report. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_view.h"
#include "mgw_err.h"

#define POLICE MARAC__V1__AGENCY__AGENCY_POLICE
#define HEALTH MARAC__V1__AGENCY__AGENCY_HEALTH
#define IDVA MARAC__V1__AGENCY__AGENCY_IDVA

static int64_t when(const char *s, int upper)
{
	int64_t ms = -1;
	cr_assert_eq(audit_parse_when(s, upper, &ms), MGW_OK, "%s", s);
	return ms;
}

Test(audit_when, dates_are_europe_london_days)
{
	/* winter: GMT = UTC */
	cr_assert_eq(when("2026-01-15", 0), 1768435200000LL);          /* 2026-01-15T00:00Z */
	cr_assert_eq(when("2026-01-15", 1), 1768435200000LL + 86400000, "--to: the whole day");
	/* summer: BST, the day starts at 23:00 UTC the day before */
	cr_assert_eq(when("2026-07-01", 0), 1782860400000LL);          /* 2026-06-30T23:00Z */
	/* the change days: BST from 01:00 UTC on 2026-03-29 to 01:00 UTC on 2026-10-25 */
	cr_assert_eq(when("2026-03-29", 0), 1774742400000LL, "midnight is still GMT");
	cr_assert_eq(when("2026-03-30", 0), 1774825200000LL, "the next day starts in BST");
	cr_assert_eq(when("2026-10-25", 0), 1792882800000LL, "midnight is still BST");
	cr_assert_eq(when("2026-10-26", 0), 1792972800000LL, "GMT again");
}

Test(audit_when, date_times_and_offsets)
{
	cr_assert_eq(when("2026-07-01T10:15", 0), 1782897300000LL);    /* 09:15Z */
	cr_assert_eq(when("2026-07-01T10:15:30", 0), 1782897330000LL);
	cr_assert_eq(when("2026-07-01T10:15:30Z", 0), 1782900930000LL);
	cr_assert_eq(when("2026-07-01T10:15:30+01:00", 0), 1782897330000LL);
	cr_assert_eq(when("2026-07-01T10:15:30-05:00", 0), 1782918930000LL);
	cr_assert_eq(when("2026-07-01 10:15", 0), 1782897300000LL, "a space for the T");
	cr_assert_eq(when("1767225600000", 0), 1767225600000LL, "Unix ms as before");
	/* the repeated October hour is read as its first occurrence (BST) */
	cr_assert_eq(when("2026-10-25T01:30", 0), 1792888200000LL);    /* 00:30Z */
	int64_t ms;
	const char *bad[] = {"", "2026-02-30", "2026-1-5", "01/03/2026", "2026-07-01T24:00",
			     "2026-07-01T10:1", "2026-07-01T10:15+1", "2026-07-01T10:15:30 Z",
			     "yesterday", "1969-12-31", "12345678901234567"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(audit_parse_when(bad[i], 0, &ms), MGW_E_INVALID, "\"%s\"", bad[i]);
	cr_assert_eq(audit_london_offset(1782897300), 3600);
	cr_assert_eq(audit_london_offset(1768435200), 0);
}

/* A record with a manifest: 3 withheld (2 grounds), 1 masked, 2 shared. */
static Marac__V1__RedactionEntry ents[6];
static Marac__V1__RedactionEntry *entp[6];

static Marac__V1__AuditRecord delivery(void)
{
	static const struct {
		const char *path, *ground;
		int action;
	} m[6] = {
		{"victim.address", "foia-s40-2", MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_WITHHOLD},
		{"victim.phones", "foia-s40-2", MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_WITHHOLD},
		{"perpetrators[].address", "default-deny",
		 MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_WITHHOLD},
		{"victim.date_of_birth", "need-to-know", MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_MASK},
		{"risk", "need-to-know", MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_SHARE},
		{"case_ref", "need-to-know", MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_SHARE},
	};
	for (int i = 0; i < 6; i++) {
		marac__v1__redaction_entry__init(&ents[i]);
		ents[i].path = (char *)m[i].path;
		ents[i].ground = (char *)m[i].ground;
		ents[i].action = m[i].action;
		ents[i].count = 7; /* values: never shown */
		entp[i] = &ents[i];
	}
	Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
	r.seq = 42;
	r.time_ms = 1782897330123LL;
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED;
	r.actor_node = "police-testshire";
	r.actor_agency = POLICE;
	r.recipient_node = "health-testshire";
	r.recipient_agency = HEALTH;
	r.case_ref = "TS-2026-0001";
	r.msg_id = "m-1";
	r.delivery_id = "d-1";
	r.purpose = MARAC__V1__PURPOSE__PURPOSE_RESEARCH;
	r.lawful_basis = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18;
	r.manifest = entp;
	r.n_manifest = 6;
	return r;
}

static char *capture(void (*fn)(FILE *, const Marac__V1__AuditRecord *),
		     const Marac__V1__AuditRecord *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	fn(f, r);
	fclose(f);
	return buf;
}

Test(audit_view, manifest_summary_counts_fields_by_action_and_ground)
{
	Marac__V1__AuditRecord r = delivery();
	char buf[256];
	audit_manifest_summary(&r, buf, sizeof buf);
	cr_assert_str_eq(buf, "share 2 (need-to-know 2); withhold 3 (default-deny 1, foia-s40-2 2); "
			      "mask 1 (need-to-know 1)");
	r.n_manifest = 0;
	audit_manifest_summary(&r, buf, sizeof buf);
	cr_assert_str_eq(buf, "-");
}

Test(audit_view, table_row_shows_purpose_basis_manifest_no_paths)
{
	Marac__V1__AuditRecord r = delivery();
	char *line = capture(audit_table_row, &r);
	cr_assert_not_null(strstr(line, "2026-07-01T09:15:30.123Z"), "%s", line);
	cr_assert_not_null(strstr(line, "delivery_committed"));
	cr_assert_not_null(strstr(line, "police-testshire [police]"));
	cr_assert_not_null(strstr(line, "health-testshire [health]"));
	cr_assert_not_null(strstr(line, " research "));
	cr_assert_not_null(strstr(line, "public_task_sch1_para18"));
	cr_assert_not_null(strstr(line, "withhold 3 (default-deny 1, foia-s40-2 2)"));
	cr_assert_null(strstr(line, "victim.address"), "paths are not listed, only counts");
	free(line);

	/* a refusal says what was attempted, and where */
	Marac__V1__AuditRecord x = MARAC__V1__AUDIT_RECORD__INIT;
	x.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED;
	x.actor_node = "chair\x1b[2Jtestshire"; /* the gateway is not trusted: no escapes reach a terminal */
	x.actor_agency = POLICE;
	x.reason = "invalid_request";
	x.attempted = "agenda_request";
	x.marac_area = "testshire";
	x.meeting_date = "2026-03-10";
	line = capture(audit_table_row, &x);
	cr_assert_not_null(strstr(line, "reason=invalid_request attempted=agenda_request "
					"area=testshire meeting=2026-03-10"), "%s", line);
	cr_assert_null(strchr(line, '\x1b'));
	free(line);
}

Test(audit_view, csv_is_rfc4180_and_defused)
{
	Marac__V1__AuditRecord r = delivery();
	r.case_known = 1;
	r.msg_id = "=cmd|' /C calc'!A0";
	char *row = capture(audit_csv_row, &r);
	cr_assert_eq(strncmp(row, "42,2026-07-01T09:15:30.123Z,delivery_committed,police-testshire,"
				  "police,health-testshire,health,TS-2026-0001,yes,'=cmd|' /C calc'!A0,"
				  "d-1,research,public_task_sch1_para18,\"share 2 (need-to-know 2); "
				  "withhold 3 (default-deny 1, foia-s40-2 2); mask 1 (need-to-know 1)\",",
		     strlen("42,2026-07-01T09:15:30.123Z,")), 0, "%s", row);
	cr_assert_not_null(strstr(row, ",yes,'=cmd|' /C calc'!A0,d-1,research,"), "%s", row);
	cr_assert_not_null(strstr(row, ",\"share 2 (need-to-know 2); withhold 3 (default-deny 1, "
				       "foia-s40-2 2); mask 1 (need-to-know 1)\","), "%s", row);
	size_t n = strlen(row);
	cr_assert(n > 2 && row[n - 2] == '\r' && row[n - 1] == '\n', "CRLF");
	free(row);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	audit_csv_cell(f, "a\"b");
	fputc('|', f);
	audit_csv_cell(f, "line\nbreak");
	fputc('|', f);
	audit_csv_cell(f, "-1");
	fclose(f);
	cr_assert_str_eq(buf, "\"a\"\"b\"|\"line\nbreak\"|'-1");
	free(buf);
}

static void add(struct audit_report *rep, int event, int actor, int recipient, const char *reason,
		int64_t t, uint64_t count)
{
	Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
	r.event = event;
	r.actor_agency = actor;
	r.recipient_agency = recipient;
	r.reason = (char *)reason;
	r.time_ms = t;
	r.count = count;
	cr_assert_eq(audit_report_add(rep, &r), MGW_OK);
}

Test(audit_view, report_totals_per_agency_and_refusals_by_reason)
{
	struct audit_report *rep = audit_report_new(1000, 9000);
	cr_assert_not_null(rep);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED, POLICE, 0, "", 1000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED, POLICE, 0, "", 2000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED, POLICE, 0, "", 9000, 0); /* after */
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED, POLICE, 0, "", 999, 0);  /* before */
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED, POLICE, HEALTH, "", 2000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED, POLICE, IDVA, "", 2000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED, HEALTH, HEALTH, "", 3000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, HEALTH, 0, "invalid_share", 3000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, HEALTH, 0, "invalid_share", 3001, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, HEALTH, 0, "not_authorised", 3002, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED, 0, 0, "cert_unknown_ca", 4000, 5);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_AGENDA_PULLED, POLICE, 0, "", 5000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REFERRAL_ACCEPTED, IDVA, 0, "new", 5000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_NODE_CONNECTED, IDVA, 0, "", 5000, 0);
	add(rep, 999, IDVA, 0, "", 5000, 0); /* a kind this build does not know: "other" */
	cr_assert_eq(audit_report_total(rep, "shares", POLICE), 2, "only the period's");
	cr_assert_eq(audit_report_total(rep, "deliveries", HEALTH), 1, "by recipient");
	cr_assert_eq(audit_report_total(rep, "deliveries", POLICE), 0);
	cr_assert_eq(audit_report_total(rep, "receipts", HEALTH), 1);
	cr_assert_eq(audit_report_total(rep, "refusals", HEALTH), 3);
	cr_assert_eq(audit_report_total(rep, "refusals", 0), 5, "aggregated records count their events");
	cr_assert_eq(audit_report_total(rep, "agenda_pulls", POLICE), 1);
	cr_assert_eq(audit_report_total(rep, "referrals", IDVA), 1);
	cr_assert_eq(audit_report_total(rep, "lookups", POLICE), 0);
	cr_assert_eq(audit_report_total(rep, "other", IDVA), 1, "the unknown kind only");
	cr_assert_eq(audit_report_total(rep, "connections", IDVA), 1);
	cr_assert_eq(audit_report_total(rep, "no_such_measure", IDVA), -1);

	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(audit_report_write(rep, 1, f), MGW_OK);
	fclose(f);
	cr_assert_not_null(strstr(buf, "section,agency,reason,shares,referrals,deliveries,receipts,"
				       "refusals,agenda_pulls,research,lookups,lookups_limited,flags_raised,"
				       "audit_queries,actions,action_notices,markers,marker_notices,"
				       "marker_escalations,followup_lists,flag_acks,flag_history_reads,"
				       "lifecycle,retractions,retracts_delivered,retracts_confirmed,"
				       "serial_perpetrator,connections,gateway_events,culled,other\r\n"),
			   "%s", buf);
	cr_assert_not_null(strstr(buf, "\r\ntotals,Police,,2,0,0,0,0,1,0,0,0,0,0,"
				       "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\r\n"), "%s", buf);
	cr_assert_not_null(strstr(buf, "\r\ntotals,IDVA service,,0,1,1,0,0,0,0,0,0,0,0,"
				       "0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,1\r\n"),
			   "%s", buf);
	cr_assert_not_null(strstr(buf, "\r\ntotals,Health,,0,0,1,1,3,0,0,0,0,0,0,"
				       "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\r\n"), "%s", buf);
	cr_assert_not_null(strstr(buf, "\r\nrefusals,Health,invalid_share,,,,,2,,,,,,,"
				       ",,,,,,,,,,,,,,,,\r\n"), "%s",
			   buf);
	cr_assert_not_null(strstr(buf, "\r\nrefusals,Health,not_authorised,,,,,1,,,,,,,"
				       ",,,,,,,,,,,,,,,,\r\n"));
	cr_assert_not_null(strstr(buf, "\r\nrefusals,Gateway / before authentication,"
				       "cert_unknown_ca,,,,,5,,,,,,,"
				       ",,,,,,,,,,,,,,,,\r\n"));
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	cr_assert_eq(audit_report_write(rep, 0, f), MGW_OK);
	fclose(f);
	cr_assert_not_null(strstr(buf, "Refusals by reason"));
	cr_assert_not_null(strstr(buf, "Europe/London"));
	free(buf);
	audit_report_free(rep);
}

/* Every kind of event the gateway records is counted by some measure of the report. */
Test(audit_view, report_counts_every_audit_event_kind)
{
	const ProtobufCEnumDescriptor *d = &marac__v1__audit_event__descriptor;
	cr_assert_gt(d->n_values, 30, "audit.proto's list as built");
	for (unsigned i = 0; i < d->n_values; i++) {
		int v = d->values[i].value;
		if (v == 0) {
			cr_assert_null(audit_report_measure_of(v));
			continue;
		}
		const char *m = audit_report_measure_of(v);
		cr_assert_not_null(m, "%s is counted by no measure of the report", d->values[i].name);
		/* and the report does count it, for the acting or the receiving agency */
		struct audit_report *rep = audit_report_new(0, 0);
		Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
		r.event = (Marac__V1__AuditEvent)v;
		r.actor_agency = POLICE;
		r.recipient_agency = POLICE;
		r.time_ms = 5000;
		r.count = 7;
		cr_assert_eq(audit_report_add(rep, &r), MGW_OK);
		cr_assert_eq(audit_report_total(rep, "other", POLICE), 0, "%s", d->values[i].name);
		long long t = audit_report_total(rep, m, POLICE);
		cr_assert(t == 1 || t == 7, "%s: %s = %lld", d->values[i].name, m, t);
		audit_report_free(rep);
	}
	cr_assert_null(audit_report_measure_of(999), "a kind this build does not know");
}

Test(audit_view, report_counts_followup_lifecycle_and_retractions)
{
	struct audit_report *rep = audit_report_new(0, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_ADDED, POLICE, 0, "idva", 1000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_UPDATED, IDVA, 0, "done", 1000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE, 0, IDVA, "action_overdue", 1000,
	    0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_ESCALATED, 0, POLICE, "", 1000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_WITHDRAWN, POLICE, 0, "", 1000, 0);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_MERGED, POLICE, 0, "", 1000, 0);
	/* a retraction's count is its deliveries: it is still one retraction */
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_RETRACTED, HEALTH, 0, "wrong_case", 1000,
	    3);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP_RATE_LIMITED, POLICE, 0, "", 1000, 4);
	add(rep, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SERIAL_PERPETRATOR, POLICE, 0, "name_dob", 1000,
	    2);
	cr_assert_eq(audit_report_total(rep, "actions", POLICE), 1);
	cr_assert_eq(audit_report_total(rep, "actions", IDVA), 1);
	cr_assert_eq(audit_report_total(rep, "action_notices", IDVA), 1, "by recipient");
	cr_assert_eq(audit_report_total(rep, "marker_escalations", POLICE), 1);
	cr_assert_eq(audit_report_total(rep, "lifecycle", POLICE), 2);
	cr_assert_eq(audit_report_total(rep, "retractions", HEALTH), 1);
	cr_assert_eq(audit_report_total(rep, "lookups_limited", POLICE), 4, "count refusals");
	cr_assert_eq(audit_report_total(rep, "serial_perpetrator", POLICE), 1);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(audit_report_write(rep, 0, f), MGW_OK);
	fclose(f);
	/* the table shows the measures with events, and names those without */
	cr_assert_not_null(strstr(buf, " retractions"), "%s", buf);
	cr_assert_not_null(strstr(buf, "No events in the period: "), "%s", buf);
	cr_assert_null(strstr(buf, " agenda_pulls "), "an empty measure's column: %s", buf);
	cr_assert_not_null(strstr(buf, " shares"), "the core columns always: %s", buf);
	free(buf);
	audit_report_free(rep);
}

Test(audit_view, a_case_query_finds_the_merge_into_it_and_its_life)
{
	Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
	char line[256];
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_MERGED;
	r.time_ms = 1782897330123LL; /* 2026-07-01T09:15:30Z */
	r.actor_node = "chair-testshire";
	r.actor_agency = POLICE;
	r.case_ref = "TS-2026-0002";
	r.to_case_ref = "TS-2026-0001";
	cr_assert(audit_record_about_case(&r, "TS-2026-0002"), "the duplicate");
	cr_assert(audit_record_about_case(&r, "TS-2026-0001"), "the case it was merged into");
	cr_assert_not(audit_record_about_case(&r, "TS-2026-0003"));
	cr_assert(audit_record_about_case(&r, ""), "no case: every record");
	cr_assert_eq(audit_lifecycle_line(&r, "TS-2026-0001", line, sizeof line), 1);
	cr_assert_str_eq(line, "2026-07-01T09:15:30Z merged by chair-testshire [police]: "
			       "TS-2026-0002 merged into this case");
	cr_assert_eq(audit_lifecycle_line(&r, "TS-2026-0002", line, sizeof line), 1);
	cr_assert_str_eq(line, "2026-07-01T09:15:30Z merged by chair-testshire [police]: "
			       "into TS-2026-0001");

	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_WITHDRAWN;
	r.to_case_ref = "";
	r.reason = "withdrawn_in_error";
	cr_assert_not(audit_record_about_case(&r, "TS-2026-0001"));
	cr_assert_eq(audit_lifecycle_line(&r, "TS-2026-0002", line, sizeof line), 1);
	cr_assert_str_eq(line, "2026-07-01T09:15:30Z withdrawn by chair-testshire [police]: "
			       "withdrawn_in_error");
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_TRANSFERRED;
	r.marac_area = "testshire";
	r.to_area = "otherton";
	r.meeting_date = "2026-07-14";
	cr_assert_eq(audit_lifecycle_line(&r, "TS-2026-0002", line, sizeof line), 1);
	cr_assert(strstr(line, "transferred by chair-testshire [police]: from testshire to "
			       "otherton (meeting 2026-07-14)"), "%s", line);
	r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED;
	cr_assert_eq(audit_lifecycle_line(&r, "TS-2026-0002", line, sizeof line), 0);
}

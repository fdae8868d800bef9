/*
 * What an auditor and a chair read (issue 13 items 5 and 6), over the real
 * gateway: a share tied to the referral of its case; `marac audit --case`
 * shows them together; refusal records say what was attempted (request,
 * area, meeting); the table shows purpose, basis and the manifest summary;
 * --from/--to take dates; CSV; the per-agency report; and the chair's
 * agenda with attendance, apologies, time slots and any other business.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(audit_report, .fini = teardown, .timeout = 240);

/* case_basic.json with its case ref replaced, as G.dir/NAME. */
static const char *case_file(const char *name, const char *case_ref)
{
	static char out[700];
	snprintf(out, sizeof out, "%s/%s", G.dir, name);
	char *t = slurp(fixture("case_basic.json"));
	cr_assert_not_null(t);
	char *p = strstr(t, "MARAC-TS-0001");
	cr_assert_not_null(p);
	FILE *f = fopen(out, "w");
	fprintf(f, "%.*s%s%s", (int)(p - t), t, case_ref, p + strlen("MARAC-TS-0001"));
	fclose(f);
	free(t);
	return out;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/* The line of text holding needle, into out. */
static const char *line_with(const char *text, const char *needle, char *out, size_t n)
{
	const char *p = strstr(text, needle);
	out[0] = 0;
	if (p == NULL)
		return out;
	while (p > text && p[-1] != '\n')
		p--;
	size_t i = 0;
	while (p[i] && p[i] != '\n' && i + 1 < n) {
		out[i] = p[i];
		i++;
	}
	out[i] = 0;
	return out;
}

Test(audit_report, case_shares_refusals_csv_report_and_the_agenda)
{
	gw_start(&G, NULL);
	static char out[262144], err[8192];
	char line[4096], meeting[16] = "";

	/* A referral: case TS-2026-0001. */
	const char *r1[] = {"refer", fixture("referral_police.json"), NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, r1), 0, "%s", err);
	cr_assert(strstr(out, "\"caseRef\": \"TS-2026-0001\""), "%s", out);
	const char *md = strstr(out, "\"meetingDate\": \"");
	cr_assert_not_null(md);
	memcpy(meeting, md + 16, 10);

	/* A transfer in from another area that repeats it: TS-2026-0002. */
	char xfer[700];
	snprintf(xfer, sizeof xfer, "%s/transfer.json", G.dir);
	char *t = slurp(fixture("referral_health.json"));
	cr_assert_not_null(t);
	char *brace = strchr(t, '{');
	cr_assert_not_null(brace);
	FILE *xf = fopen(xfer, "w");
	fprintf(xf, "{\n  \"transferIn\": true,\n  \"transferFromArea\": \"North Yorkshire\",%s",
		brace + 1);
	fclose(xf);
	free(t);
	const char *r2[] = {"refer", xfer, NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, r2), 0, "%s", err);
	cr_assert(strstr(out, "\"caseRef\": \"TS-2026-0002\""), "%s", out);
	const char *agj[] = {"agenda", "--area", "testshire", "--date", meeting, "--format", "json",
			     NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, agj), 0, "%s", err);
	cr_assert(strstr(out, "\"transferFromArea\": \"North Yorkshire\""), "%s", out);
	cr_assert(strstr(out, "\"lastCaseRef\": \"TS-2026-0001\""), "%s", out);
	cr_assert(strstr(out, "\"lastArea\": \"testshire\""), "%s", out);
	cr_assert(strstr(out, "\"repeatWindowMonths\": 12"), "%s", out);

	/* Health shares about that case, and about a case the gateway never heard of. */
	const char *s1[] = {"send", "--to", "idva", "--msg-id", "tied-1",
			    case_file("tied.json", "TS-2026-0001"), NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, s1), 0, "%s", err);
	const char *s2[] = {"send", "--to", "idva", "--msg-id", "free-1",
			    case_file("free.json", "TS-2026-0777"), NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, err, sizeof err, s2), 0, "%s", err);

	/* Refusals that name what was attempted: an agenda asked for by a non-chair,
	 * an agenda for a day the area does not meet. */
	const char *agp[] = {"agenda", "--area", "testshire", "--date", meeting, NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, agp), 1);
	const char *agbad[] = {"agenda", "--area", "testshire", "--date", "2026-11-25", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, agbad), 1);
	/* a referral to an area this gateway does not serve; research on an unknown case */
	char nowhere[700];
	snprintf(nowhere, sizeof nowhere, "%s/nowhere.json", G.dir);
	char *rt = slurp(fixture("referral_police.json"));
	cr_assert_not_null(rt);
	FILE *nf = fopen(nowhere, "w");
	fprintf(nf, "{\n  \"maracArea\": \"nowhere\",%s", strchr(rt, '{') + 1);
	fclose(nf);
	free(rt);
	const char *rn[] = {"refer", "--msg-id", "nowhere-1", nowhere, NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, rn), 1, "%s", out);
	const char *rs[] = {"research", "--case", "TS-2026-9999", NULL};
	cr_assert_eq(cli_run2(&G, "idva", out, sizeof out, err, sizeof err, rs), 1, "%s", out);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, NULL, 4), 4);

	/* The chair's agenda: attendance from the registry, apologies, slots, AOB. */
	char html[700];
	snprintf(html, sizeof html, "%s/agenda.html", G.dir);
	const char *ag[] = {"agenda", "--area", "testshire", "--date", meeting, "--out", html,
			    "--apologies", "housing,education", "--start", "09:30", "--minutes", "12",
			    "--aob", "Review of the referral pathway", "--aob", "Date of next meeting",
			    NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, ag), 0, "%s", err);
	char *page = slurp(html);
	cr_assert_not_null(page);
	cr_assert(strstr(page, "<td>Housing</td><td>Apologies</td>"), "%s", page);
	cr_assert(strstr(page, "<td>Education</td><td>Apologies</td>"), "%s", page);
	cr_assert(strstr(page, "<td>Police</td><td>Expected</td>"), "%s", page);
	cr_assert(strstr(page, "<td>IDVA service</td><td>Expected</td>"), "%s", page);
	cr_assert(strstr(page, "Cases from 09:30, 12 minutes each"), "%s", page);
	cr_assert(strstr(page, "<tr><td>09:30</td><td>TS-2026-0001</td>"), "%s", page);
	cr_assert(strstr(page, "12-month repeat window"), "the configured window: %s", page);
	cr_assert(strstr(page, "<li>Review of the referral pathway</li>"), "%s", page);
	cr_assert(strstr(page, "counter(pages)"), "page X of Y in print");
	free(page);
	/* An apology from an agency the chair names wrongly is refused here, not sent. */
	const char *agx[] = {"agenda", "--area", "testshire", "--date", meeting, "--apologies",
			     "nobody", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, agx), 2);
	cr_assert(strstr(err, "\"nobody\" is not an agency"), "%s", err);

	/* The trail: the share about the referral's case is tied to it, the other is not. */
	const char *qj[] = {"audit", "query", "--event", "share_accepted", "--json", NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, qj), 0, "%s", err);
	cr_assert_eq(count(out, "AUDIT_EVENT_SHARE_ACCEPTED"), 2, "%s", out);
	cr_assert(strstr(line_with(out, "\"tied-1\"", line, sizeof line), "\"caseKnown\":true"),
		  "%s", out);
	cr_assert_null(strstr(line_with(out, "\"free-1\"", line, sizeof line), "caseKnown"),
		       "%s", out);
	const char *qr[] = {"audit", "query", "--event", "request_refused", "--json", NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, qr), 0, "%s", err);
	line_with(out, "\"not_authorised\"", line, sizeof line);
	cr_assert(strstr(line, "\"attempted\":\"agenda_request\"") &&
			  strstr(line, "\"maracArea\":\"testshire\"") && strstr(line, meeting),
		  "the refusal names the request, area and meeting: %s", out);
	line_with(out, "\"nowhere-1\"", line, sizeof line);
	cr_assert(strstr(line, "\"attempted\":\"refer\"") && strstr(line, "\"maracArea\":\"nowhere\""),
		  "the refused referral names the area asked for: %s", out);
	line_with(out, "\"TS-2026-9999\"", line, sizeof line);
	cr_assert(strstr(line, "\"attempted\":\"research_status\""), "%s", out);
	line_with(out, "\"2026-11-25\"", line, sizeof line);
	cr_assert(strstr(line, "\"attempted\":\"agenda_request\"") &&
			  strstr(line, "\"reason\":\"invalid_request\""), "%s", out);

	/* `marac audit --case REF`: the referral and its shares together, then the table. */
	const char *qc[] = {"audit", "--case", "TS-2026-0001", NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, qc), 0, "%s", err);
	cr_assert(strstr(out, "Case TS-2026-0001\n  Referral: accepted (record "), "%s", out);
	cr_assert(strstr(out, "police-testshire [police], new, for the meeting of"), "%s", out);
	cr_assert(strstr(out, "Shares about this referral case: 1 (1 tied to the referral"), "%s",
		  out);
	cr_assert(strstr(out, ": health-testshire [health], meeting, public_task_sch1_para18, "
			      "tied to the referral\n"), "the share listed with the referral: %s", out);
	/* the table: purpose, basis, and the manifest as counts by action and ground */
	line_with(out, "delivery_committed", line, sizeof line);
	cr_assert(strstr(line, "referral") && strstr(line, "public_task_sch1_para18"), "%s", line);
	cr_assert(strstr(line, "withhold ") || strstr(line, "share "), "manifest summary: %s", line);
	line_with(out, "msg=tied-1", line, sizeof line);
	cr_assert(strstr(line, "share_accepted") && strstr(line, " meeting ") &&
			  strstr(line, "case=referral"), "%s", out);
	cr_assert_null(strstr(out, "Testperson"), "no names: %s", out);
	cr_assert_null(strstr(out, "900123"), "no phone numbers: %s", out);
	const char *qc2[] = {"audit", "--case", "TS-2026-0777", NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, qc2), 0, "%s", err);
	cr_assert(strstr(out, "Referral: none accepted by this gateway"), "%s", out);

	/* Dates for --from/--to: today's records are inside yesterday..tomorrow, none in 2020. */
	char from[16], to[16];
	time_t now = time(NULL), y = now - 86400, tm2 = now + 86400;
	struct tm tm;
	strftime(from, sizeof from, "%Y-%m-%d", gmtime_r(&y, &tm));
	strftime(to, sizeof to, "%Y-%m-%d", gmtime_r(&tm2, &tm));
	const char *csv[] = {"audit", "query", "--from", from, "--to", to, "--format", "csv", NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, csv), 0, "%s", err);
	cr_assert_eq(strncmp(out, "seq,time_utc,event,actor_node,actor_agency,", 43), 0, "%s", out);
	cr_assert_geq(count(out, "\r\n"), 20, "%s", out);
	cr_assert(strstr(out, ",share_accepted,health-testshire,health,,,TS-2026-0001,yes,tied-1,,"
			      "meeting,public_task_sch1_para18,"), "%s", out);
	const char *old[] = {"audit", "query", "--from", "2020-01-01", "--to", "2020-12-31",
			     "--format", "csv", NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, old), 0, "%s", err);
	cr_assert_eq(count(out, "\r\n"), 1, "only the header: %s", out);

	/* The per-agency report. */
	const char *rep[] = {"audit", "report", "--from", from, "--to", to, "--format", "csv",
			     NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, rep), 0, "%s", err);
	/* Health: 2 shares, 1 referral; Police: 1 referral, the chair's pulls and refusals. */
	cr_assert(strstr(out, "\r\ntotals,Health,,2,1,"), "%s", out);
	cr_assert(strstr(out, "\r\ntotals,Police,,0,1,"), "%s", out);
	cr_assert(strstr(out, "\r\nrefusals,Police,not_authorised,"), "%s", out);
	cr_assert(strstr(out, "\r\nrefusals,Police,invalid_request,"), "%s", out);
	const char *rept[] = {"audit", "report", "--from", from, "--to", to, NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, rept), 0, "%s", err);
	cr_assert(strstr(out, "Refusals by reason") && strstr(out, "Europe/London"), "%s", out);
	const char *bad[] = {"audit", "report", "--from", "31/12/2026", NULL};
	cr_assert_eq(cli_run2(&G, "auditor", out, sizeof out, err, sizeof err, bad), 2);
}

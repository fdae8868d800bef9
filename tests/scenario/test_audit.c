/*
 * The audit trail over the real gateway: who shared what with whom, each
 * delivery and receipt; the auditor's query shows exactly that; the export
 * verifies offline, and a changed byte in it is caught and named.
 */
#include <criterion/criterion.h>
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

TestSuite(audit, .fini = teardown, .timeout = 120);

static int count_lines_with(const char *text, const char *needle)
{
	int n = 0;
	for (const char *p = text; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

Test(audit, share_to_three_one_acks_one_offline_and_the_trail_says_so)
{
	gw_start(&G, "audit:\n  checkpoint_every: 5\n  checkpoint_secs: 1\n");
	char fixture[600], out[65536];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	/* health listens and acks; idva and csc stay offline. */
	char dir[700];
	snprintf(dir, sizeof dir, "%s/inbox-health", G.dir);
	const char *largs[] = {"listen", "--out", dir, "--count", "1", "--idle-exit", "15", NULL};
	pid_t l = cli_spawn(&G, "health", NULL, largs);
	usleep(500000);
	const char *sargs[] = {"send", "--to", "health,idva,childrens_social_care", "--msg-id",
			       "audit-1", fixture, NULL};
	cr_assert_eq(cli_run(&G, "police", out, sizeof out, sargs), 0, "%s", out);
	cr_assert_eq(wait_exit(l, 30), 0);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_ACKED, NULL, 1), 1);

	const char *qargs[] = {"audit", "query", "--case", "MARAC-TS-0001", "--json", NULL};
	cr_assert_eq(cli_run(&G, "auditor", out, sizeof out, qargs), 0, "%s", out);
	cr_assert_eq(count_lines_with(out, "AUDIT_EVENT_SHARE_ACCEPTED"), 1, "%s", out);
	cr_assert_eq(count_lines_with(out, "AUDIT_EVENT_DELIVERY_COMMITTED"), 3, "%s", out);
	/* The receipt is in the case's records too, with the share's msg_id. */
	cr_assert_eq(count_lines_with(out, "AUDIT_EVENT_DELIVERY_ACKED"), 1, "%s", out);
	cr_assert_eq(count_lines_with(out, "\"msgId\":\"audit-1\""), 5, "%s", out);
	cr_assert_eq(count_lines_with(out, "\"recipientNode\""), 4, "%s", out);
	/* and by node */
	const char *q2[] = {"audit", "query", "--node", "health-testshire", "--event",
			    "delivery_acked", "--json", NULL};
	cr_assert_eq(cli_run(&G, "auditor", out, sizeof out, q2), 0, "%s", out);
	cr_assert_eq(count_lines_with(out, "AUDIT_EVENT_DELIVERY_ACKED"), 1, "%s", out);
	const char *q3[] = {"audit", "query", "--node", "idva-testshire", "--event",
			    "delivery_acked", "--json", NULL};
	cr_assert_eq(cli_run(&G, "auditor", out, sizeof out, q3), 0, "%s", out);
	cr_assert_eq(count_lines_with(out, "AUDIT_EVENT_DELIVERY_ACKED"), 0, "idva was offline");
	/* Records hold ids, codes and digests: no names or phone numbers. */
	const char *q4[] = {"audit", "query", "--json", NULL};
	cr_assert_eq(cli_run(&G, "auditor", out, sizeof out, q4), 0, "%s", out);
	cr_assert_null(strstr(out, "Testperson"));
	cr_assert_null(strstr(out, "900123"));

	/* A node that is not an auditor is refused, and that is audited too. */
	cr_assert_eq(cli_run(&G, "police", out, sizeof out, q4), 1);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				"not_auditor", 1), 1);
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_AUDIT_QUERIED, NULL, 4), 4);
}

Test(audit, export_verifies_and_a_changed_byte_is_named)
{
	gw_start(&G, "audit:\n  checkpoint_every: 4\n  checkpoint_secs: 1\n");
	char fixture[600], out[8192];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	for (int i = 0; i < 3; i++) {
		char id[32];
		snprintf(id, sizeof id, "exp-%d", i);
		const char *sargs[] = {"send", "--to", "health,idva", "--msg-id", id, fixture, NULL};
		cr_assert_eq(cli_run(&G, "police", out, sizeof out, sargs), 0, "%s", out);
	}
	sleep(2); /* a time-based checkpoint covers the tail */
	char exp[700], vkey[700];
	snprintf(exp, sizeof exp, "%s/trail.mga", G.dir);
	snprintf(vkey, sizeof vkey, "%s/state/audit.vkey", G.dir);
	const char *eargs[] = {"audit", "export", "--out", exp, NULL};
	cr_assert_eq(cli_run(&G, "auditor", out, sizeof out, eargs), 0, "%s", out);
	char cmd[2400];
	snprintf(cmd, sizeof cmd, "'%s' audit verify '%s' --pubkey '%s' > '%s/v1.out' 2>&1",
		 MARAC_CLI_BIN, exp, vkey, G.dir);
	cr_assert_eq(WEXITSTATUS(system(cmd)), 0, "honest export must verify");
	/* Flip one byte in the middle of the file. */
	FILE *f = fopen(exp, "r+b");
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, n / 2, SEEK_SET);
	int c = fgetc(f);
	fseek(f, n / 2, SEEK_SET);
	fputc(c ^ 0x20, f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "'%s' audit verify '%s' --pubkey '%s' > '%s/v2.out' 2>&1",
		 MARAC_CLI_BIN, exp, vkey, G.dir);
	cr_assert_neq(WEXITSTATUS(system(cmd)), 0, "a changed byte must fail verification");
	snprintf(cmd, sizeof cmd, "%s/v2.out", G.dir);
	char *t = slurp(cmd);
	cr_assert(t && strstr(t, "NOT VERIFIED") && strstr(t, "record"), "%s", t ? t : "");
	free(t);
}

Test(audit, query_answers_are_paged_by_size_and_never_too_large)
{
	gw_start(&G, "limits:\n  max_frame_bytes: 16384\n");
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH, MARAC__V1__AGENCY__AGENCY_IDVA,
				  MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE};
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0950", "testshire");
	enum { N = 30 };
	for (int i = 0; i < N; i++) {
		char id[24];
		snprintf(id, sizeof id, "page-%d", i);
		Marac__V1__Share sh;
		make_share(&sh, id, to, 3, cs);
		Marac__V1__Frame *acc = NULL;
		cr_assert_eq(mgw_client_share(p, &sh, 15000, &acc), MGW_OK);
		codec_free(&acc->base);
	}
	codec_free(&cs->base);
	mgw_client_free(p);
	/* 30 shares x 4 records with manifests: far above one 16 KiB frame. */
	static char out[1 << 20];
	const char *q[] = {"audit", "query", "--case", "MARAC-TS-0950", "--json", NULL};
	int rc = cli_run(&G, "auditor", out, sizeof out, q);
	cr_assert_eq(rc, 0, "marac audit query failed: %.300s", out);
	cr_assert_eq(count_lines_with(out, "AUDIT_EVENT_SHARE_ACCEPTED"), N);
	cr_assert_eq(count_lines_with(out, "AUDIT_EVENT_DELIVERY_COMMITTED"), 3 * N);
}

Test(audit, auditor_requests_out_of_range_are_invalid_requests)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *a = node(&G, "auditor", err, sizeof err);
	cr_assert_not_null(a, "%s", err);
	Marac__V1__Frame *ans = NULL;
	Marac__V1__AuditQuery q = MARAC__V1__AUDIT_QUERY__INIT;
	q.from_ms = 2000;
	q.to_ms = 1000;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_AUDIT_QUERY;
	f.audit_query = &q;
	cr_assert_eq(mgw_client_request(a, &f, MARAC__V1__FRAME__BODY_AUDIT_RECORDS, NULL, 10000, &ans),
		     MGW_E_REFUSED);
	cr_assert_eq(mgw_client_last_error(a)->code, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST);
	Marac__V1__InclusionProofRequest ip = MARAC__V1__INCLUSION_PROOF_REQUEST__INIT;
	ip.seq = 1000000;
	ip.tree_size = 1000001;
	Marac__V1__Frame g = MARAC__V1__FRAME__INIT;
	g.body_case = MARAC__V1__FRAME__BODY_INCLUSION_PROOF_REQUEST;
	g.inclusion_proof_request = &ip;
	cr_assert_eq(mgw_client_request(a, &g, MARAC__V1__FRAME__BODY_PROOF, NULL, 10000, &ans),
		     MGW_E_REFUSED);
	cr_assert_eq(mgw_client_last_error(a)->code, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST);
	mgw_client_free(a);
}

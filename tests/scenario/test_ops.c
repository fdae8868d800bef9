/*
 * Operations: --check-config, SIGHUP reload of CRL and policy (build,
 * validate, swap; keep the old on error), a node revoked by a reload is
 * disconnected and refused afterwards.
 */
#include <criterion/criterion.h>
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

TestSuite(ops, .fini = teardown, .timeout = 120);

static int run_check(const char *config, char *out, size_t outlen)
{
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "'%s' --config '%s' --check-config > %s/check.out 2>&1",
		 MARAC_GATEWAY_BIN, config, G.dir);
	int rc = system(cmd);
	char p[700];
	snprintf(p, sizeof p, "%s/check.out", G.dir);
	char *t = slurp(p);
	snprintf(out, outlen, "%s", t ? t : "");
	free(t);
	return WEXITSTATUS(rc);
}

Test(ops, check_config_accepts_good_and_names_file_and_line_of_bad)
{
	gw_start(&G, NULL);
	char out[2048];
	cr_assert_eq(run_check(G.config, out, sizeof out), 0, "%s", out);
	cr_assert(strstr(out, "ok") != NULL, "%s", out);

	char bad[700];
	snprintf(bad, sizeof bad, "%s/bad.yaml", G.dir);
	FILE *f = fopen(bad, "w");
	fprintf(f, "state_dir: /tmp\nlimits:\n  max_frame_byte: 100\n");
	fclose(f);
	cr_assert_eq(run_check(bad, out, sizeof out), 1);
	cr_assert(strstr(out, "bad.yaml:3:") != NULL, "no file:line in: %s", out);
	cr_assert(strstr(out, "max_frame_byte") != NULL, "%s", out);
}

Test(ops, sighup_with_new_crl_disconnects_and_refuses_the_revoked_node)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *late = node(&G, "late", err, sizeof err);
	cr_assert_not_null(late, "late.crt must be valid before the reload: %s", err);
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s/ca.crl'", pki_file("ca-late.crl"), G.dir);
	cr_assert_eq(system(cmd), 0);
	kill(G.pid, SIGHUP);
	Marac__V1__Frame *f;
	cr_assert_eq(mgw_client_recv(late, 10000, &f), MGW_E_CLOSED);
	cr_assert_eq(mgw_client_close_status(late), 1008);
	mgw_client_free(late);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
				"cert_revoked", 1), 1);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_POLICY_LOADED, NULL, 2), 2,
		     "start and reload each record the policy in force");
}

Test(ops, sighup_with_broken_policy_keeps_the_old_one)
{
	gw_start(&G, NULL);
	char p[700];
	snprintf(p, sizeof p, "%s/policy.yaml", G.dir);
	FILE *f = fopen(p, "w");
	fprintf(f, "this: [is not, a policy\n");
	fclose(f);
	kill(G.pid, SIGHUP);
	for (int i = 0; i < 100; i++) {
		char *log = slurp(G.log);
		int seen = log && strstr(log, "reload_failed");
		free(log);
		if (seen)
			break;
		usleep(50000);
	}
	char *log = slurp(G.log);
	cr_assert(log && strstr(log, "\"reload_failed\"") && strstr(log, "\"policy\""),
		  "no reload_failed/policy in the log");
	free(log);
	/* Still serving, under the old policy. */
	char fixture[600], out[4096];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	const char *args[] = {"send", "--to", "health", fixture, NULL};
	cr_assert_eq(cli_run(&G, "police", out, sizeof out, args), 0, "%s", out);
}

/*
 * Abuse, fifth round: after the meeting (actions), the case lifecycle
 * (merge, transfer, withdraw), the CLI and the protocol text, attacked by
 * a malicious or careless node, a compromised chair or an outsider. Each
 * test fails on the gateway as it was before the fix named in its comment.
 */
#include <criterion/criterion.h>
#include <signal.h>
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

TestSuite(abuse5, .fini = teardown, .timeout = 240);

static char out[65536], err[16384];

/* Refer fixture name as node_name with msg_id (NULL: derived); the case ref into ref. */
static void refer(const char *node_name, const char *name, const char *msg_id, char ref[32])
{
	const char *a[] = {"refer", fixture(name), msg_id ? "--msg-id" : NULL, msg_id, NULL};
	cr_assert_eq(cli_run2(&G, node_name, out, sizeof out, err, sizeof err, a), 0, "%s%s", out,
		     err);
	json_str(out, "caseRef", ref, 32);
}

/* The agenda of area's meeting as JSON into out. */
static void agenda(const char *area, const char *meeting)
{
	const char *a[] = {"agenda", "--area", area, "--date", meeting, "--format", "json", NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, a), 0, "%s", err);
}

/*
 * Two agencies' referrals of one incident match each other, so the later
 * is recorded as a repeat of the earlier. A chair who kept the later one
 * (MergeCase with the earlier as the duplicate) left the surviving case a
 * repeat of itself: the agenda said "repeat, last case TS-2026-0002" on
 * TS-2026-0002's own row (and such a case never counted as lapsed). Now
 * the surviving case is matched again without the duplicate: here no
 * earlier case is left, so it is no repeat; a later referral is a repeat
 * of it.
 */
Test(abuse5, a_case_kept_over_its_earlier_duplicate_is_no_repeat_of_itself)
{
	gw_start(&G, NULL);
	char r1[32], r2[32], r3[32], meeting[16];
	refer("police", "referral_police.json", NULL, r1);
	json_str(out, "meetingDate", meeting, sizeof meeting);
	refer("health", "referral_health.json", NULL, r2);
	cr_assert(strstr(out, "\"repeat\": true"), "health's referral repeats police's: %s", out);
	const char *mg[] = {"case", "merge", r1, "--into", r2, NULL};
	cr_assert_eq(cli_run2(&G, "chair", out, sizeof out, err, sizeof err, mg), 0, "%s", err);
	cr_assert(strstr(out, "\"mergedInto\": \"TS-2026-0002\""), "%s", out);

	agenda("testshire", meeting);
	const char *row = strstr(out, "\"caseRef\": \"TS-2026-0002\"");
	cr_assert_not_null(row, "%s", out);
	cr_assert_null(strstr(out, "\"lastCaseRef\": \"TS-2026-0002\""),
		       "the case is listed as a repeat of itself: %s", out);
	cr_assert_null(strstr(row, "\"repeat\": true"), "no earlier case is left: %s", out);

	/* Another referral of the same victim (dated as police's first) finds the one case. */
	refer("police", "referral_police.json", "police-again-5", r3);
	cr_assert_str_eq(r3, "TS-2026-0003");
	cr_assert(strstr(out, "\"linkedCaseRef\": \"TS-2026-0002\""), "%s", out);
	cr_assert_null(strstr(out, "TS-2026-0001"), "the duplicate matched: %s", out);
}

/* The daemon's log holds a line with both a and b, within 5 s. */
static int wait_log(const char *a, const char *b)
{
	for (int i = 0; i < 100; i++) {
		char *l = slurp(G.log);
		for (char *p = l ? strstr(l, a) : NULL; p; p = strstr(p + 1, a)) {
			char *s = p, *e = strchr(p, '\n');
			while (s > l && s[-1] != '\n')
				s--;
			char *hit = strstr(s, b);
			if (hit && (e == NULL || hit < e)) {
				free(l);
				return 1;
			}
		}
		free(l);
		usleep(50000);
	}
	return 0;
}

/*
 * A SIGHUP reload loads the policy on the service thread, and libyaml's
 * document loader is quadratic in nesting: a policy nested 150,000 levels
 * deep (300 KB, well under the loader's 1 MiB) held every connection for
 * about 35 s before the reload failed (a 1 MiB one, minutes). Now the
 * nesting is checked first (yaml_depth.h, MGW_POLICY_MAX_DEPTH): the
 * reload fails at once naming file and line, and shares go on.
 */
Test(abuse5, a_deeply_nested_policy_fails_its_reload_without_stalling_the_gateway)
{
	gw_start(&G, NULL);
	char path[700];
	snprintf(path, sizeof path, "%s/policy.yaml", G.dir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	enum { DEEP = 150000 };
	fputs("version: 1\nrules: ", f);
	for (int i = 0; i < DEEP; i++)
		fputc('[', f);
	for (int i = 0; i < DEEP; i++)
		fputc(']', f);
	fputc('\n', f);
	fclose(f);
	kill(G.pid, SIGHUP);
	usleep(300000);
	double t0 = mono_s();
	const char *args[] = {"send", "--to", "health", fixture("case_basic.json"), NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, args), 0, "%s%s",
		     out, err);
	double took = mono_s() - t0;
	cr_assert_lt(took, 5.0, "a share waited %.1f s behind the reload", took);
	cr_assert(wait_log("\"reload_failed\"", "policy.yaml:2: nested deeper than 32 levels"),
		  "the reload must fail naming the file and line");
}

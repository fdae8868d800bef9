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

static void refer_case(void)
{
	char out[16384], err[4096], ref[32];
	const char *r1[] = {"refer", fixture("referral_police.json"), NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, r1), 0, "%s%s", out,
		     err);
	cr_assert_str_eq(json_str(out, "caseRef", ref, sizeof ref), "TS-2026-0001", "%s", out);
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
	refer_case();
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

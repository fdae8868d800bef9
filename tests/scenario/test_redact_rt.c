/*
 * Red team on the redaction over the real daemon (issue 9 items 1 and 2):
 * paths by which a value reaches agencies without passing the never-share
 * comparison of the policy. Each test fails on the gateway as it was
 * before the fix named in its comment. Synthetic data only
 * (tests/fixtures/referral_police.json: her address 1 Example Road,
 * Testtown; her phone 07700 900123).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(redact_rt, .fini = teardown, .timeout = 240);

/*
 * A transfer-in referral's transfer_from_area is printed on the agenda of
 * every attending agency when it reads as an area name and the free-text
 * recognisers find nothing but names in it. Her street written with an
 * abbreviation and her town, her street with its space lost, or her phone
 * read out in words are none of an address, a postcode or a phone to them:
 * they went on the agenda. Now her never-share values are compared too
 * (req_refer.c transfer_area_clean) and such a referral is refused.
 */
Test(redact_rt, a_transfer_area_holding_her_address_or_phone_as_it_reads_is_refused)
{
	gw_start(&G, NULL);
	char out[65536], err[8192];
	static const char *const bad[] = {"Example Rd Testtown", "Exampleroad",
					  "oh seven seven oh oh nine oh oh one two three"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char id[16];
		snprintf(id, sizeof id, "rt-bad-%zu", i);
		expect_transfer_area_refused(&G, bad[i], id);
	}
	/* her town alone is an area's name, and passes */
	static const char *const good[] = {"Testtown", "West Yorkshire"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		char id[16];
		snprintf(id, sizeof id, "rt-good-%zu", i);
		cr_assert_eq(refer_transferred_from(&G, good[i], id, out, sizeof out, err, sizeof err),
			     0, "%s refused: %s%s", good[i], out, err);
	}
}

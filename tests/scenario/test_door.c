/*
 * The door: what a registered node can make the gateway log, audit, compute
 * or hold before a request is validated. Each test is a defect of issue 10
 * and failed before its fix.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "mgw_err.h"
#include "store.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(door, .fini = teardown, .timeout = 120);

/* 1 if text occurs in any audit record of the gateway's store. */
static int in_trail(const char *text)
{
	char dir[600], err[256];
	snprintf(dir, sizeof dir, "%s/state", G.dir);
	store *s;
	if (store_open(dir, 1, &s, err, sizeof err) != MGW_OK)
		return -1;
	int found = 0;
	uint64_t size = store_audit_size(s);
	for (uint64_t i = 0; i < size && !found; i++) {
		uint8_t *b;
		size_t len;
		if (store_audit_get(s, i, &b, &len) != MGW_OK)
			continue;
		found = memmem(b, len, text, strlen(text)) != NULL;
		free(b);
	}
	store_close(s);
	return found;
}

static int in_log(const char *text)
{
	char *log = slurp(G.log);
	int yes = log && strstr(log, text);
	free(log);
	return yes;
}

static void refused(mgw_client *c, Marac__V1__Share *sh, Marac__V1__ErrorCode want)
{
	Marac__V1__Frame *acc = NULL;
	int rc = mgw_client_share(c, sh, 15000, &acc);
	cr_assert_eq(rc, MGW_E_REFUSED, "expected a refusal, got %d", rc);
	cr_assert_eq(mgw_client_last_error(c)->code, want, "got code %d: %s",
		     mgw_client_last_error(c)->code, mgw_client_last_error(c)->message);
}

Test(door, free_text_in_msg_id_or_case_ref_is_refused_and_only_digested)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	/* A case_ref carrying a victim's whereabouts. */
	const char *leak = "Alexa Testperson staying at 12 Refuge Road TS1 2AB";
	Marac__V1__CaseSummary *cs = synthetic_case(leak, "testshire");
	Marac__V1__Share sh;
	make_share(&sh, "door-1", to, 1, cs);
	refused(p, &sh, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE);
	/* A msg_id of 4 KiB of text. */
	char *big = malloc(4097);
	for (int i = 0; i < 4096; i++)
		big[i] = "Refuge-Road-TS1-"[i % 16];
	big[4096] = 0;
	codec_free(&cs->base);
	cs = synthetic_case("MARAC-TS-0700", "testshire");
	make_share(&sh, big, to, 1, cs);
	refused(p, &sh, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE);
	mgw_client_free(p);
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, NULL, 2), 2);
	cr_assert_eq(in_trail("Refuge Road"), 0, "case_ref text in the audit trail");
	cr_assert_eq(in_trail("Refuge-Road-TS1-Refuge"), 0, "msg_id text in the audit trail");
	cr_assert_eq(in_trail("sha256:"), 1, "refusals name the values by digest");
	cr_assert(!in_log("Refuge Road"), "case_ref text in the log");
	cr_assert(!in_log("Refuge-Road-TS1-Refuge"), "msg_id text in the log");
	codec_free(&cs->base);
	free(big);
}

Test(door, a_recipient_list_longer_than_the_agencies_is_refused_at_once)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	enum { N = 200000 };
	Marac__V1__Agency *to = malloc(N * sizeof *to);
	for (int i = 0; i < N; i++)
		to[i] = (Marac__V1__Agency)(1 + i % 8);
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0701", "testshire");
	Marac__V1__Share sh;
	make_share(&sh, "door-to", to, N, cs);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	refused(p, &sh, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_assert_lt(s, 2.0, "200,000 recipients took %.1f s to refuse", s);
	/* Repeats of one agency are one recipient. */
	Marac__V1__Agency twice[] = {MARAC__V1__AGENCY__AGENCY_HEALTH, MARAC__V1__AGENCY__AGENCY_HEALTH};
	make_share(&sh, "door-twice", twice, 2, cs);
	Marac__V1__Frame *acc = NULL;
	cr_assert_eq(mgw_client_share(p, &sh, 15000, &acc), MGW_OK);
	cr_assert_eq(acc->share_accepted->n_deliveries, 1);
	codec_free(&acc->base);
	codec_free(&cs->base);
	free(to);
	mgw_client_free(p);
}

Test(door, a_share_whose_view_would_not_fit_a_frame_is_refused_typed)
{
	gw_start(&G, "limits:\n  max_frame_bytes: 8192\n");
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0702", "testshire");
	/* A narrative that brings the Share just under the cap: the Deliver,
	 * with the gateway's envelope and manifest, would be above it. */
	codec_mfree(cs->narrative);
	cs->narrative = NULL;
	Marac__V1__Share probe;
	make_share(&probe, "door-big", to, 1, cs);
	size_t n = 8192 - 40 - protobuf_c_message_get_packed_size(&probe.base);
	cs->narrative = codec_malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		cs->narrative[i] = "The victim reports threats. "[i % 28];
	cs->narrative[n] = 0;
	Marac__V1__Share sh;
	make_share(&sh, "door-big", to, 1, cs);
	size_t packed = protobuf_c_message_get_packed_size(&sh.base);
	cr_assert_lt(packed + 16, 8192u, "the share itself must fit (%zu)", packed);
	Marac__V1__Frame *acc = NULL;
	int rc = mgw_client_share(p, &sh, 15000, &acc);
	if (rc == MGW_OK) {
		codec_free(&acc->base);
		/* Accepted: then health must be able to receive it. */
		mgw_client_free(p);
		mgw_client *h = node(&G, "health", err, sizeof err);
		cr_assert_not_null(h, "%s", err);
		Marac__V1__Frame *f = NULL;
		cr_assert_eq(mgw_client_recv(h, 5000, &f), MGW_OK,
			     "an accepted share health can never receive");
		codec_free(&f->base);
		mgw_client_free(h);
	} else {
		cr_assert_eq(rc, MGW_E_REFUSED);
		cr_assert_eq(mgw_client_last_error(p)->code,
			     MARAC__V1__ERROR_CODE__ERROR_CODE_VIEW_TOO_LARGE, "%s",
			     mgw_client_last_error(p)->message);
		mgw_client_free(p);
		cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SHARE_ACCEPTED, NULL), 0);
	}
	codec_free(&cs->base);
}

Test(door, a_case_with_thousands_of_people_is_refused_typed_and_cheaply)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *p = node(&G, "police", err, sizeof err);
	cr_assert_not_null(p, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH,
				  MARAC__V1__AGENCY__AGENCY_EDUCATION};
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0703", "testshire");
	/* 5,000 third parties, each a name to scrub for every recipient (one
	 * such share once cost 1.2 GB and stalled every commit) */
	enum { N = 5000 };
	cs->others = codec_malloc(N * sizeof *cs->others);
	cs->n_others = N;
	for (size_t i = 0; i < N; i++) {
		Marac__V1__Person *o = codec_malloc(sizeof *o);
		marac__v1__person__init(o);
		char name[40];
		snprintf(name, sizeof name, "Witness Number%zu", i);
		o->full_name = codec_strdup(name);
		o->role = MARAC__V1__PERSON_ROLE__PERSON_ROLE_WITNESS;
		cs->others[i] = o;
	}
	Marac__V1__Share sh;
	make_share(&sh, "door-people", to, 2, cs);
	refused(p, &sh, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE);
	cr_assert(strstr(mgw_client_last_error(p)->message, "persons"), "%s",
		  mgw_client_last_error(p)->message);
	/* the gateway still serves */
	codec_free(&cs->base);
	cs = synthetic_case("MARAC-TS-0704", "testshire");
	make_share(&sh, "door-people-2", to, 2, cs);
	Marac__V1__Frame *acc = NULL;
	cr_assert_eq(mgw_client_share(p, &sh, 15000, &acc), MGW_OK);
	codec_free(&acc->base);
	codec_free(&cs->base);
	mgw_client_free(p);
}

/*
 * A share's lawful basis is checked against the sending agency and the
 * summary's consent, as a referral's is (issue 13): health may not claim
 * the police's law-enforcement basis; consent is no basis when the victim
 * did not consent. The right basis is accepted.
 */
Test(door, a_share_on_a_basis_the_agency_may_not_claim_is_refused)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *h = node(&G, "health", err, sizeof err);
	cr_assert_not_null(h, "%s", err);
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_IDVA};
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0702", "testshire");
	Marac__V1__Share sh;
	make_share(&sh, "door-basis-1", to, 1, cs);
	sh.lawful_basis = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_LAW_ENFORCEMENT_SCH8_PARA4;
	refused(h, &sh, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE);
	cr_assert(strstr(mgw_client_last_error(h)->message, "lawful_basis"), "%s",
		  mgw_client_last_error(h)->message);
	make_share(&sh, "door-basis-2", to, 1, cs);
	sh.lawful_basis = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_CONSENT;
	cs->consent_given = MARAC__V1__ANSWER__ANSWER_NO;
	refused(h, &sh, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_SHARE);
	cs->consent_given = MARAC__V1__ANSWER__ANSWER_YES;
	make_share(&sh, "door-basis-3", to, 1, cs);
	sh.lawful_basis = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_CONSENT;
	Marac__V1__Frame *acc = NULL;
	cr_assert_eq(mgw_client_share(h, &sh, 15000, &acc), MGW_OK, "%s",
		     mgw_client_last_error(h) ? mgw_client_last_error(h)->message : "");
	codec_free(&acc->base);
	mgw_client_free(h);
	cr_assert_geq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				 "lawful_basis", 2), 2);
	codec_free(&cs->base);
}

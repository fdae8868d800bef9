/*
 * Flags to the owning agencies and the point-of-call lookup over the real
 * gateway (issue 12 items 3 and 4).
 *
 * Flags: police refers Alexa (TS-2026-0001); health, which knows nothing
 * of the MARAC case, later shares a case of its own about the same woman.
 * Police (the referring agency) and the IDVA service are told by a Flag,
 * even though both were offline when it happened: which case, that health
 * touched it, when, on which kinds of identifier, and nothing of what
 * health shared. Health itself, and housing, get no flag. The flag history
 * is police's to read, not housing's; both reads are audited.
 *
 * Lookup: the control room types the phone as the caller says it, not as
 * police stored it, and finds the open case with its risk, contact and
 * agencies; an NHS number and a name with a day-first DOB find it too; an
 * unknown number is a miss; a node without the lookup role is refused and
 * audited; a control room asking too fast is refused RATE_LIMITED, with
 * one aggregated record for the flood.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codec.h"
#include "harness.h"
#include "mgw_err.h"
#include "store.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(lookup, .fini = teardown, .timeout = 180);

/* Police refers the fixture's victim: TS-2026-0001. */
static void police_refers(void)
{
	char out[65536], err[4096];
	const char *r1[] = {"refer", fixture("referral_police.json"), NULL};
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, r1), 0, "%s%s", out,
		     err);
	cr_assert(strstr(out, "\"caseRef\": \"TS-2026-0001\""), "%s", out);
}

/* The next Flag frame c receives within ms, or NULL. Other frames are dropped. */
static Marac__V1__Frame *next_flag(mgw_client *c, int ms)
{
	for (int waited = 0; waited < ms; waited += 250) {
		Marac__V1__Frame *f = NULL;
		int rc = mgw_client_recv(c, 250, &f);
		if (rc == MGW_E_TIMEOUT)
			continue;
		cr_assert_eq(rc, MGW_OK, "recv: %d", rc);
		if (f->body_case == MARAC__V1__FRAME__BODY_FLAG)
			return f;
		codec_free(&f->base);
	}
	return NULL;
}

static int has_kind(const Marac__V1__Flag *fl, const char *kind)
{
	for (size_t i = 0; i < fl->n_matched_on; i++)
		if (strcmp(fl->matched_on[i], kind) == 0)
			return 1;
	return 0;
}

/*
 * A raw byte search over a packed frame: no identifier or content may appear.
 * A Flag's flag_id is 32 random lower-case hex digits (asserted), which can
 * hold "1990" by chance (about 1 in 2,300 flags): it is left out of the search.
 */
static void assert_no_content(Marac__V1__Frame *f)
{
	uint8_t *buf;
	size_t len;
	char *flag_id = NULL;
	if (f->body_case == MARAC__V1__FRAME__BODY_FLAG) {
		flag_id = f->flag->flag_id;
		cr_assert_eq(strlen(flag_id), 32, "flag_id %s", flag_id);
		cr_assert_eq(strspn(flag_id, "0123456789abcdef"), 32, "flag_id %s", flag_id);
		f->flag->flag_id = (char *)"";
	}
	int rc = codec_pack(&f->base, &buf, &len);
	if (flag_id != NULL)
		f->flag->flag_id = flag_id;
	cr_assert_eq(rc, MGW_OK);
	static const char *const secrets[] = {"Alexa", "Testperson", "900123", "1990",
					      "Synthetic narrative", "H-2026-77"};
	for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++)
		cr_assert_null(memmem(buf, len, secrets[i], strlen(secrets[i])),
			       "the flag carries \"%s\"", secrets[i]);
	free(buf);
}

Test(lookup, a_share_about_a_victim_with_an_open_case_flags_the_referrer_and_the_idva)
{
	gw_start(&G, NULL);
	char err[512];
	police_refers();

	/* Health shares its own case about the same woman with housing. Police
	 * and IDVA are offline. */
	mgw_client *health = node(&G, "health", err, sizeof err);
	cr_assert_not_null(health, "%s", err);
	Marac__V1__CaseSummary *cs = synthetic_case("H-2026-77", "testshire");
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HOUSING};
	Marac__V1__Share sh;
	make_share(&sh, "health-share-1", to, 1, cs);
	Marac__V1__Frame *acc = NULL;
	cr_assert_eq(mgw_client_share(health, &sh, 10000, &acc), MGW_OK);
	codec_free(&acc->base);
	codec_free(&cs->base);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FLAG_RAISED, "share", 1), 1);

	/* Police connects later and gets the flag: case, who, when, kinds only. */
	mgw_client *police = node(&G, "police", err, sizeof err);
	cr_assert_not_null(police, "%s", err);
	Marac__V1__Frame *f = next_flag(police, 5000);
	cr_assert_not_null(f, "police (the referring agency) got no flag");
	const Marac__V1__Flag *fl = f->flag;
	cr_assert_str_eq(fl->case_ref, "TS-2026-0001");
	cr_assert_str_eq(fl->marac_area, "testshire");
	cr_assert_eq(fl->touched_by_agency, MARAC__V1__AGENCY__AGENCY_HEALTH);
	cr_assert_str_eq(fl->touched_by_node, "health-testshire");
	cr_assert_str_eq(fl->via, "share");
	cr_assert(fl->touched_at_ms > 0);
	cr_assert(has_kind(fl, "phone") && has_kind(fl, "name_dob"), "kinds: %zu",
		  fl->n_matched_on);
	assert_no_content(f);
	char flag_id[40];
	snprintf(flag_id, sizeof flag_id, "%s", fl->flag_id);
	uint64_t seq = fl->seq;
	codec_free(&f->base);

	/* Not acknowledged: a new connection gets it again; acknowledged: never again. */
	mgw_client_free(police);
	police = node(&G, "police", err, sizeof err);
	cr_assert_not_null(police, "%s", err);
	f = next_flag(police, 5000);
	cr_assert_not_null(f, "an unacknowledged flag is sent again");
	cr_assert_str_eq(f->flag->flag_id, flag_id);
	codec_free(&f->base);
	cr_assert_eq(mgw_client_ack(police, flag_id, seq), MGW_OK);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FLAG_ACKED, NULL, 1), 1);
	mgw_client_free(police);
	police = node(&G, "police", err, sizeof err);
	cr_assert_not_null(police, "%s", err);
	f = next_flag(police, 1500);
	cr_assert_null(f, "an acknowledged flag came back");

	/* The IDVA service is told too; health (who touched it) and housing are not. */
	mgw_client *idva = node(&G, "idva", err, sizeof err);
	cr_assert_not_null(idva, "%s", err);
	f = next_flag(idva, 5000);
	cr_assert_not_null(f, "the IDVA got no flag");
	cr_assert_str_eq(f->flag->case_ref, "TS-2026-0001");
	cr_assert_str_neq(f->flag->flag_id, flag_id, "a flag id per recipient node");
	assert_no_content(f);
	codec_free(&f->base);
	mgw_client *housing = node(&G, "housing", err, sizeof err);
	cr_assert_not_null(housing, "%s", err);
	cr_assert_null(next_flag(housing, 1000), "housing owns nothing here");
	cr_assert_null(next_flag(health, 500), "the toucher is not flagged about itself");

	/* Flag history: police reads who touched its case; housing may not. */
	Marac__V1__FlagHistoryRequest hq = MARAC__V1__FLAG_HISTORY_REQUEST__INIT;
	hq.case_ref = "TS-2026-0001";
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	req.body_case = MARAC__V1__FRAME__BODY_FLAG_HISTORY_REQUEST;
	req.flag_history_request = &hq;
	cr_assert_eq(mgw_client_request(police, &req, MARAC__V1__FRAME__BODY_FLAG_HISTORY, NULL,
					10000, &res),
		     MGW_OK);
	cr_assert_eq(res->flag_history->n_entries, 1);
	cr_assert_eq(res->flag_history->entries[0]->agency, MARAC__V1__AGENCY__AGENCY_HEALTH);
	cr_assert_str_eq(res->flag_history->entries[0]->node, "health-testshire");
	codec_free(&res->base);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FLAG_HISTORY_READ, NULL, 1),
		     1);
	cr_assert_eq(mgw_client_request(housing, &req, MARAC__V1__FRAME__BODY_FLAG_HISTORY, NULL,
					10000, &res),
		     MGW_E_REFUSED);
	cr_assert_eq(mgw_client_last_error(housing)->code,
		     MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED);

	/* The same share again (a duplicate) raises no second flag. */
	cs = synthetic_case("H-2026-77", "testshire");
	make_share(&sh, "health-share-1", to, 1, cs);
	cr_assert_eq(mgw_client_share(health, &sh, 10000, &acc), MGW_OK);
	cr_assert(acc->share_accepted->duplicate);
	codec_free(&acc->base);
	codec_free(&cs->base);
	usleep(300000);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FLAG_RAISED, NULL), 1);

	/* A referral touches it too: health refers the same woman (phone written
	 * "(07700) 900-123"); her new case TS-2026-0002 is not flagged about itself. */
	char out[65536], e2[4096];
	const char *r2[] = {"refer", fixture("referral_health.json"), NULL};
	cr_assert_eq(cli_run2(&G, "health", out, sizeof out, e2, sizeof e2, r2), 0, "%s%s", out, e2);
	cr_assert(strstr(out, "\"caseRef\": \"TS-2026-0002\""), "%s", out);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FLAG_RAISED, "referral", 1),
		     1);
	f = next_flag(police, 5000);
	cr_assert_not_null(f, "the referral's flag reaches a connected police node at once");
	cr_assert_str_eq(f->flag->case_ref, "TS-2026-0001");
	cr_assert_str_eq(f->flag->via, "referral");
	assert_no_content(f);
	codec_free(&f->base);
	cr_assert_eq(mgw_client_request(police, &req, MARAC__V1__FRAME__BODY_FLAG_HISTORY, NULL,
					10000, &res),
		     MGW_OK);
	cr_assert_eq(res->flag_history->n_entries, 2);
	cr_assert_str_eq(res->flag_history->entries[0]->via, "referral", "newest first");
	codec_free(&res->base);

	mgw_client_free(police);
	mgw_client_free(idva);
	mgw_client_free(housing);
	mgw_client_free(health);

	/* Durable: the IDVA never acknowledged; after a restart both flags are still there. */
	cr_assert_eq(gw_stop(&G), 0);
	gw_restart(&G);
	idva = node(&G, "idva", err, sizeof err);
	cr_assert_not_null(idva, "%s", err);
	int seen = 0;
	while ((f = next_flag(idva, 3000)) != NULL) {
		cr_assert_str_eq(f->flag->case_ref, "TS-2026-0001");
		seen++;
		codec_free(&f->base);
	}
	cr_assert_eq(seen, 2, "the share's and the referral's flags: %d", seen);
	mgw_client_free(idva);
}

Test(lookup, a_control_room_finds_the_case_with_the_phone_written_differently)
{
	gw_start(&G, NULL);
	char out[16384], err[4096];
	police_refers();

	/* Police stored "07700 900123"; the caller's number shows as +44... */
	const char *l1[] = {"lookup", "--phone", "+44 (0) 7700-900123", NULL};
	cr_assert_eq(cli_run2(&G, "control", out, sizeof out, err, sizeof err, l1), 0, "%s%s", out,
		     err);
	cr_assert(strstr(out, "\"found\": true"), "%s", out);
	cr_assert(strstr(out, "\"caseRef\": \"TS-2026-0001\""), "%s", out);
	cr_assert(strstr(out, "\"riskLevel\": \"RISK_LEVEL_HIGH\""), "%s", out);
	cr_assert(strstr(out, "\"lastHeard\": \"2026-08-03\""), "%s", out);
	cr_assert(strstr(out, "Testshire MARAC coordinator, 01632 960000"), "%s", out);
	cr_assert(strstr(out, "\"AGENCY_POLICE\""), "%s", out);
	cr_assert(strstr(out, "\"phone\""), "%s", out);
	cr_assert_null(strstr(out, "Alexa"), "nothing but the case's markers: %s", out);
	cr_assert_null(strstr(out, "Fictional"), "%s", out);
	cr_assert(strstr(err, "open MARAC case TS-2026-0001"), "%s", err);

	/* An NHS number with spaces, and a name in capitals with a day-first DOB. */
	const char *l2[] = {"lookup", "--nhs", "999 123 4578", NULL};
	cr_assert_eq(cli_run2(&G, "control", out, sizeof out, err, sizeof err, l2), 0, "%s", err);
	cr_assert(strstr(out, "\"caseRef\": \"TS-2026-0001\""), "%s", out);
	const char *l3[] = {"lookup", "--name", "TESTPERSON, Alexa", "--dob", "01/04/1990", NULL};
	cr_assert_eq(cli_run2(&G, "control", out, sizeof out, err, sizeof err, l3), 0, "%s", err);
	cr_assert(strstr(out, "\"caseRef\": \"TS-2026-0001\""), "%s", out);
	cr_assert(strstr(out, "\"name_dob\""), "%s", out);

	/* Someone else: a miss, not an error. */
	const char *l4[] = {"lookup", "--phone", "07700 900999", NULL};
	cr_assert_eq(cli_run2(&G, "control", out, sizeof out, err, sizeof err, l4), 0, "%s", err);
	cr_assert_null(strstr(out, "TS-2026-0001"), "%s", out);
	cr_assert(strstr(err, "no open MARAC case"), "%s", err);

	/* Not a phone number: the operator is told, and nothing is looked up. */
	const char *l5[] = {"lookup", "--phone", "12345", NULL};
	cr_assert_eq(cli_run2(&G, "control", out, sizeof out, err, sizeof err, l5), 1);
	cr_assert(strstr(err, "ERROR_CODE_INVALID_REQUEST"), "%s", err);

	/* Every lookup audited: three hits, one miss (the digest, never the number). */
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP, "hit", 3), 3);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP, "miss", 1), 1);

	/* Police's case node has no lookup role: refused and audited. */
	int before = audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				 "not_authorised");
	cr_assert_eq(cli_run2(&G, "police", out, sizeof out, err, sizeof err, l1), 1);
	cr_assert(strstr(err, "ERROR_CODE_NOT_AUTHORISED"), "%s", err);
	cr_assert_null(strstr(out, "TS-2026-0001"), "%s", out);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				"not_authorised", before + 1),
		     before + 1);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP, NULL), 4);
}

/* The sum of AuditRecord.count over the records of event in the gateway's store. */
static uint64_t audit_count_sum(int event)
{
	char dir[600], err[256];
	snprintf(dir, sizeof dir, "%s/state", G.dir);
	store *st;
	cr_assert_eq(store_open(dir, 1, &st, err, sizeof err), MGW_OK, "%s", err);
	uint64_t sum = 0, size = store_audit_size(st);
	for (uint64_t i = 0; i < size; i++) {
		uint8_t *b;
		size_t len;
		ProtobufCMessage *m;
		if (store_audit_get(st, i, &b, &len) != MGW_OK)
			continue;
		if (codec_unpack(&marac__v1__audit_record__descriptor, b, len, len, &m) == MGW_OK) {
			const Marac__V1__AuditRecord *r = (const Marac__V1__AuditRecord *)m;
			if ((int)r->event == event)
				sum += r->count;
			codec_free(m);
		}
		free(b);
	}
	store_close(st);
	return sum;
}

static int lookup_once(mgw_client *c, const char *phone, int *code)
{
	Marac__V1__LookupRequest q = MARAC__V1__LOOKUP_REQUEST__INIT;
	q.phone = (char *)phone;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	req.body_case = MARAC__V1__FRAME__BODY_LOOKUP_REQUEST;
	req.lookup_request = &q;
	int rc = mgw_client_request(c, &req, MARAC__V1__FRAME__BODY_LOOKUP_RESULT, NULL, 10000,
				    &res);
	*code = 0;
	if (rc == MGW_OK)
		codec_free(&res->base);
	else if (rc == MGW_E_REFUSED)
		*code = mgw_client_last_error(c)->code;
	return rc;
}

Test(lookup, a_control_room_asking_too_fast_is_rate_limited_and_audited_once)
{
	gw_start(&G, "lookup:\n  per_minute: 6\n  burst: 3\n");
	char err[512];
	police_refers();
	mgw_client *c = node(&G, "control", err, sizeof err);
	cr_assert_not_null(c, "%s", err);
	int code, ok = 0, limited = 0;
	for (int i = 0; i < 10; i++) {
		int rc = lookup_once(c, "07700 900123", &code);
		if (rc == MGW_OK)
			ok++;
		else if (rc == MGW_E_REFUSED && code == MARAC__V1__ERROR_CODE__ERROR_CODE_RATE_LIMITED)
			limited++;
	}
	cr_assert_eq(ok, 3, "the burst is answered: %d", ok);
	cr_assert_eq(limited, 7, "the rest is refused RATE_LIMITED: %d", limited);
	/* One record for the flood (the first refusal), not seven. */
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP_RATE_LIMITED, NULL, 1),
		     1);
	usleep(300000);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP_RATE_LIMITED, NULL),
		     1);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP, NULL), 3);
	/* Another node's bucket is its own: the chair is refused for its role, not its rate. */
	mgw_client *chair = node(&G, "chair", err, sizeof err);
	cr_assert_not_null(chair, "%s", err);
	cr_assert_eq(lookup_once(chair, "07700 900123", &code), MGW_E_REFUSED);
	cr_assert_eq(code, MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED);
	/* Tokens come back with time: 6 a minute is one per 10 s. */
	sleep(10);
	cr_assert_eq(lookup_once(c, "07700 900123", &code), MGW_OK);
	mgw_client_free(chair);
	mgw_client_free(c);
	/* The rest of the flood is recorded too, as one record with its count
	 * (the tick's, once the minute is up; here the stop's). */
	cr_assert_eq(gw_stop(&G), 0);
	cr_assert_eq(audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP_RATE_LIMITED, NULL),
		     2);
	cr_assert_eq(audit_count_sum(MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP_RATE_LIMITED), 7);
}

/* The error code c gets for a CloseCase of case_ref. */
static int close_code(mgw_client *c, const char *case_ref)
{
	Marac__V1__CloseCase q = MARAC__V1__CLOSE_CASE__INIT;
	q.case_ref = (char *)case_ref;
	q.reason = MARAC__V1__CASE_END_REASON__CASE_END_REASON_RISK_REDUCED;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	req.body_case = MARAC__V1__FRAME__BODY_CLOSE_CASE;
	req.close_case = &q;
	int rc = mgw_client_request(c, &req, MARAC__V1__FRAME__BODY_CASE_UPDATED, NULL, 10000,
				    &res);
	if (rc == MGW_OK) {
		codec_free(&res->base);
		return 0;
	}
	cr_assert_eq(rc, MGW_E_REFUSED, "rc %d", rc);
	return mgw_client_last_error(c)->code;
}

/*
 * A control room does lookups and nothing else, and the other request
 * kinds tell it nothing either: a CloseCase of an existing case and of a
 * made-up one are refused alike (not UNKNOWN_CASE for one of them, which
 * would let it test case refs one by one). The auditor likewise.
 */
Test(lookup, a_lookup_certificate_cannot_tell_existing_cases_by_closing_them)
{
	gw_start(&G, NULL);
	char err[512];
	police_refers();
	const char *who[] = {"control", "auditor"};
	for (size_t i = 0; i < 2; i++) {
		mgw_client *c = node(&G, who[i], err, sizeof err);
		cr_assert_not_null(c, "%s", err);
		int exists = close_code(c, "TS-2026-0001"), made_up = close_code(c, "TS-2026-0999");
		cr_assert_eq(exists, MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED, "%s: %d",
			     who[i], exists);
		cr_assert_eq(made_up, exists, "%s: a made-up case ref is answered %d, a real one %d",
			     who[i], made_up, exists);
		mgw_client_free(c);
	}
}

/*
 * More flags than one send (MGW_FLAG_SEND_MAX, 64): health touches police's
 * case 70 times while police is offline. Police connects and acknowledges
 * each flag as it comes: all 70 reach it on that connection (its acks
 * bring the next ones), not only the first 64.
 */
Test(lookup, every_pending_flag_reaches_a_connected_node_not_only_the_first_send)
{
	gw_start(&G, NULL);
	char err[512];
	police_refers();
	mgw_client *health = node(&G, "health", err, sizeof err);
	cr_assert_not_null(health, "%s", err);
	Marac__V1__CaseSummary *cs = synthetic_case("H-2026-77", "testshire");
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HOUSING};
	enum { N = 70 };
	for (int i = 0; i < N; i++) {
		char id[24];
		snprintf(id, sizeof id, "touch-%d", i);
		Marac__V1__Share sh;
		make_share(&sh, id, to, 1, cs);
		Marac__V1__Frame *acc = NULL;
		cr_assert_eq(mgw_client_share(health, &sh, 10000, &acc), MGW_OK);
		codec_free(&acc->base);
	}
	codec_free(&cs->base);
	mgw_client_free(health);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FLAG_RAISED, "share", N),
		     N);
	mgw_client *police = node(&G, "police", err, sizeof err);
	cr_assert_not_null(police, "%s", err);
	int got = 0;
	for (Marac__V1__Frame *f; got < N && (f = next_flag(police, 5000)) != NULL; got++) {
		cr_assert_eq(mgw_client_ack(police, f->flag->flag_id, f->flag->seq), MGW_OK);
		codec_free(&f->base);
	}
	cr_assert_eq(got, N, "%d of %d flags reached the connected node", got, N);
	mgw_client_free(police);
}

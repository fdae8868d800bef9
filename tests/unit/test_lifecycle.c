/*
 * test_lifecycle.c: the case lifecycle over the cases and match tables
 * (cases.h: withdraw, close, merge, transfer) and retraction over the store
 * (store_retract.h: purge, queue, pending, confirm).
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cases.h"
#include "codec.h"
#include "match.h"
#include "mgw_err.h"
#include "store.h"
#include "store_retract.h"

static sqlite3 *db;

static void setup(void)
{
	cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(match_schema(db), MGW_OK);
	cr_assert_eq(cases_schema(db), MGW_OK, "%s", sqlite3_errmsg(db));
}

static void teardown(void)
{
	if (db)
		cr_assert_eq(sqlite3_close(db), SQLITE_OK, "a statement was left open");
	db = NULL;
}

TestSuite(life, .init = setup, .fini = teardown);

#define MEETING "2026-03-10"
#define IN_ERROR MARAC__V1__CASE_END_REASON__CASE_END_REASON_WITHDRAWN_IN_ERROR
#define RISK_REDUCED MARAC__V1__CASE_END_REASON__CASE_END_REASON_RISK_REDUCED
#define HEALTH MARAC__V1__AGENCY__AGENCY_HEALTH
#define IDVA MARAC__V1__AGENCY__AGENCY_IDVA

/* A victim key whose MAC is 32 bytes of b (the MAC's value does not matter here). */
static struct match_key key(uint8_t b, int kind)
{
	struct match_key k;
	memset(k.hmac, b, sizeof k.hmac);
	k.party = MATCH_VICTIM;
	k.kind = (uint8_t)kind;
	return k;
}

/* A case of area referred on date, with victim keys of bytes b[0..n), on MEETING's agenda. */
static void add_case(const char *ref, const char *area, const char *date, const uint8_t *b,
		     size_t n)
{
	struct match_key ks[4];
	for (size_t i = 0; i < n; i++)
		ks[i] = key(b[i], i == 0 ? MATCH_KIND_PHONE : MATCH_KIND_NHS);
	struct match_keys k = {.keys = ks, .n = n, .n_victim = n};
	cr_assert_eq(match_record(db, ref, area, date, &k), MGW_OK);
	struct case_row r = {
		.case_ref = ref,
		.area = area,
		.referral_date = date,
		.referring_agency = MARAC__V1__AGENCY__AGENCY_POLICE,
		.referring_node = "police-testshire",
		.route = MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_VISIBLE_HIGH_RISK,
		.score = 15,
		.level = MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH,
		.meeting_date = MEETING,
		.created_ms = 1767225600000,
	};
	cr_assert_eq(cases_insert(db, &r), MGW_OK);
}

/* The case refs a referral dated date with the key of byte b matches as repeats, joined by ','. */
static const char *repeats_of(uint8_t b, const char *date)
{
	static char buf[256];
	struct match_key k1 = key(b, MATCH_KIND_NHS);
	struct match_keys k = {.keys = &k1, .n = 1, .n_victim = 1};
	struct match_result r;
	cr_assert_eq(match_query(db, &k, date, 12, NULL, &r), MGW_OK);
	buf[0] = 0;
	for (size_t i = 0; i < r.n_previous; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s@%s", i ? "," : "",
			 r.previous[i].case_ref, r.previous[i].marac_area);
	match_result_free(&r);
	return buf;
}

/* The agenda's rows of area as "REF[+origin][<merged...]" joined by ' '. */
static const char *rows_of(const char *area)
{
	static char buf[512];
	Marac__V1__Agenda *a = NULL;
	int attending[] = {HEALTH, IDVA};
	cr_assert_eq(cases_agenda(db, area, MEETING, NULL, 12, attending, 2, NULL, &a), MGW_OK);
	buf[0] = 0;
	Marac__V1__AgendaRow **sec[2] = {a->cases_with_children, a->adult_only_cases};
	size_t n[2] = {a->n_cases_with_children, a->n_adult_only_cases};
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < n[s]; i++) {
			const Marac__V1__AgendaRow *r = sec[s][i];
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", buf[0] ? " " : "",
				 r->case_ref);
			if (r->origin_area[0])
				snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "+%s%s",
					 r->origin_area, r->transfer_in ? "" : "(no transfer_in!)");
			for (size_t m = 0; m < r->n_merged_case_refs; m++)
				snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "<%s",
					 r->merged_case_refs[m]);
			for (size_t m = 0; m < r->n_research; m++)
				if (r->research[m]->agency == HEALTH && r->research[m]->done)
					snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "!h");
		}
	codec_free(&a->base);
	return buf;
}

Test(life, withdrawn_case_leaves_matching_and_agenda_closed_case_only_the_agenda)
{
	const uint8_t a[] = {1}, b[] = {2};
	add_case("TS-2026-0001", "testshire", "2026-02-01", a, 1);
	add_case("TS-2026-0002", "testshire", "2026-02-02", b, 1);
	cr_assert_str_eq(rows_of("testshire"), "TS-2026-0001 TS-2026-0002");

	cr_assert_eq(cases_end(db, "TS-2026-0001", IN_ERROR, 12, "police-testshire", 1), MGW_OK);
	cr_assert_eq(cases_end(db, "TS-2026-0002", RISK_REDUCED, 12, "chair-testshire", 2), MGW_OK);
	cr_assert_str_eq(rows_of("testshire"), "", "neither is on the agenda");
	cr_assert_str_eq(repeats_of(1, "2026-03-01"), "", "withdrawn: forgotten");
	cr_assert_str_eq(repeats_of(2, "2026-03-01"), "TS-2026-0002@testshire",
			 "closed: still an earlier case");

	struct case_state cs;
	cr_assert_eq(cases_state(db, "TS-2026-0001", &cs), MGW_OK);
	cr_assert_eq(cs.status, MARAC__V1__CASE_STATUS__CASE_STATUS_WITHDRAWN);
	cr_assert_eq(cs.reason, IN_ERROR);
	cr_assert_eq(cases_state(db, "TS-2026-0002", &cs), MGW_OK);
	cr_assert_eq(cs.status, MARAC__V1__CASE_STATUS__CASE_STATUS_CLOSED);

	cr_assert_eq(cases_end(db, "TS-2026-0002", IN_ERROR, 12, "x", 3), MGW_E_CONFLICT);
	cr_assert_eq(cases_end(db, "TS-2026-9999", IN_ERROR, 12, "x", 3), MGW_E_NOTFOUND);
	cr_assert_eq(cases_end(db, "TS-2026-0002", 99, 12, "x", 3), MGW_E_INVALID);
	cr_assert_eq(cases_reason_kind(IN_ERROR), 1);
	cr_assert_eq(cases_reason_kind(RISK_REDUCED), 2);
	cr_assert_eq(cases_reason_kind(0), 0);
	cr_assert_str_eq(cases_reason_name(RISK_REDUCED), "risk_reduced");
}

/* repeat flag, previous case and its date of ref, as "1:PREV@DATE" or "0". */
static const char *repeat_of(const char *ref)
{
	static char buf[64];
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT repeat, prev_case_ref, last_referral_date"
					    " FROM mcase WHERE case_ref = ?1", -1, &st, NULL),
		     SQLITE_OK);
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	if (sqlite3_column_int(st, 0))
		snprintf(buf, sizeof buf, "1:%s@%s", sqlite3_column_text(st, 1),
			 sqlite3_column_text(st, 2));
	else
		snprintf(buf, sizeof buf, "0%s", sqlite3_column_type(st, 1) == SQLITE_NULL ? "" : "!");
	sqlite3_finalize(st);
	return buf;
}

Test(life, repeats_of_a_withdrawn_referral_are_matched_again_without_it)
{
	const uint8_t k1[] = {1}, k5[] = {5};
	add_case("TS-2026-0001", "testshire", "2026-01-10", k1, 1);
	add_case("TS-2026-0002", "testshire", "2026-02-01", k1, 1); /* the mistaken one */
	add_case("TS-2026-0003", "testshire", "2026-03-01", k1, 1);
	add_case("TS-2026-0004", "testshire", "2026-03-02", k5, 1);
	cr_assert_eq(sqlite3_exec(db, "UPDATE mcase SET repeat=1, prev_case_ref='TS-2026-0002',"
				      " last_referral_date='2026-02-01' WHERE case_ref IN"
				      " ('TS-2026-0003','TS-2026-0004')", NULL, NULL, NULL),
		     SQLITE_OK);
	cr_assert_eq(cases_end(db, "TS-2026-0002", IN_ERROR, 0, "police", 1), MGW_E_INVALID);
	cr_assert_eq(cases_end(db, "TS-2026-0002", IN_ERROR, 12, "police", 1), MGW_OK);
	cr_assert_str_eq(repeat_of("TS-2026-0003"), "1:TS-2026-0001@2026-01-10",
			 "still a repeat, of the earlier real referral");
	cr_assert_str_eq(repeat_of("TS-2026-0004"), "0", "a repeat only of the mistake");
	/* the newest earlier case left, in the window given */
	add_case("TS-2026-0005", "testshire", "2026-03-05", k1, 1);
	add_case("TS-2026-0006", "testshire", "2026-03-06", k1, 1);
	cr_assert_eq(sqlite3_exec(db, "UPDATE mcase SET repeat=1, prev_case_ref='TS-2026-0005',"
				      " last_referral_date='2026-03-05' WHERE case_ref='TS-2026-0006'",
				  NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(cases_end(db, "TS-2026-0005", IN_ERROR, 1, "police", 2), MGW_OK);
	cr_assert_str_eq(repeat_of("TS-2026-0006"), "1:TS-2026-0003@2026-03-01");
}

Test(life, merge_leaves_one_row_one_match_and_keeps_research_and_identifiers)
{
	const uint8_t a[] = {1}, b[] = {1, 7}; /* the duplicate also has an NHS number */
	add_case("TS-2026-0001", "testshire", "2026-02-01", a, 1);
	add_case("TS-2026-0002", "testshire", "2026-02-01", b, 2);
	add_case("TS-2026-0003", "northshire", "2026-02-01", a, 1);
	/* health researched the duplicate; a later case repeats the duplicate */
	cr_assert_eq(cases_research_set(db, "TS-2026-0002", HEALTH, 1, 5), MGW_OK);
	cr_assert_eq(sqlite3_exec(db, "UPDATE mcase SET prev_case_ref='TS-2026-0002' WHERE"
				      " case_ref='TS-2026-0003'", NULL, NULL, NULL), SQLITE_OK);

	cr_assert_eq(cases_merge(db, "TS-2026-0002", "TS-2026-0002", 12, "c", 1), MGW_E_INVALID);
	cr_assert_eq(cases_merge(db, "TS-2026-0003", "TS-2026-0001", 12, "c", 1), MGW_E_INVALID,
		     "across areas");
	cr_assert_eq(cases_merge(db, "TS-2026-0002", "TS-2026-0001", 12, "chair", 1), MGW_OK);

	cr_assert_str_eq(rows_of("testshire"), "TS-2026-0001<TS-2026-0002!h");
	/* the duplicate's own identifier now finds the surviving case */
	cr_assert_str_eq(repeats_of(7, "2026-03-01"), "TS-2026-0001@testshire");
	cr_assert_str_eq(repeats_of(1, "2026-03-01"), "TS-2026-0001@testshire,TS-2026-0003@northshire");
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT prev_case_ref FROM mcase WHERE"
					    " case_ref='TS-2026-0003'", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "TS-2026-0001");
	sqlite3_finalize(st);

	struct case_state cs;
	cr_assert_eq(cases_state(db, "TS-2026-0002", &cs), MGW_OK);
	cr_assert_eq(cs.status, MARAC__V1__CASE_STATUS__CASE_STATUS_MERGED);
	cr_assert_str_eq(cs.merged_into, "TS-2026-0001");
	cr_assert_eq(cases_merge(db, "TS-2026-0002", "TS-2026-0001", 12, "chair", 2), MGW_E_CONFLICT);

	/* Research reported later on the duplicate's ref counts for the surviving case. */
	cr_assert_eq(cases_research_set(db, "TS-2026-0002", IDVA, 1, 6), MGW_OK);
	sqlite3_stmt *q;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT case_ref FROM mresearch WHERE agency = 5",
					-1, &q, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(q), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(q, 0), "TS-2026-0001");
	sqlite3_finalize(q);
}

/*
 * Red team: a duplicate withdrawn in error after its merge takes back the
 * identifiers the surviving case had only from it, and no more: the
 * surviving case's own keep, and so does one another duplicate brought
 * too, also through a chain of merges.
 */
Test(life, a_merged_duplicate_withdrawn_in_error_takes_back_only_its_own_identifiers)
{
	const uint8_t a[] = {1, 7}, b[] = {1}, c[] = {3, 7}, d[] = {4, 9};
	add_case("TS-2026-0001", "testshire", "2026-02-01", b, 1); /* survives */
	add_case("TS-2026-0002", "testshire", "2026-02-02", a, 2); /* the wrong woman */
	add_case("TS-2026-0003", "testshire", "2026-02-03", c, 2); /* also has 7 */
	add_case("TS-2026-0004", "testshire", "2026-02-04", d, 2); /* merged into 0003 first */
	cr_assert_eq(cases_merge(db, "TS-2026-0004", "TS-2026-0003", 12, "chair", 1), MGW_OK);
	cr_assert_eq(cases_merge(db, "TS-2026-0002", "TS-2026-0001", 12, "chair", 2), MGW_OK);
	cr_assert_eq(cases_merge(db, "TS-2026-0003", "TS-2026-0001", 12, "chair", 3), MGW_OK);
	cr_assert_str_eq(repeats_of(7, "2026-03-01"), "TS-2026-0001@testshire");
	cr_assert_eq(cases_end(db, "TS-2026-0002", IN_ERROR, 12, "police", 4), MGW_OK);
	cr_assert_eq(cases_end(db, "TS-2026-0002", RISK_REDUCED, 12, "police", 4), MGW_E_CONFLICT,
		     "a merged duplicate is withdrawn in error only");
	cr_assert_str_eq(repeats_of(1, "2026-03-01"), "TS-2026-0001@testshire", "its own key");
	cr_assert_str_eq(repeats_of(7, "2026-03-01"), "TS-2026-0001@testshire",
			 "0003 brought the same key");
	cr_assert_str_eq(repeats_of(9, "2026-03-01"), "TS-2026-0001@testshire",
			 "0004's key, through 0003");
	/* 0004 withdrawn in error too: its key 9 goes, 0003's 3 stays. */
	cr_assert_eq(cases_end(db, "TS-2026-0004", IN_ERROR, 12, "police", 5), MGW_OK);
	cr_assert_str_eq(repeats_of(9, "2026-03-01"), "");
	cr_assert_str_eq(repeats_of(3, "2026-03-01"), "TS-2026-0001@testshire");
	/* Only 0003 now holds 7 for the surviving case: withdrawn, it goes. */
	cr_assert_eq(cases_end(db, "TS-2026-0003", IN_ERROR, 12, "police", 6), MGW_OK);
	cr_assert_str_eq(repeats_of(7, "2026-03-01"), "");
	cr_assert_str_eq(repeats_of(1, "2026-03-01"), "TS-2026-0001@testshire");
}

Test(life, transfer_lists_the_case_in_the_receiving_area_with_its_origin)
{
	const uint8_t a[] = {1};
	add_case("TS-2026-0001", "testshire", "2026-02-01", a, 1);
	cr_assert_eq(cases_transfer(db, "TS-2026-0001", "testshire", MEETING, "c", 1),
		     MGW_E_INVALID);
	cr_assert_eq(cases_transfer(db, "TS-2026-0001", "otherton", "2026-3-1", "c", 1),
		     MGW_E_INVALID);
	cr_assert_eq(cases_transfer(db, "TS-2026-0001", "otherton", MEETING, "chair", 1), MGW_OK);
	cr_assert_str_eq(rows_of("testshire"), "");
	cr_assert_str_eq(rows_of("otherton"), "TS-2026-0001+testshire");
	cr_assert_str_eq(repeats_of(1, "2026-03-01"), "TS-2026-0001@otherton");
	struct case_state cs;
	cr_assert_eq(cases_state(db, "TS-2026-0001", &cs), MGW_OK);
	cr_assert_eq(cs.status, MARAC__V1__CASE_STATUS__CASE_STATUS_OPEN);
	cr_assert_str_eq(cs.area, "otherton");
	cr_assert_str_eq(cs.origin_area, "testshire");
	/* and back again: the origin is the latest sending area */
	cr_assert_eq(cases_transfer(db, "TS-2026-0001", "testshire", MEETING, "chair", 2), MGW_OK);
	cr_assert_str_eq(rows_of("testshire"), "TS-2026-0001+otherton");
}

/* ---- retraction in the store ---- */

static char dir[64];
static store *s;

static void st_setup(void)
{
	strcpy(dir, "/tmp/marac-retract-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	char err[256];
	cr_assert_eq(store_open(dir, 0, &s, err, sizeof err), MGW_OK, "%s", err);
	cr_assert_eq(store_retract_schema(s), MGW_OK);
}

static void st_teardown(void)
{
	store_retract_close();
	store_close(s);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(retract, .init = st_setup, .fini = st_teardown);

/* A Deliver body of case_ref, packed without its seq. */
static void deliver_body(const char *case_ref, uint8_t **b, size_t *n)
{
	Marac__V1__CaseSummary cs = MARAC__V1__CASE_SUMMARY__INIT;
	cs.case_ref = (char *)case_ref;
	Marac__V1__Deliver d = MARAC__V1__DELIVER__INIT;
	d.msg_id = "m1";
	d.summary = &cs;
	cr_assert_eq(codec_pack(&d.base, b, n), MGW_OK);
}

/* Share m1 of police-1 delivered to health-1 (acked) and idva-1 (not yet). */
static void share(void)
{
	const char *ids[2] = {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"};
	const char *nodes[2] = {"health-1", "idva-1"};
	uint8_t *b, dg[32];
	size_t n;
	uint64_t seq;
	cr_assert_eq(store_begin(s), MGW_OK);
	deliver_body("TS-2026-0001", &b, &n);
	for (int i = 0; i < 2; i++)
		cr_assert_eq(store_delivery_insert_digest(s, ids[i], nodes[i], i ? IDVA : HEALTH, b,
							  n, dg, &seq), MGW_OK);
	free(b);
	Marac__V1__DeliveryRef r[2], *rp[2];
	for (int i = 0; i < 2; i++) {
		marac__v1__delivery_ref__init(&r[i]);
		r[i].delivery_id = (char *)ids[i];
		r[i].node_id = (char *)nodes[i];
		rp[i] = &r[i];
	}
	Marac__V1__ShareAccepted sa = MARAC__V1__SHARE_ACCEPTED__INIT;
	sa.msg_id = "m1";
	sa.deliveries = rp;
	sa.n_deliveries = 2;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_SHARE_ACCEPTED;
	f.share_accepted = &sa;
	cr_assert_eq(codec_pack(&f.base, &b, &n), MGW_OK);
	memset(dg, 0, sizeof dg);
	cr_assert_eq(store_share_insert(s, "police-1", "m1", dg, 1, b, n), MGW_OK);
	free(b);
	int was;
	cr_assert_eq(store_delivery_ack(s, "health-1", ids[0], 1, 2, &was), MGW_OK);
	cr_assert_eq(store_commit(s), MGW_OK);
}

static int count_rows(const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int seen(void *ctx, uint64_t seq, const char *id, const uint8_t *b, size_t n)
{
	(void)seq, (void)id, (void)b, (void)n;
	(*(int *)ctx)++;
	return 0;
}

static int pend(void *ctx, const struct store_retracted *d)
{
	char *buf = ctx;
	snprintf(buf + strlen(buf), 256 - strlen(buf), "%s%s:%llu:%s:%d", buf[0] ? " " : "",
		 d->node, (unsigned long long)d->seq, d->case_ref, d->was_acked);
	return 0;
}

Test(retract, purge_deletes_every_body_and_unsent_deliveries_never_go_out)
{
	share();
	struct store_retracted d[4];
	size_t n = 0;
	int k = 0;
	cr_assert_eq(store_outbox_fetch(s, "idva-1", 0, 10, seen, &k), MGW_OK);
	cr_assert_eq(k, 1, "idva's delivery is waiting");

	cr_assert_eq(store_begin(s), MGW_OK);
	cr_assert_eq(store_retract_purge(s, "health-1", "m1", 9, d, 4, &n), MGW_E_NOTFOUND,
		     "only the sender names its share");
	cr_assert_eq(store_retract_purge(s, "police-1", "m1", 9, d, 1, &n), MGW_E_TOO_LARGE);
	cr_assert_eq(store_retract_purge(s, "police-1", "m1", 9, d, 4, &n), MGW_OK);
	cr_assert_eq(n, 2);
	cr_assert_eq(d[0].was_acked, 1);
	cr_assert_eq(d[1].was_acked, 0);
	cr_assert_str_eq(d[1].case_ref, "TS-2026-0001");
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(store_retract_queue(s, &d[i], "police-1", 1, "m1", 1, 9), MGW_OK);
	cr_assert_eq(store_retract_queue(s, &d[0], "police-1", 1, "m1", 1, 9), MGW_E_CONFLICT);
	cr_assert_eq(store_commit(s), MGW_OK);

	cr_assert_eq(count_rows("SELECT COUNT(*) FROM delivery_body"), 0);
	k = 0;
	cr_assert_eq(store_outbox_fetch(s, "idva-1", 0, 10, seen, &k), MGW_OK,
		     "a purged body does not stop the outbox");
	cr_assert_eq(k, 0, "the unsent body is never sent");

	char buf[256] = "";
	cr_assert_eq(store_retract_pending(s, "idva-1", 0, 10, pend, buf), MGW_OK);
	cr_assert_str_eq(buf, "idva-1:1:TS-2026-0001:0");
	size_t m = 0;
	cr_assert_eq(store_retract_list(s, "police-1", "m1", d, 4, &m), MGW_OK);
	cr_assert_eq(m, 2);

	int was = -1;
	cr_assert_eq(store_begin(s), MGW_OK);
	cr_assert_eq(store_retract_confirm(s, "health-1", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 10,
					   &was, NULL), MGW_E_NOTFOUND, "not health's");
	cr_assert_eq(store_retract_confirm(s, "idva-1", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 10,
					   &was, NULL), MGW_OK);
	cr_assert_eq(was, 0);
	cr_assert_eq(store_retract_confirm(s, "idva-1", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 11,
					   &was, NULL), MGW_OK);
	cr_assert_eq(was, 1);
	cr_assert_eq(store_commit(s), MGW_OK);
	buf[0] = 0;
	cr_assert_eq(store_retract_pending(s, "idva-1", 0, 10, pend, buf), MGW_OK);
	cr_assert_str_eq(buf, "", "confirmed: not sent again");
}

Test(retract, a_referral_answer_is_not_retractable)
{
	Marac__V1__ReferralAccepted ra = MARAC__V1__REFERRAL_ACCEPTED__INIT;
	ra.msg_id = "r1";
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_REFERRAL_ACCEPTED;
	f.referral_accepted = &ra;
	uint8_t *b, dg[32] = {0};
	size_t n;
	cr_assert_eq(codec_pack(&f.base, &b, &n), MGW_OK);
	cr_assert_eq(store_begin(s), MGW_OK);
	cr_assert_eq(store_share_insert(s, "police-1", "r1", dg, 1, b, n), MGW_OK);
	free(b);
	struct store_retracted d[2];
	size_t k;
	cr_assert_eq(store_retract_purge(s, "police-1", "r1", 2, d, 2, &k), MGW_E_INVALID);
	cr_assert_eq(store_commit(s), MGW_OK);
}

/*
 * outbox_guard.c's side table as the daemon keeps it: health-1's and
 * idva-1's delivery of "m1" about TS-2026-0001, each bound to its
 * DELIVERY_COMMITTED record, whose actor (the sender) is senders[i].
 */
static void bind_deliveries(const char *const senders[2])
{
	cr_assert_eq(sqlite3_exec(store_db(s),
				  "CREATE TABLE delivery_audit(node TEXT NOT NULL, seq INTEGER NOT NULL,"
				  " audit_seq INTEGER NOT NULL, msg_id TEXT NOT NULL, case_ref TEXT NOT"
				  " NULL, PRIMARY KEY(node, seq)) WITHOUT ROWID;",
				  NULL, NULL, NULL), SQLITE_OK);
	const char *nodes[2] = {"health-1", "idva-1"};
	cr_assert_eq(store_begin(s), MGW_OK);
	for (int i = 0; i < 2; i++) {
		Marac__V1__AuditRecord r = MARAC__V1__AUDIT_RECORD__INIT;
		r.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED;
		r.actor_node = (char *)senders[i];
		r.recipient_node = (char *)nodes[i];
		r.msg_id = "m1";
		r.case_ref = "TS-2026-0001";
		cr_assert_eq(store_audit_append(s, &r, NULL), MGW_OK);
		char sql[256];
		snprintf(sql, sizeof sql,
			 "INSERT INTO delivery_audit VALUES('%s',1,%llu,'m1','TS-2026-0001')",
			 nodes[i], (unsigned long long)r.seq);
		cr_assert_eq(sqlite3_exec(store_db(s), sql, NULL, NULL, NULL), SQLITE_OK);
	}
	cr_assert_eq(store_commit(s), MGW_OK);
}

/* msg_ids are unique per sender only: probation-1's "m1" to IDVA about
 * the case is not police-1's to retract, though police-1 has an "m1" too. */
Test(retract, purge_case_leaves_another_senders_delivery_under_the_same_msg_id)
{
	share();
	const char *senders[2] = {"police-1", "probation-1"};
	bind_deliveries(senders);
	struct store_retracted *d = NULL;
	size_t n = 0;
	cr_assert_eq(store_begin(s), MGW_OK);
	cr_assert_eq(store_retract_purge_case(s, "police-1", "TS-2026-0001", 9, &d, &n), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(d[0].node, "health-1");
	free(d);
	cr_assert_eq(store_commit(s), MGW_OK);
}

Test(retract, purge_case_finds_every_delivery_the_referrer_sent_about_the_case)
{
	share();
	const char *senders[2] = {"police-1", "police-1"};
	bind_deliveries(senders);
	struct store_retracted *d = NULL;
	size_t n = 0;
	cr_assert_eq(store_begin(s), MGW_OK);
	cr_assert_eq(store_retract_purge_case(s, "health-1", "TS-2026-0001", 9, &d, &n), MGW_OK);
	cr_assert_eq(n, 0, "health sent nothing about the case");
	cr_assert_eq(store_retract_purge_case(s, "police-1", "TS-2026-0002", 9, &d, &n), MGW_OK);
	cr_assert_eq(n, 0, "another case");
	cr_assert_eq(store_retract_purge_case(s, "police-1", "TS-2026-0001", 9, &d, &n), MGW_OK);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(d[0].delivery_id, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	cr_assert_str_eq(d[0].msg_id, "m1");
	cr_assert_str_eq(d[1].node, "idva-1");
	cr_assert_eq(d[1].was_acked, 0);
	cr_assert_eq(store_retract_queue(s, &d[0], "police-1", 1, "m1", 2, 9), MGW_OK);
	free(d);
	cr_assert_eq(count_rows("SELECT COUNT(*) FROM delivery_body"), 0);
	/* what is retracted already is not found again */
	cr_assert_eq(store_retract_purge_case(s, "police-1", "TS-2026-0001", 9, &d, &n), MGW_OK);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(d[0].node, "idva-1");
	free(d);
	cr_assert_eq(store_commit(s), MGW_OK);
}

/*
 * Repeat matching over blind indexes, in a real SQLite file: phone formats,
 * NHS numbers, folded names, the 12-month window, the perpetrator rule,
 * case references, and no plaintext identifier in the file. Synthetic data.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agenda.h"
#include "caldate.h"
#include "match.h"
#include "match_int.h"
#include "mgw_err.h"

static char dir[64], path[96];
static sqlite3 *db;
static const uint8_t key[32] = "synthetic-test-hmac-key-32-bytes";

static void setup(void)
{
	strcpy(dir, "/tmp/marac-match-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/match.db", dir);
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(match_schema(db), MGW_OK);
}

static void teardown(void)
{
	sqlite3_close(db);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(match, .init = setup, .fini = teardown);

/* A person with at most one phone and one alias. */
struct who {
	Marac__V1__Person p;
	Marac__V1__Address a;
	char *phones[1], *aliases[1];
};

static Marac__V1__Person *who(struct who *w, const char *name, const char *dob,
			      const char *phone, const char *nhs, const char *postcode)
{
	memset(w, 0, sizeof *w);
	marac__v1__person__init(&w->p);
	marac__v1__address__init(&w->a);
	w->p.full_name = (char *)name;
	w->p.date_of_birth = (char *)dob;
	w->p.nhs_number = (char *)nhs;
	if (phone) {
		w->phones[0] = (char *)phone;
		w->p.phones = w->phones;
		w->p.n_phones = 1;
	}
	if (postcode) {
		w->a.postcode = (char *)postcode;
		w->p.address = &w->a;
	}
	return &w->p;
}

static void keys_of(const Marac__V1__Person *v, const Marac__V1__Person *perp,
		    struct match_keys *k)
{
	const Marac__V1__Person *ps[1] = {perp};
	cr_assert_eq(match_keys(v, ps, perp ? 1 : 0, key, sizeof key, k), MGW_OK);
}

static void record(const char *ref, const char *date, const Marac__V1__Person *v,
		   const Marac__V1__Person *perp)
{
	struct match_keys k;
	keys_of(v, perp, &k);
	cr_assert_eq(match_record(db, ref, "Teesside", date, &k), MGW_OK);
	match_keys_free(&k);
}

static void query(const char *date, const Marac__V1__Person *v, const Marac__V1__Person *perp,
		  struct match_result *res)
{
	struct match_keys k;
	keys_of(v, perp, &k);
	cr_assert_eq(match_query(db, &k, date, 12, NULL, res), MGW_OK);
	match_keys_free(&k);
}

static int matches(const char *date, const Marac__V1__Person *v, const Marac__V1__Person *perp)
{
	struct match_result r;
	query(date, v, perp, &r);
	int rep = r.repeat;
	match_result_free(&r);
	return rep;
}

Test(match, every_phone_format_is_one_phone)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, "07700 900123", NULL, NULL), NULL);
	static const char *const variants[] = {"07700 900123", "+44 7700 900123",
					       "(07700) 900-123", "447700900123",
					       "+44 (0)7700 900123", "07700900123"};
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
		cr_assert(matches("2026-02-01", who(&b, NULL, NULL, variants[i], NULL, NULL), NULL),
			  "variant %zu", i);
	cr_assert_not(matches("2026-02-01", who(&b, NULL, NULL, "07700 900124", NULL, NULL), NULL));
}

Test(match, nhs_numbers_valid_only)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, NULL, "9990000018", NULL), NULL);
	cr_assert(matches("2026-02-01", who(&b, NULL, NULL, NULL, "999 000 0018", NULL), NULL));
	struct match_keys k;
	keys_of(who(&b, NULL, NULL, NULL, "9990000017", NULL), NULL, &k);
	cr_assert_eq(k.n, 0, "a number failing mod-11 makes no key");
	match_keys_free(&k);
	struct who q;
	who(&q, NULL, NULL, NULL, NULL, NULL);
	q.p.ni_number = "QQ 12 34 56 A"; /* HMRC's never-issued prefix */
	keys_of(&q.p, NULL, &k);
	cr_assert_eq(k.n, 0, "an invalid NI number makes no key");
	match_keys_free(&k);
	record("TS-2026-0002", "2026-01-11", who(&a, NULL, NULL, NULL, "9990000017", NULL), NULL);
	cr_assert_not(matches("2026-02-01", who(&b, NULL, NULL, NULL, "999 000 0017", NULL), NULL));
}

Test(match, folded_names_with_the_same_dob)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, "Zoë Exampleton", "1990-05-01", NULL, NULL, NULL),
	       NULL);
	cr_assert(matches("2026-02-01", who(&b, "ZOE  EXAMPLETON", "1990-05-01", 0, 0, 0), NULL));
	cr_assert(matches("2026-02-01", who(&b, " zoe exampleton ", "1990-05-01", 0, 0, 0), NULL));
	cr_assert(matches("2026-02-01", who(&b, "Zoe Exampleton", "01/05/1990", 0, 0, 0), NULL),
		  "a form's DD/MM/YYYY is the same date");
	cr_assert_not(matches("2026-02-01", who(&b, "Zoë Exampleton", "1990-05-02", 0, 0, 0), NULL),
		      "a different DOB is a different person");
	cr_assert_not(matches("2026-02-01", who(&b, "Zoë Exampleton", NULL, 0, 0, 0), NULL),
		      "a name alone is not enough");
	/* postcode + name */
	record("TS-2026-0002", "2026-01-12", who(&a, "Ada Fictional", NULL, NULL, NULL, "TS1 1AA"),
	       NULL);
	cr_assert(matches("2026-02-01", who(&b, "ada fictional", NULL, 0, 0, "ts11aa"), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, "ada fictional", NULL, 0, 0, "TS1 1AB"), NULL));
}

Test(match, twelve_month_window_then_linked)
{
	struct who a, b;
	record("TS-2025-0001", "2025-03-15", who(&a, NULL, NULL, "07700 900123", NULL, NULL), NULL);
	struct match_result r;
	query("2026-03-14", who(&b, NULL, NULL, "+447700900123", NULL, NULL), NULL, &r);
	cr_assert(r.repeat, "12 months - 1 day: repeat");
	cr_assert_eq(r.n_previous, 1);
	cr_assert_str_eq(r.previous[0].case_ref, "TS-2025-0001");
	cr_assert_str_eq(r.previous[0].referral_date, "2025-03-15");
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_PHONE);
	cr_assert_not(r.linked);
	match_result_free(&r);

	query("2026-03-15", who(&b, NULL, NULL, "+447700900123", NULL, NULL), NULL, &r);
	cr_assert_not(r.repeat, "exactly 12 months: the window has lapsed, a new referral");
	cr_assert(r.linked);
	cr_assert_str_eq(r.linked_case.case_ref, "TS-2025-0001");
	cr_assert_str_eq(r.linked_case.referral_date, "2025-03-15");
	match_result_free(&r);

	query("2025-03-14", who(&b, NULL, NULL, "+447700900123", NULL, NULL), NULL, &r);
	cr_assert_not(r.repeat, "a case referred later is not a repeat of this one");
	cr_assert(r.linked, "but it is linked: this referral was filed late");
	cr_assert(r.linked_later);
	cr_assert_str_eq(r.linked_case.case_ref, "TS-2025-0001");
	match_result_free(&r);
}

/*
 * An earlier-dated referral submitted after a later one (late paperwork) is
 * linked to the later case when within the window the other way, and
 * preferred to an older lapsed case; beyond the window it is not linked.
 */
Test(match, earlier_dated_referral_filed_late_is_linked)
{
	struct who a, b;
	Marac__V1__Person *v = who(&a, NULL, NULL, "07700 900123", NULL, NULL);
	record("TS-2024-0007", "2024-01-02", v, NULL);
	record("TS-2026-0005", "2026-03-20", v, NULL);
	record("TS-2026-0009", "2026-06-01", v, NULL);
	struct match_result r;
	query("2026-03-01", who(&b, NULL, NULL, "+44 7700 900123", NULL, NULL), NULL, &r);
	cr_assert_not(r.repeat, "nothing earlier in the window");
	cr_assert(r.linked, "the late referral is linked, not dropped");
	cr_assert(r.linked_later);
	cr_assert_str_eq(r.linked_case.case_ref, "TS-2026-0005", "the nearest later case");
	cr_assert_str_eq(r.linked_case.referral_date, "2026-03-20");
	cr_assert_eq(r.linked_case.victim_kinds, 1u << MATCH_KIND_PHONE);
	cr_assert_eq(r.linked_case.strength, MATCH_STRONG, "a phone is strong (issue 13)");
	match_result_free(&r);

	/* A later case more than the window away is no link; the lapsed one is. */
	query("2025-03-01", who(&b, NULL, NULL, "07700900123", NULL, NULL), NULL, &r);
	cr_assert_not(r.repeat);
	cr_assert(r.linked);
	cr_assert_not(r.linked_later);
	cr_assert_str_eq(r.linked_case.case_ref, "TS-2024-0007");
	match_result_free(&r);
	query("2023-01-01", who(&b, NULL, NULL, "07700900123", NULL, NULL), NULL, &r);
	cr_assert_not(r.repeat || r.linked, "a year and more before every case: no link");
	match_result_free(&r);

	/* With an earlier case in the window it is a repeat as before. */
	query("2026-04-01", who(&b, NULL, NULL, "07700900123", NULL, NULL), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.n_previous, 1);
	cr_assert_str_eq(r.previous[0].case_ref, "TS-2026-0005");
	cr_assert_not(r.linked_later);
	match_result_free(&r);
}

/* Police write "SURNAME, Forename"; others "Forename Surname". */
Test(match, any_order_of_forename_and_surname)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, "Siobhan O'Sullivan", "1991-04-03", 0, 0, 0),
	       NULL);
	struct match_result r;
	query("2026-02-01", who(&b, "O'SULLIVAN, Siobhan", "03/04/1991", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat, "surname first is the same person");
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB);
	cr_assert_eq(r.previous[0].strength, MATCH_STRONG);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "O'SULLIVAN, Siobhan", "1991-04-04", 0, 0, 0),
			      NULL),
		      "another DOB is still another person");
	/* the other way round, and postcode + name too */
	record("TS-2026-0002", "2026-01-11",
	       who(&a, "EXAMPLETON, Ada Jane", NULL, 0, 0, "TS1 1AA"), NULL);
	query("2026-02-01", who(&b, "Ada Jane Exampleton", NULL, 0, 0, "ts1 1aa"), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_str_eq(r.previous[0].case_ref, "TS-2026-0002");
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_POSTCODE_NAME);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK, "postcode + name is weak");
	match_result_free(&r);
}

/*
 * A name one edit away with the same DOB is a weak match; a misspelt
 * perpetrator with an identical victim keeps the match strong.
 */
Test(match, one_edit_misspellings_are_weak_matches)
{
	struct who a, b, p1, p2;
	record("TS-2026-0001", "2026-01-10", who(&a, "Brian Fictional", "1984-06-07", 0, 0, 0),
	       NULL);
	static const char *const near[] = {"Bryan Fictional", "Brain Fictional", "Brian Fictionall",
					   "Bian Fictional", "FICTIONAL, Bryan"};
	for (size_t i = 0; i < sizeof near / sizeof near[0]; i++) {
		struct match_result r;
		query("2026-02-01", who(&b, near[i], "1984-06-07", 0, 0, 0), NULL, &r);
		cr_assert(r.repeat, "%zu: one edit away, same DOB: not dropped", i);
		cr_assert(r.previous[0].victim_kinds & (1u << MATCH_KIND_FUZZY_NAME_DOB), "%zu", i);
		cr_assert_eq(r.previous[0].victim_kinds & ~((1u << MATCH_KIND_FUZZY_NAME_DOB) |
							      (1u << MATCH_KIND_PHONETIC_NAME_DOB)),
			     0, "%zu: only weak kinds", i);
		cr_assert_eq(r.previous[0].strength, MATCH_WEAK, "%zu", i);
		match_result_free(&r);
	}
	cr_assert_not(matches("2026-02-01", who(&b, "Bryan Fictional", "1984-06-08", 0, 0, 0), NULL),
		      "a misspelling with another DOB is another person");
	cr_assert_not(matches("2026-02-01", who(&b, "Bruno Fictional", "1984-06-07", 0, 0, 0), NULL),
		      "three edits away is another name");
	cr_assert_not(matches("2026-02-01", who(&b, "Brian Fictional", NULL, 0, 0, 0), NULL),
		      "no DOB, no fuzzy key");
	/* an exact name reports name_dob only */
	struct match_result r;
	query("2026-02-01", who(&b, "BRIAN FICTIONAL", "1984-06-07", 0, 0, 0), NULL, &r);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB);
	cr_assert_eq(r.previous[0].strength, MATCH_STRONG);
	match_result_free(&r);

	/* The case: identical victim, perpetrator "Bryan" for "Brian". */
	Marac__V1__Person *v = who(&a, "Zoe Exampleton", "1990-05-01", "07700 900321",
				   "9990000018", NULL);
	who(&p1, "Brian Badperson", "1985-02-02", NULL, NULL, NULL);
	record("TS-2026-0002", "2026-01-12", v, &p1.p);
	who(&p2, "Bryan Badperson", "02/02/1985", NULL, NULL, NULL);
	query("2026-02-01", v, &p2.p, &r);
	cr_assert(r.repeat, "a misspelt perpetrator must not drop the earlier case");
	cr_assert_str_eq(r.previous[0].case_ref, "TS-2026-0002");
	cr_assert_eq(r.previous[0].strength, MATCH_STRONG, "the victim matched on NHS and phone");
	cr_assert(r.previous[0].perp_kinds & (1u << MATCH_KIND_FUZZY_NAME_DOB));
	match_result_free(&r);
	who(&p2, "Brenda Otherperson", "1985-02-02", NULL, NULL, NULL);
	cr_assert_not(matches("2026-02-01", v, &p2.p), "another perpetrator: a new case");
}

Test(match, kinds_are_named_and_graded)
{
	cr_assert_str_eq(match_kind_name(MATCH_KIND_NHS), "nhs_number");
	cr_assert_str_eq(match_kind_name(MATCH_KIND_PHONE), "phone");
	cr_assert_str_eq(match_kind_name(MATCH_KIND_NAME_DOB), "name_dob");
	cr_assert_str_eq(match_kind_name(MATCH_KIND_POSTCODE_NAME), "postcode_name");
	cr_assert_str_eq(match_kind_name(MATCH_KIND_FUZZY_NAME_DOB), "fuzzy_name");
	cr_assert_null(match_kind_name(0));
	/* issue 13's table: phone, NHS number, name + DOB are strong */
	cr_assert_eq(match_strength(1u << MATCH_KIND_PHONE), MATCH_STRONG);
	cr_assert_eq(match_strength(1u << MATCH_KIND_POSTCODE_NAME), MATCH_WEAK);
	cr_assert_eq(match_strength((1u << MATCH_KIND_PHONE) | (1u << MATCH_KIND_POSTCODE_NAME)),
		     MATCH_STRONG);
	cr_assert_eq(match_strength((1u << MATCH_KIND_PHONE) | (1u << MATCH_KIND_FUZZY_NAME_DOB)),
		     MATCH_STRONG);
	cr_assert_eq(match_strength(1u << MATCH_KIND_NHS), MATCH_STRONG);
	cr_assert_eq(match_strength((1u << MATCH_KIND_NAME_DOB) | (1u << MATCH_KIND_POSTCODE_NAME)),
		     MATCH_STRONG);
	cr_assert_eq(match_strength(1u << MATCH_KIND_POSTCODE_NAME), MATCH_WEAK);
	cr_assert_eq(match_strength((1u << MATCH_KIND_POSTCODE_NAME) |
				    (1u << MATCH_KIND_FUZZY_NAME_DOB)),
		     MATCH_WEAK);
	cr_assert_eq(match_strength(0), MATCH_NONE);
}

Test(match, several_previous_newest_first_and_exclusion)
{
	struct who a, b;
	Marac__V1__Person *v = who(&a, NULL, NULL, "07700 900123", NULL, NULL);
	record("TS-2025-0009", "2025-06-01", v, NULL);
	record("TS-2025-0030", "2025-11-20", v, NULL);
	record("TS-2024-0100", "2024-01-05", v, NULL);
	record("TS-2026-0004", "2026-02-01", v, NULL);
	struct match_keys k;
	keys_of(who(&b, NULL, NULL, "07700900123", NULL, NULL), NULL, &k);
	struct match_result r;
	cr_assert_eq(match_query(db, &k, "2026-02-01", 12, "TS-2026-0004", &r), MGW_OK);
	cr_assert_eq(r.n_previous, 2);
	cr_assert_str_eq(r.previous[0].case_ref, "TS-2025-0030");
	cr_assert_str_eq(r.previous[1].case_ref, "TS-2025-0009");
	match_result_free(&r);
	cr_assert_eq(match_query(db, &k, "2026-02-01", 0, NULL, &r), MGW_E_INVALID);
	cr_assert_eq(match_query(db, &k, "01/02/2026", 12, NULL, &r), MGW_E_INVALID);
	match_keys_free(&k);
}

Test(match, across_two_referring_agencies)
{
	/* Police hold a phone and a name; health later refers with an NHS
	 * number, the phone in another format and the name without accents. */
	struct who police, health;
	Marac__V1__Person *pv = who(&police, "Zoë Exampleton", "1990-05-01", "07700 900123", 0, 0);
	record("TS-2026-0001", "2026-01-10", pv, NULL);
	Marac__V1__Person *hv = who(&health, "ZOE EXAMPLETON", "01/05/1990", "+44 7700 900-123",
				    "999 000 0026", "TS1 1AA");
	struct match_result r;
	query("2026-02-20", hv, NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds,
		     (1u << MATCH_KIND_PHONE) | (1u << MATCH_KIND_NAME_DOB));
	match_result_free(&r);
}

Test(match, perpetrator_rule)
{
	struct who v, p1, p2, q;
	Marac__V1__Person *victim = who(&v, NULL, NULL, "07700 900123", NULL, NULL);
	who(&p1, "Fictio Badperson", "1985-02-02", "07700 900555", NULL, NULL);
	who(&p2, "Other Imaginary", "1987-07-07", "07700 900666", NULL, NULL);
	record("TS-2026-0001", "2026-01-10", victim, &p1.p);
	cr_assert(matches("2026-02-01", victim, &p1.p), "same victim, same perpetrator");
	cr_assert(matches("2026-02-01", victim, who(&q, NULL, NULL, "+447700900555", 0, 0)),
		  "the perpetrator matches by any one key");
	cr_assert_not(matches("2026-02-01", victim, &p2.p),
		      "same victim, a different perpetrator: a new case");
	cr_assert(matches("2026-02-01", victim, NULL), "no perpetrator named: victim decides");
	record("TS-2026-0002", "2026-01-11", victim, NULL);
	struct match_result r;
	query("2026-02-01", victim, &p2.p, &r);
	cr_assert_eq(r.n_previous, 1, "an earlier case with no perpetrator cannot contradict");
	cr_assert_str_eq(r.previous[0].case_ref, "TS-2026-0002");
	match_result_free(&r);
}

Test(match, keys_need_a_real_key_and_depend_on_it)
{
	struct who a;
	struct match_keys k1, k2;
	Marac__V1__Person *v = who(&a, "Zoë Exampleton", "1990-05-01", "07700 900123", 0, 0);
	cr_assert_eq(match_keys(v, NULL, 0, key, 16, &k1), MGW_E_INVALID);
	cr_assert_eq(match_keys(NULL, NULL, 0, key, sizeof key, &k1), MGW_E_INVALID);
	static const uint8_t other[32] = "another-synthetic-hmac-key-32byt";
	cr_assert_eq(match_keys(v, NULL, 0, key, sizeof key, &k1), MGW_OK);
	cr_assert_eq(match_keys(v, NULL, 0, other, sizeof other, &k2), MGW_OK);
	/* phone; name + DOB as written and in canonical order; the phonetic key;
	 * the fuzzy keys of "exampleton zoe" (itself and 14 one-byte deletions);
	 * the name variants "zoeexampleton", "exampleton z", "e zoe",
	 * "exampleton" and "zoe" (a word dropped, h-match5: a surname-only
	 * record) and the name with the DOB 1990-01-05 (day and month swapped) */
	cr_assert_eq(k1.n, 1 + 2 + 1 + 15 + 6);
	cr_assert_eq(k1.n_victim, k1.n);
	cr_assert_eq(k2.n, k1.n);
	cr_assert_neq(memcmp(k1.keys[0].hmac, k2.keys[0].hmac, MATCH_HMAC_LEN), 0);
	match_keys_free(&k1);
	match_keys_free(&k2);
}

Test(match, record_conflict_and_forget)
{
	struct who a;
	Marac__V1__Person *v = who(&a, NULL, NULL, "07700 900123", NULL, NULL);
	record("TS-2026-0001", "2026-01-10", v, NULL);
	struct match_keys k;
	keys_of(v, NULL, &k);
	cr_assert_eq(match_record(db, "TS-2026-0001", "Teesside", "2026-01-10", &k), MGW_E_CONFLICT);
	cr_assert_eq(match_record(db, "TS-2026-0009", "", "2026-01-10", &k), MGW_E_INVALID);
	cr_assert_eq(match_record(db, "TS-2026-0009", "T", "2026-1-10", &k), MGW_E_INVALID);
	match_keys_free(&k);
	cr_assert_eq(match_forget(db, "TS-2026-0001"), MGW_OK);
	cr_assert_eq(match_forget(db, "TS-2026-0001"), MGW_E_NOTFOUND);
	cr_assert_not(matches("2026-02-01", v, NULL));
}

static size_t scan(const unsigned char *buf, size_t n, const char *needle)
{
	size_t hits = 0, l = strlen(needle);
	for (size_t i = 0; i + l <= n; i++)
		hits += memcmp(buf + i, needle, l) == 0;
	return hits;
}

Test(match, no_plaintext_identifier_in_the_file)
{
	struct who a, p;
	Marac__V1__Person *v = who(&a, "Zoë Exampleton", "1990-05-01", "07700 900123",
				   "9990000018", "TS1 1AA");
	who(&p, "Fictio Badperson", "1985-02-02", "07700 900555", NULL, "TS2 2BB");
	record("TS-2026-0001", "2026-01-10", v, &p.p);
	sqlite3_close(db);
	db = NULL;
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f);
	static unsigned char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	cr_assert_gt(n, 0);
	static const char *const needles[] = {
		"900123", "7700900123", "447700900123", "900555", "9990000018", "Exampleton",
		"EXAMPLETON", "exampleton", "Badperson", "badperson", "1990-05-01", "1985-02-02",
		"TS1 1AA", "TS1", "TS2 2BB",
	};
	for (size_t i = 0; i < sizeof needles / sizeof needles[0]; i++)
		cr_assert_eq(scan(buf, n, needles[i]), 0, "found \"%s\" in the file", needles[i]);
	cr_assert_gt(scan(buf, n, "TS-2026-0001"), 0, "the case ref is there (sanity)");
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
}

Test(match, case_refs_per_area_and_year)
{
	char out[MATCH_CASE_REF_MAX];
	cr_assert_eq(match_next_case_ref(db, "TS", 2026, out, sizeof out), MGW_OK);
	cr_assert_str_eq(out, "TS-2026-0001");
	cr_assert_eq(match_next_case_ref(db, "TS", 2026, out, sizeof out), MGW_OK);
	cr_assert_str_eq(out, "TS-2026-0002");
	cr_assert_eq(match_next_case_ref(db, "DU", 2026, out, sizeof out), MGW_OK);
	cr_assert_str_eq(out, "DU-2026-0001");
	cr_assert_eq(match_next_case_ref(db, "TS", 2027, out, sizeof out), MGW_OK);
	cr_assert_str_eq(out, "TS-2027-0001");
	/* a caller's rolled-back transaction gives the number back */
	cr_assert_eq(sqlite3_exec(db, "BEGIN", 0, 0, 0), SQLITE_OK);
	cr_assert_eq(match_next_case_ref(db, "TS", 2026, out, sizeof out), MGW_OK);
	cr_assert_str_eq(out, "TS-2026-0003");
	cr_assert_eq(sqlite3_exec(db, "ROLLBACK", 0, 0, 0), SQLITE_OK);
	cr_assert_eq(match_next_case_ref(db, "TS", 2026, out, sizeof out), MGW_OK);
	cr_assert_str_eq(out, "TS-2026-0003");
	/* two handles on one file never get the same number */
	sqlite3 *db2;
	cr_assert_eq(sqlite3_open(path, &db2), SQLITE_OK);
	sqlite3_busy_timeout(db2, 2000);
	char o2[MATCH_CASE_REF_MAX];
	cr_assert_eq(match_next_case_ref(db2, "TS", 2026, o2, sizeof o2), MGW_OK);
	cr_assert_eq(match_next_case_ref(db, "TS", 2026, out, sizeof out), MGW_OK);
	cr_assert_str_eq(o2, "TS-2026-0004");
	cr_assert_str_eq(out, "TS-2026-0005");
	sqlite3_close(db2);
	cr_assert_eq(match_next_case_ref(db, "ts", 2026, out, sizeof out), MGW_E_INVALID);
	cr_assert_eq(match_next_case_ref(db, "TOOLONGAREA", 2026, out, sizeof out), MGW_E_INVALID);
	cr_assert_eq(match_next_case_ref(db, "TS", 1999, out, sizeof out), MGW_E_INVALID);
	cr_assert_eq(match_next_case_ref(db, "TS", 2026, out, 8), MGW_E_INVALID);
}

/*
 * The repeat window (match_query) and the lapsed window (agenda_lapsed)
 * are one rule (caldate_within_months): on every day a new referral is a
 * repeat exactly when the earlier case has not yet lapsed. Month ends were
 * where they disagreed: 2025-08-31 + 6 months is 2026-02-28, but
 * 2026-02-28 - 6 months is 2025-08-28.
 */
Test(match, repeat_and_lapsed_windows_agree_at_month_ends)
{
	static const struct {
		const char *earlier;
		unsigned months;
		const char *later;
		int repeat;
	} cases[] = {
		{"2025-08-31", 6, "2026-02-27", 1}, {"2025-08-31", 6, "2026-02-28", 0},
		{"2026-02-28", 1, "2026-03-27", 1}, {"2026-02-28", 1, "2026-03-28", 0},
		{"2026-02-28", 1, "2026-03-31", 0}, {"2024-02-29", 12, "2025-02-27", 1},
		{"2024-02-29", 12, "2025-02-28", 0}, {"2025-01-31", 1, "2025-02-27", 1},
		{"2025-01-31", 1, "2025-02-28", 0}, {"2025-03-31", 12, "2026-03-30", 1},
		{"2025-03-31", 12, "2026-03-31", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char ref[32];
		snprintf(ref, sizeof ref, "TS-2024-%04zu", i + 1);
		struct who a, b;
		char phone[24];
		snprintf(phone, sizeof phone, "07700 900%03zu", 200 + i);
		record(ref, cases[i].earlier, who(&a, NULL, NULL, phone, NULL, NULL), NULL);
		struct match_result r;
		struct match_keys k;
		keys_of(who(&b, NULL, NULL, phone, NULL, NULL), NULL, &k);
		cr_assert_eq(match_query(db, &k, cases[i].later, cases[i].months, NULL, &r), MGW_OK);
		match_keys_free(&k);
		cr_assert_eq(r.repeat, cases[i].repeat, "%s + %u months, referral on %s: repeat %d",
			     cases[i].earlier, cases[i].months, cases[i].later, r.repeat);
		match_result_free(&r);
		/* The agenda: has the case lapsed between its referral and a meeting on `later`? */
		int lapsed = agenda_lapsed(cases[i].earlier, cases[i].earlier, cases[i].later,
					   cases[i].months);
		cr_assert_eq(!lapsed, cases[i].repeat, "%s + %u months at a meeting on %s: lapsed %d",
			     cases[i].earlier, cases[i].months, cases[i].later, lapsed);
		int32_t e, l;
		caldate_parse(cases[i].earlier, &e);
		caldate_parse(cases[i].later, &l);
		cr_assert_eq(caldate_within_months(e, l, cases[i].months), cases[i].repeat);
	}
}

/* Several dates of birth: a case recorded under either one is found. */
Test(match, every_date_of_birth_is_matched)
{
	struct who a, b;
	Marac__V1__Person *v = who(&a, "Amara Testwoman", "1990-05-01", NULL, NULL, NULL);
	record("TS-2026-0001", "2026-01-10", v, NULL);
	Marac__V1__Person *w = who(&b, "Amara Testwoman", "1991-01-05", NULL, NULL, NULL);
	cr_assert_not(matches("2026-02-01", w, NULL), "another DOB alone: another person");
	char *dobs[2] = {"not a date", "1990-05-01"};
	w->other_dobs = dobs;
	w->n_other_dobs = 2;
	struct match_result r;
	query("2026-02-01", w, NULL, &r);
	cr_assert(r.repeat, "her other recorded DOB is the one the earlier case holds");
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB);
	cr_assert_eq(r.previous[0].strength, MATCH_STRONG);
	match_result_free(&r);
	/* and the other way: recorded with two DOBs, found by the second */
	w->other_dobs = NULL;
	w->n_other_dobs = 0;
	char *dobs2[1] = {"1991-01-05"};
	struct who c;
	Marac__V1__Person *x = who(&c, "Bola Testwoman", "1980-02-02", NULL, NULL, NULL);
	x->other_dobs = dobs2;
	x->n_other_dobs = 1;
	record("TS-2026-0002", "2026-01-11", x, NULL);
	struct who d;
	cr_assert(matches("2026-02-01", who(&d, "Bola Testwoman", "1991-01-05", NULL, NULL, NULL),
			  NULL));
}

/* Spellings beyond one edit that sound alike: a weak "phonetic_name" match with the DOB. */
Test(match, phonetic_names_are_weak_matches)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10",
	       who(&a, "Siobhan O'Testname", "1988-03-03", NULL, NULL, NULL), NULL);
	struct match_result r;
	query("2026-02-01", who(&b, "Shevaun O'Testname", "1988-03-03", NULL, NULL, NULL), NULL,
	      &r);
	cr_assert(r.repeat, "Siobhan/Shevaun: three edits apart, one sound");
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_PHONETIC_NAME_DOB);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	cr_assert_str_eq(match_kind_name(MATCH_KIND_PHONETIC_NAME_DOB), "phonetic_name");
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01",
			      who(&b, "Shevaun O'Testname", "1988-03-04", NULL, NULL, NULL), NULL),
		      "another DOB: another person");
	record("TS-2026-0002", "2026-01-10",
	       who(&a, "Mohammed Testperson", "1979-09-09", NULL, NULL, NULL), NULL);
	cr_assert(matches("2026-02-01", who(&b, "TESTPERSON, Muhammad", "1979-09-09", NULL, NULL,
					    NULL), NULL));
	record("TS-2026-0003", "2026-01-10",
	       who(&a, "Catherine Testname", "1970-01-02", NULL, NULL, NULL), NULL);
	cr_assert(matches("2026-02-01", who(&b, "Katherine Testname", "1970-01-02", NULL, NULL, NULL),
			  NULL));
	/* twins: same DOB and surname, other names */
	record("TS-2026-0004", "2026-01-10",
	       who(&a, "Brian Twinname", "2000-01-01", NULL, NULL, NULL), NULL);
	cr_assert_not(matches("2026-02-01",
			      who(&b, "Bruno Twinname", "2000-01-01", NULL, NULL, NULL), NULL));
}

/*
 * The same perpetrator (strong key) with another victim: not a repeat, but
 * listed as serial; a weak perpetrator match (postcode + name) is not.
 */
Test(match, serial_perpetrator_with_another_victim)
{
	struct who v1, v2, v3, p, q;
	Marac__V1__Person *perp = who(&p, "Darren Testbloke", "1982-04-04", "07700 900777", NULL,
				      "TS1 1AA");
	record("TS-2026-0001", "2025-06-01",
	       who(&v1, "Alice Firstvictim", "1990-01-01", "07700 900111", NULL, NULL), perp);
	record("TS-2026-0002", "2026-01-05",
	       who(&v2, "Beth Secondvictim", "1992-02-02", "07700 900222", NULL, NULL), perp);
	/* a third victim; the perpetrator given by phone only, in another format */
	Marac__V1__Person *q1 = who(&q, "D Testbloke", NULL, "+44 7700 900777", NULL, NULL);
	struct match_result r;
	query("2026-02-01", who(&v3, "Cara Thirdvictim", "1994-03-03", "07700 900333", NULL, NULL),
	      q1, &r);
	cr_assert_not(r.repeat);
	cr_assert_not(r.linked);
	cr_assert_eq(r.n_serial, 2);
	cr_assert_eq(r.n_serial_total, 2);
	cr_assert_str_eq(r.serial[0].case_ref, "TS-2026-0002", "newest first");
	cr_assert_str_eq(r.serial[1].case_ref, "TS-2026-0001", "the lapsed one too");
	cr_assert_eq(r.serial[0].perp_kinds, 1u << MATCH_KIND_PHONE);
	cr_assert_eq(r.serial[0].victim_kinds, 0);
	cr_assert_str_eq(r.serial[0].marac_area, "Teesside");
	match_result_free(&r);
	/* the same victim and perpetrator: a repeat, not serial */
	query("2026-02-01", &v2.p, perp, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.n_serial, 1, "the first victim's case is still another victim's");
	cr_assert_str_eq(r.serial[0].case_ref, "TS-2026-0001");
	match_result_free(&r);
	/* postcode + name only: not strong enough to flag a stranger */
	Marac__V1__Person *q2 = who(&q, "Darren Testbloke", NULL, NULL, NULL, "TS1 1AA");
	query("2026-02-01", &v3.p, q2, &r);
	cr_assert_eq(r.n_serial, 0);
	match_result_free(&r);
	/* no perpetrator named: nothing to compare */
	query("2026-02-01", &v3.p, NULL, &r);
	cr_assert_eq(r.n_serial, 0);
	match_result_free(&r);
}

/* h-match2: phones as agencies store them (match.h PHONE). */
Test(match, phones_without_trunk_zero_with_extensions_or_unicode_spacing)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, "07700 900123", NULL, NULL), NULL);
	static const char *const same[] = {"7700900123", "7700 900 123",
					   "07700\xC2\xA0" "900123",     /* NBSP */
					   "07700\xE2\x80\x93" "900123", /* en dash */
					   "+44\xE2\x80\xAF" "7700 900123"};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
		cr_assert(matches("2026-02-01", who(&b, NULL, NULL, same[i], NULL, NULL), NULL), "%zu",
			  i);
	/* nine or eleven digits without a 0, or letters other than O and l, are
	 * still no phone (h-match3: O typed for 0 is read as 0, below) */
	static const char *const no[] = {"770090012", "77009001234", "7700 9XX123"};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		struct match_keys k;
		keys_of(who(&b, NULL, NULL, no[i], NULL, NULL), NULL, &k);
		cr_assert_eq(k.n, 0, "%s", no[i]);
		match_keys_free(&k);
	}
	/* an extension is part of the phone: the same line matches, another does not */
	record("TS-2026-0002", "2026-01-10", who(&a, NULL, NULL, "01632 960456 ext 21", NULL, NULL),
	       NULL);
	static const char *const ext[] = {"01632960456 x21", "(01632) 960 456 Ext. 21",
					  "+44 1632 960456 #21", "01632 960456 extension 21"};
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		struct match_result r;
		query("2026-02-01", who(&b, NULL, NULL, ext[i], NULL, NULL), NULL, &r);
		cr_assert(r.repeat, "%s", ext[i]);
		cr_assert_str_eq(r.previous[0].case_ref, "TS-2026-0002", "%s", ext[i]);
		cr_assert_eq(r.n_previous, 1, "%s: not the mobile's case", ext[i]);
		match_result_free(&r);
	}
	cr_assert_not(matches("2026-02-01", who(&b, NULL, NULL, "01632 960456 ext 34", 0, 0), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, NULL, NULL, "01632 960456", 0, 0), NULL),
		      "the switchboard is not the extension");
}

/* h-match2: NHS numbers with any separators, NI numbers without suffix. */
Test(match, nhs_any_separators_and_ni_without_suffix)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, NULL, "9990000034", NULL), NULL);
	static const char *const nhs[] = {"999 000-0034", "999.000.0034", " 999  000  0034 ",
					  "9 9 9 0 0 0 0 0 3 4"};
	for (size_t i = 0; i < sizeof nhs / sizeof nhs[0]; i++)
		cr_assert(matches("2026-02-01", who(&b, NULL, NULL, NULL, nhs[i], NULL), NULL), "%s",
			  nhs[i]);
	cr_assert_not(matches("2026-02-01", who(&b, NULL, NULL, NULL, "999 000-0035", NULL), NULL),
		      "mod 11 still refuses a typo");
	cr_assert_not(matches("2026-02-01", who(&b, NULL, NULL, NULL, "999/000/0034", NULL), NULL),
		      "only spaces, dashes and dots");

	struct who q;
	who(&q, NULL, NULL, NULL, NULL, NULL);
	q.p.ni_number = "JT123456B";
	record("TS-2026-0002", "2026-01-10", &q.p, NULL);
	static const char *const ni[] = {"JT 12 34 56", "jt123456", "jt 12 34 56 b"};
	for (size_t i = 0; i < sizeof ni / sizeof ni[0]; i++) {
		q.p.ni_number = (char *)ni[i];
		cr_assert(matches("2026-02-01", &q.p, NULL), "%s", ni[i]);
	}
	q.p.ni_number = "JT 12 34 57";
	cr_assert_not(matches("2026-02-01", &q.p, NULL));
	q.p.ni_number = "QQ 12 34 56"; /* never issued, with or without a suffix */
	struct match_keys k;
	keys_of(&q.p, NULL, &k);
	cr_assert_eq(k.n, 0);
	match_keys_free(&k);
}

/* h-match2: a one-letter change that moves its word in the sorted name. */
Test(match, one_edit_that_reorders_the_words)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, "Mairi MacDonald", "1991-04-03", 0, 0, 0), NULL);
	struct match_result r;
	query("2026-02-01", who(&b, "Mairi McDonald", "1991-04-03", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat, "'macdonald mairi' and 'mairi mcdonald' are one edit apart");
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_FUZZY_NAME_DOB);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
}

/* h-match2: name variants find the name written so, never each other (match.h). */
Test(match, name_variants_find_the_short_form_not_each_other)
{
	struct who a, b;
	static const char *const pairs[][2] = {
		{"Jane Anne Doe", "Jane Doe"},           {"DOE, Jane", "Jane Anne Doe"},
		{"Sarah Smith-Jones", "Sarah Jones"},    {"Siobhan O Sullivan", "Siobhan O'Sullivan"},
		{"Wang Xiu Ying", "Xiuying Wang"},       {"Joy Okafor", "J. Okafor"},
		{"Rhys ap Gwyn", "GWYN, Rhys"},
	};
	char ref[32];
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		snprintf(ref, sizeof ref, "TS-2026-%04zu", i + 1);
		record(ref, "2026-01-10", who(&a, pairs[i][0], "1980-10-20", 0, 0, 0), NULL);
		struct match_result r;
		query("2026-02-01", who(&b, pairs[i][1], "1980-10-20", 0, 0, 0), NULL, &r);
		cr_assert(r.repeat, "%s / %s", pairs[i][0], pairs[i][1]);
		cr_assert_str_eq(r.previous[0].case_ref, ref);
		cr_assert_eq(r.previous[0].victim_kinds & (1u << MATCH_KIND_FUZZY_NAME_DOB),
			     1u << MATCH_KIND_FUZZY_NAME_DOB, "%s", pairs[i][1]);
		cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
		match_result_free(&r);
		cr_assert_not(matches("2026-02-01", who(&b, pairs[i][1], "1980-10-21", 0, 0, 0), NULL),
			      "%s: another DOB", pairs[i][1]);
		cr_assert_eq(match_forget(db, ref), MGW_OK);
	}
	/* two full names with one variant in common are two people */
	static const char *const apart[][2] = {
		{"Jessica Doe", "Jennifer Doe"}, {"Grace Anne Doe", "Holly Anne Doe"},
		{"Katherine Smith", "Kate Smith"}, {"Maria Garcia Lopez", "Maria Garcia Perez"},
	};
	for (size_t i = 0; i < sizeof apart / sizeof apart[0]; i++) {
		snprintf(ref, sizeof ref, "TS-2026-%04zu", i + 20);
		record(ref, "2026-01-10", who(&a, apart[i][0], "2001-03-17", 0, 0, 0), NULL);
		cr_assert_not(matches("2026-02-01", who(&b, apart[i][1], "2001-03-17", 0, 0, 0), NULL),
			      "%s / %s", apart[i][0], apart[i][1]);
		cr_assert_eq(match_forget(db, ref), MGW_OK);
	}
}

/* h-match2: a DOB with day and month swapped is a weak match; other DOB typos are not. */
Test(match, day_and_month_swapped_is_weak)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, "Nadia Exampleton", "1990-04-03", 0, 0, 0), NULL);
	struct match_result r;
	query("2026-02-01", who(&b, "EXAMPLETON, Nadia", "1990-03-04", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_FUZZY_NAME_DOB);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Nadia Exampleton", "1990-04-04", 0, 0, 0), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, "Nadia Exampleton", "1990-03-03", 0, 0, 0), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, "Nadia Otherperson", "1990-03-04", 0, 0, 0), NULL),
		      "another name with the swapped DOB");
}

/* h-match2: twins sharing a phone match on it: a strong repeat (issue 13's
 * table), reported with the phone as the only kind matched. */
Test(match, a_shared_phone_alone_is_a_strong_repeat)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10",
	       who(&a, "Grace Doe", "2001-03-17", "01632 960555", NULL, "TS3 4CD"), NULL);
	struct match_result r;
	query("2026-02-01", who(&b, "Holly Doe", "2001-03-17", "01632 960555", NULL, "TS3 4CD"), NULL,
	      &r);
	cr_assert(r.repeat, "reported for a person to read");
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_PHONE, "only the phone matched");
	cr_assert_eq(r.previous[0].strength, MATCH_STRONG);
	match_result_free(&r);
	query("2026-02-01", who(&b, "Grace Doe", "2001-03-17", "01632 960555", NULL, NULL), NULL, &r);
	cr_assert_eq(r.previous[0].strength, MATCH_STRONG, "the phone with her name");
	match_result_free(&r);
}

/* h-match2: a phones[] entry with a label, a note or two numbers; a name with a title. */
Test(match, phone_labels_notes_and_lists_and_names_with_titles)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, "07700 900123", NULL, NULL), NULL);
	static const char *const same[] = {"Mob: 07700 900123", "07700 900123 (mobile)",
					   "Tel. +44 7700 900123", "01632 960321 / 07700 900123",
					   "07700900123; 01632960321", "home 07700 900123 (mum's)",
					   /* h-match3: a note may hold a time */
					   "07700 900123 (after 6)", "Mob: 07700 900123 (safe after 6pm)",
					   "07700 900123 (M)", "07700 900123 not after 6pm",
					   "07700 900123 - safe to call", "07700900123 mobile, mum's"};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
		cr_assert(matches("2026-02-01", who(&b, NULL, NULL, same[i], NULL, NULL), NULL), "%s",
			  same[i]);
	/* brackets of digits only are no note; words before too few digits are
	 * not a phone (h-match3: words after the whole number are a note,
	 * "07700 900123 not after 6pm", below) */
	static const char *const no[] = {"07700 900123 (6)", "07700 900 not after 6pm"};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		struct match_keys k;
		keys_of(who(&b, NULL, NULL, no[i], NULL, NULL), NULL, &k);
		cr_assert_eq(k.n, 0, "%s", no[i]);
		match_keys_free(&k);
	}

	record("TS-2026-0002", "2026-01-10", who(&a, "Jane Doe", "1980-10-20", 0, 0, "TS3 4BD"), NULL);
	static const char *const titled[] = {"Mrs Jane Doe", "DOE, Jane (Miss)", "Dr. Jane DOE"};
	for (size_t i = 0; i < sizeof titled / sizeof titled[0]; i++) {
		struct match_result r;
		query("2026-02-01", who(&b, titled[i], "1980-10-20", 0, 0, "ts3 4bd"), NULL, &r);
		cr_assert(r.repeat, "%s", titled[i]);
		cr_assert_eq(r.previous[0].victim_kinds,
			     (1u << MATCH_KIND_POSTCODE_NAME) | (1u << MATCH_KIND_NAME_DOB), "%s",
			     titled[i]);
		match_result_free(&r);
	}
	/* a title with one word left is a surname-only record (h-match5, match.h
	 * Decisions; before it, no name): "Mrs Doe" + DOB finds Jane Doe, but
	 * only weakly, never as name + DOB, and not with another DOB */
	struct match_result r;
	query("2026-02-01", who(&b, "Mrs Doe", "1980-10-20", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_FUZZY_NAME_DOB);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Mrs Doe", "1980-10-21", 0, 0, 0), NULL));
}

/* h-match2: numbers abroad, NI with dashes, née and aka, placeholders, ZZ99. */
Test(match, foreign_phones_nee_aka_and_placeholders)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, "+48 601 234 567", NULL, NULL), NULL);
	cr_assert(matches("2026-02-01", who(&b, NULL, NULL, "0048 601-234-567", NULL, NULL), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, NULL, NULL, "+49 601 234 567", NULL, NULL), NULL));
	struct match_keys k;
	keys_of(who(&b, NULL, NULL, "+44 601 234 567", NULL, NULL), NULL, &k);
	cr_assert_eq(k.n, 0, "a UK number is ident.h's to judge");
	match_keys_free(&k);

	struct who q;
	who(&q, NULL, NULL, NULL, NULL, NULL);
	q.p.ni_number = "JT123456A";
	record("TS-2026-0002", "2026-01-10", &q.p, NULL);
	q.p.ni_number = "JT-12-34-56-A";
	cr_assert(matches("2026-02-01", &q.p, NULL));
	q.p.ni_number = "jt.12.34.56";
	cr_assert(matches("2026-02-01", &q.p, NULL));

	record("TS-2026-0003", "2026-01-10", who(&a, "Jane Smith", "1980-10-20", 0, 0, 0), NULL);
	record("TS-2026-0004", "2026-01-10", who(&a, "Jane Doe", "1980-10-20", 0, 0, 0), NULL);
	static const char *const both[] = {"Jane DOE (n\xC3\xA9" "e SMITH)", "DOE, Jane nee Smith",
					   "Jane Doe aka Jane Smith", "Jane Doe formerly Jane Smith"};
	for (size_t i = 0; i < sizeof both / sizeof both[0]; i++) {
		struct match_result r;
		query("2026-02-01", who(&b, both[i], "1980-10-20", 0, 0, 0), NULL, &r);
		cr_assert_eq(r.n_previous, 2, "%s: both names", both[i]);
		for (size_t j = 0; j < r.n_previous; j++)
			cr_assert_eq(r.previous[j].victim_kinds, 1u << MATCH_KIND_NAME_DOB, "%s", both[i]);
		match_result_free(&r);
	}
	/* "Aka" may be a surname: the name as written is still keyed */
	record("TS-2026-0005", "2026-01-10", who(&a, "Chinedu Aka Okafor", "1977-07-17", 0, 0, 0),
	       NULL);
	cr_assert(matches("2026-02-01", who(&b, "CHINEDU AKA OKAFOR", "1977-07-17", 0, 0, 0), NULL));

	/* placeholders make no key: a name nobody has, a DOB nobody knew, no address */
	static const char *const nobody[] = {"UNKNOWN", "Unknown Male", "N/K", "Not Known"};
	for (size_t i = 0; i < sizeof nobody / sizeof nobody[0]; i++) {
		keys_of(who(&b, nobody[i], "1985-02-02", NULL, NULL, "TS1 1AA"), NULL, &k);
		cr_assert_eq(k.n, 0, "%s", nobody[i]);
		match_keys_free(&k);
	}
	keys_of(who(&b, "John Smith", "1900-01-01", NULL, NULL, NULL), NULL, &k);
	cr_assert_eq(k.n, 0, "1900-01-01 is 'not known'");
	match_keys_free(&k);
	keys_of(who(&b, "John Smith", NULL, NULL, NULL, "ZZ99 3WZ"), NULL, &k);
	cr_assert_eq(k.n, 0, "ZZ99 is the NHS's no fixed abode");
	match_keys_free(&k);
}

/* h-match3: how agencies' systems write nulls and typos, found by a second set of cases. */
Test(match, transcription_letters_notes_and_extensions_in_phones)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, "07700 900123", NULL, NULL), NULL);
	/* O typed for 0 and l or I for 1, where digits are */
	static const char *const same[] = {"O77OO 9OO123", "Mob: O7700 900l23", "07700 9OOI23",
					   "'07700900123" /* Excel's text prefix */};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
		cr_assert(matches("2026-02-01", who(&b, NULL, NULL, same[i], NULL, NULL), NULL), "%s",
			  same[i]);
	/* numbers entered for "not known" are nobody's */
	static const char *const dummy[] = {"07000 000000", "07777777777", "01234 567890",
					    "07123 456789", "00000 000000"};
	for (size_t i = 0; i < sizeof dummy / sizeof dummy[0]; i++) {
		struct match_keys k;
		keys_of(who(&b, NULL, NULL, dummy[i], NULL, NULL), NULL, &k);
		cr_assert_eq(k.n, 0, "%s", dummy[i]);
		match_keys_free(&k);
	}
	/* an extension in brackets is no note: the switchboard alone does not match it */
	record("TS-2026-0002", "2026-01-10", who(&a, NULL, NULL, "01632 960456", NULL, NULL), NULL);
	cr_assert_not(matches("2026-02-01", who(&b, NULL, NULL, "01632 960456 (ext 21)", 0, 0), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, NULL, NULL, "01632 960456 (x21)", 0, 0), NULL));
}

Test(match, nhs_placeholders_and_unicode_separators)
{
	struct who a, b;
	struct match_keys k;
	/* every repeated digit passes mod 11 and is a system's dummy: no key */
	static const char *const dummy[] = {"0000000000", "999 999 9999", "1111111111"};
	for (size_t i = 0; i < sizeof dummy / sizeof dummy[0]; i++) {
		keys_of(who(&b, NULL, NULL, NULL, dummy[i], NULL), NULL, &k);
		cr_assert_eq(k.n, 0, "%s", dummy[i]);
		match_keys_free(&k);
	}
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, NULL, "9990001006", NULL), NULL);
	cr_assert(matches("2026-02-01",
			  who(&b, NULL, NULL, NULL, "999\xC2\xA0" "000\xC2\xA0" "1006", NULL), NULL),
		  "NBSP between the groups");
	cr_assert(matches("2026-02-01",
			  who(&b, NULL, NULL, NULL, "999\xE2\x80\x93" "000\xE2\x80\x93" "1006", NULL),
			  NULL),
		  "en dashes between the groups");
	cr_assert(matches("2026-02-01", who(&b, NULL, NULL, NULL, "NHS No. 999 000 1006", NULL), NULL),
		  "a label before the number");
	keys_of(who(&b, NULL, NULL, NULL, "NHS No. 999 000 1007", NULL), NULL, &k);
	cr_assert_eq(k.n, 0, "the check digit still refuses a typo");
	match_keys_free(&k);
	struct who q;
	who(&q, NULL, NULL, NULL, NULL, NULL);
	q.p.ni_number = "JT123456A";
	record("TS-2026-0002", "2026-01-10", &q.p, NULL);
	q.p.ni_number = "JT\xC2\xA0" "12\xC2\xA0" "34\xC2\xA0" "56";
	cr_assert(matches("2026-02-01", &q.p, NULL), "NI number with NBSPs");
	static const char *const labelled[] = {"NI No. JT 12 34 56 A", "NINO: jt123456a",
					       "NI number JT123456"};
	for (size_t i = 0; i < sizeof labelled / sizeof labelled[0]; i++) {
		q.p.ni_number = (char *)labelled[i];
		cr_assert(matches("2026-02-01", &q.p, NULL), "%s", labelled[i]);
	}
	q.p.ni_number = "NI No. JT 12 34 57 A";
	cr_assert_not(matches("2026-02-01", &q.p, NULL), "another number");
}

Test(match, refused_names_aka_in_full_and_initials)
{
	struct who a, b;
	struct match_keys k;
	/* nulls as call takers write them are no name: two strangers at one hostel stay apart */
	static const char *const nobody[] = {"REFUSED", "Declined", "not stated", "Not Provided"};
	for (size_t i = 0; i < sizeof nobody / sizeof nobody[0]; i++) {
		keys_of(who(&b, nobody[i], "1985-02-02", NULL, NULL, "TS2 1HQ"), NULL, &k);
		cr_assert_eq(k.n, 0, "%s", nobody[i]);
		match_keys_free(&k);
	}
	/* the other name after "also known as", "a.k.a.", "known as", "previously" */
	record("TS-2026-0001", "2026-01-10", who(&a, "Precious Okafor", "1995-03-30", 0, 0, 0), NULL);
	static const char *const other[] = {"Precious OKONKWO also known as Precious Okafor",
					    "Precious Okonkwo a.k.a. Precious Okafor",
					    "Precious Okonkwo (known as Precious Okafor)",
					    "Precious Okonkwo previously Okafor"};
	for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
		struct match_result r;
		query("2026-02-01", who(&b, other[i], "1995-03-30", 0, 0, 0), NULL, &r);
		cr_assert(r.repeat, "%s", other[i]);
		cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB, "%s", other[i]);
		match_result_free(&r);
	}
	/* alternatives separated by '/' are other names; "N/K" is still nobody */
	static const char *const slash[] = {"Precious Okonkwo / Precious Okafor",
					    "Precious OKONKWO/OKAFOR", "OKONKWO/OKAFOR, Precious",
					    "OKAFOR/OKONKWO, Precious"};
	for (size_t i = 0; i < sizeof slash / sizeof slash[0]; i++) {
		struct match_result r;
		query("2026-02-01", who(&b, slash[i], "1995-03-30", 0, 0, 0), NULL, &r);
		cr_assert(r.repeat, "%s", slash[i]);
		cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB, "%s", slash[i]);
		match_result_free(&r);
	}
	keys_of(who(&b, "N/K", "1985-02-02", NULL, NULL, "TS2 1HQ"), NULL, &k);
	cr_assert_eq(k.n, 0, "N/K");
	match_keys_free(&k);
	/* "A B SMITH" (health systems' initials) and the full name find each other, weakly */
	record("TS-2026-0002", "2026-01-10", who(&a, "Mrs A B SMITH", "1966-03-15", 0, 0, 0), NULL);
	record("TS-2026-0003", "2026-01-10", who(&a, "Carol Denise Jones", "1970-04-04", 0, 0, 0),
	       NULL);
	struct match_result r;
	query("2026-02-01", who(&b, "Anne Bernadette Smith", "1966-03-15", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_str_eq(r.previous[0].case_ref, "TS-2026-0002");
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	query("2026-02-01", who(&b, "C D JONES", "1970-04-04", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat, "the short form finds the case written in full");
	cr_assert_str_eq(r.previous[0].case_ref, "TS-2026-0003");
	match_result_free(&r);
	/* two people written in full with the same initials are not each other */
	record("TS-2026-0004", "2026-01-10", who(&a, "Alison Brenda Hale", "1980-08-08", 0, 0, 0),
	       NULL);
	cr_assert_not(matches("2026-02-01", who(&b, "Amy Beth Hale", "1980-08-08", 0, 0, 0), NULL),
		      "variants never match each other");
}

/* h-match3: the police's PNC id and probation's CRN identify a perpetrator (DOMAIN.md). */
Test(match, pnc_id_and_crn_are_strong_perpetrator_keys)
{
	struct who v1, v2, p1, p2;
	struct match_result r;
	/* another victim, the same perpetrator known only by name and PNC id */
	who(&p1, "Tyler Finch", NULL, NULL, NULL, NULL);
	p1.p.pnc_id = "2001/0171310W";
	record("TS-2026-0001", "2026-01-10", who(&v1, "Anna Rowan", "1991-01-14", 0, 0, 0), &p1.p);
	who(&p2, "Ty Finch", NULL, NULL, NULL, NULL);
	p2.p.pnc_id = "01/171310w";
	query("2026-04-10", who(&v2, "Beth Selby", "1994-02-08", 0, 0, 0), &p2.p, &r);
	cr_assert_not(r.repeat);
	cr_assert_eq(r.n_serial, 1, "the short form of the PNC id is the same perpetrator");
	cr_assert_eq(r.serial[0].perp_kinds, 1u << MATCH_KIND_PNC);
	match_result_free(&r);
	/* a wrong check letter is no id */
	p2.p.pnc_id = "2001/0171310X";
	query("2026-04-10", who(&v2, "Beth Selby", "1994-02-08", 0, 0, 0), &p2.p, &r);
	cr_assert_eq(r.n_serial, 0);
	match_result_free(&r);
	/* the same victim and perpetrator, the perpetrator matched by CRN only */
	who(&p1, "Connor Blaine", "1990-10-01", NULL, NULL, NULL);
	p1.p.probation_crn = "X765432";
	record("TS-2026-0002", "2026-01-10", who(&v1, "Anna Rolfe", "1991-01-16", 0, 0, 0), &p1.p);
	who(&p2, "Con Blaine", "1990-01-10", NULL, NULL, NULL);
	p2.p.probation_crn = "x 765432";
	query("2026-04-10", who(&v2, "Anna Rolfe", "1991-01-16", 0, 0, 0), &p2.p, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].perp_kinds, 1u << MATCH_KIND_CRN);
	match_result_free(&r);
	p2.p.probation_crn = "X765433";
	cr_assert_not(matches("2026-04-10", who(&v2, "Anna Rolfe", "1991-01-16", 0, 0, 0), &p2.p),
		      "another CRN and another name: a new perpetrator");
	cr_assert_eq(match_strength(1u << MATCH_KIND_PNC), MATCH_STRONG);
	cr_assert_eq(match_strength(1u << MATCH_KIND_CRN), MATCH_STRONG);
	cr_assert_str_eq(match_kind_name(MATCH_KIND_PNC), "pnc_id");
	cr_assert_str_eq(match_kind_name(MATCH_KIND_CRN), "probation_crn");
}

/* h-match3: a name in Cyrillic finds its Latin transliteration, weakly. */
Test(match, cyrillic_names_find_their_transliteration_weakly)
{
	struct who a, b;
	struct match_result r;
	record("TS-2026-0001", "2026-01-10", who(&a, "Oksana Kovalenko", "1989-08-24", 0, 0, 0), NULL);
	/* "Оксана КОВАЛЕНКО": upper case Cyrillic too */
	query("2026-02-01",
	      who(&b, "\xD0\x9E\xD0\xBA\xD1\x81\xD0\xB0\xD0\xBD\xD0\xB0 "
		      "\xD0\x9A\xD0\x9E\xD0\x92\xD0\x90\xD0\x9B\xD0\x95\xD0\x9D\xD0\x9A\xD0\x9E",
		  "1989-08-24", 0, 0, 0),
	      NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	/* "Олександр" vs the Russian-style "Aleksandr": phonetic (vowel runs) */
	record("TS-2026-0002", "2026-01-10", who(&a, "Aleksandr Bondarenko", "1980-02-02", 0, 0, 0),
	       NULL);
	cr_assert(matches("2026-02-01",
			  who(&b, "\xD0\x9E\xD0\xBB\xD0\xB5\xD0\xBA\xD1\x81\xD0\xB0\xD0\xBD"
				  "\xD0\xB4\xD1\x80 \xD0\x91\xD0\xBE\xD0\xBD\xD0\xB4\xD0\xB0"
				  "\xD1\x80\xD0\xB5\xD0\xBD\xD0\xBA\xD0\xBE",
			      "1980-02-02", 0, 0, 0),
			  NULL));
	/* another DOB: no match */
	cr_assert_not(matches("2026-02-01",
			      who(&b, "\xD0\x9E\xD0\xBA\xD1\x81\xD0\xB0\xD0\xBD\xD0\xB0 "
				      "\xD0\x9A\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBB\xD0\xB5\xD0\xBD"
				      "\xD0\xBA\xD0\xBE",
				  "1989-08-25", 0, 0, 0),
			      NULL));
}

/* h-match3: an alias has fuzzy keys as the full name has: one letter off still finds it. */
Test(match, aliases_match_with_one_edit_weakly)
{
	struct who a, b;
	struct match_result r;
	who(&a, "Kathryn Smyth", "1983-01-23", 0, 0, 0);
	a.aliases[0] = "Katie Smyth";
	a.p.aliases = a.aliases;
	a.p.n_aliases = 1;
	record("TS-2026-0001", "2026-01-10", &a.p, NULL);
	query("2026-02-01", who(&b, "Katie Smith", "1983-01-23", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds & (1u << MATCH_KIND_FUZZY_NAME_DOB),
		     1u << MATCH_KIND_FUZZY_NAME_DOB);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Katie Smith", "1983-01-24", 0, 0, 0), NULL),
		      "another DOB");
}

/* h-match3: suffixes go as titles do; "Mrs A SMITH" finds a full name with a middle name. */
Test(match, suffixes_and_an_initial_with_the_surname)
{
	struct who a, b;
	struct match_result r;
	record("TS-2026-0001", "2026-01-10", who(&a, "Mark Jones Jnr", "1999-09-09", 0, 0, 0), NULL);
	query("2026-02-01", who(&b, "Mark JONES", "1999-09-09", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB, "an exact name");
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Mark Jones Snr", "1970-01-01", 0, 0, 0), NULL),
		      "the father: another DOB");

	record("TS-2026-0002", "2026-01-10", who(&a, "Anne Bernadette Smalley", "1966-03-19", 0, 0, 0),
	       NULL);
	query("2026-02-01", who(&b, "Mrs A SMALLEY", "1966-03-19", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Mrs A SMALLEY", "1966-03-18", 0, 0, 0), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, "Mrs C SMALLEY", "1966-03-19", 0, 0, 0), NULL),
		      "another initial");
}

/* h-match3: aliases now have fuzzy keys: a person with every DOB and several aliases still fits. */
Test(match, many_dobs_and_aliases_fit_the_key_cap)
{
	struct who a;
	who(&a, "Mrs Anne-Marie Bernadette O'Sullivan-Smythe", "1980-01-02", "07700 900123",
	    "9990001006", "TS1 2AB");
	char *dobs[8] = {"1980-02-01", "1981-01-02", "1980-01-03", "1979-01-02",
			 "1980-03-01", "1980-01-12", "1980-12-01", "1982-01-02"};
	char *aliases[4] = {"Annie Smythe", "Anne Marie O'Sullivan", "Marie Smith (nee Smythe)",
			    "A M B SMYTHE"};
	a.p.other_dobs = dobs;
	a.p.n_other_dobs = 8;
	a.p.aliases = aliases;
	a.p.n_aliases = 4;
	struct match_keys k;
	cr_assert_eq(match_keys(&a.p, NULL, 0, key, sizeof key, &k), MGW_OK);
	cr_assert_leq(k.n, MATCH_MAX_KEYS);
	match_keys_free(&k);
}

/* h-match4: more numbers in one entry, labels with a dash, a number across a line break. */
Test(match, phone_entries_split_at_or_and_line_breaks)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, "07700 900123", NULL, NULL), NULL);
	static const char *const same[] = {
		"Home - 07700 900123",		   "01632 960111 or 07700 900123",
		"01632 960111 AND 07700 900123",   "01632 960111 & 07700 900123",
		"01632 960111\n07700 900123",	   "07700\n900123",
		"07700 900123 (mobile, text only)", "07700 900123 (mum's / safe after 6)"};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
		cr_assert(matches("2026-02-01", who(&b, NULL, NULL, same[i], NULL, NULL), NULL), "%s",
			  same[i]);
	/* two other numbers are two other numbers, not a mixture of them */
	cr_assert_not(matches("2026-02-01",
			      who(&b, NULL, NULL, "07700 900124 or 07700 900125", NULL, NULL), NULL));
	struct match_keys k;
	keys_of(who(&b, NULL, NULL, "07700 900124 or 07700 900125", NULL, NULL), NULL, &k);
	cr_assert_eq(k.n, 2, "each number is one key");
	match_keys_free(&k);
}

/* h-match4: an NHS number typed with O for 0 or l for 1, or with a trace note after it. */
Test(match, nhs_transcription_letters_and_trace_notes)
{
	struct who a, b;
	struct match_keys k;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, NULL, "9990001006", NULL), NULL);
	static const char *const same[] = {"999 OOO l0O6", "999 000 1006 (verified)",
					   "9990001006 - traced", "NHS No: 999-OOO-1OO6 (traced)"};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
		cr_assert(matches("2026-02-01", who(&b, NULL, NULL, NULL, same[i], NULL), NULL), "%s",
			  same[i]);
	/* the check digit still refuses a typo, and an eleventh digit is no note */
	static const char *const none[] = {"999 OOO 1OO7", "999 000 1007 (verified)",
					   "999 000 1006 7", "999 000 1006 (7)"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		keys_of(who(&b, NULL, NULL, NULL, none[i], NULL), NULL, &k);
		cr_assert_eq(k.n, 0, "%s", none[i]);
		match_keys_free(&k);
	}
}

/* h-match4: a preferred name in brackets or quotes (weak); a one-word or "née" alias (exact). */
Test(match, bracketed_names_and_one_word_aliases)
{
	struct who a, b;
	struct match_result r;
	record("TS-2026-0001", "2026-01-10",
	       who(&a, "Elizabeth Anne (Beth) MORGAN", "1984-02-20", 0, 0, 0), NULL);
	query("2026-02-01", who(&b, "Beth Morgan", "1984-02-20", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_FUZZY_NAME_DOB);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Beth Morgan", "1984-02-21", 0, 0, 0), NULL),
		      "another DOB");
	cr_assert_not(matches("2026-02-01", who(&b, "Lizzie Morgan", "1984-02-20", 0, 0, 0), NULL),
		      "another nickname");
	record("TS-2026-0002", "2026-01-10",
	       who(&a, "Gwen \xE2\x80\x9CGee\xE2\x80\x9D Parry-Davies", "1975-05-05", 0, 0, 0), NULL);
	cr_assert(matches("2026-02-01", who(&b, "Gee Davies", "1975-05-05", 0, 0, 0), NULL),
		  "curly quotes");

	/* a one-word alias stands for the forename, exactly */
	who(&a, "Elizabeth Morgan", "1985-03-03", 0, 0, 0);
	a.aliases[0] = "Beth";
	a.p.aliases = a.aliases;
	a.p.n_aliases = 1;
	record("TS-2026-0003", "2026-01-10", &a.p, NULL);
	query("2026-02-01", who(&b, "MORGAN, Beth", "1985-03-03", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Beth Jones", "1985-03-03", 0, 0, 0), NULL));
	/* an alias that is a maiden name ("née Evans") takes a word's place too */
	who(&a, "Carys Hughes", "1983-07-20", 0, 0, 0);
	a.aliases[0] = "n\xC3\xA9" "e Evans";
	a.p.aliases = a.aliases;
	a.p.n_aliases = 1;
	record("TS-2026-0004", "2026-01-10", &a.p, NULL);
	cr_assert(matches("2026-02-01", who(&b, "Carys Evans", "1983-07-20", 0, 0, 0), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, "Carys Evans", "1983-07-21", 0, 0, 0), NULL));
}

/* h-match4: a country code in brackets, labelled numbers in a list, more words for other names. */
Test(match, bracketed_country_code_labelled_lists_and_maiden_names)
{
	struct who a, b;
	struct match_result r;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, "07700 900123", NULL, NULL), NULL);
	static const char *const same[] = {"(+44) 7700 900123", "(+44)7700-900-123",
					   "Home: 01632 960111, Mobile: 07700 900123"};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
		cr_assert(matches("2026-02-01", who(&b, NULL, NULL, same[i], NULL, NULL), NULL), "%s",
			  same[i]);
	cr_assert_not(matches("2026-02-01", who(&b, NULL, NULL, "(+48) 7700 900123", 0, 0), NULL),
		      "another country's code is another number");

	static const char *const other[] = {"Grace Holt (maiden name Turner)",
					    "Grace Holt fka Grace Turner",
					    "Grace Holt (formerly known as Grace Turner)",
					    "Grace Holt (birth name Turner)"};
	record("TS-2026-0002", "2026-01-10", who(&a, "Grace Turner", "1987-04-13", 0, 0, 0), NULL);
	for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
		query("2026-02-01", who(&b, other[i], "1987-04-13", 0, 0, 0), NULL, &r);
		cr_assert(r.repeat, "%s", other[i]);
		cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB, "%s", other[i]);
		match_result_free(&r);
	}

	/* a one-word alias beside a middle name: the nickname with the surname, weakly */
	who(&a, "Elizabeth Anne Morgan", "1984-07-13", 0, 0, 0);
	a.aliases[0] = "Lizzie";
	a.p.aliases = a.aliases;
	a.p.n_aliases = 1;
	record("TS-2026-0003", "2026-01-10", &a.p, NULL);
	query("2026-02-01", who(&b, "Lizzie MORGAN", "1984-07-13", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Lizzie Morgan", "1984-07-14", 0, 0, 0), NULL));
}

/* h-match4: "Mrs A B SMITH" (initials as written) and "Anne Smith" find each other, weakly. */
Test(match, middle_initials_as_written_find_a_name_without_them)
{
	struct who a, b;
	struct match_result r;
	record("TS-2026-0001", "2026-01-10", who(&a, "Mrs A B SMITH", "1983-11-13", 0, 0, 0), NULL);
	query("2026-02-01", who(&b, "Anne Smith", "1983-11-13", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_FUZZY_NAME_DOB);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Anne Smith", "1983-11-14", 0, 0, 0), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, "Carol Smith", "1983-11-13", 0, 0, 0), NULL),
		      "another initial");
	record("TS-2026-0002", "2026-01-10", who(&a, "Beth Jones", "1990-05-05", 0, 0, 0), NULL);
	cr_assert(matches("2026-02-01", who(&b, "JONES B A (Miss)", "1990-05-05", 0, 0, 0), NULL),
		  "the other order");
	/* twins written in full still never meet through their initials */
	record("TS-2026-0003", "2026-01-10", who(&a, "Jessica Doe", "2002-02-02", 0, 0, 0), NULL);
	cr_assert_not(matches("2026-02-01", who(&b, "Jennifer Doe", "2002-02-02", 0, 0, 0), NULL));
}

/* h-match4: a second labelled number after a space; a postcode kept in the address lines. */
Test(match, second_labelled_number_and_postcode_in_address_lines)
{
	struct who a, b;
	struct match_result r;
	record("TS-2026-0001", "2026-01-10", who(&a, NULL, NULL, "07700 900456", NULL, NULL), NULL);
	cr_assert(matches("2026-02-01",
			  who(&b, NULL, NULL, "Tel: 01632 960123 Mob: 07700 900456", NULL, NULL), NULL));
	cr_assert_not(matches("2026-02-01",
			      who(&b, NULL, NULL, "07700 900455 ext 21", NULL, NULL), NULL));

	char *lines[2] = {"Flat 2, 14 Example Road", "Middlesbrough ts13xy"};
	who(&a, "Leanne Doyle", "1984-02-14", 0, 0, NULL);
	a.a.lines = lines;
	a.a.n_lines = 2;
	a.p.address = &a.a;
	record("TS-2026-0002", "2026-01-10", &a.p, NULL);
	query("2026-02-01", who(&b, "Leanne DOYLE", "1985-02-14", 0, 0, "TS1 3XY"), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_POSTCODE_NAME);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Leanne Doyle", "1985-02-14", 0, 0, "TS1 3XZ"),
			      NULL),
		      "another postcode");
	/* the postcode field, when given, is the postcode: the lines are not read */
	a.a.postcode = "TS9 9ZZ";
	record("TS-2026-0003", "2026-01-10", &a.p, NULL);
	query("2026-02-01", who(&b, "Leanne Doyle", "1985-02-14", 0, 0, "TS1 3XY"), NULL, &r);
	cr_assert_eq(r.n_previous, 1, "only the case without a postcode field");
	match_result_free(&r);
}

/* h-match4: O for 0 and l for 1 in the digits of an NI number, a CRN and a PNC id. */
Test(match, transcription_letters_in_ni_crn_and_pnc)
{
	struct who a, b;
	struct match_keys k;
	who(&a, NULL, NULL, NULL, NULL, NULL);
	a.p.ni_number = "PA603721B";
	record("TS-2026-0001", "2026-01-10", &a.p, NULL);
	who(&b, NULL, NULL, NULL, NULL, NULL);
	b.p.ni_number = "PA 6O 37 2l B";
	cr_assert(matches("2026-02-01", &b.p, NULL));
	b.p.ni_number = "PA 6O 37 22 B";
	cr_assert_not(matches("2026-02-01", &b.p, NULL), "another number");
	b.p.ni_number = "OA 60 37 21 B"; /* the letters are not digits */
	cr_assert_not(matches("2026-02-01", &b.p, NULL));

	who(&a, NULL, NULL, NULL, NULL, NULL);
	a.p.probation_crn = "X402013";
	a.p.pnc_id = "2009/0412346N";
	record("TS-2026-0002", "2026-01-10", &a.p, NULL);
	who(&b, NULL, NULL, NULL, NULL, NULL);
	b.p.probation_crn = "x4O2O13";
	cr_assert(matches("2026-02-01", &b.p, NULL), "CRN");
	b.p.probation_crn = NULL;
	b.p.pnc_id = "2OO9/O4l2346N";
	cr_assert(matches("2026-02-01", &b.p, NULL), "PNC id");
	b.p.pnc_id = "2OO9/O4l2347N"; /* the check letter still refuses a typo */
	keys_of(&b.p, NULL, &k);
	cr_assert_eq(k.n, 0);
	match_keys_free(&k);
}

/* h-match4: many one-word aliases and dates of birth are left out near the cap, never refused. */
Test(match, many_one_word_aliases_fit_the_key_cap)
{
	struct who a;
	who(&a, "Anne-Marie Bernadette Catherine O'Sullivan-Smythe", "1980-01-02", "07700 900123",
	    "9990001006", "TS1 2AB");
	char *dobs[8] = {"1980-02-01", "1981-01-02", "1980-01-03", "1979-01-02",
			 "1980-03-01", "1980-01-12", "1980-12-01", "1982-01-02"};
	char *aliases[32];
	char words[32][8];
	for (size_t i = 0; i < 32; i++) {
		snprintf(words[i], sizeof words[i], "Ann%c%c", (char)('a' + i / 26), (char)('a' + i % 26));
		aliases[i] = words[i];
	}
	a.p.other_dobs = dobs;
	a.p.n_other_dobs = 8;
	a.p.aliases = aliases;
	a.p.n_aliases = 32;
	struct match_keys k;
	cr_assert_eq(match_keys(&a.p, NULL, 0, key, sizeof key, &k), MGW_OK);
	cr_assert_leq(k.n, MATCH_MAX_KEYS);
	match_keys_free(&k);
}

/* h-match4: a police alias written with '@'; "(known as Pat)" beside a middle name. */
Test(match, police_at_aliases_and_known_as_in_brackets)
{
	struct who a, b;
	struct match_result r;
	record("TS-2026-0001", "2026-01-10", who(&a, "Tracy JONES @ Tracy SMITH", "1982-05-14", 0, 0, 0),
	       NULL);
	query("2026-02-01", who(&b, "Tracy Smith", "1982-05-14", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB);
	match_result_free(&r);
	cr_assert(matches("2026-02-01", who(&b, "Tracy Jones", "1982-05-14", 0, 0, 0), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, "Tracy Smith", "1982-05-15", 0, 0, 0), NULL));

	record("TS-2026-0002", "2026-01-10",
	       who(&a, "Mrs Joan Patricia SMITH (known as Pat)", "1956-06-14", 0, 0, 0), NULL);
	query("2026-02-01", who(&b, "Pat Smith", "1956-06-14", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "Pam Smith", "1956-06-14", 0, 0, 0), NULL));
}

/* h-match4: a perpetrator known only by name and postcode does not make a new case when he moves. */
Test(match, perpetrator_by_name_and_postcode_only_does_not_block)
{
	struct who v, p1, p2;
	struct match_result r;
	who(&v, "Kelly Burns", "1991-07-14", "07700 900123", NULL, NULL);
	record("TS-2026-0001", "2026-01-10", &v.p, who(&p1, "Daniel Price", NULL, 0, 0, "TS1 1AA"));
	query("2026-02-01", &v.p, who(&p2, "Daniel PRICE", NULL, 0, 0, "TS5 5BB"), &r);
	cr_assert(r.repeat, "he moved");
	cr_assert_eq(r.previous[0].perp_kinds, 0u);
	match_result_free(&r);
	query("2026-02-01", &v.p, who(&p2, "Daniel Price", NULL, 0, 0, "ts11aa"), &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].perp_kinds, 1u << MATCH_KIND_POSTCODE_NAME, "it still confirms");
	match_result_free(&r);
	/* with a DOB on both sides, another man is another case */
	record("TS-2026-0002", "2026-01-10", who(&v, "Kelly Burns", "1991-07-15", "07700 900124", 0, 0),
	       who(&p1, "Daniel Price", "1990-01-01", 0, 0, "TS1 1AA"));
	cr_assert_not(matches("2026-02-01", &v.p, who(&p2, "Aaron Webb", "1989-02-02", 0, 0, 0)));
	cr_assert(matches("2026-02-01", &v.p, who(&p2, "Daniel Price", "1990-01-01", 0, 0, 0)));
}

/* h-match5: a surname-only record ("WHITFIELD", "Mrs WHITFIELD") finds the
 * full name born that day, weakly, and a titled placeholder is no name. */
Test(match, surname_only_records_and_titled_placeholders)
{
	struct who a, b;
	struct match_result r;
	record("TS-2026-0001", "2026-01-05", who(&a, "Mrs WHITFIELD", "1981-01-21", 0, 0, 0), NULL);
	query("2026-02-01", who(&b, "Dawn Whitfield", "1981-01-21", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat, "the surname-only record is her");
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_FUZZY_NAME_DOB);
	match_result_free(&r);
	cr_assert(matches("2026-02-01", who(&b, "WHITFIELD", "1981-01-21", 0, 0, 0), NULL),
		  "with or without the title, one record");
	cr_assert_not(matches("2026-02-01", who(&b, "Dawn Whitfield", "1981-01-22", 0, 0, 0), NULL),
		      "another DOB: another woman");
	/* the other order: the full name recorded first */
	record("TS-2026-0002", "2026-01-05", who(&a, "Maya Ashworth", "1990-03-03", 0, 0, 0), NULL);
	cr_assert(matches("2026-02-01", who(&b, "ASHWORTH", "1990-03-03", 0, 0, 0), NULL));
	/* "Miss Unknown" is the placeholder "unknown", not a surname */
	record("TS-2026-0003", "2026-01-05", who(&a, "Miss Unknown", "1990-05-08", 0, 0, 0), NULL);
	cr_assert_not(matches("2026-02-01", who(&b, "miss unknown", "1990-05-08", 0, 0, 0), NULL));
	cr_assert_not(matches("2026-02-01", who(&b, "MRS N/K", "1990-05-08", 0, 0, 0), NULL));
	/* a short surname only with a title: without one, a nickname as often */
	record("TS-2026-0004", "2026-01-05", who(&a, "Ayesha Khan", "1986-03-02", 0, 0, 0), NULL);
	query("2026-02-01", who(&b, "Mrs KHAN", "1986-03-02", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].strength, MATCH_WEAK);
	match_result_free(&r);
	cr_assert_not(matches("2026-02-01", who(&b, "KHAN", "1986-03-02", 0, 0, 0), NULL));
}

/* h-match5: other names listed with commas, in an aliases entry or after
 * "aka" in the name field, are each a name; before the part word a comma
 * is still a surname written first. */
Test(match, comma_separated_alias_lists)
{
	struct who a, b;
	struct match_result r;
	who(&a, "Joanne Pearce", "1987-07-07", 0, 0, 0);
	a.aliases[0] = "Jo, JoJo";
	a.p.aliases = a.aliases;
	a.p.n_aliases = 1;
	record("TS-2026-0001", "2026-01-07", &a.p, NULL);
	query("2026-02-07", who(&b, "Jo Pearce", "1987-07-07", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB, "an alias the agency listed");
	match_result_free(&r);
	record("TS-2026-0002", "2026-01-07",
	       who(&a, "PEARCE, Josephine aka Jo, Joanne, Jo-Jo", "1987-07-08", 0, 0, 0), NULL);
	query("2026-02-07", who(&b, "Joanne Pearce", "1987-07-08", 0, 0, 0), NULL, &r);
	cr_assert(r.repeat);
	cr_assert_eq(r.previous[0].victim_kinds, 1u << MATCH_KIND_NAME_DOB);
	match_result_free(&r);
	cr_assert(matches("2026-02-07", who(&b, "Josephine Pearce", "1987-07-08", 0, 0, 0), NULL),
		  "the surname-first name before the aka is kept");
	cr_assert_not(matches("2026-02-07", who(&b, "Joanne Smith", "1987-07-08", 0, 0, 0), NULL),
		      "each listed name takes the full name's other words, not any surname");
}

/* h-match5: an NHS number a spreadsheet exported as a float. */
Test(match, nhs_number_as_a_spreadsheet_float)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-07", who(&a, NULL, NULL, NULL, "9990000034.0", NULL), NULL);
	cr_assert(matches("2026-02-01", who(&b, NULL, NULL, NULL, "999 000 0034", NULL), NULL));
	char out[11];
	cr_assert_eq(match_nhs_key("9990000034.00", out), MGW_OK);
	cr_assert_neq(match_nhs_key("9990000034.5", out), MGW_OK, "a digit after the point is no float's");
	cr_assert_neq(match_nhs_key("9990000034.01", out), MGW_OK);
}

/* h-match5: a perpetrator known by different identifiers on each side
 * (police by name and DOB, probation by name and CRN alone): the same name
 * is the same man; another name, or the same kind of identifier differing,
 * is another perpetrator. */
Test(match, perpetrator_known_by_different_identifiers)
{
	struct who v, p1, p2;
	struct match_result r;
	who(&v, "Leah Morrison", "1992-02-03", 0, 0, 0);
	record("TS-2026-0001", "2026-01-07", &v.p, who(&p1, "Darren Hughes", "1988-09-10", 0, 0, 0));
	who(&p2, "HUGHES, Darren", NULL, 0, 0, 0);
	p2.p.probation_crn = "X100002";
	query("2026-02-07", &v.p, &p2.p, &r);
	cr_assert(r.repeat, "probation's CRN-only record of the same named man");
	cr_assert_eq(r.previous[0].perp_kinds, 0u, "no identifier matched: none reported");
	cr_assert_eq(r.n_serial, 0);
	match_result_free(&r);
	who(&p2, "Connor Blake", NULL, 0, 0, 0);
	p2.p.probation_crn = "X100002";
	cr_assert_not(matches("2026-02-07", &v.p, &p2.p), "another name: a new partner");
	cr_assert_not(matches("2026-02-07", &v.p, who(&p2, "Darren Hughes", "1958-09-10", 0, 0, 0)),
		      "the same name with another DOB is another man (father and son)");
	/* a name alone never makes a serial perpetrator */
	who(&p2, "Darren Hughes", NULL, 0, 0, 0);
	p2.p.probation_crn = "X100009";
	query("2026-02-07", who(&v, "Nicola Reed", "1989-09-30", 0, 0, 0), &p2.p, &r);
	cr_assert_not(r.repeat);
	cr_assert_eq(r.n_serial, 0);
	match_result_free(&r);
}

/* h-match5: both name fields filled with a null, and a phone a spreadsheet
 * exported as a float. */
Test(match, null_words_in_both_name_fields_and_phone_floats)
{
	struct who a, b;
	record("TS-2026-0001", "2026-01-01", who(&a, "UNKNOWN UNKNOWN", "1990-05-09", 0, 0, 0), NULL);
	cr_assert_not(matches("2026-01-20", who(&b, "Unknown Unknown", "1990-05-09", 0, 0, 0), NULL));
	record("TS-2026-0002", "2026-01-01", who(&a, "Female Unknown", "1990-05-10", 0, 0, 0), NULL);
	cr_assert_not(matches("2026-01-20", who(&b, "female unknown", "1990-05-10", 0, 0, 0), NULL));
	/* names made of such words that are names stay names */
	record("TS-2026-0003", "2026-01-01", who(&a, "Noa Given", "1990-05-11", 0, 0, 0), NULL);
	cr_assert(matches("2026-01-20", who(&b, "NOA GIVEN", "1990-05-11", 0, 0, 0), NULL));
	char out[MATCH_PHONE_KEY_MAX];
	cr_assert_eq(match_phone_key("7700900301.0", out), MGW_OK);
	cr_assert_str_eq(out, "+447700900301");
	cr_assert_eq(match_phone_key("07700900301.00", out), MGW_OK);
	cr_assert_str_eq(out, "+447700900301");
	cr_assert_eq(match_phone_key("07700 900 100", out), MGW_OK);
	cr_assert_str_eq(out, "+447700900100", "trailing zeros of the number itself stay");
	cr_assert_neq(match_phone_key("7700900301.5", out), MGW_OK);
}

/* DASH scoring, levels and referral validation: every error names its field. Synthetic data only. */
#include <criterion/criterion.h>
#include <string.h>

#include <sqlite3.h>

#include "caldate.h"
#include "dash.h"
#include "match.h"
#include "mgw_err.h"

#define YES MARAC__V1__ANSWER__ANSWER_YES
#define NO MARAC__V1__ANSWER__ANSWER_NO
#define VHR MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_VISIBLE_HIGH_RISK
#define PJ MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT
#define ESC MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_POTENTIAL_ESCALATION
#define REP MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_REPEAT
#define SL24 MARAC__V1__DASH_FORM__DASH_FORM_SAFELIVES_24
#define P27 MARAC__V1__DASH_FORM__DASH_FORM_POLICE_27
#define STANDARD MARAC__V1__RISK_LEVEL__RISK_LEVEL_STANDARD
#define MEDIUM MARAC__V1__RISK_LEVEL__RISK_LEVEL_MEDIUM
#define HIGH MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH

/* A valid referral built on the stack: VHR, 14 yes of 24, adult victim. */
struct fx {
	Marac__V1__Referral r;
	Marac__V1__Person victim, perp, kids[2];
	Marac__V1__Person *perps[1], *kidp[2];
	Marac__V1__Address addr;
	Marac__V1__Risk risk;
	Marac__V1__DashAnswer ans[27];
	Marac__V1__DashAnswer *ap[27];
	char *incidents[4];
};

static struct dash_config cfg;
static struct referral_check chk;
static char field[64], msg[256];

static void answers(struct fx *f, int form, unsigned n, unsigned yes)
{
	f->risk.form = form;
	for (unsigned i = 0; i < n; i++) {
		marac__v1__dash_answer__init(&f->ans[i]);
		f->ans[i].question = i + 1;
		f->ans[i].answer = i < yes ? YES : (i % 2 ? NO : MARAC__V1__ANSWER__ANSWER_NOT_KNOWN);
		f->ap[i] = &f->ans[i];
	}
	f->risk.n_answers = n;
	f->risk.answers = f->ap;
}

static void fx_init(struct fx *f)
{
	memset(f, 0, sizeof *f);
	dash_config_defaults(&cfg);
	marac__v1__referral__init(&f->r);
	marac__v1__person__init(&f->victim);
	marac__v1__person__init(&f->perp);
	marac__v1__address__init(&f->addr);
	marac__v1__risk__init(&f->risk);
	f->victim.full_name = "Testina Exampleton";
	f->victim.date_of_birth = "1990-05-01";
	f->victim.address = &f->addr;
	f->addr.postcode = "ts1 1aa";
	f->perp.full_name = "Fictio Exampleton";
	f->perp.date_of_birth = "1988-01-01";
	f->perps[0] = &f->perp;
	f->r.victim = &f->victim;
	f->r.perpetrators = f->perps;
	f->r.n_perpetrators = 1;
	f->r.risk = &f->risk;
	f->r.route = VHR;
	f->r.referral_date = "2026-03-15";
	f->r.marac_area = "Teesside";
	answers(f, SL24, 24, 14);
}

static int validate(struct fx *f)
{
	return referral_validate(&cfg, &f->r, &chk, field, sizeof field, msg, sizeof msg);
}

static void expect_field(struct fx *f, const char *want)
{
	cr_assert_eq(validate(f), MGW_E_INVALID, "expected an error on %s", want);
	cr_assert_str_eq(field, want, "msg: %s", msg);
	cr_assert_neq(msg[0], '\0');
	cr_assert_null(strstr(msg, "Exampleton"), "messages never quote personal data");
}

Test(dash, valid_referral_scores_and_levels)
{
	struct fx f;
	fx_init(&f);
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	cr_assert_eq(chk.score, 14);
	cr_assert_eq(chk.questions, 24);
	cr_assert_eq(chk.threshold, 14);
	cr_assert_eq(chk.level, HIGH);
	cr_assert_eq(chk.victim_age, 35);
	cr_assert_not(chk.area_from_postcode);
}

Test(dash, band_table)
{
	static const struct { unsigned yes; int level; } t[] = {
		{0, STANDARD}, {1, STANDARD}, {9, STANDARD}, {10, MEDIUM},
		{13, MEDIUM}, {14, HIGH}, {24, HIGH},
	};
	struct fx f;
	fx_init(&f);
	f.r.route = REP; /* route asserts nothing about the score */
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		answers(&f, SL24, 24, t[i].yes);
		cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
		cr_assert_eq(chk.score, t[i].yes);
		cr_assert_eq(chk.band_level, t[i].level, "score %u", t[i].yes);
	}
	answers(&f, SL24, 0, 0);
	cr_assert_eq(validate(&f), MGW_OK, "no answers: score 0");
	cr_assert_eq(chk.score, 0);
}

Test(dash, police_27_form)
{
	struct fx f;
	fx_init(&f);
	answers(&f, P27, 27, 27);
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	cr_assert_eq(chk.score, 27);
	cr_assert_eq(chk.questions, 27);
	answers(&f, P27, 27, 14);
	cr_assert_eq(validate(&f), MGW_OK, "14 of 27 meets the default threshold");
	answers(&f, P27, 27, 13);
	expect_field(&f, "risk.answers");
	cfg.police27.high_threshold = 16;
	answers(&f, P27, 27, 15);
	expect_field(&f, "risk.answers");
	answers(&f, P27, 27, 16);
	cr_assert_eq(validate(&f), MGW_OK);
	/* question 25 exists on the police form only */
	answers(&f, SL24, 24, 14);
	f.ans[3].question = 25;
	expect_field(&f, "risk.answers[3].question");
}

Test(dash, answer_validation)
{
	struct fx f;
	fx_init(&f);
	f.r.risk = NULL;
	expect_field(&f, "risk");
	fx_init(&f);
	f.risk.form = MARAC__V1__DASH_FORM__DASH_FORM_UNSPECIFIED;
	expect_field(&f, "risk.form");
	fx_init(&f);
	f.ans[0].question = 0;
	expect_field(&f, "risk.answers[0].question");
	fx_init(&f);
	f.ans[20].question = 3;
	expect_field(&f, "risk.answers[20].question");
	fx_init(&f);
	f.ans[5].answer = 7;
	expect_field(&f, "risk.answers[5].answer");
	fx_init(&f);
	f.risk.score = 24; /* the sender's score is ignored */
	f.risk.n_answers = 13;
	expect_field(&f, "risk.answers");
}

Test(dash, route_errors)
{
	struct fx f;
	fx_init(&f);
	f.r.route = 0;
	expect_field(&f, "route");
	f.r.route = 99;
	expect_field(&f, "route");
	fx_init(&f);
	answers(&f, SL24, 24, 13);
	expect_field(&f, "risk.answers");
	cr_assert_not_null(strstr(msg, "VISIBLE_HIGH_RISK"));
	f.r.route = PJ;
	expect_field(&f, "judgement_reason");
	f.r.judgement_reason = " \t\n";
	expect_field(&f, "judgement_reason");
	f.r.judgement_reason = "Escalating coercive control; victim isolated";
	cr_assert_eq(validate(&f), MGW_OK);
	f.r.route = ESC;
	expect_field(&f, "incident_dates");
}

Test(dash, person_date_and_area_errors)
{
	struct fx f;
	fx_init(&f);
	f.r.victim = NULL;
	expect_field(&f, "victim");
	fx_init(&f);
	f.victim.full_name = "";
	expect_field(&f, "victim.full_name");
	fx_init(&f);
	f.victim.date_of_birth = "01/05/1990";
	expect_field(&f, "victim.date_of_birth");
	f.victim.date_of_birth = "";
	expect_field(&f, "victim.date_of_birth");
	cfg.require_victim_dob = 0;
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert_eq(chk.victim_age, -1);
	fx_init(&f);
	f.victim.date_of_birth = "2026-03-16";
	expect_field(&f, "victim.date_of_birth");
	fx_init(&f);
	f.r.referral_date = "2026-02-30";
	expect_field(&f, "referral_date");
	f.r.referral_date = NULL;
	expect_field(&f, "referral_date");
	fx_init(&f);
	f.perp.date_of_birth = "1988-13-01";
	expect_field(&f, "perpetrators[0].date_of_birth");
	fx_init(&f);
	marac__v1__person__init(&f.kids[0]);
	marac__v1__person__init(&f.kids[1]);
	f.kids[0].date_of_birth = "2015-01-01";
	f.kids[1].date_of_birth = "2026-04-01";
	f.kidp[0] = &f.kids[0];
	f.kidp[1] = &f.kids[1];
	f.r.children = f.kidp;
	f.r.n_children = 2;
	f.kids[1].date_of_birth = "2027-06-01"; /* 443 days on: no pregnancy is that long */
	expect_field(&f, "children[1].date_of_birth");
	f.kids[1].date_of_birth = ""; /* unknown is allowed */
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert_eq(chk.unborn, 0);

	fx_init(&f);
	f.r.marac_area = "";
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	cr_assert(chk.area_from_postcode);
	f.addr.postcode = "NOT A POSTCODE";
	expect_field(&f, "victim.address.postcode");
	f.victim.address = NULL;
	expect_field(&f, "marac_area");
}

Test(dash, consent_and_transfer)
{
	struct fx f;
	fx_init(&f);
	f.r.consent_given = NO;
	expect_field(&f, "consent_reason");
	f.r.consent_reason = "Seeking consent would alert the perpetrator";
	cr_assert_eq(validate(&f), MGW_OK);
	f.r.transfer_in = 1;
	expect_field(&f, "transfer_from_area");
	f.r.transfer_from_area = "Durham";
	cr_assert_eq(validate(&f), MGW_OK);
}

Test(dash, under_16_boundary_on_the_birthday)
{
	struct fx f;
	fx_init(&f);
	f.victim.date_of_birth = "2010-03-15";
	cr_assert_eq(validate(&f), MGW_OK, "16 on the referral date: MARAC");
	cr_assert_eq(chk.victim_age, 16);
	f.r.referral_date = "2026-03-14";
	expect_field(&f, "victim.date_of_birth");
	cr_assert_not_null(strstr(msg, "children's safeguarding"));
	/* a 29 February birthday is reached on 1 March in a common year */
	f.victim.date_of_birth = "2084-02-29";
	f.r.referral_date = "2100-02-28";
	expect_field(&f, "victim.date_of_birth");
	f.r.referral_date = "2100-03-01";
	cr_assert_eq(validate(&f), MGW_OK);
}

Test(dash, escalation_window_boundaries)
{
	struct fx f;
	fx_init(&f);
	answers(&f, SL24, 24, 4);
	f.r.route = ESC;
	f.incidents[0] = "2025-03-15"; /* exactly 12 months before: inside */
	f.incidents[1] = "2025-11-02";
	f.incidents[2] = "2026-03-15"; /* the referral day itself: inside */
	f.r.incident_dates = f.incidents;
	f.r.n_incident_dates = 3;
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	cr_assert_eq(chk.incidents_in_window, 3);
	f.incidents[0] = "2025-03-14"; /* 12 months + 1 day */
	expect_field(&f, "incident_dates");
	f.incidents[3] = "2025-12-25";
	f.r.n_incident_dates = 4;
	cr_assert_eq(validate(&f), MGW_OK);
	/* areas using 6 months */
	cfg.escalation_window_months = 6;
	f.incidents[0] = "2025-09-15";
	f.incidents[1] = "2025-09-14";
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert_eq(chk.incidents_in_window, 3);
	f.incidents[3] = "2025-09-01";
	expect_field(&f, "incident_dates");
	cfg.escalation_min_incidents = 2;
	cr_assert_eq(validate(&f), MGW_OK);
	f.incidents[1] = "15/09/2025";
	expect_field(&f, "incident_dates[1]");
	f.incidents[1] = "2026-03-16";
	expect_field(&f, "incident_dates[1]");
}

Test(dash, judgement_raises_never_lowers)
{
	struct fx f;
	fx_init(&f);
	answers(&f, SL24, 24, 16);
	f.risk.level = STANDARD; /* referrer's level below the band */
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert_eq(chk.level, HIGH, "never lowered");
	cr_assert_not(chk.judgement_raised);

	answers(&f, SL24, 24, 11);
	f.r.route = REP;
	f.risk.level = HIGH;
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert_eq(chk.band_level, MEDIUM);
	cr_assert_eq(chk.level, HIGH, "raised by judgement");
	cr_assert(chk.judgement_raised);

	f.risk.level = STANDARD;
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert_eq(chk.level, MEDIUM);

	answers(&f, SL24, 24, 5);
	f.r.route = PJ;
	f.r.judgement_reason = "Threats to kill disclosed to the health visitor";
	f.risk.level = 0;
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert_eq(chk.band_level, STANDARD);
	cr_assert_eq(chk.level, HIGH, "a judgement referral is a judgement of high risk");
	cr_assert(chk.judgement_raised);
}

Test(dash, config_check_and_names)
{
	struct dash_config c;
	char m[128];
	dash_config_defaults(&c);
	cr_assert_eq(dash_config_check(&c, m, sizeof m), MGW_OK);
	c.safelives24.high_threshold = 25;
	cr_assert_eq(dash_config_check(&c, m, sizeof m), MGW_E_INVALID);
	cr_assert_not_null(strstr(m, "safelives24"));
	dash_config_defaults(&c);
	c.police27.medium_max = c.police27.standard_max;
	cr_assert_eq(dash_config_check(&c, m, sizeof m), MGW_E_INVALID);
	dash_config_defaults(&c);
	c.escalation_window_months = 0;
	cr_assert_eq(dash_config_check(&c, m, sizeof m), MGW_E_INVALID);
	cr_assert_str_eq(dash_route_name(ESC), "potential_escalation");
	cr_assert_str_eq(dash_level_name(MEDIUM), "medium");
	cr_assert_null(dash_form(&c, 9));
}

/*
 * A referral dated before 2000 passed validation and then failed in the
 * case-ref allocator (numbered per year from 2000) with INTERNAL and no
 * audit record: it is refused at validation, naming the field.
 */
Test(dash, a_referral_before_2000_is_refused_at_validation)
{
	struct fx f;
	fx_init(&f);
	f.victim.date_of_birth = "1960-05-01";
	f.r.referral_date = "1999-12-31";
	expect_field(&f, "referral_date");
	cr_assert(strstr(msg, "2000"), "%s", msg);
	fx_init(&f);
	f.victim.date_of_birth = "1960-05-01";
	f.r.referral_date = "2000-01-01";
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	/* The allocator takes every year validation lets through. */
	sqlite3 *db;
	char ref[32];
	cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	cr_assert_eq(match_schema(db), MGW_OK);
	cr_assert_eq(match_next_case_ref(db, "TS", CALDATE_EVENT_YEAR_MIN, ref, sizeof ref), MGW_OK);
	cr_assert_str_eq(ref, "TS-2000-0001");
	cr_assert_eq(match_next_case_ref(db, "TS", CALDATE_EVENT_YEAR_MIN - 1, ref, sizeof ref),
		     MGW_E_INVALID);
	sqlite3_close(db);
}

/* A pregnancy: the unborn child is accepted and counted, by either way forms record it. */
Test(dash, unborn_child_is_a_child)
{
	struct fx f;
	fx_init(&f);
	marac__v1__person__init(&f.kids[0]);
	marac__v1__person__init(&f.kids[1]);
	f.kids[0].date_of_birth = "2015-01-01";
	f.kids[1].expected_delivery_date = "2026-08-20";
	f.kidp[0] = &f.kids[0];
	f.kidp[1] = &f.kids[1];
	f.r.children = f.kidp;
	f.r.n_children = 2;
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	cr_assert_eq(chk.unborn, 1);
	cr_assert_str_eq(dash_child_date(&f.kids[1]), "2026-08-20");
	cr_assert_str_eq(dash_child_date(&f.kids[0]), "2015-01-01");
	/* a form's "DOB" in the future is the due date */
	f.kids[1].expected_delivery_date = "";
	f.kids[1].date_of_birth = "2026-04-01";
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	cr_assert_eq(chk.unborn, 1);
	/* both, or a due date out of range, or an unborn perpetrator: refused */
	f.kids[1].expected_delivery_date = "2026-08-20";
	expect_field(&f, "children[1].expected_delivery_date");
	f.kids[1].date_of_birth = "";
	f.kids[1].expected_delivery_date = "2027-03-15";
	expect_field(&f, "children[1].expected_delivery_date");
	f.kids[1].expected_delivery_date = "20/08/2026";
	expect_field(&f, "children[1].expected_delivery_date");
	f.kids[1].expected_delivery_date = "2026-08-20";
	f.perp.expected_delivery_date = "2026-08-20";
	expect_field(&f, "perpetrators[0].expected_delivery_date");
}

Test(dash, other_dates_of_birth_are_checked)
{
	struct fx f;
	fx_init(&f);
	char *dobs[2] = {"1991-05-01", "01/05/1990"};
	f.victim.other_dobs = dobs;
	f.victim.n_other_dobs = 1;
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	f.victim.n_other_dobs = 2;
	expect_field(&f, "victim.other_dobs[1]");
	dobs[1] = "2026-05-01";
	expect_field(&f, "victim.other_dobs[1]");
	char *many[9] = {"1990-01-01", "1990-01-02", "1990-01-03", "1990-01-04", "1990-01-05",
			 "1990-01-06", "1990-01-07", "1990-01-08", "1990-01-09"};
	f.victim.other_dobs = many;
	f.victim.n_other_dobs = 8;
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	f.victim.n_other_dobs = 9;
	expect_field(&f, "victim.other_dobs");
	f.victim.n_other_dobs = 0;
	f.perp.other_dobs = dobs;
	f.perp.n_other_dobs = 2;
	expect_field(&f, "perpetrators[0].other_dobs[1]");
}

Test(dash, victim_not_aware_needs_a_reason)
{
	struct fx f;
	fx_init(&f);
	f.r.victim_aware = NO;
	expect_field(&f, "victim_aware_reason");
	f.r.victim_aware_reason = "  ";
	expect_field(&f, "victim_aware_reason");
	f.r.victim_aware_reason = "Telling her now would alert the perpetrator";
	cr_assert_eq(validate(&f), MGW_OK);
	f.r.victim_aware = YES;
	f.r.victim_aware_reason = NULL;
	cr_assert_eq(validate(&f), MGW_OK);
}

Test(dash, repeat_route_names_its_earlier_case)
{
	struct fx f;
	fx_init(&f);
	f.r.route = REP;
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert_not(chk.repeat_named, "nothing named: matching must find the earlier case");
	f.r.previous_case_ref = "DU-2025-0042";
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert(chk.repeat_named);
	f.r.previous_case_ref = "Zoe's case";
	expect_field(&f, "previous_case_ref");
	f.r.previous_case_ref = NULL;
	char *other[1] = {"Durham"};
	f.r.other_maracs = other;
	f.r.n_other_maracs = 1;
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert(chk.repeat_named);
}

/* The table of who may claim which lawful basis (dash.c), and consent. */
Test(dash, lawful_basis_against_agency_and_consent)
{
	struct fx f;
	fx_init(&f);
	enum { POL = 1, CSC = 2, ASC = 3, HEALTH = 4, IDVA = 5, PROB = 6, HOUS = 7, EDU = 8 };
	const int PT = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18,
		  LE = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_LAW_ENFORCEMENT_SCH8_PARA4,
		  S115 = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_CDA_1998_S115,
		  CAL = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_CALDICOTT_7,
		  CON = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_CONSENT;
	static const struct {
		int agency, basis, ok;
	} t[] = {
		{POL, LE, 1},	 {PROB, LE, 1},	 {HEALTH, LE, 0}, {IDVA, LE, 0},   {EDU, LE, 0},
		{HEALTH, CAL, 1}, {ASC, CAL, 1},	 {CSC, CAL, 1},	  {POL, CAL, 0},   {HOUS, CAL, 0},
		{HOUS, S115, 1}, {HEALTH, S115, 1}, {IDVA, S115, 0}, {IDVA, PT, 1},  {EDU, PT, 1},
		{POL, 0, 0},	 {POL, 99, 0},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		field[0] = msg[0] = '\0';
		int rc = referral_basis_check(t[i].agency, t[i].basis, &f.r, field, sizeof field,
					      msg, sizeof msg);
		cr_assert_eq(rc == MGW_OK, t[i].ok, "%zu: agency %d basis %d: %s", i, t[i].agency,
			     t[i].basis, msg);
		if (!t[i].ok) {
			cr_assert_str_eq(field, "lawful_basis");
			cr_assert_neq(msg[0], '\0');
		}
	}
	/* consent as the basis: only when the victim consented */
	f.r.consent_given = NO;
	cr_assert_eq(referral_basis_check(IDVA, CON, &f.r, field, sizeof field, msg, sizeof msg),
		     MGW_E_INVALID);
	cr_assert_str_eq(field, "lawful_basis");
	cr_assert_not_null(strstr(msg, "consent"));
	f.r.consent_given = MARAC__V1__ANSWER__ANSWER_NOT_KNOWN;
	cr_assert_eq(referral_basis_check(IDVA, CON, &f.r, field, sizeof field, msg, sizeof msg),
		     MGW_E_INVALID);
	f.r.consent_given = YES;
	cr_assert_eq(referral_basis_check(IDVA, CON, &f.r, field, sizeof field, msg, sizeof msg),
		     MGW_OK);
}

/* An area's own thresholds: the police form scored against its own 16, and said so. */
Test(dash, per_area_thresholds_and_the_form_named)
{
	struct fx f;
	fx_init(&f);
	cfg.police27.high_threshold = 16;
	cfg.police27.standard_max = 10;
	cfg.police27.medium_max = 15;
	cr_assert_eq(dash_config_check(&cfg, msg, sizeof msg), MGW_OK, "%s", msg);
	answers(&f, P27, 27, 15);
	expect_field(&f, "risk.answers");
	cr_assert_not_null(strstr(msg, "16"), "%s", msg);
	answers(&f, P27, 27, 16);
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	cr_assert_eq(chk.threshold, 16);
	cr_assert_eq(chk.form, P27);
	char t[96];
	cr_assert_str_eq(dash_applied_text(&cfg.police27, P27, 16, t, sizeof t),
			 "DASH 16 of 27 (police form), threshold 16");
	/* the 24-question form keeps its 14 in the same area */
	answers(&f, SL24, 24, 14);
	cr_assert_eq(validate(&f), MGW_OK);
	cr_assert_eq(chk.level, HIGH);
	cr_assert_str_eq(dash_applied_text(&cfg.safelives24, SL24, 14, t, sizeof t),
			 "DASH 14 of 24 (SafeLives form), threshold 14");
	/* a band of 15 on the police form is now medium */
	answers(&f, P27, 27, 15);
	cr_assert_eq(dash_band(&cfg.police27, 15), MEDIUM);
	cfg.police27.medium_max = 9;
	cr_assert_eq(dash_config_check(&cfg, msg, sizeof msg), MGW_E_INVALID);
	cr_assert_not_null(strstr(msg, "police27"));
	dash_config_defaults(&cfg);
	cfg.escalation_window_months = 6; /* Kent */
	fx_init(&f);
	cfg.escalation_window_months = 6;
	f.r.route = ESC;
	char *inc[3] = {"2026-01-10", "2025-11-01", "2025-08-01"};
	f.r.incident_dates = inc;
	f.r.n_incident_dates = 3;
	expect_field(&f, "incident_dates");
	cr_assert_not_null(strstr(msg, "6 months"), "%s", msg);
	cfg.escalation_window_months = 12;
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
}

/*
 * r-redteam6. A date of birth written as the agencies write "not known"
 * is absent: a perpetrator's or a child's "Unknown" no longer refuses the
 * referral; a victim's is missing (required), not malformed; an
 * other_dobs entry "N/K" is skipped. Other text is still refused.
 */
Test(dash, not_known_dates_of_birth_are_absent)
{
	static const char *const nulls[] = {"Unknown", "not known", "N/K", "n.k.", "NK", " unk ",
					    "DOB unknown", "Not Stated", "withheld", "-", "?", "n/a"};
	struct fx f;
	for (size_t i = 0; i < sizeof nulls / sizeof nulls[0]; i++) {
		fx_init(&f);
		f.perp.date_of_birth = (char *)nulls[i];
		cr_assert_eq(validate(&f), MGW_OK, "'%s': %s: %s", nulls[i], field, msg);
		f.victim.date_of_birth = (char *)nulls[i];
		expect_field(&f, "victim.date_of_birth");
		cr_assert(strstr(msg, "required"), "'%s': %s", nulls[i], msg);
	}
	static const char *const garbage[] = {"sometime 87", "unknownish", "1988-13-01", "n/k/x",
					      "12/05/88", "not known yet maybe"};
	for (size_t i = 0; i < sizeof garbage / sizeof garbage[0]; i++) {
		fx_init(&f);
		f.perp.date_of_birth = (char *)garbage[i];
		expect_field(&f, "perpetrators[0].date_of_birth");
	}
	fx_init(&f);
	char *dobs[2] = {"1991-05-01", "N/K"};
	f.perp.other_dobs = dobs;
	f.perp.n_other_dobs = 2;
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	/* A child "not known" with an expected date is unborn, not both. */
	fx_init(&f);
	marac__v1__person__init(&f.kids[0]);
	f.kids[0].date_of_birth = "Unknown";
	f.kids[0].expected_delivery_date = "2026-05-01";
	f.kidp[0] = &f.kids[0];
	f.r.children = f.kidp;
	f.r.n_children = 1;
	cr_assert_eq(validate(&f), MGW_OK, "%s: %s", field, msg);
	cr_assert_eq(chk.unborn, 1);
	cr_assert_str_eq(dash_child_date(&f.kids[0]), "2026-05-01");
}

/*
 * dash.h: DASH risk scoring and referral validation (DOMAIN.md "The process").
 *
 * Scoring. The score is the number of "yes" answers on the form the
 * referral names; the gateway always recomputes it (Risk.score from the
 * sender is ignored). Answers are validated first: every question number in
 * 1..N for the form, each question at most once, each answer a known
 * Answer value. Unanswered questions and "not known" count as not yes.
 *
 *   SafeLives (CAADA) DASH RIC, 24 questions. Visible high risk: 14 or more
 *   yes. Bands: 0-9 standard, 10-13 medium, 14+ high.
 *
 *   Police DASH 2009, 27 questions (Q10-12 about children). Scored on its
 *   own questions, never mapped question by question onto the 24: wording
 *   and numbering differ between forms and forces, and a mapping table would
 *   silently drop or double-count answers. Default threshold and bands are
 *   the same as the 24 (14+ yes; 0-9, 10-13, 14+) because that is how local
 *   protocols apply the police form to MARAC ("14 ticks"), and because a
 *   higher, pro-rata threshold (16 of 27) would screen out victims whom the
 *   children questions mark as higher risk. An area that disagrees sets
 *   dash.police27.* in its config.
 *
 * Level. The level of a referral is the band of its score, raised (never
 * lowered) by the referrer's own Risk.level (professional judgement). A
 * PROFESSIONAL_JUDGEMENT referral is a judgement that the risk is high, so
 * its level is HIGH whatever the score.
 *
 * Route checks. VISIBLE_HIGH_RISK needs the form's threshold of yes;
 * PROFESSIONAL_JUDGEMENT needs a non-blank judgement_reason; POTENTIAL_
 * ESCALATION needs escalation_min_incidents (3) incident dates in the
 * escalation_window_months (12; some areas 6) ending on the referral date;
 * REPEAT needs an earlier case: previous_case_ref (any MARAC's reference,
 * 1-32 of A-Z a-z 0-9 / - _ .) or other_maracs here, or else repeat
 * matching must find one (the caller checks that after its query:
 * referral_repeat_named). The victim must be min_victim_age (16) or over
 * on the referral date: under-16s go to children's safeguarding, not MARAC.
 *
 * People. Every date of birth (date_of_birth and each other_dobs) must be
 * YYYY-MM-DD, or blank or a "not known" spelling ("Unknown", "not known",
 * "N/K", "n.k.", "DOB unknown", "not stated", "withheld", "-", ...: absent,
 * so a victim's is then missing; other text is refused), and not after the
 * referral date, except a child's: a child
 * not yet born has an expected_delivery_date instead (or, as forms often
 * record it, a date of birth after the referral date), which must lie
 * within DASH_UNBORN_BEFORE_DAYS before and DASH_UNBORN_AFTER_DAYS after
 * the referral date. An unborn child counts as a child ("cases with
 * children first": a pregnancy is a safeguarding case). "victim aware: no"
 * needs victim_aware_reason, as consent "no" needs consent_reason.
 *
 * Lawful basis (referral_basis_check): the basis a referring agency may
 * claim, from the table in dash.c with its reasons: consent only when the
 * victim consented; DPA 2018 Part 3 only for competent authorities (police,
 * probation); Caldicott principle 7 only for health and social care; s115
 * only for relevant authorities (not the voluntary-sector IDVA service).
 *
 * Windows. A date d is "within N months before" the referral date r when
 * r - N months <= d <= r, with r - N months clamped to the end of a short
 * month (caldate_add_months). So on r = 2026-03-15 with N = 12, 2025-03-15
 * is inside and 2025-03-14 outside. (This window counts back from the
 * referral; the repeat and lapsed windows count forward from the earlier
 * referral: caldate_within_months.) A referral dated before 2000
 * (CALDATE_EVENT_YEAR_MIN) is refused: case references start there.
 */
#ifndef MARAC_DASH_H
#define MARAC_DASH_H

#include <stddef.h>
#include <stdint.h>

#include "marac/v1/referral.pb-c.h"

#define DASH_QUESTIONS_SAFELIVES 24u
#define DASH_QUESTIONS_POLICE 27u

/* Thresholds and bands of one DASH form. */
struct dash_form_config {
	unsigned questions;      /* fixed by the form: 24 or 27 */
	unsigned high_threshold; /* VISIBLE_HIGH_RISK needs at least this many yes */
	unsigned standard_max;   /* scores 0..standard_max are STANDARD */
	unsigned medium_max;     /* standard_max+1..medium_max MEDIUM; above: HIGH */
};

/*
 * An unborn child's expected date of delivery: up to about ten months after
 * the referral (a pregnancy is known from a few weeks), and up to a month
 * before it (overdue, or the form was filled before the birth).
 */
#define DASH_UNBORN_AFTER_DAYS 300
#define DASH_UNBORN_BEFORE_DAYS 31
/*
 * Most other dates of birth one person may carry. Agencies record two or
 * three (typed day-first, a second registration); every one multiplies the
 * person's name keys in repeat matching (match.h), so a cap keeps one
 * referral's keys far below MATCH_MAX_KEYS.
 */
#define DASH_OTHER_DOBS_MAX 8u

struct dash_config {
	struct dash_form_config safelives24;  /* DASH_FORM_SAFELIVES_24 */
	struct dash_form_config police27;     /* DASH_FORM_POLICE_27 */
	unsigned escalation_min_incidents;    /* default 3 */
	unsigned escalation_window_months;    /* default 12 (some areas 6) */
	unsigned min_victim_age;              /* default 16 */
	int require_victim_dob;               /* default 1: age cannot be checked without it */
};

/* What validation found, for the caller to build ReferralAccepted from. */
struct referral_check {
	unsigned score;               /* yes count on the form given */
	unsigned questions;           /* 24 or 27 */
	unsigned threshold;           /* the form's high_threshold */
	int band_level;               /* Marac__V1__RiskLevel of the score alone */
	int level;                    /* after judgement: >= band_level */
	int judgement_raised;         /* 1 if level > band_level */
	unsigned incidents_in_window; /* incident_dates inside the escalation window */
	int victim_age;               /* whole years on referral_date; -1 if DOB not given */
	int area_from_postcode;       /* 1: marac_area empty, decide it from victim postcode */
	int32_t referral_day;         /* referral_date as a caldate day number */
	int form;                     /* Risk.form (Marac__V1__DashForm) */
	unsigned unborn;              /* children with an expected date of delivery */
	int repeat_named;             /* REPEAT: previous_case_ref or other_maracs names the earlier case */
};

/* Fill c with the defaults above. */
void dash_config_defaults(struct dash_config *c);

/*
 * Check a configuration (e.g. after loading overrides): questions as fixed
 * by each form, 1 <= high_threshold <= questions, standard_max < medium_max
 * < questions, 1 <= escalation_min_incidents <= 100, window 1..60 months,
 * min_victim_age 1..25. Returns 0 or MGW_E_INVALID with msg saying which.
 */
int dash_config_check(const struct dash_config *c, char *msg, size_t msglen);

/* The thresholds of a DashForm value, or NULL if the form is not known. */
const struct dash_form_config *dash_form(const struct dash_config *c, int form);

/* The RiskLevel band of score on form f (STANDARD, MEDIUM or HIGH). */
int dash_band(const struct dash_form_config *f, unsigned score);

/*
 * Validate risk's form and answers and count the yes answers into *score.
 * Returns 0, or MGW_E_INVALID with field (e.g. "risk.form",
 * "risk.answers[3].question") and msg (no personal data) set. risk NULL is
 * MGW_E_INVALID naming "risk". field/msg may be NULL when lens are 0.
 */
int dash_score(const struct dash_config *c, const Marac__V1__Risk *risk, unsigned *score,
	       char *field, size_t fieldlen, char *msg, size_t msglen);

/*
 * Validate a referral: DASH answers, route, victim (present, named, DOB,
 * age), dates (referral_date, every DOB and incident date), area (marac_area
 * or a valid victim postcode), consent (a reason when consent_given is NO),
 * transfer (transfer_from_area when transfer_in). r is only read.
 *
 * Returns 0 with *out filled, or MGW_E_INVALID with field naming the first
 * offending field by its proto path ("route", "risk.answers",
 * "judgement_reason", "incident_dates", "incident_dates[2]",
 * "victim.date_of_birth", "marac_area", ...) and msg a sentence safe to send
 * back to the referrer (it never quotes field values). *out is zeroed on
 * failure. field and msg are always NUL-terminated when their len > 0.
 */
int referral_validate(const struct dash_config *c, const Marac__V1__Referral *r,
		      struct referral_check *out, char *field, size_t fieldlen, char *msg,
		      size_t msglen);

/*
 * The date a child is listed with: date_of_birth, else its
 * expected_delivery_date; "" if neither (p may be NULL). Borrowed from p.
 */
const char *dash_child_date(const Marac__V1__Person *p);

/*
 * May an agency (Marac__V1__Agency, from the certificate) refer on basis
 * (Marac__V1__LawfulBasis) given the referral's consent? Returns 0, or
 * MGW_E_INVALID with field ("lawful_basis") and msg saying why (no
 * personal data). An unknown basis is MGW_E_INVALID too.
 */
int referral_basis_check(int agency, int basis, const Marac__V1__Referral *r, char *field,
			 size_t fieldlen, char *msg, size_t msglen);

/*
 * "DASH 15 of 27 (police form), threshold 14" for score on form f
 * (Marac__V1__DashForm) into out. Returns out.
 */
char *dash_applied_text(const struct dash_form_config *f, int form, unsigned score, char *out,
			size_t outlen);

/* "visible_high_risk", "professional_judgement", "potential_escalation", "repeat", "unspecified". */
const char *dash_route_name(int route);

/* "standard", "medium", "high", "unspecified". */
const char *dash_level_name(int level);

#endif

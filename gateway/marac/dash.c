/*
 * dash.c: DASH scoring and referral validation. See dash.h for the rules.
 *
 * Validation stops at the first error, in a fixed order (risk, route,
 * victim, dates, area, consent, transfer), so a referrer fixing one field at
 * a time converges and tests can name exactly one field per case.
 */
#include "dash.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "caldate.h"
#include "ident.h"
#include "mgw_err.h"

void dash_config_defaults(struct dash_config *c)
{
	memset(c, 0, sizeof *c);
	c->safelives24 = (struct dash_form_config){DASH_QUESTIONS_SAFELIVES, 14, 9, 13};
	c->police27 = (struct dash_form_config){DASH_QUESTIONS_POLICE, 14, 9, 13};
	c->escalation_min_incidents = 3;
	c->escalation_window_months = 12;
	c->min_victim_age = 16;
	c->require_victim_dob = 1;
}

__attribute__((format(printf, 6, 7)))
static int fail(char *field, size_t fieldlen, const char *name, char *msg, size_t msglen,
		const char *fmt, ...)
{
	if (fieldlen > 0)
		snprintf(field, fieldlen, "%s", name);
	if (msglen > 0) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, msglen, fmt, ap);
		va_end(ap);
	}
	return MGW_E_INVALID;
}

static int form_check(const struct dash_form_config *f, unsigned questions, const char *name,
		      char *msg, size_t msglen)
{
	if (f->questions != questions || f->high_threshold < 1 ||
	    f->high_threshold > f->questions || f->standard_max >= f->medium_max ||
	    f->medium_max >= f->questions)
		return fail(NULL, 0, "", msg, msglen,
			    "dash.%s: need questions=%u, 1 <= high_threshold <= questions, "
			    "standard_max < medium_max < questions", name, questions);
	return MGW_OK;
}

int dash_config_check(const struct dash_config *c, char *msg, size_t msglen)
{
	int rc = form_check(&c->safelives24, DASH_QUESTIONS_SAFELIVES, "safelives24", msg, msglen);
	if (rc == MGW_OK)
		rc = form_check(&c->police27, DASH_QUESTIONS_POLICE, "police27", msg, msglen);
	if (rc != MGW_OK)
		return rc;
	if (c->escalation_min_incidents < 1 || c->escalation_min_incidents > 100)
		return fail(NULL, 0, "", msg, msglen, "dash.escalation_min_incidents: 1..100");
	if (c->escalation_window_months < 1 || c->escalation_window_months > 60)
		return fail(NULL, 0, "", msg, msglen, "dash.escalation_window_months: 1..60");
	if (c->min_victim_age < 1 || c->min_victim_age > 25)
		return fail(NULL, 0, "", msg, msglen, "dash.min_victim_age: 1..25");
	return MGW_OK;
}

const struct dash_form_config *dash_form(const struct dash_config *c, int form)
{
	switch (form) {
	case MARAC__V1__DASH_FORM__DASH_FORM_SAFELIVES_24:
		return &c->safelives24;
	case MARAC__V1__DASH_FORM__DASH_FORM_POLICE_27:
		return &c->police27;
	default:
		return NULL;
	}
}

int dash_band(const struct dash_form_config *f, unsigned score)
{
	if (score <= f->standard_max)
		return MARAC__V1__RISK_LEVEL__RISK_LEVEL_STANDARD;
	if (score <= f->medium_max)
		return MARAC__V1__RISK_LEVEL__RISK_LEVEL_MEDIUM;
	return MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH;
}

int dash_score(const struct dash_config *c, const Marac__V1__Risk *risk, unsigned *score,
	       char *field, size_t fieldlen, char *msg, size_t msglen)
{
	char name[48];
	uint32_t seen = 0; /* bit q-1 set once question q is answered (q <= 27) */
	unsigned yes = 0;

	*score = 0;
	if (risk == NULL)
		return fail(field, fieldlen, "risk", msg, msglen, "DASH answers are required");
	const struct dash_form_config *f = dash_form(c, risk->form);
	if (f == NULL)
		return fail(field, fieldlen, "risk.form", msg, msglen,
			    "DASH form must be SAFELIVES_24 or POLICE_27");
	if (risk->n_answers > f->questions)
		return fail(field, fieldlen, "risk.answers", msg, msglen,
			    "more answers than the form's %u questions", f->questions);
	for (size_t i = 0; i < risk->n_answers; i++) {
		const Marac__V1__DashAnswer *a = risk->answers[i];
		if (a == NULL || a->question < 1 || a->question > f->questions) {
			snprintf(name, sizeof name, "risk.answers[%zu].question", i);
			return fail(field, fieldlen, name, msg, msglen,
				    "question number must be 1..%u for this form", f->questions);
		}
		uint32_t bit = 1u << (a->question - 1);
		if (seen & bit) {
			snprintf(name, sizeof name, "risk.answers[%zu].question", i);
			return fail(field, fieldlen, name, msg, msglen,
				    "question %u answered more than once", (unsigned)a->question);
		}
		seen |= bit;
		switch (a->answer) {
		case MARAC__V1__ANSWER__ANSWER_YES:
			yes++;
			break;
		case MARAC__V1__ANSWER__ANSWER_NO:
		case MARAC__V1__ANSWER__ANSWER_NOT_KNOWN:
			break;
		default:
			snprintf(name, sizeof name, "risk.answers[%zu].answer", i);
			return fail(field, fieldlen, name, msg, msglen,
				    "answer must be YES, NO or NOT_KNOWN");
		}
	}
	*score = yes;
	return MGW_OK;
}

static int blank(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

/*
 * A date of birth written as the agencies' systems and forms write "we do
 * not know it" ("Unknown", "not known", "N/K", "n.k.", "DOB unknown",
 * "not stated", "-"): absent, as a blank one is. An unidentified
 * perpetrator's DOB is usually not known, and refusing the referral over
 * it delays a high-risk case. Any other text that is no YYYY-MM-DD is
 * still refused. Compared with case, spaces, '.', '/', '-' and '?' dropped.
 */
static int dob_absent(const char *s)
{
	static const char *const none[] = {
		"unknown", "notknown", "nk", "unk", "dobunknown", "dobnotknown", "na",
		"notapplicable", "notstated", "notgiven", "notrecorded", "notprovided",
		"notdisclosed", "withheld", "refused", "declined", "tbc", "none", "nil", ""};
	char f[24];
	size_t o = 0;
	if (s == NULL)
		return 1;
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '.' || ch == '/' ||
		    ch == '-' || ch == '?' || ch == '_')
			continue;
		if (o + 1 >= sizeof f)
			return 0;
		f[o++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	f[o] = '\0';
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
		if (strcmp(f, none[i]) == 0)
			return 1;
	return 0;
}

/* Parse an optional person DOB: 0 ok (*day set, *given 1 if present), else -1. */
static int person_dob(const Marac__V1__Person *p, int32_t *day, int *given)
{
	*given = 0;
	if (p == NULL || dob_absent(p->date_of_birth))
		return 0;
	if (caldate_parse(p->date_of_birth, day) != 0)
		return -1;
	*given = 1;
	return 0;
}

/* A case reference of this or another MARAC: 1-32 of A-Z a-z 0-9 / - _ . */
static int case_ref_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || strchr("/-_.", s[i])))
			return 0;
	return 1;
}

static int check_route(const struct dash_config *c, const Marac__V1__Referral *r,
		       const struct dash_form_config *f, struct referral_check *out,
		       char *field, size_t fieldlen, char *msg, size_t msglen)
{
	char name[48];

	/* It goes into the case row and the agenda: a grammar, never free text. */
	if (!blank(r->previous_case_ref) && !case_ref_ok(r->previous_case_ref))
		return fail(field, fieldlen, "previous_case_ref", msg, msglen,
			    "previous case reference: 1-32 of A-Z a-z 0-9 / - _ .");
	int32_t from = caldate_add_months(out->referral_day, -(int)c->escalation_window_months);

	/* Incident dates are validated whatever the route: they are shared on. */
	for (size_t i = 0; i < r->n_incident_dates; i++) {
		int32_t d;
		snprintf(name, sizeof name, "incident_dates[%zu]", i);
		if (caldate_parse(r->incident_dates[i], &d) != 0)
			return fail(field, fieldlen, name, msg, msglen,
				    "incident date must be YYYY-MM-DD");
		if (d > out->referral_day)
			return fail(field, fieldlen, name, msg, msglen,
				    "incident date is after the referral date");
		if (d >= from)
			out->incidents_in_window++;
	}
	switch (r->route) {
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_VISIBLE_HIGH_RISK:
		if (out->score < f->high_threshold)
			return fail(field, fieldlen, "risk.answers", msg, msglen,
				    "route VISIBLE_HIGH_RISK needs %u or more yes answers of %u on "
				    "the %s form in this area; the referral has %u (use "
				    "PROFESSIONAL_JUDGEMENT with a reason)",
				    f->high_threshold, f->questions,
				    r->risk->form == MARAC__V1__DASH_FORM__DASH_FORM_POLICE_27
					    ? "police DASH 2009"
					    : "SafeLives DASH",
				    out->score);
		return MGW_OK;
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT:
		if (blank(r->judgement_reason))
			return fail(field, fieldlen, "judgement_reason", msg, msglen,
				    "route PROFESSIONAL_JUDGEMENT needs a reason");
		return MGW_OK;
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_POTENTIAL_ESCALATION:
		if (out->incidents_in_window < c->escalation_min_incidents)
			return fail(field, fieldlen, "incident_dates", msg, msglen,
				    "route POTENTIAL_ESCALATION needs %u or more incidents in the "
				    "%u months before the referral date; %u given",
				    c->escalation_min_incidents, c->escalation_window_months,
				    out->incidents_in_window);
		return MGW_OK;
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_REPEAT:
		/* Whether an earlier case exists when none is named is for
		 * repeat matching to say (the caller, after its query). */
		out->repeat_named = !blank(r->previous_case_ref) || r->n_other_maracs > 0;
		return MGW_OK;
	default:
		return fail(field, fieldlen, "route", msg, msglen,
			    "route must be VISIBLE_HIGH_RISK, PROFESSIONAL_JUDGEMENT, "
			    "POTENTIAL_ESCALATION or REPEAT");
	}
}

/* Each of p's other_dobs (list[i] names p) parses and is not after the referral. */
static int check_other_dobs(const Marac__V1__Person *p, const char *who, int32_t referral_day,
			    char *field, size_t fieldlen, char *msg, size_t msglen)
{
	char name[80];
	if (p != NULL && p->n_other_dobs > DASH_OTHER_DOBS_MAX) {
		snprintf(name, sizeof name, "%s.other_dobs", who);
		return fail(field, fieldlen, name, msg, msglen, "at most %u other dates of birth",
			    DASH_OTHER_DOBS_MAX);
	}
	for (size_t k = 0; p != NULL && k < p->n_other_dobs; k++) {
		int32_t d;
		snprintf(name, sizeof name, "%s.other_dobs[%zu]", who, k);
		if (p->other_dobs[k] != NULL && dob_absent(p->other_dobs[k]))
			continue;
		if (p->other_dobs[k] == NULL || caldate_parse(p->other_dobs[k], &d) != 0)
			return fail(field, fieldlen, name, msg, msglen,
				    "date of birth must be YYYY-MM-DD");
		if (d > referral_day)
			return fail(field, fieldlen, name, msg, msglen,
				    "date of birth is after the referral date");
	}
	return MGW_OK;
}

/* An unborn child's expected date in range (dash.h). */
static int unborn_ok(int32_t d, int32_t referral_day)
{
	return d >= referral_day - DASH_UNBORN_BEFORE_DAYS &&
	       d <= referral_day + DASH_UNBORN_AFTER_DAYS;
}

/*
 * Every DOB in a list of people must parse and not be after the referral;
 * children may instead be unborn (dash.h "People"), counted in *unborn.
 */
static int check_people(Marac__V1__Person *const *people, size_t n, const char *list,
			int children, int32_t referral_day, unsigned *unborn, char *field,
			size_t fieldlen, char *msg, size_t msglen)
{
	char name[80], who[40];
	int rc;
	for (size_t i = 0; i < n; i++) {
		const Marac__V1__Person *p = people[i];
		int32_t d;
		int given;
		snprintf(who, sizeof who, "%s[%zu]", list, i);
		snprintf(name, sizeof name, "%s.date_of_birth", who);
		if (person_dob(p, &d, &given) != 0)
			return fail(field, fieldlen, name, msg, msglen,
				    "date of birth must be YYYY-MM-DD");
		const char *edd = p ? p->expected_delivery_date : NULL;
		if (children && !blank(edd)) {
			snprintf(name, sizeof name, "%s.expected_delivery_date", who);
			if (given)
				return fail(field, fieldlen, name, msg, msglen,
					    "a child has a date of birth or an expected date of "
					    "delivery, not both");
			if (caldate_parse(edd, &d) != 0)
				return fail(field, fieldlen, name, msg, msglen,
					    "expected date of delivery must be YYYY-MM-DD");
			if (!unborn_ok(d, referral_day))
				return fail(field, fieldlen, name, msg, msglen,
					    "expected date of delivery must be within %d days before "
					    "and %d days after the referral date",
					    DASH_UNBORN_BEFORE_DAYS, DASH_UNBORN_AFTER_DAYS);
			(*unborn)++;
		} else if (!children && !blank(edd)) {
			snprintf(name, sizeof name, "%s.expected_delivery_date", who);
			return fail(field, fieldlen, name, msg, msglen,
				    "only a child can have an expected date of delivery");
		} else if (given && d > referral_day) {
			/* A form's "date of birth" of a child not yet born is its due date. */
			if (!children || !unborn_ok(d, referral_day))
				return fail(field, fieldlen, name, msg, msglen,
					    "date of birth is after the referral date");
			(*unborn)++;
		}
		if ((rc = check_other_dobs(p, who, referral_day, field, fieldlen, msg, msglen)))
			return rc;
	}
	return MGW_OK;
}

static int check_victim(const struct dash_config *c, const Marac__V1__Referral *r,
			struct referral_check *out, char *field, size_t fieldlen, char *msg,
			size_t msglen)
{
	const Marac__V1__Person *v = r->victim;
	int32_t dob;
	int given;

	if (v == NULL)
		return fail(field, fieldlen, "victim", msg, msglen, "the victim is required");
	if (blank(v->full_name))
		return fail(field, fieldlen, "victim.full_name", msg, msglen,
			    "the victim's name is required");
	if (person_dob(v, &dob, &given) != 0)
		return fail(field, fieldlen, "victim.date_of_birth", msg, msglen,
			    "date of birth must be YYYY-MM-DD");
	out->victim_age = -1;
	if (!given) {
		if (c->require_victim_dob)
			return fail(field, fieldlen, "victim.date_of_birth", msg, msglen,
				    "the victim's date of birth is required: MARAC is for "
				    "victims aged %u or over", c->min_victim_age);
		return MGW_OK;
	}
	if (dob > out->referral_day)
		return fail(field, fieldlen, "victim.date_of_birth", msg, msglen,
			    "date of birth is after the referral date");
	int rc = check_other_dobs(v, "victim", out->referral_day, field, fieldlen, msg, msglen);
	if (rc != MGW_OK)
		return rc;
	out->victim_age = caldate_age_years(dob, out->referral_day);
	if (out->victim_age < (int)c->min_victim_age)
		return fail(field, fieldlen, "victim.date_of_birth", msg, msglen,
			    "the victim is under %u on the referral date: refer to children's "
			    "safeguarding, not MARAC", c->min_victim_age);
	return MGW_OK;
}

static int check_area(const Marac__V1__Referral *r, struct referral_check *out, char *field,
		      size_t fieldlen, char *msg, size_t msglen)
{
	if (!blank(r->marac_area))
		return MGW_OK;
	const Marac__V1__Address *a = r->victim->address;
	if (a == NULL || blank(a->postcode))
		return fail(field, fieldlen, "marac_area", msg, msglen,
			    "no MARAC area, and no victim postcode to decide it from");
	char pc[9];
	if (ident_postcode_norm(a->postcode, strlen(a->postcode), pc) != 0)
		return fail(field, fieldlen, "victim.address.postcode", msg, msglen,
			    "no MARAC area, and the victim postcode is not a UK postcode");
	out->area_from_postcode = 1;
	return MGW_OK;
}

int referral_validate(const struct dash_config *c, const Marac__V1__Referral *r,
		      struct referral_check *out, char *field, size_t fieldlen, char *msg,
		      size_t msglen)
{
	int rc;
	memset(out, 0, sizeof *out);
	if (fieldlen > 0)
		field[0] = '\0';
	if (msglen > 0)
		msg[0] = '\0';

	rc = dash_score(c, r->risk, &out->score, field, fieldlen, msg, msglen);
	if (rc != MGW_OK)
		goto fail;
	const struct dash_form_config *f = dash_form(c, r->risk->form);
	out->questions = f->questions;
	out->form = r->risk->form;
	out->threshold = f->high_threshold;
	if (blank(r->referral_date) || caldate_parse(r->referral_date, &out->referral_day) != 0) {
		rc = fail(field, fieldlen, "referral_date", msg, msglen,
			  "referral date is required, YYYY-MM-DD");
		goto fail;
	}
	/* Case references are numbered from 2000: refuse here, not INTERNAL at allocation. */
	if (out->referral_day < caldate_from_ymd(CALDATE_EVENT_YEAR_MIN, 1, 1)) {
		rc = fail(field, fieldlen, "referral_date", msg, msglen,
			  "referral date is before 2000");
		goto fail;
	}
	if ((rc = check_route(c, r, f, out, field, fieldlen, msg, msglen)) != MGW_OK ||
	    (rc = check_victim(c, r, out, field, fieldlen, msg, msglen)) != MGW_OK ||
	    (rc = check_people(r->perpetrators, r->n_perpetrators, "perpetrators", 0,
			       out->referral_day, &out->unborn, field, fieldlen, msg, msglen)) !=
		    MGW_OK ||
	    (rc = check_people(r->children, r->n_children, "children", 1, out->referral_day,
			       &out->unborn, field, fieldlen, msg, msglen)) != MGW_OK ||
	    (rc = check_area(r, out, field, fieldlen, msg, msglen)) != MGW_OK)
		goto fail;
	if (r->consent_given == MARAC__V1__ANSWER__ANSWER_NO && blank(r->consent_reason)) {
		rc = fail(field, fieldlen, "consent_reason", msg, msglen,
			  "referring without consent needs the reason (DPA 2018 Sch 1 para 18)");
		goto fail;
	}
	if (r->victim_aware == MARAC__V1__ANSWER__ANSWER_NO && blank(r->victim_aware_reason)) {
		rc = fail(field, fieldlen, "victim_aware_reason", msg, msglen,
			  "a referral the victim is not aware of needs the reason");
		goto fail;
	}
	if (r->transfer_in && blank(r->transfer_from_area)) {
		rc = fail(field, fieldlen, "transfer_from_area", msg, msglen,
			  "a transfer in needs the area it comes from");
		goto fail;
	}

	out->band_level = dash_band(f, out->score);
	out->level = out->band_level;
	int claimed = (int)r->risk->level;
	if (claimed > out->level && claimed <= MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH)
		out->level = claimed;
	if (r->route == MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT)
		out->level = MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH;
	out->judgement_raised = out->level > out->band_level;
	return MGW_OK;

fail:
	memset(out, 0, sizeof *out);
	return rc;
}

const char *dash_child_date(const Marac__V1__Person *p)
{
	if (p == NULL)
		return "";
	if (!dob_absent(p->date_of_birth))
		return p->date_of_birth;
	return p->expected_delivery_date ? p->expected_delivery_date : "";
}

/*
 * Who may claim which basis (bit per Marac__V1__Agency), and why. A basis
 * not in the table is refused: an unknown basis is no basis.
 */
#define AG(a) (1u << MARAC__V1__AGENCY__AGENCY_##a)
static const struct basis_rule {
	int basis;
	unsigned agencies;
	const char *why; /* sent back when the agency may not claim it */
} basis_rules[] = {
	/* Safeguarding without consent: a power of every public body at a MARAC. */
	{MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_PUBLIC_TASK_SCH1_PARA18, ~0u, ""},
	/* DPA 2018 Part 3 covers competent authorities (Sch 7): police, probation. */
	{MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_LAW_ENFORCEMENT_SCH8_PARA4, AG(POLICE) | AG(PROBATION),
	 "DPA 2018 Part 3 (law enforcement) is for competent authorities only: police and "
	 "probation"},
	/* s115 relevant authorities: police, probation, local authorities, NHS
	 * bodies; not the voluntary-sector IDVA service. */
	{MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_CDA_1998_S115,
	 AG(POLICE) | AG(PROBATION) | AG(HEALTH) | AG(CHILDRENS_SOCIAL_CARE) |
		 AG(ADULT_SOCIAL_CARE) | AG(HOUSING) | AG(EDUCATION),
	 "Crime and Disorder Act 1998 s115 is for relevant authorities (police, probation, "
	 "local authorities, health); this agency is not one"},
	/* The Caldicott principles bind health and social care. */
	{MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_CALDICOTT_7,
	 AG(HEALTH) | AG(ADULT_SOCIAL_CARE) | AG(CHILDRENS_SOCIAL_CARE),
	 "Caldicott principle 7 applies to health and social care only"},
	/* Any agency, but only with the victim's consent (checked below). */
	{MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_CONSENT, ~0u, ""},
};
#undef AG

int referral_basis_check(int agency, int basis, const Marac__V1__Referral *r, char *field,
			 size_t fieldlen, char *msg, size_t msglen)
{
	for (size_t i = 0; i < sizeof basis_rules / sizeof basis_rules[0]; i++) {
		const struct basis_rule *b = &basis_rules[i];
		if (b->basis != basis)
			continue;
		if (agency < 1 || agency > 31 || !(b->agencies & (1u << agency)))
			return fail(field, fieldlen, "lawful_basis", msg, msglen, "%s", b->why);
		if (basis == MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_CONSENT &&
		    (r == NULL || r->consent_given != MARAC__V1__ANSWER__ANSWER_YES))
			return fail(field, fieldlen, "lawful_basis", msg, msglen,
				    "consent is the basis but consent_given is not YES: name the "
				    "basis relied on without consent (e.g. PUBLIC_TASK_SCH1_PARA18)");
		return MGW_OK;
	}
	return fail(field, fieldlen, "lawful_basis", msg, msglen, "required");
}

char *dash_applied_text(const struct dash_form_config *f, int form, unsigned score, char *out,
			size_t outlen)
{
	const char *name = form == MARAC__V1__DASH_FORM__DASH_FORM_POLICE_27 ? "police form"
										: "SafeLives form";
	snprintf(out, outlen, "DASH %u of %u (%s), threshold %u", score, f->questions, name,
		 f->high_threshold);
	return out;
}

const char *dash_route_name(int route)
{
	switch (route) {
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_VISIBLE_HIGH_RISK:
		return "visible_high_risk";
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT:
		return "professional_judgement";
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_POTENTIAL_ESCALATION:
		return "potential_escalation";
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_REPEAT:
		return "repeat";
	default:
		return "unspecified";
	}
}

const char *dash_level_name(int level)
{
	switch (level) {
	case MARAC__V1__RISK_LEVEL__RISK_LEVEL_STANDARD:
		return "standard";
	case MARAC__V1__RISK_LEVEL__RISK_LEVEL_MEDIUM:
		return "medium";
	case MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH:
		return "high";
	default:
		return "unspecified";
	}
}

/*
 * cases.h: the MARAC cases the gateway has accepted referrals for, and the
 * agencies' research status, in the caller's SQLite database; and the
 * agenda of a meeting built from them (agenda.h does the ordering and
 * rendering).
 *
 * A case row holds what the chair's agenda shows and nothing more: case
 * ref, area, dates, referring agency and node, route, DASH score and level,
 * the repeat flag with the previous case, transfer-in, the meeting it is
 * listed for and the children's dates of birth (for their ages). Names and
 * identifiers stay in the shares; repeat matching uses match.h's blind
 * indexes.
 *
 * An unborn child is listed with its expected date of delivery as its
 * "date of birth" (dash_child_date), so the agenda shows it as unborn.
 *
 * Tables: mcase(case_ref PK, ...), mcase_child(case_ref, idx, dob),
 * mcase_dash(case_ref PK, form, threshold),
 * mresearch(case_ref, agency, done, at_ms) PK(case_ref, agency).
 * Writes use SAVEPOINTs, so they work inside a caller's transaction.
 * Errors: 0 or a negative mgw_err code.
 */
#ifndef MARAC_CASES_H
#define MARAC_CASES_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "agenda.h"

#define CASES_REF_MAX 32u

struct case_row {
	const char *case_ref;
	const char *area;
	const char *referral_date;      /* YYYY-MM-DD */
	int referring_agency;           /* Marac__V1__Agency */
	const char *referring_node;
	int route;                      /* Marac__V1__ReferralRoute */
	unsigned score;
	int level;                      /* Marac__V1__RiskLevel */
	int repeat;
	const char *prev_case_ref;      /* repeat: the newest earlier case in the window, or NULL */
	const char *last_referral_date; /* its referral date, or NULL */
	int transfer_in;
	const char *meeting_date;       /* YYYY-MM-DD */
	const char *const *children_dobs; /* as given (may be empty or invalid: age unknown) */
	size_t n_children;
	int64_t created_ms;
	int dash_form;                  /* Marac__V1__DashForm; 0: not recorded */
	unsigned dash_threshold;        /* the area's threshold on that form when referred */
};

/* Create the tables if missing. 0 or MGW_E_DB. */
int cases_schema(sqlite3 *db);

/* Insert a new case. 0, MGW_E_CONFLICT (case_ref exists), MGW_E_INVALID, MGW_E_DB. */
int cases_insert(sqlite3 *db, const struct case_row *r);

/* The area of case_ref into area[len]. 0, MGW_E_NOTFOUND or MGW_E_DB. */
int cases_area(sqlite3 *db, const char *case_ref, char *area, size_t len);

/* Record agency's research status on case_ref (insert or replace). 0 or MGW_E_DB. */
int cases_research_set(sqlite3 *db, const char *case_ref, int agency, int done, int64_t at_ms);

/*
 * The agenda of area's meeting on meeting_date: the cases listed for that
 * meeting, plus the cases of the area whose repeat window (window_months
 * from their referral date) lapsed after prev_meeting and on or before
 * meeting_date and that no later referral repeated. Research rows list
 * every agency in attending[0..n_attending) with its status (not done when
 * never reported). prev_meeting may be NULL (no lapsed section).
 * On success *out is a codec message (codec_free). 0, MGW_E_INVALID,
 * MGW_E_NOMEM, MGW_E_DB.
 */
int cases_agenda(sqlite3 *db, const char *area, const char *meeting_date,
		 const char *prev_meeting, unsigned window_months, const int *attending,
		 size_t n_attending, const char *statement, Marac__V1__Agenda **out);

#endif

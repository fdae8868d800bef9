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

/* Create the tables if missing (with cases_life_schema's). 0 or MGW_E_DB. */
int cases_schema(sqlite3 *db);

/* Insert a new case. 0, MGW_E_CONFLICT (case_ref exists), MGW_E_INVALID, MGW_E_DB. */
int cases_insert(sqlite3 *db, const struct case_row *r);

/* The area of case_ref into area[len]. 0, MGW_E_NOTFOUND or MGW_E_DB. */
int cases_area(sqlite3 *db, const char *case_ref, char *area, size_t len);

/* Record agency's research status on case_ref (insert or replace); on the
 * surviving case when case_ref was merged into it. 0 or MGW_E_DB. */
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

/*
 * h13-audit. Record that case_ref transferred in from from_area (which
 * must pass agenda_area_name_ok: the referrer names it in free text).
 * 0, MGW_E_INVALID, MGW_E_DB. Table mcase_transfer(case_ref PK, from_area).
 */
int cases_set_transfer_from(sqlite3 *db, const char *case_ref, const char *from_area);

/*
 * Fill the agenda rows' origins from the store: a repeat's last_case_ref
 * and last_area (the earlier case this gateway holds), a transfer's
 * transfer_from_area. Rows whose case is unknown are left as they are.
 * 0, MGW_E_NOMEM, MGW_E_DB.
 *
 * One row per victim after a merge is cases_agenda's (h13-life leaves
 * merged duplicates out there, from mcase_life, and lists them on the
 * surviving row). transfer_from_area is what the referral said
 * (Referral.transfer_from_area); a case moved by TransferCase has h13-life's
 * AgendaRow.origin_area, which the agenda should prefer when both are set.
 */
int cases_agenda_origins(sqlite3 *db, Marac__V1__Agenda *a);
/* ---- case lifecycle (h13-life, cases_life.c): withdraw, close, merge, transfer
 *
 * Table mcase_life(case_ref PK, status, reason, merged_into, origin_area,
 * by_node, at_ms): a case without a row is open. Statuses and reasons are
 * lifecycle.proto's CaseStatus and CaseEndReason.
 *
 *  - withdrawn (reason 1-9): the referral should not count. Off every
 *    agenda; its blind indexes are forgotten (match_forget), so no later
 *    referral is a repeat of it or linked to it, and the cases recorded as
 *    its repeats are matched again without it.
 *  - closed (reason 10+): heard and finished. Off every agenda, but still
 *    matched: a further incident within the window of its referral is a
 *    repeat whether or not the case was closed (SafeLives).
 *  - merged: a duplicate referral of the same incident. Off every agenda;
 *    its blind indexes, research status and the repeats that pointed at it
 *    move to the surviving case, so matching, research and the agenda show
 *    one case per victim; the surviving row lists it (merged_case_refs).
 *  - transferred: still open, now in the receiving area, listed for the
 *    meeting given, transfer_in set and origin_area the sending area. The
 *    case keeps its ref: the audit trail and the agencies' records use it.
 *
 * Writes use SAVEPOINTs. Errors: 0 or a negative mgw_err code.
 */
#define CASES_LIFE_OPEN_SQL                                                              \
	"NOT EXISTS(SELECT 1 FROM mcase_life l WHERE l.case_ref = c.case_ref"              \
	" AND l.status <> 1)"

/* Create mcase_life if missing (cases_schema calls it). 0 or MGW_E_DB. */
int cases_life_schema(sqlite3 *db);

/* Where a case stands. */
struct case_state {
	char area[65];
	int referring_agency;           /* Marac__V1__Agency */
	char referring_node[65];
	int status;                     /* Marac__V1__CaseStatus (OPEN when no row) */
	int reason;                     /* Marac__V1__CaseEndReason, or 0 */
	char merged_into[CASES_REF_MAX];
	char origin_area[65];
	char meeting_date[11];
};

/* The state of case_ref. 0, MGW_E_NOTFOUND, MGW_E_DB. */
int cases_state(sqlite3 *db, const char *case_ref, struct case_state *out);

/* 1 if reason (CaseEndReason) withdraws, 2 if it closes, 0 if it is no known reason. */
int cases_reason_kind(int reason);
/* The reason's short name ("withdrawn_in_error"), or NULL. */
const char *cases_reason_name(int reason);

/*
 * Withdraw or close an open case (by reason's kind). A withdrawal also
 * matches again, without it, the cases recorded as its repeats (within
 * window_months, 1..120): each keeps the newest earlier case left or stops
 * being a repeat. A duplicate merged into another case may be withdrawn in
 * error too (only that reason): it leaves the surviving case's merged
 * list, and the blind-index keys the surviving case had only from it
 * (mcase_merged_key, kept by cases_merge) leave the index; research,
 * repeats and actions the merge moved stay. 0,
 * MGW_E_INVALID (no known reason), MGW_E_NOTFOUND, MGW_E_CONFLICT (not
 * open, or merged and another reason), MGW_E_NOMEM, MGW_E_DB.
 */
int cases_end(sqlite3 *db, const char *case_ref, int reason, unsigned window_months,
	      const char *by_node, int64_t at_ms);

/*
 * Merge the open case dup into the open case into (same area, not the same
 * case). When into was recorded as a repeat of dup (two referrals of one
 * incident, the later kept), it is matched again without dup within
 * window_months (1..120), as cases_end does for a withdrawal. 0,
 * MGW_E_INVALID (same case, other area or bad window), MGW_E_NOTFOUND,
 * MGW_E_CONFLICT (either not open), MGW_E_NOMEM, MGW_E_DB.
 */
int cases_merge(sqlite3 *db, const char *dup, const char *into, unsigned window_months,
		const char *by_node, int64_t at_ms);

/*
 * Transfer the open case_ref to to_area, listed for meeting_date there.
 * 0, MGW_E_INVALID (same area, bad date), MGW_E_NOTFOUND, MGW_E_CONFLICT
 * (not open), MGW_E_DB.
 */
int cases_transfer(sqlite3 *db, const char *case_ref, const char *to_area,
		   const char *meeting_date, const char *by_node, int64_t at_ms);

#endif

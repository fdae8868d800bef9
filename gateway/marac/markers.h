/*
 * markers.h: address markers (special schemes; meeting.proto Marker) on
 * MARAC cases, in the caller's SQLite database.
 *
 * The gateway never holds the address: a marker refers to its case. It is
 * ACTIVE from its start date with a review due date; at review it is
 * extended (a new due date; the victim must be told again) or WITHDRAWN
 * (she must be told; or the attempts are on record). Every contact and
 * every attempt to tell her is kept (date, method, outcome, node, and the
 * stage she was being told about: "placed", "extended", "withdrawn");
 * victim_informed says whether an INFORMED contact exists for the current
 * stage.
 *
 * Deadlines (markers_due), for an ACTIVE marker with review due D:
 *   - first stage (to the officer in charge) once today >= D - notice_days;
 *   - second stage (to the area's escalation node) once today >= D +
 *     escalate_days and no review moved D;
 * each at most once per due date: markers_noticed records which stage
 * went out for which D, so an extension starts both again.
 *
 * Tables: mmarker(id PK, seq UNIQUE, ...), mmarker_contact(marker_id, idx) PK.
 * Every function returns 0 or a negative mgw_err code: MGW_E_DB,
 * MGW_E_NOMEM, MGW_E_INVALID (an argument breaks the rule at its
 * declaration), MGW_E_NOTFOUND, MGW_E_TOO_LARGE (contacts full), MGW_E_CONFLICT
 * (the marker is withdrawn: nothing more can be recorded but contacts).
 */
#ifndef MARAC_MARKERS_H
#define MARAC_MARKERS_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "actions.h"

int markers_schema(sqlite3 *db);

/* Whether case_ref has an active marker: 1, 0, or MGW_E_DB (the point-of-call lookup). */
int markers_active_for_case(sqlite3 *db, const char *case_ref);

struct marker_new {
	const char *case_ref, *area;
	const char *start_date, *review_due; /* YYYY-MM-DD, start < due */
	const char *oic_node;                /* "" = every police node of the area */
	const char *by_node;
};

/* Insert an ACTIVE marker; id gets its id. MGW_E_INVALID per struct
 * marker_new; MGW_E_TOO_LARGE when the case has
 * MGW_MARKERS_ACTIVE_PER_CASE_MAX active. */
int markers_add(sqlite3 *db, const struct marker_new *m, int64_t now_ms,
		char id[FOLLOWUP_ID_MAX]);

/* The marker with its contacts as a new message (codec_free); days_to_review against today. */
int markers_get(sqlite3 *db, const char *id, int32_t today, Marac__V1__Marker **out);

/* Its area, state and review due (for authorisation and checks before a change). */
int markers_brief(sqlite3 *db, const char *id, char *area, size_t area_len, int *state,
		  char review_due[11]);

/*
 * A contact or attempt on date by node, about the current stage; outcome
 * INFORMED sets victim_informed. MGW_E_TOO_LARGE beyond
 * MGW_MARKER_CONTACTS_MAX; MGW_E_INVALID for an unknown method or outcome,
 * or a date before the marker's start_date.
 */
int markers_inform(sqlite3 *db, const char *id, const char *date, int method, int outcome,
		   const char *node);

/*
 * Review on today_s: withdraw, or extend to new_due (> today_s). Either
 * starts a new stage (victim_informed 0) and clears the notices.
 * MGW_E_CONFLICT if already withdrawn.
 */
int markers_review(sqlite3 *db, const char *id, int withdraw, const char *new_due,
		   const char *today_s);

struct marker_filter {
	const char *const *areas;
	size_t n_areas;
	const char *case_ref;       /* NULL or "": every case */
	int due_only;               /* ACTIVE, review within notice_days, overdue or escalated */
	int include_withdrawn;
	unsigned notice_days;
};

/* Up to max markers (with contacts), review due then id; *truncated as actions_list. */
int markers_list(sqlite3 *db, const struct marker_filter *f, int32_t today, size_t max,
		 Marac__V1__Marker ***out, size_t *n, int *truncated);
void markers_free_list(Marac__V1__Marker **v, size_t n);

/*
 * The agenda's marker section: ACTIVE markers of area, of a case still
 * open, whose review is due on or before meeting_date + notice_days (so
 * due, overdue and escalated),
 * days counted to the meeting; appended to ag->markers (codec_malloc).
 * Contacts are left out (the agenda carries no contact history).
 */
int markers_agenda(sqlite3 *db, const char *area, const char *meeting_date,
		   unsigned notice_days, Marac__V1__Agenda *ag);

enum marker_stage_notice { MARKER_NOTICE_REVIEW = 1, MARKER_NOTICE_ESCALATE = 2 };

struct marker_due {
	char id[FOLLOWUP_ID_MAX];
	char case_ref[65], area[65], oic_node[65];
	char review_due[11];
	int32_t days_overdue;       /* today - review_due */
	int stage;                  /* enum marker_stage_notice */
	int first_sent;             /* ESCALATE: the first stage went out for this due date */
};

/* ACTIVE markers of open cases owing a first- or second-stage notice today; at most max. */
int markers_due(sqlite3 *db, int32_t today, unsigned notice_days, unsigned escalate_days,
		struct marker_due *out, size_t max, size_t *n);
/* Record that stage went out for the marker's current review_due. */
int markers_noticed(sqlite3 *db, const char *id, int stage, const char *review_due);

/* "in_person", "phone", ... / "informed", "no_answer", ...; "unspecified" otherwise. */
const char *markers_method_name(int method);
const char *markers_outcome_name(int outcome);

#endif

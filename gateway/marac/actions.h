/*
 * actions.h: actions set at a MARAC meeting (meeting.proto Action) and the
 * idempotency keys of the follow-up requests, in the caller's SQLite
 * database.
 *
 * An action belongs to a case (its area comes from the case), is owned by
 * one agency, and is OPEN until the owner reports DONE,
 * NOT_POSSIBLE_CIRCUMSTANCES_CHANGED or NOT_DONE (and may reopen it). Its
 * description and note are stored as given here: the caller has already
 * scrubbed them under the policy (req_action.c), so this module never sees
 * raw free text. Countdowns are whole days: days_left = due - today.
 *
 * Notices: an OPEN action is due a notice on its due date, then every
 * every_days days while it stays OPEN (actions_due); the caller queues the
 * notice and records it (actions_noticed) in the same transaction, so a
 * crash between them cannot send one twice or lose one.
 *
 * Tables: maction(id PK, seq UNIQUE, ...), mfollow_msg(node, msg_id) PK.
 * Writes use SAVEPOINTs where they are more than one statement, so they
 * work inside a caller's transaction. Every function returns 0 or a
 * negative mgw_err code: MGW_E_DB (SQLite failed), MGW_E_NOMEM,
 * MGW_E_INVALID (an argument breaks the rule named at the declaration),
 * MGW_E_NOTFOUND (no such id).
 */
#ifndef MARAC_ACTIONS_H
#define MARAC_ACTIONS_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "marac/v1/meeting.pb-c.h"
#include "marac/v1/referral.pb-c.h"

/* "A-000001" .. "A-99999999", and "M-..." for markers: with the NUL, 16 bytes. */
#define FOLLOWUP_ID_MAX 16u

/* Create the tables if missing (and cases_life_schema's: the sweep and the
 * agenda read a case's lifecycle). 0 or MGW_E_DB. */
int actions_schema(sqlite3 *db);

/*
 * A duplicate case merged into another: its actions and address markers
 * follow it to into_ref (called by the MergeCase writer, req_case.c, in its
 * transaction), so the surviving case's owners keep being told and the
 * agenda's one row per victim carries them. 0, MGW_E_INVALID, MGW_E_DB.
 */
int actions_merge(sqlite3 *db, const char *dup_ref, const char *into_ref);

/*
 * Would the two cases' follow-up, merged, keep the per-case caps
 * (MGW_ACTIONS_OPEN_PER_CASE_MAX open actions, MGW_MARKERS_ACTIVE_PER_CASE_MAX
 * active markers)? Checked by the MergeCase writer before actions_merge, as
 * ActionAdd, MarkerAdd and a reopening ActionUpdate are. 0;
 * MGW_E_TOO_LARGE with *what "actions" or "markers" (static); MGW_E_DB.
 */
int actions_merge_fits(sqlite3 *db, const char *dup_ref, const char *into_ref,
		       const char **what);

/*
 * The open actions of case_ref by owner agency: count[agency] for each
 * agency < n (others are not counted; count is zeroed first). The
 * TransferCase writer refuses a transfer that would leave an open action
 * with an owner no node of the receiving area could report (req_case.c).
 * 0, MGW_E_INVALID, MGW_E_DB.
 */
int actions_open_by_owner(sqlite3 *db, const char *case_ref, unsigned *count, size_t n);

/*
 * A transferred case's actions and address markers move to to_area (called
 * by the TransferCase writer, req_case.c, in its transaction). 0,
 * MGW_E_INVALID, MGW_E_DB.
 */
int actions_transfer(sqlite3 *db, const char *case_ref, const char *to_area);

/*
 * Idempotency of follow-up requests (actions and markers): has node used
 * msg_id before? MGW_E_NOTFOUND: new. 0: yes, with the same request digest;
 * item_id (FOLLOWUP_ID_MAX) gets the item it created or changed.
 * MGW_E_CONFLICT: yes, for a different request.
 */
int followup_msg_check(sqlite3 *db, const char *node, const char *msg_id,
		       const uint8_t digest[32], char item_id[FOLLOWUP_ID_MAX]);
/* Remember (node, msg_id) -> item_id. MGW_E_CONFLICT if already there. */
int followup_msg_put(sqlite3 *db, const char *node, const char *msg_id,
		     const uint8_t digest[32], const char *item_id, int64_t at_ms);

/* A new action; every string required but note. Dates YYYY-MM-DD, due >= marac_date. */
struct action_new {
	const char *case_ref;
	const char *area;
	const char *marac_date;
	int owner;                  /* Marac__V1__Agency, not UNSPECIFIED */
	const char *description;    /* already scrubbed */
	const char *due_date;
	const char *set_by_node;
};

/* Insert; id gets the new action id. MGW_E_INVALID per struct action_new;
 * MGW_E_TOO_LARGE when the case has MGW_ACTIONS_OPEN_PER_CASE_MAX open. */
int actions_add(sqlite3 *db, const struct action_new *a, int64_t now_ms,
		char id[FOLLOWUP_ID_MAX]);

/*
 * The action id as a new message (codec_free), days_left against today
 * (a caldate day number). MGW_E_NOTFOUND if there is none.
 */
int actions_get(sqlite3 *db, const char *id, int32_t today, Marac__V1__Action **out);

/* Its area and owner agency (for authorisation before a change). */
int actions_owner(sqlite3 *db, const char *id, char *area, size_t area_len, int *owner);

/*
 * Set status (an ActionStatus other than UNSPECIFIED) and note (already
 * scrubbed; may be ""), reported on date (YYYY-MM-DD). Reopening (OPEN)
 * restarts its notices. MGW_E_NOTFOUND, MGW_E_INVALID; MGW_E_TOO_LARGE
 * when reopening it would pass MGW_ACTIONS_OPEN_PER_CASE_MAX open actions.
 */
int actions_set_status(sqlite3 *db, const char *id, int status, const char *note,
		       const char *date);

/* Which actions a list holds. */
struct action_filter {
	const char *const *areas;   /* the areas the reader serves (at least one) */
	size_t n_areas;
	const char *case_ref;       /* NULL or "": every case */
	int owner;                  /* 0: every agency (a chair); else only that agency's */
	int overdue_only;           /* OPEN and due before today */
	int include_closed;         /* also the closed statuses */
};

/*
 * Up to max actions matching f, due date then id order, as new messages
 * in *out (an array of *n, free with actions_free_list); *truncated = 1 if
 * more matched.
 */
int actions_list(sqlite3 *db, const struct action_filter *f, int32_t today, size_t max,
		 Marac__V1__Action ***out, size_t *n, int *truncated);
void actions_free_list(Marac__V1__Action **v, size_t n);

/*
 * The agenda's first section: every OPEN action of area set at a meeting
 * before meeting_date, as AgendaAction rows appended to ag->actions (built
 * with codec_malloc, so codec_free(ag) frees them), days_left counted to
 * the meeting date. Due date, then id order. The text is cut to
 * MGW_AGENDA_ACTION_TEXT_MAX bytes (ending " [...]") so the area's actions
 * fit the agenda's first page. Cases withdrawn, closed or merged are left out.
 */
int actions_agenda(sqlite3 *db, const char *area, const char *meeting_date,
		   Marac__V1__Agenda *ag);

/* One notice due (actions_due). */
struct action_due {
	char id[FOLLOWUP_ID_MAX];
	char case_ref[65];
	char area[65];
	int owner;
	char due_date[11];
	int32_t days_overdue;       /* today - due */
};

/*
 * OPEN actions that owe a notice today: due on or before today and never
 * noticed, or last noticed every_days or more ago. At most max into out.
 */
int actions_due(sqlite3 *db, int32_t today, unsigned every_days, struct action_due *out,
		size_t max, size_t *n);

/* An area's own interval between notices (an area block's action_notice_every_days). */
struct action_every {
	const char *area;
	unsigned days;
};

/*
 * As actions_due, but an action of an area listed in per_area (n_areas
 * entries; days 0: every_days) is noticed again every that many days; the
 * others every every_days. One query, so the cap and order are as
 * actions_due's. MGW_E_INVALID: n_areas above ACTIONS_EVERY_AREAS_MAX.
 */
#define ACTIONS_EVERY_AREAS_MAX 256u /* SQLite's bound parameters: 2 per area, 999 at the least */
int actions_due_areas(sqlite3 *db, int32_t today, unsigned every_days,
		      const struct action_every *per_area, size_t n_areas, struct action_due *out,
		      size_t max, size_t *n);
/* Record that id was noticed on today. */
int actions_noticed(sqlite3 *db, const char *id, int32_t today);

/* "open", "done", "not_possible_circumstances_changed", "not_done"; "unspecified" otherwise. */
const char *actions_status_name(int status);

#endif

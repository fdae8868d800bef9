/*
 * agenda.h: the chair's agenda for one MARAC meeting, the meeting schedule,
 * and the agenda's printable renderings (HTML, CSV, JSON).
 *
 * Order (DOMAIN.md "Agenda"): attendance and apologies; confidentiality
 * statement; outstanding actions; new cases with children first
 * (children's agencies may then leave); adult-only cases; cases whose
 * repeat window (the configured months) lapsed since the last meeting; any
 * other business. Within a section: referral date, then case ref (byte
 * order), so the same input always prints the same agenda.
 *
 * An agenda carries no names, addresses or free text about people: case
 * refs, dates, codes, counts and children's ages only. It is still
 * OFFICIAL-SENSITIVE once complete, and every rendering says so.
 */
#ifndef MARAC_AGENDA_H
#define MARAC_AGENDA_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "marac/v1/referral.pb-c.h"

/* The marking printed at the top and bottom of every rendering. */
#define AGENDA_MARKING "OFFICIAL-SENSITIVE: restricted when complete"

/* Used when agenda_build() is given no statement of the area's own. */
extern const char agenda_default_statement[];

/* One agency's research on a case. */
struct agenda_research {
	int agency; /* Marac__V1__Agency */
	int done;   /* 1: records checked and reported */
};

/*
 * One case as the store knows it. Strings are borrowed for the call only.
 * Dates are YYYY-MM-DD. The caller passes the cases of one area.
 */
struct agenda_case {
	const char *case_ref;
	const char *referral_date;
	int referring_agency;              /* Marac__V1__Agency */
	int route;                         /* Marac__V1__ReferralRoute */
	unsigned score;                    /* DASH yes count */
	int level;                         /* Marac__V1__RiskLevel */
	int repeat;                        /* 1: repeat referral */
	const char *last_referral_date;    /* repeat: previous referral date, or NULL */
	int transfer_in;                   /* 1: transferred in */
	const char *const *children_dobs;  /* n_children DOBs; NULL/invalid ones: age unknown */
	size_t n_children;
	const struct agenda_research *research; /* per attending agency */
	size_t n_research;
	const char *meeting_date;          /* the meeting the case is listed for */
	int lapsed;                        /* 1: its repeat window lapsed since the last meeting */
	/* case lifecycle (h13-life) */
	const char *origin_area;           /* transferred in by TransferCase: the sending area, or NULL */
	const char *const *merged_case_refs; /* duplicates merged into this case */
	size_t n_merged;
	int dash_form;                     /* Marac__V1__DashForm of score; 0: not recorded */
	unsigned dash_threshold;           /* the area's threshold on that form */
};

/*
 * Build the agenda of area's meeting on meeting_date from cases[0..n):
 * a case with lapsed set goes to lapsed_cases; otherwise a case whose
 * meeting_date equals meeting_date is a new case (with children if
 * n_children > 0); other cases are not listed. Children's ages are whole
 * years on meeting_date, oldest first; a child whose DOB is missing or
 * invalid is counted in children_count but has no age; one whose DOB is
 * after the meeting is unborn (its expected date of delivery) and counted
 * in unborn_children too. Research entries are listed in agency order.
 *
 * statement NULL uses agenda_default_statement. On success *out owns a
 * message freed with codec_free(). Returns 0, MGW_E_INVALID (area empty,
 * meeting_date not YYYY-MM-DD, or a listed case without case_ref or with
 * a bad referral_date), or MGW_E_NOMEM.
 */
int agenda_build(const char *area, const char *meeting_date, const struct agenda_case *cases,
		 size_t n, const char *statement, Marac__V1__Agenda **out);

/*
 * 1 if a case referred on referral_date had its repeat window of
 * window_months end after the previous meeting and on or before this one
 * (prev_meeting < referral + window <= meeting), so this meeting is the
 * first since it lapsed; 0 if not or if any date is invalid.
 */
int agenda_lapsed(const char *referral_date, const char *prev_meeting, const char *meeting,
		  unsigned window_months);

enum meeting_freq {
	MEETING_WEEKLY = 1,      /* every week on weekday */
	MEETING_FORTNIGHTLY = 2, /* every 14 days from anchor_date */
	MEETING_DAILY = 3,       /* every weekday, Monday to Friday */
};

/* An area's meetings. */
struct meeting_schedule {
	enum meeting_freq freq;
	int weekday;                 /* WEEKLY: 1 = Monday .. 7 = Sunday */
	const char *anchor_date;     /* FORTNIGHTLY: any date a meeting is held, YYYY-MM-DD */
	unsigned min_days;           /* research time: meeting >= from_date + min_days */
	const char *const *skip;     /* dates with no meeting (bank holidays), YYYY-MM-DD */
	size_t n_skip;
};

/*
 * The first scheduled meeting on or after from_date + min_days that is not
 * a skipped date, as YYYY-MM-DD into out. Returns 0, or MGW_E_INVALID (bad
 * from_date, frequency, weekday, anchor or skip date, min_days > 366, or no
 * meeting within a year of the earliest date because every one is skipped).
 */
int meeting_next(const struct meeting_schedule *s, const char *from_date, char out[11]);

/*
 * Renderings of a built agenda to f. Each returns 0 or MGW_E_IO (a write
 * failed; what was written is incomplete) or MGW_E_NOMEM.
 *
 * html: one self-contained page (inline CSS with print styles), marked
 * AGENDA_MARKING at top and bottom, the confidentiality statement, one
 * table per section; every text is HTML-escaped.
 *
 * csv: RFC 4180 (CRLF, quotes doubled, fields with , " CR LF quoted), one
 * header row, one row per action or case with its section in the first
 * column. A cell starting with = + - @ (or TAB/CR) is prefixed with ' so a
 * spreadsheet never runs it as a formula. The marking is the first and last
 * row. Columns only ever get added at the end (the last two: origin_area,
 * the sending area of a case moved by TransferCase, and merged_case_refs,
 * the duplicates merged into the row's case, ';'-separated).
 *
 * json: the proto3 JSON mapping of the Agenda (pbjson), pretty-printed;
 * the marking is its protectiveMarking member (set by agenda_build).
 */
int agenda_render_html(const Marac__V1__Agenda *a, FILE *f);
int agenda_render_csv(const Marac__V1__Agenda *a, FILE *f);
int agenda_render_json(const Marac__V1__Agenda *a, FILE *f);

/* ---- the meeting's arrangements (attendance, timing, window) ---------- */

/* DOMAIN.md: 12-15 minutes per case; meetings usually start mid-morning. */
#define AGENDA_START_DEFAULT "10:00"
#define AGENDA_MINUTES_DEFAULT 15u
#define AGENDA_MINUTES_MAX 120u /* two hours on one case is a meeting of its own */

/*
 * What the chair's agenda says about the meeting itself. Arrays are
 * borrowed for the call.
 */
struct agenda_meeting {
	const int *attending;      /* agencies expected (a node of the area), any order, no repeats */
	size_t n_attending;
	const int *apologies;      /* agencies that sent apologies: each one of attending */
	size_t n_apologies;
	unsigned window_months;    /* the repeat window the lapsed section used (1..120) */
	const char *start_time;    /* HH:MM the first case starts; NULL or "": AGENDA_START_DEFAULT */
	unsigned minutes_per_case; /* 0: AGENDA_MINUTES_DEFAULT; at most AGENDA_MINUTES_MAX */
};

/*
 * Set a built agenda's attendance (Agenda.attending and apologies, agency
 * order), repeat_window_months, start_time, minutes_per_case, and each
 * row's slot: the rows in the order the meeting takes them (children,
 * adult-only, lapsed) get start, start + minutes, ... A row whose slot
 * would be after 23:59 gets an empty slot (the meeting needs another
 * sitting; the chair decides). Call once, before paging. Returns 0,
 * MGW_E_INVALID (start_time not HH:MM, minutes above the maximum,
 * window_months not 1..120, an apology from an agency not attending, an
 * agency out of range) or MGW_E_NOMEM; on error a is unchanged or
 * partly set and should be freed.
 */
int agenda_set_meeting(Marac__V1__Agenda *a, const struct agenda_meeting *m);

/* "HH:MM" (00:00..23:59, two digits each) into minutes after midnight: 0 or MGW_E_INVALID. */
int agenda_parse_hhmm(const char *s, unsigned *minutes);

/*
 * 1 if s may be printed as an area's name on the agenda: 1..64 bytes of
 * letters, digits, space and . - ' & ( ) /, starting with a letter or
 * digit. Areas outside this gateway are named by the referrer in free
 * text; anything else is not printed (it could be anything).
 */
int agenda_area_name_ok(const char *s);

/*
 * Add the chair's any-other-business items to an agenda before printing
 * (clients only: the gateway never sends free text on an agenda). Each item
 * is copied; 0, MGW_E_INVALID (an item empty or above 500 bytes, or more
 * than 50 items) or MGW_E_NOMEM.
 */
int agenda_add_aob(Marac__V1__Agenda *a, const char *const *items, size_t n);

/* Display name of an agency ("Children's social care"); "Unknown agency" otherwise. */
const char *agenda_agency_label(int agency);

#endif

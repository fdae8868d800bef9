/*
 * caldate.h: calendar dates for the MARAC workflow (referral windows, ages,
 * meeting schedules). Proleptic Gregorian, no time zones: every MARAC date
 * is a local calendar day, and windows are counted in whole days or months.
 *
 * A date is held as a day number (days since 1970-01-01, may be negative),
 * so that comparisons and differences are integer arithmetic. Only years
 * 1900..2199 are accepted: anything else in a referral is a typo, and the
 * bound keeps every computation far from overflow.
 *
 * Parsing here is strict YYYY-MM-DD, the wire format of marac.v1. Turning
 * what a form says (DD/MM/YYYY) into that is ident's job, not this module's.
 */
#ifndef MARAC_CALDATE_H
#define MARAC_CALDATE_H

#include <stdint.h>

#define CALDATE_YEAR_MIN 1900
#define CALDATE_YEAR_MAX 2199

/*
 * Dates of MARAC events (referrals; meetings) lie in 2000..CALDATE_YEAR_MAX:
 * case references are numbered per year from 2000 (match_next_case_ref),
 * and a referral dated earlier is a typo. Validation refuses such a date at
 * the door, so the allocator never sees one. Dates of birth keep
 * CALDATE_YEAR_MIN.
 */
#define CALDATE_EVENT_YEAR_MIN 2000

/*
 * Parse exactly "YYYY-MM-DD" (10 chars, a real calendar day within the year
 * bounds) into *days. Returns 0, or -1 for NULL, empty, or anything else;
 * *days is untouched on failure.
 */
int caldate_parse(const char *s, int32_t *days);

/* Day number of y-m-d (no validation: callers pass a valid date). */
int32_t caldate_from_ymd(int y, int m, int d);

/* The y, m (1-12), d (1-31) of a day number. */
void caldate_to_ymd(int32_t days, int *y, int *m, int *d);

/* Format days as "YYYY-MM-DD" into out[11]. */
void caldate_format(int32_t days, char out[11]);

/* ISO weekday of a day number: 1 = Monday .. 7 = Sunday. */
int caldate_weekday(int32_t days);

/*
 * days plus months (may be negative), the day clamped to the end of the
 * target month: 2024-02-29 - 12 months = 2023-02-28; 2025-01-31 + 1 = 2025-02-28.
 */
int32_t caldate_add_months(int32_t days, int months);

/*
 * The one "within N months" rule of the MARAC workflow. The window of an
 * event on day `earlier` is [earlier, caldate_window_end(earlier, months)):
 * it ends on the day `months` months later (caldate_add_months, clamped to
 * a short month's end), that day excluded. So a referral on 2025-08-31 with
 * a 6-month window: a new referral on 2026-02-27 is a repeat, one on
 * 2026-02-28 is not, and the case has lapsed at a meeting on 2026-02-28.
 * Repeat matching (match_query) and the agenda's lapsed section
 * (agenda_lapsed) both use it, so they agree at every month end.
 * caldate_within_months: 1 if earlier <= later < caldate_window_end(...).
 */
int32_t caldate_window_end(int32_t earlier, unsigned months);
int caldate_within_months(int32_t earlier, int32_t later, unsigned months);

/*
 * Age in whole years on day `on` of someone born on `born`: the years
 * completed, so the 16th birthday itself counts as 16. A 29 February
 * birthday is reached on 1 March in common years (as in English law).
 * Negative if on < born.
 */
int caldate_age_years(int32_t born, int32_t on);

#endif

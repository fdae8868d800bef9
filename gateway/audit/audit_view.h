/*
 * audit_view.h: what an auditor reads of the trail: the times an auditor
 * types, one record as a table line or a CSV row, and per-agency totals
 * over a period (`marac audit query` and `marac audit report`).
 *
 * Nothing here trusts the records: they come from the gateway being
 * audited. Every string printed is cut to printable ASCII (a record's
 * strings are ids, codes and grounds; anything else is shown as '?'), and
 * CSV cells are RFC 4180 quoted and defused against spreadsheet formulas.
 *
 * Time zone: a MARAC's local time is Europe/London (GMT in winter, BST =
 * UTC+1 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October, the rule since 1996). Dates and date-times without an
 * offset are read in that zone; times are printed in UTC with a Z.
 *
 * Errors: 0 or a negative MGW_E_* code.
 */
#ifndef MARAC_AUDIT_VIEW_H
#define MARAC_AUDIT_VIEW_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "marac/v1/audit.pb-c.h"

#define AUDIT_TZ_NAME "Europe/London"

/*
 * A bound of an auditor's period into Unix ms:
 *   "1767225600000"             Unix milliseconds (all digits), as is
 *   "2026-03-29"                that day's start in Europe/London; with
 *                               upper set, the next day's start (so "--to
 *                               2026-03-31" includes the whole 31st:
 *                               AuditQuery.to_ms is exclusive)
 *   "2026-03-29T10:15[:30]"     that local time in Europe/London (a time
 *                               in the October repeated hour is the first,
 *                               BST; one in the March gap is read as GMT)
 *   "...T10:15:30Z", "+01:00"   that instant (UTC, or the offset given)
 * Returns 0, or MGW_E_INVALID (anything else, a day that does not exist,
 * a year before 1970 or after 9999).
 */
int audit_parse_when(const char *s, int upper, int64_t *ms);

/* Seconds east of UTC in Europe/London at Unix time t (0 or 3600). */
int audit_london_offset(int64_t t);

/*
 * The manifest of r summed by action, then ground, as
 * "withhold 3 (foia-s40-2 2, default-deny 1); mask 1 (need-to-know 1)":
 * entries (fields), never values; "-" when r has none. Truncated to n.
 */
void audit_manifest_summary(const Marac__V1__AuditRecord *r, char *buf, size_t n);

/* The short name of an enum value ("share_accepted", "police"), or "-" for 0 and unknown. */
const char *audit_enum_name(const ProtobufCEnumDescriptor *d, int v, char *buf, size_t n);

/*
 * Whether r is about case case_ref: it names it as its case (case_ref) or
 * as the case it was merged into (to_case_ref, CASE_MERGED), so a query by
 * the surviving case's ref shows the merge too. 0 or 1; an empty case_ref
 * matches every record.
 */
int audit_record_about_case(const Marac__V1__AuditRecord *r, const char *case_ref);

/*
 * One line on a case's life for a lifecycle record (withdrawn, closed,
 * merged, transferred, a share retracted), as seen from case case_ref:
 * "2026-07-01T09:15:30Z withdrawn by chair-testshire [police]: withdrawn_in_error".
 * Returns 1 and fills buf (truncated to n), or 0 for any other event.
 */
int audit_lifecycle_line(const Marac__V1__AuditRecord *r, const char *case_ref, char *buf,
			 size_t n);

/* One table line per record, with a header line first (header non-zero). */
void audit_table_header(FILE *f);
void audit_table_row(FILE *f, const Marac__V1__AuditRecord *r);

/* RFC 4180 CSV (CRLF): the header row, then one row per record. */
void audit_csv_header(FILE *f);
void audit_csv_row(FILE *f, const Marac__V1__AuditRecord *r);
/* One cell (quoted if it holds , " CR LF; ' before = + - @ TAB CR). */
void audit_csv_cell(FILE *f, const char *s);

/*
 * Per-agency totals over a period. One counter per measure (a table in
 * audit_view.c: one row per event kind counted, by actor or recipient),
 * and refusals by reason per agency. Feed every record of the period in
 * any order; records outside [from_ms, to_ms) are ignored.
 */
struct audit_report;
struct audit_report *audit_report_new(int64_t from_ms, int64_t to_ms);
void audit_report_free(struct audit_report *r);
/* 0 or MGW_E_NOMEM. */
int audit_report_add(struct audit_report *r, const Marac__V1__AuditRecord *rec);
/*
 * The report: a table (csv 0) or RFC 4180 CSV (csv 1) of one row per
 * agency (and "gateway / before authentication" for records with no
 * agency), one column per measure; then refusals by agency and reason.
 * 0 or MGW_E_IO.
 */
int audit_report_write(const struct audit_report *r, int csv, FILE *f);
/*
 * The name of the (first) measure that counts AuditEvent value event, or
 * NULL if none does (UNSPECIFIED, or a value this build does not declare).
 */
const char *audit_report_measure_of(int event);
/* The total of measure name ("shares", "refusals", ...) for agency (0: none), or -1 if unknown. */
long long audit_report_total(const struct audit_report *r, const char *measure, int agency);

#endif

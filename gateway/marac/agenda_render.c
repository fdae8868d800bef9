/*
 * agenda_render.c: the agenda as HTML, CSV and JSON. See agenda.h.
 *
 * Every value that reaches the output goes through one escaping function
 * per format (html_text, csv_cell): nothing is printed raw but the fixed
 * markup of this file. Write errors are sticky on the FILE, so each
 * renderer writes everything and checks ferror() once at the end.
 */
#include "agenda.h"

#include <stdlib.h>
#include <string.h>

#include "mgw_err.h"
#include "pbjson.h"

const char *agenda_agency_label(int agency)
{
	switch (agency) {
	case MARAC__V1__AGENCY__AGENCY_POLICE: return "Police";
	case MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE: return "Children's social care";
	case MARAC__V1__AGENCY__AGENCY_ADULT_SOCIAL_CARE: return "Adult social care";
	case MARAC__V1__AGENCY__AGENCY_HEALTH: return "Health";
	case MARAC__V1__AGENCY__AGENCY_IDVA: return "IDVA service";
	case MARAC__V1__AGENCY__AGENCY_PROBATION: return "Probation";
	case MARAC__V1__AGENCY__AGENCY_HOUSING: return "Housing";
	case MARAC__V1__AGENCY__AGENCY_EDUCATION: return "Education";
	default: return "Unknown agency";
	}
}

static const char *route_label(int route)
{
	switch (route) {
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_VISIBLE_HIGH_RISK: return "Visible high risk";
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_PROFESSIONAL_JUDGEMENT:
		return "Professional judgement";
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_POTENTIAL_ESCALATION:
		return "Potential escalation";
	case MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_REPEAT: return "Repeat";
	default: return "Unspecified";
	}
}

static const char *level_label(int level)
{
	switch (level) {
	case MARAC__V1__RISK_LEVEL__RISK_LEVEL_STANDARD: return "Standard";
	case MARAC__V1__RISK_LEVEL__RISK_LEVEL_MEDIUM: return "Medium";
	case MARAC__V1__RISK_LEVEL__RISK_LEVEL_HIGH: return "High";
	default: return "Unspecified";
	}
}

static const char *str(const char *s)
{
	return s != NULL ? s : "";
}

/* "2 (12, 9)", "3 (12, 9, 1 age unknown)", "2 (4, unborn)", "0" into buf. */
static void children_text(const Marac__V1__AgendaRow *r, char *buf, size_t n)
{
	size_t k = (size_t)snprintf(buf, n, "%u", (unsigned)r->children_count);
	if (r->children_count == 0 || k >= n)
		return;
	k += (size_t)snprintf(buf + k, n - k, " (");
	for (size_t i = 0; i < r->n_children_ages && k < n; i++)
		k += (size_t)snprintf(buf + k, n - k, "%s%u", i ? ", " : "",
				      (unsigned)r->children_ages[i]);
	/* An unborn child is listed as such (a pregnancy is a child on the agenda). */
	for (size_t i = 0; i < r->unborn_children && k < n; i++)
		k += (size_t)snprintf(buf + k, n - k, "%s", i || r->n_children_ages ? ", unborn"
										       : "unborn");
	size_t known = r->n_children_ages + r->unborn_children;
	size_t unknown = r->children_count > known ? r->children_count - known : 0;
	if (unknown > 0 && k < n)
		k += (size_t)snprintf(buf + k, n - k, "%s%zu age unknown",
				      known ? ", " : "", unknown);
	if (k < n)
		snprintf(buf + k, n - k, ")");
}

/*
 * "15 of 24", "15 of 27 (threshold 16)" (the area's threshold, when not the
 * DOMAIN.md 14), or "15" when the form was not recorded, into buf: a score
 * must not read the same on the 24- and the 27-question form.
 */
static void dash_text(const Marac__V1__AgendaRow *r, char *buf, size_t n)
{
	unsigned q = r->dash_form == MARAC__V1__DASH_FORM__DASH_FORM_SAFELIVES_24 ? 24
		     : r->dash_form == MARAC__V1__DASH_FORM__DASH_FORM_POLICE_27 ? 27
										 : 0;
	if (q == 0)
		snprintf(buf, n, "%u", (unsigned)r->dash_score);
	else if (r->dash_threshold != 0 && r->dash_threshold != 14)
		snprintf(buf, n, "%u of %u (threshold %u)", (unsigned)r->dash_score, q,
			 (unsigned)r->dash_threshold);
	else
		snprintf(buf, n, "%u of %u", (unsigned)r->dash_score, q);
}

/* "Police: done; Health: outstanding" into buf. */
static void research_text(const Marac__V1__AgendaRow *r, char *buf, size_t n)
{
	size_t k = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < r->n_research && k < n; i++)
		k += (size_t)snprintf(buf + k, n - k, "%s%s: %s", i ? "; " : "",
				      agenda_agency_label(r->research[i]->agency),
				      r->research[i]->done ? "done" : "outstanding");
}

/* "Yes (from Kent)", "Yes", "No" into buf. */
static void transfer_text(const Marac__V1__AgendaRow *r, char *buf, size_t n)
{
	/* A case moved by TransferCase names its sending area; else what the referral said. */
	const char *from = str(r->origin_area)[0] ? str(r->origin_area) : str(r->transfer_from_area);
	if (!r->transfer_in)
		snprintf(buf, n, "No");
	else if (from[0])
		snprintf(buf, n, "Yes (from %s)", from);
	else
		snprintf(buf, n, "Yes");
}

/* The lapsed section's heading, with the window the gateway used. */
static void lapsed_title(const Marac__V1__Agenda *a, const char *num, char *buf, size_t n)
{
	unsigned w = a->repeat_window_months ? a->repeat_window_months : 12;
	snprintf(buf, n, "%sCases whose %u-month repeat window has lapsed", num, w);
}

/* ---- HTML ---------------------------------------------------------------- */

/* Text as HTML; a control character (C0 but tab and line breaks, DEL, C1),
 * which HTML forbids and which would act on a terminal the page is printed
 * to (`marac agenda` writes to standard output), as '?'. */
static void html_text(FILE *f, const char *s)
{
	for (s = str(s); *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default:
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				fputc('?', f);
			} else if (c == 0xc2 && (unsigned char)s[1] >= 0x80 &&
				   (unsigned char)s[1] <= 0x9f) {
				fputc('?', f);
				s++;
			} else {
				fputc(*s, f);
			}
		}
	}
}

static const char html_head[] =
	"<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<meta name=\"robots\" content=\"noindex, nofollow\">\n"
	/* no script, image or fetch can run even if escaping were ever wrong */
	"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	"style-src 'unsafe-inline'\">\n<title>";
/*
 * The marking must be on every printed page, top and bottom, and must never
 * hide a line of the agenda. The page is therefore one layout table whose
 * thead and tfoot hold the marking: browsers repeat header and footer groups
 * on each printed page and lay the content out between them. (Fixed-position
 * markings also repeat, but they overlay the content, covering the repeated
 * column headings and rows at each page break.) Case refs and dates do not
 * wrap, so "TS-2026-0001" is never split across lines.
 */
static const char html_style[] =
	"</title>\n<style>\n"
	"body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;color:#000;background:#fff;"
	"margin:1.5em 2em}\n"
	".marking{font-weight:bold;text-align:center;border:2px solid #000;padding:.3em;"
	"letter-spacing:.04em}\n"
	"h1{font-size:16pt;margin:.8em 0 .2em}h2{font-size:13pt;margin:1.4em 0 .3em;"
	"border-bottom:1px solid #444}\n"
	".statement{border-left:4px solid #444;background:#f4f4f4;padding:.4em .8em}\n"
	"table{border-collapse:collapse;width:100%}th,td{border:1px solid #777;"
	"padding:.25em .4em;text-align:left;vertical-align:top}th{background:#e8e8e8}\n"
	".none{font-style:italic}.outstanding{font-weight:bold}\n"
	"section td:nth-child(-n+3){white-space:nowrap}\n"
	".attendance td:first-child{width:40%}.nw{white-space:nowrap}\n"
	"table.sheet{border:0}table.sheet>*>tr>td{border:0;padding:0}"
	"table.sheet>thead>tr>td{padding-bottom:.6em}table.sheet>tfoot>tr>td{padding-top:.6em}\n"
	/* Page numbers: CSS paged media margin boxes (Chromium 131+, WeasyPrint,
	 * Prince); a browser without them prints the page without numbers. */
	"@page{size:A4 landscape;margin:14mm 10mm 16mm;"
	"@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);"
	"font:9pt Arial,Helvetica,sans-serif}}\n"
	"@media print{body{margin:0;font-size:9pt}"
	"thead{display:table-header-group}tfoot{display:table-footer-group}"
	"tr{page-break-inside:avoid}table.sheet>tbody>tr{page-break-inside:auto}"
	"h2{page-break-after:avoid}}\n"
	"</style>\n</head>\n<body>\n";

/*
 * "Yes (2025-06-01; TS-2025-0040, Teesside)", "Yes (2025-06-01)", "No": the
 * earlier case ref and its area kept on one line (a ref never splits at a hyphen).
 */
static void html_repeat(FILE *f, const Marac__V1__AgendaRow *r)
{
	const char *date = str(r->last_referral_date), *ref = str(r->last_case_ref);
	if (!r->repeat || (!date[0] && !ref[0])) {
		fputs(r->repeat ? "Yes" : "No", f);
		return;
	}
	fputs("Yes (", f);
	html_text(f, date);
	if (ref[0]) {
		fputs(date[0] ? "; <span class=\"nw\">" : "<span class=\"nw\">", f);
		html_text(f, ref);
		if (str(r->last_area)[0]) {
			fputs(", ", f);
			html_text(f, r->last_area);
		}
		fputs("</span>", f);
	}
	fputs(")", f);
}

static void html_rows(FILE *f, const char *title, Marac__V1__AgendaRow *const *rows, size_t n)
{
	char buf[512];
	fputs("<section>\n<h2>", f);
	html_text(f, title);
	fputs("</h2>\n", f);
	if (n == 0) {
		fputs("<p class=\"none\">None.</p>\n</section>\n", f);
		return;
	}
	fputs("<table>\n<thead><tr><th>Time</th><th>Case ref</th><th>Referred</th>"
	      "<th>Referring agency</th><th>Route</th><th>DASH</th><th>Level</th>"
	      "<th>Repeat (last referral; earlier case, area)</th><th>Transfer in (from)</th>"
	      "<th>Children (ages)</th><th>Research</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < n; i++) {
		const Marac__V1__AgendaRow *r = rows[i];
		fputs("<tr><td>", f);
		html_text(f, r->slot);
		fputs("</td><td>", f);
		html_text(f, r->case_ref);
		for (size_t k = 0; k < r->n_merged_case_refs; k++) { /* h13-life: merged duplicates */
			fputs(k ? ", " : "<br>merged: ", f);
			html_text(f, r->merged_case_refs[k]);
		}
		fputs("</td><td>", f);
		html_text(f, r->referral_date);
		fputs("</td><td>", f);
		html_text(f, agenda_agency_label(r->referring_agency));
		fputs("</td><td>", f);
		html_text(f, route_label(r->route));
		dash_text(r, buf, sizeof buf);
		fputs("</td><td>", f);
		html_text(f, buf);
		fputs("</td><td>", f);
		html_text(f, level_label(r->level));
		fputs("</td><td>", f);
		html_repeat(f, r);
		fputs("</td><td>", f);
		transfer_text(r, buf, sizeof buf);
		html_text(f, buf);
		fputs("</td><td>", f);
		children_text(r, buf, sizeof buf);
		html_text(f, buf);
		fputs("</td><td>", f);
		for (size_t k = 0; k < r->n_research; k++) {
			fputs(k ? "<br>" : "", f);
			html_text(f, agenda_agency_label(r->research[k]->agency));
			fputs(r->research[k]->done ? ": done"
						   : ": <span class=\"outstanding\">outstanding</span>", f);
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</section>\n", f);
}

/* h12-actions: "5 days left", "due today", "12 days overdue" (bold when overdue). */
static void countdown(FILE *f, int32_t days, int known)
{
	if (!known)
		return;
	if (days > 0)
		fprintf(f, "%d day%s left", (int)days, days == 1 ? "" : "s");
	else if (days == 0)
		fputs("<span class=\"outstanding\">due at this meeting</span>", f);
	else
		fprintf(f, "<span class=\"outstanding\">%d day%s overdue</span>", (int)-days,
			days == -1 ? "" : "s");
}

/* h12-actions: address markers whose review is due, overdue or escalated. */
static void html_markers(FILE *f, const Marac__V1__Agenda *a)
{
	fputs("<section>\n<h2>Address markers due for review</h2>\n", f);
	if (a->n_markers == 0) {
		fputs("<p class=\"none\">None.</p>\n</section>\n", f);
		return;
	}
	fputs("<table>\n<thead><tr><th>Case ref</th><th>Marker</th><th>Since</th>"
	      "<th>Review due</th><th>Countdown</th><th>Victim told</th><th>Officer in charge</th>"
	      "<th>Escalated</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < a->n_markers; i++) {
		const Marac__V1__Marker *m = a->markers[i];
		const char *cells[4] = {m->case_ref, m->marker_id, m->start_date, m->review_due};
		fputs("<tr>", f);
		for (int k = 0; k < 4; k++) {
			fputs("<td>", f);
			html_text(f, cells[k]);
			fputs("</td>", f);
		}
		fputs("<td>", f);
		countdown(f, m->days_to_review, m->review_due && m->review_due[0]);
		fputs(m->victim_informed ? "</td><td>Yes</td><td>"
					 : "</td><td><span class=\"outstanding\">No</span></td><td>", f);
		html_text(f, m->oic_node && m->oic_node[0] ? m->oic_node : "Police (any)");
		fputs(m->escalated ? "</td><td><span class=\"outstanding\">Yes</span></td></tr>\n"
				   : "</td><td>No</td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</section>\n", f);
}

static void html_actions(FILE *f, const Marac__V1__Agenda *a)
{
	fputs("<section>\n<h2>1. Outstanding actions</h2>\n", f);
	if (a->n_actions == 0) {
		fputs("<p class=\"none\">None.</p>\n</section>\n", f);
		return;
	}
	fputs("<table>\n<thead><tr><th>Case ref</th><th>Set at</th><th>Owner</th><th>Action</th>"
	      "<th>Status</th><th>Due</th><th>Reported</th><th>Countdown</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (size_t i = 0; i < a->n_actions; i++) {
		const Marac__V1__AgendaAction *x = a->actions[i];
		const char *cells[7] = {x->case_ref, x->marac_date, agenda_agency_label(x->owner),
					x->action, x->status, x->due_date, x->date_reported};
		fputs("<tr>", f);
		for (int k = 0; k < 7; k++) {
			fputs("<td>", f);
			html_text(f, cells[k]);
			fputs("</td>", f);
		}
		fputs("<td>", f);
		countdown(f, x->days_left, x->due_date && x->due_date[0]);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</section>\n", f);
}

/* Title, meeting date and the case timing. */
static void html_title(FILE *f, const Marac__V1__Agenda *a)
{
	fputs("<h1>MARAC agenda: ", f);
	html_text(f, a->marac_area);
	fputs("</h1>\n<p>Meeting date: ", f);
	html_text(f, a->meeting_date);
	if (a->start_time && a->start_time[0]) {
		fputs(". Cases from ", f);
		html_text(f, a->start_time);
		fprintf(f, ", %u minutes each", (unsigned)a->minutes_per_case);
	}
	fputs("</p>\n", f);
}

static int has_agency(Marac__V1__Agency *const v, size_t n, Marac__V1__Agency ag)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == ag)
			return 1;
	return 0;
}

/* Which agencies are expected (the area's registry) and which sent apologies. */
static void html_attendance(FILE *f, const Marac__V1__Agenda *a)
{
	fputs("<section class=\"attendance\">\n<h2>Attendance and apologies</h2>\n", f);
	if (a->n_attending == 0) {
		fputs("<p class=\"none\">No agency is registered for this area.</p>\n</section>\n", f);
		return;
	}
	fputs("<table>\n<thead><tr><th>Agency</th><th>Attendance</th><th>Representative "
	      "(completed at the meeting)</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < a->n_attending; i++) {
		fputs("<tr><td>", f);
		html_text(f, agenda_agency_label(a->attending[i]));
		fputs(has_agency(a->apologies, a->n_apologies, a->attending[i])
			      ? "</td><td>Apologies</td><td></td></tr>\n"
			      : "</td><td>Expected</td><td></td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</section>\n", f);
}

static void html_statement(FILE *f, const Marac__V1__Agenda *a)
{
	fputs("<section>\n<h2>Confidentiality statement</h2>\n<p class=\"statement\">", f);
	html_text(f, a->confidentiality_statement);
	fputs("</p>\n</section>\n", f);
}

static void html_lapsed(FILE *f, const Marac__V1__Agenda *a)
{
	char title[96];
	lapsed_title(a, "4. ", title, sizeof title);
	html_rows(f, title, a->lapsed_cases, a->n_lapsed_cases);
}

/* The chair's items, added by the client (agenda_add_aob), and room for more. */
static void html_aob(FILE *f, const Marac__V1__Agenda *a)
{
	fputs("<section>\n<h2>5. Any other business</h2>\n", f);
	if (a->n_any_other_business == 0) {
		fputs("<p class=\"none\">None notified in advance.</p>\n</section>\n", f);
		return;
	}
	fputs("<ol>\n", f);
	for (size_t i = 0; i < a->n_any_other_business; i++) {
		fputs("<li>", f);
		html_text(f, a->any_other_business[i]);
		fputs("</li>\n", f);
	}
	fputs("</ol>\n</section>\n", f);
}

/*
 * One function per section, in the order the chair runs the meeting.
 * A new section is one function and one line here.
 */
int agenda_render_html(const Marac__V1__Agenda *a, FILE *f)
{
	fputs(html_head, f);
	fputs("MARAC agenda: ", f);
	html_text(f, a->marac_area);
	fputs(", ", f);
	html_text(f, a->meeting_date);
	fputs(html_style, f);
	fputs("<table class=\"sheet\" role=\"presentation\">\n<thead><tr><td>"
	      "<div class=\"marking top\">" AGENDA_MARKING "</div></td></tr></thead>\n"
	      "<tbody><tr><td>\n", f);
	html_title(f, a);
	html_attendance(f, a);
	html_statement(f, a);
	html_actions(f, a);
	html_markers(f, a); /* h12-actions */
	html_rows(f, "2. New cases with children", a->cases_with_children,
		  a->n_cases_with_children);
	html_rows(f, "3. New cases: adults only", a->adult_only_cases, a->n_adult_only_cases);
	html_lapsed(f, a);
	html_aob(f, a);
	fputs("</td></tr></tbody>\n<tfoot><tr><td><div class=\"marking bottom\">" AGENDA_MARKING
	      "</div></td></tr></tfoot>\n</table>\n</body>\n</html>\n", f);
	return fflush(f) != 0 || ferror(f) ? MGW_E_IO : MGW_OK;
}

/* ---- CSV ----------------------------------------------------------------- */

/*
 * New columns go at the end, so a coordinator's spreadsheet that reads the
 * existing ones by position keeps working. origin_area: the sending area
 * of a case moved here by TransferCase (transfer_from_area is what a
 * referral said); merged_case_refs: the duplicates merged into the row's
 * case, separated by ';'.
 */
#define CSV_COLS 23
static const char *const csv_header[CSV_COLS] = {
	"section", "case_ref", "referral_date", "referring_agency", "route", "dash_score",
	"risk_level", "repeat", "last_referral_date", "transfer_in", "children_count",
	"children_ages", "research", "action", "owner", "status", "due_date",
	"slot", "last_case_ref", "last_area", "transfer_from_area",
	"origin_area", "merged_case_refs",
};

/* One RFC 4180 cell, defused against spreadsheet formula injection. */
static void csv_cell(FILE *f, const char *s)
{
	s = str(s);
	int guard = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
		    s[0] == '\r';
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', f);
	if (guard)
		fputc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quote)
		fputc('"', f);
}

static void csv_row(FILE *f, const char *const cells[CSV_COLS])
{
	for (int i = 0; i < CSV_COLS; i++) {
		if (i)
			fputc(',', f);
		csv_cell(f, cells[i]);
	}
	fputs("\r\n", f);
}

static void csv_marking(FILE *f, const Marac__V1__Agenda *a)
{
	const char *cells[CSV_COLS] = {AGENDA_MARKING, "MARAC agenda", a->marac_area,
				       a->meeting_date};
	csv_row(f, cells);
}

static void csv_rows(FILE *f, const char *section, Marac__V1__AgendaRow *const *rows, size_t n)
{
	char score[16], count[16], ages[512], research[1024], merged[1024];
	for (size_t i = 0; i < n; i++) {
		const Marac__V1__AgendaRow *r = rows[i];
		size_t k = 0;
		ages[0] = '\0';
		for (size_t j = 0; j < r->n_children_ages && k < sizeof ages; j++)
			k += (size_t)snprintf(ages + k, sizeof ages - k, "%s%u", j ? ";" : "",
					      (unsigned)r->children_ages[j]);
		k = 0;
		merged[0] = '\0';
		for (size_t j = 0; j < r->n_merged_case_refs && k < sizeof merged; j++)
			k += (size_t)snprintf(merged + k, sizeof merged - k, "%s%s", j ? ";" : "",
					      str(r->merged_case_refs[j]));
		snprintf(score, sizeof score, "%u", (unsigned)r->dash_score);
		snprintf(count, sizeof count, "%u", (unsigned)r->children_count);
		research_text(r, research, sizeof research);
		const char *cells[CSV_COLS] = {
			section, r->case_ref, r->referral_date,
			agenda_agency_label(r->referring_agency), route_label(r->route), score,
			level_label(r->level), r->repeat ? "yes" : "no",
			r->repeat ? r->last_referral_date : "", r->transfer_in ? "yes" : "no",
			count, ages, research, NULL, NULL, NULL, NULL,
			r->slot, r->repeat ? r->last_case_ref : "", r->repeat ? r->last_area : "",
			r->transfer_in ? r->transfer_from_area : "", str(r->origin_area), merged,
		};
		csv_row(f, cells);
	}
}

/* Attendance: the agency in "owner", "expected" or "apologies" in "status". */
static void csv_attendance(FILE *f, const Marac__V1__Agenda *a)
{
	for (size_t i = 0; i < a->n_attending; i++) {
		const char *cells[CSV_COLS] = {"attendance"};
		cells[14] = agenda_agency_label(a->attending[i]);
		cells[15] = has_agency(a->apologies, a->n_apologies, a->attending[i]) ? "apologies"
											: "expected";
		csv_row(f, cells);
	}
}

/* Any other business: the item in "action". */
static void csv_aob(FILE *f, const Marac__V1__Agenda *a)
{
	for (size_t i = 0; i < a->n_any_other_business; i++) {
		const char *cells[CSV_COLS] = {"any_other_business"};
		cells[13] = a->any_other_business[i];
		csv_row(f, cells);
	}
}

/* h12-actions: one row per marker due: marker id in "action", the review due in "due_date". */
static void csv_markers(FILE *f, const Marac__V1__Agenda *a)
{
	for (size_t i = 0; i < a->n_markers; i++) {
		const Marac__V1__Marker *m = a->markers[i];
		const char *cells[CSV_COLS] = {"marker", m->case_ref};
		cells[13] = m->marker_id;
		cells[14] = agenda_agency_label(MARAC__V1__AGENCY__AGENCY_POLICE);
		cells[15] = m->escalated ? "escalated" : m->days_to_review < 0 ? "overdue" : "due";
		cells[16] = m->review_due;
		csv_row(f, cells);
	}
}

int agenda_render_csv(const Marac__V1__Agenda *a, FILE *f)
{
	csv_marking(f, a);
	csv_row(f, csv_header);
	csv_attendance(f, a);
	for (size_t i = 0; i < a->n_actions; i++) {
		const Marac__V1__AgendaAction *x = a->actions[i];
		const char *cells[CSV_COLS] = {"action", x->case_ref};
		cells[13] = x->action;
		cells[14] = agenda_agency_label(x->owner);
		cells[15] = x->status;
		cells[16] = x->due_date;
		csv_row(f, cells);
	}
	csv_markers(f, a); /* h12-actions */
	csv_rows(f, "children", a->cases_with_children, a->n_cases_with_children);
	csv_rows(f, "adult_only", a->adult_only_cases, a->n_adult_only_cases);
	csv_rows(f, "lapsed", a->lapsed_cases, a->n_lapsed_cases);
	csv_aob(f, a);
	csv_marking(f, a);
	return fflush(f) != 0 || ferror(f) ? MGW_E_IO : MGW_OK;
}

/* ---- JSON ---------------------------------------------------------------- */

int agenda_render_json(const Marac__V1__Agenda *a, FILE *f)
{
	char *text = pbjson_dump(&a->base, 1);
	if (text == NULL)
		return MGW_E_NOMEM;
	fputs(text, f);
	fputc('\n', f);
	free(text);
	return fflush(f) != 0 || ferror(f) ? MGW_E_IO : MGW_OK;
}

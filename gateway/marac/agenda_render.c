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

/* ---- HTML ---------------------------------------------------------------- */

static void html_text(FILE *f, const char *s)
{
	for (s = str(s); *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*s, f);
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
	"section td:nth-child(-n+2){white-space:nowrap}\n"
	"table.sheet{border:0}table.sheet>*>tr>td{border:0;padding:0}"
	"table.sheet>thead>tr>td{padding-bottom:.6em}table.sheet>tfoot>tr>td{padding-top:.6em}\n"
	"@page{size:A4 landscape;margin:14mm 10mm}\n"
	"@media print{body{margin:0;font-size:9pt}"
	"thead{display:table-header-group}tfoot{display:table-footer-group}"
	"tr{page-break-inside:avoid}table.sheet>tbody>tr{page-break-inside:auto}"
	"h2{page-break-after:avoid}}\n"
	"</style>\n</head>\n<body>\n";

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
	fputs("<table>\n<thead><tr><th>Case ref</th><th>Referred</th><th>Referring agency</th>"
	      "<th>Route</th><th>DASH</th><th>Level</th><th>Repeat (last referral)</th>"
	      "<th>Transfer in</th><th>Children (ages)</th><th>Research</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (size_t i = 0; i < n; i++) {
		const Marac__V1__AgendaRow *r = rows[i];
		fputs("<tr><td>", f);
		html_text(f, r->case_ref);
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
		if (r->repeat) {
			fputs("Yes", f);
			if (r->last_referral_date && r->last_referral_date[0]) {
				fputs(" (", f);
				html_text(f, r->last_referral_date);
				fputs(")", f);
			}
		} else {
			fputs("No", f);
		}
		fputs(r->transfer_in ? "</td><td>Yes</td><td>" : "</td><td>No</td><td>", f);
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

static void html_actions(FILE *f, const Marac__V1__Agenda *a)
{
	fputs("<section>\n<h2>1. Outstanding actions</h2>\n", f);
	if (a->n_actions == 0) {
		fputs("<p class=\"none\">None.</p>\n</section>\n", f);
		return;
	}
	fputs("<table>\n<thead><tr><th>Case ref</th><th>Set at</th><th>Owner</th><th>Action</th>"
	      "<th>Status</th><th>Due</th><th>Reported</th></tr></thead>\n<tbody>\n", f);
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
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</section>\n", f);
}

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
	      "<tbody><tr><td>\n<h1>MARAC agenda: ", f);
	html_text(f, a->marac_area);
	fputs("</h1>\n<p>Meeting date: ", f);
	html_text(f, a->meeting_date);
	fputs("</p>\n<section>\n<h2>Confidentiality statement</h2>\n<p class=\"statement\">", f);
	html_text(f, a->confidentiality_statement);
	fputs("</p>\n</section>\n", f);
	html_actions(f, a);
	html_rows(f, "2. New cases with children", a->cases_with_children,
		  a->n_cases_with_children);
	html_rows(f, "3. New cases: adults only", a->adult_only_cases, a->n_adult_only_cases);
	html_rows(f, "4. Cases whose 12-month repeat window has lapsed", a->lapsed_cases,
		  a->n_lapsed_cases);
	fputs("</td></tr></tbody>\n<tfoot><tr><td><div class=\"marking bottom\">" AGENDA_MARKING
	      "</div></td></tr></tfoot>\n</table>\n</body>\n</html>\n", f);
	return fflush(f) != 0 || ferror(f) ? MGW_E_IO : MGW_OK;
}

/* ---- CSV ----------------------------------------------------------------- */

#define CSV_COLS 17
static const char *const csv_header[CSV_COLS] = {
	"section", "case_ref", "referral_date", "referring_agency", "route", "dash_score",
	"risk_level", "repeat", "last_referral_date", "transfer_in", "children_count",
	"children_ages", "research", "action", "owner", "status", "due_date",
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
	char score[16], count[16], ages[512], research[1024];
	for (size_t i = 0; i < n; i++) {
		const Marac__V1__AgendaRow *r = rows[i];
		size_t k = 0;
		ages[0] = '\0';
		for (size_t j = 0; j < r->n_children_ages && k < sizeof ages; j++)
			k += (size_t)snprintf(ages + k, sizeof ages - k, "%s%u", j ? ";" : "",
					      (unsigned)r->children_ages[j]);
		snprintf(score, sizeof score, "%u", (unsigned)r->dash_score);
		snprintf(count, sizeof count, "%u", (unsigned)r->children_count);
		research_text(r, research, sizeof research);
		const char *cells[CSV_COLS] = {
			section, r->case_ref, r->referral_date,
			agenda_agency_label(r->referring_agency), route_label(r->route), score,
			level_label(r->level), r->repeat ? "yes" : "no",
			r->repeat ? r->last_referral_date : "", r->transfer_in ? "yes" : "no",
			count, ages, research,
		};
		csv_row(f, cells);
	}
}

int agenda_render_csv(const Marac__V1__Agenda *a, FILE *f)
{
	csv_marking(f, a);
	csv_row(f, csv_header);
	for (size_t i = 0; i < a->n_actions; i++) {
		const Marac__V1__AgendaAction *x = a->actions[i];
		const char *cells[CSV_COLS] = {"action", x->case_ref};
		cells[13] = x->action;
		cells[14] = agenda_agency_label(x->owner);
		cells[15] = x->status;
		cells[16] = x->due_date;
		csv_row(f, cells);
	}
	csv_rows(f, "children", a->cases_with_children, a->n_cases_with_children);
	csv_rows(f, "adult_only", a->adult_only_cases, a->n_adult_only_cases);
	csv_rows(f, "lapsed", a->lapsed_cases, a->n_lapsed_cases);
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

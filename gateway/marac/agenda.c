/*
 * agenda.c: building the agenda and the meeting schedule. See agenda.h.
 * The renderings live in agenda_render.c.
 */
#include "agenda.h"

#include <stdlib.h>
#include <string.h>

#include "caldate.h"
#include "codec.h"
#include "mgw_err.h"

const char agenda_default_statement[] =
	"This meeting is held under the MARAC information-sharing protocol. Information shared "
	"here is confidential: it is shared only to protect the people named, is relevant, "
	"proportionate and need-to-know, and may not be passed to anyone else without the "
	"agreement of the agency that provided it. Nothing may be disclosed to a perpetrator or "
	"to anyone the victim has said is not safe. Each agency records what it shares, holds "
	"back and why, and remains the controller of its own information.";

/* A listed case with its sort key: section, referral date, case ref. */
enum { SEC_CHILDREN, SEC_ADULT, SEC_LAPSED };
struct listed {
	const struct agenda_case *c;
	int section;
	int32_t referral_day;
};

static int listed_cmp(const void *pa, const void *pb)
{
	const struct listed *a = pa, *b = pb;
	if (a->section != b->section)
		return a->section - b->section;
	if (a->referral_day != b->referral_day)
		return a->referral_day < b->referral_day ? -1 : 1;
	return strcmp(a->c->case_ref, b->c->case_ref);
}

static int u32_desc(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	return a < b ? 1 : a > b ? -1 : 0;
}

static int research_cmp(const void *pa, const void *pb)
{
	const Marac__V1__AgendaResearch *a = *(Marac__V1__AgendaResearch *const *)pa;
	const Marac__V1__AgendaResearch *b = *(Marac__V1__AgendaResearch *const *)pb;
	return (a->agency > b->agency) - (a->agency < b->agency);
}

static Marac__V1__AgendaRow *make_row(const struct agenda_case *c, int32_t meeting_day)
{
	Marac__V1__AgendaRow *row =
		(Marac__V1__AgendaRow *)codec_new(&marac__v1__agenda_row__descriptor);
	if (row == NULL)
		return NULL;
	row->case_ref = codec_strdup(c->case_ref);
	row->referral_date = codec_strdup(c->referral_date);
	if (row->case_ref == NULL || row->referral_date == NULL)
		goto fail;
	row->referring_agency = c->referring_agency;
	row->route = c->route;
	row->dash_score = c->score;
	row->dash_form = (Marac__V1__DashForm)c->dash_form;
	row->dash_threshold = c->dash_threshold;
	row->level = c->level;
	row->repeat = c->repeat != 0;
	if (c->repeat && c->last_referral_date != NULL &&
	    (row->last_referral_date = codec_strdup(c->last_referral_date)) == NULL)
		goto fail;
	row->transfer_in = c->transfer_in != 0;
	/* case lifecycle (h13-life): where a transfer came from, and the merged duplicates */
	if (c->origin_area != NULL && (row->origin_area = codec_strdup(c->origin_area)) == NULL)
		goto fail;
	if (c->n_merged > 0) {
		row->merged_case_refs = codec_malloc(c->n_merged * sizeof(char *));
		if (row->merged_case_refs == NULL)
			goto fail;
		for (size_t i = 0; i < c->n_merged; i++) {
			if ((row->merged_case_refs[i] = codec_strdup(c->merged_case_refs[i])) == NULL)
				goto fail;
			row->n_merged_case_refs++;
		}
	}
	row->children_count = (uint32_t)c->n_children;
	if (c->n_children > 0) {
		row->children_ages = codec_malloc(c->n_children * sizeof(uint32_t));
		if (row->children_ages == NULL)
			goto fail;
		for (size_t i = 0; i < c->n_children; i++) {
			int32_t dob;
			if (c->children_dobs == NULL || caldate_parse(c->children_dobs[i], &dob) != 0)
				continue; /* counted, age unknown */
			if (dob > meeting_day) {
				row->unborn_children++; /* an expected date of delivery */
				continue;
			}
			row->children_ages[row->n_children_ages++] =
				(uint32_t)caldate_age_years(dob, meeting_day);
		}
		qsort(row->children_ages, row->n_children_ages, sizeof(uint32_t), u32_desc);
	}
	if (c->n_research > 0) {
		row->research = codec_malloc(c->n_research * sizeof *row->research);
		if (row->research == NULL)
			goto fail;
		for (size_t i = 0; i < c->n_research; i++) {
			Marac__V1__AgendaResearch *r = (Marac__V1__AgendaResearch *)codec_new(
				&marac__v1__agenda_research__descriptor);
			if (r == NULL)
				goto fail;
			r->agency = c->research[i].agency;
			r->done = c->research[i].done != 0;
			row->research[row->n_research++] = r;
		}
		qsort(row->research, row->n_research, sizeof *row->research, research_cmp);
	}
	return row;
fail:
	codec_free(&row->base);
	return NULL;
}

/* Append the rows of ls[0..n) to a section (an array of n slots, pre-sized). */
static int fill(Marac__V1__AgendaRow **rows, size_t *count, const struct listed *ls, size_t n,
		int32_t meeting_day)
{
	for (size_t i = 0; i < n; i++) {
		rows[*count] = make_row(ls[i].c, meeting_day);
		if (rows[*count] == NULL)
			return MGW_E_NOMEM;
		(*count)++;
	}
	return MGW_OK;
}

int agenda_build(const char *area, const char *meeting_date, const struct agenda_case *cases,
		 size_t n, const char *statement, Marac__V1__Agenda **out)
{
	int rc = MGW_E_NOMEM;
	int32_t meeting_day;
	struct listed *ls = NULL;
	size_t nw = 0, na = 0, nl = 0;
	Marac__V1__Agenda *a = NULL;

	*out = NULL;
	if (area == NULL || area[0] == '\0' || caldate_parse(meeting_date, &meeting_day) != 0)
		return MGW_E_INVALID;
	ls = malloc((n ? n : 1) * sizeof *ls);
	if (ls == NULL)
		return MGW_E_NOMEM;
	size_t listed = 0;
	for (size_t i = 0; i < n; i++) {
		const struct agenda_case *c = &cases[i];
		int is_new = !c->lapsed && c->meeting_date != NULL &&
			     strcmp(c->meeting_date, meeting_date) == 0;
		if (!is_new && !c->lapsed)
			continue;
		if (c->case_ref == NULL || c->case_ref[0] == '\0' ||
		    caldate_parse(c->referral_date, &ls[listed].referral_day) != 0) {
			rc = MGW_E_INVALID;
			goto fail;
		}
		ls[listed].c = c;
		ls[listed].section = c->lapsed ? SEC_LAPSED : c->n_children > 0 ? SEC_CHILDREN
										  : SEC_ADULT;
		nw += ls[listed].section == SEC_CHILDREN;
		na += ls[listed].section == SEC_ADULT;
		nl += ls[listed].section == SEC_LAPSED;
		listed++;
	}
	qsort(ls, listed, sizeof *ls, listed_cmp);

	a = (Marac__V1__Agenda *)codec_new(&marac__v1__agenda__descriptor);
	if (a == NULL)
		goto fail;
	a->marac_area = codec_strdup(area);
	a->meeting_date = codec_strdup(meeting_date);
	a->confidentiality_statement =
		codec_strdup(statement != NULL ? statement : agenda_default_statement);
	a->protective_marking = codec_strdup(AGENDA_MARKING);
	if (a->marac_area == NULL || a->meeting_date == NULL ||
	    a->confidentiality_statement == NULL || a->protective_marking == NULL)
		goto fail;
	if ((nw && !(a->cases_with_children = codec_malloc(nw * sizeof(void *)))) ||
	    (na && !(a->adult_only_cases = codec_malloc(na * sizeof(void *)))) ||
	    (nl && !(a->lapsed_cases = codec_malloc(nl * sizeof(void *)))))
		goto fail;
	if (fill(a->cases_with_children, &a->n_cases_with_children, ls, nw, meeting_day) ||
	    fill(a->adult_only_cases, &a->n_adult_only_cases, ls + nw, na, meeting_day) ||
	    fill(a->lapsed_cases, &a->n_lapsed_cases, ls + nw + na, nl, meeting_day))
		goto fail;
	free(ls);
	*out = a;
	return MGW_OK;

fail:
	free(ls);
	if (a != NULL)
		codec_free(&a->base);
	return rc;
}

int agenda_lapsed(const char *referral_date, const char *prev_meeting, const char *meeting,
		  unsigned window_months)
{
	int32_t r, p, m;
	if (caldate_parse(referral_date, &r) || caldate_parse(prev_meeting, &p) ||
	    caldate_parse(meeting, &m) || window_months == 0 || window_months > 120)
		return 0;
	/* Open after the previous meeting, closed by this one: the same rule as repeats. */
	int32_t end = caldate_window_end(r, window_months);
	return p < end && end <= m;
}

static int is_skipped(const struct meeting_schedule *s, int32_t day, int32_t *skip_days)
{
	for (size_t i = 0; i < s->n_skip; i++)
		if (skip_days[i] == day)
			return 1;
	return 0;
}

/* The first scheduled day on or after day (ignoring skips). */
static int32_t scheduled_from(const struct meeting_schedule *s, int32_t day, int32_t anchor)
{
	int wd = caldate_weekday(day);
	switch (s->freq) {
	case MEETING_WEEKLY:
		return day + (s->weekday - wd + 7) % 7;
	case MEETING_FORTNIGHTLY: {
		int32_t off = ((day - anchor) % 14 + 14) % 14;
		return off == 0 ? day : day + (14 - off);
	}
	case MEETING_DAILY:
	default:
		return wd <= 5 ? day : day + (8 - wd);
	}
}

int meeting_next(const struct meeting_schedule *s, const char *from_date, char out[11])
{
	int rc = MGW_E_INVALID;
	int32_t from, anchor = 0;
	int32_t *skip_days = NULL;

	out[0] = '\0';
	if (caldate_parse(from_date, &from) != 0 || s->min_days > 366)
		return MGW_E_INVALID;
	if (s->freq == MEETING_WEEKLY && (s->weekday < 1 || s->weekday > 7))
		return MGW_E_INVALID;
	if (s->freq == MEETING_FORTNIGHTLY && caldate_parse(s->anchor_date, &anchor) != 0)
		return MGW_E_INVALID;
	if (s->freq != MEETING_WEEKLY && s->freq != MEETING_FORTNIGHTLY &&
	    s->freq != MEETING_DAILY)
		return MGW_E_INVALID;
	if (s->n_skip > 0) {
		if (s->skip == NULL || (skip_days = malloc(s->n_skip * sizeof *skip_days)) == NULL) {
			rc = s->skip == NULL ? MGW_E_INVALID : MGW_E_NOMEM;
			goto fail;
		}
		for (size_t i = 0; i < s->n_skip; i++)
			if (caldate_parse(s->skip[i], &skip_days[i]) != 0)
				goto fail;
	}
	int32_t earliest = from + (int32_t)s->min_days;
	int32_t day = scheduled_from(s, earliest, anchor);
	while (is_skipped(s, day, skip_days)) {
		if (day - earliest > 366)
			goto fail;
		day = scheduled_from(s, day + 1, anchor);
	}
	caldate_format(day, out);
	rc = MGW_OK;
fail:
	free(skip_days);
	return rc;
}

/* ---- the meeting's arrangements ------------------------------------------ */

int agenda_parse_hhmm(const char *s, unsigned *minutes)
{
	if (s == NULL || strlen(s) != 5 || s[2] != ':')
		return MGW_E_INVALID;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return MGW_E_INVALID;
	unsigned h = (unsigned)(s[0] - '0') * 10 + (unsigned)(s[1] - '0');
	unsigned m = (unsigned)(s[3] - '0') * 10 + (unsigned)(s[4] - '0');
	if (h > 23 || m > 59)
		return MGW_E_INVALID;
	*minutes = h * 60 + m;
	return MGW_OK;
}

int agenda_area_name_ok(const char *s)
{
	size_t n = s ? strnlen(s, 65) : 0;
	if (n == 0 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (i == 0 ? !alnum : !alnum && !strchr(" .-'&()/", c))
			return 0;
	}
	return 1;
}

static int agency_ok(int ag)
{
	return ag >= MARAC__V1__AGENCY__AGENCY_POLICE && ag <= MARAC__V1__AGENCY__AGENCY_EDUCATION;
}

/* The agencies of list[0..n) that pass keep(), in agency order, as a codec array. */
static int agency_set(const int *list, size_t n, Marac__V1__Agency **out, size_t *n_out)
{
	int seen[MARAC__V1__AGENCY__AGENCY_EDUCATION + 1] = {0};
	*out = NULL;
	*n_out = 0;
	for (size_t i = 0; i < n; i++) {
		if (!agency_ok(list[i]))
			return MGW_E_INVALID;
		seen[list[i]] = 1;
	}
	if (n == 0)
		return MGW_OK;
	if ((*out = codec_malloc(n * sizeof **out)) == NULL)
		return MGW_E_NOMEM;
	for (int ag = MARAC__V1__AGENCY__AGENCY_POLICE; ag <= MARAC__V1__AGENCY__AGENCY_EDUCATION; ag++)
		if (seen[ag])
			(*out)[(*n_out)++] = (Marac__V1__Agency)ag;
	return MGW_OK;
}

static int set_slots(Marac__V1__AgendaRow **rows, size_t n, unsigned *at, unsigned minutes)
{
	for (size_t i = 0; i < n; i++, *at += minutes) {
		char hm[6] = "";
		if (*at < 24 * 60)
			snprintf(hm, sizeof hm, "%02u:%02u", *at / 60, *at % 60);
		codec_mfree(rows[i]->slot == protobuf_c_empty_string ? NULL : rows[i]->slot);
		if ((rows[i]->slot = codec_strdup(hm)) == NULL)
			return MGW_E_NOMEM;
		if (*at >= 24 * 60)
			*at = 24 * 60; /* stays past midnight without overflowing */
	}
	return MGW_OK;
}

int agenda_set_meeting(Marac__V1__Agenda *a, const struct agenda_meeting *m)
{
	unsigned start;
	const char *st = m->start_time && m->start_time[0] ? m->start_time : AGENDA_START_DEFAULT;
	unsigned minutes = m->minutes_per_case ? m->minutes_per_case : AGENDA_MINUTES_DEFAULT;
	if (agenda_parse_hhmm(st, &start) != MGW_OK || minutes > AGENDA_MINUTES_MAX ||
	    m->window_months == 0 || m->window_months > 120)
		return MGW_E_INVALID;
	for (size_t i = 0; i < m->n_apologies; i++) {
		size_t k = 0;
		while (k < m->n_attending && m->attending[k] != m->apologies[i])
			k++;
		if (k == m->n_attending)
			return MGW_E_INVALID; /* apologies from an agency not expected */
	}
	int rc;
	if ((rc = agency_set(m->attending, m->n_attending, &a->attending, &a->n_attending)) ||
	    (rc = agency_set(m->apologies, m->n_apologies, &a->apologies, &a->n_apologies)))
		return rc;
	a->repeat_window_months = m->window_months;
	a->minutes_per_case = minutes;
	if ((a->start_time = codec_strdup(st)) == NULL)
		return MGW_E_NOMEM;
	unsigned at = start;
	if ((rc = set_slots(a->cases_with_children, a->n_cases_with_children, &at, minutes)) ||
	    (rc = set_slots(a->adult_only_cases, a->n_adult_only_cases, &at, minutes)) ||
	    (rc = set_slots(a->lapsed_cases, a->n_lapsed_cases, &at, minutes)))
		return rc;
	return MGW_OK;
}

#define AOB_ITEMS_MAX 50u
#define AOB_ITEM_MAX 500u

int agenda_add_aob(Marac__V1__Agenda *a, const char *const *items, size_t n)
{
	if (n == 0)
		return MGW_OK;
	if (a->n_any_other_business + n > AOB_ITEMS_MAX)
		return MGW_E_INVALID;
	for (size_t i = 0; i < n; i++)
		if (items[i] == NULL || items[i][0] == '\0' || strlen(items[i]) > AOB_ITEM_MAX)
			return MGW_E_INVALID;
	char **v = codec_malloc((a->n_any_other_business + n) * sizeof *v);
	if (v == NULL)
		return MGW_E_NOMEM;
	if (a->n_any_other_business)
		memcpy(v, a->any_other_business, a->n_any_other_business * sizeof *v);
	codec_mfree(a->any_other_business);
	a->any_other_business = v;
	for (size_t i = 0; i < n; i++) {
		if ((v[a->n_any_other_business] = codec_strdup(items[i])) == NULL)
			return MGW_E_NOMEM;
		a->n_any_other_business++;
	}
	return MGW_OK;
}

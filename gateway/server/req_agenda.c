/*
 * req_agenda.c: the chair's agenda.
 *
 * Service thread (agenda_svc_on): role "chair" and one of the chair's
 * areas that takes referrals; meeting_date a date (YYYY-MM-DD). The
 * attending agencies are decided here from the epoch's registry.
 *
 * Writer thread (agenda_wr_commit): the date must be a meeting of the area
 * (else INVALID_REQUEST naming the next one); the agenda is built from the
 * store (O(cases), so not on the service thread), the pull is audited
 * (AGENDA_PULLED, area and date), and the Agenda is answered after COMMIT,
 * so no agenda leaves the gateway without its record. The answer is paged
 * by size: as many rows as fit max_frame_bytes, from AgendaRequest.from_row,
 * with next_row and more (each page pulled is audited).
 */
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "caldate.h"
#include "cases.h"
#include "codec.h"
#include "followup_db.h"
#include "gw.h"
#include "log.h"
#include "mgw_err.h"

struct agenda_job {
	struct job base;
	uint32_t from_row;          /* paging: rows already received */
	char area[MGW_ID_MAX + 1];
	char meeting[11];
	int attending[8];
	size_t n_att;
	int apologies[8];           /* AgendaRequest.apologies, each one of attending */
	size_t n_apol;
	char start_time[6];         /* "" = the area's, else the default */
	unsigned minutes;           /* 0 = the area's, else the default */
};

/* Any thread: reads only a (part of a pinned epoch). */
struct meeting_schedule agenda_schedule_of(const struct mgw_area *a, unsigned min_days)
{
	struct meeting_schedule ms = {.freq = (enum meeting_freq)a->frequency,
				      .weekday = a->weekday,
				      .anchor_date = a->anchor_date,
				      .min_days = min_days,
				      .skip = (const char *const *)a->skip,
				      .n_skip = a->n_skip};
	return ms;
}

/* ---- writer thread (down to agenda_ops) ---- */

/* The meeting before meeting (a meeting day itself) into out; -1 if none in a year. */
static int previous_meeting(const struct mgw_area *a, int32_t meeting, char out[11])
{
	struct meeting_schedule ms = agenda_schedule_of(a, 0);
	for (int32_t d = meeting - 1; d >= meeting - 400; d--) {
		char ds[11], next[11];
		caldate_format(d, ds);
		if (meeting_next(&ms, ds, next) != MGW_OK)
			return -1;
		int32_t nd;
		if (caldate_parse(next, &nd) != 0)
			return -1;
		if (nd == d) {
			memcpy(out, ds, 11);
			return 0;
		}
	}
	return -1;
}

/*
 * Pack the page of ag starting at row from (rows counted across the three
 * lists, in order) holding as many rows as fit in max bytes, with next_row
 * and more set. The page borrows ag's rows; ag is unchanged on return.
 * MGW_E_INVALID: from beyond the rows; MGW_E_TOO_LARGE: not even one row fits.
 */
static int agenda_page(Marac__V1__Agenda *ag, uint32_t from, unsigned max, uint8_t **out,
		       size_t *len)
{
	Marac__V1__AgendaRow **lists[3] = {ag->cases_with_children, ag->adult_only_cases,
					  ag->lapsed_cases};
	size_t counts[3] = {ag->n_cases_with_children, ag->n_adult_only_cases, ag->n_lapsed_cases};
	size_t total = counts[0] + counts[1] + counts[2];
	if (from > total)
		return MGW_E_INVALID;
	/* The envelope without rows, and room for the Frame tag and paging fields. */
	ag->n_cases_with_children = ag->n_adult_only_cases = ag->n_lapsed_cases = 0;
	size_t used = protobuf_c_message_get_packed_size(&ag->base) + 32;
	size_t k = from;
	for (; k < total; k++) {
		size_t l = k < counts[0] ? 0 : k < counts[0] + counts[1] ? 1 : 2;
		size_t i = k - (l > 0 ? counts[0] : 0) - (l > 1 ? counts[1] : 0);
		size_t cost = protobuf_c_message_get_packed_size(&lists[l][i]->base) + 6;
		if (used + cost > max)
			break;
		used += cost;
	}
	int rc = MGW_OK;
	if (k == from && from < total) {
		rc = MGW_E_TOO_LARGE;
		goto out;
	}
	/* Rows [from, k) are a contiguous run of each list. */
	Marac__V1__AgendaRow ***views[3] = {&ag->cases_with_children, &ag->adult_only_cases,
					    &ag->lapsed_cases};
	size_t *ns[3] = {&ag->n_cases_with_children, &ag->n_adult_only_cases, &ag->n_lapsed_cases};
	size_t start = 0;
	for (int l = 0; l < 3; l++) {
		size_t lo = from > start ? from - start : 0, hi = k > start ? k - start : 0;
		if (lo > counts[l])
			lo = counts[l];
		if (hi > counts[l])
			hi = counts[l];
		*views[l] = lists[l] + lo;
		*ns[l] = hi > lo ? hi - lo : 0;
		start += counts[l];
	}
	ag->next_row = (uint32_t)k;
	ag->more = k < total;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_AGENDA;
	f.agenda = ag;
	rc = codec_pack(&f.base, out, len);
out:
	ag->cases_with_children = lists[0];
	ag->adult_only_cases = lists[1];
	ag->lapsed_cases = lists[2];
	ag->n_cases_with_children = counts[0];
	ag->n_adult_only_cases = counts[1];
	ag->n_lapsed_cases = counts[2];
	return rc;
}

/*
 * The outstanding actions and markers due ride on the first page only, and
 * nothing bounds how many an area has (64 open actions per case, any
 * number of cases): once they passed max_frame_bytes the first page could
 * not be built and every chair of the area was refused the agenda. Keep
 * the actions (most overdue first, as listed) and then the markers (review
 * soonest first) that fit beside the envelope and the first row, drop the
 * rest, and close the actions with one line (no action_id, status "more")
 * that says how many were left out and where to read them. 0 or MGW_E_NOMEM.
 */
static int agenda_fit_followup(Marac__V1__Agenda *ag, unsigned max)
{
	size_t na = ag->n_actions, nm = ag->n_markers;
	Marac__V1__AgendaRow *first = ag->n_cases_with_children ? ag->cases_with_children[0]
				      : ag->n_adult_only_cases  ? ag->adult_only_cases[0]
				      : ag->n_lapsed_cases      ? ag->lapsed_cases[0]
								: NULL;
	size_t rows[3] = {ag->n_cases_with_children, ag->n_adult_only_cases, ag->n_lapsed_cases};
	ag->n_actions = ag->n_markers = 0;
	ag->n_cases_with_children = ag->n_adult_only_cases = ag->n_lapsed_cases = 0;
	/* the envelope, the Frame's tag and paging fields, the first row, the closing line */
	size_t used = protobuf_c_message_get_packed_size(&ag->base) + 32 + 256 +
		      (first ? protobuf_c_message_get_packed_size(&first->base) + 6 : 0);
	ag->n_cases_with_children = rows[0];
	ag->n_adult_only_cases = rows[1];
	ag->n_lapsed_cases = rows[2];
	size_t ka = 0, km = 0;
	while (ka < na && used + protobuf_c_message_get_packed_size(&ag->actions[ka]->base) + 6 <=
				  max)
		used += protobuf_c_message_get_packed_size(&ag->actions[ka++]->base) + 6;
	while (ka == na && km < nm &&
	       used + protobuf_c_message_get_packed_size(&ag->markers[km]->base) + 6 <= max)
		used += protobuf_c_message_get_packed_size(&ag->markers[km++]->base) + 6;
	ag->n_actions = na;
	ag->n_markers = nm;
	if (ka == na && km == nm)
		return MGW_OK;
	char text[200];
	snprintf(text, sizeof text,
		 "%zu more outstanding actions and %zu more address markers due for review do "
		 "not fit this agenda: marac action list --overdue, marac marker list --due",
		 na - ka, nm - km);
	Marac__V1__AgendaAction *x =
		(Marac__V1__AgendaAction *)codec_new(&marac__v1__agenda_action__descriptor);
	if (x == NULL || (x->action = codec_strdup(text)) == NULL ||
	    (x->status = codec_strdup("more")) == NULL) {
		codec_free(x ? &x->base : NULL);
		return MGW_E_NOMEM;
	}
	for (size_t i = ka; i < na; i++)
		codec_free(&ag->actions[i]->base);
	for (size_t i = km; i < nm; i++)
		codec_free(&ag->markers[i]->base);
	ag->n_actions = ka;
	ag->n_markers = km;
	if (ka == na) { /* only markers left out: room for the closing line */
		Marac__V1__AgendaAction **nv = followup_grow(ag->actions, ka, sizeof *nv);
		if (nv == NULL) {
			codec_free(&x->base);
			return MGW_E_NOMEM;
		}
		ag->actions = nv;
	}
	ag->actions[ag->n_actions++] = x;
	return MGW_OK;
}

static int agenda_wr_commit(struct job *jb, struct wctx *w)
{
	struct agenda_job *j = (struct agenda_job *)jb;
	const struct mgw_config *c = w->e->cfg;
	const struct mgw_area *a = config_area(c, j->area);
	/* Refusal records name the area and meeting asked about (audit_emit checks both). */
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
			    .marac_area = j->area, .meeting_date = j->meeting};
	if (a == NULL)
		return refuse(w->g, NULL, w, jb, &r, "marac_area: this area takes no referrals");
	int32_t meet;
	char next[11] = "";
	struct meeting_schedule ms = agenda_schedule_of(a, 0);
	if (caldate_parse(j->meeting, &meet) != 0 || meeting_next(&ms, j->meeting, next) != MGW_OK ||
	    strcmp(next, j->meeting) != 0)
		return refuse(w->g, NULL, w, jb, &r,
			      "meeting_date: the area has no meeting that day; the next is %s", next);
	char prev[11];
	int have_prev = previous_meeting(a, meet, prev) == 0;
	Marac__V1__Agenda *ag = NULL;
	int rc = cases_agenda(store_db(w->st), a->id, j->meeting, have_prev ? prev : NULL,
			      config_area_repeat_window(c, a), j->attending, j->n_att, a->statement,
			      &ag);
	/* Attendance, timing, the window and where each case comes from (h13-audit). */
	struct agenda_meeting mt = {
		.attending = j->attending, .n_attending = j->n_att,
		.apologies = j->apologies, .n_apologies = j->n_apol,
		.window_months = config_area_repeat_window(c, a),
		.start_time = j->start_time[0] ? j->start_time : a->start_time,
		.minutes_per_case = j->minutes ? j->minutes : a->minutes_per_case,
	};
	if (rc == MGW_OK && (rc = cases_agenda_origins(store_db(w->st), ag)) == MGW_OK)
		rc = agenda_set_meeting(ag, &mt);
	if (rc == MGW_OK && j->from_row == 0) /* h12-actions: actions and markers, first page */
		rc = followup_wr_agenda(w, a->id, j->meeting, ag);
	if (rc == MGW_OK && j->from_row == 0)
		rc = agenda_fit_followup(ag, c->max_frame_bytes);
	if (rc != MGW_OK) {
		codec_free(ag ? &ag->base : NULL);
		return rc;
	}
	uint8_t *buf = NULL;
	size_t len = 0;
	rc = agenda_page(ag, j->from_row, c->max_frame_bytes, &buf, &len);
	codec_free(&ag->base);
	if (rc == MGW_E_INVALID)
		return refuse(w->g, NULL, w, jb, &r, "from_row: beyond the agenda's rows");
	if (rc == MGW_E_TOO_LARGE) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_VIEW_TOO_LARGE;
		return refuse(w->g, NULL, w, jb, &r,
			      "one agenda row is larger than max_frame_bytes (%u)", c->max_frame_bytes);
	}
	if (rc != MGW_OK)
		return rc;
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_AGENDA_PULLED,
		.actor_node = jb->node,
		.actor_agency = jb->agency,
		.marac_area = a->id,
		.meeting_date = j->meeting,
	};
	if ((rc = audit_emit(w->g, w, &f, NULL)) != MGW_OK) {
		free(buf);
		return rc;
	}
	clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
	log_event(LOG_INFO, "agenda_pulled", "node", jb->node, "area", a->id, "meeting",
		  j->meeting, NULL);
	return MGW_OK;
}

static void agenda_wr_failed(struct job *jb, struct wctx *w)
{
	answer_not_stored(w, jb, NULL);
}

static const struct job_ops agenda_ops = {
	.name = "agenda",
	.wr_commit = agenda_wr_commit,
	.wr_failed = agenda_wr_failed,
};

/* ---- service thread ---- */

/*
 * The chair's choices for the meeting (AgendaRequest 4-6) into j, after
 * j->attending is set: apologies only from agencies expected, start_time
 * HH:MM, minutes_per_case at most AGENDA_MINUTES_MAX. 0, or -1 when
 * refused (INVALID_REQUEST, audited with what was attempted).
 */
static int agenda_svc_meeting(struct gw *g, struct session *s, const Marac__V1__AgendaRequest *q,
			      struct agenda_job *j)
{
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
			    .marac_area = j->area, .meeting_date = j->meeting};
	unsigned mins;
	if (q->start_time[0] && agenda_parse_hhmm(q->start_time, &mins) != MGW_OK) {
		refuse(g, s, NULL, NULL, &r, "start_time: HH:MM required");
		return -1;
	}
	if (q->minutes_per_case > AGENDA_MINUTES_MAX) {
		refuse(g, s, NULL, NULL, &r, "minutes_per_case: at most %u", AGENDA_MINUTES_MAX);
		return -1;
	}
	snprintf(j->start_time, sizeof j->start_time, "%s", q->start_time);
	j->minutes = q->minutes_per_case;
	for (size_t i = 0; i < q->n_apologies; i++) {
		size_t k = 0;
		while (k < j->n_att && j->attending[k] != (int)q->apologies[i])
			k++;
		if (k == j->n_att) {
			refuse(g, s, NULL, NULL, &r,
			       "apologies: %s is not expected at this area's meetings (no node of "
			       "the area in the registry)", config_agency_name((int)q->apologies[i]));
			return -1;
		}
		size_t d = 0;
		while (d < j->n_apol && j->apologies[d] != (int)q->apologies[i])
			d++;
		if (d == j->n_apol)
			j->apologies[j->n_apol++] = (int)q->apologies[i];
	}
	return 0;
}

void agenda_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const Marac__V1__AgendaRequest *q = f->agenda_request;
	const struct mgw_config *c = g->epoch->cfg;
	const struct mgw_node *me = config_node_by_id(c, s->node);
	/* The area and date asked about go into the refusal record once they pass their
	 * grammar (audit_emit: an area id or its digest, a real YYYY-MM-DD or nothing). */
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
			    .marac_area = q->marac_area, .meeting_date = q->meeting_date};
	int32_t day;
	if (me == NULL || !(me->roles & MGW_ROLE_CHAIR)) {
		refuse(g, s, NULL, NULL, &r, "the agenda is for certificates with the chair role");
		goto out;
	}
	if (q->marac_area == NULL || !config_node_in_area(me, q->marac_area)) {
		refuse(g, s, NULL, NULL, &r, "marac_area: not an area this chair serves");
		goto out;
	}
	const struct mgw_area *a = config_area(c, q->marac_area);
	r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
	if (a == NULL) {
		refuse(g, s, NULL, NULL, &r, "marac_area: this area takes no referrals at this gateway");
		goto out;
	}
	if (q->meeting_date == NULL || strlen(q->meeting_date) != 10 ||
	    caldate_parse(q->meeting_date, &day) != 0) {
		refuse(g, s, NULL, NULL, &r, "meeting_date: YYYY-MM-DD required");
		goto out;
	}
	struct agenda_job *j = calloc(1, sizeof *j);
	if (j == NULL)
		goto out;
	session_job_init(g, s, &j->base, &agenda_ops);
	snprintf(j->area, sizeof j->area, "%s", a->id);
	memcpy(j->meeting, q->meeting_date, 11);
	j->from_row = q->from_row;
	for (int ag = 1; ag <= MARAC__V1__AGENCY__AGENCY_EDUCATION; ag++)
		for (size_t k = 0; k < c->n_nodes; k++) {
			const struct mgw_node *n = &c->nodes[k];
			if (n->agency == ag && (n->roles & MGW_ROLE_NODE) &&
			    config_node_in_area(n, a->id)) {
				j->attending[j->n_att++] = ag;
				break;
			}
		}
	if (agenda_svc_meeting(g, s, q, j) != 0) {
		job_free(&j->base);
		goto out;
	}
	session_submit(g, s, &j->base, NULL);
out:
	codec_free(&f->base);
}

/*
 * req_marker.c: address markers (meeting.proto): MarkerAdd, MarkerInform,
 * MarkerReview, MarkerListRequest.
 *
 * Service thread (marker_svc_on): markers are police business. MarkerAdd,
 * MarkerInform and MarkerReview need role "node" and agency police, and
 * the case or marker in an area the node serves (else UNKNOWN_CASE /
 * UNKNOWN_ITEM, which say nothing of other areas); any other node is
 * refused NOT_OWNER (audited, reason not_police). Field rules:
 *   - MarkerAdd: the case open (else CASE_NOT_OPEN, decided on the writer:
 *     a merged case's markers belong on the case it was merged into);
 *     start_date not after today; review_due after today and start_date
 *     and at most followup.marker_max_months after start_date; oic_node empty or a
 *     police node serving the area;
 *   - MarkerInform: date not after today and not before the start; a
 *     method and an outcome;
 *   - MarkerReview: extend to new_review_due after today and at most
 *     marker_max_months from today, or withdraw; a withdrawn marker is
 *     refused (INVALID_REQUEST).
 * MarkerListRequest: police nodes and chairs for the areas they serve; a
 * node named as an area's escalation_node for those areas only.
 *
 * Writer thread (marker_wr_commit): msg_id idempotency as actions, the
 * change, its record (MARKER_ADDED, MARKER_INFORMED with reason
 * "<outcome>_by_<method>", MARKER_REVIEWED "extended"/"withdrawn"; ids, dates
 * and codes only: a marker holds no free text), MarkerRecorded after COMMIT.
 * Lists are cut to what one frame carries (truncated) and audited
 * FOLLOWUP_LISTED, reason "markers".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caldate.h"
#include "cases.h"
#include "clock.h"
#include "gw.h"
#include "log.h"
#include "markers.h"
#include "mgw_err.h"
#include "req_followup_common.h"

enum marker_kind { MK_ADD = 1, MK_INFORM, MK_REVIEW, MK_LIST };

struct marker_job {
	struct job base;
	enum marker_kind kind;
	Marac__V1__Frame *frame;    /* owned: the request */
	char area[MGW_ID_MAX + 1];  /* the case's or marker's area */
	const char **areas;         /* LIST: borrowed from the pinned epoch */
	size_t n_areas;
};

/* ---- writer thread ---- */

static int answer_marker(struct wctx *w, const struct job *jb, const char *msg_id,
			 const char *id, uint64_t audit_seq, int duplicate)
{
	Marac__V1__Marker *m = NULL;
	int rc = markers_get(store_db(w->st), id, mgw_today(), &m);
	if (rc != MGW_OK)
		return rc;
	Marac__V1__MarkerRecorded mr = MARAC__V1__MARKER_RECORDED__INIT;
	mr.msg_id = (char *)msg_id;
	mr.marker = m;
	mr.audit_seq = audit_seq;
	mr.duplicate = duplicate;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_MARKER_RECORDED;
	fr.marker_recorded = &mr;
	uint8_t *buf;
	size_t len;
	rc = codec_pack(&fr.base, &buf, &len);
	codec_free(&m->base);
	if (rc == MGW_OK)
		clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
	return rc;
}

static const char *req_msg_id(const struct marker_job *j)
{
	switch (j->kind) {
	case MK_ADD: return j->frame->marker_add->msg_id;
	case MK_INFORM: return j->frame->marker_inform->msg_id;
	case MK_REVIEW: return j->frame->marker_review->msg_id;
	default: return NULL;
	}
}

static const ProtobufCMessage *req_msg(const struct marker_job *j)
{
	switch (j->kind) {
	case MK_ADD: return &j->frame->marker_add->base;
	case MK_INFORM: return &j->frame->marker_inform->base;
	default: return &j->frame->marker_review->base;
	}
}

static int marker_wr_change(struct marker_job *j, struct wctx *w)
{
	struct job *jb = &j->base;
	sqlite3 *db = store_db(w->st);
	const char *msg_id = req_msg_id(j);
	uint8_t digest[32];
	char id[FOLLOWUP_ID_MAX] = "";
	int rc = codec_digest(req_msg(j), digest);
	if (rc != MGW_OK)
		return rc;
	rc = followup_msg_check(db, jb->node, msg_id, digest, id);
	if (rc == MGW_OK)
		return answer_marker(w, jb, msg_id, id, 0, 1);
	if (rc == MGW_E_CONFLICT) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_MSG_ID_CONFLICT,
				    .msg_id = msg_id};
		return refuse(w->g, NULL, w, jb, &r, "msg_id was used before for a different request");
	}
	if (rc != MGW_E_NOTFOUND)
		return rc;
	if (j->kind != MK_ADD) {
		/* Its area again: a transfer committed since the service thread's
		 * check may have moved it to an area this node does not serve. */
		const char *mid = j->kind == MK_INFORM ? j->frame->marker_inform->marker_id
						       : j->frame->marker_review->marker_id;
		char area[MGW_ID_MAX + 1], due[11];
		int state = 0;
		const struct mgw_node *me = config_node_by_id(w->e->cfg, jb->node);
		if ((rc = markers_brief(db, mid, area, sizeof area, &state, due)) != MGW_OK)
			return rc;
		if (me == NULL || !config_node_in_area(me, area)) {
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_ITEM,
					    .msg_id = msg_id};
			return refuse(w->g, NULL, w, jb, &r,
				      "marker_id: no such marker in an area this node serves");
		}
	}
	int64_t now = store_now_ms();
	char today_s[11];
	caldate_format(mgw_today(), today_s);
	struct audit_fields f = {.time_ms = now, .actor_node = jb->node, .actor_agency = jb->agency,
				 .msg_id = msg_id, .marac_area = j->area};
	char reason[48];
	if (j->kind == MK_ADD) {
		const Marac__V1__MarkerAdd *q = j->frame->marker_add;
		/* Read again on the writer: a withdraw, close or merge may have come first. */
		struct case_state cs;
		if ((rc = cases_state(db, q->case_ref, &cs)) != MGW_OK)
			return rc;
		const struct mgw_node *me = config_node_by_id(w->e->cfg, jb->node);
		if (me == NULL || !config_node_in_area(me, cs.area) ||
		    strcmp(cs.area, j->area) != 0) {
			/* transferred since the service thread's check (which also
			 * checked the officer in charge against the old area) */
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE,
					    .msg_id = msg_id, .case_ref = q->case_ref};
			return refuse(w->g, NULL, w, jb, &r,
				      "case_ref: no such case in an area this node serves");
		}
		if (cs.status != MARAC__V1__CASE_STATUS__CASE_STATUS_OPEN) {
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_CASE_NOT_OPEN,
					    .msg_id = msg_id, .case_ref = q->case_ref};
			return refuse(w->g, NULL, w, jb, &r, "case_ref: the case is withdrawn, "
				      "closed or merged%s%s", cs.merged_into[0] ? " into " : "",
				      cs.merged_into);
		}
		struct marker_new mn = {.case_ref = q->case_ref, .area = j->area,
					.start_date = q->start_date, .review_due = q->review_due,
					.oic_node = q->oic_node ? q->oic_node : "", .by_node = jb->node};
		rc = markers_add(db, &mn, now, id);
		if (rc == MGW_E_TOO_LARGE) {
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
					    .msg_id = msg_id, .case_ref = q->case_ref,
					    .reason = "too_many_markers"};
			return refuse(w->g, NULL, w, jb, &r, "case_ref: the case has %u active "
				      "markers already; review or withdraw one first",
				      MGW_MARKERS_ACTIVE_PER_CASE_MAX);
		}
		f.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_ADDED;
		f.case_ref = q->case_ref;
		f.due_date = q->review_due;
		f.recipient_node = mn.oic_node; /* the officer in charge */
	} else if (j->kind == MK_INFORM) {
		const Marac__V1__MarkerInform *q = j->frame->marker_inform;
		snprintf(id, sizeof id, "%s", q->marker_id);
		rc = markers_inform(db, id, q->date, q->method, q->outcome, jb->node);
		snprintf(reason, sizeof reason, "%s_by_%s", markers_outcome_name(q->outcome),
			 markers_method_name(q->method));
		f.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_INFORMED;
		f.reason = reason;
		f.meeting_date = NULL;
		f.due_date = q->date; /* the date of the contact or attempt */
		if (rc == MGW_E_TOO_LARGE) {
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
					    .msg_id = msg_id, .reason = "too_many_contacts"};
			return refuse(w->g, NULL, w, jb, &r, "a marker keeps at most %u contacts",
				      MGW_MARKER_CONTACTS_MAX);
		}
		if (rc == MGW_E_INVALID) { /* method and outcome passed on the service thread */
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
					    .msg_id = msg_id};
			return refuse(w->g, NULL, w, jb, &r,
				      "date: not before the marker's start_date");
		}
	} else {
		const Marac__V1__MarkerReview *q = j->frame->marker_review;
		snprintf(id, sizeof id, "%s", q->marker_id);
		rc = markers_review(db, id, q->withdraw, q->new_review_due, today_s);
		f.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_REVIEWED;
		f.reason = q->withdraw ? "withdrawn" : "extended";
		f.due_date = q->withdraw ? today_s : q->new_review_due;
		if (rc == MGW_E_CONFLICT) {
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
					    .msg_id = msg_id, .reason = "marker_withdrawn"};
			return refuse(w->g, NULL, w, jb, &r, "marker_id: the marker was withdrawn");
		}
	}
	if (rc != MGW_OK)
		return rc;
	if ((rc = followup_msg_put(db, jb->node, msg_id, digest, id, now)) != MGW_OK)
		return rc;
	char case_ref[MGW_CASE_REF_MAX + 1] = "";
	if (f.case_ref == NULL) {
		Marac__V1__Marker *m = NULL;
		if ((rc = markers_get(db, id, mgw_today(), &m)) != MGW_OK)
			return rc;
		snprintf(case_ref, sizeof case_ref, "%s", m->case_ref);
		codec_free(&m->base);
		f.case_ref = case_ref;
	}
	f.item_id = id;
	uint64_t seq = 0;
	if ((rc = audit_emit(w->g, w, &f, &seq)) != MGW_OK)
		return rc;
	log_event(LOG_INFO, "marker_recorded", "node", jb->node, "marker", id, NULL);
	return answer_marker(w, jb, msg_id, id, seq, 0);
}

static int marker_wr_list(struct marker_job *j, struct wctx *w)
{
	struct job *jb = &j->base;
	const Marac__V1__MarkerListRequest *q = j->frame->marker_list_request;
	int32_t today = mgw_today();
	struct marker_filter flt = {.areas = j->areas, .n_areas = j->n_areas,
				    .case_ref = q->case_ref, .due_only = q->due_only,
				    .include_withdrawn = q->include_withdrawn,
				    .notice_days = w->e->cfg->marker_notice_days};
	Marac__V1__Marker **v = NULL;
	size_t n = 0;
	int trunc = 0;
	int rc = markers_list(store_db(w->st), &flt, today, MGW_FOLLOWUP_LIST_MAX, &v, &n, &trunc);
	if (rc != MGW_OK)
		return rc;
	char today_s[11];
	caldate_format(today, today_s);
	Marac__V1__MarkerList ml = MARAC__V1__MARKER_LIST__INIT;
	ml.markers = v;
	ml.n_markers = followup_fit_frame((ProtobufCMessage **)v, n, w->e->cfg->max_frame_bytes);
	ml.today = today_s;
	ml.truncated = trunc || ml.n_markers < n;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_MARKER_LIST;
	fr.marker_list = &ml;
	rc = followup_answer_list(w, jb, &fr, "markers", ml.n_markers, q->case_ref, q->marac_area);
	markers_free_list(v, n);
	return rc;
}

static int marker_wr_commit(struct job *jb, struct wctx *w)
{
	struct marker_job *j = (struct marker_job *)jb;
	return j->kind == MK_LIST ? marker_wr_list(j, w) : marker_wr_change(j, w);
}

static void marker_wr_failed(struct job *jb, struct wctx *w)
{
	answer_not_stored(w, jb, req_msg_id((struct marker_job *)jb));
}

static void marker_free(struct job *jb)
{
	struct marker_job *j = (struct marker_job *)jb;
	codec_free(j->frame ? &j->frame->base : NULL);
	free(j->areas);
}

static const struct job_ops marker_ops = {
	.name = "marker",
	.wr_commit = marker_wr_commit,
	.wr_failed = marker_wr_failed,
	.free = marker_free,
};

/* ---- service thread ---- */

static int date_ok(const char *s, int32_t *d)
{
	return s != NULL && strlen(s) == 10 && caldate_parse(s, d) == 0;
}

static int is_police_node(const struct mgw_node *n)
{
	return n && n->agency == MARAC__V1__AGENCY__AGENCY_POLICE && (n->roles & MGW_ROLE_NODE);
}

/* 1 if n is an area's escalation node for one of its areas. */
static int escalates_for(const struct mgw_area *a, const struct mgw_node *n)
{
	return a && a->escalation_node && !strcmp(a->escalation_node, n->id);
}

static int is_escalation_node(const struct mgw_config *c, const struct mgw_node *n)
{
	for (size_t i = 0; i < c->n_areas; i++)
		if (escalates_for(&c->areas[i], n))
			return 1;
	return 0;
}

/*
 * May n list area's markers? A police node or a chair for each area it
 * serves; an escalation node (a crime manager, of any agency or role) only
 * for the areas whose escalation_node it is, not every area it serves.
 */
static int lists_markers_of(const struct mgw_config *c, const struct mgw_node *n,
			    const char *area)
{
	if (!config_node_in_area(n, area))
		return 0;
	return is_police_node(n) || (n->roles & MGW_ROLE_CHAIR) ||
	       escalates_for(config_area(c, area), n);
}

/* The area of a marker (UNKNOWN_ITEM refusal when not one of me's). 0 or refused. */
static int marker_area(struct gw *g, struct session *s, const struct mgw_node *me,
		       const char *id, struct refusal *r, char *area, size_t n, int *state,
		       char due[11])
{
	if (id == NULL || !id[0] || strlen(id) >= FOLLOWUP_ID_MAX) {
		refuse(g, s, NULL, NULL, r, "marker_id: required (M-000001)");
		return -1;
	}
	int rc = markers_brief(store_db(g->reader), id, area, n, state, due);
	if (rc == MGW_E_NOTFOUND || (rc == MGW_OK && !config_node_in_area(me, area))) {
		r->code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_ITEM;
		refuse(g, s, NULL, NULL, r, "marker_id: no such marker in an area this node serves");
		return -1;
	}
	if (rc != MGW_OK) {
		r->code = MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL;
		refuse(g, s, NULL, NULL, r, "cannot read the store");
		return -1;
	}
	return 0;
}

void marker_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const struct mgw_config *c = g->epoch->cfg;
	const struct mgw_node *me = config_node_by_id(c, s->node);
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST};
	struct marker_job *j = NULL;
	char area[MGW_ID_MAX + 1] = "", due[11] = "";
	int32_t today = mgw_today(), d0, d1;
	int state = 0;
	enum marker_kind kind = f->body_case == MARAC__V1__FRAME__BODY_MARKER_ADD      ? MK_ADD
				: f->body_case == MARAC__V1__FRAME__BODY_MARKER_INFORM ? MK_INFORM
				: f->body_case == MARAC__V1__FRAME__BODY_MARKER_REVIEW ? MK_REVIEW
										       : MK_LIST;
	if (me == NULL) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
		refuse(g, s, NULL, NULL, &r, "certificate not in the registry");
		goto fail;
	}
	if (kind == MK_LIST) {
		const Marac__V1__MarkerListRequest *q = f->marker_list_request;
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
		if (!is_police_node(me) && !(me->roles & MGW_ROLE_CHAIR) &&
		    !is_escalation_node(c, me)) {
			refuse(g, s, NULL, NULL, &r, "markers are listed by police nodes, chairs and "
				   "escalation nodes");
			goto fail;
		}
		if (q->marac_area && q->marac_area[0] && !lists_markers_of(c, me, q->marac_area)) {
			refuse(g, s, NULL, NULL, &r, "marac_area: not an area whose markers this node "
				   "lists");
			goto fail;
		}
		if (q->case_ref && q->case_ref[0] && !gw_case_ref_ok(q->case_ref)) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
			refuse(g, s, NULL, NULL, &r, "case_ref: a case reference (TS-2026-0001)");
			goto fail;
		}
	} else {
		r.msg_id = kind == MK_ADD ? f->marker_add->msg_id
			   : kind == MK_INFORM ? f->marker_inform->msg_id
					       : f->marker_review->msg_id;
		if (!gw_msg_id_ok(r.msg_id)) {
			refuse(g, s, NULL, NULL, &r, "msg_id: 1-128 printable ASCII characters");
			goto fail;
		}
		if (!is_police_node(me)) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_OWNER;
			r.reason = "not_police";
			refuse(g, s, NULL, NULL, &r, "address markers are recorded by police nodes");
			goto fail;
		}
	}
	if (kind == MK_ADD) {
		const Marac__V1__MarkerAdd *q = f->marker_add;
		r.case_ref = q->case_ref;
		if (!gw_case_ref_ok(q->case_ref) || strlen(q->case_ref) >= CASES_REF_MAX) {
			refuse(g, s, NULL, NULL, &r, "case_ref: required, a case reference");
			goto fail;
		}
		if (!date_ok(q->start_date, &d0) || d0 > today + MGW_TODAY_GRACE_DAYS) {
			refuse(g, s, NULL, NULL, &r, "start_date: YYYY-MM-DD, not after today");
			goto fail;
		}
		/* After today too: a marker entered with its review already passed
		 * (a start date in 1900) would escalate to the crime manager at the
		 * next sweep; one whose review is over is recorded with MarkerReview. */
		if (!date_ok(q->review_due, &d1) || d1 <= d0 || d1 <= today ||
		    d1 > caldate_add_months(d0, (int)c->marker_max_months)) {
			refuse(g, s, NULL, NULL, &r, "review_due: YYYY-MM-DD, after today and "
				   "start_date and at most %u months after start_date",
				   c->marker_max_months);
			goto fail;
		}
		int rc = cases_area(store_db(g->reader), q->case_ref, area, sizeof area);
		if (rc == MGW_E_NOTFOUND || (rc == MGW_OK && !config_node_in_area(me, area))) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE;
			refuse(g, s, NULL, NULL, &r, "case_ref: no such case in an area this node serves");
			goto fail;
		}
		if (rc != MGW_OK) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL;
			refuse(g, s, NULL, NULL, &r, "cannot read the store");
			goto fail;
		}
		if (q->oic_node && q->oic_node[0]) {
			const struct mgw_node *oic = config_node_by_id(c, q->oic_node);
			if (!is_police_node(oic) || !config_node_in_area(oic, area)) {
				refuse(g, s, NULL, NULL, &r, "oic_node: a police node serving the area");
				goto fail;
			}
		}
	} else if (kind == MK_INFORM) {
		const Marac__V1__MarkerInform *q = f->marker_inform;
		if (marker_area(g, s, me, q->marker_id, &r, area, sizeof area, &state, due) != 0)
			goto fail;
		if (!date_ok(q->date, &d0) || d0 > today + MGW_TODAY_GRACE_DAYS) {
			refuse(g, s, NULL, NULL, &r, "date: YYYY-MM-DD, not after today");
			goto fail;
		}
		if (q->method < MARAC__V1__INFORM_METHOD__INFORM_METHOD_IN_PERSON ||
		    q->method > MARAC__V1__INFORM_METHOD__INFORM_METHOD_VIA_IDVA ||
		    q->outcome < MARAC__V1__INFORM_OUTCOME__INFORM_OUTCOME_INFORMED ||
		    q->outcome > MARAC__V1__INFORM_OUTCOME__INFORM_OUTCOME_OTHER) {
			refuse(g, s, NULL, NULL, &r, "method and outcome: required");
			goto fail;
		}
	} else if (kind == MK_REVIEW) {
		const Marac__V1__MarkerReview *q = f->marker_review;
		if (marker_area(g, s, me, q->marker_id, &r, area, sizeof area, &state, due) != 0)
			goto fail;
		if (!q->withdraw && (!date_ok(q->new_review_due, &d1) || d1 <= today ||
				     d1 > caldate_add_months(today, (int)c->marker_max_months))) {
			refuse(g, s, NULL, NULL, &r, "new_review_due: YYYY-MM-DD, after today and at "
				   "most %u months from today", c->marker_max_months);
			goto fail;
		}
	}
	if ((j = calloc(1, sizeof *j)) == NULL)
		goto fail;
	session_job_init(g, s, &j->base, &marker_ops);
	j->kind = kind;
	snprintf(j->area, sizeof j->area, "%s", area);
	if (kind == MK_LIST) {
		const char *want = f->marker_list_request->marac_area;
		/* me points into the epoch the job pinned: its strings outlive the job */
		if ((j->areas = calloc(me->n_areas + 1, sizeof *j->areas)) == NULL) {
			job_free(&j->base);
			goto fail;
		}
		for (size_t i = 0; i < me->n_areas; i++)
			if (!(want && want[0] && strcmp(want, me->areas[i])) &&
			    lists_markers_of(c, me, me->areas[i]))
				j->areas[j->n_areas++] = me->areas[i];
	}
	j->frame = f;
	session_submit(g, s, &j->base, kind == MK_LIST ? NULL : r.msg_id);
	return;
fail:
	codec_free(&f->base);
}

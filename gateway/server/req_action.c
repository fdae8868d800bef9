/*
 * req_action.c: actions set at a meeting (meeting.proto): ActionAdd,
 * ActionUpdate, ActionListRequest.
 *
 * Service thread (action_svc_on): who may send what, from the certificate
 * and the epoch's registry, with one indexed read of the store:
 *   - ActionAdd: role "chair", the case in an area the chair serves (else
 *     UNKNOWN_CASE) and open (else CASE_NOT_OPEN, decided on the writer), a
 *     known owner agency with a node serving the case's area whose
 *     certificate is neither revoked nor expired (else INVALID_REQUEST
 *     owner_not_attending, on the writer), marac_date not
 *     after today,
 *     due_date on or after it, a description of 1..MGW_FOLLOWUP_TEXT_MAX;
 *   - ActionUpdate: a certificate with neither role node nor chair is
 *     refused NOT_AUTHORISED before the action is read; the action must be
 *     in an area the node serves (else
 *     UNKNOWN_ITEM, which does not say whether it exists elsewhere); only
 *     a node (role "node") of the owner agency may change it: any other,
 *     chairs included, is refused NOT_OWNER (audited REQUEST_REFUSED,
 *     reason not_action_owner);
 *   - ActionListRequest: a chair sees the actions of its areas, a node
 *     those its agency owns in its areas.
 *
 * Writer thread (action_wr_commit): msg_id idempotency (same request: the
 * action as it is now, duplicate; other bytes: MSG_ID_CONFLICT), the free
 * text scrubbed under the epoch's policy as a narrative for the owner
 * agency and for the agencies the agenda reaches (scrub_for; the raw text
 * is never stored: the description and note hold that view, the chair's
 * agenda shows the same), the row, the record
 * (ACTION_ADDED / ACTION_UPDATED: ids, codes, the digests of the text
 * before and after scrubbing, never the text), then ActionRecorded after
 * COMMIT. Lists are read on the writer too (O(actions)), cut to what one
 * frame carries (truncated), and audited FOLLOWUP_LISTED with the count.
 */
#include <openssl/sha.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "actions.h"
#include "caldate.h"
#include "cases.h"
#include "clock.h"
#include "gw.h"
#include "log.h"
#include "mgw_err.h"
#include "req_followup_common.h"

enum action_kind { ACT_ADD = 1, ACT_UPDATE, ACT_LIST };

struct action_job {
	struct job base;
	enum action_kind kind;
	Marac__V1__Frame *frame;    /* owned: the request */
	char area[MGW_ID_MAX + 1];  /* ADD: the case's area */
	int owner;                  /* LIST: 0 = every agency (chair) */
	const char **areas;         /* LIST: borrowed from the pinned epoch's registry */
	size_t n_areas;
};

/* ---- writer thread ---- */

/* The narrative of a case holding only text, as agency sees it: "" when withheld. */
static int view_of(struct wctx *w, const char *case_ref, const char *area, const char *text,
		   int agency, char **out)
{
	*out = NULL;
	Marac__V1__CaseSummary cs = MARAC__V1__CASE_SUMMARY__INIT;
	cs.case_ref = (char *)case_ref;
	cs.marac_area = (char *)area;
	cs.narrative = (char *)text;
	Marac__V1__CaseSummary *view = NULL;
	Marac__V1__RedactionEntry **man = NULL;
	size_t n_man = 0;
	int rc = policy_redact(w->e->policy, &cs, agency, MARAC__V1__PURPOSE__PURPOSE_UNSPECIFIED,
			       &view, &man, &n_man);
	if (rc != MGW_OK)
		return rc;
	*out = strdup(view->narrative ? view->narrative : "");
	codec_free(&view->base);
	policy_manifest_free(man, n_man);
	return *out ? MGW_OK : MGW_E_NOMEM;
}

/*
 * text scrubbed for agency (the owner) under w's policy, as the narrative
 * of a case that names nobody (so identifiers, names by cue and list,
 * places and statements of where someone is are scrubbed as in any
 * narrative), and as every other agency given narratives would see it: the
 * stored text is read by the owner, by the area's chairs (ActionList) and,
 * a description, on the agenda the chair takes to the meeting of every
 * attending agency. An owner entitled to the victim's whereabouts (police,
 * IDVA) kept where she stays and when she may be called, and the agenda
 * carried them to everyone. So the text is first scrubbed as the first
 * agency whose view differs from the owner's sees it, then as the owner
 * sees that. One round suffices: a case holding only text has no values,
 * so agencies' scrubs differ only in whether they may learn where she is
 * (policy.h, SCRUB_F_LOCATION); and the owner's scrub comes last, so the
 * result is never more than the owner may see. *out is malloc'd. A policy
 * that withholds narratives from agency gives a fixed marker instead.
 */
static int scrub_for(struct wctx *w, const char *case_ref, const char *area, const char *text,
		     int agency, char **out)
{
	*out = NULL;
	if (text == NULL || text[0] == '\0')
		return (*out = strdup("")) ? MGW_OK : MGW_E_NOMEM;
	enum { N_AG = MARAC__V1__AGENCY__AGENCY_EDUCATION };
	int ags[N_AG], own = -1;
	for (int i = 0; i < N_AG; i++) {
		ags[i] = i + 1;
		own = ags[i] == agency ? i : own;
	}
	if (own < 0)
		return MGW_E_INVALID;
	Marac__V1__CaseSummary cs = MARAC__V1__CASE_SUMMARY__INIT;
	cs.case_ref = (char *)case_ref;
	cs.marac_area = (char *)area;
	cs.narrative = (char *)text;
	Marac__V1__CaseSummary *views[N_AG];
	Marac__V1__RedactionEntry **mans[N_AG];
	size_t n_mans[N_AG];
	int rc = policy_redact_many(w->e->policy, &cs, ags, N_AG,
				    MARAC__V1__PURPOSE__PURPOSE_UNSPECIFIED, views, mans, n_mans);
	if (rc != MGW_OK)
		return rc;
	const char *mine = views[own]->narrative ? views[own]->narrative : "";
	const char *strict = NULL;
	for (int i = 0; i < N_AG && mine[0] && strict == NULL; i++) {
		const char *v = views[i]->narrative;
		if (i != own && v && v[0] && strcmp(v, mine) != 0)
			strict = v;
	}
	if (!mine[0])
		*out = strdup("[WITHHELD: not shared with the owner agency under the policy]");
	else if (strict == NULL)
		*out = strdup(mine);
	else
		rc = view_of(w, case_ref, area, strict, agency, out);
	for (int i = 0; i < N_AG; i++) {
		codec_free(&views[i]->base);
		policy_manifest_free(mans[i], n_mans[i]);
	}
	if (rc == MGW_OK && *out == NULL)
		rc = MGW_E_NOMEM;
	if (rc == MGW_OK && (*out)[0] == '\0') {
		free(*out);
		*out = strdup("[WITHHELD: not shared with the owner agency under the policy]");
		rc = *out ? MGW_OK : MGW_E_NOMEM;
	}
	return rc;
}

static void sha(const char *s, uint8_t out[32])
{
	SHA256((const unsigned char *)(s ? s : ""), s ? strlen(s) : 0, out);
}

static int answer_action(struct wctx *w, const struct job *jb, const char *msg_id,
			 const char *id, uint64_t audit_seq, int duplicate)
{
	Marac__V1__Action *a = NULL;
	int rc = actions_get(store_db(w->st), id, mgw_today(), &a);
	if (rc != MGW_OK)
		return rc;
	Marac__V1__ActionRecorded ar = MARAC__V1__ACTION_RECORDED__INIT;
	ar.msg_id = (char *)msg_id;
	ar.action = a;
	ar.audit_seq = audit_seq;
	ar.duplicate = duplicate;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_ACTION_RECORDED;
	fr.action_recorded = &ar;
	uint8_t *buf;
	size_t len;
	rc = codec_pack(&fr.base, &buf, &len);
	codec_free(&a->base);
	if (rc == MGW_OK)
		clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
	return rc;
}

/* Seen before? *handled = 1 when answered (duplicate) or refused (conflict). */
static int seen_before(struct wctx *w, const struct job *jb, const char *msg_id,
		       const ProtobufCMessage *req, uint8_t digest[32], int *handled)
{
	*handled = 0;
	int rc = codec_digest(req, digest);
	if (rc != MGW_OK)
		return rc;
	char item[FOLLOWUP_ID_MAX];
	rc = followup_msg_check(store_db(w->st), jb->node, msg_id, digest, item);
	if (rc == MGW_E_NOTFOUND)
		return MGW_OK;
	*handled = 1;
	if (rc == MGW_OK)
		return answer_action(w, jb, msg_id, item, 0, 1);
	if (rc == MGW_E_CONFLICT) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_MSG_ID_CONFLICT,
				    .msg_id = msg_id};
		return refuse(w->g, NULL, w, jb, &r, "msg_id was used before for a different request");
	}
	return rc;
}

/*
 * Does a node (role node) of agency serve area under e, with a certificate
 * that can connect? Only such a node may update an action owned by agency
 * there (chairs are refused NOT_OWNER), and only such nodes are sent its
 * notices (a revoked or expired one is skipped: share_svc_drop_invalid), so
 * a node whose registered certificate is revoked or expired does not
 * attend. One registered without cert: is counted (the gateway cannot tell).
 */
int owner_attends(const struct epoch *e, int agency, const char *area)
{
	const struct mgw_config *c = e->cfg;
	long long now = (long long)time(NULL);
	for (size_t k = 0; k < c->n_nodes; k++) {
		const struct mgw_node *n = &c->nodes[k];
		if (n->agency != agency || !(n->roles & MGW_ROLE_NODE) ||
		    !config_node_in_area(n, area))
			continue;
		int st = config_node_cert_state(n, e->crl, now);
		if (st != NODE_CERT_EXPIRED && st != NODE_CERT_REVOKED)
			return 1;
	}
	return 0;
}

static int action_wr_add(struct action_job *j, struct wctx *w)
{
	struct job *jb = &j->base;
	const Marac__V1__ActionAdd *q = j->frame->action_add;
	uint8_t digest[32], raw[32], view[32];
	int handled, rc = seen_before(w, jb, q->msg_id, &q->base, digest, &handled);
	if (rc != MGW_OK || handled)
		return rc;
	/* Read again on the writer: a withdraw, close or merge may have come first. */
	struct case_state cs;
	if ((rc = cases_state(store_db(w->st), q->case_ref, &cs)) != MGW_OK)
		return rc;
	const struct mgw_node *me = config_node_by_id(w->e->cfg, jb->node);
	if (me == NULL || !config_node_in_area(me, cs.area)) {
		/* transferred since the service thread's check */
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE,
				    .msg_id = q->msg_id, .case_ref = q->case_ref};
		return refuse(w->g, NULL, w, jb, &r,
			      "case_ref: no such case in an area this chair serves");
	}
	if (cs.status != MARAC__V1__CASE_STATUS__CASE_STATUS_OPEN) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_CASE_NOT_OPEN,
				    .msg_id = q->msg_id, .case_ref = q->case_ref};
		return refuse(w->g, NULL, w, jb, &r, "case_ref: the case is withdrawn, closed or "
			      "merged%s%s", cs.merged_into[0] ? " into " : "", cs.merged_into);
	}
	snprintf(j->area, sizeof j->area, "%s", cs.area); /* the area it is in now */
	/* An owner with no node in the area could never report it: the action
	 * would stay open and overdue on every agenda, notices going nowhere,
	 * and count against the case's cap for good. */
	if (!owner_attends(w->e, q->owner, j->area)) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
				    .msg_id = q->msg_id, .case_ref = q->case_ref,
				    .reason = "owner_not_attending"};
		return refuse(w->g, NULL, w, jb, &r, "owner: no node of %s serves %s, so nobody "
			      "could report the action", config_agency_name(q->owner), j->area);
	}
	char *desc = NULL;
	if ((rc = scrub_for(w, q->case_ref, j->area, q->description, q->owner, &desc)) != MGW_OK)
		return rc;
	struct action_new an = {.case_ref = q->case_ref, .area = j->area,
				.marac_date = q->marac_date, .owner = q->owner,
				.description = desc, .due_date = q->due_date,
				.set_by_node = jb->node};
	char id[FOLLOWUP_ID_MAX];
	int64_t now = store_now_ms();
	rc = actions_add(store_db(w->st), &an, now, id);
	sha(q->description, raw);
	sha(desc, view);
	free(desc);
	if (rc == MGW_E_TOO_LARGE) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
				    .msg_id = q->msg_id, .case_ref = q->case_ref,
				    .reason = "too_many_actions"};
		return refuse(w->g, NULL, w, jb, &r, "case_ref: the case has %u open actions "
			      "already; close some first", MGW_ACTIONS_OPEN_PER_CASE_MAX);
	}
	if (rc != MGW_OK)
		return rc;
	if ((rc = followup_msg_put(store_db(w->st), jb->node, q->msg_id, digest, id, now)) != MGW_OK)
		return rc;
	struct audit_fields f = {
		.time_ms = now,
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_ADDED,
		.actor_node = jb->node,
		.actor_agency = jb->agency,
		.case_ref = q->case_ref,
		.msg_id = q->msg_id,
		.original_sha256 = raw,
		.view_sha256 = view,
		.policy_sha256 = w->e->policy_sha256,
		.reason = config_agency_name(q->owner),
		.marac_area = j->area,
		.meeting_date = q->marac_date,
		.item_id = id,
		.due_date = q->due_date,
	};
	uint64_t seq = 0;
	if ((rc = audit_emit(w->g, w, &f, &seq)) != MGW_OK)
		return rc;
	log_event(LOG_INFO, "action_added", "node", jb->node, "action", id, NULL);
	return answer_action(w, jb, q->msg_id, id, seq, 0);
}

static int action_wr_update(struct action_job *j, struct wctx *w)
{
	struct job *jb = &j->base;
	const Marac__V1__ActionUpdate *q = j->frame->action_update;
	uint8_t digest[32], raw[32], view[32];
	int handled, rc = seen_before(w, jb, q->msg_id, &q->base, digest, &handled);
	if (rc != MGW_OK || handled)
		return rc;
	Marac__V1__Action *a = NULL;
	int32_t today = mgw_today();
	if ((rc = actions_get(store_db(w->st), q->action_id, today, &a)) != MGW_OK)
		return rc;
	/* Its area again: a transfer committed since the service thread's check
	 * may have moved it to an area this node does not serve. */
	const struct mgw_node *me = config_node_by_id(w->e->cfg, jb->node);
	if (me == NULL || !config_node_in_area(me, a->marac_area)) {
		codec_free(&a->base);
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_ITEM,
				    .msg_id = q->msg_id};
		return refuse(w->g, NULL, w, jb, &r,
			      "action_id: no such action in an area this node serves");
	}
	char *note = NULL;
	rc = scrub_for(w, a->case_ref, a->marac_area, q->note, a->owner, &note);
	char today_s[11];
	caldate_format(today, today_s);
	if (rc == MGW_OK)
		rc = actions_set_status(store_db(w->st), q->action_id, q->status, note, today_s);
	sha(q->note, raw);
	sha(note, view);
	free(note);
	if (rc == MGW_E_TOO_LARGE) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
				    .msg_id = q->msg_id, .case_ref = a->case_ref,
				    .reason = "too_many_actions"};
		rc = refuse(w->g, NULL, w, jb, &r, "status: the case has %u open actions already; "
			    "close one before reopening this", MGW_ACTIONS_OPEN_PER_CASE_MAX);
		codec_free(&a->base);
		return rc;
	}
	int64_t now = store_now_ms();
	if (rc == MGW_OK)
		rc = followup_msg_put(store_db(w->st), jb->node, q->msg_id, digest, q->action_id, now);
	uint64_t seq = 0;
	if (rc == MGW_OK) {
		struct audit_fields f = {
			.time_ms = now,
			.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_UPDATED,
			.actor_node = jb->node,
			.actor_agency = jb->agency,
			.case_ref = a->case_ref,
			.msg_id = q->msg_id,
			.original_sha256 = raw,
			.view_sha256 = view,
			.policy_sha256 = w->e->policy_sha256,
			.reason = actions_status_name(q->status),
			.marac_area = a->marac_area,
			.item_id = q->action_id,
			.due_date = a->due_date,
		};
		rc = audit_emit(w->g, w, &f, &seq);
	}
	codec_free(&a->base);
	if (rc != MGW_OK)
		return rc;
	log_event(LOG_INFO, "action_updated", "node", jb->node, "action", q->action_id, "status",
		  actions_status_name(q->status), NULL);
	return answer_action(w, jb, q->msg_id, q->action_id, seq, 0);
}

static int action_wr_list(struct action_job *j, struct wctx *w)
{
	struct job *jb = &j->base;
	const Marac__V1__ActionListRequest *q = j->frame->action_list_request;
	int32_t today = mgw_today();
	struct action_filter flt = {.areas = j->areas, .n_areas = j->n_areas,
				    .case_ref = q->case_ref, .owner = j->owner,
				    .overdue_only = q->overdue_only,
				    .include_closed = q->include_closed};
	Marac__V1__Action **v = NULL;
	size_t n = 0;
	int trunc = 0;
	int rc = actions_list(store_db(w->st), &flt, today, MGW_FOLLOWUP_LIST_MAX, &v, &n, &trunc);
	if (rc != MGW_OK)
		return rc;
	char today_s[11];
	caldate_format(today, today_s);
	Marac__V1__ActionList al = MARAC__V1__ACTION_LIST__INIT;
	al.actions = v;
	al.n_actions = followup_fit_frame((ProtobufCMessage **)v, n, w->e->cfg->max_frame_bytes);
	al.today = today_s;
	al.truncated = trunc || al.n_actions < n;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_ACTION_LIST;
	fr.action_list = &al;
	rc = followup_answer_list(w, jb, &fr, "actions", al.n_actions, q->case_ref, q->marac_area);
	actions_free_list(v, n);
	return rc;
}

static int action_wr_commit(struct job *jb, struct wctx *w)
{
	struct action_job *j = (struct action_job *)jb;
	switch (j->kind) {
	case ACT_ADD: return action_wr_add(j, w);
	case ACT_UPDATE: return action_wr_update(j, w);
	default: return action_wr_list(j, w);
	}
}

static void action_wr_failed(struct job *jb, struct wctx *w)
{
	struct action_job *j = (struct action_job *)jb;
	const char *msg_id = j->kind == ACT_ADD	   ? j->frame->action_add->msg_id
			     : j->kind == ACT_UPDATE ? j->frame->action_update->msg_id
						     : NULL;
	answer_not_stored(w, jb, msg_id);
}

static void action_free(struct job *jb)
{
	struct action_job *j = (struct action_job *)jb;
	codec_free(j->frame ? &j->frame->base : NULL);
	free(j->areas);
}

static const struct job_ops action_ops = {
	.name = "action",
	.wr_commit = action_wr_commit,
	.wr_failed = action_wr_failed,
	.free = action_free,
};

/* ---- service thread ---- */

static int date_ok(const char *s, int32_t *d)
{
	return s != NULL && strlen(s) == 10 && caldate_parse(s, d) == 0;
}

/*
 * Free text of min..MGW_FOLLOWUP_TEXT_MAX bytes holding no control
 * character but tab, line feed and carriage return: no other C0 code, DEL
 * or C1 code (U+0080..U+009F). The text is printed on the owner's and the
 * chair's terminals (marac action list) and agendas; an escape sequence
 * there could rewrite the screen, hide words, set the window title or,
 * through OSC 52, the reader's clipboard.
 */
static int text_ok(const char *s, size_t min)
{
	size_t n = s ? strlen(s) : 0;
	if (n < min || n > MGW_FOLLOWUP_TEXT_MAX)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
			return 0;
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return 0;
	}
	return 1;
}

/* Refusal message for ActionAdd's fields, or NULL when they are valid. */
static const char *add_invalid(const Marac__V1__ActionAdd *q)
{
	int32_t md, dd;
	if (!gw_msg_id_ok(q->msg_id))
		return "msg_id: 1-128 printable ASCII characters";
	if (!gw_case_ref_ok(q->case_ref) || strlen(q->case_ref) >= CASES_REF_MAX)
		return "case_ref: required, a case reference (TS-2026-0001)";
	if (q->owner <= MARAC__V1__AGENCY__AGENCY_UNSPECIFIED ||
	    q->owner > MARAC__V1__AGENCY__AGENCY_EDUCATION)
		return "owner: an agency is required";
	if (!date_ok(q->marac_date, &md) || md > mgw_today() + MGW_TODAY_GRACE_DAYS)
		return "marac_date: YYYY-MM-DD, the meeting that set it (not after today)";
	if (!date_ok(q->due_date, &dd) || dd < md)
		return "due_date: YYYY-MM-DD, on or after marac_date";
	if (!text_ok(q->description, 1))
		return "description: 1 to 4096 bytes of text (no control characters but tab and "
		       "line breaks)";
	return NULL;
}

void action_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const struct mgw_node *me = config_node_by_id(g->epoch->cfg, s->node);
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST};
	struct action_job *j = NULL;
	char area[MGW_ID_MAX + 1] = "";
	const char *why;
	int rc;
	if (me == NULL) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
		refuse(g, s, NULL, NULL, &r, "certificate not in the registry");
		goto fail;
	}
	if (f->body_case == MARAC__V1__FRAME__BODY_ACTION_ADD) {
		const Marac__V1__ActionAdd *q = f->action_add;
		r.msg_id = q->msg_id;
		r.case_ref = q->case_ref;
		if (!(me->roles & MGW_ROLE_CHAIR)) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
			refuse(g, s, NULL, NULL, &r, "actions are recorded by the chair");
			goto fail;
		}
		if ((why = add_invalid(q)) != NULL) {
			refuse(g, s, NULL, NULL, &r, "%s", why);
			goto fail;
		}
		rc = cases_area(store_db(g->reader), q->case_ref, area, sizeof area);
		if (rc == MGW_E_NOTFOUND || (rc == MGW_OK && !config_node_in_area(me, area))) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE;
			refuse(g, s, NULL, NULL, &r, "case_ref: no such case in an area this chair serves");
			goto fail;
		}
	} else if (f->body_case == MARAC__V1__FRAME__BODY_ACTION_UPDATE) {
		const Marac__V1__ActionUpdate *q = f->action_update;
		int owner = 0;
		r.msg_id = q->msg_id;
		/* Neither node nor chair (a lookup or auditor certificate): refused
		 * before the action is read, or NOT_OWNER naming the owner against
		 * UNKNOWN_ITEM would tell it which actions exist and whose they are. */
		if (!(me->roles & (MGW_ROLE_NODE | MGW_ROLE_CHAIR))) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
			refuse(g, s, NULL, NULL, &r, "actions are updated by the owner agency's nodes");
			goto fail;
		}
		if (!gw_msg_id_ok(q->msg_id)) {
			refuse(g, s, NULL, NULL, &r, "msg_id: 1-128 printable ASCII characters");
			goto fail;
		}
		if (q->action_id == NULL || !q->action_id[0] || strlen(q->action_id) >= FOLLOWUP_ID_MAX) {
			refuse(g, s, NULL, NULL, &r, "action_id: required (A-000001)");
			goto fail;
		}
		if (q->status < MARAC__V1__ACTION_STATUS__ACTION_STATUS_OPEN ||
		    q->status > MARAC__V1__ACTION_STATUS__ACTION_STATUS_NOT_DONE) {
			refuse(g, s, NULL, NULL, &r, "status: open, done, "
				   "not_possible_circumstances_changed or not_done");
			goto fail;
		}
		if (!text_ok(q->note, 0)) {
			refuse(g, s, NULL, NULL, &r, "note: at most 4096 bytes of text (no control "
			       "characters but tab and line breaks)");
			goto fail;
		}
		rc = actions_owner(store_db(g->reader), q->action_id, area, sizeof area, &owner);
		if (rc == MGW_E_NOTFOUND || (rc == MGW_OK && !config_node_in_area(me, area))) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_ITEM;
			refuse(g, s, NULL, NULL, &r, "action_id: no such action in an area this node serves");
			goto fail;
		}
		if (rc == MGW_OK && (owner != me->agency || !(me->roles & MGW_ROLE_NODE))) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_OWNER;
			r.reason = "not_action_owner";
			refuse(g, s, NULL, NULL, &r, "only nodes of the owner agency (%s) may update it",
			       config_agency_name(owner));
			goto fail;
		}
	} else {
		const Marac__V1__ActionListRequest *q = f->action_list_request;
		rc = MGW_OK;
		if (!(me->roles & (MGW_ROLE_CHAIR | MGW_ROLE_NODE))) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
			refuse(g, s, NULL, NULL, &r, "actions are listed by chairs and nodes");
			goto fail;
		}
		if (q->marac_area && q->marac_area[0] && !config_node_in_area(me, q->marac_area)) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
			refuse(g, s, NULL, NULL, &r, "marac_area: not an area this node serves");
			goto fail;
		}
		if (q->case_ref && q->case_ref[0] && !gw_case_ref_ok(q->case_ref)) {
			refuse(g, s, NULL, NULL, &r, "case_ref: a case reference (TS-2026-0001)");
			goto fail;
		}
	}
	if (rc != MGW_OK) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL;
		refuse(g, s, NULL, NULL, &r, "cannot read the store");
		goto fail;
	}
	if ((j = calloc(1, sizeof *j)) == NULL)
		goto fail;
	session_job_init(g, s, &j->base, &action_ops);
	j->kind = f->body_case == MARAC__V1__FRAME__BODY_ACTION_ADD	? ACT_ADD
		  : f->body_case == MARAC__V1__FRAME__BODY_ACTION_UPDATE ? ACT_UPDATE
									 : ACT_LIST;
	snprintf(j->area, sizeof j->area, "%s", area);
	if (j->kind == ACT_LIST) {
		const char *want = f->action_list_request->marac_area;
		j->owner = (me->roles & MGW_ROLE_CHAIR) ? 0 : me->agency;
		/* me points into the epoch the job pinned: its strings outlive the job */
		if ((j->areas = calloc(me->n_areas + 1, sizeof *j->areas)) == NULL) {
			job_free(&j->base);
			goto fail;
		}
		for (size_t i = 0; i < me->n_areas; i++)
			if (!(want && want[0] && strcmp(want, me->areas[i])))
				j->areas[j->n_areas++] = me->areas[i];
	}
	j->frame = f;
	session_submit(g, s, &j->base, j->kind == ACT_LIST ? NULL : r.msg_id);
	return;
fail:
	codec_free(&f->base);
}

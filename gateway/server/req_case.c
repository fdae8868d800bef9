/*
 * req_case.c: CloseCase (withdraw or close), MergeCase and TransferCase:
 * the lifecycle of a MARAC case (lifecycle.proto, cases.h).
 *
 * Service thread (case_svc_on): the case refs by their grammar; each case
 * must be in an area the node serves, else UNKNOWN_CASE (which does not say
 * whether it exists elsewhere; a certificate with neither role node nor
 * chair is refused NOT_AUTHORISED before any case is read); who may:
 *   CloseCase     a node of the referring agency, or a chair, of the area
 *   MergeCase     a chair of the area (both cases)
 *   TransferCase  a chair of the sending area; to_area any area of this
 *                 gateway (the receiving chair need not be the sender's)
 * The receiving area's next meeting is decided here, under the epoch, as
 * for a referral (from today plus the area's research days).
 *
 * Writer thread (case_wr_commit), in the job's savepoint: the case's state
 * is read again (another request may have changed it since: a case
 * transferred meanwhile to an area the node does not serve is UNKNOWN_CASE
 * again, so a chair cannot close or merge another area's case by sending
 * the request just behind its own transfer); a request
 * that finds the case already as asked (same reason, same surviving case,
 * already in to_area) is answered unchanged without writing; one that finds
 * it withdrawn, closed or merged otherwise is refused CASE_NOT_OPEN. Then
 * cases.h's function, the audit record (CASE_WITHDRAWN, CASE_CLOSED,
 * CASE_MERGED, CASE_TRANSFERRED), and for a transfer or a merge the
 * case's actions and address markers (actions_transfer, actions_merge). A
 * referral
 * withdrawn in error also has its deliveries retracted (withdraw_retract).
 * CaseUpdated is answered after COMMIT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "caldate.h"
#include "cases.h"
#include "gw.h"
#include "log.h"
#include "actions.h"
#include "mgw_err.h"
#include "store_retract.h"


enum case_op { OP_CLOSE = 1, OP_MERGE = 2, OP_TRANSFER = 3 };

struct case_job {
	struct job base;
	enum case_op op;
	char case_ref[MGW_CASE_REF_MAX + 1];   /* close/transfer: the case; merge: the duplicate */
	char into[MGW_CASE_REF_MAX + 1];       /* merge: the surviving case */
	char to_area[MGW_ID_MAX + 1];          /* transfer */
	char meeting[11];                      /* transfer: the receiving area's meeting */
	int reason;                            /* close */
};

/* ---- writer thread ---- */

static int answer(struct wctx *w, const struct job *jb, const char *case_ref,
		  const struct case_state *cs, uint64_t audit_seq, int unchanged, uint32_t retracted)
{
	Marac__V1__CaseUpdated cu = MARAC__V1__CASE_UPDATED__INIT;
	cu.case_ref = (char *)case_ref;
	cu.status = cs->status;
	cu.reason = cs->reason;
	cu.merged_into = (char *)cs->merged_into;
	cu.marac_area = (char *)cs->area;
	cu.from_area = (char *)cs->origin_area;
	cu.meeting_date = (char *)(cs->origin_area[0] ? cs->meeting_date : "");
	cu.audit_seq = audit_seq;
	cu.unchanged = unchanged;
	cu.retracted_deliveries = retracted;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_CASE_UPDATED;
	fr.case_updated = &cu;
	uint8_t *buf;
	size_t len;
	int rc = codec_pack(&fr.base, &buf, &len);
	if (rc != MGW_OK)
		return rc;
	clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
	return MGW_OK;
}

/*
 * A referral withdrawn in error was about the wrong person or sent by
 * mistake, and the attending agencies hold it: every delivery of what the
 * referring node sent about the case (the referral's notifications, its
 * shares under the case ref) is retracted as by RetractShare, one
 * SHARE_RETRACTED per message, reason wrong_case.
 */
static int withdraw_retract(struct wctx *w, const struct job *jb, const struct case_state *cs,
			    const char *case_ref, int64_t now, uint32_t *retracted)
{
	struct store_retracted *d = NULL;
	size_t n = 0;
	int rc = store_retract_purge_case(w->st, cs->referring_node, case_ref, now, &d, &n);
	for (size_t i = 0; rc == MGW_OK && i < n;) {
		size_t k = i + 1;
		while (k < n && strcmp(d[k].msg_id, d[i].msg_id) == 0)
			k++;
		rc = retract_wr_queue(w, jb, cs->referring_node, cs->referring_agency, d[i].msg_id,
				      MARAC__V1__RETRACT_REASON__RETRACT_REASON_WRONG_CASE, &d[i],
				      k - i, now, NULL);
		i = k;
	}
	*retracted = (uint32_t)n;
	free(d);
	return rc;
}

static int not_open(struct wctx *w, const struct job *jb, const char *case_ref)
{
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_CASE_NOT_OPEN,
			    .case_ref = case_ref};
	return refuse(w->g, NULL, w, jb, &r,
		      "case_ref: the case is withdrawn, closed or merged already");
}

/*
 * Does the node still serve area, under the writer's epoch? The service
 * thread checked the area it read; a transfer committed since (one sent
 * just before on the same connection, or by another chair) may have moved
 * the case to an area this node does not serve, and a reload may have
 * taken the area from it. Refused as on the service thread: UNKNOWN_CASE.
 */
static int still_served(struct wctx *w, const struct job *jb, const char *case_ref,
			const char *area, int *rc)
{
	const struct mgw_node *me = config_node_by_id(w->e->cfg, jb->node);
	if (me != NULL && config_node_in_area(me, area))
		return 1;
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE,
			    .case_ref = case_ref};
	*rc = refuse(w->g, NULL, w, jb, &r, "case_ref: no such case in an area this node serves");
	return 0;
}

/*
 * r-redteam6. Would every open action of the case still have an owner that
 * can report it in to_area (owner_attends)? An action owned by an agency
 * with no node there would stay open and overdue on the receiving area's
 * agenda, its notices going nowhere, and nobody there could close it. A
 * coordinator wants the open actions settled by the MARAC that set them
 * (reported by their owner; the receiving chair records new ones), not
 * silently handed to an agency that is not at the table, so the transfer is
 * refused INVALID_REQUEST owner_not_attending naming how many actions and
 * whose. 1: every owner attends; 0: refused (*rc set).
 */
static int owners_attend(struct wctx *w, const struct job *jb, const struct case_job *j, int *rc)
{
	unsigned count[MARAC__V1__AGENCY__AGENCY_EDUCATION + 1], n = 0;
	char who[256] = "";
	size_t len = 0;
	if ((*rc = actions_open_by_owner(store_db(w->st), j->case_ref, count,
					 sizeof count / sizeof count[0])) != MGW_OK)
		return 0;
	for (int ag = 1; ag < (int)(sizeof count / sizeof count[0]); ag++) {
		if (count[ag] == 0 || owner_attends(w->e, ag, j->to_area))
			continue;
		n += count[ag];
		int k = snprintf(who + len, sizeof who - len, "%s%s", len ? ", " : "",
				 config_agency_name(ag));
		if (k > 0 && (size_t)k < sizeof who - len)
			len += (size_t)k;
	}
	if (n == 0)
		return 1;
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
			    .reason = "owner_not_attending", .case_ref = j->case_ref,
			    .marac_area = j->to_area};
	*rc = refuse(w->g, NULL, w, jb, &r,
		     "to_area: %u open action%s of the case %s owned by agencies with no node "
		     "serving %s (%s): the owner agency reports them (done, not done, not "
		     "possible) first; the receiving chair records new ones",
		     n, n == 1 ? "" : "s", n == 1 ? "is" : "are", j->to_area, who);
	return 0;
}

static int case_wr_commit(struct job *jb, struct wctx *w)
{
	struct case_job *j = (struct case_job *)jb;
	sqlite3 *db = store_db(w->st);
	struct case_state cs, into;
	int rc = cases_state(db, j->case_ref, &cs);
	if (rc != MGW_OK)
		return rc; /* checked on the service thread: a case is never deleted */
	if (!still_served(w, jb, j->case_ref, cs.area, &rc))
		return rc;
	int64_t now = store_now_ms();
	struct audit_fields f = {
		.time_ms = now,
		.actor_node = jb->node,
		.actor_agency = jb->agency,
		.case_ref = j->case_ref,
		.marac_area = cs.area,
	};
	switch (j->op) {
	case OP_CLOSE:
		/* A merged duplicate may still be withdrawn in error (cases_end): else
		 * a referral about the wrong person, once merged, could never be
		 * taken back from the agencies it reached. */
		if (cs.status != MARAC__V1__CASE_STATUS__CASE_STATUS_OPEN &&
		    !(cs.status == MARAC__V1__CASE_STATUS__CASE_STATUS_MERGED &&
		      j->reason == MARAC__V1__CASE_END_REASON__CASE_END_REASON_WITHDRAWN_IN_ERROR))
			return cs.status != MARAC__V1__CASE_STATUS__CASE_STATUS_MERGED &&
					       cs.reason == j->reason
				       ? answer(w, jb, j->case_ref, &cs, 0, 1, 0)
				       : not_open(w, jb, j->case_ref);
		rc = cases_end(db, j->case_ref, j->reason, w->e->cfg->repeat_window_months, jb->node,
			       now);
		f.event = cases_reason_kind(j->reason) == 1
				  ? MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_WITHDRAWN
				  : MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_CLOSED;
		f.reason = cases_reason_name(j->reason);
		break;
	case OP_MERGE:
		if ((rc = cases_state(db, j->into, &into)) != MGW_OK)
			return rc;
		if (!still_served(w, jb, j->into, into.area, &rc))
			return rc;
		if (cs.status == MARAC__V1__CASE_STATUS__CASE_STATUS_MERGED &&
		    strcmp(cs.merged_into, j->into) == 0)
			return answer(w, jb, j->case_ref, &cs, 0, 1, 0);
		if (cs.status != MARAC__V1__CASE_STATUS__CASE_STATUS_OPEN)
			return not_open(w, jb, j->case_ref);
		if (into.status != MARAC__V1__CASE_STATUS__CASE_STATUS_OPEN)
			return not_open(w, jb, j->into);
		if (strcmp(cs.area, into.area) != 0) {
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
					    .reason = "merge_across_areas", .case_ref = j->case_ref};
			return refuse(w->g, NULL, w, jb, &r,
				      "into_case_ref: in another area: transfer the duplicate "
				      "first, then merge");
		}
		/* The caps of one case hold after the merge too, or a chair could grow
		 * one case's follow-up past them by merging. */
		const char *what = NULL;
		if ((rc = actions_merge_fits(db, j->case_ref, j->into, &what)) == MGW_E_TOO_LARGE) {
			int acts = strcmp(what, "actions") == 0;
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
					    .reason = acts ? "too_many_actions" : "too_many_markers",
					    .case_ref = j->case_ref};
			return refuse(w->g, NULL, w, jb, &r,
				      "into_case_ref: merged, the case would hold more than %u %s; "
				      "close or withdraw some first",
				      acts ? MGW_ACTIONS_OPEN_PER_CASE_MAX
					   : MGW_MARKERS_ACTIVE_PER_CASE_MAX,
				      acts ? "open actions" : "active address markers");
		}
		if (rc != MGW_OK)
			return rc;
		rc = cases_merge(db, j->case_ref, j->into, w->e->cfg->repeat_window_months,
				 jb->node, now);
		if (rc == MGW_OK)
			rc = actions_merge(db, j->case_ref, j->into);
		f.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_MERGED;
		f.to_case_ref = j->into;
		break;
	case OP_TRANSFER:
		if (cs.status == MARAC__V1__CASE_STATUS__CASE_STATUS_OPEN &&
		    strcmp(cs.area, j->to_area) == 0)
			return answer(w, jb, j->case_ref, &cs, 0, 1, 0);
		if (cs.status != MARAC__V1__CASE_STATUS__CASE_STATUS_OPEN)
			return not_open(w, jb, j->case_ref);
		if (!owners_attend(w, jb, j, &rc))
			return rc;
		rc = cases_transfer(db, j->case_ref, j->to_area, j->meeting, jb->node, now);
		if (rc == MGW_OK)
			rc = actions_transfer(db, j->case_ref, j->to_area);
		f.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CASE_TRANSFERRED;
		f.to_area = j->to_area;
		f.meeting_date = j->meeting;
		break;
	}
	if (rc != MGW_OK)
		return rc;
	uint64_t audit_seq = 0;
	if ((rc = audit_emit(w->g, w, &f, &audit_seq)) != MGW_OK)
		return rc;
	uint32_t retracted = 0;
	if (j->op == OP_CLOSE &&
	    j->reason == MARAC__V1__CASE_END_REASON__CASE_END_REASON_WITHDRAWN_IN_ERROR &&
	    (rc = withdraw_retract(w, jb, &cs, j->case_ref, now, &retracted)) != MGW_OK)
		return rc;
	if ((rc = cases_state(db, j->case_ref, &cs)) != MGW_OK)
		return rc;
	log_event(LOG_INFO, "case_updated", "node", jb->node, "case_ref", j->case_ref, "op",
		  j->op == OP_CLOSE ? "close" : j->op == OP_MERGE ? "merge" : "transfer", NULL);
	return answer(w, jb, j->case_ref, &cs, audit_seq, 0, retracted);
}

static void case_wr_failed(struct job *jb, struct wctx *w)
{
	answer_not_stored(w, jb, NULL);
}

static const struct job_ops case_ops = {
	.name = "case",
	.wr_commit = case_wr_commit,
	.wr_failed = case_wr_failed,
};

/* ---- service thread ---- */

/*
 * The area of case_ref into area if me serves it; else refused (UNKNOWN_CASE
 * for a case that is not in one of its areas, named by field). 0 or -1.
 */
static int served_case(struct gw *g, struct session *s, const struct mgw_node *me,
		       const char *field, const char *case_ref, struct case_state *cs)
{
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
			    .case_ref = case_ref};
	if (!gw_case_ref_ok(case_ref) || strlen(case_ref) >= CASES_REF_MAX) {
		r.reason = "invalid_case_ref";
		refuse(g, s, NULL, NULL, &r, "%s: required, a case reference (TS-2026-0001)", field);
		return -1;
	}
	int rc = cases_state(store_db(g->reader), case_ref, cs);
	if (rc == MGW_E_NOTFOUND || (rc == MGW_OK && !config_node_in_area(me, cs->area))) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE;
		refuse(g, s, NULL, NULL, &r, "%s: no such case in an area this node serves", field);
		return -1;
	}
	if (rc != MGW_OK) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL;
		refuse(g, s, NULL, NULL, &r, "cannot read the case");
		return -1;
	}
	return 0;
}

void case_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const struct mgw_config *c = g->epoch->cfg;
	const struct mgw_node *me = config_node_by_id(c, s->node);
	struct case_job *j = calloc(1, sizeof *j);
	struct case_state cs, into;
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED};
	if (j == NULL)
		goto drop;
	if (me == NULL) {
		refuse(g, s, NULL, NULL, &r, "certificate is not in the node registry");
		goto drop;
	}
	int chair = (me->roles & MGW_ROLE_CHAIR) != 0;
	switch (f->body_case) {
	case MARAC__V1__FRAME__BODY_CLOSE_CASE: {
		const Marac__V1__CloseCase *cc = f->close_case;
		j->op = OP_CLOSE;
		/* Neither chair nor node (a lookup or auditor certificate) may close
		 * any case: refused before the case is read, or UNKNOWN_CASE against
		 * NOT_AUTHORISED would tell it which case refs exist. */
		if (!chair && !(me->roles & MGW_ROLE_NODE)) {
			r.case_ref = cc->case_ref;
			refuse(g, s, NULL, NULL, &r, "withdrawing or closing a case is for the "
			       "referring agency's nodes and the area's chair");
			goto drop;
		}
		if (served_case(g, s, me, "case_ref", cc->case_ref, &cs) != 0)
			goto drop;
		r.case_ref = cc->case_ref;
		if (!chair && !((me->roles & MGW_ROLE_NODE) && me->agency == cs.referring_agency)) {
			refuse(g, s, NULL, NULL, &r,
			       "only the referring agency's nodes or the area's chair may "
			       "withdraw or close a case");
			goto drop;
		}
		if (cases_reason_kind(cc->reason) == 0) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
			r.reason = "invalid_reason";
			refuse(g, s, NULL, NULL, &r, "reason: required, a CaseEndReason");
			goto drop;
		}
		snprintf(j->case_ref, sizeof j->case_ref, "%s", cc->case_ref);
		j->reason = cc->reason;
		break;
	}
	case MARAC__V1__FRAME__BODY_MERGE_CASE: {
		const Marac__V1__MergeCase *mc = f->merge_case;
		j->op = OP_MERGE;
		if (!chair) {
			refuse(g, s, NULL, NULL, &r, "merging cases is for the area's chair");
			goto drop;
		}
		if (served_case(g, s, me, "duplicate_case_ref", mc->duplicate_case_ref, &cs) != 0 ||
		    served_case(g, s, me, "into_case_ref", mc->into_case_ref, &into) != 0)
			goto drop;
		if (strcmp(mc->duplicate_case_ref, mc->into_case_ref) == 0) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
			r.reason = "merge_into_itself";
			refuse(g, s, NULL, NULL, &r, "into_case_ref: the same case as the duplicate");
			goto drop;
		}
		snprintf(j->case_ref, sizeof j->case_ref, "%s", mc->duplicate_case_ref);
		snprintf(j->into, sizeof j->into, "%s", mc->into_case_ref);
		break;
	}
	case MARAC__V1__FRAME__BODY_TRANSFER_CASE: {
		const Marac__V1__TransferCase *tc = f->transfer_case;
		j->op = OP_TRANSFER;
		if (!chair) {
			refuse(g, s, NULL, NULL, &r, "transferring a case is for the sending area's chair");
			goto drop;
		}
		if (served_case(g, s, me, "case_ref", tc->case_ref, &cs) != 0)
			goto drop;
		const struct mgw_area *to = config_area(c, tc->to_area);
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
		r.case_ref = tc->case_ref;
		if (to == NULL) {
			r.reason = "unknown_area";
			refuse(g, s, NULL, NULL, &r, "to_area: not a MARAC area of this gateway");
			goto drop;
		}
		char today[11];
		caldate_format(mgw_today(), today);
		struct meeting_schedule ms = agenda_schedule_of(to, to->min_days);
		if (meeting_next(&ms, today, j->meeting) != MGW_OK) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL;
			refuse(g, s, NULL, NULL, &r, "the receiving area's schedule gives no meeting");
			goto drop;
		}
		snprintf(j->case_ref, sizeof j->case_ref, "%s", tc->case_ref);
		snprintf(j->to_area, sizeof j->to_area, "%s", to->id);
		break;
	}
	default:
		goto drop;
	}
	session_job_init(g, s, &j->base, &case_ops);
	session_submit(g, s, &j->base, NULL);
	j = NULL;
drop:
	free(j);
	codec_free(&f->base);
}

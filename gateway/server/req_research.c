/*
 * req_research.c: ResearchStatus, an agency marking its research on a case.
 *
 * Service thread (research_svc_on): role "node"; case_ref by its grammar;
 * the case must be in an area the node serves, else UNKNOWN_CASE, which
 * does not reveal whether the case exists elsewhere (one indexed read).
 *
 * Writer thread (research_wr_commit): the case's area read again (a
 * transfer committed since the service thread's check, say one a chair sent
 * just before, may have moved it to an area this node does not serve:
 * UNKNOWN_CASE, as if asked after the move; a duplicate merged meanwhile is
 * CASE_NOT_OPEN naming the surviving case), the research flag, the
 * RESEARCH_MARKED record, then ResearchRecorded, answered after COMMIT.
 */
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "gw.h"
#include "log.h"
#include "mgw_err.h"

struct research_job {
	struct job base;
	char case_ref[MGW_CASE_REF_MAX + 1];
	char area[MGW_ID_MAX + 1];
	int done;
};

/* ---- writer thread ---- */

static int research_wr_commit(struct job *jb, struct wctx *w)
{
	struct research_job *j = (struct research_job *)jb;
	int64_t now = store_now_ms();
	const struct mgw_node *me = config_node_by_id(w->e->cfg, jb->node);
	struct case_state cs;
	int rc = cases_state(store_db(w->st), j->case_ref, &cs);
	if (rc != MGW_OK)
		return rc; /* read on the service thread: a case is never deleted */
	snprintf(j->area, sizeof j->area, "%s", cs.area);
	if (me == NULL || !config_node_in_area(me, j->area)) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE,
				    .case_ref = j->case_ref};
		return refuse(w->g, NULL, w, jb, &r,
			      "case_ref: no such case in an area this node serves");
	}
	if (cs.status == MARAC__V1__CASE_STATUS__CASE_STATUS_MERGED) {
		/* its research moved to the surviving case at the merge; one marked
		 * here now would be on no agenda */
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_CASE_NOT_OPEN,
				    .case_ref = j->case_ref, .reason = "case_not_open"};
		return refuse(w->g, NULL, w, jb, &r,
			      "case_ref: merged into %s: mark the research there", cs.merged_into);
	}
	rc = cases_research_set(store_db(w->st), j->case_ref, jb->agency, j->done, now);
	if (rc != MGW_OK)
		return rc;
	struct audit_fields f = {
		.time_ms = now,
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RESEARCH_MARKED,
		.actor_node = jb->node,
		.actor_agency = jb->agency,
		.case_ref = j->case_ref,
		.reason = j->done ? "done" : "not_done",
		.marac_area = j->area,
	};
	if ((rc = audit_emit(w->g, w, &f, NULL)) != MGW_OK)
		return rc;
	Marac__V1__ResearchRecorded rr = MARAC__V1__RESEARCH_RECORDED__INIT;
	rr.case_ref = j->case_ref;
	rr.agency = jb->agency;
	rr.done = j->done;
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_RESEARCH_RECORDED;
	fr.research_recorded = &rr;
	uint8_t *buf;
	size_t len;
	if ((rc = codec_pack(&fr.base, &buf, &len)) != MGW_OK)
		return rc;
	clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
	return MGW_OK;
}

static void research_wr_failed(struct job *jb, struct wctx *w)
{
	answer_not_stored(w, jb, NULL);
}

static const struct job_ops research_ops = {
	.name = "research",
	.wr_commit = research_wr_commit,
	.wr_failed = research_wr_failed,
};

/* ---- service thread ---- */

void research_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const Marac__V1__ResearchStatus *rs = f->research_status;
	const struct mgw_node *me = config_node_by_id(g->epoch->cfg, s->node);
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
			    .case_ref = rs->case_ref};
	char area[MGW_ID_MAX + 1];
	if (me == NULL || !(me->roles & MGW_ROLE_NODE)) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
		refuse(g, s, NULL, NULL, &r, "certificate has no node role");
		goto out;
	}
	if (!gw_case_ref_ok(rs->case_ref) || strlen(rs->case_ref) >= CASES_REF_MAX) {
		r.reason = "invalid_case_ref";
		refuse(g, s, NULL, NULL, &r, "case_ref: required, a case reference (TS-2026-0001)");
		goto out;
	}
	int rc = cases_area(store_db(g->reader), rs->case_ref, area, sizeof area);
	if (rc == MGW_E_NOTFOUND || (rc == MGW_OK && !config_node_in_area(me, area))) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE;
		refuse(g, s, NULL, NULL, &r, "case_ref: no such case in an area this node serves");
		goto out;
	}
	if (rc != MGW_OK) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL;
		refuse(g, s, NULL, NULL, &r, "cannot read the case");
		goto out;
	}
	struct research_job *j = calloc(1, sizeof *j);
	if (j == NULL)
		goto out;
	session_job_init(g, s, &j->base, &research_ops);
	snprintf(j->case_ref, sizeof j->case_ref, "%s", rs->case_ref);
	snprintf(j->area, sizeof j->area, "%s", area);
	j->done = rs->done;
	session_submit(g, s, &j->base, NULL);
out:
	codec_free(&f->base);
}

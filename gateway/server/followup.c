/*
 * followup.c: the countdowns after the meeting. Writer thread only.
 *
 * followup_wr_idle (the executor's idle pass) queues one sweep job at most
 * every MGW_FOLLOWUP_SWEEP_SECS (every second while the test clock is on,
 * and at once when it moved), pinned to the newest epoch a batch saw. The
 * sweep (sweep_wr_commit) runs as a job like any other, inside the batch
 * transaction, and for each item that owes a notice today (clock.h):
 *   - an OPEN action on its due date and every action_notice_every_days
 *     after (the area's own, else followup.action_notice_every_days):
 *     NOTICE_KIND_ACTION_DUE / _OVERDUE to the owner agency's nodes of the
 *     area and the area's chair nodes (audited ACTION_NOTICE);
 *   - an ACTIVE marker followup.marker_notice_days before its review:
 *     MARKER_REVIEW_DUE to the officer in charge (every police node of the
 *     area when none is named) (MARKER_NOTICE);
 *   - a marker not reviewed followup.marker_escalate_days after its review
 *     due: MARKER_ESCALATED to the area's escalation_node (the area's chair
 *     nodes when none is configured, logged) (MARKER_ESCALATED).
 * A notice is a durable delivery: a Deliver carrying Notice, queued in the
 * recipient's outbox with its DELIVERY_COMMITTED record bound by
 * outbox_guard, sent after COMMIT, again on reconnect until acked. The item
 * is marked noticed in the same transaction, so a notice is neither lost
 * nor sent twice by a crash. A pass handles at most MGW_FOLLOWUP_SWEEP_MAX
 * items; when it hit the cap the next pass follows at once.
 *
 * followup_wr_agenda fills the agenda's actions and markers (req_agenda.c).
 */
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "actions.h"
#include "caldate.h"
#include "clock.h"
#include "gw.h"
#include "log.h"
#include "markers.h"
#include "mgw_err.h"

struct sweep_job {
	struct job base;
};

/* Writer thread only. */
static int64_t last_sweep_ms;
static int64_t last_clock_log_ms;
static int sweep_again;     /* the last pass hit MGW_FOLLOWUP_SWEEP_MAX */
static int sweep_queued;    /* a sweep job is in the queue */

/*
 * Queue one notice for node n: the Deliver in its outbox, DELIVERY_COMMITTED
 * (bound by outbox_guard), then the notice's own record.
 */
static int notice_deliver(struct wctx *w, const struct mgw_node *n, Marac__V1__Notice *nt,
			  int event, const char *reason)
{
	uint8_t rnd[16];
	char did[33], msg_id[96];
	if (RAND_bytes(rnd, sizeof rnd) != 1)
		return MGW_E_IO; /* no randomness */
	gw_hex(rnd, sizeof rnd, did);
	snprintf(msg_id, sizeof msg_id, "notice/%s/%s/%s", nt->item_id, reason, nt->today);
	int64_t now = store_now_ms();
	/* The stored body leaves seq and delivery_id to the transport, which
	 * puts them first (session.c), as for a share's body: set here too, the
	 * id went out twice and the frame was no canonical encoding. */
	Marac__V1__Deliver d = MARAC__V1__DELIVER__INIT;
	d.msg_id = msg_id;
	d.from_node = "";
	d.accepted_at_ms = now;
	d.notice = nt;
	uint8_t *buf;
	size_t len;
	int rc = codec_pack(&d.base, &buf, &len);
	if (rc != MGW_OK)
		return rc;
	uint64_t seq, audit_seq = 0;
	uint8_t body_sha256[32];
	rc = store_delivery_insert_digest(w->st, did, n->id, n->agency, buf, len, body_sha256, &seq);
	free(buf);
	if (rc != MGW_OK)
		return rc;
	struct audit_fields f = {
		.time_ms = now,
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_DELIVERY_COMMITTED,
		.recipient_node = n->id,
		.recipient_agency = n->agency,
		.case_ref = nt->case_ref,
		.msg_id = msg_id,
		.delivery_id = did,
		.body_sha256 = body_sha256,
		.reason = reason,
		.item_id = nt->item_id,
		.due_date = nt->due_date,
		.marac_area = nt->marac_area,
	};
	if ((rc = audit_emit(w->g, w, &f, &audit_seq)) != MGW_OK)
		return rc;
	if ((rc = outbox_guard_wr_bind(w, n->id, seq, audit_seq, msg_id, nt->case_ref)) != MGW_OK)
		return rc;
	f.event = event;
	f.body_sha256 = NULL;
	if ((rc = audit_emit(w->g, w, &f, NULL)) != MGW_OK)
		return rc;
	clist_append(w->answers, completion_notify(n->id));
	log_event(LOG_INFO, "notice_queued", "node", n->id, "item", nt->item_id, "kind", reason,
		  NULL);
	return MGW_OK;
}

/*
 * Nodes of area with role (and agency, 0 = any) each get nt; *sent counts
 * them. skip_owner: not the nodes (role node) of agency skip_owner, who were
 * told already (a node that is both chair and owner gets one notice).
 */
/*
 * Can n ever fetch a notice? 1, 0, or MGW_E_DB. A node whose registered
 * certificate has expired or is revoked cannot connect (a revoked one must
 * not), so a notice queued for it would wait in its outbox for good, one
 * more for every open action of its agency every week: skipped, as shares
 * and referrals skip it (share_svc_drop_invalid). s11-daemon: so is a node
 * that has not collected limits.max_outbox_per_node deliveries (logged
 * outbox_full, as share_wr_outbox_room does): the cap bounds an absent
 * node's outbox, and notices grew it past the cap without end, each open
 * action's every week.
 */
static int can_collect(const struct wctx *w, const struct mgw_node *n)
{
	int st = config_node_cert_state(n, w->e->crl, (long long)time(NULL));
	if (st == NODE_CERT_EXPIRED || st == NODE_CERT_REVOKED) {
		log_event(LOG_WARN, "recipient_cert_invalid", "node", n->id, "for", "notice",
			  "reason", st == NODE_CERT_REVOKED ? "revoked" : "expired", NULL);
		return 0;
	}
	unsigned cap = w->e->cfg->max_outbox_per_node ? w->e->cfg->max_outbox_per_node
						       : MGW_OUTBOX_NODE_DEFAULT;
	uint64_t span = 0;
	if (store_outbox_span(w->st, n->id, &span) != MGW_OK)
		return MGW_E_DB;
	if (span < cap)
		return 1;
	char u[24];
	snprintf(u, sizeof u, "%llu", (unsigned long long)span);
	log_event(LOG_WARN, "outbox_full", "node", n->id, "undelivered", u, "for", "notice", NULL);
	return 0;
}

static int notice_to(struct wctx *w, const char *area, unsigned role, int agency,
		     int skip_owner, Marac__V1__Notice *nt, int event, const char *reason,
		     unsigned *sent)
{
	const struct mgw_config *c = w->e->cfg;
	for (size_t k = 0; k < c->n_nodes; k++) {
		const struct mgw_node *n = &c->nodes[k];
		if (!(n->roles & role) || (agency && n->agency != agency) ||
		    !config_node_in_area(n, area))
			continue;
		if (skip_owner && n->agency == skip_owner && (n->roles & MGW_ROLE_NODE))
			continue;
		int ok = can_collect(w, n);
		if (ok < 0)
			return ok;
		if (!ok)
			continue;
		int rc = notice_deliver(w, n, nt, event, reason);
		if (rc != MGW_OK)
			return rc;
		(*sent)++;
	}
	return MGW_OK;
}

static int sweep_actions(struct wctx *w, int32_t today, const char *today_s, size_t *n)
{
	const struct mgw_config *c = w->e->cfg;
	struct action_due due[MGW_FOLLOWUP_SWEEP_MAX];
	/* the areas with their own interval (an area block's action_notice_every_days) */
	struct action_every every[ACTIONS_EVERY_AREAS_MAX];
	size_t n_every = 0;
	for (size_t i = 0; i < c->n_areas; i++) {
		if (!c->areas[i].action_notice_every_days)
			continue;
		if (n_every == ACTIONS_EVERY_AREAS_MAX) {
			/* beyond any real gateway's areas: those left use the global interval */
			log_event(LOG_WARN, "too_many_area_notice_intervals", NULL);
			break;
		}
		every[n_every].area = c->areas[i].id;
		every[n_every++].days = c->areas[i].action_notice_every_days;
	}
	int rc = actions_due_areas(store_db(w->st), today, c->action_notice_every_days, every,
				   n_every, due, MGW_FOLLOWUP_SWEEP_MAX, n);
	for (size_t i = 0; rc == MGW_OK && i < *n; i++) {
		struct action_due *d = &due[i];
		Marac__V1__Notice nt = MARAC__V1__NOTICE__INIT;
		nt.kind = d->days_overdue > 0 ? MARAC__V1__NOTICE_KIND__NOTICE_KIND_ACTION_OVERDUE
					      : MARAC__V1__NOTICE_KIND__NOTICE_KIND_ACTION_DUE;
		nt.case_ref = d->case_ref;
		nt.marac_area = d->area;
		nt.item_id = d->id;
		nt.due_date = d->due_date;
		nt.days_overdue = d->days_overdue;
		nt.owner = d->owner;
		nt.today = (char *)today_s;
		const char *reason = d->days_overdue > 0 ? "action_overdue" : "action_due";
		unsigned sent = 0;
		int ev = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_ACTION_NOTICE;
		rc = notice_to(w, d->area, MGW_ROLE_NODE, d->owner, 0, &nt, ev, reason, &sent);
		if (rc == MGW_OK)
			rc = notice_to(w, d->area, MGW_ROLE_CHAIR, 0, d->owner, &nt, ev, reason,
				       &sent);
		if (rc == MGW_OK)
			rc = actions_noticed(store_db(w->st), d->id, today);
	}
	return rc;
}

/* One stage of d's notice: to the OIC (police nodes when none), or escalated. */
static int marker_notice(struct wctx *w, const struct marker_due *d, int esc,
			 const char *today_s)
{
	const struct mgw_config *c = w->e->cfg;
	Marac__V1__Notice nt = MARAC__V1__NOTICE__INIT;
	nt.kind = esc ? MARAC__V1__NOTICE_KIND__NOTICE_KIND_MARKER_ESCALATED
		      : MARAC__V1__NOTICE_KIND__NOTICE_KIND_MARKER_REVIEW_DUE;
	nt.case_ref = (char *)d->case_ref;
	nt.marac_area = (char *)d->area;
	nt.item_id = (char *)d->id;
	nt.due_date = (char *)d->review_due;
	nt.days_overdue = d->days_overdue;
	nt.owner = MARAC__V1__AGENCY__AGENCY_POLICE;
	nt.today = (char *)today_s;
	int ev = esc ? MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_ESCALATED
		     : MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_MARKER_NOTICE;
	const char *reason = esc ? "marker_escalated" : "marker_review_due";
	const struct mgw_area *a = config_area(c, d->area);
	const char *to = esc ? (a ? a->escalation_node : NULL) : d->oic_node;
	const struct mgw_node *tn = to && *to ? config_node_by_id(c, to) : NULL;
	unsigned sent = 0;
	int rc;
	int ok = tn && config_node_in_area(tn, d->area) ? can_collect(w, tn) : 0;
	if (ok < 0)
		return ok;
	if (ok) {
		rc = notice_deliver(w, tn, &nt, ev, reason);
		sent = rc == MGW_OK;
	} else if (esc) {
		/* No escalation node for the area: its chairs, so it is not lost. */
		log_event(LOG_WARN, "no_escalation_node", "area", d->area, "item", d->id, NULL);
		rc = notice_to(w, d->area, MGW_ROLE_CHAIR, 0, 0, &nt, ev, reason, &sent);
	} else {
		rc = notice_to(w, d->area, MGW_ROLE_NODE, MARAC__V1__AGENCY__AGENCY_POLICE, 0, &nt,
			       ev, reason, &sent);
	}
	if (rc == MGW_OK && sent == 0)
		log_event(LOG_ERROR, "notice_no_recipient", "area", d->area, "item", d->id, NULL);
	return rc;
}

static int sweep_markers(struct wctx *w, int32_t today, const char *today_s, size_t *n)
{
	const struct mgw_config *c = w->e->cfg;
	struct marker_due due[MGW_FOLLOWUP_SWEEP_MAX];
	int rc = markers_due(store_db(w->st), today, c->marker_notice_days, c->marker_escalate_days,
			     due, MGW_FOLLOWUP_SWEEP_MAX, n);
	for (size_t i = 0; rc == MGW_OK && i < *n; i++) {
		const struct marker_due *d = &due[i];
		int esc = d->stage == MARKER_NOTICE_ESCALATE;
		/* Both stages due at once (the gateway was down through the first):
		 * the officer in charge still hears of it, before the escalation. */
		if (esc && !d->first_sent)
			rc = marker_notice(w, d, 0, today_s);
		if (rc == MGW_OK)
			rc = marker_notice(w, d, esc, today_s);
		if (rc == MGW_OK)
			rc = markers_noticed(store_db(w->st), d->id, d->stage, d->review_due);
	}
	return rc;
}

static int sweep_wr_commit(struct job *jb, struct wctx *w)
{
	(void)jb;
	int32_t today = mgw_today();
	char today_s[11];
	caldate_format(today, today_s);
	size_t na = 0, nm = 0;
	int rc = sweep_actions(w, today, today_s, &na);
	if (rc == MGW_OK)
		rc = sweep_markers(w, today, today_s, &nm);
	sweep_again = rc == MGW_OK && (na == MGW_FOLLOWUP_SWEEP_MAX || nm == MGW_FOLLOWUP_SWEEP_MAX);
	return rc;
}

static void sweep_wr_failed(struct job *jb, struct wctx *w)
{
	(void)jb;
	(void)w;
	log_event(LOG_ERROR, "followup_sweep_failed", NULL);
}

static void sweep_free(struct job *jb)
{
	(void)jb;
	sweep_queued = 0; /* job_free runs on the writer thread after its batch */
}

static const struct job_ops sweep_ops = {
	.name = "followup_sweep",
	.wr_commit = sweep_wr_commit,
	.wr_failed = sweep_wr_failed,
	.free = sweep_free,
};

void followup_wr_idle(struct gw *g)
{
	struct executor *ex = &g->ex;
	if (ex->cur == NULL || sweep_queued)
		return;
	int64_t now = store_now_ms();
	int moved = mgw_clock_refresh(g->state_dir) == 1;
	int64_t every = mgw_clock_test() ? 1000 : (int64_t)MGW_FOLLOWUP_SWEEP_SECS * 1000;
	if (mgw_clock_test() && now - last_clock_log_ms >= 3600 * 1000) {
		char d[16];
		snprintf(d, sizeof d, "%d", (int)mgw_clock_offset_days());
		log_event(LOG_WARN, "test_clock_on", "offset_days", d, NULL);
		last_clock_log_ms = now;
	}
	if (!moved && !sweep_again && now - last_sweep_ms < every)
		return;
	struct sweep_job *j = calloc(1, sizeof *j);
	if (j == NULL)
		return;
	j->base.ops = &sweep_ops;
	j->base.epoch = epoch_get(ex->cur);
	last_sweep_ms = now;
	sweep_again = 0;
	sweep_queued = 1;
	if (executor_submit(g, &j->base, 1) == MGW_E_TOO_LARGE) {
		sweep_queued = 0;
		job_free(&j->base);
	}
}

int followup_wr_agenda(struct wctx *w, const char *area, const char *meeting,
		       Marac__V1__Agenda *ag)
{
	int rc = actions_agenda(store_db(w->st), area, meeting, ag);
	if (rc == MGW_OK)
		rc = markers_agenda(store_db(w->st), area, meeting, w->e->cfg->marker_notice_days, ag);
	return rc;
}

/*
 * referral.c: referrals, research status and the chair's agenda.
 *
 * Refer (service thread, referral_on_refer): the node role and an area it
 * serves; DASH scoring and route checks (dash.h) with the field named in
 * the error; the area from marac_area or the victim's postcode; the next
 * meeting of the area (from the later of the referral date and today, plus
 * the area's research days); the repeat-matching blind indexes (match.h)
 * under the configured key; the recipients: every node of every agency
 * attending the area, except the referrer. Everything that depends on the
 * configuration is decided here and carried by the job, so a SIGHUP reload
 * while the job waits cannot change it halfway.
 *
 * Refer (writer thread, referral_commit), inside the job's savepoint:
 * msg_id dedupe; repeat query in the window; the next case reference of the
 * area; the blind indexes and the case row; the REFERRAL_ACCEPTED audit
 * record; the referral as a CaseSummary shared for PURPOSE_REFERRAL to the
 * recipients, redacted per recipient agency like any share (share_deliver:
 * outbox rows and DELIVERY_COMMITTED records); the ReferralAccepted stored
 * for dedupe and answered after COMMIT.
 *
 * Agenda (service thread): chair role and one of the chair's areas; built
 * from the read-only store handle; every pull audited (AGENDA_PULLED).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agenda.h"
#include "caldate.h"
#include "cases.h"
#include "dash.h"
#include "gw.h"
#include "log.h"
#include "match.h"
#include "mgw_err.h"

/* Referral jobs carry their decided state here (job->ext). */
struct refer_ext {
	struct match_keys keys;
	char code[9];           /* case reference prefix of the area */
	char meeting[11];       /* meeting assigned */
	unsigned window_months; /* repeat window */
	int route;
};

void referral_ext_free(void *p);

static int32_t today_days(void)
{
	return (int32_t)(time(NULL) / 86400);
}

static struct meeting_schedule schedule_of(const struct mgw_area *a, unsigned min_days)
{
	struct meeting_schedule ms = {.freq = (enum meeting_freq)a->frequency,
				      .weekday = a->weekday,
				      .anchor_date = a->anchor_date,
				      .min_days = min_days,
				      .skip = (const char *const *)a->skip,
				      .n_skip = a->n_skip};
	return ms;
}

static void refuse_referral(struct session *s, const char *msg_id, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void refuse_referral(struct session *s, const char *msg_id, const char *fmt, ...)
{
	char msg[320];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REFERRAL, msg, msg_id,
		       "invalid_referral");
}

static const struct mgw_area *decide_area(struct gw *g, struct session *s, const char *msg_id,
					  const Marac__V1__Referral *r)
{
	const struct mgw_area *a;
	if (r->marac_area && r->marac_area[0]) {
		if ((a = config_area(g->cfg, r->marac_area)) == NULL)
			refuse_referral(s, msg_id, "marac_area: no MARAC area \"%.64s\" takes "
						   "referrals at this gateway", r->marac_area);
		return a;
	}
	const char *pc = r->victim && r->victim->address ? r->victim->address->postcode : NULL;
	if ((a = config_area_for_postcode(g->cfg, pc)) == NULL)
		refuse_referral(s, msg_id, "marac_area: not given, and the victim's postcode is in "
					   "no MARAC area of this gateway");
	return a;
}

void referral_on_refer(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	Marac__V1__Refer *rf = f->refer;
	const char *msg_id = rf->msg_id;
	const struct mgw_node *me = config_node_by_id(g->cfg, s->node);
	struct job *j = NULL;
	struct refer_ext *x = NULL;
	if (session_in_flight_full(g, s, msg_id))
		goto drop;
	if (me == NULL || !(me->roles & MGW_ROLE_NODE)) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
				    "certificate has no node role", msg_id);
		goto drop;
	}
	if (!share_msg_id_ok(msg_id)) {
		refuse_referral(s, msg_id, "msg_id: 1-128 printable ASCII characters, no spaces");
		goto drop;
	}
	if (g->cfg->n_areas == 0 || g->cfg->match_key == NULL) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
				    "this gateway takes no referrals (no referrals: section)", msg_id);
		goto drop;
	}
	if (rf->lawful_basis == MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_UNSPECIFIED ||
	    protobuf_c_enum_descriptor_get_value(&marac__v1__lawful_basis__descriptor,
						 rf->lawful_basis) == NULL) {
		refuse_referral(s, msg_id, "lawful_basis: required");
		goto drop;
	}
	const Marac__V1__Referral *r = rf->referral;
	if (r == NULL) {
		refuse_referral(s, msg_id, "referral: required");
		goto drop;
	}
	struct dash_config dc;
	dash_config_defaults(&dc);
	struct referral_check chk;
	char field[64], why[192];
	if (referral_validate(&dc, r, &chk, field, sizeof field, why, sizeof why) != MGW_OK) {
		refuse_referral(s, msg_id, "%s: %s", field, why);
		goto drop;
	}
	if (chk.referral_day > today_days() + 1) {
		refuse_referral(s, msg_id, "referral_date: is in the future");
		goto drop;
	}
	const struct mgw_area *area = decide_area(g, s, msg_id, r);
	if (area == NULL)
		goto drop;
	if (!config_node_in_area(me, area->id)) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
				    "marac_area: this node does not serve the case's area", msg_id);
		goto drop;
	}
	j = calloc(1, sizeof *j);
	x = calloc(1, sizeof *x);
	if (j == NULL || x == NULL) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_OVERLOADED,
				    "out of memory; retry with the same msg_id", msg_id);
		goto drop;
	}
	/* The meeting: from the later of the referral date and today. */
	int32_t from = chk.referral_day > today_days() ? chk.referral_day : today_days();
	char from_s[11];
	caldate_format(from, from_s);
	struct meeting_schedule ms = schedule_of(area, area->min_days);
	if (meeting_next(&ms, from_s, x->meeting) != MGW_OK) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL,
				    "the area's meeting schedule gives no meeting", msg_id);
		goto drop;
	}
	int rc = match_keys(r->victim, (const Marac__V1__Person *const *)r->perpetrators,
			    r->n_perpetrators, g->cfg->match_key, g->cfg->match_key_len, &x->keys);
	if (rc != MGW_OK) {
		refuse_referral(s, msg_id, "%s",
				rc == MGW_E_TOO_LARGE ? "victim: too many identifiers to match on"
						      : "perpetrators: too many perpetrators");
		goto drop;
	}
	snprintf(x->code, sizeof x->code, "%s", area->code);
	x->window_months = g->cfg->repeat_window_months;
	x->route = r->route;
	Marac__V1__Error e = MARAC__V1__ERROR__INIT;
	char eb[256];
	for (int ag = 1; ag <= MARAC__V1__AGENCY__AGENCY_EDUCATION; ag++)
		if (share_route_agency(g, j, s->node, area->id, ag, &e, eb, sizeof eb) < 0) {
			session_refuse_code(s, e.code, eb, msg_id);
			goto drop;
		}
	if (codec_digest(&rf->base, j->digest) != MGW_OK) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL,
				    "cannot digest the referral", msg_id);
		goto drop;
	}
	j->kind = JOB_REFER;
	j->conn_id = s->conn_id;
	snprintf(j->node, sizeof j->node, "%s", s->node);
	j->agency = s->agency;
	snprintf(j->area, sizeof j->area, "%s", area->id);
	j->score = chk.score;
	j->level = chk.level;
	j->frame = f;
	j->policy = policy_ref_get(g);
	j->ext = x;
	j->ext_free = referral_ext_free;
	session_submit_request(g, s, j);
	return;
drop:
	if (x) {
		match_keys_free(&x->keys);
		free(x);
	}
	free(j);
	codec_free(&f->base);
}

void referral_ext_free(void *p)
{
	struct refer_ext *x = p;
	if (x == NULL)
		return;
	match_keys_free(&x->keys);
	free(x);
}

/*
 * The referral as the CaseSummary the attending agencies receive (before
 * redaction). Borrows the referral's strings and people; what it allocates
 * is listed in struct summary_mem and freed by summary_mem_free.
 */
struct summary_mem {
	Marac__V1__Person *people;    /* role-stamped copies of contacts and referrer */
	Marac__V1__Person **others;
	Marac__V1__Incident *inc;
	Marac__V1__Incident **incp;
	char *narrative;
};

static void summary_mem_free(struct summary_mem *m)
{
	free(m->people);
	free(m->others);
	free(m->inc);
	free(m->incp);
	free(m->narrative);
}

static int referral_summary(const Marac__V1__Referral *r, const char *case_ref, const char *area,
			    Marac__V1__Risk *risk, Marac__V1__CaseSummary *cs,
			    struct summary_mem *m)
{
	memset(m, 0, sizeof *m);
	size_t n_people = r->n_safe_contacts + r->n_unsafe_contacts + 1;
	m->people = calloc(n_people, sizeof *m->people);
	m->others = calloc(n_people, sizeof *m->others);
	m->inc = calloc(r->n_incident_dates + 1, sizeof *m->inc);
	m->incp = calloc(r->n_incident_dates + 1, sizeof *m->incp);
	if (!m->people || !m->others || !m->inc || !m->incp)
		return MGW_E_NOMEM;
	size_t k = 0;
	for (size_t i = 0; i < r->n_safe_contacts; i++) {
		m->people[k] = *r->safe_contacts[i];
		m->people[k].role = MARAC__V1__PERSON_ROLE__PERSON_ROLE_SAFE_CONTACT;
		m->others[k] = &m->people[k];
		k++;
	}
	for (size_t i = 0; i < r->n_unsafe_contacts; i++) {
		m->people[k] = *r->unsafe_contacts[i];
		m->people[k].role = MARAC__V1__PERSON_ROLE__PERSON_ROLE_UNSAFE_CONTACT;
		m->others[k] = &m->people[k];
		k++;
	}
	static char *no_phones[1];
	if (r->referrer && r->referrer->name && r->referrer->name[0]) {
		Marac__V1__Person *p = &m->people[k];
		marac__v1__person__init(p);
		p->full_name = r->referrer->name;
		p->role = MARAC__V1__PERSON_ROLE__PERSON_ROLE_PROFESSIONAL;
		p->relationship_to_victim = r->referrer->role;
		p->email = r->referrer->email;
		if (r->referrer->phone && r->referrer->phone[0]) {
			p->phones = &r->referrer->phone;
			p->n_phones = 1;
		} else {
			p->phones = no_phones;
		}
		m->others[k] = p;
		k++;
	}
	for (size_t i = 0; i < r->n_incident_dates; i++) {
		marac__v1__incident__init(&m->inc[i]);
		m->inc[i].date = r->incident_dates[i];
		m->incp[i] = &m->inc[i];
	}
	/* Free text goes to narrative, where the policy scrubs it. */
	const char *jr = r->judgement_reason ? r->judgement_reason : "";
	const char *fe = r->fears ? r->fears : "";
	size_t nl = strlen(jr) + strlen(fe) + 64;
	if ((m->narrative = malloc(nl)) == NULL)
		return MGW_E_NOMEM;
	snprintf(m->narrative, nl, "%s%s%s%s%s", jr[0] ? "Professional judgement: " : "", jr,
		 jr[0] && fe[0] ? "\n" : "", fe[0] ? "Victim fears: " : "", fe);

	marac__v1__case_summary__init(cs);
	cs->case_ref = (char *)case_ref;
	cs->marac_area = (char *)area;
	cs->victim = r->victim;
	cs->perpetrators = r->perpetrators;
	cs->n_perpetrators = r->n_perpetrators;
	cs->children = r->children;
	cs->n_children = r->n_children;
	cs->others = m->others;
	cs->n_others = k;
	cs->risk = risk;
	cs->incidents = m->incp;
	cs->n_incidents = r->n_incident_dates;
	cs->narrative = m->narrative;
	cs->victim_aware = r->victim_aware;
	cs->consent_given = r->consent_given;
	cs->consent_reason = r->consent_reason;
	return MGW_OK;
}

int referral_commit(struct gw *g, store *st, struct job *j, struct completion **answers)
{
	(void)g;
	Marac__V1__Refer *rf = j->frame->refer;
	const Marac__V1__Referral *r = rf->referral;
	struct refer_ext *x = j->ext;
	sqlite3 *db = store_db(st);
	int handled = 0;
	int rc = share_seen_before(g, st, j, rf->msg_id, answers, &handled);
	if (rc != MGW_OK || handled)
		return rc;

	struct match_result mr = {0};
	struct completion *notify = NULL;
	struct summary_mem mem = {0};
	Marac__V1__PreviousCase *prev = NULL, **prevp = NULL;
	Marac__V1__Agency notified[8];
	size_t n_notified = 0;
	char case_ref[MATCH_CASE_REF_MAX];
	rc = match_query(db, &x->keys, r->referral_date, x->window_months, NULL, &mr);
	if (rc != MGW_OK)
		goto out;
	int year = atoi(r->referral_date);
	if ((rc = match_next_case_ref(db, x->code, year, case_ref, sizeof case_ref)) != MGW_OK)
		goto out;
	if ((rc = match_record(db, case_ref, j->area, r->referral_date, &x->keys)) != MGW_OK)
		goto out;
	const char *dobs[64];
	size_t n_dobs = 0;
	for (size_t i = 0; i < r->n_children && n_dobs < 64; i++)
		dobs[n_dobs++] = r->children[i] ? r->children[i]->date_of_birth : "";
	int64_t now = store_now_ms();
	struct case_row row = {
		.case_ref = case_ref,
		.area = j->area,
		.referral_date = r->referral_date,
		.referring_agency = j->agency,
		.referring_node = j->node,
		.route = x->route,
		.score = j->score,
		.level = j->level,
		.repeat = mr.repeat,
		.prev_case_ref = mr.repeat ? mr.previous[0].case_ref : NULL,
		.last_referral_date = mr.repeat ? mr.previous[0].referral_date : NULL,
		.transfer_in = r->transfer_in,
		.meeting_date = x->meeting,
		.children_dobs = dobs,
		.n_children = n_dobs,
		.created_ms = now,
	};
	if ((rc = cases_insert(db, &row)) != MGW_OK)
		goto out;

	uint8_t policy_hash[32], ref_digest[32];
	memcpy(policy_hash, policy_sha256(j->policy->p), 32);
	if ((rc = codec_digest(&r->base, ref_digest)) != MGW_OK)
		goto out;
	Marac__V1__AuditRecord rec = MARAC__V1__AUDIT_RECORD__INIT;
	rec.time_ms = now;
	rec.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REFERRAL_ACCEPTED;
	rec.actor_node = j->node;
	rec.actor_agency = j->agency;
	rec.case_ref = case_ref;
	rec.msg_id = rf->msg_id;
	rec.original_sha256.data = ref_digest;
	rec.original_sha256.len = 32;
	rec.policy_sha256.data = policy_hash;
	rec.policy_sha256.len = 32;
	rec.purpose = MARAC__V1__PURPOSE__PURPOSE_REFERRAL;
	rec.lawful_basis = rf->lawful_basis;
	rec.reason = mr.repeat ? "repeat" : "new";
	rec.marac_area = j->area;
	rec.meeting_date = x->meeting;
	if ((rc = store_audit_append(st, &rec, NULL)) != MGW_OK)
		goto out;
	uint64_t audit_seq = rec.seq;

	/* Notify the attending agencies: the referral shared like any case. */
	Marac__V1__Risk risk = MARAC__V1__RISK__INIT;
	if (r->risk)
		risk = *r->risk;
	risk.score = j->score;
	risk.level = j->level;
	Marac__V1__CaseSummary cs;
	if ((rc = referral_summary(r, case_ref, j->area, &risk, &cs, &mem)) != MGW_OK)
		goto out;
	Marac__V1__Share sh = MARAC__V1__SHARE__INIT;
	sh.msg_id = rf->msg_id;
	sh.purpose = MARAC__V1__PURPOSE__PURPOSE_REFERRAL;
	sh.lawful_basis = rf->lawful_basis;
	sh.summary = &cs;
	Marac__V1__DeliveryRef ref_store[MGW_MAX_RECIPIENT_NODES];
	Marac__V1__DeliveryRef *refs[MGW_MAX_RECIPIENT_NODES];
	size_t n_refs = 0;
	if ((rc = share_deliver(st, j, &sh, now, policy_hash, ref_store, refs, &n_refs,
				&notify)) != MGW_OK)
		goto out;
	for (size_t i = 0; i < j->n_recip; i++) {
		int seen = 0;
		for (size_t k = 0; k < n_notified; k++)
			seen |= (int)notified[k] == j->recip[i].agency;
		if (!seen && n_notified < 8)
			notified[n_notified++] = (Marac__V1__Agency)j->recip[i].agency;
	}

	Marac__V1__ReferralAccepted ra = MARAC__V1__REFERRAL_ACCEPTED__INIT;
	ra.case_ref = case_ref;
	ra.score = j->score;
	ra.level = j->level;
	ra.route = x->route;
	ra.meeting_date = x->meeting;
	ra.repeat = mr.repeat;
	ra.marac_area = j->area;
	ra.msg_id = rf->msg_id;
	ra.notified = notified;
	ra.n_notified = n_notified;
	ra.audit_seq = audit_seq;
	if (mr.n_previous) {
		prev = calloc(mr.n_previous, sizeof *prev);
		prevp = calloc(mr.n_previous, sizeof *prevp);
		if (prev == NULL || prevp == NULL) {
			rc = MGW_E_NOMEM;
			goto out;
		}
		for (size_t i = 0; i < mr.n_previous; i++) {
			marac__v1__previous_case__init(&prev[i]);
			prev[i].case_ref = mr.previous[i].case_ref;
			prev[i].referral_date = mr.previous[i].referral_date;
			prevp[i] = &prev[i];
		}
		ra.previous = prevp;
		ra.n_previous = mr.n_previous;
	}
	if (mr.linked) {
		ra.linked_case_ref = mr.linked_case.case_ref;
		ra.linked_referral_date = mr.linked_case.referral_date;
	}
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_REFERRAL_ACCEPTED;
	f.referral_accepted = &ra;
	uint8_t *buf;
	size_t len;
	if ((rc = codec_pack(&f.base, &buf, &len)) != MGW_OK)
		goto out;
	if ((rc = store_share_insert(st, j->node, rf->msg_id, j->digest, now, buf, len)) !=
	    MGW_OK) {
		free(buf);
		goto out;
	}
	completion_push(answers, completion_frame(j->conn_id, buf, len));
	completion_push(answers, notify);
	notify = NULL;
	log_event(LOG_INFO, "referral_accepted", "node", j->node, "msg_id", rf->msg_id, "case_ref",
		  case_ref, "repeat", mr.repeat ? "yes" : "no", NULL);
out:
	while (notify) {
		struct completion *c = notify;
		notify = c->next;
		free(c);
	}
	free(prev);
	free(prevp);
	summary_mem_free(&mem);
	match_result_free(&mr);
	return rc;
}

/* ---- research status ---- */

void referral_on_research(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const Marac__V1__ResearchStatus *rs = f->research_status;
	const struct mgw_node *me = config_node_by_id(g->cfg, s->node);
	char area[MGW_ID_MAX + 1];
	if (me == NULL || !(me->roles & MGW_ROLE_NODE)) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
				    "certificate has no node role", NULL);
		goto drop;
	}
	size_t n = rs->case_ref ? strlen(rs->case_ref) : 0;
	if (n == 0 || n >= CASES_REF_MAX) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
				    "case_ref: required", NULL);
		goto drop;
	}
	int rc = cases_area(store_db(g->reader), rs->case_ref, area, sizeof area);
	/* A case of an area the node does not serve is reported as unknown:
	 * the answer must not tell a node which case refs exist elsewhere. */
	if (rc == MGW_E_NOTFOUND || (rc == MGW_OK && !config_node_in_area(me, area))) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE,
				    "case_ref: no such case in an area this node serves", NULL);
		goto drop;
	}
	if (rc != MGW_OK) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL,
				    "cannot read the case", NULL);
		goto drop;
	}
	struct job *j = calloc(1, sizeof *j);
	if (j == NULL)
		goto drop;
	j->kind = JOB_RESEARCH;
	j->conn_id = s->conn_id;
	snprintf(j->node, sizeof j->node, "%s", s->node);
	j->agency = s->agency;
	snprintf(j->area, sizeof j->area, "%s", area);
	j->frame = f;
	if (writer_submit(g, j) != MGW_OK) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_OVERLOADED,
				    "gateway busy; retry", NULL);
		job_free(j);
	}
	return;
drop:
	codec_free(&f->base);
}

int research_commit(struct gw *g, store *st, struct job *j, struct completion **answers)
{
	(void)g;
	const Marac__V1__ResearchStatus *rs = j->frame->research_status;
	int64_t now = store_now_ms();
	int rc = cases_research_set(store_db(st), rs->case_ref, j->agency, rs->done, now);
	if (rc != MGW_OK)
		return rc;
	Marac__V1__AuditRecord rec = MARAC__V1__AUDIT_RECORD__INIT;
	rec.time_ms = now;
	rec.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_RESEARCH_MARKED;
	rec.actor_node = j->node;
	rec.actor_agency = j->agency;
	rec.case_ref = rs->case_ref;
	rec.reason = rs->done ? "done" : "not_done";
	rec.marac_area = j->area;
	if ((rc = store_audit_append(st, &rec, NULL)) != MGW_OK)
		return rc;
	Marac__V1__ResearchRecorded rr = MARAC__V1__RESEARCH_RECORDED__INIT;
	rr.case_ref = rs->case_ref;
	rr.agency = j->agency;
	rr.done = rs->done;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_RESEARCH_RECORDED;
	f.research_recorded = &rr;
	uint8_t *buf;
	size_t len;
	if ((rc = codec_pack(&f.base, &buf, &len)) != MGW_OK)
		return rc;
	completion_push(answers, completion_frame(j->conn_id, buf, len));
	return MGW_OK;
}

/* ---- agenda ---- */

/* The meeting before meeting (a meeting day itself) into out; -1 if none in a year. */
static int previous_meeting(const struct mgw_area *a, int32_t meeting, char out[11])
{
	struct meeting_schedule ms = schedule_of(a, 0);
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

void referral_on_agenda(struct gw *g, struct session *s, const Marac__V1__Frame *f)
{
	const Marac__V1__AgendaRequest *q = f->agenda_request;
	const struct mgw_node *me = config_node_by_id(g->cfg, s->node);
	if (me == NULL || !(me->roles & MGW_ROLE_CHAIR)) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
				    "the agenda is for certificates with the chair role", NULL);
		return;
	}
	if (q->marac_area == NULL || !config_node_in_area(me, q->marac_area)) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
				    "marac_area: not an area this chair serves", NULL);
		return;
	}
	const struct mgw_area *a = config_area(g->cfg, q->marac_area);
	if (a == NULL) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
				    "marac_area: this area takes no referrals at this gateway", NULL);
		return;
	}
	int32_t meet;
	char next[11];
	struct meeting_schedule ms = schedule_of(a, 0);
	if (caldate_parse(q->meeting_date, &meet) != 0) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
				    "meeting_date: YYYY-MM-DD required", NULL);
		return;
	}
	if (meeting_next(&ms, q->meeting_date, next) != MGW_OK || strcmp(next, q->meeting_date)) {
		char msg[160];
		snprintf(msg, sizeof msg, "meeting_date: the area has no meeting that day; the next "
					  "is %s", next);
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST, msg, NULL);
		return;
	}
	char prev[11];
	int have_prev = previous_meeting(a, meet, prev) == 0;
	int attending[8];
	size_t n_att = 0;
	for (int ag = 1; ag <= MARAC__V1__AGENCY__AGENCY_EDUCATION; ag++)
		for (size_t k = 0; k < g->cfg->n_nodes; k++) {
			const struct mgw_node *n = &g->cfg->nodes[k];
			if (n->agency == ag && (n->roles & MGW_ROLE_NODE) &&
			    config_node_in_area(n, a->id)) {
				attending[n_att++] = ag;
				break;
			}
		}
	Marac__V1__Agenda *ag = NULL;
	int rc = cases_agenda(store_db(g->reader), a->id, q->meeting_date,
			      have_prev ? prev : NULL, g->cfg->repeat_window_months, attending,
			      n_att, a->statement, &ag);
	if (rc != MGW_OK) {
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL,
				    "cannot build the agenda", NULL);
		return;
	}
	Marac__V1__Frame out = MARAC__V1__FRAME__INIT;
	out.body_case = MARAC__V1__FRAME__BODY_AGENDA;
	out.agenda = ag;
	uint8_t *buf;
	size_t len;
	rc = codec_pack(&out.base, &buf, &len);
	codec_free(&ag->base);
	if (rc != MGW_OK || len > g->cfg->max_frame_bytes) {
		if (rc == MGW_OK)
			free(buf);
		session_refuse_code(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL,
				    "the agenda is larger than a frame", NULL);
		return;
	}
	session_queue_ctl(s, buf, len);
	free(buf);
	/* Audit the pull (area and date only). */
	struct job *j = calloc(1, sizeof *j);
	Marac__V1__AuditRecord *r =
		(Marac__V1__AuditRecord *)codec_new(&marac__v1__audit_record__descriptor);
	if (j == NULL || r == NULL) {
		free(j);
		codec_free(r ? &r->base : NULL);
		log_event(LOG_ERROR, "audit_oom", "reason", "agenda_pulled", NULL);
		return;
	}
	r->event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_AGENDA_PULLED;
	r->actor_node = codec_strdup(s->node);
	r->actor_agency = s->agency;
	r->marac_area = codec_strdup(a->id);
	r->meeting_date = codec_strdup(q->meeting_date);
	r->time_ms = store_now_ms();
	j->kind = JOB_AUDIT;
	j->rec = r;
	snprintf(j->node, sizeof j->node, "%s", s->node);
	writer_submit(g, j);
	log_event(LOG_INFO, "agenda_pulled", "node", s->node, "area", a->id, "meeting",
		  q->meeting_date, NULL);
}

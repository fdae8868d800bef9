/*
 * req_refer.c: Refer, a MARAC referral.
 *
 * Service thread (refer_svc_on): the node role and an area it serves;
 * msg_id by its grammar; the area from marac_area or the victim's
 * postcode, whose own DASH thresholds and windows (config "dash:") then
 * score and check the route (dash.h) with the field named in the error;
 * the lawful basis against the agency and consent (referral_basis_check);
 * the next meeting of the area (from the later of the referral date and
 * today, plus the area's research days); the repeat-matching blind indexes
 * (match.h) under the configured key; the recipients: every node of every
 * agency attending the area, except the referrer and nodes whose
 * registered certificate is expired or revoked; and the police and
 * probation nodes a serial perpetrator notice would go to. All of it is
 * decided under one epoch, which the job pins.
 *
 * Writer thread (refer_wr_commit), inside the job's savepoint: msg_id
 * dedupe; repeat query in the area's window (a REPEAT route with no
 * earlier case matched or named is refused here, before anything is
 * written, and so is one that would reach a recipient node holding
 * limits.max_outbox_per_node uncollected deliveries: OUTBOX_FULL,
 * share_wr_outbox_room); the next case reference of the area; the blind indexes and the
 * case row (with the DASH form and threshold); the REFERRAL_ACCEPTED record;
 * the referral as a CaseSummary shared for PURPOSE_REFERRAL to the
 * recipients, redacted per recipient agency like any share (share_wr_deliver);
 * the redaction itself ran before, on a worker thread (refer_prepare,
 * share_wr_views), under a placeholder case reference that the writer
 * replaces with the one it assigns; for a serial perpetrator the SERIAL_PERPETRATOR
 * record and a notice in the police and probation outboxes
 * (serial_wr_notify); the ReferralAccepted stored for dedupe and answered
 * after COMMIT. A view that would not fit a frame undoes the referral and
 * refuses it (VIEW_TOO_LARGE) from refer_wr_failed.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "agenda.h"
#include "caldate.h"
#include "cases.h"
#include "dash.h"
#include "gw.h"
#include "log.h"
#include "match.h"
#include "mgw_err.h"

/* A referral and everything decided about it on the service thread. */
struct refer_job {
	struct job base;
	Marac__V1__Frame *frame;    /* owned: frame->refer */
	uint8_t digest[32];         /* SHA-256 of the packed Refer */
	struct recipients rc;
	struct match_keys keys;
	char area[MGW_ID_MAX + 1];
	char code[9];               /* case reference prefix of the area */
	char meeting[11];           /* meeting assigned */
	unsigned window_months;     /* repeat window */
	int route;
	unsigned score;             /* DASH yes count */
	int level;                  /* risk level after judgement */
	int too_big;                /* writer: an agency whose view did not fit */
	int form;                   /* DashForm of the answers */
	struct dash_form_config dash; /* the area's thresholds and bands for that form */
	int repeat_named;           /* REPEAT route: the referral names the earlier case */
	struct recipients serial_rc; /* police and probation nodes of the area (serial notice) */
	struct refer_prep *prep;    /* refer_prepare's results (h11-perf); NULL: out of memory */
};

/* The gateway's day (clock.h: settable for tests, as every deadline). */
static int32_t today_days(void)
{
	return mgw_today();
}

/* ---- service thread ---- */

/* The area a referral names or its victim's postcode decides; NULL if none (no refusal). */
/* The lower-case words (letter and digit runs) of s into w[max] (each up to 63 bytes). */
static size_t words_of(const char *s, char w[][64], size_t max)
{
	size_t n = 0;
	while (s && *s && n < max) {
		while (*s && !isalnum((unsigned char)*s))
			s++;
		size_t l = 0;
		while (isalnum((unsigned char)s[l]))
			l++;
		if (l == 0)
			break;
		size_t k = l < 63 ? l : 63;
		for (size_t i = 0; i < k; i++)
			w[n][i] = (char)tolower((unsigned char)s[i]);
		w[n++][k] = '\0';
		s += l;
	}
	return n;
}

/* 1 if every word of name (two at least) is a word of area[n]. */
static int name_in(const char *name, char area[][64], size_t n)
{
	char w[16][64];
	size_t nw = words_of(name, w, 16);
	if (nw < 2)
		return 0;
	for (size_t i = 0; i < nw; i++) {
		size_t k = 0;
		while (k < n && strcmp(w[i], area[k]) != 0)
			k++;
		if (k == n)
			return 0;
	}
	return 1;
}

static int person_in(const Marac__V1__Person *p, char area[][64], size_t n)
{
	if (p == NULL)
		return 0;
	if (p->full_name && name_in(p->full_name, area, n))
		return 1;
	for (size_t i = 0; i < p->n_aliases; i++)
		if (name_in(p->aliases[i], area, n))
			return 1;
	return 0;
}

/*
 * transfer_from_area is printed on the agenda every attending agency reads
 * when it fits an area name's grammar (agenda_area_name_ok: letters, digits,
 * spaces, a little punctuation), and so do an address, a postcode, a phone
 * number and a name. 1 when it reads as an area name: it holds no person of
 * the referral (every word of a full name or alias, in any order) and the
 * policy's scrub of it as a narrative, for any agency, finds nothing but
 * names (no address, postcode, phone, identifier or statement of where she
 * is; the name finder takes words of real area names for names). Bounded:
 * at most 64 bytes are scrubbed.
 */
static int transfer_area_clean(const policy *pol, const Marac__V1__Referral *r)
{
	const char *t = r->transfer_from_area;
	if (!r->transfer_in || !agenda_area_name_ok(t))
		return 1; /* not printed on the agenda */
	char area[40][64];
	size_t n = words_of(t, area, 40);
	if (person_in(r->victim, area, n))
		return 0;
	Marac__V1__Person *const *lists[4] = {r->perpetrators, r->children, r->safe_contacts,
					      r->unsafe_contacts};
	size_t counts[4] = {r->n_perpetrators, r->n_children, r->n_safe_contacts,
			    r->n_unsafe_contacts};
	for (size_t l = 0; l < 4; l++)
		for (size_t i = 0; i < counts[l]; i++)
			if (person_in(lists[l][i], area, n))
				return 0;
	if (r->referrer && r->referrer->name && name_in(r->referrer->name, area, n))
		return 0;
	Marac__V1__CaseSummary cs = MARAC__V1__CASE_SUMMARY__INIT;
	cs.case_ref = "X";
	cs.narrative = (char *)t;
	/* with the victim, so that her never-share values are compared as
	 * they read ("Example Rd Testtown", "Exampleroad", her phone in words:
	 * no recogniser takes them for an address or a phone) */
	cs.victim = r->victim;
	int clean = 1;
	for (int ag = 1; ag <= MARAC__V1__AGENCY__AGENCY_EDUCATION && clean; ag++) {
		Marac__V1__CaseSummary *view = NULL;
		Marac__V1__RedactionEntry **man = NULL;
		size_t n_man = 0, n_f = 0;
		struct policy_finding *fs = NULL;
		if (policy_redact_explain(pol, &cs, ag, MARAC__V1__PURPOSE__PURPOSE_REFERRAL, &view,
					  &man, &n_man, &fs, &n_f) != MGW_OK)
			return 0;
		/* Names are the referral's people, above: the name finder also
		 * takes words of real areas ("Blackburn with Darwen") for names. */
		for (size_t i = 0; i < n_f && clean; i++)
			if (fs[i].end > fs[i].start && strcmp(fs[i].kind, "name") != 0)
				clean = 0;
		for (size_t i = 0; i < n_man && clean; i++) /* a never-share value of hers */
			if (strcmp(man[i]->path, "narrative") == 0 &&
			    strcmp(man[i]->ground, "never-share") == 0)
				clean = 0;
		free(fs);
		codec_free(&view->base);
		policy_manifest_free(man, n_man);
	}
	return clean;
}

static const struct mgw_area *find_area(const struct mgw_config *c, const Marac__V1__Referral *r)
{
	if (r->marac_area && r->marac_area[0])
		return config_area(c, r->marac_area);
	const char *pc = r->victim && r->victim->address ? r->victim->address->postcode : NULL;
	return config_area_for_postcode(c, pc);
}

static const struct mgw_area *decide_area(struct gw *g, struct session *s,
					  const struct refusal *rf, const Marac__V1__Referral *r)
{
	const struct mgw_area *a;
	if (r->marac_area && r->marac_area[0]) {
		if ((a = config_area(g->epoch->cfg, r->marac_area)) == NULL)
			refuse(g, s, NULL, NULL, rf, "marac_area: no MARAC area \"%.64s\" takes "
						     "referrals at this gateway", r->marac_area);
		return a;
	}
	const char *pc = r->victim && r->victim->address ? r->victim->address->postcode : NULL;
	if ((a = config_area_for_postcode(g->epoch->cfg, pc)) == NULL)
		refuse(g, s, NULL, NULL, rf, "marac_area: not given, and the victim's postcode is "
					     "in no MARAC area of this gateway");
	return a;
}

static const struct job_ops refer_ops;

void refer_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	Marac__V1__Refer *rf = f->refer;
	const struct mgw_config *c = g->epoch->cfg;
	const char *msg_id = rf->msg_id;
	const struct mgw_node *me = config_node_by_id(c, s->node);
	struct refer_job *j = NULL;
	/* h13-audit: the area named is recorded if it is an area id (else its digest) */
	const char *named_area = rf->referral ? rf->referral->marac_area : NULL;
	struct refusal inv = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REFERRAL,
			      .reason = "invalid_referral", .msg_id = msg_id,
			      .marac_area = named_area};
	struct refusal r = {.msg_id = msg_id, .marac_area = named_area};
	if (me == NULL || !(me->roles & MGW_ROLE_NODE)) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
		refuse(g, s, NULL, NULL, &r, "certificate has no node role");
		goto drop;
	}
	if (!gw_msg_id_ok(msg_id)) {
		inv.reason = "invalid_msg_id";
		refuse(g, s, NULL, NULL, &inv, "msg_id: 1-128 printable ASCII characters, no spaces");
		goto drop;
	}
	if (c->n_areas == 0 || c->match_key == NULL) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
		refuse(g, s, NULL, NULL, &r, "this gateway takes no referrals (no referrals: section)");
		goto drop;
	}
	if (rf->lawful_basis == MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_UNSPECIFIED ||
	    protobuf_c_enum_descriptor_get_value(&marac__v1__lawful_basis__descriptor,
						 rf->lawful_basis) == NULL) {
		refuse(g, s, NULL, NULL, &inv, "lawful_basis: required");
		goto drop;
	}
	const Marac__V1__Referral *ref = rf->referral;
	if (ref == NULL) {
		refuse(g, s, NULL, NULL, &inv, "referral: required");
		goto drop;
	}
	/* The area's own DASH thresholds and windows (local practice); where no
	 * area can be decided the defaults validate, and the area is refused below. */
	const struct mgw_area *area = find_area(c, ref);
	struct dash_config dc;
	if (area != NULL)
		dc = area->dash;
	else
		dash_config_defaults(&dc);
	struct referral_check chk;
	char field[64], why[256];
	if (referral_validate(&dc, ref, &chk, field, sizeof field, why, sizeof why) != MGW_OK ||
	    referral_basis_check(me->agency, rf->lawful_basis, ref, field, sizeof field, why,
				 sizeof why) != MGW_OK) {
		refuse(g, s, NULL, NULL, &inv, "%s: %s", field, why);
		goto drop;
	}
	if (chk.referral_day > today_days() + MGW_TODAY_GRACE_DAYS) {
		refuse(g, s, NULL, NULL, &inv, "referral_date: is in the future");
		goto drop;
	}
	if (!transfer_area_clean(g->epoch->policy, ref)) {
		refuse(g, s, NULL, NULL, &inv, "transfer_from_area: the name of a MARAC area only "
		       "(it is printed on the agenda): it holds an address, a number or a person's "
		       "name");
		goto drop;
	}
	if (area == NULL && (area = decide_area(g, s, &inv, ref)) == NULL)
		goto drop;
	if (!config_node_in_area(me, area->id)) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
		refuse(g, s, NULL, NULL, &r, "marac_area: this node does not serve the case's area");
		goto drop;
	}
	j = calloc(1, sizeof *j);
	if (j == NULL) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_OVERLOADED;
		refuse(g, s, NULL, NULL, &r, "out of memory; retry with the same msg_id");
		goto drop;
	}
	/* The meeting: from the later of the referral date and today. */
	int32_t from = chk.referral_day > today_days() ? chk.referral_day : today_days();
	char from_s[11];
	caldate_format(from, from_s);
	struct meeting_schedule ms = agenda_schedule_of(area, area->min_days);
	if (meeting_next(&ms, from_s, j->meeting) != MGW_OK) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL;
		refuse(g, s, NULL, NULL, &r, "the area's meeting schedule gives no meeting");
		goto drop;
	}
	int rc = match_keys(ref->victim, (const Marac__V1__Person *const *)ref->perpetrators,
			    ref->n_perpetrators, c->match_key, c->match_key_len, &j->keys);
	if (rc != MGW_OK) {
		refuse(g, s, NULL, NULL, &inv, "%s",
		       rc == MGW_E_TOO_LARGE ? "victim: too many identifiers to match on"
					     : "perpetrators: too many perpetrators");
		goto drop;
	}
	snprintf(j->code, sizeof j->code, "%s", area->code);
	j->window_months = config_area_repeat_window(c, area);
	j->route = ref->route;
	j->form = chk.form;
	j->dash = *dash_form(&dc, chk.form);
	j->repeat_named = chk.repeat_named;
	for (int ag = 1; ag <= MARAC__V1__AGENCY__AGENCY_EDUCATION; ag++)
		if (share_svc_add_agency(g->epoch, &j->rc, s->node, area->id, ag) < 0) {
			r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
			refuse(g, s, NULL, NULL, &r, "too many recipient nodes attend this area");
			goto drop;
		}
	share_svc_drop_invalid(g->epoch, &j->rc, 0, "referral");
	/* Who hears of a serial perpetrator: the area's police and probation,
	 * the referring node included (it learns the other cases only so). */
	if (share_svc_add_agency(g->epoch, &j->serial_rc, "", area->id,
				 MARAC__V1__AGENCY__AGENCY_POLICE) < 0 ||
	    share_svc_add_agency(g->epoch, &j->serial_rc, "", area->id,
				 MARAC__V1__AGENCY__AGENCY_PROBATION) < 0) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
		refuse(g, s, NULL, NULL, &r, "too many recipient nodes attend this area");
		goto drop;
	}
	share_svc_drop_invalid(g->epoch, &j->serial_rc, 0, "serial_notice");
	if (codec_digest(&rf->base, j->digest) != MGW_OK) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_OVERLOADED;
		refuse(g, s, NULL, NULL, &r, "out of memory; retry with the same msg_id");
		goto drop;
	}
	session_job_init(g, s, &j->base, &refer_ops);
	snprintf(j->area, sizeof j->area, "%s", area->id);
	j->score = chk.score;
	j->level = chk.level;
	j->frame = f;
	session_submit(g, s, &j->base, msg_id);
	return;
drop:
	if (j) {
		match_keys_free(&j->keys);
		free(j);
	}
	codec_free(&f->base);
}

/* Any thread (job_free). */
static void refer_prep_free(struct refer_prep *p);

static void refer_job_free(struct job *jb)
{
	struct refer_job *j = (struct refer_job *)jb;
	refer_prep_free(j->prep);
	match_keys_free(&j->keys);
	codec_free(j->frame ? &j->frame->base : NULL);
}

/* ---- writer thread (and refer_prepare on a worker) ---- */

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

/*
 * h11-perf: the redaction of a referral runs on a worker thread
 * (executor.h, ops->prepare), like a share's, before the writer assigns the
 * case reference. It redacts the case under PLACEHOLDER_REF, of the widest
 * case reference's length (so the frame-size check is the writer's); the
 * writer writes the assigned reference over it, in place, in every view
 * that kept it verbatim (the policy shares case_ref with every agency; a
 * view that withholds it keeps whatever the policy made of the placeholder,
 * never the reference) and hashes those views again. The referral's free
 * text was written before the reference existed, so it cannot hold it.
 */
#define PLACEHOLDER_REF "REFERRAL-CASE-REF-PENDING-00000"
_Static_assert(sizeof PLACEHOLDER_REF == MATCH_CASE_REF_MAX, "as wide as any case reference");

struct refer_prep {
	int rc;                     /* share_wr_views' result (or referral_summary's) */
	char ref[MATCH_CASE_REF_MAX]; /* the summary's case_ref: the placeholder, then the case's */
	Marac__V1__Risk risk;
	Marac__V1__CaseSummary cs;
	struct summary_mem mem;
	struct view v[MARAC__V1__AGENCY__AGENCY_EDUCATION + 1];
	size_t nv;
	char *at[MARAC__V1__AGENCY__AGENCY_EDUCATION + 1]; /* view k's case_ref buffer, or NULL */
	uint8_t ref_digest[32];     /* SHA-256 of the packed Referral */
};

static void refer_prep_free(struct refer_prep *p)
{
	if (p == NULL)
		return;
	share_views_free(p->v, p->nv);
	summary_mem_free(&p->mem);
	free(p);
}

/* A worker thread (or the writer): the referral's views, under the placeholder. */
static void refer_prepare(struct job *jb)
{
	struct refer_job *x = (struct refer_job *)jb;
	const Marac__V1__Refer *rf = x->frame->refer;
	const Marac__V1__Referral *r = rf->referral;
	struct refer_prep *p = calloc(1, sizeof *p);
	if (p == NULL)
		return; /* the writer answers "not stored" */
	memcpy(p->ref, PLACEHOLDER_REF, sizeof p->ref);
	marac__v1__risk__init(&p->risk);
	if (r->risk)
		p->risk = *r->risk;
	p->risk.score = x->score;
	p->risk.level = x->level;
	p->rc = referral_summary(r, p->ref, x->area, &p->risk, &p->cs, &p->mem);
	Marac__V1__Share sh = MARAC__V1__SHARE__INIT;
	sh.msg_id = rf->msg_id;
	sh.purpose = MARAC__V1__PURPOSE__PURPOSE_REFERRAL;
	sh.lawful_basis = rf->lawful_basis;
	sh.summary = &p->cs;
	struct wctx w = {.e = jb->epoch}; /* share_wr_views reads only the epoch */
	if (p->rc == MGW_OK)
		p->rc = share_wr_views(&w, jb, &x->rc, &sh, p->v, &p->nv, &x->too_big);
	for (size_t k = 0; k < p->nv; k++) {
		char *c = p->v[k].summary->case_ref;
		p->at[k] = c && strcmp(c, PLACEHOLDER_REF) == 0 ? c : NULL;
	}
	if (p->rc == MGW_OK)
		p->rc = codec_digest(&r->base, p->ref_digest);
	x->prep = p;
}

/* Writer thread: the assigned reference into the prepared views, and their digests. */
static int refer_views_for(struct refer_prep *p, const char *case_ref)
{
	if (strlen(case_ref) >= sizeof p->ref)
		return MGW_E_INVALID;
	snprintf(p->ref, sizeof p->ref, "%s", case_ref);
	for (size_t k = 0; k < p->nv; k++) {
		if (p->at[k] == NULL)
			continue;
		if (p->at[k] != p->ref) /* the view's own copy (same width) */
			memcpy(p->at[k], case_ref, strlen(case_ref) + 1);
		int rc = codec_digest(&p->v[k].summary->base, p->v[k].digest);
		if (rc != MGW_OK)
			return rc;
	}
	return MGW_OK;
}

/* Kinds a match can be on (bits 1..MATCH_KIND_FUZZY_NAME_DOB). */
#define KIND_NAMES_MAX 8

/* The names of the kinds in bits, for a repeated string field (static strings). */
static size_t kind_names(unsigned bits, char *out[KIND_NAMES_MAX])
{
	size_t n = 0;
	for (int kind = 1; kind < 32 && n < KIND_NAMES_MAX; kind++) {
		const char *name = match_kind_name(kind);
		if ((bits & (1u << kind)) && name != NULL)
			out[n++] = (char *)name;
	}
	return n;
}

static Marac__V1__MatchStrength strength_pb(int s)
{
	return s == MATCH_STRONG ? MARAC__V1__MATCH_STRENGTH__MATCH_STRENGTH_STRONG
	       : s == MATCH_WEAK ? MARAC__V1__MATCH_STRENGTH__MATCH_STRENGTH_WEAK
				 : MARAC__V1__MATCH_STRENGTH__MATCH_STRENGTH_UNSPECIFIED;
}

/* Names of the kinds in bits joined with ", " into out (for people, not parsing). */
static void kinds_text(unsigned bits, char *out, size_t n)
{
	size_t k = 0;
	out[0] = '\0';
	for (int kind = 1; kind < 32 && k < n; kind++) {
		const char *name = match_kind_name(kind);
		if ((bits & (1u << kind)) && name != NULL)
			k += (size_t)snprintf(out + k, n - k, "%s%s", k ? ", " : "", name);
	}
}

/*
 * Serial perpetrator (writer, inside the job's savepoint): the
 * SERIAL_PERPETRATOR record, then a notice to the area's police and
 * probation nodes through their outboxes, as a Deliver from the gateway
 * itself (actor ""): a CaseSummary whose case_ref is the new case and whose
 * narrative lists the other victims' cases (references, areas, dates and
 * the kinds matched; no names or identifiers). Durable and acknowledged
 * like any delivery. *notified gets the agencies told.
 */
static int serial_wr_notify(struct wctx *w, struct refer_job *x, const char *case_ref,
			    const struct match_result *mr, int64_t now,
			    Marac__V1__Agency notified[2], size_t *n_notified)
{
	const Marac__V1__Refer *rf = x->frame->refer;
	struct audit_fields f = {
		.time_ms = now,
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SERIAL_PERPETRATOR,
		.actor_node = x->base.node,
		.actor_agency = x->base.agency,
		.case_ref = case_ref,
		.msg_id = rf->msg_id,
		.reason = "serial_perpetrator",
		.marac_area = x->area,
		.count = mr->n_serial_total,
	};
	int rc = audit_emit(w->g, w, &f, NULL);
	*n_notified = 0;
	if (rc != MGW_OK || x->serial_rc.n == 0)
		return rc;

	size_t cap = 512 + mr->n_serial * 160, k;
	char *text = malloc(cap), kinds[96];
	if (text == NULL)
		return MGW_E_NOMEM;
	k = (size_t)snprintf(text, cap,
			     "SERIAL PERPETRATOR NOTICE from the MARAC gateway. A perpetrator named in "
			     "referral %s (area %s, referred %s) is also the perpetrator in %zu other "
			     "victim's case(s):",
			     case_ref, x->area, rf->referral->referral_date, mr->n_serial_total);
	for (size_t i = 0; i < mr->n_serial && k < cap; i++) {
		kinds_text(mr->serial[i].perp_kinds, kinds, sizeof kinds);
		k += (size_t)snprintf(text + k, cap - k, "\n- %s (area %s, referred %s; matched on %s)",
				      mr->serial[i].case_ref, mr->serial[i].marac_area,
				      mr->serial[i].referral_date, kinds);
	}
	if (mr->n_serial_total > mr->n_serial && k < cap)
		snprintf(text + k, cap - k, "\n- and %zu more", mr->n_serial_total - mr->n_serial);

	Marac__V1__CaseSummary cs = MARAC__V1__CASE_SUMMARY__INIT;
	cs.case_ref = (char *)case_ref;
	cs.marac_area = x->area;
	cs.narrative = text;
	Marac__V1__Share sh = MARAC__V1__SHARE__INIT;
	sh.msg_id = rf->msg_id;
	sh.purpose = MARAC__V1__PURPOSE__PURPOSE_REFERRAL;
	/* The gateway tells competent authorities (DPA 2018 Part 3) of a risk. */
	sh.lawful_basis = MARAC__V1__LAWFUL_BASIS__LAWFUL_BASIS_LAW_ENFORCEMENT_SCH8_PARA4;
	sh.summary = &cs;
	struct view v[2];
	size_t nv = 0;
	uint8_t digest[32];
	if ((rc = codec_digest(&cs.base, digest)) != MGW_OK)
		goto out;
	static const int ags[2] = {MARAC__V1__AGENCY__AGENCY_POLICE,
				   MARAC__V1__AGENCY__AGENCY_PROBATION};
	for (size_t a = 0; a < 2; a++)
		for (size_t i = 0; i < x->serial_rc.n; i++)
			if (x->serial_rc.r[i].agency == ags[a]) {
				memset(&v[nv], 0, sizeof v[nv]);
				v[nv].agency = ags[a];
				v[nv].summary = &cs;
				memcpy(v[nv].digest, digest, sizeof digest);
				notified[nv] = (Marac__V1__Agency)ags[a];
				nv++;
				break;
			}
	/* From the gateway, not the referring node: it did not write this. */
	struct job gw_job = x->base;
	gw_job.node[0] = '\0';
	gw_job.agency = 0;
	Marac__V1__DeliveryRef ref_store[MGW_MAX_RECIPIENT_NODES];
	Marac__V1__DeliveryRef *refs[MGW_MAX_RECIPIENT_NODES];
	size_t n_refs = 0;
	rc = share_wr_deliver(w, &gw_job, &x->serial_rc, &sh, v, nv, digest, now, ref_store, refs,
			      &n_refs);
	if (rc == MGW_OK) {
		*n_notified = nv;
		for (size_t i = 0; i < x->serial_rc.n; i++)
			clist_append(w->answers, completion_notify(x->serial_rc.r[i].node));
	}
out:
	free(text);
	return rc;
}

static int refer_wr_commit(struct job *jb, struct wctx *w)
{
	struct refer_job *x = (struct refer_job *)jb;
	Marac__V1__Refer *rf = x->frame->refer;
	const Marac__V1__Referral *r = rf->referral;
	sqlite3 *db = store_db(w->st);
	int handled = 0;
	int rc = share_wr_seen_before(w, jb, rf->msg_id, x->digest, &handled);
	if (rc != MGW_OK || handled)
		return rc;

	struct match_result mr = {0};
	struct refer_prep *p = x->prep;
	Marac__V1__PreviousCase *prev = NULL, **prevp = NULL;
	char *(*prev_kinds)[KIND_NAMES_MAX] = NULL;
	char *top_kinds[KIND_NAMES_MAX], *top_perp_kinds[KIND_NAMES_MAX];
	Marac__V1__Agency notified[8];
	size_t n_notified = 0;
	char case_ref[MATCH_CASE_REF_MAX];
	if (p == NULL)
		return MGW_E_NOMEM; /* refer_prepare ran out of memory: not stored */
	rc = match_query(db, &x->keys, r->referral_date, x->window_months, NULL, &mr);
	if (rc != MGW_OK)
		goto out;
	/* A REPEAT with no earlier case anywhere would read "route Repeat,
	 * repeat No" on the agenda: refused before anything is written. */
	if (x->route == MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_REPEAT && !x->repeat_named &&
	    !mr.repeat && !mr.linked) {
		struct refusal inv = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REFERRAL,
				      .reason = "invalid_referral", .msg_id = rf->msg_id};
		rc = refuse(w->g, NULL, w, jb, &inv,
			    "route: REPEAT needs an earlier case: none on record matches this victim "
			    "(and perpetrator), and neither previous_case_ref nor other_maracs names "
			    "one");
		goto out;
	}
	/* r-redteam6, rv9: a recipient node not collecting its deliveries is
	 * skipped (logged outbox_full); a high-risk referral is never held up
	 * by one absent node. */
	int full = 0;
	struct recipients to = x->rc; /* a retried batch filters it again: req_share.c */
	if ((rc = share_wr_outbox_room(w, jb, &to, rf->msg_id, NULL, 0, &full)) != MGW_OK || full)
		goto out;
	int year = atoi(r->referral_date);
	if ((rc = match_next_case_ref(db, x->code, year, case_ref, sizeof case_ref)) != MGW_OK)
		goto out;
	if ((rc = match_record(db, case_ref, x->area, r->referral_date, &x->keys)) != MGW_OK)
		goto out;
	const char *dobs[64];
	size_t n_dobs = 0;
	for (size_t i = 0; i < r->n_children && n_dobs < 64; i++)
		dobs[n_dobs++] = dash_child_date(r->children[i]); /* unborn: the expected date */
	/* An accepted REPEAT route is a repeat on the agenda, also when the
	 * earlier case is one the referral names (another MARAC's, say). */
	const char *named = r->previous_case_ref && r->previous_case_ref[0] ? r->previous_case_ref
									    : NULL;
	int repeat_row = mr.repeat || x->route == MARAC__V1__REFERRAL_ROUTE__REFERRAL_ROUTE_REPEAT;
	int64_t now = store_now_ms();
	struct case_row row = {
		.case_ref = case_ref,
		.area = x->area,
		.referral_date = r->referral_date,
		.referring_agency = jb->agency,
		.referring_node = jb->node,
		.route = x->route,
		.score = x->score,
		.level = x->level,
		.repeat = repeat_row,
		.prev_case_ref = mr.repeat ? mr.previous[0].case_ref : named,
		.last_referral_date = mr.repeat ? mr.previous[0].referral_date : NULL,
		.transfer_in = r->transfer_in,
		.meeting_date = x->meeting,
		.children_dobs = dobs,
		.n_children = n_dobs,
		.created_ms = now,
		.dash_form = x->form,
		.dash_threshold = x->dash.high_threshold,
	};
	if ((rc = cases_insert(db, &row)) != MGW_OK)
		goto out;
	/* The agenda names where a transfer comes from, if it is printable as an area name. */
	if (r->transfer_in && agenda_area_name_ok(r->transfer_from_area) &&
	    (rc = cases_set_transfer_from(db, case_ref, r->transfer_from_area)) != MGW_OK)
		goto out;

	/* The referral as a case, and every recipient's view (redacted by
	 * refer_prepare), under the reference just assigned, before any record. */
	if ((rc = p->rc) != MGW_OK)
		goto out; /* too big: refer_wr_failed refuses, after the rollback */
	if ((rc = refer_views_for(p, case_ref)) != MGW_OK)
		goto out;
	Marac__V1__Share sh = MARAC__V1__SHARE__INIT;
	sh.msg_id = rf->msg_id;
	sh.purpose = MARAC__V1__PURPOSE__PURPOSE_REFERRAL;
	sh.lawful_basis = rf->lawful_basis;
	sh.summary = &p->cs;
	const uint8_t *ref_digest = p->ref_digest;
	uint64_t audit_seq = 0;
	struct audit_fields f = {
		.time_ms = now,
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REFERRAL_ACCEPTED,
		.actor_node = jb->node,
		.actor_agency = jb->agency,
		.case_ref = case_ref,
		.msg_id = rf->msg_id,
		.original_sha256 = ref_digest,
		.policy_sha256 = w->e->policy_sha256,
		.purpose = MARAC__V1__PURPOSE__PURPOSE_REFERRAL,
		.lawful_basis = rf->lawful_basis,
		.reason = mr.repeat ? "repeat" : "new",
		.marac_area = x->area,
		.meeting_date = x->meeting,
	};
	if ((rc = audit_emit(w->g, w, &f, &audit_seq)) != MGW_OK)
		goto out;

	/* Notify the attending agencies: the referral shared like any case. */
	Marac__V1__DeliveryRef ref_store[MGW_MAX_RECIPIENT_NODES];
	Marac__V1__DeliveryRef *refs[MGW_MAX_RECIPIENT_NODES];
	size_t n_refs = 0;
	if ((rc = share_wr_deliver(w, jb, &to, &sh, p->v, p->nv, ref_digest, now, ref_store, refs,
				   &n_refs)) != MGW_OK)
		goto out;
	if ((rc = flags_wr_touch(w, jb, NULL, &x->keys, case_ref, "referral", now)) != MGW_OK)
		goto out;
	for (size_t i = 0; i < to.n; i++) {
		int seen = 0;
		for (size_t k = 0; k < n_notified; k++)
			seen |= (int)notified[k] == to.r[i].agency;
		if (!seen && n_notified < 8)
			notified[n_notified++] = (Marac__V1__Agency)to.r[i].agency;
	}
	Marac__V1__Agency serial_notified[2];
	size_t n_serial_notified = 0;
	if (mr.n_serial > 0 && (rc = serial_wr_notify(w, x, case_ref, &mr, now, serial_notified,
						      &n_serial_notified)) != MGW_OK)
		goto out;

	Marac__V1__ReferralAccepted ra = MARAC__V1__REFERRAL_ACCEPTED__INIT;
	ra.case_ref = case_ref;
	ra.score = x->score;
	ra.level = x->level;
	ra.route = x->route;
	ra.meeting_date = x->meeting;
	ra.repeat = mr.repeat;
	ra.marac_area = x->area;
	ra.msg_id = rf->msg_id;
	ra.notified = notified;
	ra.n_notified = n_notified;
	ra.audit_seq = audit_seq;
	/* Which form, threshold and bands were applied: 14 of 27 must not pass as 14 of 24. */
	char dash_txt[96];
	Marac__V1__DashApplied da = MARAC__V1__DASH_APPLIED__INIT;
	da.form = (Marac__V1__DashForm)x->form;
	da.questions = x->dash.questions;
	da.threshold = x->dash.high_threshold;
	da.standard_max = x->dash.standard_max;
	da.medium_max = x->dash.medium_max;
	da.text = dash_applied_text(&x->dash, x->form, x->score, dash_txt, sizeof dash_txt);
	ra.dash = &da;
	Marac__V1__SerialPerpetrator sp = MARAC__V1__SERIAL_PERPETRATOR__INIT;
	char *serial_kinds[KIND_NAMES_MAX];
	if (mr.n_serial > 0) {
		unsigned bits = 0;
		for (size_t i = 0; i < mr.n_serial; i++)
			bits |= mr.serial[i].perp_kinds;
		sp.other_cases = (uint32_t)mr.n_serial_total;
		sp.n_matched_on = kind_names(bits, serial_kinds);
		sp.matched_on = serial_kinds;
		sp.notified = serial_notified;
		sp.n_notified = n_serial_notified;
		ra.serial_perpetrator = &sp;
	}
	if (mr.n_previous) {
		prev = calloc(mr.n_previous, sizeof *prev);
		prevp = calloc(mr.n_previous, sizeof *prevp);
		prev_kinds = calloc(mr.n_previous, sizeof *prev_kinds);
		if (prev == NULL || prevp == NULL || prev_kinds == NULL) {
			rc = MGW_E_NOMEM;
			goto out;
		}
		for (size_t i = 0; i < mr.n_previous; i++) {
			marac__v1__previous_case__init(&prev[i]);
			prev[i].case_ref = mr.previous[i].case_ref;
			prev[i].referral_date = mr.previous[i].referral_date;
			prev[i].n_matched_on = kind_names(mr.previous[i].victim_kinds, prev_kinds[i]);
			prev[i].matched_on = prev_kinds[i];
			prev[i].strength = strength_pb(mr.previous[i].strength);
			prevp[i] = &prev[i];
		}
		ra.previous = prevp;
		ra.n_previous = mr.n_previous;
	}
	if (mr.linked) {
		ra.linked_case_ref = mr.linked_case.case_ref;
		ra.linked_referral_date = mr.linked_case.referral_date;
		ra.linked_later = mr.linked_later;
	}
	/* What matched, as kinds and a strength: a phone-only match of two
	 * different women must not read like an NHS-number match. */
	const struct match_prev *top = mr.repeat ? &mr.previous[0] : mr.linked ? &mr.linked_case
										: NULL;
	if (top != NULL) {
		ra.n_matched_on = kind_names(top->victim_kinds, top_kinds);
		ra.matched_on = top_kinds;
		ra.n_perpetrator_matched_on = kind_names(top->perp_kinds, top_perp_kinds);
		ra.perpetrator_matched_on = top_perp_kinds;
		ra.strength = strength_pb(top->strength);
	}
	Marac__V1__Frame fr = MARAC__V1__FRAME__INIT;
	fr.body_case = MARAC__V1__FRAME__BODY_REFERRAL_ACCEPTED;
	fr.referral_accepted = &ra;
	uint8_t *buf;
	size_t len;
	if ((rc = codec_pack(&fr.base, &buf, &len)) != MGW_OK)
		goto out;
	if ((rc = store_share_insert(w->st, jb->node, rf->msg_id, x->digest, now, buf, len)) !=
	    MGW_OK) {
		free(buf);
		goto out;
	}
	clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
	for (size_t i = 0; i < to.n; i++)
		clist_append(w->answers, completion_notify(to.r[i].node));
	log_event(LOG_INFO, "referral_accepted", "node", jb->node, "msg_id", rf->msg_id, "case_ref",
		  case_ref, "repeat", mr.repeat ? "yes" : "no", "linked", mr.linked ? "yes" : "no",
		  "serial", mr.n_serial ? "yes" : "no",
		  "strength",
		  ra.strength == MARAC__V1__MATCH_STRENGTH__MATCH_STRENGTH_STRONG ? "strong"
		  : ra.strength == MARAC__V1__MATCH_STRENGTH__MATCH_STRENGTH_WEAK ? "weak"
										: "none",
		  NULL);
out:
	free(prev);
	free(prevp);
	free(prev_kinds);
	match_result_free(&mr);
	return rc;
}

static void refer_wr_failed(struct job *jb, struct wctx *w)
{
	struct refer_job *x = (struct refer_job *)jb;
	if (x->too_big < 0 && w->st) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REFERRAL,
				    .msg_id = x->frame->refer->msg_id};
		refuse(w->g, NULL, w, jb, &r,
		       "summary: more people, aliases or personal data than one case may hold; "
		       "nothing was stored");
		return;
	}
	if (x->too_big && w->st) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_VIEW_TOO_LARGE,
				    .msg_id = x->frame->refer->msg_id};
		refuse(w->g, NULL, w, jb, &r,
		       "the referral's view for agency \"%s\" would not fit max_frame_bytes; "
		       "nothing was stored", config_agency_name(x->too_big));
		return;
	}
	answer_not_stored(w, jb, x->frame->refer->msg_id);
}

static const struct job_ops refer_ops = {
	.name = "refer",
	.wr_commit = refer_wr_commit,
	.wr_failed = refer_wr_failed,
	.prepare = refer_prepare,
	.free = refer_job_free,
	.free_elsewhere = 1, /* h11-perf: the decoded referral and its views, off the writer */
};

/*
 * req_lookup.c: the point-of-call lookup, flags to the owning agencies and
 * their flag history (lookup.proto; lookup.h, flags.h).
 *
 * Lookup, service thread only (lookup_svc_on): a token per request from the
 * node's bucket (lookup.per_minute, lookup.burst), taken before anything
 * else so that a flood of any lookup frame, allowed or not, costs one
 * aggregated LOOKUP_RATE_LIMITED record per node per minute and not one
 * record per frame; then the lookup role; the query normalised into blind
 * keys (lookup_keys); the open cases read from the read-only store handle
 * (lookup_open_cases: a few B-tree probes, no writer round trip, so the
 * answer stays fast under load); the LOOKUP record queued (asking node,
 * digest of the query, hit or miss; never the query); the answer. If the
 * record cannot be queued the lookup is answered OVERLOADED, not answered
 * unaudited. The record commits in the writer's next batch, shortly after
 * the answer left (the price of answering from the service thread).
 *
 * Flags, writer thread (flags_wr_touch, called once from the writer half
 * of Share and of Refer): the victim's keys against the open cases; per
 * case matched, a touch recorded, a notice per node told (the case's
 * referring agency and the area's flag_agencies, not the toucher's own
 * node), FLAG_RAISED audited, and the told nodes notified. In the same
 * transaction as the share: a share undone flags nobody.
 * Delivery, service thread (flag_svc_pump, from session_pump_outbox): the
 * node's pending notices after the last one sent on this connection, as
 * Flag frames. Acknowledgement, writer thread (flag_wr_ack, from the
 * DeliverAck path): FLAG_ACKED audited once.
 *
 * Flag history, writer thread (flag_history_wr_commit): nodes of the case's
 * referring agency or of an agency its area flags, serving the area;
 * audited FLAG_HISTORY_READ, answered after COMMIT.
 */
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "flags.h"
#include "gw.h"
#include "log.h"
#include "lookup.h"
#include "match.h"
#include "mgw_err.h"

#define AGENCY_MAX MARAC__V1__AGENCY__AGENCY_EDUCATION
/* Kinds a match can be on (bits 1..MATCH_KIND_FUZZY_NAME_DOB). */
#define KIND_NAMES_MAX 8

/* The names of the kinds in bits (static strings). */
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

/* The gateway's day (clock.h: settable for tests, as every deadline). */
static int32_t today_days(void)
{
	return mgw_today();
}

/* ---- rate limit (service thread) ------------------------------------------ */

struct bucket {
	char node[MGW_ID_MAX + 1];  /* "" = free slot */
	double tokens;
	int64_t refill_ms;          /* monotonic time of the last refill */
	uint64_t refused;           /* refusals not yet audited */
	int64_t audited_ms;         /* monotonic time of the last LOOKUP_RATE_LIMITED record */
	int agency;
};

static struct bucket buckets[MGW_LOOKUP_BUCKETS];

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The node's bucket; a new one starts full. The least recently refilled goes first. */
static struct bucket *bucket_of(const char *node, unsigned burst, int64_t now)
{
	struct bucket *free_b = NULL, *old = &buckets[0];
	for (size_t i = 0; i < MGW_LOOKUP_BUCKETS; i++) {
		struct bucket *b = &buckets[i];
		if (b->node[0] == '\0') {
			if (free_b == NULL)
				free_b = b;
			continue;
		}
		if (strcmp(b->node, node) == 0)
			return b;
		if (b->refill_ms < old->refill_ms)
			old = b;
	}
	struct bucket *b = free_b ? free_b : old;
	memset(b, 0, sizeof *b);
	snprintf(b->node, sizeof b->node, "%s", node);
	b->tokens = burst;
	b->refill_ms = now;
	b->audited_ms = now - (int64_t)MGW_LOOKUP_REFUSED_AUDIT_SECS * 1000;
	return b;
}

/* Audit the bucket's refusals not yet recorded, as one record with their count. */
static void bucket_audit(struct gw *g, struct bucket *b, int64_t now)
{
	if (b->refused == 0)
		return;
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP_RATE_LIMITED,
		.actor_node = b->node,
		.actor_agency = b->agency,
		.reason = "rate_limited",
		.count = b->refused,
	};
	if (audit_emit(g, NULL, &f, NULL) == MGW_OK)
		b->refused = 0;
	b->audited_ms = now;
}

void lookup_svc_flush(struct gw *g, int force)
{
	int64_t now = mono_ms();
	for (size_t i = 0; i < MGW_LOOKUP_BUCKETS; i++) {
		struct bucket *b = &buckets[i];
		if (b->node[0] && b->refused &&
		    (force || now - b->audited_ms >= (int64_t)MGW_LOOKUP_REFUSED_AUDIT_SECS * 1000))
			bucket_audit(g, b, now);
	}
}

/* 1 if s may make one more lookup now (a token taken); 0: refused RATE_LIMITED. */
static int bucket_take(struct gw *g, struct session *s, const char *msg_id)
{
	const struct mgw_config *c = g->epoch->cfg;
	int64_t now = mono_ms();
	struct bucket *b = bucket_of(s->node, c->lookup_burst, now);
	b->agency = s->agency;
	double add = (double)(now - b->refill_ms) * c->lookup_per_minute / 60000.0;
	b->tokens = b->tokens + add > c->lookup_burst ? c->lookup_burst : b->tokens + add;
	b->refill_ms = now;
	int due = now - b->audited_ms >= (int64_t)MGW_LOOKUP_REFUSED_AUDIT_SECS * 1000;
	if (b->tokens >= 1.0) {
		b->tokens -= 1.0;
		if (due)
			bucket_audit(g, b, now); /* the tail of an earlier flood (or the tick's) */
		return 1;
	}
	/* The first refusal of an interval is recorded at once, the rest counted. */
	b->refused++;
	if (due)
		bucket_audit(g, b, now);
	metrics_refusal(g, "rate_limited");
	uint8_t *buf;
	size_t len;
	char msg[96];
	snprintf(msg, sizeof msg, "more than %u lookups a minute (burst %u): wait, then ask again",
		 c->lookup_per_minute, c->lookup_burst);
	if (frame_pack_error(MARAC__V1__ERROR_CODE__ERROR_CODE_RATE_LIMITED, msg, msg_id, &buf,
			     &len) == MGW_OK) {
		session_queue_ctl(s, buf, len);
		free(buf);
	}
	return 0;
}

/* ---- lookup (service thread) ---------------------------------------------- */

static void answer_result(struct session *s, const char *msg_id, const struct lookup_case *lc,
			  size_t n, const struct mgw_config *c, sqlite3 *db)
{
	Marac__V1__LookupCase cases[MGW_LOOKUP_MAX_CASES], *cp[MGW_LOOKUP_MAX_CASES];
	Marac__V1__Agency ags[MGW_LOOKUP_MAX_CASES][AGENCY_MAX];
	char *kinds[MGW_LOOKUP_MAX_CASES][KIND_NAMES_MAX];
	for (size_t i = 0; i < n; i++) {
		Marac__V1__LookupCase *x = &cases[i];
		marac__v1__lookup_case__init(x);
		x->case_ref = (char *)lc[i].case_ref;
		x->marac_area = (char *)lc[i].area;
		x->risk_level = lc[i].level;
		x->last_heard = (char *)lc[i].last_heard;
		x->marker_active = lookup_marker_active(db, lc[i].case_ref) > 0;
		size_t na = 0;
		for (int ag = 1; ag <= AGENCY_MAX; ag++)
			if (lc[i].agencies & (1u << ag))
				ags[i][na++] = (Marac__V1__Agency)ag;
		x->agencies = ags[i];
		x->n_agencies = na;
		const struct mgw_area *a = config_area(c, lc[i].area);
		x->contact = (char *)(a && a->lookup_contact ? a->lookup_contact : "");
		x->n_matched_on = kind_names(lc[i].kinds, kinds[i]);
		x->matched_on = kinds[i];
		cp[i] = x;
	}
	Marac__V1__LookupResult r = MARAC__V1__LOOKUP_RESULT__INIT;
	r.msg_id = (char *)(msg_id ? msg_id : "");
	r.found = n > 0;
	r.cases = cp;
	r.n_cases = n;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_LOOKUP_RESULT;
	f.lookup_result = &r;
	uint8_t *buf;
	size_t len;
	if (codec_pack(&f.base, &buf, &len) == MGW_OK) {
		session_queue_ctl(s, buf, len);
		free(buf);
	}
}

void lookup_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const Marac__V1__LookupRequest *q = f->lookup_request;
	const struct mgw_config *c = g->epoch->cfg;
	const struct mgw_node *me = config_node_by_id(c, s->node);
	const char *msg_id = q->msg_id && q->msg_id[0] ? q->msg_id : NULL;
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
			    .msg_id = msg_id};
	struct match_keys k = {0};
	struct lookup_case lc[MGW_LOOKUP_MAX_CASES];
	size_t n = 0;
	uint8_t digest[32];

	if (!bucket_take(g, s, msg_id))
		goto out;
	if (me == NULL || !(me->roles & MGW_ROLE_LOOKUP)) {
		refuse(g, s, NULL, NULL, &r, "lookups are for certificates with the lookup role");
		goto out;
	}
	r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
	if (msg_id && !gw_msg_id_ok(msg_id)) {
		r.reason = "invalid_msg_id";
		refuse(g, s, NULL, NULL, &r, "msg_id: 1-128 printable ASCII characters, no spaces");
		goto out;
	}
	if (c->match_key == NULL) {
		refuse(g, s, NULL, NULL, &r, "this gateway holds no cases (no referrals: section)");
		goto out;
	}
	if (lookup_keys(q->phone, q->nhs_number, q->full_name, q->date_of_birth, c->match_key,
			c->match_key_len, &k, digest) != MGW_OK) {
		refuse(g, s, NULL, NULL, &r,
		       "give exactly one of: phone (a UK number), nhs_number (10 digits, valid "
		       "check digit), or full_name with date_of_birth");
		goto out;
	}
	sqlite3 *db = store_db(g->reader);
	if (lookup_open_cases(db, &k, NULL, today_days(), c->repeat_window_months, lc,
			      MGW_LOOKUP_MAX_CASES, &n) != MGW_OK) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL;
		refuse(g, s, NULL, NULL, &r, "the index could not be read; ask again");
		goto out;
	}
	unsigned kinds = 0;
	for (size_t i = 0; i < n; i++)
		kinds |= lc[i].kinds;
	char *kn[KIND_NAMES_MAX];
	struct audit_fields af = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_LOOKUP,
		.actor_node = s->node,
		.actor_agency = s->agency,
		.msg_id = msg_id,
		.case_ref = n ? lc[0].case_ref : NULL,
		.reason = n ? "hit" : "miss",
		.query_sha256 = digest,
		.matched_on = kn,
		.n_matched_on = kind_names(kinds, kn),
	};
	if (audit_emit(g, NULL, &af, NULL) != MGW_OK) {
		/* No answer without its record. */
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_OVERLOADED;
		refuse(g, s, NULL, NULL, &r, "the audit queue is full; ask again");
		goto out;
	}
	answer_result(s, msg_id, lc, n, c, db);
	log_event(LOG_INFO, "lookup", "node", s->node, "result", n ? "hit" : "miss", NULL);
out:
	match_keys_free(&k);
	codec_free(&f->base);
}

/* ---- flags: raised by the writer half of Share and Refer ------------------- */

/* Told about a case of area referred by referrer: that agency and the area's flag_agencies. */
static unsigned told_agencies(const struct mgw_config *c, const char *area, int referrer)
{
	const struct mgw_area *a = config_area(c, area);
	unsigned told = a ? a->flag_agencies : 1u << MARAC__V1__AGENCY__AGENCY_IDVA;
	if (referrer > 0 && referrer < 32)
		told |= 1u << referrer;
	return told;
}

/* One case touched: the touch, a notice per node told, FLAG_RAISED. */
static int flag_case(struct wctx *w, const struct job *j, const struct lookup_case *lc,
		     const char *via, int64_t now)
{
	const struct mgw_config *c = w->e->cfg;
	sqlite3 *db = store_db(w->st);
	int64_t touch_id;
	int rc = flags_touch(db, lc->case_ref, lc->area, j->agency, j->node, now, lc->kinds, via,
			     &touch_id);
	if (rc != MGW_OK)
		return rc;
	unsigned told = told_agencies(c, lc->area, lc->referring_agency);
	for (size_t i = 0; i < c->n_nodes; i++) {
		const struct mgw_node *nd = &c->nodes[i];
		if (nd->agency <= 0 || nd->agency >= 32 || !(told & (1u << nd->agency)) ||
		    !(nd->roles & MGW_ROLE_NODE) || strcmp(nd->id, j->node) == 0 ||
		    !config_node_in_area(nd, lc->area))
			continue;
		uint8_t rnd[16];
		char id[FLAGS_ID_LEN];
		uint64_t seq;
		if (RAND_bytes(rnd, sizeof rnd) != 1)
			return MGW_E_NOMEM;
		gw_hex(rnd, sizeof rnd, id);
		if ((rc = flags_notice(db, nd->id, touch_id, id, &seq)) != MGW_OK)
			return rc;
		struct completion *nc = completion_notify(nd->id);
		if (nc)
			nc->flags = 1; /* the pump reads flags only after one of these */
		clist_append(w->answers, nc);
	}
	int ags[AGENCY_MAX];
	size_t na = 0;
	for (int ag = 1; ag <= AGENCY_MAX; ag++)
		if (told & (1u << ag))
			ags[na++] = ag;
	char *kn[KIND_NAMES_MAX];
	struct audit_fields f = {
		.time_ms = now,
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FLAG_RAISED,
		.actor_node = j->node,
		.actor_agency = j->agency,
		.case_ref = lc->case_ref,
		.marac_area = lc->area,
		.reason = via,
		.matched_on = kn,
		.n_matched_on = kind_names(lc->kinds, kn),
		.flagged_agencies = ags,
		.n_flagged_agencies = na,
	};
	if ((rc = audit_emit(w->g, w, &f, NULL)) != MGW_OK)
		return rc;
	log_event(LOG_INFO, "flag_raised", "node", j->node, "case_ref", lc->case_ref, "via", via,
		  NULL);
	return MGW_OK;
}

int flags_wr_touch(struct wctx *w, const struct job *j, const Marac__V1__Person *victim,
		   const struct match_keys *keys, const char *case_ref, const char *via,
		   int64_t now)
{
	const struct mgw_config *c = w->e->cfg;
	struct match_keys own = {0};
	struct lookup_case lc[MGW_LOOKUP_MAX_CASES];
	size_t n = 0;
	int rc = MGW_OK;
	if (c->match_key == NULL || (keys == NULL && victim == NULL))
		return MGW_OK; /* no index at this gateway, or no victim to match */
	if (keys == NULL) {
		rc = match_keys(victim, NULL, 0, c->match_key, c->match_key_len, &own);
		if (rc == MGW_E_TOO_LARGE || rc == MGW_E_INVALID)
			return MGW_OK; /* a victim that makes no usable keys flags nobody */
		if (rc != MGW_OK)
			return rc;
		keys = &own;
	}
	/* the gateway's day, as for a lookup: both see the same open cases */
	rc = lookup_open_cases(store_db(w->st), keys, case_ref, today_days(),
			       c->repeat_window_months, lc, MGW_LOOKUP_MAX_CASES, &n);
	for (size_t i = 0; rc == MGW_OK && i < n; i++)
		rc = flag_case(w, j, &lc[i], via, now);
	match_keys_free(&own);
	return rc;
}

/* ---- flags: delivery (service thread) and acknowledgement (writer) --------- */

struct pump_ctx {
	struct session *s;
	uint64_t last;
	size_t n;
	int stopped;
};

static int pump_row(void *ctx, const struct flag_row *r)
{
	struct pump_ctx *p = ctx;
	char *kn[KIND_NAMES_MAX];
	Marac__V1__Flag fl = MARAC__V1__FLAG__INIT;
	fl.seq = r->seq;
	fl.flag_id = (char *)r->flag_id;
	fl.case_ref = (char *)r->case_ref;
	fl.marac_area = (char *)r->area;
	fl.touched_by_agency = r->agency;
	fl.touched_by_node = (char *)r->node;
	fl.touched_at_ms = r->at_ms;
	fl.n_matched_on = kind_names(r->kinds, kn);
	fl.matched_on = kn;
	fl.via = (char *)r->via;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_FLAG;
	f.flag = &fl;
	uint8_t *buf;
	size_t len;
	if (codec_pack(&f.base, &buf, &len) != MGW_OK) {
		p->stopped = 1;
		return 1;
	}
	session_queue_ctl(p->s, buf, len);
	free(buf);
	p->last = r->seq;
	p->n++;
	return 0;
}

void flag_svc_pump(struct gw *g, struct session *s)
{
	if (!s->flags_dirty) /* h11-perf: no flag committed since a pump found none */
		return;
	if (!s->welcomed || s->closing || !(s->roles & MGW_ROLE_NODE))
		return;
	/* Each ack pumps again: only as many as leave the control queue short,
	 * so a node acknowledging quickly is never culled as not reading. */
	if (s->ctl_count >= MGW_FLAG_SEND_MAX)
		return;
	struct pump_ctx p = {.s = s, .last = s->flag_sent_seq};
	if (flags_pending(store_db(g->reader), s->node, s->flag_sent_seq,
			  MGW_FLAG_SEND_MAX - s->ctl_count, pump_row, &p) != MGW_OK) {
		log_event(LOG_ERROR, "flag_read_failed", "node", s->node, NULL);
		return;
	}
	s->flag_sent_seq = p.last;
	/* h11-perf: a pump that found none clears it (one that found some may
	 * have left more: the next pump reads again); a flag's notify sets it */
	if (p.n == 0 && !p.stopped)
		s->flags_dirty = 0;
}

int flag_wr_ack(struct wctx *w, const struct job *j, const char *flag_id)
{
	char case_ref[LOOKUP_REF_MAX];
	int was = 0;
	int rc = flags_ack(store_db(w->st), j->node, flag_id, store_now_ms(), &was, case_ref,
			   sizeof case_ref);
	if (rc != MGW_OK || was)
		return rc;
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FLAG_ACKED,
		.actor_node = j->node,
		.actor_agency = j->agency,
		.recipient_node = j->node,
		.recipient_agency = j->agency,
		.delivery_id = flag_id,
		.case_ref = case_ref,
	};
	return audit_emit(w->g, w, &f, NULL);
}

/* ---- flag history (writer thread, then the service thread's entry) --------- */

struct history_job {
	struct job base;
	char case_ref[MGW_CASE_REF_MAX + 1];
};

struct history_ctx {
	Marac__V1__FlagEntry *e;
	Marac__V1__FlagEntry **ep;
	char *(*kinds)[KIND_NAMES_MAX];
	char **strs;                /* node and via copies, 2 per entry */
	size_t n;
	int nomem;                  /* a copy failed: no partial history is answered */
	size_t room;                /* bytes left for entries under max_frame_bytes */
	int full;                   /* stopped for room: more = 1 */
};

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static int history_row(void *ctx, const struct flag_row *r)
{
	struct history_ctx *h = ctx;
	Marac__V1__FlagEntry *e = &h->e[h->n];
	marac__v1__flag_entry__init(e);
	char *node = dup_or_empty(r->node), *via = dup_or_empty(r->via);
	h->strs[2 * h->n] = node;
	h->strs[2 * h->n + 1] = via;
	if (node == NULL || via == NULL) {
		h->nomem = 1;
		return 1;
	}
	e->agency = r->agency;
	e->node = node;
	e->at_ms = r->at_ms;
	e->via = via;
	e->n_matched_on = kind_names(r->kinds, h->kinds[h->n]);
	e->matched_on = h->kinds[h->n];
	/* The entry, its tag and length: stop (more = 1) before the frame would not fit. */
	size_t cost = protobuf_c_message_get_packed_size(&e->base) + 6;
	if (cost > h->room) {
		h->full = 1;
		return 1;
	}
	h->room -= cost;
	h->ep[h->n] = e;
	h->n++;
	return 0;
}

static int history_wr_commit(struct job *jb, struct wctx *w)
{
	struct history_job *j = (struct history_job *)jb;
	const struct mgw_config *c = w->e->cfg;
	const struct mgw_node *me = config_node_by_id(c, jb->node);
	sqlite3 *db = store_db(w->st);
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_CASE,
			    .case_ref = j->case_ref};
	char area[MGW_ID_MAX + 1];
	int referrer = 0;
	int rc = flags_case_owner(db, j->case_ref, area, sizeof area, &referrer);
	if (rc == MGW_E_NOTFOUND ||
	    (rc == MGW_OK && (me == NULL || !config_node_in_area(me, area))))
		return refuse(w->g, NULL, w, jb, &r,
			      "case_ref: no case in an area this node serves");
	if (rc != MGW_OK)
		return rc;
	if (jb->agency <= 0 || jb->agency >= 32 ||
	    !(told_agencies(c, area, referrer) & (1u << jb->agency))) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED;
		return refuse(w->g, NULL, w, jb, &r,
			      "a case's flag history is for its referring agency and the agencies "
			      "its area flags");
	}
	struct history_ctx h = {0};
	h.e = calloc(MGW_FLAG_HISTORY_MAX, sizeof *h.e);
	h.ep = calloc(MGW_FLAG_HISTORY_MAX, sizeof *h.ep);
	h.kinds = calloc(MGW_FLAG_HISTORY_MAX, sizeof *h.kinds);
	h.strs = calloc(2 * MGW_FLAG_HISTORY_MAX, sizeof *h.strs);
	int more = 0;
	/* Frame, FlagHistory and case_ref take well under 256 bytes (frames are >= 4096). */
	h.room = c->max_frame_bytes - 256;
	rc = MGW_E_NOMEM;
	if (h.e == NULL || h.ep == NULL || h.kinds == NULL || h.strs == NULL)
		goto out;
	if ((rc = flags_history(db, j->case_ref, MGW_FLAG_HISTORY_MAX, history_row, &h, &more)) !=
	    MGW_OK)
		goto out;
	rc = MGW_E_NOMEM;
	if (h.nomem)
		goto out;
	more |= h.full;
	Marac__V1__FlagHistory fh = MARAC__V1__FLAG_HISTORY__INIT;
	fh.case_ref = j->case_ref;
	fh.entries = h.ep;
	fh.n_entries = h.n;
	fh.more = more;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_FLAG_HISTORY;
	f.flag_history = &fh;
	uint8_t *buf;
	size_t len;
	if ((rc = codec_pack(&f.base, &buf, &len)) != MGW_OK)
		goto out;
	struct audit_fields af = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_FLAG_HISTORY_READ,
		.actor_node = jb->node,
		.actor_agency = jb->agency,
		.case_ref = j->case_ref,
		.marac_area = area,
	};
	if ((rc = audit_emit(w->g, w, &af, NULL)) != MGW_OK) {
		free(buf);
		goto out;
	}
	clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
out:
	if (h.strs)
		for (size_t i = 0; i < 2 * MGW_FLAG_HISTORY_MAX; i++)
			free(h.strs[i]);
	free(h.strs);
	free(h.e);
	free(h.ep);
	free(h.kinds);
	return rc;
}

static void history_wr_failed(struct job *jb, struct wctx *w)
{
	answer_not_stored(w, jb, NULL);
}

static const struct job_ops history_ops = {
	.name = "flag_history",
	.wr_commit = history_wr_commit,
	.wr_failed = history_wr_failed,
};

void flag_history_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const Marac__V1__FlagHistoryRequest *q = f->flag_history_request;
	const struct mgw_node *me = config_node_by_id(g->epoch->cfg, s->node);
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
			    .case_ref = q->case_ref};
	if (me == NULL || !(me->roles & MGW_ROLE_NODE)) {
		refuse(g, s, NULL, NULL, &r, "certificate has no node role");
		goto out;
	}
	if (!gw_case_ref_ok(q->case_ref)) {
		r.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST;
		refuse(g, s, NULL, NULL, &r, "case_ref: required (a MARAC case reference)");
		goto out;
	}
	struct history_job *j = calloc(1, sizeof *j);
	if (j == NULL)
		goto out;
	session_job_init(g, s, &j->base, &history_ops);
	snprintf(j->case_ref, sizeof j->case_ref, "%s", q->case_ref);
	session_submit(g, s, &j->base, NULL);
out:
	codec_free(&f->base);
}

/*
 * req_rate.c: the per-connection request bucket (limits.requests_burst at
 * once, refilled at limits.requests_per_second: mgw_limits.h MGW_REQ_*).
 * Service thread only, like the session fields it keeps (req_tokens,
 * req_refill_ms, rate_paused, and the two limits as they were when the
 * session connected: a reload applies to connections made after it).
 *
 * Every list and history read, follow-up or lifecycle change, agenda or
 * audit query, and every refusal writes an audit record; nothing else bounds
 * how fast a node can send them. Shares, referrals, DeliverAcks and lookups
 * are bounded otherwise (max_in_flight and the windows; the lookup bucket)
 * and cost nothing here unless they are refused. A RetractAck is charged:
 * each is a writer job of its own (DeliverAcks are coalesced), and one node
 * repeating the RetractAck of a confirmed retraction sent 104,000 in 1.9 s
 * and slowed every other node's shares fivefold; a node answers one per
 * Retract, and retractions are rare. An AuditQuery page costs
 * MGW_REQ_AUDIT_QUERY_COST: it is heavy writer work. When the bucket is
 * empty the session is not read (session.c rx_update) until session_tick
 * refills it: back-pressure, nothing is refused or lost.
 *
 * r-redteam4: the bucket is the node's, not the connection's. A connection
 * starts with what the node's last one left (kept here when it closed or
 * was superseded, refilled for the time between), and the connection
 * itself costs a token: each writes a NODE_CONNECTED record and a Hello
 * job. A node whose connections alone have run its bucket into debt is
 * refused at the upgrade (HTTP 503, audited as counted CONNECTION_REFUSED
 * connect_rate, refuse_preauth; req_rate_may_connect).
 * Before, an auditor reconnecting after each burst of 20 AuditQuery pages
 * had all it asked for at once (80 pages over 4 connections in 0.09 s),
 * and a node reconnecting in a loop wrote a record per connection at the
 * speed of its handshakes.
 */
#include <stdio.h>
#include <string.h>

#include "gw.h"

/*
 * Buckets of nodes with no live session, by node id: open addressing over
 * MGW_REQ_KEPT_BUCKETS slots, probing MGW_REQ_KEPT_PROBE. A slot whose
 * bucket has refilled by now says nothing a missing one does not (a new
 * connection starts full), so it is free for another node; when every
 * probed slot still holds a partial bucket the oldest is forgotten, which
 * only ever gives that node a full bucket back (as before this table).
 */
#define MGW_REQ_KEPT_PROBE 8u

static struct kept_bucket {
	char node[MGW_ID_MAX + 1];  /* "" : free */
	double tokens;
	unsigned burst, per_sec;
	int64_t at_ms;
} kept[MGW_REQ_KEPT_BUCKETS];

static unsigned kept_hash(const char *node)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *node; node++)
		h = (h ^ (uint8_t)*node) * 16777619u;
	return h % MGW_REQ_KEPT_BUCKETS;
}

/*
 * Tokens earned from *since_ms to now_ms. The times are the wall clock's
 * (store_now_ms), which may step back (NTP, a VM resumed): time that went
 * backwards counts as none, and *since_ms moves back with the clock, so
 * the refill goes on at once instead of after the step has been lived
 * again. (rv-review4: a refill over the negative interval took 50 tokens
 * per second of the step, and a node whose kept bucket was thus deep in
 * debt was refused at every upgrade for as long as the step.)
 */
static double earned(int64_t *since_ms, int64_t now_ms, unsigned per_sec)
{
	if (now_ms < *since_ms) {
		*since_ms = now_ms;
		return 0.0;
	}
	return (double)(now_ms - *since_ms) * per_sec / 1000.0;
}

static double kept_now(struct kept_bucket *k, int64_t now_ms)
{
	double t = k->tokens + earned(&k->at_ms, now_ms, k->per_sec);
	return t > k->burst ? k->burst : t;
}

/* The slot of node, or NULL. */
static struct kept_bucket *kept_find(const char *node)
{
	unsigned h = kept_hash(node);
	for (unsigned i = 0; i < MGW_REQ_KEPT_PROBE; i++) {
		struct kept_bucket *k = &kept[(h + i) % MGW_REQ_KEPT_BUCKETS];
		if (strcmp(k->node, node) == 0)
			return k;
	}
	return NULL;
}

static void refill(struct session *s, int64_t now_ms)
{
	s->req_tokens += earned(&s->req_refill_ms, now_ms, s->req_per_sec);
	if (s->req_tokens > s->req_burst)
		s->req_tokens = s->req_burst;
	s->req_refill_ms = now_ms;
}

void req_rate_init(struct session *s, const struct mgw_config *c, int64_t now_ms)
{
	s->req_burst = c->requests_burst;
	s->req_per_sec = c->requests_per_second;
	s->req_tokens = s->req_burst;
	s->req_refill_ms = now_ms;
	s->rate_paused = 0;
	s->rate_kept = 0;
	struct kept_bucket *k = kept_find(s->node);
	if (k) {
		double t = kept_now(k, now_ms);
		if (t < s->req_tokens)
			s->req_tokens = t;
		k->node[0] = '\0';
	}
	/* the connection itself: its NODE_CONNECTED record and Hello job */
	s->req_tokens -= 1.0;
	if (s->req_tokens < 1.0)
		s->rate_paused = 1; /* session_tick reads it again once refilled */
}

void req_rate_keep(struct session *s, int64_t now_ms)
{
	if (s->rate_kept || s->node[0] == '\0' || s->req_burst == 0)
		return;
	s->rate_kept = 1;
	refill(s, now_ms);
	if (s->req_tokens >= s->req_burst)
		return; /* full: as good as forgotten */
	struct kept_bucket *k = kept_find(s->node);
	if (k == NULL) {
		unsigned h = kept_hash(s->node);
		for (unsigned i = 0; i < MGW_REQ_KEPT_PROBE; i++) {
			struct kept_bucket *c = &kept[(h + i) % MGW_REQ_KEPT_BUCKETS];
			if (c->node[0] == '\0' || kept_now(c, now_ms) >= c->burst) {
				k = c;
				break;
			}
			if (k == NULL || c->at_ms < k->at_ms)
				k = c;
		}
	}
	snprintf(k->node, sizeof k->node, "%s", s->node);
	k->tokens = s->req_tokens;
	k->burst = s->req_burst;
	k->per_sec = s->req_per_sec;
	k->at_ms = now_ms;
}

int64_t req_rate_wait_ms(const struct session *s)
{
	if (s->req_tokens >= 1.0 || s->req_per_sec == 0)
		return 0;
	/* + a second: session_tick refills paused sessions once a second */
	return (int64_t)((1.0 - s->req_tokens) * 1000.0 / s->req_per_sec) + 1001;
}

/*
 * A session stops being read once its bucket is below one token, so a
 * node's bucket goes at most one AuditQuery page into debt by reading
 * (1 - MGW_REQ_AUDIT_QUERY_COST). A reconnection then is admitted and
 * waits, paused, for the refill: a client that reconnects after paging an
 * export is slowed, not refused. Only connections themselves (a token
 * each) take the bucket below CONNECT_FLOOR, and beyond it they are
 * refused: a connect loop gets requests_burst + MGW_REQ_AUDIT_QUERY_COST
 * connections at once, then requests_per_second.
 */
#define CONNECT_FLOOR (-(double)MGW_REQ_AUDIT_QUERY_COST)

int req_rate_may_connect(const struct session *live, const char *node, int64_t now_ms)
{
	if (live) {
		int64_t since = live->req_refill_ms;
		return live->req_tokens + earned(&since, now_ms, live->req_per_sec) >= CONNECT_FLOOR;
	}
	struct kept_bucket *k = kept_find(node);
	return k == NULL || kept_now(k, now_ms) >= CONNECT_FLOOR;
}

int req_rate_charge(struct session *s, int body_case, int refused)
{
	switch (body_case) {
	case MARAC__V1__FRAME__BODY_HELLO:
	case MARAC__V1__FRAME__BODY_SHARE:
	case MARAC__V1__FRAME__BODY_REFER:
	case MARAC__V1__FRAME__BODY_DELIVER_ACK:
	case MARAC__V1__FRAME__BODY_LOOKUP_REQUEST:
		if (!refused)
			return 0; /* bounded by max_in_flight and the windows, or own bucket */
		break;
	default:
		if (refused && body_case)
			return 0; /* charged when it was read */
		break;
	}
	refill(s, store_now_ms());
	s->req_tokens -= body_case == MARAC__V1__FRAME__BODY_AUDIT_QUERY && !refused
				 ? (double)MGW_REQ_AUDIT_QUERY_COST
				 : 1.0;
	if (s->req_tokens >= 1.0 || s->rate_paused)
		return 0;
	s->rate_paused = 1;
	return 1;
}

int req_rate_refill(struct session *s, int64_t now_ms)
{
	refill(s, now_ms);
	if (!s->rate_paused || s->req_tokens < 1.0)
		return 0;
	s->rate_paused = 0;
	return 1;
}

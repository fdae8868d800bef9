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
 */
#include "gw.h"

void req_rate_init(struct session *s, const struct mgw_config *c, int64_t now_ms)
{
	s->req_burst = c->requests_burst;
	s->req_per_sec = c->requests_per_second;
	s->req_tokens = s->req_burst;
	s->req_refill_ms = now_ms;
	s->rate_paused = 0;
}

static void refill(struct session *s, int64_t now_ms)
{
	s->req_tokens += (double)(now_ms - s->req_refill_ms) * s->req_per_sec / 1000.0;
	if (s->req_tokens > s->req_burst)
		s->req_tokens = s->req_burst;
	s->req_refill_ms = now_ms;
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

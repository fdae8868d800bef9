/*
 * session.c: transport only. The lws protocols, admission, one struct
 * session per node connection, frame reassembly, the outbound queues, and
 * routing of each decoded Frame to its request kind (req_*.c). Everything
 * here runs on the SERVICE THREAD.
 *
 * Shape (STYLE.md 1): one protocols[] table, one callback per protocol, a
 * single switch. protocols[0] ("(gateway)") sees TCP accepts, the TLS verify
 * callbacks and any request without the marac.v1 subprotocol, which it
 * refuses. protocols[1] ("marac.v1") is the node protocol.
 *
 * Admission, cheapest first:
 *  - TCP accept: connections still in handshake (TLS, upgrade) are tracked
 *    per source address; while the pool is under pressure the oldest of an
 *    address beyond limits.preauth_per_address is dropped, and the pool of handshaking
 *    connections is separate from the node slots, so idle or slow peers can
 *    never take a registered node's slot. lws drops a handshake that takes
 *    longer than MGW_PREAUTH_TIMEOUT_SECS.
 *  - Upgrade (HTTP_CONFIRM_UPGRADE, where lws still lets us answer with a
 *    status): path /v1 or / (else HTTP 404), subprotocol marac.v1 (else
 *    400), certificate in the registry (else 403), a node slot (else 503; a
 *    node replacing its own lingering session is not counted), the node's
 *    request bucket not in debt from reconnecting (else 503, req_rate.c). The same
 *    checks then fill the session in FILTER_PROTOCOL_CONNECTION.
 *  - Hello within handshake_timeout_secs of the upgrade, else
 *    Error{UNEXPECTED_FRAME} and close 1008.
 *
 * Per session: a message that arrives whole is decoded where lws holds it;
 * larger ones are reassembled up to max_frame_bytes (above it: Error
 * FRAME_TOO_LARGE, close 1009) in a buffer kept only up to
 * MGW_RX_KEEP_BYTES; outbound frames wait in two bounded queues, control
 * frames before deliveries, written in order, up to MGW_WRITEABLE_BYTES per
 * WRITEABLE callback, framed here into one raw lws_write (STYLE.md 3: one
 * lws_write per callback; a frame larger than that goes alone).
 * Deliveries are pulled from the durable outbox only while fewer than
 * delivery_window are unacknowledged, and fewer than MGW_DLV_QUEUE_BYTES of
 * them wait for the socket (a slow reader costs disk, not memory). Jobs in the executor are counted per
 * session; at the cap, or when the executor queue is above its high mark,
 * the session stops being read; so it does, until the bucket refills, after
 * limits.requests_burst requests that are neither shares, referrals, acks nor
 * lookups (req_rate.c: each writes an audit record). Established sessions are indexed by conn_id
 * and by node id, so nothing per message walks every connection.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"

/*
 * s11-daemon. The gateway's writer is stuck: reconnect later (proto/README
 * section 7). Not 1013 ("try again later"): libwebsockets 4.1 (and its
 * current master) rewrites a received 1012-1014 to 1002 before any callback
 * sees it, so a client built on it would be told "protocol error".
 */
#define WS_CLOSE_WRITER_STALLED 4001

/* Control frames a node may leave unread before it is cut off (and their
 * bytes: mgw_limits.h MGW_CTL_QUEUE_BYTES, queue_ctl). */
#define CTL_QUEUE_MAX(c) (2u * (c)->max_in_flight + 16u)
/* Refusals made on the writer may come on top, all at once: one per job
 * (MGW_SESSION_JOBS_MAX) and one per ack read ahead of its answer (acks
 * coalesce into few jobs, req_ack.c; acks_open is bounded like jobs,
 * rx_update). The first of them empties the request bucket and stops
 * reading (req_rate.c), so this bounds them (about 100 bytes each) without
 * culling a node for Errors it could not yet have read. */
#define CTL_REFUSALS_MAX(c) \
	(CTL_QUEUE_MAX(c) + 2u * MGW_SESSION_JOBS_MAX((c)->max_in_flight, (c)->delivery_window))

/*
 * Established sessions indexed by conn_id (every completion looks its
 * session up) and by node id (admission, supersession, outbox wake-ups):
 * with thousands of idle nodes connected a walk of gw.sessions per
 * completion or per connect cost more than the work itself. Chained hash
 * buckets; a power of two. Service thread only, like the list.
 */
#define SESSION_BUCKETS 4096u

static struct session *by_conn[SESSION_BUCKETS], *by_node[SESSION_BUCKETS];

static unsigned node_bucket(const char *node)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *node; node++)
		h = (h ^ (uint8_t)*node) * 16777619u;
	return h & (SESSION_BUCKETS - 1);
}

static unsigned conn_bucket(uint64_t conn_id)
{
	return (unsigned)(conn_id & (SESSION_BUCKETS - 1));
}

static void index_add(struct session *s)
{
	struct session **c = &by_conn[conn_bucket(s->conn_id)], **n = &by_node[node_bucket(s->node)];
	s->next_conn = *c;
	*c = s;
	s->next_node = *n;
	*n = s;
}

static void index_del(struct session *s)
{
	for (struct session **pp = &by_conn[conn_bucket(s->conn_id)]; *pp; pp = &(*pp)->next_conn)
		if (*pp == s) {
			*pp = s->next_conn;
			break;
		}
	for (struct session **pp = &by_node[node_bucket(s->node)]; *pp; pp = &(*pp)->next_node)
		if (*pp == s) {
			*pp = s->next_node;
			break;
		}
}

/* The first established session of a node (others: follow next_node, same node). */
static struct session *node_first(const char *node)
{
	for (struct session *s = by_node[node_bucket(node)]; s; s = s->next_node)
		if (strcmp(s->node, node) == 0)
			return s;
	return NULL;
}

struct session *session_by_conn(struct gw *g, uint64_t conn_id)
{
	(void)g;
	for (struct session *s = by_conn[conn_bucket(conn_id)]; s; s = s->next_conn)
		if (s->conn_id == conn_id)
			return s;
	return NULL;
}

static struct out_frame *out_new(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	struct out_frame *o = malloc(sizeof *o + LWS_PRE + alen + blen);
	if (o == NULL)
		return NULL;
	o->next = NULL;
	o->len = alen + blen;
	o->seq = 0;
	o->ctl = 1;
	memcpy(o->buf + LWS_PRE, a, alen);
	if (blen)
		memcpy(o->buf + LWS_PRE + alen, b, blen);
	return o;
}

/*
 * Ask for one WRITEABLE callback: only if none is pending. Queuing a frame
 * asks once when its session had nothing asked (a burst of deliveries is
 * one request, not one poll change each); on_writeable clears the flag
 * and asks again while anything is left.
 */
static void want_write(struct session *s)
{
	if (s->want_write)
		return;
	s->want_write = 1;
	lws_callback_on_writable(s->wsi);
}

void session_close(struct session *s, int status, const char *reason)
{
	if (s->closing)
		return;
	s->closing = 1;
	s->close_status = status;
	snprintf(s->close_reason, sizeof s->close_reason, "%s", reason);
	want_write(s);
}

static void out_free_list(struct out_frame *o)
{
	for (struct out_frame *n; o; o = n) {
		n = o->next;
		free(o);
	}
}

/*
 * s11-daemon. A node that leaves its control queue unread past its bounds
 * is cut off: close 1008 "not reading", logged and audited (SESSION_CULLED).
 * What waits for it is dropped first, so that the close frame is the next
 * thing written: behind up to 32 MiB of answers it waited for the node to
 * read them all, and the connection could end without it (1006: the ping
 * clock runs on while a culled node reads megabytes). Answers dropped are
 * those of requests it must ask again after reconnecting (a Share or
 * Refer again with the same msg_id, which is answered as the first was);
 * its deliveries are in the durable outbox and were never sent on a closing
 * session anyway.
 */
static void session_cull(struct session *s)
{
	if (s->closing)
		return;
	char n[24];
	snprintf(n, sizeof n, "%zu", (size_t)s->ctl_count);
	log_event(LOG_WARN, "session_culled", "node", s->node, "reason", "control_queue_full",
		  "dropped", n, NULL);
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_SESSION_CULLED,
		.actor_node = s->node,
		.actor_agency = s->agency,
		.cert_sha256 = s->cert_sha256,
		.reason = "not_reading",
		.count = s->ctl_count,
	};
	audit_emit(&G, NULL, &f, NULL);
	out_free_list(s->ctl_head);
	s->ctl_head = s->ctl_tail = NULL;
	s->ctl_count = 0;
	s->ctl_bytes = 0;
	session_close(s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "not reading");
}

static void queue_ctl(struct session *s, const uint8_t *frame, size_t len, unsigned max)
{
	if (s->closing)
		return;
	size_t max_bytes = 4u * (size_t)G.epoch->cfg->max_frame_bytes;
	if (max_bytes < MGW_CTL_QUEUE_BYTES)
		max_bytes = MGW_CTL_QUEUE_BYTES;
	if (s->ctl_count >= max || s->ctl_bytes + len > max_bytes) {
		session_cull(s);
		return;
	}
	struct out_frame *o = out_new(frame, len, NULL, 0);
	if (o == NULL) {
		session_close(s, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "out of memory");
		return;
	}
	if (s->ctl_tail)
		s->ctl_tail->next = o;
	else
		s->ctl_head = o;
	s->ctl_tail = o;
	s->ctl_count++;
	s->ctl_bytes += o->len;
	want_write(s);
}

void session_queue_ctl(struct session *s, const uint8_t *frame, size_t len)
{
	queue_ctl(s, frame, len, CTL_QUEUE_MAX(G.epoch->cfg));
}

/* Encode a varint into p; returns bytes written (<= 10). */
static size_t varint(uint64_t v, uint8_t *p)
{
	size_t n = 0;
	do {
		p[n] = (uint8_t)(v & 0x7f);
		v >>= 7;
		if (v)
			p[n] |= 0x80;
		n++;
	} while (v);
	return n;
}

/*
 * The outbox stores each Deliver packed without its seq and delivery_id
 * (one body serves every recipient of the same view). On the wire it is
 * Frame{deliver = (seq field) ++ (delivery_id field) ++ stored bytes}:
 * protobuf fields may come in any order, so prefixing fields 1 and 2 is a
 * valid encoding of the full Deliver. (Bodies stored before version 3 of
 * the store also hold the id: the same value twice, and the last wins.)
 */
static int queue_deliver(struct session *s, uint64_t seq, const char *delivery_id,
			 const uint8_t *body, size_t len)
{
	size_t idn = strlen(delivery_id);
	if (idn > 64) {
		s->outbox_held = 1; /* never ours (32 hex digits) */
		return 1;
	}
	if (s->dlv_head && s->dlv_bytes >= MGW_DLV_QUEUE_BYTES) {
		/* enough waits for this socket: the rest stays in the outbox (or
		 * the cache) until on_writeable has drained these */
		s->dlv_capped = 1;
		return 1;
	}
	uint8_t pre[11 + 11 + 2 + 64];
	uint8_t seqf[11 + 2 + 64];
	size_t sn = 0;
	seqf[sn++] = 0x08; /* Deliver.seq: field 1, varint */
	sn += varint(seq, seqf + sn);
	seqf[sn++] = (2 << 3) | 2; /* Deliver.delivery_id: field 2, length-delimited */
	seqf[sn++] = (uint8_t)idn;
	memcpy(seqf + sn, delivery_id, idn);
	sn += idn;
	size_t hn = 0;
	pre[hn++] = (5 << 3) | 2; /* Frame.deliver: field 5, length-delimited */
	hn += varint(sn + len, pre + hn);
	memcpy(pre + hn, seqf, sn);
	struct out_frame *o = out_new(pre, hn + sn, body, len);
	if (o == NULL)
		return 1;
	o->seq = seq;
	o->ctl = 0;
	if (s->dlv_tail)
		s->dlv_tail->next = o;
	else
		s->dlv_head = o;
	s->dlv_tail = o;
	s->dlv_count++;
	s->dlv_bytes += o->len;
	s->last_queued_seq = seq;
	return 0;
}

/* A row of the outbox as read back from the store: sent only as committed. */
static int outbox_row(void *ctx, uint64_t seq, const char *delivery_id, const uint8_t *body,
		      size_t len, const uint8_t digest[32])
{
	struct session *s = ctx;
	if (outbox_guard_check(G.reader, s->node, seq, delivery_id, digest) != MGW_OK) {
		s->outbox_held = 1; /* this node's stream stops here (gap-free seqs) */
		return 1;
	}
	if (queue_deliver(s, seq, delivery_id, body, len) != 0)
		return 1;
	outbox_cache_drop_through(s->node, seq); /* queued: never from the cache again */
	return 0;
}

/*
 * A delivery kept in memory since its commit (outbox_cache.c): its bytes are
 * the committed ones, but it is sent only if the store still has it to send
 * (not acked, nor withdrawn since, its body not deleted): else the pump's
 * read of the store decides, as for any delivery.
 */
static int cache_row(void *ctx, uint64_t seq, const char *delivery_id, const uint8_t *body,
		     size_t len)
{
	struct session *s = ctx;
	int pending = 0;
	if (store_delivery_pending(G.reader, s->node, seq, &pending) != MGW_OK || !pending)
		return 1;
	return queue_deliver(s, seq, delivery_id, body, len);
}

/*
 * A delivery the writer just committed, with its bytes (EX_DONE_DELIVER):
 * queued without reading the store if it is the next seq of a session
 * that may take it now; anything else is left to the pump, which reads it
 * back (and checks it) in seq order.
 */
static void deliver_committed(struct gw *g, const struct completion *c)
{
	int queued = 0, welcomed = 0;
	/* the node's sessions only (the index), not every connection */
	for (struct session *s = node_first(c->node); s; s = s->next_node) {
		if (strcmp(s->node, c->node) != 0)
			continue;
		welcomed |= s->welcomed && !s->closing;
		if (!s->welcomed || s->closing || s->outbox_held ||
		    s->last_queued_seq + 1 != c->seq || s->unacked >= g->epoch->cfg->delivery_window)
			continue;
		if (queue_deliver(s, c->seq, c->delivery_id, c->frame, c->len) == 0) {
			s->unacked++;
			queued = 1;
			want_write(s);
		}
	}
	/* Not sent yet, to a node with a session: kept for the pump, which
	 * otherwise reads it back (a node away reads its outbox from the store). */
	if (!queued && welcomed)
		outbox_cache_put(c->node, c->seq, c->delivery_id, c->frame, c->len);
}

void session_pump_outbox(struct gw *g, struct session *s)
{
	if (!s->welcomed || s->closing)
		return;
	/* h13-life: Retracts first (a retracted body is never sent), also when
	 * the outbox is held: they carry no body the trail vouches for. */
	if (retract_svc_pump(g, s) || s->outbox_held)
		return; /* more Retracts wait: no Deliver overtakes them */
	flag_svc_pump(g, s); /* flags first: a few small control frames */
	uint64_t acked = 0;
	if (store_acked_through(g->reader, s->node, &acked) != MGW_OK) {
		log_event(LOG_ERROR, "outbox_read_failed", "node", s->node, NULL);
		return;
	}
	if (acked > s->last_queued_seq)
		s->last_queued_seq = acked;
	s->unacked = (unsigned)(s->last_queued_seq - acked);
	unsigned window = g->epoch->cfg->delivery_window;
	if (s->unacked >= window)
		return;
	size_t before = s->dlv_count;
	/* Deliveries kept since their commit first (outbox_cache.c), in seq order. */
	while (s->unacked < window &&
	       outbox_cache_take(s->node, s->last_queued_seq + 1, cache_row, s))
		s->unacked++;
	if (s->unacked >= window || s->dlv_capped) {
		if (s->dlv_count != before)
			want_write(s);
		return;
	}
	int rc = store_outbox_fetch_digest(g->reader, s->node, s->last_queued_seq,
					   window - s->unacked, outbox_row, s, NULL);
	if (rc == MGW_E_INVALID) {
		/* the store's own digest of a body no longer matches (edited or
		 * deleted offline): the same stop as outbox_guard_check's */
		log_event(LOG_ERROR, "outbox_tampered", "node", s->node, NULL);
		s->outbox_held = 1;
	} else if (rc != MGW_OK) {
		log_event(LOG_ERROR, "outbox_read_failed", "node", s->node, NULL);
	}
	if (s->dlv_count != before)
		want_write(s);
}

static void held_free(struct session *s);

static void free_queues(struct session *s)
{
	out_free_list(s->ctl_head);
	out_free_list(s->dlv_head);
	s->ctl_head = s->ctl_tail = s->dlv_head = s->dlv_tail = NULL;
	s->ctl_count = s->dlv_count = 0;
	s->ctl_bytes = s->dlv_bytes = 0;
	free(s->rx);
	s->rx = NULL;
	held_free(s);
}

/* ---- flow control ---------------------------------------------------------- */

/*
 * A full session is not read: lws_rx_flow_control(wsi, 0). libwebsockets
 * 4.1 (Debian 12) must not be told so inside its own read of the socket
 * (on_receive) while its TLS layer holds more bytes of the record it is
 * reading (a node that writes many frames at once): it loops forever,
 * buffering the same bytes again each turn (fixed upstream in 2025, lws
 * 9e9367b and 0ce26bd), and the whole gateway's service thread spins. So
 * inside on_receive a session is only marked full; what it reads after
 * that waits whole, in order, in s->held, and rx_resume, which the event
 * loop runs after the read and before its next poll, stops lws reading.
 * Once there is room, rx_resume handles what is held, then lets lws read.
 * What is held is what lws reads in one go: the rest of its read buffer
 * and of one TLS record (under 21 KiB), and a message it completes.
 */
struct held_msg {
	struct held_msg *next;
	size_t len;
	unsigned char *buf;
};

/*
 * r-redteam6. Bytes of shares and referrals one session may have waiting
 * for their answer (MGW_IN_FLIGHT_BYTES), at least two frames of
 * max_frame_bytes so that a largest share never waits alone.
 */
static size_t in_flight_bytes_max(const struct mgw_config *c)
{
	size_t two = 2u * (size_t)c->max_frame_bytes;
	return two > MGW_IN_FLIGHT_BYTES ? two : MGW_IN_FLIGHT_BYTES;
}

static int rx_is_full(struct gw *g, struct session *s, int queue_high)
{
	const struct mgw_config *c = g->epoch->cfg;
	const unsigned jobs_max = MGW_SESSION_JOBS_MAX(c->max_in_flight, c->delivery_window);
	/* Acks coalesce into few jobs (req_ack.c), so they are bounded by
	 * count: a node can have no more acks read ahead of their answers
	 * (each maybe a refusal, an audit record) than it could jobs. */
	return queue_high || gw_stopping(g) || s->rate_paused || s->in_flight >= c->max_in_flight ||
	       s->in_flight_bytes >= in_flight_bytes_max(c) || s->jobs >= jobs_max ||
	       s->acks_open >= jobs_max;
}

static void rx_resume(lws_sorted_usec_list_t *sul);

static void rx_later(struct gw *g, struct session *s)
{
	lws_sul_schedule(g->ctx, 0, &s->rx_sul, rx_resume, 1);
}

/*
 * r-redteam7. libwebsockets pings a connection idle_ping_secs after its
 * last pong and hangs up ping_timeout_secs later unless it reads another.
 * A node the gateway is not reading (rx_paused, or frames held) cannot be
 * heard: its pong waits in the socket behind the requests not read yet.
 * So the clock stops while the gateway holds a node back (session_tick),
 * and starts again, a whole idle_ping_secs, when it pauses or resumes:
 * its own back-pressure is not a dead peer. Bounded: a pause ends when
 * the node's jobs are answered or its request bucket refills. Bytes read
 * restart it too (on_receive): the connection is dropped idle_ping_secs +
 * ping_timeout_secs after its last byte or pong, as proto/README says.
 */
static void liveness_hold(struct session *s)
{
	/* At most twice a second: lws re-sorts its timer list each time, and a
	 * node at its in-flight cap pauses and resumes once a job. The clock
	 * waits at least idle_ping_secs (>= 1 s) after a restart, and
	 * session_tick restarts it each second while paused. */
	int64_t now = (int64_t)(lws_now_usecs() / 1000); /* monotonic */
	if (s->closing || s->wsi == NULL || (s->live_ms && now - s->live_ms < 500))
		return;
	s->live_ms = now;
	lws_validity_confirmed(s->wsi);
}

static void rx_update(struct gw *g, struct session *s, int queue_high)
{
	/* Once the close is lws's (on_writeable), the connection must stay
	 * read until the node's close ack: a job of this session finishing
	 * with the queue high, or the pauses at shutdown, would pause it again
	 * and the node lose the close frame (s11-review). */
	if (s->close_handed)
		return;
	int full = rx_is_full(g, s, queue_high);
	s->rx_full = full;
	if (s->in_rx) {
		return; /* on_receive and rx_resume see to it when they end */
	} else if (full && !s->rx_paused) {
		lws_rx_flow_control(s->wsi, 0);
		s->rx_paused = 1;
		liveness_hold(s);
	} else if (!full && s->held_head) {
		rx_later(g, s); /* what it holds first, then lws reads */
	} else if (!full && s->rx_paused) {
		lws_rx_flow_control(s->wsi, 1);
		s->rx_paused = 0;
		liveness_hold(s);
	}
}

static void held_free(struct session *s)
{
	for (struct held_msg *h = s->held_head, *n; h; h = n) {
		n = h->next;
		free(h->buf);
		free(h);
	}
	s->held_head = s->held_tail = NULL;
}

static void on_message(struct gw *g, struct session *s, const uint8_t *buf, size_t len);

/* Run by the event loop (rx_later): what is held, in order, while there is room. */
static void rx_resume(lws_sorted_usec_list_t *sul)
{
	struct session *s = lws_container_of(sul, struct session, rx_sul);
	struct gw *g = &G;
	if (s->closing) {
		held_free(s);
		return;
	}
	s->rx_full = rx_is_full(g, s, executor_depth(g) >= EX_HIGH_MARK);
	s->in_rx = 1;
	while (s->held_head && !s->rx_full && !s->closing) {
		struct held_msg *h = s->held_head;
		s->held_head = h->next;
		if (s->held_head == NULL)
			s->held_tail = NULL;
		on_message(g, s, h->buf, h->len);
		s->rx_body_case = 0;
		s->rx_msg_bytes = 0;
		free(h->buf);
		free(h);
	}
	s->in_rx = 0;
	if (s->closing)
		held_free(s);
	else
		rx_update(g, s, executor_depth(g) >= EX_HIGH_MARK);
}

/* A whole message read while the session is full (or others wait): kept
 * for rx_resume. buf is taken if own, else copied. */
static int hold(struct session *s, unsigned char *buf, size_t len, int own)
{
	struct held_msg *h = malloc(sizeof *h);
	unsigned char *b = own ? buf : malloc(len ? len : 1);
	if (h == NULL || b == NULL) {
		free(h);
		if (!own)
			free(b);
		return MGW_E_NOMEM;
	}
	if (!own)
		memcpy(b, buf, len);
	h->next = NULL;
	h->len = len;
	h->buf = b;
	if (s->held_tail)
		s->held_tail->next = h;
	else
		s->held_head = h;
	s->held_tail = h;
	return MGW_OK;
}

void session_job_init(struct gw *g, struct session *s, struct job *j, const struct job_ops *ops)
{
	j->ops = ops;
	snprintf(j->node, sizeof j->node, "%s", s->node);
	j->agency = s->agency;
	j->epoch = epoch_get(g->epoch);
	j->body_case = s->rx_body_case;
}

static int submit(struct gw *g, struct session *s, struct job *j, const char *request_msg_id,
		  struct job **slot)
{
	const struct mgw_config *c = g->epoch->cfg;
	int request = request_msg_id != NULL;
	/* read before the job is handed over: the writer may free it at once */
	size_t bytes = request ? s->rx_msg_bytes : 0;
	int rc = MGW_E_TOO_LARGE;
	if (!request || s->in_flight < c->max_in_flight) {
		j->conn_id = s->conn_id;
		j->counted = 1;
		j->request = request;
		j->req_bytes = bytes;
		rc = slot ? executor_submit_open(g, j, 0, slot) : executor_submit(g, j, 0);
	}
	if (rc < 0) {
		/* Not queued: nothing of it ran. */
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_OVERLOADED,
				    .reason = "overloaded", .msg_id = request_msg_id};
		refuse(g, s, NULL, NULL, &r, "too many requests in flight; retry with the same msg_id");
		job_free(j);
		return MGW_E_TOO_LARGE;
	}
	s->jobs++;
	if (request) {
		s->in_flight++;
		s->in_flight_bytes += bytes;
	}
	rx_update(g, s, rc == 1);
	return MGW_OK;
}

int sessions_stop_reading(struct gw *g)
{
	int busy = 0;
	for (struct session *s = g->sessions; s; s = s->next_live) {
		rx_update(g, s, 0); /* gw_stopping(g): paused */
		busy |= s->jobs > 0 && !s->closing;
	}
	return busy;
}

void session_ack_read(struct gw *g, struct session *s)
{
	s->acks_open++;
	rx_update(g, s, executor_depth(g) >= EX_HIGH_MARK);
}

int session_submit(struct gw *g, struct session *s, struct job *j, const char *request_msg_id)
{
	return submit(g, s, j, request_msg_id, NULL);
}

int session_submit_open(struct gw *g, struct session *s, struct job *j, struct job **slot)
{
	return submit(g, s, j, NULL, slot);
}

/* ---- routing ----------------------------------------------------------------- */

void session_charge_refusal(struct gw *g, struct session *s)
{
	if (s->conn_id && req_rate_charge(s, s->rx_body_case, 1))
		rx_update(g, s, 0);
}

/* buf: the whole message (lws's buffer or s->rx); decoding copies what it keeps. */
static void on_message(struct gw *g, struct session *s, const uint8_t *buf, size_t len)
{
	Marac__V1__Frame *f = NULL;
	if (len > g->epoch->cfg->max_frame_bytes) {
		/* r-redteam7: held (rx_resume) under a limit a reload has lowered
		 * since: refused as receive() refuses one still arriving */
		__atomic_add_fetch(&g->m.frames_too_large, 1, __ATOMIC_RELAXED);
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_FRAME_TOO_LARGE,
				    .close = LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE};
		refuse(g, s, NULL, NULL, &r, "frame above max_frame_bytes");
		return;
	}
	int rc = codec_frame_unpack(buf, len, g->epoch->cfg->max_frame_bytes, &f);
	if (rc != MGW_OK) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_MALFORMED_FRAME,
				    .reason = rc == MGW_E_UTF8 ? "invalid_utf8" : "malformed_frame",
				    .close = LWS_CLOSE_STATUS_INVALID_PAYLOAD};
		refuse(g, s, NULL, NULL, &r, "%s",
		       rc == MGW_E_UTF8 ? "a string field is not valid UTF-8 or holds a NUL"
					: "not a marac.v1 Frame with a body");
		return;
	}
	s->rx_body_case = (int)f->body_case;
	s->rx_msg_bytes = len;
	if (!s->hello_seen && f->body_case != MARAC__V1__FRAME__BODY_HELLO) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNEXPECTED_FRAME,
				    .reason = "no_hello",
				    .close = LWS_CLOSE_STATUS_POLICY_VIOLATION};
		refuse(g, s, NULL, NULL, &r, "the first frame must be Hello");
		codec_free(&f->base);
		return;
	}
	if (req_rate_charge(s, f->body_case, 0))
		rx_update(g, s, 0); /* the bucket is empty: this frame is the last read for now */
	switch (f->body_case) {
	case MARAC__V1__FRAME__BODY_HELLO:
		hello_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_SHARE:
		share_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_DELIVER_ACK:
		ack_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_REFER:
		refer_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_RESEARCH_STATUS:
		research_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_AGENDA_REQUEST:
		agenda_svc_on(g, s, f);
		return;
	/* case lifecycle and retraction (h13-life) */
	case MARAC__V1__FRAME__BODY_CLOSE_CASE:
	case MARAC__V1__FRAME__BODY_MERGE_CASE:
	case MARAC__V1__FRAME__BODY_TRANSFER_CASE:
		case_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_RETRACT_SHARE:
		retract_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_RETRACT_ACK:
		retract_ack_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_LOOKUP_REQUEST:
		lookup_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_FLAG_HISTORY_REQUEST:
		flag_history_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_ACTION_ADD: /* h12-actions */
	case MARAC__V1__FRAME__BODY_ACTION_UPDATE:
	case MARAC__V1__FRAME__BODY_ACTION_LIST_REQUEST:
		action_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_MARKER_ADD:
	case MARAC__V1__FRAME__BODY_MARKER_INFORM:
	case MARAC__V1__FRAME__BODY_MARKER_REVIEW:
	case MARAC__V1__FRAME__BODY_MARKER_LIST_REQUEST:
		marker_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_AUDIT_QUERY:
	case MARAC__V1__FRAME__BODY_CHECKPOINT_REQUEST:
	case MARAC__V1__FRAME__BODY_INCLUSION_PROOF_REQUEST:
	case MARAC__V1__FRAME__BODY_CONSISTENCY_PROOF_REQUEST:
		auditor_svc_on(g, s, f);
		return;
	case MARAC__V1__FRAME__BODY_ERROR:
		log_event(LOG_WARN, "node_error", "node", s->node, NULL);
		break;
	default: {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNEXPECTED_FRAME};
		refuse(g, s, NULL, NULL, &r, "this frame is sent by the gateway, not to it");
		break;
	}
	}
	codec_free(&f->base);
}

static int receive(struct gw *g, struct session *s, struct lws *wsi, const void *in, size_t len);

/* lws's read: rx_update only marks the session full here (rx_resume). */
static int on_receive(struct gw *g, struct session *s, struct lws *wsi, const void *in,
		      size_t len)
{
	/* r-redteam7: bytes arriving are a live peer, as a pong is: a node
	 * cannot pong in the middle of a frame it is still sending (a large
	 * share on a slow link). lws calls this at least every
	 * MGW_WS_RX_BUFFER bytes of a frame; liveness_hold is throttled. */
	liveness_hold(s);
	s->in_rx = 1;
	int rc = receive(g, s, wsi, in, len);
	s->in_rx = 0;
	if (!s->closing && (s->held_head || (s->rx_full && !s->rx_paused)))
		rx_later(g, s);
	return rc;
}

static int receive(struct gw *g, struct session *s, struct lws *wsi, const void *in, size_t len)
{
	if (s->closing)
		return 0;
	if (tls_frame_unmasked(wsi)) {
		/* RFC 6455 5.1: a server MUST close on an unmasked client frame. */
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_MALFORMED_FRAME,
				    .reason = "unmasked_frame",
				    .close = LWS_CLOSE_STATUS_PROTOCOL_ERR};
		refuse(g, s, NULL, NULL, &r, "client frames must be masked (RFC 6455 5.1)");
		return 0;
	}
	if (!lws_frame_is_binary(wsi)) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_MALFORMED_FRAME,
				    .reason = "text_frame",
				    .close = LWS_CLOSE_STATUS_UNACCEPTABLE_OPCODE};
		refuse(g, s, NULL, NULL, &r, "frames are binary protobuf");
		return 0;
	}
	int last = lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0;
	if (s->rx_overflow) {
		/*
		 * Discard the rest of the oversize message, then close 1009. Closing
		 * while the peer's bytes are still arriving makes the kernel answer
		 * with a reset, and the peer may never see the close code. Bounded:
		 * the timeout below cuts a message that never ends.
		 */
		if (last)
			session_close(s, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE, "frame too large");
		return 0;
	}
	size_t cap = g->epoch->cfg->max_frame_bytes;
	/* what the frame's header says is still to come counts too: a header
	 * declaring a terabyte is refused at once, not after 40 s of trickle.
	 * A reload may have lowered cap below what a message begun under the
	 * old limit holds already: checked first, or cap - rx_len wraps and
	 * the buffer below is cut to cap under the bytes it holds. */
	if (s->rx_len > cap || len > cap - s->rx_len ||
	    lws_remaining_packet_payload(wsi) > cap - s->rx_len - len) {
		__atomic_add_fetch(&g->m.frames_too_large, 1, __ATOMIC_RELAXED);
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_FRAME_TOO_LARGE};
		refuse(g, s, NULL, NULL, &r, "frame above max_frame_bytes");
		s->rx_len = 0;
		s->rx_overflow = 1;
		if (last)
			session_close(s, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE, "frame too large");
		else
			lws_set_timeout(wsi, PENDING_TIMEOUT_USER_OK, 5);
		return 0;
	}
	int held = s->held_head || s->rx_full; /* handled after those held, in order */
	if (last && s->rx_len == 0) {
		/* the whole message in one callback (any under rx_buffer_size): decoded
		 * where lws holds it, no copy and no buffer kept for an idle node */
		if (held) {
			if (hold(s, (unsigned char *)in, len, 0) != MGW_OK)
				session_close(s, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "out of memory");
			return 0;
		}
		on_message(g, s, in, len);
		s->rx_body_case = 0;
		s->rx_msg_bytes = 0;
		return 0;
	}
	if (s->rx_len + len > s->rx_cap) {
		size_t ncap = s->rx_cap ? s->rx_cap : 4096;
		while (ncap < s->rx_len + len)
			ncap *= 2;
		if (ncap > cap)
			ncap = cap;
		unsigned char *p = realloc(s->rx, ncap);
		if (p == NULL) {
			session_close(s, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "out of memory");
			return 0;
		}
		s->rx = p;
		s->rx_cap = ncap;
	}
	if (len) /* r-redteam7: an empty first fragment has no buffer yet (memcpy to NULL) */
		memcpy(s->rx + s->rx_len, in, len);
	s->rx_len += len;
	if (last && held) {
		/* the buffer goes with the message */
		if (hold(s, s->rx, s->rx_len, 1) != MGW_OK) {
			session_close(s, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "out of memory");
			return 0;
		}
		s->rx = NULL;
		s->rx_len = s->rx_cap = 0;
	} else if (last) {
		/* r-redteam7: emptied here, not in on_message: rx_resume hands it
		 * held messages while the next one may be half read in s->rx */
		size_t n = s->rx_len;
		s->rx_len = 0;
		on_message(g, s, s->rx, n);
		s->rx_body_case = 0; /* refusals after this one name no request */
		s->rx_msg_bytes = 0;
		if (s->rx_cap > MGW_RX_KEEP_BYTES) {
			/* grown for a large share: an idle node keeps no frame buffer */
			free(s->rx);
			s->rx = NULL;
			s->rx_cap = 0;
		}
	}
	return 0;
}

/* The next frame to send: control frames first; no deliveries once closing. */
static struct out_frame *out_next(struct session *s)
{
	struct out_frame *o = NULL;
	if (s->ctl_head) {
		o = s->ctl_head;
		s->ctl_head = o->next;
		if (s->ctl_head == NULL)
			s->ctl_tail = NULL;
		s->ctl_count--;
		s->ctl_bytes -= o->len;
	} else if (s->dlv_head && !s->closing) {
		o = s->dlv_head;
		s->dlv_head = o->next;
		if (s->dlv_head == NULL)
			s->dlv_tail = NULL;
		s->dlv_count--;
		s->dlv_bytes -= o->len;
	}
	return o;
}

/* Put a frame taken by out_next back at the head of its queue. */
static void out_unget(struct session *s, struct out_frame *o)
{
	if (o->ctl) {
		o->next = s->ctl_head;
		s->ctl_head = o;
		if (s->ctl_tail == NULL)
			s->ctl_tail = o;
		s->ctl_count++;
		s->ctl_bytes += o->len;
	} else {
		o->next = s->dlv_head;
		s->dlv_head = o;
		if (s->dlv_tail == NULL)
			s->dlv_tail = o;
		s->dlv_count++;
		s->dlv_bytes += o->len;
	}
}

/* A server's WebSocket header (RFC 6455 5.2: FIN, binary, unmasked) for n bytes. */
static size_t ws_header(uint8_t *p, size_t n)
{
	p[0] = 0x82;
	if (n < 126) {
		p[1] = (uint8_t)n;
		return 2;
	}
	if (n < 65536) {
		p[1] = 126;
		p[2] = (uint8_t)(n >> 8);
		p[3] = (uint8_t)n;
		return 4;
	}
	p[1] = 127;
	for (int i = 0; i < 8; i++)
		p[2 + i] = (uint8_t)((uint64_t)n >> (56 - 8 * i));
	return 10;
}

/*
 * Service thread: the frames of one WRITEABLE callback, framed here and
 * handed to lws as one raw write (one SSL_write, one TLS record per 16 KiB
 * and one send() for the batch, not one each: h11-perf). lws passes
 * LWS_WRITE_RAW on a WebSocket connection through as bytes (and buffers
 * what the socket did not take, sending it before the next WRITEABLE);
 * complete frames only, so nothing lws frames itself (pong, close) can
 * land inside one.
 */
static uint8_t tx_batch[LWS_PRE + MGW_WRITEABLE_BYTES];

/*
 * The queued frames, in queue order, up to MGW_WRITEABLE_BYTES per
 * callback (the byte cap keeps one busy node from starving the others in
 * the same service pass). Over HTTP/1.1 (the network connection is the
 * session's own) they go as one batch (tx_batch); a frame too large for
 * the batch, or a stream of another transport (WebSocket over HTTP/2),
 * goes alone through lws's own framing, one lws_write per frame while the
 * socket takes them (lws_send_pipe_choked: lws kept part of the last
 * write, or the socket has no room). The close is sent only from a
 * callback that wrote nothing, so frames lws still buffers go out first.
 */
static int on_writeable(struct session *s, struct lws *wsi)
{
	int batch = lws_get_network_wsi(wsi) == wsi;
	size_t sent = 0, fill = 0;
	s->want_write = 0;
	for (;;) {
		struct out_frame *o = out_next(s);
		if (o == NULL) {
			if (s->closing && s->close_handed)
				return 0; /* lws is closing it: sending the close, or awaiting its ack */
			if (s->closing && sent == 0 && fill == 0) {
				/*
				 * s11-daemon. Handed to lws once: it sends the close
				 * frame and waits up to 5 s for the node's ack. It may
				 * ask for WRITEABLE again meanwhile, and a second -1
				 * made it drop the connection at once, often before
				 * the node had read the close frame (1006 where 1008
				 * was sent: abuse3, under load). And it reads again
				 * (what it reads is dropped: receive), or lws, which
				 * keeps a paused connection paused, never reads the
				 * ack, and drops the connection with the node's
				 * unread requests in the socket: the kernel then
				 * resets it, and the node loses the close frame.
				 */
				s->close_handed = 1;
				if (s->rx_paused) {
					lws_rx_flow_control(wsi, 1);
					s->rx_paused = 0;
				}
				lws_close_reason(wsi, (enum lws_close_status)s->close_status,
						 (unsigned char *)s->close_reason,
						 strlen(s->close_reason));
				return -1;
			}
			break;
		}
		if (batch && fill + 10 + o->len <= MGW_WRITEABLE_BYTES) {
			uint8_t *p = tx_batch + LWS_PRE + fill;
			size_t h = ws_header(p, o->len);
			memcpy(p + h, o->buf + LWS_PRE, o->len);
			fill += h + o->len;
			if (o->seq)
				__atomic_add_fetch(&G.m.deliveries_sent, 1, __ATOMIC_RELAXED);
			free(o);
			continue;
		}
		if (fill) {
			out_unget(s, o); /* after the batch, at the next WRITEABLE */
			break;
		}
		int w = lws_write(wsi, o->buf + LWS_PRE, o->len, LWS_WRITE_BINARY);
		if (o->seq)
			__atomic_add_fetch(&G.m.deliveries_sent, 1, __ATOMIC_RELAXED);
		sent += o->len + 1; /* + 1: an empty frame still counts */
		free(o);
		if (w < 0)
			return -1;
		if (sent >= MGW_WRITEABLE_BYTES || lws_send_pipe_choked(wsi))
			break;
	}
	if (fill && lws_write(wsi, tx_batch + LWS_PRE, fill, LWS_WRITE_RAW) < 0)
		return -1;
	if (s->dlv_capped && s->dlv_bytes < MGW_DLV_QUEUE_BYTES) {
		s->dlv_capped = 0;
		session_pump_outbox(&G, s); /* the deliveries left waiting in the outbox */
	}
	if (s->ctl_head || s->dlv_head || s->closing)
		want_write(s);
	return 0;
}

/* ---- admission ------------------------------------------------------------------ */

/* The node endpoint is /v1; "/" is the same endpoint for clients given a bare host:port. */
static int uri_is_v1(struct lws *wsi)
{
	char uri[16];
	int n = lws_hdr_copy(wsi, uri, sizeof uri, WSI_TOKEN_GET_URI);
	return n > 0 && (strcmp(uri, "/v1") == 0 || strcmp(uri, "/") == 0);
}

/*
 * s11-daemon. Does the Sec-WebSocket-Protocol list offer "marac.v1" as one
 * whole name? lws binds a connection to a protocol only by a whole name:
 * one offering only "marac.v10" passed a search for the text, then had no
 * protocol and was dropped without the HTTP 400 proto/README promises.
 */
static int offers_marac_v1(const char *list)
{
	for (const char *p = list; *p;) {
		p += strspn(p, ", \t");
		size_t n = strcspn(p, ", \t");
		if (n == 8 && memcmp(p, "marac.v1", 8) == 0)
			return 1;
		p += n;
	}
	return 0;
}

/*
 * Identity and admission, before the WebSocket upgrade is answered: 0 and s
 * filled, or the HTTP status to refuse with (refusal counted and audited).
 */
static unsigned admit(struct gw *g, struct session *s, struct lws *wsi)
{
	memset(s, 0, sizeof *s);
	if (!uri_is_v1(wsi)) {
		refuse_preauth(g, "wrong_path", NULL);
		return HTTP_STATUS_NOT_FOUND;
	}
	char proto[128];
	if (lws_hdr_copy(wsi, proto, sizeof proto, WSI_TOKEN_PROTOCOL) <= 0 ||
	    !offers_marac_v1(proto)) {
		refuse_preauth(g, "no_subprotocol", NULL);
		return HTTP_STATUS_BAD_REQUEST;
	}
	if (tls_peer_identity(wsi, s->cert_sha256, s->cert_hex, s->subject, sizeof s->subject) !=
	    MGW_OK) {
		refuse_preauth(g, "cert_invalid", NULL);
		return HTTP_STATUS_FORBIDDEN;
	}
	const struct mgw_config *c = g->epoch->cfg;
	const struct mgw_node *n = config_find_node(c, s->cert_hex, s->subject);
	if (n == NULL) {
		refuse_preauth(g, "cert_unregistered", s->cert_sha256);
		return HTTP_STATUS_FORBIDDEN;
	}
	/* A node replacing its own lingering session takes that session's slot. */
	struct session *live = node_first(n->id);
	int replaces = live != NULL;
	if ((!replaces && g->n_sessions >= c->max_connections) || gw_stopping(g)) {
		refuse_preauth(g, "too_many_connections", s->cert_sha256);
		return HTTP_STATUS_SERVICE_UNAVAILABLE;
	}
	/* A connection costs a token of the node's request bucket (req_rate.c). */
	if (!req_rate_may_connect(live, n->id, store_now_ms())) {
		refuse_preauth(g, "connect_rate", s->cert_sha256);
		return HTTP_STATUS_SERVICE_UNAVAILABLE;
	}
	snprintf(s->node, sizeof s->node, "%s", n->id);
	s->cert_not_after = tls_peer_not_after(wsi);
	s->agency = n->agency;
	s->roles = n->roles;
	s->authed = 1;
	return 0;
}

/* protocols[0], HTTP_CONFIRM_UPGRADE: refusals answer with their HTTP status. */
static int on_confirm_upgrade(struct gw *g, struct lws *wsi)
{
	struct session probe;
	unsigned status = admit(g, &probe, wsi);
	if (status == 0)
		return 0;
	lws_return_http_status(wsi, status, NULL);
	return 1;
}

/* protocols[1], FILTER_PROTOCOL_CONNECTION: the same checks fill the session
 * (nothing can change between the two callbacks: one thread). */
static int on_filter(struct gw *g, struct session *s, struct lws *wsi)
{
	return admit(g, s, wsi) ? -1 : 0;
}

static void on_established(struct gw *g, struct session *s, struct lws *wsi)
{
	/* A node reconnecting supersedes its stale connection. */
	for (struct session *o = node_first(s->node); o; o = o->next_node)
		if (strcmp(o->node, s->node) == 0) {
			req_rate_keep(o, store_now_ms()); /* the new one continues its bucket */
			session_close(o, 4000, "superseded by a new connection");
		}
	s->wsi = wsi;
	s->conn_id = ++g->next_conn_id;
	s->next_live = g->sessions;
	g->sessions = s;
	index_add(s);
	g->n_sessions++;
	preauth_release(g, wsi);
	__atomic_add_fetch(&g->m.connections_total, 1, __ATOMIC_RELAXED);
	req_rate_init(s, g->epoch->cfg, store_now_ms());
	if (s->rate_paused)
		rx_update(g, s, 0); /* in debt from its last connection: read once refilled */
	/* rv-review4: a Hello sent at once but not read for want of tokens is
	 * not late: the deadline starts when the bucket lets it be read */
	int64_t unread_ms = req_rate_wait_ms(s);
	s->hello_deadline_ms = store_now_ms() + unread_ms +
			       1000 * (int64_t)g->epoch->cfg->handshake_timeout_secs;
	/* Backstop if the peer does not even read our Error. */
	lws_set_timeout(wsi, PENDING_TIMEOUT_USER_OK,
			(int)(g->epoch->cfg->handshake_timeout_secs + 5 + unread_ms / 1000));
	char cid[24];
	snprintf(cid, sizeof cid, "%llu", (unsigned long long)s->conn_id);
	log_event(LOG_INFO, "node_connected", "node", s->node, "conn", cid, "cert_sha256",
		  s->cert_hex, NULL);
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_NODE_CONNECTED,
		.actor_node = s->node,
		.actor_agency = s->agency,
		.cert_sha256 = s->cert_sha256,
	};
	audit_emit(g, NULL, &f, NULL);
}

static void on_closed(struct gw *g, struct session *s)
{
	lws_sul_cancel(&s->rx_sul);
	executor_forget(g, &s->ack_open); /* s's memory goes after this callback */
	if (s->conn_id == 0)
		return;
	for (struct session **pp = &g->sessions; *pp; pp = &(*pp)->next_live) {
		if (*pp == s) {
			*pp = s->next_live;
			g->n_sessions--;
			break;
		}
	}
	index_del(s);
	free_queues(s);
	req_rate_keep(s, store_now_ms());
	/* Kept deliveries wait for a session of the node; without one, in the store. */
	int other = 0;
	for (struct session *o = node_first(s->node); o && !other; o = o->next_node)
		other = strcmp(o->node, s->node) == 0;
	if (!other)
		outbox_cache_drop_through(s->node, UINT64_MAX);
	log_event(LOG_INFO, "node_disconnected", "node", s->node, NULL);
	s->conn_id = 0;
}

/* Once a second (service thread): Hello deadlines, certificates that expired,
 * sessions paused by the request bucket (req_rate.c). */
void session_tick(struct gw *g)
{
	int64_t now = store_now_ms();
	/* s11-daemon: the writer stuck (mgw_limits.h MGW_WRITER_STALL_SECS) */
	unsigned stall_secs = g->epoch->cfg->writer_stall_secs ? g->epoch->cfg->writer_stall_secs
							       : MGW_WRITER_STALL_SECS_DEFAULT;
	int stalled = !gw_stopping(g) && executor_stalled_ms(g) > 1000 * (int64_t)stall_secs;
	for (struct session *s = g->sessions; s; s = s->next_live) {
		if (stalled && (s->rx_paused || s->held_head) && !s->rate_paused && !s->closing) {
			/* held back only by the writer, whose liveness clock is
			 * stopped: let it go, saying why, rather than hold it for
			 * as long as the writer is stuck */
			log_event(LOG_WARN, "session_released", "node", s->node, "reason",
				  "writer_stalled", NULL);
			session_close(s, WS_CLOSE_WRITER_STALLED, "gateway writer stalled");
			continue;
		}
		if (s->rx_paused || s->held_head)
			liveness_hold(s); /* not read: its pong cannot be either */
		if (s->rate_paused && req_rate_refill(s, now))
			rx_update(g, s, executor_depth(g) >= EX_HIGH_MARK);
		if (!s->closing && s->cert_not_after && now / 1000 > s->cert_not_after) {
			/* as a reload closes a revoked one: the node reconnects with a new cert */
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
					    .reason = "cert_expired",
					    .close = LWS_CLOSE_STATUS_POLICY_VIOLATION,
					    .event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
					    .silent = 1};
			refuse(g, s, NULL, NULL, &r, "cert_expired");
			continue;
		}
		if (s->hello_seen || s->closing || now < s->hello_deadline_ms)
			continue;
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNEXPECTED_FRAME,
				    .reason = "no_hello",
				    .close = LWS_CLOSE_STATUS_POLICY_VIOLATION};
		refuse(g, s, NULL, NULL, &r, "no Hello within handshake_timeout_secs");
	}
}

/* ---- completions --------------------------------------------------------------- */

void gw_handle_completions(struct gw *g)
{
	struct completion *c = executor_take(g);
	while (c) {
		struct completion *next = c->next;
		struct session *s = c->conn_id ? session_by_conn(g, c->conn_id) : NULL;
		switch (c->kind) {
		case EX_DONE_FRAME:
			if (s && c->refusal)
				session_charge_refusal(g, s); /* refused on the writer (a bogus ack) */
			if (s)
				queue_ctl(s, c->frame, c->len,
					  c->refusal ? CTL_REFUSALS_MAX(g->epoch->cfg)
						     : CTL_QUEUE_MAX(g->epoch->cfg));
			break;
		case EX_DONE_WELCOME:
			if (s && !s->closing) {
				session_queue_ctl(s, c->frame, c->len);
				if (s->last_queued_seq < c->seq)
					s->last_queued_seq = c->seq;
				s->welcomed = 1;
				s->flags_dirty = 1; /* unacked flags are sent again */
				session_pump_outbox(g, s);
			}
			break;
		case EX_DONE_CLOSE:
			if (s)
				session_close(s, c->status, "refused");
			break;
		case EX_DONE_FINISHED:
			if (s) {
				if (s->jobs)
					s->jobs--;
				s->acks_open -= c->acks < s->acks_open ? c->acks : s->acks_open;
				if (c->request && s->in_flight)
					s->in_flight--;
				if (c->request)
					s->in_flight_bytes -= c->req_bytes < s->in_flight_bytes
								      ? c->req_bytes
								      : s->in_flight_bytes;
				rx_update(g, s, executor_depth(g) >= EX_HIGH_MARK);
			}
			break;
		case EX_DONE_DRAINED:
			for (s = g->sessions; s; s = s->next_live)
				rx_update(g, s, 0);
			break;
		case EX_DONE_DELIVER:
			deliver_committed(g, c);
			break;
		case EX_DONE_NOTIFY:
			for (s = node_first(c->node); s; s = s->next_node)
				if (strcmp(s->node, c->node) == 0) {
					s->flags_dirty |= c->flags;
					session_pump_outbox(g, s);
				}
			break;
		}
		completion_free(c);
		c = next;
	}
}

/* ---- the protocols --------------------------------------------------------------- */

static int cb_default(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
		      size_t len)
{
	switch (reason) {
	case LWS_CALLBACK_OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS: {
		char err[512];
		if (tls_harden_server_ctx(&G, (SSL_CTX *)user, err, sizeof err) != MGW_OK) {
			log_event(LOG_ERROR, "tls_setup_failed", "detail", err, NULL);
			return 1;
		}
		return 0;
	}
	case LWS_CALLBACK_OPENSSL_PERFORM_CLIENT_CERT_VERIFICATION:
		return tls_verify_cb((int)len, (X509_STORE_CTX *)user);
	case LWS_CALLBACK_FILTER_NETWORK_CONNECTION:
		return preauth_admit(&G, (const struct lws_filter_network_conn_args *)user);
	case LWS_CALLBACK_SERVER_NEW_CLIENT_INSTANTIATED:
		preauth_bind(&G, wsi);
		break;
	case LWS_CALLBACK_WSI_DESTROY:
		preauth_release(&G, wsi);
		break;
	case LWS_CALLBACK_HTTP_CONFIRM_UPGRADE:
		return on_confirm_upgrade(&G, wsi);
	case LWS_CALLBACK_HTTP:
		/* Plain HTTPS, or a WebSocket request without subprotocol marac.v1. */
		refuse_preauth(&G, uri_is_v1(wsi) ? "no_subprotocol" : "wrong_path", NULL);
		lws_return_http_status(wsi, uri_is_v1(wsi) ? HTTP_STATUS_BAD_REQUEST
							   : HTTP_STATUS_NOT_FOUND, NULL);
		return -1;
	case LWS_CALLBACK_ESTABLISHED:
		lws_close_reason(wsi, LWS_CLOSE_STATUS_PROTOCOL_ERR,
				 (unsigned char *)"subprotocol marac.v1 required", 29);
		return -1;
	default:
		break;
	}
	return lws_callback_http_dummy(wsi, reason, user, in, len);
}

static int cb_marac(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
		    size_t len)
{
	struct session *s = user;
	switch (reason) {
	case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION:
		return on_filter(&G, s, wsi);
	case LWS_CALLBACK_ESTABLISHED:
		if (!s->authed)
			return -1;
		on_established(&G, s, wsi);
		break;
	case LWS_CALLBACK_RECEIVE:
		return on_receive(&G, s, wsi, in, len);
	case LWS_CALLBACK_SERVER_WRITEABLE:
		return on_writeable(s, wsi);
	case LWS_CALLBACK_CLOSED:
		on_closed(&G, s);
		break;
	case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
		gw_on_signals(&G);
		gw_handle_completions(&G);
		break;
	default:
		break;
	}
	return 0;
}

/*
 * marac.v1's rx buffer is allocated per connection for its whole life:
 * MGW_WS_RX_BUFFER (mgw_limits.h) keeps it to a page; larger messages
 * arrive in several callbacks and are reassembled in s->rx. tx_packet_size
 * keeps lws's write chunk at 64 KiB (it would otherwise follow the rx size).
 */
const struct lws_protocols gw_protocols[] = {
	/* protocols[0] serves HTTP and TLS events whatever its name. lws binds
	 * an upgrade to the first name of the offered list it knows, so a name
	 * a client could offer ("default, marac.v1") would take it from
	 * marac.v1: no offered token can hold parentheses (RFC 7230). */
	{"(gateway)", cb_default, 0, 0, 0, NULL, 0},
	{"marac.v1", cb_marac, sizeof(struct session), MGW_WS_RX_BUFFER, 0, NULL,
	 MGW_WS_TX_PACKET},
	{NULL, NULL, 0, 0, 0, NULL, 0},
};

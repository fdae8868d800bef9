/*
 * session.c: the lws protocols and one struct session per node connection.
 *
 * Shape (STYLE.md 1): one protocols[] table, one callback per protocol, a
 * single switch. protocols[0] ("default") sees the TLS verification
 * callbacks and any connection without the marac.v1 subprotocol, which it
 * refuses. protocols[1] ("marac.v1") is the node protocol.
 *
 * Per session: inbound messages are reassembled up to max_frame_bytes
 * (above it: Error FRAME_TOO_LARGE, close 1009); outbound frames wait in two
 * bounded queues, control frames (Welcome, ShareAccepted, Error) before
 * deliveries, and one lws_write happens per WRITEABLE callback (STYLE.md 3).
 * Deliveries are pulled from the durable outbox only while fewer than
 * delivery_window are unacknowledged, so a node that never reads costs disk,
 * not memory. Shares awaiting commit are capped per node with rx flow
 * control.
 */
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"

/* Control frames a node may leave unread before it is cut off. */
#define CTL_QUEUE_MAX(g) (2u * (g)->cfg->max_in_flight + 16u)

struct session *session_by_conn(struct gw *g, uint64_t conn_id)
{
	for (struct session *s = g->sessions; s; s = s->next_live)
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
	memcpy(o->buf + LWS_PRE, a, alen);
	if (blen)
		memcpy(o->buf + LWS_PRE + alen, b, blen);
	return o;
}

void session_close(struct session *s, int status, const char *reason)
{
	if (s->closing)
		return;
	s->closing = 1;
	s->close_status = status;
	snprintf(s->close_reason, sizeof s->close_reason, "%s", reason);
	lws_callback_on_writable(s->wsi);
}

void session_queue_ctl(struct session *s, const uint8_t *frame, size_t len)
{
	if (s->closing)
		return;
	if (s->ctl_count >= CTL_QUEUE_MAX(&G)) {
		log_event(LOG_WARN, "session_culled", "node", s->node, "reason", "control_queue_full",
			  NULL);
		session_close(s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "not reading");
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
	lws_callback_on_writable(s->wsi);
}

static void send_error(struct session *s, Marac__V1__ErrorCode code, const char *msg,
		       const char *msg_id)
{
	uint8_t *buf;
	size_t len;
	if (frame_pack_error(code, msg, msg_id, &buf, &len) == MGW_OK) {
		session_queue_ctl(s, buf, len);
		free(buf);
	}
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
 * The outbox stores each Deliver packed without its seq. On the wire it is
 * Frame{deliver = (seq field) ++ stored bytes}: protobuf fields may come in
 * any order, so prefixing field 1 is a valid encoding of the full Deliver.
 */
static int outbox_row(void *ctx, uint64_t seq, const char *delivery_id, const uint8_t *body,
		      size_t len)
{
	struct session *s = ctx;
	(void)delivery_id;
	uint8_t seqf[11], hdr[11];
	size_t sn = 0;
	seqf[sn++] = 0x08; /* Deliver.seq: field 1, varint */
	sn += varint(seq, seqf + sn);
	size_t hn = 0;
	hdr[hn++] = (5 << 3) | 2; /* Frame.deliver: field 5, length-delimited */
	hn += varint(sn + len, hdr + hn);
	uint8_t pre[22];
	memcpy(pre, hdr, hn);
	memcpy(pre + hn, seqf, sn);
	struct out_frame *o = out_new(pre, hn + sn, body, len);
	if (o == NULL)
		return 1;
	o->seq = seq;
	if (s->dlv_tail)
		s->dlv_tail->next = o;
	else
		s->dlv_head = o;
	s->dlv_tail = o;
	s->dlv_count++;
	s->last_queued_seq = seq;
	return 0;
}

void session_pump_outbox(struct gw *g, struct session *s)
{
	if (!s->welcomed || s->closing)
		return;
	uint64_t acked = 0;
	if (store_acked_through(g->reader, s->node, &acked) != MGW_OK) {
		log_event(LOG_ERROR, "outbox_read_failed", "node", s->node, NULL);
		return;
	}
	if (acked > s->last_queued_seq)
		s->last_queued_seq = acked;
	s->unacked = (unsigned)(s->last_queued_seq - acked);
	unsigned window = g->cfg->delivery_window;
	if (s->unacked >= window)
		return;
	size_t before = s->dlv_count;
	store_outbox_fetch(g->reader, s->node, s->last_queued_seq, window - s->unacked, outbox_row,
			   s);
	if (s->dlv_count != before)
		lws_callback_on_writable(s->wsi);
}

static void free_queues(struct session *s)
{
	for (struct out_frame *o = s->ctl_head, *n; o; o = n) {
		n = o->next;
		free(o);
	}
	for (struct out_frame *o = s->dlv_head, *n; o; o = n) {
		n = o->next;
		free(o);
	}
	s->ctl_head = s->ctl_tail = s->dlv_head = s->dlv_tail = NULL;
	s->ctl_count = s->dlv_count = 0;
	free(s->rx);
	s->rx = NULL;
}

void session_refuse(struct session *s, Marac__V1__ErrorCode code, const char *msg,
			   const char *msg_id, const char *reason)
{
	G.m.shares_refused++;
	log_event(LOG_WARN, "request_refused", "node", s->node, "reason", reason, "msg_id",
		  msg_id ? msg_id : "", NULL);
	audit_refusal(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED, reason, s->node,
		      s->agency, s->cert_sha256, msg_id);
	send_error(s, code, msg, msg_id);
}

static void on_hello(struct gw *g, struct session *s, Marac__V1__Hello *h)
{
	if (h->protocol_version != 1) {
		session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_PROTOCOL_VERSION,
			       "this gateway speaks protocol_version 1", NULL, "protocol_version");
		session_close(s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "protocol version");
		return;
	}
	const struct mgw_node *n = config_node_by_id(g->cfg, s->node);
	uint64_t acked = 0;
	if (n == NULL || store_acked_through(g->reader, s->node, &acked) != MGW_OK) {
		send_error(s, MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL, "cannot read node state",
			   NULL);
		session_close(s, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "internal");
		return;
	}
	if (h->resume_after > acked) {
		struct job *j = calloc(1, sizeof *j);
		if (j) {
			j->kind = JOB_ACK_THROUGH;
			snprintf(j->node, sizeof j->node, "%s", s->node);
			j->agency = s->agency;
			j->seq = h->resume_after;
			if (writer_submit(g, j) != MGW_OK)
				free(j);
			else
				s->last_queued_seq = h->resume_after;
		}
	}
	if (s->last_queued_seq < acked)
		s->last_queued_seq = acked;

	Marac__V1__Welcome w = MARAC__V1__WELCOME__INIT;
	char *roles[3];
	size_t nr = 0;
	if (n->roles & MGW_ROLE_NODE)
		roles[nr++] = "node";
	if (n->roles & MGW_ROLE_CHAIR)
		roles[nr++] = "chair";
	if (n->roles & MGW_ROLE_AUDITOR)
		roles[nr++] = "auditor";
	w.node_id = s->node;
	w.agency = s->agency;
	w.roles = roles;
	w.n_roles = nr;
	w.areas = n->areas;
	w.n_areas = n->n_areas;
	w.acked_through = acked;
	w.max_frame_bytes = g->cfg->max_frame_bytes;
	w.max_in_flight = g->cfg->max_in_flight;
	w.gateway_version = MARAC_VERSION;
	w.server_time_ms = store_now_ms();
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_WELCOME;
	f.welcome = &w;
	uint8_t *buf;
	size_t len;
	if (codec_pack(&f.base, &buf, &len) != MGW_OK)
		return;
	session_queue_ctl(s, buf, len);
	free(buf);
	s->welcomed = 1;
	lws_set_timeout(s->wsi, NO_PENDING_TIMEOUT, 0);
	log_event(LOG_INFO, "node_hello", "node", s->node, NULL);
	session_pump_outbox(g, s);
}

int session_in_flight_full(struct gw *g, struct session *s, const char *msg_id)
{
	if (s->in_flight < g->cfg->max_in_flight)
		return 0;
	session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_OVERLOADED,
		       "too many requests in flight; retry with the same msg_id", msg_id,
		       "overloaded");
	return 1;
}

void session_refuse_code(struct session *s, Marac__V1__ErrorCode code, const char *msg,
			 const char *msg_id)
{
	char reason[48];
	const ProtobufCEnumValue *v =
		protobuf_c_enum_descriptor_get_value(&marac__v1__error_code__descriptor, code);
	snprintf(reason, sizeof reason, "%s", v ? v->name : "refused");
	for (char *p = reason; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	session_refuse(s, code, msg, msg_id, reason);
}

void session_submit_request(struct gw *g, struct session *s, struct job *j)
{
	const char *msg_id = job_request_msg_id(j);
	if (writer_submit(g, j) != MGW_OK) {
		session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_OVERLOADED,
			       "gateway busy; retry with the same msg_id", msg_id, "overloaded");
		job_free(j);
		return;
	}
	s->in_flight++;
	if (s->in_flight >= g->cfg->max_in_flight && !s->rx_paused) {
		lws_rx_flow_control(s->wsi, 0);
		s->rx_paused = 1;
	}
}

static void on_share(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	if (session_in_flight_full(g, s, f->share->msg_id)) {
		codec_free(&f->base);
		return;
	}
	Marac__V1__Error e = MARAC__V1__ERROR__INIT;
	char eb[256];
	struct job *j = share_route(g, s, f, &e, eb, sizeof eb);
	if (j == NULL) {
		session_refuse_code(s, e.code, eb, f->share->msg_id);
		codec_free(&f->base);
		return;
	}
	session_submit_request(g, s, j);
}

static void on_ack(struct gw *g, struct session *s, Marac__V1__DeliverAck *a)
{
	size_t n = a->delivery_id ? strlen(a->delivery_id) : 0;
	if (n == 0 || n > MGW_MSG_ID_MAX) {
		session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_UNKNOWN_DELIVERY,
			       "DeliverAck.delivery_id required", NULL, "unknown_delivery");
		return;
	}
	struct job *j = calloc(1, sizeof *j);
	if (j == NULL)
		return;
	j->kind = JOB_ACK;
	j->conn_id = s->conn_id;
	snprintf(j->node, sizeof j->node, "%s", s->node);
	j->agency = s->agency;
	snprintf(j->delivery_id, sizeof j->delivery_id, "%s", a->delivery_id);
	j->seq = a->seq;
	if (writer_submit(g, j) != MGW_OK)
		free(j);
}

static void on_message(struct gw *g, struct session *s)
{
	Marac__V1__Frame *f = NULL;
	int rc = codec_frame_unpack(s->rx, s->rx_len, g->cfg->max_frame_bytes, &f);
	s->rx_len = 0;
	if (rc != MGW_OK) {
		session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_MALFORMED_FRAME,
			       rc == MGW_E_UTF8 ? "a string field is not valid UTF-8"
					       : "not a marac.v1 Frame with a body",
			       NULL, rc == MGW_E_UTF8 ? "invalid_utf8" : "malformed_frame");
		session_close(s, LWS_CLOSE_STATUS_INVALID_PAYLOAD, "malformed frame");
		return;
	}
	if (!s->welcomed && f->body_case != MARAC__V1__FRAME__BODY_HELLO) {
		session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_UNEXPECTED_FRAME,
			       "the first frame must be Hello", NULL, "no_hello");
		session_close(s, LWS_CLOSE_STATUS_POLICY_VIOLATION, "no hello");
		codec_free(&f->base);
		return;
	}
	switch (f->body_case) {
	case MARAC__V1__FRAME__BODY_HELLO:
		if (s->welcomed)
			session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_UNEXPECTED_FRAME,
				       "Hello was already received", NULL, "unexpected_frame");
		else
			on_hello(g, s, f->hello);
		break;
	case MARAC__V1__FRAME__BODY_SHARE:
		on_share(g, s, f);
		return; /* ownership passed on */
	case MARAC__V1__FRAME__BODY_DELIVER_ACK:
		on_ack(g, s, f->deliver_ack);
		break;
	case MARAC__V1__FRAME__BODY_REFER:
		referral_on_refer(g, s, f);
		return; /* ownership passed on */
	case MARAC__V1__FRAME__BODY_RESEARCH_STATUS:
		referral_on_research(g, s, f);
		return; /* ownership passed on */
	case MARAC__V1__FRAME__BODY_AGENDA_REQUEST:
		referral_on_agenda(g, s, f);
		break;
	case MARAC__V1__FRAME__BODY_ERROR:
		log_event(LOG_WARN, "node_error", "node", s->node, NULL);
		break;
	case MARAC__V1__FRAME__BODY_AUDIT_QUERY:
	case MARAC__V1__FRAME__BODY_CHECKPOINT_REQUEST:
	case MARAC__V1__FRAME__BODY_INCLUSION_PROOF_REQUEST:
	case MARAC__V1__FRAME__BODY_CONSISTENCY_PROOF_REQUEST:
		auditor_handle(g, s, f);
		break;
	default:
		session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_UNEXPECTED_FRAME,
			       "this frame is sent by the gateway, not to it", NULL,
			       "unexpected_frame");
		break;
	}
	codec_free(&f->base);
}

static int on_receive(struct gw *g, struct session *s, struct lws *wsi, const void *in,
		      size_t len)
{
	if (s->closing)
		return 0;
	if (!lws_frame_is_binary(wsi)) {
		session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_MALFORMED_FRAME,
			       "frames are binary protobuf", NULL, "text_frame");
		session_close(s, LWS_CLOSE_STATUS_UNACCEPTABLE_OPCODE, "binary frames only");
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
	size_t cap = g->cfg->max_frame_bytes;
	if (len > cap - s->rx_len) {
		g->m.frames_too_large++;
		session_refuse(s, MARAC__V1__ERROR_CODE__ERROR_CODE_FRAME_TOO_LARGE,
			       "frame above max_frame_bytes", NULL, "frame_too_large");
		s->rx_len = 0;
		s->rx_overflow = 1;
		if (last)
			session_close(s, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE, "frame too large");
		else
			lws_set_timeout(wsi, PENDING_TIMEOUT_USER_OK, 5);
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
	memcpy(s->rx + s->rx_len, in, len);
	s->rx_len += len;
	if (last)
		on_message(g, s);
	return 0;
}

static int on_writeable(struct session *s, struct lws *wsi)
{
	struct out_frame *o = NULL;
	if (s->ctl_head) {
		o = s->ctl_head;
		s->ctl_head = o->next;
		if (s->ctl_head == NULL)
			s->ctl_tail = NULL;
		s->ctl_count--;
	} else if (s->dlv_head && !s->closing) {
		o = s->dlv_head;
		s->dlv_head = o->next;
		if (s->dlv_head == NULL)
			s->dlv_tail = NULL;
		s->dlv_count--;
	}
	if (o == NULL) {
		if (s->closing) {
			lws_close_reason(wsi, (enum lws_close_status)s->close_status,
					 (unsigned char *)s->close_reason, strlen(s->close_reason));
			return -1;
		}
		return 0;
	}
	int w = lws_write(wsi, o->buf + LWS_PRE, o->len, LWS_WRITE_BINARY);
	if (o->seq)
		G.m.deliveries_sent++;
	free(o);
	if (w < 0)
		return -1;
	if (s->ctl_head || s->dlv_head || s->closing)
		lws_callback_on_writable(wsi);
	return 0;
}

/* Identity and admission, before the WebSocket upgrade is answered. */
static int on_filter(struct gw *g, struct session *s, struct lws *wsi)
{
	memset(s, 0, sizeof *s);
	char *subject = s->subject;
	if (tls_peer_identity(wsi, s->cert_sha256, s->cert_hex, subject, sizeof s->subject) !=
	    MGW_OK) {
		g->m.connections_refused++;
		log_event(LOG_WARN, "connection_refused", "reason", "cert_invalid", NULL);
		audit_refusal(g, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
			      "cert_invalid", NULL, 0, NULL, NULL);
		return 1;
	}
	const struct mgw_node *n = config_find_node(g->cfg, s->cert_hex, subject);
	if (n == NULL) {
		g->m.connections_refused++;
		log_event(LOG_WARN, "connection_refused", "reason", "cert_unregistered",
			  "cert_sha256", s->cert_hex, NULL);
		audit_refusal(g, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
			      "cert_unregistered", NULL, 0, s->cert_sha256, NULL);
		return 1;
	}
	if (g->n_sessions >= g->cfg->max_connections || g->stopping) {
		g->m.connections_refused++;
		log_event(LOG_WARN, "connection_refused", "reason", "too_many_connections", "node",
			  n->id, NULL);
		audit_refusal(g, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
			      "too_many_connections", n->id, n->agency, s->cert_sha256, NULL);
		return 1;
	}
	snprintf(s->node, sizeof s->node, "%s", n->id);
	s->agency = n->agency;
	s->roles = n->roles;
	s->authed = 1;
	return 0;
}

static void on_established(struct gw *g, struct session *s, struct lws *wsi)
{
	/* A node reconnecting supersedes its stale connection. */
	for (struct session *o = g->sessions; o; o = o->next_live)
		if (strcmp(o->node, s->node) == 0)
			session_close(o, 4000, "superseded by a new connection");
	s->wsi = wsi;
	s->conn_id = ++g->next_conn_id;
	s->next_live = g->sessions;
	g->sessions = s;
	g->n_sessions++;
	g->m.connections_total++;
	lws_set_timeout(wsi, PENDING_TIMEOUT_USER_OK, (int)g->cfg->handshake_timeout_secs);
	char cid[24];
	snprintf(cid, sizeof cid, "%llu", (unsigned long long)s->conn_id);
	log_event(LOG_INFO, "node_connected", "node", s->node, "conn", cid, "cert_sha256",
		  s->cert_hex, NULL);
	Marac__V1__AuditRecord *r =
		(Marac__V1__AuditRecord *)codec_new(&marac__v1__audit_record__descriptor);
	struct job *j = calloc(1, sizeof *j);
	if (r && j) {
		r->event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_NODE_CONNECTED;
		r->actor_node = codec_strdup(s->node);
		r->actor_agency = s->agency;
		r->cert_sha256.data = codec_malloc(32);
		if (r->cert_sha256.data) {
			memcpy(r->cert_sha256.data, s->cert_sha256, 32);
			r->cert_sha256.len = 32;
		}
		j->kind = JOB_AUDIT;
		j->rec = r;
		if (writer_submit(g, j) == MGW_OK)
			return;
	}
	free(j);
	codec_free(r ? &r->base : NULL);
}

static void on_closed(struct gw *g, struct session *s)
{
	if (s->conn_id == 0)
		return;
	for (struct session **pp = &g->sessions; *pp; pp = &(*pp)->next_live) {
		if (*pp == s) {
			*pp = s->next_live;
			g->n_sessions--;
			break;
		}
	}
	free_queues(s);
	log_event(LOG_INFO, "node_disconnected", "node", s->node, NULL);
	s->conn_id = 0;
}

void gw_handle_completions(struct gw *g)
{
	struct completion *c = writer_take_completions(g);
	while (c) {
		struct completion *next = c->next;
		struct session *s;
		switch (c->kind) {
		case DONE_FRAME:
			if ((s = session_by_conn(g, c->conn_id)) != NULL)
				session_queue_ctl(s, c->frame, c->len);
			break;
		case DONE_SHARE_FINISHED:
			if ((s = session_by_conn(g, c->conn_id)) != NULL) {
				if (s->in_flight)
					s->in_flight--;
				if (s->rx_paused && s->in_flight < g->cfg->max_in_flight) {
					lws_rx_flow_control(s->wsi, 1);
					s->rx_paused = 0;
				}
			}
			break;
		case DONE_NOTIFY:
			for (s = g->sessions; s; s = s->next_live)
				if (strcmp(s->node, c->node) == 0)
					session_pump_outbox(g, s);
			break;
		}
		free(c->frame);
		free(c);
		c = next;
	}
}

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
	case LWS_CALLBACK_HTTP:
		/* Plain HTTPS or a WebSocket without subprotocol marac.v1: nothing here. */
		lws_return_http_status(wsi, HTTP_STATUS_NOT_FOUND, NULL);
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

static void handle_signals(struct gw *g);

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
		handle_signals(&G);
		gw_handle_completions(&G);
		break;
	default:
		break;
	}
	return 0;
}

const struct lws_protocols gw_protocols[] = {
	{"default", cb_default, 0, 0, 0, NULL, 0},
	{"marac.v1", cb_marac, sizeof(struct session), 65536, 0, NULL, 0},
	{NULL, NULL, 0, 0, 0, NULL, 0},
};

/* Defined in main.c: reload and shutdown, on the service thread. */
void gw_on_signals(struct gw *g);

static void handle_signals(struct gw *g)
{
	gw_on_signals(g);
}

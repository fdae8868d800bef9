/*
 * client.c: see client.h.
 *
 * lws 4.1's lws_service() ignores its timeout, so a 50 ms lws timer (sul)
 * keeps the loop turning and every wait checks its own deadline.
 */
#include "client.h"

#include <libwebsockets.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mgw_err.h"
#include "mgw_limits.h"

struct buf {
	struct buf *next;
	size_t len;
	int binary;
	unsigned char data[]; /* LWS_PRE headroom for sends */
};

struct mgw_client {
	struct lws_context *ctx;
	struct lws *wsi;
	lws_sorted_usec_list_t tick;
	int established, closed;
	char conn_err[256];
	int close_status;
	char close_reason[128];
	struct buf *tx_head, *tx_tail;
	struct buf *rx_head, *rx_tail;  /* complete messages, decoded on demand */
	unsigned char *asm_buf;
	size_t asm_len, asm_cap, max_frame;
	int refused;        /* 0, or what recv returns after a message we stopped taking
			     * (rx_refuse): MGW_E_TOO_LARGE (closed 1009), MGW_E_NOMEM (1011) */
	Marac__V1__Frame *welcome;
	Marac__V1__Frame *last_error;
};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void tick_cb(lws_sorted_usec_list_t *sul)
{
	struct mgw_client *c = lws_container_of(sul, struct mgw_client, tick);
	lws_sul_schedule(c->ctx, 0, &c->tick, tick_cb, 50 * LWS_US_PER_MS);
}

static void queue(struct buf **h, struct buf **t, struct buf *b)
{
	b->next = NULL;
	if (*t)
		(*t)->next = b;
	else
		*h = b;
	*t = b;
}

static struct buf *dequeue(struct buf **h, struct buf **t)
{
	struct buf *b = *h;
	if (b) {
		*h = b->next;
		if (*h == NULL)
			*t = NULL;
	}
	return b;
}

/*
 * Stop taking a message mid-frame: close with `status` from the next
 * WRITEABLE (c->refused; recv then returns `rc`), never by returning -1
 * from the receive callback. r-redteam7: libwebsockets 4.1's client parser
 * then leaves its buffer index where it was and, reading on for the close
 * ack, writes the rest of the frame past the end of its 64 KiB buffer
 * (heap overflow). Returning 0 lets it reset the index. One path for a
 * message above the cap (1009) and for running out of memory (1011).
 */
static int rx_refuse(struct mgw_client *c, struct lws *wsi, int status, int rc, const char *why)
{
	c->refused = rc;
	c->asm_len = 0;
	c->close_status = status;
	snprintf(c->close_reason, sizeof c->close_reason, "%s", why);
	lws_close_reason(wsi, (enum lws_close_status)status, (unsigned char *)why, strlen(why));
	lws_callback_on_writable(wsi);
	return 0;
}

static int on_receive(struct mgw_client *c, struct lws *wsi, const void *in, size_t len)
{
	/*
	 * A message above the cap is never dropped silently (a dropped Deliver
	 * is never acked, and the outbox behind it stalls for good): the
	 * connection is closed with 1009 and the next call reports it.
	 */
	if (c->refused)
		return 0; /* the rest of a message refused below */
	if (len > c->max_frame - c->asm_len)
		return rx_refuse(c, wsi, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE, MGW_E_TOO_LARGE,
				 "message above max_frame_bytes");
	if (c->asm_len + len > c->asm_cap) {
		size_t n = c->asm_cap ? c->asm_cap : 4096;
		while (n < c->asm_len + len)
			n *= 2;
		unsigned char *p = realloc(c->asm_buf, n);
		if (p == NULL)
			return rx_refuse(c, wsi, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, MGW_E_NOMEM,
					 "client out of memory");
		c->asm_buf = p;
		c->asm_cap = n;
	}
	memcpy(c->asm_buf + c->asm_len, in, len);
	c->asm_len += len;
	if (!lws_is_final_fragment(wsi) || lws_remaining_packet_payload(wsi) != 0)
		return 0;
	struct buf *b = malloc(sizeof *b + c->asm_len);
	if (b == NULL)
		return rx_refuse(c, wsi, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, MGW_E_NOMEM,
				 "client out of memory");
	b->len = c->asm_len;
	b->binary = lws_frame_is_binary(wsi);
	memcpy(b->data, c->asm_buf, c->asm_len);
	queue(&c->rx_head, &c->rx_tail, b);
	c->asm_len = 0;
	return 0;
}

static int cb(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in, size_t len)
{
	struct mgw_client *c = lws_context_user(lws_get_context(wsi));
	switch (reason) {
	case LWS_CALLBACK_OPENSSL_LOAD_EXTRA_CLIENT_VERIFY_CERTS:
		SSL_CTX_set_min_proto_version((SSL_CTX *)user, TLS1_3_VERSION);
		break;
	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
		snprintf(c->conn_err, sizeof c->conn_err, "%s",
			 in ? (const char *)in : "connection failed");
		c->closed = 1;
		c->wsi = NULL;
		break;
	case LWS_CALLBACK_CLIENT_ESTABLISHED:
		c->established = 1;
		if (c->tx_head)
			lws_callback_on_writable(wsi);
		break;
	case LWS_CALLBACK_CLIENT_RECEIVE:
		return on_receive(c, wsi, in, len);
	case LWS_CALLBACK_CLIENT_WRITEABLE: {
		if (c->refused)
			return -1; /* the close rx_refuse asked for (1009, 1011) */
		struct buf *b = dequeue(&c->tx_head, &c->tx_tail);
		if (b == NULL)
			break;
		int w = lws_write(wsi, b->data + LWS_PRE, b->len,
				  b->binary ? LWS_WRITE_BINARY : LWS_WRITE_TEXT);
		free(b);
		if (w < 0)
			return -1;
		if (c->tx_head)
			lws_callback_on_writable(wsi);
		break;
	}
	case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
		if (len >= 2) {
			const unsigned char *p = in;
			c->close_status = (p[0] << 8) | p[1];
			snprintf(c->close_reason, sizeof c->close_reason, "%.*s", (int)(len - 2),
				 (const char *)p + 2);
		}
		break;
	case LWS_CALLBACK_CLIENT_CLOSED:
	case LWS_CALLBACK_CLOSED_CLIENT_HTTP:
		c->closed = 1;
		c->wsi = NULL;
		break;
	case LWS_CALLBACK_WSI_DESTROY:
		/*
		 * When the server drops the TLS connection during our upgrade (a
		 * refused certificate in TLS 1.3 is only noticed after the client
		 * finished its side), lws may destroy the wsi without a
		 * CONNECTION_ERROR: treat that as closed too.
		 */
		if (c != NULL && wsi == c->wsi) {
			if (!c->established && c->conn_err[0] == 0)
				snprintf(c->conn_err, sizeof c->conn_err,
					 "closed by the gateway during the TLS/WebSocket handshake");
			c->closed = 1;
			c->wsi = NULL;
		}
		break;
	default:
		break;
	}
	return 0;
}

static const struct lws_protocols protocols[] = {
	{"marac.v1", cb, 0, 65536, 0, NULL, 0},
	{NULL, NULL, 0, 0, 0, NULL, 0},
};

/* Service until cond(c) or the deadline; returns cond's last value. */
static int pump(struct mgw_client *c, int64_t deadline, int (*cond)(struct mgw_client *))
{
	while (!cond(c)) {
		if (now_ms() >= deadline)
			return 0;
		if (lws_service(c->ctx, 0) < 0)
			return cond(c);
	}
	return 1;
}

static int is_up_or_closed(struct mgw_client *c)
{
	return c->established || c->closed;
}

static int has_rx_or_closed(struct mgw_client *c)
{
	return c->rx_head != NULL || c->closed;
}

static int tx_flushed(struct mgw_client *c)
{
	return c->tx_head == NULL || c->closed;
}

static int enqueue_tx(struct mgw_client *c, const void *data, size_t len, int binary)
{
	if (c->closed || c->wsi == NULL)
		return MGW_E_CLOSED;
	struct buf *b = malloc(sizeof *b + LWS_PRE + len);
	if (b == NULL)
		return MGW_E_NOMEM;
	b->len = len;
	b->binary = binary;
	memcpy(b->data + LWS_PRE, data, len);
	queue(&c->tx_head, &c->tx_tail, b);
	if (c->established)
		lws_callback_on_writable(c->wsi);
	return MGW_OK;
}

int mgw_client_send_raw(mgw_client *c, const void *buf, size_t len, int binary)
{
	int rc = enqueue_tx(c, buf, len, binary);
	if (rc != MGW_OK)
		return rc;
	pump(c, now_ms() + 30000, tx_flushed);
	return c->closed && c->tx_head ? MGW_E_CLOSED : MGW_OK;
}

int mgw_client_send(mgw_client *c, const Marac__V1__Frame *f)
{
	uint8_t *buf;
	size_t len;
	if (codec_pack(&f->base, &buf, &len) != MGW_OK)
		return MGW_E_NOMEM;
	int rc = mgw_client_send_raw(c, buf, len, 1);
	free(buf);
	return rc;
}

int mgw_client_recv(mgw_client *c, int timeout_ms, Marac__V1__Frame **out)
{
	*out = NULL;
	if (!pump(c, now_ms() + timeout_ms, has_rx_or_closed))
		return MGW_E_TIMEOUT;
	struct buf *b = dequeue(&c->rx_head, &c->rx_tail);
	if (b == NULL)
		return c->refused ? c->refused : MGW_E_CLOSED;
	int rc = b->binary ? codec_frame_unpack(b->data, b->len, c->max_frame, out)
			   : MGW_E_MALFORMED;
	free(b);
	if (rc == MGW_OK && (*out)->body_case == MARAC__V1__FRAME__BODY_ERROR) {
		codec_free(c->last_error ? &c->last_error->base : NULL);
		c->last_error = (Marac__V1__Frame *)codec_clone(&(*out)->base);
	}
	return rc;
}

int mgw_client_connect(const struct mgw_client_opts *o, mgw_client **out, char *err,
		       size_t errlen)
{
	*out = NULL;
	struct mgw_client *c = calloc(1, sizeof *c);
	if (c == NULL)
		return MGW_E_NOMEM;
	c->max_frame = o->rx_max_bytes ? o->rx_max_bytes : MGW_MAX_FRAME_BYTES_MAX + 4096;
	int timeout = o->timeout_ms > 0 ? o->timeout_ms : 10000;
	int64_t deadline = now_ms() + timeout;
	int rc = MGW_E_INVALID;

	char url[512];
	const char *scheme, *host, *path;
	int port;
	snprintf(url, sizeof url, "%s", o->url ? o->url : "");
	if (lws_parse_uri(url, &scheme, &host, &port, &path) || strcmp(scheme, "wss") != 0) {
		snprintf(err, errlen, "%s: expected wss://HOST:PORT", o->url ? o->url : "(none)");
		goto fail;
	}

	lws_set_log_level(0, NULL);
	struct lws_context_creation_info info;
	memset(&info, 0, sizeof info);
	info.port = CONTEXT_PORT_NO_LISTEN;
	info.protocols = protocols;
	info.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
	info.client_ssl_cert_filepath = o->cert;
	info.client_ssl_private_key_filepath = o->key;
	info.client_ssl_ca_filepath = o->ca;
	info.user = c;
	info.timeout_secs = (unsigned)(timeout / 1000 + 1);
	info.connect_timeout_secs = (unsigned)(timeout / 1000 + 1);
	c->ctx = lws_create_context(&info);
	if (c->ctx == NULL) {
		snprintf(err, errlen, "cannot load the client certificate, key or CA (%s, %s, %s)",
			 o->cert ? o->cert : "-", o->key ? o->key : "-", o->ca ? o->ca : "-");
		rc = MGW_E_IO;
		goto fail;
	}
	lws_sul_schedule(c->ctx, 0, &c->tick, tick_cb, 50 * LWS_US_PER_MS);

	char pathbuf[256];
	snprintf(pathbuf, sizeof pathbuf, "/%s", path && *path ? path : "v1");
	struct lws_client_connect_info ci;
	memset(&ci, 0, sizeof ci);
	ci.context = c->ctx;
	ci.address = host;
	ci.port = port;
	ci.path = pathbuf;
	ci.host = host;
	ci.origin = host;
	ci.protocol = "marac.v1";
	ci.ssl_connection = LCCSCF_USE_SSL;
	ci.pwsi = &c->wsi;
	if (lws_client_connect_via_info(&ci) == NULL && c->conn_err[0] == 0) {
		snprintf(err, errlen, "%s: cannot start connection", o->url);
		rc = MGW_E_REFUSED;
		goto fail;
	}
	if (!pump(c, deadline, is_up_or_closed)) {
		snprintf(err, errlen, "%s: no TLS/WebSocket connection within %d ms", o->url, timeout);
		rc = MGW_E_TIMEOUT;
		goto fail;
	}
	if (!c->established) {
		snprintf(err, errlen, "%s: connection refused: %s", o->url,
			 c->conn_err[0] ? c->conn_err : "closed during handshake");
		rc = MGW_E_REFUSED;
		goto fail;
	}
	if (o->skip_hello) {
		*out = c;
		return MGW_OK;
	}
	Marac__V1__Hello h = MARAC__V1__HELLO__INIT;
	h.protocol_version = 1;
	h.client_software = (char *)(o->software ? o->software : "marac-client");
	h.resume_after = o->resume_after;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_HELLO;
	f.hello = &h;
	if ((rc = mgw_client_send(c, &f)) != MGW_OK) {
		snprintf(err, errlen, "%s: closed before Hello was sent (close %d %s)", o->url,
			 c->close_status, c->close_reason);
		goto fail;
	}
	Marac__V1__Frame *w = NULL;
	int left = (int)(deadline - now_ms());
	rc = mgw_client_recv(c, left > 0 ? left : 1, &w);
	if (rc != MGW_OK) {
		snprintf(err, errlen, "%s: no Welcome (%s; close %d %s)", o->url, mgw_strerror(rc),
			 c->close_status, c->close_reason);
		goto fail;
	}
	if (w->body_case != MARAC__V1__FRAME__BODY_WELCOME) {
		snprintf(err, errlen, "%s: gateway answered Hello with %s", o->url,
			 w->body_case == MARAC__V1__FRAME__BODY_ERROR ? w->error->message
								       : "an unexpected frame");
		codec_free(&w->base);
		rc = MGW_E_REFUSED;
		goto fail;
	}
	c->welcome = w;
	/* r-redteam7: not lowered to Welcome.max_frame_bytes: deliveries queued
	 * before the operator lowered it keep their size, and one refused here
	 * would be sent again at every connection, every later one behind it */
	*out = c;
	return MGW_OK;
fail:
	mgw_client_free(c);
	return rc;
}

const Marac__V1__Welcome *mgw_client_welcome(const mgw_client *c)
{
	return c->welcome ? c->welcome->welcome : NULL;
}

const Marac__V1__Error *mgw_client_last_error(const mgw_client *c)
{
	return c->last_error ? c->last_error->error : NULL;
}

int mgw_client_close_status(const mgw_client *c)
{
	return c->close_status;
}

const char *mgw_client_close_reason(const mgw_client *c)
{
	return c->close_reason;
}

int mgw_client_request(mgw_client *c, const Marac__V1__Frame *req, int want,
		       const char *msg_id, int timeout_ms, Marac__V1__Frame **answer)
{
	*answer = NULL;
	int rc = mgw_client_send(c, req);
	if (rc != MGW_OK)
		return rc;
	int64_t deadline = now_ms() + timeout_ms;
	/* Frames that are not our answer are kept, in order, for mgw_client_recv. */
	struct buf *keep_h = NULL, *keep_t = NULL;
	for (;;) {
		int left = (int)(deadline - now_ms());
		Marac__V1__Frame *r;
		rc = mgw_client_recv(c, left > 0 ? left : 0, &r);
		if (rc != MGW_OK)
			break;
		const char *rid = r->body_case == MARAC__V1__FRAME__BODY_SHARE_ACCEPTED
					  ? r->share_accepted->msg_id
				  : r->body_case == MARAC__V1__FRAME__BODY_REFERRAL_ACCEPTED
					  ? r->referral_accepted->msg_id
				  : r->body_case == MARAC__V1__FRAME__BODY_SHARE_RETRACTED
					  ? r->share_retracted->msg_id
					  : NULL;
		int ours = ((int)r->body_case == want &&
			    (msg_id == NULL || rid == NULL || strcmp(rid, msg_id) == 0)) ||
			   (r->body_case == MARAC__V1__FRAME__BODY_ERROR &&
			    (r->error->msg_id[0] == 0 ||
			     (msg_id && strcmp(r->error->msg_id, msg_id) == 0)));
		if (ours) {
			if (r->body_case == MARAC__V1__FRAME__BODY_ERROR) {
				codec_free(&r->base);
				rc = MGW_E_REFUSED;
			} else {
				*answer = r;
			}
			break;
		}
		uint8_t *bytes;
		size_t len;
		if (codec_pack(&r->base, &bytes, &len) == MGW_OK) {
			struct buf *b = malloc(sizeof *b + len);
			if (b) {
				b->len = len;
				b->binary = 1;
				memcpy(b->data, bytes, len);
				queue(&keep_h, &keep_t, b);
			}
			free(bytes);
		}
		codec_free(&r->base);
	}
	if (keep_h) {
		keep_t->next = c->rx_head;
		c->rx_head = keep_h;
		if (c->rx_tail == NULL)
			c->rx_tail = keep_t;
	}
	return rc;
}

int mgw_client_share(mgw_client *c, const Marac__V1__Share *s, int timeout_ms,
		     Marac__V1__Frame **accepted)
{
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_SHARE;
	f.share = (Marac__V1__Share *)s;
	return mgw_client_request(c, &f, MARAC__V1__FRAME__BODY_SHARE_ACCEPTED, s->msg_id,
				  timeout_ms, accepted);
}

int mgw_client_ack(mgw_client *c, const char *delivery_id, uint64_t seq)
{
	Marac__V1__DeliverAck a = MARAC__V1__DELIVER_ACK__INIT;
	a.delivery_id = (char *)delivery_id;
	a.seq = seq;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_DELIVER_ACK;
	f.deliver_ack = &a;
	return mgw_client_send(c, &f);
}

int mgw_client_retract_ack(mgw_client *c, const char *delivery_id)
{
	Marac__V1__RetractAck a = MARAC__V1__RETRACT_ACK__INIT;
	a.delivery_id = (char *)delivery_id;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_RETRACT_ACK;
	f.retract_ack = &a;
	return mgw_client_send(c, &f);
}

int mgw_client_retract(mgw_client *c, const char *msg_id, int reason, int timeout_ms,
		       Marac__V1__Frame **answer)
{
	Marac__V1__RetractShare r = MARAC__V1__RETRACT_SHARE__INIT;
	r.msg_id = (char *)msg_id;
	r.reason = reason;
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_RETRACT_SHARE;
	f.retract_share = &r;
	return mgw_client_request(c, &f, MARAC__V1__FRAME__BODY_SHARE_RETRACTED, msg_id,
				  timeout_ms, answer);
}

void mgw_client_free(mgw_client *c)
{
	if (c == NULL)
		return;
	if (c->ctx) {
		if (c->wsi && c->established && !c->closed) {
			lws_close_reason(c->wsi, LWS_CLOSE_STATUS_NORMAL, (unsigned char *)"bye", 3);
			lws_set_timeout(c->wsi, PENDING_TIMEOUT_CLOSE_SEND, LWS_TO_KILL_SYNC);
		}
		lws_sul_cancel(&c->tick);
		lws_context_destroy(c->ctx);
	}
	struct buf *b;
	while ((b = dequeue(&c->tx_head, &c->tx_tail)) != NULL)
		free(b);
	while ((b = dequeue(&c->rx_head, &c->rx_tail)) != NULL)
		free(b);
	free(c->asm_buf);
	codec_free(c->welcome ? &c->welcome->base : NULL);
	codec_free(c->last_error ? &c->last_error->base : NULL);
	free(c);
}

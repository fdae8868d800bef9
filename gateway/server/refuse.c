/*
 * refuse.c: the one refusal path, and the aggregation of refusals before
 * authentication.
 *
 * refuse(): validate what will be logged (sender strings by grammar, else
 * digest), log the codes, count, audit REQUEST_REFUSED (audit_emit), answer
 * Error, optionally close. The same function serves the service thread
 * (answer queued on the session now) and the writer thread (record in the
 * batch, answer after COMMIT).
 *
 * refuse_preauth(): anyone can open TCP connections and fail handshakes,
 * so these refusals are counted per reason and audited as one
 * CONNECTION_REFUSED record per reason per MGW_PREAUTH_AUDIT_SECS, carrying
 * the count; the first after a quiet interval is written at once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"

int frame_pack_error(Marac__V1__ErrorCode code, const char *msg, const char *msg_id,
		     uint8_t **out, size_t *len)
{
	Marac__V1__Error e = MARAC__V1__ERROR__INIT;
	e.code = code;
	e.message = (char *)msg;
	e.msg_id = (char *)(msg_id && gw_msg_id_ok(msg_id) ? msg_id : "");
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_ERROR;
	f.error = &e;
	return codec_pack(&f.base, out, len);
}

/* The code's name in lower case without its prefix: "invalid_share". */
static void code_reason(Marac__V1__ErrorCode code, char *out, size_t n)
{
	const ProtobufCEnumValue *v =
		protobuf_c_enum_descriptor_get_value(&marac__v1__error_code__descriptor, code);
	const char *name = v ? v->name : "refused";
	if (strncmp(name, "ERROR_CODE_", 11) == 0)
		name += 11;
	snprintf(out, n, "%s", name);
	for (char *p = out; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
}

/* The request kind: the Frame body's field name ("agenda_request", "share"), or NULL. */
static const char *body_name(int body_case)
{
	const ProtobufCFieldDescriptor *fd = body_case > 0
		? protobuf_c_message_descriptor_get_field(&marac__v1__frame__descriptor,
							  (unsigned)body_case)
		: NULL;
	return fd ? fd->name : NULL;
}

int refuse(struct gw *g, struct session *s, struct wctx *w, const struct job *j,
	   const struct refusal *r, const char *fmt, ...)
{
	char msg[320], reason[48], mb[72];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (r->reason)
		snprintf(reason, sizeof reason, "%s", r->reason);
	else
		code_reason(r->code, reason, sizeof reason);
	if (s)
		session_charge_refusal(g, s); /* audited: at most the request rate */
	const char *node = s ? s->node : j->node;
	int agency = s ? s->agency : j->agency;
	uint64_t conn = s ? s->conn_id : j->conn_id;

	log_event(LOG_WARN, "request_refused", "node", node, "reason", reason, "msg_id",
		  gw_safe(r->msg_id, gw_msg_id_ok, mb), NULL);
	__atomic_add_fetch(&g->m.shares_refused, 1, __ATOMIC_RELAXED);
	metrics_refusal(g, reason);
	struct audit_fields f = {
		.event = r->event ? r->event : MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
		.actor_node = node,
		.actor_agency = agency,
		.cert_sha256 = s ? s->cert_sha256 : NULL,
		.msg_id = r->msg_id,
		.case_ref = r->case_ref,
		.reason = reason,
		.attempted = r->attempted ? r->attempted
					  : body_name(s ? s->rx_body_case : j->body_case),
		.marac_area = r->marac_area,
		.meeting_date = r->meeting_date,
	};
	/* After a failed COMMIT there is no transaction to write into (w->st NULL). */
	int rc = w && w->st == NULL ? MGW_OK : audit_emit(g, w, &f, NULL);

	uint8_t *buf;
	size_t len;
	if (!r->silent && frame_pack_error(r->code, msg, r->msg_id, &buf, &len) == MGW_OK) {
		if (s) {
			session_queue_ctl(s, buf, len);
			free(buf);
		} else if (conn) {
			struct completion *c = completion_frame(conn, buf, len);
			if (c)
				c->refusal = 1;
			clist_append(w->answers, c);
		} else {
			free(buf);
		}
	}
	if (r->close) {
		if (s)
			session_close(s, r->close, reason);
		else if (conn)
			clist_append(w->answers, completion_close(conn, r->close));
	}
	return s ? MGW_OK : rc;
}

void answer_not_stored(struct wctx *w, const struct job *j, const char *msg_id)
{
	if (j->conn_id == 0)
		return;
	/* Inside the batch (the job's own failure): refused and audited like any
	 * refusal. After a failed COMMIT (w->st NULL): answered only. */
	struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL,
			    .reason = "not_stored", .msg_id = msg_id};
	refuse(w->g, NULL, w, j, &r, "could not be stored; not accepted, retry with the same msg_id");
}

/* ---- before authentication ------------------------------------------------ */

static void preauth_emit(struct gw *g, struct preauth_count *p, uint64_t n,
			 const uint8_t *cert_sha256)
{
	struct audit_fields f = {
		.event = MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED,
		.reason = p->reason,
		.cert_sha256 = cert_sha256,
		.count = n,
	};
	audit_emit(g, NULL, &f, NULL);
}

void refuse_preauth(struct gw *g, const char *reason, const uint8_t *cert_sha256)
{
	__atomic_add_fetch(&g->m.connections_refused, 1, __ATOMIC_RELAXED);
	metrics_refusal(g, reason);
	int i;
	for (i = 0; i < MGW_PREAUTH_REASONS && g->preauth[i].reason; i++)
		if (strcmp(g->preauth[i].reason, reason) == 0)
			break;
	if (i == MGW_PREAUTH_REASONS) {
		/* table full (a reason added without room): audited at once under
		 * its own name, never counted with another's (rv-review4: the
		 * twelfth reason's name was given to every later one) */
		struct preauth_count one = {.reason = reason};
		preauth_emit(g, &one, 1, cert_sha256);
		return;
	}
	struct preauth_count *p = &g->preauth[i];
	if (p->reason == NULL)
		p->reason = reason; /* callers pass static strings */
	int64_t now = store_now_ms();
	if (now - p->last_ms >= (int64_t)MGW_PREAUTH_AUDIT_SECS * 1000) {
		char hex[65] = "";
		if (cert_sha256)
			gw_hex(cert_sha256, 32, hex);
		log_event(LOG_WARN, "connection_refused", "reason", reason, "cert_sha256", hex, NULL);
		preauth_emit(g, p, p->n + 1, cert_sha256);
		p->n = 0;
		p->last_ms = now;
		return;
	}
	p->n++;
}

void refuse_preauth_flush(struct gw *g, int force)
{
	int64_t now = store_now_ms();
	for (int i = 0; i < MGW_PREAUTH_REASONS && g->preauth[i].reason; i++) {
		struct preauth_count *p = &g->preauth[i];
		if (p->n == 0 ||
		    (!force && now - p->last_ms < (int64_t)MGW_PREAUTH_AUDIT_SECS * 1000))
			continue;
		char n[24];
		snprintf(n, sizeof n, "%llu", (unsigned long long)p->n);
		log_event(LOG_WARN, "connection_refused", "reason", p->reason, "count", n, NULL);
		preauth_emit(g, p, p->n, NULL);
		p->n = 0;
		p->last_ms = now;
	}
}

/*
 * req_hello.c: Hello and its Welcome.
 *
 * Service thread (hello_svc_on): protocol_version 1 (else PROTOCOL_VERSION,
 * close 1008); one Hello per connection. The Hello becomes a job so that
 * the Welcome is built by the writer after the resume acks it implies.
 *
 * Writer thread (hello_wr_commit): Hello.resume_after beyond the node's
 * last delivery seq is refused (INVALID_REQUEST, close 1008): the node
 * claims deliveries that do not exist, and acking through it would make
 * every later delivery look acknowledged. Otherwise the deliveries through
 * resume_after are acked, each audited DELIVERY_ACKED (ack_wr_through);
 * then acked_through is read in the same transaction, so the Welcome says
 * where delivery really resumes. The Welcome goes out after COMMIT and
 * opens the delivery stream (EX_DONE_WELCOME).
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"

struct hello_job {
	struct job base;
	uint64_t resume_after;
};

/* ---- writer thread (down to hello_ops) ---- */

/* The highest seq ever given to a node's deliveries (0: none). */
static int last_seq(store *st, const char *node, uint64_t *out)
{
	sqlite3_stmt *q = NULL;
	*out = 0;
	if (sqlite3_prepare_v2(store_db(st), "SELECT next_seq FROM node_seq WHERE node = ?1", -1,
			       &q, NULL) != SQLITE_OK)
		return MGW_E_DB;
	sqlite3_bind_text(q, 1, node, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW && sqlite3_column_int64(q, 0) > 0)
		*out = (uint64_t)sqlite3_column_int64(q, 0) - 1;
	sqlite3_finalize(q);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MGW_OK : MGW_E_DB;
}

static int hello_wr_commit(struct job *jb, struct wctx *w)
{
	struct hello_job *j = (struct hello_job *)jb;
	const struct mgw_node *n = config_node_by_id(w->e->cfg, jb->node);
	uint64_t acked = 0, last = 0;
	int rc;
	if (n == NULL) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_NOT_AUTHORISED,
				    .reason = "node_unregistered",
				    .close = LWS_CLOSE_STATUS_POLICY_VIOLATION};
		return refuse(w->g, NULL, w, jb, &r, "this certificate is no longer registered");
	}
	if ((rc = store_acked_through(w->st, jb->node, &acked)) != MGW_OK)
		return rc;
	if (j->resume_after > acked) {
		if ((rc = last_seq(w->st, jb->node, &last)) != MGW_OK)
			return rc;
		if (j->resume_after > last) {
			struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_INVALID_REQUEST,
					    .reason = "resume_after_beyond_last",
					    .close = LWS_CLOSE_STATUS_POLICY_VIOLATION};
			return refuse(w->g, NULL, w, jb, &r,
				      "Hello.resume_after: %llu is beyond the last delivery seq "
				      "(%llu) of this node",
				      (unsigned long long)j->resume_after, (unsigned long long)last);
		}
		if ((rc = ack_wr_through(w, jb, acked, j->resume_after)) != MGW_OK)
			return rc;
		if ((rc = store_acked_through(w->st, jb->node, &acked)) != MGW_OK)
			return rc;
	}

	Marac__V1__Welcome wl = MARAC__V1__WELCOME__INIT;
	char *roles[4];
	size_t nr = 0;
	if (n->roles & MGW_ROLE_NODE)
		roles[nr++] = "node";
	if (n->roles & MGW_ROLE_CHAIR)
		roles[nr++] = "chair";
	if (n->roles & MGW_ROLE_AUDITOR)
		roles[nr++] = "auditor";
	if (n->roles & MGW_ROLE_LOOKUP)
		roles[nr++] = "lookup";
	wl.node_id = (char *)jb->node;
	wl.agency = jb->agency;
	wl.roles = roles;
	wl.n_roles = nr;
	wl.areas = n->areas;
	wl.n_areas = n->n_areas;
	wl.acked_through = acked;
	wl.max_frame_bytes = w->e->cfg->max_frame_bytes;
	wl.max_in_flight = w->e->cfg->max_in_flight;
	wl.gateway_version = MARAC_VERSION;
	wl.server_time_ms = store_now_ms();
	Marac__V1__Frame f = MARAC__V1__FRAME__INIT;
	f.body_case = MARAC__V1__FRAME__BODY_WELCOME;
	f.welcome = &wl;
	uint8_t *buf;
	size_t len;
	if ((rc = codec_pack(&f.base, &buf, &len)) != MGW_OK)
		return rc;
	struct completion *c = completion_frame(jb->conn_id, buf, len);
	if (c == NULL)
		return MGW_E_NOMEM;
	c->kind = EX_DONE_WELCOME;
	c->seq = acked;
	clist_append(w->answers, c);
	return MGW_OK;
}

/* Not stored: the node cannot be welcomed; it reconnects. */
static void hello_wr_failed(struct job *jb, struct wctx *w)
{
	uint8_t *buf;
	size_t len;
	if (frame_pack_error(MARAC__V1__ERROR_CODE__ERROR_CODE_INTERNAL,
			     "cannot read node state; reconnect", NULL, &buf, &len) == MGW_OK)
		clist_append(w->answers, completion_frame(jb->conn_id, buf, len));
	clist_append(w->answers,
		     completion_close(jb->conn_id, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION));
}

static const struct job_ops hello_ops = {
	.name = "hello",
	.wr_commit = hello_wr_commit,
	.wr_failed = hello_wr_failed,
};

/* ---- service thread ---- */

void hello_svc_on(struct gw *g, struct session *s, Marac__V1__Frame *f)
{
	const Marac__V1__Hello *h = f->hello;
	if (s->hello_seen) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_UNEXPECTED_FRAME};
		refuse(g, s, NULL, NULL, &r, "Hello was already received");
		goto out;
	}
	if (h->protocol_version != 1) {
		struct refusal r = {.code = MARAC__V1__ERROR_CODE__ERROR_CODE_PROTOCOL_VERSION,
				    .close = LWS_CLOSE_STATUS_POLICY_VIOLATION};
		refuse(g, s, NULL, NULL, &r, "this gateway speaks protocol_version 1");
		goto out;
	}
	s->hello_seen = 1;
	lws_set_timeout(s->wsi, NO_PENDING_TIMEOUT, 0);
	struct hello_job *j = calloc(1, sizeof *j);
	if (j == NULL) {
		session_close(s, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, "out of memory");
		goto out;
	}
	session_job_init(g, s, &j->base, &hello_ops);
	j->resume_after = h->resume_after;
	log_event(LOG_INFO, "node_hello", "node", s->node, NULL);
	session_submit(g, s, &j->base, NULL);
out:
	codec_free(&f->base);
}

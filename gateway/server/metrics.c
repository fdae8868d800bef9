/*
 * metrics.c: Prometheus text metrics on a separate plain-HTTP listener,
 * bound to loopback only (config refuses any other address): it reveals
 * counts and node ids, never case data.
 *
 *   GET /metrics  ->  text/plain; version=0.0.4
 *
 * Counters are updated from both threads with relaxed atomics; refusal
 * reasons live in a small fixed table under reasons_lock (any thread).
 * render() runs on the service thread (an lws callback).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gw.h"
#include "mgw_err.h"

#define MAX_REASONS 32

static pthread_mutex_t reasons_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	char reason[40];
	uint64_t n;
} reasons[MAX_REASONS]; /* under reasons_lock */

static const double bucket_ms[MGW_COMMIT_BUCKETS] = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000};

void metrics_refusal(struct gw *g, const char *reason)
{
	pthread_mutex_lock(&reasons_lock);
	for (int i = 0; i < MAX_REASONS; i++) {
		if (reasons[i].reason[0] == 0)
			snprintf(reasons[i].reason, sizeof reasons[i].reason, "%s", reason);
		if (strcmp(reasons[i].reason, reason) == 0) {
			reasons[i].n++;
			break;
		}
	}
	pthread_mutex_unlock(&reasons_lock);
}

void metrics_commit(struct gw *g, uint64_t us)
{
	__atomic_add_fetch(&g->m.commits, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&g->m.commit_us_total, us, __ATOMIC_RELAXED);
	for (int i = 0; i < MGW_COMMIT_BUCKETS; i++)
		if ((double)us / 1000.0 <= bucket_ms[i])
			__atomic_add_fetch(&g->m.commit_hist[i], 1, __ATOMIC_RELAXED);
}

static uint64_t ld(const uint64_t *p)
{
	return __atomic_load_n(p, __ATOMIC_RELAXED);
}

/* The whole exposition; caller frees. */
static char *render(struct gw *g, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (f == NULL)
		return NULL;
	const struct gw_metrics *m = &g->m;
#define COUNTER(name, help, v) \
	fprintf(f, "# HELP " name " " help "\n# TYPE " name " counter\n" name " %llu\n", \
		(unsigned long long)(v))
#define GAUGE(name, help, v) \
	fprintf(f, "# HELP " name " " help "\n# TYPE " name " gauge\n" name " %llu\n", \
		(unsigned long long)(v))
	GAUGE("marac_connections", "Open node connections.", g->n_sessions);
	GAUGE("marac_handshakes", "Connections in TLS handshake or upgrade.", preauth_in_handshake(g));
	COUNTER("marac_connections_total", "Node connections established.", ld(&m->connections_total));
	COUNTER("marac_shares_accepted_total", "Shares durably accepted.", ld(&m->shares_accepted));
	COUNTER("marac_deliveries_sent_total", "Deliver frames written (incl. redeliveries).",
		ld(&m->deliveries_sent));
	COUNTER("marac_deliveries_acked_total", "Deliveries acknowledged by their node.",
		ld(&m->deliveries_acked));
	COUNTER("marac_frames_too_large_total", "Frames refused above max_frame_bytes.",
		ld(&m->frames_too_large));
	size_t q = executor_depth(g);
	GAUGE("marac_writer_queue_depth", "Jobs waiting for the writer thread.", q);

	fprintf(f, "# HELP marac_refusals_total Refused connections and requests by reason.\n"
		   "# TYPE marac_refusals_total counter\n");
	pthread_mutex_lock(&reasons_lock);
	for (int i = 0; i < MAX_REASONS && reasons[i].reason[0]; i++)
		fprintf(f, "marac_refusals_total{reason=\"%s\"} %llu\n", reasons[i].reason,
			(unsigned long long)reasons[i].n);
	pthread_mutex_unlock(&reasons_lock);

	fprintf(f, "# HELP marac_outbox_depth Deliveries queued and not yet acknowledged, per node.\n"
		   "# TYPE marac_outbox_depth gauge\n");
	const struct mgw_config *c = g->epoch->cfg;
	for (size_t i = 0; i < c->n_nodes; i++) {
		uint64_t d = 0;
		if (store_outbox_depth(g->reader, c->nodes[i].id, &d) == MGW_OK)
			fprintf(f, "marac_outbox_depth{node=\"%s\"} %llu\n", c->nodes[i].id,
				(unsigned long long)d);
	}

	/* r-redteam4: a node that can never connect (its registered certificate
	 * expired or revoked) is sent nothing new; its outbox_depth above is
	 * what waits for a renewed certificate */
	fprintf(f, "# HELP marac_node_cert_invalid Registered nodes whose certificate is expired "
		   "or revoked (sent no new shares or referrals), per node.\n"
		   "# TYPE marac_node_cert_invalid gauge\n");
	long long now = (long long)time(NULL);
	for (size_t i = 0; i < c->n_nodes; i++) {
		int st = config_node_cert_state(&c->nodes[i], g->epoch->crl, now);
		if (st == NODE_CERT_EXPIRED || st == NODE_CERT_REVOKED)
			fprintf(f, "marac_node_cert_invalid{node=\"%s\",reason=\"%s\"} 1\n",
				c->nodes[i].id, st == NODE_CERT_REVOKED ? "revoked" : "expired");
	}

	fprintf(f, "# HELP marac_commit_seconds Store commit latency (group commit, fsync).\n"
		   "# TYPE marac_commit_seconds histogram\n");
	for (int i = 0; i < MGW_COMMIT_BUCKETS; i++)
		fprintf(f, "marac_commit_seconds_bucket{le=\"%g\"} %llu\n", bucket_ms[i] / 1000.0,
			(unsigned long long)ld(&m->commit_hist[i]));
	fprintf(f, "marac_commit_seconds_bucket{le=\"+Inf\"} %llu\n",
		(unsigned long long)ld(&m->commits));
	fprintf(f, "marac_commit_seconds_sum %.6f\n", ld(&m->commit_us_total) / 1e6);
	fprintf(f, "marac_commit_seconds_count %llu\n", (unsigned long long)ld(&m->commits));
	fclose(f);
	*len = n;
	return buf;
}

struct metrics_pss {
	char *body;
	size_t len;
};

static int cb_metrics(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
		      size_t len)
{
	struct metrics_pss *p = user;
	switch (reason) {
	case LWS_CALLBACK_HTTP: {
		if (strcmp((const char *)in, "/metrics") != 0) {
			lws_return_http_status(wsi, HTTP_STATUS_NOT_FOUND, NULL);
			return -1;
		}
		p->body = render(&G, &p->len);
		if (p->body == NULL)
			return -1;
		unsigned char hdr[LWS_PRE + 512], *start = hdr + LWS_PRE, *pos = start,
			*end = hdr + sizeof hdr - 1;
		if (lws_add_http_common_headers(wsi, HTTP_STATUS_OK, "text/plain; version=0.0.4",
						p->len, &pos, end) ||
		    lws_finalize_write_http_header(wsi, start, &pos, end))
			return 1;
		lws_callback_on_writable(wsi);
		return 0;
	}
	case LWS_CALLBACK_HTTP_WRITEABLE: {
		if (p->body == NULL)
			return -1;
		unsigned char *b = malloc(LWS_PRE + p->len);
		if (b == NULL)
			return -1;
		memcpy(b + LWS_PRE, p->body, p->len);
		int w = lws_write(wsi, b + LWS_PRE, p->len, LWS_WRITE_HTTP_FINAL);
		free(b);
		free(p->body);
		p->body = NULL;
		if (w < 0)
			return -1;
		if (lws_http_transaction_completed(wsi))
			return -1;
		return 0;
	}
	case LWS_CALLBACK_CLOSED_HTTP:
		free(p->body);
		p->body = NULL;
		break;
	default:
		break;
	}
	return lws_callback_http_dummy(wsi, reason, user, in, len);
}

const struct lws_protocols metrics_protocols[] = {
	{"metrics", cb_metrics, sizeof(struct metrics_pss), 0, 0, NULL, 0},
	{NULL, NULL, 0, 0, 0, NULL, 0},
};

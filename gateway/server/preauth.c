/*
 * preauth.c: connections still in handshake (TCP accepted, TLS and the
 * WebSocket upgrade not yet done). Service thread only.
 *
 * Nobody is known yet, so these get their own small pool, separate from the
 * node slots (limits.max_connections), and short lives:
 *  - lws drops a connection whose TLS accept or upgrade takes longer than
 *    MGW_PREAUTH_TIMEOUT_SECS (the vhost's timeout_secs);
 *  - while the pool is under pressure (MGW_PREAUTH_PRESSURE_PCT of it in
 *    use), at most limits.preauth_per_address per source address: a newer
 *    connection from the same address drops the oldest, so a peer holding
 *    idle sockets cannot fill the pool, nor keep a node behind the same NAT
 *    out for long. Below that mark the cap does not apply: all the nodes of
 *    an agency behind one NAT reconnecting at once after a restart are tens
 *    of handshakes from one address, and must all get through;
 *  - the pool holds max(max_connections, MGW_REGISTERED_RESERVE_MIN) slots;
 *    when full, new connections are refused until handshakes finish or
 *    time out. Registered nodes that completed the upgrade never count
 *    here, so they always have their node slots.
 * A slot also frees itself once older than the handshake timeout, in case
 * lws never reports the wsi's end.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"

struct preauth_slot {
	int used;
	int fd;
	struct lws *wsi;            /* NULL until bound */
	struct sockaddr_storage addr;
	int64_t since_ms;
};

int preauth_init(struct gw *g, unsigned slots)
{
	g->hs = calloc(slots, sizeof *g->hs);
	g->n_hs = g->hs ? slots : 0;
	return g->hs ? MGW_OK : MGW_E_NOMEM;
}

void preauth_free(struct gw *g)
{
	free(g->hs);
	g->hs = NULL;
	g->n_hs = 0;
}

static int same_host(const struct sockaddr_storage *a, const struct sockaddr_storage *b)
{
	if (a->ss_family != b->ss_family)
		return 0;
	if (a->ss_family == AF_INET)
		return ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
		       ((const struct sockaddr_in *)b)->sin_addr.s_addr;
	if (a->ss_family == AF_INET6)
		return memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
			      &((const struct sockaddr_in6 *)b)->sin6_addr, 16) == 0;
	return 1;
}

static int expired(const struct preauth_slot *p, int64_t now)
{
	return now - p->since_ms > (int64_t)(MGW_PREAUTH_TIMEOUT_SECS + 5) * 1000;
}

int preauth_admit(struct gw *g, const struct lws_filter_network_conn_args *a)
{
	int64_t now = store_now_ms();
	struct preauth_slot *free_slot = NULL, *oldest = NULL;
	unsigned same = 0, used = 1; /* used: this one too */
	for (unsigned i = 0; i < g->n_hs; i++) {
		struct preauth_slot *p = &g->hs[i];
		if (p->used && expired(p, now))
			p->used = 0;
		if (!p->used) {
			if (free_slot == NULL)
				free_slot = p;
			continue;
		}
		used++;
		if (same_host(&p->addr, &a->cli_addr)) {
			same++;
			if (oldest == NULL || p->since_ms < oldest->since_ms)
				oldest = p;
		}
	}
	int pressure = (uint64_t)used * 100 >= (uint64_t)g->n_hs * MGW_PREAUTH_PRESSURE_PCT;
	if (pressure && same >= g->epoch->cfg->preauth_per_address && oldest) {
		refuse_preauth(g, "handshake_per_address", NULL);
		if (oldest->wsi)
			lws_set_timeout(oldest->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
		oldest->used = 0;
		if (free_slot == NULL)
			free_slot = oldest;
	}
	if (free_slot == NULL) {
		refuse_preauth(g, "handshake_pool_full", NULL);
		return 1;
	}
	memset(free_slot, 0, sizeof *free_slot);
	free_slot->used = 1;
	free_slot->fd = a->accept_fd;
	free_slot->addr = a->cli_addr;
	free_slot->since_ms = now;
	return 0;
}

void preauth_bind(struct gw *g, struct lws *wsi)
{
	int fd = lws_get_socket_fd(wsi);
	for (unsigned i = 0; i < g->n_hs; i++)
		if (g->hs[i].used && g->hs[i].wsi == NULL && g->hs[i].fd == fd) {
			g->hs[i].wsi = wsi;
			return;
		}
}

void preauth_release(struct gw *g, struct lws *wsi)
{
	for (unsigned i = 0; i < g->n_hs; i++)
		if (g->hs[i].used && g->hs[i].wsi == wsi) {
			g->hs[i].used = 0;
			g->hs[i].wsi = NULL;
			return;
		}
}

unsigned preauth_in_handshake(struct gw *g)
{
	unsigned n = 0;
	int64_t now = store_now_ms();
	for (unsigned i = 0; i < g->n_hs; i++)
		n += g->hs[i].used && !expired(&g->hs[i], now);
	return n;
}

/*
 * outbox_cache.c: committed deliveries kept in memory until first sent.
 *
 * The writer hands each committed delivery's bytes to the service thread
 * (EX_DONE_DELIVER). A session that may take it at once queues it
 * (session.c); otherwise (its window is full, or the node is not
 * connected) the bytes wait here, so that the pump sends them when the
 * window opens without reading the body, its digest and its audit record
 * back from the store. Service thread only.
 *
 * Only deliveries to a node with a live session are kept, and a node's go
 * when its last session closes (back, it reads its outbox from the store).
 * Only deliveries never queued to any session are held: an entry goes when
 * any session queues that seq, from here or from the store (the node may
 * have acked it out of order, and a later session must not send it from
 * here again). So whatever is taken from here was never sent, cannot have
 * been acked, and is exactly the bytes committed (no offline edit can
 * reach memory). Seqs per node arrive in increasing order, so each node's
 * entries form a FIFO. Bounded by MGW_OUTBOX_CACHE_BYTES: beyond it a
 * delivery is not kept (the pump reads it from the store, as before).
 */
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "mgw_err.h"

struct oc_entry {
	struct oc_entry *next;
	uint64_t seq;
	char delivery_id[33];
	size_t len;
	uint8_t body[];
};

struct oc_node {
	struct oc_node *next;
	struct oc_entry *head, *tail;
	char node[MGW_ID_MAX + 1];
};

#define OC_BUCKETS 1024u

static struct oc_node *buckets[OC_BUCKETS];
static size_t held_bytes;
static int registered;

static unsigned bucket(const char *node)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)node; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % OC_BUCKETS;
}

static struct oc_node *find(const char *node, int create)
{
	unsigned b = bucket(node);
	for (struct oc_node *n = buckets[b]; n; n = n->next)
		if (strcmp(n->node, node) == 0)
			return n;
	if (!create || strlen(node) > MGW_ID_MAX)
		return NULL;
	struct oc_node *n = calloc(1, sizeof *n);
	if (n == NULL)
		return NULL;
	snprintf(n->node, sizeof n->node, "%s", node);
	n->next = buckets[b];
	buckets[b] = n;
	return n;
}

static void entry_free(struct oc_entry *e)
{
	held_bytes -= sizeof *e + e->len;
	free(e);
}

void outbox_cache_free(void)
{
	for (unsigned b = 0; b < OC_BUCKETS; b++) {
		for (struct oc_node *n = buckets[b], *nn; n; n = nn) {
			nn = n->next;
			for (struct oc_entry *e = n->head, *en; e; e = en) {
				en = e->next;
				entry_free(e);
			}
			free(n);
		}
		buckets[b] = NULL;
	}
}

void outbox_cache_put(const char *node, uint64_t seq, const char *delivery_id,
		      const uint8_t *body, size_t len)
{
	if (held_bytes + len > MGW_OUTBOX_CACHE_BYTES || strlen(delivery_id) > 32)
		return;
	struct oc_node *n = find(node, 1);
	if (n == NULL || (n->tail && n->tail->seq >= seq))
		return; /* seqs only grow; anything else is left to the store */
	struct oc_entry *e = malloc(sizeof *e + len);
	if (e == NULL)
		return;
	if (!registered) {
		atexit(outbox_cache_free);
		registered = 1;
	}
	e->next = NULL;
	e->seq = seq;
	snprintf(e->delivery_id, sizeof e->delivery_id, "%s", delivery_id);
	e->len = len;
	memcpy(e->body, body, len);
	held_bytes += sizeof *e + len;
	if (n->tail)
		n->tail->next = e;
	else
		n->head = e;
	n->tail = e;
}

void outbox_cache_drop_through(const char *node, uint64_t seq)
{
	struct oc_node *n = find(node, 0);
	while (n && n->head && n->head->seq <= seq) {
		struct oc_entry *e = n->head;
		n->head = e->next;
		if (n->head == NULL)
			n->tail = NULL;
		entry_free(e);
	}
}

int outbox_cache_take(const char *node, uint64_t seq, outbox_cache_fn fn, void *ctx)
{
	outbox_cache_drop_through(node, seq - 1);
	struct oc_node *n = find(node, 0);
	if (n == NULL || n->head == NULL || n->head->seq != seq)
		return 0;
	struct oc_entry *e = n->head;
	int rc = fn(ctx, e->seq, e->delivery_id, e->body, e->len);
	if (rc == 0) {
		n->head = e->next;
		if (n->head == NULL)
			n->tail = NULL;
		entry_free(e);
	}
	return rc == 0;
}

/*
 * client.h: a small marac.v1 node client over mutually authenticated TLS.
 *
 * One connection per process (lws contexts with TLS must not be created
 * twice in one process). Calls block, servicing the connection until their
 * condition or timeout; frames that arrive while waiting for something else
 * (e.g. a Deliver while waiting for ShareAccepted) are kept, in order, for
 * mgw_client_recv().
 *
 * Every int function returns 0 or a negative mgw_err code:
 *   MGW_E_REFUSED  TLS or WebSocket upgrade refused, or an Error frame (see
 *                  mgw_client_last_error) where a specific answer was awaited
 *   MGW_E_CLOSED   the gateway closed the connection (see mgw_client_close_status)
 *   MGW_E_TIMEOUT  nothing arrived in time
 *   MGW_E_MALFORMED  the gateway sent something undecodable
 *   MGW_E_TOO_LARGE  the gateway sent a message above rx_max_bytes: the client
 *                  closed the connection with 1009 rather than drop it
 *                  silently (close status 1009)
 *   MGW_E_NOMEM    out of memory; from recv: while taking a message, and the
 *                  client closed the connection with 1011 (close status 1011)
 *   MGW_E_INVALID  bad arguments, e.g. URL
 */
#ifndef MARAC_CLIENT_H
#define MARAC_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "codec.h"

typedef struct mgw_client mgw_client;

struct mgw_client_opts {
	const char *url;        /* wss://HOST:PORT[/v1] */
	const char *cert;       /* PEM client certificate */
	const char *key;        /* PEM private key */
	const char *ca;         /* PEM CA the gateway's certificate must chain to */
	const char *software;   /* Hello.client_software; NULL = "marac-client" */
	uint64_t resume_after;  /* Hello.resume_after */
	int timeout_ms;         /* connect + TLS + Hello/Welcome; 0 = 10000 */
	int skip_hello;         /* tests: open the WebSocket but send no Hello */
	size_t rx_max_bytes;    /* largest message accepted (above: close 1009, MGW_E_TOO_LARGE);
				 * 0 = MGW_MAX_FRAME_BYTES_MAX + 4096, whatever Welcome says:
				 * a delivery keeps the size it was committed with */
};

/*
 * Connect, handshake and (unless skip_hello) exchange Hello/Welcome.
 * On failure *out is NULL and err says why in words a person can act on.
 */
int mgw_client_connect(const struct mgw_client_opts *o, mgw_client **out, char *err,
		       size_t errlen);

/* The Welcome (owned by the client; valid until mgw_client_free). NULL if skip_hello. */
const Marac__V1__Welcome *mgw_client_welcome(const mgw_client *c);

/* Queue a Frame (or raw bytes; binary=0 sends a text frame) and flush it. */
int mgw_client_send(mgw_client *c, const Marac__V1__Frame *f);
int mgw_client_send_raw(mgw_client *c, const void *buf, size_t len, int binary);

/*
 * Next frame from the gateway, waiting up to timeout_ms. *out is freed by
 * the caller with codec_free(&(*out)->base).
 */
int mgw_client_recv(mgw_client *c, int timeout_ms, Marac__V1__Frame **out);

/*
 * Send a Share and wait for its answer. On 0, *accepted is the
 * ShareAccepted frame (caller frees). On MGW_E_REFUSED the gateway answered
 * with an Error: mgw_client_last_error() has it.
 */
int mgw_client_share(mgw_client *c, const Marac__V1__Share *s, int timeout_ms,
		     Marac__V1__Frame **accepted);

/* Acknowledge a delivery (after it is durably stored). */
/*
 * Send req and wait for the frame whose body is `want` (for ShareAccepted
 * and ReferralAccepted: with this msg_id, when msg_id is not NULL) or an
 * Error answering it (same msg_id, or none). Other frames are kept for
 * mgw_client_recv. On 0 *answer is the frame (caller frees); on
 * MGW_E_REFUSED mgw_client_last_error() has the Error.
 */
int mgw_client_request(mgw_client *c, const Marac__V1__Frame *req, int want,
		       const char *msg_id, int timeout_ms, Marac__V1__Frame **answer);

int mgw_client_ack(mgw_client *c, const char *delivery_id, uint64_t seq);

/*
 * Retraction (proto/README.md "Retracting a share").
 * mgw_client_retract: the sender retracts its share msg_id (reason a
 * Marac__V1__RetractReason) and waits for ShareRetracted (*answer, caller
 * frees) or the Error answering it (MGW_E_REFUSED).
 * mgw_client_retract_ack: a recipient confirms a Retract, after it deleted
 * the delivery durably (or never had it). The gateway sends the Retract
 * again on every connection until this arrives.
 */
int mgw_client_retract(mgw_client *c, const char *msg_id, int reason, int timeout_ms,
		       Marac__V1__Frame **answer);
int mgw_client_retract_ack(mgw_client *c, const char *delivery_id);

/* The last Error frame received (owned by the client), or NULL. */
const Marac__V1__Error *mgw_client_last_error(const mgw_client *c);

/* Close status and reason the gateway sent, or 0 / "" if none. */
int mgw_client_close_status(const mgw_client *c);
const char *mgw_client_close_reason(const mgw_client *c);

/* Close (status 1000) and free. NULL is fine. */
void mgw_client_free(mgw_client *c);

#endif

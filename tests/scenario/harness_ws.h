/*
 * harness_ws.h: the one raw WebSocket frame writer of the tests (RFC 6455
 * section 5.2), for what a client library would not send: frames back to
 * back in one write, fragments, empty or unmasked frames. Serves the
 * scenario harness (raw_ws_send), abuse6, abuse7 and bench_vs_mosquitto;
 * needs neither Criterion nor OpenSSL, so the bench links it as well.
 */
#ifndef MARAC_HARNESS_WS_H
#define MARAC_HARNESS_WS_H

#include <stddef.h>
#include <stdint.h>

/* Longest frame header: 2 bytes, an 8-byte length, a 4-byte mask key. */
#define WS_FRAME_HEADER_MAX 14

/* The mask key that masks nothing: the payload may be written as it is. */
extern const uint8_t ws_zero_key[4];

/*
 * The header of one frame of n payload bytes into h (room for
 * WS_FRAME_HEADER_MAX); returns its length. key: the 4-byte mask key, or
 * NULL for an unmasked frame (a server's; the gateway closes 1002 on one
 * from a client). The caller masks the payload (nothing to do for
 * ws_zero_key).
 */
size_t ws_frame_header(uint8_t *h, int opcode, int fin, uint64_t n, const uint8_t *key);

/*
 * The whole frame (header, then p masked with key) appended at out + *used,
 * which must have room for WS_FRAME_HEADER_MAX + n more bytes; *used grows.
 */
void ws_frame_put(uint8_t *out, size_t *used, int opcode, int fin, const void *p, size_t n,
		  const uint8_t *key);

#endif

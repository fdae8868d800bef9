/*
 * codec.h: bounded protobuf decoding and encoding of marac.v1 messages.
 *
 * Every byte string from a peer goes through codec_unpack(): it refuses input
 * above the caller's cap, decodes under a budgeted allocator (protobuf-c can
 * amplify adversarial input ~35x), and checks that every string field is
 * valid UTF-8 (protobuf-c 1.4 does not), and drops unknown fields (they
 * would otherwise be re-packed and forwarded past the redaction policy).
 * Messages it returns are freed with
 * codec_free(), never with protobuf_c_message_free_unpacked(NULL allocator).
 */
#ifndef MARAC_CODEC_H
#define MARAC_CODEC_H

#include <stddef.h>
#include <stdint.h>
#include <protobuf-c/protobuf-c.h>

#include "marac/v1/frame.pb-c.h"
#include "marac/v1/audit.pb-c.h"

/*
 * Decode len bytes of buf as a message of type desc.
 * max_len: inputs longer than this are refused without decoding.
 * On success *out owns a message the caller frees with codec_free().
 * Returns 0, MGW_E_TOO_LARGE, MGW_E_MALFORMED, MGW_E_NOMEM (budget
 * exceeded: reported as malformed to peers), or MGW_E_UTF8 (a string is
 * not valid UTF-8, or holds a NUL: C would read it cut short there).
 */
int codec_unpack(const ProtobufCMessageDescriptor *desc, const uint8_t *buf,
		 size_t len, size_t max_len, ProtobufCMessage **out);

/* Decode a Frame and require exactly one body. Same returns as codec_unpack. */
int codec_frame_unpack(const uint8_t *buf, size_t len, size_t max_len,
		       Marac__V1__Frame **out);

/* Free a message returned by codec_unpack()/codec_frame_unpack(). NULL is fine. */
void codec_free(ProtobufCMessage *msg);

/*
 * Allocation for messages built by hand (JSON conversion, redacted views):
 * every block of a message that will be released with codec_free() --
 * the message structs, strings, repeated-field arrays, bytes -- must come
 * from these. codec_malloc returns zeroed memory or NULL; codec_strdup(NULL)
 * returns NULL; codec_mfree(NULL) is a no-op.
 */
void *codec_malloc(size_t size);
char *codec_strdup(const char *s);
char *codec_strndup(const char *s, size_t n);
void codec_mfree(void *ptr);

/*
 * A new message of type desc with defaults (protobuf_c_message_init),
 * from codec_malloc, or NULL.
 */
ProtobufCMessage *codec_new(const ProtobufCMessageDescriptor *desc);

/*
 * Pack msg into a new heap buffer (caller frees with free()).
 * Returns 0 or MGW_E_NOMEM.
 */
int codec_pack(const ProtobufCMessage *msg, uint8_t **out, size_t *out_len);

/*
 * SHA-256 of msg's canonical packed bytes into out[32].
 * Returns 0 or MGW_E_NOMEM.
 */
int codec_digest(const ProtobufCMessage *msg, uint8_t out[32]);

/*
 * SHA-256 of data[0..len) into out (any thread): OpenSSL's SHA256() digest
 * without its per-call algorithm lookup (OpenSSL 3 fetches the
 * implementation from the provider store, under a lock, on every one-shot
 * call: a measurable share of the daemon's time at thousands of digests a
 * second). The implementation is fetched once per process.
 */
void codec_sha256(const void *data, size_t len, uint8_t out[32]);

/* 1 if every string field of msg (recursively) is valid UTF-8, else 0. */
int codec_utf8_ok(const ProtobufCMessage *msg);

/* 1 if s[0..len) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF). */
int codec_utf8_valid(const char *s, size_t len);

/*
 * Deep copy msg (through pack and unpack with the default allocator).
 * The copy is freed with codec_free(). Returns NULL on allocation failure.
 */
ProtobufCMessage *codec_clone(const ProtobufCMessage *msg);

#endif

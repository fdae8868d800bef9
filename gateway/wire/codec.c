/*
 * codec.c: bounded decoding. See codec.h for the contract.
 *
 * The budgeted allocator prefixes each block with its size so that frees
 * need no budget state: messages decoded under a budget are freed later
 * with codec_free_alloc, whose allocator_data is unused.
 */
#include "codec.h"

#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include "mgw_err.h"
#include "mgw_limits.h"

struct budget {
	size_t used;
	size_t cap;
	int exhausted;
};

#define HDR 16u /* keeps max_align_t alignment of the user block */

static void *budget_alloc(void *data, size_t size)
{
	struct budget *b = data;
	if (b != NULL) {
		if (size > b->cap || b->used > b->cap - size) {
			b->exhausted = 1;
			return NULL;
		}
		b->used += size + HDR;
	}
	unsigned char *p = malloc(size + HDR);
	if (p == NULL)
		return NULL;
	memcpy(p, &size, sizeof size);
	return p + HDR;
}

static void budget_free(void *data, void *ptr)
{
	(void)data;
	if (ptr != NULL)
		free((unsigned char *)ptr - HDR);
}

static ProtobufCAllocator codec_free_alloc = {
	.alloc = budget_alloc, .free = budget_free, .allocator_data = NULL,
};

int codec_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n;
		unsigned cp;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1; cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2; cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3; cp = c & 0x07;
		} else {
			return 0;
		}
		if (len - i <= n)
			return 0;
		for (size_t k = 1; k <= n; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += n + 1;
	}
	return 1;
}

static int msg_strings_ok(const ProtobufCMessage *msg, int wire);

/*
 * A string as decoded from the wire: valid UTF-8 and, with wire set, no
 * NUL inside. protobuf-c copies a string's bytes whole into a block of
 * length + 1 (budget_alloc, which records the size) and every reader here
 * stops at the first NUL: "Jane\0 Smith" was Jane to the scrubber's name
 * list, the view and the digest, and the rest of a narrative after a NUL
 * vanished without a word (r-redteam4). The defaults a field points to
 * when absent were not allocated and hold no NUL.
 */
static int str_ok(const ProtobufCFieldDescriptor *f, const char *s, int wire)
{
	size_t n = strlen(s);
	if (wire && s != protobuf_c_empty_string && s != (const char *)f->default_value) {
		size_t size;
		memcpy(&size, s - HDR, sizeof size);
		if (size != n + 1)
			return 0;
	}
	return codec_utf8_valid(s, n);
}

static int field_utf8_ok(const ProtobufCMessage *msg, const ProtobufCFieldDescriptor *f, int wire)
{
	const char *base = (const char *)msg;
	if (f->label == PROTOBUF_C_LABEL_REPEATED) {
		size_t n = *(const size_t *)(base + f->quantifier_offset);
		void *const *arr = *(void *const *const *)(base + f->offset);
		for (size_t i = 0; i < n; i++) {
			if (f->type == PROTOBUF_C_TYPE_STRING) {
				const char *s = arr[i];
				if (s && !str_ok(f, s, wire))
					return 0;
			} else if (f->type == PROTOBUF_C_TYPE_MESSAGE) {
				if (arr[i] && !msg_strings_ok(arr[i], wire))
					return 0;
			}
		}
		return 1;
	}
	if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
		uint32_t which = *(const uint32_t *)(base + f->quantifier_offset);
		if (which != f->id)
			return 1;
	}
	if (f->type == PROTOBUF_C_TYPE_STRING) {
		const char *s = *(const char *const *)(base + f->offset);
		return s == NULL || str_ok(f, s, wire);
	}
	if (f->type == PROTOBUF_C_TYPE_MESSAGE) {
		const ProtobufCMessage *m = *(const ProtobufCMessage *const *)(base + f->offset);
		return m == NULL || msg_strings_ok(m, wire);
	}
	return 1;
}

static int msg_strings_ok(const ProtobufCMessage *msg, int wire)
{
	const ProtobufCMessageDescriptor *d = msg->descriptor;
	for (unsigned i = 0; i < d->n_fields; i++)
		if (!field_utf8_ok(msg, &d->fields[i], wire))
			return 0;
	return 1;
}

int codec_utf8_ok(const ProtobufCMessage *msg)
{
	return msg_strings_ok(msg, 0);
}

/*
 * Drop unknown fields everywhere in msg. protobuf-c keeps them and packs
 * them again, so a field outside our schema would ride along inside a case
 * summary past the redaction policy (default deny covers only fields it
 * knows). Nothing we do not understand is stored or forwarded.
 */
static void strip_unknown(ProtobufCMessage *msg)
{
	for (unsigned i = 0; i < msg->n_unknown_fields; i++)
		budget_free(NULL, msg->unknown_fields[i].data);
	budget_free(NULL, msg->unknown_fields);
	msg->unknown_fields = NULL;
	msg->n_unknown_fields = 0;
	const ProtobufCMessageDescriptor *d = msg->descriptor;
	char *base = (char *)msg;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		if (f->type != PROTOBUF_C_TYPE_MESSAGE)
			continue;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			size_t n = *(size_t *)(base + f->quantifier_offset);
			ProtobufCMessage **arr = *(ProtobufCMessage ***)(base + f->offset);
			for (size_t k = 0; k < n; k++)
				if (arr[k])
					strip_unknown(arr[k]);
			continue;
		}
		if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
		    *(uint32_t *)(base + f->quantifier_offset) != f->id)
			continue;
		ProtobufCMessage *m = *(ProtobufCMessage **)(base + f->offset);
		if (m)
			strip_unknown(m);
	}
}

int codec_unpack(const ProtobufCMessageDescriptor *desc, const uint8_t *buf,
		 size_t len, size_t max_len, ProtobufCMessage **out)
{
	*out = NULL;
	if (len > max_len)
		return MGW_E_TOO_LARGE;
	struct budget b = {
		.used = 0,
		.cap = len * MGW_DECODE_BUDGET_FACTOR + MGW_DECODE_BUDGET_FLOOR,
		.exhausted = 0,
	};
	ProtobufCAllocator a = {
		.alloc = budget_alloc, .free = budget_free, .allocator_data = &b,
	};
	ProtobufCMessage *m = protobuf_c_message_unpack(desc, &a, len, buf);
	if (m == NULL)
		return b.exhausted ? MGW_E_NOMEM : MGW_E_MALFORMED;
	if (!msg_strings_ok(m, 1)) { /* decoded here: every string from budget_alloc */
		codec_free(m);
		return MGW_E_UTF8;
	}
	strip_unknown(m);
	*out = m;
	return MGW_OK;
}

int codec_frame_unpack(const uint8_t *buf, size_t len, size_t max_len,
		       Marac__V1__Frame **out)
{
	ProtobufCMessage *m;
	int rc = codec_unpack(&marac__v1__frame__descriptor, buf, len, max_len, &m);
	*out = NULL;
	if (rc != MGW_OK)
		return rc;
	Marac__V1__Frame *f = (Marac__V1__Frame *)m;
	if (f->body_case == MARAC__V1__FRAME__BODY__NOT_SET) {
		codec_free(m);
		return MGW_E_MALFORMED;
	}
	*out = f;
	return MGW_OK;
}

void codec_free(ProtobufCMessage *msg)
{
	if (msg != NULL)
		protobuf_c_message_free_unpacked(msg, &codec_free_alloc);
}

void *codec_malloc(size_t size)
{
	void *p = budget_alloc(NULL, size);
	if (p != NULL)
		memset(p, 0, size);
	return p;
}

char *codec_strndup(const char *s, size_t n)
{
	if (s == NULL)
		return NULL;
	char *d = budget_alloc(NULL, n + 1);
	if (d == NULL)
		return NULL;
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

char *codec_strdup(const char *s)
{
	return s == NULL ? NULL : codec_strndup(s, strlen(s));
}

void codec_mfree(void *ptr)
{
	budget_free(NULL, ptr);
}

ProtobufCMessage *codec_new(const ProtobufCMessageDescriptor *desc)
{
	ProtobufCMessage *m = codec_malloc(desc->sizeof_message);
	if (m != NULL)
		protobuf_c_message_init(desc, m);
	return m;
}

int codec_pack(const ProtobufCMessage *msg, uint8_t **out, size_t *out_len)
{
	size_t n = protobuf_c_message_get_packed_size(msg);
	uint8_t *buf = malloc(n ? n : 1);
	if (buf == NULL)
		return MGW_E_NOMEM;
	*out_len = protobuf_c_message_pack(msg, buf);
	*out = buf;
	return MGW_OK;
}

static EVP_MD *sha256_md;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;

static void sha256_fetch(void)
{
	sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);
}

void codec_sha256(const void *data, size_t len, uint8_t out[32])
{
	pthread_once(&sha256_once, sha256_fetch);
	if (sha256_md == NULL || EVP_Digest(data, len, out, NULL, sha256_md, NULL) != 1)
		SHA256(data, len, out); /* no provider object: the slow path, same digest */
}

int codec_digest(const ProtobufCMessage *msg, uint8_t out[32])
{
	uint8_t *buf;
	size_t n;
	if (codec_pack(msg, &buf, &n) != MGW_OK)
		return MGW_E_NOMEM;
	codec_sha256(buf, n, out);
	free(buf);
	return MGW_OK;
}

ProtobufCMessage *codec_clone(const ProtobufCMessage *msg)
{
	uint8_t *buf;
	size_t n;
	if (codec_pack(msg, &buf, &n) != MGW_OK)
		return NULL;
	ProtobufCMessage *c = protobuf_c_message_unpack(msg->descriptor, &codec_free_alloc, n, buf);
	free(buf);
	return c;
}

const char *mgw_strerror(int code)
{
	switch (code) {
	case MGW_OK: return "ok";
	case MGW_E_NOMEM: return "out_of_memory";
	case MGW_E_MALFORMED: return "malformed";
	case MGW_E_TOO_LARGE: return "too_large";
	case MGW_E_UTF8: return "invalid_utf8";
	case MGW_E_IO: return "io_error";
	case MGW_E_INVALID: return "invalid";
	case MGW_E_DB: return "store_error";
	case MGW_E_NOTFOUND: return "not_found";
	case MGW_E_CONFLICT: return "conflict";
	case MGW_E_TIMEOUT: return "timeout";
	case MGW_E_CLOSED: return "closed";
	case MGW_E_REFUSED: return "refused";
	}
	return "unknown";
}

/*
 * pbjson.c: the proto3 JSON mapping of pbjson.h over protobuf-c descriptors.
 *
 * Fields are read and written through the descriptors' offsets, exactly as
 * protobuf-c's own packer does; every block of a message built here comes
 * from codec_malloc()/codec_strndup() so that codec_free() releases it, and
 * a half-built message is always in a state codec_free() can release
 * (repeated counts cover only the elements written, a string slot never
 * points at protobuf-c's shared empty string once we own it).
 *
 * Untrusted text is checked in two steps: a byte scan before jansson (size,
 * number of values, nesting against what the schema allows) so that hostile
 * text costs no more than a linear pass, then a walk of the parsed value
 * against the descriptors that refuses anything the schema does not say.
 */
#include "pbjson.h"

#include <ctype.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codec.h"
#include "mgw_err.h"

/* Field names are short; a longer one cannot be in marac.v1. */
#define NAME_MAX_LEN 128
/* Longest error path kept; deeper paths are cut, the message still says what. */
#define PATH_MAX_LEN 256
/* Longest unknown key or enum name echoed back in an error message. */
#define ECHO_MAX_LEN 48

/* ---- names --------------------------------------------------------------- */

/* The proto3 json_name of a snake_case field name (protoc's ToJsonName). */
static int camel(const char *snake, char *out, size_t n)
{
	size_t k = 0;
	int up = 0;
	for (; *snake; snake++) {
		if (*snake == '_') {
			up = 1;
			continue;
		}
		if (k + 1 >= n)
			return -1;
		out[k++] = up ? (char)toupper((unsigned char)*snake) : *snake;
		up = 0;
	}
	out[k] = 0;
	return 0;
}

/*
 * Length of the "PREFIX_" all value names of d share, cut back to an
 * underscore so that ANSWER_NO / ANSWER_NOT_KNOWN give "ANSWER_", not
 * "ANSWER_NO".
 */
static size_t enum_prefix(const ProtobufCEnumDescriptor *d)
{
	if (d->n_values == 0)
		return 0;
	const char *first = d->values[0].name;
	size_t p = strlen(first);
	for (unsigned i = 1; i < d->n_values; i++) {
		size_t k = 0;
		while (k < p && d->values[i].name[k] == first[k])
			k++;
		p = k;
	}
	while (p > 0 && first[p - 1] != '_')
		p--;
	return p;
}

const char *pbjson_enum_short_name(const ProtobufCEnumDescriptor *d, int value, char *buf,
				   size_t n)
{
	const ProtobufCEnumValue *v = protobuf_c_enum_descriptor_get_value(d, value);
	if (v == NULL || n == 0)
		return NULL;
	const char *s = v->name + enum_prefix(d);
	size_t len = strlen(s);
	if (len >= n)
		return NULL;
	for (size_t k = 0; k < len; k++)
		buf[k] = (char)tolower((unsigned char)s[k]);
	buf[len] = 0;
	return buf;
}

/*
 * A decimal integer: an optional '-' then digits, nothing else (no '+',
 * spaces or hex, which strtol would take). 0 with *neg and *mag, -1 if the
 * text is not such a number, -2 if it is beyond 2^64-1.
 */
static int parse_dec(const char *t, size_t n, int *neg, uint64_t *mag)
{
	size_t i = 0;
	*neg = 0;
	*mag = 0;
	if (n > 0 && t[0] == '-') {
		*neg = 1;
		i = 1;
	}
	if (i == n)
		return -1;
	for (; i < n; i++) {
		if (t[i] < '0' || t[i] > '9')
			return -1;
		unsigned dgt = (unsigned)(t[i] - '0');
		if (*mag > (UINT64_MAX - dgt) / 10)
			return -2;
		*mag = *mag * 10 + dgt;
	}
	return 0;
}

int pbjson_enum_from_name(const ProtobufCEnumDescriptor *d, const char *name, int *value)
{
	if (name == NULL || name[0] == 0)
		return MGW_E_NOTFOUND;
	const ProtobufCEnumValue *v = protobuf_c_enum_descriptor_get_value_by_name(d, name);
	if (v != NULL) {
		*value = v->value;
		return MGW_OK;
	}
	size_t p = enum_prefix(d);
	for (unsigned i = 0; i < d->n_values; i++)
		if (d->values[i].name[p] != 0 && strcasecmp(d->values[i].name + p, name) == 0) {
			*value = d->values[i].value;
			return MGW_OK;
		}
	int neg;
	uint64_t mag;
	if (parse_dec(name, strlen(name), &neg, &mag) != 0 ||
	    mag > (neg ? (uint64_t)INT_MAX + 1 : (uint64_t)INT_MAX))
		return MGW_E_NOTFOUND;
	int x = mag == 0 ? 0 : neg ? -(int)(mag - 1) - 1 : (int)mag;
	if (protobuf_c_enum_descriptor_get_value(d, x) == NULL)
		return MGW_E_NOTFOUND;
	*value = x;
	return MGW_OK;
}

/* ---- message -> JSON ------------------------------------------------------ */

static const char b64_alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static json_t *b64_json(const uint8_t *data, size_t len)
{
	if (len > (SIZE_MAX - 1) / 4 * 3 - 3)
		return NULL;
	char *out = malloc((len + 2) / 3 * 4 + 1);
	if (out == NULL)
		return NULL;
	size_t k = 0, i = 0;
	for (; i + 2 < len; i += 3) {
		uint32_t w = (uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8 | data[i + 2];
		out[k++] = b64_alphabet[w >> 18 & 63];
		out[k++] = b64_alphabet[w >> 12 & 63];
		out[k++] = b64_alphabet[w >> 6 & 63];
		out[k++] = b64_alphabet[w & 63];
	}
	if (i < len) {
		uint32_t w = (uint32_t)data[i] << 16 | (i + 1 < len ? (uint32_t)data[i + 1] << 8 : 0);
		out[k++] = b64_alphabet[w >> 18 & 63];
		out[k++] = b64_alphabet[w >> 12 & 63];
		out[k++] = i + 1 < len ? b64_alphabet[w >> 6 & 63] : '=';
		out[k++] = '=';
	}
	json_t *j = json_stringn(out, k);
	free(out);
	return j;
}

static json_t *float_json(double x)
{
	if (isnan(x))
		return json_string("NaN");
	if (isinf(x))
		return json_string(x > 0 ? "Infinity" : "-Infinity");
	return json_real(x);
}

static json_t *value_json(const ProtobufCFieldDescriptor *f, const void *p)
{
	char buf[32];
	switch (f->type) {
	case PROTOBUF_C_TYPE_INT32:
	case PROTOBUF_C_TYPE_SINT32:
	case PROTOBUF_C_TYPE_SFIXED32:
		return json_integer(*(const int32_t *)p);
	case PROTOBUF_C_TYPE_UINT32:
	case PROTOBUF_C_TYPE_FIXED32:
		return json_integer(*(const uint32_t *)p);
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
		/* as a string: JavaScript readers lose precision above 2^53 */
		snprintf(buf, sizeof buf, "%" PRId64, *(const int64_t *)p);
		return json_string(buf);
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
		snprintf(buf, sizeof buf, "%" PRIu64, *(const uint64_t *)p);
		return json_string(buf);
	case PROTOBUF_C_TYPE_FLOAT:
		return float_json(*(const float *)p);
	case PROTOBUF_C_TYPE_DOUBLE:
		return float_json(*(const double *)p);
	case PROTOBUF_C_TYPE_BOOL:
		return json_boolean(*(const protobuf_c_boolean *)p);
	case PROTOBUF_C_TYPE_ENUM: {
		int v = *(const int *)p;
		const ProtobufCEnumValue *ev = protobuf_c_enum_descriptor_get_value(f->descriptor, v);
		return ev ? json_string(ev->name) : json_integer(v);
	}
	case PROTOBUF_C_TYPE_STRING: {
		const char *s = *(char *const *)p;
		/* json_stringn refuses invalid UTF-8: that is our NULL, not a bad dump */
		return s ? json_stringn(s, strlen(s)) : json_string("");
	}
	case PROTOBUF_C_TYPE_BYTES: {
		const ProtobufCBinaryData *b = p;
		return b64_json(b->data, b->len);
	}
	case PROTOBUF_C_TYPE_MESSAGE: {
		const ProtobufCMessage *m = *(ProtobufCMessage *const *)p;
		return m ? pbjson_to_json(m) : json_object();
	}
	}
	return NULL;
}

/* Bytes one value of f takes in the message struct or a repeated array. */
static size_t slot_size(const ProtobufCFieldDescriptor *f)
{
	switch (f->type) {
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
		return sizeof(uint64_t);
	case PROTOBUF_C_TYPE_DOUBLE:
		return sizeof(double);
	case PROTOBUF_C_TYPE_FLOAT:
		return sizeof(float);
	case PROTOBUF_C_TYPE_STRING:
		return sizeof(char *);
	case PROTOBUF_C_TYPE_MESSAGE:
		return sizeof(ProtobufCMessage *);
	case PROTOBUF_C_TYPE_BYTES:
		return sizeof(ProtobufCBinaryData);
	case PROTOBUF_C_TYPE_BOOL:
		return sizeof(protobuf_c_boolean);
	case PROTOBUF_C_TYPE_ENUM:
		return sizeof(int);
	default:
		return sizeof(uint32_t);
	}
}

/* Is the singular value at p the proto3 default (so omitted on output)? */
static int is_default(const ProtobufCFieldDescriptor *f, const void *p)
{
	switch (f->type) {
	case PROTOBUF_C_TYPE_STRING: {
		const char *s = *(char *const *)p;
		return s == NULL || s[0] == 0;
	}
	case PROTOBUF_C_TYPE_BYTES:
		return ((const ProtobufCBinaryData *)p)->len == 0;
	case PROTOBUF_C_TYPE_MESSAGE:
		return *(void *const *)p == NULL;
	case PROTOBUF_C_TYPE_FLOAT:
		return *(const float *)p == 0;
	case PROTOBUF_C_TYPE_DOUBLE:
		return *(const double *)p == 0;
	case PROTOBUF_C_TYPE_BOOL:
		return !*(const protobuf_c_boolean *)p;
	case PROTOBUF_C_TYPE_ENUM:
		return *(const int *)p == 0;
	default:
		return slot_size(f) == 8 ? *(const uint64_t *)p == 0 : *(const uint32_t *)p == 0;
	}
}

/* Is singular field f of the message at base present on output? */
static int present(const ProtobufCFieldDescriptor *f, const char *base)
{
	const void *p = base + f->offset;
	if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
		return *(const uint32_t *)(base + f->quantifier_offset) == f->id;
	/* proto2 optional scalars carry a has_ flag; strings and messages do not */
	if (f->label == PROTOBUF_C_LABEL_OPTIONAL && f->quantifier_offset &&
	    f->type != PROTOBUF_C_TYPE_MESSAGE && f->type != PROTOBUF_C_TYPE_STRING)
		return *(const protobuf_c_boolean *)(base + f->quantifier_offset) != 0;
	return !is_default(f, p);
}

json_t *pbjson_to_json(const ProtobufCMessage *msg)
{
	if (msg == NULL)
		return NULL;
	const ProtobufCMessageDescriptor *d = msg->descriptor;
	const char *base = (const char *)msg;
	json_t *o = json_object();
	json_t *v = NULL;
	if (o == NULL)
		goto fail;
	/* protobuf-c keeps d->fields sorted by number: that is our key order */
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		char name[NAME_MAX_LEN];
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			size_t n = *(const size_t *)(base + f->quantifier_offset);
			if (n == 0)
				continue;
			const char *arr = *(char *const *)(base + f->offset);
			v = json_array();
			if (v == NULL)
				goto fail;
			for (size_t k = 0; k < n; k++)
				if (json_array_append_new(v, value_json(f, arr + k * slot_size(f))) != 0)
					goto fail;
		} else {
			if (!present(f, base))
				continue;
			v = value_json(f, base + f->offset);
			if (v == NULL)
				goto fail;
		}
		if (camel(f->name, name, sizeof name) != 0)
			goto fail;
		int rc = json_object_set_new(o, name, v);
		v = NULL; /* set_new consumed it, on failure too */
		if (rc != 0)
			goto fail;
	}
	return o;
fail:
	json_decref(v);
	json_decref(o);
	return NULL;
}

char *pbjson_dump(const ProtobufCMessage *msg, int pretty)
{
	json_t *j = pbjson_to_json(msg);
	if (j == NULL)
		return NULL;
	/* PRESERVE_ORDER is the default since jansson 2.8; older ones need it */
	char *s = json_dumps(j, JSON_PRESERVE_ORDER | (pretty ? JSON_INDENT(2) : JSON_COMPACT));
	json_decref(j);
	return s;
}

/* ---- bounds checked on the text, before jansson ----------------------------- */

/*
 * Deepest JSON nesting (objects and arrays) a message of type d can
 * produce; PBJSON_MAX_DEPTH if its schema is recursive. stack holds the
 * types on the current path so that recursion is seen, not followed.
 */
static int schema_depth(const ProtobufCMessageDescriptor *d,
			const ProtobufCMessageDescriptor **stack, int n)
{
	for (int i = 0; i < n; i++)
		if (stack[i] == d)
			return PBJSON_MAX_DEPTH;
	if (n >= PBJSON_MAX_DEPTH)
		return PBJSON_MAX_DEPTH;
	stack[n] = d;
	int best = 1;
	for (unsigned i = 0; i < d->n_fields && best < PBJSON_MAX_DEPTH; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		int k = f->label == PROTOBUF_C_LABEL_REPEATED;
		if (f->type == PROTOBUF_C_TYPE_MESSAGE)
			k += schema_depth(f->descriptor, stack, n + 1);
		if (1 + k > best)
			best = 1 + k;
	}
	return best < PBJSON_MAX_DEPTH ? best : PBJSON_MAX_DEPTH;
}

/*
 * One pass over the raw text: refuse more than PBJSON_MAX_VALUES values or
 * nesting beyond max_depth before jansson allocates anything. Strings are
 * skipped (brackets inside them do not count); malformed text is left for
 * jansson to report. Returns 0, MGW_E_INVALID or MGW_E_TOO_LARGE with err.
 */
static int prescan(const char *t, size_t len, int max_depth, const char *type, char *err,
		   size_t errlen)
{
	size_t values = 1, line = 1, col = 0;
	int depth = 0, in_str = 0, esc = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c == '\n') {
			line++;
			col = 0;
		} else if ((c & 0xC0) != 0x80) {
			col++; /* columns count characters, as jansson's do */
		}
		if (in_str) {
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"')
				in_str = 0;
			continue;
		}
		switch (c) {
		case '"':
			in_str = 1;
			break;
		case '{':
		case '[':
			if (++depth > max_depth) {
				snprintf(err, errlen,
					 "line %zu column %zu: nested deeper than %s allows (%d levels)",
					 line, col, type, max_depth);
				return MGW_E_INVALID;
			}
			values++;
			break;
		case '}':
		case ']':
			depth--;
			break;
		case ',':
			values++;
			break;
		default:
			break;
		}
		if (values > PBJSON_MAX_VALUES) {
			snprintf(err, errlen, "line %zu column %zu: more than %u JSON values", line,
				 col, PBJSON_MAX_VALUES);
			return MGW_E_TOO_LARGE;
		}
	}
	return MGW_OK;
}

/* ---- JSON -> message ------------------------------------------------------- */

struct ctx {
	char *err;
	size_t errlen;
	char path[PATH_MAX_LEN]; /* "victim.phones[1]", built as we descend */
	size_t plen;
};

static int bad(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Write "path: reason" into the caller's buffer; always MGW_E_INVALID. */
static int bad(struct ctx *c, const char *fmt, ...)
{
	if (c->err == NULL || c->errlen == 0)
		return MGW_E_INVALID;
	int k = c->plen ? snprintf(c->err, c->errlen, "%s: ", c->path) : 0;
	if (k >= 0 && (size_t)k < c->errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(c->err + k, c->errlen - (size_t)k, fmt, ap);
		va_end(ap);
	}
	return MGW_E_INVALID;
}

/* Append ".key" or "[i]" to the path; returns the old length for path_pop. */
static size_t path_push(struct ctx *c, const char *key, size_t index)
{
	size_t old = c->plen;
	size_t room = sizeof c->path - old;
	int k = key ? snprintf(c->path + old, room, "%s%s", old ? "." : "", key)
		    : snprintf(c->path + old, room, "[%zu]", index);
	/* on overflow keep the cut path: the reason still follows it */
	c->plen = (k < 0 || (size_t)k >= room) ? sizeof c->path - 1 : old + (size_t)k;
	return old;
}

static void path_pop(struct ctx *c, size_t old)
{
	c->plen = old;
	c->path[old] = 0;
}

/*
 * May s be shown in an error? Only short identifier-like text: an unknown
 * key or enum name is worth echoing ("polce"), free text (a name someone put
 * in the wrong field) must not reach a terminal or a log.
 */
static int echoable(const char *s, size_t n)
{
	if (n == 0 || n > ECHO_MAX_LEN)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-')
			return 0;
	return 1;
}

/* The text of a JSON string, refusing NUL (C code downstream uses strlen). */
static int string_text(struct ctx *c, const json_t *v, const char **t, size_t *n)
{
	*t = json_string_value(v);
	*n = json_string_length(v);
	if (memchr(*t, 0, *n) != NULL)
		return bad(c, "a string may not contain NUL");
	if (!codec_utf8_valid(*t, *n))
		return bad(c, "a string is not valid UTF-8");
	return MGW_OK;
}

static const char *int_type_name(const ProtobufCFieldDescriptor *f)
{
	switch (f->type) {
	case PROTOBUF_C_TYPE_UINT32:
	case PROTOBUF_C_TYPE_FIXED32:
		return "uint32";
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
		return "int64";
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
		return "uint64";
	default:
		return "int32";
	}
}

/* An integer field's value from a JSON integer or decimal string, range checked. */
static int set_int(struct ctx *c, const ProtobufCFieldDescriptor *f, const json_t *v, void *p)
{
	int neg;
	uint64_t mag;
	if (json_is_integer(v)) {
		json_int_t x = json_integer_value(v);
		neg = x < 0;
		mag = neg ? 0 - (uint64_t)x : (uint64_t)x;
	} else if (json_is_string(v)) {
		const char *t;
		size_t n;
		int rc = string_text(c, v, &t, &n);
		if (rc != MGW_OK)
			return rc;
		rc = parse_dec(t, n, &neg, &mag);
		if (rc == -1)
			return bad(c, "expected an integer (a number or a decimal string)");
		if (rc == -2)
			return bad(c, "number out of range for %s", int_type_name(f));
	} else {
		return bad(c, "expected an integer");
	}
	if (neg && mag == 0)
		neg = 0; /* "-0" */
	uint64_t max;
	switch (f->type) {
	case PROTOBUF_C_TYPE_UINT32:
	case PROTOBUF_C_TYPE_FIXED32:
		max = UINT32_MAX;
		break;
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
		max = UINT64_MAX;
		break;
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
		max = neg ? (uint64_t)INT64_MAX + 1 : INT64_MAX;
		break;
	default:
		max = neg ? (uint64_t)INT32_MAX + 1 : INT32_MAX;
		break;
	}
	int is_unsigned = max == UINT32_MAX || max == UINT64_MAX;
	if ((neg && is_unsigned) || mag > max)
		return bad(c, "number out of range for %s", int_type_name(f));
	/* -(mag-1)-1 reaches INT64_MIN without overflowing */
	int64_t s = neg ? -(int64_t)(mag - 1) - 1 : (int64_t)mag;
	if (slot_size(f) == 8) {
		if (is_unsigned)
			*(uint64_t *)p = mag;
		else
			*(int64_t *)p = s;
	} else {
		if (is_unsigned)
			*(uint32_t *)p = (uint32_t)mag;
		else
			*(int32_t *)p = (int32_t)s;
	}
	return MGW_OK;
}

static int set_float(struct ctx *c, const ProtobufCFieldDescriptor *f, const json_t *v, void *p)
{
	double x;
	const char *t = json_is_string(v) ? json_string_value(v) : "";
	/* the proto3 names of the values JSON numbers cannot write; no NUL tricks */
	if (json_is_string(v) && strlen(t) != json_string_length(v))
		return bad(c, "a string may not contain NUL");
	if (json_is_number(v))
		x = json_number_value(v);
	else if (strcmp(t, "NaN") == 0)
		x = NAN;
	else if (strcmp(t, "Infinity") == 0)
		x = INFINITY;
	else if (strcmp(t, "-Infinity") == 0)
		x = -INFINITY;
	else
		return bad(c, "expected a number");
	if (f->type == PROTOBUF_C_TYPE_DOUBLE) {
		*(double *)p = x;
		return MGW_OK;
	}
	if (isfinite(x) && fabs(x) > FLT_MAX)
		return bad(c, "number out of range for float");
	*(float *)p = (float)x;
	return MGW_OK;
}

static int b64_digit(unsigned char ch)
{
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A';
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9')
		return ch - '0' + 52;
	if (ch == '+' || ch == '-')
		return 62;
	if (ch == '/' || ch == '_')
		return 63;
	return -1;
}

/*
 * Decode base64 (either alphabet, padding optional) into out->data from
 * codec_malloc. A decoder of our own rather than EVP_DecodeBlock, which
 * takes '=' anywhere as zero bits, strips whitespace and reports padded
 * lengths: here every malformed text is refused, so a value has one text.
 */
static int set_bytes(struct ctx *c, const json_t *v, ProtobufCBinaryData *out)
{
	if (!json_is_string(v))
		return bad(c, "expected base64 text");
	const unsigned char *t = (const unsigned char *)json_string_value(v);
	size_t n = json_string_length(v);
	size_t pad = 0;
	while (pad < 2 && n > pad && t[n - 1 - pad] == '=')
		pad++;
	size_t body = n - pad, rem = body % 4;
	if ((pad && n % 4 != 0) || rem == 1)
		return bad(c, "not valid base64");
	size_t len = body / 4 * 3 + (rem ? rem - 1 : 0);
	uint8_t *d = codec_malloc(len ? len : 1);
	if (d == NULL)
		return MGW_E_NOMEM;
	uint32_t w = 0;
	size_t k = 0;
	for (size_t i = 0; i < body; i++) {
		int x = b64_digit(t[i]);
		if (x < 0)
			goto fail;
		w = w << 6 | (uint32_t)x;
		if (i % 4 == 3) {
			d[k++] = (uint8_t)(w >> 16);
			d[k++] = (uint8_t)(w >> 8);
			d[k++] = (uint8_t)w;
			w = 0;
		}
	}
	/* a short final group: its unused low bits must be zero */
	if (rem == 2) {
		if (w & 0xF)
			goto fail;
		d[k++] = (uint8_t)(w >> 4);
	} else if (rem == 3) {
		if (w & 0x3)
			goto fail;
		d[k++] = (uint8_t)(w >> 10);
		d[k++] = (uint8_t)(w >> 2);
	}
	out->data = d;
	out->len = len;
	return MGW_OK;
fail:
	codec_mfree(d);
	return bad(c, "not valid base64");
}

static int set_enum(struct ctx *c, const ProtobufCFieldDescriptor *f, const json_t *v, int *p)
{
	const ProtobufCEnumDescriptor *ed = f->descriptor;
	if (json_is_integer(v)) {
		json_int_t x = json_integer_value(v);
		if (x < INT_MIN || x > INT_MAX ||
		    protobuf_c_enum_descriptor_get_value(ed, (int)x) == NULL)
			return bad(c, "unknown enum value %" JSON_INTEGER_FORMAT " for %s", x,
				   ed->name);
		*p = (int)x;
		return MGW_OK;
	}
	if (!json_is_string(v))
		return bad(c, "expected an enum value name or number for %s", ed->name);
	const char *t;
	size_t n;
	int rc = string_text(c, v, &t, &n);
	if (rc != MGW_OK)
		return rc;
	if (pbjson_enum_from_name(ed, t, p) == MGW_OK)
		return MGW_OK;
	if (echoable(t, n))
		return bad(c, "unknown enum value \"%s\" for %s", t, ed->name);
	return bad(c, "unknown enum value for %s", ed->name);
}

static int set_string(struct ctx *c, const json_t *v, char **p)
{
	if (!json_is_string(v))
		return bad(c, "expected a string");
	const char *t;
	size_t n;
	int rc = string_text(c, v, &t, &n);
	if (rc != MGW_OK)
		return rc;
	*p = codec_strndup(t, n);
	return *p ? MGW_OK : MGW_E_NOMEM;
}

static int from_obj(struct ctx *c, const ProtobufCMessageDescriptor *d, const json_t *j,
		    ProtobufCMessage **out, int depth);

/* Store one JSON value into the slot p of field f (p is zeroed or a default). */
static int set_value(struct ctx *c, const ProtobufCFieldDescriptor *f, const json_t *v, void *p,
		     int depth)
{
	switch (f->type) {
	case PROTOBUF_C_TYPE_FLOAT:
	case PROTOBUF_C_TYPE_DOUBLE:
		return set_float(c, f, v, p);
	case PROTOBUF_C_TYPE_BOOL:
		if (!json_is_boolean(v))
			return bad(c, "expected true or false");
		*(protobuf_c_boolean *)p = json_is_true(v);
		return MGW_OK;
	case PROTOBUF_C_TYPE_ENUM:
		return set_enum(c, f, v, p);
	case PROTOBUF_C_TYPE_STRING:
		return set_string(c, v, p);
	case PROTOBUF_C_TYPE_BYTES:
		return set_bytes(c, v, p);
	case PROTOBUF_C_TYPE_MESSAGE:
		return from_obj(c, f->descriptor, v, p, depth + 1);
	default:
		return set_int(c, f, v, p);
	}
}

/* A repeated field from a JSON list; the count always covers what was written. */
static int set_list(struct ctx *c, const ProtobufCFieldDescriptor *f, const json_t *v,
		    char *base, int depth)
{
	if (!json_is_array(v))
		return bad(c, "expected a list");
	size_t n = json_array_size(v), es = slot_size(f);
	if (n == 0)
		return MGW_OK;
	char *arr = codec_malloc(n * es);
	if (arr == NULL)
		return MGW_E_NOMEM;
	*(char **)(base + f->offset) = arr;
	size_t *count = (size_t *)(base + f->quantifier_offset);
	for (size_t k = 0; k < n; k++) {
		size_t old = path_push(c, NULL, k);
		const json_t *item = json_array_get(v, k);
		int rc = json_is_null(item) ? bad(c, "null is not allowed in a list")
					     : set_value(c, f, item, arr + k * es, depth);
		path_pop(c, old);
		if (rc != MGW_OK)
			return rc;
		*count = k + 1;
	}
	return MGW_OK;
}

/* The field key names: its snake_case name or its lowerCamelCase json name. */
static const ProtobufCFieldDescriptor *find_field(const ProtobufCMessageDescriptor *d,
						  const char *key)
{
	const ProtobufCFieldDescriptor *f = protobuf_c_message_descriptor_get_field_by_name(d, key);
	if (f != NULL)
		return f;
	for (unsigned i = 0; i < d->n_fields; i++) {
		char name[NAME_MAX_LEN];
		if (camel(d->fields[i].name, name, sizeof name) == 0 && strcmp(name, key) == 0)
			return &d->fields[i];
	}
	return NULL;
}

/* The json name of d's field number id into buf, for error messages. */
static const char *json_name_by_id(const ProtobufCMessageDescriptor *d, uint32_t id, char *buf,
				   size_t n)
{
	const ProtobufCFieldDescriptor *f = protobuf_c_message_descriptor_get_field(d, id);
	return f && camel(f->name, buf, n) == 0 ? buf : "another member";
}

/* One member "key": v of the object being read into m. */
static int set_member(struct ctx *c, ProtobufCMessage *m, unsigned char *seen, const char *key,
		      const json_t *v, int depth)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	char *base = (char *)m;
	const ProtobufCFieldDescriptor *f = find_field(d, key);
	if (f == NULL) {
		if (echoable(key, strlen(key))) {
			size_t old = path_push(c, key, 0);
			int rc = bad(c, "unknown field");
			path_pop(c, old);
			return rc;
		}
		return bad(c, "unknown field (a key that is not a field name of %s)", d->name);
	}
	size_t old = path_push(c, key, 0);
	int rc = MGW_OK;
	/* both names of one field: which would win is not the writer's call */
	if (seen[f - d->fields]) {
		rc = bad(c, "field given twice (as snake_case and lowerCamelCase)");
		goto done;
	}
	seen[f - d->fields] = 1;
	if (json_is_null(v))
		goto done;
	if (f->label == PROTOBUF_C_LABEL_REPEATED) {
		rc = set_list(c, f, v, base, depth);
		goto done;
	}
	if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
		uint32_t *which = (uint32_t *)(base + f->quantifier_offset);
		if (*which != 0) {
			char other[NAME_MAX_LEN];
			rc = bad(c, "only one member of a oneof may be set (%s is set already)",
				 json_name_by_id(d, *which, other, sizeof other));
			goto done;
		}
		*which = f->id;
	} else if (f->label == PROTOBUF_C_LABEL_OPTIONAL && f->quantifier_offset &&
		   f->type != PROTOBUF_C_TYPE_MESSAGE && f->type != PROTOBUF_C_TYPE_STRING) {
		*(protobuf_c_boolean *)(base + f->quantifier_offset) = 1;
	}
	/* the default points at protobuf-c's shared empty string: never free that */
	if (f->type == PROTOBUF_C_TYPE_STRING)
		*(char **)(base + f->offset) = NULL;
	rc = set_value(c, f, v, base + f->offset, depth);
done:
	path_pop(c, old);
	return rc;
}

static int from_obj(struct ctx *c, const ProtobufCMessageDescriptor *d, const json_t *j,
		    ProtobufCMessage **out, int depth)
{
	ProtobufCMessage *m = NULL;
	unsigned char *seen = NULL;
	int rc;
	*out = NULL;
	/* only recursive schemas get here: marac.v1 is bounded by its own shape */
	if (depth >= PBJSON_MAX_DEPTH) {
		rc = bad(c, "nested deeper than %d levels", PBJSON_MAX_DEPTH);
		goto fail;
	}
	if (!json_is_object(j)) {
		rc = bad(c, "expected an object (%s)", d->name);
		goto fail;
	}
	m = codec_new(d);
	seen = calloc(d->n_fields ? d->n_fields : 1, 1);
	if (m == NULL || seen == NULL) {
		rc = MGW_E_NOMEM;
		goto fail;
	}
	const char *key;
	json_t *v;
#if JANSSON_VERSION_HEX >= 0x020E00
	/* jansson 2.14 lets a built object hold "ab\0c" as a key: it is not "ab" */
	size_t key_len;
	json_object_keylen_foreach((json_t *)j, key, key_len, v) {
		if (strlen(key) != key_len) {
			rc = bad(c, "a key may not contain NUL");
			goto fail;
		}
#else
	json_object_foreach((json_t *)j, key, v) {
#endif
		rc = set_member(c, m, seen, key, v, depth);
		if (rc != MGW_OK)
			goto fail;
	}
	free(seen);
	*out = m;
	return MGW_OK;
fail:
	free(seen);
	codec_free(m);
	return rc;
}

int pbjson_from_json(const ProtobufCMessageDescriptor *desc, const json_t *json,
		     ProtobufCMessage **out, char *err, size_t errlen)
{
	struct ctx c = {.err = err, .errlen = errlen, .plen = 0};
	c.path[0] = 0;
	if (err && errlen)
		err[0] = 0;
	return from_obj(&c, desc, json, out, 0);
}

int pbjson_parse(const ProtobufCMessageDescriptor *desc, const char *text, size_t len,
		 ProtobufCMessage **out, char *err, size_t errlen)
{
	const ProtobufCMessageDescriptor *stack[PBJSON_MAX_DEPTH];
	json_t *j = NULL;
	int rc;
	*out = NULL;
	if (err && errlen)
		err[0] = 0;
	if (len > PBJSON_MAX_TEXT) {
		snprintf(err, errlen, "JSON text larger than %u bytes", PBJSON_MAX_TEXT);
		rc = MGW_E_TOO_LARGE;
		goto fail;
	}
	rc = prescan(text, len, schema_depth(desc, stack, 0), desc->name, err, errlen);
	if (rc != MGW_OK)
		goto fail;
	json_error_t je;
	/*
	 * ALLOW_NUL so that "\u0000" reaches the walk and is refused there with
	 * the field's path; REJECT_DUPLICATES because a repeated key would
	 * silently drop one of its values.
	 */
	j = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
	if (j == NULL) {
		/* jansson quotes the text near the error ("near 'Alexa'"): drop it */
		char *near = strstr(je.text, " near ");
		if (near != NULL)
			*near = 0;
		snprintf(err, errlen, "line %d column %d: %s", je.line, je.column, je.text);
		rc = json_error_code(&je) == json_error_out_of_memory ? MGW_E_NOMEM
								       : MGW_E_MALFORMED;
		goto fail;
	}
	rc = pbjson_from_json(desc, j, out, err, errlen);
fail:
	json_decref(j);
	return rc;
}

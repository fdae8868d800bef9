/*
 * pbjson.c: see pbjson.h. Fields are read and written through the
 * descriptors' offsets, exactly as protobuf-c's own packer does.
 */
#include "pbjson.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>

#include "codec.h"
#include "mgw_err.h"

/* ---- names --------------------------------------------------------------- */

static void camel(const char *snake, char *out, size_t n)
{
	size_t k = 0;
	int up = 0;
	for (; *snake && k + 1 < n; snake++) {
		if (*snake == '_') {
			up = 1;
			continue;
		}
		out[k++] = up ? (char)toupper((unsigned char)*snake) : *snake;
		up = 0;
	}
	out[k] = 0;
}

/* Length of the common "PREFIX_" of the enum's value names. */
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
	size_t k = 0;
	for (; s[k] && k + 1 < n; k++)
		buf[k] = (char)tolower((unsigned char)s[k]);
	buf[k] = 0;
	return buf;
}

int pbjson_enum_from_name(const ProtobufCEnumDescriptor *d, const char *name, int *value)
{
	const ProtobufCEnumValue *v = protobuf_c_enum_descriptor_get_value_by_name(d, name);
	if (v) {
		*value = v->value;
		return MGW_OK;
	}
	size_t p = enum_prefix(d);
	for (unsigned i = 0; i < d->n_values; i++)
		if (strcasecmp(d->values[i].name + p, name) == 0) {
			*value = d->values[i].value;
			return MGW_OK;
		}
	char *end;
	errno = 0;
	long l = strtol(name, &end, 10);
	if (name[0] && !*end && !errno && l >= INT_MIN && l <= INT_MAX &&
	    protobuf_c_enum_descriptor_get_value(d, (int)l)) {
		*value = (int)l;
		return MGW_OK;
	}
	return MGW_E_NOTFOUND;
}

/* ---- message -> JSON ------------------------------------------------------ */

static json_t *b64(const uint8_t *data, size_t len)
{
	char *out = malloc(4 * ((len + 2) / 3) + 1);
	if (out == NULL)
		return NULL;
	EVP_EncodeBlock((unsigned char *)out, data, (int)len);
	json_t *j = json_string(out);
	free(out);
	return j;
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
		snprintf(buf, sizeof buf, "%" PRId64, *(const int64_t *)p);
		return json_string(buf);
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
		snprintf(buf, sizeof buf, "%" PRIu64, *(const uint64_t *)p);
		return json_string(buf);
	case PROTOBUF_C_TYPE_FLOAT:
		return json_real(*(const float *)p);
	case PROTOBUF_C_TYPE_DOUBLE:
		return json_real(*(const double *)p);
	case PROTOBUF_C_TYPE_BOOL:
		return json_boolean(*(const protobuf_c_boolean *)p);
	case PROTOBUF_C_TYPE_ENUM: {
		int v = *(const int *)p;
		const ProtobufCEnumValue *ev = protobuf_c_enum_descriptor_get_value(f->descriptor, v);
		return ev ? json_string(ev->name) : json_integer(v);
	}
	case PROTOBUF_C_TYPE_STRING: {
		const char *s = *(char *const *)p;
		return json_string(s ? s : "");
	}
	case PROTOBUF_C_TYPE_BYTES: {
		const ProtobufCBinaryData *b = p;
		return b64(b->data, b->len);
	}
	case PROTOBUF_C_TYPE_MESSAGE: {
		const ProtobufCMessage *m = *(ProtobufCMessage *const *)p;
		return m ? pbjson_to_json(m) : json_object();
	}
	}
	return NULL;
}

static size_t elem_size(const ProtobufCFieldDescriptor *f)
{
	switch (f->type) {
	case PROTOBUF_C_TYPE_INT64: case PROTOBUF_C_TYPE_SINT64: case PROTOBUF_C_TYPE_SFIXED64:
	case PROTOBUF_C_TYPE_UINT64: case PROTOBUF_C_TYPE_FIXED64: case PROTOBUF_C_TYPE_DOUBLE:
		return 8;
	case PROTOBUF_C_TYPE_STRING: case PROTOBUF_C_TYPE_MESSAGE:
		return sizeof(void *);
	case PROTOBUF_C_TYPE_BYTES:
		return sizeof(ProtobufCBinaryData);
	case PROTOBUF_C_TYPE_BOOL:
		return sizeof(protobuf_c_boolean);
	default:
		return 4;
	}
}

/* Is the singular value at p the proto3 default? */
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
	default: {
		size_t n = elem_size(f);
		return n == 8 ? *(const uint64_t *)p == 0 : *(const uint32_t *)p == 0;
	}
	}
}

json_t *pbjson_to_json(const ProtobufCMessage *msg)
{
	const ProtobufCMessageDescriptor *d = msg->descriptor;
	json_t *o = json_object();
	if (o == NULL)
		return NULL;
	const char *base = (const char *)msg;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		char name[128];
		camel(f->name, name, sizeof name);
		json_t *v = NULL;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			size_t n = *(const size_t *)(base + f->quantifier_offset);
			if (n == 0)
				continue;
			const char *arr = *(char *const *)(base + f->offset);
			v = json_array();
			for (size_t k = 0; v && k < n; k++)
				if (json_array_append_new(v, value_json(f, arr + k * elem_size(f))) != 0) {
					json_decref(v);
					v = NULL;
				}
		} else {
			const void *p = base + f->offset;
			if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
				if (*(const uint32_t *)(base + f->quantifier_offset) != f->id)
					continue;
			} else if (f->label == PROTOBUF_C_LABEL_OPTIONAL && f->quantifier_offset &&
				   f->type != PROTOBUF_C_TYPE_MESSAGE &&
				   f->type != PROTOBUF_C_TYPE_STRING) {
				if (!*(const protobuf_c_boolean *)(base + f->quantifier_offset))
					continue;
			} else if (is_default(f, p)) {
				continue;
			}
			v = value_json(f, p);
		}
		if (v == NULL || json_object_set_new(o, name, v) != 0) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

char *pbjson_dump(const ProtobufCMessage *msg, int pretty)
{
	json_t *j = pbjson_to_json(msg);
	if (j == NULL)
		return NULL;
	char *s = json_dumps(j, JSON_PRESERVE_ORDER | (pretty ? JSON_INDENT(2) : JSON_COMPACT));
	json_decref(j);
	return s;
}

/* ---- JSON -> message ------------------------------------------------------- */

struct perr {
	char *buf;
	size_t len;
};

static int bad(struct perr *e, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(struct perr *e, const char *path, const char *fmt, ...)
{
	int k = snprintf(e->buf, e->len, "%s: ", path[0] ? path : "(top)");
	if (k >= 0 && (size_t)k < e->len) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->buf + k, e->len - (size_t)k, fmt, ap);
		va_end(ap);
	}
	return MGW_E_INVALID;
}

static int from_obj(const ProtobufCMessageDescriptor *d, const json_t *j, ProtobufCMessage **out,
		    const char *path, struct perr *e, int depth);

static int get_int(const json_t *v, int is64, int is_unsigned, int64_t *s, uint64_t *u)
{
	if (json_is_integer(v)) {
		json_int_t x = json_integer_value(v);
		if (is_unsigned && x < 0)
			return -1;
		*s = x;
		*u = (uint64_t)x;
		return 0;
	}
	if (is64 && json_is_string(v)) {
		const char *t = json_string_value(v);
		char *end;
		errno = 0;
		if (t[0] == 0 || isspace((unsigned char)t[0]))
			return -1;
		if (is_unsigned) {
			if (t[0] == '-')
				return -1;
			*u = strtoull(t, &end, 10);
			*s = (int64_t)*u;
		} else {
			*s = strtoll(t, &end, 10);
			*u = (uint64_t)*s;
		}
		return (*end || errno) ? -1 : 0;
	}
	return -1;
}

static int b64_decode(const char *in, size_t n, ProtobufCBinaryData *out)
{
	char *t = malloc(n + 4);
	if (t == NULL)
		return MGW_E_NOMEM;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		t[k++] = in[i] == '-' ? '+' : in[i] == '_' ? '/' : in[i];
	while (k % 4)
		t[k++] = '=';
	size_t pad = 0;
	while (pad < 2 && k > pad && t[k - 1 - pad] == '=')
		pad++;
	uint8_t *d = codec_malloc(k / 4 * 3 + 1);
	int r = d ? EVP_DecodeBlock(d, (unsigned char *)t, (int)k) : -1;
	free(t);
	if (r < 0) {
		codec_mfree(d);
		return d ? MGW_E_INVALID : MGW_E_NOMEM;
	}
	out->data = d;
	out->len = (size_t)r - pad;
	return MGW_OK;
}

/* Store one JSON value into the slot p of field f. */
static int set_value(const ProtobufCFieldDescriptor *f, const json_t *v, void *p,
		     const char *path, struct perr *e, int depth)
{
	int64_t s = 0;
	uint64_t u = 0;
	switch (f->type) {
	case PROTOBUF_C_TYPE_INT32: case PROTOBUF_C_TYPE_SINT32: case PROTOBUF_C_TYPE_SFIXED32:
		if (get_int(v, 0, 0, &s, &u) || s < INT32_MIN || s > INT32_MAX)
			return bad(e, path, "expected a 32-bit integer");
		*(int32_t *)p = (int32_t)s;
		return MGW_OK;
	case PROTOBUF_C_TYPE_UINT32: case PROTOBUF_C_TYPE_FIXED32:
		if (get_int(v, 0, 1, &s, &u) || u > UINT32_MAX)
			return bad(e, path, "expected an unsigned 32-bit integer");
		*(uint32_t *)p = (uint32_t)u;
		return MGW_OK;
	case PROTOBUF_C_TYPE_INT64: case PROTOBUF_C_TYPE_SINT64: case PROTOBUF_C_TYPE_SFIXED64:
		if (get_int(v, 1, 0, &s, &u))
			return bad(e, path, "expected a 64-bit integer (number or decimal string)");
		*(int64_t *)p = s;
		return MGW_OK;
	case PROTOBUF_C_TYPE_UINT64: case PROTOBUF_C_TYPE_FIXED64:
		if (get_int(v, 1, 1, &s, &u))
			return bad(e, path, "expected an unsigned 64-bit integer");
		*(uint64_t *)p = u;
		return MGW_OK;
	case PROTOBUF_C_TYPE_FLOAT: case PROTOBUF_C_TYPE_DOUBLE:
		if (!json_is_number(v))
			return bad(e, path, "expected a number");
		if (f->type == PROTOBUF_C_TYPE_FLOAT)
			*(float *)p = (float)json_number_value(v);
		else
			*(double *)p = json_number_value(v);
		return MGW_OK;
	case PROTOBUF_C_TYPE_BOOL:
		if (!json_is_boolean(v))
			return bad(e, path, "expected true or false");
		*(protobuf_c_boolean *)p = json_is_true(v);
		return MGW_OK;
	case PROTOBUF_C_TYPE_ENUM: {
		const ProtobufCEnumDescriptor *ed = f->descriptor;
		int val;
		if (json_is_integer(v)) {
			json_int_t x = json_integer_value(v);
			if (x < INT_MIN || x > INT_MAX ||
			    !protobuf_c_enum_descriptor_get_value(ed, (int)x))
				return bad(e, path, "unknown value %" JSON_INTEGER_FORMAT " for %s", x,
					   ed->name);
			val = (int)x;
		} else if (json_is_string(v)) {
			if (pbjson_enum_from_name(ed, json_string_value(v), &val) != MGW_OK)
				return bad(e, path, "unknown enum value \"%.64s\" for %s",
					   json_string_value(v), ed->name);
		} else {
			return bad(e, path, "expected an enum name");
		}
		*(int *)p = val;
		return MGW_OK;
	}
	case PROTOBUF_C_TYPE_STRING: {
		if (!json_is_string(v))
			return bad(e, path, "expected a string");
		size_t n = json_string_length(v);
		const char *t = json_string_value(v);
		if (memchr(t, 0, n) != NULL)
			return bad(e, path, "a string may not contain NUL");
		char *c = codec_strndup(t, n);
		if (c == NULL)
			return MGW_E_NOMEM;
		*(char **)p = c;
		return MGW_OK;
	}
	case PROTOBUF_C_TYPE_BYTES: {
		if (!json_is_string(v))
			return bad(e, path, "expected base64 text");
		int rc = b64_decode(json_string_value(v), json_string_length(v), p);
		return rc == MGW_E_INVALID ? bad(e, path, "not valid base64") : rc;
	}
	case PROTOBUF_C_TYPE_MESSAGE:
		return from_obj(f->descriptor, v, (ProtobufCMessage **)p, path, e, depth + 1);
	}
	return bad(e, path, "unsupported field type");
}

static const ProtobufCFieldDescriptor *find_field(const ProtobufCMessageDescriptor *d,
						  const char *key)
{
	const ProtobufCFieldDescriptor *f = protobuf_c_message_descriptor_get_field_by_name(d, key);
	if (f)
		return f;
	for (unsigned i = 0; i < d->n_fields; i++) {
		char c[128];
		camel(d->fields[i].name, c, sizeof c);
		if (strcmp(c, key) == 0)
			return &d->fields[i];
	}
	return NULL;
}

static int from_obj(const ProtobufCMessageDescriptor *d, const json_t *j, ProtobufCMessage **out,
		    const char *path, struct perr *e, int depth)
{
	*out = NULL;
	if (depth > 32)
		return bad(e, path, "nested too deeply");
	if (!json_is_object(j))
		return bad(e, path, "expected an object (%s)", d->name);
	ProtobufCMessage *m = codec_new(d);
	if (m == NULL)
		return MGW_E_NOMEM;
	char *base = (char *)m;
	const char *key;
	json_t *v;
	int rc = MGW_OK;
	json_object_foreach((json_t *)j, key, v) {
		char sub[512];
		snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "", key);
		const ProtobufCFieldDescriptor *f = find_field(d, key);
		if (f == NULL) {
			rc = bad(e, sub, "unknown field");
			goto fail;
		}
		if (json_is_null(v))
			continue;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			if (!json_is_array(v)) {
				rc = bad(e, sub, "expected a list");
				goto fail;
			}
			size_t n = json_array_size(v), es = elem_size(f);
			if (*(size_t *)(base + f->quantifier_offset) != 0) {
				rc = bad(e, sub, "given twice");
				goto fail;
			}
			if (n == 0)
				continue;
			char *arr = codec_malloc(n * es);
			if (arr == NULL) {
				rc = MGW_E_NOMEM;
				goto fail;
			}
			*(char **)(base + f->offset) = arr;
			for (size_t k = 0; k < n; k++) {
				char el[560];
				snprintf(el, sizeof el, "%s[%zu]", sub, k);
				json_t *item = json_array_get(v, k);
				if (json_is_null(item)) {
					rc = bad(e, el, "null in a list");
					goto fail;
				}
				rc = set_value(f, item, arr + k * es, el, e, depth);
				/* count what was written so that codec_free releases it */
				*(size_t *)(base + f->quantifier_offset) = k + (rc == MGW_OK);
				if (rc != MGW_OK)
					goto fail;
			}
			continue;
		}
		if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
			uint32_t *which = (uint32_t *)(base + f->quantifier_offset);
			if (*which != 0) {
				rc = bad(e, sub, "only one member of this oneof may be set");
				goto fail;
			}
			*which = f->id;
		} else if (f->label == PROTOBUF_C_LABEL_OPTIONAL && f->quantifier_offset &&
			   f->type != PROTOBUF_C_TYPE_MESSAGE && f->type != PROTOBUF_C_TYPE_STRING) {
			*(protobuf_c_boolean *)(base + f->quantifier_offset) = 1;
		}
		/* a string default points at a shared empty string: never free it */
		if (f->type == PROTOBUF_C_TYPE_STRING)
			*(char **)(base + f->offset) = NULL;
		rc = set_value(f, v, base + f->offset, sub, e, depth);
		if (rc != MGW_OK)
			goto fail;
	}
	*out = m;
	return MGW_OK;
fail:
	codec_free(m);
	return rc;
}

int pbjson_from_json(const ProtobufCMessageDescriptor *desc, const json_t *json,
		     ProtobufCMessage **out, char *err, size_t errlen)
{
	struct perr e = {err, errlen};
	int rc = from_obj(desc, json, out, "", &e, 0);
	if (rc == MGW_OK && !codec_utf8_ok(*out)) {
		codec_free(*out);
		*out = NULL;
		snprintf(err, errlen, "a string is not valid UTF-8");
		return MGW_E_INVALID;
	}
	return rc;
}

int pbjson_parse(const ProtobufCMessageDescriptor *desc, const char *text, size_t len,
		 ProtobufCMessage **out, char *err, size_t errlen)
{
	*out = NULL;
	if (len > PBJSON_MAX_TEXT) {
		snprintf(err, errlen, "JSON text larger than %u bytes", PBJSON_MAX_TEXT);
		return MGW_E_TOO_LARGE;
	}
	json_error_t je;
	json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (j == NULL) {
		snprintf(err, errlen, "line %d column %d: %s", je.line, je.column, je.text);
		return MGW_E_MALFORMED;
	}
	int rc = pbjson_from_json(desc, j, out, err, errlen);
	json_decref(j);
	return rc;
}

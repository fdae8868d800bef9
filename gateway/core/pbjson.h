/*
 * pbjson.h: the proto3 JSON mapping for any protobuf-c message, driven by
 * its descriptors (no per-message code), with jansson.
 *
 * Output: lowerCamelCase names, fields at their default omitted, enums by
 * full value name, 64-bit integers as strings, bytes as base64.
 * Input: lowerCamelCase or the original snake_case names; enums by full
 * name, by short lower-case alias ("police" for AGENCY_POLICE: the value name
 * without the enum's common prefix) or by number; 64-bit integers as
 * number or string; null = default. Unknown fields, wrong types, numbers out
 * of range, a NUL inside a string and two members of one oneof are errors
 * that name the field path ("victim.phones[1]: expected a string").
 *
 * Messages returned are freed with codec_free().
 */
#ifndef MARAC_PBJSON_H
#define MARAC_PBJSON_H

#include <stddef.h>
#include <jansson.h>
#include <protobuf-c/protobuf-c.h>

/* Largest JSON text accepted (bytes). */
#define PBJSON_MAX_TEXT (16u << 20)

/*
 * Parse JSON text into a new message of type desc (*out, codec_free).
 * Returns 0; MGW_E_MALFORMED (not JSON: err "line L column C: ...");
 * MGW_E_INVALID (err names the field path); MGW_E_TOO_LARGE; MGW_E_NOMEM.
 */
int pbjson_parse(const ProtobufCMessageDescriptor *desc, const char *text, size_t len,
		 ProtobufCMessage **out, char *err, size_t errlen);

/* The same from an already parsed JSON value. Same returns but MALFORMED. */
int pbjson_from_json(const ProtobufCMessageDescriptor *desc, const json_t *json,
		     ProtobufCMessage **out, char *err, size_t errlen);

/* A new JSON object (caller json_decref()s), or NULL on allocation failure. */
json_t *pbjson_to_json(const ProtobufCMessage *msg);

/* JSON text (caller free()s): indented by 2 if pretty, else compact; NULL on failure. */
char *pbjson_dump(const ProtobufCMessage *msg, int pretty);

/* Enum value by full name, short alias or decimal number. 0 or MGW_E_NOTFOUND. */
int pbjson_enum_from_name(const ProtobufCEnumDescriptor *d, const char *name, int *value);

/* Short lower-case alias of value into buf ("police"); NULL if value is unknown. */
const char *pbjson_enum_short_name(const ProtobufCEnumDescriptor *d, int value, char *buf,
				   size_t n);

#endif

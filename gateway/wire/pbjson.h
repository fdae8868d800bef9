/*
 * pbjson.h: the proto3 JSON mapping for any protobuf-c message, driven by
 * its descriptors (no per-message code), with jansson.
 *
 * Output (pbjson_to_json, pbjson_dump):
 *   - keys are lowerCamelCase json names ("fullName"), in field-number order;
 *   - fields at their proto3 default (0, "", false, empty list, absent
 *     message) are omitted; a set oneof member is always written, and a
 *     present sub-message with no fields set is written as {};
 *   - enums by full value name ("AGENCY_POLICE"); a number outside the enum
 *     (only possible in a message decoded from the wire) as that number;
 *   - 64-bit integers as decimal strings, 32-bit ones as numbers;
 *   - bytes as standard base64 with padding;
 *   - float/double as numbers, or "NaN", "Infinity", "-Infinity".
 *
 * Input (pbjson_parse, pbjson_from_json), strict because files come from
 * outside:
 *   - the top level is an object; a key is the lowerCamelCase json name or
 *     the original snake_case name; the same field under both is an error;
 *     a key that is neither is an error ("summary.frobnicate: unknown field");
 *   - null means the field's default (an unset oneof member); null inside a
 *     list is an error;
 *   - enums by full name, by short alias (pbjson_enum_from_name) or by
 *     number, which must be a value the enum declares;
 *   - integers as JSON integers or decimal strings ("-12"; no '+', spaces,
 *     fractions or exponents); values out of the field type's range are
 *     errors. A JSON integer literal beyond int64 is a syntax error in
 *     jansson, so uint64 above 2^63-1 must be given as a string;
 *   - bytes as base64, standard or URL-safe alphabet, padding optional,
 *     unused trailing bits zero, no whitespace;
 *   - strings: valid UTF-8 with no NUL;
 *   - at most one member of a oneof;
 *   - text above PBJSON_MAX_TEXT or holding more than PBJSON_MAX_VALUES
 *     values is refused before it is parsed, and so is nesting deeper than
 *     the message type's schema can produce (PBJSON_MAX_DEPTH for recursive
 *     schemas).
 * Error messages name the field path ("victim.phones[1]: expected a string")
 * and never echo values, except an unknown enum name or unknown key that
 * looks like an identifier (so "polce" is shown, free text never is); the
 * CLI prints them and personal data must not reach a terminal log.
 *
 * Not supported (absent from marac.v1): map fields (they read and write as
 * lists of {key, value}), the google.protobuf well-known types' special
 * forms, and proto2 required-field checks.
 *
 * Messages returned are owned by the caller and freed with codec_free().
 * Thread-safe: no global state.
 */
#ifndef MARAC_PBJSON_H
#define MARAC_PBJSON_H

#include <stddef.h>
#include <jansson.h>
#include <protobuf-c/protobuf-c.h>

/*
 * Largest JSON text accepted, in bytes. A case summary is a few KiB to tens
 * of KiB; 16 MiB matches the largest frame a gateway may be configured for.
 */
#define PBJSON_MAX_TEXT (16u << 20)

/*
 * Most JSON values (roughly: commas plus containers) in one text. jansson
 * spends ~50-100 bytes of heap per value, so 16 MiB of "[0,0,0,..." would
 * cost ~800 MiB; this cap keeps one parse under ~100 MiB while being far
 * above any real case summary or agenda (thousands of values).
 */
#define PBJSON_MAX_VALUES (1u << 20)

/*
 * Nesting limit for message types whose schema is recursive (marac.v1 is
 * not: there the limit is what the schema itself allows, 7 for a Frame).
 */
#define PBJSON_MAX_DEPTH 32

/*
 * Parse len bytes of JSON text into a new message of type desc.
 * text need not be NUL-terminated. err (may be NULL if errlen is 0)
 * receives a NUL-terminated reason on failure, truncated to errlen.
 * On success returns 0 and *out owns the message (codec_free()).
 * On failure *out is NULL and the return is:
 *   MGW_E_MALFORMED  not JSON; err is "line L column C: reason";
 *   MGW_E_INVALID    JSON that does not fit desc, or nested deeper than desc
 *                    allows; err names the field path
 *                    ("share.to[0]: unknown enum value \"polce\" for marac.v1.Agency");
 *   MGW_E_TOO_LARGE  len > PBJSON_MAX_TEXT or more than PBJSON_MAX_VALUES values;
 *   MGW_E_NOMEM      allocation failed.
 */
int pbjson_parse(const ProtobufCMessageDescriptor *desc, const char *text, size_t len,
		 ProtobufCMessage **out, char *err, size_t errlen);

/*
 * The same from a JSON value the caller built or parsed (it is only read;
 * the caller keeps its reference). Strings are checked for NUL and UTF-8
 * here, since json_stringn() and the *_nocheck constructors allow both.
 * Returns 0, MGW_E_INVALID (err names the path; json nested deeper than
 * PBJSON_MAX_DEPTH is also refused so) or MGW_E_NOMEM; *out as for
 * pbjson_parse.
 */
int pbjson_from_json(const ProtobufCMessageDescriptor *desc, const json_t *json,
		     ProtobufCMessage **out, char *err, size_t errlen);

/*
 * A new JSON object for msg (a new reference: the caller json_decref()s),
 * or NULL if allocation fails or a string field is not valid UTF-8 (only
 * possible in a message built by hand without checking). msg is only read.
 */
json_t *pbjson_to_json(const ProtobufCMessage *msg);

/*
 * msg as JSON text, NUL-terminated, from malloc (the caller free()s):
 * indented by 2 if pretty, else compact; keys in field-number order.
 * NULL on the same failures as pbjson_to_json.
 */
char *pbjson_dump(const ProtobufCMessage *msg, int pretty);

/*
 * The value of enum d named name: the full value name ("AGENCY_POLICE",
 * exact case), the short alias (the value name without the prefix common to
 * all of d's value names, matched without regard to case: "police",
 * "Police"), or a decimal number that d declares ("1").
 * Returns 0 and sets *value, or MGW_E_NOTFOUND (*value untouched).
 */
int pbjson_enum_from_name(const ProtobufCEnumDescriptor *d, const char *name, int *value);

/*
 * The short lower-case alias of value in d ("police" for AGENCY_POLICE)
 * written NUL-terminated into buf[n]. Returns buf, or NULL if d declares no
 * such value or the alias does not fit in n bytes.
 */
const char *pbjson_enum_short_name(const ProtobufCEnumDescriptor *d, int value, char *buf,
				   size_t n);

#endif

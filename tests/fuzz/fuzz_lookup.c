/*
 * fuzz_lookup: a control room's LookupRequest fields (lookup.h) are typed
 * by people and sent by peers: lookup_keys must never crash, leak or read
 * out of bounds whatever the bytes, and on success give only exact victim
 * keys and the same digest each time. Input: phone, NHS number, name and
 * date of birth separated by NUL bytes (missing parts are NULL).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lookup.h"
#include "match.h"
#include "mgw_err.h"

static const uint8_t key[MATCH_KEY_MIN] = "fuzz-synthetic-hmac-key-32-bytes";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *buf = malloc(size + 1);
	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	const char *part[4] = {NULL, NULL, NULL, NULL};
	size_t np = 0, at = 0;
	while (np < 4 && at <= size) {
		part[np++] = buf + at;
		at += strlen(buf + at) + 1;
	}
	struct match_keys k, k2;
	uint8_t d1[32], d2[32];
	int rc = lookup_keys(part[0], part[1], part[2], part[3], key, sizeof key, &k, d1);
	if (rc != MGW_OK && rc != MGW_E_INVALID && rc != MGW_E_NOMEM && rc != MGW_E_TOO_LARGE)
		abort();
	if (rc != MGW_OK && (k.n != 0 || k.keys != NULL))
		abort(); /* a failure leaves nothing behind */
	if (rc == MGW_OK) {
		if (k.n == 0 || k.n != k.n_victim)
			abort();
		for (size_t i = 0; i < k.n; i++)
			if (k.keys[i].party != MATCH_VICTIM ||
			    k.keys[i].kind == MATCH_KIND_FUZZY_NAME_DOB)
				abort(); /* exact victim keys only */
		if (lookup_keys(part[0], part[1], part[2], part[3], key, sizeof key, &k2, d2) !=
			    MGW_OK ||
		    memcmp(d1, d2, 32) != 0)
			abort(); /* deterministic */
		match_keys_free(&k2);
	}
	match_keys_free(&k);
	free(buf);
	return 0;
}

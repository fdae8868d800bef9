/*
 * fuzz_referral: a Referral from a peer goes through the bounded decoder,
 * referral validation and blind-index key computation. None of them may
 * crash, leak or read out of bounds whatever the bytes; validation must
 * name a field whenever it refuses, and keys must respect their caps.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "dash.h"
#include "match.h"
#include "mgw_err.h"

static const uint8_t key[MATCH_KEY_MIN] = "fuzz-synthetic-hmac-key-32-bytes";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ProtobufCMessage *m = NULL;
	if (codec_unpack(&marac__v1__referral__descriptor, data, size, 1u << 20, &m) != MGW_OK)
		return 0;
	const Marac__V1__Referral *r = (const Marac__V1__Referral *)m;

	struct dash_config cfg;
	struct referral_check chk;
	char field[64], msg[256];
	dash_config_defaults(&cfg);
	int rc = referral_validate(&cfg, r, &chk, field, sizeof field, msg, sizeof msg);
	if (rc != MGW_OK && (rc != MGW_E_INVALID || field[0] == '\0' || msg[0] == '\0'))
		abort(); /* a refusal always names its field */
	if (rc == MGW_OK && (chk.level < chk.band_level || chk.score > chk.questions))
		abort(); /* judgement never lowers; a score never exceeds the form */

	struct match_keys k;
	rc = match_keys(r->victim, (const Marac__V1__Person *const *)r->perpetrators,
			r->n_perpetrators, key, sizeof key, &k);
	if (rc == MGW_OK) {
		if (k.n > MATCH_MAX_KEYS || k.n != k.n_victim + k.n_perp)
			abort();
		match_keys_free(&k);
	} else if (rc != MGW_E_INVALID && rc != MGW_E_TOO_LARGE) {
		abort();
	}
	codec_free(m);
	return 0;
}

/*
 * fuzz_frame: every byte string a peer can send goes through
 * codec_frame_unpack. It must never crash, never exceed its allocation
 * budget, and whatever it accepts must re-pack and decode to the same bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "mgw_err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Marac__V1__Frame *f = NULL;
	int rc = codec_frame_unpack(data, size, 1u << 20, &f);
	if (rc != MGW_OK)
		return 0;
	uint8_t *a, *b;
	size_t na, nb;
	if (codec_pack(&f->base, &a, &na) != MGW_OK)
		abort();
	Marac__V1__Frame *g = NULL;
	if (codec_frame_unpack(a, na, 1u << 20, &g) != MGW_OK)
		abort(); /* what we accept, we can re-read */
	if (codec_pack(&g->base, &b, &nb) != MGW_OK || na != nb || memcmp(a, b, na) != 0)
		abort(); /* canonical after one round */
	free(a);
	free(b);
	codec_free(&g->base);
	codec_free(&f->base);
	return 0;
}

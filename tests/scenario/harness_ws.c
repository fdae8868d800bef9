/* harness_ws.c: see harness_ws.h. */
#include "harness_ws.h"

#include <string.h>

const uint8_t ws_zero_key[4] = {0, 0, 0, 0};

size_t ws_frame_header(uint8_t *h, int opcode, int fin, uint64_t n, const uint8_t *key)
{
	size_t hn = 0;
	uint8_t m = key ? 0x80 : 0;
	h[hn++] = (uint8_t)((fin ? 0x80 : 0) | (opcode & 0x0f));
	if (n < 126) {
		h[hn++] = (uint8_t)(m | n);
	} else if (n < 65536) {
		h[hn++] = m | 126;
		h[hn++] = (uint8_t)(n >> 8);
		h[hn++] = (uint8_t)n;
	} else {
		h[hn++] = m | 127;
		for (int b = 7; b >= 0; b--)
			h[hn++] = (uint8_t)(n >> (8 * b));
	}
	if (key) {
		memcpy(h + hn, key, 4);
		hn += 4;
	}
	return hn;
}

void ws_frame_put(uint8_t *out, size_t *used, int opcode, int fin, const void *p, size_t n,
		  const uint8_t *key)
{
	uint8_t *h = out + *used;
	size_t hn = ws_frame_header(h, opcode, fin, n, key);
	const uint8_t *in = p;
	for (size_t i = 0; i < n; i++)
		h[hn + i] = in[i] ^ (key ? key[i % 4] : 0);
	*used += hn + n;
}

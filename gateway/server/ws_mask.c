/*
 * ws_mask.c: refuse unmasked client frames (RFC 6455 section 5.1: "a server
 * MUST close the connection upon receiving a frame that is not masked").
 *
 * libwebsockets 4.1 unmasks when the bit is set and accepts the frame when
 * it is not, and exposes no way to ask. So the daemon follows the frame
 * headers itself, on the plaintext stream lws reads: SSL_read is wrapped
 * (symbol interposition; the real one is found with dlsym(RTLD_NEXT)), and
 * for server-side connections a small state machine skips the HTTP upgrade
 * request, then reads each frame header (2-14 bytes) and skips its payload.
 * O(1) per byte read, a few bytes of state per connection (SSL ex_data, freed
 * with the SSL). The session checks tls_frame_unmasked() before using any
 * received data and closes with 1002.
 *
 * Service thread only (the daemon's only SSL_read caller).
 */
#include <dlfcn.h>
#include <openssl/ssl.h>
#include <stdlib.h>
#include <string.h>

#include "gw.h"

struct wsmask {
	int in_frames;              /* past the HTTP request (\r\n\r\n seen) */
	unsigned crlf;              /* matched bytes of \r\n\r\n */
	uint8_t hdr[14];
	unsigned hdr_len, hdr_need; /* header bytes read / needed (0: starting) */
	uint64_t skip;              /* payload bytes left in the current frame */
	int unmasked;
};

static int ex_index = -1;

static void wsmask_free(void *parent, void *ptr, CRYPTO_EX_DATA *ad, int idx, long argl,
			void *argp)
{
	free(ptr);
}

static void track(struct wsmask *m, const uint8_t *p, size_t n)
{
	static const char end[] = "\r\n\r\n";
	for (size_t i = 0; i < n && !m->unmasked; i++) {
		uint8_t c = p[i];
		if (!m->in_frames) {
			m->crlf = c == (uint8_t)end[m->crlf] ? m->crlf + 1 : (c == '\r' ? 1 : 0);
			if (m->crlf == 4)
				m->in_frames = 1;
			continue;
		}
		if (m->skip) {
			size_t take = n - i < m->skip ? n - i : (size_t)m->skip;
			m->skip -= take;
			i += take - 1;
			continue;
		}
		m->hdr[m->hdr_len++] = c;
		if (m->hdr_len == 2) {
			if (!(c & 0x80)) {
				m->unmasked = 1;
				return;
			}
			unsigned l7 = c & 0x7f;
			m->hdr_need = 2 + (l7 == 126 ? 2 : l7 == 127 ? 8 : 0) + 4;
		}
		if (m->hdr_len >= 2 && m->hdr_len == m->hdr_need) {
			unsigned l7 = m->hdr[1] & 0x7f;
			uint64_t len = l7;
			if (l7 == 126)
				len = (uint64_t)m->hdr[2] << 8 | m->hdr[3];
			else if (l7 == 127)
				for (int k = 0; k < 8; k++)
					len = len << 8 | m->hdr[2 + k];
			m->skip = len;
			m->hdr_len = 0;
			m->hdr_need = 0;
		}
	}
}

int SSL_read(SSL *ssl, void *buf, int num)
{
	static int (*real)(SSL *, void *, int);
	if (real == NULL) {
		*(void **)&real = dlsym(RTLD_NEXT, "SSL_read");
		if (real == NULL)
			return -1;
	}
	int n = real(ssl, buf, num);
	if (n <= 0 || !SSL_is_server(ssl))
		return n;
	if (ex_index < 0)
		ex_index = SSL_get_ex_new_index(0, NULL, NULL, NULL, wsmask_free);
	struct wsmask *m = SSL_get_ex_data(ssl, ex_index);
	if (m == NULL) {
		m = calloc(1, sizeof *m);
		if (m == NULL || SSL_set_ex_data(ssl, ex_index, m) != 1) {
			free(m);
			return n;
		}
	}
	track(m, buf, (size_t)n);
	return n;
}

int tls_frame_unmasked(struct lws *wsi)
{
	SSL *ssl = lws_get_ssl(wsi);
	if (ssl == NULL || ex_index < 0)
		return 0;
	struct wsmask *m = SSL_get_ex_data(ssl, ex_index);
	return m && m->unmasked;
}

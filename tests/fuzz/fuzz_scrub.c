/*
 * fuzz_scrub: free text from a peer goes through scrub_text. Input layout:
 * byte 0 picks third-party names from a fixed pool (bits 0-5) and keep
 * names (bits 6-7); byte 1 picks dates of birth (bits 0-2), withheld
 * values (bits 3-5: an address, a phone and a text value), the location
 * flag (bit 6) and, with bit 7, takes the first line of the text (up to 40
 * bytes) as one more name and one more address value, so the automata are
 * built from arbitrary bytes too. The rest is the text.
 *
 * Checked: no crash or sanitizer report; scrubbing succeeds; valid UTF-8
 * in gives valid UTF-8 out; findings are one per marker, in order, within
 * the text and on character boundaries; and scrubbing the output again finds
 * no phone, e-mail or NHS number (removing a finding never creates one).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "canon.h"
#include "ident.h"
#include "mgw_err.h"
#include "scrub.h"

static int utf8_valid(const char *s, size_t n)
{
	struct ident_char c;
	for (size_t i = 0; i < n;) {
		i += ident_char_next(s + i, n - i, &c);
		if (c.cls == IDENT_C_INVALID)
			return 0;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const NAMES[] = {"Percival Gloam", "Anna Marie", "Marie Quillfeather",
	                                    "Zo\xC3\xAB \xC3\x98lsen", "Wei Li", "Barnaby Rudge-Pickle"};
	static const char *const KEEP[] = {"Jane Gloam", "Ozzy Bramblecrust"};
	static const char *const DOBS[] = {"1985-03-12", "2001-11-05", "1999-12-31"};
	const char *names[8], *keep[2], *dobs[3];
	size_t nn = 0, nk = 0, nd = 0;
	char extra[41];

	if (size < 2)
		return 0;
	/* NUL bytes become spaces so that strlen(out) is the output's length. */
	size_t len = size - 2;
	char *text = malloc(len + 1);
	if (text == NULL)
		abort();
	for (size_t i = 0; i < len; i++)
		text[i] = data[2 + i] ? (char)data[2 + i] : ' ';
	for (int i = 0; i < 6; i++)
		if (data[0] & (1u << i))
			names[nn++] = NAMES[i];
	for (int i = 0; i < 2; i++)
		if (data[0] & (1u << (6 + i)))
			keep[nk++] = KEEP[i];
	for (int i = 0; i < 3; i++)
		if (data[1] & (1u << i))
			dobs[nd++] = DOBS[i];
	if (data[1] & 0x80) {
		size_t k = 0;
		while (k < len && k < 40 && text[k] != '\n' && text[k] != '\0')
			k++;
		memcpy(extra, text, k);
		extra[k] = '\0';
		names[nn++] = extra;
	}

	static const struct scrub_value VALUES[] = {
		{"33A Grange Ct., Grimsby DN31 1AA", SCRUB_ADDRESS, CANON_ADDRESS, 0},
		{"+44 7700 900555", SCRUB_PHONE, CANON_PHONE, 0},
		{"after 10am when he is at work", SCRUB_SAFE_TIME, CANON_TEXT, 0},
	};
	struct scrub_value values[4];
	size_t nv = 0;
	for (int i = 0; i < 3; i++)
		if (data[1] & (1u << (3 + i)))
			values[nv++] = VALUES[i];
	if (data[1] & 0x80)
		values[nv++] = (struct scrub_value){extra, SCRUB_ADDRESS, CANON_ADDRESS, 0};
	struct scrub_spec spec = {names, nn, keep, nk, dobs, nd, values, nv,
	                          (data[1] & 0x40) ? SCRUB_F_LOCATION : 0, 0};
	scrubber *sc = NULL;
	if (scrubber_build2(&spec, &sc) != 0 || sc == NULL)
		abort();
	char *out = NULL, *again = NULL;
	unsigned counts[SCRUB_KIND_COUNT] = {0};
	struct scrub_finding *f = NULL;
	size_t nf = 0;
	int rc = scrub_text_ex(sc, text, len, "s40(2)", 0, &out, counts, &f, &nf);
	if (rc == MGW_E_TOO_LARGE && out == NULL && f == NULL) { /* withheld whole */
		free(text);
		scrubber_free(sc);
		return 0;
	}
	if (rc != 0)
		abort();
	size_t olen = strlen(out), total = 0;
	int valid = utf8_valid(text, len);
	if (valid && !utf8_valid(out, olen))
		abort();
	for (size_t i = 0; i < nf; i++) {
		if (f[i].start >= f[i].end || f[i].end > len || (i > 0 && f[i].start < f[i - 1].end) ||
		    f[i].kind >= SCRUB_KIND_COUNT || f[i].rule == NULL)
			abort();
		if (valid && (((unsigned char)text[f[i].start] & 0xC0) == 0x80 ||
		              (f[i].end < len && ((unsigned char)text[f[i].end] & 0xC0) == 0x80)))
			abort(); /* a character split */
	}
	for (int k = 0; k < SCRUB_KIND_COUNT; k++)
		total += counts[k];
	if (total != nf)
		abort();
	free(f);
	unsigned re[SCRUB_KIND_COUNT] = {0};
	unsigned mask = (1u << SCRUB_PHONE) | (1u << SCRUB_EMAIL) | (1u << SCRUB_NHS);
	rc = scrub_text(sc, out, olen, "s40(2)", mask, &again, re);
	if (rc != 0 && !(rc == MGW_E_TOO_LARGE && again == NULL))
		abort();
	if (re[SCRUB_PHONE] || re[SCRUB_EMAIL] || re[SCRUB_NHS])
		abort();
	free(again);
	free(out);
	free(text);
	scrubber_free(sc);
	return 0;
}

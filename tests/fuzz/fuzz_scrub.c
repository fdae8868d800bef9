/*
 * fuzz_scrub: free text from a peer goes through scrub_text. Input layout:
 * byte 0 picks third-party names from a fixed pool (bits 0-5) and keep
 * names (bits 6-7); byte 1 picks dates of birth (bits 0-2) and, with bit
 * 7, takes the first line of the text (up to 40 bytes) as one more name, so
 * the automaton is built from arbitrary bytes too. The rest is the text.
 *
 * Checked: no crash or sanitizer report; scrubbing succeeds; valid UTF-8
 * in gives valid UTF-8 out; and scrubbing the output again finds no phone,
 * e-mail or NHS number (removing a finding never creates one).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ident.h"
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

	scrubber *sc = scrubber_new(names, nn, keep, nk, dobs, nd);
	if (sc == NULL)
		abort();
	char *out = NULL, *again = NULL;
	unsigned counts[SCRUB_KIND_COUNT] = {0};
	if (scrub_text(sc, text, len, "s40(2)", 0, &out, counts) != 0)
		abort();
	size_t olen = strlen(out);
	if (utf8_valid(text, len) && !utf8_valid(out, olen))
		abort();
	unsigned re[SCRUB_KIND_COUNT] = {0};
	unsigned mask = (1u << SCRUB_PHONE) | (1u << SCRUB_EMAIL) | (1u << SCRUB_NHS);
	if (scrub_text(sc, out, olen, "s40(2)", mask, &again, re) != 0)
		abort();
	if (re[SCRUB_PHONE] || re[SCRUB_EMAIL] || re[SCRUB_NHS])
		abort();
	free(again);
	free(out);
	free(text);
	scrubber_free(sc);
	return 0;
}

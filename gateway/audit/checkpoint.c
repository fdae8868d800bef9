/*
 * checkpoint.c: C2SP signed-note checkpoints, Ed25519. See checkpoint.h.
 *
 * Parsing works on views into the caller's buffer and allocates only the
 * origin it hands back, after every check has passed.
 */
#include "checkpoint.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "codec.h"
#include "fsutil.h"
#include "mgw_err.h"

#define SIG_TYPE_ED25519 0x01
#define ED25519_PUB 32
#define ED25519_SEED 32
#define ED25519_SIG 64
#define KEY_ID 4
#define SKEY_PREFIX "PRIVATE+KEY+"
#define EMDASH_SP "\xe2\x80\x94 " /* U+2014 then a space */
#define EMDASH_SP_LEN 4
#define ROOT_B64_LEN 44 /* 32 bytes, padded */
#define KEYFILE_MAX 1024

struct checkpoint_key {
	char name[CHECKPOINT_MAX_NAME + 1];
	uint8_t id[KEY_ID];
	uint8_t pub[ED25519_PUB];
	EVP_PKEY *pkey;
};

struct checkpoint_verifier {
	char name[CHECKPOINT_MAX_NAME + 1];
	size_t name_len;
	uint8_t id[KEY_ID];
	EVP_PKEY *pkey;
};

/* ---- small strict codecs ------------------------------------------------------ */

static int b64_val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Is s[0..n) canonical padded std base64 (RFC 4648 s4)? Canonical means
 * the unused bits of the last quantum are zero, so each byte string has
 * exactly one encoding. *declen gets the decoded length.
 */
static int b64_canonical(const char *s, size_t n, size_t *declen)
{
	if (n == 0 || n % 4 != 0)
		return 0;
	size_t pad = (s[n - 1] == '=') + (s[n - 1] == '=' && s[n - 2] == '=');
	for (size_t i = 0; i < n - pad; i++)
		if (b64_val((unsigned char)s[i]) < 0)
			return 0;
	if (pad == 1 && (b64_val((unsigned char)s[n - 2]) & 0x03) != 0)
		return 0;
	if (pad == 2 && (b64_val((unsigned char)s[n - 3]) & 0x0f) != 0)
		return 0;
	*declen = n / 4 * 3 - pad;
	return 1;
}

/* Decode canonical base64 s[0..n) into out (cap >= n / 4 * 3). Length or -1. */
static long b64_decode(const char *s, size_t n, uint8_t *out, size_t cap)
{
	size_t declen;
	if (!b64_canonical(s, n, &declen) || cap < n / 4 * 3 || n > INT32_MAX)
		return -1;
	if (EVP_DecodeBlock(out, (const unsigned char *)s, (int)n) < 0)
		return -1;
	return (long)declen;
}

/* out gets 4 * ceil(n / 3) characters and a NUL. */
static void b64_encode(const uint8_t *in, size_t n, char *out)
{
	EVP_EncodeBlock((unsigned char *)out, in, (int)n);
}

static int hex8_decode(const char *s, size_t n, uint8_t out[KEY_ID])
{
	if (n != 2 * KEY_ID)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
		if (v < 0) /* lower case only: the one spelling we write */
			return 0;
		if (i % 2 == 0)
			out[i / 2] = (uint8_t)(v << 4);
		else
			out[i / 2] |= (uint8_t)v;
	}
	return 1;
}

/* Unicode White_Space characters above ASCII, as UTF-8 (Go's unicode.IsSpace). */
static int unicode_space_at(const unsigned char *p, size_t left)
{
	if (left >= 2 && p[0] == 0xc2 && (p[1] == 0x85 || p[1] == 0xa0))
		return 1;
	if (left < 3)
		return 0;
	if (p[0] == 0xe1 && p[1] == 0x9a && p[2] == 0x80) /* U+1680 */
		return 1;
	if (p[0] == 0xe2 && p[1] == 0x80 &&
	    ((p[2] >= 0x80 && p[2] <= 0x8a) || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf))
		return 1;
	if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f) /* U+205F */
		return 1;
	return p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80; /* U+3000 */
}

/* A key name: UTF-8, no spaces of any kind, no '+', no control characters. */
static int name_ok(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n == 0 || n > CHECKPOINT_MAX_NAME || !codec_utf8_valid(s, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (p[i] <= 0x20 || p[i] == 0x7f || p[i] == '+' || unicode_space_at(p + i, n - i))
			return 0;
	return 1;
}

/* A note's text: ends in a newline, UTF-8, no control characters but newlines. */
static int text_ok(const char *s, size_t n)
{
	if (n == 0 || s[n - 1] != '\n' || !codec_utf8_valid(s, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\n')
			return 0;
	return 1;
}

static int origin_ok(const char *s, size_t n)
{
	if (n == 0 || n > CHECKPOINT_MAX_ORIGIN || !codec_utf8_valid(s, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return 0;
	return 1;
}

/* ---- keys ------------------------------------------------------------------------ */

/* SHA-256(name || 0x0A || 0x01 || pub)[:4] */
static int key_id(const char *name, size_t n, const uint8_t pub[ED25519_PUB], uint8_t id[KEY_ID])
{
	uint8_t buf[CHECKPOINT_MAX_NAME + 2 + ED25519_PUB], h[32];
	memcpy(buf, name, n);
	buf[n] = '\n';
	buf[n + 1] = SIG_TYPE_ED25519;
	memcpy(buf + n + 2, pub, ED25519_PUB);
	if (EVP_Digest(buf, n + 2 + ED25519_PUB, h, NULL, EVP_sha256(), NULL) != 1)
		return MGW_E_NOMEM;
	memcpy(id, h, KEY_ID);
	return MGW_OK;
}

/* A key from its name and seed. seed is the caller's to wipe. */
static int key_from_seed(const char *name, size_t n, const uint8_t seed[ED25519_SEED],
			 checkpoint_key **out)
{
	int rc = MGW_E_NOMEM;
	checkpoint_key *k = calloc(1, sizeof *k);
	if (k == NULL)
		goto fail;
	memcpy(k->name, name, n);
	k->pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, seed, ED25519_SEED);
	size_t plen = ED25519_PUB;
	if (k->pkey == NULL || EVP_PKEY_get_raw_public_key(k->pkey, k->pub, &plen) != 1 ||
	    plen != ED25519_PUB)
		goto fail;
	rc = key_id(name, n, k->pub, k->id);
	if (rc != MGW_OK)
		goto fail;
	*out = k;
	return MGW_OK;
fail:
	checkpoint_key_free(k);
	return rc;
}

int checkpoint_key_parse(const char *skey, checkpoint_key **out)
{
	*out = NULL;
	int rc = MGW_E_MALFORMED;
	uint8_t dec[48]; /* 0x01 || seed, decoded in place */
	size_t len = strnlen(skey, KEYFILE_MAX + 1);
	if (len > KEYFILE_MAX || strncmp(skey, SKEY_PREFIX, strlen(SKEY_PREFIX)) != 0)
		goto fail;
	const char *name = skey + strlen(SKEY_PREFIX);
	const char *p1 = strchr(name, '+');
	if (p1 == NULL || strnlen(p1, 10) < 10 || p1[9] != '+')
		goto fail;
	size_t name_len = (size_t)(p1 - name);
	uint8_t id[KEY_ID];
	if (!name_ok(name, name_len) || !hex8_decode(p1 + 1, 8, id))
		goto fail;
	const char *b64 = p1 + 10;
	long n = b64_decode(b64, strlen(b64), dec, sizeof dec);
	if (n != 1 + ED25519_SEED || dec[0] != SIG_TYPE_ED25519)
		goto fail;
	checkpoint_key *k;
	rc = key_from_seed(name, name_len, dec + 1, &k);
	if (rc != MGW_OK)
		goto fail;
	if (memcmp(k->id, id, KEY_ID) != 0) {
		checkpoint_key_free(k);
		rc = MGW_E_MALFORMED;
		goto fail;
	}
	*out = k;
	rc = MGW_OK;
fail:
	OPENSSL_cleanse(dec, sizeof dec);
	return rc;
}

void checkpoint_key_free(checkpoint_key *key)
{
	if (key == NULL)
		return;
	EVP_PKEY_free(key->pkey); /* OpenSSL wipes the key material it holds */
	OPENSSL_cleanse(key, sizeof *key);
	free(key);
}

/* "<name>+<hex id>+<base64(0x01 || pub)>" */
static char *vkey_string(const char *name, const uint8_t id[KEY_ID], const uint8_t pub[ED25519_PUB])
{
	uint8_t raw[1 + ED25519_PUB];
	char b64[4 * ((sizeof raw + 2) / 3) + 1];
	raw[0] = SIG_TYPE_ED25519;
	memcpy(raw + 1, pub, ED25519_PUB);
	b64_encode(raw, sizeof raw, b64);
	size_t n = strlen(name) + 1 + 8 + 1 + strlen(b64) + 1;
	char *s = malloc(n);
	if (s != NULL)
		snprintf(s, n, "%s+%02x%02x%02x%02x+%s", name, id[0], id[1], id[2], id[3], b64);
	return s;
}

int checkpoint_key_vkey(const checkpoint_key *key, char **vkey_out)
{
	*vkey_out = vkey_string(key->name, key->id, key->pub);
	return *vkey_out != NULL ? MGW_OK : MGW_E_NOMEM;
}

/* ---- the key file ----------------------------------------------------------------- */

int checkpoint_key_generate(const char *path, const char *name)
{
	int rc = MGW_E_NOMEM;
	EVP_PKEY *pk = NULL;
	uint8_t raw[1 + ED25519_SEED];
	char line[sizeof SKEY_PREFIX + CHECKPOINT_MAX_NAME + 64];
	size_t name_len = strnlen(name, CHECKPOINT_MAX_NAME + 1);
	if (!name_ok(name, name_len)) {
		rc = MGW_E_INVALID;
		goto fail;
	}
	pk = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	size_t slen = ED25519_SEED;
	if (pk == NULL || EVP_PKEY_get_raw_private_key(pk, raw + 1, &slen) != 1 ||
	    slen != ED25519_SEED)
		goto fail;
	raw[0] = SIG_TYPE_ED25519;
	checkpoint_key *k;
	rc = key_from_seed(name, name_len, raw + 1, &k);
	if (rc != MGW_OK)
		goto fail;
	char b64[4 * ((sizeof raw + 2) / 3) + 1];
	b64_encode(raw, sizeof raw, b64);
	int n = snprintf(line, sizeof line, SKEY_PREFIX "%s+%02x%02x%02x%02x+%s\n", name, k->id[0],
			 k->id[1], k->id[2], k->id[3], b64);
	OPENSSL_cleanse(b64, sizeof b64);
	checkpoint_key_free(k);
	/* Never over an existing key: write_file_new refuses with MGW_E_CONFLICT. */
	rc = write_file_new(path, line, (size_t)n, 0600);
fail:
	OPENSSL_cleanse(raw, sizeof raw);
	OPENSSL_cleanse(line, sizeof line);
	EVP_PKEY_free(pk);
	return rc;
}

int checkpoint_key_load(const char *path, checkpoint_key **out)
{
	*out = NULL;
	int rc = MGW_E_IO;
	char buf[KEYFILE_MAX + 2];
	size_t n = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		goto fail;
	struct stat st;
	if (fstat(fd, &st) != 0)
		goto fail;
	if (!S_ISREG(st.st_mode) || (st.st_mode & 077) != 0) {
		rc = MGW_E_INVALID;
		goto fail;
	}
	for (;;) {
		ssize_t r = read(fd, buf + n, sizeof buf - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			goto fail;
		if (r == 0)
			break;
		n += (size_t)r;
		if (n == sizeof buf - 1) { /* longer than any key */
			rc = MGW_E_MALFORMED;
			goto fail;
		}
	}
	if (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	rc = strlen(buf) == n ? checkpoint_key_parse(buf, out) : MGW_E_MALFORMED;
fail:
	if (fd >= 0)
		close(fd);
	OPENSSL_cleanse(buf, sizeof buf);
	return rc;
}

/* ---- verifier keys ------------------------------------------------------------------ */

int checkpoint_verifier_new(const char *vkey, checkpoint_verifier **out)
{
	*out = NULL;
	int rc = MGW_E_MALFORMED;
	checkpoint_verifier *v = NULL;
	uint8_t dec[48];
	size_t len = strnlen(vkey, KEYFILE_MAX + 1);
	const char *p1 = memchr(vkey, '+', len);
	if (len > KEYFILE_MAX || p1 == NULL || (size_t)(p1 - vkey) + 10 > len || p1[9] != '+')
		goto fail;
	size_t name_len = (size_t)(p1 - vkey);
	uint8_t id[KEY_ID], want[KEY_ID];
	if (!name_ok(vkey, name_len) || !hex8_decode(p1 + 1, 8, id))
		goto fail;
	const char *b64 = p1 + 10;
	long n = b64_decode(b64, len - (size_t)(b64 - vkey), dec, sizeof dec);
	if (n != 1 + ED25519_PUB || dec[0] != SIG_TYPE_ED25519)
		goto fail;
	rc = key_id(vkey, name_len, dec + 1, want);
	if (rc != MGW_OK)
		goto fail;
	rc = MGW_E_MALFORMED;
	if (memcmp(id, want, KEY_ID) != 0)
		goto fail;
	rc = MGW_E_NOMEM;
	v = calloc(1, sizeof *v);
	if (v == NULL)
		goto fail;
	memcpy(v->name, vkey, name_len);
	v->name_len = name_len;
	memcpy(v->id, id, KEY_ID);
	v->pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, dec + 1, ED25519_PUB);
	if (v->pkey == NULL) {
		rc = MGW_E_MALFORMED; /* not a point on the curve */
		goto fail;
	}
	*out = v;
	return MGW_OK;
fail:
	checkpoint_verifier_free(v);
	return rc;
}

void checkpoint_verifier_free(checkpoint_verifier *v)
{
	if (v == NULL)
		return;
	EVP_PKEY_free(v->pkey);
	free(v);
}

/* ---- signing --------------------------------------------------------------------------- */

int checkpoint_note_sign(const checkpoint_key *key, const char *text, size_t len, char **note_out)
{
	*note_out = NULL;
	int rc = MGW_E_NOMEM;
	EVP_MD_CTX *ctx = NULL;
	char *note = NULL;
	uint8_t blob[KEY_ID + ED25519_SIG];
	char b64[4 * ((sizeof blob + 2) / 3) + 1];
	size_t name_len = strlen(key->name);
	size_t line_len = EMDASH_SP_LEN + name_len + 1 + (sizeof b64 - 1) + 1;
	if (len > CHECKPOINT_MAX_NOTE || len + 1 + line_len > CHECKPOINT_MAX_NOTE) {
		rc = MGW_E_TOO_LARGE;
		goto fail;
	}
	if (!text_ok(text, len)) {
		rc = MGW_E_MALFORMED;
		goto fail;
	}
	ctx = EVP_MD_CTX_new();
	size_t siglen = ED25519_SIG;
	if (ctx == NULL || EVP_DigestSignInit(ctx, NULL, NULL, NULL, key->pkey) != 1 ||
	    EVP_DigestSign(ctx, blob + KEY_ID, &siglen, (const unsigned char *)text, len) != 1 ||
	    siglen != ED25519_SIG)
		goto fail;
	memcpy(blob, key->id, KEY_ID);
	b64_encode(blob, sizeof blob, b64);
	note = malloc(len + 1 + line_len + 1);
	if (note == NULL)
		goto fail;
	char *p = note;
	memcpy(p, text, len);
	p += len;
	*p++ = '\n';
	memcpy(p, EMDASH_SP, EMDASH_SP_LEN);
	p += EMDASH_SP_LEN;
	memcpy(p, key->name, name_len);
	p += name_len;
	*p++ = ' ';
	memcpy(p, b64, sizeof b64 - 1);
	p += sizeof b64 - 1;
	*p++ = '\n';
	*p = '\0';
	*note_out = note;
	rc = MGW_OK;
fail:
	EVP_MD_CTX_free(ctx);
	return rc;
}

int checkpoint_sign(const checkpoint_key *key, const char *origin, uint64_t size,
		    const uint8_t root[32], char **note_out)
{
	*note_out = NULL;
	size_t olen = strnlen(origin, CHECKPOINT_MAX_ORIGIN + 1);
	if (!origin_ok(origin, olen))
		return MGW_E_INVALID;
	char b64[ROOT_B64_LEN + 1];
	b64_encode(root, 32, b64);
	char body[CHECKPOINT_MAX_ORIGIN + 24 + ROOT_B64_LEN + 4];
	int n = snprintf(body, sizeof body, "%s\n%" PRIu64 "\n%s\n", origin, size, b64);
	return checkpoint_note_sign(key, body, (size_t)n, note_out);
}

/* ---- parsing and verifying ------------------------------------------------------------- */

/* A note split into its text and its signature block, as views into the note. */
struct note_view {
	size_t text_len;  /* note[0..text_len) is the signed text */
	const char *sigs; /* the signature lines, each ending in '\n' */
	size_t sigs_len;
};

static int note_split(const char *note, size_t len, struct note_view *nv)
{
	if (len > CHECKPOINT_MAX_NOTE)
		return MGW_E_TOO_LARGE;
	if (len < 3 || !text_ok(note, len))
		return MGW_E_MALFORMED;
	/* The text ends at the last blank line; the signature block is non-empty. */
	for (size_t i = len - 2; i-- > 0;) {
		if (note[i] == '\n' && note[i + 1] == '\n') {
			nv->text_len = i + 1;
			nv->sigs = note + i + 2;
			nv->sigs_len = len - i - 2;
			return MGW_OK;
		}
	}
	return MGW_E_MALFORMED;
}

/* One signature line: "— <name> <base64(id || sig)>" (line excludes its '\n'). */
struct sig_view {
	const char *name;
	size_t name_len;
	const char *b64;
	size_t b64_len;
	uint8_t id[KEY_ID];
};

static int sig_line(const char *line, size_t n, struct sig_view *sv)
{
	if (n < EMDASH_SP_LEN || memcmp(line, EMDASH_SP, EMDASH_SP_LEN) != 0)
		return MGW_E_MALFORMED;
	const char *name = line + EMDASH_SP_LEN;
	const char *sp = memchr(name, ' ', n - EMDASH_SP_LEN);
	if (sp == NULL)
		return MGW_E_MALFORMED;
	sv->name = name;
	sv->name_len = (size_t)(sp - name);
	sv->b64 = sp + 1;
	sv->b64_len = (size_t)(line + n - sv->b64);
	size_t declen;
	uint8_t head[6];
	if (!name_ok(sv->name, sv->name_len) || !b64_canonical(sv->b64, sv->b64_len, &declen) ||
	    declen < KEY_ID + 1 || b64_decode(sv->b64, 8, head, sizeof head) < KEY_ID)
		return MGW_E_MALFORMED;
	memcpy(sv->id, head, KEY_ID);
	return MGW_OK;
}

/* The checkpoint body, as views into the note. */
struct body_view {
	const char *origin;
	size_t origin_len;
	uint64_t size;
	uint8_t root[32];
};

static int body_parse(const char *text, size_t len, struct body_view *bv)
{
	const char *end = text + len, *p = text;
	const char *line[3];
	size_t llen[3];
	for (int i = 0; i < 3; i++) {
		const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		if (nl == NULL)
			return MGW_E_MALFORMED;
		line[i] = p;
		llen[i] = (size_t)(nl - p);
		p = nl + 1;
	}
	if (p != end) /* extension lines: refused, see checkpoint.h */
		return MGW_E_MALFORMED;
	if (!origin_ok(line[0], llen[0]))
		return MGW_E_MALFORMED;
	if (llen[1] == 0 || llen[1] > 20 || (llen[1] > 1 && line[1][0] == '0'))
		return MGW_E_MALFORMED;
	uint64_t size = 0;
	for (size_t i = 0; i < llen[1]; i++) {
		unsigned d = (unsigned)(line[1][i] - '0');
		if (d > 9 || size > (UINT64_MAX - d) / 10)
			return MGW_E_MALFORMED;
		size = size * 10 + d;
	}
	uint8_t root[33];
	if (llen[2] != ROOT_B64_LEN || b64_decode(line[2], llen[2], root, sizeof root) != 32)
		return MGW_E_MALFORMED;
	bv->origin = line[0];
	bv->origin_len = llen[0];
	bv->size = size;
	memcpy(bv->root, root, 32);
	return MGW_OK;
}

static int sig_verify(EVP_PKEY *pkey, const uint8_t sig[ED25519_SIG], const char *text, size_t len)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	if (ctx == NULL)
		return MGW_E_NOMEM;
	int rc = MGW_E_INVALID;
	if (EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, pkey) == 1 &&
	    EVP_DigestVerify(ctx, sig, ED25519_SIG, (const unsigned char *)text, len) == 1)
		rc = MGW_OK;
	EVP_MD_CTX_free(ctx);
	return rc;
}

/* Parse everything; check v's signatures if v is not NULL. */
static int parse(const checkpoint_verifier *v, const char *note, size_t len, char **origin_out,
		 uint64_t *size_out, uint8_t root_out[32])
{
	struct note_view nv;
	struct body_view bv;
	int rc = note_split(note, len, &nv);
	if (rc != MGW_OK)
		return rc;
	rc = body_parse(note, nv.text_len, &bv);
	if (rc != MGW_OK)
		return rc;
	/* Every line must be well-formed before any signature counts. */
	unsigned lines = 0, found = 0, bad = 0;
	for (const char *p = nv.sigs, *end = nv.sigs + nv.sigs_len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)); /* text_ok: the note ends in '\n' */
		struct sig_view sv;
		if (++lines > CHECKPOINT_MAX_SIGS)
			return MGW_E_MALFORMED;
		rc = sig_line(p, (size_t)(nl - p), &sv);
		if (rc != MGW_OK)
			return rc;
		p = nl + 1;
		if (v == NULL || sv.name_len != v->name_len ||
		    memcmp(sv.name, v->name, v->name_len) != 0 || memcmp(sv.id, v->id, KEY_ID) != 0)
			continue; /* another key's signature: ignored, as the spec requires */
		uint8_t blob[KEY_ID + ED25519_SIG + 3];
		if (b64_decode(sv.b64, sv.b64_len, blob, sizeof blob) != KEY_ID + ED25519_SIG) {
			bad++;
			continue;
		}
		rc = sig_verify(v->pkey, blob + KEY_ID, note, nv.text_len);
		if (rc == MGW_E_NOMEM)
			return rc;
		if (rc == MGW_OK)
			found++;
		else
			bad++;
	}
	if (v != NULL && bad > 0)
		return MGW_E_INVALID;
	if (v != NULL && found == 0)
		return MGW_E_NOTFOUND;
	if (origin_out != NULL) {
		/* Not strndup: the origin is not NUL-terminated in the note. */
		*origin_out = malloc(bv.origin_len + 1);
		if (*origin_out == NULL)
			return MGW_E_NOMEM;
		memcpy(*origin_out, bv.origin, bv.origin_len);
		(*origin_out)[bv.origin_len] = '\0';
	}
	*size_out = bv.size;
	memcpy(root_out, bv.root, 32);
	return MGW_OK;
}

int checkpoint_verify(const checkpoint_verifier *v, const char *note, size_t len,
		      char **origin_out, uint64_t *size_out, uint8_t root_out[32])
{
	return parse(v, note, len, origin_out, size_out, root_out);
}

int checkpoint_parse_unverified(const char *note, size_t len, char **origin_out,
				uint64_t *size_out, uint8_t root_out[32])
{
	return parse(NULL, note, len, origin_out, size_out, root_out);
}

int checkpoint_parse_verify(const char *note, size_t len, const char *vkey, char **origin_out,
			    uint64_t *size_out, uint8_t root_out[32])
{
	checkpoint_verifier *v;
	int rc = checkpoint_verifier_new(vkey, &v);
	if (rc != MGW_OK)
		return rc;
	rc = checkpoint_verify(v, note, len, origin_out, size_out, root_out);
	checkpoint_verifier_free(v);
	return rc;
}

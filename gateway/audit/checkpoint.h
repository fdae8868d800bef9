/*
 * checkpoint.h: C2SP signed-note checkpoints with Ed25519 (OpenSSL EVP).
 *
 * A checkpoint (c2sp.org/tlog-checkpoint) is a signed note (c2sp.org/signed-note)
 * whose text is exactly three lines:
 *
 *     <origin>\n                  the log's identity, e.g. "marac.example/audit"
 *     <tree size>\n               ASCII decimal, no leading zeroes ("0" if empty)
 *     <base64 root hash>\n        std base64 (RFC 4648 s4, padded) of the 32-byte RFC 6962 root
 *
 * followed by a blank line and one or more signature lines
 *
 *     — <key name> <base64(4-byte key id || 64-byte Ed25519 signature)>\n
 *
 * ("—" is U+2014, bytes E2 80 94). The signature covers the note text,
 * final newline included. key id = SHA-256(key name || 0x0A || 0x01 ||
 * 32-byte public key)[:4], big-endian.
 *
 * Keys use the golang.org/x/mod/sumdb/note encodings, so that the Go
 * ecosystem (witnesses, the note package) reads them unchanged:
 *
 *     verifier key  <name>+<8 lower-case hex key id>+<base64(0x01 || public key)>
 *     signer key    PRIVATE+KEY+<name>+<8 hex key id>+<base64(0x01 || 32-byte seed)>
 *
 * The signer key file holds the signer key string and one newline, mode 0600.
 *
 * Strictness. Parsing refuses anything that is not exactly the format:
 * invalid UTF-8, control characters other than newline, a missing final
 * newline, a body of more or fewer than three lines (the spec's optional
 * extension lines are refused: this gateway never writes them and an
 * auditor cannot audit them), leading zeroes, a size above 2^64 - 1,
 * non-canonical base64, a root that is not 32 bytes, a malformed signature
 * line, more than CHECKPOINT_MAX_SIGS signature lines. As the signed-note
 * spec requires, well-formed signature lines from other keys (witness
 * cosignatures, a rotated key) are ignored: a key is the pair (name, id),
 * so a line with the verifier's name and another id, or the reverse, is
 * another key. A line from the verifier's key that fails to verify rejects
 * the note; so does a note with no line from that key.
 *
 * Error codes (mgw_err.h), as documented per function below:
 *   MGW_E_MALFORMED  not the format (note, key string, key file contents)
 *   MGW_E_TOO_LARGE  above CHECKPOINT_MAX_NOTE
 *   MGW_E_NOTFOUND   well-formed, but no signature line from the verifier's key
 *   MGW_E_INVALID    a signature from the verifier's key does not verify;
 *                    or a bad argument (origin, key name, key file permissions)
 *   MGW_E_CONFLICT   the key file already exists
 *   MGW_E_IO         a system call failed
 *   MGW_E_NOMEM      allocation or OpenSSL failure
 */
#ifndef MARAC_CHECKPOINT_H
#define MARAC_CHECKPOINT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Largest note accepted. Our notes are ~200 bytes; the signed-note spec
 * asks verifiers to accept at least 16 signatures, which for Ed25519
 * cosignatures is ~3 KiB. 16 KiB bounds what one checkpoint costs to parse
 * while leaving room for witnesses.
 */
#define CHECKPOINT_MAX_NOTE   16384u
/* Signature lines per note: twice the spec's minimum of 16. */
#define CHECKPOINT_MAX_SIGS   32u
/* Origin and key name length in bytes (the audit export stores a one-byte length). */
#define CHECKPOINT_MAX_ORIGIN 255u
#define CHECKPOINT_MAX_NAME   255u

typedef struct checkpoint_key checkpoint_key;           /* a signer (private key) */
typedef struct checkpoint_verifier checkpoint_verifier; /* a parsed verifier key */

/*
 * Generate an Ed25519 signer key named name and write it to path, created
 * atomically with mode 0600 (temporary file in the same directory, fsync,
 * no-clobber rename, fsync of the directory). Never overwrites.
 * name: 1..CHECKPOINT_MAX_NAME bytes of UTF-8, no spaces, no '+', no
 * control characters (by convention the log's origin).
 * Returns 0, MGW_E_INVALID (bad name), MGW_E_CONFLICT (path exists),
 * MGW_E_IO, or MGW_E_NOMEM. On failure no file is left at path.
 */
int checkpoint_key_generate(const char *path, const char *name);

/*
 * Load the signer key file at path. Refuses a file that is not a regular
 * file or that group or others may read or write (MGW_E_INVALID), like ssh.
 * On success *out owns the key; free it with checkpoint_key_free().
 * Returns 0, MGW_E_IO (cannot open/read), MGW_E_INVALID, MGW_E_MALFORMED
 * (contents are not a signer key, or its key id does not match), MGW_E_NOMEM.
 */
int checkpoint_key_load(const char *path, checkpoint_key **out);

/*
 * Parse a signer key string (the file's contents without its newline).
 * On success *out owns the key (checkpoint_key_free). Returns 0,
 * MGW_E_MALFORMED, or MGW_E_NOMEM.
 */
int checkpoint_key_parse(const char *skey, checkpoint_key **out);

/* Free a key and wipe its secret. NULL is fine. */
void checkpoint_key_free(checkpoint_key *key);

/*
 * The key's verifier key string into *vkey_out (malloc'd; caller frees).
 * Returns 0 or MGW_E_NOMEM.
 */
int checkpoint_key_vkey(const checkpoint_key *key, char **vkey_out);

/*
 * Sign a checkpoint: *note_out gets the complete signed note (malloc'd,
 * NUL-terminated; caller frees). origin: 1..CHECKPOINT_MAX_ORIGIN bytes of
 * UTF-8 without control characters. Returns 0, MGW_E_INVALID (bad origin),
 * or MGW_E_NOMEM.
 */
int checkpoint_sign(const checkpoint_key *key, const char *origin, uint64_t size,
		    const uint8_t root[32], char **note_out);

/*
 * Sign an arbitrary note text (text[0..len), which must end in a newline,
 * be UTF-8 and hold no control characters other than newlines) into a
 * signed note with one signature line. *note_out as for checkpoint_sign.
 * Returns 0, MGW_E_MALFORMED (bad text), MGW_E_TOO_LARGE, or MGW_E_NOMEM.
 */
int checkpoint_note_sign(const checkpoint_key *key, const char *text, size_t len, char **note_out);

/*
 * Parse a verifier key string. On success *out owns the verifier
 * (checkpoint_verifier_free). Returns 0, MGW_E_MALFORMED (not a vkey, not
 * Ed25519, or its key id does not match name and key), or MGW_E_NOMEM.
 */
int checkpoint_verifier_new(const char *vkey, checkpoint_verifier **out);

/* Free a verifier. NULL is fine. */
void checkpoint_verifier_free(checkpoint_verifier *v);

/*
 * Parse note[0..len) strictly as a checkpoint and verify it with v.
 * On success: *origin_out (if not NULL) gets a malloc'd copy of the origin
 * (caller frees), *size_out and root_out the tree size and root hash.
 * On failure the outputs are untouched and nothing is allocated.
 * Returns 0, MGW_E_TOO_LARGE, MGW_E_MALFORMED, MGW_E_NOTFOUND (not signed
 * by v's key), MGW_E_INVALID (v's key's signature does not verify:
 * forged or altered), or MGW_E_NOMEM.
 */
int checkpoint_verify(const checkpoint_verifier *v, const char *note, size_t len,
		      char **origin_out, uint64_t *size_out, uint8_t root_out[32]);

/*
 * checkpoint_verifier_new(vkey) then checkpoint_verify(): the one-call form.
 * Same returns (a bad vkey is MGW_E_MALFORMED too).
 */
int checkpoint_parse_verify(const char *note, size_t len, const char *vkey, char **origin_out,
			    uint64_t *size_out, uint8_t root_out[32]);

/*
 * Parse note[0..len) as strictly as checkpoint_verify, but check no
 * signature: the result is NOT authenticated. For the export writer (to
 * place a checkpoint after its records) and for diagnostics only.
 * Returns 0, MGW_E_TOO_LARGE, MGW_E_MALFORMED, or MGW_E_NOMEM.
 */
int checkpoint_parse_unverified(const char *note, size_t len, char **origin_out,
				uint64_t *size_out, uint8_t root_out[32]);

#endif

/*
 * Checkpoints: C2SP signed notes with Ed25519.
 *
 * Published examples used as known answers:
 *  - golang.org/x/mod/sumdb/note (note.go package documentation): the
 *    PeterNeumann signer/verifier keys and the signed note they produce
 *    (Ed25519 is deterministic, so our signature must match byte for byte).
 *  - github.com/transparency-dev/formats, log/note_test.go: a real
 *    sum.golang.org checkpoint with the sum.golang.org verifier key
 *    (TestSumDBNoteParsing), and the "Log" signer/verifier key pair.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checkpoint.h"
#include "mgw_err.h"

#define PN_SKEY "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
#define PN_VKEY "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
#define PN_TEXT                                                      \
	"If you think cryptography is the answer to your problem,\n" \
	"then you don't know what your problem is.\n"
#define PN_NOTE                                                                              \
	PN_TEXT "\n"                                                                         \
		"\xe2\x80\x94 PeterNeumann "                                                 \
		"x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6R" \
		"yyBwJnAM=\n"

#define SUMDB_VKEY "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"
#define SUMDB_NOTE                                                                           \
	"go.sum database tree\n"                                                             \
	"6476701\n"                                                                          \
	"mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n"                                     \
	"\n"                                                                                 \
	"\xe2\x80\x94 sum.golang.org "                                                       \
	"Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3" \
	"GeoWwOoAw=\n"

#define LOG_SKEY "PRIVATE+KEY+Log+2271c621+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ"
#define LOG_VKEY "Log+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs"

static char tmpdir[64];

static void mktmp(void)
{
	strcpy(tmpdir, "/tmp/marac-cp-XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
}

static void rmtmp(void)
{
	DIR *d = opendir(tmpdir);
	if (d == NULL)
		return;
	struct dirent *e;
	char p[512];
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", tmpdir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(tmpdir);
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static checkpoint_key *parse_key(const char *skey)
{
	checkpoint_key *k;
	cr_assert_eq(checkpoint_key_parse(skey, &k), MGW_OK);
	return k;
}

static const uint8_t ROOT[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
				 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

/* ---- keys --------------------------------------------------------------------- */

Test(checkpoint, generate_load_sign_verify_roundtrip, .init = mktmp, .fini = rmtmp)
{
	char path[128];
	snprintf(path, sizeof path, "%s/audit.key", tmpdir);
	cr_assert_eq(checkpoint_key_generate(path, "marac.example/audit"), MGW_OK);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	cr_assert_eq(count_entries(tmpdir), 1, "no temporary file left behind");

	checkpoint_key *k;
	cr_assert_eq(checkpoint_key_load(path, &k), MGW_OK);
	char *vkey, *note, *origin;
	cr_assert_eq(checkpoint_key_vkey(k, &vkey), MGW_OK);
	cr_assert_eq(strncmp(vkey, "marac.example/audit+", 20), 0);

	for (int i = 0; i < 3; i++) {
		uint64_t sizes[] = {0, 1234567, UINT64_MAX};
		uint64_t size;
		uint8_t root[32];
		cr_assert_eq(checkpoint_sign(k, "marac.example/audit", sizes[i], ROOT, &note), MGW_OK);
		cr_assert_eq(checkpoint_parse_verify(note, strlen(note), vkey, &origin, &size, root),
			     MGW_OK, "%s", note);
		cr_assert_str_eq(origin, "marac.example/audit");
		cr_assert_eq(size, sizes[i]);
		cr_assert_arr_eq(root, ROOT, 32);
		free(origin);
		free(note);
	}
	free(vkey);
	checkpoint_key_free(k);
}

Test(checkpoint, generate_refuses_to_overwrite, .init = mktmp, .fini = rmtmp)
{
	char path[128];
	snprintf(path, sizeof path, "%s/audit.key", tmpdir);
	cr_assert_eq(checkpoint_key_generate(path, "a.example/log"), MGW_OK);
	struct stat before, after;
	cr_assert_eq(stat(path, &before), 0);
	cr_assert_eq(checkpoint_key_generate(path, "a.example/log"), MGW_E_CONFLICT);
	cr_assert_eq(stat(path, &after), 0);
	cr_assert_eq(before.st_ino, after.st_ino);
	cr_assert_eq(count_entries(tmpdir), 1);
	/* Bad names never create anything. */
	char other[128];
	snprintf(other, sizeof other, "%s/other.key", tmpdir);
	cr_assert_eq(checkpoint_key_generate(other, "has space"), MGW_E_INVALID);
	cr_assert_eq(checkpoint_key_generate(other, "has+plus"), MGW_E_INVALID);
	cr_assert_eq(checkpoint_key_generate(other, ""), MGW_E_INVALID);
	cr_assert_eq(checkpoint_key_generate(other, "nbsp\xc2\xa0name"), MGW_E_INVALID);
	cr_assert_eq(count_entries(tmpdir), 1);
}

Test(checkpoint, load_refuses_loose_permissions_and_garbage, .init = mktmp, .fini = rmtmp)
{
	char path[128];
	checkpoint_key *k = (void *)0x1;
	snprintf(path, sizeof path, "%s/loose.key", tmpdir);
	int fd = open(path, O_CREAT | O_WRONLY | O_EXCL, 0644);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, PN_SKEY "\n", strlen(PN_SKEY) + 1), (ssize_t)strlen(PN_SKEY) + 1);
	close(fd);
	chmod(path, 0644);
	cr_assert_eq(checkpoint_key_load(path, &k), MGW_E_INVALID);
	cr_assert_null(k);
	chmod(path, 0600);
	cr_assert_eq(checkpoint_key_load(path, &k), MGW_OK);
	checkpoint_key_free(k);

	snprintf(path, sizeof path, "%s/garbage.key", tmpdir);
	fd = open(path, O_CREAT | O_WRONLY | O_EXCL, 0600);
	cr_assert_eq(write(fd, "not a key\n", 10), 10);
	close(fd);
	cr_assert_eq(checkpoint_key_load(path, &k), MGW_E_MALFORMED);
	snprintf(path, sizeof path, "%s/missing.key", tmpdir);
	cr_assert_eq(checkpoint_key_load(path, &k), MGW_E_IO);
}

Test(checkpoint, signer_key_strings)
{
	checkpoint_key *k;
	/* Wrong key id for the name and seed. */
	cr_assert_eq(checkpoint_key_parse(
			     "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
			     &k),
		     MGW_E_MALFORMED);
	/* Another name for the same seed changes the id. */
	cr_assert_eq(checkpoint_key_parse(
			     "PRIVATE+KEY+PeterNeumanm+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
			     &k),
		     MGW_E_MALFORMED);
	cr_assert_eq(checkpoint_key_parse("PRIVATE+KEY+PeterNeumann+c74f20a3+", &k), MGW_E_MALFORMED);
	cr_assert_eq(checkpoint_key_parse("PRIVATE+KEY+PeterNeumann", &k), MGW_E_MALFORMED);
	cr_assert_eq(checkpoint_key_parse(PN_VKEY, &k), MGW_E_MALFORMED);
}

/* ---- published known answers -------------------------------------------------- */

Test(checkpoint, go_note_known_answer_byte_for_byte)
{
	checkpoint_key *k = parse_key(PN_SKEY);
	char *vkey, *note;
	cr_assert_eq(checkpoint_key_vkey(k, &vkey), MGW_OK);
	cr_assert_str_eq(vkey, PN_VKEY);
	cr_assert_eq(checkpoint_note_sign(k, PN_TEXT, strlen(PN_TEXT), &note), MGW_OK);
	cr_assert_str_eq(note, PN_NOTE);
	free(vkey);
	free(note);
	checkpoint_key_free(k);

	/* The formats repository's "Log" key pair. */
	k = parse_key(LOG_SKEY);
	cr_assert_eq(checkpoint_key_vkey(k, &vkey), MGW_OK);
	cr_assert_str_eq(vkey, LOG_VKEY);
	free(vkey);
	checkpoint_key_free(k);
}

Test(checkpoint, published_sumdb_checkpoint_verifies)
{
	char *origin;
	uint64_t size;
	uint8_t root[32];
	const char *note = SUMDB_NOTE;
	cr_assert_eq(checkpoint_parse_verify(note, strlen(note), SUMDB_VKEY, &origin, &size, root),
		     MGW_OK);
	cr_assert_str_eq(origin, "go.sum database tree");
	cr_assert_eq(size, 6476701);
	/* mb8QLQIs... = 99 bf 10 2d 02 2c ... */
	cr_assert_eq(root[0], 0x99);
	cr_assert_eq(root[1], 0xbf);
	cr_assert_eq(root[2], 0x10);
	free(origin);

	/* One digit more is another checkpoint: the signature no longer covers it. */
	char *t = strdup(note);
	t[strlen("go.sum database tree\n6476")] = '8';
	cr_assert_eq(checkpoint_parse_verify(t, strlen(t), SUMDB_VKEY, NULL, &size, root),
		     MGW_E_INVALID);
	free(t);
	/* And it is not a note of the PeterNeumann key at all. */
	cr_assert_eq(checkpoint_parse_verify(note, strlen(note), PN_VKEY, NULL, &size, root),
		     MGW_E_NOTFOUND);
	/* The PeterNeumann note is a valid signed note but not a checkpoint. */
	cr_assert_eq(checkpoint_parse_verify(PN_NOTE, strlen(PN_NOTE), PN_VKEY, NULL, &size, root),
		     MGW_E_MALFORMED);
}

/* ---- tampering and wrong keys ---------------------------------------------------- */

static char *sign_cp(checkpoint_key *k, const char *origin, uint64_t size)
{
	char *note;
	cr_assert_eq(checkpoint_sign(k, origin, size, ROOT, &note), MGW_OK);
	return note;
}

static int verify(const char *note, const char *vkey)
{
	uint64_t size;
	uint8_t root[32];
	char *origin = NULL;
	int rc = checkpoint_parse_verify(note, strlen(note), vkey, &origin, &size, root);
	cr_assert(rc == MGW_OK || origin == NULL, "no output on failure");
	free(origin);
	return rc;
}

Test(checkpoint, tampered_size_root_origin_fail)
{
	checkpoint_key *k = parse_key(LOG_SKEY);
	char *note = sign_cp(k, "marac.example/audit", 150);
	cr_assert_eq(verify(note, LOG_VKEY), MGW_OK);

	char *t = strdup(note);
	char *sz = strstr(t, "\n150\n");
	sz[3] = '1'; /* 151 */
	cr_assert_eq(verify(t, LOG_VKEY), MGW_E_INVALID, "size");
	free(t);

	t = strdup(note);
	char *root = strstr(t, "\n150\n") + 5;
	root[0] = root[0] == 'A' ? 'B' : 'A';
	cr_assert_eq(verify(t, LOG_VKEY), MGW_E_INVALID, "root");
	free(t);

	t = strdup(note);
	t[0] = 'M';
	cr_assert_eq(verify(t, LOG_VKEY), MGW_E_INVALID, "origin");
	free(t);

	/* A flipped bit of the signature itself. */
	t = strdup(note);
	char *sig = strrchr(t, ' ') + 10;
	*sig = *sig == 'A' ? 'Q' : 'A';
	cr_assert_eq(verify(t, LOG_VKEY), MGW_E_INVALID, "signature");
	free(t);
	free(note);
	checkpoint_key_free(k);
}

Test(checkpoint, wrong_keys_are_not_found)
{
	checkpoint_key *k = parse_key(LOG_SKEY);
	char *note = sign_cp(k, "marac.example/audit", 7);
	cr_assert_eq(verify(note, PN_VKEY), MGW_E_NOTFOUND);
	cr_assert_eq(verify(note, SUMDB_VKEY), MGW_E_NOTFOUND);
	free(note);
	checkpoint_key_free(k);

	/* A forger with a fresh key that uses the expected key's name. */
	char dir[] = "/tmp/marac-cp-XXXXXX", path[64];
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/k", dir);
	cr_assert_eq(checkpoint_key_generate(path, "Log"), MGW_OK);
	cr_assert_eq(checkpoint_key_load(path, &k), MGW_OK);
	unlink(path);
	rmdir(dir);
	note = sign_cp(k, "marac.example/audit", 7);
	cr_assert_eq(verify(note, LOG_VKEY), MGW_E_NOTFOUND, "same name, other id: another key");
	/* ...who also copies the expected key id into the signature line. */
	char *line = strrchr(note, ' ') + 1;
	checkpoint_key *real = parse_key(LOG_SKEY);
	char *good = sign_cp(real, "marac.example/audit", 7);
	memcpy(line, strrchr(good, ' ') + 1, 6); /* 36 bits: the 4-byte key id and 4 more */
	cr_assert_eq(verify(note, LOG_VKEY), MGW_E_INVALID, "right name and id, wrong signature");
	free(good);
	free(note);
	checkpoint_key_free(real);
	checkpoint_key_free(k);
}

Test(checkpoint, cosignatures_from_other_keys_are_ignored)
{
	checkpoint_key *log = parse_key(LOG_SKEY), *wit = parse_key(PN_SKEY);
	char *a = sign_cp(log, "marac.example/audit", 42);
	char *b = sign_cp(wit, "marac.example/audit", 42);
	const char *bline = strstr(b, "\n\n") + 2;
	char both[1024];
	snprintf(both, sizeof both, "%s%s", a, bline);
	cr_assert_eq(verify(both, LOG_VKEY), MGW_OK);
	cr_assert_eq(verify(both, PN_VKEY), MGW_OK);
	/* Order does not matter. */
	snprintf(both, sizeof both, "%s%s", b, strstr(a, "\n\n") + 2);
	cr_assert_eq(verify(both, LOG_VKEY), MGW_OK);
	free(a);
	free(b);
	checkpoint_key_free(log);
	checkpoint_key_free(wit);
}

/* ---- malformed notes ---------------------------------------------------------------- */

Test(checkpoint, malformed_notes_are_refused)
{
	checkpoint_key *k = parse_key(LOG_SKEY);
	/* Valid signatures over malformed bodies: the format is refused before the signature. */
	static const char *bodies[] = {
		"o\n150\n",                                                   /* two lines */
		"o\n150\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\next\n", /* extension line */
		"\n150\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n",     /* empty origin */
		"o\n0150\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n",   /* leading zero */
		"o\n+150\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n",   /* sign */
		"o\n\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n",      /* empty size */
		"o\n18446744073709551616\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n", /* 2^64 */
		"o\n150\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyB=\n",   /* non-canonical */
		"o\n150\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw==\n",   /* 31 bytes */
		"o\n150\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA\n",    /* unpadded */
		"o\n150\nAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\n\n", /* trailing blank */
	};
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		char *note;
		int rc = checkpoint_note_sign(k, bodies[i], strlen(bodies[i]), &note);
		cr_assert_eq(rc, MGW_OK);
		cr_assert_eq(verify(note, LOG_VKEY), MGW_E_MALFORMED, "body %zu", i);
		free(note);
	}
	cr_assert_eq(checkpoint_note_sign(k, "no newline", 10, &(char *){0}), MGW_E_MALFORMED);
	cr_assert_eq(checkpoint_note_sign(k, "tab\there\n", 9, &(char *){0}), MGW_E_MALFORMED);

	/* Envelopes broken around a good checkpoint. */
	char *good = sign_cp(k, "marac.example/audit", 150);
	size_t n = strlen(good);
	char buf[2048];
	const char *sig = strstr(good, "\n\n") + 2;
	size_t body_len = (size_t)(sig - good) - 1;

	memcpy(buf, good, n - 1); /* no final newline */
	buf[n - 1] = '\0';
	cr_assert_eq(verify(buf, LOG_VKEY), MGW_E_MALFORMED, "no final newline");

	snprintf(buf, sizeof buf, "%.*s%s", (int)body_len, good, sig); /* no blank line */
	cr_assert_eq(verify(buf, LOG_VKEY), MGW_E_MALFORMED, "no blank line");

	snprintf(buf, sizeof buf, "%.*s\n\n%s", (int)body_len, good, sig); /* two blank lines */
	cr_assert_eq(verify(buf, LOG_VKEY), MGW_E_MALFORMED, "two blank lines");

	snprintf(buf, sizeof buf, "%.*s\n-%s", (int)body_len, good, sig + 3); /* hyphen, not em dash */
	cr_assert_eq(verify(buf, LOG_VKEY), MGW_E_MALFORMED, "hyphen");

	snprintf(buf, sizeof buf, "%s", good); /* CR before the newline */
	buf[n - 1] = '\r';
	strcat(buf, "\n");
	cr_assert_eq(verify(buf, LOG_VKEY), MGW_E_MALFORMED, "CR");

	snprintf(buf, sizeof buf, "%s", good); /* invalid UTF-8 in the origin */
	buf[0] = (char)0xff;
	cr_assert_eq(verify(buf, LOG_VKEY), MGW_E_MALFORMED, "UTF-8");

	snprintf(buf, sizeof buf, "%s\xe2\x80\x94 Log\n", good); /* line without a signature */
	cr_assert_eq(verify(buf, LOG_VKEY), MGW_E_MALFORMED, "no signature");

	snprintf(buf, sizeof buf, "%s\xe2\x80\x94 Lo+g AAAAAAAA\n", good); /* '+' in a name */
	cr_assert_eq(verify(buf, LOG_VKEY), MGW_E_MALFORMED, "plus");

	snprintf(buf, sizeof buf, "%s\xe2\x80\x94 Log AAAA\n", good); /* shorter than an id */
	cr_assert_eq(verify(buf, LOG_VKEY), MGW_E_MALFORMED, "short blob");

	snprintf(buf, sizeof buf, "%s\xe2\x80\x94  AAAAAAAA\n", good); /* empty name */
	cr_assert_eq(verify(buf, LOG_VKEY), MGW_E_MALFORMED, "empty name");

	cr_assert_eq(verify("", LOG_VKEY), MGW_E_MALFORMED, "empty");
	cr_assert_eq(verify("\n\n\n", LOG_VKEY), MGW_E_MALFORMED, "blank");

	/* More signature lines than CHECKPOINT_MAX_SIGS, all of an unknown key. */
	char many[8192];
	size_t off = (size_t)snprintf(many, sizeof many, "%s", good);
	for (unsigned i = 0; i < CHECKPOINT_MAX_SIGS; i++)
		off += (size_t)snprintf(many + off, sizeof many - off, "\xe2\x80\x94 w%u AAAAAAAA\n", i);
	cr_assert_eq(verify(many, LOG_VKEY), MGW_E_MALFORMED, "too many signatures");

	/* Oversized. */
	char *big = malloc(CHECKPOINT_MAX_NOTE + 2);
	memset(big, 'a', CHECKPOINT_MAX_NOTE + 1);
	big[CHECKPOINT_MAX_NOTE + 1] = '\0';
	cr_assert_eq(verify(big, LOG_VKEY), MGW_E_TOO_LARGE);
	free(big);

	/* Bad origins never get signed. */
	char *note;
	cr_assert_eq(checkpoint_sign(k, "", 1, ROOT, &note), MGW_E_INVALID);
	cr_assert_eq(checkpoint_sign(k, "two\nlines", 1, ROOT, &note), MGW_E_INVALID);
	cr_assert_null(note);
	free(good);
	checkpoint_key_free(k);
}

Test(checkpoint, malformed_verifier_keys)
{
	checkpoint_verifier *v;
	static const char *bad[] = {
		"",
		"Log",
		"Log+2271c621",
		"Log+2271c621+",
		"Log+2271C621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs", /* upper-case id */
		"Log+2271c622+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs", /* wrong id */
		"Log+2271c62+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs",  /* short id */
		"Log+2271c621+AumuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs", /* other key: id mismatch */
		"Log+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarv",  /* truncated */
		"Log+2271c621+AgmuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs", /* type 0x02 */
		"L g+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs", /* space in name */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		v = (void *)0x1;
		cr_assert_eq(checkpoint_verifier_new(bad[i], &v), MGW_E_MALFORMED, "vkey %zu", i);
		cr_assert_null(v);
	}
	cr_assert_eq(checkpoint_verifier_new(LOG_VKEY, &v), MGW_OK);
	checkpoint_verifier_free(v);
}

Test(checkpoint, unverified_parse_reads_but_never_trusts)
{
	uint64_t size;
	uint8_t root[32];
	char *origin;
	const char *note = SUMDB_NOTE;
	cr_assert_eq(checkpoint_parse_unverified(note, strlen(note), &origin, &size, root), MGW_OK);
	cr_assert_str_eq(origin, "go.sum database tree");
	cr_assert_eq(size, 6476701);
	free(origin);
	cr_assert_eq(checkpoint_parse_unverified(PN_NOTE, strlen(PN_NOTE), NULL, &size, root),
		     MGW_E_MALFORMED);
}

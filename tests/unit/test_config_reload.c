/*
 * test_config_reload.c: what a reload may change (the key table's
 * reloadable flags), nesting depth, and CRL validation.
 */
#include <criterion/criterion.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "config.h"
#include "mgw_err.h"
#include "mgw_limits.h"

static char dir[PATH_MAX];
static char err[1024];

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	return remove(p);
}

static const char *at(const char *name)
{
	static char p[4][PATH_MAX + 64];
	static int k;
	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
	return p[k];
}

static void put(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	char tmpl[] = "/tmp/mgw-cfgreload-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	cr_assert_not_null(realpath(tmpl, dir));
	const char *files[] = {"server.crt", "server.key", "ca.crt", "ca2.crt"};
	for (size_t i = 0; i < 4; i++)
		put(files[i], "");
	cr_assert_eq(chmod(at("server.key"), 0600), 0); /* the loader refuses others */
}

static void teardown(void)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite(reload, .init = setup, .fini = teardown);

#define BASE(LISTEN, CA, ORIGIN, STATE, LIMITS)                                               \
	"listen:\n  address: " LISTEN "\n  port: 8443\n"                                      \
	"tls:\n  cert: server.crt\n  key: server.key\n  ca: " CA "\n"                         \
	"state_dir: " STATE "\n"                                                              \
	"audit:\n  origin: " ORIGIN "\n"                                                      \
	"limits:\n  max_connections: 64\n" LIMITS                                                                  \
	"nodes:\n  - id: police-1\n    agency: police\n"                                      \
	"    fingerprint: 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n" \
	"    roles: [node]\n    areas: [testshire]\n"

static struct mgw_config *load(const char *name, const char *yaml)
{
	put(name, yaml);
	struct mgw_config *c = NULL;
	cr_assert_eq(config_load(at(name), &c, err, sizeof err), MGW_OK, "%s", err);
	return c;
}

static void expect_refused(const char *yaml, const char *key)
{
	struct mgw_config *a = load("a.yaml", BASE("127.0.0.1", "ca.crt", "o.example/audit", "state",
						   "  max_in_flight: 8\n"));
	struct mgw_config *b = load("b.yaml", yaml);
	err[0] = 0;
	cr_assert_eq(config_reload_check(a, b, err, sizeof err), MGW_E_INVALID, "%s", key);
	cr_assert(strstr(err, key), "want \"%s\" in \"%s\"", key, err);
	cr_assert(strstr(err, "restart"), "%s", err);
	config_free(a);
	config_free(b);
}

Test(reload, reloadable_keys_pass_and_restart_keys_are_refused_by_name)
{
	struct mgw_config *a = load("a.yaml", BASE("127.0.0.1", "ca.crt", "o.example/audit", "state",
						   "  max_in_flight: 8\n"));
	struct mgw_config *b = load("b.yaml", BASE("127.0.0.1", "ca.crt", "o.example/audit", "state",
						   "  max_in_flight: 64\n  delivery_retention_secs: 0\n"));
	cr_assert_eq(config_reload_check(a, b, err, sizeof err), MGW_OK, "%s", err);
	cr_assert_eq(b->max_in_flight, 64);
	cr_assert_eq(b->delivery_retention_secs, 0);
	cr_assert_eq(a->delivery_retention_secs, MGW_DELIVERY_RETENTION_SECS_DEFAULT);
	config_free(a);
	config_free(b);
	expect_refused(BASE("127.0.0.2", "ca.crt", "o.example/audit", "state", ""),
		       "listen.address");
	expect_refused(BASE("127.0.0.1", "ca2.crt", "o.example/audit", "state", ""), "tls.ca");
	expect_refused(BASE("127.0.0.1", "ca.crt", "other.example/audit", "state", ""),
		       "audit.origin");
	expect_refused(BASE("127.0.0.1", "ca.crt", "o.example/audit", "state2", ""), "state_dir");
}

Test(reload, the_table_says_which_keys_reload)
{
	cr_assert_eq(config_key_reloadable("limits.max_in_flight"), 1);
	cr_assert_eq(config_key_reloadable("tls.crl"), 1);
	cr_assert_eq(config_key_reloadable("policy"), 1);
	cr_assert_eq(config_key_reloadable("nodes"), 1);
	cr_assert_eq(config_key_reloadable("listen.port"), 0);
	cr_assert_eq(config_key_reloadable("tls.ca"), 0);
	cr_assert_eq(config_key_reloadable("state_dir"), 0);
	cr_assert_eq(config_key_reloadable("audit.origin"), 0);
	cr_assert_eq(config_key_reloadable("limits.nonsense"), -1);
}

Test(reload, a_100000_deep_file_is_refused_fast_with_its_line)
{
	enum { D = 100000 };
	char *y = malloc(2 * D + 64);
	char *p = y;
	p += sprintf(p, "state_dir: s\nlisten: ");
	memset(p, '[', D);
	p += D;
	memset(p, ']', D);
	p += D;
	strcpy(p, "\n");
	put("deep.yaml", y);
	free(y);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct mgw_config *c = NULL;
	int rc = config_load(at("deep.yaml"), &c, err, sizeof err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_assert_eq(rc, MGW_E_INVALID);
	cr_assert_null(c);
	char want[PATH_MAX + 96];
	snprintf(want, sizeof want, "%s:2: nested deeper than", at("deep.yaml"));
	cr_assert_eq(strncmp(err, want, strlen(want)), 0, "%s", err);
	cr_assert_lt(secs, 0.5, "refusing took %.3f s", secs);
	/* Block style too. */
	char block[4096] = "";
	for (int i = 0; i < 40; i++) {
		for (int k = 0; k < i; k++)
			strcat(block, " ");
		strcat(block, "k:\n");
	}
	put("deep2.yaml", block);
	cr_assert_eq(config_load(at("deep2.yaml"), &c, err, sizeof err), MGW_E_INVALID);
	cr_assert(strstr(err, ":17: nested deeper than 16 levels"), "%s", err);
}

/* ---- CRLs made with OpenSSL: a CA, its CRL, an expired one, another CA's. ---- */

static EVP_PKEY *ec_key(void)
{
	EVP_PKEY *k = EVP_EC_gen("P-256");
	cr_assert_not_null(k);
	return k;
}

static X509 *make_ca(EVP_PKEY *k, const char *cn, const char *file)
{
	X509 *x = X509_new();
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), -3600);
	X509_gmtime_adj(X509_getm_notAfter(x), 86400 * 30);
	X509_NAME *n = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1, 0);
	X509_set_issuer_name(x, n);
	X509_set_pubkey(x, k);
	cr_assert(X509_sign(x, k, EVP_sha256()) > 0);
	FILE *f = fopen(at(file), "w");
	PEM_write_X509(f, x);
	fclose(f);
	return x;
}

static void make_crl(X509 *issuer, EVP_PKEY *signer, long last, long next, const char *file)
{
	X509_CRL *c = X509_CRL_new();
	X509_CRL_set_version(c, 1);
	X509_CRL_set_issuer_name(c, X509_get_subject_name(issuer));
	ASN1_TIME *t = ASN1_TIME_adj(NULL, time(NULL), 0, last);
	X509_CRL_set1_lastUpdate(c, t);
	ASN1_TIME_free(t);
	t = ASN1_TIME_adj(NULL, time(NULL), 0, next);
	X509_CRL_set1_nextUpdate(c, t);
	ASN1_TIME_free(t);
	cr_assert(X509_CRL_sign(c, signer, EVP_sha256()) > 0);
	FILE *f = fopen(at(file), "w");
	PEM_write_X509_CRL(f, c);
	fclose(f);
	X509_CRL_free(c);
}

Test(reload, crl_check_refuses_what_would_lock_every_node_out)
{
	EVP_PKEY *k = ec_key(), *k2 = ec_key(), *fake = ec_key();
	X509 *ca = make_ca(k, "MARAC Test CA", "ca.crt");
	X509 *other = make_ca(k2, "Other CA", "ca2.crt");
	make_crl(ca, k, -3600, 86400, "good.crl");
	make_crl(ca, k, -86400 * 3, -3600, "expired.crl");
	make_crl(other, k2, -3600, 86400, "other.crl");
	make_crl(ca, fake, -3600, 86400, "forged.crl"); /* the CA's name, another key */
	FILE *f = fopen(at("ca.key"), "w");
	PEM_write_PrivateKey(f, k, NULL, NULL, 0, NULL, NULL);
	fclose(f);
	cr_assert_eq(config_crl_check(at("ca.crt"), at("good.crl"), err, sizeof err), MGW_OK, "%s",
		     err);
	cr_assert_eq(config_crl_check(at("ca.crt"), at("expired.crl"), err, sizeof err),
		     MGW_E_INVALID);
	cr_assert(strstr(err, "expired"), "%s", err);
	cr_assert_eq(config_crl_check(at("ca.crt"), at("other.crl"), err, sizeof err),
		     MGW_E_INVALID);
	cr_assert(strstr(err, "another CA"), "%s", err);
	cr_assert_eq(config_crl_check(at("ca.crt"), at("forged.crl"), err, sizeof err),
		     MGW_E_INVALID);
	cr_assert(strstr(err, "signature"), "%s", err);
	cr_assert_eq(config_crl_check(at("ca.crt"), at("ca.key"), err, sizeof err), MGW_E_INVALID);
	cr_assert(strstr(err, "not a certificate revocation list"), "%s", err);
	cr_assert_eq(config_crl_check(at("ca.crt"), "/dev/zero", err, sizeof err), MGW_E_INVALID);
	cr_assert_eq(config_crl_check(at("ca.crt"), at("missing.crl"), err, sizeof err), MGW_E_IO);
	/* tls.ca as a bundle: the issuer may be any certificate of it */
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "cat '%s' '%s' > '%s'", at("ca2.crt"), at("ca.crt"),
		 at("bundle.crt"));
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(config_crl_check(at("bundle.crt"), at("good.crl"), err, sizeof err), MGW_OK,
		     "%s", err);
	cr_assert_eq(config_crl_check(at("bundle.crt"), at("forged.crl"), err, sizeof err),
		     MGW_E_INVALID);
	/* Through a whole config, as --check-config and a reload use it. */
	struct mgw_config *c = load("c.yaml", BASE("127.0.0.1", "ca.crt\n  crl: good.crl",
						   "o.example/audit", "state", ""));
	cr_assert_eq(config_check_files(c, err, sizeof err), MGW_OK, "%s", err);
	config_free(c);
	c = load("d.yaml", BASE("127.0.0.1", "ca.crt\n  crl: expired.crl", "o.example/audit",
				"state", ""));
	cr_assert_eq(config_check_files(c, err, sizeof err), MGW_E_INVALID);
	config_free(c);
	X509_free(ca);
	X509_free(other);
	EVP_PKEY_free(k);
	EVP_PKEY_free(k2);
	EVP_PKEY_free(fake);
}

/* deploy/gateway.yaml documents every key, and names every restart-only one as such. */
Test(reload, the_example_config_documents_every_key_of_the_table)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/deploy/gateway.yaml", MARAC_SOURCE_DIR);
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f);
	static char text[1 << 16];
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = 0;
	/* The header's list of keys that need a restart. */
	const char *list = strstr(text, "These keys need a restart");
	cr_assert_not_null(list);
	const char *list_end = strstr(list, "\n\n");
	char name[64];
	int r;
	size_t keys = 0;
	for (size_t i = 0; (r = config_key_name(i, name, sizeof name)) >= 0; i++, keys++) {
		const char *leaf = strrchr(name, '.') ? strrchr(name, '.') + 1 : name;
		char want[80];
		snprintf(want, sizeof want, "%s:", leaf);
		cr_assert(strstr(text, want), "%s is not documented in deploy/gateway.yaml", name);
		const char *at = strstr(list, name);
		if (r == 0)
			cr_assert(at && at < list_end, "%s needs a restart but the header does not say so",
				  name);
	}
	cr_assert_geq(keys, 25);
}

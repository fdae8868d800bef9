/*
 * config_crl.c: checking a CRL before the daemon uses it (config.h:
 * config_crl_check, config_check_files). A bad CRL installed by a reload
 * refuses every node; one that is not a CRL at all (/dev/zero, a private
 * key) must fail --check-config, not the first handshake.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "mgw_err.h"
#include "mgw_limits.h"

/* One X509 CRL, PEM or DER, from a regular file already checked for size. */
static X509_CRL *read_crl(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	X509_CRL *crl = PEM_read_X509_CRL(f, NULL, NULL, NULL);
	if (crl == NULL) {
		rewind(f);
		crl = d2i_X509_CRL_fp(f, NULL);
	}
	fclose(f);
	return crl;
}

int config_crl_check(const char *ca_path, const char *crl_path, char *err, size_t errlen)
{
	X509_CRL *crl = NULL;
	X509 *ca = NULL;
	EVP_PKEY *pub = NULL;
	FILE *f = NULL;
	int rc = MGW_E_INVALID;
	struct stat st;
	if (stat(crl_path, &st) != 0) {
		snprintf(err, errlen, "tls.crl \"%s\": %s", crl_path, strerror(errno));
		rc = MGW_E_IO;
		goto fail;
	}
	/* /dev/zero must not be read for ever: regular files of a bounded size only. */
	if (!S_ISREG(st.st_mode) || st.st_size > (off_t)MGW_CRL_MAX_BYTES) {
		snprintf(err, errlen, "tls.crl \"%s\": not a regular file of at most %u bytes",
			 crl_path, MGW_CRL_MAX_BYTES);
		goto fail;
	}
	if ((crl = read_crl(crl_path)) == NULL) {
		snprintf(err, errlen, "tls.crl \"%s\": not a certificate revocation list (PEM or "
				      "DER X509 CRL)", crl_path);
		goto fail;
	}
	if ((f = fopen(ca_path, "rb")) == NULL) {
		snprintf(err, errlen, "tls.ca \"%s\": %s", ca_path, strerror(errno));
		rc = MGW_E_IO;
		goto fail;
	}
	/* tls.ca may be a bundle: the CRL must be issued and signed by one of
	 * its certificates (name and key) */
	int issuer = 0, any = 0, verified = 0;
	while (!verified && (ca = PEM_read_X509(f, NULL, NULL, NULL)) != NULL) {
		any = 1;
		if (X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(ca)) == 0) {
			issuer = 1;
			pub = X509_get_pubkey(ca);
			verified = pub && X509_CRL_verify(crl, pub) == 1;
			EVP_PKEY_free(pub);
			pub = NULL;
		}
		X509_free(ca);
		ca = NULL;
	}
	ERR_clear_error(); /* the end of the PEM bundle */
	if (!any) {
		snprintf(err, errlen, "tls.ca \"%s\": not a PEM certificate", ca_path);
		goto fail;
	}
	if (!issuer) {
		snprintf(err, errlen, "tls.crl \"%s\" was issued by another CA than tls.ca", crl_path);
		goto fail;
	}
	if (!verified) {
		snprintf(err, errlen, "tls.crl \"%s\": its signature does not verify with the key of "
				      "tls.ca \"%s\"", crl_path, ca_path);
		goto fail;
	}
	const ASN1_TIME *next = X509_CRL_get0_nextUpdate(crl);
	if (next == NULL) {
		snprintf(err, errlen, "tls.crl \"%s\" has no nextUpdate", crl_path);
		goto fail;
	}
	if (X509_cmp_current_time(next) <= 0) {
		snprintf(err, errlen, "tls.crl \"%s\" expired (nextUpdate passed): every node would be "
				      "refused; issue a new CRL", crl_path);
		goto fail;
	}
	const ASN1_TIME *last = X509_CRL_get0_lastUpdate(crl);
	if (last && X509_cmp_current_time(last) > 0) {
		snprintf(err, errlen, "tls.crl \"%s\" is not valid yet (lastUpdate in the future)",
			 crl_path);
		goto fail;
	}
	rc = MGW_OK;
fail:
	if (f)
		fclose(f);
	EVP_PKEY_free(pub);
	X509_free(ca);
	X509_CRL_free(crl);
	return rc;
}

int config_check_files(const struct mgw_config *c, char *err, size_t errlen)
{
	if (c->tls_crl == NULL)
		return MGW_OK;
	return config_crl_check(c->tls_ca, c->tls_crl, err, errlen);
}

/* ---- node certificates (config.h: config_cert_read, config_node_cert_state) ---- */

/* ASN1_TIME as Unix seconds. */
static int asn1_unix(const ASN1_TIME *t, long long *out)
{
	struct tm tm;
	if (t == NULL || ASN1_TIME_to_tm(t, &tm) != 1)
		return -1;
	*out = (long long)timegm(&tm);
	return 0;
}

int config_cert_read(const char *path, char fp[65], char *subject, size_t subjlen,
		     char serial[84], long long *not_before, long long *not_after, char *err,
		     size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		snprintf(err, errlen, "cert \"%s\": %s", path, strerror(errno));
		return MGW_E_IO;
	}
	X509 *x = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	ERR_clear_error();
	int rc = MGW_E_INVALID;
	BIGNUM *bn = NULL;
	char *hex = NULL;
	unsigned char md[32];
	unsigned int mdlen = 0;
	if (x == NULL) {
		snprintf(err, errlen, "cert \"%s\": not a PEM certificate", path);
		return MGW_E_INVALID;
	}
	if (X509_digest(x, EVP_sha256(), md, &mdlen) != 1 || mdlen != 32 ||
	    asn1_unix(X509_get0_notBefore(x), not_before) != 0 ||
	    asn1_unix(X509_get0_notAfter(x), not_after) != 0 ||
	    (bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), NULL)) == NULL ||
	    (hex = BN_bn2hex(bn)) == NULL || strlen(hex) >= 84) {
		snprintf(err, errlen, "cert \"%s\": unreadable certificate fields", path);
		goto out;
	}
	for (unsigned i = 0; i < 32; i++)
		snprintf(fp + 2 * i, 3, "%02x", md[i]);
	snprintf(serial, 84, "%s", hex);
	X509_NAME_oneline(X509_get_subject_name(x), subject, (int)subjlen);
	rc = MGW_OK;
out:
	OPENSSL_free(hex);
	BN_free(bn);
	X509_free(x);
	return rc;
}

int config_node_cert_state(const struct mgw_node *n, const void *crl, long long now)
{
	if (n == NULL || n->cert_serial[0] == '\0')
		return NODE_CERT_UNKNOWN;
	if (now < n->cert_not_before || now > n->cert_not_after)
		return NODE_CERT_EXPIRED;
	if (crl == NULL)
		return NODE_CERT_VALID;
	BIGNUM *bn = NULL;
	ASN1_INTEGER *ser = NULL;
	X509_REVOKED *rev = NULL;
	int state = NODE_CERT_VALID;
	/* A serial that does not convert is treated as revoked: fail closed. */
	if (BN_hex2bn(&bn, n->cert_serial) == 0 || (ser = BN_to_ASN1_INTEGER(bn, NULL)) == NULL ||
	    X509_CRL_get0_by_serial((X509_CRL *)crl, &rev, ser) == 1)
		state = NODE_CERT_REVOKED;
	ASN1_INTEGER_free(ser);
	BN_free(bn);
	return state;
}

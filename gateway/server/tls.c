/*
 * tls.c: the gateway's TLS policy and the peer's identity.
 *
 * Fail closed on identity (STYLE.md 2):
 *  - TLS 1.3 only; no session tickets and no session cache, because a
 *    resumed session skips the client-certificate and CRL checks.
 *  - The verify store holds the MARAC CA and, when configured, its CRL with
 *    X509_V_FLAG_CRL_CHECK; lws calls tls_verify_cb for every chain element
 *    and we reject whenever OpenSSL's preverify_ok is 0 (lws would otherwise
 *    accept a certificate from an unknown CA). Each rejection is audited with
 *    the certificate's fingerprint and a reason code.
 *  - Every issuer in the client's chain must come from tls.ca itself: an
 *    intermediate the client sends is refused (cert_intermediate), however
 *    it chains to the CA.
 *  - After the handshake the identity is re-read: verify result must be
 *    X509_V_OK, and the subject must have no embedded NUL.
 *  - The verify store (CA + CRL) belongs to an epoch (epoch.h): SIGHUP
 *    builds a new one, checks the CRL (signed by the CA, current) and, with
 *    the rest of the epoch, swaps it into the live SSL_CTX; the caller then
 *    disconnects sessions whose certificate is now revoked.
 *  - Refusals before authentication are aggregated (refuse_preauth).
 */
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"

/* A CRL file is read whole, up to this size (a device or a log is not a CRL). */
#define CRL_FILE_MAX (16u << 20)

static X509_CRL *load_crl(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		snprintf(err, errlen, "%s: cannot open CRL", path);
		return NULL;
	}
	char *buf = malloc(CRL_FILE_MAX);
	size_t n = buf ? fread(buf, 1, CRL_FILE_MAX, f) : 0;
	int too_big = buf && n == CRL_FILE_MAX;
	fclose(f);
	X509_CRL *crl = NULL;
	if (buf && !too_big) {
		BIO *b = BIO_new_mem_buf(buf, (int)n);
		crl = b ? PEM_read_bio_X509_CRL(b, NULL, NULL, NULL) : NULL;
		BIO_free(b);
	}
	free(buf);
	if (crl == NULL)
		snprintf(err, errlen, "%s: not a PEM CRL%s", path, too_big ? " (too large)" : "");
	return crl;
}

int tls_build_store(const struct mgw_config *c, X509_STORE **out, X509_CRL **crl_out, char *err,
		    size_t errlen)
{
	X509_STORE *st = X509_STORE_new();
	X509_CRL *crl = NULL;
	*out = NULL;
	*crl_out = NULL;
	if (st == NULL)
		goto fail;
	if (X509_STORE_load_file(st, c->tls_ca) != 1) {
		snprintf(err, errlen, "%s: cannot load CA certificates", c->tls_ca);
		goto fail;
	}
	if (c->tls_crl) {
		/* A CRL is usable only if one of the CA certificates issued and
		 * signed it and it is current (config_crl_check, as --check-config
		 * runs it): an expired or foreign CRL would make every handshake
		 * fail, locking every node out, so it is refused and the one in
		 * force stays. */
		if (config_crl_check(c->tls_ca, c->tls_crl, err, errlen) != MGW_OK)
			goto fail;
		crl = load_crl(c->tls_crl, err, errlen);
		if (crl == NULL)
			goto fail;
		if (X509_STORE_add_crl(st, crl) != 1) {
			snprintf(err, errlen, "%s: cannot add CRL", c->tls_crl);
			goto fail;
		}
		X509_STORE_set_flags(st, X509_V_FLAG_CRL_CHECK);
	}
	*out = st;
	*crl_out = crl;
	return MGW_OK;
fail:
	X509_CRL_free(crl);
	X509_STORE_free(st);
	return MGW_E_INVALID;
}

/*
 * A client that sends no certificate never reaches the verify callback:
 * OpenSSL ends the handshake with a certificate_required alert (TLS 1.3,
 * 116) or handshake_failure. Catch the alert we send so it is audited too.
 */
static void info_cb(const SSL *ssl, int where, int ret)
{
	if (!(where & SSL_CB_ALERT) || !(where & SSL_CB_WRITE))
		return;
	int desc = ret & 0xff;
	if (desc != 116 /* certificate_required */ && desc != SSL_AD_HANDSHAKE_FAILURE)
		return;
	X509 *peer = SSL_get0_peer_certificate(ssl);
	if (peer != NULL)
		return; /* a certificate was sent: the verify callback audited it */
	refuse_preauth(&G, "cert_missing", NULL);
}

int tls_harden_server_ctx(struct gw *g, SSL_CTX *ctx, char *err, size_t errlen)
{
	SSL_CTX_set_info_callback(ctx, info_cb);
	g->ssl_ctx = ctx;
	if (SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION) != 1) {
		snprintf(err, errlen, "cannot require TLS 1.3");
		return MGW_E_INVALID;
	}
	SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET | SSL_OP_NO_RENEGOTIATION);
	SSL_CTX_set_num_tickets(ctx, 0);
	SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
	SSL_CTX_set_verify_depth(ctx, 4);
	/* The verify store of the epoch in force (start-up epoch). */
	if (g->epoch == NULL || g->epoch->verify == NULL) {
		snprintf(err, errlen, "cannot install the CA and CRL");
		return MGW_E_INVALID;
	}
	SSL_CTX_set1_cert_store(ctx, g->epoch->verify);
	return MGW_OK;
}

static const char *verify_reason(int e)
{
	switch (e) {
	case X509_V_ERR_CERT_REVOKED:
		return "cert_revoked";
	case X509_V_ERR_CERT_HAS_EXPIRED:
		return "cert_expired";
	case X509_V_ERR_CERT_NOT_YET_VALID:
		return "cert_not_yet_valid";
	case X509_V_ERR_UNABLE_TO_GET_CRL:
	case X509_V_ERR_CRL_HAS_EXPIRED:
	case X509_V_ERR_CRL_NOT_YET_VALID:
		return "crl_unusable";
	case X509_V_ERR_CERT_SIGNATURE_FAILURE:
		return "cert_bad_signature";
	case X509_V_ERR_CERT_CHAIN_TOO_LONG:
		return "cert_intermediate"; /* tls_verify_cb: an issuer not in tls.ca */
	default:
		return "cert_untrusted";
	}
}

/*
 * lws: user = X509_STORE_CTX*, in = SSL*, len = preverify_ok.
 * Non-zero return rejects. lws's context and wsi are NULL here.
 */
/*
 * 1 if cert is one of the verify store's own certificates (tls.ca), not
 * one the peer sent. Lookup by subject, then an exact comparison.
 */
static int in_store(X509_STORE_CTX *x509_ctx, X509 *cert)
{
	STACK_OF(X509) *c = X509_STORE_CTX_get1_certs(x509_ctx, X509_get_subject_name(cert));
	int found = 0;
	for (int i = 0; c && i < sk_X509_num(c) && !found; i++)
		found = X509_cmp(sk_X509_value(c, i), cert) == 0;
	sk_X509_pop_free(c, X509_free);
	return found;
}

int tls_verify_cb(int preverify_ok, X509_STORE_CTX *x509_ctx)
{
	int e;
	if (preverify_ok) {
		/*
		 * r-redteam4: every issuer above the client's certificate must be
		 * one of tls.ca's, not one the client sent: a sub-CA the MARAC CA
		 * once signed (an agency's own, say) could otherwise mint any
		 * subject, and a node registered by subject: would be whoever it
		 * says (without a CRL such a chain was accepted; with one it
		 * failed only for want of the sub-CA's CRL).
		 */
		X509 *cur = X509_STORE_CTX_get_current_cert(x509_ctx);
		if (X509_STORE_CTX_get_error_depth(x509_ctx) == 0 || cur == NULL ||
		    in_store(x509_ctx, cur))
			return 0;
		e = X509_V_ERR_CERT_CHAIN_TOO_LONG; /* reported as cert_intermediate */
	} else {
		e = X509_STORE_CTX_get_error(x509_ctx);
	}
	X509 *leaf = X509_STORE_CTX_get0_cert(x509_ctx);
	uint8_t md[32];
	unsigned n = 0;
	int have = leaf && X509_digest(leaf, EVP_sha256(), md, &n) == 1 && n == 32;
	char hex[65] = "";
	if (have)
		gw_hex(md, 32, hex);
	const char *reason = verify_reason(e);
	log_event(LOG_DEBUG, "x509_error", "reason", reason, "cert_sha256", hex, "detail",
		  X509_verify_cert_error_string(e), NULL);
	refuse_preauth(&G, reason, have ? md : NULL);
	return 1;
}

int tls_peer_identity(struct lws *wsi, uint8_t sha256[32], char hex[65], char *subject,
		      size_t subject_len)
{
	SSL *ssl = lws_get_ssl(wsi);
	if (ssl == NULL || SSL_get_verify_result(ssl) != X509_V_OK)
		return MGW_E_INVALID;
	X509 *c = SSL_get1_peer_certificate(ssl);
	if (c == NULL)
		return MGW_E_INVALID;
	int rc = MGW_E_INVALID;
	unsigned n = 0;
	if (X509_digest(c, EVP_sha256(), sha256, &n) != 1 || n != 32)
		goto out;
	gw_hex(sha256, 32, hex);
	X509_NAME *nm = X509_get_subject_name(c);
	for (int i = 0; i < X509_NAME_entry_count(nm); i++) {
		ASN1_STRING *v = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(nm, i));
		const unsigned char *d = ASN1_STRING_get0_data(v);
		if (memchr(d, 0, (size_t)ASN1_STRING_length(v)) != NULL)
			goto out; /* embedded NUL: a subject spoofing attempt */
	}
	if (X509_NAME_oneline(nm, subject, (int)subject_len) == NULL)
		goto out;
	rc = MGW_OK;
out:
	X509_free(c);
	return rc;
}

/*
 * The peer certificate's notAfter (Unix seconds; 0 if none or unreadable).
 * The chain is verified once, at the handshake; a WebSocket session lives
 * for days, so the session keeps this and session_tick ends it when the
 * certificate expires, as a new connection would be refused.
 */
int64_t tls_peer_not_after(struct lws *wsi)
{
	SSL *ssl = lws_get_ssl(wsi);
	X509 *c = ssl ? SSL_get1_peer_certificate(ssl) : NULL;
	if (c == NULL)
		return 0;
	struct tm tm;
	int64_t t = 0;
	if (ASN1_TIME_to_tm(X509_get0_notAfter(c), &tm) == 1)
		t = (int64_t)timegm(&tm);
	X509_free(c);
	return t > 0 ? t : 0;
}

/* 1 if the peer certificate of wsi is on e's CRL (after a reload). */
int tls_session_revoked(const struct epoch *e, struct lws *wsi)
{
	SSL *ssl = lws_get_ssl(wsi);
	if (ssl == NULL || e->crl == NULL)
		return 0;
	X509 *c = SSL_get1_peer_certificate(ssl);
	if (c == NULL)
		return 1;
	X509_REVOKED *rev = NULL;
	int revoked = X509_CRL_get0_by_cert(e->crl, &rev, c) == 1;
	X509_free(c);
	return revoked;
}

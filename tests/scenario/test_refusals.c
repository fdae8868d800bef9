/*
 * One test per refusal reason (STYLE.md 12): each is refused with the right
 * error or close code, audited with a reason code, and the gateway goes on
 * serving a well-behaved node afterwards.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "mgw_err.h"

static struct gwp G;

static void teardown(void)
{
	gw_teardown(&G);
}

TestSuite(refusal, .fini = teardown, .timeout = 120);

/* A well-behaved node can still share after whatever happened before. */
static void still_serving(void)
{
	char fixture[600];
	snprintf(fixture, sizeof fixture, "%s/tests/fixtures/case_basic.json", MARAC_SOURCE_DIR);
	char out[4096];
	const char *args[] = {"send", "--to", "health", "--msg-id", "still-serving", fixture, NULL};
	int rc = cli_run(&G, "police", out, sizeof out, args);
	cr_assert_eq(rc, 0, "gateway stopped serving: marac send exited %d: %s", rc, out);
	cr_assert(strstr(out, "shareAccepted") != NULL, "%s", out);
}

static void refused_at_tls(const char *cert, const char *reason)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *c = NULL;
	int rc = node_rc(&G, cert, &c, err, sizeof err);
	cr_assert_eq(rc, MGW_E_REFUSED, "%s: expected refusal, got %d (%s)", cert, rc, err);
	cr_assert_null(c);
	still_serving();
	if (reason) {
		int n = audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED, reason, 1);
		cr_assert_geq(n, 1, "no CONNECTION_REFUSED/%s audit record", reason);
	}
}

Test(refusal, no_client_certificate) { refused_at_tls("", "cert_missing"); }
Test(refusal, foreign_ca) { refused_at_tls("foreign", "cert_untrusted"); }
Test(refusal, same_subject_fake_ca) { refused_at_tls("fake", NULL); }
Test(refusal, revoked) { refused_at_tls("revoked", "cert_revoked"); }
Test(refusal, expired) { refused_at_tls("expired", "cert_expired"); }
Test(refusal, unregistered) { refused_at_tls("unregistered", "cert_unregistered"); }

Test(refusal, fake_ca_is_audited_as_untrusted_or_bad_signature)
{
	gw_start(&G, NULL);
	char err[512];
	mgw_client *c = NULL;
	cr_assert_eq(node_rc(&G, "fake", &c, err, sizeof err), MGW_E_REFUSED);
	int n = 0;
	for (int i = 0; i < 100 && n == 0; i++) {
		n = audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED, "cert_untrusted") +
		    audit_count(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_CONNECTION_REFUSED, "cert_bad_signature");
		usleep(50000);
	}
	cr_assert_geq(n, 1);
}

static mgw_client *raw_node(const char *name, int skip_hello)
{
	char crt[64], key[64], err[512];
	snprintf(crt, sizeof crt, "%s.crt", name);
	snprintf(key, sizeof key, "%s.key", name);
	struct mgw_client_opts o = {
		.url = G.url, .cert = pki_file(crt), .key = pki_file(key),
		.ca = pki_file("ca.crt"), .timeout_ms = 10000, .skip_hello = skip_hello,
	};
	mgw_client *c = NULL;
	cr_assert_eq(mgw_client_connect(&o, &c, err, sizeof err), MGW_OK, "%s", err);
	return c;
}

Test(refusal, oversize_frame_closes_1009)
{
	gw_start(&G, "limits:\n  max_frame_bytes: 8192\n");
	mgw_client *c = raw_node("police", 0);
	cr_assert_eq(mgw_client_welcome(c)->max_frame_bytes, 8192);
	size_t n = 64 * 1024;
	unsigned char *big = calloc(1, n);
	mgw_client_send_raw(c, big, n, 1);
	free(big);
	Marac__V1__Frame *f = NULL;
	int rc;
	while ((rc = mgw_client_recv(c, 10000, &f)) == MGW_OK) {
		if (f->body_case == MARAC__V1__FRAME__BODY_ERROR)
			cr_assert_eq(f->error->code, MARAC__V1__ERROR_CODE__ERROR_CODE_FRAME_TOO_LARGE);
		codec_free(&f->base);
	}
	cr_assert_eq(rc, MGW_E_CLOSED);
	cr_assert_eq(mgw_client_close_status(c), 1009);
	mgw_client_free(c);
	still_serving();
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				 "frame_too_large", 1), 1);
}

Test(refusal, malformed_protobuf_gets_error_and_1007)
{
	gw_start(&G, NULL);
	mgw_client *c = raw_node("police", 0);
	const unsigned char junk[] = {0x1a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02};
	mgw_client_send_raw(c, junk, sizeof junk, 1);
	Marac__V1__Frame *f = NULL;
	cr_assert_eq(mgw_client_recv(c, 10000, &f), MGW_OK);
	cr_assert_eq(f->body_case, MARAC__V1__FRAME__BODY_ERROR);
	cr_assert_eq(f->error->code, MARAC__V1__ERROR_CODE__ERROR_CODE_MALFORMED_FRAME);
	codec_free(&f->base);
	cr_assert_eq(mgw_client_recv(c, 10000, &f), MGW_E_CLOSED);
	cr_assert_eq(mgw_client_close_status(c), 1007);
	mgw_client_free(c);
	still_serving();
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				 "malformed_frame", 1), 1);
}

Test(refusal, invalid_utf8_is_malformed)
{
	gw_start(&G, NULL);
	mgw_client *c = raw_node("police", 0);
	Marac__V1__CaseSummary cs = MARAC__V1__CASE_SUMMARY__INIT;
	cs.case_ref = "MARAC-TS-0601";
	cs.marac_area = "testshire";
	cs.narrative = "bad \xff\xfe bytes";
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__Share sh;
	make_share(&sh, "m-utf8", to, 1, &cs);
	Marac__V1__Frame *acc = NULL;
	cr_assert_eq(mgw_client_share(c, &sh, 10000, &acc), MGW_E_REFUSED);
	cr_assert_eq(mgw_client_last_error(c)->code, MARAC__V1__ERROR_CODE__ERROR_CODE_MALFORMED_FRAME);
	mgw_client_free(c);
	cr_assert_eq(audit_wait(&G, MARAC__V1__AUDIT_EVENT__AUDIT_EVENT_REQUEST_REFUSED,
				 "invalid_utf8", 1), 1);
}

Test(refusal, share_before_hello)
{
	gw_start(&G, NULL);
	mgw_client *c = raw_node("police", 1);
	Marac__V1__CaseSummary *cs = synthetic_case("MARAC-TS-0701", "testshire");
	Marac__V1__Agency to[] = {MARAC__V1__AGENCY__AGENCY_HEALTH};
	Marac__V1__Share sh;
	make_share(&sh, "m-nohello", to, 1, cs);
	Marac__V1__Frame *acc = NULL;
	cr_assert_eq(mgw_client_share(c, &sh, 10000, &acc), MGW_E_REFUSED);
	cr_assert_eq(mgw_client_last_error(c)->code, MARAC__V1__ERROR_CODE__ERROR_CODE_UNEXPECTED_FRAME);
	codec_free(&cs->base);
	Marac__V1__Frame *f;
	cr_assert_eq(mgw_client_recv(c, 10000, &f), MGW_E_CLOSED);
	cr_assert_eq(mgw_client_close_status(c), 1008);
	mgw_client_free(c);
}

Test(refusal, text_frame_closes_1003)
{
	gw_start(&G, NULL);
	mgw_client *c = raw_node("police", 0);
	mgw_client_send_raw(c, "{\"share\":{}}", 12, 0);
	Marac__V1__Frame *f = NULL;
	int rc;
	while ((rc = mgw_client_recv(c, 10000, &f)) == MGW_OK)
		codec_free(&f->base);
	cr_assert_eq(rc, MGW_E_CLOSED);
	cr_assert_eq(mgw_client_close_status(c), 1003);
	mgw_client_free(c);
}

/*
 * test_config.c: gateway.yaml loading (gateway/config/config.c).
 *
 * Each test works in its own mkdtemp directory under /tmp holding empty
 * server.crt, server.key, ca.crt, ca.crl and policy.yaml (config_load only
 * checks they are readable) and the YAML under test, written to a mkstemps
 * file. Every error case checks the exact "FILE:LINE: " prefix and that the
 * offending text is quoted.
 */
#include <criterion/criterion.h>
#include <errno.h>
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

#include "agenda.h"
#include "config.h"
#include "marac/v1/case.pb-c.h"
#include "mgw_err.h"
#include "mgw_limits.h"

static char dir[PATH_MAX];
static char cfgpath[PATH_MAX + 32];
static char err[1024];

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	return remove(p);
}

static void touch(const char *name)
{
	char p[PATH_MAX + 32];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f, "%s: %s", p, strerror(errno));
	fclose(f);
}

static void setup(void)
{
	char tmpl[] = "/tmp/mgw-cfgtest-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	/* Compare against resolved paths: /tmp may be a symlink. */
	cr_assert_not_null(realpath(tmpl, dir));
	const char *files[] = {"server.crt", "server.key", "ca.crt", "ca.crl", "policy.yaml"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		touch(files[i]);
	char key[PATH_MAX + 32];
	snprintf(key, sizeof key, "%s/server.key", dir);
	cr_assert_eq(chmod(key, 0600), 0); /* a private key: the loader refuses others */
	cfgpath[0] = 0;
}

static void teardown(void)
{
	if (dir[0])
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite(config, .init = setup, .fini = teardown);

/* Writes yaml (len bytes) to a fresh file in dir; sets cfgpath. */
static const char *write_yaml_n(const char *yaml, size_t len)
{
	snprintf(cfgpath, sizeof cfgpath, "%s/gw-XXXXXX.yaml", dir);
	int fd = mkstemps(cfgpath, 5);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, yaml, len), (ssize_t)len);
	close(fd);
	return cfgpath;
}

static const char *write_yaml(const char *yaml)
{
	return write_yaml_n(yaml, strlen(yaml));
}

static int load(const char *yaml, struct mgw_config **c)
{
	write_yaml(yaml);
	err[0] = 0;
	return config_load(cfgpath, c, err, sizeof err);
}

/* The load fails with MGW_E_INVALID, at "cfgpath:line: ", quoting what. */
static void expect_err(const char *yaml, int line, const char *what)
{
	struct mgw_config *c = (struct mgw_config *)1;
	int rc = load(yaml, &c);
	cr_assert_eq(rc, MGW_E_INVALID, "rc %d, err \"%s\"", rc, err);
	cr_assert_null(c);
	char prefix[sizeof cfgpath + 32];
	snprintf(prefix, sizeof prefix, "%s:%d: ", cfgpath, line);
	cr_assert_eq(strncmp(err, prefix, strlen(prefix)), 0, "want \"%s...\", got \"%s\"", prefix,
		     err);
	cr_assert_not_null(strstr(err, what), "want \"%s\" in \"%s\"", what, err);
	for (const char *p = err; *p; p++)
		cr_assert((unsigned char)*p >= 0x20 && *p != 0x7f, "control character in \"%s\"", err);
}

#define FP1_COLON "sha256:00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:" \
		  "10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F"
#define FP1_HEX "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define FP2_HEX "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"

/* Ten lines: "nodes:" of a test is line 11. */
#define HEAD                          \
	"listen:\n"                   \
	"  address: 127.0.0.1\n"      \
	"  port: 0\n"                 \
	"  port_file: run/port\n"     \
	"tls:\n"                      \
	"  cert: server.crt\n"        \
	"  key: server.key\n"         \
	"  ca: ca.crt\n"              \
	"  crl: ca.crl\n"             \
	"state_dir: state\n"

/* Lines 11-21. */
#define NODES                                                              \
	"nodes:\n"                                                         \
	"  - id: police-testshire\n"                                       \
	"    agency: police\n"                                             \
	"    fingerprint: \"" FP1_COLON "\"\n"                             \
	"    roles: [node]\n"                                              \
	"    areas: [testshire, otherton]\n"                               \
	"  - id: health-1\n"                                               \
	"    agency: health\n"                                             \
	"    subject: \"/O=MARAC Dev/OU=health/CN=health.testshire\"\n"    \
	"    roles: [node, chair]\n"                                       \
	"    areas: [testshire]\n"

/* One node at lines 11-16 with a replaceable line: use NODE1(agency, extra). */
#define NODE1(AGENCY, FP, ROLES, AREAS)          \
	"nodes:\n"                               \
	"  - id: police-testshire\n"             \
	"    agency: " AGENCY "\n"               \
	"    fingerprint: \"" FP "\"\n"          \
	"    roles: " ROLES "\n"                 \
	"    areas: " AREAS "\n"

Test(config, valid_loads_with_values)
{
	struct mgw_config *c = NULL;
	int rc = load(HEAD
		      "policy: policy.yaml\n"
		      "metrics: { address: \"::1\", port: 9464 }\n"
		      "limits:\n"
		      "  max_frame_bytes: 65536\n"
		      "  max_in_flight: 8\n"
		      "  delivery_window: 16\n"
		      "  max_connections: 32\n"
		      "  idle_ping_secs: 5\n"
		      "  ping_timeout_secs: 3\n"
		      "  handshake_timeout_secs: 2\n"
		      "audit:\n"
		      "  origin: marac-gateway.example/testshire\n"
		      "  checkpoint_every: 10\n"
		      "  checkpoint_secs: 5\n"
		      "log: {level: debug}\n"
		      "user: marac\n" NODES,
		      &c);
	cr_assert_eq(rc, MGW_OK, "%s", err);
	cr_assert_str_eq(c->path, cfgpath);
	cr_assert_str_eq(c->listen_address, "127.0.0.1");
	cr_assert_eq(c->listen_port, 0);
	cr_assert_str_eq(c->metrics_address, "::1");
	cr_assert_eq(c->metrics_port, 9464);
	cr_assert_eq(c->max_frame_bytes, 65536);
	cr_assert_eq(c->max_in_flight, 8);
	cr_assert_eq(c->delivery_window, 16);
	cr_assert_eq(c->max_connections, 32);
	cr_assert_eq(c->idle_ping_secs, 5);
	cr_assert_eq(c->ping_timeout_secs, 3);
	cr_assert_eq(c->handshake_timeout_secs, 2);
	cr_assert_str_eq(c->audit_origin, "marac-gateway.example/testshire");
	cr_assert_eq(c->checkpoint_every, 10);
	cr_assert_eq(c->checkpoint_secs, 5);
	cr_assert_str_eq(c->log_level, "debug");
	cr_assert_str_eq(c->user, "marac");
	cr_assert_eq(c->n_nodes, 2);
	const struct mgw_node *p = &c->nodes[0], *h = &c->nodes[1];
	cr_assert_str_eq(p->id, "police-testshire");
	cr_assert_eq(p->agency, MARAC__V1__AGENCY__AGENCY_POLICE);
	cr_assert_eq(p->roles, MGW_ROLE_NODE);
	cr_assert_str_eq(p->fingerprint, FP1_HEX);
	cr_assert_null(p->subject);
	cr_assert_eq(p->n_areas, 2);
	cr_assert_str_eq(p->areas[0], "testshire");
	cr_assert_str_eq(p->areas[1], "otherton");
	cr_assert_str_eq(h->id, "health-1");
	cr_assert_eq(h->agency, MARAC__V1__AGENCY__AGENCY_HEALTH);
	cr_assert_eq(h->roles, MGW_ROLE_NODE | MGW_ROLE_CHAIR);
	cr_assert_str_eq(h->fingerprint, "");
	cr_assert_str_eq(h->subject, "/O=MARAC Dev/OU=health/CN=health.testshire");
	config_free(c);
}

Test(config, defaults_from_limits_header)
{
	struct mgw_config *c = NULL;
	int rc = load("tls: {cert: server.crt, key: server.key, ca: ca.crt}\n"
		      "state_dir: /var/lib/marac-gateway\n" NODES,
		      &c);
	cr_assert_eq(rc, MGW_OK, "%s", err);
	cr_assert_str_eq(c->listen_address, "127.0.0.1");
	cr_assert_eq(c->listen_port, 8443);
	cr_assert_null(c->port_file);
	cr_assert_null(c->tls_crl);
	cr_assert_null(c->policy_path);
	cr_assert_null(c->user);
	cr_assert_str_eq(c->metrics_address, "127.0.0.1");
	cr_assert_eq(c->metrics_port, 0);
	cr_assert_eq(c->max_frame_bytes, MGW_MAX_FRAME_BYTES_DEFAULT);
	cr_assert_eq(c->max_in_flight, MGW_MAX_IN_FLIGHT_DEFAULT);
	cr_assert_eq(c->delivery_window, MGW_DELIVERY_WINDOW_DEFAULT);
	cr_assert_eq(c->max_connections, MGW_MAX_CONNECTIONS_DEFAULT);
	cr_assert_eq(c->idle_ping_secs, MGW_IDLE_PING_SECS_DEFAULT);
	cr_assert_eq(c->ping_timeout_secs, MGW_PING_TIMEOUT_SECS_DEFAULT);
	cr_assert_eq(c->handshake_timeout_secs, MGW_HANDSHAKE_TIMEOUT_SECS_DEFAULT);
	cr_assert_eq(c->checkpoint_every, MGW_CHECKPOINT_EVERY_DEFAULT);
	cr_assert_eq(c->checkpoint_secs, MGW_CHECKPOINT_SECS_DEFAULT);
	cr_assert_str_eq(c->audit_origin, "marac-gateway");
	cr_assert_str_eq(c->log_level, "info");
	cr_assert_str_eq(c->state_dir, "/var/lib/marac-gateway");
	config_free(c);
}

Test(config, limits_at_their_bounds_load)
{
	char yaml[2048];
	snprintf(yaml, sizeof yaml,
		 HEAD "limits:\n  max_frame_bytes: %u\n  max_in_flight: %u\n"
		      "  max_connections: %u\n  handshake_timeout_secs: %u\n" NODES,
		 MGW_MAX_FRAME_BYTES_MAX, MGW_MAX_IN_FLIGHT_MIN, MGW_MAX_CONNECTIONS_MAX,
		 MGW_HANDSHAKE_TIMEOUT_SECS_MAX);
	struct mgw_config *c = NULL;
	cr_assert_eq(load(yaml, &c), MGW_OK, "%s", err);
	cr_assert_eq(c->max_frame_bytes, MGW_MAX_FRAME_BYTES_MAX);
	cr_assert_eq(c->max_in_flight, MGW_MAX_IN_FLIGHT_MIN);
	config_free(c);
}

Test(config, relative_paths_resolve_against_the_config_dir)
{
	struct mgw_config *c = NULL;
	char sub[PATH_MAX + 8];
	snprintf(sub, sizeof sub, "%s/sub", dir);
	cr_assert_eq(mkdir(sub, 0700), 0);
	int rc = load(HEAD "policy: ./policy.yaml\n" NODES, &c);
	cr_assert_eq(rc, MGW_OK, "%s", err);
	char want[PATH_MAX + 32];
	snprintf(want, sizeof want, "%s/server.crt", dir);
	cr_assert_str_eq(c->tls_cert, want);
	snprintf(want, sizeof want, "%s/run/port", dir);
	cr_assert_str_eq(c->port_file, want);
	snprintf(want, sizeof want, "%s/state", dir);
	cr_assert_str_eq(c->state_dir, want);
	snprintf(want, sizeof want, "%s/./policy.yaml", dir);
	cr_assert_str_eq(c->policy_path, want);
	config_free(c);

	/* Loaded by a relative path from elsewhere: still absolute, still the config's dir. */
	cr_assert_eq(chdir(sub), 0);
	char rel[PATH_MAX + 32];
	snprintf(rel, sizeof rel, "../%s", strrchr(cfgpath, '/') + 1);
	cr_assert_eq(config_load(rel, &c, err, sizeof err), MGW_OK, "%s", err);
	snprintf(want, sizeof want, "%s/ca.crt", dir);
	cr_assert_str_eq(c->tls_ca, want);
	config_free(c);

	/* Absolute paths are kept as written. */
	char yaml[3 * PATH_MAX + 1024];
	snprintf(yaml, sizeof yaml,
		 "tls:\n  cert: %s/server.crt\n  key: %s/server.key\n  ca: %s/ca.crt\n"
		 "state_dir: /srv/state\n" NODES, dir, dir, dir);
	cr_assert_eq(load(yaml, &c), MGW_OK, "%s", err);
	snprintf(want, sizeof want, "%s/server.key", dir);
	cr_assert_str_eq(c->tls_key, want);
	cr_assert_str_eq(c->state_dir, "/srv/state");
	config_free(c);
}

Test(config, find_node_by_fingerprint_then_subject)
{
	struct mgw_config *c = NULL;
	cr_assert_eq(load(HEAD NODES, &c), MGW_OK, "%s", err);
	const struct mgw_node *p = config_find_node(c, FP1_HEX, NULL);
	cr_assert_not_null(p);
	cr_assert_str_eq(p->id, "police-testshire");
	const struct mgw_node *h =
		config_find_node(c, FP2_HEX, "/O=MARAC Dev/OU=health/CN=health.testshire");
	cr_assert_not_null(h);
	cr_assert_str_eq(h->id, "health-1");
	/* The fingerprint wins over a subject naming another node. */
	cr_assert_eq(config_find_node(c, FP1_HEX, "/O=MARAC Dev/OU=health/CN=health.testshire"), p);
	/* Subjects match only entries registered by subject. */
	cr_assert_null(config_find_node(c, FP2_HEX, "/O=MARAC Dev/OU=police/CN=police.testshire"));
	/* Exact match only: no prefix, no case folding, no normalising of the probe. */
	cr_assert_null(config_find_node(c, NULL, "/O=MARAC Dev/OU=health/CN=health.testshir"));
	cr_assert_null(config_find_node(c, NULL, "/o=marac dev/ou=health/cn=health.testshire"));
	char upper[65];
	for (int i = 0; i < 65; i++)
		upper[i] = (char)(FP1_HEX[i] >= 'a' ? FP1_HEX[i] - 32 : FP1_HEX[i]);
	cr_assert_null(config_find_node(c, upper, NULL));
	cr_assert_null(config_find_node(c, "", NULL));
	cr_assert_null(config_find_node(c, NULL, NULL));
	cr_assert_eq(config_node_by_id(c, "health-1"), h);
	cr_assert_null(config_node_by_id(c, "health"));
	cr_assert(config_node_in_area(p, "otherton"));
	cr_assert(config_node_in_area(p, "testshire"));
	cr_assert_not(config_node_in_area(h, "otherton"));
	cr_assert_not(config_node_in_area(h, "testshir"));
	config_free(c);
}

Test(config, fingerprint_forms_normalise)
{
	const char *forms[] = {
		FP1_HEX,
		"SHA256:" FP1_HEX,
		"000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F",
		"00:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:10:11:12:13:14:15:16:17:18:19:1a:"
		"1b:1c:1d:1e:1f",
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		char yaml[2048];
		snprintf(yaml, sizeof yaml, HEAD NODE1("police", "%s", "[node]", "[testshire]"),
			 forms[i]);
		struct mgw_config *c = NULL;
		cr_assert_eq(load(yaml, &c), MGW_OK, "%s: %s", forms[i], err);
		cr_assert_str_eq(c->nodes[0].fingerprint, FP1_HEX, "%s", forms[i]);
		config_free(c);
	}
}

Test(config, agency_names_and_aliases)
{
	cr_assert_eq(config_agency_from_name("csc"), MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE);
	cr_assert_eq(config_agency_from_name("childrens_social_care"),
		     MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE);
	cr_assert_eq(config_agency_from_name("asc"), MARAC__V1__AGENCY__AGENCY_ADULT_SOCIAL_CARE);
	cr_assert_eq(config_agency_from_name("education"), MARAC__V1__AGENCY__AGENCY_EDUCATION);
	cr_assert_eq(config_agency_from_name("helth"), 0);
	cr_assert_eq(config_agency_from_name("Police"), 0);
	cr_assert_eq(config_agency_from_name(""), 0);
	cr_assert_str_eq(config_agency_name(MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE),
			 "childrens_social_care");
	cr_assert_str_eq(config_agency_name(MARAC__V1__AGENCY__AGENCY_IDVA), "idva");
	cr_assert_str_eq(config_agency_name(0), "unknown");
	cr_assert_str_eq(config_agency_name(99), "unknown");
	/* Every name round-trips. */
	for (int a = 1; a <= 8; a++)
		cr_assert_eq(config_agency_from_name(config_agency_name(a)), a);

	struct mgw_config *c = NULL;
	cr_assert_eq(load(HEAD NODE1("asc", FP1_HEX, "[node]", "[testshire]"), &c), MGW_OK, "%s",
		     err);
	cr_assert_eq(c->nodes[0].agency, MARAC__V1__AGENCY__AGENCY_ADULT_SOCIAL_CARE);
	config_free(c);
}

/* ---- every error names file:line and the offending text ---- */

Test(config, unknown_key_in_limits)
{
	expect_err(HEAD "limits:\n  max_in_flight: 8\n  max_frame_byte: 4096\n" NODES, 13,
		   "unknown key \"max_frame_byte\" in limits");
}

Test(config, unknown_top_level_key)
{
	expect_err(HEAD "listn:\n  port: 1\n" NODES, 11, "unknown key \"listn\"");
}

Test(config, unknown_key_in_a_node)
{
	expect_err(HEAD NODE1("police", FP1_HEX, "[node]", "[testshire]") "    area: [x]\n", 17,
		   "node \"police-testshire\": unknown key \"area\"");
}

Test(config, bad_agency)
{
	expect_err(HEAD NODES "  - id: health-2\n    agency: helth\n", 23,
		   "node \"health-2\": unknown agency \"helth\"");
	/* The node's id is named even when agency comes before id. */
	expect_err(HEAD "nodes:\n  - agency: helth\n    id: h3\n", 12,
		   "node \"h3\": unknown agency \"helth\"");
}

Test(config, duplicate_node_id)
{
	expect_err(HEAD NODES "  - id: police-testshire\n    agency: police\n"
			      "    fingerprint: " FP2_HEX "\n    roles: [node]\n    areas: [x]\n",
		   22, "node \"police-testshire\": duplicate node id (first at line 12)");
}

Test(config, duplicate_fingerprint_in_another_form)
{
	expect_err(HEAD NODES "  - id: police-2\n    agency: police\n"
			      "    fingerprint: " FP1_HEX "\n    roles: [node]\n    areas: [x]\n",
		   22, "node \"police-2\": fingerprint already registered for node \"police-testshire\"");
}

Test(config, duplicate_subject)
{
	expect_err(HEAD NODES "  - id: health-2\n    agency: health\n"
			      "    subject: /O=MARAC Dev/OU=health/CN=health.testshire\n"
			      "    roles: [node]\n    areas: [x]\n",
		   22, "subject already registered for node \"health-1\"");
}

Test(config, bad_fingerprints)
{
	/* 63 digits */
	expect_err(HEAD NODE1("police", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1",
			      "[node]", "[testshire]"),
		   14, "fingerprint \"000102");
	/* 66 digits */
	expect_err(HEAD NODE1("police", FP1_HEX "00", "[node]", "[testshire]"), 14,
		   "is not a SHA-256");
	/* not hex */
	expect_err(HEAD NODE1("police", "zz0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
			      "[node]", "[testshire]"),
		   14, "\"zz0102");
	/* a SHA-1 */
	expect_err(HEAD NODE1("police", "sha1:00:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:10:11:12:13",
			      "[node]", "[testshire]"),
		   14, "\"sha1:00");
}

Test(config, fingerprint_xor_subject)
{
	expect_err(HEAD NODE1("police", FP1_HEX, "[node]", "[testshire]")
		   "    subject: /O=MARAC Dev/CN=x\n",
		   12, "node \"police-testshire\": give exactly one of \"fingerprint\" or \"subject\"");
	expect_err(HEAD "nodes:\n  - id: p\n    agency: police\n    roles: [node]\n    areas: [t]\n",
		   12, "node \"p\": give exactly one");
	expect_err(HEAD "nodes:\n  - id: p\n    agency: police\n    subject: CN=p\n", 14,
		   "subject \"CN=p\": use OpenSSL's one-line form");
}

Test(config, out_of_range_limits)
{
	expect_err(HEAD "limits:\n  max_frame_bytes: 100\n" NODES, 12,
		   "limits.max_frame_bytes: 100 is out of range (4096 to 16777216)");
	expect_err(HEAD "limits:\n  max_in_flight: 0\n" NODES, 12, "limits.max_in_flight: 0");
	expect_err(HEAD "limits:\n  max_connections: 65537\n" NODES, 12,
		   "limits.max_connections: 65537 is out of range (1 to 65536)");
	expect_err(HEAD "limits:\n  idle_ping_secs: 99999999999999999999999999\n" NODES, 12,
		   "99999999999999999999999999 is out of range");
	expect_err(HEAD "limits:\n  delivery_window: -1\n" NODES, 12,
		   "limits.delivery_window: \"-1\" is not a whole number");
	expect_err(HEAD "limits:\n  ping_timeout_secs: 0x10\n" NODES, 12, "\"0x10\" is not a whole");
	expect_err(HEAD "limits:\n  handshake_timeout_secs: \" 5\"\n" NODES, 12, "\" 5\"");
	expect_err(HEAD "limits:\n  max_in_flight: [1]\n" NODES, 12,
		   "\"limits.max_in_flight\" must be a single value");
	expect_err(HEAD "audit:\n  checkpoint_secs: 86401\n" NODES, 12, "86401 is out of range");
	expect_err(HEAD "limits:\n  requests_burst: 9\n" NODES, 12,
		   "limits.requests_burst: 9 is out of range (10 to 1000000)");
	expect_err(HEAD "limits:\n  requests_per_second: 0\n" NODES, 12,
		   "limits.requests_per_second: 0 is out of range (1 to 100000)");
	expect_err("listen:\n  port: 65536\n", 2, "listen.port: 65536 is out of range (0 to 65535)");
}

Test(config, missing_tls_cert)
{
	expect_err("listen:\n  port: 0\ntls:\n  key: server.key\n  ca: ca.crt\nstate_dir: s\n" NODES,
		   3, "tls.cert is required");
	expect_err("state_dir: s\n" NODES, 1, "\"tls\" is required");
}

Test(config, unreadable_tls_cert)
{
	expect_err("tls:\n  key: server.key\n  ca: ca.crt\n  cert: nosuch.crt\nstate_dir: s\n" NODES,
		   4, "tls.cert \"");
	cr_assert_not_null(strstr(err, "/nosuch.crt\": No such file or directory"), "%s", err);
	expect_err(HEAD "policy: /nonexistent/policy.yaml\n" NODES, 11,
		   "policy \"/nonexistent/policy.yaml\": No such file");
	expect_err("tls: {cert: server.crt, key: server.key, ca: ca.crt, crl: gone.crl}\n"
		   "state_dir: s\n" NODES,
		   1, "tls.crl \"");
}

/* Red team: the gateway's private key readable by others is refused, as match_key is. */
Test(config, a_tls_key_readable_by_others_is_refused)
{
	char key[PATH_MAX + 32];
	snprintf(key, sizeof key, "%s/server.key", dir);
	cr_assert_eq(chmod(key, 0644), 0);
	expect_err(HEAD NODES, 7, "tls.key \"");
	cr_assert_not_null(strstr(err, "/server.key\": readable by group or others (chmod 600)"),
			   "%s", err);
	cr_assert_eq(chmod(key, 0640), 0);
	expect_err(HEAD NODES, 7, "readable by group or others");
	cr_assert_eq(chmod(key, 0600), 0);
	struct mgw_config *c = NULL;
	cr_assert_eq(load(HEAD NODES, &c), MGW_OK, "%s", err);
	config_free(c);
}

Test(config, other_required_keys)
{
	expect_err("tls: {cert: server.crt, key: server.key, ca: ca.crt}\n" NODES, 1,
		   "\"state_dir\" is required");
	expect_err(HEAD, 1, "\"nodes\" is required");
	expect_err(HEAD "nodes: []\n", 11, "\"nodes\" is empty");
	expect_err(HEAD "nodes:\n  - id: p\n    agency: police\n    fingerprint: " FP1_HEX "\n"
			"    areas: [t]\n",
		   12, "node \"p\": no \"roles\"");
	expect_err(HEAD "nodes:\n  - id: p\n    agency: police\n    fingerprint: " FP1_HEX "\n"
			"    roles: [node]\n",
		   12, "node \"p\": no \"areas\"");
	expect_err(HEAD "nodes:\n  - agency: police\n    fingerprint: " FP1_HEX "\n"
			"    roles: [node]\n    areas: [t]\n",
		   12, "node #1: no \"id\"");
	expect_err(HEAD "nodes:\n  - id: p\n    fingerprint: " FP1_HEX "\n"
			"    roles: [node]\n    areas: [t]\n",
		   12, "node \"p\": no \"agency\"");
}

Test(config, bad_role)
{
	expect_err(HEAD NODE1("police", FP1_HEX, "[node, admin]", "[testshire]"), 15,
		   "node \"police-testshire\": unknown role \"admin\" (node, chair, auditor, lookup)");
	expect_err(HEAD NODE1("police", FP1_HEX, "node", "[testshire]"), 15,
		   "\"roles\" must be a list");
	expect_err(HEAD NODE1("police", FP1_HEX, "[]", "[testshire]"), 15, "\"roles\" is empty");
}

Test(config, bad_ids_and_areas)
{
	expect_err(HEAD "nodes:\n  - id: police testshire\n", 12, "id \"police testshire\": 1 to 64");
	char yaml[1024];
	snprintf(yaml, sizeof yaml, HEAD "nodes:\n  - id: %065d\n", 0);
	expect_err(yaml, 12, "id \"0000");
	expect_err(HEAD NODE1("police", FP1_HEX, "[node]", "[test shire]"), 16,
		   "area \"test shire\"");
	expect_err(HEAD NODE1("police", FP1_HEX, "[node]", "[testshire, testshire]"), 16,
		   "area \"testshire\" listed twice");
	expect_err(HEAD NODE1("police", FP1_HEX, "[node]", "[[testshire]]"), 16,
		   "\"areas\" must be a single value");
}

Test(config, non_loopback_metrics_address)
{
	expect_err(HEAD "metrics:\n  address: 10.0.0.1\n  port: 9464\n" NODES, 12,
		   "metrics.address \"10.0.0.1\" is not a loopback address");
	expect_err(HEAD "metrics: {address: 0.0.0.0}\n" NODES, 11, "\"0.0.0.0\"");
	expect_err(HEAD "metrics: {address: \"::\"}\n" NODES, 11, "\"::\"");
	expect_err(HEAD "metrics: {address: \"::ffff:127.0.0.1\"}\n" NODES, 11, "::ffff:127.0.0.1");
	expect_err(HEAD "metrics: {address: metrics.example}\n" NODES, 11, "metrics.example");
	const char *ok[] = {"127.0.0.1", "127.1.2.3", "\"::1\"", "localhost"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char yaml[2048];
		snprintf(yaml, sizeof yaml, HEAD "metrics: {address: %s, port: 1}\n" NODES, ok[i]);
		struct mgw_config *c = NULL;
		cr_assert_eq(load(yaml, &c), MGW_OK, "%s: %s", ok[i], err);
		config_free(c);
	}
}

Test(config, yaml_syntax_errors)
{
	expect_err("listen:\n  address: 127.0.0.1\n  port: 84: 43\n", 3,
		   "YAML syntax error: mapping values are not allowed in this context: "
		   "\"  port: 84: 43\"");
	expect_err("listen:\n  address: 127.0.0.1\n\tport: 1\n", 3, "YAML syntax error");
	expect_err(HEAD "nodes: [\n", 12, "YAML syntax error");
	expect_err(HEAD "nodes: *nothing\n", 11, "undefined alias");
}

Test(config, yaml_structure_errors)
{
	expect_err("just a string\n", 1, "the configuration must be a mapping");
	expect_err("", 1, "empty configuration");
	expect_err("# only a comment\n", 1, "empty configuration");
	expect_err(HEAD "listen:\n  port: 1\n" NODES, 11, "duplicate key \"listen\"");
	expect_err(HEAD "user:\n" NODES, 11, "\"user\" has no value");
	expect_err(HEAD "user: ~\n" NODES, 11, "\"user\" has no value");
	expect_err(HEAD "user: bad user\n" NODES, 11, "user \"bad user\" is not a user name");
	expect_err(HEAD "log: [a, b]\n" NODES, 11, "log must be a mapping");
	expect_err(HEAD NODES "---\nlisten: {port: 1}\n", 23, "a second YAML document");
	expect_err(HEAD "nodes: {id: p}\n", 11, "\"nodes\" must be a list");
	expect_err(HEAD "nodes:\n  - police\n", 12, "node #1: a node must be a mapping");
	expect_err(HEAD "? [a]\n: b\n" NODES, 11, "keys in the configuration must be plain words");
	expect_err(HEAD "log: {level: verbose}\n" NODES, 11, "log.level \"verbose\"");
	/* An alias to the node list's own parent is a value of the wrong kind, not a loop. */
	expect_err(HEAD "nodes: &n\n  - *n\n", 11, "a node must be a mapping");
}

Test(config, nul_and_control_characters)
{
	/* YAML escapes can put NUL into a scalar: "po\0lice" must not become "po". */
	expect_err(HEAD "nodes:\n  - id: \"po\\0lice\"\n", 12, "\"id\" contains a NUL byte");
	expect_err(HEAD "audit:\n  origin: \"a\\x01b\"\n" NODES, 12, "audit.origin \"a?b\"");
	expect_err(HEAD "audit:\n  origin: \"a\\nb\"\n" NODES, 12, "audit.origin \"a?b\"");
	expect_err(HEAD "audit:\n  origin: \"a\\u0085b\"\n" NODES, 12, "audit.origin");
	/* Raw control bytes are a syntax error, reported with a line. */
	static const char raw[] = HEAD "user: a\x01" "b\n";
	write_yaml_n(raw, sizeof raw - 1);
	struct mgw_config *c = NULL;
	cr_assert_eq(config_load(cfgpath, &c, err, sizeof err), MGW_E_INVALID);
	char prefix[sizeof cfgpath + 32];
	snprintf(prefix, sizeof prefix, "%s:11: ", cfgpath);
	cr_assert_eq(strncmp(err, prefix, strlen(prefix)), 0, "%s", err);
	static const char nul[] = HEAD "user: a\0b\n";
	write_yaml_n(nul, sizeof nul - 1);
	snprintf(prefix, sizeof prefix, "%s:11: ", cfgpath);
	cr_assert_eq(config_load(cfgpath, &c, err, sizeof err), MGW_E_INVALID);
	cr_assert_eq(strncmp(err, prefix, strlen(prefix)), 0, "%s", err);
}

Test(config, unreadable_files)
{
	struct mgw_config *c = (struct mgw_config *)1;
	char p[PATH_MAX + 32];
	snprintf(p, sizeof p, "%s/none.yaml", dir);
	cr_assert_eq(config_load(p, &c, err, sizeof err), MGW_E_IO);
	cr_assert_null(c);
	cr_assert_not_null(strstr(err, "none.yaml: No such file or directory"), "%s", err);
	cr_assert_eq(config_load(dir, &c, err, sizeof err), MGW_E_IO);
	cr_assert_not_null(strstr(err, "Is a directory"), "%s", err);

	size_t n = MGW_CONFIG_MAX_BYTES + 1;
	char *big = malloc(n);
	memset(big, '#', n);
	write_yaml_n(big, n);
	free(big);
	cr_assert_eq(config_load(cfgpath, &c, err, sizeof err), MGW_E_TOO_LARGE);
	cr_assert_not_null(strstr(err, "larger than"), "%s", err);
}

Test(config, small_error_buffers_are_safe)
{
	write_yaml(HEAD "limits:\n  max_frame_byte: 1\n" NODES);
	struct mgw_config *c = NULL;
	char small[8];
	memset(small, 'x', sizeof small);
	cr_assert_eq(config_load(cfgpath, &c, small, sizeof small), MGW_E_INVALID);
	cr_assert_eq(strlen(small), sizeof small - 1);
	cr_assert_eq(config_load(cfgpath, &c, NULL, 0), MGW_E_INVALID);
	config_free(NULL);
}

/* ---- referrals: areas, postcodes, schedules, the match key ---- */

/* Writes n bytes (0, 1, 2, ...) to dir/name with mode; the path is relative to dir. */
static void write_key(const char *name, size_t n, mode_t mode)
{
	char p[PATH_MAX + 32];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "wb");
	cr_assert_not_null(f, "%s: %s", p, strerror(errno));
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(fputc((int)(i * 7 + 3) & 0xff, f), (int)((i * 7 + 3) & 0xff));
	cr_assert_eq(fclose(f), 0);
	cr_assert_eq(chmod(p, mode), 0, "%s: %s", p, strerror(errno));
}

/* Lines 22-24: the section, the key, "areas:"; the first area starts at line 25. */
#define REF_HEAD                   \
	"referrals:\n"             \
	"  match_key: match.key\n" \
	"  areas:\n"

/* Lines 25-29: testshire, weekly on Tuesdays, postcode area TS. */
#define AREA_TS                     \
	"    - id: testshire\n"     \
	"      case_ref_code: TS\n" \
	"      postcodes: [TS]\n"   \
	"      meetings: weekly\n"  \
	"      weekday: tuesday\n"

/* Lines 30-33 after AREA_TS: otherton, daily, postcodes as given. */
#define AREA_OT(POSTCODES)                \
	"    - id: otherton\n"            \
	"      case_ref_code: OT\n"        \
	"      postcodes: " POSTCODES "\n" \
	"      meetings: daily\n"

Test(config, referrals_valid_section_loads)
{
	write_key("match.key", 40, 0600);
	struct mgw_config *c = NULL;
	int rc = load(HEAD NODES
		      "referrals:\n"
		      "  match_key: match.key\n"
		      "  areas:\n"
		      "    - id: testshire\n"
		      "      case_ref_code: TS\n"
		      "      postcodes: [ts, Ts1, ds]\n"
		      "      meetings: weekly\n"
		      "      weekday: Tuesday\n"
		      "      min_days: 5\n"
		      "      skip: [2026-12-29, 2027-01-05]\n"
		      "      statement: \"Read this first.\"\n"
		      "      start_time: \"09:30\"\n"
		      "      minutes_per_case: 12\n"
		      "    - id: otherton\n"
		      "      case_ref_code: OT9\n"
		      "      postcodes: [ot]\n"
		      "      meetings: fortnightly\n"
		      "      anchor_date: 2026-01-06\n",
		      &c);
	cr_assert_eq(rc, MGW_OK, "%s", err);
	char keypath[PATH_MAX + 32];
	snprintf(keypath, sizeof keypath, "%s/match.key", dir);
	cr_assert_str_eq(c->match_key_path, keypath);
	cr_assert_eq(c->match_key_len, 40);
	for (size_t i = 0; i < 40; i++)
		cr_assert_eq(c->match_key[i], (unsigned char)((i * 7 + 3) & 0xff), "key byte %zu", i);
	cr_assert_eq(c->repeat_window_months, 12, "default window");
	cr_assert_eq(c->n_areas, 2);

	const struct mgw_area *t = config_area(c, "testshire");
	cr_assert_eq(t, &c->areas[0]);
	cr_assert_str_eq(t->code, "TS");
	cr_assert_eq(t->n_postcodes, 3);
	cr_assert_str_eq(t->postcodes[0], "TS");
	cr_assert_str_eq(t->postcodes[1], "TS1");
	cr_assert_str_eq(t->postcodes[2], "DS");
	cr_assert_eq(t->frequency, MEETING_WEEKLY);
	cr_assert_eq(t->weekday, 2, "Tuesday, any case");
	cr_assert_null(t->anchor_date);
	cr_assert_eq(t->min_days, 5);
	cr_assert_eq(t->n_skip, 2);
	cr_assert_str_eq(t->skip[0], "2026-12-29");
	cr_assert_str_eq(t->skip[1], "2027-01-05");
	cr_assert_str_eq(t->statement, "Read this first.");
	cr_assert_str_eq(t->start_time, "09:30");
	cr_assert_eq(t->minutes_per_case, 12);

	const struct mgw_area *o = config_area(c, "otherton");
	cr_assert_eq(o, &c->areas[1]);
	cr_assert_str_eq(o->code, "OT9");
	cr_assert_eq(o->n_postcodes, 1);
	cr_assert_str_eq(o->postcodes[0], "OT");
	cr_assert_eq(o->frequency, MEETING_FORTNIGHTLY);
	cr_assert_str_eq(o->anchor_date, "2026-01-06");
	cr_assert_eq(o->min_days, 0, "default min_days");
	cr_assert_eq(o->n_skip, 0);
	cr_assert_null(o->statement);
	cr_assert_str_eq(o->start_time, "", "default: the agenda's 10:00");
	cr_assert_eq(o->minutes_per_case, 0, "default: the agenda's 15");

	cr_assert_null(config_area(c, "nowhere"));
	cr_assert_null(config_area(c, NULL));
	config_free(c);
}

Test(config, referrals_window_daily_and_key_bounds)
{
	/* 32 and 1024 bytes are the bounds; an explicit window and daily meetings. */
	const size_t sizes[] = {32, 1024};
	for (size_t i = 0; i < 2; i++) {
		write_key("match.key", sizes[i], 0600);
		struct mgw_config *c = NULL;
		int rc = load(HEAD NODES "referrals:\n  match_key: match.key\n"
					 "  repeat_window_months: 120\n  areas:\n"
					 "    - {id: otherton, case_ref_code: OT, meetings: daily}\n",
			      &c);
		cr_assert_eq(rc, MGW_OK, "%zu bytes: %s", sizes[i], err);
		cr_assert_eq(c->match_key_len, sizes[i]);
		cr_assert_eq(c->repeat_window_months, 120);
		cr_assert_eq(c->areas[0].frequency, MEETING_DAILY);
		cr_assert_eq(c->areas[0].n_postcodes, 0);
		config_free(c);
	}
	/* A key read-only for its owner (0400) is fine too. */
	write_key("match.key", 32, 0400);
	struct mgw_config *c = NULL;
	cr_assert_eq(load(HEAD NODES "referrals:\n  match_key: match.key\n  repeat_window_months: 1\n"
				     "  areas:\n" AREA_TS,
			  &c),
		     MGW_OK, "%s", err);
	cr_assert_eq(c->repeat_window_months, 1);
	config_free(c);
}

Test(config, referrals_without_section)
{
	struct mgw_config *c = NULL;
	cr_assert_eq(load(HEAD NODES, &c), MGW_OK, "%s", err);
	cr_assert_eq(c->n_areas, 0);
	cr_assert_null(c->areas);
	cr_assert_null(c->match_key);
	cr_assert_null(c->match_key_path);
	cr_assert_null(config_area_for_postcode(c, "TS1 2AB"));
	config_free(c);
}

Test(config, referrals_unknown_keys)
{
	expect_err(HEAD NODES REF_HEAD AREA_TS "  match_keys: other.key\n", 30,
		   "unknown key \"match_keys\" in referrals");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      weekdays: monday\n", 30,
		   "unknown key \"weekdays\"");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      code: TS\n", 26,
		   "unknown key \"code\" (id, case_ref_code");
}

Test(config, referrals_bad_case_ref_codes)
{
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      case_ref_code: ts\n", 26,
		   "case_ref_code \"ts\": 1 to 8 of A-Z 0-9");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      case_ref_code: TOOLONGCODE\n", 26,
		   "case_ref_code \"TOOLONGCODE\"");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      case_ref_code: T-S\n", 26,
		   "case_ref_code \"T-S\"");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      case_ref_code: \"\"\n", 26,
		   "case_ref_code \"\"");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      meetings: daily\n", 25,
		   "area \"testshire\": no \"case_ref_code\"");
}

Test(config, referrals_duplicates)
{
	expect_err(HEAD NODES REF_HEAD AREA_TS
		   "    - id: testshire\n      case_ref_code: OT\n      meetings: daily\n",
		   30, "area \"testshire\": duplicate area id");
	expect_err(HEAD NODES REF_HEAD AREA_TS
		   "    - id: otherton\n      case_ref_code: TS\n      meetings: daily\n",
		   30, "area \"otherton\": case_ref_code \"TS\" already used by area \"testshire\"");
	/* The same entry in two areas, in another case. */
	expect_err(HEAD NODES REF_HEAD AREA_TS AREA_OT("[OT, ts]"), 30,
		   "area \"otherton\": postcode \"TS\" is also in area \"testshire\"");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      postcodes: [TS1, ts1]\n", 26,
		   "postcode \"ts1\" listed twice");
	expect_err(HEAD NODES REF_HEAD AREA_TS "  areas: []\n", 30,
		   "duplicate key \"areas\" in referrals");
}

Test(config, referrals_bad_postcodes)
{
	const char *bad[] = {"T", "\"TS1 2AB\"", "\"12\"", "T1", "x", "TS1A2", "1TS", "TSX", "TS1AB",
			     "\"TS 1\"", "TS-1", "ABC1"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char yaml[2048], what[64];
		snprintf(yaml, sizeof yaml,
			 HEAD NODES REF_HEAD "    - id: testshire\n      postcodes: [OT, %s]\n", bad[i]);
		const char *v = bad[i][0] == '"' ? bad[i] + 1 : bad[i];
		snprintf(what, sizeof what, "postcode \"%.*s\": give a postcode area", (int)strcspn(v, "\""),
			 v);
		expect_err(yaml, 26, what);
	}
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      postcodes: TS\n", 26,
		   "\"postcodes\" must be a list");
	/* Districts of every shape are fine. */
	write_key("match.key", 32, 0600);
	struct mgw_config *c = NULL;
	cr_assert_eq(load(HEAD NODES REF_HEAD AREA_TS
			  AREA_OT("[b, w1a, ec1a, m1, b33, ot12, \"e1w\"]"),
			  &c),
		     MGW_OK, "%s", err);
	cr_assert_eq(c->areas[1].n_postcodes, 7);
	cr_assert_str_eq(c->areas[1].postcodes[1], "W1A");
	cr_assert_str_eq(c->areas[1].postcodes[2], "EC1A");
	config_free(c);
}

Test(config, referrals_schedules)
{
	expect_err(HEAD NODES REF_HEAD
		   "    - id: testshire\n      case_ref_code: TS\n      meetings: weekly\n", 25,
		   "area \"testshire\": weekly meetings need a \"weekday\"");
	expect_err(HEAD NODES REF_HEAD
		   "    - id: testshire\n      case_ref_code: TS\n      meetings: fortnightly\n"
		   "      weekday: monday\n",
		   25, "area \"testshire\": fortnightly meetings need an \"anchor_date\"");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      case_ref_code: TS\n", 25,
		   "area \"testshire\": no \"meetings\"");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      meetings: monthly\n", 26,
		   "meetings \"monthly\": weekly, fortnightly or daily");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      meetings: Weekly\n", 26,
		   "meetings \"Weekly\"");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      weekday: tues\n", 26,
		   "weekday \"tues\": monday .. sunday");
	expect_err(HEAD NODES REF_HEAD "    - id: testshire\n      anchor_date: 2026-02-30\n", 26,
		   "anchor_date \"2026-02-30\" is not YYYY-MM-DD");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      skip: [2026-12-29, 2026-1-5]\n", 30,
		   "skip date \"2026-1-5\" is not YYYY-MM-DD");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      skip: [29/12/2026]\n", 30,
		   "skip date \"29/12/2026\"");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      min_days: 367\n", 30,
		   "min_days: 367 is out of range (0 to 366)");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      start_time: \"9:30\"\n", 30,
		   "start_time \"9:30\" is not HH:MM");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      minutes_per_case: 121\n", 30,
		   "minutes_per_case: 121 is out of range (1 to 120)");
}

Test(config, referrals_window_out_of_range)
{
	expect_err(HEAD NODES "referrals:\n  repeat_window_months: 0\n", 23,
		   "repeat_window_months: 0 is out of range (1 to 120)");
	expect_err(HEAD NODES "referrals:\n  repeat_window_months: 121\n", 23,
		   "repeat_window_months: 121 is out of range (1 to 120)");
	expect_err(HEAD NODES "referrals:\n  repeat_window_months: twelve\n", 23,
		   "repeat_window_months: \"twelve\" is not a whole number");
}

Test(config, referrals_match_key)
{
	/* Missing from the section. */
	expect_err(HEAD NODES "referrals:\n  areas:\n" AREA_TS, 22,
		   "referrals.match_key is required");
	/* Not there. */
	expect_err(HEAD NODES REF_HEAD AREA_TS, 23, "match_key \"");
	cr_assert_not_null(strstr(err, "/match.key\": No such file or directory"), "%s", err);
	/* Too short, too long. */
	write_key("match.key", 16, 0600);
	expect_err(HEAD NODES REF_HEAD AREA_TS, 23,
		   "16 bytes; it must hold 32 to 1024 random bytes");
	write_key("match.key", 31, 0600);
	expect_err(HEAD NODES REF_HEAD AREA_TS, 23, "31 bytes");
	write_key("match.key", 0, 0600);
	expect_err(HEAD NODES REF_HEAD AREA_TS, 23, "0 bytes");
	write_key("match.key", 1025, 0600);
	expect_err(HEAD NODES REF_HEAD AREA_TS, 23, "bytes; it must hold 32 to 1024");
	/* Readable by group or others. */
	write_key("match.key", 32, 0644);
	expect_err(HEAD NODES REF_HEAD AREA_TS, 23, "readable by group or others (chmod 600)");
	char keypath[PATH_MAX + 32];
	snprintf(keypath, sizeof keypath, "match_key \"%s/match.key\"", dir);
	cr_assert_not_null(strstr(err, keypath), "%s", err);
	write_key("match.key", 32, 0640);
	expect_err(HEAD NODES REF_HEAD AREA_TS, 23, "readable by group or others");
	write_key("match.key", 32, 0604);
	expect_err(HEAD NODES REF_HEAD AREA_TS, 23, "readable by group or others");
	/* chmod 600 fixes it. */
	write_key("match.key", 32, 0600);
	struct mgw_config *c = NULL;
	cr_assert_eq(load(HEAD NODES REF_HEAD AREA_TS, &c), MGW_OK, "%s", err);
	config_free(c);
}

Test(config, referrals_areas_required_and_served)
{
	write_key("match.key", 32, 0600);
	expect_err(HEAD NODES "referrals:\n  match_key: match.key\n", 22,
		   "referrals.areas is required");
	expect_err(HEAD NODES REF_HEAD, 24, "\"areas\" must be a list of areas");
	expect_err(HEAD NODES "referrals:\n  match_key: match.key\n  areas: []\n", 24,
		   "\"areas\" is empty");
	expect_err(HEAD NODES REF_HEAD "    - testshire\n", 25, "an area must be a mapping");
	expect_err(HEAD NODES REF_HEAD "    - case_ref_code: TS\n      meetings: daily\n", 25,
		   "area: no \"id\"");
	expect_err(HEAD NODES REF_HEAD "    - id: \"north shire\"\n", 25, "id \"north shire\"");
	/* No node serves "northshire" (nodes serve testshire and otherton). */
	expect_err(HEAD NODES REF_HEAD AREA_TS
		   "    - id: northshire\n      case_ref_code: NS\n      meetings: daily\n",
		   22, "area \"northshire\": no node serves it");
	expect_err(HEAD NODES "referrals: [a]\n", 22, "referrals must be a mapping");
}

Test(config, referrals_area_for_postcode)
{
	write_key("match.key", 32, 0600);
	struct mgw_config *c = NULL;
	/* Area A (testshire) has the postcode area TS, area B (otherton) the district TS1. */
	cr_assert_eq(load(HEAD NODES REF_HEAD AREA_TS AREA_OT("[TS1, OT]"), &c), MGW_OK, "%s",
		     err);
	const struct mgw_area *a = config_area(c, "testshire"), *b = config_area(c, "otherton");
	cr_assert_not_null(a);
	cr_assert_not_null(b);
	/* A district beats the area it lies in, in any case and spacing. */
	cr_assert_eq(config_area_for_postcode(c, "ts1 2ab"), b);
	cr_assert_eq(config_area_for_postcode(c, "TS12AB"), b);
	cr_assert_eq(config_area_for_postcode(c, "  TS1   2AB "), b);
	/* TS14 is in the area TS, not in the district TS1. */
	cr_assert_eq(config_area_for_postcode(c, "TS14 1AB"), a);
	cr_assert_eq(config_area_for_postcode(c, "ts141ab"), a);
	cr_assert_eq(config_area_for_postcode(c, "TS2 1AB"), a);
	cr_assert_eq(config_area_for_postcode(c, "TS1A 1AB"), a, "TS1A is not the district TS1");
	/* T1 is not in the area TS. */
	cr_assert_null(config_area_for_postcode(c, "T1 1AA"));
	cr_assert_null(config_area_for_postcode(c, "S1 1AA"));
	cr_assert_eq(config_area_for_postcode(c, "OT3 9ZZ"), b);
	cr_assert_null(config_area_for_postcode(c, "OX1 1AA"));
	/* Not postcodes. */
	cr_assert_null(config_area_for_postcode(c, "TS1"));
	cr_assert_null(config_area_for_postcode(c, "TS1 2CB"), "C is never in an inward code");
	cr_assert_null(config_area_for_postcode(c, "TS"));
	cr_assert_null(config_area_for_postcode(c, ""));
	cr_assert_null(config_area_for_postcode(c, "not a postcode"));
	cr_assert_null(config_area_for_postcode(c, NULL));
	config_free(c);

	/* Districts only: TS1 does not cover TS14 or TS1A. */
	c = NULL;
	cr_assert_eq(load(HEAD NODES REF_HEAD
			  "    - {id: testshire, case_ref_code: TS, meetings: daily, postcodes: [TS1]}\n",
			  &c),
		     MGW_OK, "%s", err);
	cr_assert_eq(config_area_for_postcode(c, "TS1 1AA"), &c->areas[0]);
	cr_assert_null(config_area_for_postcode(c, "TS14 1AB"));
	cr_assert_null(config_area_for_postcode(c, "TS11 1AB"));
	cr_assert_null(config_area_for_postcode(c, "TS1A 1AB"));
	cr_assert_null(config_area_for_postcode(c, "TS2 1AB"));
	config_free(c);
}

/* The PKI generator's gateway.yaml is a valid config for its certificates. */
Test(config, generated_pki_config_loads, .timeout = 60)
{
	char cmd[2 * PATH_MAX + 64];
	snprintf(cmd, sizeof cmd, "bash '%s/certs/gen.sh' '%s/pki'", MARAC_SOURCE_DIR, dir);
	cr_assert_eq(system(cmd), 0, "certs/gen.sh failed");
	char p[PATH_MAX + 32];
	snprintf(p, sizeof p, "%s/pki/gateway.yaml", dir);
	struct mgw_config *c = NULL;
	cr_assert_eq(config_load(p, &c, err, sizeof err), MGW_OK, "%s", err);
	cr_assert_null(c->policy_path);
	cr_assert_not_null(c->tls_crl);
	cr_assert_eq(c->listen_port, 0);

	snprintf(p, sizeof p, "%s/pki/fingerprints.txt", dir);
	FILE *f = fopen(p, "r");
	cr_assert_not_null(f);
	char name[64], fp[128];
	int seen = 0;
	while (fscanf(f, "%63s %127s", name, fp) == 2) {
		char hex[65];
		size_t k = 0;
		for (const char *s = fp + 7; *s && k < 64; s++)
			if (*s != ':')
				hex[k++] = (char)(*s >= 'A' && *s <= 'F' ? *s + 32 : *s);
		hex[k] = 0;
		const struct mgw_node *n = config_find_node(c, hex, NULL);
		int must_not = !strcmp(name, "foreign") || !strcmp(name, "fake") ||
			       !strcmp(name, "unregistered") || strstr(name, "ca") == name ||
			       !strcmp(name, "server") || !strcmp(name, "fake-ca") ||
			       !strcmp(name, "foreign-ca");
		if (must_not) {
			cr_assert_null(n, "%s must not be registered", name);
			continue;
		}
		cr_assert_not_null(n, "%s is not registered", name);
		seen++;
		if (!strcmp(name, "police")) {
			cr_assert_str_eq(n->id, "police-testshire");
			cr_assert(config_node_in_area(n, "otherton"));
		}
		if (!strcmp(name, "chair"))
			cr_assert_eq(n->roles, MGW_ROLE_CHAIR);
		if (!strcmp(name, "auditor"))
			cr_assert_eq(n->roles, MGW_ROLE_AUDITOR);
		if (!strcmp(name, "csc"))
			cr_assert_eq(n->agency, MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE);
	}
	fclose(f);
	cr_assert_eq(seen, (int)c->n_nodes, "every registered node has a certificate");
	cr_assert_geq(seen, 12);
	config_free(c);
}

/* deploy/gateway.yaml is the documented example: it must parse (its files live elsewhere). */
Test(config, deploy_example_parses)
{
	struct mgw_config *c = NULL;
	int rc = config_load(MARAC_SOURCE_DIR "/deploy/gateway.yaml", &c, err, sizeof err);
	/* Only the access() checks of /etc/marac-gateway/... may fail on a dev machine. */
	if (rc != MGW_OK) {
		cr_assert_eq(rc, MGW_E_INVALID, "%s", err);
		cr_assert_not_null(strstr(err, "/etc/marac-gateway/"), "%s", err);
		cr_assert_not_null(strstr(err, "No such file"), "%s", err);
	} else {
		config_free(c);
	}
}

/* ---- flags and lookups (lookup.h): role, per-area keys, the rate ---- */

Test(config, lookup_role_flag_agencies_contact_and_rate)
{
	write_key("match.key", 32, 0600);
	struct mgw_config *c = NULL;
	int rc = load(HEAD
		      "lookup:\n  per_minute: 120\n  burst: 10\n"
		      "nodes:\n"
		      "  - id: control-1\n"
		      "    agency: police\n"
		      "    fingerprint: \"" FP1_COLON "\"\n"
		      "    roles: [lookup]\n"
		      "    areas: [testshire, otherton]\n"
		      REF_HEAD AREA_TS
		      "      flag_agencies: [idva, csc]\n"
		      "      lookup_contact: \"MARAC coordinator, 01632 960000\"\n"
		      AREA_OT("[OT]"),
		      &c);
	cr_assert_eq(rc, MGW_OK, "%s", err);
	cr_assert_eq(c->nodes[0].roles, MGW_ROLE_LOOKUP);
	cr_assert_eq(c->lookup_per_minute, 120);
	cr_assert_eq(c->lookup_burst, 10);
	const struct mgw_area *t = config_area(c, "testshire"), *o = config_area(c, "otherton");
	cr_assert_eq(t->flag_agencies, (1u << MARAC__V1__AGENCY__AGENCY_IDVA) |
					       (1u << MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE));
	cr_assert_str_eq(t->lookup_contact, "MARAC coordinator, 01632 960000");
	/* Defaults: the IDVA service is told; no contact. */
	cr_assert_eq(o->flag_agencies, 1u << MARAC__V1__AGENCY__AGENCY_IDVA);
	cr_assert_null(o->lookup_contact);
	config_free(c);

	c = NULL;
	cr_assert_eq(load(HEAD NODES REF_HEAD AREA_TS "      flag_agencies: []\n", &c), MGW_OK, "%s",
		     err);
	cr_assert_eq(c->areas[0].flag_agencies, 0, "[]: only the referring agency is told");
	cr_assert_eq(c->lookup_per_minute, MGW_LOOKUP_PER_MINUTE_DEFAULT);
	cr_assert_eq(c->lookup_burst, MGW_LOOKUP_BURST_DEFAULT);
	config_free(c);
}

Test(config, lookup_bad_values_are_refused)
{
	write_key("match.key", 32, 0600);
	struct mgw_config *c = NULL;
	cr_assert_eq(load(HEAD NODES REF_HEAD AREA_TS "      flag_agencies: [idva, idva]\n", &c),
		     MGW_E_INVALID);
	cr_assert(strstr(err, "flag_agencies: \"idva\" listed twice"), "%s", err);
	cr_assert_eq(load(HEAD NODES REF_HEAD AREA_TS "      flag_agencies: [social]\n", &c),
		     MGW_E_INVALID);
	cr_assert(strstr(err, "unknown agency \"social\""), "%s", err);
	cr_assert_eq(load(HEAD "lookup:\n  per_minute: 0\n" NODES, &c), MGW_E_INVALID);
	cr_assert(strstr(err, "per_minute"), "%s", err);
	cr_assert_eq(load(HEAD "lookup:\n  burst: 1000000\n" NODES, &c), MGW_E_INVALID);
	cr_assert(strstr(err, "burst"), "%s", err);
	cr_assert_eq(load(HEAD "lookup:\n  rate: 5\n" NODES, &c), MGW_E_INVALID);
	cr_assert(strstr(err, "unknown key \"rate\" in lookup"), "%s", err);
}

/* Local practice per area: DASH thresholds and bands per form, windows; errors name the line. */
Test(config, area_dash_and_windows)
{
	write_key("match.key", 32, 0600);
	struct mgw_config *c = NULL;
	int rc = load(HEAD NODES REF_HEAD AREA_TS
		      "      repeat_window_months: 18\n"
		      "      dash:\n"
		      "        police27: {high_threshold: 16, standard_max: 10, medium_max: 15}\n"
		      "        escalation_window_months: 6\n"
		      AREA_OT("[ot]"),
		      &c);
	cr_assert_eq(rc, MGW_OK, "%s", err);
	const struct mgw_area *ts = config_area(c, "testshire"), *ot = config_area(c, "otherton");
	cr_assert_eq(ts->dash.police27.high_threshold, 16);
	cr_assert_eq(ts->dash.police27.standard_max, 10);
	cr_assert_eq(ts->dash.police27.medium_max, 15);
	cr_assert_eq(ts->dash.safelives24.high_threshold, 14, "the 24 keeps its default");
	cr_assert_eq(ts->dash.escalation_window_months, 6, "Kent's six months");
	cr_assert_eq(ts->dash.escalation_min_incidents, 3);
	cr_assert_eq(config_area_repeat_window(c, ts), 18);
	cr_assert_eq(ot->dash.police27.high_threshold, 14, "another area keeps the defaults");
	cr_assert_eq(ot->dash.escalation_window_months, 12);
	cr_assert_eq(config_area_repeat_window(c, ot), 12, "the gateway's window");
	config_free(c);

	/* line 31: the police27 line; 30: the dash line */
	expect_err(HEAD NODES REF_HEAD AREA_TS "      dash:\n"
		   "        police27: {high_threshold: 28}\n", 31, "high_threshold: 28");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      dash:\n"
		   "        police27: {medium_max: 8}\n", 31, "dash.police27");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      dash:\n"
		   "        police_27: {high_threshold: 15}\n", 31, "unknown key \"police_27\"");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      dash:\n"
		   "        police27: {threshold: 15}\n", 31, "unknown key \"threshold\"");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      dash:\n"
		   "        escalation_window_months: 0\n", 31, "escalation_window_months");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      repeat_window_months: 121\n", 30,
		   "121 is out of range");
}

/* followup: an area may set its own interval between an open action's overdue notices. */
Test(config, area_action_notice_every_days)
{
	write_key("match.key", 32, 0600);
	struct mgw_config *c = NULL;
	int rc = load(HEAD NODES "followup:\n  action_notice_every_days: 10\n"
		      REF_HEAD AREA_TS "      action_notice_every_days: 3\n" AREA_OT("[ot]"), &c);
	cr_assert_eq(rc, MGW_OK, "%s", err);
	const struct mgw_area *ts = config_area(c, "testshire"), *ot = config_area(c, "otherton");
	cr_assert_eq(config_area_action_notice_every(c, ts), 3);
	cr_assert_eq(config_area_action_notice_every(c, ot), 10, "the gateway's interval");
	cr_assert_eq(config_area_action_notice_every(c, NULL), 10);
	config_free(c);
	expect_err(HEAD NODES REF_HEAD AREA_TS "      action_notice_every_days: 0\n", 30,
		   "out of range");
	expect_err(HEAD NODES REF_HEAD AREA_TS "      action_notice_every_days: 91\n", 30,
		   "91 is out of range");
}

/* A self-signed certificate with serial 4242 valid from now-1d to now+1d at dir/name; its fingerprint. */
static X509 *make_cert(const char *name, char fp[65])
{
	EVP_PKEY *k = EVP_EC_gen("P-256");
	X509 *x = X509_new();
	cr_assert(k && x);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 4242);
	X509_gmtime_adj(X509_getm_notBefore(x), -86400);
	X509_gmtime_adj(X509_getm_notAfter(x), 86400);
	X509_set_pubkey(x, k);
	X509_NAME *nm = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(nm, "CN", MBSTRING_ASC, (const unsigned char *)"node.test", -1,
				   -1, 0);
	X509_set_issuer_name(x, nm);
	cr_assert(X509_sign(x, k, EVP_sha256()) > 0);
	char p[PATH_MAX + 32];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	cr_assert(f && PEM_write_X509(f, x) == 1);
	fclose(f);
	unsigned char md[32];
	unsigned int n = 0;
	X509_digest(x, EVP_sha256(), md, &n);
	for (unsigned i = 0; i < 32; i++)
		snprintf(fp + 2 * i, 3, "%02x", md[i]);
	EVP_PKEY_free(k);
	return x;
}

/* nodes[].cert: checked against the fingerprint; its expiry and serial decide referral fan-out. */
Test(config, node_certificate_expiry_and_revocation)
{
	char fp[65], yaml[2048];
	X509 *x = make_cert("node.crt", fp);
	struct mgw_config *c = NULL;
	snprintf(yaml, sizeof yaml, HEAD "%s    cert: node.crt\n",
		 "nodes:\n  - id: police-testshire\n    agency: police\n    fingerprint: \"FPX\"\n"
		 "    roles: [node]\n    areas: [testshire]\n");
	char *at = strstr(yaml, "FPX");
	char full[2100];
	snprintf(full, sizeof full, "%.*s%s%s", (int)(at - yaml), yaml, fp, at + 3);
	cr_assert_eq(load(full, &c), MGW_OK, "%s", err);
	const struct mgw_node *n = config_node_by_id(c, "police-testshire");
	cr_assert_str_eq(n->cert_serial, "1092", "4242 in hex");
	long long now = (long long)time(NULL);
	cr_assert_eq(config_node_cert_state(n, NULL, now), NODE_CERT_VALID);
	cr_assert_eq(config_node_cert_state(n, NULL, now + 2 * 86400), NODE_CERT_EXPIRED);
	cr_assert_eq(config_node_cert_state(n, NULL, now - 2 * 86400), NODE_CERT_EXPIRED);
	/* a CRL listing serial 4242 */
	X509_CRL *crl = X509_CRL_new();
	X509_REVOKED *rv = X509_REVOKED_new();
	ASN1_INTEGER *ser = ASN1_INTEGER_new();
	ASN1_INTEGER_set(ser, 4242);
	X509_REVOKED_set_serialNumber(rv, ser);
	ASN1_TIME *t = ASN1_TIME_set(NULL, time(NULL));
	X509_REVOKED_set_revocationDate(rv, t);
	X509_CRL_add0_revoked(crl, rv);
	cr_assert_eq(config_node_cert_state(n, crl, now), NODE_CERT_REVOKED);
	ASN1_INTEGER_set(ser, 4243);
	X509_CRL *crl2 = X509_CRL_new();
	X509_REVOKED *rv2 = X509_REVOKED_new();
	X509_REVOKED_set_serialNumber(rv2, ser);
	X509_REVOKED_set_revocationDate(rv2, t);
	X509_CRL_add0_revoked(crl2, rv2);
	cr_assert_eq(config_node_cert_state(n, crl2, now), NODE_CERT_VALID, "another serial");
	cr_assert_eq(config_node_cert_state(&c->nodes[0], NULL, now), NODE_CERT_VALID);
	X509_CRL_free(crl);
	X509_CRL_free(crl2);
	ASN1_INTEGER_free(ser);
	ASN1_TIME_free(t);
	config_free(c);

	/* another node's certificate, or none at all: refused at its line */
	expect_err(HEAD NODE1("police", FP1_HEX, "[node]", "[testshire]") "    cert: node.crt\n", 17,
		   "is not the certificate");
	expect_err(HEAD NODE1("police", FP1_HEX, "[node]", "[testshire]") "    cert: none.crt\n", 17,
		   "none.crt");
	X509_free(x);
	/* a node without cert: the gateway cannot tell */
	cr_assert_eq(load(HEAD NODES, &c), MGW_OK, "%s", err);
	cr_assert_eq(config_node_cert_state(&c->nodes[0], NULL, now), NODE_CERT_UNKNOWN);
	config_free(c);
}

/*
 * fuzz_config: any bytes as gateway.yaml. config_load must never crash,
 * leak or hang, must fill err with one "FILE:LINE: ..." line free of control
 * characters on failure, and whatever it accepts must satisfy the invariants
 * config.h promises (the daemon relies on them without re-checking).
 *
 * The input is written to gateway.yaml in a private temporary directory that
 * also holds empty server.crt, server.key, ca.crt, ca.crl and policy.yaml, so
 * inputs naming those relative paths get past the access() checks and reach
 * the success path. The directory is removed at exit.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "mgw_err.h"
#include "mgw_limits.h"

static char dir[64], cfg[96];
static const char *const files[] = {"server.crt", "server.key", "ca.crt", "ca.crl",
				    "policy.yaml"};

static void cleanup(void)
{
	char p[128];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, files[i]);
		unlink(p);
	}
	unlink(cfg);
	rmdir(dir);
}

static void init(void)
{
	snprintf(dir, sizeof dir, "/tmp/mgw-fuzzcfg-XXXXXX");
	if (mkdtemp(dir) == NULL)
		abort();
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char p[128];
		snprintf(p, sizeof p, "%s/%s", dir, files[i]);
		FILE *f = fopen(p, "w");
		if (f == NULL)
			abort();
		fclose(f);
		chmod(p, 0600); /* server.key: the loader refuses a key others can read */
	}
	snprintf(cfg, sizeof cfg, "%s/gateway.yaml", dir);
	atexit(cleanup);
	log_set_level(LOG_ERROR); /* the missing-CRL warning is expected noise */
}

static int word(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > MGW_ID_MAX)
		return 0;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

static void check(const struct mgw_config *c)
{
	if (c->n_nodes == 0 || !c->tls_cert || !c->tls_key || !c->tls_ca || !c->state_dir ||
	    c->tls_cert[0] != '/' || c->state_dir[0] != '/')
		abort();
	if (c->max_frame_bytes < MGW_MAX_FRAME_BYTES_MIN ||
	    c->max_frame_bytes > MGW_MAX_FRAME_BYTES_MAX || c->max_in_flight < 1 ||
	    c->listen_port < 0 || c->listen_port > 65535)
		abort();
	for (size_t i = 0; i < c->n_nodes; i++) {
		const struct mgw_node *n = &c->nodes[i];
		if (!word(n->id) || n->agency < 1 || n->agency > 8 || n->roles == 0 ||
		    (n->roles & ~7u) || n->n_areas == 0)
			abort();
		if ((n->fingerprint[0] != 0) == (n->subject != NULL))
			abort();
		if (n->fingerprint[0] &&
		    (strlen(n->fingerprint) != 64 ||
		     strspn(n->fingerprint, "0123456789abcdef") != 64))
			abort();
		for (size_t k = 0; k < n->n_areas; k++)
			if (!word(n->areas[k]) || !config_node_in_area(n, n->areas[k]))
				abort();
		/* Unique: each node's own key finds that node. */
		if (config_find_node(c, n->fingerprint[0] ? n->fingerprint : NULL, n->subject) != n)
			abort();
		if (config_node_by_id(c, n->id) != n)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (dir[0] == 0)
		init();
	FILE *f = fopen(cfg, "wb");
	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	struct mgw_config *c = NULL;
	char err[512];
	int rc = config_load(cfg, &c, err, sizeof err);
	if (rc == MGW_OK) {
		check(c);
		config_free(c);
		return 0;
	}
	if (c != NULL || (rc != MGW_E_INVALID && rc != MGW_E_TOO_LARGE && rc != MGW_E_NOMEM))
		abort();
	size_t k = strlen(cfg);
	if (rc == MGW_E_INVALID && (strncmp(err, cfg, k) != 0 || err[k] != ':' ||
				    err[k + 1] < '1' || err[k + 1] > '9'))
		abort(); /* names the file and a line */
	for (const char *p = err; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			abort();
	return 0;
}

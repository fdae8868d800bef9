/*
 * epoch.c: build, pin and free epochs; see epoch.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"

static int str_differs(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

/*
 * The config module's key table (a reloadable flag per key) provides
 * config_reload_check. Declared weak so this file builds before it lands;
 * once linked, it is asked too, after the field comparison below (which
 * names the keys the daemon itself depends on).
 */
int config_reload_check(const struct mgw_config *old, const struct mgw_config *new_cfg,
			char *err, size_t n) __attribute__((weak));

int epoch_restart_keys_changed(const struct mgw_config *a, const struct mgw_config *b, char *err,
			       size_t errlen)
{
	const char *key = NULL;
	if (str_differs(a->state_dir, b->state_dir))
		key = "state_dir";
	else if (str_differs(a->audit_origin, b->audit_origin))
		key = "audit.origin";
	else if (str_differs(a->listen_address, b->listen_address))
		key = "listen.address";
	else if (a->listen_port != b->listen_port)
		key = "listen.port";
	else if (str_differs(a->port_file, b->port_file))
		key = "listen.port_file";
	else if (str_differs(a->tls_ca, b->tls_ca))
		key = "tls.ca";
	else if (str_differs(a->tls_cert, b->tls_cert))
		key = "tls.cert";
	else if (str_differs(a->tls_key, b->tls_key))
		key = "tls.key";
	else if (str_differs(a->metrics_address, b->metrics_address) ||
		 a->metrics_port != b->metrics_port)
		key = "metrics";
	else if (str_differs(a->user, b->user))
		key = "user";
	if (key == NULL)
		return config_reload_check && config_reload_check(a, b, err, errlen) != 0;
	snprintf(err, errlen, "restart: %s can only change with a restart of the gateway",
		 key);
	return 1;
}

struct epoch *epoch_build(const char *config_path, const struct epoch *old, uint64_t id,
			  char *err, size_t errlen)
{
	char e2[900];
	struct epoch *e = calloc(1, sizeof *e);
	if (e == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	e->refs = 1;
	e->id = id;
	if (config_load(config_path, &e->cfg, e2, sizeof e2) != MGW_OK) {
		snprintf(err, errlen, "config: %s", e2);
		goto fail;
	}
	if (old && epoch_restart_keys_changed(old->cfg, e->cfg, err, errlen))
		goto fail;
	if (e->cfg->policy_path == NULL) {
		snprintf(err, errlen, "config: %s: no policy: set \"policy:\" (default deny would "
				      "withhold every field)", config_path);
		goto fail;
	}
	if (policy_load(e->cfg->policy_path, &e->policy, e2, sizeof e2) != MGW_OK) {
		snprintf(err, errlen, "policy: %s", e2);
		goto fail;
	}
	memcpy(e->policy_sha256, policy_sha256(e->policy), 32);
	if (tls_build_store(e->cfg, &e->verify, &e->crl, e2, sizeof e2) != MGW_OK) {
		snprintf(err, errlen, "crl: %s", e2);
		goto fail;
	}
	return e;
fail:
	epoch_put(e);
	return NULL;
}

struct epoch *epoch_get(struct epoch *e)
{
	if (e)
		__atomic_add_fetch(&e->refs, 1, __ATOMIC_RELAXED);
	return e;
}

void epoch_put(struct epoch *e)
{
	if (e == NULL || __atomic_sub_fetch(&e->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	config_free(e->cfg);
	policy_free(e->policy);
	X509_STORE_free(e->verify);
	X509_CRL_free(e->crl);
	free(e);
}

/*
 * epoch.c: build, pin and free epochs; see epoch.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gw.h"
#include "log.h"
#include "mgw_err.h"
#include "mgw_limits.h"

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
	/* restart-only keys (the config key table's flag) keep the old epoch */
	if (old && config_reload_check(old->cfg, e->cfg, e2, sizeof e2) != MGW_OK) {
		snprintf(err, errlen, "restart: %s", e2);
		goto fail;
	}
	if (e->cfg->policy_path == NULL) {
		snprintf(err, errlen, "config: %s: no policy: set \"policy:\" (default deny would "
				      "withhold every field)", config_path);
		goto fail;
	}
	/* policy_load refuses deep nesting before libyaml's loader, quadratic in
	 * it (yaml_depth.h): a reload runs on the service thread. */
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

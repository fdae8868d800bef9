/*
 * epoch.h: one immutable, refcounted generation of everything a reload may
 * change: the config (node registry, areas, limits), the redaction policy,
 * and the TLS verify store with its CRL.
 *
 * Built whole on the service thread (at start, and on SIGHUP), validated,
 * then published by swapping gw.epoch. Nothing in an epoch changes after
 * epoch_build returns, so any thread may read a pinned epoch without a lock.
 * Every job pins (epoch_get) the epoch it was routed under and drops it
 * when freed; the writer reads configuration only through the job's epoch
 * (or the batch's), never through gw.epoch.
 *
 * A reload whose config changes a restart-only key (state_dir, audit.origin,
 * listen address or port, TLS certificate, key or CA) is refused: the
 * error names the key and the old epoch stays.
 */
#ifndef MARAC_EPOCH_H
#define MARAC_EPOCH_H

#include <openssl/x509.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "policy.h"

struct epoch {
	int refs;                   /* any thread, atomic */
	uint64_t id;                /* 1, 2, ... in build order */
	struct mgw_config *cfg;     /* owned, immutable */
	policy *policy;             /* owned, immutable */
	uint8_t policy_sha256[32];
	X509_STORE *verify;         /* CA + CRL; owned until handed to the SSL_CTX (epoch_take_verify) */
	X509_CRL *crl;              /* owned (NULL: no CRL configured) */
};

/*
 * Service thread. Load config_path, its policy and CRL into a new epoch
 * (refs = 1). old (may be NULL, at start) is the epoch in force: if given,
 * a change to a restart-only key refuses the reload. On failure returns
 * NULL and err says which part and why ("config: ...", "policy: ...",
 * "crl: ...", "restart-only key changed: audit.origin").
 */
struct epoch *epoch_build(const char *config_path, const struct epoch *old, uint64_t id,
			  char *err, size_t errlen);

/* Any thread: take a reference (NULL-safe); returns e. */
struct epoch *epoch_get(struct epoch *e);
/* Any thread: drop a reference; the last one frees. NULL is a no-op. */
void epoch_put(struct epoch *e);

#endif

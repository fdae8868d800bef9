/*
 * config.h: the daemon's configuration (gateway.yaml), parsed with libyaml.
 *
 * deploy/gateway.yaml documents every key. Unknown keys are errors (a typo
 * must not silently fall back to a default); every error names the file,
 * the line and the offending text. Relative paths are resolved against the
 * config file's directory. Limits default to mgw_limits.h and are checked
 * against its bounds.
 *
 * The node registry maps a client certificate to a node: by SHA-256
 * fingerprint of the DER certificate (preferred) or by exact subject
 * (OpenSSL one-line form, "/O=.../OU=.../CN=..."). Identity comes from the
 * certificate only.
 */
#ifndef MARAC_CONFIG_H
#define MARAC_CONFIG_H

#include <stddef.h>

#define MGW_ROLE_NODE 1u
#define MGW_ROLE_CHAIR 2u
#define MGW_ROLE_AUDITOR 4u

struct mgw_node {
	char *id;            /* [A-Za-z0-9._-]{1,64}, unique */
	int agency;          /* Marac__V1__Agency, never 0 */
	unsigned roles;      /* MGW_ROLE_* bits, at least one */
	char **areas;        /* MARAC areas served, at least one */
	size_t n_areas;
	char fingerprint[65];/* 64 lower-case hex, or "" when matched by subject */
	char *subject;       /* or NULL when matched by fingerprint */
};

struct mgw_config {
	char *path;                 /* the file loaded */
	char *listen_address;       /* default 127.0.0.1 */
	int listen_port;            /* 0 = ephemeral */
	char *port_file;            /* optional: bound port written here */
	char *tls_cert, *tls_key, *tls_ca;
	char *tls_crl;              /* optional */
	char *state_dir;
	char *policy_path;          /* optional in the file; the daemon requires it */
	char *metrics_address;      /* loopback only */
	int metrics_port;           /* 0 = no metrics listener */
	unsigned max_frame_bytes, max_in_flight, delivery_window, max_connections;
	unsigned idle_ping_secs, ping_timeout_secs, handshake_timeout_secs;
	char *audit_origin;         /* checkpoint origin line */
	unsigned checkpoint_every;  /* records */
	unsigned checkpoint_secs;
	char *log_level;            /* debug|info|warn|error */
	char *user;                 /* drop privileges to this user when started as root */
	struct mgw_node *nodes;
	size_t n_nodes;
};

/*
 * Load and validate path. On success *out owns the config (config_free).
 * Returns 0, MGW_E_IO (cannot read; err names the file), MGW_E_INVALID
 * (err: "FILE:LINE: what is wrong ..."), or MGW_E_NOMEM.
 */
int config_load(const char *path, struct mgw_config **out, char *err, size_t errlen);
void config_free(struct mgw_config *c);

/*
 * The node a certificate maps to: fingerprint (64 lower hex) first, then
 * exact subject (may be NULL). NULL if unregistered.
 */
const struct mgw_node *config_find_node(const struct mgw_config *c, const char *fingerprint,
					const char *subject);
const struct mgw_node *config_node_by_id(const struct mgw_config *c, const char *id);
/* 1 if node serves area. */
int config_node_in_area(const struct mgw_node *n, const char *area);
/* "police", "childrens_social_care", ...; "unknown" for other values. */
const char *config_agency_name(int agency);
/* Agency value for a name or alias (csc, asc); 0 if unknown. */
int config_agency_from_name(const char *name);

#endif

/*
 * config.h: the daemon's configuration (gateway.yaml), parsed with libyaml.
 *
 * deploy/gateway.yaml documents every key with its default and range.
 *
 * Strictness, because a misread security setting fails open:
 *  - Nesting deeper than MGW_CONFIG_MAX_DEPTH is refused before the
 *    document is built (FILE:LINE of the level that is too deep).
 *  - Unknown keys are errors: a typo ("max_frame_byte") must not silently
 *    leave the default in force. So are duplicate keys, keys with no value
 *    ("port:"), a second YAML document ("---") and values holding NUL.
 *  - Every error names the file, the line and the offending text:
 *      gateway.yaml:14: unknown key "max_frame_byte" in limits
 *      gateway.yaml:22: node "health-1": unknown agency "helth" (...)
 *  - Limits must lie within the bounds in mgw_limits.h; unset ones take the
 *    defaults there.
 *  - tls.cert, tls.key, tls.ca (and tls.crl, policy when given) must be
 *    readable now (access(2)): the daemon should fail at --check-config,
 *    not at the first handshake. tls.crl is optional; without it revoked
 *    certificates are accepted, so config_load logs a warning.
 *  - metrics.address must be a loopback address.
 * Relative paths are resolved against the directory of the config file and
 * stored absolute, so a later chdir cannot change what they name.
 *
 * The node registry maps a client certificate to a node: by the SHA-256
 * fingerprint of the DER certificate (preferred: it pins one key) or by exact
 * subject (OpenSSL one-line form "/O=.../OU=.../CN=...", for deployments that
 * reissue certificates; only as safe as the CA's issuance). Exactly one of the
 * two per node; ids and fingerprints and subjects are unique. Identity comes
 * from the certificate only, never from anything a node sends.
 */
#ifndef MARAC_CONFIG_H
#define MARAC_CONFIG_H

#include <stddef.h>

#include "dash.h"

#define MGW_ROLE_NODE 1u    /* shares and receives cases */
#define MGW_ROLE_CHAIR 2u   /* pulls the agenda of its areas */
#define MGW_ROLE_AUDITOR 4u /* reads and verifies the audit trail */
#define MGW_ROLE_LOOKUP 8u  /* point-of-call lookup (a police control room): lookup.h */

struct mgw_node {
	char *id;            /* [A-Za-z0-9._-]{1,MGW_ID_MAX}, unique */
	int agency;          /* a Marac__V1__Agency value, never 0 */
	unsigned roles;      /* MGW_ROLE_* bits, at least one */
	char **areas;        /* MARAC areas served, at least one, each an id, no repeats */
	size_t n_areas;
	char fingerprint[65];/* 64 lower-case hex, or "" when matched by subject */
	char *subject;       /* one-line subject, or NULL when matched by fingerprint */
	/*
	 * Optional "cert:" (h13-match): the node's certificate file, read at
	 * load and checked against its fingerprint or subject, so that the
	 * gateway knows, without the node connecting, when the certificate
	 * expires and its serial for the CRL: referrals fan out only to nodes
	 * whose certificate is valid (config_node_cert_state).
	 */
	char *cert_path;          /* absolute, or NULL */
	long long cert_not_before, cert_not_after; /* Unix seconds (cert_path set) */
	char cert_serial[84];     /* upper-case hex of the serial, "" if no cert_path */
};

/*
 * A MARAC area that takes referrals (the "referrals:" section): its case
 * reference code, the postcodes it covers and its meeting schedule.
 */
struct mgw_area {
	char *id;                /* area id as in the nodes' areas: lists */
	char code[9];            /* case reference prefix: 1-8 of A-Z 0-9 ("TS" -> TS-2026-0001) */
	char **postcodes;        /* outward-code prefixes, upper case, no spaces ("TS", "TS1") */
	size_t n_postcodes;
	int frequency;           /* enum meeting_freq (agenda.h): 1 weekly, 2 fortnightly, 3 daily */
	int weekday;             /* weekly: 1 = Monday .. 7 = Sunday */
	char *anchor_date;       /* fortnightly: a date a meeting is held, YYYY-MM-DD */
	unsigned min_days;       /* research days: meeting >= referral day + min_days */
	char **skip;             /* YYYY-MM-DD dates with no meeting */
	size_t n_skip;
	char *statement;         /* confidentiality statement; NULL: the default */
	char start_time[6];      /* h13-audit: HH:MM the cases start; "": AGENDA_START_DEFAULT */
	unsigned minutes_per_case; /* h13-audit: per case on the agenda; 0: AGENDA_MINUTES_DEFAULT */
	/* flags and lookups (lookup.h, flags.h) */
	unsigned flag_agencies;  /* bit (1 << Agency) told when a case of the area is touched,
				    besides its referring agency; default: IDVA */
	char *lookup_contact;    /* whom a control room should contact; NULL: none given */
	char *escalation_node;   /* markers: second-stage review notices go here (a node id); NULL: none */
	/*
	 * Local practice (DOMAIN.md: "make thresholds and windows configuration
	 * with these as defaults"): the area's "dash:" block (per form
	 * high_threshold, standard_max, medium_max; escalation_min_incidents,
	 * escalation_window_months), checked by dash_config_check at load, and
	 * its repeat_window_months (0: referrals.repeat_window_months).
	 */
	struct dash_config dash;
	unsigned repeat_window_months;
	/* followup: overdue action notices again every N days (0: the followup: block's) */
	unsigned action_notice_every_days;
};

/* Every string and array is owned by the config and freed by config_free. */
struct mgw_config {
	char *path;                 /* the file loaded, as given */
	char *listen_address;       /* default 127.0.0.1 */
	int listen_port;            /* default 8443; 0 = ephemeral */
	char *port_file;            /* optional: bound port written here (absolute) */
	char *tls_cert, *tls_key, *tls_ca; /* required, absolute, readable at load */
	char *tls_crl;              /* optional (NULL: no revocation checking) */
	char *state_dir;            /* required, absolute; the daemon creates it */
	char *policy_path;          /* optional in the file (NULL); the daemon requires it */
	char *metrics_address;      /* default 127.0.0.1; loopback only */
	int metrics_port;           /* default 0 = no metrics listener */
	unsigned max_frame_bytes, max_in_flight, delivery_window, max_connections;
	unsigned idle_ping_secs, ping_timeout_secs, handshake_timeout_secs;
	unsigned writer_stall_secs; /* s11-daemon: limits.writer_stall_secs (session_tick) */
	unsigned delivery_retention_secs; /* limits.delivery_retention_secs: bodies kept after ack */
	unsigned preauth_per_address; /* h11-perf: handshakes per source address under pressure */
	unsigned requests_per_second, requests_burst; /* a connection's request bucket (req_rate.c) */
	unsigned max_outbox_per_node; /* r-redteam6: limits.max_outbox_per_node (req_share.c) */
	char *audit_origin;         /* checkpoint origin line; default "marac-gateway" */
	unsigned checkpoint_every;  /* records; default MGW_CHECKPOINT_EVERY_DEFAULT */
	unsigned checkpoint_secs;   /* default MGW_CHECKPOINT_SECS_DEFAULT */
	char *log_level;            /* debug|info|warn|error; default info */
	char *user;                 /* optional: drop privileges to this user when started as root */
	struct mgw_node *nodes;     /* at least one */
	size_t n_nodes;
	/* referrals: (optional; without it referrals and agendas are refused) */
	char *match_key_path;       /* file of the HMAC key for repeat matching (absolute) */
	unsigned char *match_key;   /* its bytes, read at load (32-1024) */
	size_t match_key_len;
	unsigned repeat_window_months; /* default 12, 1-120 */
	struct mgw_area *areas;
	size_t n_areas;
	/* lookup: point-of-call lookup rate per node (token bucket) */
	unsigned lookup_per_minute; /* default MGW_LOOKUP_PER_MINUTE_DEFAULT */
	unsigned lookup_burst;      /* default MGW_LOOKUP_BURST_DEFAULT */
	/* followup: (actions and markers; all reloadable) */
	unsigned action_notice_every_days; /* overdue notices again every N days; default 7 */
	unsigned marker_max_months;        /* review due at most N months on; default 6 (1-6) */
	unsigned marker_notice_days;       /* first-stage notice N days before review due; default 14 */
	unsigned marker_escalate_days;     /* second stage N days after a missed review; default 14 */
};

/*
 * Load and validate path. On success returns 0 and *out owns a new config
 * (free with config_free); err is untouched. On failure *out is NULL and err
 * (if errlen > 0) holds one NUL-terminated line:
 *   MGW_E_IO         the file cannot be read: "FILE: strerror"
 *   MGW_E_TOO_LARGE  the file is above MGW_CONFIG_MAX_BYTES
 *   MGW_E_INVALID    syntax or validation: "FILE:LINE: what is wrong, quoting the text"
 *   MGW_E_NOMEM      out of memory
 */
int config_load(const char *path, struct mgw_config **out, char *err, size_t errlen);

/* Frees c and everything it owns (secrets wiped). NULL is a no-op. */
void config_free(struct mgw_config *c);

/*
 * May a running gateway switch from old to new (SIGHUP)? Every key is a row
 * of config.c's key table with a reloadable flag; the restart-only ones are
 * listen.address, listen.port, listen.port_file, tls.cert, tls.key, tls.ca,
 * state_dir, metrics.address, metrics.port, audit.origin, user and
 * referrals.match_key (path or key bytes). Returns 0 if none of them
 * differs; else MGW_E_INVALID with err naming the first key that does, its
 * old and new values (paths and addresses only; never key bytes) and why
 * it needs a restart. The daemon then keeps the old configuration.
 */
int config_reload_check(const struct mgw_config *old, const struct mgw_config *new, char *err,
			size_t errlen);

/* 1 if a reload may change the key ("limits.max_in_flight"), 0 if not, -1 if unknown. */
int config_key_reloadable(const char *name);

/*
 * The i-th key of the table (0, 1, ...) as its dotted name into buf; returns
 * 1 (reloadable), 0 (restart only), or -1 past the end. For documentation
 * checks and --help output.
 */
int config_key_name(size_t i, char *buf, size_t n);

/*
 * Check a CRL before it is used: crl_path is a regular file of at most
 * MGW_CRL_MAX_BYTES holding one X509 CRL (PEM or DER), issued by (issuer
 * name) and signed by the key of the certificate in ca_path, whose
 * nextUpdate has not passed and lastUpdate has. /dev/zero, a private key,
 * another CA's CRL or an expired one are refused, so a reload never
 * installs a CRL that would refuse every node.
 * Returns 0, MGW_E_IO (a file cannot be read), MGW_E_INVALID; err says
 * which file and why.
 */
int config_crl_check(const char *ca_path, const char *crl_path, char *err, size_t errlen);

/*
 * The checks of the files a config names that need their contents, beyond
 * config_load's "readable now": today config_crl_check(tls_ca, tls_crl)
 * when tls.crl is set. For --check-config, start-up and every reload
 * (before the new epoch is swapped in). Returns as config_crl_check.
 */
int config_check_files(const struct mgw_config *c, char *err, size_t errlen);

/*
 * Read a node certificate (PEM) at path: its SHA-256 fingerprint (64
 * lower-case hex), one-line subject, serial (upper-case hex) and validity
 * (Unix seconds). Returns 0, MGW_E_IO (cannot read), MGW_E_INVALID (not a
 * PEM certificate); err says which.
 */
int config_cert_read(const char *path, char fp[65], char *subject, size_t subjlen,
		     char serial[84], long long *not_before, long long *not_after, char *err,
		     size_t errlen);

/* Whether a node's certificate may receive referrals (config_node_cert_state). */
enum node_cert_state {
	NODE_CERT_UNKNOWN = 0, /* no cert: registered: the gateway cannot tell */
	NODE_CERT_VALID = 1,
	NODE_CERT_EXPIRED = 2, /* outside its validity at now (also not yet valid) */
	NODE_CERT_REVOKED = 3, /* its serial is on crl */
};

/*
 * The state of n's certificate at now (Unix seconds) against crl (an
 * X509_CRL *, NULL: no CRL). Any thread; n and crl only read.
 */
int config_node_cert_state(const struct mgw_node *n, const void *crl, long long now);

/*
 * The node a certificate maps to, or NULL if unregistered. fingerprint: 64
 * lower-case hex of SHA-256(DER) (may be NULL); compared with entries that
 * use fingerprint:. Only if none matches is subject (one-line form; may be
 * NULL) compared, exactly, with entries that use subject:. The result
 * points into c and lives as long as c.
 */
const struct mgw_node *config_find_node(const struct mgw_config *c, const char *fingerprint,
					const char *subject);

/* The node with this id, or NULL. Points into c. */
const struct mgw_node *config_node_by_id(const struct mgw_config *c, const char *id);

/* The referral area with this id, or NULL. Points into c. */
const struct mgw_area *config_area(const struct mgw_config *c, const char *id);

/* The repeat window of area a (months): its own, else referrals.repeat_window_months. */
unsigned config_area_repeat_window(const struct mgw_config *c, const struct mgw_area *a);
/* The days between an open action's overdue notices in area a (NULL: the global value). */
unsigned config_area_action_notice_every(const struct mgw_config *c, const struct mgw_area *a);

/*
 * The referral area covering postcode (any case and spacing). A postcodes:
 * entry is a district ("TS1": exactly that outward code) or a postcode area
 * ("TS": every outward code whose letters are TS, so TS1 and TS14 but not
 * T1); a district entry wins over an area entry. NULL if none or invalid.
 */
const struct mgw_area *config_area_for_postcode(const struct mgw_config *c, const char *postcode);

/* 1 if n serves area (exact match), else 0. */
int config_node_in_area(const struct mgw_node *n, const char *area);

/*
 * The canonical lower-case name of a Marac__V1__Agency value as written in
 * the config ("police", "childrens_social_care", "adult_social_care",
 * "health", "idva", "probation", "housing", "education"); "unknown" for any
 * other value. Static storage.
 */
const char *config_agency_name(int agency);

/* The Agency value for a canonical name or alias ("csc", "asc"); 0 if unknown. */
int config_agency_from_name(const char *name);

#endif

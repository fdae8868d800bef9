/*
 * config.c: see config.h. libyaml's document API gives every node its
 * line, so each error can point at the text that caused it.
 */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "marac/v1/case.pb-c.h"
#include "mgw_err.h"
#include "mgw_limits.h"

struct ctx {
	yaml_document_t doc;
	const char *file;
	char *dir;
	char *err;
	size_t errlen;
	int failed;
};

static int fail(struct ctx *x, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct ctx *x, const yaml_node_t *n, const char *fmt, ...)
{
	if (x->failed)
		return MGW_E_INVALID;
	x->failed = 1;
	int k = snprintf(x->err, x->errlen, "%s:%lu: ", x->file,
			 n ? (unsigned long)n->start_mark.line + 1 : 0UL);
	if (k < 0 || (size_t)k >= x->errlen)
		return MGW_E_INVALID;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->err + k, x->errlen - (size_t)k, fmt, ap);
	va_end(ap);
	return MGW_E_INVALID;
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int want_scalar(struct ctx *x, const yaml_node_t *n, const char *key, const char **out)
{
	*out = scalar(n);
	if (*out == NULL)
		return fail(x, n, "\"%s\" must be a single value", key);
	return MGW_OK;
}

static int set_str(struct ctx *x, const yaml_node_t *n, const char *key, char **dst)
{
	const char *v;
	if (want_scalar(x, n, key, &v))
		return MGW_E_INVALID;
	free(*dst);
	*dst = strdup(v);
	return *dst ? MGW_OK : MGW_E_NOMEM;
}

/* A path: relative ones are resolved against the config file's directory. */
static int set_path(struct ctx *x, const yaml_node_t *n, const char *key, char **dst)
{
	const char *v;
	if (want_scalar(x, n, key, &v))
		return MGW_E_INVALID;
	if (v[0] == 0)
		return fail(x, n, "\"%s\" is empty", key);
	free(*dst);
	if (v[0] == '/') {
		*dst = strdup(v);
	} else {
		size_t len = strlen(x->dir) + strlen(v) + 2;
		*dst = malloc(len);
		if (*dst)
			snprintf(*dst, len, "%s/%s", x->dir, v);
	}
	return *dst ? MGW_OK : MGW_E_NOMEM;
}

static int set_uint(struct ctx *x, const yaml_node_t *n, const char *key, unsigned *dst,
		    unsigned long min, unsigned long max)
{
	const char *v;
	if (want_scalar(x, n, key, &v))
		return MGW_E_INVALID;
	char *end;
	errno = 0;
	unsigned long u = strtoul(v, &end, 10);
	if (!isdigit((unsigned char)v[0]) || *end || errno || u < min || u > max)
		return fail(x, n, "\"%s\": %s is not a whole number from %lu to %lu", key, v, min,
			    max);
	*dst = (unsigned)u;
	return MGW_OK;
}

static int set_port(struct ctx *x, const yaml_node_t *n, const char *key, int *dst)
{
	unsigned u;
	if (set_uint(x, n, key, &u, 0, 65535))
		return MGW_E_INVALID;
	*dst = (int)u;
	return MGW_OK;
}

static int loopback(const char *a)
{
	struct in_addr v4;
	struct in6_addr v6;
	if (inet_pton(AF_INET, a, &v4) == 1)
		return (ntohl(v4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, a, &v6) == 1)
		return IN6_IS_ADDR_LOOPBACK(&v6);
	return strcmp(a, "localhost") == 0;
}

static yaml_node_t *node_at(struct ctx *x, int id)
{
	return yaml_document_get_node(&x->doc, id);
}

/* Iterate a mapping: for each pair calls fn(key, value). */
typedef int (*pair_fn)(struct ctx *x, struct mgw_config *c, const char *key, yaml_node_t *k,
		       yaml_node_t *v, void *arg);

static int each_pair(struct ctx *x, struct mgw_config *c, yaml_node_t *map, const char *what,
		     pair_fn fn, void *arg)
{
	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return fail(x, map, "%s must be a mapping of keys to values", what);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = node_at(x, p->key), *v = node_at(x, p->value);
		const char *key = scalar(k);
		if (key == NULL)
			return fail(x, k, "keys in %s must be plain words", what);
		for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++)
			if (strcmp(scalar(node_at(x, q->key)) ? scalar(node_at(x, q->key)) : "", key) == 0)
				return fail(x, k, "duplicate key \"%s\" in %s", key, what);
		int rc = fn(x, c, key, k, v, arg);
		if (rc)
			return rc;
	}
	return MGW_OK;
}

static int do_listen(struct ctx *x, struct mgw_config *c, const char *key, yaml_node_t *k,
		     yaml_node_t *v, void *arg)
{
	if (!strcmp(key, "address"))
		return set_str(x, v, "listen.address", &c->listen_address);
	if (!strcmp(key, "port"))
		return set_port(x, v, "listen.port", &c->listen_port);
	if (!strcmp(key, "port_file"))
		return set_path(x, v, "listen.port_file", &c->port_file);
	return fail(x, k, "unknown key \"%s\" in listen", key);
}

static int do_tls(struct ctx *x, struct mgw_config *c, const char *key, yaml_node_t *k,
		  yaml_node_t *v, void *arg)
{
	if (!strcmp(key, "cert"))
		return set_path(x, v, "tls.cert", &c->tls_cert);
	if (!strcmp(key, "key"))
		return set_path(x, v, "tls.key", &c->tls_key);
	if (!strcmp(key, "ca"))
		return set_path(x, v, "tls.ca", &c->tls_ca);
	if (!strcmp(key, "crl"))
		return set_path(x, v, "tls.crl", &c->tls_crl);
	return fail(x, k, "unknown key \"%s\" in tls", key);
}

static int do_metrics(struct ctx *x, struct mgw_config *c, const char *key, yaml_node_t *k,
		      yaml_node_t *v, void *arg)
{
	if (!strcmp(key, "address")) {
		if (set_str(x, v, "metrics.address", &c->metrics_address))
			return MGW_E_INVALID;
		if (!loopback(c->metrics_address))
			return fail(x, v, "metrics.address \"%s\" is not a loopback address: "
					  "metrics are for this host only", c->metrics_address);
		return MGW_OK;
	}
	if (!strcmp(key, "port"))
		return set_port(x, v, "metrics.port", &c->metrics_port);
	return fail(x, k, "unknown key \"%s\" in metrics", key);
}

static int do_limits(struct ctx *x, struct mgw_config *c, const char *key, yaml_node_t *k,
		     yaml_node_t *v, void *arg)
{
	static const struct {
		const char *name;
		size_t off;
		unsigned long min, max;
	} L[] = {
		{"max_frame_bytes", offsetof(struct mgw_config, max_frame_bytes),
		 MGW_MAX_FRAME_BYTES_MIN, MGW_MAX_FRAME_BYTES_MAX},
		{"max_in_flight", offsetof(struct mgw_config, max_in_flight), 1, 1024},
		{"delivery_window", offsetof(struct mgw_config, delivery_window), 1, 1024},
		{"max_connections", offsetof(struct mgw_config, max_connections), 1, 4096},
		{"idle_ping_secs", offsetof(struct mgw_config, idle_ping_secs), 1, 3600},
		{"ping_timeout_secs", offsetof(struct mgw_config, ping_timeout_secs), 1, 600},
		{"handshake_timeout_secs", offsetof(struct mgw_config, handshake_timeout_secs), 1, 120},
	};
	for (size_t i = 0; i < sizeof L / sizeof L[0]; i++)
		if (!strcmp(key, L[i].name)) {
			char full[64];
			snprintf(full, sizeof full, "limits.%s", key);
			return set_uint(x, v, full, (unsigned *)((char *)c + L[i].off), L[i].min,
					L[i].max);
		}
	return fail(x, k, "unknown key \"%s\" in limits", key);
}

static int do_audit(struct ctx *x, struct mgw_config *c, const char *key, yaml_node_t *k,
		    yaml_node_t *v, void *arg)
{
	if (!strcmp(key, "origin"))
		return set_str(x, v, "audit.origin", &c->audit_origin);
	if (!strcmp(key, "checkpoint_every"))
		return set_uint(x, v, "audit.checkpoint_every", &c->checkpoint_every, 1, 1000000);
	if (!strcmp(key, "checkpoint_secs"))
		return set_uint(x, v, "audit.checkpoint_secs", &c->checkpoint_secs, 1, 86400);
	return fail(x, k, "unknown key \"%s\" in audit", key);
}

static int do_log(struct ctx *x, struct mgw_config *c, const char *key, yaml_node_t *k,
		  yaml_node_t *v, void *arg)
{
	if (!strcmp(key, "level")) {
		if (set_str(x, v, "log.level", &c->log_level))
			return MGW_E_INVALID;
		const char *ok[] = {"debug", "info", "warn", "error"};
		for (int i = 0; i < 4; i++)
			if (!strcmp(c->log_level, ok[i]))
				return MGW_OK;
		return fail(x, v, "log.level \"%s\": one of debug, info, warn, error", c->log_level);
	}
	return fail(x, k, "unknown key \"%s\" in log", key);
}

static const struct {
	const char *name;
	int value;
} agencies[] = {
	{"police", 1}, {"childrens_social_care", 2}, {"csc", 2}, {"adult_social_care", 3},
	{"asc", 3}, {"health", 4}, {"idva", 5}, {"probation", 6}, {"housing", 7},
	{"education", 8},
};

int config_agency_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof agencies / sizeof agencies[0]; i++)
		if (!strcmp(agencies[i].name, name))
			return agencies[i].value;
	return 0;
}

const char *config_agency_name(int agency)
{
	for (size_t i = 0; i < sizeof agencies / sizeof agencies[0]; i++)
		if (agencies[i].value == agency)
			return agencies[i].name;
	return "unknown";
}

static int id_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > MGW_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '.' && s[i] != '_' && s[i] != '-')
			return 0;
	return 1;
}

/* "sha256:AB:CD..." / "abcd..." -> 64 lower hex; 0 on success. */
static int norm_fingerprint(const char *in, char out[65])
{
	if (!strncasecmp(in, "sha256:", 7) || !strncasecmp(in, "sha256=", 7))
		in += 7;
	size_t k = 0;
	for (; *in; in++) {
		if (*in == ':')
			continue;
		if (!isxdigit((unsigned char)*in) || k == 64)
			return -1;
		out[k++] = (char)tolower((unsigned char)*in);
	}
	out[k] = 0;
	return k == 64 ? 0 : -1;
}

static int do_node(struct ctx *x, struct mgw_config *c, const char *key, yaml_node_t *k,
		   yaml_node_t *v, void *arg)
{
	struct mgw_node *n = arg;
	const char *s;
	if (!strcmp(key, "id")) {
		if (want_scalar(x, v, "id", &s))
			return MGW_E_INVALID;
		if (!id_ok(s))
			return fail(x, v, "node id \"%s\": 1-64 of A-Z a-z 0-9 . _ -", s);
		n->id = strdup(s);
		return n->id ? MGW_OK : MGW_E_NOMEM;
	}
	if (!strcmp(key, "agency")) {
		if (want_scalar(x, v, "agency", &s))
			return MGW_E_INVALID;
		n->agency = config_agency_from_name(s);
		if (n->agency == 0)
			return fail(x, v, "unknown agency \"%s\" (police, childrens_social_care, "
					  "adult_social_care, health, idva, probation, housing, "
					  "education)", s);
		return MGW_OK;
	}
	if (!strcmp(key, "fingerprint")) {
		if (want_scalar(x, v, "fingerprint", &s))
			return MGW_E_INVALID;
		if (norm_fingerprint(s, n->fingerprint) != 0)
			return fail(x, v, "fingerprint \"%s\" is not a SHA-256 (64 hex digits)", s);
		return MGW_OK;
	}
	if (!strcmp(key, "subject")) {
		if (want_scalar(x, v, "subject", &s))
			return MGW_E_INVALID;
		if (s[0] != '/')
			return fail(x, v, "subject \"%s\": use OpenSSL's one-line form /O=.../CN=...", s);
		n->subject = strdup(s);
		return n->subject ? MGW_OK : MGW_E_NOMEM;
	}
	if (!strcmp(key, "roles") || !strcmp(key, "areas")) {
		if (v->type != YAML_SEQUENCE_NODE)
			return fail(x, v, "\"%s\" must be a list, e.g. [node]", key);
		size_t cnt = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
		if (cnt == 0)
			return fail(x, v, "\"%s\" is empty", key);
		if (!strcmp(key, "areas")) {
			n->areas = calloc(cnt, sizeof(char *));
			if (n->areas == NULL)
				return MGW_E_NOMEM;
		}
		for (yaml_node_item_t *it = v->data.sequence.items.start;
		     it < v->data.sequence.items.top; it++) {
			yaml_node_t *e = node_at(x, *it);
			if (want_scalar(x, e, key, &s))
				return MGW_E_INVALID;
			if (!strcmp(key, "roles")) {
				unsigned r = !strcmp(s, "node") ? MGW_ROLE_NODE
					     : !strcmp(s, "chair") ? MGW_ROLE_CHAIR
					     : !strcmp(s, "auditor") ? MGW_ROLE_AUDITOR : 0;
				if (r == 0)
					return fail(x, e, "unknown role \"%s\" (node, chair, auditor)", s);
				n->roles |= r;
			} else {
				if (!id_ok(s))
					return fail(x, e, "area \"%s\": 1-64 of A-Z a-z 0-9 . _ -", s);
				if ((n->areas[n->n_areas++] = strdup(s)) == NULL)
					return MGW_E_NOMEM;
			}
		}
		return MGW_OK;
	}
	return fail(x, k, "unknown key \"%s\" in a node", key);
}

static int do_nodes(struct ctx *x, struct mgw_config *c, yaml_node_t *v)
{
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(x, v, "nodes must be a list");
	size_t cnt = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	c->nodes = calloc(cnt ? cnt : 1, sizeof *c->nodes);
	if (c->nodes == NULL)
		return MGW_E_NOMEM;
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
	     it++) {
		yaml_node_t *e = node_at(x, *it);
		struct mgw_node *n = &c->nodes[c->n_nodes++];
		int rc = each_pair(x, c, e, "a node", do_node, n);
		if (rc)
			return rc;
		if (n->id == NULL)
			return fail(x, e, "node without \"id\"");
		if (n->agency == 0)
			return fail(x, e, "node \"%s\": no \"agency\"", n->id);
		if (n->roles == 0)
			return fail(x, e, "node \"%s\": no \"roles\"", n->id);
		if (n->n_areas == 0)
			return fail(x, e, "node \"%s\": no \"areas\"", n->id);
		if ((n->fingerprint[0] != 0) == (n->subject != NULL))
			return fail(x, e, "node \"%s\": exactly one of \"fingerprint\" or \"subject\"",
				    n->id);
		for (size_t j = 0; j + 1 < c->n_nodes; j++) {
			if (!strcmp(c->nodes[j].id, n->id))
				return fail(x, e, "duplicate node id \"%s\"", n->id);
			if (n->fingerprint[0] && !strcmp(c->nodes[j].fingerprint, n->fingerprint))
				return fail(x, e, "node \"%s\": fingerprint already registered for \"%s\"",
					    n->id, c->nodes[j].id);
			if (n->subject && c->nodes[j].subject && !strcmp(c->nodes[j].subject, n->subject))
				return fail(x, e, "node \"%s\": subject already registered for \"%s\"",
					    n->id, c->nodes[j].id);
		}
	}
	return MGW_OK;
}

static int do_top(struct ctx *x, struct mgw_config *c, const char *key, yaml_node_t *k,
		  yaml_node_t *v, void *arg)
{
	if (!strcmp(key, "listen"))
		return each_pair(x, c, v, "listen", do_listen, NULL);
	if (!strcmp(key, "tls"))
		return each_pair(x, c, v, "tls", do_tls, NULL);
	if (!strcmp(key, "metrics"))
		return each_pair(x, c, v, "metrics", do_metrics, NULL);
	if (!strcmp(key, "limits"))
		return each_pair(x, c, v, "limits", do_limits, NULL);
	if (!strcmp(key, "audit"))
		return each_pair(x, c, v, "audit", do_audit, NULL);
	if (!strcmp(key, "log"))
		return each_pair(x, c, v, "log", do_log, NULL);
	if (!strcmp(key, "state_dir"))
		return set_path(x, v, "state_dir", &c->state_dir);
	if (!strcmp(key, "policy"))
		return set_path(x, v, "policy", &c->policy_path);
	if (!strcmp(key, "user"))
		return set_str(x, v, "user", &c->user);
	if (!strcmp(key, "nodes"))
		return do_nodes(x, c, v);
	return fail(x, k, "unknown key \"%s\"", key);
}

static int readable(struct ctx *x, const char *path, const char *what)
{
	if (access(path, R_OK) != 0)
		return fail(x, NULL, "%s %s: %s", what, path, strerror(errno));
	return MGW_OK;
}

static int defaults(struct mgw_config *c)
{
	c->listen_address = strdup("127.0.0.1");
	c->listen_port = 8443;
	c->metrics_address = strdup("127.0.0.1");
	c->max_frame_bytes = MGW_MAX_FRAME_BYTES_DEFAULT;
	c->max_in_flight = MGW_MAX_IN_FLIGHT_DEFAULT;
	c->delivery_window = MGW_DELIVERY_WINDOW_DEFAULT;
	c->max_connections = MGW_MAX_CONNECTIONS_DEFAULT;
	c->idle_ping_secs = MGW_IDLE_PING_SECS_DEFAULT;
	c->ping_timeout_secs = MGW_PING_TIMEOUT_SECS_DEFAULT;
	c->handshake_timeout_secs = MGW_HANDSHAKE_TIMEOUT_SECS_DEFAULT;
	c->audit_origin = strdup("marac-gateway");
	c->checkpoint_every = 1000;
	c->checkpoint_secs = 60;
	c->log_level = strdup("info");
	return c->listen_address && c->metrics_address && c->audit_origin && c->log_level
		       ? MGW_OK : MGW_E_NOMEM;
}

int config_load(const char *path, struct mgw_config **out, char *err, size_t errlen)
{
	*out = NULL;
	struct ctx x = {.file = path, .err = err, .errlen = errlen};
	struct mgw_config *c = calloc(1, sizeof *c);
	yaml_parser_t parser;
	int have_parser = 0, have_doc = 0, rc = MGW_E_NOMEM;
	char *pathcopy = strdup(path);
	FILE *f = NULL;
	if (c == NULL || pathcopy == NULL || defaults(c) != MGW_OK)
		goto fail;
	c->path = strdup(path);
	x.dir = strdup(dirname(pathcopy));
	if (c->path == NULL || x.dir == NULL)
		goto fail;
	f = fopen(path, "rb");
	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = MGW_E_IO;
		goto fail;
	}
	if (!yaml_parser_initialize(&parser))
		goto fail;
	have_parser = 1;
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &x.doc)) {
		snprintf(err, errlen, "%s:%lu: YAML syntax error: %s", path,
			 (unsigned long)parser.problem_mark.line + 1,
			 parser.problem ? parser.problem : "unknown");
		rc = MGW_E_INVALID;
		goto fail;
	}
	have_doc = 1;
	yaml_node_t *root = yaml_document_get_root_node(&x.doc);
	if (root == NULL) {
		snprintf(err, errlen, "%s: empty configuration", path);
		rc = MGW_E_INVALID;
		goto fail;
	}
	rc = each_pair(&x, c, root, "the configuration", do_top, NULL);
	if (rc)
		goto fail;
	rc = MGW_E_INVALID;
	if (!c->tls_cert || !c->tls_key || !c->tls_ca) {
		fail(&x, root, "tls.cert, tls.key and tls.ca are required");
		goto fail;
	}
	if (!c->state_dir) {
		fail(&x, root, "state_dir is required");
		goto fail;
	}
	if (c->n_nodes == 0) {
		fail(&x, root, "no nodes registered");
		goto fail;
	}
	if (readable(&x, c->tls_cert, "tls.cert") || readable(&x, c->tls_key, "tls.key") ||
	    readable(&x, c->tls_ca, "tls.ca") || (c->tls_crl && readable(&x, c->tls_crl, "tls.crl")) ||
	    (c->policy_path && readable(&x, c->policy_path, "policy")))
		goto fail;
	rc = MGW_OK;
	*out = c;
	c = NULL;
fail:
	if (have_doc)
		yaml_document_delete(&x.doc);
	if (have_parser)
		yaml_parser_delete(&parser);
	if (f)
		fclose(f);
	free(pathcopy);
	free(x.dir);
	config_free(c);
	return rc;
}

void config_free(struct mgw_config *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n_nodes; i++) {
		free(c->nodes[i].id);
		free(c->nodes[i].subject);
		for (size_t k = 0; k < c->nodes[i].n_areas; k++)
			free(c->nodes[i].areas[k]);
		free(c->nodes[i].areas);
	}
	free(c->nodes);
	free(c->path);
	free(c->listen_address);
	free(c->port_file);
	free(c->tls_cert);
	free(c->tls_key);
	free(c->tls_ca);
	free(c->tls_crl);
	free(c->state_dir);
	free(c->policy_path);
	free(c->metrics_address);
	free(c->audit_origin);
	free(c->log_level);
	free(c->user);
	free(c);
}

const struct mgw_node *config_find_node(const struct mgw_config *c, const char *fingerprint,
					const char *subject)
{
	for (size_t i = 0; fingerprint && i < c->n_nodes; i++)
		if (c->nodes[i].fingerprint[0] && !strcmp(c->nodes[i].fingerprint, fingerprint))
			return &c->nodes[i];
	for (size_t i = 0; subject && i < c->n_nodes; i++)
		if (c->nodes[i].subject && !strcmp(c->nodes[i].subject, subject))
			return &c->nodes[i];
	return NULL;
}

const struct mgw_node *config_node_by_id(const struct mgw_config *c, const char *id)
{
	for (size_t i = 0; i < c->n_nodes; i++)
		if (!strcmp(c->nodes[i].id, id))
			return &c->nodes[i];
	return NULL;
}

int config_node_in_area(const struct mgw_node *n, const char *area)
{
	for (size_t i = 0; i < n->n_areas; i++)
		if (!strcmp(n->areas[i], area))
			return 1;
	return 0;
}

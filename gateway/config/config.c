/*
 * config.c: see config.h.
 *
 * The file is read whole (at most MGW_CONFIG_MAX_BYTES) and parsed with
 * libyaml's document API, which keeps every node's position, so each error
 * can point at the line and quote the text that caused it. The walk has a
 * fixed depth (section -> key -> value; nodes -> node -> list -> item), so
 * anchors and aliases cannot make it recurse or expand: an alias that points
 * somewhere unexpected (even at its own parent) is just a value of the wrong
 * kind and is refused like any other.
 *
 * Only the first error is reported (fail() keeps it); every function returns
 * MGW_OK, MGW_E_INVALID (err set) or MGW_E_NOMEM.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>
#include <openssl/crypto.h>

#include "agenda.h"
#include "caldate.h"
#include "ident.h"
#include "log.h"
#include "marac/v1/case.pb-c.h"
#include "mgw_err.h"
#include "mgw_limits.h"
#include "yaml_depth.h"

struct ctx {
	yaml_document_t doc;
	const char *file;   /* the path as given, for messages */
	const char *text;   /* the file's bytes, for quoting syntax errors */
	size_t len;
	char *dir;          /* absolute directory of the file */
	char *err;
	size_t errlen;
	int failed;         /* an error is in err: keep the first */
	char label[96];     /* "node \"ID\": " while a node is read */
	/* Where values were, for the checks made after the walk. */
	const yaml_node_t *at_tls, *at_cert, *at_key, *at_ca, *at_crl, *at_policy;
	const yaml_node_t *at_referrals, *at_match_key;
};

static unsigned long line_of(const yaml_node_t *n)
{
	return n ? (unsigned long)n->start_mark.line + 1 : 1;
}

/* Writes "FILE:LINE: [label]message" with control characters shown as '?'. */
static int fail_at(struct ctx *x, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail_at(struct ctx *x, unsigned long line, const char *fmt, ...)
{
	if (x->failed)
		return MGW_E_INVALID;
	x->failed = 1;
	if (x->errlen == 0)
		return MGW_E_INVALID;
	int k = snprintf(x->err, x->errlen, "%s:%lu: %s", x->file, line, x->label);
	if (k >= 0 && (size_t)k < x->errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(x->err + k, x->errlen - (size_t)k, fmt, ap);
		va_end(ap);
	}
	for (char *p = x->err; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return MGW_E_INVALID;
}

#define fail(x, n, ...) fail_at((x), line_of(n), __VA_ARGS__)

static yaml_node_t *node_at(struct ctx *x, int id)
{
	return yaml_document_get_node(&x->doc, id);
}

/* A plain empty, "~" or "null" scalar: the key was written without a value. */
static int is_null(const yaml_node_t *n)
{
	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	const char *v = (const char *)n->data.scalar.value;
	return !*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") ||
	       !strcmp(v, "NULL");
}

/* A scalar usable as a C string: not null, no embedded NUL. */
static const char *plain_string(const yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE || is_null(n))
		return NULL;
	const char *v = (const char *)n->data.scalar.value;
	return strlen(v) == n->data.scalar.length ? v : NULL;
}

static int want_scalar(struct ctx *x, const yaml_node_t *n, const char *key, const char **out)
{
	*out = plain_string(n);
	if (*out)
		return MGW_OK;
	if (n == NULL || is_null(n))
		return fail(x, n, "\"%s\" has no value", key);
	if (n->type != YAML_SCALAR_NODE)
		return fail(x, n, "\"%s\" must be a single value, not a list or mapping", key);
	return fail(x, n, "\"%s\" contains a NUL byte", key);
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
static int set_path(struct ctx *x, const yaml_node_t *n, const char *key, char **dst,
		    const yaml_node_t **at)
{
	const char *v;
	if (want_scalar(x, n, key, &v))
		return MGW_E_INVALID;
	free(*dst);
	if (v[0] == '/') {
		*dst = strdup(v);
	} else {
		size_t len = strlen(x->dir) + strlen(v) + 2;
		*dst = malloc(len);
		if (*dst)
			snprintf(*dst, len, "%s/%s", x->dir, v);
	}
	if (at)
		*at = n;
	return *dst ? MGW_OK : MGW_E_NOMEM;
}

/* Decimal digits only (no sign, no 0x, no spaces), within [min, max]. */
static int set_uint(struct ctx *x, const yaml_node_t *n, const char *key, unsigned *dst,
		    unsigned long min, unsigned long max)
{
	const char *v;
	if (want_scalar(x, n, key, &v))
		return MGW_E_INVALID;
	unsigned long u = 0;
	int over = 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9')
			return fail(x, n, "%s: \"%s\" is not a whole number", key, v);
		u = u * 10 + (unsigned long)(*p - '0');
		if (u > max) {
			over = 1;
			u = max + 1; /* stays above max, cannot wrap */
		}
	}
	if (over || u < min || u > max)
		return fail(x, n, "%s: %s is out of range (%lu to %lu)", key, v, min, max);
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

/* [A-Za-z0-9._-]{1,max} */
static int word_ok(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n == 0 || n > max)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-'))
			return 0;
	}
	return 1;
}

/* Iterate a mapping with unique plain keys: fn(key, key node, value node) per pair. */
typedef int (*pair_fn)(struct ctx *x, struct mgw_config *c, const char *key,
		       const yaml_node_t *k, yaml_node_t *v, void *arg);

static int each_pair(struct ctx *x, struct mgw_config *c, const yaml_node_t *map,
		     const char *what, pair_fn fn, void *arg)
{
	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return fail(x, map, "%s must be a mapping (key: value lines)", what);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = node_at(x, p->key), *v = node_at(x, p->value);
		const char *key = plain_string(k);
		if (key == NULL || v == NULL)
			return fail(x, k, "keys in %s must be plain words", what);
		for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++)
			if (strcmp(plain_string(node_at(x, q->key)), key) == 0)
				return fail(x, k, "duplicate key \"%s\" in %s", key, what);
		int rc = fn(x, c, key, k, v, arg);
		if (rc)
			return rc;
	}
	return MGW_OK;
}

/* 1..MGW_AUDIT_ORIGIN_MAX bytes, no C0/C1 control characters (it is a note's first line). */
static int origin_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > MGW_AUDIT_ORIGIN_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x20 || b == 0x7f ||
		    (b == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		     (unsigned char)s[i + 1] <= 0x9f))
			return 0;
	}
	return 1;
}

/* Canonical names first: config_agency_name returns the first match. */
static const struct {
	const char *name;
	int value;
} agencies[] = {
	{"police", MARAC__V1__AGENCY__AGENCY_POLICE},
	{"childrens_social_care", MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE},
	{"adult_social_care", MARAC__V1__AGENCY__AGENCY_ADULT_SOCIAL_CARE},
	{"health", MARAC__V1__AGENCY__AGENCY_HEALTH},
	{"idva", MARAC__V1__AGENCY__AGENCY_IDVA},
	{"probation", MARAC__V1__AGENCY__AGENCY_PROBATION},
	{"housing", MARAC__V1__AGENCY__AGENCY_HOUSING},
	{"education", MARAC__V1__AGENCY__AGENCY_EDUCATION},
	{"csc", MARAC__V1__AGENCY__AGENCY_CHILDRENS_SOCIAL_CARE},
	{"asc", MARAC__V1__AGENCY__AGENCY_ADULT_SOCIAL_CARE},
};

int config_agency_from_name(const char *name)
{
	for (size_t i = 0; name && i < sizeof agencies / sizeof agencies[0]; i++)
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

/* "sha256:AB:CD..." or "abcd..." -> 64 lower hex; 0 on success. */
static int norm_fingerprint(const char *in, char out[65])
{
	if (!strncasecmp(in, "sha256:", 7) || !strncasecmp(in, "sha256=", 7))
		in += 7;
	size_t k = 0;
	for (; *in; in++) {
		char ch = *in;
		if (ch == ':')
			continue;
		if (ch >= 'A' && ch <= 'F')
			ch = (char)(ch - 'A' + 'a');
		if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')) || k == 64)
			return -1;
		out[k++] = ch;
	}
	out[k] = 0;
	return k == 64 ? 0 : -1;
}

static int do_list(struct ctx *x, struct mgw_node *n, const char *key, yaml_node_t *v)
{
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(x, v, "\"%s\" must be a list, e.g. %s", key,
			    !strcmp(key, "roles") ? "[node]" : "[testshire]");
	size_t cnt = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	if (cnt == 0)
		return fail(x, v, "\"%s\" is empty", key);
	int areas = !strcmp(key, "areas");
	if (areas) {
		n->areas = calloc(cnt, sizeof *n->areas);
		if (n->areas == NULL)
			return MGW_E_NOMEM;
	}
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
	     it++) {
		const yaml_node_t *e = node_at(x, *it);
		const char *s;
		if (want_scalar(x, e, key, &s))
			return MGW_E_INVALID;
		if (!areas) {
			unsigned r = !strcmp(s, "node")	   ? MGW_ROLE_NODE
				     : !strcmp(s, "chair")   ? MGW_ROLE_CHAIR
				     : !strcmp(s, "auditor") ? MGW_ROLE_AUDITOR
				     : !strcmp(s, "lookup")  ? MGW_ROLE_LOOKUP
							     : 0;
			if (r == 0)
				return fail(x, e, "unknown role \"%s\" (node, chair, auditor, lookup)",
					    s);
			n->roles |= r;
			continue;
		}
		if (!word_ok(s, MGW_ID_MAX))
			return fail(x, e, "area \"%s\": 1 to %u of A-Z a-z 0-9 . _ -", s, MGW_ID_MAX);
		if (config_node_in_area(n, s))
			return fail(x, e, "area \"%s\" listed twice", s);
		if ((n->areas[n->n_areas] = strdup(s)) == NULL)
			return MGW_E_NOMEM;
		n->n_areas++;
	}
	return MGW_OK;
}

static int do_node(struct ctx *x, struct mgw_config *c, const char *key, const yaml_node_t *k,
		   yaml_node_t *v, void *arg)
{
	struct mgw_node *n = arg;
	const char *s;
	if (!strcmp(key, "roles") || !strcmp(key, "areas"))
		return do_list(x, n, key, v);
	if (!strcmp(key, "cert")) {
		/* Read now: a registry that names a certificate it cannot read is wrong. */
		char fp[65], subj[512], why[600];
		int rc = set_path(x, v, key, &n->cert_path, NULL);
		if (rc == MGW_OK &&
		    config_cert_read(n->cert_path, fp, subj, sizeof subj, n->cert_serial,
				     &n->cert_not_before, &n->cert_not_after, why, sizeof why) != MGW_OK)
			rc = fail(x, v, "%s", why);
		if (rc == MGW_OK && ((n->fingerprint[0] && strcmp(fp, n->fingerprint)) ||
				     (n->subject && strcmp(subj, n->subject))))
			rc = fail(x, v, "cert \"%s\" is not the certificate this node's fingerprint "
					"or subject names", n->cert_path);
		return rc;
	}
	if (strcmp(key, "id") && strcmp(key, "agency") && strcmp(key, "fingerprint") &&
	    strcmp(key, "subject"))
		return fail(x, k, "unknown key \"%s\" (id, agency, fingerprint, subject, roles, "
				  "areas, cert)", key);
	if (want_scalar(x, v, key, &s))
		return MGW_E_INVALID;
	if (!strcmp(key, "id")) {
		if (!word_ok(s, MGW_ID_MAX))
			return fail(x, v, "id \"%s\": 1 to %u of A-Z a-z 0-9 . _ -", s, MGW_ID_MAX);
		n->id = strdup(s);
		return n->id ? MGW_OK : MGW_E_NOMEM;
	}
	if (!strcmp(key, "agency")) {
		n->agency = config_agency_from_name(s);
		if (n->agency == 0)
			return fail(x, v, "unknown agency \"%s\" (police, childrens_social_care or "
					  "csc, adult_social_care or asc, health, idva, probation, "
					  "housing, education)", s);
		return MGW_OK;
	}
	if (!strcmp(key, "fingerprint")) {
		if (norm_fingerprint(s, n->fingerprint) != 0) {
			n->fingerprint[0] = 0;
			return fail(x, v, "fingerprint \"%s\" is not a SHA-256 (64 hex digits, "
					  "colons optional)", s);
		}
		return MGW_OK;
	}
	/* subject */
	if (s[0] != '/' || strchr(s, '=') == NULL)
		return fail(x, v, "subject \"%s\": use OpenSSL's one-line form /O=.../CN=...", s);
	n->subject = strdup(s);
	return n->subject ? MGW_OK : MGW_E_NOMEM;
}

/* The "node ..." prefix for errors inside a node: its id if it has one. */
static void set_label(struct ctx *x, const yaml_node_t *e, size_t index)
{
	snprintf(x->label, sizeof x->label, "node #%zu: ", index + 1);
	if (e == NULL || e->type != YAML_MAPPING_NODE)
		return;
	for (yaml_node_pair_t *p = e->data.mapping.pairs.start; p < e->data.mapping.pairs.top; p++) {
		const char *k = plain_string(node_at(x, p->key));
		const char *v = plain_string(node_at(x, p->value));
		if (k && v && !strcmp(k, "id")) {
			snprintf(x->label, sizeof x->label, "node \"%.64s\": ", v);
			return;
		}
	}
}

static int do_nodes(struct ctx *x, struct mgw_config *c, yaml_node_t *v)
{
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(x, v, "\"nodes\" must be a list of nodes (\"- id: ...\")");
	yaml_node_item_t *items = v->data.sequence.items.start;
	size_t cnt = (size_t)(v->data.sequence.items.top - items);
	if (cnt == 0)
		return fail(x, v, "\"nodes\" is empty: register at least one node");
	c->nodes = calloc(cnt, sizeof *c->nodes);
	if (c->nodes == NULL)
		return MGW_E_NOMEM;
	for (size_t i = 0; i < cnt; i++) {
		const yaml_node_t *e = node_at(x, items[i]);
		struct mgw_node *n = &c->nodes[c->n_nodes++];
		set_label(x, e, i);
		int rc = each_pair(x, c, e, "a node", do_node, n);
		if (rc)
			return rc;
		if (n->id == NULL)
			return fail(x, e, "no \"id\"");
		if (n->agency == 0)
			return fail(x, e, "no \"agency\"");
		if (n->roles == 0)
			return fail(x, e, "no \"roles\" (node, chair, auditor, lookup)");
		if (n->n_areas == 0)
			return fail(x, e, "no \"areas\"");
		if ((n->fingerprint[0] != 0) == (n->subject != NULL))
			return fail(x, e, "give exactly one of \"fingerprint\" or \"subject\"");
		/* cert: may come before fingerprint: in the node; check the pair again. */
		if (n->cert_path != NULL) {
			char fp[65], subj[512], ser[84], why[600];
			long long nb, na;
			if (config_cert_read(n->cert_path, fp, subj, sizeof subj, ser, &nb, &na, why,
					     sizeof why) != MGW_OK)
				return fail(x, e, "%s", why);
			if ((n->fingerprint[0] && strcmp(fp, n->fingerprint)) ||
			    (n->subject && strcmp(subj, n->subject)))
				return fail(x, e, "cert \"%s\" is not the certificate this node's "
						  "fingerprint or subject names", n->cert_path);
		}
		for (size_t j = 0; j < i; j++) {
			const struct mgw_node *o = &c->nodes[j];
			unsigned long first = line_of(node_at(x, items[j]));
			if (!strcmp(o->id, n->id))
				return fail(x, e, "duplicate node id (first at line %lu)", first);
			if (n->fingerprint[0] && !strcmp(o->fingerprint, n->fingerprint))
				return fail(x, e, "fingerprint already registered for node \"%s\" "
						  "(line %lu)", o->id, first);
			if (n->subject && o->subject && !strcmp(o->subject, n->subject))
				return fail(x, e, "subject already registered for node \"%s\" "
						  "(line %lu)", o->id, first);
		}
	}
	x->label[0] = 0;
	return MGW_OK;
}

/* A list of plain scalars: fn(value node, string) per item. */
typedef int (*item_fn)(struct ctx *x, const yaml_node_t *e, const char *s, void *arg);

static int each_item(struct ctx *x, const yaml_node_t *v, const char *key, item_fn fn, void *arg)
{
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(x, v, "\"%s\" must be a list, e.g. [a, b]", key);
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
	     it++) {
		const yaml_node_t *e = node_at(x, *it);
		const char *s;
		if (want_scalar(x, e, key, &s))
			return MGW_E_INVALID;
		int rc = fn(x, e, s, arg);
		if (rc)
			return rc;
	}
	return MGW_OK;
}

static int push_str(char ***list, size_t *n, const char *s)
{
	char **nl = realloc(*list, (*n + 1) * sizeof *nl);
	if (nl == NULL)
		return MGW_E_NOMEM;
	*list = nl;
	if ((nl[*n] = strdup(s)) == NULL)
		return MGW_E_NOMEM;
	(*n)++;
	return MGW_OK;
}

/*
 * "TS" (a postcode area: 1-2 letters) or "TS1" (a district: an outward code).
 * The only one-letter postcode areas are B E G L M N S W, so "T" (or "T1")
 * is a typo, most likely for a two-letter area.
 */
static int area_postcode(struct ctx *x, const yaml_node_t *e, const char *s, void *arg)
{
	struct mgw_area *a = arg;
	char up[8];
	size_t n = strlen(s), letters = 0;
	if (n == 0 || n > 4)
		return fail(x, e, "postcode \"%s\": give a postcode area (\"TS\") or an outward "
				  "code (\"TS1\")", s);
	for (size_t i = 0; i < n; i++)
		up[i] = (char)((s[i] >= 'a' && s[i] <= 'z') ? s[i] - 32 : s[i]);
	up[n] = 0;
	while (letters < n && up[letters] >= 'A' && up[letters] <= 'Z')
		letters++;
	int ok = (letters == 1 && strchr("BEGLMNSW", up[0])) || letters == 2;
	if (ok && letters < n) {
		/* A district: check it by completing it into a postcode. */
		char full[16], out[5];
		snprintf(full, sizeof full, "%s 1AA", up);
		ok = ident_postcode_outward(full, strlen(full), out) == 0 && !strcmp(out, up);
	}
	if (!ok)
		return fail(x, e, "postcode \"%s\": give a postcode area (\"TS\") or an outward "
				  "code (\"TS1\")", s);
	for (size_t i = 0; i < a->n_postcodes; i++)
		if (!strcmp(a->postcodes[i], up))
			return fail(x, e, "postcode \"%s\" listed twice", s);
	return push_str(&a->postcodes, &a->n_postcodes, up);
}

static int area_skip(struct ctx *x, const yaml_node_t *e, const char *s, void *arg)
{
	struct mgw_area *a = arg;
	int32_t d;
	if (caldate_parse(s, &d) != 0)
		return fail(x, e, "skip date \"%s\" is not YYYY-MM-DD", s);
	return push_str(&a->skip, &a->n_skip, s);
}

/* flag_agencies: agency names ("idva", "police", ...), each once. */
static int area_flag_agency(struct ctx *x, const yaml_node_t *e, const char *s, void *arg)
{
	struct mgw_area *a = arg;
	int ag = config_agency_from_name(s);
	if (ag <= 0 || ag > 31)
		return fail(x, e, "flag_agencies: unknown agency \"%s\"", s);
	if (a->flag_agencies & (1u << ag))
		return fail(x, e, "flag_agencies: \"%s\" listed twice", s);
	a->flag_agencies |= 1u << ag;
	return MGW_OK;
}

/* One DASH form's block: {high_threshold, standard_max, medium_max}. */
static int do_dash_form(struct ctx *x, struct mgw_config *c, const char *key, const yaml_node_t *k,
			yaml_node_t *v, void *arg)
{
	(void)c;
	struct dash_form_config *f = arg;
	if (!strcmp(key, "high_threshold"))
		return set_uint(x, v, key, &f->high_threshold, 1, f->questions);
	if (!strcmp(key, "standard_max"))
		return set_uint(x, v, key, &f->standard_max, 0, f->questions);
	if (!strcmp(key, "medium_max"))
		return set_uint(x, v, key, &f->medium_max, 0, f->questions);
	return fail(x, k, "unknown key \"%s\" (high_threshold, standard_max, medium_max)", key);
}

/*
 * An area's "dash:" block (local practice; unset keys keep the DOMAIN.md
 * defaults of dash_config_defaults). The forms are named, never guessed:
 * the 27-question police form has its own threshold and bands.
 */
static int do_area_dash(struct ctx *x, struct mgw_config *c, const char *key, const yaml_node_t *k,
			yaml_node_t *v, void *arg)
{
	struct dash_config *d = arg;
	if (!strcmp(key, "safelives24"))
		return each_pair(x, c, v, "dash.safelives24", do_dash_form, &d->safelives24);
	if (!strcmp(key, "police27"))
		return each_pair(x, c, v, "dash.police27", do_dash_form, &d->police27);
	if (!strcmp(key, "escalation_min_incidents"))
		return set_uint(x, v, key, &d->escalation_min_incidents, 1, 100);
	if (!strcmp(key, "escalation_window_months"))
		return set_uint(x, v, key, &d->escalation_window_months, 1, 60);
	return fail(x, k, "unknown key \"%s\" in dash (safelives24, police27, "
			  "escalation_min_incidents, escalation_window_months)", key);
}

static int do_area(struct ctx *x, struct mgw_config *c, const char *key, const yaml_node_t *k,
		   yaml_node_t *v, void *arg)
{
	(void)c;
	struct mgw_area *a = arg;
	static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
					   "friday", "saturday", "sunday"};
	const char *s;
	if (!strcmp(key, "postcodes"))
		return each_item(x, v, key, area_postcode, a);
	if (!strcmp(key, "skip"))
		return each_item(x, v, key, area_skip, a);
	if (!strcmp(key, "min_days"))
		return set_uint(x, v, key, &a->min_days, 0, 366);
	if (!strcmp(key, "statement"))
		return set_str(x, v, key, &a->statement);
	/* h13-audit: the agenda's time slots */
	if (!strcmp(key, "minutes_per_case"))
		return set_uint(x, v, key, &a->minutes_per_case, 1, AGENDA_MINUTES_MAX);
	if (!strcmp(key, "start_time")) {
		unsigned m;
		if (want_scalar(x, v, key, &s))
			return MGW_E_INVALID;
		if (agenda_parse_hhmm(s, &m) != MGW_OK)
			return fail(x, v, "start_time \"%s\" is not HH:MM (00:00 to 23:59)", s);
		snprintf(a->start_time, sizeof a->start_time, "%s", s);
		return MGW_OK;
	}
	if (!strcmp(key, "flag_agencies")) {
		a->flag_agencies = 0; /* the list replaces the default */
		if (v->type == YAML_SEQUENCE_NODE &&
		    v->data.sequence.items.top == v->data.sequence.items.start)
			return MGW_OK; /* []: only the referring agency is told */
		return each_item(x, v, key, area_flag_agency, a);
	}
	if (!strcmp(key, "lookup_contact"))
		return set_str(x, v, key, &a->lookup_contact);
	if (!strcmp(key, "escalation_node")) { /* h12-actions: markers' second stage */
		int rc = set_str(x, v, key, &a->escalation_node);
		if (rc == MGW_OK && !word_ok(a->escalation_node, MGW_ID_MAX))
			return fail(x, v, "escalation_node \"%s\": a node id", a->escalation_node);
		return rc;
	}
	if (!strcmp(key, "dash")) {
		int rc = each_pair(x, c, v, "dash", do_area_dash, &a->dash);
		char why[192];
		/* The bands and threshold together: "standard_max < medium_max" spans two keys. */
		if (rc == MGW_OK && dash_config_check(&a->dash, why, sizeof why) != MGW_OK)
			rc = fail(x, v, "%s", why);
		return rc;
	}
	if (!strcmp(key, "repeat_window_months"))
		return set_uint(x, v, key, &a->repeat_window_months, 1, 120);
	if (!strcmp(key, "action_notice_every_days")) /* as followup.action_notice_every_days */
		return set_uint(x, v, key, &a->action_notice_every_days, 1, 90);
	if (strcmp(key, "id") && strcmp(key, "case_ref_code") && strcmp(key, "meetings") &&
	    strcmp(key, "weekday") && strcmp(key, "anchor_date"))
		return fail(x, k, "unknown key \"%s\" (id, case_ref_code, postcodes, meetings, "
				  "weekday, anchor_date, min_days, skip, statement, start_time, "
				  "minutes_per_case, flag_agencies, lookup_contact, escalation_node, "
				  "dash, repeat_window_months, action_notice_every_days)", key);
	if (want_scalar(x, v, key, &s))
		return MGW_E_INVALID;
	if (!strcmp(key, "id")) {
		if (!word_ok(s, MGW_ID_MAX))
			return fail(x, v, "id \"%s\": 1 to %u of A-Z a-z 0-9 . _ -", s, MGW_ID_MAX);
		free(a->id);
		return (a->id = strdup(s)) ? MGW_OK : MGW_E_NOMEM;
	}
	if (!strcmp(key, "case_ref_code")) {
		size_t n = strlen(s);
		int ok = n >= 1 && n < sizeof a->code;
		for (size_t i = 0; ok && i < n; i++)
			ok = (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9');
		if (!ok)
			return fail(x, v, "case_ref_code \"%s\": 1 to 8 of A-Z 0-9", s);
		memcpy(a->code, s, n + 1);
		return MGW_OK;
	}
	if (!strcmp(key, "meetings")) {
		a->frequency = !strcmp(s, "weekly")	   ? MEETING_WEEKLY
			       : !strcmp(s, "fortnightly") ? MEETING_FORTNIGHTLY
			       : !strcmp(s, "daily")	   ? MEETING_DAILY
							   : 0;
		return a->frequency ? MGW_OK
				    : fail(x, v, "meetings \"%s\": weekly, fortnightly or daily", s);
	}
	if (!strcmp(key, "weekday")) {
		for (int i = 0; i < 7; i++)
			if (!strcasecmp(s, days[i])) {
				a->weekday = i + 1;
				return MGW_OK;
			}
		return fail(x, v, "weekday \"%s\": monday .. sunday", s);
	}
	/* anchor_date */
	int32_t d;
	if (caldate_parse(s, &d) != 0)
		return fail(x, v, "anchor_date \"%s\" is not YYYY-MM-DD", s);
	free(a->anchor_date);
	return (a->anchor_date = strdup(s)) ? MGW_OK : MGW_E_NOMEM;
}

static int do_areas(struct ctx *x, struct mgw_config *c, yaml_node_t *v)
{
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(x, v, "\"areas\" must be a list of areas (\"- id: ...\")");
	yaml_node_item_t *items = v->data.sequence.items.start;
	size_t cnt = (size_t)(v->data.sequence.items.top - items);
	if (cnt == 0)
		return fail(x, v, "\"areas\" is empty");
	free(c->areas);
	if ((c->areas = calloc(cnt, sizeof *c->areas)) == NULL)
		return MGW_E_NOMEM;
	for (size_t i = 0; i < cnt; i++) {
		const yaml_node_t *e = node_at(x, items[i]);
		struct mgw_area *a = &c->areas[c->n_areas++];
		a->min_days = 0;
		a->flag_agencies = 1u << MARAC__V1__AGENCY__AGENCY_IDVA;
		dash_config_defaults(&a->dash);
		int rc = each_pair(x, c, e, "an area", do_area, a);
		if (rc)
			return rc;
		if (a->id == NULL)
			return fail(x, e, "area: no \"id\"");
		snprintf(x->label, sizeof x->label, "area \"%.64s\": ", a->id);
		if (a->code[0] == 0)
			rc = fail(x, e, "no \"case_ref_code\"");
		else if (a->frequency == 0)
			rc = fail(x, e, "no \"meetings\" (weekly, fortnightly, daily)");
		else if (a->frequency == MEETING_WEEKLY && a->weekday == 0)
			rc = fail(x, e, "weekly meetings need a \"weekday\"");
		else if (a->frequency == MEETING_FORTNIGHTLY && a->anchor_date == NULL)
			rc = fail(x, e, "fortnightly meetings need an \"anchor_date\" (a meeting day)");
		for (size_t j = 0; rc == MGW_OK && j < i; j++) {
			if (!strcmp(c->areas[j].id, a->id))
				rc = fail(x, e, "duplicate area id");
			else if (!strcmp(c->areas[j].code, a->code))
				rc = fail(x, e, "case_ref_code \"%s\" already used by area \"%s\"",
					  a->code, c->areas[j].id);
		}
		/* One postcode entry belongs to one area. */
		for (size_t j = 0; rc == MGW_OK && j < i; j++)
			for (size_t p = 0; rc == MGW_OK && p < a->n_postcodes; p++)
				for (size_t q = 0; q < c->areas[j].n_postcodes; q++)
					if (!strcmp(a->postcodes[p], c->areas[j].postcodes[q])) {
						rc = fail(x, e, "postcode \"%s\" is also in area "
								"\"%s\"", a->postcodes[p],
							  c->areas[j].id);
						break;
					}
		x->label[0] = 0;
		if (rc)
			return rc;
	}
	return MGW_OK;
}

/* The repeat-matching key: 32 to 1024 bytes, not readable by group or others. */
static int read_match_key(struct ctx *x, struct mgw_config *c)
{
	const yaml_node_t *at = x->at_match_key;
	FILE *f = fopen(c->match_key_path, "rb");
	if (f == NULL)
		return fail(x, at, "match_key \"%s\": %s", c->match_key_path, strerror(errno));
	struct stat st;
	int rc = MGW_OK;
	unsigned char buf[1025];
	size_t n = 0;
	if (fstat(fileno(f), &st) != 0)
		rc = fail(x, at, "match_key \"%s\": %s", c->match_key_path, strerror(errno));
	else if (st.st_mode & 077)
		rc = fail(x, at, "match_key \"%s\": readable by group or others (chmod 600)",
			  c->match_key_path);
	else if ((n = fread(buf, 1, sizeof buf, f)) < 32 || n > 1024)
		rc = fail(x, at, "match_key \"%s\": %zu bytes; it must hold 32 to 1024 random "
				 "bytes (openssl rand -out FILE 32)", c->match_key_path, n);
	fclose(f);
	if (rc == MGW_OK) {
		if ((c->match_key = malloc(n)) == NULL)
			rc = MGW_E_NOMEM;
		else {
			memcpy(c->match_key, buf, n);
			c->match_key_len = n;
		}
	}
	OPENSSL_cleanse(buf, sizeof buf);
	return rc;
}

static int check_referrals(struct ctx *x, struct mgw_config *c)
{
	if (x->at_referrals == NULL)
		return MGW_OK;
	if (c->match_key_path == NULL)
		return fail(x, x->at_referrals, "referrals.match_key is required");
	if (c->n_areas == 0)
		return fail(x, x->at_referrals, "referrals.areas is required");
	for (size_t i = 0; i < c->n_areas; i++) {
		const struct mgw_area *a = &c->areas[i];
		int served = 0;
		for (size_t k = 0; k < c->n_nodes; k++)
			served |= config_node_in_area(&c->nodes[k], a->id);
		if (!served)
			return fail(x, x->at_referrals, "area \"%s\": no node serves it", a->id);
		if (a->escalation_node) { /* h12-actions: must be a node serving the area */
			const struct mgw_node *en = config_node_by_id(c, a->escalation_node);
			if (en == NULL || !config_node_in_area(en, a->id))
				return fail(x, x->at_referrals, "area \"%s\": escalation_node \"%s\" "
						"is not a node serving it", a->id, a->escalation_node);
		}
		/* The schedule must produce a meeting (e.g. not every date skipped). */
		struct meeting_schedule ms = {
			.freq = (enum meeting_freq)a->frequency, .weekday = a->weekday,
			.anchor_date = a->anchor_date, .min_days = a->min_days,
			.skip = (const char *const *)a->skip, .n_skip = a->n_skip};
		char today[11], next[11];
		caldate_format((int32_t)(time(NULL) / 86400), today);
		if (meeting_next(&ms, today, next) != 0)
			return fail(x, x->at_referrals, "area \"%s\": its schedule gives no meeting "
							"within a year", a->id);
	}
	return read_match_key(x, c);
}

/* ---- the key table ---------------------------------------------------------------
 *
 * Every setting is one row: its name, type, bounds, default, whether a
 * reload may change it, and any check beyond its type (Redis's
 * standardConfig). The walk, the defaults, the error messages and
 * config_reload_check all come from this table; sections are the dotted
 * prefixes. "nodes" and "referrals.areas" are lists of records with their
 * own readers (do_nodes, do_areas).
 */
enum ktype { K_STR, K_PATH, K_UINT, K_PORT, K_LIST };

/* A reload (SIGHUP) may not change it: the daemon applies it only at start. */
#define K_RESTART 0x1u

typedef int (*key_check_fn)(struct ctx *x, struct mgw_config *c, const yaml_node_t *v);
typedef int (*key_list_fn)(struct ctx *x, struct mgw_config *c, yaml_node_t *v);

struct cfg_key {
	const char *section;   /* NULL: a top-level key */
	const char *name;
	enum ktype type;
	size_t off;            /* the field in struct mgw_config */
	unsigned long min, max, def; /* K_UINT, K_PORT */
	const char *def_str;   /* K_STR: default (NULL: unset) */
	unsigned flags;
	key_check_fn check;    /* after the value is set; NULL: none */
	key_list_fn list;      /* K_LIST reader */
	size_t at;             /* offsetof(struct ctx, at_*) + 1 to record the position; 0: none */
	const char *why;       /* K_RESTART: why, for the refusal */
};

static int check_metrics_address(struct ctx *x, struct mgw_config *c, const yaml_node_t *v)
{
	if (!loopback(c->metrics_address))
		return fail(x, v, "metrics.address \"%s\" is not a loopback address "
				  "(metrics are for this host only)", c->metrics_address);
	return MGW_OK;
}

static int check_origin(struct ctx *x, struct mgw_config *c, const yaml_node_t *v)
{
	if (!origin_ok(c->audit_origin))
		return fail(x, v, "audit.origin \"%s\": 1 to %u characters, no control "
				  "characters", c->audit_origin, MGW_AUDIT_ORIGIN_MAX);
	return MGW_OK;
}

static int check_log_level(struct ctx *x, struct mgw_config *c, const yaml_node_t *v)
{
	static const char *const ok[] = {"debug", "info", "warn", "error"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (!strcmp(c->log_level, ok[i]))
			return MGW_OK;
	return fail(x, v, "log.level \"%s\": one of debug, info, warn, error", c->log_level);
}

static int check_user(struct ctx *x, struct mgw_config *c, const yaml_node_t *v)
{
	if (!word_ok(c->user, 32))
		return fail(x, v, "user \"%s\" is not a user name", c->user);
	return MGW_OK;
}

#define F(field) offsetof(struct mgw_config, field)
#define AT(field) (offsetof(struct ctx, field) + 1)
#define LIMIT(n, field, MACRO)                                                           \
	{"limits", n, K_UINT, F(field), MACRO##_MIN, MACRO##_MAX, MACRO##_DEFAULT, NULL, 0, \
	 NULL, NULL, 0, NULL}

static const struct cfg_key keys[] = {
	{"listen", "address", K_STR, F(listen_address), 0, 0, 0, "127.0.0.1", K_RESTART, NULL,
	 NULL, 0, "the listener is bound at start"},
	{"listen", "port", K_PORT, F(listen_port), 0, 65535, 8443, NULL, K_RESTART, NULL, NULL, 0,
	 "the listener is bound at start"},
	{"listen", "port_file", K_PATH, F(port_file), 0, 0, 0, NULL, K_RESTART, NULL, NULL, 0,
	 "written once, when the listener is bound"},
	{"tls", "cert", K_PATH, F(tls_cert), 0, 0, 0, NULL, K_RESTART, NULL, NULL, AT(at_cert),
	 "the server certificate is loaded at start"},
	{"tls", "key", K_PATH, F(tls_key), 0, 0, 0, NULL, K_RESTART, NULL, NULL, AT(at_key),
	 "the server key is loaded at start"},
	{"tls", "ca", K_PATH, F(tls_ca), 0, 0, 0, NULL, K_RESTART, NULL, NULL, AT(at_ca),
	 "a new CA changes who may connect: restart deliberately"},
	{"tls", "crl", K_PATH, F(tls_crl), 0, 0, 0, NULL, 0, NULL, NULL, AT(at_crl), NULL},
	{NULL, "state_dir", K_PATH, F(state_dir), 0, 0, 0, NULL, K_RESTART, NULL, NULL, 0,
	 "the store and the audit trail live there"},
	{NULL, "policy", K_PATH, F(policy_path), 0, 0, 0, NULL, 0, NULL, NULL, AT(at_policy), NULL},
	{"metrics", "address", K_STR, F(metrics_address), 0, 0, 0, "127.0.0.1", K_RESTART,
	 check_metrics_address, NULL, 0, "the metrics listener is bound at start"},
	{"metrics", "port", K_PORT, F(metrics_port), 0, 65535, 0, NULL, K_RESTART, NULL, NULL, 0,
	 "the metrics listener is bound at start"},
	LIMIT("max_frame_bytes", max_frame_bytes, MGW_MAX_FRAME_BYTES),
	LIMIT("max_in_flight", max_in_flight, MGW_MAX_IN_FLIGHT),
	LIMIT("delivery_window", delivery_window, MGW_DELIVERY_WINDOW),
	LIMIT("max_connections", max_connections, MGW_MAX_CONNECTIONS),
	LIMIT("idle_ping_secs", idle_ping_secs, MGW_IDLE_PING_SECS),
	LIMIT("ping_timeout_secs", ping_timeout_secs, MGW_PING_TIMEOUT_SECS),
	LIMIT("handshake_timeout_secs", handshake_timeout_secs, MGW_HANDSHAKE_TIMEOUT_SECS),
	LIMIT("writer_stall_secs", writer_stall_secs, MGW_WRITER_STALL_SECS), /* s11-daemon */
	LIMIT("delivery_retention_secs", delivery_retention_secs, MGW_DELIVERY_RETENTION_SECS),
	LIMIT("preauth_per_address", preauth_per_address, MGW_PREAUTH_PER_ADDRESS), /* h11-perf */
	LIMIT("requests_per_second", requests_per_second, MGW_REQ_PER_SEC),
	LIMIT("requests_burst", requests_burst, MGW_REQ_BURST),
	LIMIT("max_outbox_per_node", max_outbox_per_node, MGW_OUTBOX_NODE), /* r-redteam6 */
	{"audit", "origin", K_STR, F(audit_origin), 0, 0, 0, "marac-gateway", K_RESTART,
	 check_origin, NULL, 0, "every checkpoint names it: a new origin needs a new trail"},
	{"audit", "checkpoint_every", K_UINT, F(checkpoint_every), MGW_CHECKPOINT_EVERY_MIN,
	 MGW_CHECKPOINT_EVERY_MAX, MGW_CHECKPOINT_EVERY_DEFAULT, NULL, 0, NULL, NULL, 0, NULL},
	{"audit", "checkpoint_secs", K_UINT, F(checkpoint_secs), MGW_CHECKPOINT_SECS_MIN,
	 MGW_CHECKPOINT_SECS_MAX, MGW_CHECKPOINT_SECS_DEFAULT, NULL, 0, NULL, NULL, 0, NULL},
	{"log", "level", K_STR, F(log_level), 0, 0, 0, "info", 0, check_log_level, NULL, 0, NULL},
	{NULL, "user", K_STR, F(user), 0, 0, 0, NULL, K_RESTART, check_user, NULL, 0,
	 "privileges are dropped once, at start"},
	{NULL, "nodes", K_LIST, 0, 0, 0, 0, NULL, 0, NULL, do_nodes, 0, NULL},
	{"referrals", "match_key", K_PATH, F(match_key_path), 0, 0, 0, NULL, K_RESTART, NULL, NULL,
	 AT(at_match_key), "the blind index of every stored case is keyed with it"},
	{"referrals", "repeat_window_months", K_UINT, F(repeat_window_months), 1, 120, 12, NULL, 0,
	 NULL, NULL, 0, NULL},
	{"referrals", "areas", K_LIST, 0, 0, 0, 0, NULL, 0, NULL, do_areas, 0, NULL},
	{"lookup", "per_minute", K_UINT, F(lookup_per_minute), MGW_LOOKUP_PER_MINUTE_MIN,
	 MGW_LOOKUP_PER_MINUTE_MAX, MGW_LOOKUP_PER_MINUTE_DEFAULT, NULL, 0, NULL, NULL, 0, NULL},
	{"lookup", "burst", K_UINT, F(lookup_burst), MGW_LOOKUP_BURST_MIN, MGW_LOOKUP_BURST_MAX,
	 MGW_LOOKUP_BURST_DEFAULT, NULL, 0, NULL, NULL, 0, NULL},
	/* h12-actions: deadlines after the meeting (meeting.proto) */
	{"followup", "action_notice_every_days", K_UINT, F(action_notice_every_days), 1, 90, 7,
	 NULL, 0, NULL, NULL, 0, NULL},
	{"followup", "marker_max_months", K_UINT, F(marker_max_months), 1, 6, 6, NULL, 0, NULL,
	 NULL, 0, NULL},
	{"followup", "marker_notice_days", K_UINT, F(marker_notice_days), 1, 60, 14, NULL, 0,
	 NULL, NULL, 0, NULL},
	{"followup", "marker_escalate_days", K_UINT, F(marker_escalate_days), 1, 60, 14, NULL, 0,
	 NULL, NULL, 0, NULL},
};

#define N_KEYS (sizeof keys / sizeof keys[0])

/* The names a section (NULL: top level) accepts, for "unknown key" messages. */
static void key_names(const char *section, char *out, size_t n)
{
	size_t k = 0;
	out[0] = 0;
	for (size_t i = 0; i < N_KEYS; i++) {
		const char *name;
		if (section) {
			if (keys[i].section == NULL || strcmp(keys[i].section, section))
				continue;
			name = keys[i].name;
		} else {
			name = keys[i].section ? keys[i].section : keys[i].name;
			int seen = 0;
			for (size_t j = 0; j < i; j++)
				seen |= !strcmp(keys[j].section ? keys[j].section : keys[j].name, name);
			if (seen)
				continue;
		}
		int w = snprintf(out + k, n - k, "%s%s", k ? ", " : "", name);
		if (w < 0 || (size_t)w >= n - k)
			return;
		k += (size_t)w;
	}
}

static int set_key(struct ctx *x, struct mgw_config *c, const struct cfg_key *d, yaml_node_t *v)
{
	char full[64];
	if (d->section)
		snprintf(full, sizeof full, "%s.%s", d->section, d->name);
	else
		snprintf(full, sizeof full, "%s", d->name);
	void *field = (char *)c + d->off;
	const yaml_node_t **at = d->at ? (const yaml_node_t **)(void *)((char *)x + d->at - 1) : NULL;
	int rc;
	switch (d->type) {
	case K_STR:
		rc = set_str(x, v, full, field);
		break;
	case K_PATH:
		rc = set_path(x, v, full, field, at);
		at = NULL;
		break;
	case K_UINT:
		rc = set_uint(x, v, full, field, d->min, d->max);
		break;
	case K_PORT:
		rc = set_port(x, v, full, field);
		break;
	default:
		rc = d->list(x, c, v);
		break;
	}
	if (rc == MGW_OK && at)
		*at = v;
	if (rc == MGW_OK && d->check)
		rc = d->check(x, c, v);
	return rc;
}

static int do_section(struct ctx *x, struct mgw_config *c, const char *key, const yaml_node_t *k,
		      yaml_node_t *v, void *arg)
{
	const char *section = arg;
	for (size_t i = 0; i < N_KEYS; i++)
		if (keys[i].section && !strcmp(keys[i].section, section) &&
		    !strcmp(keys[i].name, key))
			return set_key(x, c, &keys[i], v);
	char names[256];
	key_names(section, names, sizeof names);
	return fail(x, k, "unknown key \"%s\" in %s (%s)", key, section, names);
}

static int do_top(struct ctx *x, struct mgw_config *c, const char *key, const yaml_node_t *k,
		  yaml_node_t *v, void *arg)
{
	for (size_t i = 0; i < N_KEYS; i++) {
		if (keys[i].section == NULL && !strcmp(keys[i].name, key))
			return set_key(x, c, &keys[i], v);
		if (keys[i].section && !strcmp(keys[i].section, key)) {
			if (!strcmp(key, "tls"))
				x->at_tls = k;
			else if (!strcmp(key, "referrals"))
				x->at_referrals = k;
			return each_pair(x, c, v, keys[i].section, do_section,
					 (void *)keys[i].section);
		}
	}
	char names[256];
	key_names(NULL, names, sizeof names);
	return fail(x, k, "unknown key \"%s\" (%s)", key, names);
}

/* The checks that need the whole file: required keys, readable files. */
static int check_complete(struct ctx *x, const struct mgw_config *c, const yaml_node_t *root)
{
	static const char *const need[] = {"cert", "key", "ca"};
	const char *const have[] = {c->tls_cert, c->tls_key, c->tls_ca};
	if (x->at_tls == NULL)
		return fail(x, root, "\"tls\" is required (cert, key, ca)");
	for (size_t i = 0; i < 3; i++)
		if (have[i] == NULL)
			return fail(x, x->at_tls, "tls.%s is required", need[i]);
	if (c->state_dir == NULL)
		return fail(x, root, "\"state_dir\" is required");
	if (c->nodes == NULL)
		return fail(x, root, "\"nodes\" is required: register at least one node");
	const struct {
		const char *what, *path;
		const yaml_node_t *at;
	} files[] = {
		{"tls.cert", c->tls_cert, x->at_cert}, {"tls.key", c->tls_key, x->at_key},
		{"tls.ca", c->tls_ca, x->at_ca},       {"tls.crl", c->tls_crl, x->at_crl},
		{"policy", c->policy_path, x->at_policy},
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		if (files[i].path && access(files[i].path, R_OK) != 0)
			return fail(x, files[i].at, "%s \"%s\": %s", files[i].what, files[i].path,
				    strerror(errno));
	/* The gateway's private key, as match_key and audit.key: whoever can read
	 * it can be the gateway to every node. */
	struct stat st;
	if (stat(c->tls_key, &st) == 0 && (st.st_mode & 077))
		return fail(x, x->at_key, "tls.key \"%s\": readable by group or others (chmod 600)",
			    c->tls_key);
	return MGW_OK;
}

/* Quote the text of line (1-based) of the file, at most 80 bytes. */
static void line_text(const struct ctx *x, unsigned long line, const char **s, int *n)
{
	const char *p = x->text, *end = x->text + x->len;
	for (unsigned long l = 1; l < line && p < end; p++)
		if (*p == '\n')
			l++;
	const char *e = p;
	while (e < end && *e != '\n' && *e != '\r' && e - p < 80)
		e++;
	*s = p;
	*n = (int)(e - p);
}

static int syntax_error(struct ctx *x, const yaml_parser_t *p)
{
	if (p->error == YAML_MEMORY_ERROR)
		return MGW_E_NOMEM;
	const char *problem = p->problem ? p->problem : "unreadable";
	if (p->error == YAML_READER_ERROR) {
		unsigned long line = 1;
		for (size_t i = 0; i < p->problem_offset && i < x->len; i++)
			line += x->text[i] == '\n';
		return fail_at(x, line, "not valid YAML text: %s (byte %zu)", problem,
			       p->problem_offset);
	}
	unsigned long line = (unsigned long)p->problem_mark.line + 1;
	char where[128] = "";
	if (p->context)
		snprintf(where, sizeof where, " (%s at line %lu)", p->context,
			 (unsigned long)p->context_mark.line + 1);
	const char *s;
	int n;
	line_text(x, line, &s, &n);
	if (n == 0)
		return fail_at(x, line, "YAML syntax error: %s%s", problem, where);
	return fail_at(x, line, "YAML syntax error: %s%s: \"%.*s\"", problem, where, n, s);
}

/* Reads path whole into *buf (NUL-terminated); MGW_E_IO / MGW_E_TOO_LARGE / MGW_E_NOMEM. */
static int slurp(const char *path, char **buf, size_t *len, char *err, size_t errlen)
{
	size_t cap = 8192, n = 0;
	char *b = malloc(cap);
	FILE *f = fopen(path, "rb");
	int rc = MGW_E_NOMEM;
	if (b == NULL)
		goto fail;
	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = MGW_E_IO;
		goto fail;
	}
	for (;;) {
		if (cap - n < 2) {
			char *nb = realloc(b, cap * 2);
			if (nb == NULL)
				goto fail;
			b = nb;
			cap *= 2;
		}
		size_t r = fread(b + n, 1, cap - 1 - n, f);
		n += r;
		if (n > MGW_CONFIG_MAX_BYTES) {
			snprintf(err, errlen, "%s: larger than %u bytes: not a config file", path,
				 MGW_CONFIG_MAX_BYTES);
			rc = MGW_E_TOO_LARGE;
			goto fail;
		}
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = MGW_E_IO;
		goto fail;
	}
	b[n] = 0;
	fclose(f);
	*buf = b;
	*len = n;
	return MGW_OK;
fail:
	if (f)
		fclose(f);
	free(b);
	return rc;
}

/*
 * Refuse nesting deeper than MGW_CONFIG_MAX_DEPTH before building the
 * document (yaml_depth.h: libyaml's loader is quadratic in nesting).
 */
static int check_depth(struct ctx *x)
{
	unsigned long line = 0;
	int rc = yaml_depth_text(x->text, x->len, MGW_CONFIG_MAX_DEPTH, &line);
	if (rc == MGW_E_INVALID)
		return fail_at(x, line, "nested deeper than %u levels: not a gateway "
					"configuration", MGW_CONFIG_MAX_DEPTH);
	return rc;
}

static int defaults(struct mgw_config *c)
{
	for (size_t i = 0; i < N_KEYS; i++) {
		void *field = (char *)c + keys[i].off;
		switch (keys[i].type) {
		case K_STR:
			if (keys[i].def_str && (*(char **)field = strdup(keys[i].def_str)) == NULL)
				return MGW_E_NOMEM;
			break;
		case K_UINT:
			*(unsigned *)field = (unsigned)keys[i].def;
			break;
		case K_PORT:
			*(int *)field = (int)keys[i].def;
			break;
		default:
			break;
		}
	}
	return MGW_OK;
}

int config_load(const char *path, struct mgw_config **out, char *err, size_t errlen)
{
	struct ctx x = {.file = path, .err = err, .errlen = errlen};
	struct mgw_config *c = calloc(1, sizeof *c);
	yaml_parser_t parser;
	yaml_document_t extra;
	int have_parser = 0, have_doc = 0, rc = MGW_E_NOMEM;
	char *text = NULL, *pathcopy = strdup(path);
	*out = NULL;
	if (errlen > 0)
		err[0] = 0;
	if (c == NULL || pathcopy == NULL || defaults(c) != MGW_OK)
		goto fail;
	if ((c->path = strdup(path)) == NULL)
		goto fail;
	rc = slurp(path, &text, &x.len, err, errlen);
	if (rc)
		goto fail;
	x.text = text;
	x.dir = realpath(dirname(pathcopy), NULL);
	if (x.dir == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = errno == ENOMEM ? MGW_E_NOMEM : MGW_E_IO;
		goto fail;
	}
	if ((rc = check_depth(&x)) != MGW_OK)
		goto fail;
	rc = MGW_E_NOMEM;
	if (!yaml_parser_initialize(&parser))
		goto fail;
	have_parser = 1;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, x.len);
	if (!yaml_parser_load(&parser, &x.doc)) {
		rc = syntax_error(&x, &parser);
		goto fail;
	}
	have_doc = 1;
	yaml_node_t *root = yaml_document_get_root_node(&x.doc);
	if (root == NULL) {
		rc = fail_at(&x, 1, "empty configuration");
		goto fail;
	}
	/* A stray "---" would otherwise hide everything after it. */
	if (!yaml_parser_load(&parser, &extra)) {
		rc = syntax_error(&x, &parser);
		goto fail;
	}
	yaml_node_t *second = yaml_document_get_root_node(&extra);
	unsigned long second_line = line_of(second);
	yaml_document_delete(&extra);
	if (second) {
		rc = fail_at(&x, second_line, "a second YAML document: the configuration is one "
					      "document (remove \"---\")");
		goto fail;
	}
	rc = each_pair(&x, c, root, "the configuration", do_top, NULL);
	if (rc == MGW_OK)
		rc = check_complete(&x, c, root);
	if (rc == MGW_OK)
		rc = check_referrals(&x, c);
	if (rc)
		goto fail;
	if (c->tls_crl == NULL)
		log_event(LOG_WARN, "config_no_crl", "config", path, "detail",
			  "tls.crl is not set: revoked certificates will be accepted", NULL);
	*out = c;
	c = NULL;
fail:
	if (rc == MGW_E_NOMEM && !x.failed && errlen > 0)
		snprintf(err, errlen, "%s: out of memory", path);
	if (have_doc)
		yaml_document_delete(&x.doc);
	if (have_parser)
		yaml_parser_delete(&parser);
	free(text);
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
		free(c->nodes[i].cert_path);
		for (size_t k = 0; k < c->nodes[i].n_areas; k++)
			free(c->nodes[i].areas[k]);
		free(c->nodes[i].areas);
	}
	free(c->nodes);
	for (size_t i = 0; i < c->n_areas; i++) {
		struct mgw_area *a = &c->areas[i];
		free(a->id);
		for (size_t k = 0; k < a->n_postcodes; k++)
			free(a->postcodes[k]);
		free(a->postcodes);
		for (size_t k = 0; k < a->n_skip; k++)
			free(a->skip[k]);
		free(a->skip);
		free(a->anchor_date);
		free(a->statement);
		free(a->lookup_contact);
		free(a->escalation_node);
	}
	free(c->areas);
	if (c->match_key) {
		OPENSSL_cleanse(c->match_key, c->match_key_len);
		free(c->match_key);
	}
	free(c->match_key_path);
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
	for (size_t i = 0; fingerprint && *fingerprint && i < c->n_nodes; i++)
		if (c->nodes[i].fingerprint[0] && !strcmp(c->nodes[i].fingerprint, fingerprint))
			return &c->nodes[i];
	for (size_t i = 0; subject && i < c->n_nodes; i++)
		if (c->nodes[i].subject && !strcmp(c->nodes[i].subject, subject))
			return &c->nodes[i];
	return NULL;
}

const struct mgw_node *config_node_by_id(const struct mgw_config *c, const char *id)
{
	for (size_t i = 0; id && i < c->n_nodes; i++)
		if (!strcmp(c->nodes[i].id, id))
			return &c->nodes[i];
	return NULL;
}

int config_node_in_area(const struct mgw_node *n, const char *area)
{
	for (size_t i = 0; area && i < n->n_areas; i++)
		if (!strcmp(n->areas[i], area))
			return 1;
	return 0;
}

const struct mgw_area *config_area(const struct mgw_config *c, const char *id)
{
	for (size_t i = 0; id && i < c->n_areas; i++)
		if (!strcmp(c->areas[i].id, id))
			return &c->areas[i];
	return NULL;
}

unsigned config_area_repeat_window(const struct mgw_config *c, const struct mgw_area *a)
{
	return a != NULL && a->repeat_window_months ? a->repeat_window_months
						    : c->repeat_window_months;
}

unsigned config_area_action_notice_every(const struct mgw_config *c, const struct mgw_area *a)
{
	return a != NULL && a->action_notice_every_days ? a->action_notice_every_days
							: c->action_notice_every_days;
}

const struct mgw_area *config_area_for_postcode(const struct mgw_config *c, const char *postcode)
{
	char out[5];
	if (postcode == NULL || ident_postcode_outward(postcode, strlen(postcode), out) != 0)
		return NULL;
	size_t letters = 0;
	while (out[letters] >= 'A' && out[letters] <= 'Z')
		letters++;
	const struct mgw_area *by_area = NULL;
	for (size_t i = 0; i < c->n_areas; i++)
		for (size_t k = 0; k < c->areas[i].n_postcodes; k++) {
			const char *e = c->areas[i].postcodes[k];
			if (!strcmp(e, out))
				return &c->areas[i];
			if (strlen(e) == letters && !strncmp(e, out, letters))
				by_area = &c->areas[i];
		}
	return by_area;
}

/* ---- reload ----------------------------------------------------------------------- */

static int same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && !strcmp(a, b));
}

int config_reload_check(const struct mgw_config *old, const struct mgw_config *new, char *err,
			size_t errlen)
{
	for (size_t i = 0; i < N_KEYS; i++) {
		const struct cfg_key *d = &keys[i];
		if (!(d->flags & K_RESTART))
			continue;
		const void *a = (const char *)old + d->off, *b = (const char *)new + d->off;
		char was[96] = "", now[96] = "";
		int same = 1;
		switch (d->type) {
		case K_STR:
		case K_PATH: {
			const char *sa = *(char *const *)a, *sb = *(char *const *)b;
			same = same_str(sa, sb);
			snprintf(was, sizeof was, "%s", sa ? sa : "(unset)");
			snprintf(now, sizeof now, "%s", sb ? sb : "(unset)");
			break;
		}
		case K_UINT:
			same = *(const unsigned *)a == *(const unsigned *)b;
			snprintf(was, sizeof was, "%u", *(const unsigned *)a);
			snprintf(now, sizeof now, "%u", *(const unsigned *)b);
			break;
		case K_PORT:
			same = *(const int *)a == *(const int *)b;
			snprintf(was, sizeof was, "%d", *(const int *)a);
			snprintf(now, sizeof now, "%d", *(const int *)b);
			break;
		default:
			break;
		}
		/* The match key: the same file with other bytes is a change too (never quoted). */
		if (same && d->off == offsetof(struct mgw_config, match_key_path) &&
		    (old->match_key_len != new->match_key_len ||
		     (old->match_key_len &&
		      CRYPTO_memcmp(old->match_key, new->match_key, old->match_key_len) != 0))) {
			same = 0;
			snprintf(was, sizeof was, "(key contents)");
			snprintf(now, sizeof now, "(other contents)");
		}
		if (!same) {
			if (errlen > 0) {
				snprintf(err, errlen, "%s%s%s changed (\"%s\" -> \"%s\"): it needs a "
						      "restart (%s); the reload is refused and the "
						      "running configuration stays",
					 d->section ? d->section : "", d->section ? "." : "", d->name,
					 was, now, d->why);
				for (char *p = err; *p; p++)
					if ((unsigned char)*p < 0x20 || *p == 0x7f)
						*p = '?';
			}
			return MGW_E_INVALID;
		}
	}
	return MGW_OK;
}

int config_key_name(size_t i, char *buf, size_t n)
{
	if (i >= N_KEYS)
		return -1;
	snprintf(buf, n, "%s%s%s", keys[i].section ? keys[i].section : "",
		 keys[i].section ? "." : "", keys[i].name);
	return !(keys[i].flags & K_RESTART);
}

int config_key_reloadable(const char *name)
{
	for (size_t i = 0; name && i < N_KEYS; i++) {
		char full[64];
		snprintf(full, sizeof full, "%s%s%s", keys[i].section ? keys[i].section : "",
			 keys[i].section ? "." : "", keys[i].name);
		if (!strcmp(full, name))
			return !(keys[i].flags & K_RESTART);
	}
	return -1;
}

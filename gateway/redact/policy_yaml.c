/*
 * policy_yaml.c: see policy_yaml.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "marac/v1/case.pb-c.h"
#include "mgw_err.h"
#include "policy_yaml.h"

int pol_fail(struct pol_ld *x, const yaml_node_t *n, const char *fmt, ...)
{
	if (x->errlen == 0)
		return MGW_E_INVALID;
	int k = snprintf(x->err, x->errlen, "%s:%lu: ", x->file,
			 n ? (unsigned long)n->start_mark.line + 1 : 1UL);
	if (k < 0 || (size_t)k >= x->errlen)
		return MGW_E_INVALID;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->err + k, x->errlen - (size_t)k, fmt, ap);
	va_end(ap);
	return MGW_E_INVALID;
}

int pol_fail_line(struct pol_ld *x, int line, const char *fmt, ...)
{
	if (x->errlen == 0)
		return MGW_E_INVALID;
	int k = snprintf(x->err, x->errlen, "%s:%d: ", x->file, line > 0 ? line : 1);
	if (k < 0 || (size_t)k >= x->errlen)
		return MGW_E_INVALID;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->err + k, x->errlen - (size_t)k, fmt, ap);
	va_end(ap);
	return MGW_E_INVALID;
}

/* The node with id, read once: a node reached twice came through an alias. */
int pol_take(struct pol_ld *x, int id, const yaml_node_t *from, yaml_node_t **out)
{
	yaml_node_t *n = yaml_document_get_node(&x->doc, id);
	if (n == NULL)
		return pol_fail(x, from, "malformed YAML document");
	size_t i = (size_t)(n - x->doc.nodes.start);
	if (x->seen[i])
		return pol_fail(x, from,
				"YAML aliases are not allowed in a policy: write the text out");
	x->seen[i] = 1;
	*out = n;
	return MGW_OK;
}

const char *pol_scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Duplicate keys are refused: YAML would silently keep the last one. */
int pol_each_pair(struct pol_ld *x, yaml_node_t *map, const char *what, pol_pair_fn fn, void *arg)
{
	if (map->type != YAML_MAPPING_NODE)
		return pol_fail(x, map, "%s must be a mapping", what);
	for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < map->data.mapping.pairs.top;
	     q++) {
		yaml_node_t *k, *v;
		int rc = pol_take(x, q->key, map, &k);
		if (rc == MGW_OK)
			rc = pol_take(x, q->value, k, &v);
		if (rc)
			return rc;
		const char *key = pol_scalar(k);
		if (key == NULL)
			return pol_fail(x, k, "keys in %s must be plain words", what);
		for (yaml_node_pair_t *o = map->data.mapping.pairs.start; o < q; o++) {
			const char *ok = pol_scalar(yaml_document_get_node(&x->doc, o->key));
			if (ok && strcmp(ok, key) == 0)
				return pol_fail(x, k, "duplicate key \"%s\" in %s", key, what);
		}
		if ((rc = fn(x, key, k, v, arg)) != MGW_OK)
			return rc;
	}
	return MGW_OK;
}

int pol_agencies(struct pol_ld *x, yaml_node_t *v, const char *what, uint32_t *out)
{
	*out = 0;
	size_t n = v->type == YAML_SEQUENCE_NODE
		       ? (size_t)(v->data.sequence.items.top - v->data.sequence.items.start)
		       : 1;
	if (v->type == YAML_MAPPING_NODE || n == 0)
		return pol_fail(x, v, "%s must be an agency, a list of agencies or \"all\"", what);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *e = v;
		if (v->type == YAML_SEQUENCE_NODE &&
		    pol_take(x, v->data.sequence.items.start[i], v, &e))
			return MGW_E_INVALID;
		const char *s = pol_scalar(e);
		if (s == NULL)
			return pol_fail(x, e, "%s: expected an agency name", what);
		if (strcmp(s, "all") == 0) {
			*out |= POL_ALL_AGENCIES;
			continue;
		}
		int a = pol_enum_value(&marac__v1__agency__descriptor, s, 0), g = 0;
		if (a > 0 && a < POL_AGENCIES) {
			*out |= 1u << a;
			continue;
		}
		for (; g < x->n_groups && strcmp(x->groups[g].name, s) != 0; g++)
			;
		if (g == x->n_groups)
			return pol_fail(x, e, "unknown agency \"%s\" in %s", s, what);
		*out |= x->groups[g].agencies;
	}
	return MGW_OK;
}

/* Group names are lower-case words that are not agency names. */
int pol_group_entry(struct pol_ld *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	size_t len = strlen(key);
	if (len == 0 || len >= sizeof x->groups[0].name || !(key[0] >= 'a' && key[0] <= 'z') ||
	    strspn(key, "abcdefghijklmnopqrstuvwxyz_0123456789") != len)
		return pol_fail(x, k, "group name \"%s\": use lower-case letters, digits and \"_\"",
				key);
	if (strcmp(key, "all") == 0 || pol_enum_value(&marac__v1__agency__descriptor, key, 1) >= 0)
		return pol_fail(x, k, "group name \"%s\" is already an agency name", key);
	if (x->n_groups >= POL_MAX_GROUPS)
		return pol_fail(x, k, "too many groups (at most %d)", POL_MAX_GROUPS);
	struct pol_group *g = &x->groups[x->n_groups];
	char what[64];
	snprintf(what, sizeof what, "group \"%s\"", key);
	if (pol_agencies(x, v, what, &g->agencies))
		return MGW_E_INVALID;
	snprintf(g->name, sizeof g->name, "%s", key);
	x->n_groups++;
	return MGW_OK;
}

int pol_names(struct pol_ld *x, yaml_node_t *v, const ProtobufCEnumDescriptor *d, int zero_ok,
	      int offset, int limit, const char *what, uint32_t *out)
{
	*out = 0;
	size_t n = v->type == YAML_SEQUENCE_NODE
		       ? (size_t)(v->data.sequence.items.top - v->data.sequence.items.start)
		       : 1;
	if (v->type == YAML_MAPPING_NODE || n == 0)
		return pol_fail(x, v, "%s must be a name or a list of names", what);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *e = v;
		if (v->type == YAML_SEQUENCE_NODE &&
		    pol_take(x, v->data.sequence.items.start[i], v, &e))
			return MGW_E_INVALID;
		const char *s = pol_scalar(e);
		int val = s ? pol_enum_value(d, s, zero_ok) : -1;
		if (val < 0 || val + offset >= limit)
			return pol_fail(x, e, "unknown %s \"%s\"", what, s ? s : "(not a name)");
		*out |= 1u << (val + offset);
	}
	return MGW_OK;
}

const char *pol_agency_list(uint32_t bits, char *buf, size_t n)
{
	size_t k = 0;
	buf[0] = 0;
	for (int a = 1; a < POL_AGENCIES; a++) {
		if (!(bits & (1u << a)))
			continue;
		char nm[40];
		int w = snprintf(buf + k, n - k, "%s%s", k ? ", " : "",
				 pol_enum_name(&marac__v1__agency__descriptor, a, nm, sizeof nm));
		if (w < 0 || (size_t)w >= n - k)
			break;
		k += (size_t)w;
	}
	if (k == 0)
		snprintf(buf, n, "none");
	return buf;
}

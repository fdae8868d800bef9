/*
 * policy_yaml.h: reading a policy file with libyaml's document API, for
 * policy_load.c. Every node keeps its line, so each error names file, line
 * and the offending text. Not a public interface.
 *
 * Every reader below returns 0 or MGW_E_INVALID; on MGW_E_INVALID the
 * message "FILE:LINE: ..." is already in x->err (the first error wins).
 */
#ifndef MARAC_POLICY_YAML_H
#define MARAC_POLICY_YAML_H

#include <stdint.h>
#include <yaml.h>

#include "policy_int.h"

#define POL_MAX_GROUPS 32

/* A name for a set of agencies ("groups:"), usable in "to". */
struct pol_group {
	char name[32];
	uint32_t agencies;
};

/* The state of one load. */
struct pol_ld {
	struct policy *p;
	struct pol_group groups[POL_MAX_GROUPS];
	int n_groups;
	yaml_document_t doc;
	const char *file;
	char *err;
	size_t errlen;
	unsigned char *seen; /* per node: already read (a second read is an alias) */
	size_t n_nodes;
};

/* Write "FILE:LINE: <fmt...>" (line of n; 1 without a node) into x->err. Returns MGW_E_INVALID. */
int pol_fail(struct pol_ld *x, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * The node with id, read once: a node reached a second time came through a
 * YAML alias, which a policy may not use (error at from's line).
 */
int pol_take(struct pol_ld *x, int id, const yaml_node_t *from, yaml_node_t **out);

/* The text of a scalar node; NULL for anything else (or NULL). */
const char *pol_scalar(const yaml_node_t *n);

/* For each key/value of map, in order: fn(x, key text, key node, value node, arg). */
typedef int (*pol_pair_fn)(struct pol_ld *x, const char *key, yaml_node_t *k, yaml_node_t *v,
			   void *arg);

/* Walk a mapping (what names it in errors); duplicate keys are errors. Returns fn's first error. */
int pol_each_pair(struct pol_ld *x, yaml_node_t *map, const char *what, pol_pair_fn fn, void *arg);

/* An agency, a group, "all", or a list of those, into agency bits (bit a = Agency a). */
int pol_agencies(struct pol_ld *x, yaml_node_t *v, const char *what, uint32_t *out);

/*
 * A short enum name or a list of them into bits (bit value + offset); values
 * + offset must be below limit; zero ("unspecified") only if zero_ok.
 * what names the kind in errors ("purpose", "role").
 */
int pol_names(struct pol_ld *x, yaml_node_t *v, const ProtobufCEnumDescriptor *d, int zero_ok,
	      int offset, int limit, const char *what, uint32_t *out);

/* One "groups:" entry (a pol_pair_fn): name: [agencies]. */
int pol_group_entry(struct pol_ld *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *arg);

/*
 * Read the classes: block (policy_class.c; map may be NULL, at is then the
 * node errors are reported at) and check that every string leaf has a
 * class. Errors name the line of the offending entry, or of the block.
 */
int pol_classes_load(struct pol_ld *x, yaml_node_t *map, yaml_node_t *at);

/* pol_fail at a line number rather than a node. */
int pol_fail_line(struct pol_ld *x, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Agency bits as "police, idva" ("none" for 0) into buf. Returns buf. */
const char *pol_agency_list(uint32_t bits, char *buf, size_t n);

#endif

/*
 * policy_int.h: the inside of a loaded policy, shared by the files of the
 * policy module. Not a public interface.
 *   policy_schema.c  the path table from the descriptors; names of agencies,
 *                    purposes, roles, actions and grounds
 *   policy_yaml.c    reading YAML with lines (policy_yaml.h)
 *   policy_load.c    the file to struct policy: never_share, rules, checks
 *   policy_value.c   which rule applies to a value; never-share; masks; scrub
 *   policy_redact.c  the walk that builds a view, and the manifest
 *   policy_test.c    policy tests (policy_test.h)
 *
 * Paths. Every field reachable from CaseSummary is one node of a table
 * built by walking marac__v1__case_summary__descriptor; node 0 is the root
 * "*". A node's name is its canonical path: fields joined by ".", a repeated
 * message field written "name[]" when a path goes inside it ("others[].phones")
 * and plain "name" when it ends there ("others"). The children of a message
 * node are consecutive, in the descriptor's field order, so the redactor
 * finds a field's node as first_child + field index.
 *
 * Rules. Each rule fills cells of a dense table indexed by (path node,
 * agency, purpose slot, role slot): purpose slot 0 = every purpose, k = the
 * Purpose value k; role slot 0 = no roles selector, 1 + r = PersonRole r.
 * A cell holds rule index + 1 (0 = empty); two rules wanting one cell is a
 * load error. Resolution for a value at node n, element role r: from n up
 * to the root, the first non-empty of [1+r][purpose], [1+r][0], [0][purpose],
 * [0][0]; none = default deny.
 *
 * Never-share. ns_allowed[n] is the set of agencies (bit a = Agency a) that
 * every never-share entry at n or above n allows; all bits where none does.
 * ns_below[n] is the intersection of ns_allowed over n's subtree, so a rule
 * at n that shares to agency a covers never-share data iff bit a is clear.
 */
#ifndef MARAC_POLICY_INT_H
#define MARAC_POLICY_INT_H

#include <stddef.h>
#include <stdint.h>
#include <protobuf-c/protobuf-c.h>

#include "policy.h"

#define POL_MAX_PATHS 192 /* CaseSummary has ~80 paths; the walk fails loudly beyond */
#define POL_MAX_DEPTH 6   /* deepest path: risk.answers[].comment is 3 */
#define POL_PATH_MAX 96   /* longest canonical path string, with NUL */
#define POL_GROUND_MAX 40 /* longest ground, with NUL */
#define POL_AGENCIES 9    /* Agency values 0..8 (0 unused) */
#define POL_PURPOSES 5    /* slot 0 + Purpose values 1..4 */
#define POL_ROLES 11      /* slot 0 + PersonRole values 0..9 */
#define POL_MAX_NEVER 32  /* never-share entries (5 built in) */

/* What a mask does to a leaf; decided by the field, never by the rule. */
enum pol_mask { POL_MASK_NONE, POL_MASK_DOB, POL_MASK_PHONE, POL_MASK_POSTCODE };

struct pol_path {
	char name[POL_PATH_MAX];
	int parent;                            /* -1 for the root */
	int depth;                             /* 0 for the root */
	int first_child, n_children;           /* message nodes only */
	const ProtobufCFieldDescriptor *field; /* NULL for the root */
	const ProtobufCMessageDescriptor *msg; /* message nodes: the type; else NULL */
	unsigned leaf : 1, text : 1, role_scope : 1;
	enum pol_mask mask;
};

struct pol_rule {
	int line;                    /* 1-based line of the rule in the file */
	int path;                    /* node index */
	int action;                  /* Marac__V1__RedactionAction */
	char ground[POL_GROUND_MAX]; /* as written: "foia-s40-2", "isp-4.2" */
	char label[POL_GROUND_MAX];  /* for scrubbed text: "s40(2)", "ISP 4.2" */
};

struct pol_never {
	int path;
	uint32_t allowed; /* agency bits */
	int line;         /* 0 when built in and not named in the file */
};

struct policy {
	uint8_t sha256[32];
	struct pol_path paths[POL_MAX_PATHS];
	int n_paths;
	struct pol_rule *rules;
	size_t n_rules;
	uint16_t *cells; /* n_paths * POL_AGENCIES * POL_PURPOSES * POL_ROLES */
	struct pol_never never[POL_MAX_NEVER];
	int n_never;
	uint32_t ns_allowed[POL_MAX_PATHS];
	uint32_t ns_below[POL_MAX_PATHS];
};

/* Agencies allowed the refuge address whatever the policy says. */
#define POL_REFUGE_CEILING                                                                         \
	((1u << MARAC__V1__AGENCY__AGENCY_POLICE) | (1u << MARAC__V1__AGENCY__AGENCY_IDVA))
#define POL_ALL_AGENCIES (((1u << POL_AGENCIES) - 1u) & ~1u)

static inline size_t pol_cell(int path, int agency, int purpose_slot, int role_slot)
{
	return (((size_t)path * POL_AGENCIES + (size_t)agency) * POL_PURPOSES +
		(size_t)purpose_slot) *
		   POL_ROLES +
	       (size_t)role_slot;
}

/* Build p->paths from the CaseSummary descriptor. 0 or MGW_E_INVALID (schema too big). */
int pol_schema_build(struct policy *p);

/* Node index of canonical path name, or -1. */
int pol_path_find(const struct policy *p, const char *name);

/* 1 if node a is node b or one of its ancestors. */
int pol_path_covers(const struct policy *p, int a, int b);

/*
 * Parse a path as written in a rule into its node index. On error returns -1
 * and writes why into why (e.g. unknown field "adress" in path "victim.adress").
 */
int pol_path_parse(const struct policy *p, const char *text, char *why, size_t n);

/* Enum value for a short lower-case name ("police", "action_update",
 * "unsafe_contact"); -1 if there is none. Zero ("unspecified") is refused
 * unless allow_zero. */
int pol_enum_value(const ProtobufCEnumDescriptor *d, const char *name, int allow_zero);

/* Short lower-case name of an enum value into buf ("police"); "?" if unknown. */
const char *pol_enum_name(const ProtobufCEnumDescriptor *d, int value, char *buf, size_t n);

/* RedactionAction for "share", "withhold", "mask", "scrub"; -1 otherwise. */
int pol_action_value(const char *name);

/*
 * Check a ground as written in a rule and write its label for scrubbed text
 * ("foia-s40-2" -> "s40(2)", "isp-4.2" -> "ISP 4.2"). Returns 0, or -1 with
 * why in why (unknown ground, or a ground that cannot justify action).
 */
int pol_ground_check(const char *ground, int action, char *label, size_t n, char *why, size_t whyn);

/* The actions, short. */
#define POL_SHARE MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_SHARE
#define POL_WITHHOLD MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_WITHHOLD
#define POL_MASK MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_MASK
#define POL_SCRUB MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_SCRUB

/* Grounds the redactor itself writes into manifests. */
#define POL_GROUND_DEFAULT_DENY "default-deny"
#define POL_GROUND_NEVER_SHARE "never-share"

/* ---- policy_value.c: what happens to one value ------------------------------ */

struct scrubber;

/* One manifest line being counted. ground: static, or owned by the policy. */
struct pol_ment {
	int path, action;
	const char *ground;
	unsigned count;
};

/* One policy_redact() call in progress; on its stack, so calls share nothing. */
struct pol_rd {
	const struct policy *p;
	const Marac__V1__CaseSummary *in;
	int agency, purpose;
	struct pol_ment *m;
	size_t n, cap;
	struct scrubber *scr; /* built on the first scrub, freed by policy_redact() */
	int scr_built;
};

/*
 * The action for a value at node path of an element with role slot (0 =
 * none): the rule that applies (*rule, NULL if none) and the ground to
 * record. No rule: POL_WITHHOLD with "default-deny". A rule that would let
 * never-share data reach a disallowed agency: POL_WITHHOLD with "never-share".
 */
int pol_decide(const struct pol_rd *r, int path, int role_slot, const struct pol_rule **rule,
	       const char **ground);

/* The masked form of s (codec_malloc'd), or NULL if s cannot be masked or on no memory. */
char *pol_mask(enum pol_mask kind, const char *s);

/*
 * Scrub s under rule's ground label into *out (codec_malloc'd), adding the
 * replacements to *replaced. *out NULL with 0 returned: the scrubber could
 * not handle the text, so the caller withholds it. Returns 0 or MGW_E_NOMEM.
 */
int pol_scrub(struct pol_rd *r, const struct pol_rule *rule, const char *s, char **out,
	      unsigned *replaced);

#endif

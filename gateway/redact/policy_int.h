/*
 * policy_int.h: the inside of a loaded policy, shared by the files of the
 * policy module. Not a public interface.
 *   policy_schema.c  the path table from the descriptors; names of agencies,
 *                    purposes, roles, actions and grounds
 *   policy_yaml.c    reading YAML with lines (policy_yaml.h)
 *   policy_load.c    the file to struct policy: never_share, rules, checks
 *   policy_class.c   the classes: block; checking a value against its class
 *   policy_case.c    per share: limits, never-share values, scrub specs and
 *                    their groups, the scrub cache
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
 * agency, purpose slot, role slot, case slot): purpose slot 0 = every
 * purpose, k = the Purpose value k; role slot 0 = no roles selector, 1 + r
 * = PersonRole r; case slot 0 = every case, 1 = with children, 2 = adult
 * only (the rule's "cases:"). A cell holds rule index + 1 (0 = empty); two
 * rules wanting one cell is a load error. Resolution for a value at node
 * n, element role r, in a case of slot k: from n up to the root, the
 * first non-empty of [k][1+r][purpose], [k][1+r][0], [k][0][purpose],
 * [k][0][0]; if none, the same walk with case slot 0; none = default deny.
 * So a rule with cases: beats every rule without, wherever on the path
 * ("withhold victim for adult-only cases" covers victim.full_name).
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
#include "scrub.h"

#define POL_MAX_PATHS 192 /* CaseSummary has ~80 paths; the walk fails loudly beyond */
#define POL_MAX_DEPTH 6   /* deepest path: risk.answers[].comment is 3 */
#define POL_PATH_MAX 96   /* longest canonical path string, with NUL */
#define POL_GROUND_MAX 40 /* longest ground, with NUL */
#define POL_AGENCIES 9    /* Agency values 0..8 (0 unused) */
#define POL_PURPOSES 5    /* slot 0 + Purpose values 1..4 */
#define POL_ROLES 11      /* slot 0 + PersonRole values 0..9 */
/* Case slots: 0 every case, 1 a case with children (unborn ones too), 2 an adult-only case. */
#define POL_CASES 3
#define POL_CASE_WITH_CHILDREN 1
#define POL_CASE_ADULT_ONLY 2
#define POL_MAX_NEVER 32  /* never-share entries (5 built in) */

/* What a mask does to a leaf; decided by the field, never by the rule. */
enum pol_mask { POL_MASK_NONE, POL_MASK_DOB, POL_MASK_PHONE, POL_MASK_POSTCODE };

/*
 * The class of a string leaf (policy/README.md "Classes"): what a value of
 * it may be. Every string leaf has one once a policy has loaded.
 */
enum pol_cls {
	POL_C_NONE,    /* not a string leaf */
	POL_C_TEXT,    /* free text: always scrubbed, never passed verbatim */
	POL_C_NAME,    /* a person's name or alias */
	POL_C_ADDRESS, /* one address line */
	POL_C_PLACE,   /* a named place or organisation (school, GP practice, agency) */
	POL_C_CODE,    /* one of a closed set written in the policy */
	POL_C_ID,      /* an identifier with a grammar (enum pol_grammar) */
};

enum pol_grammar {
	POL_G_NONE,
	POL_G_PHONE,
	POL_G_NHS,
	POL_G_NINO,
	POL_G_PNC,
	POL_G_CRN,
	POL_G_POSTCODE,
	POL_G_DATE,
	POL_G_EMAIL,
	POL_G_CASE_REF,
	POL_G_CRIME_REF,
	POL_G_AREA,
};

#define POL_MAX_SETS 64   /* code sets in one policy */
#define POL_MAX_CODES 256 /* codes in one set */
#define POL_CODE_MAX 64   /* longest code, folded, with NUL */

/* A closed set of codes, each stored folded (canon_value CANON_TEXT). */
struct pol_set {
	char (*codes)[POL_CODE_MAX];
	size_t n;
};

struct pol_path {
	char name[POL_PATH_MAX];
	int parent;                            /* -1 for the root */
	int depth;                             /* 0 for the root */
	int first_child, n_children;           /* message nodes only */
	const ProtobufCFieldDescriptor *field; /* NULL for the root */
	const ProtobufCMessageDescriptor *msg; /* message nodes: the type; else NULL */
	unsigned leaf : 1, text : 1, role_scope : 1;
	enum pol_mask mask;
	unsigned char cls;     /* enum pol_cls; POL_C_NONE unless a string leaf */
	unsigned char grammar; /* enum pol_grammar, for POL_C_ID */
	short set;             /* index into policy.sets, for POL_C_CODE */
	int cls_line;          /* line of the class entry that applied */
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
	struct pol_set sets[POL_MAX_SETS];
	int n_sets;
};

/* Agencies allowed the refuge address whatever the policy says. */
#define POL_REFUGE_CEILING                                                                         \
	((1u << MARAC__V1__AGENCY__AGENCY_POLICE) | (1u << MARAC__V1__AGENCY__AGENCY_IDVA))
#define POL_ALL_AGENCIES (((1u << POL_AGENCIES) - 1u) & ~1u)

static inline size_t pol_cell(int path, int agency, int purpose_slot, int role_slot,
			      int case_slot)
{
	return ((((size_t)path * POL_AGENCIES + (size_t)agency) * POL_PURPOSES +
		 (size_t)purpose_slot) *
			POL_ROLES +
		(size_t)role_slot) *
		       POL_CASES +
	       (size_t)case_slot;
}

/* The case slot of a case: POL_CASE_WITH_CHILDREN if it lists any child, else ADULT_ONLY. */
static inline int pol_case_slot(const Marac__V1__CaseSummary *in)
{
	return in != NULL && in->n_children > 0 ? POL_CASE_WITH_CHILDREN : POL_CASE_ADULT_ONLY;
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
#define POL_GROUND_INVALID "invalid-value"

/* ---- policy_class.c: classes ------------------------------------------------ */

/* Reading the classes: block is pol_classes_load() in policy_yaml.h. */

/* 1 if s (NUL-terminated) is a valid value of the class of node path, else 0. */
int pol_value_ok(const struct policy *p, int path, const char *s);

/* "text", "name", "address", "place", "code", or the grammar ("phone", ...). */
const char *pol_class_name(const struct pol_path *pn);

/* 1 if s is a case reference: 1..32 of A-Z a-z 0-9 / - (policy.h). */
int pol_ref_ok(const char *s);

/* ---- policy_case.c: what one share needs, whatever the recipient ------------- */

struct scrubber;
struct scrub_finding;

/* How a never-share value is compared with another field's value. */
enum pol_how {
	POL_N_WORDS,  /* canon CANON_ADDRESS, whole words contained */
	POL_N_DIGITS, /* a phone's national digits, contained in the digits of the field */
	POL_N_EMAIL,  /* lower case, contained */
	POL_N_ID,     /* canon CANON_ID, contained */
	POL_N_TIMES,  /* a safe time's times and days ("600,720;wd"), found close together */
};

/* A never-share value of the case in one comparable form. */
struct pol_needle {
	char *s;
	char *sq;           /* POL_N_WORDS: s without its spaces ("hiddenlane"), else NULL */
	uint32_t allowed;   /* agencies that may have it */
	unsigned char how;  /* enum pol_how */
	unsigned char addr; /* from an address: Address messages compare it as a whole */
};

/* A never-share address: its word needles [first, first + n) and postcode ("" if none). */
struct pol_ns_addr {
	size_t first, n;
	char pc[9];
	uint32_t allowed;
};

/* Something a recipient's scrub spec may hold (policy_case.c decides, per recipient). */
enum pol_item_list { POL_I_NAME, POL_I_DOB, POL_I_VALUE };
struct pol_item {
	const char *text;
	int path, role_slot;    /* the field whose decision puts it in the spec */
	unsigned char list;     /* enum pol_item_list */
	unsigned char keepable; /* POL_I_NAME: kept when shared (not a third party's) */
	unsigned char kind, canon; /* POL_I_VALUE: enum scrub_kind, enum canon_kind */
	unsigned char notitle;     /* POL_I_NAME: titles the person cannot bear (POL_T_*) */
};

/* Titles a listed person cannot bear, from the relationship to the victim
 * and the date of birth the case records (pol_item.notitle). */
#define POL_T_MR 1u   /* "Mr": a mother, a sister ... */
#define POL_T_MRS 2u  /* "Mrs": a son, a husband ..., or anyone under 18 (the age to marry) */
#define POL_T_MS 4u   /* "Ms", "Miss": a son, a husband ... */
/* Not a title: the name is an alias of the person under another surname than
 * the full name's ("Bridget Ward" of Bridget Connors, her maiden name). */
#define POL_T_ALIAS 8u
/* Not a title: the person is under 18 by the date of birth recorded. */
#define POL_T_MINOR 16u

/* A visibility profile: recipients whose scrub spec is the same share a scrubber. */
struct pol_profile {
	unsigned char *sig; /* per item: 0 out, 1 in, 2 kept name; then the flags */
	struct scrubber *scr;
	int built; /* scr was built, or rc says why it cannot be */
	int rc;    /* scrubber_build2's answer, kept so a failure is not retried per text */
	int blind; /* her places or the people found in the texts did not fit
	            * the scrubber: every free text of the group is withheld
	            * (policy_case.c) */
	char **where;   /* the places she is said to be in the case's texts */
	size_t n_where; /* (where_values), for pol_where_address */
};

/* One scrubbed text, kept for the other recipients of its group. */
struct pol_scrubbed {
	int group;
	const char *in;    /* the input string (the case's) */
	const char *label; /* marker label */
	char *out;         /* NULL: the scrubber could not handle it */
	unsigned replaced;
	struct scrub_finding *f;
	size_t nf;
	int ns_done;         /* out checked for never-share values (pol_ns_mask) */
	uint32_t ns_hit;     /* per agency bit: out held one it may not have */
	unsigned where;      /* statements of where she is or when she is safe withheld (s38) */
};

struct pol_cx {
	const struct policy *p;
	const Marac__V1__CaseSummary *in;
	int purpose;
	struct pol_needle *nd;
	size_t n_nd, cap_nd;
	struct pol_ns_addr *na;
	size_t n_na, cap_na;
	struct pol_item *it;
	size_t n_it, cap_it;
	char **owned; /* strings made for needles and items */
	size_t n_owned, cap_owned;
	struct pol_profile *g;
	size_t n_g;
	struct pol_scrubbed *sc; /* open addressing on (group, in); cap a power of 2 */
	size_t n_sc, cap_sc;
	/* per text scrubbed, its memo (scrub.h): the profile-independent passes
	 * run once for all its profiles; open addressing on in, cap a power of 2 */
	struct pol_memo {
		const char *in;
		struct scrub_memo *m;
	} *mm;
	size_t n_mm, cap_mm;
	size_t sig_len;
	/* the case's free texts (and codes: a code out of its set is text),
	 * where the places she is said to be are looked for (pol_cx_scrubber) */
	const char **tx;
	size_t n_tx, cap_tx;
	int with_her; /* walking a listed person the victim lives with (policy_case.c) */
	const Marac__V1__Person *person; /* the person being walked, or NULL */
};

/*
 * The share's context: MGW_E_TOO_LARGE when the case is beyond the limits
 * of mgw_limits.h (checked before anything is allocated), else the
 * never-share values and scrub items. 0, MGW_E_TOO_LARGE or MGW_E_NOMEM;
 * pol_cx_free() in every case.
 */
int pol_cx_init(struct pol_cx *cx, const struct policy *p, const Marac__V1__CaseSummary *in,
		int purpose);
void pol_cx_free(struct pol_cx *cx);

/* The profile (scrub group) of agency, found or added: 0.., or MGW_E_NOMEM. */
int pol_cx_group(struct pol_cx *cx, int agency);

/*
 * The group's scrubber into *out, built on first use. Returns 0;
 * MGW_E_TOO_LARGE (the case's names and values exceed the scrubber's caps,
 * mgw_limits.h: the share is refused, never scrubbed with part of the
 * list); MGW_E_NOMEM.
 */
int pol_cx_scrubber(struct pol_cx *cx, int group, const struct scrubber **out);

/*
 * 1 if a line of Address a names a place the case's texts say she is
 * (pol_cx_scrubber's where words: "moved with the baby to her dad's in
 * <Town>, <number> <Street> Road" makes a child's address in <Town> or on
 * <Street> Road hers), for group's recipients, who may not know where she
 * is; 1 too when those places did not fit, or the case's values did not
 * fit a scrubber (fail closed). 0 if not; MGW_E_NOMEM.
 */
int pol_cx_where_address(struct pol_cx *cx, int group, const Marac__V1__Address *a);

/* The memo (scrub.h) of text in, made on first use and freed by pol_cx_free; NULL: no memory. */
struct scrub_memo *pol_cx_memo(struct pol_cx *cx, const char *in);

/* The cached result for (group, in, label), or NULL; pol_cx_put adds one (taking out and f). */
struct pol_scrubbed *pol_cx_get(struct pol_cx *cx, int group, const char *in, const char *label);
int pol_cx_put(struct pol_cx *cx, const struct pol_scrubbed *e);

/*
 * Never-share on values. pol_ns_leaf: 1 if the string s holds a never-share
 * value agency may not have. pol_ns_address: 1 if the Address message a is, as a whole, a never-share
 * address agency may not have. <0 on no memory.
 *
 * Both compare skeletons (canon.h canon_skeleton: look-alike Cyrillic and
 * Greek letters, digits of any script, invisible characters, character
 * references), and a word needle also matches with its spaces gone, from a
 * word's start to a word's end ("Hiddenlane", "H i d d e n Lane",
 * "Hidden<zero-width space>Lane" hold "hidden lane"), or with one of its
 * words (four letters or more, no digit) one edit away ("Hiden Lane"). A
 * phone is also found read out in words ("oh seven seven oh oh ..."), an
 * e-mail without its dots, dashes and underscores, and a safe time by its
 * times and days within a few words of one sentence (POL_N_TIMES). in_address: 0 for a field outside an Address
 * message; 1 for an address line (the address's own needles are left to
 * pol_ns_address); 2 for an Address's postcode, which is compared with the
 * never-share postcodes too: a child's address with the refuge's postcode
 * is the refuge's, whatever its lines say.
 */
int pol_ns_leaf(const struct pol_cx *cx, int agency, const char *s, int in_address);
int pol_ns_address(const struct pol_cx *cx, int agency, const Marac__V1__Address *a);

/*
 * pol_ns_leaf (in_address 0) for every agency at once: bit a set when
 * agency a may not have a never-share value s holds. Free text scrubbed
 * once for a profile is checked once for all its agencies. *err is 0 or
 * MGW_E_NOMEM (the mask is then incomplete).
 */
uint32_t pol_ns_mask(const struct pol_cx *cx, const char *s, int *err);

/* ---- policy_value.c: what happens to one value ------------------------------ */

/* One manifest line being counted. ground: static, or owned by the policy. */
struct pol_ment {
	int path, action;
	const char *ground;
	unsigned count;
};

/* One recipient's redaction in progress; on the caller's stack. */
struct pol_rd {
	const struct policy *p;
	const Marac__V1__CaseSummary *in;
	int agency, purpose;
	int case_slot;     /* pol_case_slot(in) */
	struct pol_ment *m;
	size_t n, cap;
	struct pol_cx *cx; /* the share's context, shared by its recipients */
	int group;         /* this recipient's scrub group in cx */
	int ns_block;      /* inside an Address message that is never-share data for it */
	/* --explain: findings, and the element index at each depth of the walk */
	int explain;
	struct policy_finding *f;
	size_t nf, fcap;
	size_t idx[POL_MAX_DEPTH + 1];
};

/* Add a finding for node path (element indices from r->idx). 0 or MGW_E_NOMEM. */
int pol_finding(struct pol_rd *r, int path, int action, const char *kind, const char *rule,
		int line, const char *ground, size_t start, size_t end);

/*
 * The action for a value at node path of an element with role slot (0 =
 * none): the rule that applies (*rule, NULL if none) and the ground to
 * record. No rule: POL_WITHHOLD with "default-deny". A rule that would let
 * never-share data reach a disallowed agency: POL_WITHHOLD with "never-share".
 */
/* May r's recipient know where she lives (the victim's address lines shared to
 * it)? If not, free text is scrubbed for her whereabouts (SCRUB_F_LOCATION) and
 * an address naming a refuge is never-share data for it. */
int pol_knows_where_she_is(const struct pol_rd *r);

int pol_decide(const struct pol_rd *r, int path, int role_slot, const struct pol_rule **rule,
	       const char **ground);

/* May a value at node path reach this recipient at all (never-share, the refuge ceiling)? */
int pol_never_ok(const struct pol_rd *r, int path);

/* The masked form of s (codec_malloc'd), or NULL if s cannot be masked or on no memory. */
char *pol_mask(enum pol_mask kind, const char *s);

/*
 * Scrub s with this recipient's group scrubber, markers reading label, into
 * *out (codec_malloc'd), adding the replacements to *replaced and, when
 * explaining, findings for node path. *out NULL with 0 returned: the
 * scrubber could not handle the text, or (*ns set to 1) the scrubbed text
 * still holds a never-share value this recipient may not have; the caller
 * withholds it. Each (group, text, label) is scrubbed once per share, and
 * checked once per agency. *where counts the statements of her whereabouts,
 * safe times and contact details withheld (the s38 kinds). Returns 0 or
 * MGW_E_NOMEM.
 */
int pol_scrub(struct pol_rd *r, int path, const char *label, const char *ground, const char *s,
	      char **out, unsigned *replaced, int *ns, unsigned *where);

#endif

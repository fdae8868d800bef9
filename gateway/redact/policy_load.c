/*
 * policy_load.c: YAML policy file to struct policy (format: policy/README.md).
 *
 * libyaml's document API gives every node its line, so every error names
 * file, line and the offending text (readers: policy_yaml.c). Anchors and
 * aliases are refused: a
 * policy is read by people, and an alias would let one rule text stand for
 * many (and let a small file expand without bound).
 *
 * Order of checks: the whole never_share block first (so the ceilings are
 * known), then the classes block (every string field must have a class:
 * policy_class.c), then each rule in file order: path, action, ground, the
 * action's fit to the field (mask: date of birth, phones, postcode; scrub:
 * a field of class text), agencies, purposes, roles, never-share, and
 * finally its cells (a cell already taken is a conflict). The first error
 * stops the load.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <yaml.h>

#include "marac/v1/case.pb-c.h"
#include "marac/v1/frame.pb-c.h"
#include "mgw_err.h"
#include "mgw_limits.h"
#include "policy_int.h"
#include "policy_yaml.h"
#include "yaml_depth.h"

/* ---- never_share ---------------------------------------------------------- */

static int never_agency(struct pol_ld *x, const char *key, yaml_node_t *k, yaml_node_t *v,
			void *arg)
{
	struct pol_never *e = arg;
	int a = pol_enum_value(&marac__v1__agency__descriptor, key, 0);
	if (a <= 0 || a >= POL_AGENCIES)
		return pol_fail(x, k, "unknown agency \"%s\" in never_share \"%s\"", key,
				x->p->paths[e->path].name);
	const char *why = pol_scalar(v);
	if (why == NULL || why[strspn(why, " \t")] == 0)
		return pol_fail(x, v, "never_share \"%s\": give the reason %s needs it as text",
				x->p->paths[e->path].name, key);
	if (pol_path_covers(x->p, pol_path_find(x->p, "refuge_address"), e->path) &&
	    !(POL_REFUGE_CEILING & (1u << a)))
		return pol_fail(x, k,
				"never_share \"%s\": %s may not have the refuge address "
				"(police and idva at most)",
				x->p->paths[e->path].name, key);
	e->allowed |= 1u << a;
	return MGW_OK;
}

static int never_entry(struct pol_ld *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	struct policy *p = x->p;
	char why[256];
	int path = pol_path_parse(p, key, why, sizeof why);
	if (path < 0)
		return pol_fail(x, k, "%s", why);
	if (path == 0)
		return pol_fail(x, k, "never_share \"*\": name the fields that are never shared");
	struct pol_never *e = NULL;
	for (int i = 0; i < p->n_never; i++)
		if (p->never[i].path == path)
			e = &p->never[i];
	if (e == NULL) {
		if (p->n_never >= POL_MAX_NEVER)
			return pol_fail(x, k, "too many never_share entries (at most %d)",
					POL_MAX_NEVER);
		e = &p->never[p->n_never++];
		e->path = path;
	}
	e->allowed = 0;
	e->line = (int)k->start_mark.line + 1;
	if (v->type == YAML_SCALAR_NODE && v->data.scalar.length == 0)
		return MGW_OK; /* "refuge_address:" with nothing: no agency at all */
	char what[POL_PATH_MAX + 16];
	snprintf(what, sizeof what, "never_share \"%s\"", key);
	return pol_each_pair(x, v, what, never_agency, e);
}

/* The built-in never-share entries; the file may narrow or (but for the refuge) widen them. */
static void never_builtin(struct policy *p)
{
	static const char *const builtin[] = {"refuge_address", "victim.address", "victim.phones",
					      "victim.email", "victim.safe_times"};
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
		struct pol_never *e = &p->never[p->n_never++];
		e->path = pol_path_find(p, builtin[i]);
		e->allowed = POL_REFUGE_CEILING;
		e->line = 0;
	}
}

static void never_tables(struct policy *p)
{
	for (int n = 0; n < p->n_paths; n++) {
		p->ns_allowed[n] = POL_ALL_AGENCIES;
		for (int i = 0; i < p->n_never; i++)
			if (pol_path_covers(p, p->never[i].path, n))
				p->ns_allowed[n] &= p->never[i].allowed;
		p->ns_below[n] = p->ns_allowed[n];
	}
	for (int n = p->n_paths - 1; n > 0; n--) /* children have larger indices */
		p->ns_below[p->paths[n].parent] &= p->ns_below[n];
}

/* ---- rules ---------------------------------------------------------------- */

struct rule_in {
	yaml_node_t *path, *to, *action, *ground, *purpose, *roles, *cases;
};

static int rule_key(struct pol_ld *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	struct rule_in *r = arg;
	yaml_node_t **slot = !strcmp(key, "path")      ? &r->path
			     : !strcmp(key, "to")      ? &r->to
			     : !strcmp(key, "action")  ? &r->action
			     : !strcmp(key, "ground")  ? &r->ground
			     : !strcmp(key, "purpose") ? &r->purpose
			     : !strcmp(key, "roles")   ? &r->roles
			     : !strcmp(key, "cases")   ? &r->cases
						       : NULL;
	if (slot == NULL)
		return pol_fail(x, k,
				"unknown key \"%s\" in rule (path, to, action, ground, purpose, "
				"roles, cases)",
				key);
	*slot = v;
	return MGW_OK;
}

static int want_text(struct pol_ld *x, yaml_node_t *rule, yaml_node_t *v, const char *key,
		     const char **out)
{
	if (v == NULL)
		return pol_fail(x, rule, "rule has no \"%s\"", key);
	if ((*out = pol_scalar(v)) == NULL)
		return pol_fail(x, v, "\"%s\" must be a single value", key);
	return MGW_OK;
}

/* A rule that shares, masks or scrubs never-share data to an agency it may not reach. */
static int never_check(struct pol_ld *x, const struct pol_rule *r, uint32_t to, yaml_node_t *at)
{
	struct policy *p = x->p;
	uint32_t bad = to & ~p->ns_below[r->path];
	if (r->action == POL_WITHHOLD || bad == 0)
		return MGW_OK;
	for (int i = 0; i < p->n_never; i++) {
		const struct pol_never *e = &p->never[i];
		if (!(bad & ~e->allowed) ||
		    !(pol_path_covers(p, r->path, e->path) || pol_path_covers(p, e->path, r->path)))
			continue;
		char who[200], ok[200];
		return pol_fail(x, at,
				"rule for \"%s\" would give never-share \"%s\" to %s "
				"(never_share allows: %s)",
				p->paths[r->path].name, p->paths[e->path].name,
				pol_agency_list(bad & ~e->allowed, who, sizeof who),
				pol_agency_list(e->allowed, ok, sizeof ok));
	}
	return pol_fail(x, at, "rule for \"%s\" covers never-share data", p->paths[r->path].name);
}

/*
 * A rule's "cases:": with_children, adult_only, or a list of them, into
 * case-slot bits (bit 1 with children, bit 2 adult only). Why a policy and
 * not the code decides: what a school may learn of a case without children
 * is an information-sharing decision, made and reviewed in the policy.
 */
static int case_name(struct pol_ld *x, yaml_node_t *v, uint32_t *bits)
{
	const char *s = pol_scalar(v);
	if (s && !strcmp(s, "with_children"))
		*bits |= 1u << POL_CASE_WITH_CHILDREN;
	else if (s && !strcmp(s, "adult_only"))
		*bits |= 1u << POL_CASE_ADULT_ONLY;
	else
		return pol_fail(x, v, "unknown case \"%s\" in \"cases\" (with_children, adult_only)",
				s ? s : "");
	return MGW_OK;
}

static int cases_of(struct pol_ld *x, yaml_node_t *v, uint32_t *out)
{
	uint32_t bits = 0;
	if (v->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *it = v->data.sequence.items.start;
		     it < v->data.sequence.items.top; it++)
			if (case_name(x, yaml_document_get_node(&x->doc, *it), &bits))
				return MGW_E_INVALID;
	} else if (case_name(x, v, &bits)) {
		return MGW_E_INVALID;
	}
	if (bits == 0)
		return pol_fail(x, v, "\"cases\" is empty (with_children, adult_only)");
	*out = bits;
	return MGW_OK;
}

static int one_rule(struct pol_ld *x, yaml_node_t *n)
{
	struct policy *p = x->p;
	struct rule_in in = {0};
	int rc = pol_each_pair(x, n, "a rule", rule_key, &in);
	if (rc)
		return rc;
	const char *path, *action, *ground;
	if (want_text(x, n, in.path, "path", &path) ||
	    want_text(x, n, in.action, "action", &action) ||
	    want_text(x, n, in.ground, "ground", &ground))
		return MGW_E_INVALID;
	if (in.to == NULL)
		return pol_fail(x, n, "rule has no \"to\"");
	if (p->n_rules >= POLICY_MAX_RULES)
		return pol_fail(x, n, "too many rules (at most %u)", POLICY_MAX_RULES);
	struct pol_rule *r = &p->rules[p->n_rules];
	char why[256];
	r->line = (int)n->start_mark.line + 1;
	if ((r->path = pol_path_parse(p, path, why, sizeof why)) < 0)
		return pol_fail(x, in.path, "%s", why);
	if ((r->action = pol_action_value(action)) < 0)
		return pol_fail(x, in.action,
				"unknown action \"%s\" (share, withhold, mask or scrub)", action);
	if (strlen(ground) >= sizeof r->ground ||
	    pol_ground_check(ground, r->action, r->label, sizeof r->label, why, sizeof why))
		return pol_fail(x, in.ground, "%s",
				strlen(ground) >= sizeof r->ground ? "ground is too long" : why);
	snprintf(r->ground, sizeof r->ground, "%s", ground);
	const struct pol_path *pn = &p->paths[r->path];
	if (r->action == POL_MASK && pn->mask == POL_MASK_NONE)
		return pol_fail(
		    x, in.action,
		    "cannot mask \"%s\": mask applies to date_of_birth (to the "
		    "year), phones (to the last 3 digits) and postcode (to the outward code)",
		    pn->name);
	if (r->action == POL_SCRUB && !pn->text)
		return pol_fail(x, in.action,
				"cannot scrub \"%s\": scrub applies to text fields only", pn->name);
	if (r->action == POL_SCRUB && pn->cls != POL_C_TEXT)
		return pol_fail(x, in.action,
				"cannot scrub \"%s\": its class is %s, and scrub applies to fields "
				"of class text (share it: a value outside its class is withheld)",
				pn->name, pol_class_name(pn));
	uint32_t to, purposes = 1u, roles = 1u;
	if (pol_agencies(x, in.to, "\"to\"", &to))
		return MGW_E_INVALID;
	if (in.purpose && pol_names(x, in.purpose, &marac__v1__purpose__descriptor, 0, 0,
				    POL_PURPOSES, "purpose", &purposes))
		return MGW_E_INVALID;
	if (in.roles) {
		if (!pn->role_scope)
			return pol_fail(x, in.roles,
					"\"roles\" applies only to paths under others[], not "
					"\"%s\"",
					pn->name);
		if (pol_names(x, in.roles, &marac__v1__person_role__descriptor, 1, 1, POL_ROLES,
			      "role", &roles))
			return MGW_E_INVALID;
	}
	uint32_t cases = 1u;
	if (in.cases && cases_of(x, in.cases, &cases))
		return MGW_E_INVALID;
	if (never_check(x, r, to, in.path))
		return MGW_E_INVALID;
	for (int a = 1; a < POL_AGENCIES; a++)
		for (int u = 0; u < POL_PURPOSES; u++)
			for (int o = 0; o < POL_ROLES; o++)
				for (int k = 0; k < POL_CASES; k++) {
					if (!(to >> a & 1) || !(purposes >> u & 1) ||
					    !(roles >> o & 1) || !(cases >> k & 1))
						continue;
					uint16_t *c = &p->cells[pol_cell(r->path, a, u, o, k)];
					char nm[40];
					if (*c)
						return pol_fail(
						    x, n,
						    "conflicting rules for \"%s\" to %s: lines %d "
						    "and %d apply at the same level (path, purpose, "
						    "roles and cases)",
						    pn->name,
						    pol_enum_name(&marac__v1__agency__descriptor, a,
								  nm, sizeof nm),
						    p->rules[*c - 1].line, r->line);
					*c = (uint16_t)(p->n_rules + 1);
				}
	p->n_rules++;
	return MGW_OK;
}

/* ---- the document --------------------------------------------------------- */

struct top {
	yaml_node_t *version, *groups, *never, *classes, *rules;
};

static int top_key(struct pol_ld *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *arg)
{
	struct top *t = arg;
	if (!strcmp(key, "version"))
		t->version = v;
	else if (!strcmp(key, "groups"))
		t->groups = v;
	else if (!strcmp(key, "never_share"))
		t->never = v;
	else if (!strcmp(key, "classes"))
		t->classes = v;
	else if (!strcmp(key, "rules"))
		t->rules = v;
	else if (strcmp(key, "description") != 0)
		return pol_fail(x, k,
				"unknown key \"%s\" (version, description, groups, never_share, "
				"classes, rules)",
				key);
	return MGW_OK;
}

static int load_doc(struct pol_ld *x)
{
	yaml_node_t *root = yaml_document_get_root_node(&x->doc);
	if (root == NULL)
		return pol_fail(x, NULL, "empty policy");
	struct top t = {0};
	x->seen[0] = 1;
	int rc = pol_each_pair(x, root, "the policy", top_key, &t);
	if (rc)
		return rc;
	const char *ver = pol_scalar(t.version);
	if (t.version == NULL || ver == NULL || strcmp(ver, "1") != 0)
		return pol_fail(x, t.version ? t.version : root, "\"version: 1\" is required");
	if (t.groups &&
	    (rc = pol_each_pair(x, t.groups, "groups", pol_group_entry, NULL)) != MGW_OK)
		return rc;
	never_builtin(x->p);
	if (t.never && !(t.never->type == YAML_SCALAR_NODE && t.never->data.scalar.length == 0) &&
	    (rc = pol_each_pair(x, t.never, "never_share", never_entry, NULL)) != MGW_OK)
		return rc;
	never_tables(x->p);
	if ((rc = pol_classes_load(x, t.classes, root)) != MGW_OK)
		return rc;
	if (t.rules == NULL || t.rules->type != YAML_SEQUENCE_NODE)
		return pol_fail(x, t.rules ? t.rules : root, "\"rules\" must be a list of rules");
	yaml_node_item_t *it = t.rules->data.sequence.items.start;
	size_t n = (size_t)(t.rules->data.sequence.items.top - it);
	if (n > POLICY_MAX_RULES)
		return pol_fail(x, t.rules, "too many rules (at most %u)", POLICY_MAX_RULES);
	x->p->rules = calloc(n ? n : 1, sizeof *x->p->rules);
	if (x->p->rules == NULL)
		return MGW_E_NOMEM;
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *r;
		if ((rc = pol_take(x, it[i], t.rules, &r)) || (rc = one_rule(x, r)))
			return rc;
	}
	return MGW_OK;
}

int policy_load_mem(const char *name, const char *text, size_t len, policy **out, char *err,
		    size_t errlen)
{
	struct pol_ld x = {.file = name, .err = err, .errlen = errlen};
	yaml_parser_t parser;
	int parser_ok = 0, doc_ok = 0, rc;
	*out = NULL;
	if (errlen)
		err[0] = 0;
	if (len > POLICY_MAX_BYTES) {
		snprintf(err, errlen, "%s: larger than %u bytes", name, POLICY_MAX_BYTES);
		return MGW_E_TOO_LARGE;
	}
	/* Nesting first, whoever calls: libyaml's loader is quadratic in it
	 * (yaml_depth.h), and a policy named inside a policy test file, or any
	 * later caller, must not reach the loader unchecked. */
	unsigned long deep_line;
	rc = yaml_depth_text(text, len, MGW_POLICY_MAX_DEPTH, &deep_line);
	if (rc == MGW_E_INVALID)
		snprintf(err, errlen, "%s:%lu: nested deeper than %u levels", name, deep_line,
			 MGW_POLICY_MAX_DEPTH);
	else if (rc != MGW_OK)
		snprintf(err, errlen, "%s: out of memory", name);
	if (rc != MGW_OK)
		return rc;
	rc = MGW_E_NOMEM;
	if ((x.p = calloc(1, sizeof *x.p)) == NULL || !yaml_parser_initialize(&parser))
		goto fail;
	parser_ok = 1;
	if (pol_schema_build(x.p) != MGW_OK) {
		rc = pol_fail(&x, NULL, "internal: the case schema does not fit the path table");
		goto fail;
	}
	x.p->cells = calloc((size_t)x.p->n_paths * POL_AGENCIES * POL_PURPOSES * POL_ROLES *
				    POL_CASES,
			    sizeof *x.p->cells);
	if (x.p->cells == NULL)
		goto fail;
	if (!EVP_Digest(text, len, x.p->sha256, NULL, EVP_sha256(), NULL))
		goto fail;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &x.doc)) {
		if (parser.error == YAML_MEMORY_ERROR)
			goto fail;
		/* A reader error (a control character, broken UTF-8) has no mark,
		 * only a byte offset: count its line, as config.c does. */
		unsigned long line = (unsigned long)parser.problem_mark.line + 1;
		if (parser.error == YAML_READER_ERROR) {
			line = 1;
			for (size_t i = 0; i < parser.problem_offset && i < len; i++)
				line += text[i] == '\n';
		}
		snprintf(err, errlen, "%s:%lu: YAML: %s%s%s", name, line,
			 parser.problem ? parser.problem : "syntax error",
			 parser.context ? " " : "", parser.context ? parser.context : "");
		rc = MGW_E_INVALID;
		goto fail;
	}
	doc_ok = 1;
	x.n_nodes = (size_t)(x.doc.nodes.top - x.doc.nodes.start);
	if ((x.seen = calloc(x.n_nodes + 1, 1)) == NULL)
		goto fail;
	if ((rc = load_doc(&x)) != MGW_OK)
		goto fail;
	yaml_document_t next;
	if (!yaml_parser_load(&parser, &next)) {
		rc = pol_fail(&x, NULL, "YAML: %s",
			      parser.problem ? parser.problem : "syntax error");
		goto fail;
	}
	yaml_node_t *more = yaml_document_get_root_node(&next);
	if (more) {
		rc = pol_fail(&x, more, "a policy is one YAML document: remove the second \"---\"");
		yaml_document_delete(&next);
		goto fail;
	}
	yaml_document_delete(&next);
	free(x.seen);
	yaml_document_delete(&x.doc);
	yaml_parser_delete(&parser);
	*out = x.p;
	return MGW_OK;
fail:
	if (rc == MGW_E_NOMEM)
		snprintf(err, errlen, "%s: out of memory", name);
	free(x.seen);
	if (doc_ok)
		yaml_document_delete(&x.doc);
	if (parser_ok)
		yaml_parser_delete(&parser);
	policy_free(x.p);
	return rc;
}

int policy_load(const char *path, policy **out, char *err, size_t errlen)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return MGW_E_IO;
	}
	char *buf = malloc(POLICY_MAX_BYTES + 1);
	size_t n = buf ? fread(buf, 1, POLICY_MAX_BYTES + 1, f) : 0;
	int rc = buf == NULL ? MGW_E_NOMEM : ferror(f) ? MGW_E_IO : MGW_OK;
	fclose(f);
	if (rc == MGW_OK)
		rc = policy_load_mem(path, buf, n, out, err, errlen);
	else
		snprintf(err, errlen, "%s: %s", path,
			 rc == MGW_E_IO ? "read error" : "out of memory");
	free(buf);
	return rc;
}

void policy_free(policy *p)
{
	if (p == NULL)
		return;
	for (int i = 0; i < p->n_sets; i++)
		free(p->sets[i].codes);
	free(p->rules);
	free(p->cells);
	free(p);
}

const uint8_t *policy_sha256(const policy *p)
{
	return p->sha256;
}

/*
 * policy_test.c: see policy_test.h. A spec file is one test object, or an
 * object with "tests": [...] whose members inherit the file's other keys.
 * YAML specs are turned into JSON first (plain scalars that look like
 * integers, booleans or null become those), so both forms share one path.
 * Expected views and manifest entries go through pbjson and back before the
 * comparison, so they may use snake_case names and short enum names.
 */
#include <libgen.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <yaml.h>

#include "codec.h"
#include "mgw_err.h"
#include "pbjson.h"
#include "policy.h"
#include "policy_test.h"

#define MAX_FILE (16u << 20)

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *buf = malloc(MAX_FILE + 1);
	size_t n = buf ? fread(buf, 1, MAX_FILE, f) : 0;
	if (buf == NULL || ferror(f)) {
		free(buf);
		buf = NULL;
	} else {
		buf[n] = 0;
		*len = n;
	}
	fclose(f);
	return buf;
}

/*
 * A test file as JSON: d's nodes, each converted once. An alias makes a
 * node reachable twice, and nested aliases ("billion laughs": ten lists of
 * ten references to the list before) would expand a few hundred bytes into
 * 10^9 values and exhaust memory; the policy refuses aliases
 * (policy_yaml.c), so do its tests: more conversions than the document has
 * nodes is an alias, and the file fails (*alias set).
 */
struct yj {
	yaml_document_t *d;
	size_t left;                /* conversions left: the document's node count */
	int alias;
};

static json_t *yaml_node_json(struct yj *y, yaml_node_t *n, int depth)
{
	if (n == NULL || depth > 64)
		return NULL;
	if (y->left == 0) {
		y->alias = 1;
		return NULL;
	}
	y->left--;
	if (n->type == YAML_SCALAR_NODE) {
		const char *s = (const char *)n->data.scalar.value;
		if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
			return json_string(s);
		if (!strcmp(s, "true") || !strcmp(s, "false"))
			return json_boolean(s[0] == 't');
		if (!strcmp(s, "null") || !strcmp(s, "~") || s[0] == 0)
			return json_null();
		char *end;
		long long v = strtoll(s, &end, 10);
		if (*end == 0 &&
		    strspn(s + (s[0] == '-'), "0123456789") == strlen(s + (s[0] == '-')))
			return json_integer(v);
		return json_string(s);
	}
	json_t *out = n->type == YAML_SEQUENCE_NODE ? json_array() : json_object();
	if (out == NULL)
		return NULL;
	if (n->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *i = n->data.sequence.items.start;
		     i < n->data.sequence.items.top; i++)
			if (json_array_append_new(
				out, yaml_node_json(y, yaml_document_get_node(y->d, *i), depth + 1)))
				goto fail;
		return out;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(y->d, p->key);
		if (k == NULL || k->type != YAML_SCALAR_NODE ||
		    json_object_set_new(
			out, (const char *)k->data.scalar.value,
			yaml_node_json(y, yaml_document_get_node(y->d, p->value), depth + 1)))
			goto fail;
	}
	return out;
fail:
	json_decref(out);
	return NULL;
}

/* A YAML or JSON file as JSON; NULL with why in err. */
static json_t *load_any(const char *path, char *err, size_t errlen)
{
	size_t len = 0;
	char *text = slurp(path, &len);
	json_t *j = NULL;
	if (text == NULL) {
		snprintf(err, errlen, "%s: cannot read", path);
		return NULL;
	}
	size_t pl = strlen(path);
	if (pl > 5 && strcmp(path + pl - 5, ".json") == 0) {
		json_error_t je;
		if ((j = json_loadb(text, len, 0, &je)) == NULL)
			snprintf(err, errlen, "%s:%d: %s", path, je.line, je.text);
	} else {
		yaml_parser_t ps;
		yaml_document_t doc;
		if (yaml_parser_initialize(&ps)) {
			yaml_parser_set_input_string(&ps, (const unsigned char *)text, len);
			if (yaml_parser_load(&ps, &doc)) {
				struct yj y = {.d = &doc,
					       .left = (size_t)(doc.nodes.top - doc.nodes.start)};
				j = yaml_node_json(&y, yaml_document_get_root_node(&doc), 0);
				yaml_document_delete(&doc);
				if (j == NULL && y.alias)
					snprintf(err, errlen, "%s: YAML aliases are not allowed in a "
						 "policy test: write the values out", path);
				else if (j == NULL)
					snprintf(err, errlen, "%s: not a test (empty or too deep)",
						 path);
			} else {
				/* a reader error (control character, broken UTF-8) has
				 * only a byte offset: count its line */
				unsigned long line = (unsigned long)ps.problem_mark.line + 1;
				if (ps.error == YAML_READER_ERROR) {
					line = 1;
					for (size_t i = 0; i < ps.problem_offset && i < len; i++)
						line += text[i] == '\n';
				}
				snprintf(err, errlen, "%s:%lu: YAML: %s", path, line,
					 ps.problem ? ps.problem : "syntax error");
			}
			yaml_parser_delete(&ps);
		}
	}
	free(text);
	return j;
}

/* ---- comparison ---------------------------------------------------------------- */

static void show(const json_t *v, char *buf, size_t n)
{
	char *s = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
	snprintf(buf, n, "%.120s%s", s ? s : "absent", s && strlen(s) > 120 ? "..." : "");
	free(s);
}

/* 1 and the first difference in why if exp and got differ; 0 if equal. */
static int diff(const json_t *exp, const json_t *got, const char *path, char *why, size_t n)
{
	char sub[512], a[160], b[160];
	if (exp && got && json_typeof(exp) == json_typeof(got)) {
		if (json_is_object(exp)) {
			const char *k;
			json_t *v;
			json_object_foreach((json_t *)exp, k, v)
			{
				snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "", k);
				if (diff(v, json_object_get(got, k), sub, why, n))
					return 1;
			}
			json_object_foreach((json_t *)got, k, v)
			{
				snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "", k);
				if (json_object_get(exp, k) == NULL)
					return diff(NULL, v, sub, why, n);
			}
			return 0;
		}
		if (json_is_array(exp)) {
			size_t ne = json_array_size(exp), ng = json_array_size(got);
			for (size_t i = 0; i < ne || i < ng; i++) {
				snprintf(sub, sizeof sub, "%s[%zu]", path, i);
				if (diff(json_array_get(exp, i), json_array_get(got, i), sub, why,
					 n))
					return 1;
			}
			return 0;
		}
		if (json_equal(exp, got))
			return 0;
	}
	show(exp, a, sizeof a);
	show(got, b, sizeof b);
	snprintf(why, n, "%s: expected %s, got %s", path[0] ? path : "(top)", a, b);
	return 1;
}

/* Expected JSON through a message type and back, so names and enums are canonical. */
static json_t *canonical(const ProtobufCMessageDescriptor *d, const json_t *j, char *err, size_t n)
{
	ProtobufCMessage *m = NULL;
	if (pbjson_from_json(d, j, &m, err, n) != MGW_OK)
		return NULL;
	json_t *o = pbjson_to_json(m);
	codec_free(m);
	return o;
}

/* ---- one test ------------------------------------------------------------------ */

struct spec {
	const json_t *t, *file;
	const char *dir, *defpol;
};

static const json_t *get(const struct spec *s, const char *key)
{
	const json_t *v = json_object_get(s->t, key);
	return v ? v : s->t != s->file ? json_object_get(s->file, key) : NULL;
}

/* A member that is inline JSON or the name of a file beside the spec. */
static json_t *get_doc(const struct spec *s, const char *key, char *why, size_t n)
{
	const json_t *v = get(s, key);
	if (!json_is_string(v))
		return json_incref((json_t *)v);
	char path[4096];
	const char *f = json_string_value(v);
	snprintf(path, sizeof path, "%s%s%s", f[0] == '/' ? "" : s->dir, f[0] == '/' ? "" : "/", f);
	return load_any(path, why, n);
}

static int check_keys(const json_t *t, char *why, size_t n)
{
	static const char *const keys[] = {
	    "name",        "policy",          "case",          "to",    "purpose",
	    "expect_view", "expect_manifest", "expect_absent", "tests", NULL};
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)t, k, v)
	{
		int ok = 0;
		for (int i = 0; keys[i]; i++)
			ok |= !strcmp(keys[i], k);
		if (!ok) {
			snprintf(why, n, "unknown key \"%s\"", k);
			return -1;
		}
	}
	return 0;
}

/* 0 pass, 1 fail (why says what), <0 error. */
static int run_test(const struct spec *s, char *why, size_t n)
{
	policy *p = NULL;
	ProtobufCMessage *cs = NULL;
	Marac__V1__CaseSummary *view = NULL;
	Marac__V1__RedactionEntry **m = NULL;
	size_t nm = 0;
	json_t *cj = NULL, *ev = NULL, *em = NULL, *gv = NULL, *gm = NULL, *x = NULL;
	int agency = 0, purpose = 0, rc = 1;
	char ppath[4096];
	const json_t *pol = get(s, "policy"), *absent = get(s, "expect_absent");
	if (check_keys(s->t, why, n))
		goto out;
	if (pol && !json_is_string(pol)) {
		snprintf(why, n, "\"policy\" must be a file name");
		goto out;
	}
	if (pol)
		snprintf(ppath, sizeof ppath, "%s/%s", s->dir, json_string_value(pol));
	else
		snprintf(ppath, sizeof ppath, "%s", s->defpol);
	if (policy_load(ppath, &p, why, n) != MGW_OK)
		goto out;
	const char *to = json_string_value(get(s, "to")),
		   *pu = json_string_value(get(s, "purpose"));
	if (to == NULL || pu == NULL ||
	    pbjson_enum_from_name(&marac__v1__agency__descriptor, to, &agency) || agency <= 0 ||
	    pbjson_enum_from_name(&marac__v1__purpose__descriptor, pu, &purpose) || purpose <= 0) {
		snprintf(why, n, "\"to\" (an agency) and \"purpose\" are required");
		goto out;
	}
	if ((cj = get_doc(s, "case", why, n)) == NULL) {
		if (get(s, "case") == NULL)
			snprintf(why, n, "no \"case\"");
		goto out;
	}
	if (pbjson_from_json(&marac__v1__case_summary__descriptor, cj, &cs, why, n) != MGW_OK)
		goto out;
	if (get(s, "expect_view") == NULL && get(s, "expect_manifest") == NULL && absent == NULL) {
		snprintf(why, n, "no expect_view, expect_manifest or expect_absent");
		goto out;
	}
	rc = policy_redact(p, (Marac__V1__CaseSummary *)cs, agency, purpose, &view, &m, &nm);
	if (rc != MGW_OK) {
		snprintf(why, n, "redaction failed: %s", mgw_strerror(rc));
		rc = rc == MGW_E_NOMEM ? -1 : 1;
		goto out;
	}
	rc = -1;
	if ((gv = pbjson_to_json(&view->base)) == NULL || (gm = json_array()) == NULL)
		goto out;
	for (size_t i = 0; i < nm; i++)
		if (json_array_append_new(gm, pbjson_to_json(&m[i]->base)))
			goto out;
	rc = 1;
	if (get(s, "expect_view")) {
		if ((x = get_doc(s, "expect_view", why, n)) == NULL ||
		    (ev = canonical(&marac__v1__case_summary__descriptor, x, why, n)) == NULL)
			goto out;
		char sub[480];
		if (diff(ev, gv, "", sub, sizeof sub)) {
			snprintf(why, n, "view: %s", sub);
			goto out;
		}
	}
	if (get(s, "expect_manifest")) {
		json_decref(x);
		if ((x = get_doc(s, "expect_manifest", why, n)) == NULL || !json_is_array(x)) {
			if (x)
				snprintf(why, n, "\"expect_manifest\" must be a list");
			goto out;
		}
		if ((em = json_array()) == NULL)
			goto out;
		for (size_t i = 0; i < json_array_size(x); i++) {
			json_t *e = canonical(&marac__v1__redaction_entry__descriptor,
					      json_array_get(x, i), why, n);
			if (e == NULL || json_array_append_new(em, e))
				goto out;
		}
		char sub[480];
		if (diff(em, gm, "", sub, sizeof sub)) {
			snprintf(why, n, "manifest: %s", sub);
			goto out;
		}
	}
	if (absent) {
		char *a = json_dumps(gv, JSON_COMPACT), *b = json_dumps(gm, JSON_COMPACT);
		const char *hit = NULL;
		for (size_t i = 0; a && b && i < json_array_size(absent); i++) {
			const char *str = json_string_value(json_array_get(absent, i));
			if (str && str[0] && (strstr(a, str) || strstr(b, str)))
				hit = str;
		}
		if (hit)
			snprintf(why, n, "\"%s\" appears in the view or manifest", hit);
		rc = a && b ? hit != NULL : -1;
		free(a);
		free(b);
		goto out;
	}
	rc = 0;
out:
	json_decref(cj);
	json_decref(ev);
	json_decref(em);
	json_decref(gv);
	json_decref(gm);
	json_decref(x);
	policy_manifest_free(m, nm);
	codec_free(view ? &view->base : NULL);
	codec_free(cs);
	policy_free(p);
	return rc;
}

static int report(FILE *out, struct policy_test_totals *t, const char *display, const char *name,
		  int rc, const char *why)
{
	if (rc < 0)
		why = "out of memory";
	if (rc == 0)
		t->passed++;
	else
		t->failed++;
	fprintf(out, "%s %s%s%s%s%s\n", rc == 0 ? "ok  " : "FAIL", display, name ? ": " : "",
		name ? name : "", rc ? ": " : "", rc ? why : "");
	return rc < 0 ? MGW_E_NOMEM : MGW_OK;
}

int policy_test_file(const char *path, const char *display, const char *default_policy, FILE *out,
		     struct policy_test_totals *t)
{
	char why[1024] = "", dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	char *d = dirname(dir);
	json_t *file = load_any(path, why, sizeof why);
	if (file == NULL || !json_is_object(file)) {
		if (file)
			snprintf(why, sizeof why, "a test file holds an object");
		json_decref(file);
		return report(out, t, display, NULL, 1, why);
	}
	struct spec s = {.t = file, .file = file, .dir = d, .defpol = default_policy};
	const json_t *list = json_object_get(file, "tests");
	int rc = MGW_OK;
	if (check_keys(file, why, sizeof why)) {
		rc = report(out, t, display, NULL, 1, why);
		list = NULL;
	} else if (list == NULL) {
		why[0] = 0;
		rc = report(out, t, display, json_string_value(json_object_get(file, "name")),
			    run_test(&s, why, sizeof why), why);
	} else if (!json_is_array(list) || json_array_size(list) == 0) {
		rc = report(out, t, display, NULL, 1, "\"tests\" must be a non-empty list");
	}
	for (size_t i = 0; list && rc == MGW_OK && i < json_array_size(list); i++) {
		char name[64];
		s.t = json_array_get(list, i);
		const char *nm = json_string_value(json_object_get(s.t, "name"));
		snprintf(name, sizeof name, "#%zu", i + 1);
		why[0] = 0;
		if (!json_is_object(s.t))
			rc = report(out, t, display, name, 1, "a test is an object");
		else if (json_object_get(s.t, "tests"))
			rc = report(out, t, display, nm ? nm : name, 1, "tests do not nest");
		else
			rc = report(out, t, display, nm ? nm : name, run_test(&s, why, sizeof why),
				    why);
	}
	json_decref(file);
	return rc;
}

/*
 * cmd_policy.c: marac policy check | redact | test.
 *
 *   marac policy check FILE
 *       Load and validate a policy: prints "ok <sha256>" (exit 0) or the
 *       error with file:line (exit 1).
 *   marac policy redact --policy FILE --to AGENCY [--purpose P] [--explain] [CASE.json|-]
 *       Redact a case locally, as the gateway would for that recipient:
 *       {"view": ..., "manifest": [...], "policy_sha256": "..."}.
 *       The purpose defaults to meeting; the case to standard input.
 *       --explain adds "findings": one entry per decision, for the person
 *       checking a policy: {"path": "others[2].phones[0]", "action",
 *       "kind" (the field's class, or what a scrubber found), "rule" (which
 *       check decided), "line" (of the policy rule, when one applied),
 *       "ground"}, and for a span of free text its "start" and "end" bytes
 *       in the input value. Never the values themselves.
 *   marac policy test [--policy FILE] DIR
 *       Run the policy tests under DIR (format: policy/README.md): every
 *       *.test.yaml, *.test.yml or *.test.json file, and every directory
 *       holding test.yaml or test.json. One line per test, then
 *       "N passed, M failed"; exit 1 if any failed or none were found.
 *
 * Exit codes as cli.h: 0 ok, 1 check/test failed, 2 usage, 3 input file error.
 */
#include <dirent.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <jansson.h>
#include <yaml.h>

#include "cli.h"
#include "codec.h"
#include "mgw_err.h"
#include "mgw_limits.h"
#include "pbjson.h"
#include "policy.h"
#include "policy_test.h"
#include "yaml_depth.h"

static int usage(void)
{
	fprintf(stderr, "usage: marac policy check FILE\n"
			"       marac policy redact --policy FILE --to AGENCY [--purpose PURPOSE] "
			"[--explain] [CASE.json|-]\n"
			"       marac policy test [--policy FILE] DIR\n"
			"AGENCY: police, childrens_social_care, adult_social_care, health, idva, "
			"probation, housing, education\n"
			"PURPOSE: referral, research, meeting (default), action_update\n");
	return EX_USAGE;
}

static void hex(const uint8_t *d, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

static int enum_arg(const ProtobufCEnumDescriptor *d, const char *s, int *v)
{
	return pbjson_enum_from_name(d, s, v) == MGW_OK && *v > 0 ? 0 : -1;
}

/* ---- check ----------------------------------------------------------------- */

static int check(int argc, char **argv)
{
	if (argc != 3)
		return usage();
	policy *p;
	char err[512], h[65];
	int rc = policy_load(argv[2], &p, err, sizeof err);
	if (rc != MGW_OK) {
		fprintf(stderr, "%s\n", err);
		return rc == MGW_E_INVALID ? EX_REFUSED : EX_INPUT;
	}
	hex(policy_sha256(p), 32, h);
	printf("ok %s\n", h);
	policy_free(p);
	return EX_OK;
}

/* ---- redact ----------------------------------------------------------------- */

static const char *action_name(int a)
{
	switch (a) {
	case MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_SHARE: return "share";
	case MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_WITHHOLD: return "withhold";
	case MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_MASK: return "mask";
	case MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_SCRUB: return "scrub";
	default: return "?";
	}
}

/* The findings of --explain as a JSON array, or NULL on allocation failure. */
static json_t *findings_json(const struct policy_finding *f, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++) {
		json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s}", "path", f[i].path, "action",
				      action_name(f[i].action), "kind", f[i].kind ? f[i].kind : "",
				      "rule", f[i].rule ? f[i].rule : "", "ground",
				      f[i].ground ? f[i].ground : "");
		if (o && f[i].line > 0)
			json_object_set_new(o, "line", json_integer(f[i].line));
		if (o && f[i].end > f[i].start) {
			json_object_set_new(o, "start", json_integer((json_int_t)f[i].start));
			json_object_set_new(o, "end", json_integer((json_int_t)f[i].end));
		}
		if (o == NULL || json_array_append_new(a, o)) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

/* {"view", "manifest"} of one redaction, or NULL on allocation failure. */
static json_t *result_json(const Marac__V1__CaseSummary *view, Marac__V1__RedactionEntry **m,
			   size_t n)
{
	json_t *o = json_object(), *a = json_array();
	if (o == NULL || a == NULL || json_object_set_new(o, "view", pbjson_to_json(&view->base)) ||
	    json_object_set(o, "manifest", a))
		goto fail;
	for (size_t i = 0; i < n; i++)
		if (json_array_append_new(a, pbjson_to_json(&m[i]->base)))
			goto fail;
	json_decref(a);
	return o;
fail:
	json_decref(a);
	json_decref(o);
	return NULL;
}

static int redact(int argc, char **argv)
{
	const char *pol = NULL, *to = NULL, *purpose = "meeting", *in = "-";
	int agency, purp, npos = 0, rc = EX_INPUT, explain = 0;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--explain"))
			explain = 1;
		else if (!strcmp(argv[i], "--policy") && i + 1 < argc)
			pol = argv[++i];
		else if (!strcmp(argv[i], "--to") && i + 1 < argc)
			to = argv[++i];
		else if (!strcmp(argv[i], "--purpose") && i + 1 < argc)
			purpose = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1] != 0)
			return usage();
		else if (npos++ == 0)
			in = argv[i];
		else
			return usage();
	}
	if (pol == NULL || to == NULL)
		return usage();
	if (enum_arg(&marac__v1__agency__descriptor, to, &agency) ||
	    enum_arg(&marac__v1__purpose__descriptor, purpose, &purp)) {
		fprintf(stderr, "marac: unknown agency or purpose\n");
		return usage();
	}
	policy *p = NULL;
	ProtobufCMessage *cs = NULL;
	Marac__V1__CaseSummary *view = NULL;
	Marac__V1__RedactionEntry **m = NULL;
	struct policy_finding *f = NULL;
	size_t n = 0, nf = 0, len;
	json_t *out = NULL;
	char err[512], h[65];
	char *text = NULL;
	if (policy_load(pol, &p, err, sizeof err) != MGW_OK) {
		fprintf(stderr, "%s\n", err);
		goto fail;
	}
	if ((text = read_file(in, &len)) == NULL)
		goto fail;
	if (pbjson_parse(&marac__v1__case_summary__descriptor, text, len, &cs, err, sizeof err)) {
		fprintf(stderr, "marac: %s: %s\n", in, err);
		goto fail;
	}
	rc = EX_REFUSED;
	int r = explain ? policy_redact_explain(p, (Marac__V1__CaseSummary *)cs, agency, purp,
						&view, &m, &n, &f, &nf)
			: policy_redact(p, (Marac__V1__CaseSummary *)cs, agency, purp, &view, &m, &n);
	if (r == MGW_E_TOO_LARGE) {
		fprintf(stderr, "marac: the case is beyond the redaction limits (persons, aliases "
				"or value bytes)\n");
		goto fail;
	}
	if (r != MGW_OK || (out = result_json(view, m, n)) == NULL) {
		fprintf(stderr, "marac: redaction failed\n");
		goto fail;
	}
	if (explain) {
		json_t *fj = findings_json(f, nf);
		if (fj == NULL || json_object_set_new(out, "findings", fj)) {
			fprintf(stderr, "marac: out of memory\n");
			goto fail;
		}
	}
	hex(policy_sha256(p), 32, h);
	json_object_set_new(out, "policy_sha256", json_string(h));
	rc = json_dumpf(out, stdout, JSON_INDENT(2)) == 0 && printf("\n") > 0 ? EX_OK : EX_OUTPUT;
fail:
	json_decref(out);
	free(f);
	policy_manifest_free(m, n);
	codec_free(view ? &view->base : NULL);
	codec_free(cs);
	free(text);
	policy_free(p);
	return rc;
}

/* ---- test --------------------------------------------------------------------- */

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/*
 * One spec file, after the nesting pre-pass of the file (yaml_depth.h; the
 * default policy's is in test(), and policy_load refuses a deep policy a
 * spec names itself); a file too deep counts as one failed test, in
 * policy_test_file's format.
 */
static void test_file(const char *path, const char *display, const char *pol,
		      struct policy_test_totals *t)
{
	char why[1024] = "";
	const char *json = strrchr(path, '.');
	if ((json == NULL || strcmp(json, ".json") != 0) &&
	    yaml_depth_file(path, MGW_CONFIG_MAX_BYTES, MGW_POLICY_MAX_DEPTH, why,
			    sizeof why) != MGW_OK) {
		t->failed++;
		printf("FAIL %s: %s\n", display, why[0] ? why : "out of memory");
		return;
	}
	policy_test_file(path, display, pol, stdout, t);
}

/* Every test under dir, in name order. Returns 0, or -1 if dir cannot be read. */
static int run_dir(const char *dir, const char *rel, const char *pol, struct policy_test_totals *t)
{
	struct dirent **e;
	int n = scandir(dir, &e, NULL, by_name);
	if (n < 0) {
		fprintf(stderr, "marac: %s: cannot read directory\n", dir);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char path[4096], r[4096], spec[4200];
		struct stat st;
		const char *nm = e[i]->d_name;
		if (nm[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, nm);
		snprintf(r, sizeof r, "%s%s%s", rel, rel[0] ? "/" : "", nm);
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			snprintf(spec, sizeof spec, "%s/test.yaml", path);
			if (stat(spec, &st) != 0)
				snprintf(spec, sizeof spec, "%s/test.json", path);
			if (stat(spec, &st) == 0)
				test_file(spec, r, pol, t);
			else
				run_dir(path, r, pol, t);
		} else if (ends_with(nm, ".test.yaml") || ends_with(nm, ".test.yml") ||
			   ends_with(nm, ".test.json")) {
			test_file(path, r, pol, t);
		}
	}
	for (int i = 0; i < n; i++)
		free(e[i]);
	free(e);
	return 0;
}

static int test(int argc, char **argv)
{
	const char *pol = NULL, *dir = NULL;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--policy") && i + 1 < argc)
			pol = argv[++i];
		else if (argv[i][0] == '-' || dir)
			return usage();
		else
			dir = argv[i];
	}
	if (dir == NULL)
		return usage();
	char def[4096];
	if (pol == NULL) { /* the policy beside the tests: DIR/../default.yaml */
		snprintf(def, sizeof def, "%s/../default.yaml", dir);
		pol = def;
	}
	struct policy_test_totals t = {0, 0};
	char err[1024];
	if (yaml_depth_file(pol, MGW_CONFIG_MAX_BYTES, MGW_POLICY_MAX_DEPTH, err, sizeof err) !=
	    MGW_OK) {
		fprintf(stderr, "%s\n", err);
		return EX_REFUSED;
	}
	if (run_dir(dir, "", pol, &t) != 0)
		return EX_INPUT;
	printf("%d passed, %d failed\n", t.passed, t.failed);
	if (t.passed + t.failed == 0)
		fprintf(stderr, "marac: no policy tests under %s\n", dir);
	return t.failed == 0 && t.passed > 0 ? EX_OK : EX_REFUSED;
}

int cmd_policy(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return argc < 2 ? usage() : (usage(), EX_OK);
	if (!strcmp(argv[1], "check"))
		return check(argc, argv);
	if (!strcmp(argv[1], "redact"))
		return redact(argc, argv);
	if (!strcmp(argv[1], "test"))
		return test(argc, argv);
	return usage();
}

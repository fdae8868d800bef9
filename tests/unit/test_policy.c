/*
 * Policy: load errors with their lines, default deny, never-share (also as a
 * property over generated policies), masks, scrubbing with counts, purpose
 * and role precedence, and manifests that never carry a value.
 * Synthetic data only (tests/fixtures/case_basic.json).
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <openssl/evp.h>

#include "codec.h"
#include "mgw_err.h"
#include "pbjson.h"
#include "mgw_limits.h"
#include "policy.h"
#include "policy_int.h"
#include "policy_test.h"
#include "scrub.h"

#define AG(x) MARAC__V1__AGENCY__AGENCY_##x
#define PU(x) MARAC__V1__PURPOSE__PURPOSE_##x
#define ACT(x) MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_##x

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	char *buf = malloc(1 << 20);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	fclose(f);
	buf[n] = 0;
	if (len)
		*len = n;
	return buf;
}

static Marac__V1__CaseSummary *fixture(void)
{
	size_t n;
	char *text = slurp(MARAC_SOURCE_DIR "/tests/fixtures/case_basic.json", &n);
	ProtobufCMessage *m = NULL;
	char err[256];
	int rc = pbjson_parse(&marac__v1__case_summary__descriptor, text, n, &m, err, sizeof err);
	free(text);
	cr_assert_eq(rc, MGW_OK, "fixture: %s", err);
	return (Marac__V1__CaseSummary *)m;
}

/*
 * A classes: block for every string field (policy/README.md "Classes"),
 * appended to the test policies below that have none, after their rules so
 * that the lines of their errors do not move.
 */
#define CLASSES                                                                                    \
	"classes:\n"                                                                               \
	"  case_ref: case_ref\n  marac_area: area\n  narrative: text\n"                            \
	"  consent_reason: text\n  police_intelligence: text\n"                                    \
	"  Incident.date: date\n  Incident.summary: text\n  Incident.police_ref: crime_ref\n"      \
	"  DashAnswer.comment: text\n  DashAnswer.source: {code: [victim, officer]}\n"             \
	"  Address.lines: address\n  Address.postcode: postcode\n"                                 \
	"  Person.full_name: name\n  Person.aliases: name\n  Person.date_of_birth: date\n"         \
	"  Person.other_dobs: date\n  Person.expected_delivery_date: date\n"                       \
	"  Person.gender: {code: [female, male]}\n  Person.phones: phone\n"                        \
	"  Person.email: email\n  Person.nhs_number: nhs\n  Person.ni_number: nino\n"             \
	"  Person.pnc_id: pnc\n  Person.school: place\n  Person.gp_practice: place\n"             \
	"  Person.safe_times: text\n  Person.probation_crn: crn\n  Person.agency_name: place\n"   \
	"  Person.relationship_to_victim: {code: [ex-partner, daughter, son, neighbour,\n"          \
	"     allocated social worker, \"perpetrator's brother\"]}\n"

/* yaml with CLASSES added (before a second document), unless it has classes or is empty. */
static char *with_classes(const char *yaml)
{
	size_t n = strlen(yaml);
	char *out = malloc(n + sizeof CLASSES + 2);
	const char *doc2 = strstr(yaml, "\n---");
	size_t at = doc2 ? (size_t)(doc2 - yaml) + 1 : n;
	if (n == 0 || strstr(yaml, "classes:")) {
		memcpy(out, yaml, n + 1);
		return out;
	}
	memcpy(out, yaml, at);
	out[at] = 0;
	if (at && out[at - 1] != '\n')
		strcat(out, "\n");
	strcat(out, CLASSES);
	strcat(out, yaml + at);
	return out;
}

static policy *load(const char *yaml)
{
	policy *p = NULL;
	char err[512], *text = with_classes(yaml);
	int rc = policy_load_mem("t.yaml", text, strlen(text), &p, err, sizeof err);
	free(text);
	cr_assert_eq(rc, MGW_OK, "policy did not load: %s", err);
	return p;
}

/* The policy must fail with an error starting "t.yaml:LINE: " and containing want. */
static void load_fails_as(const char *yaml, int add_classes, int line, const char *want)
{
	policy *p = (policy *)0x1;
	char err[512], prefix[32], *text = add_classes ? with_classes(yaml) : strdup(yaml);
	int rc = policy_load_mem("t.yaml", text, strlen(text), &p, err, sizeof err);
	free(text);
	cr_assert_eq(rc, MGW_E_INVALID, "loaded, expected line %d: %s", line, want);
	cr_assert_null(p);
	snprintf(prefix, sizeof prefix, "t.yaml:%d: ", line);
	cr_assert(strncmp(err, prefix, strlen(prefix)) == 0, "want line %d, got: %s", line, err);
	cr_assert(strstr(err, want) != NULL, "want \"%s\" in: %s", want, err);
}

static void load_fails(const char *yaml, int line, const char *want)
{
	load_fails_as(yaml, 1, line, want);
}

struct out {
	Marac__V1__CaseSummary *view;
	Marac__V1__RedactionEntry **m;
	size_t n;
};

static struct out redact(const policy *p, const Marac__V1__CaseSummary *cs, int agency, int purpose)
{
	struct out o;
	int rc = policy_redact(p, cs, agency, purpose, &o.view, &o.m, &o.n);
	cr_assert_eq(rc, MGW_OK, "redact: %d", rc);
	return o;
}

static void out_free(struct out *o)
{
	policy_manifest_free(o->m, o->n);
	codec_free(&o->view->base);
}

static const Marac__V1__RedactionEntry *entry(const struct out *o, const char *path, int action)
{
	for (size_t i = 0; i < o->n; i++)
		if (!strcmp(o->m[i]->path, path) && (int)o->m[i]->action == action)
			return o->m[i];
	return NULL;
}

#define HEAD "version: 1\nrules:\n"

/* ---- load errors, each at its line ------------------------------------------ */

/*
 * Nesting is refused by policy_load itself, before libyaml's loader (which
 * is quadratic in it) sees the text: the daemon and the policy commands
 * checked first, but a policy named inside a policy test file went straight
 * to the loader (40,000 levels: about 3 s; a whole 1 MiB file: minutes).
 */
Test(policy_load, nesting_beyond_the_limit_is_refused_before_the_loader)
{
	size_t deep = 200000;
	char *text = malloc(deep * 2 + 64);
	cr_assert_not_null(text);
	size_t n = (size_t)sprintf(text, "version: 1\nrules:\n  - ");
	for (size_t i = 0; i < deep; i++)
		text[n++] = '[';
	for (size_t i = 0; i < deep; i++)
		text[n++] = ']';
	text[n++] = '\n';
	policy *p = (policy *)0x1;
	char err[512];
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	int rc = policy_load_mem("t.yaml", text, n, &p, err, sizeof err);
	clock_gettime(CLOCK_MONOTONIC, &b);
	free(text);
	cr_assert_eq(rc, MGW_E_INVALID);
	cr_assert_null(p);
	cr_assert(strstr(err, "t.yaml:3: nested deeper than") != NULL, "%s", err);
	/* 200,000 levels took the loader tens of seconds; refused at once now */
	double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	cr_assert_lt(s, 5.0, "took %.2f s", s);
	/* a shallow nesting reaches the loader's own checks */
	const char *shallow = "version: 1\nrules: [[[[1]]]]\n";
	rc = policy_load_mem("t.yaml", shallow, strlen(shallow), &p, err, sizeof err);
	cr_assert_eq(rc, MGW_E_INVALID);
	cr_assert_null(strstr(err, "nested deeper"), "%s", err);
}

Test(policy_load, unknown_path)
{
	load_fails(HEAD
		   "  - {path: case_ref, to: all, action: share, ground: need-to-know}\n"
		   "  - {path: victim.adress, to: police, action: share, ground: need-to-know}\n",
		   4, "unknown field \"adress\" in path \"victim.adress\"");
	load_fails(HEAD
		   "  - {path: others.phones, to: police, action: share, ground: need-to-know}\n",
		   3, "write \"others[]\"");
	load_fails(HEAD
		   "  - {path: \"narrative.x\", to: police, action: share, ground: need-to-know}\n",
		   3, "\"narrative\" has no fields");
}

Test(policy_load, unknown_agency_purpose_role)
{
	load_fails(
	    HEAD
	    "  - {path: narrative, to: [police, polise], action: scrub, ground: need-to-know}\n",
	    3, "unknown agency \"polise\"");
	load_fails(
	    HEAD
	    "  - {path: narrative, to: police, purpose: gossip, action: scrub, ground: need-to-know}\n",
	    3, "unknown purpose \"gossip\"");
	load_fails(
	    HEAD
	    "  - {path: others, roles: [enemy], to: police, action: withhold, ground: need-to-know}\n",
	    3, "unknown role \"enemy\"");
	load_fails(
	    HEAD
	    "  - {path: risk, roles: witness, to: police, action: share, ground: need-to-know}\n",
	    3, "\"roles\" applies only to paths under others[]");
}

Test(policy_load, bad_action_and_ground)
{
	load_fails(HEAD
		   "\n  - {path: narrative, to: police, action: publish, ground: need-to-know}\n",
		   4, "unknown action \"publish\"");
	load_fails(HEAD "  - {path: narrative, to: police, action: scrub, ground: foia-s99}\n", 3,
		   "unknown ground \"foia-s99\"");
	load_fails(HEAD "  - {path: narrative, to: police, action: share, ground: foia-s40-2}\n", 3,
		   "is an exemption");
	load_fails(HEAD
		   "  - {path: narrative, to: police, action: withhold, ground: dpa-sch1-para18}\n",
		   3, "condition for sharing");
	load_fails(HEAD
		   "  - {path: narrative, to: police, action: withhold, ground: default-deny}\n",
		   3, "unknown ground");
	load_fails(HEAD "  - {path: narrative, to: police, action: scrub}\n", 3, "no \"ground\"");
	policy_free(
	    load(HEAD "  - {path: narrative, to: police, action: scrub, ground: isp-4.2}\n"));
}

Test(policy_load, mask_and_scrub_need_the_right_field)
{
	load_fails(HEAD
		   "  - {path: victim.full_name, to: police, action: mask, ground: need-to-know}\n",
		   3, "cannot mask \"victim.full_name\"");
	load_fails(HEAD "  - {path: victim, to: police, action: mask, ground: need-to-know}\n", 3,
		   "cannot mask \"victim\"");
	load_fails(HEAD "  - {path: risk.score, to: police, action: scrub, ground: need-to-know}\n",
		   3, "cannot scrub \"risk.score\"");
	policy_free(load(
	    HEAD
	    "  - {path: victim.date_of_birth, to: police, action: mask, ground: need-to-know}\n"
	    "  - {path: \"others[].phones\", to: police, action: mask, ground: need-to-know}\n"
	    "  - {path: \"perpetrators[].address.postcode\", to: police, action: mask, ground: need-to-know}\n"));
}

Test(policy_load, conflicting_rules)
{
	load_fails(HEAD "  - {path: risk, to: all, action: share, ground: need-to-know}\n"
			"  - {path: case_ref, to: all, action: share, ground: need-to-know}\n"
			"  - {path: risk, to: [housing], action: withhold, ground: need-to-know}\n",
		   5, "conflicting rules for \"risk\" to housing: lines 3 and 5");
	/* the same at one purpose; and identical rules conflict too */
	load_fails(
	    HEAD
	    "  - {path: narrative, to: idva, purpose: [meeting, research], action: scrub, ground: need-to-know}\n"
	    "  - {path: narrative, to: idva, purpose: research, action: withhold, ground: need-to-know}\n",
	    4, "lines 3 and 4");
	load_fails(HEAD "  - {path: case_ref, to: police, action: share, ground: need-to-know}\n"
			"  - {path: case_ref, to: police, action: share, ground: need-to-know}\n",
		   4, "conflicting");
	/* different levels are not conflicts */
	policy_free(load(
	    HEAD
	    "  - {path: narrative, to: idva, action: scrub, ground: need-to-know}\n"
	    "  - {path: narrative, to: idva, purpose: research, action: withhold, ground: need-to-know}\n"
	    "  - {path: others, to: idva, action: withhold, ground: foia-s40-2}\n"
	    "  - {path: others, roles: witness, to: idva, action: withhold, ground: foia-s41}\n"));
}

Test(policy_load, never_share_widening_by_a_direct_rule)
{
	load_fails(
	    HEAD
	    "  - {path: case_ref, to: all, action: share, ground: need-to-know}\n"
	    "  - {path: refuge_address, to: [police, housing], action: share, ground: need-to-know}\n",
	    4, "would give never-share \"refuge_address\" to housing");
	load_fails(
	    HEAD
	    "  - {path: refuge_address.postcode, to: health, action: mask, ground: need-to-know}\n",
	    3, "never-share \"refuge_address\" to health");
	load_fails(HEAD
		   "  - {path: victim.phones, to: education, action: mask, ground: need-to-know}\n",
		   3, "never-share \"victim.phones\" to education");
	load_fails(
	    HEAD
	    "  - {path: victim.safe_times, to: probation, action: scrub, ground: need-to-know}\n",
	    3, "never-share \"victim.safe_times\"");
}

Test(policy_load, never_share_widening_through_a_parent_path)
{
	load_fails(HEAD "  - {path: victim, to: housing, action: share, ground: need-to-know}\n", 3,
		   "rule for \"victim\" would give never-share \"victim.address\" to housing");
	load_fails(HEAD "  - {path: \"*\", to: all, action: share, ground: need-to-know}\n", 3,
		   "rule for \"*\" would give never-share \"refuge_address\"");
	/* even when a narrower rule would withhold it: write narrower rules */
	load_fails(HEAD
		   "  - {path: refuge_address, to: housing, action: withhold, ground: foia-s38}\n"
		   "  - {path: \"*\", to: housing, action: share, ground: need-to-know}\n",
		   4, "rule for \"*\"");
	/* wildcards are fine for the agencies allowed, and withholding is always fine */
	policy_free(
	    load(HEAD "  - {path: \"*\", to: [police, idva], action: share, ground: need-to-know}\n"
		      "  - {path: \"*\", to: housing, action: withhold, ground: need-to-know}\n"));
}

Test(policy_load, never_share_block)
{
	/* the refuge ceiling cannot be raised */
	load_fails("version: 1\nnever_share:\n  refuge_address:\n    police: response\n"
		   "    housing: a reason\nrules: []\n",
		   5, "housing may not have the refuge address");
	/* other never-share paths can be widened, with a reason per agency */
	load_fails("version: 1\nnever_share:\n  victim.address:\n    housing: \"\"\nrules: []\n", 4,
		   "give the reason housing needs it");
	policy_free(load(
	    "version: 1\nnever_share:\n  victim.address:\n    housing: sanctuary scheme\n"
	    "rules:\n  - {path: victim.address, to: housing, action: share, ground: isp-7.1}\n"));
	/* and narrowed: police no longer gets the victim's email */
	load_fails("version: 1\nnever_share:\n  victim.email:\n    idva: contact\nrules:\n"
		   "  - {path: victim.email, to: police, action: share, ground: need-to-know}\n",
		   6, "never-share \"victim.email\" to police (never_share allows: idva)");
	/* new never-share paths */
	load_fails("version: 1\nnever_share:\n  children[].school: {}\nrules:\n"
		   "  - {path: children, to: education, action: share, ground: need-to-know}\n",
		   5, "never-share \"children[].school\" to education");
}

Test(policy_load, document_shape)
{
	load_fails("rules: []\n", 1, "\"version: 1\" is required");
	load_fails("version: 1\nrulez: []\n", 2, "unknown key \"rulez\"");
	load_fails(
	    HEAD "  - {path: narrative, to: police, action: scrub, ground: need-to-know, why: x}\n",
	    3, "unknown key \"why\"");
	load_fails(HEAD
		   "  - &r {path: narrative, to: police, action: scrub, ground: need-to-know}\n"
		   "  - *r\n",
		   3, "aliases are not allowed");
	load_fails(HEAD "  - {path: narrative, to: police\n", 4, "YAML");
	int lines = 0;
	for (const char *c = CLASSES; *c; c++)
		lines += *c == '\n';
	load_fails("version: 1\nrules: []\n" CLASSES "---\nversion: 1\n", 4 + lines,
		   "one YAML document");
	load_fails("version: 1\ngroups:\n  police: [idva]\nrules: []\n", 3, "already an agency");
	load_fails("", 1, "empty policy");
}

/* Red team: a byte libyaml's reader refuses (a control character, a broken
 * UTF-8 sequence) was reported at line 1 wherever it was. */
Test(policy_load, unreadable_bytes_are_reported_at_their_line)
{
	load_fails_as("version: 1\nrules: []\ndescription: a\x01b\n", 0, 3, "control characters");
	load_fails_as("version: 1\n\nrules: []\ndescription: a\xff\n", 0, 4, "UTF-8");
}

/* Red team: nested aliases in a policy test file ("billion laughs") were
 * expanded to 10^9 values (2 GB and more); now the file fails at once. */
Test(policy_load, a_policy_test_file_with_aliases_fails_without_expanding_them)
{
	char dir[] = "/tmp/marac-ptest-XXXXXX", path[64];
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/bomb.test.yaml", dir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n", f);
	for (int i = 1; i < 9; i++) {
		fprintf(f, "a%d: &a%d [", i, i);
		for (int k = 0; k < 10; k++)
			fprintf(f, "%s*a%d", k ? ", " : "", i - 1);
		fputs("]\n", f);
	}
	fclose(f);
	char *buf = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);
	struct policy_test_totals t = {0};
	time_t t0 = time(NULL);
	cr_assert_eq(policy_test_file(path, "bomb", MARAC_SOURCE_DIR "/policy/default.yaml", out, &t),
		     MGW_OK);
	fclose(out);
	cr_assert_eq(t.failed, 1);
	cr_assert(strstr(buf, "aliases are not allowed"), "%s", buf);
	cr_assert_leq(time(NULL) - t0, 2, "expanded before failing");
	free(buf);
	unlink(path);
	rmdir(dir);
}

Test(policy_load, sha256_is_of_the_file_bytes)
{
	size_t n;
	char *text = slurp(MARAC_SOURCE_DIR "/policy/default.yaml", &n);
	policy *p = NULL;
	char err[512];
	cr_assert_eq(policy_load(MARAC_SOURCE_DIR "/policy/default.yaml", &p, err, sizeof err),
		     MGW_OK, "%s", err);
	uint8_t want[32];
	EVP_Digest(text, n, want, NULL, EVP_sha256(), NULL);
	cr_assert(memcmp(policy_sha256(p), want, 32) == 0);
	policy_free(p);
	free(text);
	cr_assert_eq(policy_load("/nonexistent/policy.yaml", &p, err, sizeof err), MGW_E_IO);
	cr_assert(strstr(err, "/nonexistent/policy.yaml") != NULL);
}

/* ---- redaction ---------------------------------------------------------------- */

Test(policy_redact, default_deny)
{
	policy *p =
	    load(HEAD "  - {path: case_ref, to: all, action: share, ground: need-to-know}\n");
	Marac__V1__CaseSummary *cs = fixture();
	struct out o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_str_eq(o.view->case_ref, "MARAC-TS-0001");
	cr_assert_str_eq(o.view->narrative, "");
	cr_assert_null(o.view->victim);
	cr_assert_null(o.view->refuge_address);
	cr_assert_eq(o.view->n_others, 0);
	const Marac__V1__RedactionEntry *e = entry(&o, "narrative", ACT(WITHHOLD));
	cr_assert_not_null(e);
	cr_assert_str_eq(e->ground, "default-deny");
	cr_assert_eq(e->count, 1);
	e = entry(&o, "victim.phones", ACT(WITHHOLD));
	cr_assert(e && e->count == 2 && !strcmp(e->ground, "default-deny"));
	e = entry(&o, "case_ref", ACT(SHARE));
	cr_assert(e && e->count == 1 && !strcmp(e->ground, "need-to-know"));
	/* sorted by path, then action, then ground */
	for (size_t i = 1; i < o.n; i++)
		cr_assert(strcmp(o.m[i - 1]->path, o.m[i]->path) < 0 ||
			      (!strcmp(o.m[i - 1]->path, o.m[i]->path) &&
			       o.m[i - 1]->action <= o.m[i]->action),
			  "unsorted at %zu", i);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_redact, refuses_bad_recipient_or_purpose)
{
	policy *p =
	    load(HEAD "  - {path: case_ref, to: all, action: share, ground: need-to-know}\n");
	Marac__V1__CaseSummary *cs = fixture(), *v = (void *)1;
	Marac__V1__RedactionEntry **m = (void *)1;
	size_t n = 7;
	cr_assert_eq(policy_redact(p, cs, 0, PU(MEETING), &v, &m, &n), MGW_E_INVALID);
	cr_assert(v == NULL && m == NULL && n == 0);
	cr_assert_eq(policy_redact(p, cs, 99, PU(MEETING), &v, &m, &n), MGW_E_INVALID);
	cr_assert_eq(policy_redact(p, cs, AG(POLICE), 42, &v, &m, &n), MGW_E_INVALID);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_redact, masks)
{
	policy *p = load(
	    HEAD
	    "  - {path: victim.date_of_birth, to: education, action: mask, ground: need-to-know}\n"
	    "  - {path: \"perpetrators[].address\", to: education, action: withhold, ground: need-to-know}\n"
	    "  - {path: \"perpetrators[].address.postcode\", to: education, action: mask, ground: foia-s38}\n"
	    "  - {path: \"others[].phones\", to: education, action: mask, ground: foia-s40-2}\n"
	    "  - {path: \"children[].date_of_birth\", to: education, action: mask, ground: need-to-know}\n");
	Marac__V1__CaseSummary *cs = fixture();
	/* a value that cannot be masked is withheld, not passed through */
	codec_mfree(cs->children[1]->date_of_birth);
	cs->children[1]->date_of_birth = codec_strdup("sometime in 2019");
	/* the fixture's "TS2 3CD" is no postcode (C is never in an inward code): withheld */
	struct out o0 = redact(p, cs, AG(EDUCATION), PU(MEETING));
	cr_assert_null(o0.view->perpetrators);
	cr_assert_eq(entry(&o0, "perpetrators[].address.postcode", ACT(WITHHOLD))->count, 1);
	out_free(&o0);
	codec_mfree(cs->perpetrators[0]->address->postcode);
	cs->perpetrators[0]->address->postcode = codec_strdup("ts2  3ab");
	struct out o = redact(p, cs, AG(EDUCATION), PU(MEETING));
	cr_assert_str_eq(o.view->victim->date_of_birth, "1990");
	cr_assert_str_eq(o.view->perpetrators[0]->address->postcode, "TS2");
	cr_assert_eq(o.view->perpetrators[0]->address->n_lines, 0);
	cr_assert_eq(o.view->n_others, 1);
	cr_assert_eq(o.view->others[0]->n_phones, 1);
	cr_assert_str_eq(o.view->others[0]->phones[0], "*******555");
	cr_assert_eq(o.view->n_children, 1);
	cr_assert_str_eq(o.view->children[0]->date_of_birth, "2016");
	const Marac__V1__RedactionEntry *e =
	    entry(&o, "perpetrators[].address.postcode", ACT(MASK));
	cr_assert(e && e->count == 1 && !strcmp(e->ground, "foia-s38"));
	e = entry(&o, "perpetrators[].address.lines", ACT(WITHHOLD));
	cr_assert(e && e->count == 1 && !strcmp(e->ground, "need-to-know"));
	/* "sometime in 2019" is no date (class date): withheld before the mask is tried */
	e = entry(&o, "children[].date_of_birth", ACT(WITHHOLD));
	cr_assert(e && e->count == 1 && !strcmp(e->ground, "invalid-value"));
	cr_assert(entry(&o, "children[].date_of_birth", ACT(MASK))->count == 1);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_redact, scrub_narrative_with_counts)
{
	policy *p = load(
	    HEAD "  - {path: narrative, to: all, action: scrub, ground: foia-s40-2}\n"
		 "  - {path: \"incidents[].summary\", to: all, action: scrub, ground: isp-4.2}\n"
		 "  - {path: victim.full_name, to: idva, action: share, ground: need-to-know}\n");
	Marac__V1__CaseSummary *cs = fixture();
	codec_mfree(cs->narrative);
	cs->narrative =
	    codec_strdup("Alexa Testperson told Frank Worker (f.worker@example.gov.uk) "
			 "that Edna Neighbourly saw it. Call 07700-900-123. NHS 999 123 4578.");
	struct out o = redact(p, cs, AG(HOUSING), PU(MEETING));
	const char *t = o.view->narrative;
	/* her own phone is never-share data kept from housing for her safety:
	 * s38, not a third party's s40(2); Frank Worker's e-mail is his */
	cr_assert(strstr(t, "Call [WITHHELD s38: victim contact].") != NULL, "%s", t);
	cr_assert(strstr(t, "[REDACTED s40(2): email]") != NULL, "%s", t);
	cr_assert(strstr(t, "[REDACTED s40(2): nhs-number]") != NULL, "%s", t);
	cr_assert(strstr(t, "[REDACTED s40(2): name]") != NULL, "%s", t);
	cr_assert(strstr(t, "900") == NULL && strstr(t, "Neighbourly") == NULL &&
		      strstr(t, "Worker") == NULL,
		  "%s", t);
	/* housing is not shared the victim's name, so it is scrubbed too */
	cr_assert(strstr(t, "Testperson") == NULL, "%s", t);
	const Marac__V1__RedactionEntry *e = entry(&o, "narrative", ACT(SCRUB));
	cr_assert(e && !strcmp(e->ground, "foia-s40-2"));
	cr_assert_eq(e->count, 6, "count %u in: %s", e->count, t);
	e = entry(&o, "incidents[].summary", ACT(SCRUB));
	cr_assert(e && !strcmp(e->ground, "isp-4.2") && e->count >= 3, "count %u",
		  e ? e->count : 0);
	cr_assert(strstr(o.view->incidents[0]->summary, "[REDACTED ISP 4.2: phone]") != NULL);
	out_free(&o);
	/* the IDVA is shared the victim's name, so it stays in the text */
	o = redact(p, cs, AG(IDVA), PU(MEETING));
	cr_assert(strstr(o.view->narrative, "Alexa Testperson told") != NULL, "%s",
		  o.view->narrative);
	cr_assert(strstr(o.view->narrative, "Frank Worker") == NULL);
	cr_assert_eq(entry(&o, "narrative", ACT(SCRUB))->count, 5);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_redact, purpose_specific_rule_overrides)
{
	policy *p = load(
	    HEAD
	    "  - {path: narrative, to: all, action: scrub, ground: foia-s40-2}\n"
	    "  - {path: narrative, to: all, purpose: research, action: withhold, ground: need-to-know}\n"
	    "  - {path: risk, to: all, purpose: [meeting, referral], action: share, ground: dpa-sch1-para18}\n");
	Marac__V1__CaseSummary *cs = fixture();
	struct out o = redact(p, cs, AG(HEALTH), PU(RESEARCH));
	cr_assert_str_eq(o.view->narrative, "");
	cr_assert_null(o.view->risk);
	cr_assert_str_eq(entry(&o, "narrative", ACT(WITHHOLD))->ground, "need-to-know");
	cr_assert_str_eq(entry(&o, "risk.score", ACT(WITHHOLD))->ground, "default-deny");
	out_free(&o);
	o = redact(p, cs, AG(HEALTH), PU(MEETING));
	cr_assert_neq(o.view->narrative[0], 0);
	cr_assert_eq(o.view->risk->score, 15);
	cr_assert_eq(o.view->risk->n_answers, 24);
	out_free(&o);
	/* no purpose: only the rules for every purpose */
	o = redact(p, cs, AG(HEALTH), PU(UNSPECIFIED));
	cr_assert_neq(o.view->narrative[0], 0);
	cr_assert_null(o.view->risk);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_redact, more_specific_path_and_roles_win)
{
	policy *p = load(
	    HEAD
	    "  - {path: others, to: police, action: withhold, ground: foia-s40-2}\n"
	    "  - {path: \"others[].role\", to: police, action: share, ground: need-to-know}\n"
	    "  - {path: \"others[].full_name\", roles: unsafe_contact, to: police, action: share, ground: need-to-know}\n"
	    "  - {path: \"others[].full_name\", roles: [witness, neighbour], to: police, action: withhold, ground: foia-s41}\n"
	    "  - {path: \"*\", to: police, action: share, ground: need-to-know}\n");
	Marac__V1__CaseSummary *cs = fixture();
	struct out o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_eq(o.view->n_others, 3); /* each keeps its role */
	cr_assert_str_eq(o.view->others[0]->full_name, "");
	cr_assert_str_eq(o.view->others[1]->full_name, "");
	cr_assert_str_eq(o.view->others[2]->full_name, "Gary Unsafe");
	cr_assert_eq(o.view->others[0]->n_phones, 0);
	cr_assert_str_eq(entry(&o, "others[].full_name", ACT(WITHHOLD))->ground, "foia-s40-2");
	cr_assert_str_eq(entry(&o, "others[].phones", ACT(WITHHOLD))->ground, "foia-s40-2");
	cr_assert_eq(entry(&o, "others[].full_name", ACT(SHARE))->count, 1);
	/* police are allowed the never-share data, so "*" gives it */
	cr_assert_str_eq(o.view->refuge_address->postcode, "TS9 9ZZ");
	cr_assert_str_eq(o.view->victim->address->postcode, "TS1 2AB");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* ---- never-share as a property of every loadable policy ---------------------------- */

static unsigned rnd(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

static const char *const agencies[] = {"police",
				       "childrens_social_care",
				       "adult_social_care",
				       "health",
				       "idva",
				       "probation",
				       "housing",
				       "education"};

/* The victim fields that are never-share by default, and where they sit in a view. */
static const char *const vpaths[] = {"victim.address", "victim.phones", "victim.email",
				     "victim.safe_times"};

static int victim_field_present(const Marac__V1__CaseSummary *v, int k)
{
	const Marac__V1__Person *p = v->victim;
	if (p == NULL)
		return 0;
	switch (k) {
	case 0: return p->address != NULL;
	case 1: return p->n_phones > 0;
	case 2: return p->email && p->email[0];
	default: return p->safe_times && p->safe_times[0];
	}
}

/* A random policy over paths that reach never-share data; allowed[k] gets the agency bits
 * its never_share block allows for vpaths[k]. */
static void gen_policy(unsigned *seed, char *buf, size_t n, unsigned allowed[4])
{
	static const char *const paths[] = {"\"*\"",
					    "refuge_address",
					    "refuge_address.postcode",
					    "refuge_address.lines",
					    "victim",
					    "victim.address",
					    "victim.address.postcode",
					    "victim.phones",
					    "victim.email",
					    "victim.safe_times",
					    "victim.full_name",
					    "narrative",
					    "others",
					    "\"others[].phones\"",
					    "risk",
					    "case_ref",
					    "\"children[].address\""};
	static const char *const actions[] = {"share", "withhold", "mask", "scrub"};
	size_t k = (size_t)snprintf(buf, n, "version: 1\n");
	for (int i = 0; i < 4; i++)
		allowed[i] = (1u << AG(POLICE)) | (1u << AG(IDVA));
	if (rnd(seed) % 2) {
		k += (size_t)snprintf(buf + k, n - k, "never_share:\n");
		for (int i = 0; i < 4; i++) {
			if (rnd(seed) % 2)
				continue;
			k += (size_t)snprintf(buf + k, n - k, "  %s:\n", vpaths[i]);
			allowed[i] = 0;
			for (int a = 0; a < 8; a++)
				if (rnd(seed) % 3 == 0) {
					k += (size_t)snprintf(buf + k, n - k, "    %s: reason %d\n",
							      agencies[a], a);
					allowed[i] |= 1u << (a + 1);
				}
			if (allowed[i] == 0)
				k += (size_t)snprintf(buf + k, n - k, "    {}\n");
		}
	}
	k += (size_t)snprintf(buf + k, n - k, "rules:\n");
	int rules = 1 + (int)(rnd(seed) % 6);
	for (int i = 0; i < rules; i++) {
		const char *path = paths[rnd(seed) % (sizeof paths / sizeof paths[0])];
		const char *act = actions[rnd(seed) % 4];
		/* mostly to the agencies that may have it, so that many policies load */
		const char *to = rnd(seed) % 4   ? (rnd(seed) % 2 ? "police" : "[idva, police]")
				 : rnd(seed) % 3 ? agencies[rnd(seed) % 8]
						 : "all";
		const char *purpose = rnd(seed) % 3 ? "" : ", purpose: meeting";
		k += (size_t)snprintf(
		    buf + k, n - k, "  - {path: %s, to: %s%s, action: %s, ground: need-to-know}\n",
		    path, to, purpose, act);
	}
}

Test(policy_never_share, property_over_generated_policies, .timeout = 120)
{
	Marac__V1__CaseSummary *cs = fixture();
	unsigned seed = 20260101u, loaded = 0, allowed[4];
	char text[8192], err[512];
	for (int iter = 0; iter < 3000; iter++) {
		gen_policy(&seed, text, sizeof text, allowed);
		policy *p = NULL;
		strcat(text, CLASSES);
		int rc = policy_load_mem("gen.yaml", text, strlen(text), &p, err, sizeof err);
		cr_assert(rc == MGW_OK || rc == MGW_E_INVALID, "rc %d", rc);
		if (rc != MGW_OK)
			continue;
		loaded++;
		for (int a = AG(POLICE); a <= AG(EDUCATION); a++)
			for (int u = PU(UNSPECIFIED); u <= PU(ACTION_UPDATE); u += 3) {
				struct out o = redact(p, cs, a, u);
				int refuge_ok = a == AG(POLICE) || a == AG(IDVA);
				cr_assert(o.view->refuge_address == NULL || refuge_ok,
					  "refuge address to agency %d under:\n%s", a, text);
				for (int k = 0; k < 4; k++)
					cr_assert(!victim_field_present(o.view, k) ||
						      (allowed[k] >> a & 1),
						  "%s to agency %d under:\n%s", vpaths[k], a, text);
				for (size_t i = 0; i < o.n; i++)
					if (!strncmp(o.m[i]->path, "refuge_address", 14))
						cr_assert(refuge_ok ||
							  o.m[i]->action == ACT(WITHHOLD));
				out_free(&o);
			}
		policy_free(p);
	}
	cr_assert(loaded > 300, "only %u of 3000 generated policies loaded", loaded);
	codec_free(&cs->base);
}

Test(policy_never_share, widened_by_the_block_only)
{
	policy *p = load(
	    "version: 1\nnever_share:\n  victim.address:\n    police: response\n"
	    "    idva: visits\n    housing: sanctuary scheme fitting\nrules:\n"
	    "  - {path: victim.address, to: [police, idva, housing], action: share, ground: isp-7.1}\n");
	Marac__V1__CaseSummary *cs = fixture();
	struct out o = redact(p, cs, AG(HOUSING), PU(MEETING));
	cr_assert_str_eq(o.view->victim->address->postcode, "TS1 2AB");
	cr_assert_eq(entry(&o, "victim.address.lines", ACT(SHARE))->count, 2);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* ---- the default policy ------------------------------------------------------------ */

/* Every non-empty string value in msg (recursively). */
static void strings(const ProtobufCMessage *msg, const char **out, size_t *n, size_t cap)
{
	const ProtobufCMessageDescriptor *d = msg->descriptor;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		const char *base = (const char *)msg;
		size_t cnt = 1;
		const void *vals = base + f->offset;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			cnt = *(const size_t *)(base + f->quantifier_offset);
			vals = *(const void *const *)(base + f->offset);
		}
		for (size_t k = 0; k < cnt && vals; k++) {
			const void *v = (const char *)vals + k * sizeof(void *);
			if (f->type == PROTOBUF_C_TYPE_STRING) {
				const char *s = *(const char *const *)v;
				if (s && s[0] && *n < cap)
					out[(*n)++] = s;
			} else if (f->type == PROTOBUF_C_TYPE_MESSAGE && *(void *const *)v) {
				strings(*(const ProtobufCMessage *const *)v, out, n, cap);
			}
		}
	}
}

Test(policy_default, manifest_never_contains_a_value)
{
	policy *p = NULL;
	char err[512];
	cr_assert_eq(policy_load(MARAC_SOURCE_DIR "/policy/default.yaml", &p, err, sizeof err),
		     MGW_OK, "%s", err);
	Marac__V1__CaseSummary *cs = fixture();
	const char *vals[512];
	size_t nv = 0;
	strings(&cs->base, vals, &nv, 512);
	cr_assert_gt(nv, 40);
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++)
		for (int u = PU(UNSPECIFIED); u <= PU(ACTION_UPDATE); u++) {
			struct out o = redact(p, cs, a, u);
			cr_assert_gt(o.n, 10);
			for (size_t i = 0; i < o.n; i++)
				for (size_t k = 0; k < nv; k++) {
					/* short enum-like words ("victim", "son") are also path words */
					if (strlen(vals[k]) < 7)
						continue;
					cr_assert(strstr(o.m[i]->path, vals[k]) == NULL &&
						      strstr(o.m[i]->ground, vals[k]) == NULL,
						  "manifest entry %s/%s holds \"%s\"", o.m[i]->path,
						  o.m[i]->ground, vals[k]);
				}
			out_free(&o);
		}
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_default, views_follow_the_protocol)
{
	policy *p = NULL;
	char err[512];
	cr_assert_eq(policy_load(MARAC_SOURCE_DIR "/policy/default.yaml", &p, err, sizeof err),
		     MGW_OK, "%s", err);
	Marac__V1__CaseSummary *cs = fixture();
	/* the fixture's PNC id has a wrong check letter (withheld as invalid): a valid one */
	codec_mfree(cs->perpetrators[0]->pnc_id);
	cs->perpetrators[0]->pnc_id = codec_strdup("1987/0012345R");
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++) {
		struct out o = redact(p, cs, a, PU(MEETING));
		int contact = a == AG(POLICE) || a == AG(IDVA);
		cr_assert_eq(o.view->refuge_address != NULL, contact, "agency %d", a);
		cr_assert_eq(o.view->victim->address != NULL, contact, "agency %d", a);
		cr_assert_eq(o.view->victim->n_phones > 0, contact, "agency %d", a);
		cr_assert_not_null(o.view->risk, "DASH risk to all");
		cr_assert_eq(o.view->risk->score, 15);
		cr_assert(strstr(o.view->narrative, "[REDACTED s40(2)") != NULL,
			  "narrative scrubbed");
		cr_assert(strstr(o.view->narrative, "Neighbourly") == NULL);
		cr_assert(strstr(o.view->narrative, "07700") == NULL);
		cr_assert_eq(o.view->police_intelligence[0] != 0, a == AG(POLICE));
		int kids = a == AG(POLICE) || a == AG(CHILDRENS_SOCIAL_CARE) || a == AG(HEALTH) ||
			   a == AG(IDVA) || a == AG(EDUCATION);
		cr_assert_eq(o.view->n_children, 2, "children's roles go to all");
		cr_assert_eq(o.view->children[0]->full_name[0] != 0, kids, "agency %d", a);
		int school =
		    a == AG(POLICE) || a == AG(CHILDRENS_SOCIAL_CARE) || a == AG(EDUCATION);
		cr_assert_eq(o.view->children[0]->school[0] != 0, school, "agency %d", a);
		int cj = a == AG(POLICE) || a == AG(PROBATION);
		cr_assert_eq(o.view->perpetrators[0]->pnc_id[0] != 0, cj, "agency %d", a);
		for (size_t i = 0; i < o.view->n_others; i++)
			cr_assert(o.view->others[i]->role !=
				      MARAC__V1__PERSON_ROLE__PERSON_ROLE_UNSAFE_CONTACT ||
				  o.view->others[i]->full_name[0] == 0 || a == AG(POLICE) ||
				  a == AG(IDVA) || a == AG(CHILDRENS_SOCIAL_CARE));
		out_free(&o);
	}
	codec_free(&cs->base);
	policy_free(p);
}

/* ---- one policy, many threads ------------------------------------------------------- */

struct job {
	const policy *p;
	const Marac__V1__CaseSummary *cs;
	uint8_t digest[8][32];
};

static void *worker(void *arg)
{
	struct job *j = arg;
	for (int round = 0; round < 20; round++)
		for (int a = AG(POLICE); a <= AG(EDUCATION); a++) {
			Marac__V1__CaseSummary *v;
			Marac__V1__RedactionEntry **m;
			size_t n;
			if (policy_redact(j->p, j->cs, a, PU(MEETING), &v, &m, &n) != MGW_OK)
				return (void *)1;
			codec_digest(&v->base, j->digest[a - 1]);
			policy_manifest_free(m, n);
			codec_free(&v->base);
		}
	return NULL;
}

Test(policy_default, concurrent_redactions_agree)
{
	policy *p = NULL;
	char err[512];
	cr_assert_eq(policy_load(MARAC_SOURCE_DIR "/policy/default.yaml", &p, err, sizeof err),
		     MGW_OK, "%s", err);
	Marac__V1__CaseSummary *cs = fixture();
	struct job jobs[4];
	pthread_t t[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){.p = p, .cs = cs};
		cr_assert_eq(pthread_create(&t[i], NULL, worker, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		cr_assert_null(r);
		cr_assert(memcmp(jobs[i].digest, jobs[0].digest, sizeof jobs[0].digest) == 0);
	}
	codec_free(&cs->base);
	policy_free(p);
}

/* ---- classes: default deny for text ------------------------------------------------ */

static policy *load_default(void)
{
	policy *p = NULL;
	char err[512];
	cr_assert_eq(policy_load(MARAC_SOURCE_DIR "/policy/default.yaml", &p, err, sizeof err),
		     MGW_OK, "%s", err);
	return p;
}

static void set_str(char **field, const char *v)
{
	codec_mfree(*field);
	*field = codec_strdup(v);
}

/* 1 if text occurs in any string of the view. */
static int view_has(const Marac__V1__CaseSummary *v, const char *text)
{
	const char *vals[1024];
	size_t n = 0;
	strings(&v->base, vals, &n, 1024);
	for (size_t i = 0; i < n; i++)
		if (strstr(vals[i], text))
			return 1;
	return 0;
}

static const Marac__V1__RedactionEntry *entry_g(const struct out *o, const char *path, int action,
						const char *ground)
{
	for (size_t i = 0; i < o->n; i++)
		if (!strcmp(o->m[i]->path, path) && (int)o->m[i]->action == action &&
		    !strcmp(o->m[i]->ground, ground))
			return o->m[i];
	return NULL;
}

Test(policy_classes, load_errors)
{
	/* a string field without a class: the whole block is refused, naming the field */
	load_fails("version: 1\nclasses:\n  case_ref: case_ref\nrules: []\n", 3,
		   "string field \"marac_area\" has no class");
	load_fails_as("version: 1\nrules: []\n", 0, 1, "string field \"case_ref\" has no class");
	load_fails("version: 1\nclasses:\n  case_ref: serial\nrules: []\n", 3,
		   "unknown class \"serial\"");
	load_fails("version: 1\nclasses:\n  victim.role: text\nrules: []\n", 3,
		   "\"victim.role\" is not a string field");
	load_fails("version: 1\nclasses:\n  Persn.gender: text\nrules: []\n", 3,
		   "unknown message type \"Persn\"");
	load_fails("version: 1\nclasses:\n  Person.gendre: text\nrules: []\n", 3,
		   "Person has no field \"gendre\"");
	load_fails("version: 1\nclasses:\n  victim.gendre: text\nrules: []\n", 3,
		   "unknown field \"gendre\"");
	load_fails("version: 1\nclasses:\n  Person.gender: {code: [female, Female]}\nrules: []\n", 3,
		   "code \"Female\" is listed twice");
	load_fails("version: 1\nclasses:\n  Person.gender: {codes: [female]}\nrules: []\n", 3,
		   "unknown key \"codes\"");
	/* scrub is for free text: a code field is shared (and checked against its set) */
	load_fails(HEAD "  - {path: \"others[].relationship_to_victim\", to: all, action: scrub, "
			"ground: foia-s40-2}\n",
		   3, "its class is code");
}

Test(policy_classes, value_outside_its_class_is_withheld)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->victim->gender, "lives at 12 Windsor Crescent");
	set_str(&cs->victim->aliases[0], "Lexi at 12 Windsor Crescent");
	set_str(&cs->case_ref, "MARAC 1, 9 Nowhere Lane");
	set_str(&cs->risk->answers[0]->source, "her sister Jane Doe 07700 900999");
	set_str(&cs->perpetrators[0]->relationship_to_victim, "lives at 3 Nowhere Road");
	set_str(&cs->others[1]->agency_name, "Flat 10, 170a Cliff Walk");
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++) {
		struct out o = redact(p, cs, a, PU(MEETING));
		cr_assert(!view_has(o.view, "Windsor") && !view_has(o.view, "Nowhere") &&
			      !view_has(o.view, "Jane") &&
			      !view_has(o.view, "Cliff Walk"),
			  "agency %d", a);
		cr_assert_str_eq(o.view->victim->gender, "");
		cr_assert_str_eq(o.view->case_ref, "");
		cr_assert_not_null(entry_g(&o, "victim.gender", ACT(WITHHOLD), "invalid-value"));
		cr_assert_not_null(entry_g(&o, "case_ref", ACT(WITHHOLD), "invalid-value"));
		cr_assert_eq(entry_g(&o, "risk.answers[].source", ACT(WITHHOLD), "invalid-value")
				 ->count,
			     1);
		cr_assert_not_null(entry_g(&o, "perpetrators[].relationship_to_victim",
					   ACT(WITHHOLD), "invalid-value"));
		/* agency_name is free text in the default policy: the address in it
		 * is scrubbed for everyone (checked by "Cliff Walk" above) */
		cr_assert(o.view->n_others < 2 ||
			  strstr(o.view->others[1]->agency_name, "Cliff Walk") == NULL);
		/* the other alias is a name and goes where aliases go */
		cr_assert_eq(entry_g(&o, "victim.aliases", ACT(WITHHOLD), "invalid-value")->count,
			     1);
		cr_assert_eq(o.view->victim->n_aliases, 1);
		cr_assert_str_eq(o.view->victim->aliases[0], "Alexa Test-Person");
		out_free(&o);
	}
	/* codes compare folded: "Female " is in the set, and shared as written */
	set_str(&cs->victim->gender, "Female ");
	struct out o = redact(p, cs, AG(HEALTH), PU(MEETING));
	cr_assert_str_eq(o.view->victim->gender, "Female ");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_classes, free_text_is_scrubbed_under_a_share_rule)
{
	policy *p = load(HEAD "  - {path: narrative, to: police, action: share, ground: need-to-know}\n"
			      "  - {path: victim.full_name, to: police, action: share, ground: need-to-know}\n");
	Marac__V1__CaseSummary *cs = fixture();
	struct out o = redact(p, cs, AG(POLICE), PU(MEETING));
	/* her phone goes with the sentence saying when to call (this policy
	 * does not give police her contact details, so it is a safe time) */
	cr_assert(strstr(o.view->narrative, "[WITHHELD s38: safe times]") != NULL, "%s",
		  o.view->narrative);
	cr_assert(strstr(o.view->narrative, "900") == NULL, "%s", o.view->narrative);
	cr_assert(strstr(o.view->narrative, "Frank Worker") == NULL);
	const Marac__V1__RedactionEntry *e = entry(&o, "narrative", ACT(SCRUB));
	cr_assert(e && !strcmp(e->ground, "need-to-know") && e->count >= 4);
	cr_assert_null(entry(&o, "narrative", ACT(SHARE)));
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* ---- never-share on values --------------------------------------------------------- */

static Marac__V1__Address *address(const char *l1, const char *l2, const char *pc)
{
	Marac__V1__Address *a = (Marac__V1__Address *)codec_new(&marac__v1__address__descriptor);
	a->n_lines = l2 ? 2 : 1;
	a->lines = codec_malloc(a->n_lines * sizeof *a->lines);
	a->lines[0] = codec_strdup(l1);
	if (l2)
		a->lines[1] = codec_strdup(l2);
	if (pc)
		a->postcode = codec_strdup(pc); /* the default is protobuf-c's static "" */
	return a;
}

Test(policy_never_share, child_address_equal_to_the_refuge_written_differently)
{
	/* a policy that would give the children's addresses to everyone */
	policy *p = load(HEAD
			 "  - {path: children, to: [police, education, health, housing], action: share, ground: need-to-know}\n");
	Marac__V1__CaseSummary *cs = fixture();
	/* the refuge is "Refuge, 5 Hidden Lane", TS9 9ZZ */
	cs->children[0]->address = address("5 Hidden Ln.", "Testtown", "ts9  9zz");
	/* the same postcode, other lines: a neighbour, or the refuge under a
	 * name nobody listed; its lines go, its postcode (the refuge's) does not */
	cs->children[1]->address = address("7 Other Road", NULL, "TS9 9ZZ");
	int who[] = {AG(EDUCATION), AG(HEALTH), AG(HOUSING)};
	for (int i = 0; i < 3; i++) {
		struct out o = redact(p, cs, who[i], PU(MEETING));
		cr_assert_null(o.view->children[0]->address, "agency %d", who[i]);
		cr_assert(!view_has(o.view, "Hidden"));
		cr_assert_eq(
		    entry_g(&o, "children[].address.lines", ACT(WITHHOLD), "never-share")->count, 2);
		cr_assert_eq(
		    entry_g(&o, "children[].address.postcode", ACT(WITHHOLD), "never-share")->count,
		    2);
		cr_assert_str_eq(o.view->children[1]->address->lines[0], "7 Other Road");
		cr_assert_str_eq(o.view->children[1]->address->postcode, "");
		out_free(&o);
	}
	/* police may have the refuge address, so the child's too */
	struct out o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_str_eq(o.view->children[0]->address->lines[0], "5 Hidden Ln.");
	cr_assert_null(entry_g(&o, "children[].address.lines", ACT(WITHHOLD), "never-share"));
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_never_share, default_policy_child_at_the_refuge_not_to_childrens_social_care)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	cs->children[0]->address = address("Refuge", "5 Hidden Lane", NULL);
	cs->children[1]->address = address("12 Windsor Road", "Testtown", "TS1 3AB");
	struct out o = redact(p, cs, AG(CHILDRENS_SOCIAL_CARE), PU(MEETING));
	cr_assert(!view_has(o.view, "Hidden"));
	cr_assert_not_null(entry_g(&o, "children[].address.lines", ACT(WITHHOLD), "never-share"));
	cr_assert_str_eq(o.view->children[1]->address->lines[0], "12 Windsor Road");
	out_free(&o);
	o = redact(p, cs, AG(IDVA), PU(MEETING));
	cr_assert_str_eq(o.view->children[0]->address->lines[1], "5 Hidden Lane");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/*
 * exam9 (p189, p217): a child's address that names a refuge other than the
 * case's refuge address ("Ashgrove refuge, Bury" while the victim's is
 * "Refuge - address withheld"), or a shelter or safe house, went to
 * children's social care and every agency given the children's addresses:
 * it says where she is. Withheld as never-share data from those the policy
 * does not let know where she is; police and IDVA still have it.
 */
Test(policy_never_share, default_policy_a_childs_address_naming_a_refuge_is_hers)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	cs->children[0]->address = address("Larchfield Refuge, Wexcombe", NULL, NULL);
	cs->children[1]->address = address("c/o Women's Aid safe house", "PO Box 77", NULL);
	struct out o = redact(p, cs, AG(CHILDRENS_SOCIAL_CARE), PU(MEETING));
	cr_assert(!view_has(o.view, "Larchfield") && !view_has(o.view, "PO Box 77"));
	cr_assert_eq(entry_g(&o, "children[].address.lines", ACT(WITHHOLD), "never-share")->count,
		     3);
	out_free(&o);
	/* refuges, shelters: the plural too; a word that only starts so is no refuge */
	codec_free(&cs->children[0]->address->base);
	codec_free(&cs->children[1]->address->base);
	cs->children[0]->address = address("Flat 2, Sheltered Court", "Testtown", "TS1 3AB");
	cs->children[1]->address = address("The Shelters, Testtown", NULL, NULL);
	o = redact(p, cs, AG(CHILDRENS_SOCIAL_CARE), PU(MEETING));
	cr_assert_str_eq(o.view->children[0]->address->lines[0], "Flat 2, Sheltered Court");
	cr_assert(!view_has(o.view, "The Shelters"));
	out_free(&o);
	o = redact(p, cs, AG(IDVA), PU(MEETING));
	cr_assert_str_eq(o.view->children[1]->address->lines[0], "The Shelters, Testtown");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_never_share, her_phone_or_address_in_another_field)
{
	/* others[] shared to housing, with relationship_to_victim as free text */
	char yaml[8192];
	snprintf(yaml, sizeof yaml, "%s%s%s", HEAD,
		 "  - {path: others, to: [police, housing], action: share, ground: need-to-know}\n"
		 "  - {path: victim.phones, to: police, action: share, ground: need-to-know}\n",
		 CLASSES);
	char *rel = strstr(yaml, "  Person.relationship_to_victim: {code:");
	cr_assert_not_null(rel);
	strcpy(rel, "  Person.relationship_to_victim: text\n");
	policy *p = load(yaml);
	Marac__V1__CaseSummary *cs = fixture();
	/* the neighbour's phone is hers, written another way */
	set_str(&cs->others[0]->phones[0], "+44 (0)7700-900-123");
	/* and the professional's relationship holds her address */
	set_str(&cs->others[1]->relationship_to_victim, "visits her at 1 Example Rd, Testtown");
	struct out o = redact(p, cs, AG(HOUSING), PU(MEETING));
	cr_assert(!view_has(o.view, "900-123") && !view_has(o.view, "Example Rd"));
	cr_assert_eq(entry_g(&o, "others[].phones", ACT(WITHHOLD), "never-share")->count, 1);
	/* free text: the scrubber removes it, or the field is withheld whole */
	cr_assert(entry_g(&o, "others[].relationship_to_victim", ACT(WITHHOLD), "never-share") ||
		      strstr(o.view->others[1]->relationship_to_victim, "[REDACTED") ||
		      strstr(o.view->others[1]->relationship_to_victim, "[WITHHELD s38"),
		  "%s", o.view->others[1]->relationship_to_victim);
	out_free(&o);
	o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_str_eq(o.view->others[0]->phones[0], "+44 (0)7700-900-123");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_never_share, default_policy_code_field_holding_her_phone)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->perpetrators[0]->relationship_to_victim, "ex, calls her on 07700 900 123");
	struct out o = redact(p, cs, AG(HOUSING), PU(MEETING));
	cr_assert(!view_has(o.view, "900 123"));
	cr_assert_not_null(entry_g(&o, "perpetrators[].relationship_to_victim", ACT(WITHHOLD),
				   "never-share"));
	out_free(&o);
	/* police may have her phone: for them it is only not a relationship code */
	o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert(!view_has(o.view, "calls her"));
	cr_assert_not_null(entry_g(&o, "perpetrators[].relationship_to_victim", ACT(WITHHOLD),
				   "invalid-value"));
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_never_share, refuge_in_the_narrative_never_reaches_housing)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->narrative, "She has moved to the refuge at 5 Hidden Ln, Testtown. Call "
				"07700 900 123.");
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++) {
		struct out o = redact(p, cs, a, PU(MEETING));
		int contact = a == AG(POLICE) || a == AG(IDVA);
		cr_assert_eq(view_has(o.view, "Hidden"), contact, "agency %d: %s", a,
			     o.view->narrative);
		if (!contact && o.view->narrative[0] == 0)
			cr_assert_not_null(
			    entry_g(&o, "narrative", ACT(WITHHOLD), "never-share"));
		out_free(&o);
	}
	codec_free(&cs->base);
	policy_free(p);
}

/* Her address written as its first line and town, the middle left out
 * (a letter's heading), is still hers. */
Test(policy_never_share, her_address_by_first_line_and_town)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	Marac__V1__Address *ad = address("Bryn Awel", "Heol Fawr", "LL55 9ZZ");
	char **three = codec_malloc(3 * sizeof *three);
	three[0] = ad->lines[0], three[1] = ad->lines[1], three[2] = codec_strdup("Llanddeusant");
	codec_mfree(ad->lines);
	ad->lines = three;
	ad->n_lines = 3;
	if (cs->victim->address)
		codec_free(&cs->victim->address->base);
	cs->victim->address = ad;
	set_str(&cs->narrative, "Re: Mrs Example, Bryn Awel, Llanddeusant. Seen in clinic.");
	struct out o = redact(p, cs, AG(HEALTH), PU(MEETING));
	cr_assert(!view_has(o.view, "Llanddeusant") && !view_has(o.view, "Bryn Awel"), "%s",
		  o.view->narrative);
	cr_assert(view_has(o.view, "Seen in clinic."), "%s", o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* Her street written on file with a house number and no street type
 * ("14 Quernmoor") is named alone in notes ("not at Quernmoor", "bail: not
 * to enter Quernmoor"): withheld from whoever may not have her address;
 * a street whose name is a common word gives no such value. */
Test(policy_never_share, her_street_without_a_type_alone)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	if (cs->victim->address)
		codec_free(&cs->victim->address->base);
	cs->victim->address = address("14 Quernmoor", "Testtown", "TS4 9ZZ");
	set_str(&cs->narrative, "She is not at Quernmoor tonight. Bail: not to enter QUERNMOOR. "
				"CPS review 12/03.");
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++) {
		struct out o = redact(p, cs, a, PU(MEETING));
		int contact = a == AG(POLICE) || a == AG(IDVA);
		if (o.view->narrative && o.view->narrative[0]) {
			cr_assert_eq(view_has(o.view, "Quernmoor") || view_has(o.view, "QUERNMOOR"),
				     contact, "agency %d: %s", a, o.view->narrative);
			cr_assert(view_has(o.view, "CPS review 12/03."), "%s", o.view->narrative);
		}
		out_free(&o);
	}
	codec_free(&cs->victim->address->base);
	cs->victim->address = address("3 Orchard", "Testtown", "TS4 9ZZ");
	set_str(&cs->narrative, "Apples from the orchard were left on the step. CPS review 12/03.");
	struct out o = redact(p, cs, AG(HEALTH), PU(MEETING));
	cr_assert(view_has(o.view, "orchard were left"), "%s", o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* Her flat on a line of its own and the house number on the next ("3F2",
 * "21 Dunmore Road") is written number/flat in Scottish notes ("Locus
 * 21/3F2 Dunmore Rd"): still her address. */
Test(policy_never_share, her_flat_written_number_slash_flat)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	if (cs->victim->address)
		codec_free(&cs->victim->address->base);
	cs->victim->address = address("3F2", "21 Dunmore Road", "EH9 9ZZ");
	set_str(&cs->narrative, "Locus 21/3F2 Dunmore Rd. CPS review 12/03.");
	struct out o = redact(p, cs, AG(HEALTH), PU(MEETING));
	cr_assert(!view_has(o.view, "21/3F2") && !view_has(o.view, "3F2"), "%s", o.view->narrative);
	cr_assert(view_has(o.view, "CPS review 12/03."), "%s", o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* A refuge called by its building's name alone ("in Larchfield since
 * Monday" for "Larchfield House") is as much its address as the street;
 * a refuge named by a number and street gives no such name. */
Test(policy_never_share, refuge_by_its_building_name_alone)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	if (cs->refuge_address)
		codec_free(&cs->refuge_address->base);
	cs->refuge_address = address("Larchfield House", "Quarry Bank", "TS9 9ZZ");
	set_str(&cs->narrative, "Worker visited. Tamsin settled in Larchfield since Monday; "
				"LARCHFIELD staff aware. CPS review 12/03.");
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++) {
		struct out o = redact(p, cs, a, PU(MEETING));
		int contact = a == AG(POLICE) || a == AG(IDVA);
		if (o.view->narrative && o.view->narrative[0]) {
			cr_assert_eq(view_has(o.view, "Larchfield") || view_has(o.view, "LARCHFIELD"),
				     contact, "agency %d: %s", a, o.view->narrative);
			cr_assert(view_has(o.view, "CPS review 12/03."), "%s", o.view->narrative);
		}
		out_free(&o);
	}
	codec_free(&cs->base);
	policy_free(p);
}

/* The refuge's town alone, in a sentence about him, still says where she
 * is to whoever may not have the refuge; the victim's home town is no
 * never-share value by itself. */
Test(policy_never_share, the_refuge_town_alone)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	if (cs->refuge_address)
		codec_free(&cs->refuge_address->base);
	cs->refuge_address = address("27 Ferry Lane", "Whitehaven", "CA28 9ZZ");
	set_str(&cs->narrative, "He was seen in Whitehaven on Friday near the harbour. "
				"CPS review 12/03.");
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++) {
		struct out o = redact(p, cs, a, PU(MEETING));
		int contact = a == AG(POLICE) || a == AG(IDVA);
		if (o.view->narrative && o.view->narrative[0]) {
			cr_assert_eq(view_has(o.view, "Whitehaven"), contact, "agency %d: %s", a,
				     o.view->narrative);
			cr_assert(view_has(o.view, "CPS review 12/03."), "%s", o.view->narrative);
		}
		out_free(&o);
	}
	codec_free(&cs->base);
	policy_free(p);
}

/* ---- recipient-aware scrubbing ------------------------------------------------------ */

Test(policy_scrub_spec, alias_in_the_narrative_for_a_recipient_not_shared_aliases)
{
	policy *p = load(
	    HEAD "  - {path: narrative, to: all, action: scrub, ground: foia-s40-2}\n"
		 "  - {path: victim.full_name, to: [police, housing], action: share, ground: need-to-know}\n"
		 "  - {path: victim.aliases, to: police, action: share, ground: need-to-know}\n");
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->narrative, "Lexi Testperson said Alexa Testperson attended.");
	struct out o = redact(p, cs, AG(HOUSING), PU(MEETING));
	cr_assert(strstr(o.view->narrative, "Lexi") == NULL, "%s", o.view->narrative);
	cr_assert(strstr(o.view->narrative, "Alexa Testperson attended") != NULL, "%s",
		  o.view->narrative);
	out_free(&o);
	o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_str_eq(o.view->narrative, "Lexi Testperson said Alexa Testperson attended.");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* The spec item whose text is s, or -1. */
static long item_of(const struct pol_cx *cx, const char *s)
{
	for (size_t i = 0; i < cx->n_it; i++)
		if (!strcmp(cx->it[i].text, s))
			return (long)i;
	return -1;
}

Test(policy_scrub_spec, withheld_values_names_and_flags_per_recipient)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	struct pol_cx cx;
	cr_assert_eq(pol_cx_init(&cx, p, cs, PU(MEETING)), MGW_OK);
	int g[POL_AGENCIES];
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++)
		cr_assert_geq(g[a] = pol_cx_group(&cx, a), 0);
	long phone = item_of(&cx, "07700 900123"), addr = item_of(&cx, "1 Example Road, Testtown, TS1 2AB");
	long school = item_of(&cx, "Example Primary School"), vname = item_of(&cx, "Alexa Testperson");
	long third = item_of(&cx, "Edna Neighbourly"), safe = item_of(&cx, "weekdays 10:00-12:00");
	long refuge = item_of(&cx, "Refuge, 5 Hidden Lane"), gp = item_of(&cx, "Example Surgery");
	cr_assert(phone >= 0 && addr >= 0 && school >= 0 && vname >= 0 && third >= 0 && safe >= 0 &&
		  refuge >= 0 && gp >= 0);
	const unsigned char *hs = cx.g[g[AG(HOUSING)]].sig, *ps = cx.g[g[AG(POLICE)]].sig;
	const unsigned char *es = cx.g[g[AG(EDUCATION)]].sig, *he = cx.g[g[AG(HEALTH)]].sig;
	/* housing: her phone, address, safe times, the refuge, the school and GP are withheld */
	cr_assert(hs[phone] && hs[addr] && hs[safe] && hs[refuge] && hs[school] && hs[gp]);
	cr_assert(hs[cx.n_it] & SCRUB_F_LOCATION);
	/* police: shared all of those but the GP practice; her name is kept, a neighbour's is not */
	cr_assert(!ps[phone] && !ps[addr] && !ps[safe] && !ps[refuge] && !ps[school] && ps[gp]);
	cr_assert(!(ps[cx.n_it] & SCRUB_F_LOCATION));
	cr_assert_eq(ps[vname], 2);
	cr_assert_eq(ps[third], 1);
	/* the school goes to education, the GP practice to health */
	cr_assert(!es[school] && he[school] && !he[gp] && es[gp]);
	/* police and IDVA see different things (IDVA: no PNC), yet both may know where she is */
	cr_assert_neq(g[AG(POLICE)], g[AG(IDVA)]);
	cr_assert(!(cx.g[g[AG(IDVA)]].sig[cx.n_it] & SCRUB_F_LOCATION));
	pol_cx_free(&cx);

	/* the same values withheld from all: one scrubber for the agencies the
	 * never-share block entitles to her details (police, IDVA: withheld as
	 * anyone's) and one for the rest (withheld under s38, as hers) */
	policy *q = load(HEAD "  - {path: narrative, to: all, action: scrub, ground: foia-s40-2}\n");
	cr_assert_eq(pol_cx_init(&cx, q, cs, PU(MEETING)), MGW_OK);
	int g0 = pol_cx_group(&cx, AG(POLICE)), g1 = pol_cx_group(&cx, AG(HOUSING));
	cr_assert(g0 >= 0 && g1 >= 0 && g0 != g1);
	cr_assert_eq(pol_cx_group(&cx, AG(IDVA)), g0);
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++)
		if (a != AG(POLICE) && a != AG(IDVA))
			cr_assert_eq(pol_cx_group(&cx, a), g1);
	cr_assert_eq(cx.n_g, 2);
	pol_cx_free(&cx);
	policy_free(q);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_scrub_spec, redact_many_equals_one_by_one)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	int ag[8];
	Marac__V1__CaseSummary *views[8];
	Marac__V1__RedactionEntry **ms[8];
	size_t nm[8];
	for (int i = 0; i < 8; i++)
		ag[i] = AG(POLICE) + i;
	for (int u = PU(REFERRAL); u <= PU(ACTION_UPDATE); u++) {
		cr_assert_eq(policy_redact_many(p, cs, ag, 8, u, views, ms, nm), MGW_OK);
		for (int i = 0; i < 8; i++) {
			struct out o = redact(p, cs, ag[i], u);
			uint8_t a[32], b[32];
			codec_digest(&views[i]->base, a);
			codec_digest(&o.view->base, b);
			cr_assert(memcmp(a, b, 32) == 0, "agency %d purpose %d", ag[i], u);
			cr_assert_eq(nm[i], o.n);
			for (size_t k = 0; k < o.n; k++)
				cr_assert(!strcmp(ms[i][k]->path, o.m[k]->path) &&
					  ms[i][k]->count == o.m[k]->count &&
					  !strcmp(ms[i][k]->ground, o.m[k]->ground));
			out_free(&o);
			policy_manifest_free(ms[i], nm[i]);
			codec_free(&views[i]->base);
		}
	}
	ag[3] = 0; /* one bad recipient fails the call, with nothing to free */
	cr_assert_eq(policy_redact_many(p, cs, ag, 8, PU(MEETING), views, ms, nm), MGW_E_INVALID);
	for (int i = 0; i < 8; i++)
		cr_assert(views[i] == NULL && ms[i] == NULL && nm[i] == 0);
	codec_free(&cs->base);
	policy_free(p);
}

/* ---- bounds ---------------------------------------------------------------------- */

Test(policy_limits, a_case_beyond_the_limits_is_refused_typed)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture(), *v = (void *)1;
	Marac__V1__RedactionEntry **m = (void *)1;
	size_t n = 5;
	/* too many people */
	size_t old = cs->n_others;
	Marac__V1__Person **keep = cs->others;
	cs->others = codec_malloc(MGW_MAX_CASE_PERSONS * sizeof *cs->others);
	for (size_t i = 0; i < MGW_MAX_CASE_PERSONS; i++)
		cs->others[i] = keep[i % old];
	cs->n_others = MGW_MAX_CASE_PERSONS;
	cr_assert_eq(policy_redact(p, cs, AG(HEALTH), PU(MEETING), &v, &m, &n), MGW_E_TOO_LARGE);
	cr_assert(v == NULL && m == NULL && n == 0);
	cs->n_others = MGW_MAX_CASE_PERSONS - 1 - cs->n_perpetrators - cs->n_children;
	struct out o = redact(p, cs, AG(HEALTH), PU(MEETING)); /* at the limit: fine */
	out_free(&o);
	codec_mfree(cs->others);
	cs->others = keep;
	cs->n_others = old;
	/* too many aliases */
	char **al = cs->victim->aliases;
	size_t nal = cs->victim->n_aliases;
	cs->victim->aliases = codec_malloc((MGW_MAX_PERSON_ALIASES + 1) * sizeof(char *));
	for (size_t i = 0; i <= MGW_MAX_PERSON_ALIASES; i++)
		cs->victim->aliases[i] = al[0];
	cs->victim->n_aliases = MGW_MAX_PERSON_ALIASES + 1;
	int ag[2] = {AG(POLICE), AG(IDVA)};
	Marac__V1__CaseSummary *vs[2];
	Marac__V1__RedactionEntry **ms[2];
	size_t nm[2];
	cr_assert_eq(policy_redact_many(p, cs, ag, 2, PU(MEETING), vs, ms, nm), MGW_E_TOO_LARGE);
	codec_mfree(cs->victim->aliases);
	cs->victim->aliases = al;
	cs->victim->n_aliases = nal;
	/* too many bytes of names and values */
	char *big = malloc(MGW_MAX_CASE_VALUE_BYTES + 2);
	memset(big, 'a', MGW_MAX_CASE_VALUE_BYTES + 1);
	big[MGW_MAX_CASE_VALUE_BYTES + 1] = 0;
	char *fn = cs->others[0]->full_name;
	cs->others[0]->full_name = big;
	cr_assert_eq(policy_redact(p, cs, AG(POLICE), PU(MEETING), &v, &m, &n), MGW_E_TOO_LARGE);
	cs->others[0]->full_name = fn;
	free(big);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_limits, within_the_case_limits_but_beyond_the_scrubber_caps_is_refused_typed)
{
	/* 100 people with 30 aliases each pass the case limits but are more
	 * names than one scrubber may hold: refused as too large (it was
	 * reported as out of memory, so a sender would retry for ever) */
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture(), *v = (void *)1;
	Marac__V1__RedactionEntry **m = (void *)1;
	size_t n = 5;
	enum { PEOPLE = 100, ALIASES = 30 };
	cr_assert(PEOPLE * (ALIASES + 1) > MGW_SCRUB_MAX_ENTRIES && PEOPLE < MGW_MAX_CASE_PERSONS &&
		  ALIASES <= MGW_MAX_PERSON_ALIASES);
	size_t old = cs->n_others;
	Marac__V1__Person **keep = cs->others;
	Marac__V1__Person *people = calloc(PEOPLE, sizeof *people);
	char **names = calloc(PEOPLE * (ALIASES + 1), sizeof *names);
	cs->others = codec_malloc(PEOPLE * sizeof *cs->others);
	for (size_t i = 0; i < PEOPLE; i++) {
		marac__v1__person__init(&people[i]);
		people[i].role = MARAC__V1__PERSON_ROLE__PERSON_ROLE_WITNESS;
		char **mine = names + i * (ALIASES + 1);
		for (size_t k = 0; k <= ALIASES; k++) {
			char b[40];
			snprintf(b, sizeof b, "Witness%zu Alias%zu", i, k);
			mine[k] = strdup(b);
		}
		people[i].full_name = mine[0];
		people[i].aliases = mine + 1;
		people[i].n_aliases = ALIASES;
		cs->others[i] = &people[i];
	}
	cs->n_others = PEOPLE;
	cr_assert_eq(policy_redact(p, cs, AG(HEALTH), PU(MEETING), &v, &m, &n), MGW_E_TOO_LARGE);
	cr_assert(v == NULL && m == NULL && n == 0);
	codec_mfree(cs->others);
	cs->others = keep;
	cs->n_others = old;
	for (size_t i = 0; i < PEOPLE * (ALIASES + 1); i++)
		free(names[i]);
	free(names);
	free(people);
	codec_free(&cs->base);
	policy_free(p);
}

/* ---- --explain -------------------------------------------------------------------- */

static const struct policy_finding *finding(const struct policy_finding *f, size_t n,
					    const char *path)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(f[i].path, path))
			return &f[i];
	return NULL;
}

static const struct policy_finding *finding_kind(const struct policy_finding *f, size_t n,
						 const char *path, const char *kind)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(f[i].path, path) && !strcmp(f[i].kind, kind))
			return &f[i];
	return NULL;
}

Test(policy_explain, structured_findings_name_path_kind_rule_and_ground)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->victim->gender, "lives at 12 Windsor Crescent");
	cs->children[1]->address = address("Refuge", "5 Hidden Lane", "TS9 9ZZ");
	set_str(&cs->narrative, "She is now staying with her aunt in another town. "
				"Safe to call her after 10am on weekdays.");
	Marac__V1__CaseSummary *v;
	Marac__V1__RedactionEntry **m;
	struct policy_finding *f;
	size_t n, nf;
	cr_assert_eq(policy_redact_explain(p, cs, AG(CHILDRENS_SOCIAL_CARE), PU(MEETING), &v, &m, &n,
					   &f, &nf),
		     MGW_OK);
	const struct policy_finding *x = finding(f, nf, "victim.gender");
	cr_assert(x && x->action == ACT(WITHHOLD) && !strcmp(x->kind, "code") &&
		  !strcmp(x->rule, "class check") && !strcmp(x->ground, "invalid-value") &&
		  x->line > 0);
	x = finding(f, nf, "children[1].address.lines[1]");
	cr_assert(x && x->action == ACT(WITHHOLD) && !strcmp(x->kind, "address") &&
		  !strcmp(x->rule, "never-share value") && !strcmp(x->ground, "never-share"));
	x = finding(f, nf, "others[0].phones[0]");
	cr_assert(x && x->action == ACT(WITHHOLD) && !strcmp(x->kind, "phone") &&
		  !strcmp(x->rule, "rule") && !strcmp(x->ground, "foia-s40-2") && x->line > 0);
	x = finding(f, nf, "victim.nhs_number");
	cr_assert(x && !strcmp(x->rule, "default deny") && !strcmp(x->ground, "default-deny"));
	/* the field's own decision; the scrubber's findings in it follow with their kinds */
	x = finding_kind(f, nf, "narrative", "text");
	cr_assert(x && x->action == ACT(SCRUB));
	/* where she is and when to call her: s38, as the markers in the text say */
	x = finding_kind(f, nf, "narrative", "victim location");
	cr_assert(x && !strcmp(x->ground, "foia-s38"), "%s", x ? x->ground : "no finding");
	x = finding_kind(f, nf, "narrative", "safe times");
	cr_assert(x && !strcmp(x->ground, "foia-s38"), "%s", x ? x->ground : "no finding");
	x = finding(f, nf, "case_ref");
	cr_assert(x && x->action == ACT(SHARE) && !strcmp(x->kind, "case_ref"));
	/* never a value */
	for (size_t i = 0; i < nf; i++)
		cr_assert(strstr(f[i].path, "Windsor") == NULL && strstr(f[i].path, "Hidden") == NULL);
	/* the same view as without --explain */
	struct out o = redact(p, cs, AG(CHILDRENS_SOCIAL_CARE), PU(MEETING));
	uint8_t a[32], b[32];
	codec_digest(&v->base, a);
	codec_digest(&o.view->base, b);
	cr_assert(memcmp(a, b, 32) == 0);
	out_free(&o);
	free(f);
	policy_manifest_free(m, n);
	codec_free(&v->base);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_scrub_spec, each_text_scrubbed_once_per_profile)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	struct pol_cx cx;
	cr_assert_eq(pol_cx_init(&cx, p, cs, PU(MEETING)), MGW_OK);
	size_t groups = 0;
	for (int a = AG(POLICE); a <= AG(EDUCATION); a++) {
		struct pol_rd r = {.p = p, .in = cs, .agency = a, .purpose = PU(MEETING), .cx = &cx};
		r.group = pol_cx_group(&cx, a);
		cr_assert_geq(r.group, 0);
		char *out = NULL;
		unsigned rep = 0;
		int ns;
		unsigned where;
		for (int k = 0; k < 2; k++) { /* a second field with the same text: cached too */
			cr_assert_eq(pol_scrub(&r, 0, "s40(2)", "foia-s40-2", cs->narrative, &out,
					       &rep, &ns, &where),
				     MGW_OK);
			cr_assert_eq(ns, 0);
			cr_assert_not_null(out);
			codec_mfree(out);
		}
		cr_assert_gt(rep, 0);
	}
	groups = cx.n_g;
	cr_assert(groups >= 2 && groups <= 8);
	cr_assert_eq(cx.n_sc, groups, "%zu scrubs for %zu profiles", cx.n_sc, groups);
	pol_cx_free(&cx);
	codec_free(&cs->base);
	policy_free(p);
}

Test(policy_classes, case_ref_has_the_door_grammar)
{
	/* the daemon accepts these at the door: the views must carry them */
	cr_assert(policy_case_ref_ok("TS-2026-0001"));
	cr_assert(policy_case_ref_ok("MARAC.TS_2026/0001"));
	cr_assert(policy_case_ref_ok("A234567890123456789012345678901234567890123456789012345678901234"));
	/* and refuses these */
	cr_assert(!policy_case_ref_ok(""));
	cr_assert(!policy_case_ref_ok("-TS-1"));
	cr_assert(!policy_case_ref_ok("TS 1"));
	cr_assert(!policy_case_ref_ok("A2345678901234567890123456789012345678901234567890123456789012345"));
	cr_assert(!policy_case_ref_ok("MARAC 1, 9 Nowhere Lane"));
}

/* cases: with_children / adult_only: the policy decides what a case without children gives. */
Test(policy_load, rules_by_kind_of_case)
{
	load_fails(HEAD "  - {path: victim, to: education, cases: adults, action: withhold, "
			"ground: need-to-know}\n",
		   3, "unknown case \"adults\"");
	load_fails(HEAD "  - {path: victim, to: education, cases: adult_only, action: withhold, "
			"ground: need-to-know}\n"
			"  - {path: victim, to: education, cases: [with_children, adult_only], "
			"action: withhold, ground: need-to-know}\n",
		   4, "conflicting rules");
	policy *p = load(HEAD "  - {path: case_ref, to: all, action: share, ground: need-to-know}\n"
			      "  - {path: victim.full_name, to: education, action: share, "
			      "ground: dpa-sch1-para18}\n"
			      "  - {path: \"children[].full_name\", to: education, action: share, "
			      "ground: dpa-sch1-para18}\n"
			      "  - {path: victim, to: education, cases: adult_only, action: withhold, "
			      "ground: need-to-know}\n");
	Marac__V1__CaseSummary *cs = fixture(); /* two children */
	struct out o = redact(p, cs, MARAC__V1__AGENCY__AGENCY_EDUCATION,
			      MARAC__V1__PURPOSE__PURPOSE_REFERRAL);
	cr_assert(o.view->victim && o.view->victim->full_name, "with children: the leaf rule");
	cr_assert_str_eq(o.view->victim->full_name, "Alexa Testperson");
	out_free(&o);
	size_t nc = cs->n_children;
	cs->n_children = 0; /* the same case without its children */
	o = redact(p, cs, MARAC__V1__AGENCY__AGENCY_EDUCATION, MARAC__V1__PURPOSE__PURPOSE_REFERRAL);
	cr_assert(o.view->victim == NULL || o.view->victim->full_name == NULL ||
			  o.view->victim->full_name[0] == '\0',
		  "adult only: the cases: rule at victim beats the share at victim.full_name");
	cr_assert_str_eq(o.view->case_ref, cs->case_ref);
	int found = 0;
	for (size_t i = 0; i < o.n; i++)
		if (!strcmp(o.m[i]->path, "victim.full_name") &&
		    o.m[i]->action == MARAC__V1__REDACTION_ACTION__REDACTION_ACTION_WITHHOLD)
			found = 1;
	cr_assert(found, "the manifest says the name was withheld");
	out_free(&o);
	cs->n_children = nc;
	codec_free(&cs->base);
	policy_free(p);
}

/* s13-over's test, turned by s13-review: a crime reference the policy
 * withholds from a recipient as a field (a policy like this test's; the
 * default shares it with every agency since session 54) is withheld from its free text
 * too (issue 9 item 2); item 6 keeps references no field withholds. */
Test(policy_redact, withheld_crime_reference_goes_from_text_too)
{
	policy *p = load(HEAD "  - {path: narrative, to: all, action: scrub, ground: foia-s40-2}\n"
			      "  - {path: \"incidents[].police_ref\", to: police, action: share, "
			      "ground: need-to-know}\n");
	Marac__V1__CaseSummary *cs = fixture();
	cr_assert(cs->n_incidents > 0 && cs->incidents[0]->police_ref != NULL);
	char text[256];
	snprintf(text, sizeof text, "Police attended (%s); call 07700 900321 later.",
		 cs->incidents[0]->police_ref);
	codec_mfree(cs->narrative);
	cs->narrative = codec_strdup(text);
	struct out o = redact(p, cs, AG(HEALTH), PU(MEETING));
	cr_assert(o.view->n_incidents == 0 || o.view->incidents[0]->police_ref == NULL ||
		      o.view->incidents[0]->police_ref[0] == 0,
		  "the field itself is withheld");
	cr_assert(strstr(o.view->narrative, cs->incidents[0]->police_ref) == NULL, "%s",
		  o.view->narrative);
	cr_assert(strstr(o.view->narrative, "900321") == NULL, "%s", o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/*
 * s15-never (exam16): a child's address that says she is placed or put up
 * there went to children's social care: a room in a communal house ("Room
 * 3, <Name>"), care of someone ("c/o maternal grandmother, ..."), a house
 * with a refuge's usual name ("THE SANCTUARY", "The Haven"). Withheld as
 * never-share data from those not told where she is; police and IDVA keep
 * it. A street or a town that only contains such a word stays.
 */
Test(policy_never_share, default_policy_a_childs_address_saying_she_is_placed_is_hers)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	cs->children[0]->address = address("Room 3, Larchfield House", "Wexcombe", NULL);
	cs->children[1]->address = address("c/o maternal grandmother, 9 Hidden Way", NULL, NULL);
	struct out o = redact(p, cs, AG(CHILDRENS_SOCIAL_CARE), PU(MEETING));
	cr_assert(!view_has(o.view, "Larchfield") && !view_has(o.view, "Hidden Way"));
	out_free(&o);
	o = redact(p, cs, AG(IDVA), PU(MEETING));
	cr_assert_str_eq(o.view->children[0]->address->lines[0], "Room 3, Larchfield House");
	out_free(&o);
	codec_free(&cs->children[0]->address->base);
	codec_free(&cs->children[1]->address->base);
	cs->children[0]->address = address("FLAT 3 THE SANCTUARY", "HIGH ST, WEXCOMBE", "TS1 3AB");
	cs->children[1]->address = address("7 Haven Road", "Roomfield", "TS1 4AB");
	o = redact(p, cs, AG(CHILDRENS_SOCIAL_CARE), PU(MEETING));
	cr_assert(!view_has(o.view, "SANCTUARY"));
	cr_assert_str_eq(o.view->children[1]->address->lines[0], "7 Haven Road");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* A note typed into a place field ("<School> - mum now living in <Town>")
 * says where she is: withheld from a recipient not entitled to that, as
 * never-share data; the school's name alone still goes. */
Test(policy_classes, whereabouts_in_a_place_field_is_withheld)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->children[0]->school, "Quellby High - mum now living in Quellby");
	const int to[] = {AG(CHILDRENS_SOCIAL_CARE), AG(EDUCATION)}; /* the school's recipients */
	for (size_t k = 0; k < 2; k++) {
		int a = to[k];
		struct out o = redact(p, cs, a, PU(MEETING));
		cr_assert(!view_has(o.view, "now living"), "agency %d", a);
		cr_assert_not_null(entry_g(&o, "children[].school", ACT(WITHHOLD), "never-share"),
				   "agency %d", a);
		out_free(&o);
	}
	set_str(&cs->children[0]->school, "Quellby High School");
	struct out o = redact(p, cs, AG(EDUCATION), PU(MEETING));
	cr_assert_str_eq(o.view->children[0]->school, "Quellby High School");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* s23: a case reference built from where she is ("...-REFUGE-LEEDS-LS7")
 * is withheld as never-share from an agency not told where she is, and the
 * explanation says so; police keep it; a reference with "refuge" only inside
 * a longer word ("REFUGEE") is no such statement. */
Test(policy_never_share, default_policy_a_case_reference_naming_a_refuge)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	codec_mfree(cs->case_ref);
	cs->case_ref = codec_strdup("MARAC-2026-0412-REFUGE-LEEDS-LS7");
	Marac__V1__CaseSummary *v;
	Marac__V1__RedactionEntry **m;
	struct policy_finding *f;
	size_t n, nf;
	cr_assert_eq(policy_redact_explain(p, cs, AG(HEALTH), PU(MEETING), &v, &m, &n, &f, &nf),
		     MGW_OK);
	cr_assert(!view_has(v, "REFUGE"));
	const struct policy_finding *x = finding(f, nf, "case_ref");
	cr_assert(x && x->action == ACT(WITHHOLD) && !strcmp(x->ground, "never-share") &&
		  !strcmp(x->rule, "whereabouts in a reference"));
	codec_free(&v->base);
	policy_manifest_free(m, n);
	free(f);
	struct out o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_str_eq(o.view->case_ref, "MARAC-2026-0412-REFUGE-LEEDS-LS7");
	out_free(&o);
	codec_mfree(cs->case_ref);
	cs->case_ref = codec_strdup("REFUGEE-COUNCIL-2026-7");
	o = redact(p, cs, AG(HEALTH), PU(MEETING));
	cr_assert_str_eq(o.view->case_ref, "REFUGEE-COUNCIL-2026-7");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* s24: a case reference with a postcode district among its parts
 * ("MARAC-QUELLBY-WN5-0412": the refuge's town and district) says where she
 * is: withheld from an agency not told where she is, kept for police; a
 * reference whose parts are no district ("MARAC-WIG-26-0703-R2",
 * "MARAC/WM/26/PROB-1212", a school year "Y6") is kept. */
Test(policy_never_share, default_policy_a_case_reference_naming_a_district)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	codec_mfree(cs->case_ref);
	cs->case_ref = codec_strdup("MARAC-QUELLBY-WN5-0412");
	struct out o = redact(p, cs, AG(HEALTH), PU(MEETING));
	cr_assert(!view_has(o.view, "WN5"));
	out_free(&o);
	o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_str_eq(o.view->case_ref, "MARAC-QUELLBY-WN5-0412");
	out_free(&o);
	static const char *const kept[] = {"MARAC-WIG-26-0703-R2", "MARAC/WM/26/PROB-1212",
					   "MARAC-Y6-2026-0101"};
	for (size_t k = 0; k < 3; k++) {
		codec_mfree(cs->case_ref);
		cs->case_ref = codec_strdup(kept[k]);
		o = redact(p, cs, AG(HEALTH), PU(MEETING));
		cr_assert_str_eq(o.view->case_ref, kept[k]);
		out_free(&o);
	}
	codec_free(&cs->base);
	policy_free(p);
}

/* s36: a title no kept subject of that surname can bear names someone
 * else of the family: "Mrs Fictional" when the only kept Fictional is her
 * son, "Mrs Testperson" when the victim is a child (nobody under 18 is "Mrs").
 * "Miss Testperson" may be her, and stays; so does a title another kept
 * subject sharing the surname could bear (not by the gender recorded: a
 * note may call her otherwise). */
Test(policy_names, default_policy_a_title_no_kept_subject_can_bear)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->perpetrators[0]->relationship_to_victim, "son");
	set_str(&cs->victim->date_of_birth, "2016-05-01"); /* under 18 until 2034 */
	set_str(&cs->narrative, "Mrs Fictional rang the school. Brian Fictional was arrested. "
				"Mrs Testperson (grandmother) collects. Miss Testperson attended.");
	struct out o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_str_eq(o.view->narrative,
			 "[REDACTED s40(2): name] rang the school. Brian Fictional was arrested. "
			 "[REDACTED s40(2): name] (grandmother) collects. Miss Testperson attended.");
	out_free(&o);
	/* an adult victim may be "Mrs": kept */
	set_str(&cs->victim->date_of_birth, "1990-04-01");
	set_str(&cs->narrative, "Mrs Testperson attended. Mrs Fictional rang.");
	o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_str_eq(o.view->narrative, "Mrs Testperson attended. [REDACTED s40(2): name] rang.");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* s57: the victim's maiden name in her aliases is her mother's too: "Nan
 * (Mrs Neighbourly)" of a listed Edna Neighbourly, when the victim is
 * Alexa Testperson and Alexa Neighbourly only an alias, is her mother,
 * withheld from police; the alias itself stays. Not a name that only a
 * child of the case shares ("Mrs Smith" when Casey Smith is 10: a girl of
 * 10 is no "Mrs" or "Miss" in a note). */
Test(policy_names, default_policy_a_title_on_her_maiden_name_is_her_mothers)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	set_str(&cs->victim->aliases[1], "Alexa Neighbourly");
	set_str(&cs->others[0]->relationship_to_victim, "mother");
	set_str(&cs->narrative, "Nan (Mrs Neighbourly) rang. Alexa Neighbourly attended.");
	struct out o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_str_eq(o.view->narrative,
			 "Nan ([REDACTED s40(2): name]) rang. Alexa Neighbourly attended.");
	out_free(&o);
	codec_free(&cs->base);
	cs = fixture();
	set_str(&cs->victim->aliases[1], "Alexa Smith");
	set_str(&cs->children[0]->full_name, "Casey Smith");
	set_str(&cs->narrative, "Mrs Smith attended. Miss Smith rang.");
	o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert_str_eq(o.view->narrative, "Mrs Smith attended. Miss Smith rang.");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* s57-never: her pitch on a site, his on the same site: his address names
 * the site she lives on, and goes from whoever may not know where she is
 * (housing); police may have both. */
Test(policy_never_share, default_policy_his_pitch_on_her_site)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	codec_free(&cs->victim->address->base);
	cs->victim->address = address("Pitch 7", "Broad Ings Lane Traveller Site", "WF1 5SQ");
	codec_free(&cs->perpetrators[0]->address->base);
	cs->perpetrators[0]->address = address("Pitch 12", "Broad Ings Lane Traveller Site", NULL);
	struct out o = redact(p, cs, AG(HOUSING), PU(MEETING));
	cr_assert(o.view->n_perpetrators == 0 || o.view->perpetrators[0]->address == NULL ||
	          o.view->perpetrators[0]->address->n_lines == 0);
	cr_assert(!view_has(o.view, "Broad Ings"));
	out_free(&o);
	o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert(view_has(o.view, "Broad Ings"));
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/*
 * s52-never (exam60 c027): the refuge's town named by its second word
 * ("Great Yarmouth": "Employer has offered their new Yarmouth branch") or
 * shortened ("Gt Yarmouth") says where she is as surely as the whole: gone
 * from every free text of whoever may not have the refuge; police may.
 */
Test(policy_never_share, default_policy_refuge_town_by_its_second_word)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	if (cs->refuge_address)
		codec_free(&cs->refuge_address->base);
	cs->refuge_address = address("The Beeches, 41 Nelson Road Central", "Great Yarmouth", "NR30 2HL");
	set_str(&cs->narrative, "Employer has offered their new Yarmouth branch. Her mum is from "
				"Gt Yarmouth.");
	struct out o = redact(p, cs, AG(HEALTH), PU(MEETING));
	cr_assert(!view_has(o.view, "Yarmouth"), "%s", o.view->narrative);
	cr_assert(view_has(o.view, "Employer has offered their new"), "%s", o.view->narrative);
	out_free(&o);
	o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert(view_has(o.view, "Yarmouth branch"), "%s", o.view->narrative);
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

/* s53-never: an organisation named with the refuge ("<County> Women's Aid -
 * <Refuge>") is withheld whole from an agency that may not know where she
 * is: what is left of it says who runs the refuge, so where it is. */
Test(policy_never_share, default_policy_agency_named_with_the_refuge)
{
	policy *p = load_default();
	Marac__V1__CaseSummary *cs = fixture();
	if (cs->refuge_address)
		codec_free(&cs->refuge_address->base);
	cs->refuge_address = address("Haven House, 14 Alder Close", "Reading", "RG30 2XY");
	cr_assert_gt(cs->n_others, 1); /* others[1]: the fixture's professional */
	set_str(&cs->others[1]->agency_name, "Berkshire Women's Aid - Haven House");
	struct out o = redact(p, cs, AG(HEALTH), PU(MEETING));
	cr_assert(!view_has(o.view, "Berkshire"), "agency name kept");
	out_free(&o);
	o = redact(p, cs, AG(POLICE), PU(MEETING));
	cr_assert(view_has(o.view, "Berkshire Women's Aid - Haven House"), "police lost the agency");
	out_free(&o);
	codec_free(&cs->base);
	policy_free(p);
}

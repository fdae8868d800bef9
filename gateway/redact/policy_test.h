/*
 * policy_test.h: policy tests, the way `opa test` runs Rego tests: a test
 * names an input case, a recipient and a purpose, and what the redacted view
 * and manifest must be. The format is in policy/README.md ("Policy tests");
 * `marac policy test DIR` finds the files and calls this for each.
 */
#ifndef MARAC_POLICY_TEST_H
#define MARAC_POLICY_TEST_H

#include <stdio.h>

struct policy_test_totals {
	int passed, failed;
};

/*
 * Run the test(s) in the spec file at path (YAML, or JSON if it ends in
 * ".json"). Relative paths inside it (case, policy, expected files) are
 * resolved against the file's directory; a test that names no policy uses
 * default_policy (a path as given). Prints one line per test to out:
 *   "ok   DISPLAY: NAME" or "FAIL DISPLAY: NAME: why"
 * and adds to *t. A spec file that cannot be read or parsed counts as one
 * failed test. Returns 0, or MGW_E_NOMEM (totals then incomplete).
 */
int policy_test_file(const char *path, const char *display, const char *default_policy, FILE *out,
		     struct policy_test_totals *t);

#endif

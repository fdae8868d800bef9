/*
 * policy.h: the redaction policy (information-sharing protocol) and the
 * redactor that turns one CaseSummary into one recipient agency's view.
 *
 * The policy is a YAML file (format: policy/README.md) of rules that address
 * CaseSummary fields by proto path ("victim.address", "others[].phones",
 * "narrative", "*" for the whole case) and give, per recipient agency and
 * optionally per purpose and (under others[]) per person role, an action
 * (share, withhold, mask, scrub) and its legal ground. Loading checks every
 * path against the protobuf-c descriptors and every name against the enums;
 * any error names file, line and the offending text.
 *
 * What the redactor guarantees, whatever the rules say:
 *   - default deny: a field no rule shares to the recipient is withheld and
 *     listed in the manifest with ground "default-deny";
 *   - never-share: refuge_address reaches police and IDVA only (a built-in
 *     ceiling), the victim's address, phones, email and safe times reach only
 *     the agencies the policy's never_share block names (default police and
 *     IDVA); a rule that would share them elsewhere fails the load, and the
 *     redactor checks again on every value ("never-share" in the manifest);
 *   - never-share on values: a value of any other field that equals or
 *     contains a never-share value (the refuge address written "Rd" for
 *     "Road", her phone in relationship_to_victim) is withheld from every
 *     recipient not allowed that value, ground "never-share"; an Address
 *     message is compared as a whole (lines and postcode). A free text that
 *     still holds one after scrubbing is withheld whole;
 *   - default deny for text: every string field has a class (identifier
 *     with a grammar, code from a closed set, name, address, place, or free
 *     text); a value outside its class is withheld ("invalid-value"), and
 *     free text is scrubbed for every recipient, even under a share rule;
 *   - recipient-aware scrubbing: free text is scrubbed of every structured
 *     value of the case the recipient is not shared (names and aliases,
 *     dates of birth, addresses, schools, GP practices, phones, e-mails,
 *     identifiers, safe times), and, when it may not see the victim's
 *     address, of statements of where she is (scrub.h SCRUB_F_LOCATION);
 *     third parties' names (others[]) from every free text, for everyone;
 *   - the manifest holds paths, actions, grounds and counts, never values.
 *
 * A loaded policy is immutable: any number of threads may call
 * policy_redact() and policy_sha256() on it at once.
 */
#ifndef MARAC_POLICY_H
#define MARAC_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "marac/v1/case.pb-c.h"
#include "marac/v1/frame.pb-c.h"

/* Largest policy file accepted (bytes), and most rules in one policy. */
#define POLICY_MAX_BYTES (1u << 20)
#define POLICY_MAX_RULES 4096u

typedef struct policy policy;

/*
 * Load and validate the policy file at path. On success *out owns the policy
 * (free with policy_free()). On failure *out is NULL and err (if errlen > 0)
 * holds one line, e.g.
 *   policy.yaml:31: unknown field "adress" in path "victim.adress"
 * Returns 0; MGW_E_IO (cannot open or read: err names the file);
 * MGW_E_TOO_LARGE (above POLICY_MAX_BYTES); MGW_E_INVALID (not YAML, nested
 * deeper than MGW_POLICY_MAX_DEPTH, checked before libyaml's loader sees it,
 * or not a valid policy: err has file:line); MGW_E_NOMEM.
 */
int policy_load(const char *path, policy **out, char *err, size_t errlen);

/*
 * The same from len bytes of text (need not be NUL-terminated); name is
 * used in error messages in place of the file name. Same returns, but never
 * MGW_E_IO.
 */
int policy_load_mem(const char *name, const char *text, size_t len, policy **out, char *err,
		    size_t errlen);

/* Free a policy. NULL is fine. */
void policy_free(policy *p);

/* SHA-256 of the policy file's bytes (32 bytes, owned by p). */
const uint8_t *policy_sha256(const policy *p);

/*
 * The view of in that recipient_agency (a Marac__V1__Agency) may see when it
 * is shared for purpose (a Marac__V1__Purpose; PURPOSE_UNSPECIFIED applies
 * only the rules that name no purpose), and its manifest.
 * On success *view is a new message (codec_free()) and *manifest an array of
 * *n_manifest entries sorted by path, then action, then ground (free with
 * policy_manifest_free()); one entry per (path, action, ground) that affected
 * at least one value. On failure *view and *manifest are NULL, *n_manifest 0.
 * Returns 0; MGW_E_INVALID (recipient is not a known agency other than
 * UNSPECIFIED, or purpose is not a known Purpose); MGW_E_TOO_LARGE (the
 * case is beyond the limits of mgw_limits.h, see policy_redact_many);
 * MGW_E_NOMEM.
 */
int policy_redact(const policy *p, const Marac__V1__CaseSummary *in, int recipient_agency,
		  int purpose, Marac__V1__CaseSummary **view, Marac__V1__RedactionEntry ***manifest,
		  size_t *n_manifest);

/*
 * The views of in for n recipients at once (agencies[i], all for purpose):
 * views[i], manifests[i] and n_manifests[i] as policy_redact() gives them,
 * the same bytes. Recipients whose scrub spec is the same (the same values
 * withheld, the same names kept, the same flags) share one scrubber, and
 * each free-text value is scrubbed once per such group, not per recipient.
 * On failure every views[i] and manifests[i] is NULL and n_manifests[i] 0.
 * Returns 0; MGW_E_INVALID (as policy_redact, for any recipient, or n 0 or
 * above MGW_MAX_RECIPIENT_NODES); MGW_E_TOO_LARGE (the case is beyond the
 * limits of mgw_limits.h: MGW_MAX_CASE_PERSONS, MGW_MAX_PERSON_ALIASES,
 * MGW_MAX_CASE_VALUE_BYTES, checked before any work; or, within them, more
 * names and withheld values than one scrubber may hold, MGW_SCRUB_MAX_*:
 * so a share that would cost unbounded memory is refused with a typed
 * error, never scrubbed with part of the list); MGW_E_NOMEM.
 * policy_redact() returns MGW_E_TOO_LARGE in the same case.
 */
int policy_redact_many(const policy *p, const Marac__V1__CaseSummary *in, const int *agencies,
		       size_t n, int purpose, Marac__V1__CaseSummary **views,
		       Marac__V1__RedactionEntry ***manifests, size_t *n_manifests);

/*
 * One decision, for `marac policy redact --explain`: what happened to one
 * value (or, for free text, to one span of it) and why. Never a value.
 */
#define POLICY_FINDING_PATH_MAX 128
struct policy_finding {
	char path[POLICY_FINDING_PATH_MAX]; /* with element indices: "others[2].phones[0]" */
	int action;                         /* Marac__V1__RedactionAction */
	const char *kind;   /* static: the field's class ("code", "phone", ...) or, for a span
			       of free text, the scrub kind ("name", "phone", ...) */
	const char *rule;   /* static: "rule", "default deny", "never-share value",
			       "class check", or the scrubber's recogniser */
	int line;           /* line of the policy rule that applied; 0 if none */
	const char *ground; /* static or owned by the policy */
	size_t start, end;  /* free text: the span's bytes in the input value; else 0, 0 */
};

/*
 * policy_redact(), and the list of every decision: one finding per value
 * of the case (shared, withheld, masked or scrubbed) and one per span a
 * scrubber replaced, in walk order. *findings is malloc'd (free()), NULL
 * with *n_findings 0 when there are none. Same returns as policy_redact().
 * The findings' static strings outlive the call; ground may point into p.
 */
int policy_redact_explain(const policy *p, const Marac__V1__CaseSummary *in, int recipient_agency,
			  int purpose, Marac__V1__CaseSummary **view,
			  Marac__V1__RedactionEntry ***manifest, size_t *n_manifest,
			  struct policy_finding **findings, size_t *n_findings);

/*
 * 1 if s is a valid MARAC case reference: 1 to MGW_CASE_REF_MAX (64) of
 * A-Z a-z 0-9 '-' '/' '.' '_', starting with a letter or digit. The one
 * grammar: the policy's case_ref class uses it, and the daemon refuses
 * other refs at the door.
 */
int policy_case_ref_ok(const char *s);

/* Free a manifest from policy_redact(). (NULL, 0) is fine. */
void policy_manifest_free(Marac__V1__RedactionEntry **m, size_t n);

#endif

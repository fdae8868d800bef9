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
 *   - third parties' names (others[]) are scrubbed from every free text that
 *     is scrubbed, for every recipient; the victim's, perpetrators' and
 *     children's names stay only where the policy shares those name fields;
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
 * MGW_E_TOO_LARGE (above POLICY_MAX_BYTES); MGW_E_INVALID (not YAML, or not a
 * valid policy: err has file:line); MGW_E_NOMEM.
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
 * UNSPECIFIED, or purpose is not a known Purpose); MGW_E_NOMEM.
 */
int policy_redact(const policy *p, const Marac__V1__CaseSummary *in, int recipient_agency,
		  int purpose, Marac__V1__CaseSummary **view, Marac__V1__RedactionEntry ***manifest,
		  size_t *n_manifest);

/* Free a manifest from policy_redact(). (NULL, 0) is fine. */
void policy_manifest_free(Marac__V1__RedactionEntry **m, size_t n);

#endif

/*
 * policy_value.c: what happens to one value. Which rule applies (the most
 * specific, see policy_int.h), the never-share check the redactor makes on
 * every value whatever the rules say, the three masks, and scrubbing.
 *
 * Never-share is checked independently of the load-time check: a value
 * under a never-share path goes only to agencies the policy's never_share
 * block allows, and the refuge address only ever to police and IDVA (a
 * string check on the path, not the table).
 *
 * Free text is scrubbed with one scrubber per redaction, built on first use
 * from the case: names and aliases of others[] always, and those of the
 * victim, perpetrators and children unless this recipient is shared that
 * name field; dates of birth of everyone whose date_of_birth it is not
 * shared in full.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "ident.h"
#include "mgw_err.h"
#include "policy_int.h"
#include "scrub.h"

/* The rule for a value at node path of an element with role slot (0 = none). */
static const struct pol_rule *resolve(const struct pol_rd *r, int path, int role_slot)
{
	const struct policy *p = r->p;
	for (int n = path; n >= 0; n = p->paths[n].parent)
		for (int i = role_slot ? 0 : 1; i < 2; i++)
			for (int j = r->purpose ? 0 : 1; j < 2; j++) {
				uint16_t c = p->cells[pol_cell(n, r->agency, j ? 0 : r->purpose,
							       i ? 0 : role_slot)];
				if (c)
					return &p->rules[c - 1];
			}
	return NULL;
}

/* May a value at node path reach this recipient at all? */
static int never_ok(const struct pol_rd *r, int path)
{
	const char *name = r->p->paths[path].name;
	if (strncmp(name, "refuge_address", 14) == 0 && (name[14] == 0 || name[14] == '.') &&
	    !(POL_REFUGE_CEILING >> r->agency & 1))
		return 0;
	return r->p->ns_allowed[path] >> r->agency & 1;
}

int pol_decide(const struct pol_rd *r, int path, int role_slot, const struct pol_rule **rule,
	       const char **ground)
{
	*rule = resolve(r, path, role_slot);
	if (*rule == NULL) {
		*ground = POL_GROUND_DEFAULT_DENY;
		return POL_WITHHOLD;
	}
	*ground = (*rule)->ground;
	if ((*rule)->action != POL_WITHHOLD && !never_ok(r, path)) {
		*ground = POL_GROUND_NEVER_SHARE;
		return POL_WITHHOLD;
	}
	return (*rule)->action;
}

/* ---- masks -------------------------------------------------------------- */

/* A date of birth in any form ident_date_parse reads -> "1990"; anything else cannot be masked. */
static char *mask_dob(const char *s)
{
	char iso[11];
	if (ident_date_parse(s, strlen(s), iso) != 0)
		return NULL;
	return codec_strndup(iso, 4);
}

/* Any phone text -> "*******" + its last 3 digits; fewer than 3 digits cannot be masked. */
static char *mask_phone(const char *s)
{
	char last[4] = {0};
	size_t digits = 0;
	for (; *s; s++)
		if (isdigit((unsigned char)*s)) {
			memmove(last, last + 1, 2);
			last[2] = *s;
			digits++;
		}
	if (digits < 3)
		return NULL;
	char out[11];
	memcpy(out, "*******", 7);
	memcpy(out + 7, last, 4);
	return codec_strdup(out);
}

/* A UK postcode -> its outward code ("ts1 2ab" -> "TS1"); not a postcode cannot be masked. */
static char *mask_postcode(const char *s)
{
	char out[5];
	if (ident_postcode_outward(s, strlen(s), out) != 0)
		return NULL;
	return codec_strdup(out);
}

/* ---- scrubbing ------------------------------------------------------------ */

static int field_shared(const struct pol_rd *r, const char *path)
{
	int n = pol_path_find(r->p, path);
	const struct pol_rule *rule;
	const char *g;
	return n >= 0 && pol_decide(r, n, 0, &rule, &g) == POL_SHARE;
}

static void add_person(const Marac__V1__Person *pp, int keep_name, int keep_alias, int keep_dob,
		       const char **names, size_t *nn, const char **keep, size_t *nk,
		       const char **dobs, size_t *nd)
{
	if (pp == NULL)
		return;
	if (pp->full_name && pp->full_name[0]) {
		if (keep_name)
			keep[(*nk)++] = pp->full_name;
		else
			names[(*nn)++] = pp->full_name;
	}
	for (size_t i = 0; i < pp->n_aliases; i++)
		if (pp->aliases[i] && pp->aliases[i][0]) {
			if (keep_alias)
				keep[(*nk)++] = pp->aliases[i];
			else
				names[(*nn)++] = pp->aliases[i];
		}
	if (!keep_dob && pp->date_of_birth && pp->date_of_birth[0])
		dobs[(*nd)++] = pp->date_of_birth;
}

static int build_scrubber(struct pol_rd *r)
{
	const Marac__V1__CaseSummary *c = r->in;
	static const char *const kinds[] = {"victim", "perpetrators[]", "children[]"};
	const Marac__V1__Person *const *lists[] = {
	    (const Marac__V1__Person *const *)&c->victim,
	    (const Marac__V1__Person *const *)c->perpetrators,
	    (const Marac__V1__Person *const *)c->children,
	    (const Marac__V1__Person *const *)c->others};
	size_t counts[] = {c->victim ? 1 : 0, c->n_perpetrators, c->n_children, c->n_others};
	size_t total = 0;
	for (int k = 0; k < 4; k++)
		for (size_t i = 0; i < counts[k]; i++)
			total += 1 + (lists[k][i] ? lists[k][i]->n_aliases : 0);
	const char **names = malloc((total + 1) * sizeof *names);
	const char **keep = malloc((total + 1) * sizeof *keep);
	const char **dobs = malloc((total + 1) * sizeof *dobs);
	size_t nn = 0, nk = 0, nd = 0;
	int rc = MGW_E_NOMEM;
	if (names == NULL || keep == NULL || dobs == NULL)
		goto fail;
	for (int k = 0; k < 4; k++) {
		int kn = 0, ka = 0, kd = 0;
		if (k < 3) {
			char path[64];
			snprintf(path, sizeof path, "%s.full_name", kinds[k]);
			kn = field_shared(r, path);
			snprintf(path, sizeof path, "%s.aliases", kinds[k]);
			ka = field_shared(r, path);
			snprintf(path, sizeof path, "%s.date_of_birth", kinds[k]);
			kd = field_shared(r, path);
		}
		for (size_t i = 0; i < counts[k]; i++)
			add_person(lists[k][i], kn, ka, kd, names, &nn, keep, &nk, dobs, &nd);
	}
	r->scr = scrubber_new(names, nn, keep, nk, dobs, nd);
	rc = r->scr ? MGW_OK : MGW_E_NOMEM;
fail:
	free(names);
	free(keep);
	free(dobs);
	r->scr_built = rc == MGW_OK;
	return rc;
}

int pol_scrub(struct pol_rd *r, const struct pol_rule *rule, const char *s, char **out,
	      unsigned *replaced)
{
	*out = NULL;
	if (!r->scr_built) {
		int rc = build_scrubber(r);
		if (rc)
			return rc;
	}
	unsigned counts[SCRUB_KIND_COUNT] = {0};
	char *t = NULL;
	int rc = scrub_text(r->scr, s, strlen(s), rule->label, (1u << SCRUB_KIND_COUNT) - 1u, &t,
			    counts);
	if (rc == MGW_E_NOMEM)
		return rc;
	if (rc == MGW_OK && t) {
		for (int k = 0; k < SCRUB_KIND_COUNT; k++)
			*replaced += counts[k];
		*out = codec_strdup(t);
		free(t);
		return *out ? MGW_OK : MGW_E_NOMEM;
	}
	free(t);
	return MGW_OK;
}

char *pol_mask(enum pol_mask kind, const char *s)
{
	switch (kind) {
	case POL_MASK_DOB: return mask_dob(s);
	case POL_MASK_PHONE: return mask_phone(s);
	case POL_MASK_POSTCODE: return mask_postcode(s);
	default: return NULL;
	}
}

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
 * Free text is scrubbed with the scrubber of the recipient's visibility
 * profile (policy_case.c: every structured value it is not shared, names
 * of others[] always), once per (profile, text, marker label).
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

/* The rule for a value at node path of an element with role slot (0 = none); policy_int.h. */
static const struct pol_rule *resolve(const struct pol_rd *r, int path, int role_slot)
{
	const struct policy *p = r->p;
	/* Case-specific rules first, along the whole path: "withhold victim
	 * for an adult-only case" must beat "share victim.full_name". */
	for (int k = r->case_slot ? 0 : 1; k < 2; k++)
		for (int n = path; n >= 0; n = p->paths[n].parent)
			for (int i = role_slot ? 0 : 1; i < 2; i++)
				for (int j = r->purpose ? 0 : 1; j < 2; j++) {
					uint16_t c = p->cells[pol_cell(n, r->agency,
								       j ? 0 : r->purpose,
								       i ? 0 : role_slot,
								       k ? 0 : r->case_slot)];
					if (c)
						return &p->rules[c - 1];
				}
	return NULL;
}

int pol_never_ok(const struct pol_rd *r, int path)
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
	if ((*rule)->action != POL_WITHHOLD && !pol_never_ok(r, path)) {
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

int pol_scrub(struct pol_rd *r, int path, const char *label, const char *ground, const char *s,
	      char **out, unsigned *replaced, int *ns, unsigned *where)
{
	*out = NULL;
	*ns = 0;
	*where = 0;
	struct pol_scrubbed *e = pol_cx_get(r->cx, r->group, s, label);
	if (e == NULL) {
		const scrubber *scr;
		int brc = pol_cx_scrubber(r->cx, r->group, &scr);
		if (brc != MGW_OK)
			return brc; /* MGW_E_TOO_LARGE: the whole share is refused */
		unsigned counts[SCRUB_KIND_COUNT] = {0};
		struct pol_scrubbed n = {.group = r->group, .in = s, .label = label};
		/* the text's other profiles reuse what reads only the text */
		struct scrub_memo *memo = pol_cx_memo(r->cx, s);
		if (memo == NULL)
			return MGW_E_NOMEM;
		int rc = r->cx->g[r->group].blind /* her places did not fit the scrubber */
			 ? MGW_E_TOO_LARGE
			 : scrub_text_memo(scr, memo, s, strlen(s), label,
					   (1u << SCRUB_KIND_COUNT) - 1u, &n.out, counts,
					   r->explain ? &n.f : NULL, r->explain ? &n.nf : NULL);
		if (rc == MGW_E_NOMEM)
			return rc;
		if (rc != MGW_OK) { /* the scrubber could not handle it: withheld */
			free(n.out);
			free(n.f);
			n.out = NULL;
			n.f = NULL;
			n.nf = 0;
		}
		for (int k = 0; k < SCRUB_KIND_COUNT; k++) {
			n.replaced += counts[k];
			if (scrub_kind_s38((enum scrub_kind)k))
				n.where += counts[k];
		}
		if ((rc = pol_cx_put(r->cx, &n)) != MGW_OK)
			return rc;
		e = pol_cx_get(r->cx, r->group, s, label);
	}
	if (e->out && !e->ns_done) { /* once for every agency of the profile */
		int err;
		uint32_t m = pol_ns_mask(r->cx, e->out, &err);
		if (err)
			return err;
		e->ns_hit = m;
		e->ns_done = 1;
	}
	if (e->out && (e->ns_hit >> r->agency & 1)) {
		*ns = 1;
		return MGW_OK;
	}
	*replaced += e->replaced;
	*where = e->where;
	for (size_t i = 0; r->explain && i < e->nf; i++) {
		const struct scrub_finding *f = &e->f[i];
		/* her whereabouts and safe times are withheld under s38 (health and
		 * safety), as their markers say, whatever the field's own ground */
		int rc = pol_finding(r, path, POL_SCRUB, scrub_kind_name((enum scrub_kind)f->kind),
				     f->rule ? f->rule : "scrubber", 0,
				     scrub_kind_s38(f->kind) ? "foia-s38" : ground,
				     f->start, f->end);
		if (rc)
			return rc;
	}
	if (e->out && (*out = codec_strdup(e->out)) == NULL)
		return MGW_E_NOMEM;
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

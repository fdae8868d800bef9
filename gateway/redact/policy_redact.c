/*
 * policy_redact.c: one CaseSummary to one recipient's view and manifest.
 *
 * The walk follows the path table (policy_int.h), not the input: every
 * field of the schema is visited, each present leaf value gets the action
 * pol_decide() names (policy_value.c) and is shared, withheld, masked or
 * scrubbed into a new message built with the codec allocator. Sub-messages
 * and repeated elements left empty are dropped, so a recipient does not see
 * the shape of what it may not see. The manifest counts values per (path,
 * action, ground) and is sorted before it is returned.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codec.h"
#include "failsafe.h"
#include "mgw_err.h"
#include "mgw_limits.h"
#include "policy_int.h"
#include "scrub.h"

static int man_add(struct pol_rd *r, int path, int action, const char *ground, unsigned count)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->m[i].path == path && r->m[i].action == action &&
		    strcmp(r->m[i].ground, ground) == 0) {
			r->m[i].count += count;
			return MGW_OK;
		}
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 32;
		struct pol_ment *m = realloc(r->m, cap * sizeof *m);
		if (m == NULL)
			return MGW_E_NOMEM;
		r->m = m;
		r->cap = cap;
	}
	r->m[r->n++] = (struct pol_ment){path, action, ground, count};
	return MGW_OK;
}

/* ---- leaves --------------------------------------------------------------- */

static size_t elem_size(const ProtobufCFieldDescriptor *f)
{
	switch (f->type) {
	case PROTOBUF_C_TYPE_INT64:
	case PROTOBUF_C_TYPE_SINT64:
	case PROTOBUF_C_TYPE_SFIXED64:
	case PROTOBUF_C_TYPE_UINT64:
	case PROTOBUF_C_TYPE_FIXED64:
	case PROTOBUF_C_TYPE_DOUBLE: return 8;
	case PROTOBUF_C_TYPE_BOOL: return sizeof(protobuf_c_boolean);
	case PROTOBUF_C_TYPE_STRING:
	case PROTOBUF_C_TYPE_MESSAGE: return sizeof(void *);
	case PROTOBUF_C_TYPE_BYTES: return sizeof(ProtobufCBinaryData);
	default: return 4;
	}
}

/*
 * Does s hold a character that makes a reader see its text in another order
 * than it is stored (U+202A-U+202E embeddings and overrides, U+2066-U+2069
 * isolates, U+200F and U+061C right-to-left marks)? "<U+202E>321009 00770"
 * shows her phone, and nothing that reads the stored order finds it. Case
 * notes in English have no use for them: such a value is withheld whole.
 */
static int bidi_reorders(const char *s)
{
	/* all are three bytes (E2 80 AA-AE, E2 81 A6-A9, E2 80 8F) but U+061C (D8 9C) */
	for (const char *q = s; (q = strpbrk(q, "\xe2\xd8")) != NULL; q++) {
		const unsigned char *u = (const unsigned char *)q;
		if ((u[0] == 0xE2 && u[1] == 0x80 && ((u[2] >= 0xAA && u[2] <= 0xAE) || u[2] == 0x8F)) ||
		    (u[0] == 0xE2 && u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9) ||
		    (u[0] == 0xD8 && u[1] == 0x9C))
			return 1;
	}
	return 0;
}

/* What happened to one string value: for the manifest and --explain. */
struct outcome {
	int action;
	const char *ground, *why;
	int line;
};

/*
 * A named place (a child's school, a GP practice) is a name; a referrer who
 * types a note into the field ("<School> - mum now living in <Town>") has
 * put a statement of her whereabouts in it, which the class check's letters
 * and punctuation let through. For a recipient not entitled to where she
 * is, the fail-safe's rules (failsafe.h, without the unit model: a name
 * alone is no statement) read the value as text; a residence, safe contact
 * or routine found withholds the value. 1 found, 0 none, <0 no memory.
 */
static int place_says_where(const struct pol_rd *r, const char *s)
{
	if (pol_knows_where_she_is(r))
		return 0;
	struct spans sv = {0};
	int rc = failsafe_scan(s, strlen(s), &sv);
	int hit = rc < 0 ? rc : sv.n > 0;
	spans_free(&sv);
	return hit;
}

/*
 * A reference a sender built from where she is ("MARAC-2026-0412-REFUGE-
 * LEEDS-LS7", "MARAC-<TOWN>-WN5-0412"): the reference grammar's letters
 * and digits let any word through. For a recipient not entitled to where
 * she is, a reference with a word of a refuge's own ("refuge",
 * "safehouse") or a postcode district ("WN5", "LS7") among its parts
 * (split at anything not a letter or digit) says where she is: withheld.
 * 1 found, 0 none.
 */
static int ref_says_refuge(const struct pol_rd *r, const char *s)
{
	static const char *const W[] = {"refuge", "refuges", "safehouse", NULL};
	if (pol_knows_where_she_is(r))
		return 0;
	for (const char *p = s; *p;) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		const char *a = p;
		char w[8];
		size_t n = 0;
		for (; isalnum((unsigned char)*p); p++, n++)
			if (n < sizeof w)
				w[n] = (char)tolower((unsigned char)*p);
		if (n <= sizeof w && failsafe_postcode_district(w, n))
			return 1;
		for (const char *q = a; q < p;) { /* its runs of letters: "0412REFUGE" */
			while (q < p && !isalpha((unsigned char)*q))
				q++;
			const char *b = q;
			while (q < p && isalpha((unsigned char)*q))
				q++;
			for (size_t k = 0; W[k]; k++)
				if ((size_t)(q - b) == strlen(W[k]) &&
				    strncasecmp(b, W[k], (size_t)(q - b)) == 0)
					return 1;
		}
	}
	return 0;
}

/*
 * One string value s of leaf node under action (the rule's, never
 * WITHHOLD): checked against the never-share values and its class first,
 * then shared, masked or scrubbed. Free text is scrubbed whatever the
 * action, and withheld whole if a never-share value survived the scrubber.
 * Returns 1 with *o (codec_malloc'd) kept, 0 dropped (*oc says why), <0.
 */
static int put_string(struct pol_rd *r, int node, int action, const struct pol_rule *rule,
		      const char *ground, const char *s, char **o, struct outcome *oc,
		      unsigned *replaced)
{
	const struct policy *p = r->p;
	const struct pol_path *pn = &p->paths[node];
	/* pol_ns_leaf: 1 an address line, 2 an address's postcode, 0 anything else */
	int in_addr = p->paths[pn->parent].msg == &marac__v1__address__descriptor;
	if (in_addr && pn->grammar == POL_G_POSTCODE)
		in_addr = 2;
	int hit;
	*o = NULL;
	*oc = (struct outcome){action, ground, "rule", rule ? rule->line : 0};
	if (bidi_reorders(s)) {
		*oc = (struct outcome){POL_WITHHOLD, POL_GROUND_INVALID, "bidi control", 0};
		return 0;
	}
	if (pn->cls != POL_C_TEXT) {
		/* never-share first: the manifest then says why it matters */
		if ((hit = pol_ns_leaf(r->cx, r->agency, s, in_addr)) != 0) {
			*oc = (struct outcome){POL_WITHHOLD, POL_GROUND_NEVER_SHARE,
					       "never-share value", 0};
			return hit < 0 ? hit : 0;
		}
		if (!pol_value_ok(p, node, s)) {
			*oc = (struct outcome){POL_WITHHOLD, POL_GROUND_INVALID, "class check",
					       pn->cls_line};
			return 0;
		}
		if ((pn->grammar == POL_G_CASE_REF || pn->grammar == POL_G_CRIME_REF) &&
		    ref_says_refuge(r, s)) {
			*oc = (struct outcome){POL_WITHHOLD, POL_GROUND_NEVER_SHARE,
					       "whereabouts in a reference", 0};
			return 0;
		}
		if (pn->cls == POL_C_PLACE && (hit = place_says_where(r, s)) != 0) {
			*oc = (struct outcome){POL_WITHHOLD, POL_GROUND_NEVER_SHARE,
					       "whereabouts in a place field", 0};
			return hit < 0 ? hit : 0;
		}
		if (action == POL_SHARE) {
			*o = codec_strdup(s);
			return *o ? 1 : MGW_E_NOMEM;
		}
		if (action == POL_MASK) {
			*o = pol_mask(pn->mask, s);
			oc->action = *o ? POL_MASK : POL_WITHHOLD; /* cannot be masked: withheld */
			return *o != NULL;
		}
	}
	/* free text: scrubbed for every recipient, under a share rule too */
	const char *label = action == POL_SCRUB && rule ? rule->label : "s40(2)";
	unsigned rep = 0, where = 0;
	int rc = pol_scrub(r, node, label, ground, s, o, &rep, &hit, &where);
	oc->action = POL_SCRUB;
	if (rc)
		return rc;
	if (hit) /* a never-share value survived the scrubber: the whole text goes */
		*oc = (struct outcome){POL_WITHHOLD, POL_GROUND_NEVER_SHARE, "never-share value", 0};
	else if (*o == NULL)
		oc->action = POL_WITHHOLD;
	else if (where && strcmp(pn->field->name, "agency_name") == 0) {
		/* an organisation named with where she is ("<County> Women's
		 * Aid - <Refuge>"): the rest is who runs it, so where it is */
		codec_mfree(*o);
		*o = NULL;
		*oc = (struct outcome){POL_WITHHOLD, POL_GROUND_NEVER_SHARE,
				       "whereabouts in an agency's name", 0};
	}
	if (*o == NULL)
		return 0;
	*replaced += rep;
	return 1;
}

static int is_default(const ProtobufCFieldDescriptor *f, const void *v)
{
	static const unsigned char zero[16];
	if (f->type == PROTOBUF_C_TYPE_STRING) {
		const char *s = *(char *const *)v;
		return s == NULL || s[0] == 0;
	}
	if (f->type == PROTOBUF_C_TYPE_BYTES)
		return ((const ProtobufCBinaryData *)v)->len == 0;
	return memcmp(v, zero, elem_size(f)) == 0;
}

/* A non-string value shared: copied (bytes deep). 1, or MGW_E_NOMEM. */
static int copy_value(const ProtobufCFieldDescriptor *f, const void *src, void *dst)
{
	if (f->type == PROTOBUF_C_TYPE_BYTES) {
		const ProtobufCBinaryData *b = src;
		ProtobufCBinaryData *d = dst;
		if ((d->data = codec_malloc(b->len ? b->len : 1)) == NULL)
			return MGW_E_NOMEM;
		memcpy(d->data, b->data, b->len);
		d->len = b->len;
		return 1;
	}
	memcpy(dst, src, elem_size(f));
	return 1;
}

/*
 * 1 if the n elements of a repeated field, read one after the other, hold a
 * never-share value the recipient may not have that no element holds alone
 * (each element is checked by put_string), 0 if not, <0 on no memory.
 */
static int split_never_share(struct pol_rd *r, const char *const *v, size_t n)
{
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += (v[i] ? strlen(v[i]) : 0) + 1;
	char *all = malloc(len), *o = all;
	if (all == NULL)
		return MGW_E_NOMEM;
	for (size_t i = 0; i < n; i++) {
		size_t l = v[i] ? strlen(v[i]) : 0;
		memcpy(o, v[i] ? v[i] : "", l);
		o += l;
		*o++ = ' ';
	}
	*o = 0;
	int hit = pol_ns_leaf(r->cx, r->agency, all, 0);
	free(all);
	return hit;
}

/* One leaf field. Returns 1 if something was written into out, 0 if not, <0 error. */
static int leaf(struct pol_rd *r, const ProtobufCMessage *in, ProtobufCMessage *out, int node,
		int role_slot)
{
	const struct pol_path *pn = &r->p->paths[node];
	const ProtobufCFieldDescriptor *f = pn->field;
	const char *ib = (const char *)in;
	char *ob = (char *)out;
	int rep = f->label == PROTOBUF_C_LABEL_REPEATED;
	size_t n = rep ? *(const size_t *)(ib + f->quantifier_offset) : 1;
	const char *vals = rep ? *(const char *const *)(ib + f->offset) : ib + f->offset;
	size_t es = elem_size(f);
	int str = f->type == PROTOBUF_C_TYPE_STRING;
	if (rep && (n == 0 || vals == NULL))
		return 0;
	if (!rep && is_default(f, vals))
		return 0;
	const struct pol_rule *rule;
	const char *ground;
	int action = pol_decide(r, node, role_slot, &rule, &ground);
	const char *why = rule == NULL ? "default deny"
			  : strcmp(ground, POL_GROUND_NEVER_SHARE) == 0 ? "never-share path"
									 : "rule";
	if (action != POL_WITHHOLD && r->ns_block) { /* an address that is never-share data */
		action = POL_WITHHOLD;
		ground = POL_GROUND_NEVER_SHARE;
		why = "never-share value";
	}
	if ((action == POL_MASK && pn->mask == POL_MASK_NONE) ||
	    (action == POL_SCRUB && !pn->text) || (action != POL_SHARE && !str))
		action = POL_WITHHOLD; /* the load prevents these */
	if (action != POL_WITHHOLD && rep && str && n > 1 && pn->cls != POL_C_TEXT &&
	    r->p->paths[pn->parent].msg != &marac__v1__address__descriptor) { /* (pol_ns_address) */
		/* a value split over the elements ("Hidden", "Lane" as two aliases) */
		int hit = split_never_share(r, (const char *const *)vals, n);
		if (hit < 0)
			return hit;
		if (hit) {
			action = POL_WITHHOLD;
			ground = POL_GROUND_NEVER_SHARE;
			why = "never-share value";
		}
	}
	if (action == POL_WITHHOLD) {
		for (size_t i = 0; r->explain && i < n; i++) {
			r->idx[pn->depth] = i;
			int rc = pol_finding(r, node, POL_WITHHOLD, pol_class_name(pn), why,
					     rule ? rule->line : 0, ground, 0, 0);
			if (rc)
				return rc;
		}
		return man_add(r, node, POL_WITHHOLD, ground, (unsigned)n);
	}
	char *dst = rep ? codec_malloc(n * es) : ob + f->offset;
	if (dst == NULL)
		return MGW_E_NOMEM;
	size_t kept = 0;
	unsigned replaced = 0;
	int rc = MGW_OK, kept_action = action;
	for (size_t i = 0; i < n && rc == MGW_OK; i++) {
		struct outcome oc = {action, ground, why, rule ? rule->line : 0};
		r->idx[pn->depth] = i;
		if (!str) {
			rc = copy_value(f, vals + i * es, dst + kept * es);
		} else {
			const char *s = *(char *const *)(vals + i * es);
			char *o = NULL;
			if (s == NULL)
				continue; /* hand-built messages may hold NULL strings */
			rc = put_string(r, node, action, rule, ground, s, &o, &oc, &replaced);
			if (rc > 0)
				*(char **)(dst + kept * es) = o;
		}
		if (rc < 0)
			break;
		if (rc == 0 && (rc = man_add(r, node, POL_WITHHOLD, oc.ground, 1)) != MGW_OK)
			break;
		if (oc.action != POL_WITHHOLD) /* SCRUB for free text under a share rule */
			kept_action = oc.action;
		kept += oc.action != POL_WITHHOLD;
		if (r->explain &&
		    (rc = pol_finding(r, node, oc.action, pol_class_name(pn), oc.why, oc.line,
				      oc.ground, 0, 0)) != MGW_OK)
			break;
		rc = MGW_OK;
	}
	if (rep && kept == 0) {
		codec_mfree(dst);
	} else if (rep) {
		*(size_t *)(ob + f->quantifier_offset) = kept;
		*(char **)(ob + f->offset) = dst; /* owned by out even when rc < 0 */
	}
	if (rc == MGW_OK && kept)
		rc = man_add(r, node, kept_action, ground,
			     kept_action == POL_SCRUB ? replaced : (unsigned)kept);
	return rc < 0 ? rc : kept > 0;
}

/* ---- messages ------------------------------------------------------------- */

static int message(struct pol_rd *r, const ProtobufCMessage *in, ProtobufCMessage *out, int node,
		   int role_slot);

/*
 * issue 9: an address that names a refuge, a shelter or a safe house
 * ("Ashgrove refuge, Bury", "Refuge, c/o <provider>", "Women's Aid safe
 * house") says where she is, whoever it is given for (a child's, another
 * adult's living there), even when it is not the case's refuge address
 * written another way (pol_ns_address): it is never-share data for an
 * agency the policy does not let know where she is. So does one that says
 * she is placed or put up there (names_a_placement: a room, care of
 * someone). A perpetrator's address is his own.
 */
/*
 * A line that says she is placed or put up somewhere, not at a home of her
 * own: a room in a communal house ("Room 3, <Name>", "RM 6": a refuge, a
 * hostel, temporary accommodation), care of someone ("c/o her aunt, ...",
 * "care of ..."), or a house called by what a refuge is ("The Haven", "THE
 * SANCTUARY": the usual names of refuges; with "the", so a town's "... Haven"
 * is not one).
 */
static int names_a_placement(const char *l)
{
	while (*l == ' ')
		l++;
	size_t room = strncasecmp(l, "room ", 5) == 0 ? 5 : strncasecmp(l, "rm ", 3) == 0 ? 3 : 0;
	if (room && isdigit((unsigned char)l[room]))
		return 1;
	if (strncasecmp(l, "c/o ", 4) == 0 || strncasecmp(l, "care of ", 8) == 0)
		return 1;
	for (const char *q = l; *q; q++) {
		if (q > l && isalnum((unsigned char)q[-1]))
			continue;
		if (strncasecmp(q, "the ", 4) != 0)
			continue;
		const char *w = q + 4;
		size_t n = strncasecmp(w, "haven", 5) == 0       ? 5
			   : strncasecmp(w, "sanctuary", 9) == 0 ? 9
								 : 0;
		if (n && !isalnum((unsigned char)w[n]))
			return 1;
	}
	return 0;
}

static int names_a_refuge(const Marac__V1__Address *a)
{
	static const char *const words[] = {"refuge", "shelter", "safe house", "safehouse",
					    "women's aid", "womens aid", "women\xe2\x80\x99s aid"};
	for (size_t i = 0; i < a->n_lines; i++) {
		const char *l = a->lines[i];
		if (l && names_a_placement(l))
			return 1;
		for (size_t k = 0; l && l[k]; k++) {
			if (k > 0 && isalnum((unsigned char)l[k - 1]))
				continue;
			for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
				size_t n = strlen(words[w]);
				/* "refuges", "shelters" too */
				if (strncasecmp(l + k, words[w], n) == 0 &&
				    (!isalnum((unsigned char)l[k + n]) ||
				     ((l[k + n] == 's' || l[k + n] == 'S') &&
				      !isalnum((unsigned char)l[k + n + 1]))))
					return 1;
			}
		}
	}
	return 0;
}

/* One sub-message (or element) into a new message: *res NULL if nothing of it is shared. */
static int sub(struct pol_rd *r, const ProtobufCMessage *in, int node, int role_slot,
	       ProtobufCMessage **res)
{
	*res = NULL;
	ProtobufCMessage *m = codec_new(r->p->paths[node].msg);
	if (m == NULL)
		return MGW_E_NOMEM;
	int saved = r->ns_block, rc = 0;
	if (!r->ns_block && in->descriptor == &marac__v1__address__descriptor) {
		const Marac__V1__Address *a = (const Marac__V1__Address *)in;
		rc = pol_ns_address(r->cx, r->agency, a);
		/* not his: a refuge, or a place the texts say she is now */
		if (rc == 0 && strncmp(r->p->paths[node].name, "perpetrators", 12) != 0 &&
		    !pol_knows_where_she_is(r))
			rc = names_a_refuge(a) ? 1 : pol_cx_where_address(r->cx, r->group, a);
	}
	if (rc >= 0) {
		r->ns_block = r->ns_block || rc > 0;
		rc = message(r, in, m, node, role_slot);
	}
	r->ns_block = saved;
	if (rc > 0)
		*res = m;
	else
		codec_free(m);
	return rc < 0 ? rc : MGW_OK;
}

static int field_msg(struct pol_rd *r, const ProtobufCMessage *in, ProtobufCMessage *out, int node,
		     int role_slot)
{
	const struct pol_path *pn = &r->p->paths[node];
	const ProtobufCFieldDescriptor *f = pn->field;
	const char *ib = (const char *)in;
	char *ob = (char *)out;
	if (f->label != PROTOBUF_C_LABEL_REPEATED) {
		const ProtobufCMessage *s = *(ProtobufCMessage *const *)(ib + f->offset);
		if (s == NULL)
			return 0;
		ProtobufCMessage *res;
		int rc = sub(r, s, node, role_slot, &res);
		*(ProtobufCMessage **)(ob + f->offset) = res;
		return rc < 0 ? rc : res != NULL;
	}
	size_t n = *(const size_t *)(ib + f->quantifier_offset);
	ProtobufCMessage *const *arr = *(ProtobufCMessage *const *const *)(ib + f->offset);
	if (n == 0 || arr == NULL)
		return 0;
	ProtobufCMessage **dst = codec_malloc(n * sizeof *dst);
	if (dst == NULL)
		return MGW_E_NOMEM;
	*(ProtobufCMessage ***)(ob + f->offset) = dst;
	size_t kept = 0;
	/* others[] elements: role-selected rules apply by the person's role */
	int by_role =
	    pn->parent == 0 && pn->role_scope && pn->msg == &marac__v1__person__descriptor;
	for (size_t i = 0; i < n; i++) {
		if (arr[i] == NULL)
			continue;
		int slot = role_slot;
		r->idx[pn->depth] = i;
		if (by_role) {
			int role = ((const Marac__V1__Person *)arr[i])->role;
			slot = role >= 0 && role + 1 < POL_ROLES ? role + 1 : 0;
		}
		int rc = sub(r, arr[i], node, slot, &dst[kept]);
		*(size_t *)(ob + f->quantifier_offset) = kept + (dst[kept] != NULL);
		if (rc < 0)
			return rc;
		kept += dst[kept] != NULL;
	}
	if (kept == 0) { /* no empty array in the view */
		codec_mfree(dst);
		*(ProtobufCMessage ***)(ob + f->offset) = NULL;
	}
	return kept > 0;
}

static int message(struct pol_rd *r, const ProtobufCMessage *in, ProtobufCMessage *out, int node,
		   int role_slot)
{
	const struct pol_path *pn = &r->p->paths[node];
	if (in->descriptor != pn->msg)
		return MGW_E_INVALID;
	int any = 0;
	for (int i = 0; i < pn->n_children; i++) {
		int c = pn->first_child + i;
		const struct pol_path *cn = &r->p->paths[c];
		int rc;
		if (cn->field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
			continue; /* no oneofs under CaseSummary: never copied if one appears */
		rc =
		    cn->leaf ? leaf(r, in, out, c, role_slot) : field_msg(r, in, out, c, role_slot);
		if (rc < 0)
			return rc;
		any |= rc;
	}
	return any;
}

/* ---- the manifest and the entry point --------------------------------------- */

static int ment_before(const struct policy *p, const struct pol_ment *a, const struct pol_ment *b)
{
	int c = strcmp(p->paths[a->path].name, p->paths[b->path].name);
	if (c == 0)
		c = a->action - b->action;
	if (c == 0)
		c = strcmp(a->ground, b->ground);
	return c < 0;
}

/* Insertion sort by path, action, ground: manifests are short, and it needs no global. */
static void sort_manifest(struct pol_rd *r)
{
	for (size_t i = 1; i < r->n; i++) {
		struct pol_ment t = r->m[i];
		size_t j = i;
		for (; j > 0 && ment_before(r->p, &t, &r->m[j - 1]); j--)
			r->m[j] = r->m[j - 1];
		r->m[j] = t;
	}
}

static int build_manifest(struct pol_rd *r, Marac__V1__RedactionEntry ***out, size_t *n_out)
{
	sort_manifest(r);
	Marac__V1__RedactionEntry **m = calloc(r->n ? r->n : 1, sizeof *m);
	if (m == NULL)
		return MGW_E_NOMEM;
	size_t k = 0;
	for (; k < r->n; k++) {
		Marac__V1__RedactionEntry *e =
		    (Marac__V1__RedactionEntry *)codec_new(&marac__v1__redaction_entry__descriptor);
		if (e == NULL)
			goto fail;
		m[k] = e;
		e->path = codec_strdup(r->p->paths[r->m[k].path].name);
		e->ground = codec_strdup(r->m[k].ground);
		e->action = r->m[k].action;
		e->count = r->m[k].count;
		if (e->path == NULL || e->ground == NULL)
			goto fail;
	}
	*out = m;
	*n_out = r->n;
	return MGW_OK;
fail:
	policy_manifest_free(m, r->n); /* calloc'd: the entries not made yet are NULL */
	return MGW_E_NOMEM;
}

int pol_finding(struct pol_rd *r, int path, int action, const char *kind, const char *rule,
		int line, const char *ground, size_t start, size_t end)
{
	if (r->nf == r->fcap) {
		size_t cap = r->fcap ? r->fcap * 2 : 64;
		struct policy_finding *f = realloc(r->f, cap * sizeof *f);
		if (f == NULL)
			return MGW_E_NOMEM;
		r->f = f;
		r->fcap = cap;
	}
	struct policy_finding *f = &r->f[r->nf++];
	*f = (struct policy_finding){.action = action, .kind = kind, .rule = rule, .line = line,
				     .ground = ground, .start = start, .end = end};
	int chain[POL_MAX_DEPTH + 1], k = 0;
	for (int n = path; n > 0 && k <= POL_MAX_DEPTH; n = r->p->paths[n].parent)
		chain[k++] = n;
	size_t o = 0, cap = sizeof f->path;
	while (k-- > 0 && o < cap) {
		const struct pol_path *pn = &r->p->paths[chain[k]];
		int w = snprintf(f->path + o, cap - o, "%s%s", o ? "." : "", pn->field->name);
		o += w > 0 ? (size_t)w : 0;
		if (pn->field->label == PROTOBUF_C_LABEL_REPEATED && o < cap) {
			w = snprintf(f->path + o, cap - o, "[%zu]", r->idx[pn->depth]);
			o += w > 0 ? (size_t)w : 0;
		}
	}
	return MGW_OK;
}

static int args_ok(const policy *p, const Marac__V1__CaseSummary *in, int agency, int purpose)
{
	return p != NULL && in != NULL && agency > 0 && agency < POL_AGENCIES && purpose >= 0 &&
	       purpose < POL_PURPOSES;
}

/* One recipient's view, manifest and (when explain) findings, in the share's context. */
static int redact_one(struct pol_cx *cx, int agency, int explain, Marac__V1__CaseSummary **view,
		      Marac__V1__RedactionEntry ***manifest, size_t *n_manifest,
		      struct policy_finding **findings, size_t *n_findings)
{
	struct pol_rd r = {.p = cx->p, .in = cx->in, .agency = agency, .purpose = cx->purpose,
			   .cx = cx, .explain = explain,
			   .case_slot = pol_case_slot(cx->in)};
	ProtobufCMessage *out = NULL;
	int rc = pol_cx_group(cx, agency);
	if (rc < 0)
		goto fail;
	r.group = rc;
	rc = MGW_E_NOMEM;
	if ((out = codec_new(&marac__v1__case_summary__descriptor)) == NULL)
		goto fail;
	rc = message(&r, &cx->in->base, out, 0, 0);
	if (rc < 0)
		goto fail;
	if ((rc = build_manifest(&r, manifest, n_manifest)) != MGW_OK)
		goto fail;
	*view = (Marac__V1__CaseSummary *)out;
	free(r.m);
	if (findings) {
		*findings = r.f;
		*n_findings = r.nf;
	} else {
		free(r.f);
	}
	return MGW_OK;
fail:
	codec_free(out);
	free(r.m);
	free(r.f);
	return rc;
}

int policy_redact_many(const policy *p, const Marac__V1__CaseSummary *in, const int *agencies,
		       size_t n, int purpose, Marac__V1__CaseSummary **views,
		       Marac__V1__RedactionEntry ***manifests, size_t *n_manifests)
{
	struct pol_cx cx;
	size_t done = 0;
	int rc = MGW_E_INVALID;
	for (size_t i = 0; i < n && i < MGW_MAX_RECIPIENT_NODES; i++) {
		views[i] = NULL;
		manifests[i] = NULL;
		n_manifests[i] = 0;
	}
	if (n == 0 || n > MGW_MAX_RECIPIENT_NODES)
		return MGW_E_INVALID;
	for (size_t i = 0; i < n; i++)
		if (!args_ok(p, in, agencies[i], purpose))
			return MGW_E_INVALID;
	if ((rc = pol_cx_init(&cx, p, in, purpose)) != MGW_OK)
		goto fail;
	for (; done < n; done++)
		if ((rc = redact_one(&cx, agencies[done], 0, &views[done], &manifests[done],
				     &n_manifests[done], NULL, NULL)) != MGW_OK)
			goto fail;
	pol_cx_free(&cx);
	return MGW_OK;
fail:
	for (size_t i = 0; i < done; i++) {
		codec_free(&views[i]->base);
		policy_manifest_free(manifests[i], n_manifests[i]);
		views[i] = NULL;
		manifests[i] = NULL;
		n_manifests[i] = 0;
	}
	pol_cx_free(&cx);
	return rc;
}

int policy_redact(const policy *p, const Marac__V1__CaseSummary *in, int recipient_agency,
		  int purpose, Marac__V1__CaseSummary **view, Marac__V1__RedactionEntry ***manifest,
		  size_t *n_manifest)
{
	return policy_redact_many(p, in, &recipient_agency, 1, purpose, view, manifest,
				  n_manifest);
}

int policy_redact_explain(const policy *p, const Marac__V1__CaseSummary *in, int recipient_agency,
			  int purpose, Marac__V1__CaseSummary **view,
			  Marac__V1__RedactionEntry ***manifest, size_t *n_manifest,
			  struct policy_finding **findings, size_t *n_findings)
{
	struct pol_cx cx;
	*view = NULL;
	*manifest = NULL;
	*n_manifest = 0;
	*findings = NULL;
	*n_findings = 0;
	if (!args_ok(p, in, recipient_agency, purpose))
		return MGW_E_INVALID;
	int rc = pol_cx_init(&cx, p, in, purpose);
	if (rc == MGW_OK)
		rc = redact_one(&cx, recipient_agency, 1, view, manifest, n_manifest, findings,
				n_findings);
	pol_cx_free(&cx);
	return rc;
}

int policy_case_ref_ok(const char *s)
{
	return s != NULL && pol_ref_ok(s);
}

void policy_manifest_free(Marac__V1__RedactionEntry **m, size_t n)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		codec_free(m[i] ? &m[i]->base : NULL);
	free(m);
}

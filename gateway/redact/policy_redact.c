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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "mgw_err.h"
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

/* Copy (or transform) one value of leaf f from src to dst; 1 done, 0 dropped, <0 error. */
static int put_value(struct pol_rd *r, const ProtobufCFieldDescriptor *f, int action,
		     const struct pol_rule *rule, enum pol_mask mask, const void *src, void *dst,
		     unsigned *replaced)
{
	if (f->type == PROTOBUF_C_TYPE_STRING) {
		const char *s = *(char *const *)src;
		char *o = NULL;
		if (s == NULL)
			return 0; /* hand-built messages may hold NULL strings: nothing to copy */
		if (action == POL_SHARE) {
			o = codec_strdup(s);
			if (o == NULL)
				return MGW_E_NOMEM;
		} else if (action == POL_MASK) {
			o = pol_mask(mask, s);
		} else {
			int rc = pol_scrub(r, rule, s, &o, replaced);
			if (rc)
				return rc;
		}
		if (o != NULL)
			*(char **)dst = o; /* a dropped singular keeps its default "" */
		return o != NULL;
	}
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
	if (rep && (n == 0 || vals == NULL))
		return 0;
	if (!rep && is_default(f, vals))
		return 0;
	const struct pol_rule *rule;
	const char *ground;
	int action = pol_decide(r, node, role_slot, &rule, &ground);
	if (action == POL_WITHHOLD)
		return man_add(r, node, POL_WITHHOLD, ground, (unsigned)n);
	if ((action == POL_MASK && pn->mask == POL_MASK_NONE) || (action == POL_SCRUB && !pn->text))
		return man_add(r, node, POL_WITHHOLD, ground, (unsigned)n); /* load prevents it */
	char *dst = rep ? codec_malloc(n * es) : ob + f->offset;
	if (dst == NULL)
		return MGW_E_NOMEM;
	size_t kept = 0;
	unsigned replaced = 0;
	int rc = MGW_OK;
	for (size_t i = 0; i < n; i++) {
		rc = put_value(r, f, action, rule, pn->mask, vals + i * es, dst + kept * es,
			       &replaced);
		if (rc < 0)
			break;
		kept += (size_t)rc;
		rc = MGW_OK;
	}
	if (rep && kept == 0) {
		codec_mfree(dst);
	} else if (rep) {
		*(size_t *)(ob + f->quantifier_offset) = kept;
		*(char **)(ob + f->offset) = dst; /* owned by out even when rc < 0 */
	}
	if (rc == MGW_OK && kept)
		rc = man_add(r, node, action, ground,
			     action == POL_SCRUB ? replaced : (unsigned)kept);
	if (rc == MGW_OK && kept < n)
		rc = man_add(r, node, POL_WITHHOLD, ground, (unsigned)(n - kept));
	return rc < 0 ? rc : kept > 0;
}

/* ---- messages ------------------------------------------------------------- */

static int message(struct pol_rd *r, const ProtobufCMessage *in, ProtobufCMessage *out, int node,
		   int role_slot);

/* One sub-message (or element) into a new message: *res NULL if nothing of it is shared. */
static int sub(struct pol_rd *r, const ProtobufCMessage *in, int node, int role_slot,
	       ProtobufCMessage **res)
{
	*res = NULL;
	ProtobufCMessage *m = codec_new(r->p->paths[node].msg);
	if (m == NULL)
		return MGW_E_NOMEM;
	int rc = message(r, in, m, node, role_slot);
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

int policy_redact(const policy *p, const Marac__V1__CaseSummary *in, int recipient_agency,
		  int purpose, Marac__V1__CaseSummary **view, Marac__V1__RedactionEntry ***manifest,
		  size_t *n_manifest)
{
	struct pol_rd r = {.p = p, .in = in, .agency = recipient_agency, .purpose = purpose};
	ProtobufCMessage *out = NULL;
	int rc = MGW_E_INVALID;
	*view = NULL;
	*manifest = NULL;
	*n_manifest = 0;
	if (p == NULL || in == NULL || recipient_agency <= 0 || recipient_agency >= POL_AGENCIES ||
	    purpose < 0 || purpose >= POL_PURPOSES)
		goto fail;
	rc = MGW_E_NOMEM;
	if ((out = codec_new(&marac__v1__case_summary__descriptor)) == NULL)
		goto fail;
	rc = message(&r, &in->base, out, 0, 0);
	if (rc < 0)
		goto fail;
	if ((rc = build_manifest(&r, manifest, n_manifest)) != MGW_OK)
		goto fail;
	*view = (Marac__V1__CaseSummary *)out;
	scrubber_free(r.scr);
	free(r.m);
	return MGW_OK;
fail:
	codec_free(out);
	scrubber_free(r.scr);
	free(r.m);
	return rc;
}

void policy_manifest_free(Marac__V1__RedactionEntry **m, size_t n)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		codec_free(m[i] ? &m[i]->base : NULL);
	free(m);
}

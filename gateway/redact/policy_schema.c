/*
 * policy_schema.c: what a policy may name. The path table comes from the
 * protobuf-c descriptors (so a schema change cannot leave a path the
 * policy checks and the redactor walks out of step), agencies, purposes and
 * roles from the enums, and grounds from the list below. See policy_int.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "marac/v1/case.pb-c.h"
#include "marac/v1/frame.pb-c.h"
#include "mgw_err.h"
#include "pbjson.h"
#include "policy_int.h"

/* Which leaves a mask can apply to, and how (DOMAIN.md "Redaction"). */
static enum pol_mask mask_kind(const ProtobufCMessageDescriptor *in, const char *field)
{
	if (in == &marac__v1__person__descriptor && strcmp(field, "date_of_birth") == 0)
		return POL_MASK_DOB;
	if (in == &marac__v1__person__descriptor && strcmp(field, "phones") == 0)
		return POL_MASK_PHONE;
	if (in == &marac__v1__address__descriptor && strcmp(field, "postcode") == 0)
		return POL_MASK_POSTCODE;
	return POL_MASK_NONE;
}

/* Children of node parent (a message of type d), then their subtrees. */
static int add_children(struct policy *p, int parent, const ProtobufCMessageDescriptor *d,
			int role_scope)
{
	struct pol_path *pp = &p->paths[parent];
	if (pp->depth >= POL_MAX_DEPTH || p->n_paths + (int)d->n_fields > POL_MAX_PATHS)
		return MGW_E_INVALID;
	pp->first_child = p->n_paths;
	pp->n_children = (int)d->n_fields;
	p->n_paths += (int)d->n_fields;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		int id = pp->first_child + (int)i;
		struct pol_path *c = &p->paths[id];
		char name[POL_PATH_MAX];
		int k;
		if (parent == 0)
			k = snprintf(name, sizeof name, "%s", f->name);
		else
			k = snprintf(name, sizeof name, "%s%s.%s", pp->name,
				     pp->field->label == PROTOBUF_C_LABEL_REPEATED ? "[]" : "",
				     f->name);
		if (k < 0 || (size_t)k >= sizeof name)
			return MGW_E_INVALID;
		memcpy(c->name, name, (size_t)k + 1);
		c->parent = parent;
		c->depth = pp->depth + 1;
		c->field = f;
		c->role_scope = role_scope || (parent == 0 && strcmp(f->name, "others") == 0);
		c->mask = mask_kind(d, f->name);
		if (f->type == PROTOBUF_C_TYPE_MESSAGE) {
			c->msg = f->descriptor;
		} else {
			c->leaf = 1;
			c->text = f->type == PROTOBUF_C_TYPE_STRING;
		}
	}
	for (unsigned i = 0; i < d->n_fields; i++) {
		int id = pp->first_child + (int)i;
		if (p->paths[id].msg) {
			int rc = add_children(p, id, p->paths[id].msg, p->paths[id].role_scope);
			if (rc)
				return rc;
		}
	}
	return MGW_OK;
}

int pol_schema_build(struct policy *p)
{
	memset(p->paths, 0, sizeof p->paths);
	struct pol_path *r = &p->paths[0];
	snprintf(r->name, sizeof r->name, "*");
	r->parent = -1;
	r->msg = &marac__v1__case_summary__descriptor;
	p->n_paths = 1;
	return add_children(p, 0, r->msg, 0);
}

int pol_path_find(const struct policy *p, const char *name)
{
	for (int i = 0; i < p->n_paths; i++)
		if (strcmp(p->paths[i].name, name) == 0)
			return i;
	return -1;
}

int pol_path_covers(const struct policy *p, int a, int b)
{
	for (; b >= 0; b = p->paths[b].parent)
		if (b == a)
			return 1;
	return 0;
}

int pol_path_parse(const struct policy *p, const char *text, char *why, size_t n)
{
	if (strcmp(text, "*") == 0)
		return 0;
	if (text[0] == 0) {
		snprintf(why, n, "empty path");
		return -1;
	}
	int node = 0;
	const char *s = text;
	for (;;) {
		const char *dot = strchr(s, '.');
		size_t len = dot ? (size_t)(dot - s) : strlen(s);
		int brackets = len >= 2 && s[len - 2] == '[' && s[len - 1] == ']';
		size_t nlen = brackets ? len - 2 : len;
		char seg[POL_PATH_MAX];
		if (nlen == 0 || nlen >= sizeof seg) {
			snprintf(why, n, "empty or overlong field name in path \"%s\"", text);
			return -1;
		}
		memcpy(seg, s, nlen);
		seg[nlen] = 0;
		const struct pol_path *pn = &p->paths[node];
		if (pn->msg == NULL) {
			snprintf(why, n, "\"%s\" has no fields: path \"%s\"", pn->name, text);
			return -1;
		}
		int child = -1;
		for (int i = 0; i < pn->n_children; i++)
			if (strcmp(p->paths[pn->first_child + i].field->name, seg) == 0)
				child = pn->first_child + i;
		if (child < 0) {
			snprintf(why, n, "unknown field \"%s\" in path \"%s\"", seg, text);
			return -1;
		}
		const struct pol_path *c = &p->paths[child];
		int repeated = c->field->label == PROTOBUF_C_LABEL_REPEATED;
		if (brackets && !(repeated && c->msg)) {
			snprintf(why, n,
				 "\"%s\" is not a repeated message: drop \"[]\" in path \"%s\"",
				 seg, text);
			return -1;
		}
		if (dot == NULL) {
			if (brackets) {
				snprintf(why, n, "path \"%s\" ends in \"[]\": write \"%.*s\"", text,
					 (int)(s + nlen - text), text);
				return -1;
			}
			return child;
		}
		if (repeated && c->msg && !brackets) {
			snprintf(why, n, "\"%s\" is repeated: write \"%s[]\" in path \"%s\"", seg,
				 seg, text);
			return -1;
		}
		node = child;
		s = dot + 1;
	}
}

int pol_enum_value(const ProtobufCEnumDescriptor *d, const char *name, int allow_zero)
{
	char buf[64];
	for (unsigned i = 0; i < d->n_values; i++) {
		int v = d->values[i].value;
		if (v == 0 && !allow_zero)
			continue;
		if (pbjson_enum_short_name(d, v, buf, sizeof buf) && strcmp(buf, name) == 0)
			return v;
	}
	return -1;
}

const char *pol_enum_name(const ProtobufCEnumDescriptor *d, int value, char *buf, size_t n)
{
	const char *s = pbjson_enum_short_name(d, value, buf, n);
	if (s == NULL)
		snprintf(buf, n, "?");
	return buf;
}

int pol_action_value(const char *name)
{
	static const struct {
		const char *name;
		int value;
	} a[] = {
	    {"share", POL_SHARE},
	    {"withhold", POL_WITHHOLD},
	    {"mask", POL_MASK},
	    {"scrub", POL_SCRUB},
	};
	for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
		if (strcmp(a[i].name, name) == 0)
			return a[i].value;
	return -1;
}

/*
 * The grounds (DOMAIN.md "Sharing rules"). FOIA exemptions justify holding
 * something back, never sharing it; the DPA 2018 conditions justify sharing,
 * never withholding. need-to-know and ISP clauses may do either.
 */
enum { G_ANY, G_LIMIT, G_SHARE };
static const struct {
	const char *ground, *label;
	int use;
} grounds[] = {
    {"foia-s40-2", "s40(2)", G_LIMIT},
    {"foia-s31", "s31", G_LIMIT},
    {"foia-s38", "s38", G_LIMIT},
    {"foia-s41", "s41", G_LIMIT},
    {"dpa-sch1-para18", "Sch 1 para 18", G_SHARE},
    {"dpa-sch8-para4", "Sch 8 para 4", G_SHARE},
    {"need-to-know", "need-to-know", G_ANY},
};

/* isp-<clause>: "isp-4.2", "isp-7.1a": 1..24 of [0-9a-z.], starting with a digit. */
static int isp_clause(const char *g)
{
	if (strncmp(g, "isp-", 4) != 0 || !isdigit((unsigned char)g[4]))
		return 0;
	size_t i = 4;
	for (; g[i]; i++)
		if (!(isdigit((unsigned char)g[i]) || (g[i] >= 'a' && g[i] <= 'z') || g[i] == '.'))
			return 0;
	return i - 4 <= 24 && g[i - 1] != '.';
}

int pol_ground_check(const char *ground, int action, char *label, size_t n, char *why, size_t whyn)
{
	int share = action == POL_SHARE;
	int withhold = action == POL_WITHHOLD;
	for (size_t i = 0; i < sizeof grounds / sizeof grounds[0]; i++) {
		if (strcmp(grounds[i].ground, ground) != 0)
			continue;
		if (share && grounds[i].use == G_LIMIT) {
			snprintf(why, whyn,
				 "ground \"%s\" is an exemption: it can withhold, mask or "
				 "scrub, not share",
				 ground);
			return -1;
		}
		if (withhold && grounds[i].use == G_SHARE) {
			snprintf(why, whyn,
				 "ground \"%s\" is a condition for sharing: it cannot "
				 "withhold",
				 ground);
			return -1;
		}
		snprintf(label, n, "%s", grounds[i].label);
		return 0;
	}
	if (isp_clause(ground)) {
		snprintf(label, n, "ISP %s", ground + 4);
		return 0;
	}
	snprintf(why, whyn,
		 "unknown ground \"%.40s\" (foia-s40-2, foia-s31, foia-s38, foia-s41, "
		 "dpa-sch1-para18, dpa-sch8-para4, need-to-know or isp-<clause>)",
		 ground);
	return -1;
}

/*
 * policy_class.c: the classes: block of a policy and the check of a value
 * against its class (format: policy/README.md "Classes").
 *
 * Default deny for text: every string field of the schema is classified,
 * so that nothing passes verbatim because no rule looked at it. A value that
 * fails its class (a code not in its set, an identifier that does not
 * parse, a "name" holding digits) is withheld whatever the rules say, with
 * ground "invalid-value"; free text is always scrubbed (policy_redact.c).
 *
 * An entry is keyed by a path ("victim.gender") or by message type and
 * field ("Person.gender": every path of that field). A path entry beats a
 * type entry. The load fails on a string field with no class, naming it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canon.h"
#include "ident.h"
#include "mgw_limits.h"
#include "mgw_err.h"
#include "policy_int.h"
#include "policy_yaml.h"
#include "utf8.h"

static const struct {
	const char *name;
	unsigned char cls, grammar;
} classes[] = {
    {"text", POL_C_TEXT, POL_G_NONE},
    {"name", POL_C_NAME, POL_G_NONE},
    {"address", POL_C_ADDRESS, POL_G_NONE},
    {"place", POL_C_PLACE, POL_G_NONE},
    {"phone", POL_C_ID, POL_G_PHONE},
    {"nhs", POL_C_ID, POL_G_NHS},
    {"nino", POL_C_ID, POL_G_NINO},
    {"pnc", POL_C_ID, POL_G_PNC},
    {"crn", POL_C_ID, POL_G_CRN},
    {"postcode", POL_C_ID, POL_G_POSTCODE},
    {"date", POL_C_ID, POL_G_DATE},
    {"email", POL_C_ID, POL_G_EMAIL},
    {"case_ref", POL_C_ID, POL_G_CASE_REF},
    {"crime_ref", POL_C_ID, POL_G_CRIME_REF},
    {"area", POL_C_ID, POL_G_AREA},
};
#define N_CLASSES (sizeof classes / sizeof classes[0])

const char *pol_class_name(const struct pol_path *pn)
{
	if (pn->cls == POL_C_CODE)
		return "code";
	for (size_t i = 0; i < N_CLASSES; i++)
		if (classes[i].cls == pn->cls && classes[i].grammar == pn->grammar)
			return classes[i].name;
	return "value"; /* not a string: an enum, number or bool */
}

/* ---- loading ------------------------------------------------------------------ */

/* One entry as read, before it is applied to the leaves. */
struct cls_entry {
	unsigned char cls, grammar;
	short set;
	int line;
};

/* Entries by message type and field ("Person.gender"). */
struct type_entry {
	const ProtobufCMessageDescriptor *msg;
	const ProtobufCFieldDescriptor *field;
	struct cls_entry e;
};

struct cls_state {
	struct cls_entry by_path[POL_MAX_PATHS]; /* line 0: none */
	struct type_entry types[POL_MAX_PATHS];
	int n_types;
};

static int add_code(struct pol_ld *x, struct pol_set *set, yaml_node_t *v)
{
	const char *s = pol_scalar(v);
	char f[POL_CODE_MAX];
	if (s == NULL)
		return pol_fail(x, v, "a code must be a single value");
	size_t n = canon_value(CANON_TEXT, s, strlen(s), f, sizeof f);
	if (n == (size_t)-1 || n == 0)
		return pol_fail(x, v, "code \"%.40s\": 1 to %d letters, digits and spaces", s,
				POL_CODE_MAX - 1);
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->codes[i], f) == 0)
			return pol_fail(x, v, "code \"%s\" is listed twice (case, spaces and "
					      "punctuation do not count)",
					s);
	if (set->n >= POL_MAX_CODES)
		return pol_fail(x, v, "too many codes in one set (at most %u)", POL_MAX_CODES);
	memcpy(set->codes[set->n++], f, n + 1);
	return MGW_OK;
}

/* {code: [a, b, ...]} into a new set. */
static int read_set(struct pol_ld *x, yaml_node_t *v, struct cls_entry *e)
{
	struct policy *p = x->p;
	if (v->type != YAML_MAPPING_NODE ||
	    v->data.mapping.pairs.top - v->data.mapping.pairs.start != 1)
		return pol_fail(x, v, "a class is a name (text, name, address, place, phone, ...) "
				      "or {code: [...]}");
	yaml_node_pair_t *q = v->data.mapping.pairs.start;
	yaml_node_t *k, *list;
	int rc = pol_take(x, q->key, v, &k);
	if (rc == MGW_OK)
		rc = pol_take(x, q->value, k, &list);
	if (rc)
		return rc;
	if (pol_scalar(k) == NULL || strcmp(pol_scalar(k), "code") != 0)
		return pol_fail(x, k, "unknown key \"%s\" in a class (code)",
				pol_scalar(k) ? pol_scalar(k) : "?");
	if (list->type != YAML_SEQUENCE_NODE)
		return pol_fail(x, list, "\"code\" must be a list of codes");
	if (p->n_sets >= POL_MAX_SETS)
		return pol_fail(x, k, "too many code sets (at most %d)", POL_MAX_SETS);
	struct pol_set *set = &p->sets[p->n_sets];
	size_t n = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
	if ((set->codes = calloc(n ? n : 1, sizeof *set->codes)) == NULL)
		return MGW_E_NOMEM;
	set->n = 0;
	p->n_sets++;
	for (yaml_node_item_t *it = list->data.sequence.items.start;
	     it < list->data.sequence.items.top; it++) {
		yaml_node_t *c;
		if ((rc = pol_take(x, *it, list, &c)) || (rc = add_code(x, set, c)))
			return rc;
	}
	e->cls = POL_C_CODE;
	e->grammar = POL_G_NONE;
	e->set = (short)(p->n_sets - 1);
	return MGW_OK;
}

static int read_class(struct pol_ld *x, yaml_node_t *v, struct cls_entry *e)
{
	const char *s = pol_scalar(v);
	e->line = (int)v->start_mark.line + 1;
	e->set = -1;
	if (s == NULL)
		return read_set(x, v, e);
	for (size_t i = 0; i < N_CLASSES; i++)
		if (strcmp(classes[i].name, s) == 0) {
			e->cls = classes[i].cls;
			e->grammar = classes[i].grammar;
			return MGW_OK;
		}
	return pol_fail(x, v,
			"unknown class \"%.40s\" (text, name, address, place, phone, nhs, nino, "
			"pnc, crn, postcode, date, email, case_ref, crime_ref, area, or {code: "
			"[...]})",
			s);
}

/* The message type named by the first segment of key ("Person"), or NULL. */
static const ProtobufCMessageDescriptor *type_named(const struct policy *p, const char *key,
						    size_t len)
{
	for (int i = 0; i < p->n_paths; i++) {
		const ProtobufCMessageDescriptor *d = p->paths[i].msg;
		if (d && strlen(d->short_name) == len && memcmp(d->short_name, key, len) == 0)
			return d;
	}
	return NULL;
}

static int class_entry(struct pol_ld *x, const char *key, yaml_node_t *k, yaml_node_t *v,
		       void *arg)
{
	struct policy *p = x->p;
	struct cls_state *st = arg;
	struct cls_entry e = {0};
	const char *dot = strchr(key, '.');
	if (dot && isupper((unsigned char)key[0])) {
		const ProtobufCMessageDescriptor *d = type_named(p, key, (size_t)(dot - key));
		if (d == NULL)
			return pol_fail(x, k, "unknown message type \"%.*s\" in \"%s\"",
					(int)(dot - key), key, key);
		const ProtobufCFieldDescriptor *f = protobuf_c_message_descriptor_get_field_by_name(d, dot + 1);
		if (f == NULL)
			return pol_fail(x, k, "%s has no field \"%s\"", d->short_name, dot + 1);
		if (f->type != PROTOBUF_C_TYPE_STRING)
			return pol_fail(x, k, "\"%s\" is not a string field: classes apply to "
					      "string fields",
					key);
		int rc = read_class(x, v, &e);
		if (rc)
			return rc;
		if (st->n_types >= POL_MAX_PATHS) /* keys are unique: cannot happen */
			return pol_fail(x, k, "too many class entries");
		st->types[st->n_types++] = (struct type_entry){d, f, e};
		return MGW_OK;
	}
	char why[256];
	int path = pol_path_parse(p, key, why, sizeof why);
	if (path < 0)
		return pol_fail(x, k, "%s", why);
	if (!p->paths[path].text)
		return pol_fail(x, k, "\"%s\" is not a string field: classes apply to string "
				      "fields",
				p->paths[path].name);
	int rc = read_class(x, v, &e);
	if (rc)
		return rc;
	st->by_path[path] = e;
	return MGW_OK;
}

int pol_classes_load(struct pol_ld *x, yaml_node_t *map, yaml_node_t *at)
{
	struct policy *p = x->p;
	struct cls_state *st = calloc(1, sizeof *st);
	int rc = MGW_E_NOMEM;
	if (st == NULL)
		return rc;
	if (map && !(map->type == YAML_SCALAR_NODE && map->data.scalar.length == 0) &&
	    (rc = pol_each_pair(x, map, "classes", class_entry, st)) != MGW_OK)
		goto done;
	rc = MGW_OK;
	for (int n = 1; n < p->n_paths; n++) {
		struct pol_path *pn = &p->paths[n];
		if (!pn->text)
			continue;
		const struct cls_entry *e = st->by_path[n].line ? &st->by_path[n] : NULL;
		for (int i = 0; e == NULL && i < st->n_types; i++)
			if (st->types[i].field == pn->field &&
			    st->types[i].msg == p->paths[pn->parent].msg)
				e = &st->types[i].e;
		if (e == NULL) {
			rc = pol_fail(x, map ? map : at,
				      "string field \"%s\" has no class: add \"%s\" or \"%s.%s\" "
				      "under classes:",
				      pn->name, pn->name, p->paths[pn->parent].msg->short_name,
				      pn->field->name);
			goto done;
		}
		pn->cls = e->cls;
		pn->grammar = e->grammar;
		pn->set = e->set;
		pn->cls_line = e->line;
	}
done:
	free(st);
	return rc;
}

/* ---- values ------------------------------------------------------------------- */

int pol_ref_ok(const char *s)
{
	/* the one case-reference grammar (proto/README.md): 1 to
	 * MGW_CASE_REF_MAX of A-Z a-z 0-9 - / . _, starting with a letter or
	 * digit; the daemon checks it at the door with policy_case_ref_ok */
	size_t n = strnlen(s, MGW_CASE_REF_MAX + 1);
	if (n == 0 || n > MGW_CASE_REF_MAX || !isalnum((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '/' && s[i] != '-' && s[i] != '.' &&
		    s[i] != '_')
			return 0;
	return 1;
}

/* A crime or incident reference: a case-reference grammar that is not a phone or NHS number. */
static int crime_ref_ok(const char *s)
{
	char e[16], nhs[11];
	size_t n = strlen(s);
	return pol_ref_ok(s) && ident_phone_e164(s, n, e) != 0 && ident_nhs_valid(s, n, nhs) != 0;
}

/* [A-Za-z0-9._-]{1,64}: as the config's area ids. */
static int area_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("._-", s[i]))
			return 0;
	return 1;
}

/* YYYY-MM-DD and a real day: the wire form of every date in the schema. */
static int date_ok(const char *s)
{
	char iso[11];
	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	       ident_date_parse(s, 10, iso) == 0 && memcmp(iso, s, 10) == 0;
}

/* local@domain, ASCII: local 1..64 of A-Z a-z 0-9 . _ % + -; domain labels, 2+ of them,
 * the last of 2+ letters; at most 254 bytes. */
static int email_ok(const char *s)
{
	size_t n = strlen(s);
	const char *at = strchr(s, '@');
	if (n > 254 || at == NULL || at == s || at - s > 64 || strchr(at + 1, '@'))
		return 0;
	for (const char *c = s; c < at; c++)
		if (!isalnum((unsigned char)*c) && !strchr("._%+-", *c))
			return 0;
	size_t labels = 0, len = 0, alpha = 0;
	for (const char *c = at + 1;; c++) {
		if (*c == '.' || *c == 0) {
			if (len == 0)
				return 0;
			labels++;
			if (*c == 0)
				return labels >= 2 && alpha == len && len >= 2;
			len = alpha = 0;
			continue;
		}
		if (!isalnum((unsigned char)*c) && *c != '-')
			return 0;
		len++;
		alpha += isalpha((unsigned char)*c) != 0;
	}
}

/*
 * Characters of a name, address line or place: letters of any script, the
 * punctuation in allow, digits only if digits; at least one letter; at most
 * max_words words and POL_VALUE_MAX bytes. No control characters.
 */
#define POL_VALUE_MAX 120
static int words_ok(const char *s, const char *allow, int digits, int max_words)
{
	size_t n = strlen(s), i = 0;
	int words = 0, in_word = 0, letters = 0;
	if (n == 0 || n > POL_VALUE_MAX)
		return 0;
	while (i < n) {
		struct ident_char c;
		size_t k = ident_char_next(s + i, n - i, &c);
		int word = 0;
		uint32_t cp;
		/* a digit of another script or style ("０７７００", "٠٧٧٠٠") is a
		 * digit, not a letter: no phone passes as a name */
		if (c.cls == IDENT_C_LETTER && k > 1 &&
		    utf8_decode((const unsigned char *)s + i, n - i, &cp) == k && canon_digit(cp) >= 0)
			c.cls = IDENT_C_DIGIT;
		switch (c.cls) {
		case IDENT_C_LETTER: letters++, word = 1; break;
		case IDENT_C_DIGIT:
			if (!digits)
				return 0;
			word = 1;
			break;
		case IDENT_C_JOIN: word = in_word; break;
		case IDENT_C_SPACE:
			if (k == 1 && s[i] != ' ' && s[i] != '\'')
				return 0; /* tabs and line breaks: not in one line of a form */
			break;
		case IDENT_C_OTHER:
			if (k != 1 || strchr(allow, s[i]) == NULL)
				return 0;
			break;
		default: return 0;
		}
		if (word && !in_word)
			words++;
		in_word = word;
		i += k;
	}
	return letters > 0 && words <= max_words;
}

/* An ODS code as GP practices have: a letter and five digits ("A81001"). */
static int ods_ok(const char *s)
{
	if (strlen(s) != 6 || !isalpha((unsigned char)s[0]))
		return 0;
	for (int i = 1; i < 6; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int code_ok(const struct pol_set *set, const char *s)
{
	char f[POL_CODE_MAX];
	size_t n = canon_value(CANON_TEXT, s, strlen(s), f, sizeof f);
	if (n == (size_t)-1 || n == 0)
		return 0;
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->codes[i], f) == 0)
			return 1;
	return 0;
}

int pol_value_ok(const struct policy *p, int path, const char *s)
{
	const struct pol_path *pn = &p->paths[path];
	size_t n = strlen(s);
	char buf[16];
	switch (pn->cls) {
	case POL_C_TEXT: return 1;
	case POL_C_NAME: return words_ok(s, "-.,", 0, 6);
	case POL_C_ADDRESS:
		/* an address line, but not a phone number or an e-mail written as one */
		return words_ok(s, "-.,/&()#", 1, 12) && ident_phone_e164(s, n, buf) != 0;
	case POL_C_PLACE: return words_ok(s, "-.,&()/", 0, 12) || ods_ok(s);
	case POL_C_CODE: return pn->set >= 0 && pn->set < p->n_sets && code_ok(&p->sets[pn->set], s);
	case POL_C_ID: break;
	default: return 0;
	}
	switch (pn->grammar) {
	case POL_G_PHONE: return ident_phone_e164(s, n, buf) == 0;
	case POL_G_NHS: return ident_nhs_valid(s, n, buf) == 0;
	case POL_G_NINO: return ident_nino_valid(s, n, buf) == 0;
	case POL_G_PNC: return ident_pnc_valid(s, n, buf) == 0;
	case POL_G_CRN: return ident_crn_valid(s, n, buf) == 0;
	case POL_G_POSTCODE: return ident_postcode_norm(s, n, buf) == 0;
	case POL_G_DATE: return date_ok(s);
	case POL_G_EMAIL: return email_ok(s);
	case POL_G_CASE_REF: return pol_ref_ok(s);
	case POL_G_CRIME_REF: return crime_ref_ok(s);
	case POL_G_AREA: return area_ok(s);
	default: return 0;
	}
}

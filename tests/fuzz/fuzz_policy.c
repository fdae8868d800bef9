/*
 * fuzz_policy: any bytes as a policy file. policy_load_mem must never crash
 * or leak; when it accepts a policy, redacting a fixed synthetic case for
 * every agency and purpose must succeed and must keep never-share data where
 * it belongs: the refuge address with police and IDVA only, the victim's
 * address, phones, email and safe times with the agencies the policy's own
 * never_share table allows, and no case value inside a manifest. The case
 * also holds the refuge address in a child's address (the postcode in lower
 * case with two spaces) and in a third party's relationship: no string
 * of a view may hold "Secret Row" for an agency beyond the refuge ceiling.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "mgw_err.h"
#include "pbjson.h"
#include "policy.h"
#include "policy_int.h"

static const char case_json[] =
    "{\"caseRef\":\"MARAC-FZ-0001\",\"maracArea\":\"testshire\","
    "\"victim\":{\"fullName\":\"Vera Fuzzcase\",\"dateOfBirth\":\"1991-05-06\","
    "\"address\":{\"lines\":[\"2 Example Close\"],\"postcode\":\"TS1 4XY\"},"
    "\"phones\":[\"07700 900321\"],\"email\":\"vera.fuzzcase@example.org\","
    "\"safeTimes\":\"Tuesdays after 2pm\",\"role\":\"PERSON_ROLE_VICTIM\"},"
    "\"perpetrators\":[{\"fullName\":\"Percy Fuzzcase\",\"phones\":[\"07700 900322\"],"
    "\"address\":{\"postcode\":\"TS2 5XY\"}}],"
    "\"children\":[{\"fullName\":\"Cara Fuzzcase\",\"dateOfBirth\":\"2015-01-02\","
    "\"school\":\"Example Infant School\","
    "\"address\":{\"lines\":[\"7 Secret Row\"],\"postcode\":\"ts9  8zz\"}}],"
    "\"others\":[{\"fullName\":\"Nora Nextdoor\",\"role\":\"PERSON_ROLE_UNSAFE_CONTACT\","
    "\"relationshipToVictim\":\"lives at 7 Secret Row\","
    "\"phones\":[\"07700 900323\"]}],"
    "\"risk\":{\"answers\":[{\"question\":1,\"answer\":\"ANSWER_YES\","
    "\"comment\":\"Nora Nextdoor on 07700 900323\"}],\"score\":1},"
    "\"narrative\":\"Vera Fuzzcase told Nora Nextdoor; call 07700 900321.\","
    "\"refugeAddress\":{\"lines\":[\"Refuge, 7 Secret Row\"],\"postcode\":\"TS9 8ZZ\"}}";

/* Values with a space or capitals: no ground or path the policy can write contains them. */
static const char *const markers[] = {"Secret Row",    "Example Close", "Vera Fuzzcase",
				      "Nora Nextdoor", "07700 9003",    "Tuesdays after"};

static uint32_t allowed(const struct policy *p, const char *path)
{
	uint32_t bits = POL_ALL_AGENCIES;
	for (int i = 0; i < p->n_never; i++) {
		const char *n = p->paths[p->never[i].path].name;
		size_t k = strlen(n);
		if (strncmp(path, n, k) == 0 && (path[k] == 0 || path[k] == '.'))
			bits &= p->never[i].allowed;
	}
	return bits;
}

/* 1 if any string of m (recursively) contains text. */
static int holds(const ProtobufCMessage *m, const char *text)
{
	const ProtobufCMessageDescriptor *d = m->descriptor;
	for (unsigned i = 0; i < d->n_fields; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		const char *b = (const char *)m + f->offset;
		size_t n = 1;
		const void *v = b;
		if (f->type != PROTOBUF_C_TYPE_STRING && f->type != PROTOBUF_C_TYPE_MESSAGE)
			continue;
		if (f->label == PROTOBUF_C_LABEL_REPEATED) {
			n = *(const size_t *)((const char *)m + f->quantifier_offset);
			v = *(const void *const *)b;
		}
		for (size_t k = 0; v && k < n; k++) {
			const void *e = ((const void *const *)v)[k];
			if (e && (f->type == PROTOBUF_C_TYPE_STRING ? strstr(e, text) != NULL
								    : holds(e, text)))
				return 1;
		}
	}
	return 0;
}

static void check(const struct policy *p, const Marac__V1__CaseSummary *v,
		  Marac__V1__RedactionEntry **m, size_t n, int a)
{
	uint32_t bit = 1u << a;
	if (v->refuge_address && !(POL_REFUGE_CEILING & bit))
		abort();
	if (!(POL_REFUGE_CEILING & bit) && holds(&v->base, "Secret Row"))
		abort();
	const Marac__V1__Person *vic = v->victim;
	if (vic) {
		if (vic->address && !(allowed(p, "victim.address") & bit))
			abort();
		if (vic->n_phones && !(allowed(p, "victim.phones") & bit))
			abort();
		if (vic->email[0] && !(allowed(p, "victim.email") & bit))
			abort();
		if (vic->safe_times[0] && !(allowed(p, "victim.safe_times") & bit))
			abort();
	}
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < sizeof markers / sizeof markers[0]; k++)
			if (strstr(m[i]->path, markers[k]) || strstr(m[i]->ground, markers[k]))
				abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static ProtobufCMessage *cs;
	char err[512];
	if (cs == NULL && pbjson_parse(&marac__v1__case_summary__descriptor, case_json,
				       sizeof case_json - 1, &cs, err, sizeof err) != MGW_OK)
		abort();
	policy *p = NULL;
	int rc = policy_load_mem("fuzz.yaml", (const char *)data, size, &p, err, sizeof err);
	if (rc != MGW_OK) {
		if (p != NULL || strlen(err) == 0)
			abort(); /* a refusal always says why */
		return 0;
	}
	for (int a = MARAC__V1__AGENCY__AGENCY_POLICE; a <= MARAC__V1__AGENCY__AGENCY_EDUCATION;
	     a++)
		for (int u = 0; u <= MARAC__V1__PURPOSE__PURPOSE_ACTION_UPDATE; u++) {
			Marac__V1__CaseSummary *v;
			Marac__V1__RedactionEntry **m;
			size_t n;
			if (policy_redact(p, (Marac__V1__CaseSummary *)cs, a, u, &v, &m, &n) !=
			    MGW_OK)
				abort();
			check(p, v, m, n, a);
			policy_manifest_free(m, n);
			codec_free(&v->base);
		}
	policy_free(p);
	return 0;
}

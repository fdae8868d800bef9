/*
 * cmd_lookup.c: `marac lookup` (a control room's point-of-call lookup) and
 * `marac flags` (a case's flag history, for its owning agencies).
 *
 * Both print the gateway's answer as JSON on stdout; lookup also says on
 * stderr in one line whether an open MARAC case was found. The identifier
 * typed is sent as typed: the gateway normalises it (any spacing, +44,
 * brackets; a date day first), so the operator need not know the stored
 * format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mgw_err.h"
#include "pbjson.h"

static int parse_opts(const char *cmd, int argc, char **argv, struct conn_args *ca,
		      const char *const *names, const char **vals, size_t n, int *help)
{
	for (int i = 1; i < argc; i++) {
		int r = conn_args_parse(ca, argc, argv, &i);
		if (r < 0) {
			fprintf(stderr, "marac %s: %s needs a valid value\n", cmd, argv[i]);
			return EX_USAGE;
		}
		if (r > 0)
			continue;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			*help = 1;
			return EX_OK;
		}
		size_t k = 0;
		while (k < n && strcmp(argv[i], names[k]) != 0)
			k++;
		if (k == n) {
			fprintf(stderr, "marac %s: unknown argument %s\n", cmd, argv[i]);
			return EX_USAGE;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "marac %s: %s needs a value\n", cmd, argv[i]);
			return EX_USAGE;
		}
		vals[k] = argv[++i];
	}
	return EX_OK;
}

int cmd_lookup(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	static const char *const names[] = {"--phone", "--nhs", "--name", "--dob", "--msg-id"};
	const char *v[5] = {NULL};
	int help = 0;
	int ex = parse_opts("lookup", argc, argv, &ca, names, v, 5, &help);
	if (ex != EX_OK)
		return ex;
	int forms = (v[0] != NULL) + (v[1] != NULL) + (v[2] != NULL || v[3] != NULL);
	if (help || forms != 1 || (v[2] != NULL) != (v[3] != NULL)) {
		fprintf(help ? stdout : stderr,
			"usage: marac lookup [connection options] (--phone NUMBER | --nhs NUMBER |\n"
			"                    --name \"FULL NAME\" --dob DATE) [--msg-id ID]\n"
			"\n"
			"Point-of-call lookup (certificates with the lookup role: a police control\n"
			"room). Asks whether the person is the victim of an open MARAC case, from the\n"
			"gateway's blind index only; any format (\"(07700) 900-123\", \"+44 7700\n"
			"900123\"; a date as YYYY-MM-DD or DD/MM/YYYY). Prints the LookupResult as\n"
			"JSON: case ref, risk level, date last heard, whether an address marker is\n"
			"active, the agencies involved and whom to contact. Every lookup is audited;\n"
			"too many a minute are refused RATE_LIMITED.\n"
			"Exit codes: 0 answered (found or not); see 'marac --help'.\n");
		return help ? EX_OK : EX_USAGE;
	}
	Marac__V1__LookupRequest q = MARAC__V1__LOOKUP_REQUEST__INIT;
	q.msg_id = (char *)(v[4] ? v[4] : "");
	q.phone = (char *)(v[0] ? v[0] : "");
	q.nhs_number = (char *)(v[1] ? v[1] : "");
	q.full_name = (char *)(v[2] ? v[2] : "");
	q.date_of_birth = (char *)(v[3] ? v[3] : "");
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	req.body_case = MARAC__V1__FRAME__BODY_LOOKUP_REQUEST;
	req.lookup_request = &q;
	ex = fu_roundtrip(&ca, &req, MARAC__V1__FRAME__BODY_LOOKUP_RESULT, NULL, "lookup", &res);
	if (ex != EX_OK)
		return ex;
	const Marac__V1__LookupResult *r = res->lookup_result;
	fu_print_json(&r->base);
	if (r->found && r->n_cases > 0)
		fprintf(stderr, "marac lookup: open MARAC case %s (%zu found)\n", r->cases[0]->case_ref,
			r->n_cases);
	else
		fprintf(stderr, "marac lookup: no open MARAC case\n");
	codec_free(&res->base);
	return EX_OK;
}

int cmd_flags(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	static const char *const names[] = {"--case"};
	const char *v[1] = {NULL};
	int help = 0;
	int ex = parse_opts("flags", argc, argv, &ca, names, v, 1, &help);
	if (ex != EX_OK)
		return ex;
	if (help || v[0] == NULL) {
		fprintf(help ? stdout : stderr,
			"usage: marac flags [connection options] --case CASE_REF\n"
			"\n"
			"The flag history of a case: every share or referral by any agency that\n"
			"matched the case's victim (which agency, which node, when, on which kinds\n"
			"of identifier), newest first. For the case's referring agency and the\n"
			"agencies its area flags; the read is audited. Prints the FlagHistory as JSON.\n"
			"Exit codes: see 'marac --help'.\n");
		return help ? EX_OK : EX_USAGE;
	}
	Marac__V1__FlagHistoryRequest q = MARAC__V1__FLAG_HISTORY_REQUEST__INIT;
	q.case_ref = (char *)v[0];
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	req.body_case = MARAC__V1__FRAME__BODY_FLAG_HISTORY_REQUEST;
	req.flag_history_request = &q;
	ex = fu_roundtrip(&ca, &req, MARAC__V1__FRAME__BODY_FLAG_HISTORY, NULL, "flags", &res);
	if (ex == EX_OK) {
		fu_print_json(&res->flag_history->base);
		codec_free(&res->base);
	}
	return ex;
}

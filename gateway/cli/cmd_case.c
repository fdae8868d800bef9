/*
 * cmd_case.c: marac case withdraw|close|merge|transfer, and marac retract
 * (proto/README.md "Case lifecycle", "Retracting a share").
 *
 * Each sends one request over one connection and prints the answer
 * (CaseUpdated, ShareRetracted) as proto3 JSON on stdout, and one line
 * saying what happened on stderr. Reasons are the closed sets of
 * lifecycle.proto, written in lower case without their prefix.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "cli.h"
#include "mgw_err.h"
#include "pbjson.h"

/* "risk_reduced" -> the enum value of PREFIX "RISK_REDUCED" in desc, or 0. */
static int enum_by_name(const ProtobufCEnumDescriptor *desc, const char *prefix,
			const char *name)
{
	char full[96];
	size_t n = (size_t)snprintf(full, sizeof full, "%s", prefix);
	for (const char *p = name; *p && n + 1 < sizeof full; p++)
		full[n++] = *p == '-' ? '_' : (char)toupper((unsigned char)*p);
	full[n] = 0;
	const ProtobufCEnumValue *v = protobuf_c_enum_descriptor_get_value_by_name(desc, full);
	return v ? v->value : 0;
}

struct case_args {
	struct conn_args ca;
	const char *pos;       /* the case ref (or msg_id) */
	const char *reason, *into, *to;
	int help;
};

static int parse(const char *cmd, int argc, char **argv, struct case_args *a)
{
	for (int i = 1; i < argc; i++) {
		int r = conn_args_parse(&a->ca, argc, argv, &i);
		if (r < 0) {
			fprintf(stderr, "marac %s: %s needs a valid value\n", cmd, argv[i]);
			return EX_USAGE;
		}
		if (r > 0)
			continue;
		const char *o = argv[i];
		const char **val = !strcmp(o, "--reason") ? &a->reason
				   : !strcmp(o, "--into") ? &a->into
				   : !strcmp(o, "--to")   ? &a->to
							  : NULL;
		if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
			a->help = 1;
		} else if (val) {
			if (i + 1 >= argc) {
				fprintf(stderr, "marac %s: %s needs a value\n", cmd, o);
				return EX_USAGE;
			}
			*val = argv[++i];
		} else if (o[0] == '-' && o[1]) {
			fprintf(stderr, "marac %s: unknown option %s\n", cmd, o);
			return EX_USAGE;
		} else if (a->pos == NULL) {
			a->pos = o;
		} else {
			fprintf(stderr, "marac %s: unexpected argument %s\n", cmd, o);
			return EX_USAGE;
		}
	}
	return EX_OK;
}

static int send_and_print(const struct conn_args *ca, const Marac__V1__Frame *req, int want,
			  const char *msg_id, const char *what, Marac__V1__Frame **res)
{
	mgw_client *c = NULL;
	int ex = conn_open(ca, &c);
	if (ex != EX_OK)
		return ex;
	int rc = mgw_client_request(c, req, want, msg_id, ca->timeout_ms, res);
	if (rc != MGW_OK)
		ex = conn_fail(c, rc, what);
	mgw_client_free(c);
	if (ex == EX_OK) {
		char *json = pbjson_dump(&(*res)->base, 1);
		printf("%s\n", json ? json : "{}");
		free(json);
	}
	return ex;
}

static void case_help(FILE *f)
{
	fprintf(f,
		"usage: marac case withdraw CASE_REF --reason in_error|below_threshold\n"
		"       marac case close CASE_REF --reason risk_reduced|no_further_action|\n"
		"                                          actions_complete|victim_moved_away\n"
		"       marac case merge DUPLICATE_REF --into CASE_REF      (chairs)\n"
		"       marac case transfer CASE_REF --to AREA              (chairs)\n"
		"       [connection options]\n"
		"\n"
		"withdraw: the referral should not count (a mistake, or below the MARAC\n"
		"  threshold): off the agenda, and no later referral is a repeat of it.\n"
		"close: the case was heard and is finished: off the agenda, but a further\n"
		"  incident within the repeat window is still a repeat of it.\n"
		"  Withdraw and close: a node of the referring agency, or the area's chair.\n"
		"merge: a duplicate referral of the same incident becomes part of the\n"
		"  surviving case (one agenda row; its identifiers and research move).\n"
		"transfer: the case moves to another MARAC area's next meeting, listed there\n"
		"  as a transfer in from this area, with its actions.\n"
		"Prints the gateway's CaseUpdated as JSON. Exit codes: see 'marac --help'.\n");
}

int cmd_case(int argc, char **argv)
{
	struct case_args a;
	memset(&a, 0, sizeof a);
	conn_args_init(&a.ca);
	const char *verb = argc > 1 ? argv[1] : "";
	if (!strcmp(verb, "--help") || !strcmp(verb, "-h")) {
		case_help(stdout);
		return EX_OK;
	}
	int ex = parse("case", argc - 1, argv + 1, &a);
	if (ex != EX_OK)
		return ex;
	if (a.help) {
		case_help(stdout);
		return EX_OK;
	}
	Marac__V1__CloseCase cc = MARAC__V1__CLOSE_CASE__INIT;
	Marac__V1__MergeCase mc = MARAC__V1__MERGE_CASE__INIT;
	Marac__V1__TransferCase tc = MARAC__V1__TRANSFER_CASE__INIT;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	int withdraw = !strcmp(verb, "withdraw");
	if (a.pos == NULL)
		goto usage;
	if (withdraw || !strcmp(verb, "close")) {
		if (a.reason == NULL)
			goto usage;
		const ProtobufCEnumDescriptor *d = &marac__v1__case_end_reason__descriptor;
		int reason = enum_by_name(d, "CASE_END_REASON_", a.reason);
		if (reason == 0 && withdraw)
			reason = enum_by_name(d, "CASE_END_REASON_WITHDRAWN_", a.reason);
		if (cases_reason_kind(reason) != (withdraw ? 1 : 2)) {
			fprintf(stderr, "marac case %s: --reason %s is not a %s reason\n", verb,
				a.reason, withdraw ? "withdrawal" : "closing");
			goto usage;
		}
		cc.case_ref = (char *)a.pos;
		cc.reason = reason;
		req.body_case = MARAC__V1__FRAME__BODY_CLOSE_CASE;
		req.close_case = &cc;
	} else if (!strcmp(verb, "merge")) {
		if (a.into == NULL)
			goto usage;
		mc.duplicate_case_ref = (char *)a.pos;
		mc.into_case_ref = (char *)a.into;
		req.body_case = MARAC__V1__FRAME__BODY_MERGE_CASE;
		req.merge_case = &mc;
	} else if (!strcmp(verb, "transfer")) {
		if (a.to == NULL)
			goto usage;
		tc.case_ref = (char *)a.pos;
		tc.to_area = (char *)a.to;
		req.body_case = MARAC__V1__FRAME__BODY_TRANSFER_CASE;
		req.transfer_case = &tc;
	} else {
		goto usage;
	}
	ex = send_and_print(&a.ca, &req, MARAC__V1__FRAME__BODY_CASE_UPDATED, NULL, "case", &res);
	if (ex != EX_OK)
		return ex;
	const Marac__V1__CaseUpdated *u = res->case_updated;
	if (u->unchanged)
		fprintf(stderr, "marac case %s: %s was already so; nothing changed\n", verb,
			u->case_ref);
	else if (req.body_case == MARAC__V1__FRAME__BODY_MERGE_CASE)
		fprintf(stderr, "marac case merge: %s merged into %s\n", u->case_ref,
			u->merged_into);
	else if (req.body_case == MARAC__V1__FRAME__BODY_TRANSFER_CASE)
		fprintf(stderr, "marac case transfer: %s moved from %s to %s, meeting %s\n",
			u->case_ref, u->from_area, u->marac_area, u->meeting_date);
	else
		fprintf(stderr, "marac case %s: %s %s (%s)\n", verb, u->case_ref,
			withdraw ? "withdrawn" : "closed", a.reason);
	codec_free(&res->base);
	return EX_OK;
usage:
	case_help(stderr);
	return EX_USAGE;
}

int cmd_retract(int argc, char **argv)
{
	struct case_args a;
	memset(&a, 0, sizeof a);
	conn_args_init(&a.ca);
	int ex = parse("retract", argc, argv, &a);
	if (ex != EX_OK)
		return ex;
	int reason = a.reason ? enum_by_name(&marac__v1__retract_reason__descriptor,
					     "RETRACT_REASON_", a.reason)
			      : 0;
	if (a.help || a.pos == NULL || reason == 0) {
		fprintf(a.help ? stdout : stderr,
			"usage: marac retract [connection options] MSG_ID --reason "
			"wrong_recipient|wrong_case|excessive|no_basis\n"
			"\n"
			"Retracts a share this node sent in error (its msg_id, as 'marac send'\n"
			"printed it). The gateway deletes its stored copies at once, never sends\n"
			"one that has not gone yet, and tells every recipient node to delete what\n"
			"it received; each confirms. Everything is in the audit trail.\n"
			"Prints the gateway's ShareRetracted as JSON. Exit codes: see 'marac --help'.\n");
		return a.help ? EX_OK : EX_USAGE;
	}
	Marac__V1__RetractShare rs = MARAC__V1__RETRACT_SHARE__INIT;
	rs.msg_id = (char *)a.pos;
	rs.reason = reason;
	Marac__V1__Frame req = MARAC__V1__FRAME__INIT, *res = NULL;
	req.body_case = MARAC__V1__FRAME__BODY_RETRACT_SHARE;
	req.retract_share = &rs;
	ex = send_and_print(&a.ca, &req, MARAC__V1__FRAME__BODY_SHARE_RETRACTED, a.pos, "retract",
			    &res);
	if (ex != EX_OK)
		return ex;
	const Marac__V1__ShareRetracted *sr = res->share_retracted;
	fprintf(stderr, "marac retract: %s %s; %zu recipient node(s) told to delete it\n",
		sr->msg_id, sr->duplicate ? "was retracted before" : "retracted",
		sr->n_deliveries);
	codec_free(&res->base);
	return EX_OK;
}

/*
 * cmd_send.c: marac send: share one case summary.
 *
 * The msg_id defaults to a digest of the case file, recipients, purpose and
 * basis, so re-running the same command after a failure is answered with
 * the original acceptance instead of sharing twice.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mgw_err.h"
#include "pbjson.h"

static void help(FILE *f)
{
	fprintf(f,
		"usage: marac send [connection options] --to AGENCY[,AGENCY...] [--purpose P]\n"
		"                  [--basis B] [--msg-id ID] CASE.json|-\n"
		"\n"
		"Shares CASE.json (a marac.v1.CaseSummary in the proto3 JSON mapping) and\n"
		"prints the gateway's ShareAccepted as JSON once the share is durably stored.\n"
		"  --to        police, childrens_social_care, adult_social_care, health, idva,\n"
		"              probation, housing, education (comma-separated)\n"
		"  --purpose   referral | research | meeting (default) | action_update\n"
		"  --basis     public_task_sch1_para18 (default) | law_enforcement_sch8_para4 |\n"
		"              cda_1998_s115 | caldicott_7 | consent\n"
		"  --msg-id    idempotency key (default: derived from the inputs, so a retry\n"
		"              of the same command is not shared twice)\n"
		"Exit codes: see 'marac --help'.\n");
}

static int enum_arg(const ProtobufCEnumDescriptor *d, const char *name, int *out,
		    const char *what)
{
	if (pbjson_enum_from_name(d, name, out) != MGW_OK || *out == 0) {
		fprintf(stderr, "marac send: %s: unknown value \"%s\"\n", what, name);
		return -1;
	}
	return 0;
}

int cmd_send(int argc, char **argv)
{
	struct conn_args ca;
	conn_args_init(&ca);
	const char *to = NULL, *purpose = "meeting", *basis = "public_task_sch1_para18";
	const char *msg_id = NULL, *file = NULL;
	for (int i = 1; i < argc; i++) {
		int r = conn_args_parse(&ca, argc, argv, &i);
		if (r < 0) {
			fprintf(stderr, "marac send: %s needs a valid value\n", argv[i]);
			return EX_USAGE;
		}
		if (r > 0)
			continue;
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			help(stdout);
			return EX_OK;
		}
		const char **slot = strcmp(a, "--to") == 0 ? &to
				    : strcmp(a, "--purpose") == 0 ? &purpose
				    : strcmp(a, "--basis") == 0 ? &basis
				    : strcmp(a, "--msg-id") == 0 ? &msg_id : NULL;
		if (slot) {
			if (i + 1 >= argc) {
				fprintf(stderr, "marac send: %s needs a value\n", a);
				return EX_USAGE;
			}
			*slot = argv[++i];
		} else if (a[0] == '-' && a[1] != 0) {
			fprintf(stderr, "marac send: unknown option %s\n", a);
			return EX_USAGE;
		} else if (file == NULL) {
			file = a;
		} else {
			fprintf(stderr, "marac send: one case file at a time\n");
			return EX_USAGE;
		}
	}
	if (file == NULL || to == NULL) {
		help(stderr);
		return EX_USAGE;
	}

	int agencies[16];
	size_t n_to = 0;
	char *tos = strdup(to);
	for (char *save = NULL, *t = strtok_r(tos, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		if (n_to == 16 || enum_arg(&marac__v1__agency__descriptor, t, &agencies[n_to++],
					   "--to") != 0) {
			free(tos);
			return EX_USAGE;
		}
	}
	free(tos);
	int pv, bv;
	if (enum_arg(&marac__v1__purpose__descriptor, purpose, &pv, "--purpose") != 0 ||
	    enum_arg(&marac__v1__lawful_basis__descriptor, basis, &bv, "--basis") != 0)
		return EX_USAGE;

	size_t len;
	char *text = read_file(file, &len);
	if (text == NULL)
		return EX_INPUT;
	char err[512];
	ProtobufCMessage *cs = NULL;
	if (pbjson_parse(&marac__v1__case_summary__descriptor, text, len, &cs, err, sizeof err) !=
	    MGW_OK) {
		fprintf(stderr, "marac send: %s: %s\n", file, err);
		free(text);
		return EX_INPUT;
	}

	char idbuf[40];
	if (msg_id == NULL) {
		int extra[18];
		memcpy(extra, agencies, n_to * sizeof agencies[0]);
		extra[n_to] = pv;
		extra[n_to + 1] = bv;
		if (cli_auto_msg_id(idbuf, text, len, extra, (n_to + 2) * sizeof extra[0]) != 0) {
			free(text);
			codec_free(cs);
			fprintf(stderr, "marac send: cannot compute the msg_id digest\n");
			return EX_INPUT;
		}
		msg_id = idbuf;
	}
	free(text);

	Marac__V1__Share sh = MARAC__V1__SHARE__INIT;
	sh.msg_id = (char *)msg_id;
	sh.to = (Marac__V1__Agency *)agencies;
	sh.n_to = n_to;
	sh.purpose = pv;
	sh.lawful_basis = bv;
	sh.summary = (Marac__V1__CaseSummary *)cs;

	mgw_client *c = NULL;
	int ex = conn_open(&ca, &c);
	if (ex != EX_OK) {
		codec_free(cs);
		return ex;
	}
	Marac__V1__Frame *acc = NULL;
	int rc = mgw_client_share(c, &sh, ca.timeout_ms, &acc);
	if (rc == MGW_OK) {
		char *out = pbjson_dump(&acc->base, 1);
		printf("%s\n", out ? out : "{}");
		free(out);
		codec_free(&acc->base);
	} else {
		ex = conn_fail(c, rc, "share");
	}
	mgw_client_free(c);
	codec_free(cs);
	return ex;
}

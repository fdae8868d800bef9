/*
 * main.c: the marac CLI: dispatch and the connection options every
 * networked subcommand shares.
 */
#include <errno.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "mgw_err.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: marac COMMAND [OPTIONS]\n"
		"\n"
		"Commands:\n"
		"  send     share a case summary (JSON) with other agencies\n"
		"  listen   receive deliveries, write each as JSON, acknowledge after fsync\n"
		"  policy   check a redaction policy, run policy tests, redact a case locally\n"
		"  audit    query (table, CSV), report per agency, export, verify (offline) and\n"
		"           prove the audit trail (auditors)\n"
		"  refer    refer a case to its MARAC (DASH scored, repeat-checked by the gateway)\n"
		"  research mark this agency's pre-meeting research on a case done or not done\n"
		"  agenda   pull a meeting's agenda (chairs) as HTML, CSV or JSON\n"
		"  case     withdraw, close, merge or transfer a case\n"
		"  retract  retract a share this node sent in error\n"
		"  lookup   point-of-call lookup of a phone, NHS number or name + DOB (control rooms)\n"
		"  flags    a case's flag history: who touched it, when (its owning agencies)\n"
		"  action   record, update and list the actions a meeting set (countdowns)\n"
		"  marker   record, inform, review and list address markers (police)\n"
		"\n"
		"Connection options (send, listen, refer, research, agenda, action, marker, case, retract,\n"
		"  audit, lookup, flags):\n"
		"  --gateway wss://HOST:PORT   (env MARAC_GATEWAY)\n"
		"  --cert FILE --key FILE      this node's certificate and key (MARAC_CERT, MARAC_KEY)\n"
		"  --ca FILE                   the MARAC CA (MARAC_CA)\n"
		"  --timeout SECONDS           per step, default 30\n"
		"\n"
		"Exit codes: 0 ok; 1 refused by the gateway or check failed; 2 usage;\n"
		"3 input file error; 4 connection/TLS failure; 5 timeout; 6 output failure;\n"
		"7 (audit verify) verified, but records after the last checkpoint are unproven.\n"
		"'marac COMMAND --help' describes each command.\n");
}

void conn_args_init(struct conn_args *a)
{
	a->gateway = getenv("MARAC_GATEWAY");
	a->cert = getenv("MARAC_CERT");
	a->key = getenv("MARAC_KEY");
	a->ca = getenv("MARAC_CA");
	a->timeout_ms = 30000;
}

int conn_args_parse(struct conn_args *a, int argc, char **argv, int *i)
{
	static const char *const names[] = {"--gateway", "--cert", "--key", "--ca", "--timeout"};
	const char *arg = argv[*i];
	for (int k = 0; k < 5; k++) {
		size_t n = strlen(names[k]);
		const char *val;
		if (strcmp(arg, names[k]) == 0) {
			if (*i + 1 >= argc)
				return -1;
			val = argv[++*i];
		} else if (strncmp(arg, names[k], n) == 0 && arg[n] == '=') {
			val = arg + n + 1;
		} else {
			continue;
		}
		switch (k) {
		case 0: a->gateway = val; break;
		case 1: a->cert = val; break;
		case 2: a->key = val; break;
		case 3: a->ca = val; break;
		case 4: {
			char *end;
			long s = strtol(val, &end, 10);
			if (*end || s <= 0 || s > 86400)
				return -1;
			a->timeout_ms = (int)s * 1000;
			break;
		}
		}
		return 1;
	}
	return 0;
}

int conn_open(const struct conn_args *a, mgw_client **c)
{
	if (!a->gateway || !a->cert || !a->key || !a->ca) {
		fprintf(stderr, "marac: --gateway, --cert, --key and --ca are required\n");
		return EX_USAGE;
	}
	/* This node's private key: whoever can read it can be this agency's node. */
	struct stat st;
	if (stat(a->key, &st) == 0 && (st.st_mode & 077)) {
		fprintf(stderr, "marac: --key %s: readable by group or others (chmod 600)\n", a->key);
		return EX_INPUT;
	}
	struct mgw_client_opts o = {
		.url = a->gateway, .cert = a->cert, .key = a->key, .ca = a->ca,
		.software = "marac-cli/" MARAC_VERSION, .timeout_ms = a->timeout_ms,
	};
	char err[512];
	int rc = mgw_client_connect(&o, c, err, sizeof err);
	if (rc == MGW_OK)
		return EX_OK;
	fprintf(stderr, "marac: %s\n", err);
	return rc == MGW_E_TIMEOUT ? EX_TIMEOUT : rc == MGW_E_IO ? EX_INPUT : EX_CONNECT;
}

int conn_fail(mgw_client *c, int rc, const char *what)
{
	if (rc == MGW_E_REFUSED) {
		const Marac__V1__Error *e = mgw_client_last_error(c);
		const ProtobufCEnumValue *v = e ? protobuf_c_enum_descriptor_get_value(
							  &marac__v1__error_code__descriptor, e->code)
						: NULL;
		fprintf(stderr, "marac: %s refused: %s: %s\n", what, v ? v->name : "ERROR",
			e ? e->message : "");
		return EX_REFUSED;
	}
	if (rc == MGW_E_TIMEOUT) {
		fprintf(stderr, "marac: %s: timed out\n", what);
		return EX_TIMEOUT;
	}
	fprintf(stderr, "marac: %s: connection closed (%s; close %d %s)\n", what, mgw_strerror(rc),
		mgw_client_close_status(c), mgw_client_close_reason(c));
	return EX_CONNECT;
}

int cli_auto_msg_id(char out[40], const void *text, size_t len, const void *extra,
		    size_t extra_len)
{
	uint8_t md[32];
	EVP_MD_CTX *h = EVP_MD_CTX_new();
	int ok = h && EVP_DigestInit_ex(h, EVP_sha256(), NULL) == 1 &&
		 EVP_DigestUpdate(h, text, len) == 1 &&
		 EVP_DigestUpdate(h, extra, extra_len) == 1 && EVP_DigestFinal_ex(h, md, NULL) == 1;
	EVP_MD_CTX_free(h);
	if (!ok)
		return -1;
	strcpy(out, "auto-");
	for (int k = 0; k < 16; k++)
		snprintf(out + 5 + 2 * k, 3, "%02x", md[k]);
	return 0;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "marac: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		if (n + 1 >= cap) {
			if (cap >= (64u << 20)) {
				fprintf(stderr, "marac: %s: larger than 64 MiB\n", path);
				free(buf);
				buf = NULL;
				break;
			}
			char *nb = realloc(buf, cap * 2);
			if (nb == NULL) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0) {
			if (ferror(f)) {
				fprintf(stderr, "marac: %s: read error\n", path);
				free(buf);
				buf = NULL;
			}
			break;
		}
	}
	if (f != stdin)
		fclose(f);
	if (buf) {
		buf[n] = 0;
		*len = n;
	}
	return buf;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EX_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		usage(stdout);
		return EX_OK;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("marac %s\n", MARAC_VERSION);
		return EX_OK;
	}
	if (strcmp(cmd, "send") == 0)
		return cmd_send(argc - 1, argv + 1);
	if (strcmp(cmd, "listen") == 0)
		return cmd_listen(argc - 1, argv + 1);
	if (strcmp(cmd, "policy") == 0)
		return cmd_policy(argc - 1, argv + 1);
	if (strcmp(cmd, "audit") == 0)
		return cmd_audit(argc - 1, argv + 1);
	if (strcmp(cmd, "refer") == 0)
		return cmd_refer(argc - 1, argv + 1);
	if (strcmp(cmd, "research") == 0)
		return cmd_research(argc - 1, argv + 1);
	if (strcmp(cmd, "agenda") == 0)
		return cmd_agenda(argc - 1, argv + 1);
	if (strcmp(cmd, "case") == 0)
		return cmd_case(argc - 1, argv + 1);
	if (strcmp(cmd, "retract") == 0)
		return cmd_retract(argc - 1, argv + 1);
	if (strcmp(cmd, "lookup") == 0)
		return cmd_lookup(argc - 1, argv + 1);
	if (strcmp(cmd, "flags") == 0)
		return cmd_flags(argc - 1, argv + 1);
	if (strcmp(cmd, "action") == 0) /* h12-actions */
		return cmd_action(argc - 1, argv + 1);
	if (strcmp(cmd, "marker") == 0)
		return cmd_marker(argc - 1, argv + 1);
	fprintf(stderr, "marac: unknown command \"%s\"\n", cmd);
	usage(stderr);
	return EX_USAGE;
}

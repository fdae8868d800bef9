/*
 * cli.h: shared pieces of the marac CLI's subcommands.
 *
 * Exit codes (every subcommand):
 *   0 success
 *   1 refused: the gateway answered with an Error, or a check/test failed
 *   2 usage error
 *   3 input error: a file could not be read or is invalid (message names it)
 *   4 connection failure: TLS or WebSocket refused, or the connection closed
 *   5 timeout
 *   6 local output failure (cannot write or fsync under --out)
 */
#ifndef MARAC_CLI_H
#define MARAC_CLI_H

#include <stdio.h>

#include "client.h"

enum { EX_OK = 0, EX_REFUSED = 1, EX_USAGE = 2, EX_INPUT = 3, EX_CONNECT = 4,
       EX_TIMEOUT = 5, EX_OUTPUT = 6,
       EX_UNPROVEN = 7 /* r-redteam6: marac audit verify: verified, with an unproven tail */ };

/* Connection options common to every networked subcommand. */
struct conn_args {
	const char *gateway, *cert, *key, *ca;
	int timeout_ms;
};

/*
 * If argv[*i] is one of --gateway/--cert/--key/--ca/--timeout (also
 * --opt=value), consume it (and its value) and return 1; 0 if not one of
 * ours; -1 on a missing value. Defaults come from MARAC_GATEWAY, MARAC_CERT,
 * MARAC_KEY, MARAC_CA.
 */
void conn_args_init(struct conn_args *a);
int conn_args_parse(struct conn_args *a, int argc, char **argv, int *i);
/* Connect; prints the error and returns the exit code on failure (0 on success). */
int conn_open(const struct conn_args *a, mgw_client **c);
/* Map a client error code to an exit code, printing what happened. */
int conn_fail(mgw_client *c, int rc, const char *what);
/* Read a whole file ("-" = stdin) into a NUL-terminated buffer; NULL with a message on error. */
char *read_file(const char *path, size_t *len);

/* "auto-" + 32 hex of SHA-256(text || extra): a msg_id that makes a re-run
 * of the same command a duplicate, not a second request. 0 or -1. */
int cli_auto_msg_id(char out[40], const void *text, size_t len, const void *extra,
		    size_t extra_len);

int cmd_send(int argc, char **argv);
int cmd_refer(int argc, char **argv);
int cmd_research(int argc, char **argv);
int cmd_agenda(int argc, char **argv);
int cmd_listen(int argc, char **argv);
int cmd_policy(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_case(int argc, char **argv);    /* cmd_case.c (h13-life) */
int cmd_retract(int argc, char **argv); /* cmd_case.c (h13-life) */
int cmd_lookup(int argc, char **argv);
int cmd_flags(int argc, char **argv);

/* h12-actions: after the meeting (cmd_action.c, cmd_marker.c). */
int cmd_action(int argc, char **argv);
int cmd_marker(int argc, char **argv);
/* An option of a follow-up verb: a value (*val) or, with flag set, a switch (*flag = 1). */
struct fu_opt {
	const char *name;
	const char **val;
	int *flag;
};
/*
 * Parse argv[1..argc) into ca and opts; EX_OK, or EX_USAGE (printed as
 * "marac CMD: ..."). fu_parse_file also takes one positional argument (a
 * file; "-" is stdin) into *file if file is not NULL.
 */
int fu_parse(const char *cmd, int argc, char **argv, struct conn_args *ca,
	     const struct fu_opt *opts, size_t n, int *help);
int fu_parse_file(const char *cmd, int argc, char **argv, struct conn_args *ca,
		  const struct fu_opt *opts, size_t n, const char **file, int *help);
/* Connect, send req, wait for the frame `want` (or its Error); exit code. */
int fu_roundtrip(const struct conn_args *ca, const Marac__V1__Frame *req, int want,
		 const char *msg_id, const char *what, Marac__V1__Frame **res);
/* The message as proto3 JSON on stdout. */
void fu_print_json(const ProtobufCMessage *m);
/*
 * The default msg_id of request m: "auto-" + a digest of its bytes and verb,
 * so a re-run is a duplicate. buf, or NULL having printed "marac CMD: ..."
 * (out of memory).
 */
const char *fu_auto_id(const char *cmd, const ProtobufCMessage *m, const char *verb,
		       char buf[40]);
/*
 * fu_roundtrip, then show what part(res) picks from the answer: with print,
 * as print writes it; with print NULL, as JSON. The exit code.
 */
int fu_show(const struct conn_args *ca, const Marac__V1__Frame *req, int want,
	    const char *msg_id, const char *what,
	    const ProtobufCMessage *(*part)(const Marac__V1__Frame *res),
	    void (*print)(const ProtobufCMessage *part));
/* A list's first line: "N NOUNs (today DATE)[, more not shown]". */
void fu_list_head(size_t n, const char *noun, const char *today, int truncated);
/* A verb of a follow-up command: marac CMD NAME ... runs run(argc, argv from NAME). */
struct fu_verb {
	const char *name;
	int (*run)(int argc, char **argv, struct conn_args *ca);
};
/*
 * marac CMD VERB ...: usage(0) without a verb, usage(1) for --help/-h, the
 * verb's exit code, or EX_USAGE for an unknown verb (printed with the list).
 */
int fu_dispatch(const char *cmd, int argc, char **argv, const struct fu_verb *verbs, size_t n,
		int (*usage)(int help));

#endif

/*
 * harness.h: scenario tests against the real marac-gateway over real mTLS.
 *
 * The daemon runs as a child process (two TLS lws contexts in one process
 * leak) on an ephemeral loopback port, with its own state directory under a
 * per-test temporary directory. The test PKI comes from certs/gen.sh, made
 * once per ctest run (fixture) and named by MARAC_TEST_PKI.
 */
#ifndef MARAC_HARNESS_H
#define MARAC_HARNESS_H

#include <stddef.h>
#include <sys/types.h>

#include "client.h"

/*
 * Upper bounds on time and memory are for the plain build: under ASan, or
 * with the daemon under TSan (MARAC_DAEMON_TSAN), everything runs several
 * times slower, and freed memory waits in ASan's quarantine (resident), so
 * those bounds are scaled, skipped or the load made smaller there.
 */
#if defined(__SANITIZE_ADDRESS__) || defined(MARAC_DAEMON_TSAN)
#define SANITIZED 1
#else
#define SANITIZED 0
#endif

struct gwp {
	pid_t pid;
	int port;
	char dir[512];      /* per-test temp dir */
	char config[600];
	char url[64];
	char log[600];      /* the daemon's stderr (JSON lines) */
};

/* The PKI directory (aborts the test if missing). */
const char *pki(void);
/* Path of PKI file NAME (e.g. "police.crt") in a static rotating buffer. */
const char *pki_file(const char *name);

/* Start a gateway; extra_yaml is inserted before nodes: (e.g. "limits:\n  max_frame_bytes: 8192\n"). */
void gw_start(struct gwp *g, const char *extra_yaml);
/* gw_start with the fault shim (tests/scenario/fault_commit.c) preloaded into
 * the daemon only: its trigger variable var (MARAC_FAULT_COMMIT, MARAC_WAL_RACE,
 * ...) names a fresh path /tmp/marac-TAG-PID, removed first and written to
 * path[0..n). The test process and the CLI it runs get no preload: LD_PRELOAD,
 * ASAN_OPTIONS and var are unset again once the daemon is up (set any other
 * variable the shim reads before the call). */
void gw_start_faulty(struct gwp *g, const char *extra_yaml, const char *var, const char *tag,
		     char *path, size_t n);
/* Restart with the same state (after gw_kill or gw_stop). */
void gw_restart(struct gwp *g);
/* SIGTERM and wait; returns the exit status. */
int gw_stop(struct gwp *g);
/* SIGKILL and wait. */
void gw_kill(struct gwp *g);
/* Kill, fail the test if the daemon's log holds a sanitizer report, remove the temp dir. */
void gw_teardown(struct gwp *g);

/* In-process node client for cert NAME (police, health, ...). NULL + err on failure. */
mgw_client *node(struct gwp *g, const char *name, char *err, size_t errlen);
int node_rc(struct gwp *g, const char *name, mgw_client **c, char *err, size_t errlen);

/* Run the marac CLI as NAME's node: argv after the connection options. Returns the pid. */
pid_t cli_spawn(struct gwp *g, const char *name, const char *out_file, const char *const *args);
/* Wait for pid up to secs; returns exit status, or -1 on timeout (the child is killed). */
int wait_exit(pid_t pid, int secs);
/* Run the CLI to completion; stdout into out (if non-NULL). */
int cli_run(struct gwp *g, const char *name, char *out, size_t outlen, const char *const *args);

/* cli_run with stdout into out and stderr into err (both NUL-terminated). */
int cli_run2(struct gwp *g, const char *name, char *out, size_t outlen, char *err, size_t errlen,
	     const char *const *args);

/* Files ending in .json in dir. */
int count_json(const char *dir);
/* Read a whole file into a malloc'd string (NULL if missing). */
char *slurp(const char *path);
/* 1 once the gateway's log holds a line with a (and b on that line, if
 * non-NULL), polled for up to 15 s as audit_wait is; 0 if none by then. */
int gw_log_wait(struct gwp *g, const char *a, const char *b);
/*
 * Fixture and JSON text helpers (harness_text.c), shared by the scenario
 * tests that drive the CLI. fixture: path of tests/fixtures/NAME in one of
 * four rotating static buffers (four may be used at once). json_str: the
 * string value of the first "key": "..." in text, into out (n bytes, "" if
 * absent); returns out. read_dir: every .json file of dir concatenated,
 * malloc'd ("" if none; NULL when out of memory).
 */
const char *fixture(const char *name);
/*
 * A copy of tests/fixtures/NAME in g's directory with each pairs[2i]
 * replaced once by pairs[2i+1] (asserted present); its path, in a static
 * buffer (the next call reuses it).
 */
const char *fixture_edited(struct gwp *g, const char *name, const char *const *pairs, size_t n);
/* node refers tests/fixtures/NAME through the CLI with msg_id (NULL: derived), asserted to
 * succeed; its JSON output into out, the case ref into ref. */
void refer_fixture(struct gwp *g, const char *node, const char *name, const char *msg_id,
		   char *out, size_t outlen, char *err, size_t errlen, char ref[32]);
/* The chair's agenda of area's meeting (YYYY-MM-DD) as JSON into out (asserted to succeed). */
void agenda_json(struct gwp *g, const char *area, const char *meeting, char *out, size_t outlen,
		 char *err, size_t errlen);
/* Police refers tests/fixtures/referral_police.json: case TS-2026-0001 (asserted). */
void refer_police_case(struct gwp *g);
/* The chair adds an action on refer_police_case's case, owned by housing,
 * from yesterday's meeting, due today (with the test clock on, the next
 * sweep notices it). */
void housing_action_due_today(struct gwp *g);
/* police refers referral_police.json as transferred in from area, msg_id id: the CLI's exit
 * code, its output in out and err. */
int refer_transferred_from(struct gwp *g, const char *area, const char *id, char *out,
			   size_t outlen, char *err, size_t errlen);
/* refer_transferred_from refused: INVALID_REFERRAL naming transfer_from_area, area not
 * quoted in the refusal (asserted). */
void expect_transfer_area_refused(struct gwp *g, const char *area, const char *id);
const char *json_str(const char *text, const char *key, char *out, size_t n);
char *read_dir(const char *dir);

/* Count audit records of an event (and reason, if non-NULL) in the gateway's store. */
int audit_count(struct gwp *g, int event, const char *reason);

/* audit_count, polled for up to 15 s until it reaches want (records are committed asynchronously). */
int audit_wait(struct gwp *g, int event, const char *reason, int want);

/* A synthetic case summary (caller frees with codec_free). */
Marac__V1__CaseSummary *synthetic_case(const char *case_ref, const char *area);
/* A Share of that case to the given agencies. Fields point into c and to; nothing to free. */
void make_share(Marac__V1__Share *s, const char *msg_id, Marac__V1__Agency *to, size_t n_to,
		Marac__V1__CaseSummary *c);
/* make_share's Share sent on c as one frame, not waiting for its answer:
 * mgw_client_send's result. */
int send_share(mgw_client *cl, const char *msg_id, Marac__V1__Agency *to, size_t n_to,
	       Marac__V1__CaseSummary *c);

/*
 * Police shares n copies of case_ref with IDVA while IDVA is offline,
 * retracting each (wrong case), then shares one more ("after"). IDVA then
 * connects and must receive all n Retracts (answering each with RetractAck)
 * before the "after" Deliver: asserted here (at most max_frames frames read).
 */
void expect_retracts_before_a_later_deliver(struct gwp *g, const char *case_ref, int n,
					    int max_frames);

/*
 * Raw TLS + WebSocket, for what the client library will not send (unmasked
 * frames, wrong paths or subprotocols). raw_tls: TLS as NAME ("" = no
 * certificate); NULL if the handshake failed. raw_upgrade: send the upgrade
 * request; returns the HTTP status of the answer, -1 if none.
 */
typedef struct ssl_st SSL;
SSL *raw_tls(struct gwp *g, const char *name, int *fd);
/* raw_tls with a certificate chain and key given as files (chain NULL: none). */
SSL *raw_tls_files(struct gwp *g, const char *chain, const char *key, int *fd);
int raw_upgrade(SSL *s, const char *path, const char *subprotocol);
/* One frame: opcode and payload, masked or not. 0 or -1. */
int raw_ws_send(SSL *s, int opcode, const void *p, size_t n, int masked);
/* Next frame's opcode (payload into buf, *len), -1 on close of TCP/timeout. */
int raw_ws_recv(SSL *s, int fd, unsigned char *buf, size_t cap, size_t *len, int timeout_ms);
void raw_close(SSL *s, int fd);
/* The daemon's resident memory, KiB (-1 if unreadable). */
long daemon_rss_kb(const struct gwp *g);
/* CLOCK_MONOTONIC in seconds. */
double mono_s(void);
/* n AuditQuery pages pipelined on a, then all n answers read, each within timeout_ms (asserted). */
void audit_pages(mgw_client *a, int n, int timeout_ms);
/* raw_tls as NAME, upgrade to /v1 marac.v1 and send Hello (masked or not). */
SSL *raw_hello(struct gwp *g, const char *name, int masked, int *fd);
/* raw_hello (masked), then frames read until the Welcome (asserted). */
SSL *raw_welcomed(struct gwp *g, const char *name, int *fd);
/* Rewrite g's config (stopped, or reloaded after): the first `from` after `after`
 * (NULL: from the start) becomes `to`; the test fails if either is absent. */
void config_replace(struct gwp *g, const char *after, const char *from, const char *to);

#endif
